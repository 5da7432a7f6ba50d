"""The one configuration of Shekara.

Every limit the service enforces is a named setting here, documented in its ``description``;
``tests/test_settings.py`` fails when one is not documented in the README as well. Values come
from the environment (prefix ``SHEKARA_``), so a deployment never edits code.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parents[1]
"""The checkout: ontology/, data/ and queries/ live beside the packages."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHEKARA_", extra="ignore")

    store: Path = Field(ROOT / "data" / "store", description="Directory of the embedded Oxigraph store.")
    base_iri: str = Field("http://127.0.0.1:8000/", description="Base of every minted IRI (entities, documents, graphs).")
    backend: Literal["embedded", "sparql"] = Field(
        "embedded", description="Store backend: the embedded Oxigraph store or a remote SPARQL 1.1 server.")
    sparql_query_url: str | None = Field(None, description="Remote backend: SPARQL 1.1 query endpoint.")
    sparql_update_url: str | None = Field(None, description="Remote backend: SPARQL 1.1 update endpoint.")
    sparql_gsp_url: str | None = Field(None, description="Remote backend: Graph Store Protocol endpoint.")
    sparql_auth_header: str | None = Field(
        None, description="Remote backend: value of the Authorization header sent with every request.")
    sparql_union_default_graph: bool = Field(
        False, description="Remote backend: the server already answers with the union of all graphs as default graph.")

    corpus: Path = Field(ROOT / "data" / "corpus", description="Documents ingested when `shekara ingest` gets no path.")
    authority: Path = Field(ROOT / "data" / "authority", description="Folder of the name authority Turtle files.")
    ontology: Path = Field(ROOT / "ontology", description="Folder of shekara.ttl, shapes.ttl and context.jsonld.")
    queries: Path = Field(ROOT / "queries", description="Folder of the researchers' SPARQL queries (*.rq).")
    search_index: Path | None = Field(
        None, description="SQLite file of the label search index (default: search.sqlite inside the store directory).")

    languages: list[str] = Field(["kk", "ru", "en"], description="Label fallback order after the requested language.")
    max_document_bytes: int = Field(50 * 1024 * 1024, description="Largest document ingest accepts, in bytes.")
    ingest_batch_size: int = Field(16, description="Documents per nlp.pipe batch during ingest.")

    query_timeout: float = Field(30.0, description="Seconds a SPARQL query may run before it is stopped (HTTP 503).")
    query_row_limit: int = Field(10000, description="Most rows a SELECT returns; more gives an error, never a silent cut.")
    query_max_bytes: int = Field(64 << 20, ge=1024, description="Largest query result once serialised, in bytes (any form, "
                                                               "CONSTRUCT and DESCRIBE too); more gives an error, never a silent cut.")
    query_stream_bytes: int = Field(262144, ge=0, description="/sparql sends an answer in parts as the engine writes it, as the "
                                    "Oxigraph server does, once this many bytes are ready and the query's own LIMIT keeps it "
                                    "within the row cap (CONSTRUCT and DESCRIBE too); smaller answers go whole. An error after "
                                    "the first part ends the connection before the chunked body's end. 0 = always whole.")
    query_workers: int = Field(1, ge=1, description="Worker processes that evaluate SPARQL queries (each can be ended).")
    query_threads: int = Field(8, ge=1, description="Queries each worker process runs at once, over one shared read-only "
                                                    "view (one block cache); the service runs workers × threads queries at once.")
    max_request_bytes: int = Field(1024 * 1024, description="Largest request body (query, update, upload) accepted.")
    max_query_length: int = Field(100_000, description="Longest SPARQL query text accepted, in characters.")
    page_size: int = Field(50, description="Default number of items per page in the JSON API.")
    max_page_size: int = Field(500, description="Largest page the JSON API returns.")
    federation_allow: list[str] = Field(
        [], description="Endpoints a query's SERVICE clauses may call (federated query), as IRI prefixes, e.g. "
                        '["https://query.wikidata.org/sparql"]; ["*"] = any endpoint, a variable one too; '
                        "empty = federation off. Any other SERVICE is refused (HTTP 400) before anything is sent.")
    write_token: str | None = Field(
        None, description="Bearer token for SPARQL Update, the Graph Store Protocol and ingest over HTTP; unset = read-only.")
    fast_path: bool = Field(True, description="Answer /sparql GET, /api/search and already rendered entity pages and JSON before the "
                                              "router (graph_api/fastpath.py); off = every request through FastAPI.")
    access_log: bool = Field(True, description="Log one line per HTTP request (off saves ~0.1 ms a request).")
    cors_max_age: int = Field(3600, description="Seconds browsers may cache a CORS preflight answer.")
    license: str = Field("https://creativecommons.org/licenses/by/4.0/", description="Licence of the published dataset.")

    @field_validator("base_iri")
    @classmethod
    def _slash(cls, v: str) -> str:
        return v if v.endswith("/") else v + "/"

    @field_validator("federation_allow")
    @classmethod
    def _endpoints(cls, v: list[str]) -> list[str]:
        """Each entry is ``*`` or an http(s) IRI with a host: a typo must not widen the list (a
        bare ``http`` would allow every http endpoint)."""
        from urllib.parse import urlsplit

        for entry in v:
            if entry == "*":
                continue
            parts = urlsplit(entry)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"federation_allow: {entry!r} is neither * nor an http(s) IRI with a host")
        return v

    @property
    def search_index_path(self) -> Path:
        return self.search_index or (self.store / "search.sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
