"""The HTTP application: ``create_app(settings)`` builds it; ``shekara serve`` runs it with uvicorn.

Contract between the parts of the service (each part is a router that reads what it needs
from ``app.state``; none opens the store itself):

- ``app.state.settings``  — the :class:`~graph_api.settings.Settings` the app was built with;
- ``app.state.stores``    — a :class:`~graph_api.store.provider.StoreProvider`; ``.get()`` returns
  a read-only :class:`~graph_api.store.Store` view that follows committed writes;
- ``app.state.executor``  — the :class:`~graph_api.query_exec.QueryExecutor`: every SPARQL query
  that may be slow or large goes through ``await executor.run_async(query, fmt, …)`` (deadline,
  row limit, worker processes). It is closed on shutdown.

Routers: ``graph_api.sparql`` (``/sparql``, ``/rdf-graph-store``), ``graph_api.linked_data``
(``/id``, ``/graph``, ``/dataset``, ``/data``, ``/.well-known/void``, ``/dump.nq.gz``, ``/ontology``,
``/context.jsonld``), ``graph_api.queries_api`` (``/api/queries``), ``graph_api.curation_api``
(``/api/curation``), and — when their modules are
present — ``graph_api.api`` (the JSON API) and ``graph_api.pages`` (the HTML pages), each
exposing ``router``. ``/static`` serves ``graph_api/static``; ``/docs`` (Swagger UI) and ``/redoc``
load their files from ``/docs/assets``, served from the installed ``fastapi-offline`` package,
never from a CDN. CORS (any origin, preflight cached
for ``settings.cors_max_age`` seconds) and gzip wrap everything, error answers included; inside
them :class:`~graph_api.fastpath.FastPath` answers the hottest reads without the router.
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from graph_api import __version__
from graph_api.fastpath import FastPath
from graph_api.query_exec import QueryExecutor
from graph_api.settings import Settings, get_settings
from graph_api.store.provider import StoreProvider

GZIP_LEVEL = 1  # per-request compression (see create_app)

STATIC = Path(__file__).resolve().parent / "static"
DOCS_STATIC = Path(fastapi_offline.__file__).resolve().parent / "static"
"""Swagger UI 5 and ReDoc 2, as installed with the ``fastapi-offline`` package."""
DOCS_ASSETS = "/docs/assets"
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'")
"""The documentation pages may load from this service only: ReDoc's sidebar asks a CDN for its
maker's logo, which the browser then never requests (the image hides itself when it fails)."""
OPTIONAL_ROUTERS = ("graph_api.api", "graph_api.pages")

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    stores = StoreProvider(settings)
    executor = QueryExecutor(settings, stores)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            executor.close()

    app = FastAPI(title="Shekara", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="SPARQL, Linked Data and a JSON browsing API over a knowledge graph of the "
                              "cross-border links between Russia and Kazakhstan.")
    app.state.settings = settings
    app.state.stores = stores
    app.state.executor = executor

    from graph_api import curation_api, linked_data, queries_api, sparql

    app.include_router(sparql.router)
    app.include_router(curation_api.router)
    app.include_router(linked_data.router)
    app.include_router(queries_api.router)
    for name in OPTIONAL_ROUTERS:
        try:
            module = importlib.import_module(name)
        except ImportError as e:
            if e.name != name:  # the module exists but something it needs does not: say so
                log.warning("not serving %s: %s", name, e)
            continue
        app.include_router(module.router)

    STATIC.mkdir(exist_ok=True)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    add_docs(app)

    app.add_middleware(FastPath, enabled=settings.fast_path)  # innermost: gzip and CORS apply to it too
    # Level 1: answers compressed per request cost CPU on every request. On a 75 kB SPARQL JSON
    # answer level 1 took 85 us against 198 us at level 5, for 3.3 kB against 2.9 kB. Answers kept
    # in the answer cache are compressed once, at level 5 (``answer_cache``).
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=GZIP_LEVEL)
    app.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
        allow_headers=["*"], expose_headers=["ETag", "Last-Modified", "Content-Location", "Location", "Link"],
        max_age=settings.cors_max_age)
    return app


def add_docs(app: FastAPI) -> None:
    """``/docs`` (Swagger UI) and ``/redoc`` with their scripts, styles and icon served by the app.

    FastAPI's own pages load them from a CDN, so without internet they stay blank; the service
    must work offline and fetch nothing at run time, so the files come from an installed package.
    """
    app.mount(DOCS_ASSETS, StaticFiles(directory=str(DOCS_STATIC)), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"
    oauth2_redirect = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"
    favicon = f"{DOCS_ASSETS}/favicon.png"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=openapi_url, title=f"{app.title} - Swagger UI", oauth2_redirect_url=oauth2_redirect,
            swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js", swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=favicon,
            # no badge from the online validator (it would send the API description to another host)
            swagger_ui_parameters={**(app.swagger_ui_parameters or {}), "validatorUrl": None})
        page.headers["Content-Security-Policy"] = DOCS_CSP
        return page

    @app.get(oauth2_redirect, include_in_schema=False)
    def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        page = get_redoc_html(openapi_url=openapi_url, title=f"{app.title} - ReDoc",
                              redoc_js_url=f"{DOCS_ASSETS}/redoc.standalone.js", redoc_favicon_url=favicon,
                              with_google_fonts=False)
        page.headers["Content-Security-Policy"] = DOCS_CSP
        return page
