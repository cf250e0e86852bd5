"""A Parquet dataset of events: what the DuckDB and Spark engines query.

``python -m dashboard convert TABLE --to parquet-dataset DIR`` writes one. Layout::

    DIR/_dataset.json                        what the folder holds (columns, events, label)
    DIR/start_year=2022/start_month=7/part-0.parquet  events starting in July 2022, sorted by date

Each file holds the table's columns in their own types (dates as dates) with the list
columns ``actors``, ``recipients`` and ``countries`` as real lists (canonical actor
names, as the filters see them), and, for the engines:

* ``_participants``: the event's actors and recipients (the ``actor`` filter);
* ``_country_keys``: its countries and its participants' countries (``country``);
* ``_search``: its searchable text as the in-memory search sees it (``q``);
* ``_raw_actors``, ``_raw_recipients``, ``_raw_countries``: the list columns' text as
  loaded, so an export from the dataset writes the same bytes as one from the table;
* ``_row``: the event's position in the source table (exports keep that order).

These columns are computed once, by the same code as the in-memory indexes, so every
engine filters with exactly the in-memory meaning.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from dashboard import schema
from dashboard.actors import ActorDirectory
from dashboard.compact import text_array
from dashboard.filters import COUNTRY_KEYS_COLUMN, PARTICIPANTS_COLUMN, SEARCH_COLUMN
from dashboard.network import NODE_KINDS
from dashboard.problems import EventsFileError, Problem, figure
from dashboard.table import EventTable, Postings, index_loaded, inferred_notice, load_directory

#: Underscored: Spark and pyarrow skip it when they list the Parquet files.
MANIFEST = "_dataset.json"
FORMAT = "diplomatic-timeline events dataset"
ROW_COLUMN = "_row"
#: Partition columns (not ``year``: ACLED tables have one of their own; no leading
#: underscore: Spark and pyarrow skip folders named so).
YEAR_COLUMN, MONTH_COLUMN = "start_year", "start_month"
_ROWS_PER_GROUP = 128 * 1024
#: The head: the table's first events in source order, in a file of their own
#: (``DIR/_head/part-0.parquet``), so a window of the first filtered events is read from
#: it instead of every file (see :meth:`dashboard.sql_engines.SqlEngine.window`).
HEAD_FOLDER = "_head"
HEAD_ROWS = 50_000
#: In a chunked conversion's staging folder: the ids of refused chunks (nothing else of
#: them is staged), checked with the staged chunks' for ids used again across chunks.
REFUSED_IDS = "_refused_ids"
#: With a refused chunk's ids: the rest of each one's key as the file gives it, where
#: the format's id does not keep it (ICEWS's ``Event Date``), else null.
KEY_TEXT = "key_text"


def raw_column(column: str) -> str:
    """The column keeping a list column's text as loaded."""
    return f"_raw_{column}"


@dataclass(frozen=True)
class DatasetInfo:
    """What :data:`MANIFEST` says about a dataset folder."""

    path: Path
    columns: tuple[str, ...]
    events: int
    label: str
    #: Countries inferred for actors no directory listed, when the table was written
    #: (:func:`dashboard.table.infer_actor_countries`): the engines colour them the same.
    actor_countries: Mapping[str, str] = field(default_factory=dict)
    #: The whole table's answers, computed by the in-memory oracle when the dataset was
    #: written (:func:`write_whole_answers`); empty for datasets written before.
    whole: Mapping[str, object] = field(default_factory=dict)
    #: How many first events (in source order) the head file holds; 0: no head file.
    head_rows: int = 0

    @property
    def files(self) -> str:
        """Glob of its Parquet files (the partitions: not the head)."""
        return str(self.path / f"{YEAR_COLUMN}=*" / f"{MONTH_COLUMN}=*" / "*.parquet")

    @property
    def head_file(self) -> str:
        """The head's Parquet file (see :data:`HEAD_ROWS`)."""
        return str(self.path / HEAD_FOLDER / "part-0.parquet")


def is_dataset(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a folder written by :func:`write_dataset`."""
    return (Path(path) / MANIFEST).is_file()


def read_info(path: str | os.PathLike) -> DatasetInfo:
    """The manifest of a dataset folder.

    Raises
    ------
    EventsFileError
        When the folder holds no readable manifest.
    """
    path = Path(path)
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise ValueError("not an events dataset")
        inferred = manifest.get("actor_countries", {})
        if not isinstance(inferred, dict):
            raise ValueError("actor_countries is not a mapping")
        whole = manifest.get("whole", {})
        if not isinstance(whole, dict):
            raise ValueError("whole is not a mapping")
        return DatasetInfo(
            path,
            tuple(manifest["columns"]),
            int(manifest["events"]),
            str(manifest["label"]),
            {str(name): str(country) for name, country in inferred.items()},
            whole,
            int(manifest.get("head_rows", 0)),
        )
    except (OSError, ValueError, KeyError, TypeError) as err:
        problem = Problem(None, None, f"{path} is not an events Parquet dataset ({err})")
        raise EventsFileError([problem]) from None


def _event_lists(postings: Postings, n: int) -> pa.ListArray:
    """Per event, the values of ``postings`` it holds (a list column)."""
    counts = postings.counts()
    codes = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    order = np.argsort(postings.positions, kind="stable")
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.bincount(postings.positions, minlength=n), out=offsets[1:])
    values = pa.array(postings.names, type=pa.string()).take(pa.array(codes[order]))
    return pa.ListArray.from_arrays(pa.array(offsets, type=pa.int32()), values)


def dataset_table(table: EventTable, first_row: int = 0) -> pa.Table:
    """The events of ``table`` as the dataset stores them (before partitioning).

    ``first_row``: the source position of the table's first event (a chunk of a larger
    table: :func:`write_dataset_in_chunks`).
    """
    events = table.events
    n = len(table)
    lists = {"actors": table.actors, "recipients": table.recipients}
    columns: dict[str, pa.Array] = {}
    for name in events.columns:
        if name in schema.DATE_COLUMNS:
            columns[name] = pa.array(events[name].to_numpy().astype("datetime64[D]"))
        elif name in lists:
            columns[name] = _event_lists(lists[name], n)
        elif name == "countries":
            columns[name] = _listed_countries(events[name])
        elif pd.api.types.is_numeric_dtype(events[name].dtype):
            columns[name] = pa.array(events[name], from_pandas=True)  # typed extra column
        else:
            columns[name] = pc.cast(text_array(events[name]), pa.string())
    for name in schema.LIST_COLUMNS:
        columns[raw_column(name)] = pc.cast(text_array(events[name]), pa.string())
    columns[PARTICIPANTS_COLUMN] = _event_lists(table.participants, n)
    columns[COUNTRY_KEYS_COLUMN] = _event_lists(table.countries, n)
    columns[SEARCH_COLUMN] = pc.cast(table.haystack(), pa.string())
    columns[ROW_COLUMN] = pa.array(np.arange(first_row, first_row + n, dtype=np.int64))
    starts = events["start_date"].to_numpy().astype("datetime64[M]").astype(np.int64)
    columns[YEAR_COLUMN] = pa.array((starts // 12 + 1970).astype(np.int32))
    columns[MONTH_COLUMN] = pa.array((starts % 12 + 1).astype(np.int8))
    return pa.table(columns)


def _listed_countries(column: pd.Series) -> pa.ListArray:
    """The ;-list of countries as a list of trimmed, non-empty names."""
    lists = pc.split_pattern(pc.cast(text_array(column), pa.string()), schema.LIST_SEPARATOR)
    items = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    parents = pc.list_parent_indices(lists)
    keep = pc.not_equal(items, "")
    items, parents = items.filter(keep), parents.filter(keep)
    counts = np.bincount(parents.to_numpy(), minlength=len(column))
    offsets = np.zeros(len(column) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), items)


def _new_folder(folder: str | os.PathLike) -> Path:
    """``folder``, which must not exist or be empty (a dataset is never mixed with files)."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} exists and is not empty; choose a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write_partitions(data: pa.Table, folder: Path, basename: str = "part-{i}.parquet") -> None:
    """``data`` sorted by start date (then source order), one folder per year and month."""
    data = data.sort_by([("start_date", "ascending"), (ROW_COLUMN, "ascending")])
    partitioning = ds.partitioning(
        pa.schema([(YEAR_COLUMN, pa.int32()), (MONTH_COLUMN, pa.int8())]), flavor="hive"
    )
    ds.write_dataset(
        data,
        folder,
        format="parquet",
        partitioning=partitioning,
        basename_template=basename,
        max_rows_per_group=_ROWS_PER_GROUP,
        min_rows_per_group=min(_ROWS_PER_GROUP, max(data.num_rows, 1)),
        preserve_order=True,
        existing_data_behavior="overwrite_or_ignore",
    )


def _write_head(folder: Path, head: pa.Table) -> None:
    # Underscored: Spark and pyarrow skip it when they read the folder.
    if head.num_rows:
        (folder / HEAD_FOLDER).mkdir()
        pq.write_table(head, folder / HEAD_FOLDER / "part-0.parquet")


def _write_manifest(folder: Path, manifest: dict) -> None:
    text = json.dumps({"format": FORMAT, **manifest}, indent=2) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8")


def write_dataset(
    table: EventTable, folder: str | os.PathLike, head_rows: int = HEAD_ROWS
) -> DatasetInfo:
    """Write ``table`` as a Parquet dataset partitioned by start year and month.

    Plus its head (the first ``head_rows`` events in source order, see
    :data:`HEAD_ROWS`) and the whole table's answers (:func:`write_whole_answers`).
    :func:`write_dataset_in_chunks` writes the same dataset from a CSV too large to
    load whole.

    Raises
    ------
    FileExistsError
        When ``folder`` exists and is not empty (a dataset is never mixed with files).
    """
    folder = _new_folder(folder)
    data = dataset_table(table)
    head = data.slice(0, min(max(int(head_rows), 0), len(table)))  # in source order
    _write_partitions(data, folder)
    del data
    _write_head(folder, head)
    inferred = {name: table.directory.country_of(name) for name in sorted(table.directory.inferred)}
    _write_manifest(
        folder,
        {
            "columns": list(table.events.columns),
            "events": len(table),
            "label": table.label,
            "partitioning": [YEAR_COLUMN, MONTH_COLUMN],
            "actor_countries": inferred,
            "head_rows": head.num_rows,
        },
    )
    return write_whole_answers(folder)


#: The edges kept in the whole table's networks of the manifest (the Network page's cap).
WHOLE_NETWORK_EDGES = 300
#: The whole table's answers too long for the manifest: Parquet files in this folder
#: (``lanes-<lane>.parquet``: value, month, events; ``cells.parquet``: the map's cells).
WHOLE_FOLDER = "_whole"
#: The map cells kept for the whole table: the Map page's finest (geomap.CELL_DEGREES[0]).
WHOLE_CELL_DEGREES = 0.25
#: Lanes whose unfiltered counts per month are kept (the Timeline's lane modes).
WHOLE_LANES = ("event_type", "country", "actor")


def whole_lanes_file(lane: str) -> str:
    """The file of :data:`WHOLE_FOLDER` holding the whole table's counts of ``lane``."""
    return f"lanes-{lane}.parquet"


#: DuckDB's memory while it computes the whole table's answers (it spills beyond it).
WHOLE_MEMORY_LIMIT = "1GB"


def write_whole_answers(
    folder: str | os.PathLike, directory: ActorDirectory | None = None
) -> DatasetInfo:
    """Compute what the pages ask about the unfiltered table and keep it with the dataset.

    A query engine answers these from the dataset instead of scanning every event: the
    About page's summary (distinct countries and actors over every event's lists), the
    Network's unfiltered view (a pair per two participants of every event, grouped), the
    Timeline's lane x month counts, the Map's cells and the sidebar's known values are
    asked by every analyst who opens a page, and the dataset never changes once
    written. They are DuckDB's answers over the written files (the engine the parity
    tests hold to the in-memory oracle), so the table is never held whole: the same for
    a dataset written from memory and one written in chunks. In the manifest
    (``whole``): ``summary`` (the counts of :func:`dashboard.summary.summarise`),
    ``network`` per node kind (nodes with their events, the
    :data:`WHOLE_NETWORK_EDGES` strongest edges, their total, and when the table counts
    deaths each edge's, ``deaths``; node countries are the reading engine's directory's)
    and ``vocabulary``; in :data:`WHOLE_FOLDER`, the
    lane counts and map cells.
    """
    from dashboard.filters import FilterSpec
    from dashboard.sql_engines import DuckDBEngine  # it reads datasets: imports this module

    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    if not manifest["events"]:  # no file to query (and nothing to answer)
        manifest.setdefault("actor_countries", {})
        manifest.pop("format", None)
        _write_manifest(folder, manifest)
        return read_info(folder)
    engine = DuckDBEngine(folder, memory_limit=WHOLE_MEMORY_LIMIT)
    engine.answers_kept = 0
    every = FilterSpec()
    try:
        summary = engine.summary(every)
        networks = {}
        for kind in NODE_KINDS:
            data = engine.network(every, kind, None, WHOLE_NETWORK_EDGES)
            networks[kind] = {
                "nodes": [[name, n] for name, n, _ in data.nodes],
                "edges": [list(edge) for edge in data.edges],
                "total_edges": data.total_edges,
            }
            pairs = tuple((str(u), str(v)) for u, v, *_ in data.edges)
            deaths = engine.relation_fatalities(every, kind, pairs)
            if deaths is not None:  # the table counts deaths: the kept edges' (the list's)
                networks[kind]["deaths"] = list(deaths)
        lanes = {lane: engine.lane_counts(every, lane, "month").rows for lane in WHOLE_LANES}
        cells = engine.map_cells(every, WHOLE_CELL_DEGREES).rows
        names = engine.vocabulary().names
        span = engine.run(f"SELECT max(end_date - start_date) FROM {engine.view}", {})
        max_span = span.column(0)[0].as_py()
        if "actor_countries" not in manifest:  # written in chunks: counted over every file
            manifest["actor_countries"] = _inferred_countries(engine, directory)
    finally:
        engine.close()
    whole_folder = folder / WHOLE_FOLDER
    whole_folder.mkdir(exist_ok=True)
    lane_schema = pa.schema([("value", pa.string()), ("period", pa.string()), ("n", pa.int64())])
    for lane, rows in lanes.items():  # a file per lane: a page reads only its lane's
        pq.write_table(
            pa.table(
                {c: [row[i] for row in rows] for i, c in enumerate(lane_schema.names)},
                schema=lane_schema,
            ),
            whole_folder / whole_lanes_file(lane),
        )
    pq.write_table(
        pa.table(
            {c: [row[i] for row in cells] for i, c in enumerate(("lat", "lon", "n"))},
            schema=pa.schema([("lat", pa.float64()), ("lon", pa.float64()), ("n", pa.int64())]),
        ),
        whole_folder / "cells.parquet",
    )
    manifest["whole"] = {
        "summary": {
            "events": summary.events,
            "countries": summary.countries,
            "actors": summary.actors,
            "first_date": summary.first_date.isoformat() if summary.first_date else None,
            "last_date": summary.last_date.isoformat() if summary.last_date else None,
        },
        "network": networks,
        "vocabulary": {name: list(values) for name, values in names.items()},
        "cell_degrees": WHOLE_CELL_DEGREES,
        # The longest event, in days: engines skip partitions a start bound excludes.
        "max_span_days": int(max_span) if max_span is not None else None,
    }
    manifest.pop("format", None)
    _write_manifest(folder, manifest)
    return read_info(folder)


def _inferred_countries(engine, directory: ActorDirectory | None) -> dict[str, str]:
    """:func:`dashboard.table.infer_actor_countries` over every file of a dataset.

    The same vote: an actor the directory does not list takes the country of more than
    half of its events that name exactly one country (the ``countries`` cell as loaded);
    an actor whose own name names its country takes that country whatever its events'
    places (:func:`dashboard.geography.named_country`).
    """
    from dashboard.geography import named_country

    directory = directory or ActorDirectory()
    sql = (
        "WITH v AS (SELECT p, c, count(*) AS n FROM (SELECT unnest(_participants) AS p, "
        f"_raw_countries AS c FROM {engine.view} WHERE _raw_countries <> '' AND NOT "
        f"contains(_raw_countries, '{schema.LIST_SEPARATOR}')) e GROUP BY p, c), "
        "t AS (SELECT p, sum(n) AS total FROM v GROUP BY p) "
        "SELECT v.p, v.c FROM v JOIN t ON v.p = t.p WHERE v.n * 2 > t.total"
    )
    voted = {row["p"]: row["c"] for row in engine.run(sql, {}).to_pylist()}
    everyone = f"SELECT DISTINCT unnest(_participants) AS p FROM {engine.view}"
    named = {
        name: country
        for name in engine.run(everyone, {}).column(0).to_pylist()
        if not directory.knows(name) and (country := named_country(name))
    }
    inferred = {name: c for name, c in voted.items() if not directory.knows(name)} | named
    return dict(sorted(inferred.items()))


#: The bytes of the source CSV read per chunk by :func:`write_dataset_in_chunks` (about
#: 230,000 events of the synthetic table; the in-memory load of one chunk peaks at
#: roughly 5 times its size; an imported format's costs more per byte: 1M ACLED rows
#: in such chunks peaked at 1.7 GB, 1M raw GDELT records at 2.4 GB, docs/engines.md).
CHUNK_BYTES = 64 << 20


def _record_ends(data: bytes) -> np.ndarray:
    """The index after each line end of ``data`` that ends a record.

    ``data`` starts at a record's start, so a line end ends a record exactly when an
    even number of quote characters comes before it (a doubled quote inside a quoted
    value counts twice), as the loader's own check of unclosed quotes counts them.
    """
    values = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(values == ord("\n"))
    quotes = np.flatnonzero(values == ord('"'))
    return ends[np.searchsorted(quotes, ends) % 2 == 0] + 1


def csv_chunks(path: str | os.PathLike, chunk_bytes: int = CHUNK_BYTES):
    """The header record of a CSV file, then its other records in chunks.

    Yields the header's bytes first (a byte-order mark left on for the loader to see),
    then ``(data, first_line, offset)``: whole records of about ``chunk_bytes`` (more
    when one record is longer), the file row of their first line and their first
    byte's position in the file; at least one, empty when the header is all there is
    (or when no line feed ends a record: a file whose lines end in CR alone is then its
    "header", read whole). The header and any chunk make a CSV file of their own.
    """
    chunk_bytes = max(int(chunk_bytes), 1)
    with open(path, "rb") as handle:
        buffer, at_end = b"", False

        def fill(size: int = chunk_bytes) -> None:
            nonlocal buffer, at_end
            part = handle.read(size)
            at_end = not part
            buffer += part

        fill()
        ends = _record_ends(buffer)
        while not len(ends) and not at_end:  # a header longer than a chunk
            fill()
            ends = _record_ends(buffer)
        header_end = int(ends[0]) if len(ends) else len(buffer)
        header, buffer = buffer[:header_end], buffer[header_end:]
        yield header
        line, offset = header.count(b"\n") + 1, header_end
        chunks = 0
        while buffer or not at_end:
            if not at_end and len(buffer) < chunk_bytes:
                fill(chunk_bytes - len(buffer))  # up to a chunk (the header's read: not two)
                continue
            ends = None if at_end else _record_ends(buffer)
            if ends is not None and not len(ends):  # a record longer than a chunk
                fill()
                continue
            end = len(buffer) if ends is None else int(ends[-1])
            data, buffer = buffer[:end], buffer[end:]
            yield data, line, offset
            line, offset = line + data.count(b"\n"), offset + len(data)
            chunks += 1
        if not chunks:  # no record after the header: one empty chunk
            yield b"", line, offset


def chunked_format(path: str | os.PathLike, format: str = "auto"):
    """The source format a CSV is read in chunks by, or None: it is converted whole.

    A CSV (UTF-8, commas or tabs) in a format that reads in chunks
    (:attr:`dashboard.formats.SourceFormat.chunked`: ours, ACLED, UCDP GED, ICEWS,
    GDELT): each chunk is read by the format's own ``convert`` with what its ``survey``
    decided over the whole file. Other tables are converted whole in memory: another
    encoding, a
    first column that may be a saved row index (whether it numbers the rows is seen
    over the whole column), or a file its format joins records of across rows
    (:attr:`~dashboard.formats.SourceFormat.reads_whole`: ACLED's monadic export).
    """
    from dashboard import formats
    from dashboard.importing import INDEX_COLUMN_NAMES, sniff_format

    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return None
    ends = _record_ends(head)
    if len(ends):
        head = head[: int(ends[-1])]
    try:
        sniffing, found, _ = sniff_format(head, format=format)
    except (EventsFileError, ValueError):
        return None
    sniffed = sniffing.sniffed
    if found is None or not found.chunked or sniffed.container != "csv" or sniffing.notices:
        return None
    if found.reads_whole is not None and found.reads_whole(sniffed.columns):
        return None
    if (
        found is not formats.OURS
        and sniffed.columns[:1]
        and (sniffed.columns[0] in INDEX_COLUMN_NAMES)
    ):
        return None
    return found


@dataclass(frozen=True)
class _Chunk:
    """Where a chunk's records are in the source: records, file rows, bytes."""

    first_record: int
    records: int
    first_line: int
    offset: int
    size: int
    #: One record per line: record ``first_record + i`` is on row ``first_line + i``.
    simple: bool


_REF_ROW = re.compile(r"first used on row (\d[\d,]*)")


def _file_rows(rows: list[int], header_lines: int, first_line: int) -> list[int]:
    """Rows of a chunk read as a file of its own (header first) as the source file's rows."""
    return [r if r <= header_lines else r - header_lines - 1 + first_line for r in rows]


def _of_the_file(problems: list[Problem], header_lines: int) -> bool:
    """Whether some of ``problems`` are the file's or its header's (every chunk has them)."""
    return any(p.row is None or p.row <= header_lines for p in problems)


def _file_problems(problems, header_lines: int, first_line: int) -> list[Problem]:
    """Problems of a chunk read as a file of its own, with the source file's rows."""

    def row(r: int) -> int:
        return _file_rows([r], header_lines, first_line)[0]

    return [
        Problem(
            None if p.row is None else row(p.row),
            p.column,
            _REF_ROW.sub(
                lambda m: f"first used on row {figure(row(int(m.group(1).replace(',', ''))))}",
                p.message,
            ),
        )
        for p in problems
    ]


def write_dataset_in_chunks(
    source: str | os.PathLike,
    folder: str | os.PathLike,
    *,
    actors_path: str | os.PathLike | None = None,
    label: str | None = None,
    chunk_bytes: int | None = None,
    head_rows: int = HEAD_ROWS,
    on_chunk: Callable[[EventTable, int], None] | None = None,
    format: str = "auto",
) -> tuple[DatasetInfo, list[str]]:
    """Write an events CSV of any size as the dataset :func:`write_dataset` writes.

    The file is read in chunks of whole records (:func:`csv_chunks`); each is loaded,
    validated and indexed by the in-memory loader (:func:`dashboard.importing.import_table`,
    as the app and ``convert`` load a whole file: the same format's reader, checks and
    messages), with the rows of its problems counted in the whole file. A format that
    decides something over the whole file (ACLED's order of slashed dates) surveys
    every chunk first (:attr:`dashboard.formats.SourceFormat.survey`), and each chunk
    is read with that decision. The notices add up to the whole file's (counts over
    every chunk, each other notice said once). Chunks are written to a staging
    folder as they come, then each month's files are merged and sorted as
    :func:`write_dataset` lays them out, and the whole table's answers are computed
    over the files (:func:`write_whole_answers`). Memory is bounded by a chunk's load and
    one month's partition, never the table.

    ``format``: the source format's name, or ``"auto"`` (recognised from the header);
    it must read in chunks (:func:`chunked_format`).

    ``on_chunk(table, first_record)`` is called with each valid chunk, indexed (the
    benchmark filters it in memory: its reference answer without the whole table).

    Event ids must be unique over the whole file: a duplicate in another chunk is found
    over the staged files (DuckDB) and named by both rows, as the format's check names it.

    Returns
    -------
    (info, notices)

    Raises
    ------
    EventsFileError
        Every problem of every chunk (rows as in the file); nothing is left in ``folder``.
    FileExistsError
        When ``folder`` exists and is not empty.
    """
    from dashboard import formats
    from dashboard.importing import LoadNotices, import_table, sniff, survey_table
    from dashboard.table import index_while_loading

    found = chunked_format(source, format)
    if found is None and format != "auto":
        found = formats.by_name(format)
    source_format = found or formats.OURS
    folder = Path(folder)
    created = not folder.exists()
    folder = _new_folder(folder)
    staging = folder / "_staging"
    directory = load_directory(actors_path)
    label = label or Path(source).name
    notices = LoadNotices(source_format)
    problems: list[Problem] = []
    #: Problems of chunks refused before their ids were read (bytes, field counts...):
    #: a whole load stops at those and names nothing of the later checks.
    unread: list[Problem] = []
    chunks: list[_Chunk] = []
    heads: list[pa.Table] = []
    head_rows = max(int(head_rows), 0)
    columns: list[str] | None = None
    records = 0
    decided = None
    #: The file rows of the records of refused chunks, by their first record.
    refused_rows: dict[int, np.ndarray] = {}

    keep_unnamed = None

    def read(data: bytes, first_line: int, on_read=None, on_ids=None):
        return import_table(
            header + data,
            format=source_format.name,
            directory=directory,
            on_read=on_read,
            decided=decided,
            continues=first_line > header_lines + 1,  # not the file's first record
            on_ids=on_ids,
            keep_unnamed=keep_unnamed,
        )

    def load_chunk(data: bytes, first_line: int) -> EventTable | None:
        seen = []

        def load(on_read):
            nonlocal notices
            loaded = read(data, first_line, on_read, lambda *ids: seen.append(ids))
            empty_rows = _file_rows(list(loaded.notices.empty_rows), header_lines, first_line)
            unnamed = tuple(
                replace(column, rows=tuple(_file_rows(list(column.rows), header_lines, first_line)))
                for column in loaded.notices.unnamed
            )
            unread = tuple(
                replace(p, row=_file_rows([p.row], header_lines, first_line)[0])
                for p in loaded.notices.unread
            )
            notices = notices + replace(
                loaded.notices, empty_rows=tuple(empty_rows), unnamed=unnamed, unread=unread
            )
            return loaded.events

        try:
            return index_while_loading(load, directory, label)
        except EventsFileError as err:
            found = _file_problems(err.problems, header_lines, first_line)
            if seen and not _of_the_file(found, header_lines):
                # Its ids are checked against the other chunks' all the same.
                problems.extend(found)
                keep_refused_ids(*seen[-1], first_line)
            else:
                unread.extend(found)
            return None

    def keep_refused_ids(ids: pd.Series, record_rows, key_text, first_line: int) -> None:
        """A refused chunk's ids (and the rest of their key as given, where the format
        hands it), staged for the check over the file (nothing else of it)."""
        nonlocal records
        n = len(ids)
        rows = _file_rows(record_rows(n).tolist(), header_lines, first_line)
        refused_rows[records] = np.asarray(rows)
        chunks.append(_Chunk(records, n, first_line, 0, 0, False))
        (staging / REFUSED_IDS).mkdir(parents=True, exist_ok=True)
        ids_table = pa.table(
            {
                "event_id": pa.array(ids, type=pa.string(), from_pandas=True),
                ROW_COLUMN: pa.array(np.arange(records, records + n, dtype=np.int64)),
                KEY_TEXT: pa.array(
                    [None] * n if key_text is None else key_text,
                    type=pa.string(),
                    from_pandas=True,
                ),
            }
        )
        pq.write_table(ids_table, staging / REFUSED_IDS / f"chunk{len(chunks)}.parquet")
        records += n

    def rows_of(chunk: _Chunk) -> np.ndarray:
        """The file rows of a chunk's events, as its format's reader counts them."""
        if chunk.first_record in refused_rows:
            return refused_rows[chunk.first_record]
        with open(source, "rb") as handle:
            handle.seek(chunk.offset)
            data = handle.read(chunk.size)
        loaded = read(data, chunk.first_line)
        rows = loaded.record_rows(chunk.records) if loaded.record_rows else None
        if rows is None:
            rows = np.arange(2, chunk.records + 2)
        return np.asarray(_file_rows(rows.tolist(), header_lines, chunk.first_line))

    def pieces():
        """The header put before each chunk (b"": a headerless file), then the chunks."""
        found = csv_chunks(source, chunk_bytes or CHUNK_BYTES)
        first = next(found)
        sniffed = sniff(first).sniffed
        if source_format.reads_headerless and source_format.reads_headerless(sniffed.columns):
            data, _, _ = next(found)  # the first record is a record: the first chunk's
            yield b""
            yield first + data, 1, 0
        else:
            yield first
        yield from found

    try:
        first = next(pieces())  # b"": a headerless file
        unnamed = bool(first) and any(not name.strip() for name in sniff(first).sniffed.columns)
        if source_format.survey is not None or unnamed:  # what the whole file decides
            found = pieces()
            header = next(found)
            kept: set[int] = set()
            for data, _, _ in found:
                try:
                    if unnamed:  # a column of no name is read by every chunk or by none
                        sniff(header + data).read_table(
                            on_unnamed=lambda columns: kept.update(
                                c.position for c in columns if c.kept
                            )
                        )
                    if source_format.survey is None:
                        continue
                    seen = survey_table(header + data, source_format, directory)
                except EventsFileError:
                    continue  # the chunk's load below names its problems
                decided = seen if decided is None else decided + seen
            keep_unnamed = frozenset(kept) if unnamed else None
        found = pieces()
        header = next(found)
        header_lines = header.count(b"\n") or (1 if header else 0)
        for data, first_line, offset in found:
            table = load_chunk(data, first_line)
            if table is None:
                if _of_the_file(unread, header_lines):
                    break  # the file itself or its header: every chunk would say so
                continue
            n = len(table)
            simple = (
                data.count(b"\n") == n
                and b'"' not in data
                and data.count(b"\r") == data.count(b"\r\n")
            )
            chunks.append(_Chunk(records, n, first_line, offset, len(data), simple))
            if on_chunk is not None:
                on_chunk(table, records)
            columns = columns or list(table.events.columns)
            if n:  # staged even after a problem: ids repeated across chunks are found there
                piece = dataset_table(table, first_row=records)
                del table
                taken = sum(h.num_rows for h in heads)
                if taken < head_rows:
                    heads.append(piece.slice(0, head_rows - taken))
                _write_partitions(piece, staging, f"chunk{len(chunks)}-{{i}}.parquet")
                del piece
            records += n
        if unread:
            raise EventsFileError(unread)
        if records:
            named, instead = _duplicates_across_chunks(staging, chunks, rows_of, source_format)
            problems = [p for p in problems if p not in instead] + named
        if problems:
            raise EventsFileError(problems)
        _merge_months(staging, folder)
        head = pa.concat_tables(heads) if heads else pa.table({})
        _write_head(folder, head)
        _write_manifest(
            folder,
            {
                "columns": columns or [],
                "events": records,
                "label": label,
                "partitioning": [YEAR_COLUMN, MONTH_COLUMN],
                "head_rows": head.num_rows,
            },
        )
        info = write_whole_answers(folder, directory)
    except BaseException:
        for child in folder.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        if created:
            folder.rmdir()
        raise
    words = notices.words()
    inferred = len(info.actor_countries)
    if inferred:
        words.append(inferred_notice(inferred))
    return info, words


def _merge_months(staging: Path, folder: Path) -> None:
    """Each month's staged files as one file, sorted by start date then source order.

    A month one chunk alone staged is that file, moved: :func:`_write_partitions` wrote
    it sorted and laid out as :func:`write_dataset` does (every month of a file that is
    one chunk, most months of a file in date order), so it is not read and written again.
    """
    if not staging.exists():
        return
    for month in sorted(staging.glob(f"{YEAR_COLUMN}=*/{MONTH_COLUMN}=*")):
        target = folder / month.relative_to(staging)
        target.mkdir(parents=True)
        staged = list(month.iterdir())
        if len(staged) == 1:
            staged[0].replace(target / "part-0.parquet")
        else:
            data = pq.read_table(month, partitioning=None)
            data = data.sort_by([("start_date", "ascending"), (ROW_COLUMN, "ascending")])
            pq.write_table(data, target / "part-0.parquet", row_group_size=_ROWS_PER_GROUP)
            del data
        shutil.rmtree(month)
    shutil.rmtree(staging)


def _duplicates_across_chunks(
    staging: Path,
    chunks: list[_Chunk],
    rows_of: Callable[[_Chunk], np.ndarray],
    source_format,
) -> tuple[list[Problem], set[Problem]]:
    """Event ids used in more than one chunk, as the format's check words a duplicate id.

    Read over the staged chunks and the ids of refused ones (:data:`REFUSED_IDS`). Every
    use after an id's first in the file is named with that first row, as a whole load
    names it. Returns those problems and the ones the chunks' own loads named instead
    (a later chunk using an id twice named its second use with its own first row).
    ``rows_of(chunk)``: the file rows of a chunk's events (read again: only here).
    """
    import duckdb

    patterns = {
        "staged": f"{YEAR_COLUMN}=*/{MONTH_COLUMN}=*/*.parquet",
        "refused": f"{REFUSED_IDS}/*.parquet",
    }
    globs = {
        name: str(staging / pattern)
        for name, pattern in patterns.items()
        if any(staging.glob(pattern))
    }
    if not globs:
        return [], set()
    # A staged chunk's records were read whole: their ids alone say their key.
    key_text = {"staged": "NULL", "refused": KEY_TEXT}
    uses = " UNION ALL ".join(
        f"SELECT event_id, {ROW_COLUMN} AS r, {key_text[name]} AS k FROM read_parquet(${name})"
        for name in globs
    )
    sql = (
        f"WITH e AS (SELECT * FROM ({uses}) WHERE event_id <> ''), "
        "d AS (SELECT event_id FROM e GROUP BY event_id HAVING count(*) > 1) "
        "SELECT e.event_id, e.r, e.k FROM e JOIN d USING (event_id) ORDER BY e.event_id, e.r"
    )
    connection = duckdb.connect(config={"memory_limit": WHOLE_MEMORY_LIMIT})
    try:
        found = connection.execute(sql, globs).fetchall()
    finally:
        connection.close()
    if not found:
        return [], set()
    starts = np.asarray([c.first_record for c in chunks])
    lines: dict[int, np.ndarray] = {}

    def chunk_of(record: int) -> int:
        return int(np.searchsorted(starts, record, side="right")) - 1

    def row(record: int) -> int:
        index = chunk_of(record)
        chunk = chunks[index]
        if chunk.simple:
            return chunk.first_line + record - chunk.first_record
        if index not in lines:  # read the chunk again to find its records' rows
            lines[index] = rows_of(chunk)
        return int(lines[index][record - chunk.first_record])

    def problem(event_id: str, record: int, key_text: str | None, first: int) -> Problem:
        words = source_format.duplicate_id  # the repeating record's key, as given
        args = (event_id, row(first)) if key_text is None else (event_id, row(first), key_text)
        return Problem(row(record), source_format.id_column, words(*args))

    named, instead = [], set()
    for event_id, uses in itertools.groupby(found, key=lambda use: use[0]):
        (first, _), *later = [(record, key_text) for _, record, key_text in uses]
        home = chunk_of(first)
        firsts = {home: first}  # each chunk's first use: what its own load named
        for record, key_text in later:
            chunk = chunk_of(record)
            if chunk == home:
                continue  # the chunk's own load named it, with the file's first row
            if chunk in firsts:
                instead.add(problem(event_id, record, key_text, firsts[chunk]))
            else:
                firsts[chunk] = record
            named.append(problem(event_id, record, key_text, first))
    return named, instead


def restore_frame(data: pa.Table, columns: tuple[str, ...]) -> pd.DataFrame:
    """The in-memory events frame of dataset rows (list columns back to their text)."""
    out = {}
    for name in columns:
        values = data.column(raw_column(name) if name in schema.LIST_COLUMNS else name)
        if name in schema.DATE_COLUMNS:
            out[name] = pd.Series(
                pc.cast(values, pa.timestamp("s")).to_numpy(zero_copy_only=False),
                dtype="datetime64[s]",
            )
        elif pa.types.is_integer(values.type):
            out[name] = values.to_pandas(types_mapper={values.type: pd.Int64Dtype()}.get)
        elif pa.types.is_floating(values.type):
            out[name] = values.to_pandas().astype("float64")
        else:
            text = pc.cast(values, pa.large_string()).to_numpy(zero_copy_only=False)
            out[name] = pd.Series(text, dtype="str")
    return pd.DataFrame(out, columns=list(columns))


def read_dataset(
    folder: str | os.PathLike, actors_path: str | os.PathLike | None = None
) -> EventTable:
    """A dataset folder loaded whole into memory and indexed (the in-memory engine)."""
    info = read_info(folder)
    names = [*info.columns, *(raw_column(c) for c in schema.LIST_COLUMNS), ROW_COLUMN]
    try:
        data = ds.dataset(
            info.path, format="parquet", partitioning="hive", exclude_invalid_files=True
        )
        arrow = data.to_table(columns=[n for n in names if n not in schema.LIST_COLUMNS])
    except (pa.ArrowException, OSError, ValueError) as err:
        problem = Problem(None, None, f"{info.path}: the Parquet files cannot be read ({err})")
        raise EventsFileError([problem]) from None
    arrow = arrow.sort_by(ROW_COLUMN)
    frame = restore_frame(arrow, info.columns)
    return index_loaded(frame, load_directory(actors_path), info.label or info.path.name)
