"""The directory's widely known office-holders in extraction: a rule that keeps them from
costing precision (docs/extraction.md, "World knowledge")."""

from __future__ import annotations

from datetime import date

from dashboard.extraction import extract_events
from dashboard.table import DEFAULT_ACTORS_PATH, load_directory

DIRECTORY = load_directory(DEFAULT_ACTORS_PATH)


def test_a_statement_told_as_recent_is_not_of_an_earlier_reports_day():
    """Press TV round 9: the Kremlin spokesman "told reporters on Monday"; then
    "Bachelet in a recent statement accused the junta" - not Monday (it was 13 April):
    left undated, so no candidate, where before it took the spokesman's day."""
    text = (
        "Kremlin spokesman Dmitry Peskov told reporters on Monday that Russia condemns "
        "the violence.\n\n"
        "UN rights chief Michelle Bachelet in a recent statement accused the junta of "
        "crimes against humanity.\n\n"
        "Michelle Bachelet said on Tuesday she condemned the junta."
    )
    found = [(c.actors, c.span.start) for c in extract_events(text, date(2021, 4, 26), DIRECTORY)]
    assert found == [
        (("Dmitry Peskov",), date(2021, 4, 26)),  # "told reporters on Monday"
        (("Michelle Bachelet",), date(2021, 4, 20)),  # her own words date her statement
    ]
