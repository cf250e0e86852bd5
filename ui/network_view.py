"""The Network page's click handling: a clicked node becomes the dashboard's filter."""

from __future__ import annotations

from collections.abc import Container

import streamlit as st

from dashboard.actors import ActorDirectory
from dashboard.selection import selection_to_filter
from ui import state
from ui.render import warn_all


def apply_node_click(kind: str) -> None:
    """on_select callback: filter every page to the clicked actor (or country)."""
    selection = st.session_state.get(f"{state.NETWORK_CHART}_{kind}")
    spec = state.current_filters()
    new = selection_to_filter(selection, spec, kind)
    if new != spec:
        state.set_filters(new)


def choose_node_kind() -> None:
    """on_change of the node-kind radio: the view follows; an ego of the other kind goes."""
    state.remember_widget("nodes", state.NETWORK_KIND)
    state.set_view("ego", None)


def ego_from_view(known: Container[str], directory: ActorDirectory, kind: str) -> str | None:
    """The view's ego when it is one of the ``known`` names of a ``kind`` (actor aliases
    resolved through ``directory``)."""
    ego = state.view().get("ego")
    if not ego:
        return None
    name = directory.canonical(ego) if kind == "actor" else ego
    if name in known:
        return name
    warn_all([f"Unknown {kind} '{ego}' for the ego network was dropped."])
    state.set_view("ego", None)
    return None
