"""The fast path (graph_api/fastpath.py) gives the router's answers, byte for byte.

Two apps over one store, one with ``fast_path`` on and one with it off, get the same requests:
well-formed ones the fast path answers itself, and malformed or special ones it must hand to
the router (422s, repeated parameters, ``?lang=`` that sets a cookie, a page not yet rendered).
Status, body and every header a client acts on must agree; the counter shows which requests
the fast path really answered.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph_api import fastpath
from graph_api.app import create_app
from graph_api.settings import Settings
from conftest import build_store

FIXTURE = Path(__file__).parent / "data" / "pages_fixture.trig"
BASE = "http://shekara.test/"
BNODE = re.compile(rb"_:[A-Za-z0-9]+")
HEADERS = ("content-type", "content-encoding", "content-language", "vary", "set-cookie",
           "access-control-allow-origin", "access-control-expose-headers", "allow")


@pytest.fixture(scope="module")
def clients(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("fastpath") / "store", BASE, FIXTURE)
    fast = create_app(Settings(store=store, base_iri=BASE, fast_path=True))
    slow = create_app(Settings(store=store, base_iri=BASE, fast_path=False))
    with TestClient(fast) as f, TestClient(slow) as s:
        # the search index and the pages are made by the router's routes first
        s.get("/api/search", params={"q": "pushkin"}).raise_for_status()
        f.get("/api/search", params={"q": "pushkin"}).raise_for_status()
        for c in (f, s):
            for lang in ("en", "ru", "kk"):
                c.get("/page/library/omsk-pushkin-library", headers={"Accept-Language": lang})
                c.cookies.clear()
            c.get("/page/person/nobody-at-all")
            c.get("/api/entities/library/omsk-pushkin-library")
            c.get("/api/entities/library/omsk-pushkin-library", params={"lang": "ru", "limit": "2"})
            c.get("/api/entities/library/omsk-pushkin-library", headers={"Accept-Language": "kk"})
            c.get("/api/crossborder/library/omsk-pushkin-library", params={"limit": "1"})
        yield f, s


def same(clients, method: str, url: str, **kw) -> tuple[int, bytes]:
    f, s = clients
    f.cookies.clear()
    s.cookies.clear()
    a, b = f.request(method, url, **kw), s.request(method, url, **kw)
    assert a.status_code == b.status_code, (url, a.text[:300], b.text[:300])
    assert BNODE.sub(b"_:b", a.content) == BNODE.sub(b"_:b", b.content), url  # blank nodes are new per answer
    for h in HEADERS:
        assert a.headers.get(h) == b.headers.get(h), (url, h)
    return a.status_code, a.content


SEARCHES = [
    ({"q": "pushkin"}, {}, True),
    ({"q": "Пушкин", "limit": "2"}, {"Accept-Language": "ru"}, True),
    ({"q": "pushkin", "type": "library", "lang": "kk"}, {"Accept-Encoding": "identity"}, True),
    ({"q": "omsk"}, {"Origin": "https://portal.example", "Accept-Encoding": "gzip"}, True),
    ({"q": "zzzz-nothing"}, {}, True),
    ({"q": ""}, {}, False),                      # 422: too short
    ({"q": "x" * 201}, {}, False),               # 422: too long
    ({"q": "pushkin", "limit": "0"}, {}, False),  # 422
    ({"q": "pushkin", "limit": "two"}, {}, False),
    ({"q": "pushkin", "type": "planet"}, {}, False),
    ({"q": "pushkin", "lang": "x" * 36}, {}, False),
    ({}, {}, False),                             # 422: q missing
    ([("q", "omsk"), ("q", "pushkin")], {}, False),  # repeated: the router's rule
]


@pytest.mark.parametrize("params,headers,fast", SEARCHES)
def test_search_answers_agree(clients, params, headers, fast):
    before = fastpath.ANSWERED["search"]
    status, body = same(clients, "GET", "/api/search", params=params, headers=headers)
    assert (fastpath.ANSWERED["search"] > before) == fast
    if fast:
        assert status == 200 and body.startswith(b'{"query"')


PAGES = [
    ("/page/library/omsk-pushkin-library", {"Accept-Language": "ru"}, True),
    ("/page/library/omsk-pushkin-library", {"Accept-Language": "kk", "Accept-Encoding": "identity"}, True),
    ("/page/library/omsk-pushkin-library", {"Cookie": "lang=kk", "Accept-Language": "en"}, True),
    ("/page/library/omsk-pushkin-library", {"Origin": "https://portal.example"}, True),
    ("/page/person/nobody-at-all", {}, True),                      # the not-found page, cached too
    ("/page/library/omsk-pushkin-library?lang=kk", {}, False),      # sets the cookie: the router
    ("/page/library/omsk-pushkin-library?out_offset=-1", {}, False),  # 422
    ("/page/library/pavlodar-pushkin-library", {}, False),         # not rendered yet
    ("/page/document/telebridge.ru.txt", {}, False),               # documents are not cached
]


@pytest.mark.parametrize("url,headers,fast", PAGES)
def test_page_answers_agree(clients, url, headers, fast):
    before = fastpath.ANSWERED["page"]
    same(clients, "GET", url, headers=headers)
    assert (fastpath.ANSWERED["page"] > before) == fast


ENTITIES = [
    ("/api/entities/library/omsk-pushkin-library", {}, {}, True),
    ("/api/entities/library/omsk-pushkin-library", {"limit": "2", "lang": "ru"}, {"Accept-Encoding": "identity"}, True),
    ("/api/entities/library/omsk-pushkin-library", {}, {"Accept-Language": "kk", "Origin": "https://x.example"}, True),
    ("/api/entities/library/omsk-pushkin-library", {}, {"Accept-Language": "ru"}, False),  # not asked before
    ("/api/entities/library/omsk-pushkin-library", {"limit": "0"}, {}, False),              # 422
    ("/api/entities/person/nobody-at-all", {}, {}, False),                                 # 404, never cached
    ("/api/entities/planet/omsk-pushkin-library", {}, {}, False),                          # 422
    ("/api/crossborder/library/omsk-pushkin-library", {"limit": "1"}, {}, True),
    ("/api/crossborder/library/omsk-pushkin-library", {"limit": "2"}, {}, False),
    ("/api/crossborder/person/nobody-at-all", {}, {}, False),                              # 404
]


@pytest.mark.parametrize("url,params,headers,fast", ENTITIES)
def test_entity_json_answers_agree(clients, url, params, headers, fast):
    before = fastpath.ANSWERED["entity"]
    same(clients, "GET", url, params=params, headers=headers)
    assert (fastpath.ANSWERED["entity"] > before) == fast


SPARQL = [
    ("GET", {"query": "ASK { ?s ?p ?o }"}, {"Accept": "application/sparql-results+json"}),
    ("GET", {"query": "SELECT ?s WHERE { ?s a <http://schema.org/Library> } ORDER BY ?s"}, {"Accept": "text/csv"}),
    ("GET", {"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", "format": "tsv"}, {}),
    ("GET", {"query": "CONSTRUCT WHERE { ?s a <http://schema.org/Library> }"}, {"Accept": "text/turtle"}),
    ("GET", {"query": "SELEKT nothing"}, {"Accept": "application/sparql-results+json"}),  # 400
    ("GET", {"query": "ASK {}"}, {"Accept": "image/png"}),                                # 406
    ("GET", {"query": "ASK {}", "format": "bogus"}, {}),                                   # 400
    ("GET", {"update": "CLEAR ALL"}, {}),                                                  # 405
    ("GET", {}, {"Accept": "text/turtle"}),                                                # service description
    ("GET", {"query": "ASK {}"}, {"Accept": "text/html"}),                                 # query page
    ("HEAD", {"query": "ASK {}"}, {}),
    ("GET", {"query": "ASK {}"}, {"Origin": "https://portal.example"}),
]


@pytest.mark.parametrize("method,params,headers", SPARQL)
def test_sparql_answers_agree(clients, method, params, headers):
    before = fastpath.ANSWERED["sparql"]
    same(clients, method, "/sparql", params=params, headers=headers)
    assert fastpath.ANSWERED["sparql"] == before + 1


SELECT = "SELECT ?s WHERE { ?s a <http://schema.org/Library> } ORDER BY ?s"
POSTS = [
    ({"content": SELECT, "headers": {"Content-Type": "application/sparql-query",
                                     "Accept": "application/sparql-results+json"}}, 200),
    ({"content": "DESCRIBE <http://shekara.test/id/library/omsk-pushkin-library>",
      "headers": {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": "application/n-triples"}}, 200),
    ({"data": {"query": SELECT}, "headers": {"Accept": "text/csv"}}, 200),
    ({"data": {"query": SELECT, "default-graph-uri": "not an iri"}}, 400),
    ({"content": "SELEKT", "headers": {"Content-Type": "application/sparql-query"}}, 400),
    ({"content": b"\xff\xfe", "headers": {"Content-Type": "application/sparql-query"}}, 400),  # not UTF-8
    ({"content": SELECT, "headers": {"Content-Type": "text/plain"}}, 415),
    ({"data": {"query": SELECT, "update": "CLEAR ALL"}}, 400),
    ({"data": {"update": "CLEAR ALL"}}, 401),                                # no token configured
    ({"content": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}, 401),
    ({"content": SELECT, "headers": {"Content-Type": "application/sparql-query", "Accept": "image/png"}}, 406),
]


@pytest.mark.parametrize("kw,status", POSTS)
def test_sparql_posts_agree(clients, kw, status):
    """POST /sparql (what SPARQLWrapper and most portals send for long queries) on the fast path:
    the same answers, errors and token refusals as the router's."""
    before = fastpath.ANSWERED["sparql"]
    got, _ = same(clients, "POST", "/sparql", **kw)
    assert got == status
    assert fastpath.ANSWERED["sparql"] == before + 1


def test_a_write_is_seen_by_the_next_fast_answer(tmp_path):
    """A page or search answered by the fast path follows a committed write at once."""
    settings = Settings(store=build_store(tmp_path / "store", BASE, FIXTURE), base_iri=BASE, write_token="secret")
    with TestClient(create_app(settings)) as c:
        page = "/page/library/omsk-pushkin-library"
        assert "Zebra Reading Room" not in c.get(page).text
        assert c.get("/api/search", params={"q": "zebra reading"}).json()["items"] == []
        before = dict(fastpath.ANSWERED)
        assert c.get(page).status_code == 200  # the second view comes from the cache
        assert "Zebra" not in c.get("/api/entities/library/omsk-pushkin-library").text
        assert "Zebra" not in c.get("/api/entities/library/omsk-pushkin-library").text
        assert c.get("/api/search", params={"q": "zebra"}).status_code == 200
        for kind in ("page", "search", "entity"):
            assert fastpath.ANSWERED[kind] > before.get(kind, 0), kind
        update = (f'INSERT DATA {{ GRAPH <{BASE}graph/curation> {{ <{BASE}id/library/omsk-pushkin-library> '
                  f'<http://www.w3.org/2004/02/skos/core#altLabel> "Zebra Reading Room"@en }} }}')
        c.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer secret"}).raise_for_status()
        assert "Zebra Reading Room" in c.get(page).text
        entity = c.get("/api/entities/library/omsk-pushkin-library").json()
        assert "Zebra Reading Room" in str(entity["labels"])
        hits = c.get("/api/search", params={"q": "zebra reading"}).json()["items"]
        assert [h["iri"] for h in hits] == [BASE + "id/library/omsk-pushkin-library"]


def test_the_fast_path_never_opens_a_view_itself(tmp_path):
    """After a committed write the provider's open view is stale: ``current()`` says so (None)
    instead of opening the new one, so the fast path hands that request to the router's thread."""
    from graph_api.store.provider import StoreProvider, touch_version

    stores = StoreProvider(Settings(store=build_store(tmp_path / "store", BASE, FIXTURE), base_iri=BASE))
    assert stores.current() is None  # nothing opened yet
    first = stores.get()
    assert stores.current() is first
    touch_version(tmp_path / "store", "next")
    assert stores.current() is None
    second = stores.get()
    assert second is not first and stores.current() is second


def test_an_http_exception_after_a_post_body_was_read_is_answered_not_handed_on(clients, monkeypatch):
    """The router cannot read a POST body again: had ``sparql_post`` raised an HTTPException
    after reading it, handing the request on would leave the client waiting. The fast path
    answers it as FastAPI would (found in review)."""
    from fastapi import HTTPException

    from graph_api import sparql

    async def refusing(request):  # type: ignore[no-untyped-def]
        await request.body()
        raise HTTPException(409, detail="not now")

    monkeypatch.setattr(sparql, "sparql_post", refusing)
    f, _ = clients
    r = f.post("/sparql", content="ASK {}", headers={"Content-Type": "application/sparql-query"}, timeout=10)
    assert r.status_code == 409 and r.json() == {"detail": "not now"}
