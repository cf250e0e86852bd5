"""The timeline figure: events in lanes on a time axis, or counts per lane and period at scale.

Two modes, chosen by size:

* **events** (up to :data:`AGGREGATE_THRESHOLD` drawn items): a day-precision
  single-day event is a marker (shape by quad class); any other event is a bar
  from its start to the day after its end (end dates are inclusive). Exact
  multi-day spans are solid; week/month/year spans are translucent and hatched,
  so an approximate date looks approximate. Every marker and bar carries the
  event_id as the first item of its customdata, for click-to-select.
* **aggregate** (more than that): a heatmap of event counts per lane and period
  (months, or coarser for long spans), with a note saying so.

Lanes are capped at :data:`MAX_LANES` (the busiest); the events of the other lanes
are drawn in one "Other" lane, so no event silently disappears.
All text from the data is HTML-escaped: Plotly renders tags in hover and tick labels.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import colours
from dashboard.labels import plain_label
from dashboard.subsets import as_positions, postings_pairs, selected_mask
from dashboard.table import EventTable

LANES: tuple[str, ...] = ("country", "actor", "event_type")
LANE_TITLES: dict[str, str] = {"country": "country", "actor": "actor", "event_type": "event type"}
_MISSING_LANE: dict[str, str] = {"country": "(no country)", "actor": "(no actor)"}

#: Above this many drawn items (an event in two lanes counts twice) the timeline aggregates.
AGGREGATE_THRESHOLD = 3000
#: At most this many lanes are drawn; the events of the rest share one "Other" lane.
MAX_LANES = 40
#: Aggregate periods: months per bin, finest first; the first giving <= MAX_BINS bins wins.
BIN_MONTHS: tuple[int, ...] = (1, 3, 12, 60, 120, 1200)
MAX_BINS = 150
#: Hover fields are cut to this many characters so the figure stays small at the threshold.
HOVER_CHARS = 90
#: Above this estimated size of the drawn items the timeline aggregates instead (< 1 MB).
PAYLOAD_BUDGET = 800_000
#: Lane and legend labels are cut to this many characters.
LANE_CHARS = 60

_DAY_MS = 86_400_000
_EPOCH = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True)
class _Lanes:
    """Drawn lanes (labels in display order) and the (lane row, event) items to draw."""

    labels: list[str]
    rows: np.ndarray
    events: np.ndarray
    total_lanes: int


def build_timeline(table: EventTable, positions: np.ndarray, lane: str = "country") -> go.Figure:
    """Events at ``positions`` on a time axis, in lanes by country, actor or event type.

    Parameters
    ----------
    table
        The indexed events.
    positions
        Row positions of the events to draw (e.g. from ``filter_positions``).
    lane
        One of :data:`LANES`: an event with two countries (or actors) appears in both lanes.

    Returns
    -------
    plotly.graph_objects.Figure
        Markers and bars per event, or a heatmap of counts when there are too many.
    """
    if lane not in LANES:
        raise ValueError(f"lane must be one of {LANES}, not {lane!r}")
    positions = as_positions(positions, len(table))
    lanes = _lanes(table, positions, lane)
    traces = None
    if len(positions) == 0:
        traces = []
    elif len(lanes.rows) <= AGGREGATE_THRESHOLD and len(positions) <= AGGREGATE_THRESHOLD:
        traces = _events_traces(table, lanes)
    if traces is None:
        traces = _aggregate_traces(table, positions, lanes)
    # One Figure from plain dicts: Plotly validates every property once. Building it
    # up with add_trace/update_layout/update_xaxes validates again at each step.
    return go.Figure(data=traces, layout=_layout(traces, lane, lanes, len(positions)))


def _lanes(table: EventTable, positions: np.ndarray, lane: str) -> _Lanes:
    """Lane of every (event, lane value) item, busiest lanes first, the rest in "Other"."""
    if lane == "event_type":
        names = list(table.event_types)
        codes, events = table.type_codes[positions].astype(np.int64), positions
    else:
        postings = table.countries if lane == "country" else table.participants
        mask = selected_mask(positions, len(table))
        codes, events = postings_pairs(postings, mask)
        # Events with no value get a lane of their own instead of vanishing.
        mask[events] = False
        lonely = np.flatnonzero(mask)
        names = [*postings.names, _MISSING_LANE[lane]]
        codes = np.concatenate([codes, np.full(len(lonely), len(names) - 1, np.int64)])
        events = np.concatenate([events, lonely])
    counts = np.bincount(codes, minlength=len(names))
    used = np.flatnonzero(counts)
    if lane != "event_type":
        # Busiest first; ties in name order (names are sorted in the postings).
        used = used[np.argsort(-counts[used], kind="stable")]
    shown = used[:MAX_LANES]
    row_of_code = np.full(len(names), -1, dtype=np.int64)
    row_of_code[shown] = np.arange(len(shown))
    rows = row_of_code[codes] if len(codes) else codes
    labels = _unique_labels([_hover_text(names[code], LANE_CHARS) for code in shown])
    if len(used) > len(shown):
        hidden = rows < 0
        # An event in several hidden lanes is drawn once in "Other".
        other_events = np.flatnonzero(selected_mask(events[hidden], len(table)))
        keep = ~hidden
        rows = np.concatenate([rows[keep], np.full(len(other_events), len(shown), np.int64)])
        events = np.concatenate([events[keep], other_events])
        labels.append(f"Other ({len(used) - len(shown):,} {LANE_TITLES[lane]} lanes)")
    return _Lanes(labels, rows, events, len(used))


def _unique_labels(labels: list[str]) -> list[str]:
    """Labels made distinct again after cutting ("name…", "name… (2)")."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def _events_traces(table: EventTable, lanes: _Lanes) -> list[dict] | None:
    """One marker or bar per (lane, event) item, grouped in traces by event type and style.

    None when the items' text would make the figure bigger than :data:`PAYLOAD_BUDGET`
    (very long ids, titles or lane names): the caller then aggregates.
    """
    unique = np.unique(lanes.events)
    frame = table.take(unique)
    index = np.searchsorted(unique, lanes.events)
    hover = _hover_fields(frame, table, unique)
    if _payload_estimate(hover, index, lanes) > PAYLOAD_BUDGET:
        return None
    hover = hover[index]
    start = table.start_days[lanes.events]
    end = table.end_days[lanes.events]
    precision = frame["date_precision"].to_numpy(dtype=object)[index]
    type_codes = table.type_codes[lanes.events]
    # Style per item: 0 exact multi-day bar, 1 approximate bar, 2 single-day marker.
    style = np.where(precision != "day", 1, np.where(start == end, 2, 0))
    lane = np.asarray(lanes.labels, dtype=object)[lanes.rows]
    traces = []
    # Plain numpy grouping: pandas boolean indexing per group costs more than the figure.
    for type_code in np.unique(type_codes):
        type_name = table.event_types[type_code]
        first = True
        for style_code, style_name in enumerate(("exact", "approximate", "marker")):
            chosen = np.flatnonzero((type_codes == type_code) & (style == style_code))
            if len(chosen) == 0:
                continue
            part = {"start": start[chosen], "end": end[chosen], "lane": lane[chosen]}
            trace = (_marker_trace if style_name == "marker" else _bar_trace)(
                part, type_name, style_name, hover[chosen]
            )
            traces.append({**trace, "legendgroup": type_name, "showlegend": first})
            first = False
    return traces


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
    "Actors: %{customdata[5]}"
    "<extra></extra>"
)


def _hover_fields(frame: pd.DataFrame, table: EventTable, positions: np.ndarray) -> np.ndarray:
    """customdata rows: [event_id, title, date_text, span, precision, who, event type]."""
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


def _bar_trace(part: dict, type_name: str, style: str, hover: np.ndarray) -> dict:
    """Bars from start to end + 1 day; approximate spans translucent and hatched."""
    colour = colours.event_type_colour(type_name)
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


def _marker_trace(part: dict, type_name: str, style: str, hover: np.ndarray) -> dict:
    """Markers at the middle of the event's day; shape by quad class."""
    noon = (_EPOCH + part["start"]).astype("datetime64[h]") + np.timedelta64(12, "h")
    return dict(
        type="scatter",
        mode="markers",
        x=noon.astype(str).astype(object),
        y=part["lane"],
        name=_hover_text(type_name, LANE_CHARS),
        marker={
            "color": colours.event_type_colour(type_name),
            "symbol": colours.event_type_symbol(type_name),
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


def _aggregate_traces(table: EventTable, positions: np.ndarray, lanes: _Lanes) -> list[dict]:
    """A heatmap of event counts per lane and period (by the event's start date)."""
    months = _months_since_epoch(table.start_days[positions])
    first, last = int(months.min()), int(months.max())
    width = next((w for w in BIN_MONTHS if (last - first) // w + 1 <= MAX_BINS), BIN_MONTHS[-1])
    first -= first % width  # bins start on a calendar boundary (Jan for years)
    n_bins = (last - first) // width + 1
    bin_of_event = np.zeros(len(table), dtype=np.int64)
    bin_of_event[positions] = (months - first) // width
    n_rows = len(lanes.labels)
    cells = lanes.rows * n_bins + bin_of_event[lanes.events]
    counts = np.bincount(cells, minlength=n_rows * n_bins).reshape(n_rows, n_bins)
    edges_months = first + width * np.arange(n_bins + 1)
    edges = edges_months.astype("datetime64[M]").astype("datetime64[D]")
    labels = [_period_label(int(m), width) for m in edges_months[:-1]]
    # Empty cells are NaN (null in JSON) so they stay transparent on light and dark themes.
    z = np.where(counts > 0, counts, np.nan)
    text = np.broadcast_to(np.asarray(labels, dtype=object), (n_rows, n_bins))
    # Counts are skewed (a few busy lanes): the busiest 5% of cells share the top colour
    # so the rest keep some contrast; hover always shows the exact count.
    filled = counts[counts > 0]
    top = int(np.ceil(np.percentile(filled, 95))) if len(filled) else 1
    capped = top < int(counts.max())
    return [
        dict(
            type="heatmap",
            x=edges.astype(str).tolist(),
            y=lanes.labels,
            z=z,
            zmin=0,
            zmax=max(top, 1),
            text=np.array(text),
            colorscale="Viridis",
            colorbar={
                "title": {"text": f"events<br>(≥ {top:,} same colour)" if capped else "events"}
            },
            hovertemplate="%{y}<br>%{text}: %{z} events<extra></extra>",
            xgap=1,
            ygap=1,
            meta={"style": "aggregate", "period_months": width},
        )
    ]


def _months_since_epoch(days: np.ndarray) -> np.ndarray:
    """Calendar month (months since 1970-01) of each day number."""
    low, high = int(days.min()), int(days.max())
    # A per-day lookup table over the span is several times faster than
    # converting a million datetime64 values to months.
    lookup = (_EPOCH + np.arange(low, high + 1)).astype("datetime64[M]").astype(np.int64)
    return lookup[days - low]


def _period_label(month: int, width: int) -> str:
    """'Jul 2022', 'Q3 2022', '2022' or '2020-2029' for a bin starting at ``month``."""
    year, month_of_year = 1970 + month // 12, month % 12 + 1
    if width == 1:
        return dt.date(year, month_of_year, 1).strftime("%b %Y")
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


def _layout(traces: list[dict], lane: str, lanes: _Lanes, n_events: int) -> dict:
    """Axes, title with notes, range slider and a height that fits the lanes."""
    notes = []
    aggregated = bool(traces) and traces[0]["type"] == "heatmap"
    if aggregated:
        notes.append(f"{n_events:,} events aggregated; filter or zoom to see individual events")
    elif traces:
        notes.append("hatched, translucent bars: dates known only to the week, month or year")
    if lanes.total_lanes > MAX_LANES:
        notes.append(
            f"showing the {MAX_LANES} busiest of {lanes.total_lanes:,} {LANE_TITLES[lane]}"
            " lanes; the rest are in 'Other'"
        )
    title = f"Events by {LANE_TITLES[lane]}"
    if notes:
        title += "<br><sup>" + "; ".join(notes) + "</sup>"
    n_lanes = len(lanes.labels)
    layout = {
        "title": {"text": title},
        "height": int(min(1600, max(320, 170 + 28 * n_lanes))),
        "barmode": "overlay",
        "legend": {"title": {"text": "Event type"}, "groupclick": "togglegroup"},
        "hovermode": "closest",
        "margin": {"l": 10, "r": 10, "t": 70, "b": 10},
        "meta": {"mode": "aggregate" if aggregated else "events", "lanes": n_lanes},
        # Keeps the analyst's zoom when a click reruns the page; a new lane kind resets it.
        "uirevision": f"timeline:{lane}",
        "xaxis": {"type": "date", "rangeslider": {"visible": bool(traces)}},
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": lanes.labels,
            "autorange": "reversed",
        }
        if n_lanes
        else {"visible": False},
    }
    if not traces:
        layout["annotations"] = [_EMPTY_NOTE]
    return layout
