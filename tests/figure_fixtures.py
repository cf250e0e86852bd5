"""Tables for the figure tests: a small hand-made one (CSV) and big synthetic ones (numpy).

The synthetic builder fills the table's arrays and postings directly, so a
200,000-event table costs well under a second; its frame holds placeholder text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from conftest import ACTORS, csv_bytes, event_row

from dashboard import schema
from dashboard.actors import ActorDirectory, parse_actors
from dashboard.loading import parse_events
from dashboard.table import EventTable, Postings, build_table

_SPAN_DAYS = {"day": 0, "week": 9, "month": 30, "year": 364}


def small_table(rows: list[dict[str, str]]) -> EventTable:
    """Index ``rows`` (event_row dicts) through the real loader, with the fixture actors."""
    directory = parse_actors(csv_bytes(ACTORS, columns=ACTORS[0].keys()).decode("utf-8"))
    return build_table(parse_events(csv_bytes(rows)), directory)


def row(event_id: str, **fields: str) -> dict[str, str]:
    """A valid row with neutral defaults (one day, no one, no country) and ``fields`` applied."""
    defaults = {
        "event_id": event_id,
        "title": event_id,
        "start_date": "2022-08-03",
        "end_date": "2022-08-03",
        "date_precision": "day",
        "actors": "",
        "recipients": "",
        "countries": "",
        "date_text": "",
    }
    return event_row(**{**defaults, **fields})


def synthetic_table(
    n: int,
    *,
    seed: int = 0,
    n_countries: int = 200,
    n_actors: int = 5000,
    title: str = "Synthetic event",
) -> EventTable:
    """A random table of ``n`` events: Zipf-skewed countries and actors, mixed precisions."""
    rng = np.random.default_rng(seed)
    countries = [f"Country {i:03d}" for i in range(n_countries)]
    actors = [f"Actor {i:04d}" for i in range(n_actors)]

    def skewed(size: int, top: int) -> np.ndarray:
        return np.minimum(rng.zipf(1.4, size) - 1, top - 1)

    def postings(names: list[str], per_event_max: int, minimum: int) -> tuple[Postings, tuple]:
        k = rng.integers(minimum, per_event_max + 1, n)
        events = np.repeat(np.arange(n), k)
        codes = skewed(len(events), len(names))
        return Postings.build(names, codes, events), (codes, events)

    actor_postings, (a_codes, a_events) = postings(actors, 3, 1)
    recipient_postings, (r_codes, r_events) = postings(actors, 2, 0)
    participants = Postings.build(
        actors, np.concatenate([a_codes, r_codes]), np.concatenate([a_events, r_events])
    )
    country_postings, _ = postings(countries, 2, 0)
    precision = rng.choice(list(_SPAN_DAYS), n, p=[0.6, 0.1, 0.2, 0.1])
    start = rng.integers(10_957, 20_088, n)  # 2000-01-01 .. 2024-12-31
    end = start + np.vectorize(_SPAN_DAYS.get)(precision)
    type_codes = rng.integers(0, len(schema.EVENT_TYPE_NAMES), n).astype(np.int16)
    epoch = np.datetime64("1970-01-01", "D")
    ids = pd.Series(np.arange(n)).astype(str)
    frame = pd.DataFrame(
        {
            "event_id": "synthetic-" + ids,
            "start_date": pd.to_datetime(epoch + start),
            "end_date": pd.to_datetime(epoch + end),
            "date_precision": precision,
            "event_type": np.asarray(schema.EVENT_TYPE_NAMES, dtype=object)[type_codes],
            "title": title + " " + ids,
            "date_text": "",
            "actors": "synthetic",
            "recipients": "",
        }
    )
    directory = ActorDirectory(
        countries={a: countries[i % n_countries] for i, a in enumerate(actors)}
    )
    return EventTable(
        events=frame,
        directory=directory,
        label="synthetic",
        actors=actor_postings,
        recipients=recipient_postings,
        participants=participants,
        countries=country_postings,
        event_types=schema.EVENT_TYPE_NAMES,
        type_codes=type_codes,
        start_days=start.astype(np.int32),
        end_days=end.astype(np.int32),
    )
