"""Repetitive text held as categories in the shared table, handed out plain (dashboard.compact)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard import export, synth
from dashboard.compact import compact_text, is_text, plain_series, plain_text
from dashboard.importing import load_any
from dashboard.loading import load_events_frame
from dashboard.window import display_window


def _text(values) -> pd.Series:
    return pd.Series(values, dtype="str")


def test_repetitive_columns_become_categories_and_come_back_identical():
    n = 4_000
    frame = pd.DataFrame(
        {
            "kind": _text(["meeting", "visit", "", "meeting"] * (n // 4)),
            "id": _text([f"E{i}" for i in range(n)]),
            "gaps": _text(["a", None, "b", "a"] * (n // 4)),
            "number": np.arange(n),
        }
    ).set_axis(np.arange(n) + 10)
    compact = compact_text(frame, keep_plain=("kind",))
    assert compact["kind"].dtype == frame["kind"].dtype  # kept plain on request
    assert isinstance(compact["gaps"].dtype, pd.CategoricalDtype)
    assert compact["id"].dtype == frame["id"].dtype  # every value distinct: not worth it
    assert compact["number"].dtype == frame["number"].dtype
    everything = compact_text(frame)
    assert isinstance(everything["kind"].dtype, pd.CategoricalDtype)
    repeated = ["kind", "gaps"]
    assert (
        everything[repeated].memory_usage(deep=True, index=False).sum()
        < frame[repeated].memory_usage(deep=True, index=False).sum() / 4
    )

    back = plain_text(everything)
    pd.testing.assert_frame_equal(back, frame)  # values, missing values, dtypes, index
    rows = [3, 0, 2, 3_999]
    pd.testing.assert_frame_equal(plain_text(everything.iloc[rows]), frame.iloc[rows])
    assert plain_series(everything["gaps"]).isna().sum() == frame["gaps"].isna().sum()


def test_coordinates_are_encoded_and_lists_of_names_are_not():
    # Past the first sample: the second (262,144 rows) decides. Coordinates repeat
    # (a fifth of them distinct there); lists of names mostly do not (a third).
    n = 300_000
    rng = np.random.default_rng(0)
    spots = [f"{value:.3f}" for value in rng.uniform(-90, 90, 1_000)]
    # 85 % at a thousand places, the rest each somewhere else: 15 % distinct at 262,144.
    common = rng.random(n) < 0.85
    latitude = [
        spots[k] if near else f"{i / 1000 - 90:.3f}"
        for i, (near, k) in enumerate(zip(common, rng.integers(0, 1_000, n), strict=True))
    ]
    names = [f"Actor {i // 3};Other {i // 3 % 7}" for i in range(n)]
    frame = pd.DataFrame({"latitude": _text(latitude), "actors": _text(names)})
    compact = compact_text(frame)
    assert isinstance(compact["latitude"].dtype, pd.CategoricalDtype)
    assert compact["actors"].dtype == frame["actors"].dtype
    pd.testing.assert_frame_equal(plain_text(compact), frame)


def _distinct_places(n: int, distinct: int) -> pd.Series:
    rng = np.random.default_rng(1)
    return _text([f"{value:.4f}" for value in rng.integers(0, distinct, n) / 7])


def _kept_bytes(make) -> tuple[object, int]:
    """(what ``make()`` returns, the bytes of Python objects and numpy arrays it keeps)."""
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        made = make()
        gc.collect()
        return made, tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_categories_keep_no_lookup_table_of_their_values():
    # pandas checks that categories are distinct by building their lookup table (a
    # Python string per value and a hash table) and keeps it with the column: ~20 MB in
    # the 1M-event table. Arrow's dictionary is distinct already; the column keeps its
    # codes (2 bytes a row here) and the values in Arrow memory, no Python strings.
    n, distinct = 600_000, 24_000
    frame = pd.DataFrame({"place": _distinct_places(n, distinct)})
    compact, kept = _kept_bytes(lambda: compact_text(frame))
    codes = compact["place"].array.codes
    assert isinstance(compact["place"].dtype, pd.CategoricalDtype)
    assert len(compact["place"].cat.categories) > distinct * 0.99
    assert kept < codes.nbytes + 256 * 1024, (kept, codes.nbytes)
    # The same column: values, lookups and comparisons as pandas' checked categories.
    checked = frame["place"].astype("category")
    pd.testing.assert_frame_equal(plain_text(compact), frame)
    first = frame["place"].iloc[0]
    assert (compact["place"] == first).tolist() == (checked == first).tolist()
    assert compact["place"].cat.categories.get_loc(first) >= 0
    assert compact["place"].isin([first]).sum() == (frame["place"] == first).sum()


def test_is_text_knows_categories_of_text_only():
    assert is_text(_text(["a"]).dtype)
    assert is_text(pd.Series(["a", "a"], dtype="str").astype("category").dtype)
    assert not is_text(pd.Series([1, 1]).astype("category").dtype)
    assert not is_text(np.dtype("int64"))


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compact")
    events, actors = folder / "events.csv", folder / "actors.csv"
    synth.synthesize(6_000, events, seed=3, actors_output=actors)
    table, _ = load_any(events, actors_path=actors)
    plain = load_events_frame(events)
    return table, plain


def test_the_loaded_table_holds_repetitive_text_as_categories(loaded):
    table, plain = loaded
    for column in ("event_type", "date_precision", "date_basis", "description"):
        assert isinstance(table.events[column].dtype, pd.CategoricalDtype), column
    assert table.events["event_id"].dtype == plain["event_id"].dtype  # ids stay plain
    assert table.events.memory_usage(deep=True).sum() < 0.8 * plain.memory_usage(deep=True).sum()


def test_what_leaves_the_table_is_the_loaded_frame(loaded):
    table, plain = loaded
    rng = np.random.default_rng(5)
    positions = np.sort(rng.choice(len(plain), 700, replace=False))
    pd.testing.assert_frame_equal(table.take(positions), plain.iloc[positions])
    everything = np.arange(len(plain))
    assert export.export_csv(table.take(everything)) == export.export_csv(plain)
    window = display_window(table.events, positions, list(plain.columns))
    expected = display_window(plain, positions, list(plain.columns))
    pd.testing.assert_frame_equal(window.frame, expected.frame)
    assert window.estimated_bytes == expected.estimated_bytes


def test_the_filters_facets_and_search_give_what_the_plain_table_gives(loaded):
    from dashboard.filters import FilterSpec, facet_columns, facet_counts, filter_positions
    from dashboard.table import build_table

    table, plain = loaded
    oracle = build_table(plain, table.directory)  # build_table alone does not compact
    assert not any(isinstance(d, pd.CategoricalDtype) for d in oracle.events.dtypes)
    kind = plain["event_type"].iloc[0]
    word = plain["description"].iloc[0].split()[-1]
    specs = [
        FilterSpec(q=word),
        FilterSpec(event_types=(kind,), q=word.upper()),
        FilterSpec(facets=(("date_precision", ("month", "year")),)),
        FilterSpec(facets=(("location", (plain["location"].iloc[1],)),), q=kind),
    ]
    for spec in specs:
        got = filter_positions(table, spec)
        assert len(got), spec
        np.testing.assert_array_equal(got, filter_positions(oracle, spec))
    assert facet_columns(table) == facet_columns(oracle)
    everything = np.arange(len(plain))
    for column in ("date_precision", "location", "source"):
        assert facet_counts(table, everything, column) == facet_counts(oracle, everything, column)


def test_text_in_chunks_encodes_as_the_combined_text():
    # The loader's columns come in chunks (one per block read); they are encoded as
    # they are: the same values and codes as the combined column, missing ones -1.
    import pyarrow as pa

    from dashboard.compact import encode_text

    chunks = [["b", "a", None], [], ["c", "b"], ["a", None, "d"]]
    chunked = pa.chunked_array([pa.array(c, type=pa.large_string()) for c in chunks])
    values, codes = encode_text(chunked)
    whole_values, whole_codes = encode_text(chunked.combine_chunks())
    assert values.to_pylist() == whole_values.to_pylist() == ["b", "a", "c", "d"]
    np.testing.assert_array_equal(codes, whole_codes)
    decoded = [values[c].as_py() if c >= 0 else None for c in codes]
    assert decoded == [v for chunk in chunks for v in chunk]
