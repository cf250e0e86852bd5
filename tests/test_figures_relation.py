"""A picked relation over time: counts per period and class, its chart and its sentence."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from figure_fixtures import row, small_table

from dashboard import timeline
from dashboard.colours import relation_class
from dashboard.figures_relation import (
    PERIOD_NAMES,
    PLACE_COLUMN,
    SIDE_COLUMNS,
    TREND_COLUMNS,
    PeriodBefore,
    RelationPlaces,
    RelationSides,
    calendar_ticks,
    change_summary,
    period_before,
    places_summary,
    relation_places,
    relation_sides,
    relation_trend,
    sides_summary,
    trend_figure,
    trend_summary,
)
from dashboard.network import RELATION_CLASSES, network_view, relation_positions, relation_rows
from dashboard.table import load_events

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def events(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """Made-up events: (start, end, precision, type) each."""
    frame = pd.DataFrame(rows, columns=list(TREND_COLUMNS))
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    frame["end_date"] = pd.to_datetime(frame["end_date"])
    return frame


def test_the_event_types_used_here_are_of_the_classes_assumed():
    assert relation_class("meeting") == "cooperation"
    assert relation_class("condemnation") == "conflict"
    assert relation_class("a type of nobody's") == ""


def test_every_relation_s_bars_add_up_to_its_row_of_the_relations_list():
    table = load_events()
    everything = np.arange(len(table))
    for kind in ("actor", "country"):
        listed = relation_rows(network_view(table, everything, node_kind=kind).graph)
        assert len(listed) > 3
        for first, second, total, cooperation, conflict in listed.itertuples(index=False):
            found = relation_positions(table, everything, kind, first, second)
            trend = relation_trend(table.events[list(TREND_COLUMNS)].iloc[found])
            per_class = trend.counts.sum() + pd.Series(trend.apart)
            assert trend.total == total
            assert (per_class["cooperation"], per_class["conflict"]) == (cooperation, conflict)


@pytest.mark.parametrize(
    "starts,period,labels",
    [
        (("2018-03-26", "2018-03-28"), "day", ["26 Mar 2018", "27 Mar 2018", "28 Mar 2018"]),
        (("2021-11-15", "2022-04-13"), "day", None),  # 149 days
        (
            ("2021-11-15", "2022-04-14"),  # 150 days
            "month",
            ["Nov 2021", "Dec 2021", "Jan 2022", "Feb 2022", "Mar 2022", "Apr 2022"],
        ),
        (("2015-01-01", "2024-06-30"), "month", None),
        (
            ("2001-05-05", "2003-01-01", "2016-07-07"),  # 183 months
            "quarter",
            [f"Q{q} {y}" for y in range(2001, 2017) for q in range(1, 5)][1:-1],
        ),
        (("1950-03-03", "2000-01-01"), "year", [str(y) for y in range(1950, 2001)]),
    ],
)
def test_the_period_is_the_finest_that_stays_readable_and_gaps_show(starts, period, labels):
    trend = relation_trend(events(*((s, s, "day", "meeting") for s in starts)))
    assert trend.period == period
    if labels is not None:  # every period from the first to the last, empty ones as 0
        assert list(trend.counts.index) == labels
    assert trend.counts["cooperation"].sum() == len(starts)


@pytest.mark.parametrize("span_days", [1, 92, 149, 150, 400, 4_600, 13_700, 20_000])
def test_the_same_events_are_counted_per_the_same_period_as_on_the_timeline(monkeypatch, span_days):
    """One rule of "per day" (and per month, quarter...): the relation chart counted per
    day within 92 days and the Timeline within 150, so the same events were per day on
    one page and per month on the other."""
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 3)  # the Timeline counts, too
    first = pd.Timestamp("1960-06-15")
    starts = [first + pd.Timedelta(days=d) for d in (0, 0, span_days // 3, span_days - 1)]
    days = [str(day.date()) for day in starts]
    rows = [
        row(f"e{k}", start_date=day, end_date=day, event_type="meeting", countries="Chile")
        for k, day in enumerate(days)
    ]
    view = timeline.timeline_view(small_table(rows), np.arange(len(rows)), "country")
    assert view.mode == "aggregate"
    (meta,) = {tuple(sorted(trace.meta.items())) for trace in view.figure.data}
    meta = dict(meta)
    trend = relation_trend(events(*((day, day, "day", "meeting") for day in days)))
    if "period_days" in meta:
        assert trend.period == "day"
    else:
        assert trend.period == PERIOD_NAMES[meta["period_months"]]
    # The same bins filled: the Timeline's cells are the relation's non-empty bars.
    assert len(view.figure.data[0].x) == int(trend.counts["cooperation"].astype(bool).sum())


def test_a_date_known_only_to_a_longer_span_is_counted_apart_not_at_its_start():
    trend = relation_trend(
        events(
            ("2021-01-01", "2021-12-31", "year", "condemnation"),  # apart: not January
            ("2021-03-01", "2021-03-31", "month", "meeting"),  # within one month: March
            ("2021-05-30", "2021-06-02", "day", "meeting"),  # exact, over two months: May
            ("2021-06-28", "2021-07-04", "week", "condemnation"),  # June or July: apart
            ("2021-09-09", "2021-09-09", "day", "a type of nobody's"),
        )
    )
    assert trend.period == "month"
    assert trend.apart == {"cooperation": 0, "conflict": 2, "unclassified": 0}
    assert trend.counts.loc["Mar 2021", "cooperation"] == 1
    assert trend.counts.loc["May 2021", "cooperation"] == 1
    assert trend.counts.loc["Sep 2021", "unclassified"] == 1
    assert trend.counts["conflict"].sum() == 0
    assert list(trend.counts.index) == [f"{m} 2021" for m in MONTHS[2:9]]
    assert trend.total == 5
    summary = trend_summary(trend)
    assert "5 events: 2 cooperation, 2 conflict, 1 unclassified." in summary
    assert "2 events dated only to a span over more than one month are not in the bars" in summary


def test_only_dates_too_coarse_for_the_bars_leave_no_bar_and_say_so():
    trend = relation_trend(events(("2020-01-01", "2020-12-31", "year", "meeting")))
    assert trend.counts.empty and trend.apart["cooperation"] == 1
    assert not trend_figure(trend, "A", "B").data
    assert "1 event dated only to a span over more than one day is not in the bars" in (
        trend_summary(trend)
    )


def test_the_chart_says_what_it_shows_and_stacks_a_bar_per_class():
    trend = relation_trend(
        events(
            ("2022-01-10", "2022-01-10", "day", "meeting"),
            ("2022-01-11", "2022-01-11", "day", "condemnation"),
            ("2022-07-01", "2022-07-01", "day", "condemnation"),  # 172 days: per month
        )
    )
    figure = trend_figure(trend, "Russia", "<b>Myanmar</b>")
    title = figure.layout.title.text
    assert title == (
        "Events between Russia and &lt;b&gt;Myanmar&lt;/b&gt; per month: "
        "cooperation against conflict"
    )
    assert figure.layout.barmode == "stack"
    assert figure.layout.xaxis.title.text == "month" and figure.layout.yaxis.title.text
    bars = {bar.name: list(bar.y) for bar in figure.data}
    assert bars == {"cooperation": [1, 0, 0, 0, 0, 0, 0], "conflict": [1, 0, 0, 0, 0, 0, 1]}
    # Told apart without colour: each class its own pattern.
    assert len({bar.marker.pattern.shape for bar in figure.data}) == 2
    summary = trend_summary(trend)
    assert summary.startswith("3 events: 1 cooperation, 2 conflict.")
    assert "Most conflict in Jan 2022 (1)." in summary
    assert set(RELATION_CLASSES) >= set(bars)


def parties(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """Made-up events of a relation: (actors, recipients, location) each."""
    return pd.DataFrame(rows, columns=[*SIDE_COLUMNS, PLACE_COLUMN], dtype="str")


def test_a_relation_s_events_are_counted_by_who_acted_on_whom():
    found = parties(
        ("Al Shabaab", "Somali army", "Afgooye"),
        ("Al Shabaab;Clan militia", "Somali army", "Afgooye"),  # with an associate
        ("Somali army", "Al Shabaab", "Marka"),
        ("Al Shabaab;Somali army", "", "Marka"),  # both actors: the same side
        ("SNA", "Al Shabaab", ""),  # an alias of the army, spelled as the nodes are
        ("Al Shabaab", "Somali army;Al Shabaab", ""),  # a split group: still on the army
    )
    canonical = {"SNA": "Somali army"}.get
    sides = relation_sides(found, "Al Shabaab", "Somali army", lambda n: canonical(n, n))
    assert sides == RelationSides("Al Shabaab", "Somali army", 3, 2, 1)
    # Every event counted once: the three add up to the relation's events.
    assert sides.first_on_second + sides.second_on_first + sides.together == len(found)
    assert sides_summary(sides) == (
        "Who acted on whom (actor → recipient): Al Shabaab → Somali army: 3; "
        "Somali army → Al Shabaab: 2; on the same side (both actors or both recipients): 1."
    )
    alone = relation_sides(found.iloc[:1], "Al Shabaab", "Somali army")
    assert sides_summary(alone).endswith("Somali army → Al Shabaab: 0.")


def test_a_relation_s_places_are_the_busiest_first_with_how_many_in_all():
    found = parties(
        *(("a", "b", place) for place in ["Marka", "Afgooye", "Marka", " Afgooye ", "Baidoa"]),
        ("a", "b", ""),
        ("a", "b", "Jowhar"),
    )
    where = relation_places(found, limit=2)
    # Ties by name; a place with spaces about it is the same place.
    assert where == RelationPlaces((("Afgooye", 2), ("Marka", 2)), 4, 1)
    assert places_summary(where) == (
        "Where, busiest first: Afgooye (2), Marka (2); 4 places in all; 1 without a place."
    )
    assert places_summary(relation_places(found.iloc[:1])) == "Where, busiest first: Marka (1)."
    assert places_summary(relation_places(found.iloc[5:6])) == "No event of these names a place."


@pytest.mark.parametrize(
    "first,last,period,ticks",
    [
        # Few periods: every one labelled.
        (
            "2025-04-01",
            "2026-03-27",
            "month",
            [f"{m} 2025" for m in MONTHS[3:]] + [f"{m} 2026" for m in MONTHS[:3]],
        ),
        # Days: Mondays, then every other Monday.
        (
            "2018-03-01",
            "2018-04-20",
            "day",
            [
                "05 Mar 2018",
                "12 Mar 2018",
                "19 Mar 2018",
                "26 Mar 2018",
                "02 Apr 2018",
                "09 Apr 2018",
                "16 Apr 2018",
            ],
        ),
        # 114 months: Januaries, not every n-th month counted from the first.
        ("2015-01-01", "2024-06-30", "month", [f"Jan {y}" for y in range(2015, 2025)]),
        # 116 years (the US secretaries' visits to the United Kingdom): the decades.
        ("1905-01-01", "2020-01-01", "year", [str(y) for y in range(1910, 2021, 10)]),
        ("1950-03-03", "2000-01-01", "year", [str(y) for y in range(1950, 2001, 5)]),
        ("2001-05-05", "2016-07-07", "quarter", [f"Q1 {y}" for y in range(2002, 2017, 2)]),
        (
            "1866-01-01",
            "2022-01-01",
            "5-year period",
            [f"{y}-{y + 4}" for y in range(1880, 2021, 20)],
        ),
    ],
)
def test_the_x_axis_labels_at_most_a_dozen_periods_on_calendar_boundaries(
    first, last, period, ticks
):
    trend = relation_trend(events((first, first, "day", "meeting"), (last, last, "day", "meeting")))
    assert trend.period == period
    assert list(trend.ticks) == ticks
    assert set(ticks) <= set(trend.counts.index) and len(ticks) <= 12
    xaxis = trend_figure(trend, "A", "B").layout.xaxis
    assert list(xaxis.tickvals) == list(xaxis.ticktext) == ticks


def test_calendar_ticks_label_at_least_one_period():
    # Three days from a Tuesday with room for one label: no Monday, no 1st; the first.
    days = (np.datetime64("2018-03-27") - np.datetime64("1970-01-01")).astype(int) + np.arange(3)
    assert calendar_ticks(days, 0, most=1).tolist() == [True, False, False]


@pytest.mark.parametrize(
    "start,end,before,words",
    [
        ("2018-03-01", "2018-03-31", ("2018-02-01", "2018-02-28"), "the month before"),
        ("2024-03-01", "2024-03-31", ("2024-02-01", "2024-02-29"), "the month before"),
        ("2019-01-01", "2019-01-31", ("2018-12-01", "2018-12-31"), "the month before"),
        ("2019-01-01", "2019-03-31", ("2018-10-01", "2018-12-31"), "the 3 months before"),
        ("2019-01-01", "2019-12-31", ("2018-01-01", "2018-12-31"), "the 12 months before"),
        # Not whole months: as many days.
        ("2018-06-02", "2018-06-03", ("2018-05-31", "2018-06-01"), "the 2 days before"),
        ("2018-03-15", "2018-04-14", ("2018-02-12", "2018-03-14"), "the 31 days before"),
        ("2018-03-01", "2018-03-01", ("2018-02-28", "2018-02-28"), "the day before"),
    ],
)
def test_the_period_before_a_date_range_is_as_long_in_whole_months_or_days(
    start, end, before, words
):
    period = period_before(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert (str(period.start), str(period.end)) == before
    assert period.words == words
    assert period.end + dt.timedelta(days=1) == dt.date.fromisoformat(start)  # right before


def test_a_relation_s_change_from_the_period_before_is_said_each_way():
    period = PeriodBefore(dt.date(2018, 2, 1), dt.date(2018, 2, 28), "the month before")
    now = RelationSides("Syria", "Israel", 4, 0, 0)
    before = RelationSides("Syria", "Israel", 1, 2, 0)
    assert change_summary(now, before, period) == (
        "In the month before (2018-02-01 to 2018-02-28): Syria → Israel: 1 (now 4); "
        "Israel → Syria: 2 (now 0)."
    )
    assert change_summary(5, 0, period) == (
        "In the month before (2018-02-01 to 2018-02-28): 0 events between them, against 5 "
        "in these dates."
    )


@pytest.mark.parametrize(
    "per,period", [(0, "day"), (1, "month"), (3, "quarter"), (12, "year"), (120, "decade")]
)
def test_a_relation_is_counted_per_the_period_the_timeline_is_asked_for(per, period):
    trend = relation_trend(
        events(
            *((day, day, "day", "meeting") for day in ("2021-01-04", "2021-02-15", "2021-04-01"))
        )
    )
    assert trend.period == "day"
    asked = relation_trend(
        events(
            *((day, day, "day", "meeting") for day in ("2021-01-04", "2021-02-15", "2021-04-01"))
        ),
        per,
    )
    assert asked.period == period and asked.total == trend.total == 3


@pytest.mark.parametrize(
    "days,stop",
    [
        # 12 days: per day; the Timeline's ticks a day or a week apart.
        (("2019-10-01", "2019-10-05", "2019-10-12"), 86_400_000),
        # 13 months: per month, ticks a month or more apart.
        (("2019-01-10", "2019-10-03", "2020-01-20"), "M1"),
        # 61 years: per year, ticks years apart.
        (("1950-03-03", "1985-10-03", "2010-01-01"), "M12"),
    ],
)
def test_both_charts_write_a_day_month_and_year_alike(monkeypatch, days, stop):
    """The relation chart labelled October 2019 "2019-10", the Timeline "Oct 2019": the
    same period's tick reads the same on both (the Timeline's date ticks are formatted by
    Plotly by its tickformatstops, the relation chart's are its bars' labels)."""
    monkeypatch.setattr(timeline, "AGGREGATE_THRESHOLD", 2)
    rows = [
        row(f"e{k}", start_date=day, end_date=day, event_type="meeting", countries="Chile")
        for k, day in enumerate(days)
    ]
    figure = timeline.timeline_view(small_table(rows), np.arange(len(rows)), "country").figure
    stops = {s.dtickrange[0]: s.value for s in figure.layout.xaxis.tickformatstops}
    trend = relation_trend(events(*((day, day, "day", "meeting") for day in days)))
    ticks = list(trend_figure(trend, "A", "B").layout.xaxis.ticktext)
    assert ticks
    for day in days:  # each event's period, as the Timeline writes its first day
        first = pd.Timestamp(day)
        if stop == "M1":
            first = first.replace(day=1)
        elif stop == "M12":
            first = first.replace(month=1, day=1)
        assert first.strftime(stops[stop]) in set(trend.counts.index)
    for tick in ticks:  # and every labelled period reads as a Timeline tick would
        assert pd.Timestamp(dt.datetime.strptime(tick, stops[stop])).strftime(stops[stop]) == tick
