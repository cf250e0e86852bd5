"""Checks of the shipped data: data/events.csv and data/actors.csv against the seed article.

Read with the csv module (independent of the project's loader), plus one check that the
loader accepts the file. The article itself is read from ``shared/seed`` beside the
repository; it is never copied into the project.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from dashboard import schema
from dashboard.dates import DateSpan, resolve_date_expression

ROOT = Path(__file__).resolve().parents[1]
EVENTS_PATH = ROOT / "data" / "events.csv"
ACTORS_PATH = ROOT / "data" / "actors.csv"
ARTICLE_NAME = "000_eed5d73485abdd96.txt"
# CI lays shared/ beside the clone; SOURCE_ARTICLE points elsewhere. The article is never
# copied into the repository (we cite it, we don't reproduce it).
ARTICLE_PATH = Path(
    os.environ.get("SOURCE_ARTICLE") or ROOT.parent / "shared" / "seed" / ARTICLE_NAME
)

PUBLISHED = date(2022, 8, 3)
SOURCE = (
    "The Wall Street Journal, \"Russia Reaffirms Support for Myanmar's Junta After "
    'Execution of Activists", Feliz Solomon, 2022-08-03'
)
#: Paragraphs of the article body as numbered in data/README-data.md.
N_PARAGRAPHS = 10
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Columns written in our own words, checked for copied runs of the article.
OWN_WORDS_COLUMNS = ("title", "description", "notes", "location", "actors", "recipients")
COPY_RUN = 8  # words: a run this long shared with the article counts as copying
QUOTE_RUN = 4  # words: a run this long from one of the article's quotations counts too

#: Rows whose date span is not simply "inside what the article's words give when read
#: against the publication date". Each is still checked: either the phrase is read
#: against another reference date, or the span must lie within explicit bounds that
#: follow from the article (None = open).
ARTICLE_SPAN_EXCEPTIONS: dict[str, dict] = {
    "armed-forces-day-killings-2021-03-27": {
        "reason": "Paragraph 9 is a photo caption carried over from 2021 reporting, so "
        "'In March' is read against a 2021 date, not the 2022 publication date.",
        "phrase": "In March",
        "reference": date(2021, 12, 31),
    },
    "junta-backs-russian-invasion-of-ukraine-2022-02-25": {
        "reason": "The article gives no date words; 'has voiced support' only places the "
        "statement before publication.",
        "phrase": "has voiced support",
        "bounds": (None, PUBLISHED),
    },
    "calls-for-un-arms-embargo-on-myanmar-2021-2022": {
        "reason": "Paragraph 4 reports calls on the Security Council with no date words; "
        "'has faced calls' only places them before publication.",
        "phrase": "has faced calls",
        "bounds": (None, PUBLISHED),
    },
    "rights-groups-accuse-military-over-russian-weapons-2021-2022": {
        "reason": "Paragraph 5 gives the accusation no date words; 'has been accused' only "
        "places it before publication.",
        "phrase": "has been accused",
        "bounds": (None, PUBLISHED),
    },
    "lavrov-attends-asean-meetings-phnom-penh-2022-08-04": {
        "reason": "The article says only that Lavrov went on to Cambodia after the "
        "Wednesday talks ('before traveling'), so the forum is on or after 3 August 2022.",
        "phrase": "before traveling",
        "bounds": (PUBLISHED, None),
    },
}


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


EVENT_COLUMNS, EVENTS = read_csv(EVENTS_PATH)
ACTOR_COLUMNS, ACTORS = read_csv(ACTORS_PATH)
EVENT_IDS = [row["event_id"] for row in EVENTS]
ACTOR_COUNTRY = {row["actor"]: row["country"] for row in ACTORS}


def split(value: str) -> list[str]:
    return schema.split_list(value or "")


def words(text: str) -> list[str]:
    """Lower-case word tokens; apostrophes dropped, other punctuation splits words."""
    text = text.lower().replace("\u2019", "").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def runs(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@pytest.fixture(scope="module")
def article_text() -> str:
    if not ARTICLE_PATH.exists():
        reason = (
            f"source article not found at {ARTICLE_PATH}: put shared/ beside the repository "
            "or set SOURCE_ARTICLE to the article's path"
        )
        if os.environ.get("REQUIRE_SOURCE_ARTICLE") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return ARTICLE_PATH.read_text(encoding="utf-8")


def article_paragraphs(text: str) -> list[str]:
    """The body's paragraphs, numbered as documented in data/README-data.md.

    The body starts at the block beginning "SINGAPORE" and ends before "Write to";
    a block that is only a name (the re-poster's line breaks) joins the blocks around it.
    """
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.startswith("SINGAPORE"))
    end = next(i for i, b in enumerate(blocks) if b.startswith("Write to"))
    paragraphs: list[str] = []
    join_next = False
    for block in blocks[start:end]:
        tokens = block.split()
        is_name = len(tokens) <= 3 and all(re.fullmatch(r"[A-Z][a-z]+", t) for t in tokens)
        if is_name or join_next:
            paragraphs[-1] = f"{paragraphs[-1]} {block}"
            join_next = is_name
        else:
            paragraphs.append(block)
    return paragraphs


def copied_runs(text: str, article_tokens: list[str], n: int = COPY_RUN) -> set:
    return runs(words(text), n) & runs(article_tokens, n)


# --- structure -------------------------------------------------------------------------


def test_header_is_the_schema() -> None:
    assert tuple(EVENT_COLUMNS) == schema.SCHEMA_COLUMNS


def test_row_count() -> None:
    assert 18 <= len(EVENTS) <= 30


def test_ids_are_unique_slugs() -> None:
    assert [i for i, n in Counter(EVENT_IDS).items() if n > 1] == []
    assert [i for i in EVENT_IDS if not SLUG.fullmatch(i)] == []


@pytest.mark.parametrize("row", EVENTS, ids=EVENT_IDS)
def test_row_fields(row: dict[str, str]) -> None:
    for column in (*schema.REQUIRED_COLUMNS, "date_text", "description", "countries"):
        assert row[column].strip(), f"{column} is empty"
    assert row["source"] == SOURCE
    assert row["event_type"] in schema.EVENT_TYPE_NAMES
    assert row["date_precision"] in schema.PRECISIONS
    assert row["date_basis"] in ("article", "public record")
    if row["date_basis"] == "public record":
        assert row["notes"].strip(), "public-record rows must say what was narrowed and why"
    paragraphs = [int(p) for p in split(row["source_paragraph"])]
    assert paragraphs, "no source paragraph"
    assert all(1 <= p <= N_PARAGRAPHS for p in paragraphs), paragraphs
    assert paragraphs == sorted(set(paragraphs))
    start = date.fromisoformat(row["start_date"])
    end = date.fromisoformat(row["end_date"])
    assert start <= end
    countries = split(row["countries"])
    assert len(countries) == len(set(countries))


def test_paragraph_count_matches_documented_numbering(article_text: str) -> None:
    paragraphs = article_paragraphs(article_text)
    assert len(paragraphs) == N_PARAGRAPHS
    assert paragraphs[0].startswith("SINGAPORE")
    assert "Sergei Lavrov visited Myanmar" in paragraphs[0]
    assert paragraphs[8].endswith("Photo: AP")  # the carried-over caption is paragraph 9


@pytest.mark.parametrize("row", EVENTS, ids=EVENT_IDS)
def test_date_text_is_in_a_cited_paragraph(row: dict[str, str], article_text: str) -> None:
    paragraphs = article_paragraphs(article_text)
    phrase = " ".join(words(row["date_text"]))
    cited = [" ".join(words(paragraphs[int(p) - 1])) for p in split(row["source_paragraph"])]
    assert any(f" {phrase} " in f" {text} " for text in cited), (row["date_text"], cited)


# --- actors ----------------------------------------------------------------------------


def test_actors_table() -> None:
    assert ACTOR_COLUMNS == ["actor", "kind", "country", "aliases"]
    names = [row["actor"] for row in ACTORS]
    assert [n for n, c in Counter(names).items() if c > 1] == []
    assert all(row["kind"] in schema.ACTOR_KINDS for row in ACTORS)
    owner: dict[str, str] = {}
    for row in ACTORS:
        for spelling in [row["actor"], *split(row["aliases"])]:
            key = spelling.casefold()
            assert owner.get(key, row["actor"]) == row["actor"], (
                f"{spelling!r} names both {owner.get(key)!r} and {row['actor']!r}"
            )
            owner[key] = row["actor"]
        assert row["actor"] not in split(row["aliases"])


@pytest.mark.parametrize("row", EVENTS, ids=EVENT_IDS)
def test_actors_are_canonical_and_their_countries_listed(row: dict[str, str]) -> None:
    countries = set(split(row["countries"]))
    for column in ("actors", "recipients"):
        for name in split(row[column]):
            assert name in ACTOR_COUNTRY, f"{column}: {name!r} is not a canonical actor"
            country = ACTOR_COUNTRY[name]
            if country:
                assert country in countries, f"{name!r} is from {country}, not in countries"
    assert split(row["actors"]), "every event has an initiating actor"


# --- dates -----------------------------------------------------------------------------


def row_span(row: dict[str, str]) -> DateSpan:
    return DateSpan(
        date.fromisoformat(row["start_date"]),
        date.fromisoformat(row["end_date"]),
        row["date_precision"],
    )


def test_exceptions_are_documented_and_used() -> None:
    rows = {row["event_id"]: row for row in EVENTS}
    for event_id, exception in ARTICLE_SPAN_EXCEPTIONS.items():
        assert event_id in rows, f"exception for unknown row {event_id}"
        assert exception["reason"]
        assert ("reference" in exception) != ("bounds" in exception)
        row = rows[event_id]
        assert row["date_text"] == exception["phrase"]
        assert row["date_basis"] == "public record"
        assert row["notes"].strip()


@pytest.mark.parametrize("row", EVENTS, ids=EVENT_IDS)
def test_dates_follow_from_the_article(row: dict[str, str]) -> None:
    """Every row's dates are checked against what the article's own words give."""
    actual = row_span(row)
    exception = ARTICLE_SPAN_EXCEPTIONS.get(row["event_id"])
    if exception is None:
        expected = resolve_date_expression(row["date_text"], PUBLISHED)
        if row["date_basis"] == "article":
            assert actual == expected
        else:
            assert expected.contains(actual), f"{actual} is outside {expected}"
    elif "reference" in exception:
        expected = resolve_date_expression(exception["phrase"], exception["reference"])
        assert expected.contains(actual), f"{actual} is outside {expected}"
    else:
        with pytest.raises(ValueError):  # else it should be an ordinary, resolvable row
            resolve_date_expression(row["date_text"], PUBLISHED)
        low, high = exception["bounds"]
        assert low is None or low <= actual.start
        assert high is None or actual.end <= high


@pytest.mark.parametrize("row", EVENTS, ids=EVENT_IDS)
def test_precision_matches_span(row: dict[str, str]) -> None:
    span = row_span(row)
    if span.precision == "week":
        assert (span.end - span.start).days < 14
    if span.precision == "month":  # whole calendar months
        assert span.start.day == 1
        assert date.fromordinal(span.end.toordinal() + 1).day == 1
    if span.precision == "year":
        assert (span.start.month, span.start.day, span.end.month, span.end.day) == (1, 1, 12, 31)


# --- own words -------------------------------------------------------------------------


def test_copy_check_catches_copying(article_text: str) -> None:
    tokens = words(article_text)
    paragraph = article_paragraphs(article_text)[2]
    assert copied_runs(paragraph, tokens)
    sample = "Opposition grew after the junta put four men to death, two of them activists."
    assert not copied_runs(sample, tokens)


@pytest.mark.parametrize("row", EVENTS, ids=EVENT_IDS)
def test_no_copied_runs(row: dict[str, str], article_text: str) -> None:
    tokens = words(article_text)
    for column in OWN_WORDS_COLUMNS:
        assert copied_runs(row[column], tokens) == set(), column


@pytest.mark.parametrize("row", EVENTS, ids=EVENT_IDS)
def test_no_quoted_phrases(row: dict[str, str], article_text: str) -> None:
    quotes = re.findall(r"\u201c([^\u201d]+)\u201d", article_text)
    assert len(quotes) >= 3
    quoted = set().union(*(runs(words(q), QUOTE_RUN) for q in quotes))
    for column in OWN_WORDS_COLUMNS:
        assert runs(words(row[column]), QUOTE_RUN) & quoted == set(), column


# --- the project's loader --------------------------------------------------------------


def test_loader_accepts_the_file() -> None:
    from dashboard.table import load_events

    table = load_events(EVENTS_PATH, actors_path=ACTORS_PATH)
    assert len(table.events) == len(EVENTS)


# --- coordinates -----------------------------------------------------------------------

#: WGS84 degrees (city centres, rounded to 3 decimals) of the places the table names.
PLACES = {
    "Naypyitaw": (19.745, 96.115),
    "Moscow": (55.756, 37.617),
    "Bagan": (21.172, 94.860),
    "Phnom Penh": (11.556, 104.928),
}


@pytest.mark.parametrize("row", EVENTS, ids=EVENT_IDS)
def test_coordinates_are_those_of_the_location(row: dict[str, str]) -> None:
    if not row["location"]:
        assert (row["latitude"], row["longitude"]) == ("", "")
        return
    assert row["location"] in PLACES, "a named place needs its coordinates here"
    assert (float(row["latitude"]), float(row["longitude"])) == PLACES[row["location"]]
