"""The Map in a real browser: it draws on the shipped outlines without fetching anything,
and a click on a mark filters every page to that area."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from dashboard.filters import FilterSpec, filter_positions
from dashboard.geomap import MAP_REGIONS, MapFrame, build_map, fit_frame, map_data, same_place
from dashboard.table import EventTable, load_events

from .support import (
    DEFAULT_EVENTS_PATH,
    assert_no_exception,
    drag_box,
    open_app,
    open_options,
    rerun_expected,
    wait_for_map,
)

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1, and says why
    Page = expect = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

_CHART = json.dumps("[data-testid='stPlotlyChart'] .js-plotly-plot")
#: Page coordinates of marker [curve, index] (a trace and a point in it), projected by
#: MapLibre itself.
_FIRST_MARK = """
([curve, index]) => {
  const gd = document.querySelector(CHART);
  const trace = gd._fullData[curve];
  const subplot = gd._fullLayout.map._subplot;
  const point = subplot.map.project([trace.lon[index], trace.lat[index]]);
  const box = subplot.div.getBoundingClientRect();
  return {x: box.left + point.x, y: box.top + point.y};
}
"""
#: Page coordinates of the corners of [west, north, east, south] on the map.
_BOX = """
([west, north, east, south]) => {
  const subplot = document.querySelector(CHART)._fullLayout.map._subplot;
  const box = subplot.div.getBoundingClientRect();
  const a = subplot.map.project([west, north]), b = subplot.map.project([east, south]);
  return {x0: box.left + a.x, y0: box.top + a.y, x1: box.left + b.x, y1: box.top + b.y};
}
"""


def lone_event(table: EventTable) -> tuple[str, list[int]]:
    """The first event drawn alone at its place on the unfiltered map (no other marker on
    it takes the click), and its [trace, index] in the figure."""
    data, _ = map_data(table, np.arange(len(table)))
    places = list(zip(data.latitude.tolist(), data.longitude.tolist(), strict=True))
    for curve, rows in enumerate(build_map(data).members):
        for index, row in enumerate(rows.tolist()):
            if places.count(places[row]) == 1:
                return str(table.events["event_id"].iloc[data.rows[row]]), [curve, index]
    raise AssertionError("every event shares its place with another")


@pytest.fixture(scope="module")
def article() -> EventTable:
    return load_events(DEFAULT_EVENTS_PATH)


def test_map_draws_from_shipped_outlines_only(page: Page, app_server, article) -> None:
    outside = []
    page.on(
        "request",
        lambda request: None if "127.0.0.1" in request.url else outside.append(request.url),
    )
    with page.expect_response(
        lambda r: r.url.endswith("/app/static/countries-110m.geojson")
    ) as got:
        open_app(page, app_server.page_url("Map"))
        wait_for_map(page)
    data, missing = map_data(article, np.arange(len(article)))
    assert len(data.rows) > 0
    drawn = page.evaluate(
        """() => { const gd = document.querySelector(CHART);
                   return {points: gd._fullData.reduce((n, t) => n + t.lat.length, 0),
                           layers: gd._fullLayout.map.layers.length,
                           style: gd._fullLayout.map.style}; }""".replace("CHART", _CHART)
    )
    # One point per event type and place (events at one place are one point, sized by them).
    points = sum(len(trace.lat) for trace in build_map(data).figure.data)
    assert 0 < points < len(data.rows)
    assert drawn == {"points": points, "layers": 1, "style": "white-bg"}
    assert got.value.status == 200, "the outlines were not served by the app"
    assert len(got.value.json()["features"][0]["geometry"]["coordinates"]) > 300
    expect(page.get_by_text(f"{missing} events without coordinates")).to_be_visible()
    assert outside == [], "the map fetched from outside the app"
    assert_no_exception(page)


def test_clicking_a_point_reads_its_event(page: Page, app_server, article) -> None:
    open_app(page, app_server.page_url("Map"))
    wait_for_map(page)
    event_id, at = lone_event(article)
    mark = page.evaluate(_FIRST_MARK.replace("CHART", _CHART), at)
    # The hover names the start date as a date.
    page.mouse.move(mark["x"], mark["y"])
    start = article.events.set_index("event_id").loc[event_id, "start_date"]
    expect(page.locator(".hoverlayer .hovertext").first).to_contain_text(
        f"start date {start:%Y-%m-%d}"
    )
    with rerun_expected(page):
        page.mouse.click(mark["x"], mark["y"])
    expect(page).to_have_url(re.compile(rf"/Map\?event={re.escape(event_id)}$"))
    title = article.events.set_index("event_id").loc[event_id, "title"]
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_text(f"Event id: {event_id}")).to_be_visible()
    # The event being read goes with the links: the Timeline opens on it.
    page.get_by_test_id("stSidebar").get_by_role("link", name="Timeline", exact=True).click()
    expect(page).to_have_url(re.compile(rf"\?event={re.escape(event_id)}$"))
    expect(page.get_by_text(f"Event id: {event_id}")).to_be_visible()
    assert_no_exception(page)


#: The first point of several events (a "stacked" trace) alone at its spot, and where.
_STACKED_MARK = """
() => {
  const gd = document.querySelector(CHART);
  const sub = gd._fullLayout.map._subplot, box = sub.div.getBoundingClientRect();
  const key = (t, k) => `${t.lon[k]},${t.lat[k]}`, seen = {};
  gd._fullData.forEach((t) => t.lon.forEach((_, k) => {
    seen[key(t, k)] = (seen[key(t, k)] || 0) + 1;
  }));
  for (const [curve, t] of gd._fullData.entries()) {
    if (!t.meta || !t.meta.stacked) continue;
    for (let k = 0; k < t.lon.length; k++) {
      if (seen[key(t, k)] !== 1) continue;
      const p = sub.map.project([t.lon[k], t.lat[k]]);
      return {curve, index: k, x: box.left + p.x, y: box.top + p.y};
    }
  }
  return null;
}
"""


def test_a_point_of_several_events_says_how_many_and_when(page: Page, app_server, article) -> None:
    """Events of one type at one place are one point: its hover gives their count and
    first and last dates (uint16 parts in the figure, formatted by the browser)."""
    spec = FilterSpec(event_types=("meeting",))
    kept = filter_positions(article, spec)
    data, _ = map_data(article, kept)
    places = list(zip(data.latitude.tolist(), data.longitude.tolist(), strict=True))
    open_app(page, app_server.page_url("Map", {"type": "meeting"}))
    wait_for_map(page)
    mark = page.evaluate(_STACKED_MARK.replace("CHART", _CHART))
    assert mark is not None
    page.mouse.move(mark["x"], mark["y"])
    # The events drawn at that point, from the model (the figure the page drew).
    drawn = build_map(data).figure.data[mark["curve"]]
    spot = (drawn.lat[mark["index"]], drawn.lon[mark["index"]])
    here = [i for i, p in enumerate(places) if np.allclose(p, spot, atol=1e-4)]
    assert len(here) > 1
    days = sorted(article.events["start_date"].iloc[data.rows[here]])
    hover = page.locator(".hoverlayer .hovertext").first
    expect(hover).to_contain_text(f"{len(here)} events at this place")
    expect(hover).to_contain_text(f"from {days[0]:%Y-%m-%d} to {days[-1]:%Y-%m-%d}")
    assert_no_exception(page)


def test_events_on_one_spot_can_each_be_read(page: Page, app_server, article) -> None:
    """Markers on one spot lie on one another: the event being read lists the others."""
    ids = article.events["event_id"]
    first = "lavrov-visits-myanmar-2022-08-03"
    here = same_place(article, np.arange(len(article)), int(np.flatnonzero(ids == first)[0]))
    other = next(event_id for event_id in ids.iloc[here] if event_id != first)
    title = article.events.set_index("event_id").loc[other, "title"]
    open_app(page, app_server.page_url("Map", {"event": first}))
    main = page.get_by_test_id("stMain")
    expect(
        main.get_by_text(f"{len(here)} of the filtered events are drawn on this very spot")
    ).to_be_visible()
    open_options(main.get_by_role("combobox", name="Show details of"))
    with rerun_expected(page):
        page.get_by_role("option", name=re.compile(re.escape(title))).click()
    expect(page).to_have_url(re.compile(rf"event={re.escape(other)}"))
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    assert_no_exception(page)


_LOOKS_AT = """
() => { const gd = document.querySelector(CHART);
        const live = gd._fullLayout.map._subplot.map;
        return {lat: gd._fullLayout.map.center.lat, lon: gd._fullLayout.map.center.lon,
                zoom: gd._fullLayout.map.zoom, liveLat: live.getCenter().lat,
                liveLon: live.getCenter().lng, liveZoom: live.getZoom()}; }
"""


@pytest.mark.parametrize(
    ("value", "frame"),
    [("48.85,2.35,5", MapFrame(48.85, 2.35, 5.0)), ("europe", MAP_REGIONS["europe"][1])],
)
def test_a_link_with_a_map_view_shows_that_view(page: Page, app_server, value, frame) -> None:
    open_app(page, app_server.page_url("Map", {"map": value}))
    wait_for_map(page)
    looks = page.evaluate(_LOOKS_AT.replace("CHART", _CHART))
    assert (looks["lat"], looks["lon"], looks["zoom"]) == (frame.lat, frame.lon, frame.zoom)
    assert looks["liveLat"] == pytest.approx(frame.lat, abs=0.01)
    assert looks["liveLon"] == pytest.approx(frame.lon, abs=0.01)
    assert looks["liveZoom"] == pytest.approx(frame.zoom, abs=0.01)
    # The sidebar's links keep it.
    link = page.get_by_test_id("stSidebar").get_by_role("link", name="Events", exact=True)
    assert parse_qs(urlparse(link.get_attribute("href")).query)["map"] == [value]
    assert_no_exception(page)


def test_a_box_selection_filters_every_page_and_the_map_fits_it(
    page: Page, app_server, article
) -> None:
    # Naypyitaw and Bagan: several events at two places (one event alone would be read).
    south, west, north, east = 19.0, 94.0, 22.0, 97.0
    data, _ = map_data(article, np.arange(len(article)))
    inside = (data.latitude > south) & (data.latitude < north)
    inside &= (data.longitude > west) & (data.longitude < east)
    boxed = set(article.events["event_id"].iloc[data.rows[inside]])
    assert len(boxed) >= 2
    open_app(page, app_server.page_url("Map", {"map": "southeast-asia"}))
    wait_for_map(page)
    corners = page.evaluate(_BOX.replace("CHART", _CHART), [west, north, east, south])
    # As an analyst does: the modebar's "Box Select" (dragging pans the map otherwise).
    page.mouse.move(corners["x0"], corners["y0"])
    page.get_by_test_id("stPlotlyChart").get_by_role("button", name="Box Select").click()
    with rerun_expected(page):
        drag_box(page, corners)
    expect(page).to_have_url(re.compile(r"/Map\?area=[-\d.]+(%2C[-\d.]+){3}$"))
    spec, notices = FilterSpec.from_query_params(parse_qs(urlparse(page.url).query))
    assert notices == [] and spec.area is not None
    kept = article.events["event_id"].iloc[filter_positions(article, spec)].tolist()
    assert set(kept) == boxed
    expect(page.get_by_text(f"{len(kept)} of {len(article)} events")).to_be_visible()
    wait_for_map(page)
    fitted = fit_frame(*spec.area.as_tuple())
    centred = "(lat) => Math.abs(document.querySelector(CHART)._fullLayout.map.center.lat - lat)"
    page.wait_for_function(centred.replace("CHART", _CHART) + " < 1e-6", arg=fitted.lat)
    looks = page.evaluate(_LOOKS_AT.replace("CHART", _CHART))
    assert (looks["lat"], looks["lon"], looks["zoom"]) == (fitted.lat, fitted.lon, fitted.zoom)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Events", exact=True).click()
    expect(page).to_have_url(re.compile(r"/Events\?area="))
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(str(len(kept)))
    assert_no_exception(page)


def test_the_legend_swatches_are_one_size(page: Page, app_server) -> None:
    """Every event type's legend swatch is drawn the same size, whatever the sizes of the
    points of the trace it stands for. Plotly sizes a scattermap swatch by the mean of its
    trace's marker sizes unless the legend's ``itemsizing`` is "constant" (fd9e9f4): without
    it Chromium drew the article's swatches 9, 13 and 15 px wide; with it, all 12 px."""
    open_app(page, app_server.page_url("Map"))
    wait_for_map(page)
    swatches = page.evaluate(
        """() => Array.from(document.querySelectorAll(CHART + ' g.legendpoints path.scatterpts'))
                 .map((p) => { const b = p.getBBox();
                               return [p.closest('g.traces').textContent,
                                       Math.round(b.width * 10) / 10]; })""".replace(
            "CHART", _CHART
        )
    )
    assert len(swatches) >= 4, swatches
    assert len({width for _, width in swatches}) == 1, swatches
    assert_no_exception(page)
