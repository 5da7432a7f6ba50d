"""Content negotiation as a table: Accept header → the media type we answer with."""
from __future__ import annotations

import pytest

from graph_api.conneg import RDF_OFFERS, RESULT_OFFERS, NotAcceptable, negotiate, parse_accept, prefers_html

SRJ, SRX, CSV, TSV = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                      "text/tab-separated-values")
TTL, NT, JSONLD, RDFXML = "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"
NONE = None  # 406

RESULT_TABLE = [
    (None, SRJ),
    ("", SRJ),
    ("*/*", SRJ),
    ("application/sparql-results+json", SRJ),
    ("application/sparql-results+xml", SRX),
    ("text/csv", CSV),
    ("text/tab-separated-values", TSV),
    ("application/json", SRJ),
    ("application/xml", SRX),
    ("text/*", CSV),
    ("application/*", SRJ),
    ("text/csv;q=0.5, application/sparql-results+xml", SRX),
    ("text/csv, application/sparql-results+xml;q=0.9", CSV),
    ("application/sparql-results+json;q=0, */*", SRX),  # q=0 refuses, even though */* would allow it
    ("*/*;q=0.1, text/tab-separated-values", TSV),
    ("text/*;q=0.9, text/csv;q=0", TSV),  # the specific q=0 beats the wildcard for text/csv
    ("application/sparql-results+json; charset=utf-8", SRJ),
    ("APPLICATION/SPARQL-RESULTS+XML", SRX),
    ("text/turtle", NONE),
    ("image/png, text/turtle;q=0.8", NONE),
    ("*/*;q=0", NONE),
    ("application/sparql-results+json,application/json,text/javascript,application/javascript", SRJ),  # SPARQLWrapper
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", SRX),  # a browser, no HTML offered
    ("garbage, text/csv", CSV),
    ("text/csv;q=abc, text/tab-separated-values;q=0.5", TSV),  # an unreadable q counts as 0
]

RDF_TABLE = [
    (None, TTL),
    ("*/*", TTL),
    ("text/turtle", TTL),
    ("application/x-turtle", TTL),
    ("application/n-triples", NT),
    ("text/plain", NT),
    ("application/ld+json", JSONLD),
    ("application/json", JSONLD),
    ("application/rdf+xml", RDFXML),
    ("application/xml", RDFXML),
    ("application/*", JSONLD),
    ("text/turtle;q=0.4, application/ld+json;q=0.8", JSONLD),
    ("application/rdf+xml, text/turtle;q=0", RDFXML),
    ("text/turtle;q=0, */*;q=0.5", JSONLD),
    ("application/turtle,text/turtle", TTL),  # SPARQLWrapper TURTLE
    ("application/ld+json,application/x-json+ld", JSONLD),  # SPARQLWrapper JSONLD
    ("application/sparql-results+json", NONE),
    ("text/csv", NONE),
    ("text/turtle;q=0, application/n-triples;q=0, application/ld+json;q=0, application/rdf+xml;q=0, text/*;q=0, "
     "application/*;q=0", NONE),
]


@pytest.mark.parametrize("accept,expected", RESULT_TABLE)
def test_result_formats(accept: str | None, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(NotAcceptable):
            negotiate(accept, RESULT_OFFERS)
    else:
        assert negotiate(accept, RESULT_OFFERS).canonical == expected


@pytest.mark.parametrize("accept,expected", RDF_TABLE)
def test_rdf_formats(accept: str | None, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(NotAcceptable):
            negotiate(accept, RDF_OFFERS)
    else:
        assert negotiate(accept, RDF_OFFERS).canonical == expected


def test_parse_accept_reads_q_and_skips_junk() -> None:
    ranges = parse_accept("text/html;level=1;q=0.7, bogus, */*;q=0.1, text/*;Q=0")
    assert [(r.type, r.subtype, r.q) for r in ranges] == [("text", "html", 0.7), ("*", "*", 0.1), ("text", "*", 0.0)]


def test_prefers_html() -> None:
    assert prefers_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert not prefers_html("*/*")
    assert not prefers_html("text/turtle")
    assert not prefers_html(None)


def test_not_acceptable_lists_what_is_available() -> None:
    with pytest.raises(NotAcceptable) as e:
        negotiate("image/png", RESULT_OFFERS)
    assert "application/sparql-results+json" in str(e.value) and "text/csv" in str(e.value)


# --- the same table against the running endpoint -----------------------------------------------
SELECT = "SELECT ?s WHERE { ?s a <http://schema.org/Library> } LIMIT 2"
CONSTRUCT = "CONSTRUCT { ?s a <http://schema.org/Library> } WHERE { ?s a <http://schema.org/Library> }"


@pytest.mark.parametrize("accept,expected", RESULT_TABLE)
def test_live_select(http, accept: str | None, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    headers = {} if accept is None else {"Accept": accept}
    r = http.get("/sparql", params={"query": SELECT}, headers=headers)
    if expected is None:
        assert r.status_code == 406, r.text
        assert "available" in r.text
    elif accept and accept.startswith("text/html"):
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")  # the query page
    else:
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].split(";")[0] == expected


@pytest.mark.parametrize("accept,expected", RDF_TABLE)
def test_live_construct(http, accept: str | None, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    headers = {} if accept is None else {"Accept": accept}
    r = http.get("/sparql", params={"query": CONSTRUCT}, headers=headers)
    if expected is None:
        assert r.status_code == 406, r.text
    else:
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].split(";")[0] == expected


def test_live_format_parameter_wins_over_accept(http) -> None:  # type: ignore[no-untyped-def]
    r = http.get("/sparql", params={"query": SELECT, "format": "tsv"}, headers={"Accept": "application/json"})
    assert r.headers["content-type"].startswith("text/tab-separated-values")
    r = http.get("/sparql", params={"query": CONSTRUCT, "format": "csv"})
    assert r.status_code == 406 and "CONSTRUCT" in r.text
    r = http.get("/sparql", params={"query": SELECT, "format": "ttl"})
    assert r.status_code == 406 and "SELECT" in r.text
    r = http.get("/sparql", params={"query": SELECT, "format": "text/csv"})  # media types, as SPARQLWrapper sends
    assert r.headers["content-type"].startswith("text/csv")
    r = http.get("/sparql", params={"query": CONSTRUCT, "format": "xml"})  # RDF/XML for a graph
    assert r.headers["content-type"].startswith("application/rdf+xml")
    assert http.get("/sparql", params={"query": SELECT, "format": "yaml"}).status_code == 400

