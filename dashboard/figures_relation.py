"""A relation over time: the events two nodes share per day, month or year, cooperation
against conflict (the Network page draws it for the relation picked in its list).

The relations list gives a pair's totals; an analyst asks how the relation moved (ICEWS:
did two governments' cooperation turn to conflict, and when?). The bars count the events
per period by the class the network's edges count them by
(:func:`dashboard.colours.relation_class`), so they add up to the list's row.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import schema
from dashboard.colours import relation_class
from dashboard.labels import plain_label
from dashboard.network import RELATION_CLASSES, RELATION_COLOURS
from dashboard.timeline import bin_label, day_label, month_bins, per_day

#: A period's name (the title's "per ...") by its months (:data:`dashboard.timeline.BIN_MONTHS`).
PERIOD_NAMES: dict[int, str] = {
    1: "month",
    3: "quarter",
    12: "year",
    60: "5-year period",
    120: "decade",
    1200: "century",
}
#: Bars of a class, told apart without colour too (print, colour blindness).
PATTERNS: dict[str, str] = {"cooperation": "", "conflict": "/", "unclassified": "."}
#: The columns :func:`relation_trend` reads.
TREND_COLUMNS: tuple[str, ...] = ("start_date", "end_date", "date_precision", "event_type")
#: Longest name in the title.
NAME_CHARS = 60
#: The columns the relation's answers read besides the trend's: who acted on whom, where.
SIDE_COLUMNS: tuple[str, ...] = ("actors", "recipients")
PLACE_COLUMN = "location"
#: Every column a picked relation's view reads (fetched once over a query engine).
PICKED_RELATION_COLUMNS: tuple[str, ...] = (*TREND_COLUMNS, *SIDE_COLUMNS, PLACE_COLUMN)
#: Places named in the "where" sentence, busiest first.
MAX_PLACES = 8


@dataclass(frozen=True)
class RelationTrend:
    """A relation's events per period and class.

    ``counts`` has one row per period from the first to the last (empty ones too, so a
    gap shows) and a column per :data:`~dashboard.network.RELATION_CLASSES`; its index
    is the periods' labels. ``apart`` counts the events, per class, whose date is known
    only to a span over more than one period (ACLED's or an article's year-only dates in
    month bars): put in the period they start in, they would pile up in January.
    """

    counts: pd.DataFrame
    period: str
    apart: dict[str, int]
    #: The periods the x axis labels (:func:`calendar_ticks`), in order.
    ticks: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """Every event, in the bars or apart."""
        return int(self.counts.to_numpy().sum()) + sum(self.apart.values())


def relation_trend(events: pd.DataFrame, per: int = 0) -> RelationTrend:
    """Count ``events`` (our columns ``start_date``, ``end_date``, ``date_precision``,
    ``event_type``) per period and relation class.

    An event is counted in the period it starts in when that start is known to the
    period: known to the day (an exact multi-day event too), or starting and ending in
    the same period. Others are counted in ``apart``. ``per``: per at least this many
    months, as the Timeline counts when asked (:data:`dashboard.timeline.COUNT_PERIODS`).
    """
    start = _days(events["start_date"])
    end = _days(events["end_date"])
    end = np.where(end == _NAT, start, end)
    types = events["event_type"].astype("str")
    # Classified once per type, not per event (a relation of a big table: 100,000s).
    classes = types.map({t: relation_class(t) or "unclassified" for t in types.unique()})
    period, first, last, label, unit = _bins_of(start, end, per)
    exact = events["date_precision"].astype("str").eq("day").to_numpy()
    placed = exact | (first == last)
    ticks: tuple[str, ...] = ()
    if placed.any():
        span = pd.RangeIndex(int(first[placed].min()), int(first[placed].max()) + 1)
        counts = (
            pd.crosstab(first[placed], classes.to_numpy()[placed])
            .reindex(index=span, columns=list(RELATION_CLASSES), fill_value=0)
            .astype("int64")
        )
        counts.index = pd.Index([label(int(b)) for b in span], dtype="str")
        counts.columns = list(RELATION_CLASSES)
        starts, width = unit(span.to_numpy())
        ticked = calendar_ticks(starts, width)
        ticks = tuple(counts.index[ticked])
    else:
        counts = pd.DataFrame(0, index=pd.Index([], dtype="str"), columns=list(RELATION_CLASSES))
    apart = classes[~placed].value_counts()
    return RelationTrend(
        counts, period, {name: int(apart.get(name, 0)) for name in RELATION_CLASSES}, ticks
    )


#: Most periods the x axis labels: 84 months' or 150 days' labels run into each other.
MAX_TICKS = 12
#: Steps between labelled periods, in months: each a calendar boundary (a step under a
#: year divides it; a step of years labels years divisible by it: 1990, 2000...).
_MONTH_STEPS: tuple[int, ...] = (1, 2, 3, 6, *(12 * y for y in (1, 2, 5, 10, 20, 50, 100)))


def calendar_ticks(starts: np.ndarray, width: int, most: int = MAX_TICKS) -> np.ndarray:
    """Which periods to label, as a mask: on calendar boundaries, the finest step that
    labels at most ``most`` (at least the first period).

    ``starts``: each period's first day (``width`` 0, per day: day numbers since
    1970-01-01) or first month (months since 1970-01, periods of ``width`` months).
    Days are labelled all, else on Mondays, every other Monday or the 1st of the month;
    months on months, quarters, half years, then years divisible by 1, 2, 5, 10...: an
    analyst finds January or 1990 by its label, not by counting bars from the first.
    """
    starts = np.asarray(starts, dtype=np.int64)
    if width == 0:
        monday = (starts - 4) % 7 == 0  # 1970-01-05 was a Monday
        week = (starts - 4) // 7
        first_of_month = starts.astype("datetime64[D]").astype(str)
        masks = [
            np.ones(starts.size, dtype=bool),
            monday,
            monday & (week % 2 == 0),
            np.char.endswith(first_of_month.astype("U10"), "-01"),
        ]
    else:
        year, month = 1970 + starts // 12, starts % 12
        masks = [
            (month % step == 0) if step < 12 else (month == 0) & (year % (step // 12) == 0)
            for step in _MONTH_STEPS
            if step >= width and step % width == 0
        ]
    for mask in masks:
        if 0 < mask.sum() <= most:
            return mask
    mask = masks[-1].copy()
    if not mask.any():
        mask[0] = True
    return mask


_NAT = np.iinfo(np.int64).min


def _days(dates: pd.Series) -> np.ndarray:
    """Day numbers since 1970-01-01 (NaT as :data:`_NAT`)."""
    return pd.to_datetime(dates).to_numpy().astype("datetime64[D]").astype(np.int64)


def _bins_of(start: np.ndarray, end: np.ndarray, per: int = 0):
    """(period name, bin of each start, bin of each end, a bin's label, and the bins'
    first days or months with their width for :func:`calendar_ticks`) by the Timeline's
    rule (:func:`dashboard.timeline.per_day`, :func:`dashboard.timeline.month_bins`), so
    the same events are counted per day (month, quarter...) on both pages; per at least
    ``per`` months when asked (none: per day where that fits)."""
    if start.size == 0:
        return "month", start, end, str, lambda bins: (bins, 1)
    if not per and per_day(int(start.min()), int(start.max())):
        return "day", start, end, day_label, lambda bins: (bins, 0)
    months = [
        days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
        for days in (start, end)
    ]
    first, width, _ = month_bins(int(months[0].min()), int(months[0].max()), per)
    # Written as the Timeline writes them ('Oct 2019', 'Q3 2022', '2022'): one owner.
    label = lambda b: bin_label(first + b * width, width)  # noqa: E731

    def unit(bins: np.ndarray) -> tuple[np.ndarray, int]:
        return first + bins * width, width

    return PERIOD_NAMES[width], *((m - first) // width for m in months), label, unit


def trend_title(first: str, second: str, period: str) -> str:
    """The chart's title: what it shows, in words (read first by a screen reader)."""
    names = f"{plain_label(first, NAME_CHARS)} and {plain_label(second, NAME_CHARS)}"
    return f"Events between {names} per {period}: cooperation against conflict"


def trend_figure(trend: RelationTrend, first: str, second: str) -> go.Figure:
    """Stacked bars per period, a class per colour and pattern (the network's edge colours)."""
    figure = go.Figure()
    for name in RELATION_CLASSES:
        values = trend.counts[name]
        if not values.any():
            continue
        figure.add_bar(
            x=list(trend.counts.index),
            y=values.tolist(),
            name=name,
            marker={"color": RELATION_COLOURS[name], "pattern": {"shape": PATTERNS[name]}},
            hovertemplate=f"%{{x}}: %{{y}} {name}<extra></extra>",
        )
    figure.update_layout(
        title={"text": trend_title(first, second, trend.period)},
        barmode="stack",
        # Every period is a category (a gap is an empty one); at most a dozen labelled, on
        # calendar boundaries (Januaries, 1990, 2000...: calendar_ticks), so seven years
        # of months are not 84 slanted labels running into each other.
        xaxis={
            "title": {"text": trend.period},
            "type": "category",
            "tickmode": "array",
            "tickvals": list(trend.ticks),
            "ticktext": list(trend.ticks),
        },
        yaxis={"title": {"text": "events"}, "rangemode": "tozero"},
        # Above the bars, right of the title: below them it met the axis labels.
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        height=340,
        margin={"l": 50, "r": 20, "t": 70, "b": 50},
    )
    return figure


def trend_summary(trend: RelationTrend) -> str:
    """The chart in one sentence: the split, the busiest period of each class, and the
    events left apart (the text a reader without the picture gets)."""
    counts = trend.counts
    totals = {name: int(counts[name].sum()) + trend.apart[name] for name in RELATION_CLASSES}
    split = ", ".join(f"{n:,} {name}" for name, n in totals.items() if n)
    parts = [f"{trend.total:,} events: {split}."]
    for name in ("cooperation", "conflict"):
        column = counts[name]
        if column.any():
            peak = int(np.argmax(column.to_numpy()))
            parts.append(f"Most {name} in {counts.index[peak]} ({int(column.iloc[peak]):,}).")
    apart = sum(trend.apart.values())
    if apart:
        parts.append(
            f"{apart:,} event{'s' if apart != 1 else ''} dated only to a span over more "
            f"than one {trend.period} {'are' if apart != 1 else 'is'} not in the bars."
        )
    return " ".join(parts)


@dataclass(frozen=True)
class RelationSides:
    """Who acted on whom in a relation of two actors: events with ``first`` among the
    actors and ``second`` among the recipients, the other way round, and the rest (both
    among the actors, or both among the recipients: they acted together)."""

    first: str
    second: str
    first_on_second: int
    second_on_first: int
    together: int


def relation_sides(
    events: pd.DataFrame,
    first: str,
    second: str,
    canonical: Callable[[str], str] = str,
) -> RelationSides:
    """Count the relation's ``events`` (``actors``, ``recipients``) by who acted on whom;
    ``canonical`` spells a name as the network's nodes do (the directory's)."""
    counts = Counter()
    for actors, recipients in events[list(SIDE_COLUMNS)].itertuples(index=False):
        doers = {canonical(n) for n in schema.split_list(str(actors or ""))}
        done_to = {canonical(n) for n in schema.split_list(str(recipients or ""))}
        if first in doers and second in done_to and second not in doers:
            counts["first"] += 1
        elif second in doers and first in done_to and first not in doers:
            counts["second"] += 1
        else:
            counts["together"] += 1
    return RelationSides(first, second, counts["first"], counts["second"], counts["together"])


def sides_summary(sides: RelationSides) -> str:
    """Who acted on whom, in words (the relation list counts the pair either way); plain
    text, to be escaped where it is drawn."""
    first, second = sides.first, sides.second
    parts = [
        f"{first} → {second}: {sides.first_on_second:,}",
        f"{second} → {first}: {sides.second_on_first:,}",
    ]
    if sides.together:
        parts.append(f"on the same side (both actors or both recipients): {sides.together:,}")
    return "Who acted on whom (actor → recipient): " + "; ".join(parts) + "."


@dataclass(frozen=True)
class RelationPlaces:
    """Where a relation's events happened: the busiest places with their events, how
    many places in all, and how many events name none."""

    busiest: tuple[tuple[str, int], ...]
    places: int
    unplaced: int


def relation_places(events: pd.DataFrame, limit: int = MAX_PLACES) -> RelationPlaces:
    """The relation's ``events`` counted by their ``location`` as written (ties by name)."""
    places = events[PLACE_COLUMN].fillna("").astype("str").str.strip()
    counts = places[places != ""].value_counts()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return RelationPlaces(
        tuple((str(p), int(n)) for p, n in ranked[:limit]),
        len(counts),
        int((places == "").sum()),
    )


def places_summary(where: RelationPlaces) -> str:
    """Where, in words: the busiest places first; plain text, as :func:`sides_summary`."""
    if not where.busiest:
        return "No event of these names a place."
    named = ", ".join(f"{place} ({n:,})" for place, n in where.busiest)
    text = f"Where, busiest first: {named}"
    if where.places > len(where.busiest):
        text += f"; {where.places:,} places in all"
    if where.unplaced:
        text += f"; {where.unplaced:,} without a place"
    return text + "."


@dataclass(frozen=True)
class PeriodBefore:
    """The period of the same length right before a date range, and its name in words
    ("the month before", "the 3 months before", "the 10 days before")."""

    start: dt.date
    end: dt.date
    words: str


def period_before(start: dt.date, end: dt.date) -> PeriodBefore:
    """The period just before ``start``..``end`` (both days included), as long: whole
    calendar months when the range is whole months (March: February, not the 31 days
    from 29 January), else as many days."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    whole = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole:
        first = start.year * 12 + start.month - 1 - months
        before_start = dt.date(first // 12, first % 12 + 1, 1)
        words = "the month before" if months == 1 else f"the {months} months before"
        return PeriodBefore(before_start, start - dt.timedelta(days=1), words)
    days = (end - start).days + 1
    words = "the day before" if days == 1 else f"the {days:,} days before"
    return PeriodBefore(start - dt.timedelta(days=days), start - dt.timedelta(days=1), words)


def change_summary(
    now: RelationSides | int, before: RelationSides | int, period: PeriodBefore
) -> str:
    """The relation's events in these dates against ``period`` before them, in words:
    each way between two actors (:class:`RelationSides`), else the totals."""
    when = f"In {period.words} ({period.start:%Y-%m-%d} to {period.end:%Y-%m-%d})"
    if isinstance(now, int) or isinstance(before, int):
        return f"{when}: {int(before):,} events between them, against {int(now):,} in these dates."
    ways = [
        f"{now.first} → {now.second}: {before.first_on_second:,} (now {now.first_on_second:,})",
        f"{now.second} → {now.first}: {before.second_on_first:,} (now {now.second_on_first:,})",
    ]
    if before.together or now.together:
        ways.append(f"on the same side: {before.together:,} (now {now.together:,})")
    return f"{when}: " + "; ".join(ways) + "."
