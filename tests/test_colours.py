"""Colours: every event type one fixed colour-blind-safe colour, countries stable across runs."""

from __future__ import annotations

import re
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from dashboard import colours, schema

PUBLISHED = set(colours.OKABE_ITO.values()) | set(colours.TOL_MUTED.values())
HEX = re.compile(r"#[0-9A-F]{6}")


def test_every_event_type_has_its_own_published_colour():
    assert set(colours.EVENT_TYPE_COLOURS) == set(schema.EVENT_TYPE_NAMES)
    values = list(colours.EVENT_TYPE_COLOURS.values())
    assert len(set(values)) == len(values)
    assert set(values) <= PUBLISHED


@pytest.mark.parametrize("name", schema.EVENT_TYPE_NAMES)
def test_event_type_colour_and_symbol_follow_the_tables(name):
    assert colours.event_type_colour(name) == colours.EVENT_TYPE_COLOURS[name]
    quad = schema.EVENT_TYPES_BY_NAME[name].quad_class
    assert colours.event_type_symbol(name) == colours.QUAD_SYMBOLS[quad]


@pytest.mark.parametrize("name", ["", "parade", "VISIT", "<b>visit</b>"])
def test_unknown_event_types_are_grey_with_their_own_symbol(name):
    assert colours.event_type_colour(name) == colours.NEUTRAL_GREY
    assert colours.event_type_symbol(name) == colours.UNKNOWN_SYMBOL
    assert colours.relation_class(name) == ""


def test_a_tables_types_outside_the_vocabulary_are_told_apart():
    own = ["Base set up", "Group renamed", "Other: misc", "Weapons seized"]
    table_types = [*schema.EVENT_TYPE_NAMES, *own]
    chosen = colours.event_type_colours(table_types)
    assert set(chosen) == set(table_types)
    assert {chosen[name] for name in schema.EVENT_TYPE_NAMES} == set(
        colours.EVENT_TYPE_COLOURS.values()
    )
    # Four own types, four colours none of which is a vocabulary colour or the grey.
    others = [chosen[name] for name in own]
    assert len(set(others)) == 4 and set(others) <= set(colours.OTHER_TYPE_COLOURS)
    assert not set(colours.OTHER_TYPE_COLOURS) & {
        *colours.EVENT_TYPE_COLOURS.values(),
        colours.NEUTRAL_GREY,
    }
    # In name order whatever the table's order; one of them asked for alone, the same.
    assert colours.event_type_colours(reversed(table_types)) == chosen
    assert all(colours.event_type_colour(name, table_types) == chosen[name] for name in own)
    # More own types than colours: the busiest ten have them, the others are grey (a
    # colour repeated would make two types look alike).
    many = [f"type {i:02d}" for i in range(16)]
    counts = [5, 90, 1, 40, 7, 7, 300, 2, 60, 11, 3, 25, 8, 0, 4, 6]
    chosen = colours.event_type_colours(many, counts)
    busy = sorted(many, key=lambda name: -counts[many.index(name)])[:10]
    assert [chosen[name] for name in busy] == list(colours.OTHER_TYPE_COLOURS)
    assert {chosen[name] for name in set(many) - set(busy)} == {colours.NEUTRAL_GREY}
    # Counted over a whole table (its type codes), the same.
    table = types.SimpleNamespace(
        event_types=tuple(many), type_codes=np.repeat(np.arange(16), counts).astype(np.int16)
    )
    assert colours.table_type_colours(table) == chosen


def test_each_quad_class_has_a_distinct_symbol():
    assert set(colours.QUAD_SYMBOLS) == set(schema.QUAD_CLASSES)
    assert len(set(colours.QUAD_SYMBOLS.values())) == len(schema.QUAD_CLASSES)
    assert colours.UNKNOWN_SYMBOL not in colours.QUAD_SYMBOLS.values()


def test_cooperation_and_conflict_are_blue_and_vermillion():
    assert {
        "cooperation": colours.OKABE_ITO["blue"],
        "conflict": colours.OKABE_ITO["vermillion"],
    } == colours.QUAD_COLOURS


@pytest.mark.parametrize(
    ("event_type", "relation"),
    [("visit", "cooperation"), ("arms transfer", "cooperation"), ("coup", "conflict")],
)
def test_relation_class_follows_the_quad_class(event_type, relation):
    assert colours.relation_class(event_type) == relation


@pytest.mark.parametrize(
    ("cameo_root", "quad", "relation"),
    [
        ("coerce", "material conflict", "conflict"),
        ("reject", "verbal conflict", "conflict"),
        ("make public statement", "verbal cooperation", "cooperation"),
        ("yield", "material cooperation", "cooperation"),
    ],
)
def test_cameo_root_types_keep_their_quad_class(cameo_root, quad, relation):
    """GDELT/ICEWS codes outside our vocabulary are typed by their CAMEO root's name: the
    network and the symbols still know which side of the quad classes they are on."""
    assert colours.quad_class(cameo_root) == quad
    assert colours.relation_class(cameo_root) == relation
    assert colours.event_type_symbol(cameo_root) == colours.QUAD_SYMBOLS[quad]
    assert colours.event_type_colour(cameo_root) == colours.NEUTRAL_GREY
    assert cameo_root in colours.relation_types(relation)


def test_relation_types_split_every_known_type_once():
    cooperation, conflict = (
        colours.relation_types("cooperation"),
        colours.relation_types("conflict"),
    )
    assert not set(cooperation) & set(conflict)
    assert set(schema.EVENT_TYPE_NAMES) <= set(cooperation) | set(conflict)
    assert {"visit", "make public statement"} <= set(cooperation)
    assert {"coup", "coerce"} <= set(conflict)


def test_conflict_types_are_never_given_the_cooperation_blue():
    for event_type in schema.EVENT_TYPES:
        if not event_type.is_cooperation:
            assert colours.event_type_colour(event_type.name) != colours.QUAD_COLOURS["cooperation"]


def test_common_countries_have_fixed_colours():
    assert colours.country_colour("Myanmar") == colours.COUNTRY_COLOURS["Myanmar"]
    assert colours.country_colour("Russia") != colours.country_colour("Myanmar")
    assert colours.country_colour("") == colours.NEUTRAL_GREY


def test_other_countries_hash_into_the_palette():
    names = [f"Country {i}" for i in range(200)]
    chosen = [colours.country_colour(name) for name in names]
    assert all(HEX.fullmatch(c) for c in chosen)
    assert set(chosen) <= set(colours.COUNTRY_PALETTE)
    # A hash spreads 200 names over most of the palette, not onto one colour.
    assert len(set(chosen)) >= len(colours.COUNTRY_PALETTE) - 2
    assert chosen == [colours.country_colour(name) for name in names]


def test_country_colours_are_the_same_in_another_process():
    names = ["Ruritania", "Freedonia", "Latveria", "Genovia"]
    code = (
        "from dashboard.colours import country_colour;"
        f"print(','.join(country_colour(n) for n in {names!r}))"
    )
    root = Path(__file__).resolve().parent.parent
    results = set()
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(root)},
            capture_output=True,
            text=True,
            check=True,
        )
        results.add(done.stdout.strip())
    assert results == {",".join(colours.country_colour(n) for n in names)}
