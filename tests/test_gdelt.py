"""GDELT 1.0/2.0 events in each shape: headerless exports, SQL dumps, headered CSVs."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard import cameo
from dashboard.cli import main
from dashboard.importing import load_any_frame
from dashboard.loading import parse_events

SHAPES = Path(__file__).parent / "data" / "formats"
NAMES = [
    "gdelt2.export.CSV",
    "gdelt1.export.CSV",
    "gdelt1_backfile.CSV",
    "gdelt_sql_dump.csv",
    "gdelt_bigquery.csv",
]
KEPT = ["event_id", "start_date", "end_date", "event_type", "actors", "recipients", "countries"]


@pytest.mark.parametrize("name", NAMES)
def test_every_shape_gives_the_same_events(name, tmp_path):
    events, notices = load_any_frame(SHAPES / name)
    reference, _ = load_any_frame(SHAPES / "gdelt2.export.CSV")
    assert notices[0] == "Imported 7 GDELT events."
    pd.testing.assert_frame_equal(events[KEPT], reference[KEPT])
    assert events["cameo_code"].tolist() == ["042", "0211", "080", "190", "141", "173", "057"]
    for column in ("actors", "recipients", "countries", "location"):
        assert not events[column].isin(["NULL", "NA"]).any()
    out = tmp_path / "out.csv"
    assert main(["convert", str(SHAPES / name), "-o", str(out)], io.StringIO(), io.StringIO()) == 0
    err = io.StringIO()
    assert main(["validate", str(out)], io.StringIO(), err) == 0, err.getvalue()
    assert parse_events(out.read_bytes())["event_id"].tolist() == events["event_id"].tolist()


def test_mapping_of_one_record():
    events, _ = load_any_frame(SHAPES / "gdelt2.export.CSV")
    first = events.iloc[0]
    assert first["event_id"] == "1001"
    assert (first["start_date"], first["end_date"]) == (pd.Timestamp("2022-08-03"),) * 2
    assert first["date_precision"] == "day"
    assert first["event_type"] == "visit"
    assert first["plover"] == "CONSULT"
    assert first["quad_class"] == "verbal cooperation"
    # Actor codes are ISO alpha-3; ActionGeo_CountryCode is FIPS 10-4 (BM = Burma).
    assert first["countries"] == "Russia;Myanmar"
    assert first["location"] == "Naypyidaw, Mandalay, Burma"
    assert (first["latitude"], first["longitude"]) == ("19.745", "96.1297")
    assert first["source"] == "https://news.example.org/1001"
    assert first["GoldsteinScale"] == 1.9
    assert events["GoldsteinScale"].dtype == "float64"
    assert str(events["NumMentions"].dtype) == "Int64"
    assert events["EventCode"].dtype == "str"  # CAMEO codes stay text (leading zeros)
    by_id = events.set_index("event_id")
    assert by_id.at["1005", "countries"] == "Myanmar;Thailand"  # protest held in Thailand
    assert by_id.at["1006", "event_type"] == "coerce"
    assert by_id.at["1006", "type_vocabulary"] == "CAMEO"


@pytest.mark.parametrize(
    "given,expected",
    [
        ("80", "080"),
        ("080", "080"),
        ("211", "0211"),
        ("0211", "0211"),
        ("111", "111"),
        ("1", "01"),
        ("190", "190"),
        ("1823", "1823"),
    ],
)
def test_cameo_leading_zero_is_restored(given, expected):
    assert cameo.normalise(pd.Series([given], dtype="str")).item() == expected


def test_bad_records_are_named_by_their_line():
    lines = (SHAPES / "gdelt2.export.CSV").read_text(encoding="utf-8").splitlines()
    fields = lines[2].split("\t")
    fields[1], fields[26] = "2022-08-05", "21x"
    lines[2] = "\t".join(fields)
    with pytest.raises(Exception) as caught:
        load_any_frame(("\n".join(lines) + "\n").encode())
    assert [str(p) for p in caught.value.problems] == [
        "row 3, column EventCode: '21x' is not a CAMEO event code (3 or 4 digits, root 01-20)",
        "row 3, column SQLDATE: '2022-08-05' is not a date in the form YYYYMMDD",
    ]


@pytest.mark.parametrize("extra", [1, -1])
def test_a_record_with_another_number_of_fields_is_named_by_its_own_line(extra):
    """A headerless export has no header line: the row named is the record's own line
    (not one more, for the column names the reader lays over the file), and the message
    does not speak of a header the file does not have."""
    lines = (SHAPES / "gdelt2.export.CSV").read_text(encoding="utf-8").splitlines()
    fields = lines[2].split("\t")
    lines[2] = "\t".join([*fields, "stray"] if extra > 0 else fields[:-1])
    with pytest.raises(Exception) as caught:
        load_any_frame(("\n".join(lines) + "\n").encode())
    expected = f"has {len(fields) + extra} fields, the other records have {len(fields)}"
    assert [str(p) for p in caught.value.problems] == [f"row 3: {expected}"]


def test_a_repeated_id_is_named_by_its_line_and_nothing_converts():
    lines = (SHAPES / "gdelt2.export.CSV").read_text(encoding="utf-8").splitlines()
    first, third = lines[0].split("\t"), lines[2].split("\t")
    third[0] = first[0]
    lines[2] = "\t".join(third)
    with pytest.raises(Exception) as caught:
        load_any_frame(("\n".join(lines) + "\n").encode())
    assert [str(p) for p in caught.value.problems] == [
        f"row 3, column GLOBALEVENTID: duplicate id {first[0]!r}, first used on row 1"
    ]


REAL = Path(__file__).parent / "data" / "real" / "gdelt1_daily_and_backfile_sample.CSV"


def test_a_real_file_mixing_daily_and_back_file_records_converts_whole():
    """Real GDELT 1.0 rows (tests/data/real/SOURCES.md): 30 daily records of 2016 (58
    fields) then 20 back-file records of 1982 (57 fields, no SOURCEURL), concatenated."""
    events, notices = load_any_frame(REAL)
    assert notices[0].startswith("20 records of a GDELT 1.0 back file (57 columns")
    assert len(events) == 50 and events["event_id"].is_unique
    by_id = events.set_index("event_id")
    # The first daily record: SQLDATE 20060731 (an old event reported in 2016).
    assert by_id.at["564111644", "start_date"] == pd.Timestamp("2006-07-31")
    assert by_id.at["564111644", "source"].startswith("http://wtop.com/")
    assert by_id.at["564111644", "GoldsteinScale"] == 0.0
    assert by_id.at["564111654", "GoldsteinScale"] == 5.0
    # A back-file record: its day, no source, its numbers typed like the daily ones.
    assert by_id.at["1552829", "start_date"] == pd.Timestamp("1982-01-02")
    assert by_id.at["1552829", "source"] == ""
    assert by_id.at["1552829", "DATEADDED"] == 20130203
    assert str(events["NumMentions"].dtype) == "Int64"
    assert events["AvgTone"].dtype == "float64"
