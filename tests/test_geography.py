"""The extractor's world knowledge (dashboard/geography.py): countries, spellings, capitals."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from dashboard import countries as country_codes
from dashboard.geography import (
    AMBIGUOUS,
    COUNTRIES,
    GIVEN_NAMES,
    PLACE_SPELLINGS,
    PLACES,
    SPELLINGS,
    find_countries,
    find_places,
    government_name,
    named_country,
    state_body_country,
)

NAMES = {c.name for c in COUNTRIES}

#: The 36 canonical names the extractor knew before every country was added: unchanged.
BEFORE = {
    *("Myanmar", "Russia", "China", "United States", "United Kingdom", "Ukraine"),
    *("Cambodia", "Laos", "Thailand", "Vietnam", "India", "Bangladesh", "Indonesia"),
    *("Malaysia", "Singapore", "Philippines", "Japan", "South Korea", "North Korea"),
    *("Belarus", "Serbia", "Pakistan", "Iran", "Israel", "Turkey", "France", "Germany"),
    *("Italy", "Canada", "Australia", "Ethiopia", "Venezuela", "Uzbekistan"),
    *("Kazakhstan", "Brunei", "Taiwan"),
}


def told(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.country) for m in find_countries(text)]


def test_the_earlier_names_are_kept_and_every_country_is_there():
    assert len(BEFORE) == 36 and NAMES >= BEFORE
    assert len(COUNTRIES) == len(NAMES)  # one entry per canonical name
    # 193 UN members, the two observer states, Taiwan, Kosovo, Hong Kong, Macao,
    # Western Sahara, Greenland, Puerto Rico
    assert len(COUNTRIES) == 202


def test_canonical_names_are_the_country_code_tables():
    """The importers and the map name countries by dashboard/country_codes.csv, and the
    extractor does too ("Turkey" in both; ISO's "Türkiye" is recognised as Turkey)."""
    table = set(pd.read_csv(country_codes.TABLE, dtype="str", keep_default_na=False)["name"])
    assert not NAMES - table  # every name the extractor writes is the table's
    assert told("Türkiye and Turkiye") == [("Türkiye", "Turkey"), ("Turkiye", "Turkey")]
    # every name the importers' alias table maps to is one of ours
    assert set(country_codes.ALIASES.values()) <= NAMES
    # an event file's Türkiye, a GDELT/ICEWS code and an article all say Turkey
    written = pd.Series(["Türkiye", "Turkiye", "Turkey"], dtype="str")
    assert country_codes.common_names(written).tolist() == ["Turkey"] * 3
    codes = pd.Series(["TUR"], dtype="str")
    assert country_codes.names_of(codes, "iso3").tolist() == ["Turkey"]


def test_no_spelling_names_two_countries():
    listed = Counter(s for c in COUNTRIES for s in dict.fromkeys((c.name, *c.aliases, *c.demonyms)))
    assert [s for s, n in listed.items() if n > 1] == []
    for country in COUNTRIES:
        for spelling in (country.name, *country.aliases, *country.demonyms):
            assert SPELLINGS.get(spelling, country.name) == country.name
            assert (spelling in SPELLINGS) == (spelling not in AMBIGUOUS)
    # every country has at least one spelling recognised
    assert set(SPELLINGS.values()) == NAMES


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Burma's junta", [("Burma's", "Myanmar")]),
        (
            "Ivory Coast and Côte d'Ivoire",
            [("Ivory Coast", "Côte d'Ivoire"), ("Côte d'Ivoire", "Côte d'Ivoire")],
        ),
        (
            "the DRC and the Democratic Republic of the Congo",
            [("DRC", "DR Congo"), ("Democratic Republic of the Congo", "DR Congo")],
        ),
        ("Congo-Brazzaville", [("Congo-Brazzaville", "Congo")]),
        ("East Timor", [("East Timor", "Timor-Leste")]),
        (
            "Papua New Guinea and Guinea-Bissau",
            [("Papua New Guinea", "Papua New Guinea"), ("Guinea-Bissau", "Guinea-Bissau")],
        ),
        (
            "South Sudanese and Sudanese troops",
            [("South Sudanese", "South Sudan"), ("Sudanese", "Sudan")],
        ),
        (
            "the Dominican government and Dominica",
            [("Dominican", "Dominican Republic"), ("Dominica", "Dominica")],
        ),
        ("Polish troops", [("Polish", "Poland")]),
        ("Swiss and Thai diplomats", [("Swiss", "Switzerland"), ("Thai", "Thailand")]),
        ("Chad and Niger", [("Chad", "Chad"), ("Niger", "Niger")]),
        ("the Kazakh government", [("Kazakh", "Kazakhstan")]),
    ],
)
def test_other_names_and_demonyms(text, expected):
    assert told(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # lower case is never a country ("polish", "turkey")
        ("They polish the turkey.", []),
        # either Congo, either Korea: left out, said in AMBIGUOUS
        ("Congo and the Congolese army", []),
        ("Korea and Korean officials", []),
        # not countries: a US state, a island's, a river's, a Nigerian state's names
        ("New Jersey and Jersey", []),
        ("New Mexico", []),
        ("New Guinea", []),
        ("the Niger Delta and Niger State", []),
        ("Niger said", [("Niger", "Niger")]),
        # a given name with a surname is a person, not the country
        ("Jordan Bardella said it", []),
        ("Chad Smith, a drummer", []),
        ("Israel Katz's visit", []),
        ("India Today reported", []),
        # ... but a title, a possessive or a title-case headline keeps the country
        ("Jordan's King Abdullah", [("Jordan's", "Jordan")]),
        ("Israel Defense Forces said", [("Israel", "Israel")]),
        ("Georgia President Salome Zourabichvili said", [("Georgia", "Georgia")]),
        ("Jordan Condemns Israeli Strike", [("Jordan", "Jordan"), ("Israeli", "Israel")]),
        ("India China border talks", [("India", "India"), ("China", "China")]),
    ],
)
def test_ambiguous_names_are_decided_as_documented(text, expected):
    assert told(text) == expected


def test_given_names_are_country_names():
    assert set(SPELLINGS) >= GIVEN_NAMES


def test_capitals_are_no_country_aliases():
    """A capital is a place; "Beijing" (an alias from before) is the one kept as both."""
    assert {s for s in PLACE_SPELLINGS if s in SPELLINGS} == {"Beijing"}
    assert told("Moscow said") == []
    assert [p.name for _, _, p in find_places("Moscow said")] == ["Moscow"]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Military Forces of Pakistan", "Pakistan"),  # ACLED's legacy spelling
        ("Military Forces of Myanmar (2021-)", "Myanmar"),  # ACLED's, with its years
        ("Police Forces of India (2014-) Border Security Force", "India"),  # and a unit
        ("Military Forces of The United States of America", "United States"),
        ("Government of the Islamic Republic of Pakistan", "Pakistan"),  # from the last "of"
        ("Government of the Kingdom of Thailand", "Thailand"),
        ("Government of DR Congo (Zaire)", "DR Congo"),  # UCDP's, former name in brackets
        ("Government of Russia (Soviet Union)", "Russia"),
        ("Government of Uganda", "Uganda"),
        ("Government of Congo", ""),  # which Congo: left out, as everywhere
        ("Government of Korea", ""),
        ("Government of Russian", ""),  # a demonym is no country's name
        ("Rioters (India)", ""),  # a group placed in a country is no state body
        ("Forces of Francois Bozize", ""),
        ("Protesters", ""),
        ("Pakistan", ""),
    ],
)
def test_state_body_country(name, expected):
    assert state_body_country(name) == expected


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Military Forces of Pakistan", "Pakistan"),  # a state body, as above
        ("Government of DR Congo (Zaire)", "DR Congo"),  # its name before its brackets
        ("Rioters (Sudan)", "Sudan"),  # ACLED's group of a country, wherever it acts
        ("Civilians (Somalia)", "Somalia"),
        ("Protesters (United States)", "United States"),
        ("Hawiye-Abgal Sub-Clan Militia (Somalia) ", "Somalia"),
        (
            "AUSSOM: African Union Support and Stabilisation Mission in Somalia (2025-) (Uganda)",
            "Uganda",
        ),
        ("Citizen (Kenya)", "Kenya"),  # ICEWS writes its sectors so too
        ("Civilians (International)", ""),  # no country
        ("Police Forces of Nigeria (2015-) Nigeria Customs Service", "Nigeria"),
        ("UN: United Nations (2021-)", ""),  # years are no country
        ("Rioters (Congo)", ""),  # which Congo: left out, as everywhere
        ("Unidentified Armed Group", ""),
        # An actor named as a country is that country's, in any case (GDELT writes its
        # actors upper-case, ICEWS as the country's name); until session 25 it had none,
        # and a real GDELT file's CHINA, AUSTRALIA, CANADA ... stood uncoloured in the
        # network (their events name two countries, so no vote).
        ("Pakistan", "Pakistan"),
        ("CHINA", "China"),
        ("UNITED STATES", "United States"),
        ("Burma", "Myanmar"),  # an alias
        ("AMERICAN", ""),  # a demonym is a people, not the country
        ("CONGO", ""),  # which Congo
        ("LAHORE", ""),  # a city is no country
    ],
)
def test_named_country(name, expected):
    assert named_country(name) == expected


def test_government_name():
    assert government_name("Chile") == "Chilean government"
    assert government_name("Myanmar") == "Myanmar government"
    assert government_name("DR Congo") == "Government of DR Congo"


#: Members whose capitals must be places: G20, ASEAN, SCO, BRICS, UN Security Council P5.
GROUPS = {
    "G20": "Argentina Australia Brazil Canada China France Germany India Indonesia Italy "
    "Japan Mexico Russia Saudi_Arabia South_Africa South_Korea Turkey United_Kingdom "
    "United_States",
    "ASEAN": "Brunei Cambodia Indonesia Laos Malaysia Myanmar Philippines Thailand "
    "Timor-Leste Vietnam",
    "SCO": "Belarus China India Iran Kazakhstan Kyrgyzstan Pakistan Russia Tajikistan Uzbekistan",
    "BRICS": "Brazil China Egypt Ethiopia India Indonesia Iran Russia South_Africa "
    "United_Arab_Emirates",
    "P5": "China France Russia United_Kingdom United_States",
}


@pytest.mark.parametrize("group", list(GROUPS))
def test_member_capitals_are_places(group):
    placed = {p.country for p in PLACES}
    members = {m.replace("_", " ") for m in GROUPS[group].split()}
    assert members <= NAMES
    # Singapore's capital is Singapore: not a place (every mention would be a location)
    assert members - placed <= {"Singapore"}


#: Rough boxes (lat min, lat max, lon min, lon max) of the countries that have places:
#: a swapped or mis-signed coordinate falls outside.
BOXES = {
    "Myanmar": (9.5, 28.6, 92.1, 101.2),
    "Russia": (41.0, 82.0, 19.0, 180.0),
    "Brunei": (4.0, 5.1, 114.0, 115.4),
    "Cambodia": (10.0, 14.7, 102.3, 107.7),
    "Indonesia": (-11.0, 6.0, 95.0, 141.0),
    "Laos": (13.9, 22.5, 100.0, 107.7),
    "Malaysia": (0.8, 7.4, 99.6, 119.3),
    "Philippines": (4.5, 21.2, 116.9, 126.7),
    "Thailand": (5.6, 20.5, 97.3, 105.7),
    "Timor-Leste": (-9.5, -8.1, 124.0, 127.4),
    "Vietnam": (8.4, 23.4, 102.1, 109.5),
    "China": (18.0, 53.6, 73.5, 135.1),
    "India": (6.7, 35.7, 68.1, 97.4),
    "Bangladesh": (20.6, 26.7, 88.0, 92.7),
    "Pakistan": (23.6, 37.1, 60.8, 77.8),
    "Iran": (25.0, 39.8, 44.0, 63.4),
    "Kazakhstan": (40.5, 55.5, 46.4, 87.4),
    "Kyrgyzstan": (39.1, 43.3, 69.2, 80.3),
    "Tajikistan": (36.6, 41.1, 67.3, 75.2),
    "Uzbekistan": (37.1, 45.6, 55.9, 73.2),
    "Turkmenistan": (35.1, 42.8, 52.4, 66.7),
    "Belarus": (51.2, 56.2, 23.1, 32.8),
    "Mongolia": (41.5, 52.2, 87.7, 119.9),
    "Nepal": (26.3, 30.5, 80.0, 88.3),
    "Bhutan": (26.7, 28.4, 88.7, 92.2),
    "Sri Lanka": (5.9, 9.9, 79.6, 81.9),
    "Afghanistan": (29.3, 38.5, 60.5, 75.0),
    "Egypt": (22.0, 31.7, 24.7, 36.9),
    "Ethiopia": (3.4, 15.0, 33.0, 48.0),
    "United Arab Emirates": (22.6, 26.1, 51.5, 56.4),
    "Brazil": (-33.8, 5.3, -74.0, -34.8),
    "South Africa": (-34.9, -22.1, 16.4, 32.9),
    "Argentina": (-55.1, -21.7, -73.6, -53.6),
    "Australia": (-43.7, -10.6, 113.1, 153.7),
    "Canada": (41.6, 83.2, -141.0, -52.6),
    "France": (41.3, 51.1, -5.2, 9.6),
    "Germany": (47.2, 55.1, 5.8, 15.1),
    "Italy": (36.6, 47.1, 6.6, 18.6),
    "Japan": (24.0, 45.6, 122.9, 146.0),
    "South Korea": (33.1, 38.7, 124.6, 131.9),
    "North Korea": (37.6, 43.0, 124.2, 130.7),
    "Taiwan": (21.9, 25.3, 120.0, 122.0),
    "Mexico": (14.5, 32.8, -118.5, -86.7),
    "Saudi Arabia": (16.3, 32.2, 34.5, 55.7),
    "Turkey": (35.8, 42.2, 25.6, 44.9),
    "United Kingdom": (49.9, 60.9, -8.7, 1.8),
    "United States": (24.5, 49.4, -125.0, -66.9),
    "Belgium": (49.5, 51.6, 2.5, 6.5),
    "Algeria": (18.9, 37.1, -8.7, 12.0),
    "Bahrain": (25.5, 26.4, 50.3, 50.9),
    "Colombia": (-4.3, 13.5, -79.1, -66.8),
    "DR Congo": (-13.5, 5.4, 12.2, 31.4),
    "Denmark": (54.5, 57.8, 8.0, 15.2),
    "Greece": (34.8, 41.8, 19.3, 29.7),
    "Guyana": (1.1, 8.6, -61.4, -56.4),
    "Latvia": (55.6, 58.1, 20.9, 28.3),
    "Liberia": (4.3, 8.6, -11.5, -7.3),
    "Panama": (7.2, 9.7, -83.1, -77.1),
    "Sierra Leone": (6.9, 10.0, -13.4, -10.2),
    "Slovenia": (45.4, 46.9, 13.3, 16.7),
    "Somalia": (-1.7, 12.0, 40.9, 51.5),
    "Ukraine": (44.3, 52.4, 22.1, 40.3),
    "Poland": (49.0, 54.9, 14.1, 24.2),
    "Austria": (46.3, 49.1, 9.5, 17.2),
    "Switzerland": (45.8, 47.9, 5.9, 10.5),
    "Netherlands": (50.7, 53.6, 3.3, 7.3),
    "Spain": (36.0, 43.8, -9.4, 3.4),
    "Hungary": (45.7, 48.6, 16.1, 22.9),
    "Serbia": (42.2, 46.2, 18.8, 23.1),
    "Georgia": (41.0, 43.6, 40.0, 46.8),
    "Armenia": (38.8, 41.3, 43.4, 46.7),
    "Azerbaijan": (38.4, 41.9, 44.7, 50.4),
    "Syria": (32.3, 37.4, 35.7, 42.4),
    "Iraq": (29.0, 37.4, 38.7, 48.6),
    "Qatar": (24.4, 26.2, 50.7, 51.7),
    "Cuba": (19.8, 23.3, -85.0, -74.1),
    "Venezuela": (0.6, 12.3, -73.4, -59.8),
}


@pytest.mark.parametrize("place", PLACES, ids=[p.name for p in PLACES])
def test_places_lie_in_their_country(place):
    assert place.country in NAMES
    assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
    assert round(place.latitude, 3) == place.latitude
    assert round(place.longitude, 3) == place.longitude
    south, north, west, east = BOXES[place.country]
    assert south <= place.latitude <= north and west <= place.longitude <= east


def test_place_spellings_are_unique():
    spellings = [s for p in PLACES for s in (p.name, *p.aliases)]
    assert len(spellings) == len(set(spellings))
    assert len({p.name for p in PLACES}) == len(PLACES)
