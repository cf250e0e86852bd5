"""Indexes of columns that pyarrow hands over in several chunks (large files)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

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
