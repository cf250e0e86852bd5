"""The column-mapping form for an upload no format recognises: pick, preview, load.

The same :class:`dashboard.mapping.ColumnMapping` as ``convert --map/--set``: each of our
columns from one of the table's (``when`` reads free-text dates and ranges), or a fixed
event type for every row. The preview converts the table as mapped and shows its first
events or its problems; **Load** opens it like any upload.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import schema
from dashboard.importing import load_any_frame, table_columns
from dashboard.mapping import ACTOR_COUNTRY, WHEN, ColumnMapping, guess_columns
from dashboard.problems import EventsFileError, format_grouped_problems
from ui import state
from ui.render import md_escape

#: Our columns the form offers, with what each asks for.
FIELDS: dict[str, str] = {
    WHEN: "Date or date range (free text)",
    "title": "Title",
    "event_type": "Event type",
    "actors": "Actors",
    ACTOR_COUNTRY: "Country of the actors",
    "recipients": "Recipients",
    "countries": "Countries",
    "location": "Location",
    "description": "Description",
    "source": "Source",
    "event_id": "Event id (else the row number)",
}
#: Fixed values for every event the form offers (``--set``), with what each asks for.
FIXED: dict[str, str] = {
    "event_type": "Event type for every event (when no column holds it)",
    schema.TYPE_VOCABULARY_COLUMN: "Vocabulary of the types, if they are not ours (e.g. CAMEO)",
    "actors": "Actors of every event (when no column holds them)",
    ACTOR_COUNTRY: "Country of the actors of every event, e.g. United States",
}
NONE = "(none)"
PREVIEW_ROWS = 5


def pending() -> tuple[str, bytes] | None:
    """The upload waiting for its mapping: (file name, bytes)."""
    return st.session_state.get(state.UPLOAD_MAPPING)


def _guess(ours: str, columns: list[str]) -> int:
    """Preselect the column the table's headers suggest (mapping.guess_columns), else none."""
    guessed = guess_columns(columns).get(ours)
    return columns.index(guessed.column) + 1 if guessed else 0


def chosen_mapping(columns: list[str]) -> ColumnMapping:
    """The mapping the form's widgets hold."""
    picked = {ours: st.session_state.get(f"{state.MAPPING_WIDGET}{ours}", NONE) for ours in FIELDS}
    values = {}
    for ours in FIXED:
        fixed = st.session_state.get(f"{state.MAPPING_WIDGET}set_{ours}", "").strip()
        if fixed and picked.get(ours, NONE) == NONE:  # a picked column wins
            values[ours] = fixed
    return ColumnMapping(
        {ours: theirs for ours, theirs in picked.items() if theirs not in (NONE, None)}, values
    )


@st.cache_data(max_entries=2, show_spinner=False)
def _columns_of(data: bytes) -> tuple[str, ...]:
    """The upload's column names as the mapping reads them, read once per upload: finding
    them reads the whole table (is an unnamed column empty in every row?), and the form
    runs again on every pick."""
    return table_columns(data)


def show_mapping_form(open_upload) -> None:
    """The form, when an upload waits for its mapping; ``open_upload`` loads it."""
    waiting = pending()
    if waiting is None:
        return
    name, data = waiting
    columns = list(_columns_of(data))
    with st.container(border=True):
        st.subheader(f"Map the columns of {md_escape(name)}")
        st.caption(
            "For each of our columns, pick the column of your table that holds it. "
            "The date column may hold free text such as November 19, 2012 or "
            "January 29–February 7, 1909."
        )
        guesses = guess_columns(columns)
        grid = st.columns(2)
        for i, (ours, label) in enumerate(FIELDS.items()):
            guessed = guesses.get(ours)
            grid[i % 2].selectbox(
                label if guessed is None or guessed.sure else f"{label} (guessed)",
                [NONE, *columns],
                index=_guess(ours, columns),
                key=f"{state.MAPPING_WIDGET}{ours}",
                help=guessed.why if guessed else None,
            )
        for i, (ours, label) in enumerate(FIXED.items()):
            grid[i % 2].text_input(label, key=f"{state.MAPPING_WIDGET}set_{ours}")
        mapping = chosen_mapping(columns)
        st.markdown("**Preview**")
        try:
            frame, _ = load_any_frame(data, mapping=mapping)
        except EventsFileError as error:
            st.text("\n".join(format_grouped_problems(error.problems, limit=10)))
            ready = False
        else:
            shown = frame.head(PREVIEW_ROWS)[list(schema.REQUIRED_COLUMNS)].copy()
            for column in schema.DATE_COLUMNS:
                shown[column] = pd.to_datetime(shown[column]).dt.strftime("%Y-%m-%d")
            st.dataframe(shown, hide_index=True)
            st.caption(f"{len(frame):,} events.")
            ready = True
        left, right = st.columns(2)
        left.button(
            "Load with this mapping",
            disabled=not ready,
            on_click=open_upload,
            args=(name, data, mapping),
            key=f"{state.MAPPING_WIDGET}load",
            type="primary",
        )
        right.button("Cancel", on_click=_cancel, key=f"{state.MAPPING_WIDGET}cancel")


def _cancel() -> None:
    st.session_state.pop(state.UPLOAD_MAPPING, None)
