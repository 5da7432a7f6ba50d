"""A real browser (Debian chromium via Playwright) against a live server on loopback.

The path a curator takes: search → entity page → an "Across the border" link → the document
page with the mention highlighted. Skipped, with the reason, where chromium is not installed.
"""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store.embedded import EmbeddedStore

CHROMIUM = Path("/usr/bin/chromium")
FIXTURE = Path(__file__).parent / "data" / "pages_fixture.trig"
BASE = "http://shekara.test/"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium "
                                                     "(apt-get install -y chromium)"),
]

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    uvicorn = pytest.importorskip("uvicorn")
    root = tmp_path_factory.mktemp("browser")
    store = EmbeddedStore(root / "store", base_iri=BASE)
    store.load(FIXTURE, ox.RdfFormat.TRIG, base_iri=BASE)
    store.close()
    settings = Settings(store=root / "store", base_iri=BASE)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def test_search_entity_across_the_border_document(server, browser):
    page = browser.new_page(locale="en-US")
    try:
        page.goto(server + "/?lang=en")
        page.fill("header form.search input[name=q]", "Петропавловске")
        page.press("header form.search input[name=q]", "Enter")
        page.wait_for_url("**/search?**")

        page.click("ol.results a[href='/page/place/petropavl']")
        page.wait_for_url("**/page/place/petropavl")
        assert page.inner_text("h1") == "Petropavl"
        across = page.locator("section#across")
        assert "Across the border" in across.inner_text()

        across.locator("a[href='/page/document/telebridge.ru.txt']").first.click()
        page.wait_for_url("**/page/document/telebridge.ru.txt")
        marked = page.locator(".doc-text a.mention[href='/page/place/petropavl'] mark")
        assert marked.count() == 1 and marked.inner_text() == "Петропавловска"
        assert page.locator(".doc-text mark").count() == 3
    finally:
        page.close()


def test_document_script_is_not_executed(server, browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(server + "/page/document/unsafe.en.txt?lang=en")
        assert "<script>alert(1)</script>" in page.inner_text(".doc-text")
        assert page.locator(".doc-text script").count() == 0
        page.wait_for_timeout(200)
        assert dialogs == []
    finally:
        page.close()


def test_autocomplete_suggests_while_typing(server, browser):
    page = browser.new_page()
    try:
        page.goto(server + "/?lang=en")
        page.type("header form.search input[name=q]", "Mukan", delay=20)
        suggestion = page.locator(".suggestions a[href='/page/person/sabit-mukanov']")
        suggestion.wait_for(timeout=5000)
        assert "Sabit Mukanov" in suggestion.inner_text()
    finally:
        page.close()


def test_map_dots_link_to_library_pages(server, browser):
    page = browser.new_page()
    try:
        page.goto(server + "/?lang=en")
        dots = page.locator("svg.map a.dot-link")
        assert dots.count() == 4
        page.locator("svg.map a[href='/page/library/novosibirsk-library'] circle").click()
        page.wait_for_url("**/page/library/novosibirsk-library")
        assert "Novosibirsk Regional Library" in page.inner_text("h1")
    finally:
        page.close()
