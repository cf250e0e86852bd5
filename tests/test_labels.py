"""plain_label: text from the data made one-line, short and literal for Plotly."""

from __future__ import annotations

import pytest

from dashboard.labels import chart_title, plain_label

FORCE = "ABCD: Joint Regional Stabilisation Force for the Northern Provinces"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short name (Chad)", 60, "Short name (Chad)"),
        # Cut: the trailing brackets that tell such names apart are kept.
        (f"{FORCE} (2019-) (Chad)", 40, "ABCD: Joint Regional Sta… (2019-) (Chad)"),
        (f"{FORCE} (2019-) (Niger)", 40, "ABCD: Joint Regional St… (2019-) (Niger)"),
        (f"{FORCE} (Mali)", 30, "ABCD: Joint Regional S… (Mali)"),
        # No trailing brackets, or brackets only inside: cut at the end as before.
        (FORCE, 30, "ABCD: Joint Regional Stabilis…"),
        (
            "Police Forces of Ruritania (2010-) Border Guard Unit",
            30,
            "Police Forces of Ruritania (2…",
        ),
        # Brackets longer than half the room: the head matters more.
        (
            "Name (a qualifier far too long to keep whole here)",
            30,
            "Name (a qualifier far too lon…",
        ),
        # Still escaped after the cut.
        (
            "<b>Force</b> of the long and winding road (Chad)",
            24,
            "&lt;b&gt;Force&lt;/b&gt; of… (Chad)",
        ),
    ],
)
def test_a_cut_keeps_the_trailing_brackets(text, limit, expected):
    assert plain_label(text, limit) == expected


@pytest.mark.parametrize("limit", [20, 30, 45, 60])
def test_cut_labels_are_never_longer_than_the_limit(limit):
    for text in (f"{FORCE} (2019-) (Chad)", FORCE, "x" * 100 + " (y)"):
        assert len(plain_label(text, limit)) <= limit


def test_names_differing_only_in_their_last_brackets_stay_apart():
    names = [f"{FORCE} (2019-) ({country})" for country in ("Chad", "Niger", "Mali")]
    labels = {plain_label(name, 60) for name in names}
    assert len(labels) == 3


def test_a_chart_title_keeps_its_notes_apart_as_the_subtitle():
    assert chart_title("Events by actor") == {"text": "Events by actor"}
    assert chart_title("Events on the map", ["a note", "another"]) == {
        "text": "Events on the map",
        "subtitle": {"text": "a note; another"},
    }
