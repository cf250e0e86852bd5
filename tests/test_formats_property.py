"""For every format: convert -> validate -> export -> load is lossless (hypothesis).

Random records are written in each source format's own layout, converted by the
registry, exported as our CSV and loaded back: the loaded table must equal the
converted one, column for column (our columns and every kept source column), and
the source's numbers (fatalities, deaths, Goldstein scores...) stay numbers of the
same value: typed columns (:mod:`dashboard.coltypes`) survive the round trip.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.export import export_csv
from dashboard.gdelt import COLUMNS as GDELT_COLUMNS
from dashboard.importing import load_any_frame

SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Names: letters (any script), digits, spaces and punctuation a CSV must quote; no tabs or
# quotes (GDELT and ICEWS files are unquoted), never a format's missing-value token.
_ALPHABET = st.characters(
    categories=("L", "N", "Zs", "Pd", "Po"), exclude_characters="\t\"';\u2028\u2029\x85"
)
names = (
    st.text(_ALPHABET, min_size=1, max_size=16)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: s and s not in {"NA", "NULL"})
)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
ACLED_TYPES = [
    ("Battles", "Armed clash"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Other"),
    ("Riots", "Mob violence"),
]
CAMEO = ["042", "80", "0211", "111", "141", "173", "190", "057"]
#: A source's whole numbers and decimals (None: the cell is empty, i.e. missing).
counts = st.none() | st.integers(0, 10**12)
scores = st.none() | st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


def _cell(value) -> str:
    return "" if value is None else repr(value)


def records(draw_one):
    return st.lists(draw_one, min_size=1, max_size=6)


def _csv(rows: list[dict[str, str]], delimiter: str = ",", header: bool = True) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _round_trip(data: bytes, typed: dict[str, list] | None = None, **options) -> None:
    """convert -> export -> load gives the same frame; ``typed`` columns hold those numbers
    (whole numbers as ``Int64``, the others as ``float64``; None is missing)."""
    converted, _ = load_any_frame(data, **options)
    reloaded, _ = load_any_frame(export_csv(converted))
    pd.testing.assert_frame_equal(reloaded, converted)
    for column, values in (typed or {}).items():
        kind = "float64" if column in FLOAT_COLUMNS else "Int64"
        expected = pd.Series(values, dtype=kind, name=column)
        pd.testing.assert_series_equal(converted[column], expected, check_index=False)


FLOAT_COLUMNS = {"GoldsteinScale", "Intensity"}


acled_row = st.tuples(
    names,
    days,
    st.sampled_from("123"),
    st.sampled_from(ACLED_TYPES),
    names,
    names,
    names,
    st.booleans(),
    counts,
)


@SETTINGS
@given(records(acled_row), st.sampled_from(["iso", "dmy"]))
def test_acled(rows, shape):
    table = []
    for i, row in enumerate(rows):
        actor, day, precision, (kind, sub), other, country, place, iso, fatalities = row
        written = day.isoformat() if shape == "iso" else day.strftime("%d %B %Y")
        table.append(
            {
                "event_id_cnty": f"X{i}",
                "event_date": written,
                "year": str(day.year),
                "time_precision": precision,
                "event_type": kind,
                "sub_event_type": sub,
                "actor1": actor,
                "actor2": other if iso else "",
                "country": country,
                "location": place,
                "fatalities": _cell(fatalities),
            }
        )
    _round_trip(_csv(table), {"fatalities": [row[-1] for row in rows]})


gdelt_row = st.tuples(
    names,
    names,
    st.sampled_from(["RUS", "USA", "MMR", ""]),
    days,
    st.sampled_from(CAMEO),
    names,
    scores,
    counts,
)


@SETTINGS
@given(records(gdelt_row), st.sampled_from([57, 58, 61]))
def test_gdelt(rows, width):
    table = []
    for i, (a1, a2, country, day, code, place, goldstein, mentions) in enumerate(rows):
        row = dict.fromkeys(GDELT_COLUMNS[width], "")
        row.update(
            GLOBALEVENTID=str(1000 + i),
            SQLDATE=day.strftime("%Y%m%d"),
            Actor1Name=a1,
            Actor2Name=a2,
            Actor1CountryCode=country,
            EventCode=code,
            QuadClass="1",
            ActionGeo_FullName=place,
            ActionGeo_CountryCode="BM",
            GoldsteinScale=_cell(goldstein),
            NumMentions=_cell(mentions),
        )
        table.append(row)
    typed = {"GoldsteinScale": [r[6] for r in rows], "NumMentions": [r[7] for r in rows]}
    _round_trip(_csv(table, "\t", header=False), typed)


ucdp_row = st.tuples(
    names,
    names,
    names,
    days,
    st.integers(0, 400),
    st.sampled_from("12345"),
    st.sampled_from("123"),
    counts,
)


@SETTINGS
@given(records(ucdp_row))
def test_ucdp(rows):
    table = []
    for i, (a, b, country, day, length, precision, kind, best) in enumerate(rows):
        end = min(day + dt.timedelta(days=length if precision != "1" else 0), dt.date(2030, 12, 31))
        table.append(
            {
                "id": str(i + 1),
                "type_of_violence": kind,
                "side_a": a,
                "side_b": b,
                "country": country,
                "date_prec": precision,
                "date_start": day.isoformat(),
                "date_end": end.isoformat(),
                "best": _cell(best),
                "low": _cell(best),
                "high": _cell(None if best is None else best * 2),
                "latitude": "16.8",
                "longitude": "96.15",
            }
        )
    best = [row[-1] for row in rows]
    high = [None if b is None else b * 2 for b in best]
    _round_trip(_csv(table), {"best": best, "low": best, "high": high})


icews_row = st.tuples(names, names, names, days, st.sampled_from(CAMEO), names, scores)


@SETTINGS
@given(records(icews_row))
def test_icews(rows):
    table = []
    for i, (source, target, country, day, code, city, intensity) in enumerate(rows):
        table.append(
            {
                "Event ID": str(i + 1),
                "Event Date": day.isoformat(),
                "Source Name": source,
                "Source Country": country,
                "Event Text": "",
                "CAMEO Code": code,
                "Intensity": _cell(intensity),
                "Target Name": target,
                "Target Country": "",
                "City": city,
                "Country": country,
                "Publisher": "Example",
            }
        )
    _round_trip(_csv(table, "\t"), {"Intensity": [row[-1] for row in rows]})


@SETTINGS
@given(records(st.tuples(names, names, days, counts)))
def test_mapped(rows):
    from dashboard.mapping import ColumnMapping

    data = _csv(
        [
            {"what": w, "where": p, "time": d.strftime("%B %d, %Y"), "fatalities": _cell(f)}
            for w, p, d, f in rows
        ]
    )
    mapping = ColumnMapping(
        {"when": "time", "title": "what", "countries": "where"}, {"event_type": "visit"}
    )
    _round_trip(data, {"fatalities": [row[-1] for row in rows]}, mapping=mapping)
