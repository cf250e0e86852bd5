"""One event's details below the timeline, as plain text, and the picker that selects it."""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.summary import event_fatalities, own_fields
from dashboard.table import EventTable
from dashboard.workspace import ADDED_BY_COLUMN
from ui import state
from ui.render import field, md_escape

#: The "show details of" picker lists at most this many of the filtered events (about
#: 20 KB of labels; 2,000 were 107 KB on every Timeline run at scale).
MAX_DETAIL_CHOICES = 300
#: A picker label's title is cut to this many characters (the details show it whole).
LABEL_TITLE_CHARS = 120


def event_picker(
    table: EventTable, positions: np.ndarray, matched: int | None = None
) -> pd.Series | None:
    """A select box of the filtered events (keyboard alternative to clicking); its row.

    ``matched``: how many events the filters keep, when ``positions`` are only the
    first of them (a query engine's window); by default all of ``positions``.
    """
    matched = len(positions) if matched is None else matched
    state.restore_widget("event", state.TIMELINE_DETAIL)
    window = positions[:MAX_DETAIL_CHOICES]
    ids = table.events["event_id"].iloc[window].tolist()
    labels = dict(zip(ids, _labels(table, window), strict=True))
    chosen = st.session_state.get(state.TIMELINE_DETAIL)
    if chosen is not None and chosen not in labels:
        # Clicked in the chart but beyond the picker's window: add it, if still filtered in.
        hit = _position_of(table, positions, chosen)
        if hit is None:
            st.caption(
                f"The event {md_escape(chosen)} (from the link) is not among the filtered "
                "events; widen the filters to read it."
            )
            st.session_state[state.TIMELINE_DETAIL] = None
        else:
            ids.insert(0, chosen)
            labels[chosen] = _labels(table, np.asarray([hit]))[0]
    if matched > MAX_DETAIL_CHOICES:
        st.caption(
            f"The list holds the first {MAX_DETAIL_CHOICES:,} of {matched:,} events; "
            "narrow the filters or click an event in the chart to reach the others."
        )
    event_id = st.selectbox(
        "Show details of",
        ids,
        index=None,
        format_func=labels.__getitem__,
        key=state.TIMELINE_DETAIL,
        on_change=partial(state.remember_widget, "event", state.TIMELINE_DETAIL),
        placeholder="Click an event in the chart, or choose one here",
    )
    if event_id is None:
        return None
    hit = _position_of(table, positions, event_id)
    return None if hit is None else table.take(np.asarray([hit])).iloc[0]


def position_being_read(table: EventTable, positions: np.ndarray) -> int | None:
    """The row position of the view's ``event`` (clicked on a chart or from a link) when
    it is among the filtered events, else None."""
    event_id = state.view().get("event")
    return _position_of(table, positions, event_id) if event_id else None


def show_event(row: pd.Series) -> None:
    """Everything an analyst needs to read and cite one event, as plain text."""
    st.subheader(md_escape(row["title"]))
    added_by = str(row.get(ADDED_BY_COLUMN, "") or "").strip()
    if added_by:
        st.badge(f"Workspace · added by {added_by}", icon=":material/edit_note:", color="violet")
    field("Type", row["event_type"])
    st.text(row.get("description", ""))
    field("Actors", _names(row.get("actors", "")))
    field("Recipients", _names(row.get("recipients", "")))
    field("Countries", _names(row.get("countries", "")))
    field("Location", row.get("location", ""))
    deaths = event_fatalities(row)
    if deaths is not None:
        field("Fatalities", f"{deaths:,}")
    field("Date as the source puts it", row.get("date_text", ""))
    span = f"{row['start_date']:%Y-%m-%d}"
    if row["end_date"] != row["start_date"]:
        span += f" to {row['end_date']:%Y-%m-%d}"
    field("Date", f"{span} (precision: {row['date_precision']})")
    field("Date basis", row.get("date_basis", ""))
    field("Notes", row.get("notes", ""))
    citation = str(row.get("source", "")).strip() or "(no source given)"
    paragraphs = _names(row.get("source_paragraph", ""))
    if paragraphs:
        citation += f", paragraph {paragraphs}"
    field("Source", citation)
    field("Event id", row["event_id"])
    own = own_fields(row, hidden=(ADDED_BY_COLUMN,))
    if own.source or own.coded:
        with st.expander(f"The source file's own columns ({len(own.source)})"):
            for label, value in own.source:
                field(label, value)
            if own.coded:
                st.caption("Added on import, not columns of the source file:")
                for label, value in own.coded:
                    field(label, value)


def _labels(table: EventTable, positions: np.ndarray) -> list[str]:
    """ "YYYY-MM-DD · title" of the events at ``positions`` (column-wise: no row frames)."""
    days = np.datetime_as_string(table.start_days[positions].astype("datetime64[D]"))
    titles = table.events["title"].iloc[positions].tolist()
    return [f"{day} · {_cut(title)}" for day, title in zip(days, titles, strict=True)]


def _cut(title: str) -> str:
    return title if len(title) <= LABEL_TITLE_CHARS else title[: LABEL_TITLE_CHARS - 1] + "…"


def _names(cell: object) -> str:
    return ", ".join(part.strip() for part in str(cell or "").split(";") if part.strip())


def _position_of(table: EventTable, positions: np.ndarray, event_id: str) -> int | None:
    """The row position of ``event_id`` among ``positions``, or None."""
    ids = table.events["event_id"].iloc[positions]
    hits = np.flatnonzero((ids == event_id).to_numpy())
    return int(positions[hits[0]]) if len(hits) else None
