"""Counts at a glance for the Events page: events, countries, actors, the date span, deaths."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import schema
from dashboard.subsets import as_positions, distinct_count, selected_mask
from dashboard.table import EventTable

_EPOCH = np.datetime64("1970-01-01", "D")

#: Columns that count an event's deaths, in any letter case, the first present used:
#: ACLED's ``fatalities`` and UCDP GED's ``best`` (its best estimate; ``low`` and
#: ``high`` bound it). The Events page sums them and the Map's cells can weigh by them.
FATALITY_COLUMNS: tuple[str, ...] = ("fatalities", "best")


def fatality_column(columns: Iterable[object]) -> str | None:
    """The column of ``columns`` that counts deaths (see :data:`FATALITY_COLUMNS`), or None."""
    folded = {str(column).casefold(): str(column) for column in columns}
    return next((folded[name] for name in FATALITY_COLUMNS if name in folded), None)


def fatality_values(values: pd.Series) -> pd.Series:
    """A deaths column as numbers (float): missing, non-numbers and negatives are NaN."""
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    return numbers.where(numbers >= 0)


def event_fatalities(row: pd.Series) -> int | None:
    """The deaths one event's row counts, or None when its table counts none or the row
    gives no number."""
    column = fatality_column(row.index)
    if column is None:
        return None
    value = fatality_values(pd.Series([row[column]], dtype=object)).iloc[0]
    return None if pd.isna(value) else int(value)


#: Columns our importers add from their reading of the source (GDELT's and ICEWS's CAMEO
#: code, its PLOVER category and quad class; the vocabulary of a type outside ours): not
#: columns of the source file, so an event's details show them apart and say so.
CODED_ON_IMPORT: tuple[str, ...] = (
    schema.TYPE_VOCABULARY_COLUMN,
    "cameo_code",
    "plover",
    schema.QUAD_CLASS_COLUMN,
)

#: An importer keeps a source column whose name is one of ours (in any letter case:
#: ICEWS's ``Latitude``, ACLED's ``event_type``) as ``<format>_<name>``
#: (:func:`dashboard.sourcemap.finish`); the details name it as the file does.
SOURCE_PREFIXES: tuple[str, ...] = ("acled_", "gdelt_", "icews_", "ucdp_")

#: Our columns the details show that hold a source's value as given (its id, the date
#: as written, the actors, the place, the citation): a source column with the same value
#: for the event repeats it (GDELT's SQLDATE, ICEWS's Source Name). Our composites
#: (title, countries, notes) are ours, not a copy of any one column.
_SHOWN_AS_GIVEN: tuple[str, ...] = (
    "event_id",
    "date_text",
    "description",
    "actors",
    "recipients",
    "location",
    "source",
)


@dataclass(frozen=True)
class OwnFields:
    """What an event's row says beyond what its details show, as ``(name, text)``:
    ``source``, its file's own columns, named as the file names them; ``coded``, what
    an importer added (:data:`CODED_ON_IMPORT`) and the source's columns do not say."""

    source: list[tuple[str, str]]
    coded: list[tuple[str, str]]


def own_fields(row: pd.Series, hidden: Iterable[str] = ()) -> OwnFields:
    """The event's values in its source's own columns and in those an importer added,
    in the table's order, as text, where the row has a value the details do not show.

    Not ours (:data:`~dashboard.schema.SCHEMA_COLUMNS`), not the deaths (its details
    say them), not ``hidden``, and not a value one of ours shows as given (GDELT's
    SQLDATE is the date as the source puts it). What a source says beyond our schema
    (GDELT's Goldstein scale and tone, ICEWS's intensity, ACLED's sub-event type) is
    kept with the event; its details show it rather than leaving it to the download.
    """
    skipped = {*schema.SCHEMA_COLUMNS, *hidden, fatality_column(row.index)}
    shown = {_field_text(row.get(column)) for column in _SHOWN_AS_GIVEN} - {""}
    source, coded = [], []
    for column, value in row.items():
        text = _field_text(value)
        if column in skipped or not text or text in shown:
            continue
        if column in CODED_ON_IMPORT:
            coded.append((str(column), text))
        else:
            source.append((source_name(str(column)), text))
    said = {text for _, text in source}
    return OwnFields(source, [(name, text) for name, text in coded if text not in said])


def source_name(column: str) -> str:
    """The name the source file gives a column the importer kept under a prefix
    (``icews_Latitude`` -> ``Latitude``); any other name as it is."""
    for prefix in SOURCE_PREFIXES:
        if column.startswith(prefix) and len(column) > len(prefix):
            return column[len(prefix) :]
    return column


def _field_text(value: object) -> str:
    """A cell as text: "" when missing, whole floats without ".0" (ids, codes, counts)."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass(frozen=True)
class Fatalities:
    """Deaths of a selection: the ``column`` summed, over the events that give a figure
    (``unknown`` of them give none)."""

    column: str
    total: int
    unknown: int


def fatalities(table: EventTable, positions: np.ndarray) -> Fatalities | None:
    """The deaths of the events at ``positions``, or None when the table counts none."""
    column = fatality_column(table.events.columns)
    if column is None:
        return None
    positions = as_positions(positions, len(table))
    values = fatality_values(table.events[column].iloc[positions])
    return Fatalities(column, int(values.sum()), int(values.isna().sum()))


def fatalities_help(deaths: Fatalities) -> str:
    """What the Fatalities figure sums, and over which events."""
    unknown = (
        f"; {deaths.unknown:,} of the events give no number and count as none"
        if deaths.unknown
        else ""
    )
    return f"The sum of the table's `{deaths.column}` column over the filtered events{unknown}."


#: The fewest characters a metric's column is given room for (its label is smaller text).
METRIC_MIN_CHARS = 4


def metric_weights(values: Iterable[str]) -> list[int]:
    """Column weights for a row of metrics showing ``values``: each column's share of the
    row is its value's share of the characters (at least :data:`METRIC_MIN_CHARS`), as
    every value is drawn in one font. Fixed weights cut the longest: with a fifth metric
    (Fatalities) the Events page drew "1991-08-08 – 2022-1…" for the date span."""
    return [max(len(value), METRIC_MIN_CHARS) for value in values]


def summarise(table: EventTable, positions: np.ndarray) -> dict[str, int | str | None]:
    """Counts of the events at ``positions``.

    Parameters
    ----------
    table
        The indexed events.
    positions
        Row positions of the events to count (e.g. from ``filter_positions``).

    Returns
    -------
    dict
        ``events``, ``countries`` and ``actors`` (distinct, actors and recipients
        together, countries including the actors' countries, as the filters see
        them), ``first_date`` (earliest start) and ``last_date`` (latest end) as
        ISO dates, or None when there are no events.
    """
    positions = as_positions(positions, len(table))
    mask = selected_mask(positions, len(table))
    empty = len(positions) == 0
    return {
        "events": len(positions),
        "countries": distinct_count(table.countries, mask),
        "actors": distinct_count(table.participants, mask),
        "first_date": None if empty else str(_EPOCH + table.start_days[positions].min()),
        "last_date": None if empty else str(_EPOCH + table.end_days[positions].max()),
    }
