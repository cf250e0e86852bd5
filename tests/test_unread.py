"""Date words no candidate took: read from the same paragraphs, sentences and resolver."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd

from dashboard.extraction import candidates_frame, extract_events
from dashboard.table import load_directory
from dashboard.unread import UNREAD_COLUMNS, unread_dates

PUBLISHED = date(2022, 8, 5)  # a Friday
#: Made-up text in our own words: one event our rules read, two date words they do not.
TEXT = (
    "Envoy Goes On\n\n"
    "PHNOM PENH—Russian Foreign Minister Sergei Lavrov flew to Phnom Penh on Thursday.\n\n"
    "Thailand and Laos held a border fair in Vientiane in early July. "
    "The weather was mild last week."
)


def candidates(text: str) -> pd.DataFrame:
    return candidates_frame(extract_events(text, PUBLISHED, load_directory()), source="")


def test_date_words_no_candidate_took_are_listed_with_paragraph_span_and_place():
    proposed = candidates(TEXT)
    assert proposed["date_text"].tolist() == ["on Thursday"]  # the flight, read
    unread = unread_dates(TEXT, PUBLISHED, proposed)
    assert tuple(unread.columns) == UNREAD_COLUMNS
    assert unread.to_dict("records") == [
        {
            "source_paragraph": "2",
            "date_text": "in early July",
            "start_date": "2022-07-01",
            "end_date": "2022-07-10",
            "date_precision": "week",
            "countries": "Thailand;Laos",
            "location": "Vientiane",
            "sentence": "Thailand and Laos held a border fair in Vientiane in early July.",
        },
        {
            "source_paragraph": "2",
            "date_text": "last week",
            "start_date": "2022-07-25",
            "end_date": "2022-07-31",
            "date_precision": "week",
            "countries": "",
            "location": "",
            "sentence": "The weather was mild last week.",
        },
    ]


def test_without_candidates_every_date_expression_is_listed():
    unread = unread_dates(TEXT, PUBLISHED, candidates("")[:0])
    assert unread["date_text"].tolist() == ["on Thursday", "in early July", "last week"]
    assert unread["location"].iat[0] == "Phnom Penh"
    assert unread["countries"].iat[0] == "Russia;Cambodia"  # named, then the place's


def test_a_second_date_in_a_sentence_a_candidate_came_from_is_still_listed():
    text = (
        "Envoy Goes On\n\nPHNOM PENH—Russian Foreign Minister Sergei Lavrov flew to Phnom "
        "Penh on Thursday, 18 months after the coup of February 2021."
    )
    proposed = candidates(text)
    assert proposed["date_text"].tolist() == ["on Thursday"]
    unread = unread_dates(text, PUBLISHED, proposed)
    assert unread["date_text"].tolist() == ["February 2021"]
    assert unread["date_precision"].tolist() == ["month"]


def test_score_with_the_article_counts_the_misses_the_list_points_at(tmp_path):
    from conftest import csv_text, event_row

    from dashboard import cli

    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.csv"
    flight = event_row(
        event_id="flight", start_date="2022-08-04", end_date="2022-08-04", date_text="on Thursday",
        actors="Sergei Lavrov", recipients="", countries="Russia;Cambodia",
        location="Phnom Penh", source_paragraph="1",
    )  # fmt: skip
    fair = event_row(
        event_id="fair", start_date="2022-07-01", end_date="2022-07-10", date_precision="week",
        event_type="meeting", date_text="in early July", actors="Sergei Lavrov", recipients="",
        countries="Thailand;Laos", location="Vientiane", source_paragraph="2",
    )  # fmt: skip
    gold.write_text(csv_text([flight, fair]), encoding="utf-8")
    candidates = tmp_path / "candidates.csv"
    argv = ["extract", str(article), "--published", "2022-08-05", "-o", str(candidates)]
    assert cli.main(argv, io.StringIO(), io.StringIO()) == 0
    stdout = io.StringIO()
    argv = ["score", str(candidates), str(gold), "--published", "2022-08-05"]
    assert cli.main([*argv, "--article", str(article), "-v"], stdout, io.StringIO()) == 0
    lines = stdout.getvalue().splitlines()
    assert "unread date words 2, pointing at 1 of 1 missed gold event" in lines
    assert (
        "missed gold event: fair (its date words listed unread: 'in early July', paragraph 2)"
        in lines
    )
    stderr = io.StringIO()  # the article's words need the date they are read against
    assert (
        cli.main(
            ["score", str(candidates), str(gold), "--article", str(article)], io.StringIO(), stderr
        )
        == 2
    )
    assert "--article needs --published" in stderr.getvalue()


def test_score_reads_an_article_that_is_not_utf8_as_extract_does(tmp_path):
    from dashboard import cli

    article = tmp_path / "latin1.txt"
    article.write_bytes("Talks\n\nCafé owners protested in Yangon on Monday.\n".encode("latin-1"))
    candidates = tmp_path / "candidates.csv"
    argv = ["extract", str(article), "--published", "2022-08-05", "-o", str(candidates)]
    assert cli.main(argv, io.StringIO(), io.StringIO()) == 0
    stdout = io.StringIO()
    argv = ["score", str(candidates), str(candidates), "--published", "2022-08-05"]
    assert cli.main([*argv, "--article", str(article)], stdout, io.StringIO()) == 0
    assert "unread date words" in stdout.getvalue()
