"""Curators' corrections: merge two entities, retract a wrong statement, reject a mention.

Oxigraph does no reasoning, so a correction kept only as a note beside the data would leave every
SPARQL query, page and dump showing the error. A decision is therefore *materialised*: it is
recorded in ``graph/curation`` and, in the same update, applied to every graph that holds what
it corrects (the documents' graphs, the authority graph, the cross-document links). Ingest
applies all recorded decisions to a document's triples before it writes them, and the
authority graph is rewritten through them too, so re-ingesting the corpus keeps every
correction. Undoing a decision cannot restore what it removed without reading the documents
again: the documents it touched are marked for re-extraction instead.

The vocabulary (``ontology/shekara.ttl``):

- ``shk:Merge`` — ``shk:mergedEntity`` (the duplicate) and ``shk:mergedInto`` (the IRI kept); the
  curation graph also says ``<duplicate> owl:sameAs <kept>`` so that whoever held the old IRI
  finds the new one, and the old IRI's pages redirect there;
- ``shk:Retraction`` — ``rdf:subject``, ``rdf:predicate``, ``rdf:object`` of a wrong statement;
  the finer and coarser properties of the same fact (``rdfs:subPropertyOf``) go with it, and a
  symmetric one in both directions;
- ``shk:Rejection`` — ``shk:rejectedEntity`` and, optionally, ``shk:inDocument``: the entity is
  not mentioned in that document (or anywhere): its annotations and its statements there go.

Every decision has ``dct:created``, an optional ``rdfs:comment`` (the curator's reason) and
``shk:affectedGraph`` for each graph it changed when it was made.
"""
from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

import pyoxigraph as ox

from graph_api.store.base import Store
from ingest.vocab import DCT, OA, OWL, RDF, RDFS, SHK, SKOS, Graphs

MERGE, RETRACTION, REJECTION = SHK.Merge, SHK.Retraction, SHK.Rejection
KIND_NAMES = {MERGE.value: "merge", RETRACTION.value: "retraction", REJECTION.value: "rejection"}
Term = ox.NamedNode | ox.BlankNode | ox.Literal


class CurationError(ValueError):
    """A decision that cannot be made as asked; ``status`` is the HTTP answer it deserves."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


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
        """The decision as it is recorded in the curation graph."""
        d = ox.NamedNode(self.iri)
        kind = {"merge": MERGE, "retraction": RETRACTION, "rejection": REJECTION}[self.kind]
        t = [ox.Triple(d, RDF.type, kind), ox.Triple(d, RDF.type, SHK.CurationDecision),
             ox.Triple(d, DCT.created, ox.Literal(self.created, datatype=ox.NamedNode(
                 "http://www.w3.org/2001/XMLSchema#dateTime")))]
        if self.note:
            t.append(ox.Triple(d, RDFS.comment, ox.Literal(self.note)))
        if self.kind == "merge":
            assert self.source and self.target
            src, dst = ox.NamedNode(self.source), ox.NamedNode(self.target)
            t += [ox.Triple(d, SHK.mergedEntity, src), ox.Triple(d, SHK.mergedInto, dst),
                  ox.Triple(src, OWL.sameAs, dst)]
        elif self.kind == "retraction":
            assert self.statement
            s, p, o = self.statement
            t += [ox.Triple(d, RDF.subject, s), ox.Triple(d, RDF.predicate, p), ox.Triple(d, RDF.object, o)]
        else:
            assert self.entity
            t.append(ox.Triple(d, SHK.rejectedEntity, ox.NamedNode(self.entity)))
            if self.document:
                t.append(ox.Triple(d, SHK.inDocument, ox.NamedNode(self.document)))
        t += [ox.Triple(d, SHK.affectedGraph, ox.NamedNode(g)) for g in self.graphs]
        return t

    def summary(self) -> dict[str, Any]:
        """The decision as the JSON API shows it."""
        out: dict[str, Any] = {"id": self.iri.rsplit("#", 1)[-1], "iri": self.iri, "kind": self.kind,
                               "created": self.created, "note": self.note, "graphs": list(self.graphs)}
        if self.kind == "merge":
            out.update({"from": self.source, "into": self.target})
        elif self.kind == "retraction" and self.statement:
            s, p, o = self.statement
            out.update({"subject": s.value, "predicate": p.value, "object": _term_json(o)})
        elif self.kind == "rejection":
            out.update({"entity": self.entity, "document": self.document})
        return out


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
    """Extracted and authority data is corrected; the curation, provenance, ontology and shapes
    graphs and the version marker are not."""
    return graph.startswith(graphs.doc_prefix) or graph in (graphs.authority.value, graphs.links.value)


def document_of(graphs: Graphs, graph: str) -> str | None:
    """The document IRI whose extraction a document graph holds."""
    if not graph.startswith(graphs.doc_prefix):
        return None
    return graphs.work(unquote(graph[len(graphs.doc_prefix):])).value


def graph_of(graphs: Graphs, document: str) -> str | None:
    """The graph of a document IRI (``…/id/document/{name}``)."""
    prefix = graphs.base + "id/document/"
    if not document.startswith(prefix):
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
        its ``schema:location`` are one statement)."""
        children: dict[str, set[str]] = {}
        for sub, sups in self.parents.items():
            for sup in sups:
                children.setdefault(sup, set()).add(sub)
        up = self._closure(p, self.parents)
        out: set[str] = set()
        for q in up:
            out |= self._closure(q, children)
        return out

    def is_symmetric(self, family: set[str]) -> bool:
        return bool(family & self.symmetric) or "http://www.wikidata.org/prop/direct/P2652" in family


# --- applying decisions to triples ------------------------------------------------------------------
@dataclass
class Decisions:
    """Every recorded decision, ready to correct a graph's triples."""

    items: list[Decision]
    properties: Properties

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def merges(self) -> dict[str, str]:
        """Duplicate → the IRI finally kept (a chain of merges is followed to its end)."""
        direct = {d.source: d.target for d in self.items if d.kind == "merge" and d.source and d.target}
        out = {}
        for src in direct:
            seen, cur = {src}, direct[src]
            while cur in direct and cur not in seen:
                seen.add(cur)
                cur = direct[cur]
            out[src] = cur
        return out

    def transform(self, graphs: Graphs, graph: str, triples: Iterable[ox.Triple | ox.Quad]) -> list[ox.Triple]:
        """``triples`` of ``graph`` as the decisions want them (idempotent: applying twice changes
        nothing more)."""
        merged = self.merges
        out = [ox.Triple(t.subject, t.predicate, t.object) for t in triples]
        if merged:
            out = _merge(out, merged)
        retracted = [d for d in self.items if d.kind == "retraction" and d.statement]
        if retracted:
            drop: set[tuple[str, str, str]] = set()
            for d in retracted:
                s, p, o = d.statement  # type: ignore[misc]
                s_v, o_v = merged.get(s.value, s.value), str(_mapped(o, merged))
                fam = self.properties.family(p.value)
                for q in fam:
                    drop.add((s_v, q, o_v))
                    if self.properties.is_symmetric(fam) and isinstance(o, ox.NamedNode):
                        drop.add((o_v.strip("<>"), q, str(ox.NamedNode(s_v))))
            out = [t for t in out if (_value(t.subject), t.predicate.value, str(t.object)) not in drop]
        doc = document_of(graphs, graph)
        rejected = {merged.get(d.entity, d.entity) for d in self.items
                    if d.kind == "rejection" and d.entity and (d.document is None or d.document == doc)}
        if rejected:
            out = _reject(out, rejected)
        return _unique(out)


def _value(t: Any) -> str:
    return t.value if isinstance(t, ox.NamedNode) else str(t)


def _mapped(t: Term, merged: dict[str, str]) -> Term:
    if isinstance(t, ox.NamedNode) and t.value in merged:
        return ox.NamedNode(merged[t.value])
    return t


def _merge(triples: list[ox.Triple], merged: dict[str, str]) -> list[ox.Triple]:
    out = []
    for t in triples:
        s, o = _mapped(t.subject, merged), _mapped(t.object, merged)
        moved_s, moved_o = s != t.subject, o != t.object
        p = t.predicate
        if moved_s and p in (SKOS.prefLabel, RDFS.label):
            p = SKOS.altLabel  # the kept entity keeps its own names; the duplicate's become variants
        if s == o and (moved_s or moved_o):
            continue  # "A partner of B" after merging A into B says nothing
        out.append(ox.Triple(s, p, o))
    return out


def _reject(triples: list[ox.Triple], entities: set[str]) -> list[ox.Triple]:
    """Without the entities' annotations (and the targets and selectors only they use) and without
    any statement about or pointing at the entities."""
    gone: set[Any] = {t.subject for t in triples if t.predicate == OA.hasBody and _value(t.object) in entities}
    frontier = set(gone)
    while frontier:  # the annotation's target, the target's selectors (blank nodes or IRIs of its own)
        nxt = {t.object for t in triples if t.subject in frontier and t.predicate in (OA.hasTarget, OA.hasSelector)
               and not isinstance(t.object, ox.Literal)}
        frontier = nxt - gone
        gone |= frontier
    return [t for t in triples if t.subject not in gone
            and _value(t.subject) not in entities and _value(t.object) not in entities]


def _unique(triples: list[ox.Triple]) -> list[ox.Triple]:
    seen: set[ox.Triple] = set()
    out = []
    for t in triples:
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


# --- reading and writing decisions ------------------------------------------------------------------
DECISIONS_QUERY = """
SELECT ?d ?kind ?created ?note ?src ?dst ?s ?p ?o ?e ?doc WHERE { GRAPH ?cg {
  ?d a ?kind . FILTER(?kind IN (?merge, ?retraction, ?rejection))
  OPTIONAL { ?d ?createdP ?created }
  OPTIONAL { ?d ?commentP ?note }
  OPTIONAL { ?d ?mergedEntityP ?src ; ?mergedIntoP ?dst }
  OPTIONAL { ?d ?subjectP ?s ; ?predicateP ?p ; ?objectP ?o }
  OPTIONAL { ?d ?rejectedP ?e OPTIONAL { ?d ?inDocP ?doc } }
} } ORDER BY ?created ?d"""


def _decision_terms(graphs: Graphs) -> dict[str, ox.NamedNode]:
    return {"cg": graphs.curation, "merge": MERGE, "retraction": RETRACTION, "rejection": REJECTION,
            "createdP": DCT.created, "commentP": RDFS.comment, "mergedEntityP": SHK.mergedEntity,
            "mergedIntoP": SHK.mergedInto, "subjectP": RDF.subject, "predicateP": RDF.predicate,
            "objectP": RDF.object, "rejectedP": SHK.rejectedEntity, "inDocP": SHK.inDocument}


def read_decisions(store: Store, graphs: Graphs) -> list[Decision]:
    """Every decision of the curation graph, oldest first."""
    affected: dict[str, list[str]] = {}
    for r in _select(store, "SELECT ?d ?g WHERE { GRAPH ?cg { ?d ?p ?g } }", cg=graphs.curation,
                     p=SHK.affectedGraph):
        affected.setdefault(r["d"].value, []).append(r["g"].value)
    out: dict[str, Decision] = {}
    for r in _select(store, DECISIONS_QUERY, **_decision_terms(graphs)):
        iri = r["d"].value
        if iri in out:
            continue
        kind = KIND_NAMES[r["kind"].value]
        v = lambda name: r[name].value if r[name] is not None else None  # noqa: E731
        statement = None
        if kind == "retraction" and r["s"] is not None:
            statement = (r["s"], r["p"], r["o"])
        out[iri] = Decision(iri=iri, kind=kind, created=v("created") or "", note=v("note") or "",
                            source=v("src"), target=v("dst"), statement=statement, entity=v("e"),
                            document=v("doc"), graphs=tuple(sorted(affected.get(iri, []))))
    return list(out.values())


def load(store: Store, graphs: Graphs) -> Decisions:
    """The decisions and the ontology's property families, to correct what ingest writes."""
    return Decisions(read_decisions(store, graphs), Properties.read(store, graphs))


_MERGES_CACHE: dict[tuple[int, str], dict[str, str]] = {}
_MERGES_LOCK = threading.Lock()


def merged_into(store: Store, graphs: Graphs, iri: str) -> str | None:
    """The IRI a merged-away entity now lives at (its pages redirect there), or None. The map is
    read once per dataset version of each store view."""
    version = store.version()
    key = (id(store), version)
    merges = _MERGES_CACHE.get(key)
    if merges is None:
        merges = Decisions([d for d in read_decisions(store, graphs) if d.kind == "merge"], Properties()).merges
        with _MERGES_LOCK:
            if len(_MERGES_CACHE) > 8:
                _MERGES_CACHE.clear()
            _MERGES_CACHE[key] = merges
    return merges.get(iri)


def moved(store: Store, base: str, kind: str, slug: str) -> str | None:
    """Where the entity ``{base}id/{kind}/{slug}`` lives after a merge: the ``kind/slug`` of the
    IRI kept (its pages and IRI answer 301 there), or None."""
    target = merged_into(store, Graphs(base), f"{base}id/{kind}/{slug}")
    if target is None or not target.startswith(base + "id/"):
        return None
    return target[len(base) + 3:]


def new_decision_iri(graphs: Graphs) -> str:
    return f"{graphs.curation.value}#{uuid.uuid4().hex[:16]}"


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")  # orders decisions


def _kind_of(graphs: Graphs, iri: str) -> str | None:
    prefix = graphs.base + "id/"
    if not iri.startswith(prefix):
        return None
    kind, _, slug = iri[len(prefix):].partition("/")
    return kind if slug else None


def _exists(store: Store, iri: str) -> bool:
    return _ask(store, "ASK { ?e a ?t }", e=ox.NamedNode(iri))


def _graphs_with(store: Store, graphs: Graphs, iri: str) -> list[str]:
    rows = _select(store, "SELECT DISTINCT ?g WHERE { { GRAPH ?g { ?x ?p ?o } } UNION { GRAPH ?g { ?s ?p ?x } } }",
                   x=ox.NamedNode(iri))
    return sorted(g for g in (r["g"].value for r in rows) if curated_graph(graphs, g))


def plan_merge(store: Store, graphs: Graphs, source: str, target: str, note: str = "") -> Decision:
    """Check a merge and find what it changes; nothing is written."""
    for name, iri in (("from", source), ("into", target)):
        if _kind_of(graphs, iri) is None:
            raise CurationError(400, f"{name}: {iri} is not an entity IRI of this dataset ({graphs.base}id/KIND/SLUG)")
    if source == target:
        raise CurationError(400, "an entity cannot be merged into itself")
    if _kind_of(graphs, source) != _kind_of(graphs, target) or _kind_of(graphs, source) == "document":
        raise CurationError(400, f"only two entities of one kind can be merged ({_kind_of(graphs, source)} "
                                 f"and {_kind_of(graphs, target)} are not)")
    merges = Decisions([d for d in read_decisions(store, graphs) if d.kind == "merge"], Properties()).merges
    if source in merges:
        raise CurationError(409, f"{source} was already merged into {merges[source]}")
    if target in merges:
        raise CurationError(409, f"{target} was itself merged into {merges[target]}: merge into that one")
    for name, iri in (("from", source), ("into", target)):
        if not _exists(store, iri):
            raise CurationError(404, f"{name}: nothing is known about {iri}")
    return Decision(iri=new_decision_iri(graphs), kind="merge", created=now(), note=note, source=source,
                    target=target, graphs=tuple(_graphs_with(store, graphs, source)))


def plan_retraction(store: Store, graphs: Graphs, properties: Properties, s: ox.NamedNode, p: ox.NamedNode,
                    o: Term, note: str = "") -> Decision:
    fam = properties.family(p.value)
    rows = _select(store, "SELECT DISTINCT ?g ?q WHERE { GRAPH ?g { ?s ?q ?o } }", s=s, o=o)
    found = {r["g"].value for r in rows if r["q"].value in fam}
    if properties.is_symmetric(fam) and isinstance(o, ox.NamedNode):
        rows = _select(store, "SELECT DISTINCT ?g ?q WHERE { GRAPH ?g { ?o ?q ?s } }", s=s, o=o)
        found |= {r["g"].value for r in rows if r["q"].value in fam}
    found = {g for g in found if curated_graph(graphs, g)}
    if not found:
        raise CurationError(404, f"no extracted or authority graph states {s} {p} {o}")
    return Decision(iri=new_decision_iri(graphs), kind="retraction", created=now(), note=note,
                    statement=(s, p, o), graphs=tuple(sorted(found)))


def plan_rejection(store: Store, graphs: Graphs, entity: str, document: str | None, note: str = "") -> Decision:
    if _kind_of(graphs, entity) in (None, "document"):
        raise CurationError(400, f"{entity} is not an entity IRI of this dataset")
    where = _graphs_with(store, graphs, entity)
    if document is not None:
        g = graph_of(graphs, document)
        if g is None:
            raise CurationError(400, f"{document} is not a document of this dataset ({graphs.base}id/document/NAME)")
        where = [x for x in where if x == g]
        if not where:
            raise CurationError(404, f"{document} does not mention {entity}")
    elif not where:
        raise CurationError(404, f"nothing is known about {entity}")
    return Decision(iri=new_decision_iri(graphs), kind="rejection", created=now(), note=note, entity=entity,
                    document=document, graphs=tuple(where))


def apply(store: Store, graphs: Graphs, decision: Decision) -> None:
    """Record ``decision`` and correct the graphs it names, all in one update (one transaction):
    a reader sees the data before or after it, never half of it."""
    decisions = load(store, graphs)
    decisions.items.append(decision)
    rewritten = {g: decisions.transform(graphs, g, store.graph_quads(g)) for g in decision.graphs}
    store.replace_graphs(rewritten, insert={graphs.curation.value: decision.triples()})


def undo(store: Store, graphs: Graphs, decision_id: str) -> tuple[Decision, list[str]]:
    """Forget a decision. What it removed is not restored here (only the documents hold it): the
    documents it touched lose their content hash, so the next ``shekara ingest`` reads them
    again; the authority graph is reloaded from its files the same way. Returns the decision and
    the names of the documents to ingest again."""
    found = [d for d in read_decisions(store, graphs) if d.iri.rsplit("#", 1)[-1] == decision_id]
    if not found:
        raise CurationError(404, f"no curation decision {decision_id}")
    d = found[0]
    names = [unquote(g[len(graphs.doc_prefix):]) for g in d.graphs if g.startswith(graphs.doc_prefix)]
    parts = [f"DELETE WHERE {{ GRAPH {graphs.curation} {{ {ox.NamedNode(d.iri)} ?p ?o }} }}"]
    if d.kind == "merge" and d.source and d.target:
        parts.append(f"DELETE DATA {{ GRAPH {graphs.curation} {{ {ox.NamedNode(d.source)} {OWL.sameAs} "
                     f"{ox.NamedNode(d.target)} }} }}")
    for g in d.graphs:
        node = ox.NamedNode(g) if g == graphs.authority.value else graphs.work(unquote(g[len(graphs.doc_prefix):])) \
            if g.startswith(graphs.doc_prefix) else None
        if node is not None:
            parts.append(f"DELETE WHERE {{ GRAPH {ox.NamedNode(g)} {{ {node} {SHK.contentHash} ?h }} }}")
    store.update(" ;\n".join(parts))
    return d, names


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


def correct(decisions: Decisions, graphs: Graphs, graph: str, triples: Sequence[ox.Triple]) -> list[ox.Triple]:
    """What ingest writes for ``graph``: its triples as the recorded decisions want them."""
    return decisions.transform(graphs, graph, triples) if decisions else list(triples)
