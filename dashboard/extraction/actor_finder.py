"""Candidate events from a news article: rule-based, offline, explainable.

An article is split into paragraphs and sentences; each *action* word (visit, meet,
sign, condemn, execute, call for an embargo...) found in a sentence proposes one
event of the matching type. Its actors come from the actors directory (names and
aliases), country names and demonyms and titles ("Russia's defence ministry"); its
dates from :mod:`dashboard.dates`, read against the publication date; its place and
coordinates from :mod:`dashboard.geography`. Every candidate keeps the paragraph
number and the sentence it comes from, its confidence and the article's own date
words, so an analyst can check it. See docs/extraction.md for why rules and not a
model, and for the limits.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise

import pandas as pd

from dashboard import lexicon, schema
from dashboard.actors import ActorDirectory
from dashboard.dates import (
    DateMention,
    DateSpan,
    find_date_expressions,
    listed_months,
    month_span,
    resolve_date_expression,
    table_span,
)
from dashboard.discourse import anaphors, date_by_anaphor
from dashboard.geography import (
    COUNTRY_BY_NAME,
    SPELLINGS,
    CountryMention,
    find_countries,
    find_places,
    government_name,
)
from dashboard.parsing import Structure

#: Columns a candidates file has after the schema's.
CANDIDATE_COLUMNS: tuple[str, ...] = ("evidence", "confidence", "status", "proposed_actors")


@dataclass(frozen=True)
class Trigger:
    """The words of one kind of action and the event type they propose."""

    event_type: str
    pattern: re.Pattern
    #: Stems of words that name the event again later ("the coup", "the visit", "the
    #: executions"): such a word refers to the event already dated rather than to the
    #: date words near it.
    anchors: tuple[str, ...] = ()


def _words(*alternatives: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


#: An act's reception, before what is received: "winning praise", "drew condemnation",
#: "earned wide praise" (see :func:`_received_from`).
_RECEPTION = (
    r"(?:wins?|won|winning|dr[ae]w|draws|drawn|drawing|earn(?:s|ed|ing)?|"
    r"receiv(?:e|es|ed|ing)) (?:[\w-]+ ){0,2}?"
)


#: Sanctions told from the side of who is sanctioned, in the perfect ("has faced Western
#: sanctions", "have been under US sanctions"): a state since an onset the sentence
#: gives; the subject is the recipient, the adjective on "sanctions" the actor.
_EXPERIENCED_SANCTIONS = (
    r"(?:has|have|had) (?:long )?(?:faced|been under|been hit (?:by|with)|come under) "
    r"(?:[A-Z][\w.-]* ){1,2}sanctions"
)
_EXPERIENCED = re.compile(_EXPERIENCED_SANCTIONS)
#: A sentence opening with its onset: "Since the coup ..., X has faced": the perfect's
#: own time (an event the text dated, or date words).
_SINCE_OPENING = re.compile(r"\s*Since (?:the|that|this) (\w+)")

#: Talks at a distance: "by phone", "via video link", "over a videoconference".
_REMOTE = (
    r"(?:by|over|on|via|in) (?:the |a )?(?:(?:tele)?phone|video[- ]?(?:link|conference|call)|"
    r"videoconference)"
)
#: Weapons and military equipment named as what is traded or supplied.
_WEAPONS = (
    r"(?:weapons|arms|(?:fighter )?jets|drones|aircraft|helicopters|missiles?|rockets|radars?|"
    r"artillery|tanks|warships?|submarines?|ammunition|munitions|"
    r"(?:air[- ]defen[cs]e|anti-aircraft|missile|gun|radar) systems)"
)
#: The action vocabulary: one entry per event type. A sentence proposes at most one
#: event per type; an earlier entry claims the words it matches (so "call for an arms
#: embargo" is not also an arms transfer).
TRIGGERS: tuple[Trigger, ...] = (
    Trigger(
        "sanction/embargo call",
        _words(
            r"(?:calls?|called|calling|appeals?|appealed|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|"
            r"press(?:es|ed|ing)) (?:[\w'\u2019.-]+ ){0,12}?[\"\u201c]?(?:arms embargo|embargo"
            # "calling on member states to 'prevent the influx of weapons'"
            r"|(?:prevent|stop|halt|block) (?:the )?(?:influx|flow|supply|sales?|transfers?) "
            r"of (?:arms|weapons)"
            r"|ban (?:on )?(?:the )?(?:sales?|transfers?)"
            # the noun forms: "called for an immediate halt to the supply of weapons",
            # "urged an end to arms sales", "a ban on weapons transfers"
            r"|(?:halt|end|stop|ban|moratorium) (?:to|on) (?:all |the |any )?(?:(?:supply|"
            r"supplies|flow|influx|sales?|transfers?|shipments?|deliver(?:y|ies)) of "
            r"(?:[\w-]+ ){0,3}?)?(?:arms|weapons)"
            r"|(?:stop|halt|cut off|end|suspend|block|ban) (?:all |the |any )?(?:\w+ )?"
            r"(?:arms|weapons)"
            # "urged supplying companies to stop selling fuel to the regime"
            r"|(?:stop|halt|cease|end) (?:selling|supplying|shipping|providing|exporting) "
            r"(?:[\w-]+ ){0,3}?to (?:the |its )?(?:regime|junta|military))",
            # "called for coordinated sanctions on arms dealers"
            r"(?:calls?|called|calling|urg(?:e|es|ed|ing)) (?:for|on \w+ to impose) "
            r"(?:[\w-]+ ){0,2}?sanctions",
            r"arms embargo",
            r"ban (?:on )?(?:sales|transfers) of (?:military equipment|arms|weapons)",
            # "urged the Council to take concrete action against the junta"
            r"(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)? on|press(?:es|ed|ing)) "
            r"(?:[\w'\u2019.-]+ ){1,5}?to (?:take (?:[\w-]+ ){0,2}?actions? against|act against)",
        ),
    ),
    Trigger(
        "repression/execution",
        _words(
            # not carrying out another act: "has executed the highest number of airstrikes"
            r"execut(?:e|es|ed|ing)(?!\s+(?:(?:the|a|an|its|their|his|her|highest|largest|"
            r"greatest|record|number|of|most|more|many|several|new|further|deadly|\d+)\s+){0,5}"
            r"(?:air ?strikes?|attacks?|operations?|raids?|offensives?|plans?|orders?|"
            r"strateg(?:y|ies)|missions?|programmes?|programs?|contracts?|deals?)\b)",
            r"executions?",
            r"hang(?:ed|ings?)",
            r"death sentences?",
            # "condemned X for killing opposition activists": opponents put to death
            r"(?<=for )killing (?:\w+ ){0,2}(?:activists|opponents|dissidents|prisoners|inmates)",
        ),
        anchors=("execut", "hanging"),
    ),
    Trigger(
        "coup",
        _words(
            r"(?<!anti-)(?<!post-)(?<!pre-)coup"
            r"(?!\s+(?:leaders?|regime|government|authorities|council|chief|makers?)\b)",
            r"(?:seized|seizing|seizure of|took|taking|takeover of|grab(?:bed)?) power",
            r"power (?:grab|seizure)",
            r"military takeover",
            r"overthr\w+",
            # "seized control of the country", "took over the government"
            r"(?:seiz(?:e|es|ed|ing)|t(?:ake|akes|ook|aking)) (?:full )?control of (?:the )?"
            r"(?:country|government|state|nation)",
            r"t(?:ake|akes|ook|aking) over (?:the )?(?:country|government|state|nation)",
            r"toppl(?:e|es|ed|ing) (?:the )?(?:\w+ ){0,2}(?:government|president|leader)",
            r"(?<!the )(?<!an )(?<!a )oust(?:s|ed|ing)? (?:the )?(?:\w+ ){0,2}(?:government|"
            r"president|leader|prime minister)",
            # "the country's leadership had been ousted from power"
            r"(?:had|has|have) been (?:ousted|removed|deposed) from power",
        ),
        ("coup",),
    ),
    Trigger(
        "arms transfer",
        _words(
            r"arms suppliers?",
            r"suppliers? of (?:\w+ ){0,2}(?:weapons|arms)",
            # an import told from the buyer's side: the seller is who transfers
            r"import(?:s|ed|ing)? (?:[\w$.,-]+ ){0,6}?(?:weapons|arms|radars?|radar equipment|"
            r"military equipment|fighter jets|jets|drones|helicopters|aircraft|missiles?)",
            r"suppl(?:y|ies|ied|ying) (?:\w+ ){0,3}(?:weapons|arms|fighter jets|drones)",
            # "will supply X with Pantsir-S1 anti-aircraft missile systems"
            rf"suppl(?:y|ies|ied|ying) (?:[\w'\u2019-]+ ){{1,4}}?with (?:[\w-]+ ){{0,3}}{_WEAPONS}",
            # the weapons right after the verb: "pledged to provide air defense systems
            # and vehicles to the country", "provided drones and rockets"
            rf"provid(?:e|es|ed|ing) (?:[\w-]+ ){{0,2}}?{_WEAPONS}\b",
            # "continue to provide the junta with numerous fighter jets"
            r"provid(?:e|es|ed|ing) (?:[\w'\u2019-]+ ){1,5}?with (?:[\w-]+ ){0,2}"
            r"(?:weapons|arms|fighter jets|jets|drones|aircraft|helicopters|rockets|artillery)",
            r"(?:weapons|arms) (?:deliver(?:y|ies)|sales?|shipments?|transfers?)",
            r"(?:deliver(?:y|ies)|sales?|shipments?|transfers?|supplies) of (?:\w+ ){0,3}"
            r"(?:weapons|arms|fighter jets|jets|drones|aircraft|helicopters)",
            r"(?:sold|sells?|selling|deliver(?:s|ed|ing)?) (?:\w+ ){0,3}"
            r"(?:weapons|arms|jets|drones)",
            # the buyer's side: "bought fighter jets", "acquired drones"
            r"(?:b(?:uy|uys|ought|uying)|purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)) "
            r"(?:[\w-]+ ){0,4}?(?:weapons|arms|fighter jets|jets|drones|helicopters|aircraft|"
            r"missiles?|warships?|submarines?)",
            # the weapons' side: "six aircraft agreed to be traded between A and B"
            r"(?:weapons|arms|jets|drones|helicopters|aircraft|missiles|warships|submarines) "
            r"(?:\w+ ){0,3}?(?:traded|sold|purchased|bought) (?:between|to|by)",
        ),
    ),
    Trigger(
        "multilateral meeting",
        _words(
            # "hosted a regional forum": the host holds a meeting, it visits no one
            r"hosted (?:an? |the )?(?:\w+ ){0,2}(?:forum|conference|summit|meeting)",
            r"(?:security |regional |international )?conferences?(?! call)",
            r"(?:regional |international )?forums?",
            r"summit",
            r"foreign ministers(?:'|\u2019)? meeting",
        ),
        anchors=("summit",),
    ),
    Trigger(
        "military cooperation",
        _words(
            r"defen[cs]e (?:relations|ties|cooperation|talks)",
            r"military(?:-technical| technical)? (?:cooperation|ties)",
            # sending a defence official or delegation to the other side's event
            r"(?:dispatch(?:ed|es)?|sent) (?:\w+ ){0,3}(?:defen[cs]e|military) "
            r"(?:officials?|delegations?)",
            r"military event",
            r"military parade",
            # attending or joining a (victory, ceremonial) parade: a military event
            # ("to attend the parade" after a visit word tells the visit's purpose)
            r"(?<!to )(?:attend(?:s|ed|ing)?|attendees at|join(?:s|ed|ing)?) "
            r"(?:[\w'\u2019-]+ ){0,4}?parade",
            # "joint naval exercise", "joint anti-submarine drills", "joint air manoeuvres"
            r"joint (?:[\w-]+ ){0,3}?(?:exercises?|drills?|manoeuvres?|maneuvers?|war games)",
        ),
    ),
    Trigger(
        "visit",
        _words(
            r"visit(?:s|ed)?",
            r"(?<!the )(?<!a )visiting",  # "the visiting delegation": who, not an act
            r"travel(?:s|ed|led|ing)?",
            r"trips?",
            r"arriv(?:e|es|ed|ing|als?)",
            r"flew",
            r"landed in",
            # "reached the country on 26 December", "reached Moscow"
            r"reach(?:ed|es)(?= the (?:country|capital)\b| (?-i:[A-Z]))",
            # "departed for Russia", "left for Moscow", "set off for ..."
            r"depart(?:s|ed|ing)? for",
            r"(?:left|leaves|leaving|set off|sets off|headed|heads) for(?= [A-Z])",
            r"hosted",
        ),
        anchors=("visit", "trip"),
    ),
    Trigger(
        "meeting",
        _words(
            r"met",
            r"meet(?:s|ings?)?",
            r"talks",
            r"(?:was|were) received",
            r"received by",
            r"discuss(?:ed|es|ing|ions?)?",
            r"consult(?:ed|ing|ations)",
            r"exchanged views",
            # talks held at a distance: "spoke by phone", "spoke with X via video link",
            # "held a phone call (video call, videoconference)"
            rf"spoke (?:(?:with (?=(?:[\w'\u2019.-]+ ){{1,5}}?{_REMOTE}))|{_REMOTE})",
            r"(?:held|had|holds|hold|holding) (?:a |an )?(?:\w+ )?(?:(?:tele)?phone|video) "
            r"(?:calls?|conversations?|talks)",
            r"(?:held|had|holds|hold|holding) (?:a |an )?(?:\w+ )?video ?conferences?",
            r"(?:tele)?phone (?:calls?|conversations?) with",
            # "Wang told his Myanmar counterpart X": said to him, face to face or by phone
            r"told(?= (?:his|her) (?:[\w-]+ ){0,2}counterpart)",
            r"receiv(?:ed|es|ing) (?:a |an |the )?(?:visiting )?(?:[\w-]+ ){0,3}?(?:delegation|"
            r"minister|envoy|ambassador|president|prime minister|counterpart)",
        ),
    ),
    Trigger(
        "agreement",
        _words(
            # a commitment to cooperate ("agreed to expand trade cooperation"); a typed
            # cooperation ("... military cooperation") is claimed by its own type first
            r"(?<!is )(?<!are )(?<!was )(?<!were )(?:committed|pledged|agreed|vowed) to "
            r"(?:[\w-]+ ){0,4}?(?:cooperation|ties|relations|partnership)",
            r"sign(?:s|ed|ings?)",
            # a truce declared: an announced pledge ("announced a temporary ceasefire")
            r"(?:announc|declar|extend)(?:e|es|ed|ing) (?:a |an |the |its |their )?"
            r"(?:[\w-]+ ){0,3}?(?:ceasefire|cease-fire|truce)",
            r"agreements?",
            r"memorand(?:um|a)",
            r"agreed",
        ),
    ),
    Trigger(
        "statement of support",
        _words(
            r"(?:voiced|expressed|pledged|reaffirmed|declared) (?:\w+ ){0,3}support",
            r"backing for",
            r"reaffirm(?:s|ed)?",
            # "welcomed the Council's statement": backing for another's act or words
            r"welcom(?:e|es|ed|ing) (?:the |a |an |its |their )?(?:[\w'\u2019-]+ ){0,3}?"
            r"(?:statement|decision|resolution|move|call|condemnation|declaration)",
            r"endors(?:e|es|ed|ements?)",
            # praise received: "winning praise Thursday from X" (X praises: _received_from)
            rf"{_RECEPTION}praise(?=\s+(?:[\w,]+\s+){{0,3}}?from\b)",
            r"rock-solid",
            r"unbreakable",
        ),
    ),
    Trigger(
        "condemnation",
        _words(
            r"condemn(?:s|ed|ing|ations?)?",
            r"denounc(?:e|es|ed|ing)",
            r"denunciations?",
            r"criticis(?:e|es|ed|ing)",
            r"criticiz(?:e|es|ed|ing)",
            r"accus(?:e|es|ed|ing|ations?)",
            r"deplor(?:e|es|ed|ing)",
            # "Amnesty International has slammed the junta for ..."
            r"slam(?:s|med|ming)",
            # "voiced concern about the violence": disapproval (CAMEO's 'express concern')
            r"(?:voic|express|rais)(?:e|es|ed|ing) (?:\w+ ){0,2}?concerns?",
            r"reprehensible",
            # "said it was 'extremely disappointed' with the decision", "objected to":
            # disapproval of another's act (CAMEO 110-111)
            r"disappointed[\"\u201d\u2019']? (?:with|at|over)",
            r"object(?:s|ed|ing)? (?:\(?to\)? )?(?=(?:the|a|an|its|their|this|that)\b)",
            # a rights report made public ("released the report", "published a new
            # report accusing ..."): only by a rights body or expert (_rights_report)
            r"(?:releas|publish|issu|present)(?:e|es|ed|ing) (?:a |an |the |its |their |his |"
            r"her )?(?:[\w-]+ ){0,2}?report",
            # "adopted a resolution demanding an end to ...": the body's condemnation
            r"(?:adopt(?:s|ed|ing)?|pass(?:es|ed|ing)?|approv(?:e|es|ed|ing)) (?:a |an |its )?"
            r"(?:[\w-]+ ){0,3}?resolution(?=[^.;]{0,120}?\b(?:condemn|demand|denounc|deplor))",
        ),
    ),
    Trigger(
        "sanction",
        _words(
            r"sanctions (?:against|on)",
            r"imposed (?:\w+ )?sanctions",
            r"(?:imposes|imposing|slapped|announced|expanded|tightened) (?:new |fresh |more )?"
            r"(?:\w+ )?sanctions",
            r"\w+ sanctions against",
            # a state told with its onset: "X has faced Western sanctions since ..."
            _EXPERIENCED_SANCTIONS,
        ),
    ),
    Trigger(
        "violence against civilians",
        _words(
            r"killed (?:dozens|scores|hundreds|thousands|\d+)",
            # a toll told with its victims: "..., killing at least 11 children"
            r"kill(?:ed|ing) (?:at least |more than |over |nearly |about |some )?"
            r"(?:dozens|scores|hundreds|thousands|\d+)(?: of)? (?:[\w-]+ ){0,2}?"
            r"(?:people|civilians|children|students|pupils|villagers|residents|women|"
            r"protesters|demonstrators|worshippers|patients|monks)\b",
            r"murdered (?:at least |more than |over |nearly )?"
            r"(?:dozens|scores|hundreds|thousands|\d+)",
            # a toll told in the passive: "at least 100 demonstrators were killed by ..."
            r"(?:(?<=people )|(?<=demonstrators )|(?<=protesters )|(?<=civilians )"
            r"|(?<=villagers ))"
            r"(?:were|have been|had been|was) (?:shot and )?killed",
            r"(?:extrajudicial |mass )?killings",
            r"(?:deadly |violent |bloody )?crackdown",
            r"massacre[ds]?",
            # "the armed forces committed numerous atrocities"
            r"committ(?:ed|ing|s)? (?:\w+ ){0,2}atrocities",
            r"shot dead",
            # "the death of hundreds of people at the hands of security forces"
            r"deaths? of (?:[\w,]+ ){1,4}?(?:people|civilians|protesters|demonstrators|villagers)"
            r"(?= at the hands of\b)",
            # "the junta has been responsible for the deaths of more than 3,000 civilians"
            r"responsible for (?:the )?deaths? of (?:[\w,]+ ){1,4}?"
            r"(?:people|civilians|protesters|demonstrators|villagers)",
            r"burn(?:ed|t|ing) (?:down )?(?:\w+ ){0,2}villages",
        ),
    ),
    Trigger(
        "armed clash",
        _words(
            r"clash(?:es|ed)?",
            r"fighting between",
            r"air ?strikes?",
            r"fought",
            r"fight(?:s|ing)? (?:against|with|for control)",
            r"battles? (?:for|against|with|in)",
            r"(?:military |ground |air )?offensives? (?:against|in|on)",
            r"(?:military )?operations? against",
            r"(?:launch(?:ed|es|ing)?|carr(?:y|ies|ied)(?: out)?) (?:an? |the )?(?:\w+ )?"
            r"(?:attacks?|offensives?|operations?|raids?)",
            r"bomb(?:ed|ing|ings)",
            r"shell(?:ed|ing)",
        ),
    ),
    Trigger(
        "protest",
        _words(
            # a protest is where and against whom it is held: "protested outside the
            # embassy", "rallies in the capital", "demonstrations against the coup"
            r"(?:protest(?:s|ed|ing|ers)?|demonstrat(?:ed|ing|ions?|ors)|rall(?:y|ies|ied))"
            r" (?:against|in|outside|at|near|in front of)",
            # "supporters take to Yangon streets", "took to the streets"
            r"t(?:ake|akes|ook|aking) to (?:the )?(?:[A-Z]\w+ )?streets",
            # a course told from its onset: "protests have grown ... since the coup"
            r"(?:protests|demonstrations|strikes)(?=[^.;:,]{0,80}?\bsince\b)",
        ),
    ),
)

_FUTURE = re.compile(
    r"\b(?:will|would|is expected to|are expected to|was expected to|were expected to|"
    r"plans? to|planned to|is due to|is scheduled to|is set to)\b",
    re.IGNORECASE,
)
#: A headline's "X to do Y" ("Lavrov to meet junta chief"): headline style for the future.
_HEADLINE_FUTURE = re.compile(
    r"\b(?:to|due to|set to)\s+(?!(?:the|a|an|his|her|its|their)\b)[a-z]+"
)
#: A subordinate clause inside a future sentence tells its own time: "will visit ...
#: since the army seized power", "would deepen ties after he travelled".
_SUBORDINATOR = re.compile(
    r"\b(?:since|after|before|because|until|when|once|as|following)\b", re.IGNORECASE
)
#: Past-tense action words (regular "-ed" and the irregular ones of the vocabulary).
_PAST_FORM = re.compile(
    r"(?:\w+ed|met|took|flew|sold|seized|overthrew|held|sent|hung|shot)\b", re.IGNORECASE
)
_REPORTING = re.compile(
    r"\b(?:said|says|told|reported|announced|according to|statement said)\b", re.IGNORECASE
)
#: Where a new clause starts: its subject is the actor of the actions that follow.
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:while|as|but|and|which|who|though|although|whereas)\b"
    r"|^(?:While|As|Although|Though|Since|After|Before|When|Whereas)\b[^,]*,"
    # a subordinate clause with a pronoun subject: "... since it executed four men"
    r"|\b(?:since|because|after|before|when|until|as)\s+(?=(?:it|he|she|they)\b)"
    # ... or with a named subject and its past verb: "..., after Moscow delivered jets"
    r"|\b(?:since|because|after|before|when|until)\s+(?=(?:[A-Z][\w'\u2019-]+\s+){1,3}\w+ed\b)"
    # a coordinated clause with a pronoun subject: "... to meet X and he also met Y"
    r"|\band\s+(?=(?:he|she|it|they)\s)",
)
#: Negation just before an action word: "didn't meet", "has not visited", "never signed".
_NEGATED = re.compile(
    r"(?:n['\u2019]t|\bnot|\bnever|\bno longer)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_AGENT = re.compile(
    # "by the junta", "killed by bullets from the police"
    r"\bby\s+(?:(?:[\w-]+\s+){1,2}?from\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_HANDS_OF = re.compile(r"\s+at the hands of\s+(?:the\s+)?")
#: A title just before a person's name: "Chinese Foreign Minister Wang Yi", "Myanmar's
#: foreign minister, Wunna Maung Lwin". The article's own titles tell who holds which office.
_OFFICE_BEFORE = re.compile(r"\b(foreign|defen[cs]e) minister\s*,?\s*$", re.IGNORECASE)
#: A role described rather than named: "Myanmar's junta leader", "the junta chief", "the
#: military leader", "Russia's top diplomat". It stands for the PERSON holding it (the
#: article's own naming, else the directory's), never for the body its first word names.
_ROLE_WORDS = (
    r"(?:(?P<ruling>junta|military|army|regime|coup)\s+(?:leader|chief|head|ruler|supremo)"
    r"|(?P<diplomat>top diplomat))"
)
_ROLE = re.compile(rf"\b{_ROLE_WORDS}(?!\w)", re.IGNORECASE)
_ROLE_BEFORE = re.compile(rf"\b{_ROLE_WORDS}\s*,?\s*$", re.IGNORECASE)
_OFFICE_AFTER = re.compile(r"\s+(foreign|defen[cs]e) minister\b(?!s)", re.IGNORECASE)
#: The head of a body told by office rather than by name: "the chairman of the X", "the
#: leader of X's ruling generals" (before the body), "the X Chair" (after it).
_HEAD_WORDS = r"(?:chair(?:man|woman|person)?|head|leader|chief|president)"
_HEAD_OF = re.compile(
    rf"\b(?:[Tt]he\s+)?{_HEAD_WORDS}\s+of\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*"
    r"['\u2019]s\s+)?(?:(?:military|ruling|army)\s+)?$",  # "the head of X's military junta"
    re.IGNORECASE,
)
_HEAD_AFTER = re.compile(r"\s+(?:Chair(?:man|woman|person)?|Head|Leader|Chief|President)\b")
#: An abbreviation the article defines after a name: "State Planning Board (SPB)".
_ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")
#: Between a head-of-body title and the person it titles only titles may stand:
#: "Chairman of the X (XB) and Prime Minister Senior General Name".
_TITLE_GAP = re.compile(
    r"(?:\s*\([A-Z][A-Za-z]{1,7}\))?(?:\s+(?:and|&)(?:\s+[A-Z][\w.-]*){1,5})?\s*,?\s*"
)
#: An office told by its title alone, capitalised, with no name: "Minister of Foreign
#: Affairs", "the Defence Minister". Its holder is known only where the text gives the
#: country ("X's Minister of Foreign Affairs"); otherwise it is proposed for review.
_UNNAMED_OFFICE = re.compile(
    r"\b(?:Minister (?:of|for) (?:the )?[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){0,3}"
    r"|(?:Foreign|Defen[cs]e|Prime|Interior|Home|Finance) Minister)(?! [A-Z][a-z])"
)
_OFFICE_WORDS = {"foreign": "foreign minister", "defence": "defence minister"}
#: A lower-case noun phrase coordinated after a named body: "X and nuclear agencies".
_COORDINATED_DESCRIPTION = re.compile(r"\s+and\s+((?:[a-z-]+\s+){0,2}[a-z]+)")
#: A government described by who holds it rather than named: "military-led government",
#: "army-backed administration", "junta-run regime", "the ruling military", "the
#: generals", "the regime", "military rulers". It stands for the country's ruling
#: military body: the directory's government actor whose aliases call it a junta or a
#: military government or regime (see :meth:`_ActorFinder.ruling_body`).
_RULING_DESCRIPTION = re.compile(
    r"\b(?:(?:military|army|junta|coup)[- ](?:led|backed|run|installed|appointed|controlled|"
    r"ruled|dominated|supported)\s+(?:government|regime|administration|authorities|"
    r"rulers|leadership|council)"
    r"|ruling\s+(?:military|junta|generals|council)"
    r"|military\s+(?:rulers|authorities|leadership|junta|council)"
    r"|coup\s+(?:regime|government|authorities)"
    r"|(?<=\bthe )(?:generals|regime)"
    r"|(?<=['\u2019]s )(?:generals|regime))\b(?!-\w)",
    re.IGNORECASE,
)
#: A directory alias that says a government is a ruling military.
_RULING_ALIAS = re.compile(r"^(?:\w+ )?(?:junta|military (?:government|regime|administration))$")
#: An exile or opposition government described, not named: "the government in exile",
#: "the shadow government", "the parallel government" (see :func:`_exile_described`).
_EXILE_DESCRIPTION = re.compile(
    r"\b(?:government[- ]in[- ]exile|exiled government|(?:shadow|parallel) government)\b",
    re.IGNORECASE,
)
#: A directory alias that says a government is one in exile or a shadow government.
_EXILE_ALIAS = re.compile(r"^(?:\w+ )?(?:government in exile|(?:shadow|parallel) government)$")
_OFFICE_HOLDERS = re.compile(r"\b(foreign|defen[cs]e) ministers of\s+[^.;:]*", re.IGNORECASE)
_COUNTERPART = re.compile(r"\b(?:his|her)\s+(\S+)\s+counterparts?\b", re.IGNORECASE)
_DEFENCE_OFFICIALS = re.compile(
    r"\b(?:(?:a|an|the)\s+)?(?:(?:senior|top|high-ranking)\s+)?defen[cs]e officials?"
    r"(\s+(?:from|of)\s+(?:both|the two) countries)?",
    re.IGNORECASE,
)
#: A capitalised adjective of a country or bloc on the action noun itself ("Western
#: sanctions", "Russian backing") names who acts.
_ACTION_ADJECTIVE = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:sanctions?|condemnation|criticism|pressure|backing|support)\b"
)
#: "the military", "the army" as the subject of a verb ("since the military seized
#: power"): the armed forces of the country last told. As an object ("snubbed the
#: military") news often means the junta in power, so it is left alone.
_THE_MILITARY = re.compile(
    r"\b(?:[Tt]he (?:(?:junta|regime)(?:['’]s)? )?(?:military|army|armed forces|troops|soldiers)"
    r"|(?<![\w,] )(?:[Ss]oldiers|[Tt]roops)|(?<=\bthat )(?:soldiers|troops)|\b[Ss]ecurity forces"
    # "Myanmar's military, which seized power": a country's armed forces
    r"|(?<=\w['’]s )(?:military|army|armed forces)"
    # its aircraft, counted or with an article: "two military helicopters opened fire"
    # (a country's adjective before "military" names that country's instead)
    r"|\b(?:[Tt]he|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|\d+) military (?:helicopters?|jets?|"
    r"aircraft|warplanes?|planes?|drones?|gunships?))"
    # right before its verb, or before a relative clause's ("the military, which seized")
    r"(?=(?:,\s+(?:which|who))?\s+"
    r"(?:\w+ed|has|have|had|is|was|were|are|will|would|took|seized|says|said|sold|sent|fought)\b"
    # or as the possessor of a violent course: "the military's crackdown on dissent"
    r"|['’]s\s+(?:[\w-]+\s+){0,2}?(?:crackdown|campaign|offensive|killings|violence|repression)\b)"
    # the agent of a death: "at the hands of security forces"
    r"|(?<=\bhands of )(?:the )?(?:security forces|soldiers|troops|military|army)\b"
)
#: "the police" (no country named with it): the police of the country told.
_THE_POLICE = re.compile(r"\b[Tt]he police\b")
#: Naval forces told by their country ("Russian warships", "Russia's Pacific Fleet",
#: "Myanmar's Navy"): that country's armed forces or defence body.
_NAVAL_FORCES = re.compile(
    r"\b(?P<country>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)(?:['\u2019]s?)?\s+(?:naval\s+)?"
    r"(?:[A-Z][a-z]+\s+Fleet|[Nn]avy|[Ff]leet|warships?|naval\s+(?:ships?|vessels?|forces?)"
    r"|frigates?|destroyers?|corvettes?)\b"
)
#: Armed forces told with their countries after them: "the armed forces of Russia and
#: Myanmar", "the militaries of A, B and C" - each country's armed forces.
_FORCES_OF = re.compile(
    r"\b(?:armed forces|militar(?:y|ies)|arm(?:y|ies))\s+of\s+((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)?"
    r"(?:(?:,\s+|,?\s+and\s+)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*)"
)
#: People sent by countries: "observers from China, Russia and India", "a delegation
#: from Belarus" - each country's government sends them.
_SENT_FROM = re.compile(
    r"\b(?i:observers|observation teams?|monitors|delegations?|delegates|envoys)\s+from\s+"
    r"((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)?(?:(?:,\s+|,?\s+and\s+)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*)"
)
#: The pieces of a diplomat's title and name, shared by the title told before the name
#: (:data:`_ENVOY`, :data:`_DIPLOMAT`) and after it (:data:`_NAME_APPOSED`,
#: :data:`_APPOSED_TITLE`): the possessive and rank after a country ("Britain's special"),
#: the title with whom it is to ("ambassador to the UN"), and the name (two to four
#: capitalised words).
_ENVOY_RANK = r"(?:['\u2019]s)?\s+(?:(?i:special|permanent|deputy)\s+)?"
_ENVOY_WORD = r"(?i:ambassador|envoy)"
_ENVOY_TO = r"(?:\s+to\s+(?:the\s+)?(?:U\.?N\.?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))?"
_ENVOY_TITLE = _ENVOY_WORD + _ENVOY_TO
_ENVOY_NAME = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){1,3}"
#: A diplomat's title before a name: "Ambassador X", "envoy X", "ambassador to Myanmar
#: X", "envoy to the UN X" (the country after "to" belongs to the title, not the name).
_ENVOY = re.compile(rf"{_ENVOY_TITLE}\s+(?P<name>{_ENVOY_NAME})(?!\w)")
#: A country's diplomat titled before a name, right after the country's name or
#: demonym: "British Ambassador X", "Britain's envoy X" (see :meth:`_ActorFinder._diplomats`).
_DIPLOMAT = re.compile(rf"{_ENVOY_RANK}{_ENVOY.pattern}")
#: A teller described by a role, not named: ", a U.N. rights expert said".
_DESCRIBED_TELLER = re.compile(
    r",\s+((?:an?|the)\s+(?:[\w.'-]+\s+){0,4}?(?:expert|rapporteur|envoy|investigator|"
    r"spokesperson|spokesman|spokeswoman|official|diplomat|analyst))\s+(?:said|says|told)\b"
)
#: Members named after a body: "... Council members Russia and China".
_MEMBERS = re.compile(
    r"\s+(?:permanent\s+)?member(?:s|\s+states?|\s+countries)?\s+"
    r"((?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:(?:,\s+|,?\s+and\s+)[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)*)"
)
#: "the country" and "both countries" name countries told before.
_THE_COUNTRY = re.compile(r"\b[Tt]he country\b(?!['\u2019])")
_BOTH_COUNTRIES = re.compile(r"\b(?:[Bb]oth|[Tt]he two) countries\b")
#: A subject pronoun in the action's clause: who it stands for is told before.
_PRONOUN = re.compile(r"\b(?:(he|she|He|She)|(it|It|they|They))\b")
#: The same action told as happening several times is several events, none of them dated.
_REPEATED = re.compile(
    r"\b(?:twice|repeatedly|several times|(?:two|three|four|many) times)\b", re.IGNORECASE
)
#: Present perfect ("has voiced", "has been accused", "have faced calls"): an indefinite
#: past; without date words of its own, such an action takes no date from its paragraph.
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: The present perfect's verb anywhere before the action in its clause: its object's
#: action nouns ("has been accused of thousands of killings") share its indefinite past.
_PERFECT_VERB = re.compile(
    r"\b(?:has|have)\s+(?:(?:not|never|also|long|already)\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|t)\b"
)
#: Present progressive ("is visiting", "are holding talks"): in news, happening on the
#: days of publication; without date words of its own it is dated so (see
#: :func:`_merge_ongoing` for the same action told with its start day).
_PROGRESSIVE = re.compile(
    r"\b(?:is|are|am)\s+(?:(?:now|currently|also|still|again)\s+)?(?:[a-z]+ing\s+(?:\w+\s+){0,2})?$"
)
#: An action noun in the plural told as a kind ("one of the most high-profile visits",
#: "many such trips", "previous meetings"): several actions, none of them told.
_GENERIC_PLURAL = re.compile(
    r"(?:\bone of\b[^,;]*|\b(?:most|many|several|few|other|previous|past|such|all|"
    r"frequent|regular|numerous|rare|two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"\s+(?:[\w-]+\s+){0,2})$",
    re.IGNORECASE,
)
#: An action noun told as a circumstance the subject is in ("as they face Western
#: condemnation", "amid sanctions", "despite criticism"): a state, not an event told.
_CIRCUMSTANCE = re.compile(
    r"\b(?:amid|despite|in the face of|fac(?:e|es|ing))\s+(?:[\w'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: A finite verb between an action noun and date words: "X's execution ... intensified
#: Tuesday" - the date words are that verb's (the noun is inside its subject).
_OTHER_VERB = re.compile(
    r"\b(?!(?:was|were|been|be|being|need|ended|started|concluded|opened|closed|continued|"
    r"wrapped|lasted|scheduled|planned|announced|reported|confirmed|disclosed|revealed|"
    r"carried|held)\b)(?:[a-z]+(?:ed|ified)|grew|rose|fell|spread|drew|became|brought)\b"
    r"(?!\s+(?:by|to|of)\b)"
)
_PREPOSITION = re.compile(
    r"\b(?:in|to|from|of|with|on|at|across|throughout|into|for|against|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Brig", "Maj", "Capt",
    "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "No", "U.S", "U.N", "U.K", "E.U",
)  # fmt: skip
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"\u201d\u2019)]*\s+(?=[\"\u201c(]?[A-Z0-9])"
    # a full stop with its space lost ("... Min Aung Hlaing.He noted"): after a word of
    # three lower-case letters or more, before a capitalised word (not "U.S.", "Gen.")
    r"|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]+\s)"
)
#: A dateline-led first paragraph: "SINGAPORE—", "MOSCOW, July 2 (Reuters) -".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,|\s*[\u2014\u2013-]|\s*\()")
_ENDS_SENTENCE = re.compile(
    r"[.!?][\"\u201d\u2019)]*$|Photo: \w+$"
    # a quotation's attribution whose full stop was lost ("...,” it stated")
    r"|[\"\u201d]\s*,?\s*(?:\w+\s+){0,3}(?:said|stated|added|says|noted|wrote)$"
)
_BOILERPLATE = re.compile(
    r"^(?:Write to|Copyright|Click Here|Register now|Reporting by|Editing by|Read more|"
    r"Sign up|Subscribe|#)",
    re.IGNORECASE,
)
#: Capitalised words that are not, on their own, part of a new actor's name.
_NOT_NAMES = frozenset(
    """A An The This That These Those It Its He She They We I His Her Their Our In On At Of
    For And But Or As After Before While Since During From With Without To By When Where
    What Who Why How Both Mr Mrs Ms Dr Gen Lt Col Brig Maj General Senior President Prime
    Minister Foreign Defence Defense Deputy Chief Secretary Spokesman Spokeswoman
    Spokesperson Ministry Council State Union Chairman Junta Military Army Navy Air Force
    Forces Government Agency News Photo Reuters AFP AP TASS Associated Press Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Security Conference Forum Summit Human
    Rights Office Commander Committee Communist Party National Director Head Ambassador
    Embassy Western East West North South Southeast Asia Asian Europe European Africa
    Middle Lord Register Reporting Writing Editing Click Here Continue Reading Source
    Copyright Special Rapporteur United Nations General Assembly Federation Republic""".split()  # noqa: SIM905
)
_NAME_RE = re.compile(
    r"(?<![\w.])([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){1,5})(?!\w)"
)


@dataclass(frozen=True)
class Mention:
    """An actor named in a sentence (canonical name) and where."""

    start: int
    end: int
    actor: str


@dataclass(frozen=True)
class Candidate:
    """A proposed event, with the evidence an analyst needs to accept or reject it."""

    event_type: str
    span: DateSpan
    date_text: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    countries: tuple[str, ...]
    location: str
    coordinates: tuple[float, float] | None
    paragraph: int
    evidence: str
    confidence: float
    status: str
    proposed_actors: tuple[str, ...] = ()
    trigger: str = field(default="", compare=False)
    #: The action word names an event told before ("the trip", "the coup") and takes
    #: that event's date: it may be merged into it even without actors of its own.
    refers_back: bool = field(default=False, compare=False)
    #: No date words place it yet; :func:`_date_later` may, else it is left out.
    undated: bool = field(default=False, compare=False)
    #: The persons its sentence names (for :func:`_date_later`).
    people: tuple[str, ...] = field(default=(), compare=False)
    #: Told in the present perfect: only its own words date it, never a later action.
    indefinite: bool = field(default=False, compare=False)
    #: Told in the present progressive without date words: dated by the publication's
    #: days, it is the same action a later sentence gives a start day (_merge_ongoing).
    ongoing: bool = field(default=False, compare=False)
    #: Counterparts told by an office the directory cannot resolve ("met Minister of
    #: Foreign Affairs"): proposed for review; they keep the event apart from others.
    unknown_counterparts: tuple[str, ...] = field(default=(), compare=False)


def article_paragraphs(text: str) -> list[str]:
    """The article's body paragraphs, numbered from 1 in list order.

    Blank lines separate blocks. The body starts at a dateline-led block
    ("SINGAPORE—", "MOSCOW, Aug 3 (Reuters) -") when there is one, else at the first
    block; headlines (short blocks without a full stop) and boilerplate ("Register
    now", hashtag lines) are left out, the body ends at "Write to" or "Copyright", and
    a sentence broken over blocks (a name on its own line) is joined again.
    """
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    start = next((i for i, b in enumerate(blocks) if _DATELINE.match(b)), 0)
    paragraphs: list[str] = []
    open_sentence = False
    for block in blocks[start:]:
        if block.lower().startswith(("write to", "copyright")):
            break  # the sign-off: the body is over
        if _BOILERPLATE.match(block) or block.count("#") >= 3:
            continue
        tokens = block.split()
        is_name = len(tokens) <= 3 and all(re.fullmatch(r"[A-Z][a-z]+\.?", t) for t in tokens)
        if paragraphs and (is_name or open_sentence or block[:1].islower()):
            paragraphs[-1] = f"{paragraphs[-1]} {block}"
            open_sentence = is_name or not _ENDS_SENTENCE.search(block)
            continue
        if not (_ENDS_SENTENCE.search(block) or len(tokens) > 25 or _DATELINE.match(block)):
            continue  # a headline or a label, not prose
        paragraphs.append(block)
        open_sentence = not _ENDS_SENTENCE.search(block)
    return paragraphs


def article_headline(text: str) -> str:
    """The headline: the first block before the body that reads as a title, or ""."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    body = next((i for i, b in enumerate(blocks) if _DATELINE.match(b)), 0)
    for block in blocks[: max(body, 1)]:
        if _BOILERPLATE.match(block) or block.count("#") >= 3 or _DATELINE.match(block):
            continue
        if not _ENDS_SENTENCE.search(block) and len(block.split()) <= 25:
            return block
    return ""


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations ("Gen.", "U.S.") whole."""
    protected = paragraph
    for abbreviation in _ABBREVIATIONS:
        protected = re.sub(
            rf"(?<![\w.]){re.escape(abbreviation)}\.(?=\s)",
            abbreviation.replace(".", "\x01") + "\x01",
            protected,
        )
    parts = _SENTENCE_END.split(protected)
    return [p.replace("\x01", ".").strip() for p in parts if p.strip()]


#: Countries whose people's names, as English news writes them, put the family name
#: first ("Wang Yi", "Xi Jinping", "Kim Jong Un", "Yoon Suk Yeol"); Hong Kong and
#: Taiwan are left out (English given names first there: "Carrie Lam").
_FAMILY_NAME_FIRST = frozenset({"China", "North Korea", "South Korea"})

#: A "y" or "i" after a vowel and before a consonant or the word's end: the one
#: letter (Cyrillic short i) that transliterations of a name spell either way
#: ("Sergei"/"Sergey", "Shoigu"/"Shoygu", "Nikolai"/"Nikolay").
_SHORT_I = re.compile(r"(?<=[aeiou])[yi](?=[b-df-hj-np-tv-xz]|\b)", re.IGNORECASE)


def _transliterations(name: str) -> set[str]:
    """The spellings of a person's name that differ from it only in a short i
    (:data:`_SHORT_I`) written "y" or "i": every combination, the name included."""
    spellings = {name}
    for hit in reversed(list(_SHORT_I.finditer(name))):
        other = "i" if hit.group().casefold() == "y" else "y"
        other = other.upper() if hit.group().isupper() else other
        spellings |= {s[: hit.start()] + other + s[hit.end() :] for s in spellings}
    return spellings


class _ActorFinder:
    """Actor spellings from the directory, matched longest first, case-insensitively."""

    def __init__(self, directory: ActorDirectory):
        self.directory = directory
        self.surnames: dict[str, str] = {}
        #: (country, office) -> the person the article names in it, and back.
        self.offices: dict[tuple[str, str], str] = {}
        self.office_of: dict[str, tuple[str, str]] = {}
        #: What the article has told so far: mentions per actor, the last person and
        #: body, countries in the order last named.
        self.seen: Counter[str] = Counter()
        self.last_person = ""
        #: The person last told as a sentence's subject: "he" in a new sentence is
        #: that person rather than someone the last sentence told of ("X met Y. He ...").
        self.last_subject = ""
        #: The parties of the last event told, for "both sides" / "the two sides".
        self.last_parties: tuple[str, ...] = ()
        #: the actors the last sentence named, for "the two sides" before any event
        self.last_named: tuple[str, ...] = ()
        #: Date words of a report ("reported on Saturday"), by paragraph: the day of
        #: the report, never the day of an expected action told in it.
        self.report_dates: dict[int, set[str]] = {}
        #: the day of the last speech act a text dates by its reporting verb ("X said
        #: Tuesday"): the day of the speaker's other undated statements told after it
        self.report_span: tuple[DateSpan, str] | None = None
        #: dated tellings of a one-off event nobody acts in (type, span, date words)
        self.one_off_told: list[tuple[str, DateSpan, str]] = []
        #: the last date words the text told, for "that day", "during the same period"
        self.last_date: DateMention | None = None
        #: tellers described, not named ("a U.N. rights expert"), by their words
        self.described_tellers: dict[str, str] = {}
        self.last_body = ""
        #: Governments the directory lacks, named for countries acting as such
        #: (:meth:`government_of`): name -> country, proposed for review.
        self.proposed_governments: dict[str, str] = {}
        self.recent_countries: list[str] = []
        #: The country the text tells of most (see :meth:`learn_text_country`).
        self.text_country: str | None = None
        spellings = {name: name for name in directory.kinds}
        spellings.update(directory.aliases)
        #: Roles the directory gives persons as aliases ("junta chief"): not names (the
        #: words fit any country's holder), but the holder of that office in the person's
        #: country when the article names no one in it.
        self.directory_roles: dict[tuple[str, str], str] = {}
        for spelling, name in list(spellings.items()):
            role = _ROLE.fullmatch(spelling)
            if role and directory.kinds.get(name) == "person":
                del spellings[spelling]
                country = directory.countries.get(name)
                if country:
                    self.directory_roles.setdefault((country, _role_office(role)), name)
        self.by_spelling = {s.casefold(): name for s, name in spellings.items()}
        # a person's name spelt by another transliteration of a short i ("Sergey
        # Shoygu" for "Sergei Shoigu"), when the spelling names no one else
        for spelling, name in spellings.items():
            if directory.kinds.get(name) == "person" and " " in spelling:
                for variant in _transliterations(spelling.casefold()):
                    self.by_spelling.setdefault(variant, name)
        #: one-word proper names ("Amnesty", "EU", "Kremlin"): a lower-case "amnesty"
        #: or "eu" in running text is a common word, no mention of the actor
        self.proper_words = {
            s.casefold() for s in spellings if " " not in s and s[:1].isupper()
        } - {s.casefold() for s in spellings if " " not in s and not s[:1].isupper()}
        # a person told by given name and patronymic (or middle name) without the
        # surname: "Ivan Petrovich" of "Ivan Petrovich Sidorov", when only one person
        # of the directory is so spelled and the words spell no one else
        leading: dict[str, set[str]] = {}
        for spelling, name in spellings.items():
            words = spelling.split()
            if directory.kinds.get(name) == "person" and len(words) >= 3:
                leading.setdefault(" ".join(words[:2]).casefold(), set()).add(name)
        for words, names in leading.items():
            if len(names) == 1 and words not in self.by_spelling:
                self.by_spelling[words] = next(iter(names))
        self._compile()

    def _compile(self) -> None:
        alternatives = sorted(self.by_spelling, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w])(" + "|".join(re.escape(s) for s in alternatives) + r")(?![\w-])",
            re.IGNORECASE,
        )

    def learn_abbreviations(self, sentence: str) -> None:
        """Abbreviations the article defines for a known actor: "State Planning Board
        (SPB)" makes "SPB" a spelling of that actor for the rest of the text."""
        learnt = False
        for mention in self._named(sentence):
            defined = _ABBREVIATION_AFTER.match(sentence, mention.end)
            if defined and defined.group(1).casefold() not in self.by_spelling:
                self.by_spelling[defined.group(1).casefold()] = mention.actor
                learnt = True
        if learnt:
            self._compile()

    def _named(self, sentence: str) -> list[Mention]:
        mentions = [
            Mention(m.start(), m.end(), self.by_spelling[m.group(1).casefold()])
            for m in self.pattern.finditer(sentence)
            if not (m.group(1)[:1].islower() and m.group(1).casefold() in self.proper_words)
        ]
        for m in mentions:
            if self.directory.kinds.get(m.actor) == "person" and " " in m.actor:
                for surname in _transliterations(self._family_name(m.actor)):
                    self.surnames.setdefault(surname, m.actor)
        # "the X Board (XB)": the abbreviation defined is the same mention, not another
        mentions = [
            m
            for m in mentions
            if not any(
                (d := _ABBREVIATION_AFTER.match(sentence, o.end)) and d.start(1) == m.start
                for o in mentions
            )
        ]
        for surname, actor in self.surnames.items():
            for hit in re.finditer(rf"(?<![\w.]){re.escape(surname)}(?![\w])", sentence):
                if not any(m.start <= hit.start() < m.end for m in mentions):
                    mentions.append(Mention(hit.start(), hit.end(), actor))
        return mentions

    def _family_name(self, person: str) -> str:
        """The name a person is told by alone: the last word, but the first for the
        countries whose names put the family name first ("Wang" of "Wang Yi", "Kim" of
        "Kim Jong Un")."""
        words = person.split()
        first = self.directory.country_of(person) in _FAMILY_NAME_FIRST
        return words[0] if first else words[-1]

    def learn_offices(self, sentence: str) -> None:
        """Record who holds which office from the article's titles before names.

        "Chinese Foreign Minister Wang Yi", "Myanmar's foreign minister, Wunna Maung
        Lwin": the article's own words, read before extraction so that "his Myanmar
        counterpart" or "the foreign ministers of China..." resolve anywhere in it.
        """
        named = self._named(sentence)
        for mention in named:
            if self.directory.kinds.get(mention.actor) != "person":
                continue
            for body in named:  # "Chairman of the X (XB) and Prime Minister Name"
                gap = _TITLE_GAP.fullmatch(sentence, body.end, mention.start)
                if gap and _HEAD_OF.search(sentence[: body.start]):
                    self.offices.setdefault((body.actor, "head"), mention.actor)
            title = _OFFICE_BEFORE.search(sentence[: mention.start])
            role = _ROLE_BEFORE.search(sentence[: mention.start])
            if not (title or role):
                continue
            begin = (title or role).start()
            countries = [
                c.country for c in find_countries(sentence[max(0, begin - 30) : begin])
            ] or ([self.directory.countries.get(mention.actor)] if role else [])
            if countries and countries[-1]:
                kind = _office(title.group(1)) if title else _role_office(role)
                office = (countries[-1], kind)
                self.offices.setdefault(office, mention.actor)
                self.office_of.setdefault(mention.actor, office)

    def learn_text_country(self, paragraphs: list[str]) -> None:
        """The country the text names most often, when one leads (for "Soldiers fought"
        before any country is told)."""
        told = Counter(c.country for p in paragraphs for c in find_countries(p) if c.country)
        ranked = told.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            self.text_country = ranked[0][0]

    def learn_described_tellers(self, paragraphs: list[str]) -> None:
        """ "..., a U.N. rights expert said Tuesday." then "Tom Andrews called ...": a
        teller described (not named) is the first person the next paragraph names."""
        for here, after in pairwise(paragraphs):
            persons = [
                m.actor for m in self._named(after) if self.directory.kinds.get(m.actor) == "person"
            ]
            for hit in _DESCRIBED_TELLER.finditer(here):
                if persons and hit.group(1).casefold() not in self.by_spelling:
                    self.described_tellers.setdefault(hit.group(1).casefold(), persons[0])

    def _tellers_described(self, sentence: str, known: list[Mention]) -> list[Mention]:
        found = []
        for hit in _DESCRIBED_TELLER.finditer(sentence):
            person = self.described_tellers.get(hit.group(1).casefold())
            if person and not any(m.start <= hit.start(1) < m.end for m in known):
                found.append(Mention(hit.start(1), hit.end(1), person))
        return found

    def find(self, sentence: str) -> list[Mention]:
        """Directory actors named in ``sentence``, by name, alias, title or surname.

        A person's surname alone ("Shoigu") counts once the article has named them in
        full: news style gives the full name first. Offices the article has given a
        name ("Myanmar's foreign minister", "his Myanmar counterpart") and defence
        officials of named countries resolve to those actors.
        """
        mentions = self._named(sentence)
        roles = list(_ROLE.finditer(sentence))
        # "junta leader" is a person: the body "junta" inside it is no mention.
        mentions = [
            m
            for m in mentions
            if self.directory.kinds.get(m.actor) == "person"
            or not any(r.start() <= m.start < r.end() for r in roles)
        ]
        mentions += self._role_holders(sentence, roles, mentions)
        mentions += self._ruling_described(sentence, roles, mentions)
        mentions += _exile_described(self, sentence, mentions)
        mentions = self._heads(sentence, mentions)
        mentions += self._titles(sentence, mentions)
        mentions += self._coordinated(sentence, mentions)
        mentions += self._described(sentence, mentions)
        mentions += self._the_military(sentence, mentions)
        mentions += self._the_police(sentence, mentions)
        mentions = self._members(sentence, mentions)
        mentions += self._tellers_described(sentence, mentions)
        mentions += self._governments_told(sentence, mentions)
        mentions += self._diplomats(sentence, mentions)
        mentions.sort(key=lambda m: m.start)
        self.seen.update(m.actor for m in mentions)
        return mentions

    def _role_holders(self, sentence: str, roles, known: list[Mention]) -> list[Mention]:
        """The persons holding the roles a sentence describes ("Myanmar's junta leader").

        The role's country is the possessive or demonym just before it ("Myanmar's",
        "Russian"); else, for a ruling body's role ("the junta chief"), the country of
        the body the directory names so ("junta"); else the country last told. Its
        holder is the person the article titles so ("junta chief X"), else the one the
        directory gives that role.
        """
        found = []
        for role in roles:
            if any(m.start <= role.start() < m.end for m in known):
                continue
            if any(0 <= m.start - role.end() <= 2 for m in known):
                continue  # "junta chief X": the title of the person named
            office = _role_office(role)
            told = find_countries(sentence[: role.start()])
            before = [c for c in told if c.end >= role.start() - 4]
            country = before[-1].country if before else None
            start = before[-1].start if before else role.start()
            if country is None and role["ruling"]:
                body = self.by_spelling.get(role["ruling"].casefold())
                country = self.directory.countries.get(body) if body else None
            if country is None and self.recent_countries:
                country = self.recent_countries[-1]
            holder = self.offices.get((country, office)) or self.directory_roles.get(
                (country, office)
            )
            if holder:
                found.append(Mention(start, role.end(), holder))
        return found

    def _heads(self, sentence: str, mentions: list[Mention]) -> list[Mention]:
        """A body's head told by office ("the chairman of the X", "the leader of X's
        ruling generals", "the X Chair") is that PERSON, not the body: the one the
        article titles so ("Chairman of the X ... Name"), else, for a country's ruling
        body, the holder of its leader's role (the article's, else the directory's).
        An office nobody is known to hold stays the body ("met the head of X")."""
        found = []
        for m in mentions:
            if self.directory.kinds.get(m.actor) == "person":
                found.append(m)
                continue
            before = _HEAD_OF.search(sentence[: m.start])
            after = _HEAD_AFTER.match(sentence, m.end)
            if not (before or after):
                found.append(m)
                continue
            country = self.directory.countries.get(m.actor)
            holder = self.offices.get((m.actor, "head"))
            if holder is None and country and self.ruling_body(country) == m.actor:
                holder = self.offices.get((country, "leader")) or self.directory_roles.get(
                    (country, "leader")
                )
            if holder:
                start = before.start() if before else m.start
                found.append(Mention(start, after.end() if after else m.end, holder))
            else:  # "met the head of X" with no one known to hold it: X's people
                found.append(m)
        return found

    def ruling_body(self, country: str | None, alias: re.Pattern = _RULING_ALIAS) -> str | None:
        """The ruling military body of ``country``: its one government actor the
        directory also calls a junta or a military government, regime or administration
        (with ``alias``, the one it calls so: a government in exile)."""
        bodies = {
            name
            for spelling, name in self.by_spelling.items()
            if self.directory.kinds.get(name) == "government"
            and alias.match(spelling)
            and (country is None or self.directory.countries.get(name) == country)
        }
        return bodies.pop() if len(bodies) == 1 else None

    def _ruling_described(self, sentence: str, roles, known: list[Mention]) -> list[Mention]:
        """Governments described by who holds them ("Myanmar's military-led government",
        "the generals", "the regime"): the ruling body of the country the description's
        possessive or demonym names, else of the country last told, else the one ruling
        body the directory has."""
        found = []
        for hit in _RULING_DESCRIPTION.finditer(sentence):
            if any(
                m.start <= hit.start() < m.end or hit.start() <= m.start < hit.end() for m in known
            ):
                continue  # a name or alias of the directory says it already
            if any(r.start() <= hit.start() < r.end() for r in roles):
                continue  # "the regime leader": a person (see _role_holders)
            if re.match(r"\s+(?:leader|chief|head|ruler|supremo)\b", sentence[hit.end() :]):
                continue
            told = [c for c in find_countries(sentence[: hit.start()]) if c.end >= hit.start() - 4]
            country = told[-1].country if told else None
            start = told[-1].start if told else hit.start()
            body = self.ruling_body(country) if country else None
            if body is None and country is None:
                for recent in reversed(self.recent_countries):
                    body = self.ruling_body(recent)
                    if body:
                        break
                body = body or self.ruling_body(None)
            if body:
                found.append(Mention(start, hit.end(), body))
        return found

    def remember(self, sentence: str, mentions: list[Mention], countries) -> None:
        """Keep the last person, body and countries told, for pronouns and "the country".

        The sentence's subject person (see :func:`_subject_person`) becomes the one a
        later "he" or "she" stands for.
        """
        subject = _subject_person(sentence, mentions, self.directory)
        if subject is not None:
            self.last_subject = subject
        self.last_named = _dedupe(m.actor for m in mentions)
        for m in mentions:
            if self.directory.kinds.get(m.actor) == "person":
                self.last_person = m.actor
            else:
                self.last_body = m.actor
        for country in self._countries_told(sentence, mentions, countries, len(sentence)):
            if country in self.recent_countries:
                self.recent_countries.remove(country)
            self.recent_countries.append(country)

    def _countries_told(self, sentence, mentions, countries, before: int) -> list[str]:
        """Countries named (by name, demonym, place or an actor's country) before ``before``;
        a maker's compound ("Russia-made jets") tells no country later words stand for."""
        made = [hit.span() for hit in _MAKER_NAME.finditer(sentence)]

        def told(start: int, end: int) -> bool:
            return end <= before and not any(s <= start < e for s, e in made)

        named = [(c.start, c.country) for c in countries if told(c.start, c.end)]
        named += [(s, place.country) for s, e, place in find_places(sentence) if told(s, e)]
        named += [
            (m.start, self.directory.countries.get(m.actor))
            for m in mentions
            if told(m.start, m.end) and self.directory.countries.get(m.actor)
        ]
        return [country for _, country in sorted(named)]

    def referred_countries(self, sentence: str, mentions: list[Mention]) -> list[CountryMention]:
        """ "the country" (the last country told) and "both countries" (the last two)."""
        found = []
        named = find_countries(sentence)
        for pattern, size in ((_THE_COUNTRY, 1), (_BOTH_COUNTRIES, 2)):
            for hit in pattern.finditer(sentence):
                told = list(self.recent_countries)
                for country in self._countries_told(sentence, mentions, named, hit.start()):
                    if country in told:
                        told.remove(country)
                    told.append(country)
                for country in told[-size:]:
                    found.append(CountryMention(hit.start(), hit.end(), hit.group(0), country))
        return found

    def _described(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """Offices and defence officials that stand for actors ("his Myanmar counterpart")."""
        found: list[Mention] = []

        def add(start: int, end: int, actor: str | None) -> None:
            if actor and not any(m.start <= start < m.end for m in known):
                found.append(Mention(start, end, actor))

        for country in find_countries(sentence):
            after = _OFFICE_AFTER.match(sentence, country.end)
            if after:  # "Myanmar's foreign minister" (with or without the name after it)
                office = (country.country, _office(after.group(1)))
                add(country.start, after.end(), self.offices.get(office))
        for holders in _OFFICE_HOLDERS.finditer(sentence):  # "the foreign ministers of A, B"
            for country in find_countries(holders.group(0)):
                office = (country.country, _office(holders.group(1)))
                add(holders.start(), holders.end(), self.offices.get(office))
        for hit in _COUNTERPART.finditer(sentence):
            people = [
                m.actor
                for m in known
                if m.end <= hit.start() and self.directory.kinds.get(m.actor) == "person"
            ]
            person = people[-1] if people else self.last_person
            countries = find_countries(hit.group(1))
            if person in self.office_of and countries:
                office = (countries[0].country, self.office_of[person][1])
                add(hit.start(), hit.end(), self.offices.get(office))
        for hit in _FORCES_OF.finditer(sentence):  # "the armed forces of A and B"
            for country in find_countries(hit.group(1)):
                add(hit.start(), hit.end(), self.forces_of(country.country))
        for hit in _SENT_FROM.finditer(sentence):  # "observers from A, B and C"
            for country in find_countries(hit.group(1)):
                # a country of several governments the text does not single out ("a
                # delegation from Myanmar"): the one that sends delegations, its ruling body
                add(hit.start(), hit.end(), self.government_of(country.country, sends=True))
        for hit in _NAVAL_FORCES.finditer(sentence):  # "Russian warships arrived"
            countries = find_countries(hit.group("country"))
            if countries and countries[0].text == hit.group("country"):
                add(hit.start(), hit.end(), self.forces_of(countries[0].country))
        for hit in _DEFENCE_OFFICIALS.finditer(sentence):
            if hit.group(1):  # "... from both countries"
                countries = [
                    c.country for c in self.referred_countries(hit.group(0), []) if c.country
                ]
            else:  # "a senior defense official": of the country whose action sends him
                subject = self.subject_country(sentence, hit.start())
                countries = [subject] if subject else []
            for country in countries:
                add(hit.start(), hit.end(), self.defence_body(country))
        return found

    def _diplomats(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """A country's diplomat titled before a name the directory lacks ("British
        Ambassador X condemned ..."): the country's government (:meth:`government_of`)
        acts through its envoy, whose name is proposed for review (:func:`_proposed_names`)."""
        found = []
        for country in find_countries(sentence):
            if not country.country or any(m.start <= country.start < m.end for m in known):
                continue
            title = _DIPLOMAT.match(sentence, country.end)
            if title is None or not _envoy_name(title, self):
                continue
            actor = self.government_of(country.country)
            if actor:
                found.append(Mention(country.start, title.end(), actor))
        for name, title, country in _apposed_envoys(sentence, self):
            actor = self.government_of(country)
            if actor and not any(m.start < title.end() and name.start() < m.end for m in known):
                found.append(Mention(name.start(), title.end(), actor))
        return found

    def _members(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """ "UN Security Council members Russia and China": the members named (their
        governments) act, not the body they are told as members of."""
        found = []
        for m in known:
            hit = _MEMBERS.match(sentence, m.end)
            told = find_countries(hit.group(1)) if hit else []
            members = [self.government_of(c.country) for c in told if c.country]
            if not members or self.directory.kinds.get(m.actor) == "person":
                found.append(m)
                continue
            found += [Mention(m.start, hit.end(), g) for g in members if g]
        return found

    def _the_military(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """ "the military", "the junta army", "soldiers" as subject -> the armed forces
        (:meth:`forces_of`) of the country told, else of the latest told that has them,
        else of the country the text names most."""
        found = []
        named = find_countries(sentence)
        for hit in _THE_MILITARY.finditer(sentence):
            told = self._countries_told(sentence, known, named, hit.start())
            # the country told in the sentence, else the latest told that has armed
            # forces in the directory ("Soldiers fought" in a text about one country)
            countries = told[-1:] or [*reversed(self.recent_countries), self.text_country]
            forces = next(filter(None, (self.forces_of(c) for c in countries)), None)
            if forces:
                found.append(Mention(hit.start(), hit.end(), forces))
        return found

    def _the_police(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """ "the police" -> the one police actor of the country told, else of the text's."""
        found = []
        for hit in _THE_POLICE.finditer(sentence):
            if any(m.start <= hit.start() < m.end for m in known):
                continue  # "the Myanmar police": named already
            told = self._countries_told(sentence, known, find_countries(sentence), hit.start())
            countries = told[-1:] or [*reversed(self.recent_countries), self.text_country]
            police = next(filter(None, (self.police_of(c) for c in countries if c)), None)
            if police:
                found.append(Mention(hit.start(), hit.end(), police))
        return found

    def police_of(self, country: str) -> str | None:
        """The country's one actor named as its police in the directory, else None."""
        forces = [
            name
            for name, country_of in self.directory.countries.items()
            if country_of == country and re.search(r"\b[Pp]olice\b", name)
        ]
        return forces[0] if len(forces) == 1 else None

    def subject_country(self, sentence: str, position: int) -> str | None:
        """The country acting as subject of the clause at ``position``.

        The first country, capital or country's actor named in that clause that is not
        after a preposition nor a possessive ("Myanmar's capital"); a clause without
        one ("..., and last year dispatched an official") takes the nearest earlier
        clause's; a subordinate "While ..." clause is not the subject's.
        """
        named = [(c.start, c.end, c.country, c.text) for c in find_countries(sentence)]
        named += [(start, end, p.country, "") for start, end, p in find_places(sentence)]
        named += [
            (m.start, m.end, self.directory.countries.get(m.actor), "")
            for m in self._named(sentence)
            if self.directory.countries.get(m.actor)
        ]
        subjects = sorted(
            (start, country)
            for start, end, country, text in named
            if end <= position
            and not _PREPOSITION.search(sentence[:start])
            and not text.endswith(("'s", "\u2019s"))
            and not re.match(r"['\u2019]s\b", sentence[end : end + 2])
        )
        starts = sorted({0, *(b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, position))})
        for begin, end in reversed(list(zip(starts, [*starts[1:], position], strict=True))):
            if re.match(r"(?:While|Although|Though|Whereas)\b", sentence[begin:].lstrip()):
                continue
            inside = [country for start, country in subjects if begin <= start < end]
            if inside:
                return inside[0]
        return None

    def adjective_actor(self, sentence: str, match: re.Match) -> str | None:
        """The actor a capitalised adjective on the action noun names: a country's
        demonym -> its government, "Western" -> the directory's "Western governments"."""
        window = sentence[max(0, match.start() - 20) : match.end()]
        hits = list(_ACTION_ADJECTIVE.finditer(window))
        if not hits:
            return None
        word = hits[-1].group(1)
        countries = find_countries(word)
        if countries and countries[0].text == word:
            return self.government_of(countries[0].country)
        return self.by_spelling.get(f"{word} governments".casefold())

    def defence_body(self, country: str) -> str | None:
        """The one actor of ``country`` whose name or alias says defence ("Defence Services")."""
        bodies = {
            name
            for spelling, name in self.by_spelling.items()
            if self.directory.countries.get(name) == country
            and self.directory.kinds.get(name) != "person"
            and re.search(r"\bdefen[cs]e\b", spelling)
        }
        return bodies.pop() if len(bodies) == 1 else None

    def forces_of(self, country: str) -> str | None:
        """A country's armed forces as an actor: its one military, else its defence body.

        The one meaning of "a country's armed forces" wherever they are told acting
        ("the military", "soldiers", "the armed forces of", warships, exercises, a
        crackdown's toll). :meth:`military_of` answers another question, the coup rules'
        (:meth:`military_behind`, :func:`_coup_parties`): whether the country has a
        military actor that seizes or holds power; a defence ministry is never taken for
        a coup's agent by those rules."""
        return self.military_of(country) or self.defence_body(country)

    def is_defence(self, actor: str) -> bool:
        """A military, a defence or arms body, or a person the article titles defence minister."""
        if self.directory.kinds.get(actor) == "military":
            return True
        if self.office_of.get(actor, ("", ""))[1] == "defence minister":
            return True
        return self.directory.kinds.get(actor) != "person" and any(
            name == actor and re.search(r"\b(?:defen[cs]e|arms)\b", spelling)
            for spelling, name in self.by_spelling.items()
        )

    def _titles(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """ "Russia's defence ministry" -> the one Russian directory actor so titled."""
        found = []
        for country in find_countries(sentence):
            if any(m.start <= country.start < m.end for m in known):
                continue
            match = re.match(r"\s+((?:[A-Za-z]+[ -]){0,3}[A-Za-z]+)", sentence[country.end :])
            if not match:
                continue
            words = match.group(1).casefold().split()
            coordinated = re.fullmatch(r"(\w+) and (\w+) (agencies|ministries)", " ".join(words))
            if coordinated:  # "Russia's space and nuclear agencies": two titled actors
                head = {"agencies": "agency", "ministries": "ministry"}[coordinated.group(3)]
                end = country.end + match.end(1)
                for word in coordinated.group(1, 2):
                    actor = self._titled(country.country, f"{word} {head}")
                    if actor:
                        found.append(Mention(country.start, end, actor))
                continue
            for size in range(len(words), 1, -1):
                title = " ".join(words[:size])
                actor = self._titled(country.country, title)
                if actor:
                    end = country.end + match.start(1) + len(title)
                    found.append(Mention(country.start, end, actor))
                    break
        return found

    def _coordinated(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """A body coordinated with a named one, by description ("X's space agency
        Roscosmos and nuclear agencies"): the description is a title of the named
        body's country ("nuclear agency" of that country's one actor so titled)."""
        found = []
        structure = None
        for m in known:
            country = self.directory.countries.get(m.actor)
            if not country or self.directory.kinds.get(m.actor) == "person":
                continue
            if not re.match(r"\s+and\s+[a-z]", sentence[m.end :]):
                continue  # parse only where a lower-case noun phrase is coordinated
            structure = structure or Structure.of(sentence)
            described = structure.conjuncts(m.start, m.end)
            if not described:  # the parse may hang the phrase elsewhere (an apposition)
                phrase = _COORDINATED_DESCRIPTION.match(sentence, m.end)
                words = phrase.group(1).casefold().split() if phrase else []
                described = [
                    (phrase.start(1), phrase.start(1) + len(" ".join(words[:size])), words[:size])
                    for size in range(len(words), 0, -1)
                ]
            described = [(a, b, [*w[:-1], _singular(w[-1])]) for a, b, w in described]
            for start, end, words in described:
                actor = self._titled(country, " ".join(words))
                if actor and not any(k.start <= start < k.end for k in known):
                    found.append(Mention(start, end, actor))
                    break
        return found

    def _titled(self, country: str, title: str) -> str | None:
        matches = {
            name
            for spelling, name in self.by_spelling.items()
            if self.directory.countries.get(name) == country and spelling.endswith(" " + title)
        }
        return matches.pop() if len(matches) == 1 else None

    def military_behind(self, actor: str) -> str:
        """The country's armed forces for a government actor in a coup, else the actor.

        A junta is named for what it became; the coup is the military's act (our
        vocabulary: seizure of power by the military). Needs exactly one military actor
        of that country in the directory.
        """
        if self.directory.kinds.get(actor) != "government":
            return actor
        return self.military_of(self.directory.countries.get(actor, "")) or actor

    def _actors_of(self, kind: str, country: str) -> list[str]:
        """The directory's actors of ``kind`` ("military", "government") of ``country``."""
        return [
            name
            for name, its_kind in self.directory.kinds.items()
            if its_kind == kind and self.directory.countries.get(name) == country
        ]

    def protesters_of(self, country: str) -> str | None:
        """The country's one protest movement in the directory (an organisation known
        as its "protesters" or "demonstrators"), else None."""
        movements = {
            name
            for spelling, name in self.directory.aliases.items()
            if self.directory.kinds.get(name) == "organisation"
            and self.directory.countries.get(name) == country
            and re.search(r"\b(?:protesters|demonstrators)\b", spelling, re.IGNORECASE)
        }
        return movements.pop() if len(movements) == 1 else None

    def military_of(self, country: str) -> str | None:
        """The country's one military actor in the directory, else None (the coup
        rules' question; armed forces told acting are :meth:`forces_of`)."""
        military = self._actors_of("military", country)
        return military[0] if len(military) == 1 else None

    def government_of(self, country: str, *, sends: bool = False) -> str | None:
        """The directory's actor for a country acting as such ("the U.S. called...").

        The first of these ways that names one actor, in this order:

        1. the directory has no government actor for the country: "<Demonym>
           government" (:func:`dashboard.geography.government_name`, "Chilean
           government"), proposed for review as a new actor (see
           :meth:`_proposed_government`);
        2. the one named as the country's government ("Government of Chile",
           "Chilean government");
        3. the only government actor of the country;
        4. several (an elected government, a junta...): the one the article talks
           about most;
        5. none told: the one that speaks for the country abroad, its foreign ministry
           ("the U.S. called ...": the State Department, not the Treasury);
        6. with ``sends`` (people the country sends: "a delegation from Myanmar"): its
           ruling body (:meth:`ruling_body`).
        """
        governments = self._actors_of("government", country)

        def one(names: list[str]) -> str | None:
            return names[0] if len(names) == 1 else None

        def proposed() -> str | None:
            return None if governments else self._proposed_government(country)

        def named() -> str | None:
            known = COUNTRY_BY_NAME.get(country)
            demonyms = {d.casefold() for d in known.demonyms} if known else set()
            return one(
                [
                    g
                    for g in governments
                    if g.casefold() == f"government of {country.casefold()}"
                    or (g.casefold().endswith(" government") and g.casefold()[:-11] in demonyms)
                ]
            )

        def told_most() -> str | None:
            told = sorted(((self.seen[g], g) for g in governments if self.seen[g]), reverse=True)
            return told[0][1] if told and (len(told) == 1 or told[0][0] > told[1][0]) else None

        def foreign_ministry() -> str | None:
            return one([g for g in governments if _FOREIGN_MINISTRY.search(g)])

        def ruling_body() -> str | None:
            return self.ruling_body(country) if sends else None

        ways = (proposed, named, lambda: one(governments), told_most, foreign_ministry, ruling_body)
        return next((actor for way in ways if (actor := way())), None)

    def _governments_told(self, sentence: str, known: list[Mention]) -> list[Mention]:
        """A country's government told as such, not by a directory name: "Chile's
        government", "the Chilean government", "the government of Chile" - the
        country's government actor (:meth:`government_of`)."""
        found = []
        for hit in _GOVERNMENT_TOLD.finditer(sentence):
            if any(m.start < hit.end() and hit.start() < m.end for m in known):
                continue
            told = find_countries(hit.group(0))
            actor = self.government_of(told[0].country) if len(told) == 1 else None
            if actor:
                found.append(Mention(hit.start(), hit.end(), actor))
        return found

    def _proposed_government(self, country: str) -> str | None:
        """The government of a country the directory lacks one for, as a new actor to
        review: named by :func:`~dashboard.geography.government_name`, of that country
        (the finder's own directory gains it, kind and country, so the candidate's
        countries and the merging rules read it as the directory's governments are
        read; the directory passed in is never changed). None for a name that is no
        known country, or whose government name the directory gives another actor
        (an alias) or country."""
        if country not in COUNTRY_BY_NAME:
            return None
        name = government_name(country)
        directory = self.directory
        if name in directory.aliases or directory.kinds.get(name, "government") != "government":
            return None
        if directory.countries.get(name, country) != country:
            return None
        if name not in directory.kinds:
            self.directory = ActorDirectory(
                {**directory.kinds, name: "government"},
                {**directory.countries, name: country},
                directory.aliases,
                directory.inferred,
            )
            self.proposed_governments[name] = country
        return name


#: A country's government told by the country's name: "Chile's government", "the
#: Chilean government", "the government of Chile" (see :meth:`_ActorFinder.
#: _governments_told`; the country is checked there).
_GOVERNMENT_TOLD = re.compile(
    r"\b(?!The\b)[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}(?:['\u2019]s)? government\b"
    r"|\b[Gg]overnment of (?:the )?[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}"
)


def _exile_described(finder: _ActorFinder, sentence: str, known: list[Mention]) -> list[Mention]:
    """An exile or shadow government described ("the government in exile"): the
    directory's government of that kind of the country the possessive or demonym before
    it names, else of the text's country - only when the text's country is clear."""
    found = []
    for hit in _EXILE_DESCRIPTION.finditer(sentence):
        if any(m.start <= hit.start() < m.end or hit.start() <= m.start < hit.end() for m in known):
            continue  # a name or alias of the directory says it already
        told = [c for c in find_countries(sentence[: hit.start()]) if c.end >= hit.start() - 4]
        country = told[-1].country if told else finder.text_country
        body = finder.ruling_body(country, _EXILE_ALIAS) if country else None
        if body:
            found.append(Mention(told[-1].start if told else hit.start(), hit.end(), body))
    return found


def _singular(word: str) -> str:
    """ "agencies" -> "agency", "ministries" -> "ministry", "bodies" -> "body"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _office(word: str) -> str:
    return "foreign minister" if word.casefold() == "foreign" else "defence minister"


def _role_office(role: re.Match) -> str:
    """The office a described role names: a ruling body's head is its "leader"."""
    return "foreign minister" if role["diplomat"] else "leader"


#: A preposition, conjunction or verb of the object side before a name ("led by the
#: laureate X", "with X", "told X"): a name so placed is no subject.
_NOT_SUBJECT_BEFORE = re.compile(
    r"\b(?:by|with|to|of|for|from|against|on|at|in|and|told|met|than)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[A-Z][\w'.-]*\s+){0,4}$"
)


def _subject_person(sentence: str, mentions: list[Mention], directory) -> str | None:
    """The person a sentence tells as its subject, or None (a body, a pronoun, no one).

    The first person named before the sentence's first action word, not after a
    preposition ("with", "by") nor an object's verb ("told"). A sentence whose subject
    is a pronoun keeps the subject it stands for (None here: nothing changes).
    """
    first_action = min((m.start() for _, m in _action_matches(sentence)), default=len(sentence))
    pronoun = _PRONOUN.search(sentence)
    for m in mentions:
        if m.start > first_action or (pronoun and pronoun.start() < m.start):
            return None
        if directory.kinds.get(m.actor) != "person":
            continue
        if _NOT_SUBJECT_BEFORE.search(sentence[: m.start]):
            continue
        return m.actor
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


#: A product's maker or supplier told as a compound ("Russia-made", "Chinese-built",
#: "Russian-supplied"): a modifier of the product's name ("Russia-made Yak-130 jets"),
#: never part of a new actor's name.
_MAKERS = r"(?:made|built|supplied|designed|manufactured|produced)"
_MADE_IN = re.compile(rf"[A-Z][a-z]+-{_MAKERS}$")
#: A maker's compound right after a country's name or demonym: "Russian-supplied".
_MAKER_AFTER = re.compile(rf"-{_MAKERS}\b")
#: The maker's name in such a compound ("Russia" of "Russia-made").
_MAKER_NAME = re.compile(rf"\b[A-Z][\w]*(?=-{_MAKERS}\b)")


def _envoy_name(title: re.Match, finder: _ActorFinder) -> bool:
    """Whether the name after a diplomat's title (:data:`_ENVOY`) is a person's the
    directory lacks: no known actor, no place, no title words ("the UN Security Council")."""
    name = title.group("name")
    return not (
        name.casefold() in finder.by_spelling
        or name in SPELLINGS
        or find_places(name)
        or any(word in _NOT_NAMES for word in name.split())
    )


#: A name with a diplomat's title in apposition after it: "X, the British ambassador,"
#: (the name; the country and title follow, see :func:`_apposed_envoys`).
_NAME_APPOSED = re.compile(rf"(?<![\w-])(?P<name>{_ENVOY_NAME}),\s+(?:the\s+)?$")
_APPOSED_TITLE = re.compile(rf"{_ENVOY_RANK}{_ENVOY_WORD}\b{_ENVOY_TO}\s*,")


def _apposed_envoys(sentence: str, finder: _ActorFinder) -> list[tuple[re.Match, re.Match, str]]:
    """(name, title, country) of each diplomat named before a title in apposition ("X,
    the British ambassador, condemned ...", "X, Britain's envoy to the UN, said"), whose
    name the directory lacks (:func:`_envoy_name`): the country acts through its envoy,
    as when the title comes first (:meth:`_ActorFinder._diplomats`)."""
    found = []
    for country in find_countries(sentence):
        name = _NAME_APPOSED.search(sentence, 0, country.start)
        title = _APPOSED_TITLE.match(sentence, country.end)
        if country.country and name and title and _envoy_name(name, finder):
            found.append((name, title, country.country))
    return found


def _proposed_names(sentence: str, mentions: list[Mention], finder: _ActorFinder) -> list[str]:
    """Capitalised names that are neither known actors, countries nor places; a
    diplomat's name without the title before it ("ambassador to Myanmar X": X) or
    after it ("X, the British ambassador,": X)."""
    envoys = [e for e in _ENVOY.finditer(sentence) if _envoy_name(e, finder)]
    names = [(e.start("name"), e.group("name")) for e in envoys]
    apposed = _apposed_envoys(sentence, finder)
    names += [(name.start(), name.group("name")) for name, _, _ in apposed]
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


#: A sentence opening with a participle clause: "Countering X, the Y issued ..." (its
#: object is no subject of the main clause, its participle no name).
_PARTICIPLE_OPENING = re.compile(r"^[\"\u201c]?(?!During\b)([A-Z][a-z]{2,}ing)\s[^,;]*,")


def _participle_opening(sentence: str) -> re.Match | None:
    """The sentence's opening participle clause, up to its comma ("Countering X,"), or
    None (a name spelled with "-ing", "Beijing said", is no participle: the parse of the
    sentence with that word in lower case says - capitalised, the small parser takes
    "Countering Laos's" for a name)."""
    opening = _PARTICIPLE_OPENING.match(sentence)
    if opening is None or opening.group(1) in SPELLINGS:
        return None
    at = opening.start(1)
    lowered = sentence[:at] + sentence[at].lower() + sentence[at + 1 :]
    return opening if Structure.of(lowered).is_participle(at) else None


def _clause_start(sentence: str, position: int) -> int:
    # the whole sentence is read: a break's lookahead may see the action's own verb
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(sentence) if b.end() <= position]
    opening = _participle_opening(sentence)
    if opening is not None and opening.end() <= position:
        breaks.append(opening.end())
    reporting = [r.end() for r in _REPORTING.finditer(sentence, 0, position)]
    return max(breaks + reporting + [0])


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


def _antecedent(sentence: str, clause: int, before: list[Mention]) -> list[Mention]:
    """The subject of a relative clause opening at ``clause``: the mention right before
    its ", which" / ", who" ("the military, which seized power": the military seized
    it), else none."""
    opening = _RELATIVE_OPENING.search(sentence, 0, clause)
    if opening is None:
        return []
    return [m for m in before if not sentence[m.end : opening.start()].strip()]


#: A foreign ministry's name in the directory.
_FOREIGN_MINISTRY = re.compile(
    r"\b(?:Department of State|State Department|Foreign (?:Ministry|Office)|"
    r"Ministry of Foreign Affairs|Foreign Affairs Ministry)\b"
)


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
    subjects = [
        (start, country)
        for start, end, country, text in named
        if end <= trigger.start()
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


def _dedupe(names) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))


def _date_of(trigger, match, sentence, dates_here, anchored, paragraph_dates, actions, published):
    """(span, date words, inherited?) for an action, or None when nothing dates it.

    The first date words after the action in its clause; else the nearest in the
    sentence that no other action word is closer to ("dispatched ... last year" owns
    its "last year"); else an earlier event the sentence names again ("the coup");
    else the paragraph's last date, unless the action is told in the present perfect
    ("has voiced support": an indefinite past).
    """
    course = _course_since_event(trigger, sentence, match, anchored, published)
    course = course or _after_course(trigger, sentence, match, dates_here, anchored, published)
    if course is not None:
        return course
    shifted = _day_before_or_after(sentence, match, dates_here)
    if shifted is not None:
        return shifted
    noun = next((a for a in trigger.anchors if match.group(0).casefold().startswith(a)), None)
    indefinite = _indefinite(sentence, match, actions)
    nominal = _NOUN_FORM.search(match.group(0)) is not None
    closest = None
    if dates_here:
        # "X's execution ... grew Tuesday": the date of the verb, not the noun's
        dates_here = [
            m
            for m in dates_here
            if not (
                nominal
                and m.start >= match.end()
                and _OTHER_VERB.search(sentence, match.end(), m.start)
                # "the takeover that ousted X in May": its own relative clause
                and not Structure.of(sentence).in_relative_clause_of(match.start(), m.start)
            )
        ]
        # "the takeover which came after elections held in November": the elections'
        dates_here = [m for m in dates_here if not _placed_against(sentence, match, m)]
        # "to visit since last year's coup": a possessive date is the next noun's
        dates_here = [m for m in dates_here if not _qualifies_another(sentence, match, m, actions)]
        # "condemned the February 1 coup on Monday": the coup's date, not the condemnation's
        dates_here = [m for m in dates_here if not _on_a_later_noun(sentence, match, m, actions)]
        # "kicking off Tuesday": the participle's noun's date, no other action's
        dates_here = [m for m in dates_here if not _started_by_another(sentence, match, m)]
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
        on_noun = _dates_on_noun(sentence, match, dates_here) if nominal else []
        closest = (on_noun or relative or following or [None])[0]
        if closest is None and indefinite:  # "last year's coup": its own words still date it
            closest = next((m for m in dates_here if 0 <= match.start() - m.end <= 1), None)
            closest = closest or _opening_date(sentence, match, dates_here, actions)
        if closest is None and not indefinite:

            def distance(m, start, end):
                return min(abs(m.start - end), abs(m.end - start))

            # "..., winning praise Thursday": the participle's words, no action's before
            participles = _comma_participles(sentence, match)
            report = _closing_report(sentence, match, dates_here)
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
                    verbs = [(a, b) for a, b in actions if not any(s <= a < e for s, e in phrases)]
                near = distance(m, match.start(), match.end())
                return all(near <= distance(m, a, b) for a, b in verbs)

            own = [
                m
                for m in dates_here
                if owned(m) and not _on_another_noun(trigger, sentence, match, m)
            ]
            closest = min(own, key=lambda m: distance(m, match.start(), match.end()), default=None)
        if closest is None and not indefinite:  # "in June, when both sides agreed"
            closest = _date_before_when(sentence, match, dates_here)
        if closest is None and not indefinite:  # "During his visit in March, X pledged"
            closest = _date_of_during(sentence, match, dates_here)
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


#: A participle opening a clause after a comma: ", winning praise Thursday from ...".
_COMMA_PARTICIPLE = re.compile(
    r",\s+(?:and\s+)?(?!(?:includ|accord|follow|regard|concern|involv|exclud|compar)ing\b)"
    r"([a-z]{3,}ing)\b"  # "including X", "according to": prepositions, no acts
)


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


def _qualifies_another(sentence: str, match: re.Match, told: DateMention, actions) -> bool:
    """Whether possessive date words ("last year's", "Thursday's") qualify another
    action noun right after them ("since last year's coup"): that noun's date."""
    if not told.text.endswith(("'s", "\u2019s")):
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


#: Words placing the clause's event against another ("came after", "before"): date
#: words after them are that other event's.
_PLACING = r"after|before|following|ahead of|prior to|until"
_PLACED_AGAINST = re.compile(rf"\b(?:{_PLACING})\b", re.IGNORECASE)


#: A sentence opening with the onset of what its main clause tells in the perfect:
#: "Since the junta seized power in February 2021, they have conducted ...".
#: A date's own comma ("Since the February 1, 2021 coup,") does not end the clause.
_SINCE_CLAUSE = re.compile(r"[\s\"'“]*Since\b((?:[^,]|,(?=\s*\d{4}\b))+),")


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


def _course_since_event(trigger, sentence, match, anchored, published):
    """A course told from an event named after it in its clause ("protests have grown
    since the coup", "soldiers have killed 70 people since the junta's takeover"): from
    that event's month (the date it was told with) to the publication's month."""
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
    """Whether the action is an earlier event only recalled (see ``_RECALL``)."""
    return _RECALL.search(sentence, 0, match.start()) is not None


#: Words placing an action before or after an event named next ("after the visit"):
#: the action does not take that event's date.
_RELATIVE_TO = re.compile(
    r"\b(?:after|before|following|ahead of|prior to|until)\s+(?:(?:the|his|her|its|their)\s+)?"
    r"(?:\d{4}\s+)?$",  # "following the 2021 coup"
    re.IGNORECASE,
)


#: "the arrival of X", "a visit by X": the one named next acts.
_OF_AFTER = re.compile(r"\s+(?:of|by)\s+(?:(?:the|a|an)\s+)?(?=\S)")
#: A possessive noun phrase before a title ("the Asian country's junta chief"): the
#: title names the one who acts.
_POSSESSOR_BEFORE = re.compile(r"(?:[\w-]+\s+){0,2}[\w-]+['\u2019]s\s+")
#: A visit told as a noun: "the arrival of", "a visit by".
_VISIT_NOUN = re.compile(r"(?:arrivals?|visits?|trips?)$", re.IGNORECASE)


#: A delegation told with its leader: "A X delegation led by Y", "the delegation, led by".
_DELEGATION_LED_BY = re.compile(
    r"\b(?:delegations?|(?P<military>contingents?|units?))\b,?\s+(?:\w+\s+){0,2}?led by\b",
    re.IGNORECASE,
)

#: A time measured from an event named next ("almost two months after the", "days
#: before his"): that event is where the count starts, not an action the sentence tells.
_TIME_FROM_EVENT = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|"
    r"several|some|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|following)\s+"
    r"(?:(?:the|his|her|its|their)\s+)?(?:[\w.-]+\s+)?$",
    re.IGNORECASE,
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
    anchored: dict[str, tuple[DateSpan, str]] = {}
    candidates: list[Candidate] = []
    lead_dates = []
    sentences: list[tuple[int, str]] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        paragraph_dates: list[DateMention] = []
        for sentence in split_sentences(paragraph):
            sentences.append((number, sentence))
            candidates += _sentence_events(
                sentence, number, published, finder, anchored, paragraph_dates
            )
            told = _not_participles(sentence, find_date_expressions(sentence, published))
            paragraph_dates.extend(told)
            finder.last_date = told[-1] if told else finder.last_date
        if number == 1:
            lead_dates = paragraph_dates
    # The headline tells the lead's news: read last (so its nouns can refer back), dated
    # like paragraph 1 where it has no date words of its own, cited as paragraph 1.
    headline = article_headline(text)
    if headline and lead_dates:
        told = _sentence_events(headline, 1, published, finder, anchored, lead_dates, headline=True)
        candidates += [replace(c, proposed_actors=()) for c in told]  # Title Case, not names
    candidates = date_by_anaphor(candidates, anaphors(sentences, published))
    candidates = _date_by_narrative(candidates)
    candidates = _arms_deals(candidates)
    # the finder's directory: with the governments it proposed (government_of)
    candidates = _merge_repeats(_date_later(candidates, finder.directory), finder.directory)
    candidates = _merge_ongoing(_most_precise_telling(candidates, finder.one_off_told), published)
    # Every span as the event table states it, whatever rule made it (a candidate the
    # table refused made `extract` stop with none written).
    candidates = [
        replace(c, span=table_span(c.span)) for c in _each_listed_month(candidates, published)
    ]
    return _propose_governments(candidates, finder.proposed_governments)


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
            if trigger.event_type == "coup" and _annexation(sentence, m):
                continue
            if trigger.event_type == "condemnation" and not _rights_report(sentence, m):
                continue
            clause = _clause_start(sentence, m.start())
            coordinated = re.search(r"\band\s+$", sentence[: m.start()])
            if _RELATIVE_TO.search(sentence, 0, m.start()) and _OF_AFTER.match(sentence, m.end()):
                clause = m.start()  # "..., following the arrival of X": X's own action
            if clauses and clause in clauses and not coordinated:
                continue  # "talks ... and meet X": a second action of its own, kept
            clauses.add(clause)
            claimed.append((m.start(), m.end()))
            found.append((trigger, m))
    return found


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


def _lexicon_matches(sentence: str, found, named) -> list[tuple[Trigger, re.Match]]:
    """The fallback: verbs only the CAMEO lexicon knows (:mod:`dashboard.lexicon`).

    A verb proposes the type its CAMEO code maps to when none of :data:`TRIGGERS`
    fires on it nor on its direct object ("attended the forum" is the forum), it is
    its clause's own action, told as done or future (not modal,
    conditional or passive: :meth:`Structure.action_verbs`), not a reporting verb,
    its subject names a participant (an actor or country of ``named``), and the
    sentence tells no action of that type already (by our words or an earlier verb:
    "attended a conference in Russia ..., and travelled there again": one visit).
    """
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


def _annexation(sentence: str, match: re.Match) -> bool:
    """Whether a coup's words tell the seizure of a territory (an annexation) instead.
    A name after "of" is the territory taken ("the takeover of Crimea"), except after
    the government or leader the coup ousts ("ousted the government of X": whose)."""
    clause = sentence[_clause_start(sentence, match.start()) : match.end() + 40]
    if _ANNEX.search(clause):
        return True
    return not _OUSTED.search(match.group(0)) and bool(_OF_A_PLACE.match(sentence, match.end()))


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
        if trigger.event_type == "protest" and (not actors or _SUPPORTERS.search(sentence)):
            actors = _protesters(told) or actors  # "her supporters take to the streets"
        if trigger.event_type in REPORTED_NOT_DONE:
            report = _report_instead(told, trigger, match, when, actors, recipients)
            if report is None:
                continue  # the supplies themselves are undated; the report's teller unknown
            trigger, actors, recipients, when = report
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
        finder.last_parties = _parties(candidate, finder)
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
    paragraph_dates.extend(carried)
    return found


#: A toll told as a crackdown's or of protesters: the state's security forces act.
_STATE_VIOLENCE = re.compile(
    r"\bcrackdowns?\b|\b(?:protesters|protestors|demonstrators)\b[^.;]{0,40}?\bkilled\b"
)


def _forces_of_country(told: _Told) -> tuple[str, ...]:
    """The armed forces of the country the sentence names, else the text's."""
    finder = told.finder
    named = [c.country for c in told.countries if c.country]
    forces = next(filter(None, map(finder.forces_of, [*named, finder.text_country])), None)
    return (forces,) if forces else ()


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
    countries_here = find_countries(sentence) + finder.referred_countries(sentence, mentions)
    places = find_places(sentence)
    people = _dedupe(m.actor for m in mentions if directory.kinds.get(m.actor) == "person")
    found = _action_matches(sentence)
    found += _lexicon_matches(sentence, found, [*mentions, *countries_here])
    # In the order told: "visited X, when both sides agreed" - the visit's parties first.
    matches = sorted(found, key=lambda tm: tm[1].start())
    # "two months after the coup, X attended": the event named is a point of reference,
    # no action told here - it proposes no event and owns no date words
    matches = [
        (t, m)
        for t, m in matches
        if not (
            _TIME_FROM_EVENT.search(sentence, 0, m.start())
            and any(m.group(0).casefold().startswith(a) for a in t.anchors)
        )
    ]
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
#: speaker is untold unless "by" names them.
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?$")
_CONDEMNING = re.compile(r"condemn|denounc|critici|deplor|slamm", re.IGNORECASE)
_BY_AFTER = re.compile(r"\s+by\b")


#: An action noun named as a point of view or question under study: "analysing the
#: situation from the viewpoint of the continuation of military cooperation".
_TOPIC_OF = re.compile(
    r"\b(?:viewpoint|point of view|perspective|standpoint|question|issue) of\s+(?:the\s+)?"
    r"(?:(?:continuation|future|fate|prospects?) of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


#: An action the words before it put under a truce: "a ceasefire ... in operations
#: against", "a halt to air strikes" - halted, not done.
_TRUCE_SCOPE = re.compile(
    r"\b(?:ceasefire|cease-fire|truce|halt|pause|suspension)\b[^,;.]{0,40}?"
    r"\b(?:in|on|of|to)\s+(?:(?:the|all|its|their)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _no_event(sentence: str, match: re.Match) -> bool:
    """Whether the action words tell no event: negated, a kind of action, repeated or a
    circumstance."""
    if _NEGATED.search(sentence[max(0, match.start() - 30) : match.start()]):
        return True  # "didn't meet", "has not visited": no event
    if re.search(r"\b(?:such|any|no)\s+$", sentence[: match.start()], re.IGNORECASE):
        return True  # "the first such trip", "any talks": a kind of action, not one
    if _REPEATED.search(sentence[_clause_start(sentence, match.start()) : match.end()]):
        return True  # "twice hosted": several events, none dated by these words
    before = sentence[_clause_start(sentence, match.start()) : match.start()]
    verb_first = _PAST_FORM.match(match.group(0)) is not None
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
    if _TRUCE_SCOPE.search(sentence, 0, match.start()):
        return True  # "a ceasefire in operations against X": the operations halted
    if _TOPIC_OF.search(sentence, 0, match.start()):
        return True  # "from the viewpoint of the continuation of cooperation": a topic
    # "as they face Western condemnation": a state, not an event told
    return bool(_CIRCUMSTANCE.search(before) and _NOUN_FORM.search(match.group(0)))


def _verb_between(sentence: str, match: re.Match, quantifier: int) -> bool:
    """Whether the action noun's verb stands between a quantifier and the noun ("the two
    sides held talks": "two" counts the subject, not the talks)."""
    verb = Structure.of(sentence).predicate(match.start())
    return verb is not None and quantifier < verb.idx < match.start()


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
        dated = _date_of(trigger, match, sentence, own, anchored, [], told.actions, published)
        return dated, expected, _is_soon(sentence, match), dates_here
    dated = _date_of(
        trigger, match, sentence, dates_here, anchored, paragraph_dates, told.actions, published
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
        announced = _announced_by_own_side(told, match, dates_here)
        if announced is not None:  # "X has imposed sanctions, its ministry said Monday"
            dated = (announced.span, announced.text, False, False)
    if dated is None and finder.report_span and _speaker_of_occasion(told, match):
        dated = (*finder.report_span, True, False)  # "X said during talks": X's day
    if dated is None or (dated[2] and not dated[3]):
        # "X visited Y on <day> ... and he also met Z": the coordinated verb's time
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
    the action is an unknown person's (a proper name the directory lacks)."""
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
    # "hold talks with A and meet B": each action's recipients end where the next
    # action of the same type begins.
    following = [m.start() for t, m in told.matches if t is trigger and m.start() > match.end()]
    receivers = [m for m in receivers if m.start < min(following, default=len(sentence))]
    return initiators, receivers, unknown


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
    Myanmar coup", "Myanmar's coup") or right after ("a coup in the country", "in
    Myanmar"); else none."""
    sentence = told.sentence
    return {
        c.country
        for c in told.countries
        if c.country
        and (
            (
                0 <= match.start() - c.end <= 12
                and not re.search(r"\b(?:by|from|of)\s+$", sentence[: c.start])
            )
            or re.fullmatch(r"\s+in\s+(?:the\s+)?", sentence[match.end() : c.start])
        )
    }


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


def _dates_told(sentence, published, expected, last) -> list[DateMention]:
    """The sentence's date words; words pointing back ("that day") carry ``last``'s span.

    Only when the sentence has no date words of its own before them (then they
    point back to those) and the text told a date before.
    """
    found = find_date_expressions(sentence, published, forward=expected)
    for hit in _THAT_TIME.finditer(sentence):
        if last is not None and not any(m.start < hit.start() for m in found):
            found.append(DateMention(hit.start(), hit.end(), hit.group(0), last.span))
    for hit in _NEXT_DAY.finditer(sentence):  # "The following day": the day after
        if (
            last is not None
            and last.span.precision == "day"
            and not any(m.start < hit.start() for m in found)
        ):
            found.append(DateMention(hit.start(), hit.end(), hit.group(0), _day_after(last.span)))
    return sorted(found, key=lambda m: m.start)


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


#: Date words right after a reporting verb are the report's ("reported on Saturday").
_REPORT_BEFORE = re.compile(
    r"\b(?:said|says|reported|announced|stated|confirmed|told \w+)\s+"
    # "told reporters on a conference call on Monday": the medium between
    r"(?:(?:on|in|at|by|via) (?:an? |the )?(?:[\w-]+ ){0,2}?"
    r"(?:call|briefing|statement|interview)\s+)?$",
    re.IGNORECASE,
)


#: A reporting clause closing the sentence, up to its date words: "..., the ministry said
#: on Monday", "..., as announced by the Treasury in a statement on Wednesday". Its date
#: words are the report's; its teller is named before the verb or after "by".
_CLOSING_REPORT = re.compile(
    r",\s+(?:as\s+(?:announced|stated|said|reported|confirmed)\s+by\s+(?P<by>[^,;]{1,80}?)\s+"
    r"|(?P<teller>[^,;]{1,80}?)\s+(?:said|says|announced|stated|reported|confirmed)\s+)"
    r"(?:(?:in|on|at|via)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:call|briefing|statement|interview|release)\s+)?$",
    re.IGNORECASE,
)

_CLOSING_TELLER = re.compile(r",\s+(?P<teller>[^,;]{1,80}?)\s+$")
_REPORTING_VERB = re.compile(r"(?:said|says|announced|stated|reported|confirmed)\b", re.I)


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


def _announced_by_own_side(told: _Told, match: re.Match, dates_here) -> DateMention | None:
    """The date words of the announcement of a news lead's perfect by its own side.

    "The United States has expanded its sanctions ..., as announced by the Treasury in a
    statement on Wednesday", "Japan has imposed sanctions ..., its foreign ministry said
    on Monday": in a report's first paragraph, an act told in the present perfect and
    announced in the same sentence by a body of the acting country is the news of the
    announcement's day. Announced by another ("..., a UN expert said"), it stays an
    indefinite past.
    """
    report = _closing_report(told.sentence, match, dates_here)
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
    known = [(m.start, m.end) for m in mentions] + [(c.start, c.end) for c in countries]
    known += [(s, e) for s, e, _ in places]
    return not any(s < end and start < e for s, e in known)


#: An action word right after "since" ("since the coup", "since the 2021 takeover"):
#: "since" reaches back to it, so it is past whatever the sentence's tense.
_SINCE_BEFORE = re.compile(
    r"\bsince\s+(?:(?:the|that|this|its|their|his|her|last year's)\s+)?(?:[\w-]+\s+){0,2}$",
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


def _defence_talks(candidate: Candidate, finder: _ActorFinder) -> Candidate:
    """A meeting with a military, a defence or arms body or a defence minister is
    military cooperation (our vocabulary's convention for defence talks); a joint
    exercise is held by the armed forces of the countries it names (:func:`_exercise`)."""
    parties = candidate.actors + candidate.recipients
    if candidate.event_type == "meeting" and any(finder.is_defence(p) for p in parties):
        return replace(candidate, event_type="military cooperation")
    return _seller_supplies(_visitor_acts(_exercise(candidate, finder), finder), finder)


#: An arms transfer told from the buyer's side ("imported", "bought", "acquired").
_BUYER_SIDE = re.compile(r"(?:import|b(?:uy|ought)|purchas|acquir)", re.IGNORECASE)
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


def published_span(published: date) -> DateSpan:
    """A placeholder span (the publication day) for an action not dated yet."""
    return DateSpan(published, published, "day")


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
    the coup") lends nothing: its date is its own telling's, not its sentence's.
    """
    dated: list[Candidate] = []
    absorbed: set[int] = set()
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
                # the headline, read last, counts as paragraph 1: it lends no further
                and abs(later.paragraph - candidate.paragraph) <= DATE_LATER_PARAGRAPHS
                # an action of its own sentence: its date words were read and not taken
                # ("to visit since last year's coup": the coup's)
                and later.evidence != candidate.evidence
                and (people & set(later.people) or bodies & set(later.actors))
            ),
            None,
        )
        if lender is None:
            continue
        later = candidates[lender]
        lead = replace(
            candidate,
            span=later.span,
            date_text=later.date_text,
            undated=False,
            confidence=round(max(0.05, candidate.confidence - 0.1), 2),
        )
        if (later.event_type, later.status) == (candidate.event_type, candidate.status):
            absorbed.add(lender)
            lead = _joined(lead, later)
        dated.append(lead)
    return dated


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
            if same and shared and _same_counterparts(earlier, candidate, directory):
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


def _title(candidate: Candidate) -> str:
    who = ", ".join(candidate.actors) or ", ".join(candidate.countries[:1]) or "Unknown actor"
    whom = ", ".join(candidate.recipients)
    label = candidate.event_type[:1].upper() + candidate.event_type[1:]
    title = f"{label}: {who}" + (f" with {whom}" if whom else "")
    return title + (" (expected)" if candidate.status == "expected" else "")


def _event_id(event_type: str, actors, countries, start: str) -> str:
    """A candidate's id: its type, first actor (else country, else "event") and start."""
    who = (list(actors) or list(countries) or ["event"])[0]
    return _slug(f"{event_type} {who} {start}")


def candidates_frame(candidates: list[Candidate], source: str = "") -> pd.DataFrame:
    """The candidates as an events table: schema columns, then ``CANDIDATE_COLUMNS``.

    Titles and descriptions are generated from the fields, never taken from the
    article; the sentence itself is in ``evidence`` for the reviewer.
    """
    rows = []
    seen: dict[str, int] = {}
    for candidate in candidates:
        base = _event_id(
            candidate.event_type,
            candidate.actors,
            candidate.countries,
            candidate.span.start.isoformat(),
        )
        seen[base] = seen.get(base, 0) + 1
        event_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        latitude, longitude = (
            (f"{candidate.coordinates[0]:.3f}", f"{candidate.coordinates[1]:.3f}")
            if candidate.coordinates
            else ("", "")
        )
        proposed = ", ".join(candidate.proposed_actors)
        rows.append(
            {
                "event_id": event_id,
                "start_date": candidate.span.start.isoformat(),
                "end_date": candidate.span.end.isoformat(),
                "date_precision": candidate.span.precision,
                "event_type": candidate.event_type,
                "title": _title(candidate),
                "date_text": candidate.date_text,
                "description": f"Candidate {candidate.event_type} event proposed from "
                f"paragraph {candidate.paragraph} (action word '{candidate.trigger}'); "
                "review before use.",
                "actors": schema.LIST_SEPARATOR.join(candidate.actors),
                "recipients": schema.LIST_SEPARATOR.join(candidate.recipients),
                "countries": schema.LIST_SEPARATOR.join(candidate.countries),
                "location": candidate.location,
                "source": source,
                "source_paragraph": str(candidate.paragraph),
                "date_basis": "article",
                "notes": "Extracted automatically"
                + (f"; names to review as new actors: {proposed}" if proposed else "")
                + ".",
                "latitude": latitude,
                "longitude": longitude,
                "evidence": candidate.evidence,
                "confidence": f"{candidate.confidence:.2f}",
                "status": candidate.status,
                "proposed_actors": schema.LIST_SEPARATOR.join(candidate.proposed_actors),
            }
        )
    return pd.DataFrame(rows, columns=[*schema.SCHEMA_COLUMNS, *CANDIDATE_COLUMNS], dtype="str")


#: The ``status`` of an event the analyst adds in review: no sentence proposed it.
ADDED_STATUS = "added by the analyst"


def added_candidate(fields: Mapping[str, str], source: str = "") -> pd.DataFrame:
    """One event the analyst adds in review (the extractor missed it), as a candidates row.

    The columns of :func:`candidates_frame`, its id made as theirs are; an empty end is
    the start (one day or period), the basis is the article. It is checked as the
    candidates are when accepted (:func:`dashboard.workspace.check_events`), not here.
    """
    row = {c: str(fields.get(c) or "").strip() for c in schema.SCHEMA_COLUMNS}
    row["end_date"] = row["end_date"] or row["start_date"]
    row["event_id"] = row["event_id"] or _event_id(
        row["event_type"],
        schema.split_list(row["actors"]),
        schema.split_list(row["countries"]),
        row["start_date"],
    )
    row["source"] = source
    row["date_basis"] = row["date_basis"] or "article"
    paragraph = row["source_paragraph"]
    row["description"] = row["description"] or (
        f"Added by the analyst in review{f', from paragraph {paragraph}' if paragraph else ''}."
    )
    row["notes"] = row["notes"] or "Added by hand: the extractor did not propose it."
    extra = {"evidence": "", "confidence": "", "status": ADDED_STATUS, "proposed_actors": ""}
    columns = [*schema.SCHEMA_COLUMNS, *CANDIDATE_COLUMNS]
    return pd.DataFrame([{**row, **extra}], columns=columns, dtype="str")
