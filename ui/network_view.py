"""The Network page's click handling: a clicked node becomes the dashboard's filter."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import replace
from functools import partial

import networkx as nx
import pandas as pd
import streamlit as st

from dashboard.actors import ActorDirectory
from dashboard.engine_views import everything, relation_table
from dashboard.export import export_csv
from dashboard.figures_relation import (
    PICKED_RELATION_COLUMNS,
    SIDE_COLUMNS,
    RelationSides,
    change_summary,
    period_before,
    places_summary,
    relation_places,
    relation_sides,
    relation_trend,
    sides_summary,
    trend_figure,
    trend_summary,
)
from dashboard.network import relation_file_name, relation_positions, relation_rows
from dashboard.selection import kept_pick, linked_relation, relation_link, selection_to_filter
from dashboard.timeline import COUNT_PERIODS
from dashboard.window import MAX_WINDOW_ROWS
from ui import state
from ui.events_view import show_events_table
from ui.page import PageContext
from ui.render import md_escape, warn_all

#: Why the unfiltered relations over a query engine have no fatalities column.
UNFILTERED_DEATHS = (
    "Fatalities per relation are counted once a filter narrows the table: over a query "
    "engine, counting them over every event takes seconds."
)


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
    state.set_view("relation", None)


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


def keep_picked_pair(key: str, pairs: tuple[tuple[str, str], ...]) -> None:
    """Select, in the relations table ``key`` about to list ``pairs``, the pair picked in
    the list it showed before (or nothing when that pair is no longer listed): the table's
    pick is a row position, which after the filters changed the list held another pair.
    On the page's first run (a link opened, or back from another page: Streamlit dropped
    the table's state) the view's ``relation`` is picked. The view follows the pick, so
    the link opens the same relation."""
    listed = f"{state.NETWORK_RELATIONS_LISTED}_{key}"
    shown = st.session_state.get(key)
    rows = list(shown["selection"]["rows"]) if shown else None
    if rows is None:
        row = _linked_row(pairs)
    else:
        row = kept_pick(st.session_state.get(listed, pairs), rows, pairs)
    if (rows or []) != ([] if row is None else [row]):
        st.session_state[key] = {"selection": {"rows": [] if row is None else [row]}}
    st.session_state[listed] = pairs
    state.set_view("relation", None if row is None else relation_link(*pairs[row]))
    state.write_url(state.current_filters())


def _linked_row(pairs: tuple[tuple[str, str], ...]) -> int | None:
    """The row of ``pairs`` holding the view's relation (a warning when it is not listed)."""
    text = state.view().get("relation")
    if not text:
        return None
    pair = linked_relation(text)
    if pair in pairs:
        return pairs.index(pair)
    warn_all(
        [
            f"The relation '{text}' of the link is not among the relations listed under "
            "these filters, so none is picked."
        ]
    )
    return None


def pick_relation(key: str) -> None:
    """on_select of the relations table: the picked pair becomes the view's relation before
    the page runs, so the sidebar's links carry it too."""
    pairs = st.session_state.get(f"{state.NETWORK_RELATIONS_LISTED}_{key}", ())
    shown = st.session_state.get(key)
    rows = [r for r in (shown["selection"]["rows"] if shown else []) if 0 <= r < len(pairs)]
    state.set_view("relation", relation_link(*pairs[rows[0]]) if rows else None)


def show_relations(page: PageContext, graph: nx.Graph, kind: str) -> None:
    """The drawn relations, strongest first; a picked row lists the events behind it."""
    rows = relation_rows(graph)
    if rows.empty:
        return
    st.subheader("Relations, strongest first")
    engine, spec = page.engine, page.spec
    pairs = tuple(zip(rows["between"], rows["and"], strict=True))
    if page.table is None and spec.is_empty():
        # A query engine over the whole table: the self-join over every event took 4.3 s
        # at 1M events on DuckDB (filtered to a year: 0.35 s). The dataset keeps the
        # unfiltered network's deaths; else (an older dataset, the workspace's events,
        # an ego's relations) said, not silently missing.
        deaths = engine.kept_relation_fatalities(kind, pairs)
        if deaths is None and engine.fatalities(spec) is not None:
            st.caption(UNFILTERED_DEATHS)
    else:
        deaths = engine.relation_fatalities(spec, kind, pairs)
    if deaths is not None:  # the table counts deaths (ACLED, UCDP)
        rows.insert(rows.columns.get_loc("events") + 1, "fatalities", list(deaths))
    key = f"{state.NETWORK_RELATIONS}_{kind}"
    keep_picked_pair(key, pairs)
    picked = st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(rows), 300),
        key=key,
        on_select=partial(pick_relation, key),
        selection_mode="single-row",
    )
    chosen = [r for r in picked.selection.rows if r < len(rows)]
    if not chosen:
        st.caption("Pick a row to read the events the two share, with their sources.")
        return
    first, second, events = rows.iloc[chosen[0]][["between", "and", "events"]]
    if page.table is not None:
        positions = relation_positions(page.table, page.positions, kind, first, second)
        table, matched = page.table, len(positions)

        def relation_csv() -> bytes:
            return export_csv(table.take(positions))
    else:  # a query engine: the first of them, fetched
        # The list's count of the relation's events: the engine does not count them again.
        table, matched = relation_table(
            engine, spec, kind, first, second, MAX_WINDOW_ROWS, int(events)
        )
        positions = everything(table)

        def relation_csv() -> bytes:  # all of them, fetched through the engine on a click
            return export_csv(
                engine.relation_window(spec, kind, first, second, matched, matched).events
            )

    names = f"{md_escape(first)} and {md_escape(second)}"
    st.markdown(f"**{matched:,} events between {names}**")
    st.download_button(
        f"Download these {matched:,} events (CSV)",
        # Deferred, as the Events page's: the CSV is built when the analyst clicks.
        data=relation_csv,
        file_name=relation_file_name(first, second),
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    if len(positions) < matched:  # a query engine fetched the first: these columns of all
        read = engine.relation_events(spec, kind, first, second, PICKED_RELATION_COLUMNS)
    else:
        read = table.events[list(PICKED_RELATION_COLUMNS)].iloc[positions]
    canonical = engine.directory.canonical
    now: RelationSides | int = len(read)
    if kind == "actor":  # an actor acts on a recipient; a country's events have no sides
        now = relation_sides(read, first, second, canonical)
        st.caption(md_escape(sides_summary(now)))
    if spec.start is not None and spec.end is not None:  # did it change from before?
        period = period_before(spec.start, spec.end)
        earlier = replace(spec, start=period.start, end=period.end)
        then = engine.relation_events(earlier, kind, first, second, SIDE_COLUMNS)
        before = relation_sides(then, first, second, canonical) if kind == "actor" else len(then)
        st.caption(md_escape(change_summary(now, before, period)))
    st.caption(md_escape(places_summary(relation_places(read))))
    show_trend(read, first, second)
    show_events_table(table, positions, matched)


def show_trend(events: pd.DataFrame, first: str, second: str) -> None:
    """The relation's ``events`` (:data:`~dashboard.figures_relation.TREND_COLUMNS` at
    least) over time."""
    # Per the period the Timeline is asked to count by (the view's per=), if any.
    per = COUNT_PERIODS.get(state.view().get("per", "auto"), 0)
    trend = relation_trend(events, per)
    st.plotly_chart(trend_figure(trend, first, second), key=state.NETWORK_TREND)
    st.caption(md_escape(trend_summary(trend)))
