"""The analyst's workspace (dashboard/workspace.py): a real SQLite database in WAL mode."""

from __future__ import annotations

import io
import multiprocessing
import re
import sqlite3

import pandas as pd
import pytest
from conftest import workspace_event

from dashboard import cli
from dashboard.loading import parse_events
from dashboard.table import DEFAULT_EVENTS_PATH, load_directory, load_events
from dashboard.workspace import (
    ADDED_BY_COLUMN,
    Article,
    NewActor,
    VersionWatch,
    Workspace,
    WorkspaceError,
    merge_with_workspace,
    new_actors_to_review,
    saved_events,
    with_actors,
    with_workspace,
)

DIRECTORY = load_directory()


event = workspace_event


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    return Workspace(tmp_path / "ws" / "workspace.sqlite3")


def test_accepted_events_are_kept_with_who_and_when(workspace):
    article = workspace.add_article("Some text.", "2022-08-05", "Example Wire", "Ana")
    assert workspace.accept([event()], "Ana", DIRECTORY, article_id=article) == [
        "lavrov-in-phnom-penh"
    ]
    frame = workspace.events_frame()
    assert frame["title"].tolist() == ["Lavrov at the ASEAN-related meetings"]
    assert frame[ADDED_BY_COLUMN].tolist() == ["Ana"]
    assert str(frame["start_date"].iat[0].date()) == "2022-08-04"
    (change,) = workspace.history()
    assert (change.action, change.changed_by, change.event_id) == (
        "add",
        "Ana",
        frame["event_id"].iat[0],
    )
    assert change.changed_at.endswith("+00:00")
    assert workspace.articles()[0]["text"] == "Some text."
    with sqlite3.connect(workspace.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_edits_and_removals_are_recorded_and_the_history_is_append_only(workspace):
    workspace.accept([event()], "Ana", DIRECTORY)
    workspace.edit("lavrov-in-phnom-penh", {"title": "Lavrov in Phnom Penh"}, "Ben", DIRECTORY)
    assert workspace.events_frame()["title"].tolist() == ["Lavrov in Phnom Penh"]
    workspace.remove("lavrov-in-phnom-penh", "Ben")
    assert workspace.events_frame().empty
    assert [(c.action, c.changed_by) for c in workspace.history()] == [
        ("add", "Ana"),
        ("edit", "Ben"),
        ("remove", "Ben"),
    ]
    assert workspace.history()[1].record["title"] == "Lavrov in Phnom Penh"
    with (
        sqlite3.connect(workspace.path) as db,
        pytest.raises(sqlite3.DatabaseError, match="append-only"),
    ):
        db.execute("UPDATE history SET changed_by = 'Eve'")
    with (
        sqlite3.connect(workspace.path) as db,
        pytest.raises(sqlite3.DatabaseError, match="append-only"),
    ):
        db.execute("DELETE FROM history")


@pytest.mark.parametrize(
    "change, column, words",
    [
        ({"end_date": "2022-08-01"}, "end_date", "ends (2022-08-01) before it starts (2022-08-04)"),
        ({"actors": "Sergei Lavrov;Nobody Known"}, "actors", "unknown actor 'Nobody Known'"),
        ({"recipients": "Atlantis"}, "recipients", "unknown actor 'Atlantis'"),
        ({"title": "  "}, "title", "is empty"),
        ({"event_type": "picnic"}, "event_type", "unknown event type 'picnic'"),
        ({"latitude": "95"}, "latitude", "out of range"),
    ],
)
def test_bad_events_get_a_clear_message_and_are_not_saved(workspace, change, column, words):
    good = event("good-one")
    with pytest.raises(WorkspaceError) as caught:
        workspace.accept([good, event(**change)], "Ana", DIRECTORY)
    (problem,) = caught.value.problems
    assert problem.column == column and words in problem.message
    assert "lavrov-in-phnom-penh" in problem.message or "Lavrov" in problem.message
    assert workspace.events_frame().empty  # all or nothing: the good one is not saved either
    workspace.accept([good], "Ana", DIRECTORY)
    with pytest.raises(WorkspaceError):
        workspace.edit("good-one", change, "Ana", DIRECTORY)
    assert workspace.events_frame()["title"].tolist() == [good["title"]]
    assert [c.action for c in workspace.history()] == ["add"]


def test_an_article_given_with_the_events_is_stored_with_them_or_not_at_all(workspace):
    article = Article("Some text.", "2022-08-05", "Example Wire")
    with pytest.raises(WorkspaceError, match="title"):
        workspace.accept([event(title="")], "Ana", DIRECTORY, article=article)
    assert workspace.articles() == [] and workspace.version() == (0, 0, 0)
    workspace.accept([event(), event()], "Ana", DIRECTORY, article=article)
    (stored,) = workspace.articles()
    assert (stored["text"], stored["published"], stored["source"], stored["added_by"]) == (
        "Some text.",
        "2022-08-05",
        "Example Wire",
        "Ana",
    )
    with sqlite3.connect(workspace.path) as db:
        kept = db.execute("SELECT event_id, article_id FROM events ORDER BY event_id").fetchall()
    assert kept == [
        ("lavrov-in-phnom-penh", int(stored["article_id"])),
        ("lavrov-in-phnom-penh-2", int(stored["article_id"])),
    ]


def test_a_name_is_required_and_clashing_ids_are_kept_apart(workspace):
    with pytest.raises(WorkspaceError, match="who"):
        workspace.accept([event()], "  ", DIRECTORY)
    ids = workspace.accept([event(), event()], "Ana", DIRECTORY, taken_ids=["lavrov-in-phnom-penh"])
    assert ids == ["lavrov-in-phnom-penh-2", "lavrov-in-phnom-penh-3"]


def _accept_many(path: str, who: str, n: int, start) -> None:
    start.wait()  # every writer starts at once
    workspace = Workspace(path)
    for i in range(n):
        workspace.accept([event(f"{who}-{i}", title=f"{who} {i}")], who, DIRECTORY)


def race(workspace: Workspace, write, writers: int, n: int) -> None:
    """``writers`` processes, started at once, each running ``write(path, who, n, start)``."""
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    processes = [
        context.Process(target=write, args=(str(workspace.path), f"w{k}", n, start))
        for k in range(writers)
    ]
    workspace.version()  # the database exists before the writers race
    for process in processes:
        process.start()
    start.set()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0


def test_concurrent_writers_lose_nothing(workspace):
    writers, n = 4, 15
    race(workspace, _accept_many, writers, n)
    frame = workspace.events_frame()
    assert len(frame) == writers * n
    assert sorted(frame["event_id"]) == sorted(
        f"w{k}-{i}" for k in range(writers) for i in range(n)
    )
    assert len(workspace.history()) == writers * n
    assert workspace.version() == (writers * n, writers * n, 0)


def test_merged_table_has_both_and_marks_the_workspace_events(workspace):
    table = load_events(DEFAULT_EVENTS_PATH)
    taken = table.events["event_id"].iat[0]
    workspace.accept([event(), event(taken)], "Ana", DIRECTORY)
    merged = merge_with_workspace(table.events, workspace.events_frame())
    assert len(merged) == len(table) + 2
    assert merged["event_id"].is_unique  # an id the open table took stays apart
    assert merged[ADDED_BY_COLUMN].tolist() == [""] * len(table) + ["Ana", "Ana"]
    assert str(merged["start_date"].dtype) == str(table.events["start_date"].dtype)


def test_workspace_export_command(workspace):
    workspace.accept([event()], "Ana", DIRECTORY)
    out, err = io.BytesIO(), io.StringIO()

    class Stdout(io.StringIO):
        buffer = out

    argv = ["workspace", "export", "--workspace", str(workspace.path), "-o", "-"]
    assert cli.main(argv, Stdout(), err) == 0
    exported = parse_events(out.getvalue())
    assert exported["event_id"].tolist() == ["lavrov-in-phnom-penh"]
    assert exported[ADDED_BY_COLUMN].tolist() == ["Ana"]
    assert "wrote 1 workspace event" in err.getvalue()


# --- `export` and the app: one rule for the workspace's events (with_workspace) -------------


def export(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["export", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def test_export_adds_the_workspaces_events_unless_told_not_to(workspace, tmp_path, monkeypatch):
    workspace.accept([event()], "Ana", DIRECTORY)
    monkeypatch.setenv("WORKSPACE_PATH", str(workspace.path))
    table = len(load_events())
    out = tmp_path / "out.csv"

    code, _, err = export("-o", str(out))
    assert code == 0 and f"with 1 workspace event from {workspace.path}" in err
    frame = parse_events(out.read_bytes())
    assert len(frame) == table + 1
    assert frame[ADDED_BY_COLUMN].tolist() == [""] * table + ["Ana"]  # the badge column

    # The same filter applies to the workspace's events as to the table's.
    code, _, _ = export("--type", "multilateral meeting", "--country", "Cambodia", "-o", str(out))
    assert code == 0
    assert parse_events(out.read_bytes())["event_id"].tolist()[-1] == "lavrov-in-phnom-penh"
    code, _, _ = export("--type", "coup", "-o", str(out))
    assert "lavrov-in-phnom-penh" not in parse_events(out.read_bytes())["event_id"].tolist()

    code, _, err = export("--no-workspace", "-o", str(out))
    assert code == 0 and "notice" not in err
    assert len(parse_events(out.read_bytes())) == table


def test_export_names_another_workspace_and_never_creates_one(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSPACE_PATH", str(tmp_path / "absent" / "workspace.sqlite3"))
    out = tmp_path / "out.csv"
    assert export("-o", str(out))[0] == 0
    assert not (tmp_path / "absent").exists()
    assert len(parse_events(out.read_bytes())) == len(load_events())
    workspace.accept([event()], "Ana", DIRECTORY)
    assert export("--workspace", str(workspace.path), "-o", str(out))[0] == 0
    assert len(parse_events(out.read_bytes())) == len(load_events()) + 1


def test_a_sql_engine_export_adds_the_workspaces_events_as_memory_does(
    workspace, tmp_path, monkeypatch
):
    workspace.accept([event()], "Ana", DIRECTORY)
    monkeypatch.setenv("WORKSPACE_PATH", str(workspace.path))
    dataset, out = tmp_path / "dataset", tmp_path / "out.csv"
    argv = ["convert", str(DEFAULT_EVENTS_PATH), "--to", "parquet-dataset", "-o", str(dataset)]
    assert cli.main(argv, io.StringIO(), io.StringIO()) == 0
    code, _, err = export("-o", str(tmp_path / "memory.csv"))  # the CSV, in memory
    assert code == 0
    for engine in ("duckdb", "memory"):  # over the dataset
        code, _, err = export("--events", str(dataset), "--engine", engine, "-o", str(out))
        assert code == 0 and f"with 1 workspace event from {workspace.path}" in err, engine
        assert out.read_bytes() == (tmp_path / "memory.csv").read_bytes(), engine
        frame = parse_events(out.read_bytes())
        assert frame[ADDED_BY_COLUMN].tolist() == [""] * len(load_events()) + ["Ana"]
    argv = ["--events", str(dataset), "--engine", "duckdb", "--no-workspace", "-o", str(out)]
    code, _, err = export(*argv)
    assert code == 0 and "notice" not in err
    assert len(parse_events(out.read_bytes())) == len(load_events())


# --- actors added in review: the workspace's own actors -------------------------------------


def test_an_added_actor_is_kept_with_who_and_when_and_logged(workspace):
    assert (
        workspace.add_actor(
            " Chilean  government ", "government", "Chile", "Government of Chile", "Ana", DIRECTORY
        )
        == "Chilean government"
    )
    frame = workspace.actors_frame()
    assert frame[["actor", "kind", "country", "aliases", "added_by"]].values.tolist() == [
        ["Chilean government", "government", "Chile", "Government of Chile", "Ana"]
    ]
    assert frame["added_at"].iat[0].endswith("+00:00")
    (change,) = workspace.actor_history()
    assert (change.event_id, change.action, change.changed_by) == (
        "Chilean government",
        "add",
        "Ana",
    )
    assert change.record == {
        "actor": "Chilean government",
        "kind": "government",
        "country": "Chile",
        "aliases": "Government of Chile",
    }
    assert workspace.version() == (0, 0, 1)  # an added actor changes the version
    assert workspace.history() == []  # the events' history is the events'
    with (
        sqlite3.connect(workspace.path) as db,
        pytest.raises(sqlite3.DatabaseError, match="append-only"),
    ):
        db.execute("DELETE FROM actor_history")


def test_the_directory_with_the_workspaces_actors_is_a_new_one(workspace):
    workspace.add_actor("Tomas Verbeek", "person", "Belgium", ["T. Verbeek"], "Ana", DIRECTORY)
    known = workspace.directory(DIRECTORY)
    assert known is not DIRECTORY and "Tomas Verbeek" not in DIRECTORY.kinds  # not mutated
    assert known.kinds["Tomas Verbeek"] == "person"
    assert known.country_of("T. Verbeek") == "Belgium"
    assert known.kinds["Sergei Lavrov"] == "person"  # the file's actors stay
    assert workspace.directory().kinds.keys() == known.kinds.keys()  # default: the file's
    # and an event naming it (by either spelling) is accepted now, refused before
    named = event(actors="Tomas Verbeek", recipients="T. Verbeek")
    with pytest.raises(WorkspaceError, match="unknown actor 'Tomas Verbeek'"):
        workspace.accept([named], "Ana", DIRECTORY)
    assert workspace.accept([named], "Ana", known) == ["lavrov-in-phnom-penh"]


@pytest.mark.parametrize(
    "fields, column, words",
    [
        ({"actor": "  "}, "actor", "is empty"),
        ({"actor": "Sergei Lavrov"}, "actor", "'Sergei Lavrov' is already a name or alias in"),
        ({"actor": "Kremlin"}, "actor", "'Kremlin' is already a name or alias in"),  # an alias
        ({"actor": "Chilean govt"}, "actor", "'Chilean govt' is already a name or alias in"),
        ({"actor": "Chile"}, "actor", "as such is 'Chilean government'"),  # a country
        ({"actor": "Burma"}, "actor", "as such is 'Myanmar government'"),  # its other name
        ({"kind": "robot"}, "kind", "unknown kind 'robot'; use one of person, government"),
        ({"kind": ""}, "kind", "is empty; use one of person, government"),
        ({"country": "Chilean"}, "country", "'Chilean' is no country's name"),
        ({"aliases": "Mr. Lavrov"}, "aliases", "alias 'Mr. Lavrov' is already a name or alias"),
        ({"aliases": "Chile gov"}, "aliases", "alias 'Chile gov' is already a name or alias"),
    ],
)
def test_a_bad_actor_is_refused_naming_the_field_and_nothing_is_saved(
    workspace, fields, column, words
):
    workspace.add_actor("Chilean govt", "government", "Chile", "Chile gov", "Ana", DIRECTORY)
    before = workspace.actors_frame()
    new = {"actor": "Gabriel Boric", "kind": "person", "country": "Chile", "aliases": ""}
    with pytest.raises(WorkspaceError) as caught:
        workspace.add_actor(**{**new, **fields}, by="Ben", directory=DIRECTORY)
    (problem,) = caught.value.problems
    assert problem.column == column and words in problem.message, problem
    assert workspace.actors_frame().equals(before)
    assert len(workspace.actor_history()) == 1
    with pytest.raises(WorkspaceError, match="who"):
        workspace.add_actor(**new, by=" ", directory=DIRECTORY)


def _add_many_actors(path: str, who: str, n: int, start) -> None:
    start.wait()  # every writer starts at once
    workspace = Workspace(path)
    for i in range(n):
        workspace.add_actor(f"Envoy {who} {i}", "person", "", f"{who}{i}", who, DIRECTORY)


def test_concurrent_actor_additions_lose_nothing(workspace):
    writers, n = 3, 10
    race(workspace, _add_many_actors, writers, n)
    assert sorted(workspace.actors_frame()["actor"]) == sorted(
        f"Envoy w{k} {i}" for k in range(writers) for i in range(n)
    )
    assert len(workspace.actor_history()) == writers * n


def test_an_older_workspace_file_gains_the_actors_table(workspace):
    workspace.path.parent.mkdir(parents=True)
    with sqlite3.connect(workspace.path) as db:  # the workspace as it was before actors
        db.execute("CREATE TABLE history (change_id INTEGER PRIMARY KEY, event_id TEXT)")
    assert workspace.actors_frame().empty
    workspace.add_actor("Tomas Verbeek", "person", "", "", "Ana", DIRECTORY)
    assert workspace.actors_frame()["actor"].tolist() == ["Tomas Verbeek"]


def test_the_merged_table_knows_the_workspaces_actors_without_changing_the_open_one(workspace):
    table = load_events(DEFAULT_EVENTS_PATH)
    workspace.add_actor("Tomas Verbeek", "person", "Belgium", "Verbeek", "Ana", DIRECTORY)
    merged = with_workspace(table, workspace.events_frame(), workspace.actors_frame())
    assert merged is not table and len(merged.events) == len(table.events)
    assert merged.directory.knows("Tomas Verbeek") and not table.directory.knows("Tomas Verbeek")
    workspace.accept([event(actors="Verbeek")], "Ana", merged.directory)
    merged = with_workspace(table, workspace.events_frame(), workspace.actors_frame())
    assert "Tomas Verbeek" in merged.participants.lookup  # the alias read as the actor
    assert with_workspace(table, workspace.events_frame().iloc[:0]) is table


def test_new_actors_to_review_with_their_defaults():
    rows = pd.DataFrame(
        {
            "countries": ["Chile;Myanmar", "Myanmar;Belgium", "Belgium", "Myanmar"],
            "evidence": [
                "A Chilean government delegation met Myanmar officials.",
                "Tomas Verbeek of Belgium met Sergei Lavrov in Naypyitaw.",
                "Ana Ruiz met Tomas Verbeek, a Dutch envoy, in Brussels.",
                "Government of Chile envoys met Mr. Lavrov in Yangon.",
            ],
            "proposed_actors": [
                "Chilean government",
                "Tomas Verbeek;Sergei Lavrov",
                "Tomas Verbeek;Ana Ruiz",
                "Government of Chile;Mr. Lavrov",
            ],
        },
        dtype="str",
    )
    found = new_actors_to_review(rows, DIRECTORY)
    assert found == [
        NewActor("Chilean government", "government", "Chile", (0,)),
        NewActor("Tomas Verbeek", None, "", (1, 2)),  # two countries attached: none chosen
        NewActor("Ana Ruiz", None, "", (2,)),  # met in Belgium: that says not whose she is
        NewActor("Government of Chile", "government", "Chile", (3,)),
    ]
    workspace_known = with_actors(
        DIRECTORY,
        pd.DataFrame(
            {"actor": ["Chilean government"], "kind": ["government"], "country": ["Chile"]}
            | {"aliases": ["Government of Chile"]},
            dtype="str",
        ),
    )
    assert [a.name for a in new_actors_to_review(rows, workspace_known)] == [
        "Tomas Verbeek",
        "Ana Ruiz",
    ]


def test_workspace_actors_command_writes_the_directory_columns_safely(workspace, tmp_path):
    from dashboard.actors import ACTOR_COLUMNS, load_actors

    workspace.add_actor("Tomas Verbeek", "person", "Belgium", "=HYPERLINK(1)", "Ana", DIRECTORY)
    out, err = tmp_path / "actors.csv", io.StringIO()
    argv = ["workspace", "actors", "--workspace", str(workspace.path), "-o", str(out)]
    assert cli.main(argv, io.StringIO(), err) == 0
    assert "wrote 1 workspace actor" in err.getvalue()
    text = out.read_bytes().decode("utf-8-sig")
    assert text.splitlines() == [
        ",".join(ACTOR_COLUMNS),
        "Tomas Verbeek,person,Belgium,'=HYPERLINK(1)",
    ]
    read = load_actors(out)  # mergeable: same columns, the cell read as it was written
    assert read.kinds == {"Tomas Verbeek": "person"}
    assert read.aliases == {"=HYPERLINK(1)": "Tomas Verbeek"}


def test_export_knows_the_workspaces_actors_as_the_app_does(workspace, tmp_path, monkeypatch):
    workspace.add_actor("Tomas Verbeek", "person", "Belgium", "", "Ana", DIRECTORY)
    known = workspace.directory(DIRECTORY)
    workspace.accept([event(actors="Tomas Verbeek", countries="Cambodia")], "Ana", known)
    monkeypatch.setenv("WORKSPACE_PATH", str(workspace.path))
    out = tmp_path / "out.csv"
    # The country filter reads an event's actors' countries: Belgium is the envoy's.
    assert export("--country", "Belgium", "-o", str(out))[0] == 0
    assert parse_events(out.read_bytes())["event_id"].tolist() == ["lavrov-in-phnom-penh"]
    code, _, err = export("--country", "Belgium", "--no-workspace", "-o", str(out))
    assert code == 2 and "Unknown country 'Belgium'" in err  # no event or actor of it


@pytest.mark.parametrize(
    "name", ["real/gdelt1_daily_and_backfile_sample.CSV", "formats/acled_legacy.csv"]
)
def test_the_workspace_joins_a_typed_foreign_table(workspace, name):
    """A GDELT or ACLED table keeps its own columns, typed (categories, whole numbers):
    the workspace's events, which lack them, joined it with 'unexpected error
    (TypeError)' on every page (a categorical column cannot take ''), so they were not
    shown. Found by hand in Chromium with a real GDELT file and a real ACLED export."""
    from pathlib import Path

    from dashboard.query import load_in_memory

    table, _ = load_in_memory(Path(__file__).parent / "data" / name)
    typed = {
        column: str(dtype)
        for column, dtype in table.events.dtypes.items()
        if column not in event() and str(dtype) in ("category", "Int64", "float64")
    }
    assert typed  # what made it fail: columns of the table's own, typed
    workspace.accept([event()], "Ana", DIRECTORY)
    joined = with_workspace(table, workspace.events_frame())
    assert len(joined) == len(table) + 1
    added = joined.events.iloc[-1]
    assert added["event_id"] == "lavrov-in-phnom-penh" and added[ADDED_BY_COLUMN] == "Ana"
    for column, dtype in typed.items():
        kept = joined.events[column]
        if dtype == "category":  # text: the workspace's row has none
            assert added[column] == ""
        else:  # a number stays a number, missing where the workspace has none
            assert str(kept.dtype) == dtype and pd.isna(added[column])
        assert kept.iloc[: len(table)].astype(str).tolist() == (
            table.events[column].astype(str).tolist()
        )


def test_a_file_that_is_no_database_is_a_workspace_error_naming_it(tmp_path):
    broken = tmp_path / "notes.sqlite3"
    broken.write_bytes(b"not a database, " * 100)
    said = f"the workspace {broken} is not a database SQLite can read"
    for read in (Workspace(broken).version, VersionWatch(broken).version):
        with pytest.raises(WorkspaceError, match=re.escape(said)):
            read()
    with pytest.raises(WorkspaceError, match=re.escape(said)):
        saved_events(broken)
    assert broken.read_bytes() == b"not a database, " * 100
    err = io.StringIO()
    argv = ["export", "--events", str(DEFAULT_EVENTS_PATH), "--workspace", str(broken), "-o", "-"]
    assert cli.main(argv, io.StringIO(), err) == 1  # invalid input, not "please report it"
    assert err.getvalue().startswith(f"error: file: {said}"), err.getvalue()
