"""Excel workbooks as analysts and data sites write them (dashboard.containers).

The workbooks are written here with openpyxl, then altered as the real files were
(docs/formats.md "Real files checked").
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest

from dashboard.containers import read_xlsx_sheet, read_xlsx_table
from dashboard.importing import load_any_frame
from dashboard.mapping import ColumnMapping
from dashboard.problems import EventsFileError


def _saved(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    return _saved(book)


def _with_dimension(data: bytes, ref: str) -> bytes:
    """The workbook with its first sheet's ``<dimension ref=...>`` replaced by ``ref``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                stated = f'<dimension ref="{ref}"'.encode()
                body, n = re.subn(rb'<dimension ref="[^"]*"', stated, body)
                assert n == 1
            dst.writestr(item, body)
    return out.getvalue()


def test_a_sheet_whose_stated_size_is_one_cell_is_read_whole():
    """ACLED's own country-year workbook (2,698 rows, 3 columns) says its sheet is
    ``<dimension ref="A1"/>``; openpyxl's read-only mode trusts that, so only the
    header's first cell was read: a table of one column and no rows."""
    rows = [["country", "year", "events"]] + [[f"Land {i}", 2000 + i, i * 7] for i in range(40)]
    data = _with_dimension(_workbook(rows), "A1")
    table = read_xlsx_table(data)
    assert list(table.columns) == ["country", "year", "events"]
    assert len(table) == 40
    assert table.iloc[-1].tolist() == ["Land 39", "2039", "273"]


#: An analyst's log of visits as kept by hand: a date cell, a date typed as text, a note
#: with a line break, a blank line between two records (made-up records).
LOG = [
    ["Date", "Visitor", "Host country", "Notes"],
    [dt.datetime(2021, 3, 4), "Minister A", "Freedonia", "talks\nand a dinner"],
    ["5 April 2021", "Minister B", "Sylvania", None],
    [None, None, None, None],
    [dt.datetime(2021, 6, 7), "Minister C", "France", "x"],
]
LOG_MAPPING = ColumnMapping.from_assignments(
    ["when=Date", "actors=Visitor", "countries=Host country", "title=Visitor", "notes=Notes"],
    ["event_type=visit"],
)


def _merged_title(rows: list[list[object]], title: str, blank_lines: int) -> bytes:
    """``rows`` under a title merged across their columns, then ``blank_lines`` empty rows."""
    width = len(rows[0])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([title] + [None] * (width - 1))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for _ in range(blank_lines):
        sheet.append([])
    for row in rows:
        sheet.append(row)
    return _saved(book)


def test_a_blank_line_between_records_is_no_record():
    """A CSV's blank line is no record; a sheet's empty row was one, refused as
    `row 4, column Date: '' is not a date`."""
    events, _ = load_any_frame(_workbook(LOG), mapping=LOG_MAPPING)
    assert events["event_id"].tolist() == ["row-2", "row-3", "row-5"]
    assert events["start_date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2021-03-04",
        "2021-04-05",
        "2021-06-07",
    ]
    assert events["date_precision"].tolist() == ["day"] * 3
    assert events["notes"].tolist()[0] == "talks\nand a dinner"


@pytest.mark.parametrize("blank_lines", [0, 2])
def test_a_title_above_the_header_is_skipped_and_said(blank_lines):
    """A hand-kept sheet's title above its header was read as the header: the mapping
    was refused, `column Date: is not a column of the table (its columns: 'Visits ...')`."""
    data = _merged_title(LOG, "Visits log, 2021", blank_lines)
    header_row = 2 + blank_lines
    events, notices = load_any_frame(data, mapping=LOG_MAPPING)
    # Each record is named by its row as Excel shows it.
    rows = [header_row + 1, header_row + 2, header_row + 4]
    assert events["event_id"].tolist() == [f"row-{n}" for n in rows]
    assert events["actors"].tolist() == ["Minister A", "Minister B", "Minister C"]
    above = "the row above it" if header_row == 2 else f"the {header_row - 1} rows above it"
    assert notices[0] == (
        f"The sheet's header is row {header_row}: {above} (a title: 'Visits log, 2021') "
        f"{'was' if header_row == 2 else 'were'} skipped."
    )


def test_a_problem_under_a_title_names_the_row_excel_shows():
    bad = [*LOG, ["sometime soon", "Minister D", "France", None]]
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(_merged_title(bad, "Visits", 1), mapping=LOG_MAPPING)
    assert str(caught.value.problems[0]).startswith(
        "row 8, column Date: 'sometime soon' is not a date"
    )


def test_a_sheet_of_one_column_keeps_its_first_row_as_the_header():
    table = read_xlsx_table(_workbook([["country"], ["Freedonia"], ["Sylvania"]]))
    assert list(table.columns) == ["country"]
    assert table["country"].tolist() == ["Freedonia", "Sylvania"]


def test_a_date_cell_with_a_time_of_day_is_that_day():
    """It was read as the whole year (2021-01-01 to 2021-12-31), silently."""
    rows = [["Date", "Visitor"], [dt.datetime(2021, 6, 7, 14, 30), "Minister C"]]
    mapping = ColumnMapping.from_assignments(["when=Date", "title=Visitor"], ["event_type=visit"])
    events, _ = load_any_frame(_workbook(rows), mapping=mapping)
    assert events["start_date"].dt.strftime("%Y-%m-%d").tolist() == ["2021-06-07"]
    assert events["end_date"].dt.strftime("%Y-%m-%d").tolist() == ["2021-06-07"]
    assert events["date_precision"].tolist() == ["day"]


def _with_sheets_before(rows: list[list[object]], first: dict[str, list[list[object]]]) -> bytes:
    """A workbook whose sheets ``first`` (name -> rows) come before 'Events' (``rows``)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, content in {**first, "Events": rows}.items():
        sheet = book.create_sheet(name)
        for row in content:
            sheet.append(row)
    return _saved(book)


def test_a_workbook_of_several_sheets_names_those_not_read():
    """Workbooks keep their data on a named sheet (others' code reads the Diplometrics
    travel workbook's 'Master'); only the first sheet is read, and nothing said which."""
    data = _with_sheets_before(LOG, {"About": [["Kept by hand since 2021"]]})
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(data)
    said = [str(p) for p in caught.value.problems]
    assert (
        "file: Read the workbook's first sheet ('About'); its other sheet ('Events') was not "
        "read: to read another, move it first in Excel, or save it as CSV."
    ) in said
    # Read when it is first, and the notice says so.
    data = _with_sheets_before(LOG[:3], {})
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.create_sheet("Sources")
    events, notices = load_any_frame(_saved(book), mapping=LOG_MAPPING)
    assert len(events) == 2
    assert notices[0] == (
        "Read the workbook's first sheet ('Events'); its other sheet ('Sources') was not "
        "read: to read another, move it first in Excel, or save it as CSV."
    )


@pytest.mark.parametrize("keep", [30, 600, 0.5])
def test_a_workbook_cut_short_is_said_to_be_one_not_a_csv_with_nul_bytes(keep):
    """An .xlsx cut short (an interrupted download) was read as a CSV and refused as
    'row 1: contains NUL bytes: this is not a text CSV file'."""
    whole = _workbook([["Date", "Visitor"], ["2021-06-07", "Minister A"]])
    cut = whole[: int(len(whole) * keep) if isinstance(keep, float) else keep]
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(cut)
    (problem,) = caught.value.problems
    assert str(problem).startswith("file: is a ZIP archive but no Excel workbook (.xlsx)")


def test_values_in_a_column_with_no_header_are_read_under_its_excel_name_and_said():
    """Values typed in a column whose header cell is empty were dropped unsaid, and a
    row holding values only there was skipped as having "no value in any cell"."""
    rows = [
        ["Date", "Visitor", "Host country", "Notes", None, None],
        [dt.datetime(2021, 3, 4), "Minister A", "Freedonia", "x", None, "met twice"],
        [dt.datetime(2021, 4, 5), "Minister B", "Sylvania", None, None, "cancelled"],
        [None, None, None, None, None, "a note under the table"],
        [dt.datetime(2021, 6, 7), "Minister C", "France", None, None, None],
        [None, None, None, None, None, "closing remark"],
    ]
    sheet = read_xlsx_sheet(_workbook(rows))
    assert list(sheet.frame.columns) == ["Date", "Visitor", "Host country", "Notes", "column F"]
    assert sheet.frame["column F"].tolist() == [
        "met twice",
        "cancelled",
        "a note under the table",
        "",
        "closing remark",
    ]
    assert sheet.rows.tolist() == [2, 3, 4, 5, 6]
    assert sheet.notices == (
        "Column F has values but no header: rows 2–4, 6; read as 'column F'. "
        "Name it in the header row to read it by its name.",
        "Column E has no header and no value in any row: left out.",
    )


def test_an_unnamed_column_between_named_ones_is_read_and_an_empty_one_left_out():
    """An empty header cell between named ones refused the whole sheet (`column #2:
    column name is empty`), whether or not its column held anything."""
    rows = [
        ["country", None, None, "year"],
        ["Freedonia", None, "north", "2001"],
        ["Sylvania", None, None, "2002"],
    ]
    sheet = read_xlsx_sheet(_workbook(rows))
    assert list(sheet.frame.columns) == ["country", "column C", "year"]
    assert sheet.frame["column C"].tolist() == ["north", ""]
    assert sheet.notices == (
        "Column C has values but no header: row 2; read as 'column C'. "
        "Name it in the header row to read it by its name.",
        "Column B has no header and no value in any row: left out.",
    )


def test_a_sheets_blank_formatted_columns_are_left_out_and_said_as_a_csvs_are():
    """A CSV's column with no header and no value (a trailing comma) was left out with a
    notice, a workbook's (cells formatted but never filled: Excel keeps them in the
    sheet) without one. One rule now: left out, said once, a run of columns as a range."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["country", "year"], ["Freedonia", "2001"], ["Sylvania", "2002"]):
        sheet.append(row)
    for column in range(3, 9):  # C to H: bordered, shaded, never typed in
        for row in range(1, 4):
            sheet.cell(row=row, column=column).fill = openpyxl.styles.PatternFill(
                "solid", fgColor="DDDDDD"
            )
    said = "Columns C–H have no header and no value in any row: left out."
    read = read_xlsx_sheet(_saved(book))
    assert list(read.frame.columns) == ["country", "year"]
    assert read.notices == (said,)
    csv = b"country,year,,,,,,\nFreedonia,2001,,,,,,\nSylvania,2002,,,,,,\n"
    _, csv_notices = load_any_frame(
        csv,
        mapping=ColumnMapping.from_assignments(
            ["when=year", "title=country"], ["event_type=visit"]
        ),
    )
    assert said in csv_notices


def test_a_made_up_name_never_takes_a_header_s_name():
    rows = [["column C", "year", None], ["x", "2001", "y"]]
    sheet = read_xlsx_sheet(_workbook(rows))
    assert list(sheet.frame.columns) == ["column C", "year", "column C (no header)"]
    assert sheet.frame.iloc[0].tolist() == ["x", "2001", "y"]


def test_an_unnamed_column_reaches_the_mapped_events_as_a_column():
    rows = [[*r, None] for r in LOG]
    rows[0] = [*rows[0], "Place"]  # the header names column F; column E is unnamed
    rows[1][4] = "an aside"
    events, notices = load_any_frame(_workbook(rows), mapping=LOG_MAPPING)
    assert events["column E"].tolist() == ["an aside", "", ""]
    assert any(n.startswith("Column E has values but no header: row 2;") for n in notices)
