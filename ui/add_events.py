"""The "Add events" page: paste an article, review the candidates, keep the accepted ones.

Thin UI over :mod:`dashboard.extraction` (the candidates) and :mod:`dashboard.workspace`
(where accepted events are kept); every check and message comes from there.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import schema
from dashboard.extraction import added_candidate, candidates_frame, extract_events
from dashboard.table import EventTable
from dashboard.workspace import Workspace, WorkspaceError, check_events
from ui.render import md_escape

# Page-only session keys (prefixed with the page).
ARTICLE = "add_events_article"
PUBLISHED = "add_events_published"
SOURCE = "add_events_source"
WHO = "add_events_who"
CANDIDATES = "add_events_candidates"
FACTS = "add_events_facts"
EDITOR = "add_events_editor"
ACCEPTED = "add_events_accepted"
#: Keys of the form that adds an event by hand, one per column it fills.
MANUAL = "add_events_manual_"

#: What the reviewer sees and may edit, in order; evidence and confidence are read-only.
REVIEW_COLUMNS: tuple[str, ...] = (
    "title",
    "event_type",
    "start_date",
    "end_date",
    "date_precision",
    "date_text",
    "actors",
    "recipients",
    "countries",
    "location",
    "source_paragraph",
    "evidence",
    "confidence",
    "status",
    "proposed_actors",
)
READ_ONLY = ("evidence", "confidence", "status", "proposed_actors")


def _propose(table: EventTable) -> None:
    """Form callback: extract candidates from the pasted article (or say what is missing)."""
    text = st.session_state.get(ARTICLE, "")
    published = st.session_state.get(PUBLISHED, "").strip()
    source = st.session_state.get(SOURCE, "").strip()
    st.session_state.pop(ACCEPTED, None)
    st.session_state.pop(EDITOR, None)
    if not text.strip():
        st.session_state[CANDIDATES] = "Paste the article's text first."
        return
    try:
        day = dt.date.fromisoformat(published)
    except ValueError:
        st.session_state[CANDIDATES] = (
            f"The publication date {published!r} is not a date in the form YYYY-MM-DD "
            "(relative dates in the text are read against it)."
        )
        return
    candidates = extract_events(text, day, table.directory, source=source)
    st.session_state[CANDIDATES] = candidates_frame(candidates, source=source)
    st.session_state[FACTS] = (text, day.isoformat(), source)


def article_form(table: EventTable) -> None:
    """The article, its publication date and citation, and the button that proposes events."""
    with st.form("add_events_form"):
        st.text_area("Article text", height=220, key=ARTICLE, placeholder="Paste the article")
        left, right = st.columns([1, 3])
        left.text_input("Publication date", key=PUBLISHED, placeholder="YYYY-MM-DD")
        right.text_input(
            "Citation", key=SOURCE, placeholder='Publisher, "Headline", author, YYYY-MM-DD'
        )
        st.form_submit_button(
            "Propose events", on_click=_propose, args=(table,), icon=":material/search:"
        )


def review(table: EventTable) -> None:
    """The candidates in an editable table; the analyst picks which to accept."""
    candidates = st.session_state.get(CANDIDATES)
    if candidates is None:
        return
    if isinstance(candidates, str):
        st.error(candidates)
        return
    if candidates.empty:
        st.info(
            "No candidate events: no action word of ours with a date was found. Add the "
            "events you read in the article below."
        )
        manual_form(table)
        return
    st.subheader("Review the candidates")
    st.caption(
        f"{len(candidates)} candidate events, each with the sentence it comes from. Edit "
        "any cell, add an event the extractor missed (below the table), then choose the "
        "events to accept; the others are rejected."
    )
    config = {
        "event_type": st.column_config.SelectboxColumn(
            "event_type", options=list(schema.EVENT_TYPE_NAMES), required=True
        ),
        "date_precision": st.column_config.SelectboxColumn(
            "date_precision", options=list(schema.PRECISIONS), required=True
        ),
        "evidence": st.column_config.TextColumn("evidence", width="large"),
    }
    edited = st.data_editor(
        candidates[list(REVIEW_COLUMNS)],
        key=EDITOR,
        hide_index=True,
        disabled=list(READ_ONLY),
        column_config=config,
        width="stretch",
    )
    manual_form(table)
    labels = {
        i: f"{i + 1}. {edited['title'].iat[i]} ({edited['start_date'].iat[i]})"
        for i in range(len(edited))
    }
    chosen = st.multiselect(
        "Accept these events", list(labels), format_func=labels.__getitem__, key=ACCEPTED
    )
    st.text_input("Your name (recorded with each accepted event)", key=WHO, value="analyst")
    if st.button(
        "Add the accepted events to the workspace",
        disabled=not chosen,
        type="primary",
        icon=":material/library_add:",
    ):
        _save(table, candidates, edited, chosen)


#: The form's text fields before the type (column, label, help); actors and recipients
#: are picked from the directory instead.
_MANUAL_HEAD: tuple[tuple[str, str, str], ...] = (
    ("title", "Title", "In your own words, not the article's."),
    ("start_date", "Start date", "YYYY-MM-DD"),
    ("end_date", "End date", "YYYY-MM-DD; empty for the start date"),
)
#: The form's text fields after the type, precision and participants.
_MANUAL_TAIL: tuple[tuple[str, str, str], ...] = (
    ("date_text", "Date words", "The article's own words for the date"),
    ("countries", "Countries of the event", "Separated by ;"),
    ("location", "Location", ""),
    ("source_paragraph", "Paragraph", "The paragraph it is told in"),
)


def manual_form(table: EventTable) -> None:
    """A form adding an event the extractor missed to the candidates, to accept like them."""
    names = sorted(table.directory.kinds, key=str.casefold)
    with (
        st.expander("Add an event the extractor missed"),
        st.form("add_events_manual", clear_on_submit=True),
    ):
        for column, label, help_text in _MANUAL_HEAD:
            st.text_input(label, key=MANUAL + column, help=help_text or None)
        left, right = st.columns(2)
        left.selectbox(
            "Event type",
            schema.EVENT_TYPE_NAMES,
            index=None,
            placeholder="Choose a type",
            key=MANUAL + "event_type",
        )
        right.selectbox("Date precision", schema.PRECISIONS, key=MANUAL + "date_precision")
        st.multiselect("Actors of the event", names, key=MANUAL + "actors")
        st.multiselect("Recipients of the event", names, key=MANUAL + "recipients")
        for column, label, help_text in _MANUAL_TAIL:
            st.text_input(label, key=MANUAL + column, help=help_text or None)
        st.form_submit_button("Add to the candidates", on_click=_add_manual, icon=":material/add:")


def _add_manual() -> None:
    """Form callback: the filled event joins the candidates (checked when accepted)."""
    fields = {}
    for key in [k for k in st.session_state if str(k).startswith(MANUAL)]:
        value = st.session_state[key]
        fields[key.removeprefix(MANUAL)] = (
            schema.LIST_SEPARATOR.join(value) if isinstance(value, list) else value
        )
    source = st.session_state.get(FACTS, ("", "", ""))[2]
    candidates = st.session_state[CANDIDATES]
    added = added_candidate(fields, source=source)
    st.session_state[CANDIDATES] = pd.concat([candidates, added], ignore_index=True)


def _save(table: EventTable, candidates, edited, chosen: list[int]) -> None:
    records = []
    for i in chosen:
        record = {**candidates.iloc[i].to_dict(), **edited.iloc[i].to_dict()}
        records.append({c: record.get(c, "") for c in schema.SCHEMA_COLUMNS})
    text, published, source = st.session_state[FACTS]
    who = st.session_state.get(WHO, "")
    workspace = Workspace()
    try:
        check_events(records, table.directory)  # before the article is stored
        article = workspace.add_article(text, published, source, who)
        saved = workspace.accept(
            records,
            who,
            table.directory,
            article_id=article,
            taken_ids=table.events["event_id"],
        )
    except WorkspaceError as error:
        st.error(
            "Nothing was saved:\n\n" + "\n".join(f"- {md_escape(str(p))}" for p in error.problems)
        )
        return
    st.success(
        f"Added {len(saved)} event{'s' if len(saved) != 1 else ''} to the workspace "
        f"({', '.join(saved)}): they are on the Timeline and in the Events download."
    )


def workspace_summary() -> None:
    """How many events the workspace holds, where, and how to export them."""
    workspace = Workspace()
    count, _ = workspace.version()
    st.caption(
        f"Your workspace holds {count} event{'s' if count != 1 else ''} "
        f"({md_escape(str(workspace.path))}). Export them with "
        "`python -m dashboard workspace export -o events.csv`."
    )
