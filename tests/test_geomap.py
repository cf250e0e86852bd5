"""The Map: coordinates, the area filter, points vs cells, cell counts, selections, outlines."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pandas as pd
import pytest
from figure_fixtures import row, small_table

from dashboard import geomap
from dashboard.coordinates import Area, _numbers, coordinates
from dashboard.filters import FilterSpec, filter_positions
from dashboard.geomap import MapData, build_map, count_cells, map_data, selected_area
from dashboard.table import build_table

ROWS = [
    row("naypyitaw", event_type="visit", latitude="19.7633", longitude="96.0785"),
    row("moscow", event_type="meeting", latitude="55.7558", longitude="37.6173"),
    row("phnom-penh", event_type="multilateral meeting", latitude="11.5564", longitude="104.9282"),
    row("nowhere", event_type="coup"),
    row("fiji", event_type="visit", latitude="-17.7", longitude="178.1"),
]


@pytest.fixture(scope="module")
def table():
    return small_table(ROWS)


def ids(table, positions):
    return set(table.events["event_id"].iloc[positions])


def test_coordinates_are_numbers_with_nan_where_missing(table):
    latitude, longitude = coordinates(table)
    assert latitude[0] == pytest.approx(19.7633) and longitude[1] == pytest.approx(37.6173)
    assert np.isnan(latitude[3]) and np.isnan(longitude[3])


def test_coordinates_held_once_per_value_are_the_same_numbers(table):
    # A compacted table (dashboard.compact) parses each distinct value once and spreads it;
    # the numbers, the missing ones and the area filter are the plain table's. Here one
    # column is held as categories and the other is not, and an import's garbage and a
    # latitude without its longitude are among the values.
    events = table.events.assign(
        latitude=pd.Series(["19.7633", "north", "", "19.7633", "95", "-10"] * 2, dtype="str")[
            : len(table)
        ].to_numpy()
    )
    plain = build_table(events, table.directory)

    def held_as_categories(frame, *columns):
        return build_table(
            frame.assign(**{c: frame[c].astype("category") for c in columns}), table.directory
        )

    held = held_as_categories(events, "latitude")
    assert isinstance(held.events["latitude"].dtype, pd.CategoricalDtype)
    for other in (held, held_as_categories(events, "latitude", "longitude")):
        for ours, theirs in zip(coordinates(other), coordinates(plain), strict=True):
            np.testing.assert_array_equal(ours, theirs)
        assert coordinates(other)[0] is not coordinates(other)[0]  # spread on each call
    spec = FilterSpec(area=Area(-20, -180, 30, 180))
    assert filter_positions(held, spec).tolist() == filter_positions(plain, spec).tolist()


def test_coordinates_held_once_per_value_keep_no_copy_of_the_codes(table):
    # The cache keeps a number per value and the column's own codes (a view): a copy of
    # the codes, kept for the table's life, was 2 x 3.8 MB at 1M events.
    import gc
    import tracemalloc
    from dataclasses import replace

    n, distinct = 400_000, 20_000
    values = pd.Series([f"{v / 1000:.3f}" for v in range(distinct)], dtype="str")
    codes = np.random.default_rng(2).integers(0, distinct, n).astype(np.int16)
    column = pd.Series(pd.Categorical.from_codes(codes, categories=values))
    big = replace(table, events=pd.DataFrame({"latitude": column, "longitude": column}))
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        latitude, longitude = coordinates(big)
        del latitude, longitude  # what the call hands out is the caller's
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < codes.nbytes // 2, kept  # two columns' numbers per value, no codes
    np.testing.assert_array_equal(coordinates(big)[0], (codes / 1000).astype(np.float64))


def test_coordinates_kept_from_an_import_may_be_garbage_and_count_as_missing():
    # Our loader refuses bad coordinates; an import's extra columns are kept as given.
    column = pd.Series(["19.7", "north", "95", "", None, "-180"], dtype="str")
    assert np.isnan(_numbers(column, 90)).tolist() == [False, True, True, True, True, True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10,90,30,110", Area(10, 90, 30, 110)),
        ("-20,170,-10,-170", Area(-20, 170, -10, -170)),  # across the 180° meridian
        ("30,90,10,110", None),  # south above north
        ("10,90,30", None),
        ("10,90,30,nan", None),
        ("10,190,30,110", None),
        ("a,b,c,d", None),
    ],
)
def test_area_parses_south_west_north_east(text, expected):
    assert Area.parse(text) == expected


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        ("10,90,30,110", {"naypyitaw", "phnom-penh"}),
        ("50,30,60,40", {"moscow"}),
        ("-20,170,-10,-170", {"fiji"}),
        ("-90,-180,90,180", {"naypyitaw", "moscow", "phnom-penh", "fiji"}),
    ],
)
def test_area_filter_keeps_events_inside_the_box(table, area, expected):
    spec, notices = FilterSpec.from_query_params({"area": area})
    assert notices == []
    assert ids(table, filter_positions(table, spec)) == expected
    assert spec.to_query_params() == {"area": [area]}


def test_a_malformed_area_is_a_notice_not_an_error():
    spec, notices = FilterSpec.from_query_params({"area": "somewhere"})
    assert spec.area is None
    assert notices == [
        "'somewhere' is not an area (south,west,north,east in degrees); it is ignored."
    ]


def test_area_on_a_table_without_coordinates_keeps_nothing():
    plain = small_table([row("a"), row("b")])
    spec, _ = FilterSpec.from_query_params({"area": "-90,-180,90,180"})
    assert len(filter_positions(plain, spec)) == 0


def drawn_traces(view, data, table):
    """event_id -> the trace drawing it (through MapView.members and MapData.rows)."""
    ids = table.events["event_id"].to_numpy(dtype=object)
    return {
        ids[data.rows[member]]: trace
        for trace, rows in zip(view.figure.data, view.members, strict=True)
        for member in rows
    }


def test_points_are_coloured_by_type_and_say_what_is_missing(table):
    data, missing = map_data(table, np.arange(len(table)))
    assert missing == 1
    view = build_map(data, missing)
    assert view.mode == "points"
    drawn = drawn_traces(view, data, table)
    assert set(drawn) == {"naypyitaw", "moscow", "phnom-penh", "fiji"}
    assert drawn["moscow"].marker.color == geomap.colours.event_type_colour("meeting")
    # Per point only coordinates and the date: the trace says type and precision.
    moscow = drawn["moscow"]
    assert np.asarray(moscow.customdata).tolist() == [[20, 22, 8, 3]]
    assert "meeting" in moscow.hovertemplate
    assert "1 event without coordinates is not on the map" in view.figure.layout.title.subtitle.text
    layout = view.figure.layout.map
    assert layout.style == "white-bg"  # no tile server
    # The outlines come from the app's own static files (static/, served by Streamlit).
    assert layout.layers[0].source == geomap.OUTLINES_URL == "app/static/countries-110m.geojson"
    assert geomap.OUTLINES_PATH.parent.name == "static" and geomap.OUTLINES_PATH.is_file()


@pytest.mark.parametrize(
    "column, codes, expected",
    [
        # UCDP GED: exact, 25 km; district, province, part of the country; country, waters
        ("where_prec", "1234567", ["place"] * 2 + ["region"] * 3 + ["country"] * 2),
        ("geo_precision", "123", ["place", "region", "country"]),  # ACLED
        ("location_precision", ["place", "Region", "country"], ["place", "region", "country"]),
    ],
)
def test_a_source_s_location_precision_column_is_read(column, codes, expected):
    rows = [
        row(f"e{k}", latitude="5.0", longitude=str(20 + k), **{column: code})
        for k, code in enumerate(codes)
    ]
    table = small_table(rows)
    data, _ = map_data(table, np.arange(len(table)))
    assert data.precision.tolist() == expected


def test_location_precision_is_visible():
    data = MapData(
        rows=np.arange(3),
        latitude=np.asarray([1.0, 2.0, 3.0]),
        longitude=np.asarray([1.0, 2.0, 3.0]),
        event_types=np.asarray(["visit"] * 3, dtype=object),
        days=np.zeros(3, dtype=np.int64),
        precision=geomap.precision_of(np.asarray(["1", "region", "3"], dtype=object)),
    )
    view = build_map(data)
    place, region, country = view.figure.data
    # Size says how many events are at the place (one each here); opacity, how precisely.
    assert {t.marker.size for t in view.figure.data} == {geomap.POINT_SIZES[0]}
    assert place.marker.opacity > region.marker.opacity > country.marker.opacity
    assert "location known to the country" in country.hovertemplate
    assert [list(m) for m in view.members] == [[0], [1], [2]]
    # One legend entry per event type, not per precision.
    assert [t.showlegend for t in view.figure.data] == [True, False, False]


def stacked_data():
    """Events on few spots: 5 clashes and 2 protests at one town (to the place), one clash
    at the same town known only to the region, one clash elsewhere."""
    day = np.datetime64("2025-03-01", "D").astype(np.int64)
    return MapData(
        rows=np.arange(9) + 100,
        latitude=np.asarray([2.04, 2.04, 2.04, 2.04, 2.04, 2.04, 2.04, 2.04, 5.5]),
        longitude=np.asarray([45.3, 45.3, 45.3, 45.3, 45.3, 45.3, 45.3, 45.3, 44.1]),
        event_types=np.asarray(
            ["armed clash"] * 5 + ["protest"] * 2 + ["armed clash"] * 2, dtype=object
        ),
        days=day + np.asarray([3, 40, 1, 9, 2, 7, 5, 0, 0]),
        precision=np.asarray(["place"] * 7 + ["region", "place"], dtype=object),
    )


def markers(view):
    """(type, precision, events, first day parts, last day parts, size, event read) per marker."""
    found = []
    for trace, members in zip(view.figure.data, view.members, strict=True):
        custom = np.asarray(trace.customdata).tolist()
        sizes = np.broadcast_to(trace.marker.size, len(members)).tolist()
        for parts, size, member in zip(custom, sizes, members.tolist(), strict=True):
            count, first, last = (
                (parts[0], parts[1:5], parts[5:]) if len(parts) == 9 else (1, parts, parts)
            )
            found.append((trace.name, trace.meta["precision"], count, first, last, size, member))
    return found


def test_events_at_one_place_are_one_marker_sized_by_their_count():
    data = stacked_data()
    view = build_map(data)
    drawn = markers(view)
    # One marker per place, type and precision, and every event counted once.
    assert sum(m[2] for m in drawn) == len(data.rows)
    by_key = {(m[0], m[1], m[2]): m for m in drawn}
    assert sorted(by_key) == [
        ("armed clash", "place", 1),
        ("armed clash", "place", 5),
        ("armed clash", "region", 1),
        ("protest", "place", 2),
    ]
    clashes = by_key[("armed clash", "place", 5)]
    # The hover's dates: the first and the last of the five; a click reads the latest.
    assert clashes[3] == [20, 25, 3, 2] and clashes[4] == [20, 25, 4, 10]
    assert clashes[6] == 1 and data.days[1] == data.days[:5].max()
    # Area grows with the count: 5 > 2 > 1 (one event: the smallest size); 5 events are
    # the most here, but too few for the biggest size.
    protests, single = by_key[("protest", "place", 2)], by_key[("armed clash", "place", 1)]
    assert geomap.POINT_SIZES[1] > clashes[5] > protests[5] > single[5] == geomap.POINT_SIZES[0]
    assert clashes[5] == round(9 + 31 * np.sqrt(4 / (geomap.FULL_SIZE_EVENTS - 1)))
    # The busiest place of many is drawn at the biggest size.
    busier = stacked_data()
    busier = MapData(
        *(np.repeat(a, 20) for a in (busier.rows, busier.latitude, busier.longitude)),
        *(np.repeat(a, 20) for a in (busier.event_types, busier.days, busier.precision)),
    )
    assert max(m[5] for m in markers(build_map(busier))) == geomap.POINT_SIZES[1]
    stacked = [t for t in view.figure.data if t.meta["stacked"]]
    assert all("events at this place" in t.hovertemplate for t in stacked)
    assert "marker size: events at one place" in view.figure.layout.title.subtitle.text
    assert view.figure.layout.title.text == "Events on the map"


def test_bigger_markers_are_drawn_first_and_the_legend_keeps_one_entry_per_type():
    view = build_map(stacked_data())
    # At the town, the 5 clashes, the 2 protests, the clash known to the region: smaller
    # markers lie on top.
    town = _drawn_sizes_by_place(view)[(2.04, 45.3)]
    assert len(town) == 3 and town == sorted(town, reverse=True)
    legend = [(t.name, t.legendrank) for t in view.figure.data if t.showlegend]
    assert sorted(legend) == [("armed clash", 1), ("protest", 2)]
    # The legend's swatch is the type's most opaque trace, not the first drawn (faint).
    vague = MapData(
        rows=np.arange(4),
        latitude=np.asarray([1.0, 1.0, 1.0, 2.0]),
        longitude=np.asarray([1.0, 1.0, 1.0, 2.0]),
        event_types=np.asarray(["visit"] * 4, dtype=object),
        days=np.zeros(4, dtype=np.int64),
        precision=np.asarray(["region"] * 3 + ["place"], dtype=object),
    )
    drawn = build_map(vague).figure
    assert [t.meta["precision"] for t in drawn.data] == ["region", "place"]
    assert [t.showlegend for t in drawn.data] == [False, True]
    assert drawn.layout.legend.itemsizing == "constant"


def test_a_click_on_a_stacked_marker_reads_its_latest_event_and_a_box_its_area():
    data = stacked_data()
    view = build_map(data)
    (curve,) = [
        i for i, t in enumerate(view.figure.data) if t.name == "armed clash" and t.meta["stacked"]
    ]
    click = {"selection": {"points": [{"curve_number": curve, "point_index": 0}], "box": []}}
    assert geomap.clicked_row(click, data, view.members) == 101  # rows[1]: the latest clash
    everything = {
        "selection": {
            "points": [
                {"curve_number": c, "point_index": i}
                for c, rows in enumerate(view.members)
                for i in range(len(rows))
            ],
            "box": [{"x": [0, 1], "y": [0, 1]}],
        }
    }
    area = selected_area(everything, data, view.members)
    assert (area.south, area.west, area.north, area.east) == pytest.approx(
        (2.03, 44.09, 5.51, 45.31)
    )


def test_the_points_mode_stays_under_a_megabyte_when_every_place_holds_two_events():
    data = random_data(geomap.MAX_POINTS // 2)
    doubled = MapData(
        *(np.concatenate([a, a]) for a in (data.rows, data.latitude, data.longitude)),
        np.concatenate([data.event_types] * 2),
        np.concatenate([data.days, data.days + 5]),
        np.concatenate([data.precision] * 2),
    )
    view = build_map(doubled)
    assert view.mode == "points"
    assert sum(len(t.lat) for t in view.figure.data) == geomap.MAX_POINTS // 2
    assert len(view.figure.to_json()) <= 1_000_000


TYPES = ("visit", "meeting", "statement", "agreement", "sanction", "military exercise")


def random_data(n, seed=0):
    rng = np.random.default_rng(seed)
    return MapData(
        rows=np.arange(n),
        latitude=rng.uniform(-60, 70, n),
        longitude=rng.uniform(-180, 180, n),
        event_types=rng.choice(np.asarray(TYPES, dtype=object), n),
        days=rng.integers(-3_000, 20_000, n),
        precision=rng.choice(np.asarray(["place", "region", "country", ""], dtype=object), n),
        weight=rng.integers(0, 5, n).astype(float),
    )


@pytest.mark.parametrize("size", geomap.CELL_DEGREES)
def test_cell_counts_match_a_direct_count(size):
    data = random_data(20_000, seed=1)
    south, west, totals = count_cells(data.latitude, data.longitude, size)
    assert totals.sum() == 20_000
    weighted = count_cells(data.latitude, data.longitude, size, data.weight)[2]
    assert weighted.sum() == pytest.approx(data.weight.sum())
    for s, w, total in list(zip(south, west, totals, strict=True))[:50]:
        inside = (
            (data.latitude >= s)
            & (data.latitude < s + size)
            & (data.longitude >= w)
            & (data.longitude < w + size)
        )
        assert inside.sum() == total


def test_above_the_point_limit_events_are_counted_in_cells_under_a_megabyte():
    data = random_data(geomap.MAX_POINTS + 1)
    view = build_map(data)
    assert view.mode == "cells"
    (trace,) = view.figure.data
    assert sum(c[5] for c in trace.customdata) == geomap.MAX_POINTS + 1
    assert len(trace.customdata) <= geomap.MAX_CELLS
    assert len(view.figure.to_json()) < 1_000_000
    many = build_map(random_data(200_000, seed=2))
    assert len(many.figure.to_json()) < 1_000_000


def test_cells_can_measure_fatalities():
    data = random_data(100)
    view = build_map(data, measure="fatalities")
    (trace,) = view.figure.data
    assert sum(c[5] for c in trace.customdata) == data.weight.sum()
    assert "fatalities" in view.figure.layout.title.subtitle.text


@pytest.mark.parametrize("column", ["fatalities", "FATALITIES", "best"])
def test_a_table_counting_deaths_can_weigh_the_map_by_them(column):
    # ACLED's fatalities (legacy exports write FATALITIES) and UCDP GED's best estimate.
    deaths = {"a": "4", "b": "", "c": "10", "d": "-2"}
    rows = [
        row(name, event_type="armed clash", latitude="4.4", longitude="18.5", **{column: n})
        for name, n in deaths.items()
    ]
    table = small_table([*rows, row("e", event_type="armed clash", **{column: "7"})])
    data, missing = map_data(table, np.arange(len(table)))
    assert missing == 1
    assert data.weight.tolist() == [4.0, 0.0, 10.0, 0.0]  # no or no sound number: none
    (trace,) = build_map(data, measure="fatalities").figure.data
    assert sum(c[5] for c in trace.customdata) == 14


def test_the_points_mode_stays_under_a_megabyte_at_its_limit():
    data = random_data(geomap.MAX_POINTS)
    assert geomap.MAX_POINTS >= 50_000  # the issue: individual points up to ~50,000
    view = build_map(data)
    assert view.mode == "points"
    assert sum(len(trace.lat) for trace in view.figure.data) == geomap.MAX_POINTS
    # Deterministic: base64 float32 coordinates and uint8 date parts, no per-point strings.
    size = len(view.figure.to_json())
    assert size <= 1_000_000, size
    first = json.loads(view.figure.to_json())["data"][0]
    assert first["lat"]["dtype"] == "f4" and first["customdata"]["dtype"] == "u1"
    assert build_map(random_data(geomap.MAX_POINTS + 1)).mode == "cells"


def test_points_keep_every_event_once_in_its_type_and_precision_trace():
    data = random_data(3_000, seed=5)
    view = build_map(data)
    rows = np.concatenate(view.members)
    assert sorted(rows.tolist()) == list(range(3_000))
    for trace, members in zip(view.figure.data, view.members, strict=True):
        assert set(data.event_types[members]) == {trace.name}
        assert len(set(data.precision[members])) == 1
        assert np.allclose(trace.lat, data.latitude[members], atol=1e-4)
        assert np.array_equal(trace.customdata, geomap.date_parts(data.days[members]))


@pytest.mark.parametrize(
    ("day", "parts"),
    [
        ("2022-08-03", [20, 22, 8, 3]),
        ("1969-12-31", [19, 69, 12, 31]),
        ("2000-02-29", [20, 0, 2, 29]),
        ("1850-01-01", [18, 50, 1, 1]),
    ],
)
def test_dates_are_sent_as_four_small_parts(day, parts):
    days = np.asarray([np.datetime64(day, "D").astype(np.int64)])
    assert geomap.date_parts(days).tolist() == [parts]


def selection(*customdata):
    return {"selection": {"points": [{"customdata": list(c)} for c in customdata], "box": []}}


def clicks(view, data, table, *event_ids, box=False):
    """A selection of the points drawing ``event_ids`` of ``table``, as Streamlit returns it."""
    ids = table.events["event_id"].to_numpy(dtype=object)
    points = []
    for curve, rows in enumerate(view.members):
        for index, member in enumerate(rows):
            if ids[data.rows[member]] in event_ids:
                points.append({"curve_number": curve, "point_index": index, "customdata": 1})
    boxes = [{"x": [0, 1], "y": [0, 1]}] if box else []
    return {"selection": {"points": points, "box": boxes, "lasso": []}}


def test_a_clicked_cell_is_its_area_and_several_cells_their_box():
    data = random_data(10)
    one = selection(["cell", 10, 90, 15, 95, 3])
    assert selected_area(one, data) == Area(10, 90, 15, 95)
    two = selection(["cell", 10, 90, 15, 95, 3], ["cell", 20, 100, 25, 105, 1])
    assert selected_area(two, data) == Area(10, 90, 25, 105)
    assert geomap.clicked_row(one, data, ()) is None


def test_selected_events_give_the_box_around_them(table):
    data, _ = map_data(table, np.arange(len(table)))
    view = build_map(data)
    area = selected_area(clicks(view, data, table, "naypyitaw", "phnom-penh"), data, view.members)
    assert area.south == pytest.approx(11.5464) and area.north == pytest.approx(19.7733)
    spec = FilterSpec(area=area)
    assert ids(table, filter_positions(table, spec)) == {"naypyitaw", "phnom-penh"}
    assert selected_area(clicks(view, data, table, "nowhere"), data, view.members) is None
    assert selected_area(None, data, view.members) is None


def test_the_map_callback_keeps_the_data_of_points_only(table):
    # A cells map: its callback needs none of the data, and answers every selection the same.
    data = random_data(20)
    cells = build_map(data, measure="fatalities")
    kept = geomap.selectable(cells, data)
    assert cells.mode == "cells" and len(kept.rows) == 0
    cell_click = selection(["cell", 10, 90, 15, 95, 3], ["cell", 20, 100, 25, 105, 1])
    stray = {"selection": {"points": [{"curve_number": 0, "point_index": 0}], "box": []}}
    for chosen in (cell_click, stray, None, {"selection": {"points": [], "box": [{"x": [0]}]}}):
        assert selected_area(chosen, kept, cells.members) == selected_area(
            chosen, data, cells.members
        )
        assert geomap.clicked_row(chosen, kept, cells.members) == geomap.clicked_row(
            chosen, data, cells.members
        )
    # A points map keeps all of it (at most MAX_POINTS entries), so clicks still name events.
    data, _ = map_data(table, np.arange(len(table)))
    points = build_map(data)
    assert points.mode == "points" and geomap.selectable(points, data) is data
    empty = build_map(geomap.selectable(cells, random_data(0)))
    assert empty.mode == "empty" and len(geomap.selectable(empty, data).rows) == 0


def test_a_click_on_one_event_reads_it_and_a_box_does_not(table):
    data, _ = map_data(table, np.arange(len(table)))
    view = build_map(data)
    moscow = clicks(view, data, table, "moscow")
    assert table.events["event_id"].iloc[geomap.clicked_row(moscow, data, view.members)] == "moscow"
    boxed = clicks(view, data, table, "moscow", box=True)
    assert geomap.clicked_row(boxed, data, view.members) is None
    two = clicks(view, data, table, "moscow", "fiji")
    assert geomap.clicked_row(two, data, view.members) is None
    # Out-of-range or malformed indices select nothing.
    bad = {"selection": {"points": [{"curve_number": 99, "point_index": 0}, {"x": 1}]}}
    assert geomap.selected_rows(bad, view.members).tolist() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("48.85,2.35,5", geomap.MapFrame(48.85, 2.35, 5.0)),
        (" Europe ", geomap.MAP_REGIONS["europe"][1]),
        ("48.85,2.35", None),
        ("95,2.35,5", None),
        ("48.85,2.35,30", None),
        ("48.85,nan,3", None),
        ("atlantis", None),
    ],
)
def test_a_map_view_is_a_region_or_lat_lon_zoom(text, expected):
    assert geomap.MapFrame.parse(text) == expected


def test_the_map_looks_at_the_url_frame_else_the_area_else_the_events(table):
    data, _ = map_data(table, np.arange(len(table)))
    frame = geomap.MapFrame(48.85, 2.35, 5.0)
    looked = build_map(data, frame=frame).figure.layout.map
    assert (looked.center.lat, looked.center.lon, looked.zoom) == (48.85, 2.35, 5.0)
    assert frame.to_text() == "48.85,2.35,5" and geomap.MapFrame.parse("48.85,2.35,5") == frame
    area = Area(10, 90, 30, 110)
    fitted = build_map(data, area=area).figure.layout.map
    assert (fitted.center.lat, fitted.center.lon) == (20, 100)
    assert fitted.zoom > build_map(data).figure.layout.map.zoom  # the area is smaller
    # Across the 180° meridian the centre is between, not on the other side of the world.
    assert geomap.fit_frame(-20, 170, -10, -170).lon == 180
    # A new frame is a new uirevision, so the browser moves there.
    assert (
        build_map(data, frame=frame).figure.layout.uirevision
        != build_map(data).figure.layout.uirevision
    )


def test_shipped_outlines_are_natural_earth_lines():
    outlines = json.loads(geomap.OUTLINES_PATH.read_text(encoding="utf-8"))
    (feature,) = outlines["features"]
    assert "Natural Earth" in feature["properties"]["source"]
    lines = feature["geometry"]["coordinates"]
    assert len(lines) > 300
    flat = np.asarray([p for line in lines for p in line])
    assert (np.abs(flat[:, 0]) <= 180).all() and (np.abs(flat[:, 1]) <= 90).all()
    # A step across the ±180° meridian would be drawn as a line across the whole map.
    jumps = [line for line in lines for a, b in itertools.pairwise(line) if abs(a[0] - b[0]) > 180]
    assert not jumps


def test_same_place_lists_the_filtered_events_drawn_on_one_spot():
    from dashboard.table import load_events

    article = load_events()
    ids = article.events["event_id"]
    everything = np.arange(len(article))
    lavrov = int(np.flatnonzero(ids == "lavrov-visits-myanmar-2022-08-03")[0])
    here = geomap.same_place(article, everything, lavrov)
    # Naypyitaw on 3 August 2022: the visit, two meetings and the reaffirmed support.
    assert lavrov in here and len(here) >= 4
    lat, lon = coordinates(article)
    assert np.all(lat[here] == lat[lavrov]) and np.all(lon[here] == lon[lavrov])
    # Only among the filtered events.
    meetings = filter_positions(article, FilterSpec(event_types=("meeting",)))
    assert set(geomap.same_place(article, meetings, lavrov)) == set(here) & set(meetings)
    # An event without coordinates is on no spot.
    unplaced = int(np.flatnonzero(np.isnan(lat))[0])
    assert len(geomap.same_place(article, everything, unplaced)) == 0


def _drawn_sizes_by_place(view) -> dict[tuple[float, float], list[float]]:
    """The marker sizes at each place, in the order the map draws them."""
    drawn: dict[tuple[float, float], list[float]] = {}
    for trace in view.figure.data:
        sizes = np.broadcast_to(np.asarray(trace.marker.size, dtype=float), (len(trace.lat),))
        for lat, lon, size in zip(trace.lat, trace.lon, sizes, strict=True):
            drawn.setdefault((round(float(lat), 4), round(float(lon), 4)), []).append(float(size))
    return drawn


def _at_places(n: int, places: int, seed: int) -> MapData:
    """``random_data(n)`` moved onto ``places`` random spots (several types at each)."""
    rng = np.random.default_rng(seed)
    spots = rng.uniform(-50, 50, (places, 2))
    at = rng.integers(0, places, n)
    data = random_data(n, seed=seed)
    return MapData(
        data.rows, spots[at, 0], spots[at, 1], data.event_types, data.days, data.precision
    )


def test_at_a_place_of_several_types_the_bigger_markers_are_drawn_first():
    """A type whose busiest place is a city was drawn (its whole trace) before another
    type, whose bigger marker then hid its few events at a shared town."""
    city, town = (10.0, 20.0), (12.0, 22.0)
    places = [city] * 60 + [town] * 3 + [town] * 30
    kinds = ["meeting"] * 63 + ["visit"] * 30
    data = MapData(
        rows=np.arange(93),
        latitude=np.asarray([p[0] for p in places]),
        longitude=np.asarray([p[1] for p in places]),
        event_types=np.asarray(kinds, dtype=object),
        days=np.arange(93),
        precision=np.full(93, "place", dtype=object),
    )
    drawn = _drawn_sizes_by_place(build_map(data))
    assert len(drawn[town]) == 2 and drawn[town] == sorted(drawn[town], reverse=True)
    # Any mix: at every place, no marker is drawn after a smaller one.
    mixed = _at_places(3_000, 40, seed=7)
    view = build_map(mixed)
    assert view.mode == "points"
    drawn = _drawn_sizes_by_place(view)
    assert max(len(sizes) for sizes in drawn.values()) > 10
    for sizes in drawn.values():
        assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize(
    "places, layers, sizes, expected",
    [
        # one marker per place: unchanged
        ([1, 2], [0, 0], [9.0, 30.0], [9.0, 30.0]),
        # equal sizes (one event of each of three types): each beneath grows by two rings
        ([5, 5, 5], [0, 1, 2], [9.0, 9.0, 9.0], [17.0, 13.0, 9.0]),
        # already a ring wide enough: unchanged; too thin a ring: grown to it
        ([5, 5], [0, 1], [30.0, 12.0], [30.0, 12.0]),
        ([5, 5], [0, 1], [11.0, 9.0], [13.0, 9.0]),
        # places apart, in any input order
        ([7, 3, 7, 3], [1, 0, 0, 1], [9.0, 9.0, 9.0, 9.0], [9.0, 13.0, 13.0, 9.0]),
    ],
)
def test_ring_sizes_leave_every_marker_beneath_a_visible_ring(places, layers, sizes, expected):
    grown = geomap.ring_sizes(
        np.asarray(places, dtype=np.uint64), np.asarray(layers), np.asarray(sizes)
    )
    assert grown.tolist() == pytest.approx(expected)


def test_no_marker_is_covered_whole_by_another_type_at_its_place():
    """One event of each of two types at a town drew two 9 px markers: the second hid the
    first (UCDP's Central African Republic table: 40 of 677 markers; ACLED Kenya 2019:
    525 of 2,060)."""
    town = (4.4, 18.5)
    data = MapData(
        rows=np.arange(2),
        latitude=np.asarray([town[0]] * 2),
        longitude=np.asarray([town[1]] * 2),
        event_types=np.asarray(["armed clash", "violence against civilians"], dtype=object),
        days=np.arange(2),
        precision=np.full(2, "place", dtype=object),
    )
    assert _drawn_sizes_by_place(build_map(data))[town] == [
        geomap.POINT_SIZES[0] + 2 * geomap.RING_PX,
        geomap.POINT_SIZES[0],
    ]
    # Any mix: at every place each marker drawn later is a ring narrower than the one before.
    drawn = _drawn_sizes_by_place(build_map(_at_places(2_000, 300, seed=11)))
    assert sum(len(sizes) > 1 for sizes in drawn.values()) > 100
    for sizes in drawn.values():
        assert all(a - b >= 2 * geomap.RING_PX for a, b in itertools.pairwise(sizes))


def test_a_crowded_map_draws_as_many_layers_as_stay_under_a_megabyte(monkeypatch):
    """50,000 events of 24 types and precisions at 2,000 places: drawing every place's
    points biggest first would take a trace per layer, type and precision (over 1 MB);
    the deepest layers share one pass instead."""
    data = _at_places(geomap.MAX_POINTS, 2_000, seed=3)
    view = build_map(data)
    assert view.mode == "points"
    assert len(view.figure.to_json()) <= 1_000_000
    monkeypatch.setattr(geomap, "POINTS_BUDGET", 10**9)
    assert len(build_map(data).figure.to_json()) > 1_000_000
