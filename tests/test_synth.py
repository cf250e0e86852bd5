"""The synthetic events table: deterministic, valid, varied and skewed like real data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard import schema, synth
from dashboard.actors import load_actors
from dashboard.cli import main
from dashboard.table import load_events

N = 3_000


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("synth")
    events, actors = folder / "events.csv", folder / "actors.csv"
    synth.synthesize(N, events, seed=7, actors_output=actors)
    return events, actors


@pytest.fixture(scope="module")
def table(written):
    events, actors = written
    return load_events(events, actors_path=actors)


def test_same_seed_same_bytes_other_seed_other_table(tmp_path, written):
    again = tmp_path / "again.csv"
    synth.synthesize(N, again, seed=7)
    assert again.read_bytes() == written[0].read_bytes()
    other = tmp_path / "other.csv"
    synth.synthesize(N, other, seed=8)
    assert other.read_bytes() != written[0].read_bytes()


def test_loads_through_the_validator_with_its_actors(table, written):
    assert len(table) == N
    directory = load_actors(written[1])
    assert len(directory.kinds) == synth.N_ACTORS
    assert set(directory.kinds.values()) == set(schema.ACTOR_KINDS)
    # Every actor named in an event is in the directory and has a home country.
    assert all(directory.country_of(name) for name in table.participants.names)


def test_every_event_type_and_precision_occurs(table):
    events = table.events
    assert set(events["event_type"]) == set(schema.EVENT_TYPE_NAMES)
    assert set(events["date_precision"]) == set(schema.PRECISIONS)


def test_precision_spans_follow_the_schema(table):
    events = table.events
    start, end = events["start_date"], events["end_date"]
    precision = events["date_precision"]
    day = precision == "day"
    assert ((end - start)[day].dt.days.between(0, 3)).all()
    week = precision == "week"
    assert ((end - start)[week].dt.days < 14).all()
    month = precision == "month"
    assert (start[month].dt.day == 1).all()
    assert (end[month] == end[month] + pd.offsets.MonthEnd(0)).all()
    year = precision == "year"
    assert ((start[year].dt.day_of_year == 1) & (end[year].dt.month == 12)).all()
    assert (end[year].dt.day == 31).all()


def test_list_sizes(table):
    events = table.events
    n_actors = events["actors"].str.count(";") + 1
    assert n_actors.between(1, 3).all() and set(n_actors) == {1, 2, 3}
    recipients = events["recipients"]
    n_recipients = np.where(recipients == "", 0, recipients.str.count(";") + 1)
    assert set(n_recipients) == {0, 1, 2, 3}


def test_country_frequency_is_skewed(table):
    counts = np.sort(table.countries.counts())[::-1]
    assert len(counts) >= 150
    assert counts[0] > 20 * np.median(counts)


def test_cli_writes_the_table_and_directory(tmp_path, capsys):
    out, actors = tmp_path / "e.csv", tmp_path / "a.csv"
    code = main(
        ["synth", "--events", "50", "-o", str(out), "--seed", "3", "--actors-out", str(actors)]
    )
    assert code == 0
    assert len(load_events(out, actors_path=actors)) == 50
    assert "wrote 50 events" in capsys.readouterr().err
