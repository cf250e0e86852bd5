"""Word patterns the readers share: tense and mood, negation, agents, offices and roles,
bodies described rather than named, diplomats' titles, countries told again, and where a
clause starts (:func:`_clause_start`)."""

from __future__ import annotations

import re

from dashboard.geography import SPELLINGS
from dashboard.parsing import Structure

_FUTURE = re.compile(
    r"\b(?:will|would|(?:is|are|was|were)\s+(?:expected|due|scheduled|set|slated)\s+to|"
    r"plans? to|planned to)\b",
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
#: A passive auxiliary right before an action verb ("is accused", "was strongly
#: condemned", "have been criticised"), or opening the action's words ("were sanctioned").
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")
_PASSIVE_OPENING = re.compile(r"(?:is|are|was|were|be|been|being)\s", re.IGNORECASE)
#: Verbs of condemning: told in the passive, their subject is the one condemned ("is
#: accused of crimes"), not the one who disapproves ("was disappointed at X").
_CONDEMNING = re.compile(
    r"condemn|denounc|critici|deplor|slamm|accus|blam|censur|rebuk|reprimand|castigat|"
    r"lambast|chastis|decri",
    re.IGNORECASE,
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
    # "by the junta", "killed by bullets from the police"; not a host's welcome ("his
    # arrival saw him welcomed by X": X welcomes, the visitor arrives)
    r"(?<!welcomed )(?<!greeted )\bby\s+(?:(?:[\w-]+\s+){1,2}?from\s+)?(?:the\s+)?$",
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
#: A minister's title right after a country's possessive or demonym ("Russia's foreign
#: minister", "the Russian foreign minister", "Myanmar's deputy prime minister"): the
#: office's holder (:meth:`_ActorFinder._described`). Not "foreign ministry", not plural.
_OFFICE_AFTER = re.compile(
    r"\s+((?:deputy\s+)?(?:foreign|defen[cs]e|external affairs|prime|interior|home|finance))"
    r" minister\b(?!s|['\u2019]s)",
    re.IGNORECASE,
)
#: The head of a body told by office rather than by name: "the chairman of the X", "the
#: leader of X's ruling generals" (before the body), "the X Chair" (after it).
_HEAD_WORDS = r"(?:chair(?:man|woman|person)?|head|leader|chief|president)"
_HEAD_OF = re.compile(
    rf"\b(?:[Tt]he\s+)?{_HEAD_WORDS}\s+of\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*"
    r"['\u2019]s\s+)?(?:(?:military|ruling|army)\s+)?$",  # "the head of X's military junta"
    re.IGNORECASE,
)
#: A head's title told as the capacity of a person the sentence names before it: "X
#: visited Y as Commander-in-Chief of the Z", "X, then head of the Z, met Y". The body
#: names what the person was, not a party (:meth:`_ActorFinder._heads`).
_CAPACITY_BEFORE = re.compile(
    r"(?:\bas|,\s*(?:then|now|former|formerly|once))\s+(?:(?:the|its|then)\s+)?"
    r"(?:[\w]+[\s-]+){0,3}$",
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
#: A person described by country and rank or function, not named: "the Russian
#: general", "the Chinese diplomat" -- the person of that country told last.
_PERSON_DESCRIBED = re.compile(
    r"\b[Tt]he ([A-Z][a-z]+) (?:soldier|general|officer|official|diplomat|envoy|minister|"
    r"visitor|guest|delegate)\b"
)
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
#: Violent deeds told as nouns, whose doer may follow after "by".
_VIOLENT_DEEDS = (
    "killings",
    "crackdown",
    "violence",
    "atrocities",
    "abuses",
    "attacks",
    "raids",
    "airstrikes",
    "arson",
    "massacres",
    "shelling",
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
    # ... or after "by" right after a violent deed: "a campaign of arson and killings by
    # the army", "a crackdown by troops" ("a meeting on attacks carried out by the
    # military" gives the meeting no party)
    r"|(?:" + "|".join(f"(?<=\\b{deed} by )" for deed in _VIOLENT_DEEDS) + ")"
    r"(?:the )?(?:security forces|soldiers|troops|military|army)\b"
    # its commanders as whom a deed is told of ("action against the top leadership of
    # Myanmar's army", "the generals of the military"): the armed forces, object or not
    r"|(?:(?<=\bleadership of )|(?<=\bleaders of )|(?<=\bgenerals of )|(?<=\bcommanders of ))"
    r"(?:the |[A-Z]\w+['’]s )?(?:military|army|armed forces)\b"
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
#: from Belarus", "leaders from A, B and C" - each country's government sends them.
_SENT_FROM = re.compile(
    r"\b(?i:observers|observation teams?|monitors|delegations?|delegates|envoys|leaders|"
    r"representatives)\s+from\s+"
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


#: A sentence opening with a clause of purpose: "In order to call for X, ...", "To urge
#: X to free Y, ..." (a verb after "To": "To date," is none of it).
_PURPOSE_OPENING = re.compile(r"[\"\u201c]?(?:In order to|So as to|To)\s+[a-z]")


def _purpose_opening_end(sentence: str, position: int) -> int | None:
    """Where the main clause starts after an opening clause of purpose, before
    ``position``: after the last comma before it (the purpose may list and describe,
    "In order to urge X to free all prisoners, including Y, the Council adopted"), or
    None without such an opening."""
    if not _PURPOSE_OPENING.match(sentence):
        return None
    comma = sentence.rfind(",", 0, position)
    return comma + 1 if comma > 0 else None


def _clause_start(sentence: str, position: int) -> int:
    # the whole sentence is read: a break's lookahead may see the action's own verb
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(sentence) if b.end() <= position]
    opening = _participle_opening(sentence)
    if opening is not None and opening.end() <= position:
        breaks.append(opening.end())
    purpose = _purpose_opening_end(sentence, position)
    if purpose is not None:
        breaks.append(purpose)
    reporting = [r.end() for r in _REPORTING.finditer(sentence, 0, position)]
    return max(breaks + reporting + [0])


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

_TIME_COUNT = (
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|"
    r"several|some|\d+)\s+(?:days?|weeks?|months?|years?)\s+"
)
#: A time measured from an event named next ("almost two months after the", "days
#: before his"): that event is where the count starts, not an action the sentence tells.
_TIME_FROM_EVENT = re.compile(
    _TIME_COUNT + r"(?:after|before|following)\s+"
    r"(?:(?:the|his|her|its|their)\s+)?(?:[\w.-]+\s+)?$",
    re.IGNORECASE,
)
#: The same told with a clause, before its verb: "three years after the military seized
#: (power)", "two months after Myanmar's army took (power)" - the subject, up to three
#: words, and no comma between.
_TIME_FROM_CLAUSE = re.compile(
    _TIME_COUNT + r"(?:after|before)\s+(?:[\w'\u2019.-]+\s+){1,3}$",
    re.IGNORECASE,
)
