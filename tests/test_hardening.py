"""Issue 12: inputs that broke the dashboard, each pinned by a test (see docs/formats.md)."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import VALID_EVENT, csv_bytes, csv_text, event_row
from streamlit.testing.v1 import AppTest

from dashboard.actors import load_actors
from dashboard.cli import main as cli_main
from dashboard.filters import FilterSpec, filter_positions, search_needle
from dashboard.importing import load_any_frame, read_parquet_table
from dashboard.loading import read_source
from dashboard.problems import EventsFileError
from dashboard.table import load_events
from ui.render import md_escape

ROOT = Path(__file__).resolve().parent.parent


def _problems(source, **options) -> list[str]:
    with pytest.raises(EventsFileError) as caught:
        load_any_frame(source, **options)
    return [str(p) for p in caught.value.problems]


def _dictionary_parquet(row: dict[str, str], n: int, index_type=None) -> bytes:
    """Every column one dictionary value repeated ``n`` times (the issue's bomb shape)."""
    table = pa.table(
        {
            name: pa.DictionaryArray.from_arrays(
                pa.array([0] * n, index_type or pa.int32()), pa.array([value])
            )
            for name, value in row.items()
        }
    )
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


# -- item 1: Parquet decompression bombs, dictionary-encoded text --------------------------


def test_dictionary_encoded_text_reads_like_plain_text():
    data = _dictionary_parquet(VALID_EVENT, 3, pa.int8())
    frame = read_parquet_table(data)
    assert frame.to_dict("list") == {name: [value] * 3 for name, value in VALID_EVENT.items()}
    assert {str(dtype) for dtype in frame.dtypes} == {"str"}


def test_dictionary_with_nulls_and_non_text_values_reads_as_text():
    table = pa.table(
        {
            "a": pa.DictionaryArray.from_arrays(pa.array([1, None, 0], pa.int16()), ["x", "yz"]),
            "b": pa.DictionaryArray.from_arrays(pa.array([0, 1, 1]), pa.array([7, 42])),
        }
    )
    sink = io.BytesIO()
    pq.write_table(table, sink)
    assert read_parquet_table(sink.getvalue()).to_dict("list") == {
        "a": ["yz", "", "x"],
        "b": ["7", "42", "42"],
    }


def test_parquet_bomb_is_refused_from_its_sizes_not_decoded():
    row = {**VALID_EVENT, "description": "d" * 1000}
    data = _dictionary_parquet(row, 1_000_000)
    assert len(data) < 200_000  # 125 KB in the issue
    problems = _problems(data)
    assert len(problems) == 1
    assert problems[0].startswith("file: the Parquet file expands to more than ")
    assert problems[0].startswith("file: the Parquet file expands to more than 64 MB of text (")
    assert "MB of text or more); split it" in problems[0]


def test_parquet_with_too_many_rows_is_refused_before_reading(monkeypatch):
    import dashboard.importing as importing

    monkeypatch.setattr(importing, "MAX_PARQUET_ROWS", 10)
    data = _dictionary_parquet(VALID_EVENT, 11)
    assert _problems(data) == [
        "file: the Parquet file has 11 rows; at most 10 can be opened (split the table)"
    ]
    assert len(read_parquet_table(_dictionary_parquet(VALID_EVENT, 10))) == 10


def test_plain_parquet_that_decompresses_too_far_is_refused(monkeypatch):
    # Not dictionary-encoded: the pages' uncompressed sizes in the metadata are the bound.
    table = pa.table({"notes": ["x" * 1000] * 100_000})
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", use_dictionary=False)
    problems = _problems(sink.getvalue())
    assert len(problems) == 1
    assert problems[0].startswith("file: the Parquet file expands to more than 64 MB")


_MEASURE_LOAD = """
import json, resource, sys
from pathlib import Path
from dashboard.importing import load_any_frame
from dashboard.problems import EventsFileError
data = Path(sys.argv[1]).read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    load_any_frame(data)
    outcome = "loaded"
except EventsFileError as err:
    outcome = str(err)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "grew_mb": (after - before) / 1024}))
"""


def test_parquet_bomb_is_refused_within_bounded_memory(tmp_path):
    # Loaded in its own process: the growth of its peak resident size (ru_maxrss) is the
    # load's alone. Before the limits this load peaked at ~3.6 GB (issue 12, item 1).
    bomb = tmp_path / "bomb.parquet"
    bomb.write_bytes(_dictionary_parquet({**VALID_EVENT, "description": "d" * 1000}, 1_000_000))
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE_LOAD, str(bomb)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["outcome"].startswith("file: the Parquet file expands to more than")
    assert result["grew_mb"] < 100, result


# -- item 4: only regular files, read with a size bound ------------------------------------


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "events.fifo"
    os.mkfifo(path)
    return path


@pytest.mark.timeout(60)  # before the fix the open waited for a writer, forever
def test_fifo_is_refused_without_waiting_for_a_writer(fifo):
    assert _problems(fifo) == [
        "file: cannot read the file: it is not a regular file (a pipe, socket or device)"
    ]


@pytest.mark.parametrize("command", [["validate"], ["export", "-o", "-", "--events"]])
def test_cli_on_a_fifo_or_a_device_says_so_and_exits(fifo, command):
    for path in (fifo, "/dev/zero"):
        done = subprocess.run(
            [sys.executable, "-m", "dashboard", *command, str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,  # before the fix: the FIFO hung until killed, /dev/zero ran out of memory
        )
        assert done.returncode == 1
        assert done.stderr.splitlines() == [
            "file: cannot read the file: it is not a regular file (a pipe, socket or device)",
            f"{path}: invalid, 1 problem",
        ]


def test_directory_is_refused(tmp_path):
    assert _problems(tmp_path) == ["file: cannot read the file: it is a directory, not a file"]


@pytest.mark.timeout(60)
def test_actors_directory_on_a_fifo_is_refused(fifo):
    with pytest.raises(EventsFileError) as caught:
        load_actors(fifo)
    assert "not a regular file" in str(caught.value)


def test_file_over_the_read_bound_is_refused(monkeypatch, tmp_path):
    import dashboard.loading as loading

    monkeypatch.setattr(loading, "MAX_SOURCE_BYTES", 1 << 20)
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * ((1 << 20) + 1))
    assert _problems(big) == ["file: cannot read the file: it is 1 MB; files up to 1 MB are read"]
    exact = tmp_path / "exact.csv"
    exact.write_bytes(b"x" * (1 << 20))
    assert read_source(exact) == exact.read_bytes()


def test_file_growing_while_read_is_read_to_the_bound(monkeypatch):
    import dashboard.loading as loading

    monkeypatch.setattr(loading, "MAX_SOURCE_BYTES", 1000)
    # The size was 10 when it was taken; the file has grown since.
    assert loading._read_bounded(io.BytesIO(b"x" * 500), 10) == b"x" * 500
    with pytest.raises(EventsFileError, match="files up to 0 MB are read"):
        loading._read_bounded(io.BytesIO(b"x" * 5000), 10)


# -- items 2 and 9: fields over the csv module's 128 KiB limit -----------------------------

HUGE_HEADER = ("x" * 200_000 + "," + ",".join(VALID_EVENT) + "\n").encode()


def test_a_header_cell_over_128_kib_is_read():
    # 200 KB: before, csv.Error "field larger than field limit (131072)" escaped the loader.
    problems = _problems(HUGE_HEADER + csv_bytes([event_row()]).split(b"\n", 1)[1])
    assert problems == ["row 2: has 16 fields, the header has 17"]


def test_a_huge_field_next_to_a_short_row_names_the_short_row():
    data = csv_bytes([event_row(notes="n" * (1 << 20)), event_row(event_id="b")]) + b"a,b\n"
    assert _problems(data) == ["row 4: has 2 fields, the header has 16"]


def test_a_valid_unquoted_inch_mark_next_to_a_huge_field_loads():
    # Item 9: was "the quoting is malformed (field larger than field limit (131072))".
    data = csv_bytes(
        [event_row(description="she is 5'2 tall"), event_row(event_id="b", notes="n" * (1 << 20))]
    ).replace(b"5'2 tall", b"5'2\" tall")
    frame, _ = load_any_frame(data)
    assert frame["description"].iat[0] == "she is 5'2\" tall"
    assert len(frame["notes"].iat[1]) == 1 << 20


# -- item 2: the boundaries (CLI main, page loader, upload) turn any error into a message ---


def test_cli_reads_the_huge_header_without_a_traceback(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_bytes(HUGE_HEADER)
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # Before: a traceback ending in "_csv.Error: field larger than field limit", exit 1.
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{path}: valid, 0 events\n", "")


def test_cli_turns_an_unexpected_error_into_one_line(monkeypatch, tmp_path):
    import dashboard.cli as cli

    def broken(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(cli, "load_any", broken)
    monkeypatch.delenv(cli.DEBUG_VARIABLE, raising=False)
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["validate", str(tmp_path / "x.csv")], stdout=out, stderr=err) == 3
    assert out.getvalue() == ""
    assert err.getvalue() == (
        "error: unexpected KeyError in 'validate': 'surprise'; please report it "
        "(set DASHBOARD_DEBUG=1 for the details)\n"
    )
    monkeypatch.setenv(cli.DEBUG_VARIABLE, "1")
    err = io.StringIO()
    assert cli.main(["validate", str(tmp_path / "x.csv")], stdout=out, stderr=err) == 3
    assert err.getvalue().startswith("Traceback (most recent call last):")


def _open_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def test_page_loader_turns_an_unexpected_error_into_a_message(
    tmp_path, monkeypatch, caplog, write_events
):
    import ui.data

    def broken(path, **kwargs):
        raise RuntimeError(f"secret detail about {path}")

    path = write_events()
    monkeypatch.setenv("EVENTS_PATH", str(path))
    monkeypatch.setattr(ui.data, "load_any", broken)
    with caplog.at_level(logging.ERROR, logger="ui.data"):
        at = _open_app()
    assert not at.exception
    assert [e.value for e in at.error] == [
        f"The event table {path.name} cannot be loaded: an unexpected error (RuntimeError); "
        "the details are in the server's log."
    ]
    assert at.file_uploader  # an own table can still be opened
    assert "secret detail" in caplog.text and "Traceback" in caplog.text


def test_a_workspace_refusal_is_logged_without_a_traceback_an_unexpected_error_with_one(
    tmp_path, monkeypatch, caplog
):
    # A WorkspaceError is an expected refusal, already shown to the user: one warning line
    # in the server's log. Any other error reading the workspace is unexpected: its
    # traceback is what the log is for.
    from dashboard.workspace import Workspace

    broken = tmp_path / "workspace.sqlite3"
    broken.write_bytes(b"not a database, " * 100)
    monkeypatch.setenv("WORKSPACE_PATH", str(broken))
    monkeypatch.delenv("EVENTS_PATH", raising=False)
    with caplog.at_level(logging.WARNING, logger="ui.data"):
        at = _open_app("pages/2_Events.py")
    assert not at.exception
    logged = [r for r in caplog.records if r.name == "ui.data"]
    assert logged and all(r.levelno == logging.WARNING and not r.exc_info for r in logged)
    assert all(f"the workspace {broken} is not a database" in r.getMessage() for r in logged)
    assert "Traceback" not in caplog.text

    def broken_version(self):
        raise RuntimeError("secret detail")

    caplog.clear()
    monkeypatch.setattr(Workspace, "version", broken_version)
    with caplog.at_level(logging.WARNING, logger="ui.data"):
        at = _open_app("pages/2_Events.py")
    assert not at.exception
    logged = [r for r in caplog.records if r.name == "ui.data"]
    assert logged and all(r.levelno == logging.ERROR and r.exc_info for r in logged)
    assert "secret detail" in caplog.text and "Traceback" in caplog.text


def test_page_loader_reads_the_huge_header_table(tmp_path, monkeypatch):
    path = tmp_path / "wide.csv"
    path.write_bytes(HUGE_HEADER + csv_bytes([event_row()]).split(b"\n", 1)[1] + b"x")
    monkeypatch.setenv("EVENTS_PATH", str(path))
    at = _open_app("pages/2_Events.py")
    assert not at.exception
    assert [e.value for e in at.error] == ["The event table wide.csv cannot be loaded: 2 problems."]
    assert at.text[0].value == (
        "row 2: has 16 fields, the header has 17\nrow 3: has 1 field, the header has 17"
    )


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    widget = next(u for u in at.file_uploader if u.key.startswith("upload_sidebar_"))
    widget.upload(name, data, "text/csv")
    return at.run()


def test_upload_turns_an_unexpected_error_into_a_message(monkeypatch, caplog):
    import ui.upload

    def broken(data, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.delenv("EVENTS_PATH", raising=False)
    monkeypatch.setattr(ui.upload, "load_any", broken)
    with caplog.at_level(logging.ERROR, logger="ui.upload"):
        at = _upload(_open_app("pages/2_Events.py"), "mine.csv", b"unique bytes 8c1f\n")
    assert not at.exception
    assert [e.value for e in at.error] == [
        "mine\\.csv cannot be opened: an unexpected error (RuntimeError); the details are "
        "in the server's log. The table shown is unchanged."
    ]
    assert "secret detail" in caplog.text
    assert at.sidebar.multiselect  # the page is whole: sidebar and uploader drawn


def test_upload_of_a_huge_field_and_a_short_row_lists_the_row(monkeypatch):
    monkeypatch.delenv("EVENTS_PATH", raising=False)
    data = csv_bytes([event_row(notes="n" * (1 << 20)), event_row(event_id="b")]) + b"a,b\n"
    at = _upload(_open_app("pages/2_Events.py"), "big.csv", data)
    assert not at.exception
    assert [e.value for e in at.error] == [
        "big\\.csv cannot be opened: 1 problem. The table shown is unchanged."
    ]
    assert at.text[0].value == "row 4: has 2 fields, the header has 16"


# -- item 7: one case-folding for the query and the searched text --------------------------


@pytest.fixture(scope="module")
def folding_table(tmp_path_factory):
    titles = ["Talks in İstanbul", "ΑΘΗΝΑΣ summit", "Meeting at Straße 5", "Αθηνας visit", "x"]
    rows = [event_row(event_id=f"e{i}", title=title) for i, title in enumerate(titles)]
    return load_events(csv_bytes(rows), actors_path=tmp_path_factory.mktemp("a") / "none.csv")


@pytest.mark.parametrize(
    "q,expected",
    [
        ("İstanbul", ["e0"]),
        ("istanbul", ["e0"]),
        ("ISTANBUL", ["e0"]),
        ("ΑΘΗΝΑΣ", ["e1", "e3"]),  # final sigma: ς and σ fold alike
        ("αθηνας", ["e1", "e3"]),
        ("STRASSE", ["e2"]),
        ("straße", ["e2"]),
    ],
)
def test_search_folds_query_and_text_alike(folding_table, q, expected):
    positions = filter_positions(folding_table, FilterSpec(q=q))
    assert folding_table.events["event_id"].iloc[positions].tolist() == expected


def test_search_needle_is_the_texts_fold():
    assert search_needle("ΑΘΗΝΑΣ Straße İ") == "αθηνασ strasse i"


# -- item 13: one date bound for the app and the command line ------------------------------

OUT_OF_RANGE = "The start date 2150-01-01 is outside 1900-2100; it is ignored."


def test_the_filter_parsing_owns_the_date_bound():
    spec, notices = FilterSpec.from_query_params({"start": ["2150-01-01"], "end": ["1899-12-31"]})
    assert spec == FilterSpec()
    assert notices == [OUT_OF_RANGE, "The end date 1899-12-31 is outside 1900-2100; it is ignored."]
    spec, notices = FilterSpec.from_query_params({"start": ["1900-01-01"], "end": ["2100-12-31"]})
    assert (spec.start, spec.end, notices) == (dt.date(1900, 1, 1), dt.date(2100, 12, 31), [])


def test_export_refuses_a_start_date_the_app_ignores(tmp_path):
    # Before: "wrote 0 of 23 events", exit 0, while the app ignored the date with a notice.
    out, err = io.StringIO(), io.StringIO()
    args = ["export", "--start", "2150-01-01", "-o", str(tmp_path / "x.csv")]
    assert cli_main(args, stdout=out, stderr=err) == 2
    assert err.getvalue() == f"error: {OUT_OF_RANGE}\n"
    assert not (tmp_path / "x.csv").exists()


def test_the_app_gives_the_same_notice(monkeypatch):
    monkeypatch.delenv("EVENTS_PATH", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["start"] = "2150-01-01"
    at.run()
    assert not at.exception
    assert [w.value for w in at.warning] == [md_escape(OUT_OF_RANGE)]  # shown as plain text


# -- item 3: years a date cannot have --------------------------------------------------------


YEAR_ZERO = "'0000-01-01' is outside the years 1 to 9999 a date can have"


@pytest.mark.parametrize("column", ["start_date", "end_date"])
def test_year_zero_is_refused_with_a_message(column):
    row = event_row(**{column: "0000-01-01"})
    if column == "end_date":
        row["start_date"] = "0000-01-01"
    problems = _problems(csv_bytes([row, event_row(event_id="ok")]))
    assert f"row 2, column {column}: {YEAR_ZERO}" in problems


def test_validate_refuses_year_zero_instead_of_crashing(tmp_path):
    path = tmp_path / "y0.csv"
    path.write_bytes(csv_bytes([event_row(start_date="0000-01-01", end_date="0001-01-01")]))
    out, err = io.StringIO(), io.StringIO()
    assert cli_main(["validate", str(path)], stdout=out, stderr=err) == 1
    assert f"row 2, column start_date: {YEAR_ZERO}" in err.getvalue()
    path.write_bytes(csv_bytes([event_row(start_date="0001-01-01", end_date="9999-12-31")]))
    assert cli_main(["validate", str(path)], stdout=out, stderr=err) == 0


# -- item 12: bad numbers on the command line are usage errors -------------------------------


@pytest.mark.parametrize(
    "argv,message",
    [
        (["synth", "--events", "10", "--seed", "-1"], "argument --seed: -1 is below 0"),
        (["synth", "--events", "-5"], "argument --events: -5 is below 0"),
        (["bench", "--events", "10", "--seed", "-1"], "argument --seed: -1 is below 0"),
        (["bench", "--repeat", "0"], "argument --repeat: 0 is below 1"),
    ],
)
def test_bad_numbers_are_usage_errors(tmp_path, argv, message):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        cli_main([*argv, "-o", str(tmp_path / "x.csv")] if argv[0] == "synth" else argv, out, err)
    assert exit_.value.code == 2
    assert err.getvalue().startswith("usage: python -m dashboard ")
    assert err.getvalue().endswith(f"error: {message}\n")
    assert "Traceback" not in err.getvalue()
    assert not (tmp_path / "x.csv").exists()


# -- item 11: rows counted as an editor counts lines, whatever the line ends ----------------


def test_a_cr_only_line_end_among_lf_lines_does_not_shift_row_numbers():
    rows = [event_row(event_id=i, source="Example News") for i in "abc"]  # no quotes
    header, a, b, bad = csv_text(rows).splitlines()
    assert '"' not in header + a + b + bad
    bad = bad.replace("2022-08-03", "2022-02-30")
    data = f"{header}\n{a}\r{b}\n\n{bad}\n".encode()  # the bad row is on line 5
    assert _problems(data) == ["row 5, column start_date: '2022-02-30' is not a real date"]


# -- item 5: no automatic links from data (the browser test: tests/browser/test_links.py) ---


@pytest.mark.parametrize(
    "text",
    ["https://evil.example/phish", "HTTP://evil.example", "see www.evil.example", "a@evil.example"],
)
def test_md_escape_leaves_no_text_that_markdown_would_link(text):
    escaped = md_escape(text)
    # What remark's autolink-literal transform sees: the text with the escapes undone.
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert unescaped.replace("\u2060", "") == text
    assert not re.search(r"(?i)https?://|www\.|@[-\w]+\.\w", unescaped)


def test_ordinary_text_is_escaped_as_before():
    assert md_escape("Lavrov: visit a@b (www)") == "Lavrov\\: visit a\\@b \\(www\\)"


# -- item 6: a link whose whole query string Streamlit ignored is said to be ignored --------

IGNORED_LINK = (
    "This link has more parameters (or characters) than the app accepts, so all of them "
    "were ignored: no filter from it is applied."
)


def test_a_link_with_too_many_parameters_gets_a_notice(monkeypatch):
    monkeypatch.delenv("EVENTS_PATH", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["country"] = "Russia"
    at.query_params.update({f"x{i}": "1" for i in range(1000)})
    at.run()
    assert not at.exception
    assert [w.value for w in at.warning] == [md_escape(IGNORED_LINK)]


def test_a_link_within_the_limits_gets_no_such_notice(monkeypatch):
    monkeypatch.delenv("EVENTS_PATH", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params.update({f"x{i}": "1" for i in range(999)})
    at.run()
    assert not at.exception
    assert not at.warning


# -- uploads expire from the shared cache (docs/app.md: what a server needs per session) ----


def test_the_upload_cache_has_an_expiry():
    import ui.upload

    # Before: max_entries=4 and no ttl, so four uploaded tables stayed for the process's life.
    assert ui.upload._load_upload._info.ttl == ui.upload.UPLOAD_CACHE_TTL_S
    assert 0 < ui.upload.UPLOAD_CACHE_TTL_S <= 3600
    assert ui.upload._load_upload._info.max_entries == 4


def test_an_unreadable_workspace_is_logged_once_a_session_and_warned_on_every_page(
    tmp_path, monkeypatch, caplog
):
    """Brief 25 item 4b: a damaged WORKSPACE_PATH was logged on every run of every page
    (each click reruns the page): once a session logs it, again when the file changes.
    The warning stays on every page: the workspace's events are missing from each."""
    broken = tmp_path / "workspace.sqlite3"
    broken.write_bytes(b"not a database, " * 100)
    monkeypatch.setenv("WORKSPACE_PATH", str(broken))
    monkeypatch.delenv("EVENTS_PATH", raising=False)

    def said(at) -> tuple[int, int]:
        logged = [r for r in caplog.records if r.name == "ui.data"]
        warned = [w for w in at.warning if "Your workspace's events are not shown" in w.value]
        caplog.clear()
        return len(logged), len(warned)

    with caplog.at_level(logging.WARNING, logger="ui.data"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        at.run()
        assert not at.exception
        assert said(at) == (1, 1)
        at.run()  # a click reruns the page
        assert said(at) == (0, 1)
        at.switch_page("pages/2_Events.py").run()
        assert not at.exception
        assert said(at) == (0, 1)
        broken.write_bytes(b"still not a database, " * 100)  # the file changed
        at.run()
        assert said(at) == (1, 1)
