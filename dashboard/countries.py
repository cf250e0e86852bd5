"""Country names for the codes event data sets use: ISO 3166-1 (alpha-2, alpha-3) and FIPS 10-4.

GDELT and ICEWS name actors' countries by CAMEO country codes (ISO alpha-3 for
countries, plus regional codes such as ``AFR`` that are not countries); GDELT's
geography (``ActionGeo_CountryCode``) uses FIPS 10-4, where e.g. ``BM`` is Burma
and ``UK`` the United Kingdom. The table is dashboard/country_codes.csv, written by
scripts/make_country_codes.py.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd

TABLE = Path(__file__).resolve().parent / "country_codes.csv"

#: A table's column naming the country of each row's actors (a column mapping's
#: ``actor_country``): the country of actors no actors directory lists
#: (:func:`dashboard.table.infer_actor_countries`).
ACTOR_COUNTRY_COLUMN = "actor_country"


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
    "Republic of Congo": "Congo",
    "The former Yugoslav Republic of Macedonia": "North Macedonia",
    # Former names of a state that goes on under today's name (public record of each
    # renaming: Ceylon became Sri Lanka in 1972, the Byelorussian SSR Belarus in 1991;
    # the years in docs/formats.md). A state that ceased to exist (U.S.S.R., Yugoslavia,
    # Czechoslovakia, the German Democratic Republic, South Vietnam) is not folded into a
    # successor: kept as written (docs/formats.md).
    "Former Yugoslav Republic of Macedonia": "North Macedonia",  # "Macedonia, Former ..."
    "Ceylon": "Sri Lanka",
    "Byelorussia": "Belarus",
    "Belorussia": "Belarus",
    "Kirghizia": "Kyrgyzstan",
    "Western Samoa": "Samoa",
    "Zaire": "DR Congo",
    "Dahomey": "Benin",
    "Upper Volta": "Burkina Faso",
    "Siam": "Thailand",
}


def common_names(names: pd.Series) -> pd.Series:
    """Country names as we write them (:func:`our_name`: ``Russian Federation`` -> ``Russia``,
    ``Czech Republic`` -> ``Czechia``), others unchanged; once per distinct name."""
    names = names.str.strip()
    ours = {name: our_name(name) for name in names.unique()}
    return names.map(ours).astype("str")


@functools.cache
def _our_names() -> dict[str, str]:
    """Every spelling we know a country by (our names, their aliases, :data:`ALIASES`),
    case-folded, -> our name; ambiguous spellings ("Congo", "Korea") are not in it."""
    from dashboard.geography import AMBIGUOUS, COUNTRIES

    names = {
        spelling.casefold(): country.name
        for country in COUNTRIES
        for spelling in (country.name, *country.aliases)
        if spelling not in AMBIGUOUS
    }
    names.update((spelling.casefold(), name) for spelling, name in ALIASES.items())
    return names


_ISO3 = re.compile(r"^[A-Z]{3}$")
_BRACKETED = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


def our_name(name: str) -> str:
    """Our name of the country a table writes as ``name``, else ``name`` as written.

    Reference lists write names inverted ("Korea, Republic of", "Korea, South") or with
    another in brackets ("Burma (Myanmar)", "United Kingdom (Wales)"): tried as written,
    then turned back ("Republic of Korea") or before the comma ("Germany, Federal
    Republic of"), then outside the brackets, then inside ("Southern Rhodesia
    (Zimbabwe)"). A name no country of ours has (Czechoslovakia) or an ambiguous one
    (Korea) is kept as written: nothing is guessed. Three capitals that are an ISO 3166-1
    alpha-3 code (``DEU``) name that code's country. A compass point after the comma or in
    brackets ("Germany, East", "Yemen (South)") names another state than the name alone
    (the German Democratic Republic, South Yemen), so the name alone is not tried.
    """
    text = " ".join(name.replace("’", "'").split())
    tries = [text]
    if match := _BRACKETED.match(text):
        outer, inner = match.group("outer"), match.group("inner")
        tries += [inner] if _is_compass_point(inner) else [outer, inner]
    if text.count(",") == 1:
        before, after = (part.strip() for part in text.split(","))
        tries += (
            [f"{after} {before}"] if _is_compass_point(after) else [f"{after} {before}", before]
        )
    for candidate in tries:
        if ours := country_called(candidate):
            return ours
    if _ISO3.match(text) and (ours := _names()["iso3"].get(text, "")):
        return ours  # an ISO 3166-1 alpha-3 code (POLECAT's countries are written so)
    return name


#: Words that, after a country's name, name a divided country's other state.
_COMPASS_POINTS = frozenset({"north", "south", "east", "west"})


def _is_compass_point(words: str) -> bool:
    return words.strip().casefold() in _COMPASS_POINTS


def country_called(name: str) -> str:
    """Our name of the country ``name`` spells exactly (any case), or ""."""
    return _our_names().get(name.strip().casefold(), "")


@functools.cache
def _demonyms() -> dict[str, str]:
    from dashboard.geography import AMBIGUOUS, COUNTRIES

    return {
        demonym.casefold(): country.name
        for country in COUNTRIES
        for demonym in country.demonyms
        if demonym not in AMBIGUOUS
    }


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def country_or_people(name: str) -> str:
    """Our name of the country ``name`` is, as :func:`country_called` reads it or as its
    people (a demonym: ``AMERICAN``, ``British``), a leading "the" aside (``THE US``);
    else "". Capitals are not read so (as in :mod:`dashboard.geography`: a capital is a
    place, never a country's alias)."""
    text = _LEADING_THE.sub("", name.strip())
    return country_called(text) or _demonyms().get(text.casefold(), "")
