"""The remote backend: any SPARQL 1.1 server behind the same ``Store`` interface.

Reads go through the SPARQL 1.1 Protocol, whole-graph writes through the Graph Store Protocol
(one PUT per document graph, so a document is replaced atomically), bulk loads as streamed
POSTs. Answers are parsed back into pyoxigraph objects so callers cannot tell the backends apart.

Two things the protocol does not give for free, and how they are done here:

* **The union default graph.** The contract says a query's default graph is the union of all
  graphs. Servers differ: Oxigraph answers over its own default graph unless asked with its
  ``union-default-graph`` parameter (detected from the ``Server`` header); GraphDB and Virtuoso
  already answer over the union (set ``SHEKARA_SPARQL_UNION_DEFAULT_GRAPH=true``); for any other
  server every named graph is sent as ``default-graph-uri`` and ``named-graph-uri`` (listed once
  per dataset version).
* **Substitutions.** Remote servers have no pre-binding, so bound variables are rewritten in the
  query text: occurrences in the graph pattern become the term itself (serialised and escaped by
  pyoxigraph, never by us), and a ``VALUES`` block at the top of the WHERE clause keeps the
  variable bound for the projection and the solution modifiers. Only lexical tokens that are
  variables are touched; strings, IRIs and comments of the query are never looked into.
"""
from __future__ import annotations

import gzip
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox

from ingest.vocab import SHK

from graph_api.sparql_text import Tok as _Tok, tokens as _tokens

from .base import QuerySyntaxError, ReadOnlyError, Statistics, Store, StoreError, Substitutions

VERSION_PREDICATE = SHK.datasetVersion
CHUNK_QUADS = 20_000
"""Quads serialised per chunk of a streamed POST body: bounds client memory during a load."""

UnionMode = Literal["auto", "native", "oxigraph", "dataset"]


# --- query text -----------------------------------------------------------------------------


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the kind of answer to ask the server for."""
    for t in _tokens(sparql):
        if t.kw in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return t.kw
    raise QuerySyntaxError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


def _term_text(name: str, term: Any) -> str:
    if isinstance(term, ox.BlankNode):
        raise StoreError(f"cannot bind ?{name} to a blank node on a remote store: blank nodes are local to a server")
    if not isinstance(term, (ox.NamedNode, ox.Literal)):
        raise StoreError(f"?{name} must be bound to a NamedNode or a Literal, not {type(term).__name__}")
    return str(term)  # N-Triples form, escaped by pyoxigraph


def substitute(sparql: str, substitutions: Substitutions) -> str:
    """Bind variables in the query text (see the module docstring); the result is a query string."""
    subs: dict[str, str] = {}
    for name, term in substitutions.items():
        ox.Variable(name)  # rejects names that are not SPARQL variable names
        if not re.fullmatch(r"[A-Za-z0-9_\u00B7\u00C0-\uFFFF]+", name):
            raise StoreError(f"invalid variable name {name!r}")
        subs[name] = _term_text(name, term)
    if not subs:
        return sparql
    toks = _tokens(sparql)

    def sig(i: int) -> int:
        """Index of the next significant token at or after i."""
        while i < len(toks) and toks[i].kind in ("ws", "comment"):
            i += 1
        return i

    form_i = next((i for i, t in enumerate(toks) if t.kw in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), None)
    if form_i is None:
        raise QuerySyntaxError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")
    form = toks[form_i].kw
    out = [t.text for t in toks]

    def name_of(t: _Tok) -> str | None:
        return t.text[1:] if t.kind == "var" and t.text[1:] in subs else None

    def prev_sig(i: int) -> _Tok | None:
        j = i - 1
        while j >= 0 and toks[j].kind in ("ws", "comment"):
            j -= 1
        return toks[j] if j >= 0 else None

    # 1. The head: projection of SELECT/DESCRIBE stays (VALUES binds it), a CONSTRUCT template is
    #    rewritten (constants are allowed there).
    i = form_i + 1
    group_open: int | None = None
    if form == "CONSTRUCT":
        j = sig(i)
        if j < len(toks) and toks[j].text == "{":  # template
            depth = 0
            while j < len(toks):
                t = toks[j]
                if t.text == "{":
                    depth += 1
                elif t.text == "}":
                    depth -= 1
                    if depth == 0:
                        break
                elif name_of(t):
                    out[j] = subs[name_of(t)]  # type: ignore[index]
                j += 1
            i = j + 1
            short_form = False
        else:
            short_form = True
    else:
        short_form = False
    while i < len(toks) and toks[i].text != "{":
        i += 1
    if i >= len(toks):
        if form == "DESCRIBE":  # DESCRIBE ?x without a pattern: the variable becomes the IRI
            for k in range(form_i + 1, len(toks)):
                if name_of(toks[k]):
                    out[k] = subs[name_of(toks[k])]  # type: ignore[index]
            return "".join(out)
        raise QuerySyntaxError("the query has no WHERE clause")
    group_open = i

    # 2. The WHERE group: variables become terms, except where SPARQL wants a variable: AS
    #    targets, BOUND(), inline VALUES heads, and a sub-SELECT's modifiers (GROUP/ORDER BY);
    #    a bare variable in a sub-SELECT projection becomes ``(term AS ?v)``.
    depth = 0
    paren = 0
    mode: list[str] = []  # "proj" (sub-SELECT projection) / "values" (inline VALUES head)
    sub_depths: list[int] = []  # brace depth where a closed sub-SELECT's modifiers are
    j = group_open
    while j < len(toks):
        t = toks[j]
        if t.text == "{":
            if mode:
                if mode.pop() == "proj":
                    sub_depths.append(depth)
            depth += 1
        elif t.text == "}":
            depth -= 1
            if depth == 0:
                break
            while sub_depths and depth < sub_depths[-1]:
                sub_depths.pop()
        elif t.text == "(":
            paren += 1
        elif t.text == ")":
            paren -= 1
        elif t.kw == "SELECT":
            mode.append("proj")
            paren = 0
        elif t.kw == "VALUES":
            mode.append("values")
        elif (name := name_of(t)) is not None:
            before = prev_sig(j)
            keep = ((before is not None and before.kw == "AS") or _is_bound_arg(toks, j)
                    or (bool(mode) and mode[-1] == "values"))
            if keep:
                pass
            elif sub_depths and depth == sub_depths[-1]:
                out[j] = f"({subs[name]})"  # GROUP BY / ORDER BY take a bracketed expression
            elif mode and mode[-1] == "proj":
                out[j] = f"({subs[name]} AS {t.text})" if paren == 0 else subs[name]
            else:
                out[j] = subs[name]
        j += 1

    if not short_form:
        names = list(subs)
        values = (" VALUES (" + " ".join("?" + n for n in names) + ") { ("
                  + " ".join(subs[n] for n in names) + ") }\n")
        first = sig(group_open + 1)
        if first < len(toks) and toks[first].kw == "SELECT" and j < len(toks):
            # A group holding a sub-SELECT may hold nothing else: nest it one level down.
            out[group_open] = "{" + values + "{"
            out[j] = "}}"
        else:
            out[group_open] = "{" + values
    return "".join(out)


def _is_bound_arg(toks: list[_Tok], j: int) -> bool:
    """True for the variable of ``BOUND(?x)``, which SPARQL requires to stay a variable."""
    k = j - 1
    while k >= 0 and toks[k].kind in ("ws", "comment"):
        k -= 1
    if k < 0 or toks[k].text != "(":
        return False
    k -= 1
    while k >= 0 and toks[k].kind in ("ws", "comment"):
        k -= 1
    return k >= 0 and toks[k].kw == "BOUND"


# --- the store ------------------------------------------------------------------------------
class RemoteStore(Store):
    """A SPARQL 1.1 server (query, update and Graph Store endpoints) as a Shekara store."""

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        gsp_url: str | None = None,
        *,
        base_iri: str,
        auth_header: str | None = None,
        union_mode: UnionMode = "auto",
        read_only: bool = False,
        timeout: float = 120.0,
    ):
        self.query_url = query_url
        self.update_url = update_url
        self.gsp_url = gsp_url
        self.base_iri = base_iri
        self.read_only = read_only or update_url is None
        self._union_mode: UnionMode = union_mode
        self._version_node = ox.NamedNode(base_iri + "dataset")
        self._meta_graph = ox.NamedNode(base_iri + "graph/meta")
        headers = {"User-Agent": "shekara"}
        if auth_header:
            headers["Authorization"] = auth_header
        self._client = httpx.Client(headers=headers, timeout=httpx.Timeout(timeout, connect=10.0))
        self._graphs_cache: tuple[str, list[str]] | None = None

    @classmethod
    def from_settings(cls, settings: Any, *, read_only: bool = False) -> RemoteStore:
        if not settings.sparql_query_url:
            raise StoreError("backend 'sparql' needs SHEKARA_SPARQL_QUERY_URL")
        return cls(
            settings.sparql_query_url,
            settings.sparql_update_url,
            settings.sparql_gsp_url,
            base_iri=settings.base_iri,
            auth_header=settings.sparql_auth_header,
            union_mode="native" if settings.sparql_union_default_graph else "auto",
            read_only=read_only,
        )

    # --- HTTP ----------------------------------------------------------------------------
    def _send(self, method: str, url: str, **kw: Any) -> httpx.Response:
        try:
            r = self._client.request(method, url, **kw)
        except httpx.HTTPError as e:
            raise StoreError(f"SPARQL server unreachable at {url}: {e}") from e
        return r

    @staticmethod
    def _raise_for(r: httpx.Response, what: str, syntax: bool = False) -> None:
        if r.is_success:
            return
        message = r.text.strip().splitlines()[0] if r.text.strip() else r.reason_phrase
        if syntax and r.status_code == 400:
            raise QuerySyntaxError(r.text.strip() or message)
        if r.status_code in (401, 403):
            raise StoreError(f"{what}: the server refused the credentials ({r.status_code}): {message}")
        raise StoreError(f"{what}: HTTP {r.status_code}: {message}")

    def _detect_union_mode(self) -> UnionMode:
        if self._union_mode == "auto":
            r = self._send("GET", self.query_url, params={"query": "ASK {}"})
            server = r.headers.get("server", "")
            self._union_mode = "oxigraph" if server.lower().startswith("oxigraph") else "dataset"
        return self._union_mode

    def _dataset_params(self, default_graph: list[str] | None, named_graphs: list[str] | None,
                        sparql: str = "") -> list[tuple[str, str]]:
        if default_graph or named_graphs:
            params = [("default-graph-uri", g) for g in (default_graph or [])]
            params += [("named-graph-uri", g) for g in (named_graphs or self.named_graphs())]
            return params
        from graph_api.query_exec import dataset_clause  # (the reader of query texts; it imports this module)

        if sparql and dataset_clause(sparql):
            return []  # the query names its own dataset (FROM / FROM NAMED): protocol parameters would replace it
        mode = self._detect_union_mode()
        if mode == "native":
            return []
        if mode == "oxigraph":
            return [("union-default-graph", "")]
        graphs = self._cached_graphs()
        return [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]

    def _cached_graphs(self) -> list[str]:
        v = self.version()
        if self._graphs_cache is None or self._graphs_cache[0] != v:
            self._graphs_cache = (v, self.named_graphs())
        return self._graphs_cache[1]

    def _post_query(self, sparql: str, accept: str, dataset: list[tuple[str, str]]) -> httpx.Response:
        body = urlencode([("query", sparql), *dataset]).encode("utf-8")
        r = self._send("POST", self.query_url, content=body,
                       headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        self._raise_for(r, "query", syntax=True)
        return r

    def _raw_select(self, sparql: str) -> ox.QuerySolutions:
        """A query of our own over the server's real dataset (GRAPH patterns see every graph)."""
        r = self._post_query(sparql, "application/sparql-results+json", [])
        return ox.parse_query_results(r.content, format=ox.QueryResultsFormat.JSON)

    # --- reading -------------------------------------------------------------------------
    def _prepare(self, sparql: str, substitutions: Substitutions | None) -> tuple[str, str]:
        form = query_form(sparql)
        if substitutions:
            sparql = substitute(sparql, substitutions)
        return sparql, form

    def query(self, sparql: str, *, substitutions: Substitutions | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None) -> Any:
        text, form = self._prepare(sparql, substitutions)
        dataset = self._dataset_params(default_graph, named_graphs, text)
        if form in ("CONSTRUCT", "DESCRIBE"):
            r = self._post_query(text, "application/n-triples", dataset)
            # A local in-memory store turns the triples into a genuine ``QueryTriples``.
            local = ox.Store()
            try:
                local.bulk_extend(ox.Quad(t.subject, t.predicate, t.object)
                                  for t in ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES))
            except SyntaxError as e:
                raise StoreError(f"the server's answer does not parse: {e}") from e
            return local.query("CONSTRUCT WHERE { ?s ?p ?o }")
        r = self._post_query(text, "application/sparql-results+json", dataset)
        try:
            return ox.parse_query_results(r.content, format=ox.QueryResultsFormat.JSON)
        except SyntaxError as e:
            raise StoreError(f"the server's answer does not parse: {e}") from e

    def query_serialized(self, sparql: str, fmt: ox.QueryResultsFormat | ox.RdfFormat, **kwargs: Any) -> bytes:
        """Ask the server for ``fmt`` directly: no parse and re-serialise on our side."""
        text, form = self._prepare(sparql, kwargs.get("substitutions"))
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        if graph_form and not isinstance(fmt, ox.RdfFormat):
            raise StoreError("CONSTRUCT/DESCRIBE results need an RDF format")
        if not graph_form and isinstance(fmt, ox.RdfFormat):
            raise StoreError("SELECT/ASK results need a SPARQL results format")
        dataset = self._dataset_params(kwargs.get("default_graph"), kwargs.get("named_graphs"), text)
        return self._post_query(text, fmt.media_type, dataset).content

    def named_graphs(self) -> list[str]:
        rows = self._raw_select("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }")
        return sorted(r["g"].value for r in rows if isinstance(r["g"], ox.NamedNode))

    def graph_quads(self, graph: str) -> list[ox.Quad]:
        g = ox.NamedNode(graph)
        if self.gsp_url:
            r = self._send("GET", self.gsp_url, params={"graph": graph}, headers={"Accept": "application/n-triples"})
            if r.status_code == 404:
                return []
            self._raise_for(r, f"read graph {graph}")
            return [ox.Quad(t.subject, t.predicate, t.object, g)
                    for t in ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES)]
        r = self._post_query(f"CONSTRUCT WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}", "application/n-triples", [])
        return [ox.Quad(t.subject, t.predicate, t.object, g) for t in ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES)]

    def export(self, output: IO[bytes], fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        if not fmt.supports_datasets:
            raise StoreError(f"{fmt.name} cannot hold named graphs; use N-Quads or TriG")
        if not self.gsp_url:
            raise StoreError("export needs the Graph Store Protocol endpoint (SHEKARA_SPARQL_GSP_URL)")
        try:
            with self._client.stream("GET", self.gsp_url, headers={"Accept": fmt.media_type}) as r:
                if not r.is_success:
                    r.read()
                    self._raise_for(r, "export")
                for chunk in r.iter_bytes(1 << 20):
                    output.write(chunk)
        except httpx.HTTPError as e:
            raise StoreError(f"export interrupted: {e}") from e

    def statistics(self) -> Statistics:
        per = {r["g"].value: int(r["n"].value) for r in self._raw_select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
        return Statistics(triples=sum(per.values()), graphs=len(per), per_graph=per, version=self.version())

    def version(self) -> str:
        rows = self._raw_select(
            f"SELECT ?v WHERE {{ GRAPH {self._meta_graph} {{ {self._version_node} {VERSION_PREDICATE} ?v }} }} LIMIT 1")
        for r in rows:
            return r["v"].value
        return "0"

    # --- writing -------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError("the store is read-only (no update endpoint configured, or opened read-only)")

    def _bump_text(self) -> str:
        v = f"{time.time_ns():x}"
        return (f"DELETE WHERE {{ GRAPH {self._meta_graph} {{ {self._version_node} {VERSION_PREDICATE} ?v }} }} ;\n"
                f"INSERT DATA {{ GRAPH {self._meta_graph} {{ {self._version_node} {VERSION_PREDICATE} \"{v}\" }} }}")

    def _run_update(self, text: str, what: str) -> None:
        assert self.update_url is not None
        r = self._send("POST", self.update_url, data={"update": text})
        self._raise_for(r, what, syntax=True)

    def _bump(self) -> None:
        self._run_update(self._bump_text(), "version bump")

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple | ox.Quad]) -> None:
        """One Graph Store PUT: the server swaps the graph in one transaction.

        The body is built completely before anything is sent, so a failure while producing the
        triples leaves the stored graph untouched.
        """
        self._check_writable()
        g = ox.NamedNode(graph)
        body = ox.serialize((ox.Triple(t.subject, t.predicate, t.object) for t in triples),
                            format=ox.RdfFormat.N_TRIPLES)
        if self.gsp_url:
            r = self._send("PUT", self.gsp_url, params={"graph": graph}, content=body,
                           headers={"Content-Type": "application/n-triples"})
            self._raise_for(r, f"write graph {graph}")
            self._bump()
        else:
            self._run_update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body.decode()}\n}} }} ;\n"
                             f"{self._bump_text()}", f"write graph {graph}")

    def drop_graph(self, graph: str) -> None:
        self._check_writable()
        g = ox.NamedNode(graph)
        if self.gsp_url:
            r = self._send("DELETE", self.gsp_url, params={"graph": graph})
            if r.status_code != 404:
                self._raise_for(r, f"drop graph {graph}")
            self._bump()
        else:
            self._run_update(f"DROP SILENT GRAPH {g} ;\n{self._bump_text()}", f"drop graph {graph}")

    def update(self, sparql: str) -> None:
        """The update and the version bump travel in one request, hence one transaction."""
        self._check_writable()
        self._run_update(f"{sparql}\n;\n{self._bump_text()}", "update")

    def load(self, source: Path | IO[bytes], fmt: ox.RdfFormat, *, graph: str | None = None,
             base_iri: str | None = None) -> int:
        """Parse locally (exact errors, relative IRIs resolved, quads counted) and stream the
        re-serialised quads as one chunked POST, so neither side holds the file in memory."""
        self._check_writable()
        if not self.gsp_url:
            raise StoreError("bulk load needs the Graph Store Protocol endpoint (SHEKARA_SPARQL_GSP_URL)")
        opened: IO[bytes]
        if isinstance(source, Path):
            opened = gzip.open(source, "rb") if source.suffix == ".gz" else open(source, "rb")
        else:
            opened = source
        count = 0
        failure: list[BaseException] = []
        target = ox.NamedNode(graph) if graph else None
        if target is not None and fmt.supports_datasets:
            out_fmt = ox.RdfFormat.N_TRIPLES
        else:
            out_fmt = ox.RdfFormat.N_TRIPLES if target is not None else ox.RdfFormat.N_QUADS

        def body() -> Iterator[bytes]:
            nonlocal count
            batch: list[Any] = []
            try:
                for q in ox.parse(opened, format=fmt, base_iri=base_iri):
                    count += 1
                    batch.append(ox.Triple(q.subject, q.predicate, q.object) if target is not None else q)
                    if len(batch) >= CHUNK_QUADS:
                        yield ox.serialize(batch, format=out_fmt)
                        batch = []
                if batch:
                    yield ox.serialize(batch, format=out_fmt)
            except (SyntaxError, ValueError) as e:
                failure.append(e)
                raise

        params = {"graph": graph} if graph else {}
        try:
            r = self._send("POST", self.gsp_url, params=params, content=body(),
                           headers={"Content-Type": out_fmt.media_type})
        except StoreError:
            if failure:
                raise StoreError(f"parse error: {failure[0]}") from failure[0]
            raise
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"parse error: {e}") from e
        finally:
            if isinstance(source, Path):
                opened.close()
        self._raise_for(r, "bulk load")
        self._bump()
        return count

    def close(self) -> None:
        self._client.close()
