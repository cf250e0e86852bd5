"""Network: who meets, backs or condemns whom; clicking a node filters the whole dashboard."""

from functools import partial

import streamlit as st

from dashboard.network import build_network
from ui import state
from ui.network_view import apply_node_click
from ui.page import open_page, show_if_empty
from ui.sidebar import MAX_PICKER_OPTIONS

KIND_LABELS = {"actor": "Actors", "country": "Countries"}

page = open_page("Network")
if not show_if_empty(page):
    kind_column, ego_column = st.columns([1, 2])
    kind = kind_column.radio(
        "Nodes",
        tuple(KIND_LABELS),
        format_func=KIND_LABELS.__getitem__,
        horizontal=True,
        key=state.NETWORK_KIND,
    )
    postings = page.table.participants if kind == "actor" else page.table.countries
    ego_key = f"{state.NETWORK_EGO}_{kind}"
    chosen = st.session_state.get(ego_key)
    # Bounded like the sidebar's pickers: the busiest names plus the one chosen.
    names = postings.picker_names(MAX_PICKER_OPTIONS, () if chosen is None else (chosen,))
    ego = ego_column.selectbox(
        "Ego network of",
        names,
        index=None,
        key=ego_key,
        placeholder=f"Everyone (or choose one {kind} to see only its links)",
    )
    st.plotly_chart(
        build_network(page.table, page.positions, node_kind=kind, ego=ego),
        key=f"{state.NETWORK_CHART}_{kind}",
        on_select=partial(apply_node_click, kind),
        selection_mode="points",
    )
    st.caption(
        f"Click a node to filter every page to that {kind}; "
        "**Reset filters** in the sidebar undoes it."
    )
