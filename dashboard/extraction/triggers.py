"""The action vocabulary: one :class:`Trigger` per event type (:data:`TRIGGERS`), and the
word lists its patterns share with the readers (reception, sanctions suffered, weapons)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.dates import COUNT_WORDS


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


#: An act framed as a gesture of support: "in a show of support for the junta", "as a sign
#: of solidarity with X", "in a gesture of backing": what the act tells is the support
#: (the framed verb proposes no type of its own: ``actions._lexicon_matches``).
GESTURE_OF_SUPPORT = (
    r"(?:in|as) (?:a |an )(?:[\w-]+ )?(?:show|sign|gesture|display|demonstration|mark) of "
    r"(?:[\w-]+ ){0,2}?(?:support|solidarity|backing)"
)


#: Sanctions told from the side of who is sanctioned, in the perfect ("has faced Western
#: sanctions", "have been under US sanctions"): a state since an onset the sentence
#: gives; the subject is the recipient, the adjective on "sanctions" the actor.
_EXPERIENCED_SANCTIONS = (
    r"(?:has|have|had) (?:long )?(?:faced|been under|been hit (?:by|with)|come under) "
    r"(?:[A-Z][\w.-]* ){1,2}sanctions"
)
_EXPERIENCED = re.compile(_EXPERIENCED_SANCTIONS)
#: What a sanction imposes, named as sanctions or by its measures ("targeted with travel
#: bans and asset freezes", "imposed asset freezes").
_SANCTION_MEASURES = r"(?:sanctions|travel bans?|asset freezes?)"
#: A sentence opening with its onset: "Since the coup ..., X has faced": the perfect's
#: own time (an event the text dated, or date words).
_SINCE_OPENING = re.compile(r"\s*Since (?:the|that|this) (\w+)")

#: A body's resolution adopted ("adopted its first resolution on X", "passed a
#: resolution"): a condemnation only with the demand it makes (:data:`RESOLUTION_DEMAND`).
RESOLUTION_ADOPTED = (
    r"(?:adopt(?:s|ed|ing)?|pass(?:es|ed|ing)?|approv(?:e|es|ed|ing)) (?:a |an |its )?"
    r"(?:[\w-]+ ){0,3}?resolution"
)
#: What makes a resolution a condemnation: condemning or demanding words, or a call or
#: an urging for an end or a release ("calling for an end to the violence", "urging the
#: junta to free prisoners"); "calling for talks" is none.
RESOLUTION_DEMAND = re.compile(
    r"\b(?:condemn|demand|denounc|deplor)|\b(?:call(?:s|ed|ing)? for|urg(?:e|es|ed|ing))\b"
    r"[^.;]{0,60}?\b(?:end|halt|stop|cessation|release|free)\b",
    re.IGNORECASE,
)

#: A demand made of others: "called for", "urged", "demanded".
_CALL_FOR = r"(?:call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?)"
#: Being made to answer for acts: a probe, a trial, accountability.
_ACCOUNTABILITY = (
    r"(?:probes?|investigat\w+|inquir(?:y|ies)|prosecut\w+|tried|trials?|tribunals?|"
    r"accountab\w+)"
)
#: Crimes only a state or an armed group is accused of (not a crash or a flood).
_GRAVE_CRIMES = (
    r"(?:genocide|war crimes|crimes against humanity|ethnic cleansing|atrocities|"
    r"(?:human )?rights (?:abuses|violations))"
)
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
#: Words no weapons' description has between a verb and the weapons ("delivered aid
#: by aircraft", "sold rice to arms dealers").
_NOT_BETWEEN = r"(?:by|to|with|for|from|via|in|on|at|and|or)\b"
#: A transfer told in the passive: "were sold", "have been supplied", "was handed over".
PASSIVE_TRANSFER = (
    r"(?:were|was|(?:has|have|had) been) (?:sold|delivered|supplied|shipped|transferred|"
    r"exported|handed over)\b"
)
#: Weapons put into service by their buyer: "brought three of them into service", "took the
#: tanks into active service", "inducted two jets into service".
INTO_SERVICE = (
    r"(?:br(?:ing|ings|inging|ought)|t(?:ake|akes|aking|ook|aken)|put(?:s|ting)?|"
    rf"induct(?:s|ed|ing)?) (?:(?!{_NOT_BETWEEN})[\w,.'\u2019-]+ ){{0,5}}?"
    r"into (?:active |operational |military )?service"
)
#: A weapon named in any number ("a helicopter", "the jets"): what makes a sentence's
#: words of service (:data:`INTO_SERVICE`) an arms transfer.
WEAPON_WORD = re.compile(
    r"\b(?:weapons?|arms|jets?|drones?|aircraft|helicopters?|missiles?|rockets?|radars?|"
    r"artillery|tanks?|warships?|submarines?|ammunition|munitions|fighters?|frigates?|"
    r"corvettes?|trainers?)\b",
    re.IGNORECASE,
)
#: A count told in words ("five students"), as the date words count.
_COUNT_WORD = "|".join(w for w in COUNT_WORDS if len(w) > 2)
#: Victims named as civilians in a toll ("killing at least 11 children").
_CIVILIANS = (
    r"(?:people|civilians|children|students|pupils|villagers|residents|women|"
    r"protesters|demonstrators|worshippers|patients|monks)"
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
            # "since the putsch that ousted X's government in February 2021"
            r"(?<!anti-)putsch(?:es)?",
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
            # "delivered two of six Su-30 fighter jets": a count and a model before the
            # weapons (no preposition between: "delivered aid by aircraft" is none)
            # "exported 2,524 80 mm unguided rockets": a seller's export too; "supplied
            # six K-8 trainer aircraft": a supply (the verb's: "the supply of" is a noun)
            rf"(?:sold|sells?|selling|deliver(?:s|ed|ing)?|export(?:s|ed|ing)?|"
            rf"suppl(?:y|ies|ied|ying)(?! of\b)) "
            rf"(?:(?!{_NOT_BETWEEN})[\w,.-]+ ){{0,4}}?"
            rf"{_WEAPONS}\b",
            # "has handed over a Ming Class attack submarine to Myanmar": a supply; not
            # one's own weapons ("the rebels handed over their weapons")
            rf"hand(?:s|ed|ing)? over (?!(?:their|its|his|her|our)\b)"
            rf"(?:(?!{_NOT_BETWEEN})[\w,.-]+ ){{0,4}}?{_WEAPONS}\b",
            # the buyer's side: "bought fighter jets", "acquired drones", a buy-back
            # ("re-purchased artillery rounds", "bought back ammunition")
            rf"(?:b(?:uy|uys|ought|uying)|(?:re-?)?purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)) "
            rf"(?:[\w-]+ ){{0,4}}?{_WEAPONS}\b",
            # the weapons' side: "six aircraft agreed to be traded between A and B"
            r"(?:weapons|arms|jets|drones|helicopters|aircraft|missiles|warships|submarines) "
            r"(?:\w+ ){0,3}?(?:traded|sold|purchased|bought) (?:between|to|by)",
            # ... with no seller in the clause: "heavy artillery weapons, detonators and
            # devices were sold", "two submarines were delivered to X"
            rf"{_WEAPONS}\b[^.;:!?]{{0,120}}? {PASSIVE_TRANSFER}",
            # the buyer's side, weapons put into service ("brought three of them into
            # service", "inducted two jets into service"): only in a sentence naming
            # weapons (``actions._action_matches``)
            INTO_SERVICE,
        ),
    ),
    Trigger(
        "multilateral meeting",
        _words(
            # "hosted a regional forum": the host holds a meeting, it visits no one;
            # "facilitated two meetings", "convened a meeting", "organised three meetings"
            r"(?:hosted|convened|facilitated|organi[sz]ed) (?:an? |the )?(?:\w+ ){0,2}"
            r"(?:forum|conference|summit|meetings?)",
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
            # "a border defence exchange", "military exchanges": armed forces meeting
            r"defen[cs]e (?:relations|ties|cooperation|talks|exchanges?)",
            r"military(?:-technical| technical)? (?:cooperation|ties|exchanges?)",
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
            # and "their 35th joint patrol", "joint naval patrols"
            r"joint (?:[\w-]+ ){0,3}?(?:exercises?|drills?|manoeuvres?|maneuvers?|war games|"
            r"patrols?)",
            # held together, told by who chaired or hosted it: "were joint chairs of a
            # military exercise", "co-hosted naval drills", "jointly staged war games"
            r"(?:co-?chair(?:s|ed|ing)?|joint chairs|co-?host(?:s|ed|ing)?|"
            r"co-?organi[sz](?:e|es|ed|ing)|jointly (?:held|hosted|chaired|conducted|staged)) "
            r"(?:of )?(?:\S+ ){0,4}?(?:exercises?|drills?|manoeuvres?|maneuvers?|war games)",
        ),
    ),
    Trigger(
        "visit",
        _words(
            r"visit(?:s|ed)?",
            r"(?<!the )(?<!a )visiting",  # "the visiting delegation": who, not an act
            r"travel(?:s|ed|led|ing)?(?! bans?\b)",  # "travel bans" are a sanction's
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
            # support given by word to another: "assured Myanmar's leader of India's full
            # support", "promised the junta its support", "offered Russia its backing"
            r"assur(?:e|es|ed|ing) (?:[\w'\u2019.-]+ ){1,6}?of (?:[\w'\u2019-]+ ){0,3}?"
            r"(?:support|backing)",
            r"(?:promis|offer)(?:e|es|ed|ing) (?:[\w'\u2019.-]+ ){0,4}?(?:its|their|his|her) "
            r"(?:[\w-]+ ){0,2}?(?:support|backing)",
            r"backing for",
            GESTURE_OF_SUPPORT,
            r"reaffirm(?:s|ed)?",
            # "welcomed the Council's statement": backing for another's act or words
            r"welcom(?:e|es|ed|ing) (?:the |a |an |its |their )?(?:[\w'\u2019-]+ ){0,3}?"
            r"(?:statement|decision|resolution|move|call|condemnation|declaration)",
            r"endors(?:e|es|ed|ements?)",
            # praise received: "winning praise Thursday from X" (X praises: _received_from)
            rf"{_RECEPTION}praise(?=\s+(?:[\w,]+\s+){{0,3}}?from\b)",
            # praise of the ties themselves: "praised Russia's developing ties with X",
            # "hailed the relations", "lauded their partnership"; or of another's help:
            # "hailed India's help to X", "praised China's assistance", "lauded its role"
            r"(?:prais|hail|laud)(?:e|es|ed|ing) (?:[\w'\u2019-]+ ){0,3}?"
            r"(?:ties|relations|partnership|friendship|leadership|help|aid|assistance|"
            r"support|contributions?|efforts|donations?|role)\b",
            # praise of another as what they are: "praised X as a true patriot", "hailed
            # X as 'a true friend'" (the golds' leader's praise of another)
            r"(?:prais|hail|laud)(?:e|es|ed|ing) (?:[\w'\u2019.-]+ ){1,4}?"
            r"as [\"\u201c]?(?:a|an|the)\b",
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
            # ... conveyed to someone ("conveyed to his counterpart X India's deep
            # concern over"): the same disapproval; the verb alone is the action word,
            # its addressee after it the recipient
            r"convey(?:s|ed|ing)?(?= (?:to [^,.;:]{1,60}? )?(?:[\w'\u2019]+ ){0,2}?concerns?\b)",
            # ... told by its other nouns, quoted or not ('voiced "strong dissatisfaction"
            # over', "expressed its displeasure at", "expressed deep dismay"); a quoted
            # "concern" is not taken (CBS round 11: a quoted statement's own dates)
            r"(?:voic|express)(?:e|es|ed|ing) [\"\u201c'\u2018]?(?:\w+ ){0,2}?"
            r"(?:dissatisfaction|displeasure|dismay|disapproval)",
            # the same concern told as a state: "X is concerned about the civilian deaths",
            # "Kremlin concerned over ..." (not "the parties concerned")
            r"(?:deeply |gravely |very |seriously )?concerned (?:about|over|at|by)\b",
            r"reprehensible",
            # "said it was 'extremely disappointed' with the decision", "objected to":
            # disapproval of another's act (CAMEO 110-111)
            r"disappointed[\"\u201d\u2019']? (?:with|at|over)",
            r"object(?:s|ed|ing)? (?:\(?to\)? )?(?=(?:the|a|an|its|their|this|that)\b)",
            # a rights report made public ("released the report", "published a new
            # report accusing ..."): only by a rights body or expert (_rights_report)
            r"(?:releas|publish|issu|present)(?:e|es|ed|ing) (?:a |an |the |its |their |his |"
            r"her )?(?:[\w-]+ ){0,2}?report",
            # "adopted a resolution demanding an end to ...": the body's condemnation, only
            # with a demand of its own (actions._resolution_demands)
            RESOLUTION_ADOPTED,
            # a call for accountability for grave crimes ("called for an international
            # probe ... for genocide", "urged that the generals be prosecuted for war
            # crimes", "demanded an inquiry into ... atrocities"): an accusation; a call
            # for an inquiry into a crash or a flood is none
            rf"{_CALL_FOR}(?=[^.;]{{0,80}}?\b{_ACCOUNTABILITY}[^.;]{{0,100}}?"
            rf"\b(?:for|into|over) (?:the |its |their )?(?:alleged |suspected )?{_GRAVE_CRIMES})",
        ),
    ),
    Trigger(
        "sanction",
        _words(
            # "new UK sanctions targeting companies ...", "sanctions that target firms"
            r"sanctions (?:against|on|(?:that |which )?target(?:s|ed|ing)?)",
            rf"imposed (?:\w+ )?{_SANCTION_MEASURES}",
            # a listing by who makes it: "blacklisted two firms", "were blacklisted by the
            # EU", "was sanctioned by Washington", "been designated for sanctions by the UK"
            # ("a UN-sanctioned vote" is none)
            r"blacklist(?:s|ed|ing)",
            r"(?:was|were|been|being) (?:sanctioned|designated for sanctions)(?= by\b)",
            # (also counted out: "announced a new round of sanctions", "a package of")
            r"(?:imposes|imposing|slapped|announced|expanded|tightened) (?:(?:a|an) )?"
            r"(?:new |fresh |more |further )?(?:(?:round|package|set|wave) of )?(?:\w+ )?sanctions",
            r"\w+ sanctions against",
            # sanctions as the means of a verb of attack: "EU targets 19 officials with
            # sanctions", "hit the junta with new sanctions" (no armed clash)
            r"(?:target(?:s|ed|ing)?|hit(?:s|ting)?|slap(?:s|ped|ping)?|punish(?:es|ed|ing)?) "
            r"(?:[\w'\u2019-]+ ){0,6}?with (?:[\w-]+ ){0,2}?" + _SANCTION_MEASURES,
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
            rf"(?:dozens|scores|hundreds|thousands|\d+)(?: of)? (?:[\w-]+ ){{0,2}}?{_CIVILIANS}\b",
            # "airstrikes were slaughtering civilians in villages"
            rf"slaughter(?:s|ed|ing)? (?:[\w-]+ ){{0,2}}?{_CIVILIANS}\b",
            r"murdered (?:at least |more than |over |nearly )?"
            r"(?:dozens|scores|hundreds|thousands|\d+)",
            # a toll told in the passive: "at least 100 demonstrators were killed by ..."
            r"(?:(?<=people )|(?<=demonstrators )|(?<=protesters )|(?<=civilians )"
            r"|(?<=villagers ))"
            r"(?:were|have been|had been|was) (?:shot and )?killed",
            # ... or in a reduced passive, with an exact count: "with at least 38 protesters
            # killed", "leaving 20 demonstrators killed" (not "20 villagers killed a tiger":
            # an object after; nor "reports of scores of people killed": no count)
            rf"(?:\d+|{_COUNT_WORD}) (?:[\w-]+ ){{0,2}}?{_CIVILIANS} "
            r"(?:shot and )?killed\b(?!\s+(?:a|an|the|his|her|their|its|one|two|three|\d+)\b)",
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
            # "conducted a cross-border raid" (not "conducted anti-piracy operations":
            # operations are an act of war only "against" someone, above)
            r"conduct(?:s|ed|ing)? (?:an? |the )?(?:[\w-]+ )?(?:attacks?|offensives?|raids?)",
            r"bomb(?:ed|ing|ings)",
            r"shell(?:ed|ing)",
            # an armed rising against the rulers: "an armed rebellion", "armed resistance"
            # ("armed resistance groups" are who fights, not an act)
            r"armed (?:rebellions?|uprisings?|resistance|insurgency)"
            r"(?! (?:fighters|groups?|forces|movements?|organi[sz]ations?|leaders?|members))",
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
