"""Shared steps of mapping a source's all-text frame onto our schema (GDELT, ICEWS, UCDP...).

Each source-format module builds the columns of our schema from its own, then calls
:func:`finish`, which checks its own rows (:class:`RowChecks`, worded in the source's
terms and row numbers), adds the source's other columns as extras and validates the
result like any events table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard import cameo, schema
from dashboard.fastcheck import all_distinct
from dashboard.loading import repeated_ids, validate_events_frame, with_rows
from dashboard.problems import EventsFileError, figure


@dataclass
class RowChecks:
    """Problems found in a source's records: ``(record, column, message, first use)``
    (see :func:`dashboard.loading.with_rows`)."""

    found: list[tuple] = field(default_factory=list)

    def report(self, mask, column: str, message: Callable[[int], str] | str) -> None:
        """One problem for each record where ``mask`` holds."""
        for i in np.flatnonzero(np.asarray(mask, dtype=bool)):
            text = message(int(i)) if callable(message) else message
            self.found.append((int(i), column, text, None))

    def ids(
        self,
        ids: pd.Series,
        column: str,
        duplicate: Callable[[int, int], str] | None = None,
    ) -> bool:
        """Ids must be there and unique; True when every id is distinct.

        A sort finds them distinct (the usual case) without hashing every id;
        validation is then told so (:func:`finish`'s ``ids_distinct``).
        ``duplicate(record, first_row)`` words the problem of a repeated id (default:
        :func:`dashboard.loading.duplicate_id_message`).
        """
        self.report(ids == "", column, "is empty")
        if all_distinct(pa.array(ids)):
            return True
        self.found += repeated_ids(ids, column, duplicate)
        return False

    def raise_if_any(self, record_rows: Callable[[int], np.ndarray], n: int) -> None:
        if self.found:
            raise EventsFileError(with_rows(self.found, record_rows(n)))


def keyed_duplicate_message(id_column: str, source_id: str, day: str, first_row: int) -> str:
    """How a record repeating a day-keyed source's id and day is worded (ICEWS)."""
    again = f"duplicate record: {id_column} {source_id!r} on {day!r} again"
    return f"{again}, first used on row {figure(first_row)}"


@dataclass(frozen=True)
class CodedRecords:
    """The id, day and CAMEO code of each record of a CAMEO-coded source (GDELT, ICEWS)."""

    ids: pd.Series
    date_text: pd.Series
    day: pd.Series
    #: ``day`` as ``YYYY-MM-DD`` text.
    iso_day: pd.Series
    codes: pd.Series
    #: ``codes`` coded: per-code steps (types, classes) run once per distinct code.
    coded_codes: Coded
    #: No id occurs twice (see :meth:`RowChecks.ids`).
    ids_distinct: bool = False


def read_coded_records(
    frame: pd.DataFrame,
    record_rows: Callable[[int], np.ndarray],
    *,
    id_column: str,
    date_column: str,
    date_form: str,
    code_column: str,
    keyed_by_day: bool = False,
    on_ids: Callable[..., None] | None = None,
) -> CodedRecords:
    """Check and read the id, the day (``date_form``: ``YYYYMMDD`` or ``YYYY-MM-DD``) and the
    CAMEO code of every record; every bad value is reported with its row and column.

    ``keyed_by_day``: the source's id is unique only with its day (ICEWS: an ``Event ID``
    recurs on another day), so our id is ``<id>-<YYYYMMDD>``, the source's own key; a
    record repeating both is the duplicate reported.
    ``on_ids(ids)``: handed our ids once read, even when the checks then refuse the records;
    ``keyed_by_day``: ``on_ids(ids, date_text)``, the day as the file gives it (our id
    keeps only its digits), so a duplicate named over a whole file names it as given.
    """
    pattern, strptime = _DATE_FORMS[date_form]
    ids, text = pick(frame, id_column), pick(frame, date_column)
    checks = RowChecks()
    if keyed_by_day:
        source_ids = ids
        ids = (ids + "-" + text.str.replace("-", "", regex=False)).where(ids != "", "")
        ids_distinct = checks.ids(
            ids,
            id_column,
            lambda i, row: keyed_duplicate_message(id_column, source_ids.iat[i], text.iat[i], row),
        )
    else:
        ids_distinct = checks.ids(ids, id_column)
    if on_ids is not None:
        on_ids(ids, text) if keyed_by_day else on_ids(ids)
    # Days and codes repeat: each distinct value is read once, then spread to its rows.
    days = coded(text)
    distinct_text = pd.Series(days.values, dtype="str")
    distinct_days = pd.to_datetime(
        distinct_text.where(distinct_text.str.fullmatch(pattern), ""),
        format=strptime,
        errors="coerce",
    ).astype("datetime64[s]")
    day = pd.Series(distinct_days.to_numpy()[days.codes], index=frame.index)
    checks.report(
        day.isna(), date_column, lambda i: f"{text.iat[i]!r} is not a date in the form {date_form}"
    )
    raw = coded(pick(frame, code_column))
    normalised = cameo.normalise(pd.Series(raw.values, dtype="str"))
    coded_codes = Coded(raw.codes, np.asarray(normalised, dtype=object), frame.index)
    codes = coded_codes.spread()
    checks.report(
        ~cameo.is_code(normalised).to_numpy(dtype=bool)[raw.codes],
        code_column,
        lambda i: f"{codes.iat[i]!r} is not a CAMEO event code (3 or 4 digits, root 01-20)",
    )
    checks.raise_if_any(record_rows, len(frame))
    iso_day = spread(iso(distinct_days), days.codes, frame.index)
    return CodedRecords(ids, text, day, iso_day, codes, coded_codes, ids_distinct)


_DATE_FORMS: dict[str, tuple[str, str]] = {
    "YYYYMMDD": (r"\d{8}", "%Y%m%d"),
    "YYYY-MM-DD": (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"),
}


def column_lookup(frame: pd.DataFrame) -> dict[str, str]:
    """The frame's column names by their case-folded form."""
    return {str(name).strip().casefold(): name for name in frame.columns}


def pick(frame: pd.DataFrame, name: str) -> pd.Series:
    """Column ``name`` (any letter case), trimmed; empty text when absent."""
    found = column_lookup(frame).get(name.casefold())
    if found is None:
        return pd.Series("", index=frame.index, dtype="str")
    return frame[found].str.strip()


def join_unique(columns: Iterable[pd.Series], split: bool = False) -> pd.Series:
    """Row-wise ``;``-joined distinct non-empty values, in order (``split``: values are lists)."""
    columns = list(columns)
    joined = []
    for values in zip(*columns, strict=True):
        seen: dict[str, None] = {}
        for value in values:
            items = schema.split_list(value) if split else [value.strip()]
            for item in items:
                if item:
                    seen.setdefault(item, None)
        joined.append(schema.LIST_SEPARATOR.join(seen))
    return pd.Series(joined, index=columns[0].index, dtype="str")


def iso(dates: pd.Series) -> pd.Series:
    return dates.dt.strftime("%Y-%m-%d")


def finish(
    ours: dict[str, pd.Series],
    frame: pd.DataFrame,
    record_rows: Callable[[int], np.ndarray],
    prefix: str,
    ids_distinct: bool = False,
) -> pd.DataFrame:
    """Our columns, then every column of the source as given, validated.

    A source column whose name is one of ours (in any letter case) is kept as
    ``<prefix>_<name>``.
    ``ids_distinct``: the source's ids were found distinct (:meth:`RowChecks.ids`).
    """
    out = pd.DataFrame(ours, index=frame.index)
    taken = {str(c).casefold() for c in out.columns}
    for name in frame.columns:
        # One of ours in any letter case (ICEWS's Latitude): names match in any letter
        # case here and in the SQL engines, so the source's copy takes the prefix.
        out[name if str(name).casefold() not in taken else f"{prefix}_{name}"] = frame[name]
    return validate_events_frame(
        out.reset_index(drop=True), record_rows=record_rows, ids_distinct=ids_distinct
    )


def type_vocabulary(types: pd.Series | Coded, vocabulary: str) -> pd.Series:
    """``vocabulary`` where the type is outside ours, else empty."""

    def named(distinct: pd.Series) -> pd.Series:
        return pd.Series(np.where(distinct.isin(schema.EVENT_TYPE_NAMES), "", vocabulary))

    return per_distinct(named, types)


#: Threads for column work done in Arrow's kernels, which release the GIL (on 2
#: cores, trimming 13 text columns of 1M rows takes about half one thread's time).
COLUMN_THREADS = 2


def in_threads(function: Callable, items: Sequence) -> list:
    """``[function(item) for item in items]``, run on :data:`COLUMN_THREADS` threads."""
    with ThreadPoolExecutor(COLUMN_THREADS) as pool:
        return list(pool.map(function, items))


@dataclass(frozen=True)
class Coded:
    """A column as codes into its distinct values (``pd.factorize``'s answer, kept).

    Columns used by several per-distinct steps are coded once and passed as such.
    """

    codes: np.ndarray
    values: np.ndarray
    index: pd.Index

    def __len__(self) -> int:
        return len(self.codes)

    def spread(self) -> pd.Series:
        """The column itself: each row's value."""
        return spread(pd.Series(self.values, dtype="str"), self.codes, self.index)


def coded(column: pd.Series | Coded) -> Coded:
    """``column`` as :class:`Coded` (unchanged if it is already)."""
    if isinstance(column, Coded):
        return column
    codes, values = pd.factorize(column)
    return Coded(codes.astype(np.int64, copy=False), np.asarray(values, dtype=object), column.index)


#: Row codes are combined column by column as ``code * (distinct + 1) + next``; they are
#: renumbered (a factorize of integers) only before the product could overflow.
_CODE_LIMIT = 1 << 62


def distinct_rows(*columns: pd.Series | Coded) -> tuple[np.ndarray, list[pd.Series]]:
    """Codes of the distinct rows of ``columns`` and those rows' values, column by column.

    Codes number the distinct rows 0, 1, 2... in order of first appearance. Each
    column is factorized once (or passed :class:`Coded`); no tuples are built.
    """
    per_column = [coded(column) for column in columns]
    combined = np.zeros(len(per_column[0]), dtype=np.int64)
    bound = 1
    for column in per_column:
        width = len(column.values) + 1
        if bound * width >= _CODE_LIMIT:
            combined = pd.factorize(combined)[0].astype(np.int64)
            bound = int(combined.max()) + 1 if len(combined) else 1
        combined = combined * width + column.codes
        bound *= width
    combined = pd.factorize(combined)[0].astype(np.int64)
    # In order of first appearance, a row is the first of its kind where the running
    # maximum steps up (no sorting).
    peak = np.maximum.accumulate(combined) if len(combined) else combined
    first = np.flatnonzero(np.diff(peak, prepend=-1) > 0)
    rows = [pd.Series(c.values[c.codes[first]], dtype="str") for c in per_column]
    return combined, rows


def per_distinct_coded(function: Callable[..., pd.Series], *columns: pd.Series | Coded) -> Coded:
    """``function(*columns)`` computed once per distinct row of ``columns``, as :class:`Coded`.

    Event tables repeat their actors, countries and dates many times: the row-wise
    Python work is done on the distinct combinations only.
    """
    codes, rows = distinct_rows(*columns)
    values = np.asarray(pd.Series(function(*rows), dtype="str"), dtype=object)
    index = columns[0].index
    return Coded(codes, values, index)


def per_distinct(function: Callable[..., pd.Series], *columns: pd.Series | Coded) -> pd.Series:
    """Like :func:`per_distinct_coded`, spread back to one value per row."""
    return per_distinct_coded(function, *columns).spread()


def spread(values: pd.Series, codes: np.ndarray, index: pd.Index | None = None) -> pd.Series:
    """``values[codes]`` for text ``values`` (one per distinct row), taken in Arrow (fast)."""
    taken = pa.array(values, type=pa.large_string(), from_pandas=True).take(pa.array(codes))
    return pd.Series(pd.array(taken, dtype="str"), index=index)
