"""Every source format opens in a real browser, by upload and by EVENTS_PATH; the column
mapping for an unrecognised table; ACTORS_PATH gives the Network page its countries."""

from __future__ import annotations

import re

import pytest

from dashboard.importing import load_any_frame
from ui.mapping_form import NONE

from .support import (
    PAGES,
    REPO_ROOT,
    assert_no_exception,
    open_app,
    open_options,
    rerun_expected,
    running_server,
    wait_for_charts,
)
from .test_upload import ALERT, go_to, upload_on_page

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1
    Page = expect = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

SHAPES = REPO_ROOT / "tests" / "data" / "formats"
UPLOADS = [
    "acled_r_save.csv",
    "acled_api.json",
    "acled.xlsx",
    "acled_cp1252.csv",
    "gdelt2.export.CSV",
    "gdelt_sql_dump.csv",
    "ucdp_hdx.csv",
    "icews_events.tab",
]
# A list of official trips: a table no format knows, read by column mapping.
TRIPS = (SHAPES / "official_trips.csv").read_bytes()


def banner(name: str, count: int) -> str:
    return f"Showing your upload: {name} — {count} events."


def test_every_format_opens_by_upload(page: Page, app_server) -> None:
    open_app(page, app_server.page_url(PAGES["About the data"]))
    for name in UPLOADS:
        events, _ = load_any_frame(SHAPES / name)
        upload_on_page(page, name, (SHAPES / name).read_bytes())
        expect(
            page.get_by_test_id(ALERT).filter(has_text=banner(name, len(events)))
        ).to_be_visible()
        assert_no_exception(page)


@pytest.mark.parametrize(
    "name", ["gdelt1.export.CSV", "ucdp_ged.csv", "icews_events.tab", "acled_legacy.csv"]
)
def test_every_format_opens_by_events_path(page: Page, name: str) -> None:
    events, _ = load_any_frame(SHAPES / name)
    with running_server({"EVENTS_PATH": str(SHAPES / name)}) as server:
        open_app(page, server.page_url(PAGES["Events"]))
        shown = f"Showing {SHAPES / name} (from EVENTS_PATH) — {len(events)} events."
        expect(page.get_by_text(shown, exact=True)).to_be_visible()
        assert_no_exception(page)


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label``."""
    open_options(page.get_by_test_id("stMain").get_by_role("combobox", name=label, exact=True))
    with rerun_expected(page):
        page.get_by_role("option", name=option, exact=True).click()


def test_an_unrecognised_upload_is_mapped_column_by_column(page: Page, app_server) -> None:
    open_app(page, app_server.page_url(PAGES["About the data"]))
    upload_on_page(page, "trips.csv", TRIPS)
    expect(
        page.get_by_test_id(ALERT).filter(has_text="trips.csv is not a table this dashboard")
    ).to_be_visible()
    form = page.get_by_text("Map the columns of trips.csv")
    expect(form).to_be_visible()
    # The form guesses the analyst's headers, each labelled as a guess (mapping.HEADER_NAMES);
    # the location is picked by hand over its guess.
    for label, column in (
        ("Date or date range (free text) (guessed)", "time"),
        ("Title (guessed)", "description"),
        ("Countries (guessed)", "destination country"),
        ("Location (guessed)", "destination city"),
    ):
        box = page.get_by_test_id("stMain").get_by_role("combobox", name=label, exact=True)
        expect(box).to_have_value(column)
    choose(page, "Location (guessed)", NONE)
    field = page.get_by_label("Event type for every event")
    with rerun_expected(page):
        field.fill("visit")
        field.press("Enter")
    # The preview: the converted events, not yet loaded.
    expect(page.get_by_text("3 events.", exact=True)).to_be_visible()
    with rerun_expected(page):
        page.get_by_role("button", name="Load with this mapping").click()
    expect(page.get_by_test_id(ALERT).filter(has_text=banner("trips.csv", 3))).to_be_visible()
    expect(page.get_by_text("Map the columns of trips.csv")).to_have_count(0)
    assert_no_exception(page)


def test_actors_path_gives_the_network_its_countries(page: Page, tmp_path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text(
        "actor,kind,country,aliases\n"
        "Military Forces of Myanmar (2021-),military,Atlantis,\n"
        "Protesters (Myanmar),organisation,Lemuria,\n",
        encoding="utf-8",
    )
    env = {"EVENTS_PATH": str(SHAPES / "acled_api.csv"), "ACTORS_PATH": str(actors)}
    with running_server(env) as server:
        open_app(page, server.page_url(PAGES["Events"]))
        go_to(page, "Network")
        wait_for_charts(page)
        legend = page.locator(".legendtext")
        expect(legend.filter(has_text=re.compile("^Atlantis$"))).to_have_count(1)
        expect(legend.filter(has_text=re.compile("^Lemuria$"))).to_have_count(1)
        assert_no_exception(page)
