"""The Events page's table: the columns analysts read first, in a window bounded in bytes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import schema
from dashboard.table import EventTable
from dashboard.window import CELL_CHARS, Window, display_window
from dashboard.workspace import ADDED_BY_COLUMN
from ui.render import md_escape

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

#: Sent after the leading columns; the rest (date_text, date_basis, notes, extra
#: columns of an own table) are in the download only.
MORE_COLUMNS: tuple[str, ...] = ("description", "source", "event_id")


def table_columns(events: pd.DataFrame) -> list[str]:
    """The columns the table shows: the workspace badge (when the table has workspace
    events), leading columns, then description, source and id."""
    wanted = (ADDED_BY_COLUMN, *LEADING_COLUMNS, *MORE_COLUMNS)
    return [c for c in wanted if c in events.columns]


def show_events_table(
    table: EventTable,
    positions: np.ndarray,
    matched: int | None = None,
) -> None:
    """The first events at ``positions`` that fit the window's byte budget, sortable.

    ``matched``: how many events the filters keep, when ``positions`` are only the
    first of them (a query engine's window); by default all of ``positions``. The
    page offers these events' download (all of them) beside the table.
    """
    window = display_window(table.events, positions, table_columns(table.events))
    matched = window.total if matched is None else matched
    notes = []
    if window.rows < matched:
        notes.append(
            f"Showing the first {window.rows:,} of {matched:,} matching events "
            "(sorting applies to these); narrow the filters to see others."
        )
    if window.cut_cells:
        notes.append(f"Texts longer than {CELL_CHARS:,} characters are cut here (…).")
    notes.append("The download holds all of them with every column" + _left_out(table, window))
    st.caption(" ".join(notes))
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
    config[ADDED_BY_COLUMN] = st.column_config.TextColumn(
        "✎ workspace", help="Added in the analysts' workspace, by this person (empty: the table)"
    )
    st.dataframe(
        window.frame,
        column_order=list(window.frame.columns),
        column_config=config,
        hide_index=True,
        width="stretch",
    )


def _left_out(table: EventTable, window: Window, named: int = 6) -> str:
    """ " (date_text, notes … are only there)." for the columns the window does not send."""
    missing = [c for c in table.events.columns if c not in window.frame.columns]
    if not missing:
        return "."
    listed = ", ".join(md_escape(c) for c in missing[:named])
    more = f" and {len(missing) - named:,} more" if len(missing) > named else ""
    return f" ({listed}{more} only there)."
