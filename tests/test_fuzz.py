"""Corrupted tables from a seed: every outcome is a frame or an EventsFileError (issue 12).

Each case mutates a valid CSV or Parquet file (bytes flipped, inserted, cut, repeated) and
loads it as the app and the command line do (``load_any_frame``). Any other exception is
a defect (it would show a traceback). Bounded in time: cases run until ``FUZZ_SECONDS``
(3 s) or ``FUZZ_CASES`` are done; the seed and case are named on failure, so a failure
replays with ``FUZZ_SEED=<seed>``.
"""

from __future__ import annotations

import io
import os
import random
import time

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import csv_bytes, sample_events

from dashboard.importing import load_any_frame
from dashboard.loading import parse_events
from dashboard.problems import EventsFileError

SEED = int(os.environ.get("FUZZ_SEED", "12"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "3"))
CASES = int(os.environ.get("FUZZ_CASES", "400"))
#: Bytes that matter to a CSV or a text reader.
_SPECIAL = [b'"', b",", b"\n", b"\r", b"\r\n", b"\x00", b"\xff", b"\xef\xbb\xbf", b"'", b"="]


def _csv() -> bytes:
    return csv_bytes(sample_events())


def _parquet() -> bytes:
    frame = parse_events(_csv())
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), sink)
    return sink.getvalue()


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(out) + 1)
        kind = rng.choice(["flip", "insert", "special", "cut", "repeat", "truncate"])
        if kind == "flip" and out:
            out[min(where, len(out) - 1)] = rng.randrange(256)
        elif kind == "insert":
            out[where:where] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == "special":
            out[where:where] = rng.choice(_SPECIAL)
        elif kind == "cut":
            del out[where : where + rng.randint(1, 64)]
        elif kind == "repeat":
            out[where:where] = out[where : where + rng.randint(1, 200)] * rng.randint(2, 5)
        elif kind == "truncate":
            del out[where:]
    return bytes(out)


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_corrupted_files_load_or_say_why(kind):
    original = _csv() if kind == "csv" else _parquet()
    rng = random.Random(f"{SEED}-{kind}")
    deadline = time.monotonic() + SECONDS
    outcomes = {"loaded": 0, "refused": 0}
    for case in range(CASES):
        if time.monotonic() > deadline:
            break
        data = _mutate(original, rng)
        try:
            frame, _ = load_any_frame(data)
        except EventsFileError as err:
            assert err.problems, f"seed {SEED}, {kind} case {case}: no problem listed"
            assert all(str(p) for p in err.problems)
            outcomes["refused"] += 1
        except Exception as err:  # the defect this test looks for
            pytest.fail(
                f"seed {SEED}, {kind} case {case}: {type(err).__name__}: {err}\n"
                f"input: {data[:300]!r}"
            )
        else:
            assert isinstance(frame, pd.DataFrame)
            outcomes["loaded"] += 1
    # Both outcomes happen, so the mutations neither break everything nor nothing.
    assert outcomes["refused"] > 0 and sum(outcomes.values()) >= 20, outcomes
