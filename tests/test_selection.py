"""Chart selections (what st.plotly_chart(on_select="rerun") returns) to filters and event ids."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.filters import FilterSpec
from dashboard.selection import selected_event_id, selection_to_filter


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
