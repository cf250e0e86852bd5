"""The Map page's view and gestures: where the map looks (the ``map`` view key, in the URL),
a click on an event reads it, a box selection or a click on a cell filters every page to
an area (and the map then shows that area)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st

from dashboard.geomap import MAP_REGIONS, MapData, MapFrame, clicked_row, selected_area
from dashboard.table import EventTable
from ui import state
from ui.render import warn_all

MAP_CHART = "map_chart"
#: The map view picker's widget key, and its option for "no map key: fit".
MAP_FRAME = "map_frame"
FIT = "fit"
#: The view key (URL) of where the map looks.
VIEW_KEY = "map"


def _label(value: str) -> str:
    if value == FIT:
        return "Fit the filtered events (or the selected area)"
    if value in MAP_REGIONS:
        return MAP_REGIONS[value][0]
    return f"Centre and zoom {value}"


def map_frame_picker() -> MapFrame | None:
    """The map view picker (regions, or ``lat,lon,zoom`` typed in); the chosen frame.

    None means the map fits the area filter or the events (no ``map`` key in the URL).
    """
    text = state.view().get(VIEW_KEY, "")
    frame = MapFrame.parse(text) if text else None
    if text and frame is None:
        warn_all(
            [
                f"'{text}' is not a map view (a region such as 'europe', or lat,lon,zoom "
                "such as '48.85,2.35,5'); the map fits the filtered events instead."
            ]
        )
        state.set_view(VIEW_KEY, None)
        text = ""
    options = [FIT, *MAP_REGIONS]
    if text and text not in options:
        options.append(text)
    st.session_state[MAP_FRAME] = text or FIT
    st.selectbox(
        "Map view",
        options,
        format_func=_label,
        key=MAP_FRAME,
        accept_new_options=True,
        on_change=_remember_frame,
        help="A region, or type a centre and zoom as lat,lon,zoom (zoom 0 shows the world). "
        "It is part of the page's link.",
    )
    return frame


def _remember_frame() -> None:
    """on_change of the picker: a valid choice becomes the view's ``map`` key."""
    value = str(st.session_state.get(MAP_FRAME) or FIT).strip().lower()
    if value == FIT:
        state.set_view(VIEW_KEY, None)
        return
    frame = MapFrame.parse(value)
    if frame is None:
        state.add_notices([f"'{value}' is not a map view (a region, or lat,lon,zoom)."])
        return
    state.set_view(VIEW_KEY, value if value in MAP_REGIONS else frame.to_text())


def apply_map_selection(table: EventTable, data: MapData, members: tuple[np.ndarray, ...]) -> None:
    """on_select callback of the map (the page's table; ``data`` and ``members`` of the
    figure drawn).

    A click on one event reads it (the ``event`` view key); a box, or a click on a
    cell, filters every page to that area, and the map then fits it (the ``map`` key
    is dropped).
    """
    selection = st.session_state.get(MAP_CHART)
    row = clicked_row(selection, data, members)
    if row is not None:
        state.set_view("event", str(table.events["event_id"].iloc[row]))
        return
    area = selected_area(selection, data, members)
    if area is not None:
        state.set_view(VIEW_KEY, None)
        state.set_filters(replace(state.current_filters(), area=area))
