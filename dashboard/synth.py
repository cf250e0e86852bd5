"""Synthetic events tables in our schema, for benchmarks and load tests.

:func:`generate` builds a deterministic, realistic-looking table for a seed: about
200 countries with a Zipf-like frequency, about 5,000 actors (each with a home
country, listed in an actors directory so a country filter also reaches events
through their actors), every event type, mixed date precisions with the spans the
schema requires, 1-3 actors and 0-3 recipients per event and short text. Events
located at a capital (about 60 %) carry coordinates: the capital's fixed point, jittered
by about 30 km, so the Map has points (and, at scale, cells) to draw. Rows are made
with vectorised numpy and pyarrow compute, so a million rows take seconds.
Events name actors by their canonical names only (aliases live in the directory).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from dashboard import schema
from dashboard.actors import ACTOR_COLUMNS

N_COUNTRIES = 200
N_ACTORS = 5_000
FIRST_DAY = np.datetime64("2010-01-01")
LAST_DAY = np.datetime64("2024-12-31")
#: Exponent of the Zipf-like law of country frequency (rank r gets weight 1 / r**s).
COUNTRY_ZIPF = 1.1

#: Countries of the article first, so the most frequent ones read naturally.
_REAL_COUNTRIES = (
    "Myanmar",
    "Russia",
    "China",
    "United States",
    "Thailand",
    "India",
    "Cambodia",
    "Laos",
    "Vietnam",
    "Japan",
    "Bangladesh",
    "Ukraine",
    "Indonesia",
    "Malaysia",
    "Singapore",
    "Philippines",
    "United Kingdom",
    "France",
    "Germany",
    "Australia",
)
_SYLLABLES = (
    "ka", "lo", "ri", "ma", "ven", "dor", "sa", "li", "tan", "mo", "ra", "bel", "nu", "zar",
    "qu", "e", "os", "ta", "vi", "len", "gor", "da", "mir", "ul", "pa", "shi", "ko", "an",
)  # fmt: skip
_COUNTRY_ENDINGS = ("ia", "stan", "land", "ova", "ea", "ar", "is", "ana")
_PRECISION_WEIGHTS = {"day": 0.70, "week": 0.10, "month": 0.15, "year": 0.05}
#: Relative frequency of each event type (every type occurs).
_TYPE_WEIGHTS = {
    "visit": 12,
    "meeting": 20,
    "multilateral meeting": 6,
    "statement of support": 10,
    "agreement": 6,
    "military cooperation": 5,
    "arms transfer": 2,
    "condemnation": 12,
    "sanction/embargo call": 4,
    "protest": 6,
    "sanction": 3,
    "coup": 0.1,
    "repression/execution": 2,
    "violence against civilians": 7,
    "armed clash": 8,
}
_TYPE_PHRASES = {
    "visit": "visits",
    "meeting": "meets",
    "multilateral meeting": "joins a summit with",
    "statement of support": "backs",
    "agreement": "signs an agreement with",
    "military cooperation": "holds defence talks with",
    "arms transfer": "supplies arms to",
    "condemnation": "condemns",
    "sanction/embargo call": "calls for sanctions on",
    "protest": "protests against",
    "sanction": "imposes sanctions on",
    "coup": "seizes power from",
    "repression/execution": "executes opponents of",
    "violence against civilians": "attacks civilians near",
    "armed clash": "clashes with",
}
_DESCRIPTIONS = (
    "Officials described the talks as constructive.",
    "The statement drew sharp criticism from opposition groups.",
    "State media reported the event the following day.",
    "Details were confirmed by two diplomats, who asked not to be named.",
    "Observers said the move signalled closer ties.",
    "The ministry gave no further details.",
    "Rights groups called for an independent investigation.",
    'A spokesman called it "a step forward", without elaborating.',
)
_OUTLETS = ("Reuters", "Associated Press", "AFP", "Nikkei Asia", "The Irrawaddy", "Xinhua")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class SyntheticTable:
    """A generated events table and the actors directory its events refer to."""

    events: pa.Table
    actors: pa.Table
    countries: tuple[str, ...]


def _name(rng: np.random.Generator, parts: int, ending: str = "") -> str:
    picks = rng.integers(0, len(_SYLLABLES), parts).tolist()
    return "".join(_SYLLABLES[i] for i in picks).capitalize() + ending


def _unique_names(rng: np.random.Generator, count: int, make, taken: set[str]) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = make()
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def _zipf_weights(count: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, count + 1) ** exponent
    return weights / weights.sum()


def _make_actors(rng: np.random.Generator, countries: list[str]) -> pa.Table:
    """Governments and armed forces of every country, organisations, then people."""
    n_countries = len(countries)
    taken: set[str] = set(countries)
    rows: list[tuple[str, str, int, str]] = []
    for code, country in enumerate(countries):
        rows.append((f"Government of {country}", "government", code, f"{country} government"))
        rows.append((f"{country} Armed Forces", "military", code, f"{country} military"))
    home_weights = _zipf_weights(n_countries, COUNTRY_ZIPF)
    n_orgs = 100
    org_names = _unique_names(
        rng, n_orgs, lambda: f"{_name(rng, 2)} {rng.choice(['Union', 'Council', 'Front'])}", taken
    )
    org_homes = rng.choice(n_countries, n_orgs, p=home_weights)
    rows += [
        (name, "organisation", int(home), "")
        for name, home in zip(org_names, org_homes, strict=True)
    ]
    n_people = N_ACTORS - len(rows)
    people = _unique_names(rng, n_people, lambda: f"{_name(rng, 2)} {_name(rng, 3)}", taken)
    homes = rng.choice(n_countries, n_people, p=home_weights)
    alias_taken = {alias for *_, alias in rows}
    for name, home in zip(people, homes, strict=True):
        first, last = name.split(" ", 1)
        alias = f"{first[0]}. {last}"
        # Aliases must resolve to one actor: drop any that would be ambiguous.
        if alias in alias_taken or alias in taken:
            alias = ""
        alias_taken.add(alias)
        rows.append((name, "person", int(home), alias))
    names, kinds, homes_, aliases = zip(*rows, strict=True)
    return pa.table(
        {
            "actor": pa.array(names, pa.string()),
            "kind": pa.array(kinds, pa.string()),
            "country": pa.array([countries[h] for h in homes_], pa.string()),
            "aliases": pa.array(aliases, pa.string()),
            "country_code": pa.array(homes_, pa.int32()),
        }
    )


def _names_at(names: pa.Array, codes: np.ndarray) -> pa.Array:
    """``names[codes]`` with nulls where ``codes`` is -1."""
    codes = np.ascontiguousarray(codes)
    return pc.take(names, pa.array(codes, mask=codes < 0))


def _join_lists(names: pa.Array, codes: np.ndarray) -> pa.Array:
    """Each row's valid codes (>= 0), in slot order, as one ;-separated cell."""
    valid = codes >= 0
    offsets = np.zeros(len(codes) + 1, dtype=np.int32)
    np.cumsum(valid.sum(axis=1), out=offsets[1:])
    items = pc.take(names, pa.array(codes[valid]))
    if isinstance(items, pa.ChunkedArray):
        items = items.combine_chunks()
    # binary_join of lists, not binary_join_element_wise(..., null_handling="skip"):
    # the latter drops all-null rows in pyarrow 26.
    return pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), items), schema.LIST_SEPARATOR)


def _dates(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(start, end, precision code): day spans of 1-4 days, thirds of a month, months, years."""
    span = int((LAST_DAY - FIRST_DAY).astype(int))
    # More events in later years, as in real event data.
    day = FIRST_DAY + (np.sqrt(rng.random(n)) * span).astype("timedelta64[D]")
    precision = rng.choice(len(schema.PRECISIONS), n, p=list(_PRECISION_WEIGHTS.values()))
    month = day.astype("datetime64[M]")
    next_month = (month + 1).astype("datetime64[D]")
    year = day.astype("datetime64[Y]")
    day_end = day + rng.choice([0, 0, 0, 0, 0, 1, 2, 3], n).astype("timedelta64[D]")
    third = np.minimum((day - month.astype("datetime64[D]")).astype(int) // 10, 2)
    week_start = month.astype("datetime64[D]") + (third * 10).astype("timedelta64[D]")
    week_end = np.where(third == 2, next_month - 1, week_start + 9)
    start = np.select(
        [precision == 0, precision == 1, precision == 2],
        [day, week_start, month.astype("datetime64[D]")],
        year.astype("datetime64[D]"),
    )
    end = np.select(
        [precision == 0, precision == 1, precision == 2],
        [np.minimum(day_end, LAST_DAY), week_end, next_month - 1],
        (year + 1).astype("datetime64[D]") - 1,
    )
    return start, end, precision


def _date_text(start: np.ndarray, precision: np.ndarray) -> pa.Array:
    """The source's words for the date: 'on Sunday', 'mid-July', 'in July 2022', 'in 2022'."""
    days = start.astype(np.int64)
    months = start.astype("datetime64[M]").astype(np.int64)
    third = np.minimum((start - start.astype("datetime64[M]")).astype(np.int64) // 10, 2)
    year = pa.array(months // 12 + 1970).cast(pa.string())
    month_name = pc.take(pa.array(_MONTHS), pa.array(months % 12))
    # 1970-01-01 was a Thursday (index 3 from Monday).
    weekday = pc.take(pa.array(["on " + d for d in _WEEKDAYS]), pa.array((days + 3) % 7))
    part = [prefix + m for prefix in ("early ", "mid-", "late ") for m in _MONTHS]
    week = pc.take(pa.array(part), pa.array(third * 12 + months % 12))
    month = pc.binary_join_element_wise("in", month_name, year, " ")
    whole_year = pc.binary_join_element_wise("in", year, " ")
    return pc.choose(pa.array(precision.astype(np.int8)), weekday, week, month, whole_year)


def generate(n_events: int, seed: int = 0) -> SyntheticTable:
    """A deterministic synthetic events table of ``n_events`` rows for ``seed``."""
    rng = np.random.default_rng(seed)
    taken: set[str] = set(_REAL_COUNTRIES)
    invented = _unique_names(
        rng,
        N_COUNTRIES - len(_REAL_COUNTRIES),
        lambda: _name(rng, 2, str(rng.choice(_COUNTRY_ENDINGS))),
        taken,
    )
    countries = list(_REAL_COUNTRIES) + invented
    capitals = [
        _name(rng, 2, "") + str(rng.choice(["", "pur", " City", "grad"])) for _ in countries
    ]
    actors = _make_actors(rng, countries)
    n = int(n_events)

    # Actors are as popular as their country, times a heavy-tailed personal factor.
    country_weights = _zipf_weights(len(countries), COUNTRY_ZIPF)
    homes = actors["country_code"].to_numpy()
    popularity = country_weights[homes] * rng.lognormal(0.0, 1.0, len(homes))
    popularity /= popularity.sum()

    n_actors = rng.choice([1, 2, 3], n, p=[0.6, 0.3, 0.1])
    n_recipients = rng.choice([0, 1, 2, 3], n, p=[0.25, 0.45, 0.2, 0.1])
    participants = rng.choice(len(homes), size=(n, 6), p=popularity)
    participants[:, :3][np.arange(3)[None, :] >= n_actors[:, None]] = -1
    participants[:, 3:][np.arange(3)[None, :] >= n_recipients[:, None]] = -1
    for j in range(1, 6):
        repeated = (participants[:, :j] == participants[:, j : j + 1]).any(axis=1)
        participants[repeated & (participants[:, j] >= 0), j] = -1
    actor_codes, recipient_codes = participants[:, :3], participants[:, 3:]

    # Countries: the lead actor's home (usually), the first recipient's, sometimes a third.
    country_codes = np.full((n, 3), -1, dtype=np.int64)
    lead_home = homes[actor_codes[:, 0]]
    country_codes[:, 0] = np.where(rng.random(n) < 0.85, lead_home, -1)
    has_recipient = recipient_codes[:, 0] >= 0
    country_codes[has_recipient, 1] = homes[recipient_codes[has_recipient, 0]]
    extra = rng.random(n) < 0.3
    country_codes[extra, 2] = rng.choice(len(countries), int(extra.sum()), p=country_weights)
    for j in range(1, 3):
        repeated = (country_codes[:, :j] == country_codes[:, j : j + 1]).any(axis=1)
        country_codes[repeated & (country_codes[:, j] >= 0), j] = -1

    type_names = list(_TYPE_WEIGHTS)
    type_p = np.asarray(list(_TYPE_WEIGHTS.values()))
    types = rng.choice(len(type_names), n, p=type_p / type_p.sum())
    if n >= len(type_names):
        types[rng.choice(n, len(type_names), replace=False)] = np.arange(len(type_names))

    start, end, precision = _dates(rng, n)
    actor_names = actors["actor"]
    country_names = pa.array(countries, pa.string())
    target = pc.coalesce(
        _names_at(actor_names, recipient_codes[:, 0]),
        _names_at(country_names, country_codes[:, 0]),
    )
    title = pc.binary_join_element_wise(
        _names_at(actor_names, actor_codes[:, 0]),
        pc.take(pa.array([_TYPE_PHRASES[t] for t in type_names]), pa.array(types)),
        target,
        " ",
        null_handling="skip",
    )
    located = (country_codes[:, 0] >= 0) & (rng.random(n) < 0.7)
    location = pc.fill_null(
        _names_at(pa.array(capitals, pa.string()), np.where(located, country_codes[:, 0], -1)), ""
    )
    latitude, longitude = _coordinates(seed, len(countries), country_codes[:, 0], located)
    start_text = pa.array(start, pa.date32()).cast(pa.string())
    end_text = pa.array(end, pa.date32()).cast(pa.string())
    source = pc.binary_join_element_wise(
        pc.take(pa.array(_OUTLETS), pa.array(rng.integers(0, len(_OUTLETS), n))), end_text, ", "
    )
    ids = pc.binary_join_element_wise(
        "syn", pc.utf8_lpad(pa.array(np.arange(1, n + 1)).cast(pa.string()), 7, "0"), "-"
    )
    events = pa.table(
        {
            "event_id": ids,
            "start_date": start_text,
            "end_date": end_text,
            "date_precision": pc.take(pa.array(schema.PRECISIONS), pa.array(precision)),
            "event_type": pc.take(pa.array(type_names), pa.array(types)),
            "title": title,
            "date_text": _date_text(start, precision),
            "description": pc.take(
                pa.array(_DESCRIPTIONS), pa.array(rng.integers(0, len(_DESCRIPTIONS), n))
            ),
            "actors": _join_lists(actor_names, actor_codes),
            "recipients": _join_lists(actor_names, recipient_codes),
            "countries": _join_lists(country_names, country_codes),
            "location": location,
            "source": source,
            "source_paragraph": pa.array(rng.integers(1, 31, n)).cast(pa.string()),
            "date_basis": pa.repeat(pa.scalar("article"), n),
            "notes": pa.repeat(pa.scalar(""), n),
            "latitude": latitude,
            "longitude": longitude,
        }
    )
    return SyntheticTable(events, actors.drop_columns(["country_code"]), tuple(countries))


def _coordinates(
    seed: int, n_countries: int, country: np.ndarray, located: np.ndarray
) -> tuple[pa.Array, pa.Array]:
    """Latitude and longitude text of each event: its country's capital (a fixed point per
    country) jittered by ~0.3°, 4 decimals; "" where the event is not located.

    A generator of its own (seeded from ``seed``), so every other column is as it was
    before the table had coordinates.
    """
    rng = np.random.default_rng([seed, 7])
    capital_lat = rng.uniform(-40, 60, n_countries)
    capital_lon = rng.uniform(-170, 170, n_countries)
    at = np.where(located, country, 0)
    latitude = np.round(np.clip(capital_lat[at] + rng.normal(0, 0.3, len(at)), -89, 89), 4)
    longitude = np.round(np.clip(capital_lon[at] + rng.normal(0, 0.3, len(at)), -179, 179), 4)
    blank = pa.array(~located)
    return tuple(
        pc.if_else(blank, "", pa.array(values).cast(pa.string()))
        for values in (latitude, longitude)
    )


def write_events_csv(table: pa.Table, path: str | os.PathLike) -> Path:
    """Write the events table as CSV (pyarrow's writer: every text cell is quoted)."""
    path = Path(path)
    pacsv.write_csv(table, path)
    return path


def write_actors_csv(actors: pa.Table, path: str | os.PathLike) -> Path:
    """Write the actors directory in data/actors.csv format (actor, kind, country, aliases)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACTOR_COLUMNS)
    writer.writerows(zip(*(actors[c].to_pylist() for c in ACTOR_COLUMNS), strict=True))
    path = Path(path)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def synthesize(
    n_events: int,
    output: str | os.PathLike,
    *,
    seed: int = 0,
    actors_output: str | os.PathLike | None = None,
) -> SyntheticTable:
    """Generate and write an events CSV (and, if asked, its actors directory)."""
    table = generate(n_events, seed)
    write_events_csv(table.events, output)
    if actors_output is not None:
        write_actors_csv(table.actors, actors_output)
    return table


def at_least(minimum: int):
    """An argparse ``type``: an integer of at least ``minimum``, else a usage error (exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is below {minimum}")
        return value

    parse.__name__ = f"integer of at least {minimum}"
    return parse


def cmd_synth(args, stdout, stderr) -> int:
    """``python -m dashboard synth``: write a synthetic events table."""
    table = synthesize(args.events, args.output, seed=args.seed, actors_output=args.actors_out)
    also = f" and {table.actors.num_rows} actors to {args.actors_out}" if args.actors_out else ""
    print(f"wrote {table.events.num_rows} events to {args.output}{also}", file=stderr)
    return 0


def add_command(commands) -> None:
    """Register ``synth`` on the command line's subparsers."""
    parser = commands.add_parser("synth", help="write a synthetic events table (benchmarks)")
    parser.add_argument(
        "--events", type=at_least(0), required=True, metavar="N", help="rows to write"
    )
    parser.add_argument("-o", "--output", required=True, help="events CSV to write")
    parser.add_argument("--seed", type=at_least(0), default=0, help="random seed (default 0)")
    parser.add_argument(
        "--actors-out", metavar="PATH", help="also write the actors directory (actors.csv format)"
    )
    parser.set_defaults(func=cmd_synth)
