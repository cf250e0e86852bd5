"""Chart selections (what st.plotly_chart(on_select="rerun") returns) to filters and event ids."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.filters import FilterSpec
from dashboard.selection import (
    Cell,
    brushed,
    drill_down,
    kept_pick,
    linked_relation,
    relation_link,
    selected_cell,
    selected_event_id,
    selected_span,
    selection_to_filter,
)


def event(*points, **extra):
    """A selection event shaped like Streamlit 1.67's PlotlyState."""
    return {
        "selection": {
            "points": list(points),
            "point_indices": list(range(len(points))),
            "box": [],
            "lasso": [],
            **extra,
        }
    }


def point(customdata, **fields):
    return {
        "curve_number": 0,
        "point_number": 0,
        "point_index": 0,
        "customdata": customdata,
        **fields,
    }


SPEC = FilterSpec(countries=("Russia",), actors=("Wang Yi",), start=dt.date(2022, 1, 1))


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (event(point(["lavrov-visit", "Lavrov visits", "on Wednesday"])), "lavrov-visit"),
        (event(point("lavrov-visit")), "lavrov-visit"),
        (event(point(["first"]), point(["second"])), "first"),
        # A heatmap cell (aggregate timeline) carries no customdata: nothing is selected.
        (event(point(None, x="2022-07-01", y="Russia", z=3)), None),
        (event({"x": 1, "y": 2}), None),
        (event(point([])), None),
        (event(point([""])), None),
        (event(point([17])), None),
        (event(), None),
        ({"selection": {}}, None),
        ({"selection": None}, None),
        ({"selection": {"points": "garbage"}}, None),
        ({"selection": {"points": [None, 3, "x"]}}, None),
        ({}, None),
        (None, None),
        ("garbage", None),
        ([point(["id"])], None),
        # The inner "selection" dict on its own is accepted too.
        ({"points": [point(["inner"])]}, "inner"),
    ],
)
def test_selected_event_id(selection, expected):
    assert selected_event_id(selection) == expected


def test_clicked_actor_replaces_the_actor_filter_and_keeps_the_rest():
    spec = selection_to_filter(event(point(["Min Aung Hlaing"])), SPEC, "actor")
    assert spec == FilterSpec(
        countries=("Russia",), actors=("Min Aung Hlaing",), start=dt.date(2022, 1, 1)
    )


def test_box_selection_of_several_nodes_keeps_each_once_in_order():
    selection = event(point(["B"]), point(["A"]), point(["B"]), point(None))
    assert selection_to_filter(selection, FilterSpec(), "actor").actors == ("B", "A")


def test_country_nodes_set_the_country_filter():
    spec = selection_to_filter(event(point(["China"])), SPEC, "country")
    assert spec.countries == ("China",)
    assert spec.actors == ("Wang Yi",)


@pytest.mark.parametrize(
    ("selection", "kind"),
    [
        (event(), "actor"),
        (event(point(None)), "actor"),
        (None, "actor"),
        ({"selection": {"points": [{"customdata": {"a": 1}}]}}, "actor"),
        (event(point(["lavrov-visit"])), "event"),
        (event(point(["Min Aung Hlaing"])), "nonsense"),
        (event(point(["Min Aung Hlaing"])), None),
    ],
)
def test_nothing_usable_leaves_the_filter_unchanged(selection, kind):
    assert selection_to_filter(selection, SPEC, kind) is SPEC


def test_streamlit_selection_state_objects_are_understood():
    from streamlit.elements.plotly_chart import PlotlyChartSelectionSerde

    state = PlotlyChartSelectionSerde().deserialize(
        '{"selection": {"points": [{"customdata": ["Wang Yi"], "point_index": 3}],'
        ' "point_indices": [3], "box": [], "lasso": []}}'
    )
    assert selection_to_filter(state, FilterSpec(), "actor").actors == ("Wang Yi",)
    empty = PlotlyChartSelectionSerde().deserialize(None)
    assert selected_event_id(empty) is None


def cell_click(*custom):
    return {"selection": {"points": [{"customdata": list(custom)}], "box": [], "lasso": []}}


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (cell_click("cell", 2, "2022-07-01", "2022-07-31", 5), (2, "2022-07-01", "2022-07-31")),
        (cell_click("cell", "0", "2021-01-01", "2021-12-31"), (0, "2021-01-01", "2021-12-31")),
        # An event's customdata, a wrong mark, bad dates, reversed dates: no cell.
        (cell_click("lavrov-visits-myanmar-2022-08-03", "title"), None),
        (cell_click("other", 2, "2022-07-01", "2022-07-31"), None),
        (cell_click("cell", 2, "July", "2022-07-31"), None),
        (cell_click("cell", 2, "2022-07-31", "2022-07-01"), None),
        (cell_click("cell", -1, "2022-07-01", "2022-07-31"), None),
        (cell_click("cell"), None),
        (None, None),
        ("garbage", None),
    ],
)
def test_selected_cell(selection, expected):
    cell = selected_cell(selection)
    if expected is None:
        assert cell is None
    else:
        row, first, last = expected
        assert cell == Cell(row, dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def box(x):
    return {"selection": {"points": [], "box": [{"x": x, "y": [0, 3]}], "lasso": []}}


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (box(["2022-07-10 05:12:33.12", "2022-08-04 19:00"]), ("2022-07-10", "2022-08-04")),
        # Dragged right to left: same span.
        (box(["2022-08-04", "2022-07-10"]), ("2022-07-10", "2022-08-04")),
        # Epoch milliseconds (a date axis may report numbers).
        (box([1657411200000, 1659571200000]), ("2022-07-10", "2022-08-04")),
        (box(["soon", "2022-08-04"]), None),
        (box(["2022-08-04"]), None),
        (box(None), None),
        ({"selection": {"points": [], "box": [], "lasso": []}}, None),
        (None, None),
    ],
)
def test_selected_span(selection, expected):
    span = selected_span(selection)
    if expected is None:
        assert span is None
    else:
        assert span == tuple(dt.date.fromisoformat(d) for d in expected)


JULY = Cell(0, dt.date(2022, 7, 1), dt.date(2022, 7, 31))


@pytest.mark.parametrize(
    ("lane", "value", "expected"),
    [
        ("country", "Russia", {"countries": ("Russia",)}),
        ("actor", "Sergei Lavrov", {"actors": ("Sergei Lavrov",)}),
        ("event_type", "visit", {"event_types": ("visit",)}),
        # "Other" and the lane of events without a value: the period only.
        ("country", None, {"countries": ("China",)}),
    ],
)
def test_drill_down_narrows_to_the_lane_and_the_period(lane, value, expected):
    spec = FilterSpec(countries=("China",), q="talks")
    drilled = drill_down(spec, lane, value, JULY)
    assert drilled.start == dt.date(2022, 7, 1) and drilled.end == dt.date(2022, 7, 31)
    assert drilled.q == "talks"
    for name, wanted in expected.items():
        assert getattr(drilled, name) == wanted


def test_brush_sets_the_dates_and_keeps_the_rest():
    spec = FilterSpec(actors=("Sergei Lavrov",), start=dt.date(2020, 1, 1))
    got = brushed(spec, (dt.date(2022, 7, 10), dt.date(2022, 8, 4)))
    assert got == FilterSpec(
        actors=("Sergei Lavrov",), start=dt.date(2022, 7, 10), end=dt.date(2022, 8, 4)
    )


def test_a_pick_is_kept_by_its_item_when_the_rows_change():
    before = [("A", "B"), ("A", "C"), ("B", "C")]
    # The list changed order: the picked pair is found where it now is.
    assert kept_pick(before, [1], [("B", "C"), ("A", "C")]) == 1
    assert kept_pick(before, [2], [("B", "C"), ("A", "C")]) == 0
    # No longer listed (or its old position past the new list's end): nothing picked.
    assert kept_pick(before, [0], [("B", "C"), ("A", "C")]) is None
    assert kept_pick(before, [1], [("A", "B")]) is None
    # Nothing picked, or rows that are not positions of the old list.
    assert kept_pick(before, [], before) is None
    assert kept_pick(before, [5, -1, "x"], before) is None
    assert kept_pick(before, [2, 0], before) == 2


@pytest.mark.parametrize(
    "first,second", [("Russia", "Myanmar"), ("Myanmar", "Russia"), ("Min Aung Hlaing", "UN")]
)
def test_a_relation_link_names_the_pair_in_the_relations_list_order(first, second):
    text = relation_link(first, second)
    assert linked_relation(text) == tuple(sorted((first, second)))
    assert relation_link(second, first) == text


@pytest.mark.parametrize(
    "text,expected",
    [
        (" Russia ; Myanmar ", ("Myanmar", "Russia")),
        ("Russia", None),
        ("Russia;Russia", None),
        ("Russia;", None),
        (";", None),
        ("A;B;C", None),
        ("", None),
        (None, None),
        (["Russia", "Myanmar"], None),
    ],
)
def test_a_link_s_relation_is_two_different_names(text, expected):
    assert linked_relation(text) == expected
