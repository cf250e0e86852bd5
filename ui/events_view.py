"""The Events page's table: the columns analysts read first, in a bounded window."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import schema
from dashboard.table import EventTable

#: The columns an analyst reads first, in order; every other column follows them.
LEADING_COLUMNS: tuple[str, ...] = (
    "start_date",
    "end_date",
    "date_precision",
    "event_type",
    "title",
    "actors",
    "recipients",
    "countries",
    "location",
    "source_paragraph",
)

#: At most this many rows go to the browser (the download holds every filtered row).
MAX_TABLE_ROWS = 5_000


def table_columns(events: pd.DataFrame) -> list[str]:
    """Leading columns first, then the rest of the frame's columns in their order."""
    leading = [c for c in LEADING_COLUMNS if c in events.columns]
    return leading + [c for c in events.columns if c not in leading]


def show_events_table(table: EventTable, positions: np.ndarray) -> None:
    """The first :data:`MAX_TABLE_ROWS` events at ``positions``, sortable, as plain cells."""
    window = table.take(positions[:MAX_TABLE_ROWS])
    if len(positions) > MAX_TABLE_ROWS:
        st.caption(
            f"Showing the first {MAX_TABLE_ROWS:,} of {len(positions):,} matching events "
            "(sorting applies to these). Narrow the filters to see others; "
            "the download holds all of them."
        )
    config = {
        column: st.column_config.DateColumn(column, format="YYYY-MM-DD")
        for column in schema.DATE_COLUMNS
    }
    config.update(
        {
            column: st.column_config.TextColumn(column, help=help_text)
            for column, help_text in schema.COLUMN_DESCRIPTIONS.items()
            if column not in schema.DATE_COLUMNS
        }
    )
    st.dataframe(
        window,
        column_order=table_columns(window),
        column_config=config,
        hide_index=True,
        width="stretch",
    )
