"""The table window sent to the browser: bounded in rows and bytes, long cells cut for display."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import csv_bytes, event_row, sample_events

from dashboard.export import export_csv
from dashboard.loading import parse_events
from dashboard.window import CELL_CHARS, ELLIPSIS, MAX_WINDOW_ROWS, display_window

COLUMNS = ["start_date", "title", "description", "event_id"]


def frame(n: int, description: str = "short") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(n)],
            "start_date": pd.to_datetime(["2022-01-01"] * n),
            "title": [f"Event {i}" for i in range(n)],
            "description": pd.Series([description] * n, dtype="str"),
            "notes": ["not sent"] * n,
        }
    )


def test_small_tables_are_shown_whole_with_the_chosen_columns_only():
    events = frame(10)
    window = display_window(events, np.arange(10), COLUMNS)
    assert (window.rows, window.total, window.cut_cells) == (10, 10, 0)
    assert list(window.frame.columns) == COLUMNS
    pd.testing.assert_frame_equal(window.frame, events[COLUMNS])


def test_rows_are_capped_in_count_and_kept_in_order():
    events = frame(MAX_WINDOW_ROWS + 50)
    positions = np.arange(len(events))[::-1]
    window = display_window(events, positions, COLUMNS)
    assert window.rows == MAX_WINDOW_ROWS and window.total == len(events)
    assert window.frame["event_id"].tolist() == [f"e{i}" for i in positions[:MAX_WINDOW_ROWS]]


@pytest.mark.parametrize("budget", [5_000, 50_000, 200_000])
def test_rows_are_capped_in_bytes(budget):
    events = frame(2_000, description="x" * 300)
    window = display_window(events, np.arange(2_000), COLUMNS, budget=budget)
    assert 0 < window.rows < 2_000
    assert window.estimated_bytes <= budget
    # The estimate is the cells' text plus a fixed cost per cell: the Arrow bytes sent.
    text = window.frame[["title", "description", "event_id"]].map(len).to_numpy().sum()
    assert text <= window.estimated_bytes <= text + 8 * len(COLUMNS) * window.rows


def test_a_huge_cell_is_cut_in_the_window_but_not_in_the_download():
    huge = "é" * 1_000_000
    events = parse_events(
        csv_bytes([*sample_events(), event_row(event_id="huge-text", description=huge)])
    )
    positions = np.arange(len(events))
    window = display_window(events, positions, COLUMNS)
    assert window.rows == len(events) and window.cut_cells == 1
    cell = window.frame["description"].iloc[-1]
    assert cell == "é" * CELL_CHARS + ELLIPSIS
    assert window.estimated_bytes < 20_000
    # Cutting works on a copy: the table and the download keep every character.
    assert events["description"].iloc[-1] == huge
    assert huge in export_csv(events.iloc[positions]).decode("utf-8")


def test_one_row_is_always_shown_and_empty_positions_give_an_empty_window():
    events = frame(3, description="y" * 400)
    assert display_window(events, np.arange(3), COLUMNS, budget=10).rows == 1
    empty = display_window(events, np.empty(0, np.int64), COLUMNS)
    assert (empty.rows, empty.total, empty.estimated_bytes) == (0, 0, 0)


def test_problems_of_a_file_with_a_huge_field_name_their_rows():
    # The row numbers of problems are found with the csv module, whose default field
    # limit (128 KiB) used to crash the report for a file with a 1 MB text.
    from dashboard.problems import EventsFileError

    rows = [*sample_events(), event_row(description="x" * 1_000_000)]
    with pytest.raises(EventsFileError) as raised:
        parse_events(csv_bytes(rows))
    assert [p.row for p in raised.value.problems] == [len(rows) + 1]
