"""The views of a page served by a query engine draw what the in-memory page draws."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import ACTORS, csv_bytes, csv_text
from test_engines import ROWS, D, spark  # noqa: F401 (a fixture)

from dashboard import engine_views, geomap, synth, timeline
from dashboard.actors import ACTOR_COLUMNS
from dashboard.dataset import write_dataset
from dashboard.engine_views import engine_timeline, relation_table
from dashboard.figures_relation import PICKED_RELATION_COLUMNS, TREND_COLUMNS, relation_trend
from dashboard.filters import FilterSpec, filter_positions
from dashboard.importing import load_any
from dashboard.network import draw_network, network_view
from dashboard.query import MemoryEngine, open_engine
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
    title = drawn.view.figure.layout.title.subtitle.text
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


# --- deaths and the events behind a relation, on every engine --------------------------------

_DEATHS = ["3", "", "-2", "10", "0", "7"]


def _dead_rows() -> list[dict[str, str]]:
    """The parity tests' table with a deaths column: numbers, blanks and a negative (none
    of the last two counts)."""
    return [{**row, "fatalities": _DEATHS[i % len(_DEATHS)]} for i, row in enumerate(ROWS)]


@pytest.fixture(scope="module", params=["parity-text", "ucdp", "acled"])
def deaths_tables(request, tmp_path_factory):
    """A table counting deaths in memory (the oracle), and its dataset's folder."""
    folder = tmp_path_factory.mktemp("engine-deaths")
    actors = None
    if request.param == "parity-text":
        (folder / "events.csv").write_bytes(csv_bytes(_dead_rows()))
        actors = folder / "actors.csv"
        actors.write_text(csv_text(ACTORS, columns=ACTOR_COLUMNS), encoding="utf-8")
        path = folder / "events.csv"
    else:
        name = "real/ucdp_ged231_car_sample.csv" if request.param == "ucdp" else "acled_sample.csv"
        path = Path(__file__).parent / "data" / name
    table, _ = load_any(path, actors_path=actors)
    write_dataset(table, folder / "dataset")
    return MemoryEngine(table), folder / "dataset", actors


@pytest.fixture(scope="module", params=["duckdb", "spark"])
def dead_engine(request, deaths_tables):
    oracle, path, actors = deaths_tables
    if request.param == "duckdb":
        opened = open_engine(path, "duckdb", actors)
    else:
        from dashboard.sql_engines import SparkEngine

        opened = SparkEngine(path, actors, session=request.getfixturevalue("spark"))
    yield oracle, opened
    opened.close()


def _death_specs(oracle: MemoryEngine) -> list[FilterSpec]:
    types = oracle.table.events["event_type"].value_counts().index[:2]
    return [FilterSpec(), FilterSpec(event_types=tuple(types))]


def test_the_engines_sum_the_deaths_as_in_memory(dead_engine):
    oracle, engine = dead_engine
    for spec in _death_specs(oracle):
        expected = oracle.fatalities(spec)
        assert expected is not None and expected.total > 0
        assert engine.fatalities(spec) == expected


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_the_engines_give_each_relation_its_deaths_and_events_as_in_memory(dead_engine, kind):
    oracle, engine = dead_engine
    if not oracle.network(FilterSpec(), kind).edges:
        pytest.skip("one country: no relation between countries (ACLED's sample)")
    for spec in _death_specs(oracle):
        edges = oracle.network(spec, kind).edges
        if not edges:  # the busiest types link no two countries (ACLED's sample)
            continue
        pairs = tuple((v, u) if i % 2 else (u, v) for i, (u, v, *_) in enumerate(edges[:60]))
        pairs += (("no such name", edges[0][0]),)
        expected = oracle.relation_fatalities(spec, kind, pairs)
        assert expected[-1] == 0 and (sum(expected) > 0 or kind == "country")
        assert engine.relation_fatalities(spec, kind, pairs) == expected
        for first, second in pairs[:-1][:3]:
            want = oracle.relation_window(spec, kind, first, second, 5)
            got = engine.relation_window(spec, kind, first, second, 5)
            assert (
                got.total
                == want.total
                == dict(((u, v), w) for u, v, w, *_ in edges)[tuple(sorted((first, second)))]
            )
            assert list(got.events["event_id"]) == list(want.events["event_id"])
        assert engine.relation_window(spec, kind, "no such name", edges[0][0]).total == 0


def _relations(oracle: MemoryEngine, kind: str) -> tuple:
    """The unfiltered network's edges in memory (skips a table of one country)."""
    edges = oracle.network(FilterSpec(), kind).edges
    if not edges:
        pytest.skip("one country: no relation between countries (ACLED's sample)")
    return edges


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_a_relation_over_time_from_the_engine_s_events_is_the_memory_one(dead_engine, kind):
    oracle, engine = dead_engine
    for u, v, weight, *_ in _relations(oracle, kind)[:5]:
        want = oracle.relation_window(FilterSpec(), kind, u, v, weight).events
        table, matched = relation_table(engine, FilterSpec(), kind, u, v, weight + 1, weight)
        got = relation_trend(table.events[list(TREND_COLUMNS)])
        expected = relation_trend(want[list(TREND_COLUMNS)])
        assert matched == weight == got.total == expected.total
        assert got.period == expected.period and got.apart == expected.apart
        pd.testing.assert_frame_equal(got.counts, expected.counts)


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_a_relation_s_dates_are_all_its_events_as_in_memory(dead_engine, kind):
    """Its dates, types, sides and places (list columns as their text): what the picked
    relation's view reads of all its events."""
    oracle, engine = dead_engine
    edges = _relations(oracle, kind)
    types = oracle.table.events["event_type"].value_counts().index[:2]
    for spec in (FilterSpec(), FilterSpec(event_types=tuple(types))):
        for u, v, *_ in oracle.network(spec, kind).edges[:5]:
            for first, second in ((u, v), (v, u)):  # either order
                want = oracle.relation_events(spec, kind, first, second, PICKED_RELATION_COLUMNS)
                got = engine.relation_events(spec, kind, first, second, PICKED_RELATION_COLUMNS)
                assert list(got.columns) == list(PICKED_RELATION_COLUMNS)
                assert len(got) == len(want) == oracle.relation_window(spec, kind, u, v).total
                order = list(PICKED_RELATION_COLUMNS)
                pd.testing.assert_frame_equal(
                    got.astype("str").sort_values(order).reset_index(drop=True),
                    want.astype("str").sort_values(order).reset_index(drop=True),
                )
    nobody = engine.relation_events(
        FilterSpec(), kind, "no such name", edges[0][0], PICKED_RELATION_COLUMNS
    )
    assert len(nobody) == 0 and list(nobody.columns) == list(PICKED_RELATION_COLUMNS)
    same = engine.relation_events(FilterSpec(), kind, edges[0][0], edges[0][0], TREND_COLUMNS)
    assert len(same) == 0


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_the_unfiltered_relations_deaths_are_kept_with_the_dataset(dead_engine, kind):
    oracle, engine = dead_engine
    every = FilterSpec()
    edges = engine.network(every, kind).edges  # the kept network's
    if not edges:
        pytest.skip("one country: no relation between countries (ACLED's sample)")
    pairs = tuple((v, u) if i % 2 else (u, v) for i, (u, v, *_) in enumerate(edges))
    expected = oracle.relation_fatalities(every, kind, pairs)
    assert sum(expected) > 0 or kind == "country"
    assert engine.kept_relation_fatalities(kind, pairs) == expected
    # A relation not kept (not among the strongest edges, or no relation): not answered.
    assert engine.kept_relation_fatalities(kind, (*pairs, ("no such name", edges[0][0]))) is None


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_a_relation_s_events_are_fetched_in_one_query_when_its_count_is_given(
    dead_engine, kind, monkeypatch
):
    oracle, engine = dead_engine
    asked: list[str] = []
    select = engine._select

    def recorded(spec, body, *args, **kwargs):
        asked.append(body)
        return select(spec, body, *args, **kwargs)

    monkeypatch.setattr(engine, "_select", recorded)
    # Every call asks the engine (no answer kept from the tests above).
    monkeypatch.setattr(engine, "answers_kept", 0)
    engine._answers.clear()
    spec = FilterSpec()
    # Relations of more events than the window fetches (1): their number is not the rows'.
    shared = [edge for edge in oracle.network(spec, kind).edges if edge[2] > 1][:3]
    if not shared:
        pytest.skip("one country: no relation between countries (ACLED's sample)")
    for u, v, weight, *_ in shared:
        want = oracle.relation_window(spec, kind, u, v, 1)
        asked.clear()
        got = engine.relation_window(spec, kind, u, v, 1, total=weight)
        assert len(asked) == 1 and "count(*)" not in asked[0]  # the rows only
        assert got.total == want.total == weight
        assert list(got.events["event_id"]) == list(want.events["event_id"])
        asked.clear()  # not given: counted by the engine, as before
        assert engine.relation_window(spec, kind, u, v, 1).total == weight
        assert len(asked) == 2
    # Fewer than the window's rows: all fetched, their number needs no count.
    u, v, weight, *_ = shared[0]
    asked.clear()
    got = engine.relation_window(spec, kind, v, u, weight + 1)
    assert got.total == weight == len(got.events) and len(asked) == 1


def test_the_engines_count_no_deaths_where_the_table_has_none(tables):
    _, engine = tables
    assert engine.fatalities(FilterSpec()) is None
    assert engine.relation_fatalities(FilterSpec(), "actor", (("a", "b"),)) is None


@pytest.mark.parametrize("lane", ["event_type", "country"])
def test_many_events_within_150_days_are_counted_per_day_as_in_memory(tables, lane, monkeypatch):
    table, engine = tables
    # Counted, not drawn one by one, from 50 events on (the page: 3,000).
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 50)
    monkeypatch.setattr(engine_views, "AGGREGATE_THRESHOLD", 50)
    spec = FilterSpec(start=D("2021-03-01"), end=D("2021-05-15"))
    positions = filter_positions(table, spec)
    expected = timeline_view(table, positions, lane)
    drawn = engine_timeline(engine, spec, lane, len(positions))
    assert drawn.view.mode == expected.mode == "aggregate"
    assert {t["meta"].get("period_days") for t in _figure(expected)["data"]} == {1}
    assert _figure(drawn.view)["data"] == _figure(expected)["data"]
    # A span of more than 150 days: per month, as in memory (the lanes beyond the busiest
    # differ by design over an engine: test_busy_lanes_beyond_the_cap...).
    spec = replace(spec, end=D("2021-09-30"))
    positions = filter_positions(table, spec)
    expected = timeline_view(table, positions, lane)
    drawn = engine_timeline(engine, spec, lane, len(positions))
    for figure in (_figure(expected), _figure(drawn.view)):
        assert {t["meta"].get("period_months") for t in figure["data"]} == {1}


@pytest.mark.parametrize("per,months", [(1, 1), (3, 3), (12, 12)])
def test_counts_per_the_period_asked_are_the_memory_ones(tables, per, months, monkeypatch):
    """'By year': the Timeline asked to count per at least a month, quarter or year (also
    where per day would fit) draws over an engine the cells memory draws."""
    table, engine = tables
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 50)
    monkeypatch.setattr(engine_views, "AGGREGATE_THRESHOLD", 50)
    spec = FilterSpec(start=D("2021-03-01"), end=D("2021-05-15"))  # per day when not asked
    positions = filter_positions(table, spec)
    expected = timeline_view(table, positions, "event_type", per=per)
    drawn = engine_timeline(engine, spec, "event_type", len(positions), per=per)
    assert drawn.view.mode == expected.mode == "aggregate"
    assert {t["meta"].get("period_months") for t in _figure(expected)["data"]} == {months}
    assert _figure(drawn.view)["data"] == _figure(expected)["data"]


# --- the lane of events naming no one, on every engine ---------------------------------------


@pytest.fixture(scope="module", params=["duckdb", "spark"])
def lane_engine(request, located):
    """The parity tests' table in memory, and an engine over its dataset."""
    table, duckdb = located
    if request.param == "duckdb":
        yield table, duckdb
        return
    from dashboard.sql_engines import SparkEngine

    path = duckdb.dataset.path
    opened = SparkEngine(path, path.parent / "actors.csv", session=request.getfixturevalue("spark"))
    yield table, opened
    opened.close()


@pytest.mark.parametrize("lane, missing", [("actor", "(no actor)"), ("country", "(no country)")])
def test_the_engines_count_the_events_naming_no_one_in_their_lane_as_in_memory(
    lane_engine, lane, missing, monkeypatch
):
    table, engine = lane_engine
    # Counted, not drawn one by one, from 50 events on (the page: 3,000).
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 50)
    monkeypatch.setattr(engine_views, "AGGREGATE_THRESHOLD", 50)
    quarter = FilterSpec(start=D("2021-01-01"), end=D("2021-03-31"))
    # Unfiltered (over DuckDB: the counts kept when the dataset was written), then filtered.
    for spec in (FilterSpec(), quarter):
        positions = filter_positions(table, spec)
        expected = timeline_view(table, positions, lane)
        drawn = engine_timeline(engine, spec, lane, len(positions))
        assert drawn.view.mode == expected.mode == "aggregate"
        # The table has events naming no one: their lane is drawn last, as in memory.
        labels = list(expected.figure.layout.yaxis.ticktext)
        assert missing in labels and expected.lane_values[-1] is None, (spec, labels)
        assert _figure(drawn.view)["data"] == _figure(expected)["data"], spec
        assert drawn.view.lane_values == expected.lane_values
        assert list(drawn.view.figure.layout.yaxis.ticktext) == labels
