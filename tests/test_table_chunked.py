"""Large files: columns in several chunks, long records, whole-file byte checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from dashboard.table import _split_lists


def chunked_series(*chunks: list[str]) -> pd.Series:
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(c) for c in chunks])))


def test_split_lists_counts_events_across_chunks():
    names, codes, events = _split_lists(chunked_series(["a;b", "c"], ["b", "", "a"]))
    pairs = sorted((names[c], int(e)) for c, e in zip(codes, events, strict=True))
    assert pairs == [("a", 0), ("a", 4), ("b", 0), ("b", 2), ("c", 1)]


def test_split_lists_same_as_one_chunk():
    one = _split_lists(pd.Series(["x;y", "y", "", "z;x"], dtype="str"))
    many = _split_lists(chunked_series(["x;y"], ["y", ""], ["z;x"]))
    assert one[0] == many[0]
    np.testing.assert_array_equal(one[1], many[1])
    np.testing.assert_array_equal(one[2], many[2])


def test_the_loaded_table_holds_each_text_column_in_one_chunk(monkeypatch):
    # pandas' take on a many-chunk string column concatenates every chunk first, so the
    # table's text columns are combined once (a read of several blocks gives several
    # chunks); the encoded columns are encoded from the chunks, with the same values.
    from conftest import csv_bytes, event_row

    from dashboard import loading
    from dashboard.table import load_events

    monkeypatch.setattr(loading, "_BLOCK_SIZE", 4096)
    rows = [
        event_row(event_id=f"e{i}", title=f"Event {i}", location=f"Place {i % 3}")
        for i in range(300)
    ]
    data = csv_bytes(rows)
    read = loading.parse_events(data)
    assert pa.array(read["title"]).num_chunks > 1  # as parsed: one chunk per block
    table = load_events(data)
    events = table.events
    assert len(events) == 300 and events["title"].iloc[299] == "Event 299"
    for name in events.columns:
        if pd.api.types.is_string_dtype(events[name].dtype):
            values = pa.array(events[name])
            assert not isinstance(values, pa.ChunkedArray) or values.num_chunks == 1, name
    assert str(events["title"].dtype) == "str"
    assert isinstance(events["location"].dtype, pd.CategoricalDtype)
    pd.testing.assert_frame_equal(table.take(np.arange(300)), read)


def test_a_record_longer_than_a_block_is_read_whole(monkeypatch):
    # pyarrow refuses a record that straddles two blocks; the loader reads such a file
    # again as one block instead of calling it unreadable.
    from conftest import csv_bytes, event_row

    from dashboard import loading

    monkeypatch.setattr(loading, "_BLOCK_SIZE", 4096)
    long_text = "word " * 5000  # 25,000 bytes: several blocks
    rows = [event_row(event_id=f"e{i}", title=f"Event {i}") for i in range(100)]
    rows[50] = event_row(event_id="e50", title="Long", description=long_text)
    frame = loading.parse_events(csv_bytes(rows))
    assert len(frame) == 100
    assert frame["description"].iloc[50] == long_text
    assert frame["title"].iloc[99] == "Event 99"


def test_count_byte_counts_as_bytes_count_does(monkeypatch):
    from dashboard import loading

    monkeypatch.setattr(loading, "_COUNT_CHUNK", 7)
    data = b'a"b""c\n"' * 13 + b'"'
    assert loading.count_byte(data, b'"') == data.count(b'"') == 53
    assert loading.count_byte(b"", b'"') == 0


@pytest.mark.parametrize(
    "data",
    [
        b"plain ascii",
        "é, ü, €, 𝄞".encode(),
        b"\xed\xa0\x80",  # an encoded surrogate
        b"\xc0\x80",  # an overlong NUL
        b"\xf4\x90\x80\x80",  # above U+10FFFF
        b"caf\xe9",  # Latin-1
        b"a\xff",
        b"ok\xe2\x82",  # cut in the middle of a character
    ],
)
def test_in_place_utf8_check_agrees_with_python(data):
    # The sniffing step checks UTF-8 in place instead of decoding a copy of the file.
    from dashboard.containers import is_utf8

    try:
        data.decode("utf-8")
        valid = True
    except UnicodeDecodeError:
        valid = False
    assert is_utf8(data) is valid


@pytest.mark.parametrize(
    ("column", "bad", "message"),
    [
        ("title", "   ", "is empty"),
        ("start_date", "2020-1-01", "'2020-1-01' is not a date in the form YYYY-MM-DD"),
    ],
)
def test_a_bad_value_in_a_later_chunk_is_named_by_its_row(monkeypatch, column, bad, message):
    # The fast validation reads the reader's chunks one by one (they are no longer
    # combined first): a bad value in the last chunk must send the table to the exact
    # checks, which name its row.
    from conftest import csv_bytes, event_row

    from dashboard import fastcheck, loading
    from dashboard.problems import EventsFileError

    monkeypatch.setattr(loading, "_BLOCK_SIZE", 4096)
    rows = [event_row(event_id=f"e{i}", title=f"Event {i}") for i in range(300)]
    rows[290] = {**rows[290], column: bad}
    data = csv_bytes(rows)
    frame = loading._complete_schema(loading.read_csv_table(data))
    assert pa.array(frame[column]).num_chunks > 2  # the bad value is past the first chunk
    assert fastcheck.dates_if_surely_valid(frame) is None
    with pytest.raises(EventsFileError) as raised:
        loading.parse_events(data)
    assert [(p.row, p.column, p.message) for p in raised.value.problems] == [(292, column, message)]
