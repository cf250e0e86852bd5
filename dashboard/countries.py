"""Country names for the codes event data sets use: ISO 3166-1 (alpha-2, alpha-3) and FIPS 10-4.

GDELT and ICEWS name actors' countries by CAMEO country codes (ISO alpha-3 for
countries, plus regional codes such as ``AFR`` that are not countries); GDELT's
geography (``ActionGeo_CountryCode``) uses FIPS 10-4, where e.g. ``BM`` is Burma
and ``UK`` the United Kingdom. The table is dashboard/country_codes.csv, written by
scripts/make_country_codes.py.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

TABLE = Path(__file__).resolve().parent / "country_codes.csv"


@functools.cache
def _names() -> dict[str, dict[str, str]]:
    # "NA" is Namibia: read every cell as text, no missing-value guessing.
    table = pd.read_csv(TABLE, dtype="str", keep_default_na=False)
    fips = {
        code: name
        for codes, name in zip(table["fips"], table["name"], strict=True)
        for code in codes.split(";")
        if code
    }
    return {
        "iso2": dict(zip(table["iso2"], table["name"], strict=True)),
        "iso3": dict(zip(table["iso3"], table["name"], strict=True)),
        "fips": fips,
    }


def names_of(codes: pd.Series, scheme: str) -> pd.Series:
    """Country names of ``codes`` (``iso2``, ``iso3`` or ``fips``); ``""`` where unknown."""
    table = _names()[scheme]
    return codes.str.strip().str.upper().map(table).fillna("").astype("str")


#: Long or former names event data sets write, and the short name we use.
ALIASES: dict[str, str] = {
    "Russian Federation": "Russia",
    "Iran, Islamic Republic of": "Iran",
    "Syrian Arab Republic": "Syria",
    "Korea, Republic of": "South Korea",
    "Republic of Korea": "South Korea",
    "Korea, Democratic People's Republic of": "North Korea",
    "North Korea (DPRK)": "North Korea",
    "Viet Nam": "Vietnam",
    "Lao People's Democratic Republic": "Laos",
    "Burma": "Myanmar",
    "United States of America": "United States",
    "Occupied Palestinian Territory": "Palestine",
    "Democratic Republic of Congo": "DR Congo",
    "Congo, The Democratic Republic of the": "DR Congo",
    "Taiwan, Province of China": "Taiwan",
    "Moldova, Republic of": "Moldova",
    "Tanzania, United Republic of": "Tanzania",
    "Bolivia, Plurinational State of": "Bolivia",
    "Venezuela, Bolivarian Republic of": "Venezuela",
    "Türkiye": "Turkey",
    "Turkiye": "Turkey",
}


def common_names(names: pd.Series) -> pd.Series:
    """Country names as we write them (``Russian Federation`` -> ``Russia``), others unchanged."""
    names = names.str.strip()
    return names.map(ALIASES).fillna(names).astype("str")
