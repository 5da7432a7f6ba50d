"""Running SPARQL queries where they can be stopped.

pyoxigraph's ``Store.query`` has no timeout, and plans that aggregate or sort (COUNT, ORDER BY,
big joins) block inside the first ``next()``: no thread can interrupt them. So, for the
embedded backend, every query runs in one of a small pool of worker *processes*. Each worker
opens the store read-only once (``pyoxigraph.Store.read_only``) and reopens it when the version
marker ``{store}/shekara-version`` changed (a write was committed). When a query overruns its
deadline, the parent kills that worker, starts a fresh one, and the caller gets
:class:`QueryTimeout` (HTTP 503). Processes are started with the ``spawn`` context: forking a
process that holds pyoxigraph threads and locks is not safe.

Results are serialised inside the worker by pyoxigraph and travel back as bytes. The row limit
of a SELECT is enforced while serialising: the worker writes TSV into a sink that counts rows
and stops the evaluation at ``limit + 1``; the answer is then an explicit
:class:`RowLimitExceeded`, never a silently cut result. The (lossless) TSV is re-parsed and
re-serialised by pyoxigraph when another format was asked for.

For the remote backend (``settings.backend == "sparql"``) a thread calls
``store.query_serialized``; the remote store's HTTP timeout bounds the work.
"""
from __future__ import annotations

import concurrent.futures
import functools
import io
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph_api.formats import RDF_FORMATS, RESULT_FORMATS
from graph_api.store.base import QuerySyntaxError, StoreError

if TYPE_CHECKING:
    from graph_api.settings import Settings
    from graph_api.store.provider import StoreProvider

MARKER = "shekara-version"  # graph_api.store.provider.MARKER; not imported to keep workers light

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class QueryTimeout(StoreError):
    """The query ran past its deadline (or no worker became free in time); it was stopped."""


class RowLimitExceeded(StoreError):
    """A SELECT produced more rows than allowed; nothing partial is returned."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"result exceeds the row limit of {limit} rows; add LIMIT (and OFFSET to page) to the query")


class FormNotAcceptable(StoreError):
    """The query's form (SELECT/ASK vs CONSTRUCT/DESCRIBE) has no acceptable format."""

    def __init__(self, form: str):
        self.form = form
        super().__init__(f"no acceptable format for a {form.upper()} result")


class QueryResult(tuple):
    """``(body, media_type)`` — unpacks like a pair — with the query form and format name."""

    body: bytes
    media_type: str
    form: str  # "select", "ask" or "graph" (CONSTRUCT/DESCRIBE)
    format: str

    def __new__(cls, body: bytes, media_type: str, form: str, fmt: str) -> QueryResult:
        self = super().__new__(cls, (body, media_type))
        self.body, self.media_type, self.form, self.format = body, media_type, form, fmt
        return self


@dataclass(frozen=True)
class FormatChoice:
    """The format to use for each query form; ``None`` = that form is not acceptable."""

    results: str | None = "json"
    rdf: str | None = "ttl"

    @classmethod
    def of(cls, fmt: str | FormatChoice | None) -> FormatChoice:
        if fmt is None:
            return cls()
        if isinstance(fmt, FormatChoice):
            return fmt
        if fmt in RESULT_FORMATS:
            return cls(results=fmt, rdf=None)
        if fmt in RDF_FORMATS:
            return cls(results=None, rdf=fmt)
        raise ValueError(f"unknown format {fmt!r}")


# --- terms across the process boundary -------------------------------------------------------
def encode_term(t: Term) -> tuple[str, ...]:
    if isinstance(t, ox.NamedNode):
        return ("iri", t.value)
    if isinstance(t, ox.BlankNode):
        return ("bnode", t.value)
    if isinstance(t, ox.Literal):
        return ("lit", t.value, t.language or "", t.datatype.value)
    raise TypeError(f"cannot bind {t!r}")


def decode_term(e: tuple[str, ...]) -> Term:
    if e[0] == "iri":
        return ox.NamedNode(e[1])
    if e[0] == "bnode":
        return ox.BlankNode(e[1])
    if e[2]:
        return ox.Literal(e[1], language=e[2])
    return ox.Literal(e[1], datatype=ox.NamedNode(e[3]))


# --- parsing in the parent -------------------------------------------------------------------
_EMPTY = ox.Store()


def query_form(query: str, substitutions: Mapping[str, Term] | None = None) -> str:
    """``select``, ``ask`` or ``graph``; raises :class:`QuerySyntaxError` with the parser's message.

    Evaluated against an empty in-memory store, which parses and plans the query without
    touching data, so a bad query costs no worker round trip.
    """
    kwargs: dict[str, Any] = {}
    if substitutions:
        kwargs["substitutions"] = {ox.Variable(k): v for k, v in substitutions.items()}
    try:
        r = _EMPTY.query(query, **kwargs)
    except SyntaxError as e:
        raise QuerySyntaxError(str(e)) from e
    except (ValueError, RuntimeError, TypeError) as e:
        raise QuerySyntaxError(str(e)) from e
    if isinstance(r, ox.QuerySolutions):
        return "select"
    if isinstance(r, ox.QueryBoolean):
        return "ask"
    return "graph"


# --- serialisation with a row cap (runs in the worker, and in the parent for remote) ---------
class _RowCap(io.RawIOBase):
    """A write sink for TSV results that gives up once ``limit`` rows were written."""

    def __init__(self, limit: int):
        self.limit = limit
        self.lines = 0
        self.exceeded = False
        self.buf = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:  # type: ignore[override]
        data = bytes(b)
        self.buf += data
        self.lines += data.count(b"\n")
        if self.lines > self.limit + 1:  # header line + rows
            self.exceeded = True
            raise OSError("row limit exceeded")
        return len(data)


def _convert_tsv(tsv: bytes, fmt: str) -> bytes:
    if fmt == "tsv":
        return tsv
    parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    return parsed.serialize(format=RESULT_FORMATS[fmt].results)


def serialize_result(result: Any, choice: FormatChoice, row_limit: int) -> tuple[bytes, str, str]:
    """Serialise a pyoxigraph result; returns ``(body, format name, form)``."""
    if isinstance(result, ox.QuerySolutions):
        if choice.results is None:
            raise FormNotAcceptable("select")
        sink = _RowCap(row_limit)
        try:
            result.serialize(sink, format=ox.QueryResultsFormat.TSV)
        except Exception:
            if sink.exceeded:
                raise RowLimitExceeded(row_limit) from None
            raise
        if sink.lines > row_limit + 1:
            raise RowLimitExceeded(row_limit)
        return _convert_tsv(bytes(sink.buf), choice.results), choice.results, "select"
    if isinstance(result, ox.QueryBoolean):
        if choice.results is None:
            raise FormNotAcceptable("ask")
        return result.serialize(format=RESULT_FORMATS[choice.results].results), choice.results, "ask"
    if choice.rdf is None:
        raise FormNotAcceptable("graph")
    return result.serialize(format=RDF_FORMATS[choice.rdf].rdf), choice.rdf, "graph"


# --- the worker process ----------------------------------------------------------------------
def _marker_state(store_path: str) -> tuple[int, str] | None:
    p = os.path.join(store_path, MARKER)
    try:
        st = os.stat(p)
        with open(p, encoding="utf-8") as fh:
            return (st.st_mtime_ns, fh.read())
    except OSError:
        return None


def _worker_main(conn: Any, store_path: str) -> None:
    """Loop: receive a job, evaluate it on a read-only view, send back bytes or an error."""
    store: ox.Store | None = None
    seen: tuple[int, str] | None = None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if job is None:
            return
        try:
            state = _marker_state(store_path)
            if store is None or state != seen:
                store = None
                if not os.path.exists(os.path.join(store_path, "CURRENT")):
                    raise StoreError(f"no store at {store_path} (run `shekara ingest` first)")
                store = ox.Store.read_only(store_path)
                seen = state
            kwargs: dict[str, Any] = {}
            if job["default_graph"]:
                kwargs["default_graph"] = [ox.NamedNode(g) for g in job["default_graph"]]
            else:
                kwargs["use_default_graph_as_union"] = True
            if job["named_graphs"]:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
            if job["substitutions"]:
                kwargs["substitutions"] = {ox.Variable(k): decode_term(v) for k, v in job["substitutions"].items()}
            result = store.query(job["query"], **kwargs)
            body, fmt, form = serialize_result(result, FormatChoice(*job["choice"]), job["row_limit"])
            conn.send(("ok", body, fmt, form))
        except SyntaxError as e:
            conn.send(("syntax", str(e)))
        except RowLimitExceeded as e:
            conn.send(("rows", e.limit))
        except FormNotAcceptable as e:
            conn.send(("form", e.form))
        except Exception as e:  # reported to the parent, which decides the status
            conn.send(("error", f"{e}"))


class _Worker:
    def __init__(self, ctx: Any, store_path: str):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_path), daemon=True,
                                name="shekara-query-worker")
        self.proc.start()
        child.close()

    def stop(self, *, kill: bool) -> None:
        try:
            if kill:
                self.proc.kill()
            else:
                self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


def _media_type(fmt: str) -> str:
    f = RESULT_FORMATS.get(fmt) or RDF_FORMATS[fmt]
    return f.media_type


class QueryExecutor:
    """Runs queries with a deadline and a row cap; ``run`` blocks, ``run_async`` does not.

    Workers start on first use, so building the app (or a test client) costs nothing until a
    query arrives.
    """

    def __init__(self, settings: Settings, stores: StoreProvider | None = None):
        self.settings = settings
        self.stores = stores
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self._threads: concurrent.futures.ThreadPoolExecutor | None = None

    @property
    def remote(self) -> bool:
        return self.settings.backend == "sparql"

    # --- pool management -----------------------------------------------------------------
    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, str(self.settings.store))
        with self._lock:
            self._all.add(w)
        return w

    def _ensure_started(self) -> None:
        if self._started:
            return
        with self._lock:
            if self._started:
                return
            if self._closed:
                raise StoreError("the query executor is closed")
            self._started = True
        for _ in range(max(1, self.settings.query_workers)):
            self._idle.put(self._spawn())

    def _retire(self, w: _Worker) -> None:
        """Kill an overrunning or broken worker and put a fresh one in its place."""
        with self._lock:
            self._all.discard(w)
        w.stop(kill=True)
        if not self._closed:
            self._idle.put(self._spawn())

    def close(self) -> None:
        """Stop every worker (app shutdown)."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop(kill=False)
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)

    # --- running ---------------------------------------------------------------------------
    def run(
        self,
        query: str,
        fmt: str | FormatChoice | None = None,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
        timeout: float | None = None,
        *,
        substitutions: Mapping[str, Term] | None = None,
        row_limit: int | None = None,
    ) -> QueryResult:
        """Evaluate ``query`` and serialise it.

        ``fmt`` is a format name (json, xml, csv, tsv, ttl, nt, jsonld, rdfxml) or a
        :class:`FormatChoice` naming one format per query form. Raises
        :class:`QuerySyntaxError`, :class:`QueryTimeout`, :class:`RowLimitExceeded`,
        :class:`FormNotAcceptable` or :class:`StoreError`.
        """
        if len(query) > self.settings.max_query_length:
            raise StoreError(f"query longer than {self.settings.max_query_length} characters")
        choice = FormatChoice.of(fmt)
        timeout = self.settings.query_timeout if timeout is None else timeout
        limit = self.settings.query_row_limit if row_limit is None else row_limit
        query_form(query, substitutions)  # 400 before any work
        if self.remote:
            return self._run_remote(query, choice, default_graph, named_graphs, timeout, substitutions, limit)
        self._ensure_started()
        deadline = time.monotonic() + timeout
        try:
            w = self._idle.get(timeout=max(timeout, 0.001))
        except queue.Empty:
            raise QueryTimeout(f"all {self.settings.query_workers} query workers stayed busy for "
                               f"{timeout:g} s; try again later") from None
        job = {
            "query": query, "choice": (choice.results, choice.rdf),
            "default_graph": list(default_graph or []), "named_graphs": list(named_graphs or []),
            "substitutions": {k: encode_term(v) for k, v in (substitutions or {}).items()},
            "row_limit": limit,
        }
        try:
            w.conn.send(job)
            if not w.conn.poll(max(deadline - time.monotonic(), 0.0)):
                self._retire(w)
                raise QueryTimeout(f"the query ran longer than the limit of {timeout:g} s and was stopped; "
                                   "narrow it down or add LIMIT")
            msg = w.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as e:
            self._retire(w)
            raise StoreError(f"the query worker failed ({e or type(e).__name__})") from e
        self._idle.put(w)
        kind = msg[0]
        if kind == "ok":
            return QueryResult(msg[1], _media_type(msg[2]), msg[3], msg[2])
        if kind == "syntax":
            raise QuerySyntaxError(msg[1])
        if kind == "rows":
            raise RowLimitExceeded(msg[1])
        if kind == "form":
            raise FormNotAcceptable(msg[1])
        raise StoreError(msg[1])

    def _run_remote(self, query: str, choice: FormatChoice, default_graph: list[str] | None,
                    named_graphs: list[str] | None, timeout: float,
                    substitutions: Mapping[str, Term] | None, limit: int) -> QueryResult:
        if self.stores is None:
            raise StoreError("no store provider configured")
        if substitutions:
            from graph_api.queries_api import bind_values

            query = bind_values(query, substitutions)
        form = query_form(query)
        store = self.stores.get()
        kwargs = {"default_graph": default_graph or None, "named_graphs": named_graphs or None}

        def work() -> tuple[bytes, str]:
            if form == "select":
                if choice.results is None:
                    raise FormNotAcceptable(form)
                tsv = store.query_serialized(query, ox.QueryResultsFormat.TSV, **kwargs)
                if tsv.count(b"\n") > limit + 1:
                    raise RowLimitExceeded(limit)
                return _convert_tsv(tsv, choice.results), choice.results
            name = choice.results if form == "ask" else choice.rdf
            if name is None:
                raise FormNotAcceptable(form)
            f = RESULT_FORMATS[name].results if form == "ask" else RDF_FORMATS[name].rdf
            return store.query_serialized(query, f, **kwargs), name

        if self._threads is None:
            self._threads = concurrent.futures.ThreadPoolExecutor(
                max_workers=max(2, self.settings.query_workers * 2), thread_name_prefix="shekara-remote-query")
        fut = self._threads.submit(work)
        try:
            body, name = fut.result(timeout=timeout)
        except concurrent.futures.TimeoutError:
            fut.cancel()
            raise QueryTimeout(f"the remote store did not answer within {timeout:g} s") from None
        return QueryResult(body, _media_type(name), form, name)

    async def run_async(self, *args: Any, **kwargs: Any) -> QueryResult:
        """``run`` in a thread, so the event loop keeps serving while a worker evaluates."""
        import anyio.to_thread

        return await anyio.to_thread.run_sync(functools.partial(self.run, *args, **kwargs))

    async def select(self, query: str, substitutions: Mapping[str, Term] | None = None,
                     timeout: float | None = None) -> list[dict[str, Any]]:
        """Convenience for internal SELECTs: rows as dicts of SPARQL-JSON term objects."""
        import orjson

        res = await self.run_async(query, "json", timeout=timeout, substitutions=substitutions)
        return orjson.loads(res.body)["results"]["bindings"]
