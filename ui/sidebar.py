"""The sidebar every page shows: navigation, filters and reset, kept in sync with the URL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

import numpy as np
import streamlit as st

from dashboard.filters import (
    PARAM_KEYS,
    FacetCounts,
    FilterSpec,
    Vocabulary,
    date_in_bounds,
    facet_columns,
    facet_counts,
    filter_positions,
)
from dashboard.query import Engine
from dashboard.subsets import counted
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
#: A facet lists at most this many values (the most frequent among the filtered events).
MAX_FACET_OPTIONS = 200
#: Facet columns that have their own picker above.
SIDEBAR_COLUMNS = frozenset({"countries", "actors", "event_type"})


@dataclass(frozen=True)
class _Choices:
    """What the filter widgets offer: options per picker, how each option reads, help notes."""

    countries: list[str]
    actors: list[str]
    event_types: list[str]
    country_label: Callable[[str], str] = str
    actor_label: Callable[[str], str] = str
    type_label: Callable[[str], str] = str
    country_note: str = ""
    actor_note: str = ""


def render_sidebar(table: EventTable) -> tuple[FilterSpec, np.ndarray]:
    """Draw the sidebar; return the filters to apply (known to ``table``) and the
    positions of the events they keep (the pickers show counts of those events)."""
    spec = _settle_filters(table)
    positions = filter_positions(table, spec)
    _draw(spec, _table_choices(table, spec, positions), partial(_table_facets, table, positions))
    return spec, positions


def render_engine_sidebar(engine: Engine) -> tuple[FilterSpec, int]:
    """The sidebar over a query engine: the same filters, options from its vocabulary.

    Returns the filters and how many events they keep. The pickers show no counts
    there: each would be a query over the whole dataset on every run.
    """
    vocabulary = engine.vocabulary()
    spec = _settle_filters(vocabulary)

    def names(key: str, chosen: tuple[str, ...]) -> list[str]:
        known = vocabulary.names[key]
        return list(dict.fromkeys([*chosen, *known[:MAX_PICKER_OPTIONS]]))

    choices = _Choices(
        names("countries", spec.countries),
        names("actors", spec.actors),
        list(vocabulary.names["event_types"]),
        country_note=_listed_note(vocabulary.names["countries"], "countries", "first"),
        actor_note=_listed_note(vocabulary.names["actors"], "actors", "first"),
    )
    columns = [c for c in vocabulary.facet_columns if c not in SIDEBAR_COLUMNS]
    _draw(spec, choices, lambda: (columns, partial(engine.facet_counts, spec)))
    return spec, engine.count(spec)


def _draw(spec: FilterSpec, choices: _Choices, facets: Callable) -> None:
    """The sidebar's links, filter widgets, facets and reset, then the URL."""
    with st.sidebar:
        for script, label in PAGES:
            st.page_link(script, label=label, query_params=state.link_params(spec))
        st.divider()
        _filter_widgets(spec, choices)
        facet_widgets(spec, *facets())
        st.button("Reset filters", on_click=_reset, key="sidebar_reset", width="stretch")
    state.write_url(spec)


def _table_choices(table: EventTable, spec: FilterSpec, positions: np.ndarray) -> _Choices:
    """The in-memory table's options, each with its count among the filtered events."""
    country_counts = counted(table.countries, positions, len(table))
    actor_counts = counted(table.participants, positions, len(table))
    type_counts = np.bincount(table.type_codes[positions], minlength=len(table.event_types))
    return _Choices(
        table.countries.picker_names(MAX_PICKER_OPTIONS, spec.countries),
        table.participants.picker_names(MAX_PICKER_OPTIONS, spec.actors),
        list(table.event_types),
        partial(with_count, country_counts, table.countries.lookup),
        partial(with_count, actor_counts, table.participants.lookup),
        partial(with_count, type_counts, {name: i for i, name in enumerate(table.event_types)}),
        _listed_note(table.countries.names, "countries"),
        _listed_note(table.participants.names, "actors"),
    )


def _table_facets(table: EventTable, positions: np.ndarray):
    columns = [c for c in facet_columns(table) if c not in SIDEBAR_COLUMNS]
    return columns, partial(facet_counts, table, positions)


def _settle_filters(table: EventTable | Vocabulary) -> FilterSpec:
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


def _filter_widgets(spec: FilterSpec, choices: _Choices) -> None:
    """The filter widgets, showing ``spec`` and the options of ``choices`` (in memory with
    how many of the filtered events have each: "Russia (12)"); a change calls :func:`_commit`."""
    st.session_state[state.W_COUNTRIES] = list(spec.countries)
    st.session_state[state.W_ACTORS] = list(spec.actors)
    st.session_state[state.W_TYPES] = list(spec.event_types)
    st.session_state[state.W_START] = spec.start
    st.session_state[state.W_END] = spec.end
    st.session_state[state.W_QUERY] = spec.q

    st.multiselect(
        "Countries",
        choices.countries,
        key=state.W_COUNTRIES,
        format_func=choices.country_label,
        on_change=_commit,
        placeholder="All countries",
        help="An event matches if it involves any chosen country, directly or via its actors."
        + choices.country_note,
    )
    st.multiselect(
        "Actors",
        choices.actors,
        key=state.W_ACTORS,
        format_func=choices.actor_label,
        on_change=_commit,
        placeholder="All actors",
        help="An event matches if any chosen actor initiated it or was its recipient."
        + choices.actor_note,
    )
    st.multiselect(
        "Event types",
        choices.event_types,
        key=state.W_TYPES,
        format_func=choices.type_label,
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


def with_count(counts: np.ndarray, codes: dict[str, int], name: str) -> str:
    """ "Russia (12)": an option with the number of filtered events that have it."""
    code = codes.get(name)
    return f"{name} ({int(counts[code]) if code is not None else 0:,})"


def facet_widgets(
    spec: FilterSpec, columns: list[str], counts_of: Callable[[str], FacetCounts]
) -> None:
    """The table's own categorical ``columns`` as filters (``facet.<column>=value`` in the
    URL), each option with its count among the filtered events (``counts_of(column)``)."""
    opened = [c for c in st.session_state.get(state.FACETS_OPEN, []) if c in columns]
    opened += [c for c, _ in spec.facets if c in columns and c not in opened]
    st.session_state[state.FACETS_OPEN] = opened
    with st.expander("More filters (facets)", expanded=bool(opened)):
        for column in opened:
            chosen = spec.facet(column)
            counts = counts_of(column)
            options = list(dict.fromkeys([*chosen, *counts.values[:MAX_FACET_OPTIONS]]))
            numbers = counts.as_dict()
            key = f"{state.W_FACET}{column}"
            st.session_state[key] = list(chosen)
            st.multiselect(
                column,
                options,
                key=key,
                format_func=lambda value, numbers=numbers: f"{value} ({numbers.get(value, 0):,})",
                on_change=_commit_facet,
                args=(column,),
                placeholder=f"Any {column}",
            )
        left = [c for c in columns if c not in opened]
        if left:
            st.selectbox(
                "Add a facet",
                left,
                index=None,
                key=state.W_FACET_ADD,
                on_change=_open_facet,
                placeholder="Choose a column of the table",
            )


def _commit_facet(column: str) -> None:
    chosen = st.session_state.get(f"{state.W_FACET}{column}") or []
    state.set_filters(state.current_filters().with_facet(column, chosen))


def _open_facet() -> None:
    column = st.session_state.get(state.W_FACET_ADD)
    if column:
        st.session_state[state.FACETS_OPEN] = [*st.session_state.get(state.FACETS_OPEN, []), column]
    st.session_state[state.W_FACET_ADD] = None


def _listed_note(names: tuple[str, ...], what: str, which: str = "busiest") -> str:
    """Help text's note when a picker lists only the busiest (or first) values."""
    if len(names) <= MAX_PICKER_OPTIONS:
        return ""
    held = "in most events" if which == "busiest" else "first in alphabetical order"
    return (
        f" The list holds the {MAX_PICKER_OPTIONS:,} {what} {held} (of "
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
    # The facets and the map's area are chosen elsewhere; the sidebar's widgets keep them.
    current = state.current_filters()
    state.set_filters(replace(spec, facets=current.facets, area=current.area))


def _reset() -> None:
    state.set_filters(FilterSpec())
