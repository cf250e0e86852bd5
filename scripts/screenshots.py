"""Save a screenshot of each main page under docs/ (``make screenshots``).

Uses the browser tests' set-up (tests/browser/support.py): Debian's Chromium, a real
Streamlit server on a free port, and waits for the app's "not running" state.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.browser.support import (  # noqa: E402  (needs the repo root on sys.path)
    PAGES,
    assert_no_exception,
    browser_unavailable_reason,
    launch_browser,
    new_page,
    open_app,
    running_server,
    wait_for_charts,
    wait_for_map,
)

#: Screenshot file name -> page path (as in PAGES).
SHOTS: dict[str, str] = {
    "screenshot-timeline.png": PAGES["Timeline"],
    "screenshot-network.png": PAGES["Network"],
    "screenshot-events.png": PAGES["Events"],
    "screenshot-about.png": PAGES["About the data"],
    "screenshot-map.png": "Map",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=REPO_ROOT / "docs", help="directory for the PNGs"
    )
    args = parser.parse_args(argv)
    reason = browser_unavailable_reason()
    if reason:
        print(f"cannot take screenshots: {reason}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with running_server() as server, sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            page = new_page(browser)
            for name, path in SHOTS.items():
                open_app(page, server.page_url(path))
                wait_for_charts(page)
                if path == "Map":
                    wait_for_map(page)
                assert_no_exception(page)
                target = args.out / name
                page.screenshot(path=str(target))
                print(f"wrote {target}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
