"""The Timeline in a real browser: every event can be hovered in every lane mode, a count
cell drills down, and a box on the time axis (the brush) sets the date filter."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard import synth
from dashboard.filters import FilterSpec, filter_positions
from dashboard.table import EventTable, load_events

from .support import (
    DEFAULT_EVENTS_PATH,
    PAGES,
    StreamlitServer,
    assert_no_exception,
    drag_box,
    open_app,
    rerun_expected,
    running_server,
    wait_for_charts,
)

try:
    from playwright.sync_api import Page, expect
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1, and says why
    Page = expect = PlaywrightTimeout = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

#: Tall enough for the actor lanes' sub-rows to fit without scrolling.
TALL = {"width": 1400, "height": 1800}
#: A hover label appears within a frame or two; a mark that shows none in 2 s has none.
HOVER_TIMEOUT_MS = 2_000
LANE_LABELS = {"country": "Country", "actor": "Actor", "event_type": "Event type"}

#: Page coordinates of the centre of every mark of the main plot, with its event_id.
_MARK_CENTRES = """
() => {
  const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.getBoundingClientRect();
  const out = [];
  gd._fullData.forEach((trace) => {
    (trace.customdata || []).forEach((custom, i) => {
      let x;
      if (trace.type === "bar") {
        const base = xa.d2l(trace.base[i]);
        x = xa.l2p(base + trace.x[i] / 2);
      } else {
        x = xa.d2p(trace.x[i]);
      }
      out.push({id: custom[0], x: box.left + xa._offset + x,
                y: box.top + ya._offset + ya.d2p(trace.y[i])});
    });
  });
  return out;
}
"""

#: Records the hovered event in ``window.__hovered``. Run before every hover: the chart's
#: element can be drawn anew after the page is idle (a late resize on a loaded machine),
#: and a new element has none of the old one's listeners (CI once saw no mark hover).
_LISTEN_HOVER = """
() => {
  const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
  if (gd.__hoverListened) return;
  gd.__hoverListened = true;
  window.__hovered = null;
  gd.on("plotly_hover", (d) => { window.__hovered = d.points[0].customdata[0]; });
  gd.on("plotly_unhover", () => { window.__hovered = null; });
}
"""


@pytest.fixture(scope="module")
def article() -> EventTable:
    return load_events(DEFAULT_EVENTS_PATH)


def choose_lanes(page: Page, lane: str) -> None:
    radio = page.get_by_test_id("stRadio").filter(has_text="Lanes by")
    if radio.get_by_role("radio", name=LANE_LABELS[lane]).is_checked():
        return
    with rerun_expected(page):
        radio.get_by_text(LANE_LABELS[lane], exact=True).click()


@pytest.mark.parametrize("lane", list(LANE_LABELS))
def test_every_article_event_can_be_hovered(page: Page, app_server, article, lane) -> None:
    page.set_viewport_size(TALL)
    open_app(page, app_server.page_url(PAGES["Timeline"]))
    choose_lanes(page, lane)
    wait_for_charts(page)
    marks = page.evaluate(_MARK_CENTRES)
    assert {mark["id"] for mark in marks} == set(article.events["event_id"])
    reached, wrong = set(), []
    for index in range(len(marks)):
        # Listener and centre taken afresh: a late redraw moves marks and drops listeners.
        page.evaluate(_LISTEN_HOVER)
        mark = page.evaluate(_MARK_CENTRES)[index]
        page.mouse.move(5, 5)  # off the chart: the next move is a fresh hover
        page.wait_for_function("window.__hovered === null")
        page.mouse.move(mark["x"], mark["y"])
        with contextlib.suppress(PlaywrightTimeout):  # nothing hovered: reported below
            page.wait_for_function("window.__hovered !== null", timeout=HOVER_TIMEOUT_MS)
        hovered = page.evaluate("window.__hovered")
        if hovered == mark["id"]:
            reached.add(hovered)
        else:
            wrong.append((mark["id"], hovered))
    assert not wrong, f"marks whose centre hovers another event (or none): {wrong}"
    assert reached == set(article.events["event_id"])
    assert_no_exception(page)


def url_params(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_brush_sets_the_date_filter_of_every_page(page: Page, app_server, article) -> None:
    open_app(page, app_server.page_url(PAGES["Timeline"]))
    wait_for_charts(page)
    chart = page.locator("[data-testid='stPlotlyChart']")
    chart.hover()
    chart.locator(".modebar-btn[data-title='Box Select']").click()
    # Drag across July 2022 on the main plot, between the plot's own pixel positions.
    edges = page.evaluate(
        """() => {
          const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
          const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          const box = gd.getBoundingClientRect();
          const px = (d) => box.left + xa._offset + xa.d2p(d);
          return {x0: px("2022-07-02"), x1: px("2022-07-27"),
                  y0: box.top + ya._offset + 5, y1: box.top + ya._offset + ya._length - 5};
        }"""
    )
    with rerun_expected(page):
        drag_box(page, edges)
    expect(page).to_have_url(re.compile(r"start=2022-07-0[1-3].*end=2022-07-2[6-8]"))
    params = url_params(page)
    spec, notices = FilterSpec.from_query_params(params)
    assert notices == []
    kept = len(filter_positions(article, spec))
    assert 0 < kept < len(article)
    expect(page.get_by_text(f"{kept} of {len(article)} events")).to_be_visible()
    # The date filter holds on the other pages (their links carry it).
    page.get_by_test_id("stSidebar").get_by_role("link", name="Events", exact=True).click()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(str(kept))
    assert_no_exception(page)


@pytest.fixture(scope="module")
def big_server(browser_ready, tmp_path_factory) -> Iterator[StreamlitServer]:
    """The app on 5,000 synthetic events: the timeline shows count cells."""
    folder = tmp_path_factory.mktemp("big")
    synth.synthesize(5_000, folder / "events.csv", seed=4, actors_output=folder / "actors.csv")
    env = {"EVENTS_PATH": str(folder / "events.csv"), "ACTORS_PATH": str(folder / "actors.csv")}
    with running_server(env) as server:
        yield server


def test_a_count_cell_drills_down_to_its_lane_and_period(page: Page, big_server) -> None:
    open_app(page, big_server.page_url(PAGES["Timeline"]))
    wait_for_charts(page)
    cell = page.locator(".js-plotly-plot .cartesianlayer .subplot.xy .barlayer .point").first
    expect(cell).to_be_attached()
    with rerun_expected(page):
        cell.click(force=True)  # Plotly's drag layer lies over the bars and takes the click
    expect(page).to_have_url(re.compile(r"country=.*start=\d{4}-\d{2}-01.*end="))
    params = url_params(page)
    first = dt.date.fromisoformat(params["start"][0])
    last = dt.date.fromisoformat(params["end"][0])
    assert first <= last and (last - first).days < 366
    table = load_events(big_server.env["EVENTS_PATH"], actors_path=big_server.env["ACTORS_PATH"])
    spec, _ = FilterSpec.from_query_params(params)
    kept = len(filter_positions(table, spec))
    assert 0 < kept < len(table)
    expect(page.get_by_text(f"{kept:,} of {len(table):,} events")).to_be_visible()
    wait_for_charts(page)
    assert_no_exception(page)


def test_event_permalink_opens_its_details_and_links_keep_the_view(
    page: Page, app_server, article
) -> None:
    event_id = "lavrov-visits-myanmar-2022-08-03"
    title = article.events.loc[article.events["event_id"] == event_id, "title"].iat[0]
    open_app(page, app_server.page_url(PAGES["Timeline"], {"event": event_id, "lane": "actor"}))
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", level=3)).to_have_text(title)
    expect(main.get_by_text(f"Event id: {event_id}")).to_be_visible()
    expect(page.get_by_test_id("stRadio").get_by_role("radio", name="Actor")).to_be_checked()
    # Away and back through the sidebar: the lane and the event are still there.
    page.get_by_test_id("stSidebar").get_by_role("link", name="Network", exact=True).click()
    expect(page).to_have_url(re.compile(r"/Network\?.*event=lavrov"))
    page.get_by_test_id("stSidebar").get_by_role("link", name="Timeline", exact=True).click()
    expect(main.get_by_role("heading", level=3)).to_have_text(title)
    expect(page.get_by_test_id("stRadio").get_by_role("radio", name="Actor")).to_be_checked()
    assert_no_exception(page)
