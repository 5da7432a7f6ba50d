"""The JSON browsing API under ``/api`` (documented in ``/openapi.json``).

Handlers are plain ``def`` functions: FastAPI runs them in its thread pool and pyoxigraph
releases the GIL while it evaluates, so slow queries do not block the event loop. The view
builders (``entity_view`` …) are shared with the HTML pages, so both always show the same data.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any, Literal

import orjson
import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict, Field

from graph_api import crossborder, curation, entities
from graph_api.answer_cache import ENTITIES, answer_key
from graph_api.entities import Labeller, curie, data_links, entity_iri, page_link, split_iri
from graph_api.i18n import LANGUAGES, property_name
from graph_api.labels import ALT, LABEL, PREF, Label, by_language, language_chain, parse_accept_language, pick
from graph_api.search_index import IndexHolder, SearchIndex
from graph_api.settings import Settings
from graph_api.store import Store
from ingest.vocab import KINDS, PREFIXES

router = APIRouter(prefix="/api", tags=["browse"])
JSON_VARY = "Accept-Language"
"""What an answer's labels depend on besides its URL (``?lang=``): shared caches must key on it."""
KindName = Literal["person", "place", "library", "organization", "event", "project", "work"]
PREDICATE_NAMES = {PREF: "prefLabel", LABEL: "label", ALT: "altLabel"}


# --- response models ----------------------------------------------------------------------------
class Ref(BaseModel):
    iri: str
    label: str = Field(description="Label chosen by the fallback chain (requested → kk/ru/en → untagged → IRI).")
    lang: str | None = None
    kind: str | None = None
    link: str | None = Field(None, description="Path of the HTML page, when the IRI is one of ours.")
    country: Literal["RU", "KZ"] | None = None


class PropertyRef(BaseModel):
    iri: str
    label: str


class Step(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    from_: Ref = Field(alias="from")
    property: PropertyRef
    to: Ref


class LabelOut(BaseModel):
    text: str
    predicate: Literal["prefLabel", "label", "altLabel"]


class Fact(BaseModel):
    property: PropertyRef
    value: Any
    datatype: str | None = None
    lang: str | None = None


class OutLink(BaseModel):
    property: PropertyRef
    target: Ref


class InLink(BaseModel):
    property: PropertyRef
    source: Ref


class Mention(BaseModel):
    document: Ref
    annotation: str | None = None
    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    language: str | None = None


class Paged(BaseModel):
    total: int = Field(description="Number of items in all pages.")
    offset: int
    limit: int
    next_offset: int | None = Field(None, description="Offset of the next page; null on the last page.")


class OutLinks(Paged):
    items: list[OutLink]


class InLinks(Paged):
    items: list[InLink]


class Mentions(Paged):
    items: list[Mention]


class RefList(Paged):
    items: list[Ref]


class FactList(BaseModel):
    total: int
    items: list[Fact]


class EntityLinks(BaseModel):
    page: str | None
    data: dict[str, str]
    sparql: str = "/sparql"


class Entity(BaseModel):
    iri: str
    kind: str
    slug: str
    label: LabelOut | None
    display_label: str
    display_lang: str | None
    labels: dict[str, list[LabelOut]] = Field(description="Every name, by language tag ('' = untagged).")
    types: list[PropertyRef]
    country: Literal["RU", "KZ"] | None
    facts: FactList
    outgoing: OutLinks
    incoming: InLinks
    mentions: Mentions
    documents: RefList
    links: EntityLinks


class EntityPage(BaseModel):
    items: list[Ref]
    limit: int
    next_cursor: str | None = Field(None, description="Opaque; pass as ?cursor= for the next page.")


class SearchHit(Ref):
    matched: str = Field(description="The name that matched.")
    matched_lang: str | None = None
    match: Literal["exact", "prefix", "substring"]
    score: float


class SearchResult(BaseModel):
    query: str
    items: list[SearchHit]


class DocumentSummary(BaseModel):
    iri: str
    identifier: str | None
    name: str | None
    language: str | None
    entity_count: int
    link: str | None


class DocumentList(Paged):
    items: list[DocumentSummary]


class DocumentMention(BaseModel):
    entity: Ref
    exact: str
    start: int | None
    end: int | None


class Document(BaseModel):
    iri: str
    identifier: str | None
    name: str | None
    language: str | None
    languages: list[str]
    encoding_format: str | None = None
    date_modified: str | None = None
    text_length: int
    text: str | None = Field(None, description="Included with ?text=true.")
    translations: list[Ref]
    entities: RefList
    mentions: list[DocumentMention]
    links: EntityLinks


class TimelineEvent(BaseModel):
    event: Ref
    date: str
    year: str
    end_date: str | None
    places: list[Ref]


class Timeline(Paged):
    items: list[TimelineEvent]


class GeoFeature(BaseModel):
    type: Literal["Feature"] = "Feature"
    geometry: dict[str, Any]
    properties: dict[str, Any]


class GeoCollection(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[GeoFeature]
    numberMatched: int
    numberReturned: int


class Connection(BaseModel):
    via: Literal["partnership", "project", "event", "namesake", "document"]
    through: Ref | None
    path: list[Step]


class CrossPair(BaseModel):
    russia: Ref
    kazakhstan: Ref
    connections: list[Connection]


class CrossBorderList(Paged):
    version: str
    items: list[CrossPair]


# --- request context ----------------------------------------------------------------------------
_holder_lock = threading.Lock()


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def store_of(request: Request) -> Store:
    return request.app.state.stores.get()


def search_index(request: Request, store: Store) -> SearchIndex:
    """The service's search index, created on first use and rebuilt when the store moves on."""
    state = request.app.state
    holder = getattr(state, "search_index_holder", None)
    if holder is None:
        with _holder_lock:
            holder = getattr(state, "search_index_holder", None)
            if holder is None:
                s = settings_of(request)
                holder = IndexHolder(s.search_index_path, s.base_iri)
                state.search_index_holder = holder
    return holder.get(store)


def chain_for(settings: Settings, lang: str | None, accept_language: str | None) -> list[str]:
    requested = [lang] if lang else parse_accept_language(accept_language)
    return language_chain(requested, settings.languages)


def ui_lang(chain: list[str]) -> str:
    return next((lang for lang in chain if lang in LANGUAGES), "en")


def bounded(limit: int | None, settings: Settings) -> int:
    return max(1, min(limit or settings.page_size, settings.max_page_size))


def prop_ref(iri: str, lang: str) -> dict[str, str]:
    return {"iri": iri, "label": property_name(iri, lang) or curie(iri)}


def next_offset(offset: int, count: int, total: int) -> int | None:
    return offset + count if offset + count < total else None


class View:
    """One request's store, settings, language chain and labeller."""

    def __init__(self, store: Store, settings: Settings, chain: list[str]):
        self.store, self.settings, self.chain = store, settings, chain
        self.base = settings.base_iri
        self.lang = ui_lang(chain)
        self.labeller = Labeller(store, self.base, chain)
        self._countries: dict[str, str] | None = None
        self._some_countries: dict[str, str | None] = {}

    @property
    def countries(self) -> dict[str, str]:
        """Every IRI's side, from the whole-graph cross-border result (computed once per version)."""
        if self._countries is None:
            self._countries = crossborder.get(self.store, self.base).countries
        return self._countries

    def load(self, iris: Iterable[str]) -> None:
        """Labels and countries of the IRIs an answer will show, in a few batched queries.

        Countries come from the cached whole-graph result when it is ready; until then (first
        requests after a write) they are asked from the IRIs' end, so an entity answer never
        waits for the whole-graph computation.
        """
        iris = [i for i in iris if i]
        self.labeller.load(iris)
        if self._countries is None:
            cached = crossborder.peek(self.store, self.base)
            if cached is not None:
                self._countries = cached.countries
                return
            missing = [i for i in iris if i not in self._some_countries]
            if missing:
                found = crossborder.countries_for(self.store, self.base, missing)
                self._some_countries.update({i: found.get(i) for i in missing})

    def country(self, iri: str) -> str | None:
        if self._countries is None:
            if iri not in self._some_countries:
                self.load([iri])
            if self._countries is None:
                return self._some_countries.get(iri)
        return self._countries.get(iri)

    def ref(self, iri: str) -> dict[str, Any]:
        r = self.labeller.ref(iri)
        r["country"] = self.country(iri)
        return r


def resolve(view: View, kind: str, slug: str) -> ox.NamedNode:
    iri = entity_iri(view.base, kind, slug)
    if iri is None or not entities.exists(view.store, iri):
        raise HTTPException(404, detail=f"no entity {kind}/{slug}")
    return iri


def resolve_entity(view: View, kind: str, slug: str) -> tuple[ox.NamedNode, entities.Neighbourhood]:
    """The entity's IRI and statements (fetched once: they also answer whether it exists); 404 if none."""
    iri = entity_iri(view.base, kind, slug)
    nb = entities.neighbourhood(view.store, iri) if iri is not None else None
    if iri is None or nb is None or not nb.exists:
        raise HTTPException(404, detail=f"no entity {kind}/{slug}")
    return iri, nb


# --- view builders (shared with the pages) ------------------------------------------------------
def entity_view(view: View, iri: ox.NamedNode, *, out_offset: int = 0, in_offset: int = 0,
                mentions_offset: int = 0, limit: int | None = None,
                nb: entities.Neighbourhood | None = None) -> dict[str, Any]:
    """Everything shown about one entity. ``nb`` (from :func:`resolve_entity`) saves fetching its
    statements again; when it is incomplete (a hub with thousands of links) each part is asked
    for with counted, paged queries instead — the answer is the same."""
    s, store, lang = view.settings, view.store, view.lang
    limit = bounded(limit, s)
    kind, slug = split_iri(view.base, iri.value) or ("", "")
    if nb is None:
        nb = entities.neighbourhood(store, iri)
    if nb.complete:
        all_names = entities.labels_from(nb)
        type_iris = entities.types_from(nb)
        n_facts, fact_rows = entities.facts_from(nb, s.max_page_size)
        n_out, out_rows = entities.outgoing_from(nb, out_offset, limit)
        n_in, in_rows = entities.incoming_from(nb, in_offset, limit)
        n_docs, doc_rows = entities.mentioning_documents_from(nb, limit)
    else:
        all_names = entities.entity_labels(store, iri)
        type_iris = entities.types(store, iri)
        n_facts, fact_rows = entities.facts(store, iri, s.max_page_size)
        n_out, out_rows = entities.outgoing(store, iri, out_offset, limit)
        n_in, in_rows = entities.incoming(store, iri, in_offset, limit)
        n_docs, doc_rows = entities.mentioning_documents(store, iri, limit)
    n_m, m_rows = entities.mentions(store, iri, mentions_offset, limit, nb)
    view.labeller._labels[iri.value] = all_names
    labels = [lb for lb in all_names if lb.predicate in PREDICATE_NAMES]
    chosen = pick(labels or all_names, view.chain, iri.value)
    view.load([iri.value] + [o for _, o in out_rows] + [src for src, _ in in_rows] + [m["document"] for m in m_rows]
              + doc_rows)
    return {
        "iri": iri.value, "kind": kind, "slug": slug,
        "label": ({"text": chosen.text, "predicate": PREDICATE_NAMES.get(chosen.predicate, "label")}
                  if chosen.predicate else None),
        "display_label": chosen.text, "display_lang": chosen.lang or None,
        "labels": {lg: [{"text": lb.text, "predicate": PREDICATE_NAMES.get(lb.predicate, "label")} for lb in group]
                   for lg, group in by_language(labels).items()},
        "types": [{"iri": t, "label": curie(t)} for t in type_iris],
        "country": view.country(iri.value),
        "facts": {"total": n_facts, "items": [
            {"property": prop_ref(p, lang), "value": v, "datatype": dt or None, "lang": lg or None}
            for p, v, dt, lg in fact_rows]},
        "outgoing": {"total": n_out, "offset": out_offset, "limit": limit,
                     "next_offset": next_offset(out_offset, len(out_rows), n_out),
                     "items": [{"property": prop_ref(p, lang), "target": view.ref(o)} for p, o in out_rows]},
        "incoming": {"total": n_in, "offset": in_offset, "limit": limit,
                     "next_offset": next_offset(in_offset, len(in_rows), n_in),
                     "items": [{"property": prop_ref(p, lang), "source": view.ref(src)} for src, p in in_rows]},
        "mentions": {"total": n_m, "offset": mentions_offset, "limit": limit,
                     "next_offset": next_offset(mentions_offset, len(m_rows), n_m),
                     "items": [{**m, "document": view.ref(m["document"])} for m in m_rows]},
        "documents": {"total": n_docs, "offset": 0, "limit": limit,
                      "next_offset": next_offset(0, len(doc_rows), n_docs),
                      "items": [view.ref(d) for d in doc_rows]},
        "links": {"page": page_link(view.base, iri.value), "data": data_links(view.base, iri.value),
                  "sparql": "/sparql"},
    }


def pair_iris(pair: crossborder.Pair) -> set[str]:
    """Every IRI a pair's answer shows (members, hubs, both ends of every step)."""
    iris = {pair.ru, pair.kz}
    for c in pair.connections:
        iris.update([c.through] if c.through else [])
        for a, _, b in c.path:
            iris.update((a, b))
    return iris


def pair_view(view: View, pair: crossborder.Pair) -> dict[str, Any]:
    view.load(pair_iris(pair))
    return {
        "russia": view.ref(pair.ru), "kazakhstan": view.ref(pair.kz),
        "connections": [{
            "via": c.via, "through": view.ref(c.through) if c.through else None,
            "path": [{"from": view.ref(a), "property": prop_ref(p, view.lang), "to": view.ref(b)} for a, p, b in c.path],
        } for c in pair.connections],
    }


def crossborder_view(view: View, pairs: list[crossborder.Pair], version: str, offset: int,
                     limit: int) -> dict[str, Any]:
    page = pairs[offset:offset + limit]
    view.load(set().union(*(pair_iris(p) for p in page)))  # one label query for the page, not one per pair
    return {"total": len(pairs), "offset": offset, "limit": limit, "version": version,
            "next_offset": next_offset(offset, len(page), len(pairs)),
            "items": [pair_view(view, p) for p in page]}


def document_view(view: View, iri: ox.NamedNode, *, with_text: bool, limit: int | None = None) -> dict[str, Any]:
    doc = entities.document(view.store, iri)
    if doc is None:
        raise HTTPException(404, detail="no such document")
    limit = bounded(limit, view.settings)
    n_ent, ent_rows = entities.document_entities(view.store, iri, limit)
    marks = entities.document_mentions(view.store, iri, view.settings.query_row_limit)
    view.load(ent_rows + doc["translations"] + [m["entity"] for m in marks])
    text = doc.pop("text") or ""
    return {
        **doc, "text_length": len(text), "text": text if with_text else None,
        "translations": [view.ref(t) for t in doc["translations"]],
        "entities": {"total": n_ent, "offset": 0, "limit": limit, "next_offset": next_offset(0, len(ent_rows), n_ent),
                     "items": [view.ref(e) for e in ent_rows]},
        "mentions": [{**m, "entity": view.ref(m["entity"])} for m in marks],
        "links": {"page": page_link(view.base, iri.value), "data": data_links(view.base, iri.value),
                  "sparql": "/sparql"},
    }


def timeline_view(view: View, offset: int, limit: int) -> dict[str, Any]:
    total, rows = entities.timeline(view.store, offset, limit)
    view.load([r["iri"] for r in rows] + [p for r in rows for p in r["places"]])
    return {"total": total, "offset": offset, "limit": limit,
            "next_offset": next_offset(offset, len(rows), total),
            "items": [{"event": view.ref(r["iri"]), "date": r["date"], "year": r["date"][:4],
                       "end_date": r["end_date"], "places": [view.ref(p) for p in r["places"]]} for r in rows]}


def geo_view(view: View, limit: int) -> dict[str, Any]:
    total, points = entities.located_points(view.store, limit)
    view.load(p["iri"] for p in points)
    features = []
    for p in points:
        ref = view.ref(p["iri"])
        features.append({"type": "Feature",
                         "geometry": {"type": "Point", "coordinates": [p["long"], p["lat"]]},
                         "properties": {"iri": p["iri"], "kind": ref["kind"] or p["what"], "label": ref["label"],
                                        "country": ref["country"], "link": ref["link"]}})
    return {"type": "FeatureCollection", "features": features, "numberMatched": total,
            "numberReturned": len(features)}


def json_answer(model: type[BaseModel], data: dict[str, Any]) -> Response:
    """``data`` checked against the route's response model and serialised by pydantic in one step.

    What FastAPI would do with the returned dict, minus its second hop to the thread pool for
    the validation: on the hot routes (entity, search) that hop was a noticeable part of a
    sub-millisecond answer. Same model, same aliases, same JSON.
    """
    return Response(model.model_validate(data).model_dump_json(by_alias=True), media_type="application/json")


def vary_language(response: Response) -> Response:
    """Tell caches that ``response`` was labelled by the request's Accept-Language (merged with
    any Vary it has: gzip and CORS add theirs on the way out)."""
    response.headers.add_vary_header(JSON_VARY)
    return response


def make_view(request: Request, lang: str | None) -> View:
    settings = settings_of(request)
    return View(store_of(request), settings, chain_for(settings, lang, request.headers.get("accept-language")))


def expand_type(value: str) -> str:
    """A class given as CURIE (``schema:Library``) or full IRI, as an IRI."""
    prefix, _, local = value.partition(":")
    if prefix in PREFIXES and local and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return value


# --- routes ---------------------------------------------------------------------------------------
LangQ = Query(None, max_length=35, description="Preferred label language (else Accept-Language).")


@router.get("/entities", response_model=EntityPage, summary="List entities, filtered, with cursor pagination")
def list_entities(request: Request, response: Response,
                  kind: KindName | None = Query(None, description="Entity kind (IRI path)."),
                  type: str | None = Query(None, max_length=300,
                                           description="Class as CURIE (schema:Library, shk:City) or IRI."),
                  country: str | None = Query(None, max_length=300, description="RU, KZ or a country IRI."),
                  language: str | None = Query(None, max_length=35, description="Only entities with a name in it."),
                  q: str | None = Query(None, max_length=200, description="Text contained in a name."),
                  cursor: str | None = Query(None, max_length=2000),
                  limit: int | None = Query(None, ge=1), lang: str | None = LangQ) -> dict[str, Any]:
    view = make_view(request, lang)
    vary_language(response)
    limit = bounded(limit, view.settings)
    codes = crossborder.country_iris(view.base)
    country_iri = codes.get(country.upper(), country) if country else None
    type_iri = None
    if type:
        if type in KINDS:
            kind, type = type, None  # type: ignore[assignment]
        else:
            type_iri = expand_type(type)
    for value in (country_iri, type_iri):
        if value:
            try:
                ox.NamedNode(value)
            except ValueError:
                raise HTTPException(400, detail=f"not an IRI: {value}")
    try:
        after = entities.decode_cursor(cursor) if cursor else None
    except ValueError:
        raise HTTPException(400, detail="malformed cursor")
    iris, nxt = entities.list_entities(view.store, view.base, kinds=[kind] if kind else list(KINDS),
                                       rdf_type=type_iri, country=country_iri, lang=language, text=q,
                                       after=after, limit=limit)
    view.load(iris)
    return {"items": [view.ref(i) for i in iris], "limit": limit, "next_cursor": nxt}


@router.get("/entities/{kind}/{slug}", response_model=Entity, summary="One entity with names, facts and links")
def get_entity(request: Request, kind: KindName, slug: str, lang: str | None = LangQ,
               out_offset: int = Query(0, ge=0), in_offset: int = Query(0, ge=0),
               mentions_offset: int = Query(0, ge=0), limit: int | None = Query(None, ge=1)) -> Response:
    view = make_view(request, lang)
    moved = curation.moved(view.store, view.base, kind, slug)
    if moved is not None:  # merged by a curator into another entity
        return RedirectResponse(f"/api/entities/{moved}?{request.url.query}".rstrip("?"), status_code=301,
                                    headers={"Cache-Control": "no-cache"})

    def answer() -> Response:
        iri, nb = resolve_entity(view, kind, slug)  # a 404 raises, and is not cached
        return json_answer(Entity, entity_view(view, iri, out_offset=out_offset, in_offset=in_offset,
                                               mentions_offset=mentions_offset, limit=limit, nb=nb))
    return cached_answer(request, view, answer)


def cached_answer(request: Request, view: View, make: Callable[[], Response]) -> Response:
    """``make()``'s JSON answer, kept per dataset version, query and Accept-Language in
    :data:`~graph_api.answer_cache.ENTITIES` (where :mod:`graph_api.fastpath` finds it too)."""
    key = answer_key(request.scope["path"], request.query_params.multi_items(),
                     request.headers.get("accept-language"), view.base, view.store.version())
    cached = ENTITIES.get(key)
    if cached is not None:
        return vary_language(Response(cached.body, status_code=cached.status, media_type="application/json"))
    response = make()
    ENTITIES.put(key, bytes(response.body), response.status_code)
    return vary_language(response)


@router.get("/search", response_model=SearchResult, summary="Autocomplete over every name in every script")
def search(request: Request, q: str = Query(..., min_length=1, max_length=200),
           limit: int = Query(10, ge=1), type: KindName | None = Query(None, description="Only this kind."),
           lang: str | None = LangQ) -> Response:
    settings = settings_of(request)
    index = search_index(request, store_of(request))
    chain = chain_for(settings, lang, request.headers.get("accept-language"))
    return vary_language(Response(search_body(settings, index, q, limit, type, chain), media_type="application/json"))


_WEIGHT_PREDICATE = {3: PREF, 2: LABEL, 1: ALT}  # the search index stores a label's predicate as its weight


def search_body(settings: Settings, index: SearchIndex, q: str, limit: int, kind: str | None,
                chain: list[str]) -> bytes:
    """The JSON of a search answer, shaped as :class:`SearchResult`; shared by the route and the
    service's fast path (:mod:`graph_api.fastpath`).

    Written with orjson, field for field in the model's order: every value already has the
    model's type (the index stores strings, the match class and a rounded score), and pydantic's
    validation and dump were a fifth of a search on a new text. ``tests/test_api.py``
    checks that the model would write the same bytes."""
    hits = index.search(q, min(limit, settings.max_page_size), kind)
    entries = index.entries([h.iri for h in hits])
    items = []
    for h in hits:
        names, country = entries[h.iri]
        shown = pick([Label(t, lg, _WEIGHT_PREDICATE.get(w, LABEL)) for t, lg, w in names], chain, h.iri)
        items.append({"iri": h.iri, "label": shown.text, "lang": shown.lang or None, "kind": h.kind,
                      "link": page_link(settings.base_iri, h.iri), "country": country, "matched": h.label,
                      "matched_lang": h.lang or None, "match": h.match, "score": h.score})
    return orjson.dumps({"query": q, "items": items})


@router.get("/documents", response_model=DocumentList, summary="Ingested documents")
def list_documents(request: Request, offset: int = Query(0, ge=0), limit: int | None = Query(None, ge=1)):
    settings = settings_of(request)
    limit = bounded(limit, settings)
    total, rows = entities.list_documents(store_of(request), offset, limit)
    return {"total": total, "offset": offset, "limit": limit, "next_offset": next_offset(offset, len(rows), total),
            "items": [{**r, "link": page_link(settings.base_iri, r["iri"])} for r in rows]}


@router.get("/documents/{name}", response_model=Document, summary="One document: language, translations, entities")
def get_document(request: Request, response: Response, name: str, lang: str | None = LangQ, text: bool = False,
                 limit: int | None = Query(None, ge=1)) -> dict[str, Any]:
    view = make_view(request, lang)
    vary_language(response)
    iri = entity_iri(view.base, "document", name)
    if iri is None:
        raise HTTPException(404, detail="no such document")
    return document_view(view, iri, with_text=text, limit=limit)


@router.get("/timeline", response_model=Timeline, summary="Events with dates and places, oldest first")
def get_timeline(request: Request, response: Response, offset: int = Query(0, ge=0),
                 limit: int | None = Query(None, ge=1), lang: str | None = LangQ) -> dict[str, Any]:
    view = make_view(request, lang)
    vary_language(response)
    return timeline_view(view, offset, bounded(limit, view.settings))


@router.get("/geo", response_model=GeoCollection, summary="Places and libraries with coordinates (GeoJSON)")
def get_geo(request: Request, response: Response, limit: int | None = Query(None, ge=1),
            lang: str | None = LangQ) -> dict[str, Any]:
    view = make_view(request, lang)
    vary_language(response)
    return geo_view(view, bounded(limit or view.settings.max_page_size, view.settings))


@router.get("/crossborder", response_model=CrossBorderList, summary="Cross-border pairs of the whole graph")
def get_crossborder(request: Request, response: Response, offset: int = Query(0, ge=0),
                    limit: int | None = Query(None, ge=1),
                    via: Literal["partnership", "project", "event", "namesake", "document"] | None = None,
                    lang: str | None = LangQ) -> dict[str, Any]:
    view = make_view(request, lang)
    vary_language(response)
    result = crossborder.get(view.store, view.base)
    pairs = result.pairs if via is None else [p for p in result.pairs if any(c.via == via for c in p.connections)]
    return crossborder_view(view, pairs, result.version, offset, bounded(limit, view.settings))


@router.get("/crossborder/{kind}/{slug}", response_model=CrossBorderList,
            summary="Cross-border pairs one entity takes part in (as a member or as what links them)")
def get_entity_crossborder(request: Request, kind: KindName, slug: str, offset: int = Query(0, ge=0),
                           limit: int | None = Query(None, ge=1), lang: str | None = LangQ) -> Response:
    view = make_view(request, lang)
    moved = curation.moved(view.store, view.base, kind, slug)
    if moved is not None:
        return RedirectResponse(f"/api/crossborder/{moved}?{request.url.query}".rstrip("?"), status_code=301,
                                    headers={"Cache-Control": "no-cache"})

    def answer() -> Response:
        iri = resolve(view, kind, slug)
        pairs = crossborder.pairs_for(view.store, view.base, iri.value)
        return json_answer(CrossBorderList, crossborder_view(view, pairs, view.store.version(), offset,
                                                             bounded(limit, view.settings)))
    return cached_answer(request, view, answer)
