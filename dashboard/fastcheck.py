"""The validator's fast path: whole-column pyarrow checks for tables that are valid.

:func:`dates_if_surely_valid` answers one question for a complete, all-text
events frame: does every check of :mod:`dashboard.loading` surely pass? If so it
returns the typed date columns; if anything is in doubt it returns ``None`` and
the loader runs its exact (slower) checks, which alone word the problems. Each
test here is at least as strict as its counterpart there (RE2's ``\\d`` and
``\\s`` are ASCII, Python's are Unicode; "visible" is narrower than "not
whitespace"), so a file that passes here would pass there too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard import schema

_PARAGRAPHS = r"^\d+(?:\s*;\s*\d+)*$"
#: A letter, digit, mark, punctuation or symbol: never whitespace by any definition.
_VISIBLE = r"[\p{L}\p{N}\p{M}\p{P}\p{S}]"
_FIRST_DAY = np.datetime64("0001-01-01")


def _column(frame: pd.DataFrame, name: str) -> pa.ChunkedArray | pa.Array | None:
    """The column as text without nulls (zero-copy for pyarrow-backed str), else None."""
    try:
        values = pa.array(frame[name], type=pa.large_string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    return values if values.null_count == 0 else None


def _all(mask) -> bool:
    return bool(pc.all(mask).as_py())


def _chunks(values) -> list[pa.Array]:
    """The non-empty arrays of ``values`` as held (from CSV: one per block read)."""
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    return [chunk for chunk in chunks if len(chunk)]


def _text_buffers(values: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(start offset of each value and one past the last, the UTF-8 bytes) as numpy views."""
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int64)
    offsets = offsets[values.offset : values.offset + len(values) + 1]
    data = values.buffers()[2]
    return offsets, np.frombuffer(data, dtype=np.uint8) if data is not None else np.empty(
        0, np.uint8
    )


def _first_bytes(values: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(whether each value is non-empty, its first byte or 0)."""
    offsets, data = _text_buffers(values)
    starts = offsets[:-1]
    filled = offsets[1:] > starts
    first = np.zeros(len(starts), dtype=np.uint8)
    first[filled] = data[starts[filled]]
    return filled, first


def _has_visible_character(values) -> bool:
    """Every value has a visible character (the first one usually: a quick byte test).

    A first byte in ``!``..``~`` is exactly a first character matching ``[!-~]`` (UTF-8
    leaves ASCII alone); only the other values go through the regular expression.
    """
    for chunk in _chunks(values):
        filled, first = _first_bytes(chunk)
        starts_visible = filled & (first >= 0x21) & (first <= 0x7E)
        if starts_visible.all():
            continue
        rest = pc.filter(chunk, pa.array(~starts_visible))
        if not _all(pc.match_substring_regex(rest, _VISIBLE)):
            return False
    return True


def _iso_shaped(values) -> bool:
    """Every value is exactly ``^\\d{4}-\\d{2}-\\d{2}$`` (ASCII digits), tested on the bytes.

    Values all 10 bytes long lie back to back in the data buffer, so they are read
    as one ``(n, 10)`` view of it, without gathering.
    """
    for chunk in _chunks(values):
        offsets, data = _text_buffers(chunk)
        if not (np.diff(offsets) == 10).all():
            return False
        block = data[offsets[0] : offsets[-1]].reshape(-1, 10)
        dashes = block[:, [4, 7]]
        digits = block[:, [0, 1, 2, 3, 5, 6, 8, 9]]
        if not ((dashes == 0x2D).all() and ((digits >= 0x30) & (digits <= 0x39)).all()):
            return False
    return True


def all_distinct(values) -> bool:
    """No value twice: a sort and a neighbour comparison (quicker than hashing strings).

    Values already in strictly increasing order (a table sorted by id) need no sort.
    """
    if len(values) < 2:
        return True
    if _all(pc.less(values[:-1], values[1:])):
        return True
    ordered = pc.take(values, pc.sort_indices(values))
    return _all(pc.not_equal(ordered[:-1], ordered[1:]))


def _day_numbers(values) -> np.ndarray | None:
    if not _iso_shaped(values):
        return None
    try:
        days = pc.cast(values, pa.date32())
    except pa.ArrowInvalid:
        return None
    return np.asarray(days.to_numpy(zero_copy_only=False), dtype="datetime64[D]")


def _coordinates_surely_valid(frame: pd.DataFrame) -> bool:
    """Both coordinates empty everywhere, or each a plain number in range wherever given."""
    given = []
    for name, bound in schema.COORDINATE_BOUNDS.items():
        values = _column(frame, name)
        if values is None:
            return False
        empty = pc.equal(values, "")
        if _all(empty):
            given.append(None)
            continue
        shaped = pc.or_(empty, pc.match_substring_regex(values, f"^{schema.COORDINATE_PATTERN}$"))
        if not _all(shaped):
            return False
        numbers = pc.cast(pc.if_else(empty, "0", values), pa.float64())
        if not _all(pc.less_equal(pc.abs(numbers), bound)):
            return False
        given.append(empty)
    if given == [None, None]:
        return True
    if None in given:  # one column given somewhere, the other nowhere
        return False
    return _all(pc.equal(given[0], given[1]))


def dates_if_surely_valid(
    frame: pd.DataFrame, allow_unknown_event_types: bool = False, ids_distinct: bool = False
) -> dict[str, pd.Series] | None:
    """``{date column: datetime64[s] Series}`` if every check surely passes, else None.

    ``ids_distinct``: the caller has found every event id distinct already (a format's
    own check, worded in its terms), so the sort that tests it is not run twice.
    """
    if len(frame) == 0:
        return None
    columns = {}
    for name in dict.fromkeys(
        (*schema.NON_EMPTY_COLUMNS, "source_paragraph", "date_basis", *schema.DATE_COLUMNS)
    ):
        columns[name] = _column(frame, name)
        if columns[name] is None:
            return None
    for name in schema.NON_EMPTY_COLUMNS:
        if not _has_visible_character(columns[name]):
            return None
    start = _day_numbers(columns["start_date"])
    end = _day_numbers(columns["end_date"])
    if start is None or end is None or start.min() < _FIRST_DAY or (end < start).any():
        return None

    precision = pc.index_in(columns["date_precision"], value_set=pa.array(schema.PRECISIONS))
    if precision.null_count:
        return None
    precision = np.asarray(precision.to_numpy(zero_copy_only=False))
    by_precision = dict(zip(schema.PRECISIONS, range(len(schema.PRECISIONS)), strict=True))

    def spans_whole(unit: str, precision_name: str) -> bool:
        # Only the events of that precision, so a table mostly of days converts little.
        chosen = precision == by_precision[precision_name]
        first, after = start[chosen], end[chosen] + 1
        return bool((first == first.astype(unit)).all() and (after == after.astype(unit)).all())

    week = precision == by_precision["week"]
    short = (end[week] - start[week]).astype(np.int64) < schema.MAX_WEEK_SPAN_DAYS
    if (
        not (spans_whole("datetime64[M]", "month") and spans_whole("datetime64[Y]", "year"))
        or not short.all()
    ):
        return None

    if not allow_unknown_event_types and not _all(
        pc.is_in(columns["event_type"], value_set=pa.array(schema.EVENT_TYPE_NAMES))
    ):
        return None
    if not ids_distinct and not all_distinct(columns["event_id"]):
        return None
    paragraphs = columns["source_paragraph"]
    if not _all(
        pc.or_(pc.equal(paragraphs, ""), pc.match_substring_regex(paragraphs, _PARAGRAPHS))
    ):
        return None
    if not _all(pc.is_in(columns["date_basis"], value_set=pa.array(schema.DATE_BASES))):
        return None
    if not _coordinates_surely_valid(frame):
        return None
    return {
        name: pd.Series(days.astype("datetime64[s]"), index=frame.index, name=name)
        for name, days in (("start_date", start), ("end_date", end))
    }
