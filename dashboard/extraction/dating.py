"""Dating: which date words date an action (its own, its clause's, its paragraph's, a
report's), courses told since an event, and the date of each action as read."""

from __future__ import annotations

import contextlib
import re
from datetime import date, timedelta

from dashboard.dates import (
    COUNT_WORDS,
    ORDINAL_WORDS,
    DateMention,
    DateSpan,
    find_date_expressions,
    month_span,
    resolve_date_expression,
    years_before,
)
from dashboard.extraction.actions import REPORTING_LEMMAS, _action_matches
from dashboard.extraction.candidate import Mention, _dedupe
from dashboard.extraction.future import _UPCOMING, _is_expected, _is_soon, _started_by_another
from dashboard.extraction.patterns import (
    _CLAUSE_BREAK,
    _OTHER_VERB,
    _PAST_FORM,
    _PERFECT,
    _PERFECT_VERB,
    _PROGRESSIVE,
    _RELATIVE_TO,
    _REPORTING,
    _SUBORDINATOR,
    _clause_start,
)
from dashboard.extraction.sentence import _Told, _When
from dashboard.extraction.triggers import _EXPERIENCED, _SINCE_OPENING, TRIGGERS, Trigger
from dashboard.parsing import Structure

#: A subordinate clause opening the sentence: "Since the coup that ousted X, ...".
_OPENING_SUBORDINATE = re.compile(
    r"(?:While|As|Although|Though|Since|After|Before|When|Whereas|Following)\b[^,]*,"
)


#: A prepositional phrase opening the sentence: "On the sidelines of X, ...", "At X's
#: invitation, ...", "During the X summit, ...".
_OPENING_PHRASE = re.compile(
    r"[\"\u201c]?(?:On|At|During|In|Amid|Ahead of|Despite|Under|Besides|Apart from)\b[^,;]*,"
)


_RELATIVE_OPENING = re.compile(r",\s+(?:which|who)\s*$")


#: An action noun named as the time of another act: "..., during a visit by X", "met X
#: on Friday on the sidelines of the BIMSTEC summit", "on the margins of a forum".
_DURING_BEFORE = re.compile(
    r"\b(?:during|on\s+the\s+(?:sidelines|margins|fringes?)\s+of)\s+"
    r"(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w'\u2019-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _date_of_frame(sentence: str, match: re.Match, dates_here) -> DateMention | None:
    """The date words of the act an action noun frames ("X praised the ties on Monday,
    during a visit by Y to Moscow"): the visit was under way that day. Its own words,
    if any, were read first."""
    during = _DURING_BEFORE.search(sentence, 0, match.start())
    if during is None or _OCCASION.search(sentence, 0, match.start()):
        return None  # "X said during talks": the speaking's occasion (_speaker_of_occasion)
    told = [m for m in dates_here if m.end <= during.start()]
    if not told or re.search(r"[\"\u201c\u201d]", sentence[told[-1].end : during.start()]):
        return None  # a quotation's date words ("'This year, ...,' X said during talks")
    return told[-1]


def _framed_clause(sentence: str, match: re.Match) -> tuple[int, int] | None:
    """Where the clause of the act an action noun after "during" frames runs, when that
    clause is told by another verb ("X revealed that Y shipped arms during the
    crackdown": Y's shipping): only date words inside it may date the noun; else None."""
    token = Structure.of(sentence).token(match.start())
    while token is not None and token.dep_ in ("amod", "compound", "poss", "case", "det"):
        token = token.head
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "during":
        return None
    verb = token.head.head
    clause = verb
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if verb.pos_ not in ("VERB", "AUX") or clause.dep_ != "ccomp":
        return None  # only a clause another verb tells ("revealed that ...", "said ...")
    return verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)


def _date_of_during(sentence: str, match: re.Match, dates_here) -> DateMention | None:
    """The date words of an opening "During <event> <date>," phrase (an
    :data:`_OPENING_PHRASE`) for an action of the main clause told with none of its
    own: "During Min Aung Hlaing's visit in March to Belarus, X pledged ...": the
    pledge was made in March, during the visit."""
    opening = _OPENING_PHRASE.match(sentence)
    if opening is None or match.start() < opening.end():
        return None
    if not re.match(r"[\"\u201c]?During\b", opening.group(0)):
        return None  # "Despite ...", "Amid ...": no time of the main clause
    told = [m for m in dates_here if m.end <= opening.end()]
    return told[-1] if told else None


def _date_of(
    trigger, match, sentence, dates_here, anchored, paragraph_dates, actions, published, report
):
    """(span, date words, inherited?) for an action, or None when nothing dates it.

    The first date words after the action in its clause; else the nearest in the
    sentence that no other action word is closer to ("dispatched ... last year" owns
    its "last year"); else an earlier event the sentence names again ("the coup");
    else the paragraph's last date, unless the action is told in the present perfect
    ("has voiced support": an indefinite past). ``report`` is the reporting clause
    closing the sentence (:func:`_closing_report`), read once by the caller.
    """
    course = _course_since_event(trigger, sentence, match, anchored, published, dates_here, actions)
    course = course or _after_course(trigger, sentence, match, dates_here, anchored, published)
    if course is not None:
        return course
    shifted = _day_before_or_after(sentence, match, dates_here)
    shifted = shifted or _anniversary_of(sentence, match, dates_here)
    if shifted is not None:
        return shifted
    noun = next((a for a in trigger.anchors if match.group(0).casefold().startswith(a)), None)
    indefinite = _indefinite(sentence, match, actions)
    nominal = _NOUN_FORM.search(match.group(0)) is not None
    closest = None
    if noun is not None and _reported_object(sentence, match.start()):
        dates_here = []  # "X confirmed the trip on Wednesday": the confirming's day
    elif (inside := _reported_clause(trigger, sentence, match)) is not None:
        # "On Tuesday, X said that the coup threatens ...": the saying's day
        dates_here = [m for m in dates_here if inside[0] <= m.start and m.end <= inside[1]]
    elif (framed := _framed_clause(sentence, match)) is not None:
        # "A report released last week revealed that X shipped arms during the
        # crackdown": the report's day is not the crackdown's
        dates_here = [m for m in dates_here if framed[0] <= m.start and m.end <= framed[1]]
    if dates_here:
        # "X's execution ... grew Tuesday": the date of the verb, not the noun's
        dates_here = [
            m
            for m in dates_here
            if not (
                nominal
                and m.start >= match.end()
                and _finite_verb_between(sentence, match.end(), m.start)
                # "the takeover that ousted X in May": its own relative clause
                and not Structure.of(sentence).in_relative_clause_of(match.start(), m.start)
            )
        ]
        # "the takeover which came after elections held in November": the elections'
        dates_here = [m for m in dates_here if not _placed_against(sentence, match, m)]
        # "a visit ahead of elections due next month": the elections' date words
        dates_here = [m for m in dates_here if not _placed_expected(sentence, match, m)]
        # "concerns ... following the events of 1 February": the events' date words
        dates_here = [m for m in dates_here if not _of_a_placed_event(sentence, match, m)]
        # "to visit since last year's coup": a possessive date is the next noun's
        dates_here = [m for m in dates_here if not _qualifies_another(sentence, match, m, actions)]
        # "condemned the February 1 coup on Monday": the coup's date, not the condemnation's
        dates_here = [m for m in dates_here if not _on_a_later_noun(sentence, match, m, actions)]
        # "kicking off Tuesday": the participle's noun's date, no other action's
        dates_here = [m for m in dates_here if not _started_by_another(sentence, match, m)]
        # "their 35th joint patrol since 2005": the count's onset, not the patrol's date
        dates_here = [m for m in dates_here if not _count_onset(sentence, match, m)]
        following = [
            m
            for m in dates_here
            if m.start >= match.end()
            and not _CLAUSE_BREAK.search(sentence, match.end(), m.start)
            and "," not in sentence[match.end() : m.start]
            # "denounces violations since the coup on Feb. 1": the coup's date words;
            # "condemned X for killing activists over the weekend": the killing's
            and not any(
                match.end() <= a < m.start
                and (
                    _SINCE_OR_PLACED.search(sentence, match.end(), a)
                    or _gerund_after_for(sentence, a)
                )
                for a, _ in actions
            )
        ]
        following = _without_modifier_dates(sentence, following)
        # "his first trip since the 2021 coup", "its 2014 annexation of Crimea": date
        # words between a determiner and another noun are that noun's
        following = [m for m in following if not _on_another_noun(trigger, sentence, match, m)]
        # the action noun's own relative clause first ("the forum, which will be held
        # from May 5 to 8": those days, not a year in its name)
        relative = [
            m
            for m in dates_here
            if m.start >= match.end()
            and Structure.of(sentence).in_relative_clause_of(match.start(), m.start)
        ]
        # "Friday's meeting", "December's resolution": a possessive date is the noun's
        # own, whatever words follow ("said Friday's meeting saw ... in late April")
        on_noun = [m for m in _dates_on_noun(sentence, match, dates_here) if _possessive(m)]
        on_noun = on_noun or (_dates_on_noun(sentence, match, dates_here) if nominal else [])
        closest = (on_noun or relative or following or [None])[0]
        if closest is None and indefinite:  # "last year's coup": its own words still date it
            closest = next((m for m in dates_here if 0 <= match.start() - m.end <= 1), None)
            closest = closest or _opening_date(sentence, match, dates_here, actions)
        if closest is None and not indefinite:

            def distance(m, start, end):
                return min(abs(m.start - end), abs(m.end - start))

            # "..., winning praise Thursday": the participle's words, no action's before
            participles = _comma_participles(sentence, match)
            # ... but a closing report's words ("..., targeting X for use in air strikes,
            # as announced by Y on Monday") are the main act's: no participle nor action
            # of a participle's phrase before the report owns them
            phrases = [
                (p.start(1), report[2])
                for p in (
                    [] if report is None else _COMMA_PARTICIPLE.finditer(sentence, 0, report[2])
                )
            ]

            def owned(m) -> bool:
                verbs = [*actions, *participles]
                if report is not None and m is report[0]:
                    if any(a <= match.start() < b for a, b in phrases):
                        return False
                    # ... nor an action told after this one before the report: the act
                    # it is about ("condemned the executions, X said on Monday")
                    verbs = [
                        (a, b)
                        for a, b in actions
                        if not any(s <= a < e for s, e in phrases) and a < match.start()
                    ]
                near = distance(m, match.start(), match.end())
                return all(near <= distance(m, a, b) for a, b in verbs)

            own = [
                m
                for m in dates_here
                if owned(m)
                and not _on_another_noun(trigger, sentence, match, m)
                and not _in_since_opening(sentence, match, m)
            ]
            closest = min(own, key=lambda m: distance(m, match.start(), match.end()), default=None)
        if closest is None and not indefinite:  # "in June, when both sides agreed"
            closest = _date_before_when(sentence, match, dates_here)
        if closest is None and not indefinite:  # "During his visit in March, X pledged"
            closest = _date_of_during(sentence, match, dates_here)
        if closest is None and not indefinite:  # "praised X on Monday, during a visit"
            closest = _date_of_frame(sentence, match, dates_here)
        if closest is None and not indefinite:  # "visited Russia last year, meeting X"
            closest = _date_of_main_act(sentence, match, dates_here)
    near = closest is not None and (
        -30 < closest.start - match.end() < 30 or -30 < match.start() - closest.end < 30
    )
    if noun is not None and noun in anchored and not near:
        return (*anchored[noun], True, True)  # "the visit" again: the visit already dated
    if closest is not None:
        return closest.span, closest.text, False, False
    clause = _clause_start(sentence, match.start())
    end = next((b.start() for b in _CLAUSE_BREAK.finditer(sentence, match.end())), len(sentence))
    for word, dated in anchored.items():
        for hit in re.finditer(rf"\b{word}\b", sentence[clause:end], re.IGNORECASE):
            if _RELATIVE_TO.search(sentence[: hit.start() + clause]):
                continue  # "after the visit": later than the visit, not on its day
            if _anniversary_before(sentence, hit.start() + clause):
                continue  # "on the second anniversary of the coup": years after it
            if _FIRST_SINCE.search(sentence, 0, match.start()) and _SINCE_NAMED.search(
                sentence, match.end(), hit.start() + clause
            ):
                continue  # "his first trip since leading the coup": later than it
            if _owns(match, hit.start() + clause, hit.end() + clause, actions):
                return (*dated, True, True)
    # "Since the coup, the armed forces committed atrocities": a course told in the
    # simple past goes on from its onset too (the perfect is news English's, not every
    # writer's); a participle ("..., running air strikes") is no course of its own
    past = _PAST_FORM.match(match.group(0)) is not None
    lasting = indefinite or (trigger.event_type in COURSES and past)
    course = _since_course(sentence, match, dates_here, anchored, published) if lasting else None
    if paragraph_dates and not indefinite and course is None and not _recalled(sentence, match):
        return paragraph_dates[-1].span, paragraph_dates[-1].text, True, False
    if course is not None:
        return course
    since = _SINCE_OPENING.match(sentence)
    if indefinite and since and _EXPERIENCED.fullmatch(match.group(0)):
        for word, dated in anchored.items():  # "Since the coup ..., X has faced": its onset
            if since.group(1).casefold().startswith(word):
                return (*dated, True, True)
    return None


#: An earlier event named after "since" when the action is counted from it ("his
#: first trip since leading the February 2021 coup", "the only visit since the coup"):
#: a later act, not on the event's date. Without the count ("supplying arms since the
#: coup") the event is the action's onset.
_ORDINAL = r"\b(?:first|only|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+"
_FIRST_SINCE = re.compile(_ORDINAL + r"(?:[\w-]+\s+){0,2}$", re.I)
#: The count told after the act ("condemned the attacks, the first time it has done
#: so since 2010", "delivered jets, its second such delivery since 2015").
_COUNTED_AFTER = re.compile(_ORDINAL + r"(?:time|such)\b", re.I)
_SINCE_NAMED = re.compile(
    r"\bsince\s+(?:[a-z]+ing\s+)?(?:(?:the|his|her|its|their|a)\s+)?(?:[\w.,'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: "since" right before date words: the onset of what is told from them.
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _count_onset(sentence: str, match: re.Match, told: DateMention) -> bool:
    """Whether date words after "since" are the onset of a count the action is told
    in ("their 35th joint patrol ... since 2005", "their first exercise since 2019", "X
    condemned it, the first time it has done so since 2010"): the
    count's start, not the act's date (as :data:`_FIRST_SINCE` reads an event named
    after "since")."""
    return (
        told.start >= match.end()
        and (
            _FIRST_SINCE.search(sentence, 0, match.start()) is not None
            or _COUNTED_AFTER.search(sentence, match.end(), told.start) is not None
        )
        and (
            _SINCE_BEFORE.search(sentence, 0, told.start) is not None
            or told.text.casefold().startswith("since")
        )
    )


#: A participle opening a clause after a comma: ", winning praise Thursday from ...".
_COMMA_PARTICIPLE = re.compile(
    r",\s+(?:and\s+)?(?!(?:includ|accord|follow|regard|concern|involv|exclud|compar)ing\b)"
    r"([a-z]{3,}ing)\b"  # "including X", "according to": prepositions, no acts
)


def _comma_participle(sentence: str, match: re.Match) -> bool:
    """Whether the action words open a comma-opened participle (", meeting X")."""
    return any(p.start(1) == match.start() for p in _COMMA_PARTICIPLE.finditer(sentence))


def _date_of_main_act(sentence: str, match: re.Match, dates_here) -> DateMention | None:
    """An action told by a comma-opened participle with no date words after it ("Last
    year X visited Russia twice, meeting Y") happens in the course of the act before the
    comma: the date words before the comma are its too."""
    if not _comma_participle(sentence, match):
        return None
    if any(m.start >= match.start() for m in dates_here):
        return None  # words of its own ("..., winning praise Thursday"): theirs to give
    before = [m for m in dates_here if m.end <= match.start()]
    return before[-1] if before else None


def _comma_participles(sentence: str, match: re.Match) -> list[tuple[int, int]]:
    """The comma-opened participles after the action: each owns the date words nearest
    it, as another action word would (they tell another act, of no type of ours)."""
    return [p.span(1) for p in _COMMA_PARTICIPLE.finditer(sentence, match.end())]


def _not_participles(sentence: str, told: list[DateMention]) -> list[DateMention]:
    """The date words no comma-opened participle owns ("..., winning praise Thursday
    from X": the praise's day dates no later sentence nor the headline)."""
    owned = [
        m
        for m in told
        for p in _COMMA_PARTICIPLE.finditer(sentence, 0, m.start)
        if not re.search(r"[,;]", sentence[p.end(1) : m.start])
        and not any(p.end(1) <= a < m.start for a in _action_starts(sentence))
    ]
    return [m for m in told if m not in owned]


def _reported_object(sentence: str, start: int) -> bool:
    """Whether the action noun whose words start at ``start`` is what a reporting verb
    tells of ("X confirmed the trip on Wednesday", "denied the meeting"): the event is
    named back, and the sentence's date words are the report's, not the event's."""
    structure = Structure.of(sentence)
    token = structure.token(start)
    while token is not None and token.dep_ in ("det", "amod", "compound", "poss", "case"):
        token = token.head  # "the trip", "Thursday's talks": the noun the words name
    return (
        token is not None
        and token.dep_ == "dobj"
        and token.head.lemma_.casefold() in REPORTING_LEMMAS
    )


def _reported_clause(trigger, sentence: str, match: re.Match) -> tuple[int, int] | None:
    """Where the clause a reporting verb tells runs, when the action is a definite noun
    naming its event back there ("On Tuesday, X told parliament that the coup threatens
    ...", "X said on Monday the takeover was illegal"): only date words inside it may
    date the event, not the report's; else None."""
    if not any(match.group(0).casefold().startswith(a) for a in trigger.anchors):
        return None
    token = Structure.of(sentence).token(match.start())
    while token is not None and token.dep_ in ("amod", "compound", "poss", "case"):
        token = token.head
    if token is None or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None  # "said a coup took place": told, not named back
    clause = token.head
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head  # "... was baseless and that the coup threatens"
    if clause.dep_ != "ccomp" or clause.head.lemma_.casefold() not in REPORTING_LEMMAS:
        return None
    return clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)


def _action_starts(sentence: str) -> list[int]:
    return [m.start() for _, m in _action_matches(sentence)]


#: "on Friday, the day before Wang arrived": the action is a day off the date told.
_DAY_OFF = re.compile(r",?\s+the day (before|after)\s+(?:[\w'\u2019.-]+\s+){0,4}$")


def _day_before_or_after(sentence: str, match: re.Match, dates_here):
    """(span, words, inherited, from_event) for an action told as "the day after"
    (or before) a day the sentence gives right before those words: "Speaking on Friday,
    the day before Wang arrived" - the arrival is on Saturday."""
    off = _DAY_OFF.search(sentence, 0, match.start())
    if off is None or off.end() != match.start():
        return None
    told = next((m for m in dates_here if m.end == off.start()), None)
    if told is None or told.span.precision != "day":
        return None
    days = 1 if off.group(1) == "before" else -1
    day = told.span.start + timedelta(days=days)
    words = sentence[told.start : off.end()].strip()
    return DateSpan(day, day, "day"), words, False, False


#: An action named as what an anniversary marks, right before it: "two-year anniversary
#: of the military coup", "the third anniversary of the", "the 10th anniversary of its".
_ANNIVERSARY = re.compile(
    r"(?:(?P<count>\d{1,3}|"
    + "|".join(w for w in COUNT_WORDS if len(w) > 2)
    + r")-year|(?P<ordinal>"
    + "|".join(ORDINAL_WORDS)
    + r"|\d{1,3}(?:st|nd|rd|th)))\s+anniversary\s+of\s+(?:[\w'\u2019.-]+\s+){0,4}$",
    re.IGNORECASE,
)
#: Between the anniversary's date words and the anniversary: a possessive ("Wednesday's
#: two-year anniversary") or an apposition ("On Monday, the third anniversary").
_ANNIVERSARY_DAY = re.compile(r"(?:(?:['\u2019]s)?\s+|,\s+(?:the|its|their)\s+)")


def _anniversary_before(sentence: str, start: int) -> re.Match | None:
    """The anniversary words right before an action's words at ``start`` ("the second
    anniversary of the coup"): the event they name is years before their date words."""
    off = _ANNIVERSARY.search(sentence, 0, start)
    return off if off is not None and off.end() == start else None


def _anniversary_of(sentence: str, match: re.Match, dates_here):
    """(span, words, inherited, from_event) for an action named as what a day is the
    anniversary of: "Marking Wednesday's two-year anniversary of the coup", "marked the
    third anniversary of the coup on Monday" - the coup that many years before. Date
    words on the action's own noun ("of the February 2021 coup") are its own."""
    off = _anniversary_before(sentence, match.start())
    if off is None or any(off.start() <= m.start < match.start() for m in dates_here):
        return None
    told = next(
        (m for m in dates_here if _ANNIVERSARY_DAY.fullmatch(sentence, m.end, off.start())),
        None,
    ) or next(
        (
            m
            for m in dates_here
            if m.start >= match.end()
            and not _CLAUSE_BREAK.search(sentence, match.end(), m.start)
            and "," not in sentence[match.end() : m.start]
        ),
        None,
    )
    if told is None:
        return None
    word = (off.group("count") or off.group("ordinal")).casefold()
    years = COUNT_WORDS.get(word) or ORDINAL_WORDS.get(word) or int(word.rstrip("stndrh"))
    span = years_before(told.span, years) if years else None
    if span is None:
        return None
    return span, told.text, False, False


def _possessive(told: DateMention) -> bool:
    """Whether date words are told as a possessive ("last year's", "Friday's")."""
    return told.text.endswith(("'s", "\u2019s"))


def _qualifies_another(sentence: str, match: re.Match, told: DateMention, actions) -> bool:
    """Whether possessive date words ("last year's", "Thursday's") qualify another
    action noun right after them ("since last year's coup"): that noun's date."""
    if not _possessive(told):
        return False
    return any(a != match.start() and 0 <= a - told.end <= 2 for a, _ in actions)


_DATE_PREPOSITION = re.compile(
    r"(?:on|in|at|by|since|from|during|until|till|before|after|over|for|of|through)\b", re.I
)


def _on_a_later_noun(sentence: str, match: re.Match, told: DateMention, actions) -> bool:
    """Whether date words told as an adjective ("February 1", "2021") are on an action
    noun after them and after this action ("condemned the February 1 coup"): that
    noun's date (:func:`_dates_on_noun`), not this action's."""
    if told.start < match.end() or _DATE_PREPOSITION.match(told.text):
        return False
    return any(
        a > told.start and a != match.start() and _ADJECTIVES.fullmatch(sentence, told.end, a)
        for a, _ in actions
    )


#: Lower-case words between date words and the action noun they qualify.
_ADJECTIVES = re.compile(
    r"\s?(?:(?!(?:for|to|of|in|on|at|with|by|from|after|before|and|or|the|a|an)\s)[a-z-]+\s){0,2}"
)


def _dates_on_noun(sentence: str, match: re.Match, dates_here) -> list[DateMention]:
    """Date words on an action noun, adjectives between ("the February 2021 coup", "its
    2021 coup", "a February 1 military coup"): the noun's own date."""
    return [
        m
        for m in dates_here
        if m.end <= match.start() and _ADJECTIVES.fullmatch(sentence, m.end, match.start())
    ]


#: A determiner right before date words ("the 2021 coup", "its 2014 annexation").
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)\s+$", re.IGNORECASE)
#: The noun date words qualify: adjectives (``_ADJECTIVES``), then a lower-case word.
_NOUN_AFTER = re.compile(r"[a-z][\w-]*\b")
#: Nouns of time that date words qualify as dates ("that February day").
_TIME_NOUN = re.compile(r"(?:day|morning|afternoon|evening|night|week(?:end)?|month|year)s?")


def _on_another_noun(trigger, sentence: str, match: re.Match, told: DateMention) -> bool:
    """Whether date words between a determiner and a noun other than the action's own
    words ("marking his first trip since the 2021 coup", "its 2014 annexation of
    Crimea and its offensive") qualify that noun: its date, not the action's. The
    action's own type in that noun ("seized power in a 2021 coup") still takes them."""
    if told.start < match.end() and told.end > match.start():
        return False
    if not _DETERMINER_BEFORE.search(sentence, 0, told.start):
        return False
    adjectives = _ADJECTIVES.match(sentence, told.end)
    noun = _NOUN_AFTER.match(sentence, adjectives.end() if adjectives else told.end)
    if noun is None or told.end == noun.start() or _TIME_NOUN.fullmatch(noun.group(0)):
        return False  # "on that February day": still a date
    # any word up to the noun may be the action's own ("a 2019 visit to", "a 2021 coup")
    words = _NOUN_AFTER.finditer(sentence, told.end, noun.end())
    return not any(
        w.start() == match.start() or trigger.pattern.match(sentence, w.start()) for w in words
    )


#: Date words qualifying a noun ("his first trip of 2021", "the budget of 2030").
_OF_BEFORE = re.compile(r"\b[a-z]+\s+of\s+(?:the\s+)?$")


def _without_modifier_dates(sentence: str, following: list[DateMention]) -> list[DateMention]:
    """The date words after an action, without those that qualify a noun ("arrived for
    his first trip of 2021 on Thursday": "of 2021" is the trip's count, "on Thursday"
    the arrival's day) when the clause tells a narrower day inside them after."""
    return [
        m
        for i, m in enumerate(following)
        if not (
            _OF_BEFORE.search(sentence[: m.start])
            and any(
                m.span.start <= n.span.start and n.span.end <= m.span.end and n.span != m.span
                for n in following[i + 1 :]
            )
        )
    ]


#: An adverb in -ly between a determiner and an adjective ("the democratically elected").
_LY_ADVERB_BEFORE = re.compile(r"\b\w+ly\s+$", re.IGNORECASE)


def _finite_verb_between(sentence: str, start: int, end: int) -> bool:
    """Whether a finite verb (:data:`_OTHER_VERB`) stands between ``start`` and ``end``:
    a word in -ed after a determiner (and a -ly adverb) is an adjective of the noun after
    it ("a coup against the elected government in February 2021", "the democratically
    elected leader"), no verb taking the date words."""
    for verb in _OTHER_VERB.finditer(sentence, start, end):
        before = sentence[start : verb.start()]
        adverb = _LY_ADVERB_BEFORE.search(before)
        if not _DETERMINER_BEFORE.search(before[: adverb.start()] if adverb else before):
            return True
    return False


#: Words placing the clause's event against another ("came after", "before"): date
#: words after them are that other event's.
_PLACING = r"after|before|following|ahead of|prior to|until"
_PLACED_AGAINST = re.compile(rf"\b(?:{_PLACING})\b", re.IGNORECASE)


#: A sentence opening with the onset of what its main clause tells in the perfect:
#: "Since the junta seized power in February 2021, they have conducted ...".
#: A date's own comma ("Since the February 1, 2021 coup,") does not end the clause.
_SINCE_CLAUSE = re.compile(r"[\s\"'“]*Since\b((?:[^,]|,(?=\s*\d{4}\b))+),")


#: A count of acts up to now: "the second leader to visit", "the only minister to".
_COUNTED = re.compile(r"\b(?:first|only|second|third|fourth|fifth)\b", re.IGNORECASE)


def _in_since_opening(sentence: str, match: re.Match, told: DateMention) -> bool:
    """Whether date words are an opening "Since <onset>," clause's and the main clause
    counts the action from it ("Since the army dissolved X on March 3rd, 2019, Y is the
    second leader to visit"): a later act, not on the onset's day (as after "his first
    trip since the coup", :data:`_FIRST_SINCE`). A state told from the onset ("has
    faced sanctions") keeps it."""
    since = _SINCE_CLAUSE.match(sentence)
    return (
        since is not None
        and told.end <= since.end() <= match.start()
        and _COUNTED.search(sentence, since.end(), match.start()) is not None
    )


#: An opening "Following/After <event>," clause: with a perfect in the main clause
#: ("Following a coup in 2021, the crackdown has left 3,200 dead"), a course's onset.
_AFTER_CLAUSE = re.compile(r"[\s\"'“]*(?:Following|After)\b((?:[^,]|,(?=\s*\d{4}\b))+),")


def _after_course(trigger, sentence, match, dates_here, anchored, published):
    """A course told in the perfect after an opening "Following <onset>," clause: from
    the onset to the publication, as after "Since <onset>," (:func:`_since_course`)."""
    if trigger.event_type not in COURSES:
        return None
    after = _AFTER_CLAUSE.match(sentence)
    if after is None or match.start() < after.end():
        return None
    if not _PERFECT_VERB.search(sentence, after.end()):
        return None  # "After the coup, soldiers killed five": one event, no course
    return _since_course(sentence, match, dates_here, anchored, published, _AFTER_CLAUSE)


def _since_course(sentence, match, dates_here, anchored, published, opening=_SINCE_CLAUSE):
    """A present perfect after an opening "Since <onset>," clause: a course from the
    onset's date words (or the event its words name) to the publication, in months."""
    since = opening.match(sentence)
    if since is None or match.start() < since.end():
        return None
    onset = next((m for m in dates_here if m.end <= since.end()), None)
    start = onset.span.start if onset else None
    if start is None:
        for word, (span, _) in anchored.items():
            if re.search(rf"\b{word}", since.group(1), re.IGNORECASE):
                start = span.start
    if start is None:
        return None
    end = month_span(published.year, published.month).end
    words = sentence[: since.end() - 1].strip(" \"'“")
    return DateSpan(start.replace(day=1), end, "month"), words, True, True


#: Actions that go on for a while: told "since" an event, a course from it up to now.
COURSES = frozenset(
    {"protest", "violence against civilians", "repression/execution", "armed clash"}
)
_TAKEOVER = r"(?:coup|takeover|putsch|power grab|seizure of power)"
_SINCE_WORD = re.compile(r"\bsince\s+", re.IGNORECASE)


def _named_first(word: str, text: str) -> re.Match | None:
    """The event word ``word`` within the first four words of ``text`` ("the junta's
    coup")."""
    return re.match(rf"(?:[\w'\u2019-]+\s+){{0,3}}?{word}\b", text, re.IGNORECASE)


#: "since the coup and the subsequent <course>": the course runs from that event; the
#: match ends where the event is named (as a "since" after the course ends).
_SINCE_AND_SUBSEQUENT = re.compile(
    r"\bsince\s+(?=(?:[\w'\u2019-]+\s+){1,4}?and\s+(?:the\s+)?(?:subsequent|ensuing)\s+$)",
    re.IGNORECASE,
)


def _course_since_event(trigger, sentence, match, anchored, published, dates_here=(), actions=()):
    """A course told from an event named after it in its clause ("protests have grown
    since the coup", "soldiers have killed 70 people since the junta's takeover"): from
    that event's month (the date it was told with, or the words it is told with there:
    "its crackdown since last month's coup") to the publication's month."""
    if trigger.event_type not in COURSES:
        return None
    brk = _CLAUSE_BREAK.search(sentence, match.end())
    since = _SINCE_WORD.search(sentence, match.end(), brk.start() if brk else len(sentence))
    # "since the coup and the subsequent killing of ...": the killings follow the coup
    since = _SINCE_AND_SUBSEQUENT.search(sentence, 0, match.start()) or since
    if since is None:
        return None
    named = sentence[since.end() : since.end() + 40]
    onset = next((w for w in anchored if _named_first(w, named)), None)
    told = _named_first(onset, named) if onset else _named_first(_TAKEOVER, named)
    if onset is None and "coup" in anchored and told is not None:
        onset = "coup"  # "since the junta's takeover": the coup the text dated
    between = any(match.end() <= a < since.start() for a, _ in actions) or any(
        t.pattern.search(sentence, match.end(), since.start()) for t in TRIGGERS
    )
    if onset is None and told is not None and not between:
        # "since last month's coup", "since the February 1 coup": the takeover's own words
        # (those of the action nearest "since": "killed 114, the bloodiest day of its
        # crackdown since ...": the crackdown's course, not the killings')
        own = [m for m in dates_here if since.start() <= m.start < since.end() + told.end()]
        if own:
            words = sentence[since.start() : since.end() + told.end()]
            end = month_span(published.year, published.month).end
            return DateSpan(own[0].span.start.replace(day=1), end, "month"), words, True, True
    if onset is None or told is None:
        return None
    start = anchored[onset][0].start
    words = sentence[since.start() : since.end() + told.end()]
    end = month_span(published.year, published.month).end
    return DateSpan(start.replace(day=1), end, "month"), words, True, True


#: A gerund action after "for"/"of" ("condemned X for killing ..."): its own act.
_FOR_BEFORE = re.compile(r"\b(?:for|of)\s+$")


def _gerund_after_for(sentence: str, at: int) -> bool:
    return bool(_FOR_BEFORE.search(sentence, 0, at) and re.match(r"\w+ing\b", sentence[at:]))


#: "since" or words placing an action against another (see ``_PLACED_AGAINST``).
_SINCE_OR_PLACED = re.compile(rf"\b(?:since|{_PLACING})\b", re.IGNORECASE)


#: Right before the date words of an event the action is placed against, told as
#: expected: "ahead of elections due next month", "before a vote scheduled for
#: December", "after talks set for Monday".
_PLACED_EXPECTED = re.compile(
    rf"\b(?:{_PLACING})\s+(?:[\w'\u2019-]+\s+){{1,5}}?"
    r"(?:due|scheduled|set|slated|planned|expected)"
    r"(?:\s+to\s+(?:be\s+held|take\s+place|open|start|begin))?(?:\s+(?:for|in|on))?\s+$",
    re.IGNORECASE,
)
#: Right before a possessive naming that event's time: "ahead of next month's elections".
_PLACED_POSSESSIVE = re.compile(rf"\b(?:{_PLACING})\s+(?:the\s+)?$", re.IGNORECASE)


def _placed_expected(sentence: str, match: re.Match, told: DateMention) -> bool:
    """Whether date words after the action are an expected event's it is placed against
    ("arrived on a visit ahead of elections due next month", "ahead of next month's
    elections"): they stay that event's, for every action of the sentence but those
    the placing words name ("ahead of a summit due next month": the summit's own)."""
    placed = _PLACED_EXPECTED.search(sentence, 0, told.start)
    if placed is not None:
        return not placed.start() <= match.start() < told.start
    if not _possessive(told) or not _PLACED_POSSESSIVE.search(sentence, 0, told.start):
        return False
    # "following the February's coup": the noun after the possessive is the event
    return told.end > match.start() or not _ADJECTIVES.fullmatch(sentence, told.end, match.start())


#: A placing word before an event named by its date: "following the events of ",
#: "after the elections of ".
_PLACED_EVENT_OF = re.compile(
    rf"\b(?:{_PLACING})\s+(?:the|that|those|these)\s+(?:[\w-]+\s+){{1,2}}?of\s+$", re.IGNORECASE
)


def _of_a_placed_event(sentence: str, match: re.Match, told: DateMention) -> bool:
    """Whether date words name an event another is placed against ("raised concerns
    following the events of 1 February", "Following the elections of November 2020, X
    condemned"): they are that event's, for every action but those inside the phrase."""
    placed = _PLACED_EVENT_OF.search(sentence, 0, told.start)
    return placed is not None and not placed.start() <= match.start() < told.end


def _placed_against(sentence: str, match: re.Match, told: DateMention) -> bool:
    """Whether date words in the action noun's relative clause follow words placing it
    against another event ("the takeover which came after elections held in
    November"): they are that other event's date."""
    return (
        told.start >= match.end()
        and _PLACED_AGAINST.search(sentence, match.end(), told.start) is not None
        and Structure.of(sentence).in_relative_clause_of(match.start(), told.start)
    )


def _opening_date(sentence: str, match: re.Match, dates_here, actions) -> DateMention | None:
    """Date words that open the sentence as its frame ("In the last week, X have
    attended"): the first action's own, also told in the present perfect."""
    first = dates_here[0] if dates_here else None
    if first is None or sentence[: first.start].strip(" \"'\u201c\u2018"):
        return None
    if not sentence[first.end : match.start()].lstrip().startswith(","):
        return None
    between = any(first.end <= a < match.start() for a, _ in actions)
    return None if between else first


#: Action words that are nouns ("the executions", "hangings", "condemnation", "talks"):
#: date words after another verb of their sentence are that verb's.
_NOUN_FORM = re.compile(
    r"(?:ions?|ings|ments?|als|ies|trips?|visits|talks|meetings|coup|sanctions|crackdown)$",
    re.IGNORECASE,
)


#: A that-clause after a reporting perfect: "has confirmed that ...".
_THAT_CLAUSE = re.compile(r"\bthat\s+")


def _indefinite(sentence: str, match: re.Match, actions) -> bool:
    """Whether the action is told in the present perfect (an indefinite past).

    "has voiced support", "have been accused of killings": the perfect's verb is in the
    action's clause before it, with no other action word between (the action is that
    verb or in its object). Only the action's own words can date it.
    """
    clause = _clause_start(sentence, match.start())
    if _PERFECT.search(sentence[clause : match.start()]):
        return True
    verbs = list(_PERFECT_VERB.finditer(sentence, clause, match.start()))
    if not verbs or _SUBORDINATOR.search(sentence, verbs[-1].end(), match.start()):
        return False  # "have been accused of X since the coup": the coup's own time
    that = _THAT_CLAUSE.search(sentence, verbs[-1].end(), match.start())
    if that and _PAST_FORM.search(sentence[that.end() : match.start()]):
        return False  # "has confirmed that it carried out a strike": the strike's own past
    return not any(verbs[-1].end() <= a < match.start() for a, _ in actions)


#: An earlier event only recalled, not told: "since he seized power", "since seizing
#: power", "X, who took power in a coup", "the purpose of the trip": like a perfect,
#: only its own date words date it (never its paragraph's nor a later sentence's).
_RECALL = re.compile(
    r"(?:\bsince\s+(?:(?:he|she|it|they|the\s+\w+)\s+)?|\b(?:who|which)\s+(?:had\s+|has\s+)?"
    r"|\b(?:purpose|aim|goal)\s+of\s+(?:the|his|her|this|its|their)\s+(?:[\w-]+\s+)?)$",
    re.IGNORECASE,
)


def _recalled(sentence: str, match: re.Match) -> bool:
    """Whether the action is an earlier event only recalled (see ``_RECALL``), or named
    by a past participle on a noun (:func:`_noun_participle`)."""
    return (
        _RECALL.search(sentence, 0, match.start()) is not None
        or _noun_participle(sentence, match) is not None
    )


def _owns(match: re.Match, start: int, end: int, actions) -> bool:
    """Whether no other action word of the sentence is closer to the words at start:end.

    Words naming a dated event ("since the coup") belong, like date words, to the
    nearest action ("have accused X, with Russia supplying arms since the coup": the
    supplies'); an action word that is those words itself does not compete.
    """

    def distance(a: int, b: int) -> int:
        return min(abs(start - b), abs(end - a))

    own = distance(match.start(), match.end())
    return all(own <= distance(a, b) for a, b in actions if not (a < end and start < b))


#: "..., when" opening a clause about the time just told ("in June, when both sides").
_WHEN = re.compile(r",\s+when\b", re.IGNORECASE)


def _date_before_when(sentence: str, match: re.Match, dates_here) -> DateMention | None:
    """The date words right before a ", when" clause the action is in, or None."""
    whens = list(_WHEN.finditer(sentence, 0, match.start()))
    if not whens or _CLAUSE_BREAK.search(sentence, whens[-1].end(), match.start()):
        return None
    told = [m for m in dates_here if 0 <= whens[-1].start() - m.end <= 1]
    return told[-1] if told else None


def _first_date(told: _Told, trigger, match, anchored, paragraph_dates, told_at):
    """(dated, expected, soon, the sentence's date words): the action's date as its
    words, the events it names and its paragraph give it (see :func:`_date_of`)."""
    sentence, published, finder = told.sentence, told.published, told.finder
    expected = _is_expected(sentence, match, told.headline)
    dates_here = _dates_told(sentence, published, expected, finder.last_date)
    if _reaction_to(told, match) is not None:
        # "condemned the coup on Wednesday": the reaction's day, not the coup's; the
        # event keeps its own words or its earlier telling, never the paragraph's date
        own = _own_dates(sentence, match, dates_here)
        report = _closing_report(sentence, match, own)
        dated = _date_of(
            trigger, match, sentence, own, anchored, [], told.actions, published, report
        )
        return dated, expected, _is_soon(sentence, match), dates_here
    own = _participle_dates(sentence, match, dates_here)
    if own is not None:
        # "calls on Wednesday for progress on a peace plan agreed upon between X and Y":
        # a past participle on a noun names an act done before; only its own phrase's
        # date words date it ("a plan agreed in 2021"), never the sentence's others nor
        # the events it names (the summit that began on Wednesday)
        report = _closing_report(sentence, match, own)
        dated = _date_of(trigger, match, sentence, own, {}, [], told.actions, published, report)
        return dated, expected, _is_soon(sentence, match), dates_here
    # a reporting clause closing the sentence, read once: its date words are the report's
    # (for _date_of), and it may announce the act by the acting side's own body
    report = _closing_report(sentence, match, dates_here)
    dated = _date_of(
        trigger,
        match,
        sentence,
        dates_here,
        anchored,
        paragraph_dates,
        told.actions,
        published,
        report,
    )
    soon = _is_soon(sentence, match)
    upcoming = _UPCOMING.search(sentence, 0, match.start())
    if upcoming is not None:  # "an upcoming summit": expected, no day but its own words
        expected = True
        on_noun = any(upcoming.start() <= m.start < match.start() for m in dates_here)
        if dated is not None and not on_noun:
            dated, soon = None, True
    if soon and dated is not None and dated[2]:
        dated = None  # "will visit X soon": a future no other date words place
    if expected and dated is not None and dated[1] in finder.report_dates[told.number]:
        dated, soon = None, True  # "will attend X, the paper reported on Saturday"
    if dated is None and _indefinite(sentence, match, told.actions):
        announced = _announced_by_own_side(told, match, report)
        if announced is not None:  # "X has imposed sanctions, its ministry said Monday"
            dated = (announced.span, announced.text, False, False)
        elif told.number == 1 and finder.dateline_span is not None:
            # "29 October 2024 - Dhaka" above "X has announced sanctions": the news of
            # the dateline's day
            dated = (*finder.dateline_span, False, False)
    if dated is None and finder.report_span and _speaker_of_occasion(told, match):
        dated = (*finder.report_span, True, False)  # "X said during talks": X's day
    if (dated is None or (dated[2] and not dated[3])) and not _reported_clause(
        trigger, sentence, match
    ):
        # "X visited Y on <day> ... and he also met Z": the coordinated verb's time
        # (not for an event named back in what is reported: the report's time)
        head = Structure.of(sentence).coordinated_with(match.start())
        dated = told_at.get(head, dated)
    return dated, expected, soon, dates_here


def _action_date(told: _Told, trigger, match, anchored, paragraph_dates, told_at, carried):
    """The action's :class:`_When`; notes its date for the events and actions that
    name it later (``anchored``, ``told_at``, ``carried``)."""
    sentence, published = told.sentence, told.published
    dated, expected, soon, dates_here = _first_date(
        told, trigger, match, anchored, paragraph_dates, told_at
    )
    undated = dated is None
    before = sentence[_clause_start(sentence, match.start()) : match.start()]
    progressive = _PROGRESSIVE.search(before)
    ongoing = (
        undated
        and not expected
        and progressive is not None
        and ("ing" in progressive.group(0) or match.group(0).casefold().endswith("ing"))
    )
    if ongoing:  # "is visiting Russia": on the days of publication
        dated = (published_span(published), "", True, False)
        undated = False
    # Undated for now: a later action with a shared actor may date it (see _date_later).
    span, date_words, inherited, from_event = dated or (
        published_span(published),
        "",
        True,
        False,
    )
    if expected and inherited and date_words and not from_event:
        # the paragraph's "on Friday" read for an expected action: forwards (never
        # a date taken from an event told before: that event's day is known)
        with contextlib.suppress(ValueError):
            span = resolve_date_expression(date_words, published, forward=True)
    if not inherited:
        _anchor(trigger, sentence, anchored, (span, date_words))
    elif not undated and (span, date_words) in anchored.values():
        # Dated through an event named again ("the coup ... triggered"): later
        # sentences of the paragraph may take that date too.
        carried.append(DateMention(-1, -1, date_words, span))
    if dated is not None and not dated[2]:
        predicate = Structure.of(sentence).predicate(match.start())
        if predicate is not None:
            told_at.setdefault(predicate.i, dated)
    return _When(span, date_words, inherited, undated, expected, ongoing, soon, dates_here)


#: A first or second person subject right before the action ("you attended", "we have
#: planned"): a speaker or addressee, named by no word of the clause.
_PERSONAL_SUBJECT = re.compile(r"\b(?:I|[Ww]e|[Yy]ou)\s+(?:(?:have|had|will|also)\s+)?$")


#: A reporting verb whose occasion is the action: "X said during talks with Y", "told
#: reporters at a meeting with".
_OCCASION = re.compile(
    r"\b(?:said|says|told\s+\w+|noted|stressed|added)\s+(?:during|at|in)\s+(?:the\s+|a\s+|an\s+|"
    r"his\s+|her\s+|their\s+)?$",
    re.IGNORECASE,
)


def _speaker_of_occasion(told: _Told, match: re.Match) -> Mention | None:
    """The one who speaks at the action told as the occasion of the speaking ("X said
    during talks with Y": X), or None."""
    occasion = _OCCASION.search(told.sentence, 0, match.start())
    if occasion is None:
        return None
    before = [m for m in told.mentions if 0 <= occasion.start() - m.end <= 2]
    return before[-1] if before else None


def _object_of_another(sentence: str, match: re.Match, actions) -> bool:
    """Whether an action noun is the object of another action word of its clause
    ("condemned the military takeover"): the clause's subject is that action's."""
    if _NOUN_FORM.search(match.group(0)) is None and "takeover" not in match.group(0).casefold():
        return False
    clause = _clause_start(sentence, match.start())
    return any(
        clause <= b < match.start() and _DIRECT_OBJECT.fullmatch(sentence, b, match.start())
        for _, b in actions
    )


def _reaction_to(told: _Told, match: re.Match) -> re.Match | None:
    """The speech act whose object an action noun is ("Japan condemned the coup in
    Myanmar on Wednesday": the condemnation), else None: the noun names an event the
    reaction is about, not one done by the reaction's subject on the reaction's day."""
    for trigger, reaction in told.matches:
        if (
            trigger.event_type in SPEECH_ACTS
            and reaction.end() <= match.start()
            and _object_of_another(told.sentence, match, [(reaction.start(), reaction.end())])
        ):
            return reaction
    return None


def _noun_participle(sentence: str, match: re.Match) -> tuple[int, int] | None:
    """Where the phrase runs of an action told as a past participle on a noun ("a
    peace plan agreed upon between X and Y", "the jets delivered in 2023"): an act done
    before, named, not told; None when the action words are no such participle."""
    token = Structure.of(sentence).token(match.start())
    if token is None or token.idx != match.start() or token.tag_ not in ("VBN", "VBD"):
        return None  # (the small parser tags some such participles VBD, still "acl")
    if token.dep_ != "acl" or token.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
        return None  # "reports (that) the forces had murdered 70": a clause of its own
    words = list(token.subtree)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _participle_dates(sentence: str, match: re.Match, dates_here) -> list[DateMention] | None:
    """The date words inside a noun's participle phrase that is the action (a plan
    "agreed in 2021": its "in 2021"), or None when the action is no such participle."""
    phrase = _noun_participle(sentence, match)
    if phrase is None:
        return None
    return [m for m in dates_here if phrase[0] <= m.start and m.end <= phrase[1]]


def _own_dates(sentence: str, match: re.Match, dates_here) -> list[DateMention]:
    """The date words of an action noun itself: on it ("the February 1 coup"), a
    possessive right before it ("last year's coup"), "of <date>" right after it or in
    its relative clause ("the coup that ousted X in 2021")."""
    structure = Structure.of(sentence)
    return [
        m
        for m in dates_here
        if m in _dates_on_noun(sentence, match, dates_here)
        or (m.text.endswith(("'s", "\u2019s")) and 0 <= match.start() - m.end <= 1)
        or re.fullmatch(r"\s+of\s+", sentence[match.end() : m.start])
        or (m.start >= match.end() and structure.in_relative_clause_of(match.start(), m.start))
    ]


#: Between a verb and its object noun: a determiner and a few modifiers, no preposition.
_DIRECT_OBJECT = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+)?(?!(?:of|in|on|at|with|for|to|since|after|before|by)\b)"
    r"(?:[\w.'’-]+\s+){0,3}",
    re.IGNORECASE,
)


def _anchor(trigger: Trigger, sentence: str, anchored: dict, dated: tuple) -> None:
    """Keep an action's own date for the nouns that name it again ("the visit").

    A noun the sentence uses; a coup (one event) also when told by its verb
    ("overthrew X in February": "since the February coup" later is that coup).
    """
    for noun in trigger.anchors:
        if trigger.event_type == "coup" or re.search(rf"\b{noun}", sentence, re.IGNORECASE):
            anchored.setdefault(noun, dated)


#: Actions that, told inside someone's report dated by the report's own date words,
#: are that report: an accusation, not the deed ("X supplied the junta with jets, a
#: UN expert said in February" is the expert's statement of February).
REPORTED_NOT_DONE = frozenset({"arms transfer"})
#: Acts done by speaking: a reporting verb's date words date them ("X said Tuesday").
SPEECH_ACTS = frozenset({"sanction/embargo call", "condemnation", "statement of support"})
_ACCUSATION = next(t for t in TRIGGERS if t.event_type == "condemnation")


#: Date words that point back to the last date told: "that day", "the same day",
#: "during this same period", "at that time".
_THAT_TIME = re.compile(
    r"\b(?:(?:on|during|in|at|over|by)\s+)?(?:that|the same|this same|that same|the very)\s+"
    r"(?:day|date|period|time|week|month)\b",
    re.IGNORECASE,
)


#: Date words pointing to the day after the last date told: "The following day".
_NEXT_DAY = re.compile(r"\b(?:(?:on|by)\s+)?the (?:following|next) day\b", re.IGNORECASE)
#: ... and to the day before it: "The day before, X met Y", "the previous day", "a day
#: earlier". "The day before" with words after it ("the day before Wang arrived", "the
#: day before the summit") is a day off what those words tell (:data:`_DAY_OFF`).
_PREVIOUS_DAY = re.compile(
    r"\b(?:(?:on)\s+)?(?:the (?:previous|preceding) day|a day (?:earlier|before)|"
    r"the day before(?=\s*(?:[,.;:)]|$)))",
    re.IGNORECASE,
)


#: ... and to that very day: "Earlier in the day, X met Y", "later in the day".
_IN_THE_DAY = re.compile(r"\b(?:earlier|later) in the day\b", re.IGNORECASE)


def _dates_told(sentence, published, expected, last) -> list[DateMention]:
    """The sentence's date words; words pointing back ("that day") carry ``last``'s span.

    Only when the sentence has no date words of its own before them (then they
    point back to those) and the text told a date before.
    """
    found = find_date_expressions(sentence, published, forward=expected)
    for hit in _THAT_TIME.finditer(sentence):
        if last is not None and not any(m.start < hit.start() for m in found):
            found.append(DateMention(hit.start(), hit.end(), hit.group(0), last.span))
    if last is None or last.span.precision != "day":
        return sorted(found, key=lambda m: m.start)
    # "The following day": the day after; "The day before": the day before; "Earlier in
    # the day": that day
    for pattern, day in (
        (_NEXT_DAY, _day_after(last.span)),
        (_PREVIOUS_DAY, _day_before(last.span)),
        (_IN_THE_DAY, last.span),
    ):
        for hit in pattern.finditer(sentence):
            if not any(m.start < hit.start() for m in found):
                found.append(DateMention(hit.start(), hit.end(), hit.group(0), day))
    return sorted(found, key=lambda m: m.start)


def _day_before(span: DateSpan) -> DateSpan:
    previous = span.start - timedelta(days=1)
    return DateSpan(previous, previous, "day")


def _day_after(span: DateSpan) -> DateSpan:
    following = span.end + timedelta(days=1)
    return DateSpan(following, following, "day")


def _as_report(sentence, match, date_words, dates_here, mentions, undated):
    """(speakers, the report's date words) when the action is told only as someone's
    report: its date words are the reporting verb's ("an expert said in February"), or
    it has none and the sentence's reporting verb has ("X have continued to provide
    arms, an expert said Tuesday"). None otherwise."""
    for told in [m for m in dates_here if m.text == date_words or undated]:
        speakers = _speaker_of_date(sentence, match, told.text, dates_here, mentions)
        if speakers is not None:
            return speakers, told
    return None


def _speaker_of_date(sentence, match, date_words, dates_here, mentions):
    """Who reports the action, when its date words are the report's ("said in February").

    Returns the speakers' actor names (possibly none known), or None when the date
    words do not belong to a reporting verb.
    """
    for verb in _REPORTING.finditer(sentence):
        owns = any(  # "said in February", or "said Tuesday" (the verb in the words)
            m.text == date_words and (0 <= m.start - verb.end() <= 2 or m.start == verb.start())
            for m in dates_here
        )
        if not owns or verb.group(0).casefold() == "according to":
            continue
        if verb.start() > match.end():  # "X supplied ..., Andrews, a UN expert, said in May"
            told = [
                m
                for m in mentions
                if match.end() <= m.start < verb.start() and "," in sentence[match.end() : m.start]
            ]
            return (told[-1].actor,) if told else ()
        clause = _clause_start(sentence, verb.start())  # "Andrews said in February X ..."
        return _dedupe(m.actor for m in mentions if clause <= m.start < verb.start())
    return None


#: The verbs that tell a report with its date words ("said on Monday", "announced
#: Tuesday", "as confirmed by X on Friday"): one list for the verb before the report's date
#: words, a reporting clause closing the sentence and the verb inside date words.
_REPORT_VERBS = r"(?:said|says|announced|stated|reported|confirmed)"
#: Date words right after a reporting verb are the report's ("reported on Saturday").
_REPORT_BEFORE = re.compile(
    rf"\b(?:{_REPORT_VERBS}|told \w+)\s+"
    # "told reporters on a conference call on Monday": the medium between
    r"(?:(?:on|in|at|by|via) (?:an? |the )?(?:[\w-]+ ){0,2}?"
    r"(?:call|briefing|statement|interview)\s+)?$",
    re.IGNORECASE,
)


#: A reporting clause closing the sentence, up to its date words: "..., the ministry said
#: on Monday", "..., as announced by the Treasury in a statement on Wednesday". Its date
#: words are the report's; its teller is named before the verb or after "by".
_CLOSING_REPORT = re.compile(
    rf",\s+(?:as\s+{_REPORT_VERBS}\s+by\s+"
    r"(?P<by>[^,;]{1,80}?)\s+"
    rf"|(?P<teller>[^,;]{{1,80}}?)\s+{_REPORT_VERBS}\s+)"
    r"(?:(?:in|on|at|via)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:call|briefing|statement|interview|release)\s+)?$",
    re.IGNORECASE,
)

_CLOSING_TELLER = re.compile(r",\s+(?P<teller>[^,;]{1,80}?)\s+$")
_REPORTING_VERB = re.compile(rf"{_REPORT_VERBS}\b", re.I)


def _closing_report(sentence: str, match: re.Match, dates_here) -> tuple | None:
    """(date words, teller's (start, end)) of a reporting clause closing the sentence
    after the action (see ``_CLOSING_REPORT``), or None."""
    for told in dates_here:
        if told.start < match.end():
            continue
        verb = _REPORTING_VERB.match(told.text)  # "said Monday": the verb in the words
        closing = _CLOSING_TELLER if verb else _CLOSING_REPORT
        report = closing.search(sentence, match.end(), told.start)
        if report is not None:
            by = "by" if "by" in closing.groupindex and report.group("by") else "teller"
            return told, report.span(by), report.start()
    return None


def _announced_by_own_side(told: _Told, match: re.Match, report) -> DateMention | None:
    """The date words of the announcement of a news lead's perfect by its own side.

    "The United States has expanded its sanctions ..., as announced by the Treasury in a
    statement on Wednesday", "Japan has imposed sanctions ..., its foreign ministry said
    on Monday": in a report's first paragraph, an act told in the present perfect and
    announced in the same sentence by a body of the acting country is the news of the
    announcement's day. Announced by another ("..., a UN expert said"), it stays an
    indefinite past. ``report`` is the sentence's closing report (:func:`_closing_report`).
    """
    if told.number != 1 or report is None:
        return None
    perfect = list(_PERFECT_VERB.finditer(told.sentence, 0, match.end()))
    if not perfect or "," in told.sentence[perfect[-1].start() : match.start()]:
        return None  # "has expanded X, targeting Y for air strikes": the strikes' own time
    directory = told.finder.directory
    clause = _clause_start(told.sentence, match.start())

    def countries(start: int, end: int) -> set[str]:
        named = {directory.country_of(m.actor) for m in told.mentions if start <= m.start < end}
        return (named | {c.country for c in told.countries if start <= c.start < end}) - {""}

    tellers = countries(*report[1])
    return report[0] if tellers and tellers & countries(clause, match.start()) else None


def published_span(published: date) -> DateSpan:
    """A placeholder span (the publication day) for an action not dated yet."""
    return DateSpan(published, published, "day")
