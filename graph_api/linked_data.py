"""Linked Data: dereferencing minted IRIs, entity descriptions, VoID, the dump, ontology, context.

Every IRI the service mints dereferences, the same way: the IRI answers ``303 See Other`` with
``Vary: Accept``, to an HTML page for browsers and to an RDF document for RDF clients; the
documents carry ETag and Last-Modified from the dataset version.

- ``/id/{kind}/{slug}`` and ``/id/document/{name}`` (entities and documents), and the provenance
  resources ``/id/run/{id}`` (one ingest run) and ``/id/software/{name}`` (the agent that ran
  it): to ``/page/{kind}/{slug}``, or to ``/data/{kind}/{slug}.{ext}``.
- ``/data/{kind}/{slug}.ttl|.jsonld|.nt|.rdf`` is the description of the resource: its own
  triples, the labels of what it points to, and (bounded by :data:`INCOMING_LIMIT`) the triples
  pointing to it with their subjects' labels.
- ``/graph/{name}`` (a named graph: ``graph/doc/{file}`` per document, ``graph/authority`` …):
  to ``/data/graph/{name}.{ext}``, the graph's own triples (also ``.nq`` and ``.trig``, with the
  graph name), or to its page (``/page/graph/{name}``; a document's graph to the document's page).
- ``/dataset`` (the dataset whose version ``graph/meta`` records): to the VoID description,
  or to ``/page/dataset``.
- ``/.well-known/void``, ``/dump.nq.gz``, ``/ontology``, ``/context.jsonld``.

The IRI is taken from the request path as the client sent it and enters SPARQL only as a
substitution (``?e`` bound to a ``NamedNode``), never as text. ETag and Last-Modified derive
from the dataset version, so caches revalidate cheaply and a 304 costs one version lookup.
"""
from __future__ import annotations

import email.utils
import json
import queue
import threading
import zlib
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import anyio.to_thread
import orjson
import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response, StreamingResponse

from graph_api import curation
from graph_api.answer_cache import DESCRIPTION_MAX_BYTES, DESCRIPTIONS, answer_key
from graph_api.conneg import FORMAT_ALIASES, HTML_OFFER, RDF_OFFERS, NotAcceptable, Offer, negotiate
from graph_api.formats import DATASET_FORMATS, RDF_FORMATS
from graph_api.sparql import HttpProblem, run_query

router = APIRouter()

INCOMING_LIMIT = 1000
"""Most triples pointing *to* an entity included in its description (the JSON API pages them all)."""

PROVENANCE_KINDS = ("run", "software")
"""``/id/run/{id}`` (a ``prov:Activity``: one ingest) and ``/id/software/{name}`` (its agent)."""
KINDS = ("person", "place", "library", "organization", "event", "project", "work", "document", *PROVENANCE_KINDS)
SUFFIX_FORMATS = {"ttl": "ttl", "jsonld": "jsonld", "nt": "nt", "rdf": "rdfxml"}
FORMAT_SUFFIX = {v: k for k, v in SUFFIX_FORMATS.items()}

LAYOUT_GRAPHS = ("ontology", "shapes", "authority", "links", "provenance", "curation", "decisions", "meta")
"""Graphs of the layout (docs/graph-model.md): they dereference even while empty (``graph/curation``
before a curator wrote to it). Any other ``graph/…`` (``graph/doc/{file}``) does while it holds triples."""
DOCUMENT_GRAPHS = "doc/"
GRAPH_SUFFIX_FORMATS = {**SUFFIX_FORMATS, "nq": "nq", "trig": "trig"}
GRAPH_FORMAT_SUFFIX = {v: k for k, v in GRAPH_SUFFIX_FORMATS.items()}
QUAD_OFFERS = [Offer("application/n-quads", "nq", "application/n-quads"),
               Offer("application/trig", "trig", "application/trig")]
GRAPH_OFFERS = [*RDF_OFFERS, *QUAD_OFFERS]
"""A named graph's content: the triple formats, or the quad formats that keep the graph's name."""

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "schema": "http://schema.org/",
    "wdt": "http://www.wikidata.org/prop/direct/", "shk": "https://w3id.org/shekara/ns#",
    "oa": "http://www.w3.org/ns/oa#", "prov": "http://www.w3.org/ns/prov#", "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "dct": "http://purl.org/dc/terms/", "void": "http://rdfs.org/ns/void#",
}
_PROLOGUE = "".join(f"PREFIX {p}: <{i}>\n" for p, i in PREFIXES.items())

DESCRIBE_QUERY = _PROLOGUE + f"""
CONSTRUCT {{ ?e ?p ?o . ?o rdfs:label ?ol . ?s ?ip ?e . ?s rdfs:label ?sl }}
WHERE {{
  {{ ?e ?p ?o OPTIONAL {{ ?o rdfs:label ?ol }} }}
  UNION
  {{ {{ SELECT ?s ?ip ?e WHERE {{ ?s ?ip ?e }} LIMIT {INCOMING_LIMIT} }} OPTIONAL {{ ?s rdfs:label ?sl }} }}
}}"""

EXISTS_QUERY = "SELECT ?e WHERE { { ?e ?p ?o } UNION { ?s ?q ?e } } LIMIT 1"


# --- versions, ETags, 304 ----------------------------------------------------------------------
async def dataset_version(request: Request) -> str:
    stores = request.app.state.stores
    current = stores.current()  # the open view, still the latest: its version is known, no I/O
    known = current.known_version() if current is not None else None
    if known is not None:
        return known
    store = stores.get()
    return await anyio.to_thread.run_sync(store.version)


def version_time(version: str) -> datetime | None:
    """When the store last changed: both backends write the commit time in hex nanoseconds as
    the version; a version of another shape (a store written by other tools) gives None."""
    try:
        ns = int(version, 16)
    except ValueError:
        return None
    if ns <= 0:
        return None
    try:
        return datetime.fromtimestamp(ns / 1e9, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def last_modified(version: str) -> str | None:
    """The Last-Modified header of every answer derived from the data at ``version``."""
    when = version_time(version)
    return email.utils.format_datetime(when, usegmt=True) if when is not None else None


def validators(version: str, variant: str) -> dict[str, str]:
    headers = {"ETag": f'"{version}-{variant}"'}
    lm = last_modified(version)
    if lm:
        headers["Last-Modified"] = lm
    return headers


def not_modified(request: Request, headers: dict[str, str]) -> bool:
    inm = request.headers.get("if-none-match")
    if inm is not None:
        tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
        return "*" in tags or headers["ETag"] in tags
    ims = request.headers.get("if-modified-since")
    if ims and "Last-Modified" in headers:
        try:
            return email.utils.parsedate_to_datetime(ims) >= email.utils.parsedate_to_datetime(headers["Last-Modified"])
        except (TypeError, ValueError):
            return False
    return False


def _answer(request: Request, body: bytes, media: str, headers: dict[str, str]) -> Response:
    if not_modified(request, headers):
        return Response(status_code=304, headers=headers)
    if request.method == "HEAD":
        return Response(status_code=200, media_type=media, headers={**headers, "Content-Length": str(len(body))})
    return Response(body, media_type=media, headers=headers)


def _rdf_media(fmt: str) -> str:
    media = (RDF_FORMATS.get(fmt) or DATASET_FORMATS[fmt]).media_type
    return media + "; charset=utf-8" if fmt in ("ttl", "nt", "nq", "trig") else media


VARY_ACCEPT = {"Vary": "Accept"}
"""On every answer chosen by the Accept header, a 406 included."""


def _see_other(location: str) -> Response:
    """A 303 chosen by the Accept header: shared caches must keep one per Accept."""
    return Response(status_code=303, headers={"Location": location, **VARY_ACCEPT})


# --- JSON-LD with our context ------------------------------------------------------------------
class JsonLdContext:
    """Our published ``@context`` read once, used to compact pyoxigraph's triples.

    Terms are used only where their definition fits the value exactly (an ``@id``-typed term
    for IRIs, a language map for tagged strings, a datatype-coerced term for literals of that
    datatype); anything else is written with a compact IRI and an explicit value object, so the
    document always expands back to the same triples.
    """

    def __init__(self, path: Path, url: str):
        raw = json.loads(path.read_text(encoding="utf-8"))["@context"]
        self.url = url
        self.prefixes: dict[str, str] = {k: v for k, v in raw.items()
                                         if isinstance(v, str) and not k.startswith("@") and ":" not in k
                                         and v.startswith(("http://", "https://")) and v[-1] in "/#"}
        self.simple: dict[str, str] = {}  # IRI → term usable as a key for xsd:string values / as a type
        self.by_iri: dict[str, list[tuple[str, str | None, str | None]]] = {}
        for term, d in raw.items():
            if term.startswith("@") or term in self.prefixes:
                continue
            if isinstance(d, str):
                if d.startswith("@"):
                    continue
                self.simple.setdefault(self.expand(d), term)
                self.by_iri.setdefault(self.expand(d), []).append((term, None, None))
            elif isinstance(d, dict) and isinstance(d.get("@id"), str):
                t = d.get("@type")
                t = t if t in (None, "@id", "@vocab") else self.expand(t)
                self.by_iri.setdefault(self.expand(d["@id"]), []).append((term, t, d.get("@container")))

    def expand(self, value: str) -> str:
        prefix, sep, local = value.partition(":")
        if sep and prefix in self.prefixes and not local.startswith("//"):
            return self.prefixes[prefix] + local
        return value

    def compact_iri(self, iri: str) -> str:
        best = ""
        for p, ns in self.prefixes.items():
            if iri.startswith(ns) and len(iri) > len(ns) and len(ns) > len(self.prefixes.get(best, "")):
                best = p
        return f"{best}:{iri[len(self.prefixes[best]):]}" if best else iri

    def _key_and_value(self, pred: str, obj: Any) -> tuple[str, Any, bool]:
        """(key, value, is_language_map) for one triple."""
        defs = self.by_iri.get(pred, [])
        if isinstance(obj, (ox.NamedNode, ox.BlankNode)):
            ref = obj.value if isinstance(obj, ox.NamedNode) else "_:" + obj.value
            for term, t, c in defs:
                if t in ("@id", "@vocab") and c in (None, "@set"):
                    return term, ref, False
            return self.compact_iri(pred), {"@id": ref}, False
        if isinstance(obj, ox.Literal):
            if obj.language:
                for term, t, c in defs:
                    if c == "@language":
                        return term, (obj.language, obj.value), True
                return self.compact_iri(pred), {"@value": obj.value, "@language": obj.language}, False
            dt = obj.datatype.value
            for term, t, c in defs:
                if c not in (None, "@set"):
                    continue
                if t == dt or (t is None and dt == PREFIXES["xsd"] + "string"):
                    return term, obj.value, False
            if dt == PREFIXES["xsd"] + "string":
                return self.compact_iri(pred), {"@value": obj.value}, False
            return self.compact_iri(pred), {"@value": obj.value, "@type": dt}, False
        raise TypeError(f"unsupported term {obj!r}")

    def compact(self, triples: list[ox.Triple]) -> bytes:
        nodes: dict[str, dict[str, Any]] = {}
        rdf_type = PREFIXES["rdf"] + "type"
        for t in triples:
            sid = t.subject.value if isinstance(t.subject, ox.NamedNode) else "_:" + t.subject.value
            node = nodes.setdefault(sid, {"@id": sid})
            pred = t.predicate.value
            if pred == rdf_type and isinstance(t.object, ox.NamedNode):
                types = node.setdefault("@type", [])
                v = self.simple.get(t.object.value) or self.compact_iri(t.object.value)
                if v not in types:
                    types.append(v)
                continue
            key, value, is_map = self._key_and_value(pred, t.object)
            if is_map:
                lang, text = value
                lmap = node.setdefault(key, {})
                cur = lmap.setdefault(lang, [])
                if text not in cur:
                    cur.append(text)
            else:
                vals = node.setdefault(key, [])
                if value not in vals:
                    vals.append(value)
        graph = []
        for sid in sorted(nodes):
            node = nodes[sid]
            out: dict[str, Any] = {}
            for k, v in node.items():
                if isinstance(v, list) and len(v) == 1 and k != "@type":
                    v = v[0]
                elif isinstance(v, dict) and k != "@id":
                    v = {lang: (x[0] if len(x) == 1 else x) for lang, x in v.items()}
                out[k] = v
            graph.append(out)
        return orjson.dumps({"@context": self.url, "@graph": graph})


_context_cache: dict[tuple[str, float, str], JsonLdContext] = {}


def jsonld_context(settings: Any) -> JsonLdContext | None:
    path = settings.ontology / "context.jsonld"
    try:
        key = (str(path), path.stat().st_mtime, settings.base_iri)
    except OSError:
        return None
    ctx = _context_cache.get(key)
    if ctx is None:
        try:
            ctx = JsonLdContext(path, settings.base_iri + "context.jsonld")
        except (OSError, ValueError, KeyError, TypeError):
            return None
        _context_cache.clear()
        _context_cache[key] = ctx
    return ctx


def serialize_graph(settings: Any, triples: list[ox.Triple], fmt: str) -> bytes:
    if fmt == "jsonld":
        ctx = jsonld_context(settings)
        if ctx is not None:
            return ctx.compact(triples)
    prefixes = PREFIXES if fmt in ("ttl", "rdfxml") else None
    triples = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate)))  # Turtle groups by subject
    return ox.serialize(triples, format=RDF_FORMATS[fmt].rdf, **({"prefixes": prefixes} if prefixes else {}))


# --- dereferencing ----------------------------------------------------------------------------------
def _raw_path(request: Request) -> str:
    raw = request.scope.get("raw_path")
    return raw.decode("latin-1") if raw else request.url.path


def _named_node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as e:
        raise HttpProblem(404, f"not an IRI of this dataset: {iri}") from e


async def _exists(request: Request, iri: ox.NamedNode) -> bool:
    res = await run_query(request, EXISTS_QUERY, "json", substitutions={"e": iri})
    return bool(orjson.loads(res.body)["results"]["bindings"])


@router.get("/id/{kind}/{slug:path}", tags=["linked data"],
                  summary="Dereference a minted IRI (303 to the HTML page or the RDF description)")
@router.head("/id/{kind}/{slug:path}", include_in_schema=False)  # HEAD twin: no second operation in the OpenAPI
async def dereference(kind: str, slug: str, request: Request) -> Response:
    settings = request.app.state.settings
    try:
        if kind not in KINDS or not slug:
            raise HttpProblem(404, f"no such IRI: {request.url.path}")
        raw = _raw_path(request)  # "/id/kind/slug" exactly as sent
        iri = _named_node(settings.base_iri + raw.lstrip("/"))
        try:
            offer = negotiate(request.headers.get("accept"), [HTML_OFFER, *RDF_OFFERS])
        except NotAcceptable as e:
            raise HttpProblem(406, str(e), VARY_ACCEPT) from e
        stores = request.app.state.stores
        moved = await anyio.to_thread.run_sync(lambda: curation.moved(stores.get(), settings.base_iri, kind, slug))
        if moved is not None:  # merged by a curator: the IRI kept answers from now on
            return Response(status_code=301, headers={"Location": f"/id/{moved}", "Vary": "Accept",
                                                      "Cache-Control": "no-cache"})  # (a merge can be undone)
        if not await _exists(request, iri):
            raise HttpProblem(404, f"nothing is known about {iri.value}")
    except HttpProblem as p:
        return p.response()
    rest = raw[len("/id/"):]
    return _see_other(f"/page/{rest}" if offer.format == "html" else f"/data/{rest}.{FORMAT_SUFFIX[offer.format]}")


# --- named graphs ----------------------------------------------------------------------------------
GRAPH_EXISTS_QUERY = "ASK { GRAPH ?g { ?s ?p ?o } }"
GRAPH_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


async def _graph_known(request: Request, name: str, iri: ox.NamedNode) -> bool:
    """Whether ``graph/{name}`` is a graph of this dataset: one of the layout, or one holding triples."""
    if name in LAYOUT_GRAPHS:
        return True
    if not name or name.endswith("/"):
        return False
    res = await run_query(request, GRAPH_EXISTS_QUERY, "json", substitutions={"g": iri})
    return bool(orjson.loads(res.body).get("boolean"))


def _graph_iri(request: Request, name: str) -> ox.NamedNode:
    return _named_node(request.app.state.settings.base_iri + "graph/" + name)


@router.get("/graph/{name:path}", tags=["linked data"],
            summary="Dereference a named graph's IRI (303 to its content by Accept, or to its HTML page)")
@router.head("/graph/{name:path}", include_in_schema=False)  # HEAD twin: no second operation in the OpenAPI
async def dereference_graph(name: str, request: Request) -> Response:
    """A named graph is data about data: RDF clients get its triples (or quads), browsers a page
    saying what it holds, how big it is and where to download it; a document's graph is what
    was read from that document, so a browser gets the document's own page."""
    try:
        raw = _raw_path(request)[len("/graph/"):]  # the name exactly as sent (file names stay encoded)
        iri = _graph_iri(request, raw)
        try:
            offer = negotiate(request.headers.get("accept"), [HTML_OFFER, *GRAPH_OFFERS])
        except NotAcceptable as e:
            raise HttpProblem(406, str(e), VARY_ACCEPT) from e
        if not await _graph_known(request, raw, iri):
            raise HttpProblem(404, f"no graph {iri.value} in this dataset")
    except HttpProblem as p:
        return p.response()
    if offer.format != "html":
        return _see_other(f"/data/graph/{raw}.{GRAPH_FORMAT_SUFFIX[offer.format]}")
    if raw.startswith(DOCUMENT_GRAPHS):
        return _see_other(f"/page/document/{raw[len(DOCUMENT_GRAPHS):]}")
    return _see_other(f"/page/graph/{raw}")


def serialize_quads(settings: Any, triples: list[ox.Triple], graph: ox.NamedNode, fmt: str) -> bytes:
    """``triples`` as the quads of ``graph`` (N-Quads, TriG), or as a graph in a triple format."""
    if fmt not in DATASET_FORMATS:
        return serialize_graph(settings, triples, fmt)
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
             for t in sorted(triples, key=lambda t: (str(t.subject), str(t.predicate)))]
    return ox.serialize(quads, format=DATASET_FORMATS[fmt].rdf, **({"prefixes": PREFIXES} if fmt == "trig" else {}))


async def _graph_triples(request: Request, graph: ox.NamedNode) -> list[ox.Triple]:
    """The graph's triples, through the executor (deadline, size cap): a graph loaded whole
    can be millions of triples, and the answer then points to the dump instead."""
    try:
        res = await run_query(request, GRAPH_QUERY, "nt", substitutions={"g": graph})
    except HttpProblem as p:
        if p.status == 422:
            raise HttpProblem(422, f"the graph {graph.value} is larger than one answer may be "
                                   "(SHEKARA_QUERY_MAX_BYTES): take the dump (/dump.nq.gz) "
                                   "or page through /sparql") from p
        raise
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(res.body, format=ox.RdfFormat.N_TRIPLES)]


@router.get("/data/graph/{rest:path}", tags=["linked data"],
            summary="A named graph's triples (.ttl, .jsonld, .nt, .rdf) or quads (.nq, .trig)")
@router.head("/data/graph/{rest:path}", include_in_schema=False)  # HEAD twin: no second operation in the OpenAPI
async def graph_data(rest: str, request: Request) -> Response:
    settings = request.app.state.settings
    try:
        raw = _raw_path(request)[len("/data/graph/"):]
        stem, dot, ext = raw.rpartition(".")
        fmt = GRAPH_SUFFIX_FORMATS.get(ext) if dot else None
        if fmt is None:  # no suffix (or a file name's own, "doc/x.kk.txt"): negotiate, point at the suffixed one
            try:
                offer = negotiate(request.headers.get("accept"), GRAPH_OFFERS)
            except NotAcceptable as e:
                raise HttpProblem(406, str(e), VARY_ACCEPT) from e
            if not await _graph_known(request, raw, _graph_iri(request, raw)):
                raise HttpProblem(404, f"no graph {settings.base_iri}graph/{raw} in this dataset")
            return _see_other(f"/data/graph/{raw}.{GRAPH_FORMAT_SUFFIX[offer.format]}")
        graph = _graph_iri(request, stem)
        version = await dataset_version(request)
        headers = {**validators(version, fmt), "Content-Location": f"/data/graph/{raw}"}
        if not_modified(request, headers):
            return Response(status_code=304, headers=headers)
        key = answer_key(f"/data/graph/{raw}", [], None, settings.base_iri, version)
        cached = DESCRIPTIONS.get(key)
        if cached is not None:
            body = cached.body
        else:
            triples = await _graph_triples(request, graph)
            if not triples and not await _graph_known(request, stem, graph):
                raise HttpProblem(404, f"no graph {graph.value} in this dataset")
            body = serialize_quads(settings, triples, graph, fmt)
            if len(body) <= DESCRIPTION_MAX_BYTES:
                DESCRIPTIONS.put(key, body, 200)
    except HttpProblem as p:
        return p.response()
    return _answer(request, body, _rdf_media(fmt), headers)


# --- the dataset ------------------------------------------------------------------------------------
@router.get("/dataset", tags=["linked data"],
            summary="Dereference the dataset's IRI (303 to the VoID description, or to its HTML page)")
@router.head("/dataset", include_in_schema=False)  # HEAD twin: no second operation in the OpenAPI
async def dereference_dataset(request: Request) -> Response:
    """``{base}dataset`` is the dataset whose version ``graph/meta`` records; the VoID
    description says what it is (and names it with ``owl:sameAs``)."""
    try:
        offer = negotiate(request.headers.get("accept"), [HTML_OFFER, *RDF_OFFERS])
    except NotAcceptable as e:
        return HttpProblem(406, str(e), VARY_ACCEPT).response()
    return _see_other("/page/dataset" if offer.format == "html" else f"/.well-known/void?format={offer.format}")


@router.get("/data/{kind}/{rest:path}", tags=["linked data"],
                  summary="The RDF description of an entity or document (.ttl, .jsonld, .nt, .rdf)")
@router.head("/data/{kind}/{rest:path}", include_in_schema=False)  # HEAD twin: no second operation in the OpenAPI
async def describe(kind: str, rest: str, request: Request) -> Response:
    settings = request.app.state.settings
    try:
        if kind not in KINDS:
            raise HttpProblem(404, f"no such resource: {request.url.path}")
        raw = _raw_path(request)[len("/data/"):]
        stem, dot, ext = raw.rpartition(".")
        fmt = SUFFIX_FORMATS.get(ext) if dot else None
        if fmt is None:
            # no suffix: negotiate and point at the suffixed document
            try:
                offer = negotiate(request.headers.get("accept"), RDF_OFFERS)
            except NotAcceptable as e:
                raise HttpProblem(406, str(e), VARY_ACCEPT) from e
            if not await _exists(request, _named_node(settings.base_iri + "id/" + raw)):
                raise HttpProblem(404, f"nothing is known about {settings.base_iri}id/{raw}")
            return _see_other(f"/data/{raw}.{FORMAT_SUFFIX[offer.format]}")
        iri = _named_node(settings.base_iri + "id/" + stem)
        version = await dataset_version(request)
        headers = validators(version, fmt)
        headers["Content-Location"] = f"/data/{raw}"
        headers["Link"] = f'<{iri.value}>; rel="describes"'
        if not_modified(request, headers):
            return Response(status_code=304, headers=headers)
        # Kept per dataset version: a portal harvesting entities asks for the same descriptions
        # again, and the DESCRIBE plus the JSON-LD compaction cost ~2 ms of the ~3 ms it took.
        key = answer_key(f"/data/{raw}", [], None, settings.base_iri, version)
        cached = DESCRIPTIONS.get(key)
        if cached is not None:
            body = cached.body
        else:
            res = await run_query(request, DESCRIBE_QUERY, "nt", substitutions={"e": iri})
            triples = [ox.Triple(q.subject, q.predicate, q.object)
                       for q in ox.parse(res.body, format=ox.RdfFormat.N_TRIPLES)]
            if not triples:
                raise HttpProblem(404, f"nothing is known about {iri.value}")
            body = serialize_graph(settings, list(dict.fromkeys(triples)), fmt)
            if len(body) <= DESCRIPTION_MAX_BYTES:
                DESCRIPTIONS.put(key, body, 200)
    except HttpProblem as p:
        return p.response()
    return _answer(request, body, _rdf_media(fmt), headers)


# --- VoID ----------------------------------------------------------------------------------------------
async def void_triples(request: Request) -> list[ox.Triple]:
    settings = request.app.state.settings
    executor = request.app.state.executor
    store = request.app.state.stores.get()
    stats = await anyio.to_thread.run_sync(store.statistics)
    space = settings.base_iri + "id/"
    space_lit = str(ox.Literal(space))  # serialised (escaped) by pyoxigraph

    def one(rows: list[dict[str, Any]]) -> int:
        return int(rows[0]["n"]["value"]) if rows and "n" in rows[0] else 0

    subjects = one(await executor.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"))
    entities = one(await executor.select(
        f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), {space_lit})) }}"))
    properties = one(await executor.select("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"))
    classes = await executor.select(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c ORDER BY ?c")
    langs = await executor.select(
        _PROLOGUE + "SELECT DISTINCT ?lang WHERE { ?s rdfs:label ?l BIND(LANG(?l) AS ?lang) FILTER(?lang != \"\") } "
        "ORDER BY ?lang")
    examples = await executor.select(
        _PROLOGUE + f"SELECT DISTINCT ?s WHERE {{ VALUES ?t {{ schema:Library schema:Person schema:Event }} "
        f"?s a ?t FILTER(STRSTARTS(STR(?s), {space_lit})) }} ORDER BY ?s LIMIT 3")

    V = lambda local: ox.NamedNode(PREFIXES["void"] + local)  # noqa: E731
    D = lambda local: ox.NamedNode(PREFIXES["dct"] + local)  # noqa: E731
    rdf_type = ox.NamedNode(PREFIXES["rdf"] + "type")
    xsd_int = ox.NamedNode(PREFIXES["xsd"] + "integer")
    n = lambda v: ox.Literal(str(v), datatype=xsd_int)  # noqa: E731
    ds = ox.NamedNode(settings.base_iri + ".well-known/void#dataset")
    t = [
        ox.Triple(ds, rdf_type, V("Dataset")),
        ox.Triple(ds, D("title"), ox.Literal("Shekara: Meetings at the boundaries", language="en")),
        ox.Triple(ds, D("title"), ox.Literal("Шекарадағы кездесулер", language="kk")),
        ox.Triple(ds, D("title"), ox.Literal("Встречи на границах", language="ru")),
        ox.Triple(ds, D("description"), ox.Literal(
            "A knowledge graph of the cross-border links between libraries, places, persons and events "
            "of Russia and Kazakhstan, extracted from Kazakh, Russian and English documents.", language="en")),
        ox.Triple(ds, D("license"), ox.NamedNode(settings.license)),
        ox.Triple(ds, V("sparqlEndpoint"), ox.NamedNode(settings.base_iri + "sparql")),
        ox.Triple(ds, V("uriSpace"), ox.Literal(space)),
        ox.Triple(ds, V("dataDump"), ox.NamedNode(settings.base_iri + "dump.nq.gz")),
        ox.Triple(ds, V("vocabulary"), ox.NamedNode(PREFIXES["shk"])),
        ox.Triple(ds, V("vocabulary"), ox.NamedNode(PREFIXES["schema"])),
        ox.Triple(ds, V("rootResource"), ox.NamedNode(settings.base_iri + "ontology")),
        ox.Triple(ds, V("triples"), n(stats.triples)),
        ox.Triple(ds, V("entities"), n(entities)),
        ox.Triple(ds, V("distinctSubjects"), n(subjects)),
        ox.Triple(ds, V("properties"), n(properties)),
        ox.Triple(ds, V("classes"), n(len(classes))),
        ox.Triple(ds, ox.NamedNode(PREFIXES["owl"] + "sameAs"), ox.NamedNode(settings.base_iri + "dataset")),
    ]
    modified = await last_change(request, stats.version)
    if modified is not None:  # portals read dct:modified as a date; the opaque version stays beside it
        date_time = ox.NamedNode(PREFIXES["xsd"] + "dateTime")
        t.append(ox.Triple(ds, D("modified"), ox.Literal(modified, datatype=date_time)))
    if stats.version:
        t.append(ox.Triple(ds, ox.NamedNode(PREFIXES["owl"] + "versionInfo"), ox.Literal(stats.version)))
    for row in langs:
        t.append(ox.Triple(ds, D("language"), ox.Literal(row["lang"]["value"])))
    for row in examples:
        t.append(ox.Triple(ds, V("exampleResource"), ox.NamedNode(row["s"]["value"])))
    for i, row in enumerate(classes):
        part = ox.NamedNode(f"{settings.base_iri}.well-known/void#class-{i}")
        t += [ox.Triple(ds, V("classPartition"), part),
              ox.Triple(part, V("class"), ox.NamedNode(row["c"]["value"])),
              ox.Triple(part, V("entities"), n(int(row["n"]["value"])))]
    return t


LAST_RUN_QUERY = _PROLOGUE + "SELECT (MAX(?t) AS ?n) WHERE { ?run a prov:Activity ; prov:endedAtTime ?t }"


async def last_change(request: Request, version: str) -> str | None:
    """The time of the store's last change as an ``xsd:dateTime`` lexical form, in UTC.

    Every write (ingest, load, curation, Graph Store) stamps the version with its commit time;
    a store whose version is not such a stamp falls back to the end of its last ingest run
    (``graph/provenance``); None when neither is known.
    """
    when = version_time(version)
    if when is not None:
        return when.isoformat(timespec="seconds").replace("+00:00", "Z")
    rows = await request.app.state.executor.select(LAST_RUN_QUERY)
    value = rows[0].get("n", {}).get("value") if rows else None
    return value or None


@router.get("/.well-known/void", tags=["linked data"],
                  summary="VoID description of the dataset (Turtle by default)")
@router.head("/.well-known/void", include_in_schema=False)  # HEAD twin: no second operation in the OpenAPI
async def void(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        fmt = _rdf_choice(request)
        version = await dataset_version(request)
        headers = {**validators(version, "void-" + fmt), "Vary": "Accept"}
        if not_modified(request, headers):
            return Response(status_code=304, headers=headers)
        cache = getattr(request.app.state, "void_cache", None)
        if cache is None or cache[0] != version:
            cache = (version, await void_triples(request))
            request.app.state.void_cache = cache
        body = serialize_graph(settings, cache[1], fmt)
    except HttpProblem as p:
        return p.response()
    return _answer(request, body, _rdf_media(fmt), headers)


def _rdf_choice(request: Request) -> str:
    p = request.query_params.get("format")
    if p:
        fmt = FORMAT_ALIASES.get(p.lower())
        if fmt not in RDF_FORMATS:
            raise HttpProblem(400, f"use format=ttl, nt, jsonld or rdfxml, not {p}")
        return fmt
    try:
        return negotiate(request.headers.get("accept"), RDF_OFFERS).format
    except NotAcceptable as e:
        raise HttpProblem(406, str(e), VARY_ACCEPT) from e


# --- the dump -------------------------------------------------------------------------------------------
class _GzipPipe:
    """File-like sink for ``store.export``: gzip-compresses and hands chunks to a queue."""

    def __init__(self, q: queue.Queue[Any], stop: threading.Event):
        self.q, self.stop = q, stop
        self.z = zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31 = gzip container
        self.pending = bytearray()

    def _put(self, item: Any) -> None:
        while not self.stop.is_set():
            try:
                self.q.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise OSError("client went away")

    def write(self, b: Any) -> int:
        if self.stop.is_set():
            raise OSError("client went away")
        self.pending += self.z.compress(bytes(b))
        if len(self.pending) >= 64 * 1024:
            self._put(bytes(self.pending))
            self.pending.clear()
        return len(b)

    def flush(self) -> None:
        pass

    def finish(self) -> None:
        self.pending += self.z.flush()
        if self.pending:
            self._put(bytes(self.pending))


@router.get("/dump.nq.gz", tags=["linked data"],
                  summary="The whole dataset as gzip-compressed N-Quads, streamed")
@router.head("/dump.nq.gz", include_in_schema=False)  # HEAD twin: no second operation in the OpenAPI
async def dump(request: Request) -> Response:
    version = await dataset_version(request)
    headers = {**validators(version, "nq.gz"),
               "Content-Disposition": 'attachment; filename="shekara.nq.gz"'}
    if not_modified(request, headers):
        return Response(status_code=304, headers=headers)
    if request.method == "HEAD":
        return Response(status_code=200, media_type="application/gzip", headers=headers)
    store = request.app.state.stores.get()
    q: queue.Queue[Any] = queue.Queue(maxsize=16)
    stop = threading.Event()
    sink = _GzipPipe(q, stop)

    def produce() -> None:
        try:
            store.export(sink, ox.RdfFormat.N_QUADS)
            sink.finish()
            sink._put(None)
        except Exception as e:  # the status is already sent; end the stream early
            try:
                sink._put(e)
            except OSError:
                pass

    threading.Thread(target=produce, name="shekara-dump", daemon=True).start()

    def take() -> Any:
        while True:
            try:
                return q.get(timeout=0.5)
            except queue.Empty:
                if stop.is_set():
                    return None

    async def chunks() -> AsyncIterator[bytes]:
        try:
            while True:
                item = await anyio.to_thread.run_sync(take)
                if item is None or isinstance(item, Exception):
                    return
                yield item
        finally:
            stop.set()

    return StreamingResponse(chunks(), media_type="application/gzip", headers=headers)


# --- ontology and context ------------------------------------------------------------------------------
@router.get("/ontology", tags=["linked data"],
                  summary="The Shekara ontology: HTML for browsers, RDF by Accept")
@router.head("/ontology", include_in_schema=False)  # HEAD twin: no second operation in the OpenAPI
async def ontology(request: Request) -> Response:
    settings = request.app.state.settings
    path = settings.ontology / "shekara.ttl"
    if not path.is_file():
        return PlainTextResponse("the ontology file is missing\n", status_code=404)
    try:
        p = request.query_params.get("format")
        if p:
            fmt = FORMAT_ALIASES.get(p.lower())
            if fmt not in RDF_FORMATS and fmt != "html":
                raise HttpProblem(400, f"use format=html, ttl, nt, jsonld or rdfxml, not {p}")
        else:
            try:
                fmt = negotiate(request.headers.get("accept"), [*RDF_OFFERS, HTML_OFFER]).format
            except NotAcceptable as e:
                raise HttpProblem(406, str(e), VARY_ACCEPT) from e
    except HttpProblem as prob:
        return prob.response()
    stamp = f"{path.stat().st_mtime_ns:x}"
    headers = {"ETag": f'"{stamp}-{fmt}"', "Vary": "Accept"}
    if fmt == "html":
        try:
            from graph_api.ontology_docs import render_ontology_html
        except ImportError:
            fmt = "ttl"
        else:
            html = await anyio.to_thread.run_sync(render_ontology_html, path)
            return _answer(request, html.encode("utf-8"), "text/html; charset=utf-8", headers)
    if fmt == "ttl":
        body = path.read_bytes()
    else:
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=settings.base_iri)]
        body = serialize_graph(settings, triples, fmt)
    return _answer(request, body, _rdf_media(fmt), headers)


@router.get("/context.jsonld", tags=["linked data"],
                  summary="The JSON-LD @context of Shekara's JSON-LD documents")
@router.head("/context.jsonld", include_in_schema=False)  # HEAD twin: no second operation in the OpenAPI
async def context(request: Request) -> Response:
    path = request.app.state.settings.ontology / "context.jsonld"
    if not path.is_file():
        return PlainTextResponse("the JSON-LD context is missing\n", status_code=404)
    headers = {"ETag": f'"{path.stat().st_mtime_ns:x}"'}
    return _answer(request, path.read_bytes(), "application/ld+json", headers)

