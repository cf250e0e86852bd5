"""What every page does first: configure, load the table, draw the sidebar, filter."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from dashboard.filters import FilterSpec, filter_positions
from dashboard.memory import tune_allocator
from dashboard.table import EventTable
from ui import state
from ui.data import load_table
from ui.render import warn_all
from ui.sidebar import render_sidebar
from ui.upload import current_upload, show_banner, show_messages, uploader


@dataclass(frozen=True)
class PageContext:
    """The shared table, the session's filters and the positions of the events they keep."""

    table: EventTable
    spec: FilterSpec
    positions: np.ndarray


def open_page(title: str) -> PageContext:
    """Set the page up; stops the script (after showing why) when no table can be loaded."""
    st.set_page_config(page_title=f"{title} · Diplomatic timeline", layout="wide")
    # The app's allocator setting, made by its entrypoint (every page opens here, before
    # the table loads): setting it again on later runs changes nothing.
    tune_allocator()
    upload = current_upload()
    table = upload.table if upload is not None else load_table()
    if table is None:
        # The default cannot be loaded (its problems are shown); an own table still can.
        uploader("main")
        show_messages()
        st.stop()
    spec = render_sidebar(table)
    with st.sidebar.expander("Open your own table", icon=":material/upload_file:"):
        uploader("sidebar")
    st.title(title)
    positions = filter_positions(table, spec)
    show_banner(table, len(positions))
    warn_all(state.take_notices())
    return PageContext(table, spec, positions)


def show_if_empty(context: PageContext) -> bool:
    """Show a friendly message when nothing matches; True when the page should stop there."""
    if len(context.positions):
        return False
    if len(context.table) == 0:
        st.info("The event table is empty.")
    else:
        st.info(
            "No events match these filters. Widen the date range, remove a filter, "
            "or use **Reset filters** in the sidebar."
        )
    return True
