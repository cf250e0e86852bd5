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

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from dashboard import schema
from dashboard.filters import COUNTRY_KEYS_COLUMN, PARTICIPANTS_COLUMN, SEARCH_COLUMN
from dashboard.network import NODE_KINDS, network_data
from dashboard.problems import EventsFileError, Problem
from dashboard.summary import summarise
from dashboard.table import EventTable, Postings, index_loaded, load_directory

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
    #: written (:func:`whole_table_answers`); empty for datasets written before.
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


def dataset_table(table: EventTable) -> pa.Table:
    """The events of ``table`` as the dataset stores them (before partitioning)."""
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
            columns[name] = pa.array(events[name], type=pa.string())
    for name in schema.LIST_COLUMNS:
        columns[raw_column(name)] = pa.array(events[name], type=pa.string())
    columns[PARTICIPANTS_COLUMN] = _event_lists(table.participants, n)
    columns[COUNTRY_KEYS_COLUMN] = _event_lists(table.countries, n)
    columns[SEARCH_COLUMN] = pc.cast(table.haystack(), pa.string())
    columns[ROW_COLUMN] = pa.array(np.arange(n, dtype=np.int64))
    starts = events["start_date"].to_numpy().astype("datetime64[M]").astype(np.int64)
    columns[YEAR_COLUMN] = pa.array((starts // 12 + 1970).astype(np.int32))
    columns[MONTH_COLUMN] = pa.array((starts % 12 + 1).astype(np.int8))
    return pa.table(columns)


def _listed_countries(column: pd.Series) -> pa.ListArray:
    """The ;-list of countries as a list of trimmed, non-empty names."""
    lists = pc.split_pattern(pa.array(column, type=pa.string()), schema.LIST_SEPARATOR)
    items = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    parents = pc.list_parent_indices(lists)
    keep = pc.not_equal(items, "")
    items, parents = items.filter(keep), parents.filter(keep)
    counts = np.bincount(parents.to_numpy(), minlength=len(column))
    offsets = np.zeros(len(column) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), items)


def write_dataset(
    table: EventTable, folder: str | os.PathLike, head_rows: int = HEAD_ROWS
) -> DatasetInfo:
    """Write ``table`` as a Parquet dataset partitioned by start year and month.

    Plus its head (the first ``head_rows`` events in source order, see
    :data:`HEAD_ROWS`) and the whole table's answers (:func:`whole_table_answers`).

    Raises
    ------
    FileExistsError
        When ``folder`` exists and is not empty (a dataset is never mixed with files).
    """
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} exists and is not empty; choose a new folder")
    data = dataset_table(table)
    head = data.slice(0, min(max(int(head_rows), 0), len(table)))  # in source order
    data = data.sort_by([("start_date", "ascending"), (ROW_COLUMN, "ascending")])
    partitioning = ds.partitioning(
        pa.schema([(YEAR_COLUMN, pa.int32()), (MONTH_COLUMN, pa.int8())]), flavor="hive"
    )
    ds.write_dataset(
        data,
        folder,
        format="parquet",
        partitioning=partitioning,
        basename_template="part-{i}.parquet",
        max_rows_per_group=_ROWS_PER_GROUP,
        min_rows_per_group=min(_ROWS_PER_GROUP, max(len(table), 1)),
        preserve_order=True,
        existing_data_behavior="overwrite_or_ignore",
    )
    # Underscored: Spark and pyarrow skip it when they read the folder.
    if head.num_rows:
        (folder / HEAD_FOLDER).mkdir()
        pq.write_table(head, folder / HEAD_FOLDER / "part-0.parquet")
    manifest = {
        "format": FORMAT,
        "columns": list(table.events.columns),
        "events": len(table),
        "label": table.label,
        "partitioning": [YEAR_COLUMN, MONTH_COLUMN],
        "actor_countries": {
            name: table.directory.country_of(name) for name in sorted(table.directory.inferred)
        },
        "whole": whole_table_answers(table),
        "head_rows": head.num_rows,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return read_info(folder)


#: The edges kept in the whole table's networks of the manifest (the Network page's cap).
WHOLE_NETWORK_EDGES = 300


def whole_table_answers(table: EventTable) -> dict[str, object]:
    """What the pages ask about the unfiltered table, answered by the in-memory oracle.

    A query engine answers these from the manifest instead of scanning every event:
    the About page's summary (distinct countries and actors over every event's lists)
    and the Network's unfiltered view (a pair per two participants of every event,
    grouped) are its slowest questions, asked by every analyst who opens the page, and
    the dataset never changes once written. ``summary``: the counts of
    :func:`dashboard.summary.summarise`; ``network``: per node kind, the nodes (name,
    events), the :data:`WHOLE_NETWORK_EDGES` strongest edges and their total, as
    :func:`dashboard.network.network_data` gives them (node countries are the engine's
    directory's, so they are not stored).
    """
    every = np.arange(len(table), dtype=np.int64)
    networks = {}
    for kind in NODE_KINDS:
        data = network_data(table, every, kind, max_edges=WHOLE_NETWORK_EDGES)
        networks[kind] = {
            "nodes": [[name, n] for name, n, _ in data.nodes],
            "edges": [list(edge) for edge in data.edges],
            "total_edges": data.total_edges,
        }
    return {"summary": summarise(table, every), "network": networks}


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
