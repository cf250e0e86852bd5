"""Browser-test fixtures: Debian's Chromium through Playwright, a real Streamlit server.

Without Chromium or Playwright the browser tests are skipped with the reason; with
``REQUIRE_BROWSER=1`` (set by ``.ci/run``) they fail instead, so CI cannot pass by
skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from .support import (
    StreamlitServer,
    browser_unavailable_reason,
    launch_browser,
    new_page,
    running_server,
)


@pytest.fixture(scope="session")
def browser_ready() -> None:
    """Skip (or, with REQUIRE_BROWSER=1, fail) when Chromium or Playwright is missing."""
    reason = browser_unavailable_reason()
    if reason is None:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(browser_ready: None) -> Iterator:
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_browser(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh page (own context: cookies, session, downloads) for each test."""
    page = new_page(browser)
    yield page
    page.context.close()


@pytest.fixture(scope="session")
def app_server(browser_ready: None) -> Iterator[StreamlitServer]:
    """The app on the article's data, shared by the whole session."""
    with running_server() as server:
        yield server
