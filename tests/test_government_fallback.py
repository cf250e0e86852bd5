"""A country acting as such whose government the actors directory lacks: "<Demonym>
government", proposed for review as a new actor (dashboard/extraction/actor_finder.py,
``_ActorFinder.government_of``)."""

from __future__ import annotations

import io
from datetime import date

import pytest

from dashboard import cli
from dashboard.extraction import candidates_frame, extract_events
from dashboard.table import DEFAULT_ACTORS_PATH, load_directory

DIRECTORY = load_directory(DEFAULT_ACTORS_PATH)


def events_of(text: str):
    return extract_events(text, date(2022, 8, 3), DIRECTORY)


@pytest.mark.parametrize(
    "text",
    [
        "Chile condemned the junta on Tuesday.",  # the country as subject
        "Chile's government condemned the junta on Tuesday.",  # its government, told so
        "The Chilean government condemned the junta on Tuesday.",
        "The government of Chile condemned the junta on Tuesday.",
    ],
)
def test_a_country_without_a_directory_government_acts_through_one_proposed(text):
    assert "Chilean government" not in DIRECTORY.kinds
    (condemnation,) = [c for c in events_of(text) if c.event_type == "condemnation"]
    assert condemnation.actors == ("Chilean government",)
    assert "Chile" in condemnation.countries  # the proposed actor's country
    assert condemnation.proposed_actors == ("Chilean government",)
    # the directory passed in is not changed
    assert "Chilean government" not in DIRECTORY.kinds
    assert "Chilean government" not in DIRECTORY.countries


def test_a_demonym_on_the_action_noun_and_a_visit_to_a_capital():
    (condemnation, *_) = events_of("Chilean condemnation of the junta came on Tuesday.")
    assert condemnation.actors == ("Chilean government",)
    (visit,) = events_of("Min Aung Hlaing arrived in Tehran on Tuesday.")
    assert visit.recipients == ("Iranian government",)
    assert visit.proposed_actors == ("Iranian government",)
    assert set(visit.countries) == {"Myanmar", "Iran"}


def test_the_directory_government_wins_and_is_not_proposed():
    (condemnation, *_) = events_of("Russia condemned the junta on Tuesday.")
    assert condemnation.actors == ("Russian government",)
    assert condemnation.proposed_actors == ()
    (told,) = events_of("Russia's government condemned the junta on Tuesday.")
    assert told.actors == ("Russian government",)


def test_a_country_with_no_demonym_and_no_country():
    (condemnation, *_) = events_of("The DRC condemned the junta on Tuesday.")
    assert condemnation.actors == ("Government of DR Congo",)
    # "Congo" alone names either Congo: no country, no government
    assert all(
        c.actors != ("Government of Congo",)
        for c in events_of("Congo condemned the junta on Tuesday.")
    )


def test_the_candidates_file_and_the_cli_name_it_for_review(tmp_path):
    text = "Chile condemned the junta on Tuesday."
    frame = candidates_frame(events_of(text))
    assert "names to review as new actors: Chilean government" in frame["notes"].iloc[0]
    assert frame["proposed_actors"].iloc[0] == "Chilean government"
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    stderr = io.StringIO()
    argv = ["extract", str(article), "--published", "2022-08-03", "-o", str(tmp_path / "c.csv")]
    assert cli.main(argv, io.StringIO(), stderr) == 0
    assert "names to review as new actors: Chilean government" in stderr.getvalue()


def test_accepting_it_asks_for_the_actor_to_be_added_first():
    """A proposed government is no directory actor: accepting the candidate is refused
    with a message naming it (as any unknown actor), nothing saved."""
    from dashboard import schema
    from dashboard.workspace import WorkspaceError, check_events

    frame = candidates_frame(events_of("Chile condemned the junta on Tuesday."))
    records = [{c: str(row[c]) for c in schema.SCHEMA_COLUMNS} for _, row in frame.iterrows()]
    with pytest.raises(WorkspaceError, match="unknown actor 'Chilean government'"):
        check_events(records, DIRECTORY)
