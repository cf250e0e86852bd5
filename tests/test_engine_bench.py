"""``bench --engine duckdb`` runs end to end at a small size (figures printed, not asserted)."""

from __future__ import annotations

import io
import json

import pytest

pytest.importorskip("dashboard.query", reason="the query layer (engines) is not on this branch")
pytest.importorskip("duckdb")


@pytest.mark.slow
def test_engine_bench_prints_one_json_line_and_agrees_with_memory():
    from dashboard.cli import main

    out = io.StringIO()
    assert main(["bench", "--events", "3000", "--engine", "duckdb", "--repeat", "1"], out) == 0
    lines = out.getvalue().strip().splitlines()
    result = json.loads(lines[-1])
    assert result["engine"] == "duckdb"
    # The engine, the hand-written SQL and the in-memory filter return the same events.
    assert result["same_events"] is True and result["matched"] > 0
    assert result["filter_ms"] > 0 and result["direct_sql_ms"] > 0
    assert set(result["view_ms"]) == {"Timeline", "Network", "Events", "About the data", "Map"}
    assert all(size > 0 for size in result["view_bytes"].values())
    assert result["engine_rss_mb"] > 0
    # The app's pages ran over the engine (ENGINE=duckdb), each without an error.
    assert set(result["page_ms"]) == set(result["view_ms"])
    assert result["page_errors"] == {}
    assert all(size > 0 for size in result["payload_bytes"].values())
    assert result["pages_rss_mb"] > 0
    assert any(line.startswith("filter time") for line in lines[:-1])
