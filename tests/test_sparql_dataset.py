"""A query's own dataset (FROM / FROM NAMED) and federation (SERVICE), over real HTTP.

The default graph of /sparql is the union of all graphs, but a query that names its dataset
gets that dataset, and the protocol's default-graph-uri / named-graph-uri replace the query's
(SPARQL 1.1 Protocol §2.1.4). SERVICE is off unless ``federation_allow`` lists the endpoint;
a refused query must not reach the endpoint at all, which a loopback listener checks.
"""
from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import rdflib

from graph_api.query_exec import query_form

DOC = "graph/doc/meetings-at-the-boundaries.kk.txt"
COUNT = "SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ ?s ?p ?o }}"
GRAPHS = "SELECT DISTINCT ?g {dataset} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} ORDER BY ?g"
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")


def _count(c: httpx.Client, query: str, method: str = "GET", **params: object) -> int:
    if method == "GET":
        r = c.get("/sparql", params={"query": query, **params}, headers={"Accept": "application/json"})
    else:
        r = c.post("/sparql", data={"query": query, **params}, headers={"Accept": "application/json"})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def _graphs(c: httpx.Client, query: str, **params: object) -> list[str]:
    r = c.get("/sparql", params={"query": query, **params}, headers={"Accept": "application/json"})
    assert r.status_code == 200, r.text
    return [b["g"]["value"] for b in r.json()["results"]["bindings"]]


def _in_graph(c: httpx.Client, graph: str) -> int:
    return _count(c, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")


# --- the query's own dataset -------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_from_gives_the_querys_default_graph(http, base_iri: str, method: str) -> None:  # type: ignore[no-untyped-def]
    authority, doc = base_iri + "graph/authority", base_iri + DOC
    union = _count(http, COUNT.format(dataset=""), method)
    in_authority, in_doc = _in_graph(http, authority), _in_graph(http, doc)
    assert 0 < in_doc < in_authority < union
    assert _count(http, COUNT.format(dataset="FROM <http://nope/>"), method) == 0
    assert _count(http, COUNT.format(dataset=f"FROM <{doc}>"), method) == in_doc
    assert _count(http, COUNT.format(dataset=f"FROM <{authority}>"), method) == in_authority
    assert _count(http, COUNT.format(dataset=f"FROM <{authority}> FROM <{doc}>"), method) == in_authority + in_doc
    # a FROM alone leaves no named graphs (SPARQL 1.1 Query §13.2)
    assert _graphs(http, GRAPHS.format(dataset=f"FROM <{doc}>")) == []


def test_from_named_gives_the_querys_named_graphs(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    authority, doc = base_iri + "graph/authority", base_iri + DOC
    assert _graphs(http, GRAPHS.format(dataset=f"FROM NAMED <{authority}>")) == [authority]
    assert _count(http, COUNT.format(dataset=f"FROM NAMED <{authority}>")) == 0  # an empty default graph
    both = f"FROM <{doc}> FROM NAMED <{authority}>"
    assert _count(http, COUNT.format(dataset=both)) == _in_graph(http, doc)
    assert _graphs(http, GRAPHS.format(dataset=both)) == [authority]
    # prefixed names and lower case are read as the parser reads them
    prefixed = f"PREFIX g: <{base_iri}graph/> SELECT DISTINCT ?g from named g:authority WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _graphs(http, prefixed) == [authority]


def test_protocol_parameters_replace_the_querys_dataset(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    authority, doc = base_iri + "graph/authority", base_iri + DOC
    every = _graphs(http, GRAPHS.format(dataset=""))
    assert authority in every and doc in every
    nope = COUNT.format(dataset="FROM <http://nope/>")
    assert _count(http, nope, **{"default-graph-uri": authority}) == _in_graph(http, authority)
    assert _count(http, nope, "POST", **{"default-graph-uri": doc}) == _in_graph(http, doc)
    assert _graphs(http, GRAPHS.format(dataset=f"FROM NAMED <{authority}>"), **{"named-graph-uri": doc}) == [doc]
    # the part the protocol leaves out is the service's default, not the query's
    assert _count(http, COUNT.format(dataset=f"FROM <{doc}>"), **{"named-graph-uri": authority}) \
        == _count(http, COUNT.format(dataset=""))
    assert _graphs(http, GRAPHS.format(dataset=f"FROM NAMED <{authority}>"), **{"default-graph-uri": doc}) == every


def test_the_same_text_answers_the_same_and_from_elsewhere_is_no_clause(http, base_iri: str) -> None:  # type: ignore[no-untyped-def]
    """What is read from a query's text is kept per text: asking again, or with other protocol
    parameters, must not mix answers; FROM in a comment, string or name is no dataset clause."""
    doc = base_iri + DOC
    union = _count(http, COUNT.format(dataset=""))
    own = COUNT.format(dataset=f"FROM <{doc}>")
    for _ in range(3):
        assert _count(http, own) == _in_graph(http, doc)
        assert _count(http, own, **{"default-graph-uri": base_iri + "graph/authority"}) \
            == _in_graph(http, base_iri + "graph/authority")
    assert _count(http, COUNT.format(dataset="") + " # FROM <http://nope/>") == union
    text = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?o != "from <http://nope/>") }'
    assert _count(http, text) == union
    assert _count(http, "PREFIX from: <http://x/> SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?p != from:x) }") \
        == union


@pytest.mark.parametrize("query,has", [
    ("SELECT * FROM <g:a> WHERE { ?s ?p ?o }", True),
    ("select * from named <g:a> where { graph ?g { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s ?p ?o } # FROM <g:a>", False),
    ('SELECT * WHERE { ?s ?p "FROM <g:a>"@from }', False),
    ("SELECT ?from WHERE { ?from ?p ?o }", False),
    # the lexer takes <'> for an IRI and the rest of the line for a string; the parser does not
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o<'>') FILTER(?o != ' FROM ') }", False),
])
def test_dataset_clause_is_what_the_parser_reads(query: str, has: bool) -> None:
    from graph_api.query_exec import dataset_clause

    assert dataset_clause(query) is has


# --- federation -----------------------------------------------------------------------------------------
class Listener:
    """A SPARQL endpoint on loopback that records every request it gets (one row, ?x = <urn:reached>)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                listener.requests.append((self.command, self.path))
                body = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"uri","value":"urn:reached"}}]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True, name="sparql-listener")
        self.thread.start()

    def heard(self, wait: float = 0.3) -> list[tuple[str, str]]:
        time.sleep(wait)  # a request sent would have arrived by now
        return list(self.requests)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    ear = Listener()
    yield ear
    ear.close()


def _refused_queries(url: str) -> list[str]:
    host = url.removeprefix("http://")
    return [
        f"SELECT * WHERE {{ SERVICE <{url}/secret> {{ ?x ?p ?o }} }}",
        f"ASK {{ SERVICE SILENT <{url}/secret> {{ ?x ?p ?o }} }}",
        f"CONSTRUCT {{ ?x ?p ?o }} WHERE {{ service <{url}/secret> {{ ?x ?p ?o }} }}",
        f"PREFIX e: <{url}/> SELECT * WHERE {{ SERVICE e:secret {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http://{host}/\\u0073ecret> {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}/secret> AS ?e) SERVICE ?e {{ ?x ?p ?o }} }}",
        # the lexer reads the SERVICE here as inside a string; the parser does not
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o<'>') SERVICE <{url}/secret> {{ ?x ?p ?o }} FILTER(?o != '') }}",
        f"SELECT * WHERE {{ # a comment ended by a carriage return\r SERVICE <{url}/secret> {{ ?x ?p ?o }} }}",
    ]


def test_service_is_off_by_default_and_nothing_is_sent(http, listener: Listener) -> None:  # type: ignore[no-untyped-def]
    listener.requests.clear()
    for query in _refused_queries(listener.url):
        for r in (http.get("/sparql", params={"query": query}),
                  http.post("/sparql", data={"query": query}),
                  http.get("/sparql", params={"query": query, "format": "html"})):
            assert r.status_code == 400, (query, r.status_code, r.text[:200])
            assert "SERVICE" in r.text and "SHEKARA_FEDERATION_ALLOW" in r.text
    assert listener.heard() == []
    sd = rdflib.Graph().parse(data=http.get("/sparql", headers={"Accept": "text/turtle"}).text, format="turtle")
    assert not list(sd.triples((None, SD.feature, SD.BasicFederatedQuery)))


@pytest.fixture(scope="module")
def federated(tmp_path_factory, listener: Listener):  # type: ignore[no-untyped-def]
    from conftest import start_server

    server, settings = start_server(tmp_path_factory.mktemp("federated"), write_token="s3cret",
                                    federation_allow=[listener.url + "/allowed/"])
    yield server
    server.stop()


def test_an_allowed_endpoint_is_called_and_no_other(federated, listener: Listener) -> None:  # type: ignore[no-untyped-def]
    listener.requests.clear()
    with httpx.Client(base_url=federated.url, timeout=60) as c:
        for query in _refused_queries(listener.url) + [
                f"SELECT * WHERE {{ SERVICE <{listener.url}/allowed> {{ ?x ?p ?o }} }}",  # the prefix ends at its /
                f"SELECT * WHERE {{ SERVICE <{listener.url}/allowed.evil/> {{ ?x ?p ?o }} }}"]:
            r = c.get("/sparql", params={"query": query})
            assert r.status_code == 400, (query, r.status_code, r.text[:200])
        assert listener.heard() == []
        r = c.get("/sparql", params={"query": f"SELECT ?x WHERE {{ SERVICE <{listener.url}/allowed/sparql> {{ ?x ?p ?o }} }}"},
                  headers={"Accept": "application/json"})
        assert r.status_code == 200, r.text
        assert [b["x"]["value"] for b in r.json()["results"]["bindings"]] == ["urn:reached"]
        assert [path for _, path in listener.heard()] == ["/allowed/sparql"]
        sd = rdflib.Graph().parse(data=c.get("/sparql", headers={"Accept": "text/turtle"}).text, format="turtle")
        assert (rdflib.URIRef(federated.url + "/sparql"), SD.feature, SD.BasicFederatedQuery) in sd
        # an update's SERVICE is held to the same list
        update = f"INSERT {{ GRAPH <urn:g> {{ ?x ?x ?x }} }} WHERE {{ SERVICE <{listener.url}/secret> {{ ?x ?p ?o }} }}"
        r = c.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 400 and "SHEKARA_FEDERATION_ALLOW" in r.text
    assert [path for _, path in listener.heard()] == ["/allowed/sparql"]


def test_reading_a_service_query_sends_nothing(listener: Listener) -> None:
    """The form of a query is learnt by parsing only: evaluating, even on an empty store, would
    send the SERVICE request (pyoxigraph sends it as soon as a query is evaluated)."""
    from graph_api.query_exec import federation_problem, keyword_use

    listener.requests.clear()
    for query in _refused_queries(listener.url):
        assert query_form(query) in ("select", "ask", "graph")
        assert federation_problem(query, []) is not None
        assert keyword_use(query, "SERVICE").offsets
    assert listener.heard() == []


@pytest.mark.parametrize("iri,allowed", [
    ("https://query.wikidata.org/sparql", True),
    ("https://query.wikidata.org/sparql?x=1", True),
    ("https://query.wikidata.org/sparql/more", True),
    ("https://query.wikidata.org/sparqlx", False),
    ("https://query.wikidata.org.evil/sparql", False),
    ("https://dbpedia.org/sparql", False),
])
def test_an_allow_list_prefix_ends_at_a_delimiter(iri: str, allowed: bool) -> None:
    from graph_api.query_exec import endpoint_allowed

    assert endpoint_allowed(iri, ["https://query.wikidata.org/sparql"]) is allowed
    assert endpoint_allowed(iri, ["*"])
    assert not endpoint_allowed(iri, [])


def test_the_allow_list_setting_is_checked() -> None:
    from pydantic import ValidationError

    from graph_api.settings import Settings

    assert Settings(federation_allow=["*", "https://query.wikidata.org/sparql"]).federation_allow
    assert Settings().federation_allow == []
    for bad in (["http"], ["query.wikidata.org"], ["file:///etc/passwd"]):
        with pytest.raises(ValidationError):
            Settings(federation_allow=bad)


def test_a_query_writing_a_keyword_thousands_of_times_costs_a_bounded_number_of_parses(monkeypatch) -> None:
    # a query of 100 000 characters may write "service" thousands of times after a comparison that
    # leads the lexer astray: each is not put to the parser apart (seconds on the service's thread)
    from graph_api import query_exec

    calls = []
    real = query_exec.parse_problem
    monkeypatch.setattr(query_exec, "parse_problem", lambda q: calls.append(1) or real(q))
    query_exec.keyword_use.cache_clear()
    literal = " ".join(["service"] * 3000)
    query = (f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o<'>') SERVICE <http://example.org/sparql> {{ ?x ?p ?o }} "
             f"FILTER(?o != '') ?s ?p \"{literal}\" }}")
    use = query_exec.keyword_use(query, "SERVICE")
    assert len(calls) <= 70  # not one parse per place (3000)
    assert not use.certain  # so a SERVICE the lexer may have missed is refused, not let through
    assert query_exec.federation_problem(query, []) is not None
