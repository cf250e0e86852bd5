"""Turn what ``st.plotly_chart(on_select="rerun")`` returns into a filter or an event id.

Three gestures: a click on a mark (an event, a node, an aggregate cell), and a box
selection on the timeline's date axis (the time brush).

Streamlit returns ``{"selection": {"points": [{"customdata": [...], ...}],
"point_indices": [...], "box": [...], "lasso": [...]}}`` (a dict subclass). The
figures put the event_id (timeline) or the node name (network) first in each
point's customdata. Anything else (missing keys, a heatmap cell without
customdata, garbage) selects nothing; these functions never raise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dashboard.filters import FilterSpec

#: Selection kind -> the FilterSpec field a click sets.
SELECTION_FIELDS: dict[str, str] = {"actor": "actors", "country": "countries"}


def kept_pick(before: Sequence, picked: Sequence[int], now: Sequence) -> int | None:
    """The row of ``now`` holding the item picked in ``before`` (``picked``: row positions
    of ``before``, the first one counted), or None when nothing was picked or the item is
    no longer listed. A table's pick is a row position: when the rows change (the filters
    changed the list), the same position holds another item; the item itself is kept."""
    chosen = [row for row in picked if isinstance(row, int) and 0 <= row < len(before)]
    if not chosen:
        return None
    item = before[chosen[0]]
    return next((row for row, other in enumerate(now) if other == item), None)


#: Between a relation's two names in the link (``relation=Myanmar;Russia``): no name holds
#: it, as ``;`` separates the names of a cell (actors, countries).
RELATION_SEPARATOR = ";"


def relation_link(first: str, second: str) -> str:
    """The link's value for the relation of ``first`` and ``second`` (in name order, as the
    relations list has them, so either order names one relation)."""
    return RELATION_SEPARATOR.join(sorted((str(first), str(second))))


def linked_relation(text: Any) -> tuple[str, str] | None:
    """The relation a link's value names (:func:`relation_link`), in name order, or None
    unless it names two different, non-empty names."""
    if not isinstance(text, str):
        return None
    names = [name.strip() for name in text.split(RELATION_SEPARATOR)]
    if len(names) != 2 or not all(names) or names[0] == names[1]:
        return None
    first, second = sorted(names)
    return first, second


def selected_values(selection: Any) -> list[str]:
    """The first customdata item of every selected point, de-duplicated, in order."""
    values: dict[str, None] = {}
    for point in _points(selection):
        value = _first_item(point.get("customdata"))
        if isinstance(value, str) and value.strip():
            values[value] = None
    return list(values)


def selected_event_id(selection: Any) -> str | None:
    """The event_id of the first selected timeline point, or None."""
    values = selected_values(selection)
    return values[0] if values else None


def selection_to_filter(selection: Any, spec: FilterSpec, kind: str) -> FilterSpec:
    """The filter after a chart selection: the clicked actors (or countries) replace the old.

    Parameters
    ----------
    selection
        What ``st.plotly_chart(..., on_select="rerun")`` returned (or its "selection").
    spec
        The current filter.
    kind
        "actor" (network of actors) or "country" (network of countries); any
        other kind, or an empty selection, returns ``spec`` unchanged.

    Returns
    -------
    FilterSpec
        ``spec`` with ``actors`` (or ``countries``) set to the selected names.
    """
    field = SELECTION_FIELDS.get(kind) if isinstance(kind, str) else None
    values = selected_values(selection)
    if field is None or not values:
        return spec
    return replace(spec, **{field: tuple(values)})


def selection_points(selection: Any) -> list[Mapping]:
    """The point dicts of a selection (a click or everything in a box), never raising."""
    return _points(selection)


def _points(selection: Any) -> list[Mapping]:
    """The point dicts of a selection, accepting the whole event or its "selection"."""
    if not isinstance(selection, Mapping):
        return []
    inner = selection.get("selection", selection)
    if not isinstance(inner, Mapping):
        return []
    points = inner.get("points")
    if not isinstance(points, list | tuple):
        return []
    return [point for point in points if isinstance(point, Mapping)]


def _first_item(customdata: Any) -> Any:
    """customdata's first item (Plotly gives a list per point; a scalar is its own first)."""
    if isinstance(customdata, list | tuple):
        return customdata[0] if customdata else None
    return customdata


#: Timeline lane kind -> the FilterSpec field a drill-down into a lane sets.
LANE_FIELDS: dict[str, str] = {
    "country": "countries",
    "actor": "actors",
    "event_type": "event_types",
}


@dataclass(frozen=True)
class Cell:
    """A clicked aggregate cell of the timeline: its lane row and period (days inclusive)."""

    row: int
    first: dt.date
    last: dt.date


def selected_cell(selection: Any, mark: str = "cell") -> Cell | None:
    """The first selected aggregate cell (customdata ``[mark, row, first, last, ...]``)."""
    for point in _points(selection):
        custom = point.get("customdata")
        if not isinstance(custom, list | tuple) or len(custom) < 4 or custom[0] != mark:
            continue
        try:
            row = int(custom[1])
            first = dt.date.fromisoformat(str(custom[2]))
            last = dt.date.fromisoformat(str(custom[3]))
        except (TypeError, ValueError):
            continue
        if row >= 0 and first <= last:
            return Cell(row, first, last)
    return None


def selected_span(selection: Any) -> tuple[dt.date, dt.date] | None:
    """The days a box selection spans on a date x axis (first box), or None.

    Plotly gives the box's x edges as date-times ("2022-07-10 05:12:33.12"); the
    span is every day the box touches.
    """
    if not isinstance(selection, Mapping):
        return None
    inner = selection.get("selection", selection)
    boxes = inner.get("box") if isinstance(inner, Mapping) else None
    if not isinstance(boxes, list | tuple):
        return None
    for box in boxes:
        edges = box.get("x") if isinstance(box, Mapping) else None
        if not isinstance(edges, list | tuple) or len(edges) != 2:
            continue
        days = [_day_of(edge) for edge in edges]
        if None in days:
            continue
        first, last = sorted(days)
        return first, last
    return None


def _day_of(value: Any) -> dt.date | None:
    """The calendar day of a Plotly date value (ISO text or epoch milliseconds)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return (dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=value)).date()
        except (OverflowError, ValueError):
            return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def drill_down(spec: FilterSpec, lane: str, value: str | None, cell: Cell) -> FilterSpec:
    """The filter after clicking a lane x period cell: that lane's value and that period.

    ``value`` None (the "Other" lane, or events without a value) narrows the dates only.
    """
    spec = replace(spec, start=cell.first, end=cell.last)
    field = LANE_FIELDS.get(lane)
    if field is None or value is None:
        return spec
    return replace(spec, **{field: (value,)})


def brushed(spec: FilterSpec, span: tuple[dt.date, dt.date]) -> FilterSpec:
    """The filter after a time brush: the span becomes the date range, the rest is kept."""
    return replace(spec, start=span[0], end=span[1])
