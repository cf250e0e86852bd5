"""The app logs the server-side time of each script run (the load test reads it)."""

from __future__ import annotations

import ast
import logging
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui import page as page_module

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def run_lines():
    collect = Collect()
    page_module._run_log().addHandler(collect)
    try:
        yield collect.lines
    finally:
        page_module.RUN_LOG.removeHandler(collect)


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_page_script_ends_by_logging_its_run(script):
    tree = ast.parse((ROOT / script).read_text(encoding="utf-8"))
    last = tree.body[-1]
    assert isinstance(last, ast.Expr) and isinstance(last.value, ast.Call), script
    assert ast.unparse(last.value) == "finish_page(page)", script


def test_each_run_logs_its_page_and_time(run_lines):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    at.switch_page("pages/2_Events.py").run()
    assert not at.exception
    at.run()
    parsed = [re.fullmatch(r"script run: (.+) (\d+\.\d) ms", line) for line in run_lines]
    assert all(parsed), run_lines
    assert [m.group(1) for m in parsed] == ["Timeline", "Events", "Events"]
    assert all(float(m.group(2)) > 0 for m in parsed)
