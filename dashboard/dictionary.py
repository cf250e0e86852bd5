"""The data dictionary and vocabularies as Markdown, generated from the schema.

The README and the About page both show these tables; generating them from
:mod:`dashboard.schema` keeps one source of truth (a test checks the README).
"""

from __future__ import annotations

from dashboard import schema


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def data_dictionary_markdown() -> str:
    """Columns of the events table: name, required or not, meaning."""
    rows = [
        (
            f"`{column}`",
            "required" if column in schema.REQUIRED_COLUMNS else "optional",
            schema.COLUMN_DESCRIPTIONS[column],
        )
        for column in schema.SCHEMA_COLUMNS
    ]
    return _table(("column", "status", "meaning"), rows)


def precision_markdown() -> str:
    """The date precisions and what each promises."""
    rows = [(f"`{name}`", schema.PRECISION_DESCRIPTIONS[name]) for name in schema.PRECISIONS]
    return _table(("date_precision", "meaning"), rows)


def vocabulary_markdown() -> str:
    """The event-type vocabulary with its PLOVER category and quad class."""
    rows = [(f"`{t.name}`", t.plover, t.quad_class, t.definition) for t in schema.EVENT_TYPES]
    return _table(("event_type", "PLOVER", "quad class", "definition"), rows)


def formats_markdown() -> str:
    """The source formats: name (for ``--from``), what it is, what each column becomes."""
    from dashboard.formats import REGISTRY  # the registry imports the format modules

    rows = [(f"`{f.name}`", f.title, f.summary) for f in REGISTRY]
    return _table(("format", "what", "what each column becomes"), rows)
