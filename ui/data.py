"""The cached event table: loaded once per process, shared read-only by every session."""

from __future__ import annotations

import logging
import os
import threading
import weakref
from pathlib import Path

import pandas as pd
import pyarrow.compute as pc
import streamlit as st

from dashboard import network
from dashboard.compact import text_array
from dashboard.dataset import MANIFEST, is_dataset, read_dataset
from dashboard.importing import load_any
from dashboard.problems import EventsFileError, Problem, format_grouped_problems
from dashboard.query import Engine, app_engine_name, open_engine
from dashboard.table import EventTable, default_events_path
from dashboard.workspace import Workspace, WorkspaceError, log_unread, with_workspace
from ui import state
from ui.render import problems_markdown

#: How many problems of a bad file are listed (the rest are counted).
MAX_PROBLEMS_SHOWN = 50

logger = logging.getLogger(__name__)


def workspace_left_out(error: BaseException) -> str:
    """The warning when the workspace's events cannot be shown: what is wrong with the
    workspace file when that is known (:class:`WorkspaceError`), else the error's kind."""
    lead = "Your workspace's events are not shown:"
    if isinstance(error, WorkspaceError) and error.problems:
        return problems_markdown(lead, error.problems)
    return f"{lead} {unexpected_error_text(error)}."


def unexpected_error_text(error: BaseException) -> str:
    """What the browser is told of an unexpected error: its kind only (no message, path or
    traceback, which go to the server's log)."""
    return f"an unexpected error ({type(error).__name__}); the details are in the server's log"


@st.cache_resource(max_entries=2, show_spinner="Loading the event table…")
def _load_cached(path: str, mtime_ns: int, size: int) -> tuple[EventTable, tuple[str, ...]]:
    """Load and index ``path`` (our CSV, an ACLED export, Parquet, a Parquet dataset folder).

    The stat values key the cache so an edited file reloads. cache_resource (not
    cache_data): the table is big and shared as one object that nobody mutates;
    cache_data would copy it on every hit. The network's per-table edge indexes are
    built here too, once per load, not on the first analyst's first Network visit.
    """
    table, notices = (read_dataset(path), []) if is_dataset(path) else load_any(path)
    network.prepare(table)
    return table, tuple(notices)


@st.cache_resource(max_entries=4, show_spinner="Adding the workspace's events…")
def _with_workspace(
    _table: EventTable, table_key: tuple, workspace_path: str, version: tuple[int, int, int]
) -> EventTable:
    """The open table plus the workspace's events and actors, indexed as one table.

    Keyed by the open table's file and the workspace's version (its event count, last
    event change and last actor change), so an accepted, edited or removed event shows
    on the next run, and an added actor is known to the table's directory.
    """
    workspace = Workspace(workspace_path)
    table = with_workspace(_table, workspace.events_frame(), workspace.actors_frame())
    network.prepare(table)
    return table


def add_workspace(
    loaded: tuple[EventTable, tuple[str, ...]], key: tuple
) -> tuple[EventTable, tuple[str, ...]]:
    """``loaded`` with the workspace's events and actors added (unchanged when it has none).

    ``key`` names the table ``loaded`` holds (its file and stat, or an upload's hash).
    """
    table, notices = loaded
    workspace = Workspace()
    try:
        version = workspace.version()
        if version[0] == 0 and version[2] == 0:  # no events, no actors
            return loaded
        return _with_workspace(table, key, str(workspace.path), version), notices
    except Exception as error:  # the workspace must never take the open table down
        if _first_time_this_session(workspace.path, error):
            log_unread(logger, workspace.path, error)
        st.warning(workspace_left_out(error))  # on every page: its events are missing there
        return loaded


def warn_workspace_unread(engine: Engine) -> None:
    """Say so when the engine cannot read the workspace (its events are then not shown),
    as the memory path does (:func:`add_workspace`); the error itself is in the log."""
    try:
        problem = engine.workspace_problem()
    except Exception as error:  # a warning must never take the page down
        logger.exception("asking the %s engine about the workspace failed", engine.name)
        problem = error
    if problem is not None:
        st.warning(workspace_left_out(problem))


def _first_time_this_session(path: Path, error: BaseException) -> bool:
    """Whether this session meets this workspace problem for the first time, to log it
    once a session (every click reruns the page, and each run logged it again; the
    engines log it once already): again when the file changes or the problem is another."""
    try:
        stat = os.stat(path)
        state_of_file: tuple = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        state_of_file = ()
    key = (str(path), *state_of_file, type(error).__name__, str(error))
    said = st.session_state.setdefault(state.WORKSPACE_UNREAD_LOGGED, set())
    if key in said:
        return False
    said.add(key)
    return True


def load_default(workspace: bool = True) -> tuple[EventTable, tuple[str, ...]] | None:
    """The default table (``$EVENTS_PATH`` or data/events.csv) with the workspace's events
    (``workspace`` False: without them, and without a second warning when they cannot be
    read), and its import notices.

    None after showing why it cannot be loaded.
    """
    path = default_events_path()
    try:
        stat = os.stat(Path(path) / MANIFEST if is_dataset(path) else path)
        key = (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)
        loaded = _load_cached(*key)
        return add_workspace(loaded, key) if workspace else loaded
    except EventsFileError as error:
        lines = format_grouped_problems(error.problems, limit=MAX_PROBLEMS_SHOWN)
        st.error(
            f"The event table {path.name!s} cannot be loaded: "
            f"{len(error.problems)} problem{'s' if len(error.problems) != 1 else ''}."
        )
        st.text("\n".join(lines))
    except OSError as error:
        st.error(f"The event table cannot be opened: {error.strerror or error} ({path}).")
    except Exception as error:  # the page loader's boundary: a message, never a traceback
        logger.exception("loading the event table %s failed", path)
        st.error(f"The event table {path.name!s} cannot be loaded: {unexpected_error_text(error)}.")
    return None


@st.cache_resource(max_entries=2, show_spinner="Opening the query engine…")
def _engine_cached(path: str, name: str, mtime_ns: int, workspace_path: str) -> Engine:
    """The query engine ``name`` over the dataset at ``path`` and the workspace at
    ``workspace_path``, one per process.

    cache_resource: the engine (a DuckDB connection or a Spark session) is shared by
    every session; its answers are frozen results, so nobody can change them. It reads
    the workspace's version at every question: an accepted, edited or removed event
    shows on the next run (docs/engines.md).
    """
    return open_engine(path, name, workspace=Workspace(workspace_path))


def load_engine() -> Engine | None:
    """The query engine ``$ENGINE`` over ``$EVENTS_PATH`` (a Parquet dataset folder) with
    the workspace's events and actors, as the memory path adds them.

    None after showing why it cannot be opened.
    """
    path = default_events_path()
    name = app_engine_name()
    try:
        if not is_dataset(path):
            raise EventsFileError(
                [
                    Problem(
                        None,
                        None,
                        f"ENGINE={name} reads a Parquet dataset folder, and {path.name} is not "
                        "one: write one with `python -m dashboard convert "
                        f"{path.name} --to parquet-dataset -o DIR` and set EVENTS_PATH=DIR "
                        "(or unset ENGINE to load the file into memory).",
                    )
                ]
            )
        stat = os.stat(Path(path) / MANIFEST)
        workspace = str(Workspace().path.resolve())
        return _engine_cached(str(Path(path).resolve()), name, stat.st_mtime_ns, workspace)
    except EventsFileError as error:
        st.error(f"The event table {path.name!s} cannot be opened with ENGINE={name}.")
        st.text("\n".join(format_grouped_problems(error.problems, limit=MAX_PROBLEMS_SHOWN)))
    except ValueError as error:  # an unknown engine: the registry's message names them
        st.error(f"ENGINE={name}: {error}.")
    except Exception as error:  # the page loader's boundary: a message, never a traceback
        logger.exception("opening the %s engine over %s failed", name, path)
        st.error(f"The {name} engine cannot be opened: {unexpected_error_text(error)}.")
    return None


def load_table() -> EventTable | None:
    """The default table to show, or None after showing why it cannot be loaded."""
    loaded = load_default()
    return None if loaded is None else loaded[0]


# Per-table facts, computed once per table object. Weak keys: a table the loader's cache
# drops is not kept alive here, and an identity key can never match a different table.
_SOURCE_COUNTS: weakref.WeakKeyDictionary[EventTable, pd.DataFrame] = weakref.WeakKeyDictionary()
_SOURCE_COUNTS_LOCK = threading.Lock()


def source_counts(table: EventTable) -> pd.DataFrame:
    """Distinct sources of ``table`` with their number of events, most used first."""
    with _SOURCE_COUNTS_LOCK:
        cached = _SOURCE_COUNTS.get(table)
    if cached is None:
        counts = pc.value_counts(text_array(table.events["source"]))
        cached = pd.DataFrame(
            {
                "source": counts.field("values").to_pylist(),
                "events": counts.field("counts").to_numpy(),
            }
        )
        cached["source"] = cached["source"].replace("", "(no source given)")
        cached = cached.sort_values("events", ascending=False, kind="stable", ignore_index=True)
        with _SOURCE_COUNTS_LOCK:
            _SOURCE_COUNTS[table] = cached
    return cached
