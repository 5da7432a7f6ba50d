"""The store interface every backend implements.

Callers (CLI, ingest runner, HTTP app) see only this class, so the embedded Oxigraph store and
a remote SPARQL 1.1 server are interchangeable. Results are pyoxigraph objects whichever the
backend: a remote answer is parsed back into them.
"""
from __future__ import annotations

import abc
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox


class StoreError(Exception):
    """A store failure with a one-line, user-readable reason."""


class QuerySyntaxError(StoreError):
    """The query or update text does not parse; the message is the parser's."""


class ReadOnlyError(StoreError):
    """A write was attempted on a store opened read-only."""


@dataclass
class Statistics:
    triples: int
    graphs: int
    per_graph: dict[str, int] = field(default_factory=dict)
    version: str = ""


Substitutions = Mapping[str, ox.NamedNode | ox.Literal | ox.BlankNode]


class Store(abc.ABC):
    """A quad store with a union default graph."""

    read_only: bool = False

    # --- reading -------------------------------------------------------------------------
    @abc.abstractmethod
    def query(
        self,
        sparql: str,
        *,
        substitutions: Substitutions | None = None,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Any:
        """Evaluate a query; the default graph is the union of all graphs unless given.

        Returns what pyoxigraph returns: ``QuerySolutions``, ``QueryBoolean`` or ``QueryTriples``.
        ``substitutions`` binds variables (name without ``?``) to terms — the only way user
        input enters a query.
        """

    def query_serialized(
        self,
        sparql: str,
        fmt: ox.QueryResultsFormat | ox.RdfFormat,
        **kwargs: Any,
    ) -> bytes:
        """Evaluate and serialise in one step (pyoxigraph serialises without holding the GIL)."""
        result = self.query(sparql, **kwargs)
        if isinstance(result, ox.QueryTriples):
            if not isinstance(fmt, ox.RdfFormat):
                raise StoreError("CONSTRUCT/DESCRIBE results need an RDF format")
        elif isinstance(fmt, ox.RdfFormat):
            raise StoreError("SELECT/ASK results need a SPARQL results format")
        return result.serialize(format=fmt)

    @abc.abstractmethod
    def named_graphs(self) -> list[str]:
        """IRIs of all named graphs."""

    @abc.abstractmethod
    def graph_quads(self, graph: str) -> list[ox.Quad]:
        """All quads of one named graph."""

    @abc.abstractmethod
    def export(self, output: IO[bytes], fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> None:
        """Write the whole dataset (every graph) to ``output``."""

    @abc.abstractmethod
    def statistics(self) -> Statistics:
        """Triple and graph counts, and the dataset version."""

    @abc.abstractmethod
    def version(self) -> str:
        """An opaque string that changes with every committed write (ETags use it)."""

    def known_version(self) -> str | None:
        """The version if it is known without any I/O (a read-only snapshot's), else None: callers
        on the event loop use it, and ask ``version()`` from a thread otherwise."""
        return None

    # --- writing -------------------------------------------------------------------------
    @abc.abstractmethod
    def replace_graph(self, graph: str, triples: Iterable[ox.Triple | ox.Quad]) -> None:
        """Replace the content of one named graph in one transaction: all or nothing."""

    @abc.abstractmethod
    def drop_graph(self, graph: str) -> None:
        """Remove a named graph (no error if absent)."""

    @abc.abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update in one transaction."""

    @abc.abstractmethod
    def load(
        self,
        source: Path | IO[bytes],
        fmt: ox.RdfFormat,
        *,
        graph: str | None = None,
        base_iri: str | None = None,
    ) -> int:
        """Stream RDF into the store (memory bounded); returns the number of quads read (the
        embedded bulk loader reports none, so there it is the number of quads the store gained)."""

    def optimize(self) -> None:
        """Compact the storage for reading. Only a store that owns its files can: a remote
        engine manages its own (``oxigraph optimize``, Fuseki's compact, GraphDB's own tools)."""
        raise StoreError("this backend keeps no files of its own to optimise: "
                         "use the SPARQL engine's own tool (e.g. `oxigraph optimize --location DIR`)")

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Triple | ox.Quad]],
                       insert: Mapping[str, Iterable[ox.Triple | ox.Quad]] | None = None) -> None:
        """Replace several graphs and add to others in one SPARQL update, hence one transaction
        (a curation decision and the graphs it corrects change together). All the triples go in
        one ``INSERT DATA`` block: a blank node may not be shared between two blocks."""
        parts = [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in graphs]
        blocks = []
        for g, triples in [*graphs.items(), *(insert or {}).items()]:
            body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
            if body:
                blocks.append(f"GRAPH {ox.NamedNode(g)} {{\n{body}\n}}")
        if blocks:
            parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        if parts:
            self.update(" ;\n".join(parts))

    def insert(self, graph: str, triples: Iterable[ox.Triple | ox.Quad]) -> None:
        """Add triples to a named graph in one transaction (terms serialised by pyoxigraph)."""
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        self.update(f"INSERT DATA {{ GRAPH {ox.NamedNode(graph)} {{\n{body}\n}} }}")

    def close(self) -> None:
        """Release the store (flush, unlock)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
