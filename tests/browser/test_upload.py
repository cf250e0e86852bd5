"""Uploading an own table in a real browser: it replaces the default in that session only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import csv_bytes, event_row, sample_events

from dashboard.importing import load_any
from dashboard.table import load_events

from .support import (
    DEFAULT_EVENTS_PATH,
    PAGES,
    REPO_ROOT,
    assert_no_exception,
    new_page,
    open_app,
    rerun_expected,
)

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1, and says why
    Page = expect = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

ACLED_SAMPLE = REPO_ROOT / "tests" / "data" / "acled_sample.csv"
ALERT = "stAlert"


def metric_value(page: Page, label: str) -> str:
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").filter(has_text=re.compile(f"^{label}$"))
    )
    return metric.get_by_test_id("stMetricValue").inner_text().strip()


def upload_on_page(page: Page, name: str, data: bytes) -> None:
    """Choose a file in the About page's uploader and wait for the rerun it causes."""
    field = page.locator("[class*='st-key-upload_about_'] input[type=file]")
    with rerun_expected(page):
        field.set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})


def upload_in_sidebar(page: Page, name: str, data: bytes) -> None:
    """Open the sidebar's "Open your own table" and choose a file there."""
    sidebar = page.get_by_test_id("stSidebar")
    expander = sidebar.get_by_test_id("stExpander")
    if not expander.locator("[class*='st-key-upload_sidebar_']").is_visible():
        expander.get_by_text("Open your own table").click()
    field = sidebar.locator("[class*='st-key-upload_sidebar_'] input[type=file]")
    with rerun_expected(page):
        field.set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})


def go_to(page: Page, title: str) -> None:
    link = (
        page.get_by_test_id("stSidebar")
        .get_by_test_id("stPageLink")
        .filter(has_text=re.compile(f"^{title}$"))
    )
    with rerun_expected(page):
        link.locator("a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def expect_default(page: Page, count: int) -> None:
    shown = f"Showing the article's table (data/events.csv) — {count} events."
    expect(page.get_by_text(shown, exact=True)).to_be_visible()
    expect(page.get_by_text("Showing your upload")).to_have_count(0)


def test_upload_replaces_the_table_for_this_session_only(
    page: Page, browser, app_server, tmp_path: Path
) -> None:
    article = len(load_events(DEFAULT_EVENTS_PATH))
    acled, _ = load_any(ACLED_SAMPLE)
    mine = sample_events()

    open_app(page, app_server.page_url(PAGES["About the data"]))
    expect_default(page, article)
    expect(page.get_by_test_id("stMain").get_by_text(re.compile(r"up to 200 MB"))).to_be_visible()

    # A valid table: the banner names it on every page and the counts are its own.
    upload_on_page(page, "mine.csv", csv_bytes(mine))
    banner = f"Showing your upload: mine.csv — {len(mine)} events."
    expect(page.get_by_test_id(ALERT).filter(has_text=banner)).to_be_visible()
    go_to(page, "Events")
    expect(page.get_by_test_id(ALERT).filter(has_text=banner)).to_be_visible()
    assert metric_value(page, "Events") == str(len(mine))

    # An invalid table: its problems, as plain text by row and column; the table stays.
    bad = [event_row(event_id=f"bad{i}", start_date="2022-02-30") for i in range(3)]
    upload_in_sidebar(page, "bad.csv", csv_bytes(bad))
    error = page.get_by_test_id(ALERT).filter(has_text="bad.csv cannot be opened: 3 problems.")
    expect(error).to_be_visible()
    problems = page.get_by_test_id("stText").filter(has_text="row 2, column start_date")
    expect(problems).to_be_visible()
    expect(page.get_by_test_id(ALERT).filter(has_text=banner)).to_be_visible()
    assert metric_value(page, "Events") == str(len(mine))

    # An ACLED export opens with its rows and the import's notices.
    upload_in_sidebar(page, "acled_sample.csv", ACLED_SAMPLE.read_bytes())
    acled_banner = f"Showing your upload: acled_sample.csv — {len(acled)} events."
    expect(page.get_by_test_id(ALERT).filter(has_text=acled_banner)).to_be_visible()
    expect(page.get_by_test_id(ALERT).filter(has_text="ACLED").first).to_be_visible()
    assert metric_value(page, "Events") == str(len(acled))
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    assert_no_exception(page)

    # Another browser session still sees the default table.
    other = new_page(browser)
    try:
        open_app(other, app_server.page_url(PAGES["Events"]))
        expect_default(other, article)
        assert metric_value(other, "Events") == str(article)
        assert_no_exception(other)
    finally:
        other.context.close()
    # Opening the other page may have left this one as a background tab, whose rendering
    # Chromium pauses; bring it back before interacting.
    page.bring_to_front()

    # Back to the default.
    with rerun_expected(page):
        page.get_by_role("button", name="Back to the default table").click()
    expect_default(page, article)
    assert metric_value(page, "Events") == str(article)
    assert_no_exception(page)
