"""The SPARQL 1.1 Protocol endpoint (``/sparql``) and the Graph Store Protocol (``/rdf-graph-store``).

A router that needs only ``app.state.settings``, ``app.state.stores`` and ``app.state.executor``,
so it can be mounted on its own. Reads are public; SPARQL Update and Graph Store writes need
``Authorization: Bearer <settings.write_token>`` and are refused with 401 otherwise (also when
no token is configured — the public endpoint then stays read-only).

Errors are plain text with the reason: 400 for a query that does not parse (the parser's
message), 406 when no acceptable format exists, 413 for an oversized request, 422 when a SELECT
exceeds the row limit or any result the size limit, 503 when the query ran past the deadline
(it was stopped). A query whose SERVICE clauses call an endpoint the settings do not allow
(``federation_allow``; none by default) is a 400 too, refused before anything is sent. An update
that names a graph the Graph Store Protocol protects, or clears every graph, is a 403
(:func:`update_problem`). Browsers that
GET ``/sparql`` get the query page (``templates/sparql.html``); RDF clients get the SPARQL 1.1
Service Description.
"""
from __future__ import annotations

import hmac
import logging
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import anyio.to_thread
import orjson
import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from graph_api.conneg import (FORMAT_ALIASES, HTML_OFFER, RDF_OFFERS, RESULT_OFFERS, NotAcceptable, Offer,
                              negotiate)
from graph_api.formats import RDF_FORMATS, RESULT_FORMATS
from graph_api.query_exec import (FederationRefused, FormNotAcceptable, QueryTimeout, RowLimitExceeded,
                                  StreamedResult, endpoint_allowed, query_form)
from graph_api.sparql_text import clears_every_graph, keyword_offsets, read_prologue, service_target, update_iris
from graph_api.store.base import QuerySyntaxError, StoreError

router = APIRouter()
log = logging.getLogger("shekara.sparql")

TEMPLATES = Path(__file__).resolve().parent / "templates"
_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
_write_lock = threading.Lock()  # one writer at a time inside this process

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
# W3C format IRIs for sd:resultFormat, per format name of graph_api.formats.
FORMAT_IRIS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
               "tsv": "SPARQL_Results_TSV", "ttl": "Turtle", "nt": "N-Triples", "jsonld": "JSON-LD",
               "rdfxml": "RDF_XML"}


class HttpProblem(Exception):
    """An error answer: status, plain-text message, extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        self.status, self.message, self.headers = status, message, headers or {}
        super().__init__(message)

    def response(self) -> Response:
        return PlainTextResponse(self.message + "\n", status_code=self.status, headers=self.headers)


# --- request reading -------------------------------------------------------------------------------
async def read_body(request: Request, limit: int) -> bytes:
    """The body, refusing (413) more than ``limit`` bytes without reading them all."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise HttpProblem(413, f"request body larger than the limit of {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HttpProblem(413, f"request body larger than the limit of {limit} bytes")
    return bytes(body)


async def read_form(request: Request, limit: int) -> dict[str, list[str]]:
    body = await read_body(request, limit)
    try:
        return parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError as e:
        raise HttpProblem(400, f"form body is not UTF-8: {e}") from e


def _check_iris(iris: list[str], what: str) -> list[str]:
    for iri in iris:
        try:
            ox.NamedNode(iri)
        except ValueError as e:
            raise HttpProblem(400, f"{what} is not an IRI: {iri!r} ({e})") from e
    return iris


def check_token(request: Request) -> None:
    """401 unless the request carries the configured bearer token."""
    token = request.app.state.settings.write_token
    challenge = {"WWW-Authenticate": 'Bearer realm="shekara"'}
    if not token:
        raise HttpProblem(401, "this endpoint is read-only: no write token is configured (SHEKARA_WRITE_TOKEN)",
                          challenge)
    got = request.headers.get("authorization", "")
    scheme, _, value = got.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise HttpProblem(401, "writing needs Authorization: Bearer <write token>",
                          {"WWW-Authenticate": 'Bearer realm="shekara", error="invalid_token"'} if got else challenge)


# --- format choice -----------------------------------------------------------------------------
def choose_format(request: Request, form: str, fmt_param: str | None, *, allow_html: bool) -> str:
    """Format name for a result of ``form`` (select/ask/graph): ``?format=`` first, then Accept."""
    if fmt_param:
        name = format_from_param(fmt_param, form)
        if name is None:
            raise HttpProblem(400, f"unknown format {fmt_param!r}; use json, xml, csv, tsv (SELECT/ASK) "
                                   "or ttl, nt, jsonld, rdfxml (CONSTRUCT/DESCRIBE)")
        if name == "html" and allow_html:
            return name
        if form == "graph" and name not in RDF_FORMATS:
            raise HttpProblem(406, f"format {fmt_param} is for SELECT/ASK; a CONSTRUCT/DESCRIBE result "
                                   "comes as ttl, nt, jsonld or rdfxml")
        if form != "graph" and name not in RESULT_FORMATS:
            raise HttpProblem(406, f"format {fmt_param} is for CONSTRUCT/DESCRIBE; a SELECT/ASK result "
                                   "comes as json, xml, csv or tsv")
        return name
    offers: list[Offer] = list(RDF_OFFERS if form == "graph" else RESULT_OFFERS)
    if allow_html:
        offers.append(HTML_OFFER)
    try:
        return negotiate(request.headers.get("accept"), offers).format
    except NotAcceptable as e:
        raise HttpProblem(406, str(e)) from e


def format_from_param(value: str, form: str) -> str | None:
    """A ``?format=`` value: our names, or a media type (SPARQLWrapper sends those).

    ``json``/``xml`` on a CONSTRUCT mean JSON-LD / RDF/XML, as clients written for other
    endpoints expect.
    """
    v = value.strip().lower()
    name = FORMAT_ALIASES.get(v)
    if name is None:
        if "/" not in v:
            return None
        # one media type or a list of them: read it like an Accept header, for this form first
        for offers in ((RDF_OFFERS, RESULT_OFFERS) if form == "graph" else (RESULT_OFFERS, RDF_OFFERS)):
            try:
                return negotiate(v, [o for o in offers if "*" not in v]).format
            except NotAcceptable:
                continue
        return None
    if form == "graph":
        return {"json": "jsonld", "xml": "rdfxml"}.get(name, name)
    return name


def _media(name: str) -> str:
    return (RESULT_FORMATS.get(name) or RDF_FORMATS[name]).media_type


# --- running queries ---------------------------------------------------------------------------
async def run_query(request: Request, query: str, fmt: str, *, default_graph: list[str] | None = None,
                    named_graphs: list[str] | None = None, substitutions: dict[str, Any] | None = None,
                    stream: bool = False) -> Any:
    """Run through the executor, turning its errors into :class:`HttpProblem`."""
    executor = request.app.state.executor
    try:
        return await executor.run_async(query, fmt, default_graph, named_graphs,
                                        substitutions=substitutions, stream=stream)
    except FederationRefused as e:
        raise HttpProblem(400, f"query refused: {e}") from e
    except QuerySyntaxError as e:
        raise HttpProblem(400, f"query syntax error: {e}") from e
    except QueryTimeout as e:
        raise HttpProblem(503, str(e), {"Retry-After": "5"}) from e
    except RowLimitExceeded as e:
        raise HttpProblem(422, str(e)) from e
    except FormNotAcceptable as e:
        raise HttpProblem(406, str(e)) from e
    except StoreError as e:
        raise HttpProblem(503, f"the store could not answer: {e}") from e


async def execute_for_request(request: Request, query: str, *, default_graph: list[str] | None = None,
                              named_graphs: list[str] | None = None,
                              substitutions: dict[str, Any] | None = None,
                              html_page: bool = False, form_format: str | None = None) -> Response:
    """Negotiate, run and answer one query (shared by /sparql and /api/queries).

    ``form_format`` is a ``format`` sent in a POST form body (SPARQLWrapper sends it there);
    one in the URL comes first."""
    settings = request.app.state.settings
    fmt_param = request.query_params.get("format") or form_format
    try:
        if len(query) > settings.max_query_length:
            raise HttpProblem(413, f"query longer than the limit of {settings.max_query_length} characters")
        try:
            form = query_form(query, substitutions)
        except QuerySyntaxError as e:
            raise HttpProblem(400, f"query syntax error: {e}") from e
        fmt = choose_format(request, form, fmt_param, allow_html=html_page)
        if fmt == "html":
            return await render_page(request, query, status=200)
        result = await run_query(request, query, fmt, default_graph=default_graph, named_graphs=named_graphs,
                                 substitutions=substitutions, stream=_can_stream(request))
    except HttpProblem as p:
        if html_page and _wants_html(request, fmt_param):
            return await render_page(request, query, error=p.message, status=p.status)
        return p.response()
    media = result.media_type
    if media.startswith("text/"):
        media += "; charset=utf-8"
    if isinstance(result, StreamedResult):
        return StreamedAnswer(result, media_type=media, headers={"Vary": "Accept"})
    return Response(result.body, media_type=media, headers={"Vary": "Accept"})


def _can_stream(request: Request) -> bool:
    """Whether an answer may go out in parts: a chunked body tells a client that an answer cut
    short is incomplete. An HTTP/1.0 body has no such end (the connection closing ends it), and
    a HEAD answer has no body to stream."""
    return request.scope.get("http_version") != "1.0" and request.method != "HEAD"


class StreamedAnswer(StreamingResponse):
    """A :class:`~graph_api.query_exec.StreamedResult` sent as the worker writes it (chunked).

    Starlette's own ``__call__`` runs a task group per answer to watch for a disconnect; here a
    gone client only makes the sends no-ops (uvicorn). The worker's side does not wait for the
    client at all (:class:`~graph_api.query_exec.StreamedResult` reads it at the engine's pace).
    An error after the first part (the deadline, the size cap) is logged with its reason and the
    answer is left unfinished: the ASGI server then closes the connection before the chunked
    body's end, and the client reports an incomplete answer."""

    def __init__(self, result: StreamedResult, media_type: str, headers: dict[str, str]):
        super().__init__(result.chunks(), media_type=media_type, headers=headers)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        chunks = self.body_iterator
        try:
            await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
            async for chunk, last in chunks:
                await send({"type": "http.response.body", "body": chunk, "more_body": not last})
        except StoreError as e:
            log.warning("a /sparql answer stopped after it had begun; its connection is closed: %s", e)
        finally:
            await chunks.aclose()  # type: ignore[attr-defined]


def _wants_html(request: Request, fmt_param: str | None) -> bool:
    if fmt_param:
        return fmt_param.lower() == "html"
    try:
        return negotiate(request.headers.get("accept"), [*RESULT_OFFERS, HTML_OFFER]).format == "html"
    except NotAcceptable:
        return False


# --- /sparql -----------------------------------------------------------------------------------------
# One registration per method: a route with several methods gets one OpenAPI operation id for all
# of them, which FastAPI reports as "Duplicate Operation ID". HEAD twins stay out of the schema.
@router.get("/sparql", tags=["sparql"], operation_id="sparql_query_get",
            summary="SPARQL 1.1 query (GET); service description or query page without a query")
@router.head("/sparql", include_in_schema=False)
async def sparql_get(request: Request) -> Response:
    params = request.query_params
    if "update" in params:
        return HttpProblem(405, "SPARQL Update must be sent with POST", {"Allow": "POST"}).response()
    query = params.get("query")
    try:
        dg = _check_iris(params.getlist("default-graph-uri"), "default-graph-uri")
        ng = _check_iris(params.getlist("named-graph-uri"), "named-graph-uri")
    except HttpProblem as p:
        return p.response()
    if query is None or not query.strip():
        return await service_description(request)
    return await execute_for_request(request, query, default_graph=dg, named_graphs=ng, html_page=True)


@router.post("/sparql", tags=["sparql"], summary="SPARQL 1.1 query or update (POST)")
async def sparql_post(request: Request) -> Response:
    settings = request.app.state.settings
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    params = request.query_params
    form_format: str | None = None
    try:
        if ctype == "application/x-www-form-urlencoded":
            form = await read_form(request, settings.max_request_bytes)
            if "update" in form:
                if "query" in form:
                    raise HttpProblem(400, "send either query= or update=, not both")
                return await run_update(request, form["update"][-1], form)
            if "query" not in form:
                raise HttpProblem(400, "the form has neither query= nor update=")
            query = form["query"][-1]
            form_format = form["format"][-1] if form.get("format") else None
            dg = _check_iris(form.get("default-graph-uri", []) or params.getlist("default-graph-uri"),
                             "default-graph-uri")
            ng = _check_iris(form.get("named-graph-uri", []) or params.getlist("named-graph-uri"), "named-graph-uri")
        elif ctype == "application/sparql-query":
            query = (await read_body(request, settings.max_request_bytes)).decode("utf-8", errors="strict")
            dg = _check_iris(params.getlist("default-graph-uri"), "default-graph-uri")
            ng = _check_iris(params.getlist("named-graph-uri"), "named-graph-uri")
        elif ctype == "application/sparql-update":
            text = (await read_body(request, settings.max_request_bytes)).decode("utf-8", errors="strict")
            return await run_update(request, text, {k: params.getlist(k) for k in params})
        else:
            raise HttpProblem(415, "POST /sparql takes application/x-www-form-urlencoded (query= or update=), "
                                   "application/sparql-query or application/sparql-update")
    except HttpProblem as p:
        return p.response()
    except UnicodeDecodeError as e:
        return HttpProblem(400, f"body is not UTF-8: {e}").response()
    return await execute_for_request(request, query, default_graph=dg, named_graphs=ng, html_page=False,
                                     form_format=form_format)


class _OtherMethods:
    """Answers every method the routes of ``path`` do not serve: 405 with an ``Allow`` that names
    all they do serve (OPTIONS: 204 with it).

    Why a route of its own: the router answers an unserved method from the *first* route whose
    path matched, and each method has a route of its own here (one OpenAPI operation each), so
    ``Allow`` named that one route's methods only (``allow: HEAD`` for PUT /sparql). An ASGI
    app, not a function, because only such a route matches every method (a function route
    defaults to GET); registered after the others, it is reached only when none of them serves
    the method."""

    def __init__(self, path: str, allow: str):
        self.path, self.allow = path, allow

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        method = scope["method"]
        if method == "OPTIONS":
            response: Response = Response(status_code=204, headers={"Allow": self.allow})
        else:
            response = HttpProblem(405, f"{method} is not served at {self.path}; use {self.allow}",
                                   {"Allow": self.allow}).response()
        await response(scope, receive, send)


def _other_methods(path: str, allow: str) -> None:
    router.add_route(path, _OtherMethods(path, allow), methods=None, include_in_schema=False)


_other_methods("/sparql", "GET, HEAD, POST")


async def run_update(request: Request, text: str, params: dict[str, list[str]]) -> Response:
    """Apply a SPARQL Update after the token check, on a writable store opened for this write."""
    settings = request.app.state.settings
    try:
        check_token(request)
        if len(text) > settings.max_query_length:
            raise HttpProblem(413, f"update longer than the limit of {settings.max_query_length} characters")
        if params.get("using-graph-uri") or params.get("using-named-graph-uri"):
            raise HttpProblem(400, "using-graph-uri / using-named-graph-uri are not supported; "
                                   "write USING / WITH in the update itself")
        refused = update_problem(settings, text)
        if refused is not None:
            raise refused
        await anyio.to_thread.run_sync(_write, settings, lambda st: st.update(text))
    except HttpProblem as p:
        return p.response()
    return Response(status_code=204)


def protected_graph(settings: Any, graph: str | None) -> str | None:
    """Why ``graph`` may not be written over the Graph Store Protocol or SPARQL Update, or None.

    One rule for both: graph/meta holds the dataset version the store writes with every commit,
    and graph/decisions the curators' decisions, which /api/curation records and applies to the
    data in one update (written elsewhere, a decision would be recorded without being applied,
    or the other way round)."""
    if graph == settings.base_iri + "graph/meta":
        return "graph/meta holds the dataset version and is written by the store only"
    if graph == settings.base_iri + "graph/decisions":
        return ("graph/decisions holds the curators' decisions: make or undo one through /api/curation, which "
                "also applies it to the data")
    return None


def update_problem(settings: Any, text: str) -> HttpProblem | None:
    """Refuse an update that names a protected graph (:func:`protected_graph`), that clears or
    drops every graph, or whose SERVICE clauses call an endpoint the settings do not allow.

    What is checked: every IRI the update writes out or names with a prefix (after its BASE and
    PREFIX declarations), anywhere in the text: in ``GRAPH``, ``WITH``, ``USING``, ``INTO``,
    ``TO`` and ``DROP``/``CLEAR``/``CREATE`` as well as in the data and the WHERE clause (an
    update that only reads a protected graph is refused too: read it with a query); and
    ``DROP``/``CLEAR`` of ``ALL`` or ``NAMED``. Copying, moving or adding into a protected graph
    names it, so it is refused. The limits: this reads the text, it does not run it. A graph
    the update computes (``GRAPH ?g`` bound by ``IRI(CONCAT(…))``, or by ``GRAPH ?g`` over every
    graph in the WHERE clause, as in ``DELETE WHERE { GRAPH ?g { ?s ?p ?o } }``) is not seen, nor
    a name the lexer misreads inside an expression crafted for that (see
    :mod:`graph_api.sparql_text`). Updates need the write token: this guards against mistakes of
    trusted curators, not against a hostile holder of the token.
    """
    clear = clears_every_graph(text)
    if clear is not None:
        return HttpProblem(403, f"{clear} would also clear graph/meta and graph/decisions; drop or clear graphs one by "
                                "one (DROP GRAPH <IRI>)")
    for iri in update_iris(text):
        reason = protected_graph(settings, iri)
        if reason is not None:
            return HttpProblem(403, f"the update names <{iri}>, which SPARQL Update may not touch: {reason}")
    problem = _update_service_problem(settings, text)
    return HttpProblem(400, f"update refused: {problem}") if problem else None


def _update_service_problem(settings: Any, text: str) -> str | None:
    """The SERVICE check of queries (:func:`graph_api.query_exec.federation_problem`) for an
    update, by its text alone: pyoxigraph cannot parse an update without running it, so the
    lexer's reading is not checked by the parser here (a limit for token holders only)."""
    allow = settings.federation_allow
    offsets = keyword_offsets(text, "SERVICE")
    if not offsets or "*" in allow:
        return None
    if not allow:
        return "federated queries (SERVICE) are off on this endpoint (SHEKARA_FEDERATION_ALLOW is empty)"
    prologue = read_prologue(text)
    for offset in offsets:
        target = service_target(text, offset, prologue)
        if target.kind != "iri" or not endpoint_allowed(target.value, allow):
            return f"SERVICE {target.value} is not among the allowed endpoints (SHEKARA_FEDERATION_ALLOW)"
    return None


def _write(settings: Any, action: Any) -> Any:
    """Open the store writable for one write, then close it so readers see the new version.

    The embedded store publishes the new version marker on commit; the read-only views (the
    provider's and the query workers') reopen when they see it.
    """
    from graph_api.store import open_store

    with _write_lock:
        try:
            st = open_store(settings)
        except StoreError as e:
            raise HttpProblem(503, f"the store cannot be opened for writing now: {e}") from e
        try:
            return action(st)
        except QuerySyntaxError as e:
            raise HttpProblem(400, f"update syntax error: {e}") from e
        except StoreError as e:
            raise HttpProblem(500, f"the write failed: {e}") from e
        finally:
            st.close()


# --- service description and the query page ------------------------------------------------------
def service_description_triples(settings: Any) -> list[ox.Triple]:
    endpoint = ox.NamedNode(settings.base_iri + "sparql")
    sd = lambda local: ox.NamedNode(SD + local)  # noqa: E731
    dataset, graph = ox.BlankNode(), ox.BlankNode()
    t = [
        ox.Triple(endpoint, RDF_TYPE, sd("Service")),
        ox.Triple(endpoint, sd("endpoint"), endpoint),
        ox.Triple(endpoint, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(endpoint, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(endpoint, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), graph),
        ox.Triple(graph, RDF_TYPE, sd("Graph")),
        ox.Triple(endpoint, ox.NamedNode("http://rdfs.org/ns/void#sparqlEndpoint"), endpoint),
        ox.Triple(dataset, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
                  ox.NamedNode(settings.base_iri + ".well-known/void")),
    ]
    if settings.write_token:
        t.append(ox.Triple(endpoint, sd("supportedLanguage"), sd("SPARQL11Update")))
    if settings.federation_allow:  # SERVICE works (for the endpoints allowed) only when some are
        t.append(ox.Triple(endpoint, sd("feature"), sd("BasicFederatedQuery")))
    for name in FORMAT_IRIS.values():
        t.append(ox.Triple(endpoint, sd("resultFormat"), ox.NamedNode(FORMATS_NS + name)))
    return t


async def service_description(request: Request) -> Response:
    settings = request.app.state.settings
    offers = [*RDF_OFFERS, HTML_OFFER]
    fmt_param = request.query_params.get("format")
    try:
        if fmt_param:
            fmt = FORMAT_ALIASES.get(fmt_param.lower())
            if fmt not in RDF_FORMATS and fmt != "html":
                raise HttpProblem(400, f"the service description comes as ttl, nt, jsonld or rdfxml, not {fmt_param}")
        else:
            fmt = negotiate(request.headers.get("accept"), offers).format
    except NotAcceptable as e:
        return HttpProblem(406, str(e)).response()
    except HttpProblem as p:
        return p.response()
    if fmt == "html":
        return await render_page(request, "", status=200)
    body = ox.serialize(service_description_triples(settings), format=RDF_FORMATS[fmt].rdf,
                        prefixes={"sd": SD, "formats": FORMATS_NS, "void": "http://rdfs.org/ns/void#"})
    media = _media(fmt) + ("; charset=utf-8" if fmt == "ttl" else "")
    return Response(body, media_type=media, headers={"Vary": "Accept"})


def _display(term: dict[str, Any]) -> dict[str, str]:
    """A SPARQL-JSON term as table cell text (+ link for IRIs); escaping is the template's job."""
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return {"text": value, "href": value, "kind": "iri"}
    if kind == "bnode":
        return {"text": "_:" + value, "kind": "bnode"}
    suffix = f"@{term['xml:lang']}" if "xml:lang" in term else ""
    dt = term.get("datatype", "")
    if dt and not dt.endswith("#string"):
        suffix = "^^" + dt.rsplit("#", 1)[-1] if "#" in dt else "^^" + dt
    return {"text": value, "suffix": suffix, "kind": "literal"}


def _term_cell(t: Any) -> dict[str, str]:
    if isinstance(t, ox.NamedNode):
        return {"text": t.value, "href": t.value, "kind": "iri"}
    if isinstance(t, ox.BlankNode):
        return {"text": "_:" + t.value, "kind": "bnode"}
    if isinstance(t, ox.Literal):
        return _display({"type": "literal", "value": t.value, "datatype": t.datatype.value,
                         **({"xml:lang": t.language} if t.language else {})})
    return {"text": str(t), "kind": "literal"}


async def render_page(request: Request, query: str, *, error: str | None = None, status: int = 200) -> Response:
    """The query page; with a query (and no error) the result is rendered as a table on the server."""
    from graph_api.queries_api import list_queries

    settings = request.app.state.settings
    result: dict[str, Any] | None = None
    if query and error is None:
        try:
            form = query_form(query)
            if form == "graph":
                res = await run_query(request, query, "nt")
                triples = list(ox.parse(res.body, format=ox.RdfFormat.N_TRIPLES))
                result = {"kind": "graph", "vars": ["subject", "predicate", "object"],
                          "rows": [[_term_cell(x.subject), _term_cell(x.predicate), _term_cell(x.object)]
                                   for x in triples]}
            else:
                res = await run_query(request, query, "json")
                data = orjson.loads(res.body)
                if "boolean" in data:
                    result = {"kind": "ask", "boolean": data["boolean"]}
                else:
                    vars_ = data["head"]["vars"]
                    result = {"kind": "select", "vars": vars_,
                              "rows": [[_display(b[v]) if v in b else None for v in vars_]
                                       for b in data["results"]["bindings"]]}
            result["form"] = form
        except QuerySyntaxError as e:
            error, status = f"query syntax error: {e}", 400
        except HttpProblem as p:
            error, status = p.message, p.status
    downloads: list[dict[str, str]] = []
    if query and error is None and result is not None:
        names = list(RDF_FORMATS) if result["form"] == "graph" else list(RESULT_FORMATS)
        downloads = [{"name": n, "href": "/sparql?" + urlencode({"query": query, "format": n})} for n in names]
    examples = []
    for q in list_queries(settings.queries):
        examples.append({**q.summary(), "text": q.text})
    html = _env.get_template("sparql.html").render(
        query=query, error=error, result=result, downloads=downloads, examples=examples,
        examples_json=orjson.dumps(examples).decode().replace("<", "\\u003c"),
        endpoint=settings.base_iri + "sparql", row_limit=settings.query_row_limit,
        timeout=settings.query_timeout)
    return HTMLResponse(html, status_code=status, headers={"Vary": "Accept"})


# --- Graph Store Protocol --------------------------------------------------------------------------
_INPUT_FORMATS = {o.media_type: o.format for o in RDF_OFFERS}


def _target_graph(request: Request) -> str | None:
    """The graph IRI of a GSP request, or None for ?default."""
    params = request.query_params
    if "graph" in params and "default" in params:
        raise HttpProblem(400, "give either ?graph=IRI or ?default, not both")
    if "default" in params:
        return None
    if "graph" not in params:
        raise HttpProblem(400, "name the graph: ?graph=IRI or ?default")
    return _check_iris([params["graph"]], "graph")[0]


@router.get("/rdf-graph-store", tags=["sparql"], operation_id="graph_store_get",
            summary="Graph Store Protocol: read one graph (?default = the union of all graphs)")
@router.head("/rdf-graph-store", include_in_schema=False)
async def gsp_get(request: Request) -> Response:
    try:
        graph = _target_graph(request)
        fmt = choose_format(request, "graph", request.query_params.get("format"), allow_html=False)
        cap = request.app.state.settings.query_max_bytes
        too_big = (f"the graph is larger than the size limit of {cap} bytes (SHEKARA_QUERY_MAX_BYTES); "
                   "read it graph by graph (?graph=IRI), page through /sparql, or take a dump (`shekara export`)")
        if graph is None:
            try:
                res = await run_query(request, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", fmt)
            except HttpProblem as p:
                raise (HttpProblem(422, too_big) if p.status == 422 else p) from None
            body = res.body
        else:
            store = request.app.state.stores.get()
            quads = await anyio.to_thread.run_sync(store.graph_quads, graph)
            if not quads:
                raise HttpProblem(404, f"no graph {graph} in the store")
            body = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                                format=RDF_FORMATS[fmt].rdf)
            if len(body) > cap:  # (one document's graph is small; a graph loaded whole may not be)
                raise HttpProblem(422, too_big)
    except HttpProblem as p:
        return p.response()
    # The body goes for HEAD too: its Content-Length is the GET's, and the server sends no body.
    return Response(body, media_type=_media(fmt), headers={"Vary": "Accept"})


@router.put("/rdf-graph-store", tags=["sparql"], operation_id="graph_store_put",
            summary="Graph Store Protocol: replace a graph (bearer token)")
@router.post("/rdf-graph-store", tags=["sparql"], operation_id="graph_store_post",
             summary="Graph Store Protocol: add to a graph (bearer token)")
@router.delete("/rdf-graph-store", tags=["sparql"], operation_id="graph_store_delete",
               summary="Graph Store Protocol: drop a graph (bearer token)")
async def gsp_write(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        check_token(request)
        graph = _target_graph(request)
        reason = protected_graph(settings, graph)
        if reason is not None:
            raise HttpProblem(403, reason)
        triples: list[ox.Triple] = []
        if request.method != "DELETE":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            name = _INPUT_FORMATS.get(ctype)
            if name is None:
                raise HttpProblem(415, f"cannot read {ctype or 'a body without Content-Type'}; send Turtle, "
                                       "N-Triples, JSON-LD or RDF/XML")
            body = await read_body(request, settings.max_request_bytes)
            try:
                for q in ox.parse(body, format=RDF_FORMATS[name].rdf, base_iri=graph or settings.base_iri):
                    triples.append(ox.Triple(q.subject, q.predicate, q.object))
            except SyntaxError as e:
                raise HttpProblem(400, f"cannot parse the body: {e}") from e
        method = request.method

        def action(st: Any) -> int:
            existed = graph is None or graph in st.named_graphs()
            if method == "DELETE":
                if not existed:
                    raise HttpProblem(404, f"no graph {graph} in the store")
                if graph is None:
                    st.update("CLEAR SILENT DEFAULT")
                else:
                    st.drop_graph(graph)
                return 204
            if graph is None:
                data = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
                clear = "CLEAR SILENT DEFAULT ;\n" if method == "PUT" else ""
                st.update(f"{clear}INSERT DATA {{\n{data}\n}}")
            elif method == "PUT":
                st.replace_graph(graph, triples)
            elif triples:
                st.insert(graph, triples)
            return 204 if existed else 201

        status = await anyio.to_thread.run_sync(_write, settings, action)
    except HttpProblem as p:
        return p.response()
    return Response(status_code=status)


_other_methods("/rdf-graph-store", "GET, HEAD, PUT, POST, DELETE")
