"""Linked Data against the live server: 303s, descriptions, JSON-LD, VoID, the dump, ETags, HEAD."""
from __future__ import annotations

import gzip
import json

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare

from graph_api.store import open_store

RDFS = "http://www.w3.org/2000/01/rdf-schema#"
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
DOC = "meetings-at-the-boundaries.kk.txt"


@pytest.mark.parametrize("accept,location", [
    ("text/html,application/xhtml+xml,*/*;q=0.8", "/page/library/nlrk"),
    (None, "/page/library/nlrk"),
    ("text/turtle", "/data/library/nlrk.ttl"),
    ("application/ld+json", "/data/library/nlrk.jsonld"),
    ("application/n-triples", "/data/library/nlrk.nt"),
    ("application/rdf+xml", "/data/library/nlrk.rdf"),
    ("text/html;q=0.5, text/turtle", "/data/library/nlrk.ttl"),
])
def test_entity_iri_303(http, accept: str | None, location: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/id/library/nlrk", headers={"Accept": accept} if accept else {})
    assert r.status_code == 303
    assert r.headers["location"] == location
    assert "Accept" in r.headers["vary"]


def test_document_iri_303_keeps_the_file_name(http) -> None:  # type: ignore[no-untyped-def]
    r = http.get(f"/id/document/{DOC}", headers={"Accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["location"] == f"/data/document/{DOC}.ttl"
    r = http.head(f"/id/document/{DOC}", headers={"Accept": "text/html"})
    assert r.status_code == 303 and r.headers["location"] == f"/page/document/{DOC}"


def test_unknown_iris_are_404(http) -> None:  # type: ignore[no-untyped-def]
    assert http.get("/id/library/atlantis", headers={"Accept": "text/turtle"}).status_code == 404
    assert http.get("/data/library/atlantis.ttl").status_code == 404
    assert http.get("/id/spaceship/x").status_code == 404
    assert http.get("/data/library/nlrk.exe").status_code == 404
    r = http.get("/data/library/nlrk", headers={"Accept": "application/rdf+xml"})  # no suffix: negotiated
    assert r.status_code == 303 and r.headers["location"] == "/data/library/nlrk.rdf"
    assert http.get("/id/library/nlrk", headers={"Accept": "image/png"}).status_code == 406


def test_description_turtle(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/data/library/omsk-pushkin-library.ttl")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert r.headers["content-location"] == "/data/library/omsk-pushkin-library.ttl"
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    me = rdflib.URIRef(base_iri + "id/library/omsk-pushkin-library")
    labels = {(str(o), o.language) for o in g.objects(me, rdflib.RDFS.label)}
    assert ("Омская областная научная библиотека имени А. С. Пушкина", "ru") in labels and len(labels) == 3
    # the labels of what it points to
    pushkin = rdflib.URIRef(base_iri + "id/person/pushkin")
    assert (me, rdflib.URIRef("http://www.wikidata.org/prop/direct/P138"), pushkin) in g
    assert rdflib.Literal("Alexander Pushkin", lang="en") in set(g.objects(pushkin, rdflib.RDFS.label))
    # incoming links with their subjects' labels
    pavlodar = rdflib.URIRef(base_iri + "id/library/pavlodar-regional-library")
    assert (pavlodar, rdflib.URIRef("http://www.wikidata.org/prop/direct/P2652"), me) in g
    seminar = rdflib.URIRef(base_iri + "id/event/omsk-seminar-2019")
    assert (seminar, rdflib.URIRef("http://www.wikidata.org/prop/direct/P710"), me) in g
    assert g.value(seminar, rdflib.RDFS.label) is not None
    # but not everything about its neighbours
    assert g.value(pushkin, rdflib.URIRef("http://schema.org/birthDate")) is None


@pytest.mark.parametrize("suffix,fmt,media", [
    ("ttl", "turtle", "text/turtle"), ("nt", "nt", "application/n-triples"),
    ("rdf", "xml", "application/rdf+xml"), ("jsonld", "json-ld", "application/ld+json"),
])
def test_description_in_every_format_is_the_same_graph(http, suffix: str, fmt: str, media: str) -> None:  # type: ignore[no-untyped-def]
    ref = rdflib.Graph().parse(data=http.get("/data/place/omsk.nt").text, format="nt")
    r = http.get(f"/data/place/omsk.{suffix}")
    assert r.headers["content-type"].startswith(media)
    g = rdflib.Graph().parse(data=r.text, format=fmt)  # JSON-LD: rdflib fetches our /context.jsonld
    assert rdflib.compare.isomorphic(g, ref)
    assert len(ref) > 10


def test_jsonld_uses_the_published_context(http, base_iri: str, live) -> None:  # type: ignore[no-untyped-def]
    data = http.get(f"/data/document/{DOC}.jsonld").json()
    assert data["@context"] == base_iri + "context.jsonld"
    ctx = http.get("/context.jsonld")
    assert ctx.status_code == 200 and ctx.headers["content-type"].startswith("application/ld+json")
    nodes = {n["@id"]: n for n in data["@graph"]}
    omsk = nodes[base_iri + "id/place/omsk"]
    assert omsk["label"]["kk"] == "Омбы"  # a language map, as the context declares
    doc = nodes[base_iri + f"id/document/{DOC}"]
    assert base_iri + "id/place/omsk" in doc["mentions"]
    # with the context inlined, pyoxigraph reads the same triples as the N-Triples description
    inline = dict(data, **{"@context": ctx.json()["@context"]})
    ours = {q.triple for q in ox.parse(json.dumps(inline).encode(), format=ox.RdfFormat.JSON_LD)
            if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    ref = {t.triple for t in ox.parse(http.get(f"/data/document/{DOC}.nt").content, format=ox.RdfFormat.N_TRIPLES)
           if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)}
    assert ours == ref


def test_document_description_has_its_mentions(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    g = rdflib.Graph().parse(data=http.get(f"/data/document/{DOC}.ttl").text, format="turtle")
    doc = rdflib.URIRef(base_iri + f"id/document/{DOC}")
    assert g.value(doc, rdflib.URIRef("http://schema.org/identifier")) == rdflib.Literal(DOC)
    assert len(set(g.objects(doc, rdflib.URIRef("http://schema.org/mentions")))) == 3


def test_annotation_offsets_point_into_the_text(http) -> None:  # type: ignore[no-untyped-def]
    q = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX schema: <http://schema.org/>
    SELECT ?text ?exact ?start ?end WHERE {
      ?a a oa:Annotation ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?q, ?p .
      ?q a oa:TextQuoteSelector ; oa:exact ?exact . ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
      ?doc schema:text ?text }"""
    rows = http.get("/sparql", params={"query": q}).json()["results"]["bindings"]
    assert len(rows) == 3
    for r in rows:
        text = r["text"]["value"]
        assert text[int(r["start"]["value"]):int(r["end"]["value"])] == r["exact"]["value"]


def test_etag_304_and_head_on_data(http) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/data/library/nlrk.ttl")
    etag, lm = r.headers["etag"], r.headers["last-modified"]
    assert http.get("/data/library/nlrk.ttl", headers={"If-None-Match": etag}).status_code == 304
    assert http.get("/data/library/nlrk.ttl", headers={"If-None-Match": '"other"'}).status_code == 200
    assert http.get("/data/library/nlrk.ttl", headers={"If-Modified-Since": lm}).status_code == 304
    assert http.get("/data/library/nlrk.nt").headers["etag"] != etag  # one tag per representation
    h = http.head("/data/library/nlrk.ttl")
    assert h.status_code == 200 and h.content == b"" and h.headers["etag"] == etag
    assert int(h.headers["content-length"]) > 0


def test_void(http, live, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/.well-known/void")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    ds = next(g.subjects(rdflib.RDF.type, VOID.Dataset))
    assert g.value(ds, VOID.sparqlEndpoint) == rdflib.URIRef(base_iri + "sparql")
    assert str(g.value(ds, VOID.uriSpace)) == base_iri + "id/"
    assert g.value(ds, VOID.dataDump) == rdflib.URIRef(base_iri + "dump.nq.gz")
    assert g.value(ds, DCT.license) == rdflib.URIRef(live.settings.license)
    assert {str(x) for x in g.objects(ds, DCT.language)} == {"kk", "ru", "en"}
    assert g.value(ds, VOID.exampleResource) is not None
    # void:triples is the store's own count, and the number of quads in the dump
    st = open_store(live.settings, read_only=True)
    try:
        count = st.statistics().triples
    finally:
        st.close()
    assert int(g.value(ds, VOID.triples)) == count
    dump = list(ox.parse(gzip.decompress(http.get("/dump.nq.gz").content), format=ox.RdfFormat.N_QUADS))
    assert len(dump) == count
    assert int(g.value(ds, VOID.entities)) == 17  # 13 authority entities, the document, its 3 annotations
    libraries = [p for p in g.objects(ds, VOID.classPartition)
                 if g.value(p, VOID["class"]) == rdflib.URIRef("http://schema.org/Library")]
    assert len(libraries) == 1 and int(g.value(libraries[0], VOID.entities)) == 3
    # other RDF by Accept; ETag and 304
    jl = http.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert jl.headers["content-type"].startswith("application/ld+json")
    assert len(rdflib.Graph().parse(data=jl.text, format="json-ld")) == len(g)
    assert http.get("/.well-known/void", headers={"If-None-Match": r.headers["etag"]}).status_code == 304
    assert http.head("/.well-known/void").status_code == 200


def test_dump_is_gzip_nquads_with_graphs_and_etag(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/dump.nq.gz")
    assert r.status_code == 200 and r.headers["content-type"] == "application/gzip"
    quads = list(ox.parse(gzip.decompress(r.content), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert base_iri + f"graph/doc/{DOC}" in graphs and base_iri + "graph/authority" in graphs
    assert http.get("/dump.nq.gz", headers={"If-None-Match": r.headers["etag"]}).status_code == 304
    h = http.head("/dump.nq.gz")
    assert h.status_code == 200 and h.content == b"" and h.headers["etag"] == r.headers["etag"]


def test_ontology_and_context(http) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/ontology", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    assert (None, rdflib.RDF.type, rdflib.OWL.Ontology) in g
    html = http.get("/ontology", headers={"Accept": "text/html"})
    assert html.status_code == 200 and html.headers["content-type"].startswith(("text/html", "text/turtle"))
    nt = http.get("/ontology", params={"format": "nt"})
    assert len(rdflib.Graph().parse(data=nt.text, format="nt")) == len(g)
    assert "@context" in http.get("/context.jsonld").json()


# --- VoID dates --------------------------------------------------------------------------------------
def test_void_modified_is_a_date_time_and_the_version_stays_beside_it(http, live, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    """Portals read ``dct:modified`` as an ``xsd:dateTime``: the time of the store's last
    change (its Last-Modified), never the opaque version, which is ``owl:versionInfo``."""
    import email.utils

    r = http.get("/.well-known/void")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    ds = next(g.subjects(rdflib.RDF.type, VOID.Dataset))
    modified = g.value(ds, DCT.modified)
    assert isinstance(modified, rdflib.Literal) and modified.datatype == rdflib.XSD.dateTime, modified
    when = modified.toPython()
    assert when.tzinfo is not None
    assert when == email.utils.parsedate_to_datetime(r.headers["last-modified"])
    st = open_store(live.settings, read_only=True)
    try:
        version = st.version()
    finally:
        st.close()
    assert str(g.value(ds, rdflib.OWL.versionInfo)) == version
    assert g.value(ds, rdflib.OWL.sameAs) == rdflib.URIRef(base_iri + "dataset")


# --- named graphs, the dataset --------------------------------------------------------------------------
GRAPH_DOC = f"graph/doc/{DOC}"


@pytest.mark.parametrize("path,accept,location", [
    ("/graph/authority", "text/turtle", "/data/graph/authority.ttl"),
    ("/graph/authority", "application/ld+json", "/data/graph/authority.jsonld"),
    ("/graph/authority", "application/n-triples", "/data/graph/authority.nt"),
    ("/graph/authority", "application/rdf+xml", "/data/graph/authority.rdf"),
    ("/graph/authority", "application/n-quads", "/data/graph/authority.nq"),
    ("/graph/authority", "application/trig", "/data/graph/authority.trig"),
    ("/graph/authority", "text/html,application/xhtml+xml,*/*;q=0.8", "/page/graph/authority"),
    ("/graph/authority", None, "/page/graph/authority"),
    ("/graph/meta", "text/turtle", "/data/graph/meta.ttl"),
    ("/graph/curation", "text/turtle", "/data/graph/curation.ttl"),  # of the layout, empty here
    (f"/{GRAPH_DOC}", "text/turtle", f"/data/{GRAPH_DOC}.ttl"),
    (f"/{GRAPH_DOC}", "text/html", f"/page/document/{DOC}"),  # a document's graph: the document's page
    ("/dataset", "text/turtle", "/.well-known/void?format=ttl"),
    ("/dataset", "application/ld+json", "/.well-known/void?format=jsonld"),
    ("/dataset", "text/html", "/page/dataset"),
])
def test_graph_and_dataset_iris_303(http, path: str, accept: str | None, location: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get(path, headers={"Accept": accept} if accept else {})
    assert r.status_code == 303 and r.headers["location"] == location
    assert "accept" in [v.strip().lower() for v in r.headers["vary"].split(",")]
    assert http.head(path, headers={"Accept": accept} if accept else {}).headers["location"] == location
    followed = http.get(location, headers={"Accept": accept} if accept else {})
    assert followed.status_code == 200, (location, followed.text[:300])


def test_unknown_graphs_are_404(http) -> None:  # type: ignore[no-untyped-def]
    for path in ("/graph/doc/no-such-file.txt", "/graph/nothing", "/graph/", "/data/graph/doc/no-such-file.txt.ttl",
                 "/data/graph/nothing.nq"):
        assert http.get(path, headers={"Accept": "text/turtle"}).status_code == 404, path
    assert http.get("/graph/authority", headers={"Accept": "image/png"}).status_code == 406


def _store_graph(live, iri: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    st = open_store(live.settings, read_only=True)
    try:
        return {(str(q.subject), str(q.predicate), str(q.object)) for q in st.graph_quads(iri)
                if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    finally:
        st.close()


@pytest.mark.parametrize("suffix,fmt,media", [
    ("ttl", "turtle", "text/turtle"), ("nt", "nt", "application/n-triples"), ("rdf", "xml", "application/rdf+xml"),
    ("jsonld", "json-ld", "application/ld+json"),
])
def test_graph_content_is_the_graph_in_every_triple_format(http, live, base_iri: str, suffix: str, fmt: str,
                                                           media: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get(f"/data/{GRAPH_DOC}.{suffix}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    got = rdflib.Graph().parse(data=r.text, format=fmt)
    ground = {(str(s), str(p), str(o)) for s, p, o in got
              if not isinstance(s, rdflib.BNode) and not isinstance(o, rdflib.BNode)}
    want = {(s.strip("<>"), p.strip("<>"), o) for s, p, o in _store_graph(live, base_iri + GRAPH_DOC)}
    assert {(s, p) for s, p, _ in ground} == {(s, p) for s, p, _ in want}
    assert len(ground) == len(want)


@pytest.mark.parametrize("suffix,fmt,media", [("nq", ox.RdfFormat.N_QUADS, "application/n-quads"),
                                              ("trig", ox.RdfFormat.TRIG, "application/trig")])
def test_graph_content_as_quads_keeps_the_graph_name(http, live, base_iri: str, suffix: str, fmt, media: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get(f"/data/graph/authority.{suffix}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    quads = list(ox.parse(r.content, format=fmt))
    assert {q.graph_name.value for q in quads} == {base_iri + "graph/authority"}
    st = open_store(live.settings, read_only=True)
    try:
        assert len(quads) == len(st.graph_quads(base_iri + "graph/authority"))
    finally:
        st.close()


def test_graph_content_etag_304_head_and_negotiation(http) -> None:  # type: ignore[no-untyped-def]
    """The same validators as the other Linked Data documents: the dataset version per format."""
    r = http.get("/data/graph/authority.ttl")
    etag, lm = r.headers["etag"], r.headers["last-modified"]
    assert http.get("/data/graph/authority.ttl", headers={"If-None-Match": etag}).status_code == 304
    assert http.get("/data/graph/authority.ttl", headers={"If-Modified-Since": lm}).status_code == 304
    assert http.get("/data/graph/authority.nq").headers["etag"] != etag
    assert etag.strip('"').split("-")[0] == http.get("/data/library/nlrk.ttl").headers["etag"].strip('"').split("-")[0]
    h = http.head("/data/graph/authority.ttl")
    assert h.status_code == 200 and h.content == b"" and h.headers["etag"] == etag
    n = http.get(f"/data/{GRAPH_DOC}", headers={"Accept": "application/trig"})  # the file name's ".txt" is no format
    assert n.status_code == 303 and n.headers["location"] == f"/data/{GRAPH_DOC}.trig"
    empty = http.get("/data/graph/curation.nt")
    assert empty.status_code == 200 and empty.content.strip() == b""


def test_graph_and_dataset_pages(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    page = http.get("/page/graph/authority", headers={"Accept-Language": "en"}).text
    assert base_iri + "graph/authority" in page and "name authority file" in page
    assert 'href="/data/graph/authority.trig"' in page and "schema:Library" in page
    doc_graph = http.get(f"/page/{GRAPH_DOC}").text
    assert f'href="/page/document/{DOC}"' in doc_graph
    document = http.get(f"/page/document/{DOC}").text
    assert base_iri + GRAPH_DOC in document and f'href="/data/{GRAPH_DOC}.nq"' in document
    dataset = http.get("/page/dataset", headers={"Accept-Language": "ru"}).text
    assert base_iri + "dataset" in dataset and 'href="/page/graph/authority"' in dataset
    assert f'href="/page/{GRAPH_DOC}"' in dataset and "Именованные графы" in dataset
    assert http.get("/page/graph/no-such-graph").status_code == 404
