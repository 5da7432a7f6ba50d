"""The hot read paths, answered before FastAPI's router: ``/sparql`` GET, ``/api/search`` and
entity pages and JSON already rendered for the current dataset version.

On a sub-millisecond answer the framework is most of the cost: matching the path against every
route, resolving and validating parameters, a thread-pool hop for a sync handler. This layer
sits inside CORS and gzip (so those apply to its answers exactly as to every other) and outside
the router. It answers only what it can answer exactly as the route would, and hands everything
else — malformed parameters (the route gives the 422), a search index still to be built, a page
not yet rendered, a ``lang`` switch that sets a cookie — to the app unchanged:

- ``GET|HEAD|POST /sparql`` goes straight to :func:`graph_api.sparql.sparql_get` or
  :func:`~graph_api.sparql.sparql_post`, the routes' own handlers (same negotiation, errors,
  updates with their token check, and executor);
- ``GET /api/search`` with well-formed parameters and a search index in step with the store is
  answered on the event loop (the index lookup is ~0.1 ms of SQLite) by
  :func:`graph_api.api.search_body`, the route's own code, and kept per index version
  (autocomplete repeats prefixes);
- ``GET /page/{kind}/{slug}``, ``/api/entities/{kind}/{slug}`` and ``/api/crossborder/{kind}/{slug}``
  whose answer for this dataset version, query and language is in :mod:`graph_api.answer_cache`
  (the routes put it there) are sent as stored, gzip-compressed once per answer.

Set ``SHEKARA_FAST_PATH=false`` to send everything through the router (the tests compare both).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl

from fastapi import HTTPException
from fastapi.exception_handlers import http_exception_handler
from starlette.requests import Request, cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from graph_api import answer_cache, api, i18n, pages, sparql
from ingest.vocab import KINDS

SEARCH_KINDS = frozenset(api.KindName.__args__)  # type: ignore[attr-defined]
Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
ANSWERED: Counter[str] = Counter()  # answers given here, by path kind (for tests and diagnosis)


def _headers(scope: Scope) -> dict[bytes, bytes]:
    """Request headers by lower-case name; of a repeated header the first, as Starlette reads it."""
    return dict(reversed(scope["headers"]))


def _text(headers: dict[bytes, bytes], name: bytes) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value is not None else None


PAGE_VARY = pages.PAGE_VARY.encode()
JSON_VARY = api.JSON_VARY.encode()


def _encoded(headers: dict[bytes, bytes], hit: answer_cache.CachedAnswer,
             out: list[tuple[bytes, bytes]], vary: bytes) -> Answer:
    """``hit`` gzip-compressed (once per answer) where GZipMiddleware would compress it, with
    the Vary the route sends (what picked the language) and, when compressed, Accept-Encoding."""
    if b"gzip" in headers.get(b"accept-encoding", b"") and len(hit.body) >= 1024:
        out += [(b"content-encoding", b"gzip"), (b"vary", vary + b", Accept-Encoding")]
        return hit.status, out, hit.gzipped()
    out.append((b"vary", vary))
    return hit.status, out, hit.body


def _single(items: list[tuple[str, str]]) -> dict[str, str] | None:
    """Query parameters as a dict, or None when one is repeated (the router's rules decide then)."""
    out = dict(items)
    return out if len(out) == len(items) else None


class FastPath:
    def __init__(self, app: ASGIApp, enabled: bool = True):
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.enabled and scope["type"] == "http":
            method, path = scope["method"], scope["path"]
            if path == "/sparql" and method in ("GET", "HEAD", "POST"):
                # POST is the route's own handler too (updates and their token check included)
                handler = sparql.sparql_post if method == "POST" else sparql.sparql_get
                if await self._handle(handler, scope, receive, send):
                    ANSWERED["sparql"] += 1
                    return
            elif method == "GET":
                kind, answer = None, None
                if path == "/api/search":
                    kind, answer = "search", self._search(scope)
                elif path.startswith("/page/"):
                    kind, answer = "page", self._page(scope)
                elif path.startswith(("/api/entities/", "/api/crossborder/")):
                    kind, answer = "entity", self._entity(scope)
                if answer is not None:
                    ANSWERED[kind] += 1  # type: ignore[index]
                    await self._send(send, *answer)
                    return
        await self.app(scope, receive, send)

    async def _handle(self, handler: Callable[[Request], Awaitable[Any]], scope: Scope, receive: Receive,
                      send: Send) -> bool:
        """Run a route's own handler without the router; False hands the request back to the app
        (an HTTPException is the app's to turn into its answer). A request whose body was read
        cannot be handed on (the router would wait for a body that is gone), so such an
        exception is answered here, the way FastAPI's default handler answers it."""
        request = Request(scope, receive)
        try:
            response = await handler(request)
        except HTTPException as e:
            if scope["method"] != "POST":
                return False
            response = await http_exception_handler(request, e)
        await response(scope, receive, send)
        return True

    @staticmethod
    async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _search(self, scope: Scope) -> Answer | None:
        params = _single(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True))
        if params is None:
            return None
        q, limit, kind, lang = params.get("q"), params.get("limit", "10"), params.get("type"), params.get("lang")
        if q is None or not 1 <= len(q) <= 200 or not (limit.isascii() and limit.isdigit()) or int(limit) < 1:
            return None
        if (kind is not None and kind not in SEARCH_KINDS) or (lang is not None and len(lang) > 35):
            return None
        state = scope["app"].state
        holder = getattr(state, "search_index_holder", None)
        if holder is None:
            return None
        store = state.stores.current()
        index = holder.current(store) if store is not None else None
        if index is None:  # a view to open or an index to (re)build: the route does that off the event loop
            return None
        settings = state.settings
        headers = _headers(scope)
        language = _text(headers, b"accept-language")
        key = answer_cache.answer_key(scope["path"], list(params.items()), language, settings.base_iri, index.version)
        hit = answer_cache.SEARCHES.get(key)  # autocomplete asks the same prefixes again and again
        if hit is None:
            body = api.search_body(settings, index, q, int(limit), kind, api.chain_for(settings, lang, language))
            hit = answer_cache.SEARCHES.put(key, body, 200)
        return _encoded(headers, hit, [(b"content-type", b"application/json")], JSON_VARY)

    def _page(self, scope: Scope) -> Answer | None:
        parts = scope["path"].split("/")
        if len(parts) != 4 or parts[2] not in KINDS:
            return None
        items = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        if any(name == "lang" for name, _ in items):  # the route also sets the language cookie
            return None
        headers = _headers(scope)
        cookie = _text(headers, b"cookie")
        lang = i18n.choose_language(None, cookie_parser(cookie).get(pages.COOKIE) if cookie else None,
                                    _text(headers, b"accept-language"))
        return self._cached(scope, headers, answer_cache.PAGES, items, lang,
                            [(b"content-type", b"text/html; charset=utf-8"), (b"content-language", lang.encode())],
                            PAGE_VARY)

    def _entity(self, scope: Scope) -> Answer | None:
        if len(scope["path"].split("/")) != 5:
            return None
        items = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        headers = _headers(scope)
        return self._cached(scope, headers, answer_cache.ENTITIES, items, _text(headers, b"accept-language"),
                            [(b"content-type", b"application/json")], JSON_VARY)

    @staticmethod
    def _cached(scope: Scope, headers: dict[bytes, bytes], cache: answer_cache.AnswerCache,
                items: list[tuple[str, str]], language: str | None, out: list[tuple[bytes, bytes]],
                vary: bytes) -> Answer | None:
        """The answer the route cached for this version, query and language, if any."""
        state = scope["app"].state
        store = state.stores.current()
        if store is None:  # a write moved the version: the route opens the new view off the event loop
            return None
        key = answer_cache.answer_key(scope["path"], items, language, state.settings.base_iri, store.version())
        hit = cache.get(key)
        return _encoded(headers, hit, out, vary) if hit is not None else None
