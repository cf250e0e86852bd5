"""Every page in a real browser with ENGINE=duckdb over a Parquet dataset: no process holds
the table; the pages ask the query layer, and show what the in-memory pages show."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.dataset import write_dataset
from dashboard.export import export_csv
from dashboard.filters import FilterSpec, filter_positions
from dashboard.table import load_events

from . import support

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the `browser` fixture skips, or fails under REQUIRE_BROWSER=1
    Page = expect = None

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

#: Page title -> how many Plotly charts it draws on the article's data.
CHARTS = {
    "Timeline": 1,
    "Network": 1,
    "Map": 1,
    "Events": 0,
    "About the data": 0,
    "Add events": 0,
}
SPEC = FilterSpec(countries=("Myanmar",))


@pytest.fixture(scope="module")
def duckdb_server(browser_ready, tmp_path_factory):
    """The app with ENGINE=duckdb over the article's table written as a dataset."""
    folder = tmp_path_factory.mktemp("engine-pages") / "dataset"
    table = load_events(support.DEFAULT_EVENTS_PATH)
    write_dataset(table, folder)
    with support.running_server({"EVENTS_PATH": str(folder), "ENGINE": "duckdb"}) as server:
        yield server, table


@pytest.mark.parametrize("title", list(CHARTS))
def test_every_page_is_served_by_duckdb(page: Page, duckdb_server, title: str) -> None:
    server, table = duckdb_server
    path = support.PAGES.get(title, title)
    support.open_app(page, server.page_url(path, SPEC.to_query_params()))
    support.assert_no_exception(page)
    n = len(filter_positions(table, SPEC))
    expect(page.get_by_text(f"— {n} of {len(table)} events.")).to_be_visible()
    assert support.wait_for_charts(page) == CHARTS[title]
    expect(page.get_by_test_id("stException")).to_have_count(0)
    if title == "About the data":
        expect(page.get_by_text("Served by the duckdb engine", exact=False)).to_be_visible()


def test_the_csv_download_over_duckdb_is_the_filtered_rows(
    page: Page, duckdb_server, tmp_path: Path
) -> None:
    server, table = duckdb_server
    support.open_app(page, server.page_url(support.PAGES["Events"], SPEC.to_query_params()))
    with page.expect_download() as info:
        support.csv_download(page).click()
    saved = tmp_path / "download.csv"
    info.value.save_as(saved)
    assert saved.read_bytes() == export_csv(table.take(filter_positions(table, SPEC)))
    support.assert_no_exception(page)
