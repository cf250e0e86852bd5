"""An event the analyst adds in review: a candidates row, checked like the others."""

from __future__ import annotations

import pytest

from dashboard import schema
from dashboard.extraction import ADDED_STATUS, CANDIDATE_COLUMNS, added_candidate
from dashboard.table import load_directory
from dashboard.workspace import WorkspaceError, check_events


def test_a_filled_form_is_one_row_in_the_candidates_columns():
    row = added_candidate(
        {
            "title": " The envoy meets the minister ",
            "event_type": "meeting",
            "start_date": "2022-08-03",
            "date_precision": "day",
            "actors": "Sergei Lavrov",
            "countries": "Russia;Myanmar",
            "source_paragraph": "4",
        },
        source="Example Wire, 2022-08-05",
    )
    assert list(row.columns) == [*schema.SCHEMA_COLUMNS, *CANDIDATE_COLUMNS]
    (record,) = row.to_dict("records")
    assert record["title"] == "The envoy meets the minister"
    assert record["event_id"] == "meeting-sergei-lavrov-2022-08-03"  # as candidates' ids are
    assert record["end_date"] == "2022-08-03"  # an empty end is the start
    assert record["source"] == "Example Wire, 2022-08-05"
    assert record["date_basis"] == "article" and record["status"] == ADDED_STATUS
    assert "paragraph 4" in record["description"] and record["evidence"] == ""
    check_events([{c: record[c] for c in schema.SCHEMA_COLUMNS}], load_directory())


def test_a_row_without_actors_takes_its_id_from_the_country_and_is_checked_on_accept():
    (record,) = added_candidate(
        {"event_type": "protest", "start_date": "2021-02-06", "countries": "Myanmar"}
    ).to_dict("records")
    assert record["event_id"] == "protest-myanmar-2021-02-06"
    with pytest.raises(WorkspaceError) as raised:  # no title, no precision
        check_events([{c: record[c] for c in schema.SCHEMA_COLUMNS}], load_directory())
    columns = {p.column for p in raised.value.problems}
    assert {"title", "date_precision"} <= columns
