"""Actors no directory lists take their country from the table's own events."""

from __future__ import annotations

from pathlib import Path

from conftest import csv_bytes, sample_events

from dashboard.actors import ActorDirectory
from dashboard.dataset import write_dataset
from dashboard.filters import FilterSpec, filter_positions
from dashboard.importing import load_any
from dashboard.loading import parse_events
from dashboard.network import network_view
from dashboard.query import MemoryEngine, open_engine
from dashboard.table import build_table, index_loaded, load_events

REAL_GDELT = Path(__file__).parent / "data" / "real" / "gdelt1_daily_and_backfile_sample.CSV"


def _rows(*events):
    base = sample_events()[0]
    rows = []
    for i, (actors, recipients, countries) in enumerate(events):
        rows.append(
            {
                **base,
                "event_id": f"e{i}",
                "actors": actors,
                "recipients": recipients,
                "countries": countries,
            }
        )
    return rows


DIRECTORY = ActorDirectory(
    kinds={"United Nations": "organisation", "Zambia Police": "government"},
    countries={"United Nations": "", "Zambia Police": "Zambia"},
)

ROWS = _rows(
    ("Protesters (Zambia)", "Zambia Police", "Zambia"),
    ("Protesters (Zambia)", "United Nations", "Zambia"),
    ("Protesters (Zambia)", "", "Zambia;Malawi"),  # two countries: no vote
    ("Traders", "", "Kenya"),
    ("Traders", "United Nations", "Somalia"),  # one each: no majority, no country
    ("Protesters (Zambia)", "", "Malawi"),  # outvoted, but the actor reaches it
)


def _table():
    return index_loaded(parse_events(csv_bytes(ROWS)), DIRECTORY, "t")


def test_an_unlisted_actor_takes_the_country_of_most_of_its_single_country_events():
    directory = _table().directory
    assert directory.country_of("Protesters (Zambia)") == "Zambia"  # 2 of 3 votes
    assert directory.country_of("Traders") == ""  # 1 Kenya, 1 Somalia: no majority
    assert directory.inferred == frozenset({"Protesters (Zambia)"})


def test_listed_actors_keep_what_the_directory_says_a_blank_country_included():
    directory = _table().directory
    assert directory.country_of("United Nations") == ""  # listed, no country: stays so
    assert directory.country_of("Zambia Police") == "Zambia"


def test_the_country_filter_keeps_to_the_rows_and_the_directory():
    table = _table()
    spec = FilterSpec(countries=("Zambia",))
    ids = set(table.events["event_id"].iloc[filter_positions(table, spec)])
    # e5 happened in Malawi: its actor's inferred country colours the network only.
    assert ids == {"e0", "e1", "e2"}


def test_a_state_body_takes_the_country_its_name_names_whatever_its_events_places():
    rows = _rows(
        ("Military Forces of Pakistan", "Civilians (India)", "India"),  # across the border
        ("Military Forces of Pakistan", "", "India"),
        ("Government of Uganda", "LRA", "Central African Republic;Uganda"),  # no single
        ("Government of Congo", "", "Central African Republic"),  # which Congo: by votes
    )
    directory = index_loaded(parse_events(csv_bytes(rows)), DIRECTORY, "t").directory
    assert directory.country_of("Military Forces of Pakistan") == "Pakistan"  # votes: India
    assert directory.country_of("Government of Uganda") == "Uganda"  # no vote at all
    assert directory.country_of("Government of Congo") == "Central African Republic"
    assert directory.country_of("Civilians (India)") == "India"


def test_a_fully_listed_table_infers_nothing():
    table = build_table(parse_events(csv_bytes(sample_events())), ActorDirectory(), "t")
    everyone = ActorDirectory(kinds={n: "person" for n in table.participants.names})
    assert index_loaded(table.events, everyone, "t").directory.inferred == frozenset()


def test_a_window_of_a_table_is_indexed_with_the_directory_it_is_given():
    # An engine's window (dashboard.engine_views) is a few events of a bigger table: its
    # votes are not the table's, so indexing it infers nothing.
    window = build_table(parse_events(csv_bytes(ROWS)), DIRECTORY, "window")
    assert window.directory is DIRECTORY


def test_a_real_gdelt_file_colours_its_network_and_says_so(tmp_path):
    # A real GDELT 1.0 sample nobody here wrote: before, every node was "(unknown country)".
    table, notices = load_any(REAL_GDELT, actors_path=tmp_path / "no-directory.csv")
    assert table.directory.country_of("IOWA") == "United States"
    graph = network_view(table, filter_positions(table, FilterSpec()), "actor").graph
    countries = [c for _, c in graph.nodes(data="country")]
    assert sum(1 for c in countries if c) > len(countries) / 2
    assert any("else the one most of their events name" in n for n in notices)


def test_the_engines_colour_unlisted_actors_as_the_memory_table_does(tmp_path):
    # The inferred countries travel in the dataset's manifest: DuckDB's network has the
    # same node countries as the in-memory one (before, every such node was unknown there).
    table = _table()
    write_dataset(table, tmp_path / "dataset")
    actors = tmp_path / "actors.csv"  # DIRECTORY, as a file
    actors.write_text(
        "actor,kind,country,aliases\n"
        "United Nations,organisation,,\nZambia Police,government,Zambia,\n",
        encoding="utf-8",
    )
    engine = open_engine(tmp_path / "dataset", "duckdb", actors_path=actors)
    try:
        oracle = MemoryEngine(table)
        assert engine.directory.country_of("Protesters (Zambia)") == "Zambia"
        for spec in (FilterSpec(), FilterSpec(countries=("Zambia",))):
            assert engine.network(spec).nodes == oracle.network(spec).nodes
    finally:
        engine.close()


def test_the_notice_counts_only_the_actors_that_took_a_country(tmp_path):
    # "Traders" is unlisted too but takes no country (no majority): the notice once said
    # "2 actors not in the actors directory" were coloured when one was.
    actors = tmp_path / "actors.csv"
    actors.write_text(
        "actor,kind,country,aliases\n"
        "United Nations,organisation,,\n"
        "Zambia Police,government,Zambia,\n"
    )
    _, notices = load_any(csv_bytes(ROWS), actors_path=actors)
    said = [n for n in notices if "not in the actors directory" in n]
    assert said == [
        "1 actor not in the actors directory takes a country from the table: the network "
        "colours it by the country a state force's name says (\"Military Forces of "
        "Pakistan\") or the table's actor_country column gives, else the one most of its "
        "events name (the country filter keeps to the rows' own countries)."
    ]


def test_load_events_says_the_inferred_countries_as_load_any_does(tmp_path):
    """table.load_events (library callers, the tests) said only the empty rows it skipped;
    the actors that took a country from the table were said by importing.load_any only."""
    actors = tmp_path / "actors.csv"
    actors.write_text(
        "actor,kind,country,aliases\n"
        "United Nations,organisation,,\n"
        "Zambia Police,government,Zambia,\n"
    )
    told: list[str] = []
    table = load_events(csv_bytes(ROWS), actors_path=actors, on_notice=told.append)
    _, notices = load_any(csv_bytes(ROWS), actors_path=actors)
    said = [n for n in notices if "not in the actors directory" in n]
    assert len(said) == 1 and said[0].startswith("1 actor not in the actors directory")
    assert told == said
    assert len(table.directory.inferred) == 1
