"""Layout in a real browser at an 800 px and a 1,400 px wide window: no page overflows
sideways, its charts are drawn, and the network's labels cover no other node's marker
and no other label, nor run out of the plot (measured on the drawn SVG, not on the model's
estimates)."""

from __future__ import annotations

import pytest

from .support import (
    PLOTLY_CHART,
    assert_no_exception,
    open_app,
    wait_for_charts,
    wait_for_map,
)

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1, and says why
    Page = expect = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

NARROW, WIDE = 800, 1400
#: Page -> (URL path, charts it draws on the article's table).
PAGES: dict[str, tuple[str, int]] = {
    "Timeline": ("", 1),
    "Network": ("Network", 1),
    "Map": ("Map", 1),
    "Events": ("Events", 0),
    "About the data": ("About_the_data", 0),
    "Add events": ("Add_events", 0),
}

_OVERFLOW = """
() => { const main = document.querySelector("[data-testid='stMain']");
        return {doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
                main: [main.scrollWidth, main.clientWidth]}; }
"""


@pytest.mark.parametrize("title", list(PAGES))
def test_each_page_holds_at_800_px(page: Page, app_server, title: str) -> None:
    path, charts = PAGES[title]
    page.set_viewport_size({"width": NARROW, "height": 900})
    open_app(page, app_server.page_url(path))
    if title == "Map":
        wait_for_map(page)
    assert wait_for_charts(page) == charts
    widths = page.evaluate(_OVERFLOW)
    assert widths["doc"][0] <= widths["doc"][1], f"the page scrolls sideways: {widths}"
    assert widths["main"][0] <= widths["main"][1], f"the main block overflows: {widths}"
    for index in range(charts):
        chart = page.locator(PLOTLY_CHART).nth(index)
        expect(chart).to_be_visible()
        box = chart.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 300, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW, box
    assert_no_exception(page)


#: Every node label's and every node marker's box on the page, from the drawn SVG: the
#: labels of the label layer (drawn after the node traces) and the leader-line labels
#: (annotations named ``label:<node>``).
_NODE_BOXES = """
() => {
  const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
  const labels = [], markers = [];
  const rect = (el) => { const r = el.getBoundingClientRect();
                         return [r.left, r.top, r.right, r.bottom]; };
  gd.querySelectorAll("g.trace.scatter").forEach((group) => {
    const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
    if (!trace || !trace.meta) return;
    if (trace.meta.role === "nodes") {
      group.querySelectorAll("g.points path.point").forEach((el) => {
        markers.push({node: trace.customdata[el.__data__.i][0], box: rect(el)});
      });
    }
    if (trace.meta.role === "labels") {
      group.querySelectorAll("g.text g.textpoint text").forEach((el) => {
        if (el.textContent) labels.push({node: trace.customdata[el.__data__.i][0],
                                         text: el.textContent, box: rect(el)});
      });
    }
  });
  gd.querySelectorAll("g.annotation").forEach((group) => {
    const note = gd.layout.annotations[Number(group.getAttribute("data-index"))];
    if (!note || !note.name || !note.name.startsWith("label:")) return;
    const text = group.querySelector("text.annotation-text");
    labels.push({node: note.name.slice(6), text: text.textContent, box: rect(text)});
  });
  const r = gd.getBoundingClientRect(), s = gd._fullLayout._size;
  const plot = [r.left + s.l, r.top + s.t, r.left + s.l + s.w, r.top + s.t + s.h];
  return {labels, markers, plot};
}
"""


def _overlap(a, b, tolerance: float = 1.0) -> bool:
    return (
        a[0] < b[2] - tolerance
        and b[0] < a[2] - tolerance
        and a[1] < b[3] - tolerance
        and b[1] < a[3] - tolerance
    )


@pytest.mark.parametrize("width", [NARROW, WIDE])
@pytest.mark.parametrize("nodes", ["actor", "country"])
def test_network_labels_cover_no_marker_and_no_label(
    page: Page, app_server, width: int, nodes: str
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    open_app(page, app_server.page_url("Network", {"nodes": nodes}))
    wait_for_charts(page)
    drawn = page.evaluate(_NODE_BOXES)
    labels, markers = drawn["labels"], drawn["markers"]
    assert len(markers) > 5 and len(labels) >= 0.7 * len(markers), (len(labels), len(markers))
    covered = [
        (label["text"], marker["node"])
        for label in labels
        for marker in markers
        if marker["node"] != label["node"] and _overlap(label["box"], marker["box"])
    ]
    assert covered == [], f"labels over other nodes at {width} px: {covered}"
    clashes = [
        (a["text"], b["text"])
        for i, a in enumerate(labels)
        for b in labels[i + 1 :]
        if _overlap(a["box"], b["box"])
    ]
    assert clashes == [], f"labels over labels at {width} px: {clashes}"
    left, top, right, bottom = drawn["plot"]
    cut = [
        label["text"]
        for label in labels
        if label["box"][0] < left - 1
        or label["box"][1] < top - 1
        or label["box"][2] > right + 1
        or label["box"][3] > bottom + 1
    ]
    assert cut == [], f"labels cut by the plot's edge at {width} px: {cut}"
    assert_no_exception(page)
