"""The filter-kinds registry: one entry per kind drives URL, CLI, captions, SQL and facets."""

from __future__ import annotations

import argparse
import datetime as dt
import random
from urllib.parse import parse_qs, urlencode

import pytest
from conftest import ACTORS, csv_bytes, csv_text, sample_events
from test_filters import _random_events, _random_spec, _reference_positions

from dashboard.actors import ACTOR_COLUMNS, parse_actors
from dashboard.filters import (
    DUCKDB,
    FILTER_KINDS,
    PARAM_KEYS,
    SPARK,
    FilterSpec,
    add_filter_arguments,
    facet_columns,
    facet_counts,
    filter_mask,
    filter_positions,
    spec_from_args,
)
from dashboard.importing import load_any_frame
from dashboard.loading import parse_events
from dashboard.table import build_table

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def directory():
    return parse_actors(csv_text(ACTORS, columns=ACTOR_COLUMNS))


@pytest.fixture(scope="module")
def table(directory):
    return build_table(parse_events(csv_bytes(sample_events())), directory, "sample")


def ids(table, spec):
    return set(table.events["event_id"].iloc[filter_positions(table, spec)])


def test_every_kind_has_one_url_key_and_one_spec_field():
    keys = [kind.key for kind in FILTER_KINDS]
    assert len(set(keys)) == len(keys)
    assert {kind.name: kind.key for kind in FILTER_KINDS} == PARAM_KEYS
    fields = set(FilterSpec.__dataclass_fields__)
    assert {kind.name for kind in FILTER_KINDS} == fields - {"facets"}


def test_command_line_flags_are_generated_from_the_registry():
    parser = argparse.ArgumentParser()
    add_filter_arguments(parser)
    flags = {opt for action in parser._actions for opt in action.option_strings}
    assert {f"--{kind.key}" for kind in FILTER_KINDS} | {"--facet"} <= flags
    argv = "--country Myanmar --country Laos --start 2022-07-01 --q forum"
    argv += " --facet location=Bagan --facet location=Yangon --facet junk"
    args = parser.parse_args(argv.split())
    spec, notices = spec_from_args(args)
    assert spec == FilterSpec(
        countries=("Myanmar", "Laos"),
        start=D("2022-07-01"),
        q="forum",
        facets=(("location", ("Bagan", "Yangon")),),
    )
    assert notices == ["'junk' is not COLUMN=VALUE; the facet is ignored."]


@pytest.mark.parametrize(
    "spec",
    [
        FilterSpec(facets=(("location", ("Bagan",)),)),
        FilterSpec(facets=(("actors", ("Wang Yi", "A&B=c")), ("location", ("x y", "ü")))),
        FilterSpec(countries=("Myanmar",), q="x", facets=(("date_precision", ("month",)),)),
    ],
)
def test_facets_round_trip_through_the_url(spec):
    query = urlencode(spec.to_query_params(), doseq=True)
    assert "facet." in query
    assert FilterSpec.from_query_params(parse_qs(query)) == (spec, [])


def test_facets_are_kept_sorted_by_column_and_empty_ones_dropped():
    spec = FilterSpec().with_facet("location", ["Bagan"]).with_facet("actors", ["Wang Yi"])
    assert spec.facets == (("actors", ("Wang Yi",)), ("location", ("Bagan",)))
    assert spec.with_facet("actors", []).facets == (("location", ("Bagan",)),)
    assert spec.facet("location") == ("Bagan",) and spec.facet("notes") == ()
    params, _ = FilterSpec.from_query_params({"facet.location": ["", " "], "facet.": ["x"]})
    assert params == FilterSpec()


@pytest.mark.parametrize(
    "spec, expected",
    [
        (FilterSpec(facets=(("location", ("Bagan",)),)), {"forum-july"}),
        # Several values of one facet: any.
        (FilterSpec(facets=(("location", ("Bagan", "Yangon")),)), {"forum-july", "executions"}),
        # Different facets: all.
        (
            FilterSpec(facets=(("date_precision", ("day",)), ("location", ("Bagan", "Yangon")))),
            {"executions"},
        ),
        # List columns: by role, canonical names (the alias Gen. Hlaing is Min Aung Hlaing).
        (FilterSpec(facets=(("actors", ("Min Aung Hlaing",)),)), {"executions", "coup"}),
        (
            FilterSpec(facets=(("recipients", ("Min Aung Hlaing",)),)),
            {"us-condemns", "lavrov-visits-myanmar"},
        ),
        (FilterSpec(facets=(("countries", ("Laos",)),)), {"forum-july"}),
        # A facet and a filter kind: both.
        (
            FilterSpec(event_types=("coup",), facets=(("actors", ("Min Aung Hlaing",)),)),
            {"coup"},
        ),
        (FilterSpec(facets=(("location", ("Nowhere",)),)), set()),
    ],
)
def test_facet_meaning(table, spec, expected):
    assert ids(table, spec) == expected


def test_restricted_to_drops_unknown_facet_columns_and_resolves_list_values(table):
    spec = FilterSpec(
        facets=(
            ("actors", ("Gen. Hlaing", "Nobody")),
            ("no_such_column", ("x",)),
            ("title", ("y",)),
            ("location", ("Bagan",)),
        )
    )
    restricted, notices = spec.restricted_to(table)
    assert restricted == FilterSpec(
        facets=(("actors", ("Min Aung Hlaing",)), ("location", ("Bagan",)))
    )
    assert notices == [
        "Unknown actors 'Nobody' was dropped from the filter.",
        "Unknown facet column 'no_such_column' was dropped from the filter.",
        "Unknown facet column 'title' was dropped from the filter.",
    ]


def test_facet_columns_are_the_list_columns_and_category_text(table):
    columns = facet_columns(table)
    assert columns[:3] == ("actors", "recipients", "countries")
    assert {"event_type", "location", "date_precision", "date_basis"} <= set(columns)
    assert not {"event_id", "title", "description", "start_date", "notes"} & set(columns)


def test_a_whole_number_column_is_a_facet_with_its_values_as_written(directory):
    # GDELT's QuadClass (and UCDP's where_prec, ACLED's geo_precision...) load as Int64: they
    # are categories an analyst facets on, matched and counted as the CSV writes them.
    rows = sample_events()
    for i, row in enumerate(rows):
        row["QuadClass"] = ["1", "4", ""][i % 3]
    frame, _ = load_any_frame(csv_bytes(rows), directory=directory)
    table = build_table(frame, directory, "sample")
    assert str(table.events["QuadClass"].dtype) == "Int64"
    assert "QuadClass" in facet_columns(table)
    expected = {r["event_id"] for r in rows if r["QuadClass"] == "4"}
    assert expected and ids(table, FilterSpec(facets=(("QuadClass", ("4",)),))) == expected
    everything = filter_positions(table, FilterSpec())
    counts = facet_counts(table, everything, "QuadClass").as_dict()
    assert counts == {v: sum(r["QuadClass"] == v for r in rows) for v in ("1", "4")}


def test_facet_counts_count_the_filtered_events(table):
    positions = filter_positions(table, FilterSpec(countries=("Myanmar",)))
    location = facet_counts(table, positions, "location")
    frame = table.events.iloc[positions]
    expected = frame.loc[frame["location"] != "", "location"].value_counts().to_dict()
    assert location.as_dict() == expected
    assert list(location.counts) == sorted(location.counts, reverse=True)
    actors = facet_counts(table, positions, "actors").as_dict()
    assert actors["Min Aung Hlaing"] == 2  # executions (as Gen. Hlaing) and coup
    assert facet_counts(table, positions[:0], "actors").values == ()


def test_caption_names_every_kind_in_words():
    spec = FilterSpec(
        countries=("Myanmar", "Laos"),
        event_types=("visit",),
        start=D("2022-07-01"),
        q="forum",
        facets=(("location", ("Bagan",)),),
    )
    assert spec.caption() == (
        "country: Myanmar or Laos; type: visit; from 2022-07-01; text contains 'forum'; "
        "location: Bagan"
    )
    assert FilterSpec().caption() == "all events"


@pytest.mark.parametrize(
    "dialect, text",
    [
        (
            DUCKDB,
            '(list_has_any("_country_keys", [$p0, $p1])) AND ("event_type" IN ($p2)) AND '
            '("end_date" >= CAST($p3 AS DATE)) AND (instr("_search", $p4) > 0) AND '
            '(CAST("location" AS VARCHAR) IN ($p5))',
        ),
        (
            SPARK,
            "(arrays_overlap(`_country_keys`, array(:p0, :p1))) AND (`event_type` IN (:p2)) "
            "AND (`end_date` >= CAST(:p3 AS DATE)) AND (instr(`_search`, :p4) > 0) AND "
            "(CAST(`location` AS STRING) IN (:p5))",
        ),
    ],
)
def test_the_kinds_compile_to_sql_with_parameters(dialect, text):
    spec = FilterSpec(
        countries=("Myanmar", "Laos"),
        event_types=("visit",),
        start=D("2022-07-01"),
        q="ForUm",
        facets=(("location", ("Bagan",)),),
    )
    sql = spec.where(dialect)
    assert sql.text == text
    assert sql.params == {
        "p0": "Myanmar",
        "p1": "Laos",
        "p2": "visit",
        "p3": "2022-07-01",
        "p4": "forum",
        "p5": "Bagan",
    }
    assert FilterSpec().where(dialect).text == "TRUE"


def _facet_reference(rows, spec, directory, base):
    kept = []
    for i in base:
        row = rows[i]
        ok = True
        for column, values in spec.facets:
            if column in ("actors", "recipients"):
                have = {directory.canonical(n.strip()) for n in row[column].split(";")}
            else:
                have = {row[column]}
            ok &= bool(have & set(values))
        if ok:
            kept.append(i)
    return kept


@pytest.mark.parametrize("seed", range(3))
def test_facets_match_a_per_row_reference(seed, directory):
    rng = random.Random(100 + seed)
    rows = _random_events(rng, 60)
    table = build_table(parse_events(csv_bytes(rows)), directory)
    canonical = sorted({a["actor"] for a in ACTORS})
    non_empty = 0
    for _ in range(80):
        spec = _random_spec(rng, rows)
        for column, pool in (
            ("location", ["Naypyitaw", "Phnom Penh", "", "Nowhere"]),
            ("date_precision", ["day", "week", "month", "year"]),
            ("actors", canonical),
            ("recipients", canonical),
        ):
            if rng.random() < 0.3:
                spec = spec.with_facet(column, rng.sample(pool, rng.randrange(1, 3)))
        plain = FilterSpec(**{k: getattr(spec, k) for k in PARAM_KEYS})
        expected = _facet_reference(
            rows, spec, directory, _reference_positions(rows, plain, directory)
        )
        assert filter_positions(table, spec).tolist() == expected, spec
        assert filter_mask(table, spec).nonzero()[0].tolist() == expected
        non_empty += bool(expected) and bool(spec.facets)
    assert non_empty > 5
