"""Import ACLED exports: recognise their columns and map each event onto our schema.

ACLED (Armed Conflict Location & Event Data) codes political violence and
protest events. The mapping, column by column (also in docs/formats.md):

* ``event_id_cnty`` -> ``event_id``;
* ``event_date`` + ``time_precision`` -> ``start_date``, ``end_date``,
  ``date_precision``: 1 = the day itself; 2 = ``week``, the seven days centred
  on the coded date (ACLED codes a week-precision event on the middle of the
  reported week or range of days, so date - 3 to date + 3 covers it); 3 =
  ``month``, the whole calendar month of the coded date. The date is
  ``YYYY-MM-DD`` (API exports) or ``DD Month YYYY`` (website exports, e.g.
  ``03 August 2022``), read strictly; the original text goes to ``date_text``;
* ``actor1`` + ``assoc_actor_1`` (``;``-separated) -> ``actors``, and
  ``actor2`` + ``assoc_actor_2`` -> ``recipients`` (ACLED's actor order implies
  no direction; actor 1 is the one its coders name first); the monadic export's two
  rows of one event (one per actor) are first joined into one (:func:`join_monadic_rows`);
* ``country`` plus the actors' countries the actors directory knows -> ``countries``;
* ``event_type`` / ``sub_event_type`` -> ``event_type`` through :data:`TYPE_MAP`;
  pairs outside it keep ACLED's sub-event type (or event type; both for "Other":
  :func:`kept_type_label`) and are listed in a notice; the original pair is kept in
  ``acled_event_type`` / ``acled_sub_event_type``;
* ``notes`` -> ``description``; ``location``, ``source`` as they are;
* ``title`` is generated: ``<sub-event type>: <actor1> – <location>``;
* every other column (fatalities, admin1, latitude, ...) is kept as an extra column.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard import dayorder, schema
from dashboard.actors import ActorDirectory
from dashboard.countries import common_names
from dashboard.dayorder import DayOrder
from dashboard.fastcheck import all_distinct
from dashboard.loading import (
    duplicate_id_message,
    repeated_ids,
    validate_events_frame,
    with_rows,
)
from dashboard.problems import EventsFileError, Problem
from dashboard.sourcemap import (
    Coded,
    coded,
    distinct_rows,
    in_threads,
    per_distinct,
    per_distinct_coded,
    spread,
)

#: Columns that identify an ACLED export (compared case-insensitively).
SIGNATURE_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "actor1",
)

#: Legacy ACLED files (before 2019) name a few columns differently.
LEGACY_NAMES: dict[str, str] = {
    "ally_actor_1": "assoc_actor_1",
    "ally_actor_2": "assoc_actor_2",
}

#: ACLED columns the import reads; those after the signature may be absent.
MAPPED_COLUMNS: tuple[str, ...] = (
    *SIGNATURE_COLUMNS,
    "sub_event_type",
    "year",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "location",
    "notes",
    "source",
)

#: The mapped columns read trimmed (notes and source are taken as written).
_STRIPPED: tuple[str, ...] = tuple(c for c in MAPPED_COLUMNS if c not in ("notes", "source"))

#: Tokens that mean "missing" in ACLED files (R writes ``NA``; the API sends ``""``).
MISSING_VALUES: frozenset[str] = frozenset({"NA"})

#: The types of ACLED's own columns kept as extras (:mod:`dashboard.coltypes`); the
#: others are text (admin regions, sub-event types, inter1/interaction, which ACLED
#: has written both as codes and as labels). latitude/longitude become ours.
COLUMN_TYPES: dict[str, str] = {
    "fatalities": "int",
    "year": "int",
    "iso": "int",
    "geo_precision": "int",
    "timestamp": "int",
    "gwno": "int",
    "event_id_no_cnty": "int",
    "admin1": "text",
    "admin2": "text",
    "admin3": "text",
    "sub_event_type": "text",
    "disorder_type": "text",
    "inter1": "text",
    "inter2": "text",
    "interaction": "text",
}

#: ACLED's column names over the years (read in any letter case, kept lower-case).
KNOWN_COLUMNS: frozenset[str] = frozenset(
    (
        *MAPPED_COLUMNS,
        *COLUMN_TYPES,
        "latitude",
        "longitude",
        "region",
        "iso3",
        "source_scale",
        "tags",
        "civilian_targeting",
        "data_id",
    )
)

_ANY = "*"

#: ACLED (event type, sub-event type) -> our event type, in one table.
#: ``*`` stands for every sub-event type not listed separately.
TYPE_MAP: dict[tuple[str, str], str] = {
    ("Battles", _ANY): "armed clash",
    ("Explosions/Remote violence", _ANY): "armed clash",
    ("Violence against civilians", _ANY): "violence against civilians",
    ("Protests", _ANY): "protest",
    ("Protests", "Excessive force against protesters"): "repression/execution",
    ("Riots", _ANY): "protest",
    ("Riots", "Mob violence"): "violence against civilians",
    ("Strategic developments", "Agreement"): "agreement",
    ("Strategic developments", "Arrests"): "repression/execution",
    ("Strategic developments", "Looting/property destruction"): "violence against civilians",
    # Legacy event types (files before 2019, without sub-event types).
    ("Riots/Protests", _ANY): "protest",
    ("Battle-No change of territory", _ANY): "armed clash",
    ("Battle-Government regains territory", _ANY): "armed clash",
    ("Battle-Non-state actor overtakes territory", _ANY): "armed clash",
    ("Remote violence", _ANY): "armed clash",
    # Not mapped, kept as given: Change to group/activity, Disrupted weapons use,
    # Headquarters or base established, Non-violent transfer of territory, Other.
}

#: ACLED has spelled a few labels more than one way over the years.
_SPELLINGS: dict[str, str] = {
    "excessive force against protestors": "excessive force against protesters",
    # Seen in a real 2015 legacy export (docs/formats.md, real files checked).
    "battle-non-state actors overtake territory": "battle-non-state actor overtakes territory",
}

#: ACLED time_precision -> our date precision.
PRECISIONS: dict[str, str] = {"1": "day", "2": "week", "3": "month"}
_WEEK_HALF_SPAN_DAYS = 3
_PRECISION_NOTES: dict[str, str] = {
    "1": "ACLED time_precision 1 (the day is known): ",
    "2": "ACLED time_precision 2 (the week is known): 3 days either side of ",
    "3": "ACLED time_precision 3 (the month is known): the month of ",
}

_MONTHS = {
    **{calendar.month_name[m].casefold(): m for m in range(1, 13)},
    **{calendar.month_abbr[m].casefold(): m for m in range(1, 13)},
    "sept": 9,
}
#: ISO dates, also as R and pandas write timestamps (``2021-01-02T00:00:00Z``).
_ISO = (
    r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:Z|[+-]00:?00| ?UTC)?)?"
)
#: ``02 January 2021`` (export tool), ``01-January-2015`` (legacy), ``9-May-20`` (Excel).
_DMY = r"(?P<dd>\d{1,2})[ -](?P<dm>[A-Za-z]+)\.?[ -](?P<dy>\d{4}|\d{2})"
#: A two-digit year (Excel's ``9-May-20``) is 19YY from this year on, else 20YY:
#: ACLED's data begin in 1997.
_CENTURY_PIVOT = 97
_DATE_FORMS = "YYYY-MM-DD, DD Month YYYY, DD-Mon-YY, DD/MM/YYYY, DD-MM-YY or DD.MM.YYYY"


@dataclass(frozen=True)
class ImportResult:
    """Validated events in our schema, what was counted and what was read, for notices.

    ``tally`` counts over the rows (events, unmapped type pairs: :func:`tally_notices`
    words it; the tallies of a file's chunks add up); ``dated`` says how the dates
    were read.
    """

    events: pd.DataFrame
    tally: Counter = field(default_factory=Counter)
    dated: list[str] = field(default_factory=list)

    @property
    def notices(self) -> list[str]:
        """Every notice for the analyst: the counts, then how the dates were read."""
        return [*tally_notices(self.tally), *self.dated]


def survey_dates(frame: pd.DataFrame) -> DayOrder:
    """What an all-text ACLED frame's (a chunk of a file's) dates say of their day-month
    order (:class:`dashboard.dayorder.DayOrder`)."""
    frame = _normalise_columns(frame)
    if "event_date" not in frame:
        return DayOrder()
    return DayOrder.of(frame["event_date"].str.strip().unique())


def _key(text: str) -> str:
    folded = " ".join(text.split()).casefold()
    return _SPELLINGS.get(folded, folded)


_TYPE_LOOKUP: dict[tuple[str, str], str] = {
    (_key(kind), _key(sub) if sub != _ANY else _ANY): ours for (kind, sub), ours in TYPE_MAP.items()
}


def is_acled_header(columns: Iterable[str]) -> bool:
    """Whether ``columns`` hold ACLED's identifying columns (any letter case)."""
    names = {str(c).strip().casefold() for c in columns}
    return all(c in names for c in SIGNATURE_COLUMNS)


def map_event_type(event_type: str, sub_event_type: str) -> str | None:
    """Our event type for an ACLED type pair, or None when the table has none."""
    kind, sub = _key(event_type), _key(sub_event_type)
    return _TYPE_LOOKUP.get((kind, sub)) or _TYPE_LOOKUP.get((kind, _ANY))


#: ACLED's monadic export has one row per actor: no ``actor2`` columns, and an event of
#: two actors on two rows with the same ``event_id_cnty`` that differ only in these.
_MONADIC_ACTOR_COLUMNS: tuple[str, ...] = ("actor1", "assoc_actor_1", "inter1")

#: The monadic actor columns a joined event's second row fills (the dyadic export's names).
_SECOND_ACTOR_COLUMNS: dict[str, str] = {
    "actor1": "actor2",
    "assoc_actor_1": "assoc_actor_2",
    "inter1": "inter2",
}


def is_monadic_header(columns) -> bool:
    """Whether a header is ACLED's monadic export's: ids, one actor per row, no ``actor2``."""
    names = {c.strip().casefold() for c in columns}
    names = {LEGACY_NAMES.get(n, n) for n in names}
    return "event_id_cnty" in names and "actor1" in names and "actor2" not in names


@dataclass(frozen=True)
class MonadicJoin:
    """ACLED records after :func:`join_monadic_rows`: one per event, each one's file row
    (``record_rows``), how many events were joined from two rows, and, for two rows of
    one id that could not be joined, where they differ (id -> words for the message)."""

    frame: pd.DataFrame
    record_rows: Callable[[int], np.ndarray]
    joined: int = 0
    apart: dict[str, str] = field(default_factory=dict)


def join_monadic_rows(frame: pd.DataFrame, record_rows: Callable[[int], np.ndarray]) -> MonadicJoin:
    """One record per event of ACLED's monadic export: its records' rows, events joined.

    The monadic export writes an event of two actors twice, once per actor, in the
    actor columns only. Two such rows become one event as the dyadic export writes it:
    the first row's actor as actor 1, the second's as actor 2 (ACLED's actor order
    implies no direction either way); values are compared trimmed, as ACLED's are read.
    Two rows of one id that differ anywhere else are left for the id check to name,
    with where they differ (``apart``); more than two, likewise, as any repeated id.
    """
    frame = _normalise_columns(frame)
    if not is_monadic_header(frame.columns):
        return MonadicJoin(frame, record_rows)
    ids = frame["event_id_cnty"].str.strip()
    counts = ids.map(ids.value_counts())
    second = ids.duplicated() & (counts == 2)
    if not second.any():
        return MonadicJoin(frame, record_rows)
    later = np.flatnonzero(second.to_numpy())
    first_of = pd.Series(np.arange(len(ids)), index=ids)[~ids.duplicated().to_numpy()]
    earlier = first_of.loc[ids.iloc[later]].to_numpy()
    rest = [c for c in frame.columns if c not in _MONADIC_ACTOR_COLUMNS]
    same = (frame[rest].iloc[earlier].to_numpy() == frame[rest].iloc[later].to_numpy()).all(1)
    apart: dict[str, str] = {}
    if not same.all():
        # Rows apart as written are compared again trimmed (few, so per value), and
        # those still apart say where.
        differ = np.flatnonzero(~same)
        one, two = (
            frame[rest].iloc[rows].apply(lambda column: column.str.strip()).to_numpy()
            for rows in (earlier[differ], later[differ])
        )
        equal = one == two
        same[differ] = equal.all(1)
        for k, i in enumerate(differ):
            if not same[i]:
                apart[ids.iat[int(later[i])]] = _differences(rest, one[k], two[k], equal[k])
    earlier, later = earlier[same], later[same]
    if not len(later):
        return MonadicJoin(frame, record_rows, 0, apart)
    joined = frame.copy()
    for column, second_column in _SECOND_ACTOR_COLUMNS.items():
        filled = pd.Series("", index=frame.index, dtype="str")
        if column in frame.columns:
            filled.iloc[earlier] = frame[column].iloc[later].to_numpy()
            joined[second_column] = filled
    kept = np.setdiff1d(np.arange(len(frame)), later)
    n_read = len(frame)

    def rows(_n: int) -> np.ndarray:
        return record_rows(n_read)[kept]

    return MonadicJoin(joined.iloc[kept].reset_index(drop=True), rows, len(later), apart)


def _differences(columns: list[str], first: np.ndarray, second: np.ndarray, equal) -> str:
    """Where two rows of one id differ, for the duplicate id message (three columns at most)."""
    differ = [i for i in range(len(columns)) if not equal[i]]
    shown = "; ".join(f"in {columns[i]} ({first[i]!r}, {second[i]!r})" for i in differ[:3])
    more = (
        f" and {len(differ) - 3} more column{'s' if len(differ) > 4 else ''}"
        if len(differ) > 3
        else ""
    )
    actors = ", ".join(_MONADIC_ACTOR_COLUMNS[:-1]) + " and " + _MONADIC_ACTOR_COLUMNS[-1]
    return (
        f"the two rows differ {shown}{more}, so they are not one event's two actors "
        f"(ACLED's monadic export differs only in {actors})"
    )


def convert_acled_frame(
    frame: pd.DataFrame,
    *,
    directory: ActorDirectory | None = None,
    record_rows: Callable[[int], np.ndarray] | None = None,
    slashed: DayOrder | None = None,
    on_ids: Callable[[pd.Series], None] | None = None,
    apart: dict[str, str] | None = None,
) -> ImportResult:
    """Map an all-text ACLED frame onto the events schema and validate it.

    Parameters
    ----------
    frame
        ACLED columns as text (any letter case; extra columns are kept).
    directory
        Actors directory used to add the actors' countries.
    record_rows
        ``record_rows(n)`` -> file row of each record, for problem messages
        (default: record ``i`` is row ``i + 2``).
    slashed
        The order of slashed dates as the whole file shows it (a chunk of a file:
        :func:`survey_dates` over every chunk); None: as this frame shows it.
    on_ids
        Handed the events' ids once read, even when the checks then refuse the records
        (a chunked conversion checks them over the whole file).
    apart
        A monadic export's ids whose two rows could not be joined, and where they
        differ (:attr:`MonadicJoin.apart`): said with the duplicate id.

    Raises
    ------
    EventsFileError
        Every problem, named by the ACLED file's row and column.
    """
    directory = directory or ActorDirectory()
    frame = _normalise_columns(frame)
    missing = [c for c in SIGNATURE_COLUMNS if c not in frame.columns]
    if missing:
        raise EventsFileError(
            [Problem(None, c, "required ACLED column is missing") for c in missing]
        )
    n = len(frame)

    def rows() -> np.ndarray:
        return record_rows(n) if record_rows else np.arange(2, n + 2)

    # notes and source are taken as written (never stripped: 1M long texts cost).
    stripped = in_threads(
        lambda c: frame[c].str.strip() if c in frame else _empty(frame), _STRIPPED
    )
    col = dict(zip(_STRIPPED, stripped, strict=True))
    if on_ids is not None:
        on_ids(col["event_id_cnty"])
    with ThreadPoolExecutor(1) as pool:
        # Whether every id is distinct (a sort, in Arrow) is found while the dates are read.
        ids_distinct = pool.submit(all_distinct, pa.array(col["event_id_cnty"]))
        # Dates, precisions and years repeat: every step on them runs once per distinct
        # (date, precision, year) triple and is spread back to the rows (a take).
        codes, (when, given_precision, year) = distinct_rows(
            col["event_date"], col["time_precision"], col["year"]
        )
        date, found_distinct, date_notices = _parse_dates(when, slashed)
        found_distinct += _check_dated(given_precision, year, date)
        found = _spread_found(found_distinct, codes) + _check_rows(
            col, ids_distinct.result(), apart
        )
    if found:
        raise EventsFileError(with_rows(found, rows()))

    precision = given_precision.map(PRECISIONS).astype("str")
    start, end = _spans(date, precision)
    notes = given_precision.map(_PRECISION_NOTES) + _iso(date) + "."
    # Columns several per-distinct steps read are coded once.
    kind, sub, actor1 = (coded(col[c]) for c in ("event_type", "sub_event_type", "actor1"))
    types, unknown = _event_types(kind, sub)

    actors = per_distinct_coded(_join_lists, actor1, col["assoc_actor_1"])
    recipients = per_distinct_coded(_join_lists, col["actor2"], col["assoc_actor_2"])

    def countries_of(country: pd.Series, first: pd.Series, second: pd.Series) -> list[str]:
        return [
            _join_unique([c, *(directory.country_or_named(a) for a in [*_split(f), *_split(s)])])
            for c, f, s in zip(country, first, second, strict=True)
        ]

    countries = per_distinct(countries_of, common_names(col["country"]), actors, recipients)

    out = pd.DataFrame(
        {
            "event_id": col["event_id_cnty"],
            "start_date": spread(_iso(start), codes, frame.index),
            "end_date": spread(_iso(end), codes, frame.index),
            "date_precision": spread(precision, codes, frame.index),
            "event_type": types,
            "title": per_distinct(_titles, sub, kind, actor1, col["location"]),
            "date_text": frame["event_date"],
            "description": frame["notes"] if "notes" in frame else _empty(frame),
            "actors": actors.spread(),
            "recipients": recipients.spread(),
            "countries": countries,
            "location": col["location"],
            "source": frame["source"] if "source" in frame else _empty(frame),
            "notes": spread(notes, codes, frame.index),
            "acled_event_type": frame["event_type"],
            "acled_sub_event_type": frame["sub_event_type"]
            if "sub_event_type" in frame
            else _empty(frame),
            schema.TYPE_VOCABULARY_COLUMN: types.where(
                types.isin(schema.EVENT_TYPE_NAMES), "ACLED"
            ).where(~types.isin(schema.EVENT_TYPE_NAMES), ""),
        },
        index=frame.index,
    )
    for name in frame.columns:
        if name not in MAPPED_COLUMNS:
            out[name if name not in out.columns else f"acled_{name}"] = frame[name]
    events = validate_events_frame(
        out.reset_index(drop=True),
        record_rows=lambda _n: rows(),
        ids_distinct=True,  # _check_rows has refused any duplicate event_id_cnty
    )
    tally = Counter(unknown)
    tally[_EVENTS] = n
    return ImportResult(events, tally, date_notices)


def _iso(date: pd.Series) -> pd.Series:
    return date.dt.strftime("%Y-%m-%d")


def _empty(frame: pd.DataFrame) -> pd.Series:
    return pd.Series("", index=frame.index, dtype="str")


def _normalise_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Lower-case ACLED's own columns (legacy files write them upper-case: ``LATITUDE``
    then fills our latitude, ``FATALITIES`` is the views' ``fatalities``); other names
    stay as they are."""
    renames = {c: c.strip().casefold() for c in frame.columns}
    renames = {c: LEGACY_NAMES.get(new, new) for c, new in renames.items()}
    renames = {c: new for c, new in renames.items() if new in KNOWN_COLUMNS and new != c}
    return frame.rename(columns=renames) if renames else frame


def _spread_found(found_distinct: list[tuple], codes: np.ndarray) -> list[tuple]:
    """Problems found on distinct values, one for each row holding the value."""
    if not found_distinct:
        return []
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(codes.max() + 2))
    found = []
    for u, column, message, ref in found_distinct:
        found.extend((int(i), column, message, ref) for i in order[bounds[u] : bounds[u + 1]])
    return sorted(found)


def _parse_dates(
    text: pd.Series, order: DayOrder | None = None
) -> tuple[pd.Series, list[tuple], list[str]]:
    """Read ACLED's date shapes strictly (never guessing, never today); notices say what was read.

    ISO dates (a time of day only at midnight: R and pandas write timestamps),
    ``DD Month YYYY`` and ``DD-Mon-YY`` (any case, full or abbreviated months), and
    ``A/B/YYYY`` (also ``-`` or ``.``, a two-digit year), day and month told apart by
    :mod:`dashboard.dayorder`'s rule over the column: a value that cannot tell them in a
    column that does not either is refused by row. ``order``: what the whole file shows
    (:class:`~dashboard.dayorder.DayOrder`), when ``text`` is a part of it.
    """
    iso = text.str.extract(f"^{_ISO}$")
    dmy = text.str.extract(f"^{_DMY}$")
    month = dmy["dm"].str.casefold().map(_MONTHS)
    as_iso = iso["iy"] + "-" + iso["im"] + "-" + iso["id"]
    from_dmy = _four_digit_years(dmy["dy"]) + "-"
    from_dmy += month.astype("Int64").astype("str").str.zfill(2) + "-" + dmy["dd"].str.zfill(2)
    found: list[tuple] = []
    notices: list[str] = []
    if order is None:
        order = DayOrder.of(text)
    values = [dayorder.match(t) for t in text]
    is_slashed = pd.Series([v is not None for v in values], index=text.index)
    from_slashed = pd.Series(pd.NA, index=text.index, dtype="str")
    if is_slashed.any():
        read: dict[int, tuple[int, int]] = {}
        for i in np.flatnonzero(is_slashed.to_numpy()):
            day_month = order.day_and_month(values[i])
            if day_month is None:
                found.append((int(i), "event_date", f"{text.iat[i]!r} {order.undecided()}", None))
            else:
                read[int(i)] = day_month
        if read:
            years = _four_digit_years(pd.Series([values[i].year for i in read], dtype="str"))
            from_slashed.iloc[list(read)] = [
                f"{year}-{month:02d}-{day:02d}"
                for year, (day, month) in zip(years, read.values(), strict=True)
            ]
        if (told := order.notice("event_date")) is not None:
            notices.append(told)
    slashed_ok = from_slashed.notna()
    shaped = as_iso.notna() | (dmy["dd"].notna() & month.notna()) | slashed_ok
    candidate = as_iso.fillna(from_dmy.where(month.notna())).fillna(from_slashed.where(slashed_ok))
    candidate = candidate.where(shaped, "")
    date = pd.to_datetime(candidate, format="%Y-%m-%d", errors="coerce").astype("datetime64[s]")
    not_midnight = iso["time"].notna() & ~iso["time"].str.fullmatch(r"00:00(:00(\.0+)?)?")
    for i in np.flatnonzero((text == "").to_numpy()):
        found.append((int(i), "event_date", "is empty", None))
    for i in np.flatnonzero(((text != "") & ~shaped & ~is_slashed).to_numpy()):
        found.append(
            (
                int(i),
                "event_date",
                f"{text.iat[i]!r} is not a date in the form {_DATE_FORMS}",
                None,
            )
        )
    for i in np.flatnonzero((shaped & date.isna()).to_numpy()):
        found.append((int(i), "event_date", f"{text.iat[i]!r} is not a real date", None))
    for i in np.flatnonzero((not_midnight.fillna(False)).to_numpy()):
        found.append(
            (
                int(i),
                "event_date",
                f"{text.iat[i]!r} has a time of day; ACLED dates are whole days",
                None,
            )
        )
    return date, found, notices


def _four_digit_years(year: pd.Series) -> pd.Series:
    """Years as four digits: a two-digit one (Excel's ``9-May-20``, ``31-12-19``) is 19YY
    from :data:`_CENTURY_PIVOT` on, else 20YY; missing stays missing."""
    short = pd.to_numeric(year.where(year.str.len() == 2), errors="coerce")
    century = pd.Series(np.where(short >= _CENTURY_PIVOT, 1900, 2000), index=year.index)
    widened = (century + short).astype("Int64").astype("str")
    return year.where(year.str.len() != 2, widened)


def _check_rows(
    col: dict[str, pd.Series], ids_distinct: bool, apart: dict[str, str] | None = None
) -> list[tuple]:
    """Problems with ids, types and actors, in ACLED's terms.

    ``ids_distinct``: no id occurs twice (a sort found it; ids are hashed only if not).
    ``apart``: a monadic export's ids whose two rows differ, and where (:class:`MonadicJoin`).
    """
    found: list[tuple] = []
    report = _reporter(found)
    ids = col["event_id_cnty"]
    report(ids == "", "event_id_cnty", "is empty")
    if not ids_distinct:
        apart = apart or {}

        def word(record: int, first_row: int) -> str:
            said = duplicate_id_message(ids.iat[record], first_row)
            where = apart.get(ids.iat[record])
            return f"{said}: {where}" if where else said

        found += repeated_ids(ids, "event_id_cnty", word)
    report(col["event_type"] == "", "event_type", "is empty")
    report(col["actor1"] == "", "actor1", "is empty")
    return found


def _check_dated(precision: pd.Series, year: pd.Series, date: pd.Series) -> list[tuple]:
    """Problems with the precision and the year column (on distinct triples, see caller)."""
    found: list[tuple] = []
    report = _reporter(found)
    report(
        ~precision.isin(list(PRECISIONS)),
        "time_precision",
        lambda i: (
            f"unknown time precision {precision.iat[i]!r}; "
            "ACLED uses 1 (day), 2 (week) or 3 (month)"
        ),
    )
    coded_year = date.dt.year.astype("Int64").astype("str")
    report(
        (year != "") & date.notna() & (year != coded_year),
        "year",
        lambda i: f"{year.iat[i]!r} is not the year of event_date ({coded_year.iat[i]})",
    )
    return found


def _reporter(found: list[tuple]) -> Callable:
    def report(mask: pd.Series, column: str, message: Callable[[int], str] | str) -> None:
        for i in np.flatnonzero(np.asarray(mask, dtype=bool)):
            text = message(int(i)) if callable(message) else message
            found.append((int(i), column, text, None))

    return report


def _spans(date: pd.Series, precision: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Day: the date; week: date - 3 to date + 3; month: the date's calendar month."""
    half_week = pd.Timedelta(days=_WEEK_HALF_SPAN_DAYS)
    week, month = precision == "week", precision == "month"
    month_start = date - pd.to_timedelta(date.dt.day - 1, unit="D")
    month_end = date + pd.to_timedelta(date.dt.days_in_month - date.dt.day, unit="D")
    start = date.mask(week, date - half_week).mask(month, month_start)
    end = date.mask(week, date + half_week).mask(month, month_end)
    return start, end


def _event_types(kinds: pd.Series | Coded, subs: pd.Series | Coded) -> tuple[pd.Series, Counter]:
    """Our types, worked out once per distinct pair; unmapped pairs keep ACLED's label."""
    codes, (distinct_kinds, distinct_subs) = distinct_rows(kinds, subs)
    distinct = list(zip(distinct_kinds, distinct_subs, strict=True))
    ours = [map_event_type(kind, sub) for kind, sub in distinct]
    labels = np.array(
        [
            o if o is not None else kept_type_label(kind, sub)
            for o, (kind, sub) in zip(ours, distinct, strict=True)
        ],
        dtype=object,
    )
    result = spread(pd.Series(labels, dtype="str"), codes, kinds.index)
    counts = np.bincount(codes, minlength=len(distinct))
    unknown: Counter = Counter(
        {pair: int(counts[i]) for i, pair in enumerate(distinct) if ours[i] is None}
    )
    return result, unknown


#: Sub-event types that name no kind of event by themselves ("Strategic developments /
#: Other" shown as just "Other" reads as the Timeline's overflow lane or nothing at all).
_UNNAMED_SUBS = frozenset({"other"})


def kept_type_label(event_type: str, sub_event_type: str) -> str:
    """The label an ACLED pair outside our vocabulary keeps: its sub-event type, or both.

    The sub-event type alone when it names a kind of event ("Change to group/activity");
    with its event type when it does not ("Strategic developments: Other"); the event
    type when there is no sub-event type (legacy files).
    """
    if not sub_event_type:
        return event_type
    if _key(sub_event_type) in _UNNAMED_SUBS and event_type:
        return f"{event_type}: {sub_event_type}"
    return sub_event_type


def _split(value: str) -> list[str]:
    return schema.split_list(value)


def _join_unique(values: Sequence[str]) -> str:
    seen: dict[str, None] = {}
    for value in values:
        value = value.strip()
        if value:
            seen.setdefault(value, None)
    return schema.LIST_SEPARATOR.join(seen)


def _join_lists(main: pd.Series, associated: pd.Series) -> pd.Series:
    """``actor`` plus its ;-separated associates, trimmed, without repeats, in order."""
    joined = [_join_unique([a, *_split(b)]) for a, b in zip(main, associated, strict=True)]
    return pd.Series(joined, index=main.index, dtype="str")


def _titles(sub: pd.Series, kind: pd.Series, actor: pd.Series, place: pd.Series) -> pd.Series:
    """``<sub-event type>: <actor1> – <location>``, leaving out what is missing."""
    label = sub.where(sub != "", kind)
    where = (" – " + place).where(place != "", "")
    return label + ": " + actor + where


#: The tally's key counting the events (its other keys but one are unmapped type pairs).
_EVENTS = "events"

#: The tally's key counting the events of a monadic export joined from two rows.
JOINED = "joined"


def tally_notices(tally: Counter) -> list[str]:
    """The notices of what an import counted (:attr:`ImportResult.tally`)."""
    n = tally[_EVENTS]
    unknown = Counter(
        {pair: count for pair, count in tally.items() if pair not in (_EVENTS, JOINED)}
    )
    notices = [f"Imported {n:,} ACLED event{'s' if n != 1 else ''}."]
    if tally[JOINED]:
        joined = tally[JOINED]
        notices.append(
            f"{joined:,} event{'s' if joined != 1 else ''} of ACLED's monadic export (one row "
            "per actor) joined from two rows each: the first row's actor as actor 1, the "
            "second's as actor 2."
        )
    if unknown:
        listed = "; ".join(
            f"{kind} / {sub or '(none)'} ({count})"
            for (kind, sub), count in sorted(unknown.items())
        )
        total = sum(unknown.values())
        notices.append(
            f"{total:,} event{'s have' if total != 1 else ' has'} an ACLED type outside our "
            f"vocabulary, kept as given (event type / sub-event type, count): {listed}"
        )
    return notices
