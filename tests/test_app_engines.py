"""The app over a Parquet dataset folder, and what it says about the engine serving it."""

from __future__ import annotations

from conftest import sample_events
from test_app import metric, open_app

from dashboard.dataset import write_dataset
from dashboard.filters import FilterSpec, filter_positions
from dashboard.table import load_events


def test_a_dataset_folder_is_served_in_memory_and_the_about_page_says_so(
    write_events, tmp_path, monkeypatch
):
    table = load_events(write_events(sample_events()))
    write_dataset(table, tmp_path / "ds")
    monkeypatch.setenv("EVENTS_PATH", str(tmp_path / "ds"))
    monkeypatch.delenv("ENGINE", raising=False)
    at = open_app("pages/2_Events.py", country="Myanmar")
    assert not at.exception
    expected = len(filter_positions(table, FilterSpec(countries=("Myanmar",))))
    assert metric(at, "Events") == f"{expected:,}"
    at.switch_page("pages/3_About_the_data.py").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Served by the **memory** engine" in captions


def test_a_sql_engine_for_the_pages_is_refused_with_a_reason(write_events, monkeypatch):
    monkeypatch.setenv("EVENTS_PATH", str(write_events(sample_events())))
    monkeypatch.setenv("ENGINE", "duckdb")
    at = open_app()
    assert not at.exception
    errors = " ".join(e.value for e in at.error) + " ".join(t.value for t in at.text)
    assert "ENGINE=duckdb" in errors and "export --engine" in errors
