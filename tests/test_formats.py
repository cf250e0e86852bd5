"""The source-formats registry: one entry per format, recognised in order, one loading path."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import formats
from dashboard.formats import REGISTRY, Sniffed
from dashboard.importing import load_any, load_any_frame

DATA = Path(__file__).parent / "data"
SAMPLE_ACLED = DATA / "acled_sample.csv"


def test_every_format_has_one_entry_with_a_unique_name_and_a_summary():
    names = [entry.name for entry in REGISTRY]
    assert len(names) == len(set(names))
    assert all(entry.summary and entry.title for entry in REGISTRY)
    assert ("auto", *names) == formats.FORMAT_NAMES


def test_by_name_refuses_an_unknown_format():
    with pytest.raises(ValueError, match="unknown format 'excel'"):
        formats.by_name("excel")


@pytest.mark.parametrize(
    "columns,expected",
    [
        (("event_id", "start_date", "end_date", "date_precision", "event_type", "title"), "events"),
        (
            (
                "EVENT_ID_CNTY",
                "EVENT_DATE",
                "TIME_PRECISION",
                "EVENT_TYPE",
                "SUB_EVENT_TYPE",
                "ACTOR1",
            ),
            "acled",
        ),
        (("id", "when"), None),
    ],
)
def test_recognise_by_columns(columns, expected):
    found = formats.recognise(Sniffed("csv", columns))
    assert (found.name if found else None) == expected


def test_acled_with_cr_only_line_ends_is_recognised():
    """Issue 12 item 10: the sniffer split the first line on LF only."""
    data = SAMPLE_ACLED.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    frame, notices = load_any_frame(data)
    reference, _ = load_any_frame(SAMPLE_ACLED.read_bytes())
    assert list(frame["event_id"]) == list(reference["event_id"])
    assert notices[0].startswith("Imported")


def test_acled_na_is_missing_never_an_actor():
    text = SAMPLE_ACLED.read_text(encoding="utf-8")
    header, first, *_rest = text.split("\n", 2)
    columns = header.split(",")
    row = first.split(",")
    row[columns.index("actor2")] = "NA"
    row[columns.index("assoc_actor_2")] = "NA"
    frame, _ = load_any_frame(f"{header}\n{','.join(row)}\n".encode())
    assert frame["recipients"].iat[0] == ""
    assert "NA" not in frame["actors"].iat[0].split(";")


def test_load_any_honours_actors_path(tmp_path, monkeypatch):
    actors = tmp_path / "actors.csv"
    actors.write_text(
        "actor,kind,country,aliases\nProtesters (Myanmar),organisation,Atlantis,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ACTORS_PATH", str(actors))
    table, _ = load_any(SAMPLE_ACLED)
    assert table.directory.country_of("Protesters (Myanmar)") == "Atlantis"
    assert "Atlantis" in table.countries.names
