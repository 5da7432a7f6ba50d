"""The HTML pages: content, language choice, escaping, paging, no external resources."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api.pages import segments
from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store.embedded import EmbeddedStore

FIXTURE = Path(__file__).parent / "data" / "pages_fixture.trig"
BASE = "http://shekara.test/"

@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    root = tmp_path_factory.mktemp("pages")
    store = EmbeddedStore(root / "store", base_iri=BASE)
    store.load(FIXTURE, ox.RdfFormat.TRIG, base_iri=BASE)
    store.close()
    settings = Settings(store=root / "store", base_iri=BASE, page_size=5, max_page_size=50)
    with TestClient(create_app(settings)) as c:
        yield c


def get(client, url: str, **kw):
    """A request without the cookie a previous ?lang= left behind."""
    client.cookies.clear()
    r = client.get(url, **kw)
    return r


class Resources(HTMLParser):
    """Collects every URL the browser would fetch on its own (scripts, styles, images, frames)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.anchors: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("rel") == "stylesheet":
            self.urls.append(a["href"])
        if tag == "a" and a.get("href"):
            self.anchors.append(a["href"])


def parse(html: str) -> Resources:
    p = Resources()
    p.feed(html)
    return p


# --- home -----------------------------------------------------------------------------------------
def test_home_shows_counts_map_and_timeline(client):
    r = get(client, "/?lang=en")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert re.search(r"Libraries</a></td><td>2</td><td>2</td><td>4</td>", html)
    assert '<svg class="map"' in html
    dots = re.findall(r'<a href="(/page/library/[^"]+)" class="dot-link"><circle class="dot dot-(RU|KZ)"', html)
    assert {d[0] for d in dots} == {f"/page/library/{s}" for s in (
        "omsk-pushkin-library", "novosibirsk-library", "north-kazakhstan-library", "pavlodar-pushkin-library")}
    assert {d[1] for d in dots} == {"RU", "KZ"}
    assert 'class="country-label country-RU"' in html and ">Russia</text>" in html and ">Kazakhstan</text>" in html
    assert html.count("<line class=\"link") >= 3 and 'class="link strong"' in html  # the partnership
    assert "<dt>2019</dt>" in html and "<dt>2021</dt>" in html
    assert 'action="/search"' in html


def test_no_external_resources(client):
    for url in ("/", "/page/place/petropavl", "/page/document/telebridge.ru.txt", "/search?q=omsk"):
        found = parse(get(client, url).text).urls
        assert found and all(u.startswith("/") and not u.startswith("//") for u in found), (url, found)


def test_static_files_are_served(client):
    assert "mark" in get(client, "/static/shekara.css").text
    assert "textContent" in get(client, "/static/shekara.js").text


# --- language -------------------------------------------------------------------------------------
def test_interface_language_query_then_cookie_then_accept_language(client):
    client.cookies.clear()
    assert "Поиск" in client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).text
    assert 'lang="kk"' in client.get("/", params={"lang": "kk"}).text  # sets the cookie
    r = client.get("/", headers={"Accept-Language": "ru"})
    assert r.headers["content-language"] == "kk"  # the cookie beats the header
    assert r.headers["content-language"] == "kk" and "Іздеу" in r.text
    assert client.get("/", params={"lang": "en"}, headers={"Accept-Language": "ru"}).headers["content-language"] == "en"
    client.cookies.clear()
    assert client.get("/", headers={"Accept-Language": "de"}).headers["content-language"] == "en"


def test_switcher_keeps_the_page(client):
    html = get(client, "/search?q=omsk&lang=en").text
    anchors = parse(html).anchors
    assert "/search?q=omsk&lang=kk" in anchors and "/search?q=omsk&lang=ru" in anchors


# --- search ---------------------------------------------------------------------------------------
def test_search_page_lists_results(client):
    html = get(client, "/search", params={"q": "Петропавловске", "lang": "en"}).text
    assert '<a href="/page/place/petropavl">Petropavl</a>' in html
    assert "Nothing found" in get(client, "/search", params={"q": "zzzzqqq", "lang": "en"}).text


def test_search_query_is_escaped(client):
    html = get(client, "/search", params={"q": '<script>alert("q")</script>'}).text
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


# --- entity pages ---------------------------------------------------------------------------------
def test_entity_page_names_facts_across_mentions_rdf(client):
    html = get(client, "/page/library/omsk-pushkin-library", params={"lang": "en"}).text
    assert "<h1 lang=\"en\">Omsk Regional Pushkin Library</h1>" in html
    for name in ("Омбы облыстық Пушкин атындағы кітапханасы", "Омская областная библиотека имени Пушкина"):
        assert name in html
    assert 'href="/page/place/omsk"' in html and "named after" in html
    across = html.split('id="across"')[1].split("</section>")[0]
    assert "Across the border" in across
    assert 'href="/page/library/pavlodar-pushkin-library"' in across and "namesakes" in across
    assert 'href="/page/document/telebridge.ru.txt"' in across  # the document that mentions both
    mentions = html.split('id="mentions"')[1].split("</section>")[0]
    assert "<mark>Омская областная библиотека имени Пушкина</mark>" in mentions
    for suffix in (".ttl", ".jsonld", ".nt", ".rdf"):
        assert f'href="/data/library/omsk-pushkin-library{suffix}"' in html
    assert 'href="/sparql"' in html


def test_incoming_links_are_paged_on_the_page(client):
    html = get(client, "/page/project/meetings-at-the-boundaries", params={"lang": "en"}).text
    incoming = html.split('id="incoming"')[1].split("</section>")[0]
    assert "(14)" in incoming and incoming.count("<li>") == 5
    nxt = re.search(r'<a href="([^"]+)" rel="next">', incoming).group(1).replace("&amp;", "&")
    assert "in_offset=5" in nxt
    page2 = get(client, nxt).text.split('id="incoming"')[1].split("</section>")[0]
    assert page2.count("<li>") == 5 and "6–10" in page2 and 'rel="prev"' in page2


def test_labels_from_the_graph_are_escaped(client):
    html = get(client, "/page/organization/markup-society", params={"lang": "en"}).text
    assert "<b>Bold</b>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co society" in html


def test_unknown_entity_page_is_404_html(client):
    r = get(client, "/page/person/nobody", params={"lang": "en"})
    assert r.status_code == 404 and "Not found" in r.text
    assert get(client, "/page/spaceship/x").status_code == 404
    assert get(client, "/page/document/missing.txt").status_code == 404


# --- document pages -------------------------------------------------------------------------------
def test_document_text_is_escaped_and_mentions_linked(client):
    html = get(client, "/page/document/unsafe.en.txt", params={"lang": "en"}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert '<a class="mention" href="/page/place/pavlodar" title="Pavlodar"><mark>Pavlodar</mark></a>' in html


def test_document_page_language_translations_entities(client):
    html = get(client, "/page/document/telebridge.ru.txt", params={"lang": "en"}).text
    text = html.split('class="doc-text"')[1].split("</div>")[0]
    assert text.count("<mark>") == 3
    assert '<a class="mention" href="/page/place/petropavl"' in text and "<mark>Петропавловска</mark>" in text
    assert 'href="/page/document/telebridge.kk.txt"' in html.split('id="translations"')[1]
    assert "Language: ru" in html


def test_segments_cover_the_text_and_skip_overlaps_and_stale_offsets():
    text = "Omsk and Pavlodar and Omsk"
    ref = {"link": "/x"}
    marks = [{"start": 0, "end": 4, "exact": "Omsk", "entity": ref},
             {"start": 2, "end": 6, "exact": "sk a", "entity": ref},  # overlaps: skipped
             {"start": 5, "end": 9, "exact": "Pavlodar", "entity": ref},  # stale: found by its quote
             {"start": 0, "end": 3, "exact": "Nowhere", "entity": ref}]  # not in the text: skipped
    segs = segments(text, marks)
    assert "".join(s["text"] for s in segs) == text
    assert [s["text"] for s in segs if s["ref"]] == ["Omsk", "Pavlodar"]


def test_search_page_says_which_side_of_the_border(client):
    html = get(client, "/search", params={"q": "Pavlodar", "lang": "en"}).text
    hit = html.split('<a href="/page/place/pavlodar">', 1)[1].split("</li>", 1)[0]
    assert 'class="flag flag-KZ" title="Kazakhstan">KZ</span>' in hit
    html = get(client, "/search", params={"q": "Omsk", "lang": "ru"}).text
    hit = html.split('<a href="/page/place/omsk">', 1)[1].split("</li>", 1)[0]
    assert 'class="flag flag-RU" title="Россия">RU</span>' in hit


# --- caches are told what the language depends on ------------------------------------------------
def vary_of(response) -> list[str]:
    """The Vary header's field names, lower-case (middlewares append theirs to the route's)."""
    return [v.strip().lower() for v in response.headers.get("vary", "").split(",") if v.strip()]


@pytest.mark.parametrize("url", ["/", "/search?q=omsk", "/page/library/omsk-pushkin-library",
                                 "/page/document/telebridge.ru.txt", "/page/person/nobody-at-all",
                                 "/page/dataset", "/page/graph/authority"])
def test_pages_vary_by_accept_language_and_cookie(client, url):
    """The same URL is Russian for one reader and Kazakh for another: a shared cache must not
    hand one's page to the other, so Vary names both inputs, beside gzip's and CORS's own."""
    from graph_api import fastpath

    for _ in range(2):  # the second entity page comes from the page cache (and the fast path)
        before = fastpath.ANSWERED["page"]
        r = get(client, url, headers={"Accept-Language": "ru", "Accept-Encoding": "gzip", "Origin": "https://x.example"})
        assert r.headers["content-language"] == "ru"
        vary = vary_of(r)
        assert {"accept-language", "cookie", "accept-encoding", "origin"} <= set(vary), (url, vary)
        assert len(vary) == len(set(vary))
    if url == "/page/library/omsk-pushkin-library":
        assert fastpath.ANSWERED["page"] == before + 1  # the cached answer carries the same header
        r = get(client, url, headers={"Accept-Language": "ru", "Accept-Encoding": "identity"})
        assert {"accept-language", "cookie"} <= set(vary_of(r))
