"""The views of a page served by a query engine (``ENGINE=duckdb|spark``), from its answers.

A page over the in-memory table draws from the table's indexes (the fast default).
Over a query engine, the process holds no table: each view asks the engine
(:mod:`dashboard.query`) for what it draws and hands that to the same figure
builders. What is bounded by rows (the events a timeline draws one by one, the
Events page's window, the map's points) comes back as a small indexed table of the
first filtered events (:func:`window_table`); what is aggregated (count cells, the
network's edges, map cells) is counted by the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboard.colours import event_type_colours
from dashboard.filters import FilterSpec
from dashboard.query import Engine
from dashboard.table import EventTable, build_table
from dashboard.timeline import (
    AGGREGATE_THRESHOLD,
    MAX_BINS,
    TimelineView,
    counts_view,
    timeline_view,
)


@dataclass(frozen=True)
class EngineTimeline:
    """The timeline figure and the events it can show details of (the first filtered ones)."""

    view: TimelineView
    events: EventTable


def window_table(engine: Engine, spec: FilterSpec, limit: int) -> EventTable:
    """The first ``limit`` filtered events (in table order) as a small indexed table."""
    frame = engine.window(spec, 0, limit).events.reset_index(drop=True)
    return build_table(frame, engine.directory, engine.info().label)


def relation_table(
    engine: Engine,
    spec: FilterSpec,
    node_kind: str,
    first: str,
    second: str,
    limit: int,
    total: int | None = None,
) -> tuple[EventTable, int]:
    """The first ``limit`` filtered events behind the relation of ``first`` and ``second``
    (:meth:`~dashboard.query.Engine.relation_window`) as a small indexed table, and how
    many there are (``total``, the relations list's count, when given: not counted again)."""
    found = engine.relation_window(spec, node_kind, first, second, limit, total)
    table = build_table(found.events.reset_index(drop=True), engine.directory, engine.info().label)
    return table, found.total


def type_colours(engine: Engine) -> dict[str, str]:
    """The colour of every event type of the engine's whole dataset (workspace included).

    A window holds only the first filtered events: coloured by its own types' counts, a
    table's own type took the colour of its rank among the filtered events, and changed
    with the filters. The whole dataset's counts per type and month are kept when it is
    written (an engine reads them, plus the workspace's, in a few ms; counting them again
    took 70-110 ms at 84,000 events on DuckDB), and the engine keeps the answer.
    """
    events: dict[str, int] = {}
    for name, _, count in engine.lane_counts(FilterSpec(), "event_type", "month").rows:
        events[name] = events.get(name, 0) + int(count)
    return event_type_colours(events, events.values())


def everything(table: EventTable) -> np.ndarray:
    """Positions of every event of ``table``."""
    return np.arange(len(table), dtype=np.int64)


def engine_timeline(
    engine: Engine,
    spec: FilterSpec,
    lane: str,
    matched: int,
    details: int = 300,
    per: int = 0,
) -> EngineTimeline:
    """The Timeline over ``engine`` for the ``matched`` events ``spec`` keeps.

    Up to :data:`~dashboard.timeline.AGGREGATE_THRESHOLD` events are fetched and drawn
    one by one, exactly as in memory; more are counted per lane and month by the
    engine and drawn as count cells (per at least ``per`` months when asked), with the
    first ``details`` events to read.
    """
    if matched <= AGGREGATE_THRESHOLD:
        events = window_table(engine, spec, AGGREGATE_THRESHOLD)
        view = timeline_view(events, everything(events), lane, type_colours(engine), per)
        return EngineTimeline(view, events)
    counts, period = engine.lane_counts(spec, lane, "month"), "month"
    months = {month for _, month, _ in counts.rows}
    if not per and months and _months_apart(min(months), max(months)) < _DAY_MONTHS:
        # Starts within a few months: perhaps within MAX_BINS days, counted per day as in
        # memory (counts_view decides from the days; one more query only then).
        counts, period = engine.lane_counts(spec, lane, "day"), "day"
    return EngineTimeline(
        counts_view(counts.rows, lane, matched, period, per), window_table(engine, spec, details)
    )


#: Events starting within MAX_BINS (150) days start in at most 6 calendar months.
_DAY_MONTHS = MAX_BINS // 28 + 1


def _months_apart(first: str, last: str) -> int:
    """Months from ``2022-07`` to ``2022-09`` (2)."""
    (a, b), (c, d) = (map(int, label.split("-")) for label in (first, last))
    return (c - a) * 12 + d - b
