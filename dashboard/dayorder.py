"""Which of day and month comes first in a column's dates of day, month and year in numbers.

``25/07/2022``, ``7/25/2022``, ``31-12-19``, ``25.07.2022``: spreadsheets write a date
so in their locale's order, and the text alone does not always tell which number is
the day. One rule, for every table that holds such dates (ACLED's ``event_date``, a
mapped ``when`` column):

* a value whose first number is over 12 is day-first, whose second is, month-first
  (evident: there is no month 13); one whose two numbers are equal reads the same in
  either order;
* a value whose numbers are both 12 or less takes the order the column's evident values
  show, with a notice naming the value that told;
* when no value of the column tells, or its values say both orders, such a value is
  refused (its row and column named by the caller): nothing is guessed.

The year is the caller's: ACLED widens a two-digit one from its pivot, a mapped table
refuses it (its century is unknown).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

DAY_FIRST, MONTH_FIRST = "day-first", "month-first"

#: Day and month (either order) before the year, with one separator twice (``/``, ``-``
#: or ``.``); the year of four digits or two.
PATTERN = r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
_WHOLE = re.compile(f"^{PATTERN}$")
#: Bytes that could hold such a date (a first pass over a file skips one without any).
_IN_BYTES = re.compile(rb"(?<!\d)\d{1,2}([/.-])\d{1,2}\1\d{2}")


@dataclass(frozen=True)
class DayMonthYear:
    """One value of the shape: its two numbers as written and its year as written."""

    first: int
    second: int
    year: str
    separator: str


def match(text: str) -> DayMonthYear | None:
    """The value's numbers when ``text`` (trimmed) has the shape, else None."""
    found = _WHOLE.match(text)
    if found is None:
        return None
    return DayMonthYear(int(found["a"]), int(found["b"]), found["year"], found["sep"])


def may_hold(data: bytes) -> bool:
    """Whether a file's bytes could hold a value of the shape (False: none does)."""
    return _IN_BYTES.search(data) is not None


@dataclass(frozen=True)
class DayOrder:
    """What a column's values of the shape say of their order, decided over the column.

    ``day_example``: the first value whose first number alone is over 12 (day-first);
    ``month_example``: the first whose second alone is (month-first). Those of a file's
    chunks add up in file order (``a + b``), so a first pass over the chunks decides the
    order a row of a late chunk shows.
    """

    day_example: str | None = None
    month_example: str | None = None

    @classmethod
    def of(cls, texts: Iterable[str]) -> DayOrder:
        """The evidence of a column's values (each trimmed as its reader reads it)."""
        day = month = None
        for text in texts:
            value = match(text)
            if value is None:
                continue
            if day is None and value.first > 12 >= value.second:
                day = text
            elif month is None and value.second > 12 >= value.first:
                month = text
            if day is not None and month is not None:
                break
        return cls(day, month)

    def __add__(self, later: DayOrder) -> DayOrder:
        return DayOrder(
            self.day_example if self.day_example is not None else later.day_example,
            self.month_example if self.month_example is not None else later.month_example,
        )

    @property
    def order(self) -> str | None:
        """:data:`DAY_FIRST` or :data:`MONTH_FIRST` when the column tells one order alone."""
        if self.day_example is not None and self.month_example is None:
            return DAY_FIRST
        if self.month_example is not None and self.day_example is None:
            return MONTH_FIRST
        return None

    def day_and_month(self, value: DayMonthYear) -> tuple[int, int] | None:
        """(day, month) of ``value`` by the rule; None when the column cannot tell them.

        A value whose numbers are both over 12 is given as written (day, month): the
        caller refuses it as no real date.
        """
        first, second = value.first, value.second
        if first > 12 or first == second:
            return first, second
        if second > 12:
            return second, first
        if self.order == DAY_FIRST:
            return first, second
        if self.order == MONTH_FIRST:
            return second, first
        return None

    def undecided(self) -> str:
        """Why a value of numbers 12 or less is refused, and what to do (after the value)."""
        if self.day_example is not None and self.month_example is not None:
            said = (
                f"; its values say both ({self.day_example} is day-first, "
                f"{self.month_example} month-first)"
            )
        else:
            said = " (a first number over 12 would say day-first, a second month-first)"
        return (
            f"has its day and month in an order no value of the column tells{said}; "
            "write it YYYY-MM-DD"
        )

    def notice(self, column: str) -> str | None:
        """What the column's values told, for the analyst; None when no value told."""
        if self.order is not None:
            example = self.day_example if self.order == DAY_FIRST else self.month_example
            value = match(example)
            sep, year = value.separator, "Y" * len(value.year)
            form = f"DD{sep}MM{sep}{year}" if self.order == DAY_FIRST else f"MM{sep}DD{sep}{year}"
            return f"{column} read {self.order} ({form}): values like {example} say so."
        if self.day_example is not None:
            return (
                f"{column} holds day-first dates ({self.day_example}) and month-first ones "
                f"({self.month_example}): each was read as its own numbers tell (a number "
                "over 12 is the day); one whose day and month are both 12 or less is refused."
            )
        return None
