"""The bounded window of events a table view sends to the browser.

The browser gets at most :data:`MAX_WINDOW_ROWS` rows and, whatever the text in them,
about :data:`WINDOW_BUDGET` bytes: rows are kept in order while the estimated size of
their cells (UTF-8 bytes of the text plus a fixed cost per cell) stays within the
budget. Cells longer than :data:`CELL_CHARS` characters are cut with an ellipsis in
this window only; the download is built from the table itself and holds every row,
column and character.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.compact import plain_text

#: At most this many rows go to the browser.
MAX_WINDOW_ROWS = 5_000
#: Estimated bytes of the window's cells (the page's other elements come on top).
WINDOW_BUDGET = 600_000
#: A displayed cell holds at most this many characters (then an ellipsis).
CELL_CHARS = 500
ELLIPSIS = "…"
#: Bytes a cell costs besides its text: Arrow offsets, or the value of a date.
CELL_OVERHEAD = 8


@dataclass(frozen=True)
class Window:
    """The rows to display, how many events there were and how many cells were cut."""

    frame: pd.DataFrame
    total: int
    cut_cells: int
    estimated_bytes: int

    @property
    def rows(self) -> int:
        return len(self.frame)


def display_window(
    events: pd.DataFrame,
    positions: np.ndarray,
    columns: list[str] | tuple[str, ...],
    *,
    budget: int = WINDOW_BUDGET,
    max_rows: int = MAX_WINDOW_ROWS,
    cell_chars: int = CELL_CHARS,
) -> Window:
    """The first events at ``positions`` that fit ``budget`` bytes, ``columns`` only.

    At least one row is shown when there is one (its cells are cut, so it is small).
    Text cells over ``cell_chars`` characters end in :data:`ELLIPSIS`; other columns
    (dates) are passed through.
    """
    head = np.asarray(positions)[:max_rows]
    frame = plain_text(events.iloc[head][list(columns)])
    sizes = np.full(len(frame), CELL_OVERHEAD * len(frame.columns), dtype=np.int64)
    cuts = np.zeros(len(frame), dtype=np.int64)
    replaced = {}
    for column in frame.columns:
        series = frame[column]
        if not (pd.api.types.is_string_dtype(series.dtype) or series.dtype == object):
            continue
        text = pc.fill_null(pa.array(series.astype("str"), type=pa.large_string()), "")
        long = pc.greater(pc.utf8_length(text), cell_chars)
        if pc.any(long).as_py():
            cut = pc.binary_join_element_wise(
                pc.utf8_slice_codeunits(text, 0, cell_chars),
                pa.scalar(ELLIPSIS, pa.large_string()),
                pa.scalar("", pa.large_string()),
            )
            text = pc.if_else(long, cut, text)
            cuts += long.to_numpy(zero_copy_only=False)
            replaced[column] = pd.Series(text.to_pandas(), index=series.index, dtype="str")
        sizes += np.asarray(pc.binary_length(text).to_numpy(zero_copy_only=False), np.int64)
    if replaced:
        frame = frame.assign(**replaced)
    total = np.cumsum(sizes)
    keep = int(np.searchsorted(total, budget, side="right"))
    keep = max(keep, min(1, len(frame)))
    return Window(
        frame=frame.iloc[:keep],
        total=len(positions),
        cut_cells=int(cuts[:keep].sum()),
        estimated_bytes=int(total[keep - 1]) if keep else 0,
    )
