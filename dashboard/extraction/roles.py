"""Roles: who acts and who receives an action (subjects, agents, the named and the blamed,
givers, governments, parties and counterparts of a country told)."""

from __future__ import annotations

import re

from dashboard.actors import ActorDirectory
from dashboard.extraction.actor_finder import (
    _ActorFinder,
    _apposed_envoys,
    _counterpart_names,
    _envoy_name,
    _titled_initials,
    _titled_ministers,
)
from dashboard.extraction.actor_words import _MADE_IN, _MAKER_AFTER, _subject_person
from dashboard.extraction.article import _dateline_end
from dashboard.extraction.candidate import Candidate, Mention, _dedupe
from dashboard.extraction.dating import (
    _OPENING_PHRASE,
    _OPENING_SUBORDINATE,
    _PERSONAL_SUBJECT,
    _RELATIVE_OPENING,
    _SINCE_WORD,
    COURSES,
    _object_of_another,
    _speaker_of_occasion,
)
from dashboard.extraction.merging import _told_in_action
from dashboard.extraction.patterns import (
    _AGENT,
    _BOTH_COUNTRIES,
    _CLAUSE_BREAK,
    _CONDEMNING,
    _DELEGATION_LED_BY,
    _ENVOY,
    _HANDS_OF,
    _NAME_RE,
    _NOT_NAMES,
    _OF_AFTER,
    _PASSIVE_BEFORE,
    _PASSIVE_OPENING,
    _PAST_FORM,
    _POSSESSOR_BEFORE,
    _PREPOSITION,
    _PRONOUN,
    _REPORTING,
    _UNNAMED_OFFICE,
    _VISIT_NOUN,
    _clause_start,
    _participle_opening,
)
from dashboard.extraction.sentence import _Told
from dashboard.extraction.triggers import _EXPERIENCED, _RECEPTION
from dashboard.geography import SPELLINGS, CountryMention, find_places
from dashboard.parsing import Structure


def _proposed_names(sentence: str, mentions: list[Mention], finder: _ActorFinder) -> list[str]:
    """Capitalised names that are neither known actors, countries nor places; a
    diplomat's name without the title before it ("ambassador to Myanmar X": X) or
    after it ("X, the British ambassador,": X); a minister's after a country's title
    ("Britain's foreign minister X": X)."""
    envoys = [e for e in _ENVOY.finditer(sentence) if _envoy_name(e, finder)]
    names = [(e.start("name"), e.group("name")) for e in envoys]
    apposed = _apposed_envoys(sentence, finder)
    names += [(name.start(), name.group("name")) for name, _, _ in apposed]
    names += [
        (name.start("name"), name.group("name"))
        for name in [
            *_titled_ministers(sentence, finder),
            *_titled_initials(sentence, finder),
            *_counterpart_names(sentence, finder),
        ]
    ]
    for match in _NAME_RE.finditer(sentence):
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue  # a known actor's name, also after a capitalised word ("Today X")
        if any(match.start() < e.end() and e.start("name") < match.end() for e in envoys):
            continue  # the diplomat's name, taken above
        words = [w for w in match.group(1).split() if w not in _NOT_NAMES and not _MADE_IN.match(w)]
        opening = _participle_opening(sentence)
        if opening is not None and match.start() == opening.start(1):
            words = words[1:] if words[:1] == [opening.group(1)] else words  # "Countering"
        if len(words) < 2 or words != match.group(1).split()[-len(words) :]:
            continue
        name = " ".join(words)
        if name in SPELLINGS or find_places(name) or name.casefold() in finder.by_spelling:
            continue
        names.append((match.start(), name))
    return list(dict.fromkeys(name for _, name in sorted(names)))


def _roles(
    sentence: str, trigger: re.Match, mentions: list[Mention], finder, actions, countries=()
):
    """Split actor mentions into initiators and recipients around the action word.

    The initiators are the mentions in the action's clause before it; failing those, a
    subject pronoun ("since it executed") stands for the last body ("it") or person
    ("he") told, and a clause with no subject of its own (", and last year
    dispatched") shares the sentence's subject, which may be a country (then none here,
    see :func:`_subject_countries`); "both countries" or "the two countries" as the
    clause's subject ("X told Y that the two countries signed") are their governments;
    otherwise the last mention before the action.
    """
    before = [m for m in mentions if m.start < trigger.start()]
    after = [m for m in mentions if m.start >= trigger.end()]
    clause = _clause_start(sentence, trigger.start())
    # a list of names the clause break falls inside ("observers from A, B, and C")
    in_clause = [m for m in before if m.end > clause]
    initiators = in_clause or _antecedent(sentence, clause, before)
    opening = _OPENING_PHRASE.match(sentence)
    if opening is not None and opening.end() <= trigger.start():
        # "On the sidelines of the X summit, Y met Z": the phrase's names set the scene;
        # the clause's own subject acts
        initiators = [m for m in initiators if m.start >= opening.end()] or initiators
    visitor = _OF_AFTER.match(sentence, trigger.end())
    if visitor and _VISIT_NOUN.search(trigger.group(0)):
        # "the arrival of a delegation from X": X's visit, told as a noun; "a visit by
        # the Asian country's junta chief": the one a possessive's head names
        named = [
            m
            for m in after
            if m.start == visitor.end()
            or _POSSESSOR_BEFORE.fullmatch(sentence, visitor.end(), m.start)
        ][:1]
        if named:
            return named, [m for m in after if m not in named]
    if not initiators:
        pronoun = [p for p in _PRONOUN.finditer(sentence, clause, trigger.start())]
        coordinated = re.search(r",\s+and\s*$", sentence[:clause])
        if pronoun:
            person = bool(pronoun[-1].group(1))
            told = [
                m.actor
                for m in before
                if (finder.directory.kinds.get(m.actor) == "person") == person
            ]
            last = (finder.last_subject or finder.last_person) if person else finder.last_body
            # "X visited ... to meet Y and he also met Z": he is the sentence's subject
            subject = _subject_person(sentence, mentions, finder.directory) if person else None
            actor = subject if subject in told else (told[-1] if told else last)
            initiators = [Mention(pronoun[-1].start(), pronoun[-1].end(), actor)] if actor else []
        elif coordinated:
            first = min((a for a, _ in actions), default=trigger.start())
            head = _clause_start(sentence, first)
            initiators = [m for m in before if head <= m.start < first]
        elif both := _both_countries(sentence, clause, trigger.start(), countries, finder):
            initiators = both
        elif _country_subject_in(sentence, clause, trigger.start(), countries):
            initiators = []  # "..., after Moscow delivered jets": the country acts
        else:  # the sentence's subject, not an object told before ("from X, but ...")
            # nor a name of an opening subordinate clause ("Since the coup that ousted
            # X, the United States and its allies have imposed ...": not X's act)
            opening = _OPENING_SUBORDINATE.match(sentence)
            if opening is not None and opening.end() <= clause:
                before = [m for m in before if m.start >= opening.end()]
            subjects = [m for m in before if not _OBJECT_BEFORE.search(sentence[: m.start])]
            initiators = subjects[:1] or before[-1:]
    source = _REPORTING.search(sentence, trigger.end())
    if source:
        after = [m for m in after if m.start < source.start()]
    agents = [m for m in after if _AGENT.search(sentence[: m.start])]
    # "the death of N people at the hands of X", right after the action words: X's
    agents += [m for m in after if _HANDS_OF.fullmatch(sentence, trigger.end(), m.start)]
    if agents:
        return agents, [m for m in after if m not in agents]
    return initiators, after


def _antecedent(sentence: str, clause: int, before: list[Mention]) -> list[Mention]:
    """The subject of a relative clause opening at ``clause``: the mention right before
    its ", which" / ", who" ("the military, which seized power": the military seized
    it), else none."""
    opening = _RELATIVE_OPENING.search(sentence, 0, clause)
    if opening is None:
        return []
    return [m for m in before if not sentence[m.end : opening.start()].strip()]


#: The verb right after a subject: "Moscow delivered", "Russia has sent".
_VERB_AFTER = re.compile(r"\s+(?:\w+ed|has|have|had|is|was|were|will|would|says|said|sent)\b")


_CLAUSE_OPENING = re.compile(
    r"(?:.*,\s*)?(?:(?:since|because|after|before|when|until)\s+)?(?:the\s+)?", re.DOTALL
)


def _country_subject_in(sentence: str, clause: int, end: int, countries) -> bool:
    """Whether a country or capital is the subject of the clause from ``clause`` to the
    action at ``end``: first in it (after a comma at most), right before a verb."""
    named = [(c.start, c.end) for c in countries if c.country]
    named += [(start, stop) for start, stop, _ in find_places(sentence)]
    return any(
        clause <= start < end
        and _VERB_AFTER.match(sentence, stop)
        # first in its clause ("In 2024, Moscow sent"), not "between A and B had"
        and _CLAUSE_OPENING.fullmatch(sentence, clause, start)
        for start, stop in named
    )


def _both_countries(sentence, clause: int, end: int, countries, finder) -> list[Mention]:
    """The governments of "both countries" / "the two countries" told as the subject of
    the clause ``clause:end`` (not after a preposition), else none."""
    told = [
        c
        for c in countries
        if clause <= c.start < end
        and _BOTH_COUNTRIES.fullmatch(c.text)
        and not _PREPOSITION.search(sentence[: c.start])
    ]
    return _governments_of(told, finder)


#: A preposition or an object's verb a few words before a name: the name is no subject
#: ("seized power from elected leader X", "met with the chief of X").
_OBJECT_BEFORE = re.compile(
    r"\b(?:by|with|to|of|for|from|against|on|at|in|over|about|than|told|met|and)\s+"
    r"(?:[\w'\u2019.-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _subject_countries(
    sentence: str,
    countries: list[CountryMention],
    mentions: list[Mention],
    trigger: re.Match,
    actions: list[tuple[int, int]],
) -> list[str]:
    """Countries (or capitals) acting as subjects before the action ("the U.S. called").

    Those in the action's own clause; a clause without a subject of its own (", and
    last year dispatched") takes the subject of the sentence's first action; failing
    that, any earlier in the sentence ("the U.S. called ..., and repeated its appeal":
    the U.S. is the subject of both).
    """
    named = [(c.start, c.end, c.country, c.text) for c in countries]
    named += [(start, end, place.country, "") for start, end, place in find_places(sentence)]
    dateline = _dateline_end(sentence)  # "Brussels [Belgium], November 9 (ANI): ": no subject
    subjects = [
        (start, country)
        for start, end, country, text in named
        if dateline <= start
        and end <= trigger.start()
        and not any(m.start <= start < m.end for m in mentions)
        and not _PREPOSITION.search(sentence[:start])
        and not text.endswith(("'s", "\u2019s"))
        # "Russian-supplied jets bombed": the maker of the weapons, not who uses them
        and not _MAKER_AFTER.match(sentence, end)
    ]
    clause = _clause_start(sentence, trigger.start())
    in_clause = [country for start, country in sorted(subjects) if start >= clause]
    if not in_clause and re.search(r",\s+and\s*$", sentence[:clause]):
        first = min((a for a, _ in actions), default=trigger.start())
        head = _clause_start(sentence, first)
        in_clause = [country for start, country in sorted(subjects) if head <= start < first]
    return in_clause or [country for _, country in sorted(subjects)][:1]


#: A passive naming who did the action that follows as a gerund: "X singled out for
#: supplying", "X accused of selling", "X blamed for".
_NAMED_FOR = re.compile(
    r"\s+(?:(?:is|was|were|are|has been|have been|being)\s+)?(?:singled out|accused|blamed|"
    r"critici[sz]ed|condemned|praised|sanctioned|known)\s+(?:for|of)\s+$",
    re.IGNORECASE,
)


def _named_for(sentence, match, mentions, countries, finder) -> Mention | None:
    """The agent of a gerund action named by a passive just before it, or None.

    "with Russia singled out for supplying the junta": the actor or country right
    before the passive supplies (a country acts through its government actor).
    """
    passive = _NAMED_FOR.search(sentence, 0, match.start())
    if passive is None or passive.end() != match.start():
        return _blamed_for(sentence, match, mentions)
    before = [m for m in mentions if m.end == passive.start()]
    if before:
        return before[-1]
    for country in countries:
        if country.end == passive.start() and country.country:
            actor = finder.government_of(country.country)
            return Mention(country.start, country.end, actor) if actor else None
    return None


#: An active blame right before a gerund: "condemned the military of X for killing".
_BLAMED_FOR = re.compile(
    r"\b(?:condemned|accused|blamed|critici[sz]ed|denounced)\s+([^,;]{1,60}?)\s+(?:for|of)\s+$",
    re.IGNORECASE,
)


def _blamed_for(sentence, match, mentions) -> Mention | None:
    """ "condemned X for killing ...": X, the one blamed, does the gerund's act."""
    blamed = _BLAMED_FOR.search(sentence, 0, match.start())
    if blamed is None or blamed.end() != match.start():
        return None
    inside = [m for m in mentions if blamed.start(1) <= m.start < blamed.end(1)]
    return inside[-1] if inside else None


_RECEIVED = re.compile(rf"\b{_RECEPTION}$", re.IGNORECASE)
_FROM_GIVER = re.compile(r"\s+(?:[\w,]+\s+){0,3}?from\s+([^;.]+)")


def _received_from(sentence, match, mentions, countries, finder) -> list[Mention] | None:
    """Who gives what an actor receives ("X won praise Thursday from Y", "drawing
    condemnation from Y and Z"): the actors and countries named after "from" (a country
    acts through its government, when no actor is named), or None when the action is
    not told as received."""
    if not (_RECEIVED.search(sentence, 0, match.start()) or re.match(_RECEPTION, match[0])):
        return None
    giver = _FROM_GIVER.match(sentence, match.end())
    if giver is None:
        return None
    start, end = giver.span(1)
    found = [m for m in mentions if start <= m.start < end]
    # "drew condemnation from Britain": a country acts through its government
    found = found or _governments_in(countries, finder, start, end)
    return sorted(found, key=lambda m: m.start) or None


#: Praise words (the statement-of-support trigger's "praised", "hailed", "lauded").
_PRAISE = re.compile(r"(?:prais|hail|laud)(?:e|es|ed|ing)\b", re.IGNORECASE)


def _governments_in(countries, finder, start: int, end: int) -> list[Mention]:
    """The governments of the countries told between ``start`` and ``end``, as mentions."""
    return _governments_of([c for c in countries if start <= c.start and c.end <= end], finder)


def _governments_of(countries, finder) -> list[Mention]:
    """The governments (:meth:`_ActorFinder.government_of`) of ``countries`` (country
    mentions), as mentions where each country is told; countries without one are left out."""
    found = [(c, finder.government_of(c.country)) for c in countries if c.country]
    return [Mention(c.start, c.end, actor) for c, actor in found if actor]


#: "both sides", "the two sides": the parties of the event just told.
_BOTH_SIDES = re.compile(
    r"\b(?:[Bb]oth|[Tt]he two) (?:sides|men|women|leaders|ministers)\b"
    # "The two previously spoke ...": the two just told, as a clause's subject
    r"|\b[Tt]he two(?=\s+(?:\w+ly\s+)?(?:[a-z]+ed|met|spoke|held|had|signed)\b)"
)


def _parties(candidate: Candidate, finder: _ActorFinder) -> tuple[str, ...]:
    """The sides of an event: its actors and recipients, and for each country it names
    that none of them belongs to (the host of a visit to Moscow), that country's
    government actor."""
    parties = candidate.actors + candidate.recipients
    theirs = {finder.directory.country_of(p) for p in parties}
    hosts = [finder.government_of(c) for c in candidate.countries if c not in theirs]
    return _dedupe([*parties, *hosts])


#: A reporting verb, the day it was said and "that": "X said on Thursday that ...".
_SAID_ON_THAT = re.compile(
    r"\b(?:said|says|reported|told (?:\w+ ){1,2}?|stated|alleged)"
    r"(?P<when>(?:\s+\w+){0,3}?)\s+that\b"
)
#: Killings a speaker reports: the report is an accusation of who killed.
ACCUSED_OF = frozenset({"violence against civilians", "repression/execution"})


def _said_before(sentence: str, match: re.Match) -> re.Match | None:
    """The last "X said (on <day>) that" before the action, if any."""
    return next(reversed(list(_SAID_ON_THAT.finditer(sentence, 0, match.start()))), None)


def _delegation_body(told: _Told, match: re.Match) -> Mention | None:
    """ "a delegation led by X (unknown) visited": the delegation's country's body (X is
    proposed for review as a new actor), or None. A military group ("a parade
    contingent led by X", also told right after the action noun that names it) is the
    country's armed forces."""
    led = _DELEGATION_LED_BY.search(told.sentence, 0, match.start())
    after = _DELEGATION_LED_BY.search(told.sentence, match.end(), match.end() + 40)
    if after and not told.sentence[match.end() : after.start()].strip():
        led = after  # "a military parade contingent led by X": the noun's own group
    if not led:
        return None
    directory, finder = told.finder.directory, told.finder
    countries = [c.country for c in told.countries if c.start < match.start()]
    countries += [directory.country_of(m.actor) for m in told.mentions if m.start < match.start()]
    of = finder.forces_of if led["military"] else finder.government_of
    body = next(filter(None, (of(c) for c in countries if c)), None)
    return Mention(led.start(), led.end(), body) if body else None


#: "and" right before a past-tense verb: a second verb of the same subject.
_AND_VERB = re.compile(r"and\s+[a-z]+ed\b")


def _and_start(sentence: str, match: re.Match) -> int:
    """Where an "and" right before the action word starts (else past the sentence)."""
    before = re.search(r"\band\s+$", sentence[: match.start()])
    return before.start() if before else len(sentence)


def _action_roles(told: _Told, trigger, match, subject_of):
    """(initiators, receivers, unknown): the mentions that act and receive, and whether
    the action is an unknown person's (a proper name the directory lacks, or no one
    named: a passive condemnation with no agent, then with no receivers either)."""
    sentence, finder, mentions = told.sentence, told.finder, told.mentions
    structure = Structure.of(sentence)
    initiators, receivers = _roles(sentence, match, mentions, finder, told.actions, told.countries)
    # recipients are in the action's own clause ("was on a visit to X, as Y tries")
    receivers = [m for m in receivers if structure.in_clause_of(match.start(), m.start)]
    said = _said_before(sentence, match)
    if said is not None and trigger.event_type in ACCUSED_OF:
        # "X said that soldiers had killed ...": X tells, the soldiers act
        initiators = [m for m in initiators if m.start >= said.end()]
    if trigger.event_type in COURSES:  # "... since the junta's takeover": its onset only
        since = _SINCE_WORD.search(sentence, match.end())
        receivers = [m for m in receivers if since is None or m.start < since.start()]
    # "while Zed Bo, a name the directory lacks, also visited": the act is his
    # (proposed for review), never the sentence subject's
    unknown = _unknown_subject(structure, match, mentions, told.countries, told.places)
    # "last year you attended our parade": the speaker or the one addressed, whom the
    # words do not name - no one else of the sentence acts for them
    unknown = unknown or bool(_PERSONAL_SUBJECT.search(sentence, 0, match.start()))
    if unknown:
        initiators = []
    if not initiators:
        body = _delegation_body(told, match)
        if body is not None:
            initiators, unknown = [body], False
    speaker = _speaker_of_occasion(told, match)
    if speaker is not None:  # "X said during talks with Y": X holds the talks
        initiators = [speaker]
    if trigger in subject_of and re.search(r"\band\s+$", sentence[: match.start()]):
        initiators = subject_of[trigger]  # "A held talks with B and met C": A meets C
    elif subject_of and _AND_VERB.match(sentence, _and_start(sentence, match)):
        # "A has slammed B for ... and urged C to ...": A urges, as A did the sentence's
        # first action (B is its object)
        initiators = next(iter(subject_of.values())) or initiators
    subject_of.setdefault(trigger, initiators)
    if trigger.event_type in ("arms transfer", "sanction/embargo call"):
        # "supplying the junta with drones", "called on the Council to impose a ban"
        receivers = _told_in_action(match, mentions) + receivers
    if _PRAISE.match(match.group(0)) and not receivers:
        # "hailed India's help to X", "praised China's assistance": the country whose
        # help (ties, role) the praise words name, told as its possessor, receives it
        # (not the praiser's own: "Modi praised India's role")
        praised = _governments_in(told.countries, finder, match.start(), match.end())
        own = {m.actor for m in initiators}
        own |= {finder.directory.country_of(a) for a in own}
        receivers = [
            m
            for m in praised
            if sentence[m.start : m.end].endswith(("'s", "\u2019s"))
            and not {m.actor, finder.directory.country_of(m.actor)} & own
        ]
    agent = _named_for(sentence, match, mentions, told.countries, finder)
    if agent is not None:  # "X singled out for supplying ...": X supplies
        initiators = [agent]
        receivers = [m for m in receivers if m.actor != agent.actor]
    givers = _received_from(sentence, match, mentions, told.countries, finder)
    if givers is not None:  # "X drew condemnation from Y": Y condemns X (the first told)
        before = [m for m in initiators if m.start < match.start()]
        before = before or _governments_in(told.countries, finder, 0, match.start())
        initiators, receivers = givers, before[:1]
    both = next((b for b in _BOTH_SIDES.finditer(sentence) if b.end() <= match.start()), None)
    # "visited X, when both sides agreed": the parties of the event just told; before
    # any event, the two actors the sentence before named (three or more: ambiguous;
    # and of two countries: "X and his ministry" are one side)
    countries = {finder.directory.country_of(a) for a in finder.last_named}
    named = finder.last_named if len(finder.last_named) == len(countries) == 2 else ()
    parties = finder.last_parties or named
    if both and parties and all(m.start < both.start() for m in initiators):
        initiators = [Mention(both.start(), both.end(), a) for a in parties]
    they = _THEY_BEFORE.search(sentence, 0, match.start())
    if (
        they
        and parties
        and trigger.event_type == "meeting"
        and _MET_ALONE.match(sentence, match.start())
    ):
        # "They had last met in April": with no one named, the two parties just told
        initiators = [Mention(they.start(), they.end(), a) for a in parties]
    if _passive(sentence, match):
        # "X were sanctioned by the UK", "X is accused of crimes": X receives; the agent
        # after it acts ("by Y"; a country there is its government)
        agents = [m for m in initiators if m.start >= match.end()]
        agents = agents or _country_agents(told, match)
        if agents:
            # (not an earlier passive's agent: "sanctioned by the EU; X, designated by ...")
            subjects = [
                m
                for m in initiators
                if m.start < match.start() and not _AGENT_BEFORE.search(sentence, 0, m.start)
            ]
            receivers, initiators = subjects + receivers, agents
        elif trigger.event_type == "condemnation" and _CONDEMNING.match(match.group(0)):
            # no accuser named: no event told (nor the subject's country's government's)
            initiators, receivers, unknown = [], [], True
    # "hold talks with A and meet B": each action's recipients end where the next
    # action of the same type begins.
    following = [m.start() for t, m in told.matches if t is trigger and m.start() > match.end()]
    receivers = [m for m in receivers if m.start < min(following, default=len(sentence))]
    return initiators, receivers, unknown


#: A name told in a passive's agent phrase: "by Canada and the ", "by the ".
_AGENT_BEFORE = re.compile(r"\bby\s+(?:[\w'\u2019-]+\s+){0,4}$")


def _passive(sentence: str, match: re.Match) -> bool:
    """Whether the action's verb is told in the passive ("were blacklisted", "is accused")."""
    return bool(
        _PASSIVE_OPENING.match(match.group(0)) or _PASSIVE_BEFORE.search(sentence, 0, match.start())
    )


def _country_agents(told: _Told, match: re.Match) -> list[Mention]:
    """The governments of the countries told as the passive's agent, right after "by" in
    the action's clause ("were sanctioned by the UK", "designated by Canada")."""
    brk = _CLAUSE_BREAK.search(told.sentence, match.end())
    end = brk.start() if brk else len(told.sentence)
    agents = [
        c
        for c in told.countries
        if match.end() <= c.start < end and _AGENT.search(told.sentence, 0, c.start)
    ]
    return _governments_of(agents, told.finder)


#: "They" as the subject right before a verb ("They had last met", "they also met").
_THEY_BEFORE = re.compile(
    r"\b[Tt]hey(?=\s+(?:(?:had|have|last|also|previously|first|already|again|once)\s+){0,3}$)"
)
#: "met" with no object: a meeting of its subject's members with one another ("met in
#: April", "met on the sidelines"), not "met police officers".
_MET_ALONE = re.compile(
    r"(?:met|meet)(?=\s*(?:[.,;]|$|(?:in|on|at|during|last|earlier|before|twice|again)\b))",
    re.IGNORECASE,
)


def _experienced(told: _Told, match: re.Match):
    """(actors, recipients) of a measure the subject experiences ("Since the coup, X has
    faced Western sanctions": Western governments sanction X)."""
    finder = told.finder
    subject = Structure.of(told.sentence).subject(match.start())
    named = [m.actor for m in told.mentions if subject and subject[0] <= m.start < subject[1]]
    named += [
        finder.government_of(c.country)
        for c in told.countries
        if subject and subject[0] <= c.start < subject[1] and c.country
    ]
    actors = _dedupe([finder.adjective_actor(told.sentence, match)])
    return actors, _dedupe(a for a in named if a and a not in actors)


def _action_parties(told: _Told, match, initiators, receivers, unknown):
    """(actors, recipients, tellers) as canonical names: the tellers ("X supplied arms,
    Y said": Y) are no party; without a named actor, the action noun's adjective
    ("Western"), the subject's country, else the governing verb's subject acts."""
    sentence, finder, mentions = told.sentence, told.finder, told.mentions
    tellers = _tellers_after(sentence, match, mentions)
    # a teller who is also the action's subject told before it acts ("ASEAN ministers
    # agreed that X would be invited to the summit, ASEAN's chair said")
    subject = {m.actor for m in initiators if m.end <= match.start()}
    actors = _dedupe(m.actor for m in initiators if m.actor not in tellers - subject)
    recipients = _dedupe(m.actor for m in receivers if m.actor not in (*actors, *tellers))
    if _EXPERIENCED.fullmatch(match.group(0)):
        actors, recipients = _experienced(told, match)
    if not actors and not unknown:
        actors = _dedupe([finder.adjective_actor(sentence, match)])
        recipients = tuple(r for r in recipients if r not in actors)
    if not actors and not unknown:
        subjects = _subject_countries(sentence, told.countries, mentions, match, told.actions)
        for country in subjects[-1:]:
            together = _coordinated_countries(sentence, told.countries, country, match.start())
            actors = _dedupe(finder.government_of(c) for c in together)
            recipients = tuple(r for r in recipients if r not in actors)
    if not actors and not unknown:  # "In addition to meeting X, he paid ...": his
        structure = Structure.of(sentence)
        actors = _dedupe(m.actor for m in _governing_subject(structure, match, mentions, finder))
        recipients = tuple(r for r in recipients if r not in actors)
    if not recipients:
        recipients = tuple(r for r in _country_counterparts(told, match) if r not in actors)
    return actors, recipients, tellers


_AND_BETWEEN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")


def _coordinated_countries(sentence: str, countries, last: str, end: int) -> list[str]:
    """The subject country ``last`` with the countries coordinated before it ("Russia
    and China held talks", "Russia, China and India signed": each acts), in text order;
    none after a preposition ("talks between Russia and China") or a possessive."""
    told = sorted((c for c in countries if c.country and c.end <= end), key=lambda c: c.start)
    at = [i for i, c in enumerate(told) if c.country == last]
    if not at:
        return [last]
    chain = [told[at[-1]]]
    for before in reversed(told[: at[-1]]):
        if not _AND_BETWEEN.fullmatch(sentence, before.end, chain[0].start):
            break
        chain.insert(0, before)
    if _PREPOSITION.search(sentence[: chain[0].start]) or any(
        c.text.endswith(("'s", "\u2019s")) for c in chain
    ):
        return [last]
    return _dedupe(c.country for c in chain)


#: Types whose counterpart "with <country or capital>" is that country's government.
WITH_COUNTERPART = frozenset({"agreement", "meeting", "military cooperation"})
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")


def _country_counterparts(told: _Told, match: re.Match) -> tuple[str, ...]:
    """ "signed an agreement with Moscow (with Russia)": the government of the country
    or capital right after "with" in the action's clause, for the types that have one."""
    kinds = {t.event_type for t, m in told.matches if m is match}
    if not kinds & WITH_COUNTERPART:
        return ()
    brk = _CLAUSE_BREAK.search(told.sentence, match.end())
    end = brk.start() if brk else len(told.sentence)
    named = [(c.start, c.country) for c in told.countries if c.country]
    named += [(start, place.country) for start, _, place in told.places]
    return _dedupe(
        filter(
            None,
            (
                told.finder.government_of(country)
                for start, country in sorted(named)
                if match.end() <= start < end and _WITH_BEFORE.search(told.sentence, 0, start)
            ),
        )
    )


_COUP_NOUN = re.compile(r"coup|military takeover|takeover of|power (?:grab|seizure)", re.I)


def _coup_parties(told: _Told, match, actors, recipients) -> tuple[str, ...]:
    """A coup's actors: national armed forces; none for a coup another action names as
    its object; the ousted country's armed forces for a foreign subject."""
    directory, finder = told.finder.directory, told.finder
    actors = _coup_actors(actors, directory, finder)
    # the coup's country: its armed forces', else told with it, else the text's
    forces = [directory.country_of(a) for a in actors if directory.kinds.get(a) != "person"]
    told_in = next(iter(_coup_country(told, match)), None)
    country = next(filter(None, forces), None) or told_in or finder.text_country
    if _COUP_NOUN.fullmatch(match.group(0)) and country:
        # "Wang became the first to visit since last year's coup": the coup named, not
        # done by a person of the sentence from another country or from one with no
        # armed forces in the directory - by the country's armed forces
        actors = tuple(
            a
            for a in actors
            if directory.kinds.get(a) != "person"
            or (directory.country_of(a) == country and finder.military_of(country))
        )
        actors = actors or tuple(filter(None, [finder.military_of(country)]))
    if actors:
        # "sanctions on Myanmar's military ... protesting February's coup": a coup is
        # the armed forces' act, not a foreign government's (left as itself by
        # :meth:`military_behind`): the armed forces among its actors, else (a coup
        # noun) those of the one country of the sentence that has them in the
        # directory; told with a verb ("since the army seized power") the same when
        # the armed forces are among its actors
        forces = [a for a in actors if directory.kinds.get(a) == "military"]
        if _COUP_NOUN.fullmatch(match.group(0)):
            forces = forces or _dedupe(
                filter(None, (finder.military_of(c.country) for c in told.countries if c.country))
            )
        if len(forces) == 1:  # ... with the coup's leaders the earlier rules kept
            kept = [a for a in actors if directory.kinds.get(a) in ("military", "person")]
            actors = tuple(kept if forces[0] in kept else [forces[0], *kept])
    if _object_of_another(told.sentence, match, told.actions):
        actors = ()  # "X condemned the takeover": X did not seize power
    # "X has not condemned the coup that ended Y's government": a coup is done in
    # the country of those it ousts, by that country's armed forces
    ousted = {directory.country_of(r) for r in recipients} - {""} or _coup_country(told, match)
    if len(ousted) == 1 and (
        not actors or any(directory.country_of(a) not in ousted for a in actors)
    ):
        (country,) = ousted
        military = finder.military_of(country)
        if military:
            actors = (military,)
    return actors


def _coup_country(told: _Told, match: re.Match) -> set[str]:
    """The country a coup is told to happen in: named right before its words ("a
    Myanmar coup", "Myanmar's coup", also after "of" when possessive: "the anniversary
    of Myanmar's military coup") or right after ("a coup in the country", "in
    Myanmar"); else none."""
    sentence = told.sentence
    return {
        c.country
        for c in told.countries
        if c.country
        and (
            (
                0 <= match.start() - c.end <= 12
                and (
                    not re.search(r"\b(?:by|from|of)\s+$", sentence[: c.start])
                    or sentence[c.start : c.end].endswith(("'s", "\u2019s"))
                )
            )
            or re.fullmatch(r"\s+in\s+(?:the\s+)?", sentence[match.end() : c.start])
        )
    }


def _coup_actors(actors, directory: ActorDirectory, finder) -> tuple[str, ...]:
    """A coup's actors: the armed forces behind a government, and no body without a
    country ("the Council met after X seized control": the Council seized nothing)."""
    # a person leading it (the coup leader) acts with the country's armed forces
    leaders = [a for a in actors if directory.kinds.get(a) == "person"]
    forces = _dedupe(
        [finder.military_behind(a) for a in actors]
        + [finder.military_of(directory.countries.get(a, "")) for a in leaders]
    )
    forces = tuple(a for a in forces if a)
    national = tuple(a for a in forces if directory.countries.get(a))
    return national


def _tellers_after(sentence: str, match: re.Match, mentions: list[Mention]) -> set[str]:
    """Who tells an action in a reporting clause after it ("X did Y, Z said"; "..., said
    Z"): the names between a comma after the action and the reporting verb, or right
    after a "said" that follows a comma. They report the action; they do not do it."""
    tellers: set[str] = set()
    for verb in _REPORTING.finditer(sentence, match.end()):
        if verb.group(0).casefold() == "according to":
            continue
        comma = sentence.rfind(",", match.end(), verb.start())
        if comma >= 0:
            tellers |= {m.actor for m in mentions if comma < m.start < verb.start()}
        if re.search(r",\s*[\"\u201d\u2019]?\s*$", sentence[match.end() : verb.start()]):
            after = re.match(r"\s*(?:the |a |an )?", sentence[verb.end() :])
            start = verb.end() + after.end()
            tellers |= {m.actor for m in mentions if m.start == start}
    return tellers


def _governing_subject(structure, match, mentions, finder) -> list[Mention]:
    """The subject the parse gives an action that the clause rules found none for: a
    named actor, or a pronoun for the last subject person ("he") or body ("it")."""
    span = structure.governing_subject(match.start())
    if span is None:
        return []
    start, end = span
    named = [m for m in mentions if start <= m.start < end]
    if named:
        return named[:1]
    word = structure.doc.text[start:end].casefold()
    actor = {"he": finder.last_subject or finder.last_person, "she": finder.last_subject}.get(
        word, finder.last_body if word == "it" else ""
    )
    return [Mention(start, end, actor)] if actor else []


def _unnamed_offices(sentence, match, mentions, countries, structure) -> tuple[str, ...]:
    """Offices told after the action, in its clause, by title alone and not resolved to
    an actor ("he also met Minister of Foreign Affairs"): proposed as new actors. With
    the country said right before ("X's Minister of ..."), :meth:`_ActorFinder.find`
    resolves the holder instead (then a mention covers it and it is not listed here)."""
    found = []
    for office in _UNNAMED_OFFICE.finditer(sentence, match.end()):
        if any(
            m.start <= office.start() < m.end or office.start() <= m.start < office.end()
            for m in mentions
        ):
            continue
        if any(0 <= office.start() - c.end <= 3 for c in countries):
            continue  # "Myanmar's Minister of ...": the text says whose (resolved or not)
        if structure.in_clause_of(match.start(), office.start()):
            found.append(office.group(0))
    return tuple(found)


def _unknown_subject(structure, match, mentions, countries, places) -> bool:
    """Whether the action verb's subject is a proper name no directory actor, country
    or place accounts for ("while second in command Zed Bo also visited"): the act is
    that unknown person's, proposed for review, never the sentence subject's."""
    if not _PAST_FORM.match(match.group(0)) and not match.group(0).casefold().endswith("s"):
        return False
    subject = structure.subject_is_proper_name(match.start())
    if subject is None:
        return False
    start, end = subject
    if start < _dateline_end(structure.doc.text):
        return False  # "BRUSSELS (AP) — The EU imposed ...": the dateline acts not
    known = [(m.start, m.end) for m in mentions] + [(c.start, c.end) for c in countries]
    known += [(s, e) for s, e, _ in places]
    return not any(s < end and start < e for s, e in known)
