"""The per-distinct machinery of imports (dashboard.sourcemap) against a naive oracle."""

import numpy as np
import pandas as pd
import pytest

from dashboard.importing import _blank_missing
from dashboard.sourcemap import coded, distinct_rows, per_distinct, per_distinct_coded


def _naive(*columns: pd.Series) -> tuple[list[int], list[tuple]]:
    """Codes in order of first appearance, by tuples (what distinct_rows must equal)."""
    seen: dict[tuple, int] = {}
    codes = [seen.setdefault(row, len(seen)) for row in zip(*columns, strict=True)]
    return codes, list(seen)


@pytest.mark.parametrize(
    ("n_columns", "distinct"),
    [(1, 3), (3, 50), (7, 2000)],  # the last combines past 2**62 and is renumbered midway
)
def test_distinct_rows_equal_the_tuple_oracle(n_columns, distinct):
    rng = np.random.default_rng(n_columns)
    columns = [
        pd.Series(rng.integers(0, distinct, 20_000).astype(str), dtype="str")
        for _ in range(n_columns)
    ]
    codes, rows = distinct_rows(*columns)
    want_codes, want_rows = _naive(*columns)
    assert codes.tolist() == want_codes
    assert list(zip(*(r.tolist() for r in rows), strict=True)) == want_rows


def test_coded_columns_give_the_same_rows_as_plain_ones():
    a = pd.Series(["x", "y", "x", "z", "y", "x"], dtype="str")
    b = pd.Series(["1", "1", "1", "2", "1", "2"], dtype="str")
    plain_codes, plain_rows = distinct_rows(a, b)
    coded_codes, coded_rows = distinct_rows(coded(a), coded(b))
    assert plain_codes.tolist() == coded_codes.tolist() == [0, 1, 0, 2, 1, 3]
    assert [r.tolist() for r in plain_rows] == [r.tolist() for r in coded_rows]


def test_per_distinct_result_can_feed_another_step_coded():
    a = pd.Series(["x", "y", "x", "z"], dtype="str")
    b = pd.Series(["1", "2", "1", "1"], dtype="str")

    def joined(x: pd.Series, y: pd.Series) -> pd.Series:
        return x + "+" + y

    calls = []

    def upper(values: pd.Series) -> pd.Series:
        calls.append(len(values))
        return values.str.upper()

    first = per_distinct_coded(joined, a, b)
    assert first.spread().tolist() == ["x+1", "y+2", "x+1", "z+1"]
    assert per_distinct(upper, first).tolist() == ["X+1", "Y+2", "X+1", "Z+1"]
    assert calls == [3]  # once per distinct value, not per row


def test_missing_tokens_become_empty_and_nulls_stay():
    frame = pd.DataFrame(
        {
            "a": pd.Series(["NA", "Namibia", None, "NULL"], dtype="str"),
            "b": pd.Series(["x", "y", "z", "w"], dtype="str"),
        }
    )
    out = _blank_missing(frame, frozenset({"NA", "NULL"}))
    assert out["a"].tolist()[:2] == ["", "Namibia"]
    assert pd.isna(out["a"].iat[2]) and out["a"].iat[3] == ""
    assert out["b"].tolist() == ["x", "y", "z", "w"]
