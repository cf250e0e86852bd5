"""Network: who meets, backs or condemns whom; clicking a node filters the whole dashboard."""

from functools import partial

import streamlit as st

from dashboard.network import GRAPH_FORMATS, draw_network, graph_file, network_view
from ui import state
from ui.network_view import apply_node_click, choose_node_kind, ego_from_view, show_relations
from ui.page import finish_page, open_page, show_if_empty
from ui.sidebar import MAX_PICKER_OPTIONS

KIND_LABELS = {"actor": "Actors", "country": "Countries"}

page = open_page("Network")
if not show_if_empty(page):
    kind_column, ego_column = st.columns([1, 2])
    state.restore_widget("nodes", state.NETWORK_KIND, tuple(KIND_LABELS), "actor")
    kind = kind_column.radio(
        "Nodes",
        tuple(KIND_LABELS),
        format_func=KIND_LABELS.__getitem__,
        horizontal=True,
        key=state.NETWORK_KIND,
        on_change=choose_node_kind,
    )
    ego_key = f"{state.NETWORK_EGO}_{kind}"
    engine = page.engine
    if page.table is None:  # a query engine: its known names, in alphabetical order
        known = engine.vocabulary().names["actors" if kind == "actor" else "countries"]
        chosen = ego_from_view(frozenset(known), engine.directory, kind)
        names = list(dict.fromkeys([*([chosen] if chosen else []), *known[:MAX_PICKER_OPTIONS]]))
    else:
        postings = page.table.participants if kind == "actor" else page.table.countries
        chosen = ego_from_view(postings.lookup, engine.directory, kind)
        # Bounded like the sidebar's pickers: the busiest names plus the one chosen.
        names = postings.picker_names(MAX_PICKER_OPTIONS, () if chosen is None else (chosen,))
    st.session_state[ego_key] = chosen
    ego = ego_column.selectbox(
        "Ego network of",
        names,
        index=None,
        key=ego_key,
        on_change=partial(state.remember_widget, "ego", ego_key),
        placeholder=f"Everyone (or choose one {kind} to see only its links)",
    )
    if page.table is None:  # the engine aggregates the edges and keeps the strongest
        view = draw_network(engine.network(page.spec, kind, ego))
    else:
        view = network_view(page.table, page.positions, node_kind=kind, ego=ego)
    st.plotly_chart(
        view.figure,
        key=f"{state.NETWORK_CHART}_{kind}",
        on_select=partial(apply_node_click, kind),
        selection_mode="points",
    )
    st.caption(
        f"Click a node to filter every page to that {kind}; "
        "**Reset filters** in the sidebar undoes it. Labels show the most connected nodes; "
        "hover a node for its name."
    )
    if view.graph.number_of_nodes():
        graph = view.graph
        for column, (file_format, label) in zip(
            st.columns(len(GRAPH_FORMATS)), GRAPH_FORMATS.items(), strict=True
        ):
            column.download_button(
                f"Download this network ({label}, for Gephi)",
                # Deferred: the file is written when the analyst clicks, not on every rerun.
                data=partial(graph_file, graph, file_format),
                file_name=f"network-{kind}s.{file_format}",
                mime="application/xml",
                on_click="ignore",
                icon=":material/download:",
                key=f"network_download_{file_format}",
            )
        show_relations(page, graph, kind)
finish_page(page)
