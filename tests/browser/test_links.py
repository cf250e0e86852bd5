"""Issue 12, item 5: a URL in a filter value or in event text is shown as text, never a link."""

from __future__ import annotations

import pytest

from .support import PAGES, assert_no_exception, open_app

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

EVIL = ["https://evil.example/login", "www.evil.example", "phish@evil.example"]


def test_unknown_url_values_in_a_link_are_warned_about_as_plain_text(page, app_server) -> None:
    open_app(page, app_server.page_url(PAGES["Events"], {"country": EVIL}))
    assert_no_exception(page)
    warnings = page.get_by_test_id("stAlertContentWarning")
    shown = [t.replace("\u2060", "").split("\n")[-1] for t in warnings.all_inner_texts()]
    assert shown == [f"Unknown country '{value}' was dropped from the filter." for value in EVIL]
    # Before: remark's autolinks made each a live <a href=...> (escaping cannot stop them).
    assert page.locator("a[href*='evil.example']").count() == 0
    assert page.locator("[data-testid='stAlertContentWarning'] a").count() == 0
