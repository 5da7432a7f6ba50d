"""Running SPARQL queries where they can be stopped.

pyoxigraph's ``Store.query`` has no timeout, and plans that aggregate or sort (COUNT, ORDER BY,
big joins) block inside the first ``next()``: no thread can interrupt them. So, for the
embedded backend, every query runs in one of a small pool of worker *processes*. Each worker
opens the store read-only once (``pyoxigraph.Store.read_only``) and reopens it when the version
marker ``{store}/shekara-version`` changed (a write was committed). A worker has several *slots*
(a pipe and a thread each) sharing that view and its block cache. When a query overruns its
deadline, the parent kills that worker, starts a fresh one, and the caller gets
:class:`QueryTimeout` (HTTP 503); queries cut off on the worker's other slots run again on the
fresh one. Processes are started with the ``spawn`` context: forking a process that holds
pyoxigraph threads and locks is not safe.

Per-request cost matters (a point lookup is ~0.1 ms of engine work): the parent does not parse
a query it hands to a worker (the worker's parser reports syntax errors, which stay 400s);
:func:`query_form`, needed for content negotiation, is cached per query text; jobs and answers
cross the pipe as length-prefixed bytes (orjson metadata + the raw serialised result, no
pickling); and :meth:`QueryExecutor.run_async` waits for the answer on the event loop itself
(``add_reader``) instead of parking a thread on each query.

Results are serialised inside the worker by pyoxigraph and travel back as bytes. The row limit
of a SELECT is enforced while serialising: the worker writes TSV into a sink that counts rows
and stops the evaluation at ``limit + 1``; the answer is then an explicit
:class:`RowLimitExceeded`, never a silently cut result. The (lossless) TSV is re-parsed and
re-serialised by pyoxigraph when another format was asked for. Every result, CONSTRUCT and
DESCRIBE included, is also held to ``query_max_bytes`` the same way (:class:`ResultTooLarge`):
evaluation stops at the write that crosses it (for a SELECT's intermediate TSV, at a multiple of
it, :data:`TSV_SLACK`), so no answer of any size is built whole in memory.

For the remote backend (``settings.backend == "sparql"``) a thread calls
``store.query_serialized``; the remote store's HTTP timeout bounds the work.

Two things are read from a query's text before it runs (cached per text, like its form):

* **Its own dataset.** The default graph is the union of all graphs, unless the query names its
  dataset (FROM / FROM NAMED, :func:`dataset_clause`) or the protocol does
  (``default-graph-uri`` / ``named-graph-uri``, which then replace the query's, as SPARQL 1.1
  Protocol §2.1.4 says). pyoxigraph's ``use_default_graph_as_union`` would override the query's
  FROM, so it is set only when neither names a dataset (:func:`_dataset_kwargs`).
* **Where SERVICE sends requests.** pyoxigraph sends a SERVICE request as soon as a query is
  evaluated, even against an empty store, and has no switch to stop it. So no query that
  mentions SERVICE is evaluated here to learn its form (:func:`_parse_form` then only parses
  it), and the executor refuses (:class:`FederationRefused`, HTTP 400) a query whose SERVICE
  endpoints ``settings.federation_allow`` does not allow, before any worker sees it
  (:func:`federation_problem`).
"""
from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import functools
import io
import multiprocessing
import os
import re
import secrets
import select
import struct
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph_api.formats import RDF_FORMATS, RESULT_FORMATS
from graph_api.sparql_text import (Target, keyword_offsets, occurrences, read_prologue, renamed, service_target,
                                   tokens, top_level_limit)
from graph_api.store.base import QuerySyntaxError, StoreError
from graph_api.store.embedded import open_read_only, vanished

if TYPE_CHECKING:
    from graph_api.settings import Settings
    from graph_api.store.provider import StoreProvider

RERUN_MIN_LEFT = 1.0  # seconds a query cut off with an overrunning sibling needs left to run again
MARKER = "shekara-version"  # graph_api.store.provider.MARKER; not imported to keep workers light

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class _NotSent(Exception):
    """A long job found no thread to write it before its deadline: the worker never saw it."""


class QueryTimeout(StoreError):
    """The query ran past its deadline (or no worker became free in time); it was stopped."""


class RowLimitExceeded(StoreError):
    """A SELECT produced more rows than allowed; nothing partial is returned."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"result exceeds the row limit of {limit} rows; add LIMIT (and OFFSET to page) to the query")


class ResultTooLarge(RowLimitExceeded):
    """A result larger than ``query_max_bytes`` once serialised; nothing partial is returned.
    A kind of :class:`RowLimitExceeded`, so callers that handle the row cap handle this too."""

    def __init__(self, max_bytes: int):
        self.limit = max_bytes
        StoreError.__init__(self, f"result exceeds the size limit of {_size(max_bytes)} once serialised; "
                                  "add LIMIT (and OFFSET to page), or ask for fewer or shorter values")


def _size(n: int) -> str:
    if n >= 1 << 20 and n % (1 << 20) == 0:
        return f"{n >> 20} MiB"
    return f"{n} bytes"


class FederationRefused(QuerySyntaxError):
    """A SERVICE clause the settings do not allow (``federation_allow``): refused before anything
    is sent. A kind of :class:`QuerySyntaxError`, so every caller answers it as a bad request."""


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
_FORMS: OrderedDict[tuple[str, tuple[str, ...]], tuple[bool, str]] = OrderedDict()
_FORMS_LOCK = threading.Lock()
_FORMS_MAX = 512


_PROBE_VALUE = ox.Literal("")
_SERVICE = re.compile("service", re.IGNORECASE)  # the letters, wherever they are: a cheap first look


def parse_problem(query: str) -> str | None:
    """The parser's message when ``query`` does not parse, else None, without evaluating it.

    ``Store.query`` parses and then starts evaluating at once, and a SERVICE clause sends its
    request then, even on an empty store. pyoxigraph checks substitutions between the two steps,
    so substituting a variable of a random name, which no query can project, stops it there
    (``tests/test_sparql_dataset.py`` checks that a listener hears nothing)."""
    probe = ox.Variable("shekara_probe_" + secrets.token_hex(16))
    try:
        _EMPTY.query(query, substitutions={probe: _PROBE_VALUE})
    except (SyntaxError, ValueError) as e:
        return str(e)
    except RuntimeError as e:
        return None if probe.value in str(e) else str(e)
    raise StoreError("pyoxigraph evaluated a query it was only asked to parse; the SERVICE check cannot work "
                     "with this pyoxigraph version")


@dataclass(frozen=True)
class KeywordUse:
    """Where a keyword is used in a query: ``offsets`` of the uses the parser confirmed, and
    whether the parser also confirmed that the keyword's letters are used nowhere else as it
    (``certain``; False too when the query does not parse, with ``syntax`` its message)."""

    offsets: tuple[int, ...]
    certain: bool
    syntax: str | None = None


MAX_PROBES = 64
"""Most places one keyword's letters are put to the parser one by one. Each parse takes 0.1–0.4 ms
on the service's thread, so a query that writes "from" thousands of times (in a literal, say)
would hold it for seconds; past this many, the lexer's reading stands unconfirmed, which for
SERVICE means "cannot be read for certain" (refused unless every endpoint is allowed)."""


@functools.lru_cache(maxsize=1024)
def keyword_use(query: str, keyword: str) -> KeywordUse:
    """Where ``keyword`` is a keyword of ``query``, the lexer's reading checked by the parser.

    Why both: the lexer alone can be led astray (``FILTER(?o<'>')`` makes it read the rest of the
    line as a string, see :mod:`graph_api.sparql_text`), and pyoxigraph shows nothing of what it
    parsed. So every place where the keyword's letters occur is put to the parser, which never
    evaluates here (:func:`parse_problem`): a use the lexer saw is real when changing one letter
    of it breaks the parse; the other places are no use when changing them all at once (a prefix
    renamed in its declaration and its uses alike) leaves a query that still parses. When they
    do not, the lexer missed a use, and each place is put to the parser on its own."""
    raw = occurrences(query, keyword)
    if not raw:
        return KeywordUse((), True)
    syntax = parse_problem(query)
    if syntax is not None:
        return KeywordUse((), False, syntax)

    def uses(offsets: list[int]) -> list[int]:
        return [o for o in offsets if parse_problem(renamed(query, [o], len(keyword))) is not None]

    def none_among(offsets: list[int]) -> bool:
        return not offsets or parse_problem(renamed(query, offsets, len(keyword))) is None

    lexed = keyword_offsets(query, keyword)
    if len(lexed) > MAX_PROBES:
        return KeywordUse(tuple(lexed), False)  # the lexer's reading, not confirmed (see MAX_PROBES)
    real = uses(lexed)
    if none_among([o for o in raw if o not in set(lexed)]):
        return KeywordUse(tuple(real), True)
    if len(raw) > MAX_PROBES:
        return KeywordUse(tuple(real), False)
    real = uses(raw)
    return KeywordUse(tuple(real), none_among([o for o in raw if o not in set(real)]))


def dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset (FROM or FROM NAMED): then the union default
    graph must not be forced on it (SPARQL 1.1 Query §13.2)."""
    return bool(keyword_use(query, "FROM").offsets)


@functools.lru_cache(maxsize=1024)
def service_targets(query: str) -> tuple[Target, ...] | None:
    """The endpoint of each SERVICE clause of ``query`` (``()``: none), or None when that cannot
    be known for certain. Raises :class:`QuerySyntaxError` for a query that does not parse."""
    use = keyword_use(query, "SERVICE")
    if use.syntax is not None:
        raise QuerySyntaxError(use.syntax)
    if not use.certain:
        return None
    if not use.offsets:
        return ()
    prologue = read_prologue(query)
    return tuple(service_target(query, o, prologue) for o in use.offsets)


def endpoint_allowed(iri: str, allow: list[str]) -> bool:
    """Whether ``iri`` is under one of the ``allow`` prefixes. A prefix ends at a ``/``, ``?`` or
    ``#``, so ``http://a.example`` does not allow ``http://a.example.evil/`` (nor
    ``http://a.example@evil/``). IRIs are compared as written, as the engine will call them."""
    for prefix in allow:
        if prefix == "*" or iri == prefix:
            return True
        if iri.startswith(prefix) and (prefix[-1] in "/?#" or iri[len(prefix)] in "/?#"):
            return True
    return False


def federation_problem(query: str, allow: list[str]) -> str | None:
    """Why ``query`` may not run under the allow-list ``allow`` (``settings.federation_allow``),
    or None. ``["*"]`` allows every endpoint, variables included; an empty list, none."""
    return _federation_problem(query, tuple(allow))


@functools.lru_cache(maxsize=1024)
def _federation_problem(query: str, allow: tuple[str, ...]) -> str | None:
    """(Once per text and setting: a case-blind search of a long query took ~15 us on every request.)"""
    if "*" in allow or not _SERVICE.search(query):
        return None
    targets = service_targets(query)
    if targets == ():
        return None
    setting = "SHEKARA_FEDERATION_ALLOW"
    if not allow:
        return f"federated queries (SERVICE) are off on this endpoint ({setting} is empty)"
    if targets is None:
        return ("the endpoints of this query's SERVICE clauses cannot be read for certain here; write each "
                "SERVICE clause with its endpoint IRI and keep comparisons such as ?a<?b apart from it")
    for t in targets:
        if t.kind == "var":
            return (f"SERVICE {t.value}: an endpoint given by a variable is allowed only when every endpoint is "
                    f'({setting}=["*"])')
        if t.kind == "unknown":
            return (f"SERVICE {t.value}: the endpoint must be an absolute IRI, written out or as a prefixed name "
                    "whose prefix is declared with an absolute IRI")
        if not endpoint_allowed(t.value, allow):
            return (f"SERVICE <{t.value}> is not allowed: federated queries may call only endpoints under "
                    f"{', '.join(allow)} ({setting})")
    return None


def _form_of(query: str) -> str:
    """The form of a query that parses, from its first form keyword: only a prologue (BASE,
    PREFIX, comments) can come before it, where the lexer reads as the parser does."""
    for t in tokens(query):
        if t.kw in ("SELECT", "ASK"):
            return t.kw.lower()
        if t.kw in ("CONSTRUCT", "DESCRIBE"):
            return "graph"
    raise QuerySyntaxError("not a query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


def _parse_form(query: str, substitutions: Mapping[str, Term] | None) -> tuple[bool, str]:
    if _SERVICE.search(query):  # evaluating would send its SERVICE requests: parse only
        problem = parse_problem(query)
        if problem is not None:
            return False, problem
        if substitutions:  # (the stored queries then bind their values in the text instead)
            return False, "values are not substituted into a query that mentions SERVICE"
        return True, _form_of(query)
    kwargs: dict[str, Any] = {}
    if substitutions:
        kwargs["substitutions"] = {ox.Variable(k): v for k, v in substitutions.items()}
    try:
        r = _EMPTY.query(query, **kwargs)
    except (SyntaxError, ValueError, RuntimeError, TypeError) as e:
        return False, str(e)
    if isinstance(r, ox.QuerySolutions):
        return True, "select"
    if isinstance(r, ox.QueryBoolean):
        return True, "ask"
    return True, "graph"


def query_form(query: str, substitutions: Mapping[str, Term] | None = None) -> str:
    """``select``, ``ask`` or ``graph``; raises :class:`QuerySyntaxError` with the parser's message.

    Evaluated against an empty in-memory store, which parses and plans the query without
    touching data, so a bad query costs no worker round trip. The outcome depends only on the
    text and on *which* variables are substituted (pyoxigraph accepts substitutions of projected
    variables only), so it is remembered per ``(text, variable names)``: the stored queries and
    page queries of the API, sent again and again with other values, are parsed here once.
    """
    key = (query, tuple(sorted(substitutions)) if substitutions else ())
    hit = _FORMS.get(key)
    if hit is None:
        hit = _parse_form(query, substitutions)
        with _FORMS_LOCK:
            _FORMS[key] = hit
            if len(_FORMS) > _FORMS_MAX:
                _FORMS.popitem(last=False)
    ok, value = hit
    if not ok:
        raise QuerySyntaxError(value)
    return value


# --- framing on the worker pipes ---------------------------------------------------------------
# One message = 8-byte big-endian length + payload. A job is orjson; an answer is one line of
# orjson metadata, a newline, then the serialised result as raw bytes (no pickling, no copy of
# the result into a Python object graph).
_HEADER = struct.Struct("!Q")
_PART = b'["part"'  # how a part of a streamed answer begins (its metadata line)


def _write_all(fd: int, data: bytes, deadline: float | None = None) -> None:
    """Write everything, also on a non-blocking descriptor (waits for room when the pipe is full).

    With a ``deadline``, gives up then (``TimeoutError``): a job bigger than the socket buffer
    waits for the worker to read it, and a worker that never does must not hold the caller."""
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view)
        except BlockingIOError:
            left = 1.0 if deadline is None else min(1.0, deadline - time.monotonic())
            if left <= 0:
                raise TimeoutError("the query worker did not take the job in time") from None
            select.select([], [fd], [], left)
            continue
        view = view[n:]


def _send_msg(fd: int, payload: bytes, deadline: float | None = None) -> None:
    """Header and payload in one ``writev``: written apart, a large answer woke the reader once
    for the 8-byte header alone and again for the payload (an extra loop turn in the service
    and a context switch per heavy query on a busy machine)."""
    header = _HEADER.pack(len(payload))
    try:
        n = os.writev(fd, [header, payload])
    except BlockingIOError:
        n = 0
    if n < len(header):
        _write_all(fd, header[n:], deadline)
        _write_all(fd, payload, deadline)
    elif n < len(header) + len(payload):
        _write_all(fd, memoryview(payload)[n - len(header):], deadline)


class _MessageReader:
    """Collects framed messages from a (non-blocking or blocking) descriptor, one at a time.

    An answer is one message, or (a streamed answer) parts followed by one final message; bytes
    read past a message are kept for the next one."""

    __slots__ = ("buf", "size", "sent", "final")

    def __init__(self) -> None:
        self.buf = bytearray()
        self.size: int | None = None
        self.sent = False  # whether the job this answer is for went out (the async path's cancel)
        self.final = False  # whether the answer's final message (not a part) was handed out

    def complete(self) -> bool:
        """Whether the whole answer has been read (its final message was handed out)."""
        return self.final

    def _pop(self) -> bytes | None:
        """The next message already in the buffer, or None."""
        if self.size is None:
            if len(self.buf) < _HEADER.size:
                return None
            self.size = _HEADER.unpack_from(self.buf)[0]
        end = _HEADER.size + self.size
        if len(self.buf) < end:
            return None
        with memoryview(self.buf) as view:
            msg = bytes(view[_HEADER.size:end])
        del self.buf[:end]
        self.size = None
        if not msg.startswith(_PART):
            self.final = True
        return msg

    def feed(self, fd: int) -> bytes | None:
        """The next message: from the buffer, else read what is there; None while incomplete.

        EOFError if the peer is gone."""
        while True:
            msg = self._pop()
            if msg is not None:
                return msg
            n = 65536 if self.size is None else max(65536, min(self.size + _HEADER.size - len(self.buf), 1 << 22))
            try:
                chunk = os.read(fd, n)
            except BlockingIOError:
                return None
            if not chunk:
                raise EOFError("the query worker closed its pipe")
            self.buf += chunk


def _recv_msg_blocking(fd: int) -> bytes:
    reader = _MessageReader()
    while True:
        msg = reader.feed(fd)
        if msg is not None:
            return msg


# --- serialisation with a row cap (runs in the worker, and in the parent for remote) ---------
class _Sink(io.RawIOBase):
    """A write sink that gives up once more than ``max_bytes`` were written, or (for TSV) more
    than ``max_rows`` rows: pyoxigraph stops evaluating when a write fails, so a result that
    is too big is never built whole in memory.

    With ``emit``, it hands each ``every`` bytes on as they are written (a streamed answer):
    the service sends them while the engine goes on, as the Oxigraph server streams its answers,
    so the last byte leaves soon after the engine's; the caps still count everything written.

    It records only *which* cap was crossed: an exception kept here would tie the sink, the
    frames and the pyoxigraph result into a reference cycle, freed later by the cyclic
    collector, possibly on another thread, where pyoxigraph refuses to drop its objects."""

    def __init__(self, max_bytes: int, max_rows: int | None = None,
                 emit: Callable[[bytes], None] | None = None, every: int = 0):
        self.max_bytes = max_bytes
        self.max_rows = max_rows
        self.lines = 0
        self.exceeded: str | None = None  # "rows" or "bytes"
        self.buf = bytearray()
        self.emit = emit if every > 0 else None
        self.every = every
        self.emitted = 0  # bytes already handed on

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:  # type: ignore[override]
        data = bytes(b)
        self.buf += data
        if self.max_rows is not None:
            self.lines += data.count(b"\n")
            if self.lines > self.max_rows + 1:  # header line + rows
                self.exceeded = "rows"
                raise OSError("row limit exceeded")
        if self.emitted + len(self.buf) > self.max_bytes:
            self.exceeded = "bytes"
            raise OSError("size limit exceeded")
        if self.emit is not None and len(self.buf) >= self.every:
            self.emit(bytes(self.buf))
            self.emitted += len(self.buf)
            self.buf.clear()
        return len(data)

    def error(self) -> StoreError:
        return RowLimitExceeded(self.max_rows or 0) if self.exceeded == "rows" else ResultTooLarge(self.max_bytes)


def _write(result: Any, sink: _Sink, fmt: Any) -> bytes:
    try:
        result.serialize(sink, format=fmt)
    except Exception:
        if sink.exceeded is None:
            raise
        # a crossed cap is raised below, outside this handler, so no traceback holds the frames
    if sink.exceeded is not None:  # (also when pyoxigraph did not pass the sink's error on)
        raise sink.error()
    return bytes(sink.buf)


# The TSV stage may take this many times the size cap: CSV drops the datatype IRIs TSV keeps, so
# a CSV of dates is ~4.5x smaller than its TSV. (A CSV still more than 8x smaller is refused even
# under the cap; memory, not the exact cap, is what this stage protects.)
TSV_SLACK = 8


def _convert_tsv(tsv: bytes, fmt: str, max_bytes: int = 1 << 62) -> bytes:
    if fmt == "tsv":
        return tsv
    parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    return _write(parsed, _Sink(max_bytes), RESULT_FORMATS[fmt].results)


def serialize_result(result: Any, choice: FormatChoice, row_limit: int,
                     query_limit: int | None = None, max_bytes: int = 1 << 62,
                     emit: Callable[[str, str, bytes], None] | None = None,
                     every: int = 0) -> tuple[bytes, str, str]:
    """Serialise a pyoxigraph result; returns ``(body, format name, form)``.

    With ``emit`` and ``every``, an answer written directly (see below) is handed on in parts of
    ``every`` bytes as pyoxigraph writes it, as ``emit(format name, form, part)``; the body
    returned is then what follows the last part. A SELECT that needs the row-counting TSV stage
    and an ASK are never streamed: whether the row cap holds is known only at their end.

    A SELECT is written as TSV through a sink that counts rows, then converted to the format
    asked for, unless ``query_limit`` (the query's own LIMIT, :func:`top_level_limit`) already
    keeps it within ``row_limit``: then pyoxigraph writes the format directly (for 500 rows the
    TSV detour cost ~0.6 ms on top of a ~11 ms query). Every form is also held to
    ``max_bytes`` once serialised (:class:`ResultTooLarge`): a CONSTRUCT has no row cap, and
    ten thousand rows of document texts can be large.
    """
    if isinstance(result, ox.QuerySolutions):
        if choice.results is None:
            raise FormNotAcceptable("select")
        fmt = RESULT_FORMATS[choice.results].results
        if query_limit is not None and query_limit <= row_limit:
            return _write(result, _part_sink(max_bytes, emit, every, choice.results, "select"), fmt), \
                choice.results, "select"
        # The TSV stage counts rows. It is held to a multiple of the cap (CSV drops the brackets,
        # quotes and datatypes TSV keeps, so a CSV under the cap can come from a TSV over it),
        # and the answer in the format asked for to the cap itself, written through a sink too.
        tsv = _write(result, _Sink(max_bytes * (TSV_SLACK if choice.results != "tsv" else 1), row_limit),
                     ox.QueryResultsFormat.TSV)
        return _convert_tsv(tsv, choice.results, max_bytes), choice.results, "select"
    if isinstance(result, ox.QueryBoolean):
        if choice.results is None:
            raise FormNotAcceptable("ask")
        return result.serialize(format=RESULT_FORMATS[choice.results].results), choice.results, "ask"
    if choice.rdf is None:
        raise FormNotAcceptable("graph")
    return _write(result, _part_sink(max_bytes, emit, every, choice.rdf, "graph"), RDF_FORMATS[choice.rdf].rdf), \
        choice.rdf, "graph"


def _part_sink(max_bytes: int, emit: Callable[[str, str, bytes], None] | None, every: int, fmt: str,
               form: str) -> _Sink:
    if emit is None or every <= 0:
        return _Sink(max_bytes)
    return _Sink(max_bytes, emit=functools.partial(emit, fmt, form), every=every)


# --- the worker process ----------------------------------------------------------------------
def _marker_state(store_path: str) -> tuple[int, int, int] | None:
    """Identity of the version marker: the writer replaces it by rename, so the inode changes.

    One ``stat`` per query, no read: this runs before every query in every worker.
    """
    try:
        st = os.stat(os.path.join(store_path, MARKER))
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _dataset_kwargs(store: ox.Store, job: dict[str, Any]) -> dict[str, Any]:
    """The dataset arguments of ``Store.query`` for a job.

    The protocol's ``default-graph-uri`` / ``named-graph-uri`` (``dg``, ``ng``) replace the
    query's FROM / FROM NAMED, a part the protocol leaves out being the service's default (the
    union; every named graph). pyoxigraph replaces only the part it is given, so with a dataset
    clause in the query (``ds``) the other part is given too. Without either, the default graph
    is the union; with only the query's clause, pyoxigraph takes the query's dataset as it is."""
    kwargs: dict[str, Any] = {}
    dg, ng, own = job["dg"], job["ng"], job.get("ds", False)
    if dg:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in dg]
    elif ng or not own:
        kwargs["use_default_graph_as_union"] = True
    if ng:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in ng]
    elif dg and own:
        kwargs["named_graphs"] = list(store.named_graphs())
    return kwargs


def _evaluate(store: ox.Store, job: dict[str, Any],
              emit: Callable[[str, str, bytes], None] | None = None) -> tuple[list[Any], bytes]:
    """Run one job on ``store``; returns ``(metadata, body)`` for the answer message (after
    the parts given to ``emit``, when the job asks for a streamed answer)."""
    kwargs = _dataset_kwargs(store, job)
    if job["subs"]:
        kwargs["substitutions"] = {ox.Variable(k): decode_term(v) for k, v in job["subs"].items()}
    try:
        result = store.query(job["q"], **kwargs)
    except (SyntaxError, ValueError, TypeError) as e:  # parse errors and refused substitutions
        return ["syntax", str(e)], b""
    try:
        body, fmt, form = serialize_result(result, FormatChoice(*job["choice"]), job["limit"], job["qlimit"],
                                           job["bytes"], emit, job.get("stream", 0))
    except ResultTooLarge as e:
        return ["bytes", e.limit], b""
    except RowLimitExceeded as e:
        return ["rows", e.limit], b""
    except FormNotAcceptable as e:
        return ["form", e.form], b""
    return ["ok", fmt, form], body


class _View:
    """The read-only view a worker process's query threads share (one RocksDB block cache).

    Reopened when the version marker changed. The store and the marker state it was opened at
    are one tuple, swapped whole, so a thread never pairs a new marker with an old store."""

    def __init__(self, store_path: str):
        self.path = store_path
        self._lock = threading.Lock()
        self._current: tuple[ox.Store, tuple[int, int, int] | None] | None = None

    def get(self) -> ox.Store:
        current = self._current
        if current is not None and current[1] == _marker_state(self.path):
            return current[0]
        with self._lock:
            # Read again under the lock: a thread that saw an older marker must not reopen the
            # view another thread has just opened (each open starts a cold block cache).
            state = _marker_state(self.path)
            current = self._current
            if current is None or current[1] != state:
                if not os.path.exists(os.path.join(self.path, "CURRENT")):
                    raise StoreError(f"no store at {self.path} (run `shekara ingest` first)")
                return self._open(state)
            return current[0]

    def reopen(self, stale: ox.Store) -> ox.Store:
        """A fresh view after ``stale`` lost a table file (another thread may have done it)."""
        with self._lock:
            current = self._current
            if current is None or current[0] is stale:
                return self._open(_marker_state(self.path))
            return current[0]

    def _open(self, state: tuple[int, int, int] | None) -> ox.Store:
        """Open a view tagged with the marker ``state`` read before it (under the lock)."""
        store = open_read_only(self.path)
        self._current = (store, state)
        return store


def _serve_slot(fd: int, view: _View) -> None:
    """One query thread: receive a job, evaluate it on the shared view, send back bytes or an error."""
    import orjson

    while True:
        try:
            payload = _recv_msg_blocking(fd)
        except (EOFError, OSError):
            return
        parts = 0

        def emit(fmt: str, form: str, part: bytes) -> None:
            nonlocal parts
            parts += 1
            _send_msg(fd, b'["part","' + fmt.encode() + b'","' + form.encode() + b'"]\n' + part)

        try:
            job = orjson.loads(payload)
            store = view.get()
            try:
                meta, body = _evaluate(store, job, emit)
            except RuntimeError as e:
                if not vanished(e) or parts:  # parts sent cannot be taken back: report the error
                    raise
                # A writer's compaction removed a table file this older view had not opened yet:
                # answer from a fresh view (a later committed state) instead of failing.
                meta, body = _evaluate(view.reopen(store), job, emit)
        except Exception as e:  # reported to the parent, which decides the status
            meta, body = ["error", f"{e}"], b""
        try:
            _send_msg(fd, orjson.dumps(meta) + b"\n" + body)
        except OSError:
            return


def _worker_main(conns: list[Any], store_path: str) -> None:
    """A worker process: one thread per slot, all over one read-only view.

    Threads, not one process per slot, so that concurrent queries share the view's block cache:
    at 5M triples four aggregations over one store took 0.53–0.70 s, over four stores 0.95–1.0 s
    (RocksDB decompresses each block once per cache). pyoxigraph releases the GIL while it
    evaluates and serialises, so the threads run in parallel.

    Ctrl-C in a terminal reaches the whole process group: the service shuts its workers down
    itself, so a worker ignores SIGINT instead of exiting with threads inside RocksDB."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    view = _View(store_path)
    threads = [threading.Thread(target=_serve_slot, args=(c.fileno(), view), daemon=True,
                                name=f"shekara-query-{i}") for i, c in enumerate(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


class _Engine:
    """One worker process and its slots (a pipe and a query thread each).

    Ending a query means ending the process, so an overrun also ends the queries running on
    the other slots: their callers see ``ended == "overrun"`` and run them again elsewhere."""

    def __init__(self, ctx: Any, store_path: str, slots: int):
        pairs = [ctx.Pipe() for _ in range(max(1, slots))]
        self.proc = ctx.Process(target=_worker_main, args=([child for _, child in pairs], store_path),
                                daemon=True, name="shekara-query-worker")
        self.proc.start()
        for _, child in pairs:
            child.close()
        self.slots = [_Worker(self, conn) for conn, _ in pairs]
        self.ended: str | None = None  # why the parent ended it: "overrun", "broken" or "closed"

    def kill(self) -> None:
        """End the process. Its slots are not closed here: a caller still waiting on one reads
        EOF and closes it (closing a descriptor someone waits on could hand its number to an
        unrelated file while they still use it); idle ones are closed by the executor."""
        try:
            self.proc.kill()
        except (OSError, ValueError):
            pass
        self.proc.join(5)


class _Worker:
    """A slot of a worker process: what the pool hands out, one query at a time."""

    __slots__ = ("engine", "conn", "fd", "_closed")

    def __init__(self, engine: _Engine, conn: Any):
        self.engine = engine
        self.conn = conn
        self.fd = conn.fileno()
        self._closed = False
        os.set_blocking(self.fd, False)  # the event loop reads answers as they come

    @property
    def proc(self) -> Any:
        return self.engine.proc

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            try:
                self.conn.close()
            except OSError:
                pass


class _Waiter:
    """One caller waiting for a worker: a thread (an Event) or a coroutine (a future on its loop).

    ``state`` moves from ``waiting`` to ``given`` (a worker was handed over) or ``gone`` (the
    caller stopped waiting), always under the pool's lock, so a worker is never handed to a
    caller that has left, nor lost."""

    __slots__ = ("state", "worker", "event", "loop", "future")

    def __init__(self, loop: asyncio.AbstractEventLoop | None = None):
        self.state = "waiting"
        self.worker: _Worker | None = None
        self.loop = loop
        self.event = threading.Event() if loop is None else None
        self.future: asyncio.Future[None] | None = loop.create_future() if loop is not None else None

    def wake(self) -> bool:
        """Tell the caller; False when its event loop is gone (the worker must go elsewhere)."""
        if self.event is not None:
            self.event.set()
            return True
        assert self.loop is not None and self.future is not None
        if self.loop.is_closed() or not self.loop.is_running():
            return False  # a loop shut down (or stopped) with the caller still waiting on it
        future = self.future

        def resolve() -> None:
            if not future.done():
                future.set_result(None)

        try:
            same_loop = asyncio.get_running_loop() is self.loop
        except RuntimeError:
            same_loop = False
        try:
            (self.loop.call_soon if same_loop else self.loop.call_soon_threadsafe)(resolve)
        except RuntimeError:  # closed between the check and the call
            return False
        return True


class _Pool:
    """Idle workers, handed out last in, first out, and the callers waiting for one.

    A worker coming back goes straight to the longest-waiting caller, on that caller's event
    loop when it is a coroutine, so a busy pool never sits idle while a waiter is woken. (A
    thread blocked on a queue and then hopping back to the loop left the worker idle for that
    hop on every query once all workers were busy.) Last in, first out: under light load one
    worker takes every query and keeps its RocksDB block cache and the CPU's caches warm;
    handing queries round the pool cost 10–20 % on heavy queries at one client.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._waiters: collections.deque[_Waiter] = collections.deque()
        self._closed = False

    def put(self, w: _Worker) -> None:
        with self._lock:
            while self._waiters:
                waiter = self._waiters.popleft()
                if waiter.state != "waiting":
                    continue
                waiter.state, waiter.worker = "given", w
                if waiter.wake():
                    return
                waiter.state, waiter.worker = "gone", None  # its loop was closed: try the next one
            self._idle.append(w)

    def get_nowait(self) -> _Worker | None:
        with self._lock:
            return self._idle.pop() if self._idle else None

    def discard(self, items: list[_Worker]) -> list[_Worker]:
        """Take those of ``items`` that are idle out of the pool; returns them."""
        ids = {id(i) for i in items}
        with self._lock:
            gone = [w for w in self._idle if id(w) in ids]
            self._idle = [w for w in self._idle if id(w) not in ids]
            return gone

    def close(self) -> list[_Worker]:
        """Empty the pool for good: every waiting caller wakes with no worker at once (instead of
        waiting out its time for one that will never come back); returns the idle workers."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            waiters, self._waiters = list(self._waiters), collections.deque()
            for waiter in waiters:
                if waiter.state == "waiting":
                    waiter.state, waiter.worker = "given", None
                    waiter.wake()
            return idle

    def _enqueue(self, waiter: _Waiter) -> _Worker | None:
        """An idle worker, or None with ``waiter`` in line (or settled at once: the pool is closed)."""
        with self._lock:
            if self._idle:
                return self._idle.pop()
            if self._closed:
                waiter.state = "given"
                return None
            self._waiters.append(waiter)
            return None

    def _settle(self, waiter: _Waiter) -> _Worker | None:
        """After the wait: the worker handed over, or None (and the waiter leaves the line)."""
        with self._lock:
            if waiter.state == "given":
                return waiter.worker
            waiter.state = "gone"
            try:
                self._waiters.remove(waiter)
            except ValueError:
                pass
            return None

    def _leave(self, waiter: _Waiter) -> None:
        """A caller interrupted while waiting leaves the line; a worker handed to it meanwhile
        goes back to the pool."""
        w = self._settle(waiter)
        if w is not None:
            self.put(w)

    def _in_time(self, w: _Worker | None, deadline: float) -> _Worker | None:
        """``w`` if it came before ``deadline``; one handed over just as the wait ran out goes
        back to the pool (the caller has no time left to use it, and killing it would be wrong)."""
        if w is not None and time.monotonic() >= deadline:
            self.put(w)
            return None
        return w

    def get(self, timeout: float) -> _Worker | None:
        """A worker within ``timeout`` seconds (blocking; at once when one is idle), else None."""
        waiter = _Waiter()
        w = self._enqueue(waiter)
        if w is not None or waiter.state == "given":
            return w
        assert waiter.event is not None
        deadline = time.monotonic() + timeout
        try:
            waiter.event.wait(timeout)
        except BaseException:  # interrupted (KeyboardInterrupt, a signal handler): leave the line
            self._leave(waiter)
            raise
        return self._in_time(self._settle(waiter), deadline)

    async def get_async(self, timeout: float) -> _Worker | None:
        """A worker within ``timeout`` seconds, waiting on the event loop, else None."""
        waiter = _Waiter(asyncio.get_running_loop())
        w = self._enqueue(waiter)
        if w is not None or waiter.state == "given":
            return w
        assert waiter.future is not None
        deadline = time.monotonic() + timeout
        try:
            await asyncio.wait([waiter.future], timeout=timeout)
        except BaseException:  # cancelled while waiting: a worker handed over meanwhile goes back
            self._leave(waiter)
            raise
        return self._in_time(self._settle(waiter), deadline)

    def __len__(self) -> int:
        with self._lock:
            return len(self._idle)


def _answer(msg: bytes) -> QueryResult:
    """Turn a worker's answer into a result, or raise the error it reports."""
    import orjson

    nl = msg.index(b"\n")
    meta = orjson.loads(msg[:nl])
    kind = meta[0]
    if kind == "ok":
        return QueryResult(msg[nl + 1:], _media_type(meta[1]), meta[2], meta[1])
    if kind == "syntax":
        raise QuerySyntaxError(meta[1])
    if kind == "rows":
        raise RowLimitExceeded(meta[1])
    if kind == "bytes":
        raise ResultTooLarge(meta[1])
    if kind == "form":
        raise FormNotAcceptable(meta[1])
    raise StoreError(meta[1])


def _media_type(fmt: str) -> str:
    f = RESULT_FORMATS.get(fmt) or RDF_FORMATS[fmt]
    return f.media_type


class StreamedResult:
    """An answer on its way: the worker sends it in parts as pyoxigraph writes it.

    The status is settled (the query parsed, its form has a format, the first part is here);
    :meth:`chunks` yields the body. A task reads the rest from the worker as fast as it comes and
    queues it here, whatever the client's pace: the deadline then bounds the engine's work only,
    the slot goes back with the final message, and a client that reads slowly or not at all
    holds neither the slot nor the worker process (the queue holds at most the answer's size
    cap, as a whole answer did). A consumer that stops early leaves the task to run to the end.

    An error after the first part (the deadline, the size cap, a broken worker) is raised from
    :meth:`chunks`: the HTTP layer then ends the connection before the chunked body's end, which
    clients report as an incomplete answer, never a complete-looking short one."""

    _pumps: set[asyncio.Task[None]] = set()  # running tasks, held so none is collected midway

    def __init__(self, executor: QueryExecutor, w: _Worker, reader: _MessageReader, first: bytes,
                 deadline: float, timeout: float):
        import orjson

        nl = first.index(b"\n")
        _, self.fmt, self.form = orjson.loads(first[:nl])
        self.media_type = _media_type(self.fmt)
        self._queue: asyncio.Queue[tuple[bytes, bool] | StoreError] = asyncio.Queue()
        self._queue.put_nowait((first[nl + 1:], False))
        task = asyncio.get_running_loop().create_task(self._pump(executor, w, reader, deadline, timeout))
        self._pumps.add(task)
        task.add_done_callback(self._pumps.discard)

    async def _pump(self, ex: QueryExecutor, w: _Worker, reader: _MessageReader, deadline: float,
                    timeout: float) -> None:
        import anyio.to_thread

        put = self._queue.put_nowait
        try:
            while True:
                msg = await ex._next(w, reader, deadline)
                if msg.startswith(_PART):
                    put((msg[msg.index(b"\n") + 1:], False))
                    continue
                ex._give_back(w)
                try:
                    put((_answer(msg).body, True))
                except StoreError as e:  # the error the worker reported after its parts
                    put(e)
                return
        except asyncio.TimeoutError:
            await anyio.to_thread.run_sync(ex._retire, w, "overrun")
            put(ex._overran(timeout))
        except (EOFError, OSError) as e:
            ended = w.engine.ended
            if ended == "overrun":  # stopped with a sibling: the parts sent cannot be sent again
                w.close()
                put(QueryTimeout("the query was stopped together with another one that ran past its limit, "
                                 "after its answer had begun; try again"))
            elif ended == "closed" or ex._closed:
                w.close()
                put(StoreError("the query executor is closed"))
            else:
                if ended is None:
                    await anyio.to_thread.run_sync(ex._retire, w, "broken")
                else:
                    w.close()
                put(StoreError(f"the query worker failed ({e or type(e).__name__})"))
        except BaseException:  # the loop is going away: let a thread take the slot to its end
            ex._drain_in_thread(w, reader, deadline)
            raise

    async def chunks(self) -> AsyncIterator[tuple[bytes, bool]]:
        """The body in parts, each with whether it is the last (so the HTTP layer can end the
        chunked body in the same write as the last part)."""
        while True:
            item = await self._queue.get()
            if isinstance(item, StoreError):
                raise item
            yield item
            if item[1]:
                return


class QueryExecutor:
    """Runs queries with a deadline, a row cap and a size cap; ``run`` blocks, ``run_async`` does not.

    Workers start on first use, so building the app (or a test client) costs nothing until a
    query arrives.
    """

    def __init__(self, settings: Settings, stores: StoreProvider | None = None):
        self.settings = settings
        self.stores = stores
        self._ctx = multiprocessing.get_context("spawn")
        self._pool = _Pool()
        self._all: set[_Engine] = set()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self._threads: concurrent.futures.ThreadPoolExecutor | None = None

    @property
    def remote(self) -> bool:
        return self.settings.backend == "sparql"

    # --- pool management -----------------------------------------------------------------
    @property
    def slots(self) -> int:
        return max(1, self.settings.query_workers) * max(1, self.settings.query_threads)

    def _spawn(self) -> _Engine | None:
        """A fresh worker process, or None once the executor is closed."""
        if self._closed:
            return None
        engine = _Engine(self._ctx, str(self.settings.store), self.settings.query_threads)
        with self._lock:
            if not self._closed:
                self._all.add(engine)
                return engine
        engine.kill()  # close() ran meanwhile and would not have seen it
        return None

    def _put_new(self) -> None:
        engine = self._spawn()
        for slot in engine.slots if engine is not None else []:
            self._pool.put(slot)

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
            self._put_new()

    def _retire(self, w: _Worker, why: str) -> None:
        """End the process of an overrunning or broken slot and put a fresh process in its place.

        Its idle slots leave the pool; slots still running a query are closed by their callers,
        which see ``engine.ended`` and (after an overrun) run their query again elsewhere."""
        engine = w.engine
        with self._lock:
            first = engine.ended is None
            if first:
                engine.ended = why
                self._all.discard(engine)
        w.close()
        if not first:
            return
        engine.kill()
        for slot in self._pool.discard(engine.slots):
            slot.close()
        self._put_new()

    def _take(self, w: _Worker | None) -> _Worker | None:
        """``w`` unless its process has been ended (then its slot is closed and None returned)."""
        if self._closed:
            if w is not None:
                w.close()
            raise StoreError("the query executor is closed")
        if w is not None and w.engine.ended is not None:
            w.close()
            return None
        return w

    def _give_back(self, w: _Worker) -> None:
        if w.engine.ended is None:
            self._pool.put(w)
        else:  # its process was ended (a sibling overran) while this query finished
            w.close()

    def _rerun(self, w: _Worker, deadline: float, timeout: float) -> bool:
        """A slot failed under a query (EOF, a broken pipe). True when the query should run
        again on another slot: its process was ended because *another* query overran, and
        enough time is left for a fresh process to start and answer. False when the process
        broke by itself (the caller retires it and reports the failure). Raises otherwise.

        A re-run with almost no time left would overrun in turn and end the fresh process, and
        with it the queries just sent there: so below :data:`RERUN_MIN_LEFT` seconds the caller
        gets a timeout instead."""
        ended = w.engine.ended
        if ended == "overrun":
            w.close()
            if deadline - time.monotonic() >= RERUN_MIN_LEFT:
                return True
            raise QueryTimeout(f"the query was stopped together with another one that ran past its limit, "
                               f"with too little of its own {timeout:g} s left to run again; try again")
        if ended == "closed" or self._closed:
            w.close()
            raise StoreError("the query executor is closed")
        return False

    def _drain(self, w: _Worker, reader: _MessageReader, deadline: float) -> None:
        """The slot of a cancelled caller: wait (in a thread) for its answer and throw it away, so
        the slot goes back to the pool without ending the queries on its sibling slots; end the
        process only if the query runs past its deadline after all."""
        try:
            while not reader.complete():  # (the answer may have come just before the cancel)
                if reader.feed(w.fd) is not None:  # what is already read or there: no wait for more
                    continue
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([w.fd], [], [], left)[0]:
                    self._retire(w, "overrun")
                    return
        except (EOFError, OSError, ValueError):  # ValueError: the slot was closed meanwhile
            if w.engine.ended is None:
                self._retire(w, "broken")
            else:
                w.close()
            return
        self._give_back(w)

    def _drain_in_thread(self, w: _Worker, reader: _MessageReader, deadline: float) -> None:
        threading.Thread(target=self._drain, args=(w, reader, deadline), daemon=True,
                         name="shekara-query-drain").start()

    def close(self) -> None:
        """Stop every worker process (app shutdown). Callers waiting for a slot are told at once;
        queries still running end with an error (their process is ended)."""
        with self._lock:
            self._closed = True
            engines = list(self._all)
            self._all.clear()
        for slot in self._pool.close():
            slot.close()
        for engine in engines:
            engine.ended = "closed"
            engine.kill()
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)

    # --- running ---------------------------------------------------------------------------
    def _job(self, query: str, fmt: str | FormatChoice | None, default_graph: list[str] | None,
             named_graphs: list[str] | None, timeout: float | None,
             substitutions: Mapping[str, Term] | None, row_limit: int | None,
             stream: bool = False) -> tuple[bytes, float]:
        """Check the request and encode it for a worker; returns ``(job message, timeout)``.

        The query is *not* parsed here: the worker parses it anyway and answers a syntax error
        as such (→ 400). Callers that need the form before running (content negotiation) call
        :func:`query_form`, which caches.
        """
        import orjson

        if len(query) > self.settings.max_query_length:
            raise StoreError(f"query longer than {self.settings.max_query_length} characters")
        self._check_federation(query)
        choice = FormatChoice.of(fmt)
        timeout = self.settings.query_timeout if timeout is None else timeout
        limit = self.settings.query_row_limit if row_limit is None else row_limit
        job = {
            "q": query, "choice": (choice.results, choice.rdf),
            "dg": list(default_graph or []), "ng": list(named_graphs or []),
            "subs": {k: encode_term(v) for k, v in (substitutions or {}).items()},
            "limit": limit,
            "bytes": self.settings.query_max_bytes,
            "qlimit": top_level_limit(query),  # read here, where the lexer is loaded and cached
            "ds": dataset_clause(query),  # the query's own FROM / FROM NAMED
            "stream": self.settings.query_stream_bytes if stream else 0,
        }
        return orjson.dumps(job), timeout

    def _check_federation(self, query: str) -> None:
        """Refuse a SERVICE the settings do not allow, before any worker (or server) sees it."""
        problem = federation_problem(query, self.settings.federation_allow)
        if problem is not None:
            raise FederationRefused(problem)

    def _overran(self, timeout: float) -> QueryTimeout:
        return QueryTimeout(f"the query ran longer than the limit of {timeout:g} s and was stopped; "
                            "narrow it down or add LIMIT")

    def _busy(self, timeout: float) -> QueryTimeout:
        return QueryTimeout(f"all {self.slots} query slots stayed busy for "
                            f"{timeout:g} s; try again later")

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
        """Evaluate ``query`` and serialise it (blocking; from threads and the command line).

        ``fmt`` is a format name (json, xml, csv, tsv, ttl, nt, jsonld, rdfxml) or a
        :class:`FormatChoice` naming one format per query form. Raises
        :class:`QuerySyntaxError`, :class:`QueryTimeout`, :class:`RowLimitExceeded`,
        :class:`FormNotAcceptable` or :class:`StoreError`.
        """
        if self.remote:
            if len(query) > self.settings.max_query_length:
                raise StoreError(f"query longer than {self.settings.max_query_length} characters")
            query_form(query, substitutions)  # 400 before any work
            self._check_federation(query)
            return self._run_remote(query, FormatChoice.of(fmt), default_graph, named_graphs,
                                    self.settings.query_timeout if timeout is None else timeout, substitutions,
                                    self.settings.query_row_limit if row_limit is None else row_limit)
        job, timeout = self._job(query, fmt, default_graph, named_graphs, timeout, substitutions, row_limit)
        self._ensure_started()
        deadline = time.monotonic() + timeout
        while True:
            w = self._take(self._pool.get_nowait() or self._pool.get(max(deadline - time.monotonic(), 0.001)))
            if w is None:
                if time.monotonic() < deadline:
                    continue  # an ended process's slot: take another
                raise self._busy(timeout)
            reader = _MessageReader()
            try:
                try:
                    _send_msg(w.fd, job, deadline)
                except TimeoutError:
                    self._retire(w, "overrun")
                    raise self._overran(timeout) from None
                while True:
                    left = deadline - time.monotonic()
                    if left <= 0 or not select.select([w.fd], [], [], left)[0]:
                        self._retire(w, "overrun")
                        raise self._overran(timeout)
                    msg = reader.feed(w.fd)
                    if msg is not None:
                        break
            except (EOFError, OSError) as e:
                if self._rerun(w, deadline, timeout):
                    continue
                self._retire(w, "broken")
                raise StoreError(f"the query worker failed ({e or type(e).__name__})") from e
            self._give_back(w)
            return _answer(msg)

    async def run_async(
        self,
        query: str,
        fmt: str | FormatChoice | None = None,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
        timeout: float | None = None,
        *,
        substitutions: Mapping[str, Term] | None = None,
        row_limit: int | None = None,
        stream: bool = False,
    ) -> QueryResult | StreamedResult:
        """``run`` without blocking the event loop, and without a thread hop when a worker is free.

        With ``stream``, an answer the worker starts sending in parts (see
        ``Settings.query_stream_bytes``) comes back as a :class:`StreamedResult`, whose status is
        settled (200) and whose body follows as the engine writes it; any other answer, and every
        error that happens before the first part, comes as without it.

        The job is written to an idle worker's pipe and the loop watches the pipe
        (``add_reader``), collecting the answer as it arrives; the deadline is an asyncio
        timeout. Handing each query to a thread and back cost ~0.2 ms of the ~1.5 ms a point
        lookup took. When every worker is busy the caller waits on the loop too (:class:`_Pool`);
        a thread is used only to replace a killed worker (starting a process blocks).
        """
        import anyio.to_thread

        if self.remote:
            return await anyio.to_thread.run_sync(functools.partial(
                self.run, query, fmt, default_graph, named_graphs, timeout,
                substitutions=substitutions, row_limit=row_limit))
        job, timeout = self._job(query, fmt, default_graph, named_graphs, timeout, substitutions, row_limit,
                                 stream)
        if not self._started:
            await anyio.to_thread.run_sync(self._ensure_started)
        deadline = time.monotonic() + timeout
        while True:
            w = self._take(self._pool.get_nowait()
                           or await self._pool.get_async(max(deadline - time.monotonic(), 0.001)))
            if w is None:
                if time.monotonic() < deadline:
                    continue  # an ended process's slot: take another
                raise self._busy(timeout)
            reader = _MessageReader()
            try:
                msg = await self._ask(w, job, reader, deadline)
            except _NotSent:  # no thread to write a long job before the deadline: the slot is untouched
                self._give_back(w)
                raise self._overran(timeout) from None
            except asyncio.TimeoutError:
                await anyio.to_thread.run_sync(self._retire, w, "overrun")
                raise self._overran(timeout) from None
            except (EOFError, OSError) as e:
                if self._rerun(w, deadline, timeout):
                    continue
                await anyio.to_thread.run_sync(self._retire, w, "broken")
                raise StoreError(f"the query worker failed ({e or type(e).__name__})") from e
            except BaseException:  # cancelled mid-query: the slot is drained, not its process ended
                if reader.sent:
                    self._drain_in_thread(w, reader, deadline)
                else:  # cancelled before the job went out (a long job waits for a thread): nothing to drain
                    self._give_back(w)
                raise
            if msg.startswith(_PART):  # the slot stays with the stream until its final message
                return StreamedResult(self, w, reader, msg, deadline, timeout)
            self._give_back(w)
            return _answer(msg)

    @staticmethod
    async def _next(w: _Worker, reader: _MessageReader, deadline: float) -> bytes:
        """The next message from slot ``w``, collected on the event loop (``add_reader``)."""
        msg = reader.feed(w.fd)  # already read, or already there: no loop turn
        if msg is not None:
            return msg
        loop = asyncio.get_running_loop()
        done: asyncio.Future[bytes] = loop.create_future()

        def readable() -> None:
            if done.done():
                return
            try:
                msg = reader.feed(w.fd)
            except (EOFError, OSError) as e:
                done.set_exception(e)
                return
            if msg is not None:
                done.set_result(msg)

        loop.add_reader(w.fd, readable)
        try:
            return await asyncio.wait_for(done, max(deadline - time.monotonic(), 0.0))
        finally:
            loop.remove_reader(w.fd)

    @classmethod
    async def _ask(cls, w: _Worker, job: bytes, reader: _MessageReader, deadline: float) -> bytes:
        """Send ``job`` to slot ``w`` and collect the first message of its answer."""
        if len(job) < 65536:
            reader.sent = True
            _send_msg(w.fd, job)  # fits the socket buffer: never blocks
        else:  # may wait for the worker to read it: not on the event loop (a TimeoutError past the
            import anyio  # deadline is asyncio's: the caller ends the worker as for an overrun)
            import anyio.to_thread

            def send() -> None:
                # Set once the thread runs: anyio then waits for it to finish even when the caller
                # is cancelled, while a cancel before it starts leaves the job unsent.
                reader.sent = True
                _send_msg(w.fd, job, deadline)

            # Waiting for a free thread counts against the deadline too: a job still unsent then
            # is a timeout that leaves the worker alone (``_NotSent``); one being written gives up
            # at the deadline in its thread, an overrun as any other.
            try:
                with anyio.fail_after(max(deadline - time.monotonic(), 0.0)):
                    await anyio.to_thread.run_sync(send)
            except TimeoutError:
                if not reader.sent:
                    raise _NotSent() from None
                raise
        return await cls._next(w, reader, deadline)

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

        max_bytes = self.settings.query_max_bytes

        def work() -> tuple[bytes, str]:
            # The remote server sends the whole answer; the caps are checked on what came back.
            if form == "select":
                if choice.results is None:
                    raise FormNotAcceptable(form)
                tsv = store.query_serialized(query, ox.QueryResultsFormat.TSV, **kwargs)
                if tsv.count(b"\n") > limit + 1:
                    raise RowLimitExceeded(limit)
                body, name = _convert_tsv(tsv, choice.results, max_bytes), choice.results
            else:
                name = choice.results if form == "ask" else choice.rdf
                if name is None:
                    raise FormNotAcceptable(form)
                f = RESULT_FORMATS[name].results if form == "ask" else RDF_FORMATS[name].rdf
                body = store.query_serialized(query, f, **kwargs)
            if len(body) > max_bytes:
                raise ResultTooLarge(max_bytes)
            return body, name

        if self._threads is None:
            self._threads = concurrent.futures.ThreadPoolExecutor(
                max_workers=max(2, self.slots), thread_name_prefix="shekara-remote-query")
        fut = self._threads.submit(work)
        try:
            body, name = fut.result(timeout=timeout)
        except concurrent.futures.TimeoutError:
            fut.cancel()
            raise QueryTimeout(f"the remote store did not answer within {timeout:g} s") from None
        return QueryResult(body, _media_type(name), form, name)

    async def select(self, query: str, substitutions: Mapping[str, Term] | None = None,
                     timeout: float | None = None) -> list[dict[str, Any]]:
        """Convenience for internal SELECTs: rows as dicts of SPARQL-JSON term objects."""
        import orjson

        res = await self.run_async(query, "json", timeout=timeout, substitutions=substitutions)
        return orjson.loads(res.body)["results"]["bindings"]
