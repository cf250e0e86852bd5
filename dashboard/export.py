"""Export filtered events as CSV that is both lossless and safe in a spreadsheet.

* Lossless: the file loads back through :func:`dashboard.loading.parse_events`
  with every field identical: every column is written as text, dates as
  ``YYYY-MM-DD``, quoting as needed (RFC 4180, CRLF line ends).
* Spreadsheet-safe: a cell starting with ``= + - @``, tab or carriage return
  gets a leading apostrophe (see :mod:`dashboard.cells`), which the loader
  removes again, so both properties hold at once.
* UTF-8 with a byte-order mark, so spreadsheet programs detect the encoding.
"""

from __future__ import annotations

import pandas as pd

from dashboard import schema
from dashboard.cells import escape_formula_cells

BOM = "\ufeff"


def export_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The text form of ``events`` as written to CSV (dates ISO, formulas neutralised)."""
    # Built as one dict: inserting thousands of columns one by one is quadratic.
    names = escape_formula_cells(pd.Series(list(events.columns), dtype="str")).tolist()
    out = {}
    for name, column in zip(names, events.columns, strict=True):
        values = events[column]
        if column in schema.DATE_COLUMNS:
            values = values.dt.strftime("%Y-%m-%d")
        out[name] = escape_formula_cells(values.astype("str"))
    return pd.DataFrame(out, index=events.index)


def export_csv(events: pd.DataFrame) -> bytes:
    """CSV bytes of ``events``: every column, every row given, nothing else."""
    text = export_frame(events).to_csv(index=False, lineterminator="\r\n")
    return (BOM + text).encode("utf-8")
