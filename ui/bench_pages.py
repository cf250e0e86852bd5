"""The page half of ``python -m dashboard bench``: the app's pages run in AppTest.

It lives with the app's code because it imports Streamlit, which the model package
(``dashboard/``) never does. :mod:`dashboard.bench` runs it in a fresh child process,
like an app server whose table is loaded by the app's own loader::

    python -m ui.bench_pages --pages EVENTS.csv ACTORS.csv   # the synthetic table
    python -m ui.bench_pages --article                       # data/events.csv

The last line printed is one JSON object (see :func:`measure_pages`).
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Page scripts measured by ``page_ms`` (name -> script, relative to the repository).
PAGES = {
    "Timeline": "app.py",
    "Network": "pages/1_Network.py",
    "Events": "pages/2_Events.py",
    "About the data": "pages/3_About_the_data.py",
    "Map": "pages/4_Map.py",
}
#: page_ms is the median of this many steady runs of each page.
STEADY_RUNS = 3


def payload_bytes(at) -> int:
    """Serialised bytes of every element of an AppTest run (what the browser receives)."""
    total = 0
    stack = [at._tree]
    while stack:
        node = stack.pop()
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ByteSize"):
            total += proto.ByteSize()
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            stack.extend(children.values())
    return total


def measure_pages(events_path: str, actors_path: str) -> dict:
    """Per page: time of a steady rerun, of its first run, and its payload; then memory.

    Returns
    -------
    dict
        ``page_ms`` (median of :data:`STEADY_RUNS` reruns in sessions that already ran
        once: AppTest's first run of a session scans the installed packages for
        components, ~130 ms that a server spends once at start), ``page_first_ms``
        (the page's first run, its per-table caches still cold), ``payload_bytes``,
        ``page_errors`` and ``pages_rss_mb``/``pages_peak_rss_mb`` (VmRSS/VmHWM of
        this process after the runs). The run that loads the table is not counted.
    """
    from streamlit.testing.v1 import AppTest

    from dashboard.bench import rss_mb
    from dashboard.memory import tune_allocator

    tune_allocator()  # as the app's pages do (ui.page.open_page), before the table loads
    os.environ["EVENTS_PATH"] = str(events_path)
    os.environ["ACTORS_PATH"] = str(actors_path)
    page_ms, first_ms, payload, errors = {}, {}, {}, {}
    entry = str(ROOT / PAGES["Timeline"])
    AppTest.from_file(entry, default_timeout=900).run()  # loads the table: not counted
    for name, script in PAGES.items():
        if not (ROOT / script).exists():
            continue
        # First run: the page's own per-table caches are still cold; then the median of
        # STEADY_RUNS steady runs (single runs are noisy on shared cores).
        steady = []
        for run in range(1 + STEADY_RUNS):
            at = AppTest.from_file(entry, default_timeout=900)
            # The session's first run (AppTest's per-session setup) is not counted.
            at.run()
            at.switch_page(script)
            start = time.perf_counter()
            at.run()
            elapsed = (time.perf_counter() - start) * 1000
            if run == 0:
                first_ms[name] = elapsed
            else:
                steady.append(elapsed)
        page_ms[name] = statistics.median(steady)
        payload[name] = payload_bytes(at)
        if at.exception:
            errors[name] = [e.value for e in at.exception][:3]
    # As measure_loaded does before its rss_mb: the AppTest sessions above leave ~120 MB
    # (1M events) of unreachable cycles (their sessions and sent messages) that the
    # collector frees on its next full pass; the app's own memory is what remains.
    gc.collect()
    rss, peak = rss_mb()
    return {
        "page_ms": page_ms,
        "page_first_ms": first_ms,
        "payload_bytes": payload,
        "page_errors": errors,
        "pages_rss_mb": rss,
        "pages_peak_rss_mb": peak,
    }


def measure_article() -> dict:
    """:func:`measure_pages` on the article's own table (data/events.csv)."""
    from dashboard.table import DEFAULT_ACTORS_PATH, DEFAULT_EVENTS_PATH

    return measure_pages(str(DEFAULT_EVENTS_PATH), str(DEFAULT_ACTORS_PATH))


def main(argv: list[str]) -> int:
    """``--pages EVENTS ACTORS`` or ``--article``: print the measurements as one JSON line."""
    if len(argv) == 3 and argv[0] == "--pages":
        print(json.dumps(measure_pages(argv[1], argv[2])))
    elif argv == ["--article"]:
        print(json.dumps(measure_article()))
    else:
        print("usage: python -m ui.bench_pages --pages EVENTS ACTORS | --article", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
