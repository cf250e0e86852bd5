"""Open any table an analyst brings: our events CSV, an ACLED export, or Parquet.

One entry point, :func:`load_any`, for the app's upload and the command line.
Parquet goes through the same validation as CSV: pyarrow reads it, every column
is cast to text (nulls become empty strings, whole-day timestamps ISO dates),
and the all-text frame is checked by :func:`dashboard.loading.validate_events_frame`.
Parquet values are taken verbatim: no spreadsheet-formula unescaping, which
only undoes what our CSV export adds. A Parquet record ``i`` is reported as
row ``i + 2``, as if the table were a CSV with its header on row 1.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard import schema
from dashboard.acled import convert_acled_frame, is_acled_header
from dashboard.actors import ActorDirectory
from dashboard.loading import (
    csv_record_rows,
    parse_events,
    read_csv_table,
    read_source,
    validate_events_frame,
)
from dashboard.problems import EventsFileError, Problem
from dashboard.table import DEFAULT_ACTORS_PATH, EventTable, index_while_loading, load_directory

Format = Literal["events", "acled"]
FORMATS: tuple[str, ...] = ("auto", "events", "acled")
PARQUET_MAGIC = b"PAR1"


def detect_format(header: list[str] | tuple[str, ...] | pd.Index) -> Format | None:
    """``"events"`` if the header has our required columns, ``"acled"`` if ACLED's, else None."""
    names = {str(name) for name in header}
    if all(column in names for column in schema.REQUIRED_COLUMNS):
        return "events"
    if is_acled_header(names):
        return "acled"
    return None


def is_parquet(data: bytes) -> bool:
    """Parquet files start (and end) with the magic bytes ``PAR1``."""
    return data.startswith(PARQUET_MAGIC)


def sniff_csv_header(data: bytes) -> list[str]:
    """The column names on a CSV's first line, read leniently (only to pick a reader)."""
    first = data.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r")
    try:
        return next(csv.reader([first.decode("utf-8", errors="replace")]), [])
    except csv.Error:
        return []


def read_parquet_table(data: bytes) -> pd.DataFrame:
    """Read Parquet bytes into an all-text frame (every column cast to ``str``)."""
    try:
        table = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError, ValueError) as err:
        raise EventsFileError(
            [Problem(None, None, f"not a readable Parquet file ({err})")]
        ) from None
    index_columns = {
        name
        for name in (table.schema.pandas_metadata or {}).get("index_columns", [])
        if isinstance(name, str)
    }
    problems, columns, names = [], {}, []
    for position, name in enumerate(table.column_names, start=1):
        if name in index_columns:
            continue
        if not name.strip():
            problems.append(Problem(1, f"#{position}", "column name is empty"))
        elif name in names:
            problems.append(Problem(1, name, "column name appears twice"))
        names.append(name)
        try:
            columns[name] = _as_text(table.column(position - 1))
        except pa.ArrowException:
            problems.append(
                Problem(
                    None, name, f"values of type {table.schema[position - 1].type} are not text"
                )
            )
    if problems:
        raise EventsFileError(problems)
    return pd.DataFrame({name: pd.Series(values, dtype="str") for name, values in columns.items()})


def _as_text(column: pa.ChunkedArray) -> np.ndarray:
    if pa.types.is_timestamp(column.type):
        days = pc.cast(column, pa.date32())
        if pc.all(pc.equal(pc.cast(days, column.type), column)).as_py() in (True, None):
            column = days
    text = pc.fill_null(pc.cast(column, pa.large_string()), "")
    return np.asarray(text.to_numpy(zero_copy_only=False), dtype=object)


def load_any_frame(
    source: str | os.PathLike | bytes,
    *,
    format: str = "auto",
    directory: ActorDirectory | None = None,
    on_read: Callable[[pd.DataFrame], None] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Read and validate a table in any accepted format into the events frame.

    Parameters
    ----------
    source
        A path or the file's bytes: CSV (UTF-8) or Parquet, recognised by content.
    format
        ``"auto"`` (our schema if its required columns are there, else ACLED if
        ACLED's are), ``"events"`` or ``"acled"``.
    directory
        Actors directory, used by the ACLED import to add actors' countries.
    on_read
        For a CSV in our schema, called with the all-text frame before it is
        validated (see :func:`dashboard.loading.parse_events`).

    Returns
    -------
    (frame, notices)
        The validated events frame and notices for the analyst (e.g. ACLED
        types kept as given).

    Raises
    ------
    EventsFileError
        Every problem, as ``row N, column C: what is wrong``.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    data = read_source(source)
    parquet = is_parquet(data)
    frame = read_parquet_table(data) if parquet else None
    header = list(frame.columns) if parquet else sniff_csv_header(data)
    chosen = format if format != "auto" else (detect_format(header) or "events")
    if chosen == "acled":
        if frame is None:
            frame = read_csv_table(data)
            rows = lambda n: csv_record_rows(data, n)  # noqa: E731
        else:
            rows = None
        result = convert_acled_frame(frame, directory=directory, record_rows=rows)
        return result.events, result.notices
    if frame is None:
        return parse_events(data, on_read=on_read), []
    return validate_events_frame(frame), []


def load_any(
    source: str | os.PathLike | bytes,
    *,
    format: str = "auto",
    actors_path: str | os.PathLike = DEFAULT_ACTORS_PATH,
    label: str | None = None,
) -> tuple[EventTable, list[str]]:
    """Like :func:`load_any_frame`, indexed as an :class:`EventTable` for the app.

    Ends like :func:`dashboard.table.load_events`: the load's freed scratch memory is
    handed back to the OS once the table is indexed.
    """
    directory = load_directory(actors_path)
    notices: list[str] = []

    def load(on_read) -> pd.DataFrame:
        frame, found = load_any_frame(source, format=format, directory=directory, on_read=on_read)
        notices.extend(found)
        return frame

    if label is None:
        label = Path(source).name if not isinstance(source, bytes | bytearray) else "upload"
    return index_while_loading(load, directory, label), notices
