"""Filters: table-driven meaning, URL round trip, notices for bad input, and a per-row oracle."""

from __future__ import annotations

import datetime as dt
import random
from urllib.parse import parse_qs, urlencode

import numpy as np
import pytest
from conftest import ACTORS, csv_bytes, csv_text, event_row, sample_events

from dashboard import schema
from dashboard.actors import ACTOR_COLUMNS, parse_actors
from dashboard.filters import (
    PARAM_KEYS,
    FilterSpec,
    apply_filters,
    filter_mask,
    filter_positions,
)
from dashboard.loading import parse_events
from dashboard.table import build_table

D = dt.date.fromisoformat
ALL = {row["event_id"] for row in sample_events()}


@pytest.fixture(scope="module")
def directory():
    return parse_actors(csv_text(ACTORS, columns=ACTOR_COLUMNS))


@pytest.fixture(scope="module")
def table(directory):
    return build_table(parse_events(csv_bytes(sample_events())), directory, "sample")


# --- meaning: table-driven over the sample events (see conftest.sample_events) ---------------


@pytest.mark.parametrize(
    "spec, expected",
    [
        (FilterSpec(), ALL),
        # Date overlap: a month-precision July event is inside 15-20 July.
        (FilterSpec(start=D("2022-07-15"), end=D("2022-07-20")), {"forum-july"}),
        # Boundaries are inclusive at both ends of both spans.
        (FilterSpec(start=D("2022-07-31"), end=D("2022-07-31")), {"forum-july"}),
        (FilterSpec(start=D("2022-07-01"), end=D("2022-07-01")), {"forum-july"}),
        (FilterSpec(start=D("2022-08-04")), {"lavrov-visits-myanmar"}),
        (FilterSpec(start=D("2022-08-05")), set()),
        (FilterSpec(end=D("2021-01-01")), {"russia-year"}),
        (FilterSpec(end=D("2020-12-31")), set()),
        (FilterSpec(start=D("2021-02-01"), end=D("2021-02-01")), {"coup", "russia-year"}),
        (
            FilterSpec(start=D("2022-07-25"), end=D("2022-07-26")),
            {"forum-july", "executions", "us-condemns"},
        ),
        (FilterSpec(start=D("2022-01-01")), ALL - {"coup", "russia-year"}),
        # Countries: the column, and the countries of actors and recipients.
        (FilterSpec(countries=("United States",)), {"us-condemns"}),
        (FilterSpec(countries=("Laos",)), {"forum-july"}),
        (FilterSpec(countries=("Russia",)), {"lavrov-visits-myanmar", "russia-year"}),
        (FilterSpec(countries=("Myanmar",)), ALL - {"russia-year"}),
        (FilterSpec(countries=("China", "Laos")), {"forum-july"}),
        (FilterSpec(countries=("United States", "Laos")), {"us-condemns", "forum-july"}),
        (FilterSpec(countries=("Atlantis",)), set()),
        # Actors: as actor or as recipient, by canonical name.
        (
            FilterSpec(actors=("Min Aung Hlaing",)),
            {"lavrov-visits-myanmar", "executions", "us-condemns", "coup"},
        ),
        (FilterSpec(actors=("Wang Yi", "ASEAN")), {"forum-july", "russia-year"}),
        (FilterSpec(actors=("Gen. Hlaing",)), set()),  # aliases resolve in restricted_to
        # Event types.
        (FilterSpec(event_types=("coup", "condemnation")), {"coup", "us-condemns"}),
        (FilterSpec(event_types=("sanction",)), set()),
        # AND across kinds.
        (FilterSpec(countries=("Russia",), event_types=("visit",)), {"lavrov-visits-myanmar"}),
        (
            FilterSpec(actors=("Min Aung Hlaing",), countries=("United States",)),
            {"us-condemns"},
        ),
        (FilterSpec(countries=("Laos",), event_types=("coup",)), set()),
        (
            FilterSpec(countries=("Myanmar",), start=D("2022-07-20"), end=D("2022-07-25")),
            {"forum-july", "executions"},
        ),
        (
            FilterSpec(
                countries=("Myanmar", "Russia"),
                actors=("Sergei Lavrov", "Antony Blinken"),
                event_types=("visit", "condemnation"),
                start=D("2022-08-01"),
                q="naypyitaw",
            ),
            {"lavrov-visits-myanmar"},
        ),
        # Free text: case-insensitive, over title, description, lists, location, notes.
        (FilterSpec(q="LAVROV"), {"lavrov-visits-myanmar"}),
        (FilterSpec(q="bagan"), {"forum-july"}),
        (FilterSpec(q="Activists"), {"executions"}),
        (FilterSpec(q="public record"), {"coup"}),
        (FilterSpec(q="laos"), {"forum-july"}),
        (FilterSpec(q="wang yi"), {"forum-july"}),
        (FilterSpec(q="naypyitaw"), {"lavrov-visits-myanmar", "coup"}),
        # Every text column is searched: date_text and source too (not ids or codes).
        (FilterSpec(q="wednesday"), {"executions", "coup", "us-condemns", "lavrov-visits-myanmar"}),
        (FilterSpec(q="example news"), ALL),  # the source column
        (FilterSpec(q="a.b"), set()),  # a substring, not a pattern
        (FilterSpec(q="("), set()),
        (FilterSpec(q="zzz"), set()),
    ],
)
def test_filter_meaning(table, spec, expected):
    positions = filter_positions(table, spec)
    assert set(table.events["event_id"].iloc[positions]) == expected
    assert positions.tolist() == sorted(positions.tolist())
    assert (np.flatnonzero(filter_mask(table, spec)) == positions).all()


def test_apply_filters_returns_rows_in_table_order(table):
    spec = FilterSpec(countries=("Myanmar",))
    rows = apply_filters(table, spec)
    order = table.events["event_id"].tolist()
    assert rows["event_id"].tolist() == [i for i in order if i in rows["event_id"].tolist()]
    assert list(rows.columns) == list(table.events.columns)


def test_empty_result_is_an_empty_frame_with_all_columns(table):
    rows = apply_filters(table, FilterSpec(q="no such text anywhere"))
    assert rows.empty
    assert list(rows.columns) == list(table.events.columns)


def test_filters_leave_the_table_untouched(table):
    before = table.events.copy()
    apply_filters(table, FilterSpec(countries=("Myanmar",), q="x"))
    assert table.events.equals(before)


def test_is_empty():
    assert FilterSpec().is_empty()
    assert not FilterSpec(q="x").is_empty()
    assert not FilterSpec(start=D("2022-01-01")).is_empty()


# --- URL round trip ------------------------------------------------------------------------

ROUND_TRIP_SPECS = [
    FilterSpec(),
    FilterSpec(countries=("Myanmar",)),
    FilterSpec(countries=("Myanmar", "United States", "Côte d'Ivoire")),
    FilterSpec(actors=("Min Aung Hlaing", "AT&T", "a=b", "50% + more", "ミャンマー")),
    FilterSpec(event_types=("sanction/embargo call", "repression/execution")),
    FilterSpec(start=D("2022-07-15")),
    FilterSpec(end=D("2022-07-20")),
    FilterSpec(start=D("2022-07-15"), end=D("2022-07-15")),
    FilterSpec(q="who & whom? #1 ; 100% = \"quoted\" 'single' +plus"),
    FilterSpec(q="Naypyitaw, мир, 世界"),
    FilterSpec(
        countries=("Russia", "China"),
        actors=("Sergei Lavrov",),
        event_types=("visit", "meeting"),
        start=D("2021-01-01"),
        end=D("2022-12-31"),
        q="arms deal",
    ),
]


@pytest.mark.parametrize("spec", ROUND_TRIP_SPECS)
def test_query_params_round_trip(spec):
    params = spec.to_query_params()
    assert set(params) <= set(PARAM_KEYS.values())
    assert all(isinstance(v, list) and v for v in params.values())
    again, notices = FilterSpec.from_query_params(params)
    assert again == spec
    assert notices == []


@pytest.mark.parametrize("spec", ROUND_TRIP_SPECS)
def test_url_round_trip_through_urlencode_and_parse_qs(spec):
    query = urlencode(spec.to_query_params(), doseq=True)
    again, notices = FilterSpec.from_query_params(parse_qs(query))
    assert again == spec
    assert notices == []


def test_repeated_keys_carry_several_values():
    spec = FilterSpec(countries=("Myanmar", "Russia"), event_types=("visit",))
    assert urlencode(spec.to_query_params(), doseq=True) == (
        "country=Myanmar&country=Russia&type=visit"
    )


def test_single_string_values_are_accepted():
    # st.query_params hands over plain strings for single values.
    spec, notices = FilterSpec.from_query_params(
        {"country": "Myanmar", "start": "2022-07-01", "q": "forum"}
    )
    assert spec == FilterSpec(countries=("Myanmar",), start=D("2022-07-01"), q="forum")
    assert notices == []


def test_blank_values_and_repeats_are_dropped_and_unknown_keys_ignored():
    spec, notices = FilterSpec.from_query_params(
        {"country": ["", " Myanmar ", "Myanmar", "   "], "page": ["2"], "q": ["  "]}
    )
    assert spec == FilterSpec(countries=("Myanmar",))
    assert notices == []


# --- malformed parameters: notices, never exceptions ---------------------------------------


@pytest.mark.parametrize(
    "params, expected_spec, expected_notices",
    [
        (
            {"start": ["15/07/2022"]},
            FilterSpec(),
            ["'15/07/2022' is not a date (YYYY-MM-DD); the start date is ignored."],
        ),
        (
            {"end": ["2022-02-30"], "country": ["Myanmar"]},
            FilterSpec(countries=("Myanmar",)),
            ["'2022-02-30' is not a date (YYYY-MM-DD); the end date is ignored."],
        ),
        (
            {"start": ["yesterday"], "end": ["0000-01-01"]},
            FilterSpec(),
            [
                "'yesterday' is not a date (YYYY-MM-DD); the start date is ignored.",
                "'0000-01-01' is not a date (YYYY-MM-DD); the end date is ignored.",
            ],
        ),
        (
            {"start": ["2022-08-01"], "end": ["2022-07-01"]},
            FilterSpec(),
            ["The start date 2022-08-01 is after the end date 2022-07-01; both are ignored."],
        ),
        (
            {"start": ["2022-07-01", "2022-08-01"]},
            FilterSpec(start=D("2022-07-01")),
            ["Several values for 'start'; the first (2022-07-01) is used."],
        ),
        (
            {"end": ["2022-07-01", "junk"]},
            FilterSpec(end=D("2022-07-01")),
            ["Several values for 'end'; the first (2022-07-01) is used."],
        ),
        (
            {"q": ["x" * 5000]},
            FilterSpec(q="x" * 200),
            ["The search text was cut to 200 characters."],
        ),
    ],
)
def test_malformed_parameters_become_notices(params, expected_spec, expected_notices):
    spec, notices = FilterSpec.from_query_params(params)
    assert spec == expected_spec
    assert notices == expected_notices


@pytest.mark.parametrize(
    "query",
    [
        "start=%ZZ&end=%00",
        "country=%ff%fe&actor=%C3",
        "start=2022-07-01T00:00&end=2022-07-01%0A",
        "q=" + "%F0%9F%92%A5" * 500,
        "type=&type=&start=&end=",
        "start=99999-01-01",
        "&&&===&",
    ],
)
def test_hostile_query_strings_never_raise(query, table):
    spec, notices = FilterSpec.from_query_params(parse_qs(query, keep_blank_values=True))
    assert isinstance(notices, list)
    assert len(spec.q) <= 200
    filter_positions(table, spec)  # and the result filters without error


# --- restricted_to: unknown values dropped with notices, aliases canonical -----------------


def test_restricted_to_keeps_known_values_and_canonicalises_aliases(table):
    spec = FilterSpec(
        countries=("Myanmar", "Atlantis"),
        actors=("Gen. Hlaing", "Lavrov", "Min Aung Hlaing", "Nobody"),
        event_types=("visit", "picnic"),
        start=D("2022-07-01"),
        q="text",
    )
    restricted, notices = spec.restricted_to(table)
    assert restricted == FilterSpec(
        countries=("Myanmar",),
        actors=("Min Aung Hlaing", "Sergei Lavrov"),
        event_types=("visit",),
        start=D("2022-07-01"),
        q="text",
    )
    assert notices == [
        "Unknown country 'Atlantis' was dropped from the filter.",
        "Unknown actor 'Nobody' was dropped from the filter.",
        "Unknown event type 'picnic' was dropped from the filter.",
    ]


def test_restricted_to_a_known_spec_changes_nothing(table):
    spec = FilterSpec(countries=("Laos",), actors=("Wang Yi",), event_types=("coup",))
    assert spec.restricted_to(table) == (spec, [])


def test_restricted_to_matches_any_letter_case_to_the_canonical_spelling(table):
    spec = FilterSpec(countries=("myanmar", "LAOS"), actors=("wang yi",), event_types=("Coup",))
    assert spec.restricted_to(table) == (
        FilterSpec(countries=("Myanmar", "Laos"), actors=("Wang Yi",), event_types=("coup",)),
        [],
    )


def test_search_text_never_matches_across_two_fields(table):
    title = table.events["title"].iat[0]
    description = table.events["description"].iat[0]
    assert title and description
    across = f"{title[-3:]}\n{description[:3]}".lower()
    joined = f"{title[-3:]}\x00{description[:3]}"
    assert apply_filters(table, FilterSpec(q=title[-3:])).shape[0] >= 1
    assert apply_filters(table, FilterSpec(q=across)).empty
    spec, _ = FilterSpec.from_query_params({"q": joined})
    assert "\x00" not in spec.q


def test_restricted_to_knows_vocabulary_types_without_events(table):
    spec = FilterSpec(event_types=("armed clash",))
    assert spec.restricted_to(table) == (spec, [])


# --- oracle: the vectorised filter equals a plain per-row loop over random tables ----------

_NAMES = [a["actor"] for a in ACTORS] + ["Gen. Hlaing", "Lavrov", "Unlisted Person"]
_COUNTRIES = ["Myanmar", "Russia", "China", "Laos", "Thailand", "United States"]
_WORDS = ["talks", "Visit", "ÉTAT", "forum", "arms", "deal", "naypyitaw", "x;y", "a, b", "NA"]


def _random_events(rng: random.Random, n: int) -> list[dict[str, str]]:
    rows = []
    for i in range(n):
        start = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(700))
        precision = rng.choice(["day", "day", "week", "month", "year"])
        if precision == "day":
            end = start + dt.timedelta(days=rng.choice([0, 0, 1, 3]))
        elif precision == "week":
            end = start + dt.timedelta(days=rng.randrange(14))
        elif precision == "month":
            start = start.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        else:
            start, end = dt.date(start.year, 1, 1), dt.date(start.year, 12, 31)

        def some(pool, k):
            return " ; ".join(rng.sample(pool, rng.randrange(k + 1)))

        def words():
            return " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(4)))

        rows.append(
            event_row(
                event_id=f"e{i}",
                start_date=start.isoformat(),
                end_date=end.isoformat(),
                date_precision=precision,
                event_type=rng.choice(schema.EVENT_TYPE_NAMES[:6]),
                title=words() or "t",
                description=words(),
                actors=some(_NAMES, 2),
                recipients=some(_NAMES, 2),
                countries=some(_COUNTRIES, 2),
                location=rng.choice(["", "Naypyitaw", "Phnom Penh"]),
                notes=words(),
                date_text=rng.choice(["", "talks"]),  # not searched: a trap for the oracle
            )
        )
    return rows


def _random_spec(rng: random.Random, rows) -> FilterSpec:
    def maybe(pool, k):
        return tuple(rng.sample(pool, rng.randrange(k + 1))) if rng.random() < 0.4 else ()

    start = end = None
    if rng.random() < 0.4:
        start = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(760))
    if rng.random() < 0.4:
        end = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(760))
    q = ""
    if rng.random() < 0.4:
        text = rng.choice(rows)[rng.choice(["title", "description", "actors", "location"])]
        a = rng.randrange(len(text) + 1)
        q = text[a : a + rng.randrange(1, 8)].strip()
        q = q.upper() if rng.random() < 0.5 else q
    canonical = sorted({a["actor"] for a in ACTORS} | {"Unlisted Person"})
    return FilterSpec(
        countries=maybe([*_COUNTRIES, "Atlantis"], 2),
        actors=maybe(canonical, 2),
        event_types=maybe(list(schema.EVENT_TYPE_NAMES[:7]), 2),
        start=start,
        end=end,
        q=q,
    )


def _reference_positions(rows, spec: FilterSpec, directory) -> list[int]:
    """The meaning of a spec, written the slow and obvious way: one row at a time."""
    kept = []
    for i, row in enumerate(rows):
        people = [
            directory.canonical(name.strip())
            for column in ("actors", "recipients")
            for name in row[column].split(";")
            if name.strip()
        ]
        countries = {c.strip() for c in row["countries"].split(";") if c.strip()}
        countries |= {directory.country_of(p) for p in people} - {""}
        not_searched = {"event_id", "start_date", "end_date", "date_precision", "date_basis"}
        not_searched |= {"source_paragraph", "latitude", "longitude"}
        searchable = [text for column, text in row.items() if column not in not_searched]
        if spec.countries and not countries & set(spec.countries):
            continue
        if spec.actors and not set(people) & set(spec.actors):
            continue
        if spec.event_types and row["event_type"] not in spec.event_types:
            continue
        if spec.start and D(row["end_date"]) < spec.start:
            continue
        if spec.end and D(row["start_date"]) > spec.end:
            continue
        if spec.q and not any(spec.q.lower() in text.lower() for text in searchable):
            continue
        kept.append(i)
    return kept


@pytest.mark.parametrize("seed", range(4))
def test_filter_positions_match_a_per_row_reference(seed, directory):
    rng = random.Random(seed)
    rows = _random_events(rng, 60)
    table = build_table(parse_events(csv_bytes(rows)), directory)
    non_empty = 0
    for _ in range(150):
        spec = _random_spec(rng, rows)
        expected = _reference_positions(rows, spec, directory)
        assert filter_positions(table, spec).tolist() == expected, spec
        non_empty += bool(expected) and not spec.is_empty()
    assert non_empty > 20  # the random specs do select something, so the check has teeth


def test_every_filter_works_on_an_empty_table():
    empty = build_table(parse_events((",".join(event_row()) + "\n").encode()))
    spec = FilterSpec(
        countries=("Myanmar",),
        actors=("Wang Yi",),
        event_types=("visit",),
        start=D("2022-01-01"),
        end=D("2022-12-31"),
        q="x",
    )
    assert filter_positions(empty, spec).tolist() == []
    assert apply_filters(empty, FilterSpec()).empty
    assert spec.restricted_to(empty)[0] == FilterSpec(
        event_types=("visit",), start=D("2022-01-01"), end=D("2022-12-31"), q="x"
    )


def test_unknown_event_types_of_an_imported_table_can_be_filtered():
    rows = [event_row(event_id="a", event_type="Riots"), event_row(event_id="b")]
    table = build_table(parse_events(csv_bytes(rows), allow_unknown_event_types=True))
    spec, notices = FilterSpec(event_types=("Riots",)).restricted_to(table)
    assert notices == []
    assert table.events["event_id"].iloc[filter_positions(table, spec)].tolist() == ["a"]
