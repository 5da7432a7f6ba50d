"""The embedded backend: one pyoxigraph store in a directory (or in memory)."""
from __future__ import annotations

import gzip
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from ingest.vocab import SHK

from .base import QuerySyntaxError, ReadOnlyError, Statistics, Store, StoreError, Substitutions

VERSION_PREDICATE = SHK.datasetVersion


def _as_quad(t: ox.Triple | ox.Quad, graph: ox.NamedNode) -> ox.Quad:
    return ox.Quad(t.subject, t.predicate, t.object, graph)


def _terms_block(quads: Iterable[ox.Triple | ox.Quad]) -> str:
    # str() of pyoxigraph terms is their N-Triples form, escaped by the library itself.
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in quads)


def vanished(e: BaseException) -> bool:
    """RocksDB's error for a table file deleted under a read-only view (``Store.read_only`` does
    not pin the files of its snapshot; the writer's compactions may remove them), also while the
    view is being opened: its MANIFEST named a file a compaction has just replaced."""
    text = str(e)
    return "IO error" in text and "No such file or directory" in text


OPEN_TRIES = 20  # a compaction that swaps files under an opening view is over in milliseconds


def open_read_only(path: Path | str) -> ox.Store:
    """``Store.read_only``, tried again when a writer's compaction removed a file the view was
    about to open (seen once in some hundred opens during a long ingest)."""
    for _ in range(OPEN_TRIES - 1):
        try:
            return ox.Store.read_only(str(path))
        except (RuntimeError, OSError) as e:
            if not vanished(e):
                raise
            time.sleep(0.02)
    return ox.Store.read_only(str(path))  # the last try: its error is the caller's


class EmbeddedStore(Store):
    """pyoxigraph ``Store``; ``path=None`` gives an in-memory store (tests, scoring)."""

    def __init__(self, path: Path | None, *, base_iri: str, read_only: bool = False):
        self.path = path
        self.base_iri = base_iri
        self.read_only = read_only
        self._snapshot_version: str | None = None
        self._version_node = ox.NamedNode(base_iri + "dataset")
        self._meta_graph = ox.NamedNode(base_iri + "graph/meta")
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError(f"no store at {path} (run `shekara ingest` first)")
                self._store = open_read_only(path)
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as e:
            raise StoreError(f"cannot open the store at {path}: {e}") from e

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for the query worker processes and benchmarks only."""
        return self._store

    # --- reading -------------------------------------------------------------------------
    def query(self, sparql: str, *, substitutions: Substitutions | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None) -> Any:
        from graph_api.query_exec import dataset_clause  # (the reader of query texts; it imports this module)

        kwargs: dict[str, Any] = {}
        if default_graph:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        elif not dataset_clause(sparql):  # a query's own FROM / FROM NAMED is its dataset
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if substitutions:
            kwargs["substitutions"] = {ox.Variable(k): v for k, v in substitutions.items()}
        try:
            try:
                return self._store.query(sparql, **kwargs)
            except RuntimeError as e:
                # pyoxigraph 0.5 refuses to substitute a variable the query does not project
                # ("does not contains variable ?x in its SELECT projection"); bind it in the
                # query text instead, the way the remote backend does.
                if not substitutions or "does not contain" not in str(e):
                    raise StoreError(str(e)) from e
                from .remote import substitute

                del kwargs["substitutions"]
                return self._store.query(substitute(sparql, substitutions), **kwargs)
        except SyntaxError as e:
            raise QuerySyntaxError(str(e)) from e
        except ValueError as e:
            raise QuerySyntaxError(str(e)) from e
        except (OSError, RuntimeError) as e:
            raise StoreError(str(e)) from e

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_quads(self, graph: str) -> list[ox.Quad]:
        return list(self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def export(self, output: IO[bytes], fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        if not fmt.supports_datasets:
            raise StoreError(f"{fmt.name} cannot hold named graphs; use N-Quads or TriG")
        self._store.dump(output, format=fmt)

    def statistics(self) -> Statistics:
        per = {}
        for r in self._store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
            per[r["g"].value] = int(r["n"].value)
        return Statistics(triples=sum(per.values()), graphs=len(per), per_graph=per, version=self.version())

    def version(self) -> str:
        # A read-only view is a snapshot: its version never moves, and the hot paths ask for it
        # on every request (answer-cache keys, the search index check).
        if self._snapshot_version is not None:
            return self._snapshot_version
        found = "0"
        for q in self._store.quads_for_pattern(self._version_node, VERSION_PREDICATE, None, self._meta_graph):
            found = q.object.value
            break
        if self.read_only:
            self._snapshot_version = found
        return found

    def known_version(self) -> str | None:
        return self._snapshot_version

    # --- writing -------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError("the store is open read-only")

    def _bump(self) -> str:
        """SPARQL that replaces the dataset version, to run inside the same update."""
        v = f"{time.time_ns():x}"
        self._pending_version = v
        return (f"DELETE WHERE {{ GRAPH {self._meta_graph} {{ {self._version_node} {VERSION_PREDICATE} ?v }} }} ;\n"
                f"INSERT DATA {{ GRAPH {self._meta_graph} {{ {self._version_node} {VERSION_PREDICATE} \"{v}\" }} }}")

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple | ox.Quad]) -> None:
        self._check_writable()
        g = ox.NamedNode(graph)
        body = _terms_block(triples)
        update = f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }} ;\n{self._bump()}"
        try:
            self._store.update(update)
        except (SyntaxError, ValueError, OSError) as e:
            raise StoreError(f"could not write graph {graph}: {e}") from e
        self._publish()

    def drop_graph(self, graph: str) -> None:
        self._check_writable()
        self._store.update(f"DROP SILENT GRAPH {ox.NamedNode(graph)} ;\n{self._bump()}")
        self._publish()

    def update(self, sparql: str) -> None:
        self._check_writable()
        try:
            self._store.update(f"{sparql}\n;\n{self._bump()}")
            self._publish()
        except SyntaxError as e:
            raise QuerySyntaxError(str(e)) from e
        except (ValueError, OSError) as e:
            raise StoreError(str(e)) from e

    def load(self, source: Path | IO[bytes], fmt: ox.RdfFormat, *, graph: str | None = None,
             base_iri: str | None = None) -> int:
        """Stream-parse into the store; ``bulk_extend`` keeps memory bounded (not one transaction: a bulk load is not a document write)."""
        self._check_writable()
        to_graph = ox.NamedNode(graph) if graph else None
        if isinstance(source, Path):
            opened: IO[bytes] = gzip.open(source, "rb") if source.suffix == ".gz" else open(source, "rb")
        else:
            opened = source
        count = 0
        if to_graph is None or not fmt.supports_datasets:
            # The fast path (``oxigraph load``'s loader): it parses and writes SST files in Rust.
            # It reports no count, so the count is the number of quads the store gained. Counting
            # is a full scan (1.4 s at 5M quads), so an empty store, the usual first load, is
            # recognised by asking for a single quad instead.
            empty = next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is None
            before = 0 if empty else len(self._store)
            try:
                self._store.bulk_load(input=opened, format=fmt, base_iri=base_iri, to_graph=to_graph)
            except (SyntaxError, ValueError) as e:
                raise StoreError(f"parse error: {e}") from e
            finally:
                if isinstance(source, Path):
                    opened.close()
            added = len(self._store) - before
            self._store.update(self._bump())
            self._publish()
            return added

        def counted() -> Iterable[ox.Quad]:
            nonlocal count
            for q in ox.parse(opened, format=fmt, base_iri=base_iri):
                count += 1
                yield q if to_graph is None else ox.Quad(q.subject, q.predicate, q.object, to_graph)

        try:
            self._store.bulk_extend(counted())
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"parse error: {e}") from e
        finally:
            if isinstance(source, Path):
                opened.close()
        self._store.update(self._bump())
        self._publish()
        return count

    def optimize(self) -> None:
        """Compact every column family into one sorted run (RocksDB full compaction).

        A bulk load leaves the loader's files side by side, and every later commit (the version
        marker among them) adds small level-0 files; each query's scans merge over all of them.
        Compacted, the heavy queries of ``bench/queries.py`` ran 20-30 % faster at 1M triples.
        The data is unchanged, so the dataset version stays (caches and the search index remain
        valid); the marker file is republished so that readers reopen onto the new files instead
        of holding the replaced ones open."""
        self._check_writable()
        if self.path is None:
            return
        try:
            self._store.optimize()
        except OSError as e:
            raise StoreError(f"could not optimise the store at {self.path}: {e}") from e
        self._pending_version = self.version()
        self._publish()

    def _publish(self) -> None:
        """After a commit: tell readers in other processes (see ``provider``)."""
        v = getattr(self, "_pending_version", None)
        if v and self.path is not None:
            from .provider import touch_version

            touch_version(self.path, v)

    def close(self) -> None:
        if not self.read_only and self.path is not None:
            try:
                self._store.flush()
            except OSError:
                pass
        del self._store
