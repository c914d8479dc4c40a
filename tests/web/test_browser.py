"""The pages in a real browser (Debian's chromium driven by playwright), with no network: events page, filters by
type and province, an event, its article with highlighted evidence; hostile article text stays text.

Screenshots of every page go to build/screenshots/ (printed at the end of the run). The tests are skipped, with
the reason, when playwright or /usr/bin/chromium is missing (``apt-get install -y chromium``).
"""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rasd.api import ApiSettings, create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(eval_db: str) -> Iterator[str]:
    """The app over the eval store, served by uvicorn on 127.0.0.1 (a free port) in a thread."""
    import uvicorn

    config = uvicorn.Config(create_app(ApiSettings(db=eval_db)), host="127.0.0.1", port=0, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def shots(request: pytest.FixtureRequest) -> Iterator[Path]:
    """The screenshot folder (emptied first); its path is printed when the run ends."""
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    yield SHOTS
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"rasd browser tests: screenshots in {SHOTS}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """What a page did that it should not: requests off this server, console errors, CSP violations."""

    def __init__(self, page: Any, base: str) -> None:
        self.external: list[str] = []
        self.errors: list[str] = []

        def route(r: Any) -> None:
            if r.request.url.startswith(base) or r.request.url.startswith("data:"):
                r.continue_()
            else:
                self.external.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def check(self) -> None:
        assert self.external == [], f"requests off the server: {self.external}"
        assert self.errors == [], f"console errors: {self.errors}"


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[tuple[Any, Watch]]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ar")
    pg = ctx.new_page()
    watch = Watch(pg, server)
    yield pg, watch
    ctx.close()


def test_browser_events_filter_event_article(page: tuple[Any, Watch], server: str, shots: Path) -> None:
    pg, watch = page
    pg.goto(f"{server}/events?lang=en")
    assert pg.locator("html").get_attribute("dir") == "ltr"
    pg.wait_for_selector("#map[data-markers]")
    assert int(pg.locator("#map").get_attribute("data-markers")) > 0
    assert pg.locator("#map path.event-marker").count() > 0
    assert pg.locator("#timeline rect").count() > 0
    pg.screenshot(path=str(shots / "1-events.png"), full_page=True)

    pg.select_option("#f-type", "ASSAULT")
    with pg.expect_navigation():  # wait for the new page, not the load state of the old one
        pg.click("#f-apply")
    types = pg.locator("tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types and set(types) == {"ASSAULT"}
    pg.select_option("#f-admin1", "SY-ID")
    with pg.expect_navigation():  # wait for the new page, not the load state of the old one
        pg.click("#f-apply")
    assert "type=ASSAULT" in pg.url and "admin1=SY-ID" in pg.url
    rows = pg.locator("tr.event-row")
    assert rows.count() > 0
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.type)")) == {"ASSAULT"}
    pg.wait_for_selector("#map[data-markers]")
    pg.screenshot(path=str(shots / "2-events-assault-idlib.png"), full_page=True)

    pg.locator("tr.event-row", has_not_text="2024-03-07").locator("a.event-link").first.click()
    pg.wait_for_selector("#reports")
    assert pg.locator("li.report").count() >= 1
    assert pg.locator("li.report mark.rec-trigger").count() >= 1
    pg.screenshot(path=str(shots / "3-event.png"), full_page=True)

    pg.locator("a.article-link").first.click()
    pg.wait_for_selector("#article-text")
    text = pg.locator("#article-text")
    assert text.get_attribute("dir") == "rtl"
    marks = text.locator("mark.rec")
    assert marks.count() > 0 and text.locator("mark.rec-trigger").count() > 0
    assert pg.locator(".record.active").count() == 1  # the event we came from
    trigger = text.locator("mark.rec-trigger").first
    trigger.hover()
    tip = pg.locator("#rec-tip")
    assert tip.is_visible() and tip.locator(".record").count() >= 1
    pg.screenshot(path=str(shots / "4-article.png"), full_page=True)
    trigger.click()
    assert pg.locator(".record.active").count() >= 1

    with pg.expect_navigation():
        pg.click("#lang-switch")
    assert pg.locator("html").get_attribute("dir") == "rtl"
    assert pg.locator("#article-text").get_attribute("dir") == "rtl"
    pg.screenshot(path=str(shots / "5-article-ar.png"), full_page=True)
    watch.check()


def test_browser_hostile_article_is_shown_as_text(page: tuple[Any, Watch], server: str, shots: Path) -> None:
    pg, watch = page
    pg.goto(f"{server}/articles?lang=ar")
    pg.get_by_role("link", name=re.compile("عنوان")).first.click()
    pg.wait_for_selector("#article-text")
    text = pg.locator("#article-text")
    shown = text.inner_text()
    assert "<script>window.__pwned = 'script';</script>" in shown
    assert "<img src=x onerror=" in shown and 'href="javascript:' in shown
    assert text.locator("script, img, a, div").count() == 0
    assert pg.locator("a[href^='javascript:' i]").count() == 0
    assert "<script>" in pg.locator("#article-title").inner_text()
    for m in text.locator("mark.rec").all()[:5]:
        m.click()
    assert pg.evaluate("() => window.__pwned") is None
    pg.screenshot(path=str(shots / "6-hostile-article.png"), full_page=True)
    pg.goto(f"{server}/events?lang=ar&text=سراقب")
    pg.wait_for_selector("#map[data-markers]")
    assert pg.evaluate("() => window.__pwned") is None
    watch.check()


def test_browser_map_marker_filters_by_its_province(page: tuple[Any, Watch], server: str) -> None:
    pg, watch = page
    pg.goto(f"{server}/events?lang=en&type=ASSAULT")
    pg.wait_for_selector("#map[data-markers]")
    marker = pg.locator("#map path.event-marker:not([data-admin1=''])").first
    admin1 = marker.get_attribute("data-admin1")
    marker.dispatch_event("click")  # no pointer: markers may overlap
    link = pg.locator(".leaflet-popup a.map-filter")
    link.wait_for()
    with pg.expect_navigation():
        link.evaluate("a => a.click()")  # the DOM click: the popup may still be panning the map into view
    assert f"admin1={admin1}" in pg.url and "type=ASSAULT" in pg.url
    assert pg.locator("tr.event-row").count() > 0
    watch.check()


def test_browser_bulletin(page: tuple[Any, Watch], server: str, shots: Path) -> None:
    pg, watch = page
    pg.goto(f"{server}/bulletin?date=2018-06-30&lang=en")  # a day of the dev set with events and counts
    assert pg.locator("#bulletin").is_visible()
    link = pg.locator("a.num-link").first
    target = link.get_attribute("href")
    assert target and target.startswith("#")
    link.click()
    assert pg.locator(f"{target} q").count() >= 1
    pg.screenshot(path=str(shots / "7-bulletin.png"), full_page=True)
    watch.check()
