"""Shared fixtures: small events and actors tables written in code.

Use :func:`event_row` for one valid row (override any field), :func:`csv_bytes`
to turn rows into CSV bytes exactly as a file would hold them, and the
``write_events`` / ``write_actors`` fixtures to put such files under ``tmp_path``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pytest

#: One valid event; every schema column is set so tests can see each field come back.
VALID_EVENT: dict[str, str] = {
    "event_id": "lavrov-visits-myanmar",
    "start_date": "2022-08-03",
    "end_date": "2022-08-04",
    "date_precision": "day",
    "event_type": "visit",
    "title": "Lavrov visits Naypyitaw",
    "date_text": "on Wednesday",
    "description": "The Russian foreign minister arrives for talks.",
    "actors": "Sergei Lavrov",
    "recipients": "Min Aung Hlaing;Wunna Maung Lwin",
    "countries": "Russia;Myanmar",
    "location": "Naypyitaw",
    "source": "Example News, 2022-08-05",
    "source_paragraph": "1;2",
    "date_basis": "article",
    "notes": "",
}

#: A small actors directory matching the names used in the fixtures.
ACTORS: list[dict[str, str]] = [
    {"actor": "Sergei Lavrov", "kind": "person", "country": "Russia", "aliases": "Lavrov"},
    {
        "actor": "Min Aung Hlaing",
        "kind": "person",
        "country": "Myanmar",
        "aliases": "Gen. Hlaing;Senior General Min Aung Hlaing",
    },
    {"actor": "Wunna Maung Lwin", "kind": "person", "country": "Myanmar", "aliases": ""},
    {"actor": "Antony Blinken", "kind": "person", "country": "United States", "aliases": ""},
    {"actor": "ASEAN", "kind": "organisation", "country": "", "aliases": ""},
    {"actor": "Wang Yi", "kind": "person", "country": "China", "aliases": ""},
]


def event_row(**overrides: str) -> dict[str, str]:
    """A valid event row with ``overrides`` applied (a value of None drops the column)."""
    row = {**VALID_EVENT, **overrides}
    return {k: v for k, v in row.items() if v is not None}


def csv_text(
    rows: Iterable[Mapping[str, str]],
    columns: Iterable[str] | None = None,
    *,
    line_end: str = "\n",
    delimiter: str = ",",
) -> str:
    """CSV text of ``rows`` (columns: ``columns`` or the first row's keys), quoting as needed.

    Written by hand because csv.writer leaves a bare CR unquoted unless the line end has one.
    """
    rows = list(rows)
    columns = list(columns) if columns is not None else list(rows[0] if rows else VALID_EVENT)

    def cell(value: str) -> str:
        if any(ch in value for ch in (delimiter, '"', "\r", "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [delimiter.join(cell(c) for c in columns)]
    lines += [delimiter.join(cell(row.get(c, "")) for c in columns) for row in rows]
    return "".join(line + line_end for line in lines)


def csv_bytes(
    rows: Iterable[Mapping[str, str]],
    columns: Iterable[str] | None = None,
    *,
    line_end: str = "\n",
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> bytes:
    """Like :func:`csv_text`, encoded (``utf-8-sig`` adds a byte-order mark)."""
    text = csv_text(rows, columns, line_end=line_end, delimiter=delimiter)
    return text.encode(encoding)


def sample_events() -> list[dict[str, str]]:
    """A handful of valid, varied events (dates, precisions, types, countries, aliases)."""
    return [
        event_row(),
        event_row(
            event_id="forum-july",
            start_date="2022-07-01",
            end_date="2022-07-31",
            date_precision="month",
            event_type="multilateral meeting",
            title="Regional forum of foreign ministers",
            actors="Wunna Maung Lwin",
            recipients="Wang Yi",
            countries="Myanmar;China;Laos",
            location="Bagan",
            date_text="in early July",
            description="Foreign ministers meet; the host praises its guests.",
        ),
        event_row(
            event_id="executions",
            start_date="2022-07-25",
            end_date="2022-07-25",
            event_type="repression/execution",
            title="Four men executed",
            actors="Gen. Hlaing",
            recipients="",
            countries="",
            location="Yangon",
            description="Two democracy activists among the four.",
        ),
        event_row(
            event_id="us-condemns",
            start_date="2022-07-26",
            end_date="2022-07-26",
            event_type="condemnation",
            title="United States condemns the executions",
            actors="Antony Blinken",
            recipients="Min Aung Hlaing",
            countries="",
            location="",
            description="A statement calls the killings reprehensible.",
        ),
        event_row(
            event_id="coup",
            start_date="2021-02-01",
            end_date="2021-02-01",
            event_type="coup",
            title="Military seizes power",
            actors="Min Aung Hlaing",
            recipients="",
            countries="Myanmar",
            location="Naypyitaw",
            date_basis="public record",
            notes="Dated from public record.",
        ),
        event_row(
            event_id="russia-year",
            start_date="2021-01-01",
            end_date="2021-12-31",
            date_precision="year",
            event_type="arms transfer",
            title="Arms deliveries",
            actors="ASEAN",
            recipients="",
            countries="Russia",
            location="",
            date_text="last year",
        ),
    ]


@pytest.fixture
def write_events(tmp_path: Path) -> Callable[..., Path]:
    """Write an events CSV under ``tmp_path``; takes rows (default: :func:`sample_events`),
    or ``data`` (raw bytes or text), plus :func:`csv_bytes` keywords and ``name``."""

    def write(
        rows: Iterable[Mapping[str, str]] | None = None,
        *,
        data: bytes | str | None = None,
        name: str = "events.csv",
        **options,
    ) -> Path:
        path = tmp_path / name
        if data is None:
            data = csv_bytes(sample_events() if rows is None else rows, **options)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return write


@pytest.fixture
def write_actors(tmp_path: Path) -> Callable[..., Path]:
    """Write an actors CSV under ``tmp_path`` (default: :data:`ACTORS`)."""

    def write(rows: Iterable[Mapping[str, str]] | None = None, name: str = "actors.csv") -> Path:
        path = tmp_path / name
        rows = ACTORS if rows is None else rows
        path.write_bytes(csv_bytes(rows, columns=("actor", "kind", "country", "aliases")))
        return path

    return write


def pytest_configure(config) -> None:
    """Every test (and every server a test starts) gets an empty workspace of its own.

    The app adds the analyst's workspace ($WORKSPACE_PATH, default .local/) to the table it
    shows; a developer's own workspace must never change what the tests see.
    """
    import tempfile

    os.environ["WORKSPACE_PATH"] = os.path.join(
        tempfile.mkdtemp(prefix="test-workspace-"), "workspace.sqlite3"
    )


def workspace_event(event_id: str = "lavrov-in-phnom-penh", **fields: str) -> dict[str, str]:
    """An event as the workspace accepts it (schema fields; not in data/events.csv)."""
    base = {
        "event_id": event_id,
        "start_date": "2022-08-04",
        "end_date": "2022-08-05",
        "date_precision": "day",
        "event_type": "multilateral meeting",
        "title": "Lavrov at the ASEAN-related meetings",
        "actors": "Sergei Lavrov",
        "recipients": "Association of Southeast Asian Nations",
        "countries": "Russia;Cambodia",
        "location": "Phnom Penh",
        "latitude": "11.556",
        "longitude": "104.928",
    }
    return {**base, **fields}
