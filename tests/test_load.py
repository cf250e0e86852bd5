"""Many users: N browser sessions against one Streamlit server on a synthetic table.

Bounded in sessions and time, and it stops by itself. Small by default (part of
``make test``); scale it with environment variables, e.g. the issue's run::

    LOAD_EVENTS=1000000 LOAD_SESSIONS=10 LOAD_SECONDS=60 \
        .venv/bin/python -m pytest -s tests/test_load.py

Each session is one browser context (one tab of one analyst). It opens a filtered link
once, then moves through views the way an analyst does: a sidebar filter changed or a
page link clicked, each one script rerun over the open websocket. After every nine such
views it opens a colleague's filtered link: a full page load (the frontend restarted, a
new websocket and a new server session). The three kinds of view are timed
separately, from the action until the app is idle again (script run done, nothing
loading):

* ``first load`` — the tab's first page, in a fresh context (the frontend is downloaded);
* ``link opens`` — a full page load in a tab that has the frontend cached;
* ``in-app`` — a sidebar change or page link (the realistic view).

The server side of each script run (``script run: <page> <ms> ms``, logged by the app)
is collected from the server's log for the sessions and reported the same way: it does
not include the browsers' rendering, which on one machine competes for the same cores.
p50/p95 and the server's resident memory (with every view warm, right after the
sessions, and after the sessions' state has expired) are printed, never asserted
against a threshold; errors (an exception shown, a view that never finishes) fail.

Streamlit keeps a disconnected session (its state, for a reconnect) for
``server.disconnectedSessionTTL`` seconds, 120 by default, and removes expired ones only
when its session store is next written (a connection closes). The load server runs with
a short TTL (:data:`SESSION_TTL`) so that "after" comes within the test's time; a probe
tab opened and closed after the TTL makes the store drop the expired sessions.

The async Playwright driver runs in a thread of its own with its own event loop: the
browser tests' session-wide sync Playwright keeps a loop running in the main thread, so
``asyncio.run`` there fails when both run in one pytest process (``make test``).
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dashboard import synth
from tests.browser.support import (
    _COUNT_RUNS,
    _NEW_SESSIONS,
    APP_IDLE,
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    EXCEPTION,
    PAGES,
    RUNNING_INDICATORS,
    VIEWPORT,
    _count_new_sessions,
    browser_unavailable_reason,
    running_server,
)

EVENTS = int(os.environ.get("LOAD_EVENTS", "5000"))
SESSIONS = int(os.environ.get("LOAD_SESSIONS", "2"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "10"))
#: server.disconnectedSessionTTL of the load server (Streamlit's default is 120 s).
SESSION_TTL = int(os.environ.get("LOAD_SESSION_TTL", "3"))
#: Per view; a 1M-event first load is far slower and happens before the sessions start.
VIEW_TIMEOUT_MS = 90_000
FIRST_LOAD_TIMEOUT_MS = 600_000
#: Bounded wait for the server's memory to settle after the sessions.
SETTLE_S = 20.0

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def server_rss_mb(pid: int) -> float:
    """VmRSS of the server process (MiB); 0 where /proc is unavailable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def settled_rss_mb(pid: int, limit_s: float = SETTLE_S) -> float:
    """RSS once two readings a second apart differ by under 1 MB (or after ``limit_s``)."""
    deadline = time.monotonic() + limit_s
    last = server_rss_mb(pid)
    while time.monotonic() < deadline:
        time.sleep(1.0)  # polling interval of a condition
        now = server_rss_mb(pid)
        if abs(now - last) < 1.0:
            return now
        last = now
    return last


@dataclass
class Timings:
    """Seconds per view, by kind."""

    first: list[float] = field(default_factory=list)
    link: list[float] = field(default_factory=list)
    in_app: list[float] = field(default_factory=list)
    #: The server side of every script run during the sessions, from the app's run log.
    server: list[float] = field(default_factory=list)

    def merge(self, other: Timings) -> None:
        self.first += other.first
        self.link += other.link
        self.in_app += other.in_app


#: A line of the app's run log (ui.page.finish_page).
RUN_LINE = re.compile(r"script run: .+ (\d+(?:\.\d+)?) ms$", re.MULTILINE)
WHOLE_LOG = 1 << 40


def logged_run_seconds(log: str) -> list[float]:
    """The server-side time of each script run logged in ``log`` (seconds)."""
    return [float(ms) / 1000 for ms in RUN_LINE.findall(log)]


@dataclass(frozen=True)
class Plan:
    """What the sessions do: links to open and values to pick in the sidebar."""

    links: list[str]
    countries: list[str]
    event_types: list[str]
    words: list[str]


async def wait_idle(page, timeout: float = VIEW_TIMEOUT_MS) -> None:
    """Connected, no script run in progress, nothing loading (see support.wait_for_app)."""
    from playwright.async_api import expect

    await page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout)
    await expect(page.locator(RUNNING_INDICATORS)).to_have_count(0, timeout=timeout)
    await page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout)


async def open_options(combobox, attempts: int = 5) -> None:
    """Click a select's box until its option list is open (``aria-expanded``); the async
    twin of support.open_options, which says why one click is not always enough."""
    from playwright.async_api import expect

    for _ in range(attempts):
        await combobox.click()
        try:
            await expect(combobox).to_have_attribute("aria-expanded", "true", timeout=2_000)
            return
        except AssertionError:
            continue
    raise AssertionError(f"the option list did not open after {attempts} clicks")


async def check_no_exception(page, what: str) -> None:
    if await page.locator(EXCEPTION).count():
        shown = await page.locator(EXCEPTION).first.inner_text()
        raise AssertionError(f"exception after {what} ({page.url}): {shown[:500]}")


async def open_link(page, url: str, timeout: float = VIEW_TIMEOUT_MS) -> float:
    """A full page load of ``url``; seconds until the app is idle."""
    start = time.perf_counter()
    await page.goto(url, timeout=timeout)
    await page.wait_for_function("window.__stRuns > 0", timeout=timeout)
    await wait_idle(page, timeout)
    elapsed = time.perf_counter() - start
    await check_no_exception(page, f"opening {url}")
    return elapsed


async def script_runs(page) -> int:
    """Script runs seen: the DOM counter, or the runs the server announced on the
    websocket where it counted more (the DOM counter misses a run that starts and ends
    within one render: a quick rerun of a small table; see ``support._count_new_sessions``)."""
    seen = await page.evaluate("window.__stRuns")
    announced = _NEW_SESSIONS.get(page)
    return max(seen, announced[0]) if announced else seen


async def in_app(page, what: str, action) -> float:
    """Do ``action`` (an interaction that reruns the script); seconds until idle again."""
    before = await script_runs(page)
    start = time.perf_counter()
    await action()
    deadline = time.monotonic() + VIEW_TIMEOUT_MS / 1000
    while await script_runs(page) <= before:
        if time.monotonic() > deadline:
            raise AssertionError(f"no script run after {what} ({page.url}) in {VIEW_TIMEOUT_MS} ms")
        await asyncio.sleep(0.05)
    await wait_idle(page)
    elapsed = time.perf_counter() - start
    await check_no_exception(page, what)
    return elapsed


def sidebar_actions(page, plan: Plan, k: int) -> list[tuple[str, object]]:
    """One cycle of in-app views, from a link just opened on the Events page.

    Every step changes the view, so each one is one rerun: the first link leaves the
    Events page, the reset empties the link's filters, and the values chosen next are
    ones no link holds.
    """
    sidebar = page.get_by_test_id("stSidebar")

    def link(title: str):
        async def click() -> None:
            # The whole name: "Events" is also inside "Add events".
            exact = re.compile(rf"^{re.escape(title)}$")
            await sidebar.get_by_test_id("stPageLink").filter(has_text=exact).locator("a").click()

        return f"link {title}", click

    def search(word: str):
        async def type_word() -> None:
            box = sidebar.get_by_label("Search text")
            await box.fill(word)
            await box.press("Enter")

        return f"search {word!r}", type_word

    def choose(label: str, option: str):
        async def pick() -> None:
            select = sidebar.get_by_test_id("stMultiSelect").filter(has_text=label)
            await open_options(select.get_by_role("combobox"))
            await page.keyboard.type(option)
            # The sidebar shows each value with its count: "meeting (3,828)".
            named = re.compile(rf"^{re.escape(option)}( \(|$)")
            await page.get_by_role("option", name=named).click()

        return f"{label}: {option}", pick

    async def reset() -> None:
        await sidebar.get_by_role("button", name="Reset filters").click()

    words = plan.words
    return [
        link("Network"),
        ("reset filters", reset),
        search(words[k % len(words)]),
        link("Timeline"),
        choose("Event types", plan.event_types[k % len(plan.event_types)]),
        link("Events"),
        choose("Countries", plan.countries[k % len(plan.countries)]),
        link("Network"),
        search(words[(k + 1) % len(words)]),
    ]


async def session(browser, plan: Plan, k: int) -> Timings:
    """One analyst's tab: its first page, then :data:`SECONDS` of views (a cycle of
    in-app views, a link, a cycle...). The clock starts after the first page: on
    2 cores, ten new tabs loading at once take most of a minute by themselves."""
    timings = Timings()
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(_COUNT_RUNS)
    page = await context.new_page()
    _count_new_sessions(page)
    try:
        timings.first.append(await open_link(page, plan.links[k % len(plan.links)]))
        deadline = time.monotonic() + SECONDS
        cycle = 0
        while time.monotonic() < deadline:
            for what, action in sidebar_actions(page, plan, k + cycle):
                if time.monotonic() >= deadline:
                    break
                timings.in_app.append(await in_app(page, what, action))
            cycle += 1
            if time.monotonic() < deadline:
                # A colleague's link: a full page load (new websocket, new session).
                url = plan.links[(k + cycle) % len(plan.links)]
                timings.link.append(await open_link(page, url))
    finally:
        await context.close()
    return timings


async def drive(server, plan: Plan, warm_urls: list[str]) -> tuple[Timings, float, float]:
    """Warm every page once, run the sessions; (timings, RSS before, RSS right after)."""
    from playwright.async_api import async_playwright

    pid = server.process.pid
    timings = Timings()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            # The first view loads the table into the server's cache (once per process);
            # one pass over every page then fills the per-table caches (search text,
            # network index), so that memory after the sessions shows per-session growth.
            context = await browser.new_context(viewport=VIEWPORT)
            await context.add_init_script(_COUNT_RUNS)
            page = await context.new_page()
            await open_link(page, warm_urls[0], FIRST_LOAD_TIMEOUT_MS)
            for url in warm_urls[1:]:
                await open_link(page, url, FIRST_LOAD_TIMEOUT_MS)
            await context.close()
            before = settled_rss_mb(pid)
            mark = len(server.output(WHOLE_LOG))
            for result in await asyncio.gather(
                *(session(browser, plan, k) for k in range(SESSIONS))
            ):
                timings.merge(result)
            right_after = server_rss_mb(pid)
            timings.server = logged_run_seconds(server.output(WHOLE_LOG)[mark:])

            # After the TTL, one more tab opened and closed writes the session store,
            # which drops the expired sessions.
            await asyncio.sleep(SESSION_TTL + 1)
            context = await browser.new_context(viewport=VIEWPORT)
            await context.add_init_script(_COUNT_RUNS)
            await open_link(await context.new_page(), warm_urls[0])
            await context.close()
        finally:
            await browser.close()
    return timings, before, right_after


def in_own_thread(coroutine):
    """Run ``coroutine`` to completion on a new event loop in a thread of its own."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="load-driver") as pool:
        return pool.submit(asyncio.run, coroutine).result()


def summary(name: str, seconds: list[float]) -> str:
    if not seconds:
        return f"{name}: none"
    ms = sorted(x * 1000 for x in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{name}: {len(ms)}, p50 {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms"


def test_sessions_browse_filtered_views_without_errors(tmp_path):
    reason = browser_unavailable_reason()
    if reason is not None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    events, actors = tmp_path / "events.csv", tmp_path / "actors.csv"
    table = synth.synthesize(EVENTS, events, seed=0, actors_output=actors)
    countries = list(table.countries[:4])
    busiest = table.events["actors"].value_counts().to_pylist()
    actor = busiest[0]["values"].split(";")[0]

    env = {
        "EVENTS_PATH": str(events),
        "ACTORS_PATH": str(actors),
        "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(SESSION_TTL),
    }
    with running_server(env) as server:
        link_filters = [
            {"country": countries[0]},
            {"type": ["meeting", "visit"], "start": "2020-01-01", "end": "2021-06-30"},
            {"actor": actor, "start": "2022-01-01", "end": "2022-12-31"},
            {"q": "talks", "country": countries[1]},
        ]
        plan = Plan(
            links=[server.page_url(PAGES["Events"], f) for f in link_filters],
            countries=countries[2:],
            event_types=["condemnation", "meeting", "visit"],
            words=["talks", "summit", "sanctions"],
        )
        # Every page once; the filters build the per-table caches (network index,
        # search text) that the sessions' views use.
        warm = [
            server.page_url(PAGES["Timeline"]),
            server.page_url(PAGES["Network"], {"country": countries[0]}),
            server.page_url(PAGES["Events"], {"q": "talks"}),
        ]
        started = time.monotonic()
        timings, before, right_after = in_own_thread(drive(server, plan, warm))
        after_idle = settled_rss_mb(server.process.pid)
        elapsed = time.monotonic() - started
        assert server.process.poll() is None, server.output()

    assert timings.in_app, "no in-app view finished within the time budget"
    assert timings.server, "the app logged no script run during the sessions"
    print(
        f"\nload test: {EVENTS:,} events, {SESSIONS} sessions x {SECONDS:.0f} s "
        f"(whole drive {elapsed:.0f} s); views by kind —\n"
        f"  {summary('in-app (sidebar filter / page link)', timings.in_app)}\n"
        f"  {summary('link opens (full page load, warm tab)', timings.link)}\n"
        f"  {summary('first loads (new tab)', timings.first)}\n"
        f"  {summary('server side of each script run (app log)', timings.server)}\n"
        f"  errors: 0\n"
        f"  server RSS: {before:.0f} MB with every view warm, {right_after:.0f} MB right "
        f"after the sessions, {after_idle:.0f} MB after their state expired "
        f"(disconnectedSessionTTL {SESSION_TTL} s) and an idle settle"
    )
