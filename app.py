"""Timeline, the landing page, and the Streamlit entrypoint (`streamlit run app.py`).

The other pages live in pages/ (Streamlit's classic multipage convention); every page
calls the same sidebar through ui.page.open_page, so filters and URL behave alike.
"""

import streamlit as st

from dashboard.timeline import LANES, build_timeline
from ui import state
from ui.details import event_picker, remember_clicked_event, show_event
from ui.page import open_page, show_if_empty

LANE_LABELS = {"country": "Country", "actor": "Actor", "event_type": "Event type"}

page = open_page("Timeline")
if not show_if_empty(page):
    lane = st.radio(
        "Lanes by",
        LANES,
        format_func=lambda value: LANE_LABELS.get(value, value),
        horizontal=True,
        key=state.TIMELINE_LANE,
    )
    st.plotly_chart(
        build_timeline(page.table, page.positions, lane),
        key=state.TIMELINE_CHART,
        on_select=remember_clicked_event,
        selection_mode="points",
    )
    row = event_picker(page.table, page.positions)
    if row is not None:
        show_event(row)
