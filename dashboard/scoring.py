"""Score candidate events against a gold table: precision, recall and F1.

A candidate matches a gold event when

* the types fit: the same event type, or two types of the same PLOVER category
  (a "visit" and a "meeting" are both CONSULT);
* the actors overlap: the two events' actors and recipients share a name;
* the spans overlap without the candidate being much wider: at most three times the
  gold span's days, or the gold span plus 31 days, whichever is more (a month for a
  known day is one precision step wider; a year for a day is not a match). When the
  score is for one article (``published`` given), a candidate as wide as the article's
  own date words for that event (the gold row's ``date_text``) is not "much wider"
  either: no reader of the article alone could be more precise. Where the resolver
  cannot read those words, the allowance is the gold span itself.

Which gold rows are scored for one article (:func:`scored_by_article`): every row
whose ``date_basis`` is ``article`` (the gold writer judged that the text's own words
date it, whether or not our resolver reads them: the gold is not graded by the
extractor's abilities), and a row of another basis (public record) when the resolver
reads its date words against the publication date.

Each gold event is matched at most once and each candidate at most once; the pairs
are a maximum matching (networkx), so the order of the rows does not change the score.
Among the maximum matchings the one pairing the closest events is taken (the same event
type before the same PLOVER category, then the most shared actors, then the most shared
days: :func:`closeness`), the same in every run: a "visit" candidate is paired with the
gold visit, not with a gold meeting of the same days that another candidate matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx
import pandas as pd

from dashboard import schema
from dashboard.dates import DateSpan, resolve_date_expression
from dashboard.problems import figure


@dataclass(frozen=True)
class Score:
    """Counts and measures of one candidates-vs-gold comparison."""

    candidates: int
    gold: int
    matched: int
    pairs: tuple[tuple[str, str], ...]
    unmatched_candidates: tuple[str, ...]
    unmatched_gold: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.matched / self.candidates if self.candidates else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _plover(event_type: str) -> str:
    known = schema.EVENT_TYPES_BY_NAME.get(event_type)
    return known.plover if known else event_type


def _people(row) -> set[str]:
    return set(schema.split_list(row["actors"])) | set(schema.split_list(row["recipients"]))


def _days(start, end) -> int:
    return (end - start).days + 1


def events_match(candidate, gold, article_days: int = 0) -> bool:
    """Whether one candidate row matches one gold row (see the module docstring).

    ``article_days`` is the width of what the article's own words give for the gold
    event (0 when not scoring against one article).
    """
    if _plover(candidate["event_type"]) != _plover(gold["event_type"]):
        return False
    if not _people(candidate) & _people(gold):
        return False
    c_start, c_end = candidate["start_date"], candidate["end_date"]
    g_start, g_end = gold["start_date"], gold["end_date"]
    if c_start > g_end or g_start > c_end:
        return False
    gold_days = _days(g_start, g_end)
    return _days(c_start, c_end) <= max(3 * gold_days, gold_days + 31, article_days)


def closeness(candidate, gold) -> int:
    """How close a matching candidate is to a gold event, for choosing among pairings.

    The same event type counts above everything else, then the share of actors the two
    name in common, then the share of days they have in common (each in hundredths, so
    the weight is an integer and ties are ties).
    """
    same_type = int(candidate["event_type"] == gold["event_type"])
    c_people, g_people = _people(candidate), _people(gold)
    people = len(c_people & g_people) / len(c_people | g_people)
    start = max(candidate["start_date"], gold["start_date"])
    end = min(candidate["end_date"], gold["end_date"])
    shared = max(_days(start, end), 0)
    days = shared / (
        _days(candidate["start_date"], candidate["end_date"])
        + _days(gold["start_date"], gold["end_date"])
        - shared
    )
    return 1 + 10_000 * same_type + 100 * round(99 * people) + round(99 * days)


def _maximum_closest_matching(graph: nx.Graph) -> set[tuple]:
    """A maximum matching of ``graph`` of the greatest total ``weight``, component by
    component (each is small: only events that match are joined). The blossom algorithm
    visits nodes and edges in the order they were added, so every run gives the same
    pairs (Hopcroft-Karp's sets of nodes gave another choice each run)."""
    pairs = set()
    for component in nx.connected_components(graph):
        if len(component) > 1:
            sub = graph.subgraph(component)
            pairs |= nx.max_weight_matching(sub, maxcardinality=True)
    return pairs


def score_events(
    candidates: pd.DataFrame, gold: pd.DataFrame, published: date | None = None
) -> Score:
    """Match candidates to gold events one-to-one and count.

    Parameters
    ----------
    candidates, gold : pandas.DataFrame
        Validated events frames (dates as datetime64).
    published : datetime.date, optional
        The article's publication date: gold ``date_text`` read against it widens
        what counts as "not much wider" (see the module docstring).

    Returns
    -------
    Score
        Counts, the matched (candidate id, gold id) pairs and what was left over.
    """
    graph = nx.Graph()
    left = [("c", i) for i in range(len(candidates))]
    right = [("g", j) for j in range(len(gold))]
    graph.add_nodes_from(left, bipartite=0)
    graph.add_nodes_from(right, bipartite=1)
    gold_rows = [gold.iloc[j] for j in range(len(gold))]
    events = told_events(gold)
    widths = [_article_days(row, published, events) for row in gold_rows]
    for i in range(len(candidates)):
        row = candidates.iloc[i]
        for j, gold_row in enumerate(gold_rows):
            if events_match(row, gold_row, widths[j]):
                graph.add_edge(("c", i), ("g", j), weight=closeness(row, gold_row))
    pairs = sorted(
        (a[1], b[1]) if a[0] == "c" else (b[1], a[1]) for a, b in _maximum_closest_matching(graph)
    )
    matched_c = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    cid, gid = candidates["event_id"].tolist(), gold["event_id"].tolist()
    return Score(
        candidates=len(candidates),
        gold=len(gold),
        matched=len(pairs),
        pairs=tuple((cid[i], gid[j]) for i, j in pairs),
        unmatched_candidates=tuple(c for i, c in enumerate(cid) if i not in matched_c),
        unmatched_gold=tuple(g for j, g in enumerate(gid) if j not in matched_g),
    )


def told_events(gold: pd.DataFrame) -> dict[str, DateSpan]:
    """The table's events by the noun that names them again, for "since the coup".

    The noun is the last word of the event type ("coup", "visit", "execution" of
    "repression/execution"); a type with several rows names no one event and is left out.
    """
    nouns = gold["event_type"].map(lambda t: t.split("/")[-1].split()[-1])
    events = {}
    for noun, rows in gold.groupby(nouns):
        if len(rows) == 1:
            row = rows.iloc[0]
            start, end = row["start_date"].date(), row["end_date"].date()
            events[noun] = DateSpan(start, end, str(row.get("date_precision") or "day"))
    return events


def _article_days(row, published: date | None, events=None) -> int:
    """Days of what the article's words give for a gold row; unread: its own span."""
    if published is None:
        return 0
    span = _read(row["date_text"], published, events)
    if span is None:
        return _days(row["start_date"], row["end_date"])
    return _days(span.start, span.end)


def _read(words: str, published: date, events) -> DateSpan | None:
    try:
        return resolve_date_expression(words, published, events=events)
    except ValueError:
        return None


def dated_by_article(gold: pd.DataFrame, published: date) -> pd.Series:
    """Rows whose ``date_text`` the resolver can read against ``published``.

    "since the coup" reads as the onset of the table's one coup (:func:`told_events`).
    """
    events = told_events(gold)
    return gold["date_text"].map(lambda words: _read(words, published, events) is not None)


def scored_by_article(gold: pd.DataFrame, published: date) -> pd.Series:
    """The gold rows an extractor is asked for when scoring one article.

    A row with ``date_basis`` ``article`` always (the gold writer judged the text's
    own words date it); a row of another basis (public record) when its date words
    read against ``published`` (:func:`dated_by_article`). The rest - public-record
    dates the article gives no readable words for - are not asked of an extractor.
    """
    by_article = gold["date_basis"].astype(str).str.strip().eq("article")
    return (by_article | dated_by_article(gold, published)).astype(bool)


def format_score(score: Score, label: str = "") -> list[str]:
    """The score as report lines."""
    head = f"{label}: " if label else ""
    return [
        f"{head}candidates {figure(score.candidates)}, gold {figure(score.gold)}, "
        f"matched {figure(score.matched)}",
        f"precision {score.precision:.2f}  recall {score.recall:.2f}  F1 {score.f1:.2f}",
    ]
