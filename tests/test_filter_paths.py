"""filter_positions' selective path (through the rarest actor/country) equals the mask path."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from dashboard import synth
from dashboard.filters import FilterSpec, filter_mask, filter_positions
from dashboard.table import load_events


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    folder = tmp_path_factory.mktemp("paths")
    synth.synthesize(4_000, folder / "e.csv", seed=11, actors_output=folder / "a.csv")
    return load_events(folder / "e.csv", actors_path=folder / "a.csv")


def random_specs(table, count: int):
    rng = np.random.default_rng(5)
    actors, countries = table.participants.names, table.countries.names
    for _ in range(count):
        start = dt.date(int(rng.integers(2010, 2025)), 1, 1) if rng.random() < 0.5 else None
        end = start.replace(year=start.year + 1) if start and rng.random() < 0.7 else None
        yield FilterSpec(
            countries=tuple(rng.choice(countries, int(rng.integers(0, 3)), replace=False)),
            actors=tuple(rng.choice(actors, int(rng.integers(0, 3)), replace=False)),
            event_types=tuple(rng.choice(table.event_types, int(rng.integers(0, 3)))),
            start=start,
            end=end,
            q=str(rng.choice(["", "", "talks", "SANCTIONS", "zz-none"])),
        )


def test_selective_path_matches_the_mask_on_random_filters(table):
    for spec in random_specs(table, 300):
        expected = np.flatnonzero(filter_mask(table, spec))
        np.testing.assert_array_equal(filter_positions(table, spec), expected, err_msg=str(spec))


@pytest.mark.parametrize(
    "spec",
    [
        FilterSpec(actors=("nobody at all",)),
        FilterSpec(countries=("Atlantis",), event_types=("visit",)),
        FilterSpec(countries=("Myanmar", "Russia"), actors=()),
    ],
)
def test_unknown_values_and_broad_filters(table, spec):
    expected = np.flatnonzero(filter_mask(table, spec))
    np.testing.assert_array_equal(filter_positions(table, spec), expected)
