"""The indexed event table: postings, countries through actors, aliases, types, day numbers."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from conftest import ACTORS, csv_bytes, csv_text, event_row, sample_events

from dashboard.actors import ACTOR_COLUMNS, parse_actors
from dashboard.loading import parse_events
from dashboard.problems import EventsFileError
from dashboard.table import (
    DEFAULT_EVENTS_PATH,
    EVENTS_PATH_VARIABLE,
    Postings,
    build_table,
    default_events_path,
    load_events,
)


@pytest.fixture
def directory():
    return parse_actors(csv_text(ACTORS, columns=ACTOR_COLUMNS))


@pytest.fixture
def table(directory):
    return build_table(parse_events(csv_bytes(sample_events())), directory, "sample")


def ids_at(table, positions) -> set[str]:
    return set(table.events["event_id"].iloc[np.asarray(positions, dtype=int)])


def posting_ids(table, postings: Postings, name: str) -> set[str]:
    return ids_at(table, np.flatnonzero(postings.mask([name], len(table))))


def expected_ids(predicate) -> set[str]:
    """Reference: ids of the sample events for which ``predicate(row)`` holds."""
    return {row["event_id"] for row in sample_events() if predicate(row)}


def test_actor_and_recipient_postings_follow_their_columns(table):
    assert posting_ids(table, table.actors, "Sergei Lavrov") == {"lavrov-visits-myanmar"}
    assert posting_ids(table, table.recipients, "Sergei Lavrov") == set()
    assert posting_ids(table, table.recipients, "Wang Yi") == {"forum-july"}
    assert posting_ids(table, table.actors, "Antony Blinken") == {"us-condemns"}


def test_aliases_resolve_to_canonical_names_in_every_index(table):
    for postings in (table.actors, table.participants):
        assert "Gen. Hlaing" not in postings.lookup
    # "executions" names Min Aung Hlaing by his alias "Gen. Hlaing".
    assert posting_ids(table, table.actors, "Min Aung Hlaing") == {"executions", "coup"}
    assert posting_ids(table, table.participants, "Min Aung Hlaing") == {
        "lavrov-visits-myanmar",
        "executions",
        "us-condemns",
        "coup",
    }


def test_participants_are_actors_and_recipients(table):
    names = set(table.actors.names) | set(table.recipients.names)
    assert set(table.participants.names) == names
    for name in names:
        both = posting_ids(table, table.actors, name) | posting_ids(table, table.recipients, name)
        assert posting_ids(table, table.participants, name) == both, name


def test_countries_come_from_the_column_and_from_actors_and_recipients(table, directory):
    def reference(country):
        def holds(row):
            listed = {c.strip() for c in row["countries"].split(";")}
            people = [n for col in ("actors", "recipients") for n in row[col].split(";") if n]
            return country in listed or any(directory.country_of(n) == country for n in people)

        return holds

    assert set(table.countries.names) == {"China", "Laos", "Myanmar", "Russia", "United States"}
    for country in table.countries.names:
        assert posting_ids(table, table.countries, country) == expected_ids(reference(country))
    # Spot checks of what the reference means here.
    assert "executions" in posting_ids(table, table.countries, "Myanmar")  # via "Gen. Hlaing"
    assert posting_ids(table, table.countries, "United States") == {"us-condemns"}  # Blinken
    assert "" not in table.countries.lookup  # ASEAN has no country


def test_without_a_directory_only_listed_countries_and_spellings_count(directory):
    table = build_table(parse_events(csv_bytes(sample_events())))
    assert "United States" not in table.countries.lookup
    assert "Gen. Hlaing" in table.actors.lookup
    assert posting_ids(table, table.countries, "Myanmar") == expected_ids(
        lambda row: "Myanmar" in row["countries"]
    )


def test_list_items_are_trimmed_deduplicated_and_empty_items_dropped():
    rows = [
        event_row(
            event_id="a",
            actors=" Wang Yi ;;Wang Yi; ",
            recipients="Wang Yi",
            countries="China; China ;",
        )
    ]
    table = build_table(parse_events(csv_bytes(rows)))
    assert table.actors.names == ("Wang Yi",)
    assert table.actors.counts().tolist() == [1]
    assert table.participants.counts().tolist() == [1]
    assert table.countries.names == ("China",)
    assert table.countries.counts().tolist() == [1]


def test_postings_mask_is_or_of_values_and_ignores_unknown_ones(table):
    n = len(table)
    lavrov = table.participants.mask(["Sergei Lavrov"], n)
    wang = table.participants.mask(["Wang Yi"], n)
    both = table.participants.mask(["Sergei Lavrov", "Wang Yi", "Nobody"], n)
    assert both.dtype == bool and both.shape == (n,)
    assert (both == (lavrov | wang)).all()
    assert not table.participants.mask(["Nobody"], n).any()
    assert not table.participants.mask([], n).any()


def test_postings_counts_and_sorted_names(table):
    counts = dict(zip(table.participants.names, table.participants.counts().tolist(), strict=True))
    assert counts["Min Aung Hlaing"] == 4
    assert counts["Wang Yi"] == 1
    everyone = len(table.participants.names)
    assert table.participants.picker_names(everyone) == sorted(
        table.participants.names, key=str.casefold
    )


def test_postings_build_groups_and_drops_duplicate_pairs():
    postings = Postings.build(["a", "b", "c"], np.array([2, 0, 2, 0, 2]), np.array([5, 1, 3, 1, 0]))
    assert postings.counts().tolist() == [1, 0, 3]
    assert np.flatnonzero(postings.mask(["c"], 6)).tolist() == [0, 3, 5]
    assert not postings.mask(["b"], 6).any()


def test_event_types_vocabulary_first_and_codes_match(table):
    codes = table.type_codes
    assert [table.event_types[c] for c in codes] == table.events["event_type"].tolist()


def test_unknown_event_types_need_allow_unknown_event_types(tmp_path):
    data = csv_bytes([event_row(event_type="picnic"), event_row(event_id="b")])
    with pytest.raises(EventsFileError):
        load_events(data, actors_path=tmp_path / "none.csv")
    table = load_events(data, actors_path=tmp_path / "none.csv", allow_unknown_event_types=True)
    assert table.event_types[-1] == "picnic"
    assert [table.event_types[c] for c in table.type_codes] == ["picnic", "visit"]


def test_start_and_end_days_are_days_since_the_epoch(table):
    epoch = dt.date(1970, 1, 1)
    for i, row in enumerate(sample_events()):
        assert table.start_days[i] == (dt.date.fromisoformat(row["start_date"]) - epoch).days
        assert table.end_days[i] == (dt.date.fromisoformat(row["end_date"]) - epoch).days
    assert np.issubdtype(table.start_days.dtype, np.integer)
    # 32 bits a day number (half of 8 MB a column at 1M events); years 1-9999 fit.
    assert table.start_days.itemsize == table.end_days.itemsize == 4


def test_an_unfiltered_view_shares_one_read_only_array_of_positions():
    rows = [event_row(event_id="first"), event_row(event_id="last")]
    table = build_table(parse_events(csv_bytes(rows)))
    assert table.every_position().tolist() == [0, 1]
    assert not table.every_position().flags.writeable
    assert table.every_position() is table.every_position()  # one array per table


def test_haystack_is_lower_cased_searchable_text(table):
    hay = table.haystack().to_pylist()
    assert len(hay) == len(table)
    assert "lavrov visits naypyitaw" in hay[0]
    assert "bagan" in hay[1]
    assert hay == [h.lower() for h in hay]
    assert table.haystack() is table.haystack()  # built once


def test_take_returns_the_rows_at_positions(table):
    taken = table.take(np.array([3, 0]))
    assert taken["event_id"].tolist() == ["us-condemns", "lavrov-visits-myanmar"]


def test_empty_table_builds():
    header = ",".join(event_row()) + "\n"
    table = build_table(parse_events(header.encode()))
    assert len(table) == 0
    assert table.countries.names == ()
    assert table.start_days.shape == (0,)
    assert table.haystack().to_pylist() == []


def test_load_events_from_path_with_actors_and_label(write_events, write_actors):
    table = load_events(write_events(name="mine.csv"), actors_path=write_actors())
    assert table.label == "mine.csv"
    assert "United States" in table.countries.lookup
    assert isinstance(table.events, pd.DataFrame)


def test_load_events_from_bytes_is_labelled_upload(tmp_path):
    table = load_events(csv_bytes(sample_events()), actors_path=tmp_path / "none.csv")
    assert table.label == "upload"
    assert len(table.directory.kinds) == 0


def test_events_path_variable_chooses_the_default_table(monkeypatch, write_events, tmp_path):
    monkeypatch.delenv(EVENTS_PATH_VARIABLE, raising=False)
    assert default_events_path() == DEFAULT_EVENTS_PATH
    path = write_events(rows=[event_row(event_id="only-one")])
    monkeypatch.setenv(EVENTS_PATH_VARIABLE, str(path))
    assert default_events_path() == path
    table = load_events(actors_path=tmp_path / "none.csv")
    assert table.events["event_id"].tolist() == ["only-one"]


def test_picker_names_are_the_busiest_plus_the_chosen_sorted():
    # b: 3 events, C: 2, a: 1, d: 1 (ties at the cut in name order).
    postings = Postings.build(
        ["C", "a", "b", "d"], np.array([0, 0, 1, 2, 2, 2, 3]), np.array([0, 1, 2, 0, 1, 2, 3])
    )
    assert postings.picker_names(10) == ["a", "b", "C", "d"]
    assert postings.picker_names(2) == ["b", "C"]
    assert postings.picker_names(3) == ["a", "b", "C"]
    assert postings.picker_names(2, ("d", "b", "unknown")) == ["b", "C", "d"]
    # The cached list is not handed out: changing a result changes nothing after.
    postings.picker_names(2).append("x")
    assert postings.picker_names(2) == ["b", "C"]


# --- loading indexes the list columns while it validates --------------------------------------


def _same_postings(left, right) -> None:
    for name in ("actors", "recipients", "participants", "countries"):
        a, b = getattr(left, name), getattr(right, name)
        assert a.names == b.names, name
        assert np.array_equal(a.offsets, b.offsets), name
        assert np.array_equal(a.positions, b.positions), name


@pytest.mark.parametrize("drop", [(), ("recipients",), ("actors", "countries")])
def test_load_events_builds_the_same_indexes_as_build_table(write_events, write_actors, drop):
    rows = [{k: v for k, v in row.items() if k not in drop} for row in sample_events()]
    path = write_events(rows)
    actors = write_actors()
    loaded = load_events(path, actors_path=actors)  # list indexes built in a second thread
    frame = parse_events(path.read_bytes())
    direct = build_table(frame, loaded.directory, "direct")  # all in this thread
    _same_postings(loaded, direct)
    if drop:
        assert all(len(getattr(loaded, n).names) == 0 for n in drop if n != "countries")


def test_a_table_that_fails_validation_raises_its_problems_despite_the_indexing_thread(
    write_events,
):
    path = write_events([event_row(event_id="a"), event_row(event_id="a", start_date="2022-13-01")])
    with pytest.raises(EventsFileError) as caught:
        load_events(path)
    assert [str(p) for p in caught.value.problems] == [
        "row 3, column event_id: duplicate id 'a', first used on row 2",
        "row 3, column start_date: '2022-13-01' is not a real date",
    ]
