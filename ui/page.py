"""What every page does first: configure, load the table, draw the sidebar, filter."""

from __future__ import annotations

import logging
import sys
import threading
import time
from dataclasses import dataclass

import numpy as np
import streamlit as st

from dashboard.filters import FilterSpec
from dashboard.memory import collect_garbage, return_freed_memory, tune_allocator
from dashboard.query import Engine, MemoryEngine, app_engine_name
from dashboard.table import EventTable
from ui import state
from ui.data import load_engine, load_table, warn_workspace_unread
from ui.mapping_form import show_mapping_form
from ui.render import warn_all
from ui.sidebar import render_engine_sidebar, render_sidebar
from ui.upload import (
    current_upload,
    open_upload,
    show_banner,
    show_messages,
    upload_table,
    uploader,
)


@dataclass(frozen=True)
class PageContext:
    """The session's filters and what answers them.

    In memory (the default): the shared table and the positions of the events the
    filters keep. When a query engine serves the table (``ENGINE=duckdb|spark``),
    ``table`` and ``positions`` are None: the page asks ``engine`` for what it draws,
    and ``matched`` says how many events the filters keep.
    """

    table: EventTable | None
    spec: FilterSpec
    positions: np.ndarray | None
    #: The page's title and when its script run started (``time.perf_counter``).
    title: str = ""
    started: float = 0.0
    sql: Engine | None = None
    matched: int = 0

    @property
    def engine(self) -> Engine:
        """The query layer over this page's table (in memory: knowing the positions found)."""
        if self.sql is not None:
            return self.sql
        return MemoryEngine(self.table, (self.spec, self.positions))

    @property
    def total(self) -> int:
        """Events in the whole table."""
        return len(self.table) if self.table is not None else self.sql.info().events


#: Wide markdown tables (the About page's dictionaries) scroll sideways inside the main
#: block instead of making it wider than an 800 px window (tests/browser/test_layout.py).
#: Style-only HTML goes to Streamlit's event container: it takes no space on the page.
LAYOUT_CSS = (
    "<style>[data-testid='stMarkdownContainer'] table "
    "{display: block; max-width: 100%; overflow-x: auto;}</style>"
)

#: One line per finished script run: ``script run: <page> <ms> ms`` (see finish_page).
RUN_LOG = logging.getLogger("dashboard.app.runs")
_RUN_LOG_LOCK = threading.Lock()


def _run_log() -> logging.Logger:
    """The run log, writing to stderr (the server's log); set up on first use, not import."""
    with _RUN_LOG_LOCK:
        if not RUN_LOG.handlers:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
            RUN_LOG.addHandler(handler)
            RUN_LOG.setLevel(logging.INFO)
            RUN_LOG.propagate = False
    return RUN_LOG


def finish_page(context: PageContext) -> float:
    """Log the server-side time of this script run; every page script ends with it.

    The time runs from the start of :func:`open_page` (before the table is fetched
    from the cache) to here, so it is what the server spent on the rerun, without
    the browser's rendering. The load test (tests/test_load.py) reads these lines.

    Returns
    -------
    float
        The run's time in milliseconds.
    """
    elapsed_ms = (time.perf_counter() - context.started) * 1000
    _run_log().info("script run: %s %.1f ms", context.title, elapsed_ms)
    # The run's garbage cycles freed now rather than on the collector's rare full pass
    # (~40 MB of Python's arenas at 1M events). Then what the run freed below the mmap
    # threshold (figure JSON, small arrays, text) stays in glibc's heap between
    # longer-lived blocks; hand its whole free pages back (~16 MB after every page had
    # run). After the timing: the run is done.
    collect_garbage()
    return_freed_memory()
    return elapsed_ms


def open_page(title: str) -> PageContext:
    """Set the page up; stops the script (after showing why) when no table can be loaded."""
    started = time.perf_counter()
    st.set_page_config(page_title=f"{title} · Diplomatic timeline", layout="wide")
    st.html(LAYOUT_CSS)
    # The app's allocator setting, made by its entrypoint (every page opens here, before
    # the table loads): setting it again on later runs changes nothing.
    tune_allocator()
    upload = current_upload()
    engine = load_engine() if upload is None and app_engine_name() != "memory" else None
    if engine is not None:
        table = None
    else:
        table = upload_table(upload) if upload is not None else load_table()
    if table is None and engine is None:
        # The default cannot be loaded (its problems are shown); an own table still can.
        uploader("main")
        show_messages()
        show_mapping_form(open_upload)
        st.stop()
    if engine is not None:  # a query engine ($ENGINE) serves the table: none in this process
        spec, matched = render_engine_sidebar(engine)
        positions, total = None, engine.info().events
    else:
        spec, positions = render_sidebar(table)
        matched, total = len(positions), len(table)
    with st.sidebar.expander("Open your own table", icon=":material/upload_file:"):
        uploader("sidebar")
    st.title(title)
    show_banner(total, matched, table, engine.workspace_events() if engine is not None else 0)
    if engine is not None:
        warn_workspace_unread(engine)
    warn_all(state.take_notices())
    return PageContext(table, spec, positions, title, started, engine, matched)


def show_if_empty(context: PageContext) -> bool:
    """Show a friendly message when nothing matches; True when the page should stop there."""
    if context.matched:
        return False
    if context.total == 0:
        st.info("The event table is empty.")
    else:
        st.info(
            "No events match these filters. Widen the date range, remove a filter, "
            "or use **Reset filters** in the sidebar."
        )
    return True
