"""File containers other than CSV and Parquet, and text encodings other than UTF-8.

Each reader turns a container into an all-text frame (every value ``str``, missing
values ``""``) plus the spreadsheet-style row of each record, so every source format
maps its columns the same way whatever the file was saved as:

* JSON: a list of records, or an API's answer holding one (ACLED's ``{"status": ...,
  "data": [...]}``, UCDP GED's ``{"TotalCount": ..., "Result": [...]}``);
  record ``i`` is reported as row ``i + 2`` (as if the header were row 1).
* Excel ``.xlsx`` (openpyxl, the well-kept reader): the first sheet, its first row
  the header; date cells become ISO dates (``YYYY-MM-DD``, or date and time when
  the cell has a time of day); whole numbers lose Excel's ``.0``.
* Text in another encoding than UTF-8: detected by charset-normalizer and
  re-encoded to UTF-8, with a notice naming the encoding.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.problems import (
    EventsFileError,
    Problem,
    UnnamedColumn,
    counted,
    empty_rows_notice,
    figure,
    unnamed_column_name,
    unnamed_columns_notices,
)

XLSX_MAGIC = b"PK\x03\x04"
#: Readable names of the encodings the detector reports most often.
ENCODING_NAMES: dict[str, str] = {
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "latin_1": "Latin-1 (ISO-8859-1)",
}
#: How much of a file the encoding detector looks at (it samples within that).
_DETECT_BYTES = 1 << 20


def is_json(data: bytes) -> bool:
    """JSON starts (after spaces and a byte-order mark) with ``{`` or ``[``."""
    return data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")


def is_xlsx(data: bytes) -> bool:
    """An Office Open XML workbook: a ZIP archive holding ``xl/workbook.xml``."""
    if not data.startswith(XLSX_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def with_unnamed_read(
    frame: pd.DataFrame,
    record_rows: Callable[[], np.ndarray],
    keep: frozenset[int] | None = None,
) -> tuple[pd.DataFrame, list[UnnamedColumn]]:
    """``frame`` with its columns of empty (or blank) name read by every reader's rule
    (:class:`~dashboard.problems.UnnamedColumn`): under their spreadsheet names where they
    hold a value, else left out; and those columns. ``record_rows()``: the file row of
    each record (asked only when such a column holds a value); ``keep``: the positions
    the whole file keeps (a chunk of a larger file), None: decided from ``frame``."""
    names = [str(name) for name in frame.columns]
    if all(name.strip() for name in names):
        return frame, []
    named = {name for name in names if name.strip()}
    rows_of: np.ndarray | None = None
    unnamed, taken, read_as = [], [], []
    for j, name in enumerate(names):
        if name.strip():
            taken.append(j)
            read_as.append(name)
            continue
        filled = np.flatnonzero(frame.iloc[:, j].str.strip().ne("").to_numpy())
        rows: tuple[int, ...] = ()
        if len(filled):
            rows_of = record_rows() if rows_of is None else rows_of
            rows = tuple(int(row) for row in rows_of[filled])
        kept = bool(len(filled)) if keep is None else j + 1 in keep
        column = UnnamedColumn(j + 1, unnamed_column_name(j + 1, named), kept, rows)
        unnamed.append(column)
        if kept:
            taken.append(j)
            read_as.append(column.name)
    frame = frame.iloc[:, taken]
    frame.columns = read_as
    return frame, unnamed


def read_json_table(
    data: bytes,
    on_unnamed: Callable[[list[UnnamedColumn]], None] | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """Records of a JSON file as an all-text frame (columns in first-seen order).

    A key that is empty names a column with no name: read by :func:`with_unnamed_read`'s
    rule (record ``i`` is row ``i + 2``), ``on_unnamed`` handed those columns. Records an
    object holds are said with what it holds beside them (``on_notice``): a page of an
    API's longer answer says its total there, and only its own records are read."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        raise EventsFileError([Problem(None, None, f"not a readable JSON file ({err})")]) from None
    records, key = _json_records(parsed)
    if key is not None and on_notice is not None:
        on_notice(_envelope_notice(parsed, key))
    if records is None:
        raise EventsFileError(
            [
                Problem(
                    None,
                    None,
                    "JSON must be a list of records, or an object holding one such list "
                    '(as an API sends it: ACLED\'s {"status": 200, "data": [...]}, UCDP\'s '
                    '{"TotalCount": 2, ..., "Result": [...]})',
                )
            ]
        )
    columns: dict[str, None] = {}
    for record in records:
        columns.update(dict.fromkeys(record))
    frame, unnamed = with_unnamed_read(
        pd.DataFrame(
            {
                name: pd.Series([_cell_text(r.get(name)) for r in records], dtype="str")
                for name in columns
            }
        ),
        lambda: np.arange(2, len(records) + 2),
    )
    if unnamed and on_unnamed is not None:
        on_unnamed(unnamed)
    return frame


def _json_records(parsed: object) -> tuple[list[dict] | None, str | None]:
    """The records of a parsed JSON file and the key they are under: a list of objects
    (no key), or the one such list an object holds beside its counts and links (an API's
    answer saved as it came: ACLED's ``data``, UCDP GED's ``Result``); no records when
    there is no such list or more than one."""

    def records(value: object) -> bool:
        return isinstance(value, list) and all(isinstance(r, dict) for r in value)

    if records(parsed):
        return parsed, None
    if not isinstance(parsed, dict):
        return None, None
    keys = [key for key, value in parsed.items() if records(value)]
    return (parsed[keys[0]], keys[0]) if len(keys) == 1 else (None, None)


#: The longest value of an API's answer shown beside its records.
_SHOWN_CHARS = 60


def _envelope_notice(parsed: dict, key: str) -> str:
    """Which key's records were read, and what the object holds beside them, as written."""

    def shown(value: object) -> str:
        if isinstance(value, str) and len(value) > _SHOWN_CHARS:
            value = value[: _SHOWN_CHARS - 1] + "…"  # a link's start says where it goes
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= _SHOWN_CHARS + 2 else text[:_SHOWN_CHARS] + "…"

    n = len(parsed[key])
    beside = ", ".join(f"{name} {shown(value)}" for name, value in parsed.items() if name != key)
    said = f"; beside them the object holds {beside} (not read)" if beside else ""
    return f"JSON: read the {counted(n, 'record')} under {key!r}{said}."


@dataclass(frozen=True)
class Sheet:
    """A worksheet read as a table: its all-text frame, the sheet row of each record, and
    what a user should be told about how it was read."""

    frame: pd.DataFrame
    rows: np.ndarray
    notices: tuple[str, ...] = ()


def read_xlsx_table(data: bytes) -> pd.DataFrame:
    """The first sheet of an ``.xlsx`` workbook as an all-text frame (:func:`read_xlsx_sheet`)."""
    return read_xlsx_sheet(data).frame


def _header_index(rows: list[list[str]]) -> int:
    """The index of the header among ``rows``: the first row of two or more filled cells
    when every row above it fills at most one (a title, a note, a blank line), else 0."""
    for i, row in enumerate(rows):
        filled = sum(1 for value in row if value.strip())
        if filled >= 2:
            return i
    return 0


def _columns(rows: list[list[str]], top: int) -> tuple[list[tuple[str, int]], tuple[str, ...]]:
    """The sheet's columns as (name, index) and the notices of those with no header.

    A column whose header cell is empty but which holds values below it is read under
    Excel's name for it (``column F``), said with the rows holding them
    (:class:`~dashboard.problems.UnnamedColumn`: every reader's rule): data typed beside
    the table is the analyst's, and is never dropped unsaid. An unnamed column with no
    value below its header holds nothing and is left out, said once as a CSV's trailing
    comma is (the same rule; until session 28 a sheet's formatted empty columns went
    unsaid)."""
    header = rows[top] if rows else []
    width = max((len(row) for row in rows[top:]), default=0)
    filled: dict[int, list[int]] = {}
    for number, row in enumerate(rows[top + 1 :], top + 2):
        for j, value in enumerate(row):
            if value.strip() and not (j < len(header) and header[j].strip()):
                filled.setdefault(j, []).append(number)
    named = {n for n in header if n.strip()}
    columns, unnamed = [], []
    for j in range(width):
        name = header[j] if j < len(header) else ""
        if name.strip():
            columns.append((name, j))
        else:
            rows = tuple(filled.get(j, ()))
            column = UnnamedColumn(j + 1, unnamed_column_name(j + 1, named), bool(rows), rows)
            if column.kept:
                columns.append((column.name, j))
            unnamed.append(column)
    return columns, tuple(unnamed_columns_notices(unnamed))


def read_xlsx_sheet(data: bytes) -> Sheet:
    """The first sheet of an ``.xlsx`` workbook as a table, as an analyst keeps one.

    Only the first sheet is read; a notice names the others. The header is the first row
    of two or more filled cells: rows above it holding one
    cell at most (a title, merged across the columns or not; blank lines) are skipped,
    with a notice. Rows with no filled cell are no records (a blank line in a CSV is none
    either), skipped with a notice naming them. Every record keeps its sheet row, so
    problems and notices name the row Excel shows.
    """
    import openpyxl  # imported here: only Excel files need it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a damaged workbook
        raise EventsFileError(
            [Problem(None, None, f"not a readable Excel workbook ({err})")]
        ) from None
    try:
        sheet = workbook.worksheets[0]
        first, others = str(sheet.title), tuple(str(o.title) for o in workbook.worksheets[1:])
        # Read-only mode reads only the cells the sheet says it has; some writers say
        # ``<dimension ref="A1"/>`` whatever it holds (ACLED's own workbooks), so the
        # rows are read as they are in the file.
        sheet.reset_dimensions()
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    top = _header_index(rows)
    header_row = top + 1
    columns, unnamed = _columns(rows, top)
    header = [name for name, _ in columns]
    problems = [
        Problem(header_row, n, "column name appears twice")
        for i, n in enumerate(header)
        if n in header[:i]
    ]
    if problems:
        raise EventsFileError(problems)
    body, empty = [], []
    for number, row in enumerate(rows[top + 1 :], header_row + 1):
        values = [row[j] if j < len(row) else "" for _, j in columns]
        if any(value.strip() for value in values):
            body.append((number, values))
        else:
            empty.append(number)
    notices: tuple[str, ...] = ()
    if others:
        notices += (
            f"Read the workbook's first sheet ({first!r}); its other "
            f"sheet{'s' if len(others) > 1 else ''} ({', '.join(map(repr, others))}) "
            f"{'were' if len(others) > 1 else 'was'} not read: to read another, move it "
            "first in Excel, or save it as CSV.",
        )
    if top:
        title = next((v for row in rows[:top] for v in row if v.strip()), "")
        said = f" (a title: {title!r})" if title else ""
        notices += (
            f"The sheet's header is row {figure(header_row)}: the "
            f"{'row' if top == 1 else f'{top} rows'} above it{said} "
            f"{'was' if top == 1 else 'were'} skipped.",
        )
    notices += unnamed
    # A row with no value is no record, as a CSV's blank line is none; said, never silent.
    notices += tuple(empty_rows_notice(empty, "no value in any cell"))
    frame = pd.DataFrame(
        {name: pd.Series([r[i] for _, r in body], dtype="str") for i, name in enumerate(header)}
    )
    return Sheet(frame, np.array([n for n, _ in body], dtype=np.int64), notices)


def is_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8, checked in place (no decoded copy of the file).

    ASCII bytes are valid as they are (a quick scan); anything else is validated by
    pyarrow over the same buffer.
    """
    if data.isascii():
        return True
    offsets = pa.array([0, len(data)], pa.int64()).buffers()[1]
    text = pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(data)])
    try:
        text.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def to_utf8(data: bytes) -> tuple[bytes, str | None]:
    """``data`` as UTF-8, and the detected encoding when it was another one (else None).

    UTF-8 (with or without a byte-order mark) and UTF-16 are returned unchanged:
    the CSV reader words their problems. Otherwise charset-normalizer names the
    encoding; when it cannot, the bytes are returned unchanged for the reader to refuse.
    """
    head = data[:_DETECT_BYTES]
    if is_utf8(data):  # checked in place: decoding a copy of the file cost ~0.25 s at 1M events
        return data, None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        return data, None
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is None:
        return data, None
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return data, None
    # Single-byte Latin code pages agree on most letters; where the text reads the same
    # as Windows-1252 (Excel's and ACLED's), name that one rather than a near twin.
    try:
        if encoding != "cp1252" and data.decode("cp1252") == text:
            encoding = "cp1252"
    except UnicodeDecodeError:
        pass
    return text.encode("utf-8"), ENCODING_NAMES.get(encoding, encoding)
