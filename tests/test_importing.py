"""load_any: format detection, Parquet through the same validation, CLI on Parquet."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import csv_bytes, sample_events

from dashboard.cli import main
from dashboard.export import export_csv
from dashboard.importing import (
    UNRECOGNISED,
    detect_format,
    load_any,
    load_any_frame,
    read_parquet_table,
)
from dashboard.loading import parse_events
from dashboard.problems import EventsFileError, column_letter

SAMPLE_ACLED = Path(__file__).parent / "data" / "acled_sample.csv"


def parquet_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def problems_of(source, **options) -> list[str]:
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(source, **options)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "header,expected",
    [
        (["event_id", "start_date", "end_date", "date_precision", "event_type", "title"], "events"),
        (
            [
                "event_id_cnty",
                "event_date",
                "time_precision",
                "event_type",
                "sub_event_type",
                "actor1",
            ],
            "acled",
        ),
        (["id", "date"], None),
        ([], None),
    ],
)
def test_detect_format(header, expected):
    assert detect_format(header) == expected


def test_events_csv_goes_through_the_strict_loader():
    data = csv_bytes(sample_events())
    frame, notices = load_any_frame(data)
    pd.testing.assert_frame_equal(frame, parse_events(data))
    assert notices == []


def test_csv_without_known_columns_gets_the_events_problems():
    assert problems_of(b"a;b\n1;2\n") == [
        f"file: {UNRECOGNISED}",
        "column date_precision: required column is missing",
        "column end_date: required column is missing",
        "column event_id: required column is missing",
        "column event_type: required column is missing",
        "column start_date: required column is missing",
        "column title: required column is missing",
        "row 1: the header is one column separated by semicolons; the file must be comma-separated",
    ]


def test_events_parquet_written_by_pandas_loads_like_the_csv():
    events = parse_events(csv_bytes(sample_events()))
    data = parquet_bytes(pa.Table.from_pandas(events))  # dates as timestamps, index metadata
    frame, notices = load_any_frame(data)
    pd.testing.assert_frame_equal(frame, events)
    assert notices == []


def test_parquet_values_are_text_and_verbatim():
    table = pa.table(
        {
            "event_id": ["a", "b"],
            "start_date": [date(2022, 8, 3), date(2022, 7, 1)],
            "end_date": pa.array([datetime(2022, 8, 3), datetime(2022, 7, 31)], pa.timestamp("ms")),
            "date_precision": ["day", "month"],
            "event_type": ["visit", "visit"],
            "title": ["'=kept as written", "NA"],
            "fatalities": pa.array([3, None], pa.int64()),
            "score": [1.5, 2.0],
        }
    )
    frame, _ = load_any_frame(parquet_bytes(table))
    assert frame["title"].tolist() == ["'=kept as written", "NA"]
    # fatalities is declared a whole number (dashboard.coltypes); score is not: text.
    assert frame["fatalities"].tolist() == [3, pd.NA]
    assert frame["score"].tolist() == ["1.5", "2"]
    assert frame["end_date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-08-03", "2022-07-31"]


def test_invalid_parquet_rows_count_like_a_csv():
    table = pa.table(
        {
            "event_id": ["a", "a"],
            "start_date": ["2022-08-03", "2022-08-03"],
            "end_date": [datetime(2022, 8, 3, 12, 30), datetime(2022, 8, 3)],
            "date_precision": ["day", "day"],
            "event_type": ["visit", "picnic"],
            "title": ["T\nwith a line break", "T"],
        }
    )
    assert problems_of(parquet_bytes(table)) == [
        "row 2, column end_date: '2022-08-03 12:30:00.000000' is not a date in the form YYYY-MM-DD",
        "row 3, column end_date: '2022-08-03 00:00:00.000000' is not a date in the form YYYY-MM-DD",
        "row 3, column event_id: duplicate id 'a', first used on row 2",
        "row 3, column event_type: unknown event type 'picnic'; see the event-type vocabulary",
    ]


def test_parquet_nested_columns_and_garbage_are_reported():
    nested = pa.table({"event_id": ["a"], "tags": pa.array([[1, 2]])})
    assert problems_of(parquet_bytes(nested)) == [
        "column tags: values of type list<element: int64> are not text"
    ]
    garbage = problems_of(b"PAR1 this is not really parquet")
    assert len(garbage) == 1
    assert garbage[0].startswith("file: not a readable Parquet file (")


def test_acled_parquet():
    csv_frame, csv_notices = load_any_frame(SAMPLE_ACLED)
    raw = pd.read_csv(SAMPLE_ACLED, dtype=str, keep_default_na=False)
    frame, notices = load_any_frame(parquet_bytes(pa.Table.from_pandas(raw, preserve_index=False)))
    pd.testing.assert_frame_equal(frame, csv_frame)
    assert notices == csv_notices


def test_read_parquet_table_fills_nulls():
    table = pa.table({"a": pa.array(["x", None]), "b": pa.array([None, True])})
    assert read_parquet_table(parquet_bytes(table)).to_dict("list") == {
        "a": ["x", ""],
        "b": ["", "true"],
    }


def test_load_any_labels_and_missing_file(tmp_path):
    table, _ = load_any(csv_bytes(sample_events()), actors_path=tmp_path / "none.csv")
    assert (table.label, len(table)) == ("upload", 6)
    assert problems_of(tmp_path / "absent.csv") == [
        "file: cannot read the file: No such file or directory"
    ]
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        load_any_frame(b"", format="xml")


def test_cli_validates_parquet(tmp_path):
    path = tmp_path / "events.parquet"
    path.write_bytes(parquet_bytes(pa.Table.from_pandas(parse_events(csv_bytes(sample_events())))))
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(path)], stdout=out, stderr=err) == 0
    assert out.getvalue() == f"{path}: valid, 6 events, 2021-01-01 to 2022-08-04\n"
    assert err.getvalue() == ""


def test_load_any_hands_freed_memory_back_like_load_events(monkeypatch, tmp_path):
    # One path for both loaders: the app (load_any) must not keep the parse's scratch.
    import dashboard.table as table_module

    calls = []
    monkeypatch.setattr(table_module, "return_freed_memory", lambda: calls.append(1))
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes(sample_events()))
    load_any(path, actors_path=tmp_path / "none.csv")
    table_module.load_events(path, actors_path=tmp_path / "none.csv")
    assert calls == [1, 1]


def test_windows_1252_punctuation_stored_as_control_characters_is_read_as_punctuation():
    """Real files carry Windows-1252 punctuation decoded as Latin-1 and saved as UTF-8:
    C1 control characters (U+0091, U+0092) where a quote was meant (an ACLED export's notes
    'Editors\\x92 Forum', a GDELT 2.0 export's place 'San\\x91a\\''; docs/formats.md). They
    showed as nothing or a box, and a search for the quote missed them. An import reads
    them as the punctuation and says so; our own table keeps its text verbatim."""
    sample = SAMPLE_ACLED.read_bytes()
    text = sample.replace(
        b"the authorities say.", "the authorities\u0092 words \u0093as given\u0094.".encode()
    )
    events, notices = load_any_frame(text)
    said = events.set_index("event_id").at["MMR90002", "description"]
    assert (
        said == "Fictional sample: four detainees are killed in custody, the authorities’ words "
        "“as given”."
    )
    assert (
        "3 Windows-1252 punctuation marks stored as control characters (U+0080–U+009F) were "
        "read as the marks (’ for U+0092)." in notices
    )
    assert not any("\u0080" <= ch <= "\u009f" for value in events["description"] for ch in value)
    ours = csv_bytes(sample_events()).replace(b"Lavrov visits", "Lavrov\u0092s visit".encode(), 1)
    assert "Lavrov\u0092s visit" in " ".join(parse_events(ours)["title"])  # verbatim
    events, notices = load_any_frame(ours)
    assert "Lavrov\u0092s visit" in " ".join(events["title"])
    assert not any("Windows-1252" in n for n in notices)


def test_parquet_columns_with_no_name_are_read_as_a_csv_s_are():
    """A Parquet table with columns of empty name (several: pandas writes them so) was
    refused (`column #7: column name is empty`, once per column); now each holding a value
    is read under its spreadsheet name, the empty ones left out, all said."""
    rows = sample_events()[:3]
    table = pa.Table.from_pylist(rows)
    width = table.num_columns
    table = table.append_column("", pa.array(["first", None, " "]))
    table = table.append_column("", pa.array([None, None, None]))
    table = table.append_column(" ", pa.array([None, None, "last"]))
    events, notices = load_any_frame(parquet_bytes(table))
    first, empty, last = (column_letter(width + i) for i in (1, 2, 3))
    assert events[f"column {first}"].tolist() == ["first", "", " "]
    assert events[f"column {last}"].tolist() == ["", "", "last"]
    assert f"column {empty}" not in events.columns
    assert notices[:3] == [
        f"Column {first} has values but no header: row 2; read as 'column {first}'. "
        "Name it in the header row to read it by its name.",
        f"Column {last} has values but no header: row 4; read as 'column {last}'. "
        "Name it in the header row to read it by its name.",
        f"Column {empty} has no header and no value in any row: left out.",
    ]
    assert events["event_id"].tolist() == [row["event_id"] for row in rows]


def test_a_json_key_that_is_empty_is_read_as_a_csv_s_empty_name_is_and_round_trips():
    """A record's empty key was kept as a column named '' (unsaid), and `convert` wrote a
    CSV whose header that empty name made `validate` refuse (`column #N: column name is
    empty`); now it is read by every reader's rule and what `convert` writes reads back."""
    rows = sample_events()[:3]
    records = [{**row, "": value} for row, value in zip(rows, ["", "typed aside", ""], strict=True)]
    records.append({**sample_events()[3], "": " "})  # a blank value is none
    events, notices = load_any_frame(json.dumps(records).encode())
    letter = column_letter(len(rows[0]) + 1)
    assert events[f"column {letter}"].tolist() == ["", "typed aside", "", " "]
    assert notices[0] == (
        f"Column {letter} has values but no header: row 3; read as 'column {letter}'. "
        "Name it in the header row to read it by its name."
    )
    again = parse_events(export_csv(events))
    pd.testing.assert_frame_equal(again, events)
    empty = [{**row, "": ""} for row in rows]
    events, notices = load_any_frame(json.dumps(empty).encode())
    assert "" not in events.columns and f"column {letter}" not in events.columns
    assert notices[0] == f"Column {letter} has no header and no value in any row: left out."
