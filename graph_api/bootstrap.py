"""Loading the static graphs (ontology, shapes, authority data) into the store.

Each is replaced whole when its files changed, so editing the authority file and running
``shekara ingest`` again is enough; a content hash kept beside each graph avoids rewriting them
when nothing changed.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox

from graph_api import curation
from graph_api.settings import Settings
from graph_api.store import Store, StoreError
from ingest.vocab import SHK, Graphs


def _hash(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return "sha256:" + h.hexdigest()


def _parse(files: list[Path], base_iri: str) -> list[ox.Triple]:
    triples: list[ox.Triple] = []
    for f in files:
        try:
            for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE, base_iri=base_iri):
                triples.append(ox.Triple(q.subject, q.predicate, q.object))
        except SyntaxError as e:
            raise StoreError(f"{f}: {e}") from e
    return triples


def static_sources(settings: Settings) -> dict[str, list[Path]]:
    """Graph IRI → the Turtle files that make it."""
    graphs = Graphs(settings.base_iri)
    return {
        graphs.ontology.value: [settings.ontology / "shekara.ttl"],
        graphs.shapes.value: [settings.ontology / "shapes.ttl"],
        graphs.authority.value: sorted(settings.authority.glob("*.ttl")),
    }


def load_static_graphs(store: Store, settings: Settings) -> list[str]:
    """Bring the static graphs up to date; returns the IRIs of the graphs rewritten."""
    changed = []
    graphs = Graphs(settings.base_iri)
    for graph, files in static_sources(settings).items():
        files = [f for f in files if f.exists()]
        if not files:
            continue
        digest = _hash(files)
        known = store.query(
            "ASK { GRAPH ?g { ?g ?hash ?h } }",
            substitutions={"g": ox.NamedNode(graph), "hash": SHK.contentHash, "h": ox.Literal(digest)},
        )
        if bool(known):
            continue
        triples = _parse(files, settings.base_iri)
        marks: list[ox.Triple] = []
        if graph == graphs.authority.value:  # curators' merges, retractions and rejections hold here too
            triples, marks = curation.correct(curation.load(store, graphs), graphs, graph, triples)
        triples.append(ox.Triple(ox.NamedNode(graph), SHK.contentHash, ox.Literal(digest)))
        if marks:
            store.replace_graphs({graph: triples}, insert={graphs.decisions.value: marks})
        else:
            store.replace_graph(graph, triples)
        changed.append(graph)
    return changed
