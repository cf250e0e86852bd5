"""Any other table, by column mapping: which of its columns holds each of ours.

``python -m dashboard convert IN -o OUT --map OURS=THEIRS ... --set OURS=VALUE ...``
and the app's mapping form build the same :class:`ColumnMapping`. Besides our
columns, ``when`` names a column of free-text dates or date ranges
(``November 19, 2012``, ``January 29–February 7, 1909``, ``March 1909``, ``1909–1912``):
it fills ``start_date``, ``end_date``, ``date_precision`` and ``date_text``.

Dates are read with python-dateutil's parser, always with an explicit default
date (whatever the text leaves out is filled from the other end of the range or
the year's first day, never from today), after checking which parts (day, month,
year) the text itself gives; the precision follows from those parts.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from dateutil import parser as dateparser

from dashboard import dayorder, schema
from dashboard.countries import ACTOR_COUNTRY_COLUMN, our_name
from dashboard.dayorder import DayOrder
from dashboard.loading import validate_events_frame
from dashboard.problems import EventsFileError, Problem

#: The virtual column of free-text dates and ranges.
WHEN = "when"
#: The country of each event's actors (a column, or one value for the whole table: a list
#: of one country's leader's visits): added to the event's countries, and the actors'
#: country where no actors directory lists them (the network's colours). Kept as a column.
ACTOR_COUNTRY = ACTOR_COUNTRY_COLUMN
#: What ``--map`` and ``--set`` may name.
TARGETS: tuple[str, ...] = (
    WHEN,
    *schema.SCHEMA_COLUMNS,
    schema.TYPE_VOCABULARY_COLUMN,
    ACTOR_COUNTRY,
)

#: How analysts head each of our columns in their own sheets, likeliest first: the mapping
#: form's guesses (:func:`guess_columns`). A header matches in any case, with spaces,
#: underscores and hyphens alike. The one list of such names.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "event_id": ("event id", "id"),
    WHEN: ("when", "date", "dates", "time", "event date", "date range", "period", "year"),
    "event_type": ("event type", "type", "category"),
    "title": ("title", "headline", "event", "event name"),
    "actors": ("actors", "actor", "visitor", "leader", "traveller", "traveler", "who", "name"),
    "recipients": ("recipients", "recipient", "host", "counterpart", "target"),
    "countries": (
        "countries",
        "country",
        "destination country",
        "destination",
        "host country",
        "country visited",
    ),
    "location": ("location", "place", "city", "destination city", "venue"),
    "source": ("source", "sources", "original source", "citation", "url", "link"),
    "description": ("description", "details", "text", "summary", "notes"),
    ACTOR_COUNTRY: ("actor country", "visitor country", "leader country", "home country"),
}

_MONTH = r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])"
_YEAR = r"\b(\d{4})\b"
#: Range separators: en dash, em dash, a spaced hyphen, "to", "until".
_RANGE = re.compile(r"\s*[–—]\s*|\s+-\s+|\s+(?:to|until)\s+", re.IGNORECASE)
_FIRST_DEFAULT = dt.datetime(2000, 1, 1)
EXAMPLES = "e.g. November 19, 2012; March 1909; January 29–February 7, 1909"

#: Dates in numbers alone, which tell their own order: ISO's 2020-11-13 (also with ``/``
#: or ``.``), its basic form 20201113, and a month 2020-11.
_YMD = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_YMD_BASIC = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YM = re.compile(r"^(\d{4})([-/.])(\d{1,2})$")
#: A time of day after a date in numbers: an Excel date cell's (``2021-06-07 14:30:00``),
#: ISO 8601's (``2021-06-07T14:30:00Z``, ``...+02:00``). The date is the day as written.
_TIME_OF_DAY = re.compile(
    r"(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE
)


@dataclass(frozen=True)
class ColumnMapping:
    """Our column -> the table's column (``columns``) or a fixed value (``values``)."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_assignments(cls, maps: Iterable[str] = (), sets: Iterable[str] = ()) -> ColumnMapping:
        """Parse ``OURS=THEIRS`` and ``OURS=VALUE`` assignments; ValueError names a bad one."""
        return cls(_assignments(maps, "--map"), _assignments(sets, "--set"))


@dataclass(frozen=True)
class Guess:
    """A column of the table guessed to hold one of ours (:func:`guess_columns`).

    ``sure``: its header is our column's own name; otherwise it is a guess from a name
    analysts give such a column (:data:`HEADER_NAMES`), to be shown as one and checked.
    """

    column: str
    sure: bool
    why: str


def _header_key(name: str) -> str:
    return " ".join(re.sub(r"[_\-]+", " ", name).casefold().split())


def guess_columns(columns: Iterable[str]) -> dict[str, Guess]:
    """Our columns the table's headers seem to hold, by :data:`HEADER_NAMES`.

    Each of the table's columns is guessed for one of ours at most; a name two of its
    columns share guesses neither (which one is meant is not ours to say). With no
    title-like column, the title is guessed from the description's column (a visit list's
    only text), said so.
    """
    columns = list(columns)
    keys = [_header_key(c) for c in columns]
    taken: set[int] = set()
    guessed: dict[str, Guess] = {}
    for ours, names in HEADER_NAMES.items():
        for name in names:
            hits = [i for i, key in enumerate(keys) if key == name and i not in taken]
            if len(hits) > 1:
                break
            if hits:
                taken.add(hits[0])
                column = columns[hits[0]]
                if name == _header_key(ours):
                    guessed[ours] = Guess(column, True, f"The header {column!r} is our {ours}.")
                else:
                    why = f"Guessed from the header {column!r}: check it."
                    guessed[ours] = Guess(column, False, why)
                break
    if "title" not in guessed and "description" in guessed:
        column = guessed["description"].column
        why = f"Guessed: no title column, so the description's {column!r}: check it."
        guessed["title"] = Guess(column, False, why)
    return guessed


def guessed_hint(columns: Iterable[str]) -> str | None:
    """The ``--map`` assignments :func:`guess_columns` makes of a table's headers, as a
    line to check and run (None: nothing guessed), with what the guesses leave open."""
    guessed = guess_columns(columns)
    if not guessed:
        return None
    maps = " ".join(f"--map {shlex.quote(f'{ours}={g.column}')}" for ours, g in guessed.items())
    # What a mapping must give, and how it usually does (a type for every row of a list).
    needed = {
        WHEN: "--map when=COLUMN",
        "event_type": "--set event_type=VALUE",
        "title": "--map title=COLUMN",
    }
    missing = [how for ours, how in needed.items() if ours not in guessed]
    rest = f"; still to give: {', '.join(missing)}" if missing else ""
    return f"the headers suggest (guesses: check each before converting): {maps}{rest}"


def _assignments(items: Iterable[str], flag: str) -> dict[str, str]:
    parsed = {}
    for item in items:
        ours, sep, theirs = item.partition("=")
        ours = ours.strip()
        if not sep or not ours:
            raise ValueError(f"{flag} {item!r}: write OURS=THEIRS, e.g. {flag} title=headline")
        if ours not in TARGETS:
            raise ValueError(f"{flag} {item!r}: {ours!r} is not one of ours ({', '.join(TARGETS)})")
        parsed[ours] = theirs if flag == "--set" else theirs.strip()
    return parsed


@dataclass(frozen=True)
class When:
    """A date or range read from free text."""

    start: dt.date
    end: dt.date
    precision: str


def _parts(text: str) -> tuple[bool, bool, bool]:
    """Which of day, month, year the text gives itself."""
    lowered = text.casefold()
    has_year = re.search(_YEAR, lowered) is not None
    has_month = re.search(_MONTH, lowered) is not None
    rest = re.sub(_YEAR, " ", lowered)
    has_day = re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", rest) is not None
    return has_day, has_month, has_year


def _parse(text: str, default: dt.datetime) -> dt.date:
    return dateparser.parse(text, default=default, fuzzy=False).date()


def _in_numbers(text: str, order: DayOrder) -> When | None:
    """A date written in numbers alone (see ``_YMD`` ... ``_YM``, and day, month and year:
    :mod:`dashboard.dayorder`), or None when the text is not one. ``order``: what the
    column's values say of day and month (:class:`~dashboard.dayorder.DayOrder`).
    ValueError for a day or month that does not exist, an order the column does not
    tell, or a two-digit year (its century unknown)."""
    if (clock := _TIME_OF_DAY.search(text)) and (
        _YMD.match(day := text[: clock.start()]) or dayorder.match(day)
    ):
        text = day  # the day of a date and time
    if match := _YMD.match(text) or _YMD_BASIC.match(text):
        numbers = match.groups()
        year, month, day = int(numbers[0]), int(numbers[-2]), int(numbers[-1])
    elif match := _YM.match(text):
        year, month = int(match.group(1)), int(match.group(3))
        if not 1 <= month <= 12:
            raise ValueError(f"has no month {month}")
        first = dt.date(year, month, 1)
        return When(first, _month_end(first), "month")
    elif value := dayorder.match(text):
        if len(value.year) != 4:
            raise ValueError("has a two-digit year; write the year in full, e.g. YYYY-MM-DD")
        if (day_month := order.day_and_month(value)) is None:
            raise ValueError(order.undecided())
        (day, month), year = day_month, int(value.year)
    else:
        return None
    try:
        day_of = dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"has no day {year:04d}-{month:02d}-{day:02d}") from None
    return When(day_of, day_of, "day")


def _pieces(text: str) -> list[str]:
    """A value's one or two ends, as :func:`read_when` reads them."""
    return [piece.strip() for piece in _RANGE.split(_normalised(text), maxsplit=1)]


def _normalised(text: str) -> str:
    return " ".join(text.split()).strip(" .")


def day_order(texts: Iterable[str]) -> DayOrder:
    """What a column's values (each end of a range too) say of their day-month order."""
    return DayOrder.of(piece for text in texts for piece in _pieces(text))


def read_when(text: str, order: DayOrder | None = None) -> When:
    """Read a free-text date or range; ValueError when it is neither.

    ``order``: what the column says of day and month in ``13/11/2020``-like values
    (:func:`day_order`); None: only the value itself tells.
    """
    text = _normalised(text)
    if not text:
        raise ValueError("is empty")
    order = order or DayOrder()
    pieces = _RANGE.split(text, maxsplit=1)
    ends = [_in_numbers(piece.strip(), order) for piece in pieces]
    if any(end is not None for end in ends):
        if any(end is None for end in ends):
            raise ValueError("has one end in numbers and the other in words")
        if len(ends) == 1:
            return ends[0]
        coarser = max((end.precision for end in ends), key=["day", "month"].index)
        if ends[1].end < ends[0].start:
            raise ValueError("ends before it starts")
        return When(ends[0].start, ends[1].end, coarser)
    if len(pieces) == 1:
        day, month, year = _parts(text)
        if not year:
            raise ValueError("has no year")
        start = _parse(text, _FIRST_DEFAULT)
        if day and month:
            return When(start, start, "day")
        if month:
            return When(start.replace(day=1), _month_end(start), "month")
        return When(dt.date(start.year, 1, 1), dt.date(start.year, 12, 31), "year")
    left, right = pieces
    r_day, r_month, r_year = _parts(right)
    l_day, l_month, _ = _parts(left)
    if not r_year:
        raise ValueError("has no year")
    # "July 3–7, 2012": the right end gives day and year, its month comes from the left.
    if not r_month and l_month:
        # A lone number is ambiguous to the parser: give it the left end's month by name.
        right = f"{re.search(_MONTH, left.casefold()).group(0)} {right}"
    end = _parse(right, _FIRST_DEFAULT)
    start = _parse(left, dt.datetime(end.year, end.month, 1))
    if l_day and (r_day or not r_month):
        precision = "day"
    elif l_month or r_month:
        precision, start, end = "month", start.replace(day=1), _month_end(end)
    else:
        precision, start, end = "year", dt.date(start.year, 1, 1), dt.date(end.year, 12, 31)
    if end < start:
        raise ValueError("ends before it starts")
    return When(start, end, precision)


def _month_end(day: dt.date) -> dt.date:
    following = day.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


def convert_mapped_frame(
    frame: pd.DataFrame,
    mapping: ColumnMapping,
    record_rows: Callable[[int], np.ndarray],
) -> tuple[pd.DataFrame, list[str]]:
    """Build our columns from the table's as ``mapping`` says, keep the rest, validate."""
    missing = [t for t in mapping.columns.values() if t not in frame.columns]
    if missing:
        listed = ", ".join(repr(str(c)) for c in frame.columns)
        raise EventsFileError(
            [
                Problem(None, t, f"is not a column of the table (its columns: {listed})")
                for t in missing
            ]
        )
    n = len(frame)
    out: dict[str, pd.Series] = {}
    for ours, theirs in mapping.columns.items():
        if ours != WHEN:
            out[ours] = frame[theirs].str.strip()
    for ours, value in mapping.values.items():
        out[ours] = pd.Series(value, index=frame.index, dtype="str")
    notices = [f"Mapped {n:,} record{'s' if n != 1 else ''} by column."]
    for column in ("countries", ACTOR_COUNTRY):
        if column in out:
            out[column], renamed = _our_countries(out[column])
            if renamed:
                shown = ", ".join(f"'{a}' → '{b}'" for a, b in list(renamed.items())[:3])
                more = " …" if len(renamed) > 3 else ""
                plural = "s" if len(renamed) != 1 else ""
                notices.append(
                    f"{column}: {len(renamed):,} name{plural} read as ours ({shown}{more})."
                )
    if ACTOR_COUNTRY in out:
        # The actors' side of a visit list names no country in its rows (only where the
        # visit went): without it the country network has no links.
        out["countries"] = _with_actor_country(out.get("countries"), out[ACTOR_COUNTRY])
        notices.append(
            f"{ACTOR_COUNTRY}: the actors' country is among each event's countries, and "
            "the country of its actors that no actors directory lists."
        )
    if WHEN in mapping.columns:
        texts = frame[mapping.columns[WHEN]]
        order = day_order(texts.unique())
        out.update(_read_when_column(texts, order, record_rows))
        if (told := order.notice(mapping.columns[WHEN])) is not None:
            notices.append(told)
    if "event_id" not in out:
        rows = record_rows(n)
        out["event_id"] = pd.Series([f"row-{r}" for r in rows], index=frame.index, dtype="str")
        notices.append("No event_id column was mapped: each event is named by its row (row-N).")
    used = set(mapping.columns.values())
    ours_frame = pd.DataFrame(out, index=frame.index)
    for name in frame.columns:
        if name not in used and name not in ours_frame.columns:
            ours_frame[name] = frame[name]
    try:
        events = validate_events_frame(ours_frame.reset_index(drop=True), record_rows=record_rows)
    except EventsFileError as err:
        raise EventsFileError([_what_to_do(p) for p in err.problems]) from None
    return events, notices


#: What an analyst can do when no column gives the events' type: a list of visits has
#: none, each row being one (the form's field and ``convert --set`` alike).
NO_EVENT_TYPE = (
    "no column is picked for the event type: pick the column that holds each event's "
    'type, or type one type for every event in "Event type for every event" '
    "(convert: --set event_type=VALUE)"
)


def _what_to_do(problem: Problem) -> Problem:
    """A mapped table's missing event type said as what to do, not as our schema's
    "required column is missing" (the mapping form's preview shows it)."""
    if problem.row is None and problem.column == "event_type":
        return Problem(None, "event_type", NO_EVENT_TYPE)
    return problem


def _our_countries(cells: pd.Series) -> tuple[pd.Series, dict[str, str]]:
    """Each listed country under our name (:func:`dashboard.countries.our_name`), and the
    names so changed (as written -> ours), in the table's order."""
    renamed: dict[str, str] = {}

    def ours(cell: str) -> str:
        names = []
        for name in schema.split_list(cell):
            our = our_name(name)
            if our != name:
                renamed.setdefault(name, our)
            if our not in names:
                names.append(our)
        return schema.LIST_SEPARATOR.join(names)

    read = {cell: ours(cell) for cell in cells.unique()}
    return cells.map(read).astype("str"), renamed


def _with_actor_country(countries: pd.Series | None, actor_country: pd.Series) -> pd.Series:
    """Each event's countries with its actors' country first (once)."""
    if countries is None:
        countries = pd.Series("", index=actor_country.index, dtype="str")
    pairs = pd.DataFrame({"actor": actor_country, "listed": countries})
    joined = {
        (actor, listed): schema.LIST_SEPARATOR.join(
            dict.fromkeys(n for n in (actor, *schema.split_list(listed)) if n)
        )
        for actor, listed in pairs.drop_duplicates().itertuples(index=False)
    }
    keys = zip(actor_country, countries, strict=True)
    return pd.Series([joined[key] for key in keys], index=actor_country.index, dtype="str")


def _read_when_column(
    texts: pd.Series, order: DayOrder, record_rows: Callable[[int], np.ndarray]
) -> dict[str, pd.Series]:
    column = texts.name
    starts, ends, precisions, problems = [], [], [], []
    cache: dict[str, When | str] = {}
    for i, text in enumerate(texts):
        if text not in cache:
            try:
                cache[text] = read_when(text, order)
            except (ValueError, OverflowError) as err:
                cache[text] = str(err) if "has" in str(err) or "ends" in str(err) else ""
        read = cache[text]
        if isinstance(read, When):
            starts.append(read.start.isoformat())
            ends.append(read.end.isoformat())
            precisions.append(read.precision)
        else:
            why = f" ({read})" if read else ""
            problems.append(
                (i, f"{text!r} is not a date or date range we can read{why}; {EXAMPLES}")
            )
            starts.append("")
            ends.append("")
            precisions.append("")
    if problems:
        rows = record_rows(len(texts))
        raise EventsFileError([Problem(int(rows[i]), column, m) for i, m in problems])
    index = texts.index
    return {
        "start_date": pd.Series(starts, index=index, dtype="str"),
        "end_date": pd.Series(ends, index=index, dtype="str"),
        "date_precision": pd.Series(precisions, index=index, dtype="str"),
        "date_text": texts,
    }
