"""The Map in a real browser: it draws on the shipped outlines without fetching anything,
and a click on a mark filters every page to that area."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from dashboard.filters import FilterSpec, filter_positions
from dashboard.geomap import map_data
from dashboard.table import EventTable, load_events

from .support import (
    DEFAULT_EVENTS_PATH,
    assert_no_exception,
    open_app,
    rerun_expected,
    wait_for_map,
)

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1, and says why
    Page = expect = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

_CHART = json.dumps("[data-testid='stPlotlyChart'] .js-plotly-plot")
#: Page coordinates of the first marker of the first trace, projected by MapLibre itself.
_FIRST_MARK = """
() => {
  const gd = document.querySelector(CHART);
  const trace = gd._fullData[0];
  const subplot = gd._fullLayout.map._subplot;
  const point = subplot.map.project([trace.lon[0], trace.lat[0]]);
  const box = subplot.div.getBoundingClientRect();
  return {x: box.left + point.x, y: box.top + point.y, id: trace.customdata[0][0]};
}
"""


@pytest.fixture(scope="module")
def article() -> EventTable:
    return load_events(DEFAULT_EVENTS_PATH)


def test_map_draws_from_shipped_outlines_only(page: Page, app_server, article) -> None:
    outside = []
    page.on(
        "request",
        lambda request: None if "127.0.0.1" in request.url else outside.append(request.url),
    )
    open_app(page, app_server.page_url("Map"))
    wait_for_map(page)
    data, missing = map_data(article, np.arange(len(article)))
    assert len(data.event_ids) > 0
    drawn = page.evaluate(
        """() => { const gd = document.querySelector(CHART);
                   return {points: gd._fullData.reduce((n, t) => n + t.lat.length, 0),
                           layers: gd._fullLayout.map.layers.length,
                           style: gd._fullLayout.map.style}; }""".replace("CHART", _CHART)
    )
    assert drawn == {"points": len(data.event_ids), "layers": 1, "style": "white-bg"}
    expect(page.get_by_text(f"{missing} events without coordinates")).to_be_visible()
    assert outside == [], "the map fetched from outside the app"
    assert_no_exception(page)


def test_clicking_a_mark_filters_every_page_to_its_area(page: Page, app_server, article) -> None:
    open_app(page, app_server.page_url("Map"))
    wait_for_map(page)
    mark = page.evaluate(_FIRST_MARK.replace("CHART", _CHART))
    with rerun_expected(page):
        page.mouse.click(mark["x"], mark["y"])
    expect(page).to_have_url(re.compile(r"/Map\?area=[-\d.]+(%2C[-\d.]+){3}$"))
    spec, notices = FilterSpec.from_query_params(parse_qs(urlparse(page.url).query))
    assert notices == [] and spec.area is not None
    kept = article.events["event_id"].iloc[filter_positions(article, spec)].tolist()
    assert mark["id"] in kept and 0 < len(kept) < len(article)
    expect(page.get_by_text(f"{len(kept)} of {len(article)} events")).to_be_visible()
    page.get_by_test_id("stSidebar").get_by_role("link", name="Events", exact=True).click()
    expect(page).to_have_url(re.compile(r"/Events\?area="))
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(str(len(kept)))
    assert_no_exception(page)
