"""The Timeline page's chart gestures: a click reads an event or drills into a cell; a box
selection (the time brush) sets the date filter of every page."""

from __future__ import annotations

import streamlit as st

from dashboard.selection import (
    brushed,
    drill_down,
    selected_cell,
    selected_event_id,
    selected_span,
)
from dashboard.timeline import CELL_MARK
from ui import state


def apply_timeline_selection(lane: str, lane_values: tuple[str | None, ...]) -> None:
    """on_select callback of the timeline (``lane_values`` of the figure that was drawn)."""
    selection = st.session_state.get(state.TIMELINE_CHART)
    spec = state.current_filters()
    span = selected_span(selection)
    if span is not None:
        state.set_filters(brushed(spec, span))
        return
    cell = selected_cell(selection, CELL_MARK)
    if cell is not None:
        value = lane_values[cell.row] if cell.row < len(lane_values) else None
        state.set_filters(drill_down(spec, lane, value, cell))
        return
    event_id = selected_event_id(selection)
    if event_id is not None:
        state.set_view("event", event_id)
