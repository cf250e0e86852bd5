"""For every format: convert -> validate -> export -> load is lossless (hypothesis).

Random records are written in each source format's own layout, converted by the
registry, exported as our CSV and loaded back: the loaded table must equal the
converted one, column for column (our columns and every kept source column).
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
from dashboard.loading import parse_events

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


def records(draw_one):
    return st.lists(draw_one, min_size=1, max_size=6)


def _csv(rows: list[dict[str, str]], delimiter: str = ",", header: bool = True) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _round_trip(data: bytes) -> None:
    converted, _ = load_any_frame(data)
    reloaded = parse_events(export_csv(converted))
    pd.testing.assert_frame_equal(reloaded, converted)


acled_row = st.tuples(
    names,
    days,
    st.sampled_from("123"),
    st.sampled_from(ACLED_TYPES),
    names,
    names,
    names,
    st.booleans(),
)


@SETTINGS
@given(records(acled_row), st.sampled_from(["iso", "dmy"]))
def test_acled(rows, shape):
    table = []
    for i, (actor, day, precision, (kind, sub), other, country, place, iso) in enumerate(rows):
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
                "fatalities": str(i),
            }
        )
    _round_trip(_csv(table))


gdelt_row = st.tuples(
    names, names, st.sampled_from(["RUS", "USA", "MMR", ""]), days, st.sampled_from(CAMEO), names
)


@SETTINGS
@given(records(gdelt_row), st.sampled_from([57, 58, 61]))
def test_gdelt(rows, width):
    table = []
    for i, (a1, a2, country, day, code, place) in enumerate(rows):
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
        )
        table.append(row)
    _round_trip(_csv(table, "\t", header=False))


ucdp_row = st.tuples(
    names,
    names,
    names,
    days,
    st.integers(0, 400),
    st.sampled_from("12345"),
    st.sampled_from("123"),
    st.integers(0, 1000),
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
                "best": str(best),
                "low": str(best),
                "high": str(best * 2),
                "latitude": "16.8",
                "longitude": "96.15",
            }
        )
    _round_trip(_csv(table))


icews_row = st.tuples(names, names, names, days, st.sampled_from(CAMEO), names)


@SETTINGS
@given(records(icews_row))
def test_icews(rows):
    table = []
    for i, (source, target, country, day, code, city) in enumerate(rows):
        table.append(
            {
                "Event ID": str(i + 1),
                "Event Date": day.isoformat(),
                "Source Name": source,
                "Source Country": country,
                "Event Text": "",
                "CAMEO Code": code,
                "Intensity": "1.0",
                "Target Name": target,
                "Target Country": "",
                "City": city,
                "Country": country,
                "Publisher": "Example",
            }
        )
    _round_trip(_csv(table, "\t"))


@SETTINGS
@given(records(st.tuples(names, names, days)))
def test_mapped(rows):
    from dashboard.mapping import ColumnMapping

    data = _csv([{"what": w, "where": p, "time": d.strftime("%B %d, %Y")} for w, p, d in rows])
    mapping = ColumnMapping(
        {"when": "time", "title": "what", "countries": "where"}, {"event_type": "visit"}
    )
    converted, _ = load_any_frame(data, mapping=mapping)
    reloaded = parse_events(export_csv(converted))
    pd.testing.assert_frame_equal(reloaded, converted)
