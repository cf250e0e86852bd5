"""Typed extra columns: a source's own numbers (fatalities, deaths, Goldstein scores...).

Every source format declares the type of its extra columns in its registry entry
(:attr:`dashboard.formats.SourceFormat.column_types`): ``int``, ``float`` or
``text`` (undeclared columns are text). Loading reads an ``int`` column as pandas'
nullable ``Int64`` and a ``float`` column as ``float64`` (an empty cell is missing),
so the views can sum fatalities and compare scores; a value that is not a number
of its column's type is never a silent NaN: in a column the event table reads (the
deaths the views sum) it is a problem naming its row and column that refuses the file,
in any other (a source's timestamp, its year) it is left empty with a notice naming
its row and column (:func:`dashboard.problems.unread_cells_notice`).

Names match in any letter case (legacy ACLED writes ``FATALITIES``). Our own
columns (the schema) are never retyped here: latitude and longitude keep their own
checks in :mod:`dashboard.loading`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard import schema
from dashboard.problems import EventsFileError, Problem

INT, FLOAT, TEXT = "int", "float", "text"
#: The types a column may be declared with.
KINDS: tuple[str, ...] = (INT, FLOAT, TEXT)

#: A whole number; ``12.0`` too (pandas writes a column of integers with gaps so).
_WHOLE = r"^[+-]?[0-9]+(\.0*)?$"
#: A decimal number, with an optional exponent (``-1.5``, ``.5``, ``2.5e3``); no nan/inf.
_NUMBER = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
#: Digits an int64 always holds (19-digit values are checked one by one).
_SAFE_DIGITS = 18

_EXPECTED = {
    INT: "is not a whole number; {column} holds whole numbers (e.g. 12)",
    FLOAT: "is not a number; {column} holds numbers (e.g. -1.5 or 2.5e3)",
}


def merged(*declarations: Mapping[str, str]) -> dict[str, str]:
    """One declaration from several (case-folded names); a name typed twice must agree."""
    out: dict[str, str] = {}
    for declared in declarations:
        for name, kind in declared.items():
            key = name.casefold()
            if out.get(key, kind) != kind:
                raise ValueError(f"column {name!r} is declared both {out[key]} and {kind}")
            out[key] = kind
    return out


def typed_columns(columns: Iterable[str], declared: Mapping[str, str]) -> dict[str, str]:
    """The columns among ``columns`` declared ``int`` or ``float`` (schema columns left out)."""
    folded = {name.casefold(): kind for name, kind in declared.items()}
    out = {}
    for name in columns:
        kind = folded.get(str(name).strip().casefold(), TEXT)
        if kind != TEXT and name not in schema.SCHEMA_COLUMNS:
            out[name] = kind
    return out


def apply_column_types(
    frame: pd.DataFrame,
    declared: Mapping[str, str],
    record_rows: Callable[[int], np.ndarray] | None = None,
    reads: Iterable[str] = (),
) -> tuple[pd.DataFrame, list[Problem]]:
    """``frame`` with its declared ``int``/``float`` text columns as numbers, and the
    problems of the columns not in ``reads``: their values that are not numbers of
    their type, left empty (:func:`dashboard.problems.unread_cells_notice`).

    Parameters
    ----------
    frame
        A validated events frame whose extra columns are text.
    declared
        Column name -> ``int``, ``float`` or ``text`` (any letter case).
    record_rows
        ``record_rows(n)`` -> the file row of each record, for problems
        (default: record ``i`` is row ``i + 2``).
    reads
        The extra columns the event table reads (the deaths the views sum): a bad
        value there refuses the file.

    Raises
    ------
    EventsFileError
        One problem per value of a column in ``reads`` that is not a number of its type.
    """
    found: list[tuple[int, str, str]] = []
    typed = {}
    for name, kind in typed_columns(frame.columns, declared).items():
        values = frame[name]
        if not pd.api.types.is_string_dtype(values.dtype):
            continue  # already numbers
        numbers, bad = _parse(values, kind)
        message = _EXPECTED[kind].format(column=name)
        found += [(int(i), name, f"{values.iat[i]!r} {message}") for i in bad]
        typed[name] = numbers
    problems: list[Problem] = []
    if found:
        n = len(frame)
        rows = record_rows(n) if record_rows else np.arange(2, n + 2)
        problems = [Problem(int(rows[i]), column, text) for i, column, text in found]
        read = set(reads)
        if refused := [p for p in problems if p.column in read]:
            raise EventsFileError(refused)
    return (frame.assign(**typed) if typed else frame), problems


def _parse(values: pd.Series, kind: str) -> tuple[pd.Series, np.ndarray]:
    """The numbers of a text column and the positions of values that are not numbers."""
    text = pa.array(values, type=pa.large_string(), from_pandas=True)
    fast = _cast_if_clean(text, kind)
    if fast is not None:
        return pd.Series(fast, index=values.index), np.array([], dtype=np.int64)
    text = pc.utf8_trim_whitespace(text)
    text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.large_string()), text)
    shaped = pc.match_substring_regex(text, _WHOLE if kind == INT else _NUMBER)
    bad_mask = pc.and_(pc.is_valid(text), pc.invert(pc.fill_null(shaped, False)))
    bad_mask = bad_mask.to_numpy(zero_copy_only=False).copy()
    if kind == INT:
        text = pc.replace_substring_regex(text, r"\.0*$", "")
        digits = pc.utf8_length(pc.utf8_ltrim(pc.utf8_ltrim(text, "+-"), "0"))
        long = pc.fill_null(pc.greater(digits, _SAFE_DIGITS), False)
        for i in np.flatnonzero(long.to_numpy(zero_copy_only=False) & ~bad_mask):
            bad_mask[i] = not -(2**63) <= int(text[i].as_py()) < 2**63  # over 64 bits
    text = pc.if_else(pa.array(bad_mask), pa.scalar(None, pa.large_string()), text)
    text = pc.utf8_ltrim(text, "+")
    numbers = _as_pandas(pc.cast(text, _ARROW[kind]))
    return pd.Series(numbers, index=values.index), np.flatnonzero(bad_mask)


_ARROW = {INT: pa.int64(), FLOAT: pa.float64()}


def _as_pandas(numbers: pa.Array) -> pd.Series:
    if pa.types.is_integer(numbers.type):
        return numbers.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    return numbers.to_pandas()


def _cast_if_clean(text: pa.Array, kind: str) -> pd.Series | None:
    """The numbers when every non-empty cell is a plain number Arrow reads as such (the
    usual case, about 20 times faster than the checks); None: check value by value."""
    text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.large_string()), text)
    try:
        numbers = pc.cast(text, _ARROW[kind])
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    # Arrow also reads nan and inf as floats and 0x10 as an integer: those take the
    # strict path (which refuses them).
    if kind == FLOAT and pc.all(pc.is_finite(numbers)).as_py() not in (True, None):
        return None
    if kind == INT and any(pc.any(pc.match_substring(text, x)).as_py() for x in "xX"):
        return None
    return _as_pandas(numbers)
