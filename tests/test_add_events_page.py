"""The "Add events" page, driven in-process with AppTest: paste, review, accept, see it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import workspace_event
from streamlit.testing.v1 import AppTest

from dashboard.workspace import ADDED_BY_COLUMN, Workspace
from ui import add_events

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 30
#: A short report in our own words (not any published article's sentences).
ARTICLE = (
    "Envoy Goes On To Cambodia\n\n"
    "PHNOM PENH—Russian Foreign Minister Sergei Lavrov flew to Phnom Penh on Thursday "
    "after his talks in Naypyitaw.\n\n"
    "The day before, Lavrov met Wunna Maung Lwin in Naypyitaw, the Russian side said."
)


@pytest.fixture
def workspace(tmp_path, monkeypatch) -> Workspace:
    path = tmp_path / "workspace.sqlite3"
    monkeypatch.setenv("WORKSPACE_PATH", str(path))
    monkeypatch.delenv("EVENTS_PATH", raising=False)
    return Workspace(path)


def open_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    at.switch_page("pages/5_Add_events.py").run()
    return at


def propose(at: AppTest, published: str = "2022-08-05") -> None:
    at.text_area(key=add_events.ARTICLE).input(ARTICLE)
    at.text_input(key=add_events.PUBLISHED).input(published)
    at.text_input(key=add_events.SOURCE).input('Example Wire, "Envoy goes on", 2022-08-05')
    at.button[0].click().run()  # the form's submit button


def accept_box(at: AppTest):
    """The "Accept these events" list (its key changes with every proposal)."""
    return next(m for m in at.multiselect if m.label == "Accept these events")


def test_paste_review_accept_then_the_event_is_in_the_table(workspace):
    at = open_page()
    assert not at.exception
    propose(at)
    assert not at.exception and not at.error
    choices = accept_box(at)
    assert choices.options, "candidates are offered for acceptance"
    visit = next(o for o in choices.options if "Visit" in o)
    choices.select(visit).run()
    at.text_input(key=add_events.WHO).input("Ana").run()
    next(b for b in at.button if "workspace" in b.label).click().run()
    assert not at.exception and not at.error
    assert "Added 1 event" in at.success[0].value
    frame = workspace.events_frame()
    assert frame["event_type"].tolist() == ["visit"]
    assert frame[ADDED_BY_COLUMN].tolist() == ["Ana"]
    assert str(frame["start_date"].iat[0].date()) == "2022-08-04"  # Thursday before Friday
    assert frame["location"].iat[0] == "Phnom Penh"
    assert workspace.articles()[0]["published"] == "2022-08-05"

    at.switch_page("pages/2_Events.py").run()  # the Events page counts it
    events = next(m for m in at.metric if m.label == "Events")
    from dashboard.table import load_events

    assert events.value == f"{len(load_events()) + 1:,}"


def test_a_bad_date_is_a_message_not_a_traceback(workspace):
    at = open_page()
    propose(at, published="5 August")
    assert not at.exception
    assert "not a date in the form YYYY-MM-DD" in at.error[0].value
    assert workspace.version() == (0, 0, 0)


def add_by_hand(at: AppTest, **fields) -> None:
    """Fill the form that adds an event the extractor missed, and submit it."""
    for column, value in fields.items():
        key = add_events.MANUAL + column
        if column in ("actors", "recipients"):
            at.multiselect(key=key).set_value(value)
        elif column in ("event_type", "date_precision"):
            at.selectbox(key=key).set_value(value)
        else:
            at.text_input(key=key).input(value)
    next(b for b in at.button if b.label == "Add to the candidates").click().run()


def accept_all(at: AppTest, who: str = "Ana") -> None:
    choices = accept_box(at)
    choices.set_value(list(choices.options)).run()
    at.text_input(key=add_events.WHO).input(who).run()
    next(b for b in at.button if "workspace" in b.label).click().run()


#: An article in our own words whose one event our rules have no action word for.
NO_CANDIDATES = "Talks Go On\n\nThe weather in Naypyitaw was mild on Thursday."


def test_an_event_the_extractor_missed_is_added_by_hand_and_accepted(workspace):
    at = open_page()
    at.text_area(key=add_events.ARTICLE).input(NO_CANDIDATES)
    at.text_input(key=add_events.PUBLISHED).input("2022-08-05")
    at.text_input(key=add_events.SOURCE).input('Example Wire, "Talks go on", 2022-08-05')
    at.button[0].click().run()
    assert "No candidate events" in at.info[0].value
    add_by_hand(
        at,
        title="Lavrov holds talks with the junta's foreign minister",
        event_type="meeting",
        start_date="2022-08-04",
        actors=["Sergei Lavrov"],
        recipients=["Wunna Maung Lwin"],
        countries="Russia;Myanmar",
        source_paragraph="2",
        date_text="on Thursday",
    )
    assert not at.exception and not at.error
    accept_all(at)
    assert not at.exception and not at.error
    assert "Added 1 event" in at.success[0].value
    (saved,) = workspace.records()
    assert (saved["event_type"], saved["start_date"], saved["end_date"]) == (
        "meeting",
        "2022-08-04",
        "2022-08-04",
    )
    assert (saved["actors"], saved["recipients"]) == ("Sergei Lavrov", "Wunna Maung Lwin")
    assert saved["source"] == 'Example Wire, "Talks go on", 2022-08-05'
    assert saved["source_paragraph"] == "2" and saved["date_basis"] == "article"


def test_date_words_no_candidate_took_fill_the_form_of_a_missed_event(workspace):
    at = open_page()
    at.text_area(key=add_events.ARTICLE).input(NO_CANDIDATES)
    at.text_input(key=add_events.PUBLISHED).input("2022-08-05")
    at.button[0].click().run()
    unread = at.session_state[add_events.UNREAD]
    assert unread["date_text"].tolist() == ["on Thursday"]
    assert any("no candidate took (1)" in m.value for m in at.markdown)
    at.selectbox(key=add_events.FILL_FROM).select_index(0).run()
    assert not at.exception
    form = {c: at.text_input(key=add_events.MANUAL + c).value for c in ("start_date", "end_date")}
    assert form == {"start_date": "2022-08-04", "end_date": "2022-08-04"}
    assert at.text_input(key=add_events.MANUAL + "location").value == "Naypyitaw"
    assert at.selectbox(key=add_events.MANUAL + "date_precision").value == "day"
    add_by_hand(at, title="Talks in the capital", event_type="meeting", actors=["Sergei Lavrov"])
    accept_all(at)
    assert not at.exception and not at.error
    (saved,) = workspace.records()
    assert (saved["start_date"], saved["date_text"], saved["source_paragraph"]) == (
        "2022-08-04",
        "on Thursday",
        "1",
    )
    assert (saved["countries"], saved["location"]) == ("Myanmar", "Naypyitaw")


def test_a_bad_event_added_by_hand_is_a_message_and_nothing_is_saved(workspace):
    at = open_page()
    propose(at)
    before = len(accept_box(at).options)
    add_by_hand(at, title="", event_type="meeting", start_date="2022-08-09", end_date="2022-08-01")
    assert len(accept_box(at).options) == before + 1
    accept_all(at)
    assert not at.exception
    message = at.error[0].value
    assert "Nothing was saved" in message  # named by column (markdown-escaped) and event
    assert "column end\\_date" in message and "before it starts" in message
    assert "column title" in message and "is empty" in message
    assert workspace.version() == (0, 0, 0)


def test_an_event_added_by_hand_with_a_candidates_id_is_kept_apart_not_refused(workspace):
    # An event added by hand with a candidate's type, first actor and start has its id
    # (ids are made from those, and the reviewer neither sees nor edits them). Accepted
    # together, both are kept as the workspace keeps any clashing id (``-2``), the same
    # as when they are accepted one after the other -- not refused over an id.
    at = open_page()
    propose(at)
    first = at.session_state[add_events.CANDIDATES].iloc[0]
    add_by_hand(
        at,
        title="A second event of the same day",
        event_type=first["event_type"],
        start_date=first["start_date"],
        actors=first["actors"].split(";"),
        countries=first["countries"],
    )
    ids = at.session_state[add_events.CANDIDATES]["event_id"].tolist()
    assert ids.count(first["event_id"]) == 2
    accept_all(at)
    assert not at.exception and not at.error
    assert f"Added {len(ids)} events" in at.success[0].value
    saved = {r["title"]: r["event_id"] for r in workspace.records()}
    assert saved["A second event of the same day"] == first["event_id"] + "-2"
    assert saved[first["title"]] == first["event_id"]
    (article,) = workspace.articles()
    assert article["text"] == ARTICLE


# --- the workspace's events join every table shown: the default, $EVENTS_PATH, an upload ---

WORKSPACE_EVENT = workspace_event()


def events_metric(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == "Events")


def banner(at: AppTest) -> str:
    return next(
        t for t in [*(i.value for i in at.info), *(c.value for c in at.caption)] if "Showing" in t
    )


def test_an_uploaded_table_is_shown_with_the_workspaces_events(workspace):
    from conftest import csv_bytes, sample_events

    from dashboard.table import load_directory

    workspace.accept([WORKSPACE_EVENT], "Ana", load_directory())
    rows = sample_events()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    at.switch_page("pages/2_Events.py").run()
    widget = next(u for u in at.file_uploader if u.key.startswith("upload_sidebar_"))
    widget.upload("mine.csv", csv_bytes(rows), "text/csv")
    at.run()
    assert not at.exception
    assert events_metric(at) == str(len(rows) + 1)
    assert f"{len(rows) + 1} events, 1 of them from your workspace" in banner(at)
    table = at.dataframe[0].value
    assert table[ADDED_BY_COLUMN].tolist().count("Ana") == 1  # the badge column


def test_the_events_path_table_is_shown_with_the_workspaces_events(
    workspace, monkeypatch, tmp_path
):
    from conftest import csv_bytes, sample_events

    from dashboard.table import load_directory

    workspace.accept([WORKSPACE_EVENT], "Ana", load_directory())
    path = tmp_path / "other.csv"
    path.write_bytes(csv_bytes(sample_events()))
    monkeypatch.setenv("EVENTS_PATH", str(path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    at.switch_page("pages/2_Events.py").run()
    assert not at.exception
    assert events_metric(at) == str(len(sample_events()) + 1)
    assert "1 of them from your workspace" in banner(at)


# --- new actors to review: a proposed name added to the workspace, then accepted ------------

#: A report in our own words naming a country whose government the directory lacks, and a
#: made-up envoy no directory lists.
NEW_NAMES = (
    "Santiago Speaks Out\n\n"
    "Chile condemned the junta's air strikes on villages on Monday, its foreign ministry "
    "said.\n\n"
    "Min Aung Hlaing met Tomas Verbeek, a Belgian envoy, in Naypyitaw on Tuesday."
)


def unescaped(markdown: str) -> str:
    """A message's text without the markdown escapes (``md_escape``)."""
    return markdown.replace("\\", "")


def propose_new_names(at: AppTest) -> None:
    at.text_area(key=add_events.ARTICLE).input(NEW_NAMES)
    at.text_input(key=add_events.PUBLISHED).input("2024-03-07")
    at.text_input(key=add_events.SOURCE).input('Example Wire, "Santiago speaks out", 2024-03-07')
    at.button[0].click().run()


def add_actor(at: AppTest, name: str, **fields) -> None:
    """Fill a proposed name's form under "New actors to review" and submit it
    (``actors``/``recipients``: the candidates' positions to put it into)."""
    for field, value in fields.items():
        key = f"{add_events.NEW_ACTOR}{field}_{name}"
        if field == "aliases":
            at.text_input(key=key).input(value)
        elif field in ("actors", "recipients"):
            at.multiselect(key=key).set_value(value)
        else:
            at.selectbox(key=key).set_value(value)
    next(b for b in at.button if b.label == f"Add {name} as an actor").click().run()


def test_a_proposed_government_is_added_as_an_actor_and_its_candidate_accepted(workspace):
    at = open_page()
    propose_new_names(at)
    assert not at.exception and not at.error
    assert any("New actors to review (2)" in m.value for m in at.markdown)
    # the defaults: a government of the country its demonym names; a person's kind unset
    kind, country = (
        at.selectbox(key=f"{add_events.NEW_ACTOR}{field}_Chilean government").value
        for field in ("kind", "country")
    )
    assert (kind, country) == ("government", "Chile")
    assert at.selectbox(key=f"{add_events.NEW_ACTOR}kind_Tomas Verbeek").value is None

    condemnation = next(o for o in accept_box(at).options if "Condemnation" in o)
    accept_box(at).select(condemnation).run()
    at.text_input(key=add_events.WHO).input("Ana").run()
    next(b for b in at.button if "workspace" in b.label).click().run()
    assert "unknown actor 'Chilean government'" in unescaped(at.error[0].value)  # not known
    assert workspace.records() == []

    add_actor(at, "Chilean government")
    assert not at.exception and not at.error
    assert "Added Chilean government to your workspace's actors" in at.success[0].value
    assert any("New actors to review (1)" in m.value for m in at.markdown)  # only the envoy
    (added,) = workspace.actors_frame().itertuples(index=False)
    assert (added.actor, added.kind, added.country, added.added_by) == (
        "Chilean government",
        "government",
        "Chile",
        "Ana",  # the reviewer's name
    )

    accept_box(at).set_value([condemnation]).run()
    next(b for b in at.button if "workspace" in b.label).click().run()
    assert not at.exception and not at.error
    assert "Added 1 event" in at.success[0].value
    (saved,) = workspace.records()
    assert (saved["event_type"], saved["actors"], saved["start_date"]) == (
        "condemnation",
        "Chilean government",
        "2024-03-04",
    )


def test_a_new_actor_refused_is_a_message_then_offered_once_added(workspace):
    at = open_page()
    propose_new_names(at)
    add_actor(at, "Tomas Verbeek", country="Belgium")  # no kind chosen
    assert not at.exception
    assert "Tomas Verbeek was not added" in at.error[0].value
    assert "column kind: is empty; use one of person" in unescaped(at.error[0].value)
    add_actor(at, "Tomas Verbeek", kind="person", aliases="Verbeek;Sergei Lavrov")
    assert not at.exception
    message = unescaped(at.error[0].value)
    assert "alias 'Sergei Lavrov' is already a name or alias in the actors directory" in message
    assert workspace.actors_frame().empty  # nothing saved
    assert "Tomas Verbeek" not in at.multiselect(key=add_events.MANUAL + "actors").options

    add_actor(at, "Tomas Verbeek", kind="person", aliases="Verbeek")
    assert not at.exception and not at.error
    assert workspace.actors_frame()["country"].tolist() == ["Belgium"]
    # the person is known now: offered by the form adding a missed event, and accepted
    assert "Tomas Verbeek" in at.multiselect(key=add_events.MANUAL + "actors").options
    add_by_hand(
        at,
        title="The junta chief receives a Belgian envoy",
        event_type="meeting",
        start_date="2024-03-05",
        actors=["Min Aung Hlaing"],
        recipients=["Tomas Verbeek"],
        countries="Myanmar;Belgium",
    )
    choices = accept_box(at)
    choices.set_value([o for o in choices.options if "Belgian envoy" in o]).run()
    next(b for b in at.button if "workspace" in b.label).click().run()
    assert not at.exception and not at.error
    (saved,) = workspace.records()
    assert saved["recipients"] == "Tomas Verbeek"


def test_a_proposed_person_is_put_into_its_candidates_where_the_reviewer_says(workspace):
    at = open_page()
    propose_new_names(at)
    meeting = next(o for o in accept_box(at).options if "Meeting" in o)
    position = accept_box(at).options.index(meeting)
    add_actor(at, "Tomas Verbeek", kind="person", country="Belgium", recipients=[position])
    assert not at.exception and not at.error
    assert f"and to the recipients of candidate {position + 1}:" in at.success[0].value
    # Its title names the recipient now, as the extractor would have.
    meeting = next(o for o in accept_box(at).options if "Meeting" in o)
    assert "with Tomas Verbeek" in meeting
    accept_box(at).set_value([meeting]).run()
    next(b for b in at.button if "workspace" in b.label).click().run()
    assert not at.exception and not at.error
    (saved,) = workspace.records()
    assert (saved["event_type"], saved["actors"], saved["recipients"]) == (
        "meeting",
        "Min Aung Hlaing",
        "Tomas Verbeek",
    )


def test_every_problem_of_a_workspace_refusal_is_listed_as_text(workspace, monkeypatch):
    # A workspace that refuses with several problems names each, by event and column, on
    # the Add events page and in the other pages' warning; their words render literally.
    from dashboard.problems import Problem
    from dashboard.workspace import WorkspaceError

    problems = [
        Problem(None, None, "the workspace is *locked* by another_program"),
        Problem(None, "title", "'Talks_in_Naypyitaw': is empty"),
    ]

    def refuse(self):
        raise WorkspaceError(problems)

    monkeypatch.setattr(Workspace, "version", refuse)
    at = open_page()
    assert not at.exception, at.exception
    (said,) = [e.value for e in at.error if "workspace" in e.value]
    at.switch_page("pages/2_Events.py").run()
    assert not at.exception, at.exception
    (warned,) = [w.value for w in at.warning if "not shown" in w.value]
    for message in (said, warned):
        assert "\\*locked\\*" in message  # escaped: shown as typed, not as emphasis
        assert "the workspace is *locked* by another_program" in unescaped(message)
        assert "column title: 'Talks_in_Naypyitaw': is empty" in unescaped(message)


def test_a_file_that_is_no_workspace_is_a_message_on_every_page_not_a_traceback(
    tmp_path, monkeypatch
):
    broken = tmp_path / "workspace.sqlite3"
    broken.write_bytes(b"not a database, " * 100)
    monkeypatch.setenv("WORKSPACE_PATH", str(broken))
    monkeypatch.delenv("EVENTS_PATH", raising=False)
    said = f"the workspace {broken} is not a database SQLite can read"
    at = open_page()
    assert not at.exception, at.exception
    assert [e.value for e in at.error if said in unescaped(e.value)], [e.value for e in at.error]
    at.switch_page("pages/3_About_the_data.py").run()
    assert not at.exception, at.exception
    warned = [w.value for w in at.warning if said in unescaped(w.value)]
    assert len(warned) == 1, warned  # once, not again for the table's notices
    assert broken.read_bytes() == b"not a database, " * 100  # nothing written to it
