"""The browser set-up itself: why tests would skip, and the server's start, failure and stop."""

from __future__ import annotations

import importlib.util
import urllib.request
from pathlib import Path

import pytest

from . import support
from .support import StreamlitServer, running_server

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]


def test_missing_chromium_is_named_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(support, "CHROMIUM_PATH", Path("/nonexistent/chromium"))
    assert support.browser_unavailable_reason() == (
        "Chromium not found at /nonexistent/chromium; "
        "install Debian's chromium to run browser tests"
    )


def test_missing_playwright_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(support, "CHROMIUM_PATH", tmp_path)
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "playwright" else real_find_spec(name, *a),
    )
    assert "Playwright is not installed" in support.browser_unavailable_reason()


def test_server_answers_health_and_is_stopped() -> None:
    with running_server() as server:
        with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=5) as response:
            assert response.status == 200
        process = server.process
    assert process.poll() is not None, "the server must be stopped on exit"


def test_server_that_cannot_start_reports_its_output() -> None:
    server = StreamlitServer(app="no_such_app.py")
    with pytest.raises(RuntimeError, match=r"(?s)exited with code .*no_such_app\.py"):
        server.start(timeout=60)
    server.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "states,runs",
    [
        (["running", "notRunning"], 1),
        # The first run's "running" never drawn (both messages in one render): still one run.
        (["notRunning"], 1),
        (["running", "notRunning", "running", "notRunning"], 2),
    ],
)
def test_run_counter_counts_a_first_run_whose_running_state_was_never_drawn(
    page, states, runs
) -> None:
    # The app's root starts in state "initial" (Streamlit 1.67: no script run id yet).
    page.set_content("<div data-testid='stApp' data-test-script-state='initial'></div>")
    for state in states:
        page.evaluate(
            "s => document.querySelector('[data-testid=stApp]')"
            ".setAttribute('data-test-script-state', s)",
            state,
        )
        page.evaluate("() => new Promise(r => setTimeout(r, 0))")  # the observer's turn
    assert support.script_runs(page) == runs


@pytest.mark.browser
def test_websocket_counter_sees_every_script_run(page, app_server) -> None:
    # The server's new_session messages: one per run, whatever the DOM managed to draw.
    support.open_app(page, app_server.page_url(support.PAGES["Events"]))
    assert support._NEW_SESSIONS[page][0] == 1
    with support.rerun_expected(page):
        page.get_by_test_id("stSidebar").get_by_role("link", name="Network", exact=True).click()
    assert support._NEW_SESSIONS[page][0] == 2
