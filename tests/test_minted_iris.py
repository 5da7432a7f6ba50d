"""Every IRI the service mints dereferences, over HTTP, on the ingested demo corpus.

The bundled corpus is ingested (as ``shekara ingest`` does) into a store whose base IRI is the
live server's own address, so each IRI in the dump is a URL of the server under test. Besides
entities and documents that covers what ingest mints for itself: one named graph per document,
the layout's graphs (``graph/authority``, ``graph/meta`` …), ``/dataset``, the run
(``/id/run/…``) and the software (``/id/software/shekara``) of ``prov:wasGeneratedBy``.
"""
from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
import rdflib

from conftest import LiveServer, free_port, write_queries
from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store import open_store

PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
RDF_TYPES = ("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The demo corpus ingested under the live server's base IRI, and that server."""
    from graph_api.ingest_runner import ingest_paths

    root = tmp_path_factory.mktemp("minted")
    port = free_port()
    settings = Settings(store=root / "store", base_iri=f"http://127.0.0.1:{port}/",
                        queries=write_queries(root / "queries"), search_index=root / "search.sqlite")
    store = open_store(settings)
    try:
        report = ingest_paths(store, settings, [settings.corpus])
    finally:
        store.close()
    assert not report.failed, [(o.path.name, o.reason) for o in report.failed]
    server = LiveServer(create_app(settings), port).start()
    server.settings = settings  # type: ignore[attr-defined]
    server.run = report.run  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture
def http(demo: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=demo.url, timeout=60, follow_redirects=False) as c:
        yield c


def minted_iris(http: httpx.Client, base: str) -> set[str]:
    """Every IRI under the base in the dump, in any position, graph names included; fragments
    off (a client never sends them: ``…/doc.txt#mention-3`` is looked up as ``…/doc.txt``)."""
    r = http.get("/dump.nq.gz")
    assert r.status_code == 200
    found = set()
    for q in ox.parse(gzip.decompress(r.content), format=ox.RdfFormat.N_QUADS):
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode) and term.value.startswith(base):
                found.add(term.value.split("#", 1)[0])
    return found


def test_no_minted_iri_is_404(demo: LiveServer, http: httpx.Client) -> None:
    """What the review did: walk every IRI of the dump, as an RDF client and as a browser."""
    base = demo.url + "/"
    iris = minted_iris(http, base)
    kinds = Counter("/".join(i[len(base):].split("/")[:2]) for i in iris)
    for kind in ("dataset", "graph/doc", "graph/authority", "graph/meta", "graph/ontology", "graph/shapes",
                 "graph/links", "graph/provenance", "id/run", "id/software", "id/document", "id/library"):
        assert kinds[kind], f"the dump has no {kind} IRI: {sorted(kinds)}"
    failed = []
    for n, iri in enumerate(sorted(iris)):
        path = iri[len(base) - 1:]
        for accept in (RDF_TYPES[n % len(RDF_TYPES)], "text/html"):
            r = http.get(path, headers={"Accept": accept}, follow_redirects=True)
            if r.status_code != 200:
                failed.append((iri, accept, r.status_code))
            elif accept == "text/html":
                assert r.headers["content-type"].startswith("text/html"), iri
            else:
                assert r.headers["content-type"].startswith(accept), (iri, accept, r.headers["content-type"])
    assert not failed, f"{len(failed)} of {len(iris)} IRIs do not dereference: {failed[:20]}"


def test_run_iri_dereferences_to_its_provenance(demo: LiveServer, http: httpx.Client) -> None:
    run = demo.run  # type: ignore[attr-defined]
    path = run[len(demo.url):]
    slug = path.rsplit("/", 1)[1]
    r = http.get(path, headers={"Accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["location"] == f"/data/run/{slug}.ttl" and "Accept" in r.headers["vary"]
    data = http.get(r.headers["location"])
    assert data.status_code == 200 and data.headers["etag"]
    g = rdflib.Graph().parse(data=data.text, format="turtle")
    me = rdflib.URIRef(run)
    assert (me, rdflib.RDF.type, PROV.Activity) in g
    assert g.value(me, PROV.startedAtTime).datatype == rdflib.XSD.dateTime
    assert g.value(me, PROV.wasAssociatedWith) == rdflib.URIRef(demo.url + "/id/software/shekara")
    assert any(True for _ in g.subjects(PROV.wasGeneratedBy, me))  # what it made points to it
    assert http.get(r.headers["location"], headers={"If-None-Match": data.headers["etag"]}).status_code == 304
    page = http.get(path, headers={"Accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"] == f"/page/run/{slug}"
    html = http.get(page.headers["location"], headers={"Accept-Language": "ru"})
    assert html.status_code == 200 and "Сеанс загрузки" in html.text and run in html.text
    assert 'href="/page/graph/doc/' in html.text  # the graphs it wrote, linked
    assert "accept-language" in html.headers["vary"].lower()


def test_software_iri_dereferences(demo: LiveServer, http: httpx.Client) -> None:
    jl = http.get("/id/software/shekara", headers={"Accept": "application/ld+json"}, follow_redirects=True)
    assert jl.status_code == 200 and jl.headers["content-type"].startswith("application/ld+json")
    g = rdflib.Graph().parse(data=jl.text, format="json-ld")
    assert (rdflib.URIRef(demo.url + "/id/software/shekara"), rdflib.RDF.type, PROV.SoftwareAgent) in g
    html = http.get("/id/software/shekara", headers={"Accept": "text/html"}, follow_redirects=True)
    assert html.status_code == 200 and "Software agent" in html.text
    assert http.get("/id/software/nothing-of-ours", headers={"Accept": "text/turtle"}).status_code == 404
    assert http.get("/page/run/nothing-of-ours").status_code == 404


def test_a_document_graph_is_what_ingest_wrote_for_the_document(demo: LiveServer, http: httpx.Client) -> None:
    name = "meetings-overview.en.txt"
    r = http.get(f"/graph/doc/{name}", headers={"Accept": "application/n-quads"}, follow_redirects=True)
    assert r.status_code == 200
    quads = list(ox.parse(r.content, format=ox.RdfFormat.N_QUADS))
    st = open_store(demo.settings, read_only=True)  # type: ignore[attr-defined]
    try:
        assert len(quads) == len(st.graph_quads(f"{demo.url}/graph/doc/{name}")) > 0
    finally:
        st.close()
    assert {q.graph_name.value for q in quads} == {f"{demo.url}/graph/doc/{name}"}
