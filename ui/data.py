"""The cached event table: loaded once per process, shared read-only by every session."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from dashboard.problems import EventsFileError, format_problems
from dashboard.table import EventTable, default_events_path, load_events

#: How many problems of a bad file are listed (the rest are counted).
MAX_PROBLEMS_SHOWN = 50


@st.cache_resource(max_entries=2, show_spinner="Loading the event table…")
def _load_cached(path: str, mtime_ns: int, size: int) -> EventTable:
    """Load and index ``path``; the stat values key the cache so an edited file reloads.

    cache_resource (not cache_data): the table is big and shared as one object that
    nobody mutates; cache_data would copy it on every hit.
    """
    return load_events(path)


def load_table() -> EventTable | None:
    """The table to show (``$EVENTS_PATH`` or data/events.csv), or None after showing why not."""
    path = default_events_path()
    try:
        stat = os.stat(path)
        return _load_cached(str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)
    except EventsFileError as error:
        lines = format_problems(error.problems, limit=MAX_PROBLEMS_SHOWN)
        st.error(
            f"The event table {path.name!s} cannot be loaded: "
            f"{len(error.problems)} problem{'s' if len(error.problems) != 1 else ''}."
        )
        st.text("\n".join(lines))
    except OSError as error:
        st.error(f"The event table cannot be opened: {error.strerror or error} ({path}).")
    return None
