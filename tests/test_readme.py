"""The README's promises: two Quick-start commands, and tables generated from the schema."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.dictionary import (
    data_dictionary_markdown,
    formats_markdown,
    precision_markdown,
    vocabulary_markdown,
)

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_exactly_make_run_and_make_test():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make run", "make test"]


def test_readme_tables_are_the_schema_s():
    tables = (data_dictionary_markdown(), precision_markdown(), vocabulary_markdown())
    for table in (*tables, formats_markdown()):
        assert table in README


def test_readme_links_point_at_files_that_exist():
    root = Path(__file__).resolve().parent.parent
    targets = re.findall(r"\]\(((?:docs|data)/[^)#]+)\)", README)
    assert targets
    assert [t for t in targets if not (root / t).exists()] == []
