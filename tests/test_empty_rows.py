"""Rows that hold no value (a spreadsheet's emptied row, saved as ``,,,,``) are skipped.

Excel and LibreOffice keep a row that was emptied but kept its formatting, and write it
as a line of delimiters only. Nothing is in it, so it is skipped as a blank line is, on
every path that reads a CSV (our schema whole or in chunks, the formats' readers, the
app's upload), with a notice naming its rows; the rows after it keep their file numbers.
A row with one value is a record and is still refused by row and column.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest
from conftest import csv_bytes, event_row, sample_events
from test_engines import ROWS
from test_upload import EVENTS, infos, metric, open_app, upload

from dashboard import cli
from dashboard.dataset import ROW_COLUMN, write_dataset, write_dataset_in_chunks
from dashboard.importing import load_any, load_any_frame
from dashboard.loading import load_events_frame, parse_events
from dashboard.problems import EventsFileError
from dashboard.table import load_events


def with_empty_lines(data: bytes, before: list[int], delimiter: bytes = b",") -> bytes:
    """``data`` with a line of delimiters only (spaces in some) put before each of the
    file lines ``before`` (numbered as in ``data``; the header is line 1)."""
    lines = data.split(b"\n")
    width = lines[0].count(delimiter) + 1
    out = []
    for number, line in enumerate(lines, 1):
        if number in before:
            fields = [b" " if number % 2 else b""] * width
            out.append(delimiter.join(fields))
        out.append(line)
    return b"\n".join(out)


def problems(data: bytes, **options) -> list[str]:
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(data, **options)
    return [str(p) for p in caught.value.problems]


CLEAN = csv_bytes(sample_events())
SHAPES = Path(__file__).parent / "data" / "formats"


def test_a_spreadsheets_emptied_rows_are_skipped_with_a_notice_naming_them():
    data = with_empty_lines(CLEAN, [3, 5])
    width = CLEAN.split(b"\n")[0].count(b",")
    data += b"," * width + b"\r\n"  # the last line too, as Excel ends its lines
    frame, notices = load_any_frame(data)
    expected, _ = load_any_frame(CLEAN)
    assert frame.equals(expected)
    last = data.rstrip(b"\r\n").count(b"\n") + 1
    assert notices == [f"3 empty rows (only delimiters) skipped: rows 3, 6, {last}."]


def test_the_rows_after_an_empty_row_keep_their_file_numbers():
    rows = [event_row(event_id="a"), event_row(event_id="b", start_date="2022-02-30")]
    data = with_empty_lines(csv_bytes(rows), [3])
    said = "row 4, column start_date: '2022-02-30' is not a real date"
    assert problems(data) == [said]
    with pytest.raises(EventsFileError) as caught, pytest.warns(UserWarning, match="row 3"):
        parse_events(data)  # a direct call, with no notice channel of its own: warned
    assert [str(p) for p in caught.value.problems] == [said]


def test_a_row_of_one_value_is_still_a_record_refused_by_row_and_column():
    header = CLEAN.split(b"\n")[0].decode()
    columns = header.split(",")
    only_title = ["Only a title" if c == "title" else "" for c in columns]
    data = CLEAN + (",".join(only_title) + "\n").encode()
    row = CLEAN.count(b"\n") + 1
    found = problems(data)
    assert f"row {row}, column event_id: is empty" in found
    assert f"row {row}, column start_date: is empty" in found
    assert not any("title" in p for p in found)


def test_a_tab_separated_table_skips_its_rows_of_tabs_alone():
    data = with_empty_lines(csv_bytes(sample_events(), delimiter="\t"), [2], b"\t")
    frame, notices = load_any_frame(data)
    assert len(frame) == len(sample_events())
    assert notices == ["1 empty row (only delimiters) skipped: row 2."]


ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,"
    "actor1,assoc_actor_1,actor2,assoc_actor_2,country,location,notes,source"
)


def test_an_acled_export_skips_them_too_and_names_later_rows_truly():
    lines = [
        ACLED_HEADER,
        "A1,2022-08-03,2022,1,Battles,Armed clash,X,,,,Myanmar,,,",
        ",,,,,,,,,,,,,",
        "A2,2022-08-04,2022,1,Battles,Armed clash,X,,,,Myanmar,,,",
    ]
    frame, notices = load_any_frame("\n".join(lines).encode() + b"\n", format="acled")
    assert frame["event_id"].tolist() == ["A1", "A2"]
    assert "1 empty row (only delimiters) skipped: row 3." in notices
    lines.append("A3,31 February 2022,2022,1,Battles,Armed clash,X,,,,Myanmar,,,")
    assert problems("\n".join(lines).encode(), format="acled") == [
        "row 5, column event_date: '31 February 2022' is not a real date"
    ]


def test_chunks_skip_them_as_the_whole_load_does(tmp_path):
    clean = csv_bytes(ROWS)
    total = clean.count(b"\n")
    before = [2, 40, 41, 200, total // 2, total - 3]
    path = tmp_path / "events.csv"
    path.write_bytes(with_empty_lines(clean, before))
    table, whole_notices = load_any(path)
    assert len(table) == len(ROWS)
    notice = [n for n in whole_notices if "empty row" in n]
    assert len(notice) == 1
    whole = write_dataset(table, tmp_path / "whole")
    chunked, chunked_notices = write_dataset_in_chunks(
        path, tmp_path / "chunked", chunk_bytes=2_000
    )
    assert [n for n in chunked_notices if "empty row" in n] == notice
    a = pq.read_table(whole.path).sort_by(ROW_COLUMN)
    b = pq.read_table(chunked.path).sort_by(ROW_COLUMN)
    assert a.num_rows == b.num_rows == len(ROWS)
    assert a.equals(b)


def test_the_app_opens_the_upload_and_says_which_rows_were_skipped():
    at = upload(open_app(EVENTS), "sheet.csv", with_empty_lines(CLEAN, [4]))
    assert not at.exception
    assert metric(at, "Events") == str(len(sample_events()))
    # Shown as Markdown, its punctuation escaped.
    assert "1 empty row \\(only delimiters\\) skipped\\: row 4\\." in infos(at)


# Session 26: the paths that still skipped such rows without a word.


def test_a_row_of_delimiters_only_of_another_width_is_an_empty_row_not_a_field_count():
    """Spreadsheets write an emptied row with the width of the sheet's used range, which
    need not be the header's: `,,,` under a wider header was refused as `row 3: has 4
    fields, the header has N`."""
    lines = CLEAN.split(b"\n")
    short, wide = b",,,", b"," * (lines[0].count(b",") + 3)
    data = b"\n".join([lines[0], lines[1], short, *lines[2:3], b"  ,\t, ", wide, *lines[3:]])
    frame, notices = load_any_frame(data)
    expected, _ = load_any_frame(CLEAN)
    assert frame.equals(expected)
    assert notices == ["3 empty rows (only delimiters) skipped: rows 3, 5–6."]
    # A short row holding a value is still refused by its field count.
    width = lines[0].count(b",") + 1
    refused = problems(data.replace(b"\n" + short + b"\n", b"\nx,,,\n"))
    assert refused == [f"row 3: has 4 fields, the header has {width}"]


def test_a_headerless_gdelt_file_skips_them_by_its_own_line_numbers():
    lines = (SHAPES / "gdelt2.export.CSV").read_bytes().splitlines()  # 61 fields, no header
    data = b"\n".join([lines[0], b"\t\t", *lines[1:]]) + b"\n"
    frame, notices = load_any_frame(data)
    assert len(frame) == len(lines)
    assert "1 empty row (only delimiters) skipped: row 2." in notices


def test_a_direct_parse_events_call_says_what_it_skipped():
    """``parse_events`` (and ``load_events_frame``, which the command line's `score` and
    the test helpers' `load_events` read with) skipped them with no word when not handed
    ``on_empty_rows``: now it warns, in the notice's words."""
    data = with_empty_lines(CLEAN, [3])
    told: list[list[int]] = []
    parse_events(data, on_empty_rows=told.append)
    assert told == [[3]]
    with pytest.warns(UserWarning, match=r"^1 empty row \(only delimiters\) skipped: row 3\.$"):
        frame = parse_events(data)
    assert len(frame) == len(sample_events())
    told.clear()
    load_events_frame(data, on_empty_rows=told.append)
    assert told == [[3]]


def test_the_score_command_says_which_rows_of_its_tables_it_skipped(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_bytes(with_empty_lines(CLEAN, [4]))
    err = io.StringIO()
    assert cli.main(["score", str(path), str(path)], io.StringIO(), err) == cli.EXIT_OK
    assert f"{path}: 1 empty row (only delimiters) skipped: row 4." in err.getvalue()


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbooks_empty_rows_are_skipped_with_a_notice_naming_the_rows_excel_shows():
    """An .xlsx's empty rows were skipped with no word (a CSV's were said since 3df86f9)."""
    header, *records = list(csv.reader(io.StringIO(CLEAN.decode("utf-8-sig"), newline="")))
    empty = [None] * len(header)
    rows = [["Events, as kept"], [], header, records[0], empty, records[1], empty, *records[2:]]
    frame, notices = load_any_frame(_workbook(rows))
    assert len(frame) == len(records)
    assert "2 empty rows (no value in any cell) skipped: rows 5, 7." in notices, (
        notices
    )  # the rows Excel shows: a title and a blank line above the header (row 3)


# Session 26 (files26b): a sheet's formatted rows below its table are hundreds, and the
# notice named five of them and counted the rest ("rows 794, 795, 796, 797, 798 and 202
# more"); runs of rows are named as ranges on every path that says it.


def test_a_workbooks_formatted_rows_below_its_table_are_named_as_one_range():
    header, *records = list(csv.reader(io.StringIO(CLEAN.decode("utf-8-sig"), newline="")))
    book = openpyxl.Workbook()
    for row in [header, *records]:
        book.active.append(row)
    last = len(records) + 1
    for number in range(last + 1, 301):  # formatted, never filled: as Excel keeps them
        book.active.cell(row=number, column=2).number_format = "0.00"
    out = io.BytesIO()
    book.save(out)
    frame, notices = load_any_frame(out.getvalue())
    assert len(frame) == len(records)
    count = 300 - last
    assert f"{count} empty rows (no value in any cell) skipped: rows {last + 1}–300." in notices


def _with_trailing_delimiter_rows(data: bytes, count: int) -> tuple[bytes, int]:
    """``data`` (ending in a newline) with ``count`` lines of delimiters after its records,
    and the file row of the first of them."""
    lines = data.rstrip(b"\n").split(b"\n")
    empty = b"," * lines[0].count(b",")
    return b"\n".join([*lines, *[empty] * count]) + b"\n", len(lines) + 1


def test_a_run_of_delimiter_rows_is_named_as_a_range_on_every_path(tmp_path):
    data, first = _with_trailing_delimiter_rows(with_empty_lines(CLEAN, [3]), 1200)
    said = f"1,201 empty rows (only delimiters) skipped: rows 3, {first:,}–{first + 1199:,}."
    _, notices = load_any_frame(data)
    assert said in notices
    with pytest.warns(UserWarning, match=f"^{re.escape(said)}$"):
        parse_events(data)
    path = tmp_path / "gold.csv"
    path.write_bytes(data)
    err = io.StringIO()
    assert cli.main(["score", str(path), str(path)], io.StringIO(), err) == cli.EXIT_OK
    assert f"{path}: {said}" in err.getvalue()


def test_load_events_hands_the_notice_to_its_caller_instead_of_warning():
    """``table.load_events`` (the tests' loader, and a library caller's) could only warn
    it: a caller had no notice to show."""
    data = with_empty_lines(CLEAN, [3, 4])
    told: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = load_events(data, on_notice=told.append)
    assert len(table) == len(sample_events())
    assert told == ["2 empty rows (only delimiters) skipped: rows 3, 5."]
    with pytest.warns(UserWarning, match=r"^2 empty rows \(only delimiters\) skipped"):
        load_events(data)
