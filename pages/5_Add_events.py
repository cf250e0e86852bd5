"""Add events: paste an article, review candidate events, keep the accepted ones."""

import streamlit as st

from ui.add_events import article_form, review, workspace_summary
from ui.page import finish_page, open_page

page = open_page("Add events")
st.caption(
    "Paste a news article with its publication date and citation: candidate events are "
    "proposed with the sentence each comes from. Accepted events join your workspace and "
    "show on every page, marked ✎ workspace."
)
if page.table is None:
    # The resolver checks candidates against the table in memory (its actors and ids).
    st.info(
        "Adding events from an article works on the in-memory engine: this table is served "
        f"by the {page.engine.name} engine (ENGINE). Unset ENGINE to add events to it."
    )
else:
    article_form(page.table)
    review(page.table)
    workspace_summary()
finish_page(page)
