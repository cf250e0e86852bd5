"""Reading an article: :func:`extract_events`, sentence by sentence, from action words to
candidates (an event told or not, its report, its roles and date, the candidate built)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from dashboard.actors import ActorDirectory
from dashboard.dates import DateMention, DateSpan, find_date_expressions, table_span
from dashboard.discourse import anaphors, date_by_anaphor
from dashboard.extraction.actions import (
    _INTO_SERVICE,
    _REPORT_RELEASED,
    _action_matches,
    _lexicon_matches,
)
from dashboard.extraction.actor_finder import _ActorFinder
from dashboard.extraction.article import (
    _dateline_end,
    article_datelines,
    article_headline,
    article_paragraphs,
    split_sentences,
)
from dashboard.extraction.candidate import Candidate, Mention, _dedupe
from dashboard.extraction.dating import (
    _ACCUSATION,
    _ADJECTIVES,
    _DATE_PREPOSITION,
    _NOUN_AFTER,
    _NOUN_FORM,
    _REPORT_BEFORE,
    REPORTED_NOT_DONE,
    SPEECH_ACTS,
    _action_date,
    _as_report,
    _comma_participle,
    _indefinite,
    _not_participles,
    _possessive,
    _reaction_to,
    _recalled,
    _reported_object,
)
from dashboard.extraction.merging import (
    ONE_OFF,
    _add_once,
    _arms_deals,
    _date_by_narrative,
    _date_later,
    _defence_talks,
    _each_listed_month,
    _merge_ongoing,
    _merge_repeats,
    _month_in_told_year,
    _most_precise_telling,
    _one_per_body,
    _propose_governments,
)
from dashboard.extraction.patterns import (
    _CIRCUMSTANCE,
    _CONDEMNING,
    _GENERIC_PLURAL,
    _NEGATED,
    _PASSIVE_BEFORE,
    _PASSIVE_OPENING,
    _PAST_FORM,
    _REPEATED,
    _TIME_FROM_CLAUSE,
    _TIME_FROM_EVENT,
    _clause_start,
)
from dashboard.extraction.roles import (
    ACCUSED_OF,
    _action_parties,
    _action_roles,
    _coup_parties,
    _parties,
    _proposed_names,
    _said_before,
    _unnamed_offices,
)
from dashboard.extraction.sentence import _Told, _When
from dashboard.extraction.triggers import PASSIVE_TRANSFER, TRIGGERS, WEAPON_WORD, Trigger
from dashboard.geography import find_countries, find_places
from dashboard.parsing import Structure


def extract_events(
    text: str, published: date, directory: ActorDirectory, *, source: str = ""
) -> list[Candidate]:
    """Propose candidate events for an article.

    Parameters
    ----------
    text : str
        The article as plain text (paragraphs separated by blank lines).
    published : datetime.date
        Its publication date: every relative date is read against it.
    directory : ActorDirectory
        Known actors (names and aliases) to recognise and resolve.
    source : str, optional
        The citation (kept for symmetry with :func:`candidates_frame`).

    Returns
    -------
    list of Candidate
        In article order; one per action (the same action told again with the same
        type and date and shared actors is merged into the first), each with its
        paragraph and evidence sentence. An action that neither its sentence, an
        earlier mention of the same event nor its paragraph can date is left out.
    """
    finder = _ActorFinder(directory)
    paragraphs = article_paragraphs(text)
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph):
            finder.learn_abbreviations(sentence)
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph):
            finder.learn_offices(sentence)
    finder.learn_described_tellers(paragraphs)
    finder.learn_text_country(paragraphs)
    finder.dateline_span = _dateline_day(text, published)
    anchored: dict[str, tuple[DateSpan, str]] = {}
    candidates: list[Candidate] = []
    lead_dates: list[DateMention] = []
    sentences: list[tuple[int, str]] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        paragraph_dates: list[DateMention] = []
        for sentence in split_sentences(paragraph):
            sentences.append((number, sentence))
            so_far = len(paragraph_dates)
            candidates += _sentence_events(
                sentence, number, published, finder, anchored, paragraph_dates
            )
            told = _not_participles(sentence, find_date_expressions(sentence, published))
            if number == 1:  # the headline names the lead's events again ("since coup")
                lead_dates += [*paragraph_dates[so_far:], *told]
            # "... since the military's 2021 coup": the coup's own date words date no
            # undated action told after them (the paragraph's earlier ones still do)
            paragraph_dates.extend(m for m in told if not _on_one_off_noun(sentence, m))
            finder.last_date = told[-1] if told else finder.last_date
    # The headline tells the lead's news: read last (so its nouns can refer back), dated
    # like paragraph 1 where it has no date words of its own, cited as paragraph 1.
    headline = article_headline(text)
    if headline and lead_dates:
        told = _sentence_events(headline, 1, published, finder, anchored, lead_dates, headline=True)
        own_dates = find_date_expressions(headline, published)
        lead = [c for c in candidates if c.paragraph == 1]
        candidates += [  # Title Case, not names
            replace(_as_in_lead(c, lead, own_dates), proposed_actors=()) for c in told
        ]
    # "X confirmed the trip on Wednesday": the report's day, not the trip's
    told_back = [
        a for a in anaphors(sentences, published) if not _reported_object(a.sentence, a.at)
    ]
    candidates = date_by_anaphor(candidates, told_back)
    candidates = _date_by_narrative(candidates)
    candidates = _arms_deals(candidates)
    # the finder's directory: with the governments it proposed (government_of)
    candidates = _merge_repeats(
        _month_in_told_year(_date_later(candidates, finder.directory)), finder.directory
    )
    candidates = _merge_ongoing(_most_precise_telling(candidates, finder.one_off_told), published)
    # Every span as the event table states it, whatever rule made it (a candidate the
    # table refused made `extract` stop with none written).
    candidates = [
        replace(c, span=table_span(c.span)) for c in _each_listed_month(candidates, published)
    ]
    return _propose_governments(candidates, finder.proposed_governments)


#: The triggers of events a country has once (a coup).
_ONE_OFF_TRIGGERS = tuple(t for t in TRIGGERS if t.event_type in ONE_OFF)


def _on_one_off_noun(sentence: str, told: DateMention) -> bool:
    """Whether date words qualify a one-off event's noun right after them ("since the
    military's 2021 coup", "last year's coup"): that event's own date, told as a point
    of reference, not the paragraph's date for the undated actions told after it."""
    if _DATE_PREPOSITION.match(told.text) and not _possessive(told):
        return False  # "seized power in 2021": the date of a clause, not words on a noun
    start = told.end + 2 if sentence.startswith(("'s", "\u2019s"), told.end) else told.end
    adjectives = _ADJECTIVES.match(sentence, start)
    noun = _NOUN_AFTER.match(sentence, adjectives.end() if adjectives else start)
    end = noun.end() if noun is not None else adjectives.end()
    if end == start or not sentence[start : start + 1].isspace():
        return False
    words = _NOUN_AFTER.finditer(sentence, start, end)
    return any(t.pattern.match(sentence, w.start()) for w in words for t in _ONE_OFF_TRIGGERS)


def _dateline_day(text: str, published: date) -> tuple[DateSpan, str] | None:
    """The day a dateline block gives ("29 October 2024 - Dhaka, Bangladesh", "Bangkok,
    Apr 4:"): one of its two parts is wholly a date of day precision; else None."""
    for part in (p for pair in article_datelines(text) for p in pair):
        told = find_date_expressions(part, published)
        if len(told) == 1 and told[0].span.precision == "day" and told[0].text == part.strip():
            return told[0].span, told[0].text
    return None


def _as_in_lead(candidate: Candidate, lead: list[Candidate], own_dates) -> Candidate:
    """A headline's action with no date words of its own, of a type the lead tells:
    the lead's action, dated as the lead dates it ("EU targets officials with
    sanctions" over "The EU on Tuesday imposed sanctions ..., where a takeover last
    year ..."), not by the lead's last date words."""
    if own_dates:
        return candidate
    same = next(
        (
            c
            for c in lead
            if c.event_type == candidate.event_type
            and not (c.ongoing or c.undated or c.refers_back)  # the lead's own day only
        ),
        None,
    )
    if same is None:
        return candidate
    return replace(candidate, span=same.span, date_text=same.date_text)


def _sentence_events(
    sentence, number, published, finder, anchored, paragraph_dates, headline: bool = False
):
    """The candidate events one sentence tells, in the order told.

    The steps: read the sentence once (:func:`_read_sentence`), note the days its
    reporting verbs give (:func:`_note_reports`); then for each action word that tells
    an event (:func:`_no_event`), date it (:func:`_action_date`), find who acts and who
    receives (:func:`_action_roles`, :func:`_action_parties`, :func:`_coup_parties`,
    :func:`_report_instead`) and build the candidate (:func:`_build_candidate`).
    ``anchored`` and ``paragraph_dates`` are the text's and the paragraph's dates so
    far; dates this sentence carries to later sentences are added to them.
    """
    told = _read_sentence(sentence, number, published, finder, headline)
    _note_reports(told)
    found: list[Candidate] = []
    carried: list[DateMention] = []
    subject_of: dict[Trigger, list[Mention]] = {}
    #: the date of each action told with date words, by its predicate (token index)
    told_at: dict[int, tuple] = {}
    #: the actors of each action, by where its words start
    parties_at: dict[int, tuple[str, ...]] = {}
    #: (actors, recipients) of the coups this sentence tells so far
    coups: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for trigger, match in told.matches:
        if _no_event(sentence, match):
            continue
        when = _action_date(told, trigger, match, anchored, paragraph_dates, told_at, carried)
        initiators, receivers, unknown = _action_roles(told, trigger, match, subject_of)
        actors, recipients, tellers = _action_parties(told, match, initiators, receivers, unknown)
        reaction = _reaction_to(told, match)
        if reaction is not None:  # "X condemned the executions": X executed no one
            actors = tuple(a for a in actors if a not in parties_at.get(reaction.start(), ()))
        parties_at[match.start()] = actors
        if trigger.event_type == "coup":
            actors = _coup_parties(told, match, actors, recipients)
        if trigger.event_type == "visit":  # "She visited Thailand": no Thai person visits
            actors, recipients = _not_of_destination(told, match, actors, recipients)
        if trigger.event_type == "protest" and (not actors or _SUPPORTERS.search(sentence)):
            actors = _protesters(told) or actors  # "her supporters take to the streets"
        if trigger.event_type == "arms transfer":
            actors, recipients = _agentless_transfer(told, match, finder, actors, recipients)
            actors, recipients = _makers_supply(told, match, finder, actors, recipients)
        if trigger.event_type in REPORTED_NOT_DONE:
            report = _report_instead(told, trigger, match, when, actors, recipients)
            if report is None:
                continue  # the supplies themselves are undated; the report's teller unknown
            trigger, actors, recipients, when = report
        if trigger.event_type in ACCUSED_OF and coups:
            actors = _not_the_ousted(told, actors, coups)
        if not actors and trigger.event_type in ACCUSED_OF and _STATE_VIOLENCE.search(sentence):
            # "12 people had been killed during the crackdown on protesters": told with
            # no agent, a crackdown's toll is the security forces' of the country told
            actors = _forces_of_country(told)
        if not actors and not recipients:
            if trigger.event_type in ONE_OFF and not when.inherited:
                # "between the February 2021 coup and ...": no one acts here, but the
                # words date the one coup the text tells (see _most_precise_telling)
                finder.one_off_told.append((trigger.event_type, when.span, when.words))
            continue  # no one acts: not an event of ours (every event has an actor)
        candidate = _build_candidate(told, trigger, match, when, actors, recipients, tellers)
        if trigger.event_type == "coup":
            coups.append((candidate.actors, candidate.recipients))
        parties = _parties(candidate, finder)
        if len(parties) >= 2:  # "the two sides" are the last event's with two sides
            finder.last_parties = parties
        if _REPORT_RELEASED.search(candidate.trigger) and not when.inherited:
            # "X released the report on Wednesday": the day of X's statements told
            # after it without date words (as a reporting verb's day is)
            finder.report_span = (candidate.span, candidate.date_text)
        for each in _one_per_body(candidate, finder.directory):
            found = _add_once(found, _defence_talks(each, finder))
        accusation = _accusation_told(told, candidate, match, when.dates_here)
        if accusation is not None:
            found = _add_once(found, accusation)
    finder.remember(sentence, told.mentions, told.countries)
    transfers = [c for c in found if c.event_type == "arms transfer"]
    finder.last_sellers = _dedupe(a for c in transfers for a in c.actors)
    paragraph_dates.extend(carried)
    return found


#: A weapon named with its maker's country before it: "Russian Mi-38T transport
#: helicopters", "two Chinese jets".
_MADE_WEAPON = re.compile(
    r"\s(?:(?!(?:the|an?|of|and|into|its|their)\b)[\w-]+\s){0,3}?" + WEAPON_WORD.pattern,
    re.IGNORECASE,
)


def _makers_supply(told: _Told, match, finder: _ActorFinder, actors, recipients):
    """(actors, recipients) of weapons put into service ("X brought three Russian jets
    into service"): the governments of the countries told as the weapons' makers supply
    them, the other parties told (the buyer's forces or government) receive."""
    if not _INTO_SERVICE.fullmatch(match.group(0)):
        return actors, recipients
    sentence = told.sentence
    makers = [
        c.country
        for c in told.countries
        # a demonym, the makers' adjective ("Russian jets"; not "Laos inducted ... jets")
        if c.country
        and c.text not in (c.country, "")
        and c.text[:1].isupper()
        and _MADE_WEAPON.match(sentence, c.end)
    ]
    sellers = _dedupe(g for g in map(finder.government_of, makers) if g)
    if not sellers:
        return actors, recipients
    buyers = [p for p in (*actors, *recipients) if finder.directory.country_of(p) not in makers]
    if not buyers:
        others = [c.country for c in told.countries if c.country and c.country not in makers]
        buyers = [finder.forces_of(c) or finder.government_of(c) for c in others[:1]]
    return sellers, _dedupe(buyers)


#: A transfer told in the passive with no seller: "rockets were sold", "two submarines
#: were delivered to X" (not "... were sold by Y", whose agent the roles read).
_AGENTLESS = re.compile(PASSIVE_TRANSFER + r"$", re.IGNORECASE)
#: The buyer right after the passive: "were delivered to Laos".
_TO_BUYER = re.compile(r"\s+to\s+")


def _agentless_transfer(told: _Told, match, finder: _ActorFinder, actors, recipients):
    """(actors, recipients) of an arms transfer told in the passive with no seller: the
    seller is the one of the last sentence's transfer ("X sold radars to Y in 2021. Last
    year, rockets were sold"), else none is told and the transfer keeps its known party,
    the buyer named after "to" (a government for a country)."""
    if actors or not _AGENTLESS.search(match.group(0)):
        return actors, recipients
    to = _TO_BUYER.match(told.sentence, match.end())
    if to and not recipients:
        near = told.sentence[to.end() : to.end() + 40]
        buyers = [m.actor for m in told.mentions if to.end() <= m.start < to.end() + 40]
        if not buyers and (countries := find_countries(near)) and countries[0].start == 0:
            buyers = [finder.government_of(countries[0].country)]
        recipients = _dedupe(b for b in buyers if b)
    sellers = tuple(s for s in finder.last_sellers if s not in recipients)
    return sellers, recipients


#: A toll told as a crackdown's or of protesters: the state's security forces act.
_STATE_VIOLENCE = re.compile(
    r"\bcrackdowns?\b|\b(?:protesters|protestors|demonstrators)\b[^.;]{0,40}?\bkilled\b"
)


def _not_the_ousted(told: _Told, actors: tuple[str, ...], coups) -> tuple[str, ...]:
    """A crackdown's actors without those a coup of its sentence ousted: "the army
    overthrew the administration of X ..., sparking a bloody crackdown" is no crackdown
    of X's; when no one is left, the coup's own actors (else the country's forces)."""
    ousted = {r for _, recipients in coups for r in recipients}
    kept = tuple(a for a in actors if a not in ousted)
    if kept or not actors:
        return kept
    usurpers = _dedupe(a for coup_actors, _ in coups for a in coup_actors)
    return usurpers or _forces_of_country(told)


def _forces_of_country(told: _Told) -> tuple[str, ...]:
    """The armed forces of the country the sentence names, else the text's."""
    finder = told.finder
    named = [c.country for c in told.countries if c.country]
    forces = next(filter(None, map(finder.forces_of, [*named, finder.text_country])), None)
    return (forces,) if forces else ()


def _accusation_told(told: _Told, deed: Candidate, match, dates_here) -> Candidate | None:
    """A named speaker's dated report of killings ("X said on Thursday that ... soldiers
    had killed 70 people"): X's accusation (a condemnation) of the killers, on the day
    X said it. The killings stay their own event, dated by their own words."""
    said = _said_before(told.sentence, match)
    if deed.event_type not in ACCUSED_OF or said is None or not deed.actors:
        return None
    directory = told.finder.directory
    speakers = [
        m.actor
        for m in told.mentions
        if m.end <= said.start() and m.actor not in deed.actors and directory.knows(m.actor)
    ]
    day = next((m for m in dates_here if said.start() <= m.start <= said.end("when")), None)
    if not speakers or day is None:
        return None
    return replace(
        deed,
        event_type="condemnation",
        span=day.span,
        date_text=day.text,
        actors=(speakers[-1],),
        recipients=deed.actors,
        trigger=said.group(0),
        undated=False,
        indefinite=False,
        ongoing=False,
    )


#: Between a visit's word and the country it goes to: "visited Thailand", "a trip to
#: Laos", "arrived in the Philippines" (not a possessive: "visited Russia's Far East").
_TO_COUNTRY = re.compile(r"\s+(?:to\s+|in\s+)?(?:the\s+)?")


def _not_of_destination(told: _Told, match, actors, recipients):
    """(actors, recipients) of a visit with the persons of the country it goes to moved
    to its recipients: "Thai minister X sat between them. ... She visited Thailand"
    resolves "She" to the last person named, who hosts a visit to their own country,
    never makes it."""
    sentence, directory = told.sentence, told.finder.directory
    destination = next(
        (
            c.country
            # named, not referred to ("a visit to the country": which one is a guess)
            for c in find_countries(sentence)
            if c.start >= match.end()
            and c.country
            and _TO_COUNTRY.fullmatch(sentence, match.end(), c.start)
            and not c.text.endswith(("'s", "\u2019s", "'", "\u2019"))
        ),
        None,
    )
    if destination is None:
        return actors, recipients
    hosts = tuple(
        a
        for a in actors
        if directory.kinds.get(a) == "person" and directory.countries.get(a) == destination
    )
    return tuple(a for a in actors if a not in hosts), _dedupe((*recipients, *hosts))


#: Protesters told as someone's supporters ("her supporters", "Suu Kyi's supporters").
_SUPPORTERS = re.compile(
    r"\b(?:his|her|their|[A-Z][\w-]*['\u2019]s?)\s+(?:[\w-]+\s+){0,2}?supporters\b"
)


def _protesters(told: _Told) -> tuple[str, ...]:
    """Who protests when the words name no one ("Protests have spread across X"): the
    protest movement of the country (or the place's) told, else the text's, if the
    directory has one."""
    finder = told.finder
    countries = [c.country for c in told.countries if c.country]
    countries += [place.country for _, _, place in told.places]  # "Yangon streets"
    countries = countries or [finder.text_country]
    return _dedupe(filter(None, (finder.protesters_of(c) for c in countries[:1])))


def _read_sentence(sentence, number, published, finder, headline) -> _Told:
    """Read a sentence once: its actors, countries, places, persons and action words."""
    directory = finder.directory
    mentions = finder.find(sentence)
    # "Brussels [Belgium], November 9 (ANI): ...": the dateline's country is where the
    # report was filed from, no party to what the sentence tells
    dateline = _dateline_end(sentence)
    countries_here = [c for c in find_countries(sentence) if c.start >= dateline]
    countries_here += finder.referred_countries(sentence, mentions)
    places = find_places(sentence)
    people = _dedupe(m.actor for m in mentions if directory.kinds.get(m.actor) == "person")
    found = _action_matches(sentence)
    found += _lexicon_matches(sentence, found, [*mentions, *countries_here])
    # In the order told: "visited X, when both sides agreed" - the visit's parties first.
    matches = sorted(found, key=lambda tm: tm[1].start())
    # "two months after the coup, X attended", "three years after the military seized
    # power": the event named is a point of reference, no action told here (nor dated by
    # the sentence's days) - it proposes no event and owns no date words
    matches = [(t, m) for t, m in matches if not _point_of_reference(sentence, t, m)]
    actions = [(m.start(), m.end()) for _, m in matches]
    return _Told(
        sentence,
        number,
        published,
        finder,
        mentions,
        countries_here,
        places,
        people,
        matches,
        actions,
        headline,
    )


def _point_of_reference(sentence: str, trigger, match: re.Match) -> bool:
    """Whether an action is told only as where a count of time starts: its noun after
    "two months after the" (:data:`_TIME_FROM_EVENT`), its verb after "three years after
    the military" (:data:`_TIME_FROM_CLAUSE`)."""
    noun = any(match.group(0).casefold().startswith(a) for a in trigger.anchors)
    pattern = _TIME_FROM_EVENT if noun else _TIME_FROM_CLAUSE
    return pattern.search(sentence, 0, match.start()) is not None


def _note_reports(told: _Told) -> None:
    """Note the days the sentence's reporting verbs give ("said Tuesday", "reported on
    Saturday"): by paragraph, and the last one as the day of later speech acts."""
    finder = told.finder
    reported = [
        m
        for m in find_date_expressions(told.sentence, told.published)
        if m.text.casefold().startswith("said") or _REPORT_BEFORE.search(told.sentence[: m.start])
    ]
    finder.report_dates.setdefault(told.number, set()).update(m.text for m in reported)
    if reported:
        finder.report_span = (reported[-1].span, reported[-1].text)


#: An action noun as the subject of a possibility: "sanctions against X could push the
#: country towards war" - a consequence weighed, no event told.
_HYPOTHETICAL = re.compile(r"[^,;.]{0,40}?\b(?:could|might)\b", re.IGNORECASE)


#: A passive auxiliary right before a verb of speech ("is expressly condemned"): the
#: speaker is untold unless "by" names them (``patterns._PASSIVE_BEFORE``, ``_CONDEMNING``).
_BY_AFTER = re.compile(r"[^,;.]*?\bby\b")  # "accused of genocide by China"
#: A verb of speech in "-ed" followed straight by its reason ("Serbia, Condemned for
#: Selling Arms", "X slammed over ..."): a passive with its auxiliary left out, as in
#: headlines and appositions; the active has its object before the reason.
_PAST_PARTICIPLE = re.compile(r"\w+ed$", re.IGNORECASE)
_REASON_AFTER = re.compile(r"\s+(?:for|over)\b", re.IGNORECASE)


#: An action noun named as a point of view or question under study: "analysing the
#: situation from the viewpoint of the continuation of military cooperation".
_TOPIC_OF = re.compile(
    r"\b(?:viewpoint|point of view|perspective|standpoint|question|issue) of\s+(?:the\s+)?"
    r"(?:(?:continuation|future|fate|prospects?) of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}$"
    # what was discussed: "discussed the 'fight against terrorism'"
    r"|\bdiscuss(?:ed|es|ing)?\s+(?:the\s+)?[\"\u201c]?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


#: An action the words before it put under a truce: "a ceasefire ... in operations
#: against", "a halt to air strikes" - halted, not done.
_TRUCE_SCOPE = re.compile(
    r"\b(?:ceasefire|cease-fire|truce|halt|pause|suspension)\b[^,;.]{0,40}?"
    r"\b(?:in|on|of|to)\s+(?:(?:the|all|its|their)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


#: A quoted stretch: straight or curly double quotes, or curly single ones.
_QUOTED = re.compile(
    r"[\"\u201c]([^\"\u201c\u201d]{1,120})[\"\u201d]|\u2018([^\u2018\u2019]{1,120})\u2019(?!\w)"
)
#: A word a title writes in lower case: "An Update on ASEAN's Efforts in Myanmar".
_TITLE_SMALL_WORD = re.compile(
    r"(?:a|an|and|as|at|but|by|for|from|in|into|of|on|or|the|to|vs|with)", re.IGNORECASE
)


def _in_quoted_title(sentence: str, match: re.Match) -> bool:
    """Action words inside a quoted title ("the 'Peace Dialogue' forum", an event
    "Special Discussion: An Update on ..."): every word of the quote capitalised but the
    small ones, at least two words. A quoted saying ("we held talks") is no title."""
    for quote in _QUOTED.finditer(sentence):
        if not quote.start() <= match.start() < match.end() <= quote.end():
            continue
        words = re.findall(r"[^\W\d_][\w'\u2019-]*", quote.group(1) or quote.group(2))
        if len(words) >= 2 and all(w[0].isupper() or _TITLE_SMALL_WORD.fullmatch(w) for w in words):
            return True
    return False


#: Who hosts a gathering, not a visitor: an institute, a think tank, a centre of studies
#: ("hosted by the X Studies Centre at the Y Institute").
_BY_INSTITUTE = re.compile(
    r"\s+by\s+(?:an?\s+|the\s+)?(?:[\w'\u2019&.-]+\s+){0,5}?(?:institutes?|institution|"
    r"cent(?:re|er)|think[- ]tanks?|university|foundation|academy|studies)\b",
    re.IGNORECASE,
)
#: A gathering told as hosted: "the event was hosted by", "the webinar is hosted by".
_GATHERING_HOSTED = re.compile(
    r"\b(?:event|webinar|seminar|discussion|forum|conference|dialogue|panel|symposium|"
    r"workshop|lecture|roundtable|briefing)s?,?\s+(?:(?:was|were|is|are|will\s+be|had\s+been|"
    r"has\s+been|being)\s+)?(?:co-?)?$",
    re.IGNORECASE,
)


def _hosted_gathering(sentence: str, match: re.Match) -> bool:
    """ "hosted" told of a gathering ("The event was hosted by X") or with an institute
    or a think tank as host ("a delegation hosted by the X Institute"): a gathering held,
    no visit. "X was hosted by Laos's foreign minister" stays a visit."""
    return bool(
        _GATHERING_HOSTED.search(sentence, 0, match.start())
        or _BY_INSTITUTE.match(sentence, match.end())
    )


#: An action told as called off: "decided to cancel the visit", "called off his planned
#: trip", "postponed the talks" - none took place.
_CALLED_OFF = re.compile(
    r"\b(?:cancel(?:s|led|ed|ling|ing)?|call(?:s|ed|ing)?\s+off|postpone[sd]?|postponing|"
    r"scrap(?:s|ped|ping)?)\s+(?:(?:the|a|an|his|her|its|their|this|that|planned|"
    r"scheduled|proposed|upcoming|[\w-]+-day)\s+){0,3}$",
    re.IGNORECASE,
)


#: An action named as a capability or as what a purpose would stop: "to limit the
#: military's capacity to conduct further airstrikes", "its ability to carry out air
#: strikes", "to prevent further attacks" - acts weighed, none done.
_CAPABILITY = re.compile(
    r"\b(?:capacity|capability|ability|means)\s+to\s+(?:conduct|carry\s+out|launch|wage|"
    r"mount|stage)\s+(?:(?:further|future|more|new)\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:prevent|limit|curb|deter|stop|avert)\s+(?:any\s+)?(?:further|future)\s+"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _no_event(sentence: str, match: re.Match) -> bool:
    """Whether the action words tell no event: negated, a kind of action, repeated or a
    circumstance."""
    if _NEGATED.search(sentence[max(0, match.start() - 30) : match.start()]):
        return True  # "didn't meet", "has not visited": no event
    if re.search(r"\b(?:such|any|no)\s+$", sentence[: match.start()], re.IGNORECASE):
        return True  # "the first such trip", "any talks": a kind of action, not one
    # (a comma-opened participle's own words only: "visited X twice, meeting Y" is one
    # meeting)
    own = match.start() if _comma_participle(sentence, match) else None
    start = _clause_start(sentence, match.start()) if own is None else own
    if _REPEATED.search(sentence[start : match.end()]):
        return True  # "twice hosted": several events, none dated by these words
    before = sentence[_clause_start(sentence, match.start()) : match.start()]
    # (a verb first: "sent troops", "were designated for sanctions")
    verb_first = bool(_PAST_FORM.match(match.group(0)) or _PASSIVE_OPENING.match(match.group(0)))
    generic = _GENERIC_PLURAL.search(before)
    if (
        match.group(0).endswith("s")
        and not verb_first
        and generic
        # (not "other Western nations imposed sanctions": the subject's quantifier, nor
        # "the two sides held talks": the verb between says "two" counts the subject)
        and not _verb_between(sentence, match, match.start() - len(before) + generic.start())
    ):
        return True  # "one of the most high-profile visits": a kind of action, not one
    nouns = any(_NOUN_FORM.search(word) for word in match.group(0).split())
    if nouns and _HYPOTHETICAL.match(sentence, match.end()):
        return True  # "warned that sanctions against X could push ...": a possibility
    passive = _PASSIVE_BEFORE.search(sentence, 0, match.start())
    if passive and _CONDEMNING.match(match.group(0)) and not _BY_AFTER.match(sentence, match.end()):
        return True  # "the junta is expressly condemned for the coup": who condemns untold
    if (
        _CONDEMNING.match(match.group(0))
        and _PAST_PARTICIPLE.match(match.group(0))
        and _REASON_AFTER.match(sentence, match.end())
    ):
        return True  # "Serbia, Condemned for Selling Arms": a passive, who condemns untold
    if _TRUCE_SCOPE.search(sentence, 0, match.start()):
        return True  # "a ceasefire in operations against X": the operations halted
    if _CAPABILITY.search(sentence, 0, match.start()):
        return True  # "capacity to conduct further airstrikes": a capability, no act
    if _CALLED_OFF.search(sentence, 0, match.start()):
        return True  # "decided to cancel the visit": it did not take place
    if _TOPIC_OF.search(sentence, 0, match.start()):
        return True  # "from the viewpoint of the continuation of cooperation": a topic
    if _in_quoted_title(sentence, match):
        return True  # "the event 'Special Discussion: ...'": a name, not a discussion held
    if match.group(0).casefold() == "hosted" and _hosted_gathering(sentence, match):
        return True  # "the event was hosted by a research centre": no one visits
    # "as they face Western condemnation": a state, not an event told
    return bool(_CIRCUMSTANCE.search(before) and _NOUN_FORM.search(match.group(0)))


def _verb_between(sentence: str, match: re.Match, quantifier: int) -> bool:
    """Whether the action noun's verb stands between a quantifier and the noun ("the two
    sides held talks": "two" counts the subject, not the talks)."""
    verb = Structure.of(sentence).predicate(match.start())
    return verb is not None and quantifier < verb.idx < match.start()


def _report_instead(told: _Told, trigger, match, when: _When, actors, recipients):
    """(trigger, actors, recipients, when) of an action told only as someone's report:
    "X supplied arms, an expert said in February" is the report (an accusation, our
    "condemnation") dated by its verb; unchanged when not so told; None when the report's
    teller is unknown (the supplies themselves are undated)."""
    report = _as_report(
        told.sentence, match, when.words, when.dates_here, told.mentions, when.undated
    )
    if report is None:
        return trigger, actors, recipients, when
    speakers, said = tuple(a for a in report[0] if a not in actors), report[1]
    if not speakers:
        return None
    recipients = _dedupe(a for a in (*actors, *recipients) if a not in speakers)
    return (
        _ACCUSATION,
        speakers,
        recipients,
        replace(when, span=said.span, words=said.text, undated=False),
    )


#: A reporting verb with its that-clause: what follows is the speaker's words.
_SAID_THAT = re.compile(
    r"\b(?:said|says|told (?:\w+ ){1,2}?|underlined|underscored|stressed|emphasi[sz]ed|noted"
    r"|added|insisted)\s+that\b"
)


def _build_candidate(told: _Told, trigger, match, when: _When, actors, recipients, tellers):
    """The candidate: countries, place, a speech act's report day, confidence."""
    sentence, finder, mentions = told.sentence, told.finder, told.mentions
    directory = finder.directory
    span, date_words, undated = when.span, when.words, when.undated
    offices = _unnamed_offices(sentence, match, mentions, told.countries, Structure.of(sentence))
    countries = _dedupe(
        [directory.country_of(a) for a in (*actors, *recipients)]
        + [c.country for c in told.countries]
        + [p.country for _, _, p in told.places]
    )
    # a visit's place is the one after its word ("BANGKOK - ... will visit Moscow")
    places = told.places
    after = [p for s, _, p in places if s > match.start() and trigger.event_type == "visit"]
    place = (after or [p for _, _, p in places])[0] if places else None
    parties = _dedupe(filter(None, map(directory.country_of, (*actors, *recipients))))
    if trigger.event_type in ONE_OFF and parties:
        # "X, who seized power in a 2021 coup, backed Moscow's war on Ukraine": a coup
        # is its country's, not every country (nor place) its sentence names
        countries = parties
        place = next((p for _, _, p in places if p.country in parties), None)
    if trigger.event_type == "visit" and not recipients and place is not None:
        # "a delegation arrived in <city of another country>": that country hosts
        host = finder.government_of(place.country)
        if host and place.country not in {directory.country_of(a) for a in actors}:
            recipients = (host,)
    speaker = any(directory.kinds.get(a) == "person" for a in actors)
    # "the spokesman also underlined that Russia condemns ...": told as reported speech
    speaker = speaker or _SAID_THAT.search(sentence, 0, match.start()) is not None
    if (
        undated
        and speaker
        and trigger.event_type in SPEECH_ACTS
        and finder.report_span is not None
        and not _indefinite(sentence, match, told.actions)  # "has been accused": no day
        and not _told_as_recent(sentence, match)  # "in a recent statement": another day
    ):
        # "X said Tuesday ... In a report, X called for ...": the statements of the
        # report are of its day (the reporting verb dates the speech act)
        (span, date_words), undated = finder.report_span, False
    inherited, expected = when.inherited, when.expected
    confidence = 0.35 + 0.2 * bool(actors) + 0.1 * bool(recipients or countries)
    confidence += 0.25 - 0.15 * inherited - 0.15 * expected
    return Candidate(
        event_type=trigger.event_type,
        span=span,
        date_text=date_words,
        actors=actors,
        recipients=recipients,
        countries=countries,
        location=place.name if place else "",
        coordinates=(place.latitude, place.longitude) if place else None,
        paragraph=told.number,
        evidence=sentence,
        confidence=round(max(0.05, min(0.95, confidence)), 2),
        status="expected" if expected else "reported",
        proposed_actors=_dedupe([*_proposed_names(sentence, mentions, finder), *offices]),
        trigger=match.group(0),
        refers_back=inherited
        and not undated
        and any(match.group(0).casefold().startswith(a) for a in trigger.anchors),
        undated=undated,
        people=tuple(p for p in told.people if p not in tellers),
        indefinite=when.soon
        or _indefinite(sentence, match, told.actions)
        or _recalled(sentence, match),
        ongoing=when.ongoing,
        unknown_counterparts=offices,
    )


#: "in a recent statement X accused", "X recently said": a speech act told as of a
#: recent day the text does not name.
_RECENT = re.compile(r"\brecent(?:ly)?\b", re.IGNORECASE)


def _told_as_recent(sentence: str, match: re.Match) -> bool:
    """Whether the action's clause tells it as recent, before it ("in a recent
    statement X accused"): not of the day of a report told earlier."""
    return (
        _RECENT.search(sentence, _clause_start(sentence, match.start()), match.start()) is not None
    )
