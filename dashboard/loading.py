"""Read and validate an events CSV: explicit types, our own date parsing, row/column problems.

The reader never lets pandas guess: every column is read as text by pyarrow's
CSV reader (fast, multi-threaded, and it *reports* rows with too few or too many
fields instead of padding them), "NA" stays the string "NA", and dates are
checked against ``YYYY-MM-DD`` before they are converted.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import stat
import warnings
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from dashboard import schema
from dashboard.cells import unescape_formula_cells
from dashboard.containers import is_utf8, with_unnamed_read
from dashboard.fastcheck import dates_if_surely_valid
from dashboard.memory import scratch_in_heap
from dashboard.problems import (
    EventsFileError,
    Problem,
    UnnamedColumn,
    counted,
    figure,
    telling_empty_rows,
    unnamed_columns_notices,
)

_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_PARAGRAPHS = r"\d+(\s*;\s*\d+)*"
_FIRST_DAY = pd.Timestamp("0001-01-01")
#: pyarrow parses the file in blocks of this size, side by side. At 1M events 8 MB blocks
#: took ~0.9-1.0 CPU-s against ~1.05-1.3 with 16 MB (smaller blocks stay in the cores'
#: caches) and raised the load's peak by ~25 MB (4 MB: ~0.85 CPU-s, but ~95 MB more peak).
#: A record longer than a block is read again with one block for the whole file.
_BLOCK_SIZE = 8 << 20
_LARGEST_BLOCK = (1 << 31) - 1


#: The largest file read from a path (a CSV of ~8M events): what is bigger is refused
#: before it is read, and a file that grows while it is read stops there.
MAX_SOURCE_BYTES = 2 << 30


def read_source(source: str | os.PathLike | bytes) -> bytes:
    """Return the raw bytes of a path or of bytes already in memory.

    Only a regular file is read (a FIFO, a device such as ``/dev/zero`` or a
    directory is refused without waiting on it), and at most
    :data:`MAX_SOURCE_BYTES` of it.

    Raises
    ------
    EventsFileError
        When the path cannot be read (the reason, as a file-level problem).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
        descriptor = os.open(source, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise _unreadable(err.strerror or str(err)) from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SOURCE_BYTES:
        os.close(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise _unreadable("it is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise _unreadable("it is not a regular file (a pipe, socket or device)")
        raise _too_big(info.st_size)
    os.set_blocking(descriptor, True)
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        try:
            return _read_bounded(handle, info.st_size)
        except OSError as err:
            raise _unreadable(err.strerror or str(err)) from None


def _read_bounded(handle, expected: int) -> bytes:
    """The file's bytes in one read of its size; a file still growing is read to the bound."""
    data = handle.read(expected + 1)
    if len(data) <= expected:
        return data
    parts, size = [data], len(data)
    while size <= MAX_SOURCE_BYTES:
        part = handle.read(min(64 << 20, MAX_SOURCE_BYTES + 1 - size))
        if not part:
            return b"".join(parts)
        parts.append(part)
        size += len(part)
    raise _too_big(size)


def _unreadable(reason: str) -> EventsFileError:
    return EventsFileError([Problem(None, None, f"cannot read the file: {reason}")])


def _too_big(size: int) -> EventsFileError:
    return _unreadable(
        f"it is {size / (1 << 20):,.0f} MB; files up to {MAX_SOURCE_BYTES >> 20:,} MB are read"
    )


def parse_events(
    data: bytes,
    *,
    allow_unknown_event_types: bool = False,
    on_read: Callable[[pd.DataFrame], None] | None = None,
    on_empty_rows: Callable[[list[int]], None] | None = None,
    on_unnamed: Callable[[list[UnnamedColumn]], None] | None = None,
    keep_unnamed: frozenset[int] | None = None,
) -> pd.DataFrame:
    """Parse and validate the bytes of an events CSV into the events frame.

    Parameters
    ----------
    data
        The file's bytes (UTF-8, with or without a byte-order mark).
    allow_unknown_event_types
        Keep event types outside the vocabulary instead of reporting them
        (used for imported tables whose types are listed in a notice).
    on_read
        Called with the all-text frame once it is read, before it is validated
        (the table starts indexing its list columns then).
    on_empty_rows
        Called with the file rows of the records with no value that were skipped
        (see :func:`read_csv_table`), when there are any. Without it, a
        :class:`UserWarning` says them in the notice's words: a caller with no channel
        of its own still never skips a row without a word.
    on_unnamed, keep_unnamed
        The columns with an empty name, told and kept as :func:`read_csv_table` does;
        without ``on_unnamed``, a :class:`UserWarning` says them.

    Returns
    -------
    pandas.DataFrame
        Schema columns first (text as ``str``, dates as ``datetime64``), then
        any extra columns of the file, as text, in file order.

    Raises
    ------
    EventsFileError
        With every problem found, each naming its row and column.
    """
    frame = read_csv_table(
        data,
        required=schema.REQUIRED_COLUMNS,
        on_empty_rows=on_empty_rows or _warn_empty_rows,
        on_unnamed=on_unnamed or _warn_unnamed,
        keep_unnamed=keep_unnamed,
    )
    if on_read is not None:
        on_read(frame)
    return validate_events_frame(
        frame,
        allow_unknown_event_types=allow_unknown_event_types,
        record_rows=lambda n: _record_lines(data, n),
    )


def _warn(notice: str) -> None:
    warnings.warn(notice, UserWarning, stacklevel=5)


_warn_empty_rows = telling_empty_rows(_warn)


def _warn_unnamed(columns: list[UnnamedColumn]) -> None:
    for notice in unnamed_columns_notices(columns):
        _warn(notice)


def read_csv_table(
    data: bytes,
    required: tuple[str, ...] = (),
    *,
    delimiter: str = ",",
    on_empty_rows: Callable[[list[int]], None] | None = None,
    on_unnamed: Callable[[list[UnnamedColumn]], None] | None = None,
    keep_unnamed: frozenset[int] | None = None,
) -> pd.DataFrame:
    """Read CSV bytes strictly into an all-text frame, formula escapes undone.

    Every problem with the bytes or the shape of the file (encoding, field
    counts, a ``required`` column missing) raises :class:`EventsFileError`;
    column meanings are not checked. A record with no value (every field empty or
    spaces: a spreadsheet's emptied row, saved as ``,,,,``) is skipped, as a blank
    line is; ``on_empty_rows`` is called with their file rows when there are any
    (:func:`csv_record_rows` skips them too, so later rows keep their numbers).

    A column with an empty name is read under its spreadsheet name (``column F``) when
    it holds a value, else left out (a trailing delimiter on every line); ``on_unnamed``
    is handed them (:class:`~dashboard.problems.UnnamedColumn`) when there are any.
    ``keep_unnamed``: the positions of those the whole file keeps (a chunk of a larger
    file is read with every chunk's columns); None: decided from these bytes.
    """
    text_bytes = _check_bytes(data)
    header = _read_header_names(text_bytes, delimiter)
    names = unescape_formula_cells(pd.Series(header, dtype="str")).tolist()
    # Checked before the rows: a file with the wrong delimiter would otherwise be
    # reported as rows with the wrong number of fields, without the hint. Said with the
    # header's own problems, not after them: a table that is not ours at all (a saved row
    # index's empty name) is told which columns it lacks, so the app offers its mapping.
    missing = [c for c in required if c not in names]
    if missing:
        raise EventsFileError(
            [Problem(None, c, "required column is missing") for c in missing]
            + _delimiter_hint(header)
            + _spaced_name_hints(header, missing)
            + _header_problems(header)
        )
    if problems := _header_problems(header):
        raise EventsFileError(problems)
    frame, skipped = _parse_rows(text_bytes, header, delimiter)
    _check_quotes_closed(text_bytes, delimiter)
    if skipped and on_empty_rows is not None:
        on_empty_rows(csv_empty_rows(text_bytes, delimiter))
    frame.columns = names
    frame, unnamed = with_unnamed_read(
        frame, lambda: _record_lines(text_bytes, len(frame), delimiter), keep_unnamed
    )
    if unnamed and on_unnamed is not None:
        on_unnamed(unnamed)
    if b"'" in text_bytes:  # else nothing to unescape: skip the per-column work (wide files)
        for column in frame.columns:
            frame[column] = unescape_formula_cells(frame[column])
    return frame


def duplicate_id_message(value: str, first_row: int) -> str:
    """How an id used again is worded, naming the row of its first use.

    The one wording of every format's check (ours, ACLED, GDELT, UCDP) and of a chunked
    conversion's check across chunks.
    """
    return f"duplicate id {value!r}, first used on row {figure(first_row)}"


def repeated_ids(
    ids: pd.Series, column: str, word: Callable[[int, int], str] | None = None
) -> list[tuple]:
    """A problem for each use of an id after its first (empty ids aside), as
    ``(record, column, message, first record)`` tuples (see :func:`with_rows`).

    ``word(record, first_row)`` words it; by default :func:`duplicate_id_message`.
    """
    duplicated = ids.duplicated(keep="first") & (ids != "")
    if not duplicated.any():
        return []
    first = pd.Series(np.arange(len(ids))).groupby(ids.to_numpy()).transform("min")
    return [
        (
            int(i),
            column,
            functools.partial(duplicate_id_message, ids.iat[i])
            if word is None
            else functools.partial(word, int(i)),
            int(first.iat[i]),
        )
        for i in np.flatnonzero(duplicated.to_numpy())
    ]


def validate_events_frame(
    frame: pd.DataFrame,
    *,
    allow_unknown_event_types: bool = False,
    record_rows=None,
    ids_distinct: bool = False,
) -> pd.DataFrame:
    """Validate an all-text events frame (from CSV, Parquet or an import) and type its dates.

    ``record_rows(n)`` gives the file row of each of the ``n`` records, used only
    when there are problems; by default record ``i`` is row ``i + 2`` (the header
    is row 1), as in a file without line breaks inside values. ``ids_distinct``: an
    import has checked that every ``event_id`` is distinct (see
    :func:`dashboard.fastcheck.dates_if_surely_valid`).
    """
    missing = [c for c in schema.REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise EventsFileError([Problem(None, c, "required column is missing") for c in missing])
    _refuse_names_apart_only_in_case(frame.columns)
    frame = _complete_schema(frame)
    if not allow_unknown_event_types and schema.TYPE_VOCABULARY_COLUMN in frame.columns:
        allow_unknown_event_types = not _unnamed_outside_types(frame).any()
    # Fast path for valid tables; the exact checks below alone word any problem.
    dates = dates_if_surely_valid(frame, allow_unknown_event_types, ids_distinct)
    if dates is None:
        problems = _validate(frame, allow_unknown_event_types)
        if problems:
            rows = record_rows(len(frame)) if record_rows else np.arange(2, len(frame) + 2)
            raise EventsFileError(with_rows(problems, rows))
        dates = {column: _to_datetime(frame[column]) for column in schema.DATE_COLUMNS}
    for column in schema.DATE_COLUMNS:
        frame[column] = dates[column]
    return frame


def _refuse_names_apart_only_in_case(columns) -> None:
    """Two columns whose names differ only in letter case ("latitude", "Latitude") are one
    name to the dashboard (column types and mappings match names in any letter case) and
    to the DuckDB and Spark engines, which would read one column's values for both."""
    first: dict[str, str] = {}
    problems = []
    for name in map(str, columns):
        seen = first.setdefault(name.casefold(), name)
        if seen != name:
            problems.append(
                Problem(
                    1,
                    name,
                    f"the same name as column {seen!r} in other letter case; names are read "
                    "in any letter case: rename one of the two",
                )
            )
    if problems:
        raise EventsFileError(problems)


def _looks_like_utf16(data: bytes) -> bool:
    """A byte-order mark, or ASCII text with a NUL in every other byte (UTF-16 without BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:1000]
    half = len(head) // 2
    return half >= 4 and max(head[0::2].count(0), head[1::2].count(0)) >= 0.9 * half


def _check_bytes(data: bytes) -> bytes:
    """Refuse what is not UTF-8 text; strip a UTF-8 byte-order mark."""
    if _looks_like_utf16(data):
        raise EventsFileError(
            [
                Problem(
                    None,
                    None,
                    "the file is UTF-16; save it as UTF-8 (CSV UTF-8) and retry",
                )
            ]
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data or data.isspace():  # data.strip() would copy the whole file
        raise EventsFileError([Problem(None, None, "the file is empty")])
    if b"\n" not in data and b"\r" not in data:
        # A header without a line end: pyarrow cannot read it, yet it is a valid empty table.
        data += b"\n"
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise EventsFileError(
            [Problem(line, None, "contains NUL bytes: this is not a text CSV file")]
        )
    try:
        if not is_utf8(data):
            data.decode("utf-8")  # raises, and says where
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        bad = data[err.start : err.start + 1].hex().upper()
        raise EventsFileError(
            [
                Problem(
                    line,
                    None,
                    f"byte 0x{bad} is not valid UTF-8; the file looks like another "
                    "encoding (e.g. Latin-1): save it as UTF-8 and retry",
                )
            ]
        ) from None
    return data


def _read_header_names(data: bytes, delimiter: str = ",") -> list[str]:
    # A line may end with CR alone (old Mac files); csv.reader raises on a bare CR.
    ends = [i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0]
    first_line = data[: min(ends) if ends else len(data)].decode("utf-8")
    if first_line.count('"') % 2:
        # A quoted column name holds a line break: the header is the first CSV record.
        return next(csv_reader(data.decode("utf-8"), delimiter=delimiter), [])
    return next(csv_reader(first_line, delimiter=delimiter), [])


def _header_problems(header: list[str]) -> list[Problem]:
    """Column names that appear twice (an empty name is a column's with no header)."""
    problems = []
    seen: set[str] = set()
    for name in header:
        if name.strip() and name in seen:
            problems.append(Problem(1, name, "column name appears twice"))
        seen.add(name)
    return problems


def csv_reader(text: str, **options):
    """``csv.reader`` over ``text`` (universal line ends kept) that takes fields of any size.

    The csv module refuses a field over 128 KiB by default (``field larger than field
    limit``); a field can be as long as the text, so the limit is raised to that (it
    is process-wide and only ever grows).
    """
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    return csv.reader(io.StringIO(text, newline=""), **options)


def _parse_rows(data: bytes, header: list[str], delimiter: str = ",") -> tuple[pd.DataFrame, int]:
    """Parse with pyarrow; rows with the wrong number of fields become problems.

    Returns the frame, without the records that hold no value, and how many those were.
    """
    bad_rows: list[int] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        bad_rows.append(row.number if row.number is not None else -1)
        return "skip"

    def read(newlines_in_values: bool) -> pa.Table:
        try:
            return read_in_blocks(newlines_in_values, _BLOCK_SIZE)
        except pa.ArrowInvalid as err:
            if "straddl" not in str(err) or len(data) < _BLOCK_SIZE:
                raise
            # A record longer than a block (a very long text): one block for the file.
            return read_in_blocks(newlines_in_values, min(len(data) + 1, _LARGEST_BLOCK))

    def read_in_blocks(newlines_in_values: bool, block_size: int) -> pa.Table:
        bad_rows.clear()
        return pacsv.read_csv(
            # Arrow reads the bytes in place; a Python file object would copy each block
            # through .read() (~0.15 s more at 1M events).
            pa.BufferReader(data),
            # glibc's heap, which return_freed_memory can trim after a load; mimalloc
            # (pyarrow's default) kept ~90 MB of the parse's scratch at 1M events.
            memory_pool=pa.system_memory_pool(),
            read_options=pacsv.ReadOptions(block_size=block_size),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=newlines_in_values,
                invalid_row_handler=on_invalid,
            ),
            convert_options=pacsv.ConvertOptions(
                # large_string is what pandas' str dtype holds: no copy in to_pandas.
                column_types={name: pa.large_string() for name in header},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
                # _check_bytes has validated the whole file's UTF-8 already.
                check_utf8=False,
            ),
        )

    try:
        # The reader's per-block scratch is reused rather than mapped anew for each block.
        with scratch_in_heap():
            # Quoted newlines are rare; the fast path reads without them and, if
            # any row then looks malformed, the file is read again allowing them.
            table = read(newlines_in_values=False)
            if bad_rows:
                table = read(newlines_in_values=True)
    except pa.ArrowInvalid as err:
        raise EventsFileError([Problem(None, None, f"not a readable CSV file ({err})")]) from None
    # A record of delimiters only is no record whatever its width (a spreadsheet writes
    # an emptied row as wide as its used range): the reader skipped it as invalid.
    if bad_rows and (problems := _field_count_problems(data, len(header), delimiter)):
        raise EventsFileError(problems)
    table, skipped = _without_empty_records(table)
    skipped += len(bad_rows)
    # No copy: each column holds the table's chunks, one per block read. The columns that
    # stay text are made one chunk once the table is compacted (compact.compact_text);
    # the others are encoded from their chunks, never combined.
    return table.to_pandas(), skipped


def _without_empty_records(table: pa.Table) -> tuple[pa.Table, int]:
    """``table`` without its records whose every value is empty or spaces, and how many.

    Column by column, stopping at the first column with no empty value (most files:
    the first), so a file without such records costs one pass over one column.
    """
    empty = None
    for column in table.columns:
        blank = pc.or_(pc.equal(pc.utf8_length(column), 0), pc.utf8_is_space(column))
        empty = blank if empty is None else pc.and_(empty, blank)
        if not pc.any(empty).as_py():
            return table, 0
    if empty is None:
        return table, 0
    return table.filter(pc.invert(empty)), int(pc.sum(empty).as_py())


def _field_count_problems(data: bytes, expected: int, delimiter: str = ",") -> list[Problem]:
    """Exact rows (file lines) whose number of fields differs from the header's, but for
    records of delimiters only (no value: skipped, :func:`csv_empty_rows`)."""
    problems = []
    reader = csv_reader(data.decode("utf-8"), delimiter=delimiter)
    line = 1
    for record in reader:
        start = line
        line = reader.line_num + 1
        if record and len(record) != expected and not _is_empty(record):
            problems.append(Problem(start, None, _field_count_message(len(record), expected)))
    return problems


def _field_count_message(found: int, expected: int, compared_with: str = "the header has") -> str:
    return f"has {counted(found, 'field')}, {compared_with} {figure(expected)}"


_FIELD_COUNT = re.compile(r"has ([\d,]+) fields?, the header has ([\d,]+)")


def as_headerless(problems: list[Problem]) -> list[Problem]:
    """``problems`` of a headerless file that was read with a line of column names laid
    over it (:func:`read_csv_table` wants a header): each row is the file's own line,
    one up, and a record's field count is compared with the other records', not with a
    header the file does not have."""
    shifted = []
    for problem in problems:
        counts = _FIELD_COUNT.fullmatch(problem.message)
        message = (
            _field_count_message(
                *(int(count.replace(",", "")) for count in counts.groups()),
                "the other records have",
            )
            if counts
            else problem.message
        )
        row = problem.row - 1 if problem.row is not None and problem.row > 1 else problem.row
        shifted.append(Problem(row, problem.column, message))
    return shifted


def count_byte(data: bytes, byte: bytes) -> int:
    """How many times the one byte ``byte`` occurs in ``data``.

    numpy's vectorised comparison, 1 MB at a time into one reused mask: ~0.04 s for
    290 MB where ``bytes.count`` of one byte took ~0.2 s, and a new 8 MB mask for each
    8 MB (mapped and zeroed anew every time: ~18k page faults) ~0.12 s.
    """
    if len(data) < _COUNT_CHUNK:
        return data.count(byte)
    values, wanted = np.frombuffer(data, dtype=np.uint8), byte[0]
    mask, found = np.empty(_COUNT_CHUNK, dtype=bool), 0
    for i in range(0, len(values), _COUNT_CHUNK):
        part = values[i : i + _COUNT_CHUNK]
        np.equal(part, wanted, out=mask[: len(part)])
        found += int(np.count_nonzero(mask[: len(part)]))
    return found


_COUNT_CHUNK = 1 << 20


def _check_quotes_closed(data: bytes, delimiter: str = ",") -> None:
    """pyarrow reads an unclosed quote silently to the end of the file: report it instead."""
    if count_byte(data, b'"') % 2 == 0:
        return
    reader = csv_reader(data.decode("utf-8"), strict=True, delimiter=delimiter)
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error as err:
        message = (
            'a quoted value is never closed (a " is missing), so the rest of the file would '
            "be read into it"
            if "unexpected end of data" in str(err)
            else f"the quoting is malformed ({err})"
        )
        raise EventsFileError([Problem(start, None, message)]) from None


def _spaced_name_hints(header: list[str], missing: list[str]) -> list[Problem]:
    """Name a required column written with spaces around it (``'title '``)."""
    return [
        Problem(1, name, f"column name has spaces around it; did you mean {name.strip()!r}?")
        for name in header
        if name != name.strip() and name.strip() in missing
    ]


def _delimiter_hint(header: list[str]) -> list[Problem]:
    if len(header) == 1:
        for sep, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "pipes")):
            if sep in header[0]:
                return [
                    Problem(
                        1,
                        None,
                        f"the header is one column separated by {name}; "
                        "the file must be comma-separated",
                    )
                ]
    return []


def _complete_schema(frame: pd.DataFrame) -> pd.DataFrame:
    """Schema columns first (absent optional ones empty), then the file's extras."""
    for column in schema.OPTIONAL_COLUMNS:
        if column not in frame.columns:
            frame[column] = pd.Series("", index=frame.index, dtype="str")
    extras = [c for c in frame.columns if c not in schema.SCHEMA_COLUMNS]
    return frame[list(schema.SCHEMA_COLUMNS) + extras]


def _validate(frame: pd.DataFrame, allow_unknown_event_types: bool) -> list[tuple]:
    """Vectorised checks; returns (record, column, message, other record) tuples.

    With another record (a duplicate's first use), the message is a function of its row.
    """
    found: list[tuple] = []

    def report(mask: pd.Series | np.ndarray, column: str, message) -> None:
        mask = np.asarray(mask, dtype=bool)
        for i in np.flatnonzero(mask):
            text = message(int(i)) if callable(message) else message
            found.append((int(i), column, text, None))

    for column in schema.NON_EMPTY_COLUMNS:
        report(frame[column].str.strip() == "", column, "is empty")

    parsed = {}
    for column in schema.DATE_COLUMNS:
        values = frame[column]
        shaped = values.str.fullmatch(_ISO_DATE)
        parsed[column] = _to_datetime(values.where(shaped, ""))
        not_empty = values.str.strip() != ""
        report(
            not_empty & ~shaped,
            column,
            lambda i, v=values: f"{v.iat[i]!r} is not a date in the form YYYY-MM-DD",
        )
        report(
            shaped & parsed[column].isna(),
            column,
            lambda i, v=values: f"{v.iat[i]!r} is not a real date",
        )
        # Year 0 parses (datetime64 holds it) but no Python date does: the summary, the
        # About page and the details would fail on it later.
        too_early = (parsed[column] < _FIRST_DAY).fillna(False).to_numpy(dtype=bool)
        report(
            too_early,
            column,
            lambda i, v=values: f"{v.iat[i]!r} is outside the years 1 to 9999 a date can have",
        )
        parsed[column] = parsed[column].mask(too_early)
    start, end = parsed["start_date"], parsed["end_date"]
    both = start.notna() & end.notna()
    report(
        both & (end < start),
        "end_date",
        lambda i: (
            f"ends ({frame['end_date'].iat[i]}) before it starts ({frame['start_date'].iat[i]})"
        ),
    )

    precision = frame["date_precision"]
    known_precision = precision.isin(schema.PRECISIONS)
    report(
        (precision != "") & ~known_precision,
        "date_precision",
        lambda i: (
            f"unknown precision {precision.iat[i]!r}; use one of " + ", ".join(schema.PRECISIONS)
        ),
    )
    _check_precision_spans(frame, start, end, both, report)

    if not allow_unknown_event_types:
        types = frame["event_type"]
        report(
            _unnamed_outside_types(frame),
            "event_type",
            lambda i: f"unknown event type {types.iat[i]!r}; see the event-type vocabulary",
        )

    found += repeated_ids(frame["event_id"], "event_id")

    paragraphs = frame["source_paragraph"]
    report(
        (paragraphs != "") & ~paragraphs.str.fullmatch(_PARAGRAPHS),
        "source_paragraph",
        lambda i: f"{paragraphs.iat[i]!r} is not a paragraph number (or ;-separated numbers)",
    )
    basis = frame["date_basis"]
    report(
        ~basis.isin(schema.DATE_BASES),
        "date_basis",
        lambda i: f"unknown date basis {basis.iat[i]!r}; use 'article' or 'public record'",
    )
    _check_coordinates(frame, report)
    return found


def _unnamed_outside_types(frame: pd.DataFrame) -> pd.Series:
    """Rows whose event type is outside our vocabulary without naming its own vocabulary."""
    types = frame["event_type"]
    outside = (types != "") & ~types.isin(schema.EVENT_TYPE_NAMES)
    if schema.TYPE_VOCABULARY_COLUMN in frame.columns:
        outside &= frame[schema.TYPE_VOCABULARY_COLUMN].str.strip() == ""
    return outside


def coordinate_values(values: pd.Series) -> pd.Series:
    """A validated coordinate column as float64 degrees (NaN where empty).

    Parameters
    ----------
    values : pandas.Series
        The ``latitude`` or ``longitude`` column of a loaded events frame (text).

    Returns
    -------
    pandas.Series
        The numbers, same index; empty cells are NaN.
    """
    text = values.astype("str").str.strip()
    return pd.to_numeric(text.where(text != "", None), errors="coerce").astype("float64")


def _check_coordinates(frame: pd.DataFrame, report) -> None:
    """Each coordinate is a plain decimal number within its WGS84 range; both or neither."""
    given = {}
    for column, bound in schema.COORDINATE_BOUNDS.items():
        values = frame[column]
        stripped = values.str.strip()
        given[column] = stripped != ""
        shaped = stripped.str.fullmatch(schema.COORDINATE_PATTERN)
        report(
            given[column] & ~shaped,
            column,
            lambda i, v=values: f"{v.iat[i]!r} is not a number in decimal degrees (e.g. 19.745)",
        )
        number = pd.to_numeric(stripped.where(shaped, None), errors="coerce")
        report(
            shaped & (number.abs() > bound),
            column,
            lambda i, v=values, b=bound: f"{v.iat[i]!r} is out of range: use -{b:g} to {b:g}",
        )
    latitude, longitude = given["latitude"], given["longitude"]
    report(
        latitude & ~longitude, "longitude", "is empty but latitude is given; give both or neither"
    )
    report(
        longitude & ~latitude, "latitude", "is empty but longitude is given; give both or neither"
    )


def _check_precision_spans(frame, start, end, both, report) -> None:
    """A month-precision event spans whole months, a year one whole years."""
    precision = frame["date_precision"]
    month = both & (precision == "month")
    report(
        month & ((start.dt.day != 1) | (end != end + pd.offsets.MonthEnd(0))),
        "date_precision",
        "month precision needs whole months: start on the 1st, end on a month's last day",
    )
    year = both & (precision == "year")
    report(
        year
        & ((start.dt.month != 1) | (start.dt.day != 1) | (end.dt.month != 12) | (end.dt.day != 31)),
        "date_precision",
        "year precision needs whole years: start on 1 January, end on 31 December",
    )
    week = both & (precision == "week")
    report(
        week & ((end - start).dt.days >= schema.MAX_WEEK_SPAN_DAYS),
        "date_precision",
        f"week precision spans at most {schema.MAX_WEEK_SPAN_DAYS} days; use month precision",
    )


def _to_datetime(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, format="%Y-%m-%d", errors="coerce").astype("datetime64[s]")


def with_rows(found: Iterable[tuple], lines: np.ndarray) -> list[Problem]:
    """Problems of ``(record, column, message, other record)`` tuples, at file rows.

    ``lines[i]`` is the row of record ``i``. With another record (an id's first use),
    ``message`` is a function of that record's row (:func:`duplicate_id_message`).
    """
    return [
        Problem(
            int(lines[i]),
            column,
            message(int(lines[ref])) if ref is not None else message,
        )
        for i, column, message, ref in found
    ]


def csv_record_rows(data: bytes, n_records: int, delimiter: str = ",") -> np.ndarray:
    """File row (line, header = 1) on which each of the first ``n_records`` records starts."""
    return _record_lines(data, n_records, delimiter)


def csv_empty_rows(data: bytes, delimiter: str = ",") -> list[int]:
    """File rows (the header is row 1) of the records that hold no value: every field
    empty or spaces, as a spreadsheet saves an emptied row (``,,,,``). The reader skips
    them (:func:`read_csv_table`)."""
    return [line for line, record in _lines_of_records(data, delimiter) if _is_empty(record)]


def _is_empty(record: list[str]) -> bool:
    return not any(value.strip() for value in record)


def _lines_of_records(data: bytes, delimiter: str):
    """``(line, fields)`` of each record after the header (blank lines are none)."""
    reader = csv_reader(data.decode("utf-8"), delimiter=delimiter)
    next(reader, None)
    line = reader.line_num + 1
    for record in reader:
        if record:
            yield line, record
        line = reader.line_num + 1


def _record_lines(data: bytes, n_records: int, delimiter: str = ",") -> np.ndarray:
    """File line on which each record starts (the header is line 1); records with no
    value are skipped, as the reader skips them."""
    # One record per line when every line ends in LF (or CRLF), none is blank and nothing
    # is quoted; a CR alone also ends a line (as in an editor), so it takes the exact count.
    if (
        data.count(b"\n") - (1 if data.endswith(b"\n") else 0) == n_records
        and b'"' not in data
        and data.count(b"\r") == data.count(b"\r\n")
    ):
        return np.arange(2, n_records + 2)
    starts = [line for line, record in _lines_of_records(data, delimiter) if not _is_empty(record)]
    return np.asarray(starts[:n_records] + [0] * (n_records - len(starts)))


def load_events_frame(
    source: str | os.PathLike | bytes,
    *,
    allow_unknown_event_types: bool = False,
    on_read: Callable[[pd.DataFrame], None] | None = None,
    on_empty_rows: Callable[[list[int]], None] | None = None,
) -> pd.DataFrame:
    """Read a path (or bytes) and return the validated events frame (see parse_events)."""
    return parse_events(
        read_source(source),
        allow_unknown_event_types=allow_unknown_event_types,
        on_read=on_read,
        on_empty_rows=on_empty_rows,
    )
