"""Counts at a glance: events, countries, actors and the date span of a selection."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from figure_fixtures import row, small_table

from dashboard import gdelt, schema
from dashboard.importing import load_any
from dashboard.summary import (
    CODED_ON_IMPORT,
    Fatalities,
    OwnFields,
    event_fatalities,
    fatalities,
    fatalities_help,
    fatality_column,
    fatality_values,
    metric_weights,
    own_fields,
    source_name,
    summarise,
)

ROWS = [
    row("a", actors="Sergei Lavrov", recipients="Gen. Hlaing", start_date="2022-08-03"),
    row(
        "b",
        actors="Wang Yi",
        countries="Laos",
        start_date="2022-07-01",
        end_date="2022-07-31",
        date_precision="month",
    ),
    row("c", actors="Antony Blinken", start_date="2021-02-01", end_date="2021-02-01"),
]


def test_summary_of_all_events():
    table = small_table(ROWS)
    assert summarise(table, np.arange(3)) == {
        "events": 3,
        # Russia and Myanmar via the actors of a, China via Wang Yi and Laos listed in b,
        # the United States via Blinken.
        "countries": 5,
        # The alias Gen. Hlaing counts as Min Aung Hlaing.
        "actors": 4,
        "first_date": "2021-02-01",
        "last_date": "2022-08-03",
    }


def test_summary_of_a_subset_uses_the_latest_end_date():
    table = small_table(ROWS)
    summary = summarise(table, np.array([1]))
    assert summary == {
        "events": 1,
        "countries": 2,
        "actors": 1,
        "first_date": "2022-07-01",
        "last_date": "2022-07-31",
    }


def test_summary_of_nothing():
    table = small_table(ROWS)
    assert summarise(table, np.array([], dtype=np.int64)) == {
        "events": 0,
        "countries": 0,
        "actors": 0,
        "first_date": None,
        "last_date": None,
    }


def test_repeated_positions_count_once():
    table = small_table(ROWS)
    assert summarise(table, np.array([2, 2, 2]))["events"] == 1


# --- deaths: ACLED's fatalities, UCDP's best ------------------------------------------


def _with_deaths(column: str, values: list[str]):
    return small_table(
        [row(name, **{column: value}) for name, value in zip("abcde", values, strict=False)]
    )


@pytest.mark.parametrize("column", ["fatalities", "FATALITIES", "best", "Best"])
def test_fatalities_sum_the_deaths_column_of_the_selection(column):
    table = _with_deaths(column, ["3", "0", "12", "5"])
    assert fatalities(table, np.arange(4)) == Fatalities(column, 20, 0)
    assert fatalities(table, np.array([0, 2])) == Fatalities(column, 15, 0)
    assert fatalities(table, np.array([], dtype=np.int64)) == Fatalities(column, 0, 0)


def test_fatalities_count_the_events_without_a_number():
    table = _with_deaths("fatalities", ["3", "", "unknown", "-1", "4"])
    found = fatalities(table, np.arange(5))
    assert found == Fatalities("fatalities", 7, 3)
    assert "3 of the events give no number" in fatalities_help(found)
    assert "`fatalities`" in fatalities_help(found)


def test_fatalities_prefer_acled_fatalities_and_need_a_deaths_column():
    assert fatality_column(["best", "low", "FATALITIES"]) == "FATALITIES"
    assert fatality_column(["event_id", "high", "low"]) is None
    assert fatalities(small_table(ROWS), np.arange(3)) is None


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"fatalities": 3}, 3),
        ({"best": "12"}, 12),
        ({"FATALITIES": "0"}, 0),
        ({"fatalities": ""}, None),
        ({"fatalities": pd.NA}, None),
        ({"fatalities": "-1"}, None),
        ({"notes": "12 killed"}, None),
    ],
)
def test_event_fatalities_read_one_row(fields, expected):
    assert event_fatalities(pd.Series({"event_id": "e", **fields})) == expected


def test_fatality_values_are_numbers_or_missing():
    values = fatality_values(pd.Series(["2", "", "x", "-4", "7.0", None], dtype=object))
    assert values.tolist()[:1] + values.tolist()[4:5] == [2.0, 7.0]
    assert values.isna().tolist() == [False, True, True, True, False, True]


def test_metric_weights_give_each_value_its_share_of_the_characters():
    values = ["1,849", "5", "34", "14,948", "1991-08-08 – 2022-12-31"]
    weights = metric_weights(values)
    assert weights == [5, 4, 4, 6, 23]
    # The date span gets the room its 23 characters need, not a fixed share.
    assert weights[-1] / sum(weights) > 0.5


def test_an_event_s_own_fields_are_its_table_s_other_columns_with_a_value():
    event = pd.Series(
        {
            "event_id": "e1",
            "start_date": pd.Timestamp("2019-10-24"),
            "title": "Threaten",
            "latitude": "49.25",
            "GoldsteinScale": -7.0,
            "AvgTone": 2.02774813233724,
            "NumMentions": 3,
            "Actor1Name": "",
            "Actor1Geo_Lat": np.nan,
            "DATEADDED": "2019-10-24T14:30:00Z",
            "fatalities": "3",
            "workspace_added_by": "",
            "Intensity": None,
            "Story ID": 47400351.0,
        }
    )
    own = own_fields(event, hidden=("workspace_added_by",))
    assert own.source == [
        ("GoldsteinScale", "-7"),
        ("AvgTone", "2.02774813233724"),
        ("NumMentions", "3"),
        ("DATEADDED", "2019-10-24T14:30:00Z"),
        ("Story ID", "47400351"),
    ]
    assert own.coded == []
    # Ours only: nothing of the source's own.
    assert own_fields(event[["event_id", "start_date", "title", "latitude"]]) == OwnFields([], [])


REAL = Path(__file__).parent / "data" / "real"
FORMATS = Path(__file__).parent / "data" / "formats"


def _source_columns(path: Path) -> list[str]:
    """The source file's own column names: its header, or GDELT's for a headerless export."""
    first = path.read_text(encoding="utf-8").splitlines()[0].split("\t")
    return list(gdelt.COLUMNS.get(len(first), first))


@pytest.mark.parametrize(
    "path",
    [REAL / "gdelt2_20191024143000_export_sample.CSV", FORMATS / "icews_events.tab"],
    ids=["gdelt2-real", "icews"],
)
def test_an_imported_event_s_own_fields_are_its_file_s_columns_named_as_the_file_names_them(
    path,
):
    table, _ = load_any(path)
    file_columns = _source_columns(path)
    # Every column an import adds beyond our schema is the file's (perhaps prefixed) or
    # one the importer coded: CODED_ON_IMPORT names them all.
    extra = [c for c in table.events.columns if c not in schema.SCHEMA_COLUMNS]
    assert {source_name(c) for c in extra if c not in CODED_ON_IMPORT} == set(file_columns)
    assert set(extra) & set(CODED_ON_IMPORT)
    for position in range(len(table.events)):
        event = table.take(np.asarray([position])).iloc[0]
        own = own_fields(event)
        names = [name for name, _ in own.source]
        assert set(names) <= set(file_columns)
        assert names == [c for c in file_columns if c in names]  # in the file's order
        assert not set(names) & set(CODED_ON_IMPORT)
        texts = {text for _, text in own.source}
        # The file's id and the date as written are the details' Event id and date:
        # not repeated (GDELT's GLOBALEVENTID and SQLDATE, ICEWS's Event Date).
        assert event["event_id"] not in texts and event["date_text"] not in texts
        # What the importer coded is apart, and only where the file does not say it: the
        # CAMEO code as the file writes it (EventCode, CAMEO Code) is said once, as the
        # file's; ICEWS's 51 is read as 051, which the file does not say.
        assert [name for name, _ in own.coded] == [
            c for c in CODED_ON_IMPORT if event[c] != "" and event[c] not in texts
        ]
        assert (event["cameo_code"] in texts) != ("cameo_code" in dict(own.coded))
    if "Latitude" in file_columns:  # ICEWS's, kept as icews_Latitude beside ours
        assert ("Latitude", "19.745") in own_fields(table.take(np.asarray([0])).iloc[0]).source
