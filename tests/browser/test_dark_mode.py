"""Dark mode: with the browser set to dark, the app and its charts are dark too."""

from __future__ import annotations

import re

import pytest

from .support import PAGES, assert_no_exception, open_app, wait_for_charts

try:
    from playwright.sync_api import Page
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1, and says why
    Page = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


def luminance(css: str) -> float:
    """Relative brightness (0-1) of an rgb()/rgba() CSS colour; transparent counts as None."""
    if css.startswith("#"):
        css = "rgb(" + ",".join(str(int(css[i : i + 2], 16)) for i in (1, 3, 5)) + ")"
    red, green, blue, *alpha = (float(v) for v in re.findall(r"[\d.]+", css))
    if alpha and alpha[0] == 0:
        raise ValueError("transparent")
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_app_and_chart_follow_the_browser_scheme(page: Page, app_server, scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    open_app(page, app_server.page_url(PAGES["Timeline"]))
    wait_for_charts(page)
    app_background = page.evaluate(
        "getComputedStyle(document.querySelector(\"[data-testid='stApp']\")).backgroundColor"
    )
    chart_text = page.evaluate(
        "document.querySelector(\"[data-testid='stPlotlyChart'] .js-plotly-plot\")"
        "._fullLayout.font.color"
    )
    if scheme == "dark":
        assert luminance(app_background) < 0.3
        assert luminance(chart_text) > 0.6  # light text on the dark page
    else:
        assert luminance(app_background) > 0.7
        assert luminance(chart_text) < 0.6  # grey-to-dark text on the light page
    assert_no_exception(page)
