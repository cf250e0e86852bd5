"""``python -m dashboard bench-import --events N``: conversion speed against DuckDB's read_csv.

Writes two synthetic files of ``N`` records to a temporary folder: a GDELT 2.0 export
(61 tab-separated columns, no header) and an ACLED export-tool CSV, then times, in
the same run, :func:`dashboard.importing.load_any_frame` (read, recognise, map,
validate) and DuckDB's ``read_csv`` of the same file into a table (every column as
text, as ours reads them). The ratio is the figure to watch (target <= 3x); both
are measured on the same machine at the same moment, so it survives a noisy machine.
Each is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

from dashboard.gdelt import COLUMNS as GDELT_COLUMNS

#: Target: conversion at most this many times DuckDB's read_csv of the same file.
TARGET_RATIO = 3.0

_CODES = np.array(["042", "043", "0211", "080", "111", "141", "173", "190", "057", "1823"])
_ACTORS = np.array(["RUSSIA", "UNITED STATES", "MYANMAR", "CHINA", "MILITARY", "REBEL"])
_ISO3 = np.array(["RUS", "USA", "MMR", "CHN", "MMR", "MMR"])
_FIPS = np.array(["RS", "US", "BM", "CH", "TH", "UP"])
_ACLED_TYPES = np.array(
    [
        "Battles,Armed clash",
        "Protests,Peaceful protest",
        "Violence against civilians,Attack",
        "Strategic developments,Arrests",
        "Strategic developments,Other",
        "Explosions/Remote violence,Air/drone strike",
    ]
)


def write_gdelt(path: Path, n: int, seed: int = 0) -> None:
    """A headerless GDELT 2.0 export of ``n`` records (61 tab-separated columns)."""
    rng = np.random.default_rng(seed)
    days = np.datetime64("2015-02-19") + rng.integers(0, 3000, n).astype("timedelta64[D]")
    sqldate = np.char.replace(days.astype("U10"), "-", "")
    a1, a2 = rng.integers(0, len(_ACTORS), n), rng.integers(0, len(_ACTORS), n)
    columns = dict.fromkeys(GDELT_COLUMNS[61], np.full(n, "", dtype="U1"))
    columns.update(
        GLOBALEVENTID=np.arange(400_000_000, 400_000_000 + n).astype("U12"),
        SQLDATE=sqldate,
        MonthYear=sqldate.astype("U6"),
        Year=sqldate.astype("U4"),
        Actor1Name=_ACTORS[a1],
        Actor1CountryCode=_ISO3[a1],
        Actor2Name=_ACTORS[a2],
        Actor2CountryCode=_ISO3[a2],
        EventCode=_CODES[rng.integers(0, len(_CODES), n)],
        QuadClass=rng.integers(1, 5, n).astype("U1"),
        GoldsteinScale=np.round(rng.uniform(-10, 10, n), 1).astype("U5"),
        NumMentions=rng.integers(1, 50, n).astype("U3"),
        AvgTone=np.round(rng.uniform(-10, 10, n), 4).astype("U8"),
        ActionGeo_FullName=np.full(n, "Yangon, Yangon, Burma"),
        ActionGeo_CountryCode=_FIPS[rng.integers(0, len(_FIPS), n)],
        ActionGeo_Lat=np.full(n, "16.8"),
        ActionGeo_Long=np.full(n, "96.15"),
        DATEADDED=np.char.add(sqldate, "231500"),
        SOURCEURL=np.char.add("https://news.example.org/", np.arange(n).astype("U9")),
    )
    _write(path, [columns[c] for c in GDELT_COLUMNS[61]], "\t", header=None)


def write_acled(path: Path, n: int, seed: int = 0) -> None:
    """An ACLED export-tool CSV of ``n`` records (``02 January 2021`` dates)."""
    rng = np.random.default_rng(seed)
    days = np.datetime64("2018-01-01") + rng.integers(0, 2500, n).astype("timedelta64[D]")
    dates = np.array([d.item().strftime("%d %B %Y") for d in days])
    a1, a2 = rng.integers(0, len(_ACTORS), n), rng.integers(0, len(_ACTORS), n)
    columns = {
        "event_id_cnty": np.char.add("MMR", np.arange(n).astype("U9")),
        "event_date": dates,
        "year": np.array([d[-4:] for d in dates]),
        "time_precision": rng.integers(1, 4, n).astype("U1"),
        "event_type,sub_event_type": _ACLED_TYPES[rng.integers(0, len(_ACLED_TYPES), n)],
        "actor1": np.char.add(_ACTORS[a1], " (Myanmar)"),
        "assoc_actor_1": np.full(n, ""),
        "actor2": np.char.add(_ACTORS[a2], " (Myanmar)"),
        "assoc_actor_2": np.full(n, ""),
        "country": np.full(n, "Myanmar"),
        "admin1": np.full(n, "Yangon"),
        "location": np.full(n, "Yangon - Insein"),
        "latitude": np.full(n, "16.8833"),
        "longitude": np.full(n, "96.1000"),
        "source": np.full(n, "Example Daily"),
        "notes": np.char.add("Fictional synthetic event number ", np.arange(n).astype("U9")),
        "fatalities": rng.integers(0, 20, n).astype("U3"),
    }
    _write(path, list(columns.values()), ",", header=",".join(columns))


def _write(path: Path, columns: list[np.ndarray], sep: str, header: str | None) -> None:
    lines = columns[0].astype(object)
    for column in columns[1:]:
        lines = lines + sep + column.astype(object)
    with path.open("w", encoding="utf-8", newline="") as handle:
        if header:
            handle.write(header + "\n")
        handle.write("\n".join(lines))
        handle.write("\n")


def _best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(n: int, repeat: int = 3, seed: int = 0) -> list[dict[str, float | str]]:
    """Conversion and DuckDB read_csv seconds for a GDELT- and an ACLED-shaped file."""
    import duckdb

    from dashboard.actors import ActorDirectory
    from dashboard.importing import load_any_frame

    results = []
    with tempfile.TemporaryDirectory() as folder:
        for name, write, header in (("gdelt", write_gdelt, False), ("acled", write_acled, True)):
            path = Path(folder) / f"{name}.csv"
            write(path, n, seed)
            frame, _ = load_any_frame(path, directory=ActorDirectory())
            assert len(frame) == n, f"{name}: {len(frame)} of {n} records converted"
            del frame
            convert_s = _best(lambda p=path: load_any_frame(p, directory=ActorDirectory()), repeat)

            def read_duckdb(p=path, h=header) -> None:
                con = duckdb.connect()
                con.execute(
                    "CREATE TABLE t AS SELECT * FROM read_csv(?, all_varchar=true, header=?, "
                    "delim=?, quote='\"')",
                    [str(p), h, "," if h else "\t"],
                )
                con.close()

            duckdb_s = _best(read_duckdb, repeat)
            results.append(
                {
                    "format": name,
                    "events": n,
                    "mb": round(path.stat().st_size / 1e6, 1),
                    "convert_s": round(convert_s, 3),
                    "duckdb_read_csv_s": round(duckdb_s, 3),
                    "ratio": round(convert_s / duckdb_s, 2),
                }
            )
    return results


def cmd_bench_import(args, stdout, stderr) -> int:
    results = measure(args.events, repeat=args.repeat, seed=args.seed)
    for r in results:
        verdict = "within" if r["ratio"] <= TARGET_RATIO else "OVER"
        print(
            f"{r['format']}: {r['events']:,} events ({r['mb']} MB): convert {r['convert_s']} s, "
            f"DuckDB read_csv {r['duckdb_read_csv_s']} s, ratio {r['ratio']}x "
            f"({verdict} the {TARGET_RATIO:g}x target)",
            file=stdout,
        )
    return 0


def add_command(commands) -> None:
    """Register ``bench-import`` on the command line's subparsers."""
    parser = commands.add_parser(
        "bench-import", help="time converting GDELT- and ACLED-shaped files vs DuckDB's read_csv"
    )
    parser.add_argument("--events", type=int, default=1_000_000, metavar="N", help="records")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is kept")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.set_defaults(func=cmd_bench_import)
