"""ACLED in every shape analysts bring it: each converts to the same events, valid.

The fixtures (tests/data/formats/acled_*) are our fictional sample saved those ways
(see make_acled_shapes.py there): ACLED data itself may not be redistributed.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.importing import load_any_frame
from dashboard.loading import parse_events
from dashboard.problems import column_letter

DATA = Path(__file__).parent / "data"
SHAPES = DATA / "formats"
SAMPLE = DATA / "acled_sample.csv"
KEPT = ["event_id", "start_date", "end_date", "date_precision", "actors", "recipients"]


@pytest.fixture(scope="module")
def reference() -> pd.DataFrame:
    return load_any_frame(SAMPLE)[0]


@pytest.mark.parametrize(
    "name",
    [
        "acled_api.csv",
        "acled_api.json",
        "acled_r_save.csv",
        "acled_pandas_save.csv",
        "acled_excel_dmy.csv",
        "acled_excel_slashes.csv",
        "acled_excel_dashes.csv",
        "acled_legacy.csv",
        "acled.xlsx",
        "acled_cp1252.csv",
        "acled_monadic.csv",
    ],
)
def test_every_shape_gives_the_same_events(name, reference, tmp_path):
    events, notices = load_any_frame(SHAPES / name)
    # The encoding's notice, or which records of the API's answer were read, comes first.
    said_first = name in ("acled_cp1252.csv", "acled_api.json")
    assert notices[1 if said_first else 0] == "Imported 12 ACLED events."
    pd.testing.assert_frame_equal(events[KEPT], reference[KEPT])
    # Missing values never become names.
    for column in ("actors", "recipients", "countries", "location"):
        assert not events[column].str.split(";").explode().isin(["NA", "NULL"]).any()
    # convert never writes a file that validate refuses.
    out = tmp_path / "out.csv"
    assert main(["convert", str(SHAPES / name), "-o", str(out)], io.StringIO(), io.StringIO()) == 0
    err = io.StringIO()
    assert main(["validate", str(out)], io.StringIO(), err) == 0, err.getvalue()
    assert parse_events(out.read_bytes())["event_id"].tolist() == reference["event_id"].tolist()


def test_r_save_drops_the_row_index_and_reads_na_as_missing():
    events, _ = load_any_frame(SHAPES / "acled_r_save.csv")
    assert "" not in events.columns and "__row_index__" not in events.columns
    assert events.loc[events["event_id"] == "MMR90004", "recipients"].item() == ""
    assert events.loc[events["event_id"] == "MMR90001", "tags"].item() == ""


def test_pandas_save_drops_its_index_column():
    events, _ = load_any_frame(SHAPES / "acled_pandas_save.csv")
    assert "" not in events.columns and "Unnamed: 0" not in events.columns


def test_an_unnamed_first_column_that_numbers_no_rows_is_read_and_said():
    """R's unnamed row index is dropped (above); an unnamed first column holding other
    values is the analyst's, read as 'column A' and said with the file's rows (record 11
    holds a line break: record 12 is on row 14)."""
    text = (SHAPES / "acled_r_save.csv").read_text(encoding="utf-8")
    assert "\n2,1660000002," in text
    altered = text.replace("\n2,1660000002,", "\nchecked,1660000002,")
    events, notices = load_any_frame(altered.encode())
    expected = [str(n) for n in range(1, 13)]
    expected[1] = "checked"
    assert events["column A"].tolist() == expected
    assert notices[0] == (
        "Column A has values but no header: rows 2–12, 14; read as 'column A'. "
        "Name it in the header row to read it by its name."
    )


def test_a_trailing_comma_on_every_line_is_read_as_no_column_and_said():
    """An export re-saved with a comma closing every line (an empty name) was refused
    whole: 'row 1, column #N: column name is empty'."""
    records = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"), newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([*record, ""] for record in records)
    events, notices = load_any_frame(out.getvalue().encode())
    reference, reference_notices = load_any_frame(SAMPLE)
    assert events.equals(reference)
    letter = column_letter(len(records[0]) + 1)
    assert notices == [
        f"Column {letter} has no header and no value in any row: left out.",
        *reference_notices,
    ]


def test_monadic_export_joins_an_events_two_rows_and_says_so():
    """ACLED's monadic export writes an event of two actors on two rows, one per actor (a
    real 2024 file of 5,658 rows: 1,652 events twice, docs/formats.md). Before, the whole
    file was refused: 1,652 "duplicate id" problems."""
    events, notices = load_any_frame(SHAPES / "acled_monadic.csv")
    reference = load_any_frame(SAMPLE)[0]
    two_actors = int((reference["recipients"] != "").sum())
    assert 0 < two_actors < len(reference)
    assert notices[:2] == [
        f"Imported {len(reference)} ACLED events.",
        f"{two_actors} events of ACLED's monadic export (one row per actor) joined from two "
        "rows each: the first row's actor as actor 1, the second's as actor 2.",
    ]
    # The second row's actor type, as the dyadic export names it (none for one actor:
    # the dyadic export's 0 is not in the monadic file).
    second = reference["recipients"] != ""
    assert events["inter2"][second].tolist() == reference["inter2"][second].tolist()
    assert (events["inter2"][~second] == "").all()


def test_monadic_rows_sharing_an_id_but_not_the_event_are_named():
    """Two rows of one id that differ beyond the actor columns are two records, not one
    event's actors: the id check names them by row, as in any other ACLED file."""
    text = (SHAPES / "acled_monadic.csv").read_text(encoding="utf-8").splitlines()
    text[4] = text[4].replace("Attack,", "Abduction/forced disappearance,")  # MMR90002's second
    code, err = _validate(("\n".join(text) + "\n").encode())
    assert code == 1
    assert "row 5, column event_id_cnty: duplicate id 'MMR90002', first used on row 4" in err


@pytest.mark.parametrize(
    "change,said",
    [
        (
            ("Attack,", "Abduction/forced disappearance,"),
            "in sub_event_type ('Attack', 'Abduction/forced disappearance')",
        ),
        ((",Attack,", ",Attack ,"), ""),  # ACLED's cells are trimmed: the same event
    ],
)
def test_monadic_rows_of_one_id_that_differ_say_where(change, said):
    """A monadic export's two rows of one id apart outside the actor columns: the refusal
    said only 'duplicate id', and the analyst had to compare two 31-column rows to see why
    they were not joined; it names the columns and both values now."""
    text = (SHAPES / "acled_monadic.csv").read_text(encoding="utf-8").splitlines()
    text[4] = text[4].replace(*change)  # MMR90002's second row
    code, err = _validate(("\n".join(text) + "\n").encode())
    if not said:
        assert code == 0, err
        return
    assert code == 1
    assert (
        "row 5, column event_id_cnty: duplicate id 'MMR90002', first used on row 4: "
        f"the two rows differ {said}, so they are not one event's two actors (ACLED's "
        "monadic export differs only in actor1, assoc_actor_1 and inter1)" in err
    ), err


def test_slashed_dates_say_how_they_were_read():
    _, notices = load_any_frame(SHAPES / "acled_excel_slashes.csv")
    assert "event_date read day-first (DD/MM/YYYY): values like 25/07/2022 say so." in notices


def test_dashed_dates_with_a_two_digit_year_say_how_they_were_read():
    """A real Kenya export (5,725 events, docs/formats.md) wrote 31-12-19: before, every
    row was refused as 'not a date in the form ...'."""
    _, notices = load_any_frame(SHAPES / "acled_excel_dashes.csv")
    assert "event_date read day-first (DD-MM-YY): values like 25-07-22 say so." in notices


def test_slashed_dates_that_cannot_tell_are_refused_not_guessed():
    text = (SHAPES / "acled_excel_slashes.csv").read_text(encoding="utf-8")
    ambiguous = text.replace("25/07/2022", "05/07/2022").replace("15/03/2022", "05/03/2022")
    for day in ("14", "20", "18", "23", "30", "29", "16", "28"):
        ambiguous = ambiguous.replace(f"{day}/", "01/")
    code, err = _validate(ambiguous.encode())
    assert code == 1
    # Worded as the column mapping words it since session 26 (one rule, dashboard.dayorder).
    assert "has its day and month in an order no value of the column tells" in err


def test_a_time_of_day_is_refused():
    text = (SHAPES / "acled_r_save.csv").read_text(encoding="utf-8")
    code, err = _validate(text.replace("2022-08-03T00:00:00Z", "2022-08-03T14:30:00Z").encode())
    assert code == 1
    assert "'2022-08-03T14:30:00Z' has a time of day; ACLED dates are whole days" in err


def test_windows_1252_is_detected_and_named():
    events, notices = load_any_frame(SHAPES / "acled_cp1252.csv")
    assert notices[0].startswith("The file is not UTF-8; it was read as Windows-1252")
    assert events["location"].iat[0].endswith(" – Sagaing Région")


def test_legacy_types_map_and_the_rest_are_kept():
    events, _notices = load_any_frame(SHAPES / "acled_legacy.csv")
    by_id = events.set_index("event_id")
    assert by_id.at["MMR90003", "event_type"] == "armed clash"
    assert by_id.at["MMR90004", "event_type"] == "protest"
    assert by_id.at["MMR90001", "event_type"] == "Strategic development"
    assert by_id.at["MMR90001", "type_vocabulary"] == "ACLED"
    # Legacy upper-case names are ACLED's own columns: read as the lower-case ones, so
    # LATITUDE fills our latitude and FATALITIES is the views' fatalities (a real 2015
    # legacy export showed both missing before).
    assert by_id.at["MMR90001", "gwno"] == 775
    assert by_id.at["MMR90001", "fatalities"] == 0
    assert str(events["fatalities"].dtype) == "Int64"
    assert (by_id.at["MMR90001", "latitude"], by_id.at["MMR90001", "longitude"]) == (
        "19.7450",
        "96.1297",
    )
    assert "LATITUDE" not in events.columns


def _validate(data: bytes) -> tuple[int, str]:
    with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
        handle.write(data)
        handle.flush()
        err = io.StringIO()
        return main(["validate", handle.name], io.StringIO(), err), err.getvalue()


def test_a_header_cell_over_the_csv_field_limit_is_still_recognised():
    # The csv module refuses fields over 128 KiB by default; sniffing the header used it.
    huge = "x" * 200_000
    data = (
        "event_id_cnty,event_date,time_precision,event_type,actor1,country,"
        f'"{huge}"\nMMR1,2022-08-03,1,Protests,Protesters (Myanmar),Myanmar,y\n'
    ).encode()
    events, notices = load_any_frame(data)
    assert notices[0] == "Imported 1 ACLED event."
    assert events["event_id"].tolist() == ["MMR1"]
    assert events[huge].tolist() == ["y"]
