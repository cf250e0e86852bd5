"""Words about actors that the actor finder and the roles read: a name's spellings
(transliterations), a government told by its country's name, offices told by title words,
the person a sentence tells as its subject, and makers' compounds ("Russia-made")."""

from __future__ import annotations

import re

from dashboard.extraction.actions import _action_matches
from dashboard.extraction.candidate import Mention
from dashboard.extraction.patterns import _PRONOUN

#: Countries whose people's names, as English news writes them, put the family name
#: first ("Wang Yi", "Xi Jinping", "Kim Jong Un", "Yoon Suk Yeol"); Hong Kong and
#: Taiwan are left out (English given names first there: "Carrie Lam").
_FAMILY_NAME_FIRST = frozenset({"China", "North Korea", "South Korea"})
#: Countries whose people are told by their given name alone, which comes first ("Don"
#: of Thailand's "Don Pramudwinai", "Prayut" of "Prayut Chan-o-cha").
_GIVEN_NAME_TOLD = frozenset({"Thailand"})

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


#: Countries whose people's names English texts transliterate from Cyrillic: their
#: names also come in French transliteration, as texts translated from French keep it.
_CYRILLIC_SCRIPT = frozenset(
    {"Russia", "Belarus", "Ukraine", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Mongolia"}
)

#: French transliteration against English, letter group by letter group: "ch" for
#: "sh", "ou" for "u", "gu" for "g" before e/i, "ï" for a short i (:data:`_SHORT_I`),
#: "-ine" for a final "-in" and "-re" for a final consonant and "-er" ("Alexandre
#: Fomine", "Sergueï Choïgou", "Vladimir Poutine").
_FRENCH_LETTERS = re.compile(
    rf"(?P<sh>sh)|(?<!o)(?P<u>u)|(?P<g>g)(?=[ei])|(?P<short_i>{_SHORT_I.pattern})"
    r"|(?<=\win)(?P<final_in>)\b|(?<=[b-df-hj-np-tv-xz])(?P<final_er>er)\b",
    re.IGNORECASE,
)
_FRENCH_FOR = {"sh": "ch", "u": "ou", "g": "gu", "short_i": "ï", "final_in": "e", "final_er": "re"}


def _french_spellings(name: str) -> set[str]:
    """A name of a person of a Cyrillic-script country as French transliterates it
    (:data:`_FRENCH_LETTERS`), with the diaeresis and without ("Sergueï", "Serguei")."""

    def french(hit: re.Match) -> str:
        written = _FRENCH_FOR[hit.lastgroup]
        return written.capitalize() if hit.group()[:1].isupper() else written

    spelt = _FRENCH_LETTERS.sub(french, name)
    return {spelt, spelt.replace("ï", "i").replace("Ï", "I")} - {name}


#: A country's government told by the country's name: "Chile's government", "the
#: Chilean government", "the government of Chile" (see :meth:`_ActorFinder.
#: _governments_told`; the country is checked there).
_GOVERNMENT_TOLD = re.compile(
    r"\b(?!The\b)[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}(?:['\u2019]s)? government\b"
    r"|\b[Gg]overnment of (?:the )?[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}"
)


def _singular(word: str) -> str:
    """ "agencies" -> "agency", "ministries" -> "ministry", "bodies" -> "body"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _office(word: str) -> str:
    """The office a minister's title words name: "foreign" and India's "external
    affairs" -> "foreign minister", "defense" -> "defence minister", "deputy prime" ->
    "deputy prime minister"."""
    word = " ".join(word.casefold().split())
    if word in ("foreign", "external affairs"):
        return "foreign minister"
    return "defence minister" if word in ("defence", "defense") else f"{word} minister"


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


#: A product's maker or supplier told as a compound ("Russia-made", "Chinese-built",
#: "Russian-supplied"): a modifier of the product's name ("Russia-made Yak-130 jets"),
#: never part of a new actor's name.
_MAKERS = r"(?:made|built|supplied|designed|manufactured|produced)"
_MADE_IN = re.compile(rf"[A-Z][a-z]+-{_MAKERS}$")
#: A maker's compound right after a country's name or demonym: "Russian-supplied".
_MAKER_AFTER = re.compile(rf"-{_MAKERS}\b")
#: The maker's name in such a compound ("Russia" of "Russia-made").
_MAKER_NAME = re.compile(rf"\b[A-Z][\w]*(?=-{_MAKERS}\b)")
