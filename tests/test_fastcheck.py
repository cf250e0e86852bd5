"""The validator's fast path never accepts what the exact checks would reject."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import loading
from dashboard.fastcheck import dates_if_surely_valid
from tests.conftest import csv_bytes, event_row, sample_events


def frame_of(rows) -> pd.DataFrame:
    columns = list(dict.fromkeys(c for row in rows for c in row))  # every row's columns
    return loading._complete_schema(loading.read_csv_table(csv_bytes(rows, columns)))


def test_valid_table_gets_the_same_dates_as_the_exact_path():
    frame = frame_of(sample_events())
    dates = dates_if_surely_valid(frame)
    assert dates is not None
    for column, typed in dates.items():
        expected = loading._to_datetime(frame[column])
        assert typed.dtype == expected.dtype == "datetime64[s]"
        pd.testing.assert_series_equal(typed, expected, check_names=False)


MONTH = {"date_precision": "month", "start_date": "2022-07-01", "end_date": "2022-07-31"}
INVALID = [
    {"title": "   "},
    {"title": "\u3000"},
    {"event_id": "\t"},
    {"start_date": "2022-02-30", "end_date": "2022-03-01"},
    {"start_date": "2022-2-28"},
    {"start_date": "0000-01-01"},
    {"start_date": "\u0662\u0660\u0662\u0662-01-01"},
    {"start_date": "2022-08-03 "},
    {"end_date": "2022-08-01"},
    {**MONTH, "start_date": "2022-07-02"},
    {**MONTH, "end_date": "2022-07-30"},
    {"date_precision": "year", "start_date": "2022-01-01", "end_date": "2022-12-30"},
    {"date_precision": "week", "start_date": "2022-07-01", "end_date": "2022-07-15"},
    {"date_precision": "fortnight"},
    {"date_precision": ""},
    {"event_type": "picnic"},
    {"event_id": "coup"},
    {"source_paragraph": "1;x"},
    {"source_paragraph": "\u0663"},
    {"date_basis": "rumour"},
    {"latitude": "90.5", "longitude": "1"},
    {"latitude": "1", "longitude": "-181"},
    {"latitude": "1e1", "longitude": "1"},
    {"latitude": "\u0661", "longitude": "1"},
    {"latitude": "1", "longitude": ""},
    {"latitude": "", "longitude": "1"},
    {"latitude": " 1", "longitude": "1"},
    # The date shape is tested byte by byte: each position with a wrong byte.
    {"start_date": "2022-08-0x"},
    {"start_date": "2022/08/03"},
    {"start_date": "2022-08-031"},
    {"start_date": "x022-08-03"},
    {"start_date": "2022-0¹-03"},
]


@pytest.mark.parametrize("change", INVALID, ids=[repr(c) for c in INVALID])
def test_fast_path_defers_every_doubtful_table(change):
    frame = frame_of([*sample_events(), event_row(**{"event_id": "changed", **change})])
    assert dates_if_surely_valid(frame) is None


SOUND = [
    *INVALID,
    {"title": "\u200b"},
    {"title": " Leading space"},
    {"source_paragraph": "1 ; 2"},
    {"source_paragraph": ""},
    {"date_basis": ""},
    {"event_type": "coup"},
    MONTH,
    {"date_precision": "week", "start_date": "2022-07-01", "end_date": "2022-07-14"},
    {"latitude": "-90", "longitude": "180.0"},
    {"latitude": "+19.745", "longitude": "96.115"},
]


@pytest.mark.parametrize("change", SOUND, ids=[repr(c) for c in SOUND])
def test_fast_path_accepts_only_what_the_exact_checks_accept(change):
    frame = frame_of([*sample_events(), event_row(**{"event_id": "changed", **change})])
    if dates_if_surely_valid(frame) is not None:
        assert loading._validate(frame, allow_unknown_event_types=False) == []


def test_unknown_types_pass_when_allowed():
    frame = frame_of([*sample_events(), event_row(event_id="changed", event_type="picnic")])
    assert dates_if_surely_valid(frame, allow_unknown_event_types=True) is not None


def test_text_with_nulls_or_an_empty_table_takes_the_exact_path():
    frame = frame_of(sample_events())
    assert dates_if_surely_valid(frame.iloc[:0]) is None
    frame["notes"] = frame["notes"].astype(object)
    frame.loc[0, "title"] = None
    assert dates_if_surely_valid(frame) is None


def test_a_repeated_id_is_found_in_any_order():
    rows = sample_events()
    ids = [row["event_id"] for row in rows]
    # The copy first: the ids are no longer in increasing order, so they are sorted.
    frame = frame_of([event_row(event_id=ids[-1]), *rows])
    assert dates_if_surely_valid(frame) is None
    frame = frame_of([event_row(event_id="zzz-last"), *rows])
    assert dates_if_surely_valid(frame) is not None


def test_a_slice_of_a_column_is_read_at_its_own_offset():
    # Arrow arrays sliced from a bigger one start at an offset into the same buffers.
    frame = frame_of([event_row(event_id="first", title=" "), *sample_events()])
    assert dates_if_surely_valid(frame) is None
    rest = frame.iloc[1:].reset_index(drop=True)
    dates = dates_if_surely_valid(rest)
    assert dates is not None
    expected = loading._to_datetime(rest["start_date"])
    pd.testing.assert_series_equal(dates["start_date"], expected, check_names=False)


def test_a_title_starting_with_a_non_ascii_letter_is_visible():
    frame = frame_of(
        [*sample_events(), event_row(event_id="changed", title="\u00c9lys\u00e9e talks")]
    )
    assert dates_if_surely_valid(frame) is not None
