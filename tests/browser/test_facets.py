"""Facet counts in a real browser: filter options say how many filtered events have them."""

from __future__ import annotations

import re

import numpy as np
import pytest

from dashboard.filters import FilterSpec, filter_positions
from dashboard.table import EventTable, load_events

from .support import (
    DEFAULT_EVENTS_PATH,
    PAGES,
    assert_no_exception,
    open_app,
    open_options,
    rerun_expected,
)

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1, and says why
    Page = expect = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


@pytest.fixture(scope="module")
def article() -> EventTable:
    return load_events(DEFAULT_EVENTS_PATH)


def test_options_show_counts_and_a_facet_filters(page: Page, app_server, article) -> None:
    open_app(page, app_server.page_url(PAGES["Events"], {"type": "meeting"}))
    kept = filter_positions(article, FilterSpec(event_types=("meeting",)))
    russia = int(np.count_nonzero(article.countries.holds(("Russia",), kept)))
    sidebar = page.get_by_test_id("stSidebar")
    open_options(sidebar.get_by_role("combobox", name="Countries"))
    expect(page.get_by_role("option", name=f"Russia ({russia})", exact=True)).to_be_visible()
    page.keyboard.press("Escape")
    # A facet on the table's own column: open it, choose a value, the URL carries it.
    sidebar.get_by_text("More filters (facets)").click()
    open_options(sidebar.get_by_role("combobox", name="Add a facet"))
    page.keyboard.type("date_precision")
    with rerun_expected(page):
        page.get_by_role("option", name="date_precision", exact=True).click()
    spec = FilterSpec(event_types=("meeting",), facets=(("date_precision", ("day",)),))
    n_day = len(filter_positions(article, spec))
    open_options(sidebar.get_by_role("combobox", name="date_precision"))
    page.keyboard.type("day")
    with rerun_expected(page):
        page.get_by_role("option", name=f"day ({n_day})", exact=True).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"facet\.date_precision=day"))
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(str(n_day))
    assert_no_exception(page)
