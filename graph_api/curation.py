"""Curators' corrections: merge two entities, retract a wrong statement, reject a mention.

Oxigraph does no reasoning, so a correction kept only as a note beside the data would leave every
SPARQL query, page and dump showing the error. A decision is therefore *materialised*: it is
recorded in ``graph/decisions`` and, in the same update, applied to every graph that holds what
it corrects (the documents' graphs, the authority graph, the cross-document links, the curators'
own ``graph/curation``). Ingest writes every document, the links and the authority graph through
all recorded decisions, so re-ingesting the corpus keeps every correction.

Decisions apply in the order they were made, each to the IRIs as they were then: a rejection of
A made before A was merged into B removes A's mentions, never B's own. That order also makes
applying one more decision to data that already went through the others the same as applying
them all again.

Undoing a decision cannot restore what it removed without reading the documents again: the
documents it changed (recorded when it was made and at every ingest since) are marked for
re-extraction, and the authority graph is reloaded from its files at once.

The vocabulary (``ontology/shekara.ttl``). A decision names the entities it is about by
``xsd:anyURI`` literals, not links, so it adds no edge to the graph an entity page or a query walks:

- ``shk:Merge`` — ``shk:mergedEntity`` (the duplicate) and ``shk:mergedInto`` (the IRI kept); the
  decisions graph also says ``<duplicate> owl:sameAs <kept>`` so that whoever held the old IRI
  finds the new one, and the old IRI's pages redirect there;
- ``shk:Retraction`` — ``shk:retractedSubject``, ``shk:retractedPredicate`` and
  ``shk:retractedObject`` (an IRI) or ``shk:retractedValue`` (a literal) of a wrong statement; the
  finer and coarser properties of the same fact (``rdfs:subPropertyOf``; the three label
  properties) go with it, and a symmetric one in both directions;
- ``shk:Rejection`` — ``shk:rejectedEntity`` and, optionally, ``shk:inDocument``: the entity is
  not mentioned in that document (or anywhere): its annotations and its statements there go.

Every decision has ``dct:created``, an optional ``rdfs:comment`` (the curator's reason) and
``shk:affectedGraph`` for each graph it changed.
"""
from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote, unquote

import pyoxigraph as ox

from graph_api.store.base import Store
from ingest.vocab import DCT, KINDS, OA, OWL, RDF, RDFS, SHK, SKOS, XSD, Graphs

MERGE, RETRACTION, REJECTION = SHK.Merge, SHK.Retraction, SHK.Rejection
KIND_NAMES = {MERGE.value: "merge", RETRACTION.value: "retraction", REJECTION.value: "rejection"}
KIND_CLASSES = {name: ox.NamedNode(iri) for iri, name in KIND_NAMES.items()}
LABELS = frozenset({RDFS.label.value, SKOS.prefLabel.value, SKOS.altLabel.value})  # one name, three properties
P2652 = "http://www.wikidata.org/prop/direct/P2652"
Term = ox.NamedNode | ox.BlankNode | ox.Literal


class CurationError(ValueError):
    """A decision that cannot be made as asked; ``status`` is the HTTP answer it deserves."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _uri(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=XSD.anyURI)


@dataclass(frozen=True)
class Decision:
    iri: str
    kind: str  # "merge" | "retraction" | "rejection"
    created: str = ""
    note: str = ""
    source: str | None = None  # merge: the duplicate
    target: str | None = None  # merge: the IRI kept
    statement: tuple[ox.NamedNode, ox.NamedNode, Term] | None = None  # retraction
    entity: str | None = None  # rejection
    document: str | None = None  # rejection: the document's IRI, or None for everywhere
    graphs: tuple[str, ...] = ()

    def triples(self) -> list[ox.Triple]:
        """The decision as it is recorded in the decisions graph."""
        d = ox.NamedNode(self.iri)
        t = [ox.Triple(d, RDF.type, KIND_CLASSES[self.kind]), ox.Triple(d, RDF.type, SHK.CurationDecision),
             ox.Triple(d, DCT.created, ox.Literal(self.created, datatype=XSD.dateTime))]
        if self.note:
            t.append(ox.Triple(d, RDFS.comment, ox.Literal(self.note)))
        if self.kind == "merge":
            assert self.source and self.target
            t += [ox.Triple(d, SHK.mergedEntity, _uri(self.source)), ox.Triple(d, SHK.mergedInto, _uri(self.target)),
                  ox.Triple(ox.NamedNode(self.source), OWL.sameAs, ox.NamedNode(self.target))]
        elif self.kind == "retraction":
            assert self.statement
            s, p, o = self.statement
            t += [ox.Triple(d, SHK.retractedSubject, _uri(s.value)), ox.Triple(d, SHK.retractedPredicate, _uri(p.value))]
            t.append(ox.Triple(d, SHK.retractedObject, _uri(o.value)) if isinstance(o, ox.NamedNode)
                     else ox.Triple(d, SHK.retractedValue, o))
        else:
            assert self.entity
            t.append(ox.Triple(d, SHK.rejectedEntity, _uri(self.entity)))
            if self.document:
                t.append(ox.Triple(d, SHK.inDocument, _uri(self.document)))
        t += affected_triples(self.iri, self.graphs)
        return t

    def summary(self) -> dict[str, Any]:
        """The decision as the JSON API shows it."""
        out: dict[str, Any] = {"id": decision_id(self.iri), "iri": self.iri, "kind": self.kind,
                               "created": self.created, "note": self.note, "graphs": list(self.graphs)}
        if self.kind == "merge":
            out.update({"from": self.source, "into": self.target})
        elif self.kind == "retraction" and self.statement:
            s, p, o = self.statement
            out.update({"subject": s.value, "predicate": p.value, "object": _term_json(o)})
        elif self.kind == "rejection":
            out.update({"entity": self.entity, "document": self.document})
        return out


def affected_triples(decision: str, graphs: Iterable[str]) -> list[ox.Triple]:
    return [ox.Triple(ox.NamedNode(decision), SHK.affectedGraph, _uri(g)) for g in graphs]


def decision_id(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def _term_json(t: Term) -> dict[str, str]:
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["language"] = t.language
        else:
            out["datatype"] = t.datatype.value
        return out
    return {"type": "iri" if isinstance(t, ox.NamedNode) else "bnode", "value": t.value}


def _select(store: Store, query: str, **substitutions: Any) -> list[Any]:
    """The rows of a SELECT, read to the end here: a result iterator keeps the store open, and one
    left in a traceback (a refused decision) would hold the writer's lock."""
    return list(store.query(query, substitutions=substitutions))


def _ask(store: Store, query: str, **substitutions: Any) -> bool:
    return bool(store.query(query, substitutions=substitutions))


# --- which graphs a decision may change ------------------------------------------------------------
def curated_graph(graphs: Graphs, graph: str) -> bool:
    """Extracted and authority data and the curators' own additions are corrected; the decisions,
    provenance, ontology and shapes graphs and the version marker are not."""
    return graph.startswith(graphs.doc_prefix) or graph in (graphs.authority.value, graphs.links.value,
                                                            graphs.curation.value)


def document_of(graphs: Graphs, graph: str) -> str | None:
    """The document IRI whose extraction a document graph holds."""
    if not graph.startswith(graphs.doc_prefix):
        return None
    return graphs.work(unquote(graph[len(graphs.doc_prefix):])).value


def graph_of(graphs: Graphs, document: str) -> str | None:
    """The graph of a document IRI (``…/id/document/{name}``)."""
    prefix = graphs.base + "id/document/"
    if not document.startswith(prefix) or len(document) == len(prefix):
        return None
    return graphs.doc_prefix + quote(unquote(document[len(prefix):]), safe="")


# --- property families ------------------------------------------------------------------------------
@dataclass
class Properties:
    """``rdfs:subPropertyOf`` and ``owl:SymmetricProperty`` as the ontology graph declares them."""

    parents: dict[str, set[str]] = field(default_factory=dict)
    symmetric: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, store: Store, graphs: Graphs) -> Properties:
        props = cls()
        for r in _select(store, "SELECT ?sub ?sup WHERE { GRAPH ?g { ?sub ?subOf ?sup } }",
                         g=graphs.ontology, subOf=RDFS.subPropertyOf):
            props.parents.setdefault(r["sub"].value, set()).add(r["sup"].value)
        props.symmetric = {r["p"].value for r in _select(store, "SELECT ?p WHERE { GRAPH ?g { ?p a ?sym } }",
                                                         g=graphs.ontology, sym=OWL.SymmetricProperty)}
        return props

    def _closure(self, start: str, edges: dict[str, set[str]]) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for n in edges.get(todo.pop(), ()):
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        return seen

    def family(self, p: str) -> set[str]:
        """The properties that state the same fact as ``p`` between the same two terms: ``p``, the
        properties it refines, and every refinement of those (a library's ``shk:locatedIn`` and
        its ``schema:location`` are one statement; a name is one in all three label properties)."""
        if p in LABELS:
            return set(LABELS)
        children: dict[str, set[str]] = {}
        for sub, sups in self.parents.items():
            for sup in sups:
                children.setdefault(sup, set()).add(sub)
        out: set[str] = set()
        for q in self._closure(p, self.parents):
            out |= self._closure(q, children)
        return out

    def is_symmetric(self, family: set[str]) -> bool:
        return bool(family & self.symmetric) or P2652 in family


# --- applying decisions to triples ------------------------------------------------------------------
def _value(t: Any) -> str:
    return t.value if isinstance(t, ox.NamedNode) else str(t)


def _merge(triples: list[ox.Triple], source: str, target: str) -> list[ox.Triple]:
    src, dst = ox.NamedNode(source), ox.NamedNode(target)
    out = []
    for t in triples:
        moved_s, moved_o = t.subject == src, t.object == src
        if not (moved_s or moved_o):
            out.append(t)
            continue
        s, o = (dst if moved_s else t.subject), (dst if moved_o else t.object)
        if s == o:
            continue  # "A partner of B" after merging A into B says nothing
        p = SKOS.altLabel if moved_s and t.predicate in (SKOS.prefLabel, RDFS.label) else t.predicate
        out.append(ox.Triple(s, p, o))  # the kept entity keeps its own names; the duplicate's are variants
    return out


def _retract(triples: list[ox.Triple], statement: tuple[ox.NamedNode, ox.NamedNode, Term],
             props: Properties) -> list[ox.Triple]:
    s, p, o = statement
    fam = props.family(p.value)
    both = props.is_symmetric(fam) and isinstance(o, ox.NamedNode)
    return [t for t in triples if not (t.predicate.value in fam and (
        (t.subject == s and t.object == o) or (both and t.subject == o and t.object == s)))]


def _reject(triples: list[ox.Triple], entity: str) -> list[ox.Triple]:
    """Without the entity's annotations (and the targets and selectors only they use) and without
    any statement about or pointing at the entity."""
    e = ox.NamedNode(entity)
    gone: set[Any] = {t.subject for t in triples if t.predicate == OA.hasBody and t.object == e}
    frontier = set(gone)
    while frontier:  # the annotation's target, the target's selectors (blank nodes or IRIs of its own)
        nxt = {t.object for t in triples if t.subject in frontier and t.predicate in (OA.hasTarget, OA.hasSelector)
               and not isinstance(t.object, ox.Literal)}
        frontier = nxt - gone
        gone |= frontier
    return [t for t in triples if t.subject not in gone and t.subject != e and t.object != e]


def _unique(triples: list[ox.Triple]) -> list[ox.Triple]:
    seen: set[ox.Triple] = set()
    out = []
    for t in triples:
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


@dataclass
class Decisions:
    """Every recorded decision, oldest first, ready to correct a graph's triples."""

    items: list[Decision]
    properties: Properties

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def merges(self) -> dict[str, str]:
        """Duplicate → the IRI finally kept (a chain of merges is followed to its end; a cycle,
        which only writes around the API can make, leads nowhere)."""
        direct = {d.source: d.target for d in self.items if d.kind == "merge" and d.source and d.target}
        out = {}
        for src in direct:
            seen, cur = {src}, direct[src]
            while cur in direct and cur not in seen:
                seen.add(cur)
                cur = direct[cur]
            if cur not in seen:
                out[src] = cur
        return out

    def one(self, d: Decision, graphs: Graphs, graph: str, triples: list[ox.Triple]) -> list[ox.Triple]:
        """``triples`` of ``graph`` after decision ``d`` alone."""
        if d.kind == "merge" and d.source and d.target:
            return _merge(triples, d.source, d.target)
        if d.kind == "retraction" and d.statement:
            return _retract(triples, d.statement, self.properties)
        if d.kind == "rejection" and d.entity and (d.document is None or d.document == document_of(graphs, graph)):
            return _reject(triples, d.entity)
        return triples

    def transform(self, graphs: Graphs, graph: str, triples: Iterable[ox.Triple | ox.Quad]
                  ) -> tuple[list[ox.Triple], list[str]]:
        """``triples`` of ``graph`` as the decisions, applied in their order, want them; and the
        IRIs of the decisions that changed something (undo has to know)."""
        out = [ox.Triple(t.subject, t.predicate, t.object) for t in triples]
        changed = []
        for d in self.items:
            after = self.one(d, graphs, graph, out)
            if len(after) != len(out) or after != out:
                changed.append(d.iri)
            out = after
        return _unique(out), changed


# --- reading and writing decisions ------------------------------------------------------------------
DECISIONS_QUERY = """
SELECT ?d ?kind ?created ?note ?src ?dst ?s ?p ?o ?v ?e ?doc WHERE { GRAPH ?dg {
  ?d a ?kind . FILTER(?kind IN (?merge, ?retraction, ?rejection))
  OPTIONAL { ?d ?createdP ?created }
  OPTIONAL { ?d ?commentP ?note }
  OPTIONAL { ?d ?mergedEntityP ?src ; ?mergedIntoP ?dst }
  OPTIONAL { ?d ?subjectP ?s ; ?predicateP ?p OPTIONAL { ?d ?objectP ?o } OPTIONAL { ?d ?valueP ?v } }
  OPTIONAL { ?d ?rejectedP ?e OPTIONAL { ?d ?inDocP ?doc } }
} } ORDER BY ?created ?d"""


def _decision_terms(graphs: Graphs) -> dict[str, ox.NamedNode]:
    return {"dg": graphs.decisions, "merge": MERGE, "retraction": RETRACTION, "rejection": REJECTION,
            "createdP": DCT.created, "commentP": RDFS.comment, "mergedEntityP": SHK.mergedEntity,
            "mergedIntoP": SHK.mergedInto, "subjectP": SHK.retractedSubject, "predicateP": SHK.retractedPredicate,
            "objectP": SHK.retractedObject, "valueP": SHK.retractedValue, "rejectedP": SHK.rejectedEntity,
            "inDocP": SHK.inDocument}


def read_decisions(store: Store, graphs: Graphs) -> list[Decision]:
    """Every decision of the decisions graph, oldest first."""
    affected: dict[str, list[str]] = {}
    for r in _select(store, "SELECT ?d ?g WHERE { GRAPH ?dg { ?d ?p ?g } }", dg=graphs.decisions,
                     p=SHK.affectedGraph):
        affected.setdefault(r["d"].value, []).append(r["g"].value)
    out: dict[str, Decision] = {}
    for r in _select(store, DECISIONS_QUERY, **_decision_terms(graphs)):
        iri = r["d"].value
        if iri in out:
            continue
        v = lambda name: r[name].value if r[name] is not None else None  # noqa: E731
        statement = None
        if r["s"] is not None and (r["o"] is not None or r["v"] is not None):
            try:
                statement = (ox.NamedNode(r["s"].value), ox.NamedNode(r["p"].value),
                             ox.NamedNode(r["o"].value) if r["o"] is not None else r["v"])
            except ValueError:
                continue  # written around the API, and not a statement: ignored
        out[iri] = Decision(iri=iri, kind=KIND_NAMES[r["kind"].value], created=v("created") or "",
                            note=v("note") or "", source=v("src"), target=v("dst"), statement=statement,
                            entity=v("e"), document=v("doc"), graphs=tuple(sorted(set(affected.get(iri, [])))))
    return list(out.values())


def load(store: Store, graphs: Graphs, properties: Properties | None = None) -> Decisions:
    """The decisions and the ontology's property families, to correct what ingest writes."""
    return Decisions(read_decisions(store, graphs), properties or Properties.read(store, graphs))


_MERGES_CACHE: dict[tuple[int, str], dict[str, str]] = {}
_MERGES_LOCK = threading.Lock()


def merged_into(store: Store, graphs: Graphs, iri: str) -> str | None:
    """The IRI a merged-away entity now lives at (its pages redirect there), or None. The map is
    read once per dataset version of each store view."""
    key = (id(store), store.version())
    merges = _MERGES_CACHE.get(key)
    if merges is None:
        merges = Decisions([d for d in read_decisions(store, graphs) if d.kind == "merge"], Properties()).merges
        with _MERGES_LOCK:
            if len(_MERGES_CACHE) > 8:
                _MERGES_CACHE.clear()
            _MERGES_CACHE[key] = merges
    target = merges.get(iri)
    return target if target != iri else None


def moved(store: Store, base: str, kind: str, slug: str) -> str | None:
    """Where the entity ``{base}id/{kind}/{slug}`` lives after a merge: the ``kind/slug`` of the
    IRI kept (its pages and IRI answer 301 there), or None."""
    target = merged_into(store, Graphs(base), f"{base}id/{kind}/{slug}")
    if target is None or not target.startswith(base + "id/"):
        return None
    return target[len(base) + 3:]


def new_decision_iri(graphs: Graphs) -> str:
    return f"{graphs.decisions.value}#{uuid.uuid4().hex[:16]}"


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")  # orders decisions


# --- planning: checks, and what a decision changes ---------------------------------------------------
def entity_iri(graphs: Graphs, value: str, name: str) -> str:
    """``value`` as an entity IRI of this dataset, or a 400 that says what is wrong."""
    try:
        ox.NamedNode(value)
    except ValueError as e:
        raise CurationError(400, f"{name}: not an IRI: {value!r} ({e})") from e
    prefix = graphs.base + "id/"
    kind, _, slug = value[len(prefix):].partition("/") if value.startswith(prefix) else ("", "", "")
    if kind not in KINDS or not slug:
        raise CurationError(400, f"{name}: {value} is not an entity IRI of this dataset "
                                 f"({prefix}KIND/SLUG, KIND one of {', '.join(KINDS)})")
    return value


def _kind(graphs: Graphs, iri: str) -> str:
    return iri[len(graphs.base) + 3:].split("/", 1)[0]


def _exists(store: Store, iri: str) -> bool:
    return _ask(store, "ASK { ?e a ?t }", e=ox.NamedNode(iri))


def _graphs_with(store: Store, graphs: Graphs, iri: str) -> list[str]:
    rows = _select(store, "SELECT DISTINCT ?g WHERE { { GRAPH ?g { ?x ?p ?o } } UNION { GRAPH ?g { ?s ?p ?x } } }",
                   x=ox.NamedNode(iri))
    return sorted(g for g in (r["g"].value for r in rows) if curated_graph(graphs, g))


def _not_merged_away(merges: dict[str, str], iri: str, name: str) -> None:
    if iri in merges:
        raise CurationError(409, f"{name}: {iri} was merged into {merges[iri]}; name that one")


def plan_merge(store: Store, graphs: Graphs, source: str, target: str, note: str = "") -> Decision:
    """Check a merge and find what it changes; nothing is written."""
    source, target = entity_iri(graphs, source, "from"), entity_iri(graphs, target, "into")
    if source == target:
        raise CurationError(400, "an entity cannot be merged into itself")
    if _kind(graphs, source) != _kind(graphs, target):
        raise CurationError(400, f"only two entities of one kind can be merged: {_kind(graphs, source)} and "
                                 f"{_kind(graphs, target)} are two")
    merges = Decisions(read_decisions(store, graphs), Properties()).merges
    if source in merges:
        raise CurationError(409, f"from: {source} was already merged into {merges[source]}")
    _not_merged_away(merges, target, "into")
    for name, iri in (("from", source), ("into", target)):
        if not _exists(store, iri):
            raise CurationError(404, f"{name}: nothing is known about {iri}")
    return Decision(iri=new_decision_iri(graphs), kind="merge", created=now(), note=note, source=source,
                    target=target, graphs=tuple(_graphs_with(store, graphs, source)))


def plan_retraction(store: Store, graphs: Graphs, properties: Properties, s: ox.NamedNode, p: ox.NamedNode,
                    o: Term, note: str = "") -> Decision:
    merges = Decisions(read_decisions(store, graphs), Properties()).merges
    _not_merged_away(merges, s.value, "subject")
    if isinstance(o, ox.NamedNode):
        _not_merged_away(merges, o.value, "object")
    fam = properties.family(p.value)
    rows = _select(store, "SELECT DISTINCT ?g ?q WHERE { GRAPH ?g { ?s ?q ?o } }", s=s, o=o)
    found = {r["g"].value for r in rows if r["q"].value in fam}
    if properties.is_symmetric(fam) and isinstance(o, ox.NamedNode):
        rows = _select(store, "SELECT DISTINCT ?g ?q WHERE { GRAPH ?g { ?o ?q ?s } }", s=s, o=o)
        found |= {r["g"].value for r in rows if r["q"].value in fam}
    found = {g for g in found if curated_graph(graphs, g)}
    if not found:
        raise CurationError(404, f"no extracted, authority or curators' graph states {s} {p} {o}")
    return Decision(iri=new_decision_iri(graphs), kind="retraction", created=now(), note=note,
                    statement=(s, p, o), graphs=tuple(sorted(found)))


def plan_rejection(store: Store, graphs: Graphs, entity: str, document: str | None, note: str = "") -> Decision:
    entity = entity_iri(graphs, entity, "entity")
    if _kind(graphs, entity) == "document":
        raise CurationError(400, "a document is not rejected: drop it with `shekara ingest --prune`")
    _not_merged_away(Decisions(read_decisions(store, graphs), Properties()).merges, entity, "entity")
    where = _graphs_with(store, graphs, entity)
    if document is not None:
        g = graph_of(graphs, document)
        if g is None:
            raise CurationError(400, f"document: {document} is not a document of this dataset "
                                     f"({graphs.base}id/document/NAME, or the file name)")
        where = [x for x in where if x == g]
        if not where:
            raise CurationError(404, f"{document} does not mention {entity}")
    elif not where:
        raise CurationError(404, f"nothing is known about {entity}")
    return Decision(iri=new_decision_iri(graphs), kind="rejection", created=now(), note=note, entity=entity,
                    document=document, graphs=tuple(where))


def apply(store: Store, graphs: Graphs, decision: Decision) -> None:
    """Record ``decision`` and correct the graphs it names, all in one update (one transaction):
    a reader sees the data before or after it, never half of it. The graphs went through every
    earlier decision already, so the new one alone is applied to them."""
    props = Properties.read(store, graphs)
    one = Decisions([decision], props)
    rewritten = {g: one.transform(graphs, g, store.graph_quads(g))[0] for g in decision.graphs}
    store.replace_graphs(rewritten, insert={graphs.decisions.value: decision.triples()})


def undo(store: Store, graphs: Graphs, wanted: str) -> tuple[Decision, list[str]]:
    """Forget a decision. What it removed is not restored here (only the documents hold it): the
    documents it changed lose their content hash, so the next ``shekara ingest`` reads them again,
    and so does the authority graph (the caller reloads it at once). Returns the decision and the
    names of the documents to ingest again."""
    found = [d for d in read_decisions(store, graphs) if decision_id(d.iri) == wanted]
    if not found:
        raise CurationError(404, f"no curation decision {wanted}")
    d = found[0]
    names = [unquote(g[len(graphs.doc_prefix):]) for g in d.graphs if g.startswith(graphs.doc_prefix)]
    parts = [f"DELETE WHERE {{ GRAPH {graphs.decisions} {{ {ox.NamedNode(d.iri)} ?p ?o }} }}"]
    if d.kind == "merge" and d.source and d.target:
        parts.append(f"DELETE DATA {{ GRAPH {graphs.decisions} {{ {ox.NamedNode(d.source)} {OWL.sameAs} "
                     f"{ox.NamedNode(d.target)} }} }}")
    for g in d.graphs:
        if g == graphs.authority.value:
            node: ox.NamedNode | None = ox.NamedNode(g)
        elif g.startswith(graphs.doc_prefix):
            node = graphs.work(unquote(g[len(graphs.doc_prefix):]))
        else:
            node = None
        if node is not None:
            parts.append(f"DELETE WHERE {{ GRAPH {ox.NamedNode(g)} {{ {node} {SHK.contentHash} ?h }} }}")
    store.update(" ;\n".join(parts))
    return replace(d), names


def statement_terms(subject: str, predicate: str, obj: str | None, literal: dict[str, str] | None) -> tuple[
        ox.NamedNode, ox.NamedNode, Term]:
    """The terms of a statement given as JSON; a clear error for anything that is not one."""
    try:
        s, p = ox.NamedNode(subject), ox.NamedNode(predicate)
    except ValueError as e:
        raise CurationError(400, f"subject and predicate must be IRIs: {e}") from e
    if (obj is None) == (literal is None):
        raise CurationError(400, "give the object either as an IRI (object) or as a literal (literal)")
    if obj is not None:
        try:
            return s, p, ox.NamedNode(obj)
        except ValueError as e:
            raise CurationError(400, f"object is not an IRI: {e}") from e
    assert literal is not None
    value, lang, datatype = literal.get("value"), literal.get("language"), literal.get("datatype")
    if value is None:
        raise CurationError(400, "a literal needs a value")
    try:
        if lang:
            return s, p, ox.Literal(value, language=lang)
        return s, p, ox.Literal(value, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)
    except ValueError as e:
        raise CurationError(400, f"not a literal: {e}") from e


def correct(decisions: Decisions, graphs: Graphs, graph: str, triples: Sequence[ox.Triple]
            ) -> tuple[list[ox.Triple], list[ox.Triple]]:
    """What ingest writes for ``graph`` (its triples as the recorded decisions want them), and what
    it adds to the decisions graph: which decisions changed this graph, so that undoing one marks it."""
    if not decisions:
        return list(triples), []
    out, changed = decisions.transform(graphs, graph, triples)
    return out, [t for d in changed for t in affected_triples(d, [graph])]
