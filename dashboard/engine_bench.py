"""``python -m dashboard bench --engine duckdb|spark``: the query layer over a Parquet dataset.

Generates the synthetic table (:mod:`dashboard.synth`), writes it as a Parquet dataset
in chunks (:func:`dashboard.dataset.write_dataset_in_chunks`, what ``convert --to
parquet-dataset`` does; ``write_peak_rss_mb`` its peak memory) in a first child
process, then, in a fresh
second one that never holds the table, opens the engine over the dataset and measures:

* ``engine_open_s`` and ``engine_rss_mb`` (VmRSS of that process after every query:
  what an app process serving from this engine holds besides Streamlit);
* ``filter_ms``: median of the engine's ``event_ids`` for the benchmark filter, and
  ``direct_sql_ms`` the same filter written by hand in DuckDB SQL over the same files
  (``filter_ratio`` = the two), run in turns; both must return the in-memory filter's
  events;
* ``view_ms`` / ``view_bytes``: per page, the queries the page asks of the query layer
  (:mod:`dashboard.query`) with no filter and with the benchmark filter (the slower
  counts), and the size of their results (frames as Arrow bytes, the rest as JSON).
  Each call asks the engine (no answer is kept).
* ``page_ms`` / ``page_first_ms`` / ``payload_bytes`` / ``pages_rss_mb``: the app's
  pages themselves, run in AppTest with ``ENGINE=<engine>`` over the dataset, in a
  third fresh process (:mod:`ui.bench_pages`), unfiltered; with
  ``ENGINE_ANSWERS_KEPT=0`` so that every run asks the engine everything (a server
  keeps the answers and serves repeated views from memory).

The readable table goes to stdout, then one JSON object as the last line.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dashboard import synth
from dashboard.bench import _median_ms, _run_child, _spec, choose_filter, rss_mb
from dashboard.geomap import CELL_DEGREES

#: Per page, the queries it asks: (name, function of (engine, spec)).
VIEWS = {
    "Timeline": lambda engine, spec: engine.lane_counts(spec, "country", "month"),
    "Network": lambda engine, spec: engine.network(spec, "actor"),
    "Events": lambda engine, spec: (engine.summary(spec), engine.window(spec, 0, 5000)),
    "About the data": lambda engine, spec: (engine.info(), engine.vocabulary(), engine.count(spec)),
    # The cells the Map page asks for (its finest), as pages/4_Map.py does.
    "Map": lambda engine, spec: engine.map_cells(spec, CELL_DEGREES[0]),
}
#: The hand-written DuckDB query of the benchmark filter over the dataset's files.
DIRECT_SQL = """
    SELECT event_id FROM read_parquet($files, hive_partitioning = true)
    WHERE event_type IN (SELECT unnest($types))
      AND end_date >= $start::DATE AND start_date <= $end::DATE
      AND list_has_any(_participants, $actors)
      AND list_has_any(_country_keys, $countries)
"""


def engines_missing() -> str | None:
    """What the engine benchmark needs and this checkout lacks (the query layer), or None."""
    import importlib.util

    for module in ("dashboard.query", "dashboard.dataset", "duckdb"):
        if importlib.util.find_spec(module) is None:
            return f"the module {module}, which this checkout does not have"
    return None


def _result_bytes(result) -> int:
    """Size of a query result as a page would send it: frames as Arrow, the rest as JSON."""
    import pandas as pd
    import pyarrow as pa

    frames = 0

    def plain(value):
        nonlocal frames
        if isinstance(value, pd.DataFrame):
            frames += pa.Table.from_pandas(value, preserve_index=False).nbytes
            return None
        if hasattr(value, "__dataclass_fields__"):
            return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__}
        if isinstance(value, tuple | list):
            return [plain(v) for v in value]
        return value

    text = json.dumps(plain(result), default=str).encode("utf-8")
    return len(text) + frames


def write_child(events_path: str, actors_path: str, folder: str) -> dict:
    """Convert the CSV in chunks, as ``convert --to parquet-dataset`` does; the oracle's ids.

    The filter is chosen on the first chunk (its first ~230,000 events; the synthetic
    table is drawn the same way throughout) and applied by the in-memory index to each
    chunk as it is read: the reference answer, without ever holding the table.
    """
    from dashboard.dataset import write_dataset_in_chunks
    from dashboard.filters import filter_positions
    from dashboard.memory import tune_allocator

    tune_allocator()
    chosen: dict = {}
    ids: list[str] = []

    def on_chunk(table, first_record: int) -> None:
        if not chosen:
            chosen.update(choose_filter(table))
        found = filter_positions(table, _spec(chosen))
        ids.extend(map(str, table.events["event_id"].to_numpy()[found]))

    start = time.perf_counter()
    write_dataset_in_chunks(events_path, folder, actors_path=actors_path, on_chunk=on_chunk)
    write_s = time.perf_counter() - start
    _, peak = rss_mb()
    return {"filter": chosen, "ids": sorted(ids), "write_s": write_s, "write_peak_rss_mb": peak}


def engine_child(name: str, folder: str, actors_path: str, chosen: dict, repeat: int) -> dict:
    """In a fresh process: open the engine over the dataset and time its queries."""
    import duckdb

    from dashboard.dataset import read_info
    from dashboard.filters import FilterSpec
    from dashboard.memory import tune_allocator
    from dashboard.query import open_engine

    tune_allocator()
    start = time.perf_counter()
    engine = open_engine(folder, name, actors_path)
    open_s = time.perf_counter() - start
    engine.answers_kept = 0  # every call asks the engine: nothing is answered from memory
    spec = _spec(chosen)
    connection = duckdb.connect()
    params = {
        "files": read_info(folder).files,
        "types": chosen["event_types"],
        "start": chosen["start"],
        "end": chosen["end"],
        "actors": chosen["actors"],
        "countries": chosen["countries"],
    }
    # Taken in turns (engine, hand SQL, engine...): on a shared machine whose load
    # changes, two blocks of runs one after the other would compare different loads.
    engine_ms, hand_ms = [], []
    for _ in range(max(1, repeat)):
        ms, ids = _median_ms(lambda: engine.event_ids(spec), 1)
        engine_ms.append(ms)
        ms, rows = _median_ms(lambda: connection.execute(DIRECT_SQL, params).fetchall(), 1)
        hand_ms.append(ms)
    filter_ms, direct_ms = statistics.median(engine_ms), statistics.median(hand_ms)
    connection.close()

    view_ms, view_first_ms, view_bytes = {}, {}, {}
    for view, ask in VIEWS.items():
        slowest, first, size = 0.0, 0.0, 0
        for view_spec in (FilterSpec(), spec):
            first_ms, _ = _median_ms(lambda s=view_spec, a=ask: a(engine, s), 1)
            ms, result = _median_ms(lambda s=view_spec, a=ask: a(engine, s), min(repeat, 3))
            slowest, first = max(slowest, ms), max(first, first_ms)
            size = max(size, _result_bytes(result))
        view_ms[view], view_first_ms[view], view_bytes[view] = slowest, first, size
    rss, peak = rss_mb()
    engine.close()
    return {
        "engine_open_s": open_s,
        "filter_ms": filter_ms,
        "direct_sql_ms": direct_ms,
        "ids": sorted(map(str, ids)),
        "direct_ids": sorted(str(row[0]) for row in rows),
        "view_ms": view_ms,
        "view_first_ms": view_first_ms,
        "view_bytes": view_bytes,
        "engine_rss_mb": rss,
        "engine_peak_rss_mb": peak,
    }


def run_engine_bench(
    n_events: int, engine: str, *, seed: int = 0, repeat: int = 7, workdir=None, out=None
) -> dict:
    """The whole engine benchmark; prints a readable table then the JSON line to ``out``."""
    out = out or sys.stdout
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-", dir=workdir) as tmp:
        events_path = str(Path(tmp) / "events.csv")
        actors_path = str(Path(tmp) / "actors.csv")
        folder = str(Path(tmp) / "dataset")
        start = time.perf_counter()
        synth.synthesize(n_events, events_path, seed=seed, actors_output=actors_path)
        synth_s = time.perf_counter() - start
        written = _run_child(
            ["--write", events_path, actors_path, folder], "dashboard.engine_bench"
        )
        Path(events_path).unlink()  # the engine reads the dataset only
        measured = _run_child(
            ["--engine", engine, folder, actors_path, json.dumps(written["filter"]), str(repeat)],
            "dashboard.engine_bench",
        )
        pages = _run_child(
            ["--pages", folder, actors_path],
            "ui.bench_pages",
            # No answer is kept between runs: each page run asks the engine everything.
            {"ENGINE": engine, "ENGINE_ANSWERS_KEPT": "0"},
        )
        dataset_mb = sum(p.stat().st_size for p in Path(folder).rglob("*")) / 2**20
    same = written["ids"] == measured["ids"] == measured["direct_ids"]
    result = {
        "events": n_events,
        "engine": engine,
        "seed": seed,
        "dataset_mb": round(dataset_mb, 1),
        "synth_s": round(synth_s, 3),
        "write_s": round(written["write_s"], 3),
        "write_peak_rss_mb": round(written["write_peak_rss_mb"], 1),
        "engine_open_s": round(measured["engine_open_s"], 3),
        "filter": written["filter"],
        "matched": len(written["ids"]),
        "same_events": same,
        "filter_ms": round(measured["filter_ms"], 3),
        "direct_sql_ms": round(measured["direct_sql_ms"], 3),
        "filter_ratio": round(measured["filter_ms"] / measured["direct_sql_ms"], 3),
        "view_ms": {k: round(v, 1) for k, v in measured["view_ms"].items()},
        "view_first_ms": {k: round(v, 1) for k, v in measured["view_first_ms"].items()},
        "view_bytes": measured["view_bytes"],
        "engine_rss_mb": round(measured["engine_rss_mb"], 1),
        "engine_peak_rss_mb": round(measured["engine_peak_rss_mb"], 1),
        "page_ms": {k: round(v, 1) for k, v in pages["page_ms"].items()},
        "page_first_ms": {k: round(v, 1) for k, v in pages["page_first_ms"].items()},
        "payload_bytes": pages["payload_bytes"],
        "page_errors": pages["page_errors"],
        "pages_rss_mb": round(pages["pages_rss_mb"], 1),
        "pages_peak_rss_mb": round(pages["pages_peak_rss_mb"], 1),
    }
    _print_table(result, out)
    print(json.dumps(result), file=out)
    if not same:
        raise AssertionError(
            f"the filters disagree: in memory {len(written['ids'])}, {engine} "
            f"{len(measured['ids'])}, direct SQL {len(measured['direct_ids'])} events"
        )
    return result


def _print_table(r: dict, out) -> None:
    rows = [
        ("events", f"{r['events']:,} as a {r['dataset_mb']} MB Parquet dataset, seed {r['seed']}"),
        (
            "conversion",
            f"{r['write_s']:.0f} s in chunks, peak {r['write_peak_rss_mb']:.0f} MB RSS",
        ),
        ("engine", f"{r['engine']}, opened in {r['engine_open_s']:.2f} s"),
        (
            "filter time",
            f"engine {r['filter_ms']:.1f} ms   DuckDB SQL by hand {r['direct_sql_ms']:.1f} ms   "
            f"ratio {r['filter_ratio']:.2f} (target <= 1.5); {r['matched']} events, "
            f"same as in memory: {r['same_events']}",
        ),
    ]
    for view, ms in r["view_ms"].items():
        kib = r["view_bytes"][view] / 1024
        rows.append(
            (
                f"queries of {view}",
                f"{ms:.0f} ms (first {r['view_first_ms'][view]:.0f} ms), result {kib:.0f} KiB "
                "(page <= 1.5 s, 1 MiB)",
            )
        )
    for page, ms in r["page_ms"].items():
        kib = r["payload_bytes"][page] / 1024
        rows.append(
            (
                f"page {page}",
                f"{ms:.0f} ms server-side (first {r['page_first_ms'][page]:.0f} ms), "
                f"{kib:.0f} KiB sent (<= 1.5 s, 1 MiB)",
            )
        )
    rows.append(
        (
            "app process",
            f"{r['pages_rss_mb']:.0f} MB RSS, peak {r['pages_peak_rss_mb']:.0f} MB "
            "(Streamlit + engine, every page run; <= 600 MB)",
        )
    )
    rows.append(
        (
            "engine process",
            f"{r['engine_rss_mb']:.0f} MB RSS, peak {r['engine_peak_rss_mb']:.0f} MB "
            "(app <= 600 MB)",
        )
    )
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}", file=out)


def main(argv: list[str]) -> int:
    """The two child processes (see :func:`run_engine_bench`); one JSON line each."""
    if len(argv) == 4 and argv[0] == "--write":
        print(json.dumps(write_child(*argv[1:])))
    elif len(argv) == 6 and argv[0] == "--engine":
        name, folder, actors, chosen, repeat = argv[1:]
        print(json.dumps(engine_child(name, folder, actors, json.loads(chosen), int(repeat))))
    else:
        print("usage: see dashboard.engine_bench", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
