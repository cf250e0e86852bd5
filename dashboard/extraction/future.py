"""Expected actions: future wording that governs an action ("will visit", a headline's "X to
meet", "kicking off Tuesday", "soon")."""

from __future__ import annotations

import re

from dashboard.extraction.patterns import (
    _CLAUSE_BREAK,
    _FUTURE,
    _HEADLINE_FUTURE,
    _PAST_FORM,
    _REPORTING,
    _SUBORDINATOR,
    _clause_start,
)
from dashboard.extraction.triggers import TRIGGERS
from dashboard.parsing import Structure

#: An action word right after "since" ("since the coup", "since the 2021 takeover"):
#: "since" reaches back to it, so it is past whatever the sentence's tense.
_SINCE_BEFORE = re.compile(
    r"\bsince\s+(?:(?:the|that|this|its|their|his|her|last year's)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


#: A perfect right before a past-form action word ("reports that China has handed over"):
#: the action is done, whatever future governs the sentence ("There will be unease over
#: reports that ..."); not the future perfect or a conditional ("will have delivered").
_PERFECT_BEFORE = re.compile(
    r"(?<!\bwill\s)(?<!\bwould\s)(?<!\bto\s)\b(?:has|have|had)\s+(?:[a-z]+ly\s+)?$",
    re.IGNORECASE,
)


def _is_expected(sentence: str, match: re.Match, headline: bool = False) -> bool:
    """Whether future wording governs this action (per action, not per sentence).

    The future word ("will", "is expected to"; in a headline also "X to meet") must be
    in the action's own clause (a reporting verb or a clause break ends its reach:
    "will visit, TASS reported, marking ... since the army seized power"); a
    past-tense action word after a subordinator ("after he travelled", "since the
    military seized power") tells its own, past, time, and so does any action word
    "since" reaches back to ("will hold its first election since the coup").
    """
    if _SINCE_BEFORE.search(sentence, 0, match.start()):
        return False  # "its first election since the coup": a past point of reference
    if _PAST_FORM.match(match.group(0)) and _PERFECT_BEFORE.search(sentence, 0, match.start()):
        return False  # "over reports that X has handed over ...": done
    start = _clause_start(sentence, match.start())
    if _PAST_FORM.match(match.group(0)):
        subordinate = [m.end() for m in _SUBORDINATOR.finditer(sentence, start, match.start())]
        start = max([start, *subordinate])
    prefix = sentence[start : match.start()]
    told = prefix + match.group(0)  # a headline's "to" may come right before the action
    return bool(
        _FUTURE.search(prefix)
        or _START_AFTER.match(sentence, match.end())
        or (headline and _headline_future(told, len(prefix)))
        or _is_soon(sentence, match)
        or Structure.of(sentence).is_future(match.start())
    )


def _headline_future(told: str, action: int) -> bool:
    """A headline's "X to meet Y": the "to" governs the action unless its verb is
    another action whose object the action is ("fails to condemn Myanmar coup")."""
    future = list(_HEADLINE_FUTURE.finditer(told))
    if not future:
        return False
    verb = future[-1].end() - len(future[-1].group(0).split()[-1])
    between = told[verb:action]
    if verb >= action or re.search(r"\b(?:on|in|at|for|during|with|after|before|to)\b", between):
        return True  # "to meet X on visit to Y": the visit is still the future's
    return not any(t.pattern.match(told, verb) for t in TRIGGERS)


#: A present participle of a future start right after an action noun ("a conference
#: kicking off Tuesday", "the forum opening next week"): the action is expected.
_START_PARTICIPLE = (
    r"(?:kicking off|opening|starting|beginning|getting under ?way|commencing|convening)"
)
_START_AFTER = re.compile(rf"\s+{_START_PARTICIPLE}\b(?!\s+(?:of|up|fire)\b)", re.IGNORECASE)
#: The same participle right before date words: they are its noun's, no other action's.
_START_BEFORE = re.compile(rf"\b{_START_PARTICIPLE}\s+(?:on\s+)?$", re.IGNORECASE)


def _started_by_another(sentence: str, match: re.Match, mention) -> bool:
    """Date words a start participle owns ("... for a conference kicking off Tuesday")
    that belong to the action noun right before it, not to ``match``."""
    participle = _START_BEFORE.search(sentence, 0, mention.start)
    return participle is not None and not _START_AFTER.match(sentence, match.end())


#: An action noun told as upcoming ("an upcoming summit", "the forthcoming Oct 26
#: summit"): expected, dated only by the words it carries.
_UPCOMING = re.compile(r"\b(?:upcoming|forthcoming)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
#: "soon": a future with no date (nothing else in the text may date it).
_SOON = re.compile(r"\b(?:soon|shortly|in the near future|in the coming (?:days|weeks))\b")


def _is_soon(sentence: str, match: re.Match) -> bool:
    """Whether "soon" (or "shortly") is in the action's own clause, after it."""
    end = next((b.start() for b in _CLAUSE_BREAK.finditer(sentence, match.end())), len(sentence))
    reporting = _REPORTING.search(sentence, match.end(), end)
    return bool(_SOON.search(sentence, match.end(), reporting.start() if reporting else end))
