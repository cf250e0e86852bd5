"""Problems found in an input table, reported as `row N, column C: what is wrong`.

Every figure in a message, a row number or a count, is written by :func:`figure`
(``row 5,065``, ``17,178 problems``): one way, whether the line is a problem's own, a
grouped line or a total."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


def figure(n: int) -> str:
    """A row number or a count as every message writes it: thousands separated (``5,065``)."""
    return f"{n:,}"


def counted(n: int, noun: str) -> str:
    """``1 event``, ``17,178 problems``: a count (:func:`figure`) with its noun in the
    right number."""
    return f"{figure(n)} {noun}{'' if n == 1 else 's'}"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in an input file.

    ``row`` is the line of the file as a text editor or spreadsheet counts it
    (the header is row 1); ``None`` for problems with the file as a whole.
    """

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {figure(self.row)}")
        if self.column is not None:
            where.append(f"column {self.column}")
        prefix = ", ".join(where) if where else "file"
        return f"{prefix}: {self.message}"


class EventsFileError(Exception):
    """An events file that cannot be loaded; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        count = len(self.problems)
        first = str(self.problems[0]) if self.problems else "unknown problem"
        more = f" (and {figure(count - 1)} more)" if count > 1 else ""
        super().__init__(f"{first}{more}")


def _sort_key(problem: Problem) -> tuple[int, str, str]:
    return (
        problem.row if problem.row is not None else -1,
        problem.column or "",
        problem.message,
    )


def format_problems(problems: list[Problem], limit: int | None = None) -> list[str]:
    """Render problems as lines, the first ``limit`` of them and a count of the rest."""
    shown = problems if limit is None else problems[:limit]
    lines = [str(p) for p in shown]
    hidden = len(problems) - len(shown)
    if hidden > 0:
        lines.append(f"... and {counted(hidden, 'more problem')}")
    return lines


#: Quoted values (reprs of cell values) and numbers (``5,065`` one number, as
#: :func:`figure` writes it): what varies between problems of one kind.
_VARYING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\d{1,3}(?:,\d{3})+|\d+")
#: How many runs of rows a line names before it counts the rest.
ROWS_NAMED = 5


def named_runs(rows: tuple[int, ...] | list[int]) -> str:
    """Ascending ``rows`` as runs, a run of consecutive rows as a range, the first
    :data:`ROWS_NAMED` runs named and the rows of the rest counted: ``"4–9, 12 and 3 more"``."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    named = ", ".join(
        figure(first) if first == last else f"{figure(first)}–{figure(last)}"
        for first, last in runs[:ROWS_NAMED]
    )
    more = sum(last - first + 1 for first, last in runs[ROWS_NAMED:])
    return named + (f" and {figure(more)} more" if more > 0 else "")


def column_letter(position: int) -> str:
    """A spreadsheet's name for the column at 1-based ``position``: A, B … Z, AA, AB …"""
    letters = ""
    while position > 0:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class UnnamedColumn:
    """A column whose header is empty: where it is, what it is read as, its values' rows.

    Any reader (CSV, Parquet, a workbook) reads such a column under its spreadsheet
    name (``column F``, as the analyst sees it in a spreadsheet) when it holds values,
    and leaves it out when it holds none (a trailing delimiter on every line): a
    CSV exported from a sheet often has an unnamed index column or a trailing comma."""

    #: 1-based position in the header.
    position: int
    #: The name it is read under (:func:`unnamed_column_name`).
    name: str
    #: Whether it is kept (it holds a value somewhere in the file).
    kept: bool
    #: File rows of the records holding a value in it (ascending).
    rows: tuple[int, ...] = ()


def unnamed_column_name(position: int, named) -> str:
    """The name a column with an empty header at ``position`` is read under: its
    spreadsheet name (``column F``), never one of the ``named`` header's names."""
    name = f"column {column_letter(position)}"
    while name in named:
        name += " (no header)"
    return name


def unnamed_columns_notices(columns) -> list[str]:
    """What the analyst is told of the columns with no header a reader found (each
    :class:`UnnamedColumn`): those read, by name with their rows; those left out, at once."""
    notices = []
    for column in columns:
        if column.kept:
            many = "s" if len(column.rows) > 1 else ""
            notices.append(
                f"Column {column_letter(column.position)} has values but no header: "
                f"row{many} {named_runs(column.rows)}; read as {column.name!r}. "
                "Name it in the header row to read it by its name."
            )
    left_out = sorted(c.position for c in columns if not c.kept)
    if left_out:
        many = len(left_out) > 1
        notices.append(
            f"Column{'s' if many else ''} {named_list(_letter_runs(left_out))} "
            f"{'have' if many else 'has'} no header and no value in any row: left out."
        )
    return notices


def _letter_runs(positions: list[int]) -> list[str]:
    """Ascending column positions as spreadsheet letters, a run of three or more as a
    range (a sheet's formatted empty columns ``K–Z``)."""
    runs: list[list[int]] = []
    for position in positions:
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    words = []
    for run in runs:
        if len(run) >= 3:
            words.append(f"{column_letter(run[0])}–{column_letter(run[-1])}")
        else:
            words.extend(column_letter(p) for p in run)
    return words


def named_list(words: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def empty_rows_notice(
    rows: tuple[int, ...] | list[int], what: str = "only delimiters"
) -> list[str]:
    """The notice of the records with no value that a reader skipped, naming their rows
    (the file's, or the sheet's as Excel shows them) in runs (``rows 794–1,000``: a sheet's
    formatted rows below its table are hundreds); ``what`` says what such a row is."""
    if not rows:
        return []
    many = "s" if len(rows) > 1 else ""
    return [f"{counted(len(rows), 'empty row')} ({what}) skipped: row{many} {named_runs(rows)}."]


def telling_empty_rows(
    on_notice: Callable[[str], None], what: str = "only delimiters"
) -> Callable[[list[int]], None]:
    """A readers' ``on_empty_rows``: the empty rows it is handed, told to ``on_notice`` in
    :func:`empty_rows_notice`'s words (nothing when there are none)."""

    def tell(rows: list[int]) -> None:
        for notice in empty_rows_notice(rows, what):
            on_notice(notice)

    return tell


@dataclass(frozen=True)
class ProblemGroup:
    """Problems of one kind in one column: how many, on which rows, and the first as example.

    Its line names the rows in runs (:func:`named_runs`): ``rows 2–5,726`` where a column
    mapped wrongly fails on every row."""

    column: str | None
    example: Problem
    rows: tuple[int, ...]
    count: int

    def __str__(self) -> str:
        if self.count == 1:
            return str(self.example)
        where = f"rows {named_runs(sorted(set(self.rows)))}"
        if self.column is not None:
            where += f", column {self.column}"
        return f"{counted(self.count, 'problem')} like this on {where}, e.g. {self.example}"


def _kind(problem: Problem) -> tuple[str | None, str]:
    return problem.column, _VARYING.sub("…", problem.message)


def group_problems(problems: list[Problem]) -> list[ProblemGroup]:
    """One group per kind of problem (column and message up to its values), in first-seen order."""
    groups: dict[tuple[str | None, str], list[Problem]] = {}
    for problem in problems:
        groups.setdefault(_kind(problem), []).append(problem)
    return [
        ProblemGroup(
            column=members[0].column,
            example=members[0],
            rows=tuple(p.row for p in members if p.row is not None),
            count=len(members),
        )
        for members in groups.values()
    ]


def unread_cells_notice(problems: list[Problem] | tuple[Problem, ...]) -> list[str]:
    """The notice of values a column the event table does not read cannot hold (a
    source's timestamp that is no number): each left empty, its row read all the same.
    In a column the table reads (our schema's, the deaths the views sum) such a value
    is a problem that refuses the file."""
    if not problems:
        return []
    n = len(problems)
    lines = format_grouped_problems(list(problems), limit=ROWS_NAMED)
    return [
        f"{counted(n, 'value')} in a column the event table does not read "
        f"{'is' if n == 1 else 'are'} left empty, {'its row' if n == 1 else 'their rows'} "
        f"read all the same: {'; '.join(lines)}."
    ]


def format_grouped_problems(problems: list[Problem], limit: int | None = None) -> list[str]:
    """One line per kind of problem (count, first rows, an example), then a count of the rest."""
    groups = group_problems(problems)
    shown = groups if limit is None else groups[:limit]
    lines = [str(group) for group in shown]
    hidden = sum(group.count for group in groups[len(shown) :])
    if hidden > 0:
        lines.append(f"... and {counted(hidden, 'more problem')}")
    return lines
