"""The app over a Parquet dataset folder, and what it says about the engine serving it."""

from __future__ import annotations

import datetime as dt
import json
import logging

import numpy as np
import pytest
from conftest import csv_bytes, sample_events, workspace_event
from test_app import (
    PAGES,
    ROOT,
    deferred_downloads,
    metric,
    open_app,
    pick_relation,
    trend_charts,
)
from test_engines import ROWS

from dashboard import geomap
from dashboard.dataset import write_dataset
from dashboard.export import export_csv
from dashboard.figures_relation import (
    TREND_COLUMNS,
    PeriodBefore,
    RelationSides,
    change_summary,
    relation_trend,
    sides_summary,
)
from dashboard.filters import FilterSpec, filter_positions
from dashboard.importing import load_any
from dashboard.network import (
    network_view,
    relation_fatalities,
    relation_file_name,
    relation_positions,
)
from dashboard.query import MemoryEngine
from dashboard.summary import fatalities, own_fields
from dashboard.table import load_directory, load_events
from dashboard.workspace import ADDED_BY_COLUMN, Workspace
from ui import state
from ui.network_view import UNFILTERED_DEATHS
from ui.render import md_escape


def test_a_dataset_folder_is_served_in_memory_and_the_about_page_says_so(
    write_events, tmp_path, monkeypatch
):
    table = load_events(write_events(sample_events()))
    write_dataset(table, tmp_path / "ds")
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "ds"))
    monkeypatch.delenv("ENGINE", raising=False)
    at = open_app("pages/2_Events.py", country="Myanmar")
    assert not at.exception
    expected = len(filter_positions(table, FilterSpec(countries=("Myanmar",))))
    assert metric(at, "Events") == f"{expected:,}"
    at.switch_page("pages/3_About_the_data.py").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Served by the **memory** engine" in captions


def test_a_sql_engine_over_a_file_says_to_convert_it(write_events, monkeypatch):
    monkeypatch.setenv("EVENTS_PATH", str(write_events(sample_events())))
    monkeypatch.setenv("ENGINE", "duckdb")
    at = open_app()
    assert not at.exception
    errors = " ".join(e.value for e in at.error) + " ".join(t.value for t in at.text)
    assert "ENGINE=duckdb" in errors and "--to parquet-dataset" in errors


def test_an_unknown_engine_is_named_with_the_known_ones(tmp_path, write_events, monkeypatch):
    write_dataset(load_events(write_events(sample_events())), tmp_path / "ds")
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "ds"))
    monkeypatch.setenv("ENGINE", "oracle")
    at = open_app()
    assert not at.exception
    assert "unknown engine 'oracle'" in " ".join(e.value for e in at.error)


@pytest.fixture
def duckdb_app(write_events, tmp_path, monkeypatch):
    """The app over a Parquet dataset with ENGINE=duckdb, and the same table in memory."""
    table = load_events(write_events(sample_events()))
    write_dataset(table, tmp_path / "ds")
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "ds"))
    monkeypatch.setenv("ENGINE", "duckdb")

    def loaded_whole(*args, **kwargs):
        raise AssertionError("a page loaded the dataset into the app process")

    # The engine serves the pages: none may load the table whole (the About page's
    # import notices did: 1.2 GB and 76 s at 2M events).
    monkeypatch.setattr("ui.data.read_dataset", loaded_whole)
    return table


@pytest.mark.parametrize("page", [*PAGES, "pages/5_Add_events.py"])
def test_every_page_is_served_by_duckdb(duckdb_app, page):
    at = open_app(page, country="Myanmar")
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    n = len(filter_positions(duckdb_app, FilterSpec(countries=("Myanmar",))))
    assert any(f"{n} of {len(duckdb_app)} events" in c.value for c in at.caption)
    assert at.sidebar.multiselect(key=state.W_COUNTRIES).value == ["Myanmar"]


def test_the_pages_over_duckdb_show_what_memory_shows(duckdb_app):
    spec = FilterSpec(countries=("Myanmar",))
    at = open_app("pages/2_Events.py", country="Myanmar")
    memory = MemoryEngine(duckdb_app)
    summary = memory.summary(spec)
    assert metric(at, "Events") == f"{summary.events:,}"
    assert metric(at, "Actors") == f"{summary.actors:,}"
    shown = at.dataframe[0].value
    assert list(shown["event_id"]) == list(memory.event_ids(spec))
    at.switch_page("pages/3_About_the_data.py").run()
    captions = " ".join(c.value for c in at.caption)
    assert "Served by the **duckdb** engine" in captions
    whole = memory.summary(FilterSpec())
    assert f"{whole.events:,} events, {whole.actors:,} actors" in at.markdown[0].value
    # The Network draws the graph the in-memory page draws.
    at.switch_page("pages/1_Network.py").run()
    drawn = at.get("plotly_chart")[0].proto.spec
    expected = network_view(duckdb_app, filter_positions(duckdb_app, spec)).figure
    assert _nodes(drawn) == _nodes(expected.to_json()) != set()


def _nodes(figure_json: str) -> set[str]:
    figure = json.loads(figure_json)
    return {
        text
        for trace in figure["data"]
        if trace.get("mode") == "markers+text" or trace.get("customdata")
        for text in (c[0] for c in trace.get("customdata", []))
    }


def test_the_map_over_duckdb_draws_the_engine_cells_beyond_its_points(tmp_path, monkeypatch):
    # The parity tests' table has coordinates; with the point limit at 50 the page asks
    # the engine for cells (the page's own limit is 50,000 points).
    (tmp_path / "events.csv").write_bytes(csv_bytes(ROWS))
    table = load_events(tmp_path / "events.csv")
    write_dataset(table, tmp_path / "ds")
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "ds"))
    monkeypatch.setenv("ENGINE", "duckdb")
    monkeypatch.setattr(geomap, "MAX_POINTS", 50)
    at = open_app("pages/4_Map.py")
    assert not at.exception, at.exception
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    cells = [t for t in figure["data"] if t.get("meta", {}).get("style") == "cells"]
    located = table.events["latitude"].str.strip().ne("").sum()
    assert len(cells) == 1 and sum(c[5] for c in cells[0]["customdata"]) == located


def test_the_workspace_events_are_shown_and_marked_over_duckdb(duckdb_app, tmp_path, monkeypatch):
    """The SQL engines read the workspace's events with the dataset, as the memory path
    adds them: on the Events page with their badge, counted in the banner, on every
    page without a notice that they are left out."""
    monkeypatch.setenv("WORKSPACE_PATH", str(tmp_path / "own" / "workspace.sqlite3"))
    at = open_app("pages/2_Events.py", country="Russia")
    assert not at.exception
    before = list(at.dataframe[0].value["event_id"]) if at.dataframe else []
    assert "lavrov-in-phnom-penh" not in before
    Workspace().accept([workspace_event()], "Ana", load_directory())
    at = open_app("pages/2_Events.py", country="Russia")  # the same engine, a new run
    assert not at.exception, at.exception
    shown = at.dataframe[0].value
    assert list(shown["event_id"]) == [*before, "lavrov-in-phnom-penh"]
    assert shown[ADDED_BY_COLUMN].tolist() == [""] * len(before) + ["Ana"]
    total = len(duckdb_app) + 1
    banner = f"{len(before) + 1} of {total} events, 1 of them from your workspace (✎)"
    assert any(banner in c.value for c in at.caption), [c.value for c in at.caption]
    for page in PAGES:
        at = open_app(page)
        assert not at.exception, at.exception
        assert not [i.value for i in at.info if "workspace" in i.value.lower()]
        assert not at.warning


def test_an_unreadable_workspace_is_a_warning_over_duckdb(
    duckdb_app, tmp_path, monkeypatch, caplog
):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database, " * 100)
    monkeypatch.setenv("WORKSPACE_PATH", str(broken))
    with caplog.at_level(logging.WARNING, logger="dashboard.sql_engines"):
        at = open_app("pages/2_Events.py", country="Myanmar")
    assert not at.exception, at.exception
    # a refusal (WorkspaceError) is logged as one line, without a traceback
    (logged,) = [r for r in caplog.records if r.name == "dashboard.sql_engines"]
    assert logged.levelno == logging.WARNING and not logged.exc_info
    assert f"the workspace {broken} is not a database" in logged.getMessage()
    warnings = [w.value.replace("\\", "") for w in at.warning]  # without markdown escapes
    said = f"Your workspace's events are not shown: the workspace {broken} is not a database"
    assert any(w.startswith(said) for w in warnings), warnings
    n = len(filter_positions(duckdb_app, FilterSpec(countries=("Myanmar",))))
    assert metric(at, "Events") == f"{n:,}"  # the dataset is still served


def test_a_tables_own_types_are_coloured_over_duckdb_as_in_memory(tmp_path, monkeypatch):
    """Over an engine the pages draw a window of the filtered events: its own types took
    the colour of their rank among those (here "Bbb own", alone after 2023, took the
    busiest's colour). They take the whole dataset's, as in memory, on both figures."""
    from conftest import event_row

    from dashboard.colours import table_type_colours
    from dashboard.loading import parse_events
    from dashboard.table import build_table

    def own(i: int, kind: str, day: str) -> dict[str, str]:
        return event_row(
            event_id=f"{kind[0]}{i}",
            event_type=kind,
            start_date=day,
            end_date=day,
            latitude=str(10 + i),
            longitude="30",
        )

    rows = [own(i, "Aaa own", f"2021-0{i + 1}-05") for i in range(4)]
    rows += [own(5, "Bbb own", "2021-06-05")]
    rows += [own(i, "Bbb own", f"2023-0{i}-05") for i in (6, 7)]
    table = build_table(parse_events(csv_bytes(rows), allow_unknown_event_types=True))
    write_dataset(table, tmp_path / "ds")
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "ds"))
    monkeypatch.setenv("ENGINE", "duckdb")
    whole = table_type_colours(table)
    assert whole["Aaa own"] != whole["Bbb own"]

    def drawn(at) -> dict[str, str]:
        figure = json.loads(at.get("plotly_chart")[0].proto.spec)
        return {t["legendgroup"]: t["marker"]["color"] for t in figure["data"]}

    at = open_app(start="2023-01-01", lane="event_type")
    assert not at.exception, at.exception
    assert drawn(at) == {"Bbb own": whole["Bbb own"]}
    at.switch_page("pages/4_Map.py").run()
    assert not at.exception, at.exception
    assert drawn(at) == {"Bbb own": whole["Bbb own"]}


@pytest.fixture
def ucdp_duckdb(tmp_path, monkeypatch):
    """UCDP GED's sample (deaths in ``best``) as a dataset served by DuckDB, and in memory."""
    table, _ = load_any(ROOT / "tests" / "data" / "real" / "ucdp_ged231_car_sample.csv")
    write_dataset(table, tmp_path / "ds")
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "ds"))
    monkeypatch.setenv("ENGINE", "duckdb")
    return table


def test_the_deaths_over_duckdb_are_the_memory_deaths(ucdp_duckdb):
    table = ucdp_duckdb
    spec = FilterSpec(start=dt.date(2000, 1, 1))
    at = open_app("pages/2_Events.py", start="2000-01-01")
    assert not at.exception
    deaths = fatalities(table, filter_positions(table, spec))
    assert deaths.total > 0
    assert metric(at, "Fatalities") == f"{deaths.total:,}"
    at.switch_page("pages/1_Network.py").run()
    assert not at.exception
    listed = at.dataframe[0].value
    pairs = list(zip(listed["between"], listed["and"], strict=True))
    expected = relation_fatalities(table, filter_positions(table, spec), "actor", pairs)
    assert listed["fatalities"].tolist() == expected.tolist() and expected.sum() > 0


def test_an_event_s_own_columns_are_in_its_details_over_duckdb(ucdp_duckdb):
    event = ucdp_duckdb.take(np.asarray([0])).iloc[0]
    at = open_app(event=event["event_id"])
    assert not at.exception
    (own,) = [e for e in at.expander if e.label.startswith("The source file's own columns")]
    lines = [t.value for t in own.text]
    assert f"dyad_name: {event['dyad_name']}" in lines
    assert f"deaths_civilians: {int(float(event['deaths_civilians']))}" in lines
    assert not [line for line in lines if line.startswith("best:")]  # said as Fatalities


def test_an_event_s_source_columns_over_duckdb_are_those_read_in_memory(tmp_path, monkeypatch):
    """The real GDELT 2.0 sample: the details over DuckDB list exactly the file's columns
    the memory details list (not SQLDATE, not the importer's CAMEO code), the importer's
    own coding apart."""
    path = ROOT / "tests" / "data" / "real" / "gdelt2_20191024143000_export_sample.CSV"
    table, _ = load_any(path)
    event = table.take(np.asarray([3])).iloc[0]
    expected = own_fields(event)
    write_dataset(table, tmp_path / "ds")
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "ds"))
    monkeypatch.setenv("ENGINE", "duckdb")
    at = open_app(event=event["event_id"])
    assert not at.exception
    (own,) = [e for e in at.expander if e.label.startswith("The source file's own columns")]
    lines = [t.value for t in own.text]
    assert lines == [f"{name}: {text}" for name, text in expected.source + expected.coded]
    assert not [line for line in lines if line.startswith(("SQLDATE:", "cameo_code:"))]
    assert f"plover: {event['plover']}" in lines


def test_a_picked_relation_over_duckdb_lists_the_events_behind_it(ucdp_duckdb):
    table = ucdp_duckdb
    at, picked = pick_relation(1)
    first, second = picked[["between", "and"]]
    everything = np.arange(len(table))
    positions = relation_positions(table, everything, "actor", first, second)
    assert len(positions) == picked["events"] > 1
    heading = f"**{len(positions):,} events between {md_escape(first)} and {md_escape(second)}**"
    assert heading in [m.value for m in at.markdown]
    shown = at.dataframe[1].value
    assert list(shown["event_id"]) == list(table.events["event_id"].iloc[positions])


def assert_drawn_over_time_as_in_memory(at, table, picked) -> None:
    """The page's chart of the picked relation has the in-memory relation's bars, and
    its bars and the events apart are all of the relation's events."""
    first, second = picked[["between", "and"]]
    positions = relation_positions(table, np.arange(len(table)), "actor", first, second)
    trend = relation_trend(table.events[list(TREND_COLUMNS)].iloc[positions])
    (figure,) = trend_charts(at)
    bars = {bar["name"]: bar["y"] for bar in figure["data"]}
    assert bars == {k: v for k, v in trend.counts.to_dict("list").items() if any(v)}
    assert sum(map(sum, bars.values())) + sum(trend.apart.values()) == picked["events"]


def test_a_picked_relation_over_duckdb_is_drawn_over_time_as_in_memory(ucdp_duckdb):
    at, picked = pick_relation(1)
    assert_drawn_over_time_as_in_memory(at, ucdp_duckdb, picked)


def test_a_relation_with_more_events_than_fetched_is_drawn_over_time_from_all_of_them(
    ucdp_duckdb, monkeypatch
):
    monkeypatch.setattr("ui.network_view.MAX_WINDOW_ROWS", 2)  # fewer fetched than there are
    at, picked = pick_relation(1)
    assert picked["events"] > 2 and len(at.dataframe[1].value) == 2
    assert_drawn_over_time_as_in_memory(at, ucdp_duckdb, picked)


def test_a_relation_over_duckdb_says_who_acted_on_whom_and_where_from_all_its_events(
    ucdp_duckdb, monkeypatch
):
    """UCDP GED's sides a and b: side a acts on side b; the places are where_coordinates.
    Read from every event of the relation, not only the fetched ones."""
    table = ucdp_duckdb
    monkeypatch.setattr("ui.network_view.MAX_WINDOW_ROWS", 2)  # fewer fetched than there are
    at, picked = pick_relation(1)
    first, second = picked[["between", "and"]]
    positions = relation_positions(table, np.arange(len(table)), "actor", first, second)
    assert len(positions) == picked["events"] > 2 and len(at.dataframe[1].value) == 2
    events = table.events.iloc[positions]
    one_way = int(((events["actors"] == first) & (events["recipients"] == second)).sum())
    other_way = int(((events["actors"] == second) & (events["recipients"] == first)).sum())
    assert one_way + other_way == len(positions)
    captions = [c.value for c in at.caption]
    sides = RelationSides(first, second, one_way, other_way, 0)
    assert md_escape(sides_summary(sides)) in captions
    place, n = min(events["location"].value_counts().items(), key=lambda p: (-p[1], p[0]))
    busiest = md_escape(f"Where, busiest first: {place} ({n})")
    assert any(c.startswith(busiest) for c in captions), captions


def test_a_relation_over_duckdb_is_compared_with_the_period_before_its_dates(ucdp_duckdb):
    """UCDP GED in 2007 against 2006: the same pair's events each way, in memory's count."""
    table = ucdp_duckdb
    at, picked = pick_relation(1, start="2007-01-01", end="2007-12-31")
    first, second = picked[["between", "and"]]

    def sides(start: str, end: str) -> RelationSides:
        spec = FilterSpec(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))
        found = relation_positions(table, filter_positions(table, spec), "actor", first, second)
        events = table.events.iloc[found]
        one_way = int(((events["actors"] == first) & (events["recipients"] == second)).sum())
        other = int(((events["actors"] == second) & (events["recipients"] == first)).sum())
        return RelationSides(first, second, one_way, other, len(found) - one_way - other)

    now, before = sides("2007-01-01", "2007-12-31"), sides("2006-01-01", "2006-12-31")
    assert now.first_on_second + now.second_on_first + now.together == picked["events"]
    assert before != now and sum((before.first_on_second, before.second_on_first)) > 0
    period = PeriodBefore(dt.date(2006, 1, 1), dt.date(2006, 12, 31), "the 12 months before")
    assert md_escape(change_summary(now, before, period)) in [c.value for c in at.caption]


def test_a_link_opens_a_relation_over_duckdb(ucdp_duckdb):
    listed = open_app("pages/1_Network.py").dataframe[0].value
    pair = tuple(listed.iloc[1][["between", "and"]])
    at = open_app("pages/1_Network.py", relation=";".join(pair))
    assert not at.exception and not at.warning
    assert at.session_state[f"{state.NETWORK_RELATIONS}_actor"]["selection"]["rows"] == [1]
    names = f"{md_escape(pair[0])} and {md_escape(pair[1])}"
    assert f"**{listed.iloc[1]['events']:,} events between {names}**" in [
        m.value for m in at.markdown
    ]
    assert len(trend_charts(at)) == 1


def test_a_picked_relation_s_download_over_duckdb_holds_all_its_events(ucdp_duckdb, monkeypatch):
    table = ucdp_duckdb
    files = deferred_downloads(monkeypatch)
    monkeypatch.setattr("ui.network_view.MAX_WINDOW_ROWS", 2)  # fewer fetched than there are
    at, picked = pick_relation(1)
    first, second = picked[["between", "and"]]
    positions = relation_positions(table, np.arange(len(table)), "actor", first, second)
    assert len(at.dataframe[1].value) == 2 < len(positions)
    data, mimetype = files[relation_file_name(first, second)]
    assert mimetype == "text/csv"
    assert data() == export_csv(table.take(positions))


def test_the_unfiltered_relations_over_duckdb_show_the_deaths_kept_with_the_dataset(ucdp_duckdb):
    table = ucdp_duckdb
    at = open_app("pages/1_Network.py")
    assert not at.exception
    listed = at.dataframe[0].value
    pairs = list(zip(listed["between"], listed["and"], strict=True))
    expected = relation_fatalities(table, np.arange(len(table)), "actor", pairs)
    assert listed["fatalities"].tolist() == expected.tolist() and expected.sum() > 0
    assert UNFILTERED_DEATHS not in [c.value for c in at.caption]


def test_the_unfiltered_relations_over_duckdb_say_why_they_have_no_deaths(ucdp_duckdb, tmp_path):
    # A dataset written before the relations' deaths were kept with it.
    manifest = tmp_path / "ds" / "_dataset.json"
    written = json.loads(manifest.read_text(encoding="utf-8"))
    for network in written["whole"]["network"].values():
        del network["deaths"]
    manifest.write_text(json.dumps(written), encoding="utf-8")
    at = open_app("pages/1_Network.py")
    assert not at.exception
    assert "fatalities" not in at.dataframe[0].value.columns
    assert UNFILTERED_DEATHS in [c.value for c in at.caption]
