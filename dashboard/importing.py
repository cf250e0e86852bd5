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
import functools
import io
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard import formats, icews
from dashboard.actors import ActorDirectory
from dashboard.containers import (
    XLSX_MAGIC,
    is_json,
    is_xlsx,
    read_json_table,
    read_xlsx_sheet,
    to_utf8,
    with_unnamed_read,
)
from dashboard.formats import FORMAT_NAMES, Opened, Sniffed, TextTable
from dashboard.loading import (
    as_headerless,
    csv_reader,
    csv_record_rows,
    read_csv_table,
    read_source,
)
from dashboard.mapping import ColumnMapping
from dashboard.problems import (
    EventsFileError,
    Problem,
    UnnamedColumn,
    empty_rows_notice,
    unnamed_column_name,
    unnamed_columns_notices,
    unread_cells_notice,
)
from dashboard.table import EventTable, index_while_loading, indexed_notices, load_directory

#: Said of a ZIP archive that is no readable workbook (an .xlsx cut short or damaged): it
#: was read as a CSV and refused as "contains NUL bytes", which told the analyst nothing.
UNREADABLE_ARCHIVE = (
    "is a ZIP archive but no Excel workbook (.xlsx) that can be opened: damaged, cut short "
    "(an interrupted download or copy) or another kind of archive; save the workbook again, "
    "or save it as CSV"
)

#: Said of a table no format of the registry recognises.
UNRECOGNISED = (
    "not a table this dashboard recognises: expected our columns (event_id, start_date, "
    "end_date, date_precision, event_type, title) or an ACLED, GDELT, UCDP GED or ICEWS "
    "file; map any other table's columns onto ours with `python -m dashboard convert IN "
    "-o OUT --map OURS=THEIRS --set OURS=VALUE` (in the app: the column mapping form)"
)

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
    """The column names on a CSV's first line, read leniently (only to pick a reader).

    A header cell may be longer than the csv module's default 128 KiB field limit
    (:func:`dashboard.loading.csv_reader` lifts it).
    """
    first = first_line(data).decode("utf-8", errors="replace")
    try:
        return next(csv_reader(first, delimiter=delimiter), [])
    except csv.Error:
        return []


#: Limits on what a Parquet file may expand to, checked before its values are decoded: a
#: small file can hold a million copies of one long dictionary value (issue 12).
MAX_PARQUET_ROWS = 5_000_000
#: Decoded text (values and their offsets) at most this many times the file's size ...
MAX_PARQUET_EXPANSION = 100
#: ... but never less than this (small files always open) nor more than the cap.
MIN_PARQUET_TEXT_BYTES = 64 << 20
MAX_PARQUET_TEXT_BYTES = 1 << 30
#: Bytes counted per value of a column that is not text (a number or date written as text).
_NON_TEXT_VALUE_BYTES = 24
_OFFSET_BYTES = 8
_MB = 1 << 20


def parquet_text_limit(size: int) -> int:
    """How many bytes of text a Parquet file of ``size`` bytes may decode to."""
    return min(MAX_PARQUET_TEXT_BYTES, max(MIN_PARQUET_TEXT_BYTES, MAX_PARQUET_EXPANSION * size))


def read_parquet_table(
    data: bytes, on_unnamed: Callable[[list[UnnamedColumn]], None] | None = None
) -> pd.DataFrame:
    """Read Parquet bytes into an all-text frame (every column cast to ``str``).

    A column with an empty name is read under its spreadsheet name (``column C``) when
    it holds a value, else left out, as in a CSV; ``on_unnamed`` is handed them.

    The row count and the pages' uncompressed sizes are checked in the file's
    metadata before anything is decoded, and text columns are read
    dictionary-encoded so their decoded size is known before it is built: a file
    that would expand past :func:`parquet_text_limit` or :data:`MAX_PARQUET_ROWS`
    is refused with one file-level problem.
    """
    try:
        return _read_parquet_table(data, on_unnamed)
    except EventsFileError:
        raise
    except (pa.ArrowException, OSError, ValueError, IndexError, KeyError) as err:
        # A corrupt file fails in many places (metadata text, page data, dictionary
        # indices, column lengths): each is the same problem for the analyst.
        raise EventsFileError(
            [Problem(None, None, f"not a readable Parquet file ({err})")]
        ) from None


def _read_parquet_table(
    data: bytes, on_unnamed: Callable[[list[UnnamedColumn]], None] | None
) -> pd.DataFrame:
    try:
        parquet = pq.ParquetFile(io.BytesIO(data))
        schema_arrow = parquet.schema_arrow
        _check_parquet_sizes(parquet.metadata, len(data))
        text_columns = [
            field.name
            for field in schema_arrow
            if pa.types.is_string(field.type)
            or pa.types.is_large_string(field.type)
            or pa.types.is_binary(field.type)
            or pa.types.is_large_binary(field.type)
        ]
        parquet = pq.ParquetFile(io.BytesIO(data), read_dictionary=text_columns)
        # JSON written by pandas; corrupt bytes there raise UnicodeDecodeError (a ValueError).
        pandas_metadata = schema_arrow.pandas_metadata or {}
    except (pa.ArrowException, OSError, ValueError) as err:
        raise EventsFileError(
            [Problem(None, None, f"not a readable Parquet file ({err})")]
        ) from None
    index_columns = {
        name for name in pandas_metadata.get("index_columns", []) if isinstance(name, str)
    }
    problems, raw = [], {}
    #: The fields read (pandas' saved index aside), and the name each is said by.
    fields: dict[int, str] = {}
    named = {field.name for field in schema_arrow if field.name.strip()}
    for index, field in enumerate(schema_arrow):
        name = field.name
        if name in index_columns:
            continue
        if name.strip() and name in fields.values():
            problems.append(Problem(1, name, "column name appears twice"))
        fields[index] = name if name.strip() else unnamed_column_name(len(fields) + 1, named)
        if pa.types.is_nested(field.type):  # refused from the schema, never decoded
            problems.append(
                Problem(None, fields[index], f"values of type {field.type} are not text")
            )
    if problems:
        raise EventsFileError(problems)
    limit, decoded = parquet_text_limit(len(data)), 0
    for index in fields:
        try:
            # By the field's index: a name may be empty many times.
            column = parquet.reader.read_column(index)
        except (pa.ArrowException, OSError, ValueError) as err:
            raise EventsFileError(
                [Problem(None, None, f"not a readable Parquet file ({err})")]
            ) from None
        decoded += _decoded_bytes(column)
        if decoded > limit:
            raise EventsFileError([_too_large(limit, f"{decoded / _MB:,.0f} MB of text or more")])
        raw[index] = column
    columns = {}
    for index, said in fields.items():
        try:
            columns[index] = _as_text(raw.pop(index))
        except pa.ArrowException:
            kind = schema_arrow.field(index).type
            problems.append(Problem(None, said, f"values of type {kind} are not text"))
            continue
        try:
            # Parquet readers trust a string column's bytes; corrupt ones would fail later.
            columns[index].validate(full=True)
        except pa.ArrowInvalid:
            problems.append(Problem(None, said, "holds bytes that are not UTF-8 text"))
    if problems:
        raise EventsFileError(problems)
    if not columns:
        return pd.DataFrame()
    # large_string is what pandas' str dtype holds: no copy (as for a CSV).
    table = pa.Table.from_arrays(
        list(columns.values()), names=[schema_arrow.field(i).name for i in columns]
    )
    frame, unnamed = with_unnamed_read(
        table.to_pandas().astype("str"), lambda: np.arange(2, table.num_rows + 2)
    )
    if unnamed and on_unnamed is not None:
        on_unnamed(unnamed)
    return frame


def _too_large(limit: int, what: str) -> Problem:
    return Problem(
        None,
        None,
        f"the Parquet file expands to more than {limit / _MB:,.0f} MB of text "
        f"(it holds {what}); split it, or convert it to CSV with another tool",
    )


def _check_parquet_sizes(metadata: pq.FileMetaData, size: int) -> None:
    """Rows and uncompressed page sizes, from the metadata alone (nothing decoded yet)."""
    if metadata.num_rows > MAX_PARQUET_ROWS:
        raise EventsFileError(
            [
                Problem(
                    None,
                    None,
                    f"the Parquet file has {metadata.num_rows:,} rows; at most "
                    f"{MAX_PARQUET_ROWS:,} can be opened (split the table)",
                )
            ]
        )
    pages = sum(
        metadata.row_group(group).column(column).total_uncompressed_size
        for group in range(metadata.num_row_groups)
        for column in range(metadata.num_columns)
    )
    limit = parquet_text_limit(size)
    if pages > limit:
        raise EventsFileError([_too_large(limit, f"{pages / _MB:,.0f} MB of uncompressed pages")])


def _decoded_bytes(column: pa.ChunkedArray) -> int:
    """Bytes ``column`` takes as text, computed without decoding a dictionary."""
    total = _OFFSET_BYTES * len(column)
    for chunk in column.chunks:
        if pa.types.is_dictionary(chunk.type):
            values = chunk.dictionary
            if not _is_text(values.type):
                total += _NON_TEXT_VALUE_BYTES * len(chunk)
                continue
            lengths = pc.binary_length(values)
            total += pc.sum(pc.take(lengths, chunk.indices)).as_py() or 0
        elif _is_text(chunk.type):
            total += pc.sum(pc.binary_length(chunk)).as_py() or 0
        else:
            total += _NON_TEXT_VALUE_BYTES * len(chunk)
    return total


def _is_text(kind: pa.DataType) -> bool:
    return (
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_binary(kind)
        or pa.types.is_large_binary(kind)
    )


def _as_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """The column as ``large_string`` (dictionaries decoded into 64-bit offsets), nulls ``""``."""
    if pa.types.is_dictionary(column.type):
        column = pa.chunked_array(
            [
                pc.take(chunk.dictionary.cast(_text_type(chunk.dictionary.type)), chunk.indices)
                for chunk in column.chunks
            ],
            type=_text_type(column.type.value_type),
        )
    if pa.types.is_timestamp(column.type):
        days = pc.cast(column, pa.date32())
        if pc.all(pc.equal(pc.cast(days, column.type), column)).as_py() in (True, None):
            column = days
    return pc.fill_null(pc.cast(column, pa.large_string()), "")


def _text_type(kind: pa.DataType) -> pa.DataType:
    """Text values keep 64-bit offsets when decoded (a dictionary's can pass 2 GiB)."""
    return pa.large_string() if _is_text(kind) else kind


@dataclass(frozen=True)
class Sniffing:
    """A file seen as a container: what it is, its text as UTF-8, how to read it, notices."""

    sniffed: Sniffed
    data: bytes
    read_table: Callable[..., TextTable]
    notices: tuple[str, ...] = ()


def sniff(data: bytes) -> Sniffing:
    """What container ``data`` is, its first record, and how to read it as text."""
    if is_parquet(data):
        unnamed: list[UnnamedColumn] = []
        frame = read_parquet_table(data, unnamed.extend)
        return _of_frame("parquet", data, frame, notices=tuple(unnamed_columns_notices(unnamed)))
    if is_xlsx(data):
        sheet = read_xlsx_sheet(data)
        return _of_frame("xlsx", data, sheet.frame, sheet.rows, sheet.notices)
    if is_json(data):
        unnamed, told = [], []
        frame = read_json_table(data, unnamed.extend, told.append)
        notices = (*told, *unnamed_columns_notices(unnamed))
        return _of_frame("json", data, frame, notices=notices)
    if data.startswith(XLSX_MAGIC):  # a ZIP archive, but no workbook is_xlsx could open
        raise EventsFileError([Problem(None, None, UNREADABLE_ARCHIVE)])
    data, encoding = to_utf8(data)
    notices = (
        (
            f"The file is not UTF-8; it was read as {encoding} (detected). "
            "If names look wrong, save it as UTF-8 and open it again.",
        )
        if encoding
        else ()
    )
    delimiter = sniff_delimiter(first_line(data))
    header = tuple(sniff_csv_header(data, delimiter))
    return Sniffing(
        Sniffed("csv", header, delimiter), data, _reader_of_csv(data, delimiter), notices
    )


def _of_frame(
    container: str,
    data: bytes,
    frame: pd.DataFrame,
    rows: np.ndarray | None = None,
    notices: tuple[str, ...] = (),
) -> Sniffing:
    """``frame`` as a sniffed table; ``rows`` the file row of each record (else 2, 3 …)."""
    return Sniffing(
        Sniffed(container, tuple(frame.columns)), data, _reader_of_frame(frame, rows), notices
    )


def _refuse_nul(frame: pd.DataFrame, rows: np.ndarray) -> None:
    """A NUL character in a value: refused, as in a CSV (the CSV we would write must load).

    Issue 12 item 8: a Parquet title with a NUL byte was accepted, and ``convert`` then
    wrote a CSV that ``validate`` refuses.
    """
    problems = []
    for name in frame.columns:
        values = pa.array(frame[name], type=pa.large_string(), from_pandas=True)
        found = pc.match_substring(values, "\x00").to_numpy(zero_copy_only=False)
        for i in np.flatnonzero(found == True):  # noqa: E712 (nulls are None)
            problems.append(
                Problem(
                    int(rows[i]),
                    str(name),
                    "contains a NUL character, which a text file cannot hold; remove it",
                )
            )
    if problems:
        raise EventsFileError(problems)


def _reader_of_frame(
    frame: pd.DataFrame, rows: np.ndarray | None = None
) -> Callable[..., TextTable]:
    if rows is None:
        rows = np.arange(2, len(frame) + 2)
    _refuse_nul(frame, rows)
    # A headerless table's first row is a record: the row above the first (the header's).
    with_header = np.concatenate([[rows[0] - 1 if len(rows) else 1], rows])

    def read(
        missing: frozenset[str] = frozenset(), names=None, drop_index: bool = False
    ) -> TextTable:
        table = frame if names is None else _with_first_row_as_record(frame, names)
        if drop_index:
            table, _ = _without_index_column(table)
        numbers = rows if names is None else with_header
        return TextTable(_blank_missing(table, missing), lambda n: numbers[:n])

    return read


def _with_first_row_as_record(frame: pd.DataFrame, names) -> pd.DataFrame:
    first = pd.DataFrame([list(frame.columns)], columns=frame.columns, dtype="str")
    whole = pd.concat([first, frame], ignore_index=True)
    whole.columns = list(names)
    return whole


#: Names R (``""``, readr's ``...1``) and pandas (``Unnamed: 0``) give a saved row index.
INDEX_COLUMN_NAMES: tuple[str, ...] = ("", "...1", "Unnamed: 0")


def _reader_of_csv(data: bytes, delimiter: str) -> Callable[..., TextTable]:
    def read(
        missing: frozenset[str] = frozenset(),
        names=None,
        drop_index: bool = False,
        on_empty_rows: Callable[[list[int]], None] | None = None,
        on_unnamed: Callable[[list[UnnamedColumn]], None] | None = None,
        keep_unnamed: frozenset[int] | None = None,
    ) -> TextTable:
        text = data.removeprefix(b"\xef\xbb\xbf")
        shift = 1 if names is not None else 0
        told = (
            None
            if on_empty_rows is None
            else (lambda rows: on_empty_rows([row - shift for row in rows]))
        )
        if names is not None:
            # A headerless file: read it under the format's column names, rows from 1.
            text = (delimiter.join(names) + "\n").encode() + text
        unnamed: list[UnnamedColumn] = []
        try:
            frame = read_csv_table(
                text,
                delimiter=delimiter,
                on_empty_rows=told,
                on_unnamed=unnamed.extend,
                keep_unnamed=keep_unnamed,
            )
        except EventsFileError as err:
            if names is None:
                raise
            raise EventsFileError(as_headerless(err.problems)) from None
        if drop_index:
            frame, unnamed = _without_index_column(frame, unnamed)
        if unnamed and on_unnamed is not None:
            on_unnamed(unnamed)
        # A token the bytes never hold cannot be a cell: skip its search column by column.
        missing = frozenset(token for token in missing if token.encode() in text)
        return TextTable(
            _blank_missing(frame, missing),
            lambda n: csv_record_rows(text, n, delimiter) - shift,
        )

    return read


def _without_index_column(
    frame: pd.DataFrame, unnamed: list[UnnamedColumn] | None = None
) -> tuple[pd.DataFrame, list[UnnamedColumn]]:
    """Drop a first column that is a saved row index (unnamed, numbering the rows), and
    the reader's word of it: ``unnamed``, the columns with no name it read (a CSV's
    first column with an empty name is read as ``column A``)."""
    unnamed = list(unnamed or [])
    first_unnamed = bool(unnamed) and unnamed[0].position == 1
    if len(frame.columns) == 0 or not (
        frame.columns[0] in INDEX_COLUMN_NAMES or (first_unnamed and unnamed[0].kept)
    ):
        return frame, unnamed
    numbers = pd.to_numeric(frame.iloc[:, 0], errors="coerce")
    n = len(frame)
    counts = numbers.notna().all() and (
        (numbers == np.arange(1, n + 1)).all() or (numbers == np.arange(n)).all()
    )
    if not counts:
        return frame, unnamed
    return frame.iloc[:, 1:], unnamed[1:] if first_unnamed else unnamed


def _blank_missing(frame: pd.DataFrame, missing: frozenset[str]) -> pd.DataFrame:
    """The format's missing-value tokens (``NA``, ``NULL``, ...) become empty text."""
    if not missing:
        return frame
    tokens = sorted(missing)
    for name in frame.columns:
        column = frame[name]
        values = pa.array(column)
        # One equality per token: ~10x quicker than an isin's hash set on 1M strings.
        found = functools.reduce(pc.or_, (pc.equal(values, token) for token in tokens))
        found = pc.fill_null(found, False)
        if pc.any(found).as_py():
            frame[name] = column.where(~np.asarray(found), "")
    return frame


def table_columns(source: str | os.PathLike | bytes) -> tuple[str, ...]:
    """The column names of a table as a column mapping reads it, as the mapping form offers
    them: a saved row index dropped, a column with no name under its spreadsheet name
    (``column F``) or left out when it holds nothing. A table that cannot be read whole
    offers the names on its first record (the mapping's preview then says why)."""
    sniffing = sniff(read_source(source))
    try:
        return tuple(map(str, sniffing.read_table(drop_index=True).frame.columns))
    except EventsFileError:
        return sniffing.sniffed.columns


@dataclass(frozen=True)
class LoadNotices:
    """What a load tells the analyst, in parts: those of a file's chunks add up (``a + b``).

    ``sniffed``: of the bytes (an encoding); ``tally``: what the format counted (its
    ``tally_notices`` word the sum); ``told``: the format's other notices.
    """

    format: formats.SourceFormat
    sniffed: tuple[str, ...] = ()
    tally: Counter = dataclass_field(default_factory=Counter)
    told: tuple[str, ...] = ()
    #: Control characters read as Windows-1252 marks, by code (:func:`read_c1_as_windows_1252`).
    marks: Counter = dataclass_field(default_factory=Counter)
    #: File rows of the records with no value that were skipped (``,,,,``).
    empty_rows: tuple[int, ...] = ()
    #: A CSV's columns with an empty name, their rows with values the file's.
    unnamed: tuple[UnnamedColumn, ...] = ()
    #: Values of columns the event table does not read, left empty (file rows).
    unread: tuple[Problem, ...] = ()

    def __add__(self, later: LoadNotices) -> LoadNotices:
        tally = Counter(self.tally)
        tally.update(later.tally)  # update, not +: a count of 0 events is still said
        return LoadNotices(
            self.format,
            _joined(self.sniffed, later.sniffed),
            tally,
            _joined(self.told, later.told),
            self.marks + later.marks,
            self.empty_rows + later.empty_rows,
            _unnamed_joined(self.unnamed, later.unnamed),
            self.unread + later.unread,
        )

    def words(self) -> list[str]:
        """The notices, in the order the analyst reads them."""
        told = [
            *unnamed_columns_notices(self.unnamed),
            *c1_notice(self.marks),
            *self.format.notices(self.tally, self.told),
            *unread_cells_notice(self.unread),
            *empty_rows_notice(self.empty_rows),
        ]
        if self.format is not formats.OURS:
            told.append(f"Read as {self.format.title}: {self.format.summary}")
        return [*self.sniffed, *told]


def _unnamed_joined(
    first: tuple[UnnamedColumn, ...], then: tuple[UnnamedColumn, ...]
) -> tuple[UnnamedColumn, ...]:
    """The unnamed columns of a file's chunks, in file order: one per column, its rows
    those of every chunk (each chunk read them with what the whole file keeps)."""
    if not first:
        return then
    later = {column.position: column for column in then}
    return tuple(
        replace(
            column,
            kept=column.kept or later[column.position].kept,
            rows=column.rows + later[column.position].rows,
        )
        if column.position in later
        else column
        for column in first
    )


def _joined(first: tuple[str, ...], then: tuple[str, ...]) -> tuple[str, ...]:
    """``first`` and the notices of ``then`` it does not hold yet (said once)."""
    return (*first, *(notice for notice in then if notice not in first))


def load_any_frame(
    source: str | os.PathLike | bytes,
    *,
    format: str = "auto",
    directory: ActorDirectory | None = None,
    on_read: Callable[[pd.DataFrame], None] | None = None,
    mapping: ColumnMapping | None = None,
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
    mapping
        Which of the table's columns holds each of ours (the ``mapped`` format).

    Returns
    -------
    (frame, notices)
        The validated events frame and notices for the analyst (e.g. types kept as given).

    Raises
    ------
    EventsFileError
        Every problem, as ``row N, column C: what is wrong``.
    """
    loaded = import_table(
        source, format=format, directory=directory, on_read=on_read, mapping=mapping
    )
    return loaded.events, loaded.notices.words()


@dataclass(frozen=True)
class ImportedTable:
    """A table read by :func:`import_table`: its events, notices, and each record's file row."""

    events: pd.DataFrame
    notices: LoadNotices
    #: ``record_rows(n)``: the file row of each of the ``n`` events (None: ``i + 2``).
    record_rows: Callable[[int], np.ndarray] | None


def import_table(
    source: str | os.PathLike | bytes,
    *,
    format: str = "auto",
    directory: ActorDirectory | None = None,
    on_read: Callable[[pd.DataFrame], None] | None = None,
    mapping: ColumnMapping | None = None,
    decided: object | None = None,
    continues: bool = False,
    on_ids: Callable[[pd.Series, Callable[[int], np.ndarray], pd.Series | None], None]
    | None = None,
    keep_unnamed: frozenset[int] | None = None,
) -> ImportedTable:
    """:func:`load_any_frame`, its notices in parts; ``decided``, ``continues``, ``on_ids``,
    ``keep_unnamed`` (the unnamed columns the whole file keeps): a chunk's.

    A chunk of a larger file (:func:`dashboard.dataset.write_dataset_in_chunks`) is
    read with what the format's survey decided over the whole file (``decided``, see
    :class:`dashboard.formats.Opened`); its notices add up with the other chunks'; its
    ids are handed to ``on_ids`` even when it is refused.
    """
    sniffing, recognised, repaired = sniff_format(
        read_source(source), format=format, mapping=mapping, decided=decided
    )
    marks: Counter = Counter()
    if recognised not in (None, formats.OURS) and sniffing.sniffed.container == "csv":
        data, marks = read_c1_as_windows_1252(sniffing.data)
        if marks:
            again = sniff(data)
            sniffing = Sniffing(again.sniffed, again.data, again.read_table, sniffing.notices)
    empty_rows: dict[str, tuple[int, ...]] = {}

    unnamed: dict[str, tuple[UnnamedColumn, ...]] = {}

    def on_empty_rows(rows: list[int]) -> None:
        empty_rows["rows"] = tuple(rows)  # the last read's (a format may read twice)

    def on_unnamed(columns: list[UnnamedColumn]) -> None:
        unnamed["columns"] = tuple(columns)  # the last read's, as above

    read_table = sniffing.read_table
    if sniffing.sniffed.container == "csv":
        read_table = functools.partial(
            read_table,
            on_empty_rows=on_empty_rows,
            on_unnamed=on_unnamed,
            keep_unnamed=keep_unnamed,
        )
    opened = Opened(
        sniffing.data,
        sniffing.sniffed,
        read_table,
        directory=directory or ActorDirectory(),
        on_read=on_read,
        mapping=mapping,
        decided=decided,
        continues=continues,
        on_ids=on_ids,
        on_empty_rows=on_empty_rows,
        on_unnamed=on_unnamed,
        keep_unnamed=keep_unnamed,
    )
    if recognised is None:
        # Our schema's problems say which columns are missing; one more line says what else
        # would have been recognised, and how to map any other table.
        try:
            imported = formats.OURS.convert(opened)
        except EventsFileError as err:
            if not any(p.message == "required column is missing" for p in err.problems):
                raise
            said = [Problem(None, None, UNRECOGNISED)]
            if sniffing.sniffed.container == "xlsx":  # which sheet, which header row
                said += [Problem(None, None, notice) for notice in sniffing.notices]
            if icews.is_polecat(sniffing.sniffed.columns):
                said.append(Problem(None, None, icews.POLECAT_HINT))
            raise EventsFileError([*err.problems, *said]) from None
        imported = formats.OURS.typed(imported)
    else:
        imported = recognised.typed(recognised.convert(opened))
    tally = Counter(repaired)
    tally.update(imported.tally)
    notices = LoadNotices(
        recognised or formats.OURS,
        sniffing.notices,
        tally,
        imported.notices,
        marks,
        empty_rows.get("rows", ()),
        unnamed.get("columns", ()),
        imported.unread,
    )
    return ImportedTable(imported.events, notices, imported.record_rows)


#: A C1 control character (U+0080-U+009F) as UTF-8 bytes.
_C1 = re.compile(rb"\xc2([\x80-\x9f])")


def _as_windows_1252(match: re.Match) -> bytes:
    try:
        return match.group(1).decode("cp1252").encode()
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: none in Windows-1252
        return match.group(0)


def read_c1_as_windows_1252(data: bytes) -> tuple[bytes, Counter]:
    """UTF-8 text whose Windows-1252 punctuation was once decoded as Latin-1: each C1
    control character (U+0080-U+009F, never meant in text) read as the Windows-1252
    character of its code (U+0092 -> ’, U+0096 -> –), counted by code.

    Seen in real files (docs/formats.md): an ACLED export's notes, a GDELT 2.0 export's
    place names. Imports only: our own table's text is kept verbatim.
    """
    codes: Counter = Counter()

    def read(match: re.Match) -> bytes:
        mark = _as_windows_1252(match)
        if mark != match.group(0):
            codes[match.group(1)[0]] += 1
        return mark

    read_data = _C1.sub(read, data)
    return (read_data, codes) if codes else (data, codes)


def c1_notice(codes: Counter) -> list[str]:
    """The notice of :func:`read_c1_as_windows_1252`'s counts (a file's chunks add up)."""
    count = sum(codes.values())
    if not count:
        return []
    code = codes.most_common(1)[0][0]
    return [
        f"{count:,} Windows-1252 punctuation mark{'s' if count != 1 else ''} stored as control "
        f"characters (U+0080–U+009F) {'were' if count != 1 else 'was'} read as the marks "
        f"({bytes([code]).decode('cp1252')} for U+{code:04X})."
    ]


def sniff_format(
    data: bytes,
    *,
    format: str = "auto",
    mapping: ColumnMapping | None = None,
    decided: object | None = None,
) -> tuple[Sniffing, formats.SourceFormat | None, Counter]:
    """The bytes seen as a container, the format that reads them (None: none does), and
    what the format's own repairs of the bytes (``prepare``, with ``decided``) counted.
    """
    chosen = formats.by_name(format) if format != "auto" else None
    if mapping is not None:
        chosen = formats.MAPPED
    sniffing = sniff(data)
    recognised = chosen or formats.recognise(sniffing.sniffed)
    repaired: Counter = Counter()
    if recognised is not None and recognised.prepare and sniffing.sniffed.container == "csv":
        data, repaired = recognised.prepare(sniffing.data, decided)
        if repaired:
            again = sniff(data)
            sniffing = Sniffing(again.sniffed, again.data, again.read_table, sniffing.notices)
    return sniffing, recognised, repaired


def survey_table(
    data: bytes, format: formats.SourceFormat, directory: ActorDirectory | None = None
) -> object | None:
    """What a chunk of a file shows of the decisions ``format`` takes over the file."""
    if format.survey is None:
        return None
    sniffing = sniff(data)  # as the file is: a format's repairs are decided by the survey
    opened = Opened(
        sniffing.data,
        sniffing.sniffed,
        sniffing.read_table,
        directory=directory or ActorDirectory(),
    )
    return format.survey(opened)


def load_any(
    source: str | os.PathLike | bytes,
    *,
    format: str = "auto",
    actors_path: str | os.PathLike | None = None,
    label: str | None = None,
    mapping: ColumnMapping | None = None,
) -> tuple[EventTable, list[str]]:
    """Like :func:`load_any_frame`, indexed as an :class:`EventTable` for the app.

    ``actors_path`` defaults to ``$ACTORS_PATH`` (else data/actors.csv), for the
    app, the CLI and the bench alike. Ends like :func:`dashboard.table.load_events`:
    the load's freed scratch memory is handed back to the OS once the table is indexed.
    """
    directory = load_directory(actors_path)
    notices: list[str] = []

    def load(on_read) -> pd.DataFrame:
        frame, found = load_any_frame(
            source, format=format, directory=directory, on_read=on_read, mapping=mapping
        )
        notices.extend(found)
        return frame

    if label is None:
        label = Path(source).name if not isinstance(source, bytes | bytearray) else "upload"
    table = index_while_loading(load, directory, label)
    notices.extend(indexed_notices(table))
    return table, notices
