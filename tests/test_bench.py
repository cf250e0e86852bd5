"""The benchmark runs end to end at a small size (figures are printed, never asserted)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import bench
from ui import bench_pages

ROOT = Path(__file__).resolve().parent.parent
KEYS = {
    "load_s": float,
    "duckdb_load_s": float,
    "rss_mb": float,
    "filter_ms": float,
    "duckdb_filter_ms": float,
    "naive_filter_ms": float,
    "page_ms": dict,
    "payload_bytes": dict,
}


def check_result(result: dict) -> None:
    for key, kind in KEYS.items():
        assert isinstance(result[key], kind), key
    for key in ("load_s", "duckdb_load_s", "rss_mb", "filter_ms", "duckdb_filter_ms"):
        assert result[key] > 0, key
    assert result["same_events"] is True
    assert result["matched"] > 0
    assert set(result["page_ms"]) == set(result["payload_bytes"])
    assert all(ms > 0 for ms in result["page_ms"].values())
    assert all(size > 0 for size in result["payload_bytes"].values())
    assert "page_errors" not in result


@pytest.mark.slow
def test_bench_command_ends_with_one_json_line():
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "bench", "--events", "20000", "--repeat", "3"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    result = json.loads(lines[-1])
    check_result(result)
    assert set(result["page_ms"]) == set(bench_pages.PAGES)
    # The article's own table is measured too (its target is 150 ms a page).
    assert (
        set(result["article_page_ms"])
        == set(result["article_payload_bytes"])
        == set(bench_pages.PAGES)
    )
    assert all(ms > 0 for ms in result["article_page_ms"].values())
    assert result["pages_rss_mb"] > 0
    assert any(line.startswith("filter time") for line in lines[:-1])


def test_bench_without_pages_in_process():
    out = io.StringIO()
    result = bench.run_bench(5_000, seed=2, repeat=2, pages=False, load_rounds=3, out=out)
    assert json.loads(out.getvalue().strip().splitlines()[-1]) == result
    # Both load times are the median of three loads each, taken in turn.
    for key in ("load_s", "duckdb_load_s"):
        runs = result[f"{key}_runs"]
        assert len(runs) == 3 and all(x > 0 for x in runs), key
        assert result[key] == sorted(runs)[1], key
    # (of the unrounded medians: the printed ones are rounded to the millisecond)
    assert result["load_ratio"] == pytest.approx(
        result["load_s"] / result["duckdb_load_s"], rel=0.05
    )
    assert result["page_ms"] == {} and result["payload_bytes"] == {}
    assert "article_page_ms" not in result
    assert result["same_events"] is True


def test_the_three_filters_agree_on_other_seeds():
    # The naive filter is the plain reading of the filter semantics: check ours against it
    # (and DuckDB's SQL) on tables where the chosen filter matches different events.
    for seed in (3, 4):
        result = bench.run_bench(
            3_000, seed=seed, repeat=1, pages=False, load_rounds=1, out=io.StringIO()
        )
        assert result["same_events"] is True


def test_bench_rejects_an_empty_size():
    err = io.StringIO()
    from dashboard.cli import main

    assert main(["bench", "--events", "0"], stdout=io.StringIO(), stderr=err) == 2
    assert "--events" in err.getvalue()
