"""Benchmark at scale: ``python -m dashboard bench --events N``.

Generates a synthetic table (:mod:`dashboard.synth`) in a temporary directory and
measures, against references taken in the same run:

* ``load_s``: :func:`dashboard.importing.load_any` (read, validate, index), in a fresh
  subprocess so that nothing else counts in its memory; ``rss_mb`` is that process's
  VmRSS with the table loaded and indexed, ``peak_rss_mb`` its VmHWM;
* ``duckdb_load_s``: DuckDB's ``read_csv`` of the same file into a table;
  both load times are the median of ``load_rounds`` loads (default 3), ours and
  DuckDB's taken in turn, each in a fresh process (``load_s_runs`` and
  ``duckdb_load_s_runs`` list them): on a shared machine one load of either can be
  half again as slow as the next, and DuckDB's parallel reader gains most when the
  machine is quiet, so a ratio of single loads says more of the moment than of the code;
* ``filter_ms``: median of :func:`dashboard.filters.filter_positions` for one mixed
  filter (2 countries + 1 actor + 2 event types + one year); ``duckdb_filter_ms`` the
  same filter in SQL (lists split with ``string_split``, a country also matching
  through the actors directory); ``naive_filter_ms`` plain pandas ``str.contains`` on
  the ;-lists. The three must return the same events, or the bench fails;
* ``page_ms``: per page, the time of one full AppTest run of the page script with
  the table loaded through ``EVENTS_PATH``/``ACTORS_PATH``. Each timed run is a
  rerun in a session that already ran once (AppTest's first run of a session also
  scans the installed packages for components, ~130 ms that a server spends once at
  start). The loading run is not counted; ``page_first_ms`` is the page's first run
  (its own per-table caches are built then), ``page_ms`` the median of three steady runs after it;
  ``pages_rss_mb`` (``pages_peak_rss_mb``) the VmRSS (VmHWM) of that process after
  the page runs: the pages run in a fresh process of their own, like an app server,
  whose table is loaded by the app's own loader and holds its per-table caches;
* ``payload_bytes``: per page, the serialised size of every element the run sends
  (``Element`` protobufs: Plotly figure JSON, table Arrow bytes, widget options,
  text), which is what goes over the websocket;
* ``article_page_ms`` / ``article_payload_bytes``: the same for the article's own
  table (data/events.csv), in another fresh process: the target at its size.

The page measurements import Streamlit, which this package never does: they live
in ``ui/bench_pages.py`` and run as a child process (``python -m ui.bench_pages``).
The readable table goes to stdout, and the last line is one JSON object.
DuckDB is a benchmark-only dependency (requirements-test.txt).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from dashboard import synth

ROOT = Path(__file__).resolve().parent.parent
#: The page measurements import Streamlit, so they live with the app (ui/bench_pages.py)
#: and run in a child process of their own: ``python -m`` this module.
PAGES_MODULE = "ui.bench_pages"
FILTER_TYPES = ("meeting", "visit")
FILTER_YEAR = 2022


def rss_mb() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MiB, from /proc/self/status (0 where absent)."""
    found = {"VmRSS": 0.0, "VmHWM": 0.0}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in found:
                    found[key] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return found["VmRSS"], found["VmHWM"]


def _median_ms(run, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def choose_filter(table) -> dict:
    """A mixed filter that selects some events: countries ranked 2 and 3, the busiest
    actor of the second, two event types and one year."""
    counts = table.countries.counts()
    order = np.argsort(-counts, kind="stable")
    countries = [table.countries.names[i] for i in order[1:3]]
    busiest = np.argsort(-table.participants.counts(), kind="stable")
    home = {countries[0]}
    actor = next(
        (
            table.participants.names[i]
            for i in busiest
            if table.directory.country_of(table.participants.names[i]) in home
        ),
        table.participants.names[busiest[0]],
    )
    return {
        "countries": countries,
        "actors": [actor],
        "event_types": list(FILTER_TYPES),
        "start": f"{FILTER_YEAR}-01-01",
        "end": f"{FILTER_YEAR}-12-31",
    }


def _spec(chosen: dict):
    from dashboard.filters import FilterSpec

    return FilterSpec(
        countries=tuple(chosen["countries"]),
        actors=tuple(chosen["actors"]),
        event_types=tuple(chosen["event_types"]),
        start=dt.date.fromisoformat(chosen["start"]),
        end=dt.date.fromisoformat(chosen["end"]),
    )


def naive_filter(events, directory, chosen: dict):
    """The straightforward pandas way: regular expressions over the ;-list text."""
    import re

    def any_item(column, names):
        if not names:
            return np.zeros(len(events), dtype=bool)
        alternatives = "|".join(re.escape(name) for name in names)
        pattern = rf"(?:^|;)\s*(?:{alternatives})\s*(?:;|$)"
        return events[column].str.contains(pattern, regex=True).to_numpy(dtype=bool)

    wanted = set(chosen["countries"])
    their_actors = [
        name for name in directory.countries if directory.country_of(name) in wanted
    ] + [alias for alias, name in directory.aliases.items() if directory.country_of(name) in wanted]
    actors = chosen["actors"] + [a for a, n in directory.aliases.items() if n in chosen["actors"]]
    country = (
        any_item("countries", chosen["countries"])
        | any_item("actors", their_actors)
        | any_item("recipients", their_actors)
    )
    actor = any_item("actors", actors) | any_item("recipients", actors)
    start = np.datetime64(chosen["start"])
    end = np.datetime64(chosen["end"])
    kept = (
        country
        & actor
        & events["event_type"].isin(chosen["event_types"]).to_numpy()
        & (events["end_date"].to_numpy() >= start)
        & (events["start_date"].to_numpy() <= end)
    )
    return events["event_id"].to_numpy()[kept]


def measure_loaded(events_path: str, actors_path: str, repeat: int, pages: bool) -> dict:
    """In this (fresh) process: load, memory, our filter, the naive filter, the pages."""
    import gc

    from dashboard.filters import filter_positions

    table, load_s = _timed_load(events_path, actors_path)
    gc.collect()
    rss, peak = rss_mb()

    chosen = choose_filter(table)
    spec = _spec(chosen)
    filter_ms, positions = _median_ms(lambda: filter_positions(table, spec), repeat)
    ours = table.events["event_id"].to_numpy()[positions]
    # The naive filter takes seconds at 1M events: repeat it only while it is quick.
    naive_ms, naive = _median_ms(lambda: naive_filter(table.events, table.directory, chosen), 1)
    if naive_ms < 1000 and repeat > 1:
        naive_ms, naive = _median_ms(
            lambda: naive_filter(table.events, table.directory, chosen), min(repeat, 3)
        )
    result = {
        "load_s": load_s,
        "rss_mb": rss,
        "peak_rss_mb": peak,
        "filter": chosen,
        "filter_ms": filter_ms,
        "naive_filter_ms": naive_ms,
        "ids": sorted(map(str, ours)),
        "naive_ids": sorted(map(str, naive)),
    }
    if pages:
        # In another fresh process, as in an app server: nothing of this load is left.
        result.update(_run_child(["--pages", events_path, actors_path], PAGES_MODULE))
    return result


def duckdb_load(con, events_path: str) -> float:
    """Seconds DuckDB's ``read_csv`` takes to read the events file into table ``events``."""
    from dashboard import schema

    text = ", ".join(
        f"'{c}': '{'DATE' if c in schema.DATE_COLUMNS else 'VARCHAR'}'"
        for c in schema.SCHEMA_COLUMNS
    )
    start = time.perf_counter()
    con.execute(
        f"CREATE TABLE events AS SELECT * FROM read_csv(?, header = true, columns = {{{text}}})",
        [str(events_path)],
    )
    return time.perf_counter() - start


def measure_load_only(events_path: str, actors_path: str, which: str) -> dict:
    """In this (fresh) process: one load, ours (``load_any``) or DuckDB's, timed alone."""
    if which == "duckdb":
        import duckdb

        return {"load_s": duckdb_load(duckdb.connect(), events_path)}
    return {"load_s": _timed_load(events_path, actors_path)[1]}


def _timed_load(events_path: str, actors_path: str):
    """(the table, seconds) of ``load_any``, the app's one path, as the app runs it."""
    from dashboard.importing import load_any
    from dashboard.memory import tune_allocator

    tune_allocator()  # as every entrypoint does, before the load
    start = time.perf_counter()
    table, _ = load_any(events_path, actors_path=actors_path)
    return table, time.perf_counter() - start


def more_load_runs(events_path: str, actors_path: str, rounds: int) -> tuple[list, list]:
    """``rounds`` more loads of each side, taken in turn, each in a fresh process."""
    ours, theirs = [], []
    for _ in range(rounds):
        for which, runs in (("ours", ours), ("duckdb", theirs)):
            child = _run_child(["--load-only", events_path, actors_path, which])
            runs.append(child["load_s"])
    return ours, theirs


def duckdb_measure(events_path: str, actors_path: str, chosen: dict, repeat: int) -> dict:
    """DuckDB reference: read_csv into a table, then the same filter in SQL."""
    import duckdb

    con = duckdb.connect()
    load_s = duckdb_load(con, events_path)
    con.execute(
        "CREATE TABLE actors AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
        [str(actors_path)],
    )
    # read_csv reads an empty cell as NULL: coalesce, or a NULL list drops the event.
    query = """
        WITH wanted AS (
            SELECT list(trim(actor)) AS names FROM actors
            WHERE trim(country) IN (SELECT unnest($countries))
        ),
        split AS (
            SELECT event_id, event_type, start_date, end_date,
                list_transform(
                    string_split(coalesce(actors, '') || ';' || coalesce(recipients, ''), ';'),
                    lambda x: trim(x)
                ) AS participants,
                list_transform(string_split(coalesce(countries, ''), ';'), lambda x: trim(x))
                    AS listed
            FROM events
        )
        SELECT s.event_id FROM split s, wanted w
        WHERE s.event_type IN (SELECT unnest($types))
          AND s.end_date >= $start::DATE AND s.start_date <= $end::DATE
          AND list_has_any(s.participants, $actors)
          AND (list_has_any(s.listed, $countries) OR list_has_any(s.participants, w.names))
    """
    params = {
        "countries": chosen["countries"],
        "actors": chosen["actors"],
        "types": chosen["event_types"],
        "start": chosen["start"],
        "end": chosen["end"],
    }
    filter_ms, rows = _median_ms(lambda: con.execute(query, params).fetchall(), repeat)
    con.close()
    return {
        "duckdb_load_s": load_s,
        "duckdb_filter_ms": filter_ms,
        "duckdb_ids": sorted(str(r[0]) for r in rows),
    }


def _child(events_path: str, actors_path: str, repeat: int, pages: bool) -> dict:
    return _run_child(["--child", events_path, actors_path, str(repeat), "1" if pages else "0"])


def _run_child(
    arguments: list[str], module: str = "dashboard.bench", env: dict[str, str] | None = None
) -> dict:
    """Run ``python -m module arguments`` in a fresh process (with ``env`` added to the
    environment); its last line is JSON."""
    command = [sys.executable, "-m", module, *arguments]
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"the measuring process failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_bench(
    n_events: int = 1_000_000,
    *,
    seed: int = 0,
    repeat: int = 7,
    pages: bool = True,
    load_rounds: int = 3,
    workdir: str | os.PathLike | None = None,
    out=None,
) -> dict:
    """Run the whole benchmark; prints a readable table then the JSON line to ``out``."""
    out = out or sys.stdout
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-", dir=workdir) as tmp:
        events_path = str(Path(tmp) / "events.csv")
        actors_path = str(Path(tmp) / "actors.csv")
        start = time.perf_counter()
        synth.synthesize(n_events, events_path, seed=seed, actors_output=actors_path)
        synth_s = time.perf_counter() - start
        size_mb = Path(events_path).stat().st_size / 2**20
        # The file on disk before anything is timed: else the kernel writes the fresh
        # file back while the first load runs (ours), and not while DuckDB's does.
        os.sync()

        ours = _child(events_path, actors_path, repeat, pages)
        reference = duckdb_measure(events_path, actors_path, ours["filter"], repeat)
        more_ours, more_theirs = more_load_runs(events_path, actors_path, load_rounds - 1)
    load_runs = [ours["load_s"], *more_ours]
    duckdb_runs = [reference["duckdb_load_s"], *more_theirs]
    load_s, duckdb_load_s = statistics.median(load_runs), statistics.median(duckdb_runs)
    article = _run_child(["--article"], PAGES_MODULE) if pages else {}

    same = ours["ids"] == reference["duckdb_ids"] == ours["naive_ids"]
    result = {
        "events": n_events,
        "seed": seed,
        "file_mb": round(size_mb, 1),
        "synth_s": round(synth_s, 3),
        "load_s": round(load_s, 3),
        "duckdb_load_s": round(duckdb_load_s, 3),
        "load_ratio": round(load_s / duckdb_load_s, 2),
        "load_s_runs": [round(x, 3) for x in load_runs],
        "duckdb_load_s_runs": [round(x, 3) for x in duckdb_runs],
        "rss_mb": round(ours["rss_mb"], 1),
        "peak_rss_mb": round(ours["peak_rss_mb"], 1),
        "filter": ours["filter"],
        "matched": len(ours["ids"]),
        "same_events": same,
        "filter_ms": round(ours["filter_ms"], 3),
        "duckdb_filter_ms": round(reference["duckdb_filter_ms"], 3),
        "naive_filter_ms": round(ours["naive_filter_ms"], 3),
        "filter_ratio": round(ours["filter_ms"] / reference["duckdb_filter_ms"], 3),
        "page_ms": {k: round(v, 1) for k, v in ours.get("page_ms", {}).items()},
        "page_first_ms": {k: round(v, 1) for k, v in ours.get("page_first_ms", {}).items()},
        "payload_bytes": ours.get("payload_bytes", {}),
    }
    if pages:
        result["pages_rss_mb"] = round(ours["pages_rss_mb"], 1)
        result["pages_peak_rss_mb"] = round(ours["pages_peak_rss_mb"], 1)
        result["article_page_ms"] = {k: round(v, 1) for k, v in article["page_ms"].items()}
        result["article_payload_bytes"] = article["payload_bytes"]
    errors = {
        **ours.get("page_errors", {}),
        **{f"article {k}": v for k, v in article.get("page_errors", {}).items()},
    }
    if errors:
        result["page_errors"] = errors
    _print_table(result, out)
    print(json.dumps(result, sort_keys=False), file=out)
    if not same:
        raise AssertionError(
            f"the filters disagree: ours {len(ours['ids'])}, duckdb "
            f"{len(reference['duckdb_ids'])}, naive {len(ours['naive_ids'])} events"
        )
    return result


def _print_table(r: dict, out) -> None:
    f = r["filter"]
    rows = [
        ("events", f"{r['events']:,} ({r['file_mb']} MB CSV, seed {r['seed']})"),
        ("synth", f"{r['synth_s']:.2f} s"),
        (
            "load (read+validate+index)",
            f"{r['load_s']:.2f} s   duckdb read_csv {r['duckdb_load_s']:.2f} s   "
            f"ratio {r['load_ratio']:.2f} (target <= 2)",
        ),
        ("memory", f"{r['rss_mb']:.0f} MB RSS, peak {r['peak_rss_mb']:.0f} MB (target <= 600)"),
        (
            "filter",
            f"{', '.join(f['countries'])} + {f['actors'][0]} + {' / '.join(f['event_types'])}"
            f" + {f['start'][:4]}: {r['matched']} events, same in all three: {r['same_events']}",
        ),
        (
            "filter time",
            f"ours {r['filter_ms']:.2f} ms   duckdb {r['duckdb_filter_ms']:.2f} ms   "
            f"naive pandas {r['naive_filter_ms']:.1f} ms   ratio {r['filter_ratio']:.3f} "
            "(target <= 0.1)",
        ),
    ]
    for page, ms in r["page_ms"].items():
        kib = r["payload_bytes"].get(page, 0) / 1024
        first = r["page_first_ms"].get(page, 0)
        rows.append(
            (
                f"page {page}",
                f"{ms:.0f} ms (first run {first:.0f} ms), payload {kib:.0f} KiB (<= 500 ms, 1 MiB)",
            )
        )
    if "pages_rss_mb" in r:
        rows.append(
            (
                "app process (pages)",
                f"{r['pages_rss_mb']:.0f} MB RSS, peak {r['pages_peak_rss_mb']:.0f} MB "
                "(target <= 500)",
            )
        )
    for page, ms in r.get("article_page_ms", {}).items():
        kib = r["article_payload_bytes"].get(page, 0) / 1024
        rows.append((f"article {page}", f"{ms:.0f} ms, payload {kib:.0f} KiB (<= 150 ms)"))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}", file=out)


def cmd_bench(args, stdout, stderr) -> int:
    """``python -m dashboard bench``."""
    if args.events < 1:
        print("error: --events must be at least 1", file=stderr)
        return 2
    if args.engine != "memory":
        from dashboard.engine_bench import engines_missing, run_engine_bench

        missing = engines_missing()
        if missing:
            print(f"error: --engine {args.engine} needs {missing}", file=stderr)
            return 2
        run_engine_bench(args.events, args.engine, seed=args.seed, repeat=args.repeat, out=stdout)
        return 0
    run_bench(
        args.events,
        seed=args.seed,
        repeat=args.repeat,
        pages=not args.no_pages,
        load_rounds=args.load_rounds,
        out=stdout,
    )
    return 0


def add_command(commands) -> None:
    """Register ``bench`` on the command line's subparsers."""
    parser = commands.add_parser("bench", help="benchmark load, filter and pages at scale")
    parser.add_argument(
        "--events", type=synth.at_least(0), default=1_000_000, metavar="N", help="table rows"
    )
    parser.add_argument("--seed", type=synth.at_least(0), default=0, help="random seed (default 0)")
    parser.add_argument(
        "--repeat", type=synth.at_least(1), default=7, help="filter runs to take the median of"
    )
    parser.add_argument(
        "--load-rounds",
        type=synth.at_least(1),
        default=3,
        help="loads of each side (ours, DuckDB's), in turn, to take the median of (default 3)",
    )
    parser.add_argument("--no-pages", action="store_true", help="skip the page (AppTest) runs")
    parser.add_argument(
        "--engine",
        choices=("memory", "duckdb", "spark"),
        default="memory",
        help="memory (default: load, filter and pages in memory) or a SQL engine over a "
        "Parquet dataset written from the synthetic table (dashboard/engine_bench.py)",
    )
    parser.set_defaults(func=cmd_bench)


if __name__ == "__main__" and len(sys.argv) == 5 and sys.argv[1] == "--load-only":
    print(json.dumps(measure_load_only(*sys.argv[2:])))
if __name__ == "__main__" and len(sys.argv) == 6 and sys.argv[1] == "--child":
    _, _, events, actors, repeats, with_pages = sys.argv
    print(json.dumps(measure_loaded(events, actors, int(repeats), with_pages == "1")))
