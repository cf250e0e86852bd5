"""The timeline figure: lanes, markers vs bars, approximate style, escaping, aggregation."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import numpy as np
import pytest
from figure_fixtures import row, small_table, synthetic_table

from dashboard import colours, schema, timeline
from dashboard.timeline import LANES, build_timeline, counts_view

DAY_MS = 86_400_000

ROWS = [
    row(
        "lavrov-arrives",
        event_type="visit",
        actors="Sergei Lavrov",
        recipients="Min Aung Hlaing",
        countries="Russia;Myanmar",
        date_text="on Wednesday",
    ),
    row(
        "talks-three-days",
        event_type="meeting",
        start_date="2022-08-03",
        end_date="2022-08-05",
        actors="Wang Yi",
        countries="China",
    ),
    row(
        "forum-july",
        event_type="multilateral meeting",
        start_date="2022-07-01",
        end_date="2022-07-31",
        date_precision="month",
        actors="Wunna Maung Lwin",
        countries="Myanmar",
        date_text="in early July",
    ),
    row(
        "arms-last-year",
        event_type="arms transfer",
        start_date="2021-01-01",
        end_date="2021-12-31",
        date_precision="year",
        countries="Russia",
        date_text="last year",
    ),
    row(
        "hostile",
        event_type="condemnation",
        title="<script>alert(1)</script> & <b>bold</b>",
        date_text="<img src=x onerror=alert(2)>",
        actors="Antony Blinken",
        countries="<i>Ruritania</i>",
        start_date="2022-07-26",
        end_date="2022-07-26",
    ),
    row("no-country", event_type="coup", start_date="2021-02-01", end_date="2021-02-01"),
]
IDS = [r["event_id"] for r in ROWS]


@pytest.fixture(scope="module")
def table():
    return small_table(ROWS)


def items(fig):
    """(event_id, lane, trace) for every marker and bar."""
    out = []
    for trace in fig.data:
        for custom in trace.customdata:
            out.append((custom[0], custom[7], trace))
    return out


def lane_labels(fig):
    return list(fig.layout.yaxis.ticktext)


def by_id(fig, event_id):
    return [(lane, trace) for eid, lane, trace in items(fig) if eid == event_id]


@pytest.mark.parametrize("lane", LANES)
def test_every_event_is_drawn_and_clickable(table, lane):
    fig = build_timeline(table, np.arange(len(table)), lane)
    assert fig.layout.meta["mode"] == "events"
    assert {eid for eid, _, _ in items(fig)} == set(IDS)
    assert {trace.type for trace in fig.data} == {"bar", "scatter"}


def test_country_lanes_put_an_event_in_each_of_its_countries(table):
    fig = build_timeline(table, np.arange(len(table)), "country")
    lanes = {lane for lane, _ in by_id(fig, "lavrov-arrives")}
    assert lanes == {"Russia", "Myanmar"}
    assert {lane for lane, _ in by_id(fig, "no-country")} == {"(no country)"}
    expected = {"Russia", "Myanmar", "China", "&lt;i&gt;Ruritania&lt;/i&gt;", "(no country)"}
    # Blinken brings the United States; Wang Yi is from China anyway.
    expected |= {"United States"}
    assert set(lane_labels(fig)) == expected
    assert fig.layout.meta["lanes"] == len(expected)


def test_actor_lanes_hold_actors_and_recipients(table):
    fig = build_timeline(table, np.arange(len(table)), "actor")
    lanes = {lane for lane, _ in by_id(fig, "lavrov-arrives")}
    assert lanes == {"Sergei Lavrov", "Min Aung Hlaing"}
    assert {lane for lane, _ in by_id(fig, "arms-last-year")} == {"(no actor)"}


def test_event_type_lanes_are_busiest_first_ties_in_the_vocabulary_order(table):
    # The fixture's types hold one event each: all tied, in the vocabulary's order.
    fig = build_timeline(table, np.arange(len(table)), "event_type")
    used = {r["event_type"] for r in ROWS}
    assert lane_labels(fig) == [name for name in schema.EVENT_TYPE_NAMES if name in used]
    # Busiest first otherwise (the vocabulary puts visit first and armed clash last).
    kinds = ["visit"] + ["armed clash"] * 3 + ["condemnation"] * 2 + ["meeting"] * 2
    busy = small_table([row(f"e{k}", event_type=t) for k, t in enumerate(kinds)])
    lanes = lane_labels(build_timeline(busy, np.arange(len(busy)), "event_type"))
    assert lanes == ["armed clash", "meeting", "condemnation", "visit"]


def test_lanes_are_ordered_busiest_first(table):
    fig = build_timeline(table, np.arange(len(table)), "country")
    order = lane_labels(fig)
    # Russia (2 events) and Myanmar (3 events, with Min Aung Hlaing and Wunna Maung Lwin).
    assert order[:2] == ["Myanmar", "Russia"]


@pytest.mark.parametrize("lane, missing", [("actor", "(no actor)"), ("country", "(no country)")])
def test_the_lane_of_events_naming_no_one_comes_after_the_named_lanes(lane, missing):
    # GDELT's condemnations of one day: most name only a role (SPOKESMAN, GOVERNMENT),
    # which is no actor; their lane, the busiest, took the top of the chart.
    rows = [row(f"none-{k}", event_type="condemnation") for k in range(4)]
    rows += [row(f"lavrov-{k}", actors="Sergei Lavrov", countries="Russia") for k in range(2)]
    rows += [row("wang", actors="Wang Yi", countries="China")]
    busy = small_table(rows)
    view = timeline.timeline_view(busy, np.arange(len(busy)), lane)
    named = ["Sergei Lavrov", "Wang Yi"] if lane == "actor" else ["Russia", "China"]
    assert lane_labels(view.figure) == [*named, missing]
    assert list(view.lane_values) == [*named, None]
    assert {label for label, _ in by_id(view.figure, "none-0")} == {missing}


def test_single_day_event_is_a_marker_with_its_quad_symbol(table):
    fig = build_timeline(table, np.arange(len(table)), "country")
    for _, trace in by_id(fig, "lavrov-arrives"):
        assert trace.type == "scatter"
        assert trace.mode == "markers"
        assert trace.marker.symbol == colours.QUAD_SYMBOLS["verbal cooperation"]
        assert trace.marker.color == colours.EVENT_TYPE_COLOURS["visit"]
        index = [c[0] for c in trace.customdata].index("lavrov-arrives")
        assert trace.x[index].startswith("2022-08-03")


def bar_of(fig, event_id):
    ((_, trace),) = by_id(fig, event_id)[:1]
    index = [c[0] for c in trace.customdata].index(event_id)
    return trace, trace.base[index], trace.x[index]


def test_exact_multi_day_event_is_a_solid_bar_to_the_day_after_its_end(table):
    fig = build_timeline(table, np.arange(len(table)), "country")
    trace, base, length = bar_of(fig, "talks-three-days")
    assert trace.type == "bar" and trace.orientation == "h"
    assert trace.meta["style"] == "exact"
    assert trace.marker.pattern.shape is None
    assert base == "2022-08-03"
    end = dt.date.fromisoformat(base) + dt.timedelta(milliseconds=length)
    assert end == dt.date(2022, 8, 6)


@pytest.mark.parametrize(
    ("event_id", "start", "after_end"),
    [("forum-july", "2022-07-01", dt.date(2022, 8, 1)), ("arms-last-year", "2021-01-01", None)],
)
def test_approximate_spans_are_hatched_translucent_bars(table, event_id, start, after_end):
    fig = build_timeline(table, np.arange(len(table)), "event_type")
    trace, base, length = bar_of(fig, event_id)
    assert trace.type == "bar"
    assert trace.meta["style"] == "approximate"
    assert trace.marker.pattern.shape == "/"
    assert trace.marker.color.startswith("rgba(") and trace.marker.color.endswith(",0.3)")
    assert base == start
    after_end = after_end or dt.date(2022, 1, 1)
    assert dt.date.fromisoformat(base) + dt.timedelta(milliseconds=length) == after_end
    assert length % DAY_MS == 0


def test_bars_and_markers_are_coloured_by_event_type_with_one_legend_entry_each(table):
    fig = build_timeline(table, np.arange(len(table)), "country")
    legend = [trace.legendgroup for trace in fig.data if trace.showlegend]
    assert sorted(legend) == sorted({r["event_type"] for r in ROWS})
    for trace in fig.data:
        assert colours.EVENT_TYPE_COLOURS[trace.legendgroup] in (
            trace.marker.color,
            trace.marker.line.color,
        )


def test_hover_shows_title_source_date_span_precision_and_actors(table):
    fig = build_timeline(table, np.arange(len(table)), "event_type")
    trace, _, _ = bar_of(fig, "forum-july")
    custom = next(c for c in trace.customdata if c[0] == "forum-july")
    assert custom[1] == "forum-july"  # the title (row() uses the id as title)
    assert custom[2] == "in early July"
    assert custom[3] == "2022-07-01 to 2022-07-31"
    assert custom[4] == "month precision"
    assert custom[5] == "Wunna Maung Lwin"
    for placeholder in ("customdata[1]", "customdata[2]", "customdata[3]", "customdata[5]"):
        assert placeholder in trace.hovertemplate


def test_text_from_the_data_is_escaped_everywhere(table):
    fig = build_timeline(table, np.arange(len(table)), "country")
    ((_, trace),) = by_id(fig, "hostile")[:1]
    custom = next(c for c in trace.customdata if c[0] == "hostile")
    assert custom[1] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
    assert custom[2] == "&lt;img src=x onerror=alert(2)&gt;"
    text = fig.to_json()
    for raw in ("<script>", "<img", "<i>Ruritania", "<b>bold"):
        assert raw not in text


def test_long_text_is_cut_for_the_hover():
    table = small_table([row("long", title="x" * 5000)])
    fig = build_timeline(table, np.arange(1), "country")
    title = fig.data[0].customdata[0][1]
    assert len(title) == timeline.HOVER_CHARS
    assert title.endswith("…")


def test_subset_draws_only_the_chosen_events(table):
    fig = build_timeline(table, np.array([1, 3]), "country")
    assert {eid for eid, _, _ in items(fig)} == {IDS[1], IDS[3]}


def test_layout_has_range_slider_and_grows_with_the_lanes(table):
    fig = build_timeline(table, np.arange(len(table)), "country")
    assert fig.layout.xaxis.rangeslider.visible is True
    assert fig.layout.xaxis.type == "date"
    one_lane = build_timeline(table, np.array([1]), "country")
    many = build_timeline(
        small_table([row(f"e{i}", countries=f"Country {i}") for i in range(30)]),
        np.arange(30),
        "country",
    )
    assert one_lane.layout.height < many.layout.height
    assert one_lane.layout.meta["lanes"] == 1 and many.layout.meta["lanes"] == 30


@pytest.mark.parametrize("lane", LANES)
def test_no_events_gives_an_empty_figure(table, lane):
    fig = build_timeline(table, np.array([], dtype=np.int64), lane)
    assert len(fig.data) == 0
    assert "No events" in fig.layout.annotations[0].text
    json.loads(fig.to_json())


def test_unknown_lane_is_refused(table):
    with pytest.raises(ValueError, match="lane"):
        build_timeline(table, np.arange(len(table)), "location")


def test_lanes_beyond_the_cap_share_one_other_lane(monkeypatch):
    monkeypatch.setattr(timeline, "MAX_LANES", 3)
    rows = [row(f"e{i}", countries=";".join(f"C{j}" for j in range(i + 1))) for i in range(6)]
    fig = build_timeline(small_table(rows), np.arange(6), "country")
    labels = lane_labels(fig)
    assert labels[:3] == ["C0", "C1", "C2"]
    assert labels[3] == "Other (3 country lanes)"
    # e3..e5 reach C3+; each is drawn once in Other however many hidden lanes it has.
    other = sorted(eid for eid, lane, _ in items(fig) if lane == labels[3])
    assert other == ["e3", "e4", "e5"]
    assert {eid for eid, _, _ in items(fig)} == {f"e{i}" for i in range(6)}
    assert "busiest" in fig.layout.title.subtitle.text
    # What the chart shows is the title alone; the notes are read after it.
    assert fig.layout.title.text == "Events by country"


def cells(fig):
    """{(lane label, first day, last day): count} of an aggregate figure's cells."""
    labels = lane_labels(fig)
    out = {}
    for trace in fig.data:
        assert trace.type == "bar" and trace.meta["style"] == "aggregate"
        for mark, row_index, first, last, count in trace.customdata:
            assert mark == timeline.CELL_MARK
            out[(labels[row_index], first, last)] = count
    return out


def test_above_the_threshold_the_timeline_counts_per_lane_and_month(table, monkeypatch):
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 3)
    fig = build_timeline(table, np.arange(len(table)), "event_type")
    assert fig.layout.meta["mode"] == "aggregate"
    assert f"{len(IDS)} events counted per period; click a cell" in fig.layout.title.subtitle.text
    assert {trace.meta["period_months"] for trace in fig.data} == {1}
    counted = cells(fig)
    assert sum(counted.values()) == len(IDS)
    assert counted[("visit", "2022-08-01", "2022-08-31")] == 1
    assert counted[("multilateral meeting", "2022-07-01", "2022-07-31")] == 1
    assert counted[("arms transfer", "2021-01-01", "2021-01-31")] == 1
    # Cells are bars from the period's first day to the next period's (clickable marks).
    trace = next(t for t in fig.data if t.name == "visit")
    assert trace.base[0] == "2022-08-01" and trace.x[0] == 31 * DAY_MS


@pytest.fixture(scope="module")
def big():
    return synthetic_table(200_000, seed=3)


@pytest.mark.parametrize("lane", LANES)
def test_two_hundred_thousand_events_aggregate_into_a_small_figure(big, lane):
    fig = build_timeline(big, np.arange(len(big)), lane)
    assert fig.layout.meta["mode"] == "aggregate"
    assert "200,000 events counted per period" in fig.layout.title.subtitle.text
    assert len(lane_labels(fig)) <= timeline.MAX_LANES + 1
    assert len({first for _, first, _ in cells(fig)}) <= timeline.MAX_BINS
    assert len(fig.to_json()) < 1_000_000


def test_aggregate_counts_match_a_direct_count(big):
    fig = build_timeline(big, np.arange(len(big)), "event_type")
    per_lane: dict[str, int] = {}
    for (label, _, _), count in cells(fig).items():
        per_lane[label] = per_lane.get(label, 0) + count
    per_type = np.bincount(big.type_codes, minlength=len(big.event_types))
    for label, total in per_lane.items():
        assert total == per_type[big.event_types.index(label)]
    assert sum(per_lane.values()) == len(big)


def test_actor_lanes_at_scale_keep_the_busiest_and_count_the_rest(big):
    view = timeline.timeline_view(big, np.arange(len(big)), "actor")
    labels = lane_labels(view.figure)
    assert len(labels) == timeline.MAX_LANES + 1
    assert labels[-1].startswith("Other (")
    counts = big.participants.counts()
    busiest = [big.participants.names[i] for i in np.argsort(-counts, kind="stable")[:3]]
    assert labels[:3] == busiest
    assert list(view.lane_values[:3]) == busiest and view.lane_values[-1] is None
    first_lane = sum(n for (label, _, _), n in cells(view.figure).items() if label == labels[0])
    assert first_lane == counts.max()


def test_filtering_down_brings_individual_events_back(big):
    chosen = np.flatnonzero(big.start_days < big.start_days.min() + 60)[:200]
    fig = build_timeline(big, chosen, "event_type")
    assert fig.layout.meta["mode"] == "events"
    drawn = {eid for eid, _, _ in items(fig)}
    assert drawn == set(big.events["event_id"].iloc[chosen])


def test_events_mode_at_the_threshold_stays_under_a_megabyte(monkeypatch):
    monkeypatch.setattr(timeline, "MAX_ROWS", 10**6)  # the text is measured here, not rows
    table = synthetic_table(timeline.AGGREGATE_THRESHOLD, seed=5, title="Talks in the capital")
    fig = build_timeline(table, np.arange(len(table)), "event_type")
    assert fig.layout.meta["mode"] == "events"
    assert len(fig.to_json()) < 1_000_000


def test_text_too_heavy_to_draw_event_by_event_is_aggregated_instead(monkeypatch):
    monkeypatch.setattr(timeline, "MAX_ROWS", 10**6)  # aggregated for its text, not its rows
    # Every title cut for the hover still escapes to several times its length.
    table = synthetic_table(timeline.AGGREGATE_THRESHOLD, seed=5, title="</>" * 400)
    fig = build_timeline(table, np.arange(len(table)), "event_type")
    assert fig.layout.meta["mode"] == "aggregate"
    assert len(fig.to_json()) < 1_000_000


def test_very_long_lane_names_are_cut_and_kept_apart():
    rows = [row("a", countries="R" * 10_000 + "a"), row("b", countries="R" * 10_000 + "b")]
    fig = build_timeline(small_table(rows), np.arange(2), "country")
    labels = lane_labels(fig)
    assert len(labels) == 2 and len(set(labels)) == 2
    assert all(len(label) <= timeline.LANE_CHARS + 4 for label in labels)
    assert len(fig.to_json()) < 50_000


def test_event_types_outside_the_vocabulary_are_crosses_in_a_colour_of_their_own():
    from conftest import csv_bytes

    from dashboard.loading import parse_events
    from dashboard.table import build_table

    frame = parse_events(
        csv_bytes([row("p", event_type="<b>parade</b>", countries="Russia")]),
        allow_unknown_event_types=True,
    )
    fig = build_timeline(build_table(frame), np.arange(1), "event_type")
    (trace,) = fig.data
    assert trace.marker.color == colours.OTHER_TYPE_COLOURS[0] != colours.NEUTRAL_GREY
    assert trace.marker.symbol == colours.UNKNOWN_SYMBOL
    assert trace.name == "&lt;b&gt;parade&lt;/b&gt;"
    assert lane_labels(fig) == ["&lt;b&gt;parade&lt;/b&gt;"]


def test_zoom_survives_a_rerun_of_the_same_view(table):
    first = build_timeline(table, np.arange(len(table)), "country")
    again = build_timeline(table, np.array([0, 1]), "country")
    other = build_timeline(table, np.arange(len(table)), "actor")
    assert first.layout.uirevision == again.layout.uirevision != other.layout.uirevision


@pytest.mark.parametrize(
    ("lanes", "low", "high", "expected"),
    [
        # Overlapping items of one lane go to the first free sub-row, in start order.
        ([0, 0, 0], [0, 1, 2], [3, 4, 5], [0, 1, 2]),
        # An item starting where another ends shares its row; a gap is reused.
        ([0, 0, 0], [0, 3, 1], [3, 6, 2], [0, 0, 1]),
        # Lanes are stacked apart: the same span in two lanes is row 0 in each.
        ([0, 1, 0, 1], [0, 0, 0, 0], [5, 5, 5, 5], [0, 0, 1, 1]),
        # Input order breaks ties, so the result does not depend on the sort's luck.
        ([2, 2], [1, 1], [4, 4], [0, 1]),
        # A long bar and a marker inside it: the marker moves to its own row.
        ([0, 0, 0], [0, 10, 20], [365, 11, 21], [0, 1, 1]),
        ([], [], [], []),
    ],
)
def test_stack_rows_is_compact_and_deterministic(lanes, low, high, expected):
    got = timeline.stack_rows(
        np.asarray(lanes, dtype=np.int64),
        np.asarray(low, dtype=float),
        np.asarray(high, dtype=float),
    )
    assert got.tolist() == expected


def test_stacked_rows_never_overlap_and_use_no_more_rows_than_needed():
    rng = np.random.default_rng(7)
    lanes = rng.integers(0, 4, 500)
    low = rng.uniform(0, 1000, 500)
    high = low + rng.uniform(0.5, 80, 500)
    sub = timeline.stack_rows(lanes, low, high)
    for lane in range(4):
        for row_index in np.unique(sub[lanes == lane]):
            chosen = np.flatnonzero((lanes == lane) & (sub == row_index))
            order = chosen[np.argsort(low[chosen])]
            assert (high[order[:-1]] <= low[order[1:]]).all()
        # Rows used == the most items of the lane overlapping at one moment (optimal).
        inside = lanes == lane
        moments = low[inside]
        deepest = max(int(((low[inside] <= t) & (high[inside] > t)).sum()) for t in moments)
        assert sub[inside].max() + 1 == deepest


#: Plot area of the timeline in a 800 px wide layout (sidebar collapsed, margins off).
PLOT_PX = 700


def hover_targets(fig):
    """(event_id, row, left px, right px) of every drawn mark, at PLOT_PX wide."""
    lo, hi = (np.datetime64(t, "ms").astype(np.int64) for t in fig.layout.xaxis.range)
    px_per_ms = PLOT_PX / (hi - lo)
    out = []
    for trace in fig.data:
        for i, custom in enumerate(trace.customdata):
            if trace.type == "bar":
                left = np.datetime64(trace.base[i], "ms").astype(np.int64)
                right = left + trace.x[i]
                left_px, right_px = (left - lo) * px_per_ms, (right - lo) * px_per_ms
            else:
                centre = (np.datetime64(trace.x[i], "ms").astype(np.int64) - lo) * px_per_ms
                radius = trace.marker.size / 2 + trace.marker.line.width
                left_px, right_px = centre - radius, centre + radius
            out.append((custom[0], trace.y[i], left_px, right_px))
    return out


@pytest.fixture(scope="module")
def article():
    from dashboard.table import load_events

    return load_events()


@pytest.mark.parametrize("lane", LANES)
def test_no_two_article_events_share_a_hover_target(article, lane):
    fig = build_timeline(article, np.arange(len(article)), lane)
    assert fig.layout.meta["mode"] == "events"
    targets = hover_targets(fig)
    assert {t[0] for t in targets} == set(article.events["event_id"])
    rows: dict[float, list] = {}
    for target in targets:
        rows.setdefault(target[1], []).append(target)
    clashes = []
    for row_targets in rows.values():
        row_targets.sort(key=lambda t: t[2])
        for left, right in itertools.combinations(row_targets, 2):
            # A short bar's pin lies on its own bar: one event, one target.
            if right[2] < left[3] and left[0] != right[0]:
                clashes.append((left[0], right[0]))
    assert clashes == []
    # Rows are far enough apart that marks of neighbouring rows do not touch either.
    plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b - 60
    assert plot_height / fig.layout.meta["rows"] > 11 + 2


def test_day_data_gets_at_least_two_weeks_of_axis(table):
    fig = build_timeline(table, np.array([0]), "country")  # one event on one day
    lo, hi = (np.datetime64(t, "ms") for t in fig.layout.xaxis.range)
    assert hi - lo >= np.timedelta64(timeline.MIN_SPAN_DAYS, "D")
    assert lo < np.datetime64("2022-08-03T12:00") < hi


@pytest.mark.parametrize("span_days", [2, timeline.MAX_BINS])
def test_events_within_a_few_months_are_counted_per_day(monkeypatch, span_days):
    """An ICEWS sample of 3,705 events on 2 days was one month's cell per lane."""
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 3)
    first = dt.date(2018, 6, 1)
    starts = [first + dt.timedelta(days=d) for d in (0, 0, 1, span_days - 1, span_days - 1)]
    countries = ["Russia", "China", "Russia", "Russia", "Russia"]
    rows = [
        row(f"e{k}", start_date=str(day), end_date=str(day), countries=country)
        for k, (day, country) in enumerate(zip(starts, countries, strict=True))
    ]
    view = timeline.timeline_view(small_table(rows), np.arange(len(rows)), "country")
    assert view.mode == "aggregate"
    expected: dict = {}
    for day, country in zip(starts, countries, strict=True):
        key = (country, str(day), str(day))
        expected[key] = expected.get(key, 0) + 1
    assert cells(view.figure) == expected
    assert {trace.meta["period_days"] for trace in view.figure.data} == {1}
    # A day more and they are counted per month again.
    later = [*rows, row("late", start_date=str(first + dt.timedelta(days=span_days)))]
    wider = timeline.timeline_view(small_table(later), np.arange(len(later)), "country")
    if span_days == timeline.MAX_BINS:
        assert {trace.meta["period_months"] for trace in wider.figure.data} == {1}
    else:
        assert {trace.meta["period_days"] for trace in wider.figure.data} == {1}


def test_too_many_rows_to_stack_are_counted_per_cell_instead(monkeypatch):
    monkeypatch.setattr(timeline, "MAX_ROWS", 3)
    rows = [row(f"same-day-{i}", countries="Myanmar") for i in range(4)]
    view = timeline.timeline_view(small_table(rows), np.arange(4), "country")
    assert view.mode == "aggregate"
    # All on one day: counted per day (they were one month's cell before per-day cells).
    assert cells(view.figure) == {("Myanmar", "2022-08-03", "2022-08-03"): 4}
    assert view.lane_values == ("Myanmar",)


def test_a_bar_too_short_to_aim_at_gets_a_pin_in_its_middle(table):
    fig = build_timeline(table, np.arange(len(table)), "country")
    marks = [trace for _, trace in by_id(fig, "talks-three-days")]
    assert [trace.meta["style"] for trace in marks] == ["exact", "pin"]
    pin = marks[1]
    index = [c[0] for c in pin.customdata].index("talks-three-days")
    assert pin.x[index].startswith("2022-08-04T12")  # the middle of 3-5 August
    # An approximate short span (a week) gets a hollow pin.
    week = small_table(
        [
            row("week", start_date="2022-08-01", end_date="2022-08-07", date_precision="week"),
            row("year", start_date="2020-01-01", end_date="2020-01-01"),
        ]
    )
    styles = {t.meta["style"]: t for t in build_timeline(week, np.arange(2), "country").data}
    assert styles["approximate pin"].marker.symbol.endswith("-open")


def test_a_tables_own_types_keep_their_colours_under_any_filter_and_on_the_map():
    """Types outside the vocabulary (here five made-up ones) were all one grey: each now
    has its own colour, the same whichever of them the filters keep, on both figures."""
    from conftest import csv_bytes

    from dashboard import geomap
    from dashboard.loading import parse_events
    from dashboard.table import build_table

    own = ["Camp moved", "Leader named", "Road reopened", "Truce: other", "Zone handed over"]
    rows = [
        row(f"e{i}", event_type=name, countries="Russia", latitude=str(i), longitude="30")
        for i, name in enumerate([*own, "visit"])
    ]
    table = build_table(parse_events(csv_bytes(rows), allow_unknown_event_types=True))

    def timeline_colours(positions):
        fig = build_timeline(table, np.asarray(positions), "event_type")
        return {t.legendgroup: t.marker.color for t in fig.data}

    def map_colours(positions):
        data, _ = geomap.map_data(table, np.asarray(positions))
        return {t.legendgroup: t.marker.color for t in geomap.build_map(data).figure.data}

    every = timeline_colours(range(6))
    assert len(set(every.values())) == 6 and colours.NEUTRAL_GREY not in every.values()
    assert every["visit"] == colours.EVENT_TYPE_COLOURS["visit"]
    assert not {every[name] for name in own} & set(colours.EVENT_TYPE_COLOURS.values())
    for kept in ([4], [1, 3], [0, 2, 5]):
        assert timeline_colours(kept) == {k: every[k] for k in timeline_colours(kept)}
        assert map_colours(kept) == {k: every[k] for k in map_colours(kept)}


def test_engine_counts_per_day_are_drawn_per_day_within_150_days_else_per_month():
    rows = [("visit", "2024-01-01", 2), ("visit", "2024-05-29", 1), ("meeting", "2024-01-01", 4)]
    figure = counts_view(rows, "event_type", 7, "day").figure
    assert {t.meta["period_days"] for t in figure.data} == {1}
    cells = {
        (t.name, first, last, int(n)) for t in figure.data for _, _, first, last, n in t.customdata
    }
    assert cells == {
        ("visit", "2024-01-01", "2024-01-01", 2),
        ("visit", "2024-05-29", "2024-05-29", 1),
        ("meeting", "2024-01-01", "2024-01-01", 4),
    }
    # A day later than 150 days from the first: the same counts per month.
    rows[1] = ("visit", "2024-05-30", 1)
    figure = counts_view(rows, "event_type", 7, "day").figure
    assert (
        figure.to_json()
        == counts_view(
            [("visit", "2024-01", 2), ("visit", "2024-05", 1), ("meeting", "2024-01", 4)],
            "event_type",
            7,
        ).figure.to_json()
    )


@pytest.mark.parametrize(
    "per,months", [(0, 1), (1, 1), (3, 3), (12, 12), (120, 120)], ids=lambda v: str(v)
)
def test_counted_events_are_per_at_least_the_period_asked(table, monkeypatch, per, months):
    """'Which countries, by year?': counted per year when asked, whatever the span."""
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 3)
    view = timeline.timeline_view(table, np.arange(len(table)), "event_type", per=per)
    assert {trace.meta["period_months"] for trace in view.figure.data} == {months}
    counted = cells(view.figure)
    assert sum(counted.values()) == len(IDS)  # one lane per event: each counted once
    # Every cell a whole calendar period of the width asked.
    for _, first, last in counted:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        span = (end.year - start.year) * 12 + end.month - start.month + 1
        assert span == months and start.day == 1 and (start.month - 1) % min(months, 12) == 0


def test_a_period_asked_that_would_give_over_150_bars_is_taken_coarser():
    assert timeline.month_bins(0, 12 * 100, at_least=1)[1] == 12  # a century of months: years
    assert timeline.month_bins(0, 12 * 100, at_least=12)[1] == 12
    assert timeline.month_bins(0, 12 * 200, at_least=12)[1] == 60
    assert timeline.month_bins(0, 5, at_least=12) == (0, 12, 1)


def test_events_within_150_days_are_counted_per_day_unless_a_period_is_asked(monkeypatch):
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 3)
    rows = [
        row(
            f"e{k}",
            start_date=f"2022-07-{k + 1:02d}",
            end_date=f"2022-07-{k + 1:02d}",
            countries="Chile",
        )
        for k in range(9)
    ]
    table = small_table(rows)
    for per, meta in ((0, {"period_days": 1}), (1, {"period_months": 1})):
        view = timeline.timeline_view(table, np.arange(9), "country", per=per)
        assert view.mode == "aggregate"
        assert {k: view.figure.data[0].meta[k] for k in meta} == meta
