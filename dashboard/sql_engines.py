"""The SQL engines: DuckDB (embedded) and Spark SQL, both over a Parquet dataset.

Both run the same SQL, written once in :class:`SqlEngine`; what differs between the
two spellings is in a :class:`~dashboard.filters.Dialect` (parameter markers, list
functions, quoting) plus the function that turns one list row into many
(``unnest`` / ``explode``). The filters' expressions come from the filter-kinds
registry (:meth:`FilterSpec.where`), so each engine filters with the in-memory
meaning; the parity tests (tests/test_engines.py) hold them to it.

The analyst's workspace (:mod:`dashboard.workspace`) is a second source, queried with the
dataset: its events, converted by the dataset writer's own :func:`dataset_table`, are a
second relation read with the dataset's files as one view (:class:`_Sources`). The
dataset's files are never written.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard import colours, export, schema
from dashboard.actors import ActorDirectory
from dashboard.dataset import (
    ROW_COLUMN,
    WHOLE_FOLDER,
    WHOLE_LANES,
    WHOLE_NETWORK_EDGES,
    YEAR_COLUMN,
    DatasetInfo,
    dataset_table,
    raw_column,
    read_info,
    restore_frame,
    whole_lanes_file,
)
from dashboard.filters import (
    COUNTRY_KEYS_COLUMN,
    DUCKDB,
    NOT_FACETS,
    PARTICIPANTS_COLUMN,
    SPARK,
    Dialect,
    FacetCounts,
    FilterSpec,
    Vocabulary,
    sorted_facet_counts,
)
from dashboard.network import MAX_NODES, MULTILATERAL, NODE_KINDS, NetworkData
from dashboard.query import (
    LATITUDE,
    LONGITUDE,
    EdgeWeights,
    Engine,
    EngineInfo,
    EventWindow,
    LaneCounts,
    MapCells,
    Summary,
    _check,
    period_label,
)
from dashboard.summary import Fatalities, fatality_column
from dashboard.table import index_loaded, load_directory
from dashboard.timeline import NO_LANE_VALUE
from dashboard.workspace import (
    ADDED_BY_COLUMN,
    NO_VERSION,
    VersionWatch,
    Workspace,
    ids_apart,
    log_unread,
    merge_with_workspace,
    with_actors,
)

logger = logging.getLogger(__name__)

#: Answers kept per engine (the most recently used); ``$ENGINE_ANSWERS_KEPT`` overrides it
#: (0: none, so every page run asks the engine: the benchmark's worst case).
ANSWERS_KEPT = 256
ANSWERS_VARIABLE = "ENGINE_ANSWERS_KEPT"
#: DuckDB's memory limit in the app process (``$DUCKDB_MEMORY_LIMIT`` overrides it).
DUCKDB_MEMORY_LIMIT = "300MB"
MEMORY_VARIABLE = "DUCKDB_MEMORY_LIMIT"
#: The dataset's view name in DuckDB, and its head's.
VIEW = "events"
HEAD_VIEW = "events_head"
#: Facet column -> the dataset column holding its values as a list.
_LIST_FACETS = {"actors": "actors", "recipients": "recipients", "countries": COUNTRY_KEYS_COLUMN}
_LANE_LISTS = {"country": COUNTRY_KEYS_COLUMN, "actor": PARTICIPANTS_COLUMN}
#: When two items (``a``, ``b``) of :meth:`SqlEngine._items` are linked: one event's, in
#: name order, everyone at a multilateral meeting (or countries), else an actor at one end.
_LINKED = "a.e = b.e AND a.name < b.name AND (a.allpairs OR a.role = 0 OR b.role = 0)"


#: SQL type names (DuckDB's and Spark's, lower case) of whole-number columns: facets.
_WHOLE_NUMBER_TYPES = frozenset({"tinyint", "smallint", "integer", "int", "bigint", "long"})
#: ... and of text columns (the workspace's badge column, which the dataset lacks, is text).
_TEXT_TYPES = ("varchar", "string")


def _event_types(seen) -> tuple[str, ...]:
    """The schema's event types, then the others seen, sorted (the sidebar's order)."""
    names = tuple(schema.EVENT_TYPE_NAMES)
    return names + tuple(sorted(set(seen) - set(names)))


def _merged_names(
    kept: Mapping[str, tuple[str, ...]], more: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """Two sets of known values as one (see :meth:`SqlEngine._names`)."""
    merged = {name: tuple(sorted({*values, *more.get(name, ())})) for name, values in kept.items()}
    merged["event_types"] = _event_types([*kept["event_types"], *more["event_types"]])
    return merged


def _answer(method):
    """Keep the method's answers in the engine's cache (see :meth:`SqlEngine._cached`),
    keyed by the workspace's version too: an answer computed before the workspace
    changed is never served after."""

    @functools.wraps(method)
    def cached(self, *args, **kwargs):
        with self._sources_of_call() as sources:
            key = (method.__name__, sources.version, *args, *sorted(kwargs.items()))
            return self._cached(key, lambda: method(self, *args, **kwargs))

    return cached


def _one_source(method):
    """Run the method over one state of the sources (the workspace's version read once)."""

    @functools.wraps(method)
    def consistent(self, *args, **kwargs):
        with self._sources_of_call():
            return method(self, *args, **kwargs)

    return consistent


@dataclass(frozen=True)
class _Registered:
    """The names an engine registers for one version of the workspace's events."""

    relation: str
    view: str
    head: str


_NAMES = ("workspace", "events_with_workspace", "events_head_with_workspace")


@dataclass(frozen=True)
class _Sources:
    """What an engine reads at one version of the workspace.

    ``view``: the dataset's view, or one reading the dataset and the workspace's events
    (``workspace_view``, their relation alone) as one. ``columns``: the events' columns
    as the in-memory table has them (the dataset's, then the workspace's badge column).
    ``directory``: the engine's actors directory plus the workspace's actors.
    ``problem``: why the workspace could not be read (its events are then left out).
    """

    version: tuple
    #: The workspace's version it was read at (None: the version could not be read).
    read_at: tuple | None
    view: str
    columns: tuple[str, ...]
    directory: ActorDirectory
    #: The head's view (None: no head file); with the workspace's badge column.
    head_view: str | None
    events: int = 0
    workspace_view: str | None = None
    #: The workspace events' longest span in days (see :meth:`SqlEngine._partitions_of`).
    max_span_days: int = 0
    problem: BaseException | None = None


class SqlEngine(Engine):
    """The queries, in SQL over the dataset view; subclasses run them."""

    dialect: Dialect
    #: The function making one row per item of a list, one dropping repeated items, and
    #: one counting the items.
    explode: str
    distinct: str
    size: str

    def except_(self, items: str, others: str) -> str:
        """The distinct items of list ``items`` that are not in list ``others``."""
        raise NotImplementedError

    def __init__(
        self, path: str | os.PathLike, actors_path=None, workspace: Workspace | None = None
    ) -> None:
        self.dataset: DatasetInfo = read_info(path)
        self._directory = load_directory(actors_path).with_inferred(self.dataset.actor_countries)
        self._vocabulary: tuple[tuple, Vocabulary] | None = None
        self._types: dict[str, str] = {}
        self._lock = threading.Lock()
        self._answers: OrderedDict[tuple, object] = OrderedDict()
        self.answers_kept = int(os.environ.get(ANSWERS_VARIABLE) or ANSWERS_KEPT)
        #: The dataset's view name in the engine, and its head's (None: no head file).
        self.dataset_view = VIEW
        self.head_view: str | None = None
        #: The workspace whose events are read with the dataset (None: the dataset alone).
        self.workspace = workspace
        self._watch = None if workspace is None else VersionWatch(workspace.path)
        self._latest: _Sources | None = None
        self._sync = threading.Lock()
        self._call = threading.local()
        self._generation = itertools.count(1)
        #: Names of the workspace relations and views registered, oldest first.
        self._registered: list[_Registered] = []

    # -- what subclasses provide --

    def run(self, sql: str, params: dict[str, object]) -> pa.Table:
        """The result of ``sql`` with named ``params``, as an Arrow table."""
        raise NotImplementedError

    def column_types(self) -> dict[str, str]:
        """Column name -> SQL type name (lower case) of the dataset view."""
        raise NotImplementedError

    def _register(self, names: _Registered, data: pa.Table) -> None:
        """Register ``data`` (the workspace's events) as ``names.relation``, a view reading
        the dataset and it as one (``names.view``, by column name) and, with a head file,
        the head's view with the badge column (``names.head``). The dataset's events have
        an empty badge (:func:`_badge`)."""
        raise NotImplementedError

    def _unregister(self, names: _Registered) -> None:
        raise NotImplementedError

    def _badge(self) -> str:
        """What the dataset's events add to read as one with the workspace's: an empty
        badge (none if the dataset has the column already: an export converted)."""
        if ADDED_BY_COLUMN in self.dataset.columns:
            return ""
        return f", '' AS {self._q(ADDED_BY_COLUMN)}"

    # -- the sources: the dataset, and the workspace's events --

    @property
    def directory(self) -> ActorDirectory:
        """The actors directory: the engine's, plus the workspace's actors."""
        return self._sources().directory

    @property
    def view(self) -> str:
        """The view the queries read: the dataset's, with the workspace's events if any."""
        return self._sources().view

    def workspace_problem(self) -> BaseException | None:
        """Why the workspace's events are left out (it cannot be read); None if they are not."""
        return self._sources().problem

    def workspace_events(self) -> int:
        return self._sources().events

    @contextmanager
    def _sources_of_call(self):
        """The sources of this call: read once, then kept for the calls it makes."""
        current = getattr(self._call, "sources", None)
        if current is not None:
            yield current
            return
        self._call.sources = self._sources()
        try:
            yield self._call.sources
        finally:
            self._call.sources = None

    def _sources(self) -> _Sources:
        """The sources at the workspace's current version (registered when it changed)."""
        current = getattr(self._call, "sources", None)
        if current is not None:
            return current
        with self._sync:
            try:
                version = NO_VERSION if self._watch is None else self._watch.version()
            except Exception as error:  # an unreadable workspace never takes the dataset down
                return self._unreadable(None, error)
            latest = self._latest
            if latest is not None and latest.read_at == version:
                return latest
            if version == NO_VERSION:
                self._latest = self._dataset_sources(version, self._directory)
            else:
                try:
                    self._latest = self._workspace_sources(version)
                except Exception as error:
                    return self._unreadable(version, error)
            return self._latest

    def _unreadable(self, version: tuple | None, error: BaseException) -> _Sources:
        """The dataset alone, with why (``version``: the workspace's, None if unread)."""
        latest = self._latest
        if latest is None or latest.problem is None:
            log_unread(logger, self.workspace.path, error)
        sources = self._dataset_sources(("unreadable",), self._directory)
        self._latest = replace(sources, read_at=version, problem=error)
        return self._latest

    def _dataset_sources(self, version: tuple, directory: ActorDirectory) -> _Sources:
        columns = self.dataset.columns
        return _Sources(version, version, self.dataset_view, columns, directory, self.head_view)

    def _workspace_sources(self, version: tuple) -> _Sources:
        """Read the workspace and register its events (converted as the dataset writer
        converts a table, the in-memory merge's rules applied) with the dataset's."""
        workspace = self.workspace
        directory = with_actors(self._directory, workspace.actors_frame())
        events = workspace.events_frame()
        if events.empty:
            return self._dataset_sources(version, directory)
        # The dataset's columns and types (no row read), and its ids the workspace's
        # events would take: the in-memory merge's rules, over the dataset.
        shape = restore_frame(
            self.run(f"SELECT * FROM {self.dataset_view} LIMIT 0", {}), self.dataset.columns
        )
        merged = merge_with_workspace(shape, ids_apart(events, self._ids_starting(events)))
        table = index_loaded(merged, directory, self.dataset.label)
        data = dataset_table(table, first_row=self.dataset.events)
        generation = next(self._generation)
        names = _Registered(*(f"{name}_{generation}_{id(self):x}" for name in _NAMES))
        self._register(names, data)
        self._registered.append(names)
        # The one before stays registered: a query of another thread may be reading it.
        while len(self._registered) > 2:
            self._unregister(self._registered.pop(0))
        head = names.head if self.head_view is not None else None
        span = int((merged["end_date"] - merged["start_date"]).max().days)
        columns = tuple(merged.columns)
        return _Sources(
            version,
            version,
            names.view,
            columns,
            directory,
            head,
            len(events),
            names.relation,
            max_span_days=span,
        )

    def _ids_starting(self, events) -> set[str]:
        """The dataset's event ids equal to or starting with a workspace event's id."""
        marker = self.dialect.marker
        ids = sorted(set(events["event_id"]))
        column = self._q("event_id")
        terms = " OR ".join(
            f"substring({column}, 1, {len(event_id)}) = {marker}w{i}"
            for i, event_id in enumerate(ids)
        )
        sql = f"SELECT {column} FROM {self.dataset_view} WHERE {terms}"
        params = {f"w{i}": event_id for i, event_id in enumerate(ids)}
        return set(self.run(sql, params).column(0).to_pylist())

    # -- helpers --

    def _cached(self, key: tuple, compute):
        """The answer to ``key`` (a method and its arguments), computed once.

        The dataset does not change while the engine is open, and every answer is a
        frozen result (a window's frame is copied out), so sessions share them: a page
        that many analysts open with the same filters asks the engine once.
        """
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        answer = compute()
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self.answers_kept:
                self._answers.popitem(last=False)
        return answer

    def _q(self, name: str) -> str:
        return self.dialect.identifier(name)

    def _select(
        self,
        spec: FilterSpec,
        body: str,
        params: dict | None = None,
        columns: tuple = (),
        view: str | None = None,
    ) -> pa.Table:
        """Run ``body`` (which reads ``filtered``) with the filtered events as a CTE.

        ``params``: more named parameters of ``body`` (named apart from the filter's
        ``p0``, ``p1``...). ``columns``: the only columns ``body`` reads (default all).
        An engine may compute a CTE read twice once, whole: naming the columns keeps it
        from reading the text columns. ``view``: the head's view instead of the dataset's.
        """
        where = spec.where(self.dialect)
        wanted = ", ".join(self._q(c) for c in columns) if columns else "*"
        source = view or self.view
        condition = " AND ".join([where.text, *self._partitions_of(spec)])
        sql = f"WITH filtered AS (SELECT {wanted} FROM {source} WHERE {condition}) {body}"
        return self.run(sql, {**where.params, **(params or {})})

    def _partitions_of(self, spec: FilterSpec) -> list[str]:
        """Conditions on the partition columns that the date bounds imply (none else).

        They change no answer: an event starting after ``end`` is outside, so its
        start year is at most ``end``'s; and an event ending on or after ``start``
        started at most the dataset's longest span (``max_span_days``, kept when it was
        written) before ``start``. Stated on ``start_year``, they let the engine leave
        whole folders unopened (the files' date statistics alone prune row groups only
        after each file's footer is read).
        """
        year = self._q(YEAR_COLUMN)
        terms = []
        if spec.end is not None:
            terms.append(f"{year} <= {int(spec.end.year)}")
        span = self.dataset.whole.get("max_span_days")
        if span is not None:  # and the workspace's events' longest
            span = max(int(span), self._sources().max_span_days)
        if spec.start is not None and span is not None:
            earliest = spec.start - dt.timedelta(days=int(span))
            terms.append(f"{year} >= {int(earliest.year)}")
        return terms

    def _rows(self, table: pa.Table) -> list[tuple]:
        columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
        return list(zip(*columns, strict=True))

    def _frame_columns(self) -> str:
        columns = self._sources().columns
        names = [c for c in columns if c not in schema.LIST_COLUMNS]
        names += [raw_column(c) for c in schema.LIST_COLUMNS if c in columns]
        return ", ".join(self._q(n) for n in [*names, ROW_COLUMN])

    # -- the Engine interface --

    @_one_source
    def info(self) -> EngineInfo:
        events = self.dataset.events + self._sources().events
        return EngineInfo(self.name, self.dataset.label, events, self.description())

    def description(self) -> str:
        return f"Parquet dataset {self.dataset.path}"

    @_one_source
    def vocabulary(self) -> Vocabulary:
        sources = self._sources()
        with self._lock:
            if self._vocabulary is not None and self._vocabulary[0] == sources.version:
                return self._vocabulary[1]
        vocabulary = self._build_vocabulary(sources)
        with self._lock:
            self._vocabulary = (sources.version, vocabulary)
        return vocabulary

    def _names(self, view: str) -> dict[str, tuple[str, ...]]:
        """The known values of the events ``view`` reads (five DISTINCT over them)."""

        def distinct(expression: str) -> tuple[str, ...]:
            sql = f"SELECT DISTINCT v FROM (SELECT {expression} AS v FROM {view}) d"
            values = self.run(sql, {}).column(0).to_pylist()
            return tuple(sorted(v for v in values if v))

        def listed(column: str) -> tuple[str, ...]:
            return distinct(f"{self.explode}({self._q(column)})")

        countries = listed(COUNTRY_KEYS_COLUMN)
        return {
            "countries": countries,
            "actors": listed(PARTICIPANTS_COLUMN),
            "event_types": _event_types(distinct(self._q("event_type"))),
            "facet.actors": listed("actors"),
            "facet.recipients": listed("recipients"),
            "facet.countries": countries,
        }

    def _build_vocabulary(self, sources: _Sources) -> Vocabulary:
        kept = self.dataset.whole.get("vocabulary")
        if kept:  # listed when the dataset was written (five DISTINCT over every event)
            names = {name: tuple(values) for name, values in kept.items()}
            if sources.workspace_view is not None:  # and the workspace's events' values
                names = _merged_names(names, self._names(sources.workspace_view))
        else:
            names = self._names(sources.view)
        return Vocabulary(
            names=names,
            canonical=sources.directory.canonical,
            facet_columns=self.facet_columns(),
        )

    @_one_source
    def facet_columns(self) -> tuple[str, ...]:
        types = self.column_types()
        text = [
            c
            for c in self._sources().columns
            if c not in NOT_FACETS
            and c not in schema.LIST_COLUMNS
            and c not in schema.DATE_COLUMNS
            and (
                types.get(c, _TEXT_TYPES[0] if c == ADDED_BY_COLUMN else None) in _TEXT_TYPES
                or types.get(c) in _WHOLE_NUMBER_TYPES
            )
        ]
        return (*schema.LIST_COLUMNS, *text)

    @_answer
    def count(self, spec: FilterSpec) -> int:
        if spec.is_empty():  # the manifest says how many events the dataset holds
            return self.dataset.events + self._sources().events
        counted = self._select(spec, "SELECT count(*) AS n FROM filtered", columns=(ROW_COLUMN,))
        return int(counted.column(0)[0].as_py())

    @_one_source
    def event_ids(self, spec: FilterSpec) -> tuple[str, ...]:
        body = f"SELECT {self._q('event_id')} FROM filtered ORDER BY {self._q(ROW_COLUMN)}"
        return tuple(
            self._select(spec, body, columns=("event_id", ROW_COLUMN)).column(0).to_pylist()
        )

    def _frame(self, spec: FilterSpec, limits: str = "", view: str | None = None):
        body = f"SELECT {self._frame_columns()} FROM filtered ORDER BY {self._q(ROW_COLUMN)}"
        answer = self._select(spec, body + limits, view=view)
        return restore_frame(answer, self._sources().columns)

    @_one_source
    def window(self, spec: FilterSpec, offset: int = 0, limit: int = 100) -> EventWindow:
        offset, limit = max(int(offset), 0), max(int(limit), 0)
        # The cached frame is shared: each caller gets its own copy.
        frame = self._window(spec, offset, limit).copy()
        return EventWindow(frame, self.count(spec), offset)

    @_answer
    def _window(self, spec: FilterSpec, offset: int, limit: int):
        limits = f" LIMIT {limit} OFFSET {offset}"
        sources = self._sources()
        if sources.head_view is not None:
            # The head holds every event before its last one in source order: when
            # ``limit`` of its events pass the filter, they are the first ones overall
            # (a broad filter's window, the unfiltered one) and no other file is read.
            # The workspace's events come after every one of the dataset's: the head
            # holds every event only when the workspace has none.
            frame = self._frame(spec, limits, sources.head_view)
            if len(frame) == limit or (
                self.dataset.head_rows >= self.dataset.events and not sources.events
            ):
                return frame
        return self._frame(spec, limits)

    def _whole_file(self, name: str) -> pa.Table | None:
        """One of the whole table's answer files (``WHOLE_FOLDER``), None if not written."""
        path = self.dataset.path / WHOLE_FOLDER / name
        if not self.dataset.whole or not path.is_file():
            return None
        return pq.read_table(path)

    @_answer
    def lane_counts(self, spec: FilterSpec, lane: str, period: str) -> LaneCounts:
        _check(lane, period)
        kept = None
        if spec.is_empty() and period == "month" and lane in WHOLE_LANES:
            kept = self._whole_file(whole_lanes_file(lane))
        if kept is not None:
            # Counted when the dataset was written (every event, lanes x months), sorted;
            # plus the workspace's events' counts.
            rows = zip(*(kept.column(c).to_pylist() for c in ("value", "period", "n")), strict=True)
            workspace = self._sources().workspace_view
            if workspace is not None:
                rows = _summed(rows, self._lane_rows(spec, lane, period, workspace))
            return LaneCounts(lane, period, tuple(rows))
        return LaneCounts(lane, period, tuple(sorted(self._lane_rows(spec, lane, period))))

    def _lane_rows(self, spec: FilterSpec, lane: str, period: str, view: str | None = None):
        """(value, period, events) of the filtered events of ``view`` (default all)."""
        if lane == "event_type":
            value, columns = self._q("event_type"), ("event_type", "start_date")
        else:
            # An event naming none counts once as NO_LANE_VALUE, as in memory.
            listed = self._q(_LANE_LISTS[lane])
            none = self.dialect.array.format(_literal(NO_LANE_VALUE))
            value = (
                f"{self.explode}(CASE WHEN coalesce({self.size}({listed}), 0) > 0 "
                f"THEN {listed} ELSE {none} END)"
            )
            columns = (_LANE_LISTS[lane], "start_date")
        start = self._q("start_date")
        month = "1" if period == "year" else f"month({start})"
        day = f"dayofmonth({start})" if period == "day" else "1"
        body = (
            f"SELECT v, y, m, d, count(*) AS n FROM (SELECT {value} AS v, year({start}) AS y, "
            f"{month} AS m, {day} AS d FROM filtered) lanes GROUP BY v, y, m, d"
        )
        return [
            (str(v), period_label(int(y), int(m), period, int(d)), int(n))
            for v, y, m, d, n in self._rows(self._select(spec, body, columns=columns, view=view))
        ]

    @_one_source
    def edge_weights(self, spec: FilterSpec) -> EdgeWeights:
        x = self.explode
        body = (
            f"SELECT a, r, count(*) AS n FROM (SELECT a, {x}(rs) AS r FROM "
            f"(SELECT {x}({self._q('actors')}) AS a, {self._q('recipients')} AS rs "
            "FROM filtered) ea) er WHERE a <> r GROUP BY a, r"
        )
        answer = self._select(spec, body, columns=("actors", "recipients"))
        rows = sorted((str(a), str(r), int(n)) for a, r, n in self._rows(answer))
        return EdgeWeights(tuple(rows))

    def _items(self, node_kind: str, more: str = "") -> tuple[str, tuple[str, ...]]:
        """The CTE ``items`` (one row per node of each filtered event: its row ``e``, its
        relation class ``rel``, 0 cooperation, 1 conflict, 2 other, ``allpairs`` when
        everyone is linked to everyone, a multilateral meeting or countries, the node
        ``name`` and its ``role``, 0 actor, 1 recipient), and the columns it reads.
        ``more``: further expressions over the event's columns (``, expr AS name``).
        Two items of one event are linked when :data:`_LINKED` holds (the network's rules,
        :func:`dashboard.network.relation_positions`'s)."""
        q, x = self._q, self.explode
        row, kind = q(ROW_COLUMN), q("event_type")
        cooperation, conflict = (
            ", ".join(_literal(name) for name in colours.relation_types(side))
            for side in ("cooperation", "conflict")
        )
        relation = (
            f"CASE WHEN {kind} IN ({cooperation}) THEN 0 "
            f"WHEN {kind} IN ({conflict}) THEN 1 ELSE 2 END"
        )
        if node_kind == "actor":
            actors, recipients = q("actors"), q("recipients")
            everyone = f"{kind} = {_literal(MULTILATERAL)}"
            # Someone both actor and recipient of one event counts once, as actor.
            listed = (
                f"SELECT {row} AS e, {relation} AS rel, {everyone} AS allpairs, "
                f"{x}({self.distinct}({actors})) AS name, 0 AS role{more} FROM filtered "
                f"UNION ALL SELECT {row}, {relation}, {everyone}, "
                f"{x}({self.except_(recipients, actors)}), 1{more} FROM filtered"
            )
            columns = (ROW_COLUMN, "event_type", "actors", "recipients")
        else:
            listed = (
                f"SELECT {row} AS e, {relation} AS rel, TRUE AS allpairs, "
                f"{x}({self.distinct}({q(COUNTRY_KEYS_COLUMN)})) AS name, 0 AS role{more} "
                "FROM filtered"
            )
            columns = (ROW_COLUMN, "event_type", COUNTRY_KEYS_COLUMN)
        cte = f"items AS (SELECT * FROM ({listed}) i WHERE name IS NOT NULL AND name <> '')"
        return cte, columns

    def _deaths(self) -> tuple[str, str] | None:
        """The column counting the events' deaths and an expression of one event's
        (NULL where the row gives no number), by :func:`dashboard.summary.fatality_values`'
        rule; None when the table counts none (:func:`dashboard.summary.fatality_column`)."""
        column = fatality_column(self._sources().columns)
        if column is None:
            return None
        number = f"TRY_CAST(trim(CAST({self._q(column)} AS {self.dialect.text})) AS DOUBLE)"
        return column, f"CASE WHEN {number} >= 0 AND NOT isnan({number}) THEN {number} END"

    @_answer
    def fatalities(self, spec: FilterSpec) -> Fatalities | None:
        deaths = self._deaths()
        if deaths is None:
            return None
        column, value = deaths
        body = f"SELECT sum(d), count(*) - count(d) FROM (SELECT {value} AS d FROM filtered) f"
        total, unknown = self._rows(self._select(spec, body, columns=(column,)))[0]
        return Fatalities(column, int(total or 0), int(unknown))

    @_answer
    def relation_fatalities(
        self, spec: FilterSpec, node_kind: str, pairs: tuple[tuple[str, str], ...]
    ) -> tuple[int, ...] | None:
        deaths = self._deaths()
        if deaths is None:
            return None
        if not pairs:
            return ()
        column, value = deaths
        marker = self.dialect.marker
        names = sorted({name for pair in pairs for name in pair})
        params = {f"n{i}": name for i, name in enumerate(names)}
        listed = ", ".join(f"{marker}n{i}" for i in range(len(names)))
        items, columns = self._items(node_kind, f", {value} AS d")
        body = (
            f", {items} SELECT a.name, b.name, sum(a.d) FROM items a JOIN items b ON {_LINKED} "
            f"WHERE a.name IN ({listed}) AND b.name IN ({listed}) GROUP BY a.name, b.name"
        )
        rows = self._rows(self._select(spec, body, params, (*columns, column)))
        found = {(str(u), str(v)): float(d or 0) for u, v, d in rows}
        return tuple(round(found.get(tuple(sorted((a, b))), 0)) for a, b in pairs)

    def kept_relation_fatalities(
        self, node_kind: str, pairs: tuple[tuple[str, str], ...]
    ) -> tuple[int, ...] | None:
        whole = self.dataset.whole.get("network", {}).get(node_kind) or {}
        if "deaths" not in whole or self._sources().workspace_view is not None:
            return None  # written before they were kept, or the workspace's events count
        kept = {
            tuple(sorted((str(u), str(v)))): int(d)
            for (u, v, *_), d in zip(whole["edges"], whole["deaths"], strict=True)
        }
        found = tuple(kept.get(tuple(sorted(pair))) for pair in pairs)
        return None if None in found else found

    @_one_source
    def relation_window(
        self,
        spec: FilterSpec,
        node_kind: str,
        first: str,
        second: str,
        limit: int = 100,
        total: int | None = None,
    ) -> EventWindow:
        first, second = sorted((str(first), str(second)))
        if first == second:
            return EventWindow(self._frame(spec, " LIMIT 0"), 0, 0)
        total = None if total is None else int(total)
        return self._relation_window(spec, node_kind, first, second, max(int(limit), 0), total)

    @_answer
    def _relation_window(
        self,
        spec: FilterSpec,
        node_kind: str,
        first: str,
        second: str,
        limit: int,
        total: int | None,
    ) -> EventWindow:
        q = self._q
        linked, columns = self._linked(node_kind)
        params = {"a": first, "b": second}
        body = (
            f"SELECT {self._frame_columns()} FROM filtered WHERE {linked} "
            f"ORDER BY {q(ROW_COLUMN)} LIMIT {limit}"
        )
        frame = restore_frame(self._select(spec, body, params), self._sources().columns)
        if len(frame) < limit:
            total = len(frame)  # every one of them was fetched
        if total is None:
            # A second scan as long as the first (2.0 s unfiltered at 1M events on
            # DuckDB): the page passes the relations list's count instead.
            counted = self._select(
                spec, f"SELECT count(*) FROM filtered WHERE {linked}", params, columns
            )
            total = int(counted.column(0)[0].as_py())
        return EventWindow(frame, total, 0)

    def _linked(self, node_kind: str) -> tuple[str, tuple[str, ...]]:
        """The condition that an event links the names of the parameters ``a`` and ``b``
        in the network of ``node_kind``, and the columns it reads.

        An event links the two when it lists both (an actor and its recipient, two
        actors, any two at a multilateral meeting; two countries): the rules of
        :meth:`_items` and ``_LINKED``, tested on each event's lists, with no self-join
        (one over every event took 4 s at 1M events on DuckDB).
        """
        q, dialect = self._q, self.dialect

        def lists(column: str, name: str) -> str:
            return f"{dialect.overlap}({q(column)}, {dialect.array.format(dialect.marker + name)})"

        if node_kind == "actor":
            listed = [f"({lists('actors', n)} OR {lists('recipients', n)})" for n in ("a", "b")]
            linked = (
                f"{listed[0]} AND {listed[1]} AND ({q('event_type')} = {_literal(MULTILATERAL)} "
                f"OR {lists('actors', 'a')} OR {lists('actors', 'b')})"
            )
            return linked, ("event_type", "actors", "recipients")
        linked = f"{lists(COUNTRY_KEYS_COLUMN, 'a')} AND {lists(COUNTRY_KEYS_COLUMN, 'b')}"
        return linked, (COUNTRY_KEYS_COLUMN,)

    @_one_source
    def relation_events(
        self,
        spec: FilterSpec,
        node_kind: str,
        first: str,
        second: str,
        columns: tuple[str, ...],
    ) -> pd.DataFrame:
        first, second = sorted((str(first), str(second)))
        # The cached frame is shared: each caller gets its own copy.
        return self._relation_events(spec, node_kind, first, second, tuple(columns)).copy()

    @_answer
    def _relation_events(
        self, spec: FilterSpec, node_kind: str, first: str, second: str, columns: tuple[str, ...]
    ) -> pd.DataFrame:
        linked, read = self._linked(node_kind)
        if first == second:  # no relation (its parameters still named, as the query's)
            linked = f"({linked}) AND FALSE"
        # A list column (actors...) is read as its text as loaded, as restore_frame reads it.
        stored = [raw_column(c) if c in schema.LIST_COLUMNS else c for c in columns]
        body = f"SELECT {', '.join(self._q(c) for c in stored)} FROM filtered WHERE {linked}"
        read = tuple(dict.fromkeys([*read, *stored]))
        answer = self._select(spec, body, {"a": first, "b": second}, read)
        return restore_frame(answer, columns)

    @_answer
    def network(
        self, spec: FilterSpec, node_kind: str = "actor", ego: str | None = None, limit: int = 300
    ) -> NetworkData:
        if node_kind not in NODE_KINDS:
            raise ValueError(f"node_kind must be one of {NODE_KINDS}, not {node_kind!r}")
        whole = self.dataset.whole.get("network", {}).get(node_kind)
        alone = self._sources().workspace_view is None  # not the whole table with them
        if spec.is_empty() and ego is None and limit == WHOLE_NETWORK_EDGES and whole and alone:
            # The unfiltered view, answered when the dataset was written (the slowest
            # question: a pair per two participants of every event, grouped).
            counts = {str(name): int(n) for name, n in whole["nodes"]}
            edges = tuple(tuple(edge) for edge in whole["edges"])
            return self._network_data(node_kind, counts, edges, int(whole["total_edges"]), None)
        marker = self.dialect.marker
        if node_kind == "actor":
            ego = None if ego is None else self.directory.canonical(ego)
        items, columns = self._items(node_kind)
        ctes = [
            items,
            "edges AS (SELECT a.name AS u, b.name AS v, count(*) AS w, "
            "CAST(sum(CASE WHEN a.rel = 0 THEN 1 ELSE 0 END) AS BIGINT) AS c, "
            "CAST(sum(CASE WHEN a.rel = 1 THEN 1 ELSE 0 END) AS BIGINT) AS k "
            f"FROM items a JOIN items b ON {_LINKED} GROUP BY a.name, b.name)",
            "nodes AS (SELECT name, count(*) AS n FROM items GROUP BY name)",
        ]
        params: dict[str, object] = {}
        edges = "edges"
        if ego is not None:
            # The ego's neighbours first (a small list), then the edges among them. One
            # query with IN (SELECT ... UNION ...) sub-queries gave Spark duplicate edges.
            touching = self._rows(
                self._select(
                    spec,
                    ", " + ", ".join(ctes) + f" SELECT u, v FROM edges WHERE u = {marker}ego "
                    f"OR v = {marker}ego",
                    {"ego": ego},
                    columns,
                )
            )
            around = sorted({ego, *(name for pair in touching for name in pair)})
            params = {f"n{i}": name for i, name in enumerate(around)}
            names = ", ".join(f"{marker}n{i}" for i in range(len(around)))
            ctes.append(
                f"ego_edges AS (SELECT * FROM edges WHERE u IN ({names}) AND v IN ({names}))"
            )
            edges = "ego_edges"
        limit = max(0, int(limit))
        ctes.append(f"kept AS (SELECT * FROM {edges} ORDER BY w DESC, u, v LIMIT {limit})")
        parts = [
            "SELECT 'e' AS r, u, v, w, c, k FROM kept",
            f"SELECT 't', NULL, NULL, count(*), 0, 0 FROM {edges}",
            # The nodes at the ends of the kept edges, with their counts.
            "SELECT 'n', name, NULL, n, 0, 0 FROM nodes WHERE name IN "
            "(SELECT u FROM kept UNION SELECT v FROM kept)",
        ]
        if ego is not None:
            ego_marker = f"{marker}n{around.index(ego)}"
            parts.append(f"SELECT 'n', name, NULL, n, 0, 0 FROM nodes WHERE name = {ego_marker}")
        else:
            parts.append(
                "SELECT 'i', name, NULL, n, 0, 0 FROM (SELECT name, n FROM nodes WHERE name NOT IN "
                "(SELECT u FROM edges UNION SELECT v FROM edges) "
                f"ORDER BY n DESC, name LIMIT {MAX_NODES}) lonely"
            )
        body = ", " + ", ".join(ctes) + " " + " UNION ALL ".join(parts)
        rows = self._rows(self._select(spec, body, params, columns))
        return self._network_of(rows, node_kind, ego)

    def _network_of(self, rows, node_kind: str, ego: str | None) -> NetworkData:
        """NetworkData from the rows of :meth:`network`'s query: kept edges (``e``), their
        total (``t``), nodes at their ends or the ego (``n``), lonely nodes (``i``)."""
        kept = sorted(
            (str(u), str(v), int(w), int(c), int(k)) for r, u, v, w, c, k in rows if r == "e"
        )
        total = next(int(w) for r, _, _, w, _, _ in rows if r == "t")
        counts = {str(u): int(w) for r, u, _, w, _, _ in rows if r == "n"}
        if ego is not None and ego not in counts:
            return NetworkData(node_kind, (), (), 0, ego, False)
        if ego is None and len(counts) < MAX_NODES:
            lonely = sorted(((-int(w), str(u)) for r, u, _, w, _, _ in rows if r == "i"))
            for minus, name in lonely[: MAX_NODES - len(counts)]:
                counts[name] = -minus
        return self._network_data(node_kind, counts, tuple(kept), total, ego)

    def _network_data(self, node_kind, counts, edges, total, ego) -> NetworkData:
        """NetworkData of node counts (name -> events) and edges; countries from the
        engine's directory."""

        def country(name: str) -> str:
            return self.directory.country_of(name) if node_kind == "actor" else name

        nodes = tuple((name, n, country(name)) for name, n in sorted(counts.items()))
        return NetworkData(node_kind, nodes, edges, total, ego)

    @_answer
    def map_cells(self, spec: FilterSpec, size: float = 1.0) -> MapCells:
        if LATITUDE not in self.dataset.columns or LONGITUDE not in self.dataset.columns:
            return MapCells(size, ())
        size = float(size)
        whole = self._whole_file("cells.parquet") if spec.is_empty() else None
        if whole is not None and size == self.dataset.whole.get("cell_degrees"):
            # Counted when the dataset was written; plus the workspace's events' cells.
            rows = zip(*(whole.column(c).to_pylist() for c in ("lat", "lon", "n")), strict=True)
            workspace = self._sources().workspace_view
            if workspace is not None:
                rows = _summed(rows, self._cell_rows(spec, size, workspace))
            return MapCells(size, tuple(sorted(rows)))
        return MapCells(size, tuple(sorted(self._cell_rows(spec, size))))

    def _cell_rows(self, spec: FilterSpec, size: float, view: str | None = None):
        """(lat, lon, events) of the filtered events of ``view`` (default all)."""

        def number(column: str) -> str:
            return f"TRY_CAST(trim({self._q(column)}) AS DOUBLE)"

        body = (
            f"SELECT floor(lat / {size!r}) * {size!r} AS a, floor(lon / {size!r}) * {size!r} "
            f"AS o, count(*) AS n FROM (SELECT {number(LATITUDE)} AS lat, "
            f"{number(LONGITUDE)} AS lon FROM filtered) c "
            "WHERE abs(lat) <= 90 AND abs(lon) <= 180 GROUP BY a, o"
        )
        answer = self._select(spec, body, columns=(LATITUDE, LONGITUDE), view=view)
        return [(float(a), float(o), int(n)) for a, o, n in self._rows(answer)]

    @_answer
    def facet_counts(self, spec: FilterSpec, column: str) -> FacetCounts:
        if column in _LIST_FACETS:
            value = f"{self.explode}({self._q(_LIST_FACETS[column])})"
        elif column in self.facet_columns():
            # As text, as the facet filter compares it: a whole number (QuadClass) as "4".
            value = f"CAST({self._q(column)} AS {self.dialect.text})"
        else:
            return FacetCounts(column, (), ())
        body = (
            f"SELECT v, count(*) AS n FROM (SELECT {value} AS v FROM filtered) f "
            "WHERE v IS NOT NULL AND v <> '' GROUP BY v"
        )
        listed = _LIST_FACETS.get(column, column)
        answer = self._select(spec, body, columns=(listed,))
        return sorted_facet_counts(column, dict(self._rows(answer)))

    @_answer
    def summary(self, spec: FilterSpec) -> Summary:
        whole = self.dataset.whole.get("summary")
        alone = self._sources().workspace_view is None  # distinct counts do not add up
        if spec.is_empty() and whole and alone:  # counted when the dataset was written
            return Summary.of_counts(whole)
        x = self.explode

        def distinct(column: str) -> str:
            return (
                f"(SELECT count(DISTINCT v) FROM (SELECT {x}({self._q(column)}) AS v "
                "FROM filtered) d)"
            )

        body = (
            f"SELECT (SELECT count(*) FROM filtered), {distinct(COUNTRY_KEYS_COLUMN)}, "
            f"{distinct(PARTICIPANTS_COLUMN)}, "
            f"(SELECT min({self._q('start_date')}) FROM filtered), "
            f"(SELECT max({self._q('end_date')}) FROM filtered)"
        )
        columns = (ROW_COLUMN, COUNTRY_KEYS_COLUMN, PARTICIPANTS_COLUMN, "start_date", "end_date")
        events, countries, actors, first, last = self._rows(
            self._select(spec, body, columns=columns)
        )[0]
        return Summary(int(events), int(countries), int(actors), _date(first), _date(last))

    @_one_source
    def export_csv(self, spec: FilterSpec) -> bytes:
        return export.export_csv(self._frame(spec))


def _summed(rows, more) -> list[tuple]:
    """Counts ``(key..., n)`` of two parts of the events as one, sorted."""
    total: dict[tuple, int] = {}
    for *key, n in [*rows, *more]:
        total[tuple(key)] = total.get(tuple(key), 0) + int(n)
    return sorted((*key, n) for key, n in total.items())


def _date(value) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _literal(text: str) -> str:
    """A SQL string literal (for paths only; values always go in as parameters)."""
    return "'" + text.replace("'", "''") + "'"


class DuckDBEngine(SqlEngine):
    """DuckDB, in this process, over the dataset's Parquet files (read as needed)."""

    name = "duckdb"
    dialect = DUCKDB
    explode = "unnest"
    distinct = "list_distinct"
    size = "len"

    def except_(self, items: str, others: str) -> str:
        return (
            f"list_distinct(list_filter({items}, lambda item: NOT list_contains({others}, item)))"
        )

    def __init__(
        self,
        path: str | os.PathLike,
        actors_path=None,
        threads: int | None = None,
        memory_limit: str | None = None,
        workspace: Workspace | None = None,
    ):
        super().__init__(path, actors_path, workspace)
        import duckdb

        config: dict[str, object] = {"threads": threads} if threads else {}
        # Bounded memory: DuckDB's default is 80 % of RAM, and it keeps the Parquet
        # files' blocks it read in memory. Above the limit it spills to a temporary file.
        config["memory_limit"] = (
            memory_limit or os.environ.get(MEMORY_VARIABLE) or DUCKDB_MEMORY_LIMIT
        )
        config["enable_external_file_cache"] = False
        # Every query that needs an order says it (ORDER BY): results need not keep the
        # files' order, which lets DuckDB stream them with less memory.
        config["preserve_insertion_order"] = False
        self._connection = duckdb.connect(":memory:", config=config)
        self._connection.execute(
            f"CREATE VIEW {VIEW} AS SELECT * FROM read_parquet("
            f"{_literal(self.dataset.files)}, hive_partitioning = true)"
        )
        if self.dataset.head_rows:
            self.head_view = HEAD_VIEW
            self._connection.execute(
                f"CREATE VIEW {HEAD_VIEW} AS SELECT * FROM read_parquet("
                f"{_literal(self.dataset.head_file)})"
            )

    def run(self, sql: str, params: dict[str, object]) -> pa.Table:
        # A cursor per query: one DuckDB connection must not be shared between threads.
        with self._connection.cursor() as cursor:
            return cursor.sql(sql, params=params or None).to_arrow_table()

    def _register(self, names: _Registered, data: pa.Table) -> None:
        # A table of the in-memory database (an Arrow table registered with a cursor is
        # seen by that cursor alone; every query has its own).
        with self._connection.cursor() as cursor:
            arrow = f"{names.relation}_arrow"
            cursor.register(arrow, data)
            cursor.execute(f"CREATE TABLE {names.relation} AS SELECT * FROM {arrow}")
            cursor.unregister(arrow)
            cursor.execute(
                f"CREATE VIEW {names.view} AS SELECT *{self._badge()} FROM {VIEW} "
                f"UNION ALL BY NAME SELECT * FROM {names.relation}"
            )
            if self.head_view is not None:
                cursor.execute(
                    f"CREATE VIEW {names.head} AS SELECT *{self._badge()} FROM {HEAD_VIEW}"
                )

    def _unregister(self, names: _Registered) -> None:
        with self._connection.cursor() as cursor:
            cursor.execute(f"DROP VIEW IF EXISTS {names.head}")
            cursor.execute(f"DROP VIEW IF EXISTS {names.view}")
            cursor.execute(f"DROP TABLE IF EXISTS {names.relation}")

    def column_types(self) -> dict[str, str]:
        if not self._types:
            rows = self.run(f"DESCRIBE {VIEW}", {}).to_pylist()
            self._types = {row["column_name"]: row["column_type"].lower() for row in rows}
        return self._types

    def description(self) -> str:
        return f"DuckDB over the Parquet dataset {self.dataset.path}"

    def close(self) -> None:
        self._connection.close()
        if self._watch is not None:
            self._watch.close()


def spark_session(master: str | None = None):
    """This process's SparkSession (local mode unless ``$SPARK_MASTER`` names a cluster)."""
    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.master(master or os.environ.get("SPARK_MASTER", "local[2]"))
        .appName("diplomatic-timeline")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


class SparkEngine(SqlEngine):
    """Spark SQL over the dataset (the same SQL as DuckDB; Spark's spelling)."""

    name = "spark"
    dialect = SPARK
    explode = "explode"
    distinct = "array_distinct"
    size = "size"

    def except_(self, items: str, others: str) -> str:
        return f"array_except({items}, {others})"

    def __init__(
        self,
        path: str | os.PathLike,
        actors_path=None,
        session=None,
        workspace: Workspace | None = None,
    ):
        super().__init__(path, actors_path, workspace)
        self.session = session or spark_session()
        frame = self.session.read.option("basePath", str(self.dataset.path)).parquet(
            str(Path(self.dataset.path))
        )
        # One view per engine: several datasets may be open in one session.
        self.dataset_view = f"events_{id(self):x}"
        frame.createOrReplaceTempView(self.dataset_view)
        self._frames = {self.dataset_view: frame}
        if self.dataset.head_rows:
            self.head_view = f"events_head_{id(self):x}"
            head = self.session.read.parquet(self.dataset.head_file)
            head.createOrReplaceTempView(self.head_view)
            self._frames[self.head_view] = head
        self._types = {f.name: f.dataType.simpleString().lower() for f in frame.schema.fields}

    def _register(self, names: _Registered, data: pa.Table) -> None:
        from pyspark.sql import functions

        def badged(name: str):
            frame = self._frames[name]
            if ADDED_BY_COLUMN in self.dataset.columns:
                return frame
            return frame.withColumn(ADDED_BY_COLUMN, functions.lit(""))

        workspace = self.session.createDataFrame(data)
        workspace.createOrReplaceTempView(names.relation)
        badged(self.dataset_view).unionByName(workspace).createOrReplaceTempView(names.view)
        if self.head_view is not None:
            badged(self.head_view).createOrReplaceTempView(names.head)

    def _unregister(self, names: _Registered) -> None:
        for name in (names.head, names.view, names.relation):
            self.session.catalog.dropTempView(name)

    def run(self, sql: str, params: dict[str, object]) -> pa.Table:
        return self.session.sql(sql, args=params or None).toArrow()

    def column_types(self) -> dict[str, str]:
        return self._types

    def description(self) -> str:
        master = self.session.sparkContext.master
        return f"Spark SQL ({master}) over the Parquet dataset {self.dataset.path}"

    def close(self) -> None:
        self.session.catalog.dropTempView(self.dataset_view)
        if self.head_view is not None:
            self.session.catalog.dropTempView(self.head_view)
        while self._registered:
            self._unregister(self._registered.pop())
        if self._watch is not None:
            self._watch.close()
