"""Counts at a glance: events, countries, actors and the date span of a selection."""

from __future__ import annotations

import numpy as np
from figure_fixtures import row, small_table

from dashboard.summary import summarise

ROWS = [
    row("a", actors="Sergei Lavrov", recipients="Gen. Hlaing", start_date="2022-08-03"),
    row(
        "b",
        actors="Wang Yi",
        countries="Laos",
        start_date="2022-07-01",
        end_date="2022-07-31",
        date_precision="month",
    ),
    row("c", actors="Antony Blinken", start_date="2021-02-01", end_date="2021-02-01"),
]


def test_summary_of_all_events():
    table = small_table(ROWS)
    assert summarise(table, np.arange(3)) == {
        "events": 3,
        # Russia and Myanmar via the actors of a, China via Wang Yi and Laos listed in b,
        # the United States via Blinken.
        "countries": 5,
        # The alias Gen. Hlaing counts as Min Aung Hlaing.
        "actors": 4,
        "first_date": "2021-02-01",
        "last_date": "2022-08-03",
    }


def test_summary_of_a_subset_uses_the_latest_end_date():
    table = small_table(ROWS)
    summary = summarise(table, np.array([1]))
    assert summary == {
        "events": 1,
        "countries": 2,
        "actors": 1,
        "first_date": "2022-07-01",
        "last_date": "2022-07-31",
    }


def test_summary_of_nothing():
    table = small_table(ROWS)
    assert summarise(table, np.array([], dtype=np.int64)) == {
        "events": 0,
        "countries": 0,
        "actors": 0,
        "first_date": None,
        "last_date": None,
    }


def test_repeated_positions_count_once():
    table = small_table(ROWS)
    assert summarise(table, np.array([2, 2, 2]))["events"] == 1
