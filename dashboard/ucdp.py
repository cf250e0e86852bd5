"""UCDP GED (Georeferenced Event Dataset) records mapped onto our schema.

Column by column (also in docs/formats.md):

* ``id`` -> ``event_id``;
* ``date_start``/``date_end`` + ``date_prec`` -> the span and its precision: 1 (the
  day is known) -> ``day`` (a multi-day span keeps its days); 2 (within 2-6 days) ->
  ``week``; 3 (within a month) -> ``month``, 4 (within a year) and 5 (more than a year)
  -> ``year``, the span widened to whole months or years so it holds UCDP's; the
  notes say how it was read;
* ``type_of_violence`` 1 (state-based) and 2 (non-state) -> ``armed clash``,
  3 (one-sided) -> ``violence against civilians``;
* ``side_a`` -> ``actors``, ``side_b`` -> ``recipients``; ``country`` (its former name
  in brackets left out: ``Myanmar (Burma)`` -> ``Myanmar``) and the sides' countries
  the actors directory knows -> ``countries``;
* ``where_coordinates`` -> ``location``; ``source_article`` -> ``source``;
* every UCDP column is kept as given (``best``, ``low``, ``high`` deaths, ``adm_1``,
  ``latitude``, ``longitude``, ...).

The HDX re-publication has a second header row of ``#hashtags``; it is skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import numpy as np
import pandas as pd

from dashboard.actors import ActorDirectory
from dashboard.countries import common_names
from dashboard.sourcemap import RowChecks, finish, iso, join_unique, pick

SIGNATURE: tuple[str, ...] = ("id", "date_prec", "date_start", "date_end", "type_of_violence")
#: GED's columns in its CSV's order (GED 22.1 and later): the names of a file published
#: without its header row (:func:`is_headerless_row`).
GED_COLUMNS: tuple[str, ...] = (
    *("id", "relid", "year", "active_year", "code_status", "type_of_violence"),
    *("conflict_dset_id", "conflict_new_id", "conflict_name"),
    *("dyad_dset_id", "dyad_new_id", "dyad_name"),
    *("side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b"),
    *("number_of_sources", "source_article", "source_office", "source_date"),
    *("source_headline", "source_original"),
    *("where_prec", "where_coordinates", "where_description", "adm_1", "adm_2"),
    *("latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region"),
    *("event_clarity", "date_prec", "date_start", "date_end"),
    *("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low"),
    *("gwnoa", "gwnob"),
)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[ T])")
#: Said of a file read as GED without its header row.
HEADERLESS_NOTICE = (
    "The file has no header row: its first row is a UCDP GED record, so its columns were "
    "read as GED's ({count} columns, id … gwnob)."
)


def is_headerless_row(first: tuple[str, ...]) -> bool:
    """A first row that is a GED record, not a header (UCDP's Candidate events have been
    published so): GED's number of fields, a numeric id, a year, ``type_of_violence``
    1-3, ``date_prec`` 1-5, and ISO dates where ``date_start`` and ``date_end`` stand.
    A file whose columns stand in another order fails these and is not read so."""
    if len(first) != len(GED_COLUMNS):
        return False
    value = {name: text.strip() for name, text in zip(GED_COLUMNS, first, strict=True)}
    return (
        value["id"].isdigit()
        and re.fullmatch(r"\d{4}", value["year"]) is not None
        and value["type_of_violence"] in {"1", "2", "3"}
        and value["date_prec"] in {"1", "2", "3", "4", "5"}
        and all(_ISO_DAY.match(value[name]) for name in ("date_start", "date_end"))
    )


MISSING_VALUES: frozenset[str] = frozenset({"NA", "NULL"})

#: The types of UCDP GED's columns (:mod:`dashboard.coltypes`): deaths, ids and codes
#: are whole numbers; latitude/longitude become ours; names and texts are text.
COLUMN_TYPES: dict[str, str] = {
    **{name: "int" for name in ("best", "low", "high", "deaths_a", "deaths_b")},
    **{name: "int" for name in ("deaths_civilians", "deaths_unknown", "year")},
    **{name: "int" for name in ("where_prec", "event_clarity", "number_of_sources")},
    **{name: "int" for name in ("conflict_new_id", "dyad_new_id", "side_a_new_id")},
    **{name: "int" for name in ("side_b_new_id", "priogrid_gid", "country_id")},
    **{name: "text" for name in ("id", "relid", "gwnoa", "gwnob", "adm_1", "adm_2")},
}

TYPES: dict[str, str] = {
    "1": "armed clash",
    "2": "armed clash",
    "3": "violence against civilians",
}
_PRECISION_NAMES: dict[str, str] = {
    "1": "the day is known",
    "2": "within 2-6 days",
    "3": "within a month",
    "4": "within a year",
    "5": "more than a year",
}
_DATE = r"(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?"


def _days_text(first: pd.Series, last: pd.Series) -> pd.Series:
    """UCDP's dates as it means them: days (GED writes each as midnight, ``T00:00:00``, a
    time it does not know), one day where ``date_start`` and ``date_end`` are the same."""
    return first.where(first == last, first + " – " + last).astype("str")


def is_ucdp(columns: tuple[str, ...]) -> bool:
    folded = {str(c).strip().casefold() for c in columns}
    return all(name in folded for name in SIGNATURE)


def is_hashtag_row(frame: pd.DataFrame) -> bool:
    """HDX's second header row: every non-empty value of the first record starts with ``#``."""
    if frame.empty:
        return False
    first = [str(v).strip() for v in frame.iloc[0] if str(v).strip()]
    return bool(first) and all(v.startswith("#") for v in first)


def skip_hashtag_row(
    frame: pd.DataFrame, record_rows: Callable[[int], np.ndarray]
) -> tuple[pd.DataFrame, Callable[[int], np.ndarray], list[str]]:
    """The frame without HDX's #hashtag row (when it has one), its records' rows, notices."""
    if not is_hashtag_row(frame):
        return frame, record_rows, []

    def rows(n: int) -> np.ndarray:
        return record_rows(n + 1)[1:]

    notice = "Skipped the HDX #hashtag row (row 2)."
    return frame.iloc[1:].reset_index(drop=True), rows, [notice]


def convert_ucdp_frame(
    frame: pd.DataFrame,
    *,
    directory: ActorDirectory,
    record_rows: Callable[[int], np.ndarray],
    on_ids: Callable[[pd.Series], None] | None = None,
) -> tuple[pd.DataFrame, Counter]:
    """Map an all-text UCDP GED frame (its HDX #hashtag row skipped) onto our schema.

    Returns the events and what was counted (:func:`tally_notices` words it; the
    tallies of a file's chunks add up). ``on_ids(ids)``: handed the ids once read, even
    when the checks then refuse the records.
    """
    n = len(frame)
    ids = pick(frame, "id")
    if on_ids is not None:
        on_ids(ids)
    precision = pick(frame, "date_prec")
    violence = pick(frame, "type_of_violence")
    checks = RowChecks()
    ids_distinct = checks.ids(ids, "id")
    dates, days = {}, {}
    for column in ("date_start", "date_end"):
        text = pick(frame, column)
        day = days[column] = text.str.extract(f"^{_DATE}$")[0]
        dates[column] = pd.to_datetime(day, format="%Y-%m-%d", errors="coerce").astype(
            "datetime64[s]"
        )
        checks.report(
            dates[column].isna(),
            column,
            lambda i, t=text: f"{t.iat[i]!r} is not a date in the form YYYY-MM-DD",
        )
    start, end = dates["date_start"], dates["date_end"]
    checks.report(start.notna() & end.notna() & (end < start), "date_end", "is before date_start")
    checks.report(
        ~precision.isin(list(_PRECISION_NAMES)),
        "date_prec",
        lambda i: f"unknown date_prec {precision.iat[i]!r}; UCDP uses 1 to 5",
    )
    checks.report(
        ~violence.isin(list(TYPES)),
        "type_of_violence",
        lambda i: f"unknown type_of_violence {violence.iat[i]!r}; UCDP uses 1, 2 or 3",
    )
    checks.raise_if_any(record_rows, n)

    ours_precision, span_start, span_end = _spans(precision, start, end)
    side_a, side_b = pick(frame, "side_a"), pick(frame, "side_b")
    country = common_names(pick(frame, "country").str.replace(r"\s*\([^)]*\)$", "", regex=True))
    types = violence.map(TYPES).astype("str")
    title = types.str.capitalize() + ": " + side_a + (" – " + side_b).where(side_b != "", "")
    read = (
        "UCDP date_prec "
        + precision
        + " ("
        + precision.map(_PRECISION_NAMES)
        + "): "
        + iso(start)
        + " to "
        + iso(end)
        + "."
    )
    ours = {
        "event_id": ids,
        "start_date": iso(span_start),
        "end_date": iso(span_end),
        "date_precision": ours_precision,
        "event_type": types,
        "title": title,
        "date_text": _days_text(days["date_start"], days["date_end"]),
        "actors": side_a,
        "recipients": side_b,
        "countries": join_unique(
            [
                country,
                side_a.map(directory.country_or_named),
                side_b.map(directory.country_or_named),
            ]
        ),
        "location": pick(frame, "where_coordinates"),
        "source": pick(frame, "source_article"),
        "notes": read,
    }
    events = finish(ours, frame, record_rows, prefix="ucdp", ids_distinct=ids_distinct)
    return events, Counter(events=n)


def tally_notices(tally: Counter) -> list[str]:
    """The notices of what an import counted (:func:`convert_ucdp_frame`)."""
    n = tally["events"]
    return [f"Imported {n:,} UCDP GED event{'s' if n != 1 else ''}."]


def _spans(
    precision: pd.Series, start: pd.Series, end: pd.Series
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Our precision and a span holding UCDP's, whole months or years where ours needs them."""
    days = (end - start).dt.days
    week = (precision == "2") & (days < 14)
    month = (precision == "3") | ((precision == "2") & ~week)
    year = precision.isin(["4", "5"])
    ours = pd.Series(
        np.select([week, month, year], ["week", "month", "year"], "day"), index=precision.index
    ).astype("str")
    month_start = start - pd.to_timedelta(start.dt.day - 1, unit="D")
    month_end = end + pd.to_timedelta(end.dt.days_in_month - end.dt.day, unit="D")
    year_start = pd.to_datetime(start.dt.year.astype("str") + "-01-01").astype("datetime64[s]")
    year_end = pd.to_datetime(end.dt.year.astype("str") + "-12-31").astype("datetime64[s]")
    span_start = start.mask(month, month_start).mask(year, year_start)
    span_end = end.mask(month, month_end).mask(year, year_end)
    return ours, span_start, span_end
