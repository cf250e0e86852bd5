"""The sidebar every page shows: navigation, filters and reset, kept in sync with the URL."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st

from dashboard.filters import PARAM_KEYS, FilterSpec, date_in_bounds
from dashboard.table import EventTable
from ui import state

#: (script, label) of every page, in navigation order; scripts relative to app.py.
PAGES: tuple[tuple[str, str], ...] = (
    ("app.py", "Timeline"),
    ("pages/1_Network.py", "Network"),
    ("pages/4_Map.py", "Map"),
    ("pages/2_Events.py", "Events"),
    ("pages/3_About_the_data.py", "About the data"),
    ("pages/5_Add_events.py", "Add events"),
)

#: The country and actor pickers list at most this many values (the busiest), plus the
#: chosen ones: 5,000 names are about 75 KB sent on every page; 100,000 would be 1.5 MB.
MAX_PICKER_OPTIONS = 5_000


def render_sidebar(table: EventTable) -> FilterSpec:
    """Draw the sidebar and return the filters to apply (known to ``table``)."""
    spec = _settle_filters(table)
    with st.sidebar:
        for script, label in PAGES:
            st.page_link(script, label=label, query_params=state.link_params(spec))
        st.divider()
        _filter_widgets(table, spec)
        st.button("Reset filters", on_click=_reset, key="sidebar_reset", width="stretch")
    state.write_url(spec)
    return spec


def _settle_filters(table: EventTable) -> FilterSpec:
    """The session's filters: from the URL on its first run, then from state.

    Values the table does not know are dropped with a notice (a link may name an
    actor of another table), so the widgets never hold an option they lack.
    """
    if state.FILTERS in st.session_state:
        spec = state.current_filters()
        notices: list[str] = []
    else:
        spec, notices = FilterSpec.from_query_params(state.url_params())
        if state.link_was_ignored():
            notices.insert(0, state.IGNORED_LINK_NOTICE)
    spec, unknown = spec.restricted_to(table)
    spec = _within_picker_range(spec, notices)
    state.add_notices(notices + unknown)
    st.session_state[state.FILTERS] = spec
    return spec


def _within_picker_range(spec: FilterSpec, notices: list[str]) -> FilterSpec:
    """Drop dates the date pickers cannot show (set by a chart, not parsed), with a notice."""
    changes = {}
    for name in ("start", "end"):
        value = getattr(spec, name)
        if value is not None and date_in_bounds(name, value, notices) is None:
            changes[name] = None
    return replace(spec, **changes) if changes else spec


def _filter_widgets(table: EventTable, spec: FilterSpec) -> None:
    """The filter widgets, showing ``spec``; a change calls :func:`_commit`."""
    st.session_state[state.W_COUNTRIES] = list(spec.countries)
    st.session_state[state.W_ACTORS] = list(spec.actors)
    st.session_state[state.W_TYPES] = list(spec.event_types)
    st.session_state[state.W_START] = spec.start
    st.session_state[state.W_END] = spec.end
    st.session_state[state.W_QUERY] = spec.q

    st.multiselect(
        "Countries",
        table.countries.picker_names(MAX_PICKER_OPTIONS, spec.countries),
        key=state.W_COUNTRIES,
        on_change=_commit,
        placeholder="All countries",
        help="An event matches if it involves any chosen country, directly or via its actors."
        + _listed_note(table.countries.names, "countries"),
    )
    st.multiselect(
        "Actors",
        table.participants.picker_names(MAX_PICKER_OPTIONS, spec.actors),
        key=state.W_ACTORS,
        on_change=_commit,
        placeholder="All actors",
        help="An event matches if any chosen actor initiated it or was its recipient."
        + _listed_note(table.participants.names, "actors"),
    )
    st.multiselect(
        "Event types",
        list(table.event_types),
        key=state.W_TYPES,
        on_change=_commit,
        placeholder="All event types",
    )
    left, right = st.columns(2)
    bounds = {"min_value": state.MIN_DATE, "max_value": state.MAX_DATE, "format": "YYYY-MM-DD"}
    left.date_input("From", value=None, key=state.W_START, on_change=_commit, **bounds)
    right.date_input("To", value=None, key=state.W_END, on_change=_commit, **bounds)
    st.text_input(
        "Search text",
        key=state.W_QUERY,
        on_change=_commit,
        placeholder="Words in any text: title, names, source…",
        max_chars=200,
    )


def _listed_note(names: tuple[str, ...], what: str) -> str:
    """Help text's note when a picker lists only the busiest values."""
    if len(names) <= MAX_PICKER_OPTIONS:
        return ""
    return (
        f" The list holds the {MAX_PICKER_OPTIONS:,} {what} in most events (of "
        f"{len(names):,}) and any already chosen; reach the others by clicking them "
        "in the Network, or through a link naming them."
    )


def _commit() -> None:
    """Widget callback: the widgets' values become the filters (through the model's rules)."""
    params: dict[str, list[str]] = {
        PARAM_KEYS["countries"]: st.session_state[state.W_COUNTRIES],
        PARAM_KEYS["actors"]: st.session_state[state.W_ACTORS],
        PARAM_KEYS["event_types"]: st.session_state[state.W_TYPES],
        "q": [st.session_state[state.W_QUERY] or ""],
    }
    for key, widget in (("start", state.W_START), ("end", state.W_END)):
        value = st.session_state[widget]
        params[key] = [value.isoformat()] if isinstance(value, dt.date) else []
    spec, notices = FilterSpec.from_query_params(params)
    state.add_notices(notices)
    # The facets are chosen elsewhere (the views); the sidebar's widgets keep them.
    state.set_filters(replace(spec, facets=state.current_filters().facets))


def _reset() -> None:
    state.set_filters(FilterSpec())
