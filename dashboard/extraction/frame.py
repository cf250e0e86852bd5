"""Output: the candidates frame (the schema's columns, then evidence, confidence, status and
proposed actors) and an event the analyst adds in review."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from dashboard import schema
from dashboard.extraction.candidate import Candidate

#: Columns a candidates file has after the schema's.
CANDIDATE_COLUMNS: tuple[str, ...] = ("evidence", "confidence", "status", "proposed_actors")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def candidate_title(event_type: str, actors, recipients, status: str = "") -> str:
    """The type, the actors and the recipients. With no actor the title says so: a
    country of the event may be the recipient's ("Meeting: Myanmar with the junta"
    named a party the event does not carry). The review calls it too when a reviewer
    places a proposed name among a candidate's parties."""
    who = ", ".join(actors) or "Unknown actor"
    whom = ", ".join(recipients)
    label = event_type[:1].upper() + event_type[1:]
    title = f"{label}: {who}" + (f" with {whom}" if whom else "")
    return title + (" (expected)" if status == "expected" else "")


def _title(candidate: Candidate) -> str:
    return candidate_title(
        candidate.event_type, candidate.actors, candidate.recipients, candidate.status
    )


def _event_id(event_type: str, actors, countries, start: str) -> str:
    """A candidate's id: its type, first actor (else country, else "event") and start."""
    who = (list(actors) or list(countries) or ["event"])[0]
    return _slug(f"{event_type} {who} {start}")


def candidates_frame(candidates: list[Candidate], source: str = "") -> pd.DataFrame:
    """The candidates as an events table: schema columns, then ``CANDIDATE_COLUMNS``.

    Titles and descriptions are generated from the fields, never taken from the
    article; the sentence itself is in ``evidence`` for the reviewer.
    """
    rows = []
    seen: dict[str, int] = {}
    for candidate in candidates:
        base = _event_id(
            candidate.event_type,
            candidate.actors,
            candidate.countries,
            candidate.span.start.isoformat(),
        )
        seen[base] = seen.get(base, 0) + 1
        event_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        latitude, longitude = (
            (f"{candidate.coordinates[0]:.3f}", f"{candidate.coordinates[1]:.3f}")
            if candidate.coordinates
            else ("", "")
        )
        proposed = ", ".join(candidate.proposed_actors)
        rows.append(
            {
                "event_id": event_id,
                "start_date": candidate.span.start.isoformat(),
                "end_date": candidate.span.end.isoformat(),
                "date_precision": candidate.span.precision,
                "event_type": candidate.event_type,
                "title": _title(candidate),
                "date_text": candidate.date_text,
                "description": f"Candidate {candidate.event_type} event proposed from "
                f"paragraph {candidate.paragraph} (action word '{candidate.trigger}'); "
                "review before use.",
                "actors": schema.LIST_SEPARATOR.join(candidate.actors),
                "recipients": schema.LIST_SEPARATOR.join(candidate.recipients),
                "countries": schema.LIST_SEPARATOR.join(candidate.countries),
                "location": candidate.location,
                "source": source,
                "source_paragraph": str(candidate.paragraph),
                "date_basis": "article",
                "notes": "Extracted automatically"
                + (f"; names to review as new actors: {proposed}" if proposed else "")
                + ".",
                "latitude": latitude,
                "longitude": longitude,
                "evidence": candidate.evidence,
                "confidence": f"{candidate.confidence:.2f}",
                "status": candidate.status,
                "proposed_actors": schema.LIST_SEPARATOR.join(candidate.proposed_actors),
            }
        )
    return pd.DataFrame(rows, columns=[*schema.SCHEMA_COLUMNS, *CANDIDATE_COLUMNS], dtype="str")


#: The ``status`` of an event the analyst adds in review: no sentence proposed it.
ADDED_STATUS = "added by the analyst"


def added_candidate(fields: Mapping[str, str], source: str = "") -> pd.DataFrame:
    """One event the analyst adds in review (the extractor missed it), as a candidates row.

    The columns of :func:`candidates_frame`, its id made as theirs are; an empty end is
    the start (one day or period), the basis is the article. It is checked as the
    candidates are when accepted (:func:`dashboard.workspace.check_events`), not here.
    """
    row = {c: str(fields.get(c) or "").strip() for c in schema.SCHEMA_COLUMNS}
    row["end_date"] = row["end_date"] or row["start_date"]
    row["event_id"] = row["event_id"] or _event_id(
        row["event_type"],
        schema.split_list(row["actors"]),
        schema.split_list(row["countries"]),
        row["start_date"],
    )
    row["source"] = source
    row["date_basis"] = row["date_basis"] or "article"
    paragraph = row["source_paragraph"]
    row["description"] = row["description"] or (
        f"Added by the analyst in review{f', from paragraph {paragraph}' if paragraph else ''}."
    )
    row["notes"] = row["notes"] or "Added by hand: the extractor did not propose it."
    extra = {"evidence": "", "confidence": "", "status": ADDED_STATUS, "proposed_actors": ""}
    columns = [*schema.SCHEMA_COLUMNS, *CANDIDATE_COLUMNS]
    return pd.DataFrame([{**row, **extra}], columns=columns, dtype="str")
