"""A broad action lexicon for the extractor: the verbs CAMEO codes, mapped onto our types.

``dashboard/cameo_verbs.csv`` (lemma -> CAMEO code, 1,160 verbs and phrasal verbs)
is derived by ``scripts/make_cameo_verbs.py`` from the CAMEO verb dictionary of
PETRARCH2 (Open Event Data Alliance, MIT licence: ``dashboard/cameo_verbs.LICENSE``).
The extractor uses it only as a fallback: where none of its own action words
(``extraction.triggers.TRIGGERS``) fires on a verb (docs/extraction.md, "The CAMEO fallback").

:data:`FALLBACK_TYPES` is the one table from CAMEO codes to our event types for the
fallback; codes it does not map propose nothing. It is narrower than the importer's
table for GDELT and ICEWS rows (``dashboard.cameo.OUR_TYPES``): a coded row was
judged by its coder, a verb in a sentence was not, so the codes that mis-fired on our
texts are left out here, and assault, arrest and mass violence, which the importer
leaves as CAMEO roots, are typed by their target. The table is read on first use, not
at import.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from dashboard.cameo import most_specific

LEXICON_PATH = Path(__file__).with_name("cameo_verbs.csv")

#: CAMEO code prefix -> our event type for the fallback (the most specific prefix wins).
#: Codes not here propose nothing: 01 statements, 02 appeals, 03 intents, 040 consult
#: unspecified ("consider", "hear", "learn", "leave"; it misfired), 050/052-056
#: diplomatic cooperation other than praise and signing, 061/063/064 non-military
#: cooperation, other aid, 08-10, 12, 13, 15, 16 other than breaking relations and
#: embargo, 17 other than arrest and repression.
FALLBACK_TYPES: dict[str, str] = {
    "042": "visit",  # make a visit
    "043": "visit",  # host a visit
    "044": "meeting",  # meet at a third location
    "045": "meeting",  # mediate
    "046": "meeting",  # engage in negotiation
    "057": "agreement",  # sign formal agreement
    "062": "military cooperation",  # cooperate militarily
    "072": "arms transfer",  # provide military aid
    "111": "condemnation",  # criticise or denounce
    "14": "protest",  # demonstrate, strike, boycott
    "161": "sanction",  # reduce or break diplomatic relations
    "163": "sanction",  # impose embargo, boycott or sanctions
    "173": "repression/execution",  # arrest, detain
    "175": "repression/execution",  # violent repression
    "18": "violence against civilians",  # assault (by target: see fallback_type)
    "19": "armed clash",  # fight with conventional force (by target)
    "20": "violence against civilians",  # unconventional mass violence
}

#: Roots whose type follows the target: an armed target makes it a clash, a civilian
#: one violence against civilians.
BY_TARGET = frozenset({"18", "19"})
_CIVILIAN = re.compile(
    r"\b(?:civilians?|villagers?|villages?|residents?|protesters?|demonstrators?|people|"
    r"children|women|monks?|students?|journalists?|activists?|refugees?|worshippers?)\b",
    re.IGNORECASE,
)
_ARMED = re.compile(
    r"\b(?:troops?|soldiers?|forces?|army|military|militias?|rebels?|fighters?|insurgents?|"
    r"guerrillas?|positions?|bases?|outposts?|battalions?|regiments?)\b",
    re.IGNORECASE,
)


@functools.cache
def cameo_verbs() -> dict[str, str]:
    """The lexicon: lemma (``"attend"``, ``"depart for"``) -> CAMEO code."""
    with LEXICON_PATH.open(newline="", encoding="utf-8") as handle:
        return {row["lemma"]: row["code"] for row in csv.DictReader(handle)}


def code_of(lemma: str) -> str | None:
    """The CAMEO code of a verb lemma, or None. A lemma the parser cut from a verb
    ending in "e" ("lambasted" -> "lambast") is looked up with its "e" too."""
    verbs = cameo_verbs()
    return verbs.get(lemma) or verbs.get(f"{lemma}e")


def mapped_type(code: str) -> str | None:
    """Our event type for a CAMEO code under :data:`FALLBACK_TYPES`, or None."""
    return most_specific(code, FALLBACK_TYPES)


def fallback_type(code: str, target: str) -> str | None:
    """Our event type for a verb of CAMEO ``code`` whose clause after it reads ``target``.

    Assault and fighting (roots 18, 19) are violence against civilians when the target
    words name civilians, an armed clash when they name armed men, else the root's type.
    """
    mapped = mapped_type(code)
    if mapped is None or code[:2] not in BY_TARGET:
        return mapped
    if _CIVILIAN.search(target):
        return "violence against civilians"
    if _ARMED.search(target):
        return "armed clash"
    return mapped
