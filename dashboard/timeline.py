"""The timeline figure: events in lanes on a time axis, or counts per lane and period at scale.

Two modes, chosen by size:

* **events** (up to :data:`AGGREGATE_THRESHOLD` drawn items): a day-precision
  single-day event is a marker (shape by quad class); any other event is a bar
  from its start to the day after its end (end dates are inclusive). Exact
  multi-day spans are solid; week/month/year spans are translucent and hatched,
  so an approximate date looks approximate. Marks that would overlap in a lane
  are stacked in sub-rows (:func:`stack_rows`), so every event can be hovered and
  clicked. Every marker and bar carries the event_id as the first item of its
  customdata, for click-to-select.
* **aggregate** (more than that, or more sub-rows than :data:`MAX_ROWS`): one
  clickable bar per non-empty lane x period cell, coloured by its count (months,
  or coarser for long spans); its customdata is ``["cell", lane row, first day,
  last day]`` so a click can narrow the filters to that lane and period.

Lanes are ordered busiest first, whatever they hold: countries, actors, event types
(which were in the vocabulary's order: on ACLED's Somalia export "agreement", 135
events, sat above "armed clash", 3,850, and past :data:`MAX_LANES` types the lanes kept
would not have been the busiest). The analyst reads the dominant lanes first; ties keep
the vocabulary's order, and colour and marker shape still tell cooperation from
conflict. The lane of events naming no country or actor, ``(no country)`` or
``(no actor)``, comes after the named lanes however busy it is: on a GDELT 2.0 export's
condemnations 43 of 86 events name no actor (a role alone, SPOKESMAN or GOVERNMENT, is
none), and their lane, 43 markers stacked on one day, filled the top of the chart where
the analyst looks for who condemned whom. Lanes are capped at :data:`MAX_LANES` (the
busiest); the events of the other lanes are drawn in one "Other" lane, so no event
silently disappears.
All text from the data is HTML-escaped: Plotly renders tags in hover and tick labels.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import colours
from dashboard.labels import chart_title, plain_label
from dashboard.schema import EVENT_TYPE_NAMES
from dashboard.subsets import as_positions, postings_pairs, selected_mask
from dashboard.table import EventTable

LANES: tuple[str, ...] = ("country", "actor", "event_type")
LANE_TITLES: dict[str, str] = {"country": "country", "actor": "actor", "event_type": "event type"}
_MISSING_LANE: dict[str, str] = {"country": "(no country)", "actor": "(no actor)"}
#: The lane value of events naming no country (actor) in an engine's lane counts
#: (:class:`dashboard.query.LaneCounts`): drawn as ``(no country)`` (``(no actor)``).
NO_LANE_VALUE = ""

#: Above this many drawn items (an event in two lanes counts twice) the timeline aggregates.
AGGREGATE_THRESHOLD = 3000
#: At most this many lanes are drawn; the events of the rest share one "Other" lane.
MAX_LANES = 40
#: Aggregate periods: months per bin, finest first; the first giving <= MAX_BINS bins wins.
#: Events that all start within MAX_BINS days are counted per day instead: ICEWS's and
#: GDELT's daily files (an ICEWS sample of 3,705 events on 2 days) were one month's cell
#: per lane, a bar chart with nothing of time left in it. This is the one rule of every
#: chart that counts events per period (:func:`per_day`, :func:`month_bins`; the Network
#: page's relation over time too), so the same events are counted per day on every page.
BIN_MONTHS: tuple[int, ...] = (1, 3, 12, 60, 120, 1200)
MAX_BINS = 150
#: Counting periods an analyst may ask for at least ("which countries, by year?"), in
#: months (0: the finest readable, per day when that fits); a coarser one is still taken
#: where the asked one would give more than MAX_BINS bars.
COUNT_PERIODS: dict[str, int] = {"auto": 0, "month": 1, "quarter": 3, "year": 12, "decade": 120}
#: Hover fields are cut to this many characters so the figure stays small at the threshold.
HOVER_CHARS = 90
#: Above this estimated size of the drawn items the timeline aggregates instead (< 1 MB).
PAYLOAD_BUDGET = 800_000
#: Lane and legend labels are cut to this many characters.
LANE_CHARS = 60

#: In events mode, at most this many sub-rows in all (beyond it the timeline aggregates).
MAX_ROWS = 150
#: Share of the time axis one mark is taken to cover when stacking: a marker is 11 px,
#: about 1.6 % of a 700 px plot (the layout at 800 px wide), so 2 % keeps marks apart.
MARK_SHARE = 0.02
#: The time axis spans at least this many days, so day data never gets hour ticks.
MIN_SPAN_DAYS = 14
#: First item of an aggregate cell's customdata (an event's is its event_id).
CELL_MARK = "cell"

_DAY_MS = 86_400_000
_EPOCH = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True)
class _Lanes:
    """Drawn lanes (labels in display order) and the (lane row, event) items to draw."""

    labels: list[str]
    rows: np.ndarray
    events: np.ndarray
    total_lanes: int
    values: tuple[str | None, ...]


@dataclass(frozen=True)
class _Axis:
    """The y axis of the drawn marks: first row of each lane and rows in all."""

    lane_first_row: np.ndarray
    lane_rows: np.ndarray
    x_range: tuple[str, str] | None

    @classmethod
    def empty(cls) -> _Axis:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), None)

    @property
    def total_rows(self) -> int:
        return int(self.lane_rows.sum())


@dataclass(frozen=True)
class _Drawn:
    """The traces (plain dicts), their y axis and the mode ("events" or "aggregate")."""

    traces: list[dict]
    axis: _Axis
    mode: str
    colour_axis: dict | None = None


@dataclass(frozen=True)
class TimelineView:
    """The timeline figure and what a click on it means.

    ``lane_values[i]`` is the filter value of drawn lane ``i`` (None for "Other"
    and for the lane of events without a value).
    """

    figure: go.Figure
    mode: str
    lane_values: tuple[str | None, ...]


def build_timeline(table: EventTable, positions: np.ndarray, lane: str = "country") -> go.Figure:
    """The figure of :func:`timeline_view`."""
    return timeline_view(table, positions, lane).figure


def timeline_view(
    table: EventTable,
    positions: np.ndarray,
    lane: str = "country",
    type_colours: Mapping[str, str] | None = None,
    per: int = 0,
) -> TimelineView:
    """Events at ``positions`` on a time axis, in lanes by country, actor or event type.

    Parameters
    ----------
    table
        The indexed events.
    positions
        Row positions of the events to draw (e.g. from ``filter_positions``).
    lane
        One of :data:`LANES`: an event with two countries (or actors) appears in both lanes.
    type_colours
        The colour of every event type of the whole dataset
        (:func:`dashboard.colours.event_type_colours` of its counts), when ``table`` is
        only a window of it (a query engine's); default
        :func:`dashboard.colours.table_type_colours` of ``table``.
    per
        When events are counted: per at least this many months (a value of
        :data:`COUNT_PERIODS`; 0: the finest readable, per day where that fits).

    Returns
    -------
    TimelineView
        Markers and bars per event (stacked in sub-rows), or clickable count cells
        per lane and period when there are too many.
    """
    if lane not in LANES:
        raise ValueError(f"lane must be one of {LANES}, not {lane!r}")
    positions = as_positions(positions, len(table))
    lanes = _lanes(table, positions, lane)
    drawn = None
    if len(positions) == 0:
        drawn = _Drawn([], _Axis.empty(), "events")
    elif len(lanes.rows) <= AGGREGATE_THRESHOLD and len(positions) <= AGGREGATE_THRESHOLD:
        palette = type_colours or colours.table_type_colours(table)
        drawn = _events_traces(table, lanes, palette)
    if drawn is None:
        drawn = _aggregate_traces(table, positions, lanes, per)
    # One Figure from plain dicts: Plotly validates every property once. Building it
    # up with add_trace/update_layout/update_xaxes validates again at each step.
    layout = _layout(drawn, lane, lanes, len(positions))
    figure = go.Figure(data=drawn.traces, layout=layout)
    return TimelineView(figure, drawn.mode, lanes.values)


def lane_items(
    table: EventTable, positions: np.ndarray, lane: str, missing: str
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The lane values' names, and the (value code, event position) of every item of the
    events at ``positions`` in ``lane``. Events naming no country (actor) get a lane of
    their own, the last name, ``missing``, instead of vanishing."""
    if lane == "event_type":
        return list(table.event_types), table.type_codes[positions].astype(np.int64), positions
    postings = table.countries if lane == "country" else table.participants
    mask = selected_mask(positions, len(table))
    codes, events = postings_pairs(postings, mask)
    mask[events] = False
    lonely = np.flatnonzero(mask)
    names = [*postings.names, missing]
    codes = np.concatenate([codes, np.full(len(lonely), len(names) - 1, np.int64)])
    return names, codes, np.concatenate([events, lonely])


def _lanes(table: EventTable, positions: np.ndarray, lane: str) -> _Lanes:
    """Lane of every (event, lane value) item, busiest lanes first, the rest in "Other"."""
    names, codes, events = lane_items(table, positions, lane, _MISSING_LANE.get(lane, ""))
    counts = np.bincount(codes, minlength=len(names))
    used = np.flatnonzero(counts)
    # Busiest first, event types too (module docstring); ties in the names' order: sorted in
    # the postings, the vocabulary's then the table's own for types.
    used = used[np.argsort(-counts[used], kind="stable")]
    shown = used[:MAX_LANES]
    if lane in _MISSING_LANE:
        # The lane of events naming no one goes below the named lanes, busy or not: the
        # chart answers "who" (module docstring).
        nobody = shown == len(names) - 1
        shown = np.concatenate([shown[~nobody], shown[nobody]])
    row_of_code = np.full(len(names), -1, dtype=np.int64)
    row_of_code[shown] = np.arange(len(shown))
    rows = row_of_code[codes] if len(codes) else codes
    labels = _unique_labels([_hover_text(names[code], LANE_CHARS) for code in shown])
    missing = _MISSING_LANE.get(lane)
    values: list[str | None] = [
        None if lane != "event_type" and code == len(names) - 1 else names[code] for code in shown
    ]
    if missing is None:
        values = [names[code] for code in shown]
    if len(used) > len(shown):
        hidden = rows < 0
        # An event in several hidden lanes is drawn once in "Other".
        other_events = np.flatnonzero(selected_mask(events[hidden], len(table)))
        keep = ~hidden
        rows = np.concatenate([rows[keep], np.full(len(other_events), len(shown), np.int64)])
        events = np.concatenate([events[keep], other_events])
        labels.append(f"Other ({len(used) - len(shown):,} {LANE_TITLES[lane]} lanes)")
        values.append(None)
    return _Lanes(labels, rows, events, len(used), tuple(values))


def _unique_labels(labels: list[str]) -> list[str]:
    """Labels made distinct again after cutting ("name…", "name… (2)")."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def _events_traces(table: EventTable, lanes: _Lanes, palette: Mapping[str, str]) -> _Drawn | None:
    """One marker or bar per (lane, event) item, grouped in traces by event type and style.

    Items that would overlap in a lane go to sub-rows (:func:`stack_rows`). None when
    the items' text would make the figure bigger than :data:`PAYLOAD_BUDGET` (very long
    ids, titles or lane names) or the lanes need more than :data:`MAX_ROWS` sub-rows:
    the caller then aggregates.
    """
    # The table's 32-bit day numbers widened: the bars' lengths are in milliseconds.
    start = table.start_days[lanes.events].astype(np.int64)
    end = table.end_days[lanes.events].astype(np.int64)
    low, high, mark = _footprints(start, end)
    sub = stack_rows(lanes.rows, low, high)
    lane_rows = np.zeros(len(lanes.labels), dtype=np.int64)
    np.maximum.at(lane_rows, lanes.rows, sub + 1)
    if lane_rows.sum() > MAX_ROWS:
        return None
    first_row = np.concatenate([[0], np.cumsum(lane_rows)[:-1]]).astype(np.int64)
    unique = np.unique(lanes.events)
    frame = table.take(unique)
    index = np.searchsorted(unique, lanes.events)
    hover = _hover_fields(frame, table, unique)
    if _payload_estimate(hover, index, lanes) > PAYLOAD_BUDGET:
        return None
    lane_label = np.asarray(lanes.labels, dtype=object)[lanes.rows]
    hover = np.column_stack([hover[index], lane_label])
    precision = frame["date_precision"].to_numpy(dtype=object)[index]
    type_codes = table.type_codes[lanes.events]
    # Style per item: 0 exact multi-day bar, 1 approximate bar, 2 single-day marker.
    style = np.where(precision != "day", 1, np.where(start == end, 2, 0))
    y = first_row[lanes.rows] + sub
    # A bar narrower than a marker is too thin to aim at: a marker in its middle (hollow
    # when the span is approximate) makes it reachable; the bar shows its span when zoomed.
    short = (style != 2) & (end + 1 - start < mark)
    traces = []
    # Colours among all the dataset's types (``palette``): the same under any filter, on
    # every engine and on the Map.
    # Plain numpy grouping: pandas boolean indexing per group costs more than the figure.
    for type_code in np.unique(type_codes):
        type_name = table.event_types[type_code]
        first = True
        for style_name, chosen in _style_groups(style, type_codes == type_code, short):
            part = {"start": start[chosen], "end": end[chosen], "lane": y[chosen]}
            trace = (_bar_trace if style_name in ("exact", "approximate") else _marker_trace)(
                part,
                type_name,
                palette.get(type_name, colours.NEUTRAL_GREY),
                style_name,
                hover[chosen],
            )
            traces.append({**trace, "legendgroup": type_name, "showlegend": first})
            first = False
    first, last = float(low.min() - mark), float(high.max() + mark)
    widen = max(0.0, MIN_SPAN_DAYS - (last - first)) / 2
    x_range = (_day_text(first - widen), _day_text(last + widen))
    return _Drawn(traces, _Axis(first_row, lane_rows, x_range), "events")


#: Trace groups of one event type: (style name, item style code, only short bars).
_STYLE_GROUPS: tuple[tuple[str, int, bool], ...] = (
    ("exact", 0, False),
    ("approximate", 1, False),
    ("marker", 2, False),
    ("pin", 0, True),
    ("approximate pin", 1, True),
)


def _style_groups(style: np.ndarray, of_type: np.ndarray, short: np.ndarray):
    """(style name, item indices) of each non-empty trace group of one event type."""
    for name, code, pinned in _STYLE_GROUPS:
        chosen = np.flatnonzero(of_type & (style == code) & (short if pinned else True))
        if len(chosen):
            yield name, chosen


def _footprints(start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Where each mark sits on the time axis (days), and the width one mark covers.

    A bar covers its start to the day after its end, a marker its day's noon; either
    covers at least :data:`MARK_SHARE` of the axis, which is how wide it is drawn
    (a marker) or the least a pointer can aim at (a short bar).
    """
    span = max(float(end.max() + 1 - start.min()), MIN_SPAN_DAYS)
    mark = span * MARK_SHARE
    middle = start + 0.5
    low = np.minimum(start, middle - mark / 2)
    high = np.maximum(end + 1, middle + mark / 2)
    return low.astype(np.float64), high.astype(np.float64), mark


def stack_rows(lanes: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Sub-row of each item so that items of one lane never overlap.

    Items are placed in order of (lane, start, end, input order), each in the first
    sub-row of its lane that is free at its start: deterministic, and as compact as
    possible (the rows needed are the most items overlapping at one moment).

    Parameters
    ----------
    lanes
        Lane of each item (any integers).
    low, high
        Where each item starts and ends on the axis (``low < high``); an item
        starting exactly where another ends does not overlap it.

    Returns
    -------
    numpy.ndarray
        int64 sub-row (0 = the lane's first) of each item.
    """
    order = np.lexsort((np.arange(len(lanes)), high, low, lanes))
    sub = np.zeros(len(lanes), dtype=np.int64)
    current_lane = None
    row_ends: list[float] = []
    for item, lane, item_low, item_high in zip(
        order.tolist(),
        lanes[order].tolist(),
        low[order].tolist(),
        high[order].tolist(),
        strict=True,
    ):
        if lane != current_lane:
            current_lane, row_ends = lane, []
        row = next((r for r, row_end in enumerate(row_ends) if row_end <= item_low), None)
        if row is None:
            row = len(row_ends)
            row_ends.append(item_high)
        row_ends[row] = item_high
        sub[item] = row
    return sub


def _day_text(day: float) -> str:
    """A day number (days since 1970, may be fractional) as an ISO date-time."""
    return str(np.datetime64(round(day * _DAY_MS), "ms"))


def _payload_estimate(hover: np.ndarray, index: np.ndarray, lanes: _Lanes) -> int:
    """Bytes the items add to the figure JSON (Plotly escapes < > / and non-ASCII)."""
    per_event = np.asarray([_json_size(fields) for fields in hover.tolist()], dtype=np.int64)
    per_lane = np.asarray([_json_size(label) for label in lanes.labels], dtype=np.int64)
    # x, base and the list punctuation come to well under 80 bytes per item.
    return int(per_event[index].sum() + per_lane[lanes.rows].sum() + 80 * len(index))


def _json_size(value: object) -> int:
    text = json.dumps(value)
    return len(text) + 5 * sum(text.count(c) for c in "<>/")


_HOVER_TEMPLATE = (
    "<b>%{customdata[1]}</b><br>"
    "%{customdata[6]}<br>"
    "Date in source: %{customdata[2]}<br>"
    "Span: %{customdata[3]} (%{customdata[4]})<br>"
    "Actors: %{customdata[5]}<br>"
    "Lane: %{customdata[7]}"
    "<extra></extra>"
)


def _hover_fields(frame: pd.DataFrame, table: EventTable, positions: np.ndarray) -> np.ndarray:
    """customdata rows: [event_id, title, date_text, span, precision, who, event type].

    The caller adds the lane label of each drawn item as an eighth column.
    """
    starts = (_EPOCH + table.start_days[positions]).astype(str)
    ends = (_EPOCH + table.end_days[positions]).astype(str)
    spans = np.where(starts == ends, starts, np.char.add(np.char.add(starts, " to "), ends))
    who = [
        f"{a or '-'} → {r}" if r else (a or "-")
        for a, r in zip(frame["actors"], frame["recipients"], strict=True)
    ]
    columns = [
        frame["event_id"].to_numpy(dtype=object),
        [_hover_text(t) for t in frame["title"]],
        [_hover_text(t) or "-" for t in frame["date_text"]],
        spans.astype(object),
        [_hover_text(p) + " precision" for p in frame["date_precision"]],
        [_hover_text(w) for w in who],
        [_hover_text(t) for t in frame["event_type"]],
    ]
    out = np.empty((len(positions), len(columns)), dtype=object)
    for i, column in enumerate(columns):
        out[:, i] = column
    return out


def _hover_text(text: str, limit: int = HOVER_CHARS) -> str:
    return plain_label(text, limit)


def _bar_trace(part: dict, type_name: str, colour: str, style: str, hover: np.ndarray) -> dict:
    """Bars from start to end + 1 day; approximate spans translucent and hatched."""
    approximate = style == "approximate"
    base = (_EPOCH + part["start"]).astype(str)
    length = (part["end"] - part["start"] + 1) * _DAY_MS
    marker = {
        "color": _rgba(colour, 0.3 if approximate else 0.85),
        "line": {"color": colour, "width": 1.5 if approximate else 0.5},
    }
    if approximate:
        marker["pattern"] = {"shape": "/", "fgcolor": colour, "size": 6, "solidity": 0.25}
    return dict(
        type="bar",
        orientation="h",
        base=base.astype(object),
        x=length.astype(np.float64),
        y=part["lane"],
        width=0.55 if approximate else 0.7,
        name=_hover_text(type_name, LANE_CHARS),
        marker=marker,
        customdata=hover,
        hovertemplate=_HOVER_TEMPLATE,
        meta={"style": style},
    )


def _marker_trace(part: dict, type_name: str, colour: str, style: str, hover: np.ndarray) -> dict:
    """Markers at the middle of the event's span (noon of a day); shape by quad class.

    Hollow for the pin of an approximate span.
    """
    half_days = part["end"] + 1 - part["start"]  # in half days: 1 day -> noon
    middle = (_EPOCH + part["start"]).astype("datetime64[h]") + half_days * np.timedelta64(12, "h")
    symbol = colours.event_type_symbol(type_name)
    return dict(
        type="scatter",
        mode="markers",
        x=middle.astype(str).astype(object),
        y=part["lane"],
        name=_hover_text(type_name, LANE_CHARS),
        marker={
            "color": colour,
            "symbol": f"{symbol}-open" if style == "approximate pin" else symbol,
            "size": 11,
            "line": {"color": "rgba(255,255,255,0.8)", "width": 1},
        },
        customdata=hover,
        hovertemplate=_HOVER_TEMPLATE,
        meta={"style": style},
    )


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _aggregate_traces(
    table: EventTable, positions: np.ndarray, lanes: _Lanes, per: int = 0
) -> _Drawn:
    """Event counts per lane and period (by the event's start date) as clickable bars:
    per day when every event starts within :data:`MAX_BINS` days, else per month or more
    (per at least ``per`` months when asked)."""
    days = table.start_days[positions].astype(np.int64)
    bin_of_event = np.zeros(len(table), dtype=np.int64)
    if not per and per_day(int(days.min()), int(days.max())):
        first_day = int(days.min())
        n_bins = int(days.max()) - first_day + 1
        bin_of_event[positions] = days - first_day
        edges = _EPOCH + np.arange(first_day, first_day + n_bins + 1)
        period = {"period_days": 1}
    else:
        months = _months_since_epoch(table.start_days[positions])
        first, width, n_bins = month_bins(int(months.min()), int(months.max()), per)
        bin_of_event[positions] = (months - first) // width
        edges, period = _month_edges(first, width, n_bins), {"period_months": width}
    n_rows = len(lanes.labels)
    cells = lanes.rows * n_bins + bin_of_event[lanes.events]
    counts = np.bincount(cells, minlength=n_rows * n_bins).reshape(n_rows, n_bins)
    return _cell_traces(counts, edges, lanes.labels, period)


def _month_edges(first: int, width: int, n_bins: int) -> np.ndarray:
    """The first days of ``n_bins`` periods of ``width`` months from month ``first``
    (months since 1970-01), and of the period after them."""
    months = first + width * np.arange(n_bins + 1)
    return months.astype("datetime64[M]").astype("datetime64[D]")


def per_day(first_day: int, last_day: int) -> bool:
    """Whether events starting from day ``first_day`` to ``last_day`` (day numbers) are
    counted per day: when they start within :data:`MAX_BINS` days (else per
    :func:`month_bins`)."""
    return last_day - first_day < MAX_BINS


def month_bins(first: int, last: int, at_least: int = 1) -> tuple[int, int, int]:
    """(first month, months per bin, number of bins) for months ``first``..``last``
    (months since 1970-01): the finest of :data:`BIN_MONTHS` of at least ``at_least``
    months giving at most :data:`MAX_BINS` bins, each starting on a calendar boundary."""
    widths = [w for w in BIN_MONTHS if w >= at_least] or [BIN_MONTHS[-1]]
    width = next((w for w in widths if (last - first) // w + 1 <= MAX_BINS), widths[-1])
    first -= first % width  # bins start on a calendar boundary (Jan for years)
    return first, width, (last - first) // width + 1


def counts_view(
    rows, lane: str, n_events: int, period: str = "month", per: int = 0
) -> TimelineView:
    """The aggregate timeline from counts per lane value and month (or day), as an engine
    gives them.

    Parameters
    ----------
    rows
        ``(value, "YYYY-MM", events)`` for each lane value and month of the start
        date (:class:`dashboard.query.LaneCounts` with period ``month``); with
        ``period="day"``, ``(value, "YYYY-MM-DD", events)``, drawn per day as in memory
        when every event starts within :data:`MAX_BINS` days (else counted per month).
        Value :data:`NO_LANE_VALUE` counts the events naming no country (actor): their
        lane, ``(no country)``, comes after the named lanes, as in memory.
    lane
        One of :data:`LANES`.
    n_events
        How many events are counted (for the title).
    per
        Per at least this many months (:data:`COUNT_PERIODS`), as :func:`timeline_view`.

    Returns
    -------
    TimelineView
        The clickable count cells of the :data:`MAX_LANES` busiest lanes. Counts per
        value cannot tell how many distinct events the other lanes hold (an event may
        be in several), so those lanes are left out, and the title says so.
    """
    if lane not in LANES:
        raise ValueError(f"lane must be one of {LANES}, not {lane!r}")
    totals: dict[str, int] = {}
    for value, _, n in rows:
        totals[value] = totals.get(value, 0) + int(n)
    if lane == "event_type":
        known = [t for t in EVENT_TYPE_NAMES if t in totals]
        used = known + sorted(set(totals) - set(known))
    else:
        used = sorted(totals)
    # Busiest first, as in memory (:func:`_lanes`); ties keep the order above.
    used.sort(key=lambda value: -totals[value])
    shown = used[:MAX_LANES]
    if lane in _MISSING_LANE:
        # The lane of events naming no one after the named lanes, as in memory.
        shown.sort(key=lambda value: value == NO_LANE_VALUE)
    row_of = {value: i for i, value in enumerate(shown)}
    if period == "day":
        days = {label: _day_number(label) for _, label, _ in rows}
        if per or (days and not per_day(min(days.values()), max(days.values()))):
            return counts_view(_per_month(rows), lane, n_events, per=per)
    elif period != "month":
        raise ValueError(f"period must be month or day, not {period!r}")
    months = {} if period == "day" else {month: _month_number(month) for _, month, _ in rows}
    notes = []
    if len(used) > len(shown):
        notes.append(
            f"showing the {MAX_LANES} busiest of {len(used):,} {LANE_TITLES[lane]} lanes; "
            "narrow the filters to see the others"
        )
    names = [
        _MISSING_LANE[lane] if lane in _MISSING_LANE and value == NO_LANE_VALUE else value
        for value in shown
    ]
    labels = _unique_labels([_hover_text(name, LANE_CHARS) for name in names])
    # The no-one lane's filter value is None, as in memory.
    values = tuple(
        value if name == value else None for name, value in zip(names, shown, strict=True)
    )
    lanes = _Lanes(labels, np.zeros(0, np.int64), np.zeros(0, np.int64), len(shown), values)
    if not shown:
        drawn = _Drawn([], _Axis.empty(), "events")
    elif period == "day":
        first_day = min(days.values())
        n_bins = max(days.values()) - first_day + 1
        counts = np.zeros((len(shown), n_bins), dtype=np.int64)
        for value, label, n in rows:
            if value in row_of:
                counts[row_of[value], days[label] - first_day] += int(n)
        edges = _EPOCH + np.arange(first_day, first_day + n_bins + 1)
        drawn = _cell_traces(counts, edges, labels, {"period_days": 1})
    else:
        first, width, n_bins = month_bins(min(months.values()), max(months.values()), per)
        counts = np.zeros((len(shown), n_bins), dtype=np.int64)
        for value, month, n in rows:
            if value in row_of:
                counts[row_of[value], (months[month] - first) // width] += int(n)
        drawn = _cell_traces(
            counts, _month_edges(first, width, n_bins), labels, {"period_months": width}
        )
    figure = go.Figure(data=drawn.traces, layout=_layout(drawn, lane, lanes, n_events, notes))
    return TimelineView(figure, drawn.mode, lanes.values)


def _day_number(label: str) -> int:
    """Days since 1970-01-01 of ``2022-07-31``."""
    return int((np.datetime64(label, "D") - _EPOCH).astype(np.int64))


def _per_month(rows) -> list[tuple[str, str, int]]:
    """Counts per lane value and day summed per month (``2022-07-31`` -> ``2022-07``)."""
    total: dict[tuple[str, str], int] = {}
    for value, label, n in rows:
        key = (value, label[:7])
        total[key] = total.get(key, 0) + int(n)
    return [(value, month, n) for (value, month), n in total.items()]


def _month_number(label: str) -> int:
    """Months since 1970-01 of ``2022-07``."""
    year, month = label.split("-")
    return (int(year) - 1970) * 12 + int(month) - 1


def _cell_traces(counts: np.ndarray, edges: np.ndarray, labels: list[str], period: dict) -> _Drawn:
    """Clickable bars for the non-empty cells of ``counts`` (lane row x bin).

    One bar per non-empty cell, from the period's first day to the next period's,
    coloured by its count (one colour axis for all lanes). Bars, not a heatmap:
    Streamlit's chart selection returns nothing for heatmap cells.
    """
    n_rows = counts.shape[0]
    first_days = edges[:-1].astype(str)
    last_days = (edges[1:] - np.timedelta64(1, "D")).astype(str)
    lengths = (np.diff(edges).astype(np.int64) * _DAY_MS).astype(np.int64)
    # Counts are skewed (a few busy lanes): the busiest 5% of cells share the top colour
    # so the rest keep some contrast; hover always shows the exact count.
    filled = counts[counts > 0]
    top = int(np.ceil(np.percentile(filled, 95))) if len(filled) else 1
    capped = top < int(counts.max())
    traces = []
    for row_index, label in enumerate(labels):
        bins = np.flatnonzero(counts[row_index])
        if len(bins) == 0:
            continue
        custom = np.empty((len(bins), 5), dtype=object)
        custom[:, 0] = CELL_MARK
        custom[:, 1] = row_index
        custom[:, 2] = first_days[bins]
        custom[:, 3] = last_days[bins]
        custom[:, 4] = counts[row_index, bins]
        traces.append(
            dict(
                type="bar",
                orientation="h",
                base=first_days[bins].astype(object),
                x=lengths[bins],
                y=np.full(len(bins), row_index, dtype=np.int64),
                width=0.9,
                marker={"color": counts[row_index, bins], "coloraxis": "coloraxis"},
                customdata=custom,
                name=label,
                showlegend=False,
                hovertemplate=f"<b>{label}</b><br>%{{customdata[2]}} to %{{customdata[3]}}: "
                "%{customdata[4]:,} events<br>Click to see this lane and period"
                "<extra></extra>",
                meta={"style": "aggregate", **period},
            )
        )
    colour_axis = {
        "colorscale": "Viridis",
        "cmin": 0,
        "cmax": max(top, 1),
        "colorbar": {
            "title": {"text": f"events<br>(≥ {top:,} same colour)" if capped else "events"}
        },
    }
    axis = _Axis(np.arange(n_rows, dtype=np.int64), np.ones(n_rows, dtype=np.int64), None)
    return _Drawn(traces, axis, "aggregate", colour_axis)


def _months_since_epoch(days: np.ndarray) -> np.ndarray:
    """Calendar month (months since 1970-01) of each day number."""
    low, high = int(days.min()), int(days.max())
    # A per-day lookup table over the span is several times faster than
    # converting a million datetime64 values to months.
    lookup = (_EPOCH + np.arange(low, high + 1)).astype("datetime64[M]").astype(np.int64)
    return lookup[days - low]


#: How a day, a month and a year are written on every chart's time axis (strftime and
#: Plotly's d3 formats alike): the Timeline's date ticks (:func:`date_tick_formats`) and
#: the periods' labels (:func:`day_label`, :func:`bin_label`: the relation chart's bars),
#: so October 2019 reads "Oct 2019" on both pages, not "2019-10" on one.
DAY_FORMAT = "%d %b %Y"
MONTH_FORMAT = "%b %Y"
YEAR_FORMAT = "%Y"


def date_tick_formats() -> list[dict]:
    """The Timeline's date axis formats by the ticks' spacing (Plotly's
    ``tickformatstops``, first match wins): ticks a year or more apart as years, a month
    or more as months, a day or more as days; finer (a zoom into hours) Plotly's own."""
    day_ms = 86_400_000
    return [
        {"dtickrange": ["M12", None], "value": YEAR_FORMAT},
        {"dtickrange": ["M1", "M12"], "value": MONTH_FORMAT},
        {"dtickrange": [day_ms, "M1"], "value": DAY_FORMAT},
    ]


def day_label(day: int) -> str:
    """'05 Oct 2019' for a day number since 1970-01-01 (a per-day bin's label)."""
    return (dt.date(1970, 1, 1) + dt.timedelta(days=int(day))).strftime(DAY_FORMAT)


def bin_label(month: int, width: int) -> str:
    """'Jul 2022', 'Q3 2022', '2022' or '2020-2029' for a bin starting at ``month``."""
    year, month_of_year = 1970 + month // 12, month % 12 + 1
    if width == 1:
        return dt.date(year, month_of_year, 1).strftime(MONTH_FORMAT)
    if width == 3:
        return f"Q{(month_of_year - 1) // 3 + 1} {year}"
    if width == 12:
        return str(year)
    return f"{year}-{year + width // 12 - 1}"


_EMPTY_NOTE = {
    "text": "No events match the filters.",
    "showarrow": False,
    "xref": "paper",
    "yref": "paper",
    "x": 0.5,
    "y": 0.5,
    "font": {"size": 16},
}


def _layout(
    drawn: _Drawn, lane: str, lanes: _Lanes, n_events: int, more_notes: list[str] = ()
) -> dict:
    """Axes, title with notes, range slider and a height that fits the rows."""
    notes = []
    aggregated = drawn.mode == "aggregate"
    if aggregated:
        notes.append(f"{n_events:,} events counted per period; click a cell to see its events")
    elif drawn.traces:
        notes.append("hatched, translucent bars: dates known only to the week, month or year")
    if lanes.total_lanes > MAX_LANES:
        notes.append(
            f"showing the {MAX_LANES} busiest of {lanes.total_lanes:,} {LANE_TITLES[lane]}"
            " lanes; the rest are in 'Other'"
        )
    notes += more_notes
    title = chart_title(f"Events by {LANE_TITLES[lane]}", notes)
    axis = drawn.axis
    n_rows = axis.total_rows
    xaxis: dict = {
        "type": "date",
        "rangeslider": {"visible": bool(drawn.traces)},
        "tickformatstops": date_tick_formats(),
    }
    if axis.x_range is not None:
        xaxis["range"] = list(axis.x_range)
    layout = {
        "title": title,
        "height": int(max(320, 170 + 22 * n_rows)),
        "barmode": "overlay",
        "legend": {"title": {"text": "Event type"}, "groupclick": "togglegroup"},
        "hovermode": "closest",
        "margin": {"l": 10, "r": 10, "t": 70, "b": 10},
        "meta": {
            "mode": drawn.mode,
            "lanes": len(lanes.labels),
            "rows": n_rows,
        },
        # Keeps the analyst's zoom when a click reruns the page; a new lane kind resets it.
        "uirevision": f"timeline:{lane}:{drawn.mode}",
        "xaxis": xaxis,
        "yaxis": _y_axis(axis, lanes.labels) if n_rows else {"visible": False},
    }
    if drawn.colour_axis is not None:
        layout["coloraxis"] = drawn.colour_axis
    if n_rows:
        # A faint line between lanes, so a lane's sub-rows read as one lane.
        layout["shapes"] = [
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": float(row) - 0.5,
                "y1": float(row) - 0.5,
                "line": {"color": "rgba(128,128,128,0.35)", "width": 1},
                "layer": "below",
            }
            for row in axis.lane_first_row[1:].tolist()
        ]
    if not drawn.traces:
        layout["annotations"] = [_EMPTY_NOTE]
    return layout


def _y_axis(axis: _Axis, labels: list[str]) -> dict:
    """Numeric rows, labelled once per lane in the middle of its sub-rows; first lane on top."""
    middle = axis.lane_first_row + (axis.lane_rows - 1) / 2
    return {
        "type": "linear",
        "tickmode": "array",
        "tickvals": middle.tolist(),
        "ticktext": labels,
        "range": [axis.total_rows - 0.5, -0.5],
        "showgrid": False,
        "zeroline": False,
    }
