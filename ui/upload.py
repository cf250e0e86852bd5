"""Analysts' own tables: the uploader, this session's table and the banner naming it.

An uploaded table replaces the default for one browser session (one tab) only: it is
kept in ``st.session_state``. Loading goes through a process-wide cache keyed by the
bytes' SHA-256, so the same bytes uploaded twice are read once; that key can only
give a session the very table its own bytes make. The cache holds a few entries.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import streamlit as st

from dashboard import network
from dashboard.importing import UNRECOGNISED, load_any
from dashboard.mapping import ColumnMapping
from dashboard.problems import EventsFileError, format_grouped_problems
from dashboard.query import app_engine_name
from dashboard.table import DEFAULT_EVENTS_PATH, EVENTS_PATH_VARIABLE, EventTable
from dashboard.workspace import added_count
from ui import state
from ui.data import MAX_PROBLEMS_SHOWN, add_workspace, load_default, unexpected_error_text
from ui.mapping_form import show_mapping_form
from ui.render import md_escape

#: File types the uploader offers (the content decides the format, not the name).
UPLOAD_TYPES = ("csv", "tsv", "tab", "txt", "parquet", "json", "xlsx")
#: Streamlit counts ``server.maxUploadSize`` in MiB.
BYTES_PER_MB = 1024 * 1024

Level = Literal["success", "info", "error"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Upload:
    """A table this session opened: its file name, size, content hash, table and notices
    (and the column mapping it was read with, as a cache key; empty: none)."""

    name: str
    size: int
    digest: str
    table: EventTable
    notices: tuple[str, ...]
    mapping: tuple = ()


def upload_table(upload: Upload) -> EventTable:
    """The uploaded table with the workspace's events added, as the default table has them."""
    return add_workspace((upload.table, upload.notices), ("upload", upload.digest, upload.mapping))[
        0
    ]


@dataclass(frozen=True)
class Message:
    """Something to tell the analyst about an upload; ``lines`` are shown as plain text."""

    level: Level
    text: str
    lines: tuple[str, ...] = ()


def max_upload_mb() -> int:
    """The upload limit in MB, as configured (``server.maxUploadSize``)."""
    return int(st.get_option("server.maxUploadSize"))


def current_upload() -> Upload | None:
    """The table this session uploaded, or None when it shows the default."""
    return st.session_state.get(state.UPLOAD)


#: Seconds an uploaded table stays in the shared cache (then the entry is dropped; a
#: session showing it keeps its own reference until the session ends).
UPLOAD_CACHE_TTL_S = 15 * 60


@st.cache_resource(max_entries=4, ttl=UPLOAD_CACHE_TTL_S, show_spinner="Reading your table…")
def _load_upload(
    digest: str, name: str, _data: bytes, mapping_key: tuple = ()
) -> tuple[EventTable, tuple[str, ...]]:
    """Read uploaded bytes (our CSV, ACLED CSV or Parquet); keyed by their hash, not hashed again.

    Failures raise and are not cached. The network's edge indexes are built with the
    table (as for the default table), so the first Network visit is not the slow one.
    """
    mapping = mapping_from_key(mapping_key)
    table, notices = load_any(_data, label=name, mapping=mapping)
    network.prepare(table)
    return table, tuple(notices)


def mapping_key(mapping: ColumnMapping | None) -> tuple:
    """A hashable cache key for a mapping (empty: none)."""
    if mapping is None:
        return ()
    return (tuple(sorted(mapping.columns.items())), tuple(sorted(mapping.values.items())))


def mapping_from_key(key: tuple) -> ColumnMapping | None:
    if not key:
        return None
    columns, values = key
    return ColumnMapping(dict(columns), dict(values))


def open_upload(name: str, data: bytes, mapping: ColumnMapping | None = None) -> bool:
    """Make ``data`` this session's table; on any problem keep the current one and say why.

    Returns True when the table was replaced. The outcome is queued as messages.
    """
    limit = max_upload_mb()
    if len(data) > limit * BYTES_PER_MB:
        _say(_too_large(name, len(data), limit))
        return False
    digest = hashlib.sha256(data).hexdigest()
    try:
        table, notices = _load_upload(digest, name, data, mapping_key(mapping))
    except EventsFileError as error:
        count = len(error.problems)
        if mapping is None and any(p.message == UNRECOGNISED for p in error.problems):
            # Not a format we know: offer to map its columns onto ours (ui.mapping_form).
            st.session_state[state.UPLOAD_MAPPING] = (name, data)
            # What else the import said of the file as a whole (which sheet was read, what
            # it looks like and how to map it: POLECAT), as the command line says it.
            hints = tuple(
                p.message
                for p in error.problems
                if p.row is None and p.column is None and p.message != UNRECOGNISED
            )
            _say(
                Message(
                    "info",
                    f"{md_escape(name)} is not a table this dashboard recognises. "
                    "Map its columns onto ours below, check the preview, and load it.",
                    hints,
                )
            )
            return False
        _say(
            Message(
                "error",
                f"{md_escape(name)} cannot be opened: {count:,} "
                f"problem{'s' if count != 1 else ''}. The table shown is unchanged.",
                tuple(format_grouped_problems(error.problems, limit=MAX_PROBLEMS_SHOWN)),
            )
        )
        return False
    except Exception as error:  # the upload's boundary: a message, never a traceback
        logger.exception("reading the upload %r (sha256 %s) failed", name, digest)
        _say(
            Message(
                "error",
                f"{md_escape(name)} cannot be opened: {unexpected_error_text(error)}. "
                "The table shown is unchanged.",
            )
        )
        return False
    _forget_page_state()
    st.session_state.pop(state.UPLOAD_MAPPING, None)
    upload = Upload(name, len(data), digest, table, notices, mapping_key(mapping))
    st.session_state[state.UPLOAD] = upload
    _say(
        Message("success", f"Opened {md_escape(name)}: {_events(len(table))}."),
        *(Message("info", md_escape(notice)) for notice in notices),
    )
    return True


def back_to_default() -> None:
    """Button callback: show the default table again and empty the uploaders."""
    if st.session_state.pop(state.UPLOAD, None) is not None:
        _forget_page_state()
        _say(Message("info", "Back to the default table."))
    st.session_state[state.UPLOAD_GENERATION] = st.session_state.get(state.UPLOAD_GENERATION, 0) + 1


def uploader(place: str) -> None:
    """The upload widget with its limit; ``place`` keeps the sidebar's and a page's apart."""
    generation = st.session_state.get(state.UPLOAD_GENERATION, 0)
    key = f"upload_{place}_{generation}"
    st.file_uploader(
        "Upload an event table",
        type=list(UPLOAD_TYPES),
        key=key,
        on_change=_on_upload,
        args=(key,),
        help=(
            "A table with this dashboard's columns, or an ACLED, GDELT, UCDP GED or ICEWS "
            "file (CSV, tab-separated, Parquet, JSON or Excel); any other table can be "
            "mapped column by column. It replaces the default table in this browser tab only."
        ),
    )
    st.caption(
        f"CSV, TSV, Parquet, JSON or Excel, up to {max_upload_mb():,} MB. Shown in this tab only; "
        "other tabs and other people keep their table."
    )


def _on_upload(key: str) -> None:
    """on_change of an uploader: open the chosen file (a removed file changes nothing)."""
    uploaded = st.session_state.get(key)
    if uploaded is None:
        return
    limit = max_upload_mb()
    if uploaded.size > limit * BYTES_PER_MB:
        # Checked before reading the bytes; the browser normally refuses such a file first.
        _say(_too_large(uploaded.name, uploaded.size, limit))
        return
    open_upload(uploaded.name, uploaded.getvalue())


def show_banner(
    total: int, shown: int | None = None, table: EventTable | None = None, own: int = 0
) -> None:
    """Which table is shown (of ``total`` events) and how many of its events the filters
    keep ("4 of 23 events"), with a way back from an upload, then the upload's messages.

    ``table``: the table in memory, if any (how many events are the workspace's); else
    ``own``: how many are (a query engine's count).
    """
    upload = current_upload()
    counted = _events(total)
    if shown is not None and shown != total:
        counted = f"{shown:,} of {counted}"
    if table is not None:
        own = added_count(table.events)
    if own:
        counted += f", {own:,} of them from your workspace (✎)"
    if upload is not None:
        st.info(
            f"Showing your upload: **{md_escape(upload.name)}** — {counted}.",
            icon=":material/upload_file:",
        )
        st.button(
            "Back to the default table",
            on_click=back_to_default,
            key="upload_back_to_default",
            icon=":material/undo:",
        )
    else:
        st.caption(f"Showing {md_escape(default_table_name())} — {counted}.")
    show_messages()
    show_mapping_form(open_upload)


def show_messages() -> None:
    """The queued messages about the last upload, once."""
    for message in st.session_state.pop(state.UPLOAD_MESSAGES, []):
        getattr(st, message.level)(message.text)
        if message.lines:
            st.text("\n".join(message.lines))


def default_table_name() -> str:
    """How the banner names the default table (the article's, or ``$EVENTS_PATH``'s file)."""
    path = os.environ.get(EVENTS_PATH_VARIABLE)
    if not path or Path(path).resolve() == DEFAULT_EVENTS_PATH.resolve():
        return f"the article's table ({DEFAULT_EVENTS_PATH.parent.name}/{DEFAULT_EVENTS_PATH.name})"
    return f"{path} (from {EVENTS_PATH_VARIABLE})"


def shown_table_notices() -> tuple[str, ...]:
    """Import notices of the table shown (e.g. ACLED types kept as given)."""
    upload = current_upload()
    if upload is not None:
        return upload.notices
    if app_engine_name() != "memory":
        # A query engine serves the dataset as written (no import notices); loading it
        # here would hold the whole table in the app process after all.
        return ()
    loaded = load_default(workspace=False)  # the page has added (or warned about) it
    return () if loaded is None else loaded[1]


def _too_large(name: str, size: int, limit: int) -> Message:
    return Message(
        "error",
        f"{md_escape(name)} is {size / BYTES_PER_MB:,.1f} MB; tables up to {limit:,} MB "
        "can be uploaded. Open a larger table with `make run EVENTS=path` instead. "
        "The table shown is unchanged.",
    )


def _say(*messages: Message) -> None:
    st.session_state[state.UPLOAD_MESSAGES] = [
        *st.session_state.get(state.UPLOAD_MESSAGES, []),
        *messages,
    ]


def _forget_page_state() -> None:
    """Drop page choices that name events or nodes of the previous table."""
    for key in list(st.session_state):
        if key == state.TIMELINE_DETAIL or str(key).startswith(state.NETWORK_EGO):
            del st.session_state[key]
    state.set_view("event", None)
    state.set_view("ego", None)
    state.set_view("relation", None)


def _events(count: int) -> str:
    return f"{count:,} event{'s' if count != 1 else ''}"
