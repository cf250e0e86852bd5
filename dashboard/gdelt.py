"""GDELT 1.0 and 2.0 event records mapped onto our schema.

Shapes: the raw tab-separated exports without a header (57 columns for GDELT 1.0
back files, 58 with ``SOURCEURL`` for the daily files, 61 for GDELT 2.0 with the
ADM2 codes), recognised by their column count and first fields; the same rows
dumped from SQL (comma-separated, quoted, ``NULL`` for missing); and CSVs with a
header (pandas, BigQuery), in any column order and letter case.

Column by column (also in docs/formats.md):

* ``GLOBALEVENTID`` -> ``event_id``; ``SQLDATE`` (YYYYMMDD) -> start = end, precision day;
* ``EventCode`` (CAMEO, leading zero restored) -> ``event_type`` through
  :mod:`dashboard.cameo`; ``cameo_code``, ``plover`` and ``quad_class`` (GDELT's
  ``QuadClass`` named) are added;
* ``Actor1Name`` -> ``actors``, ``Actor2Name`` -> ``recipients``, except a name GDELT
  ties to no country, known group, ethnicity or religion (``POLICE``, ``PRESIDENT``: a role
  alone, standing for many actors of many countries), which is no actor (the title and
  ``Actor1Name``/``Actor2Name`` keep it; :func:`role_alone`);
* ``Actor1CountryCode``/``Actor2CountryCode`` (CAMEO, ISO alpha-3) and
  ``ActionGeo_CountryCode`` (FIPS 10-4) -> ``countries`` (names), with the actors'
  countries the actors directory knows;
* ``ActionGeo_FullName`` -> ``location``; ``ActionGeo_Lat``/``_Long`` -> ``latitude``,
  ``longitude``; ``SOURCEURL`` -> ``source``;
* every GDELT column is kept as given (``GoldsteinScale``, ``NumMentions``, ``AvgTone``...).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import cameo
from dashboard.actors import ActorDirectory
from dashboard.countries import country_or_people, names_of
from dashboard.problems import Problem
from dashboard.sourcemap import (
    column_lookup,
    finish,
    join_unique,
    per_distinct,
    pick,
    read_coded_records,
    spread,
    type_vocabulary,
)

_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_EVENT = [
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
]


def _geo(adm2: bool) -> list[str]:
    parts = ["Type", "FullName", "CountryCode", "ADM1Code", *(["ADM2Code"] if adm2 else [])]
    parts += ["Lat", "Long", "FeatureID"]
    return [f"{who}Geo_{part}" for who in ("Actor1", "Actor2", "Action") for part in parts]


_HEAD = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
_ACTORS = [f"Actor{n}{part}" for n in (1, 2) for part in _ACTOR]

#: Column names of the headerless exports, by their number of columns.
COLUMNS: dict[int, tuple[str, ...]] = {
    57: (*_HEAD, *_ACTORS, *_EVENT, *_geo(False), "DATEADDED"),
    58: (*_HEAD, *_ACTORS, *_EVENT, *_geo(False), "DATEADDED", "SOURCEURL"),
    61: (*_HEAD, *_ACTORS, *_EVENT, *_geo(True), "DATEADDED", "SOURCEURL"),
}
#: The columns a headered GDELT table must have (any letter case).
SIGNATURE: tuple[str, ...] = ("GLOBALEVENTID", "SQLDATE", "EventCode")
#: Missing values: empty fields (exports) and ``NULL`` (SQL dumps).
MISSING_VALUES: frozenset[str] = frozenset({"NULL"})

#: The types of GDELT's columns (:mod:`dashboard.coltypes`): counts and flags are
#: whole numbers, scores and coordinates numbers; CAMEO codes, actor codes, ADM and
#: feature ids are text (a CAMEO code's leading zero is part of it).
COLUMN_TYPES: dict[str, str] = {
    **{name: "int" for name in ("MonthYear", "Year", "IsRootEvent", "QuadClass")},
    **{name: "int" for name in ("NumMentions", "NumSources", "NumArticles")},
    **{name: "float" for name in ("FractionDate", "GoldsteinScale", "AvgTone")},
    **{f"{who}Geo_Type": "int" for who in ("Actor1", "Actor2", "Action")},
    **{
        f"{who}Geo_{part}": "float"
        for who in ("Actor1", "Actor2", "Action")
        for part in ("Lat", "Long")
    },
    **{
        name: "text"
        for name in ("GLOBALEVENTID", "SQLDATE", "EventCode", "EventBaseCode", "EventRootCode")
    },
    # When GDELT added the record: written as ISO 8601 (:func:`date_added`), not a number.
    "DATEADDED": "text",
}


def is_headerless_row(first: tuple[str, ...]) -> bool:
    """A first row that is a GDELT record: 57/58/61 fields, a numeric id, a YYYYMMDD date."""
    return (
        len(first) in COLUMNS
        and first[0].strip().isdigit()
        and len(first[1].strip()) == 8
        and first[1].strip().isdigit()
    )


@dataclass(frozen=True)
class RecordWidths:
    """The widths (tab counts) of a headerless file's records, decided over the file: those
    of a file's chunks add up (``a + b``), so each chunk is padded as the whole file is."""

    tabs: frozenset[int] = frozenset()

    @classmethod
    def of(cls, data: bytes) -> RecordWidths:
        """The tab counts of the non-blank lines of ``data`` (a line is a record)."""
        return cls(frozenset(row.count(b"\t") for row in data.split(b"\n") if row.strip()))

    def __add__(self, later: RecordWidths) -> RecordWidths:
        return RecordWidths(self.tabs | later.tabs)


#: A back file's records and a daily export's, as their tab counts (57 and 58 fields).
_BACK_AND_DAILY = frozenset({56, 57})
_BACK_FILE = "back_file_records"


def pad_back_file_rows(data: bytes, widths: RecordWidths | None = None) -> tuple[bytes, Counter]:
    """A headerless GDELT 1.0 file mixing back-file rows (57 fields, no ``SOURCEURL``) and
    daily rows (58 fields): the 57-field rows get an empty ``SOURCEURL``, counted (a notice).

    Seen in a real file (docs/formats.md): a 2016 daily export and a 1982 back file
    concatenated. Raw exports are unquoted, one record per line, so a line is a record.
    Any other file is returned as it is (checked first by counting tabs, at C speed).
    ``widths``: the whole file's (a chunk of it), else these bytes'.
    """
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    first = data[: data.find(b"\n")] if b"\n" in data else data
    fields = tuple(first.decode("utf-8", errors="replace").rstrip("\r").split("\t"))
    if not is_headerless_row(fields) or len(fields) not in (57, 58):
        return data, Counter()
    if widths is None:
        if data.count(b"\t") in (56 * lines, 57 * lines):
            return data, Counter()  # every record has the same width
        widths = RecordWidths.of(data)
    if widths.tabs != _BACK_AND_DAILY:
        return data, Counter()  # other widths: the reader reports the rows
    rows = data.split(b"\n")
    padded = [row + b"\t" if row.strip() and row.count(b"\t") == 56 else row for row in rows]
    count = sum(1 for row in rows if row.strip() and row.count(b"\t") == 56)
    return b"\n".join(padded), Counter({_BACK_FILE: count})


#: The codes that tie an actor to someone beyond its role (CAMEO actor code parts).
_IDENTITY: tuple[str, ...] = (
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
)
_ROLE_ALONE = "role_alone"


def role_alone(frame: pd.DataFrame, actor: int) -> pd.Series:
    """Whether ``Actor<actor>Name`` is a role alone: a name GDELT coded with no country,
    known group, ethnicity or religion (``POLICE``, ``PRESIDENT``, ``STUDENT``).

    One such name stands for many actors of many countries: in a real 2.0 export
    (docs/formats.md) 195 names, 1,120 of its 3,517 actor names, ``POLICE`` and
    ``PRESIDENT`` its second and fifth busiest actors, joining events of every country
    in the network. A table without those code columns (an extract) cannot tell: no name
    is a role alone there.
    """
    columns = column_lookup(frame)
    names = [f"Actor{actor}{part}" for part in _IDENTITY]
    if not all(name.casefold() in columns for name in names):
        return pd.Series(False, index=frame.index)
    coded = pick(frame, names[0]) != ""
    for name in names[1:]:
        coded |= pick(frame, name) != ""
    return ~coded & (pick(frame, f"Actor{actor}Name") != "")


#: CAMEO's role codes (``Actor<n>Type<k>Code``, the CAMEO manual's domestic roles), as
#: the people they name: a country's name under a role is that role's (ACLED's way of
#: naming such groups: ``Police (United States)``, read by :func:`geography.named_country`).
ROLE_NAMES: dict[str, str] = {
    "COP": "Police",
    "GOV": "Government",
    "INS": "Insurgents",
    "JUD": "Judiciary",
    "MIL": "Military",
    "OPP": "Opposition",
    "REB": "Rebels",
    "SEP": "Separatists",
    "SPY": "Intelligence",
    "UAF": "Unaligned armed forces",
    "AGR": "Agriculture",
    "BUS": "Business",
    "CRM": "Criminals",
    "CVL": "Civilians",
    "DEV": "Development",
    "EDU": "Education",
    "ELI": "Elites",
    "ENV": "Environment",
    "HLH": "Health",
    "HRI": "Human rights",
    "LAB": "Labour",
    "LEG": "Legislature",
    "MED": "Media",
    "REF": "Refugees",
    "MOD": "Moderates",
    "RAD": "Radicals",
}
_AS_COUNTRY = "as_country"


def country_actor(frame: pd.DataFrame, actor: int) -> pd.Series:
    """The actor ``Actor<actor>Name`` is when it only names a country, else "".

    GDELT's codebook: for a geographic match the name is "either the country or
    capital/major city name (UNITED STATES / PARIS)", so one country is written many ways
    (``UNITED STATES``, ``THE US``, ``AMERICAN``, ``WASHINGTON``), each a node of its own
    in the network and a line of its own among the busiest actors, while one name stands
    for several CAMEO actors (``USA``, ``USAGOV``, ``USACOP``). A name that is only a
    country's name, another of its names or its people's
    (:func:`dashboard.countries.country_or_people`), coded with that same country
    (``Actor<n>CountryCode``) and no known group, ethnicity or religion, is that country
    as we name it (``United States``, as ICEWS names the same actor) when its role is none
    or government (``GOV``); under other roles it is those people of that country
    (``Police (United States)``, ``Civilians (China)``: :data:`ROLE_NAMES`, an unknown
    code as written). A capital or city (``PARIS``, ``PITTSBURGH``), a region
    (``AFRICA``) or a name coded with another country keeps its name; so does every
    name of a table without those code columns (it cannot tell).
    """
    columns = column_lookup(frame)
    parts = [*_IDENTITY, "Type1Code", "Type2Code", "Type3Code"]
    names = [f"Actor{actor}{part}" for part in parts]
    if not all(name.casefold() in columns for name in names):
        return pd.Series("", index=frame.index, dtype="str")

    def read(name, country, group, ethnic, religion1, religion2, *roles):
        called = name.map(country_or_people)
        plain = (group == "") & (ethnic == "") & (religion1 == "") & (religion2 == "")
        ours = plain & (called != "") & (called == names_of(country, "iso3"))
        people = pd.Series(map(_people, zip(*roles, strict=True)), index=name.index, dtype="str")
        named = called.where(people == "", people + " (" + called + ")")
        return named.where(ours, "")

    return per_distinct(read, pick(frame, f"Actor{actor}Name"), *(pick(frame, n) for n in names))


def _people(codes: tuple[str, ...]) -> str:
    """The people a country's role codes name (``("GOV", "MIL")`` -> ``Military``), or ""."""
    named = [ROLE_NAMES.get(code, code) for code in codes if code and code != "GOV"]
    later = (name.lower() if name in ROLE_NAMES.values() else name for name in named[1:])
    return ", ".join([*named[:1], *later])


#: ``DATEADDED``: GDELT 2.0's ``YYYYMMDDHHMMSS`` (UTC, when the record was added: "for
#: those needing to access events at 15 minute resolution", its codebook says), 1.0's
#: ``YYYYMMDD``.
_ADDED_FORMS = {14: ("%Y%m%d%H%M%S", "%Y-%m-%dT%H:%M:%SZ"), 8: ("%Y%m%d", "%Y-%m-%d")}


def date_added(text: pd.Series) -> tuple[pd.Series, list[tuple[int, str]]]:
    """``DATEADDED`` as ISO 8601 (``2019-10-24T14:30:00Z``, UTC; ``2016-07-28`` in 1.0),
    empty kept empty; and ``(record, message)`` for each value that is neither form or no
    real date. Read as a whole number it was ``20191024143000``: no date to an analyst."""
    codes, uniques = pd.factorize(text)  # the step runs once per distinct value
    distinct = pd.Series(uniques, dtype="str")
    iso = pd.Series("", index=distinct.index, dtype="str")
    bad = (distinct != "") & ~distinct.str.fullmatch(r"\d{8}|\d{14}")
    for length, (given, written) in _ADDED_FORMS.items():
        shaped = distinct.str.len().eq(length) & ~bad
        when = pd.to_datetime(distinct.where(shaped), format=given, errors="coerce")
        iso = iso.mask(shaped & when.notna(), when.dt.strftime(written))
        bad |= shaped & when.isna()
    message = (
        "{!r} is not a real date and time in the form YYYYMMDDHHMMSS (GDELT 2.0) or YYYYMMDD (1.0)"
    )
    refused = np.flatnonzero(bad.to_numpy()[codes]) if bad.any() else []
    problems = [(int(i), message.format(text.iat[i])) for i in refused]
    return spread(iso, codes, text.index), problems


def is_gdelt(columns: tuple[str, ...]) -> bool:
    """A GDELT header (its identifying columns in any case) or a headerless GDELT record."""
    folded = {str(c).strip().casefold() for c in columns}
    if all(name.casefold() in folded for name in SIGNATURE):
        return True
    return is_headerless_row(columns)


def convert_gdelt_frame(
    frame: pd.DataFrame,
    *,
    directory: ActorDirectory,
    record_rows: Callable[[int], np.ndarray],
    on_ids: Callable[[pd.Series], None] | None = None,
) -> tuple[pd.DataFrame, Counter, list[Problem]]:
    """Map an all-text GDELT frame onto our schema and validate it.

    Returns the events, what was counted (:func:`tally_notices` words it; the
    tallies of a file's chunks add up) and the ``DATEADDED`` values left empty.
    """
    n = len(frame)
    records = read_coded_records(
        frame,
        record_rows,
        id_column="GLOBALEVENTID",
        date_column="SQLDATE",
        date_form="YYYYMMDD",
        code_column="EventCode",
        on_ids=on_ids,
    )
    ids, sqldate, codes = records.ids, records.date_text, records.codes
    coded_codes = records.coded_codes  # per-code steps run once per distinct code

    types = per_distinct(cameo.our_types, coded_codes)
    actor1, actor2 = pick(frame, "Actor1Name"), pick(frame, "Actor2Name")
    quad = per_distinct(
        lambda given, code: given.map(cameo.QUAD_CLASSES).fillna(cameo.quad_class(code)),
        pick(frame, "QuadClass"),
        coded_codes,
    )
    countries = per_distinct(
        lambda c1, c2, geo, a1, a2: join_unique(
            [
                names_of(c1, "iso3"),
                names_of(c2, "iso3"),
                names_of(geo, "fips"),
                a1.map(directory.country_of),
                a2.map(directory.country_of),
            ]
        ),
        pick(frame, "Actor1CountryCode"),
        pick(frame, "Actor2CountryCode"),
        pick(frame, "ActionGeo_CountryCode"),
        actor1,
        actor2,
    )
    label = types.str.capitalize()
    who = actor1.where(actor1 != "", "(no actor named)")
    # The title keeps GDELT's names as written; the actors are read below.
    title = label + ": " + who + (" – " + actor2).where(actor2 != "", "")
    role1, role2 = role_alone(frame, 1), role_alone(frame, 2)
    roles = Counter(actor1[role1]) + Counter(actor2[role2])
    state1, state2 = country_actor(frame, 1), country_actor(frame, 2)
    as_country = _read_as(actor1, state1) + _read_as(actor2, state2)
    actor1 = actor1.mask(role1, "").mask(state1 != "", state1)
    actor2 = actor2.mask(role2, "").mask(state2 != "", state2)
    frame, unread = _with_date_added(frame, record_rows)
    day = records.iso_day
    ours = {
        "event_id": ids,
        "start_date": day,
        "end_date": day,
        "date_precision": pd.Series("day", index=frame.index, dtype="str"),
        "event_type": types,
        "title": title,
        "date_text": sqldate,
        "actors": actor1,
        "recipients": actor2,
        "countries": countries,
        "location": pick(frame, "ActionGeo_FullName"),
        "source": pick(frame, "SOURCEURL"),
        "notes": "GDELT SQLDATE " + sqldate + ", CAMEO event code " + codes + ".",
        "type_vocabulary": type_vocabulary(types, "CAMEO"),
        "cameo_code": codes,
        "plover": per_distinct(cameo.plover, coded_codes),
        "quad_class": quad,
        "latitude": pick(frame, "ActionGeo_Lat"),
        "longitude": pick(frame, "ActionGeo_Long"),
    }
    events = finish(ours, frame, record_rows, prefix="gdelt", ids_distinct=records.ids_distinct)
    kept = int((ours["type_vocabulary"] != "").sum())
    tally = Counter(events=n, cameo_root=kept, **{_ROLE_ALONE: sum(roles.values())})
    # Each name under its own key, so that the tallies of a file's chunks still add up.
    tally.update({(_ROLE_ALONE, name): count for name, count in roles.items()})
    tally.update({(_AS_COUNTRY, *pair): count for pair, count in as_country.items()})
    return events, tally, unread


def _read_as(given: pd.Series, read: pd.Series) -> Counter:
    """How many times each name was read as another: ``{(given, read): count}``."""
    renamed = read != ""
    if not renamed.any():
        return Counter()
    pairs = pd.DataFrame({"given": given[renamed], "read": read[renamed]}).value_counts()
    return Counter(dict(pairs.items()))


def _busiest(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _with_date_added(
    frame: pd.DataFrame, record_rows: Callable[[int], np.ndarray]
) -> tuple[pd.DataFrame, list[Problem]]:
    """``frame`` with its ``DATEADDED`` as :func:`date_added` reads it, and the problems
    of its values that are no date: left empty, as no event column reads it
    (:func:`dashboard.problems.unread_cells_notice`)."""
    name = column_lookup(frame).get("dateadded")
    if name is None:
        return frame, []
    iso, problems = date_added(pick(frame, name))
    rows = record_rows(len(frame)) if problems else []
    unread = [Problem(int(rows[i]), name, message) for i, message in problems]
    return frame.assign(**{name: iso}), unread


def tally_notices(tally: Counter) -> list[str]:
    """The notices of what an import counted (:func:`pad_back_file_rows`,
    :func:`convert_gdelt_frame`)."""
    n, kept, padded = tally["events"], tally["cameo_root"], tally[_BACK_FILE]
    notices = []
    if padded:
        notices.append(
            f"{padded:,} record{'s' if padded != 1 else ''} of a GDELT 1.0 back file (57 "
            "columns, without SOURCEURL) were read with an empty SOURCEURL beside the daily "
            "records (58 columns)."
        )
    notices.append(f"Imported {n:,} GDELT event{'s' if n != 1 else ''}.")
    if kept:
        notices.append(
            f"{kept:,} event{'s' if kept != 1 else ''} keep their CAMEO root as the type "
            "(no type of ours fits the code); see cameo_code and quad_class."
        )
    named_as = {}
    for key, count in tally.items():
        if isinstance(key, tuple) and key[0] == _AS_COUNTRY and count:
            named_as.setdefault(key[2], Counter())[key[1]] += count
    if named_as:
        total = sum(sum(names.values()) for names in named_as.values())
        # Ties in name order: the same words whatever order the rows (or chunks) came in.
        busiest = sorted(named_as.items(), key=lambda item: (-sum(item[1].values()), item[0]))
        shown = "; ".join(
            ", ".join(repr(name) for name, _ in sorted(names.items(), key=_busiest)[:3])
            + (" …" if len(names) > 3 else "")
            + f" → {country}"
            for country, names in busiest[:3]
        )
        more = f"; {len(busiest) - 3:,} more" if len(busiest) > 3 else ""
        notices.append(
            f"{total:,} actor name{'s' if total != 1 else ''} that only name a country "
            "(its name, another of its names or its people's, coded as that country) read as "
            f"the country, or as its people of the role coded: {shown}{more}; the titles "
            "and Actor1Name/Actor2Name keep them."
        )
    roles = tally[_ROLE_ALONE]
    if roles:
        named = Counter(
            {
                key[1]: c
                for key, c in tally.items()
                if isinstance(key, tuple) and key[0] == _ROLE_ALONE
            }
        )
        examples = ", ".join(repr(name) for name, _ in named.most_common(3))
        more = " …" if len(named) > 3 else ""
        notices.append(
            f"{roles:,} actor name{'s that are' if roles != 1 else ' that is'} a role alone "
            "(GDELT ties them to no country, group, ethnicity or religion: "
            f"{examples}{more}) left without an actor; the titles and "
            "Actor1Name/Actor2Name keep them."
        )
    return notices
