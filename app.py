"""Timeline, the landing page, and the Streamlit entrypoint (`streamlit run app.py`).

The other pages live in pages/ (Streamlit's classic multipage convention); every page
calls the same sidebar through ui.page.open_page, so filters and URL behave alike.
"""

from functools import partial

import streamlit as st

from dashboard.engine_views import engine_timeline, everything
from dashboard.timeline import COUNT_PERIODS, LANES, timeline_view
from ui import state
from ui.details import event_picker, show_event
from ui.page import finish_page, open_page, show_if_empty
from ui.timeline_view import apply_timeline_selection

LANE_LABELS = {"country": "Country", "actor": "Actor", "event_type": "Event type"}

page = open_page("Timeline")
if not show_if_empty(page):
    lane_column, per_column = st.columns(2)
    state.restore_widget("lane", state.TIMELINE_LANE, LANES, "country")
    lane = lane_column.radio(
        "Lanes by",
        LANES,
        format_func=lambda value: LANE_LABELS.get(value, value),
        horizontal=True,
        key=state.TIMELINE_LANE,
        on_change=partial(state.remember_widget, "lane", state.TIMELINE_LANE),
    )
    state.restore_widget("per", state.TIMELINE_PER, tuple(COUNT_PERIODS), "auto")
    per = per_column.radio(
        "Counts per (at least)",
        tuple(COUNT_PERIODS),
        horizontal=True,
        key=state.TIMELINE_PER,
        on_change=partial(state.remember_widget, "per", state.TIMELINE_PER),
        help="When the events are many they are counted per period: by default the finest "
        "that stays readable (per day within 150 days); ask for months, quarters, years or "
        "decades. A coarser one is still taken where yours would give over 150 bars.",
    )
    months = COUNT_PERIODS[per]
    if page.table is None:  # a query engine serves the table
        drawn = engine_timeline(page.engine, page.spec, lane, page.matched, per=months)
        view, table, positions = drawn.view, drawn.events, everything(drawn.events)
    else:
        table, positions = page.table, page.positions
        view = timeline_view(table, positions, lane, per=months)
    st.plotly_chart(
        view.figure,
        key=state.TIMELINE_CHART,
        on_select=partial(apply_timeline_selection, lane, view.lane_values),
        selection_mode=("points", "box"),
    )
    st.caption(
        "Click an event to read it"
        + ("" if view.mode == "events" else ", or a cell to narrow the filters to it")
        + "; drag a box (box select) to set the date range of every page."
    )
    row = event_picker(table, positions, page.matched)
    if row is not None:
        show_event(row)
finish_page(page)
