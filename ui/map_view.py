"""The Map page's chart gestures: a click or a box selection filters every page to an area."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard.geomap import MapData, selected_area
from ui import state

MAP_CHART = "map_chart"


def apply_map_selection(data: MapData) -> None:
    """on_select callback of the map (``data`` of the figure that was drawn)."""
    area = selected_area(st.session_state.get(MAP_CHART), data)
    if area is not None:
        state.set_filters(replace(state.current_filters(), area=area))
