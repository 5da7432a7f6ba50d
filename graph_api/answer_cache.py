"""Answers kept per dataset version: an entity's page or JSON only changes when the data does.

A key holds everything the answer depends on (path, query parameters, the language inputs,
base IRI, dataset version); a write changes the version, so a stale answer is never served.
The routes fill the caches; :mod:`graph_api.fastpath` answers hits before the router.
"""
from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass
class CachedAnswer:
    """One answer: its bytes, status, and the gzip form made on first demand."""

    body: bytes
    status: int
    _gzipped: bytes | None = None

    def gzipped(self) -> bytes:
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.body, compresslevel=5)
        return self._gzipped


class AnswerCache:
    """A thread-safe LRU of :class:`CachedAnswer` (the routes run in a thread pool)."""

    def __init__(self, size: int = 512):
        self.size = size
        self._items: OrderedDict[tuple, CachedAnswer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> CachedAnswer | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: tuple, body: bytes, status: int) -> CachedAnswer:
        answer = CachedAnswer(body, status)
        with self._lock:
            self._items[key] = answer
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return answer


def answer_key(path: str, query_items: list[tuple[str, str]], language: str | None, base: str,
               version: str) -> tuple:
    """``language`` is what picks the labels: the interface language of a page, the
    Accept-Language header of a JSON answer (its ``?lang=`` is among the query items)."""
    return (path, tuple(sorted(query_items)), language, base, version)


PAGES = AnswerCache()     # entity pages (HTML), by interface language
ENTITIES = AnswerCache()  # /api/entities/… and /api/crossborder/{kind}/{slug} (JSON)
DESCRIPTIONS = AnswerCache()  # /data/{kind}/{slug}.{ext}: the RDF description (Linked Data clients)
DESCRIPTION_MAX_BYTES = 256 * 1024  # a document's description carries its text: big ones are not kept
SEARCHES = AnswerCache(4096)  # /api/search answered by the fast path (JSON), per search-index version
