"""The four pages in a real browser: charts draw, filters hold and travel in the URL,
the CSV download is exactly the filtered rows."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import numpy as np
import pandas as pd
import pytest

from dashboard.filters import FilterSpec, apply_filters
from dashboard.loading import parse_events
from dashboard.network import network_view, relation_positions, relation_rows
from dashboard.table import EventTable, load_events

from .support import (
    DEFAULT_EVENTS_PATH,
    PAGES,
    PLOTLY_CHART,
    assert_no_exception,
    csv_download,
    new_page,
    open_app,
    open_options,
    rerun_expected,
    wait_for_charts,
)

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1, and says why
    Page = expect = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

#: Page title -> how many Plotly charts it draws on the article's data.
CHARTS_PER_PAGE = {"Timeline": 1, "Network": 1, "Events": 0, "About the data": 0, "Add events": 0}


@pytest.fixture(scope="module")
def table() -> EventTable:
    """The table the server shows, loaded through the model for expected values."""
    return load_events(DEFAULT_EVENTS_PATH)


def metric_value(page: Page, label: str) -> str:
    """The displayed value of the ``st.metric`` labelled ``label``."""
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").filter(has_text=re.compile(f"^{label}$"))
    )
    return metric.get_by_test_id("stMetricValue").inner_text().strip()


COUNT = r" \(\d[\d,]*\)"  # the facet count after a picker's option, e.g. " (1,234)"


def multiselect(page: Page, label: str):
    """The sidebar multiselect labelled ``label``."""
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=label)


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the sidebar multiselect ``label`` the way a person does."""
    open_options(multiselect(page, label).get_by_role("combobox", name=label))
    with rerun_expected(page):
        page.keyboard.type(option)
        # Options carry their facet count: "Russia (12)".
        page.get_by_role("option", name=re.compile(rf"^{re.escape(option)}{COUNT}$")).wait_for()
        page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def chips(page: Page, label: str) -> list[str]:
    """The values shown as selected in the sidebar multiselect ``label``."""
    tags = (
        multiselect(page, label).get_by_test_id("stMultiSelectTagsContainer").locator("[data-tag]")
    )
    return [re.sub(f"{COUNT}$", "", tag.get_attribute("aria-label")) for tag in tags.all()]


def go_to(page: Page, title: str) -> None:
    """Follow the sidebar's link to the page ``title``."""
    link = (
        page.get_by_test_id("stSidebar")
        .get_by_test_id("stPageLink")
        .filter(has_text=re.compile(f"^{title}$"))
    )
    with rerun_expected(page):
        link.locator("a").click()


@pytest.mark.parametrize("title", list(PAGES))
def test_page_draws_without_exception(page: Page, app_server, title: str) -> None:
    open_app(page, app_server.page_url(PAGES[title]))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert wait_for_charts(page) == CHARTS_PER_PAGE[title]
    for chart in page.locator(PLOTLY_CHART).all():
        # Drawn means data, not an empty frame: at least one drawn point or bar.
        expect(chart.locator(".js-plotly-plot g.trace .point").first).to_be_attached()
    if title == "Events":
        expect(page.get_by_test_id("stDataFrame")).to_be_visible()
        expect(page.get_by_test_id("stMetric")).to_have_count(4)
    assert_no_exception(page)


def test_filter_holds_across_pages(page: Page, app_server, table: EventTable) -> None:
    open_app(page, app_server.page_url(PAGES["Timeline"]))
    choose(page, "Countries", "Russia")
    expect(page).to_have_url(re.compile(r"\?country=Russia$"))
    assert chips(page, "Countries") == ["Russia"]
    wait_for_charts(page)

    expected = apply_filters(table, FilterSpec(countries=("Russia",)))
    assert 0 < len(expected) < len(table), "Russia should narrow the table, not empty it"
    for title in ("Events", "Network", "About the data", "Timeline"):
        go_to(page, title)
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        path = PAGES[title]
        expect(page).to_have_url(re.compile(rf"/{path}\?country=Russia$"))
        assert chips(page, "Countries") == ["Russia"], title
        if title == "Events":
            assert metric_value(page, "Events") == f"{len(expected):,}"
        wait_for_charts(page)
        assert_no_exception(page)


def test_shared_url_opens_filtered_view(page: Page, app_server, table: EventTable) -> None:
    spec = FilterSpec(countries=("Russia",), start=dt.date(2022, 7, 1))
    expected = apply_filters(table, spec)
    assert 0 < len(expected) < len(apply_filters(table, FilterSpec(countries=("Russia",))))

    open_app(page, app_server.page_url(PAGES["Events"], spec.to_query_params()))
    assert chips(page, "Countries") == ["Russia"]
    from_date = page.get_by_test_id("stSidebar").get_by_test_id("stDateInput").first
    expect(from_date.locator("input")).to_have_value("2022-07-01")
    assert metric_value(page, "Events") == f"{len(expected):,}"
    assert metric_value(page, "Date span").startswith(f"{expected['start_date'].min():%Y-%m-%d}")
    expect(csv_download(page)).to_have_accessible_name(
        f"Download these {len(expected):,} events (CSV)"
    )
    expect(page.get_by_test_id("stAlert")).to_have_count(0)
    assert_no_exception(page)


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2022-13-45"},
        {"start": "yesterday", "country": "Russia"},
        {"country": "Atlantis"},
        {"start": "2022-08-01", "end": "2022-07-01"},
    ],
    ids=["impossible-date", "not-a-date", "unknown-country", "start-after-end"],
)
def test_malformed_parameter_shows_notice(
    page: Page, app_server, table: EventTable, params: dict[str, str]
) -> None:
    spec, notices = FilterSpec.from_query_params(params)
    spec, unknown = spec.restricted_to(table)
    notices += unknown
    assert notices, "the model should find these parameters malformed"

    open_app(page, app_server.page_url(PAGES["Events"], params))
    alerts = page.get_by_test_id("stAlert")
    expect(alerts.first).to_be_visible()
    shown = " ".join(alerts.all_inner_texts())
    for notice in notices:
        assert notice in shown
    assert metric_value(page, "Events") == f"{len(apply_filters(table, spec)):,}"
    assert_no_exception(page)


def test_download_is_exactly_the_filtered_rows(page: Page, app_server, table: EventTable) -> None:
    spec = FilterSpec(countries=("Russia",), start=dt.date(2022, 7, 1))
    expected = apply_filters(table, spec)
    open_app(page, app_server.page_url(PAGES["Events"], spec.to_query_params()))

    with page.expect_download() as info:
        csv_download(page).click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    downloaded = parse_events(download.path().read_bytes())

    assert downloaded["event_id"].tolist() == expected["event_id"].tolist()
    pd.testing.assert_frame_equal(
        downloaded.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False
    )
    assert_no_exception(page)


def test_network_node_click_filters_every_page(page: Page, app_server, table: EventTable) -> None:
    actor = "Sergei Lavrov"
    open_app(page, app_server.page_url(PAGES["Network"]))
    assert wait_for_charts(page) == 1
    # A node trace's points carry the node names as customdata, in point order (the text
    # labels do not: a label hidden to avoid overlaps leaves no text element behind). The
    # label layer drawn above them names its nodes too, but takes no click: skip it.
    node = None
    for trace in page.locator(".js-plotly-plot .cartesianlayer g.trace.scatter").all():
        names = trace.evaluate(
            "el => { const t = el.__data__ && el.__data__[0] && el.__data__[0].trace;"
            " return (t && t.meta && t.meta.role === 'nodes' ? t.customdata : [])"
            ".map(c => Array.isArray(c) ? c[0] : c); }"
        )
        if actor in names:
            node = trace.locator(".point").nth(names.index(actor))
    assert node is not None, f"no node labelled {actor}"
    with rerun_expected(page):
        node.click(force=True)  # Plotly's drag layer lies over the points and takes the click
    expect(page).to_have_url(re.compile(r"/Network\?actor=Sergei\+Lavrov$"))
    assert chips(page, "Actors") == [actor]

    go_to(page, "Events")
    expected = apply_filters(table, FilterSpec(actors=(actor,)))
    assert 0 < len(expected) < len(table)
    assert metric_value(page, "Events") == f"{len(expected):,}"
    assert_no_exception(page)


def test_timeline_click_shows_the_event_details(page: Page, app_server, table: EventTable) -> None:
    open_app(page, app_server.page_url(PAGES["Timeline"]))
    assert wait_for_charts(page) == 1
    # A day-precision marker of the main plot (the range slider below has copies).
    marker = page.locator(".js-plotly-plot .cartesianlayer .subplot.xy .scatterlayer .point")
    with rerun_expected(page):
        marker.first.click(force=True)
    main = page.get_by_test_id("stMain")
    event_line = main.get_by_test_id("stText").filter(has_text=re.compile(r"^Event id: "))
    expect(event_line).to_have_count(1)
    event_id = event_line.inner_text().removeprefix("Event id: ").strip()
    row = table.events.loc[table.events["event_id"] == event_id]
    assert len(row) == 1, event_id
    expect(main.get_by_role("heading", level=3)).to_have_text(row["title"].iat[0])
    assert_no_exception(page)


def test_picking_a_relation_lists_the_events_behind_it(
    page: Page, app_server, table: EventTable
) -> None:
    """An edge cannot be clicked (Plotly selects points, not lines): the list of relations
    under the network is the way from a link to its events and their sources."""
    open_app(page, app_server.page_url(PAGES["Network"]))
    assert wait_for_charts(page) == 1
    everything = np.arange(len(table))
    rows = relation_rows(network_view(table, everything).graph)
    first, second = rows.iloc[0][["between", "and"]]
    expected = relation_positions(table, everything, "actor", first, second)
    assert len(expected) > 1
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    with rerun_expected(page):
        # The first row's selection box: left of the first column, under the header row.
        page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)
    heading = page.get_by_text(re.compile(r"^\d[\d,]* events between "))
    expect(heading).to_have_text(f"{len(expected):,} events between {first} and {second}")
    expect(page.get_by_test_id("stDataFrame")).to_have_count(2)
    assert_no_exception(page)


def test_a_picked_relation_is_in_the_link_a_colleague_opens_and_is_drawn_over_time(
    page: Page, browser, app_server, table: EventTable
) -> None:
    """The pick is the table's own state in the browser (a row position): only a real
    browser shows that the URL follows it and that another session's link restores it."""
    open_app(page, app_server.page_url(PAGES["Network"]))
    assert wait_for_charts(page) == 1
    everything = np.arange(len(table))
    rows = relation_rows(network_view(table, everything).graph)
    first, second = rows.iloc[1][["between", "and"]]
    events = len(relation_positions(table, everything, "actor", first, second))
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    with rerun_expected(page):  # the second row's selection box
        page.mouse.click(box["x"] + 15, box["y"] + 35 + 17 + 35)
    heading = f"{events:,} events between {first} and {second}"
    expect(page.get_by_text(heading)).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]relation="))
    link = page.url
    assert parse_qs(urlparse(link).query)["relation"] == [f"{first};{second}"]
    # A colleague opens the link in their own session.
    other = new_page(browser)
    try:
        open_app(other, link)
        expect(other.get_by_text(heading)).to_be_visible()
        chart = other.locator(PLOTLY_CHART).nth(1)
        expect(chart).to_contain_text(f"Events between {first} and {second} per")
        assert_no_exception(other)
    finally:
        other.context.close()
