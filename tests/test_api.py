"""The JSON browsing API against the real app over a real store loaded from our own fixture."""
from __future__ import annotations

from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from graph_api import crossborder
from graph_api.app import create_app
from graph_api.settings import Settings
from graph_api.store.embedded import EmbeddedStore

FIXTURE = Path(__file__).parent / "data" / "pages_fixture.trig"
BASE = "http://shekara.test/"

@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    root = tmp_path_factory.mktemp("api")
    store = EmbeddedStore(root / "store", base_iri=BASE)
    store.load(FIXTURE, ox.RdfFormat.TRIG, base_iri=BASE)
    store.close()
    return Settings(store=root / "store", base_iri=BASE, page_size=5, max_page_size=50,
                    search_index=root / "search.sqlite")


@pytest.fixture(scope="module")
def client(settings):
    from fastapi.testclient import TestClient

    with TestClient(create_app(settings)) as c:
        yield c


def iri(path: str) -> str:
    return BASE + "id/" + path


# --- entity lists ---------------------------------------------------------------------------------
def test_entities_filter_by_kind_and_page_with_cursor(client):
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"kind": "person", "limit": 4}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/entities", params=params).json()
        assert len(body["items"]) <= 4
        seen += [it["iri"] for it in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 17  # 5 named persons + 12 volunteers
    assert seen == sorted(seen)  # stable order
    assert pages == 5
    assert all("/id/person/" in s for s in seen)


def test_entities_country_language_text_and_type_filters(client):
    kz = {it["iri"] for it in client.get("/api/entities", params={"country": "KZ", "limit": 50}).json()["items"]}
    assert iri("library/north-kazakhstan-library") in kz  # via location → city → region → country
    assert iri("place/pavlodar") in kz and iri("organization/markup-society") in kz
    assert iri("library/omsk-pushkin-library") not in kz
    ru = {it["iri"] for it in client.get("/api/entities", params={"country": "RU", "limit": 50}).json()["items"]}
    assert iri("library/omsk-pushkin-library") in ru and iri("place/omsk") in ru
    assert ru.isdisjoint(kz)
    by_iri = client.get("/api/entities", params={"country": iri("place/russia"), "limit": 50}).json()["items"]
    assert {it["iri"] for it in by_iri} == ru

    german = client.get("/api/entities", params={"language": "de"}).json()["items"]
    assert [it["iri"] for it in german] == [iri("person/ivan-testov")]
    text = client.get("/api/entities", params={"q": "ПЕТРОПАВ", "kind": "place"}).json()["items"]
    assert [it["iri"] for it in text] == [iri("place/petropavl")]
    cities = client.get("/api/entities", params={"type": "shk:City", "limit": 50}).json()["items"]
    assert {it["iri"] for it in cities} == {iri(f"place/{c}") for c in ("omsk", "novosibirsk", "petropavl", "pavlodar")}


def test_entities_rejects_a_forged_cursor(client):
    assert client.get("/api/entities", params={"cursor": "%%%not-base64"}).status_code == 400


# --- one entity -----------------------------------------------------------------------------------
def test_label_fallback_chain(client):
    def shown(path: str, **kw) -> tuple[str, str | None]:
        body = client.get(f"/api/entities/{path}", **kw).json()
        return body["display_label"], body["display_lang"]

    assert shown("place/russia", params={"lang": "ru"}) == ("Россия", "ru")
    assert shown("place/russia", params={"lang": "en"}) == ("Russia", "en")
    assert shown("place/russia", headers={"Accept-Language": "de, en;q=0.4, ru-RU;q=0.8"}) == ("Россия", "ru")
    assert shown("place/russia", headers={"Accept-Language": "ru;q=0, en"}) == ("Russia", "en")
    # A language the graph lacks falls back to the configured order (kk first).
    assert shown("place/russia", params={"lang": "de"}) == ("Ресей", "kk")
    # Only a Russian name: every request ends there before trying untagged names.
    assert shown("person/olga-orlova", params={"lang": "en"}) == ("Ольга Орлова", "ru")
    # No kk/ru/en name: the untagged label, not the German variant that sorts first.
    assert shown("person/ivan-testov", params={"lang": "en"}) == ("Ivan T.", None)
    # No name at all: the IRI.
    assert shown("person/nameless") == (iri("person/nameless"), None)


def test_entity_has_all_labels_types_facts_and_links(client):
    body = client.get("/api/entities/place/petropavl", params={"lang": "en"}).json()
    assert body["iri"] == iri("place/petropavl") and body["kind"] == "place"
    assert {lb["text"] for lb in body["labels"]["ru"]} == {"Петропавловск", "Петропавл"}
    assert {"text": "Petropavlovsk", "predicate": "altLabel"} in body["labels"]["en"]
    assert {t["iri"] for t in body["types"]} == {"http://schema.org/Place", "https://w3id.org/shekara/ns#City"}
    assert body["country"] == "KZ"
    facts = {f["property"]["iri"]: f["value"] for f in body["facts"]["items"]}
    assert facts["http://www.w3.org/2003/01/geo/wgs84_pos#lat"] == pytest.approx(54.87)
    out = body["outgoing"]
    assert out["total"] == 1 and out["items"][0]["target"]["iri"] == iri("place/north-kazakhstan-region")
    assert out["items"][0]["target"]["link"] == "/page/place/north-kazakhstan-region"
    assert body["links"]["data"]["turtle"] == "/data/place/petropavl.ttl"


def test_incoming_links_are_counted_and_paged_beyond_one_page(client):
    first = client.get("/api/entities/project/meetings-at-the-boundaries").json()["incoming"]
    assert first["total"] == 14 and first["limit"] == 5 and len(first["items"]) == 5
    sources = [it["source"]["iri"] for it in first["items"]]
    offset = first["next_offset"]
    while offset is not None:
        page = client.get("/api/entities/project/meetings-at-the-boundaries", params={"in_offset": offset}).json()
        sources += [it["source"]["iri"] for it in page["incoming"]["items"]]
        offset = page["incoming"]["next_offset"]
    assert len(sources) == len(set(sources)) == 14
    assert iri("library/omsk-pushkin-library") in sources and iri("person/volunteer-12") in sources


def test_mentions_carry_quote_offsets_and_document(client):
    body = client.get("/api/entities/place/petropavl").json()["mentions"]
    assert body["total"] == 2
    by_doc = {m["document"]["iri"]: m for m in body["items"]}
    ru = by_doc[iri("document/telebridge.ru.txt")]
    assert ru["exact"] == "Петропавловска" and ru["language"] == "ru"
    assert ru["document"]["link"] == "/page/document/telebridge.ru.txt"
    doc = client.get("/api/documents/telebridge.ru.txt", params={"text": "true"}).json()
    assert doc["text"][ru["start"]:ru["end"]] == ru["exact"]
    assert doc["text"][:ru["start"]].endswith(ru["prefix"])
    assert doc["text"][ru["end"]:].startswith(ru["suffix"])


def test_unknown_entities_give_json_404(client):
    r = client.get("/api/entities/person/nobody-at-all")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    assert "nobody-at-all" in r.json()["detail"]
    assert client.get("/api/entities/spaceship/x").status_code == 422
    assert client.get("/api/documents/missing.txt").status_code == 404
    assert client.get("/api/crossborder/person/nobody-at-all").status_code == 404


def test_page_sizes_are_bounded(client, settings):
    body = client.get("/api/entities", params={"limit": 10_000}).json()
    assert body["limit"] == settings.max_page_size
    assert client.get("/api/entities", params={"limit": 0}).status_code == 422


# --- search ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Petropavl", "Петропавл", "Петропавловск", "petropavlovsk", "PETROPAVLOVSK",
                                  "Петропавлда", "Петропавловске"])
def test_search_finds_petropavl_in_any_script(client, text):
    items = client.get("/api/search", params={"q": text}).json()["items"]
    assert items and items[0]["iri"] == iri("place/petropavl"), items


@pytest.mark.parametrize("text", ["Мұқанов", "Муканов", "Mukanov", "mukanov", "Sabit Muqanov"])
def test_search_finds_mukanov_in_any_script(client, text):
    items = client.get("/api/search", params={"q": text, "type": "person"}).json()["items"]
    assert [it["iri"] for it in items] == [iri("person/sabit-mukanov")]
    everything = client.get("/api/search", params={"q": text}).json()["items"]
    assert everything[0]["iri"] == iri("person/sabit-mukanov")  # the shorter name beats the library's


def test_search_ranks_exact_before_prefix_and_labels_in_requested_language(client):
    items = client.get("/api/search", params={"q": "Pavlodar", "lang": "ru"}).json()["items"]
    assert items[0]["iri"] == iri("place/pavlodar") and items[0]["match"] == "exact"
    assert items[0]["label"] == "Павлодар"
    rest = [it["match"] for it in items[1:]]
    assert rest and set(rest) <= {"prefix", "substring"}
    assert [it["score"] for it in items] == sorted((it["score"] for it in items), reverse=True)
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_search_hits_say_which_side_of_the_border_they_are_on(client):
    """The search index keeps each entity's side (RU | KZ): it must agree with what the entity's
    own JSON says, for every hit of many searches, and be given where the entity has a country."""
    seen: dict[str, str | None] = {}
    for text in ("Omsk", "Pavlodar", "Petropavl", "library", "кітапхана", "библиотека", "Kostanay", "Kurgan",
                 "Mukanov", "a", "о"):
        for it in client.get("/api/search", params={"q": text, "limit": 50}).json()["items"]:
            seen[it["iri"]] = it["country"]
    assert seen[iri("place/omsk")] == "RU" and seen[iri("place/pavlodar")] == "KZ"
    assert {"RU", "KZ"} <= {c for c in seen.values()}
    checked = 0
    for entity, country in seen.items():
        kind, slug = entity[len(BASE) + 3:].split("/", 1)
        r = client.get(f"/api/entities/{kind}/{slug}")
        if r.status_code != 200:
            continue
        if r.json()["country"] is not None:  # the page may reach further (chains of containment)
            assert country in (None, r.json()["country"]), entity
        if country is not None:
            assert r.json()["country"] == country, entity
        checked += 1
    assert checked >= 10


def test_search_body_is_what_the_model_would_write(client, settings):
    """``search_body`` writes its JSON without pydantic: the same bytes as ``SearchResult``'s dump,
    for every hit of many texts, kinds and language chains (and the model accepts it)."""
    from graph_api import api
    from graph_api.search_index import SearchIndex

    index = SearchIndex.open(settings.search_index)
    assert index is not None
    labels = [r[0] for r in index._conn.execute("SELECT DISTINCT label FROM labels")]
    texts = sorted({t for lb in labels for t in (lb, lb[:3], lb[1:5], lb.upper())} | {"Пав", "a\"b", "<x>"})
    seen = 0
    for text in texts:
        for kind in (None, "person", "place"):
            for chain in (["ru", "kk", "en"], ["en", "ru", "kk"], ["de"]):
                body = api.search_body(settings, index, text, 5, kind, chain)
                model = api.SearchResult.model_validate_json(body)
                assert body == model.model_dump_json(by_alias=True).encode(), text
                seen += len(model.items)
    assert seen > 200
    index.close()


# --- documents, timeline, map ---------------------------------------------------------------------
def test_documents_list_and_detail(client):
    body = client.get("/api/documents").json()
    assert body["total"] == 3
    names = {d["identifier"]: d for d in body["items"]}
    assert names["telebridge.ru.txt"]["language"] == "ru" and names["telebridge.ru.txt"]["entity_count"] == 3
    doc = client.get("/api/documents/telebridge.kk.txt").json()
    assert doc["language"] == "kk" and doc["text"] is None and doc["text_length"] > 0
    assert [t["iri"] for t in doc["translations"]] == [iri("document/telebridge.ru.txt")]
    back = client.get("/api/documents/telebridge.ru.txt").json()
    assert [t["iri"] for t in back["translations"]] == [iri("document/telebridge.kk.txt")]
    assert {e["iri"] for e in back["entities"]["items"]} == {
        iri("library/omsk-pushkin-library"), iri("place/petropavl"), iri("person/sabit-mukanov")}


def test_timeline_is_sorted_with_places(client):
    items = client.get("/api/timeline", params={"lang": "en"}).json()["items"]
    assert [it["date"] for it in items] == ["2017-09", "2019-04-23", "2021"]
    assert [it["year"] for it in items] == ["2017", "2019", "2021"]
    assert items[1]["event"]["iri"] == iri("event/telebridge-2019")
    assert [p["label"] for p in items[1]["places"]] == ["Omsk"]


def test_geo_is_valid_geojson_with_libraries_at_their_location(client):
    body = client.get("/api/geo", params={"lang": "en"}).json()
    assert body["type"] == "FeatureCollection" and body["numberReturned"] == len(body["features"])
    by_iri = {}
    for f in body["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(f["properties"]) >= {"kind", "label", "country", "link"}
        by_iri[f["properties"]["iri"]] = f
    lib = by_iri[iri("library/omsk-pushkin-library")]
    assert lib["geometry"]["coordinates"] == [pytest.approx(73.37), pytest.approx(54.98)]
    assert lib["properties"]["kind"] == "library" and lib["properties"]["country"] == "RU"
    assert lib["properties"]["link"] == "/page/library/omsk-pushkin-library"
    assert by_iri[iri("place/petropavl")]["properties"]["country"] == "KZ"
    assert iri("place/russia") not in by_iri  # no coordinates


# --- across the border ----------------------------------------------------------------------------
def _pairs(body):
    return {(p["russia"]["iri"], p["kazakhstan"]["iri"]): p for p in body["items"]}


def test_crossborder_whole_graph_pairs_with_paths(client):
    body = client.get("/api/crossborder", params={"limit": 50, "lang": "en"}).json()
    pairs = _pairs(body)
    assert body["total"] == len(pairs)
    partners = pairs[(iri("library/novosibirsk-library"), iri("library/north-kazakhstan-library"))]
    part = [c for c in partners["connections"] if c["via"] == "partnership"][0]
    assert part["path"][0]["property"]["iri"] == "http://www.wikidata.org/prop/direct/P2652"
    namesakes = pairs[(iri("library/omsk-pushkin-library"), iri("library/pavlodar-pushkin-library"))]
    name = namesakes["connections"][0]
    assert name["via"] == "namesake" and name["through"]["label"] == "Alexander Pushkin"
    assert [(s["from"]["iri"], s["to"]["iri"]) for s in name["path"]] == [
        (iri("library/omsk-pushkin-library"), iri("person/alexander-pushkin")),
        (iri("library/pavlodar-pushkin-library"), iri("person/alexander-pushkin"))]
    members = pairs[(iri("library/omsk-pushkin-library"), iri("library/north-kazakhstan-library"))]
    assert {c["via"] for c in members["connections"]} == {"project", "event"}
    doc = pairs[(iri("library/omsk-pushkin-library"), iri("place/petropavl"))]
    assert doc["connections"][0]["via"] == "document"
    assert doc["connections"][0]["through"]["link"] == "/page/document/telebridge.ru.txt"
    conf = pairs[(iri("library/novosibirsk-library"), iri("place/pavlodar"))]
    assert conf["connections"][0]["via"] == "event"
    everyone = {i for pair in pairs for i in pair}
    assert iri("place/russia") not in everyone and iri("place/kazakhstan") not in everyone
    only = client.get("/api/crossborder", params={"via": "namesake"}).json()
    assert only["total"] == 1


def test_crossborder_for_one_entity_and_paging(client):
    body = client.get("/api/crossborder/person/alexander-pushkin").json()
    assert list(_pairs(body)) == [(iri("library/omsk-pushkin-library"), iri("library/pavlodar-pushkin-library"))]
    lib = client.get("/api/crossborder/library/omsk-pushkin-library", params={"limit": 1}).json()
    assert lib["total"] >= 3 and len(lib["items"]) == 1 and lib["next_offset"] == 1
    assert client.get("/api/crossborder/person/olga-orlova").json()["total"] == 0


def test_crossborder_is_computed_once_per_version(client):
    store = client.app.state.stores.get()
    first = crossborder.get(store, BASE)
    assert crossborder.get(store, BASE) is first
    assert first.version == store.version()


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/entities", "/api/entities/{kind}/{slug}", "/api/search", "/api/documents",
                 "/api/documents/{name}", "/api/timeline", "/api/geo", "/api/crossborder",
                 "/api/crossborder/{kind}/{slug}"):
        assert path in spec["paths"], path
    assert "Entity" in spec["components"]["schemas"] and "CrossPair" in spec["components"]["schemas"]
    assert not any(p.startswith("/page/") for p in spec["paths"])


def test_api_over_http_with_httpx(settings):
    """The same app through httpx's ASGI transport (what an outside client sees)."""
    import asyncio

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(settings))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            return await c.get("/api/search", params={"q": "Муканов"})

    r = asyncio.run(go())
    assert r.status_code == 200 and r.json()["items"][0]["iri"] == iri("person/sabit-mukanov")


# --- caches are told what the labels depend on -----------------------------------------------------
def vary_of(response) -> set[str]:
    return {v.strip().lower() for v in response.headers.get("vary", "").split(",") if v.strip()}


@pytest.mark.parametrize("url", ["/api/entities/place/petropavl", "/api/crossborder/place/petropavl",
                                 "/api/entities?kind=place", "/api/search?q=petro", "/api/timeline", "/api/geo",
                                 "/api/crossborder", "/api/documents/telebridge.ru.txt"])
def test_labelled_answers_vary_by_accept_language(client, url):
    """Labels follow Accept-Language: without ``Vary: Accept-Language`` a shared cache would give
    a Russian reader the Kazakh labels it kept for the last one. Asked twice, the second answer
    comes from the answer cache (the fast path for entities and search) with the same header."""
    for _ in range(2):
        r = client.get(url, headers={"Accept-Language": "ru", "Origin": "https://x.example"})
        assert r.status_code == 200
        assert {"accept-language", "origin"} <= vary_of(r), (url, r.headers.get("vary"))


def test_the_fast_path_answers_entities_with_the_same_vary(client):
    from graph_api import fastpath

    url = "/api/entities/place/petropavl?limit=3"
    first = client.get(url, headers={"Accept-Language": "kk"})
    before = fastpath.ANSWERED["entity"]
    for encoding in ("gzip", "identity"):
        again = client.get(url, headers={"Accept-Language": "kk", "Accept-Encoding": encoding})
        assert again.content == first.content and "accept-language" in vary_of(again)
    assert fastpath.ANSWERED["entity"] == before + 2


def test_answers_without_labels_do_not_vary_by_language(client):
    assert "accept-language" not in vary_of(client.get("/api/documents"))
