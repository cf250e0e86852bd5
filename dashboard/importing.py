"""Open any table an analyst brings and map it onto our schema: the one path from file to table.

:func:`load_any` (and :func:`load_any_frame` without the indexing) is what the app
(``EVENTS_PATH`` and the upload), the command line and the bench call: read the
bytes, see what container they are (:func:`sniff`), pick the source format from
the registry (:mod:`dashboard.formats`) and let it convert and validate.
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

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard import formats
from dashboard.actors import ActorDirectory
from dashboard.formats import FORMAT_NAMES, Opened, Sniffed, TextTable
from dashboard.loading import csv_record_rows, read_csv_table, read_source
from dashboard.problems import EventsFileError, Problem
from dashboard.table import EventTable, index_while_loading, load_directory

#: Accepted values of ``format=`` / ``--from`` / ``--format``.
FORMATS: tuple[str, ...] = FORMAT_NAMES
PARQUET_MAGIC = b"PAR1"


def detect_format(header: list[str] | tuple[str, ...] | pd.Index) -> str | None:
    """The name of the format whose columns ``header`` holds, else None."""
    found = formats.recognise(Sniffed("csv", tuple(str(name) for name in header)))
    return found.name if found else None


def is_parquet(data: bytes) -> bool:
    """Parquet files start (and end) with the magic bytes ``PAR1``."""
    return data.startswith(PARQUET_MAGIC)


def first_line(data: bytes) -> bytes:
    """The first line of text bytes, whatever its line end (LF, CRLF or CR alone)."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    ends = [i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0]
    return data[: min(ends)] if ends else data


def sniff_delimiter(line: bytes) -> str:
    """Tab when the first line has more tabs than commas, else comma."""
    return "\t" if line.count(b"\t") > line.count(b",") else ","


def sniff_csv_header(data: bytes, delimiter: str = ",") -> list[str]:
    """The column names on a CSV's first line, read leniently (only to pick a reader)."""
    first = first_line(data)
    try:
        return next(csv.reader([first.decode("utf-8", errors="replace")], delimiter=delimiter), [])
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


def sniff(data: bytes) -> tuple[Sniffed, Callable[..., TextTable]]:
    """What container ``data`` is, its first record, and how to read it as text."""
    if is_parquet(data):
        frame = read_parquet_table(data)
        return Sniffed("parquet", tuple(frame.columns)), _reader_of_frame(frame)
    delimiter = sniff_delimiter(first_line(data))
    header = tuple(sniff_csv_header(data, delimiter))
    return Sniffed("csv", header, delimiter), _reader_of_csv(data, delimiter)


def _reader_of_frame(frame: pd.DataFrame) -> Callable[..., TextTable]:
    def read(missing: frozenset[str] = frozenset(), names=None) -> TextTable:
        table = frame if names is None else _with_first_row_as_record(frame, names)
        offset = 1 if names is not None else 2
        return TextTable(_blank_missing(table, missing), lambda n: np.arange(offset, n + offset))

    return read


def _with_first_row_as_record(frame: pd.DataFrame, names) -> pd.DataFrame:
    first = pd.DataFrame([list(frame.columns)], columns=frame.columns, dtype="str")
    whole = pd.concat([first, frame], ignore_index=True)
    whole.columns = list(names)
    return whole


def _reader_of_csv(data: bytes, delimiter: str) -> Callable[..., TextTable]:
    def read(missing: frozenset[str] = frozenset(), names=None) -> TextTable:
        text = data
        if names is not None:
            # A headerless file: read it under the format's column names, rows from 1.
            text = (delimiter.join(names) + "\n").encode() + data.removeprefix(b"\xef\xbb\xbf")
        frame = read_csv_table(text, delimiter=delimiter)
        shift = 1 if names is not None else 0
        return TextTable(
            _blank_missing(frame, missing),
            lambda n: csv_record_rows(text, n, delimiter) - shift,
        )

    return read


def _blank_missing(frame: pd.DataFrame, missing: frozenset[str]) -> pd.DataFrame:
    """The format's missing-value tokens (``NA``, ``NULL``, ...) become empty text."""
    if not missing:
        return frame
    tokens = sorted(missing)
    for name in frame.columns:
        column = frame[name]
        found = column.isin(tokens)
        if found.any():
            frame[name] = column.where(~found, "")
    return frame


def load_any_frame(
    source: str | os.PathLike | bytes,
    *,
    format: str = "auto",
    directory: ActorDirectory | None = None,
    on_read: Callable[[pd.DataFrame], None] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Read a table in any registered format and convert it into the validated events frame.

    Parameters
    ----------
    source
        A path or the file's bytes; the content decides the container and the format.
    format
        ``"auto"`` (the first format of :data:`dashboard.formats.REGISTRY` that
        recognises the table; our schema's problems when none does) or a format's name.
    directory
        Actors directory, used by imports to add actors' countries.
    on_read
        For a CSV in our schema, called with the all-text frame before it is
        validated (see :func:`dashboard.loading.parse_events`).

    Returns
    -------
    (frame, notices)
        The validated events frame and notices for the analyst (e.g. types kept as given).

    Raises
    ------
    EventsFileError
        Every problem, as ``row N, column C: what is wrong``.
    """
    chosen = formats.by_name(format) if format != "auto" else None
    data = read_source(source)
    sniffed, read_table = sniff(data)
    if chosen is None:
        chosen = formats.recognise(sniffed) or formats.OURS
    opened = Opened(
        data, sniffed, read_table, directory=directory or ActorDirectory(), on_read=on_read
    )
    imported = chosen.convert(opened)
    return imported.events, list(imported.notices)


def load_any(
    source: str | os.PathLike | bytes,
    *,
    format: str = "auto",
    actors_path: str | os.PathLike | None = None,
    label: str | None = None,
) -> tuple[EventTable, list[str]]:
    """Like :func:`load_any_frame`, indexed as an :class:`EventTable` for the app.

    ``actors_path`` defaults to ``$ACTORS_PATH`` (else data/actors.csv), for the
    app, the CLI and the bench alike. Ends like :func:`dashboard.table.load_events`:
    the load's freed scratch memory is handed back to the OS once the table is indexed.
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
