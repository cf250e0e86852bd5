"""ACLED import: spans, actors, countries, types, notices, problems, and the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard import formats, schema
from dashboard.acled import TYPE_MAP, convert_acled_frame, kept_type_label, map_event_type
from dashboard.actors import ActorDirectory
from dashboard.cli import main
from dashboard.importing import detect_format, load_any, load_any_frame
from dashboard.problems import EventsFileError
from dashboard.table import inferred_notice, load_directory

READ_AS = f"Read as {formats.ACLED.title}: {formats.ACLED.summary}"
SAMPLE = Path(__file__).parent / "data" / "acled_sample.csv"

#: A directory independent of data/actors.csv, so the expected countries are fixed here.
DIRECTORY = ActorDirectory(
    countries={
        "Sergei Lavrov": "Russia",
        "Wang Yi": "China",
        "Tatmadaw": "Myanmar",
        "State Administration Council": "Myanmar",
    },
)

MIL = "Military Forces of Myanmar (2021-)"
POLICE = "Police Forces of Myanmar (2021-)"
GOV = "Government of Myanmar (2021-)"
NLD = "NLD: National League for Democracy"

#: event_id -> (start, end, precision, event_type, actors, recipients, countries)
EXPECTED = {
    "MMR90001": (
        "2022-08-03",
        "2022-08-03",
        "day",
        "agreement",
        f"{GOV};State Administration Council;Tatmadaw",
        "Government of Russia (2000-);Sergei Lavrov",
        "Myanmar;Russia",
    ),
    "MMR90002": (
        "2022-07-25",
        "2022-07-25",
        "day",
        "violence against civilians",
        MIL,
        "Civilians (Myanmar);Prisoners (Myanmar)",
        "Myanmar",
    ),
    "MMR90003": (
        "2022-07-11",
        "2022-07-17",
        "week",
        "armed clash",
        MIL,
        "PDF: People's Defence Force;KIA: Kachin Independence Army;Civilians (Myanmar)",
        "Myanmar",
    ),
    "MMR90004": (
        "2022-03-01",
        "2022-03-31",
        "month",
        "protest",
        f"Protesters (Myanmar);{NLD};Students (Myanmar)",
        "",
        "Myanmar",
    ),
    "MMR90005": (
        "2022-01-29",
        "2022-02-04",
        "week",
        "protest",
        "Protesters (Myanmar)",
        "",
        "Myanmar",
    ),
    "MMR90006": (
        "2024-02-01",
        "2024-02-29",
        "month",
        "armed clash",
        MIL,
        "Civilians (Myanmar)",
        "Myanmar",
    ),
    "MMR90007": ("2022-06-20", "2022-06-20", "day", "Change to group/activity", MIL, "", "Myanmar"),
    "MMR90008": ("2022-07-06", "2022-07-06", "day", "Visit", "Wang Yi", GOV, "Myanmar;China"),
    "MMR90009": (
        "2022-05-09",
        "2022-05-09",
        "day",
        "violence against civilians",
        "Rioters (Myanmar)",
        "Civilians (Myanmar)",
        "Myanmar",
    ),
    "MMR90010": (
        "2022-04-18",
        "2022-04-18",
        "day",
        "repression/execution",
        POLICE,
        "Protesters (Myanmar)",
        "Myanmar",
    ),
    "MMR90011": (
        "2022-07-23",
        "2022-07-23",
        "day",
        "repression/execution",
        f"{POLICE};{MIL}",
        NLD,
        "Myanmar",
    ),
    "MMR90012": (
        "2022-07-30",
        "2022-07-30",
        "day",
        # ACLED's "Other" names no kind of event alone: its event type goes with it.
        "Strategic developments: Other",
        GOV,
        "",
        "Myanmar",
    ),
}

UNKNOWN_NOTICE = (
    "3 events have an ACLED type outside our vocabulary, kept as given "
    "(event type / sub-event type, count): Diplomatic developments / Visit (1); "
    "Strategic developments / Change to group/activity (1); Strategic developments / Other (1)"
)


@pytest.fixture(scope="module")
def imported() -> tuple[pd.DataFrame, list[str]]:
    return load_any_frame(SAMPLE, directory=DIRECTORY)


def test_sample_is_detected_as_acled():
    header = SAMPLE.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert detect_format(header) == "acled"
    assert detect_format([c.upper() for c in header]) == "acled"
    assert detect_format(list(schema.REQUIRED_COLUMNS)) == "events"
    assert detect_format(["event_id_cnty", "event_date"]) is None


def test_sample_maps_every_row(imported):
    events, _ = imported
    got = {
        row.event_id: (
            row.start_date.strftime("%Y-%m-%d"),
            row.end_date.strftime("%Y-%m-%d"),
            row.date_precision,
            row.event_type,
            row.actors,
            row.recipients,
            row.countries,
        )
        for row in events.itertuples()
    }
    assert got == EXPECTED
    assert list(events["event_id"]) == list(EXPECTED)


def test_sample_notices(imported):
    _, notices = imported
    assert notices == [
        "Imported 12 ACLED events.",
        UNKNOWN_NOTICE,
        READ_AS,
    ]


def test_text_fields_and_extra_columns(imported):
    events, _ = imported
    first = events.iloc[0]
    assert first["title"] == f"Agreement: {GOV} – Nay Pyi Taw"
    assert first["location"] == "Nay Pyi Taw"
    assert first["source"] == "Example Wire"
    assert first["description"].startswith("Fictional sample: the two governments announce")
    assert first["date_text"] == "2022-08-03"
    assert first["notes"] == "ACLED time_precision 1 (the day is known): 2022-08-03."
    assert first["acled_event_type"] == "Strategic developments"
    assert first["acled_sub_event_type"] == "Agreement"
    # fatalities is declared a whole number: a nullable integer column, typed on loading.
    assert str(events["fatalities"].dtype) == "Int64"
    assert first["fatalities"] == 0
    assert events["timestamp"].dtype == "Int64"
    # ACLED's WGS84 coordinates fill our optional latitude/longitude columns.
    assert first[["latitude", "longitude"]].tolist() == ["19.7450", "96.1297"]
    assert events.iloc[1]["date_text"] == "25 July 2022"
    assert events.iloc[2]["notes"] == (
        "ACLED time_precision 2 (the week is known): 3 days either side of 2022-07-14."
    )
    assert events.iloc[3]["tags"] == "crowd size=around 200"
    # A quoted note with a comma, quotes and a line break comes through exactly.
    assert events.iloc[10]["description"] == (
        'Fictional sample: two organisers are detained; "no charges" were named,\nofficials said.'
    )
    extras = list(events.columns[len(schema.SCHEMA_COLUMNS) :])
    assert extras == [
        "acled_event_type",
        "acled_sub_event_type",
        "type_vocabulary",
        "disorder_type",
        "inter1",
        "inter2",
        "interaction",
        "civilian_targeting",
        "iso",
        "region",
        "admin1",
        "admin2",
        "geo_precision",
        "source_scale",
        "fatalities",
        "tags",
        "timestamp",
    ]


def test_load_any_builds_a_table_with_countries_through_actors(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("actor,kind,country,aliases\nWang Yi,person,China,\n", encoding="utf-8")
    table, notices = load_any(SAMPLE, actors_path=actors)
    assert len(table) == 12
    assert table.label == "acled_sample.csv"
    assert notices[1] == UNKNOWN_NOTICE
    assert "China" in table.countries.names
    assert set(table.event_types) >= {
        "Visit",
        "Strategic developments: Other",
        "Change to group/activity",
    }
    assert "Other" not in table.event_types


@pytest.mark.parametrize(
    "kind,sub,expected",
    [
        ("Battles", "Armed clash", "armed clash"),
        ("Battles", "Government regains territory", "armed clash"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack", "armed clash"),
        (
            "Violence against civilians",
            "Abduction/forced disappearance",
            "violence against civilians",
        ),
        ("Protests", "Peaceful protest", "protest"),
        ("Protests", "Excessive force against protestors", "repression/execution"),
        ("Riots", "Violent demonstration", "protest"),
        ("Riots", "Mob violence", "violence against civilians"),
        ("Strategic Developments", "Agreement", "agreement"),
        ("Strategic developments", "arrests", "repression/execution"),
        ("Strategic developments", "Looting/property destruction", "violence against civilians"),
        ("Strategic developments", "Other", None),
        ("Strategic developments", "Headquarters or base established", None),
        ("Something new", "", None),
    ],
)
def test_type_table(kind, sub, expected):
    assert map_event_type(kind, sub) == expected


@pytest.mark.parametrize(
    "kind,sub,expected",
    [
        ("Strategic developments", "Change to group/activity", "Change to group/activity"),
        ("Strategic developments", "Other", "Strategic developments: Other"),
        ("Strategic developments", "OTHER", "Strategic developments: OTHER"),
        ("Diplomatic developments", "Other", "Diplomatic developments: Other"),
        ("Non-violent transfer of territory", "", "Non-violent transfer of territory"),
        ("", "Other", "Other"),
    ],
)
def test_kept_type_label_names_the_kind_of_event(kind, sub, expected):
    assert kept_type_label(kind, sub) == expected


def test_type_table_targets_our_vocabulary():
    assert set(TYPE_MAP.values()) <= set(schema.EVENT_TYPE_NAMES)


ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,"
    "actor1,assoc_actor_1,actor2,assoc_actor_2,country,location,notes,source\n"
)


def acled_bytes(*rows: str) -> bytes:
    return (ACLED_HEADER + "".join(r + "\n" for r in rows)).encode("utf-8")


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(data, format="acled")
    return [str(p) for p in caught.value.problems]


def test_a_state_body_acting_abroad_adds_its_own_country():
    """ACLED names a country's forces after it (legacy "Military Forces of Pakistan", later
    with years): shelling across the border into India, or a US drone strike in Pakistan,
    is an event of the acting state's country too, so the country filter finds it."""
    data = acled_bytes(
        "IND1,2015-01-02,2015,1,Battles,,Military Forces of Pakistan,,"
        "Military Forces of India,,India,Jammu,shelling,Press",
        "PAK1,2015-02-03,2015,1,Remote violence,,"
        "Military Forces of The United States of America (2009-2017),,,,Pakistan,Datta Khel,"
        "drone strike,Press",
        "IND2,2015-03-04,2015,1,Riots/Protests,,Rioters (India),,,,India,Delhi,riot,Press",
    )
    events, _ = load_any_frame(data)
    assert events["countries"].tolist() == ["India;Pakistan", "Pakistan;United States", "India"]


def test_a_group_named_with_its_country_in_brackets_adds_that_country():
    """ACLED writes whose a group is in brackets ending its name. A real 2025 export of
    Somalia (docs/formats.md) named the Ugandan, Ethiopian ... contingents of the African
    Union's mission so, in 218 events: the country filter found none of them under
    Uganda or Ethiopia, and the network coloured them as Somalia by their places."""
    data = acled_bytes(
        "SOM1,2025-04-02,2025,1,Battles,Armed clash,Al Shabaab,,"
        "AUSSOM: African Union Support and Stabilisation Mission in Somalia (2025-) (Uganda),"
        ",Somalia,Marka,clash,Press",
        "KEN1,2019-12-10,2019,1,Riots,Mob violence,Rioters (Sudan),Refugees/IDPs (Sudan),"
        "Rioters (South Sudan),,Kenya,Kakuma,clash,Press",
        "KEN2,2019-12-11,2019,1,Protests,Peaceful protest,Protesters (Kenya),,"
        "Civilians (International),,Kenya,Nairobi,protest,Press",
    )
    table, _ = load_any(data)
    events = table.events
    assert events["countries"].astype(str).tolist() == [
        "Somalia;Uganda",
        "Kenya;Sudan;South Sudan",
        "Kenya",
    ]
    force = "AUSSOM: African Union Support and Stabilisation Mission in Somalia (2025-) (Uganda)"
    assert table.directory.country_of(force) == "Uganda"  # the network's colour


def test_counts_in_notices_have_thousands_separators_as_every_format_writes_them():
    rows = [
        f"K{i},2015-01-02,2015,1,Strategic developments,,Rioters (India),,,,India,,,"
        for i in range(1200)
    ]
    _, notices = load_any_frame(acled_bytes(*rows))
    assert notices[0] == "Imported 1,200 ACLED events."
    assert notices[1].startswith("1,200 events have an ACLED type outside our vocabulary")


def test_acled_problems_name_the_acled_row_and_column():
    data = acled_bytes(
        "A1,2022-08-03,2022,1,Battles,Armed clash,X,,,,Myanmar,,,",
        "A2,31 February 2022,2022,1,Battles,Armed clash,X,,,,Myanmar,,,",
        "A3,2022/08/03,2022,1,Battles,Armed clash,X,,,,Myanmar,,,",
        'A4,2022-08-03,2021,4,Battles,Armed clash,X,,,,Myanmar,"note\nover two lines",,',
        "A1,,2022,1,,Armed clash,,,,,Myanmar,,,",
        "A6,03 Agosto 2022,2022,1,Battles,Armed clash,X,,,,Myanmar,,,",
    )
    assert problems_of(data) == [
        "row 3, column event_date: '31 February 2022' is not a real date",
        "row 4, column event_date: '2022/08/03' is not a date in the form "
        "YYYY-MM-DD, DD Month YYYY, DD-Mon-YY, DD/MM/YYYY, DD-MM-YY or DD.MM.YYYY",
        "row 5, column time_precision: unknown time precision '4'; "
        "ACLED uses 1 (day), 2 (week) or 3 (month)",
        "row 5, column year: '2021' is not the year of event_date (2022)",
        "row 7, column actor1: is empty",
        "row 7, column event_date: is empty",
        "row 7, column event_id_cnty: duplicate id 'A1', first used on row 2",
        "row 7, column event_type: is empty",
        "row 8, column event_date: '03 Agosto 2022' is not a date in the form "
        "YYYY-MM-DD, DD Month YYYY, DD-Mon-YY, DD/MM/YYYY, DD-MM-YY or DD.MM.YYYY",
    ]


@pytest.mark.parametrize(
    "value,form",
    [
        ("2022-07-25", "YYYY-MM-DD"),
        ("25 July 2022", "DD Month YYYY"),
        ("25-Jul-22", "DD-Mon-YY"),
        ("25/07/2022", "DD/MM/YYYY"),
        ("25-07-22", "DD-MM-YY"),
        ("25.07.2022", "DD.MM.YYYY"),
    ],
)
def test_every_date_form_read_is_named_where_a_date_is_refused(value, form):
    """``25.07.2022`` is read (one day-month rule, dashboard.dayorder), but the message
    refusing a date listed the forms read without it."""
    row = ",2022,1,Battles,Armed clash,X,,,,Myanmar,,,"
    events, _ = load_any_frame(acled_bytes(f"A1,{value}{row}"), format="acled")
    assert events["start_date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-07-25"]
    [refused] = problems_of(acled_bytes(f"A1,{value}{row}", f"A2,25 Julio 2022{row}"))
    forms = refused.split(" is not a date in the form ")[1]
    assert form in forms.replace(" or ", ", ").split(", ")


def test_acled_without_its_columns_reports_them():
    data = b"event_id_cnty,event_date\nA1,2022-08-03\n"
    assert problems_of(data) == [
        "column actor1: required ACLED column is missing",
        "column event_type: required ACLED column is missing",
        "column time_precision: required ACLED column is missing",
    ]


def test_minimal_acled_columns_and_both_date_formats():
    data = (
        b"EVENT_ID_CNTY,EVENT_DATE,TIME_PRECISION,EVENT_TYPE,SUB_EVENT_TYPE,ACTOR1\n"
        b"B1,1 march 2021,3,Protests,Peaceful protest,Protesters (Myanmar)\n"
        b"B2,2021-12-31,2,Battles,,Military Forces of Myanmar (2021-)\n"
    )
    events, notices = load_any_frame(data)
    assert events[["event_id", "date_precision", "event_type", "title", "recipients"]].to_dict(
        "records"
    ) == [
        {
            "event_id": "B1",
            "date_precision": "month",
            "event_type": "protest",
            "title": "Peaceful protest: Protesters (Myanmar)",
            "recipients": "",
        },
        {
            "event_id": "B2",
            "date_precision": "week",
            "event_type": "armed clash",
            "title": f"Battles: {MIL}",
            "recipients": "",
        },
    ]
    assert events["start_date"].dt.strftime("%Y-%m-%d").tolist() == ["2021-03-01", "2021-12-28"]
    assert events["end_date"].dt.strftime("%Y-%m-%d").tolist() == ["2021-03-31", "2022-01-03"]
    assert notices == ["Imported 2 ACLED events.", READ_AS]


def test_convert_acled_frame_default_rows_and_directory():
    frame = pd.DataFrame(
        {
            "event_id_cnty": ["C1"],
            "event_date": ["2022-08-03"],
            "time_precision": ["1"],
            "event_type": ["Battles"],
            "sub_event_type": ["Armed clash"],
            "actor1": ["X"],
            "notes": ["=1+1"],
        },
        dtype="str",
    )
    result = convert_acled_frame(frame)
    assert result.events["description"].tolist() == ["=1+1"]
    assert result.events["countries"].tolist() == [""]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["acled", "auto"])
def test_cli_validate_acled(fmt):
    code, out, err = run("validate", "--format", fmt, str(SAMPLE))
    assert (code, out) == (0, f"{SAMPLE}: valid, 12 events, 2022-01-29 to 2024-02-29\n")
    assert err == (
        f"notice: Imported 12 ACLED events.\nnotice: {UNKNOWN_NOTICE}\nnotice: {READ_AS}\n"
        f"notice: {inferred_notice(12)}\n"  # 11 by votes, Government of Russia by its name
    )


def test_cli_validate_acled_as_events_fails():
    code, out, err = run("validate", "--format", "events", str(SAMPLE))
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == f"{SAMPLE}: invalid, 5 problems"


def test_cli_validate_invalid_acled(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(acled_bytes("A1,2022-08-33,2022,1,Battles,Armed clash,X,,,,Myanmar,,,"))
    code, out, err = run("validate", "--format", "acled", str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"row 2, column event_date: '2022-08-33' is not a real date\n{path}: invalid, 1 problem\n"
    )


def test_cli_convert_writes_our_schema(tmp_path):
    out_path = tmp_path / "converted.csv"
    code, out, err = run("convert", "--from", "acled", str(SAMPLE), "-o", str(out_path))
    assert (code, out) == (0, "")
    assert err.splitlines()[-1] == f"wrote 12 events to {out_path}"
    assert f"notice: {UNKNOWN_NOTICE}" in err.splitlines()
    written, _ = load_any_frame(out_path)  # our CSV: fatalities read back as whole numbers
    expected, _ = load_any_frame(SAMPLE, directory=load_directory())  # as the CLI does
    pd.testing.assert_frame_equal(written, expected)


def test_cli_convert_invalid_and_usage(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    code, _, err = run("convert", "--from", "acled", str(bad), "-o", str(tmp_path / "o.csv"))
    assert code == 1
    assert err == f"file: the file is empty\n{bad}: invalid, 1 problem\n"
    assert not (tmp_path / "o.csv").exists()
    with pytest.raises(SystemExit) as usage:
        run("convert", "--from", "xml", str(SAMPLE), "-o", "-")
    assert usage.value.code == 2
