"""Colour-blind-safe colours and marker symbols, the same on every page and every run.

Colours come from published colour-blind-safe palettes: Okabe & Ito (2008) and
Paul Tol's *muted* scheme (https://personal.sron.nl/~pault/). Fifteen event types
cannot all be told apart by hue alone, so each quad class also has its own marker
symbol (shape is redundant with colour), and cooperation types take cool hues while
conflict types take warm ones. See docs/figures.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np

from dashboard import cameo, schema

# Okabe-Ito (black left out: it disappears on a dark theme).
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

# Paul Tol's muted scheme (pale grey is his colour for "no data").
TOL_MUTED: dict[str, str] = {
    "indigo": "#332288",
    "cyan": "#88CCEE",
    "teal": "#44AA99",
    "green": "#117733",
    "olive": "#999933",
    "sand": "#DDCC77",
    "rose": "#CC6677",
    "wine": "#882255",
    "purple": "#AA4499",
}

#: Neutral grey for unknown countries and "other" groups.
NEUTRAL_GREY = "#BBBBBB"

#: Colours of a table's event types outside our vocabulary (ACLED's strategic
#: developments, CAMEO roots, a mapped table's own types), taken in turn: none is a
#: vocabulary colour, so they are told apart from ours and, up to ten, from each other
#: (the busiest ten; the rest are :data:`NEUTRAL_GREY`).
#: Paul Tol's *vibrant*, *light* and *dark* schemes and Okabe-Ito's yellow (weak on
#: white, so last); the most distinct first, for the usual handful.
OTHER_TYPE_COLOURS: tuple[str, ...] = (
    "#EE3377",  # Tol vibrant magenta
    "#225555",  # Tol dark cyan
    "#77AADD",  # Tol light blue
    "#BBCC33",  # Tol light pear
    "#EE8866",  # Tol light orange
    "#666633",  # Tol dark yellow
    "#FFAABB",  # Tol light pink
    "#663333",  # Tol dark red
    "#CC3311",  # Tol vibrant red
    OKABE_ITO["yellow"],
)

#: One fixed colour per event type of the vocabulary: cool hues for cooperation,
#: warm hues for conflict.
EVENT_TYPE_COLOURS: dict[str, str] = {
    # verbal cooperation
    "visit": OKABE_ITO["blue"],
    "meeting": OKABE_ITO["sky blue"],
    "multilateral meeting": TOL_MUTED["indigo"],
    "statement of support": TOL_MUTED["cyan"],
    "agreement": TOL_MUTED["teal"],
    # material cooperation
    "military cooperation": OKABE_ITO["bluish green"],
    "arms transfer": TOL_MUTED["green"],
    # verbal conflict
    "condemnation": OKABE_ITO["orange"],
    "sanction/embargo call": TOL_MUTED["sand"],
    "protest": TOL_MUTED["olive"],
    # material conflict
    "sanction": OKABE_ITO["reddish purple"],
    "coup": TOL_MUTED["purple"],
    "repression/execution": TOL_MUTED["wine"],
    "violence against civilians": OKABE_ITO["vermillion"],
    "armed clash": TOL_MUTED["rose"],
}

#: Cooperation vs conflict (network edges, quad summaries): Okabe-Ito blue vs vermillion.
QUAD_COLOURS: dict[str, str] = {
    "cooperation": OKABE_ITO["blue"],
    "conflict": OKABE_ITO["vermillion"],
}

#: Marker symbol per quad class, so the class reads without colour.
QUAD_SYMBOLS: dict[str, str] = {
    "verbal cooperation": "circle",
    "material cooperation": "square",
    "verbal conflict": "diamond",
    "material conflict": "triangle-up",
}

#: Symbol for event types outside the vocabulary.
UNKNOWN_SYMBOL = "x"

#: Fixed colours for the countries that recur in the article and in regional data.
COUNTRY_COLOURS: dict[str, str] = {
    "Myanmar": OKABE_ITO["vermillion"],
    "Russia": OKABE_ITO["blue"],
    "China": OKABE_ITO["orange"],
    "United States": OKABE_ITO["bluish green"],
    "India": OKABE_ITO["reddish purple"],
    "Thailand": OKABE_ITO["sky blue"],
    "Cambodia": TOL_MUTED["wine"],
    "Laos": TOL_MUTED["olive"],
    "Vietnam": TOL_MUTED["teal"],
    "Ukraine": OKABE_ITO["yellow"],
    "Bangladesh": TOL_MUTED["green"],
    "Japan": TOL_MUTED["rose"],
    "United Kingdom": TOL_MUTED["indigo"],
    "Indonesia": TOL_MUTED["sand"],
    "Malaysia": TOL_MUTED["cyan"],
    "Singapore": TOL_MUTED["purple"],
}

#: Palette that other countries are hashed into (every colour above, in a fixed order).
COUNTRY_PALETTE: tuple[str, ...] = tuple(OKABE_ITO.values()) + tuple(TOL_MUTED.values())


def event_type_colour(name: str, table_types: Iterable[str] = ()) -> str:
    """The colour of an event type among a table's types (``table_types``: all of them,
    not only the filtered ones); see :func:`event_type_colours`.

    A type outside the vocabulary and outside ``table_types`` is neutral grey.
    """
    if name in EVENT_TYPE_COLOURS:
        return EVENT_TYPE_COLOURS[name]
    return event_type_colours(table_types).get(name, NEUTRAL_GREY)


def event_type_colours(
    table_types: Iterable[str], counts: Iterable[int] | None = None
) -> dict[str, str]:
    """The colour of each of a table's event types.

    Ours keep their fixed colour. The others (the table's own types) take
    :data:`OTHER_TYPE_COLOURS` in turn, the busiest first when their ``counts`` (events
    of each of ``table_types``, in the table) are given, else in name order; past ten
    they are neutral grey: a colour repeated would make two types look alike (GDELT's and
    ICEWS's 15-16 CAMEO roots), grey lumps the rarest. ACLED's five strategic
    developments outside our vocabulary were all one grey. They depend on the table only,
    not on the filters, so a type keeps its colour on every page and in every view.
    """
    names = [str(name) for name in table_types]
    counts = [0] * len(names) if counts is None else [int(c) for c in counts]
    events = dict.fromkeys(names, 0)
    for name, count in zip(names, counts, strict=True):
        events[name] += count
    others = sorted(
        (name for name in events if name not in EVENT_TYPE_COLOURS),
        key=lambda name: (-events[name], name),
    )
    found = {name: EVENT_TYPE_COLOURS[name] for name in events if name in EVENT_TYPE_COLOURS}
    for rank, name in enumerate(others):
        found[name] = OTHER_TYPE_COLOURS[rank] if rank < len(OTHER_TYPE_COLOURS) else NEUTRAL_GREY
    return found


def table_type_colours(table) -> dict[str, str]:
    """:func:`event_type_colours` of an :class:`~dashboard.table.EventTable`'s types, the
    busiest of its own first (counted over the whole table)."""
    counts = np.bincount(
        np.asarray(table.type_codes, dtype=np.int64), minlength=len(table.event_types)
    )
    return event_type_colours(table.event_types, counts)


#: CAMEO root names -> quad class: GDELT and ICEWS codes outside our vocabulary keep
#: their root's name as the type ("coerce", "reject"), whose quad class CAMEO defines.
_CAMEO_QUADS: dict[str, str] = {name: quad for name, _, quad in cameo.ROOTS.values()}


def quad_class(event_type: str) -> str:
    """The quad class of an event type (ours, else a CAMEO root's), or "" when unknown."""
    known = schema.EVENT_TYPES_BY_NAME.get(event_type)
    return known.quad_class if known else _CAMEO_QUADS.get(event_type, "")


def relation_class(event_type: str) -> str:
    """The relation of an event type: cooperation or conflict ("" when unknown)."""
    quad = quad_class(event_type)
    if not quad:
        return ""
    return "cooperation" if quad in schema.COOPERATION_QUADS else "conflict"


def relation_types(relation: str) -> tuple[str, ...]:
    """Every type name :func:`relation_class` puts on ``relation`` ("cooperation" or
    "conflict"): ours and CAMEO roots' (for engines that classify in SQL)."""
    names = dict.fromkeys([*schema.EVENT_TYPE_NAMES, *_CAMEO_QUADS])
    return tuple(name for name in names if relation_class(name) == relation)


def event_type_symbol(name: str) -> str:
    """The marker symbol of an event type (one per quad class)."""
    return QUAD_SYMBOLS.get(quad_class(name), UNKNOWN_SYMBOL)


def country_colour(name: str) -> str:
    """A stable colour for a country: fixed for common ones, a hash of the name otherwise.

    Parameters
    ----------
    name
        Country name as written in the table; "" (unknown) is neutral grey.

    Returns
    -------
    str
        A ``#RRGGBB`` colour, the same for the same name on every page and every run.
    """
    if not name:
        return NEUTRAL_GREY
    fixed = COUNTRY_COLOURS.get(name)
    if fixed:
        return fixed
    # hashlib, not hash(): Python salts str hashes per process.
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=4).digest()
    return COUNTRY_PALETTE[int.from_bytes(digest, "big") % len(COUNTRY_PALETTE)]
