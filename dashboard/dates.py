"""Resolve a source's date expressions ("last month", "In early July") to date spans.

Pure functions, no I/O and no Streamlit: every relative expression is read against an
explicit reference date (usually the source's publication date), never against today.
Precisions are the schema's: ``day``, ``week``, ``month`` and ``year``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "DateSpan",
    "day_span",
    "month_span",
    "part_of_month_span",
    "resolve_date_expression",
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

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?P<weekday>" + "|".join(WEEKDAYS) + ")"
_PART = "(?P<part>early|mid|late)"

_ISO_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_YEAR_RE = re.compile(r"(?P<year>\d{4})")
_WEEKDAY_RE = re.compile(rf"(?:said (?:on )?)?{_WEEKDAY}")
_MONTH_RE = re.compile(rf"{_MONTH}(?: (?P<year>\d{{4}}|this year|last year))?")
_PART_RE = re.compile(rf"{_PART} {_MONTH}(?: (?P<year>\d{{4}}|this year|last year))?")

_LEADING_WORDS = ("in ", "on ", "during ")


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


def _previous_month(reference: date) -> tuple[int, int]:
    if reference.month == 1:
        return reference.year - 1, 12
    return reference.year, reference.month - 1


def _year_of_month(month: int, year_words: str | None, reference: date) -> int:
    """Year of a named month: explicit, "this/last year", or the latest not after reference."""
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
    stripped = True
    while stripped:
        stripped = False
        for word in _LEADING_WORDS:
            if cleaned.startswith(word):
                cleaned = cleaned[len(word) :]
                stripped = True
    return cleaned


def resolve_date_expression(text: str, reference: date) -> DateSpan:
    """Resolve a date expression to the span it names, read against a reference date.

    Parameters
    ----------
    text : str
        The expression, e.g. ``"on Wednesday"``, ``"last month"``, ``"In early July"``,
        ``"in June 2021"``, ``"July this year"``, ``"2021"`` or ``"2022-08-03"``.
        Case-insensitive; a leading "in", "on" or "during" and trailing punctuation
        are ignored. Weekdays, bare months and early/mid/late months name the latest
        such day or month on or before ``reference``.
    reference : datetime.date
        The date the expression is relative to (e.g. the publication date).

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
    phrase = _normalise(text)

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
    if match := _WEEKDAY_RE.fullmatch(phrase):
        back = (reference.weekday() - WEEKDAYS[match["weekday"]]) % 7
        return day_span(reference - timedelta(days=back))
    if phrase == "last month":
        return month_span(*_previous_month(reference))
    if phrase == "this month":
        return month_span(reference.year, reference.month)
    if phrase == "last year":
        return year_span(reference.year - 1)
    if phrase == "this year":
        return year_span(reference.year)
    if match := _YEAR_RE.fullmatch(phrase):
        return year_span(int(match["year"]))
    if match := _PART_RE.fullmatch(phrase):
        month = MONTHS[match["month"]]
        year = _year_of_month(month, match["year"], reference)
        return part_of_month_span(match["part"], year, month)
    if match := _MONTH_RE.fullmatch(phrase):
        month = MONTHS[match["month"]]
        return month_span(_year_of_month(month, match["year"], reference), month)
    raise ValueError(f"cannot resolve date expression: {text!r}")
