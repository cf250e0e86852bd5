"""Array helpers shared by the figures: work on the table's indexes, not on its rows.

Everything here is vectorised over the table's postings so that a figure of a
filtered million-row table costs a few passes over integer arrays.
"""

from __future__ import annotations

import numpy as np

from dashboard.table import EventTable, Postings


def as_positions(positions: np.ndarray | list[int] | None, n_events: int) -> np.ndarray:
    """Positions as a sorted, de-duplicated int64 array inside ``[0, n_events)``.

    A boolean array of length ``n_events`` is read as a mask (``filter_mask``'s result).
    """
    if positions is None:
        return np.arange(n_events, dtype=np.int64)
    array = np.asarray(positions)
    if array.dtype == bool and array.shape == (n_events,):
        return np.flatnonzero(array).astype(np.int64)
    array = array.astype(np.int64).ravel()
    array = array[(array >= 0) & (array < n_events)]
    # A mask is O(n); np.unique sorts (or hashes) and costs ~1 s at a million rows.
    return np.flatnonzero(selected_mask(array, n_events)).astype(np.int64)


def selected_mask(positions: np.ndarray, n_events: int) -> np.ndarray:
    """Boolean mask over all events, True at ``positions``."""
    mask = np.zeros(n_events, dtype=bool)
    mask[positions] = True
    return mask


def postings_pairs(postings: Postings, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(value code, event position) for every posting whose event is in ``mask``."""
    counts = postings.counts()
    codes = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    keep = mask[postings.positions] if len(postings.positions) else np.zeros(0, dtype=bool)
    return codes[keep], postings.positions[keep].astype(np.int64)


def distinct_count(postings: Postings, mask: np.ndarray) -> int:
    """How many distinct values of ``postings`` the events in ``mask`` hold."""
    codes, _ = postings_pairs(postings, mask)
    return int(np.count_nonzero(np.bincount(codes, minlength=len(postings.names))))


def type_names(table: EventTable, positions: np.ndarray) -> np.ndarray:
    """Event-type name of each event at ``positions`` (object array)."""
    names = np.asarray(table.event_types, dtype=object)
    return names[table.type_codes[positions]] if len(positions) else names[:0]


def counted(postings: Postings, positions: np.ndarray, n_events: int) -> np.ndarray:
    """How many of the events at ``positions`` hold each value of ``postings``.

    All events: the postings' own counts (free); otherwise one pass over the postings.
    """
    if len(positions) == n_events:
        return postings.counts()
    codes, _ = postings_pairs(postings, selected_mask(positions, n_events))
    return np.bincount(codes, minlength=len(postings.names))
