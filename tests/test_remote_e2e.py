"""End to end on the remote backend: ingest the bundled corpus into a real Oxigraph server, then
serve the API from it, as a deployment with ``SHEKARA_BACKEND=sparql`` would."""
from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from graph_api.settings import ROOT, Settings
from oxigraph_server import OxigraphServer, oxigraph_binary, start_server

pytestmark = pytest.mark.server
BASE = "http://testserver/"
CORPUS = ROOT / "data" / "corpus"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    if oxigraph_binary() is None:
        pytest.skip("the `oxigraph` command is missing (pip install oxigraph)")
    s = start_server(tmp_path_factory.mktemp("oxigraph-e2e") / "data")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def settings(server: OxigraphServer, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    work = tmp_path_factory.mktemp("e2e")
    return Settings(backend="sparql", base_iri=BASE, store=work / "unused-store",
                    search_index=work / "search.sqlite", sparql_query_url=server.query_url,
                    sparql_update_url=server.update_url, sparql_gsp_url=server.gsp_url)


@pytest.fixture(scope="module")
def ingested(settings: Settings) -> int:
    from graph_api.ingest_runner import ingest_paths
    from graph_api.store import open_store

    with open_store(settings) as store:
        report = ingest_paths(store, settings, [CORPUS])
    assert not report.failed, [(o.path.name, o.reason) for o in report.failed]
    return sum(1 for o in report.outcomes if o.status == "stored")


@pytest.fixture(scope="module")
def client(settings: Settings, ingested: int):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from graph_api.app import create_app

    with TestClient(create_app(settings)) as c:
        yield c


def test_sparql_endpoint_counts_the_ingested_documents(client, ingested: int) -> None:  # type: ignore[no-untyped-def]
    q = "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w <http://schema.org/identifier> ?id ; <http://schema.org/inLanguage> ?l }"
    r = client.get("/sparql", params={"query": q}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    n = int(r.json()["results"]["bindings"][0]["n"]["value"])
    assert n == ingested > 0


def test_an_entity_iri_dereferences_from_the_remote_store(client, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from graph_api.store import open_store

    with open_store(settings, read_only=True) as store:
        rows = list(store.query("SELECT ?e WHERE { ?w <http://schema.org/mentions> ?e } LIMIT 1"))
    assert rows, "the ingest stored no mentions"
    iri = rows[0]["e"].value
    assert iri.startswith(BASE)
    r = client.get("/" + iri[len(BASE):], headers={"Accept": "text/turtle"})
    assert r.status_code == 200, r.text
    subjects = {t.subject for t in ox.parse(r.content, format=ox.RdfFormat.TURTLE, base_iri=BASE)}
    assert ox.NamedNode(iri) in subjects


def test_the_size_cap_holds_on_the_remote_backend_too(settings: Settings, ingested: int) -> None:
    """The remote server sends its whole answer; the executor still refuses one over the cap."""
    from graph_api.query_exec import QueryExecutor, ResultTooLarge
    from graph_api.store.provider import StoreProvider

    small = settings.model_copy(update={"query_max_bytes": 2048})
    ex = QueryExecutor(small, StoreProvider(small))
    try:
        with pytest.raises(ResultTooLarge, match="size limit of 2048 bytes"):
            ex.run("CONSTRUCT WHERE { ?s ?p ?o }", "nt")
        assert ex.run("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2", "nt").body.count(b"\n") == 2
    finally:
        ex.close()
