"""The SPARQL endpoint with real clients against a live server: SPARQLWrapper, rdflib, httpx."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from graph_api.queries_api import ParameterError, bind_values, sparql_term, to_term

SCHEMA = "http://schema.org/"
PREFIX = "PREFIX schema: <http://schema.org/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
LIBRARIES = PREFIX + "SELECT ?lib WHERE { ?lib a schema:Library } ORDER BY ?lib"
ASK_TRUE = PREFIX + 'ASK { ?x rdfs:label "Омбы"@kk }'
LIB_GRAPH = PREFIX + "CONSTRUCT { ?lib a schema:Library ; rdfs:label ?l } WHERE { ?lib a schema:Library ; rdfs:label ?l }"


def _libs(base: str) -> list[str]:
    return [base + "id/library/" + s for s in ("nlrk", "omsk-pushkin-library", "pavlodar-regional-library")]


# --- SPARQLWrapper ---------------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_select_json_and_xml(live, base_iri: str, method: str) -> None:  # type: ignore[no-untyped-def]
    sw = SPARQLWrapper(live.url + "/sparql")
    sw.setMethod(method)
    sw.setQuery(LIBRARIES)
    sw.setReturnFormat(JSON)
    rows = sw.query().convert()["results"]["bindings"]
    assert [r["lib"]["value"] for r in rows] == _libs(base_iri)
    sw.setReturnFormat(XML)
    doc = sw.query().convert()  # a DOM
    assert [u.firstChild.data for u in doc.getElementsByTagName("uri")] == _libs(base_iri)


def test_sparqlwrapper_select_csv_tsv(live, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    sw = SPARQLWrapper(live.url + "/sparql")
    sw.setQuery(LIBRARIES)
    sw.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(sw.query().convert().decode("utf-8"))))
    assert rows[0] == ["lib"] and [r[0] for r in rows[1:]] == _libs(base_iri)
    sw.setReturnFormat(TSV)
    lines = sw.query().convert().decode("utf-8").splitlines()
    assert lines[0] == "?lib" and lines[1:] == [f"<{x}>" for x in _libs(base_iri)]


def test_sparqlwrapper_ask(live) -> None:  # type: ignore[no-untyped-def]
    sw = SPARQLWrapper(live.url + "/sparql")
    sw.setQuery(ASK_TRUE)
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["boolean"] is True
    sw.setQuery(PREFIX + 'ASK { ?x rdfs:label "Atlantis"@en }')
    assert sw.query().convert()["boolean"] is False
    sw.setReturnFormat(XML)
    doc = sw.query().convert()
    assert doc.getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD, XML])
def test_sparqlwrapper_construct_every_format(live, base_iri: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    sw = SPARQLWrapper(live.url + "/sparql")
    sw.setQuery(LIB_GRAPH)
    sw.setReturnFormat(fmt)
    result = sw.query()
    g = result.convert()
    if not isinstance(g, rdflib.Graph):  # SPARQLWrapper hands back bytes for some formats
        g = rdflib.Graph().parse(data=g, format={TURTLE: "turtle", N3: "n3", JSONLD: "json-ld"}.get(fmt, "xml"))
    subjects = sorted(str(s) for s in g.subjects(rdflib.RDF.type, rdflib.URIRef(SCHEMA + "Library")))
    assert subjects == _libs(base_iri)
    assert len(g) == 3 + 9  # three types, three labels each


def test_sparqlwrapper_post_query_body(live, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    sw = SPARQLWrapper(live.url + "/sparql")
    sw.setMethod(POST)
    sw.setRequestMethod("postdirectly")  # application/sparql-query
    sw.setQuery(LIBRARIES)
    sw.setReturnFormat(JSON)
    assert [r["lib"]["value"] for r in sw.query().convert()["results"]["bindings"]] == _libs(base_iri)


def test_format_in_a_post_form_body_is_read(live, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    """SPARQLWrapper sends ``format`` in the POST body, and for a CONSTRUCT asked as JSON its
    Accept is */*: the body's format must choose the answer (JSON-LD), not the Accept (Turtle)."""
    sw = SPARQLWrapper(live.url + "/sparql")
    sw.setMethod(POST)
    sw.setQuery(LIB_GRAPH)
    sw.setReturnFormat(JSON)
    with pytest.warns(RuntimeWarning, match="Accept header"):  # SPARQLWrapper warns it sends */*
        result = sw.query()
    assert result.info()["content-type"].startswith("application/ld+json")
    g = rdflib.Graph().parse(data=result.response.read(), format="json-ld")
    assert sorted(str(s) for s in g.subjects(rdflib.RDF.type, rdflib.URIRef(SCHEMA + "Library"))) == _libs(base_iri)
    with httpx.Client(base_url=live.url, timeout=60) as c:
        r = c.post("/sparql", data={"query": LIB_GRAPH, "format": "nt"}, headers={"Accept": "*/*"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/n-triples")
        assert r.text.count("\n") == 12
        r = c.post("/sparql", params={"format": "ttl"}, data={"query": LIB_GRAPH, "format": "nt"})
        assert r.headers["content-type"].startswith("text/turtle")  # the URL's format comes first
        r = c.post("/sparql", data={"query": LIBRARIES, "format": "csv"}, headers={"Accept": "application/json"})
        assert r.headers["content-type"].startswith("text/csv") and r.text.splitlines()[0] == "lib"
        r = c.post("/sparql", data={"query": LIBRARIES, "format": "nope"})
        assert r.status_code == 400 and "unknown format" in r.text


# --- rdflib's SPARQLStore ------------------------------------------------------------------------------
def test_rdflib_sparqlstore(live, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(live.url + "/sparql", returnFormat="json")
    g = rdflib.Graph(store=store)
    rows = list(g.query(LIBRARIES))
    assert [str(r[0]) for r in rows] == _libs(base_iri)
    assert g.query(ASK_TRUE).askAnswer is True
    # rdflib's "json" store accepts only SPARQL results; its default ("xml") also takes RDF/XML
    g = rdflib.Graph(store=SPARQLStore(live.url + "/sparql"))
    assert [str(r[0]) for r in g.query(LIBRARIES)] == _libs(base_iri)
    constructed = g.query(LIB_GRAPH).graph
    assert len(constructed) == 12
    label = constructed.value(rdflib.URIRef(base_iri + "id/library/nlrk"), rdflib.RDFS.label)
    assert label is not None
    # triples() goes through a generated SELECT
    kk = {str(o) for o in g.objects(rdflib.URIRef(base_iri + "id/place/omsk"), rdflib.RDFS.label)}
    assert "Омбы" in kk and "Omsk" in kk


# --- the protocol with httpx -------------------------------------------------------------------------
def test_post_form_and_dataset_parameters(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    q = PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?l }"
    union = http.post("/sparql", data={"query": q}, headers={"Accept": "application/json"}).json()
    only_doc = http.post("/sparql", data={"query": q, "default-graph-uri": base_iri +
                                          "graph/doc/meetings-at-the-boundaries.kk.txt"}).json()
    assert int(union["results"]["bindings"][0]["n"]["value"]) == 39  # 13 entities × kk, ru, en
    assert int(only_doc["results"]["bindings"][0]["n"]["value"]) == 0  # the document graph has no labels
    named = http.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                        "named-graph-uri": [base_iri + "graph/authority"]}).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [base_iri + "graph/authority"]


def test_syntax_error_is_400_with_message_and_cors(http) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"}, headers={"Origin": "https://portal.example"})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/plain")
    assert "syntax" in r.text and "1:" in r.text  # the parser's position
    assert r.headers["access-control-allow-origin"] == "*"
    r = http.post("/sparql", content=b"SELEKT *", headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400


def test_csv_carries_cors_and_preflight_is_cached(http, live) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/sparql", params={"query": LIBRARIES, "format": "csv"}, headers={"Origin": "https://portal.example"})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    pre = http.options("/sparql", headers={"Origin": "https://portal.example", "Access-Control-Request-Method": "POST",
                                           "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200
    assert pre.headers["access-control-max-age"] == str(live.settings.cors_max_age)
    assert "POST" in pre.headers["access-control-allow-methods"]


def test_gzip(http) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers.get("content-encoding") == "gzip"
    assert r.json()["results"]["bindings"]  # httpx decoded it


def test_service_description_and_query_page(http, live) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    ep = rdflib.URIRef(live.url + "/sparql")
    assert (ep, rdflib.RDF.type, SD.Service) in g
    assert (ep, SD.feature, SD.UnionDefaultGraph) in g
    assert (ep, SD.endpoint, ep) in g
    assert g.value(ep, SD.defaultDataset) is not None
    assert len(list(g.objects(ep, SD.resultFormat))) == 8
    assert (ep, SD.supportedLanguage, SD.SPARQL11Update) not in g  # no write token here

    page = http.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "<textarea" in html and "/static/sparql.js" in html
    assert "Libraries of a country" in html  # the examples from the queries folder
    for attr in ('src="http', "src='http", 'href="http://cdn', "//cdn"):
        assert attr not in html  # no external resources
    assert http.get("/static/sparql.js").status_code == 200
    assert http.get("/static/sparql.css").status_code == 200


def test_query_page_renders_results_without_javascript(http) -> None:  # type: ignore[no-untyped-def]
    q = PREFIX + 'SELECT ?l WHERE { ?x rdfs:label ?l FILTER(LANG(?l) = "kk") } ORDER BY ?l'
    r = http.get("/sparql", params={"query": q, "format": "html"})
    assert r.status_code == 200
    assert "<table" in r.text and "Омбы" in r.text and "format=csv" in r.text
    bad = http.get("/sparql", params={"query": "SELECT <script>alert(1)</script>", "format": "html"})
    assert bad.status_code == 400
    assert "<script>alert(1)</script>" not in bad.text and "&lt;script&gt;" in bad.text


def test_request_size_limits(http, live) -> None:  # type: ignore[no-untyped-def]
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * live.settings.max_query_length
    r = http.post("/sparql", content=long_query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413
    r = http.post("/sparql", content=b"x" * (live.settings.max_request_bytes + 1),
                  headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


@pytest.mark.parametrize("fast_path", [True, False])
def test_an_unserved_method_gets_405_with_every_served_method_in_allow(tmp_path, fast_path: bool) -> None:  # type: ignore[no-untyped-def]
    from conftest import start_server

    server, _ = start_server(tmp_path, fast_path=fast_path)
    try:
        with httpx.Client(base_url=server.url, timeout=60) as c:
            for method in ("PUT", "DELETE", "PATCH", "PROPFIND"):
                r = c.request(method, "/sparql")
                assert r.status_code == 405, (method, r.status_code, r.text)
                assert sorted(m.strip() for m in r.headers["allow"].split(",")) == ["GET", "HEAD", "POST"]
            r = c.request("PATCH", "/rdf-graph-store", params={"default": ""})
            assert r.status_code == 405
            assert sorted(m.strip() for m in r.headers["allow"].split(",")) == ["DELETE", "GET", "HEAD", "POST", "PUT"]
            assert c.options("/sparql").headers["allow"] == "GET, HEAD, POST"
            r = c.get("/sparql", params={"update": "CLEAR ALL"})  # an update sent with GET
            assert r.status_code == 405 and r.headers["allow"] == "POST"
            assert c.get("/sparql", params={"query": "ASK {}"}).status_code == 200  # the served ones still are
    finally:
        server.stop()


def test_head_gives_the_headers_of_get(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    for url, params in (("/rdf-graph-store", {"graph": base_iri + "graph/authority"}),
                        ("/rdf-graph-store", {"graph": base_iri + "graph/authority", "format": "nt"}),
                        ("/rdf-graph-store", {"default": ""}),
                        ("/sparql", {"query": LIBRARIES})):
        for encoding in ("identity", "gzip"):
            headers = {"Accept-Encoding": encoding}
            get, head = http.get(url, params=params, headers=headers), http.head(url, params=params, headers=headers)
            assert get.status_code == head.status_code == 200, (url, get.text[:200])
            if encoding == "identity":
                assert int(get.headers["content-length"]) == len(get.content) > 0
            assert head.content == b""
            for name in ("content-length", "content-type", "content-encoding", "vary"):
                assert head.headers.get(name) == get.headers.get(name), (url, params, encoding, name)
    missing = {"graph": base_iri + "graph/none"}
    assert http.head("/rdf-graph-store", params=missing).status_code == http.get("/rdf-graph-store", params=missing).status_code == 404


def test_update_refused_without_write_token(http) -> None:  # type: ignore[no-untyped-def]
    r = http.post("/sparql", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"},
                  headers={"Origin": "https://x.example"})
    assert r.status_code == 401 and "www-authenticate" in r.headers
    assert r.headers["access-control-allow-origin"] == "*"
    r = http.post("/sparql", content=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                  headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer guess"})
    assert r.status_code == 401
    assert http.get("/sparql", params={"query": "ASK { <urn:a> ?p ?o }"}).json()["boolean"] is False


# --- writes, timeouts and row limits on servers of their own --------------------------------------------
@pytest.fixture(scope="module")
def writable(tmp_path_factory):  # type: ignore[no-untyped-def]
    from conftest import start_server

    server, settings = start_server(tmp_path_factory.mktemp("writable"), write_token="s3cret")
    server.settings = settings
    yield server
    server.stop()


@pytest.fixture(scope="module")
def limited(tmp_path_factory):  # type: ignore[no-untyped-def]
    from conftest import start_server

    server, settings = start_server(tmp_path_factory.mktemp("limited"), query_timeout=1.0, query_row_limit=5,
                                    query_workers=1)
    server.settings = settings
    yield server
    server.stop()


def test_update_with_token_is_applied(writable) -> None:  # type: ignore[no-untyped-def]
    base = writable.url + "/"
    with httpx.Client(base_url=writable.url, timeout=60) as c:
        ask = PREFIX + f'ASK {{ <{base}id/place/omsk> rdfs:comment "checked"@en }}'
        assert c.get("/sparql", params={"query": ask}).json()["boolean"] is False
        upd = PREFIX + (f'INSERT DATA {{ GRAPH <{base}graph/curation> {{ <{base}id/place/omsk> '
                        f'rdfs:comment "checked"@en }} }}')
        assert c.post("/sparql", data={"update": upd}, headers={"Authorization": "Bearer wrong"}).status_code == 401
        r = c.post("/sparql", data={"update": upd}, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 204, r.text
        assert c.get("/sparql", params={"query": ask}).json()["boolean"] is True
        bad = c.post("/sparql", content=b"INSERT DATA { oops", headers={
            "Content-Type": "application/sparql-update", "Authorization": "Bearer s3cret"})
        assert bad.status_code == 400 and "syntax" in bad.text
        sd = rdflib.Graph().parse(data=c.get("/sparql", headers={"Accept": "text/turtle"}).text, format="turtle")
        assert (rdflib.URIRef(writable.url + "/sparql"),
                rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#supportedLanguage"),
                rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#SPARQL11Update")) in sd


def test_graph_store_protocol(writable) -> None:  # type: ignore[no-untyped-def]
    base = writable.url + "/"
    graph = base + "graph/test-gsp"
    auth = {"Authorization": "Bearer s3cret"}
    turtle = '<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .\n'
    with httpx.Client(base_url=writable.url, timeout=60) as c:
        assert c.put("/rdf-graph-store", params={"graph": graph}, content=turtle,
                     headers={"Content-Type": "text/turtle"}).status_code == 401
        r = c.put("/rdf-graph-store", params={"graph": graph}, content=turtle,
                  headers={"Content-Type": "text/turtle", **auth})
        assert r.status_code == 201, r.text
        got = c.get("/rdf-graph-store", params={"graph": graph}, headers={"Accept": "application/n-triples"})
        assert got.status_code == 200 and got.text.count("\n") == 1
        more = '<http://example.org/b> <http://www.w3.org/2000/01/rdf-schema#label> "B"@en .'
        assert c.post("/rdf-graph-store", params={"graph": graph}, content=more,
                      headers={"Content-Type": "application/n-triples", **auth}).status_code == 204
        g = rdflib.Graph().parse(data=c.get("/rdf-graph-store", params={"graph": graph}).text, format="turtle")
        assert len(g) == 2
        assert c.put("/rdf-graph-store", params={"graph": graph}, content="not turtle <",
                     headers={"Content-Type": "text/turtle", **auth}).status_code == 400
        assert c.delete("/rdf-graph-store", params={"graph": graph}, headers=auth).status_code == 204
        assert c.get("/rdf-graph-store", params={"graph": graph}).status_code == 404
        assert c.delete("/rdf-graph-store", params={"graph": graph}, headers=auth).status_code == 404


def _state(c: httpx.Client) -> list[tuple[str, str]]:
    """Every graph with its number of triples, and the dataset version (graph/meta)."""
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    rows = c.get("/sparql", params={"query": q}, headers={"Accept": "application/json"}).json()["results"]["bindings"]
    version = c.get("/sparql", params={"query": "SELECT ?v WHERE { GRAPH ?g { ?d <https://w3id.org/shekara/ns#datasetVersion> ?v } }"},
                    headers={"Accept": "application/json"}).json()["results"]["bindings"]
    return [(r["g"]["value"], r["n"]["value"]) for r in rows] + [("version", b["v"]["value"]) for b in version]


def test_update_may_not_write_what_the_graph_store_protects(writable) -> None:  # type: ignore[no-untyped-def]
    """graph/decisions and graph/meta answer 403 to the Graph Store Protocol; SPARQL Update keeps
    the same rule, by full IRI or prefixed name, and refuses clearing every graph. A refused
    update changes nothing."""
    base = writable.url + "/"
    auth = {"Authorization": "Bearer s3cret"}
    triple = "<urn:x:a> <urn:x:b> <urn:x:c>"
    with httpx.Client(base_url=writable.url, timeout=60) as c:
        c.put("/rdf-graph-store", params={"graph": base + "graph/curation"}, content=triple + " .",
              headers={"Content-Type": "application/n-triples", **auth}).raise_for_status()
        before = _state(c)
        assert any(g == base + "graph/meta" for g, _ in before) and any(k == "version" for k, _ in before)
        for graph in ("decisions", "meta"):
            r = c.put("/rdf-graph-store", params={"graph": base + "graph/" + graph}, content=triple + " .",
                      headers={"Content-Type": "application/n-triples", **auth})
            assert r.status_code == 403
        refused = [
            f"INSERT DATA {{ GRAPH <{base}graph/decisions> {{ {triple} }} }}",
            f"INSERT DATA {{ GRAPH <{base}graph/meta> {{ {triple} }} }}",
            f"PREFIX g: <{base}graph/>\nINSERT DATA {{ GRAPH g:decisions {{ {triple} }} }}",
            f"BASE <{base}graph/>\nINSERT DATA {{ GRAPH <meta> {{ {triple} }} }}",
            f"INSERT DATA {{ GRAPH <{base}graph/decision\\u0073> {{ {triple} }} }}",  # \u0073 is s
            f"DELETE WHERE {{ GRAPH <{base}graph/meta> {{ ?s ?p ?o }} }}",
            f"WITH <{base}graph/decisions> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
            f"DROP GRAPH <{base}graph/decisions>",
            f"CLEAR SILENT GRAPH <{base}graph/meta>",
            f"INSERT DATA {{ GRAPH <{base}graph/curation> {{ {triple} }} }} ;\n"
            f"PREFIX m: <{base}graph/me>\nDELETE DATA {{ GRAPH m:ta {{ {triple} }} }}",
            "DROP ALL", "drop silent all", "CLEAR ALL", "DROP NAMED", "CLEAR NAMED",
            f"MOVE <{base}graph/curation> TO <{base}graph/decisions>",
            f"COPY GRAPH <{base}graph/curation> TO GRAPH <{base}graph/meta>",
            f"PREFIX g: <{base}graph/> ADD g:curation TO g:decisions",
            f"MOVE <{base}graph/decisions> TO <{base}graph/curation>",
        ]
        for update in refused:
            r = c.post("/sparql", data={"update": update}, headers=auth)
            assert r.status_code == 403, (update, r.status_code, r.text)
            assert "graph/decisions" in r.text or "graph/meta" in r.text
            r = c.post("/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-update", **auth})
            assert r.status_code == 403, (update, r.status_code, r.text)
        assert _state(c) == before
        # other graphs stay writable, the decisions IRI only as a value in a string too
        ok = f'INSERT DATA {{ GRAPH <{base}graph/curation> {{ <urn:x:a> <urn:x:note> "not {base}graph/decisions" }} }}'
        assert c.post("/sparql", data={"update": ok}, headers=auth).status_code == 204
        assert c.post("/sparql", data={"update": f"DROP GRAPH <{base}graph/curation>"}, headers=auth).status_code == 204


def test_timeout_stops_the_query_and_the_pool_recovers(limited) -> None:  # type: ignore[no-untyped-def]
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with httpx.Client(base_url=limited.url, timeout=120) as c:
        r = c.get("/sparql", params={"query": heavy}, headers={"Origin": "https://x.example"})
        assert r.status_code == 503, r.text
        assert "longer than" in r.text and r.headers["access-control-allow-origin"] == "*"
        # the only worker was killed and replaced: the next query is answered
        ok = c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert ok.status_code == 200 and ok.json()["boolean"] is True


@pytest.fixture(scope="module")
def small_results(tmp_path_factory):  # type: ignore[no-untyped-def]
    from conftest import start_server

    server, settings = start_server(tmp_path_factory.mktemp("small"), query_max_bytes=4096)
    yield server
    server.stop()


def test_a_result_over_the_size_limit_is_an_error_in_every_form(small_results) -> None:  # type: ignore[no-untyped-def]
    """CONSTRUCT and DESCRIBE have no row cap: the size cap holds them (and SELECTs with long
    values), as an explicit 422, never a cut-off body."""
    everything = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    with httpx.Client(base_url=small_results.url, timeout=60) as c:
        for fmt in ("ttl", "nt", "jsonld", "rdfxml"):
            r = c.get("/sparql", params={"query": everything, "format": fmt})
            assert r.status_code == 422, (fmt, r.status_code, r.text[:200])
            assert "size limit of 4096 bytes" in r.text and "LIMIT" in r.text
        small = c.get("/sparql", params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3", "format": "nt"})
        assert small.status_code == 200 and small.text.count("\n") == 3
        # a SELECT within the row cap but over the size: the direct path (its own LIMIT) and the counted one
        for q in ("SELECT * WHERE { ?s ?p ?o } LIMIT 5000", "SELECT * WHERE { ?s ?p ?o }"):
            for fmt in ("json", "xml", "csv", "tsv"):
                r = c.get("/sparql", params={"query": q, "format": fmt})
                assert r.status_code == 422 and "size limit" in r.text, (q, fmt, r.status_code)
        ok = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 2", "format": "json"})
        assert ok.status_code == 200 and len(ok.json()["results"]["bindings"]) == 2
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_graph_store_reads_over_the_size_limit_say_how_to_read_instead(small_results) -> None:  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=small_results.url, timeout=60) as c:
        r = c.get("/rdf-graph-store", params={"default": ""}, headers={"Accept": "application/n-triples"})
        assert r.status_code == 422 and "?graph=IRI" in r.text and "shekara export" in r.text, r.text


def test_a_csv_under_the_cap_is_not_refused_for_its_longer_tsv() -> None:
    """CSV drops the datatypes TSV keeps: the TSV stage may be far over the cap while the CSV
    asked for is within it. The cap holds on the answer, to the byte."""
    import pyoxigraph as ox

    from graph_api.query_exec import FormatChoice, ResultTooLarge, serialize_result

    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/n"),
                         ox.Literal(f"{1000 + i}-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))
                 for i in range(2000))
    q = "SELECT ?n WHERE { ?s <http://example.org/n> ?n }"
    csv, _, _ = serialize_result(store.query(q), FormatChoice("csv", None), 10_000)
    tsv, _, _ = serialize_result(store.query(q), FormatChoice("tsv", None), 10_000)
    assert len(tsv) > 3 * len(csv)
    assert serialize_result(store.query(q), FormatChoice("csv", None), 10_000, None, len(csv))[0] == csv
    with pytest.raises(ResultTooLarge):
        serialize_result(store.query(q), FormatChoice("csv", None), 10_000, None, len(csv) - 1)
    for fmt in ("json", "xml", "tsv"):
        body = serialize_result(store.query(q), FormatChoice(fmt, None), 10_000)[0]
        assert serialize_result(store.query(q), FormatChoice(fmt, None), 10_000, None, len(body))[0] == body
        with pytest.raises(ResultTooLarge):
            serialize_result(store.query(q), FormatChoice(fmt, None), 10_000, None, len(body) - 1)


def test_a_refused_result_leaves_no_reference_cycle() -> None:
    """The error must not tie the pyoxigraph result into a cycle: freed by the cyclic collector
    on another query thread, pyoxigraph results cannot be dropped and leak for the worker's life."""
    import gc

    import pyoxigraph as ox

    from graph_api.query_exec import FormatChoice, RowLimitExceeded, serialize_result

    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal("x" * 100)) for i in range(3000))
    cases = [("SELECT * WHERE { ?s ?p ?o }", FormatChoice("json", None), 10, 1 << 30),      # row cap
             ("SELECT * WHERE { ?s ?p ?o }", FormatChoice("json", None), 10_000, 4096),     # size cap
             ("CONSTRUCT WHERE { ?s ?p ?o }", FormatChoice(None, "nt"), 10_000, 4096)]      # a graph
    gc.collect()
    gc.disable()
    try:
        for q, choice, rows, cap in cases:
            try:
                serialize_result(store.query(q), choice, rows, None, cap)
            except RowLimitExceeded:
                pass
            else:
                raise AssertionError(f"{q} should have been refused")
        assert gc.collect() == 0, "the refusal left cyclic garbage behind"
    finally:
        gc.enable()


def test_the_size_cap_stops_the_serialisation_early() -> None:
    """The sink refuses the write that crosses the cap, so pyoxigraph stops there: the bytes held
    are the cap plus one buffer, not the whole result."""
    import pyoxigraph as ox

    from graph_api.query_exec import FormatChoice, ResultTooLarge, _Sink, serialize_result

    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal("x" * 200)) for i in range(20_000))
    writes: list[int] = []
    real_write = _Sink.write

    def counting(self, b):  # type: ignore[no-untyped-def]
        writes.append(len(self.buf))
        return real_write(self, b)

    _Sink.write = counting  # type: ignore[method-assign]
    try:
        with pytest.raises(ResultTooLarge):
            serialize_result(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), FormatChoice(rdf="nt"), 10, None, 64 * 1024)
    finally:
        _Sink.write = real_write  # type: ignore[method-assign]
    full = 20_000 * 200  # the literals alone
    assert writes and max(writes) <= 64 * 1024 + (1 << 16) < full // 10, max(writes)


def test_row_limit_is_an_error_not_a_partial_result(limited) -> None:  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=limited.url, timeout=60) as c:
        r = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert r.status_code == 422
        assert "row limit of 5" in r.text and "LIMIT" in r.text
        for fmt in ("json", "csv", "xml", "tsv"):
            assert c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "format": fmt}).status_code == 422
        exact = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
        assert exact.status_code == 200 and len(exact.json()["results"]["bindings"]) == 5
        # a LIMIT the cap cannot take on trust (in a comment, above the cap) is counted: 422
        for q in ("SELECT * WHERE { ?s ?p ?o } # LIMIT 3", "SELECT * WHERE { ?s ?p ?o } LIMIT 6",
                  "SELECT * WHERE { ?s ?p ?o } # } LIMIT 3"):
            assert c.get("/sparql", params={"query": q, "format": "json"}).status_code == 422, q
        # and one it cannot see (a subquery's, one before VALUES) is counted too, and passes
        for q in ("SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 3 } }",
                  "SELECT * WHERE { ?s ?p ?o } LIMIT 3 VALUES ?p { <http://www.w3.org/2000/01/rdf-schema#label> }"):
            r = c.get("/sparql", params={"query": q, "format": "json"})
            assert r.status_code == 200 and 1 <= len(r.json()["results"]["bindings"]) <= 3, (q, r.text)

TAILS = [
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 500", 500),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY DESC(?s) limit 10 offset 20", 10),
    ("SELECT * WHERE { ?s ?p ?o } OFFSET 20 LIMIT 10\n", 10),
    ("SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t HAVING (COUNT(*) > 2) LIMIT 7", 7),
    ("SELECT * WHERE { ?s ?p ?o } # }\n LIMIT 4", 4),                         # the comment ended
    ("SELECT * WHERE { ?s ?p ?o }", None),
    ("SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 3 } }", None),   # a subquery's
    ("SELECT * WHERE { ?s ?p ?o } # LIMIT 3", None),                        # a comment
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o = \"} LIMIT 3\") }", None),         # a string
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY (?o = \"}\") LIMIT 3", 3),          # the string is a token
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 3 VALUES ?s { <http://x/a> }", None),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 3 OFFSET", None),
    # a "}" inside a comment fooled the first, text-based reading (found in review)
    ("SELECT * WHERE { ?s ?p ?o } # } LIMIT 3", None),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 40 # } LIMIT 3", 40),
    ("SELECT * WHERE { ?s ?p ?o }\n#} LIMIT 3\n", None),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 12 # the first dozen", 12),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o != '''} LIMIT 3''') }", None),
    ("SELECT ?LIMIT WHERE { ?s ?p ?LIMIT }", None),
]


@pytest.mark.parametrize("query,limit", TAILS)
def test_top_level_limit_is_read_only_where_it_is_certain(query: str, limit: int | None) -> None:
    from graph_api.sparql_text import top_level_limit

    assert top_level_limit(query) == limit


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_a_query_within_its_own_limit_is_written_directly_and_the_same(fmt: str) -> None:
    """The direct path (the query's LIMIT keeps it under the cap) gives the counted path's bytes."""
    from graph_api.query_exec import FormatChoice, serialize_result

    store = ox.Store()
    for i in range(30):
        store.add(ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"),
                          ox.Literal(f"naïve \"{i}\"\tтекст", language="kk")))
    q = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 20"
    direct = serialize_result(store.query(q), FormatChoice.of(fmt), 25, query_limit=20)
    counted = serialize_result(store.query(q), FormatChoice.of(fmt), 25)
    assert direct == counted
    with pytest.raises(Exception, match="row limit"):  # a LIMIT above the cap is still counted
        serialize_result(store.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 28"), FormatChoice.of(fmt), 25,
                         query_limit=28)


# --- stored queries and safe binding ---------------------------------------------------------------------
def test_api_queries_list_and_run(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    listing = {q["name"]: q for q in http.get("/api/queries").json()}
    assert listing["libraries-by-country"]["parameters"] == [
        {"name": "country", "type": "iri", "description": "the country, e.g. the IRI of Kazakhstan"}]
    assert listing["events-per-year"]["title"] == "Events per year"  # "#title:" without spaces
    r = http.get("/api/queries/libraries-by-country", params={"country": base_iri + "id/place/russia"})
    assert r.status_code == 200
    assert [b["library"]["value"] for b in r.json()["results"]["bindings"]] == [base_iri + "id/library/omsk-pushkin-library"]
    # a parameter used only in a FILTER is bound with an escaped VALUES block
    r = http.get("/api/queries/label-search", params={"label": "Омбы"}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.text.splitlines()[1:] == [base_iri + "id/place/omsk"]
    r = http.post("/api/queries/label-search", json={"label": "Omsk"})
    assert r.json()["results"]["bindings"][0]["entity"]["value"] == base_iri + "id/place/omsk"
    assert http.get("/api/queries/events-per-year").status_code == 200
    assert http.get("/api/queries/nope").status_code == 404
    assert http.get("/api/queries/..%2Fsecret").status_code == 404


@pytest.mark.parametrize("evil", [
    '" ) } ; DROP ALL ; #',
    '"} UNION { ?entity ?p ?o } #',
    "Омбы\\",
    "'''\"\"\"",
    "line\nbreak\r\ttab\x00nul",
    "\\u0022 } #",
])
def test_literal_parameters_cannot_inject(http, evil: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/api/queries/label-search", params={"label": evil})
    assert r.status_code == 200, r.text
    assert r.json()["results"]["bindings"] == []


@pytest.mark.parametrize("evil", [
    "http://x.org/> } ; DROP ALL ; <http://y.org/",
    "http://x.org/a b",
    "javascript alert",
    'http://x.org/"',
    "<http://x.org/>>",
])
def test_iri_parameters_are_refused_when_unsafe(http, evil: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/api/queries/libraries-by-country", params={"country": evil})
    assert r.status_code == 400
    assert http.get("/api/queries/libraries-by-country", params={"country": "http://x.org/", "extra": "1"}).status_code == 400


@pytest.mark.parametrize("value", ['" ) } ; DROP ALL ; #', "a\\b", "x'''y\"\"\"", "\n\r\t\x01", "Омбы", "ünïcode 😀"])
def test_sparql_term_round_trips_through_the_parser(value: str) -> None:
    q = bind_values("SELECT ?v WHERE { }", {"v": ox.Literal(value)})
    rows = list(ox.Store().query(q))
    assert len(rows) == 1 and rows[0]["v"] == ox.Literal(value)
    tagged = sparql_term(ox.Literal(value, language="kk"))
    assert list(ox.Store().query(f"SELECT ?v WHERE {{ BIND({tagged} AS ?v) }}"))[0]["v"] == ox.Literal(value, language="kk")


def test_bind_values_targets_the_where_group() -> None:
    q = 'CONSTRUCT { ?s <urn:p> "{not a group}" } WHERE { ?s <urn:q> ?v } # { comment'
    bound = bind_values(q, {"v": ox.NamedNode("urn:x")})
    assert bound.index("VALUES") > bound.index("WHERE")
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:q"), ox.NamedNode("urn:x")))
    store.add(ox.Quad(ox.NamedNode("urn:b"), ox.NamedNode("urn:q"), ox.NamedNode("urn:y")))
    assert [t.subject.value for t in store.query(bound)] == ["urn:a"]
    with pytest.raises(ParameterError):
        to_term("http://x.org/> }", "iri")
    with pytest.raises(ParameterError):
        to_term("19x9", "year")
    assert to_term("2019", "year") == ox.Literal("2019", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))


def test_jsonld_from_construct_is_valid(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/sparql", params={"query": LIB_GRAPH}, headers={"Accept": "application/ld+json"})
    data = json.loads(r.text)
    g = rdflib.Graph().parse(data=json.dumps(data), format="json-ld")
    assert len(g) == 12


def test_an_idle_pool_hands_the_next_query_to_the_worker_that_just_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Light load stays on one warm worker (its RocksDB block cache), instead of going round the pool."""
    from graph_api.query_exec import QueryExecutor
    from graph_api.settings import Settings
    from conftest import build_store

    store = build_store(tmp_path / "store", "http://shekara.test/", Path(__file__).parent / "data" / "pages_fixture.trig")
    executor = QueryExecutor(Settings(store=store, base_iri="http://shekara.test/", query_workers=3))
    used: list[int] = []
    take = executor._pool.get_nowait

    def recording_take():  # type: ignore[no-untyped-def]
        w = take()
        assert w is not None  # one query at a time: a worker is always idle
        used.append(w.proc.pid)
        return w

    executor._pool.get_nowait = recording_take  # type: ignore[method-assign]
    try:
        for _ in range(4):
            assert executor.run("ASK { ?s ?p ?o }", "json").body
        assert len(used) == 4 and len(set(used)) == 1, used
    finally:
        executor.close()
