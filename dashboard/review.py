"""The Add events page's review table: the candidates as the analyst reads and edits them,
and the accepted rows back as the workspace's records (Streamlit-free; ``ui.add_events``
draws it).

The analyst reads each candidate's evidence sentence and date words first, beside its
paragraph, then what was read from them; every candidate keeps its number (the table's
row number, the accept list's ``1.``, ``2.``...) whatever column the table is sorted by,
and a refused edit is named by that row and its column.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard import schema
from dashboard.actors import ActorDirectory
from dashboard.extraction import frame as extraction_frame
from dashboard.problems import Problem
from dashboard.workspace import WorkspaceError, check_events

#: A candidate's first paragraph as a number: sorts 2 before 10 (the text column sorts "10"
#: before "2"); read-only, the ``source_paragraph`` text ("3;4") is the one edited.
PARAGRAPH = "paragraph"
#: What the reviewer sees, in order: where and what the article says (paragraph, evidence,
#: date words), then what was read from it, which the reviewer may edit.
REVIEW_COLUMNS: tuple[str, ...] = (
    PARAGRAPH,
    "evidence",
    "date_text",
    "start_date",
    "end_date",
    "date_precision",
    "event_type",
    "title",
    "actors",
    "recipients",
    "proposed_actors",
    "countries",
    "location",
    "source_paragraph",
    "status",
    "confidence",
)
READ_ONLY: tuple[str, ...] = (PARAGRAPH, "evidence", "proposed_actors", "status", "confidence")
#: The row numbers' name (the table's index).
NUMBER = "candidate"


def review_frame(candidates: pd.DataFrame) -> pd.DataFrame:
    """``candidates`` (:func:`dashboard.extraction.candidates_frame`) as the review table:
    :data:`REVIEW_COLUMNS`, indexed by candidate number from 1."""
    frame = candidates.reindex(columns=[c for c in REVIEW_COLUMNS if c != PARAGRAPH]).copy()
    first = candidates["source_paragraph"].astype("str").str.extract(r"(\d+)", expand=False)
    frame.insert(0, PARAGRAPH, pd.to_numeric(first).astype("Int64").to_numpy())
    frame.index = pd.RangeIndex(1, len(frame) + 1, name=NUMBER)
    return frame


def accepted_records(
    candidates: pd.DataFrame, edited: pd.DataFrame, chosen: Sequence[int]
) -> list[dict[str, str]]:
    """The schema records of the candidates at positions ``chosen`` (0-based), with the
    reviewer's edits (``edited``: :func:`review_frame`'s table as edited); a cleared cell
    is empty text."""
    records = []
    for i in chosen:
        record = {**candidates.iloc[i].to_dict(), **edited.iloc[i].to_dict()}
        records.append({c: _text(record.get(c)) for c in schema.SCHEMA_COLUMNS})
    return records


def candidate_problems(
    records: Sequence[dict[str, str]], chosen: Sequence[int], directory: ActorDirectory
) -> list[Problem]:
    """Every problem of the accepted ``records`` (candidates at positions ``chosen``), each
    named by its candidate's row number in the review table and its column: the
    workspace's own check (:func:`dashboard.workspace.check_events`) of each record."""
    problems = []
    for i, record in zip(chosen, records, strict=True):
        try:
            check_events([record], directory)
        except WorkspaceError as error:
            problems += [Problem(i + 1, p.column, p.message) for p in error.problems]
    return problems


#: Where a reviewed name goes in the candidates the analyst picks: a party column.
PLACES_IN_CANDIDATES: tuple[str, ...] = ("actors", "recipients")


def placed_in_candidates(
    candidates: pd.DataFrame, name: str, column: str, positions: Sequence[int]
) -> pd.DataFrame:
    """The candidates with ``name`` added to ``column`` (``actors`` or ``recipients``) of
    each candidate at ``positions`` (0-based) that does not name it already, and the
    title the extractor made of its parties made again of the new ones.

    The extractor proposes a name it does not know from the sentence without putting it
    among the candidate's parties; once the reviewer has added it as an actor, this puts
    it where the reviewer says, into the candidates the reviewer picks: a name several
    candidates propose is the actor of one and the recipient of another ("X met Y",
    "Y met Z"). A title that is not the extractor's (an event added by hand) is kept.
    A new frame: ``candidates`` is not changed.
    """
    if column not in PLACES_IN_CANDIDATES:
        raise ValueError(f"{column!r} is not one of {', '.join(PLACES_IN_CANDIDATES)}")
    placed = candidates.copy()
    at = {c: placed.columns.get_loc(c) for c in (column, "title")}
    for position in positions:
        row = placed.iloc[position]
        parties = {c: schema.split_list(str(row[c])) for c in PLACES_IN_CANDIDATES}
        if any(name in names for names in parties.values()):
            continue
        made = extractor_title(row, parties)
        parties[column] = [*parties[column], name]
        placed.iloc[position, at[column]] = schema.LIST_SEPARATOR.join(parties[column])
        if str(row["title"]) == made:
            placed.iloc[position, at["title"]] = extractor_title(row, parties)
    return placed


def extractor_title(row: pd.Series, parties: dict[str, list[str]]) -> str:
    """The title the extractor gives a candidate of ``row``'s type and status with these
    ``parties`` (actors and recipients): its own rule, called, not a copy."""
    return extraction_frame.candidate_title(
        str(row["event_type"]),
        parties["actors"],
        parties["recipients"],
        str(row.get("status", "")),
    )


def evidence_parts(candidates: pd.DataFrame) -> list[tuple[int, str, str, str, str]]:
    """Per candidate: (number, paragraphs, evidence before its date words, the date words
    as the sentence writes them, the rest); date words the sentence does not hold (a
    date told in another sentence) leave the sentence whole, words and rest empty."""
    parts = []
    for number, (paragraph, evidence, words) in enumerate(
        candidates[["source_paragraph", "evidence", "date_text"]].itertuples(index=False), 1
    ):
        sentence, words = _text(evidence), _text(words)
        at = sentence.casefold().find(words.casefold()) if words else -1
        if at < 0:
            parts.append((number, _text(paragraph), sentence, "", ""))
        else:
            end = at + len(words)
            parts.append(
                (number, _text(paragraph), sentence[:at], sentence[at:end], sentence[end:])
            )
    return parts


def _text(value: object) -> str:
    """A cell as the workspace's text: empty for a cleared (None or NA) cell."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)
