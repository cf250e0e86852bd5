"""The network: edge rules and weights on a hand-made table, layout, ego, limits, escaping."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from figure_fixtures import row, small_table, synthetic_table

from dashboard import colours, network, schema
from dashboard.network import build_graph, build_network, ego_graph, relation_file_name

LAVROV, MAH, WANG, BLINKEN, WUNNA = (
    "Sergei Lavrov",
    "Min Aung Hlaing",
    "Wang Yi",
    "Antony Blinken",
    "Wunna Maung Lwin",
)

ROWS = [
    # actor -> recipients; the two recipients of a visit are not linked to each other
    row("e1", event_type="visit", actors=LAVROV, recipients=f"{MAH};{WANG}"),
    row("e2", event_type="condemnation", actors=LAVROV, recipients="Gen. Hlaing"),
    # everyone at a multilateral meeting is linked to everyone
    row(
        "e3", event_type="multilateral meeting", actors=LAVROV, recipients=f"{MAH};{WANG};{BLINKEN}"
    ),
    # two actors of one event are linked
    row("e4", event_type="meeting", actors=f"{LAVROV};{MAH}"),
    # no partner: a node without edges
    row("e5", event_type="coup", actors=WUNNA),
    # someone both actor and recipient: the pair counts once for the event
    row("e6", event_type="statement of support", actors=f"{LAVROV};{MAH}", recipients=LAVROV),
    row("e7", event_type="condemnation", actors=WANG, recipients=BLINKEN),
    row("e8", event_type="sanction", actors=BLINKEN, recipients=WANG),
]

EXPECTED_EDGES = {
    # (u, v): (weight, cooperation, conflict)
    (MAH, LAVROV): (5, 4, 1),  # e1 e2 e3 e4 e6
    (LAVROV, WANG): (2, 2, 0),  # e1 e3
    (BLINKEN, LAVROV): (1, 1, 0),  # e3
    (MAH, WANG): (1, 1, 0),  # e3 only: e1 has them both as recipients
    (BLINKEN, MAH): (1, 1, 0),  # e3
    (BLINKEN, WANG): (3, 1, 2),  # e3 e7 e8
}


@pytest.fixture(scope="module")
def table():
    return small_table(ROWS)


def edge_table(graph):
    return {
        tuple(sorted((u, v))): (d["weight"], d["cooperation"], d["conflict"])
        for u, v, d in graph.edges(data=True)
    }


def test_edges_and_weights_follow_the_rules(table):
    graph = build_graph(table, np.arange(len(table)))
    assert edge_table(graph) == {tuple(sorted(k)): v for k, v in EXPECTED_EDGES.items()}


def test_edge_relation_is_the_majority_class(table):
    graph = build_graph(table, np.arange(len(table)))
    assert graph.edges[LAVROV, MAH]["relation"] == "cooperation"
    assert graph.edges[WANG, BLINKEN]["relation"] == "conflict"


def test_a_tie_counts_as_conflict():
    rows = [
        row("a", event_type="visit", actors=LAVROV, recipients=MAH),
        row("b", event_type="condemnation", actors=MAH, recipients=LAVROV),
    ]
    graph = build_graph(small_table(rows), np.arange(2))
    assert graph.edges[LAVROV, MAH]["relation"] == "conflict"


def test_nodes_carry_their_event_counts_and_countries(table):
    graph = build_graph(table, np.arange(len(table)))
    assert sorted(graph.nodes) == sorted([LAVROV, MAH, WANG, BLINKEN, WUNNA])
    assert graph.nodes[LAVROV] == {"events": 5, "country": "Russia"}
    assert graph.nodes[MAH]["events"] == 5  # e1 e2 e3 e4 e6, once under its alias
    assert graph.nodes[WUNNA] == {"events": 1, "country": "Myanmar"}
    assert graph.degree(WUNNA) == 0


def test_a_selection_counts_only_its_events(table):
    graph = build_graph(table, np.array([1, 6]))  # e2 and e7
    assert edge_table(graph) == {
        tuple(sorted((LAVROV, MAH))): (1, 0, 1),
        tuple(sorted((WANG, BLINKEN))): (1, 0, 1),
    }


def test_country_network_links_the_countries_of_each_event(table):
    graph = build_graph(table, np.arange(len(table)), node_kind="country")
    weights = {tuple(sorted((u, v))): w for u, v, w in graph.edges(data="weight")}
    assert weights[("Myanmar", "Russia")] == 5  # e1 e2 e3 e4 e6
    assert weights[("China", "United States")] == 3  # e3 e7 e8
    assert weights[("China", "Russia")] == 2  # e1 e3
    assert graph.nodes["Myanmar"] == {"events": 6, "country": "Myanmar"}  # e5 too
    assert not graph.has_edge("Myanmar", "Myanmar")


def test_unknown_node_kind_is_refused(table):
    with pytest.raises(ValueError, match="node_kind"):
        build_graph(table, np.arange(len(table)), node_kind="location")


def test_multilateral_rule_uses_the_schema_name():
    assert network.MULTILATERAL in schema.EVENT_TYPES_BY_NAME


def test_ego_graph_is_the_node_its_neighbours_and_their_edges(table):
    graph = build_graph(table, np.arange(len(table)))
    ego = ego_graph(graph, BLINKEN)
    assert set(ego.nodes) == {BLINKEN, LAVROV, MAH, WANG}
    assert ego.has_edge(LAVROV, MAH)  # between two neighbours
    assert set(ego_graph(graph, WUNNA).nodes) == {WUNNA}
    assert ego_graph(graph, "Nobody").number_of_nodes() == 0
    assert set(ego_graph(graph, WUNNA, radius=3).nodes) == {WUNNA}


def drawn_nodes(fig):
    return {c[0] for t in fig.data if t.meta and t.meta["role"] == "nodes" for c in t.customdata}


def drawn_labels(fig) -> dict[str, object]:
    """node -> where the figure draws its label: a textposition in the label layer, or
    the (dx, dy) offset (data units) of a leader-line annotation's label from its node."""
    places: dict[str, object] = {}
    for t in fig.data:
        if t.meta and t.meta["role"] == "labels":
            for c, text, where in zip(t.customdata, t.text, t.textposition, strict=True):
                assert text
                places[c[0]] = where
    for a in fig.layout.annotations:
        if a.name and a.name.startswith("label:"):
            assert a.showarrow and a.axref == a.xref == "x" and a.ayref == a.yref == "y"
            places[a.name.removeprefix("label:")] = (a.ax - a.x, a.ay - a.y)
    return places


def drawn_xy(fig) -> dict[str, tuple[float, float]]:
    return {
        c[0]: (float(x), float(y))
        for t in fig.data
        if t.meta and t.meta["role"] == "nodes"
        for c, x, y in zip(t.customdata, t.x, t.y, strict=True)
    }


def drawn_frame(fig) -> tuple[float, float]:
    """The frame the figure's axes show round its nodes (the model's geometry)."""
    return tuple(fig.layout.meta["label_frame"])


def assert_labels_clear(graph, xy, places, frame=network.LABEL_FRAME) -> None:
    """At every plot size: no label box over another label's or another node's marker, or
    across the plot's edge (the axes framing the nodes by ``frame``)."""
    for plot in network.plot_sizes(graph, xy, frame):
        boxes = network.label_boxes(graph, xy, list(places), plot, places, frame)
        cut = [b.node for b in boxes if b.left < 0 or b.top < 0 or b.right > plot[0]]
        assert cut + [b.node for b in boxes if b.bottom > plot[1]] == [], plot
        clashes = [(a.node, b.node) for a, b in combinations(boxes, 2) if a.overlaps(b)]
        assert clashes == [], plot
        markers = network.marker_boxes(graph, xy, list(graph.nodes), plot, frame)
        covered = [
            (a.node, m.node) for a in boxes for m in markers if a.node != m.node and a.overlaps(m)
        ]
        assert covered == [], plot


def test_figure_has_every_node_clickable_by_name(table):
    fig = build_network(table, np.arange(len(table)))
    assert drawn_nodes(fig) == {LAVROV, MAH, WANG, BLINKEN, WUNNA}
    for trace in fig.data:
        if trace.meta["role"] == "nodes":
            assert all(len(c) == 1 for c in trace.customdata)


def test_nodes_are_coloured_by_country_and_sized_by_events(table):
    fig = build_network(table, np.arange(len(table)))
    colour, size = {}, {}
    for trace in fig.data:
        if trace.meta["role"] == "nodes":
            for c, col, s in zip(
                trace.customdata, trace.marker.color, trace.marker.size, strict=True
            ):
                colour[c[0]], size[c[0]] = col, s
    assert colour[LAVROV] == colours.country_colour("Russia")
    assert colour[BLINKEN] == colours.country_colour("United States")
    assert size[LAVROV] > size[BLINKEN] > size[WUNNA]  # 5, 3 and 1 events


def test_edges_are_lines_by_relation_with_one_legend_entry_each(table):
    fig = build_network(table, np.arange(len(table)))
    edges = [t for t in fig.data if t.meta["role"] == "edges"]
    assert {t.meta["relation"] for t in edges} == {"cooperation", "conflict"}
    for trace in edges:
        assert trace.mode == "lines"
        assert trace.line.color == colours.QUAD_COLOURS[trace.meta["relation"]]
        assert len(trace.x) % 3 == 0 and np.isnan(trace.x[2::3]).all()
    legend = [t.name for t in edges if t.showlegend]
    assert sorted(legend) == ["conflict", "cooperation"]
    segments = sum(len(t.x) // 3 for t in edges)
    assert segments == len(EXPECTED_EDGES)


def test_heavier_edges_are_drawn_wider(table):
    fig = build_network(table, np.arange(len(table)))
    where = {}
    for trace in fig.data:
        if trace.meta["role"] == "nodes":
            for c, x, y in zip(trace.customdata, trace.x, trace.y, strict=True):
                where[(x, y)] = c[0]
    width = {}
    for trace in fig.data:
        if trace.meta["role"] == "edges":
            for i in range(0, len(trace.x), 3):
                u = where[(trace.x[i], trace.y[i])]
                v = where[(trace.x[i + 1], trace.y[i + 1])]
                width[tuple(sorted((u, v)))] = trace.line.width
    weight = {tuple(sorted(k)): v[0] for k, v in EXPECTED_EDGES.items()}
    assert set(width) == set(weight)
    by_weight = sorted(weight, key=weight.get)
    assert [width[e] for e in by_weight] == sorted(width[e] for e in by_weight)
    assert width[tuple(sorted((LAVROV, MAH)))] > width[tuple(sorted((BLINKEN, MAH)))]


def test_edge_hover_states_the_counts(table):
    fig = build_network(table, np.arange(len(table)))
    hovers = [h for t in fig.data if t.meta["role"] == "edge-hover" for h in t.hovertext]
    assert f"{BLINKEN} – {WANG}<br>3 shared events: 1 cooperation, 2 conflict" in hovers


def test_layout_is_the_same_every_time(table):
    network._LAYOUTS.clear()
    first = build_network(table, np.arange(len(table))).to_json()
    network._LAYOUTS.clear()  # laid out again, not taken from the cache
    second = build_network(small_table(ROWS), np.arange(len(ROWS))).to_json()
    assert first == second
    # The cached layout gives the very same figure.
    assert len(network._LAYOUTS) == 1
    assert build_network(table, np.arange(len(table))).to_json() == first


def test_ego_figure_matches_the_ego_graph(table):
    fig = build_network(table, np.arange(len(table)), ego=BLINKEN)
    graph = build_graph(table, np.arange(len(table)))
    assert drawn_nodes(fig) == set(ego_graph(graph, BLINKEN).nodes)
    assert fig.layout.meta["edges_total"] == ego_graph(graph, BLINKEN).number_of_edges()
    # An alias works too, and an unknown name gives a message, not an error.
    assert drawn_nodes(build_network(table, np.arange(len(table)), ego="Gen. Hlaing"))
    lost = build_network(table, np.arange(len(table)), ego="Nobody")
    assert len(lost.data) == 0 and "Nobody" in lost.layout.annotations[0].text


def test_max_edges_keeps_the_strongest_and_says_so(table):
    fig = build_network(table, np.arange(len(table)), max_edges=2)
    assert fig.layout.meta["edges_shown"] == 2
    assert fig.layout.meta["edges_total"] == len(EXPECTED_EDGES)
    assert any("showing 2 of 6 relations" in a.text for a in fig.layout.annotations)
    # Lavrov-Min Aung Hlaing (5) and Wang Yi-Blinken (3); Wunna has no relation at all.
    assert drawn_nodes(fig) == {LAVROV, MAH, WANG, BLINKEN, WUNNA}
    full = build_network(table, np.arange(len(table)))
    assert not [a for a in full.layout.annotations if "showing" in a.text]


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_nodes_that_share_no_event_are_said_to_be_unlinked(kind):
    # One leader's visits: one actor (whose country the table does not give) or one
    # country per event, so no line anywhere.
    who = {"actor": (LAVROV, WANG, LAVROV), "country": ("", "", "")}[kind]
    lone = small_table(
        [
            row("v1", event_type="visit", actors=who[0], countries="" if who[0] else "Myanmar"),
            row("v2", event_type="visit", actors=who[1], countries="" if who[1] else "Laos"),
            row("v3", event_type="visit", actors=who[2], countries="" if who[2] else "Myanmar"),
        ]
    )
    fig = build_network(lone, np.arange(len(lone)), node_kind=kind)
    assert fig.layout.meta["edges_total"] == 0 and len(drawn_nodes(fig)) == 2
    plural = "actors" if kind == "actor" else "countries"
    notes = [a.text for a in fig.layout.annotations if "share an event" in a.text]
    assert notes == [f"no two {plural} share an event here, so none are linked; size: events"]


def test_a_linked_network_has_no_unlinked_note(table):
    fig = build_network(table, np.arange(len(table)))
    assert not [a for a in fig.layout.annotations if "share an event" in (a.text or "")]


def test_labels_and_hover_are_escaped():
    rows = [
        row("x", event_type="visit", actors="<b>Bold</b> & co", recipients="<script>x</script>")
    ]
    fig = build_network(small_table(rows), np.arange(1))
    nodes = [t for t in fig.data if t.meta["role"] == "nodes"]
    labels = [s for t in fig.data if t.meta["role"] == "labels" for s in t.text]
    labels += [a.text for a in fig.layout.annotations if a.name]
    assert len(labels) == 2
    shown = labels + [s for t in nodes for s in t.hovertext]
    assert not any("<script>" in s or "<b>Bold" in s for s in shown)
    assert any("&lt;b&gt;Bold&lt;/b&gt; &amp; co" in s for s in shown)
    assert {c[0] for t in nodes for c in t.customdata} == {"<b>Bold</b> & co", "<script>x</script>"}


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_no_events_gives_a_message_figure(table, kind):
    fig = build_network(table, np.array([], dtype=np.int64), node_kind=kind)
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text
    assert build_graph(table, np.array([], dtype=np.int64), kind).number_of_nodes() == 0


def reference_edges(table, positions):
    """Edge counts the slow, obvious way: per event, in Python."""
    per_event: dict[int, dict[str, set]] = {}
    for role in ("actors", "recipients"):
        postings = getattr(table, role)
        for code, name in enumerate(postings.names):
            for event in postings.positions[postings.offsets[code] : postings.offsets[code + 1]]:
                per_event.setdefault(int(event), {"actors": set(), "recipients": set()})[role].add(
                    name
                )
    counts: Counter = Counter()
    for event in positions:
        roles = per_event.get(int(event), {"actors": set(), "recipients": set()})
        everyone = roles["actors"] | roles["recipients"]
        if table.event_types[table.type_codes[event]] == "multilateral meeting":
            pairs = set(combinations(sorted(everyone), 2))
        else:
            pairs = {tuple(sorted(p)) for p in combinations(sorted(roles["actors"]), 2)}
            pairs |= {
                tuple(sorted((a, r)))
                for a in roles["actors"]
                for r in roles["recipients"]
                if a != r
            }
        counts.update(pairs)
    return dict(counts)


def test_vectorised_edges_match_a_per_event_count():
    table = synthetic_table(3000, seed=11, n_actors=60)
    positions = np.flatnonzero(table.start_days % 3 == 0)
    graph = build_graph(table, positions)
    weights = {tuple(sorted((u, v))): w for u, v, w in graph.edges(data="weight")}
    assert weights == reference_edges(table, positions)


@pytest.fixture(scope="module")
def big():
    return synthetic_table(200_000, seed=3)


def test_a_large_network_keeps_the_strongest_edges_and_stays_small(big):
    fig = build_network(big, np.arange(len(big)), max_edges=300)
    assert fig.layout.meta["edges_shown"] == 300
    assert fig.layout.meta["edges_total"] > 300
    note = next(a.text for a in fig.layout.annotations if "showing" in a.text)
    assert f"showing 300 of {fig.layout.meta['edges_total']:,} relations" in note
    assert len(fig.to_json()) < 1_000_000
    graph = build_graph(big, np.arange(len(big)))
    cut = sorted((w for _, _, w in graph.edges(data="weight")), reverse=True)[299]
    segments = sum(len(t.x) // 3 for t in fig.data if t.meta["role"] == "edges")
    assert segments == 300
    assert cut >= 1 and nx.number_of_edges(graph) == fig.layout.meta["edges_total"]


def unknown_type_table():
    from conftest import ACTORS, csv_bytes

    from dashboard.actors import parse_actors
    from dashboard.loading import parse_events
    from dashboard.table import build_table

    rows = [row("p", event_type="parade", actors=LAVROV, recipients=MAH)]
    frame = parse_events(csv_bytes(rows), allow_unknown_event_types=True)
    directory = parse_actors(csv_bytes(ACTORS, columns=ACTORS[0].keys()).decode("utf-8"))
    return build_table(frame, directory)


def test_event_types_outside_the_vocabulary_make_grey_unclassified_edges():
    table = unknown_type_table()
    graph = build_graph(table, np.arange(1))
    assert graph.edges[LAVROV, MAH] == {
        "weight": 1,
        "cooperation": 0,
        "conflict": 0,
        "relation": "unclassified",
    }
    fig = build_network(table, np.arange(1))
    (edges,) = [t for t in fig.data if t.meta["role"] == "edges"]
    assert edges.line.color == colours.NEUTRAL_GREY


def test_prepare_builds_the_index_once_and_a_mask_selects_like_positions(table):
    network.prepare(table)
    index = network._edge_index(table, "actor")
    network.prepare(table)
    assert network._edge_index(table, "actor") is index
    mask = np.zeros(len(table), dtype=bool)
    mask[[1, 6]] = True
    assert edge_table(build_graph(table, mask)) == edge_table(build_graph(table, np.array([1, 6])))
    with pytest.raises(ValueError, match="node_kind"):
        network.prepare(table, ("location",))


def test_prepare_lays_out_the_whole_table_networks(table):
    network._LAYOUTS.clear()
    network.prepare(table)
    assert len(network._LAYOUTS) == len(network.NODE_KINDS)
    laid_out = dict(network._LAYOUTS)
    for kind in network.NODE_KINDS:
        build_network(table, np.arange(len(table)), node_kind=kind)
    assert dict(network._LAYOUTS) == laid_out  # the first visit finds them


def test_the_whole_table_network_data_is_computed_once_and_the_same(table):
    everything = np.arange(len(table))
    build_network(table, everything)
    shared = network._EVERYTHING[table]["actor"]
    assert network._network_data(table, everything, "actor") is shared
    fresh = network._selection_data(table, network._edge_index(table, "actor"), everything, "actor")
    np.testing.assert_array_equal(fresh[1], shared[1])
    pd.testing.assert_frame_equal(fresh[3], shared[3])
    # A filtered view is computed for itself.
    assert network._network_data(table, everything[:3], "actor") is not shared


@pytest.fixture(scope="module")
def article():
    from dashboard.table import load_events

    return load_events()


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_article_labels_cover_no_other_label_nor_marker(article, kind):
    view = network.network_view(article, np.arange(len(article)), node_kind=kind)
    places = drawn_labels(view.figure)
    assert places, "the most connected nodes are labelled"
    xy = drawn_xy(view.figure)
    sizes = network.plot_sizes(view.graph, xy, drawn_frame(view.figure))
    # From the 800 px window's narrow plot to the widest picture (the height binds).
    assert sizes[0][0] == network.NARROW_FIGURE_PX - 20 and len(sizes) > 1
    assert_labels_clear(view.graph, xy, places, drawn_frame(view.figure))
    # Most nodes keep a visible label (the rest are named on hover).
    assert len(places) >= 0.7 * len(view.graph)


def test_labels_go_to_the_most_connected_and_skip_overlaps():
    graph = nx.Graph()
    for name, events in [("hub", 9), ("near", 5), ("far", 4), ("lonely", 1)]:
        graph.add_node(name, events=events, country="")
    graph.add_edge("hub", "near", weight=5)
    graph.add_edge("hub", "far", weight=3)
    graph.add_edge("near", "far", weight=1)
    # "near" sits right beside "hub": its label would cover hub's.
    xy = {"hub": (0.0, 0.0), "near": (0.01, 0.0), "far": (1.0, 1.0), "lonely": (-1.0, -1.0)}
    chosen = network.choose_labels(graph, xy)
    assert chosen["hub"] == "top center" and {"far", "lonely"} <= set(chosen)
    # "near" is labelled only where its label clears hub's label and marker.
    for plot in network.plot_sizes(graph, xy):
        boxes = network.label_boxes(graph, xy, list(chosen), plot, chosen)
        assert not any(a.overlaps(b) for a, b in combinations(boxes, 2))
        markers = network.marker_boxes(graph, xy, list(graph.nodes), plot)
        assert not any(a.overlaps(m) for a in boxes for m in markers if a.node != m.node)
    assert set(network.choose_labels(graph, xy, limit=1)) == {"hub"}


def test_a_label_never_covers_another_nodes_marker():
    graph = nx.Graph()
    for name, events in [("hub", 9), ("above", 1), ("aside", 1)]:
        graph.add_node(name, events=events, country="")
    graph.add_edge("hub", "above", weight=5)
    graph.add_edge("hub", "aside", weight=1)
    # "above" sits just over "hub", where hub's label would go: hub's label goes below.
    xy = {"hub": (0.0, 0.0), "above": (0.0, 0.06), "aside": (1.0, -1.0)}
    chosen = network.choose_labels(graph, xy)
    assert chosen["hub"] == "bottom center"
    # Hemmed in above and below, it goes beside.
    graph.add_node("below", events=1, country="")
    xy["below"] = (0.0, -0.06)
    assert network.choose_labels(graph, xy)["hub"] == "middle right"


def test_a_label_is_never_cut_by_the_plots_edge():
    # Nodes with long names at the left and right edges: centred above them, or on their
    # outer side, their labels ran out of the plot (cut off in the browser).
    graph = nx.Graph()
    names = {
        "west": "A Made-up Coalition of Western Village Militias (Nowhere)",
        "east": "The Eastern Made-up Sub-Clan Militia of the Far Hills (Nowhere)",
    }
    for k, name in enumerate(names.values()):
        graph.add_node(name, events=20 - k, country="")
        graph.add_edge(name, "hub", weight=3)
    graph.add_node("hub", events=5, country="")
    graph.add_node("north", events=1, country="")
    graph.add_node("south", events=1, country="")
    graph.add_edge("hub", "north", weight=1)
    graph.add_edge("hub", "south", weight=1)
    xy = {names["west"]: (-1.0, 0.0), names["east"]: (1.0, 0.1), "hub": (0.0, 0.0)}
    xy |= {"north": (0.0, 1.0), "south": (0.0, -1.0)}
    chosen = network.choose_labels(graph, xy)
    assert set(names.values()) <= set(chosen)
    assert_labels_clear(graph, xy, chosen)
    # The same in the drawn figure, whose layout is its own.
    view = network.draw_network(data_of(graph))
    assert_labels_clear(
        view.graph, drawn_xy(view.figure), drawn_labels(view.figure), drawn_frame(view.figure)
    )


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_the_network_fills_most_of_its_plot(article, kind):
    # A quarter of the nodes' span was kept above and below them for labels: in a wide
    # window (the height sets the scale) the nodes spanned 2/3 of the plot's height.
    view = network.network_view(article, np.arange(len(article)), node_kind=kind)
    figure, frame = view.figure, drawn_frame(view.figure)
    xy = drawn_xy(figure)
    nodes = np.asarray(list(xy.values()))
    x_range, y_range = figure.layout.xaxis.range, figure.layout.yaxis.range
    assert np.ptp(nodes[:, 1]) / (y_range[1] - y_range[0]) >= 0.8
    assert np.ptp(nodes[:, 0]) / (x_range[1] - x_range[0]) >= 0.8
    # The model draws what the figure draws, and in every window from 800 px to the
    # widest picture the labels hold; the busiest ten are named.
    assert network._axis_ranges(xy, frame)["yaxis"]["range"] == list(y_range)
    places = drawn_labels(figure)
    assert_labels_clear(view.graph, xy, places, frame)
    assert set(busiest(view.graph, min(10, len(view.graph)))) <= set(places)


def test_labels_take_the_room_of_the_bigger_frame_only_when_the_busiest_need_it():
    # A dense core as the figure lays it out: in the small frame 4 of its busiest ten find
    # no room for a leader line; with a quarter of the span above and below all do.
    graph, _ = dense_core()
    xy = network._spring_layout(graph)
    top = set(busiest(graph, 10))
    assert not top <= set(network.choose_labels(graph, xy, frame=network.SMALL_FRAME))
    places, frame = network.label_layout(graph, xy)
    assert top <= set(places) and frame[1] > network.SMALL_FRAME[1]
    assert_labels_clear(graph, xy, places, frame)
    # Where the small frame names them, it is kept (or a smaller one where labels hold).
    graph, xy = hemmed_in("hub", events=30)
    places, frame = network.label_layout(graph, xy)
    assert "hub" in places and frame[1] <= network.SMALL_FRAME[1]
    assert_labels_clear(graph, xy, places, frame)


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_only_the_busiest_labels_run_far_from_their_node(article, kind):
    # A label moved off the plot's edge to a leader line went wherever there was room: on
    # real tables lines crossed the whole network for minor actors.
    view = network.network_view(article, np.arange(len(article)), node_kind=kind)
    frame, places = drawn_frame(view.figure), drawn_labels(view.figure)
    xy = drawn_xy(view.figure)
    narrow = network.plot_sizes(view.graph, xy, frame)[0]
    scale = network._scale(xy, narrow, frame)
    top = set(busiest(view.graph, network.ALWAYS_LABELLED))
    far = [
        node
        for node, place in places.items()
        if not isinstance(place, str)
        and node not in top
        and np.hypot(*place) * scale > network.CUT_LEADER_REACH_PX + network.LEADER_GRID_PX
    ]
    assert far == []


def test_labels_have_a_halo_to_stay_readable_over_edge_lines():
    graph, _ = dense_core()
    figure = network.draw_network(data_of(graph)).figure
    layer = next(t for t in figure.data if t.meta["role"] == "labels")
    leaders = [a for a in figure.layout.annotations if (a.name or "").startswith("label:")]
    assert leaders and layer.textfont.shadow == "auto"
    assert all(a.font.shadow == "auto" for a in leaders)


def hemmed_in(center: str, events: int, ring: int = 24) -> tuple[nx.Graph, dict]:
    """``center`` in a tight ring of small nodes: every label position covers a marker."""
    graph = nx.Graph()
    graph.add_node(center, events=events, country="")
    xy = {center: (0.0, 0.0)}
    for k in range(ring):
        name = f"n{k:02d}"
        graph.add_node(name, events=1, country="")
        graph.add_edge(center, name, weight=1)
        angle = 2 * np.pi * k / ring
        xy[name] = (0.05 * np.cos(angle), 0.05 * np.sin(angle))
    xy["far"] = (3.0, 3.0)  # sets the scale: the ring is a few px across
    graph.add_node("far", events=1, country="")
    return graph, xy


def test_the_busiest_node_is_labelled_even_when_hemmed_in():
    graph, xy = hemmed_in("hub", events=30)
    chosen = network.choose_labels(graph, xy)
    assert "hub" in chosen
    # Beside it where that is clear, else joined by a leader line: over no marker, no label.
    assert_labels_clear(graph, xy, chosen)
    # A node outside the busiest few hemmed in the same way stays unlabelled (hover names it).
    graph, xy = hemmed_in("minor", events=1, ring=24)
    add_busier_pairs(graph, xy)
    assert "minor" not in network.choose_labels(graph, xy)


def dense_core(core: int = 12, around: int = 60) -> tuple[nx.Graph, dict]:
    """A core of ``core`` busy nodes with long names packed a few px apart (each linked to
    each), and ``around`` small nodes, each linked to two of them, scattered round it."""
    rng = np.random.default_rng(7)
    graph = nx.Graph()
    hubs = [f"Armed Group Number {k:02d} of the Made-up Region" for k in range(core)]
    xy = {}
    for k, hub in enumerate(hubs):
        graph.add_node(hub, events=200 - k, country="")
        angle = 2 * np.pi * k / core
        xy[hub] = (0.04 * np.cos(angle), 0.04 * np.sin(angle))
    for a, b in combinations(range(core), 2):
        graph.add_edge(hubs[a], hubs[b], weight=40 - a - b)
    for k in range(around):
        name = f"small {k:02d}"
        graph.add_node(name, events=1 + k % 3, country="")
        graph.add_edge(name, hubs[k % core], weight=1)
        graph.add_edge(name, hubs[(k * 5) % core], weight=1)
        radius, angle = 0.12 + 0.9 * rng.random(), 2 * np.pi * rng.random()
        xy[name] = (radius * np.cos(angle), radius * np.sin(angle))
    return graph, xy


def busiest(graph: nx.Graph, count: int) -> list[str]:
    degree = dict(graph.degree(weight="weight"))
    return sorted(graph, key=lambda n: (-degree[n], -graph.nodes[n]["events"], n))[:count]


def test_the_busiest_nodes_of_a_dense_core_are_all_named_clear_of_markers_and_labels():
    graph, xy = dense_core()
    chosen = network.choose_labels(graph, xy)
    top = busiest(graph, 10)  # the ten busiest, whatever the constant says
    assert set(top) <= set(chosen)
    assert_labels_clear(graph, xy, chosen)
    # Packed a few px apart, most go to free room nearby, joined by a leader line.
    assert sum(not isinstance(chosen[n], str) for n in top) >= 5


def test_the_drawn_network_names_its_busiest_above_every_marker():
    graph, _ = dense_core()  # laid out by the figure itself
    view = network.draw_network(data_of(graph))
    places = drawn_labels(view.figure)
    assert set(busiest(view.graph, 10)) <= set(places)
    assert_labels_clear(view.graph, drawn_xy(view.figure), places, drawn_frame(view.figure))
    # Labels are drawn above all markers: the label layer after every node trace (leader
    # labels are annotations, drawn above all traces), and no node trace carries text.
    roles = [t.meta["role"] for t in view.figure.data]
    assert roles.count("labels") == 1
    assert max(k for k, r in enumerate(roles) if r == "nodes") < roles.index("labels")
    assert all(t.mode == "markers" for t in view.figure.data if t.meta["role"] == "nodes")
    layer = next(t for t in view.figure.data if t.meta["role"] == "labels")
    assert layer.hoverinfo == "skip" and layer.showlegend is False


def data_of(graph: nx.Graph) -> network.NetworkData:
    """The :class:`NetworkData` of ``graph`` (co-operation edges), for the figure to lay out."""
    return network.NetworkData(
        node_kind="actor",
        nodes=tuple(sorted((n, graph.nodes[n]["events"], "") for n in graph)),
        edges=tuple(sorted((*sorted((u, v)), w, w, 0) for u, v, w in graph.edges(data="weight"))),
        total_edges=graph.number_of_edges(),
    )


def add_busier_pairs(graph: nx.Graph, xy: dict) -> None:
    """Enough linked pairs, busier than anything else, to fill the always-named few."""
    for k in range(network.ALWAYS_LABELLED):
        graph.add_edge(f"big{k}", f"peer{k}", weight=50)
        graph.nodes[f"big{k}"].update(events=50, country="")
        graph.nodes[f"peer{k}"].update(events=50, country="")
        xy[f"big{k}"], xy[f"peer{k}"] = (-3.0 + k, -3.0), (-3.0 + k, 3.0)


@pytest.mark.parametrize("file_format", ["graphml", "gexf"])
def test_the_shown_network_downloads_for_gephi(file_format):
    table = small_table(ROWS)
    view = network.network_view(table, np.arange(len(table)))
    data = network.graph_file(view.graph, file_format)
    read = nx.read_graphml if file_format == "graphml" else nx.read_gexf
    again = read(io.BytesIO(data))
    assert set(again.nodes) == set(view.graph.nodes)
    assert again.number_of_edges() == view.graph.number_of_edges()
    u, v, attributes = next(iter(view.graph.edges(data=True)))
    assert int(again.edges[u, v]["weight"]) == attributes["weight"]
    assert again.edges[u, v]["relation"] == attributes["relation"]
    assert int(again.nodes[u]["events"]) == view.graph.nodes[u]["events"]


def test_unknown_graph_format_is_refused():
    with pytest.raises(ValueError, match="file_format"):
        network.graph_file(nx.Graph(), "dot")


def test_unlinked_nodes_take_no_label_when_not_all_can_have_one():
    # A linked pair, then a ring of nodes without relations (more nodes than labels).
    graph = nx.Graph()
    graph.add_node("a", events=5, country="")
    graph.add_node("b", events=5, country="")
    graph.add_edge("a", "b", weight=5)
    xy = {"a": (0.0, 0.0), "b": (0.3, 0.0)}
    for k in range(network.MAX_LABELS + 5):
        name = f"alone{k:02d}"
        graph.add_node(name, events=9, country="")
        angle = 2 * np.pi * k / (network.MAX_LABELS + 5)
        xy[name] = (3 * np.cos(angle), 3 * np.sin(angle))
    assert set(network.choose_labels(graph, xy)) == {"a", "b"}
    # A few of them: every node that fits is named.
    assert "alone00" in network.choose_labels(graph, xy, limit=len(graph))


def test_linked_nodes_fill_the_picture_and_unlinked_ones_ring_it():
    graph = nx.Graph()
    for k in range(6):
        graph.add_node(f"linked{k}", events=5, country="")
    for k in range(5):
        graph.add_edge(f"linked{k}", f"linked{k + 1}", weight=1)
    for k in range(80):
        graph.add_node(f"alone{k:02d}", events=80 - k, country="")
    xy = network._spring_layout(graph)
    core = np.asarray([xy[f"linked{k}"] for k in range(6)])
    # The chain spans the square, not a corner of it (it did not, laid out with 80 others).
    assert np.ptp(core, axis=0).max() > 1.5
    ring = np.asarray([xy[f"alone{k:02d}"] for k in range(80)])
    assert np.allclose(np.hypot(ring[:, 0], ring[:, 1]), network.UNLINKED_RING, atol=1e-3)
    # The busiest unlinked node at the top, and the same picture on every run.
    assert xy["alone00"] == pytest.approx((0.0, network.UNLINKED_RING), abs=1e-3)
    network._LAYOUTS.clear()
    assert network._spring_layout(graph) == xy


def _hub_with_pairs(n_pairs: int) -> nx.Graph:
    graph = nx.Graph()
    for k in range(40):
        graph.add_node(f"hub{k:02d}", events=10, country="")
    for k in range(1, 40):
        graph.add_edge("hub00", f"hub{k:02d}", weight=1 + k % 3)
        if k > 1:
            graph.add_edge(f"hub{k - 1:02d}", f"hub{k:02d}", weight=1)
    for k in range(n_pairs):
        graph.add_node(f"pair{k}a", events=2, country="")
        graph.add_node(f"pair{k}b", events=2, country="")
        graph.add_edge(f"pair{k}a", f"pair{k}b", weight=2)
    return graph


@pytest.mark.parametrize("n_pairs", [1, 3, 40])
def test_separate_small_groups_leave_the_biggest_the_whole_picture(n_pairs):
    graph = _hub_with_pairs(n_pairs)
    network._LAYOUTS.clear()
    xy = network._spring_layout(graph)
    core = np.asarray([xy[f"hub{k:02d}"] for k in range(40)])
    # The biggest group spans the square (laid out with the pairs it took a fifth of it).
    assert np.ptp(core, axis=0).max() > 1.5
    for k in range(n_pairs):
        a, b = np.asarray(xy[f"pair{k}a"]), np.asarray(xy[f"pair{k}b"])
        # Each pair is drawn small, together, on the ring outside the biggest group.
        assert np.abs(a - b).max() <= 2 * network.SMALL_GROUP_RADIUS + 1e-3
        assert np.hypot(*((a + b) / 2)) == pytest.approx(network.UNLINKED_RING, abs=1e-3)
    network._LAYOUTS.clear()
    assert network._spring_layout(graph) == xy


def test_groups_of_like_size_share_the_picture():
    graph = nx.disjoint_union(nx.path_graph(10), nx.path_graph(8))
    nx.set_node_attributes(graph, 3, "events")
    nx.set_edge_attributes(graph, 1, "weight")
    network._LAYOUTS.clear()
    xy = np.asarray(list(network._spring_layout(graph).values()))
    # Neither is a small group: both are laid out in the square, none on the ring.
    assert np.abs(xy).max() <= 1.0 + 1e-3


def test_an_ego_network_labels_its_actor_even_when_hemmed_in():
    graph, xy = hemmed_in("minor", events=1, ring=24)
    add_busier_pairs(graph, xy)
    assert "minor" not in network.choose_labels(graph, xy)
    chosen = network.choose_labels(graph, xy, first="minor")
    # The ego is named, and the busiest node keeps its label; no label covers another.
    assert {"minor", "big0"} <= set(chosen)
    for plot in network.plot_sizes(graph, xy):
        boxes = network.label_boxes(graph, xy, list(chosen), plot, chosen)
        assert not any(a.overlaps(b) for a, b in combinations(boxes, 2))
    # An ego outside the graph changes nothing.
    assert network.choose_labels(graph, xy, first="nobody") == network.choose_labels(graph, xy)


def test_the_drawn_ego_network_names_its_actor():
    # The ego's neighbours share many events among themselves: each is more connected
    # than the ego, which sits in their middle.
    names = [f"group {k:02d}" for k in range(30)]
    nodes = [("ego", 20, ""), *((n, 40, "") for n in names)]
    edges = [("ego", n, 5, 0, 5) for n in names]
    edges += [(a, b, 6, 0, 6) for a, b in combinations(names, 2)]
    data = network.NetworkData(
        node_kind="actor",
        nodes=tuple(sorted(nodes)),
        edges=tuple(sorted(edges)),
        total_edges=len(edges),
        ego="ego",
    )
    view = network.draw_network(data)
    assert "ego" in drawn_labels(view.figure)


_LAYOUT_IN_A_PROCESS = """
import networkx as nx
from dashboard import network
graph = nx.Graph()
for k in range(12):
    graph.add_edge(f"core {k}", f"core {(k + 1) % 12}", weight=1 + k % 3)
for k in range(6):
    graph.add_edge(f"pair {k} left", f"pair {k} right", weight=1)
    graph.add_edge(f"trio {k} a", f"trio {k} b", weight=1)
    graph.add_edge(f"trio {k} b", f"trio {k} c", weight=2)
nx.set_node_attributes(graph, 1, "events")
print(sorted(network._spring_layout(graph).items()))
"""


def test_the_layout_is_the_same_in_every_process():
    # Python's string hashing differs between processes; the picture must not.
    root = Path(network.__file__).resolve().parent.parent
    drawn = {
        subprocess.run(
            [sys.executable, "-c", _LAYOUT_IN_A_PROCESS],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(drawn) == 1


# --- the relations list and the events behind an edge ---------------------------------

#: The events behind each edge of ROWS, by the rules EXPECTED_EDGES's comments give.
EDGE_EVENTS = {
    (MAH, LAVROV): {"e1", "e2", "e3", "e4", "e6"},
    (LAVROV, WANG): {"e1", "e3"},
    (BLINKEN, LAVROV): {"e3"},
    (MAH, WANG): {"e3"},
    (BLINKEN, MAH): {"e3"},
    (BLINKEN, WANG): {"e3", "e7", "e8"},
}


def _ids(table, positions):
    return set(table.events["event_id"].iloc[positions])


def test_relation_rows_rank_the_strongest_relations_first(table):
    rows = network.relation_rows(build_graph(table, np.arange(len(table))))
    assert list(rows.columns) == list(network.RELATION_COLUMNS)
    expected = sorted(
        ((*sorted(pair), *counts) for pair, counts in EXPECTED_EDGES.items()),
        key=lambda r: (-r[2], -r[4], r[0], r[1]),
    )
    assert [tuple(r) for r in rows.itertuples(index=False)] == expected
    # the busiest pair first; among equal counts the one with conflict first
    assert tuple(rows.iloc[0][["between", "and", "events"]]) == (MAH, LAVROV, 5)
    assert tuple(rows.iloc[1][["between", "and", "conflict"]]) == (BLINKEN, WANG, 2)


def test_relation_rows_of_an_empty_graph_is_an_empty_table():
    rows = network.relation_rows(nx.Graph())
    assert rows.empty and list(rows.columns) == list(network.RELATION_COLUMNS)


@pytest.mark.parametrize("pair", list(EDGE_EVENTS))
def test_relation_positions_are_the_events_behind_the_edge(table, pair):
    everything = np.arange(len(table))
    for first, second in (pair, pair[::-1]):
        found = network.relation_positions(table, everything, "actor", first, second)
        assert _ids(table, found) == EDGE_EVENTS[pair]
        assert list(found) == sorted(found)


def test_relation_positions_count_the_edge_weight_under_any_selection(table):
    ids = table.events["event_id"].to_numpy()
    for dropped in ([], ["e3"], ["e1", "e7"], list(ids)):
        positions = np.flatnonzero(~np.isin(ids, dropped))
        graph = build_graph(table, positions)
        for u, v, data in graph.edges(data=True):
            found = network.relation_positions(table, positions, "actor", u, v)
            assert len(found) == data["weight"]
            assert set(ids[found]) <= set(ids[positions])
        if "e3" in dropped:
            found = network.relation_positions(table, positions, "actor", BLINKEN, MAH)
            assert len(found) == 0


def test_relation_positions_of_countries_and_of_no_edge(table):
    everything = np.arange(len(table))
    graph = build_graph(table, everything, node_kind="country")
    for u, v, data in graph.edges(data=True):
        found = network.relation_positions(table, everything, "country", u, v)
        assert len(found) == data["weight"]
    assert len(network.relation_positions(table, everything, "actor", WUNNA, MAH)) == 0
    assert len(network.relation_positions(table, everything, "actor", "Nobody", MAH)) == 0
    assert len(network.relation_positions(table, everything, "actor", MAH, MAH)) == 0


def test_relation_fatalities_sum_the_deaths_behind_each_edge():
    deaths = {"e1": "2", "e2": "5", "e3": "", "e4": "1", "e5": "9", "e6": "0", "e7": "3", "e8": "4"}
    table = small_table([{**r, "fatalities": deaths[r["event_id"]]} for r in ROWS])
    everything = np.arange(len(table))
    pairs = [*EDGE_EVENTS, (WUNNA, MAH), ("Nobody", MAH)]
    found = network.relation_fatalities(table, everything, "actor", pairs)
    expected = [sum(int(deaths[e] or 0) for e in EDGE_EVENTS[p]) for p in EDGE_EVENTS]
    assert found.tolist() == [*expected, 0, 0]
    assert found[0] == 8  # Min Aung Hlaing - Sergei Lavrov: e1 e2 e3 e4 e6
    # Only the selected events count; either order of a pair.
    ids = table.events["event_id"].to_numpy()
    without = np.flatnonzero(ids != "e2")
    assert network.relation_fatalities(table, without, "actor", [(LAVROV, MAH)]).tolist() == [3]
    # A table counting no deaths: None.
    assert network.relation_fatalities(small_table(ROWS), everything, "actor", pairs) is None


def test_a_relation_s_download_is_named_after_the_pair_safely():
    assert relation_file_name("Aaa Bbb", "Ccc") == "events-aaa-bbb-ccc.csv"
    # Path separators, quotes and dots go; letters of any script stay; none left: said.
    assert relation_file_name('Xx/Yy "Zz"', "..") == "events-xx-yy-zz-unnamed.csv"
    assert relation_file_name("Ñaa d\u2019Óo", "q_r") == "events-ñaa-d-óo-q-r.csv"
    long = relation_file_name("a" * 100, "b")
    assert long == f"events-{'a' * 40}-b.csv"
