"""The Add events page's review table: read in paragraph order, evidence beside its date
words, a refused edit named by the candidate's row and column (made-up candidates)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard import schema
from dashboard.extraction import candidates_frame, extract_events
from dashboard.review import (
    NUMBER,
    PARAGRAPH,
    READ_ONLY,
    REVIEW_COLUMNS,
    accepted_records,
    candidate_problems,
    evidence_parts,
    placed_in_candidates,
    review_frame,
)
from dashboard.table import load_directory
from dashboard.workspace import new_actors_to_review, with_actors


def candidates(paragraphs: list[str]) -> pd.DataFrame:
    """Made-up candidates as :func:`dashboard.extraction.candidates_frame` gives them (every
    column text), a meeting on 3 August 2022 per paragraph."""
    rows = []
    for k, paragraph in enumerate(paragraphs):
        row = dict.fromkeys(schema.SCHEMA_COLUMNS, "")
        row.update(
            event_id=f"meeting-{k}",
            start_date="2022-08-03",
            end_date="2022-08-03",
            date_precision="day",
            event_type="meeting",
            title=f"Meeting {k}",
            date_text="on Wednesday",
            actors="Sergei Lavrov",
            countries="Russia",
            source="Example Wire",
            source_paragraph=paragraph,
        )
        row.update(
            evidence=f"The envoys met on Wednesday in paragraph {paragraph}.",
            confidence="0.8",
            status="reported",
            proposed_actors="",
        )
        rows.append(row)
    return pd.DataFrame(rows, dtype="str")


def test_paragraphs_sort_as_numbers_past_nine_and_rows_keep_their_numbers():
    table = review_frame(candidates(["2", "10", "3;4", "9", "11"]))
    # The text column sorted "10" and "11" before "2": an article of 10+ paragraphs.
    assert candidates(["2", "10"])["source_paragraph"].sort_values().tolist() == ["10", "2"]
    ordered = table.sort_values(PARAGRAPH)
    assert ordered[PARAGRAPH].tolist() == [2, 3, 9, 10, 11]
    # Sorted, each row keeps the number the accept list gives it ("1.", "2."...).
    assert ordered.index.tolist() == [1, 3, 4, 2, 5] and ordered.index.name == NUMBER
    assert ordered["source_paragraph"].tolist() == ["2", "3;4", "9", "10", "11"]


def test_the_evidence_and_its_date_words_come_first_and_cannot_be_edited():
    table = review_frame(candidates(["1"]))
    assert list(table.columns) == list(REVIEW_COLUMNS)
    assert list(table.columns[:5]) == [PARAGRAPH, "evidence", "date_text", "start_date", "end_date"]
    assert {PARAGRAPH, "evidence"} <= set(READ_ONLY)
    assert "start_date" not in READ_ONLY and "title" not in READ_ONLY


def test_accepted_rows_are_the_workspace_s_text_records_with_the_edits():
    found = candidates(["1", "12", "3"])
    edited = review_frame(found)
    edited.loc[2, "title"] = "Talks in our own words"
    edited.loc[3, "location"] = None  # a cleared cell
    records = accepted_records(found, edited, [1, 2])
    assert [r["title"] for r in records] == ["Talks in our own words", "Meeting 2"]
    assert [r["source_paragraph"] for r in records] == ["12", "3"]
    assert records[1]["location"] == ""
    assert all(list(r) == list(schema.SCHEMA_COLUMNS) for r in records)
    assert all(isinstance(v, str) for r in records for v in r.values())


def test_a_refused_edit_is_named_by_the_candidate_s_row_and_its_column():
    found = candidates([str(p) for p in range(1, 12)])
    edited = review_frame(found)
    edited.loc[9, "end_date"] = "2022-08-01"  # ends before it starts
    chosen = [2, 8]  # candidates 3 and 9: the second accepted is row 9 of the table
    problems = candidate_problems(accepted_records(found, edited, chosen), chosen, load_directory())
    assert [(p.row, p.column) for p in problems] == [(9, "end_date")]
    assert str(problems[0]).startswith("row 9, column end_date: ")
    assert "ends (2022-08-01) before it starts (2022-08-03)" in problems[0].message
    fine = candidate_problems(accepted_records(found, edited, [2]), [2], load_directory())
    assert fine == []


def test_each_evidence_sentence_is_given_whole_its_date_words_apart():
    found = candidates(["1", "2", "3"])
    found.loc[1, "date_text"] = "ON WEDNESDAY"  # matched whatever its case
    found.loc[2, "date_text"] = "next week"  # told in another sentence: the sentence whole
    parts = evidence_parts(found)
    assert parts[0] == (1, "1", "The envoys met ", "on Wednesday", " in paragraph 1.")
    assert parts[1][3] == "on Wednesday"
    assert parts[2] == (3, "3", "The envoys met on Wednesday in paragraph 3.", "", "")
    for number, paragraph, before, words, after in parts:
        assert before + words + after == found.loc[number - 1, "evidence"]
        assert paragraph == found.loc[number - 1, "source_paragraph"]


def test_a_reviewed_name_is_placed_only_where_its_candidates_do_not_name_it():
    found = candidates(["1", "2", "3"])
    found["actors"] = ["Min Aung Hlaing", "", "Tomas Verbeek"]
    found["recipients"] = ["", "Sergei Lavrov", ""]
    placed = placed_in_candidates(found, "Tomas Verbeek", "recipients", [0, 1, 2])
    assert placed["recipients"].tolist() == ["Tomas Verbeek", "Sergei Lavrov;Tomas Verbeek", ""]
    assert placed["actors"].tolist() == found["actors"].tolist()
    assert found["recipients"].tolist() == ["", "Sergei Lavrov", ""]  # a new frame
    # Titles not the extractor's (made up here, or the analyst's) are kept.
    assert placed["title"].tolist() == found["title"].tolist()
    with pytest.raises(ValueError, match="'countries' is not one of actors, recipients"):
        placed_in_candidates(found, "Tomas Verbeek", "countries", [0])


#: Made-up: an envoy no directory lists, the recipient of one meeting and the actor of
#: the next; the extractor proposes him from both sentences without placing him.
ENVOY = (
    "Envoys Travel\n\n"
    "Min Aung Hlaing met Tomas Verbeek, a Belgian envoy, in Naypyitaw on Wednesday.\n\n"
    "Tomas Verbeek met Sergei Lavrov in Moscow on Monday."
)


def _extracted(directory) -> pd.DataFrame:
    found = extract_events(ENVOY, dt.date(2024, 3, 7), directory, source="Example Wire")
    return candidates_frame(found, source="Example Wire")


def test_a_reviewed_name_goes_where_the_reviewer_says_in_each_candidate_titled_anew():
    directory = load_directory()
    found = _extracted(directory)
    (new,) = new_actors_to_review(found, directory)
    assert new.name == "Tomas Verbeek" and len(new.candidates) == 2
    # The name proposed by both is the recipient of the first and the actor of the second.
    first, second = new.candidates
    placed = placed_in_candidates(found, new.name, "recipients", [first])
    placed = placed_in_candidates(placed, new.name, "actors", [second])
    # As the extractor reads the article once the envoy is known: the same parties, and
    # the same titles ("Meeting: Unknown actor with ..." no more).
    envoy = pd.DataFrame(
        [{"actor": new.name, "kind": "person", "country": "Belgium", "aliases": ""}]
    )
    known = _extracted(with_actors(directory, envoy))
    columns = ["title", "actors", "recipients"]
    assert placed[columns].to_dict("records") == known[columns].to_dict("records")
    assert "Unknown actor" in found["title"].iat[second]
    # Only the picked candidate takes the name into the column picked.
    alone = placed_in_candidates(found, new.name, "recipients", [first])
    assert alone.iloc[second].equals(found.iloc[second])


#: Made-up: a proposed person's country is read only from the words attached to the name
#: (a demonym or a country's possessive before the name or its title, "of" a country
#: after it, a country's title in apposition), never from where the meeting was.
ATTACHED = {
    "Former UN chief Tomas Verbeek met Min Aung Hlaing in Naypyitaw on Wednesday.": "",
    "Min Aung Hlaing met Cambodian Prime Minister Tomas Verbeek in Naypyitaw on Wednesday.": (
        "Cambodia"
    ),
    "Min Aung Hlaing met Indonesia's foreign minister Tomas Verbeek in Naypyitaw on Monday.": (
        "Indonesia"
    ),
    "Min Aung Hlaing met Tomas Verbeek of Thailand in Naypyitaw on Wednesday.": "Thailand",
    "Min Aung Hlaing met Tomas Verbeek, a Belgian envoy, in Naypyitaw on Wednesday.": "Belgium",
    "Myanmar's junta chief met Tomas Verbeek in Naypyitaw on Wednesday.": "",
}


@pytest.mark.parametrize("sentence", list(ATTACHED))
def test_a_proposed_person_takes_only_the_country_attached_to_the_name(sentence):
    directory = load_directory()
    text = f"Talks\n\n{sentence}"
    found = candidates_frame(extract_events(text, dt.date(2024, 3, 7), directory, source="X"))
    (new,) = [a for a in new_actors_to_review(found, directory) if a.name == "Tomas Verbeek"]
    assert "Myanmar" in found["countries"].iat[new.candidates[0]]  # the meeting's place
    assert new.country == ATTACHED[sentence]
