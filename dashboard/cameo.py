"""CAMEO event codes (GDELT, ICEWS): normalised, mapped through PLOVER onto our types.

CAMEO codes are two to four digits whose first two are the root (01-20). Files that
went through a spreadsheet or a numeric column lose the leading zero (``080`` becomes
``80``, ``0211`` becomes ``211``): :func:`normalise` restores it, which is unambiguous
because every CAMEO event code has three or four digits and no root is above 20.

Each root maps to a PLOVER category (Open Event Data Alliance) and a quad class.
A code gets one of our event types only where our definition fits it
(:data:`OUR_TYPES`, most specific prefix first); other codes keep their CAMEO root's
name as the type (with ``type_vocabulary`` = ``CAMEO``), in colours of their own.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

#: CAMEO root -> (name, PLOVER category, quad class).
ROOTS: dict[str, tuple[str, str, str]] = {
    "01": ("make public statement", "", "verbal cooperation"),
    "02": ("appeal", "REQUEST", "verbal cooperation"),
    "03": ("express intent to cooperate", "AGREE", "verbal cooperation"),
    "04": ("consult", "CONSULT", "verbal cooperation"),
    "05": ("engage in diplomatic cooperation", "SUPPORT", "verbal cooperation"),
    "06": ("engage in material cooperation", "COOPERATE", "material cooperation"),
    "07": ("provide aid", "AID", "material cooperation"),
    "08": ("yield", "CONCEDE", "material cooperation"),
    "09": ("investigate", "INVESTIGATE", "verbal conflict"),
    "10": ("demand", "DEMAND", "verbal conflict"),
    "11": ("disapprove", "ACCUSE", "verbal conflict"),
    "12": ("reject", "REJECT", "verbal conflict"),
    "13": ("threaten", "THREATEN", "verbal conflict"),
    "14": ("protest", "PROTEST", "material conflict"),
    "15": ("exhibit force posture", "MOBILIZE", "material conflict"),
    "16": ("reduce relations", "SANCTION", "material conflict"),
    "17": ("coerce", "COERCE", "material conflict"),
    "18": ("assault", "ASSAULT", "material conflict"),
    "19": ("fight", "ASSAULT", "material conflict"),
    "20": ("use unconventional mass violence", "ASSAULT", "material conflict"),
}

#: CAMEO code prefix -> our event type, where our definition fits the code.
OUR_TYPES: dict[str, str] = {
    "042": "visit",  # make a visit
    "043": "visit",  # host a visit
    "040": "meeting",  # consult, not specified
    "041": "meeting",  # discuss by telephone
    "044": "meeting",  # meet at a third location
    "045": "meeting",  # mediate
    "046": "meeting",  # engage in negotiation
    "051": "statement of support",  # praise or endorse
    "052": "statement of support",  # defend verbally
    "053": "statement of support",  # rally support on behalf of
    "057": "agreement",  # sign formal agreement
    "062": "military cooperation",  # cooperate militarily
    "072": "arms transfer",  # provide military aid
    "110": "condemnation",  # disapprove, not specified
    "111": "condemnation",  # criticize or denounce
    "112": "condemnation",  # accuse
    "14": "protest",
    "16": "sanction",  # reduce relations, sanctions, embargo
    "175": "repression/execution",  # use tactics of violent repression
    "19": "armed clash",  # fight
}

#: GDELT's QuadClass numbers.
QUAD_CLASSES: dict[str, str] = {
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}


def normalise(codes: pd.Series) -> pd.Series:
    """CAMEO codes with a lost leading zero restored (``80`` -> ``080``, ``211`` -> ``0211``)."""
    codes = codes.str.strip()
    digits = codes.str.fullmatch(r"\d{1,4}")
    short = digits & (codes.str.len() == 2)
    lost = digits & (codes.str.len() == 3) & (codes.str[:2].astype("str") > "20")
    single = digits & (codes.str.len() == 1)
    return codes.mask(short | lost | single, "0" + codes)


def is_code(codes: pd.Series) -> pd.Series:
    """Whether each normalised code is a CAMEO event code (3-4 digits, root 01-20)."""
    return codes.str.fullmatch(r"\d{3,4}") & codes.str[:2].isin(list(ROOTS))


def most_specific(code: str, table: Mapping[str, str]) -> str | None:
    """``table``'s value for the longest prefix of ``code`` it holds (4, 3 or 2 digits)."""
    return next((table[code[:n]] for n in (4, 3, 2) if code[:n] in table), None)


def our_types(codes: pd.Series) -> pd.Series:
    """Our type for each normalised code, else its CAMEO root's name."""
    mapping = {}
    for code in codes.unique():
        mapping[code] = most_specific(code, OUR_TYPES) or ROOTS.get(code[:2], ("",))[0]
    return codes.map(mapping).astype("str")


def plover(codes: pd.Series) -> pd.Series:
    return codes.str[:2].map({r: v[1] for r, v in ROOTS.items()}).fillna("").astype("str")


def quad_class(codes: pd.Series) -> pd.Series:
    return codes.str[:2].map({r: v[2] for r, v in ROOTS.items()}).fillna("").astype("str")
