"""Turn what ``st.plotly_chart(on_select="rerun")`` returns into a filter or an event id.

Streamlit returns ``{"selection": {"points": [{"customdata": [...], ...}],
"point_indices": [...], "box": [...], "lasso": [...]}}`` (a dict subclass). The
figures put the event_id (timeline) or the node name (network) first in each
point's customdata. Anything else (missing keys, a heatmap cell without
customdata, garbage) selects nothing; these functions never raise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from dashboard.filters import FilterSpec

#: Selection kind -> the FilterSpec field a click sets.
SELECTION_FIELDS: dict[str, str] = {"actor": "actors", "country": "countries"}


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
