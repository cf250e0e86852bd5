"""The action words of a sentence: the triggers' matches (:func:`_action_matches`) and the
CAMEO lexicon's verbs where no trigger reads the sentence (:func:`_lexicon_matches`)."""

from __future__ import annotations

import re

from dashboard import lexicon
from dashboard.extraction.patterns import (
    _OF_AFTER,
    _PREPOSITION,
    _PRONOUN,
    _RELATIVE_TO,
    _clause_start,
    _participle_opening,
    _purpose_opening_end,
)
from dashboard.extraction.triggers import (
    _CIVILIANS,
    GESTURE_OF_SUPPORT,
    INTO_SERVICE,
    RESOLUTION_ADOPTED,
    RESOLUTION_DEMAND,
    TRIGGERS,
    WEAPON_WORD,
    Trigger,
)
from dashboard.parsing import Structure

_INTO_SERVICE = re.compile(INTO_SERVICE, re.IGNORECASE)


def _action_matches(sentence: str) -> list[tuple[Trigger, re.Match]]:
    """Each trigger's action words in a sentence, earlier entries claiming their words.

    One event per type and clause: a second match of a type counts only in a clause of
    its own ("held talks ..., and last year dispatched a defence official").
    """
    claimed: list[tuple[int, int]] = []
    found = []
    for trigger in TRIGGERS:
        clauses: set[int] = set()
        for m in trigger.pattern.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in claimed):
                continue
            if trigger.event_type == "coup" and (_annexation(sentence, m) or _title(sentence, m)):
                continue
            if trigger.event_type == "sanction" and _LIFTED.search(sentence, 0, m.start()):
                continue  # "lifted sanctions on X": sanctions ended, none imposed
            if trigger.event_type == "arms transfer" and _SANCTIONED_SUPPLIERS.search(
                sentence, 0, m.start()
            ):
                continue  # "sanctions on firms supplying arms": the sanctioned's trade
            if _INTO_SERVICE.fullmatch(m.group(0)) and not WEAPON_WORD.search(sentence):
                continue  # "brought a hospital into service": no weapons, no transfer
            if trigger.event_type == "meeting" and _gathering_purpose(sentence, m):
                continue  # "brought together leaders from A and B to discuss": the gathering's
            if trigger.event_type == "condemnation" and not (
                _rights_report(sentence, m) and _resolution_demands(sentence, m)
            ):
                continue
            clause = _clause_start(sentence, m.start())
            coordinated = re.search(r"\band\s+$", sentence[: m.start()])
            if _RELATIVE_TO.search(sentence, 0, m.start()) and _OF_AFTER.match(sentence, m.end()):
                clause = m.start()  # "..., following the arrival of X": X's own action
            if clauses and clause in clauses and not coordinated and not _since_told(sentence, m):
                continue  # "talks ... and meet X": a second action of its own, kept
            clauses.add(clause)
            claimed.append((m.start(), m.end()))
            found.append((trigger, m))
    return _attacks_on_civilians(sentence, found)


#: Sanctions ended rather than imposed: "lifted sanctions on", "eased some sanctions
#: against", "the lifting of sanctions on" (no type of ours tells their end).
#: Sanctions on those who supply ("sanctions targeting companies supplying arms",
#: "sanctions on firms that sell weapons"): the supply describes who is sanctioned; it is
#: no transfer told as an event of its own.
_SANCTIONED_SUPPLIERS = re.compile(
    r"\bsanctions\s+(?:against|on|(?:that\s+|which\s+)?target(?:s|ed|ing)?)\s+"
    r"(?:[\w.'\u2019-]+\s+){0,3}?(?:that\s+|which\s+|who\s+)?$",
    re.IGNORECASE,
)
_LIFTED = re.compile(
    r"\b(?:lift(?:s|ed|ing)?|remov(?:e|es|ed|ing)|eas(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|"
    r"revok(?:e|es|ed|ing)|waiv(?:e|es|ed|ing)|relax(?:es|ed|ing)?|roll(?:s|ed|ing)? back|"
    r"(?:lifting|removal|easing|relaxation|revocation) of)\s+(?:[\w.'\u2019-]+\s+){0,2}$",
    re.IGNORECASE,
)


#: A toll told by its act, with civilian victims ("killing 11 children").
#: An action noun told with its own course ("its crackdown on protesters since the
#: coup"): an action of its own beside another of its type in the clause ("killed 114
#: on Saturday, the bloodiest day of its crackdown since last month's coup").
_SINCE_AFTER = re.compile(r"(?:\s+(?:on|against)\s+(?:[\w-]+\s+){1,2}?)?\s*since\b", re.I)


_COURSE_NOUN = re.compile(
    r"(?:crackdowns?|killings|protests|clashes|fighting|violence|repression|offensive)$", re.I
)


def _since_told(sentence: str, match: re.Match) -> bool:
    return bool(_COURSE_NOUN.search(match.group(0)) and _SINCE_AFTER.match(sentence, match.end()))


_CIVILIAN_TOLL = re.compile(rf"(?:kill|slaughter|murder)\w* .*\b{_CIVILIANS}\b", re.IGNORECASE)


def _attacks_on_civilians(sentence: str, found: list) -> list[tuple[Trigger, re.Match]]:
    """An attack told with a toll of civilians after it ("shelled a village, killing 11
    civilians", "airstrikes were slaughtering civilians") is one event, violence against
    civilians, told by the attack's words (whose subject acts); a toll of fighters, or
    none, leaves the armed clash."""
    tolls = [
        (t, m)
        for t, m in found
        if t.event_type == "violence against civilians" and _CIVILIAN_TOLL.match(m.group(0))
    ]
    told: dict[int, Trigger] = {}  # attack's index -> the toll's trigger
    spent: set[int] = set()  # the tolls told as an attack's, by their start
    for i, (trigger, m) in enumerate(found):
        if trigger.event_type != "armed clash":
            continue
        for toll, v in tolls:
            between = sentence[m.end() : v.start()]
            if (
                v.start() not in spent
                and 0 <= len(between) < 120
                and not re.search(r"[;:.]", between)
            ):
                told[i] = toll
                spent.add(v.start())
                break
    return [
        (told.get(i, trigger), m)
        for i, (trigger, m) in enumerate(found)
        if not (trigger.event_type == "violence against civilians" and m.start() in spent)
    ]


#: Verbs that report what someone said, never an action of their own.
REPORTING_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "note",
        "add",
        "state",
        "report",
        "claim",
        "announce",
        "write",
        "quote",
        "insist",
        "argue",
        "explain",
        "stress",
        "emphasize",
        "emphasise",
        "describe",
        "comment",
        "reply",
        "respond",
        "confirm",
        "deny",
        "acknowledge",
        "admit",
        "mention",
        "reiterate",
        "declare",
        "recall",
    ]
)
_TRIGGER_OF = {t.event_type: t for t in TRIGGERS}


#: A meeting named by a word no trigger reads ("attended the session", "the closed-door
#: sitting", "the debate"): attending it is taking part in a meeting, not a visit.
_SITTING = re.compile(r"\b(?:sessions?|sittings?|debates?|hearings?|briefings?)\b", re.I)


#: A standing told in the present ("X occupies an important strategic location", "holds
#: a key position", "occupies a central place"): where a party stands, no act. Troops'
#: "occupied a hilltop position" (past) stays an act.
_STANDING = re.compile(r"\b(?:location|position|place|role|spot|niche|rank)$", re.I)


def _standing(structure: Structure, sentence: str, verb: int, obj: tuple[int, int]) -> bool:
    """Whether the verb at ``verb`` is in the simple present and its direct object
    ``obj`` ends on a noun of standing (:data:`_STANDING`)."""
    token = structure.token(verb)
    return (
        token is not None
        and token.tag_ in ("VBZ", "VBP")
        and _STANDING.search(sentence, obj[0], obj[1]) is not None
    )


#: "In a show of support for X, Y attended ...": the gesture is the act the sentence tells.
_GESTURE = re.compile(rf"\b{GESTURE_OF_SUPPORT}\b", re.I)


def _lexicon_matches(sentence: str, found, named) -> list[tuple[Trigger, re.Match]]:
    """The fallback: verbs only the CAMEO lexicon knows (:mod:`dashboard.lexicon`).

    A verb proposes the type its CAMEO code maps to when none of :data:`TRIGGERS`
    fires on it nor on its direct object ("attended the forum" is the forum), it is
    its clause's own action, told as done or future (not modal,
    conditional or passive: :meth:`Structure.action_verbs`), not a reporting verb,
    its subject names a participant (an actor or country of ``named``), and the
    sentence tells no action of that type already (by our words or an earlier verb:
    "attended a conference in Russia ..., and travelled there again": one visit), nor
    frames its act as a gesture of support ("in a show of support for X, Y attended
    ...": the support is what is told, a statement of support, :data:`GESTURE_OF_SUPPORT`).
    """
    if _GESTURE.search(sentence):
        return []
    claimed = [(m.start(), m.end()) for _, m in found]
    structure = Structure.of(sentence)
    taken = {t.event_type for t, _ in found}
    matches = []
    for start, end, lemma, particle in structure.action_verbs():
        if lemma in REPORTING_LEMMAS or _claimed(claimed, (start, end)):
            continue
        obj = structure.direct_object(start)
        if _claimed(claimed, obj):
            continue  # "attended the forum": the forum is the action, told by our words
        if obj is not None and _SITTING.search(sentence, obj[0], obj[1]):
            continue  # "attended the session": a part in a meeting, no act of its own
        if obj is not None and _standing(structure, sentence, start, obj):
            continue  # "Myanmar occupies a strategic location": a standing, no act
        code, end = _lexicon_code(sentence, lemma, particle, end)
        event_type = lexicon.fallback_type(code, sentence[end : end + 80]) if code else None
        if event_type is None or event_type in taken:
            continue  # unmapped, or an action of the type is told in the sentence already
        if _named_subject(structure, start, named):
            taken.add(event_type)
            match = re.compile(re.escape(sentence[start:end])).match(sentence, start)
            matches.append((_TRIGGER_OF[event_type], match))
    return matches


def _claimed(claimed: list[tuple[int, int]], span: tuple[int, int] | None) -> bool:
    return span is not None and any(s < span[1] and span[0] < e for s, e in claimed)


def _named_subject(structure: Structure, verb: int, named) -> bool:
    """Whether the subject of the verb at ``verb`` names a participant of ``named``."""
    subject = structure.subject(verb)
    if subject is None:
        return False
    words = structure.doc.text[subject[0] : subject[1]]
    return bool(_PRONOUN.fullmatch(words)) or any(subject[0] <= m.start < subject[1] for m in named)


_NEXT_WORD = re.compile(r"\s*\S+")


def _lexicon_code(sentence: str, lemma: str, particle: str, end: int) -> tuple[str | None, int]:
    """The CAMEO code of a verb ending at ``end`` and where its words end: the phrasal
    verb's ("depart for") where the lexicon has it, else the verb's own."""
    verbs = lexicon.cameo_verbs()
    phrase = f"{lemma} {particle}"
    if particle and phrase in verbs:
        return verbs[phrase], _NEXT_WORD.match(sentence, end).end()
    return lexicon.code_of(lemma), end


#: Taking territory, not power: "the annexation of Crimea", "the military takeover of
#: Crimea" (a place named after "of") is no coup.
_ANNEX = re.compile(r"\bannex(?:ed|es|ing|ation)?\b", re.IGNORECASE)
_OF_A_PLACE = re.compile(
    r"\s+(?:of|over)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
    r"[A-Z]"
)


#: A coup's words ending on whom it ousts ("ousted the elected government", "toppled
#: the president"): a name after them is the holder's, not a territory's.
_OUSTED = re.compile(r"\b(?:government|president|leader|prime minister)$", re.IGNORECASE)


#: A report's release as a condemnation: by whom or of what only a rights body's
#: report is an accusation ("the UN special rapporteur on human rights ... released the
#: report", "published a report documenting abuses"); a budget report is none.
_REPORT_RELEASED = re.compile(r"(?:releas|publish|issu|present)\w* (?:[\w-]+ ){0,3}?report$", re.I)
_RIGHTS_WORDS = re.compile(
    r"\b(?:rapporteur|rights|investigators?|watchdog|monitors?|abuses|violations|atrocities|"
    r"war crimes|accus\w+|document\w*|detail\w*)\b",
    re.IGNORECASE,
)


def _rights_report(sentence: str, match: re.Match) -> bool:
    """Whether the action words, if a report's release, are a rights body's or expert's
    report (their clause before, or the words after, tell rights or abuses)."""
    if not _REPORT_RELEASED.search(match.group(0)):
        return True  # not a report's release: any condemnation word stands
    before = sentence[_clause_start(sentence, match.start()) : match.start()]
    return bool(_RIGHTS_WORDS.search(before) or _RIGHTS_WORDS.search(sentence, match.end()))


_RESOLUTION = re.compile(RESOLUTION_ADOPTED + "$", re.IGNORECASE)


def _resolution_demands(sentence: str, match: re.Match) -> bool:
    """Whether the action words, if a resolution's adoption, make a demand of their own:
    in the 120 characters after them ("adopted a resolution demanding ..."), or in an
    opening clause of purpose or participle before them ("In order to call for an end to
    ..., the Council adopted a resolution", "Demanding ..., X passed"); an adoption
    alone, or after another's call, is none."""
    if not _RESOLUTION.match(match.group(0)):
        return True  # not a resolution: any condemnation word stands
    after = RESOLUTION_DEMAND.search(re.match(r"[^.;]*", sentence[match.end() :]).group(0))
    if after and after.start() <= 120:
        return True
    participle = _participle_opening(sentence)
    opening = _purpose_opening_end(sentence, match.start()) or (participle and participle.end())
    return bool(
        opening and opening <= match.start() and RESOLUTION_DEMAND.search(sentence[:opening])
    )


#: Verbs of a gathering (with "together" after "bring"): "The summit brought together
#: leaders from A, B and C to discuss ...", "the forum gathered ministers ... to hold talks".
_GATHERING_LEMMAS = frozenset(["gather", "convene", "assemble"])


def _gathering_purpose(sentence: str, match: re.Match) -> bool:
    """Whether the talks are the purpose of a gathering told in the sentence (their verb
    an adverbial or complement clause of "brought together", "gathered", "convened"):
    the talks are the gathering, told by its own noun or verb, no meeting of the last
    party named ("travelled to Hanoi to discuss ..." is still a meeting)."""
    verb = Structure.of(sentence).predicate(match.start())
    if verb is None or verb.dep_ not in ("advcl", "xcomp") or verb.head.i == verb.i:
        return False
    head = verb.head
    return head.lemma_ in _GATHERING_LEMMAS or (
        head.lemma_ == "bring" and any(c.text.casefold() == "together" for c in head.children)
    )


#: An ousting told as an adjective of the one ousted ("including ousted leader X",
#: "Myanmar's ousted president", "Ousted leader X said"): an earlier act named, no new
#: act. Only where no subject can precede "ousted": a sentence's start, a
#: possessive, "including"/"former" or a preposition (:data:`_PREPOSITION`).
_OUSTING = re.compile(r"(?:ousted|toppled)(?!\s+the\b)", re.IGNORECASE)
_NO_SUBJECT_BEFORE = re.compile(
    r"(?:^|[;:(\"\u201c]|['\u2019]s|\b(?:its|their|his|her|including|former))\s*$", re.I
)


def _title(sentence: str, match: re.Match) -> bool:
    """Whether a coup's words are an ousting told as the title of the one ousted."""
    before = sentence[: match.start()]
    return bool(
        _OUSTING.match(match.group(0))
        and (_NO_SUBJECT_BEFORE.search(before) or _PREPOSITION.search(before))
    )


def _annexation(sentence: str, match: re.Match) -> bool:
    """Whether a coup's words tell the seizure of a territory (an annexation) instead.
    A name after "of" is the territory taken ("the takeover of Crimea"), except after
    the government or leader the coup ousts ("ousted the government of X": whose)."""
    clause = sentence[_clause_start(sentence, match.start()) : match.end() + 40]
    if _ANNEX.search(clause):
        return True
    return not _OUSTED.search(match.group(0)) and bool(_OF_A_PLACE.match(sentence, match.end()))
