"""bench-import: synthetic GDELT- and ACLED-shaped files convert in full (no timing asserted)."""

from __future__ import annotations

import io

from dashboard.bench_import import write_acled, write_gdelt
from dashboard.cli import main
from dashboard.importing import load_any_frame


def test_synthetic_files_are_recognised_and_convert_every_record(tmp_path):
    write_gdelt(tmp_path / "g.csv", 300)
    write_acled(tmp_path / "a.csv", 300)
    gdelt, gdelt_notices = load_any_frame(tmp_path / "g.csv")
    acled, acled_notices = load_any_frame(tmp_path / "a.csv")
    assert (len(gdelt), len(acled)) == (300, 300)
    assert gdelt_notices[0] == "Imported 300 GDELT events."
    assert acled_notices[0] == "Imported 300 ACLED events."


def test_bench_import_prints_both_ratios():
    out = io.StringIO()
    assert main(["bench-import", "--events", "200", "--repeat", "1"], out, io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["gdelt", "acled"]
    assert all("DuckDB read_csv" in line and "x (" in line for line in lines)
