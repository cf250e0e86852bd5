"""The Map figure: events with coordinates as points, or counted in cells at scale.

Plotly's MapLibre maps (``scattermap``) need no token, but any named style fetches
tiles from the web; the map uses the blank ``white-bg`` style instead, with country
borders and coasts from Natural Earth shipped in :data:`OUTLINES_PATH` as a line
layer, which the browser fetches from the app itself (:data:`OUTLINES_URL`). Nothing
is fetched from the web.

Two modes, chosen by size:

* **points** (up to :data:`MAX_POINTS` events with coordinates): one marker per event
  type, location precision and place (equal coordinates), its area growing with the
  events there (:func:`count_sizes`): events at one spot would otherwise hide each other,
  and 2 would look like 2,000. Per type and precision one trace of single events and one
  of places holding several, so colour, opacity and hover text are the trace's, not the
  point's. A location known only roughly (a region or a country rather than a place) is a
  fainter marker, and the hover says so. Per single event the figure holds only float32
  coordinates and the start date as four uint8 parts (century, year of the century,
  month, day: the hover shows ``2022-08-03``); per place of several, its uint8 size and
  uint16 count, first and last date. Sent as base64 typed arrays: about 17 bytes of figure
  JSON a single event and 38 a place of several, so 50,000 events stay under 1 MB however
  they share places. A clicked marker is found again from its trace and index
  (:attr:`MapView.members`: the latest event there); its title is in the event details.
* **cells** (more): events counted per grid cell (``cell_degrees`` wide, coarser for
  wide spreads), one marker per non-empty cell sized and coloured by its count;
  customdata is ``["cell", south, west, north, east, count]``, so a click can filter
  the dashboard to that cell (the ``area`` filter kind).

A box selection on either gives its corners (``area`` too), see :func:`selected_area`.
The builder takes plain arrays, so any engine can feed it.

Where the map looks is a pure function of the URL: the ``map`` view key (a
:class:`MapFrame`: a named region or ``lat,lon,zoom``), else the ``area`` filter's box
(so after a box selection the map shows the selected area), else the filtered events.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import colours
from dashboard.coordinates import Area, coordinates
from dashboard.labels import chart_title, plain_label
from dashboard.selection import selection_points
from dashboard.summary import fatality_column, fatality_values
from dashboard.table import EventTable

#: The outlines are served by the app itself (Streamlit's static serving of ``static/``,
#: ``server.enableStaticServing``) and fetched once by the browser at this relative URL,
#: not sent in every figure: 120 KB less on each Map run, and no copying of them.
OUTLINES_PATH = Path(__file__).resolve().parent.parent / "static" / "countries-110m.geojson"
OUTLINES_URL = "app/static/countries-110m.geojson"
#: At most this many events are drawn as points. A single event's point costs about 17
#: bytes of figure JSON (float32 latitude and longitude, four uint8 date parts, base64), a
#: point of several events at one place about 38: 50,000 events are at most ~944 KB, under
#: the page's 1 MB budget. More are counted in cells.
MAX_POINTS = 50_000
#: Cell sizes (degrees), finest first; the first giving at most MAX_CELLS cells wins.
CELL_DEGREES: tuple[float, ...] = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
MAX_CELLS = 4_000
CELL_MARK = "cell"
#: Marker opacity by location precision: a place, a region, a country (fainter: vaguer).
PRECISION_OPACITY: dict[str, float] = {"place": 0.9, "region": 0.55, "country": 0.35}
#: Points marker size (px): one event, and the most events at one place in the view (or
#: :data:`FULL_SIZE_EVENTS` if more); the marker's area grows with its events
#: (:func:`count_sizes`).
POINT_SIZES = (9.0, 40.0)
FULL_SIZE_EVENTS = 50
#: At a place of several types (or precisions) each marker beneath shows at least this
#: wide a ring (px) around the one drawn on it: markers of equal counts were equal in
#: size, and the one drawn last covered the others whole (:func:`ring_sizes`).
RING_PX = 2.0
#: Cells marker size (px): the smallest and the largest count.
CELL_SIZES = (6.0, 30.0)
#: Precision columns understood (ours, then ACLED's geo_precision 1/2/3).
_ACLED_PRECISION = {"1": "place", "2": "region", "3": "country"}
#: UCDP GED's ``where_prec``: 1 the place, 2 within 25 km of it; 3 the district, 4 the
#: province, 5 a part of the country or a line (a road, a border); 6 only the country,
#: 7 international waters or airspace.
_UCDP_PRECISION = {
    **{code: "place" for code in "12"},
    **{code: "region" for code in "345"},
    **{code: "country" for code in "67"},
}
#: Precision columns understood, the first present used, with the codes each writes
#: (our words place/region/country are read in any): ours, ACLED's, UCDP GED's.
PRECISION_COLUMNS: dict[str, dict[str, str]] = {
    "location_precision": {},
    "geo_precision": _ACLED_PRECISION,
    "where_prec": _UCDP_PRECISION,
}
#: Figure bytes the points map may spend (under the 1 MB a page sends), estimated from what
#: a point and a trace cost: the layers of points at one place (:func:`_place_layers`) add
#: a trace per type and precision each, and take only the room left.
POINTS_BUDGET = 900_000
#: Measured figure JSON per single event, per place of several, and per trace.
SINGLE_BYTES, SEVERAL_BYTES, TRACE_BYTES = 17, 38, 730
#: Opacity of markers whose location precision is not given.
UNKNOWN_OPACITY = 0.8
TITLE_CHARS = 80
#: Zoom limits of a map view (MapLibre: 0 shows the whole world).
MIN_ZOOM, MAX_ZOOM = 0.0, 12.0


@dataclass(frozen=True)
class MapData:
    """What the map draws: one entry per event with coordinates (plain arrays).

    ``rows`` are the events' row positions in their table (a click names one; no ids
    are copied for a million events); ``days`` are start dates (days since 1970-01-01);
    ``precision`` holds "place", "region", "country" or "" (not given); ``weight`` is
    what a cell sums (1 per event, or the event's fatalities). ``counted``: each entry
    is a cell counted by a query engine (:func:`counted_cells`), at its centre, and
    ``weight`` is its events (``rows`` then name no event: -1). ``type_colours``: the
    colour of every event type of the table (not only these events';
    :func:`dashboard.colours.table_type_colours`); None: from these events' types.
    """

    rows: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray
    event_types: np.ndarray
    days: np.ndarray
    precision: np.ndarray
    weight: np.ndarray | None = None
    counted: bool = False
    type_colours: Mapping[str, str] | None = None


def counted_cells(rows, size: float = CELL_DEGREES[0]) -> MapData:
    """The :class:`MapData` of ``(south, west, events)`` cells of ``size`` degrees counted by
    a query engine (:meth:`dashboard.query.Engine.map_cells` at the finest cell size): the
    map adds them up into its own cells, which are whole multiples of the finest."""
    rows = list(rows)
    south = np.asarray([r[0] for r in rows], dtype=np.float64)
    west = np.asarray([r[1] for r in rows], dtype=np.float64)
    blank = np.full(len(rows), "", dtype=object)
    return MapData(
        rows=np.full(len(rows), -1, dtype=np.int64),
        latitude=south + size / 2,
        longitude=west + size / 2,
        event_types=blank,
        days=np.zeros(len(rows), dtype=np.int64),
        precision=blank,
        weight=np.asarray([r[2] for r in rows], dtype=np.float64),
        counted=True,
    )


@dataclass(frozen=True)
class MapView:
    """The map figure, its mode ("points", "cells" or "empty") and events without coordinates.

    ``members[i]`` are the :class:`MapData` indices of trace ``i``'s points, in order
    (empty for a cells trace): a selected point's trace and index name its event (the
    latest, for a point of several events at one place).
    """

    figure: go.Figure
    mode: str
    missing: int
    members: tuple[np.ndarray, ...] = ()


@dataclass(frozen=True)
class MapFrame:
    """Where the map looks: its centre (degrees) and MapLibre zoom (0 = the whole world).

    In the URL as the ``map`` view key: a region name of :data:`MAP_REGIONS` or
    ``lat,lon,zoom``.
    """

    lat: float
    lon: float
    zoom: float

    def to_text(self) -> str:
        """``lat,lon,zoom`` (up to 4, 4 and 2 decimals)."""
        parts = (f"{self.lat:.4f}", f"{self.lon:.4f}", f"{self.zoom:.2f}")
        return ",".join(p.rstrip("0").rstrip(".") for p in parts)

    @classmethod
    def parse(cls, text: str) -> MapFrame | None:
        """The frame of a region name or ``lat,lon,zoom``; None when malformed or out of range."""
        text = str(text or "").strip().lower()
        if text in MAP_REGIONS:
            return MAP_REGIONS[text][1]
        parts = text.split(",")
        if len(parts) != 3:
            return None
        try:
            lat, lon, zoom = (float(p) for p in parts)
        except ValueError:
            return None
        if not all(np.isfinite((lat, lon, zoom))):
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and MIN_ZOOM <= zoom <= MAX_ZOOM):
            return None
        return cls(lat, lon, zoom)


#: Named map views (URL value -> label, frame), for the Map page's picker.
MAP_REGIONS: dict[str, tuple[str, MapFrame]] = {
    "world": ("The world", MapFrame(20.0, 0.0, 0.6)),
    "africa": ("Africa", MapFrame(2.0, 18.0, 2.2)),
    "americas": ("The Americas", MapFrame(10.0, -80.0, 1.3)),
    "east-asia": ("East Asia", MapFrame(33.0, 115.0, 2.6)),
    "europe": ("Europe", MapFrame(52.0, 15.0, 2.8)),
    "middle-east": ("Middle East", MapFrame(29.0, 45.0, 3.4)),
    "russia": ("Russia and Central Asia", MapFrame(55.0, 80.0, 1.8)),
    "south-asia": ("South Asia", MapFrame(22.0, 80.0, 3.3)),
    "southeast-asia": ("Southeast Asia", MapFrame(8.0, 110.0, 3.0)),
}


@functools.cache
def outlines() -> dict:
    """The shipped country outlines (a GeoJSON FeatureCollection), read once (the figure
    names them by :data:`OUTLINES_URL`)."""
    return json.loads(OUTLINES_PATH.read_text(encoding="utf-8"))


def precision_of(values: np.ndarray, coded: dict[str, str] = _ACLED_PRECISION) -> np.ndarray:
    """Our precision words for a precision column whose codes ``coded`` reads (by default
    "1"/"2"/"3" as ACLED codes them)."""
    codes, distinct = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=False)
    words = [str(v).strip().lower() for v in distinct]
    words = [coded.get(v, v if v in PRECISION_OPACITY else "") for v in words]
    return np.asarray(words, dtype=object)[codes]


def build_map(
    data: MapData,
    missing: int = 0,
    measure: str = "events",
    frame: MapFrame | None = None,
    area: Area | None = None,
) -> MapView:
    """The map of ``data`` (see the module docstring for the two modes).

    Parameters
    ----------
    data
        The events with coordinates.
    missing
        How many filtered events have no coordinates (said in the title).
    measure
        "events" or "fatalities" (cells sum ``data.weight``).
    frame
        Where to look (the URL's ``map`` key); None fits ``area``, else the events.
    area
        The area filter, if any: the map shows that box when no ``frame`` is given.
    """
    if len(data.rows) == 0:
        layout = _layout([], "empty", missing, measure)
        _look_at(layout, _frame_for(data, frame, area))
        return MapView(go.Figure(layout=layout), "empty", missing)
    members: tuple[np.ndarray, ...] = ()
    if len(data.rows) <= MAX_POINTS and measure == "events" and not data.counted:
        traces, members = _point_traces(data)
        mode = "points"
    else:
        traces, mode = _cell_traces(data, measure), "cells"
        members = (np.zeros(0, dtype=np.int64),)
    layout = _layout(traces, mode, missing, measure)
    _look_at(layout, _frame_for(data, frame, area))
    return MapView(go.Figure(data=traces, layout=layout), mode, missing, members)


def date_template(at: int = 0) -> str:
    """The hover's date from the four :func:`date_parts` at ``customdata[at:at + 4]``.

    Plotly's ``%{...|%Y-%m-%d}`` reads date strings only, and a string per point would
    cost three times the bytes.
    """
    century, year, month, day = (f"customdata[{at + i}]" for i in range(4))
    return f"%{{{century}}}%{{{year}:02d}}-%{{{month}:02d}}-%{{{day}:02d}}"


#: The hover's date of a single event's point (its customdata is the date's parts).
DATE_TEMPLATE = date_template()


def date_parts(days: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 as uint8 rows (century, year of century, month, day):
    ``[20, 22, 8, 3]`` for 3 August 2022 — 4 bytes a point, drawn by :data:`DATE_TEMPLATE`.
    Years 0-25599 fit."""
    dates = np.asarray(days, dtype=np.int64).astype("datetime64[D]")
    months = dates.astype("datetime64[M]")
    year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (dates - months).astype(np.int64) + 1
    return np.stack([year // 100, year % 100, month, day], axis=1).astype(np.uint8)


def _precision_order(value: str) -> int:
    order = list(PRECISION_OPACITY)
    return order.index(value) if value in order else len(order)


def _point_traces(data: MapData) -> tuple[list[dict], tuple[np.ndarray, ...]]:
    """One marker per place, event type and precision; one trace per type and precision
    (constant colour, opacity and hover text), and per type and precision a second trace
    for the places holding several events, sized by their count.

    Events at one place would otherwise lie on one another: 2,000 events at a town
    looked like 2. Markers of more events are drawn first, so smaller ones stay visible on
    top of them, at a place of several types too (a further trace per type and precision
    for each layer, :func:`_place_layers`); the legend keeps the types' alphabetical
    order (``legendrank``).
    """
    type_names, type_codes = np.unique(data.event_types.astype(str), return_inverse=True)
    precisions, precision_codes = np.unique(data.precision.astype(str), return_inverse=True)
    rank = np.asarray([_precision_order(p) for p in precisions], dtype=np.int64)
    group = type_codes.astype(np.int64) * (len(precisions) + 1) + rank[precision_codes]
    latitude = data.latitude.astype(np.float32)
    longitude = data.longitude.astype(np.float32)
    place = (latitude.view(np.uint32).astype(np.uint64) << np.uint64(32)) | longitude.view(
        np.uint32
    )
    # By trace, then place, then latest first: a marker's first event is the one it reads.
    order = np.lexsort((-np.asarray(data.days, dtype=np.int64), place, group))
    cut = np.r_[True, (np.diff(group[order]) != 0) | (np.diff(place[order]) != 0)]
    starts = np.flatnonzero(cut)
    counts = np.diff(np.r_[starts, len(order)])
    latest = order[starts]
    earliest = order[starts + counts - 1]
    # The scale's top is the busiest place, but at least FULL_SIZE_EVENTS: on a small
    # table 2 events at one place are not drawn as big as a city's hundreds.
    top = max(int(counts.max()), FULL_SIZE_EVENTS)
    sizes = count_sizes(counts - 1, top - 1, *POINT_SIZES)
    dates = date_parts(data.days)
    palette = data.type_colours or colours.event_type_colours(type_names)
    several = counts > 1
    layers = _place_layers(place[latest], counts, group[latest])
    sizes = ring_sizes(place[latest], layers, sizes)
    layer = _capped_layers(layers, group[latest], several)
    # A trace per layer and group (type and precision), of single events or of several.
    trace_key = layer * (int(group.max()) + 1) + group[latest]
    traces: list[tuple[tuple[int, int], dict, np.ndarray]] = []
    for stacked in (True, False):
        chosen = np.flatnonzero(several == stacked)
        if not len(chosen):
            continue
        # Within a trace, the bigger markers first (drawn beneath).
        chosen = chosen[np.lexsort((-sizes[chosen], trace_key[chosen]))]
        bounds = np.flatnonzero(np.r_[True, np.diff(trace_key[chosen]) != 0])
        for markers in np.split(chosen, bounds[1:]):
            first = latest[markers[0]]
            type_name = str(type_names[type_codes[first]])
            precision = str(precisions[precision_codes[first]])
            if stacked:
                custom = np.column_stack(
                    [counts[markers], dates[earliest[markers]], dates[latest[markers]]]
                ).astype(np.uint16)
            else:
                custom = dates[latest[markers]]
            colour = palette.get(type_name, colours.NEUTRAL_GREY)
            trace = _point_trace(type_name, colour, precision, stacked)
            trace.update(
                lat=latitude[latest[markers]],
                lon=longitude[latest[markers]],
                customdata=custom,
                legendrank=int(type_codes[first]) + 1,
            )
            # A byte per marker; said once when all are one event's smallest size.
            drawn = np.round(sizes[markers]).astype(np.uint8)
            single = not stacked and bool(np.all(drawn == POINT_SIZES[0]))
            trace["marker"]["size"] = POINT_SIZES[0] if single else drawn
            rank = (int(layer[markers[0]]), -float(sizes[markers].max()))
            traces.append((rank, trace, latest[markers]))
    # Layer by layer, the traces of the biggest markers first; sort is stable, so the rest
    # keep their order.
    traces.sort(key=lambda t: t[0])
    # One legend entry per type, from its most opaque trace (a faint one reads as another
    # colour in the legend).
    legend: dict[str, dict] = {}
    for _, trace, _ in traces:
        trace["showlegend"] = False
        shown = legend.get(trace["legendgroup"])
        if shown is None or trace["marker"]["opacity"] > shown["marker"]["opacity"]:
            legend[trace["legendgroup"]] = trace
    for trace in legend.values():
        trace["showlegend"] = True
    return [t for _, t, _ in traces], tuple(m for _, _, m in traces)


def _place_layers(places: np.ndarray, counts: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Each marker's rank among the markers at its place (0: the most events there).

    Markers of several types (or precisions) at one place are concentric, and a trace is
    drawn whole before the next: a type's trace led by a city of 60 drew its 3 events at a
    town beneath another type's 30 there, hidden. Drawn layer by layer, the markers at
    each place go biggest first, so each smaller one stays visible on top.
    """
    order = np.lexsort((groups, -counts, places))
    start = np.r_[True, np.diff(places[order]) != 0]
    first = np.maximum.accumulate(np.where(start, np.arange(len(order)), 0))
    layers = np.empty(len(order), dtype=np.int64)
    layers[order] = np.arange(len(order)) - first
    return layers


def ring_sizes(places: np.ndarray, layers: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """``sizes`` (px) grown where needed so that at each place every marker is at least
    ``2 * RING_PX`` wider than the one on the next layer up (:func:`_place_layers`: 0 is
    drawn first, beneath), so each shows as a ring around the ones on it.

    A marker's area still grows with its events; at a shared place one beneath may be
    drawn bigger than its count alone makes it (hover gives the count). On ACLED's Kenya
    2019 export 525 of 2,060 markers lay under one of equal size, covered whole.
    """
    sizes = np.asarray(sizes, dtype=np.float64)
    order = np.lexsort((-layers, places))  # per place, the top (last drawn) first
    step = 2 * RING_PX * np.arange(len(order), dtype=np.float64)
    # size[i] = max over j <= i at its place of size[j] + step * (i - j): a running
    # maximum of size - step, kept from running across places by an offset per place.
    place_no = np.cumsum(np.r_[False, np.diff(places[order]) != 0])
    apart = float(step[-1] if len(step) else 0) + 2 * float(sizes.max(initial=0)) + 1
    running = np.maximum.accumulate(sizes[order] - step + place_no * apart)
    grown = np.empty_like(sizes)
    grown[order] = running - place_no * apart + step
    return grown


def _capped_layers(layers: np.ndarray, groups: np.ndarray, several: np.ndarray) -> np.ndarray:
    """``layers`` of the markers (of ``groups``, of ``several`` events or one) with the
    deepest merged into one, as few as keep the figure within :data:`POINTS_BUDGET`: each
    layer costs a trace per group and kind it holds. At worst one layer, as before."""
    points = SINGLE_BYTES * int(np.count_nonzero(~several))
    points += SEVERAL_BYTES * int(np.count_nonzero(several))
    kinds = groups.astype(np.int64) * 2 + several
    for deepest in range(int(layers.max(initial=0)), 0, -1):
        capped = np.minimum(layers, deepest)
        traces = len(np.unique(capped * (int(kinds.max()) + 1) + kinds))
        if points + TRACE_BYTES * traces <= POINTS_BUDGET:
            return capped
    return np.zeros_like(layers)


def _point_trace(type_name: str, colour: str, precision: str, several: bool) -> dict:
    """A points trace of one event type and precision, without its points."""
    opacity = PRECISION_OPACITY.get(precision, UNKNOWN_OPACITY)
    where = f"location known to the {precision}" if precision else "location precision not given"
    if several:
        what = (
            f"%{{customdata[0]:,}} events at this place<br>{where}<br>"
            f"from {date_template(1)} to {date_template(5)}<br>"
            "Click to read the latest (and list the others here)"
        )
    else:
        what = f"{where}<br>start date {DATE_TEMPLATE}<br>Click to read it"
    label = plain_label(type_name, 60)
    return dict(
        type="scattermap",
        mode="markers",
        marker={"opacity": opacity, "color": colour},
        name=label,
        legendgroup=label,
        hovertemplate=f"<b>{plain_label(type_name, TITLE_CHARS)}</b><br>{what}<extra></extra>",
        meta={"style": "points", "precision": precision, "stacked": several},
    )


def count_sizes(values: np.ndarray, top: float, smallest: float, largest: float) -> np.ndarray:
    """Marker sizes (px) for ``values`` from 0 to ``top``: the marker's area grows with the
    value (its diameter with the square root), from ``smallest`` to ``largest``."""
    values = np.asarray(values, dtype=np.float64)
    share = np.sqrt(np.clip(values / top, 0, 1)) if top > 0 else np.zeros(values.shape)
    return np.round(smallest + (largest - smallest) * share, 1)


def cell_size(latitude: np.ndarray, longitude: np.ndarray) -> float:
    """The finest cell size (degrees) giving at most :data:`MAX_CELLS` non-empty cells."""
    for size in CELL_DEGREES:
        keys, n_keys = _cell_keys(latitude, longitude, size)
        if np.count_nonzero(np.bincount(keys, minlength=n_keys)) <= MAX_CELLS:
            return size
    return CELL_DEGREES[-1]


def _cell_keys(latitude: np.ndarray, longitude: np.ndarray, size: float) -> tuple[np.ndarray, int]:
    """Each point's cell number on a dense grid of ``size``-degree cells, and the cell count
    (a dense grid: counting is one bincount, no sort; 0.25° is about a million cells)."""
    columns = int(np.ceil(360 / size)) + 1
    rows = np.floor((latitude + 90) / size).astype(np.int64)
    keys = rows * columns + np.floor((longitude + 180) / size).astype(np.int64)
    return keys, (int(np.ceil(180 / size)) + 1) * columns


def count_cells(
    latitude: np.ndarray, longitude: np.ndarray, size: float, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(south edge, west edge, sum of ``weight`` or count) of every non-empty cell."""
    keys, n_keys = _cell_keys(latitude, longitude, size)
    counts = np.bincount(keys, minlength=n_keys)
    cells = np.flatnonzero(counts)
    totals = counts[cells] if weight is None else np.bincount(keys, weight, n_keys)[cells]
    columns = int(np.ceil(360 / size)) + 1
    return (cells // columns) * size - 90, (cells % columns) * size - 180, totals


def _cell_traces(data: MapData, measure: str) -> list[dict]:
    size = cell_size(data.latitude, data.longitude)
    weight = data.weight if measure == "fatalities" or data.counted else None
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
                "size": count_sizes(totals, top, *CELL_SIZES),
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


def _frame_for(data: MapData, frame: MapFrame | None, area: Area | None) -> MapFrame:
    """The given frame, else the one fitting ``area``, else the events, else the world."""
    if frame is not None:
        return frame
    if area is not None:
        return fit_frame(area.south, area.west, area.north, area.east)
    if len(data.rows):
        return fit_frame(
            float(np.nanmin(data.latitude)),
            float(np.nanmin(data.longitude)),
            float(np.nanmax(data.latitude)),
            float(np.nanmax(data.longitude)),
        )
    return MAP_REGIONS["world"][1]


def fit_frame(south: float, west: float, north: float, east: float) -> MapFrame:
    """The frame showing the box (``west > east`` crosses the 180° meridian)."""
    if west > east:
        east += 360
    lon = (west + east) / 2
    lon = lon - 360 if lon > 180 else lon
    span = max(north - south, (east - west) / 2)
    return MapFrame(round((south + north) / 2, 4), round(lon, 4), round(_zoom(span), 2))


def _zoom(span_degrees: float) -> float:
    """A MapLibre zoom showing about ``span_degrees`` (zoom 0 shows the whole world)."""
    return float(np.clip(np.log2(360 / max(span_degrees * 1.6, 1.0)), 0.3, 8))


def _look_at(layout: dict, frame: MapFrame) -> None:
    """Point the layout at ``frame``; a new frame resets what the analyst panned to."""
    layout["map"]["center"] = {"lat": frame.lat, "lon": frame.lon}
    layout["map"]["zoom"] = frame.zoom
    layout["meta"]["frame"] = frame.to_text()
    layout["uirevision"] = f"{layout['uirevision']}:{frame.to_text()}"


def _layout(traces, mode: str, missing: int, measure: str) -> dict:
    notes = []
    if mode == "cells":
        notes.append(f"{measure} counted per cell; click a cell or drag a box to filter")
    elif mode == "points":
        notes.append(
            "marker size: events at one place; fainter: location known only to the region "
            "or country"
        )
    if missing:
        notes.append(
            f"{missing:,} event{'s' if missing != 1 else ''} without coordinates "
            f"{'are' if missing != 1 else 'is'} not on the map"
        )
    layout = {
        "title": chart_title("Events on the map", notes),
        "height": 620,
        "margin": {"l": 0, "r": 0, "t": 60, "b": 0},
        # Legend swatches of one size: a point's size is its count, not its type.
        "legend": {"title": {"text": "Event type"}, "itemsizing": "constant"},
        # A blank style (no tiles, nothing fetched) with the shipped outlines on it.
        "map": {
            "style": "white-bg",
            "center": {"lat": 20, "lon": 0},
            "zoom": 0.6,
            "layers": [
                {
                    "sourcetype": "geojson",
                    "source": OUTLINES_URL,
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


def map_data(
    table: EventTable, positions: np.ndarray, type_colours: Mapping[str, str] | None = None
) -> tuple[MapData, int]:
    """The :class:`MapData` of the events at ``positions`` that have coordinates, and how
    many of them have none (all of them when the table has no coordinate columns).

    ``type_colours``: the whole dataset's, when ``table`` is only a window of it (a query
    engine's); default :func:`dashboard.colours.table_type_colours` of ``table``.
    """
    found = coordinates(table)
    if found is None:
        return _empty_data(), len(positions)
    latitude, longitude = found
    located = positions[~np.isnan(latitude[positions])]
    events = table.events
    precision = np.full(len(located), "", dtype=object)
    for column, coded in PRECISION_COLUMNS.items():
        if column in events.columns:
            precision = precision_of(events[column].to_numpy(dtype=object)[located], coded)
            break
    weight = None
    deaths = fatality_column(events.columns)
    if deaths is not None:
        weight = fatality_values(events[deaths].iloc[located]).fillna(0).to_numpy(np.float64)
    data = MapData(
        rows=located,
        latitude=latitude[located],
        longitude=longitude[located],
        event_types=np.asarray(table.event_types, dtype=object)[table.type_codes[located]],
        days=table.start_days[located],
        precision=precision,
        weight=weight,
        type_colours=type_colours or colours.table_type_colours(table),
    )
    return data, len(positions) - len(located)


def selectable(view: MapView, data: MapData) -> MapData:
    """The part of ``data`` a selection on ``view`` can name, for the map's ``on_select``.

    Only points are named through ``data`` (by :attr:`MapView.members`); a cell carries its
    own edges, and an empty map has nothing to select. So a points map needs all of
    ``data`` (at most :data:`MAX_POINTS` entries) and any other map none of it. Streamlit
    keeps a widget's callback, with what it was given, for as long as the session shows
    the page: handing it the whole ``data`` of a cells map kept ~30 MB per session at 1M
    events (every located event's rows, coordinates, types, days and precision).
    :func:`clicked_row` and :func:`selected_area` answer the same with either.
    """
    return data if view.mode == "points" else _empty_data()


def same_place(table: EventTable, positions: np.ndarray, position: int) -> np.ndarray:
    """The events among ``positions`` drawn on the very spot of the event at ``position``
    (equal coordinates), that one included; empty when it has no coordinates.

    Their markers lie on one another, so a click reaches only the top one: the Map lists
    the others beside the event being read.
    """
    found = coordinates(table)
    if found is None:
        return np.zeros(0, dtype=np.int64)
    latitude, longitude = found
    lat, lon = latitude[position], longitude[position]
    if np.isnan(lat) or np.isnan(lon):
        return np.zeros(0, dtype=np.int64)
    positions = np.asarray(positions, dtype=np.int64)
    here = (latitude[positions] == lat) & (longitude[positions] == lon)
    return positions[here]


def _empty_data() -> MapData:
    empty = np.zeros(0, dtype=object)
    return MapData(
        np.zeros(0, np.int64), np.zeros(0), np.zeros(0), empty, np.zeros(0, np.int64), empty
    )


def selected_rows(selection, members: tuple[np.ndarray, ...]) -> np.ndarray:
    """The :class:`MapData` indices of the selected event points (cells are left out).

    A point is named by its trace (``curve_number``) and its index in it
    (``point_index``), which :attr:`MapView.members` maps back to the data.
    """
    rows = []
    for point in selection_points(selection):
        curve, index = point.get("curve_number"), point.get("point_index")
        if not isinstance(curve, int) or not isinstance(index, int):
            continue
        if 0 <= curve < len(members) and 0 <= index < len(members[curve]):
            rows.append(int(members[curve][index]))
    return np.unique(np.asarray(rows, dtype=np.int64))


def clicked_row(selection, data: MapData, members: tuple[np.ndarray, ...]) -> int | None:
    """The table row of the event when the selection is one event point (a click, or a
    box holding just one event: Streamlit reports no box for maps), else None."""
    if _is_box(selection) or any(
        area_of_cell(p.get("customdata")) for p in selection_points(selection)
    ):
        return None
    rows = selected_rows(selection, members)
    return int(data.rows[rows[0]]) if len(rows) == 1 else None


def _is_box(selection) -> bool:
    inner = selection.get("selection", selection) if isinstance(selection, Mapping) else None
    if not isinstance(inner, Mapping):
        return False
    return any(
        isinstance(inner.get(key), list | tuple) and inner.get(key) for key in ("box", "lasso")
    )


def selected_area(
    selection, data: MapData, members: tuple[np.ndarray, ...] = (), pad: float = 0.01
) -> Area | None:
    """The box around what a click or box selection on the map chose, or None.

    Cells give their own edges (several: the box around them); events give the box
    around their coordinates, ``pad`` degrees wider so they sit inside it.
    """
    points = selection_points(selection)
    boxes = [area for area in (area_of_cell(p.get("customdata")) for p in points) if area]
    if not boxes:
        rows = selected_rows(selection, members)
        if not len(rows):
            return None
        latitude, longitude = data.latitude[rows], data.longitude[rows]
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
