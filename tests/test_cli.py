"""The command line: validate and export, in-process and once through ``python -m dashboard``."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import event_row, sample_events

from dashboard.cli import main
from dashboard.filters import FilterSpec, apply_filters
from dashboard.importing import load_any
from dashboard.loading import parse_events
from dashboard.table import EVENTS_PATH_VARIABLE, load_events

ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str) -> tuple[int, str, str]:
    """Call the CLI in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(list(argv), out, err)
    except SystemExit as exit_:  # argparse's usage errors
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def events_path(write_events) -> Path:
    return write_events()


def exported_ids(path: Path) -> list[str]:
    return parse_events(path.read_bytes())["event_id"].tolist()


# --- validate --------------------------------------------------------------------------------


def test_validate_valid_file_prints_a_one_line_summary(events_path):
    code, out, err = run("validate", str(events_path))
    assert (code, err) == (0, "")
    assert out == f"{events_path}: valid, 6 events, 2021-01-01 to 2022-08-04\n"


def test_validate_one_event_says_event(write_events):
    path = write_events([event_row()])
    assert run("validate", str(path)) == (
        0,
        f"{path}: valid, 1 event, 2022-08-03 to 2022-08-04\n",
        "",
    )


def test_validate_header_only_is_valid_with_zero_events(write_events):
    path = write_events(data=",".join(event_row()) + "\n")
    assert run("validate", str(path)) == (0, f"{path}: valid, 0 events\n", "")


def test_validate_invalid_file_lists_every_problem(write_events):
    rows = [
        event_row(event_id="a", start_date="2022-02-30"),
        event_row(event_id="b", event_type="picnic"),
        event_row(event_id="a"),
    ]
    path = write_events(rows)
    code, out, err = run("validate", str(path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "row 2, column start_date: '2022-02-30' is not a real date",
        "row 3, column event_type: unknown event type 'picnic'; see the event-type vocabulary",
        "row 4, column event_id: duplicate id 'a', first used on row 2",
        f"{path}: invalid, 3 problems",
    ]


def test_validate_names_the_rows_of_a_problem_seen_on_many_as_runs(write_events):
    rows = [
        event_row(event_id=f"e{i}", start_date="2022-02-30" if not 8 <= i <= 10 else "2022-02-03")
        for i in range(40)
    ]
    path = write_events(rows)
    code, out, err = run("validate", str(path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "37 problems like this on rows 2–9, 13–41, column start_date, "
        "e.g. row 2, column start_date: '2022-02-30' is not a real date",
        f"{path}: invalid, 37 problems",
    ]


def test_validate_writes_every_figure_with_thousands_separated(write_events):
    """The total said 'invalid, 1201 problems' under a grouped line's 'rows 2–1,201', and
    a problem's own text 'row 1202' (one helper writes every figure now: problems.figure)."""
    rows = [event_row(event_id=f"e{i}", start_date="2022-02-30") for i in range(1_200)]
    rows.append(event_row(event_id="e0"))
    path = write_events(rows)
    code, out, err = run("validate", str(path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "1,200 problems like this on rows 2–1,201, column start_date, "
        "e.g. row 2, column start_date: '2022-02-30' is not a real date",
        "row 1,202, column event_id: duplicate id 'e0', first used on row 2",
        f"{path}: invalid, 1,201 problems",
    ]


def test_validate_one_problem_says_problem(write_events):
    path = write_events(data=b"")
    assert run("validate", str(path)) == (
        1,
        "",
        f"file: the file is empty\n{path}: invalid, 1 problem\n",
    )


def test_validate_missing_file_is_invalid_not_a_traceback(tmp_path):
    path = tmp_path / "absent.csv"
    code, out, err = run("validate", str(path))
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == f"{path}: invalid, 1 problem"
    assert "Traceback" not in err


# --- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv, says",
    [
        ([], "the following arguments are required: COMMAND"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["validate"], "the following arguments are required: path"),
        (["export"], "the following arguments are required: -o/--output"),
        (["export", "--country", "Myanmar"], "the following arguments are required: -o/--output"),
        (["export", "-o", "x.csv", "--colour", "red"], "unrecognized arguments: --colour red"),
    ],
)
def test_usage_errors_exit_2_with_a_message(argv, says):
    code, out, err = run(*argv)
    assert code == 2
    assert out == ""
    assert err.startswith("usage: python -m dashboard")
    assert says in err


def test_help_exits_0_on_stdout():
    code, out, err = run("export", "--help")
    assert (code, err) == (0, "")
    assert "--country X" in out and "--output" in out


# --- export ----------------------------------------------------------------------------------


def test_export_without_filters_writes_every_event_and_validates_again(events_path, tmp_path):
    out_path = tmp_path / "out.csv"
    code, out, err = run("export", "--events", str(events_path), "-o", str(out_path))
    assert (code, out) == (0, "")
    assert err == f"wrote 6 of 6 events to {out_path}\n"
    assert exported_ids(out_path) == [r["event_id"] for r in sample_events()]
    assert run("validate", str(out_path))[0] == 0
    original = parse_events(events_path.read_bytes())
    pd.testing.assert_frame_equal(parse_events(out_path.read_bytes()), original)


@pytest.mark.parametrize(
    "flags, expected",
    [
        (["--type", "coup"], ["coup"]),
        (["--type", "coup", "--type", "condemnation"], ["us-condemns", "coup"]),
        (["--country", "Laos"], ["forum-july"]),
        (["--country", "Laos", "--country", "China"], ["forum-july"]),
        (["--actor", "Wang Yi"], ["forum-july"]),
        (["--actor", "Antony Blinken", "--actor", "Wang Yi"], ["forum-july", "us-condemns"]),
        (["--start", "2022-07-15", "--end", "2022-07-20"], ["forum-july"]),
        (["--start", "2022-08-04"], ["lavrov-visits-myanmar"]),
        (["--end", "2021-01-31"], ["russia-year"]),
        (["--q", "BAGAN"], ["forum-july"]),
        (["--q", "four men executed"], ["executions"]),
        (
            ["--country", "Russia", "--type", "visit", "--start", "2022-01-01"],
            ["lavrov-visits-myanmar"],
        ),
        (["--q", "no such text"], []),
    ],
)
def test_export_with_each_flag(events_path, tmp_path, flags, expected):
    out_path = tmp_path / "out.csv"
    code, _, err = run("export", "--events", str(events_path), *flags, "-o", str(out_path))
    assert code == 0, err
    assert exported_ids(out_path) == expected
    assert err == f"wrote {len(expected)} of 6 events to {out_path}\n"
    assert run("validate", str(out_path))[0] == 0


def test_export_matches_the_library_filter_with_the_real_directory(events_path, tmp_path):
    # The CLI reads data/actors.csv; its result must be apply_filters' with the same spec.
    out_path = tmp_path / "out.csv"
    flags = ["--country", "Myanmar", "--actor", "Min Aung Hlaing"]
    assert run("export", "--events", str(events_path), *flags, "-o", str(out_path))[0] == 0
    table = load_events(events_path)
    expected = apply_filters(
        table, FilterSpec(countries=("Myanmar",), actors=("Min Aung Hlaing",))
    ).reset_index(drop=True)
    pd.testing.assert_frame_equal(parse_events(out_path.read_bytes()), expected)
    assert len(expected) >= 3


def test_export_opens_an_acled_file_like_the_app_does(tmp_path):
    # The same load_any as the app: an ACLED export filters and exports in our schema.
    out_path = tmp_path / "out.csv"
    source = ROOT / "tests" / "data" / "acled_sample.csv"
    code, _, err = run("export", "--events", str(source), "--type", "protest", "-o", str(out_path))
    assert code == 0
    assert "notice: Imported" in err
    table, _ = load_any(source)
    expected = apply_filters(table, FilterSpec(event_types=("protest",)))
    exported = parse_events(out_path.read_bytes(), allow_unknown_event_types=True)
    assert exported["event_id"].tolist() == expected["event_id"].tolist()
    assert len(expected) >= 1


def test_export_to_stdout(events_path):
    code, out, err = run("export", "--events", str(events_path), "--type", "coup", "-o", "-")
    assert code == 0
    assert out.startswith("\ufeffevent_id,")
    assert parse_events(out.encode("utf-8"))["event_id"].tolist() == ["coup"]
    assert err == "wrote 1 of 6 events to -\n"


def test_export_neutralises_formulas(write_events, tmp_path):
    path = write_events([event_row(title='\'=HYPERLINK("x")', notes="'@x")])
    out_path = tmp_path / "out.csv"
    assert run("export", "--events", str(path), "-o", str(out_path))[0] == 0
    exported = parse_events(out_path.read_bytes())
    assert exported.loc[0, ["title", "notes"]].tolist() == ['=HYPERLINK("x")', "@x"]
    text = out_path.read_bytes().decode("utf-8")
    assert "'=HYPERLINK" in text and ",'@x" in text


@pytest.mark.parametrize(
    "flags, message",
    [
        (
            ["--country", "Atlantis"],
            "error: Unknown country 'Atlantis' was dropped from the filter.",
        ),
        (["--actor", "Nobody"], "error: Unknown actor 'Nobody' was dropped from the filter."),
        (["--type", "picnic"], "error: Unknown event type 'picnic' was dropped from the filter."),
        (
            ["--start", "2022-02-30"],
            "error: '2022-02-30' is not a date (YYYY-MM-DD); the start date is ignored.",
        ),
        (["--end", "July"], "error: 'July' is not a date (YYYY-MM-DD); the end date is ignored."),
        (
            ["--start", "2022-08-01", "--end", "2022-07-01"],
            "error: The start date 2022-08-01 is after the end date 2022-07-01; both are ignored.",
        ),
    ],
)
def test_export_refuses_filters_it_would_have_to_drop(events_path, tmp_path, flags, message):
    # Deliberate: a dropped value would widen the export silently.
    out_path = tmp_path / "out.csv"
    code, out, err = run("export", "--events", str(events_path), *flags, "-o", str(out_path))
    assert (code, out) == (2, "")
    assert message in err.splitlines()
    assert not out_path.exists()


def test_export_of_an_invalid_table_exits_1(write_events, tmp_path):
    path = write_events([event_row(title="")])
    out_path = tmp_path / "out.csv"
    code, out, err = run("export", "--events", str(path), "-o", str(out_path))
    assert (code, out) == (1, "")
    assert err == f"row 2, column title: is empty\n{path}: invalid, 1 problem\n"
    assert not out_path.exists()


def test_export_to_an_unwritable_place_is_an_error_not_a_traceback(events_path, tmp_path):
    out_path = tmp_path / "no" / "such" / "dir" / "out.csv"
    code, _, err = run("export", "--events", str(events_path), "-o", str(out_path))
    assert code == 2
    assert err.startswith("error: ")


def test_export_events_default_follows_events_path(monkeypatch, events_path, tmp_path):
    monkeypatch.setenv(EVENTS_PATH_VARIABLE, str(events_path))
    out_path = tmp_path / "out.csv"
    assert run("export", "--type", "coup", "-o", str(out_path))[0] == 0
    assert exported_ids(out_path) == ["coup"]


# --- through a real process ------------------------------------------------------------------


def python_m_dashboard(*argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(EVENTS_PATH_VARIABLE, None)
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_python_m_dashboard_exit_codes(events_path):
    # Each process start imports pandas and pyarrow: keep to two runs (exit 0 and exit 2).
    done = python_m_dashboard("validate", str(events_path))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"{events_path}: valid, 6 events, 2021-01-01 to 2022-08-04\n"

    done = python_m_dashboard()
    assert done.returncode == 2
    assert "usage:" in done.stderr
