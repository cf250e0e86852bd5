"""Spreadsheet-formula neutralisation for text cells, reversible on load.

OWASP CSV injection: a cell that starts with ``= + - @``, a tab or a carriage
return may run as a formula when a spreadsheet opens the file. On export such a
cell gets a leading apostrophe, which spreadsheets treat as "this is text" and
do not display. To keep export lossless, the rule is a bijection:

* escape: a cell matching ``'*[=+\\-@\\t\\r]...`` (any apostrophes, then a
  trigger character) gets one more apostrophe in front, except a plain negative
  decimal number such as ``-92.15`` (a longitude, a tone score): a spreadsheet reads
  it as a number, never as a formula, and GIS tools must read it as a number too
  (defusedcsv makes the same exception);
* unescape (on load): a cell matching ``'+[=+\\-@\\t\\r]...`` loses one leading
  apostrophe.

Every other cell is written and read unchanged, so ``unescape(escape(s)) == s``
for every string ``s``.
"""

from __future__ import annotations

import re

import pandas as pd

_ESCAPE_PATTERN = r"^'*[=+\-@\t\r]"
_NEGATIVE_NUMBER = r"-\d+(?:\.\d+)?"
_UNESCAPE_PATTERN = r"^'(?='*[=+\-@\t\r])"
_UNESCAPE_RE = re.compile(_UNESCAPE_PATTERN)


def escape_formula_cells(column: pd.Series) -> pd.Series:
    """Prefix an apostrophe to every cell a spreadsheet could run as a formula."""
    needs = column.str.contains(_ESCAPE_PATTERN, regex=True)
    if needs.any():
        needs &= ~column.str.fullmatch(_NEGATIVE_NUMBER)
    if not needs.any():
        return column
    return column.mask(needs, "'" + column)


def unescape_formula_cell(value: str) -> str:
    """Undo :func:`escape_formula_cells` on one cell (a small table read cell by cell)."""
    return _UNESCAPE_RE.sub("", value, count=1)


def unescape_formula_cells(column: pd.Series) -> pd.Series:
    """Undo :func:`escape_formula_cells` (drop one apostrophe before a trigger)."""
    if not column.str.startswith("'").any():
        return column
    return column.str.replace(_UNESCAPE_PATTERN, "", n=1, regex=True)
