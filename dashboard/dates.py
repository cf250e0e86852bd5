"""Resolve a source's date expressions ("last month", "In early July") to date spans.

Pure functions, no I/O and no Streamlit: every relative expression is read against an
explicit reference date (usually the source's publication date), never against today.
Precisions are the schema's: ``day``, ``week``, ``month`` and ``year``.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from dashboard.schema import MAX_WEEK_SPAN_DAYS

__all__ = [
    "DateMention",
    "DateSpan",
    "day_span",
    "find_date_expressions",
    "listed_months",
    "month_span",
    "part_of_month_span",
    "part_of_year_span",
    "resolve_date_expression",
    "resolve_month_list",
    "season_span",
    "year_span",
]

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {calendar.day_name[i].lower(): i for i in range(7)}

#: Day ranges of "early", "mid" and "late" within a month (late runs to the month's end).
PART_OF_MONTH: dict[str, tuple[int, int | None]] = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, None),
}

#: Month ranges of "early", "mid" and "late" within a year: thirds of it.
PART_OF_YEAR: dict[str, tuple[int, int]] = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?P<weekday>" + "|".join(WEEKDAYS) + ")"
_PART = "(?P<part>early|mid|late)"

_ISO_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_YEAR_RE = re.compile(r"(?P<year>\d{4})")
_WEEKDAY_RE = re.compile(rf"(?:said (?:on )?)?{_WEEKDAY}")
_MONTH_RE = re.compile(rf"{_MONTH}(?: (?:of )?(?P<year>\d{{4}}|this year|last year))?")
_PART_RE = re.compile(rf"{_PART} {_MONTH}(?: (?P<year>\d{{4}}|this year|last year))?")

_DAY_MONTH_RE = re.compile(
    rf"(?:{_WEEKDAY},? )?(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH}\.?"
    rf"(?:,? (?P<year>\d{{4}}))?"
)
_MONTH_DAY_RE = re.compile(
    rf"(?:{_WEEKDAY},? )?{_MONTH}\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?"
)
_PART_OF_YEAR_RE = re.compile(r"(?P<part>early|mid|late) (?P<year>this year|last year|\d{4})")
#: "late last month", "early this month", "mid next month": a part of a month named by
#: its place relative to the reference.
_PART_OF_RELATIVE_MONTH_RE = re.compile(r"(?P<part>early|mid|late) (?P<which>last|this|next) month")
_DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
_RANGE_TO = r" (?:(?:to|until|through|and) )?"
#: A range of days: "from September 5 to 8", "September 5-8", "from September 28 to
#: October 2" (hyphens and dashes are spaces by the time this is matched), and with the
#: month after the days, "5 to 8 September", "between 5 and 8 September".
_RANGE_RE = re.compile(
    rf"(?:from |between )?{_MONTH}\.? {_DAY.format('first')}{_RANGE_TO}"
    rf"(?:(?P<month2>[a-z]+)\.? )?{_DAY.format('last')}(?:,? (?P<year>\d{{4}}))?"
)
_RANGE_AFTER_RE = re.compile(
    rf"(?:from |between )?{_DAY.format('first')}{_RANGE_TO}{_DAY.format('last')} (?:of )?"
    rf"{_MONTH}\.?(?:,? (?P<year>\d{{4}}))?"
)
#: "since the coup", "since the February coup": the onset of an event the text has
#: dated (see ``events``); one word may qualify the noun.
_SINCE_EVENT_RE = re.compile(r"since (?:the|that) (?:[a-z0-9]+ )?(?P<noun>[a-z]+)")
#: "the morning of 7th September", "the evening of Monday": the day, at day precision.
_TIME_OF_DAY = r"(?:early |late )?(?:morning|afternoon|evening|night) of "
_TIME_OF_DAY_RE = re.compile(rf"^(?:the )?{_TIME_OF_DAY}")
#: "the last week", "the past month": the days up to the reference (not including it).
_LAST_PERIOD_RE = re.compile(r"the (?:last|past) (?P<unit>week|month|year)")
_LAST_PERIOD_DAYS = {"week": 7, "month": 30, "year": 365}
#: "the last decade up to 2019", "the past decade": ten years, to the year named or
#: to the year before the reference.
_DECADE_RE = re.compile(r"the (?:last|past) decade(?: (?:up to|until|through|to) (?P<year>\d{4}))?")
#: "last June": the latest June before the reference's month.
_LAST_MONTH_NAMED_RE = re.compile(rf"last {_MONTH}")
_HALF_RE = re.compile(
    r"(?:the )?(?P<half>first|second) half of (?P<year>the year|this year|last year|\d{4})"
)


def _numbered(*words: str) -> dict[str, int]:
    """Number words in order from one: {"one": 1, "two": 2, ...}."""
    return {word: number for number, word in enumerate(words, start=1)}


#: Counts written as words in "the past three months", "two years ago".
COUNT_WORDS: dict[str, int] = _numbered(
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
) | {"a": 1, "an": 1}
_COUNT = "(?P<count>\\d{1,3}|" + "|".join(COUNT_WORDS) + ")"
#: Ordinals written as words, in "the second anniversary of the coup".
ORDINAL_WORDS: dict[str, int] = _numbered(
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"
)
_UNIT = "(?P<unit>day|week|month|year)s?"
#: "the past three months", "the last 30 years", "the previous two weeks": that many
#: units up to the reference, not including it; "the next/coming two weeks": after it.
_COUNTED_PERIOD_RE = re.compile(rf"the (?P<which>last|past|previous|next|coming) {_COUNT} {_UNIT}")
#: "two years ago", "a week ago", "just three days ago": counted back from the reference.
_AGO_RE = re.compile(rf"(?:(?:just|exactly) )?{_COUNT} {_UNIT} ago")
#: Meteorological seasons of the northern hemisphere, by their first month: three months
#: each (winter from December into the next year's February).
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON = "(?P<season>" + "|".join(SEASONS) + ")"
_SEASON_RE = re.compile(
    rf"(?:(?P<which>last|this|next) {_SEASON}|(?:the )?{_SEASON.replace('season', 'named')}"
    r"(?: (?:of )?(?P<year>\d{4}))?)"
)
#: "Tuesday morning", "late Thursday", "yesterday evening": the day itself.
_DAY_WITH_TIME_RE = re.compile(
    rf"(?:(?:early|late) )?(?P<day>{_WEEKDAY}|yesterday|today|tomorrow)"
    r"(?: (?:morning|afternoon|evening|night))?"
)
#: "October 7 last year", "3 March of this year", "May 2 next year": a day of a year
#: named by its place.
#: "of the previous year" is the reference's previous year, as "last year" is.
_DAY_OF_NAMED_YEAR_RE = re.compile(
    r"(?P<day>.+?),? (?:of )?(?P<which>last|this|next|the previous) year"
)
#: "earlier in January", "later in March 2021": that month.
_WITHIN_MONTH_RE = re.compile(r"(?:earlier|later) in (?P<rest>.+)")
#: "in March and June", "in March, April and June 2021": months told as a list.
_MONTH_LIST_RE = re.compile(
    rf"(?P<months>{_MONTH.replace('?P<month>', '?:')}(?:(?:,| and|, and) "
    rf"{_MONTH.replace('?P<month>', '?:')})+)(?:,? (?P<year>\d{{4}}|this year|last year))?"
)

#: "from Friday night", "from March 3": the onset is the day (as "since" is).
_LEADING_WORDS = ("in ", "on ", "during ", "since ", "over ", "for ", "from ")

#: Holidays on a fixed day of the Gregorian calendar (month, day): "on Christmas Day".
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
}
_HOLIDAY_RE = re.compile(
    "(?P<holiday>" + "|".join(map(re.escape, FIXED_HOLIDAYS)) + r")(?:,? (?P<year>\d{4}))?"
)


@dataclass(frozen=True)
class DateSpan:
    """An inclusive span of days and how precisely it is known."""

    start: date
    end: date
    precision: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span ends before it starts: {self.start} > {self.end}")

    def contains(self, other: DateSpan) -> bool:
        """Return whether ``other`` lies wholly inside this span.

        Parameters
        ----------
        other : DateSpan
            The span to test.

        Returns
        -------
        bool
            True if ``self.start <= other.start`` and ``other.end <= self.end``.
        """
        return self.start <= other.start and other.end <= self.end


def day_span(day: date) -> DateSpan:
    """Return the one-day span of ``day``.

    Parameters
    ----------
    day : datetime.date
        The day.

    Returns
    -------
    DateSpan
        ``day`` to ``day``, precision ``day``.
    """
    return DateSpan(day, day, "day")


def month_span(year: int, month: int) -> DateSpan:
    """Return the span of a whole calendar month.

    Parameters
    ----------
    year : int
        Calendar year.
    month : int
        Month number, 1-12.

    Returns
    -------
    DateSpan
        First to last day of the month, precision ``month``.
    """
    last = calendar.monthrange(year, month)[1]
    return DateSpan(date(year, month, 1), date(year, month, last), "month")


def table_span(span: DateSpan) -> DateSpan:
    """``span`` widened to what its precision means in an event table (the schema's
    rule, :func:`dashboard.loading.validate_events_frame`): a month-precision span covers
    whole months, a year-precision one whole years, and a week-precision one spans less
    than ``MAX_WEEK_SPAN_DAYS`` (else it becomes the whole months it covers).

    "The past month" read as the thirty days before the report (12 October to 10
    November) is the months October and November at month precision: wider, never
    narrower, than the words.
    """
    precision = span.precision
    if precision == "week" and (span.end - span.start).days >= MAX_WEEK_SPAN_DAYS:
        precision = "month"
    if precision == "month":
        start, end = month_span(span.start.year, span.start.month).start, span.end
        return DateSpan(start, month_span(end.year, end.month).end, "month")
    if precision == "year":
        return DateSpan(date(span.start.year, 1, 1), date(span.end.year, 12, 31), "year")
    return span


def year_span(year: int) -> DateSpan:
    """Return the span of a whole calendar year.

    Parameters
    ----------
    year : int
        Calendar year.

    Returns
    -------
    DateSpan
        1 January to 31 December, precision ``year``.
    """
    return DateSpan(date(year, 1, 1), date(year, 12, 31), "year")


def part_of_month_span(part: str, year: int, month: int) -> DateSpan:
    """Return the span of "early", "mid" or "late" in a month.

    Parameters
    ----------
    part : str
        ``early`` (days 1-10), ``mid`` (11-20) or ``late`` (21 to the month's end).
    year : int
        Calendar year.
    month : int
        Month number, 1-12.

    Returns
    -------
    DateSpan
        The part's days, precision ``week`` (a span of at most 11 days).
    """
    try:
        first, last = PART_OF_MONTH[part]
    except KeyError:
        raise ValueError(f"unknown part of month: {part!r}") from None
    if last is None:
        last = calendar.monthrange(year, month)[1]
    return DateSpan(date(year, month, first), date(year, month, last), "week")


def part_of_year_span(part: str, year: int) -> DateSpan:
    """Return the span of "early", "mid" or "late" in a year.

    Parameters
    ----------
    part : str
        ``early`` (January-April), ``mid`` (May-August) or ``late`` (September-December).
    year : int
        Calendar year.

    Returns
    -------
    DateSpan
        The part's months, precision ``month``.
    """
    try:
        first, last = PART_OF_YEAR[part]
    except KeyError:
        raise ValueError(f"unknown part of year: {part!r}") from None
    return DateSpan(date(year, first, 1), month_span(year, last).end, "month")


def _previous_month(reference: date) -> tuple[int, int]:
    if reference.month == 1:
        return reference.year - 1, 12
    return reference.year, reference.month - 1


def _relative_month(which: str, reference: date) -> tuple[int, int]:
    """(year, month) of "last", "this" or "next" month from the reference."""
    if which == "last":
        return _previous_month(reference)
    if which == "next":
        return (
            (reference.year + 1, 1)
            if reference.month == 12
            else (reference.year, reference.month + 1)
        )
    return reference.year, reference.month


def _day_range(phrase: str, match: re.Match, reference: date, forward: bool) -> DateSpan:
    """A range of days ("from September 5 to 8"): each end read as a day would be, the
    first with the range's year (or as the latest/next such day), the last after it.

    Precision ``week`` for a few days (up to 13), else the whole months it covers.
    """
    month = match["month"]
    last_month = match.groupdict().get("month2") or month
    if last_month not in MONTHS:
        raise ValueError(f"cannot resolve date expression: {phrase!r}")
    year = f" {match['year']}" if match["year"] else ""
    start = _absolute_day_words(f"{month} {match['first']}{year}", reference, forward)
    end_year = start.year if not match["year"] else int(match["year"])
    try:
        end = date(end_year, MONTHS[last_month], int(match["last"]))
    except ValueError as error:
        raise ValueError(f"cannot resolve date expression: {phrase!r} ({error})") from None
    if end < start:  # "from December 28 to January 3"
        end = _same_day_in(end, end.year + 1, phrase)
    if end == start:
        return day_span(start)
    if (end - start).days < 14:
        return DateSpan(start, end, "week")
    return DateSpan(
        month_span(start.year, start.month).start, month_span(end.year, end.month).end, "month"
    )


def _absolute_day_words(words: str, reference: date, forward: bool) -> date:
    match = _MONTH_DAY_RE.fullmatch(words)
    if match is None:
        raise ValueError(f"cannot resolve date expression: {words!r}")
    return _absolute_day(words, match, reference, forward).start


def _year_of_month(
    month: int, year_words: str | None, reference: date, forward: bool = False
) -> int:
    """Year of a named month: explicit, "this/last year", or the latest not after the
    reference (the next not before it when ``forward``: "will visit in November")."""
    if year_words is None and forward:
        return reference.year if month >= reference.month else reference.year + 1
    if year_words is None:
        return reference.year if month <= reference.month else reference.year - 1
    if year_words == "this year":
        return reference.year
    if year_words == "last year":
        return reference.year - 1
    return int(year_words)


def _normalise(text: str) -> str:
    """Lower-case, collapse spaces, drop trailing punctuation and leading "in"/"on"."""
    cleaned = re.sub(r"[.,;:!?]+$", "", text.replace("\u2019", "'").strip())
    cleaned = " ".join(cleaned.lower().split())
    cleaned = re.sub(r"'s$", "", cleaned)  # "last year's (coup)"
    stripped = True
    while stripped:
        stripped = False
        for word in _LEADING_WORDS:
            if cleaned.startswith(word):
                cleaned = cleaned[len(word) :]
                stripped = True
    return cleaned


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _up_to_reference(first: date, reference: date, whole: DateSpan) -> DateSpan:
    """``first`` to ``reference`` at week precision if short enough, else the whole period."""
    if (reference - first).days < 14:
        return DateSpan(first, reference, "week")
    return whole


def _named_year(words: str, reference: date) -> int:
    if words in ("the year", "this year"):
        return reference.year
    if words == "last year":
        return reference.year - 1
    return int(words)


def _absolute_day(phrase: str, match: re.Match, reference: date, forward: bool) -> DateSpan:
    """A day named by its day and month (and maybe year), read with python-dateutil.

    dateutil fills what the words leave out from ``default``; it is given explicitly
    (the reference's year), never left to today. Without a year, the day is the latest
    such day on or before the reference (or the next one on or after it if ``forward``).
    """
    words = phrase if match["weekday"] is None else phrase.split(" ", 1)[1].lstrip(", ")
    words = re.sub(r"^the | of ", " ", words).strip()
    try:
        parsed = date_parser.parse(words, default=datetime(reference.year, 1, 1)).date()
    except (ValueError, OverflowError) as error:
        raise ValueError(f"cannot resolve date expression: {phrase!r} ({error})") from None
    if match["year"] is None:
        if not forward and parsed > reference:
            parsed = _same_day_in(parsed, reference.year - 1, phrase)
        elif forward and parsed < reference:
            parsed = _same_day_in(parsed, reference.year + 1, phrase)
    if match["weekday"] is not None and parsed.weekday() != WEEKDAYS[match["weekday"]]:
        raise ValueError(
            f"cannot resolve date expression: {phrase!r} ({parsed} is a "
            f"{calendar.day_name[parsed.weekday()]})"
        )
    return day_span(parsed)


def _named_period(phrase: str, reference: date) -> DateSpan | None:
    """ "the last week", "the past decade up to 2019", "last June", or None."""
    if match := _LAST_PERIOD_RE.fullmatch(phrase):
        days = _LAST_PERIOD_DAYS[match["unit"]]
        first, last = reference - timedelta(days=days), reference - timedelta(days=1)
        return table_span(DateSpan(first, last, match["unit"]))
    if match := _DECADE_RE.fullmatch(phrase):
        last_year = int(match["year"]) if match["year"] else reference.year - 1
        return DateSpan(date(last_year - 9, 1, 1), date(last_year, 12, 31), "year")
    if match := _LAST_MONTH_NAMED_RE.fullmatch(phrase):
        month = MONTHS[match["month"]]
        year = reference.year if month < reference.month else reference.year - 1
        return month_span(year, month)
    return None


def _same_day_in(day: date, year: int, phrase: str) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        raise ValueError(f"cannot resolve date expression: {phrase!r}") from None


def _holiday(match: re.Match, reference: date, forward: bool) -> DateSpan:
    """A fixed holiday ("Christmas Day", "New Year's Eve 2020"): that day of the year
    named, else the latest on or before ``reference`` (the next on or after it if
    ``forward``), as a day named without a year is."""
    month, day = FIXED_HOLIDAYS[match["holiday"]]
    if match["year"]:
        return day_span(date(int(match["year"]), month, day))
    told = date(reference.year, month, day)
    if not forward and told > reference:
        told = told.replace(year=reference.year - 1)
    elif forward and told < reference:
        told = told.replace(year=reference.year + 1)
    return day_span(told)


def _count(words: str) -> int:
    return COUNT_WORDS[words] if words in COUNT_WORDS else int(words)


def years_before(span: DateSpan, years: int) -> DateSpan | None:
    """The same day, month or year ``years`` years before ``span`` (what an anniversary
    marks: "Wednesday's two-year anniversary of the coup" is the coup's day); None for
    other precisions (a week or a range has no same place in another year)."""
    if span.precision == "day" and span.start == span.end:
        return day_span(span.start - relativedelta(years=years))
    if span.precision == "month":
        return month_span(span.start.year - years, span.start.month)
    if span.precision == "year":
        return year_span(span.start.year - years)
    return None


def _counted_span(first: date, last: date, unit: str) -> DateSpan:
    """``first`` to ``last`` at the precision the unit allows, as the table keeps it
    (:func:`table_span`): days and weeks a ``week`` while short enough, else whole
    months; months whole ``month``s; years whole ``year``s."""
    precision = {"day": "week", "week": "week", "month": "month", "year": "year"}[unit]
    return table_span(DateSpan(first, last, precision))


def _counted_period(match: re.Match, reference: date) -> DateSpan:
    """ "the past three months": the units before the reference (not including it);
    "the next two weeks": the units after it."""
    count, unit = _count(match["count"]), match["unit"]
    if count == 0:
        raise ValueError(f"cannot resolve date expression: {match.group(0)!r}")
    step = relativedelta(**{f"{unit}s": count})
    if match["which"] in ("next", "coming"):
        return _counted_span(reference + timedelta(days=1), reference + step, unit)
    return _counted_span(reference - step, reference - timedelta(days=1), unit)


def _ago(match: re.Match, reference: date) -> DateSpan:
    """ "two years ago": the twelve whole months around the reference's month two years
    back (a count of years is told rounded: from a November 2022 report, May 2020 to
    April 2021), precision ``month``; "exactly/just two years ago" that calendar year;
    "three months ago" that month; "a week ago" the week (Monday to Sunday) seven days
    before; "two days ago" that day."""
    count, unit = _count(match["count"]), match["unit"]
    if count == 0:
        raise ValueError(f"cannot resolve date expression: {match.group(0)!r}")
    day = reference - relativedelta(**{f"{unit}s": count})
    if unit == "year" and not re.match(r"(?:just|exactly) ", match.group(0)):
        first = day.replace(day=1) - relativedelta(months=6)
        last = day.replace(day=1) + relativedelta(months=6) - relativedelta(days=1)
        return DateSpan(first, last, "month")
    if unit == "day":
        return day_span(day)
    if unit == "week":
        return DateSpan(*_week_of(day), "week")
    if unit == "month":
        return month_span(day.year, day.month)
    return year_span(day.year)


def season_span(season: str, year: int) -> DateSpan:
    """Return the months of a (northern-hemisphere, meteorological) season.

    Parameters
    ----------
    season : str
        ``spring`` (March-May), ``summer`` (June-August), ``autumn`` or ``fall``
        (September-November) or ``winter`` (December to the next year's February).
    year : int
        The year the season begins in.

    Returns
    -------
    DateSpan
        Its three whole months, precision ``month``.
    """
    first = date(year, SEASONS[season], 1)
    last = first + relativedelta(months=2)
    return DateSpan(first, month_span(last.year, last.month).end, "month")


def _season(match: re.Match, reference: date, forward: bool) -> DateSpan:
    """ "last summer" (the latest summer over before the reference's month), "this
    summer", "next winter", "the summer of 2021"; a season without a year: the latest
    begun by the reference (the next not yet over when ``forward``). "winter 2021" is
    refused: it may be the winter that ends or the one that begins in 2021."""
    season = match["season"] or match["named"]
    if match["year"]:
        if season == "winter":
            raise ValueError(f"cannot resolve date expression: {match.group(0)!r} (which winter)")
        return season_span(season, int(match["year"]))
    years = range(reference.year - 2, reference.year + 2)
    candidates = [season_span(season, year) for year in years]
    month = month_span(reference.year, reference.month)
    which = match["which"] or ("next" if forward else "latest")
    if which == "last":
        return [s for s in candidates if s.end < month.start][-1]
    if which == "next":
        return next(s for s in candidates if s.start > month.end)
    if which == "this":
        current = [s for s in candidates if s.start <= month.start <= s.end]
        return current[0] if current else next(s for s in candidates if s.start > month.end)
    return [s for s in candidates if s.start <= month.start][-1]


def resolve_month_list(text: str, reference: date, *, forward: bool = False) -> list[DateSpan]:
    """Resolve months told as a list ("in March and June") to one span per month.

    Parameters
    ----------
    text : str
        ``"in March and June"``, ``"March, April and June 2021"``, ``"in May and
        June this year"``.
    reference : datetime.date
        The date the list is read against.
    forward : bool, optional
        Read the list forwards (``"will visit in March and June"``).

    Returns
    -------
    list of DateSpan
        One whole month each, in the order told. A year told after the list is every
        month's. Without one, the last month is the latest such month not after the
        reference and each before it the latest not after the next (forwards: the first
        is the next on or after the reference, each after it the next after the one
        before), so the list reads in time order.

    Raises
    ------
    ValueError
        If the words are not such a list.
    """
    match = _MONTH_LIST_RE.fullmatch(_normalise(text))
    if match is None:
        raise ValueError(f"cannot resolve month list: {text!r}")
    months = [MONTHS[word] for word in re.findall(r"[a-z]+", match["months"]) if word in MONTHS]
    if match["year"]:
        year = _year_of_month(months[-1], match["year"], reference)
        return [month_span(year, month) for month in months]
    spans: list[DateSpan] = []
    if forward:
        after = reference.replace(day=1)
        for month in months:
            year = after.year if month >= after.month else after.year + 1
            spans.append(month_span(year, month))
            after = spans[-1].end + timedelta(days=1)
        return spans
    before = reference
    for month in reversed(months):
        year = before.year if month <= before.month else before.year - 1
        spans.insert(0, month_span(year, month))
        before = spans[0].start - timedelta(days=1)
    return spans


def _weekend_before(reference: date) -> DateSpan:
    """ "over the weekend", "last weekend": the Saturday and Sunday before ``reference``
    (a Sunday's report: the day before and that day), week precision."""
    saturday = reference - timedelta(days=(reference.weekday() - 5) % 7 or 7)
    return DateSpan(saturday, min(saturday + timedelta(days=1), reference), "week")


def resolve_date_expression(
    text: str,
    reference: date,
    *,
    forward: bool = False,
    events: Mapping[str, DateSpan] | None = None,
) -> DateSpan:
    """Resolve a date expression to the span it names, read against a reference date.

    Parameters
    ----------
    text : str
        The expression, e.g. ``"on Wednesday"``, ``"last month"``, ``"In early July"``,
        ``"in June 2021"``, ``"July this year"``, ``"2021"`` or ``"2022-08-03"``.
        Also "last week", "this week", "earlier this month", "earlier this year",
        "since February" (read as the onset: February), "last year's",
        "the second half of the year", "early last year" (January-April), "late 2021",
        and absolute days such as "3 August 2022", "Aug. 3" or "Wednesday, August 3"
        (python-dateutil, with an explicit default); with ``events``, "since the coup".
        Case-insensitive; a leading "in", "on", "during" or "since" and trailing
        punctuation are ignored ("over" too). Weekdays, bare months, early/mid/late months and days
        without a year name the latest such day or month on or before ``reference``.
        Also "next week/month/year", "late last month" (early/mid/late of last, this
        or next month) and ranges of days ("from September 5 to 8", "5-8 September").
        "soon" is no date (a future the extractor marks expected, undated). Also
        "the morning (afternoon, evening, night) of 7th September" (that day), "the
        last/past week" and "month" (the days before the reference), "last June" (the
        latest June before the reference's month), "the last decade up to 2019" (ten
        years) and, with ``events``, "since the February coup" (one qualifying word).
        "Over the weekend" and "last weekend": the Saturday and Sunday before. Fixed
        holidays ("on Christmas Day", "New Year's Eve 2020") are their day, read as a
        day without a year is.
        Since session 22 also counted periods, "the past three months", "the last 30
        years", "the next two weeks" (the units before, or after, the reference, as an
        event table keeps them: whole months or years beyond 13 days); "two years
        ago", "three months ago", "a week ago" (that year, month, or Monday-Sunday
        week), "two days ago"; seasons of the northern hemisphere, "last summer", "this
        fall", "in the summer of 2021" (three whole months; "winter 2021" is refused as
        ambiguous); a day with its time, "Tuesday morning", "late Thursday", "yesterday
        evening", "last night", "this afternoon", "tomorrow" (that day); "earlier in
        January" (never forwards), "later in March"; "last February 1" (the latest such
        day before the reference); a day with "last/this/next year" ("October 7 last
        year", "3 March of this year"). Months told as a list: :func:`resolve_month_list`.
    reference : datetime.date
        The date the expression is relative to (e.g. the publication date).
    forward : bool, optional
        Read weekdays, days and months without a year forwards instead (on or after
        ``reference``): for expected events, "will visit on Friday", "in November".
    events : mapping of str to DateSpan, optional
        Events the text has already dated, by the noun that names them again
        (``{"coup": <span>}``): "since the coup" is read as that event's span, the
        onset, as "since February" is February. A plural noun ("since the
        executions") finds its singular. Without it, such words do not resolve.

    Returns
    -------
    DateSpan
        Inclusive start and end dates and the precision (day, week, month or year).

    Raises
    ------
    ValueError
        If the expression is not one of the supported forms.
    """
    if not isinstance(text, str):
        raise ValueError(f"cannot resolve date expression: {text!r}")
    if match := _SINCE_EVENT_RE.fullmatch(" ".join(text.lower().split()).rstrip(".,;:")):
        known = events or {}
        noun = match["noun"]
        for key in (noun, noun[:-1] if noun.endswith("s") else noun):
            if key in known:
                return known[key]
        raise ValueError(f"cannot resolve date expression: {text!r} (no dated {noun!r})")
    if span := _range_phrase(text, reference):
        return span
    phrase = _TIME_OF_DAY_RE.sub("", _normalise(text))

    if match := _ISO_RE.fullmatch(phrase):
        try:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError as error:
            raise ValueError(f"cannot resolve date expression: {text!r} ({error})") from None
        return day_span(day)
    # Hyphens and dashes only join words from here on ("mid-July").
    phrase = " ".join(re.sub("[-\u2013]", " ", phrase).split())
    if phrase == "today":
        return day_span(reference)
    if phrase == "yesterday":
        return day_span(reference - timedelta(days=1))
    if phrase == "tomorrow":
        return day_span(reference + timedelta(days=1))
    if phrase == "last night":  # a report's "last night": the evening before its day
        return day_span(reference - timedelta(days=1))
    if phrase in ("tonight", "this morning", "this afternoon", "this evening"):
        return day_span(reference)
    if (match := _DAY_WITH_TIME_RE.fullmatch(phrase)) and match["day"] != phrase:
        return resolve_date_expression(match["day"], reference, forward=forward)
    if match := _COUNTED_PERIOD_RE.fullmatch(phrase):
        return _counted_period(match, reference)
    if match := _AGO_RE.fullmatch(phrase):
        return _ago(match, reference)
    if match := _SEASON_RE.fullmatch(phrase):
        return _season(match, reference, forward)
    if (match := _WITHIN_MONTH_RE.fullmatch(phrase)) and _MONTH_RE.fullmatch(match["rest"]):
        # "earlier in January" is always before the reference
        later = forward and phrase.startswith("later")
        return resolve_date_expression(match["rest"], reference, forward=later)
    day_words = phrase.removeprefix("last ")
    match = _DAY_MONTH_RE.fullmatch(day_words) or _MONTH_DAY_RE.fullmatch(day_words)
    if day_words != phrase and match and match["year"] is None:
        # "last February 1": the latest such day before the reference
        return _absolute_day(day_words, match, reference - timedelta(days=1), False)
    if match := _HOLIDAY_RE.fullmatch(phrase):
        return _holiday(match, reference, forward)
    if match := _WEEKDAY_RE.fullmatch(phrase):
        if forward:
            return day_span(
                reference + timedelta(days=(WEEKDAYS[match["weekday"]] - reference.weekday()) % 7)
            )
        back = (reference.weekday() - WEEKDAYS[match["weekday"]]) % 7
        return day_span(reference - timedelta(days=back))
    if span := _named_period(phrase, reference):
        return span
    if phrase in ("the weekend", "last weekend", "this weekend"):
        return _weekend_before(reference)
    if phrase == "last week":
        monday, sunday = _week_of(reference - timedelta(days=7))
        return DateSpan(monday, sunday, "week")
    if phrase == "next week":
        monday, sunday = _week_of(reference + timedelta(days=7))
        return DateSpan(monday, sunday, "week")
    if phrase in ("this week", "earlier this week"):
        return DateSpan(_week_of(reference)[0], reference, "week")
    if phrase == "earlier this month":
        first = reference.replace(day=1)
        return _up_to_reference(first, reference, month_span(reference.year, reference.month))
    if phrase == "earlier this year":
        return year_span(reference.year)
    if match := _HALF_RE.fullmatch(phrase):
        year = _named_year(match["year"], reference)
        first_month = 1 if match["half"] == "first" else 7
        return DateSpan(date(year, first_month, 1), month_span(year, first_month + 5).end, "month")
    if (match := _DAY_OF_NAMED_YEAR_RE.fullmatch(phrase)) and (
        _DAY_MONTH_RE.fullmatch(match["day"]) or _MONTH_DAY_RE.fullmatch(match["day"])
    ):  # "October 7 last year", "3 March of this year": the day of that year
        shift = {"last": -1, "the previous": -1, "this": 0, "next": 1}[match["which"]]
        year = reference.year + shift
        phrase = f"{match['day']} {year}"
    if match := (_DAY_MONTH_RE.fullmatch(phrase) or _MONTH_DAY_RE.fullmatch(phrase)):
        return _absolute_day(phrase, match, reference, forward)
    if match := (_RANGE_RE.fullmatch(phrase) or _RANGE_AFTER_RE.fullmatch(phrase)):
        return _day_range(phrase, match, reference, forward)
    if match := _PART_OF_RELATIVE_MONTH_RE.fullmatch(phrase):
        year, month = _relative_month(match["which"], reference)
        return part_of_month_span(match["part"], year, month)
    if phrase == "last month":
        return month_span(*_previous_month(reference))
    if phrase == "next month":
        return month_span(*_relative_month("next", reference))
    if phrase == "next year":
        return year_span(reference.year + 1)
    if phrase == "this month":
        return month_span(reference.year, reference.month)
    if phrase == "last year":
        return year_span(reference.year - 1)
    if phrase == "this year":
        return year_span(reference.year)
    if match := _YEAR_RE.fullmatch(phrase):
        return year_span(int(match["year"]))
    if match := _PART_OF_YEAR_RE.fullmatch(phrase):
        return part_of_year_span(match["part"], _named_year(match["year"], reference))
    if match := _PART_RE.fullmatch(phrase):
        month = MONTHS[match["month"]]
        year = _year_of_month(month, match["year"], reference, forward)
        return part_of_month_span(match["part"], year, month)
    if match := _MONTH_RE.fullmatch(phrase):
        month = MONTHS[match["month"]]
        return month_span(_year_of_month(month, match["year"], reference, forward), month)
    raise ValueError(f"cannot resolve date expression: {text!r}")


#: The same alternatives without their group names, for patterns that only find words.
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
_ANY_WEEKDAY = _WEEKDAY.replace("?P<weekday>", "?:")
#: A capitalised word right before a bare year, joined by a space or a hyphen, that is
#: neither a month nor a word of time ("In 2022", "Since 2021", "mid-2020"): the year
#: is part of a proper name ("the Forum 2022", "ATOMEXPO-2022"), not a date.
_NAME_BEFORE_YEAR = re.compile(
    r"(?<![\w-])(?!(?:In|Since|By|Until|Till|Through|From|To|Before|After|During|Of|And"
    r"|Or|Early|Mid|Late|Spring|Summer|Autumn|Fall|Winter|Year|Fiscal|FY)[ -]$)"
    rf"(?!(?i:{_ANY_MONTH})\.?[ -]$)[A-Z][\w.]*[ -]$"
)
_ANY_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_ANY_COUNT = _COUNT.replace("?P<count>", "?:")
#: After "the last three months": not "of 2021", "of his term", "in July" (a part of a
#: period the text names, not the months before the reference).
_NOT_A_PART_OF = (
    r"(?! (?:of|in) (?:(?:19|20)\d{2}|the|this|that|last|his|her|its|their|" + _ANY_MONTH + r")\b)"
)
_ANY_SEASON = _SEASON.replace("?P<season>", "?:")
_DAY_WORD = rf"(?:{_ANY_WEEKDAY}|yesterday|today|tomorrow)"
#: The year after a day and month: "2021", or "last year", "of this year", "next year".
_DAY_YEAR = r"(?:,? \d{4}|,? (?:of )?(?:last|this|next|the previous) year)?"
_RANGE_JOIN = r"(?: ?[-\u2013] ?| (?:to|until|through|and) )"
#: A possessive after date words ("Friday's", "December\u2019s").
_POSSESSIVE = r"['\u2019]s\b"
#: Date words as they occur in running text, longest forms first; each hit is checked
#: with :func:`resolve_date_expression` before it counts.
_MENTION_RE = re.compile(
    r"\b(?:"
    + "|".join(
        (
            # words of session 22 first, so that no shorter form takes their beginning:
            # "the past three months" (not "the last three months of 2021", a part of
            # that year; not "three months" alone), "two years ago", seasons,
            # "Tuesday morning", "late Thursday", "earlier in January", "last February 1".
            # Not "last night", "this afternoon": the resolver reads them, but in running
            # text they mostly date a report or a quote's setting, and the extractor
            # gave them to the deeds told next (two texts' precision fell, session 22)
            rf"(?:(?:in|during|over|for) )?the (?:last|past|previous|next|coming) "
            rf"{_ANY_COUNT} (?:day|week|month|year)s?{_NOT_A_PART_OF}",
            rf"(?:(?:just|exactly) )?{_ANY_COUNT} (?:day|week|month|year)s? ago",
            rf"(?:(?:in|during|over|since|by) )?(?:the )?{_ANY_SEASON}(?: of)? (?:19|20)\d{{2}}",
            rf"(?:in|during|over|since|by) (?:the )?{_ANY_SEASON}",
            rf"(?:last|this|next) {_ANY_SEASON}",
            rf"(?:(?:said )?(?:on )?)(?:(?:early|late) )?{_DAY_WORD}"
            r" (?:morning|afternoon|evening|night)",
            rf"(?:(?:said )?(?:on )?)(?:early|late) {_DAY_WORD}",
            r"tomorrow",
            rf"(?:earlier|later) in {_ANY_MONTH}(?: (?:\d{{4}}|this year|last year))?",
            rf"last {_ANY_MONTH}\.? {_ANY_DAY}(?!\d)",
            rf"last (?:the )?{_ANY_DAY} (?:of )?{_ANY_MONTH}",
            # ranges of days: "from September 5 to 8", "5-8 September"
            rf"(?:from |between )?{_ANY_MONTH}\.? {_ANY_DAY}{_RANGE_JOIN}"
            rf"(?:{_ANY_MONTH}\.? )?{_ANY_DAY}(?:,? \d{{4}})?(?!\d)",
            rf"(?:from |between )?{_ANY_DAY}{_RANGE_JOIN}{_ANY_DAY} (?:of )?{_ANY_MONTH}\.?"
            r"(?:,? \d{4})?",
            rf"(?:(?:on|by|since) )?{_ANY_WEEKDAY},? "
            rf"(?:the )?{_ANY_DAY} (?:of )?{_ANY_MONTH}\.?{_DAY_YEAR}",
            rf"(?:(?:on|by|since) )?{_ANY_WEEKDAY},? {_ANY_MONTH}\.? {_ANY_DAY}{_DAY_YEAR}",
            rf"(?:(?:on|by|since|in) )?(?:the )?(?:{_TIME_OF_DAY}(?:the )?)?{_ANY_DAY} "
            rf"(?:of )?{_ANY_MONTH}\.?{_DAY_YEAR}",
            rf"(?:(?:on|by|since) )?{_ANY_MONTH}\.? {_ANY_DAY}{_DAY_YEAR}(?!\d)",
            rf"(?:(?:in|since|during) )?(?:early|mid|late)[- ]{_ANY_MONTH}"
            r"(?: (?:\d{4}|this year|last year))?",
            # a month's or weekday's possessive is its noun's date ("December's
            # resolution", "said Friday's meeting"): told with its "'s", no "said"
            rf"(?:last )?(?:{_ANY_MONTH}|{_ANY_WEEKDAY}){_POSSESSIVE}",
            rf"(?:(?:in|since|during) )?{_ANY_MONTH}"
            r"(?: (?:of )?(?:\d{4}|this year|last year))?",
            r"(?:(?:in|since|during) )?(?:early|mid|late)[- ](?:this year|last year|\d{4})",
            r"(?:in )?the (?:first|second) half of (?:the year|this year|last year|\d{4})",
            r"earlier this (?:week|month|year)",
            r"(?:(?:in|since|during) )?(?:early|mid|late)[- ](?:last|this|next) month",
            r"(?:(?:since|during|in) )?(?:last|this) (?:week|month|year)(?:'s|\u2019s)?",
            rf"(?:(?:since|during|in) )?last {_ANY_MONTH}",
            rf"(?:(?:in|during|over|for) )?the (?:last|past) (?:week|month|year){_NOT_A_PART_OF}",
            r"(?:(?:in|during|over) )?the (?:last|past) decade"
            r"(?: (?:up to|until|through|to) \d{4})?",
            rf"next (?:week|month|year)(?:{_POSSESSIVE})?",
            r"(?:said )?(?:on )?" + _ANY_WEEKDAY + rf"(?!{_POSSESSIVE})",
            r"(?:(?:in|since|during) )?(?:19|20)\d{2}",
            r"today|yesterday",
            r"(?:on )?(?:Christmas (?:Day|Eve)|New Year['\u2019]s (?:Day|Eve))(?:,? \d{4})?",
            r"(?:over|at|during) the weekend|last weekend",
        )
    )
    + r")\b",
    re.IGNORECASE,
)


def _names_capitalised(words: str) -> bool:
    for token in words.split():
        bare = token.strip(".,").lower()
        if (bare in MONTHS or bare in WEEKDAYS) and not token[0].isupper():
            return False
    return True


#: A capitalised word right after: a surname ("Jan Novak"), not a day or a year.
_CAPITALISED_AFTER = re.compile(r" ([A-Z][a-z]+)\b(?!['\u2019]s\b)")


def _first_name(text: str, match: re.Match) -> bool:
    """Whether the date words are a month's name alone followed by a capitalised word that
    is no month or weekday: a person's first name and surname ("Jan Novak", "April
    Glaspie"), not date words. A month told with a preposition, a day or a year ("in
    April", "April 5", "April 2021") is never one."""
    if match.group(0).strip(".").lower() not in MONTHS:
        return False
    after = _CAPITALISED_AFTER.match(text, match.end())
    return bool(after) and after.group(1).lower() not in MONTHS | WEEKDAYS


@dataclass(frozen=True)
class DateMention:
    """Date words found in running text: where, the words themselves, and their span."""

    start: int
    end: int
    text: str
    span: DateSpan


def find_date_expressions(
    text: str, reference: date, *, forward: bool = False
) -> list[DateMention]:
    """Find the date expressions in running text that the resolver can read.

    Parameters
    ----------
    text : str
        A sentence or paragraph.
    reference : datetime.date
        The publication date the expressions are read against.
    forward : bool, optional
        Read weekdays and days without a year forwards (future tense).

    Returns
    -------
    list of DateMention
        In text order; words that look like a date but do not resolve (a capitalised
        "May" as a verb is lower-case here, so it is kept only when it resolves) are
        left out.
    """
    found = []
    for match in _MENTION_RE.finditer(text):
        words = match.group(0)
        if not _names_capitalised(words):
            continue  # "march", "may" as ordinary words
        if _first_name(text, match):
            continue  # "Jan Novak", "April Glaspie": a person's first name, no date
        if _YEAR_RE.fullmatch(words) and _NAME_BEFORE_YEAR.search(text, 0, match.start()):
            continue  # "Forum ATOMEXPO 2022", "Army-2022": the year of a name, no date
        try:
            span = resolve_date_expression(words, reference, forward=forward)
        except ValueError:
            continue
        found.append(DateMention(match.start(), match.end(), words, span))
    found = _years_carried(text, _month_lists(text, found, reference, forward))
    return _joined_ranges(text, found)


_LIST_JOIN = re.compile(r",? and |, ")


def _list_groups(text: str, found: list[DateMention]) -> list[tuple[int, int]]:
    """(first, last) indices of months told as a list ("in March, April and June"):
    month mentions joined by commas or "and", not opened by "between"/"from" (a range)."""
    groups = []
    start = 0
    while start < len(found):
        end = start
        while (
            end + 1 < len(found)
            and _MONTH_RE.fullmatch(_normalise(found[end].text))
            and _MONTH_RE.fullmatch(_normalise(found[end + 1].text))
            and _LIST_JOIN.fullmatch(text, found[end].end, found[end + 1].start)
        ):
            end += 1
        if end > start and not _RANGE_OPENING.search(text, 0, found[start].start):
            groups.append((start, end))
        start = end + 1
    return groups


def _month_lists(
    text: str, found: list[DateMention], reference: date, forward: bool
) -> list[DateMention]:
    """Months told as a list ("in March and June 2021") keep one mention each, with the
    years :func:`resolve_month_list` reads for the whole list (the year told after the
    last is every month's; without one, the list reads in time order)."""
    result = list(found)
    for start, end in _list_groups(text, found):
        words = text[result[start].start : result[end].end]
        try:
            spans = resolve_month_list(words, reference, forward=forward)
        except ValueError:
            continue
        for index, span in enumerate(spans, start=start):
            result[index] = dataclasses.replace(result[index], span=span)
    return result


#: A second month joined to a first with its year: "in January 2021 and in February",
#: "in March 2020 and again in June", "November 2020 and January".
_CARRIED_JOIN = re.compile(r",? and (?:again )?(?:in )?|, (?:in )?", re.IGNORECASE)


def _years_carried(text: str, found: list[DateMention]) -> list[DateMention]:
    """A month told without a year right after a month with its year, joined as a list
    ("shipments in January 2021 and in February"), is the first such month after it:
    the list reads in time order (:func:`resolve_month_list`), not each against the
    reference. A range ("between January 2021 and February") is left to
    :func:`_joined_ranges`."""
    result = list(found)
    for index in range(1, len(result)):
        before, mention = result[index - 1], result[index]
        dated = _MONTH_RE.fullmatch(_normalise(before.text))
        bare = _MONTH_RE.fullmatch(_normalise(mention.text))
        if (
            dated is None
            or bare is None
            or not (dated["year"] or "").isdigit()
            or bare["year"]
            or not _CARRIED_JOIN.fullmatch(text, before.end, mention.start)
            or _RANGE_OPENING.search(text, 0, before.start)
        ):
            continue
        year, month = int(dated["year"]), MONTHS[bare["month"]]
        result[index] = dataclasses.replace(
            mention, span=month_span(year if month > MONTHS[dated["month"]] else year + 1, month)
        )
    return result


def listed_months(text: str, reference: date, *, forward: bool = False) -> list[list[DateMention]]:
    """The month lists of running text ("travelled there in March and June"), each as its
    mentions (:func:`find_date_expressions`, one per month, in text order).

    Parameters
    ----------
    text : str
        A sentence or paragraph.
    reference : datetime.date
        The publication date the months are read against.
    forward : bool, optional
        Read the lists forwards (future tense).

    Returns
    -------
    list of list of DateMention
        One list per month list of two months or more; none when the text has none.
    """
    found = find_date_expressions(text, reference, forward=forward)
    return [found[start : end + 1] for start, end in _list_groups(text, found)]


#: "between <date> and <date>", "from <date> to <date>": one span over both.
_RANGE_OPENING = re.compile(r"\b(between|from)\s+$", re.IGNORECASE)
_RANGE_CLOSING = {"between": re.compile(r"\s+and\s+"), "from": re.compile(r"\s+(?:to|until)\s+")}
_COARSER = ("day", "week", "month", "year")  # finer to coarser


def _joined_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """Join two date mentions told as a range ("between February 2021 and November 7,
    2023") into one, from the first's start to the second's end, at the coarser of
    their precisions (a month range covers whole months: to 30 November 2023)."""
    joined: list[DateMention] = []
    for mention in found:
        first = joined[-1] if joined else None
        opening = first and _RANGE_OPENING.search(text, 0, first.start)
        if opening and _RANGE_CLOSING[opening.group(1).casefold()].fullmatch(
            text, first.end, mention.start
        ):
            span = _range_span(first.span, mention.span)
            if span is not None:
                words = text[opening.start() : mention.end]
                joined[-1] = DateMention(opening.start(), mention.end, words, span)
                continue
        joined.append(mention)
    return joined


def _range_span(first: DateSpan, last: DateSpan) -> DateSpan | None:
    """From ``first``'s month to ``last``'s month, whole months, when one end is told to
    the month ("between February 2021 and November 7, 2023"); else None (both days: a
    day range the other forms read; a year: our schema's year is one calendar year)."""
    if first.precision not in _COARSER or last.precision not in _COARSER:
        return None
    if first.precision == last.precision == "day":
        return None  # a range of days: the day-range forms read it (as a week)
    precision = max(first.precision, last.precision, key=_COARSER.index)
    if precision != "month":
        return None  # a year is one calendar year in our schema; weeks are short
    end = month_span(last.end.year, last.end.month).end
    start = month_span(first.start.year, first.start.month).start
    return DateSpan(start, end, precision) if end >= start else None


_RANGE_PHRASE = re.compile(r"(?:between (.+) and|from (.+) (?:to|until)) (.+)", re.IGNORECASE)


def _range_phrase(text: str, reference: date) -> DateSpan | None:
    """ "between February 2021 and November 7, 2023" read whole, when both ends resolve."""
    match = _RANGE_PHRASE.fullmatch(" ".join(text.split()).rstrip(".,;:"))
    if match is None:
        return None
    try:
        first = resolve_date_expression(match.group(1) or match.group(2), reference)
        last = resolve_date_expression(match.group(3), reference)
    except ValueError:
        return None
    return _range_span(first, last)
