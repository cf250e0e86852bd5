"""The views of a page served by a query engine draw what the in-memory page draws."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import ACTORS, csv_bytes, csv_text
from test_engines import ROWS, D

from dashboard import geomap, synth
from dashboard.actors import ACTOR_COLUMNS
from dashboard.dataset import write_dataset
from dashboard.engine_views import engine_timeline
from dashboard.filters import FilterSpec, filter_positions
from dashboard.network import draw_network, network_view
from dashboard.query import open_engine
from dashboard.table import load_events
from dashboard.timeline import AGGREGATE_THRESHOLD, timeline_view


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    """A synthetic table of 6,000 events in memory, and DuckDB over it as a dataset."""
    folder = tmp_path_factory.mktemp("engine-views")
    synth.synthesize(6000, folder / "events.csv", seed=4, actors_output=folder / "actors.csv")
    table = load_events(folder / "events.csv", actors_path=folder / "actors.csv")
    write_dataset(table, folder / "dataset")
    engine = open_engine(folder / "dataset", "duckdb", folder / "actors.csv")
    yield table, engine
    engine.close()


def _figure(view) -> dict:
    return json.loads(view.figure.to_json())


@pytest.mark.parametrize("lane", ["country", "actor", "event_type"])
def test_a_few_events_are_drawn_one_by_one_as_in_memory(tables, lane):
    table, engine = tables
    spec = FilterSpec(event_types=("visit",), start=None)
    positions = filter_positions(table, spec)
    assert 0 < len(positions) <= AGGREGATE_THRESHOLD
    drawn = engine_timeline(engine, spec, lane, len(positions))
    assert _figure(drawn.view) == _figure(timeline_view(table, positions, lane))
    assert list(drawn.events.events["event_id"]) == list(table.events["event_id"].iloc[positions])


def test_many_events_are_counted_by_the_engine_in_the_same_cells(tables):
    table, engine = tables
    everything = np.arange(len(table))
    expected = timeline_view(table, everything, "event_type")
    drawn = engine_timeline(engine, FilterSpec(), "event_type", len(table))
    assert drawn.view.mode == expected.mode == "aggregate"
    # Every count cell (lane row, first day, last day, count) is the same.
    assert _figure(drawn.view)["data"] == _figure(expected)["data"]
    assert drawn.view.lane_values == expected.lane_values
    assert len(drawn.events) == 300


def test_busy_lanes_beyond_the_cap_are_left_out_and_said(tables):
    table, engine = tables
    drawn = engine_timeline(engine, FilterSpec(), "actor", len(table))
    title = drawn.view.figure.layout.title.text
    assert "showing the 40 busiest of" in title and "narrow the filters" in title
    assert len(drawn.view.lane_values) == 40 and None not in drawn.view.lane_values


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_the_network_over_the_engine_is_the_memory_network(tables, kind):
    table, engine = tables
    spec = FilterSpec(start=None, event_types=("meeting", "visit", "multilateral meeting"))
    positions = filter_positions(table, spec)
    expected = network_view(table, positions, node_kind=kind)
    drawn = draw_network(engine.network(spec, kind))
    assert _figure(drawn) == _figure(expected)
    assert drawn.graph.number_of_edges() == 300 < expected.figure.layout.meta["edges_total"]


@pytest.fixture(scope="module")
def located(tmp_path_factory):
    """The parity tests' table (70 % of its events have coordinates), in memory and DuckDB."""
    folder = tmp_path_factory.mktemp("engine-map")
    (folder / "events.csv").write_bytes(csv_bytes(ROWS))
    (folder / "actors.csv").write_text(csv_text(ACTORS, columns=ACTOR_COLUMNS), encoding="utf-8")
    table = load_events(folder / "events.csv", actors_path=folder / "actors.csv")
    write_dataset(table, folder / "dataset")
    engine = open_engine(folder / "dataset", "duckdb", folder / "actors.csv")
    yield table, engine
    engine.close()


def test_map_cells_counted_by_the_engine_draw_the_memory_cells(located, monkeypatch):
    table, engine = located
    # Cells from 100 events on (the page: above geomap.MAX_POINTS, 50,000).
    monkeypatch.setattr(geomap, "MAX_POINTS", 100)
    spec = FilterSpec(start=D("2021-03-01"))
    positions = filter_positions(table, spec)
    data, missing = geomap.map_data(table, positions)
    expected = geomap.build_map(data, missing)
    cells = engine.map_cells(spec, geomap.CELL_DEGREES[0])
    counted = geomap.counted_cells(cells.rows, cells.size)
    drawn = geomap.build_map(counted, len(positions) - int(counted.weight.sum()))
    assert drawn.mode == expected.mode == "cells"
    assert len(cells.rows) > 50
    assert _figure(drawn)["data"] == _figure(expected)["data"]
    assert drawn.missing == missing
