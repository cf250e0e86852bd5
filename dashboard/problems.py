"""Problems found in an input table, reported as `row N, column C: what is wrong`."""

from __future__ import annotations

from dataclasses import dataclass


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
            where.append(f"row {self.row}")
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
        more = f" (and {count - 1} more)" if count > 1 else ""
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
        lines.append(f"... and {hidden} more problem{'s' if hidden != 1 else ''}")
    return lines
