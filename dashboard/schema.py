"""The event table's schema: columns, vocabularies and the event-type mapping.

This module is the single owner of what a column means. Everything else (loader,
filters, figures, pages, README data dictionary) reads from here.
"""

from __future__ import annotations

from dataclasses import dataclass

LIST_SEPARATOR = ";"

#: Columns every events file must have (values may be checked further below).
REQUIRED_COLUMNS: tuple[str, ...] = (
    "event_id",
    "start_date",
    "end_date",
    "date_precision",
    "event_type",
    "title",
)

#: Documented columns a file may omit; the loader adds them empty so the model
#: always sees the full schema.
OPTIONAL_COLUMNS: tuple[str, ...] = (
    "date_text",
    "description",
    "actors",
    "recipients",
    "countries",
    "location",
    "source",
    "source_paragraph",
    "date_basis",
    "notes",
    "latitude",
    "longitude",
)

#: The schema columns in their canonical order; extra columns follow them.
SCHEMA_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

#: Required columns whose value must not be empty.
NON_EMPTY_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS

#: Columns holding ;-separated lists.
LIST_COLUMNS: tuple[str, ...] = ("actors", "recipients", "countries")

#: Columns holding dates (ISO 8601, YYYY-MM-DD).
DATE_COLUMNS: tuple[str, ...] = ("start_date", "end_date")

#: Human-readable meaning of each column (README data dictionary and About page).
COLUMN_DESCRIPTIONS: dict[str, str] = {
    "event_id": "Stable, unique, readable slug, e.g. `lavrov-visits-myanmar-2022-08-03`.",
    "start_date": "First day the event may have happened (ISO date, inclusive).",
    "end_date": "Last day the event may have happened (ISO date, inclusive).",
    "date_precision": "How exactly the span is known: day, week, month or year.",
    "event_type": "One term of the event-type vocabulary (see below).",
    "title": "Short title, in our own words.",
    "date_text": "The source's own few words for the date, e.g. `last month`; where its "
    "sentence has none, the nearest words that date it (see notes).",
    "description": "One or two sentences, in our own words.",
    "actors": "`;`-separated initiating actors: the visitor, the speaker, the one who acts.",
    "recipients": "`;`-separated actors acted upon, or hosting.",
    "countries": "`;`-separated countries involved.",
    "location": "Place, where known.",
    "source": "Citation of the source (publisher, headline, author, date).",
    "source_paragraph": "Paragraph number(s) of the source the event comes from (`;`-separated).",
    "date_basis": "`article` if the dates follow from the source's words alone; "
    "`public record` if public knowledge narrows or corrects them (see notes).",
    "notes": "Caveats: how the date was read, what the source leaves open.",
    "latitude": "Latitude of `location` in decimal degrees (WGS84, -90 to 90; north positive); "
    "empty when unknown. Given together with `longitude`.",
    "longitude": "Longitude of `location` in decimal degrees (WGS84, -180 to 180; east "
    "positive); empty when unknown. Given together with `latitude`.",
}

#: Extra column naming the vocabulary of a row's event type when it is outside ours
#: (``ACLED``, ``CAMEO``, ``UCDP``...): such a type is kept as given, valid, and shown
#: in a colour of its own (:func:`dashboard.colours.event_type_colours`). Imports write
#: it; a row without it must use our vocabulary.
TYPE_VOCABULARY_COLUMN = "type_vocabulary"

#: Extra column with the quad class of a type outside ours, where its format defines one.
QUAD_CLASS_COLUMN = "quad_class"


#: Coordinate columns and the largest absolute value each may hold (WGS84 degrees).
COORDINATE_BOUNDS: dict[str, float] = {"latitude": 90.0, "longitude": 180.0}

#: The accepted spelling of a coordinate: a plain decimal number (ASCII digits, optional
#: sign and fraction; no exponent, no "nan"/"inf"), so every reader reads the same value.
COORDINATE_PATTERN = r"[+-]?[0-9]{1,3}(?:\.[0-9]+)?"

PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")

#: A week-precision span covers at most this many days (end - start < this).
MAX_WEEK_SPAN_DAYS = 14

PRECISION_DESCRIPTIONS: dict[str, str] = {
    "day": "Start and end are known to the day (a multi-day event spans its days).",
    "week": f"The event lies within a span of up to {MAX_WEEK_SPAN_DAYS} days, "
    "e.g. `early July` = 1-10 July.",
    "month": "Known to the month: the span covers whole calendar months.",
    "year": "Known to the year: the span covers whole calendar years.",
}

DATE_BASES: tuple[str, ...] = ("", "article", "public record")

QUAD_CLASSES: tuple[str, ...] = (
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)

#: Quad classes that count as cooperation (the rest are conflict).
COOPERATION_QUADS: frozenset[str] = frozenset(QUAD_CLASSES[:2])


@dataclass(frozen=True)
class EventType:
    """One term of the controlled event-type vocabulary and its PLOVER mapping."""

    name: str
    plover: str
    quad_class: str
    definition: str

    @property
    def is_cooperation(self) -> bool:
        return self.quad_class in COOPERATION_QUADS


#: The controlled vocabulary, mapped in one table to PLOVER categories and quad
#: classes (PLOVER codebook, Open Event Data Alliance).
EVENT_TYPES: tuple[EventType, ...] = (
    EventType(
        "visit",
        "CONSULT",
        "verbal cooperation",
        "An official visit to another country.",
    ),
    EventType("meeting", "CONSULT", "verbal cooperation", "Talks between two parties."),
    EventType(
        "multilateral meeting",
        "CONSULT",
        "verbal cooperation",
        "A summit, forum or conference of three or more parties.",
    ),
    EventType(
        "statement of support",
        "SUPPORT",
        "verbal cooperation",
        "Public backing, praise or endorsement of another party or its position.",
    ),
    EventType(
        "agreement",
        "AGREE",
        "verbal cooperation",
        "A signed or announced agreement or pledge.",
    ),
    EventType(
        "military cooperation",
        "COOPERATE",
        "material cooperation",
        "Defence talks, exercises, attendance at military events, training.",
    ),
    EventType(
        "arms transfer",
        "AID",
        "material cooperation",
        "Sale or supply of weapons, munitions or military equipment.",
    ),
    EventType(
        "condemnation",
        "ACCUSE",
        "verbal conflict",
        "Public criticism, denunciation or accusation.",
    ),
    EventType(
        "sanction/embargo call",
        "DEMAND",
        "verbal conflict",
        "A call on others to impose sanctions, an embargo or isolation.",
    ),
    EventType("protest", "PROTEST", "verbal conflict", "Demonstration, strike or boycott."),
    EventType(
        "sanction",
        "SANCTION",
        "material conflict",
        "Imposed sanctions, embargo, or reduced relations.",
    ),
    EventType(
        "coup",
        "COERCE",
        "material conflict",
        "Seizure of state power by the military or another faction.",
    ),
    EventType(
        "repression/execution",
        "ASSAULT",
        "material conflict",
        "Executions or other violent repression of opponents by the state.",
    ),
    EventType(
        "violence against civilians",
        "ASSAULT",
        "material conflict",
        "Killing or injuring unarmed civilians.",
    ),
    EventType(
        "armed clash",
        "ASSAULT",
        "material conflict",
        "Fighting between armed groups, shelling, air strikes.",
    ),
)

EVENT_TYPE_NAMES: tuple[str, ...] = tuple(t.name for t in EVENT_TYPES)
EVENT_TYPES_BY_NAME: dict[str, EventType] = {t.name: t for t in EVENT_TYPES}

ACTOR_KINDS: tuple[str, ...] = ("person", "government", "military", "organisation")


def split_list(value: str) -> list[str]:
    """Split a ;-separated cell into trimmed, non-empty items."""
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
