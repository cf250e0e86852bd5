"""The article extractor (dashboard/extraction/) and the scorer (dashboard/scoring.py)."""

from __future__ import annotations

import importlib.util
import io
import os
import subprocess
import sys
from datetime import date
from functools import partial
from pathlib import Path

import pandas as pd
import pytest

from dashboard import cli, lexicon
from dashboard.actors import parse_actors
from dashboard.dates import DateSpan
from dashboard.extraction import (
    article_headline,
    article_paragraphs,
    candidates_frame,
    extract_events,
    split_sentences,
)
from dashboard.extraction.actor_finder import _ActorFinder
from dashboard.geography import find_countries
from dashboard.loading import load_events_frame, validate_events_frame
from dashboard.scoring import dated_by_article, events_match, score_events, scored_by_article
from dashboard.table import DEFAULT_ACTORS_PATH, load_directory

ARTICLES = Path(__file__).parent / "data" / "articles"

DIRECTORY_CSV = (
    "actor,kind,country,aliases\n"
    "Sergei Lavrov,person,Russia,Sergey Lavrov\n"
    "Wunna Maung Lwin,person,Myanmar,\n"
    "Tatmadaw,military,Myanmar,Myanmar military;Defence Services\n"
    "State Administration Council,government,Myanmar,junta\n"
    "Russian government,government,Russia,Kremlin\n"
    "United States Department of State,government,United States,State Department\n"
)
DIRECTORY = parse_actors(DIRECTORY_CSV)


def events_of(text: str, published: date = date(2022, 8, 3), directory=DIRECTORY):
    return extract_events(text, published, directory)


def test_paragraphs_skip_headline_and_boilerplate_and_join_broken_names():
    text = (
        "Envoy Visits Capital\n\n#Envoy #Visits\n\nMOSCOW—Russian Foreign Minister\n\n"
        "Sergei Lavrov\n\nvisited Naypyitaw on Wednesday.\n\nSecond paragraph here.\n\n"
        "Write to someone at\n\nCopyright 2022"
    )
    assert article_paragraphs(text) == [
        "MOSCOW—Russian Foreign Minister Sergei Lavrov visited Naypyitaw on Wednesday.",
        "Second paragraph here.",
    ]
    assert article_headline(text) == "Envoy Visits Capital"


def test_sentences_keep_abbreviations_whole():
    assert split_sentences("The U.S. said Gen. Hlaing left. Mr. Lavrov stayed.") == [
        "The U.S. said Gen. Hlaing left.",
        "Mr. Lavrov stayed.",
    ]


def test_one_event_per_action_with_actors_dates_place_and_evidence():
    text = "Sergei Lavrov visited Naypyitaw on Wednesday and met Wunna Maung Lwin."
    found = {c.event_type: c for c in events_of(text)}
    assert set(found) == {"visit", "meeting"}
    meeting = found["meeting"]
    assert meeting.actors == ("Sergei Lavrov",)
    assert meeting.recipients == ("Wunna Maung Lwin",)
    assert (meeting.span.start, meeting.span.precision) == (date(2022, 8, 3), "day")
    assert meeting.date_text == "on Wednesday"
    assert found["visit"].location == "Naypyitaw"
    assert found["visit"].coordinates == (19.745, 96.115)
    assert meeting.evidence == text and meeting.paragraph == 1


def test_expected_events_are_marked_and_read_forwards():
    (event,) = events_of("Sergey Lavrov will visit Myanmar on Friday.")
    assert event.status == "expected"
    assert event.span.start == date(2022, 8, 5)


def test_later_mentions_take_the_date_of_the_event_they_name():
    text = (
        "The junta seized power in a coup last year.\n\n"
        "The coup ended a decade of reform and set off protests."
    )
    coups = [c for c in events_of(text) if c.event_type == "coup"]
    assert len(coups) == 1  # told twice, one event
    assert coups[0].actors == ("Tatmadaw",)  # the junta's coup is the military's act
    assert (coups[0].span.start, coups[0].span.end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_countries_acting_as_subjects_map_to_their_government():
    text = "The U.S. called the executions reprehensible last month."
    (event,) = [c for c in events_of(text) if c.event_type == "condemnation"]
    assert event.actors == ("United States Department of State",)


def test_undated_actions_are_left_out_and_new_names_proposed():
    assert events_of("Rights groups have accused the military of abuses.") == []
    (event,) = events_of("On Tuesday Zaw Min Tun met Wunna Maung Lwin.")
    assert event.proposed_actors == ("Zaw Min Tun",)


def test_candidates_are_a_valid_events_table_without_article_sentences_in_descriptions():
    text = "Sergei Lavrov visited Naypyitaw on Wednesday and met Wunna Maung Lwin."
    frame = validate_events_frame(candidates_frame(events_of(text), source="Test Wire"))
    assert len(frame) == 2
    assert frame["source"].eq("Test Wire").all()
    assert not frame["description"].str.contains("visited Naypyitaw").any()
    assert frame["evidence"].eq(text).all()


def row(**fields) -> dict:
    base = {
        "event_type": "meeting",
        "actors": "A",
        "recipients": "",
        "start_date": pd.Timestamp("2022-07-11"),
        "end_date": pd.Timestamp("2022-07-11"),
        "date_text": "",
    }
    return {**base, **fields}


@pytest.mark.parametrize(
    "candidate, gold, expected",
    [
        (row(), row(), True),
        (row(event_type="visit"), row(), True),  # both CONSULT in PLOVER
        (row(event_type="condemnation"), row(), False),
        (row(actors="B", recipients="A"), row(), True),
        (row(actors="B"), row(), False),
        (
            row(start_date=pd.Timestamp("2022-07-01"), end_date=pd.Timestamp("2022-07-31")),
            row(),
            True,
        ),
        (
            row(start_date=pd.Timestamp("2022-01-01"), end_date=pd.Timestamp("2022-12-31")),
            row(),
            False,
        ),
        (
            row(start_date=pd.Timestamp("2022-07-12"), end_date=pd.Timestamp("2022-07-12")),
            row(),
            False,
        ),
    ],
)
def test_match_rule(candidate, gold, expected):
    assert events_match(candidate, gold) is expected


def test_matching_is_one_to_one():
    frame = pd.DataFrame([row(), row(), row(actors="Z")]).assign(event_id=["a", "b", "c"])
    gold = pd.DataFrame([row()]).assign(event_id=["g"])
    score = score_events(frame, gold)
    assert (score.matched, score.candidates, score.gold) == (1, 3, 1)
    assert score.precision == pytest.approx(1 / 3) and score.recall == 1.0


_CLOSEST_PAIRS = """
import pandas as pd
from dashboard.scoring import score_events

def row(event_id, event_type, actors, start, end):
    return {"event_id": event_id, "event_type": event_type, "actors": actors,
            "recipients": "", "start_date": pd.Timestamp(start), "end_date": pd.Timestamp(end),
            "date_text": ""}

candidates = pd.DataFrame([
    row("c-meeting", "meeting", "A", "2022-07-11", "2022-07-11"),
    row("c-visit", "visit", "A", "2022-07-11", "2022-07-11"),
    row("c-talks", "meeting", "A;B", "2022-07-01", "2022-07-31"),
    row("c-other", "meeting", "B", "2022-07-11", "2022-07-11"),
])
gold = pd.DataFrame([
    row("g-visit", "visit", "A", "2022-07-10", "2022-07-12"),
    row("g-meeting", "meeting", "A", "2022-07-11", "2022-07-11"),
    row("g-talks", "meeting", "A;B", "2022-07-11", "2022-07-11"),
])
print(score_events(candidates, gold).pairs)
"""


def test_the_pairs_are_the_closest_and_the_same_in_every_run():
    # Every candidate here matches several gold events (visit and meeting share PLOVER's
    # CONSULT); of the maximum matchings, the one pairing the same types, then the same
    # actors, then the same days is taken, whatever the process's string hashing.
    expected = "(('c-meeting', 'g-meeting'), ('c-visit', 'g-visit'), ('c-talks', 'g-talks'))"
    runs = {
        seed: subprocess.run(
            [sys.executable, "-c", _CLOSEST_PAIRS],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent.parent,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout.strip()
        for seed in range(6)
    }
    assert set(runs.values()) == {expected}, runs


#: Measured on the texts under tests/data/articles (see docs/extraction.md): floors, so
#: a change that makes the extractor worse on any text fails here.
MEASURED = [
    # gold audit (session 21): the gold gained Russia's and China's arms supplies "since
    # last year's coup" (SOURCES.md); measured P 0.86 R 0.86 (6 of 7), was R 1.00.
    ("afp-bangkokpost-2022-08-03", "2022-08-03", 0.85, 0.85),  # P 0.86 after round 12
    ("laotiantimes-2022-07-13", "2022-07-13", 1.0, 1.0),
    ("tbs-2022-08-03", "2022-08-03", 1.0, 1.0),
    ("reuters-nationalpost-2021-06-23", "2021-06-23", 1.0, 1.0),
    # Held out in round 1 (gold committed before the first run: P 0.43 R 0.50), scored
    # again after fixing, as general rules, the defects it showed.
    ("reuters-tass-2022-08-03", "2022-08-03", 0.83, 0.83),
    # Held out in round 2 (gold committed in 1455090 before extract first ran on it:
    # P 0.00 R 0.00), scored again after fixing, as general rules, the defects it showed.
    ("straitstimes-2022-09-06", "2022-09-06", 0.75, 1.0),
    # Held out in round 3 (gold committed, 'Round 3 held-out texts', before extract ran:
    # P 0.33 R 0.33 and P 0.80 R 0.80), scored again after fixing, as general rules
    # (round-4 section below), the defects they showed.
    ("ap-wtop-2022-07-26", "2022-07-26", 1.0, 1.0),
    # Its memorandum "that day" (date_basis article) is scored since round 7 (R 0.83
    # then), found since "that day" reads as the last date told.
    ("myanmarnow-2022-07-13", "2022-07-13", 1.0, 1.0),
    # Held out in round 4 (gold committed, 'Round 4 held-out texts', before extract ran
    # once on each)
    # (then P 0.80 R 1.00, P 0.33 R 0.33, P 0.40 R 0.33); the floors are the figures
    # measured after fixing, as general rules (round-5 section below), what they showed.
    # gold audit: + Fomin's praise of Myanmar as a reliable ally (a statement of support of
    # its own, SOURCES.md); measured P 1.00 R 0.80 (4 of 5), was R 1.00.
    ("interfax-2021-03-26", "2021-03-26", 1.0, 0.8),
    ("aljazeera-2022-09-03", "2022-09-03", 0.88, 1.0),  # R 1.00 since Soe Win is known
    ("thestatesman-2022-09-04", "2022-09-04", 0.85, 0.85),
    # Held out in round 5 (gold committed in a406058 before extract ran; run once on
    # each after the last round-5 fix, 340fa81: P 0.50 R 0.33, P 0.71 R 1.00, P 0.33
    # R 0.25), scored again after fixing, as general rules (round-6 section below),
    # the defects they showed. Since round 7 every gold row with date_basis article is
    # scored (before: R 0.67, R 1.00, R 0.75 on the rows our resolver could read).
    ("rfa-2022-02-22.round5", "2022-02-22", 1.0, 0.83),  # after round 7's fixes
    ("irrawaddy-2022-11-23.round5", "2022-11-23", 1.0, 1.0),  # after round 11's lexicon
    ("efe-laprensalatina-2021-05-20.round5", "2021-05-20", 0.83, 1.0),  # after round 7
    # Held out in round 6 (gold committed in c3e77f0 before extract ran; run once on
    # each after the last round-6 fix, 84e6683, nothing tuned after: P 0.50 R 0.80,
    # P 0.50 R 1.00, P 0.00 R 0.00); floors as measured with every article-basis gold
    # row scored (round 7's scorer rule).
    # gold audit: the pledge to strengthen ties is the Patrushev meeting's content, its row
    # removed (SOURCES.md); measured P 0.75 R 1.00 (6 of 8 candidates), was P 0.88.
    ("alarabiya-2021-06-21.round6", "2021-06-21", 0.75, 1.0),
    # gold audit: + Min Aung Hlaing's praise of Putin at the meeting (a statement of support,
    # SOURCES.md); measured P 1.00 R 0.67 (2 of 3), was R 1.00.
    ("cnimyanmar-2022-09-07.round6", "2022-09-07", 1.0, 0.66),
    # VNA after round 7's joint-exercise and naval-forces rules: P 1.00 R 1.00.
    ("vietnamplus-2023-11-07.round6", "2023-11-07", 1.0, 1.0),
    # Held out in round 7 (gold committed in 950101d before extract ran; run once on
    # each after the last round-7 fix, a135b2c, scored under the round-7 rule, nothing
    # tuned after: P 0.50 R 0.33, P 0.33 R 0.33, P 0.00 R 0.00), scored again after
    # round 8's fixes (broader action words, since-courses, ranges): floor = measured.
    ("observerbd-2021-02-04.round7", "2021-02-04", 1.0, 0.66),
    ("upi-2022-12-22.round7", "2022-12-22", 1.0, 1.0),
    ("thanlwintimes-2023-12-21.round7", "2023-12-21", 1.0, 0.5),
    # Held out in round 8 (gold committed in c754b04 before extract ran; run once on
    # each after the last round-8 fix, 216a5dd, nothing tuned after: P 0.33 R 0.25,
    # P 0.75 R 0.75, P 0.50 R 0.25), scored again after round 9's fixes of the classes
    # they showed (round-9 section below): floor = measured.
    # gold audit: + Min Aung Hlaing's "loyal friend" praise at the talks (a statement of
    # support, SOURCES.md); measured P 1.00 R 0.80 (4 of 5), was R 1.00.
    ("emeatribune-2021-01-22.round8", "2021-01-22", 1.0, 0.8),
    ("voa-2022-02-25.round8", "2022-02-25", 1.0, 1.0),
    ("nhkworld-2023-05-18.round8", "2023-05-18", 1.0, 1.0),
    # Held out in round 9 (gold committed in 7c4b59e before extract ran; run once on
    # each after the last round-9 fix of the round-8 classes, afd1b8a, nothing tuned
    # after: P 0.00 R 0.00 each), scored again after fixing the classes they showed
    # (round-10 section below): floor = measured.
    # Press TV: R 0.60 after round 12 (b, c); 0.80 since session 21 ("at the hands of")
    ("presstv-2021-04-26.round9", "2021-04-26", 1.0, 0.8),
    ("sputnik-2024-03-28.round9", "2024-03-28", 1.0, 1.0),
    # The Diplomat: P 0.75 R 0.75 after round 10; 1.00/1.00 since session 21 (ranks, groups)
    ("thediplomat-2025-05-09.round9", "2025-05-09", 1.0, 1.0),
    # Held out in round 10 (gold committed in 74abd96 before extract ran; run once on
    # each after the last round-10 fix, 2216b9d, nothing tuned after): floor = measured.
    # TIME: P 0.67 R 0.50 after round 11; 1.00/1.00 since session 21 ("a delegation from")
    ("time-2023-09-14.round10", "2023-09-14", 1.0, 1.0),
    ("thestar-2025-09-27.round10", "2025-09-27", 1.0, 1.0),  # after round 12 (a)
    # Mizzima: R 0.67 after round 12 (d); 1.00 since session 21 (holidays, "the arrival of")
    ("mizzima-crphsupportgroup-2025-12-27.round10", "2025-12-27", 1.0, 1.0),
    # Held out in round 11 (gold committed in 06a6042 before extract ran; run once on
    # each after the last round-11 fix, 0a74055, nothing tuned after): floor = measured.
    ("cbsnews-2021-03-11.round11", "2021-03-11", 0.83, 1.0),  # after round 12 (b, c)
    # BOL News: R 0.40 after round 12 (e, f); 0.60 since session 22 (praise received)
    ("bolnews-2022-07-28.round11", "2022-07-28", 1.0, 0.6),
    ("dvb-2025-03-05.round11", "2025-03-05", 1.0, 0.8),  # after round 12 (g)
    # Held out in round 12 (gold committed in ecc2776 before extract ran; run once on
    # each after the last fix before them, d8fd86c, nothing tuned after): floor = measured.
    # first runs: AsiaNews P 0.50 R 0.25, SCMP P 0.00 R 0.00; after round 12's fixes:
    ("asianews-2021-06-19.round12", "2021-06-19", 1.0, 0.75),  # P after session 21 (d)
    # SCMP: P 0.375 R 0.50 since session 23 ("Wang" alone is Wang Yi: family name first)
    # session 24 (articles24: a one-off event's bare month in the year told): P 0.57 R 0.67
    ("scmp-2022-07-03.round12", "2022-07-03", 0.57, 0.66),
    # Le Monde: P 0.50 R 0.29 at its first run; P 0.40 on main after world's government
    # fallback (4c46e3b) landed the same minute (one more candidate, unmatched).
    # gold audit: Fomin's talks with the junta chief typed military cooperation (defence
    # talks, as the Interfax gold), was meeting; measured P 0.33 R 0.29 (2 of 7), was P 0.50.
    # session 24 (articles24: a Russian name in French transliteration): P 0.50 R 0.43;
    # (a person described by country and rank): P 0.67 R 0.57
    ("lemonde-gettotext-2021-03-29.round12", "2021-03-29", 0.66, 0.57),
    # Held out in round 13 (gold committed in ea68b07 before extract ran; run once on
    # each after the last fix before them, 36f75f7, nothing tuned after): floor = measured.
    # session 24 (articles24: an act in a comma participle): P 0.83 R 0.71
    ("crikey-2023-02-14.round13", "2023-02-14", 0.83, 0.71),
    # first runs: UCA News P 0.00 R 0.00, Business Recorder P 0.33 R 0.40; after round
    # 13's fixes (directory bodies, a news lead's perfect, a one-off event named again):
    ("ucanews-catholicsabah-2024-07-09.round13", "2024-07-09", 1.0, 0.33),
    # Business Recorder: P 0.60 R 0.60 in session 23 ("the summit" told again), then
    # P 0.67 R 0.80 (two-way meetings with two leaders: one meeting each), then P 0.83
    # R 1.00 (a declared truce an announced pledge; the fighting it halts none)
    ("brecorder-2025-04-04.round13", "2025-04-04", 0.83, 1.0),
    # Held out in round 14 (gold committed in ec106fb, 13:55:11 UTC, before extract ran;
    # run once on each at 14:11:05 after the last fix before them, de36046, landed at
    # 14:11:00; nothing tuned after): floor = measured.
    # session 21 (c); session 24 (articles24: concern told as a state): R 0.60 -> 0.80
    ("tass-ummnews-2021-03-12.round14", "2021-03-12", 1.0, 0.8),
    ("occrp-2022-10-12.round14", "2022-10-12", 1.0, 1.0),  # session 21 (a)
    ("rte-2023-04-12.round14", "2023-04-12", 1.0, 1.0),  # session 21 (b)
    # Held out in round 15 (gold committed in 3ff155f, 15:32 UTC, on a branch nobody
    # fixing the extractor saw; landed on main as b098e79 at 16:57:40 after the last fix,
    # 50778a6; run once on each at 16:57:47 by the lead, nothing tuned after): floor =
    # measured. The Post's first run stopped with exit 3 (no candidates: 'Over the past
    # month' gave a month-precision span the table refuses); its floor is measured after
    # that crash's fix alone (table_span), which changed no other text's candidates.
    # session 23 (articles23d: a toll of civilians in a participle, counted military
    # aircraft, a maker's compound no country told): R 0.20 -> 0.40
    ("washingtonpost-2022-11-11.round15", "2022-11-11", 1.0, 0.4),
    # session 22 (dates): "in the past three months" read; R 0.25 -> 0.50 (P 0.33 kept);
    # session 22 (envoys): Britain's condemnation; P 0.33 R 0.50 -> P 0.43 R 0.75;
    # session 22 ("attended the session" no visit): P 0.43 -> 0.50
    # session 23 (articles23b: executing an act is no execution): P 0.50 -> 0.60
    # session 24 (articles24: an actorless telling naming an event back): P 0.60 -> 0.75
    ("savemyanmar-2024-11-21.round15", "2024-11-21", 0.75, 0.75),
    # session 22 (dates): one candidate per listed month; P 0.33 R 0.33 -> P 0.43 R 0.50
    # session 22 (a coup naming whose government it ousts): P 0.43 R 0.50 -> P 0.50 R 0.67
    # session 23 (articles23b: an action during a dated event): P 0.50 R 0.67 -> P 0.62 R 0.83
    # session 24 (articles24: a reaction dated by its closing report): P 0.62 -> 0.71
    ("taipeitimes-2025-11-29.round15", "2025-11-29", 0.71, 0.83),
    # Held out in round 16 (gold committed in 4796637, 18:28:36 UTC, on a branch nobody
    # fixing the extractor saw; landed on main as 1cde3f8 at 19:21:55 after the last fix,
    # b58d57e; run once on each at 19:21:57 by the lead, nothing tuned after): floor =
    # measured.
    # session 23 (articles23b: a coup by no bloc, the summit's teller-subject, an upcoming
    # summit, disappointment as condemnation): P 0.40 R 0.33 -> P 0.83 R 0.83
    ("channelnewsasia-2021-10-16.round16", "2021-10-16", 0.83, 0.83),
    # session 22 after the held-out run (a news lead's perfect announced by its own side;
    # a closing report's date words): P 0.50 R 0.25 -> P 0.67 R 0.50;
    # session 22 ("Western nations" the directory's Western governments): -> P 1.00 R 0.75
    # session 23 (articles23b: responsibility for civilians' deaths): R 0.75 -> 1.00
    ("theaseandaily-2023-08-25.round16", "2023-08-25", 1.0, 1.0),
    # Narinjara: P 0.71 R 1.00 since session 23 ("this summit" told again, its date)
    ("narinjara-2024-11-05.round16", "2024-11-05", 0.83, 1.0),
    # Held out in round 17 (gold committed in d046856 before extract ran on any; first
    # run P 0.00 R 0.00, docs/extraction.md): floor = measured after session 23
    # (articles23c: a person's name spelt with another transliteration of a short i:
    # P 0.67 R 0.40; weapons provided told before the recipient: P 0.75 R 0.60)
    # session 24 (articles24: weapons delivered after a count and a model, dated by the
    # shipment named back): P 0.80 R 0.80
    ("thedefensepost-2022-07-13.round17", "2022-07-13", 0.8, 0.8),
    # South Asia Journal (round 17, first run P 0.00 R 0.00; P 0.75 R 0.50 after session
    # 23): floor = measured after session 24 (articles24: a putsch is a coup)
    ("southasiajournal-2023-05-02.round17", "2023-05-02", 1.0, 0.66),
    # Held out in round 18 (gold committed in a7bb5ad before extract ran on any, landed in
    # 26eca71 after the session's last extractor fix): floor = as measured after
    # session 24's fixes (articles24b; first runs: bdnews24 P 1.00 R 0.50, AP P 0.33
    # R 0.33, The Online Citizen P 0.50 R 0.43)
    ("bdnews24-2021-03-28.round18", "2021-03-28", 1.0, 0.75),
    ("ap-yahoo-2022-11-08.round18", "2022-11-08", 1.0, 0.66),
    ("theonlinecitizen-2023-07-13.round18", "2023-07-13", 0.75, 0.85),
    # Held out in round 19 (gold committed in dfdf903 before extract ran on any, landed in
    # 5d0b687 after the session's last extractor fix): floor = the first run, measured,
    # raised as measured after articles24c (first runs: East Coast Daily P 0.50 R 0.33,
    # A News P 0.50 R 0.50); A News raised again after articles26 (P 1.00 R 0.50 before)
    ("thescoop-2021-04-25.round19", "2021-04-25", 0.5, 0.2),
    ("eastcoastdaily-2022-12-22.round19", "2022-12-22", 1.0, 0.66),
    ("anews-2024-11-07.round19", "2024-11-07", 1.0, 0.75),
    # Held out in round 20 (gold committed in e29add1 before extract ran on any, landed in
    # 396a8ce after the session's last extractor fix): floor = the first run, measured,
    # raised as measured after articles25b (first runs: The Daily Guardian P 0.50
    # R 0.25, 234Radio P 0.67 R 0.50)
    ("thedailyguardian-2021-05-19.round20", "2021-05-19", 1.0, 0.5),
    ("londoninsider-2023-09-10.round20", "2023-09-10", 0.0, 0.0),
    ("radio234-2025-11-28.round20", "2025-11-28", 1.0, 0.5),
    # Held out in round 21 (gold committed in 4fc5bbe before extract ran on any, landed in
    # 9ae28cf after the session's last extractor fix): floor = the first run, measured,
    # raised as measured after articles25c (first runs: Jakarta Globe P 0.50 R 0.50,
    # The Moscow Times P 1.00 R 0.67)
    ("jakartaglobe-2021-02-03.round21", "2021-02-03", 1.0, 0.5),
    ("ktar-2022-08-17.round21", "2022-08-17", 1.0, 0.33),
    ("themoscowtimes-2023-11-07.round21", "2023-11-07", 1.0, 0.83),
    # Held out in round 22 (gold committed in 644b454 before extract ran on any, landed in
    # 6b53b05 after the session's last extractor fix): floor = the first run, measured;
    # Balkan News and WSAU raised by articles25d (passive condemnation, joint patrol,
    # exports, a bare month after a dated one)
    ("balkannews-2022-03-12.round22", "2022-03-12", 1.0, 0.66),
    ("thedailystar-2024-08-14.round22", "2024-08-14", 1.0, 0.66),
    ("wsau-2023-11-27.round22", "2023-11-27", 0.5, 0.33),
    # Held out in round 23 (gold committed in a18d56a before extract ran on any, landed in
    # 5c00cbe after the session's last extractor fix): floor = the first run, measured,
    # raised as measured after articles26 (first runs: Green Time P 0.50 R 0.33,
    # UrduPoint P 1.00 R 0.56)
    ("indiatoday-2021-12-24.round23", "2021-12-24", 1.0, 0.25),
    ("greentime-2024-10-30.round23", "2024-10-30", 1.0, 0.66),
    ("urdupoint-2025-03-05.round23", "2025-03-05", 1.0, 0.66),
    # Held out in round 24 (gold committed in 1ee4499 before extract ran on any, landed in
    # c8aa3ec; the extractor unchanged since round 23's first run): floor = the first run,
    # News Insider and Khabar24 raised as measured after articles26 (first runs P 0.75
    # R 0.60, P 0.67 R 0.50)
    ("alutanews-2021-06-19.round24", "2021-06-19", 1.0, 0.33),
    ("khabar24-2023-05-28.round24", "2023-05-28", 1.0, 0.5),
    ("newsinsider-2025-04-04.round24", "2025-04-04", 1.0, 0.8),
    # Held out in round 25 (gold committed in 7727cf9 before extract ran on any, landed in
    # 4fee46c after articles26's last fix, a0dd841): floor = the first run, measured;
    # BelTA and TRT World raised as measured after articles26b (first runs P 0.67 R 0.40,
    # P 0.50 R 0.20); SOS Burma raised as measured after articles27b (was P 0.75 R 0.38)
    ("belta-2025-03-07.round25", "2025-03-07", 1.0, 0.6),
    ("sosburma-2022-01-07.round25", "2022-01-07", 1.0, 0.5),
    ("trtworld-2021-04-19.round25", "2021-04-19", 1.0, 0.4),
    # Held out in round 26 (gold committed in eff0c47 before extract ran on any, landed in
    # 02b834f after articles26b's last fix, 020b567): floor = the first run, measured;
    # DW and WION raised as measured after articles26c (first runs P 1.00 R 0.33,
    # P 0.67 R 0.33)
    ("jakartapost-2021-02-26.round26", "2021-02-26", 0.28, 0.5),
    ("dw-2023-02-01.round26", "2023-02-01", 1.0, 0.66),
    ("wion-2024-01-12.round26", "2024-01-12", 0.75, 0.5),
    # Held out in round 27 (gold committed in e79b024 before extract ran on any, landed in
    # 3dc6517 after articles26c's last fix, ad5d24c): floor = the first run, measured
    # ETV Bharat raised as measured after articles26d (first run P 1.00 R 0.50)
    ("etvbharat-2021-12-27.round27", "2021-12-27", 1.0, 1.0),
    ("moneycontrol-2022-11-24.round27", "2022-11-24", 1.0, 0.42),
    ("xinhua-peoplesdaily-2025-08-31.round27", "2025-08-31", 1.0, 0.2),
    # Held out in round 28 (gold committed in 39ffba5 before extract ran on any, landed in
    # f347c05 after articles27b's last fix, 7f4d4a7): floor = the first run, measured;
    # JURIST and The New Indian Express raised as measured after articles27c (first runs
    # P 0.50 R 0.33, P 0.50 R 0.20); Kyodo News raised as measured after articles28 (first
    # run P 0.80 R 0.80)
    ("jurist-2024-02-01.round28", "2024-02-01", 1.0, 0.33),
    ("kyodonews-2021-06-04.round28", "2021-06-04", 1.0, 1.0),
    ("newindianexpress-2023-02-24.round28", "2023-02-24", 1.0, 0.6),
    # Held out in round 29 (gold committed in 619d622 before extract ran on any, landed in
    # 857921c after articles27c's and articles27e's last fixes): floor = the first run, measured
    ("phnompenhpost-2022-07-22.round29", "2022-07-22", 1.0, 0.75),
    ("voiceforjustice-2023-08-24.round29", "2023-08-24", 1.0, 0.25),
    ("worldnewstech-2026-02-03.round29", "2026-02-03", 1.0, 0.75),
    # Held out in rounds 30 and 31 (gold committed in 852f2e4 and 7f85b3f before extract ran
    # on any, landed in ace2695 and bcc4c53 after articles27d's last fix, 1ba477e): floor =
    # the first run, measured
    # Devdiscourse raised as measured after articles28i (first run P 0.62 R 1.00)
    ("devdiscourse-2024-11-04.round30", "2024-11-04", 0.71, 1.0),
    ("militarywatches-2025-11-10.round30", "2025-11-10", 1.0, 1.0),
    ("thailandnews-2022-01-09.round30", "2022-01-09", 1.0, 0.5),
    # Illustrated Daily News raised as measured after articles28 (first run P 0.00 R 0.00)
    ("illustrateddailynews-2022-11-09.round31", "2022-11-09", 1.0, 0.33),
    ("licas-2023-01-26.round31", "2023-01-26", 0.33, 0.33),
    ("realtribune-2025-11-28.round31", "2025-11-28", 0.42, 1.0),
    # Held out in rounds 32 and 33 (gold committed in 53d4d34 and 1750742 before extract ran
    # on any, landed in b8eb6e4 and 26a6c93 after articles28's last fix, 6ddb838): floor =
    # the first run, measured
    ("arakannow-2025-07-25.round32", "2025-07-25", 1.0, 0.5),
    ("usasean-2023-04-14.round32", "2023-04-14", 1.0, 0.4),
    ("wenews-2024-01-11.round32", "2024-01-11", 0.66, 0.66),
    ("byronnews-2021-03-08.round33", "2021-03-08", 0.66, 0.4),
    ("indiathisweek-2025-08-31.round33", "2025-08-31", 1.0, 0.57),
    ("lokmat-2023-02-18.round33", "2023-02-18", 0.0, 0.0),
    # Held out in rounds 34 and 35 (gold committed in dc533d4 and de8f0e2 before extract ran
    # on any, landed in 7e3130b and 607bbf7 after articles28b's last fix, fc5c8c2): floor =
    # the first run, measured
    ("hydrocarbonprocessing-2023-08-23.round34", "2023-08-23", 0.4, 0.5),
    ("nkleadershipwatch-2010-08-02.round34", "2010-08-02", 0.0, 0.0),
    ("republicworld-2020-10-15.round34", "2020-10-15", 0.0, 0.0),
    ("dailypakistan-2018-08-27.round35", "2018-08-27", 1.0, 1.0),
    ("morungexpress-2019-07-29.round35", "2019-07-29", 0.6, 0.75),
    ("usmuslims-2024-10-09.round35", "2024-10-09", 0.66, 0.66),
    # Held out in rounds 36 and 37 (gold committed in fbc0112 and a4d1a73 before extract ran
    # on any, landed in c5b9bc1 and 9d9286f after articles28d's last fix, ca93e1e): floor =
    # the first run, measured
    ("ecnetnews-2024-12-20.round36", "2024-12-20", 1.0, 0.75),
    ("ksl-2013-12-17.round36", "2013-12-17", 0.0, 0.0),
    ("spacewar-2025-05-12.round36", "2025-05-12", 1.0, 1.0),
    ("goacarrent-2017-09-13.round37", "2017-09-13", 1.0, 0.66),
    ("indiandefensenews-2023-09-04.round37", "2023-09-04", 0.5, 0.5),
    ("theindianawaaz-2020-01-17.round37", "2020-01-17", 0.5, 0.66),
    # Held out in rounds 38 and 39 (gold committed in 26b5779 and bb78b22 before extract ran
    # on any, landed in 823c6e4 and af558b8 after articles28f's last fix, 4ad2d85): floor =
    # the first run, measured (MarketScreener scores nothing: its gold rows have no date words)
    ("elevenmyanmar-2020-01-19.round38", "2020-01-19", 1.0, 0.6),
    ("progressivevoicemyanmar-2023-03-27.round38", "2023-03-27", 1.0, 0.5),
    ("bostonglobe-2019-07-17.round39", "2019-07-17", 1.0, 0.33),
    ("islamtimes-2024-03-19.round39", "2024-03-19", 0.0, 0.0),
    ("timesofindia-2017-07-08.round39", "2017-07-08", 1.0, 0.25),
    # Held out in round 40 (gold committed in 76586d6 before extract ran on any, landed in
    # 991f498 after articles28g's and articles28h's last fixes): floor = the first run, measured
    ("marketbeat-2022-02-21.round40", "2022-02-21", 1.0, 1.0),
    ("newsby-2025-03-28.round40", "2025-03-28", 0.0, 0.0),
    ("qdnd-2019-09-24.round40", "2019-09-24", 0.66, 0.66),
    # Held out in round 17 and never given a floor until the check below found it:
    # floor = as measured at the start of session 28 (e27217c)
    ("themirrorasia-2024-06-14.round17", "2024-06-14", 0.16, 0.14),
]


@pytest.mark.parametrize(
    "name, published, precision, recall", MEASURED, ids=[m[0] for m in MEASURED]
)
def test_extract_then_score_through_the_cli(tmp_path, name, published, precision, recall):
    out = tmp_path / "candidates.csv"
    stdout, stderr = io.StringIO(), io.StringIO()
    argv = ["extract", str(ARTICLES / f"{name}.txt"), "--published", published, "-o", str(out)]
    assert cli.main(argv, stdout, stderr) == 0
    assert cli.main(["validate", str(out)], stdout, stderr) == 0
    candidates = load_events_frame(out)
    assert {"evidence", "confidence", "status", "date_text"} <= set(candidates.columns)
    gold = load_events_frame(ARTICLES / f"{name}.gold.csv")
    gold = gold[scored_by_article(gold, date.fromisoformat(published))]  # as `score` does
    score = score_events(candidates, gold, date.fromisoformat(published))
    assert score.precision >= precision and score.recall >= recall


def test_every_text_has_a_valid_gold_table_and_a_measured_floor():
    """A text committed under tests/data/articles has a gold table that validates, and a
    floor above whenever its gold has events the article dates (a text added without
    one would be measured by nobody)."""
    measured = {m[0] for m in MEASURED}
    for text in sorted(ARTICLES.glob("*.txt")):
        name = text.stem
        gold_path = ARTICLES / f"{name}.gold.csv"
        assert gold_path.exists(), name
        stdout, stderr = io.StringIO(), io.StringIO()
        assert cli.main(["validate", str(gold_path)], stdout, stderr) == 0, (
            name,
            stderr.getvalue(),
        )
        published = date.fromisoformat(name.split(".")[0][-10:])
        scored = int(scored_by_article(load_events_frame(gold_path), published).sum())
        assert (name in measured) == (scored > 0), (name, scored)


#: The seed article is never copied into the project: shared/ beside the clone (as in
#: tests/test_event_data.py), or SOURCE_ARTICLE.
SEED = Path(
    os.environ.get("SOURCE_ARTICLE")
    or Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_eed5d73485abdd96.txt"
)


def test_the_seed_article_against_the_corrected_table(tmp_path):
    """Measured in docs/extraction.md: 20 candidates, 19 of 22 dated gold events."""
    out = tmp_path / "candidates.csv"
    argv = ["extract", str(SEED), "--published", "2022-08-03", "-o", str(out)]
    assert cli.main(argv, io.StringIO(), io.StringIO()) == 0
    gold = load_events_frame(Path(__file__).resolve().parents[1] / "data" / "events.csv")
    gold = gold[scored_by_article(gold, date(2022, 8, 3))]  # as `score --published` does
    assert len(gold) == 22
    score = score_events(load_events_frame(out), gold, date(2022, 8, 3))
    assert score.precision >= 0.95 and score.recall >= 0.86


def test_score_command_prints_the_measures(tmp_path):
    gold = ARTICLES / "tbs-2022-08-03.gold.csv"
    stdout = io.StringIO()
    assert cli.main(["score", str(gold), str(gold)], stdout, io.StringIO()) == 0
    assert "precision 1.00  recall 1.00  F1 1.00" in stdout.getvalue()


def test_directory_is_the_shipped_one():
    assert load_directory(DEFAULT_ACTORS_PATH).canonical("Sergey Shoigu") == "Sergei Shoigu"


def test_an_undated_lead_takes_the_date_of_a_later_action_sharing_a_person():
    text = (
        "Sergei Lavrov held talks with Wunna Maung Lwin about trade.\n\n"
        "The junta said Lavrov visited Naypyitaw on Tuesday."
    )
    meeting = next(c for c in events_of(text) if c.event_type == "meeting")
    assert (meeting.span.start, meeting.date_text) == (date(2022, 8, 2), "on Tuesday")
    # A government shared with a later dated action does not date anything.
    assert events_of("The junta held talks.\n\nThe junta visited Naypyitaw on Tuesday.") != []
    assert [
        c.event_type
        for c in events_of("The junta held talks.\n\nThe junta visited Naypyitaw on Tuesday.")
    ] == ["visit"]


def test_actions_without_any_actor_are_left_out():
    assert events_of("In early July, the country hosted a regional forum.") == []


def test_negated_actions_are_not_events():
    assert events_of("On Wednesday Sergei Lavrov did not meet Wunna Maung Lwin.") == []
    assert events_of("On Wednesday Sergei Lavrov didn't visit Naypyitaw.") == []


def test_a_meeting_with_two_bodies_is_two_meetings():
    directory = parse_actors(
        "actor,kind,country,aliases\n"
        "Min Aung Hlaing,person,Myanmar,\n"
        "Rosatom,organisation,Russia,Russia's nuclear agency\n"
        "Roscosmos,organisation,Russia,Russia's space agency\n"
    )
    text = "On Monday Min Aung Hlaing met Russia's space and nuclear agencies."
    found = extract_events(text, date(2022, 7, 13), directory)
    assert sorted(c.recipients for c in found) == [("Rosatom",), ("Roscosmos",)]
    assert {c.span.start for c in found} == {date(2022, 7, 11)}


# --- coreference, descriptions and cues (general rules; see docs/extraction.md) ---

FULLER = parse_actors(
    DIRECTORY_CSV + "Sergei Shoigu,person,Russia,\n"
    "Min Aung Hlaing,person,Myanmar,Gen. Hlaing\n"
    "Wang Yi,person,China,\n"
    "National League for Democracy government,government,Myanmar,NLD government\n"
    "Russian Ministry of Defence,government,Russia,Russian defence ministry\n"
    "Rosoboronexport,organisation,Russia,state arms exporter\n"
    "Western governments,government,,Western democracies\n"
)


def fuller(text: str, published: date = date(2022, 8, 3)):
    return extract_events(text, published, FULLER)


def test_a_pronoun_subject_stands_for_the_last_body_or_person_told():
    text = (
        "Mr. Lavrov's visit comes as anger at the junta grew since it executed four men last month."
    )
    (execution,) = [c for c in fuller(text) if c.event_type == "repression/execution"]
    assert execution.actors == ("State Administration Council",)
    (visit,) = [
        c
        for c in fuller("Sergei Lavrov landed on Monday.\n\nOn Tuesday he visited Naypyitaw.")
        if c.event_type == "visit"
    ]
    assert visit.actors == ("Sergei Lavrov",) and visit.span.start == date(2022, 8, 2)


def test_his_counterpart_is_the_holder_of_the_same_office_the_article_names():
    text = (
        "On Monday Myanmar's foreign minister, Wunna Maung Lwin, flew to Bagan.\n\n"
        "In early July, Chinese Foreign Minister Wang Yi praised the ties. "
        "His Myanmar counterpart voiced continuing support for China's positions."
    )
    support = [c for c in fuller(text) if c.event_type == "statement of support"]
    assert ("Wunna Maung Lwin",) in [c.actors for c in support]


def test_the_country_is_the_last_country_named_and_acts_through_the_government_told_of():
    text = (
        "The junta seized power last year. Visits to Myanmar have been rare since.\n\n"
        "In early July, the country hosted a regional forum."
    )
    (forum,) = [c for c in fuller(text) if c.event_type == "multilateral meeting"]
    # Myanmar has two governments in the directory; the article speaks of the junta.
    assert forum.actors == ("State Administration Council",)
    assert forum.span.start == date(2022, 7, 1)
    assert not [c for c in fuller(text) if c.event_type == "visit"]  # the host visits no one


def test_defence_officials_of_both_countries_meeting_is_military_cooperation():
    text = (
        "Gen. Min Aung Hlaing traveled to Russia in July this year. During the recent "
        "trip, senior defense officials from both countries exchanged views on ties."
    )
    (talks,) = [c for c in fuller(text) if "Russian Ministry of Defence" in c.actors]
    assert talks.event_type == "military cooperation"
    assert set(talks.actors) == {"Tatmadaw", "Russian Ministry of Defence"}
    assert talks.span == DateSpan(date(2022, 7, 1), date(2022, 7, 31), "month")


def test_a_meeting_with_an_arms_exporter_is_military_cooperation():
    text = "In July Min Aung Hlaing met the head of a state arms exporter."
    (event,) = fuller(text)
    assert (event.event_type, event.recipients) == ("military cooperation", ("Rosoboronexport",))


def test_present_perfect_and_repeated_actions_take_no_date_from_the_paragraph():
    text = (
        "The junta seized power in a coup last year. The junta has voiced support for "
        "Russia. Moscow has twice hosted Min Aung Hlaing for talks."
    )
    assert [c.event_type for c in fuller(text)] == ["coup"]


def test_date_words_belong_to_the_nearest_action_word():
    text = (
        "Rights activists have accused Moscow of backing the junta, which seized power "
        "in a Feb. 1 coup."
    )
    assert [c.event_type for c in fuller(text, date(2021, 6, 23))] == ["coup"]


def test_an_adjective_on_the_action_noun_names_who_acts():
    text = (
        "The junta seized power in a coup last year.\n\n"
        "The coup ended the transition and triggered Western sanctions against its leaders."
    )
    (sanction,) = [c for c in fuller(text) if c.event_type == "sanction"]
    assert sanction.actors == ("Western governments",)
    assert (sanction.span.start, sanction.span.precision) == (date(2021, 1, 1), "year")


def test_a_coordinated_clause_without_subject_takes_the_sentences_subject():
    text = (
        "Moscow hosted the forum in June 2021, and last year dispatched a senior defense "
        "official to a military event in Naypyitaw."
    )
    (sent,) = [c for c in fuller(text, date(2022, 8, 3)) if c.event_type == "military cooperation"]
    assert sent.actors == ("Russian government",)
    assert (sent.span.start, sent.span.end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_an_undated_lead_and_its_dated_retelling_are_one_event():
    text = (
        "Russian Defence Minister Sergei Shoigu told Min Aung Hlaing that Moscow is committed "
        "to strengthening military ties.\n\nShoigu spoke at a meeting on Tuesday."
    )
    (talks,) = fuller(text, date(2021, 6, 23))
    assert talks.event_type == "military cooperation"  # a defence minister's meeting
    assert set(talks.actors + talks.recipients) == {"Sergei Shoigu", "Min Aung Hlaing"}
    assert talks.span.start == date(2021, 6, 22)


# Round 2: defects the held-out text showed, fixed as general rules (made-up sentences).
WIDER = parse_actors(
    DIRECTORY_CSV
    + "Min Aung Hlaing,person,Myanmar,\n"
    + "Tom Andrews,person,,Thomas Andrews\n"
    + "Russian Ministry of Defence,government,Russia,Russian defence ministry\n"
    + "United States Department of Defense,government,United States,Pentagon\n"
)

wider_events = partial(events_of, directory=WIDER)


def test_future_wording_marks_its_own_clause_not_the_whole_sentence():
    text = (
        "Sergei Lavrov will visit Naypyitaw on Friday, officials said, the first such trip "
        "since the army seized power last year."
    )
    found = {c.event_type: c for c in wider_events(text)}
    assert found["visit"].status == "expected"
    coup = found["coup"]
    assert coup.status == "reported"
    assert coup.actors == ("Tatmadaw",)  # "the army" as subject: the country's military
    assert (coup.span.start, coup.span.end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_a_past_action_after_a_subordinator_is_not_governed_by_would():
    text = (
        "Myanmar would deepen ties with Russia after Wunna Maung Lwin travelled there last month."
    )
    (visit,) = [c for c in wider_events(text) if c.event_type == "visit"]
    assert visit.status == "reported" and visit.actors == ("Wunna Maung Lwin",)


def test_the_military_as_an_object_is_not_resolved():
    text = "Regional ministers snubbed the military on Monday."
    assert all("Tatmadaw" not in c.actors + c.recipients for c in wider_events(text))


def test_a_headline_x_to_meet_y_is_expected_and_one_event_with_the_lead():
    text = (
        "Lavrov to meet top diplomat in Naypyitaw\n\n"
        "MOSCOW - Sergei Lavrov will meet Wunna Maung Lwin on Friday, the ministry said."
    )
    (meeting,) = [c for c in wider_events(text) if c.event_type == "meeting"]
    assert meeting.status == "expected" and meeting.paragraph == 1
    assert meeting.recipients == ("Wunna Maung Lwin",)


def test_two_coordinated_actions_of_one_type_are_two_events_with_their_own_recipients():
    text = (
        "Sergei Lavrov is due to hold talks with Wunna Maung Lwin and meet "
        "the general Min Aung Hlaing on Friday."
    )
    meetings = [c for c in wider_events(text) if c.event_type == "meeting"]
    assert sorted((c.actors, c.recipients) for c in meetings) == [
        (("Sergei Lavrov",), ("Min Aung Hlaing",)),
        (("Sergei Lavrov",), ("Wunna Maung Lwin",)),
    ]
    assert {c.status for c in meetings} == {"expected"}


def test_arms_supplies_dated_only_by_a_report_are_the_reports_accusation():
    text = "Russia had sold the junta jets and drones, Thomas Andrews, a UN expert, said in May."
    (event,) = wider_events(text)
    assert event.event_type == "condemnation"
    assert event.actors == ("Tom Andrews",)
    assert "Russian government" in event.recipients
    assert (event.span.start, event.span.precision) == (date(2022, 5, 1), "month")
    # told by nobody the directory knows: the supplies stay undated, no event
    assert wider_events("Russia had sold the junta jets, a UN expert said in May.") == []
    # the supplies' own date words: an arms transfer
    (own,) = wider_events("Russia sold the junta jets and drones in May.")
    assert own.event_type == "arms transfer" and own.actors == ("Russian government",)


def test_a_defence_official_without_a_country_is_the_subjects():
    finder = _ActorFinder(WIDER)
    sentence = "While the U.S. looked on, Russia sent a senior defence official last year."
    actors = {m.actor for m in finder.find(sentence)}
    assert "Russian Ministry of Defence" in actors
    assert "United States Department of Defense" not in actors


# Round 3: defects the round-2 held-out text showed, fixed as general rules. Made-up
# people and bodies, real countries (the geography module knows only real ones).
ROLES = parse_actors(
    "actor,kind,country,aliases\n"
    "Anan Wongsa,person,Thailand,\n"
    "Somchai Rattana,person,Thailand,\n"
    "National Order Council,government,Thailand,junta\n"
    "Tran Van Minh,person,Vietnam,\n"
    "Government of Vietnam,government,Vietnam,\n"
)
ROLES_WITH_DIRECTORY_ROLE = parse_actors(
    "actor,kind,country,aliases\n"
    "Anan Wongsa,person,Thailand,junta leader\n"
    "National Order Council,government,Thailand,junta\n"
)
WEDNESDAY = date(2022, 8, 3)


def roles_events(text: str, directory=ROLES, published: date = WEDNESDAY):
    return extract_events(text, published, directory)


def test_a_described_role_is_the_person_the_directory_gives_it_not_the_body():
    (visit,) = roles_events(
        "Thailand's junta leader flew to Hanoi on Monday.", ROLES_WITH_DIRECTORY_ROLE
    )
    assert visit.actors == ("Anan Wongsa",)
    # a role alias is no name: "Vietnam's junta leader" is not the Thai holder
    finder = _ActorFinder(ROLES_WITH_DIRECTORY_ROLE)
    assert [m.actor for m in finder.find("Vietnam's junta leader spoke.")] == []


def test_a_described_role_is_the_person_the_article_titles_so_later():
    text = (
        "The junta chief flew to Hanoi on Monday.\n\n"
        "Officials said junta chief Somchai Rattana would stay two days."
    )
    (visit,) = [c for c in roles_events(text) if c.event_type == "visit"]
    assert visit.actors == ("Somchai Rattana",)
    # "Vietnam's top diplomat": the holder of that office the article names
    text = (
        "Vietnamese Foreign Minister Tran Van Minh spoke on Monday.\n\n"
        "On Tuesday Vietnam's top diplomat flew to Bangkok."
    )
    (visit,) = [c for c in roles_events(text) if c.event_type == "visit"]
    assert visit.actors == ("Tran Van Minh",)


def test_a_role_nobody_holds_is_no_actor_and_not_the_body_it_names():
    assert roles_events("The junta chief flew to Hanoi on Monday.") == []


def test_a_subject_pronoun_is_the_last_subject_person_not_the_last_person_told():
    text = (
        "Somchai Rattana has long been at odds with Tran Van Minh.\n\n"
        "He visited Hanoi in May.\n\n"
        "He also flew to Tokyo in June."
    )
    visits = [c for c in roles_events(text) if c.event_type == "visit"]
    assert [(c.actors, c.span.start) for c in visits] == [
        (("Somchai Rattana",), date(2022, 5, 1)),
        (("Somchai Rattana",), date(2022, 6, 1)),
    ]


def test_both_sides_are_the_parties_of_the_event_just_told_dated_by_when():
    text = "Anan Wongsa visited Hanoi in May, when both sides agreed to expand trade cooperation."
    found = {c.event_type: c for c in roles_events(text)}
    assert set(found) == {"visit", "agreement"}
    agreement = found["agreement"]
    assert set(agreement.actors) == {"Anan Wongsa", "Government of Vietnam"}
    assert agreement.span == DateSpan(date(2022, 5, 1), date(2022, 5, 31), "month")
    # a commitment to a typed cooperation is that type, one event
    text = (
        "Anan Wongsa visited Hanoi in May, when both sides committed to deepening "
        "military cooperation."
    )
    assert sorted(c.event_type for c in roles_events(text)) == ["military cooperation", "visit"]
    # a state of commitment ("is committed to") is no agreement
    text = "On Monday Anan Wongsa said Vietnam is committed to closer ties."
    assert [c for c in roles_events(text) if c.event_type == "agreement"] == []


def test_an_expected_action_dated_by_an_event_already_told_is_not_read_forwards():
    text = (
        "Anan Wongsa was on a visit to Vietnam on Monday.\n\n"
        "Officials said he would visit a shipyard and attend a summit."
    )
    expected = [c for c in roles_events(text) if c.status == "expected"]
    assert {c.event_type for c in expected} == {"visit", "multilateral meeting"}
    # Monday 1 August, the visit's day - not the Monday after the Wednesday publication
    assert {c.span.start for c in expected} == {date(2022, 8, 1)}


def test_words_naming_a_dated_event_belong_to_the_nearest_action():
    text = (
        "The junta seized power in a coup last year.\n\n"
        "Monitors have accused the junta of abuses, with Vietnam singled out for "
        "supplying the junta with drones since the coup."
    )
    found = roles_events(text)
    assert [c.event_type for c in found] == ["coup", "arms transfer"]  # no dated accusation
    arms = found[1]
    assert arms.actors == ("Government of Vietnam",)  # the passive names who supplies
    assert arms.recipients == ("National Order Council",)
    assert (arms.span.start, arms.span.end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_the_headline_lends_its_date_only_to_the_first_paragraphs():
    text = (
        "Wongsa to meet Minh in Hanoi\n\n"
        "HANOI - Anan Wongsa will meet Tran Van Minh on Friday.\n\n"
        "Trade is at stake.\n\nPorts too.\n\nAnd fisheries.\n\n"
        "Afterwards Anan Wongsa travelled to Tokyo."
    )
    assert [c.event_type for c in roles_events(text)] == ["meeting"]


def test_the_scorer_reads_since_the_coup_and_early_last_year_from_the_gold_table():
    gold = pd.DataFrame(
        {
            "event_type": ["coup", "arms transfer", "visit"],
            "start_date": pd.to_datetime(["2021-02-01", "2021-02-01", "2022-05-01"]),
            "end_date": pd.to_datetime(["2021-02-01", "2022-08-31", "2022-05-31"]),
            "date_precision": ["day", "month", "month"],
            "date_text": ["early last year", "since the coup", "since the summit"],
        }
    )
    assert dated_by_article(gold, WEDNESDAY).tolist() == [True, True, False]
    assert not dated_by_article(gold.iloc[[1]], WEDNESDAY).item()  # no coup in the table


def test_article_basis_gold_rows_are_always_scored_with_their_own_span_as_allowance():
    gold = pd.DataFrame(
        [
            row(date_text="at dawn of the feast", date_basis="article"),
            row(date_text="at dawn of the feast", date_basis="public record"),
            row(date_text="on Monday", date_basis="public record"),
        ]
    ).assign(event_id=["a", "b", "c"])
    assert scored_by_article(gold, WEDNESDAY).tolist() == [True, False, True]
    # The resolver cannot read the words: the candidate may be as wide as the gold
    # span's own rule allows, no wider (a year for a day is still no match).
    day = row(date_text="at dawn of the feast", date_basis="article")
    year = row(start_date=pd.Timestamp("2022-01-01"), end_date=pd.Timestamp("2022-12-31"))
    gold_day = pd.DataFrame([day]).assign(event_id=["g"])

    def matched(candidate) -> int:
        return score_events(
            pd.DataFrame([candidate]).assign(event_id=["c"]), gold_day, WEDNESDAY
        ).matched

    assert matched(row()) == 1 and matched(year) == 0


def test_the_score_command_names_the_public_record_rows_it_leaves_out():
    table = Path(__file__).resolve().parents[1] / "data" / "events.csv"
    stdout, stderr = io.StringIO(), io.StringIO()
    argv = ["score", str(table), str(table), "--published", "2022-08-03"]
    assert cli.main(argv, stdout, stderr) == 0
    # The four public-record rows with words no resolver reads ("has faced calls",
    # "has been accused", "has voiced support", "before traveling") are left out.
    assert "left out 4 gold events dated from public record" in stderr.getvalue()
    assert "calls-for-un-arms-embargo-on-myanmar-2021-2022" in stderr.getvalue()
    assert "candidates 26, gold 22, matched 22" in stdout.getvalue()
    # Article-basis rows are scored whether or not the resolver reads them (RFA's
    # "since launching a coup last year", "During this same period", "last June").
    rfa = ARTICLES / "rfa-2022-02-22.round5.gold.csv"
    stdout, stderr = io.StringIO(), io.StringIO()
    assert cli.main(["score", str(rfa), str(rfa), "--published", "2022-02-22"], stdout, stderr) == 0
    assert "left out" not in stderr.getvalue()
    assert "candidates 6, gold 6, matched 6" in stdout.getvalue()


# Round 4: defects the round-3 held-out texts showed, fixed as classes of failure.
# Made-up people and bodies, real countries (the geography module knows only real ones).
RULERS = parse_actors(
    "actor,kind,country,aliases\n"
    "Anan Wongsa,person,Thailand,\n"
    "Suda Chai,person,Thailand,\n"
    "National Order Council,government,Thailand,military government\n"
    "Royal Thai Armed Forces,military,Thailand,\n"
    "Thai exile movement,organisation,Thailand,exile protesters\n"
    "Government of Vietnam,government,Vietnam,\n"
    "Alpha Atomic,organisation,Vietnam,\n"
    "Beta Space,organisation,Vietnam,\n"
    "Nguyen Hoa,person,Vietnam,\n"
)


def rulers(text: str, published: date = date(2022, 7, 26)):  # a Tuesday
    return extract_events(text, published, RULERS)


@pytest.mark.parametrize(
    "description",
    [
        "Thailand's military-led government",
        "The army-backed administration",
        "The junta-run regime",
        "The ruling military",
        "The generals",
        "The regime",
        "Thailand's military rulers",
    ],
)
def test_a_government_described_by_who_holds_it_is_the_countrys_ruling_body(description):
    (execution,) = rulers(
        f"Suda Chai spoke in Bangkok. {description} hanged two critics on Monday."
    )
    assert execution.event_type == "repression/execution"
    assert execution.actors == ("National Order Council",)
    assert execution.span.start == date(2022, 7, 25)


def test_a_ruling_description_is_not_a_role_and_needs_a_ruling_body():
    finder = _ActorFinder(RULERS)
    assert [m.actor for m in finder.find("The regime leader spoke.")] == []
    # Vietnam's directory entry is no ruling military: "Vietnam's regime" is nobody known
    assert [m.actor for m in finder.find("Vietnam's regime spoke.")] == []


@pytest.mark.parametrize(
    "sentence, event_type",
    [
        ("The hangings of two critics by the military government were announced Monday.",
         "repression/execution"),
        ("The executions of two critics by the military government were announced Monday.",
         "repression/execution"),
        ("Anan Wongsa's arrival in Hanoi on Monday was low-key.", "visit"),
        ("Anan Wongsa's visits to Hanoi on Monday drew notice.", "visit"),
        ("Anan Wongsa's meetings with Nguyen Hoa on Monday were brief.", "meeting"),
        ("The signing by Anan Wongsa and Nguyen Hoa on Monday was brief.", "agreement"),
        ("Anan Wongsa's condemnation of Vietnam on Monday was sharp.", "condemnation"),
        ("Anan Wongsa's accusations against Vietnam on Monday were sharp.", "condemnation"),
        ("The killings by the military government on Monday shocked Hanoi.",
         "violence against civilians"),
        ("The military takeover by the Royal Thai Armed Forces on Monday ended talks.", "coup"),
        ("Weapons deliveries by Vietnam to the military government on Monday were reported.",
         "arms transfer"),
    ],
)  # fmt: skip
def test_nouns_of_action_are_the_action(sentence, event_type):
    assert event_type in {c.event_type for c in rulers(sentence)}


def test_plural_nouns_told_as_a_kind_are_no_action():
    text = "Nguyen Hoa visited Bangkok on Monday, one of the most high-profile visits in years."
    assert [c.event_type for c in rulers(text)] == ["visit"]


def test_action_nouns_told_as_a_circumstance_are_no_event():
    text = "Anan Wongsa flew to Hanoi on Monday as both face Western condemnation."
    assert [c.event_type for c in rulers(text)] == ["visit"]


def test_a_protest_is_where_it_is_held():
    (protest,) = rulers(
        "Hundreds of exile protesters protested outside Thailand's embassy on Tuesday."
    )
    assert protest.event_type == "protest"
    assert protest.actors == ("Thai exile movement",)
    assert protest.span.start == date(2022, 7, 26)
    (rally,) = rulers("Exile protesters held rallies in Hanoi on Monday.")
    assert rally.event_type == "protest" and rally.span.start == date(2022, 7, 25)


def test_a_present_perfect_takes_only_its_own_date_words():
    text = (
        "The military government that seized power from Suda Chai in March 2021 has been "
        "accused of mass killings since then, but the hangings announced Monday were a first."
    )
    found = {c.event_type: c for c in rulers(text)}
    # no accusation nor killings dated by the coup's "in March 2021", nor later
    assert set(found) == {"coup", "repression/execution"}
    assert found["coup"].actors == ("Royal Thai Armed Forces",)
    assert found["coup"].span.start == date(2021, 3, 1)
    # the clause without a subject of its own takes the sentence's subject, not the
    # object told before it ("from Suda Chai")
    assert found["repression/execution"].actors == ("National Order Council",)
    assert found["repression/execution"].span.start == date(2022, 7, 25)
    # its own date words still date it: "has visited Hanoi on Monday"
    (visit,) = rulers("Anan Wongsa has visited Hanoi on Monday.")
    assert visit.span.start == date(2022, 7, 25)


def test_date_words_after_another_verb_are_not_the_action_nouns():
    text = "Outrage over the military government's execution of two critics grew Tuesday."
    assert rulers(text) == []


def test_a_present_progressive_is_on_the_days_of_publication_or_the_start_told_later():
    (alone,) = rulers("Anan Wongsa is visiting Vietnam to boost trade.")
    assert (alone.event_type, alone.span.start) == ("visit", date(2022, 7, 26))
    text = (
        "Anan Wongsa is visiting Vietnam to boost trade.\n\n"
        "Anan Wongsa, who took power in a coup in early 2021, flew to Hanoi on Sunday."
    )
    visits = [c for c in rulers(text) if c.event_type == "visit"]
    assert [(v.span.start, v.actors) for v in visits] == [(date(2022, 7, 24), ("Anan Wongsa",))]


def test_distinct_counterparts_met_the_same_day_are_distinct_meetings():
    text = (
        "On Monday, Anan Wongsa met Nguyen Hoa, the head of Alpha Atomic.\n\n"
        "Anan Wongsa also met representatives of Beta Space later on Monday."
    )
    meetings = [c for c in rulers(text) if c.event_type == "meeting"]
    assert [set(c.recipients) for c in meetings] == [{"Nguyen Hoa", "Alpha Atomic"}, {"Beta Space"}]
    # a person and their country's government met the same day: one counterpart
    text = (
        "On Monday, Anan Wongsa met Nguyen Hoa.\n\n"
        "Anan Wongsa held talks with the Government of Vietnam on Monday."
    )
    assert len([c for c in rulers(text) if c.event_type == "meeting"]) == 1


def test_an_action_after_an_event_named_does_not_take_its_date():
    text = (
        "Anan Wongsa will visit Hanoi on Wednesday.\n\n"
        "Anan Wongsa will attend a summit in Cambodia after the visit."
    )
    summits = [c for c in rulers(text) if c.event_type == "multilateral meeting"]
    assert all(c.span.start != date(2022, 7, 27) for c in summits)


def test_a_call_to_cut_off_weapons_sales_is_an_embargo_call_not_a_transfer():
    text = (
        "On Monday Nguyen Hoa urged the world to cut off weapons sales to the military government."
    )
    assert [c.event_type for c in rulers(text)] == ["sanction/embargo call"]


# Round 5: the round-4 held-out texts' defects, fixed as classes (made-up people and
# bodies, real countries). The structural ones are answered by the dependency parse
# (dashboard/parsing.py); the lexical ones by rules and the date resolver.
OFFICES = parse_actors(
    "actor,kind,country,aliases\n"
    "Tomas Brel,person,Chad,\n"
    "Hollis Varn,person,Chad,junta leader\n"
    "National Order Council,government,Chad,junta\n"
    "Government of Niger,government,Niger,\n"
    "Nadia Sow,person,Niger,\n"
    "Alpha Space,organisation,Niger,Niger's space agency\n"
    "Beta Atomic,organisation,Niger,Niger's nuclear agency\n"
)


def offices(text: str, published: date = date(2022, 8, 3)):
    return [
        (c.event_type, c.span, c.actors, c.recipients, c.status)
        for c in extract_events(text, published, OFFICES)
    ]


def test_the_head_of_a_body_is_the_person_the_article_titles_so():
    text = (
        "Chairman of the National Order Council (NOC) and Prime Minister General Tomas "
        "Brel spoke on Monday.\n\n"
        "The chairman of the NOC visited Niger in March. The NOC Chair met Nadia Sow on "
        "3 May 2022."
    )
    found = offices(text)
    assert [(t, a, r) for t, _, a, r, _ in found] == [
        ("visit", ("Tomas Brel",), ()),
        ("meeting", ("Tomas Brel",), ("Nadia Sow",)),
    ]


def test_the_leader_of_a_ruling_body_is_the_directorys_holder_of_its_role():
    (visit,) = offices("The leader of Chad's ruling generals travelled to Niger on 4 June 2022.")
    assert visit[2] == ("Hollis Varn",)
    # the head of a body nobody is known to hold stays the body (met its people)
    (meeting,) = offices("Nadia Sow met the head of Beta Atomic on 4 June 2022.")
    assert meeting[3] == ("Beta Atomic",)


def test_soon_is_a_future_no_other_words_date():
    text = "Tomas Brel will visit Niger soon.\n\nTomas Brel met Nadia Sow on 4 June 2022."
    assert [(t, s) for t, _, _, _, s in offices(text)] == [("meeting", "reported")]


def test_discussions_and_consultations_are_meetings():
    for noun in ("Discussions", "Consultations"):
        found = offices(f"{noun} between Tomas Brel and Nadia Sow were held on 4 June 2022.")
        assert [t for t, *_ in found] == ["meeting"], noun


def test_a_relative_clause_of_the_action_noun_keeps_its_date():
    text = (
        "Since the coup that removed Tomas Brel's government in March last year, the "
        "country has faced isolation."
    )
    (coup,) = [c for c in offices(text) if c[0] == "coup"]
    assert coup[1] == DateSpan(date(2021, 3, 1), date(2021, 3, 31), "month")


def test_future_from_the_auxiliary_the_passive_and_a_governing_predicate():
    text = "Tomas Brel is unlikely to be invited to the summit in Niamey in November."
    (summit,) = offices(text)
    assert summit[0] == "multilateral meeting" and summit[4] == "expected"
    assert summit[1] == DateSpan(date(2022, 11, 1), date(2022, 11, 30), "month")
    text = "Tomas Brel joined the forum, which will be held from September 5 to 8 in Niamey."
    (forum,) = offices(text)
    assert forum[4] == "expected"
    assert forum[1] == DateSpan(date(2022, 9, 5), date(2022, 9, 8), "week")


def test_a_description_coordinated_with_a_named_body_is_of_its_country():
    text = (
        "Tomas Brel met officials from Niger's space agency Alpha Space and nuclear "
        "agencies on 4 June 2022."
    )
    found = offices(text)
    assert {r for _, _, _, rs, _ in found for r in rs} == {"Alpha Space", "Beta Atomic"}


def test_an_unknown_persons_act_is_not_the_sentence_subjects():
    text = "Tomas Brel visited Niger in July, while his deputy Zed Bora also visited on 2 May."
    assert [(t, s.start) for t, s, *_ in offices(text)] == [("visit", date(2022, 7, 1))]
    # an unknown subject's act with a known counterpart stays, the name proposed
    (meeting,) = events_of("On Tuesday Zaw Min Tun met Wunna Maung Lwin.")
    assert meeting.actors == () and meeting.proposed_actors == ("Zaw Min Tun",)


def test_recipients_are_in_the_actions_own_clause():
    text = (
        "Tomas Brel was on a visit to Niger on Monday, as the National Order Council "
        "tries to shore up its alliances."
    )
    (visit,) = offices(text)
    assert visit[2] == ("Tomas Brel",) and visit[3] == ()


def test_the_app_does_not_import_the_parser():
    """Only `extract` and the Add events page load spaCy (lazily, on the first parse)."""
    import subprocess
    import sys

    code = (
        "import sys, dashboard.extraction, dashboard.cli, dashboard.table, dashboard.query;"
        "assert 'spacy' not in sys.modules, 'spacy imported';"
        "from dashboard.parsing import parse; parse('Tomas Brel met Nadia Sow.');"
        "assert 'spacy' in sys.modules"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_the_reports_day_is_not_the_day_of_an_expected_action():
    text = "Tomas Brel will attend the Sahel Forum in Niamey, state radio reported on Monday."
    assert offices(text) == []  # undated: Monday is the report's day, not the forum's
    text = "Tomas Brel attended the Sahel Forum in Niamey, state radio reported on Monday."
    assert [s.start for _, s, *_ in offices(text)] == [date(2022, 8, 1)]


def test_a_relative_clause_on_the_action_nouns_apposition_dates_it():
    text = "Tomas Brel joined the Sahel Forum - 2022 which will be held from 5 to 8 September."
    (forum,) = offices(text)
    assert forum[1] == DateSpan(date(2022, 9, 5), date(2022, 9, 8), "week")
    assert forum[4] == "expected"


def test_an_action_without_a_subject_of_its_own_takes_its_clauses():
    text = (
        "Nadia Sow spoke in Niamey on 4 June 2022. In addition to meeting Tomas Brel, "
        "she toured a factory."
    )
    meetings = [c for c in offices(text) if c[0] == "meeting"]
    assert [(a, r) for _, _, a, r, _ in meetings] == [(("Nadia Sow",), ("Tomas Brel",))]


def test_an_office_without_a_country_is_proposed_and_met_apart():
    text = (
        "Nadia Sow visited Chad on 4 June 2022 to meet Tomas Brel and she also met "
        "Minister of Foreign Affairs to hold talks."
    )
    found = extract_events(text, date(2022, 8, 3), OFFICES)
    meetings = [c for c in found if c.event_type == "meeting"]
    assert [(c.actors, c.recipients, c.span.start) for c in meetings] == [
        (("Nadia Sow",), ("Tomas Brel",), date(2022, 6, 4)),
        (("Nadia Sow",), (), date(2022, 6, 4)),  # dated by the verb it is coordinated with
    ]
    assert "Minister of Foreign Affairs" in meetings[1].proposed_actors


def test_sanctions_faced_since_an_event_are_a_sanction_from_its_onset():
    directory = parse_actors(
        "actor,kind,country,aliases\n"
        "Tomas Brel,person,Chad,\n"
        "Chad Defence Forces,military,Chad,\n"
        "Western governments,government,,West\n"
    )
    text = (
        "Since the coup that removed Tomas Brel in March last year, Chad has faced "
        "Western sanctions and isolation."
    )
    found = extract_events(text, date(2022, 8, 3), directory)
    (sanction,) = [c for c in found if c.event_type == "sanction"]
    assert sanction.actors == ("Western governments",)
    assert sanction.span == DateSpan(date(2021, 3, 1), date(2021, 3, 31), "month")
    # without an onset the state is undated, so no candidate
    found = extract_events("Chad has faced Western sanctions.", date(2022, 8, 3), directory)
    assert [c.event_type for c in found] == []


# Round 6: the defect classes the round-5 held-out texts showed, on made-up sentences
# (made-up people and bodies, real countries).

ROUND6 = parse_actors(
    "actor,kind,country,aliases\n"
    "Ola Berg,person,,\n"
    "United Nations Security Council,organisation,,Security Council\n"
    "Laos Defence Forces,military,Laos,\n"
    "Laos junta,government,Laos,junta\n"
    "Vietnam government,government,Vietnam,\n"
    "Vietlab,organisation,Vietnam,\n"
    "Ivan Petrovich Sidorov,person,Russia,\n"
    "Aline Vong,person,Laos,\n"
    "Russian government,government,Russia,\n"
)


def one_of(event_type: str, text: str, published: date = date(2031, 2, 20)):
    """The one candidate of ``event_type`` extracted from ``text``, and all found."""
    found = extract_events(text, published, ROUND6)
    (candidate,) = [c for c in found if c.event_type == event_type]
    return candidate, found


def test_a_speech_act_takes_the_day_its_reporting_verb_gives():
    text = (
        "Laos's junta keeps buying arms, a rights expert said Tuesday.\n\n"
        "In a report to the council, Ola Berg called on the Security Council to impose "
        "a ban on transfers of arms to Laos."
    )
    call, found = one_of("sanction/embargo call", text)  # published on a Thursday
    assert call.actors == ("Ola Berg",)
    assert call.recipients == ("United Nations Security Council",)
    assert (call.span.start, call.date_text) == (date(2031, 2, 18), "said Tuesday")
    assert not [c for c in found if c.event_type == "arms transfer"]  # "ban on transfers"


def test_the_teller_of_an_action_is_no_party_of_it():
    text = (
        "Ola Berg called for an arms embargo on Laos.\n\n"
        "\u201cThe junta has killed hundreds since the coup last year,\u201d Ola Berg said."
    )
    coup, found = one_of("coup", text)
    # the coup is told by Ola Berg; it does not date his (undated) call
    assert [c.event_type for c in found if c.actors == ("Ola Berg",)] == []
    assert "Ola Berg" not in coup.actors + coup.recipients


def test_one_event_told_twice_by_other_names_of_the_same_countries_is_one():
    text = (
        "Laos and Vietnam Sign Memorandum\n\n"
        "Laos's junta and Vietlab signed a memorandum on Tuesday in Hanoi."
    )
    signing, _ = one_of("agreement", text)
    assert {"Laos junta", "Vietlab"} <= set(signing.actors + signing.recipients)
    # other counterparts the same day stay two events
    text = (
        "The junta met Vietlab on Tuesday in Hanoi.\n\n"
        "The junta also met the Vietnam government and Ola Berg on Tuesday."
    )
    meetings = [c for c in extract_events(text, date(2031, 2, 20), ROUND6)]
    assert len([c for c in meetings if c.event_type == "meeting"]) == 2


def test_a_visit_to_a_city_abroad_is_hosted_by_its_country_not_the_dateline():
    text = "Bangkok, Feb 20 - A Laos delegation will on Thursday visit Hanoi."
    visit, found = one_of("visit", text)
    assert len(found) == 1 and visit.status == "expected"
    assert (visit.location, visit.recipients) == ("Hanoi", ("Vietnam government",))


def test_a_person_told_by_given_name_and_patronymic_is_the_directory_person():
    text = (
        "On Mar. 27, almost two months after the coup, Russia's deputy minister Ivan "
        "Petrovich attended a military parade in Vientiane."
    )
    parade, found = one_of("military cooperation", text, date(2031, 5, 20))
    assert parade.actors == ("Ivan Petrovich Sidorov",)
    # "Mar." ends no sentence; "two months after the coup" is no coup told here
    assert (parade.span.start, parade.date_text) == (date(2031, 3, 27), "On Mar. 27")
    assert [c.event_type for c in found] == ["military cooperation"]


def test_a_coup_is_the_armed_forces_of_the_country_of_those_it_ousts():
    text = (
        "Russia is one of the few powers that has not condemned the Feb. 1 coup that "
        "ended the government of Aline Vong."
    )
    coup, found = one_of("coup", text, date(2031, 5, 20))
    assert len(found) == 1 and coup.actors == ("Laos Defence Forces",)
    assert coup.recipients == ("Aline Vong",)


def test_a_delegation_led_by_an_unknown_person_is_its_country_s_and_he_is_proposed():
    text = "A delegation led by Laos air force chief Somchai Vong will on Thursday visit Hanoi."
    visit, _ = one_of("visit", text)
    assert (visit.actors, visit.recipients) == (("Laos junta",), ("Vietnam government",))
    assert visit.status == "expected" and visit.span.start == date(2031, 2, 20)
    assert visit.proposed_actors == ("Somchai Vong",)


# Round 7: the defect classes the round-6 held-out texts (and the rows the scorer now
# scores) showed, on made-up sentences (made-up people and bodies, real countries).


def test_that_day_and_the_same_period_are_the_last_date_told():
    text = (
        "Aline Vong met Vietlab's head in Hanoi on Monday.\n\n"
        "Vietlab told reporters that the two countries signed a memorandum that day."
    )
    deal, _ = one_of("agreement", text)  # 2031-02-20 is a Thursday
    assert (deal.span.start, deal.date_text) == (date(2031, 2, 17), "that day")
    # "the two countries" told as the clause's subject: their governments, not the teller
    assert set(deal.actors) == {"Laos junta", "Vietnam government"}
    text = (
        "The junta signed a deal with Vietlab in 2029.\n\n"
        '"During this same period, Russia has signed a memorandum with the junta," Ola Berg said.'
    )
    deals = [
        c
        for c in extract_events(text, date(2031, 2, 20), ROUND6)
        if c.actors == ("Russian government",)
    ]
    assert [(c.span.start, c.date_text) for c in deals] == [
        (date(2029, 1, 1), "During this same period")
    ]
    # no date told before: the words date nothing
    assert not [c for c in extract_events(text.split("\n\n")[1], date(2031, 2, 20), ROUND6)]


def test_date_words_opening_the_sentence_date_its_present_perfect():
    text = "In the last week, the junta has also attended forums in Hanoi."
    forums, _ = one_of("multilateral meeting", text, date(2031, 11, 23))
    assert (forums.span.start, forums.span.end) == (date(2031, 11, 16), date(2031, 11, 22))
    assert forums.actors == ("Laos junta",)
    # words not opening the sentence as its frame do not date the perfect
    text = "The junta has attended forums in Hanoi, a paper said in the last week."
    assert not extract_events(text, date(2031, 11, 23), ROUND6)


#: Rows as (actor, kind, country); no aliases but the junta's.
ROUND7 = parse_actors(
    "actor,kind,country,aliases\nLaos junta,government,Laos,junta\n"
    + "".join(
        f"{actor},{kind},{country},\n"
        for actor, kind, country in (
            ("Laos Defence Forces", "military", "Laos"),
            ("Vietnamese government", "government", "Vietnam"),
            ("Vietnam Ministry of Defence", "government", "Vietnam"),
            ("Aline Vong", "person", "Laos"),
            ("Tran Hoa Binh", "person", "Vietnam"),
            ("Ukraine government", "government", "Ukraine"),
        )
    )
)


def round7(text: str, published: date = date(2031, 11, 8)):
    return events_of(text, published, ROUND7)


@pytest.mark.parametrize(
    "words", ["a joint naval exercise", "joint anti-submarine drills", "joint air manoeuvres"]
)
def test_a_joint_exercise_is_held_by_the_armed_forces_of_the_countries_told(words):
    (exercise,) = round7(f"Laos and Vietnam began {words} in the Gulf of Tonkin on November 7.")
    assert exercise.event_type == "military cooperation"
    assert exercise.span.start == date(2031, 11, 7)
    assert set(exercise.actors) == {"Laos Defence Forces", "Vietnam Ministry of Defence"}


def test_warships_and_fleets_are_their_countrys_forces():
    (arrival,) = round7("Vietnamese warships carrying 300 sailors arrived in Laos on November 2.")
    assert (arrival.event_type, arrival.actors) == ("visit", ("Vietnam Ministry of Defence",))
    (drill,) = round7("Laos's Navy and Vietnam's Eastern Fleet held joint drills on Monday.")
    assert set(drill.actors) == {"Laos Defence Forces", "Vietnam Ministry of Defence"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Laos has backed Vietnam's annexation of an island on Monday.",
        "Vietnam annexed the islands on Monday, seizing power over them.",
        "On Monday the military takeover of Ukraine's islands was condemned by Laos.",
    ],
)
def test_an_annexation_is_no_coup(sentence):
    assert "coup" not in [c.event_type for c in round7(sentence)]
    # a coup told with its month after "of" stays a coup
    (coup,) = round7("The military takeover of February 2030 ousted Aline Vong.")
    assert coup.event_type == "coup"


def test_a_meeting_told_again_the_other_way_round_is_one_event():
    text = (
        "Tran Hoa Binh met Aline Vong in Hanoi in the morning of 7th November.\n\n"
        "Aline Vong arrived in Vietnam on 4th November.\n\n"
        "Then she met Tran Hoa Binh on 7th November."
    )
    meetings = [c for c in round7(text) if c.event_type == "meeting"]
    assert len(meetings) == 1 and meetings[0].span.start == date(2031, 11, 7)
    assert set(meetings[0].actors + meetings[0].recipients) == {"Tran Hoa Binh", "Aline Vong"}


def test_a_present_participle_of_a_future_start_is_expected_and_read_forwards():
    monday = date(2031, 11, 10)
    text = "Aline Vong has travelled to Hanoi for a regional conference kicking off Tuesday."
    found = round7(text, monday)
    (conference,) = [c for c in found if c.event_type == "multilateral meeting"]
    assert (conference.status, conference.span.start) == ("expected", date(2031, 11, 11))
    # the Tuesday is the conference's: the journey (a perfect, no words of its own) is not dated
    assert [c.event_type for c in found] == ["multilateral meeting"]
    (forum,) = round7("Tran Hoa Binh will attend a forum opening next week in Vientiane.", monday)
    assert forum.status == "expected" and forum.span.start == date(2031, 11, 17)


def test_a_recalled_event_takes_no_date_from_other_sentences():
    text = (
        "This is Aline Vong's second trip abroad since she seized power.\n\n"
        "State media on Sunday said Aline Vong was at a summit in Hanoi."
    )
    assert "coup" not in [c.event_type for c in round7(text, date(2031, 11, 10))]
    text = "Aline Vong, who seized power in a 2029 coup, met Tran Hoa Binh yesterday."
    found = round7(text, date(2031, 11, 10))
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert (meeting.span.start, meeting.actors) == (date(2031, 11, 9), ("Aline Vong",))
    assert [c.span.start.year for c in found if c.event_type == "coup"] in ([], [2029])
    text = "Tran Hoa Binh met Aline Vong on Monday. The purpose of the trip is trade."
    assert "visit" not in [c.event_type for c in round7(text, date(2031, 11, 10))]


def test_a_coup_told_by_its_verb_is_the_coup_named_later():
    text = (
        "Laos has been in turmoil since the army overthrew Aline Vong in February.\n\n"
        "The junta's brutal crackdown has killed 500 civilians since the February coup."
    )
    found = round7(text, date(2031, 6, 21))
    (crackdown,) = [c for c in found if c.event_type == "violence against civilians"]
    assert (crackdown.span.start, crackdown.actors) == (date(2031, 2, 1), ("Laos junta",))


def test_a_past_perfect_without_date_words_takes_its_tellers_narrative_date():
    text = (
        "Aline Vong and a senior Vietnamese official on Monday agreed to deepen ties, "
        "Vietnam's Ministry of Defence said in a statement.\n\n"
        "Laos has been in turmoil for months.\n\n"
        "Vietnam's Ministry of Defence said Tran Hoa Binh had met with Aline Vong."
    )
    found = round7(text, date(2031, 11, 12))  # a Wednesday
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert (meeting.span.start, meeting.date_text) == (date(2031, 11, 10), "on Monday")
    # told by someone else (or no one): the narrative is not clear, no date
    other = text.replace("Vietnam's Ministry of Defence said Tran", "A Lao paper said Tran")
    assert "meeting" not in [c.event_type for c in round7(other, date(2031, 11, 12))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tran Hoa Binh hails ties as Aline Vong visits Hanoi on Monday.",
        "Tran Hoa Binh hosted Aline Vong in Hanoi on Monday.",
        "Aline Vong visited Hanoi on Monday.",
    ],
)
def test_the_visitor_visits_and_the_host_country_receives(sentence):
    (visit,) = [c for c in round7(sentence, date(2031, 11, 12)) if c.event_type == "visit"]
    assert visit.actors == ("Aline Vong",)
    assert "Vietnamese government" in visit.recipients
    assert set(visit.recipients) <= {"Tran Hoa Binh", "Vietnamese government"}


def test_a_described_speaker_named_next_accuses_the_suppliers_on_the_reports_day():
    text = (
        "Security Council members Vietnam and Russia have continued to provide the junta "
        "with weapons, a U.N. rights expert said Tuesday.\n\n"
        "In a report, Ola Berg called on the Security Council to act."
    )
    found = extract_events(text, date(2031, 2, 20), ROUND6)  # a Thursday
    (accusation,) = [c for c in found if c.event_type == "condemnation"]
    assert (accusation.actors, accusation.span.start) == (("Ola Berg",), date(2031, 2, 18))
    # the members named act, not the body they belong to
    assert {"Vietnam government", "Russian government"} <= set(accusation.recipients)
    assert "United Nations Security Council" not in accusation.recipients


@pytest.mark.parametrize(
    "text, actors, recipients, start",
    [
        (  # continuing to provide weapons is a supply
            "In 2030, Russia continued to provide the junta with fighter jets and drones.",
            ("Russian government",),
            ("Laos junta",),
            date(2030, 1, 1),
        ),
        (  # an import told by the buyer is the seller's supply
            "The junta imported $3 million in radar equipment in January, Vietnamese "
            "customs data show.",
            ("Vietnam government",),
            ("Laos junta",),
            date(2031, 1, 1),
        ),
        (  # the largest supplier of weapons, over a decade
            "Russia is the largest supplier of weapons to Laos, with sales in the last "
            "decade up to 2029.",
            ("Russian government",),
            (),
            date(2020, 1, 1),
        ),
    ],
)
def test_supplies_told_as_provision_import_or_supplier(text, actors, recipients, start):
    supply, _ = one_of("arms transfer", text)
    assert (supply.actors, supply.recipients, supply.span.start) == (actors, recipients, start)


# Round 8: breadth. Made-up people and bodies (ROUND6's directory), real countries.
@pytest.mark.parametrize(
    "sentence, event_type",
    [
        ("The Laos Defence Forces seized control of the country on Monday.", "coup"),
        ("The Laos Defence Forces took over the government on Monday.", "coup"),
        ("The Laos Defence Forces toppled the elected government on Monday.", "coup"),
        ("The Laos Defence Forces fought rebels in the north on Monday.", "armed clash"),
        ("The Laos Defence Forces launched an offensive against rebels on Monday.",
         "armed clash"),
        ("The Laos Defence Forces shelled border towns on Monday.", "armed clash"),
        ("The Laos Defence Forces bombed border towns on Monday.", "armed clash"),
        ("The Security Council adopted a resolution on Monday demanding an end to violence "
         "in Laos.", "condemnation"),
        ("Aline Vong deplored the arrests by the junta on Monday.", "condemnation"),
        ("Aline Vong received the visiting Russian delegation on Monday.", "meeting"),
        ("The junta bought fighter jets from Russia on Monday.", "arms transfer"),
        ("Six aircraft were sold to the junta by Russia on Monday.", "arms transfer"),
        ("The junta burned down three villages on Monday.", "violence against civilians"),
    ],
)  # fmt: skip
def test_common_reporting_verbs_and_nouns_are_actions(sentence, event_type):
    found = extract_events(sentence, date(2031, 2, 20), ROUND6)  # a Thursday
    (candidate,) = [c for c in found if c.event_type == event_type]
    assert candidate.span.start == date(2031, 2, 17) and candidate.actors


@pytest.mark.parametrize(
    "sentence",
    [
        "Aline Vong, the ousted leader, spoke in Vientiane on Monday.",
        "The morale and fighting ability of the troops improved on Monday, Aline Vong said.",
        "The Security Council adopted a resolution on Monday calling for talks in Laos.",
        "Aline Vong spoke with the U.S.-sanctioned head of Vietlab on Monday.",
    ],
)
def test_broad_triggers_need_their_own_grammar(sentence):
    found = extract_events(sentence, date(2031, 2, 20), ROUND6)
    assert not {"coup", "armed clash", "condemnation", "sanction"} & {c.event_type for c in found}


def test_a_headline_noun_object_of_another_action_is_not_expected():
    text = (
        "Council fails to condemn Laos coup\n\n"
        "The Security Council met on Tuesday after the Laos Defence Forces on Monday "
        "seized control of the country."
    )
    coups = [c for c in extract_events(text, date(2031, 2, 20), ROUND6) if c.event_type == "coup"]
    # one coup, reported (the headline's "to" governs "condemn"), by the armed forces
    # only (the Council that met after it seized nothing), on Monday
    assert [(c.status, c.actors, c.span.start) for c in coups] == [
        ("reported", ("Laos Defence Forces",), date(2031, 2, 17))
    ]


def test_a_coup_takes_no_date_from_the_event_it_is_placed_after():
    text = (
        "Aline Vong condemned the military takeover which came after the army refused to "
        "accept elections held in November."
    )
    found = extract_events(text, date(2031, 2, 20), ROUND6)
    assert [c for c in found if c.event_type == "coup"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The junta bought fighter jets from Russia on Monday.",
        "Six aircraft were sold to the junta by Russia on Monday.",
        "Six aircraft were traded between Russia and the junta on Monday.",
    ],
)
def test_a_sale_told_by_the_buyer_or_the_weapons_is_the_sellers_transfer(sentence):
    sale, _ = one_of("arms transfer", sentence)
    assert (sale.actors, sale.recipients) == (("Russian government",), ("Laos junta",))


def test_a_perfect_opened_by_since_is_a_course_from_the_onset_to_publication():
    text = (
        "Since the junta seized power in March 2029, they have burned down villages "
        "across Laos, Aline Vong said."
    )
    course, _ = one_of("violence against civilians", text)  # published 20 February 2031
    assert course.actors == ("Laos junta",)
    assert (course.span.start, course.span.end, course.span.precision) == (
        date(2029, 3, 1),
        date(2031, 2, 28),
        "month",
    )


def test_date_words_after_since_another_event_are_that_events():
    text = (
        "The Security Council adopted a resolution on Monday demanding an end to violence "
        "in Laos.\n\n"
        "The resolution, which passed on Monday, denounces abuses since the coup on "
        "March 3, 2029."
    )
    found = extract_events(text, date(2031, 2, 20), ROUND6)
    condemnations = {c.span.start for c in found if c.event_type == "condemnation"}
    assert condemnations == {date(2031, 2, 17)}


def test_soldiers_and_a_military_council_are_the_texts_country_bodies():
    text = (
        "Soldiers fought rebels in northern Laos in January and lost ground, Aline Vong "
        "told reporters on Monday.\n\n"
        "Six aircraft were traded between Russia and the Military Council in May 2030, "
        "Laos's defence ministry said."
    )  # the text's country: Laos, named most
    found = extract_events(text, date(2031, 2, 20), ROUND6)
    clash = next(c for c in found if c.event_type == "armed clash")
    assert (clash.actors, clash.span.start) == (("Laos Defence Forces",), date(2031, 1, 1))
    sale = next(c for c in found if c.event_type == "arms transfer")
    assert (sale.actors, sale.recipients) == (("Russian government",), ("Laos junta",))


def test_a_coup_told_to_the_day_and_again_to_its_month_is_one_coup():
    text = (
        "The Laos Defence Forces seized power on March 3, 2029, Aline Vong said.\n\n"
        "Since the junta seized power in March of 2029, it has burned down villages."
    )
    coups = [c for c in extract_events(text, date(2031, 2, 20), ROUND6) if c.event_type == "coup"]
    assert [(c.span.start, c.span.precision) for c in coups] == [(date(2029, 3, 3), "day")]


# Round 9: the defect classes the round-8 held-out texts showed, on made-up sentences
# (made-up people and bodies, real countries). Published on Thursday 20 February 2031.

ROUND9 = parse_actors(
    "actor,kind,country,aliases\n"
    "Laos junta,government,Laos,junta;Laos military government\n"
    "Laos Unity Council,government,Laos,Laos government in exile\n"
    "Laos Defence Forces,military,Laos,\n"
    "Vietnam government,government,Vietnam,\n"
    "Russian government,government,Russia,\n"
    "Ola Berg,person,,\n"
    "Ivo Tarn,person,Russia,\n"
    "Aline Vong,person,Laos,\n"
)


def round9(text: str, directory=ROUND9):
    return extract_events(text, date(2031, 2, 20), directory)


@pytest.mark.parametrize(
    "sentence",
    [
        "Aline Vong spoke by phone with Ivo Tarn on Monday.",
        "Aline Vong spoke with Ivo Tarn via video link on Monday.",
        "Aline Vong held a video call with Ivo Tarn on Monday.",
        "Aline Vong held a videoconference with Ivo Tarn on Monday.",
        "Aline Vong had a telephone conversation with Ivo Tarn on Monday.",
    ],
)
def test_talks_held_at_a_distance_are_meetings(sentence):
    (meeting,) = round9(sentence)
    assert (meeting.event_type, meeting.span.start) == ("meeting", date(2031, 2, 17))
    assert {*meeting.actors, *meeting.recipients} == {"Aline Vong", "Ivo Tarn"}
    # speaking to reporters is no meeting
    assert not round9("Aline Vong spoke to reporters on Monday.")


def test_the_two_as_a_subject_are_the_parties_just_told():
    text = (
        "Ivo Tarn met Aline Vong in Vientiane on Monday. "
        "The two previously spoke via video link in November."
    )
    meetings = sorted(round9(text), key=lambda c: c.span.start)
    assert [(c.event_type, c.span.start) for c in meetings] == [
        ("meeting", date(2030, 11, 1)),
        ("meeting", date(2031, 2, 17)),
    ]
    assert {*meetings[0].actors, *meetings[0].recipients} == {"Aline Vong", "Ivo Tarn"}


def test_a_rights_report_released_is_a_condemnation_and_dates_the_experts_calls():
    text = (
        "The UN special rapporteur on human rights in Laos, Ola Berg, released the report "
        "on Wednesday.\n\n"
        "Ola Berg asked UN member states to enforce a complete ban on the sale of weapons "
        "to the junta.\n\n"
        "He also called for coordinated sanctions on arms dealers."
    )
    found = round9(text)
    assert [(c.event_type, c.actors, c.span.start) for c in found] == [
        ("condemnation", ("Ola Berg",), date(2031, 2, 19)),
        ("sanction/embargo call", ("Ola Berg",), date(2031, 2, 19)),  # the two calls: one
    ]
    # a report of another kind accuses no one
    assert not round9("The Vietnam government released its budget report on Wednesday.")


@pytest.mark.parametrize(
    "text",
    [
        "Russia will supply Laos with Krona-5 anti-aircraft missile systems and drones. "
        "The deal was signed during Ivo Tarn's visit to Vientiane on Monday.",
        "Russia signed a contract for six fighter jets with Laos on Monday.",
    ],
)
def test_a_deal_signed_for_weapons_is_an_arms_transfer(text):
    found = [c for c in round9(text) if c.event_type in ("arms transfer", "agreement")]
    assert [(c.event_type, c.span.start) for c in found] == [("arms transfer", date(2031, 2, 17))]
    assert "Russian government" in found[0].actors
    # a deal for other things stays an agreement
    (deal,) = round9("Russia signed a trade agreement with Laos on Monday.")
    assert deal.event_type == "agreement"


def test_a_date_qualifying_a_noun_does_not_date_the_action():
    text = (
        "Ivo Tarn arrived in Laos for his first foreign trip of 2031 on Thursday. "
        "Aline Vong thanked Ivo Tarn for the visit."
    )
    visits = [c for c in round9(text) if c.event_type == "visit"]
    assert [(c.span.start, c.span.precision) for c in visits] == [(date(2031, 2, 20), "day")]


def test_an_opening_participle_clause_is_neither_the_actor_nor_a_name():
    text = (
        "Countering Laos's junta, the Laos Unity Council issued a statement on Friday "
        "condemning the raids."
    )
    (condemnation,) = round9(text)
    assert condemnation.actors == ("Laos Unity Council",)
    assert not any("Countering" in name for name in condemnation.proposed_actors)


@pytest.mark.parametrize("words", ["The government in exile", "The shadow government"])
def test_an_exile_government_described_is_the_texts_countrys(words):
    text = (
        f"Laos's junta raided villages in Laos on Monday. {words} condemned the raids on Tuesday."
    )
    (condemnation,) = [c for c in round9(text) if c.event_type == "condemnation"]
    assert condemnation.actors == ("Laos Unity Council",)
    # the text's country unclear (Laos and Vietnam told as often): nobody is named
    text = f"Vietnam and Laos traded on Monday. {words} condemned the trade on Tuesday."
    assert not [c for c in round9(text) if c.event_type == "condemnation"]


def test_the_most_precise_telling_of_a_coup_dates_it():
    text = (
        "The junta has bought arms since its 2029 coup, a report says.\n\n"
        "The report covers purchases made between the March 2029 coup and December last year."
    )
    coups = [c for c in round9(text) if c.event_type == "coup"]
    assert [(c.span.start, c.span.end) for c in coups] == [(date(2029, 3, 1), date(2029, 3, 31))]


# Round 10: the defect classes the round-9 held-out texts showed, on made-up sentences
# (made-up people and bodies, real countries). Published on Thursday 20 February 2031.

ROUND10_CSV = (
    "actor,kind,country,aliases\n"
    "Laos junta,government,Laos,junta\n"
    "Laos Defence Forces,military,Laos,\n"
    "Russian Ministry of Defence,government,Russia,\n"
    "Russian government,government,Russia,\n"
    "Ivo Tarn,person,Russia,\n"
    "Tun Ko,person,Laos,junta chief\n"
)
ROUND10 = parse_actors(ROUND10_CSV)


def round10(text: str):
    return extract_events(text, date(2031, 2, 20), ROUND10)


def kinds_of(found) -> list[str]:
    return [c.event_type for c in found]


def test_a_conference_call_and_a_count_of_trips_are_no_events():
    assert not round10("Ivo Tarn told reporters on a conference call on Monday that ties grew.")
    assert not round10("Tun Ko has made five trips to Russia since the 2029 coup in Laos.")[1:]
    (conference,) = round10("Ivo Tarn attended a regional conference in Laos on Monday.")
    assert conference.event_type == "multilateral meeting"


@pytest.mark.parametrize(
    "sentence", ["Tun Ko departed for Russia on Wednesday.", "Tun Ko left for Moscow on Wednesday."]
)
def test_a_departure_for_a_country_is_a_visit(sentence):
    (visit,) = round10(sentence)
    assert (visit.event_type, visit.actors, visit.span.start) == (
        "visit",
        ("Tun Ko",),
        date(2031, 2, 19),
    )


def test_attending_a_parade_is_military_cooperation_unless_a_visits_purpose():
    (parade,) = round10("Tun Ko will attend today's victory parade in Moscow.")
    assert (parade.event_type, parade.status, parade.span.start) == (
        "military cooperation",
        "expected",
        date(2031, 2, 20),
    )
    found = round10("Tun Ko visited Russia in 2030 to attend the victory parade.")
    assert kinds_of(found) == ["visit"]


def test_a_first_or_second_person_subject_takes_no_actor_from_the_sentence():
    for text in (
        '"Last year you attended our parade," Ivo Tarn told Tun Ko on Monday.',
        '"Dear Tun Ko, last year you visited our capital," Ivo Tarn said on Monday.',
    ):
        assert not [c for c in round10(text) if c.actors]


def test_an_action_noun_as_a_possibility_is_no_event():
    text = "Russia warned on Monday that sanctions against the junta could push Laos to war."
    assert "sanction" not in kinds_of(round10(text))


def test_a_coup_is_done_by_the_armed_forces_of_its_country_and_its_leader():
    text = (
        "Russia voiced concern on Monday about the crisis in Laos, in the wake of a "
        "February 1 military coup in the country."
    )
    (coup,) = [c for c in round10(text) if c.event_type == "coup"]
    assert (coup.actors, coup.span.start) == (("Laos Defence Forces",), date(2031, 2, 1))
    (coup,) = round10("Tun Ko has ruled Laos since the March 2029 coup.")
    assert set(coup.actors) == {"Tun Ko", "Laos Defence Forces"}


def test_the_armed_forces_of_two_countries_are_each_countrys():
    text = (
        "The armed forces of Russia and Laos plan to hold 40 military cooperation events "
        "this year, Ivo Tarn said on Thursday."
    )
    (plan,) = round10(text)
    assert set(plan.actors) == {"Russian Ministry of Defence", "Laos Defence Forces"}
    assert (plan.span.start, plan.span.end) == (date(2031, 1, 1), date(2031, 12, 31))


def test_who_speaks_during_talks_holds_them_on_the_day_of_the_report():
    text = (
        "Ivo Tarn said on Tuesday that the ties were strong.\n\n"
        '"We will do more," Ivo Tarn said during talks with Tun Ko.He thanked him.'
    )
    (talks,) = round10(text)
    assert (talks.actors, talks.recipients) == (("Ivo Tarn",), ("Tun Ko",))
    assert talks.span.start == date(2031, 2, 18)


def test_sentences_and_paragraphs_whose_stop_or_space_was_lost():
    assert split_sentences("Ivo Tarn met the chief.He left. Gen.Ko stayed in the U.S.Army.") == [
        "Ivo Tarn met the chief.",
        "He left.",
        "Gen.Ko stayed in the U.S.Army.",
    ]
    text = (
        "Guests include the leaders of Laos and Cuba, \u201d it stated\n\n"
        "A Laos unit will also join the parade, as it did in 2030."
    )
    assert len(article_paragraphs(text)) == 2


def test_the_head_of_a_countrys_military_junta_is_its_leader():
    (visit,) = round10("The head of Laos's military junta visited Moscow on Monday.")
    assert visit.actors == ("Tun Ko",)


# --- The CAMEO fallback (docs/extraction.md, "The CAMEO fallback") ----------------------

_MAKE_CAMEO_VERBS = Path(__file__).resolve().parents[1] / "scripts" / "make_cameo_verbs.py"


def _derive(text: str) -> dict[str, tuple[str, str]]:
    spec = importlib.util.spec_from_file_location("make_cameo_verbs", _MAKE_CAMEO_VERBS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {lemma: (code, source) for lemma, code, _, source in module.derive(text)}


MADE_UP_DICTIONARY = """
&NOT_A_VERB
+IGNORED

####### VERB PATTERNS #######

---  ZORBLE   [042:043]  ---
ZORBLE
FLANGE {FLANGES FLANGED FLANGING } [111]  # a comment
+MEET_UP {+MET_UP }
- * (FOR)                        [046]         # FLANGE
- * &WEAPON                      [190]         # ZORBLE

---  QUIBBLE_LABEL   [---]  ---
QUIBBLE
GRUMBLE [:173]
- * (WITH)                       [140]         # QUIBBLE
- * {TWO WORDS}                  [190]         # QUIBBLE
"""


def test_the_lexicon_takes_a_blocks_header_and_synonyms_with_their_codes():
    verbs = _derive(MADE_UP_DICTIONARY)
    assert verbs["zorble"] == ("042", "header")  # the block's default, active part
    assert verbs["flange"] == ("111", "synonym")  # its own code
    assert verbs["meet up"] == ("042", "synonym")  # the default; words by spaces
    assert verbs["flange for"] == ("046", "pattern")  # a bare particle after the verb
    assert verbs["quibble with"] == ("140", "pattern")
    # no default code, a passive-only code, a label header, objects, synonym sets
    for absent in ("quibble", "grumble", "quibble_label", "quibble label", "ignored"):
        assert absent not in verbs
    assert set(verbs) == {"zorble", "flange", "meet up", "flange for", "quibble with"}


def test_the_shipped_lexicon_maps_codes_to_our_types_through_one_table():
    verbs = lexicon.cameo_verbs()
    assert len(verbs) > 1000 and verbs["attend"] == "042" and verbs["depart for"] == "042"
    assert lexicon.fallback_type(verbs["lambaste"], "the junta") == "condemnation"
    assert lexicon.fallback_type(verbs["shell"], "rebel positions") == "armed clash"
    assert lexicon.fallback_type(verbs["shell"], "a village") == "violence against civilians"
    assert lexicon.fallback_type("010", "") is None  # statements propose nothing
    assert lexicon.fallback_type("040", "") is None  # consult, unspecified: dropped


def test_a_verb_only_the_lexicon_knows_proposes_an_event_of_its_mapped_type():
    (condemnation,) = round10("Ivo Tarn lambasted the Laos junta on Monday.")
    assert condemnation.event_type == "condemnation"
    assert (condemnation.actors, condemnation.recipients) == (("Ivo Tarn",), ("Laos junta",))
    assert condemnation.span.start == date(2031, 2, 17)
    (visit,) = round10("Tun Ko attended a ceremony in Moscow on Monday.")
    assert (visit.event_type, visit.recipients) == ("visit", ("Russian government",))
    (clash,) = round10("The Laos junta bombarded rebel positions on Monday.")
    assert clash.event_type == "armed clash"


def test_the_fallback_takes_no_reporting_modal_passive_or_unnamed_verb(monkeypatch):
    # with disapproval (110: "decry", but also "argue", "claim") mapped, as it is not
    # by default, the reporting verb still proposes nothing
    monkeypatch.setitem(lexicon.FALLBACK_TYPES, "110", "condemnation")
    assert kinds_of(round10("Ivo Tarn decried the Laos junta on Monday.")) == ["condemnation"]
    assert not round10("Ivo Tarn argued with the Laos junta on Monday.")
    assert not round10("Ivo Tarn claimed on Monday that the Laos junta was strong.")
    assert not round10("Ivo Tarn could lambaste the Laos junta on Monday.")
    assert not round10("Ivo Tarn was lambasted by the Laos junta on Monday.")
    assert not round10("A spokesman lambasted the Laos junta on Monday.")


def test_the_fallback_adds_no_second_action_of_a_type_the_sentence_tells():
    text = (
        "Tun Ko attended a ceremony in Moscow in June 2030, and he travelled to Russia "
        "again in January."
    )
    (visit,) = round10(text)
    assert (visit.trigger, visit.span.start) == ("travelled", date(2031, 1, 1))


def test_a_verb_whose_object_is_an_action_of_ours_is_that_action():
    (forum,) = round10("Tun Ko attended a regional forum in Moscow on Monday.")
    assert forum.event_type == "multilateral meeting"


# --- Round 11: round-10 defects as classes --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Laos Defence Forces seized power in March 2029.\n\n"
        "Laos will hold its first election since the coup.",
        "Laos has been in turmoil since a 2029 military coup.\n\n"
        "When Laos will hold its first election since the coup is not yet clear.",
    ],
)
def test_an_action_since_reaches_back_to_is_past_in_a_future_sentence(text):
    (coup,) = round10(text)
    assert (coup.event_type, coup.status) == ("coup", "reported")


# --- Round 12: round 9-11 defects as classes (made-up people, real countries; published
# on Thursday 20 February 2031, as round 10's) -----------------------------------------


@pytest.mark.parametrize(
    "later",
    [
        "The two leaders spoke on Monday, officials said.",
        "Monday's talks also covered trade and education.",
        "The talks were held on Monday.",
    ],
)
def test_an_undated_event_is_dated_by_a_later_anaphoric_mention_of_it(later):
    text = f"Ivo Tarn and Tun Ko held talks in Moscow about trade.\n\nIt rained.\n\n{later}"
    (meeting,) = round10(text)
    assert meeting.event_type == "meeting" and meeting.paragraph == 1
    assert set(meeting.actors + meeting.recipients) == {"Ivo Tarn", "Tun Ko"}
    assert (meeting.span.start, meeting.span.end) == (date(2031, 2, 17), date(2031, 2, 17))


def test_a_named_back_event_of_another_type_dates_nothing():
    text = "Ivo Tarn and Tun Ko held talks in Moscow.\n\nThe visit ended on Monday."
    assert not round10(text)


def test_talks_on_the_sidelines_of_a_named_forum_are_its_attendance_too():
    text = (
        "Ivo Tarn and Tun Ko held talks in Moscow.\n\n"
        "The two leaders spoke on Monday on the sidelines of the Arctic Energy Week 2031."
    )
    meeting, forum = round10(text)
    assert (meeting.event_type, forum.event_type) == ("meeting", "multilateral meeting")
    assert forum.span == meeting.span and forum.span.start == date(2031, 2, 17)
    assert set(forum.actors) == {"Ivo Tarn", "Tun Ko"} and forum.paragraph == 2


#: Round 10's directory and a protest movement.
ROUND12 = parse_actors(
    ROUND10_CSV
    + "Laos democracy movement,organisation,Laos,anti-coup protesters;pro-democracy demonstrators\n"
    + "Ana Kell,person,,\n"
    + "Laos Police Force,government,Laos,\n"
)
round12 = partial(extract_events, published=date(2031, 2, 20), directory=ROUND12)


@pytest.mark.parametrize(
    "course, kind, actor",
    [
        ("Protests have spread across Laos since the coup.", "protest", "Laos democracy movement"),
        (
            "Anti-coup protesters have rallied in Vientiane since the coup.",
            "protest",
            "Laos democracy movement",
        ),
        (
            "Security forces have killed dozens of people since the junta's takeover.",
            "violence against civilians",
            "Laos Defence Forces",
        ),
        (
            'Soldiers had "murdered at least 40 people" since the coup, Ivo Tarn said.',
            "violence against civilians",
            "Laos Defence Forces",
        ),
    ],
)
def test_a_course_since_an_event_runs_from_its_month_to_the_publications(course, kind, actor):
    text = f"The Laos Defence Forces seized power on January 12, 2031.\n\n{course}"
    coup, ongoing = round12(text)
    assert (coup.event_type, ongoing.event_type) == ("coup", kind)
    assert ongoing.actors == (actor,) and not ongoing.recipients
    assert (ongoing.span.start, ongoing.span.end) == (date(2031, 1, 1), date(2031, 2, 28))
    assert ongoing.span.precision == "month" and ongoing.date_text.startswith("since the")


def test_a_meeting_since_an_event_is_no_course():
    text = (
        "The Laos Defence Forces seized power on January 12, 2031.\n\n"
        "Ivo Tarn met the junta on February 2 for the first time since the coup."
    )
    _coup, meeting = round12(text)
    assert meeting.span.start == meeting.span.end == date(2031, 2, 2)


def test_a_named_speakers_dated_report_of_killings_is_an_accusation_of_the_killers():
    text = (
        "The Laos Defence Forces seized power on January 12, 2031.\n\n"
        "Ana Kell said on Monday that there were credible reports that soldiers had killed "
        "70 people since the coup."
    )
    _coup, killings, accusation = round12(text)
    assert killings.actors == ("Laos Defence Forces",)  # the speaker tells, never kills
    assert accusation.event_type == "condemnation"
    assert (accusation.actors, accusation.recipients) == (("Ana Kell",), ("Laos Defence Forces",))
    assert accusation.span.start == accusation.span.end == date(2031, 2, 17)


def test_a_speech_act_told_as_reported_speech_takes_the_reports_day():
    text = (
        "Laos is in turmoil, a spokesman told reporters on a conference call on Monday.\n\n"
        "The spokesman also underlined that Russia strongly condemns the killing of civilians."
    )
    (condemnation,) = round12(text)
    assert condemnation.event_type == "condemnation"
    assert condemnation.actors == ("Russian government",)
    assert condemnation.span.start == date(2031, 2, 17)


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Ivo Tarn voiced deep concern on Monday about the violence in Laos.", "condemnation"),
        (
            "Ivo Tarn urged the Russian government on Monday to take concrete action against "
            "the junta.",
            "sanction/embargo call",
        ),
        ("Ivo Tarn welcomed the Russian government's statement on Monday.", "statement of support"),
    ],
)
def test_concern_a_call_to_act_against_and_a_welcome_are_speech_acts(sentence, kind):
    (act,) = round12(sentence)
    assert (act.event_type, act.actors, act.span.start) == (kind, ("Ivo Tarn",), date(2031, 2, 17))


def test_welcoming_a_delegation_is_no_statement_of_support():
    assert "statement of support" not in kinds_of(round12("Ivo Tarn welcomed the delegation."))


@pytest.mark.parametrize(
    "arrival",
    [
        "Observers from Russia reached Vientiane on Monday.",
        "Election observation teams from Russia arrived in Laos on Monday.",
        "A delegation from Russia reached the capital on Monday.",
    ],
)
def test_observers_or_a_delegation_from_a_country_arriving_are_its_governments_visit(arrival):
    (visit,) = round12(f"Laos holds an election.\n\n{arrival}")
    assert (visit.event_type, visit.actors) == ("visit", ("Russian government",))
    assert visit.span.start == date(2031, 2, 17)


def test_reaching_an_agreement_is_no_visit():
    assert "visit" not in kinds_of(round12("Ivo Tarn reached an agreement with Tun Ko on Monday."))


def test_date_words_after_a_comma_participle_are_its_own_not_earlier_actions():
    text = (
        "Russia condemns Laos executions\n\n"
        "The Russian government denounced the executions of four men by the junta, "
        "winning praise Monday from Ivo Tarn."
    )
    found = round12(text)  # neither the condemnation nor the executions is Monday's
    assert not [c for c in found if c.event_type in ("condemnation", "repression/execution")]
    # the praise is Monday's (session 22: what an actor receives from another, below)
    assert [(c.event_type, c.actors) for c in found] == [("statement of support", ("Ivo Tarn",))]


def test_who_is_condemned_for_killing_opponents_executes_them_on_the_killings_day():
    text = (
        "Ivo Tarn said on Monday that Russia condemned the Laos Defence Forces for killing "
        "opposition activists over the weekend."
    )
    found = round12(text)
    (execution,) = [c for c in found if c.event_type == "repression/execution"]
    assert execution.actors == ("Laos Defence Forces",)
    assert (execution.span.start, execution.span.end) == (date(2031, 2, 15), date(2031, 2, 16))
    assert all(c.span.start != date(2031, 2, 15) for c in found if c is not execution)


def test_a_capital_subject_of_a_subordinate_clause_acts_in_it_not_the_sentences_subject():
    text = "Ivo Tarn thanked Tun Ko, after Moscow delivered six fighter jets to Laos last year."
    (supply,) = [c for c in round12(text) if c.event_type == "arms transfer"]
    assert supply.actors == ("Russian government",)
    assert supply.span.start == date(2030, 1, 1)


@pytest.mark.parametrize("counterpart", ["Moscow", "Russia"])
def test_a_country_or_capital_after_with_is_its_governments_counterpart(counterpart):
    (agreement,) = round12(f"Ivo Tarn signed an agreement with {counterpart} on Monday.")
    assert (agreement.actors, agreement.recipients) == (("Ivo Tarn",), ("Russian government",))


def test_a_country_after_with_in_another_clause_is_no_counterpart():
    (agreement,) = round12("Ivo Tarn signed an agreement on Monday, as Laos sided with Russia.")
    assert agreement.recipients == ()


# --- Round 12, fixes of the round-12 held-out classes (made-up sentences) -------------


def test_the_following_day_is_the_day_after_the_last_date_told():
    text = "Ivo Tarn arrived in Laos on Friday. The following day, he attended the military parade."
    visit, parade = round12(text)
    assert visit.span.start == date(2031, 2, 14)
    assert (parade.span.start, parade.date_text) == (date(2031, 2, 15), "The following day")


def test_a_call_to_prevent_the_influx_of_weapons_is_an_embargo_call():
    text = (
        "The Russian government passed a resolution on Monday calling on member states to "
        '"prevent the influx of weapons" into Laos.'
    )
    (call,) = round12(text)
    assert (call.event_type, call.actors) == ("sanction/embargo call", ("Russian government",))


def test_supporters_taking_to_the_streets_are_the_protest_movement_and_no_coup():
    (protest,) = round12("Today Tun Ko's anti-coup supporters take to the streets of Laos.")
    assert (protest.event_type, protest.actors) == ("protest", ("Laos democracy movement",))
    assert protest.span.start == date(2031, 2, 20)


def test_telling_a_counterpart_is_a_meeting_with_him():
    (meeting,) = round12(
        "Ivo Tarn told his Laotian counterpart Tun Ko on Monday that all was well."
    )
    assert (meeting.event_type, meeting.actors) == ("meeting", ("Ivo Tarn",))
    assert meeting.recipients == ("Tun Ko",)


def test_a_coup_named_in_a_foreign_visitors_sentence_is_the_countrys_armed_forces():
    text = (
        "The Laos Defence Forces rule Laos.\n\n"
        "Ivo Tarn became the first Russian minister to visit Laos since last year's coup."
    )
    coups = [c for c in round12(text) if c.event_type == "coup"]
    assert [c.actors for c in coups] == [("Laos Defence Forces",)]


def test_a_possessive_date_is_the_next_action_nouns_not_an_earlier_actions():
    text = "Ivo Tarn became the first Russian minister to visit Laos since last year's coup."
    assert all(c.span.start.year == 2030 for c in round12(text) if c.event_type == "coup")
    assert not [c for c in round12(text) if c.event_type == "visit"]  # nothing dates it


@pytest.mark.parametrize("relation, day", [("before", 15), ("after", 13)])
def test_the_day_before_or_after_an_action_told_with_a_day(relation, day):
    text = (
        f"Speaking on Friday, the day {relation} Ivo Tarn arrived in Laos, Tun Ko praised Russia."
    )
    (visit,) = [c for c in round12(text) if c.event_type == "visit"]
    assert visit.actors == ("Ivo Tarn",) and visit.span.start == date(2031, 2, day)


def test_supporters_protesting_in_a_citys_streets_are_its_countrys_movement():
    (protest,) = round12("Today her supporters take to Vientiane streets.")
    assert protest.actors == ("Laos democracy movement",)


@pytest.mark.parametrize(
    "sentence, actor",
    [
        (
            "On Saturday, at least 100 villagers were killed by bullets from the police.",
            "Laos Police Force",
        ),
        (
            "On Saturday, 40 people were shot and killed by the Laos Defence Forces.",
            "Laos Defence Forces",
        ),
    ],
)
def test_a_toll_told_in_the_passive_is_a_killing_by_its_agent(sentence, actor):
    found = round12(f"Laos is in turmoil.\n\n{sentence}")
    (killing,) = [c for c in found if c.event_type == "violence against civilians"]
    assert killing.actors == (actor,) and killing.span.start == date(2031, 2, 15)


# Round 13's classes (UCA News, Business Recorder): an organisation's statement as
# condemnation or call, the words of a call to stop a supply, the news lead's perfect.

#: Round 10's directory, a made-up rights group and a made-up person.
ROUND13 = parse_actors(
    ROUND10_CSV
    + "Laos Watch,organisation,,\n"
    + "Ana Kell,person,,\n"
    + "Vientiane Trading,organisation,Laos,\n"
)
round13 = partial(extract_events, published=date(2031, 2, 20), directory=ROUND13)  # Thursday


@pytest.mark.parametrize("body", ["Amnesty International", "Human Rights Watch", "the EU"])
def test_widely_known_rights_bodies_and_unions_are_in_the_directory(body):
    found = extract_events(
        f"{body} condemned the Myanmar junta on Monday.", date(2024, 7, 9), load_directory()
    )
    (condemnation,) = [c for c in found if c.event_type == "condemnation"]
    expected = {"the EU": "European Union"}.get(body, body)
    assert condemnation.actors == (expected,)


def test_a_regional_bloc_is_in_the_directory():
    finder = _ActorFinder(load_directory())
    names = [m.actor for m in finder.find("On the sidelines of the BIMSTEC summit, they met.")]
    bloc = "Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation"
    assert names == [bloc]


def test_slamming_is_a_condemnation():
    (condemnation,) = round13("Laos Watch slammed the Laos junta on Monday for the arrests.")
    assert (condemnation.event_type, condemnation.actors) == ("condemnation", ("Laos Watch",))
    assert condemnation.span.start == date(2031, 2, 17)


def test_urging_suppliers_to_stop_selling_to_the_regime_is_an_embargo_call():
    found = round13("Laos Watch on Monday urged shipping firms to stop selling fuel to the junta.")
    (call,) = [c for c in found if c.event_type == "sanction/embargo call"]
    assert call.actors == ("Laos Watch",) and call.span.start == date(2031, 2, 17)


def test_a_leads_news_perfect_takes_the_day_of_the_bodys_statement_told_next():
    text = (
        "Laos Watch has slammed the Laos junta for air strikes and urged suppliers to stop "
        "selling fuel to the regime.\n\n"
        "Ana Kell, Laos Watch's director, accused the junta of killing civilians, the group "
        "said in a statement on Monday."
    )
    found = round13(text)
    call = [c for c in found if c.event_type == "sanction/embargo call"]
    assert [(c.actors, c.span.start) for c in call] == [(("Laos Watch",), date(2031, 2, 17))]
    (condemnation,) = [c for c in found if c.event_type == "condemnation"]
    assert condemnation.span.start == date(2031, 2, 17) and "Laos Watch" in condemnation.actors


def test_a_perfect_outside_the_lead_stays_undated():
    text = (
        "Laos is calm.\n\n"
        "Laos Watch has long accused the Laos junta of abuses.\n\n"
        "Ana Kell of Laos Watch met Tun Ko on Monday."
    )
    assert not [c for c in round13(text) if c.event_type == "condemnation"]


def test_a_one_off_event_named_again_lends_no_date_to_an_earlier_undated_action():
    text = (
        "The Laos Defence Forces seized power in March 2029.\n\n"
        "On the sidelines of the summit, Ivo Tarn had talks with Tun Ko.\n\n"
        "With unrest in Laos since the coup, Ivo Tarn called for calm."
    )
    found = round13(text)
    assert [c.paragraph for c in found if c.span.start.year == 2029] == [1]


def test_a_one_word_proper_name_in_lower_case_is_a_common_word():
    finder = _ActorFinder(load_directory())
    names = [m.actor for m in finder.find("The junta granted an amnesty to 5,000 prisoners.")]
    assert "Amnesty International" not in names
    assert [m.actor for m in finder.find("Amnesty said so.")] == ["Amnesty International"]


# --- Session 21, rounds 7-11 texts: their misses as general classes (made-up sentences,
# round 12's directory, published on Thursday 20 February 2031) ------------------------


def test_observers_from_a_list_with_a_serial_comma_are_every_countrys_visit():
    (visit,) = round12(
        "Laos votes.\n\nObservers from China, Russia, and Vietnam reached Laos on Monday."
    )
    assert set(visit.actors) == {
        "Chinese government",
        "Russian government",
        "Vietnamese government",
    }


def test_the_arrival_of_a_delegation_placed_before_another_is_its_own_visit():
    text = (
        "Laos votes.\n\n"
        "Observers from Russia reached the country on Monday, following the arrival of a "
        "delegation from China on Sunday."
    )
    found = [(c.actors, c.span.start) for c in round12(text) if c.event_type == "visit"]
    assert found == [
        (("Russian government",), date(2031, 2, 17)),
        (("Chinese government",), date(2031, 2, 16)),
    ]


def test_a_fixed_holiday_dates_an_action():
    (visit,) = round12(
        "Laos votes.\n\nA delegation from Russia reached the capital on Christmas Day."
    )
    assert visit.span.start == date(2030, 12, 25)


def test_an_abbreviated_rank_is_one_title_in_the_parse_not_a_sentence_end():
    from dashboard.parsing import Structure

    sentence = "On Monday, a contingent led by Brig.-Gen. Zaw Lin departed for Russia."
    structure = Structure.of(sentence)
    assert structure.predicate(sentence.index("contingent")).text == "departed"
    assert [t.text for t in structure.doc if t.text.startswith("Brig")] == ["Brig.-Gen."]


def the_one(kind: str, text: str):
    """The one candidate of ``kind`` round 12's directory finds in ``text``."""
    (event,) = [c for c in round12(text) if c.event_type == kind]
    return event


def test_a_future_clause_does_not_reach_a_past_one_after_an_abbreviated_rank():
    text = (
        "Laos joins the parade.\n\n"
        "A Laos unit will join Russian troops in the parade, and on Monday, a military "
        "parade contingent led by Brig.-Gen. Zaw Lin departed for Russia."
    )
    parade = the_one("military cooperation", text)
    assert (parade.status, parade.span.start) == ("reported", date(2031, 2, 17))


@pytest.mark.parametrize(
    "sentence",
    [
        "A Laos army contingent led by Zaw Lin left for Moscow on Monday.",
        "On Monday, a Laos military parade contingent led by Zaw Lin arrived in Moscow.",
    ],
)
def test_a_military_group_led_by_an_unknown_officer_is_its_countrys_armed_forces(sentence):
    found = round12(f"Laos joins the parade.\n\n{sentence}")
    assert [(c.actors, c.span.start) for c in found] == [
        (("Laos Defence Forces",), date(2031, 2, 17))
    ]


def test_a_delegation_from_a_country_of_several_governments_is_its_ruling_bodys():
    directory = parse_actors(ROUND10_CSV + "Laos civilian government,government,Laos,\n")
    text = (
        "Laos votes.\n\nLast week, a delegation from Laos visited Moscow and signed a memorandum."
    )
    found = extract_events(text, date(2031, 2, 20), directory)
    assert {(c.event_type, c.actors) for c in found} == {
        ("visit", ("Laos junta",)),
        ("agreement", ("Laos junta",)),
    }


def test_a_death_at_the_hands_of_the_forces_is_their_violence_against_civilians():
    text = "Laos mourns.\n\nThe death of 40 protesters at the hands of the army on Monday shocked."
    violence = the_one("violence against civilians", text)
    assert (violence.actors, violence.span.start) == (("Laos Defence Forces",), date(2031, 2, 17))


def test_a_course_told_as_subsequent_to_a_dated_event_runs_from_it():
    text = (
        "The Laos Defence Forces seized power in March 2029.\n\n"
        "Laos has been rocked by protests since the coup and the subsequent death of "
        "hundreds of people at the hands of security forces."
    )
    violence = the_one("violence against civilians", text)
    assert violence.actors == ("Laos Defence Forces",)
    assert (violence.span.start, violence.span.end) == (date(2029, 3, 1), date(2031, 2, 28))


# --- Session 21, rounds 12-14 texts: general classes behind their misses (made-up
# sentences) ---------------------------------------------------------------------------
SESSION21B = parse_actors(
    ROUND10_CSV + "Laos Treasury,government,Laos,\n" + "Laos Watch,organisation,,\n"
)
session21b = partial(extract_events, published=date(2031, 2, 20), directory=SESSION21B)


def test_the_us_treasury_is_not_the_state_department():
    finder = _ActorFinder(load_directory())
    names = [m.actor for m in finder.find("The U.S. Treasury imposed sanctions on Tuesday.")]
    assert names == ["United States Department of the Treasury"]


@pytest.mark.parametrize("antecedent", ["Laos's military, which", "Tun Ko, who"])
def test_a_relative_clause_is_done_by_its_antecedent(antecedent):
    text = (
        "The Russian government on Monday imposed sanctions on two firms for selling arms "
        f"to {antecedent} seized power in March 2029."
    )
    (coup,) = [c for c in session21b(text) if c.event_type == "coup"]
    assert "Russian government" not in coup.actors and "Laos Defence Forces" in coup.actors
    assert coup.span.start == date(2029, 3, 1)


def test_a_since_clause_dates_a_course_told_in_the_simple_past():
    text = (
        "Since the March 1, 2029 coup ended Laos's democracy, toppling the government; "
        "the Laos Defence Forces committed numerous atrocities against civilians."
    )
    (course,) = [c for c in session21b(text) if c.event_type != "coup"]
    assert course.event_type == "violence against civilians"
    assert course.actors == ("Laos Defence Forces",)
    assert (course.span.start, course.span.end) == (date(2029, 3, 1), date(2031, 2, 28))


def test_a_country_with_several_untold_ministries_acts_through_its_foreign_ministry():
    directory = parse_actors(
        DIRECTORY_CSV + "United States Department of the Treasury,government,United States,\n"
    )
    found = events_of("The U.S. condemned the junta on Monday.", directory=directory)
    (condemnation,) = [c for c in found if c.event_type == "condemnation"]
    assert condemnation.actors == ("United States Department of State",)


def test_a_strike_told_in_a_reporting_perfect_is_dated_by_its_later_mention():
    text = (
        "The Laos junta has confirmed that it carried out an airstrike on a village.\n\n"
        "The death toll from the Tuesday morning strike remains unclear."
    )
    (strike,) = [c for c in session21b(text) if c.event_type == "armed clash"]
    assert strike.actors == ("Laos junta",) and strike.span.start == date(2031, 2, 18)


def test_a_course_after_an_opening_following_clause_runs_from_its_onset():
    text = (
        "Following a coup that toppled the government in 2029, the military's crackdown "
        "on dissent has left more than 3,000 people dead in Laos."
    )
    (course,) = [c for c in session21b(text) if c.event_type == "violence against civilians"]
    assert course.actors == ("Laos Defence Forces",)
    assert (course.span.start, course.span.end) == (date(2029, 1, 1), date(2031, 2, 28))


def test_cooperation_named_as_a_point_of_view_is_no_event():
    text = (
        "Russia is analysing the situation in Laos on Monday, including from the viewpoint "
        "of the continuation of military-technical cooperation, Ivo Tarn said."
    )
    assert not [c for c in session21b(text) if c.event_type == "military cooperation"]


def test_a_leadership_ousted_from_power_in_the_passive_is_a_coup():
    text = (
        "On March 1, Laos's military declared a state of emergency and said the country's "
        "leadership had been ousted from power."
    )
    (coup,) = [c for c in session21b(text) if c.event_type == "coup"]
    assert coup.actors == ("Laos Defence Forces",) and coup.span.start == date(2030, 3, 1)


def test_a_crackdowns_toll_told_without_agent_is_the_countrys_forces():
    text = (
        "On Thursday, Laos Watch reported that 12 people had been killed in Laos during the "
        "crackdown on protesters."
    )
    (toll,) = [c for c in session21b(text) if c.event_type == "violence against civilians"]
    assert toll.actors == ("Laos Defence Forces",) and toll.span.start == date(2031, 2, 20)


@pytest.mark.parametrize(
    "sentence, condemnations",
    [
        ("In the resolution of Monday, the Laos junta is expressly condemned for the arrests.", 0),
        ("On Monday the Laos junta was condemned by Laos Watch for the arrests.", 1),
    ],
)
def test_a_condemnation_in_the_passive_with_no_agent_names_no_condemner(sentence, condemnations):
    found = session21b(f"Laos Watch spoke on Monday.\n\n{sentence}")
    assert len([c for c in found if c.event_type == "condemnation"]) == condemnations


def test_every_candidate_span_is_one_the_event_table_accepts(tmp_path):
    """'Over the past month' (thirty days, read as month precision) made `extract` stop
    with 'unexpected EventsFileError ... month precision needs whole months' and write
    nothing: found by the round-15 held-out run. Candidates are widened to what their
    precision means in the table, whatever rule dated them."""
    article = tmp_path / "article.txt"
    article.write_text(
        "Over the past month, Myanmar's military has killed dozens of people in air strikes, "
        "rights groups say.\n\nSergei Lavrov visited Naypyitaw on Wednesday.\n",
        encoding="utf-8",
    )
    out, stderr = tmp_path / "candidates.csv", io.StringIO()
    argv = ["extract", str(article), "--published", "2022-11-11", "-o", str(out)]
    assert cli.main(argv, io.StringIO(), stderr) == 0, stderr.getvalue()
    candidates = load_events_frame(out)  # validates: raises on a span the table refuses
    course = candidates[candidates["date_text"].str.contains("past month")]
    assert len(course) == 1
    row = course.iloc[0]
    span = (row["start_date"].date(), row["end_date"].date(), row["date_precision"])
    assert span == (date(2022, 10, 1), date(2022, 11, 30), "month")


# Session 22 (articles22b, dates): an action dated by a list of months happened in each.


@pytest.mark.parametrize(
    "sentence, published, months",
    [
        (
            "Sergei Lavrov visited Naypyitaw in March and June.",
            date(2025, 11, 29),
            [(2025, 3), (2025, 6)],
        ),
        (
            "Sergei Lavrov visited Naypyitaw in January, April and July 2021.",
            date(2022, 8, 3),
            [(2021, 1), (2021, 4), (2021, 7)],
        ),
        # in time order across a year boundary
        (
            "Sergei Lavrov travelled to Naypyitaw in November and January.",
            date(2025, 2, 10),
            [(2024, 11), (2025, 1)],
        ),
    ],
)
def test_an_action_dated_by_a_month_list_is_one_candidate_per_month(sentence, published, months):
    visits = [c for c in events_of(sentence, published) if c.event_type == "visit"]
    assert sorted((c.span.start.year, c.span.start.month) for c in visits) == months
    assert all(c.span.precision == "month" for c in visits)
    assert len({c.actors for c in visits}) == 1


def test_a_range_of_months_is_one_candidate_not_a_list():
    found = events_of("Sergei Lavrov visited Naypyitaw between March and June.", date(2025, 11, 29))
    visits = [c for c in found if c.event_type == "visit"]
    assert len(visits) <= 1


# --- Session 22 (articles22a) ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "British Ambassador Jane Roe condemned the junta on Monday.",
        "Britain's ambassador Jane Roe condemned the junta on Monday.",
        "The British envoy to the UN Jane Roe strongly condemned these acts on Monday.",
    ],
)
def test_a_countrys_envoy_titled_before_a_name_acts_for_its_government(sentence):
    """Save Myanmar (round 15): "British Ambassador <name> strongly condemned these acts"
    gave no actor (the name is unknown, its country is in the title, and the directory
    has no British government): the country's government condemns, proposed for review
    with the envoy's name."""
    [event] = events_of(f"Talks ended.\n\n{sentence}")
    assert (event.event_type, event.actors) == ("condemnation", ("British government",))
    assert event.proposed_actors[:1] == ("Jane Roe",)


@pytest.mark.parametrize(
    "sentence, actors",
    [
        ("Russia's ambassador to Myanmar Ivan Petrov met Wunna Maung Lwin on Monday.", True),
        ("The ambassador to Myanmar Ivan Petrov met Wunna Maung Lwin on Monday.", False),
    ],
)
def test_the_country_after_ambassador_to_belongs_to_the_title_not_the_name(sentence, actors):
    """ "ambassador to Myanmar Iskander Azizov" was proposed as the name "Myanmar
    Iskander Azizov"; only a country before the title says whom the envoy acts for."""
    [event] = events_of(f"Talks ended.\n\n{sentence}")
    assert "Ivan Petrov" in event.proposed_actors
    assert not any("Myanmar" in name for name in event.proposed_actors)
    assert event.actors == (("Russian government",) if actors else ())


def test_an_envoy_named_without_a_country_acts_for_none():
    [event] = events_of("Talks ended.\n\nAmbassador Jane Roe condemned the junta on Monday.")
    assert event.actors == () and "Jane Roe" in event.proposed_actors


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Today Wunna Maung Lwin met Sergei Lavrov on Monday.", None),
        ("Sergei Lavrov condemned the Russia-made Yak jets on Monday.", None),
        (
            "Sergei Lavrov condemned Chinese-built Shaanxi Transports on Monday.",
            "Shaanxi Transports",
        ),
        ("Sergei Lavrov met Zed Bora on Monday.", "Zed Bora"),
    ],
)
def test_a_new_actors_name_has_no_words_of_a_known_one_or_a_makers_compound(sentence, name):
    """The Washington Post's "Russia-made Yak-130 jets" proposed the new actor
    "Russia-made Yak", AsiaNews' "Today Aung San Suu Kyi turns 76" the new actor "Today
    Aung San Suu Kyi": a maker's compound modifies a product, and a known actor's name
    with a capitalised word before it is that known actor."""
    [event] = events_of(f"Talks ended.\n\n{sentence}")
    assert event.proposed_actors == ((name,) if name else ())


@pytest.mark.parametrize(
    "sentence",
    [
        "Myanmar's military ousted the elected government of Aung San Suu Kyi in February 2021.",
        "The junta has been sanctioned by Western nations for ousting the elected government "
        "of Burmese leader Aung San Suu Kyi in February 2021.",
        "Myanmar's military toppled the government of President Win Myint in February 2021.",
    ],
)
def test_a_coup_naming_whose_government_it_ousts_is_no_annexation(sentence):
    """Taipei Times: "for ousting the elected government of Burmese leader Aung San Suu
    Kyi in February 2021" proposed no coup: the capitalised name after "of" was read as
    a territory taken ("the takeover of Crimea"). After the government or leader the
    coup ousts, "of X" says whose (the annexation test above keeps the territories)."""
    coups = [c for c in events_of(f"Talks ended.\n\n{sentence}") if c.event_type == "coup"]
    assert [(c.actors, c.span.start) for c in coups] == [(("Tatmadaw",), date(2021, 2, 1))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vietnam's army shelled the border town on Monday.",
        "Vietnam's armed forces shelled the border town on Monday.",
    ],
)
def test_a_countrys_armed_forces_are_its_military_else_its_defence_body(sentence):
    """One meaning of "a country's armed forces" (forces_of): "the armed forces of
    Vietnam" and "Vietnamese warships" were its defence ministry, but "Vietnam's army"
    as subject asked for a military actor only, and with none gave no event."""
    [clash] = round7(sentence)
    assert (clash.event_type, clash.actors) == ("armed clash", ("Vietnam Ministry of Defence",))


def test_a_country_with_its_own_military_keeps_it():
    [clash] = round7("Laos's army shelled the border town on Monday.")
    assert clash.actors == ("Laos Defence Forces",)


@pytest.mark.parametrize(
    "sentence, event_type, actors, recipients",
    [
        (
            "The Security Council condemned the arrests, winning praise Monday from the "
            "Russian government.",
            "statement of support",
            ("Russian government",),
            ("United Nations Security Council",),
        ),
        (
            "On Monday Russia won praise from the junta for its support.",
            "statement of support",
            ("State Administration Council",),
            ("Russian government",),
        ),
        (
            "The junta drew condemnation from the Kremlin on Monday.",
            "condemnation",
            ("Russian government",),
            ("State Administration Council",),
        ),
    ],
)
def test_what_an_actor_receives_from_another_is_the_others_act(
    sentence, event_type, actors, recipients
):
    """BOL News: the Council "denounced the executions ..., winning praise Thursday from
    a shadow government" -- praise received: who gives it (after "from") acts, the one
    who receives it is its recipient (and "drew condemnation from X": X condemns)."""
    directory = parse_actors(
        DIRECTORY_CSV + "United Nations Security Council,organisation,,Security Council\n"
    )
    found = [e for e in events_of(sentence, directory=directory) if e.event_type == event_type]
    assert [(e.actors, e.recipients) for e in found] == [(actors, recipients)]


def test_praise_told_as_given_is_no_praise_received():
    found = events_of("The junta praised the Kremlin on Monday for its support.")
    assert not [e for e in found if e.event_type == "statement of support" and e.recipients]


@pytest.mark.parametrize(
    "sentence",
    [
        "Delegates from Council member states also attended the session on Monday.",
        "Sergei Lavrov attended the debate on Monday.",
        "Wunna Maung Lwin attended a closed-door briefing on Monday.",
    ],
)
def test_attending_a_session_is_no_visit(sentence):
    """Save Myanmar: "Delegates from UNSC member states also attended the session" (the
    Council's meeting told before) proposed a visit: "attend" is a visit word of the
    lexicon's, and "session" no word of ours to claim it as a meeting."""
    directory = parse_actors(
        DIRECTORY_CSV + "United Nations Security Council,organisation,,Council\n"
    )
    assert "visit" not in kinds_of(events_of(sentence, directory=directory))


def test_attending_a_conference_is_still_its_meeting():
    found = events_of("Sergei Lavrov attended a conference in Naypyitaw on Monday.")
    assert kinds_of(found) == ["multilateral meeting"]


ANNOUNCING = parse_actors(
    DIRECTORY_CSV
    + "United States Department of the Treasury,government,United States,Treasury Department\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States has imposed new sanctions on the junta, as announced by the "
        "Treasury Department in a statement on Monday.",
        "Russia has imposed sanctions on the junta, the Kremlin said on Monday.",
        "The United States has expanded its sanctions against the junta, the State "
        "Department announced on Monday.",
        # a past act: a participle before the report owns none of its date words
        "The United States expanded its sanctions against the junta, targeting three firms, "
        "as announced by the Treasury Department in a statement on Monday.",
        # ... nor an act of the participle's phrase (the strikes are not of that day)
        "The United States expanded its sanctions against the junta, targeting firms that "
        "sell it jet fuel for air strikes, as announced by the Treasury Department on Monday.",
        "The United States has expanded its sanctions against the junta, targeting firms that "
        "sell it jet fuel for air strikes, as announced by the Treasury Department on Monday.",
    ],
)
def test_a_news_leads_act_announced_by_its_own_side_takes_the_announcements_day(sentence):
    """The ASEAN Daily (round 16): "The United States has expanded its sanctions ...,
    targeting ..., as announced by the U.S. Treasury Department in a statement on
    Wednesday" proposed nothing: the perfect took no date from the report, and the
    participle owned the report's date words (then, untaught, its phrase's air strikes)."""
    found = events_of(sentence, directory=ANNOUNCING)
    assert [(e.event_type, e.span.start) for e in found] == [("sanction", date(2022, 8, 1))]


@pytest.mark.parametrize(
    "text",
    [
        "Russia has imposed sanctions on the junta, a UN expert said on Monday.",
        "Russia has supplied fighter jets to the junta, the State Department said on Monday.",
        # outside the news lead a perfect stays an indefinite past
        "Russia sent no envoy.\n\nRussia has imposed sanctions on the junta, the Kremlin said "
        "on Monday.",
    ],
)
def test_a_perfect_announced_by_another_or_later_stays_undated(text):
    found = events_of(text, directory=ANNOUNCING)
    # (the State Department's report is its own act of that day: an accusation)
    assert not [e for e in found if "Russian government" in e.actors]


@pytest.mark.parametrize(
    "sentence",
    [
        "After the coup that ousted Wunna Maung Lwin in February, the United States imposed "
        "sanctions on the junta in March.",
        "Since the takeover in which the generals detained Wunna Maung Lwin, the United "
        "States and its allies imposed sanctions on the junta in March.",
        "Following the arrest of Wunna Maung Lwin, the United States and Britain imposed "
        "sanctions on the junta in March.",
    ],
)
def test_a_name_in_an_opening_subordinate_clause_does_not_act_in_the_main_one(sentence):
    """The ASEAN Daily (round 16): "Since the coup in which they ousted the ... government
    led by Aung San Suu Kyi, the United States and other Western nations have imposed
    ... sanctions" proposed a sanction by Aung San Suu Kyi (the only name before it):
    the main clause's countries act."""
    found = [e for e in events_of(sentence) if e.event_type == "sanction"]
    governments = {"United States Department of State", "British government"}
    assert found and all(e.actors and set(e.actors) <= governments for e in found)


def test_the_subject_of_the_main_clause_after_an_opening_one_still_acts():
    found = events_of("After the coup, Sergei Lavrov met Wunna Maung Lwin in Naypyitaw on Monday.")
    assert [(e.event_type, e.actors) for e in found if e.event_type == "meeting"] == [
        ("meeting", ("Sergei Lavrov",))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Western nations imposed sanctions on the junta on Monday.",
        "Western countries imposed sanctions on the junta on Monday.",
        "Western powers imposed sanctions on the junta on Monday.",
    ],
)
def test_western_nations_are_the_directorys_western_governments(sentence):
    """The ASEAN Daily (round 16): "the United States and other Western nations have
    imposed multiple rounds of sanctions" -- the gold conventions' Western governments,
    which the shipped directory knew only as "Western democracies"."""
    shipped = load_directory(DEFAULT_ACTORS_PATH)
    found = [e for e in events_of(sentence, directory=shipped) if e.event_type == "sanction"]
    assert [e.actors for e in found] == [("Western governments",)]


def test_a_western_region_is_no_western_government():
    shipped = load_directory(DEFAULT_ACTORS_PATH)
    found = events_of("The army shelled villages in western Myanmar on Monday.", directory=shipped)
    assert not [e for e in found if "Western governments" in (*e.actors, *e.recipients)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kremlin and other governments imposed sanctions on the junta on Monday.",
        "The Kremlin and several allies imposed sanctions on the junta on Monday.",
        "The Kremlin and many partners imposed sanctions on the junta on Monday.",
    ],
)
def test_a_quantifier_of_the_subject_is_no_kind_of_action(sentence):
    """Found checking The ASEAN Daily's wording (round 16, "the United States and other
    Western nations have imposed ... sanctions"): in "X and other Western countries
    imposed sanctions" the subject's "other" read the verb's plural object as a kind of
    action ("other visits"), and no sanction was proposed."""
    found = [e for e in events_of(sentence) if e.event_type == "sanction"]
    assert [e.actors for e in found] == [("Russian government",)]


def test_a_quantified_action_noun_is_still_a_kind_of_action():
    found = events_of("Sergei Lavrov held several meetings with the junta on Monday.")
    assert "meeting" not in kinds_of(found)


# --- Session 23 (articles23a): classes behind the misses of rounds 1-14 ---------------


@pytest.mark.parametrize(
    "follow_up",
    [
        "The two sides held talks on Monday.",
        "The two ministers held talks on Monday.",
        "The two sides had talks in the capital on Monday.",
    ],
)
def test_the_two_sides_counting_the_subject_leave_the_talks_an_event(follow_up):
    """Before this, "The two sides held talks" proposed nothing: "two" a few words before the plural
    "talks" read them as a kind of action ("two visits"), though the verb between says
    the number counts the subject."""
    found = events_of(f"Sergei Lavrov visited Myanmar on Sunday. {follow_up}")
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert set(meeting.actors) == {"Sergei Lavrov", "State Administration Council"}
    assert meeting.span.start == date(2022, 8, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sergei Lavrov held two meetings with the junta on Monday.",
        "The two previous meetings of Sergei Lavrov and the junta were on Monday.",
    ],
)
def test_a_number_on_the_action_noun_still_counts_actions(sentence):
    assert "meeting" not in kinds_of(events_of(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia and Myanmar held talks on Monday.", {"Russian government", "Myanmar"}),
        ("Russia and Myanmar signed an agreement on Monday.", {"Russian government", "Myanmar"}),
        (
            "Russia, Myanmar and the United States held talks on Monday.",
            {"Russian government", "Myanmar", "United States Department of State"},
        ),
    ],
)
def test_countries_coordinated_as_the_subject_each_act(sentence, expected):
    """Before this, "Russia and Myanmar held talks" gave only the last country's government (in the
    shipped directory, whose Myanmar has several governments, none: no event)."""
    expected = {"State Administration Council" if e == "Myanmar" else e for e in expected}
    (found,) = events_of(sentence)
    assert set(found.actors) | set(found.recipients) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials of Russia and Myanmar held talks on Monday.",
        "Russia and Myanmar's ministers held talks on Monday.",
    ],
)
def test_countries_after_a_preposition_or_with_a_possessive_are_not_coordinated_subjects(
    sentence,
):
    (found,) = events_of(sentence)
    assert len(found.actors + found.recipients) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States condemned the coup in Myanmar on Wednesday.",
        "The United States strongly denounced the military takeover in Myanmar on Wednesday.",
        "On Wednesday the United States criticised the coup in Myanmar.",
    ],
)
def test_an_event_a_reaction_is_about_is_not_dated_by_the_reaction(sentence):
    """Before this, "Japan condemned the coup in Myanmar on Wednesday" also proposed a coup on
    Wednesday: the object of a condemnation took the condemnation's day."""
    found = events_of(sentence)
    assert kinds_of(found) == ["condemnation"]
    assert found[0].span.start == date(2022, 8, 3)


def test_an_event_a_reaction_is_about_keeps_its_own_date_and_earlier_telling():
    found = events_of("The United States condemned the February 1 coup in Myanmar on Monday.")
    dated = {c.event_type: c.span.start for c in found}
    assert dated == {"condemnation": date(2022, 8, 1), "coup": date(2022, 2, 1)}
    text = (
        "The junta executed four activists on Saturday. "
        "The United States condemned the executions on Monday."
    )
    found = events_of(text)
    assert [(c.event_type, c.actors, c.span.start) for c in found] == [
        ("repression/execution", ("State Administration Council",), date(2022, 7, 30)),
        ("condemnation", ("United States Department of State",), date(2022, 8, 1)),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia and the United States condemned the executions on Monday.",
        "The United States condemned the executions of four activists on Monday.",
    ],
)
def test_who_reacts_to_an_event_did_not_do_it(sentence):
    found = events_of(sentence)
    assert not [c for c in found if c.event_type == "repression/execution"]
    (condemnation,) = found
    assert "United States Department of State" in condemnation.actors


def test_an_event_told_by_its_own_verb_beside_a_reaction_keeps_its_day():
    found = events_of("The junta executed four activists on Monday, drawing condemnation.")
    assert [(c.event_type, c.span.start) for c in found][:1] == [
        ("repression/execution", date(2022, 8, 1))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian-supplied jets bombed a village in Sagaing on Tuesday.",
        "Russian-made helicopters shelled a village in Sagaing on Tuesday.",
        "Russia-built fighter jets bombed a market in Sagaing on Tuesday.",
    ],
)
def test_the_maker_of_the_weapons_is_not_who_attacks(sentence):
    """Before this, "Russian-supplied jets bombed ..." made the supplier's government the
    attacker."""
    found = events_of(sentence)
    assert not [c for c in found if "Russian government" in c.actors]


def test_weapons_a_maker_supplied_are_used_by_who_the_sentence_names():
    found = events_of("Russian-supplied jets of the junta bombed a village on Tuesday.")
    assert [(c.event_type, c.actors) for c in found] == [
        ("armed clash", ("State Administration Council",))
    ]
    (found,) = events_of("Russian jets bombed a village in Sagaing on Tuesday.")
    assert found.actors == ("Russian government",)


@pytest.mark.parametrize(
    ("sentence", "government", "name"),
    [
        (
            "John Smith, the British ambassador, condemned the executions on Monday.",
            "British government",
            "John Smith",
        ),
        (
            "John Smith, Britain's ambassador to the UN, condemned the executions on Monday.",
            "British government",
            "John Smith",
        ),
        (
            "Anna Berg, the Swedish envoy, condemned the executions on Monday.",
            "Swedish government",
            "Anna Berg",
        ),
    ],
)
def test_a_diplomat_named_before_the_title_in_apposition(sentence, government, name):
    """Before this, "X, the British ambassador, condemned ..." proposed nothing (the unknown name as
    subject), while "British Ambassador X condemned ..." gives Britain's condemnation."""
    found = [c for c in events_of(sentence) if c.event_type == "condemnation"]
    assert [c.actors for c in found] == [(government,)]
    assert name in found[0].proposed_actors


@pytest.mark.parametrize(
    "sentence",
    [
        "John Smith, the British analyst, condemned the executions on Monday.",
        "John Smith, a British writer, condemned the executions on Monday.",
    ],
)
def test_a_name_with_another_title_in_apposition_is_no_envoy(sentence):
    assert not [c for c in events_of(sentence) if c.event_type == "condemnation"]


FAMILY_FIRST = parse_actors(
    DIRECTORY_CSV
    + "Zhou Mingde,person,China,\nPak Song Il,person,North Korea,\nLars Holm,person,Norway,\n"
)


@pytest.mark.parametrize(
    ("person", "alone"),
    [("Zhou Mingde", "Zhou"), ("Pak Song Il", "Pak"), ("Lars Holm", "Holm")],
)
def test_a_person_told_by_the_family_name_alone(person, alone):
    """SCMP (round 12) calls Wang Yi "Wang" after naming him: the surname rule took the
    last word ("Yi"), so "Wang is expected to chair ..." had no actor. Chinese and
    Korean names put the family name first."""
    text = f"{person} visited Myanmar on Sunday. {alone} met Wunna Maung Lwin on Monday."
    found = {c.event_type: c for c in events_of(text, directory=FAMILY_FIRST)}
    assert found["meeting"].actors == (person,)


@pytest.mark.parametrize(("person", "other"), [("Zhou Mingde", "Mingde"), ("Pak Song Il", "Il")])
def test_the_given_name_of_a_family_name_first_person_is_not_them(person, other):
    text = f"{person} visited Myanmar on Sunday. {other} met Wunna Maung Lwin on Monday."
    found = events_of(text, directory=FAMILY_FIRST)
    assert not [c for c in found if c.event_type == "meeting" and person in c.actors]


@pytest.mark.parametrize(
    "later",
    [
        "On the sidelines of the summit, Sergei Lavrov met Wunna Maung Lwin.",
        "At the summit, he held talks with Wunna Maung Lwin.",
        "Wunna Maung Lwin met Sergei Lavrov during the summit.",
    ],
)
def test_an_action_placed_at_a_summit_told_before_takes_its_day(later):
    """Business Recorder (round 13): "On the sidelines of the BIMSTEC summit, X had
    two-way meetings with ..." in a paragraph with no date words was left undated,
    though the summit was dated in the lead: "the summit" names the summit told (as
    "the visit" does a visit)."""
    text = f"Sergei Lavrov attended a summit in Bangkok on Friday.\n\n{later}"
    found = {c.event_type: c for c in events_of(text)}
    assert found["meeting"].span == DateSpan(date(2022, 7, 29), date(2022, 7, 29), "day")


def test_a_summit_with_date_words_of_its_own_is_another_summit():
    text = (
        "Sergei Lavrov attended a summit in Bangkok on Friday.\n\n"
        "Sergei Lavrov will attend the next summit in Hanoi in March."
    )
    found = events_of(text)
    assert [(c.event_type, c.span.start) for c in found] == [
        ("multilateral meeting", date(2022, 7, 29)),
        ("multilateral meeting", date(2023, 3, 1)),
    ]


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        (
            "On the sidelines of the Kremlin forum, Wunna Maung Lwin met Sergei Lavrov on Monday.",
            "meeting",
        ),
        ("At the invitation of the Kremlin, Wunna Maung Lwin visited Moscow on Monday.", "visit"),
        (
            "During the State Department's review, Wunna Maung Lwin visited Moscow on Monday.",
            "visit",
        ),
    ],
)
def test_names_of_an_opening_prepositional_phrase_do_not_act(sentence, event_type):
    """Business Recorder (round 13): "On the sidelines of the BIMSTEC summit, X had
    two-way meetings with ..." made the summit's organisation an actor of the meetings:
    the phrase sets the scene; the clause's own subject acts."""
    (found,) = [c for c in events_of(sentence) if c.event_type == event_type]
    assert found.actors == ("Wunna Maung Lwin",)


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        (
            "In Moscow, Sergei Lavrov and Wunna Maung Lwin signed an agreement on Monday.",
            ("Sergei Lavrov", "Wunna Maung Lwin"),
        ),
        (
            "On behalf of the Kremlin, a spokesman condemned the executions on Monday.",
            ("Russian government",),
        ),
    ],
)
def test_the_subject_after_an_opening_phrase_or_the_phrase_alone_acts(sentence, actors):
    (found,) = events_of(sentence)[:1]
    assert found.actors == actors


@pytest.mark.parametrize(
    "sentence",
    [
        "Sergei Lavrov held separate meetings with Min Aung Hlaing and Wunna Maung Lwin on Friday.",
        "Sergei Lavrov had two-way meetings with Min Aung Hlaing and Wunna Maung Lwin on Friday.",
        "On Friday Sergei Lavrov held bilateral meetings with Wunna Maung Lwin and Min Aung "
        "Hlaing.",
    ],
)
def test_meetings_in_the_plural_with_several_counterparts_are_one_each(sentence):
    """Business Recorder (round 13): "had two-way meetings with Thai premier X and Indian
    Prime Minister Y" was one meeting, with Y only."""
    shipped = load_directory(DEFAULT_ACTORS_PATH)
    found = [c for c in events_of(sentence, directory=shipped) if c.event_type == "meeting"]
    assert sorted(c.recipients for c in found) == [("Min Aung Hlaing",), ("Wunna Maung Lwin",)]


def test_a_counterpart_the_directory_lacks_has_a_meeting_of_its_own():
    sentence = (
        "Sergei Lavrov had two-way meetings with Zaw Htet Naing and Wunna Maung Lwin on Friday."
    )
    found = [c for c in events_of(sentence) if c.event_type == "meeting"]
    assert [(c.recipients, c.proposed_actors) for c in found] == [
        (("Wunna Maung Lwin",), ("Zaw Htet Naing",)),
        ((), ("Zaw Htet Naing",)),
    ]


def test_one_meeting_in_the_plural_with_one_counterpart_stays_one():
    found = events_of("Sergei Lavrov held meetings with Wunna Maung Lwin on Friday.")
    assert [c.recipients for c in found if c.event_type == "meeting"] == [("Wunna Maung Lwin",)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The junta announced a temporary ceasefire on Monday.",
        "The junta declared a truce on Monday until the end of the month.",
        "The junta extended its unilateral ceasefire on Monday.",
    ],
)
def test_a_declared_truce_is_an_announced_pledge(sentence):
    """Business Recorder (round 13): "the junta announced a temporary ceasefire on
    Wednesday" is the gold's agreement (an announced pledge, our vocabulary's); it was no
    event."""
    found = events_of(sentence)
    assert [(c.event_type, c.actors, c.span.start) for c in found] == [
        ("agreement", ("State Administration Council",), date(2022, 8, 1))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The junta announced a ceasefire on Monday in operations against armed groups.",
        "The junta declared a truce in its offensive against rebels on Monday.",
        "The junta announced a halt to air strikes on Monday.",
    ],
)
def test_fighting_a_truce_halts_is_no_fighting(sentence):
    """The same sentence gave an armed clash: "ceasefire ... in operations against
    armed opponents" names the fighting halted."""
    assert "armed clash" not in kinds_of(events_of(sentence))


def test_a_call_for_a_truce_is_no_pledge_and_fighting_stays_fighting():
    assert "agreement" not in kinds_of(events_of("The Kremlin called for a ceasefire on Monday."))
    assert kinds_of(events_of("The junta launched air strikes on Monday.")) == ["armed clash"]


# Session 23 (articles23b): classes behind rounds 15-16's misses and the unseen text.
SHIPPED = load_directory(DEFAULT_ACTORS_PATH)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sergei Lavrov made his first trip since the 2019 election.",
        "Marking his first trip there since the March 2019 coup, Sergei Lavrov arrived in Yangon.",
        "Sergei Lavrov arrived in Yangon, months after its 2019 annexation of a port.",
    ],
)
def test_date_words_between_a_determiner_and_another_noun_are_that_nouns(sentence):
    """Narinjara (round 16): "marking the junta chief's first China trip since the 2021
    coup" dated the trip 2021; the Daily Star's "its 2014 annexation of Crimea and its
    ongoing ... offensive" dated the offensive 2014. Date words between a determiner and
    a noun other than the action's own words qualify that noun, not the action."""
    found = [e for e in events_of(sentence, date(2030, 6, 5)) if e.event_type == "visit"]
    assert not [e for e in found if e.span.start.year == 2019]


def test_the_action_keeps_its_own_date_words_beside_another_nouns():
    sentence = "Sergei Lavrov arrived in Yangon on Monday, his first trip since the 2019 election."
    found = [e for e in events_of(sentence, date(2030, 6, 5)) if e.event_type == "visit"]
    assert [(e.span.start, e.date_text) for e in found] == [(date(2030, 6, 3), "on Monday")]


@pytest.mark.parametrize(
    "sentence, year",
    [
        # the action's own noun still takes them
        ("Sergei Lavrov paid a 2019 visit to Yangon.", 2019),
        ("Sergei Lavrov visited Yangon in a 2019 trip.", 2019),
        # date words on a noun of time are still a date (PressTV: "On that February day")
        ("The Tatmadaw seized power on that March 2019 day.", 2019),
        ("The Tatmadaw, which seized power in a 2019 coup, met no resistance.", 2019),
    ],
)
def test_date_words_on_the_actions_own_noun_still_date_it(sentence, year):
    found = events_of(sentence, date(2030, 6, 5))
    assert found and all(e.span.start.year == year for e in found)


@pytest.mark.parametrize(
    "sentence, host",
    [
        (
            "Sergei Lavrov praised the ties on Monday, during a visit by the Asian"
            " country's junta chief to Moscow.",
            "Russian government",
        ),
        (
            "Sergei Lavrov hailed the ties on Monday during a visit by Myanmar's junta"
            " chief to Moscow.",
            "Russian government",
        ),
        (
            "Sergei Lavrov spoke on Monday during the visit of the country's junta leader"
            " to Moscow.",
            "Russian government",
        ),
    ],
)
def test_a_visit_by_a_title_after_a_possessive_is_the_title_holders(sentence, host):
    """The Daily Star (5 March 2025, unseen text): "during a visit by the Asian
    country's junta chief to its key ally" made the subject of the main clause the
    visitor and the junta chief the host. After "a visit by/of", a possessive noun
    phrase's title names the visitor, as a name right after "by" does."""
    (visit,) = [
        e for e in events_of(sentence, date(2030, 6, 5), SHIPPED) if e.event_type == "visit"
    ]
    assert visit.actors == ("Min Aung Hlaing",)
    assert "Sergei Lavrov" not in visit.actors and host in visit.recipients


def test_a_visit_without_by_keeps_its_subject_as_visitor():
    (visit,) = events_of(
        "Sergei Lavrov visited Myanmar's junta chief on Monday.", date(2030, 6, 5), SHIPPED
    )
    assert visit.actors == ("Sergei Lavrov",)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan agreed by ASEAN leaders in April was meant to end the turmoil following"
        " a coup in February in Myanmar.",
        "The European Union met in March to discuss the turmoil since a coup in February"
        " in Myanmar.",
        "UN Security Council members spoke in March about a coup in February in Myanmar.",
    ],
)
def test_a_body_without_a_country_stages_no_coup(sentence):
    """The CNA (round 16): "a five-point plan agreed by ASEAN leaders in April to end
    turmoil following a coup in February" credited ASEAN with the coup. A body the
    directory gives no country (a bloc, the UN, rights groups) seizes no country's
    power: the coup is the armed forces' of the country it happens in."""
    coups = [e for e in events_of(sentence, date(2030, 6, 5), SHIPPED) if e.event_type == "coup"]
    assert [e.actors for e in coups] == [("Tatmadaw",)]
    assert coups[0].span.start == date(2030, 2, 1)


def test_a_national_army_still_stages_its_coup():
    found = events_of("The Tatmadaw seized power in February.", date(2030, 6, 5), SHIPPED)
    assert [e.actors for e in found if e.event_type == "coup"] == [("Tatmadaw",)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign ministers from ASEAN agreed on Friday that envoys would be invited to the"
        " summit next week, the ASEAN chair said.",
        "ASEAN leaders decided on Friday that the summit will be held next week, an ASEAN"
        " official said.",
    ],
)
def test_a_teller_who_is_also_the_subject_acts(sentence):
    """The CNA (round 16): "Foreign ministers from ASEAN agreed ... that a ...
    representative ... would be invited to the Oct 26 to Oct 28 summit, current ASEAN
    chair Brunei said": the summit lost its only actor, ASEAN, as a teller. A teller
    named after the action is no party of it, unless the action's clause names it as
    its subject before the action."""
    found = events_of(sentence, date(2030, 6, 5), SHIPPED)
    (summit,) = [e for e in found if e.event_type == "multilateral meeting"]
    assert summit.actors == ("Association of Southeast Asian Nations",)
    assert summit.status == "expected" and summit.span.start == date(2030, 6, 10)


def test_a_teller_told_only_after_the_action_is_still_no_party():
    found = events_of(
        "The summit will be held next week, an ASEAN official said.", date(2030, 6, 5), SHIPPED
    )
    assert not [e for e in found if "Association of Southeast Asian Nations" in e.actors]


@pytest.mark.parametrize(
    "sentence",
    [
        "The junta said on Saturday it was angry at being excluded from an upcoming summit"
        " of ASEAN.",
        "ASEAN said on Saturday that its forthcoming summit would exclude the junta.",
        "On Saturday ASEAN leaders prepared for the upcoming regional summit.",
    ],
)
def test_an_upcoming_action_is_not_dated_by_the_report(sentence):
    """The CNA (round 16): "the ... decision to exclude its leader ... from an upcoming
    summit", told in a sentence dated by the junta's statement ("said on Saturday"),
    was a summit held that Saturday. An upcoming action noun is expected, dated only by
    its own words."""
    found = events_of(sentence, date(2030, 6, 5), SHIPPED)
    assert not [e for e in found if e.event_type == "multilateral meeting"]


def test_an_upcoming_action_keeps_its_own_date_words():
    found = events_of(
        "ASEAN leaders will hold the upcoming June 12 summit in Jakarta.", date(2030, 6, 5), SHIPPED
    )
    summits = [e for e in found if e.event_type == "multilateral meeting"]
    assert [(e.span.start, e.status) for e in summits] == [(date(2030, 6, 12), "expected")]


@pytest.mark.parametrize(
    "text",
    [
        "Min Aung Hlaing's meeting was held in Yunnan, an analyst said.\n\nThe summit marks"
        " Min Aung Hlaing's first trip abroad since the 2019 coup.",
        "An analyst noted that Min Aung Hlaing's talks were held far from the capital.\n\n"
        "Min Aung Hlaing, who seized power in a 2019 coup, has rarely travelled.",
    ],
)
def test_a_coup_told_later_lends_no_date_to_an_undated_action(text):
    """Narinjara (round 16): paragraph 6's undated "Min Aung Hlaing's meeting" took 2021
    from paragraph 8's "since the 2021 coup" (:func:`_date_later`: the next dated action
    whose sentence shares a person). A one-off event told with its own date words is a
    point of reference: it lends no action of another type its date."""
    found = events_of(text, date(2030, 6, 5), SHIPPED)
    assert [e.event_type for e in found if e.span.start.year == 2019] == ["coup"]


def test_an_undated_lead_still_takes_a_later_actions_date():
    text = (
        "Min Aung Hlaing held talks with Sergei Lavrov, state media said.\n\n"
        "Min Aung Hlaing met Sergei Lavrov in Moscow on Monday."
    )
    (meeting,) = [
        e for e in events_of(text, date(2030, 6, 5), SHIPPED) if e.event_type == "meeting"
    ]
    assert meeting.span.start == date(2030, 6, 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "Min Aung Hlaing, who seized power in a coup in 2021, backed Moscow's war on Ukraine"
        " on Monday.",
        "The Tatmadaw seized power in Naypyitaw in 2021 and then bought arms in Moscow.",
        "Since the Tatmadaw seized power in 2021, Russia and China have sold it arms.",
    ],
)
def test_a_coup_is_its_own_countrys(sentence):
    """The Daily Star (5 March 2025, unseen text): "Min Aung Hlaing, who seized power in
    a 2021 coup, ... backed Moscow's ... offensive on Ukraine" gave the coup the
    countries Myanmar, Ukraine and Russia and the place Moscow. A coup is the country's
    whose power is seized (its actors' and recipients'): no other country or place of
    its sentence."""
    (coup,) = [e for e in events_of(sentence, date(2030, 6, 5), SHIPPED) if e.event_type == "coup"]
    assert coup.countries == ("Myanmar",)
    assert coup.location in ("", "Naypyitaw", "Naypyidaw")


@pytest.mark.parametrize(
    "second",
    [
        "Both face sanctions, Myanmar following the 2019 coup and Russia for its ongoing"
        " offensive on Ukraine.",
        "The ongoing offensive on Ukraine began long after the 2019 coup.",
    ],
)
def test_an_event_named_after_placing_words_with_its_year_lends_no_date(second):
    """The Daily Star (unseen text): "Myanmar following the 2021 coup and Russia after
    its 2014 annexation of Crimea and its ongoing ... offensive on Ukraine" dated the
    offensive by the coup the text told before. "after/following the coup" places an
    action against the coup (not on its day): so with the coup's year between the
    words ("following the 2021 coup")."""
    text = f"Min Aung Hlaing seized power in a 2019 coup.\n\n{second}"
    found = events_of(text, date(2030, 6, 5), SHIPPED)
    assert not [e for e in found if e.event_type == "armed clash"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tatmadaw was responsible for the deaths of 40 villagers on Monday.",
        "Rights groups said on Monday the Tatmadaw was responsible for the death of dozens of"
        " protesters.",
        "The Tatmadaw has been responsible for the deaths of more than 3,000 civilians since 2029.",
    ],
)
def test_responsibility_for_civilian_deaths_is_violence_against_civilians(sentence):
    """The ASEAN Daily (round 16): "the military junta has been responsible for the
    deaths of more than 3,900 civilians since the coup" proposed nothing (deaths were
    read only "at the hands of" someone). Being responsible for civilians' deaths is the
    subject's violence against them."""
    found = events_of(sentence, date(2030, 6, 5))
    assert [(e.event_type, e.actors) for e in found] == [
        ("violence against civilians", ("Tatmadaw",))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tatmadaw was responsible for the deaths of two soldiers on Monday.",
        "The Tatmadaw was not responsible for the deaths of 40 villagers on Monday.",
    ],
)
def test_responsibility_for_other_deaths_is_no_violence_against_civilians(sentence):
    assert not events_of(sentence, date(2030, 6, 5))


@pytest.mark.parametrize(
    "sentence",
    [
        'The junta said on Monday it was "deeply disappointed" with the Kremlin\'s decision.',
        "The junta said on Monday it was disappointed at the Kremlin's vote.",
        "On Monday the junta strongly objected to the Kremlin's proposal.",
        "The junta objected (to) the Kremlin's plan on Monday.",
    ],
)
def test_disappointment_with_anothers_act_is_a_condemnation(sentence):
    """The CNA (round 16): "Myanmar's junta said on Saturday (Oct 16) it was
    'extremely disappointed' with the ... (ASEAN) decision to exclude its leader", and
    its foreign ministry "strongly objected (to) the outcomes": a public disapproval of
    another's act (CAMEO 110-111), a condemnation in our vocabulary."""
    found = [e for e in events_of(sentence, date(2030, 6, 5)) if e.event_type == "condemnation"]
    assert [(e.actors, e.recipients, e.span.start) for e in found] == [
        (("State Administration Council",), ("Russian government",), date(2030, 6, 3))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The junta said on Monday that disappointed voters stayed home.",
        "Nobody in the Kremlin objected on Monday.",
        "The junta said on Monday it would object if asked.",
    ],
)
def test_disappointment_without_anothers_act_is_no_condemnation(sentence):
    found = events_of(sentence, date(2030, 6, 5))
    assert "condemnation" not in kinds_of(found)


@pytest.mark.parametrize(
    "opening",
    [
        "Sergei Lavrov is in Naypyitaw to see Wunna Maung Lwin.",
        "Sergei Lavrov flew in for a meeting with Wunna Maung Lwin.",
        "Wunna Maung Lwin welcomed Sergei Lavrov at the airport.",
    ],
)
def test_the_two_sides_before_any_event_are_the_two_named_just_before(opening):
    """Before this, "The two sides held talks on Monday" after a sentence naming two parties but
    telling no dated event proposed nothing: "the two sides" were only the parties of
    an event just told."""
    found = events_of(f"{opening} The two sides held talks on Monday.")
    (meeting,) = [c for c in found if c.event_type == "meeting" and c.span.start.day == 1]
    assert set(meeting.actors) == {"Sergei Lavrov", "Wunna Maung Lwin"}


@pytest.mark.parametrize(
    "opening",
    [
        "Sergei Lavrov, Wunna Maung Lwin and the junta are in Naypyitaw.",
        "Sergei Lavrov and the Kremlin are in Naypyitaw.",
        "",
    ],
)
def test_the_two_sides_stay_unresolved_when_the_text_is_ambiguous(opening):
    found = events_of(f"{opening} The two sides held talks on Monday.".strip())
    assert not [c for c in found if c.event_type == "meeting"]


@pytest.mark.parametrize(
    "sentence, month",
    [
        (
            "During Min Aung Hlaing's visit in March to Minsk, Sergei Lavrov pledged to"
            " support the junta's election.",
            3,
        ),
        (
            "During the junta chief's trip in June to Moscow, the Kremlin voiced support for"
            " the election.",
            6,
        ),
        (
            "During Sergei Lavrov's visit in May, Min Aung Hlaing expressed support for"
            " Russia's position.",
            5,
        ),
    ],
)
def test_an_action_during_a_dated_event_takes_its_date(sentence, month):
    """Taipei Times (round 15): "During Min Aung Hlaing's visit in March to Belarus,
    Lukashenko pledged to support the military-organized election": the visit owns "in
    March", and the pledge, with no date words of its own, took a later action's day
    ("yesterday"). An action told in the main clause after an opening "During <event>
    <date>," phrase happened then (`_date_of_during`)."""
    # a visit told before with another date: the event named again is not that one
    text = f"Alexander Lukashenko visited Naypyitaw yesterday.\n\n{sentence}"
    found = events_of(text, date(2030, 11, 29), SHIPPED)
    (support,) = [e for e in found if e.event_type == "statement of support"]
    assert (support.span.start, support.span.precision) == (date(2030, month, 1), "month")


def test_an_action_during_a_dated_event_keeps_its_own_date_words():
    found = events_of(
        "During Sergei Lavrov's visit in May, Min Aung Hlaing expressed support for Russia"
        " on Monday.",
        date(2030, 11, 29),
        SHIPPED,
    )
    (support,) = [e for e in found if e.event_type == "statement of support"]
    assert support.span.start == date(2030, 11, 25)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday the Tatmadaw executed the highest number of airstrikes in years.",
        "On Monday the Tatmadaw executed a plan to cut the roads.",
        "The Tatmadaw executed new attacks on villages on Monday.",
    ],
)
def test_executing_an_act_is_no_execution(sentence):
    """Save Myanmar (round 15): "the Myanmar military has executed the highest number of
    airstrikes in the past three months" proposed an execution. Executing an attack,
    a plan or an order is carrying it out, not putting people to death."""
    assert "repression/execution" not in kinds_of(events_of(sentence, date(2030, 6, 5)))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tatmadaw executed four activists on Monday.",
        "The Tatmadaw executed five prisoners over attacks on Monday.",
    ],
)
def test_executing_people_is_still_an_execution(sentence):
    assert "repression/execution" in kinds_of(events_of(sentence, date(2030, 6, 5)))


# Session 23 (articles23d): the texts still under the target (rounds 1-15).


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday the envoy called for an immediate halt to the supply of weapons to the junta.",
        "On Monday Amnesty urged an end to arms sales to the junta.",
        "On Monday the envoy called for a stop to the flow of jet fuel and weapons to the regime.",
        "On Monday the envoy pressed states for a ban on weapons transfers to the junta.",
    ],
)
def test_a_call_for_a_halt_to_arms_supplies_in_the_noun_form_is_an_embargo_call(sentence):
    """Save Myanmar (round 15): "called for an immediate halt to the supply of weapons,
    dual-use goods, aviation fuel ... to the junta" (paragraph 4) was missed: the verb
    forms ("halt the supply of weapons") were known, the noun forms ("a halt to",
    "an end to", "a ban on") were not."""
    assert "sanction/embargo call" in kinds_of(events_of(sentence, date(2030, 6, 5)))


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday the envoy called for an immediate halt to the violence against civilians.",
        "On Monday the envoy urged an end to the supply of food aid being blocked.",
    ],
)
def test_a_call_for_a_halt_to_other_things_is_no_embargo_call(sentence):
    assert "sanction/embargo call" not in kinds_of(events_of(sentence, date(2030, 6, 5)))


@pytest.mark.parametrize(
    "sentence",
    [
        "In September, the Tatmadaw opened fire at a school, killing at least 11 children.",
        "On Monday the Tatmadaw raided a village, killing more than 20 civilians.",
        "On Monday the Tatmadaw stormed a monastery, killing dozens of people.",
    ],
)
def test_a_toll_of_civilians_in_a_participle_is_violence_against_civilians(sentence):
    """The Washington Post (round 15): "..., killing at least 11 children" was no action:
    only "killed 11" (no quantifier, no participle) was known."""
    assert "violence against civilians" in kinds_of(events_of(sentence, date(2030, 11, 11)))


def test_a_toll_of_fighters_in_a_participle_is_no_violence_against_civilians():
    sentence = "On Monday the Tatmadaw opened fire at a rebel camp, killing at least 11 fighters."
    assert "violence against civilians" not in kinds_of(events_of(sentence, date(2030, 11, 11)))


@pytest.mark.parametrize(
    "aircraft", ["two military helicopters", "the military jets", "three military drones"]
)
def test_counted_military_aircraft_are_the_armed_forces_of_the_country_told(aircraft):
    """The Washington Post (round 15): "two military helicopters opened fire at a school"
    had no actor; aircraft told with an article or a count are the armed forces'."""
    text = f"The junta rules Myanmar. On Monday, {aircraft} fired at a school, killing 11 children."
    found = events_of(text, date(2030, 11, 11))
    assert [e.actors for e in found if e.event_type == "violence against civilians"] == [
        ("Tatmadaw",)
    ]


def test_aircraft_with_a_countrys_adjective_are_that_countrys():
    text = (
        "The junta rules Myanmar. On Monday, two Russian military helicopters fired at a "
        "school, killing 11 children."
    )
    found = events_of(text, date(2030, 11, 11))
    assert all("Tatmadaw" not in e.actors for e in found)


def test_a_makers_compound_tells_no_country_later_words_stand_for():
    """The Washington Post (round 15): after "Myanmar's military has deployed Russia-made
    jets across the country", "the country" and the next paragraph's "military" were
    Russia's: the maker's name was counted as a country told."""
    text = (
        "The junta rules Myanmar. Myanmar's army has deployed Russia-made jets across the "
        "country, killing dozens of people.\n\nOn Monday, the army fired at a school "
        "and killed 11 children."
    )
    directory = parse_actors(DIRECTORY_CSV + "Russian armed forces,military,Russia,\n")
    found = events_of(text, date(2030, 11, 11), directory)
    assert [e.actors for e in found if "Monday" in e.date_text] == [("Tatmadaw",)]


# Session 23 (articles23c): classes behind round 17's misses, on made-up sentences
# (made-up people, real countries).

TRANSLIT = parse_actors(
    "actor,kind,country,aliases\n"
    "Andrei Voinov,person,Russia,\n"
    "Laos Defence Forces,military,Laos,\n"
    "Russian government,government,Russia,\n"
)


def translit_visit(text: str):
    """The one visit extracted from ``text`` with the made-up directory above."""
    (visit,) = [
        c for c in extract_events(text, date(2031, 2, 20), TRANSLIT) if c.event_type == "visit"
    ]
    return visit


@pytest.mark.parametrize(
    "text",
    [
        # the round-17 Defense Post wording: "Sergey Shoygu" for "Sergei Shoigu"
        "During a visit to Laos in March 2030, Russian minister Andrey Voynov pledged "
        "to provide air defense systems.",
        "Andrei Voynov visited Vientiane on March 3, 2030.",
        "Russia's Andrey Voinov arrived in Laos on March 3, 2030 for a visit.",
    ],
)
def test_a_person_spelt_with_another_short_i_is_the_directory_person(text):
    assert translit_visit(text).actors == ("Andrei Voinov",)


def test_a_surname_spelt_with_another_short_i_is_the_person_named_before():
    text = (
        "Andrei Voinov is Russia's defence minister.\n\n"
        "The deal was signed during Voynov's visit to Laos in 2029."
    )
    visit = translit_visit(text)
    assert visit.actors == ("Andrei Voinov",)
    assert visit.span == DateSpan(date(2029, 1, 1), date(2029, 12, 31), "year")


def test_other_letters_than_a_short_i_spell_no_directory_person():
    # "Voinav" differs by a vowel, "Voiynov" is no variant of a short i: no one named
    for text in (
        "Andrei Voinav visited Vientiane on March 3, 2030.",
        "Andrei Voiynov visited Vientiane on March 3, 2030.",
    ):
        found = extract_events(text, date(2031, 2, 20), TRANSLIT)
        assert all("Andrei Voinov" not in c.actors for c in found)


@pytest.mark.parametrize(
    "text",
    [
        # the round-17 Defense Post wording: "pledged to provide air defense systems and
        # vehicles to the country"
        "Andrei Voinov pledged to provide air defense systems and vehicles to Laos on "
        "March 3, 2030.",
        "On March 3, 2030, Andrei Voinov provided drones and rockets to the Laos junta.",
        "Russia provided fighter jets to Laos in March 2030, Andrei Voinov said.",
    ],
)
def test_providing_weapons_told_before_the_recipient_is_an_arms_transfer(text):
    found = extract_events(text, date(2031, 2, 20), TRANSLIT)
    (transfer,) = [c for c in found if c.event_type == "arms transfer"]
    assert (transfer.span.start.year, transfer.span.start.month) == (2030, 3)


def test_providing_what_is_no_weapon_is_no_arms_transfer():
    for text in (
        "Andrei Voinov pledged to provide humanitarian aid to Laos on March 3, 2030.",
        "On March 3, 2030, Andrei Voinov provided vehicles and armed escorts to Laos.",
    ):
        found = extract_events(text, date(2031, 2, 20), TRANSLIT)
        assert [c.event_type for c in found if c.event_type == "arms transfer"] == []


# Session 24 (articles24): classes behind the misses of the texts still under the
# target, on made-up sentences (made-up people, real countries).

FRENCH = parse_actors(
    "actor,kind,country,aliases\n"
    "Andrei Voinov,person,Russia,\n"
    "Ivan Sushin,person,Russia,\n"
    "Somsak Sushin,person,Thailand,\n"
    "Laos Defence Forces,military,Laos,\n"
    "Russian government,government,Russia,\n"
)


def actors_of(text: str, event_type: str, directory=FRENCH) -> list[tuple[str, ...]]:
    """The actors of each ``event_type`` candidate extracted from ``text``."""
    found = extract_events(text, date(2031, 2, 20), directory)
    return [c.actors for c in found if c.event_type == event_type]


@pytest.mark.parametrize(
    "text, person",
    [
        # Le Monde (round 12, translated from French): "Alexandre Fomine" for the
        # directory's Alexander Fomin
        ("Ivan Souchine visited Vientiane on March 3, 2030.", "Ivan Sushin"),
        ("Russia's Andreï Voïnov arrived in Laos on March 3, 2030 for a visit.", "Andrei Voinov"),
    ],
)
def test_a_russian_name_in_french_transliteration_is_the_directory_person(text, person):
    assert actors_of(text, "visit") == [(person,)]


def test_a_surname_in_french_transliteration_is_the_person_named_before():
    text = (
        "Ivan Souchine is in Laos.\n\n"
        "Souchine visited the Laos Defence Forces' headquarters on March 4, 2030."
    )
    assert actors_of(text, "visit") == [("Ivan Sushin",)]


def test_french_transliteration_is_only_for_names_transliterated_from_cyrillic():
    # the same surname of a Thai person: French spells Thai names otherwise
    found = extract_events(
        "Somsak Souchine visited Vientiane on March 3, 2030.", date(2031, 2, 20), FRENCH
    )
    assert all("Somsak Sushin" not in c.actors for c in found)


def coups_of(text: str, published: date = date(2030, 7, 3)) -> list[DateSpan]:
    return [c.span for c in events_of(text, published) if c.event_type == "coup"]


FEBRUARY_2029 = DateSpan(date(2029, 2, 1), date(2029, 2, 28), "month")


@pytest.mark.parametrize(
    "text",
    [
        # South Asia Journal (round 17): "since the putsch that ousted Aung San Suu Kyi's
        # government in February 2021" proposed no coup
        "Myanmar has been riven by violence since the putsch that ousted Daw Khin Mya "
        "Thida's government in February 2029.",
        "The Tatmadaw staged a putsch in February 2029.",
        "Protests have not stopped since the Tatmadaw's putsch of February 2029.",
    ],
)
def test_a_putsch_is_a_coup(text):
    assert coups_of(text) == [FEBRUARY_2029]


def test_an_anti_putsch_protest_is_no_coup():
    text = "Anti-putsch protesters marched in Yangon in February 2029."
    assert coups_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # SCMP (round 12): "since last year's coup" (paragraph 1), then "the military
        # rulers, which overthrew the elected government ... last February" in a July
        # 2022 report: February 2021, not the latest February before publication
        "The envoy is the first to visit Myanmar since last year's coup.\n\n"
        "The Tatmadaw overthrew the elected government last February.",
        "The envoy is the first to visit Myanmar since the 2029 coup.\n\n"
        "The Tatmadaw seized power in February, the envoy said.",
        "The Tatmadaw overthrew the elected government in February.\n\n"
        "The envoy is the first to visit Myanmar since the Tatmadaw's 2029 coup.",
    ],
)
def test_a_one_off_events_month_without_a_year_is_in_the_year_it_is_told_in(text):
    assert coups_of(text) == [FEBRUARY_2029]


def test_a_month_without_a_year_is_the_latest_when_no_telling_gives_the_year():
    text = "The Tatmadaw overthrew the elected government last February."
    assert coups_of(text) == [DateSpan(date(2030, 2, 1), date(2030, 2, 28), "month")]


def transfers_of(text: str, published: date = date(2030, 7, 13)) -> list[DateSpan]:
    found = extract_events(text, published, FRENCH)
    return [c.span for c in found if c.event_type == "arms transfer"]


MARCH_2030 = DateSpan(date(2030, 3, 1), date(2030, 3, 31), "month")


@pytest.mark.parametrize(
    "text",
    [
        # The Defense Post (round 17): "The Russian government delivered two of six
        # Su-30 fighter jets ordered by Myanmar" was no action
        "The Russian government delivered two of six Yak-130 fighter jets to Laos in March.",
        "Russia sold three MiG-29 jets to the Laos Defence Forces in March.",
        "In March, Russia delivered four Mi-17 helicopters to Laos.",
    ],
)
def test_weapons_delivered_after_a_count_and_a_model_are_an_arms_transfer(text):
    assert transfers_of(text) == [MARCH_2030]


def test_something_delivered_by_aircraft_is_no_arms_transfer():
    assert transfers_of("In March, Russia delivered food aid by aircraft to Laos.") == []


@pytest.mark.parametrize(
    "text",
    [
        # The Defense Post: "... Su-30 fighter jets ordered by Myanmar. The shipment was
        # completed last March but was only disclosed recently"
        "Russia delivered six fighter jets to Laos. The shipment was completed last March.",
        "Russia delivered six fighter jets to Laos.\n\nThe first delivery arrived in March.",
        "Russia sold drones to Laos, the ministry said. The consignment reached Vientiane "
        "in March.",
    ],
)
def test_a_shipment_named_back_with_date_words_dates_the_transfer(text):
    assert transfers_of(text) == [MARCH_2030]


def test_a_visit_named_back_dates_no_transfer():
    text = "Russia delivered six fighter jets to Laos. The visit was completed last March."
    assert transfers_of(text) == []


FRIDAY = date(2030, 3, 8)


def days_of(sentence: str) -> dict[str, list[date]]:
    """The first days of the events extracted from ``sentence`` (of Tuesday 12 March
    2030), by event type."""
    days: dict[str, list[date]] = {}
    for c in events_of(sentence, date(2030, 3, 12)):
        days.setdefault(c.event_type, []).append(c.span.start)
    return days


@pytest.mark.parametrize(
    "sentence",
    [
        # TASS/UMM (round 14): the headline "Kremlin concerned about events in Myanmar"
        # and the quote "we are concerned about the ... civilian casualties" were no
        # condemnation ("voiced concern" was)
        "The Kremlin is deeply concerned about the arrests of protesters, a spokesman said "
        "on Friday.",
        "On Friday the State Department said it was gravely concerned over the arrests.",
        "The Kremlin was concerned by the civilian deaths, its spokesman told reporters on Friday.",
    ],
)
def test_concern_told_as_a_state_is_a_condemnation(sentence):
    assert days_of(sentence)["condemnation"] == [FRIDAY]


@pytest.mark.parametrize(
    "sentence",
    [
        # WION (round 26): 'Last week, Beijing voiced "strong dissatisfaction" over ...
        # casualties' was no condemnation ("voiced concern" was): disapproval told by its
        # other nouns, the quoted word too
        'On Friday the Kremlin voiced "strong dissatisfaction" over the civilian deaths.',
        "The Kremlin expressed its displeasure at the arrests of protesters on Friday.",
        "On Friday the State Department expressed deep dismay over the arrests.",
        "The Kremlin on Friday voiced strong disapproval of the civilian deaths.",
    ],
)
def test_disapproval_voiced_by_other_nouns_is_a_condemnation(sentence):
    assert days_of(sentence)["condemnation"] == [FRIDAY]


def test_dissatisfaction_not_voiced_makes_no_condemnation():
    # a state of mind told of others, voiced by no one: no speech act
    sentence = "On Friday the Kremlin met in Moscow amid growing dissatisfaction over prices."
    assert "condemnation" not in kinds_of(events_of(sentence, date(2030, 3, 12)))


def test_the_parties_concerned_make_no_condemnation():
    sentence = "On Friday the Kremlin and the parties concerned met in Moscow."
    assert "condemnation" not in kinds_of(events_of(sentence, date(2030, 3, 12)))


def spans_by_kind(text: str) -> dict[str, list[DateSpan]]:
    found = extract_events(text, date(2031, 2, 20), FRENCH)
    kinds: dict[str, list[DateSpan]] = {}
    for c in found:
        kinds.setdefault(c.event_type, []).append(c.span)
    return kinds


@pytest.mark.parametrize(
    "text",
    [
        # Crikey (round 13): "Last year Aung Hlaing visited Russia at least twice, meeting
        # Alexey Likhachev, director general of ... Rosatom": the meeting was left out
        "In March 2030 Andrei Voinov visited Laos, meeting the Laos Defence Forces.",
        "Andrei Voinov visited Laos twice in March 2030, meeting the Laos Defence Forces.",
        "Last March Andrei Voinov toured Laos at least twice, meeting the Laos Defence Forces.",
    ],
)
def test_an_act_in_a_comma_participle_takes_the_main_acts_date(text):
    (talks,) = spans_by_kind(text)["military cooperation"]
    assert talks == MARCH_2030


def test_a_comma_participle_with_date_words_of_its_own_keeps_them():
    text = "Andrei Voinov visited Laos in March 2030, meeting the Laos Defence Forces in May 2030."
    (talks,) = spans_by_kind(text)["military cooperation"]
    assert talks == DateSpan(date(2030, 5, 1), date(2030, 5, 31), "month")


def test_a_repeated_act_before_the_action_words_is_still_no_event():
    text = "Andrei Voinov twice met the Laos Defence Forces in March 2030."
    assert "military cooperation" not in spans_by_kind(text)


@pytest.mark.parametrize(
    "described", ["the Russian general", "the Russian soldier", "the Russian official"]
)
def test_a_person_described_by_country_and_rank_is_the_person_of_that_country_told_last(
    described,
):
    # Le Monde (round 12): "The following day, the Russian soldier attended the military
    # parade" -- Fomin, named in the sentences before, not the Russian government
    text = (
        "Andrei Voinov visited Vientiane on March 3, 2030 and met Somsak Sushin. "
        f"The following day, {described} attended the military parade."
    )
    assert actors_of(text, "military cooperation") == [("Andrei Voinov",)]


def test_a_person_described_of_a_country_no_person_of_is_told_is_no_one_told():
    text = (
        "Andrei Voinov visited Vientiane on March 3, 2030. "
        "The following day, the Chinese general attended the military parade."
    )
    assert ("Andrei Voinov",) not in actors_of(text, "military cooperation")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kremlin condemned the executions, a spokesman said on Friday.",
        "The Kremlin condemned the killings of protesters, Sergei Lavrov said on Friday.",
        "The State Department denounced the coup, its spokesman said on Friday.",
    ],
)
def test_a_reaction_to_an_event_told_is_dated_by_its_closing_report(sentence):
    # the report's date words were the event's the reaction is about (the nearest
    # action), which keeps only its own: the reaction was left undated, and out
    days = days_of(sentence)
    assert days.pop("condemnation") == [FRIDAY]
    assert all(FRIDAY not in told for told in days.values())


@pytest.mark.parametrize(
    "topic, kind",
    [
        # Al Arabiya (round 6): "had met with Min Aung Hlaing and discussed the 'fight
        # against terrorism'" became an armed clash once dated by its closing report
        ("discussed the \u201cfight against terrorism\u201d", "armed clash"),
        ("discussed sanctions against the junta", "sanction"),
        ("discussed the coup in Laos", "coup"),
    ],
)
def test_what_was_discussed_is_a_topic_no_event(topic, kind):
    text = f"Andrei Voinov met Somsak Sushin and {topic}, a spokesman said on March 3, 2030."
    kinds = spans_by_kind(text)
    assert kind not in kinds
    assert kinds["meeting"] == [DateSpan(date(2030, 3, 3), date(2030, 3, 3), "day")]


BODIES = parse_actors(
    DIRECTORY_CSV
    + "United Nations Security Council,organisation,,Security Council\n"
    + "Association of Southeast Asian Nations,organisation,,ASEAN\n"
)


@pytest.mark.parametrize(
    "named_back",
    [
        # Save Myanmar (round 15): "The meeting, held on November 20, 2024, included the
        # UN Secretary-General's Special Envoy ..., the ASEAN Special Envoy ..." was a
        # second meeting, of no actor, with ASEAN
        "The meeting, held on March 11, 2030, included the ASEAN envoy.",
        "The closed-door meeting on March 11, 2030 also heard ASEAN's envoy.",
        "On March 11, 2030, the meeting included an ASEAN delegate.",
    ],
)
def test_an_actorless_telling_naming_an_event_back_is_that_event(named_back):
    text = f"The Security Council held a meeting on Laos on Monday. {named_back}"
    found = events_of(text, date(2030, 3, 12), BODIES)
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert meeting.actors == ("United Nations Security Council",)


def test_a_meeting_of_its_own_on_the_same_day_is_another_meeting():
    text = (
        "The Security Council held a meeting on Laos on Monday. ASEAN held a meeting on "
        "March 11, 2030."
    )
    found = events_of(text, date(2030, 3, 12), BODIES)
    assert len([c for c in found if c.event_type == "meeting"]) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        # the lead's wording (session 23 left it): "shelled ..., killing 11 civilians"
        # stayed an armed clash; The Mirror Asia (round 17): "as airstrikes were
        # slaughtering civilians in impoverished villages"
        "On Monday the Tatmadaw shelled a village, killing 11 civilians.",
        "The Tatmadaw bombed the school on Monday, killing at least 20 children.",
        "On Monday, airstrikes by the Tatmadaw were slaughtering civilians in villages.",
    ],
)
def test_an_attack_told_with_a_toll_of_civilians_is_violence_against_civilians(sentence):
    found = events_of(sentence, date(2030, 11, 11))
    assert [(c.event_type, c.actors) for c in found] == [
        ("violence against civilians", ("Tatmadaw",))
    ]


def test_an_attack_told_with_a_toll_of_fighters_stays_an_armed_clash():
    found = events_of("On Monday the Tatmadaw shelled a rebel camp, killing 11 fighters.")
    assert kinds_of(found) == ["armed clash"]


RANKS = parse_actors(
    "actor,kind,country,aliases\n"
    "Somphone Keo Sing,person,Laos,Major General Somphone Keo Sing\n"
    "Than Hla Win,person,Laos,U Than Hla Win\n"
    "Ivan Petrovich Sidorov,person,Russia,\n"
    "Vietnam government,government,Vietnam,\n"
)


@pytest.mark.parametrize(
    "text",
    [
        # The Mirror Asia (round 17): India's "Major General Charanjeet Singh Dewgun" was
        # the directory's Zaw Min Tun (alias "Major General Zaw Min Tun"), and then
        # "Tun Aung" his surname; Narinjara (round 16): "U Than Soe Naing" was Than Swe
        "On March 3, 2030, Major General Bounmy Vang visited Hanoi.",
        "On March 3, 2030, U Than Soe Naing visited Hanoi.",
    ],
)
def test_a_rank_or_honorific_of_a_directory_alias_names_no_one(text):
    found = extract_events(text, date(2031, 2, 20), RANKS)
    assert all(set(c.actors) <= {"Vietnam government"} for c in found)


def test_given_name_and_patronymic_still_name_the_person():
    text = "On March 3, 2030, Ivan Petrovich visited Hanoi."
    (visit,) = [
        c for c in extract_events(text, date(2031, 2, 20), RANKS) if c.event_type == "visit"
    ]
    assert visit.actors == ("Ivan Petrovich Sidorov",)


# Session 24: round 18's misses (articles24b)

SANCTIONERS = parse_actors(
    DIRECTORY_CSV + "European Union,organisation,,EU\nArakan Army,military,Myanmar,\n"
)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # AP (round 18): "EU targets 19 more Myanmar officials with sanctions" was an
        # armed clash by the EU (the lexicon's verb of attack)
        ("On Monday the EU targeted 19 more junta officials with sanctions.", "sanction"),
        ("The State Department on Monday hit the Tatmadaw with fresh sanctions.", "sanction"),
        ("On Monday the EU slapped the junta's leaders with new financial sanctions.", "sanction"),
        # weapons as the means: still an armed clash
        ("On Monday the Tatmadaw targeted Arakan Army positions with artillery.", "armed clash"),
        ("On Monday the Tatmadaw hit Arakan Army bases with airstrikes.", "armed clash"),
    ],
)
def test_a_verb_of_attack_with_sanctions_as_its_means_is_a_sanction(sentence, kind):
    found = extract_events(sentence, date(2030, 11, 15), SANCTIONERS)
    assert kinds_of(found) == [kind]


@pytest.mark.parametrize(
    "lead",
    [
        # AP (round 18): the lead's sanction (and so the headline's) was lost: the parse
        # made the dateline's city the subject, a proper name no actor accounts for
        (
            "BRUSSELS (AP) \u2014 The European Union on Tuesday imposed sanctions on two "
            "ministers in Myanmar.",
            "sanction",
            ("European Union",),
        ),
        (
            "MOSCOW (AP) \u2014 Sergei Lavrov on Tuesday met Wunna Maung Lwin.",
            "meeting",
            ("Sergei Lavrov",),
        ),
        (
            "NAYPYITAW (AFP) \u2013 Sergei Lavrov on Tuesday met Wunna Maung Lwin.",
            "meeting",
            ("Sergei Lavrov",),
        ),
    ],
)
def test_a_dateline_names_no_one_who_acts(lead):
    text, kind, actors = lead
    found = extract_events(text, date(2030, 11, 15), SANCTIONERS)
    assert [(c.event_type, c.actors, c.span.start) for c in found] == [
        (kind, actors, date(2030, 11, 12))
    ]


def test_a_headline_without_date_words_is_dated_as_the_lead_tells_its_action():
    # AP (round 18): the headline's sanction took the lead's last date words ("a
    # takeover last year"), not the day the lead gives the sanction
    text = (
        "EU targets more junta officials with sanctions\n\n"
        "BRUSSELS (AP) \u2014 The European Union on Tuesday imposed sanctions on two "
        "ministers in Myanmar, where the Tatmadaw seized power last year."
    )
    found = extract_events(text, date(2030, 11, 15), SANCTIONERS)
    sanctions = [c for c in found if c.event_type == "sanction"]
    assert [(c.span.start, c.span.precision) for c in sanctions] == [(date(2030, 11, 12), "day")]


@pytest.mark.parametrize(
    "sentence",
    [
        # AP (round 18): "a military takeover last year set off violence that ..." was
        # an expected coup ("set" read as "is set to")
        "The coup by the Tatmadaw in 2029 set off a civil war that threatens the region.",
        "Last year's coup by the Tatmadaw set off a wave of strikes.",
        "A coup by the Tatmadaw in 2029 set off protests.",
    ],
)
def test_set_off_is_no_future(sentence):
    found = extract_events(sentence, date(2030, 11, 15), SANCTIONERS)
    assert [(c.event_type, c.status) for c in found] == [("coup", "reported")]


def test_set_to_is_still_future():
    found = events_of("Sergei Lavrov is set to meet Wunna Maung Lwin on Monday.", date(2030, 11, 8))
    assert [(c.event_type, c.status) for c in found] == [("meeting", "expected")]


@pytest.mark.parametrize(
    ("second", "words"),
    [
        # the lead's made-up article on the Add events page: "The day before, Lavrov met
        # Wunna Maung Lwin" gave no candidate (or the day told before)
        ("The day before, Lavrov met Wunna Maung Lwin.", "The day before"),
        ("Lavrov had met Wunna Maung Lwin in Moscow the previous day.", "the previous day"),
        ("A day earlier, Lavrov met Wunna Maung Lwin.", "A day earlier"),
    ],
)
def test_the_day_before_is_the_day_before_the_last_day_told(second, words):
    text = f"On Monday, Sergei Lavrov arrived in Naypyidaw. {second}"
    found = events_of(text, date(2030, 11, 15))
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert (meeting.span.start, meeting.date_text) == (date(2030, 11, 10), words)


def test_the_day_before_something_told_is_not_the_day_before_the_last_day():
    text = (
        "On Monday, Sergei Lavrov arrived in Naypyidaw. "
        "The day before the talks, Lavrov met Wunna Maung Lwin."
    )
    found = events_of(text, date(2030, 11, 15))
    assert all(c.span.start != date(2030, 11, 10) for c in found)


@pytest.mark.parametrize(
    "text",
    [
        # The Online Citizen (round 18): "Don confirmed the trip to reporters on the
        # sidelines of the ... meeting held in Jakarta on Wednesday" dated the trip (and,
        # as an anaphor, the lead's undated visit) by the day it was confirmed
        "Sergei Lavrov visited Naypyidaw. Lavrov confirmed the trip to reporters on Wednesday.",
        "Sergei Lavrov visited Naypyidaw. On Wednesday Lavrov denied the visit.",
        "Sergei Lavrov visited Naypyidaw. On Wednesday, Lavrov acknowledged the trip.",
    ],
)
def test_the_day_a_report_tells_of_an_event_is_not_the_events_day(text):
    found = events_of(text, date(2030, 11, 15))
    assert all(c.span.start != date(2030, 11, 13) for c in found if c.event_type == "visit")


def test_an_event_reported_back_keeps_its_own_day():
    text = "On Monday, Sergei Lavrov visited Naypyidaw. Lavrov confirmed the trip on Wednesday."
    found = events_of(text, date(2030, 11, 15))
    assert [(c.event_type, c.span.start) for c in found] == [("visit", date(2030, 11, 11))]


def test_an_event_named_back_with_its_day_is_still_dated_by_it():
    text = "Sergei Lavrov visited Naypyidaw. The trip took place on Monday."
    found = events_of(text, date(2030, 11, 15))
    assert [(c.event_type, c.span.start) for c in found] == [("visit", date(2030, 11, 11))]


THAI = parse_actors(DIRECTORY_CSV + "Somchai Wongsawat,person,Thailand,\n")


@pytest.mark.parametrize(
    "second",
    [
        # The Online Citizen (round 18): "Don is known to have visited Naypyidaw
        # previously in April" (Thai people are told by their given name alone)
        "Somchai visited Naypyidaw in April.",
        "Somchai is known to have visited Naypyidaw previously in April.",
        "In April, Somchai travelled to Naypyidaw.",
    ],
)
def test_a_thai_person_is_told_by_the_given_name(second):
    text = (
        f"Thailand's foreign minister, Somchai Wongsawat, met Wunna Maung Lwin on Monday. {second}"
    )
    found = extract_events(text, date(2030, 11, 15), THAI)
    (visit,) = [c for c in found if c.event_type == "visit"]
    assert visit.actors == ("Somchai Wongsawat",)


def test_a_russian_given_name_alone_names_no_one():
    text = "Sergei Lavrov met Wunna Maung Lwin on Monday. Sergei visited Naypyidaw in April."
    found = extract_events(text, date(2030, 11, 15), THAI)
    assert all(c.actors != ("Sergei Lavrov",) for c in found if c.event_type == "visit")


@pytest.mark.parametrize(
    "sentence",
    [
        # bdnews24 (round 18): "the bloodiest day of its crackdown on protesters since
        # last month's military coup" (the coup told there, with its date words)
        "It was the deadliest day of the Tatmadaw's crackdown since the February 1 coup.",
        "The Tatmadaw's crackdown on protesters since last month's coup has killed 400 people.",
        "Protests against the Tatmadaw have grown since last month's coup.",
    ],
)
def test_a_course_since_a_coup_told_with_its_date_words_runs_from_them(sentence):
    found = events_of(sentence, date(2021, 3, 28))
    (course,) = [c for c in found if c.event_type != "coup"]
    assert (course.span.start, course.span.end) == (date(2021, 2, 1), date(2021, 3, 31))


def test_a_toll_before_a_crackdown_since_a_coup_keeps_its_day():
    sentence = (
        "Soldiers killed 114 people on Saturday, the bloodiest day of the Tatmadaw's "
        "crackdown since last month's coup."
    )
    found = events_of(sentence, date(2021, 3, 28))
    killings = [c for c in found if c.trigger.startswith("killed")]
    assert [c.span.start for c in killings] == [date(2021, 3, 27)]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # bdnews24 (round 18): "killed 114 people on Saturday ... - the bloodiest day of its
        # crackdown on pro-democracy protesters since last month's military coup"
        (
            "Soldiers killed 20 people on Monday, the deadliest day of the Tatmadaw's "
            "crackdown on protesters since the February 1 coup.",
            date(2021, 3, 22),
        ),
        (
            "The Tatmadaw killed 9 people on Saturday, the worst day of its crackdown since "
            "last month's coup.",
            date(2021, 3, 27),
        ),
    ],
)
def test_a_course_told_since_a_coup_beside_a_toll_is_an_action_of_its_own(sentence, day):
    found = events_of(sentence, date(2021, 3, 28))
    violence = [c for c in found if c.event_type == "violence against civilians"]
    assert sorted((c.span.start, c.span.precision) for c in violence) == [
        (date(2021, 2, 1), "month"),
        (day, "day"),
    ]


def test_a_toll_in_a_crackdown_is_one_action():
    found = events_of("Soldiers killed 20 people on Monday in the Tatmadaw's crackdown.")
    assert kinds_of(found) == ["violence against civilians"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council on Wednesday urged the junta to free all detainees, including ousted "
        "leader Kyaw Lin.",
        "Myanmar's ousted president appealed for help on Monday.",
        "Ousted leader Kyaw Lin was moved by the junta to a prison on Monday.",
        "The junta on Monday spoke with ousted prime minister Kyaw Lin.",
        "The junta on Monday moved its ousted leader Kyaw Lin to a prison.",
        "The envoy asked the junta on Monday about its toppled government.",
    ],
)  # fmt: skip
def test_an_ousting_told_as_the_title_of_the_one_ousted_is_no_coup(sentence):
    # East Coast Daily, round 19: "including ousted leader Aung San Suu Kyi" (SOURCES.md)
    assert "coup" not in {c.event_type for c in fuller(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Myanmar's military ousted the elected government on Monday.",
        "Myanmar's army ousted leader Kyaw Lin on Monday.",
        "On Monday the junta toppled the president.",
    ],
)  # fmt: skip
def test_an_ousting_told_by_its_subject_is_a_coup(sentence):
    assert "coup" in {c.event_type for c in fuller(sentence)}


@pytest.mark.parametrize(
    "told",
    [
        "This marks Sergei Lavrov's first trip to Myanmar since the coup.",
        "It is Sergei Lavrov's first visit to Myanmar since the junta's coup.",
        "Sergei Lavrov made his first trip to Myanmar since launching the coup.",
    ],
)  # fmt: skip
def test_an_event_named_after_since_does_not_date_the_action(told):
    # A News, round 19: "first official trip to China since leading the February 2021
    # coup" (SOURCES.md) dated the trip by the coup
    text = "The junta seized power in a coup last year.\n\n" + told
    assert [c.event_type for c in fuller(text)] == ["coup"]


def test_an_event_named_again_without_since_still_dates_the_action():
    text = (
        "The junta seized power in a coup last year.\n\n"
        "Sergei Lavrov visited Myanmar during the coup."
    )
    visits = [c for c in fuller(text) if c.event_type == "visit"]
    assert [v.date_text for v in visits] == ["last year"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In order to call for an end to the violence, the Security Council adopted its first "
        "resolution on Laos on Monday.",
        "To urge the junta to free all prisoners, the Security Council passed a resolution on "
        "Laos on Monday.",
        "Demanding an end to the killings, the Security Council adopted a resolution on Monday.",
        "The Security Council adopted a resolution on Monday urging the junta to release its "
        "prisoners.",
    ],
)  # fmt: skip
def test_a_resolution_told_with_its_demand_before_or_after_is_a_condemnation(sentence):
    # East Coast Daily, round 19: "In order to call for an end to the violence ..., the
    # U.N. Security Council adopted its first resolution on Myanmar" (SOURCES.md)
    found = extract_events(sentence, date(2031, 2, 20), ROUND6)  # a Thursday
    (candidate,) = [c for c in found if c.event_type == "condemnation"]
    assert candidate.span.start == date(2031, 2, 17) and candidate.actors


@pytest.mark.parametrize(
    "sentence",
    [
        "After protesters called for an end to the violence, the Security Council adopted a "
        "resolution on the budget on Monday.",
        "The Security Council adopted its first resolution on Laos on Monday.",
        "To call for talks, the Security Council adopted a resolution on Monday.",
    ],
)  # fmt: skip
def test_a_resolution_without_its_own_demand_is_no_condemnation(sentence):
    found = extract_events(sentence, date(2031, 2, 20), ROUND6)
    assert "condemnation" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "In order to call for an end to the violence and to urge the junta to free all "
        "prisoners, including ousted leader Aline Vong, the Security Council adopted its "
        "first resolution on Laos on Monday.",
        "To urge the junta to free all prisoners, the Security Council passed a resolution on "
        "Laos on Monday.",
    ],
)  # fmt: skip
def test_the_names_of_an_opening_clause_of_purpose_are_no_actors(sentence):
    # East Coast Daily, round 19: the opening's "ousted leader Aung San Suu Kyi" was an
    # actor of the Security Council's resolution
    found = extract_events(sentence, date(2031, 2, 20), ROUND6)
    (candidate,) = [c for c in found if c.event_type == "condemnation"]
    assert candidate.actors == ("United Nations Security Council",)


@pytest.mark.parametrize(
    "sentence",
    [
        "Leaders from Laos, Cambodia and Vietnam attended the summit on Monday.",
        "Representatives from Laos, Cambodia and Vietnam attended the conference on Monday.",
        "The summit brought together leaders from Laos, Cambodia and Vietnam on Monday to "
        "discuss trade.",
        "On Monday the forum gathered leaders from Laos, Cambodia, and Vietnam to hold talks "
        "on trade.",
    ],
)  # fmt: skip
def test_a_gathering_of_participants_from_a_list_of_countries_is_theirs_all(sentence):
    # A News, round 19: "brought together leaders from A, B, C, D, and E to discuss"
    # (SOURCES.md) gave a meeting of the last country's government alone
    found = extract_events(sentence, date(2031, 2, 20), ROUND6)
    assert "meeting" not in {c.event_type for c in found}
    (summit,) = [c for c in found if c.event_type == "multilateral meeting"]
    parties = set(summit.actors + summit.recipients)
    assert {"Laos junta", "Cambodian government", "Vietnam government"} <= parties


@pytest.mark.parametrize(
    "sentence",
    [
        "The Laos foreign minister travelled to Hanoi on Monday to discuss trade with Vietnam.",
        "After leaders gathered in Hanoi, Laos agreed to discuss trade with Vietnam on Monday.",
    ],
)  # fmt: skip
def test_talks_that_are_no_gatherings_purpose_are_still_a_meeting(sentence):
    found = extract_events(sentence, date(2031, 2, 20), ROUND6)
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert meeting.recipients == ("Vietnam government",)


# Session 25 (articles25b): round 20's misses.
@pytest.mark.parametrize(
    "sentence",
    [
        "Since the army dissolved the parliament on March 3rd, 2019, Sergei Lavrov is only "
        "the second minister to visit Yangon.",
        "Since the new constitution took effect in March 2019, Sergei Lavrov is the first "
        "foreign minister who came to visit Yangon.",
        "Since Myanmar's army changed the government on 3 March 2019, Sergei Lavrov is the "
        "only foreign minister to travel to Yangon.",
    ],
)  # fmt: skip
def test_date_words_of_an_opening_since_clause_date_no_act_of_the_main_clause(sentence):
    # 234Radio, round 20: "Since Myanmar's military [deposed] the ... government on
    # February 1st, 2021, Lukashenko is only the second foreign leader to visit" gave a
    # visit dated the coup's day (SOURCES.md); the clause tells when a count begins
    found = [c for c in events_of(sentence, date(2030, 6, 5)) if c.event_type == "visit"]
    assert not [c for c in found if c.span.start.year == 2019]


@pytest.mark.parametrize(
    "sentence, day",
    [
        # the act inside the clause keeps its date words
        ("Since the Tatmadaw seized power on March 3rd, 2019, Sergei Lavrov has visited "
         "Yangon twice.", date(2019, 3, 3)),
        # a clause that is no "since" clause still lends its date to the main act
        ("On March 3rd, 2019, Sergei Lavrov visited Yangon.", date(2019, 3, 3)),
    ],
)  # fmt: skip
def test_date_words_of_an_opening_clause_still_date_its_own_act_or_a_plain_opening(sentence, day):
    found = events_of(sentence, date(2030, 6, 5))
    assert day in {c.span.start for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States on Monday imposed sanctions on Myanmar's military over the "
        "continued oppression of citizens protesting February's coup.",
        "The State Department on Monday blacklisted the Myanmar military, citing the "
        "arrests of people opposing the February coup.",
        "Washington said on Monday that the Tatmadaw would face sanctions for killing "
        "protesters who reject last month's coup.",
    ],
)  # fmt: skip
def test_a_coup_named_beside_the_armed_forces_is_theirs_not_a_foreign_governments(sentence):
    # The Daily Guardian, round 20: "sanctions on Myanmar's military ... following the
    # continued oppression of citizens protesting February's coup" (SOURCES.md) gave
    # the coup to the United States Department of State, the sentence's subject
    found = events_of(sentence, date(2021, 3, 17))
    coups = [c for c in found if c.event_type == "coup"]
    assert coups and all(c.actors == ("Tatmadaw",) for c in coups)


def test_a_coup_by_a_government_stays_its_armed_forces():
    # the junta is the government the armed forces became: still the armed forces
    found = events_of("The junta staged a coup on Monday.", date(2021, 3, 17))
    assert [c.actors for c in found if c.event_type == "coup"] == [("Tatmadaw",)]


# Session 25 (articles25c): round 21's misses.
@pytest.mark.parametrize(
    "sentence",
    [
        'In March Myanmar and Russia were joint chairs of a "maritime" military exercise '
        "held in the Andaman Sea.",
        "Myanmar and Russia co-hosted naval drills in the Andaman Sea in March.",
        "In March Russia and Myanmar jointly conducted air force exercises near Yangon.",
    ],
)  # fmt: skip
def test_an_exercise_told_by_its_joint_chairs_or_hosts_is_military_cooperation(sentence):
    # The Moscow Times, round 21: "In September Myanmar and Russia were joint chairs of a
    # "counterterrorism" military exercise" (SOURCES.md) was read by no action word
    found = [c for c in events_of(sentence, date(2030, 6, 5), SHIPPED)]
    (drill,) = [c for c in found if c.event_type == "military cooperation"]
    assert set(drill.actors) == {"Russian Ministry of Defence", "Tatmadaw"}
    assert (drill.span.start, drill.span.precision) == (date(2030, 3, 1), "month")


def test_a_forum_its_hosts_chaired_is_no_exercise():
    found = events_of(
        "Russia and Myanmar co-chaired a security forum in March and discussed drills.",
        date(2030, 6, 5),
        SHIPPED,
    )
    assert "military cooperation" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "On Tuesday, Britain's junior foreign minister told parliament that the Myanmar "
        "military's claim of fraud was baseless and that the coup threatens to set the "
        "country back by years.",
        "On Tuesday, Britain's foreign minister said that the coup in Myanmar was a grave "
        "mistake.",
        "Britain's foreign minister said on Tuesday that the coup in Myanmar was illegal.",
    ],
)  # fmt: skip
def test_a_coup_named_back_in_what_a_report_tells_takes_not_the_reports_day(sentence):
    # Jakarta Globe, round 21: "On Tuesday, ... Nigel Adams told parliament that ... the
    # coup threatens to 'set Myanmar's progress back'" (SOURCES.md) gave a coup dated
    # the day he spoke
    found = events_of(sentence, date(2021, 2, 3), SHIPPED)
    assert not [c for c in found if c.event_type == "coup" and "Tuesday" in c.date_text]


@pytest.mark.parametrize(
    "sentence",
    [
        # date words inside the reported clause are the coup's own
        "Britain's foreign minister said on Tuesday that Myanmar's military staged a coup "
        "on Monday.",
        # no report: the sentence's date words are the coup's
        "On Monday, Myanmar's military staged a coup.",
    ],
)  # fmt: skip
def test_a_coup_told_with_its_own_date_words_keeps_them(sentence):
    found = events_of(sentence, date(2021, 2, 3), SHIPPED)
    assert [c.span.start for c in found if c.event_type == "coup"] == [date(2021, 2, 1)]


# Session 25 (articles25d): round 22's misses.
@pytest.mark.parametrize(
    "text",
    [
        "Serbia, Russia, China, Condemned for Selling Arms to Myanmar Junta\n\n"
        "Serbia sold rockets to Myanmar in 2021.",
        "Russia Criticised Over Arms Sales to Myanmar\n\nRussia sold jets to Myanmar in 2021.",
        "China slammed for supplying jets to Myanmar junta\n\nChina sold jets to Myanmar in 2021.",
        "On Monday Serbia, denounced for its rocket exports to Myanmar, defended the deal.",
    ],
)  # fmt: skip
def test_a_passive_condemnation_with_its_auxiliary_left_out_names_no_condemner(text):
    # Balkan News, round 22: the headline "Serbia, Russia, China, Condemned for Selling
    # Arms to Myanmar Junta" (SOURCES.md) gave the condemned countries a condemnation
    found = events_of(text, date(2022, 3, 12), SHIPPED)
    assert "condemnation" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        # active: the condemner is the subject, the condemned the object before "for"
        "On Monday Britain condemned Serbia for selling arms to Myanmar.",
        "On Monday Britain condemned Russia over its arms sales to Myanmar.",
        "On Monday Britain condemned, for the first time, Serbia's arms sales to Myanmar.",
    ],
)  # fmt: skip
def test_a_condemnation_whose_condemner_is_the_subject_stands(sentence):
    found = events_of(sentence, date(2022, 3, 12), SHIPPED)
    (blame,) = [c for c in found if c.event_type == "condemnation"]
    assert blame.actors == ("British government",)


@pytest.mark.parametrize(
    "sentence",
    [
        "This month, the Chinese and Vietnamese navies conducted their 35th joint patrol "
        "in the Gulf of Tonkin.",
        "In March China and Vietnam held joint naval patrols in the Gulf of Tonkin.",
        "In March Chinese troops held a border defence exchange with Vietnam's army.",
        "In March China and Vietnam held military exchanges near the border.",
    ],
)  # fmt: skip
def test_a_joint_patrol_or_a_defence_exchange_is_military_cooperation(sentence):
    # WSAU / Reuters, round 22: "the Chinese and Vietnamese navies conducted their 35th
    # joint patrol", "held a border defence exchange with armed forces from Laos"
    # (SOURCES.md) were read by no action word
    found = events_of(sentence, date(2030, 3, 20), SHIPPED)
    (drill,) = [c for c in found if c.event_type == "military cooperation"]
    assert "Chinese government" in set(drill.actors) | set(drill.recipients)
    assert drill.span.precision == "month"


@pytest.mark.parametrize(
    "sentence",
    [
        "In March the coast guard stepped up its patrols in the Gulf of Tonkin.",
        "In March China and Vietnam held talks on a prisoner exchange.",
    ],
)  # fmt: skip
def test_a_patrol_or_an_exchange_of_no_two_armed_forces_is_no_cooperation(sentence):
    found = events_of(sentence, date(2030, 3, 20), SHIPPED)
    assert "military cooperation" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "This month, the Chinese and Vietnamese navies conducted their 35th joint patrol "
        "in the Gulf of Tonkin since 2005.",
        "In March China and Vietnam held their 12th joint patrol since 2015.",
        "In March China and Myanmar held their first joint naval exercise since 2019.",
    ],
)  # fmt: skip
def test_the_onset_of_a_count_dates_not_the_act_counted(sentence):
    # WSAU / Reuters, round 22: "This month, ... conducted their 35th joint patrol in
    # Beibu Gulf since 2005" (SOURCES.md) dated the patrol 2005, the count's onset
    found = events_of(sentence, date(2030, 3, 20), SHIPPED)
    assert found
    assert {(c.span.start, c.span.precision) for c in found} == {(date(2030, 3, 1), "month")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The UN Security Council condemned the attacks, the first time it has done so since 2010.",
        "In March the UN Security Council condemned the attacks, the first time it has done so "
        "since 2010.",
        "Japan raised concerns about the crisis with Myanmar, the first time a Japanese minister "
        "has done so since 2010.",
        "Russia delivered fighter jets to Myanmar, its second such delivery since 2010.",
    ],
)  # fmt: skip
def test_the_onset_of_a_count_told_after_the_act_dates_not_the_act(sentence):
    # Goa Carrent, round 37: "sent the Security Council an official letter raising his
    # concerns about a crisis -- the first time a UN chief has done so since 1989"
    # (SOURCES.md) dated the concerns 1989, the count's onset
    found = events_of(sentence, date(2030, 3, 20), SHIPPED)
    assert all(c.span.start.year != 2010 for c in found)
    assert all((c.span.start, c.span.precision) == (date(2030, 3, 1), "month") for c in found)
    if sentence.startswith("In March"):
        assert found


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday trade topped the agenda because Laos occupies a key position between China "
        "and Thailand.",
        "On Monday China said Laos occupies a central place in its plans.",
        "India occupies a pivotal spot in the region, the ministry said on Monday.",
    ],
)  # fmt: skip
def test_a_standing_told_in_the_present_is_no_act(sentence):
    # The Indian Awaaz, round 37: "Myanmar occupies an important strategic location for
    # China" (SOURCES.md) was an armed clash by the lexicon's "occupy"
    found = events_of(sentence, date(2030, 3, 20), SHIPPED)
    assert "armed clash" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday Thai troops occupied the border town of Myawaddy.",
        "On Monday Thai troops occupied a strategic hilltop position near Myawaddy.",
    ],
)  # fmt: skip
def test_troops_occupying_a_place_or_position_is_still_an_act(sentence):
    found = events_of(sentence, date(2030, 3, 20), SHIPPED)
    assert "armed clash" in {c.event_type for c in found}


@pytest.mark.parametrize(
    ("sentence", "supplier"),
    [
        ("In March China supplied six K-8 trainer aircraft to Myanmar.", "Chinese government"),
        ("In March Russia supplied two Mi-35 helicopters to Laos.", "Russian government"),
        ("In March India supplied many T-72 battle tanks to Myanmar's military.",
         "Indian government"),
    ],
)  # fmt: skip
def test_weapons_supplied_after_a_count_and_model_are_an_arms_transfer(sentence, supplier):
    # Indian Defence News, round 37: "Pakistan supplied many JF-17 Thunder combat
    # aircraft to Myanmar between 2019 and 2021" (SOURCES.md) was read by no action word
    found = events_of(sentence, date(2030, 3, 20), SHIPPED)
    (arms,) = [c for c in found if c.event_type == "arms transfer"]
    assert arms.actors == (supplier,)


@pytest.mark.parametrize(
    "sentence",
    [
        "In March Thailand supplied rice to Myanmar by aircraft.",
        "In March India supplied medicines and tents to Myanmar with military aircraft.",
        "In March rights groups urged Japan to stop the supply of aircraft fuel to Myanmar.",
    ],
)  # fmt: skip
def test_goods_supplied_by_aircraft_are_no_arms_transfer(sentence):
    found = events_of(sentence, date(2030, 3, 20), SHIPPED)
    assert "arms transfer" not in {c.event_type for c in found}


def test_a_course_since_a_year_keeps_its_onset():
    found = events_of(
        "Russia has supplied fighter jets to Myanmar's military since 2019.",
        date(2030, 3, 20),
        SHIPPED,
    )
    (arms,) = [c for c in found if c.event_type == "arms transfer"]
    assert arms.span.start == date(2019, 1, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "In March Serbia exported 2,524 80 mm unguided rockets to Myanmar.",
        "In March Serbia exported artillery to Myanmar's military.",
        "Serbia has been exporting missiles to Myanmar since 2021.",
    ],
)  # fmt: skip
def test_weapons_exported_are_an_arms_transfer_by_the_exporter(sentence):
    # Balkan News, round 22: "Serbia exported 2,524 80 mm unguided rockets to Myanmar in
    # two shipments" (SOURCES.md) was read by no action word
    found = events_of(sentence, date(2022, 3, 12), SHIPPED)
    (arms,) = [c for c in found if c.event_type == "arms transfer"]
    assert arms.actors == ("Serbian government",)


@pytest.mark.parametrize(
    "sentence",
    [
        "In March Serbia exported rice to Myanmar.",
        "In March Serbia exported goods by aircraft to Myanmar.",
    ],
)  # fmt: skip
def test_goods_exported_are_no_arms_transfer(sentence):
    found = events_of(sentence, date(2022, 3, 12), SHIPPED)
    assert "arms transfer" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "On Friday Narendra Modi met the Myanmar military chief in Bangkok.",
        "On Friday Narendra Modi held his first meeting with the Myanmar military chief.",
    ],
)  # fmt: skip
def test_a_military_chief_told_after_an_alias_is_the_person_not_the_body(sentence):
    # News Insider, round 24: "Modi's first meeting with the Myanmar military chief"
    # (SOURCES.md) met the Tatmadaw ("Myanmar military", an alias), typed as defence talks
    found = events_of(sentence, date(2025, 4, 5), SHIPPED)
    assert {c.event_type for c in found} == {"meeting"}
    (meeting,) = found
    assert meeting.recipients == ("Min Aung Hlaing",)


def test_the_military_told_by_its_alias_is_still_the_body():
    found = events_of(
        "On Friday Narendra Modi met the Myanmar military in Bangkok.", date(2025, 4, 5), SHIPPED
    )
    (talks,) = found
    assert talks.event_type == "military cooperation"
    assert talks.recipients == ("Tatmadaw",)


@pytest.mark.parametrize(
    "sentence",
    [
        "In August the sanctions aim to limit the junta's capacity to conduct further "
        "airstrikes.",
        "In August the EU said the measures would curb the military's ability to carry out "
        "air strikes.",
        "In August the EU imposed sanctions to deter future air strikes by the junta.",
    ],
)  # fmt: skip
def test_strikes_named_as_a_capability_or_what_a_purpose_stops_are_no_event(sentence):
    # Green Time, round 23: "aims to limit the military's capacity to conduct further
    # airstrikes" (SOURCES.md) proposed an armed clash given to the European Union
    found = events_of(sentence, date(2024, 9, 10), SHIPPED)
    assert not {"armed clash", "violence against civilians"} & {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "In August the junta conducted further airstrikes on villages.",
        "In August the junta carried out air strikes on villages.",
    ],
)  # fmt: skip
def test_strikes_carried_out_are_still_an_event(sentence):
    found = events_of(sentence, date(2024, 9, 10), SHIPPED)
    (strikes,) = [c for c in found if c.event_type == "armed clash"]
    assert strikes.actors == ("State Administration Council",)


@pytest.mark.parametrize(
    "sentence",
    [
        # News Insider, round 24: "Prime Minister Narendra Modi on Friday assured Myanmar's
        # Senior General Min Aung Hlaing of India's full support" (SOURCES.md)
        "On Tuesday Narendra Modi assured Myanmar's Senior General Min Aung Hlaing of "
        "India's full support in helping the country recover.",
        "On Tuesday, China assured Myanmar of its support.",
        "On Tuesday, China promised Myanmar its full support.",
        "On Tuesday, the junta offered Russia its backing.",
        # UrduPoint / AFP, round 23: "President Vladimir Putin on Tuesday praised Russia's
        # developing ties with Myanmar" (SOURCES.md)
        "President Vladimir Putin on Tuesday praised Russia's developing ties with Myanmar.",
        "On Tuesday China hailed the relations with Myanmar.",
        "On Tuesday, Russia lauded its partnership with the junta.",
    ],
)  # fmt: skip
def test_support_assured_or_ties_praised_are_a_statement_of_support(sentence):
    # each was read by no action word
    found = events_of(sentence, date(2025, 4, 5), SHIPPED)
    (support,) = [c for c in found if c.event_type == "statement of support"]
    assert support.span.start == date(2025, 4, 1)
    assert support.actors


@pytest.mark.parametrize(
    "sentence",
    [
        "On Friday, China assured reporters of its innocence.",
        "On Friday, China offered support vessels to Myanmar.",
        "On Friday, China assured Myanmar that it would not intervene.",
        "On Tuesday, Russia praised the troops for their courage.",
        "On Tuesday, Russia severed ties with Myanmar.",
    ],
)  # fmt: skip
def test_no_support_assured_nor_ties_praised_is_no_statement_of_support(sentence):
    found = events_of(sentence, date(2025, 4, 5), SHIPPED)
    assert "statement of support" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "On Tuesday, Britain announced a new round of sanctions aimed at the junta's fuel "
        "suppliers.",
        "On Tuesday, the EU announced a package of sanctions targeting arms brokers.",
        "On Tuesday, Canada announced a further set of sanctions aimed at the military.",
    ],
)  # fmt: skip
def test_sanctions_announced_as_a_round_or_package_are_a_sanction(sentence):
    # Green Time, round 23: "have announced a new round of sanctions aimed at restricting
    # the Myanmar military regime's access ..." (SOURCES.md) was read by no action word
    found = events_of(sentence, date(2025, 4, 5), SHIPPED)
    (sanction,) = [c for c in found if c.event_type == "sanction"]
    assert sanction.span.start == date(2025, 4, 1)


def test_a_round_of_talks_announced_is_no_sanction():
    found = events_of(
        "On Tuesday, Britain announced a new round of talks with the junta.",
        date(2025, 4, 5),
        SHIPPED,
    )
    assert "sanction" not in {c.event_type for c in found}


def _sanctions_under(dateline: str):
    """The events of a headline, a dateline block and a lead told in the perfect."""
    text = (
        "New Sanctions on the Junta\n\n"
        f"{dateline}\n\n"
        "Canada has imposed new sanctions on Myanmar's military.\n"
    )
    return events_of(text, date(2024, 10, 30), SHIPPED)


@pytest.mark.parametrize(
    "dateline",
    ["29 October 2024 \u2013 Dhaka, Bangladesh", "Bangkok, Oct 29:", "October 29, 2024 - London"],
)  # fmt: skip
def test_a_dateline_block_dates_the_leads_present_perfect(dateline):
    # Green Time, round 23: "29 October 2024 - Dhaka, Bangladesh" above "the United
    # Kingdom, European Union, and Canada have announced a new round of sanctions"
    # (SOURCES.md): the lead's perfect was left undated, so dropped
    found = _sanctions_under(dateline)
    (sanction,) = [c for c in found if c.event_type == "sanction"]
    assert sanction.span == DateSpan(date(2024, 10, 29), date(2024, 10, 29), "day")


@pytest.mark.parametrize(
    "dateline",
    ["Dhaka, Bangladesh", "October 2024 - Dhaka", "Sanctions Latest: Myanmar Junta"],
)  # fmt: skip
def test_no_dateline_day_leaves_the_leads_present_perfect_undated(dateline):
    found = _sanctions_under(dateline)
    assert "sanction" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "middle",
    [
        "He voiced strong support on Tuesday.",
        "On Tuesday he hailed the growing trade ties.",
        "On Tuesday he condemned the sanctions.",
    ],
)  # fmt: skip
def test_the_two_sides_are_the_last_event_told_with_two_sides(middle):
    # UrduPoint / AFP, round 23: Putin's praise of the ties (one side) told between the
    # Kremlin talks and "The two sides on Tuesday signed a memorandum" (SOURCES.md)
    # made the signing Putin's alone
    text = (
        "Vladimir Putin met Min Aung Hlaing in Moscow on Tuesday.\n\n"
        f"{middle}\n\n"
        "The two sides signed a memorandum on nuclear energy on Tuesday.\n"
    )
    found = events_of(text, date(2025, 3, 5), SHIPPED)
    (signing,) = [c for c in found if c.event_type == "agreement"]
    assert set(signing.actors) | set(signing.recipients) == {"Vladimir Putin", "Min Aung Hlaing"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Sergei Lavrov condemned the sanctions on Monday, during the junta chief's visit to "
        "Moscow.",
        "Sergei Lavrov voiced support on Monday during the junta chief's visit to Moscow.",
    ],
)  # fmt: skip
def test_a_visit_named_as_the_time_of_another_act_takes_its_day(sentence):
    # UrduPoint / AFP, round 23: "Putin on Tuesday praised Russia's developing ties with
    # Myanmar, during a visit by the Asian country's junta chief" (SOURCES.md): once the
    # praise is read, its day must date the visit it is told during too
    (visit,) = [
        c for c in events_of(sentence, date(2030, 6, 5), SHIPPED) if c.event_type == "visit"
    ]
    assert visit.span == DateSpan(date(2030, 6, 3), date(2030, 6, 3), "day")


def test_a_visit_named_as_the_time_of_another_act_keeps_its_own_date_words():
    found = events_of(
        "Sergei Lavrov met Myanmar's foreign minister on Monday, during a visit by the junta "
        "chief to Moscow in March.",
        date(2030, 6, 5),
        SHIPPED,
    )
    (visit,) = [c for c in found if c.event_type == "visit"]
    assert (visit.span.start, visit.span.precision) == (date(2030, 3, 1), "month")


@pytest.mark.parametrize(
    "sentence",
    [
        "A UN report released last week revealed that Indian firms had shipped arms to "
        "Myanmar during the military's crackdown on the protests.",
        "On Monday the group said that Russia sold jets to Myanmar during the junta's "
        "crackdown on protesters.",
    ],
)  # fmt: skip
def test_a_crackdown_told_during_a_reported_act_takes_not_the_reports_day(sentence):
    # Khabar24, round 24: "A UN report released last week revealed that ... had shipped
    # arms to Myanmar during the military's crackdown on the protests" (SOURCES.md) dated
    # the crackdown the week of the report
    found = events_of(sentence, date(2023, 5, 28), SHIPPED)
    assert "violence against civilians" not in {c.event_type for c in found}


def test_a_crackdown_told_during_an_act_dated_in_its_clause_takes_that_date():
    found = events_of(
        "The report said that Russia sold jets to Myanmar in March 2021 during the junta's "
        "crackdown on protesters.",
        date(2023, 5, 28),
        SHIPPED,
    )
    (crackdown,) = [c for c in found if c.event_type == "violence against civilians"]
    assert (crackdown.span.start, crackdown.span.precision) == (date(2021, 3, 1), "month")


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Two generals were blacklisted by the EU last month.", "European Union"),
        ("The United States blacklisted two Russian firms last month.", None),
        ("Two generals were sanctioned by the EU last month.", "European Union"),
        ("The EU imposed asset freezes on two generals last month.", "European Union"),
        ("The EU targeted two generals with travel bans last month.", "European Union"),
    ],
)  # fmt: skip
def test_a_listing_or_its_measures_are_a_sanction(sentence, actor):
    # TRT World / Reuters, round 25: "... were blacklisted by the EU last month"
    # (SOURCES.md) was read as no sanction, and its "since the coup" as a second coup
    found = events_of(sentence, date(2030, 6, 5), SHIPPED)
    (sanction,) = [c for c in found if c.event_type == "sanction"]
    assert (sanction.span.start, sanction.span.precision) == (date(2030, 5, 1), "month")
    if actor:
        assert actor in sanction.actors


@pytest.mark.parametrize(
    "sentence",
    [
        "The junta eased travel bans for tourists last month.",
        "Russia sanctioned the vote last month.",
        "The UN-sanctioned talks ended last month.",
    ],
)  # fmt: skip
def test_travel_bans_and_approval_are_no_visit_nor_sanction(sentence):
    found = events_of(sentence, date(2030, 6, 5), SHIPPED)
    assert not {c.event_type for c in found} & {"sanction", "visit"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Min Aung Hlaing visited Belarus in May as Commander-in-Chief of the Myanmar Armed "
        "Forces and met with President Aleksandr Lukashenko.",
        "Min Aung Hlaing, then head of the Myanmar military, met Aleksandr Lukashenko in May.",
        "As a visitor, Min Aung Hlaing met Aleksandr Lukashenko in May as chief of the "
        "Myanmar armed forces.",
    ],
)  # fmt: skip
def test_a_body_named_as_a_persons_capacity_is_no_party(sentence):
    # BelTA, round 25: "he had visited Belarus in November 2014 as Supreme
    # Commander-in-Chief of the Myanmar Armed Forces and met with President ..."
    # (SOURCES.md) made the meeting military cooperation with the Tatmadaw
    found = events_of(sentence, date(2030, 6, 5), SHIPPED)
    (meeting,) = [c for c in found if c.event_type in ("meeting", "military cooperation")]
    assert meeting.event_type == "meeting"
    assert "Tatmadaw" not in set(meeting.actors) | set(meeting.recipients)


def test_a_body_whose_head_is_met_unnamed_stays_a_party():
    found = events_of(
        "Aleksandr Lukashenko met Min Aung Hlaing and the head of the Myanmar military in May.",
        date(2030, 6, 5),
        SHIPPED,
    )
    (meeting,) = [c for c in found if c.event_type in ("meeting", "military cooperation")]
    assert "Tatmadaw" in meeting.recipients


# DW (round 26): "Marking Wednesday's two-year anniversary of Myanmar's military coup"
# proposed no coup (the day was the anniversary's, and "of Myanmar's" gave it no country).
@pytest.mark.parametrize(
    "sentence, day",
    [
        (
            "Marking Wednesday's two-year anniversary of Laos's military coup, the US "
            "imposed sanctions on the country.",
            date(2028, 3, 13),
        ),
        (
            "On Wednesday, the second anniversary of the military coup in Laos, the US "
            "imposed sanctions on Laos.",
            date(2028, 3, 13),
        ),
        (
            "Protesters marked the 3rd anniversary of the coup in Laos on Wednesday.",
            date(2027, 3, 13),
        ),
        (
            "Laos held no parade on Wednesday's ten-year anniversary of the Laos Defence "
            "Forces' coup.",
            date(2020, 3, 13),
        ),
    ],
)
def test_an_event_an_anniversary_marks_is_that_many_years_before(sentence, day):
    coups = [c for c in events_of(sentence, date(2030, 3, 13), FRENCH) if c.event_type == "coup"]
    assert [(c.span.start, c.span.precision, c.actors) for c in coups] == [
        (day, "day", ("Laos Defence Forces",))
    ]
    # nor does another action of the sentence take the shifted day
    assert all(
        c.span.start.year == 2030
        for c in events_of(sentence, date(2030, 3, 13), FRENCH)
        if c.event_type != "coup"
    )


def test_an_anniversary_does_not_shift_the_events_own_date_words_nor_a_plain_coup():
    sentence = "On Wednesday, the first anniversary of the February 2029 coup in Laos, crowds met."
    (coup,) = [c for c in events_of(sentence, date(2030, 3, 13), FRENCH) if c.event_type == "coup"]
    assert coup.span == DateSpan(date(2029, 2, 1), date(2029, 2, 28), "month")
    plain = "The Laos Defence Forces seized power in a coup on Wednesday."
    (coup,) = events_of(plain, date(2030, 3, 13), FRENCH)
    assert coup.span.start == date(2030, 3, 13)


def test_years_before_keeps_the_precision_and_a_leap_day_falls_back():
    from dashboard.dates import day_span, month_span, year_span, years_before

    assert years_before(day_span(date(2024, 2, 29)), 1) == day_span(date(2023, 2, 28))
    assert years_before(month_span(2023, 2), 3) == month_span(2020, 2)
    assert years_before(year_span(2023), 2) == year_span(2021)
    assert years_before(DateSpan(date(2023, 1, 2), date(2023, 1, 8), "week"), 1) is None


# Round 27 (ETV Bharat 2021-12-27): "has handed over a Ming Class attack submarine to
# Myanmar on Friday" -- a supply told as handing weapons over is an arms transfer.
@pytest.mark.parametrize(
    "text",
    [
        "Russia has handed over two attack submarines to the Laos navy on March 3, 2030.",
        "On March 3, 2030, Russia handed over six fighter jets to Laos.",
        "Russia hands over a refurbished warship to Laos on March 3, 2030, Andrei Voinov said.",
    ],
)
def test_handing_weapons_over_is_an_arms_transfer(text):
    found = extract_events(text, date(2031, 2, 20), TRANSLIT)
    (transfer,) = [c for c in found if c.event_type == "arms transfer"]
    assert (transfer.span.start.year, transfer.span.start.month) == (2030, 3)


def test_handing_over_power_or_ones_own_weapons_is_no_arms_transfer():
    for text in (
        "The Laos junta handed over power to a caretaker government on March 3, 2030.",
        "On March 3, 2030, the rebels handed over their weapons to Laos.",
    ):
        found = extract_events(text, date(2031, 2, 20), TRANSLIT)
        assert [c.event_type for c in found if c.event_type == "arms transfer"] == []


# Round 27 (ETV Bharat 2021-12-27): "There will be definite unease ... over reports that
# China ... has handed over a Ming Class submarine to Myanmar on Friday" -- the perfect
# tells a done action, whatever future the sentence opens with.
@pytest.mark.parametrize(
    "text",
    [
        "There will be unease in Laos over reports that Russia has handed over two "
        "submarines to the Laos navy on Friday.",
        "Many will be worried that Russia has sold six fighter jets to Laos on Friday, "
        "Andrei Voinov said.",
        "Analysts would say Russia had quietly delivered six fighter jets to Laos on Friday.",
    ],
)
def test_a_perfect_after_a_future_word_is_done(text):
    found = extract_events(text, date(2031, 2, 20), TRANSLIT)  # a Thursday
    (transfer,) = [c for c in found if c.event_type == "arms transfer"]
    assert transfer.span.start == date(2031, 2, 14)


def test_the_future_perfect_stays_expected():
    text = "Russia will have delivered six fighter jets to Laos on Friday."
    found = extract_events(text, date(2031, 2, 20), TRANSLIT)
    (transfer,) = [c for c in found if c.event_type == "arms transfer"]
    assert transfer.span.start == date(2031, 2, 21)


# The lead's hand check (an unseen 2024 text): a paragraph's expected events ("scheduled
# for ...") took "in August" from the next paragraph, which tells an earlier visit.
@pytest.mark.parametrize(
    "text",
    [
        "Andrei Voinov will visit Laos. His talks with the Laos Defence Forces are scheduled "
        "for Wednesday and Thursday.\n\nAndrei Voinov visited Laos in August, meeting the "
        "Laos Defence Forces.",
        "Andrei Voinov is expected to visit Laos for talks with the Laos Defence Forces.\n\n"
        "Andrei Voinov visited Laos in August and met the Laos Defence Forces.",
        "Andrei Voinov will meet the Laos Defence Forces in Vientiane.\n\nAndrei Voinov last "
        "met them in August, when he visited Laos.",
    ],
)
def test_an_expected_action_takes_no_date_from_a_later_done_one(text):
    found = extract_events(text, date(2031, 2, 20), TRANSLIT)
    assert [c for c in found if c.status == "expected" and c.span.start.month == 8] == []
    assert [c for c in found if c.paragraph == 2 and c.span.start.month == 8]


def test_a_later_paragraph_still_dates_an_action_of_the_same_status():
    for text, day in (
        (
            "Andrei Voinov met the Laos Defence Forces in Vientiane.\n\nAndrei Voinov said "
            "at the meeting on Tuesday that ties would grow.",
            date(2031, 2, 18),
        ),
        (
            "Andrei Voinov will visit Laos for talks.\n\nAndrei Voinov is due to arrive in "
            "Laos on Monday.",
            date(2031, 2, 24),
        ),
    ):
        found = extract_events(text, date(2031, 2, 20), TRANSLIT)
        assert [c.span.start for c in found if c.paragraph == 1] != []
        assert {c.span.start for c in found if c.paragraph == 1} == {day}


# Round 27 (Moneycontrol 2022-11-24): the coup told "In February 2021", then "since the
# February coup" read as February 2022 (a false second coup).
@pytest.mark.parametrize(
    "later",
    [
        "More than 2,000 people have been killed since the February coup.",
        "Protests have spread since the coup in February.",
        "The Laos Defence Forces have ruled by decree since their February coup.",
    ],
)
@pytest.mark.parametrize(
    "first", ["In February 2029", "On February 3, 2029,", "In early February 2029"]
)
def test_a_bare_month_of_an_event_told_with_its_year_takes_that_year(first, later):
    text = f"{first} the Laos Defence Forces seized power in a coup.\n\n{later}"
    found = extract_events(text, date(2030, 11, 24), TRANSLIT)
    coups = [c for c in found if c.event_type == "coup"]
    assert coups != []
    assert {c.span.start.year for c in coups} == {2029}


def test_a_bare_month_of_another_month_keeps_its_own_year():
    text = (
        "In February 2029 the Laos Defence Forces seized power in a coup.\n\n"
        "The Laos Defence Forces seized power again in a coup in June."
    )
    found = extract_events(text, date(2030, 11, 24), TRANSLIT)
    coups = sorted(c.span.start for c in found if c.event_type == "coup")
    assert coups == [date(2029, 2, 1), date(2030, 6, 1)]


# Round 26 (The Jakarta Post 2021-02-26): "She visited Thailand on Wednesday" was given
# to the Thai minister named the sentence before -- the host, never the visitor.
@pytest.mark.parametrize(
    "later",
    [
        "She visited Russia on Wednesday.",
        "He then made a trip to Russia on Wednesday.",
        "She paid a visit to Russia on Wednesday.",
    ],
)
def test_a_person_of_the_country_visited_is_no_visitor(later):
    text = f"Andrei Voinov met the Laos Defence Forces in Moscow on Tuesday. {later}"
    found = extract_events(text, date(2031, 2, 20), TRANSLIT)
    assert [c for c in found if c.event_type == "visit" and "Andrei Voinov" in c.actors] == []
    assert [c for c in found if c.event_type == "military cooperation"] != []


def test_a_person_visiting_another_country_or_a_region_of_their_own_stays_the_visitor():
    for later in (
        "He visited Laos on Wednesday.",
        "He visited Russia's Far East on Wednesday.",
        # "the country" is a guess at which one (the last told, Russia): no destination
        "Later, Russian minister Andrei Voinov paid a visit to the country on Wednesday.",
    ):
        text = f"Andrei Voinov met the Laos Defence Forces in Moscow on Tuesday. {later}"
        found = extract_events(text, date(2031, 2, 20), TRANSLIT)
        (visit,) = [c for c in found if c.event_type == "visit"]
        assert visit.actors == ("Andrei Voinov",)


# Round 26 (The Jakarta Post 2021-02-26): "The minister decided to cancel the visit on
# Wednesday evening" -- a visit called off took no place.
@pytest.mark.parametrize(
    "text",
    [
        "Andrei Voinov decided to cancel the visit to Laos on Wednesday.",
        "Andrei Voinov called off his planned two-day trip to Laos on Wednesday.",
        "Andrei Voinov postponed the talks with the Laos Defence Forces on Wednesday.",
    ],
)
def test_an_action_called_off_is_no_event(text):
    found = extract_events(text, date(2031, 2, 20), TRANSLIT)
    assert [c.event_type for c in found if c.event_type in ("visit", "meeting")] == []


def test_an_action_done_after_another_was_called_off_stands():
    text = "Andrei Voinov visited Laos on Wednesday after an earlier trip was cancelled."
    (visit,) = [c for c in extract_events(text, date(2031, 2, 20), TRANSLIT)]
    assert (visit.event_type, visit.span.start) == ("visit", date(2031, 2, 19))


# Round 25 (SOS Burma 2022-01-07): "the army overthrew the civilian administration of
# Aung San Suu Kyi on Feb. 1 last year, sparking months of protests and a bloody
# crackdown" gave the crackdown to the leader the coup ousted.
@pytest.mark.parametrize(
    "text",
    [
        "The Laos Defence Forces seized power from Andrei Voinov on Feb. 1 last year and "
        "launched a crackdown on protesters.",
        "The Laos Defence Forces overthrew the civilian administration of Andrei Voinov on "
        "Feb. 1 last year, sparking months of protests and a bloody crackdown.",
        "The Laos Defence Forces toppled the government of Andrei Voinov on Feb. 1 last year, "
        "triggering a crackdown on dissent.",
    ],
)
def test_a_crackdown_is_not_the_ousted_leaders(text):
    found = extract_events(text, date(2031, 2, 20), TRANSLIT)
    crackdowns = [c for c in found if c.event_type == "violence against civilians"]
    assert [c.actors for c in crackdowns] == [("Laos Defence Forces",)]


def test_a_crackdown_ordered_by_someone_the_coup_did_not_oust_stays_theirs():
    text = (
        "The Laos Defence Forces seized power from the government on Feb. 1 last year, and "
        "Andrei Voinov ordered a crackdown on protesters."
    )
    found = extract_events(text, date(2031, 2, 20), TRANSLIT)
    (crackdown,) = [c for c in found if c.event_type == "violence against civilians"]
    assert crackdown.actors == ("Andrei Voinov",)


# -- Session 27: a country's minister told by title (articles27b) --------------------------

TITLED = parse_actors(DIRECTORY_CSV.replace("Sergey Lavrov\n", "Sergey Lavrov;top diplomat\n"))


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Russia's foreign minister met Min Aung Hlaing on Tuesday.", "meeting"),
        ("Russia\u2019s foreign minister visited Naypyitaw on Monday.", "visit"),
        ("The Russian foreign minister visited Naypyitaw on Monday.", "visit"),
        ("On Monday the Russian Foreign Minister visited Naypyitaw.", "visit"),
    ],
)
def test_a_countrys_foreign_minister_by_title_is_the_directorys_holder(sentence, event_type):
    """Before this, "Russia's foreign minister met X" had no actor at all (its title named
    the recipient's country), while "the Russian foreign minister" gave the government:
    both are the one the directory gives the role ("top diplomat")."""
    found = [c for c in events_of(sentence, directory=TITLED) if c.event_type == event_type]
    assert [c.actors for c in found] == [("Sergei Lavrov",)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia's defence minister visited Naypyitaw on Monday.",
        "Russia's deputy prime minister visited Naypyitaw on Monday.",
        "The Russian interior minister visited Naypyitaw on Monday.",
    ],
)
def test_a_countrys_minister_nobody_is_known_to_hold_is_its_government(sentence):
    """No one titled so in the article or the directory: the country's government acts."""
    (visit,) = [c for c in events_of(sentence, directory=TITLED) if c.event_type == "visit"]
    assert visit.actors == ("Russian government",)


def test_two_countries_ministers_by_title_meet_as_their_governments():
    sentence = "India's foreign minister met Myanmar's foreign minister on Tuesday."
    (meeting,) = [c for c in events_of(sentence) if c.event_type == "meeting"]
    assert meeting.actors == ("Indian government",)  # proposed: the directory has none
    assert meeting.recipients == ("State Administration Council",)


def test_an_unknown_name_after_a_countrys_minister_title_is_proposed():
    sentence = "Britain's foreign minister John Smith met Wunna Maung Lwin on Tuesday."
    (meeting,) = [c for c in events_of(sentence) if c.event_type == "meeting"]
    assert meeting.actors == ("British government",)
    assert meeting.recipients == ("Wunna Maung Lwin",)
    assert "John Smith" in meeting.proposed_actors


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia's foreign ministry said the talks would go on.",
        "The Russian foreign ministry said the talks would go on.",
        "The minister's visit to Russia was short.",
        "Russia's foreign ministers' meeting was short.",
        "Russia's foreign minister's aides said the talks would go on.",
    ],
)
def test_a_ministry_or_a_ministers_possession_is_no_minister(sentence):
    mentions = _ActorFinder(TITLED).find(sentence)
    assert "Sergei Lavrov" not in [m.actor for m in mentions]


def test_a_known_name_after_a_countrys_minister_title_is_the_only_party():
    sentence = "Myanmar's deputy prime minister, Wunna Maung Lwin, met Sergei Lavrov on Tuesday."
    (meeting,) = [c for c in events_of(sentence) if c.event_type == "meeting"]
    assert meeting.actors == ("Wunna Maung Lwin",) and meeting.recipients == ("Sergei Lavrov",)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov's arrival in Naypyitaw on Monday saw him welcomed by Myanmar's foreign minister.",
        "Lavrov's arrival in Naypyitaw on Monday saw him greeted by Myanmar's defence minister.",
        "Sergei Lavrov arrived in Naypyitaw on Monday and was welcomed by the junta.",
    ],
)
def test_a_host_welcoming_a_visitor_is_not_the_one_arriving(sentence):
    """Before this, "was welcomed by the junta" made the host the one who arrived (the "by
    X" agent rule); so would "welcomed by Myanmar's foreign minister" once a minister told
    by title is an actor (Taipei Times round 15: the arrival given to the host)."""
    text = "Sergei Lavrov flew to Asia last week.\n\n" + sentence
    visits = [c for c in events_of(text) if c.event_type == "visit" and c.paragraph == 2]
    assert visits and all(c.actors == ("Sergei Lavrov",) for c in visits)
    assert "State Administration Council" in visits[0].recipients


@pytest.mark.parametrize(
    "sentence",
    [
        # The New Indian Express, round 28: "in a show of support for the junta, Indian
        # Ambassador Vinay Kumar attended the military council's Independence Day
        # ceremony on Jan. 4" (SOURCES.md)
        "In a show of support for the junta, Indian Ambassador Vinay Kumar attended the "
        "military council's Armed Forces Day parade on March 27.",
        "As a sign of support for Myanmar's military, China's ambassador attended the "
        "junta's ceremony on Tuesday.",
        "In a gesture of solidarity with the government of Thailand, Japan's envoy attended "
        "the army's anniversary celebration on Monday.",
    ],
)  # fmt: skip
def test_an_act_framed_as_a_show_of_support_is_a_statement_of_support(sentence):
    # each was read as a visit (the lexicon's "attend"), or as the parade's cooperation
    found = events_of(sentence, date(2025, 4, 5), SHIPPED)
    assert [c.event_type for c in found] == ["statement of support"]
    assert found[0].recipients


@pytest.mark.parametrize(
    "sentence",
    [
        "In a show of force, Myanmar's military held drills near the border on Monday.",
        "Indian Ambassador Vinay Kumar attended the military council's ceremony on Monday.",
        "On Monday the minister said the show of support for the strike had grown.",
    ],
)  # fmt: skip
def test_no_gesture_of_support_is_no_statement_of_support(sentence):
    found = events_of(sentence, date(2025, 4, 5), SHIPPED)
    assert "statement of support" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        # JURIST, round 28: "three years after the military seized power in an illegal
        # coup" (SOURCES.md), in a paragraph dated "Thursday"
        "Australia imposed sanctions on Thursday. It came three years after the Myanmar "
        "military seized power in an illegal coup.",
        "Britain announced sanctions on Monday. That was two years after the Tatmadaw took "
        "power.",
        "China voiced support for the junta on Friday. It was six months after Myanmar's "
        "army seized power.",
    ],
)  # fmt: skip
def test_an_action_told_as_where_a_count_of_time_starts_is_no_event(sentence):
    # each coup was dated the sentence's day, years after it happened
    found = events_of(sentence, date(2024, 2, 3), SHIPPED)
    assert found and "coup" not in {c.event_type for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "On Thursday the Myanmar military seized power in a coup.",
        "The Tatmadaw seized power on Monday, two years after the election.",
    ],
)  # fmt: skip
def test_an_action_told_before_a_count_of_time_is_still_an_event(sentence):
    found = events_of(sentence, date(2024, 2, 3), SHIPPED)
    assert "coup" in {c.event_type for c in found}


# Session 27: leftovers (articles27e)


@pytest.mark.parametrize(
    "sentence",
    [
        "Cambodian Prime Minister Hun Sen met officials in Naypyitaw on Friday, the first "
        "visit to Myanmar since the army seized power last year.",
        "The Indian government has backed Myanmar since the army seized power from an "
        "elected government last year.",
        "The Indian government has backed Myanmar since the military took power in a coup "
        "last year.",
        "Thailand's government has courted Myanmar since the Myanmar military grabbed power "
        "last year.",
    ],
)
def test_a_coup_told_with_a_verb_is_the_armed_forces_alone(sentence):
    """Before this, a coup told with a verb ("since the army seized power") listed every
    government of the sentence beside the armed forces (SOS Burma round 25: the
    Cambodian government); the coup nouns were already limited to them."""
    (coup,) = [c for c in events_of(sentence) if c.event_type == "coup"]
    assert coup.actors == ("Tatmadaw",)


def test_a_coup_told_with_a_verb_and_no_armed_forces_keeps_its_actors():
    """No armed forces among its actors: the verb's subject stands (no forces are added
    from the countries of the sentence, as a coup noun's are)."""
    sentence = "The Russian government seized power in Moscow last year, Myanmar said."
    (coup,) = [c for c in events_of(sentence) if c.event_type == "coup"]
    assert coup.actors == ("Russian government",)


@pytest.mark.parametrize(
    "sentence",
    [
        "A delegation met the junta in Naypyitaw on Monday.",
        "Officials met Sergei Lavrov in Naypyitaw on Monday.",
        "A delegation held talks with Wunna Maung Lwin in Moscow on Monday.",
    ],
)
def test_a_candidate_with_no_actor_is_titled_by_no_country(sentence):
    """Before this, a candidate with no actor was titled by its first country, which may
    be the recipient's ("Meeting: Russia with Sergei Lavrov"): a title names only the
    parties the event carries."""
    frame = candidates_frame(events_of(sentence))
    assert len(frame) and (frame["actors"] == "").all()
    for title, countries in zip(frame["title"], frame["countries"], strict=True):
        assert countries and not any(c in title for c in countries.split(";"))
        assert title.split(":")[1].strip().startswith("Unknown actor")


def test_a_candidate_with_actors_is_titled_by_them():
    frame = candidates_frame(events_of("Sergei Lavrov met Wunna Maung Lwin on Monday."))
    assert list(frame["title"]) == ["Meeting: Sergei Lavrov with Wunna Maung Lwin"]


@pytest.mark.parametrize(
    "demonym, country",
    [("Myanmarese", "Myanmar"), ("Uzbekistani", "Uzbekistan"), ("Kyrgyzstani", "Kyrgyzstan")],
)
def test_ese_and_i_demonyms_name_their_country(demonym, country):
    assert [c.country for c in find_countries(f"the {demonym} delegation")] == [country]


@pytest.mark.parametrize(
    "sentence",
    [
        "External Affairs Minister S Jaishankar on Wednesday conveyed to his Myanmarese "
        "counterpart U Than Shwe India's deep concern over the violence.",
        "Foreign Minister K Rao on Wednesday told his Myanmar counterpart Than Shwe that the "
        "talks would go on.",
        "Interior Minister R Patel met her Burmese counterpart Than Shwe on Wednesday.",
    ],
)
def test_a_counterpart_of_an_unknown_office_is_the_countrys_government(sentence):
    """Before this, "his Myanmarese counterpart" resolved only when the article had titled
    the speaker's office with a country ("Myanmarese" was no demonym either), and the
    names told with an initial or an honorific were not proposed: no candidate at all."""
    (found,) = events_of(sentence)
    assert found.recipients == ("State Administration Council",)
    assert "Than Shwe" in found.proposed_actors
    assert any(
        n[1] == " " and n.endswith(("Jaishankar", "Rao", "Patel")) for n in found.proposed_actors
    )


def test_conveying_concern_is_a_condemnation_but_conveying_greetings_is_not():
    told = "Sergei Lavrov on Wednesday conveyed to Wunna Maung Lwin Russia's concern over the"
    found = [c.event_type for c in events_of(told + " violence.")]
    assert found == ["condemnation"]
    assert events_of("Sergei Lavrov on Wednesday conveyed greetings to Wunna Maung Lwin.") == []


def test_a_known_name_after_a_counterpart_is_the_only_party():
    """ "his Myanmar counterpart, X": X, not the country's government too."""
    sentence = "Sergei Lavrov met his Myanmar counterpart, Wunna Maung Lwin, on Wednesday."
    (meeting,) = [c for c in events_of(sentence) if c.event_type == "meeting"]
    assert meeting.recipients == ("Wunna Maung Lwin",)


# Session 27, round 29's misses (articles27d): made-up sentences of each class.


@pytest.mark.parametrize(
    "sentence",
    [
        "The envoys urged the generals who led a coup against the elected government of "
        "Aline Vong in February 2029 to free prisoners.",
        "Laos's generals staged a coup against the elected government in February 2029.",
        "Laos's army seized power in a coup against the democratically elected leader in "
        "February 2029.",
        "Laos's soldiers mounted a coup against an embattled president in February 2029.",
    ],
)
def test_an_adjective_in_ed_after_a_coup_does_not_take_its_date_words(sentence):
    """ "a coup against the elected government in February 2021": "elected" describes the
    noun after it, no finite verb taking the date words (round 29, Voice for Justice:
    the coup was left undated and out)."""
    coup, _ = one_of("coup", sentence)
    assert (coup.span.start, coup.span.end) == (date(2029, 2, 1), date(2029, 2, 28))
    assert coup.date_text == "in February 2029"


def test_a_finite_verb_in_ed_after_the_action_noun_still_takes_the_date_words():
    """The rule it narrows still holds: a verb after the noun, with no determiner before
    it, owns the date words ("the coup ... sparked protests on Monday")."""
    text = "Anger at the military government's execution of two critics intensified Tuesday."
    assert rulers(text) == []
    text = "Outrage over the junta's arrest of the elected leaders spread Tuesday."
    assert rulers(text) == []


@pytest.mark.parametrize(
    "lead",
    [
        # Illustrated Daily News / ANI (round 31): a wire dateline "City [Country], Month
        # D (Agency): " made its country the subject: a coup given to Belgium's
        # government at Brussels
        "Paris [France], February 9 (ANI): In view of the violence following the "
        "military takeover two years ago, the council adopted new measures.",
        "Tokyo [Japan], Feb 9 (ANI): Citing the bloodshed following the military "
        "takeover last year, the council has adopted new measures.",
        "Ottawa [Canada], Feb. 9 (PTI): In view of the abuses following the military "
        "takeover two years ago, the ministers adopted further measures.",
    ],
)
def test_a_wire_datelines_country_is_no_party(lead):
    text = f"{lead}\n\nThe measures target officers in Myanmar and in Myanmar's air force."
    found = extract_events(text, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    assert [(c.event_type, c.actors, c.location) for c in found] == [("coup", ("Tatmadaw",), "")]


def test_a_country_told_after_a_wire_dateline_still_acts():
    text = "Paris [France], February 9 (ANI): France condemned the junta of Myanmar on Tuesday."
    found = extract_events(text, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    assert [(c.event_type, c.actors) for c in found] == [("condemnation", ("French government",))]


# Session 28, date-side leftovers (articles28): made-up sentences of each class.


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # Kyodo News (round 28): "said Friday's meeting ... held ... in late April" dated
        # the meeting by the summit's late April (the possessive read as "said Friday")
        (
            "Thailand's foreign ministry said Friday's meeting with Laos also reviewed a "
            "plan drawn up in late April.",
            date(2030, 11, 15),
        ),
        (
            "Laos's foreign ministry said Tuesday\u2019s meeting with Thailand touched on "
            "an accord reached in March.",
            date(2030, 11, 12),
        ),
        (
            "Laos said Wednesday's talks with Thailand were about border trade agreed last year.",
            date(2030, 11, 13),
        ),
    ],
)
def test_a_weekdays_possessive_dates_its_noun_not_the_saying(sentence, day):
    found = extract_events(sentence, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert (meeting.span.start, meeting.span.end) == (day, day)
    assert meeting.date_text.endswith(("'s", "\u2019s"))


def test_a_weekday_said_before_the_noun_is_still_the_sayings():
    """ "said Friday the meeting ... in late April": the saying's Friday, the meeting's
    own words after it (no possessive)."""
    sentence = (
        "Thailand's foreign ministry said Friday the meeting with Laos in late April had "
        "been useful."
    )
    found = extract_events(sentence, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert (meeting.span.start, meeting.span.end) == (date(2030, 4, 21), date(2030, 4, 30))


@pytest.mark.parametrize(
    "sentence",
    [
        # Realist English (round 31): "arrived ... on a state visit ... ahead of national
        # elections due next month" dated the visit next month
        "Thailand's foreign minister visited Laos on a show of goodwill ahead of national "
        "elections due next month.",
        "Thailand's foreign minister visited Laos ahead of next month's elections.",
        "Thailand's foreign minister visited Laos before a vote scheduled for next year.",
        "Thailand's foreign minister visited Laos ahead of elections set to take place in "
        "December.",
    ],
)
def test_an_expected_events_date_words_do_not_date_a_visit_placed_against_it(sentence):
    found = extract_events(sentence, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    assert [c.date_text for c in found if c.event_type == "visit"] == []  # undated: left out


@pytest.mark.parametrize(
    ("sentence", "event_type", "words"),
    [
        # the placed event's own date words stay its own
        (
            "Thailand's foreign minister visited Laos ahead of an ASEAN summit due to take "
            "place in December.",
            "multilateral meeting",
            "in December",
        ),
        # a visit's own date words before the placing words stay the visit's
        (
            "Thailand's foreign minister visited Laos on Monday ahead of elections scheduled "
            "for December.",
            "visit",
            "on Monday",
        ),
        # no expectation word: the words after "before" are not taken from the visit
        (
            "Thailand's foreign minister visited Laos before elections in March.",
            "visit",
            "in March",
        ),
    ],
)
def test_date_words_not_of_an_expected_event_placed_against_stay(sentence, event_type, words):
    found = extract_events(sentence, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    assert [c.date_text for c in found if c.event_type == event_type] == [words]


def test_a_possessive_after_placing_words_still_dates_its_own_noun():
    """ "following the February's coup" (Kyodo News, round 28): the possessive is the
    coup's date words, read as placing nothing else."""
    text = "Thailand's foreign minister met Laos's foreign minister following the February's coup."
    found = extract_events(text, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    (coup,) = [c for c in found if c.event_type == "coup"]
    assert (coup.span.start, coup.span.end) == (date(2030, 2, 1), date(2030, 2, 28))


def test_a_weekdays_possessive_anniversary_still_dates_the_event_years_before():
    """ "Marking Wednesday's two-year anniversary of the coup" (DW, round 26): with the
    possessive now part of the date words, still the coup two years before that day."""
    text = (
        "Marking Wednesday's two-year anniversary of Myanmar's military coup, Thailand and "
        "its allies announced further sanctions on the country."
    )
    found = extract_events(text, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    (coup,) = [c for c in found if c.event_type == "coup"]
    assert (coup.span.start, coup.span.end) == (date(2028, 11, 13), date(2028, 11, 13))


@pytest.mark.parametrize(
    "second",
    [
        # The Newsmen (hand check, 4 April 2025, not in the repo): the summit framing the
        # meeting took the paragraph's earlier "February 2021" (the coup's)
        "Thailand's prime minister met Min Aung Hlaing on Friday on the sidelines of the "
        "BIMSTEC summit in Bangkok.",
        "On Friday, Thailand's prime minister met Min Aung Hlaing on the margins of a "
        "regional summit in Bangkok.",
        "Thailand's prime minister held talks with Min Aung Hlaing on Friday on the fringes "
        "of the ASEAN summit.",
    ],
)
def test_a_summit_framing_an_act_takes_the_acts_date_not_the_paragraphs(second):
    text = f"Myanmar's military seized power in a coup in February 2021. {second}"
    found = extract_events(text, date(2025, 4, 4), load_directory(DEFAULT_ACTORS_PATH))
    (summit,) = [c for c in found if c.event_type == "multilateral meeting"]
    assert (summit.span.start, summit.span.end) == (date(2025, 4, 4), date(2025, 4, 4))


def test_a_summits_own_date_words_stay_its_own_when_it_frames_an_act():
    text = (
        "Myanmar's military seized power in a coup in February 2021. Thailand's prime "
        "minister met Min Aung Hlaing on Friday on the sidelines of the BIMSTEC summit in "
        "late March."
    )
    found = extract_events(text, date(2025, 4, 4), load_directory(DEFAULT_ACTORS_PATH))
    (summit,) = [c for c in found if c.event_type == "multilateral meeting"]
    assert summit.date_text == "in late March"


@pytest.mark.parametrize(
    "sentence",
    [
        # Illustrated Daily News (round 31, 9 November 2022): "the military takeover two
        # years ago" was the calendar year 2020, the coup of February 2021 outside it
        "The council adopted new measures against Myanmar's generals following the "
        "military takeover two years ago.",
        "Myanmar's generals, who seized power in a coup two years ago, have killed protesters.",
        "Myanmar's army staged a coup two years ago.",
    ],
)
def test_a_count_of_years_back_is_read_as_the_year_around_that_point(sentence):
    found = extract_events(sentence, date(2022, 11, 9), load_directory(DEFAULT_ACTORS_PATH))
    (coup,) = [c for c in found if c.event_type == "coup"]
    assert (coup.span.start, coup.span.end) == (date(2020, 5, 1), date(2021, 4, 30))


@pytest.mark.parametrize(
    ("later", "month"),
    [
        ("The February coup ended a decade of democracy.", 2),
        ("Thousands were jailed after the coup in February.", 2),
        # a month the twelve months around two years back reach only in 2020
        ("Thousands were jailed after the coup in June.", 6),
    ],
)
def test_a_bare_month_of_a_coup_told_years_back_is_the_month_in_that_span(later, month):
    """The articles27 rule (a bare month of a one-off event takes the year told
    elsewhere) reads a count of years back as the span it names."""
    text = f"Myanmar's military seized power in a coup two years ago.\n\n{later}"
    found = extract_events(text, date(2022, 11, 9), load_directory(DEFAULT_ACTORS_PATH))
    (coup,) = [c for c in found if c.event_type == "coup"]
    year = 2021 if month < 5 else 2020
    assert (coup.span.start.year, coup.span.start.month) == (year, month)


def test_a_coup_told_years_back_and_with_its_own_date_keeps_that_date():
    text = (
        "The council adopted new measures following the military takeover two years ago."
        "\n\nMyanmar's military seized power in a coup on February 1, 2021."
    )
    found = extract_events(text, date(2022, 11, 9), load_directory(DEFAULT_ACTORS_PATH))
    assert [(c.event_type, c.span.start, c.span.end) for c in found] == [
        ("coup", date(2021, 2, 1), date(2021, 2, 1))
    ]


# Session 28, rounds 32 and 33's misses (articles28c)


@pytest.mark.parametrize(
    "sentence",
    [
        # Arakan Now (round 32): "The U.S. Treasury Department on Thursday lifted
        # sanctions on: KT Services & Logistics ..." was proposed as a sanction
        "The U.S. Treasury on Thursday lifted sanctions on three firms tied to the junta.",
        "The U.S. Treasury removed sanctions on two tycoons close to Myanmar's military on Friday.",
        "The European Union eased some sanctions against Myanmar's generals on Monday.",
        "Britain announced the lifting of sanctions on two Myanmar ministers on Friday.",
    ],
)
def test_sanctions_lifted_are_no_sanction(sentence):
    found = extract_events(sentence, date(2025, 7, 25), load_directory(DEFAULT_ACTORS_PATH))
    assert [c for c in found if c.event_type == "sanction"] == []


def test_sanctions_imposed_after_lifting_something_else_are_a_sanction():
    sentence = (
        "The U.S. Treasury on Thursday lifted a travel ban and imposed sanctions on "
        "three firms tied to Myanmar's military."
    )
    found = extract_events(sentence, date(2025, 7, 25), load_directory(DEFAULT_ACTORS_PATH))
    (sanction,) = [c for c in found if c.event_type == "sanction"]
    assert sanction.span.start == date(2025, 7, 24)


# Session 28, actor- and type-side leftovers (articles28b): made-up sentences of each class.


def arms_of(text: str, published: date = date(2030, 11, 15)):
    found = extract_events(text, published, load_directory(DEFAULT_ACTORS_PATH))
    return [c for c in found if c.event_type == "arms transfer"]


@pytest.mark.parametrize(
    "sentence",
    [
        # Military Watches (round 30): "brought three of them into service on November 7"
        "Laos's air force received new Russian helicopters and brought four of them into "
        "service on March 3.",
        "The Lao army took the Russian tanks into service on March 3.",
        "Laos's navy put two Russian submarines into active service on March 3.",
        "Laos inducted two Russian fighter jets into service on March 3.",
    ],
)
def test_weapons_brought_into_service_are_an_arms_transfer_from_their_makers(sentence):
    (arms,) = arms_of(sentence)
    assert "Russian government" in arms.actors
    assert (arms.span.start, arms.span.end) == (date(2030, 3, 3), date(2030, 3, 3))


def test_something_else_brought_into_service_is_no_arms_transfer():
    text = "Laos brought a new Russian-built hospital into service on March 3."
    assert arms_of(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # Military Watches (round 30): "Russia in 2022 re-purchased artillery rounds
        # previously sold to the country"
        "Russia in 2029 re-purchased artillery rounds previously sold to Laos.",
        "Russia bought back ammunition from Laos in 2029.",
        "In 2029 Russia repurchased missiles it had sold to Laos.",
    ],
)
def test_weapons_bought_back_are_sold_by_who_had_them(sentence):
    (arms,) = arms_of(sentence)
    assert "Russian government" in arms.recipients
    assert (arms.span.start, arms.span.end) == (date(2029, 1, 1), date(2029, 12, 31))


@pytest.mark.parametrize(
    "sentence",
    [
        # The New Indian Express (round 28): "Last year, heavy artillery weapons, ... were
        # sold, the group said."
        "Last year, heavy artillery weapons and detonators for bombs were sold, the group said.",
        "In 2029, two submarines were delivered, officials said.",
        "Drones and missiles have been supplied in 2029, the report says.",
    ],
)
def test_weapons_sold_in_the_passive_with_no_seller_take_the_previous_sentences(sentence):
    text = f"The Russian government sold rockets to Laos's army in 2028. {sentence}"
    found = arms_of(text)
    assert len(found) == 2
    later = max(found, key=lambda c: c.span.start)
    assert later.span.start.year == 2029
    assert "Russian government" in later.actors


def test_weapons_sold_in_the_passive_with_no_seller_anywhere_keep_the_known_party():
    text = "In 2029, two submarines were delivered to Laos, officials said."
    (arms,) = arms_of(text)
    assert arms.span.start.year == 2029
    assert arms.actors == ()
    assert arms.recipients


def test_goods_sold_in_the_passive_are_no_arms_transfer():
    text = "In 2029, rice and fertiliser were sold to Laos, officials said."
    assert arms_of(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Myanmar's foreign minister met Sergei Lavrov in Moscow on Tuesday.",
        "The Myanmar foreign minister held talks with Sergei Lavrov on Tuesday.",
        "Sergei Lavrov hosted Myanmar's foreign minister in Moscow on Tuesday.",
    ],
)
def test_a_ministers_title_with_several_governments_of_the_country_is_the_one_in_power(sentence):
    """The directory holds several Myanmar governments (the junta, the NUG, the NLD
    government...): a minister titled with the country and no government told serves
    the ruling body, as "his Myanmar counterpart" does (it resolved to nobody)."""
    found = extract_events(sentence, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    (meeting,) = [c for c in found if c.event_type in ("meeting", "visit")]
    assert "State Administration Council" in meeting.actors + meeting.recipients


def test_a_ministers_title_is_the_government_the_text_tells_of_most():
    text = (
        "The National Unity Government named its cabinet on Monday. The National Unity "
        "Government is in exile. Myanmar's foreign minister met Sergei Lavrov on Tuesday."
    )
    found = extract_events(text, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert "State Administration Council" not in meeting.actors + meeting.recipients
    assert "National Unity Government" in meeting.actors


@pytest.mark.parametrize(
    "sentence",
    [
        # World News Tech (round 29): "Russian Security Council Secretary Sergei Shoigu's
        # visit to Myanmar" listed the United Nations Security Council as a visitor
        "Russian Security Council Secretary Sergei Shoigu visited Laos on Monday.",
        "The Secretary of Russia's Security Council, Sergei Shoigu, met Lao leaders on Monday.",
        "Sergei Shoigu, secretary of the Security Council of Russia, visited Laos on Monday.",
    ],
)
def test_a_countrys_security_council_is_not_the_uns(sentence):
    found = extract_events(sentence, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    (event,) = found
    assert "Sergei Shoigu" in event.actors
    assert "United Nations Security Council" not in event.actors + event.recipients


@pytest.mark.parametrize(
    "sentence",
    [
        "The Security Council condemned the coup in Laos on Monday.",
        "Russia's envoy told the Security Council on Monday that it condemned the coup.",
    ],
)
def test_the_security_council_told_alone_is_still_the_uns(sentence):
    found = extract_events(sentence, date(2030, 11, 15), load_directory(DEFAULT_ACTORS_PATH))
    assert any("United Nations Security Council" in c.actors + c.recipients for c in found)


def types_of(text: str, published: date = date(2022, 8, 1)) -> list[str]:
    found = extract_events(text, published, load_directory(DEFAULT_ACTORS_PATH))
    return sorted(c.event_type for c in found)


@pytest.mark.parametrize(
    "sentence",
    [
        # The Phnom Penh Post (round 29): the event "Special Discussion: An Update on
        # ASEAN's Efforts in Myanmar" was read as a meeting of its words
        "Sergei Lavrov spoke at a July 21 videoconference event \u201cSpecial Discussion: "
        "An Update on the Efforts in Laos\u201d.",
        'Sergei Lavrov spoke on July 21 at the webinar "Talks With Laos: The Way Ahead".',
        "Sergei Lavrov spoke on July 21 at a seminar titled \u2018Peace Talks in Laos\u2019.",
    ],
)
def test_action_words_inside_a_quoted_title_are_no_event(sentence):
    assert "meeting" not in types_of(sentence)


def test_action_words_quoted_as_said_are_still_read():
    text = 'Sergei Lavrov said on July 21: "We held talks with Laos and they went well."'
    assert "meeting" in types_of(text)


@pytest.mark.parametrize(
    "sentence",
    [
        # The Phnom Penh Post (round 29): "The event was hosted by the ASEAN Studies Centre
        # at the ISEAS - Yusof Ishak Institute" was a visit by ASEAN
        "The event was hosted by the ASEAN Studies Centre at the Vientiane Institute on July 21.",
        "Sergei Lavrov's lecture, hosted by a Vientiane think tank, drew Lao officials on July 21.",
        "The ASEAN forum was hosted by Laos's foreign ministry on July 21.",
    ],
)
def test_a_gathering_hosted_or_a_host_institute_is_no_visit(sentence):
    assert "visit" not in types_of(sentence)


def test_a_country_that_hosted_a_visitor_is_still_visited():
    assert types_of("Laos hosted Sergei Lavrov on July 21.") == ["visit"]


# Session 28, rounds 32 and 33's misses (articles28c), continued


@pytest.mark.parametrize(
    "sentence",
    [
        # Arakan Now (round 32): "the Myanmar junta, which seized power in a 2021 coup and
        # is accused of crimes against humanity" was the junta's condemnation in 2021
        "Myanmar's junta, which seized power in a 2021 coup, is accused of crimes against "
        "humanity.",
        "Myanmar's junta was accused of genocide by the United Nations on Monday.",
        "Myanmar's generals were accused of war crimes in 2023.",
        "Myanmar's military is widely accused of atrocities against the Rohingya in 2017.",
    ],
)
def test_who_is_accused_in_the_passive_receives_the_condemnation(sentence):
    found = extract_events(sentence, date(2025, 7, 25), load_directory(DEFAULT_ACTORS_PATH))
    condemnations = [c for c in found if c.event_type == "condemnation"]
    accused = {"State Administration Council", "Tatmadaw"}
    assert all(not accused & set(c.actors) for c in condemnations)


def test_an_accuser_named_in_the_active_still_condemns():
    sentence = "China condemned Myanmar's junta for the air strikes on Monday."
    found = extract_events(sentence, date(2025, 7, 25), load_directory(DEFAULT_ACTORS_PATH))
    (condemnation,) = [c for c in found if c.event_type == "condemnation"]
    assert condemnation.actors == ("Chinese government",)
    assert condemnation.recipients == ("State Administration Council",)


def test_a_country_named_as_the_passives_agent_condemns():
    sentence = "Myanmar's junta was accused of genocide by China on Monday."
    found = extract_events(sentence, date(2025, 7, 25), load_directory(DEFAULT_ACTORS_PATH))
    (condemnation,) = [c for c in found if c.event_type == "condemnation"]
    assert condemnation.actors == ("Chinese government",)
    assert condemnation.recipients == ("State Administration Council",)


@pytest.mark.parametrize(
    ("sentence", "government"),
    [
        # US-ASEAN (round 32): "which had already been designated for sanctions by the UK
        # earlier this year" was no sanction (a country as the passive's agent)
        (
            "Asia Sun Trading, a jet fuel importer, which had already been designated for "
            "sanctions by the UK earlier this year, supplies the air force.",
            "British government",
        ),
        ("Two Myanmar firms were sanctioned by the UK on Friday.", "British government"),
        (
            "Two Myanmar tycoons were blacklisted by the United States on Friday.",
            "United States Department of State",
        ),
        (
            "Three Myanmar generals were designated for sanctions by Canada on Friday.",
            "Canadian government",
        ),
    ],
)
def test_a_country_as_the_agent_of_a_passive_sanction_imposes_it(sentence, government):
    found = extract_events(sentence, date(2023, 4, 14), load_directory(DEFAULT_ACTORS_PATH))
    (sanction,) = [c for c in found if c.event_type == "sanction"]
    assert sanction.actors == (government,)


def test_a_designation_for_something_else_is_no_sanction():
    sentence = "Two Myanmar firms were designated as strategic partners by the UK on Friday."
    found = extract_events(sentence, date(2023, 4, 14), load_directory(DEFAULT_ACTORS_PATH))
    assert [c for c in found if c.event_type == "sanction"] == []


# Session 28, rounds 34 and 35's misses (articles28d)


def found_in(text: str, published: date = date(2030, 11, 15)):
    return extract_events(text, published, load_directory(DEFAULT_ACTORS_PATH))


@pytest.mark.parametrize(
    "sentence",
    [
        # Daily Pakistan (round 35): UN investigators "called for an international probe
        # and action against top leadership of Myanmar's army ... for genocide"
        "On Monday the UN Security Council called for an international probe and action "
        "against the leadership of Myanmar's army for genocide.",
        "The UN Security Council on Monday called for the prosecution of the generals of "
        "Myanmar's army for war crimes.",
        "On Monday the UN Security Council demanded an independent inquiry into the "
        "alleged crimes against humanity of the leaders of Myanmar's army.",
    ],
)
def test_a_call_for_accountability_for_grave_crimes_is_a_condemnation(sentence):
    (event,) = [c for c in found_in(sentence) if c.event_type == "condemnation"]
    assert event.actors == ("United Nations Security Council",)
    assert "Tatmadaw" in event.recipients  # the army's leadership: its armed forces
    assert event.span.start == date(2030, 11, 11)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday the UN Security Council called for an investigation into the crash of "
        "a Myanmar army plane.",
        "On Monday the UN Security Council called for an inquiry into the floods in Myanmar.",
    ],
)
def test_a_call_for_an_inquiry_into_no_crime_is_no_condemnation(sentence):
    assert "condemnation" not in [c.event_type for c in found_in(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        # Daily Pakistan (round 35): "Rohingya Muslims fled to Bangladesh following a
        # campaign of arson and killings by the army ... last year"
        "Thousands of Myanmar's Rohingya fled to Bangladesh after a campaign of killings "
        "by the army last year.",
        "Last year, villagers from Myanmar fled to Thailand to escape killings by the military.",
        "Myanmar's Rohingya crossed into Bangladesh last year, fleeing a deadly crackdown by "
        "the army.",
    ],
)
def test_the_army_told_as_agent_after_by_acts_and_a_refuge_country_is_not_its(sentence):
    (event,) = [c for c in found_in(sentence) if c.event_type == "violence against civilians"]
    assert event.actors == ("Tatmadaw",)
    assert event.span.start == date(2029, 1, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        # The Morung Express (round 35): "talks between Union Minister of State for
        # Defense, Shripad Yesso Naik and Senior General Min Aung Hlaing" was a meeting
        "The pact followed talks between Union Minister of State for Defence, Zaw Bo Tun "
        "and Senior General Min Aung Hlaing on Monday.",
        "Defence Minister Zaw Bo Tun held talks with Senior General Min Aung Hlaing on Monday.",
        "India's defence minister met Senior General Min Aung Hlaing on Monday.",
        "On Monday, Laos's Secretary of Defense met Senior General Min Aung Hlaing.",
    ],
)
def test_talks_of_a_defence_minister_the_directory_lacks_are_military_cooperation(sentence):
    found = found_in(sentence, date(2019, 7, 29))
    assert [c.event_type for c in found] == ["military cooperation"]
    assert found[0].recipients == ("Min Aung Hlaing",)


@pytest.mark.parametrize(
    "sentence",
    [
        "External Affairs Minister Zaw Bo Tun met Senior General Min Aung Hlaing on Monday.",
        "Sergei Lavrov met Senior General Min Aung Hlaing on Monday, after the defence "
        "minister had left.",
    ],
)
def test_talks_of_others_stay_a_meeting(sentence):
    assert [c.event_type for c in found_in(sentence, date(2019, 7, 29))] == ["meeting"]


# Session 28, rounds 32 and 33's misses (articles28c), continued


@pytest.mark.parametrize(
    "sentence",
    [
        # Arakan Now (round 32): "He praised Trump as a 'true patriot'" (the letter's
        # praise, a statement of support as the golds give a leader's praise of another)
        "Min Aung Hlaing praised Vladimir Putin as a great leader on Monday.",
        "On Monday Min Aung Hlaing hailed Vladimir Putin as “a true friend of Myanmar”.",
        "Min Aung Hlaing lauded Vladimir Putin's leadership on Monday.",
        "Min Aung Hlaing praised the wise leadership of Vladimir Putin on Monday.",
    ],
)
def test_praise_of_a_leader_is_a_statement_of_support(sentence):
    found = extract_events(sentence, date(2025, 7, 25), load_directory(DEFAULT_ACTORS_PATH))
    (support,) = [c for c in found if c.event_type == "statement of support"]
    assert support.actors == ("Min Aung Hlaing",)
    assert support.span.start == date(2025, 7, 21)


def test_praise_of_a_dish_or_weather_is_no_statement_of_support():
    sentence = "Min Aung Hlaing praised the food and the weather in Moscow on Monday."
    found = extract_events(sentence, date(2025, 7, 25), load_directory(DEFAULT_ACTORS_PATH))
    assert [c for c in found if c.event_type == "statement of support"] == []


@pytest.mark.parametrize(
    "text",
    [
        # India This Week (round 33): "They had last met in April this year on the
        # sidelines of the BIMSTEC Summit in Bangkok" was a meeting of no one
        "Narendra Modi held talks with Min Aung Hlaing on Sunday. They had last met in "
        "April on the sidelines of a summit in Bangkok.",
        "Narendra Modi met Min Aung Hlaing in Tianjin on Sunday.\n\nThey first met in 2019 "
        "in New Delhi.",
        "Narendra Modi met Min Aung Hlaing in Tianjin on Sunday. They also met in Bangkok "
        "in April.",
    ],
)
def test_they_met_with_no_one_named_is_a_meeting_of_the_last_two_parties(text):
    found = extract_events(text, date(2025, 8, 31), load_directory(DEFAULT_ACTORS_PATH))
    earlier = [c for c in found if c.event_type == "meeting" and c.span.start < date(2025, 8, 1)]
    assert [set(c.actors + c.recipients) for c in earlier] == [{"Narendra Modi", "Min Aung Hlaing"}]


def test_they_met_someone_named_is_not_the_last_two_parties_meeting():
    text = (
        "Narendra Modi met Min Aung Hlaing in Tianjin on Sunday. Protesters gathered in "
        "Yangon. They met police officers there in April."
    )
    found = extract_events(text, date(2025, 8, 31), load_directory(DEFAULT_ACTORS_PATH))
    earlier = [c for c in found if c.event_type == "meeting" and c.span.start < date(2025, 8, 1)]
    assert all("Narendra Modi" not in c.actors for c in earlier)


@pytest.mark.parametrize(
    "sentence",
    [
        # Byron Shire News (round 33): "Wednesday marked the 'bloodiest day' so far, with
        # at least 38 protesters killed and scores more injured after authorities opened
        # fire on crowds" told no event (a toll in a reduced passive)
        'Wednesday marked the "bloodiest day" so far in Myanmar, with at least 38 '
        "protesters killed after authorities opened fire on crowds.",
        "In Myanmar on Wednesday, security forces opened fire, leaving 20 demonstrators "
        "killed and dozens wounded.",
        "Myanmar's security forces opened fire on crowds on Wednesday, with five students killed.",
    ],
)
def test_a_toll_of_civilians_killed_in_a_reduced_passive_is_violence(sentence):
    found = events_of(sentence, date(2021, 3, 8))
    (violence,) = [c for c in found if c.event_type == "violence against civilians"]
    assert violence.span.start == date(2021, 3, 3)
    assert "Tatmadaw" in violence.actors


def test_civilians_who_killed_someone_are_no_toll():
    sentence = "In Myanmar on Wednesday, 20 villagers killed a wild tiger near their homes."
    found = events_of(sentence, date(2021, 3, 8))
    assert [c for c in found if c.event_type == "violence against civilians"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        # Byron Shire News (round 33): '"Australia has raised our grave concerns about ...
        # the rising death toll following the events of 1 February," she said' was a
        # condemnation on 1 February
        '"Australia has raised grave concerns about the rising death toll in Myanmar '
        'following the events of 1 February," she said.',
        "Japan condemned Myanmar's junta following the protests of 3 March.",
        "Following the elections of November 2020, Japan condemned Myanmar's junta.",
    ],
)
def test_date_words_of_an_event_placed_after_of_are_that_events(sentence):
    found = [c for c in events_of(sentence, date(2021, 3, 8)) if c.event_type == "condemnation"]
    assert all(c.date_text not in ("1 February", "3 March", "November 2020") for c in found)


def test_an_acts_own_date_words_stay_before_a_placed_event_of_a_date():
    sentence = "Japan condemned Myanmar's junta on Friday following the killings of 3 March."
    found = events_of(sentence, date(2021, 3, 8))
    (condemnation,) = [c for c in found if c.event_type == "condemnation"]
    assert condemnation.span.start == date(2021, 3, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        # US Muslims / Anadolu (round 35): "calls for progress on a peace plan agreed upon
        # between Myanmar and other ASEAN members" was an agreement on the summit's day
        "The ASEAN summit began on Wednesday, with calls for progress on a peace plan agreed "
        "upon between Myanmar and other ASEAN members.",
        "Sergei Lavrov on Wednesday called for progress on the peace plan agreed upon by Laos "
        "and Russia.",
        "On Wednesday the ASEAN summit reviewed a cooperation pact signed by Laos and Russia.",
    ],
)
def test_an_agreement_named_by_a_participle_on_a_noun_takes_no_date_of_the_sentence(sentence):
    found = found_in(sentence, date(2024, 10, 9))
    assert "agreement" not in [c.event_type for c in found]


def test_a_participle_on_a_noun_keeps_its_own_date_words():
    sentence = (
        "The ASEAN summit began on Wednesday, with calls for progress on a peace plan agreed "
        "between Myanmar and ASEAN in April 2021."
    )
    (agreement,) = [c for c in found_in(sentence, date(2024, 10, 9)) if c.event_type == "agreement"]
    assert (agreement.span.start, agreement.span.precision) == (date(2021, 4, 1), "month")


@pytest.mark.parametrize(
    "sentence",
    [
        "Laos and Russia agreed a peace plan on Wednesday.",
        "On Wednesday Laos and Russia signed a cooperation pact.",
    ],
)
def test_an_agreement_told_by_its_verb_is_still_dated_by_the_sentence(sentence):
    (agreement,) = [c for c in found_in(sentence, date(2024, 10, 9)) if c.event_type == "agreement"]
    assert agreement.span.start == date(2024, 10, 9)


# Session 28, rounds 32 and 33's misses (articles28c), continued


@pytest.mark.parametrize(
    "second",
    [
        # India This Week (round 33): "Earlier in the day, PM Modi also met Cai Qi" (placed
        # against the Sunday of paragraph 1) was read as no date words
        "Earlier in the day, Narendra Modi met Xi Jinping.",
        "Later in the day, Narendra Modi met Xi Jinping in Tianjin.",
        "Narendra Modi met Xi Jinping earlier in the day.",
    ],
)
def test_earlier_or_later_in_the_day_is_the_last_day_told(second):
    text = f"Modi in Tianjin\n\nNarendra Modi met Min Aung Hlaing on Sunday.\n\n{second}"
    found = extract_events(text, date(2025, 8, 31), load_directory(DEFAULT_ACTORS_PATH))
    (xi,) = [c for c in found if "Xi Jinping" in c.recipients]
    assert xi.recipients == ("Xi Jinping",)  # a meeting of its own, not merged into one
    assert (xi.span.start, xi.span.end) == (date(2025, 8, 31), date(2025, 8, 31))


def test_earlier_in_the_day_with_no_day_told_dates_nothing():
    text = (
        "Modi in Tianjin\n\nNarendra Modi visited China in August.\n\nLater in the day, "
        "Narendra Modi met Xi Jinping."
    )
    found = extract_events(text, date(2025, 8, 31), load_directory(DEFAULT_ACTORS_PATH))
    assert [c for c in found if "Xi Jinping" in c.recipients] == []


@pytest.mark.parametrize(
    ("sentence", "praised"),
    [
        # Republic World (round 34): "Dr. Stephen Paul Jost from WHO hailed India's help to
        # Myanmar" told no statement of support (praise of another's help)
        ("On Tuesday, Sergei Lavrov hailed India's help to Laos.", "Indian government"),
        ("Sergei Lavrov on Tuesday praised China's assistance to Laos.", "Chinese government"),
        ("On Tuesday, Sergei Lavrov lauded India's role in the talks.", "Indian government"),
    ],
)
def test_praise_of_a_countrys_help_is_support_for_that_country(sentence, praised):
    found = found_in(sentence, date(2020, 10, 15))
    (support,) = [c for c in found if c.event_type == "statement of support"]
    assert support.actors == ("Sergei Lavrov",)
    assert support.recipients == (praised,)


def test_praise_of_ones_own_countrys_role_names_no_recipient():
    found = found_in("On Tuesday, Sergei Lavrov praised Russia's role in Laos.", date(2020, 10, 15))
    (support,) = [c for c in found if c.event_type == "statement of support"]
    assert support.recipients == ()


def test_a_country_facilitating_or_convening_meetings_holds_a_multilateral_meeting():
    """ "X facilitated two meetings", "convened a meeting", "organised talks on the crisis":
    the host holds a meeting of several states (round 36, ECNET News, paragraph 4:
    'Thailand facilitated two pivotal meetings'); a facilitated delivery is none."""
    for sentence in (
        "This week, Thailand facilitated two pivotal meetings on the crisis with China.",
        "This week, Thailand convened a meeting on the crisis with China and India.",
        "This week, Thailand organised three regional meetings on the crisis.",
        "This week, Thailand hosted two meetings on the crisis with China.",
    ):
        meetings = [c for c in events_of(sentence) if c.event_type == "multilateral meeting"]
        assert len(meetings) == 1, sentence
        assert "Thai" in meetings[0].actors[0], sentence
        assert meetings[0].date_text == "This week", sentence
    for sentence in (
        "This week, Thailand facilitated aid deliveries to the border with China.",
        "This week, Thailand organised a relief convoy for the border.",
    ):
        assert not [c for c in events_of(sentence) if c.event_type == "multilateral meeting"], (
            sentence
        )


def test_an_armed_rebellion_or_uprising_told_since_a_start_is_an_armed_clash():
    """ "protests escalating into an armed rebellion", "an armed uprising", "armed
    resistance" since a start: fighting against the rulers, an armed clash over the course
    (round 36, ECNET News, paragraph 2: 'escalating into an extensive armed rebellion');
    armed resistance groups meeting are who fights, no clash."""
    published = date(2024, 12, 20)
    for sentence in (
        "Since the coup in 2021, Myanmar has seen protests escalate into an armed rebellion.",
        "Since the coup in 2021, the junta has faced an armed uprising.",
        "Since the coup in 2021, armed resistance to the military has spread across Myanmar.",
    ):
        (clash,) = [c for c in events_of(sentence, published) if c.event_type == "armed clash"]
        assert (clash.span.start, clash.span.end) == (date(2021, 1, 1), date(2024, 12, 31))
    for sentence in (
        "Since the coup in 2021, armed resistance groups have met the junta in Myanmar.",
        "Since the coup in 2021, the junta has faced a rebellion of its own leaders in Myanmar.",
    ):
        assert not [c for c in events_of(sentence, published) if c.event_type == "armed clash"], (
            sentence
        )


def test_slated_scheduled_due_to_with_a_plural_or_slated_is_expected():
    """ "is slated to meet ... on July 14" in a text of 8 July: expected, the coming 14 July,
    not last year's (round 39, Times of India, paragraph 2: 'is slated to meet'); "are
    scheduled to", "are due to", "were set to" too; a done meeting on a later day stays in
    the past year."""
    published = date(2030, 7, 8)
    for sentence in (
        "Sergei Lavrov is slated to meet Wunna Maung Lwin on July 14.",
        "Sergei Lavrov and Wunna Maung Lwin are scheduled to meet on July 14.",
        "Sergei Lavrov and Wunna Maung Lwin are due to meet on July 14.",
        "Sergei Lavrov and Wunna Maung Lwin are slated to hold talks on July 14.",
    ):
        meetings = [c for c in events_of(sentence, published) if c.event_type == "meeting"]
        assert [(c.status, c.span.start) for c in meetings] == [("expected", date(2030, 7, 14))], (
            sentence
        )
    (done,) = events_of("Sergei Lavrov met Wunna Maung Lwin on July 14.", published)
    assert (done.status, done.span.start) == ("reported", date(2029, 7, 14))


# Session 28, round 38's misses (articles28g)


@pytest.mark.parametrize(
    ("sentence", "government"),
    [
        (
            "Activists today welcomed new UK sanctions targeting companies supplying fuel, "
            "arms and spare parts to the army.",
            "British government",
        ),
        (
            "Campaigners today praised Canadian sanctions that target firms selling weapons "
            "to the junta.",
            "Canadian government",
        ),
        ("New British sanctions targeted three shipping firms today.", "British government"),
    ],
)
def test_sanctions_targeting_someone_are_a_sanction_and_their_trade_no_transfer(
    sentence, government
):
    # Progressive Voice (Burma Campaign UK release), round 38: "new UK sanctions targeting
    # companies supplying aviation fuel, arms and aircraft parts" (SOURCES.md) was read as
    # an arms transfer by the UK
    found = extract_events(sentence, date(2023, 3, 27), SHIPPED)
    assert [c.event_type for c in found] == ["sanction"]
    (sanction,) = found
    assert sanction.actors == (government,)
    assert (sanction.span.start, sanction.span.precision) == (date(2023, 3, 27), "day")


def test_a_supply_of_arms_told_beside_sanctions_elsewhere_is_still_a_transfer():
    sentence = (
        "Russia today agreed to supply arms to the army, despite Western sanctions on the junta."
    )
    found = extract_events(sentence, date(2023, 3, 27), SHIPPED)
    assert "arms transfer" in [c.event_type for c in found]


def test_conducted_a_raid_or_operation_is_an_armed_clash():
    """ "conducted a cross-border raid against two insurgent camps" is an armed clash, as
    "carried out a raid" is (round 39, Times of India, paragraph 6: 'conducted a
    “successful” cross-border raid'); conducting a survey or an inquiry is none."""
    published = date(2030, 7, 8)
    for sentence in (
        "In June 2029, the Myanmar military conducted a raid against rebel camps.",
        "In June 2029, the Myanmar military conducted a cross-border raid on rebel camps.",
        "In June 2029, the Tatmadaw conducts an offensive against rebels in Rakhine.",
    ):
        clashes = [c for c in events_of(sentence, published) if c.event_type == "armed clash"]
        assert [(c.actors, c.span.start) for c in clashes] == [(("Tatmadaw",), date(2029, 6, 1))], (
            sentence
        )
    for sentence in (
        "In June 2029, the Tatmadaw conducted a survey of villages in Rakhine.",
        "In June 2029, the Tatmadaw conducted an inquiry into the attack in Rakhine.",
        "Since 2028, the Myanmar navy has conducted anti-piracy operations off Rakhine.",
    ):
        assert not [c for c in events_of(sentence, published) if c.event_type == "armed clash"]


@pytest.mark.parametrize(
    "opening", ["During the two-day visit, ", "During his trip, ", "During the official tour, "]
)
def test_an_action_during_the_visit_takes_the_day_of_the_visitors_last_dated_action(opening):
    # Eleven Myanmar, round 38: "During the two-day visit, Chinese President Xi Jinping also
    # met with ..." (SOURCES.md), a paragraph after the day of his talks, was left undated
    text = (
        "Sergei Shoigu arrived in Naypyitaw on Wednesday.\n\n"
        "The ministers discussed training and drills.\n\n"
        f"{opening}Sergei Shoigu met Min Aung Hlaing separately."
    )
    found = fuller(text, date(2030, 6, 7))
    (meeting,) = [c for c in found if c.event_type == "meeting"]
    assert (meeting.paragraph, meeting.span.start) == (3, date(2030, 6, 5))
    assert meeting.actors == ("Sergei Shoigu",)


@pytest.mark.parametrize(
    "last",
    [
        "Sergei Shoigu also met Min Aung Hlaing.",  # no visit named: nothing dates it
        "During the visit, Wunna Maung Lwin met Min Aung Hlaing.",  # no one of the day's
    ],
)
def test_an_undated_action_not_under_the_visitors_visit_takes_no_earlier_day(last):
    text = (
        "Sergei Shoigu arrived in Naypyitaw on Wednesday.\n\n"
        f"The ministers discussed training and drills.\n\n{last}"
    )
    found = fuller(text, date(2030, 6, 7))
    assert [c for c in found if c.event_type == "meeting"] == []


@pytest.mark.parametrize(
    "reference",
    [
        "The country has been in turmoil since the military's 2028 coup.",
        "It was the first such trip since last year's coup.",
        "Tensions have run high since the February 2028 military coup.",
    ],
)
def test_a_coups_own_date_words_do_not_date_the_undated_meeting_told_after_them(reference):
    # the lead's hand check (session 28): a meeting told with its day, a sentence naming
    # the coup with its year, then the meeting told again without date words was dated
    # by the coup's year (the paragraph's last date words)
    text = (
        "Sergei Shoigu met Myanmar's top generals on Monday in Naypyitaw. "
        f"{reference} Shoigu met junta chief Min Aung Hlaing in the capital and "
        "exchanged views on security."
    )
    found = fuller(text, date(2029, 6, 7))
    meetings = [c for c in found if c.event_type == "meeting"]
    assert meetings
    assert {(c.span.start, c.span.precision) for c in meetings} == {(date(2029, 6, 4), "day")}
    assert any("Min Aung Hlaing" in c.actors + c.recipients for c in meetings)


@pytest.mark.parametrize(
    "coup",
    [
        "Myanmar's military seized power in a coup on Monday.",
        "The Myanmar army staged a coup in 2028.",
    ],
)
def test_a_coup_told_with_its_own_date_still_dates_the_undated_act_after_it(coup):
    # date words of the clause (not on the coup noun) stay the paragraph's date
    text = f"{coup} Soldiers detained Aung San Suu Kyi and other leaders."
    found = fuller(text, date(2029, 6, 7))
    coups = [c for c in found if c.event_type == "coup"]
    others = [c for c in found if c.event_type != "coup"]
    assert coups and others
    assert {c.span for c in others} == {coups[0].span}


# The lead's hand check (session 28, articles28j): a meeting told with its day, told again
# in the next paragraph without date words, and a later paragraph naming the coup with its
# year after the noun; the second telling took the coup's year from the later sentence
# (through the sanction told there). Made-up text after the lead's.
_HAND_CHECK_MEETING = (
    "CITY - A former envoy, Karel Novak, met for talks with top officials of Myanmar's "
    "junta on Monday. Efforts to end the crisis unleashed by the military's 2021 coup "
    "have stalled.\n\n"
)
_HAND_CHECK_RETOLD = (
    "Novak met junta chief Min Aung Hlaing in Naypyitaw and exchanged views on the "
    "situation, according to the junta. It did not give details.\n\n"
)
_COUP_REFERENCES = [
    "Min Aung Hlaing has been sanctioned by the United States since the junta's coup in 2021.",
    "Min Aung Hlaing has been sanctioned by the United States since the coup of 2021.",
    "Min Aung Hlaing has been sanctioned by the European Union since the military coup in "
    "February 2021.",
]


@pytest.mark.parametrize("reference", _COUP_REFERENCES)
def test_a_meeting_told_again_takes_the_first_tellings_day_not_a_later_coups_year(reference):
    text = _HAND_CHECK_MEETING + _HAND_CHECK_RETOLD + reference
    found = extract_events(text, date(2023, 4, 25), load_directory())
    meetings = [c for c in found if c.event_type == "meeting"]
    assert [(c.span.start, c.span.precision) for c in meetings] == [(date(2023, 4, 24), "day")]
    assert "Min Aung Hlaing" in meetings[0].actors + meetings[0].recipients


@pytest.mark.parametrize("reference", _COUP_REFERENCES)
def test_an_undated_meeting_takes_no_date_from_a_coups_own_date_words_in_a_later_paragraph(
    reference,
):
    # no earlier meeting: the sanction's date words are the coup's, they lend nothing
    text = (
        "CITY - Efforts to end the crisis unleashed by the military's 2021 coup have "
        "stalled.\n\nKarel " + _HAND_CHECK_RETOLD + reference
    )
    found = extract_events(text, date(2023, 4, 25), load_directory())
    assert [c for c in found if c.event_type == "meeting"] == []


@pytest.mark.parametrize(
    "second",
    [
        "Novak asked to meet with Aung San Suu Kyi, according to the junta.",
        "Despite requests, Novak was unable to meet with Aung San Suu Kyi.",
        "Sergei Lavrov met Aung San Suu Kyi in Naypyitaw and exchanged views.",
    ],
)
def test_an_undated_meeting_not_told_again_takes_no_earlier_meetings_day(second):
    # must not fire: a request or a failure to meet, or a meeting of other persons
    text = _HAND_CHECK_MEETING + second
    found = extract_events(text, date(2023, 4, 25), load_directory())
    meetings = [c for c in found if c.event_type == "meeting"]
    assert all("Aung San Suu Kyi" not in c.actors + c.recipients for c in meetings)
