"""Across sentences: an event told once without a date and named again, later, with one.

News reports often state the event in the lead ("X and Y held talks in Moscow") and
give its day in a later sentence that names it back without naming its parties ("The
two leaders spoke on Thursday", "Thursday's talks also covered ..."). Such a telling
proposes no event of its own (no one acts in it), but it dates the event it names.

This module finds those anaphoric, dated tellings (:func:`anaphors`) and lends their
date to the last earlier undated event of the same type (:func:`date_by_anaphor`). It
also reads "on the sidelines of <a named forum>" in such a telling: the parties of the
event named back attended that forum on that day (a multilateral meeting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from dashboard.dates import DateSpan, find_date_expressions

if TYPE_CHECKING:  # pragma: no cover - typing only
    from dashboard.extraction import Candidate

_DAY_OF = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['\u2019]s"
_PAIR = r"(?:[Tt]he two|[Bb]oth|[Tt]he)\s+(?:leaders|sides|presidents|ministers|delegations)"

#: The words that name an event back, by the event type they name.
_NAMED_BACK: tuple[tuple[str, re.Pattern], ...] = (
    # "The two leaders spoke on Thursday", "both sides met again on Friday"
    ("meeting", re.compile(rf"\b{_PAIR}\s+(?:also\s+)?(?:spoke|met|talked|held talks)\b")),
    # "Thursday's talks", "the talks", "the two-day meeting"
    ("meeting", re.compile(rf"(?:\b[Tt]he|\b{_DAY_OF})\s+(?:[\w-]+\s+)?(?:talks|meeting)\b")),
    ("visit", re.compile(rf"(?:\b[Tt]he|\b{_DAY_OF})\s+(?:[\w-]+\s+)?(?:visit|trip)\b")),
    # "The shipment was completed last March", "the first delivery arrived in May"
    (
        "arms transfer",
        re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+)?(?:shipment|delivery|deliveries|consignment)\b"),
    ),
    # "the Tuesday morning strike", "the deadly air strike", "Monday's attack"
    (
        "armed clash",
        re.compile(
            rf"(?:\b[Tt]he|\b{_DAY_OF})\s+(?:[\w-]+\s+){{0,2}}?"
            r"(?:air ?strike|strike|attack|raid|bombing|shelling)\b"
        ),
    ),
)
#: "on the sidelines of the World Atomic Week 2025": a named forum (capitalised words).
_NAME_WORD = r"(?:[A-Z][\w-]*|\d{4})"
_SIDELINES = re.compile(
    rf"\bon the sidelines of (?:the )?({_NAME_WORD}(?:\s+(?:of\s+|the\s+)?{_NAME_WORD})*)"
)


def names_back(event_type: str, sentence: str) -> bool:
    """Whether ``sentence`` names an event of ``event_type`` back (``_NAMED_BACK``:
    "the meeting", "Thursday's talks", "the shipment")."""
    return any(kind == event_type and p.search(sentence) for kind, p in _NAMED_BACK)


@dataclass(frozen=True)
class Anaphor:
    """A dated telling that names an event back without its parties."""

    paragraph: int
    event_type: str
    span: DateSpan
    words: str
    sentence: str
    #: the forum named by "on the sidelines of", if any
    forum: str = ""
    #: where the words naming the event back start in the sentence
    at: int = 0


def anaphors(sentences: list[tuple[int, str]], published: date) -> list[Anaphor]:
    """The anaphoric tellings among ``(paragraph, sentence)`` pairs, in text order.

    A telling counts when its words name an event back (``_NAMED_BACK``) and the
    sentence has its own date words (the first told dates it).
    """
    found = []
    for paragraph, sentence in sentences:
        dates = find_date_expressions(sentence, published)
        if not dates:
            continue
        for event_type, pattern in _NAMED_BACK:
            named = pattern.search(sentence)
            if named:
                forum = _SIDELINES.search(sentence)
                found.append(
                    Anaphor(
                        paragraph,
                        event_type,
                        dates[0].span,
                        dates[0].text,
                        sentence,
                        forum.group(1) if forum else "",
                        named.start(),
                    )
                )
                break
    return found


def date_by_anaphor(candidates: list[Candidate], told: list[Anaphor]) -> list[Candidate]:
    """Date each undated reported event by the first later anaphoric telling of its
    type; a telling dates one event only. A telling "on the sidelines of" a named forum
    adds the forum's attendance (a multilateral meeting of the event's parties)."""
    used: set[int] = set()
    dated: list[Candidate] = []
    for candidate in candidates:
        lender = _lender(candidate, told, used)
        if lender is None:
            dated.append(candidate)
            continue
        used.add(lender)
        anaphor = told[lender]
        lent = candidate.with_lent_date(anaphor.span, anaphor.words)
        dated.append(lent)
        if anaphor.forum:
            dated.append(_forum_attended(lent, anaphor))
    return dated


def _lender(candidate: Candidate, told: list[Anaphor], used: set[int]) -> int | None:
    if not candidate.undated or candidate.indefinite or candidate.status != "reported":
        return None
    return next(
        (
            i
            for i, anaphor in enumerate(told)
            if i not in used
            and anaphor.event_type == candidate.event_type
            and anaphor.paragraph >= candidate.paragraph
            and anaphor.sentence != candidate.evidence
        ),
        None,
    )


def _forum_attended(event: Candidate, anaphor: Anaphor) -> Candidate:
    """The event's parties at the named forum, on the anaphor's day."""
    return replace(
        event,
        event_type="multilateral meeting",
        actors=tuple(dict.fromkeys(event.actors + event.recipients)),
        recipients=(),
        paragraph=anaphor.paragraph,
        evidence=anaphor.sentence,
        trigger=f"sidelines of {anaphor.forum}",
        proposed_actors=(),
    )
