"""Many users: N browser sessions against one Streamlit server on a synthetic table.

Bounded in sessions and time, and it stops by itself. Small by default (part of
``make test``); scale it with environment variables, e.g. the issue's run::

    LOAD_EVENTS=1000000 LOAD_SESSIONS=10 LOAD_SECONDS=60 \
        .venv/bin/python -m pytest -s tests/test_load.py

Each session opens filtered page URLs in turn (a new view = a navigation with other
query parameters) and records the time until the app is idle again (script run done,
nothing loading). p50/p95 and the server's memory are printed, never asserted
against a threshold; errors (an exception shown, a view that never finishes) fail.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from pathlib import Path

import pytest

from dashboard import synth
from tests.browser.support import (
    _COUNT_RUNS,
    APP_IDLE,
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    EXCEPTION,
    PAGES,
    RUNNING_INDICATORS,
    VIEWPORT,
    browser_unavailable_reason,
    running_server,
)

EVENTS = int(os.environ.get("LOAD_EVENTS", "5000"))
SESSIONS = int(os.environ.get("LOAD_SESSIONS", "2"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "8"))
#: Per view; a 1M-event first load is far slower and happens before the sessions start.
VIEW_TIMEOUT_MS = 60_000
FIRST_LOAD_TIMEOUT_MS = 600_000

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


def views(countries: list[str], actors: list[str]) -> list[tuple[str, dict]]:
    """Filtered views the sessions cycle through (page path, query parameters)."""
    filters = [
        {},
        {"country": countries[0]},
        {"country": countries[:2], "type": ["meeting", "visit"]},
        {"actor": actors[0], "start": "2022-01-01", "end": "2022-12-31"},
        {"type": "condemnation", "start": "2020-01-01", "end": "2021-06-30"},
        {"q": "talks"},
    ]
    paths = [PAGES["Timeline"], PAGES["Network"], PAGES["Events"]]
    return [(paths[i % len(paths)], params) for i, params in enumerate(filters * 2)]


async def view_once(page, url: str) -> float:
    start = time.perf_counter()
    await page.goto(url)
    await page.wait_for_function("window.__stRuns > 0", timeout=VIEW_TIMEOUT_MS)
    await page.wait_for_selector(APP_IDLE, state="attached", timeout=VIEW_TIMEOUT_MS)
    await page.locator(RUNNING_INDICATORS).first.wait_for(state="detached", timeout=VIEW_TIMEOUT_MS)
    elapsed = time.perf_counter() - start
    if await page.locator(EXCEPTION).count():
        shown = await page.locator(EXCEPTION).first.inner_text()
        raise AssertionError(f"exception on {url}: {shown[:500]}")
    return elapsed


async def session(browser, urls: list[str], offset: int, deadline: float) -> list[float]:
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(_COUNT_RUNS)
    page = await context.new_page()
    latencies = []
    try:
        i = offset
        while time.monotonic() < deadline:
            latencies.append(await view_once(page, urls[i % len(urls)]))
            i += 1
    finally:
        await context.close()
    return latencies


async def drive(server, urls: list[str]) -> tuple[list[float], float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            # The first view loads the table into the server's cache (once per process);
            # one pass over every view then fills the per-table caches (search text,
            # network index), so that memory after the sessions shows per-session leaks.
            context = await browser.new_context(viewport=VIEWPORT)
            await context.add_init_script(_COUNT_RUNS)
            page = await context.new_page()
            await page.goto(urls[0])
            await page.wait_for_function("window.__stRuns > 0", timeout=FIRST_LOAD_TIMEOUT_MS)
            await page.wait_for_selector(APP_IDLE, state="attached", timeout=FIRST_LOAD_TIMEOUT_MS)
            for url in urls:
                await view_once(page, url)
            await context.close()
            loaded_rss = server_rss_mb(server.process.pid)
            deadline = time.monotonic() + SECONDS
            results = await asyncio.gather(
                *(session(browser, urls, k, deadline) for k in range(SESSIONS))
            )
        finally:
            await browser.close()
    return [x for r in results for x in r], loaded_rss


def test_sessions_browse_filtered_views_without_errors(tmp_path):
    reason = browser_unavailable_reason()
    if reason is not None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    events, actors = tmp_path / "events.csv", tmp_path / "actors.csv"
    table = synth.synthesize(EVENTS, events, seed=0, actors_output=actors)
    countries = list(table.countries[:3])
    busiest = table.events["actors"].value_counts().to_pylist()
    actor = busiest[0]["values"].split(";")[0]

    with running_server({"EVENTS_PATH": str(events), "ACTORS_PATH": str(actors)}) as server:
        urls = [server.page_url(path, params) for path, params in views(countries, [actor])]
        latencies, loaded_rss = asyncio.run(drive(server, urls))
        after_rss = server_rss_mb(server.process.pid)
        assert server.process.poll() is None, server.output()

    assert latencies, "no view finished within the time budget"
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(
        f"\nload test: {EVENTS:,} events, {SESSIONS} sessions x {SECONDS:.0f} s: "
        f"{len(ms)} views, p50 {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms; "
        f"server RSS {loaded_rss:.0f} MB with every view warm, {after_rss:.0f} MB after the "
        "sessions"
    )
