"""``/docs`` and ``/redoc`` work offline: every file they load is served by the app itself.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, so on a machine without internet they
stayed blank. The HTML must name no other host, each script, style and icon it names must be
served here, and (where Debian's chromium is installed) a browser that may reach nothing but
the server must render the API's title.
"""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from conftest import build_store, free_port
from graph_api.app import create_app
from graph_api.settings import Settings

FIXTURE = Path(__file__).parent / "data" / "pages_fixture.trig"
BASE = "http://shekara.test/"
CHROMIUM = Path("/usr/bin/chromium")


class Fetched(HTMLParser):
    """The URLs a browser fetches on its own for a page: scripts, styles, icons."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"] or "")
        if tag == "link" and a.get("href"):
            self.urls.append(a["href"] or "")


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    store = build_store(tmp_path_factory.mktemp("docs") / "store", BASE, FIXTURE)
    return Settings(store=store, base_iri=BASE)


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.mark.parametrize("page,expected", [
    ("/docs", {"swagger-ui-bundle.js", "swagger-ui.css", "favicon.png"}),
    ("/redoc", {"redoc.standalone.js", "favicon.png"}),
])
def test_docs_load_nothing_from_another_host(client: TestClient, page: str, expected: set[str]) -> None:
    r = client.get(page)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert not re.search(r"(?i)(?:https?:)?//(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\.[a-z]{2,}", r.text), r.text
    assert "/openapi.json" in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]  # what the scripts ask for stays here too
    parser = Fetched()
    parser.feed(r.text)
    assert {u.rsplit("/", 1)[-1] for u in parser.urls} >= expected
    for url in parser.urls:
        assert not urlsplit(url).netloc, url
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 1000, url
    if page == "/docs":
        assert '"validatorUrl": null' in r.text  # no badge fetched from the online validator
        assert client.get("/docs/oauth2-redirect").status_code == 200


def test_docs_assets_have_their_types(client: TestClient) -> None:
    assert client.get("/docs/assets/swagger-ui-bundle.js").headers["content-type"].startswith(
        ("text/javascript", "application/javascript"))
    assert client.get("/docs/assets/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert client.get("/docs/assets/no-such-file.js").status_code == 404


def test_openapi_still_lists_the_api_and_not_the_docs_pages(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/entities/{kind}/{slug}" in paths and "/graph/{name}" in paths
    assert "/docs" not in paths and "/redoc" not in paths


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_a_browser_offline_renders_the_docs(settings: Settings) -> None:
    """Chromium may reach the server and nothing else; Swagger UI and ReDoc still show the title."""
    uvicorn = pytest.importorskip("uvicorn")
    sync_api = pytest.importorskip("playwright.sync_api")
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.05)
    elsewhere: list[str] = []

    def only_here(route) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(route.request.url).netloc == f"127.0.0.1:{port}":
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                        args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                              "--disable-background-networking", "--disable-component-update"])
            try:
                page = browser.new_page()
                page.route("**/*", only_here)
                page.goto(f"http://127.0.0.1:{port}/docs")
                page.wait_for_selector(".swagger-ui .info .title", timeout=20000)
                assert page.inner_text(".swagger-ui .info .title").startswith("Shekara")
                page.wait_for_selector(".opblock", timeout=20000)
                page.goto(f"http://127.0.0.1:{port}/redoc")
                page.wait_for_selector("h1:has-text('Shekara')", timeout=20000)
            finally:
                browser.close()
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
    assert not elsewhere, elsewhere
