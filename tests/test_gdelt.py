"""GDELT 1.0/2.0 events in each shape: headerless exports, SQL dumps, headered CSVs."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard import cameo, gdelt
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
    # When GDELT added it, as a date (session 26; it was the whole number 20130203).
    assert by_id.at["1552829", "DATEADDED"] == "2013-02-03"
    assert str(events["NumMentions"].dtype) == "Int64"
    assert events["AvgTone"].dtype == "float64"


def _record(event_id: int, **given: str) -> str:
    """A headerless GDELT 2.0 record (61 fields) with the given columns, the rest plain."""
    values = dict.fromkeys(gdelt.COLUMNS[61], "")
    values.update(
        GLOBALEVENTID=str(event_id),
        SQLDATE="20220803",
        EventCode="042",
        QuadClass="1",
        ActionGeo_CountryCode="KE",
        ActionGeo_FullName="Nairobi, Nairobi Area, Kenya",
    )
    values.update(given)
    return "\t".join(values.values())


def _actor(n: int, code: str, name: str, **parts: str) -> dict[str, str]:
    return {f"Actor{n}Code": code, f"Actor{n}Name": name} | {
        f"Actor{n}{part}": value for part, value in parts.items()
    }


def test_an_actor_coded_only_by_its_role_is_no_actor_and_the_title_keeps_it():
    """GDELT names an actor it could tie to no country, group, ethnicity or religion by its
    role alone ('POLICE', 'PRESIDENT'): one such name stands for many actors of many
    countries (a real 2.0 export: 195 names, 1,120 of its 3,517 actor names), so it is no
    actor; an actor coded with any of those keeps its name."""
    records = [
        _record(
            1,
            **_actor(1, "COP", "POLICE", Type1Code="COP"),
            **_actor(2, "KEN", "KENYA", CountryCode="KEN"),
        ),
        _record(
            2,
            **_actor(1, "GOV", "PRESIDENT", Type1Code="GOV"),
            **_actor(2, "EDU", "STUDENT", Type1Code="EDU"),
        ),
        _record(
            3,
            **_actor(1, "BUS", "COMPANY", Type1Code="BUS"),
            **_actor(2, "IGOUNO", "UNITED NATIONS", KnownGroupCode="UNO"),
        ),
        _record(
            4,
            **_actor(1, "kur", "KURD", EthnicCode="kur"),
            **_actor(2, "CHR", "CHRISTIAN", Religion1Code="CHR"),
        ),
        _record(5, **_actor(1, "USACOP", "POLICE", CountryCode="USA", Type1Code="COP")),
    ]
    events, notices = load_any_frame(("\n".join(records) + "\n").encode())
    assert events["actors"].tolist() == ["", "", "", "KURD", "POLICE"]
    # KENYA, coded as the country alone, is the country as we name it (session 26).
    assert events["recipients"].tolist() == ["Kenya", "", "UNITED NATIONS", "CHRISTIAN", ""]
    assert events["title"].tolist() == [
        "Visit: POLICE – KENYA",
        "Visit: PRESIDENT – STUDENT",
        "Visit: COMPANY – UNITED NATIONS",
        "Visit: KURD – CHRISTIAN",
        "Visit: POLICE",
    ]
    assert events["Actor1Name"].tolist()[:3] == ["POLICE", "PRESIDENT", "COMPANY"]  # kept
    assert events["countries"].tolist()[1] == "Kenya"
    assert (
        "4 actor names that are a role alone (GDELT ties them to no country, group, "
        "ethnicity or religion: 'POLICE', 'PRESIDENT', 'COMPANY' …) left without an actor; "
        "the titles and Actor1Name/Actor2Name keep them." in notices
    )


def test_a_table_without_gdelts_actor_codes_keeps_every_name():
    """A headered extract of a few columns cannot tell a role from a name: nothing is dropped."""
    data = (
        b"GLOBALEVENTID,SQLDATE,EventCode,Actor1Name,Actor2Name,Actor1Type1Code\n"
        b"1,20220803,042,POLICE,KENYA,COP\n"
    )
    events, notices = load_any_frame(data)
    assert events["actors"].tolist() == ["POLICE"]
    assert not any("left without an actor" in notice for notice in notices)


REAL_2 = Path(__file__).parent / "data" / "real" / "gdelt2_20191024143000_export_sample.CSV"


def test_a_real_2_0_export_names_no_role_as_an_actor():
    """32 records of a real GDELT 2.0 export as downloaded (tests/data/real/SOURCES.md)."""
    events, notices = load_any_frame(REAL_2)
    assert len(events) == 32 and events["event_id"].is_unique
    # What the file's own code columns say are roles alone, counted from the file.
    fields = [line.split("\t") for line in REAL_2.read_text(encoding="utf-8").splitlines()]
    identity = {
        n: [gdelt.COLUMNS[61].index(f"Actor{n}{p}") for p in gdelt._IDENTITY] for n in (1, 2)
    }
    name_at = {n: gdelt.COLUMNS[61].index(f"Actor{n}Name") for n in (1, 2)}
    roles = sum(
        1
        for record in fields
        for n in (1, 2)
        if record[name_at[n]] and not any(record[i] for i in identity[n])
    )
    assert roles > 10
    assert any(
        notice.startswith(f"{roles:,} actor names that are a role alone") for notice in notices
    )
    by_id = events.set_index("event_id")
    for column, roles in (("actors", ["POLICE", "PRESIDENT"]), ("recipients", ["STUDENT"])):
        named = {name for names in events[column] for name in names.split(";") if name}
        assert not named & set(roles), (column, named & set(roles))
    assert {"KURD", "CHRISTIAN", "WORLD BANK"} <= {
        name for column in ("actors", "recipients") for name in events[column]
    }
    # One country, one actor (session 26): GDELT's GERMAN, UNITED KINGDOM, BRITISH … are
    # the countries as we name them; the UK's civilians are theirs.
    named = {name for column in ("actors", "recipients") for name in events[column]}
    assert {"Germany", "United Kingdom", "Civilians (United Kingdom)"} <= named
    assert not {"GERMAN", "GERMANY", "UNITED KINGDOM", "BRITISH"} & named
    # SQLDATE a year before DATEADDED is GDELT's own (an anniversary); the day is as given.
    assert by_id.at["881990832", "start_date"] == pd.Timestamp("2018-10-24")
    # GDELT 2.0 adds records every 15 minutes: DATEADDED is when, in UTC (session 26; it
    # was the whole number 20191024143000).
    assert by_id.at["881990832", "DATEADDED"] == "2019-10-24T14:30:00Z"


# Session 26: one country, one actor; DATEADDED a date.


@pytest.mark.parametrize(
    "name,parts,expected",
    [
        # (Actor1Name, its codes, the actor): the country's name, another of its names,
        # its people's, "the" before it, in any case, coded as the country or its
        # government: the country as we name it.
        ("UNITED STATES", {"CountryCode": "USA"}, "United States"),
        ("THE US", {"CountryCode": "USA"}, "United States"),
        ("AMERICAN", {"CountryCode": "USA"}, "United States"),
        ("WASHINGTON", {"CountryCode": "USA"}, "United States"),
        ("UNITED STATES", {"CountryCode": "USA", "Type1Code": "GOV"}, "United States"),
        ("BRITISH", {"CountryCode": "GBR"}, "United Kingdom"),
        ("Britain", {"CountryCode": "GBR", "Type1Code": "GOV"}, "United Kingdom"),
        ("the Netherlands", {"CountryCode": "NLD"}, "Netherlands"),
        # Under another role: those people of that country, named as ACLED names them.
        ("UNITED STATES", {"CountryCode": "USA", "Type1Code": "COP"}, "Police (United States)"),
        ("CHINESE", {"CountryCode": "CHN", "Type1Code": "CVL"}, "Civilians (China)"),
        (
            "SRI LANKA",
            {"CountryCode": "LKA", "Type1Code": "GOV", "Type2Code": "MIL"},
            "Military (Sri Lanka)",
        ),
        ("CHINA", {"CountryCode": "CHN", "Type1Code": "XYZ"}, "XYZ (China)"),
        # Kept as written: a capital or city, a region, another country's code, a group.
        ("PARIS", {"CountryCode": "FRA"}, "PARIS"),
        ("PITTSBURGH", {"CountryCode": "USA"}, "PITTSBURGH"),
        ("AFRICA", {"CountryCode": "AFR"}, "AFRICA"),
        ("CHINA", {"CountryCode": "USA"}, "CHINA"),
        ("RUSSIAN", {"CountryCode": "RUS", "EthnicCode": "rus"}, "RUSSIAN"),
        ("IRAN", {"CountryCode": "IRN", "KnownGroupCode": "OPC"}, "IRAN"),
    ],
)
def test_a_name_that_only_names_a_country_is_that_country(name, parts, expected):
    record = _record(1, **_actor(1, "X", name, **parts), **_actor(2, "X", name, **parts))
    events, _ = load_any_frame((record + "\n").encode())
    assert events["actors"].tolist() == events["recipients"].tolist() == [expected]
    assert events["title"].iat[0] == f"Visit: {name} – {name}"  # GDELT's names kept
    assert events["Actor1Name"].iat[0] == name


def test_the_names_of_one_country_are_one_actor_and_a_notice_says_which():
    """A real 2.0 export named the United States 'UNITED STATES', 'AMERICAN',
    'WASHINGTON', 'THE US' …: four nodes in the network, four lines in the busiest list
    (51 countries so in one file). They are one actor now; the notice names them."""
    names = ["UNITED STATES", "AMERICAN", "THE US", "WASHINGTON", "RUSSIA", "RUSSIAN"]
    codes = ["USA"] * 4 + ["RUS"] * 2
    records = [
        _record(i, **_actor(1, code, name, CountryCode=code))
        for i, (name, code) in enumerate(zip(names, codes, strict=True), 1)
    ]
    events, notices = load_any_frame(("\n".join(records) + "\n").encode())
    assert events["actors"].tolist() == ["United States"] * 4 + ["Russia"] * 2
    assert (
        "6 actor names that only name a country (its name, another of its names or its "
        "people's, coded as that country) read as the country, or as its people of the "
        "role coded: 'AMERICAN', 'THE US', 'UNITED STATES' … → United States; 'RUSSIA', "
        "'RUSSIAN' → Russia; the titles and Actor1Name/Actor2Name keep them." in notices
    )


def test_a_table_without_gdelts_actor_codes_keeps_country_names_as_written():
    data = (
        b"GLOBALEVENTID,SQLDATE,EventCode,Actor1Name,Actor1CountryCode\n1,20220803,042,THE US,USA\n"
    )
    events, notices = load_any_frame(data)
    assert events["actors"].tolist() == ["THE US"]
    assert not any("only name a country" in notice for notice in notices)


@pytest.mark.parametrize(
    "added,expected",
    [
        ("20191024143000", "2019-10-24T14:30:00Z"),  # GDELT 2.0: UTC, every 15 minutes
        ("20160728", "2016-07-28"),  # GDELT 1.0: the day
        ("", ""),
    ],
)
def test_dateadded_is_read_as_the_date_and_time_it_says(added, expected, tmp_path):
    events, _ = load_any_frame((_record(1, DATEADDED=added) + "\n").encode())
    assert events["DATEADDED"].tolist() == [expected]
    # Converted and loaded back, it stays that text (it was declared a whole number).
    out = tmp_path / "events.csv"
    source = tmp_path / "gdelt.CSV"
    source.write_text(_record(1, DATEADDED=added) + "\n", encoding="utf-8")
    assert main(["convert", str(source), "-o", str(out)], io.StringIO(), io.StringIO()) == 0
    again, _ = load_any_frame(out)
    assert again["DATEADDED"].tolist() == [expected]


@pytest.mark.parametrize("added", ["20191324143000", "2019102414", "2019-10-24", "20190230"])
def test_a_dateadded_that_is_no_date_and_time_is_said_by_row_and_column(added):
    """DATEADDED is no event column's source (SQLDATE dates the event): one malformed
    cell refused the whole file. It is left empty and said; the event is read."""
    records = [_record(1, DATEADDED="20191024143000"), _record(2, DATEADDED=added)]
    events, notices = load_any_frame(("\n".join(records) + "\n").encode())
    assert events["event_id"].tolist() == ["1", "2"]
    assert events["DATEADDED"].tolist() == ["2019-10-24T14:30:00Z", ""]
    assert events["start_date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-08-03"] * 2
    assert (
        "1 value in a column the event table does not read is left empty, its row read all "
        f"the same: row 2, column DATEADDED: {added!r} is not a real date and time in the "
        "form YYYYMMDDHHMMSS (GDELT 2.0) or YYYYMMDD (1.0)."
    ) in notices


def test_convert_in_chunks_says_a_bad_dateadded_by_its_file_row(tmp_path, monkeypatch):
    """The chunked converter (`convert --to parquet-dataset`) refused the file as the
    whole load did; now it says the cell by the row of the whole file, not the chunk's."""
    import dashboard.dataset as dataset

    records = [_record(i, DATEADDED="20191024143000") for i in range(1, 201)]
    records[149] = _record(150, DATEADDED="2019-10-24 14:30")
    source, out = tmp_path / "gdelt.CSV", tmp_path / "ds"
    source.write_text("\n".join(records) + "\n", encoding="utf-8")
    monkeypatch.setattr(dataset, "CHUNK_BYTES", 4_000)  # several chunks
    err = io.StringIO()
    argv = ["convert", str(source), "--to", "parquet-dataset", "-o", str(out)]
    assert main(argv, io.StringIO(), err) == 0
    assert (
        "notice: 1 value in a column the event table does not read is left empty, its row "
        "read all the same: row 150, column DATEADDED: '2019-10-24 14:30' is not a real "
    ) in err.getvalue()
    assert "wrote 200 events" in err.getvalue()
