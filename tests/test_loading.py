"""The loader: valid tables come back typed and intact; every invalid one names row and column."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import VALID_EVENT, csv_bytes, csv_text, event_row, sample_events

from dashboard import schema
from dashboard.loading import load_events_frame, parse_events
from dashboard.problems import (
    EventsFileError,
    Problem,
    column_letter,
    format_problems,
    unnamed_columns_notices,
)

HEADER = ",".join(VALID_EVENT)


def problems_of(data: bytes, **options) -> list[str]:
    """The problems the loader reports for ``data``, as the user reads them."""
    with pytest.raises(EventsFileError) as caught:
        parse_events(data, **options)
    return [str(p) for p in caught.value.problems]


def one_row(**overrides: str) -> bytes:
    return csv_bytes([event_row(**overrides)])


# --- valid input -----------------------------------------------------------------------------


def test_valid_table_values_come_back_as_written():
    rows = sample_events()
    frame = parse_events(csv_bytes(rows))
    assert len(frame) == len(rows)
    for i, row in enumerate(rows):
        for column, value in row.items():
            got = frame[column].iat[i]
            if column in schema.DATE_COLUMNS:
                got = got.strftime("%Y-%m-%d")
            assert got == value, (i, column)


def test_dtypes_text_is_str_and_dates_are_datetime64():
    frame = parse_events(csv_bytes(sample_events()))
    for column in frame.columns:
        if column in schema.DATE_COLUMNS:
            assert np.issubdtype(frame[column].dtype, np.datetime64), column
        else:
            assert frame[column].dtype == "str", column
            assert frame[column].map(type).eq(str).all(), column


@pytest.mark.parametrize("value", ["NA", "N/A", "NaN", "null", "None", "nan", "#N/A", "-"])
def test_na_like_text_stays_text(value):
    frame = parse_events(one_row(location=value, notes=value, description=value))
    assert frame.loc[0, ["location", "notes", "description"]].tolist() == [value] * 3
    assert not frame.isna().any().any()


def test_empty_optional_values_are_empty_strings_not_missing():
    frame = parse_events(one_row(location="", notes="", actors=""))
    assert frame.loc[0, ["location", "notes", "actors"]].tolist() == ["", "", ""]


def test_extra_columns_kept_after_schema_columns_in_file_order():
    row = {"zeta": "z", **event_row(), "alpha": "a"}
    frame = parse_events(csv_bytes([row]))
    assert list(frame.columns) == [*schema.SCHEMA_COLUMNS, "zeta", "alpha"]
    assert frame.loc[0, ["zeta", "alpha"]].tolist() == ["z", "a"]
    assert frame["zeta"].dtype == "str"


@pytest.mark.parametrize(
    ("extra", "named"), [({"Latitude": "5"}, "latitude"), ({"Zeta": "1", "zeta": "2"}, "Zeta")]
)
def test_two_columns_named_apart_only_in_letter_case_are_refused(extra, named):
    """Names are read in any letter case (column types, mappings) and DuckDB and Spark read
    them so too: a Parquet dataset of such a table failed every DuckDB export, and a
    query naming one column could be given the other's values."""
    row = {**event_row(latitude="1.5", longitude="2.5"), **extra}
    with pytest.raises(EventsFileError) as caught:
        parse_events(csv_bytes([row]))
    (last,) = [name for name in extra if name != named]
    assert [str(p) for p in caught.value.problems] == [
        f"row 1, column {last}: the same name as column {named!r} in other letter case; "
        "names are read in any letter case: rename one of the two"
    ]


def test_absent_optional_columns_are_added_empty_in_schema_order():
    row = {c: VALID_EVENT[c] for c in reversed(schema.REQUIRED_COLUMNS)}
    frame = parse_events(csv_bytes([row]))
    assert list(frame.columns) == list(schema.SCHEMA_COLUMNS)
    for column in schema.OPTIONAL_COLUMNS:
        assert frame.loc[0, column] == ""
        assert frame[column].dtype == "str"
    assert frame.loc[0, "title"] == VALID_EVENT["title"]


@pytest.mark.parametrize(
    "data",
    [
        HEADER.encode() + b"\n",
        HEADER.encode(),
        HEADER.encode() + b"\r\n",
        b"\xef\xbb\xbf" + HEADER.encode() + b"\n",
    ],
    ids=["newline", "no-line-end", "crlf", "bom"],
)
def test_header_only_is_a_valid_empty_table(data):
    frame = parse_events(data)
    assert len(frame) == 0
    assert list(frame.columns) == list(schema.SCHEMA_COLUMNS)
    assert np.issubdtype(frame["start_date"].dtype, np.datetime64)


def test_utf8_bom_is_accepted_and_not_part_of_the_first_column():
    frame = parse_events(csv_bytes(sample_events(), encoding="utf-8-sig"))
    assert frame.columns[0] == "event_id"
    assert frame["event_id"].iat[0] == VALID_EVENT["event_id"]


def test_crlf_line_ends_are_accepted_and_not_left_in_values():
    rows = sample_events()
    frame = parse_events(csv_bytes(rows, line_end="\r\n"))
    assert frame["event_id"].tolist() == [r["event_id"] for r in rows]
    assert frame["notes"].iat[-1] == rows[-1]["notes"]
    assert not frame["notes"].str.contains("\r").any()


def test_cr_only_line_ends_are_accepted():
    frame = parse_events(csv_bytes(sample_events(), line_end="\r"))
    assert len(frame) == len(sample_events())


def test_quoted_commas_newlines_and_quotes_are_kept():
    text = 'She said "no", then left.\nSecond line, still the same cell.\r\nThird.'
    frame = parse_events(one_row(description=text, title="A, B and C"))
    assert frame.loc[0, "description"] == text
    assert frame.loc[0, "title"] == "A, B and C"


def test_non_ascii_text_is_kept():
    frame = parse_events(one_row(title="Café in Naypyitaw — မြန်မာ", location="Bagan ✓"))
    assert frame.loc[0, "title"] == "Café in Naypyitaw — မြန်မာ"
    assert frame.loc[0, "location"] == "Bagan ✓"


def test_precision_span_rules_accept_what_they_should():
    rows = [
        event_row(event_id="m", date_precision="month", start_date="2024-02-01",
                  end_date="2024-02-29"),
        event_row(event_id="m2", date_precision="month", start_date="2022-06-01",
                  end_date="2022-07-31"),
        event_row(event_id="y", date_precision="year", start_date="2021-01-01",
                  end_date="2021-12-31"),
        event_row(event_id="w", date_precision="week", start_date="2022-07-01",
                  end_date="2022-07-14"),
    ]  # fmt: skip
    assert parse_events(csv_bytes(rows))["event_id"].tolist() == ["m", "m2", "y", "w"]


def test_unknown_event_types_allowed_on_request():
    frame = parse_events(one_row(event_type="picnic"), allow_unknown_event_types=True)
    assert frame.loc[0, "event_type"] == "picnic"


def test_load_events_frame_reads_a_path(write_events):
    path = write_events()
    assert load_events_frame(path).equals(parse_events(path.read_bytes()))


def test_load_events_frame_missing_file_is_a_problem_not_a_traceback(tmp_path):
    with pytest.raises(EventsFileError) as caught:
        load_events_frame(tmp_path / "nope.csv")
    assert str(caught.value.problems[0]).startswith("file: cannot read the file: ")


# --- invalid input: one problem each, exact message ----------------------------------------


@pytest.mark.parametrize(
    "overrides, expected",
    [
        (
            {"start_date": "3 Aug 2022"},
            "row 2, column start_date: '3 Aug 2022' is not a date in the form YYYY-MM-DD",
        ),
        (
            {"end_date": "2022/08/04"},
            "row 2, column end_date: '2022/08/04' is not a date in the form YYYY-MM-DD",
        ),
        (
            {"start_date": "2022-8-3"},
            "row 2, column start_date: '2022-8-3' is not a date in the form YYYY-MM-DD",
        ),
        (
            {"start_date": "2022-02-30", "end_date": "2022-03-01"},
            "row 2, column start_date: '2022-02-30' is not a real date",
        ),
        (
            {"start_date": "2022-01-01", "end_date": "2022-13-01"},
            "row 2, column end_date: '2022-13-01' is not a real date",
        ),
        (
            {"start_date": "2022-08-05"},
            "row 2, column end_date: ends (2022-08-04) before it starts (2022-08-05)",
        ),
        (
            {"event_type": "picnic"},
            "row 2, column event_type: unknown event type 'picnic'; see the event-type vocabulary",
        ),
        (
            {"event_type": "Visit"},
            "row 2, column event_type: unknown event type 'Visit'; see the event-type vocabulary",
        ),
        (
            {"date_precision": "hour"},
            "row 2, column date_precision: unknown precision 'hour'; "
            "use one of day, week, month, year",
        ),
        (
            {"date_precision": "month"},
            "row 2, column date_precision: month precision needs whole months: "
            "start on the 1st, end on a month's last day",
        ),
        (
            {"date_precision": "month", "start_date": "2022-02-01", "end_date": "2022-02-27"},
            "row 2, column date_precision: month precision needs whole months: "
            "start on the 1st, end on a month's last day",
        ),
        (
            {"date_precision": "year", "start_date": "2022-01-01", "end_date": "2022-12-30"},
            "row 2, column date_precision: year precision needs whole years: "
            "start on 1 January, end on 31 December",
        ),
        (
            {"date_precision": "year", "start_date": "2022-01-02", "end_date": "2022-12-31"},
            "row 2, column date_precision: year precision needs whole years: "
            "start on 1 January, end on 31 December",
        ),
        (
            {"date_precision": "week", "start_date": "2022-07-01", "end_date": "2022-07-15"},
            "row 2, column date_precision: week precision spans at most 14 days; "
            "use month precision",
        ),
        ({"title": ""}, "row 2, column title: is empty"),
        ({"title": "   "}, "row 2, column title: is empty"),
        ({"event_id": ""}, "row 2, column event_id: is empty"),
        ({"start_date": ""}, "row 2, column start_date: is empty"),
        ({"date_precision": ""}, "row 2, column date_precision: is empty"),
        (
            {"source_paragraph": "first"},
            "row 2, column source_paragraph: 'first' is not a paragraph number "
            "(or ;-separated numbers)",
        ),
        (
            {"source_paragraph": "3,4"},
            "row 2, column source_paragraph: '3,4' is not a paragraph number "
            "(or ;-separated numbers)",
        ),
        (
            {"date_basis": "guess"},
            "row 2, column date_basis: unknown date basis 'guess'; "
            "use 'article' or 'public record'",
        ),
    ],
)
def test_each_invalid_value_is_reported_with_row_and_column(overrides, expected):
    assert problems_of(one_row(**overrides)) == [expected]


LAT_LON = {"latitude": "19.745", "longitude": "96.115"}


@pytest.mark.parametrize(
    "overrides, expected",
    [
        (
            {**LAT_LON, "latitude": "91"},
            "row 2, column latitude: '91' is out of range: use -90 to 90",
        ),
        (
            {**LAT_LON, "longitude": "-180.5"},
            "row 2, column longitude: '-180.5' is out of range: use -180 to 180",
        ),
        (
            {**LAT_LON, "latitude": "19°44'N"},
            'row 2, column latitude: "19°44\'N" is not a number in decimal degrees (e.g. 19.745)',
        ),
        (
            {**LAT_LON, "longitude": "nan"},
            "row 2, column longitude: 'nan' is not a number in decimal degrees (e.g. 19.745)",
        ),
        (
            {**LAT_LON, "latitude": "1e1"},
            "row 2, column latitude: '1e1' is not a number in decimal degrees (e.g. 19.745)",
        ),
        (
            {**LAT_LON, "latitude": ""},
            "row 2, column latitude: is empty but longitude is given; give both or neither",
        ),
        (
            {"longitude": "", "latitude": "12"},
            "row 2, column longitude: is empty but latitude is given; give both or neither",
        ),
    ],
)
def test_bad_coordinates_are_reported_with_row_and_column(overrides, expected):
    assert problems_of(one_row(**overrides)) == [expected]


def test_coordinates_load_as_text_and_read_as_numbers():
    from dashboard.loading import coordinate_values

    rows = [event_row(**LAT_LON), event_row(event_id="b", latitude="-33.9", longitude="+18.4")]
    rows.append(event_row(event_id="c", latitude="", longitude=""))
    frame = parse_events(csv_bytes(rows))
    assert frame["latitude"].tolist() == ["19.745", "-33.9", ""]
    assert coordinate_values(frame["latitude"]).tolist()[:2] == [19.745, -33.9]
    assert np.isnan(coordinate_values(frame["longitude"]).iat[2])
    assert coordinate_values(frame["longitude"]).iat[1] == 18.4


def test_invalid_row_number_is_its_file_line():
    rows = [event_row(event_id=f"e{i}") for i in range(5)]
    rows[3]["event_type"] = "picnic"
    assert problems_of(csv_bytes(rows)) == [
        "row 5, column event_type: unknown event type 'picnic'; see the event-type vocabulary"
    ]


def test_invalid_row_number_counts_quoted_newlines_before_it():
    rows = [
        event_row(event_id="a", description="one\ntwo\nthree"),
        event_row(event_id="b", notes="x\r\ny"),
        event_row(event_id="c", date_basis="guess"),
    ]
    # Header on line 1, "a" on lines 2-4, "b" on lines 5-6, "c" on line 7.
    assert problems_of(csv_bytes(rows, line_end="\r\n")) == [
        "row 7, column date_basis: unknown date basis 'guess'; use 'article' or 'public record'"
    ]


def test_duplicate_ids_name_the_first_row():
    rows = [event_row(event_id="a"), event_row(event_id="b"), event_row(event_id="a")]
    rows.append(event_row(event_id="a"))
    assert problems_of(csv_bytes(rows)) == [
        "row 4, column event_id: duplicate id 'a', first used on row 2",
        "row 5, column event_id: duplicate id 'a', first used on row 2",
    ]


def test_duplicate_ids_with_braces_in_the_id_are_reported_verbatim():
    rows = [event_row(event_id="x{ref_row}{0}"), event_row(event_id="x{ref_row}{0}")]
    assert problems_of(csv_bytes(rows)) == [
        "row 3, column event_id: duplicate id 'x{ref_row}{0}', first used on row 2"
    ]


def test_braces_in_bad_values_are_reported_verbatim():
    assert problems_of(one_row(event_type="{x}{0}")) == [
        "row 2, column event_type: unknown event type '{x}{0}'; see the event-type vocabulary"
    ]


def test_missing_required_columns_are_all_named():
    row = event_row(title=None, event_type=None)
    assert problems_of(csv_bytes([row])) == [
        "column event_type: required column is missing",
        "column title: required column is missing",
    ]


@pytest.mark.parametrize("delimiter, name", [(";", "semicolons"), ("\t", "tabs"), ("|", "pipes")])
def test_wrong_delimiter_gets_a_hint(delimiter, name):
    found = problems_of(csv_bytes(sample_events(), delimiter=delimiter))
    assert found[-1] == (
        f"row 1: the header is one column separated by {name}; the file must be comma-separated"
    )
    assert sorted(found[:-1]) == sorted(
        f"column {c}: required column is missing" for c in schema.REQUIRED_COLUMNS
    )


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\n", b"\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"],
    ids=["nothing", "blank-lines", "crlf", "bom", "bom-newline"],
)
def test_empty_file(data):
    assert problems_of(data) == ["file: the file is empty"]


def test_a_repeated_name_is_refused_and_an_empty_one_is_not():
    """An empty name was refused with the repeated one (`column #3: column name is
    empty`); it is a column with no header now, read as a spreadsheet reads it."""
    data = b"event_id,start_date,,end_date,date_precision,event_type,title,title\n"
    assert problems_of(data) == ["row 1, column title: column name appears twice"]


def _told_unnamed(data: bytes) -> tuple[pd.DataFrame, list[str]]:
    told: list = []
    frame = parse_events(data, on_unnamed=told.extend)
    return frame, unnamed_columns_notices(told)


def _with_aside(asides: list[str], name: str, description: dict[int, str] | None = None) -> bytes:
    """Our table of one event per value of ``asides`` and a last column ``ASIDE`` holding
    them, its header ``name`` (``""``: none), ``description`` of some events given."""
    rows = [
        event_row(event_id=f"e{i}", ASIDE=aside, **{"description": (description or {}).get(i, "")})
        for i, aside in enumerate(asides)
    ]
    text = csv_text(rows, [*VALID_EVENT, "ASIDE"])
    header, rest = text.split("\n", 1)
    return (header.removesuffix("ASIDE") + name + "\n" + rest).encode()


@pytest.mark.parametrize("empty", ["", '""', "  "], ids=["bare", "quoted", "spaces"])
def test_values_in_a_column_with_no_name_are_read_under_its_spreadsheet_name_and_said(empty):
    """A CSV exported from a sheet keeps a column typed beside the table with no header:
    it was refused whole (`column #N: column name is empty`), as a workbook's was until
    its values were read as 'column F' (tests/test_xlsx_sheets.py); a CSV now reads it
    the same way, said with the file's rows (a quoted line break moves the later ones)."""
    asides = ["", "met twice", "", "cancelled", "later"]
    data = _with_aside(asides, empty, description={1: "two\nlines"})
    told: list = []
    frame = parse_events(data, on_unnamed=told.extend)
    letter = column_letter(len(VALID_EVENT) + 1)
    assert frame[f"column {letter}"].tolist() == asides
    assert unnamed_columns_notices(told) == [
        f"Column {letter} has values but no header: rows 3, 6–7; read as 'column {letter}'. "
        "Name it in the header row to read it by its name."
    ]


def test_a_trailing_delimiter_on_every_line_is_no_column_and_is_said():
    """A comma closing every line (a sheet's export) made an empty name, refused whole."""
    data = _with_aside(["", "", ""], "")
    told: list = []
    frame = parse_events(data, on_unnamed=told.extend)
    assert list(frame.columns) == list(parse_events(csv_bytes([VALID_EVENT])).columns)
    assert len(frame) == 3
    letter = column_letter(len(VALID_EVENT) + 1)
    assert unnamed_columns_notices(told) == [
        f"Column {letter} has no header and no value in any row: left out."
    ]
    with pytest.warns(UserWarning, match=f"Column {letter} has no header"):
        parse_events(data)  # no channel of its own: a warning says it


def test_a_made_up_name_never_takes_a_header_s_name():
    letter = column_letter(len(VALID_EVENT) + 1)
    data = _with_aside(["x"], "").replace(b"notes", f"column {letter}".encode(), 1)
    frame = parse_events(data, on_unnamed=lambda columns: None)
    assert frame[f"column {letter} (no header)"].tolist() == ["x"]


def test_rows_with_too_few_and_too_many_fields_name_their_lines():
    lines = csv_text([event_row(event_id=f"e{i}") for i in range(4)]).splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n").rsplit(",", 2)[0] + "\n"  # drop two fields
    lines[4] = lines[4].rstrip("\n") + ",surplus\n"
    n = len(VALID_EVENT)
    assert problems_of("".join(lines).encode()) == [
        f"row 3: has {n - 2} fields, the header has {n}",
        f"row 5: has {n + 1} fields, the header has {n}",
    ]


def test_field_count_rows_are_exact_after_a_quoted_newline():
    rows = [
        event_row(event_id="a"),
        event_row(event_id="b", description="line one\nline two, with a comma\nline three"),
        event_row(event_id="c"),
    ]
    lines = csv_text(rows).splitlines(keepends=True)
    # Lines: 1 header, 2 "a", 3-5 "b", 6 "c".
    assert lines[-1].startswith("c,")
    lines[-1] = lines[-1].rstrip("\n") + ",surplus\n"
    n = len(VALID_EVENT)
    assert problems_of("".join(lines).encode()) == [
        f"row 6: has {n + 1} fields, the header has {n}"
    ]


def test_one_field_row():
    data = csv_text([event_row()]) + "lonely\n"
    n = len(VALID_EVENT)
    assert problems_of(data.encode()) == [f"row 3: has 1 field, the header has {n}"]


def test_latin1_bytes_name_the_file_line():
    rows = [event_row(event_id="a"), event_row(event_id="b", title="Café")]
    assert problems_of(csv_bytes(rows, encoding="latin-1")) == [
        "row 3: byte 0xE9 is not valid UTF-8; the file looks like another encoding "
        "(e.g. Latin-1): save it as UTF-8 and retry"
    ]


def test_latin1_line_counts_quoted_newlines_as_lines():
    rows = [event_row(event_id="a", description="x\ny"), event_row(event_id="b", title="Café")]
    assert problems_of(csv_bytes(rows, encoding="latin-1"))[0].startswith("row 4: byte 0xE9 ")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused_naming_the_encoding(encoding):
    assert problems_of(csv_bytes(sample_events(), encoding=encoding)) == [
        "file: the file is UTF-16; save it as UTF-8 (CSV UTF-8) and retry"
    ]


def test_nul_bytes_name_their_line():
    rows = [event_row(event_id="a"), event_row(event_id="b"), event_row(event_id="c", title="a\0b")]
    assert problems_of(csv_bytes(rows)) == [
        "row 4: contains NUL bytes: this is not a text CSV file"
    ]


def test_binary_garbage_is_a_problem_not_a_traceback():
    found = problems_of(bytes(range(1, 256)) * 4)
    assert len(found) == 1
    assert "not valid UTF-8" in found[0]


def test_several_problems_are_all_reported_sorted_by_row():
    rows = [
        event_row(event_id="a", date_basis="guess"),
        event_row(event_id="b", event_type="picnic", start_date="2022-13-01"),
        event_row(event_id="a", title=""),
        event_row(event_id="d"),
        event_row(event_id="e", date_precision="hour", end_date="2022-08-01"),
    ]
    assert problems_of(csv_bytes(rows)) == [
        "row 2, column date_basis: unknown date basis 'guess'; use 'article' or 'public record'",
        "row 3, column event_type: unknown event type 'picnic'; see the event-type vocabulary",
        "row 3, column start_date: '2022-13-01' is not a real date",
        "row 4, column event_id: duplicate id 'a', first used on row 2",
        "row 4, column title: is empty",
        "row 6, column date_precision: unknown precision 'hour'; use one of day, week, month, year",
        "row 6, column end_date: ends (2022-08-01) before it starts (2022-08-03)",
    ]


def test_error_message_summarises_the_first_problem_and_the_count():
    rows = [event_row(event_id="a", title=""), event_row(event_id="b", title="")]
    with pytest.raises(EventsFileError, match=r"^row 2, column title: is empty \(and 1 more\)$"):
        parse_events(csv_bytes(rows))


def test_unescaped_frame_is_returned_for_apostrophe_cells():
    # The loader undoes the export's formula escape: "'=x" in the file is "=x" in the table.
    frame = parse_events(one_row(title="'=SUM(A1)", notes="'hello", description="''@x"))
    assert frame.loc[0, ["title", "notes", "description"]].tolist() == ["=SUM(A1)", "'hello", "'@x"]


def test_loader_never_raises_anything_but_events_file_error():
    """Random small corruptions of a valid file: a clean result or problems, never a crash."""
    rng = np.random.default_rng(7)
    base = csv_text(sample_events())
    pieces = ['"', ",", "\n", "\r", "\r\n", "a", " ", ";", "'", "é", "=", "\0"]
    for _ in range(60):
        text = list(base)
        for _ in range(int(rng.integers(1, 5))):
            position = int(rng.integers(len(text)))
            if rng.random() < 0.6:
                text.insert(position, pieces[int(rng.integers(len(pieces)))])
            else:
                del text[position]
        data = "".join(text).encode()
        try:
            frame = parse_events(data)
        except EventsFileError as err:
            assert err.problems, data
            assert all(p.row is None or p.row >= 1 for p in err.problems), data
        else:
            assert isinstance(frame, pd.DataFrame)


# --- Problem and its rendering --------------------------------------------------------------


@pytest.mark.parametrize(
    "problem, text",
    [
        (Problem(3, "title", "is empty"), "row 3, column title: is empty"),
        (Problem(3, None, "has 2 fields"), "row 3: has 2 fields"),
        (
            Problem(None, "title", "required column is missing"),
            "column title: required column is missing",
        ),
        (Problem(None, None, "the file is empty"), "file: the file is empty"),
    ],
)
def test_problem_text_names_row_and_column(problem, text):
    assert str(problem) == text


def test_events_file_error_sorts_file_problems_first_then_by_row():
    err = EventsFileError(
        [Problem(10, "a", "x"), Problem(None, "b", "y"), Problem(2, "z", "w"), Problem(2, "a", "v")]
    )
    assert [(p.row, p.column) for p in err.problems] == [(None, "b"), (2, "a"), (2, "z"), (10, "a")]


@pytest.mark.parametrize(
    "count, limit, last_line",
    [
        (3, None, "row 4, column c: m"),
        (3, 3, "row 4, column c: m"),
        (3, 2, "... and 1 more problem"),
        (60, 50, "... and 10 more problems"),
    ],
)
def test_format_problems_limits_and_counts_the_rest(count, limit, last_line):
    problems = [Problem(i + 2, "c", "m") for i in range(count)]
    lines = format_problems(problems, limit)
    assert len(lines) == (count if limit is None or limit >= count else limit + 1)
    assert lines[-1] == last_line
