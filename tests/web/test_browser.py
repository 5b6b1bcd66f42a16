"""The workbench in a real browser: log in, upload, review with the keyboard, read, search, compare.

Drives Debian's headless Chromium through Playwright against uvicorn in a
thread; screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from minewatch.store import open_store
from minewatch.web.app import create_app
from tests.conftest import PROFILE

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "browser test password"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """uvicorn serving an empty store (with one editor) on a free loopback port."""
    import uvicorn

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'minewatch.db'}")
    store.add_user("ed", PASSWORD, "editor")
    port = _free_port()
    srv = uvicorn.Server(
        uvicorn.Config(
            create_app(store, secret_key="browser"),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            lifespan="off",
        )
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        threading.Event().wait(0.02)
    yield f"http://127.0.0.1:{port}", store
    srv.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        pg.set_default_timeout(20_000)
        yield pg
        browser.close()


def test_a_reviewers_day(server, page) -> None:
    base, store = server

    # log in
    page.goto(f"{base}/review")
    page.click("text=Log in")
    page.fill("input[name=username]", "ed")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("header .who >> text=ed")

    # upload a corpus document; the page's script shows progress, then opens the document
    page.goto(f"{base}/upload")
    page.set_input_files("input[type=file]", str(PROFILE))
    page.screenshot(path=ARTIFACTS / "1-upload.png")
    page.click("button[type=submit]")
    page.wait_for_url("**/documents/*?new=1")
    assert page.locator("mark.fact").count() > 10
    assert store.documents()[0]["source"] == PROFILE.name
    page.screenshot(path=ARTIFACTS / "2-document.png")

    # accept the 3 million stockpile fact with the keyboard: j to reach it, a to accept
    page.goto(f"{base}/review?state=USA&indicator=stockpile")
    items = page.locator("li.item")
    texts = items.locator("p.sentence").all_inner_texts()
    target = next(i for i, t in enumerate(texts) if "3 million" in t)
    fact_id = int(items.nth(target).get_attribute("data-fact"))
    for _ in range(target):
        page.keyboard.press("j")
    assert "current" in items.nth(target).get_attribute("class")
    page.screenshot(path=ARTIFACTS / "3-review.png")
    with page.expect_navigation():
        page.keyboard.press("a")
    assert store.fact(fact_id).status == "accepted"
    assert page.locator(f"#item-{fact_id}").count() == 0  # it left the queue

    # the profile prints it as reviewed
    page.goto(f"{base}/states/USA")
    row = page.locator(f"tr:has(a[href='/facts/{fact_id}'])")
    assert row.locator(".badge.accepted").count() == 1
    assert page.locator("figure.chart svg").count() >= 1
    page.screenshot(path=ARTIFACTS / "4-state.png", full_page=False)
    page.goto(f"{base}/states/USA/profile")
    line = page.locator("p", has_text=texts[target].strip()).first
    assert "(unreviewed)" not in line.inner_text()
    assert page.locator("p", has_text="(unreviewed)").count() > 0  # the others still are

    # search finds it and links to it
    page.goto(f"{base}/")
    page.fill("header form.quick input", '"3 million" stockpile')
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(f"a[href='/facts/{fact_id}']").count() == 1
    assert page.locator("mark.hit").count() >= 1
    page.screenshot(path=ARTIFACTS / "5-search.png")

    # the compare page
    page.goto(f"{base}/compare?state=USA&start=2014&end=2021&include=candidate")
    assert page.locator("h1").inner_text() == "What changed and what did not"
    assert page.locator("table.compare tbody tr").count() >= 5
    page.screenshot(path=ARTIFACTS / "6-compare.png")

    # bulk accept the treaty-status candidates from the queue's own form
    page.goto(f"{base}/review?state=USA&indicator=treaty_status")
    waiting = page.locator("li.item").count()
    assert waiting > 0
    page.click("text=Accept all filtered candidates above a confidence")
    page.fill("input[name=threshold]", "0")
    with page.expect_navigation():
        page.click("button:has-text('Accept them')")
    assert page.locator(".notice.ok", has_text=f"Accepted {waiting} candidate").count() == 1
    assert store.facts(state="USA", indicator="treaty_status", status="candidate") == []
    page.screenshot(path=ARTIFACTS / "7-bulk-accept.png")

    # merge a second stockpile fact into the accepted one, by number, with a reason
    other = next(f for f in store.facts(state="USA", indicator="stockpile", status="candidate"))
    page.goto(f"{base}/facts/{fact_id}")
    page.click("text=Merge another fact into this one")
    by_number = page.locator("details:has-text('Merge another fact') form")
    by_number.locator("input[name=other]").fill(str(other.id))
    by_number.locator("input[name=reason]").fill("one stockpile, two passages")
    by_number.locator("input[name=force]").check()
    page.screenshot(path=ARTIFACTS / "8-merge.png")
    with page.expect_navigation():
        by_number.locator("button:has-text('Merge')").click()
    assert store.fact(other.id).status == "superseded"
    assert store.fact(other.id).attributes["merged_into"] == fact_id
