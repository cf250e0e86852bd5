"""The query layer: what the views ask of the events, answered by one of several engines.

Every engine answers the same questions with the same small frozen results:
filtered events in a bounded window, counts per lane and period, edge weights,
map cells, facet counts and summary counts, and the filtered CSV export. The
filters are a :class:`~dashboard.filters.FilterSpec`, so a view means the same on
every engine. The in-memory engine (:class:`MemoryEngine`, over an
:class:`~dashboard.table.EventTable`) is the default for tables that fit in memory
and the oracle the other engines are tested against; the SQL engines (DuckDB and
Spark over a Parquet dataset) are in :mod:`dashboard.sql_engines`.

Engines are registered in :data:`ENGINES` (name -> how to open one over a table
path); :func:`open_engine` picks one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard import export
from dashboard.actors import ActorDirectory
from dashboard.compact import plain_text
from dashboard.filters import (
    FacetCounts,
    FilterSpec,
    Vocabulary,
    facet_counts,
    filter_positions,
    table_vocabulary,
)
from dashboard.loading import coordinate_values
from dashboard.network import (
    NetworkData,
    network_data,
    relation_fatalities,
    relation_positions,
)
from dashboard.subsets import postings_pairs, selected_mask
from dashboard.summary import Fatalities, fatalities, summarise
from dashboard.table import EventTable, Postings
from dashboard.timeline import NO_LANE_VALUE, lane_items

#: Lanes the timeline counts by, and periods it counts per.
LANES = ("event_type", "country", "actor")
PERIODS = ("year", "month", "day")
#: Columns read for map cells (optional in the schema).
LATITUDE, LONGITUDE = "latitude", "longitude"


@dataclass(frozen=True)
class EventWindow:
    """A bounded window of the filtered events, in table order, and how many there are."""

    events: pd.DataFrame
    total: int
    offset: int


@dataclass(frozen=True)
class LaneCounts:
    """Number of filtered events per lane value and period (``2022``, ``2022-07`` or
    ``2022-07-31``).

    An event counts once in each of its lanes (a country lane: the event's countries
    and its actors', as the country filter sees them), in the period of its start.
    """

    lane: str
    period: str
    rows: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class EdgeWeights:
    """For each (actor, recipient) pair of the filtered events, how many events link them."""

    rows: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class MapCells:
    """Filtered events per grid cell (south-west corner in degrees) of ``size`` degrees."""

    size: float
    rows: tuple[tuple[float, float, int], ...]


@dataclass(frozen=True)
class Summary:
    """Counts at a glance: events, distinct countries and actors, the date span."""

    events: int
    countries: int
    actors: int
    first_date: dt.date | None
    last_date: dt.date | None

    @classmethod
    def of_counts(cls, counts) -> Summary:
        """From :func:`dashboard.summary.summarise`'s counts (dates as ISO text)."""
        first, last = counts["first_date"], counts["last_date"]
        return cls(
            int(counts["events"]),
            int(counts["countries"]),
            int(counts["actors"]),
            dt.date.fromisoformat(first) if first else None,
            dt.date.fromisoformat(last) if last else None,
        )


@dataclass(frozen=True)
class EngineInfo:
    """Which engine serves which table (the About page says so)."""

    engine: str
    label: str
    events: int
    description: str


def period_label(year: int, month: int, period: str, day: int = 1) -> str:
    """``2022``, ``2022-07`` or ``2022-07-31``."""
    if period == "year":
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if period == "month" else f"{year:04d}-{month:02d}-{day:02d}"


def _period_of(month: int, period: str) -> str:
    """The label of a month counted from 1970-01 (``2022`` or ``2022-07``)."""
    return period_label(month // 12 + 1970, month % 12 + 1, period)


def _day_of(day: int) -> str:
    """The label of a day counted from 1970-01-01 (``2022-07-31``)."""
    return str(np.datetime64(day, "D"))


class Engine:
    """What every engine answers. Subclasses implement all of it; see :class:`MemoryEngine`."""

    name: str = ""
    #: The actors directory the engine's table was indexed with (canonical names).
    directory: ActorDirectory

    def info(self) -> EngineInfo:
        raise NotImplementedError

    def vocabulary(self) -> Vocabulary:
        """Known values, for :meth:`FilterSpec.restricted_to`."""
        raise NotImplementedError

    def count(self, spec: FilterSpec) -> int:
        raise NotImplementedError

    def event_ids(self, spec: FilterSpec) -> tuple[str, ...]:
        """Ids of the filtered events in table order."""
        raise NotImplementedError

    def window(self, spec: FilterSpec, offset: int = 0, limit: int = 100) -> EventWindow:
        """At most ``limit`` filtered events from the ``offset``-th on, in table order."""
        raise NotImplementedError

    def lane_counts(self, spec: FilterSpec, lane: str, period: str) -> LaneCounts:
        raise NotImplementedError

    def edge_weights(self, spec: FilterSpec) -> EdgeWeights:
        raise NotImplementedError

    def network(
        self, spec: FilterSpec, node_kind: str = "actor", ego: str | None = None, limit: int = 300
    ) -> NetworkData:
        """The Network's nodes and its ``limit`` strongest edges (see
        :func:`dashboard.network.network_data`), aggregated by the engine."""
        raise NotImplementedError

    def map_cells(self, spec: FilterSpec, size: float = 1.0) -> MapCells:
        """Counts per cell of the events with a ``latitude`` and ``longitude`` (none: empty)."""
        raise NotImplementedError

    def facet_counts(self, spec: FilterSpec, column: str) -> FacetCounts:
        raise NotImplementedError

    def summary(self, spec: FilterSpec) -> Summary:
        raise NotImplementedError

    def fatalities(self, spec: FilterSpec) -> Fatalities | None:
        """The deaths of the filtered events (:func:`dashboard.summary.fatalities`), or None
        when the table counts none."""
        raise NotImplementedError

    def relation_fatalities(
        self, spec: FilterSpec, node_kind: str, pairs: tuple[tuple[str, str], ...]
    ) -> tuple[int, ...] | None:
        """The deaths of the filtered events behind each ``(first, second)`` of ``pairs``
        (:func:`dashboard.network.relation_fatalities`), or None when the table counts none."""
        raise NotImplementedError

    def kept_relation_fatalities(
        self, node_kind: str, pairs: tuple[tuple[str, str], ...]
    ) -> tuple[int, ...] | None:
        """The deaths of every event behind each of ``pairs`` as kept with the dataset (the
        unfiltered network's edges), or None when they are not all kept: asking
        :meth:`relation_fatalities` over every event would take seconds."""
        return None

    def relation_window(
        self,
        spec: FilterSpec,
        node_kind: str,
        first: str,
        second: str,
        limit: int = 100,
        total: int | None = None,
    ) -> EventWindow:
        """The first ``limit`` filtered events linking ``first`` and ``second`` in the
        network of ``node_kind`` (:func:`dashboard.network.relation_positions`), in table
        order, and how many there are: ``total`` when the caller knows it (the relation's
        weight in the network of ``spec``: the relations list's events), not counted again."""
        raise NotImplementedError

    def relation_events(
        self,
        spec: FilterSpec,
        node_kind: str,
        first: str,
        second: str,
        columns: tuple[str, ...],
    ) -> pd.DataFrame:
        """The ``columns`` of every filtered event linking ``first`` and ``second`` (those
        :meth:`relation_window` finds), all of them in no set order: what a view of the
        whole relation reads (its course over time) without fetching every column."""
        raise NotImplementedError

    def export_csv(self, spec: FilterSpec) -> bytes:
        """The filtered events as :func:`dashboard.export.export_csv` writes them."""
        raise NotImplementedError

    def workspace_problem(self) -> BaseException | None:
        """Why the workspace's events are left out (it cannot be read); None if they are not."""
        return None

    def workspace_events(self) -> int:
        """How many of the table's events are the workspace's (the banner says so)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release what the engine holds (connections, sessions)."""


def _check(lane: str, period: str) -> None:
    if lane not in LANES:
        raise ValueError(f"unknown lane {lane!r}; use one of {', '.join(LANES)}")
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; use one of {', '.join(PERIODS)}")


class MemoryEngine(Engine):
    """The in-memory index (:class:`EventTable`): the default, and the oracle."""

    name = "memory"

    def __init__(
        self, table: EventTable, filtered: tuple[FilterSpec, np.ndarray] | None = None
    ) -> None:
        """``filtered``: a spec and its positions, already computed (a page's filter)."""
        self.table = table
        self._filtered = filtered

    @property
    def directory(self) -> ActorDirectory:
        return self.table.directory

    def info(self) -> EngineInfo:
        return EngineInfo(
            self.name, self.table.label, len(self.table), "in memory, indexed in this process"
        )

    def vocabulary(self) -> Vocabulary:
        return table_vocabulary(self.table)

    def positions(self, spec: FilterSpec) -> np.ndarray:
        """Positions of the events ``spec`` keeps (the page's, if it filtered already)."""
        if self._filtered is not None and self._filtered[0] == spec:
            return self._filtered[1]
        return filter_positions(self.table, spec)

    def count(self, spec: FilterSpec) -> int:
        return len(self.positions(spec))

    def event_ids(self, spec: FilterSpec) -> tuple[str, ...]:
        return tuple(self.table.events["event_id"].iloc[self.positions(spec)].tolist())

    def window(self, spec: FilterSpec, offset: int = 0, limit: int = 100) -> EventWindow:
        positions = self.positions(spec)
        offset = max(offset, 0)
        chosen = positions[offset : offset + max(limit, 0)]
        return EventWindow(self.table.take(chosen), len(positions), offset)

    def lane_counts(self, spec: FilterSpec, lane: str, period: str) -> LaneCounts:
        _check(lane, period)
        table = self.table
        positions = self.positions(spec)
        # Events naming no country (actor) count in a lane of their own, as the Timeline's.
        names, codes, events = lane_items(table, positions, lane, NO_LANE_VALUE)
        if period == "day":
            periods = table.start_days[events].astype(np.int64)
        else:
            months = table.start_days[events].astype("datetime64[D]").astype("datetime64[M]")
            months = months.astype(np.int64)
            periods = months // 12 * 12 if period == "year" else months
        # Count (value, period) pairs on integer codes: one np.unique, no grouping of names.
        low = int(periods.min()) if len(periods) else 0
        span = int(periods.max()) - low + 1 if len(periods) else 1
        pairs, counts = np.unique(
            codes.astype(np.int64) * span + (periods - low), return_counts=True
        )
        rows = tuple(
            (str(names[pair // span]), _period_of(int(pair % span) + low, period), int(n))
            if period != "day"
            else (str(names[pair // span]), _day_of(int(pair % span) + low), int(n))
            for pair, n in zip(pairs.tolist(), counts.tolist(), strict=True)
        )
        return LaneCounts(lane, period, tuple(sorted(rows)))

    def edge_weights(self, spec: FilterSpec) -> EdgeWeights:
        table = self.table
        mask = selected_mask(self.positions(spec), len(table))

        def pairs(postings: Postings) -> pd.DataFrame:
            codes, events = postings_pairs(postings, mask)
            names = np.asarray(postings.names, dtype=object)[codes]
            return pd.DataFrame({"name": names, "event": events})

        linked = pairs(table.actors).merge(pairs(table.recipients), on="event")
        linked = linked[linked["name_x"] != linked["name_y"]]
        grouped = linked.groupby(["name_x", "name_y"], sort=True).size()
        return EdgeWeights(tuple((str(a), str(r), int(n)) for (a, r), n in grouped.items()))

    def network(
        self, spec: FilterSpec, node_kind: str = "actor", ego: str | None = None, limit: int = 300
    ) -> NetworkData:
        return network_data(self.table, self.positions(spec), node_kind, ego, limit)

    def map_cells(self, spec: FilterSpec, size: float = 1.0) -> MapCells:
        events = self.table.events
        if LATITUDE not in events.columns or LONGITUDE not in events.columns:
            return MapCells(size, ())
        chosen = plain_text(events[[LATITUDE, LONGITUDE]].iloc[self.positions(spec)])
        lat = coordinate_values(chosen[LATITUDE]).to_numpy()
        lon = coordinate_values(chosen[LONGITUDE]).to_numpy()
        known = (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
        frame = pd.DataFrame(
            {
                "lat": np.floor(lat[known] / size) * size,
                "lon": np.floor(lon[known] / size) * size,
            }
        )
        grouped = frame.groupby(["lat", "lon"], sort=True).size()
        return MapCells(size, tuple((float(a), float(o), int(n)) for (a, o), n in grouped.items()))

    def facet_counts(self, spec: FilterSpec, column: str) -> FacetCounts:
        return facet_counts(self.table, self.positions(spec), column)

    def summary(self, spec: FilterSpec) -> Summary:
        return Summary.of_counts(summarise(self.table, self.positions(spec)))

    def fatalities(self, spec: FilterSpec) -> Fatalities | None:
        return fatalities(self.table, self.positions(spec))

    def relation_fatalities(
        self, spec: FilterSpec, node_kind: str, pairs: tuple[tuple[str, str], ...]
    ) -> tuple[int, ...] | None:
        deaths = relation_fatalities(self.table, self.positions(spec), node_kind, pairs)
        return None if deaths is None else tuple(int(d) for d in deaths)

    def relation_window(
        self,
        spec: FilterSpec,
        node_kind: str,
        first: str,
        second: str,
        limit: int = 100,
        total: int | None = None,
    ) -> EventWindow:
        # Found whole in memory: their number costs nothing, ``total`` is not needed.
        found = relation_positions(self.table, self.positions(spec), node_kind, first, second)
        return EventWindow(self.table.take(found[: max(limit, 0)]), len(found), 0)

    def relation_events(
        self,
        spec: FilterSpec,
        node_kind: str,
        first: str,
        second: str,
        columns: tuple[str, ...],
    ) -> pd.DataFrame:
        found = relation_positions(self.table, self.positions(spec), node_kind, first, second)
        return self.table.events[list(columns)].iloc[found].reset_index(drop=True)

    def export_csv(self, spec: FilterSpec) -> bytes:
        return export.export_csv(self.table.take(self.positions(spec)))

    def workspace_events(self) -> int:
        from dashboard.workspace import added_count  # the workspace imports the table

        return added_count(self.table.events)


# --- the registry ----------------------------------------------------------------------------

#: Environment variable naming the engine the app uses (``make run ENGINE=duckdb``).
ENGINE_VARIABLE = "ENGINE"


def app_engine_name() -> str:
    """The engine the app is asked to use: ``$ENGINE``, else ``memory``."""
    return os.environ.get(ENGINE_VARIABLE) or "memory"


def load_in_memory(
    path: str | os.PathLike, actors_path: str | os.PathLike | None = None
) -> tuple[EventTable, list[str]]:
    """Any table the app opens, indexed in memory: a file, or a Parquet dataset folder."""
    from dashboard.dataset import is_dataset, read_dataset
    from dashboard.importing import load_any

    if is_dataset(path):
        return read_dataset(path, actors_path), []
    return load_any(path, actors_path=actors_path)


def _open_memory(path: Path, actors_path: str | os.PathLike | None, workspace) -> Engine:
    table = load_in_memory(path, actors_path)[0]
    if workspace is not None:  # its events and actors as they are now
        from dashboard.workspace import saved_actors, saved_events, with_workspace

        table = with_workspace(table, saved_events(workspace.path), saved_actors(workspace.path))
    return MemoryEngine(table)


def _open_duckdb(path: Path, actors_path: str | os.PathLike | None, workspace) -> Engine:
    from dashboard.sql_engines import DuckDBEngine

    return DuckDBEngine(path, actors_path, workspace=workspace)


def _open_spark(path: Path, actors_path: str | os.PathLike | None, workspace) -> Engine:
    from dashboard.sql_engines import SparkEngine

    return SparkEngine(path, actors_path, workspace=workspace)


@dataclass(frozen=True)
class EngineKind:
    """One engine: its name, what it needs and how to open it over a table path."""

    name: str
    description: str
    needs_dataset: bool
    #: (table path, actors path, workspace or None) -> the engine.
    open: Callable[..., Engine]


ENGINES: dict[str, EngineKind] = {
    kind.name: kind
    for kind in (
        EngineKind(
            "memory",
            "the whole table in this process, with inverted indexes (fastest when it fits)",
            False,
            _open_memory,
        ),
        EngineKind(
            "duckdb",
            "DuckDB, embedded, over a Parquet dataset on disk (tables larger than memory)",
            True,
            _open_duckdb,
        ),
        EngineKind(
            "spark",
            "Spark SQL over a Parquet dataset (local mode here; a cluster in production)",
            True,
            _open_spark,
        ),
    )
}


def open_engine(
    path: str | os.PathLike,
    name: str | None = None,
    actors_path: str | os.PathLike | None = None,
    workspace=None,
) -> Engine:
    """Open the engine ``name`` over the table at ``path``.

    ``name`` None picks ``$ENGINE`` if set, else ``duckdb`` for a Parquet dataset
    folder and ``memory`` for a file. ``workspace``: a
    :class:`~dashboard.workspace.Workspace` whose events and actors the engine adds to
    the table (the SQL engines read them at every question, as they change; the
    in-memory engine as they are when it opens), None for the table alone.

    Raises
    ------
    ValueError
        For an unknown engine, or a SQL engine over something that is not a dataset.
    """
    from dashboard.dataset import is_dataset

    path = Path(path)
    dataset = is_dataset(path)
    name = name or os.environ.get(ENGINE_VARIABLE) or ("duckdb" if dataset else "memory")
    kind = ENGINES.get(name)
    if kind is None:
        raise ValueError(f"unknown engine {name!r}; use one of {', '.join(ENGINES)}")
    if kind.needs_dataset and not dataset:
        raise ValueError(
            f"the {name} engine reads a Parquet dataset folder; write one with "
            f"`python -m dashboard convert {path} --to parquet-dataset DIR`"
        )
    return kind.open(path, actors_path, workspace)
