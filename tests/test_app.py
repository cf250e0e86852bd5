"""The Streamlit app, driven in-process with AppTest (no browser, no server).

Expected numbers come from the model (load_events + filter_positions), so the tests
follow the data instead of hard-coding its counts.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from conftest import event_row, sample_events
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard import timeline
from dashboard.export import export_csv
from dashboard.figures_relation import (
    TREND_COLUMNS,
    RelationSides,
    relation_trend,
    sides_summary,
    trend_summary,
    trend_title,
)
from dashboard.filters import FilterSpec, filter_positions
from dashboard.importing import load_any
from dashboard.network import (
    RELATION_COLUMNS,
    network_view,
    relation_fatalities,
    relation_file_name,
    relation_positions,
    relation_rows,
)
from dashboard.table import load_events
from ui import state
from ui.render import md_escape

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = ("pages/1_Network.py", "pages/2_Events.py", "pages/3_About_the_data.py", "pages/4_Map.py")
TIMEOUT = 30


@pytest.fixture(scope="module")
def table():
    return load_events()


@pytest.fixture(autouse=True)
def default_table(monkeypatch):
    """Every test starts on the article's table unless it points EVENTS_PATH elsewhere."""
    monkeypatch.delenv("EVENTS_PATH", raising=False)


def open_app(page: str | None = None, **params) -> AppTest:
    """Run the app (with ``params`` in the URL), then switch to ``page`` if given."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params)
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def expected_count(table, spec: FilterSpec) -> str:
    return f"{len(filter_positions(table, spec)):,}"


def test_timeline_runs_and_draws(table):
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "Timeline"
    assert [m.label for m in at.sidebar.multiselect] == ["Countries", "Actors", "Event types"]
    assert not at.warning
    assert at.radio(key=state.TIMELINE_LANE).value == "country"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    at = open_app(page)
    assert not at.exception, at.exception
    assert not at.error
    # The shared sidebar is on every page.
    assert at.multiselect(key=state.W_COUNTRIES).label == "Countries"


def test_events_page_counts_everything_by_default(table):
    at = open_app("pages/2_Events.py")
    assert metric(at, "Events") == f"{len(table):,}"
    assert len(at.dataframe[0].value) == len(table)


def test_filter_set_on_one_page_holds_on_the_others(table):
    at = open_app()
    at.multiselect(key=state.W_COUNTRIES).select("Russia").run()
    at.switch_page("pages/2_Events.py").run()
    assert at.multiselect(key=state.W_COUNTRIES).value == ["Russia"]
    want = expected_count(table, FilterSpec(countries=("Russia",)))
    assert metric(at, "Events") == want
    assert want != f"{len(table):,}"  # the filter really narrows

    at.multiselect(key=state.W_TYPES).select("visit").run()
    at.switch_page("pages/1_Network.py").run()
    assert not at.exception
    assert at.multiselect(key=state.W_COUNTRIES).value == ["Russia"]
    assert at.multiselect(key=state.W_TYPES).value == ["visit"]
    # The URL carries the filters with the model's keys on the new page too.
    assert at.query_params == {"country": "Russia", "type": "visit"}


def test_url_opens_the_same_view(table):
    at = open_app(
        "pages/2_Events.py", country=["Russia", "China"], start="2022-07-01", type="visit"
    )
    spec = FilterSpec(
        countries=("Russia", "China"), event_types=("visit",), start=dt.date(2022, 7, 1)
    )
    assert not at.exception
    assert not at.warning
    assert at.multiselect(key=state.W_COUNTRIES).value == ["Russia", "China"]
    assert at.date_input(key=state.W_START).value == dt.date(2022, 7, 1)
    assert metric(at, "Events") == expected_count(table, spec)
    shown = list(at.dataframe[0].value["event_id"])
    assert shown == list(table.take(filter_positions(table, spec))["event_id"])


def test_url_on_the_landing_page_is_kept_and_rewritten_in_model_form():
    at = open_app(q="  Lavrov ", actor="Mr. Lavrov")
    assert not at.exception
    assert at.text_input(key=state.W_QUERY).value == "Lavrov"
    # "Mr. Lavrov" is an alias (data/actors.csv); the filter (and the URL) use the canonical name.
    assert at.multiselect(key=state.W_ACTORS).value == ["Sergei Lavrov"]
    assert at.query_params == {"q": "Lavrov", "actor": "Sergei Lavrov"}


def test_malformed_parameters_show_notices_not_errors(table):
    at = open_app(start="2022-13-45", country=["Atlantis", "Russia"])
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert "2022\\-13\\-45" in notices  # quoted URL values are markdown-escaped
    assert "Atlantis" in notices
    # Only the bad values are dropped, and the URL is rewritten without them.
    assert at.query_params == {"country": "Russia"}
    at.switch_page("pages/2_Events.py").run()
    assert not at.exception
    assert metric(at, "Events") == expected_count(table, FilterSpec(countries=("Russia",)))


def test_search_text_filters(table):
    at = open_app("pages/2_Events.py")
    at.text_input(key=state.W_QUERY).input("lavrov").run()
    assert not at.exception
    assert at.query_params == {"q": "lavrov"}
    assert metric(at, "Events") == expected_count(table, FilterSpec(q="lavrov"))
    at.button(key="sidebar_reset").click().run()
    assert at.text_input(key=state.W_QUERY).value == ""


def test_notices_are_shown_once():
    at = open_app(country="Atlantis")
    assert len(at.warning) == 1
    at.run()
    assert not at.warning


def test_start_after_end_from_the_pickers_is_a_notice():
    at = open_app()
    at.date_input(key=state.W_START).set_value(dt.date(2022, 8, 1)).run()
    at.date_input(key=state.W_END).set_value(dt.date(2022, 7, 1)).run()
    assert not at.exception
    assert any("after the end date" in w.value for w in at.warning)
    assert at.date_input(key=state.W_START).value is None


def test_clearing_a_date_removes_it_from_the_filter():
    at = open_app(start="2022-07-01")
    assert at.query_params == {"start": "2022-07-01"}
    at.date_input(key=state.W_START).set_value(None).run()
    assert at.date_input(key=state.W_START).value is None
    assert at.query_params == {}


def test_reset_clears_filters_and_url(table):
    at = open_app("pages/2_Events.py", country="Russia", type="visit", end="2022-08-01")
    assert metric(at, "Events") != f"{len(table):,}"
    at.button(key="sidebar_reset").click().run()
    assert not at.exception
    assert at.multiselect(key=state.W_COUNTRIES).value == []
    assert at.multiselect(key=state.W_TYPES).value == []
    assert at.date_input(key=state.W_END).value is None
    assert metric(at, "Events") == f"{len(table):,}"
    assert at.query_params == {}


def test_empty_result_is_a_friendly_message():
    for page in (None, *PAGES[:2]):
        at = open_app(page, start="1950-01-01", end="1950-12-31")
        assert not at.exception
        assert any("No events match" in i.value for i in at.info)


def test_download_is_exactly_the_filtered_rows(table, monkeypatch):
    """Capture the deferred callable the Events page hands to st.download_button."""
    registered = []
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        registered.append((data_callable, mimetype, file_name))
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    at = open_app("pages/2_Events.py", country="Myanmar", type=["visit", "meeting"])
    assert not at.exception
    (data_callable, mimetype, file_name), *_ = registered
    spec = FilterSpec(countries=("Myanmar",), event_types=("visit", "meeting"))
    want = export_csv(table.take(filter_positions(table, spec)))
    assert data_callable() == want
    assert want.count(b"\r\n") == len(filter_positions(table, spec)) + 1  # header + rows
    assert (mimetype, file_name) == ("text/csv", "events-filtered.csv")


def deferred_downloads(monkeypatch) -> dict[str, tuple]:
    """The deferred downloads the app hands to st.download_button, by file name (filled
    as the app runs): each file's data callable and mimetype."""
    registered = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        registered[file_name] = (data_callable, mimetype)
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return registered


def pick_relation(row: int, **params) -> tuple[AppTest, pd.Series]:
    """The Network page (with ``params`` in the URL) with the listed relation at ``row``
    picked, and that row of the relations list."""
    at = open_app("pages/1_Network.py", **params)
    assert not at.exception
    listed = at.dataframe[0].value
    at.session_state[f"{state.NETWORK_RELATIONS}_actor"] = {"selection": {"rows": [row]}}
    at.run()
    assert not at.exception
    return at, listed.iloc[row]


def test_a_picked_relation_says_who_acted_on_whom_and_where(table):
    at, picked = pick_relation(0)
    first, second = picked[["between", "and"]]
    events = table.events.iloc[
        relation_positions(table, np.arange(len(table)), "actor", *picked[["between", "and"]])
    ]
    canonical = table.directory.canonical

    def named(cell: str) -> set[str]:
        return {canonical(n.strip()) for n in cell.split(";") if n.strip()}

    doers, done_to = events["actors"].map(named), events["recipients"].map(named)
    one_way = sum(
        first in d and second in r and second not in d for d, r in zip(doers, done_to, strict=True)
    )
    other = sum(
        second in d and first in r and first not in d for d, r in zip(doers, done_to, strict=True)
    )
    together = len(events) - one_way - other
    expected = RelationSides(first, second, one_way, other, together)
    assert md_escape(sides_summary(expected)) in [c.value for c in at.caption]
    placed = events["location"][events["location"].str.strip() != ""]
    place, n = min(placed.value_counts().items(), key=lambda p: (-p[1], p[0]))
    busiest = md_escape(f"Where, busiest first: {place} ({n})")
    assert any(c.value.startswith(busiest) for c in at.caption), [c.value for c in at.caption]


def test_a_picked_relation_s_events_download_as_the_events_page_writes_them(table, monkeypatch):
    files = deferred_downloads(monkeypatch)
    at, picked = pick_relation(0, country="Myanmar")
    first, second = picked[["between", "and"]]
    kept = filter_positions(table, FilterSpec(countries=("Myanmar",)))
    positions = relation_positions(table, kept, "actor", first, second)
    assert 0 < len(positions) < len(kept)
    data, mimetype = files[relation_file_name(first, second)]
    assert mimetype == "text/csv"
    assert data() == export_csv(table.take(positions))
    captions = " ".join(c.value for c in at.caption)
    assert "download holds all of them" in captions and "Events page" not in captions


def trend_charts(at: AppTest) -> list[dict]:
    """The figures of the picked relation over time drawn on the page."""
    figures = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return [
        f for f in figures if f["layout"].get("title", {}).get("text", "").startswith("Events betw")
    ]


def test_a_picked_relation_is_drawn_over_time(table):
    at, picked = pick_relation(0, country="Myanmar")
    first, second = picked[["between", "and"]]
    kept = filter_positions(table, FilterSpec(countries=("Myanmar",)))
    positions = relation_positions(table, kept, "actor", first, second)
    trend = relation_trend(table.events[list(TREND_COLUMNS)].iloc[positions])
    assert trend.total == picked["events"]
    (figure,) = trend_charts(at)
    assert figure["layout"]["title"]["text"] == trend_title(first, second, trend.period)
    bars = {bar["name"]: bar["y"] for bar in figure["data"]}
    assert bars == {k: v for k, v in trend.counts.to_dict("list").items() if any(v)}
    assert md_escape(trend_summary(trend)) in [c.value for c in at.caption]


def test_timeline_details_of_a_chosen_event(table):
    at = open_app(actor="Sergei Lavrov")
    picker = at.selectbox(key=state.TIMELINE_DETAIL)
    assert picker.value is None
    row = table.take(filter_positions(table, FilterSpec(actors=("Sergei Lavrov",)))).iloc[0]
    picker.select(row["event_id"]).run()
    assert not at.exception
    texts = [t.value for t in at.text]
    assert row["description"] in texts
    assert any(t.startswith("Source: ") and "paragraph" in t for t in texts)
    assert any(t.startswith("Date: ") and row["date_precision"] in t for t in texts)


@pytest.mark.parametrize("lane", ["actor", "event_type"])
def test_timeline_lanes(lane):
    at = open_app()
    at.radio(key=state.TIMELINE_LANE).set_value(lane).run()
    assert not at.exception


def test_network_options_run():
    at = open_app("pages/1_Network.py")
    at.radio(key=state.NETWORK_KIND).set_value("country").run()
    assert not at.exception
    at.selectbox(key=f"{state.NETWORK_EGO}_country").select("Russia").run()
    assert not at.exception
    at.radio(key=state.NETWORK_KIND).set_value("actor").run()
    at.selectbox(key=f"{state.NETWORK_EGO}_actor").select("Sergei Lavrov").run()
    assert not at.exception


def _click_node_script():
    """A page that fakes a click on the node "Sergei Lavrov" of the actor network."""
    import streamlit as st

    from ui import state
    from ui.network_view import apply_node_click

    st.session_state[f"{state.NETWORK_CHART}_actor"] = {
        "selection": {"points": [{"customdata": ["Sergei Lavrov"]}]}
    }
    apply_node_click("actor")
    st.text(repr(state.current_filters()))


def test_clicking_a_network_node_filters_everything():
    at = AppTest.from_function(_click_node_script, default_timeout=TIMEOUT)
    at.query_params["type"] = "visit"
    at.run()
    assert not at.exception
    assert at.session_state[state.FILTERS] == FilterSpec(actors=("Sergei Lavrov",))
    assert at.query_params == {"actor": "Sergei Lavrov"}


def test_a_table_that_cannot_load_shows_its_problems(tmp_path, monkeypatch):
    bad = tmp_path / "events.csv"
    bad.write_text("event_id,start_date\nx,2022-02-30\n", encoding="utf-8")
    monkeypatch.setenv("EVENTS_PATH", str(bad))
    at = open_app()
    assert not at.exception
    assert "cannot be loaded" in at.error[0].value
    assert "column" in at.text[0].value  # row/column problems listed as plain text


def test_a_missing_table_is_an_error_message(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "nowhere.csv"))
    for page in (None, *PAGES):
        at = open_app() if page is None else open_app(page)
        assert not at.exception
        assert "cannot be opened" in at.error[0].value


def test_events_path_table_is_shown(write_events, monkeypatch):
    monkeypatch.setenv("EVENTS_PATH", str(write_events()))
    at = open_app("pages/2_Events.py")
    assert not at.exception
    assert metric(at, "Events") == str(len(sample_events()))


@pytest.mark.parametrize(
    "name, column",
    [("real/ucdp_ged231_car_sample.csv", "best"), ("acled_sample.csv", "fatalities")],
)
def test_events_page_sums_the_deaths_of_a_table_that_counts_them(monkeypatch, name, column):
    path = ROOT / "tests" / "data" / name
    monkeypatch.setenv("EVENTS_PATH", str(path))
    at = open_app("pages/2_Events.py", start="2000-01-01")
    assert not at.exception
    loaded, _ = load_any(path)
    chosen = filter_positions(loaded, FilterSpec(start=dt.date(2000, 1, 1)))
    deaths = pd.to_numeric(loaded.events[column].iloc[chosen], errors="coerce")
    assert metric(at, "Events") == f"{len(chosen):,}"
    assert metric(at, "Fatalities") == f"{int(deaths[deaths >= 0].sum()):,}"
    # Five metrics in one row: the date span's column is as wide as its characters ask
    # (fixed weights gave it 2.4 of 6.4 and the browser cut it: "1991-08-08 – 2022-1…").
    span = metric(at, "Date span")
    weights = {m.label: c.weight for c in at.columns for m in c.metric}
    assert weights["Date span"] / sum(weights.values()) == pytest.approx(
        len(span) / sum(max(len(metric(at, label)), 4) for label in weights)
    )


def test_events_page_shows_no_fatalities_without_a_deaths_column():
    at = open_app("pages/2_Events.py")
    assert "Fatalities" not in [m.label for m in at.metric]


HOSTILE = "<script>alert(1)</script> **bold** [link](javascript:alert(1)) :red[x] $x$"


@pytest.mark.parametrize("char", [chr(c) for c in range(33, 127) if not chr(c).isalnum()])
def test_md_escape_escapes_every_ascii_punctuation(char):
    assert md_escape(f"a{char}b") == f"a\\{char}b"


def test_md_escape_keeps_text_and_flattens_lines():
    assert md_escape("Min Aung Hlaing\nvisits") == "Min Aung Hlaing visits"


def test_event_text_is_shown_as_plain_text(write_events, monkeypatch):
    rows = sample_events()
    rows[0] = {**rows[0], "title": HOSTILE, "description": HOSTILE, "location": HOSTILE}
    monkeypatch.setenv("EVENTS_PATH", str(write_events(rows)))
    at = open_app()
    at.selectbox(key=state.TIMELINE_DETAIL).select(rows[0]["event_id"]).run()
    assert not at.exception
    assert at.subheader[0].value == md_escape(HOSTILE)
    texts = [t.value for t in at.text]
    assert HOSTILE in texts  # the description, verbatim, through st.text
    assert f"Location: {HOSTILE}" in texts


def test_events_table_cuts_a_huge_text_for_display_only(write_events, monkeypatch):
    rows = [*sample_events(), event_row(event_id="huge-text", description="z" * 1_000_000)]
    monkeypatch.setenv("EVENTS_PATH", str(write_events(rows)))
    registered = []
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        registered.append(data_callable)
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    at = open_app("pages/2_Events.py")
    assert not at.exception
    shown = at.dataframe[0].value
    assert len(shown) == len(rows)
    cell = shown.set_index("event_id").loc["huge-text", "description"]
    assert cell == "z" * 500 + "…"
    caption = " ".join(c.value for c in at.caption)
    assert "cut here" in caption and "download holds all of them" in caption
    assert "z" * 1_000_000 in registered[0]().decode("utf-8")


def test_about_lists_the_most_used_sources_and_counts_the_rest(write_events, monkeypatch):
    rows = [
        event_row(event_id=f"e{i}", source=f"Source {i % 30:02d}", title=f"Event {i}")
        for i in range(45)
    ]
    monkeypatch.setenv("EVENTS_PATH", str(write_events(rows)))
    at = open_app("pages/3_About_the_data.py")
    assert not at.exception
    sources = at.dataframe[0].value
    assert len(sources) == 20
    assert sources["events"].iloc[0] == 2 and sources["events"].sum() == 35
    assert any(c.value.startswith("and 10 more sources (10 events)") for c in at.caption)


def test_pickers_list_the_busiest_names_plus_the_chosen_ones(table, monkeypatch):
    import ui.sidebar

    monkeypatch.setattr(ui.sidebar, "MAX_PICKER_OPTIONS", 3)
    rare = next(
        name
        for name, count in zip(table.participants.names, table.participants.counts(), strict=True)
        if count == 1
    )
    at = open_app(actor=rare)
    assert not at.exception
    actors = at.multiselect(key=state.W_ACTORS)
    assert actors.value == [rare]
    assert len(actors.options) == 4 and any(o.startswith(f"{rare} (") for o in actors.options)
    assert "3 actors in most events" in actors.help
    assert len(at.multiselect(key=state.W_COUNTRIES).options) == 3
    at.switch_page("pages/1_Network.py").run()
    assert not at.exception
    assert len(at.selectbox(key=f"{state.NETWORK_EGO}_actor").options) == 3


def test_details_picker_is_bounded_and_cuts_long_titles(table, monkeypatch):
    import ui.details

    monkeypatch.setattr(ui.details, "MAX_DETAIL_CHOICES", 3)
    monkeypatch.setattr(ui.details, "LABEL_TITLE_CHARS", 10)
    at = open_app()
    assert not at.exception
    picker = at.selectbox(key=state.TIMELINE_DETAIL)
    assert len(picker.options) == 3
    assert all(len(label.split(" · ", 1)[1]) <= 10 for label in picker.options)
    assert any(f"first 3 of {len(table):,} events" in c.value for c in at.caption)


def test_network_offers_the_shown_graph_as_graphml_and_gexf(table, monkeypatch):
    registered = []
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        registered.append((data_callable, file_name))
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    at = open_app("pages/1_Network.py", country="China")
    assert not at.exception
    files = {name: data_callable for data_callable, name in registered}
    assert set(files) == {"network-actors.graphml", "network-actors.gexf"}
    shown = network_view(table, filter_positions(table, FilterSpec(countries=("China",)))).graph
    for name, read in (
        ("network-actors.graphml", nx.read_graphml),
        ("network-actors.gexf", nx.read_gexf),
    ):
        graph = read(io.BytesIO(files[name]()))
        assert set(graph.nodes) == set(shown.nodes) and len(graph.edges) == len(shown.edges)


def test_network_lists_the_relations_it_draws_strongest_first(table):
    at = open_app("pages/1_Network.py", country="Myanmar")
    assert not at.exception
    shown = network_view(table, filter_positions(table, FilterSpec(countries=("Myanmar",)))).graph
    listed = at.dataframe[0].value
    assert list(listed.columns) == list(RELATION_COLUMNS)
    assert len(listed) == shown.number_of_edges() > 1
    assert listed["events"].is_monotonic_decreasing
    for first, second, events, cooperation, conflict in listed.itertuples(index=False):
        edge = shown.edges[first, second]
        assert (events, cooperation, conflict) == (
            edge["weight"],
            edge["cooperation"],
            edge["conflict"],
        )


def test_network_relations_give_their_deaths_where_the_table_counts_them(monkeypatch):
    path = ROOT / "tests" / "data" / "real" / "ucdp_ged231_car_sample.csv"
    monkeypatch.setenv("EVENTS_PATH", str(path))
    at = open_app("pages/1_Network.py")
    assert not at.exception
    listed = at.dataframe[0].value
    assert list(listed.columns) == [
        "between",
        "and",
        "events",
        "fatalities",
        "cooperation",
        "conflict",
    ]
    loaded, _ = load_any(path)
    everything = np.arange(len(loaded))
    pairs = list(zip(listed["between"], listed["and"], strict=True))
    expected = relation_fatalities(loaded, everything, "actor", pairs)
    assert listed["fatalities"].tolist() == expected.tolist() and expected.sum() > 0


def test_event_permalink_opens_that_event(table):
    event_id = "lavrov-visits-myanmar-2022-08-03"
    at = open_app(event=event_id)
    assert not at.exception
    assert at.selectbox(key=state.TIMELINE_DETAIL).value == event_id
    assert any(t.value == f"Event id: {event_id}" for t in at.text)
    row = table.events.loc[table.events["event_id"] == event_id].iloc[0]
    assert at.subheader[0].value == md_escape(row["title"])
    assert at.query_params["event"] == event_id


def test_an_event_s_details_give_its_deaths_where_the_table_counts_them(monkeypatch):
    path = ROOT / "tests" / "data" / "real" / "ucdp_ged231_car_sample.csv"
    monkeypatch.setenv("EVENTS_PATH", str(path))
    loaded, _ = load_any(path)
    events = loaded.events
    deadliest = events.iloc[int(np.argmax(pd.to_numeric(events["best"]).to_numpy()))]
    at = open_app(event=deadliest["event_id"])
    assert not at.exception
    assert at.subheader[0].value == md_escape(deadliest["title"])
    assert f"Fatalities: {int(deadliest['best']):,}" in [t.value for t in at.text]
    # The article's table counts no deaths: no such line.
    monkeypatch.delenv("EVENTS_PATH")
    at = open_app(event="lavrov-visits-myanmar-2022-08-03")
    assert not [t.value for t in at.text if t.value.startswith("Fatalities")]


def test_an_event_s_details_give_what_its_source_says_beyond_our_columns(monkeypatch):
    path = ROOT / "tests" / "data" / "real" / "gdelt2_20191024143000_export_sample.CSV"
    monkeypatch.setenv("EVENTS_PATH", str(path))
    loaded, _ = load_any(path)
    event = loaded.take(np.asarray([3])).iloc[0]
    at = open_app(event=event["event_id"])
    assert not at.exception
    assert at.subheader[0].value == md_escape(event["title"])
    (own,) = [e for e in at.expander if e.label.startswith("The source file's own columns")]
    lines = [t.value for t in own.text]
    # GDELT's intensity (Goldstein scale) and tone, read where the event is read.
    goldstein = float(event["GoldsteinScale"])
    assert f"GoldsteinScale: {goldstein:g}" in lines
    assert f"AvgTone: {event['AvgTone']}" in lines
    # The date as written is said above (SQLDATE), the id as the Event id (GLOBALEVENTID).
    assert not [line for line in lines if line.startswith(("SQLDATE:", "GLOBALEVENTID:"))]
    # What the importer coded (PLOVER, quad class) is apart, under a caption saying so.
    coded = [f"plover: {event['plover']}", f"quad_class: {event['quad_class']}"]
    assert lines[-2:] == coded
    assert [c.value for c in own.caption] == ["Added on import, not columns of the source file:"]
    assert own.label == f"The source file's own columns ({len(lines) - len(coded)})"


def test_event_permalink_outside_the_filters_says_so(table):
    at = open_app(event="lavrov-visits-myanmar-2022-08-03", country="China")
    assert not at.exception
    assert at.selectbox(key=state.TIMELINE_DETAIL).value is None
    assert any("is not among the filtered events" in c.value for c in at.caption)


def test_the_url_carries_lane_ego_and_nodes_and_links_keep_them():
    at = open_app(lane="actor", nodes="country", ego="Russia", country="Myanmar")
    assert not at.exception
    assert at.radio(key=state.TIMELINE_LANE).value == "actor"
    links = [link.proto for link in at.get("page_link")]
    assert links and all(
        "lane=actor" in (link.query_string or "") and "ego=Russia" in (link.query_string or "")
        for link in links
    ), [link.query_string for link in links]
    at.switch_page("pages/1_Network.py").run()
    assert not at.exception
    assert at.radio(key=state.NETWORK_KIND).value == "country"
    assert at.selectbox(key=f"{state.NETWORK_EGO}_country").value == "Russia"
    at.switch_page(APP).run()
    assert at.radio(key=state.TIMELINE_LANE).value == "actor"  # kept across pages


def test_a_link_opens_the_network_with_its_relation_picked(table):
    at = open_app("pages/1_Network.py", country="Myanmar")
    listed = at.dataframe[0].value
    pairs = list(zip(listed["between"], listed["and"], strict=True))
    pair = pairs[2]  # not the first row: a pick by position would not tell
    kept = filter_positions(table, FilterSpec(countries=("Myanmar",)))
    events = len(relation_positions(table, kept, "actor", *pair))
    heading = f"**{events:,} events between {md_escape(pair[0])} and {md_escape(pair[1])}**"
    # Either order of the two names, as a colleague may type it.
    at = open_app("pages/1_Network.py", country="Myanmar", relation=f"{pair[1]};{pair[0]}")
    assert not at.exception and not at.warning
    assert at.session_state[f"{state.NETWORK_RELATIONS}_actor"]["selection"]["rows"] == [2]
    assert heading in [m.value for m in at.markdown]
    assert at.query_params["relation"] == ";".join(pair)


def test_a_picked_relation_is_in_the_link_and_kept_across_pages():
    at, picked = pick_relation(1, country="Myanmar")
    text = ";".join(picked[["between", "and"]])
    assert at.query_params["relation"] == text
    assert at.query_params["country"] == "Myanmar"
    at.switch_page("pages/2_Events.py").run()
    assert not at.exception
    links = [link.proto.query_string or "" for link in at.get("page_link")]
    assert links and all("relation=" in link for link in links), links
    at.switch_page("pages/1_Network.py").run()
    assert not at.exception
    assert at.session_state[f"{state.NETWORK_RELATIONS}_actor"]["selection"]["rows"] == [1]
    assert at.query_params["relation"] == text
    # Picked no more: the link drops it.
    at.session_state[f"{state.NETWORK_RELATIONS}_actor"] = {"selection": {"rows": []}}
    at.run()
    assert "relation" not in at.query_params


def test_a_link_s_relation_that_is_not_listed_is_dropped_with_a_notice():
    at = open_app("pages/1_Network.py", relation="Nobody;Somebody")
    assert not at.exception
    assert at.session_state[f"{state.NETWORK_RELATIONS}_actor"]["selection"]["rows"] == []
    assert any("Nobody" in w.value and "Somebody" in w.value for w in at.warning)
    assert "relation" not in at.query_params


def test_changing_the_lane_writes_it_to_the_url():
    at = open_app()
    at.radio(key=state.TIMELINE_LANE).set_value("event_type").run()
    assert not at.exception
    assert at.query_params["lane"] == "event_type"


def test_unknown_ego_in_a_link_is_dropped_with_a_notice():
    at = open_app("pages/1_Network.py", ego="Nobody At All")
    assert not at.exception
    assert at.selectbox(key=f"{state.NETWORK_EGO}_actor").value is None
    assert any("Nobody At All" in w.value for w in at.warning)


def test_filter_options_show_counts_of_the_filtered_events(table):
    at = open_app(type="meeting")
    assert not at.exception
    spec = FilterSpec(event_types=("meeting",))
    kept = filter_positions(table, spec)
    russia = int(np.count_nonzero(table.countries.holds(("Russia",), kept)))
    assert russia > 0
    assert f"Russia ({russia})" in at.multiselect(key=state.W_COUNTRIES).options
    types = at.multiselect(key=state.W_TYPES)
    assert f"meeting ({len(kept)})" in types.options
    assert types.value == ["meeting"]


def test_a_facet_from_the_url_filters_and_shows_its_counts(table):
    location = next(loc for loc in table.events["location"] if loc)
    at = open_app(**{"facet.location": location})
    assert not at.exception
    spec, _ = FilterSpec.from_query_params({"facet.location": [location]})
    kept = filter_positions(table, spec)
    facet = at.multiselect(key=f"{state.W_FACET}location")
    assert facet.value == [location]
    assert f"{location} ({len(kept)})" in facet.options
    assert any(f"{len(kept)} of {len(table)} events" in c.value for c in at.caption)


def test_adding_a_facet_column_then_choosing_a_value_filters(table):
    at = open_app()
    at.selectbox(key=state.W_FACET_ADD).select("date_precision").run()
    assert not at.exception
    at.multiselect(key=f"{state.W_FACET}date_precision").select("month").run()
    assert not at.exception
    assert at.query_params["facet.date_precision"] == "month"
    spec = FilterSpec(facets=(("date_precision", ("month",)),))
    assert metric_count(at, table, spec)


def metric_count(at, table, spec):
    """The banner says how many events the spec keeps (the Timeline has no metric)."""
    n = len(filter_positions(table, spec))
    return any(f"{n} of {len(table)} events" in c.value for c in at.caption)


def test_a_picked_relation_stays_picked_by_its_names_when_the_filters_change(monkeypatch):
    path = ROOT / "tests" / "data" / "real" / "ucdp_ged231_car_sample.csv"
    monkeypatch.setenv("EVENTS_PATH", str(path))
    loaded, _ = load_any(path)

    def listed(spec: FilterSpec) -> list[tuple[str, str]]:
        rows = relation_rows(network_view(loaded, filter_positions(loaded, spec)).graph)
        return list(zip(rows["between"], rows["and"], strict=True))

    everything = listed(FilterSpec())
    # An event type under which one listed pair moves to another row and another goes.
    for kind in sorted(set(loaded.events["event_type"])):
        narrowed = listed(FilterSpec(event_types=(kind,)))
        moved = [
            p for p in everything if p in narrowed and narrowed.index(p) != everything.index(p)
        ]
        gone = [p for p in everything if p not in narrowed and everything.index(p) < len(narrowed)]
        if moved and gone:
            break
    else:
        pytest.fail("no event type moves one relation and drops another")
    key = f"{state.NETWORK_RELATIONS}_actor"

    def heading(at) -> list[str]:
        return [m.value for m in at.markdown if " events between " in m.value]

    def said(pair: tuple[str, str], spec: FilterSpec) -> list[str]:
        found = relation_positions(loaded, filter_positions(loaded, spec), "actor", *pair)
        return [f"**{len(found):,} events between {md_escape(pair[0])} and {md_escape(pair[1])}**"]

    for pair, kept in ((moved[0], True), (gone[0], False)):
        at = open_app("pages/1_Network.py")
        assert not at.exception
        at.session_state[key] = {"selection": {"rows": [everything.index(pair)]}}
        at.run()
        assert heading(at) == said(pair, FilterSpec())
        at.multiselect(key=state.W_TYPES).set_value([kind]).run()
        assert not at.exception
        if kept:  # the same pair, at its new row
            assert at.session_state[key]["selection"]["rows"] == [narrowed.index(pair)]
            assert heading(at) == said(pair, FilterSpec(event_types=(kind,)))
        else:  # no longer listed: nothing picked (its old row holds another pair)
            assert at.session_state[key]["selection"]["rows"] == []
            assert heading(at) == []


def test_the_timeline_counts_per_the_period_the_link_asks(table, monkeypatch):
    """'By year': the link's per=year counts the Timeline's cells per year; the choice is
    kept in the view (and so in the link) when changed."""
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 3)  # the sample table is counted
    at = open_app(per="year")
    assert not at.exception
    assert at.radio(key=state.TIMELINE_PER).value == "year"
    (figure,) = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert {trace["meta"]["period_months"] for trace in figure["data"]} == {12}
    at.radio(key=state.TIMELINE_PER).set_value("quarter").run()
    (figure,) = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert {trace["meta"]["period_months"] for trace in figure["data"]} == {3}
    assert at.session_state[state.VIEW]["per"] == "quarter"


def test_a_picked_relation_is_counted_per_the_period_the_timeline_is_asked_for(table):
    at, _ = pick_relation(0, per="year")
    (figure,) = trend_charts(at)
    assert " per year: " in figure["layout"]["title"]["text"]
    at, _ = pick_relation(0)
    (figure,) = trend_charts(at)
    assert " per year: " not in figure["layout"]["title"]["text"]
