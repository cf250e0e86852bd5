"""Nothing lost: any valid event table comes back identical from export -> load.

Hypothesis generates event tables with awkward text in every text field (any
Unicode but NUL and lone surrogates: quotes, separators, CR/LF, tabs, leading
``= + - @ '``, "NA", HTML, emoji), random valid date spans for every
precision, and extra columns with awkward names.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from datetime import date, timedelta

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import schema
from dashboard.export import export_csv
from dashboard.loading import parse_events, validate_events_frame

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

AWKWARD = [
    "",
    " ",
    "NA",
    "N/A",
    "null",
    "None",
    "nan",
    "=1+1",
    "+44 1",
    "-1",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "'=x",
    "''+",
    "'",
    '"',
    '""',
    ",",
    ";",
    "a;b",
    "\n",
    "\r\n",
    "line\nbreak",
    "<script>alert(1)</script>",
    "<b>x</b>",
    "🇲🇲👍🏽",
    "\u2028\x85\x0b\x0c",
    "\ufeffBOM",
]

#: Every Unicode character a text file can hold (NUL marks a binary file; the
#: loader refuses it, see docs/formats.md).
CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")

text = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(CHARACTERS, max_size=20),
    st.tuples(st.sampled_from(AWKWARD), st.text(CHARACTERS, max_size=8)).map("".join),
)
non_blank = text.filter(lambda s: s.strip() != "")
column_name = non_blank.filter(lambda s: s not in schema.SCHEMA_COLUMNS)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@st.composite
def date_span(draw) -> tuple[str, str, str]:
    precision = draw(st.sampled_from(schema.PRECISIONS))
    start = draw(st.dates(min_value=date(1800, 1, 1), max_value=date(2199, 12, 31)))
    if precision == "day":
        end = start + timedelta(days=draw(st.integers(0, 3)))
    elif precision == "week":
        end = start + timedelta(days=draw(st.integers(0, 13)))
    elif precision == "month":
        start = start.replace(day=1)
        months = draw(st.integers(0, 2))
        last = date(
            start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1, 1
        )
        end = _month_end(last)
    else:
        start = date(start.year, 1, 1)
        end = date(start.year + draw(st.integers(0, 1)), 12, 31)
    return start.isoformat(), end.isoformat(), precision


@st.composite
def coordinates(draw) -> dict[str, str]:
    """Both coordinates empty, or both plain decimal degrees in range (negatives included)."""
    if draw(st.booleans()):
        return {"latitude": "", "longitude": ""}
    return {
        column: draw(
            st.decimals(-bound, bound, places=draw(st.integers(0, 4))).map(lambda d: format(d, "f"))
        )
        for column, bound in schema.COORDINATE_BOUNDS.items()
    }


@st.composite
def event_tables(draw) -> pd.DataFrame:
    n = draw(st.integers(0, 6))
    ids = draw(st.lists(non_blank, min_size=n, max_size=n, unique=True))
    extras = draw(st.lists(column_name, max_size=3, unique=True))
    optional = [
        c
        for c in schema.OPTIONAL_COLUMNS
        if c not in schema.COORDINATE_BOUNDS and draw(st.booleans())
    ]
    if draw(st.booleans()):  # a file has both coordinate columns or neither
        optional += list(schema.COORDINATE_BOUNDS)
    columns: dict[str, list[str]] = {c: [] for c in (*schema.REQUIRED_COLUMNS, *optional, *extras)}
    for event_id in ids:
        start, end, precision = draw(date_span())
        row = {
            "event_id": event_id,
            "start_date": start,
            "end_date": end,
            "date_precision": precision,
            "event_type": draw(st.sampled_from(schema.EVENT_TYPE_NAMES)),
            "title": draw(non_blank),
            "source_paragraph": draw(st.sampled_from(["", "1", "2;5", "10 ; 11"])),
            "date_basis": draw(st.sampled_from(schema.DATE_BASES)),
            **draw(coordinates()),
        }
        for column in columns:
            columns[column].append(row[column] if column in row else draw(text))
    frame = pd.DataFrame({c: pd.Series(v, dtype="str") for c, v in columns.items()})
    return validate_events_frame(frame)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(event_tables())
def test_export_then_load_gives_back_every_field(events):
    exported = export_csv(events)
    pd.testing.assert_frame_equal(parse_events(exported), events)
    # ... and at the same time no exported cell can run as a spreadsheet formula.
    text = exported.decode("utf-8")
    assert text.startswith("\ufeff")
    records = csv.reader(io.StringIO(text[1:], newline=""))
    # A plain negative number is read as a number by spreadsheets, never as a formula.
    risky = [
        cell
        for record in records
        for cell in record
        if cell.startswith(TRIGGERS) and not re.fullmatch(r"-\d+(\.\d+)?", cell)
    ]
    assert not risky
