"""Export: the CSV loads back identical, and no cell can run as a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest
from conftest import csv_bytes, event_row, sample_events

from dashboard.cells import escape_formula_cells, unescape_formula_cells
from dashboard.export import BOM, export_csv, export_frame, export_timelinejs, timelinejs
from dashboard.filters import FilterSpec, apply_filters
from dashboard.loading import parse_events
from dashboard.table import load_events

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

AWKWARD = [
    "=SUM(A1:A2)",
    "+1",
    "-1",
    "-92.1501",
    "'-1",
    "-1+1",
    "@cmd",
    "\tTabbed",
    "\rCarriage",
    '=HYPERLINK("http://x","click")',
    "'=x",
    "''=x",
    "'hello",
    "'",
    "''",
    "-",
    "a=b",
    " =not first",
    "line one\nline two",
    "cr\rinside",
    "crlf\r\ninside",
    'say "hi", then, go',
    "NA",
    "null",
    "",
    "Café — မြန်မာ 世界",
    "<script>alert(1)</script>",
]


def round_trip(frame: pd.DataFrame) -> pd.DataFrame:
    return parse_events(export_csv(frame))


def raw_cells(data: bytes) -> list[list[str]]:
    """The cells as a spreadsheet reads them: the raw CSV text, nothing undone."""
    text = data.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM) :], newline="")))


def frame_holding(values: list[str], columns: tuple[str, ...]) -> pd.DataFrame:
    """A valid events frame whose ``columns`` hold ``values`` in memory (not via a CSV file,
    whose apostrophes the loader would already have undone)."""
    rows = [event_row(event_id=f"e{i}") for i in range(len(values))]
    frame = parse_events(csv_bytes(rows))
    for column in columns:
        frame[column] = pd.Series(values, dtype="str")
    return frame


@pytest.fixture
def awkward_frame() -> pd.DataFrame:
    frame = frame_holding(AWKWARD, ("description", "notes", "actors", "location"))
    frame["title"] = pd.Series([v or "t" for v in AWKWARD], dtype="str")
    frame["extra column"] = pd.Series(AWKWARD, dtype="str")
    frame["=formula header"] = pd.Series(AWKWARD, dtype="str")
    return frame


def test_round_trip_is_identical_in_every_field(awkward_frame):
    again = round_trip(awkward_frame)
    pd.testing.assert_frame_equal(again, awkward_frame)
    assert list(again.columns)[-2:] == ["extra column", "=formula header"]


def test_round_trip_of_the_sample_events():
    frame = parse_events(csv_bytes(sample_events()))
    pd.testing.assert_frame_equal(round_trip(frame), frame)


def test_only_the_given_rows_are_exported_in_the_given_order():
    frame = parse_events(csv_bytes(sample_events()))
    subset = frame.iloc[[4, 1]]
    again = round_trip(subset)
    assert again["event_id"].tolist() == ["coup", "forum-july"]
    pd.testing.assert_frame_equal(again, subset.reset_index(drop=True))


def test_empty_selection_exports_the_header_only():
    frame = parse_events(csv_bytes(sample_events())).iloc[[]]
    data = export_csv(frame)
    assert raw_cells(data) == [list(frame.columns)]
    again = parse_events(data)
    assert again.empty
    assert list(again.columns) == list(frame.columns)


def test_bom_and_crlf_line_ends():
    data = export_csv(parse_events(csv_bytes(sample_events())))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    assert data.count(b"\r\n") == len(sample_events()) + 1


def test_dates_are_written_as_iso_days():
    frame = parse_events(csv_bytes(sample_events()))
    cells = raw_cells(export_csv(frame))
    header = cells[0]
    assert [r[header.index("start_date")] for r in cells[1:]] == [
        r["start_date"] for r in sample_events()
    ]


def test_no_raw_cell_starts_with_a_formula_trigger(awkward_frame):
    cells = raw_cells(export_csv(awkward_frame))
    for row in cells:
        for cell in row:
            # Only a plain negative number may start with a trigger: it is read as a number.
            assert not cell.startswith(TRIGGERS) or re.fullmatch(r"-\d+(\.\d+)?", cell), repr(cell)


@pytest.mark.parametrize(
    "value, written",
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+1", "'+1"),
        ("-1", "-1"),  # a plain negative number is a number to a spreadsheet, not a formula
        ("-92.1501", "-92.1501"),
        ("-1+1", "'-1+1"),
        ("-1e5", "'-1e5"),
        ("-", "'-"),
        ("'-1", "''-1"),
        ("@cmd", "'@cmd"),
        ("\tTabbed", "'\tTabbed"),
        ("\rCarriage", "'\rCarriage"),
        ("'=x", "''=x"),  # an apostrophe-led formula keeps its own apostrophe
        ("'hello", "'hello"),  # no trigger after the apostrophes: written as is
        ("a=b", "a=b"),
        ("plain", "plain"),
    ],
)
def test_formula_cells_are_prefixed_with_an_apostrophe_in_the_raw_text(value, written):
    frame = frame_holding([value], ("title", "location"))
    cells = raw_cells(export_csv(frame))
    header = cells[0]
    assert cells[1][header.index("title")] == written
    assert cells[1][header.index("location")] == written
    assert round_trip(frame).loc[0, "title"] == value


@pytest.mark.parametrize("value", AWKWARD)
def test_escape_then_unescape_is_the_identity(value):
    column = pd.Series([value], dtype="str")
    assert unescape_formula_cells(escape_formula_cells(column)).iat[0] == value


def test_export_frame_is_all_text_and_leaves_the_input_alone(awkward_frame):
    before = awkward_frame.copy()
    out = export_frame(awkward_frame)
    assert all(out[c].map(type).eq(str).all() for c in out.columns)
    assert "'=formula header" in out.columns
    pd.testing.assert_frame_equal(awkward_frame, before)


def test_timelinejs_story_of_the_filtered_events():
    table = load_events()
    events = apply_filters(table, FilterSpec(countries=("Russia",)))
    story = json.loads(export_timelinejs(events))
    assert story == timelinejs(events)
    slides = {slide["unique_id"]: slide for slide in story["events"]}
    assert list(slides) == events["event_id"].tolist()
    visit = slides["lavrov-visits-myanmar-2022-08-03"]
    assert visit["start_date"] == {"year": 2022, "month": 8, "day": 3}
    assert "end_date" not in visit
    assert "Source: The Wall Street Journal" in visit["text"]["text"]
    for row in events.itertuples():
        # Only the parts the precision knows: no day for a month, only the year for a year.
        known = {"day": 3, "week": 3, "month": 2, "year": 1}[row.date_precision]
        assert len(slides[row.event_id]["start_date"]) == known
    assert "month" in set(events["date_precision"])


def test_timelinejs_escapes_html_and_keeps_spans():
    frame = parse_events(
        csv_bytes(
            [
                event_row(
                    event_id="x",
                    title="<script>alert(1)</script>",
                    start_date="2022-08-03",
                    end_date="2022-08-05",
                    date_precision="day",
                )
            ]
        )
    )
    (slide,) = timelinejs(frame)["events"]
    assert slide["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert slide["end_date"] == {"year": 2022, "month": 8, "day": 5}
