"""One sentence read once for all its actions (:class:`_Told`), and an action's date as read
(:class:`_When`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dashboard.dates import DateMention, DateSpan
from dashboard.extraction.actor_finder import _ActorFinder
from dashboard.extraction.candidate import Mention
from dashboard.extraction.triggers import Trigger
from dashboard.geography import CountryMention


@dataclass(frozen=True)
class _Told:
    """One sentence, read once for all its actions: what it names and its actions."""

    sentence: str
    number: int
    published: date
    finder: _ActorFinder
    mentions: list[Mention]
    countries: list[CountryMention]
    places: list
    people: tuple[str, ...]
    #: (trigger, match) of each action word, in the order told
    matches: list[tuple[Trigger, re.Match]]
    actions: list[tuple[int, int]]
    headline: bool


@dataclass(frozen=True)
class _When:
    """An action's date as read, and how it was found."""

    span: DateSpan
    words: str
    inherited: bool
    undated: bool
    expected: bool
    ongoing: bool
    #: "will visit X soon", or an expected action dated only by a report's day
    soon: bool
    #: the sentence's date words (for :func:`_as_report`)
    dates_here: list[DateMention]
