"""The "Add events" page end to end in Chromium: paste an article, review the candidates,
accept one; it shows on the Timeline and in the Events download, and a reload keeps it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from dashboard.filters import FilterSpec
from dashboard.loading import parse_events
from dashboard.workspace import ADDED_BY_COLUMN, Workspace

from .support import (
    PAGES,
    StreamlitServer,
    assert_no_exception,
    csv_download,
    open_app,
    open_options,
    rerun_expected,
    running_server,
    wait_for_app,
)

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1, and says why
    Page = expect = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

#: A short report in our own words (no published article's sentences).
ARTICLE = (
    "Envoy Goes On To Cambodia\n\n"
    "PHNOM PENH—Russian Foreign Minister Sergei Lavrov flew to Phnom Penh on Thursday "
    "after his talks in Naypyitaw.\n\n"
    "The day before, Lavrov met Wunna Maung Lwin in Naypyitaw, the Russian side said."
)
#: Only the accepted event matches: the article's table has no visit on 4 August 2022.
ONLY_IT = FilterSpec(event_types=("visit",), start=dt.date(2022, 8, 4), end=dt.date(2022, 8, 4))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    return Workspace(tmp_path_factory.mktemp("browser-workspace") / "workspace.sqlite3")


@pytest.fixture(scope="module")
def server(browser_ready, workspace) -> Iterator[StreamlitServer]:
    """A server of its own: the accepted event must not reach the other tests' server."""
    with running_server({"WORKSPACE_PATH": str(workspace.path)}) as started:
        yield started


def fill(page: Page, label: str, text: str) -> None:
    page.get_by_label(label, exact=True).fill(text)


def accept_one(page: Page, option: str) -> None:
    """Accept the one candidate whose label matches the pattern ``option``, and save it."""
    accept = page.get_by_test_id("stMultiSelect").filter(has_text="Accept these events")
    open_options(accept.get_by_role("combobox"))
    with rerun_expected(page):
        page.get_by_role("option", name=re.compile(option)).click()
    page.keyboard.press("Escape")
    with rerun_expected(page):
        page.get_by_role("button", name="Add the accepted events to the workspace").click()
    expect(page.get_by_test_id("stAlert").filter(has_text="Added 1 event")).to_be_visible()
    assert_no_exception(page)


def timeline_shows_it(page: Page, server: StreamlitServer) -> None:
    """The Timeline, filtered to the event's day and type, offers it and shows its badge."""
    open_app(page, server.page_url(PAGES["Timeline"], ONLY_IT.to_query_params()))
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Show details of")
    open_options(picker.get_by_role("combobox"))
    option = page.get_by_role("option", name=re.compile(r"^2022-08-04 · Visit: Sergei Lavrov"))
    with rerun_expected(page):
        option.click()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Workspace · added by Ana")).to_be_visible()
    expect(main.get_by_text("Location: Phnom Penh")).to_be_visible()
    assert_no_exception(page)


def test_paste_review_accept_then_timeline_download_and_reload(page: Page, server, workspace):
    open_app(page, server.page_url(PAGES["Add events"]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Add events")

    fill(page, "Article text", ARTICLE)
    fill(page, "Publication date", "2022-08-05")
    fill(page, "Citation", 'Example Wire, "Envoy goes on", 2022-08-05')
    with rerun_expected(page):
        page.get_by_role("button", name="Propose events").click()

    # Review: the candidates table (with its evidence column) and the accept picker.
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"candidate events, each with the sentence"))
    ).to_be_visible()
    accept = page.get_by_test_id("stMultiSelect").filter(has_text="Accept these events")
    open_options(accept.get_by_role("combobox"))
    with rerun_expected(page):
        page.keyboard.type("Visit")
        page.get_by_role("option", name=re.compile(r"Visit: Sergei Lavrov")).wait_for()
        page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    name = page.get_by_label("Your name (recorded with each accepted event and added actor)")
    name.fill("Ana")
    with rerun_expected(page):
        name.press("Enter")
    with rerun_expected(page):
        page.get_by_role("button", name="Add the accepted events to the workspace").click()
    expect(page.get_by_test_id("stAlert").filter(has_text="Added 1 event")).to_be_visible()
    assert_no_exception(page)
    (saved,) = workspace.records()
    assert (saved["event_type"], saved["start_date"], saved[ADDED_BY_COLUMN]) == (
        "visit",
        "2022-08-04",
        "Ana",
    )

    timeline_shows_it(page, server)

    # The Events page's download holds it, with the workspace column.
    open_app(page, server.page_url(PAGES["Events"], ONLY_IT.to_query_params()))
    with page.expect_download() as info:
        csv_download(page).click()
    downloaded = parse_events(info.value.path().read_bytes())
    assert downloaded["event_id"].tolist() == [saved["event_id"]]
    assert downloaded[ADDED_BY_COLUMN].tolist() == ["Ana"]

    # A reload (a new run of every script, same server) keeps it.
    page.reload()
    wait_for_app(page)
    timeline_shows_it(page, server)


def test_an_uploaded_table_is_shown_and_downloaded_with_the_workspaces_events(
    page: Page, server, workspace
):
    from conftest import csv_bytes, sample_events, workspace_event

    from dashboard.table import load_directory

    from .test_upload import go_to, metric_value, upload_on_page

    own = workspace_event("lavrov-in-phnom-penh-upload-test")
    workspace.accept([own], "Ben", load_directory())
    saved = len(workspace.records())  # the other test's accepted event too, if it ran first
    rows = sample_events()
    open_app(page, server.page_url(PAGES["About the data"]))
    upload_on_page(page, "mine.csv", csv_bytes(rows))
    total = len(rows) + saved
    shown = (
        f"Showing your upload: mine.csv — {total} events, {saved} of them from your workspace (✎)."
    )
    expect(page.get_by_text(shown, exact=True)).to_be_visible()
    go_to(page, "Events")
    assert metric_value(page, "Events") == str(total)
    with page.expect_download() as info:
        csv_download(page).click()
    downloaded = parse_events(info.value.path().read_bytes())
    assert len(downloaded) == total
    assert (downloaded[ADDED_BY_COLUMN] != "").sum() == saved
    assert "lavrov-in-phnom-penh-upload-test" in downloaded["event_id"].tolist()
    assert_no_exception(page)


def test_an_event_the_extractor_missed_is_added_by_hand(page: Page, server, workspace):
    open_app(page, server.page_url(PAGES["Add events"]))
    fill(page, "Article text", "Talks Go On\n\nThe weather in Naypyitaw was mild on Tuesday.")
    fill(page, "Publication date", "2022-08-05")
    fill(page, "Citation", 'Example Wire, "Talks go on", 2022-08-05')
    with rerun_expected(page):
        page.get_by_role("button", name="Propose events").click()
    expect(page.get_by_text(re.compile(r"^No candidate events"))).to_be_visible()

    # The date words no candidate took are listed, and picking them fills the form.
    expect(page.get_by_text("Date words no candidate took (1)")).to_be_visible()
    page.get_by_text("Add an event the extractor missed").click()
    start = page.get_by_test_id("stSelectbox").filter(has_text="Start from date words")
    open_options(start.get_by_role("combobox"))
    with rerun_expected(page):
        page.get_by_role("option", name=re.compile(r"^¶1 'on Tuesday' \(2022-08-02\)")).click()
    expect(page.get_by_label("Start date", exact=True)).to_have_value("2022-08-02")
    expect(page.get_by_label("Location", exact=True)).to_have_value("Naypyitaw")
    fill(page, "Title", "Lavrov meets the junta's foreign minister in Naypyitaw")
    fill(page, "Countries of the event", "Russia;Myanmar")
    kind = page.get_by_test_id("stSelectbox").filter(has_text="Event type")
    open_options(kind.get_by_role("combobox"))
    page.get_by_role("option", name="meeting", exact=True).click()
    actors = page.get_by_test_id("stMultiSelect").filter(has_text="Actors of the event")
    open_options(actors.get_by_role("combobox"))
    page.keyboard.type("Sergei Lav")
    page.get_by_role("option", name="Sergei Lavrov").click()
    page.keyboard.press("Escape")
    with rerun_expected(page):
        page.get_by_role("button", name="Add to the candidates").click()

    # It joins the review table and is accepted like a proposed candidate.
    expect(page.get_by_text("Review the candidates")).to_be_visible()
    accept_one(page, r"Lavrov meets the junta")
    added = [r for r in workspace.records() if r["start_date"] == "2022-08-02"]
    assert [(r["event_type"], r["actors"], r["countries"]) for r in added] == [
        ("meeting", "Sergei Lavrov", "Russia;Myanmar")
    ]
    assert [(r["date_text"], r["source_paragraph"], r["location"]) for r in added] == [
        ("on Tuesday", "1", "Naypyitaw")
    ]


#: A report in our own words naming a country whose government the directory lacks.
CHILE = (
    "Santiago Speaks Out\n\n"
    "Chile condemned the junta's air strikes on villages on Monday, its foreign ministry said."
)


def test_a_proposed_government_is_added_as_an_actor_then_its_candidate_accepted(
    page: Page, server, workspace
):
    open_app(page, server.page_url(PAGES["Add events"]))
    fill(page, "Article text", CHILE)
    fill(page, "Publication date", "2024-03-07")
    fill(page, "Citation", 'Example Wire, "Santiago speaks out", 2024-03-07')
    with rerun_expected(page):
        page.get_by_role("button", name="Propose events").click()
    name = page.get_by_label("Your name (recorded with each accepted event and added actor)")
    name.fill("Ana")
    with rerun_expected(page):
        name.press("Enter")

    # Under the candidates: the proposed government, its kind and country filled in.
    expect(page.get_by_text("New actors to review (1)")).to_be_visible()
    form = page.get_by_test_id("stForm").filter(has_text="Chilean government")
    expect(form.get_by_role("combobox", name="Kind")).to_have_value("government")
    expect(form.get_by_role("combobox", name="Country")).to_have_value("Chile")
    # An alias another actor has is refused with a message, nothing saved.
    form.get_by_label("Other names", exact=True).fill("Kremlin")
    with rerun_expected(page):
        form.get_by_role("button", name="Add Chilean government as an actor").click()
    expect(page.get_by_test_id("stAlert").filter(has_text="was not added")).to_contain_text(
        "alias 'Kremlin' is already a name or alias in the actors directory"
    )
    assert workspace.actors_frame().empty
    form.get_by_label("Other names", exact=True).fill("Government of Chile")
    with rerun_expected(page):
        form.get_by_role("button", name="Add Chilean government as an actor").click()
    expect(
        page.get_by_test_id("stAlert").filter(has_text="Added Chilean government to your")
    ).to_be_visible()
    expect(page.get_by_text("New actors to review (0)")).to_be_visible()
    assert workspace.actors_frame()[["actor", "country", "added_by"]].values.tolist() == [
        ["Chilean government", "Chile", "Ana"]
    ]

    # The candidate naming it is accepted now.
    accept_one(page, r"Condemnation: Chilean government")
    saved = [r for r in workspace.records() if r["start_date"] == "2024-03-04"]
    assert [(r["event_type"], r["actors"], r[ADDED_BY_COLUMN]) for r in saved] == [
        ("condemnation", "Chilean government", "Ana")
    ]


def test_a_new_proposal_starts_with_nothing_accepted(page: Page, server):
    """The browser kept the accept list's picks (and the table's edits) while their keys
    stayed: proposing the next article left candidate 1 picked, a position, so the next
    article's first candidate would have been accepted unseen."""
    open_app(page, server.page_url(PAGES["Add events"]))
    fill(page, "Article text", ARTICLE)
    fill(page, "Publication date", "2022-08-05")
    fill(page, "Citation", 'Example Wire, "Envoy goes on", 2022-08-05')
    with rerun_expected(page):
        page.get_by_role("button", name="Propose events").click()
    accept = page.get_by_test_id("stMultiSelect").filter(has_text="Accept these events")
    open_options(accept.get_by_role("combobox"))
    with rerun_expected(page):
        page.get_by_role("option", name=re.compile(r"^1\. ")).click()
    page.keyboard.press("Escape")
    expect(accept).to_contain_text("1. ")

    fill(page, "Article text", ARTICLE.replace("Thursday", "Friday"))
    with rerun_expected(page):
        page.get_by_role("button", name="Propose events").click()
    accept = page.get_by_test_id("stMultiSelect").filter(has_text="Accept these events")
    expect(accept).not_to_contain_text("1. ")
    assert_no_exception(page)
