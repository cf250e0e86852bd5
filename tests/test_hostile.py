"""Hostile and awkward input: every corpus file has its exact outcome asserted.

The corpus lives in tests/data/hostile/ and is written by make_corpus.py there
(also checked here: the committed bytes are the script's output). Valid files
must load with exactly the values below and survive export -> load unchanged;
invalid files must fail with exactly the listed problems.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard import schema
from dashboard.export import export_csv
from dashboard.loading import parse_events
from dashboard.problems import EventsFileError

CORPUS = Path(__file__).parent / "data" / "hostile"


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_corpus = _load_generator()

A = {
    "event_id": "a",
    "start_date": "2022-08-03",
    "end_date": "2022-08-03",
    "date_precision": "day",
    "event_type": "visit",
    "title": "Lavrov visits",
}
B = {
    "event_id": "b",
    "start_date": "2022-07-01",
    "end_date": "2022-07-31",
    "date_precision": "month",
    "event_type": "multilateral meeting",
    "title": "Forum",
}
C = {
    "event_id": "c",
    "start_date": "2022-07-25",
    "end_date": "2022-07-25",
    "date_precision": "day",
    "event_type": "repression/execution",
    "title": "Executions",
}

#: Valid files -> the exact non-empty fields of every row (dates as ISO text);
#: every other schema field must be "" and extra columns are listed in EXTRAS.
VALID: dict[str, list[dict[str, str]]] = {
    "valid_minimal.csv": [A, B, C],
    "utf8_bom.csv": [A, B],
    "crlf_endings.csv": [A, B],
    "cr_only_endings.csv": [A, B],
    "no_final_newline.csv": [A, B],
    "header_only.csv": [],
    "header_only_no_newline.csv": [],
    "blank_lines.csv": [A, B],
    "extra_columns.csv": [{**A, "fatalities": "3", "Analyst note": "checked"}, B],
    "quoted_separators_newlines.csv": [
        {
            **A,
            "title": "Talks, then dinner",
            "description": 'Line one\nline two, with "quotes"\r\nand CRLF',
            "actors": "Sergei Lavrov;Min Aung Hlaing",
        },
        B,
    ],
    # Loaded verbatim; only a cell our export escaped ('= -> =) loses its apostrophe.
    "formula_cells.csv": [
        {
            **A,
            "title": "=1+1",
            "description": "+44 20 7946 0000",
            "actors": "-Lavrov",
            "location": "@SUM(A1)",
        },
        {
            **B,
            "event_type": "visit",
            "title": "=already escaped",
            "description": '=HYPERLINK("x")',
            "actors": "\t1",
            "location": "'+2",
        },
    ],
    "html_script.csv": [
        {
            **A,
            "title": '<script>alert("x")</script>',
            "description": "<b>bold</b> <img src=x onerror=alert(1)> **md** [l](javascript:x)",
        }
    ],
    "na_values.csv": [
        {
            **A,
            "event_id": "NA",
            "title": "N/A",
            "description": "null",
            "actors": "None",
            "location": "NaN",
            "notes": "nan",
        },
        {
            **B,
            "event_type": "visit",
            "title": "#N/A",
            "description": "NULL",
            "location": "-",
        },
    ],
    "unicode_text.csv": [
        {**A, "title": "ミャンマー 🇲🇲 visit", "description": "مرحبا — “quoted” ‘text’"}
    ],
    "padded_values.csv": [
        {**A, "title": "  spaced title  ", "actors": " Lavrov ; Min Aung Hlaing "}
    ],
    "many_columns.csv": [{**A, **{f"x{i}": str(i) for i in range(3000)}}],
    # A column with no name is read under its spreadsheet name (refused until session 27).
    "empty_header_name.csv": [{**A, "column G": "x", "notes": "y"}],
}

EXTRAS: dict[str, list[str]] = {
    "extra_columns.csv": ["fatalities", "Analyst note"],
    "many_columns.csv": [f"x{i}" for i in range(3000)],
    "empty_header_name.csv": ["column G"],
}

_MISSING_ALL = [
    "column date_precision: required column is missing",
    "column end_date: required column is missing",
    "column event_id: required column is missing",
    "column event_type: required column is missing",
    "column start_date: required column is missing",
    "column title: required column is missing",
]
_UTF16 = "file: the file is UTF-16; save it as UTF-8 (CSV UTF-8) and retry"
_NUL = "contains NUL bytes: this is not a text CSV file"

#: Invalid files -> the exact problems, in the order they are reported.
INVALID: dict[str, list[str]] = {
    "empty.csv": ["file: the file is empty"],
    "whitespace_only.csv": ["file: the file is empty"],
    "missing_column.csv": ["column title: required column is missing"],
    "renamed_column.csv": ["column event_id: required column is missing"],
    "trailing_spaces_header.csv": [
        "column title: required column is missing",
        "row 1, column title  : column name has spaces around it; did you mean 'title'?",
    ],
    "semicolon_delimiter.csv": [
        *_MISSING_ALL,
        "row 1: the header is one column separated by semicolons; the file must be comma-separated",
    ],
    "tab_delimiter.csv": [
        *_MISSING_ALL,
        "row 1: the header is one column separated by tabs; the file must be comma-separated",
    ],
    "too_few_fields.csv": ["row 3: has 5 fields, the header has 6"],
    "too_many_fields.csv": [
        "row 3: has 7 fields, the header has 6",
        "row 4: has 8 fields, the header has 6",
    ],
    "bad_dates.csv": [
        "row 2, column start_date: '2022/08/03' is not a date in the form YYYY-MM-DD",
        "row 3, column end_date: '3 August 2022' is not a date in the form YYYY-MM-DD",
        "row 3, column start_date: '03-08-2022' is not a date in the form YYYY-MM-DD",
        "row 4, column end_date: '2022-8-3' is not a date in the form YYYY-MM-DD",
        "row 4, column start_date: 'yesterday' is not a date in the form YYYY-MM-DD",
        "row 5, column end_date: '2022-08-03 ' is not a date in the form YYYY-MM-DD",
        "row 5, column start_date: is empty",
    ],
    "impossible_dates.csv": [
        "row 2, column end_date: '2022-02-30' is not a real date",
        "row 2, column start_date: '2022-02-30' is not a real date",
        "row 3, column end_date: '2022-13-01' is not a real date",
        "row 3, column start_date: '2021-02-29' is not a real date",
        "row 4, column end_date: '2022-04-31' is not a real date",
        "row 4, column start_date: '2022-00-10' is not a real date",
    ],
    "end_before_start.csv": [
        "row 2, column end_date: ends (2022-08-02) before it starts (2022-08-03)"
    ],
    "mixed_date_formats.csv": [
        "row 3, column end_date: '08/03/2022' is not a date in the form YYYY-MM-DD",
        "row 3, column start_date: '3 August 2022' is not a date in the form YYYY-MM-DD",
        "row 4, column end_date: '20220803' is not a date in the form YYYY-MM-DD",
    ],
    "duplicate_ids.csv": [
        "row 4, column event_id: duplicate id 'a', first used on row 2",
        "row 6, column event_id: duplicate id 'b', first used on row 3",
    ],
    "unknown_event_types.csv": [
        "row 3, column event_type: unknown event type 'Visit'; see the event-type vocabulary",
        "row 4, column event_type: unknown event type 'summit'; see the event-type vocabulary",
    ],
    "bad_precision.csv": [
        "row 2, column date_precision: unknown precision 'days'; use one of day, week, month, year",
        "row 3, column date_precision: month precision needs whole months: "
        "start on the 1st, end on a month's last day",
        "row 4, column date_precision: year precision needs whole years: "
        "start on 1 January, end on 31 December",
        "row 5, column date_precision: week precision spans at most 14 days; use month precision",
    ],
    "empty_required_values.csv": [
        "row 2, column event_id: is empty",
        "row 2, column title: is empty",
        "row 3, column date_precision: is empty",
        "row 3, column end_date: is empty",
        "row 3, column event_type: is empty",
        "row 3, column start_date: is empty",
        "row 3, column title: is empty",
    ],
    "duplicate_header.csv": ["row 1, column title: column name appears twice"],
    "latin1.csv": [
        "row 2: byte 0xE9 is not valid UTF-8; the file looks like another encoding "
        "(e.g. Latin-1): save it as UTF-8 and retry"
    ],
    "utf16_bom.csv": [_UTF16],
    "utf16_no_bom.csv": [_UTF16],
    "binary_garbage.bin": [f"row 1: {_NUL}"],
    "gzip_bytes.csv.gz": [f"row 1: {_NUL}"],
    "nul_byte.csv": [f"row 3: {_NUL}"],
    "unterminated_quote.csv": [
        'row 3: a quoted value is never closed (a " is missing), '
        "so the rest of the file would be read into it"
    ],
    "quoted_newline_then_errors.csv": [
        "row 5, column start_date: '2022-08-32' is not a real date",
        "row 8, column event_id: duplicate id 'a', first used on row 2",
    ],
    "quoted_newline_too_few_fields.csv": ["row 4: has 6 fields, the header has 7"],
    "blank_lines_then_error.csv": ["row 6, column event_id: duplicate id 'a', first used on row 3"],
}


def corpus_bytes(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def test_corpus_files_are_the_generators_output():
    generated = make_corpus.corpus()
    on_disk = {p.name for p in CORPUS.iterdir() if p.name != "make_corpus.py" and p.is_file()}
    on_disk -= {"__pycache__"}
    assert on_disk == set(generated)
    for name, data in generated.items():
        assert corpus_bytes(name) == data, name


def test_every_corpus_file_has_an_expected_outcome():
    assert set(VALID).isdisjoint(INVALID)
    assert set(VALID) | set(INVALID) == set(make_corpus.corpus())
    assert len(VALID) + len(INVALID) >= 30


def expected_frame(rows: list[dict[str, str]], extras: list[str]) -> pd.DataFrame:
    columns = list(schema.SCHEMA_COLUMNS) + extras
    frame = pd.DataFrame({c: pd.Series([r.get(c, "") for r in rows], dtype="str") for c in columns})
    for column in schema.DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d").astype("datetime64[s]")
    return frame


@pytest.mark.parametrize("name", sorted(VALID))
@pytest.mark.filterwarnings("ignore:Column G has values but no header")
def test_valid_file_loads_exactly(name):
    events = parse_events(corpus_bytes(name))
    expected = expected_frame(VALID[name], EXTRAS.get(name, []))
    pd.testing.assert_frame_equal(events, expected)


@pytest.mark.parametrize("name", sorted(VALID))
@pytest.mark.filterwarnings("ignore:Column G has values but no header")
def test_valid_file_survives_export_and_reload(name):
    events = parse_events(corpus_bytes(name))
    pd.testing.assert_frame_equal(parse_events(export_csv(events)), events)


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_file_reports_exactly(name):
    with pytest.raises(EventsFileError) as caught:
        parse_events(corpus_bytes(name))
    assert [str(p) for p in caught.value.problems] == INVALID[name]


def test_formula_cells_are_neutralised_on_export():
    exported = export_csv(parse_events(corpus_bytes("formula_cells.csv")))
    records = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"), newline="")))
    a, b = records[1], records[2]
    header = records[0]
    cell = dict(zip(header, a, strict=True))
    assert [cell["title"], cell["description"], cell["actors"], cell["location"]] == [
        "'=1+1",
        "'+44 20 7946 0000",
        "'-Lavrov",
        "'@SUM(A1)",
    ]
    cell = dict(zip(header, b, strict=True))
    assert [cell["title"], cell["description"], cell["actors"], cell["location"]] == [
        "'=already escaped",
        '\'=HYPERLINK("x")',
        "'\t1",
        "''+2",
    ]
    triggers = ("=", "+", "-", "@", "\t", "\r")
    assert not [v for row in records for v in row if v.startswith(triggers)]


def test_one_megabyte_text_field():
    data = make_corpus.big_field_bytes()
    events = parse_events(data)
    assert len(events) == 1
    description = events.at[0, "description"]
    assert len(description) == 1 << 20
    assert description.startswith('word, "quoted"\nword')
    pd.testing.assert_frame_equal(parse_events(export_csv(events)), events)


@pytest.mark.slow
def test_fifty_megabyte_file(tmp_path):
    data, count = make_corpus.big_table_bytes()
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    assert path.stat().st_size >= 50 << 20
    events = parse_events(path.read_bytes())
    assert len(events) == count
    last = count - 1
    assert events.iloc[-1][["event_id", "title", "description"]].tolist() == [
        f"e{last}",
        f"Event number {last}",
        f"Filler text, with a comma, for row {last}",
    ]
    assert events["event_id"].is_unique
