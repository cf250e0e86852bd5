"""Map: where the filtered events happened; a click reads an event, a box filters every page
to an area. Where the map looks is the URL's ``map`` key (else it fits the area or events)."""

from functools import partial

import streamlit as st

from dashboard.coordinates import has_coordinates
from dashboard.engine_views import everything, type_colours, window_table
from dashboard.geomap import (
    CELL_DEGREES,
    MAX_POINTS,
    build_map,
    counted_cells,
    map_data,
    same_place,
    selectable,
)
from ui import state
from ui.details import MAX_DETAIL_CHOICES, event_picker, position_being_read, show_event
from ui.map_view import MAP_CHART, apply_map_selection, map_frame_picker
from ui.page import finish_page, open_page, show_if_empty

MEASURES = {"events": "Events", "fatalities": "Fatalities"}
MAP_MEASURE = "map_measure"

page = open_page("Map")
if not show_if_empty(page):
    table, positions = page.table, page.positions
    if table is None:  # a query engine: the filtered events one by one, or its cells
        # (Cells: a few events are enough to know the columns and read a linked event.)
        shown = page.matched if page.matched <= MAX_POINTS else MAX_DETAIL_CHOICES
        table = window_table(page.engine, page.spec, shown)
        positions = everything(table)
    if not has_coordinates(table):
        st.info(
            "This table has no `latitude` and `longitude` columns, so its events cannot be "
            "placed on the map. ACLED, GDELT and UCDP exports carry them; our own format "
            "takes them as optional columns."
        )
    else:
        if page.table is None and page.matched > MAX_POINTS:
            # More than the map draws one by one: the engine counts them per cell.
            cells = page.engine.map_cells(page.spec, CELL_DEGREES[0])
            data = counted_cells(cells.rows, cells.size)
            missing = page.matched - int(data.weight.sum())
        else:
            # Over an engine, the window's types coloured as the whole dataset's are.
            palette = None if page.table is not None else type_colours(page.engine)
            data, missing = map_data(table, positions, palette)
        measure = "events"
        left, right = st.columns(2)
        if data.weight is not None and not data.counted:
            state.restore_widget("measure", MAP_MEASURE, tuple(MEASURES), "events")
            measure = left.radio(
                "Measure",
                tuple(MEASURES),
                format_func=MEASURES.__getitem__,
                horizontal=True,
                key=MAP_MEASURE,
                on_change=partial(state.remember_widget, "measure", MAP_MEASURE),
            )
        with right:
            frame = map_frame_picker()
        view = build_map(data, missing, measure, frame, page.spec.area)
        st.plotly_chart(
            view.figure,
            key=MAP_CHART,
            on_select=partial(apply_map_selection, table, selectable(view, data), view.members),
            selection_mode=("points", "box"),
            config={"scrollZoom": True},
        )
        st.caption(
            "Events of one type at one place are one point, its area growing with their "
            "count; hover it for the count, location precision and dates, click it to read "
            "the event (the latest, with the others there listed). Click a cell, or drag a "
            "box (Box Select) around several events, to filter every page to that area; "
            "**Reset filters** in the sidebar undoes it. Country outlines: Natural Earth "
            "(public domain)."
        )
        reading = position_being_read(table, positions)
        if reading is not None:
            show_event(table.take([reading]).iloc[0])
            here = same_place(table, positions, reading)
            if len(here) > 1:
                st.caption(
                    f"{len(here):,} of the filtered events are drawn on this very spot (their "
                    "markers lie on one another); choose another of them here."
                )
                event_picker(table, here)
finish_page(page)
