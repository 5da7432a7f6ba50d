"""Wiring ingest to the store: which files to (re)process, one transaction per document.

``ingest`` turns text into triples and knows nothing of storage; this module decides what is
new, writes each document's graph atomically, keeps the cross-document links and the run's
provenance, and reports one outcome per file. A failure in one document never touches the
graph of another, nor leaves half of its own.
"""
from __future__ import annotations

import datetime as dt
import time
import uuid
from urllib.parse import unquote
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph_api import curation
from graph_api.bootstrap import load_static_graphs
from graph_api.settings import Settings
from graph_api.store import Store
from ingest import __version__
from ingest.reading import SUPPORTED_SUFFIXES, Document, ReadError, read_document
from ingest.vocab import PROV, RDF, RDFS, SDO, SHK, XSD, Graphs
from ingest.works import WorkSummary


@dataclass
class Outcome:
    """What happened to one file."""

    path: Path
    status: str  # "stored" | "unchanged" | "failed" | "pruned"
    reason: str = ""
    language: str = ""
    mentions: int = 0
    entities: int = 0
    tokens: int = 0


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    run: str = ""
    seconds: float = 0.0

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Outcome]]:
    """Files to ingest: folders are walked (hidden files and README files skipped)."""
    files: list[Path] = []
    problems: list[Outcome] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if (f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                        and not any(part.startswith(".") for part in rel.parts)
                        and not f.name.lower().startswith("readme")):
                    files.append(f)
        elif p.exists():
            files.append(p)
        else:
            problems.append(Outcome(p, "failed", "no such file or directory"))
    return _one_per_name(files, problems)


def _one_per_name(files: list[Path], problems: list[Outcome]) -> tuple[list[Path], list[Outcome]]:
    """A document is known by its file name (its graph, its IRI, ``schema:identifier``), so two
    different files of one name in one run would overwrite each other's graph, silently: the
    first one named is kept and each other one fails with the reason. A file named twice (a
    folder and a file in it) is simply read once."""
    kept: dict[str, Path] = {}
    out: list[Path] = []
    for f in files:
        first = kept.setdefault(f.name, f)
        if first is f:
            out.append(f)
        elif first.resolve() != f.resolve():
            problems.append(Outcome(f, "failed", f"another file of this run has the same name ({first}): "
                                                 "documents are identified by their file name, rename one"))
    return out, problems


def _stored_hash(store: Store, graphs: Graphs, name: str) -> str | None:
    res = store.query(
        "SELECT ?h WHERE { GRAPH ?g { ?w ?p ?h } } LIMIT 1",
        substitutions={"g": graphs.document(name), "w": graphs.work(name), "p": SHK.contentHash},
    )
    for row in res:
        return row["h"].value
    return None


def _provenance(graphs: Graphs, run: ox.NamedNode, started: dt.datetime, inputs: list[Outcome]) -> list[ox.Triple]:
    ended = dt.datetime.now(dt.timezone.utc)
    t = [
        ox.Triple(run, RDF.type, PROV.Activity),
        ox.Triple(run, RDFS.label, ox.Literal(f"shekara ingest {started.isoformat(timespec='seconds')}", language="en")),
        ox.Triple(run, PROV.startedAtTime, ox.Literal(started.isoformat(), datatype=XSD.dateTime)),
        ox.Triple(run, PROV.endedAtTime, ox.Literal(ended.isoformat(), datatype=XSD.dateTime)),
        ox.Triple(run, PROV.wasAssociatedWith, ox.NamedNode(graphs.base + "id/software/shekara")),
        ox.Triple(ox.NamedNode(graphs.base + "id/software/shekara"), RDF.type, PROV.SoftwareAgent),
        ox.Triple(ox.NamedNode(graphs.base + "id/software/shekara"), SDO.softwareVersion, ox.Literal(__version__)),
    ]
    for o in inputs:
        if o.status in ("stored", "unchanged"):
            t.append(ox.Triple(run, PROV.used, graphs.work(o.path.name)))
        if o.status == "stored":
            t.append(ox.Triple(graphs.document(o.path.name), PROV.wasGeneratedBy, run))
    return t


def ingest_paths(
    store: Store,
    settings: Settings,
    paths: list[Path],
    *,
    prune: bool = False,
    on_document: Callable[[Outcome], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> Report:
    """Ingest files and folders into ``store``; see the module docstring."""
    from ingest.extract import Extractor  # heavy (spaCy, natasha): only when ingesting
    from ingest.works import translation_links

    started = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    graphs = Graphs(settings.base_iri)
    report = Report(run=f"{graphs.base}id/run/{started.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}")
    run = ox.NamedNode(report.run)
    load_static_graphs(store, settings)
    properties = curation.Properties.read(store, graphs)  # for the curators' corrections of every graph written

    files, problems = collect_files(paths)
    if on_start:
        on_start(len(files) + len(problems))  # missing paths are reported (and counted) too

    def emit(o: Outcome) -> None:
        report.outcomes.append(o)
        if on_document:
            on_document(o)

    for o in problems:
        emit(o)

    to_process: list[Document] = []
    for f in files:
        try:
            doc = read_document(f, max_bytes=settings.max_document_bytes)
        except ReadError as e:
            emit(Outcome(f, "failed", str(e)))
            continue
        except Exception as e:  # noqa: BLE001 — a reader bug (e.g. a PDF/DOCX library) fails this file only
            emit(Outcome(f, "failed", f"{type(e).__name__}: {e}"))
            continue
        if _stored_hash(store, graphs, doc.name) == doc.content_hash:
            emit(Outcome(f, "unchanged"))
            continue
        to_process.append(doc)

    by_name = {f.name: f for f in files}
    if to_process:
        extractor = Extractor.load(settings.authority, settings.base_iri, run_iri=report.run)
        for doc, result in extractor.process(to_process, batch_size=settings.ingest_batch_size):
            path = by_name.get(doc.name, Path(doc.name))
            if isinstance(result, Exception):
                emit(Outcome(path, "failed", f"{type(result).__name__}: {result}"))
                continue
            target = graphs.document(doc.name).value
            try:
                _write_corrected(store, graphs, target, result.triples, properties)
            except Exception as e:  # noqa: BLE001 — any store failure is this document's failure
                emit(Outcome(path, "failed", f"store: {e}"))
                continue
            emit(Outcome(path, "stored", language=result.language, mentions=result.mention_count,
                         entities=result.entity_count, tokens=result.token_count))

    if prune:
        present = {f.name for f in files}
        for g in store.named_graphs():
            if g.startswith(graphs.doc_prefix):
                name = unquote(g[len(graphs.doc_prefix):])
                if name not in present:
                    store.drop_graph(g)
                    emit(Outcome(Path(name), "pruned"))

    _write_corrected(store, graphs, graphs.links.value, translation_links(document_summaries(store, graphs)), properties)
    store.insert(graphs.provenance.value, _provenance(graphs, run, started, report.outcomes))
    report.seconds = time.perf_counter() - t0
    return report


def _write_corrected(store: Store, graphs: Graphs, graph: str, triples: list[ox.Triple],
                     properties: curation.Properties) -> None:
    """Write one graph as the curators' decisions want it, and mark the decisions that changed it,
    in one transaction. The decisions are read for each graph: one made while a long ingest runs
    holds for the documents written after it."""
    decisions = curation.load(store, graphs, properties)
    corrected, marks = curation.correct(decisions, graphs, graph, triples)
    if marks:
        store.replace_graphs({graph: corrected}, insert={graphs.decisions.value: marks})
    else:
        store.replace_graph(graph, corrected)


def document_summaries(store: Store, graphs: Graphs) -> list[WorkSummary]:
    """What each stored document says, for detecting translations across documents."""

    rows = store.query(
        """SELECT ?w ?lang ?e ?d WHERE {
             GRAPH ?g { ?w a ?doc ; ?inLanguage ?lang .
                        OPTIONAL { ?w ?mentions ?e . OPTIONAL { ?e ?start ?d } } } }""",
        substitutions={"doc": SHK.Document, "inLanguage": SDO.inLanguage, "mentions": SDO.mentions,
                       "start": SDO.startDate},
    )
    out: dict[str, WorkSummary] = {}
    for r in rows:
        s = out.setdefault(r["w"].value, WorkSummary(r["w"].value, r["lang"].value, set(), set()))
        if r["e"] is not None:
            s.entities.add(r["e"].value)
        if r["d"] is not None:
            s.dates.add(r["d"].value[:4])
    return list(out.values())


def iter_documents(paths: list[Path], settings: Settings) -> Iterator[Document]:
    """Readable documents under ``paths`` (benchmarks use this to feed the pipeline directly)."""
    files, _ = collect_files(paths)
    for f in files:
        try:
            yield read_document(f, max_bytes=settings.max_document_bytes)
        except ReadError:
            continue
