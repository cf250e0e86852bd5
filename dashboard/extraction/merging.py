"""Candidates after reading: added once, split per body, counterpart or listed month, dated
by a later paragraph or the narrative, and merged when the text tells them again."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from dashboard.actors import ActorDirectory
from dashboard.dates import DateSpan, listed_months, month_span
from dashboard.discourse import names_back
from dashboard.extraction.actor_finder import _ActorFinder
from dashboard.extraction.candidate import Candidate, Mention, _dedupe
from dashboard.extraction.dating import SPEECH_ACTS
from dashboard.extraction.patterns import _CLAUSE_BREAK
from dashboard.extraction.triggers import _WEAPONS
from dashboard.geography import find_places


def _each_listed_month(candidates: list[Candidate], published: date) -> list[Candidate]:
    """An action dated by one month of a list its sentence tells ("who travelled there
    in March and June") happened in each: one candidate per month, each dated by its own
    words (:func:`dashboard.dates.listed_months`), unless one is proposed already."""
    told = {(c.event_type, c.span, c.actors, c.recipients) for c in candidates}
    result = []
    for candidate in candidates:
        result.append(candidate)
        if candidate.span.precision != "month" or not candidate.date_text:
            continue
        forward = candidate.status == "expected"
        for months in listed_months(candidate.evidence, published, forward=forward):
            if candidate.date_text not in [month.text for month in months]:
                continue
            for month in months:
                key = (candidate.event_type, month.span, candidate.actors, candidate.recipients)
                if key not in told:
                    told.add(key)
                    result.append(replace(candidate, span=month.span, date_text=month.text))
    return result


def _propose_governments(candidates: list[Candidate], governments: dict[str, str]):
    """Each candidate naming a government the directory lacks (:meth:`_ActorFinder.
    government_of`) proposes it for review as a new actor, as it does unknown names."""
    return [
        replace(c, proposed_actors=_dedupe([*c.proposed_actors, *named]))
        if (named := [a for a in (*c.actors, *c.recipients) if a in governments])
        else c
        for c in candidates
    ]


def _most_precise_telling(candidates: list[Candidate], tellings) -> list[Candidate]:
    """A one-off event (a coup) told again more precisely ("its 2021 coup", later "the
    February 2021 coup") takes the most precise telling's span inside its own, also
    from a telling that proposed nothing (no one acts in it)."""
    narrowed = []
    for candidate in candidates:
        inside = [
            (span, words)
            for kind, span, words in tellings
            if kind == candidate.event_type and candidate.span.contains(span)
        ]
        if inside and candidate.event_type in ONE_OFF:
            span, words = min(inside, key=lambda told: told[0].end - told[0].start)
            if span.end - span.start < candidate.span.end - candidate.span.start:
                candidate = replace(candidate, span=span, date_text=words)
        narrowed.append(candidate)
    return narrowed


#: A deal named again: "The deal was signed", "the contract" (the supply told before).
_DEAL_BACK = re.compile(r"\b[Tt]he (?:\w+ )?(?:deal|contract|agreement)\b")
_WEAPONS_NAMED = re.compile(rf"\b{_WEAPONS}\b", re.IGNORECASE)


def _arms_deals(candidates: list[Candidate]) -> list[Candidate]:
    """A deal signed for weapons is an arms transfer (our vocabulary: the sale or supply
    of weapons, an agreed sale too), not only an agreement: a signing whose clause names
    the weapons ("signed a contract for six jets"), or "the deal" told right after a
    supply of weapons in the same paragraph ("Russia will supply X with drones. The deal
    was signed ..."): then one event, the supply's parties on the signing's date."""
    found: list[Candidate] = []
    for candidate in candidates:
        if candidate.event_type != "agreement":
            found.append(candidate)
            continue
        at = candidate.evidence.find(candidate.trigger)
        clause_end = _CLAUSE_BREAK.search(candidate.evidence, at + len(candidate.trigger))
        clause = candidate.evidence[at : clause_end.start() if clause_end else None]
        supply = found[-1] if found else None
        if _WEAPONS_NAMED.search(clause):
            found.append(replace(candidate, event_type="arms transfer"))
        elif (
            supply is not None
            and supply.event_type == "arms transfer"
            and supply.paragraph == candidate.paragraph
            and supply.evidence != candidate.evidence
            and _DEAL_BACK.search(candidate.evidence[: max(at, 0) + len(candidate.trigger)])
        ):
            found[-1] = replace(
                candidate,
                event_type="arms transfer",
                actors=_dedupe([*supply.actors, *candidate.actors]),
                recipients=_dedupe(
                    r for r in (*supply.recipients, *candidate.recipients) if r not in supply.actors
                ),
                countries=_dedupe([*supply.countries, *candidate.countries]),
            )
        else:
            found.append(candidate)
    return found


#: A past perfect before the action word: "had met", "had earlier held talks".
_PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:also|earlier|already|previously)\s+)?$", re.IGNORECASE)
#: Who tells a sentence: "X said ...", "..., X said in a statement" (capitalised words).
_TELLER = re.compile(
    r"(?:^|,\s+)((?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w'\u2019.-]*)"
    r"{0,4})\s+(?:said|says|reported|announced)\b"
)


def _teller(sentence: str) -> str | None:
    found = _TELLER.search(sentence)
    return " ".join(found.group(1).casefold().split()).removeprefix("the ") if found else None


def _date_by_narrative(candidates: list[Candidate]) -> list[Candidate]:
    """Date an undated past perfect ("X said its chief had met Y") by the narrative it
    is told in: the last earlier action dated by its own words that the same teller
    tells ("..., X said in a statement"). Without such a teller, it stays undated.
    """
    dated: list[Candidate] = []
    for candidate in candidates:
        at = candidate.evidence.find(candidate.trigger)
        teller = _teller(candidate.evidence)
        if candidate.undated and teller and _PAST_PERFECT.search(candidate.evidence[: max(at, 0)]):
            told = [c for c in dated if not c.undated and _teller(c.evidence) == teller]
            if told:
                span, words = told[-1].span, told[-1].date_text
                candidate = replace(candidate, span=span, date_text=words, undated=False)
        dated.append(candidate)
    return dated


def _add_once(found: list[Candidate], candidate: Candidate) -> list[Candidate]:
    """Add a sentence's candidate, or merge it into one of the same type and date there.

    A sentence proposes one event per type; a meeting typed military cooperation for its
    parties may meet the sentence's own military cooperation ("to strengthen defence
    cooperation following a meeting"): one event. Separate bodies met stay apart.
    """
    parties = set(candidate.actors + candidate.recipients)
    for i, other in enumerate(found):
        theirs = set(other.actors + other.recipients)
        same = (other.event_type, other.span, other.status) == (
            candidate.event_type,
            candidate.span,
            candidate.status,
        )
        same = same and other.unknown_counterparts == candidate.unknown_counterparts
        if same and (parties <= theirs or theirs <= parties):
            found[i] = _joined(other, candidate)
            return found
    return [*found, candidate]


#: A defence minister told by title (a deputy, a minister of state, a secretary too):
#: "talks between Union Minister of State for Defense X and Y", "India's defence
#: minister held talks with Y".
_DEFENCE_TITLE = re.compile(
    r"\b(?:defen[cs]e (?:minister|secretary)|(?:minister|secretary)(?: of state)? "
    r"(?:for|of) defen[cs]e)\b",
    re.IGNORECASE,
)


def _defence_talks(candidate: Candidate, finder: _ActorFinder) -> Candidate:
    """A meeting with a military, a defence or arms body or a defence minister is
    military cooperation (our vocabulary's convention for defence talks), also with a
    defence minister the directory lacks, told by title in its sentence, on the side no
    named person takes (unknown, or the government the title stands for); a joint
    exercise is held by the armed forces of the countries it names (:func:`_exercise`)."""
    parties = candidate.actors + candidate.recipients
    titled = bool(_DEFENCE_TITLE.search(candidate.evidence)) and not any(
        finder.directory.kinds.get(a) == "person" for a in candidate.actors
    )
    if candidate.event_type == "meeting" and (titled or any(finder.is_defence(p) for p in parties)):
        return replace(candidate, event_type="military cooperation")
    return _seller_supplies(_visitor_acts(_exercise(candidate, finder), finder), finder)


#: An arms transfer told from the buyer's side ("imported", "bought", "acquired").
_BUYER_SIDE = re.compile(r"(?:import|b(?:uy|ought)|(?:re-?)?purchas|acquir)", re.IGNORECASE)
#: ... or from the weapons' side, in the passive ("six jets sold to X by Y").
_PASSIVE_SALE = re.compile(r"(?:traded|sold|purchased|bought) (between|to|by)$", re.IGNORECASE)


def _told_in_action(match: re.Match, mentions: list[Mention]) -> list[Mention]:
    """Parties inside the action's words ("supplying the junta with drones") or right
    after a passive sale's preposition ("jets traded between Russia and the junta")."""
    after = 40 if _PASSIVE_SALE.search(match.group(0)) else 0
    return [m for m in mentions if match.start() < m.start < match.end() + after]


def _seller_supplies(candidate: Candidate, finder: _ActorFinder) -> Candidate:
    """A transfer told by the buyer ("X imported radars in February, Russian customs
    data show"; "X bought jets from Russia") or in the passive ("jets sold to X by
    Russia"): the seller - the government of another country the sentence names -
    transfers, the buyer receives. "traded between A and B": A sells to B."""
    passive = _PASSIVE_SALE.search(candidate.trigger)
    if not passive and not _BUYER_SIDE.match(candidate.trigger):
        return candidate
    parties = candidate.actors + candidate.recipients
    if passive and passive.group(1).casefold() == "between" and len(parties) >= 2:
        return replace(candidate, actors=parties[:1], recipients=parties[1:])
    buyers = (candidate.recipients or candidate.actors) if passive else candidate.actors
    theirs = {finder.directory.country_of(b) for b in buyers}
    sellers = [finder.government_of(c) for c in candidate.countries if c not in theirs]
    return replace(
        candidate,
        actors=_dedupe(s for s in sellers[:1] if s) or (),
        recipients=_dedupe(b for b in (*buyers, *candidate.recipients) if b not in sellers[:1]),
    )


def _visitor_acts(candidate: Candidate, finder: _ActorFinder) -> Candidate:
    """A visit's actor is the visitor, its recipient the host.

    "X hosted Y": Y visits X. "Putin hails ties as Y visits Moscow": of the actors
    told, those of the country visited are hosts (recipients), the others the
    visitors; the government of the country visited is a recipient too.
    """
    if candidate.event_type != "visit":
        return candidate
    actors, recipients = candidate.actors, candidate.recipients
    if candidate.trigger.casefold() == "hosted" and recipients:
        actors, recipients = recipients, actors
    places = find_places(candidate.location) if candidate.location else []
    host = places[0][2].country if places else None
    hosts = tuple(a for a in actors if host and finder.directory.country_of(a) == host)
    if hosts and len(hosts) < len(actors):
        actors = tuple(a for a in actors if a not in hosts)
        recipients = _dedupe((*recipients, *hosts))
    if host and host not in map(finder.directory.country_of, actors):
        recipients = _dedupe([*recipients, finder.government_of(host)])
    return replace(candidate, actors=actors, recipients=recipients)


_EXERCISE = re.compile(r"(?:exercises?|drills?|manoeuvres?|maneuvers?|war games)$")


def _exercise(candidate: Candidate, finder: _ActorFinder) -> Candidate:
    """ "Myanmar and Russia began a joint naval exercise": the armed forces (or defence
    body) of each country the sentence names are its actors, none a recipient."""
    if not _EXERCISE.search(candidate.trigger):
        return candidate
    forces = _dedupe(finder.forces_of(c) for c in candidate.countries)
    if len(forces) < 2:
        return candidate
    return replace(candidate, actors=forces, recipients=())


def _one_per_body(candidate: Candidate, directory: ActorDirectory) -> list[Candidate]:
    """A meeting with several organisations ("met the space and nuclear agencies") is one
    meeting with each: they are separate talks, each an event of its own."""
    bodies = [
        r for r in candidate.recipients if directory.kinds.get(r) in ("organisation", "government")
    ]
    if candidate.event_type == "meeting" and candidate.trigger.casefold().endswith("meetings"):
        return _one_per_counterpart(candidate)
    if candidate.event_type != "meeting" or len(bodies) < 2:
        return [candidate]
    others = tuple(r for r in candidate.recipients if r not in bodies)
    return [replace(candidate, recipients=(body, *others)) for body in bodies]


def _one_per_counterpart(candidate: Candidate) -> list[Candidate]:
    """Meetings told in the plural with several counterparts ("had two-way meetings with
    A and B"): one meeting with each, known (its recipients) or a name the directory
    lacks told after the action (proposed; a counterpart not resolved)."""
    at = candidate.evidence.find(candidate.trigger)
    after = candidate.evidence[at + len(candidate.trigger) :] if at >= 0 else ""
    unknown = [n for n in candidate.proposed_actors if n in after and n not in candidate.actors]
    if len(candidate.recipients) + len(unknown) < 2:
        return [candidate]
    known = [replace(candidate, recipients=(r,)) for r in candidate.recipients]
    return known + [
        replace(candidate, recipients=(), unknown_counterparts=(*candidate.unknown_counterparts, n))
        for n in unknown
    ]


#: How many paragraphs after an undated action a dated one may still date it.
DATE_LATER_PARAGRAPHS = 2


def _date_later(candidates: list[Candidate], directory: ActorDirectory) -> list[Candidate]:
    """Date an undated action by the next dated action whose sentence shares a person.

    News leads often state the event and give its day later ("Shoigu told Min Aung
    Hlaing ..." then "Shoigu said at a meeting on Tuesday"): the first later action,
    within two paragraphs, whose sentence names a person the lead's sentence names
    lends its date. Only persons count: a government or a junta takes part in nearly
    every sentence of a report and would date anything (and, for a news lead's speech
    act in the perfect, the organisation acting: :func:`_news_lead_bodies`). When the
    lender is the same kind of action, it is the lead's event told again: the two are
    one candidate (the lead's sentence, both sets of actors). Actions nothing dates are
    left out (they cannot be placed on a timeline). A one-off event named again ("since
    the coup") lends nothing: its date is its own telling's, not its sentence's. An
    expected action takes no date from a done one, nor a done one from an expected one.
    """
    dated: list[Candidate] = []
    absorbed: set[int] = set()
    one_off_dates: dict[str, set[DateSpan]] = {}
    for c in candidates:
        if c.event_type in ONE_OFF and not c.undated:
            one_off_dates.setdefault(c.evidence, set()).add(c.span)
    for i, candidate in enumerate(candidates):
        if i in absorbed:
            continue
        if not candidate.undated:
            dated.append(candidate)
            continue
        bodies = _news_lead_bodies(candidate, directory)
        if candidate.indefinite and not bodies:
            continue  # "has been accused of ...": an indefinite past no later date fixes
        people = set(candidate.people)
        lender = next(
            (
                j
                for j, later in enumerate(candidates[i + 1 :], start=i + 1)
                if not later.undated
                # "X after the visit": the event its own sentence names again is what it
                # is placed before or after, not its day
                and not (later.refers_back and later.evidence == candidate.evidence)
                # a one-off event named again ("since the coup") is a point of reference
                # of its sentence, dated by its own telling: it lends nothing
                and not (later.refers_back and later.event_type in ONE_OFF)
                # ... and so is one told with its own date words after the lead ("his
                # first trip since the 2021 coup"): it lends no action of another type
                and (later.event_type not in ONE_OFF or later.event_type == candidate.event_type)
                # ... nor does an action dated by such an event's own date words ("X has
                # been sanctioned since the junta's coup in 2021": the coup's year)
                and not (
                    later.event_type != candidate.event_type
                    and any(_nested(later.span, o) for o in one_off_dates.get(later.evidence, ()))
                )
                # the headline, read last, counts as paragraph 1: it lends no further
                and abs(later.paragraph - candidate.paragraph) <= DATE_LATER_PARAGRAPHS
                # an action of its own sentence: its date words were read and not taken
                # ("to visit since last year's coup": the coup's)
                and later.evidence != candidate.evidence
                # an expected action is not a done one told later ("will visit X ..."
                # then "visited X in August"): another occasion, not its day
                and later.status == candidate.status
                and (people & set(later.people) or bodies & set(later.actors))
            ),
            None,
        )
        if lender is None:
            earlier = _occasion_lender(candidate, dated)
            if earlier is not None:  # "During the two-day visit, X also met Y"
                dated.append(candidate.with_lent_date(earlier.span, earlier.date_text))
            continue
        later = candidates[lender]
        lead = candidate.with_lent_date(later.span, later.date_text)
        if (later.event_type, later.status) == (candidate.event_type, candidate.status):
            absorbed.add(lender)
            lead = _joined(lead, later)
        dated.append(lead)
    return dated


def _nested(one: DateSpan, other: DateSpan) -> bool:
    """Whether one span lies within the other (either way round)."""
    return (one.start <= other.start and other.end <= one.end) or (
        other.start <= one.start and one.end <= other.end
    )


#: An opening phrase naming a visit the text is telling ("During the two-day visit,",
#: "During his trip,"): the actions under it take place on the visit's days.
_DURING_THE_VISIT = re.compile(
    r"[\"\u201c]?During (?:the|his|her|their) (?:[\w-]+ ){0,3}?(?:visit|trip|tour)\b[^,;]*,",
    re.IGNORECASE,
)


def _occasion_lender(candidate: Candidate, dated: list[Candidate]) -> Candidate | None:
    """The action told before that dates an undated one that no later action dates: the
    last dated one, within two paragraphs, of the same status naming one of this one's
    persons, under "During the visit, ..." (the visitor's talks told on a day; the visit
    noun names the occasion the text told, not a day of its own), or a meeting told
    again ("X met Y on Monday" ... "X met Z in the capital and exchanged views"): an
    earlier dated meeting whose persons (or persons proposed for review, named again by
    surname) this one's sentence names; else None."""
    during = _DURING_THE_VISIT.match(candidate.evidence) is not None
    if not during and candidate.event_type != "meeting":
        return None
    people = set(candidate.people)
    return next(
        (
            earlier
            for earlier in reversed(dated)
            if not earlier.undated
            and not earlier.ongoing
            and earlier.evidence != candidate.evidence
            and earlier.status == candidate.status
            and candidate.paragraph - DATE_LATER_PARAGRAPHS <= earlier.paragraph
            and earlier.paragraph <= candidate.paragraph
            and (
                people & set(earlier.people)
                if during
                else earlier.event_type == "meeting" and _names_a_person_of(candidate, earlier)
            )
        ),
        None,
    )


#: "to" right before an action word: a wish, a request or a failure ("asked to meet").
_INFINITIVE_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)


def _names_a_person_of(candidate: Candidate, earlier: Candidate) -> bool:
    """Whether the candidate's sentence names a person of the earlier one: one both
    name, or one proposed for review there named here by surname ("Jan Novak" ...
    "Novak met ...")."""
    told = candidate.evidence[: candidate.evidence.find(candidate.trigger)]
    if _INFINITIVE_BEFORE.search(told):
        return False  # "asked to meet", "was unable to meet": no meeting told again
    if set(candidate.people) & set(earlier.people):
        return True
    surnames = {n.split()[-1] for n in earlier.proposed_actors if len(n.split()) > 1}
    return any(re.search(rf"\b{re.escape(s)}\b", candidate.evidence) for s in surnames)


#: A present perfect told before an action word ("has slammed", "have urged").
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?\w+ed\b", re.IGNORECASE)


def _news_lead_bodies(candidate: Candidate, directory: ActorDirectory) -> set[str]:
    """The organisations acting in a news lead's perfect, which a later statement dates.

    "Amnesty International has slammed the junta ... and urged ..." opening a report is
    the news of the report, not an indefinite past: its day is that of the body's
    statement told next ("..., the group said in a statement on Jul 8"). Only in the
    first paragraph, only for speech acts (a condemnation or a call), and only by a
    named organisation (a rights group, a UN body): a government or a junta takes part
    in nearly every sentence and would date anything.
    """
    if candidate.paragraph != 1 or candidate.event_type not in SPEECH_ACTS:
        return set()
    told = candidate.evidence[: candidate.evidence.find(candidate.trigger)]
    if not _PERFECT_BEFORE.search(told):
        return set()  # the perfect is what makes it news ("has slammed ... and urged")
    return {a for a in candidate.actors if directory.kinds.get(a) == "organisation"}


#: Events a country has once: a coup told to the day and again to its month is one.
ONE_OFF = frozenset({"coup"})


#: Date words that state a year ("in February 2021", "last year's"): a month told
#: without them leaves its year to the reader.
_STATES_YEAR = re.compile(r"\b(?:\d{4}|years?)\b", re.IGNORECASE)


def _month_in_told_year(candidates: list[Candidate]) -> list[Candidate]:
    """A one-off event told with its year ("since last year's coup") and elsewhere with
    a month whose words leave the year to the reader ("overthrew X last February",
    "seized power in February"): the month is that of the year told.

    The resolver reads a bare month as the latest before publication; the event's own
    year, told by the same text, overrules that guess. A telling of that very month with
    its year ("In February 2021 ... seized power", then "since the February coup") names
    the year too. The two tellings must share a party; the month is moved only when the
    tellings of a year name one year.
    """
    years = [
        c
        for c in candidates
        if c.event_type in ONE_OFF
        and (c.span.precision == "year" or _STATES_YEAR.search(c.date_text))
    ]
    moved = []
    for candidate in candidates:
        month = candidate.span.start.month
        told = {
            year
            for y in years
            if y.event_type == candidate.event_type and _parties_of(y) & _parties_of(candidate)
            # the years whose such month the telling's span reaches: its year, or for a
            # month or a day with its year only a telling of the same month, for "two
            # years ago" (twelve months around that point) the one such month inside
            for year in range(y.span.start.year, y.span.end.year + 1)
            if _overlaps(month_span(year, month), y.span)
        }
        if (
            candidate.event_type in ONE_OFF
            and candidate.span.precision == "month"
            and not _STATES_YEAR.search(candidate.date_text)
            and len(told) == 1
            and candidate.span.start.year not in told
        ):
            span = month_span(next(iter(told)), candidate.span.start.month)
            candidate = replace(candidate, span=span)
        moved.append(candidate)
    return moved


def _overlaps(first: DateSpan, second: DateSpan) -> bool:
    return first.start <= second.end and second.start <= first.end


def _same_time(earlier: Candidate, later: Candidate) -> bool:
    """The same span, or for a one-off event one span within the other."""
    if earlier.span == later.span:
        return True
    inside = earlier.span.contains(later.span) or later.span.contains(earlier.span)
    return earlier.event_type in ONE_OFF and inside


def _more_precise(kept: Candidate, other: Candidate) -> Candidate:
    """``kept`` with the narrower of the two spans (and its date words)."""
    if other.span != kept.span and kept.span.contains(other.span):
        return replace(kept, span=other.span, date_text=other.date_text)
    return kept


def _joined(kept: Candidate, other: Candidate) -> Candidate:
    """One event told twice: ``kept`` with the actors, countries and place ``other`` adds."""
    actors = _dedupe(kept.actors + other.actors)
    return replace(
        kept,
        actors=actors,
        recipients=_dedupe(r for r in kept.recipients + other.recipients if r not in actors),
        countries=_dedupe(kept.countries + other.countries),
        location=kept.location or other.location,
        coordinates=kept.coordinates or other.coordinates,
        confidence=max(kept.confidence, other.confidence),
    )


def _parties_of(candidate: Candidate) -> frozenset[str]:
    return frozenset(candidate.actors + candidate.recipients)


def _counterparts(candidate: Candidate, directory: ActorDirectory) -> set[str]:
    """Who an event's recipients stand for: a government or a person as their country
    (the junta and its chief are one counterpart), any other body as itself."""
    return {
        (directory.country_of(r) or r) if directory.kinds.get(r) in ("government", "person") else r
        for r in candidate.recipients
    }


def _same_counterparts(earlier: Candidate, later: Candidate, directory) -> bool:
    """Whether two tellings may be one event: they do not name distinct counterparts.

    "met Rosatom's head on Monday" and "also met Roscosmos on Monday": two meetings
    (one event per counterpart a text lists); "met X" and "held talks with X's
    government" the same day: one.
    """
    if _parties_of(earlier) == _parties_of(later):
        return True  # "A met B" and "B met A": the same parties, roles told the other way
    ours, theirs = _counterparts(earlier, directory), _counterparts(later, directory)
    if earlier.unknown_counterparts != later.unknown_counterparts:
        return False  # "met X" and "also met Minister of Y", a counterpart not resolved
    return not (ours and theirs) or bool(ours & theirs)


def _same_countries(earlier: Candidate, later: Candidate, directory) -> bool:
    """Whether one telling's parties are all of countries the other's parties are of.

    "Country A's regime and B's agency sign a memorandum" and, in the headline, "A and B
    sign a memorandum" (B's government) on the same day: the same parties, told by
    other names, so one event when type, span and status agree too.
    """

    def countries(candidate: Candidate) -> set[str]:
        return {directory.country_of(a) or a for a in candidate.actors + candidate.recipients}

    if _counterparts(earlier, directory) != _counterparts(later, directory):
        return False  # by country alone, only tellings naming the same counterparts
    ours, theirs = countries(earlier), countries(later)
    return bool(ours and theirs) and (ours <= theirs or theirs <= ours)


def _named_back(candidate: Candidate) -> bool:
    """A telling with no actor of its own that names its event back ("The meeting, held
    on November 20, included X", :func:`dashboard.discourse.names_back`): the event told
    before."""
    return not candidate.actors and names_back(candidate.event_type, candidate.evidence)


def _merge_repeats(candidates: list[Candidate], directory: ActorDirectory) -> list[Candidate]:
    """The same action told twice (same type, dates and status; shared actors, or
    parties of the same countries) is one event.

    The first telling is kept, with the actors, countries and place the others add.
    Tellings with distinct counterparts (see :func:`_same_counterparts`) stay apart.
    """
    kept: list[Candidate] = []
    for candidate in candidates:
        people = set(candidate.actors + candidate.recipients)
        for i, earlier in enumerate(kept):
            theirs = set(earlier.actors + earlier.recipients)
            same = (
                earlier.evidence != candidate.evidence  # one sentence's events stay apart
                and earlier.event_type == candidate.event_type
                and _same_time(earlier, candidate)
                and earlier.status == candidate.status
            )
            if same and candidate.refers_back:
                break  # "the executions" again: the event told before, nothing to add
            shared = people & theirs or _same_countries(earlier, candidate, directory)
            # (an actorless telling naming it back by its noun: the same event)
            if same and (
                _named_back(candidate)
                or (shared and _same_counterparts(earlier, candidate, directory))
            ):
                kept[i] = _joined(_more_precise(earlier, candidate), candidate)
                break
        else:
            kept.append(candidate)
    return kept


#: How many days before publication a dated action may have started that the text
#: also tells as going on ("is visiting" ... "left for Moscow on Sunday").
ONGOING_DAYS = 14


def _merge_ongoing(candidates: list[Candidate], published: date) -> list[Candidate]:
    """An action told as going on (present progressive, dated by the publication) and
    the same action told with its start day are one event: the dated telling, with the
    actors, recipients and place the ongoing one adds.

    The same type and status, a shared actor, and a start at most ``ONGOING_DAYS``
    before publication.
    """
    kept = list(candidates)
    for ongoing in [c for c in candidates if c.ongoing]:
        started = [
            c
            for c in kept
            if c is not ongoing
            and not c.ongoing
            and (c.event_type, c.status) == (ongoing.event_type, ongoing.status)
            and set(c.actors) & set(ongoing.actors)
            and 0 <= (published - c.span.start).days <= ONGOING_DAYS
        ]
        if started:
            i = kept.index(started[0])
            kept[i] = _joined(started[0], ongoing)
            kept.remove(ongoing)
    return kept
