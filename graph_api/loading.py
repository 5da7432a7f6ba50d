"""Bulk loading of existing RDF files (authority dumps, other projects' data) into the store.

The file is streamed: the parser pulls bytes through a small counting reader, so memory stays
bounded whatever the file size and the caller can draw a progress bar from bytes read / total
bytes (compressed bytes for ``.gz``, which is what the disk holds). The search index needs no
work here: a load bumps the dataset version and the index rebuilds when the version moves.
"""
from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from graph_api.formats import LOAD_SUFFIXES, rdf_format_for_path
from graph_api.store import ReadOnlyError, Store, StoreError

Progress = Callable[[int, int], None]
"""Called as ``progress(bytes_read, total_bytes)``; ``total_bytes`` covers every file of the load."""


class LoadError(StoreError):
    """A file could not be loaded; the message names the file (and the line, for syntax errors)."""


@dataclass
class LoadResult:
    path: Path
    quads: int


class _CountingReader(io.RawIOBase):
    """A binary reader that reports how many bytes of the underlying file were consumed."""

    def __init__(self, raw: IO[bytes], on_read: Callable[[int], None]):
        self._raw = raw
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray) -> int:  # type: ignore[override]
        data = self._raw.read(len(b))
        n = len(data)
        b[:n] = data
        if n:
            self._on_read(n)
        return n


def resolve_format(path: Path, fmt: str | ox.RdfFormat | None) -> ox.RdfFormat:
    """The RDF syntax of ``path``: ``fmt`` (a suffix name such as ``nq``) or else its file name."""
    if isinstance(fmt, ox.RdfFormat):
        return fmt
    found = LOAD_SUFFIXES.get(fmt.lower().lstrip(".")) if fmt else rdf_format_for_path(path.name)
    if found is None:
        known = ", ".join(sorted(LOAD_SUFFIXES))
        raise LoadError(f"{path.name}: cannot tell the RDF format ({'unknown --format ' + fmt if fmt else 'unknown suffix'}); "
                        f"use one of {known} (optionally .gz)")
    return found


def load_files(
    store: Store,
    files: Sequence[Path],
    graph: str | None = None,
    fmt: str | ox.RdfFormat | None = None,
    *,
    base_iri: str | None = None,
    progress: Progress | None = None,
) -> list[LoadResult]:
    """Load ``files`` one after the other; stops at the first failing file with a ``LoadError``.

    ``graph`` sends every triple (and every quad, whatever graph it names) into that named graph.
    Files already loaded stay loaded when a later one fails: a bulk load is not one transaction.
    """
    if store.read_only:
        raise ReadOnlyError("the store is open read-only: nothing can be loaded")
    formats = [resolve_format(f, fmt) for f in files]
    for f in files:
        if not f.is_file():
            raise LoadError(f"file not found: {f}")
    total = sum(f.stat().st_size for f in files)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, total)

    if progress:
        progress(0, total)
    results = []
    for f, rdf in zip(files, formats):
        with open(f, "rb") as raw:
            counted = io.BufferedReader(_CountingReader(raw, advance), buffer_size=1 << 20)
            stream: IO[bytes] = gzip.GzipFile(fileobj=counted, mode="rb") if _is_gzip(f) else counted
            try:
                n = store.load(stream, rdf, graph=graph, base_iri=base_iri)
            except (OSError, EOFError, gzip.BadGzipFile) as e:
                raise LoadError(f"{f.name}: cannot read: {e}") from e
            except ReadOnlyError:
                raise
            except StoreError as e:
                raise LoadError(f"{f.name}: {e}") from e
        results.append(LoadResult(f, n))
    return results


def _is_gzip(path: Path) -> bool:
    if path.suffix.lower() == ".gz":
        return True
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"
