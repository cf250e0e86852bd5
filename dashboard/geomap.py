"""The Map figure: events with coordinates as points, or counted in cells at scale.

Plotly's MapLibre maps (``scattermap``) need no token, but any named style fetches
tiles from the web; the map uses the blank ``white-bg`` style instead, with country
borders and coasts from Natural Earth shipped in :data:`OUTLINES_PATH` as a line
layer. Nothing is fetched at run time.

Two modes, chosen by size:

* **points** (up to :data:`MAX_POINTS` events with coordinates): one marker per event,
  coloured by event type; a location known only roughly (a region or a country rather
  than a place) is a bigger, fainter marker, and the hover says so. customdata is
  ``[event_id]``, so a click reads the event.
* **cells** (more): events counted per grid cell (``cell_degrees`` wide, coarser for
  wide spreads), one marker per non-empty cell sized and coloured by its count;
  customdata is ``["cell", south, west, north, east, count]``, so a click can filter
  the dashboard to that cell (the ``area`` filter kind).

A box selection on either gives its corners (``area`` too), see :func:`selected_area`.
The builder takes plain arrays, so any engine can feed it.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import colours
from dashboard.coordinates import Area, coordinates
from dashboard.labels import plain_label
from dashboard.selection import selection_points
from dashboard.table import EventTable

OUTLINES_PATH = Path(__file__).resolve().parent / "outlines" / "countries-110m.geojson"
#: At most this many events are drawn one by one. A point costs ~60-120 bytes of figure
#: JSON (coordinates, id, hover text): 5,000 keep the page under its 1 MB budget with the
#: outlines (~120 KB). More are counted in cells.
MAX_POINTS = 5_000
#: Cell sizes (degrees), finest first; the first giving at most MAX_CELLS cells wins.
CELL_DEGREES: tuple[float, ...] = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
MAX_CELLS = 4_000
CELL_MARK = "cell"
#: Marker size (px) and opacity by location precision: a place, a region, a country.
PRECISION_STYLE: dict[str, tuple[int, float]] = {
    "place": (9, 0.9),
    "region": (15, 0.55),
    "country": (22, 0.35),
}
#: Precision columns understood (ours, then ACLED's geo_precision 1/2/3).
PRECISION_COLUMNS: tuple[str, ...] = ("location_precision", "geo_precision")
_ACLED_PRECISION = {"1": "place", "2": "region", "3": "country"}
TITLE_CHARS = 80


@dataclass(frozen=True)
class MapData:
    """What the map draws: one entry per event with coordinates (plain arrays).

    ``precision`` holds "place", "region", "country" or "" (not given); ``weight`` is
    what a cell sums (1 per event, or the event's fatalities).
    """

    event_ids: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray
    event_types: np.ndarray
    titles: np.ndarray
    precision: np.ndarray
    weight: np.ndarray | None = None


@dataclass(frozen=True)
class MapView:
    """The map figure, its mode ("points", "cells" or "empty") and events without coordinates."""

    figure: go.Figure
    mode: str
    missing: int


@functools.cache
def outlines() -> dict:
    """The shipped country outlines (a GeoJSON FeatureCollection), read once."""
    return json.loads(OUTLINES_PATH.read_text(encoding="utf-8"))


def precision_of(values: np.ndarray) -> np.ndarray:
    """Our precision words for a precision column ("1"/"2"/"3" as ACLED codes them)."""
    text = np.asarray([str(v).strip().lower() for v in values], dtype=object)
    return np.asarray(
        [_ACLED_PRECISION.get(v, v if v in PRECISION_STYLE else "") for v in text], dtype=object
    )


def build_map(data: MapData, missing: int = 0, measure: str = "events") -> MapView:
    """The map of ``data`` (see the module docstring for the two modes).

    Parameters
    ----------
    data
        The events with coordinates.
    missing
        How many filtered events have no coordinates (said in the title).
    measure
        "events" or "fatalities" (cells sum ``data.weight``).
    """
    if len(data.event_ids) == 0:
        return MapView(go.Figure(layout=_layout([], "empty", missing, measure)), "empty", missing)
    if len(data.event_ids) <= MAX_POINTS and measure == "events":
        traces, mode = _point_traces(data), "points"
    else:
        traces, mode = _cell_traces(data, measure), "cells"
    figure = go.Figure(data=traces, layout=_layout_for(data, traces, mode, missing, measure))
    return MapView(figure, mode, missing)


def _point_traces(data: MapData) -> list[dict]:
    traces = []
    for type_name in sorted(set(data.event_types.tolist())):
        chosen = np.flatnonzero(data.event_types == type_name)
        precision = data.precision[chosen]
        sizes = np.asarray([PRECISION_STYLE.get(p, (11, 0.8))[0] for p in precision])
        opacity = np.asarray([PRECISION_STYLE.get(p, (11, 0.8))[1] for p in precision])
        hover = np.empty((len(chosen), 4), dtype=object)
        hover[:, 0] = data.event_ids[chosen]
        hover[:, 1] = [plain_label(t, TITLE_CHARS) for t in data.titles[chosen]]
        hover[:, 2] = plain_label(type_name, TITLE_CHARS)
        hover[:, 3] = [f"location known to the {p}" if p else "" for p in precision]
        traces.append(
            dict(
                type="scattermap",
                lat=np.round(data.latitude[chosen], 4),
                lon=np.round(data.longitude[chosen], 4),
                mode="markers",
                marker={
                    "size": sizes,
                    "opacity": opacity,
                    "color": colours.event_type_colour(type_name),
                },
                name=plain_label(type_name, 60),
                customdata=hover,
                hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
                "%{customdata[3]}<extra></extra>",
                meta={"style": "points"},
            )
        )
    return traces


def cell_size(latitude: np.ndarray, longitude: np.ndarray) -> float:
    """The finest cell size (degrees) giving at most :data:`MAX_CELLS` non-empty cells."""
    for size in CELL_DEGREES:
        keys = _cell_keys(latitude, longitude, size)
        if len(np.unique(keys)) <= MAX_CELLS:
            return size
    return CELL_DEGREES[-1]


def _cell_keys(latitude: np.ndarray, longitude: np.ndarray, size: float) -> np.ndarray:
    rows = np.floor((latitude + 90) / size).astype(np.int64)
    columns = np.floor((longitude + 180) / size).astype(np.int64)
    return rows * 100_000 + columns


def count_cells(
    latitude: np.ndarray, longitude: np.ndarray, size: float, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(south edge, west edge, sum of ``weight`` or count) of every non-empty cell."""
    keys = _cell_keys(latitude, longitude, size)
    unique, inverse = np.unique(keys, return_inverse=True)
    totals = np.bincount(inverse, weights=weight, minlength=len(unique))
    south = (unique // 100_000) * size - 90
    west = (unique % 100_000) * size - 180
    return south, west, totals


def _cell_traces(data: MapData, measure: str) -> list[dict]:
    size = cell_size(data.latitude, data.longitude)
    weight = data.weight if measure == "fatalities" else None
    south, west, totals = count_cells(data.latitude, data.longitude, size, weight)
    keep = totals > 0
    south, west, totals = south[keep], west[keep], totals[keep]
    north, east = np.minimum(south + size, 90), np.minimum(west + size, 180)
    custom = np.empty((len(totals), 6), dtype=object)
    custom[:, 0] = CELL_MARK
    custom[:, 1] = np.round(south, 4)
    custom[:, 2] = np.round(west, 4)
    custom[:, 3] = np.round(north, 4)
    custom[:, 4] = np.round(east, 4)
    custom[:, 5] = totals.astype(np.int64)
    top = float(totals.max()) if len(totals) else 1.0
    return [
        dict(
            type="scattermap",
            lat=np.round(south + size / 2, 4),
            lon=np.round(west + size / 2, 4),
            mode="markers",
            marker={
                "size": np.round(6 + 24 * np.sqrt(totals / top), 1),
                "color": totals.astype(np.int64),
                "colorscale": "Viridis",
                "cmin": 0,
                "cmax": top,
                "opacity": 0.8,
                "colorbar": {"title": {"text": measure}},
            },
            name=f"{measure} per {size:g}° cell",
            customdata=custom,
            hovertemplate=f"%{{customdata[5]:,}} {measure}<br>"
            "%{customdata[1]}° to %{customdata[3]}° N, %{customdata[2]}° to %{customdata[4]}° E"
            "<br>Click to filter to this cell<extra></extra>",
            showlegend=False,
            meta={"style": "cells", "cell_degrees": size},
        )
    ]


def _layout_for(data: MapData, traces, mode: str, missing: int, measure: str) -> dict:
    layout = _layout(traces, mode, missing, measure)
    south, north = float(np.nanmin(data.latitude)), float(np.nanmax(data.latitude))
    west, east = float(np.nanmin(data.longitude)), float(np.nanmax(data.longitude))
    layout["map"]["center"] = {"lat": (south + north) / 2, "lon": (west + east) / 2}
    layout["map"]["zoom"] = _zoom(max(north - south, (east - west) / 2))
    return layout


def _zoom(span_degrees: float) -> float:
    """A MapLibre zoom showing about ``span_degrees`` (zoom 0 shows the whole world)."""
    return float(np.clip(np.log2(360 / max(span_degrees * 1.6, 1.0)), 0.3, 8))


def _layout(traces, mode: str, missing: int, measure: str) -> dict:
    notes = []
    if mode == "cells":
        notes.append(f"{measure} counted per cell; click a cell or drag a box to filter")
    elif mode == "points":
        notes.append("bigger, fainter marks: location known only to the region or country")
    if missing:
        notes.append(
            f"{missing:,} event{'s' if missing != 1 else ''} without coordinates "
            f"{'are' if missing != 1 else 'is'} not on the map"
        )
    title = "Events on the map"
    if notes:
        title += "<br><sup>" + "; ".join(notes) + "</sup>"
    layout = {
        "title": {"text": title},
        "height": 620,
        "margin": {"l": 0, "r": 0, "t": 60, "b": 0},
        "legend": {"title": {"text": "Event type"}},
        # A blank style (no tiles, nothing fetched) with the shipped outlines on it.
        "map": {
            "style": "white-bg",
            "center": {"lat": 20, "lon": 0},
            "zoom": 0.6,
            "layers": [
                {
                    "sourcetype": "geojson",
                    "source": outlines(),
                    "type": "line",
                    "color": "rgba(128,128,128,0.8)",
                    "line": {"width": 0.8},
                    "below": "traces",
                }
            ],
        },
        "meta": {"mode": mode, "missing": missing},
        "uirevision": f"map:{mode}",
    }
    if mode == "empty":
        layout["annotations"] = [
            {
                "text": "No filtered event has coordinates.",
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "font": {"size": 16},
            }
        ]
    return layout


def area_of_cell(custom) -> Area | None:
    """The area of a clicked cell's customdata, or None (not a cell, or malformed)."""
    if not isinstance(custom, list | tuple) or len(custom) < 5 or custom[0] != CELL_MARK:
        return None
    try:
        south, west, north, east = (float(v) for v in custom[1:5])
    except (TypeError, ValueError):
        return None
    return Area.parse(f"{south},{west},{north},{east}")


def map_data(table: EventTable, positions: np.ndarray) -> tuple[MapData, int]:
    """The :class:`MapData` of the events at ``positions`` that have coordinates, and how
    many of them have none (all of them when the table has no coordinate columns)."""
    found = coordinates(table)
    if found is None:
        return _empty_data(), len(positions)
    latitude, longitude = found
    located = positions[~np.isnan(latitude[positions])]
    events = table.events
    precision = np.full(len(located), "", dtype=object)
    for column in PRECISION_COLUMNS:
        if column in events.columns:
            precision = precision_of(events[column].to_numpy(dtype=object)[located])
            break
    weight = None
    if "fatalities" in events.columns:
        fatalities = pd.to_numeric(events["fatalities"].iloc[located], errors="coerce")
        weight = fatalities.fillna(0).clip(lower=0).to_numpy(dtype=np.float64)
    data = MapData(
        event_ids=events["event_id"].to_numpy(dtype=object)[located],
        latitude=latitude[located],
        longitude=longitude[located],
        event_types=np.asarray(table.event_types, dtype=object)[table.type_codes[located]],
        titles=events["title"].to_numpy(dtype=object)[located],
        precision=precision,
        weight=weight,
    )
    return data, len(positions) - len(located)


def _empty_data() -> MapData:
    empty = np.zeros(0, dtype=object)
    return MapData(empty, np.zeros(0), np.zeros(0), empty, empty, empty)


def selected_area(selection, data: MapData, pad: float = 0.01) -> Area | None:
    """The box around what a click or box selection on the map chose, or None.

    Cells give their own edges (several: the box around them); events give the box
    around their coordinates, ``pad`` degrees wider so they sit inside it.
    """
    points = selection_points(selection)
    boxes = [area for area in (area_of_cell(p.get("customdata")) for p in points) if area]
    if not boxes:
        wanted = {_first(p.get("customdata")) for p in points} - {None}
        hit = np.isin(data.event_ids, list(wanted)) if wanted else np.zeros(0, dtype=bool)
        if not hit.any():
            return None
        latitude, longitude = data.latitude[hit], data.longitude[hit]
        boxes = [
            Area(
                max(-90.0, float(latitude.min()) - pad),
                max(-180.0, float(longitude.min()) - pad),
                min(90.0, float(latitude.max()) + pad),
                min(180.0, float(longitude.max()) + pad),
            )
        ]
    return Area(
        min(b.south for b in boxes),
        min(b.west for b in boxes),
        max(b.north for b in boxes),
        max(b.east for b in boxes),
    )


def _first(custom):
    if isinstance(custom, list | tuple):
        return custom[0] if custom else None
    return custom if isinstance(custom, str) else None
