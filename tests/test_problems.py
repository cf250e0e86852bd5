"""Problems grouped by kind: one line per kind with its count, first rows and an example."""

from __future__ import annotations

import pytest

from dashboard.problems import (
    EventsFileError,
    Problem,
    counted,
    empty_rows_notice,
    format_grouped_problems,
    format_problems,
    group_problems,
    named_runs,
    telling_empty_rows,
)


def test_thousands_of_rows_with_one_problem_are_one_line():
    problems = [
        Problem(row, "event_date", f"'2021-01-{row % 28 + 1:02d}T00:00:00Z' is not a date")
        for row in range(2, 2736)
    ]
    assert format_grouped_problems(problems) == [
        "2,734 problems like this on rows 2–2,735, column event_date, "
        "e.g. row 2, column event_date: '2021-01-03T00:00:00Z' is not a date"
    ]


def test_kinds_differ_by_column_and_wording_not_by_value():
    problems = [
        Problem(2, "a", "'x' is not a date"),
        Problem(3, "a", "'y' is not a date"),
        Problem(3, "b", "'y' is not a date"),
        Problem(4, "a", "is empty"),
    ]
    groups = group_problems(problems)
    assert [(g.column, g.rows, g.count) for g in groups] == [
        ("a", (2, 3), 2),
        ("b", (3,), 1),
        ("a", (4,), 1),
    ]
    # A kind seen once reads exactly as the problem itself.
    assert str(groups[1]) == "row 3, column b: 'y' is not a date"


def test_limit_counts_the_problems_of_the_kinds_not_shown():
    problems = [Problem(2, f"c{i}", "is empty") for i in range(3)] + [
        Problem(row, "c3", "is empty") for row in range(2, 12)
    ]
    lines = format_grouped_problems(problems, limit=2)
    assert lines == [
        "row 2, column c0: is empty",
        "row 2, column c1: is empty",
        "... and 11 more problems",
    ]


@pytest.mark.parametrize(
    "rows,said",
    [
        ([7], "7"),
        ([4, 9], "4, 9"),
        ([794, *range(795, 1001)], "794–1,000"),
        ([2, 3, 4, 6], "2–4, 6"),
        ([1, 3, 5, 7, 9, 10, 11, 20, 21], "1, 3, 5, 7, 9–11 and 2 more"),
    ],
)
def test_named_runs_names_consecutive_rows_as_a_range(rows, said):
    assert named_runs(rows) == said


def test_one_helper_tells_a_readers_empty_rows_in_the_notices_words():
    told: list[str] = []
    tell = telling_empty_rows(told.append)
    tell([])
    assert told == []  # no empty rows, nothing said
    tell([3, 4, 5, 9])
    tell([7])
    assert told == [*empty_rows_notice([3, 4, 5, 9]), *empty_rows_notice([7])]
    assert told[0] == "4 empty rows (only delimiters) skipped: rows 3–5, 9."
    said: list[str] = []
    telling_empty_rows(said.append, "no value in any cell")([12, 13])
    assert said == ["2 empty rows (no value in any cell) skipped: rows 12–13."]


def test_a_group_names_its_rows_in_runs_whatever_order_they_come_in():
    rows = [9, *range(20, 31), 2, 3, 4, 7, *range(40, 44), 50, 60]
    problems = [Problem(row, "end_date", f"'x{row}' is not a date") for row in rows]
    (line,) = format_grouped_problems(problems)
    # Runs in ascending order, five named, the rows of the rest counted.
    assert line.startswith("22 problems like this on rows 2–4, 7, 9, 20–30, 40–43 and 2 more, ")
    # Still the column and the first problem met as the example.
    assert line.endswith("column end_date, e.g. row 9, column end_date: 'x9' is not a date")


@pytest.mark.parametrize(
    "said,expected",
    [
        (lambda: str(Problem(5065, "title", "is empty")), "row 5,065, column title: is empty"),
        (lambda: str(Problem(999, None, "x")), "row 999: x"),
        (
            lambda: str(EventsFileError([Problem(r, "title", "is empty") for r in range(1, 1236)])),
            "row 1, column title: is empty (and 1,234 more)",
        ),
        (
            lambda: format_problems([Problem(r, None, "x") for r in range(1, 1202)], limit=1)[-1],
            "... and 1,200 more problems",
        ),
        (
            lambda: format_problems([Problem(1, None, "x")] * 2, limit=1)[-1],
            "... and 1 more problem",
        ),
        (lambda: counted(1, "event"), "1 event"),
        (lambda: counted(17_178, "problem"), "17,178 problems"),
        (lambda: counted(0, "event"), "0 events"),
    ],
)
def test_every_figure_in_a_message_is_written_one_way(said, expected):
    """A problem said 'row 5065' beside a grouped line's 'rows 5,065', and totals had no
    separator ('invalid, 17178 problems'): every row number and count is thousands-separated."""
    assert said() == expected


def test_numbers_written_with_separators_are_one_kind_of_problem():
    """Numbers vary between problems of one kind: '1,200' is one number, as '12' is, so
    records of 12 and of 1,200 fields are one kind, one line."""
    problems = [
        Problem(2, None, "has 12 fields, the header has 58"),
        Problem(3, None, "has 1,200 fields, the header has 58"),
        Problem(4, None, "has 61 fields, the header has 58"),
    ]
    (group,) = group_problems(problems)
    assert group.count == 3 and group.rows == (2, 3, 4)


def test_the_score_writes_its_counts_as_every_message_does():
    """`score`'s counts were plain numbers (`candidates 1200`) beside every other count's
    thousands separator: one helper (problems.figure) for all."""
    from dashboard.scoring import Score, format_score

    lines = format_score(Score(1200, 15000, 1100, (), (), ()), label="all")
    assert lines[0] == "all: candidates 1,200, gold 15,000, matched 1,100"
