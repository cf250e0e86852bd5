"""Parity of the network's relation classes for types outside our vocabulary: a GDELT or
ICEWS code typed by its CAMEO root ("coerce", "make public statement") is conflict or
cooperation on every engine, as in memory (dashboard.colours.relation_types)."""

from __future__ import annotations

import random

import pytest
from conftest import ACTORS, csv_bytes, csv_text
from test_filters import _random_events

from dashboard.actors import ACTOR_COLUMNS
from dashboard.dataset import write_dataset
from dashboard.filters import FilterSpec
from dashboard.importing import load_any
from dashboard.query import MemoryEngine, open_engine

CAMEO_ROOTS = ("coerce", "make public statement", "reject", "yield")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    rng = random.Random(3)
    rows = _random_events(rng, 200)
    for k, row in enumerate(rows):
        cameo = k % 2 == 0
        row["event_type"] = CAMEO_ROOTS[k % len(CAMEO_ROOTS)] if cameo else row["event_type"]
        row["type_vocabulary"] = "CAMEO" if cameo else ""
    folder = tmp_path_factory.mktemp("relations")
    (folder / "events.csv").write_bytes(csv_bytes(rows))
    (folder / "actors.csv").write_text(csv_text(ACTORS, columns=ACTOR_COLUMNS), encoding="utf-8")
    table, _ = load_any(folder / "events.csv", actors_path=folder / "actors.csv")
    write_dataset(table, folder / "dataset")
    return folder, table


@pytest.mark.parametrize("kind", ["actor", "country"])
def test_cameo_relations_are_classified_alike_in_memory_and_duckdb(files, kind):
    folder, table = files
    oracle = MemoryEngine(table).network(FilterSpec(), kind)
    engine = open_engine(folder / "dataset", "duckdb", folder / "actors.csv")
    try:
        assert engine.network(FilterSpec(), kind) == oracle
    finally:
        engine.close()
    # An empty network would match trivially.
    assert oracle.edges, "the table links someone"
