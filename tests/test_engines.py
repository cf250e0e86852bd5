"""Parity: every engine gives the in-memory oracle's event ids and aggregates, for every filter.

The table mixes precisions (day, week, month, year), list columns with aliases,
blank lists, two extra columns (a category and coordinates) and text in several
scripts. It is written as a Parquet dataset once; DuckDB and Spark (local mode,
one session for the whole test run) query that dataset; the in-memory engine
indexes the same CSV. Spark needs Java and pyspark: without them its tests skip,
or fail under ``REQUIRE_SPARK=1`` (set by ``.ci/run``).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from dataclasses import replace

import pytest
from conftest import ACTORS, csv_bytes, csv_text
from test_filters import _random_events, _random_spec

from dashboard import cli
from dashboard.actors import ACTOR_COLUMNS
from dashboard.dataset import is_dataset, read_dataset, read_info, write_dataset
from dashboard.filters import FilterSpec
from dashboard.importing import load_any
from dashboard.problems import EventsFileError
from dashboard.query import LANES, PERIODS, MemoryEngine, open_engine

D = dt.date.fromisoformat
_KINDS_OF_PLACE = ["capital", "border", "", "sea", "Zürich/日本"]


def _rows() -> list[dict[str, str]]:
    rng = random.Random(7)
    quad = random.Random(11)  # its own stream: the other columns stay as they were
    rows = _random_events(rng, 400)
    for row in rows:
        # A whole-number column (GDELT's QuadClass loads as Int64), empty for some events.
        row["QuadClass"] = quad.choice(["1", "2", "3", "4", ""])
        row["place_kind"] = rng.choice(_KINDS_OF_PLACE)
        if rng.random() < 0.7:
            row["latitude"] = f"{rng.uniform(-60, 70):.4f}"
            row["longitude"] = f"{rng.uniform(-179, 179):.4f}"
        else:
            row["latitude"] = row["longitude"] = ""
    return rows


ROWS = _rows()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("engines")
    (folder / "events.csv").write_bytes(csv_bytes(ROWS))
    (folder / "actors.csv").write_text(csv_text(ACTORS, columns=ACTOR_COLUMNS), encoding="utf-8")
    # As the app and `convert` load it: extra columns typed (QuadClass is Int64).
    table, _ = load_any(folder / "events.csv", actors_path=folder / "actors.csv")
    assert str(table.events["QuadClass"].dtype) == "Int64"
    # A head of 150 of the 400 events: windows are read from it or from every file.
    write_dataset(table, folder / "dataset", head_rows=HEAD)
    return folder


@pytest.fixture(scope="module")
def oracle(files):
    table, _ = load_any(files / "events.csv", actors_path=files / "actors.csv")
    return MemoryEngine(table)


def _spark_session():
    reason = None
    if shutil.which("java") is None:
        reason = "Java is not installed (.ci/run installs openjdk-17-jre-headless)"
    else:
        try:
            from dashboard.sql_engines import spark_session

            return spark_session(), None
        except ImportError as err:
            reason = f"pyspark is not installed ({err})"
    return None, reason


@pytest.fixture(scope="session")
def spark():
    session, reason = _spark_session()
    if session is None:
        if os.environ.get("REQUIRE_SPARK") == "1":
            pytest.fail(f"REQUIRE_SPARK=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return session


@pytest.fixture(scope="module", params=["memory-dataset", "duckdb", "spark"])
def engine(request, files):
    path, actors = files / "dataset", files / "actors.csv"
    if request.param == "memory-dataset":
        # The in-memory engine over the dataset: the dataset loses nothing.
        opened = open_engine(path, "memory", actors)
    elif request.param == "duckdb":
        opened = open_engine(path, "duckdb", actors)
    else:
        from dashboard.sql_engines import SparkEngine

        opened = SparkEngine(path, actors, session=request.getfixturevalue("spark"))
    yield opened
    opened.close()


def _single_kind_specs() -> list[FilterSpec]:
    return [
        FilterSpec(),
        FilterSpec(countries=("Myanmar",)),
        FilterSpec(countries=("Laos", "United States")),
        FilterSpec(countries=("Russia",)),  # also via the actors' country (Lavrov)
        FilterSpec(actors=("Min Aung Hlaing",)),  # listed under an alias too
        FilterSpec(actors=("Wang Yi", "ASEAN")),
        FilterSpec(event_types=("visit",)),
        FilterSpec(event_types=("visit", "meeting", "coup")),
        FilterSpec(start=D("2022-01-01")),
        FilterSpec(end=D("2021-06-30")),
        FilterSpec(start=D("2021-07-01"), end=D("2021-07-31")),  # month- and year-precision
        FilterSpec(start=D("2021-03-15"), end=D("2021-03-15")),
        FilterSpec(q="talks"),
        FilterSpec(q="ÉTAT"),  # non-ASCII case folding, the same on every engine
        FilterSpec(q="x;y"),
        FilterSpec(q="no such text"),
        FilterSpec(facets=(("place_kind", ("capital",)),)),
        FilterSpec(facets=(("place_kind", ("sea", "Zürich/日本")),)),
        FilterSpec(facets=(("actors", ("Sergei Lavrov",)),)),
        FilterSpec(facets=(("recipients", ("Min Aung Hlaing", "Wang Yi")),)),
        FilterSpec(facets=(("countries", ("Thailand",)),)),
        FilterSpec(facets=(("date_precision", ("month", "year")),)),
        FilterSpec(facets=(("QuadClass", ("4",)),)),
        FilterSpec(facets=(("QuadClass", ("1", "3")), ("place_kind", ("capital",)))),
        FilterSpec(facets=(("location", ("Naypyitaw",)), ("place_kind", ("border",)))),
    ]


def _combined_specs(count: int) -> list[FilterSpec]:
    rng = random.Random(3)
    specs = []
    for _ in range(count):
        spec = _random_spec(rng, ROWS)
        if rng.random() < 0.4:
            spec = spec.with_facet("place_kind", rng.sample(_KINDS_OF_PLACE, 2))
        if rng.random() < 0.3:
            spec = spec.with_facet("date_precision", [rng.choice(["day", "week", "month"])])
        specs.append(spec)
    return specs


SPECS = _single_kind_specs() + _combined_specs(25)
#: Spark answers each query in seconds, not milliseconds: every kind alone and a few
#: combinations (the SQL is the same as DuckDB's, which runs them all).
SPARK_SPECS = _single_kind_specs() + _combined_specs(4)


def specs_for(engine) -> list[FilterSpec]:
    return SPARK_SPECS if engine.name == "spark" else SPECS


#: Events in the dataset's head (of the 400).
HEAD = 150


def every(engine, step: int) -> list[FilterSpec]:
    """Every ``step``-th spec (more sparsely on Spark)."""
    return specs_for(engine)[:: step * (3 if engine.name == "spark" else 1)]


def test_the_specs_select_something_and_not_everything(oracle):
    sizes = [oracle.count(spec) for spec in SPECS]
    assert sum(0 < n < len(ROWS) for n in sizes) >= 25
    assert sizes[0] == len(ROWS)


def test_event_ids_and_counts_match_the_oracle(engine, oracle):
    for spec in specs_for(engine):
        assert engine.event_ids(spec) == oracle.event_ids(spec), spec
    for spec in every(engine, 2):
        assert engine.count(spec) == oracle.count(spec), spec


def test_summaries_match_the_oracle(engine, oracle):
    for spec in every(engine, 1):
        assert engine.summary(spec) == oracle.summary(spec), spec


def test_lane_counts_match_the_oracle(engine, oracle):
    for spec in specs_for(engine)[: 2 if engine.name == "spark" else 12]:
        for lane in LANES:
            for period in PERIODS:
                assert engine.lane_counts(spec, lane, period) == oracle.lane_counts(
                    spec, lane, period
                ), (spec, lane, period)


def test_edge_weights_map_cells_and_facets_match_the_oracle(engine, oracle):
    for spec in every(engine, 3):
        assert engine.edge_weights(spec) == oracle.edge_weights(spec), spec
        assert engine.map_cells(spec, 10.0) == oracle.map_cells(spec, 10.0), spec
        for column in (
            "countries",
            "actors",
            "recipients",
            "place_kind",
            "event_type",
            "QuadClass",
        ):
            assert engine.facet_counts(spec, column) == oracle.facet_counts(spec, column)


def test_networks_match_the_oracle(engine, oracle):
    # The Network's nodes and strongest edges, aggregated in the engine (a top-N, not
    # every pair); a small cap makes the tie-break at the cut count.
    for spec in every(engine, 4):
        for kind in ("actor", "country"):
            for limit in (300, 5):
                expected = oracle.network(spec, kind, limit=limit)
                assert engine.network(spec, kind, limit=limit) == expected, (spec, kind, limit)
    for ego, kind in (("Lavrov", "actor"), ("Myanmar", "country"), ("Nobody", "actor")):
        spec = FilterSpec(start=D("2021-06-01"))
        assert engine.network(spec, kind, ego, 4) == oracle.network(spec, kind, ego, 4), ego


def test_windows_match_the_oracle(engine, oracle):
    spec = FilterSpec(start=D("2021-06-01"))
    expected = oracle.window(spec, offset=5, limit=7)
    got = engine.window(spec, offset=5, limit=7)
    assert (got.total, got.offset) == (expected.total, expected.offset)
    assert got.events.reset_index(drop=True).equals(expected.events.reset_index(drop=True))
    assert engine.window(spec, offset=expected.total, limit=5).events.empty


def test_windows_read_the_head_when_it_holds_them(engine, oracle):
    # The head holds the first HEAD events: a window inside the head's matches is read
    # from it (one query); one reaching past them, from every file; the same rows.
    if engine.name == "memory":
        pytest.skip("the in-memory engine holds the table")
    run, views = engine.run, []

    def recording(sql, params):
        if " LIMIT " in sql:  # a window's query (not the count)
            views.append("head" if "events_head" in sql else "every file")
        return run(sql, params)

    engine.run = recording
    try:
        for spec, offset, limit, from_head in (
            (FilterSpec(), 0, 100, True),
            (FilterSpec(), 140, 10, True),
            (FilterSpec(), 145, 10, False),
            (FilterSpec(start=D("2021-06-01")), 3, 20, True),
            (FilterSpec(event_types=("meeting",)), 0, 200, False),
        ):
            views.clear()
            engine._answers.clear()
            got = engine.window(spec, offset, limit).events.reset_index(drop=True)
            expected = oracle.window(spec, offset, limit).events.reset_index(drop=True)
            assert got.equals(expected), (spec, offset, limit)
            expected_views = ["head"] if from_head else ["head", "every file"]
            assert views == expected_views, (spec, offset, limit)
    finally:
        engine.run = run
        engine._answers.clear()


def test_exports_are_byte_identical(engine, oracle):
    for spec in every(engine, 4):
        assert engine.export_csv(spec) == oracle.export_csv(spec), spec


def test_the_engines_know_the_same_values(engine, oracle):
    mine, theirs = engine.vocabulary(), oracle.vocabulary()
    assert mine.names == theirs.names
    assert mine.facet_columns == theirs.facet_columns
    spec = FilterSpec(actors=("Lavrov", "Nobody"), facets=(("place_kind", ("sea",)),))
    assert spec.restricted_to(mine) == spec.restricted_to(theirs)


def test_the_aggregates_are_not_trivial(oracle):
    # The parity above compares real numbers: the table has lanes, edges, cells and facets.
    spec = FilterSpec()
    assert len(oracle.lane_counts(spec, "actor", "month").rows) > 50
    assert len(oracle.edge_weights(spec).rows) > 10
    assert len(oracle.map_cells(spec, 10.0).rows) > 20
    assert len(oracle.facet_counts(spec, "place_kind").values) == 4
    network = oracle.network(spec, "actor", limit=5)
    assert network.total_edges > 5 and len(network.edges) == 5
    assert len({w for *_, w, _, _ in oracle.network(spec, "actor").edges}) > 2
    assert oracle.network(spec, "actor", "Lavrov", 4).nodes


# --- the dataset and the command line --------------------------------------------------------


def test_convert_writes_a_partitioned_dataset_and_export_engine_writes_the_same_bytes(
    files, tmp_path, capsys
):
    out = tmp_path / "ds"
    code = cli.main(
        ["convert", str(files / "events.csv"), "--to", "parquet-dataset", "-o", str(out)]
    )
    assert code == cli.EXIT_OK
    assert is_dataset(out) and read_info(out).events == len(ROWS)
    names = sorted(p.name for p in out.iterdir())
    assert names[:4] == ["_dataset.json", "_head", "_whole", "start_year=2021"]
    plain = ["export", "--events", str(files / "events.csv"), "-o", str(tmp_path / "a")]
    assert cli.main(plain) == cli.EXIT_OK
    reference = (tmp_path / "a").read_bytes()
    for name in ("memory", "duckdb"):
        target = tmp_path / f"{name}.csv"
        argv = ["export", "--engine", name, "--events", str(out), "-o", str(target)]
        assert cli.main([*argv, "--country", "Myanmar", "--q", "talks"]) == cli.EXIT_OK
        filtered = target.read_bytes()
        assert cli.main(argv) == cli.EXIT_OK
        assert target.read_bytes() == reference, name
        assert 0 < filtered.count(b"\r\n") < reference.count(b"\r\n")
    capsys.readouterr()


def test_convert_refuses_a_folder_that_is_not_empty(files, tmp_path, capsys):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    argv = [
        "convert",
        str(files / "events.csv"),
        "--to",
        "parquet-dataset",
        "-o",
        str(tmp_path / "x"),
    ]
    assert cli.main(argv) == cli.EXIT_USAGE
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine"


def test_export_engine_needs_a_dataset_and_says_so(files, tmp_path, capsys):
    argv = ["export", "--engine", "duckdb", "--events", str(files / "events.csv"), "-o", "-"]
    assert cli.main(argv) == cli.EXIT_USAGE
    assert "--to parquet-dataset" in capsys.readouterr().err


def test_a_folder_that_is_not_a_dataset_is_a_clear_error(tmp_path):
    with pytest.raises(EventsFileError, match="not an events Parquet dataset"):
        read_dataset(tmp_path)


def test_unknown_engine_is_refused(files):
    with pytest.raises(ValueError, match="unknown engine 'oracle'"):
        open_engine(files / "dataset", "oracle")


def test_whole_table_answers_come_from_the_manifest(engine, oracle):
    # The unfiltered summary, networks, lane counts, map cells, known values and count
    # are kept with the dataset when it is written; the engine answers them without a
    # query, and its own queries (a dataset written before, without them) give the same.
    if engine.name == "memory":
        pytest.skip("the in-memory engine holds the table")
    spec = FilterSpec()

    def ask(on):
        return (
            on.count(spec),
            on.summary(spec),
            on.network(spec, "actor"),
            on.network(spec, "country"),
            *(on.lane_counts(spec, lane, "month") for lane in LANES),
            on.map_cells(spec, 0.25),
            on.vocabulary().names,
        )

    expected = ask(oracle)
    engine.column_types()  # the facet columns' types (DESCRIBE, no scan), kept by the engine
    dataset, run, queries = engine.dataset, engine.run, []
    engine.run = lambda sql, params: queries.append(sql) or run(sql, params)
    try:
        engine._answers.clear()
        engine._vocabulary = None
        assert ask(engine) == expected
        assert queries == []
        engine.dataset = replace(dataset, whole={})
        engine._answers.clear()
        engine._vocabulary = None
        assert ask(engine) == expected
        assert len(queries) >= 3 + len(LANES) + 1  # the count is the manifest's event count
    finally:
        engine.dataset, engine.run = dataset, run
        engine._answers.clear()
        engine._vocabulary = None
