"""End to end in Debian's headless Chromium driven by Playwright: the dashboard as a person uses it.

Chromium comes from apt (`make test` / .ci/run install it when missing); Playwright's own browser download
is never used. Skips, saying why, only when /usr/bin/chromium is absent.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and shutil.which("chromium") is None,
                                reason="Debian's chromium is not installed (apt-get install -y chromium); "
                                       "`make test` installs it")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                              args=ARGS)
        yield b
        b.close()


def test_dashboard_usa_china_chart_timeline_event(browser: Any, base_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "/")
    page.wait_for_selector("#dyad option[value='USA-CHN']", state="attached")
    page.select_option("#dyad", "USA-CHN")
    page.wait_for_selector("#chart canvas")
    page.wait_for_selector("#timeline li.engagement")
    assert "United States ↔ China" in page.inner_text("#index-title")
    timeline = page.inner_text("#timeline")
    assert "refused" in timeline and "Woodside" in timeline and "held" in timeline
    from playwright.sync_api import expect

    # the events table, the channels and the timeline load in parallel: wait for each, never race them
    expect(page.locator("#events tbody tr")).to_have_count(25)
    expect(page.locator("#channels .verdict-frozen").first).to_be_attached()
    page.screenshot(path=str(ARTIFACTS / "dashboard-usa-chn.png"), full_page=True)

    link = page.locator("#timeline li.engagement a.event-link", has_text="Li Shangfu").first
    link.click()
    page.wait_for_selector("#sentences p.sentence")
    sentence = page.inner_text("#sentences")
    assert "Li Shangfu" in sentence
    assert page.locator("#sentences mark.trigger").count() >= 1
    assert page.locator("#sentences mark.actor").count() >= 1
    assert "triggers" in page.inner_text("#rules")
    page.screenshot(path=str(ARTIFACTS / "event-page.png"), full_page=True)
    assert not errors, errors
    page.close()


def test_event_filter_and_pages(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "/?dyad=USA-CHN")
    page.wait_for_selector("#events tbody tr")
    from playwright.sync_api import expect

    page.click("#next")
    expect(page.locator("#page")).to_have_text(re.compile(r"^events 26–"))
    expect(page.locator("#prev")).to_be_enabled()
    page.select_option("#f-type", "REJECT")
    page.click("#filters button[type=submit]")
    expect(page.locator("#page")).to_have_text(re.compile(r"^events 1–"))
    types = page.locator("#events tbody tr td:nth-child(3)").all_inner_texts()
    assert types and all(t.startswith("REJECT") for t in types)
    expect(page.locator("#prev")).to_be_disabled()
    page.close()


def test_hostile_article_renders_as_text(browser: Any, base_url: str) -> None:
    import json
    import urllib.request

    with urllib.request.urlopen(base_url + "/api/events?dyad=USA-CHN&since=2023-03-03&until=2023-03-03",
                                timeout=20) as r:
        events = [e for e in json.load(r)["events"] if e["doc_id"] == "hostile"]
    assert events
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base_url}/event/{events[0]['id']}")
    page.wait_for_selector("#sentences p.sentence")
    text = page.inner_text("#sentences")
    assert '<script>alert("xss")</script> "><img src=x onerror=alert(1)>' in text  # shown, as text
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # only the page's own event.js
    assert page.evaluate("() => document.querySelectorAll('#sentences *').length") == page.evaluate(
        "() => document.querySelectorAll('#sentences h4, #sentences p, #sentences mark, #sentences span').length")
    page.wait_for_timeout(300)
    assert not dialogs
    page.screenshot(path=str(ARTIFACTS / "hostile-event.png"), full_page=True)
    page.close()
