"""Countries (names, other spellings, demonyms) and places (with WGS84 coordinates).

Used by the article extractor to recognise countries ("Myanmar", "Burma", "Burmese",
"Russia's"), titles ("Russia's defence ministry", with the actors directory) and places
("Naypyitaw", "Nay Pyi Taw"), whose coordinates fill `latitude`/`longitude`. Canonical
country names are the ones data/events.csv uses in `countries`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    """A country, the other names news text uses for it and its demonyms."""

    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


#: The countries the extractor recognises (canonical name first). Extend as needed;
#: a spelling must not name two countries.
COUNTRIES: tuple[Country, ...] = (
    Country("Myanmar", ("Burma",), ("Myanmar", "Burmese")),
    Country("Russia", ("Russian Federation",), ("Russian",)),
    Country("China", ("People's Republic of China", "Beijing"), ("Chinese",)),
    Country(
        "United States",
        ("U.S.", "US", "USA", "United States of America", "Washington"),
        ("American",),
    ),
    Country("United Kingdom", ("UK", "U.K.", "Britain", "Great Britain"), ("British",)),
    Country("Ukraine", (), ("Ukrainian",)),
    Country("Cambodia", (), ("Cambodian",)),
    Country("Laos", ("Lao PDR",), ("Lao", "Laotian")),
    Country("Thailand", (), ("Thai",)),
    Country("Vietnam", ("Viet Nam",), ("Vietnamese",)),
    Country("India", (), ("Indian",)),
    Country("Bangladesh", (), ("Bangladeshi",)),
    Country("Indonesia", (), ("Indonesian",)),
    Country("Malaysia", (), ("Malaysian",)),
    Country("Singapore", (), ("Singaporean",)),
    Country("Philippines", (), ("Philippine", "Filipino")),
    Country("Japan", (), ("Japanese",)),
    Country("South Korea", ("Republic of Korea",), ("South Korean",)),
    Country("North Korea", ("DPRK",), ("North Korean",)),
    Country("Belarus", (), ("Belarusian",)),
    Country("Serbia", (), ("Serbian",)),
    Country("Pakistan", (), ("Pakistani",)),
    Country("Iran", (), ("Iranian",)),
    Country("Israel", (), ("Israeli",)),
    Country("Turkey", ("Turkiye", "Türkiye"), ("Turkish",)),
    Country("France", (), ("French",)),
    Country("Germany", (), ("German",)),
    Country("Italy", (), ("Italian",)),
    Country("Canada", (), ("Canadian",)),
    Country("Australia", (), ("Australian",)),
    Country("Ethiopia", (), ("Ethiopian",)),
    Country("Venezuela", (), ("Venezuelan",)),
    Country("Uzbekistan", (), ("Uzbek",)),
    Country("Kazakhstan", (), ("Kazakh",)),
    Country("Brunei", (), ("Bruneian",)),
    Country("Taiwan", (), ("Taiwanese",)),
)

#: Every spelling (name, alias, demonym, possessive) -> canonical country name.
SPELLINGS: dict[str, str] = {}
for _country in COUNTRIES:
    for _spelling in (_country.name, *_country.aliases, *_country.demonyms):
        SPELLINGS[_spelling] = _country.name

_SPELLING_RE = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(s) for s in sorted(SPELLINGS, key=len, reverse=True))
    + r")(?:['\u2019]s)?(?![\w])"
)


@dataclass(frozen=True)
class CountryMention:
    """A country named in text: where, as which words, and its canonical name."""

    start: int
    end: int
    text: str
    country: str


def find_countries(text: str) -> list[CountryMention]:
    """Country names, aliases and demonyms in ``text`` (case-sensitive), in text order.

    Parameters
    ----------
    text : str
        A sentence.

    Returns
    -------
    list of CountryMention
        Longest spellings first where two overlap ("South Korean" before "Korean").
    """
    return [
        CountryMention(m.start(), m.end(), m.group(0), SPELLINGS[m.group(1)])
        for m in _SPELLING_RE.finditer(text)
    ]


@dataclass(frozen=True)
class Place:
    """A city or capital: canonical name, other spellings, country, WGS84 coordinates."""

    name: str
    country: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...] = ()


#: City centres rounded to three decimals (~100 m): all a city-level location claims.
PLACES: tuple[Place, ...] = (
    Place("Naypyitaw", "Myanmar", 19.745, 96.115, ("Naypyidaw", "Nay Pyi Taw", "Nay Pyi Daw")),
    Place("Yangon", "Myanmar", 16.840, 96.173, ("Rangoon",)),
    Place("Mandalay", "Myanmar", 21.975, 96.084),
    Place("Bagan", "Myanmar", 21.172, 94.860),
    Place("Moscow", "Russia", 55.756, 37.617),
    Place("Vladivostok", "Russia", 43.116, 131.882),
    Place("Kaluga", "Russia", 54.514, 36.261),
    Place("Phnom Penh", "Cambodia", 11.556, 104.928),
    Place("Bangkok", "Thailand", 13.756, 100.502),
    Place("Hanoi", "Vietnam", 21.028, 105.854),
    Place("Vientiane", "Laos", 17.975, 102.633),
    Place("Jakarta", "Indonesia", -6.175, 106.827),
    Place("Kuala Lumpur", "Malaysia", 3.139, 101.687),
    Place("New Delhi", "India", 28.614, 77.209),
    Place("Dhaka", "Bangladesh", 23.811, 90.413),
    Place("Tashkent", "Uzbekistan", 41.300, 69.240),
    Place("Minsk", "Belarus", 53.902, 27.562),
    Place("Kyiv", "Ukraine", 50.450, 30.524, ("Kiev",)),
    Place("Geneva", "Switzerland", 46.204, 6.143),
    Place("New York", "United States", 40.713, -74.006),
    Place("Addis Ababa", "Ethiopia", 9.030, 38.740),
    Place("Tokyo", "Japan", 35.690, 139.692),
    Place("Seoul", "South Korea", 37.567, 126.978),
)

PLACE_SPELLINGS: dict[str, Place] = {}
for _place in PLACES:
    for _spelling in (_place.name, *_place.aliases):
        PLACE_SPELLINGS[_spelling] = _place

_PLACE_RE = re.compile(
    r"(?<![\w])("
    + "|".join(re.escape(s) for s in sorted(PLACE_SPELLINGS, key=len, reverse=True))
    + r")(?![\w])"
)


def find_places(text: str) -> list[tuple[int, int, Place]]:
    """Places named in ``text`` (case-sensitive), as (start, end, place), in text order."""
    return [(m.start(), m.end(), PLACE_SPELLINGS[m.group(1)]) for m in _PLACE_RE.finditer(text)]
