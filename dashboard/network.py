"""The network of who meets, backs or condemns whom: a networkx graph and its Plotly figure.

Edges link, for every event: each actor to each recipient, the actors of an event
with several actors to each other, and all participants of a multilateral meeting
to each other. In the country network, the countries of an event (its own and its
participants') are linked to each other. An edge's weight is the number of events
the two share, counted once per event; it keeps separate cooperation and conflict
counts (the event type's quad class) and is coloured by the majority (a tie
counts as conflict: the one an analyst must not miss).

Edge counts are built with pandas merges and group-bys on integer codes, so a
filtered million-row table stays fast; the figure keeps the strongest edges only.
"""

from __future__ import annotations

import html
import io
import re
import textwrap
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import colours
from dashboard.labels import plain_label
from dashboard.subsets import as_positions, postings_pairs, selected_mask
from dashboard.summary import fatality_column, fatality_values
from dashboard.table import EventTable, return_freed_memory

NODE_KINDS: tuple[str, ...] = ("actor", "country")
RELATION_CLASSES: tuple[str, ...] = ("cooperation", "conflict", "unclassified")
RELATION_COLOURS: dict[str, str] = {**colours.QUAD_COLOURS, "unclassified": colours.NEUTRAL_GREY}
UNKNOWN_COUNTRY = "(unknown country)"
#: Event type whose participants are all linked to each other.
MULTILATERAL = "multilateral meeting"
#: Layout seed: the same picture on every run.
LAYOUT_SEED = 42
#: At most this many nodes are drawn (isolated nodes fill up to it, busiest first).
MAX_NODES = 400
#: Only the most connected nodes get a visible label (at most this many, and only where
#: the label covers no other label and no other node's marker); every node has a hover
#: label.
MAX_LABELS = 30
#: The most connected nodes are always named (an ego network's actor too): beside the node
#: where a label fits, else in free room nearby joined to the node by a thin leader line
#: (a hub sits in the dense middle of its neighbours: on real ACLED tables only 1 of the
#: 10 busiest had room beside it). Never over another node's marker or another label.
ALWAYS_LABELLED = 10
#: Leader-line labels: the label's centre is tried at the points of a grid this fine (px)
#: over the narrowest plot, nearest its node first; the line keeps clear of other labels.
LEADER_GRID_PX = 6
#: The axes show the nodes plus this share of their span on each side (x, y): above and
#: below the cluster, free room for the labels that find none beside their node (small
#: nodes scattered evenly leave no label-sized gap among them; a label is wider than
#: tall, so the room goes above and below). In an 800 px window the plot is taller than
#: wide and the room was there anyway; x keeps Plotly's own 5 % padding.
LABEL_FRAME = (0.05, 0.25)
LEADER_COLOUR = colours.NEUTRAL_GREY
#: A leader-line label is wrapped at spaces to lines of about this many characters: on
#: real ACLED tables the busiest actors' names run to 40-60 characters, too wide on one
#: line to find free room in a 450 px plot.
LEADER_LINE_CHARS = 22
#: Label font size (px) and a default plot area (px) for :func:`to_pixels`; the height is
#: the figure's plot height. Labels are checked at every width of :func:`plot_sizes`.
LABEL_FONT_PX = 11
PLOT_PX = (700, 610)
#: The figure's width (px) in an 800 px window with the sidebar open (measured in
#: Chromium), and how many plot widths between it and the widest are checked.
NARROW_FIGURE_PX = 468
LABEL_LAYOUT_STEPS = 8
#: Labels' text shadow: Plotly's "auto" draws a halo in the colour that contrasts with the
#: text (the background's), so labels over edge lines stay readable on either theme.
LABEL_HALO = "auto"
#: A label that would run out of the plot beside its node (outside the busiest few) goes
#: to free room at most this far (px, in the narrowest plot) from it by a leader line.
CUT_LEADER_REACH_PX = 120
#: Labels keep this far (px) from other labels and markers.
LABEL_MARGIN_PX = 2
LEGEND_TITLE = "Relations · countries"
#: The bottom margin (px) the legend is drawn in. It was 10 px and the legend took its
#: rows from the plot (Plotly's automargin): with twelve countries in an 800 px window
#: the plot was 502 px tall, not the 610 px the labels are laid out for, so a label laid
#: out clear of a marker could cover it. Room for five legend rows keeps the plot's height.
LEGEND_MARGIN_PX = 130
#: Graph file formats offered for download (networkx writes both; Gephi reads both).
GRAPH_FORMATS: dict[str, str] = {"graphml": "GraphML", "gexf": "GEXF"}
#: Node names are cut to this many characters in labels and hover text.
LABEL_CHARS = 60
#: Countries with a node trace (and legend entry) of their own; the rest share one.
MAX_COUNTRY_TRACES = 12
_EDGE_WIDTHS = (1.0, 2.0, 3.5, 5.0)

_EDGE_COLUMNS = ("u", "v", "weight", "cooperation", "conflict")


def build_graph(table: EventTable, positions: np.ndarray, node_kind: str = "actor") -> nx.Graph:
    """The undirected graph of the events at ``positions``.

    Parameters
    ----------
    table
        The indexed events.
    positions
        Row positions of the events to use.
    node_kind
        "actor" (actors and recipients) or "country".

    Returns
    -------
    networkx.Graph
        Nodes (sorted by name) with ``events`` (count) and ``country``; edges with
        ``weight`` (shared events), ``cooperation``, ``conflict`` and ``relation``
        (the majority class).
    """
    names, counts, countries, edges = _network_data(table, positions, node_kind)
    return _graph(*_named(names, counts, countries, np.flatnonzero(counts), edges))


def ego_graph(graph: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """The subgraph within ``radius`` steps of ``node`` (empty if the node is absent)."""
    if node not in graph:
        return nx.Graph()
    return nx.ego_graph(graph, node, radius=radius)


#: Columns of :func:`relation_rows`, as the Network page shows them.
RELATION_COLUMNS: tuple[str, ...] = ("between", "and", "events", "cooperation", "conflict")


def relation_rows(graph: nx.Graph) -> pd.DataFrame:
    """The graph's relations, strongest first: who shares the most events with whom.

    One row per edge: its two nodes (alphabetical), the events they share and how many
    of those are cooperation and conflict (the edge's own counts). Ordered by events,
    then conflict (the relation an analyst must not miss), then the names, so the
    order is the same on every run. The picture shows which pairs are linked; the
    widths of 300 edges cannot be ranked by eye (ACLED's Kenya 2019 clashes: a hub
    of 150 nodes), so the page lists them.
    """
    rows = sorted(
        (
            (*sorted((str(u), str(v))), int(d["weight"]), int(d["cooperation"]), int(d["conflict"]))
            for u, v, d in graph.edges(data=True)
        ),
        key=lambda r: (-r[2], -r[4], r[0], r[1]),
    )
    return pd.DataFrame(rows, columns=list(RELATION_COLUMNS)).astype(
        {"events": "int64", "cooperation": "int64", "conflict": "int64"}
    )


def relation_positions(
    table: EventTable, positions: np.ndarray, node_kind: str, first: str, second: str
) -> np.ndarray:
    """Positions (ascending) of the events at ``positions`` that link ``first`` and
    ``second`` in the network of ``node_kind``: the events behind that edge, by the same
    rules as its weight (an actor and its recipient, two actors of one event, any two
    at a multilateral meeting; two countries of one event)."""
    index = _edge_index(table, node_kind)
    a, b = _code_of(index.names, first), _code_of(index.names, second)
    if a is None or b is None or a == b:
        return np.zeros(0, dtype=np.int64)
    u, v = min(a, b), max(a, b)
    edge = np.flatnonzero((index.edge_u == u) & (index.edge_v == v))
    if len(edge) == 0:
        return np.zeros(0, dtype=np.int64)
    events = index.pair_event[index.pair_edge == edge[0]].astype(np.int64)
    return np.intersect1d(events, as_positions(positions, len(table)))


def relation_file_name(first: str, second: str) -> str:
    """The CSV download's name for the events behind the relation of ``first`` and
    ``second``: ``events-<first>-<second>.csv``, each name lower-cased with every run of
    characters other than letters and digits (slashes, spaces, quotes) made one hyphen,
    and cut at 40 characters, so it is a safe file name on any system."""

    def part(name: str) -> str:
        return re.sub(r"[\W_]+", "-", str(name).lower()).strip("-")[:40].strip("-") or "unnamed"

    return f"events-{part(first)}-{part(second)}.csv"


def relation_fatalities(
    table: EventTable, positions: np.ndarray, node_kind: str, pairs
) -> np.ndarray | None:
    """The deaths of the events at ``positions`` behind each ``(first, second)`` of
    ``pairs`` (those :func:`relation_positions` finds; 0 where no edge links them), or None
    when the table counts no deaths (:func:`dashboard.summary.fatality_column`)."""
    column = fatality_column(table.events.columns)
    if column is None:
        return None
    index = _edge_index(table, node_kind)
    deaths = fatality_values(table.events[column]).fillna(0).to_numpy(np.float64)
    chosen = selected_mask(as_positions(positions, len(table)), len(table))[index.pair_event]
    per_edge = np.bincount(
        index.pair_edge[chosen],
        weights=deaths[index.pair_event[chosen]],
        minlength=len(index.edge_u),
    )
    keys = (index.edge_u.astype(np.int64) << 32) | index.edge_v.astype(np.int64)  # sorted
    code = {name: i for i, name in enumerate(index.names)}
    out = np.zeros(len(pairs), dtype=np.int64)
    for k, (first, second) in enumerate(pairs):
        a, b = code.get(first), code.get(second)
        if a is None or b is None:
            continue
        key = (min(a, b) << 32) | max(a, b)
        at = int(np.searchsorted(keys, key))
        if at < len(keys) and keys[at] == key:
            out[k] = round(per_edge[at])
    return out


@dataclass(frozen=True)
class NetworkView:
    """The network figure and the graph it shows (for GraphML/GEXF download)."""

    figure: go.Figure
    graph: nx.Graph


def build_network(
    table: EventTable,
    positions: np.ndarray,
    node_kind: str = "actor",
    ego: str | None = None,
    max_edges: int = 300,
) -> go.Figure:
    """The figure of :func:`network_view`."""
    return network_view(table, positions, node_kind, ego, max_edges).figure


@dataclass(frozen=True)
class NetworkData:
    """What the Network draws, as any engine can answer it (see :func:`network_data`).

    ``nodes`` are ``(name, events, country)`` sorted by name; ``edges`` are
    ``(u, v, weight, cooperation, conflict)`` with ``u < v``, sorted; ``total_edges`` is
    how many edges there were before keeping the strongest. ``ego_found`` is False when
    an ego was asked for that has no events in the selection (then nothing else is set).
    """

    node_kind: str
    nodes: tuple[tuple[str, int, str], ...]
    edges: tuple[tuple[str, str, int, int, int], ...]
    total_edges: int
    ego: str | None = None
    ego_found: bool = True


def network_data(
    table: EventTable,
    positions: np.ndarray,
    node_kind: str = "actor",
    ego: str | None = None,
    max_edges: int = 300,
) -> NetworkData:
    """The nodes and strongest edges the Network draws for the events at ``positions``.

    With ``ego``, only that node, its neighbours and the edges among them. Without, the
    busiest nodes with no edge at all fill up to :data:`MAX_NODES`. Ties at the edge
    cut go in (u, v) order.
    """
    names, counts, countries, edges = _network_data(table, positions, node_kind)
    code = None
    if ego is not None:
        ego = table.directory.canonical(ego) if node_kind == "actor" else ego
        code = _code_of(names, ego)
        if code is None or counts[code] == 0:
            return NetworkData(node_kind, (), (), 0, ego, False)
        touching = edges[(edges["u"] == code) | (edges["v"] == code)]
        around = np.union1d(np.union1d(touching["u"], touching["v"]), [code])
        edges = edges[edges["u"].isin(around) & edges["v"].isin(around)]
    kept = _strongest(edges, max(0, int(max_edges)))
    nodes = np.union1d(kept["u"], kept["v"]).astype(np.int64)
    if code is not None:
        nodes = np.union1d(nodes, [code])
    elif len(nodes) < MAX_NODES:
        # Nodes with events but no relation at all still belong in the picture.
        linked = np.zeros(len(names), dtype=bool)
        linked[edges["u"].to_numpy()] = True
        linked[edges["v"].to_numpy()] = True
        rest = np.flatnonzero((counts > 0) & ~linked)
        rest = rest[np.argsort(-counts[rest], kind="stable")][: MAX_NODES - len(nodes)]
        nodes = np.union1d(nodes, rest)
    node_rows, edge_rows = _named(names, counts, countries, nodes, kept)
    return NetworkData(node_kind, node_rows, edge_rows, len(edges), ego)


def _named(
    names: list[str],
    counts: np.ndarray,
    countries: list[str],
    nodes: np.ndarray,
    edges: pd.DataFrame,
) -> tuple[tuple[tuple[str, int, str], ...], tuple[tuple[str, str, int, int, int], ...]]:
    """The node codes ``nodes`` and the coded ``edges`` as named rows, sorted:
    ``(name, events, country)`` and ``(u, v, weight, cooperation, conflict)``."""
    node_rows = tuple(
        (names[c], int(counts[c]), countries[c]) for c in sorted(int(c) for c in nodes)
    )
    edge_rows = tuple(
        sorted(
            (names[u], names[v], int(w), int(c), int(k))
            for u, v, w, c, k in edges[list(_EDGE_COLUMNS)].itertuples(index=False)
        )
    )
    return node_rows, edge_rows


def network_view(
    table: EventTable,
    positions: np.ndarray,
    node_kind: str = "actor",
    ego: str | None = None,
    max_edges: int = 300,
) -> NetworkView:
    """The network figure: nodes by country colour and size, edges by relation and weight.

    Parameters
    ----------
    table
        The indexed events.
    positions
        Row positions of the events to use.
    node_kind
        "actor" or "country".
    ego
        If given, only this node, its neighbours and the edges among them.
    max_edges
        Keep the strongest this many edges and say how many are hidden.

    Returns
    -------
    NetworkView
        The figure: edge line traces (one group per relation class), node marker traces
        (one per country, customdata = [node name]) and a note when edges were left out;
        and the graph drawn (empty when only a message is shown).
    """
    return draw_network(network_data(table, positions, node_kind, ego, max_edges))


def draw_network(data: NetworkData) -> NetworkView:
    """The figure of :class:`NetworkData` (from :func:`network_data` or a query engine)."""
    if not data.ego_found:
        return _message(f"{data.ego} has no events in the current selection.")
    if not data.nodes:
        return _message("No events match the filters.")
    graph = _graph(data.nodes, data.edges)
    xy = _spring_layout(graph)
    # Traces and layout are plain dicts validated once by the Figure: building each
    # trace as a go.Scatter, adding it and updating the layout validates twice.
    traces: list[dict] = []
    _add_edge_traces(traces, graph, xy)
    _add_node_traces(traces, graph, xy)
    places, frame = label_layout(graph, xy, data.ego)
    leaders = _add_labels(traces, graph, xy, places)
    node_kind, ego = data.node_kind, data.ego
    title = f"Network of {'actors' if node_kind == 'actor' else 'countries'}"
    if ego is not None:
        title += f" around {plain_label(ego, LABEL_CHARS)}"
    kept, total_edges = len(data.edges), data.total_edges
    ranges = _axis_ranges(xy, frame)
    layout = {
        "title": {"text": title},
        "height": PLOT_PX[1] + 60 + LEGEND_MARGIN_PX,
        "showlegend": True,
        # Below the plot, so that an 800 px window leaves the plot its whole width.
        "legend": {
            "title": {"text": LEGEND_TITLE},
            "itemsizing": "constant",
            "orientation": "h",
            "yanchor": "top",
            "y": -0.01,
            "x": 0,
        },
        "hovermode": "closest",
        "margin": {"l": 10, "r": 10, "t": 60, "b": LEGEND_MARGIN_PX},
        "xaxis": {"visible": False, **ranges.get("xaxis", {})},
        "yaxis": {"visible": False, "scaleanchor": "x", "scaleratio": 1, **ranges.get("yaxis", {})},
        "meta": {"edges_shown": kept, "edges_total": total_edges, "label_frame": list(frame)},
        # Keeps zoom and pan across the rerun a click causes; another view resets them.
        "uirevision": f"network:{node_kind}:{ego or ''}",
        "annotations": leaders,
    }
    note = None
    if kept < total_edges:
        note = f"showing {kept:,} of {total_edges:,} relations (the strongest)"
    elif total_edges == 0:
        # A list of one leader's visits names one actor and one country per event: nodes
        # without a single line otherwise look like a drawing that failed.
        plural = "actors" if node_kind == "actor" else "countries"
        note = f"no two {plural} share an event here, so none are linked; size: events"
    if note is not None:
        layout["annotations"] = [
            *leaders,
            {
                "text": note,
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1.0,
                "xanchor": "left",
                "yanchor": "bottom",
            },
        ]
    return NetworkView(go.Figure(data=traces, layout=layout), graph)


#: Layouts of the most recently drawn graphs: the same view again (a rerun, another
#: analyst on the default view, a page visited again) skips the spring layout, which
#: takes ~300 ms for 400 nodes. Keyed by the graph's nodes and weighted edges.
LAYOUT_CACHE_SIZE = 64
_LAYOUTS: OrderedDict[tuple, dict[str, tuple[float, float]]] = OrderedDict()
_LAYOUT_LOCK = threading.Lock()


#: Label places (and the axes' frame) of the most recently drawn views, likewise
#: (choosing them takes ~300 ms on a dense 150-node network): keyed by the nodes with
#: their events, the weighted edges, the ego and the nodes' positions.
_LABEL_PLACES: OrderedDict[tuple, tuple[dict[str, LabelPlace], tuple[float, float]]] = OrderedDict()


def _cached(cache: OrderedDict, key: tuple, compute):
    """``cache[key]``, computed by ``compute()`` when missing; the cache keeps the
    :data:`LAYOUT_CACHE_SIZE` most recently used."""
    with _LAYOUT_LOCK:
        cached = cache.get(key)
        if cached is not None:
            cache.move_to_end(key)
            return cached
    value = compute()
    with _LAYOUT_LOCK:
        cache[key] = value
        while len(cache) > LAYOUT_CACHE_SIZE:
            cache.popitem(last=False)
    return value


def _edge_key(graph: nx.Graph) -> tuple:
    return tuple((u, v, data["weight"]) for u, v, data in graph.edges(data=True))


def _spring_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Node positions (rounded) from networkx's spring layout with a fixed seed, cached."""
    return _cached(
        _LAYOUTS,
        (tuple(graph.nodes), _edge_key(graph)),
        lambda: {
            node: (round(float(p[0]), 4), round(float(p[1]), 4))
            for node, p in _layout(graph).items()
        },
    )


def label_layout(
    graph: nx.Graph, xy: dict, ego: str | None = None
) -> tuple[dict[str, LabelPlace], tuple[float, float]]:
    """Where a drawn view's labels go (:func:`choose_labels`) and the frame its axes show
    round the nodes, cached.

    The axes kept a quarter of the nodes' span above and below them (:data:`LABEL_FRAME`)
    for leader-line labels, and the nodes spanned two thirds of a wide window's plot
    height. Labels are now laid out in :data:`SMALL_FRAME` (a tenth), and the axes show
    the smallest frame at which they hold (:func:`fitted_frame`). Only if that leaves one
    of the most connected nodes (:data:`ALWAYS_LABELLED`, and the ego) unnamed are they
    laid out with :data:`LABEL_FRAME`'s room, kept when it names more of them.
    """
    key = (tuple(graph.nodes(data="events")), _edge_key(graph), ego, tuple(xy.items()))
    return _cached(_LABEL_PLACES, key, lambda: _label_layout(graph, xy, ego))


def _label_layout(
    graph: nx.Graph, xy: dict, ego: str | None
) -> tuple[dict[str, LabelPlace], tuple[float, float]]:
    always = ALWAYS_LABELLED + (ego in graph)
    busiest = set(_most_connected(graph, ego)[:always])
    places = choose_labels(graph, xy, first=ego, frame=SMALL_FRAME)
    if busiest <= set(places):
        return places, fitted_frame(graph, xy, places, SMALL_FRAME)
    roomy = choose_labels(graph, xy, first=ego)
    if len(busiest & set(roomy)) > len(busiest & set(places)):
        return roomy, fitted_frame(graph, xy, roomy, LABEL_FRAME)
    return places, fitted_frame(graph, xy, places, SMALL_FRAME)


def _most_connected(graph: nx.Graph, ego: str | None = None) -> list[str]:
    """The nodes, most connected first: the ego (if any), then by weighted degree (events
    shared with others), then the node's own events, then the name."""
    degree = dict(graph.degree(weight="weight"))
    ego = ego if ego in graph else None
    return sorted(graph.nodes, key=lambda n: (n != ego, -degree[n], -graph.nodes[n]["events"], n))


#: Nodes without relations go on a ring this far out (the linked nodes span -1..1).
UNLINKED_RING = 1.15
#: A group of linked nodes with fewer than this share of the biggest group's nodes goes
#: on the ring too, drawn small: laid out together, a few separate pairs pushed the
#: biggest group of a real ACLED table into a tenth of the picture.
SMALL_GROUP_SHARE = 0.25
#: Half the side of the square a small group on the ring is drawn within, at most.
SMALL_GROUP_RADIUS = 0.1


def _layout(graph: nx.Graph) -> dict:
    """Spring layout of the big groups of linked nodes over the whole square; small
    groups (drawn small) and unlinked nodes on a ring around them, biggest then busiest
    first. Laid out together, the unlinked ones pushed the linked core of a real ACLED
    table into a sixth of the picture, and separate pairs did the same."""
    groups = sorted(
        (sorted(c) for c in nx.connected_components(graph)),
        key=lambda nodes: (-len(nodes), -sum(graph.nodes[n]["events"] for n in nodes), nodes),
    )
    if len(groups) == 1 or len(groups[0]) == 1:
        return nx.spring_layout(graph, seed=LAYOUT_SEED)
    # Biggest first: the big groups are a prefix of the list.
    big = sum(len(nodes) >= SMALL_GROUP_SHARE * len(groups[0]) for nodes in groups)
    core = [n for nodes in groups[:big] for n in nodes]
    ring = groups[big:]
    layout = dict(nx.spring_layout(_subgraph(graph, core), seed=LAYOUT_SEED))
    radius = min(SMALL_GROUP_RADIUS, np.pi * UNLINKED_RING / max(len(ring), 1))
    for k, nodes in enumerate(ring):
        angle = np.pi / 2 - 2 * np.pi * k / len(ring)
        centre = (UNLINKED_RING * np.cos(angle), UNLINKED_RING * np.sin(angle))
        if len(nodes) == 1:
            layout[nodes[0]] = centre
            continue
        placed = nx.spring_layout(
            _subgraph(graph, nodes), seed=LAYOUT_SEED, scale=radius, center=centre
        )
        layout.update(placed)
    return layout


def _subgraph(graph: nx.Graph, nodes: list) -> nx.Graph:
    """``graph``'s subgraph on ``nodes``, its nodes in that order. ``graph.subgraph`` of
    less than half the graph lists its nodes in a set's order, which varies with Python's
    string hashing: the spring layout (seeded, but by node order) drew another picture in
    every process."""
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(graph.subgraph(nodes).edges(data=True))
    return sub


def prepare(
    table: EventTable, node_kinds: tuple[str, ...] = NODE_KINDS, *, lay_out: bool = True
) -> None:
    """Do now (right after loading) what the first Network visit would otherwise do.

    Builds the table's edge indexes and, with ``lay_out``, the whole-table network of
    each kind, whose layout (~400 ms at 1M events) is then cached for the view every
    analyst opens first. The build's freed scratch memory goes back to the OS.

    Parameters
    ----------
    table
        The shared table; the indexes live as long as it does.
    node_kinds
        Which networks to prepare.
    lay_out
        Also lay out the unfiltered network of each kind.
    """
    for kind in node_kinds:
        _edge_index(table, kind)
    if lay_out and len(table):
        everything = np.arange(len(table))
        for kind in node_kinds:
            build_network(table, everything, node_kind=kind)
    # The build's scratch (~280 MB at 1M events) would otherwise stay in the heap.
    return_freed_memory()


def _strongest(edges: pd.DataFrame, k: int) -> pd.DataFrame:
    """The ``k`` heaviest edges; ties at the cut go in (u, v) order, the frame's order."""
    if len(edges) <= k:
        return edges
    if k == 0:
        return edges.iloc[:0]
    weight = edges["weight"].to_numpy()
    # A partition, not a sort: linear in the number of edges.
    cut = np.partition(weight, len(weight) - k)[len(weight) - k]
    above = np.flatnonzero(weight > cut)
    at_cut = np.flatnonzero(weight == cut)[: k - len(above)]
    return edges.iloc[np.sort(np.concatenate([above, at_cut]))]


def _code_of(names: list[str], name: str) -> int | None:
    try:
        return names.index(name)
    except ValueError:
        return None


def _network_data(
    table: EventTable, positions: np.ndarray, node_kind: str
) -> tuple[list[str], np.ndarray, list[str], pd.DataFrame]:
    """(node names, events per node, country per node, edge frame) for the selection.

    The whole table's (the unfiltered view every analyst opens first, ~250 ms at 1M
    events) is computed once per table and shared: callers never change what they get.
    """
    index = _edge_index(table, node_kind)
    positions = as_positions(positions, len(table))
    if len(positions) == len(table):  # positions are distinct: this is every event
        with _INDEX_LOCK:
            cached = _EVERYTHING.setdefault(table, {}).get(node_kind)
        if cached is None:
            cached = _selection_data(table, index, positions, node_kind)
            cached[1].flags.writeable = False
            with _INDEX_LOCK:
                _EVERYTHING[table][node_kind] = cached
        return cached
    return _selection_data(table, index, positions, node_kind)


def _selection_data(
    table: EventTable, index: _EdgeIndex, positions: np.ndarray, node_kind: str
) -> tuple[list[str], np.ndarray, list[str], pd.DataFrame]:
    mask = selected_mask(positions, len(table))
    postings = table.countries if node_kind == "country" else table.participants
    codes, _ = postings_pairs(postings, mask)
    counts = np.bincount(codes, minlength=len(index.names))
    keep = mask[index.pair_event]
    n_edges = len(index.edge_u)
    # One bincount over (edge, relation) cells gives all three counts.
    cells = index.pair_edge[keep].astype(np.int64) * 3 + index.pair_relation[keep]
    by_relation = np.bincount(cells, minlength=3 * n_edges).reshape(n_edges, 3)
    weight = by_relation.sum(axis=1)
    cooperation, conflict = by_relation[:, 0], by_relation[:, 1]
    used = np.flatnonzero(weight)
    # 32-bit columns (node codes and counts of events both fit): the whole table's frame,
    # kept for the table's life, is 943k edges at 1M events. When every edge is used (the
    # whole table) its ends are the index's own arrays, shared rather than copied.
    every = len(used) == n_edges
    columns = {
        "u": index.edge_u if every else index.edge_u[used],
        "v": index.edge_v if every else index.edge_v[used],
        "weight": weight[used],
        "cooperation": cooperation[used],
        "conflict": conflict[used],
    }
    edges = pd.DataFrame(
        {name: np.asarray(values, dtype=np.int32) for name, values in columns.items()},
        copy=False,
    )
    return index.names, counts, index.countries, edges


def _relation_codes(table: EventTable) -> np.ndarray:
    """Per event-type code: 0 cooperation, 1 conflict, 2 unclassified."""
    order = {"cooperation": 0, "conflict": 1}
    return np.asarray(
        [order.get(colours.relation_class(t), 2) for t in table.event_types], dtype=np.int8
    )


@dataclass(frozen=True, eq=False)
class _EdgeIndex:
    """Every (edge, event) link of a whole table, so a selection only needs bincounts."""

    names: list[str]
    countries: list[str]
    edge_u: np.ndarray
    edge_v: np.ndarray
    pair_edge: np.ndarray
    pair_event: np.ndarray
    pair_relation: np.ndarray


# One index per (table, node kind), built on first use and dropped with the table:
# the table is shared read-only by every session, so the index is too.
_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_INDEX_LOCK = threading.Lock()
# The whole table's network data per node kind, kept like the indexes.
_EVERYTHING: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _edge_index(table: EventTable, node_kind: str) -> _EdgeIndex:
    if node_kind not in NODE_KINDS:
        raise ValueError(f"node_kind must be one of {NODE_KINDS}, not {node_kind!r}")
    with _INDEX_LOCK:
        per_table = _INDEXES.setdefault(table, {})
        if node_kind not in per_table:
            per_table[node_kind] = _build_edge_index(table, node_kind)
        return per_table[node_kind]


def _build_edge_index(table: EventTable, node_kind: str) -> _EdgeIndex:
    """Link the participants (or countries) of every event, vectorised over the table."""
    everything = np.ones(len(table), dtype=bool)
    if node_kind == "country":
        names = list(table.countries.names)
        codes, events = postings_pairs(table.countries, everything)
        roles = np.zeros(len(codes), dtype=np.int64)
        link_all = everything
        countries = names
    else:
        names = list(table.participants.names)
        lookup = table.participants.lookup
        parts = []
        for role, postings in enumerate((table.actors, table.recipients)):
            remap = np.asarray([lookup[name] for name in postings.names], dtype=np.int64)
            role_codes, role_events = postings_pairs(postings, everything)
            role_codes = remap[role_codes] if len(role_codes) else role_codes
            parts.append((role_codes, role_events, np.full(len(role_codes), role)))
        codes, events, roles = (np.concatenate(p) for p in zip(*parts, strict=True))
        link_all = _type_mask(table, MULTILATERAL)
        countries = [table.directory.country_of(name) for name in names]
    u, v, pair_event = _links(codes, events, roles, link_all)
    keys = (u << 32) | v
    edge_keys, pair_edge = np.unique(keys, return_inverse=True)
    return _EdgeIndex(
        names=names,
        countries=countries,
        # Node codes fit 32 bits (they were packed in one int64 key): half the memory.
        edge_u=(edge_keys >> 32).astype(np.int32),
        edge_v=(edge_keys & 0xFFFFFFFF).astype(np.int32),
        pair_edge=pair_edge.astype(np.int32),
        pair_event=pair_event.astype(np.int32),
        pair_relation=_relation_codes(table)[table.type_codes[pair_event]],
    )


def _links(
    codes: np.ndarray, events: np.ndarray, roles: np.ndarray, link_all: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(u < v, event) for every pair in an event: actor-recipient, actor-actor, and
    every pair where ``link_all`` (multilateral meetings). Role 0 is actor, 1 recipient."""
    empty = np.zeros(0, dtype=np.int64)
    if len(codes) == 0:
        return empty, empty, empty
    # One packed sort groups items by event, then by code, actors before recipients.
    keys = np.sort((events.astype(np.int64) << 32) | (codes.astype(np.int64) << 1) | roles)
    event, code, role = keys >> 32, (keys >> 1) & 0x7FFFFFFF, keys & 1
    # Someone both actor and recipient of one event counts once, as actor.
    first = np.ones(len(keys), dtype=bool)
    first[1:] = (event[1:] != event[:-1]) | (code[1:] != code[:-1])
    event, code, role = event[first], code[first], role[first]
    links_everyone = link_all[event]
    u_parts, v_parts, e_parts = [], [], []
    # Pair each item with the one `step` places later while they share an event;
    # the candidates shrink each step, so the work is the number of pairs.
    candidates = np.arange(len(event))
    step = 1
    while len(candidates):
        candidates = candidates[candidates + step < len(event)]
        candidates = candidates[event[candidates] == event[candidates + step]]
        later = candidates + step
        keep = links_everyone[candidates] | (role[candidates] == 0) | (role[later] == 0)
        u_parts.append(code[candidates[keep]])
        v_parts.append(code[later[keep]])
        e_parts.append(event[candidates[keep]])
        step += 1
    return np.concatenate(u_parts), np.concatenate(v_parts), np.concatenate(e_parts)


def _type_mask(table: EventTable, type_name: str) -> np.ndarray:
    if type_name not in table.event_types:
        return np.zeros(len(table), dtype=bool)
    return table.type_codes == table.event_types.index(type_name)


def _relation(cooperation: int, conflict: int) -> str:
    if cooperation == conflict == 0:
        return "unclassified"
    return "cooperation" if cooperation > conflict else "conflict"


def _graph(
    nodes: tuple[tuple[str, int, str], ...], edges: tuple[tuple[str, str, int, int, int], ...]
) -> nx.Graph:
    """A graph with nodes and edges added in sorted order (layouts depend on the order)."""
    graph = nx.Graph()
    for name, events, country in sorted(nodes):
        graph.add_node(name, events=int(events), country=country)
    for u, v, weight, cooperation, conflict in sorted(edges):
        graph.add_edge(
            u,
            v,
            weight=int(weight),
            cooperation=int(cooperation),
            conflict=int(conflict),
            relation=_relation(cooperation, conflict),
        )
    return graph


def _add_edge_traces(traces: list[dict], graph: nx.Graph, xy: dict) -> None:
    """Edges as line traces (NaN-separated), one legend group per relation class.

    Coordinates go in as numpy arrays: Plotly validates lists element by element,
    arrays in one step (and sends them as compact binary).
    """
    if graph.number_of_edges() == 0:
        return
    top = max(w for _, _, w in graph.edges(data="weight"))
    for relation in RELATION_CLASSES:
        edges = [(u, v, d) for u, v, d in graph.edges(data=True) if d["relation"] == relation]
        if not edges:
            continue
        colour = RELATION_COLOURS[relation]
        first = True
        for level, width in enumerate(_EDGE_WIDTHS):
            chosen = [e for e in edges if _width_level(e[2]["weight"], top) == level]
            if not chosen:
                continue
            # u, v, gap for every edge: a NaN breaks the line between edges.
            segments = np.full((len(chosen), 3, 2), np.nan)
            segments[:, 0] = [xy[u] for u, _, _ in chosen]
            segments[:, 1] = [xy[v] for _, v, _ in chosen]
            traces.append(
                dict(
                    type="scatter",
                    x=segments[:, :, 0].ravel(),
                    y=segments[:, :, 1].ravel(),
                    mode="lines",
                    line={"color": colour, "width": width},
                    hoverinfo="skip",
                    name=relation,
                    legendgroup=relation,
                    showlegend=first,
                    meta={"role": "edges", "relation": relation},
                )
            )
            first = False
        # Lines do not hover between their ends: an invisible marker mid-edge does.
        middle = np.asarray([np.add(xy[u], xy[v]) / 2 for u, v, _ in edges])
        traces.append(
            dict(
                type="scatter",
                x=middle[:, 0],
                y=middle[:, 1],
                mode="markers",
                marker={"size": 8, "color": colour, "opacity": 0},
                hovertext=np.asarray([_edge_hover(u, v, d) for u, v, d in edges], dtype=object),
                hovertemplate="%{hovertext}<extra></extra>",
                name=relation,
                legendgroup=relation,
                showlegend=False,
                meta={"role": "edge-hover", "relation": relation},
            )
        )


def _width_level(weight: int, top: int) -> int:
    """Width bucket of an edge, on a log scale relative to the heaviest edge."""
    if top <= 1:
        return 0
    share = np.log1p(weight) / np.log1p(top)
    return min(len(_EDGE_WIDTHS) - 1, int(share * len(_EDGE_WIDTHS)))


def _edge_hover(u: str, v: str, data: dict) -> str:
    return (
        f"{plain_label(u, LABEL_CHARS)} – {plain_label(v, LABEL_CHARS)}<br>"
        f"{data['weight']} shared event{'s' if data['weight'] != 1 else ''}: "
        f"{data['cooperation']} cooperation, {data['conflict']} conflict"
    )


def _add_node_traces(traces: list[dict], graph: nx.Graph, xy: dict) -> None:
    """Nodes sized by their number of events and coloured by country (labels are drawn
    above them all by :func:`_add_labels`).

    The busiest countries get a trace (and legend entry) each; the others share one
    trace whose points keep their own country colours, which keeps the figure quick
    to build and its legend readable with two hundred countries.
    """
    by_country: dict[str, list[str]] = {}
    for node, country in graph.nodes(data="country"):
        by_country.setdefault(country or "", []).append(node)
    top = max(count for _, count in graph.nodes(data="events")) or 1
    weight = {c: sum(graph.nodes[n]["events"] for n in ns) for c, ns in by_country.items()}
    order = sorted(by_country, key=lambda c: (c == "", -weight[c], c))
    groups = [(c or UNKNOWN_COUNTRY, by_country[c]) for c in order[:MAX_COUNTRY_TRACES]]
    rest = [n for c in order[MAX_COUNTRY_TRACES:] for n in by_country[c]]
    if rest:
        groups.append((f"{len(order) - MAX_COUNTRY_TRACES} other countries", rest))
    for label, nodes in groups:
        events = [graph.nodes[n]["events"] for n in nodes]
        node_countries = [graph.nodes[n]["country"] for n in nodes]
        traces.append(
            dict(
                type="scatter",
                x=np.asarray([xy[n][0] for n in nodes]),
                y=np.asarray([xy[n][1] for n in nodes]),
                mode="markers",
                marker={
                    "size": np.round(_node_size(np.asarray(events), top), 1),
                    "color": np.asarray(
                        [colours.country_colour(c) for c in node_countries], dtype=object
                    ),
                    "line": {"color": "rgba(255,255,255,0.9)", "width": 1},
                },
                customdata=np.asarray(nodes, dtype=object).reshape(-1, 1),
                hovertext=np.asarray(
                    [
                        f"<b>{plain_label(n, LABEL_CHARS)}</b><br>"
                        f"{plain_label(c or UNKNOWN_COUNTRY, LABEL_CHARS)}<br>"
                        f"{e} event{'s' if e != 1 else ''}"
                        for n, c, e in zip(nodes, node_countries, events, strict=True)
                    ],
                    dtype=object,
                ),
                hovertemplate="%{hovertext}<extra></extra>",
                name=plain_label(label, LABEL_CHARS),
                legendgroup=f"country:{label}",
                meta={"role": "nodes"},
            )
        )


def _add_labels(
    traces: list[dict], graph: nx.Graph, xy: dict, labelled: dict[str, LabelPlace]
) -> list[dict]:
    """Draw the labels of :func:`choose_labels` above every node: those beside their node
    as one text trace after the node traces (in each country's trace, a later country's
    markers were drawn over an earlier one's labels); returns the leader-line labels as
    annotations (drawn above all traces), each named ``label:<node>``.

    The text trace carries invisible markers of the nodes' sizes, so that Plotly offsets
    each label from its node as :func:`label_box` models; it takes no hover or click (the
    node traces keep them).
    """
    beside = [n for n, place in labelled.items() if isinstance(place, str)]
    if beside:
        traces.append(
            dict(
                type="scatter",
                x=np.asarray([xy[n][0] for n in beside]),
                y=np.asarray([xy[n][1] for n in beside]),
                mode="markers+text",
                text=np.asarray([plain_label(n, LABEL_CHARS) for n in beside], dtype=object),
                textposition=np.asarray([labelled[n] for n in beside], dtype=object),
                # A halo in the background's colour (light or dark theme): a label
                # over an edge line stays readable, the line broken under its letters.
                textfont={"size": LABEL_FONT_PX, "shadow": LABEL_HALO},
                marker={
                    "size": np.round(_node_sizes(graph, beside), 1),
                    "color": "rgba(0,0,0,0)",
                    "line": {"width": 0},
                },
                customdata=np.asarray(beside, dtype=object).reshape(-1, 1),
                hoverinfo="skip",
                showlegend=False,
                name="labels",
                meta={"role": "labels"},
            )
        )
    leaders = [n for n, place in labelled.items() if not isinstance(place, str)]
    sizes = dict(zip(leaders, _node_sizes(graph, leaders), strict=True))
    return [
        {
            "name": f"label:{n}",
            "text": "<br>".join(leader_text(n)),
            "x": xy[n][0],
            "y": xy[n][1],
            "xref": "x",
            "yref": "y",
            # The label's centre, in data units: it keeps its place among the nodes
            # at every plot width (the layout scales with the plot).
            "ax": xy[n][0] + labelled[n][0],
            "ay": xy[n][1] + labelled[n][1],
            "axref": "x",
            "ayref": "y",
            "showarrow": True,
            "arrowhead": 0,
            "arrowwidth": 1,
            "arrowcolor": LEADER_COLOUR,
            # The line starts at the marker's rim, not over the node.
            "standoff": round(float(sizes[n]) / 2 + 1, 1),
            "font": {"size": LABEL_FONT_PX, "shadow": LABEL_HALO},
        }
        for n in leaders
    ]


def _node_size(events: np.ndarray, top: int) -> np.ndarray:
    """Marker diameter (px) of nodes with ``events`` events, the busiest having ``top``."""
    return 8 + 22 * np.sqrt(events / top)


@dataclass(frozen=True)
class LabelBox:
    """Where a node's label is drawn, in px of the :data:`PLOT_PX` plot (y grows down)."""

    node: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: LabelBox) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


#: Where a label may go around its node, tried in this order (Plotly textposition).
LABEL_POSITIONS: tuple[str, ...] = (
    "top center",
    "bottom center",
    "middle right",
    "middle left",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
)
_SIGN = {"top": -1, "middle": 0, "bottom": 1, "left": -1, "center": 0, "right": 1}


def label_box(
    node: str, text: str, x_px: float, y_px: float, size_px: float, position: str = "top center"
) -> LabelBox:
    """The box of ``text`` drawn at ``position`` (a Plotly textposition of
    :data:`LABEL_POSITIONS`) around a node of diameter ``size_px`` centred at (x, y).

    Placed as Plotly places it (``Drawing.textPointPosition``: offset by
    radius / 0.8 + 1 from the centre); the width is estimated at 0.62 em per character
    (wider than the fonts' average), the height from 0.95 em above the baseline to
    0.25 em below.
    """
    edges = _label_edges(
        np.asarray([x_px]),
        np.asarray([y_px]),
        np.asarray([size_px]),
        _text_widths([text]),
        position,
    )
    return LabelBox(node, *(float(v) for v in edges[0]))


def _text_widths(texts) -> np.ndarray:
    return np.asarray([0.62 * LABEL_FONT_PX * len(t) for t in texts], dtype=np.float64)


def _label_edges(
    x: np.ndarray, y: np.ndarray, sizes: np.ndarray, widths: np.ndarray, position: str
) -> np.ndarray:
    """(left, top, right, bottom) of labels at ``position`` (see :func:`label_box`)."""
    vertical, horizontal = position.split()
    v, h = _SIGN[vertical], _SIGN[horizontal]
    offset = sizes / 2 / 0.8 + 1
    baseline = y + 0.75 * LABEL_FONT_PX + v * offset + (v - 1) * LABEL_FONT_PX / 2
    left = x + h * offset - widths * (1 - h) / 2  # Plotly anchors text at its end/middle/start
    return np.stack(
        [left, baseline - 0.95 * LABEL_FONT_PX, left + widths, baseline + 0.25 * LABEL_FONT_PX],
        axis=1,
    )


#: A label's place: a :data:`LABEL_POSITIONS` textposition beside its node, or the (dx, dy)
#: offset (data units, y up) of its centre from the node's centre, joined by a leader line.
LabelPlace = str | tuple[float, float]


def leader_text(node: str) -> list[str]:
    """The lines of ``node``'s leader-line label: its cut name (as :func:`plain_label`)
    wrapped at spaces to about :data:`LEADER_LINE_CHARS` characters, each escaped."""
    name = html.unescape(plain_label(node, LABEL_CHARS))
    lines = textwrap.wrap(
        name, LEADER_LINE_CHARS, break_long_words=False, break_on_hyphens=False
    ) or [name]
    return [html.escape(line, quote=False) for line in lines]


def _leader_edges(x: np.ndarray, y: np.ndarray, lines: list[str], dx, dy) -> np.ndarray:
    """(left, top, right, bottom) of a leader-line label of ``lines`` centred at
    (x + dx, y + dy): the widest line as :func:`_text_widths` estimates it, 1.3 em a line,
    plus the annotation's padding and border (1 px each, every side)."""
    half_w = float(_text_widths([max(lines, key=len)])[0]) / 2 + 2
    half_h = 0.65 * LABEL_FONT_PX * len(lines) + 2
    cx, cy = x + dx, y + dy
    return np.stack([cx - half_w, cy - half_h, cx + half_w, cy + half_h], axis=-1)


def to_pixels(
    xy: dict[str, tuple[float, float]],
    plot: tuple[float, float] = PLOT_PX,
    frame: tuple[float, float] = LABEL_FRAME,
) -> dict[str, tuple[float, float]]:
    """Node positions in px of a ``plot`` (width, height) area with equal x and y scales
    (as drawn: the y axis is anchored to the x axis), the axes framing the nodes by
    ``frame`` (:data:`LABEL_FRAME`; the figure's is in ``layout.meta["label_frame"]``)."""
    nodes = list(xy)
    x, y = _pixel_arrays(xy, nodes, plot, frame)
    return {node: (float(a), float(b)) for node, a, b in zip(nodes, x, y, strict=True)}


def _pixel_arrays(
    xy: dict, nodes, plot: tuple[float, float], frame: tuple[float, float] = LABEL_FRAME
) -> tuple[np.ndarray, np.ndarray]:
    """x and y (px) of ``nodes`` in ``plot`` (see :func:`to_pixels`)."""
    if not xy:
        return np.zeros(0), np.zeros(0)
    xs = np.asarray([p[0] for p in xy.values()])
    ys = np.asarray([p[1] for p in xy.values()])
    width, height = plot
    scale = _scale(xy, plot, frame)
    cx, cy = (xs.min() + xs.max()) / 2, (ys.min() + ys.max()) / 2
    nx_ = np.asarray([xy[n][0] for n in nodes], dtype=np.float64)
    ny_ = np.asarray([xy[n][1] for n in nodes], dtype=np.float64)
    return width / 2 + (nx_ - cx) * scale, height / 2 - (ny_ - cy) * scale


def _scale(xy: dict, plot: tuple[float, float], frame: tuple[float, float] = LABEL_FRAME) -> float:
    """Pixels per data unit of ``xy`` drawn in ``plot`` (equal x and y scales)."""
    span_x, span_y = _spans(
        np.asarray([p[0] for p in xy.values()]), np.asarray([p[1] for p in xy.values()]), frame
    )
    return min(plot[0] / span_x, plot[1] / span_y)


def _spans(
    xs: np.ndarray, ys: np.ndarray, frame: tuple[float, float] = LABEL_FRAME
) -> tuple[float, float]:
    """The axis ranges' widths (data units) :func:`_axis_ranges` sets."""
    return (
        max(np.ptp(xs), 1e-9) * (1 + 2 * frame[0]),
        max(np.ptp(ys), 1e-9) * (1 + 2 * frame[1]),
    )


def _axis_ranges(xy: dict, frame: tuple[float, float] = LABEL_FRAME) -> dict[str, dict]:
    """The x and y axes' ranges: the nodes plus a ``frame`` (:data:`LABEL_FRAME`) of their
    span on every side, centred (with equal scales Plotly widens one of them to fill the
    plot, about the centre, as :func:`_pixel_arrays` models)."""
    xs = np.asarray([p[0] for p in xy.values()])
    ys = np.asarray([p[1] for p in xy.values()])
    if len(xy) < 2 or min(np.ptp(xs), np.ptp(ys)) < 1e-6:
        return {}
    span_x, span_y = _spans(xs, ys, frame)
    cx, cy = (xs.min() + xs.max()) / 2, (ys.min() + ys.max()) / 2
    return {
        "xaxis": {"range": [float(cx - span_x / 2), float(cx + span_x / 2)]},
        "yaxis": {"range": [float(cy - span_y / 2), float(cy + span_y / 2)]},
    }


#: The frames (y share of the nodes' span above and below) tried once the labels are laid
#: out, smallest first: see :func:`fitted_frame`.
FITTED_FRAMES: tuple[float, ...] = (0.05, 0.1, 0.15, 0.2)
#: The frame labels are laid out in (:func:`label_layout`): on real ACLED, GDELT, ICEWS
#: and the article's tables it still names the busiest ten.
SMALL_FRAME: tuple[float, float] = (LABEL_FRAME[0], 0.1)


def fitted_frame(
    graph: nx.Graph,
    xy: dict,
    places: dict[str, LabelPlace],
    laid_out: tuple[float, float] = SMALL_FRAME,
) -> tuple[float, float]:
    """The smallest frame (of :data:`FITTED_FRAMES` up to ``laid_out``, the frame the
    labels ``places`` were laid out in) at which they still hold at every plot size of
    :func:`plot_sizes`: each inside the plot, over no other label and no other node's
    marker (with :data:`LABEL_MARGIN_PX`), and no marker cut at the top or bottom; else
    ``laid_out``. A smaller frame draws the same labels on a bigger network (beside-labels
    are px from their node, leader labels data units: both keep their place among the
    nodes); the labels seldom use all of the room kept for them.
    """
    if len(xy) < 2:
        return laid_out
    for share in FITTED_FRAMES:
        frame = (laid_out[0], share)
        if share >= laid_out[1]:
            break
        sizes = plot_sizes(graph, xy, frame)
        if all(_labels_hold(graph, xy, places, plot, frame) for plot in sizes):
            return frame
    return laid_out


def _labels_hold(
    graph: nx.Graph,
    xy: dict,
    places: dict[str, LabelPlace],
    plot: tuple[float, float],
    frame: tuple[float, float],
) -> bool:
    """Whether ``places`` hold in ``plot`` with ``frame`` (see :func:`fitted_frame`)."""
    labelled, nodes = list(places), list(graph.nodes)
    margin = np.asarray([-1, -1, 1, 1]) * LABEL_MARGIN_PX
    labels = (
        np.asarray(
            [
                [b.left, b.top, b.right, b.bottom]
                for b in label_boxes(graph, xy, labelled, plot, places, frame)
            ]
        )
        + margin
    )
    markers = _marker_edges(*_pixel_arrays(xy, nodes, plot, frame), _node_sizes(graph, nodes))
    if not _inside(labels[None], [plot]).all():
        return False
    if (markers[:, 1] < 0).any() or (markers[:, 3] > plot[1]).any():
        return False
    clash = _overlap_matrix(labels, labels)
    np.fill_diagonal(clash, False)
    covers = _overlap_matrix(labels, markers)
    column = {node: k for k, node in enumerate(nodes)}
    covers[np.arange(len(labelled)), [column[n] for n in labelled]] = False
    return not clash.any() and not covers.any()


def plot_sizes(
    graph: nx.Graph, xy: dict, frame: tuple[float, float] = LABEL_FRAME
) -> list[tuple[float, float]]:
    """The plot areas (px) labels are laid out for: every width from the narrowest (an
    800 px window: the figure is :data:`NARROW_FIGURE_PX` wide; the legend is below) to
    the one where the height sets the scale (equal scales: wider windows draw the same
    picture), in :data:`LABEL_LAYOUT_STEPS` steps."""
    height = PLOT_PX[1]
    narrow = NARROW_FIGURE_PX - 20  # the figure's side margins
    if not xy:
        return [(narrow, height)]
    span_x, span_y = _spans(
        np.asarray([p[0] for p in xy.values()]), np.asarray([p[1] for p in xy.values()]), frame
    )
    wide = height * span_x / span_y
    if wide <= narrow:
        return [(narrow, height)]
    return [(float(w), height) for w in np.linspace(narrow, wide, LABEL_LAYOUT_STEPS)]


def _node_sizes(graph: nx.Graph, nodes) -> np.ndarray:
    top = max((count for _, count in graph.nodes(data="events")), default=1) or 1
    return _node_size(np.asarray([graph.nodes[n]["events"] for n in nodes], dtype=np.float64), top)


def label_boxes(
    graph: nx.Graph,
    xy: dict,
    nodes,
    plot: tuple[float, float] = PLOT_PX,
    positions: dict[str, LabelPlace] | str = "top center",
    frame: tuple[float, float] = LABEL_FRAME,
) -> list[LabelBox]:
    """The label boxes of ``nodes`` in ``plot``, each at its place (one position for all,
    or a node -> place dict as :func:`choose_labels` returns: beside the node, or at a
    leader line's end); the axes frame the nodes by ``frame``."""
    nodes = list(nodes)
    x, y = _pixel_arrays(xy, nodes, plot, frame)
    scale = _scale(xy, plot, frame) if xy else 1.0
    sizes = _node_sizes(graph, nodes)
    widths = _text_widths(plain_label(n, LABEL_CHARS) for n in nodes)
    out = []
    for i, node in enumerate(nodes):
        where = positions if isinstance(positions, str) else positions[node]
        if isinstance(where, str):
            edges = _label_edges(
                x[i : i + 1], y[i : i + 1], sizes[i : i + 1], widths[i : i + 1], where
            )
        else:
            dx, dy = where[0] * scale, -where[1] * scale  # data units, y up -> px, y down
            edges = _leader_edges(x[i : i + 1], y[i : i + 1], leader_text(node), dx, dy)
        out.append(LabelBox(node, *(float(v) for v in edges[0])))
    return out


def marker_boxes(
    graph: nx.Graph,
    xy: dict,
    nodes,
    plot: tuple[float, float] = PLOT_PX,
    frame: tuple[float, float] = LABEL_FRAME,
) -> list[LabelBox]:
    """The boxes of the markers of ``nodes`` in ``plot`` (diameter plus the white rim)."""
    nodes = list(nodes)
    edges = _marker_edges(*_pixel_arrays(xy, nodes, plot, frame), _node_sizes(graph, nodes))
    return [
        LabelBox(node, *(float(v) for v in row)) for node, row in zip(nodes, edges, strict=True)
    ]


def _marker_edges(x: np.ndarray, y: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    half = sizes / 2 + 1
    return np.stack([x - half, y - half, x + half, y + half], axis=1)


def _overlap_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``[i, j]``: box ``a[i]`` overlaps box ``b[j]`` (rows: left, top, right, bottom)."""
    return (
        (a[:, None, 0] < b[None, :, 2])
        & (b[None, :, 0] < a[:, None, 2])
        & (a[:, None, 1] < b[None, :, 3])
        & (b[None, :, 1] < a[:, None, 3])
    )


def choose_labels(
    graph: nx.Graph,
    xy: dict,
    limit: int | None = None,
    first: str | None = None,
    frame: tuple[float, float] = LABEL_FRAME,
) -> dict[str, LabelPlace]:
    """The nodes that get a visible label, and where (node -> a :data:`LabelPlace`).

    The most connected first, each at the first position beside it where, at every plot
    size of :func:`plot_sizes`, its label covers no node's marker but its own and no label
    already placed; at most ``limit`` (:data:`MAX_LABELS`). The :data:`ALWAYS_LABELLED`
    most connected that find no room beside them are labelled in free room nearby, joined
    to the node by a leader line (the nearest offset of :data:`LEADER_RADII_PX` whose label
    covers no marker and no label, inside the plot at every size, and whose line crosses
    no label); later labels keep off those lines too. "Most connected" is the weighted
    degree (events shared with others), then the node's own events, then the name: the
    same picture on every run. Nodes without relations are labelled only when every node
    could be. ``first`` (an ego network's actor) is labelled before all others and as
    surely as they: the picture is about it, and its neighbours' links among themselves
    often make another node more connected (on real ACLED tables, 7 of 11 egos had no
    label).
    """
    limit = MAX_LABELS if limit is None else limit
    degree = dict(graph.degree(weight="weight"))
    ego = first if first in graph else None
    everyone = _most_connected(graph, ego)
    order = everyone
    always = ALWAYS_LABELLED + (ego is not None)
    if len(order) > limit:
        # Too many to name all: the labels go to nodes with relations. Unlinked nodes
        # would take the room left where hubs crowd (on a real ACLED table, 30 labels
        # named village militias of the outer ring while the hubs had none).
        order = [n for n in order if degree[n] > 0] or order
    if not order or limit <= 0:
        return {}
    sizes = _node_sizes(graph, order)
    widths = _text_widths(plain_label(n, LABEL_CHARS) for n in order)
    plots = plot_sizes(graph, xy, frame)
    pixels = [_pixel_arrays(xy, order, plot, frame) for plot in plots]
    scales = np.asarray([_scale(xy, plot, frame) for plot in plots])
    # Every drawn node's marker, the unlabelled unlinked ones too: (size, node, edge).
    markers = np.stack(
        [
            _marker_edges(*_pixel_arrays(xy, everyone, plot, frame), _node_sizes(graph, everyone))
            for plot in plots
        ]
    )
    column = {node: k for k, node in enumerate(everyone)}
    own = (np.arange(len(order)), np.asarray([column[n] for n in order], dtype=np.int64))
    margin = np.asarray([-1, -1, 1, 1]) * LABEL_MARGIN_PX
    # labels[p]: every node's label box at position p, per plot size (size, node, edge);
    # free[p]: it covers no other node's marker at any size.
    labels, free, cut = [], [], []
    for position in LABEL_POSITIONS:
        boxes = np.stack([_label_edges(x, y, sizes, widths, position) + margin for x, y in pixels])
        covers = np.zeros((len(order), len(everyone)), dtype=bool)
        for box, marker in zip(boxes, markers, strict=True):
            covers |= _overlap_matrix(box, marker)
        covers[own] = False
        labels.append(boxes)
        # Inside the plot at every size too: a long name beside a node near the edge was
        # cut off by it (on ACLED's Somalia 2025 export, 5 of 11 beside-labels at 900 px);
        # such a label goes to free room nearby by a leader line instead (``cut``).
        inside = _inside(boxes, plots).all(axis=0)
        free.append(~covers.any(axis=1) & inside)
        cut.append(~covers.any(axis=1) & ~inside)
    placed: dict[int, LabelPlace] = {}
    taken = np.zeros((len(plots), 0, 4))  # placed labels' boxes and leader lines, every size
    for i in range(len(order)):
        if len(placed) >= limit:
            break
        for p in range(len(LABEL_POSITIONS)):
            box = labels[p][:, i : i + 1, :]
            if free[p][i] and not _hits(box, taken).any():
                placed[i] = LABEL_POSITIONS[p]
                taken = np.concatenate([taken, box], axis=1)
                break
        else:
            if i < always or any(c[i] for c in cut):
                lines = leader_text(order[i])
                # A label the plot's edge cut goes near its node, or nowhere: a long line
                # across the network is for the busiest only.
                reach = None if i < always else CUT_LEADER_REACH_PX
                leader = _leader_place(
                    i, pixels, plots, scales, sizes[i], lines, markers, taken, reach
                )
                if leader is not None:
                    placed[i], reserved = leader
                    taken = np.concatenate([taken, reserved], axis=1)
    return {order[i]: place for i, place in placed.items()}


def _hits(boxes: np.ndarray, taken: np.ndarray) -> np.ndarray:
    """``[size, i]``: box ``i`` of ``boxes`` (size, n, edge) overlaps any box of ``taken``
    (size, m, edge) at that plot size."""
    a, b = boxes[:, :, None, :], taken[:, None, :, :]
    return (
        (a[..., 0] < b[..., 2])
        & (b[..., 0] < a[..., 2])
        & (a[..., 1] < b[..., 3])
        & (b[..., 1] < a[..., 3])
    ).any(axis=-1)


def _inside(boxes: np.ndarray, plots: list[tuple[float, float]]) -> np.ndarray:
    """``[size, i]``: box ``i`` of ``boxes`` (size, n, edge) lies inside that plot."""
    width = np.asarray([w for w, _ in plots])[:, None]
    height = np.asarray([h for _, h in plots])[:, None]
    return (
        (boxes[..., 0] >= 0)
        & (boxes[..., 1] >= 0)
        & (boxes[..., 2] <= width)
        & (boxes[..., 3] <= height)
    )


def _leader_offsets(x: float, y: float, plot: tuple[float, float], near: float) -> np.ndarray:
    """(dx, dy) offsets (px, y down) from a node at (x, y) to the centres of a grid over
    ``plot`` (every :data:`LEADER_GRID_PX`), at least ``near`` away, nearest first."""
    step = LEADER_GRID_PX
    gx, gy = np.meshgrid(np.arange(step / 2, plot[0], step), np.arange(step / 2, plot[1], step))
    offsets = np.stack([gx.ravel() - x, gy.ravel() - y], axis=1)
    distance = np.hypot(offsets[:, 0], offsets[:, 1])
    keep = distance >= near
    return offsets[keep][np.argsort(distance[keep], kind="stable")]


#: Points along a leader line kept clear of labels (fractions of the way to the label).
_LEADER_SAMPLES = np.linspace(0.0, 1.0, 16)


def _leader_place(
    i: int,
    pixels: list[tuple[np.ndarray, np.ndarray]],
    plots: list[tuple[float, float]],
    scales: np.ndarray,
    size: float,
    lines: list[str],
    markers: np.ndarray,
    taken: np.ndarray,
    reach: float | None = None,
) -> tuple[tuple[float, float], np.ndarray] | None:
    """The nearest leader-line place of node ``i`` (at most ``reach`` px away in the
    narrowest plot, if given) whose label, at every plot size, is in
    the plot and covers no marker (its own included) and no label; of those, the nearest
    whose label covers no leader line and whose line crosses no label, if any. Returned
    as a (dx, dy) offset in data units (y up): the label keeps its place among the nodes
    as the plot widens (the layout scales with it); with the boxes it reserves (the label
    and points along its line)."""
    x = np.asarray([px[0][i] for px in pixels])[:, None]  # (size, 1)
    y = np.asarray([px[1][i] for px in pixels])[:, None]
    radius = size / 2 + 1
    reference = _leader_offsets(
        float(x[0, 0]), float(y[0, 0]), plots[0], radius + 2 * LABEL_FONT_PX
    )
    if reach is not None:
        reference = reference[np.hypot(reference[:, 0], reference[:, 1]) <= reach]
        if not len(reference):
            return None
    grow = (scales / scales[0])[:, None, None]
    offsets = reference[None, :, :] * grow  # (size, offset, 2): px at every plot size
    margin = np.asarray([-1, -1, 1, 1]) * LABEL_MARGIN_PX
    boxes = _leader_edges(x, y, lines, offsets[..., 0], offsets[..., 1]) + margin
    ok = _inside(boxes, plots).all(axis=0)
    # The narrowest plot rules out most offsets: test the rest at every size.
    ok[ok] &= ~_hits(boxes[:1, ok], markers[:1]).any(axis=0)
    ok[ok] &= ~_hits(boxes[:, ok], markers).any(axis=0)
    labels = taken[:, taken[0, :, 0] < taken[0, :, 2]]  # the boxes, not the lines' points
    if labels.shape[1] and ok.any():
        ok[ok] &= ~_hits(boxes[:, ok], labels).any(axis=0)
    # Best, the label covers no leader line and its line crosses no label.
    clear = ok.copy()
    if taken.shape[1] > labels.shape[1] and clear.any():
        clear[clear] &= ~_hits(boxes[:, clear], taken).any(axis=0)
    # The line runs from the marker's rim to the label's centre: points along it, as
    # zero-size boxes, must clear every label placed.
    length = np.hypot(reference[:, 0], reference[:, 1])
    start = (radius / length)[:, None]
    along = start + (1 - start) * _LEADER_SAMPLES[None, :]  # (offset, k)

    def line_points(chosen: np.ndarray) -> np.ndarray:
        """(size, chosen offset, k, edge): the points of those offsets' lines (only
        these: at every plot size for every offset they cost more than the rest)."""
        px = x[:, :, None] + offsets[:, chosen, 0, None] * along[None, chosen]
        py = y[:, :, None] + offsets[:, chosen, 1, None] * along[None, chosen]
        return np.stack([px, py, px, py], axis=-1)

    if labels.shape[1] and clear.any():
        candidates = np.flatnonzero(clear)
        flat = line_points(candidates).reshape(len(plots), -1, 4)
        crossing = _hits(flat, labels).reshape(len(plots), len(candidates), -1)
        clear[candidates] &= ~crossing.any(axis=(0, 2))
    # Else lines may cross: radial lines out of a packed core fence each other in, and a
    # thin line across a label hides neither it nor a marker.
    found = np.flatnonzero(clear if clear.any() else ok)
    if not len(found):
        return None
    k = int(found[0])
    reserved = np.concatenate([boxes[:, k : k + 1, :], line_points(np.asarray([k]))[:, 0]], axis=1)
    dx, dy = reference[k] / scales[0]
    return (round(float(dx), 4), round(float(-dy), 4)), reserved


def graph_file(graph: nx.Graph, file_format: str) -> bytes:
    """``graph`` as a GraphML or GEXF file (UTF-8), for Gephi and other network tools.

    Parameters
    ----------
    graph
        A graph of :func:`network_view` (nodes with ``events`` and ``country``;
        edges with ``weight``, ``cooperation``, ``conflict`` and ``relation``).
    file_format
        "graphml" or "gexf" (the keys of :data:`GRAPH_FORMATS`).
    """
    buffer = io.BytesIO()
    if file_format == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8")
    elif file_format == "gexf":
        nx.write_gexf(graph, buffer, encoding="utf-8")
    else:
        raise ValueError(f"file_format must be one of {tuple(GRAPH_FORMATS)}, not {file_format!r}")
    return buffer.getvalue()


def _message(text: str) -> NetworkView:
    return NetworkView(_message_figure(text), nx.Graph())


def _message_figure(text: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=plain_label(text, 200),
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        font={"size": 16},
    )
    fig.update_layout(
        height=400,
        xaxis={"visible": False},
        yaxis={"visible": False},
        meta={"edges_shown": 0, "edges_total": 0},
    )
    return fig
