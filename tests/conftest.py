"""Shared fixtures for the HTTP service: a real embedded store, the app, a live uvicorn server.

The store is filled from ``tests/data/api_fixture.trig`` (relative IRIs, parsed with the
deployment base). The base IRI is the live server's own address, so every minted IRI really
dereferences against the server under test.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
FIXTURE = DATA / "api_fixture.trig"

QUERY_FILES = {
    "libraries-by-country.rq": """# title: Libraries of a country
# description: Every library located in the given country, with its English name.
# param: ?country (iri) — the country, e.g. the IRI of Kazakhstan
PREFIX schema: <http://schema.org/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?library ?name WHERE {
  ?library a schema:Library ; wdt:P17 ?country ; rdfs:label ?name .
  FILTER(LANG(?name) = "en")
} ORDER BY ?library
""",
    "label-search.rq": """# title: Entities by exact label
# description: Entities that carry exactly this label, in any language.
# param: label — the label text
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entity WHERE { ?entity rdfs:label ?l . FILTER(STR(?l) = ?label) }
""",
    "events-per-year.rq": """#title:Events per year
#description: How many events started in each year.
PREFIX schema: <http://schema.org/>
SELECT ?year (COUNT(?e) AS ?events) WHERE {
  ?e a schema:Event ; schema:startDate ?d . BIND(YEAR(?d) AS ?year)
} GROUP BY ?year ORDER BY ?year
""",
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(directory: Path, base_iri: str, fixture: Path = FIXTURE) -> Path:
    """A fresh embedded store holding ``fixture`` (TriG), closed again so the service can read it."""
    import pyoxigraph as ox

    from graph_api.store.embedded import EmbeddedStore

    if directory.exists():
        shutil.rmtree(directory)
    st = EmbeddedStore(directory, base_iri=base_iri)
    try:
        st.load(fixture, ox.RdfFormat.TRIG, base_iri=base_iri)
    finally:
        st.close()
    return directory


def write_queries(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in QUERY_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


class LiveServer:
    """uvicorn serving one app on a loopback port, in a thread."""

    def __init__(self, app, port: int):  # type: ignore[no-untyped-def]
        import uvicorn

        self.app = app
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"uvicorn-{port}", daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)


def make_settings(store: Path, base_iri: str, queries: Path, **overrides):  # type: ignore[no-untyped-def]
    from graph_api.settings import Settings

    return Settings(store=store, base_iri=base_iri, queries=queries, **overrides)


def start_server(tmp: Path, **overrides) -> tuple[LiveServer, object]:  # type: ignore[no-untyped-def]
    """Build a store under ``tmp``, an app over it with ``overrides``, and serve it."""
    from graph_api.app import create_app

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    store = build_store(tmp / "store", base)
    settings = make_settings(store, base, write_queries(tmp / "queries"), **overrides)
    return LiveServer(create_app(settings), port).start(), settings


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The shared read-only server (no write token, default limits)."""
    server, settings = start_server(tmp_path_factory.mktemp("api"))
    server.settings = settings  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_iri(live: LiveServer) -> str:
    return live.url + "/"


@pytest.fixture
def http(live: LiveServer) -> Iterator["httpx.Client"]:  # type: ignore[name-defined] # noqa: F821
    import httpx

    with httpx.Client(base_url=live.url, timeout=60, follow_redirects=False) as c:
        yield c


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    """One extractor over the authority file (natasha off: the extraction tests need no Russian NER)."""
    from extraction_support import make_extractor

    return make_extractor()
