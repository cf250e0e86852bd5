"""The Network page's click handling: a clicked node becomes the dashboard's filter."""

from __future__ import annotations

import streamlit as st

from dashboard.selection import selection_to_filter
from ui import state


def apply_node_click(kind: str) -> None:
    """on_select callback: filter every page to the clicked actor (or country)."""
    selection = st.session_state.get(f"{state.NETWORK_CHART}_{kind}")
    spec = state.current_filters()
    new = selection_to_filter(selection, spec, kind)
    if new != spec:
        state.set_filters(new)
