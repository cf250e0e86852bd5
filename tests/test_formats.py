"""The source-formats registry: one entry per format, recognised in order, one loading path."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import csv_bytes, event_row

from dashboard import formats, schema
from dashboard.cli import main
from dashboard.formats import REGISTRY, Sniffed
from dashboard.importing import load_any, load_any_frame
from dashboard.loading import parse_events
from dashboard.problems import EventsFileError

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


def test_converted_acled_with_types_outside_ours_is_valid(tmp_path):
    """convert never writes a file validate refuses: outside types name their vocabulary."""
    out = tmp_path / "out.csv"
    assert main(["convert", str(SAMPLE_ACLED), "-o", str(out)], io.StringIO(), io.StringIO()) == 0
    stdout, stderr = io.StringIO(), io.StringIO()
    assert main(["validate", str(out)], stdout, stderr) == 0, stderr.getvalue()
    frame = parse_events(out.read_bytes())
    outside = ~frame["event_type"].isin(schema.EVENT_TYPE_NAMES)
    assert outside.any()
    assert set(frame.loc[outside, schema.TYPE_VOCABULARY_COLUMN]) == {"ACLED"}
    assert set(frame.loc[~outside, schema.TYPE_VOCABULARY_COLUMN]) == {""}


def test_a_type_outside_ours_needs_its_vocabulary_named():
    rows = [event_row(event_type="picnic", type_vocabulary="")]
    with pytest.raises(EventsFileError, match="unknown event type 'picnic'"):
        parse_events(csv_bytes(rows))
    rows = [event_row(event_type="picnic", type_vocabulary="CAMEO")]
    assert parse_events(csv_bytes(rows))["event_type"].tolist() == ["picnic"]


@pytest.mark.parametrize("container", ["parquet", "json"])
def test_a_nul_character_is_refused_in_every_container(container, tmp_path):
    """Issue 12 item 8: convert wrote a CSV from a Parquet title with NUL; validate refused it."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq
    from conftest import sample_events

    rows = sample_events()
    rows[1]["title"] = "bad\x00title"
    path = tmp_path / f"t.{container}"
    if container == "parquet":
        pq.write_table(pa.table({k: [r[k] for r in rows] for k in rows[0]}), path)
    else:
        path.write_text(json.dumps(rows), encoding="utf-8")
    err = io.StringIO()
    assert main(["convert", str(path), "-o", str(tmp_path / "out.csv")], io.StringIO(), err) == 1
    assert "row 3, column title: contains a NUL character" in err.getvalue()
    assert not (tmp_path / "out.csv").exists()
