"""Counts at a glance for the Events page: events, countries, actors and the date span."""

from __future__ import annotations

import numpy as np

from dashboard.subsets import as_positions, distinct_count, selected_mask
from dashboard.table import EventTable

_EPOCH = np.datetime64("1970-01-01", "D")


def summarise(table: EventTable, positions: np.ndarray) -> dict[str, int | str | None]:
    """Counts of the events at ``positions``.

    Parameters
    ----------
    table
        The indexed events.
    positions
        Row positions of the events to count (e.g. from ``filter_positions``).

    Returns
    -------
    dict
        ``events``, ``countries`` and ``actors`` (distinct, actors and recipients
        together, countries including the actors' countries, as the filters see
        them), ``first_date`` (earliest start) and ``last_date`` (latest end) as
        ISO dates, or None when there are no events.
    """
    positions = as_positions(positions, len(table))
    mask = selected_mask(positions, len(table))
    empty = len(positions) == 0
    return {
        "events": len(positions),
        "countries": distinct_count(table.countries, mask),
        "actors": distinct_count(table.participants, mask),
        "first_date": None if empty else str(_EPOCH + table.start_days[positions].min()),
        "last_date": None if empty else str(_EPOCH + table.end_days[positions].max()),
    }
