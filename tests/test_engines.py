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
from conftest import ACTORS, csv_bytes, csv_text, workspace_event
from test_filters import _random_events, _random_spec

from dashboard import cli
from dashboard.actors import ACTOR_COLUMNS
from dashboard.dataset import is_dataset, read_dataset, read_info, write_dataset
from dashboard.filters import FilterSpec
from dashboard.importing import load_any
from dashboard.problems import EventsFileError
from dashboard.query import LANES, PERIODS, MemoryEngine, open_engine
from dashboard.table import load_directory
from dashboard.workspace import ADDED_BY_COLUMN, Workspace, with_workspace

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


# --- the workspace's events, read with the dataset ------------------------------------------

#: Who accepted the workspace's events (the badge).
ANALYST = "Ana"


def _workspace_events() -> list[dict[str, str]]:
    """Events an analyst accepted: one whose id the dataset took too (kept apart as
    ``e0-2``), one naming an actor added in the workspace, one spanning five years (longer
    than any of the dataset's: the partition pruning must not drop it) and of a type the
    dataset has not."""
    return [
        workspace_event(ROWS[0]["event_id"], recipients="ASEAN", title="talks at the summit"),
        workspace_event(
            "manet-in-hanoi",
            actors="Hun Manet",
            recipients="Wang Yi",
            countries="Vietnam",
            location="Hanoi",
            latitude="21.03",
            longitude="105.85",
            event_type="visit",
            start_date="2022-03-02",
            end_date="2022-03-02",
        ),
        workspace_event(
            "long-dispute",
            actors="Lavrov",
            recipients="Min Aung Hlaing;Hun Manet",
            countries="Myanmar",
            date_precision="year",
            start_date="2018-01-01",
            end_date="2022-12-31",
            event_type="protest",
            latitude="",
            longitude="",
        ),
    ]


@pytest.fixture(scope="module")
def workspace(files):
    """A workspace holding the events of :func:`_workspace_events` and one new actor."""
    workspace = Workspace(files / "workspace.sqlite3")
    directory = load_directory(files / "actors.csv")
    workspace.add_actor("Hun Manet", "person", "Cambodia", "Manet", ANALYST, directory)
    workspace.accept(_workspace_events(), ANALYST, workspace.directory(directory))
    return workspace


@pytest.fixture(scope="module")
def ws_oracle(files, workspace):
    """The in-memory engine over the table plus the workspace: the app's memory path."""
    table, _ = load_any(files / "events.csv", actors_path=files / "actors.csv")
    return MemoryEngine(with_workspace(table, workspace.events_frame(), workspace.actors_frame()))


@pytest.fixture(scope="module", params=["duckdb", "spark"])
def ws_engine(request, files, workspace):
    path, actors = files / "dataset", files / "actors.csv"
    if request.param == "duckdb":
        opened = open_engine(path, "duckdb", actors, workspace=workspace)
    else:
        from dashboard.sql_engines import SparkEngine

        session = request.getfixturevalue("spark")
        opened = SparkEngine(path, actors, session=session, workspace=workspace)
    yield opened
    opened.close()


def _workspace_specs() -> list[FilterSpec]:
    badge = ((ADDED_BY_COLUMN, (ANALYST,)),)
    return [
        FilterSpec(),
        FilterSpec(facets=badge),  # the workspace's events alone
        FilterSpec(actors=("Hun Manet",)),  # the workspace's actor: two events
        FilterSpec(countries=("Cambodia",)),  # via the new actor's country and the rows'
        FilterSpec(start=D("2022-06-01")),  # the five-year event starts in 2018
        FilterSpec(end=D("2021-12-31"), q="talks"),
        FilterSpec(event_types=("protest", "meeting")),
        FilterSpec(start=D("2021-03-01"), end=D("2021-05-31")),  # none of them
        FilterSpec(q="summit", facets=badge),
        FilterSpec(countries=("Myanmar",), facets=(("place_kind", ("capital",)),)),  # none
    ]


WS_SPECS = _workspace_specs()


def test_the_workspace_specs_select_its_events_and_leave_them_out(ws_oracle):
    # Some specs keep only workspace events, some none of them, some both kinds.
    def own(spec):
        ids = set(ws_oracle.event_ids(spec))
        return len(ids & {"e0-2", "manet-in-hanoi", "long-dispute"}), len(ids)

    counts = [own(spec) for spec in WS_SPECS]
    assert counts[0] == (3, len(ROWS) + 3)
    assert counts[1] == (3, 3) and counts[2] == (2, 2) and counts[8] == (1, 1)
    assert "long-dispute" in ws_oracle.event_ids(WS_SPECS[4])  # from 2018 to 2022
    assert sum(n == 0 < total for n, total in counts) >= 2  # workspace events excluded
    assert sum(0 < n < total for n, total in counts) >= 3  # with the dataset's


def test_engines_with_a_workspace_answer_as_the_memory_path(ws_engine, ws_oracle):
    specs = WS_SPECS if ws_engine.name == "duckdb" else WS_SPECS[:5]
    assert ws_engine.info().events == ws_oracle.info().events == len(ROWS) + 3
    assert ws_engine.workspace_events() == ws_oracle.workspace_events() == 3
    for spec in specs:
        assert ws_engine.event_ids(spec) == ws_oracle.event_ids(spec), spec
        assert ws_engine.count(spec) == ws_oracle.count(spec), spec
        assert ws_engine.summary(spec) == ws_oracle.summary(spec), spec
        assert ws_engine.export_csv(spec) == ws_oracle.export_csv(spec), spec
        for lane in LANES:
            expected = ws_oracle.lane_counts(spec, lane, "month")
            assert ws_engine.lane_counts(spec, lane, "month") == expected, (spec, lane)
        assert ws_engine.map_cells(spec, 0.25) == ws_oracle.map_cells(spec, 0.25), spec
        assert ws_engine.edge_weights(spec) == ws_oracle.edge_weights(spec), spec
        for kind in ("actor", "country"):
            assert ws_engine.network(spec, kind) == ws_oracle.network(spec, kind), (spec, kind)
        for column in ("countries", "actors", "event_type", "QuadClass", ADDED_BY_COLUMN):
            expected = ws_oracle.facet_counts(spec, column)
            assert ws_engine.facet_counts(spec, column) == expected, (spec, column)
        expected = ws_oracle.window(spec, 0, 500).events.reset_index(drop=True)
        got = ws_engine.window(spec, 0, 500).events.reset_index(drop=True)
        assert got.equals(expected), spec
    mine, theirs = ws_engine.vocabulary(), ws_oracle.vocabulary()
    assert mine.names == theirs.names and "Hun Manet" in mine.names["actors"]
    assert mine.facet_columns == theirs.facet_columns
    assert ws_engine.directory.canonical("Manet") == "Hun Manet"


def test_a_window_of_the_head_is_read_from_it_with_a_workspace(ws_engine, ws_oracle):
    # The workspace's events come after every one of the dataset's: a window the head
    # fills is still read from it alone; one reaching past it reads every event.
    for spec, offset, limit in ((FilterSpec(), 0, 100), (FilterSpec(), 390, 20)):
        got = ws_engine.window(spec, offset, limit).events.reset_index(drop=True)
        expected = ws_oracle.window(spec, offset, limit).events.reset_index(drop=True)
        assert got.equals(expected), (offset, limit)
    assert set(ws_engine.window(FilterSpec(), 400, 10).events[ADDED_BY_COLUMN]) == {ANALYST}


def test_a_change_of_the_workspace_is_seen_by_the_next_question(files, tmp_path, request):
    """Answers are cached across sessions: none computed before a change is served after."""
    directory = load_directory(files / "actors.csv")
    table, _ = load_any(files / "events.csv", actors_path=files / "actors.csv")
    spec = FilterSpec(countries=("Cambodia",))
    expected = MemoryEngine(table).count(spec), len(ROWS)
    kinds = ["duckdb", "spark"] if os.environ.get("REQUIRE_SPARK") == "1" else ["duckdb"]
    for kind in kinds:
        path = tmp_path / f"{kind}.sqlite3"
        workspace = Workspace(path)
        if kind == "duckdb":
            engine = open_engine(files / "dataset", "duckdb", files / "actors.csv", workspace)
        else:
            from dashboard.sql_engines import SparkEngine

            session = request.getfixturevalue("spark")
            engine = SparkEngine(files / "dataset", files / "actors.csv", session, workspace)
        try:
            assert (engine.count(spec), engine.count(FilterSpec())) == expected
            assert not path.exists()  # reading a workspace creates none
            workspace.accept([workspace_event("own", recipients="ASEAN")], ANALYST, directory)
            assert (engine.count(spec), engine.count(FilterSpec())) == (
                expected[0] + 1,
                expected[1] + 1,
            )
            workspace.edit("own", {"title": "Renamed by hand"}, ANALYST, directory)
            assert "Renamed by hand" in set(engine.window(spec, 0, 500).events["title"])
            workspace.remove("own", ANALYST)
            assert (engine.count(spec), engine.count(FilterSpec())) == expected
            assert "Renamed by hand" not in set(engine.window(spec, 0, 500).events["title"])
            assert engine.workspace_problem() is None
        finally:
            engine.close()


def test_an_unreadable_workspace_leaves_the_dataset_served_and_says_why(files, tmp_path):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database, " * 100)
    engine = open_engine(files / "dataset", "duckdb", files / "actors.csv", Workspace(broken))
    try:
        assert engine.count(FilterSpec()) == len(ROWS)
        assert engine.event_ids(FilterSpec(q="talks"))
        assert engine.workspace_problem() is not None
    finally:
        engine.close()


def test_the_dataset_files_are_never_written(files, workspace, ws_engine):
    def state():
        return sorted(
            (str(p.relative_to(files)), p.stat().st_size, p.stat().st_mtime_ns)
            for p in (files / "dataset").rglob("*")
        )

    before = state()
    ws_engine.count(FilterSpec(q="summit"))
    ws_engine.export_csv(FilterSpec(facets=((ADDED_BY_COLUMN, (ANALYST,)),)))
    assert state() == before


def test_the_kept_whole_table_answers_serve_an_empty_workspace_and_add_a_full_one(
    files, workspace, ws_oracle, tmp_path
):
    # An existing workspace without events (an actor only): the manifest's answers, no
    # query, as without a workspace. With events: the kept lane counts and map cells
    # plus the workspace's own (queries of its relation alone), equal to the oracle's.
    directory = load_directory(files / "actors.csv")
    empty = Workspace(tmp_path / "empty.sqlite3")
    empty.add_actor("Hun Manet", "person", "Cambodia", "", ANALYST, directory)
    spec = FilterSpec()
    for own, expected in ((empty, None), (workspace, ws_oracle)):
        engine = open_engine(files / "dataset", "duckdb", files / "actors.csv", own)
        try:
            engine.vocabulary()  # the facet columns' types (DESCRIBE, no scan)
            queries: list[str] = []

            def recording(sql, params, run=engine.run, queries=queries):
                queries.append(sql)
                return run(sql, params)

            engine.run = recording
            answers = (
                engine.count(spec),
                *(engine.lane_counts(spec, lane, "month") for lane in LANES),
                engine.map_cells(spec, 0.25),
            )
            if expected is None:
                assert queries == [] and answers[0] == len(ROWS)
                assert engine.directory.knows("Hun Manet")
                continue
            assert answers == (
                expected.count(spec),
                *(expected.lane_counts(spec, lane, "month") for lane in LANES),
                expected.map_cells(spec, 0.25),
            )
            assert len(queries) == len(LANES) + 1
            assert all("FROM workspace_" in sql and "events" not in sql for sql in queries)
        finally:
            engine.close()


def test_a_workspace_deleted_or_put_in_place_is_read_anew(files, tmp_path):
    path = tmp_path / "workspace.sqlite3"
    directory = load_directory(files / "actors.csv")
    engine = open_engine(files / "dataset", "duckdb", files / "actors.csv", Workspace(path))
    try:
        Workspace(path).accept([workspace_event("a", recipients="ASEAN")], ANALYST, directory)
        assert engine.count(FilterSpec()) == len(ROWS) + 1
        for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
            (tmp_path / name).unlink(missing_ok=True)
        assert engine.count(FilterSpec()) == len(ROWS)
        events = [workspace_event(name, recipients="ASEAN") for name in ("b", "c")]
        Workspace(path).accept(events, ANALYST, directory)
        assert engine.event_ids(FilterSpec(facets=((ADDED_BY_COLUMN, (ANALYST,)),))) == ("b", "c")
    finally:
        engine.close()
