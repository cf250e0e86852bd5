"""scripts/score_corpus.py: the corpus scored in one process gives the command line's files."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
NAME = "kyodonews-2021-06-04.round28"


def _script():
    spec = importlib.util.spec_from_file_location(
        "score_corpus", REPO_ROOT / "scripts" / "score_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_text_scored_in_process_is_the_command_line_s(tmp_path):
    out = tmp_path / "out"
    assert _script().main([str(out), "--only", NAME]) == 0
    table = (out / "table.txt").read_text(encoding="utf-8").splitlines()
    assert len(table) == 1 and table[0].startswith(f"{NAME} precision ")
    text = REPO_ROOT / "tests" / "data" / "articles" / f"{NAME}.txt"
    by_cli = tmp_path / "cli.csv"
    argv = ["extract", str(text), "--published", "2021-06-04", "-o", str(by_cli)]
    subprocess.run(
        [sys.executable, "-m", "dashboard", *argv],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )
    assert (out / f"{NAME}.csv").read_bytes() == by_cli.read_bytes()
    score = (out / f"{NAME}.score").read_text(encoding="utf-8")
    assert "candidates " in score and "matched " in score
