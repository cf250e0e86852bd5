"""One browser set-up for the browser tests and ``scripts/screenshots.py``.

Chromium is Debian's (``/usr/bin/chromium``): ``playwright install`` cannot download a
browser here, so Playwright always launches that executable. The app runs as a real
``streamlit run app.py`` subprocess on a free port; helpers wait for the app's own
"not running" script state instead of sleeping.
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page, Playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EVENTS_PATH = REPO_ROOT / "data" / "events.csv"
CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
VIEWPORT = {"width": 1400, "height": 900}
#: Playwright's per-action timeout (ms); the 2-core CI box is slow on first render.
ACTION_TIMEOUT_MS = 30_000
SERVER_START_TIMEOUT_S = 90.0

#: The app is connected to its server and no script run is in progress.
APP_IDLE = (
    "[data-testid='stApp']"
    "[data-test-connection-state='CONNECTED']"
    "[data-test-script-state='notRunning']"
)
#: Shown while a script run is in progress or the first page is still loading.
RUNNING_INDICATORS = (
    "[data-testid='stStatusWidgetRunningIcon'], "
    "[data-testid='stStatusWidgetRunningManIcon'], "
    "[data-testid='stAppSkeleton'], "
    # Lazily loaded elements (dataframe, charts) show this until their code arrives.
    "[data-testid='stSkeleton']"
)
EXCEPTION = "[data-testid='stException']"
PLOTLY_CHART = "[data-testid='stPlotlyChart']"

#: Page title -> URL path (Streamlit's classic pages/: file name without number prefix).
PAGES: dict[str, str] = {
    "Timeline": "",
    "Network": "Network",
    "Events": "Events",
    "About the data": "About_the_data",
    "Add events": "Add_events",
}

#: Counts script runs in ``window.__stRuns``: every change of the app's script state to
#: "running" is one. A MutationObserver sees each change, however short the run, so a
#: test can wait for the rerun an interaction causes instead of sleeping.
#: A page's first run is also counted when the state goes from "initial" straight to
#: "notRunning": on a busy machine the browser can take the "run started" and "run
#: finished" messages in one React render, so "running" never reaches the DOM and a
#: wait for ``__stRuns > 0`` never ended (issue 12, item 14: test_load's random timeout).
_COUNT_RUNS = """
window.__stRuns = 0;
new MutationObserver((records) => {
  for (const record of records) {
    const state = record.target.getAttribute("data-test-script-state");
    if ((state === "running" && record.oldValue !== "running")
        || (state === "notRunning" && record.oldValue === "initial")) {
      window.__stRuns += 1;
    }
  }
}).observe(document, {
  subtree: true, attributes: true, attributeOldValue: true,
  attributeFilter: ["data-test-script-state"],
});
"""


def browser_unavailable_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM_PATH.exists():
        return (
            f"Chromium not found at {CHROMIUM_PATH}; install Debian's chromium to run browser tests"
        )
    if importlib.util.find_spec("playwright") is None:
        return (
            "Python Playwright is not installed; "
            "run `make test` (installs requirements-test.txt) to run browser tests"
        )
    return None


def launch_browser(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, with nothing that reaches the network by itself."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM_PATH), args=list(CHROMIUM_ARGS), headless=True
    )


def new_page(browser: Browser) -> Page:
    """A page in a fresh context (own cookies and session), with downloads accepted."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.add_init_script(_COUNT_RUNS)
    page = context.new_page()
    _count_new_sessions(page)
    return page


#: Script runs each page's server announced: Streamlit sends a ``new_session`` ForwardMsg at
#: the start of every script run. Counted from the websocket because the DOM counter above
#: can miss a quick rerun: when "run started" and "run finished" arrive in one React render,
#: the script state goes notRunning -> notRunning and no attribute changes (seen in CI on a
#: quiet machine: a page link's rerun was never counted and the test timed out).
_NEW_SESSIONS: weakref.WeakKeyDictionary[Page, list[int]] = weakref.WeakKeyDictionary()


def _count_new_sessions(page: Page) -> None:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    count = [0]

    def on_frame(payload: bytes | str) -> None:
        if isinstance(payload, bytes | bytearray):
            message = ForwardMsg()
            message.ParseFromString(bytes(payload))
            if message.WhichOneof("type") == "new_session":
                count[0] += 1

    page.on("websocket", lambda socket: socket.on("framereceived", on_frame))
    _NEW_SESSIONS[page] = count


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """``streamlit run app.py`` in a subprocess on a free port.

    Parameters
    ----------
    env
        Extra environment variables (e.g. ``EVENTS_PATH``). ``EVENTS_PATH`` defaults to
        the article's table so an outer setting cannot change what the tests see.
    app
        The script to run, relative to the repository root.
    """

    def __init__(self, env: Mapping[str, str] | None = None, app: str = "app.py") -> None:
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "EVENTS_PATH": str(DEFAULT_EVENTS_PATH), **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None
        # A file, not a pipe: nobody reads a pipe while tests run, and a full one blocks
        # the app. It lives as long as the server, so no `with` (closed by close()).
        self._log = tempfile.TemporaryFile()  # noqa: SIM115

    def start(self, timeout: float = SERVER_START_TIMEOUT_S) -> None:
        """Start the server and return once its health endpoint answers 200."""
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            self.app,
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            # Others edit the sources while tests run; a watcher would rerun mid-test.
            "--server.fileWatcherType",
            "none",
        ]
        self.process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        health = f"{self.url}/_stcore/health"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"Streamlit exited with code {self.process.returncode} before it "
                    f"answered:\n{self.output()}"
                )
            try:
                with urllib.request.urlopen(health, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)  # polling interval of a condition, not a wait for luck
        self.stop()
        raise RuntimeError(
            f"Streamlit did not answer {health} within {timeout:.0f} s:\n{self.output()}"
        )

    def stop(self) -> None:
        """Terminate the server; kill it if it does not exit within 10 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def close(self) -> None:
        """Stop the server and drop its log."""
        self.stop()
        self._log.close()

    def output(self, limit: int = 8000) -> str:
        """The last ``limit`` characters the server printed (stdout and stderr)."""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-limit:]

    def page_url(self, path: str = "", params: Mapping[str, str | list[str]] | None = None) -> str:
        """The URL of a page (``""`` is the entrypoint) with query parameters."""
        url = f"{self.url}/{path.lstrip('/')}"
        return f"{url}?{urlencode(params, doseq=True)}" if params else url


@contextmanager
def running_server(
    env: Mapping[str, str] | None = None, app: str = "app.py"
) -> Iterator[StreamlitServer]:
    """A started :class:`StreamlitServer`, stopped on exit."""
    server = StreamlitServer(env, app)
    try:
        server.start()
        yield server
    finally:
        server.close()


def wait_for_app(page: Page, timeout: float = ACTION_TIMEOUT_MS) -> None:
    """Wait until the app is connected, no script run is in progress and nothing loads."""
    from playwright.sync_api import expect

    page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout)
    expect(page.locator(RUNNING_INDICATORS)).to_have_count(0, timeout=timeout)
    # A rerun can start between the two checks; the idle state must still hold.
    page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout)


def script_runs(page: Page) -> int:
    """How many script runs this page has started since it was loaded.

    The websocket's count where the page has one (it sees every run); the DOM counter
    otherwise (pages made by ``set_content``), and never less than the DOM counter.
    """
    seen = page.evaluate("window.__stRuns")
    announced = _NEW_SESSIONS.get(page)
    return max(seen, announced[0]) if announced else seen


def wait_for_rerun(page: Page, runs_before: int, timeout: float = ACTION_TIMEOUT_MS) -> None:
    """Wait until a run after the ``runs_before``-th has started and the app is idle."""
    deadline = time.monotonic() + timeout / 1000
    while script_runs(page) <= runs_before:
        if time.monotonic() > deadline:
            raise AssertionError(
                f"no script run after run {runs_before} within {timeout / 1000:.0f} s"
            )
        page.wait_for_timeout(20)  # lets Playwright deliver the websocket's frames
    wait_for_app(page, timeout)


@contextmanager
def rerun_expected(page: Page) -> Iterator[None]:
    """Wrap an interaction that makes Streamlit rerun; returns once that rerun is done."""
    before = script_runs(page)
    yield
    wait_for_rerun(page, before)


#: How long one click waits for a select's option list to say it is open (ms).
_LIST_OPENS_MS = 2_000


def open_options(combobox: Locator, attempts: int = 5) -> None:
    """Open the option list of a select (selectbox or multiselect) by clicking its box.

    A click that lands while the sidebar is still settling (an expander opening, a rerun
    redrawing) can leave the list closed with the focus in the box: text typed then
    filters a list nobody sees, and an option never appears (test_facets' random 30 s
    timeout, about one run in two). The box's ``aria-expanded`` says whether the list is
    open; click until it does.
    """
    from playwright.sync_api import expect

    for _ in range(attempts):
        combobox.click()
        try:
            expect(combobox).to_have_attribute("aria-expanded", "true", timeout=_LIST_OPENS_MS)
            return
        except AssertionError:
            continue
    raise AssertionError(f"the option list of {combobox} did not open after {attempts} clicks")


def drag_box(page: Page, corners: Mapping[str, float]) -> None:
    """Drag the mouse from (x0, y0) to (x1, y1), as a box selection is drawn (in steps, so
    Plotly sees a drag, not a click); wrap it in :func:`rerun_expected`."""
    page.mouse.move(corners["x0"], corners["y0"])
    page.mouse.down()
    page.mouse.move((corners["x0"] + corners["x1"]) / 2, corners["y1"], steps=5)
    page.mouse.move(corners["x1"], corners["y1"], steps=5)
    page.mouse.up()


def open_app(page: Page, url: str) -> None:
    """Go to ``url`` and wait for the first script run to finish."""
    page.goto(url)
    wait_for_rerun(page, 0)


def wait_for_charts(page: Page, timeout: float = ACTION_TIMEOUT_MS) -> int:
    """Wait until every Plotly chart on the page has drawn its SVG; return how many."""
    from playwright.sync_api import expect

    charts = page.locator(PLOTLY_CHART)
    for index in range(charts.count()):
        drawn = charts.nth(index).locator(".js-plotly-plot .main-svg").first
        expect(drawn).to_be_visible(timeout=timeout)
    return charts.count()


def assert_no_exception(page: Page) -> None:
    """Fail with the exception's text if the app shows one."""
    exceptions = page.locator(EXCEPTION)
    if exceptions.count():
        shown = "\n---\n".join(exceptions.all_inner_texts())
        raise AssertionError(f"the app shows an exception on {page.url}:\n{shown}")


def wait_for_map(page: Page, timeout: float = ACTION_TIMEOUT_MS) -> None:
    """Wait until the first chart's MapLibre map has drawn (canvas there, map loaded)."""
    page.locator(f"{PLOTLY_CHART} canvas.maplibregl-canvas").first.wait_for(timeout=timeout)
    page.wait_for_function(
        """(chart) => { const gd = document.querySelector(chart + " .js-plotly-plot");
                        const s = gd && gd._fullLayout.map && gd._fullLayout.map._subplot;
                        return Boolean(s && s.map.loaded()); }""",
        arg=PLOTLY_CHART,
        timeout=timeout,
    )


def csv_download(page: Page) -> Locator:
    """The Events page's CSV download button (the TimelineJS one sits beside it)."""
    return page.get_by_role("button", name=re.compile(r"^Download these [\d,]+ events \(CSV\)$"))
