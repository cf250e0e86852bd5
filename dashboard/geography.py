"""Countries (names, other spellings, demonyms) and places (with WGS84 coordinates).

Used by the article extractor to recognise countries ("Myanmar", "Burma", "Burmese",
"Russia's"), titles ("Russia's defence ministry", with the actors directory) and places
("Naypyitaw", "Nay Pyi Taw"), whose coordinates fill `latitude`/`longitude`. Canonical
country names are the ones data/events.csv and dashboard/country_codes.csv use in
`countries`. docs/extraction.md, "World
knowledge", says what is recognised and what is decided against.
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


#: The countries the extractor recognises: every member state of the United Nations, the
#: two observer states (the Holy See as "Vatican", "Palestine") and the territories news
#: on world politics names as actors (Taiwan, Kosovo, Hong Kong, Macao, Western Sahara,
#: Greenland, Puerto Rico). Canonical names are dashboard/country_codes.csv's (the names
#: the importers and the map use; "Turkey" there too, as ACLED, UCDP and news write it,
#: with ISO's "Türkiye" and "Turkiye" as spellings of it). Capital cities are
#: never aliases (no "Beijing said" metonymy added: "Beijing" and "Washington" are kept
#: as the aliases they were, and no other capital becomes one); capitals are PLACES.
#: The first demonym names the country's government ("Chilean government", see
#: :func:`government_name`). A spelling must not name two countries (AMBIGUOUS below
#: lists those left out for that reason).
COUNTRIES: tuple[Country, ...] = (
    Country("Afghanistan", ("Islamic Republic of Afghanistan",), ("Afghan",)),
    Country("Albania", (), ("Albanian",)),
    Country("Algeria", (), ("Algerian",)),
    Country("Andorra", (), ("Andorran",)),
    Country("Angola", (), ("Angolan",)),
    Country("Antigua and Barbuda", ("Antigua",), ("Antiguan",)),
    Country("Argentina", (), ("Argentine", "Argentinian")),
    Country("Armenia", (), ("Armenian",)),
    Country("Australia", (), ("Australian",)),
    Country("Austria", (), ("Austrian",)),
    Country("Azerbaijan", (), ("Azerbaijani", "Azeri")),
    Country("Bahamas", (), ("Bahamian",)),
    Country("Bahrain", (), ("Bahraini",)),
    Country("Bangladesh", (), ("Bangladeshi",)),
    Country("Barbados", (), ("Barbadian",)),
    Country("Belarus", (), ("Belarusian", "Belarussian")),
    Country("Belgium", (), ("Belgian",)),
    Country("Belize", (), ("Belizean",)),
    Country("Benin", (), ("Beninese",)),
    Country("Bhutan", (), ("Bhutanese",)),
    Country("Bolivia", (), ("Bolivian",)),
    Country("Bosnia and Herzegovina", ("Bosnia-Herzegovina", "Bosnia"), ("Bosnian",)),
    Country("Botswana", (), ("Botswanan",)),
    Country("Brazil", (), ("Brazilian",)),
    Country("Brunei", ("Brunei Darussalam",), ("Bruneian",)),
    Country("Bulgaria", (), ("Bulgarian",)),
    Country("Burkina Faso", (), ("Burkinabe", "Burkinabè")),
    Country("Burundi", (), ("Burundian",)),
    Country("Cabo Verde", ("Cape Verde",), ("Cape Verdean",)),
    Country("Cambodia", ("Kingdom of Cambodia",), ("Cambodian",)),
    Country("Cameroon", (), ("Cameroonian",)),
    Country("Canada", (), ("Canadian",)),
    # No demonym: "Central African" names the region as often as the country.
    Country("Central African Republic", (), ()),
    Country("Chad", (), ("Chadian",)),
    Country("Chile", (), ("Chilean",)),
    Country("China", ("People's Republic of China", "PRC", "Beijing"), ("Chinese",)),
    Country("Colombia", (), ("Colombian",)),
    Country("Comoros", (), ("Comorian",)),
    # "Congo" alone and "Congolese" name either Congo: see AMBIGUOUS.
    Country("Congo", ("Republic of the Congo", "Congo-Brazzaville", "Congo Brazzaville"), ()),
    Country("Costa Rica", (), ("Costa Rican",)),
    Country("Côte d'Ivoire", ("Cote d'Ivoire", "Côte d\u2019Ivoire", "Ivory Coast"), ("Ivorian",)),
    Country("Croatia", (), ("Croatian",)),
    Country("Cuba", (), ("Cuban",)),
    Country("Cyprus", (), ("Cypriot",)),
    Country("Czechia", ("Czech Republic",), ("Czech",)),
    Country(
        "DR Congo",
        (
            "DRC",
            "D.R. Congo",
            "Democratic Republic of the Congo",
            "Democratic Republic of Congo",
            "Congo-Kinshasa",
            "Congo Kinshasa",
        ),
        (),
    ),
    Country("Denmark", (), ("Danish",)),
    Country("Djibouti", (), ("Djiboutian",)),
    # "Dominican" is the Dominican Republic's (the larger country, the usual reading).
    Country("Dominica", ("Commonwealth of Dominica",), ()),
    Country("Dominican Republic", (), ("Dominican",)),
    Country("Ecuador", (), ("Ecuadorian", "Ecuadorean")),
    Country("Egypt", (), ("Egyptian",)),
    Country("El Salvador", (), ("Salvadoran", "Salvadorean")),
    Country("Equatorial Guinea", (), ("Equatorial Guinean", "Equatoguinean")),
    Country("Eritrea", (), ("Eritrean",)),
    Country("Estonia", (), ("Estonian",)),
    Country("Eswatini", ("Swaziland",), ("Swazi",)),
    Country("Ethiopia", (), ("Ethiopian",)),
    Country("Fiji", (), ("Fijian",)),
    Country("Finland", (), ("Finnish",)),
    Country("France", (), ("French",)),
    Country("Gabon", (), ("Gabonese",)),
    Country("Gambia", (), ("Gambian",)),
    # Also a US state and a given name: kept (the US state is rare in this domain); a
    # person so named is not the country (GIVEN_NAMES).
    Country("Georgia", (), ("Georgian",)),
    Country("Germany", (), ("German",)),
    Country("Ghana", (), ("Ghanaian",)),
    Country("Greece", ("Hellenic Republic",), ("Greek",)),
    Country("Greenland", (), ("Greenlandic",)),
    Country("Grenada", (), ("Grenadian",)),
    Country("Guatemala", (), ("Guatemalan",)),
    Country("Guinea", ("Guinea-Conakry",), ("Guinean",)),
    Country("Guinea-Bissau", ("Guinea Bissau",), ("Bissau-Guinean",)),
    Country("Guyana", (), ("Guyanese",)),
    Country("Haiti", (), ("Haitian",)),
    Country("Honduras", (), ("Honduran",)),
    Country("Hong Kong", ("Hong Kong SAR",), ("Hong Kong",)),
    Country("Hungary", (), ("Hungarian",)),
    Country("Iceland", (), ("Icelandic",)),
    Country("India", ("Republic of India",), ("Indian",)),
    Country("Indonesia", (), ("Indonesian",)),
    Country("Iran", ("Islamic Republic of Iran",), ("Iranian",)),
    Country("Iraq", (), ("Iraqi",)),
    Country("Ireland", ("Republic of Ireland",), ("Irish",)),
    Country("Israel", (), ("Israeli",)),
    Country("Italy", (), ("Italian",)),
    Country("Jamaica", (), ("Jamaican",)),
    Country("Japan", (), ("Japanese",)),
    Country("Jordan", (), ("Jordanian",)),
    Country("Kazakhstan", (), ("Kazakh", "Kazakhstani")),
    Country("Kenya", (), ("Kenyan",)),
    Country("Kiribati", (), ("I-Kiribati",)),
    Country("Kosovo", (), ("Kosovar", "Kosovan")),
    Country("Kuwait", (), ("Kuwaiti",)),
    Country("Kyrgyzstan", ("Kyrgyz Republic",), ("Kyrgyz", "Kyrgyzstani")),
    Country("Laos", ("Lao PDR", "Lao People's Democratic Republic"), ("Lao", "Laotian")),
    Country("Latvia", (), ("Latvian",)),
    Country("Lebanon", (), ("Lebanese",)),
    Country("Lesotho", (), ("Basotho",)),
    Country("Liberia", (), ("Liberian",)),
    Country("Libya", (), ("Libyan",)),
    Country("Liechtenstein", (), ("Liechtenstein",)),
    Country("Lithuania", (), ("Lithuanian",)),
    Country("Luxembourg", (), ("Luxembourgish",)),
    Country("Macao", ("Macau",), ("Macanese",)),
    Country("Madagascar", (), ("Malagasy",)),
    Country("Malawi", (), ("Malawian",)),
    Country("Malaysia", (), ("Malaysian",)),
    Country("Maldives", (), ("Maldivian",)),
    Country("Mali", (), ("Malian",)),
    Country("Malta", (), ("Maltese",)),
    Country("Marshall Islands", (), ("Marshallese",)),
    Country("Mauritania", (), ("Mauritanian",)),
    Country("Mauritius", (), ("Mauritian",)),
    Country("Mexico", (), ("Mexican",)),
    Country("Micronesia", ("Federated States of Micronesia",), ("Micronesian",)),
    Country("Moldova", (), ("Moldovan",)),
    Country("Monaco", (), ("Monegasque",)),
    Country("Mongolia", (), ("Mongolian",)),
    Country("Montenegro", (), ("Montenegrin",)),
    Country("Morocco", (), ("Moroccan",)),
    Country("Mozambique", (), ("Mozambican",)),
    Country(
        "Myanmar",
        ("Burma", "Republic of the Union of Myanmar"),
        ("Myanmar", "Burmese", "Myanmarese"),
    ),
    Country("Namibia", (), ("Namibian",)),
    Country("Nauru", (), ("Nauruan",)),
    Country("Nepal", (), ("Nepali", "Nepalese")),
    Country("Netherlands", (), ("Dutch",)),
    Country("New Zealand", (), ("New Zealand",)),
    Country("Nicaragua", (), ("Nicaraguan",)),
    # Also the river, the Nigerian state and the delta: see _OTHER_PLACE_AFTER.
    Country("Niger", (), ("Nigerien",)),
    Country("Nigeria", (), ("Nigerian",)),
    Country(
        "North Korea",
        ("DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"),
        ("North Korean",),
    ),
    Country("North Macedonia", (), ("North Macedonian", "Macedonian")),
    Country("Norway", (), ("Norwegian",)),
    Country("Oman", (), ("Omani",)),
    Country("Pakistan", (), ("Pakistani",)),
    Country("Palau", (), ("Palauan",)),
    Country(
        "Palestine",
        ("State of Palestine", "Palestinian territories", "occupied Palestinian territories"),
        ("Palestinian",),
    ),
    Country("Panama", (), ("Panamanian",)),
    Country("Papua New Guinea", (), ("Papua New Guinean",)),
    Country("Paraguay", (), ("Paraguayan",)),
    Country("Peru", (), ("Peruvian",)),
    Country("Philippines", (), ("Philippine", "Filipino")),
    Country("Poland", (), ("Polish",)),
    Country("Portugal", (), ("Portuguese",)),
    Country("Puerto Rico", (), ("Puerto Rican",)),
    Country("Qatar", (), ("Qatari",)),
    Country("Romania", (), ("Romanian",)),
    Country("Russia", ("Russian Federation",), ("Russian",)),
    Country("Rwanda", (), ("Rwandan",)),
    Country("Saint Kitts and Nevis", ("St Kitts and Nevis", "St. Kitts and Nevis"), ("Kittitian",)),
    Country("Saint Lucia", ("St Lucia", "St. Lucia"), ("Saint Lucian",)),
    Country(
        "Saint Vincent and the Grenadines",
        ("St Vincent and the Grenadines", "St. Vincent and the Grenadines"),
        ("Vincentian",),
    ),
    Country("Samoa", (), ("Samoan",)),
    Country("San Marino", (), ("Sammarinese",)),
    Country("Sao Tome and Principe", ("São Tomé and Príncipe",), ("Santomean",)),
    Country("Saudi Arabia", ("Kingdom of Saudi Arabia",), ("Saudi", "Saudi Arabian")),
    Country("Senegal", (), ("Senegalese",)),
    Country("Serbia", (), ("Serbian",)),
    Country("Seychelles", (), ("Seychellois",)),
    Country("Sierra Leone", (), ("Sierra Leonean",)),
    Country("Singapore", (), ("Singaporean",)),
    Country("Slovakia", (), ("Slovak",)),
    Country("Slovenia", (), ("Slovenian", "Slovene")),
    Country("Solomon Islands", (), ("Solomon Islands",)),
    Country("Somalia", (), ("Somali",)),
    Country("South Africa", (), ("South African",)),
    Country("South Korea", ("Republic of Korea", "ROK"), ("South Korean",)),
    Country("South Sudan", (), ("South Sudanese",)),
    Country("Spain", (), ("Spanish",)),
    Country("Sri Lanka", (), ("Sri Lankan",)),
    Country("Sudan", (), ("Sudanese",)),
    Country("Suriname", ("Surinam",), ("Surinamese",)),
    Country("Sweden", (), ("Swedish",)),
    Country("Switzerland", ("Swiss Confederation",), ("Swiss",)),
    Country("Syria", (), ("Syrian",)),
    Country("Taiwan", (), ("Taiwanese",)),
    Country("Tajikistan", (), ("Tajik", "Tajikistani")),
    Country("Tanzania", (), ("Tanzanian",)),
    Country("Thailand", ("Kingdom of Thailand",), ("Thai",)),
    Country("Timor-Leste", ("East Timor",), ("Timorese", "East Timorese")),
    Country("Togo", (), ("Togolese",)),
    Country("Tonga", (), ("Tongan",)),
    Country("Trinidad and Tobago", (), ("Trinidadian",)),
    Country("Tunisia", (), ("Tunisian",)),
    Country("Turkey", ("Turkiye", "Türkiye"), ("Turkish",)),
    Country("Turkmenistan", (), ("Turkmen", "Turkmenistani")),
    Country("Tuvalu", (), ("Tuvaluan",)),
    Country("Uganda", (), ("Ugandan",)),
    Country("Ukraine", (), ("Ukrainian",)),
    Country("United Arab Emirates", ("UAE", "U.A.E."), ("Emirati",)),
    Country(
        "United Kingdom",
        ("UK", "U.K.", "Britain", "Great Britain", "Northern Ireland"),
        ("British",),
    ),
    Country(
        "United States",
        ("U.S.", "US", "USA", "U.S.A.", "United States of America", "Washington"),
        ("American",),
    ),
    Country("Uruguay", (), ("Uruguayan",)),
    Country("Uzbekistan", (), ("Uzbek", "Uzbekistani")),
    Country("Vanuatu", (), ("Vanuatuan",)),
    Country("Vatican", ("Holy See", "Vatican City"), ("Vatican",)),
    Country("Venezuela", (), ("Venezuelan",)),
    Country("Vietnam", ("Viet Nam",), ("Vietnamese",)),
    Country("Western Sahara", (), ("Sahrawi",)),
    Country("Yemen", (), ("Yemeni",)),
    Country("Zambia", (), ("Zambian",)),
    Country("Zimbabwe", (), ("Zimbabwean",)),
)

#: Spellings that would name two countries, left out (never recognised alone): "Congo"
#: and "Congolese" (news writes "Congo" for either Congo, the Democratic Republic most
#: often, while dashboard/country_codes.csv's "Congo" is the Republic: the long names,
#: "DRC" and "Congo-Brazzaville" say which), "Korea" and "Korean" (North or South).
#: "Jersey" is no country here at all (the Crown dependency or, far more often, "New
#: Jersey").
AMBIGUOUS: frozenset[str] = frozenset({"Congo", "Congolese", "Korea", "Korean"})

#: Canonical name -> its country (what a name's demonyms and government are).
COUNTRY_BY_NAME: dict[str, Country] = {c.name: c for c in COUNTRIES}

#: Every spelling (name, alias, demonym, possessive) -> canonical country name.
SPELLINGS: dict[str, str] = {}
for _country in COUNTRIES:
    for _spelling in (_country.name, *_country.aliases, *_country.demonyms):
        if _spelling not in AMBIGUOUS:
            SPELLINGS[_spelling] = _country.name

#: Country names that are also common given names: a person so named ("Jordan Bardella
#: said", "Chad Smith,", "Israel Katz's") is not the country. Told by the words after
#: it: a capitalised word that is no title ("Jordan's King", "Israel Defense Forces",
#: "India Foreign Minister") nor a country, then a lower-case word, a comma or a
#: possessive. A title-case headline ("Jordan Condemns Israeli Strike") keeps the country.
GIVEN_NAMES: frozenset[str] = frozenset({"Chad", "Georgia", "India", "Israel", "Jordan"})
_TITLE_WORDS = (
    "President|Prime|PM|King|Queen|Crown|Foreign|Defen[cs]e|Interior|Finance|Army|Armed|Air"
    "|Navy|Naval|Military|Government|Embassy|Ambassador|Minister|Ministry|Parliament|Senate"
    "|Supreme|Police|Security|Border|Coast|National|State|Central|Election|Electoral"
)
_PERSON_AFTER = re.compile(
    rf"\s+(?!(?:{_TITLE_WORDS})\b)([A-Z][a-z]+)(?=\s+[a-z]|\s*[,;:)]|['\u2019]s\b)"
)
#: Words after a country name that make it another place's name ("the Niger Delta",
#: "Niger State" of Nigeria), and words before ("New Mexico", "New Guinea").
_OTHER_PLACE_AFTER = re.compile(r"\s+(?:Delta|River|Basin|State)\b")
_OTHER_PLACE_AFTER_NAMES = frozenset({"Niger"})
_OTHER_PLACE_BEFORE = re.compile(r"\bNew\s+$")

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
        if not _names_another(text, m)
    ]


def _names_another(text: str, match: re.Match) -> bool:
    """Whether a country spelling is part of another name here: a person's (GIVEN_NAMES),
    a river's or region's ("Niger Delta"), a US state's or island's ("New Mexico")."""
    word = match.group(1)
    if _OTHER_PLACE_BEFORE.search(text, 0, match.start()):
        return True
    if word in _OTHER_PLACE_AFTER_NAMES and _OTHER_PLACE_AFTER.match(text, match.end()):
        return True
    if word not in GIVEN_NAMES or match.group(0) != word:
        return False  # "Jordan's" is the country's possessive
    after = _PERSON_AFTER.match(text, match.end())
    return after is not None and after.group(1) not in SPELLINGS


#: A state body named after its country, as event datasets write them: ACLED's "Military
#: Forces of Pakistan (2013-2018)", "Police Forces of India (2014-) Border Security Force",
#: "Government of the Kingdom of Thailand"; UCDP GED's "Government of DR Congo (Zaire)".
_STATE_BODY_RE = re.compile(
    r"^(?:Government|Military Forces|Police Forces|Armed Forces) of (?P<country>[^()]+?)"
    r"(?:\s*\(.*)?$"
)
#: A country's names and aliases (no demonyms) -> its canonical name; ambiguous ones left out.
_COUNTRY_NAMES: dict[str, str] = {
    spelling: country.name
    for country in COUNTRIES
    for spelling in (country.name, *country.aliases)
    if spelling not in AMBIGUOUS
}


def state_body_country(name: str) -> str:
    """The country a state body's own name names, or "" (no such name, or an ambiguous one).

    "Military Forces of the United States of America" -> "United States"; a long form is
    read from its last "of" when the whole is no spelling ("Government of the Islamic
    Republic of Pakistan" -> "Pakistan"); "Government of Congo" stays "" (which Congo).
    """
    match = _STATE_BODY_RE.match(name.strip())
    if match is None:
        return ""
    parts = match.group("country").strip().split(" of ")
    for i in range(len(parts)):  # the whole first, then from each later "of"
        words = re.sub(r"^the\s+", "", " of ".join(parts[i:]), flags=re.IGNORECASE)
        if words in _COUNTRY_NAMES:
            return _COUNTRY_NAMES[words]
    return ""


#: ACLED's way of saying whose a group is: the country in brackets at the end of its name
#: ("Protesters (Zambia)", "AUSSOM: ... in Somalia (2025-) (Uganda)" for a contingent).
_BRACKETED_COUNTRY_RE = re.compile(r"\((?P<country>[^()]+)\)\s*$")


def named_country(name: str) -> str:
    """The country an actor's own name names, or "": a state body's
    (:func:`state_body_country`), a country's own name in any case (GDELT's "CHINA",
    ICEWS's "Russia": an actor named as the country is the country, whatever other
    countries its events name), else a country in brackets ending the name (ACLED's
    "Civilians (Somalia)", "Rioters (Sudan)" in Kenya, an African Union force's
    "(Uganda)" contingent); "(2021-)", "(International)" or an ambiguous name say none.
    """
    from dashboard.countries import country_called  # it reads this module's table

    country = state_body_country(name) or country_called(name)
    if country:
        return country
    match = _BRACKETED_COUNTRY_RE.search(name)
    return _COUNTRY_NAMES.get(match.group("country").strip(), "") if match else ""


def government_name(country: str) -> str:
    """The name of a country's government as our tables write it: "<Demonym>
    government" with its first demonym ("Chilean government"), else "Government of
    <country>" ("Government of DR Congo")."""
    known = COUNTRY_BY_NAME.get(country)
    demonyms = known.demonyms if known else ()
    return f"{demonyms[0]} government" if demonyms else f"Government of {country}"


@dataclass(frozen=True)
class Place:
    """A city or capital: canonical name, other spellings, country, WGS84 coordinates."""

    name: str
    country: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...] = ()


#: City centres rounded to three decimals (~100 m): all a city-level location claims.
#: The capitals of the G20 (with the EU's seat, Brussels), ASEAN, the SCO, BRICS and
#: the UN Security Council (its permanent members and those elected for 2025-2027),
#: of Myanmar's and Russia's neighbours and partners, and the cities news on Myanmar
#: and Russia names. A capital whose name is its country's (Singapore, Kuwait) is not
#: listed: every mention of the country would become a location. "Washington" alone is
#: the United States (an alias kept from before), so the capital is "Washington, D.C.".
#: A region's namesake city (Sagaing, Magway, Bago) is left out for the same reason.
PLACES: tuple[Place, ...] = (
    # Myanmar
    Place("Naypyitaw", "Myanmar", 19.745, 96.115, ("Naypyidaw", "Nay Pyi Taw", "Nay Pyi Daw")),
    Place("Yangon", "Myanmar", 16.840, 96.173, ("Rangoon",)),
    Place("Mandalay", "Myanmar", 21.975, 96.084),
    Place("Bagan", "Myanmar", 21.172, 94.860),
    Place("Sittwe", "Myanmar", 20.146, 92.898),
    Place("Lashio", "Myanmar", 22.934, 97.750),
    Place("Myitkyina", "Myanmar", 25.383, 97.396),
    Place("Taunggyi", "Myanmar", 20.789, 97.038),
    Place("Mawlamyine", "Myanmar", 16.491, 97.628, ("Moulmein",)),
    Place("Pathein", "Myanmar", 16.778, 94.732),
    Place("Dawei", "Myanmar", 14.083, 98.194, ("Tavoy",)),
    Place("Kyaukphyu", "Myanmar", 19.429, 93.549),
    Place("Loikaw", "Myanmar", 19.674, 97.209),
    Place("Hpa-an", "Myanmar", 16.889, 97.634),
    Place("Monywa", "Myanmar", 22.117, 95.135),
    Place("Myawaddy", "Myanmar", 16.688, 98.509),
    Place("Tachileik", "Myanmar", 20.447, 99.881),
    Place("Pyin Oo Lwin", "Myanmar", 22.033, 96.457),
    # Russia
    Place("Moscow", "Russia", 55.756, 37.617),
    Place("Saint Petersburg", "Russia", 59.939, 30.316, ("St Petersburg", "St. Petersburg")),
    Place("Vladivostok", "Russia", 43.116, 131.882),
    Place("Kaluga", "Russia", 54.514, 36.261),
    Place("Sochi", "Russia", 43.586, 39.720),
    Place("Kazan", "Russia", 55.796, 49.106),
    Place("Novosibirsk", "Russia", 55.008, 82.935),
    Place("Yekaterinburg", "Russia", 56.838, 60.597),
    Place("Khabarovsk", "Russia", 48.480, 135.072),
    Place("Nizhny Novgorod", "Russia", 56.327, 44.006),
    # ASEAN
    Place("Bandar Seri Begawan", "Brunei", 4.903, 114.940),
    Place("Phnom Penh", "Cambodia", 11.556, 104.928),
    Place("Jakarta", "Indonesia", -6.175, 106.827),
    Place("Vientiane", "Laos", 17.975, 102.633),
    Place("Kuala Lumpur", "Malaysia", 3.139, 101.687),
    Place("Manila", "Philippines", 14.599, 120.984),
    Place("Bangkok", "Thailand", 13.756, 100.502),
    Place("Mae Sot", "Thailand", 16.713, 98.575),
    Place("Dili", "Timor-Leste", -8.557, 125.560),
    Place("Hanoi", "Vietnam", 21.028, 105.854),
    Place("Ho Chi Minh City", "Vietnam", 10.823, 106.630, ("Saigon",)),
    # the SCO, BRICS and Myanmar's other neighbours
    Place("Beijing", "China", 39.904, 116.407),
    Place("Kunming", "China", 25.038, 102.718),
    Place("Ruili", "China", 24.013, 97.851),
    Place("Shanghai", "China", 31.230, 121.474),
    Place("New Delhi", "India", 28.614, 77.209),
    Place("Dhaka", "Bangladesh", 23.811, 90.413),
    Place("Islamabad", "Pakistan", 33.684, 73.048),
    Place("Tehran", "Iran", 35.689, 51.389),
    Place("Astana", "Kazakhstan", 51.169, 71.449, ("Nur-Sultan",)),
    Place("Bishkek", "Kyrgyzstan", 42.875, 74.570),
    Place("Dushanbe", "Tajikistan", 38.560, 68.774),
    Place("Tashkent", "Uzbekistan", 41.300, 69.240),
    Place("Ashgabat", "Turkmenistan", 37.960, 58.326),
    Place("Minsk", "Belarus", 53.902, 27.562),
    Place("Ulaanbaatar", "Mongolia", 47.886, 106.906, ("Ulan Bator",)),
    Place("Kathmandu", "Nepal", 27.717, 85.324),
    Place("Thimphu", "Bhutan", 27.472, 89.639),
    Place("Colombo", "Sri Lanka", 6.927, 79.861),
    Place("Kabul", "Afghanistan", 34.555, 69.208),
    Place("Cairo", "Egypt", 30.044, 31.236),
    Place("Addis Ababa", "Ethiopia", 9.030, 38.740),
    Place("Abu Dhabi", "United Arab Emirates", 24.453, 54.377),
    Place("Brasília", "Brazil", -15.794, -47.882, ("Brasilia",)),
    Place("Pretoria", "South Africa", -25.747, 28.229),
    # the rest of the G20, the UN Security Council and the Korean peninsula
    Place("Buenos Aires", "Argentina", -34.604, -58.382),
    Place("Canberra", "Australia", -35.281, 149.129),
    Place("Ottawa", "Canada", 45.421, -75.697),
    Place("Paris", "France", 48.857, 2.352),
    Place("Berlin", "Germany", 52.520, 13.405),
    Place("Rome", "Italy", 41.903, 12.496),
    Place("Tokyo", "Japan", 35.690, 139.692),
    Place("Seoul", "South Korea", 37.567, 126.978),
    Place("Pyongyang", "North Korea", 39.039, 125.763),
    Place("Taipei", "Taiwan", 25.033, 121.565),
    Place("Mexico City", "Mexico", 19.433, -99.133),
    Place("Riyadh", "Saudi Arabia", 24.713, 46.675),
    Place("Ankara", "Turkey", 39.934, 32.860),
    Place("London", "United Kingdom", 51.507, -0.128),
    Place("Washington, D.C.", "United States", 38.907, -77.037, ("Washington D.C.",)),
    Place("New York", "United States", 40.713, -74.006),
    Place("Brussels", "Belgium", 50.850, 4.352),
    Place("Algiers", "Algeria", 36.754, 3.059),
    Place("Manama", "Bahrain", 26.229, 50.586),
    Place("Bogotá", "Colombia", 4.711, -74.072, ("Bogota",)),
    Place("Kinshasa", "DR Congo", -4.442, 15.266),
    Place("Copenhagen", "Denmark", 55.676, 12.568),
    Place("Athens", "Greece", 37.984, 23.728),
    Place("Georgetown", "Guyana", 6.801, -58.155),
    Place("Riga", "Latvia", 56.950, 24.105),
    Place("Monrovia", "Liberia", 6.300, -10.797),
    Place("Panama City", "Panama", 8.983, -79.517),
    Place("Freetown", "Sierra Leone", 8.484, -13.234),
    Place("Ljubljana", "Slovenia", 46.057, 14.506),
    Place("Mogadishu", "Somalia", 2.047, 45.318),
    # Europe and the Middle East: often named in news on Russia
    Place("Kyiv", "Ukraine", 50.450, 30.524, ("Kiev",)),
    Place("Warsaw", "Poland", 52.230, 21.012),
    Place("Vienna", "Austria", 48.208, 16.374),
    Place("Geneva", "Switzerland", 46.204, 6.143),
    Place("Bern", "Switzerland", 46.948, 7.447),
    Place("The Hague", "Netherlands", 52.070, 4.300),
    Place("Madrid", "Spain", 40.417, -3.704),
    Place("Budapest", "Hungary", 47.498, 19.040),
    Place("Belgrade", "Serbia", 44.787, 20.449),
    Place("Tbilisi", "Georgia", 41.715, 44.827),
    Place("Yerevan", "Armenia", 40.179, 44.499),
    Place("Baku", "Azerbaijan", 40.409, 49.867),
    Place("Damascus", "Syria", 33.513, 36.292),
    Place("Baghdad", "Iraq", 33.315, 44.366),
    Place("Doha", "Qatar", 25.285, 51.531),
    Place("Havana", "Cuba", 23.114, -82.367),
    Place("Caracas", "Venezuela", 10.481, -66.904),
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
