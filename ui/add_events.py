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
from dashboard.geography import COUNTRY_BY_NAME
from dashboard.review import (
    NUMBER,
    PARAGRAPH,
    PLACES_IN_CANDIDATES,
    READ_ONLY,
    accepted_records,
    candidate_problems,
    evidence_parts,
    placed_in_candidates,
    review_frame,
)
from dashboard.table import EventTable
from dashboard.unread import unread_dates
from dashboard.workspace import (
    Article,
    NewActor,
    Workspace,
    WorkspaceError,
    new_actors_to_review,
)
from ui.render import md_escape, problems_markdown

# Page-only session keys (prefixed with the page).
ARTICLE = "add_events_article"
PUBLISHED = "add_events_published"
SOURCE = "add_events_source"
WHO = "add_events_who"
CANDIDATES = "add_events_candidates"
FACTS = "add_events_facts"
#: The review table's and the accept list's keys, with the proposal's number appended
#: (:func:`_proposal_key`): the browser keeps a widget's edits and picks while its key
#: stays, and applied them by row to the next article's candidates.
EDITOR = "add_events_editor"
ACCEPTED = "add_events_accepted"
PROPOSAL = "add_events_proposal"
#: Keys of the form that adds an event by hand, one per column it fills.
MANUAL = "add_events_manual_"
#: The article's date words no candidate took (a frame), and the pick that fills the form.
UNREAD = "add_events_unread"
FILL_FROM = "add_events_fill_from"
#: Keys of a proposed name's "New actors to review" form: prefix + field + the name.
NEW_ACTOR = "add_events_new_actor_"
#: What the last added actor's form says after the rerun that makes it known.
ACTOR_ADDED = "add_events_actor_added"
#: Country names to pick a new actor's country from.
COUNTRY_NAMES: tuple[str, ...] = tuple(sorted(COUNTRY_BY_NAME, key=str.casefold))
#: The form's fields an unread date's row fills: the columns of both.
FILLED_FROM_UNREAD: tuple[str, ...] = (
    "start_date",
    "end_date",
    "date_precision",
    "date_text",
    "countries",
    "location",
    "source_paragraph",
)


def _propose(table: EventTable) -> None:
    """Form callback: extract candidates from the pasted article (or say what is missing)."""
    text = st.session_state.get(ARTICLE, "")
    published = st.session_state.get(PUBLISHED, "").strip()
    source = st.session_state.get(SOURCE, "").strip()
    for key in (_proposal_key(ACCEPTED), _proposal_key(EDITOR), UNREAD, FILL_FROM):
        st.session_state.pop(key, None)
    st.session_state[PROPOSAL] = st.session_state.get(PROPOSAL, 0) + 1
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
    candidates = candidates_frame(
        extract_events(text, day, table.directory, source=source), source=source
    )
    st.session_state[CANDIDATES] = candidates
    st.session_state[UNREAD] = unread_dates(text, day, candidates)
    st.session_state[FACTS] = (text, day.isoformat(), source)


def _proposal_key(key: str) -> str:
    """A review widget's key for the current proposal: a new proposal's table and accept
    list start afresh (nothing edited, nothing accepted)."""
    return f"{key}_{st.session_state.get(PROPOSAL, 0)}"


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
        unread_list()
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
        # Where and what the article says stays in sight while the rest scrolls.
        NUMBER: st.column_config.NumberColumn("#", width=40, pinned=True),
        PARAGRAPH: st.column_config.NumberColumn("¶", width=40, pinned=True),
        "evidence": st.column_config.TextColumn("evidence", width="large", pinned=True),
        "date_text": st.column_config.TextColumn("date words", width="medium"),
        "source_paragraph": st.column_config.TextColumn("paragraphs (edit)", width="small"),
    }
    st.text_input(
        "Your name (recorded with each accepted event and added actor)", key=WHO, value="analyst"
    )
    edited = st.data_editor(
        review_frame(candidates),
        key=_proposal_key(EDITOR),
        hide_index=False,
        disabled=list(READ_ONLY),
        column_config=config,
        width="stretch",
    )
    evidence_list(candidates)
    new_actors(table, candidates)
    unread_list()
    manual_form(table)
    labels = {
        i: f"{i + 1}. {edited['title'].iat[i]} ({edited['start_date'].iat[i]})"
        for i in range(len(edited))
    }
    chosen = st.multiselect(
        "Accept these events",
        list(labels),
        format_func=labels.__getitem__,
        key=_proposal_key(ACCEPTED),
    )
    if st.button(
        "Add the accepted events to the workspace",
        disabled=not chosen,
        type="primary",
        icon=":material/library_add:",
    ):
        _save(table, candidates, edited, chosen)


def evidence_list(candidates: pd.DataFrame) -> None:
    """Each candidate's evidence sentence in full, its date words in bold: a table cell
    cuts a sentence at its width (2-3 times the cell's on a published article)."""
    with st.expander(f"Evidence sentences in full ({len(candidates)})", expanded=True):
        st.markdown(
            "\n".join(
                f"{number}. ¶{md_escape(paragraph)}: {md_escape(before)}"
                + (f"**{md_escape(words)}**" if words else "")
                + md_escape(after)
                for number, paragraph, before, words, after in evidence_parts(candidates)
            )
        )


def new_actors(table: EventTable, candidates: pd.DataFrame) -> None:
    """ "New actors to review": each name the candidates propose that no actor of the
    directory or the workspace has, with a form adding it to the workspace's actors."""
    added = st.session_state.pop(ACTOR_ADDED, None)
    proposed = new_actors_to_review(candidates, table.directory)
    if not proposed and added is None:
        return
    st.markdown(f"**New actors to review ({len(proposed)})**")
    if added:
        st.success(added)
    if not proposed:
        return
    st.caption(
        "Names the extractor does not know. Add a real actor to your workspace (check the "
        "name's spelling in the article first): the candidates naming it can then be "
        "accepted, and the next article finds it. A person is proposed from the sentence "
        "but not put among the candidate's parties: say where it goes when you add it, "
        "or write it into the actors or recipients cell. `python -m dashboard "
        "workspace actors -o actors.csv` writes them for data/actors.csv."
    )
    for new in proposed:
        _new_actor_form(table, candidates, new)


def _new_actor_form(table: EventTable, candidates: pd.DataFrame, new: NewActor) -> None:
    """One proposed name's form: kind, country, other names, the candidates to put it
    into as an actor or a recipient (the reviewer picks each: a name several candidates
    propose may be the actor of one and the recipient of another), and the button."""
    told = ", ".join(str(i + 1) for i in new.candidates)
    with st.form(f"{NEW_ACTOR}{new.name}"):
        st.markdown(
            f"**{md_escape(new.name)}** (proposed by candidate"
            f"{'s' if len(new.candidates) > 1 else ''} {told})"
        )
        kind, country, aliases = st.columns(3)
        kind.selectbox(
            "Kind",
            schema.ACTOR_KINDS,
            index=schema.ACTOR_KINDS.index(new.kind) if new.kind else None,
            placeholder="Choose a kind",
            key=f"{NEW_ACTOR}kind_{new.name}",
        )
        country.selectbox(
            "Country",
            COUNTRY_NAMES,
            index=COUNTRY_NAMES.index(new.country) if new.country in COUNTRY_NAMES else None,
            placeholder="None (an international body)",
            key=f"{NEW_ACTOR}country_{new.name}",
        )
        aliases.text_input(
            "Other names",
            help="Other spellings, separated by ;",
            key=f"{NEW_ACTOR}aliases_{new.name}",
        )
        titles = candidates["title"]
        for column, where in zip(PLACES_IN_CANDIDATES, st.columns(2), strict=True):
            where.multiselect(
                f"Put it among the {column} of candidates",
                new.candidates,
                format_func=lambda i: f"{i + 1}. {titles.iat[i]}",
                placeholder="None (they name it already, or I will)",
                key=f"{NEW_ACTOR}{column}_{new.name}",
            )
        if st.form_submit_button(f"Add {new.name} as an actor", icon=":material/person_add:"):
            _add_actor(table, new)


def _add_actor(table: EventTable, new: NewActor) -> None:
    """Add the form's actor to the workspace, put it into the candidates the reviewer
    picked, and rerun (the table's directory then knows it); a refusal is a message
    naming the field, nothing saved."""
    name = new.name
    kind, country, aliases = (
        st.session_state.get(f"{NEW_ACTOR}{field}_{name}") or ""
        for field in ("kind", "country", "aliases")
    )
    who = st.session_state.get(WHO, "")
    try:
        Workspace().add_actor(name, kind, country, aliases, who, table.directory)
    except WorkspaceError as error:
        st.error(problems_markdown(f"{md_escape(name)} was not added:", error.problems))
        return
    placed = []
    for column in PLACES_IN_CANDIDATES:
        picked = st.session_state.get(f"{NEW_ACTOR}{column}_{name}") or []
        before = st.session_state[CANDIDATES]
        after = placed_in_candidates(before, name, column, picked)
        changed = [i + 1 for i in picked if after[column].iat[i] != before[column].iat[i]]
        if changed:
            placed.append(
                f"the {column} of candidate{'s' if len(changed) > 1 else ''} "
                + ", ".join(map(str, changed))
            )
        st.session_state[CANDIDATES] = after
    st.session_state[ACTOR_ADDED] = (
        f"Added {md_escape(name)} to your workspace's actors"
        + (f" and to {' and '.join(placed)}" if placed else "")
        + ": the candidates naming it can be accepted."
    )
    st.rerun()


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


def unread_list() -> None:
    """The article's date words no candidate took, with their sentences: where to look again."""
    unread = st.session_state.get(UNREAD)
    if unread is None or unread.empty:
        return
    st.markdown(f"**Date words no candidate took ({len(unread)})**")
    st.caption(
        "The extractor read no event dated by these words. Read each sentence: where it "
        "tells an event, pick it in the form below to start from its paragraph and dates."
    )
    st.dataframe(
        unread,
        hide_index=True,
        width="stretch",
        column_order=["source_paragraph", "date_text", "sentence", "start_date", "end_date"],
        column_config={
            "source_paragraph": st.column_config.TextColumn("paragraph", width="small"),
            "date_text": st.column_config.TextColumn("date words"),
            "sentence": st.column_config.TextColumn("sentence", width="large"),
        },
    )


def _unread_label(unread, i: int) -> str:
    row = unread.iloc[i]
    sentence = row["sentence"] if len(row["sentence"]) <= 80 else row["sentence"][:79] + "…"
    return f"¶{row['source_paragraph']} {row['date_text']!r} ({row['start_date']}): {sentence}"


def _fill_from_unread() -> None:
    """Selectbox callback: the picked date words' paragraph, dates and countries fill the form."""
    picked = st.session_state.get(FILL_FROM)
    if picked is None:
        return
    row = st.session_state[UNREAD].iloc[picked]
    for column in FILLED_FROM_UNREAD:
        st.session_state[MANUAL + column] = row[column]


def manual_form(table: EventTable) -> None:
    """A form adding an event the extractor missed to the candidates, to accept like them."""
    names = sorted(table.directory.kinds, key=str.casefold)
    unread = st.session_state.get(UNREAD)
    with st.expander(
        "Add an event the extractor missed", expanded=st.session_state.get(FILL_FROM) is not None
    ):
        if unread is not None and not unread.empty:
            st.selectbox(
                "Start from date words no candidate took",
                range(len(unread)),
                index=None,
                format_func=lambda i: _unread_label(unread, i),
                placeholder="Optional: fills the paragraph, dates, countries and place",
                key=FILL_FROM,
                on_change=_fill_from_unread,
            )
        _manual_fields(names)


def _manual_fields(names: list[str]) -> None:
    """The form's fields and its button; ``names``: the directory's actors to pick from."""
    with st.form("add_events_manual", clear_on_submit=True):
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
    records = accepted_records(candidates, edited, chosen)
    problems = candidate_problems(records, chosen, table.directory)
    if problems:  # named by the table's row number, not by the position among the accepted
        st.error(problems_markdown("Nothing was saved:", problems))
        return
    try:  # the article is stored with the events, or (a refusal) neither is
        saved = Workspace().accept(
            records,
            st.session_state.get(WHO, ""),
            table.directory,
            article=Article(*st.session_state[FACTS]),
            taken_ids=table.events["event_id"],
        )
    except WorkspaceError as error:
        st.error(problems_markdown("Nothing was saved:", error.problems))
        return
    st.success(
        f"Added {len(saved)} event{'s' if len(saved) != 1 else ''} to the workspace "
        f"({', '.join(saved)}): they are on the Timeline and in the Events download."
    )


def workspace_summary() -> None:
    """How many events the workspace holds, where, and how to export them."""
    workspace = Workspace()
    try:
        count, _, _ = workspace.version()
    except WorkspaceError as error:  # a file that is no workspace: say so, keep the page
        st.error(problems_markdown("Your workspace cannot be read:", error.problems))
        return
    st.caption(
        f"Your workspace holds {count} event{'s' if count != 1 else ''} "
        f"({md_escape(str(workspace.path))}). Export them with "
        "`python -m dashboard workspace export -o events.csv`."
    )
