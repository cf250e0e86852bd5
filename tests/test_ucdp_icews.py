"""UCDP GED (CSV and HDX) and ICEWS (tab-separated) onto our schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import ucdp
from dashboard.cli import main
from dashboard.importing import load_any_frame
from dashboard.problems import EventsFileError

SHAPES = Path(__file__).parent / "data" / "formats"


@pytest.mark.parametrize(
    "name,count", [("ucdp_ged.csv", 6), ("ucdp_hdx.csv", 6), ("icews_events.tab", 4)]
)
def test_converts_valid_with_every_record(name, count, tmp_path):
    events, _ = load_any_frame(SHAPES / name)
    assert len(events) == count
    for column in ("actors", "recipients", "countries", "location"):
        assert not events[column].str.split(";").explode().isin(["NA", "NULL"]).any()
    out = tmp_path / "out.csv"
    assert main(["convert", str(SHAPES / name), "-o", str(out)], io.StringIO(), io.StringIO()) == 0
    err = io.StringIO()
    assert main(["validate", str(out)], io.StringIO(), err) == 0, err.getvalue()


def test_ucdp_precisions_spans_and_deaths():
    events, _ = load_any_frame(SHAPES / "ucdp_ged.csv")
    spans = {
        row.event_id: (
            row.start_date.date().isoformat(),
            row.end_date.date().isoformat(),
            row.date_precision,
        )
        for row in events.itertuples()
    }
    assert spans == {
        "90001": ("2022-07-14", "2022-07-14", "day"),
        "90002": ("2022-07-20", "2022-07-25", "week"),
        "90003": ("2022-03-01", "2022-03-31", "month"),
        "90004": ("2022-01-01", "2022-12-31", "year"),
        "90005": ("2021-01-01", "2022-12-31", "year"),
        "90006": ("2022-03-01", "2022-03-02", "day"),
    }
    first = events.set_index("event_id").loc["90003"]
    assert first["event_type"] == "armed clash"
    assert first["countries"] == "Myanmar"  # "Myanmar (Burma)": the former name left out
    assert (first["best"], first["low"], first["high"]) == (12, 10, 20)
    assert all(str(events[c].dtype) == "Int64" for c in ("best", "low", "high"))
    assert first["notes"] == "UCDP date_prec 3 (within a month): 2022-03-03 to 2022-03-28."
    assert events.set_index("event_id").at["90002", "event_type"] == "violence against civilians"


def test_ucdp_dates_as_the_source_puts_them_are_days_not_midnights():
    """GED writes its days as midnights (``2022-07-14 00:00:00.000``; the real GED 23.1
    file ``2013-12-05T00:00:00``), and the date as the source puts it showed that time,
    a precision UCDP never claims."""
    events, _ = load_any_frame(SHAPES / "ucdp_ged.csv")
    said = dict(zip(events["event_id"], events["date_text"], strict=True))
    assert said["90001"] == "2022-07-14"  # date_prec 1: one day
    assert said["90002"] == "2022-07-20 – 2022-07-25"  # date_prec 2: within those days
    real, _ = load_any_frame(REAL_GED)
    assert not real["date_text"].str.contains(":").any()
    assert real["date_text"].str.fullmatch(r"\d{4}-\d{2}-\d{2}( – \d{4}-\d{2}-\d{2})?").all()


def test_a_ucdp_id_used_again_names_the_row_of_its_first_use():
    # In HDX's re-publication (the #hashtag row is row 2): rows as in the file.
    lines = (SHAPES / "ucdp_hdx.csv").read_text(encoding="utf-8").splitlines()
    first = lines[3].split(",")[0]
    fields = lines[5].split(",")
    lines[5] = ",".join([first, *fields[1:]])
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(("\n".join(lines) + "\n").encode())
    assert [str(p) for p in caught.value.problems] == [
        f"row 6, column id: duplicate id {first!r}, first used on row 4"
    ]


def test_ucdp_hdx_hashtag_row_is_skipped_and_rows_still_count_from_the_file():
    data = (
        (SHAPES / "ucdp_hdx.csv")
        .read_text(encoding="utf-8")
        .replace(",2022-03-28 00:00:00.000,", ",2022-03-32,")
    )
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(data.encode())
    assert [str(p) for p in caught.value.problems] == [
        "row 5, column date_end: '2022-03-32' is not a date in the form YYYY-MM-DD"
    ]
    plain, _ = load_any_frame(SHAPES / "ucdp_ged.csv")
    hdx, notices = load_any_frame(SHAPES / "ucdp_hdx.csv")
    pd.testing.assert_frame_equal(plain, hdx)
    assert "Skipped the HDX #hashtag row (row 2)." in notices


def test_icews_mapping():
    events, _ = load_any_frame(SHAPES / "icews_events.tab")
    by_id = events.set_index("event_id")
    assert by_id.at["30000001-20220803", "event_type"] == "visit"
    assert by_id.at["30000001-20220803", "countries"] == "Russia;Myanmar"
    assert by_id.at["30000003-20220805", "cameo_code"] == "051"  # the lost leading zero restored
    assert by_id.at["30000003-20220805", "event_type"] == "statement of support"
    assert by_id.at["30000002-20220804", "event_type"] == "coerce"
    assert by_id.at["30000002-20220804", "type_vocabulary"] == "CAMEO"
    assert by_id.at["30000004-20220806", "recipients"] == ""
    assert by_id.at["30000004-20220806", "Intensity"] == -6.5
    assert by_id.at["30000004-20220806", "Event ID"] == "30000004"  # ICEWS's own, as given
    # ICEWS's Latitude is ours in other letter case: kept with the prefix, as a number
    assert by_id.at["30000001-20220803", "icews_Latitude"] == 19.745
    assert by_id.at["30000001-20220803", "latitude"] == "19.745"
    assert "Latitude" not in events.columns


def test_an_icews_dataset_exports_on_duckdb_as_in_memory(tmp_path):
    """Before, ICEWS's kept Latitude and our latitude were one name to DuckDB: every
    export of an ICEWS Parquet dataset failed ('Field "latitude" exists 2 times')."""
    dataset = tmp_path / "icews-ds"
    assert (
        main(
            [
                "convert",
                str(SHAPES / "icews_events.tab"),
                "--to",
                "parquet-dataset",
                "-o",
                str(dataset),
            ],
            io.StringIO(),
            io.StringIO(),
        )
        == 0
    )
    outputs = []
    for events, engine in ((SHAPES / "icews_events.tab", "memory"), (dataset, "duckdb")):
        out = tmp_path / f"{engine}.csv"
        argv = [
            "export",
            "--events",
            str(events),
            "--engine",
            engine,
            "--no-workspace",
            "--country",
            "Myanmar",
            "-o",
            str(out),
        ]
        assert main(argv, io.StringIO(), io.StringIO()) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"30000001-20220803" in outputs[0] and b"icews_Latitude" in outputs[0]


def _icews_file(tmp_path, edit) -> Path:
    """The ICEWS fixture with its records changed by ``edit(records)`` (lists of fields)."""
    header, *records = (SHAPES / "icews_events.tab").read_text(encoding="utf-8").splitlines()
    records = [line.split("\t") for line in records]
    edit(records)
    path = tmp_path / "icews.tab"
    path.write_text("\n".join([header, *("\t".join(r) for r in records)]) + "\n", "utf-8")
    return path


def test_an_icews_event_id_recurring_on_another_day_is_another_event(tmp_path):
    """ICEWS's published data repeat an Event ID on a different Event Date (145,312 ids in
    1995-2018, github.com/andybega/icews's vignette "ICEWS event data": Event ID with Event
    Date is the key). Before, the whole file was refused for a "duplicate id"."""

    def again_next_day(records):
        records.append([*records[0]])
        records[-1][1] = "2022-08-09"

    events, _ = load_any_frame(_icews_file(tmp_path, again_next_day))
    twins = events[events["Event ID"] == "30000001"]
    assert twins["event_id"].tolist() == ["30000001-20220803", "30000001-20220809"]
    assert twins["start_date"].astype(str).tolist() == ["2022-08-03", "2022-08-09"]


def test_an_icews_record_repeated_on_the_same_day_is_named(tmp_path):
    def again(records):
        records.append([*records[1]])

    with pytest.raises(EventsFileError) as caught:
        load_any_frame(_icews_file(tmp_path, again))
    assert [str(p) for p in caught.value.problems] == [
        "row 6, column Event ID: duplicate record: Event ID '30000002' on '2022-08-04' "
        "again, first used on row 3"
    ]


def test_icews_unspecified_actor_is_no_actor(tmp_path):
    """ICEWS writes "Unspecified Actor" for an actor it could not identify: in a real 2018
    sample (3,705 records, github.com/andybega/icews inst/extdata) it is the 13th busiest
    name, so it would stand as an actor in the network and the pickers."""

    def unspecified(records):
        records[0][8] = "Unspecified Actor"  # Target Name
        records[1][2] = "unspecified actor"  # Source Name, any letter case

    events, notices = load_any_frame(_icews_file(tmp_path, unspecified))
    by_id = events.set_index("Event ID")
    assert by_id.at["30000001", "recipients"] == ""
    assert by_id.at["30000002", "actors"] == ""
    assert by_id.at["30000001", "title"] == "Make a visit: Sergey Lavrov – Unspecified Actor"
    assert (
        "2 source or target names 'Unspecified Actor' (ICEWS's name for an actor it could not "
        "identify) left without an actor; the titles keep them." in notices
    )
    assert "Unspecified Actor" not in set(events["actors"]) | set(events["recipients"])


REAL_GED = Path(__file__).parent / "data" / "real" / "ucdp_ged231_car_sample.csv"


def test_a_real_ged_file_converts_whole_and_names_the_foreign_governments_countries():
    """62 real UCDP GED 23.1 records of the Central African Republic (tests/data/real/
    SOURCES.md): every date_prec, every type of violence, and the armies of Uganda, Chad
    and Congo fighting there. Expected values are read from the file itself here."""
    import csv

    with open(REAL_GED, encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    events, notices = load_any_frame(REAL_GED)
    assert notices[0] == "Imported 62 UCDP GED events."
    assert events["event_id"].tolist() == [r["id"] for r in raw]
    assert events["actors"].tolist() == [r["side_a"] for r in raw]
    assert events["recipients"].tolist() == [r["side_b"] for r in raw]
    precision = {"1": "day", "2": "week", "3": "month", "4": "year", "5": "year"}
    for r, (_, event) in zip(raw, events.iterrows(), strict=True):
        assert event["start_date"] <= pd.Timestamp(r["date_start"][:10]), r["id"]
        assert event["end_date"] >= pd.Timestamp(r["date_end"][:10]), r["id"]
        assert event["date_precision"] == precision[r["date_prec"]], r["id"]
    assert str(events["best"].dtype) == "Int64"
    assert events["best"].sum() == sum(int(r["best"]) for r in raw)
    # A state side names its country: Uganda's army hunting the LRA in the Central
    # African Republic is an event of Uganda too (the country filter finds it there).
    sides = {r["id"]: (r["side_a"], r["side_b"]) for r in raw}
    for event_id, countries in zip(events["event_id"], events["countries"], strict=True):
        named = {
            "Government of Uganda": "Uganda",
            "Government of Chad": "Chad",
        }
        expected = {"Central African Republic"} | {named[s] for s in sides[event_id] if s in named}
        assert set(countries.split(";")) == expected, event_id
    assert "Uganda" in set(events["countries"].str.split(";").explode())
    assert "Chad" in set(events["countries"].str.split(";").explode())


@pytest.mark.parametrize(
    "name,given,ours",
    [
        # As real files write them (docs/formats.md, session 25): each stood in the country
        # filter beside the same country under our name.
        ("icews_events.tab", "Czech Republic", "Czechia"),
        ("icews_events.tab", "the former Yugoslav Republic of Macedonia", "North Macedonia"),
        ("icews_events.tab", "Holy See", "Vatican"),
        ("icews_events.tab", "Swaziland", "Eswatini"),
        ("ucdp_ged.csv", "Ivory Coast", "Côte d'Ivoire"),
        ("ucdp_ged.csv", "Republic of Congo", "Congo"),
        ("acled", "Democratic Republic of Congo", "DR Congo"),
        ("acled", "Ivory Coast", "Côte d'Ivoire"),
    ],
)
def test_a_source_formats_country_is_named_as_ours(name, given, ours):
    """The first record's own country column, written as the source wrote it."""
    if name == "acled":
        data = (Path(__file__).parent / "data" / "acled_sample.csv").read_bytes()
        cell, written = ",Southeast Asia,Myanmar,", f",Southeast Asia,{given},"
    elif name.endswith(".tab"):  # ICEWS: Target Country of the first record
        data, cell, written = (SHAPES / name).read_bytes(), "\tMyanmar\t4", f"\t{given}\t4"
    else:  # UCDP GED: country
        data, cell, written = (SHAPES / name).read_bytes(), ",Myanmar (Burma),", f",{given},"
    assert cell.encode() in data
    events, _ = load_any_frame(data.replace(cell.encode(), written.encode(), 1))
    named = {c for cell in events["countries"] for c in cell.split(";")}
    assert ours in named and given not in named, named


REAL_GED = Path(__file__).parent / "data" / "real" / "ucdp_ged231_car_sample.csv"


def _without_header(path: Path) -> bytes:
    return path.read_bytes().split(b"\n", 1)[1]


@pytest.mark.parametrize("path", [SHAPES / "ucdp_ged.csv", REAL_GED])
def test_a_ged_file_without_its_header_row_reads_as_with_it(path):
    """UCDP's Candidate events are said to be published without a header row (24.0.1). A
    GED file so was refused: not recognised, and 'column name appears twice' for its first
    record's values ('row 1, column 2009-02-20T00:00:00 …')."""
    headed, _ = load_any_frame(path)
    events, notices = load_any_frame(_without_header(path))
    pd.testing.assert_frame_equal(events, headed)
    assert notices[1] == (
        "The file has no header row: its first row is a UCDP GED record, so its columns "
        "were read as GED's (49 columns, id … gwnob)."
    )


def _ged_records(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text())))


def test_a_headerless_ged_files_problem_names_the_row_as_the_file_has_it():
    records = _ged_records(SHAPES / "ucdp_ged.csv")[1:]
    records[1][ucdp.GED_COLUMNS.index("date_prec")] = "9"  # the file's row 2
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(out.getvalue().encode())
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "date_prec")]


def test_a_first_row_that_is_no_ged_record_is_not_read_as_one():
    header, first = _ged_records(SHAPES / "ucdp_ged.csv")[:2]
    assert not ucdp.is_headerless_row(tuple(header))  # GED's own header
    assert ucdp.is_headerless_row(tuple(first))
    assert not ucdp.is_headerless_row(tuple(reversed(first)))  # its columns in another order
    assert not ucdp.is_headerless_row(tuple(first[:-1]))  # another number of columns


def _as_the_ucdp_api_sends(rows: list[dict[str, str]]) -> bytes:
    """GED records as UCDP's public API answers (ucdp.uu.se/apidocs, `gedevents`): one
    page, the records under `Result` beside the counts and links, numbers as JSON
    numbers, dates with a time of day."""

    def value(name: str, text: str):
        if name in ("date_start", "date_end") and text:
            return f"{text[:10]} 00:00:00.000"
        for kind in (int, float):
            try:
                return kind(text)
            except ValueError:
                pass
        return text

    page = {
        "TotalCount": len(rows),
        "TotalPages": 1,
        "PreviousPageUrl": "",
        "NextPageUrl": "",
        "Result": [{name: value(name, text) for name, text in row.items()} for row in rows],
    }
    return json.dumps(page).encode()


def test_a_ged_page_saved_from_the_ucdp_api_reads_as_the_csv_does():
    """The API's answer saved as it came was refused ('JSON must be a list of records,
    or an object whose 'data' is one'): only ACLED's envelope was known. An object
    holding one list of records is read as that list; the 62 real GED records of
    tests/data/real (SOURCES.md) give the same events as their CSV."""
    rows = list(csv.DictReader(io.StringIO(REAL_GED.read_text(encoding="utf-8"))))
    from_api, notices = load_any_frame(_as_the_ucdp_api_sends(rows))
    from_csv, _ = load_any_frame(REAL_GED.read_bytes())
    assert "Imported 62 UCDP GED events." in notices
    for column in ("event_id", "start_date", "end_date", "date_precision", "event_type"):
        assert from_api[column].tolist() == from_csv[column].tolist(), column
    for column in ("actors", "recipients", "countries", "best", "title"):
        assert from_api[column].tolist() == from_csv[column].tolist(), column


def test_a_page_of_a_longer_api_answer_says_what_the_answer_holds_beside_it():
    """A page of the API's answer holds only its own records: read silently, 62 events
    looked like the whole of an answer of 1,848. The notice names the key read and shows
    the answer's own counts and links beside it, as written."""
    rows = list(csv.DictReader(io.StringIO(REAL_GED.read_text(encoding="utf-8"))))
    page = json.loads(_as_the_ucdp_api_sends(rows))
    nxt = "https://ucdpapi.pcr.uu.se/api/gedevents/23.1?pagesize=62&page=1"
    page.update(TotalCount=1848, TotalPages=30, NextPageUrl=nxt)
    _, notices = load_any_frame(json.dumps(page).encode())
    assert notices[0] == (
        "JSON: read the 62 records under 'Result'; beside them the object holds TotalCount "
        '1848, TotalPages 30, PreviousPageUrl "", NextPageUrl "https://ucdpapi.pcr.uu.se/api/'
        'gedevents/23.1?pagesize=62&pa…" (not read).'
    )


def test_a_json_object_of_two_lists_of_records_is_refused_saying_why():
    page = {"Result": [{"id": "1"}], "Other": [{"id": "2"}]}
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(json.dumps(page).encode())
    assert "an object holding one such list" in str(caught.value.problems[0])
