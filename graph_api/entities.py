"""Reading entities and documents out of the store for the JSON API and the HTML pages.

Every query here binds user input through ``substitutions`` or, where the optimizer must see the
IRI as a constant to start from it, writes a ``NamedNode`` (validated and escaped by pyoxigraph)
into the text — never raw strings; it asks
for ``DISTINCT`` rows (the default graph is the union of all graphs, so a fact stated in two
graphs would otherwise come back twice), and is bounded: lists are counted and paged so nothing is
silently cut. Results carry IRIs; turning them into labels in the reader's language is done in
one batch per answer by :class:`Labeller`.
"""
from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

import pyoxigraph as ox

from graph_api.labels import LABEL_PREDICATES, NAME, Label, pick
from graph_api.store import Store
from ingest.vocab import KINDS, PREFIXES

PREFIX_BLOCK = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
LABEL_FILTER = "FILTER(?lp IN (skos:prefLabel, rdfs:label, skos:altLabel))"
# Documents carry schema:name rather than labels; it is fetched as the last resort before the IRI.
NAME_FILTER = "FILTER(?lp IN (skos:prefLabel, rdfs:label, skos:altLabel, schema:name))"
DOCUMENT = "document"
PROVENANCE_KINDS = ("run", "software")
"""Minted for provenance, not entities: ``id/run/{id}`` (one ingest, a ``prov:Activity``) and
``id/software/{name}`` (its ``prov:SoftwareAgent``). They have pages and RDF, but are no kind of
the browsing API, the search or the counts."""
GRAPH_PATH = "graph/"


def q(text: str) -> str:
    """Query text with the project's prefixes prepended."""
    return PREFIX_BLOCK + text


# --- IRIs and links -------------------------------------------------------------------------
def entity_iri(base: str, kind: str, slug: str) -> ox.NamedNode | None:
    """The IRI of ``{base}id/{kind}/{slug}``, or None when kind/slug cannot name an entity."""
    if kind not in KINDS and kind != DOCUMENT:
        return None
    if not slug or "/" in slug or len(slug) > 500:
        return None
    try:
        name = quote(unquote(slug), safe="") if kind == DOCUMENT else slug
        return ox.NamedNode(f"{base}id/{kind}/{name}")
    except ValueError:
        return None


def split_iri(base: str, iri: str) -> tuple[str, str] | None:
    """(kind, slug) of a minted IRI, None for anything else (Wikidata, blank nodes, classes)."""
    prefix = base + "id/"
    if not iri.startswith(prefix):
        return None
    kind, _, slug = iri[len(prefix):].partition("/")
    if (kind in KINDS or kind == DOCUMENT) and slug and "/" not in slug:
        return kind, slug
    return None


def provenance_iri(base: str, kind: str, slug: str) -> ox.NamedNode | None:
    """The IRI of ``{base}id/run/{id}`` or ``{base}id/software/{name}``, None for anything else."""
    if kind not in PROVENANCE_KINDS or not slug or "/" in slug or len(slug) > 500:
        return None
    try:
        return ox.NamedNode(f"{base}id/{kind}/{slug}")
    except ValueError:
        return None


def split_provenance_iri(base: str, iri: str) -> tuple[str, str] | None:
    """(kind, slug) of a run or software IRI (see :data:`PROVENANCE_KINDS`), else None."""
    prefix = base + "id/"
    if not iri.startswith(prefix):
        return None
    kind, _, slug = iri[len(prefix):].partition("/")
    return (kind, slug) if kind in PROVENANCE_KINDS and slug and "/" not in slug and "#" not in slug else None


def graph_name(base: str, iri: str) -> str | None:
    """``authority`` or ``doc/{file}`` of a named graph's IRI ``{base}graph/…``; None if not one."""
    prefix = base + GRAPH_PATH
    name = iri[len(prefix):] if iri.startswith(prefix) else ""
    return name if name and "#" not in name else None


def page_link(base: str, iri: str) -> str | None:
    """Path of our HTML page for an IRI (``/page/{kind}/{slug}``, ``/page/run/{id}``,
    ``/page/graph/{name}``); None when it is not ours."""
    parts = split_iri(base, iri) or split_provenance_iri(base, iri)
    if parts:
        return f"/page/{parts[0]}/{parts[1]}"
    name = graph_name(base, iri)
    return f"/page/graph/{name}" if name else None


def data_links(base: str, iri: str) -> dict[str, str]:
    """The RDF representations of an entity (or a run, or the software), served by the Linked Data routes."""
    parts = split_iri(base, iri) or split_provenance_iri(base, iri)
    if not parts:
        return {}
    stem = f"/data/{parts[0]}/{parts[1]}"
    return {"turtle": stem + ".ttl", "jsonld": stem + ".jsonld", "ntriples": stem + ".nt", "rdfxml": stem + ".rdf"}


def graph_data_links(base: str, iri: str) -> dict[str, str]:
    """A named graph's content in every format ``/data/graph/…`` serves (quads keep its name)."""
    name = graph_name(base, iri)
    if not name:
        return {}
    stem = f"/data/graph/{name}"
    return {"turtle": stem + ".ttl", "jsonld": stem + ".jsonld", "ntriples": stem + ".nt", "rdfxml": stem + ".rdf",
            "nquads": stem + ".nq", "trig": stem + ".trig"}


def graph_size(store: Store, graph: ox.NamedNode) -> int:
    """Number of triples in one named graph."""
    rows = list(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", substitutions={"g": graph}))
    return int(rows[0]["n"].value) if rows and rows[0]["n"] is not None else 0


def graph_classes(store: Store, graph: ox.NamedNode, limit: int = 20) -> list[tuple[str, int]]:
    """The classes most used in one named graph, with how many subjects have each: what it holds."""
    rows = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } FILTER(isIRI(?c)) } "
                       f"GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT {int(limit)}", substitutions={"g": graph})
    return [(r["c"].value, int(r["n"].value)) for r in rows]


def graph_sizes(store: Store) -> dict[str, int]:
    """Triples per named graph, once per dataset version (a scan of every quad)."""
    return per_version(store, "graph-sizes", lambda: dict(store.statistics().per_graph))


def curie(iri: str) -> str:
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and iri != ns:
            return f"{p}:{iri[len(ns):]}"
    return iri


def term_value(term: Any) -> Any:
    """A Python value for a literal (numbers as numbers), the IRI string for a named node."""
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        try:
            if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
                return int(term.value)
            if dt.endswith(("#decimal", "#double", "#float")):
                return float(term.value)
        except ValueError:
            pass
        return term.value
    return getattr(term, "value", str(term))


def literal_lang(term: Any) -> str:
    return (term.language or "") if isinstance(term, ox.Literal) else ""


# --- labels ---------------------------------------------------------------------------------
def labels_for(store: Store, iris: Iterable[str]) -> dict[str, list[Label]]:
    """All labels of many IRIs in one query.

    The IRIs come from the store itself (never from the request); they are written into the
    ``VALUES`` block by pyoxigraph's own N-Triples serialisation, which escapes them.
    """
    wanted = sorted({i for i in iris if i})
    out: dict[str, list[Label]] = {i: [] for i in wanted}
    for start in range(0, len(wanted), 400):
        chunk = wanted[start:start + 400]
        values = " ".join(str(ox.NamedNode(i)) for i in chunk)
        rows = store.query(q(f"SELECT DISTINCT ?s ?lp ?l WHERE {{ VALUES ?s {{ {values} }} ?s ?lp ?l . "
                             f"{NAME_FILTER} FILTER(isLiteral(?l)) }}"))
        for r in rows:
            out[r["s"].value].append(Label(r["l"].value, literal_lang(r["l"]), r["lp"].value))
    return out


@dataclass
class Labeller:
    """Collects IRIs, fetches their labels once, and renders references in one language chain."""

    store: Store
    base: str
    chain: Sequence[str]
    _labels: dict[str, list[Label]] = field(default_factory=dict)

    def load(self, iris: Iterable[str]) -> None:
        missing = {i for i in iris if i and i not in self._labels}
        if missing:
            self._labels.update(labels_for(self.store, missing))

    def label(self, iri: str) -> Label:
        if iri not in self._labels:
            self.load([iri])
        return pick(self._labels.get(iri, []), self.chain, iri)

    def ref(self, iri: str) -> dict[str, Any]:
        lb = self.label(iri)
        parts = split_iri(self.base, iri)
        return {"iri": iri, "label": lb.text, "lang": lb.lang or None,
                "kind": parts[0] if parts else None, "link": page_link(self.base, iri)}


# --- one entity -----------------------------------------------------------------------------
RDF_TYPE = PREFIXES["rdf"] + "type"
OA_HAS_BODY = PREFIXES["oa"] + "hasBody"
SCHEMA_TEXT = PREFIXES["schema"] + "text"
SCHEMA_MENTIONS = PREFIXES["schema"] + "mentions"
NAME_PREDICATES = frozenset((*LABEL_PREDICATES, NAME))
NOT_FACTS = frozenset((*LABEL_PREDICATES, SCHEMA_TEXT))
NEIGHBOURHOOD_CAP = 5000
"""Statements fetched whole for one entity; beyond this the view falls back to counted, paged queries."""


@dataclass
class Neighbourhood:
    """Every distinct statement about an entity and every distinct link to it, fetched in two queries.

    The entity view needs names, types, facts, outgoing and incoming links, mentioning documents
    and existence; asked one by one (count + page each) that was a dozen queries per request.
    All of them are slices of the subject's and the object's statements, which an index answers
    directly from the bound IRI, so they are fetched once and cut up in Python. ``complete`` is
    False when either side has more than :data:`NEIGHBOURHOOD_CAP` rows: the caller then uses the
    paged SPARQL functions below, which give the same answers.
    """

    out: list[tuple[str, Any]]  # (property IRI, object term)
    inc: list[tuple[Any, str]]  # (subject term, property IRI)
    complete: bool

    @property
    def exists(self) -> bool:
        return bool(self.out or self.inc)


def neighbourhood(store: Store, iri: ox.NamedNode, cap: int | None = None) -> Neighbourhood:
    """The entity's statements (both directions), DISTINCT over the union of all graphs."""
    cap = NEIGHBOURHOOD_CAP if cap is None else cap
    # ?e is projected so pyoxigraph binds it natively (no rewrite of the query text).
    out = [(r["p"].value, r["o"]) for r in
           store.query(f"SELECT DISTINCT ?e ?p ?o WHERE {{ ?e ?p ?o }} LIMIT {int(cap) + 1}",
                       substitutions={"e": iri})]
    inc = [(r["s"], r["p"].value) for r in
           store.query(f"SELECT DISTINCT ?s ?p ?e WHERE {{ ?s ?p ?e }} LIMIT {int(cap) + 1}",
                       substitutions={"e": iri})]
    return Neighbourhood(out, inc, len(out) <= cap and len(inc) <= cap)


def _term_order(term: Any) -> tuple[int, str]:
    """SPARQL ``ORDER BY`` of terms of one column: blank nodes, then IRIs, then the rest."""
    if isinstance(term, ox.BlankNode):
        return (0, term.value)
    if isinstance(term, ox.NamedNode):
        return (1, term.value)
    return (2, getattr(term, "value", str(term)))


def labels_from(nb: Neighbourhood) -> list[Label]:
    """As :func:`entity_labels`: literal names (labels and ``schema:name``)."""
    return [Label(o.value, literal_lang(o), p) for p, o in nb.out if p in NAME_PREDICATES and isinstance(o, ox.Literal)]


def types_from(nb: Neighbourhood) -> list[str]:
    """As :func:`types`."""
    return sorted({o.value for p, o in nb.out if p == RDF_TYPE and isinstance(o, ox.NamedNode)})


def facts_from(nb: Neighbourhood, limit: int) -> tuple[int, list[tuple[str, Any, str, str]]]:
    """As :func:`facts` (ordered by property, then value text; ties by language and datatype)."""
    rows = [(p, o) for p, o in nb.out if isinstance(o, ox.Literal) and p not in NOT_FACTS]
    rows.sort(key=lambda r: (r[0], r[1].value, literal_lang(r[1]), r[1].datatype.value if r[1].datatype else ""))
    return len(rows), [(p, term_value(o), o.datatype.value if o.datatype else "", literal_lang(o))
                       for p, o in rows[:max(0, int(limit))]]


def outgoing_from(nb: Neighbourhood, offset: int, limit: int) -> tuple[int, list[tuple[str, str]]]:
    """As :func:`outgoing`."""
    rows = sorted((p, o.value) for p, o in nb.out if isinstance(o, ox.NamedNode) and p != RDF_TYPE)
    return len(rows), rows[offset:offset + limit]


def incoming_from(nb: Neighbourhood, offset: int, limit: int) -> tuple[int, list[tuple[str, str]]]:
    """As :func:`incoming`."""
    rows = sorted((p, s.value) for s, p in nb.inc if isinstance(s, ox.NamedNode) and p != OA_HAS_BODY)
    return len(rows), [(s, p) for p, s in rows[offset:offset + limit]]


def mentioning_documents_from(nb: Neighbourhood, limit: int) -> tuple[int, list[str]]:
    """As :func:`mentioning_documents`."""
    docs = sorted({s for s, p in nb.inc if p == SCHEMA_MENTIONS}, key=_term_order)
    return len(docs), [getattr(d, "value", str(d)) for d in docs[:limit]]


def exists(store: Store, iri: ox.NamedNode) -> bool:
    return bool(store.query("ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }", substitutions={"e": iri}))


def entity_labels(store: Store, iri: ox.NamedNode) -> list[Label]:
    return labels_for(store, [iri.value]).get(iri.value, [])


def types(store: Store, iri: ox.NamedNode) -> list[str]:
    rows = store.query("SELECT DISTINCT ?t WHERE { ?e a ?t } ORDER BY ?t", substitutions={"e": iri})
    return [r["t"].value for r in rows if isinstance(r["t"], ox.NamedNode)]


def facts(store: Store, iri: ox.NamedNode, limit: int) -> tuple[int, list[tuple[str, Any, str, str]]]:
    """Literal-valued statements other than names: (property, value, datatype, language)."""
    where = ("?e ?p ?o . FILTER(isLiteral(?o)) FILTER(?p NOT IN (skos:prefLabel, rdfs:label, skos:altLabel, "
             "schema:text))")
    total = _count(store, where, {"e": iri}, "?p ?o")
    rows = store.query(q(f"SELECT DISTINCT ?p ?o WHERE {{ {where} }} ORDER BY ?p STR(?o) LIMIT {int(limit)}"),
                       substitutions={"e": iri})
    out = []
    for r in rows:
        o = r["o"]
        out.append((r["p"].value, term_value(o), o.datatype.value if o.datatype else "", literal_lang(o)))
    return total, out


def _count(store: Store, where: str, subs: dict[str, Any], distinct_vars: str) -> int:
    rows = store.query(q(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT {distinct_vars} WHERE {{ {where} }} }}"),
                       substitutions=subs)
    for r in rows:
        return int(r["n"].value)
    return 0


def outgoing(store: Store, iri: ox.NamedNode, offset: int, limit: int) -> tuple[int, list[tuple[str, str]]]:
    """Links from the entity to other resources (not its types): (property, target), paged."""
    where = "?e ?p ?o . FILTER(isIRI(?o)) FILTER(?p != rdf:type)"
    total = _count(store, where, {"e": iri}, "?p ?o")
    rows = store.query(q(f"SELECT DISTINCT ?p ?o WHERE {{ {where} }} ORDER BY ?p ?o "
                         f"LIMIT {int(limit)} OFFSET {int(offset)}"), substitutions={"e": iri})
    return total, [(r["p"].value, r["o"].value) for r in rows]


def incoming(store: Store, iri: ox.NamedNode, offset: int, limit: int) -> tuple[int, list[tuple[str, str]]]:
    """Links pointing at the entity: (source, property), paged. Annotation bodies are mentions, not links."""
    where = "?s ?p ?e . FILTER(isIRI(?s)) FILTER(?p != oa:hasBody)"
    total = _count(store, where, {"e": iri}, "?s ?p")
    rows = store.query(q(f"SELECT DISTINCT ?s ?p WHERE {{ {where} }} ORDER BY ?p ?s "
                         f"LIMIT {int(limit)} OFFSET {int(offset)}"), substitutions={"e": iri})
    return total, [(r["s"].value, r["p"].value) for r in rows]


# The position selector needs both offsets. Written as one group (``oa:start ?start ; oa:end ?end``)
# the optimizer joined the two offset patterns before binding ?ps — a scan of every selector in
# the graph (1.4 s at 1M triples). The nested OPTIONAL plus ``FILTER(BOUND(?end))`` keeps the same
# meaning (start and end, or neither) and is evaluated from ?t (0.4 ms).
MENTION_WHERE = """
  ?ann oa:hasBody ?e ; oa:hasTarget ?t . ?t oa:hasSource ?doc .
  OPTIONAL { ?t oa:hasSelector ?qs . ?qs a oa:TextQuoteSelector ; oa:exact ?exact .
             OPTIONAL { ?qs oa:prefix ?prefix } OPTIONAL { ?qs oa:suffix ?suffix } }
  OPTIONAL { ?t oa:hasSelector ?ps . ?ps a oa:TextPositionSelector ; oa:start ?start .
             OPTIONAL { ?ps oa:end ?end } FILTER(BOUND(?end)) }
"""


def mentions(store: Store, iri: ox.NamedNode, offset: int, limit: int,
             nb: Neighbourhood | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Annotations whose body is the entity, with quote, context, offsets and source document.

    With a complete :class:`Neighbourhood` the entity has at most ``NEIGHBOURHOOD_CAP``
    annotation bodies, so every mention is fetched in one ordered query and counted and paged
    here; otherwise a COUNT query and a LIMIT/OFFSET query (same order, same rows).
    """
    whole = nb is not None and nb.complete
    if not whole:
        total = _count(store, "?ann oa:hasBody ?e ; oa:hasTarget ?t . ?t oa:hasSource ?doc .", {"e": iri}, "?ann")
    page = "" if whole else f"LIMIT {int(limit)} OFFSET {int(offset)}"
    # ?e is written into the text as a constant (pyoxigraph's own escaping of a NamedNode, which
    # validated the IRI): bound through ``substitutions`` the optimizer does not see it and scans
    # every annotation (1.4 s at 1M triples); the store's VALUES rewrite costs ~0.6 ms more.
    where = MENTION_WHERE.replace("?e ;", f"{ox.NamedNode(iri.value)} ;")
    rows = store.query(q(f"""SELECT ?ann ?doc (SAMPLE(?exact) AS ?x) (SAMPLE(?prefix) AS ?pre)
        (SAMPLE(?suffix) AS ?suf) (SAMPLE(?start) AS ?s0) (SAMPLE(?end) AS ?s1) (SAMPLE(?lang) AS ?lg)
        WHERE {{ {where} OPTIONAL {{ ?doc schema:inLanguage ?lang }} }}
        GROUP BY ?ann ?doc ORDER BY ?doc ?s0 ?ann {page}"""))
    if whole:
        rows = list(rows)
        total = len({r["ann"] for r in rows})
        rows = rows[offset:offset + limit]
    out = []
    for r in rows:
        out.append({
            "annotation": r["ann"].value if isinstance(r["ann"], ox.NamedNode) else None,
            "document": r["doc"].value,
            "exact": r["x"].value if r["x"] else "",
            "prefix": r["pre"].value if r["pre"] else "",
            "suffix": r["suf"].value if r["suf"] else "",
            "start": int(r["s0"].value) if r["s0"] else None,
            "end": int(r["s1"].value) if r["s1"] else None,
            "language": r["lg"].value if r["lg"] else None,
        })
    return total, out


def mentioning_documents(store: Store, iri: ox.NamedNode, limit: int) -> tuple[int, list[str]]:
    where = "?doc schema:mentions ?e ."
    total = _count(store, where, {"e": iri}, "?doc")
    rows = store.query(q(f"SELECT DISTINCT ?doc WHERE {{ {where} }} ORDER BY ?doc LIMIT {int(limit)}"),
                       substitutions={"e": iri})
    return total, [r["doc"].value for r in rows]


# --- lists ------------------------------------------------------------------------------------
COUNTRY_PATH = """{ ?e (schema:location|schema:containedInPlace)*/wdt:P17 ?country }
  UNION { ?e (schema:location|schema:containedInPlace)+ ?country }"""


def encode_cursor(after: str) -> str:
    return base64.urlsafe_b64encode(after.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    """The IRI a cursor points after; ValueError when it was not made by :func:`encode_cursor`."""
    padded = cursor + "=" * (-len(cursor) % 4)
    try:
        return base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (ValueError, UnicodeError) as e:
        raise ValueError("malformed cursor") from e


def list_entities(store: Store, base: str, *, kinds: Sequence[str], rdf_type: str | None,
                  country: str | None, lang: str | None, text: str | None, after: str | None,
                  limit: int) -> tuple[list[str], str | None]:
    """Entity IRIs in IRI order after ``after``; returns (page, cursor of the next page or None)."""
    subs: dict[str, Any] = {"idprefix": ox.Literal(base + "id/")}
    parts = ["?e a ?anytype .",
             "FILTER(isIRI(?e) && STRSTARTS(STR(?e), ?idprefix))",
             "BIND(STRBEFORE(STRAFTER(STR(?e), ?idprefix), \"/\") AS ?kind)"]
    kind_lits = []
    for i, k in enumerate(kinds):
        subs[f"k{i}"] = ox.Literal(k)
        kind_lits.append(f"?k{i}")
    parts.append(f"FILTER(?kind IN ({', '.join(kind_lits)}))")
    if rdf_type:
        subs["cls"] = ox.NamedNode(rdf_type)
        parts.append("FILTER EXISTS { ?e a ?cls }")
    if country:
        # A subquery evaluated once from the country's side; a per-entity FILTER EXISTS over the
        # path was 100× slower.
        subs["country"] = ox.NamedNode(country)
        parts.append(f"{{ SELECT DISTINCT ?e WHERE {{ {COUNTRY_PATH} }} }}")
    if lang:
        subs["lang"] = ox.Literal(lang)
        parts.append("FILTER EXISTS { ?e ?lp ?ll . " + LABEL_FILTER +
                     " FILTER(LANGMATCHES(LANG(?ll), ?lang)) }")
    if text:
        subs["text"] = ox.Literal(text.lower())
        parts.append("FILTER EXISTS { ?e ?lp ?lt . " + LABEL_FILTER + " FILTER(CONTAINS(LCASE(STR(?lt)), ?text)) }")
    if after:
        subs["after"] = ox.Literal(after)
        parts.append("FILTER(STR(?e) > ?after)")
    body = "\n".join(parts)
    rows = store.query(q(f"SELECT DISTINCT ?e WHERE {{ {body} }} ORDER BY STR(?e) LIMIT {int(limit) + 1}"),
                       substitutions=subs)
    iris = [r["e"].value for r in rows]
    nxt = encode_cursor(iris[limit - 1]) if len(iris) > limit else None
    return iris[:limit], nxt


_memo: dict[tuple[Any, str, str], tuple[str, Any]] = {}


def per_version(store: Store, name: str, compute: Any) -> Any:
    """``compute()`` once per dataset version: whole-graph summaries (counts, map points) are
    the same for every request until the next write."""
    key = (getattr(store, "path", None) or id(store), name, getattr(store, "base_iri", ""))
    version = store.version()
    hit = _memo.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    value = compute()
    _memo[key] = (version, value)
    return value


def counts_by_kind(store: Store, base: str) -> dict[str, int]:
    return per_version(store, f"counts:{base}", lambda: _counts_by_kind(store, base))


def _counts_by_kind(store: Store, base: str) -> dict[str, int]:
    rows = store.query(q("""SELECT ?kind (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e a ?t . FILTER(isIRI(?e) && STRSTARTS(STR(?e), ?idprefix) && !CONTAINS(STR(?e), "#"))
        BIND(STRBEFORE(STRAFTER(STR(?e), ?idprefix), "/") AS ?kind) } GROUP BY ?kind"""),
                       substitutions={"idprefix": ox.Literal(base + "id/")})
    found = {r["kind"].value: int(r["n"].value) for r in rows if r["kind"]}
    return {k: found.get(k, 0) for k in [*KINDS, DOCUMENT]}


# --- documents --------------------------------------------------------------------------------
def list_documents(store: Store, offset: int, limit: int) -> tuple[int, list[dict[str, Any]]]:
    where = "?doc a shk:Document ."
    total = _count(store, where, {}, "?doc")
    rows = store.query(q(f"""SELECT ?doc (SAMPLE(?id) AS ?ident) (SAMPLE(?name) AS ?nm) (SAMPLE(?lang) AS ?lg)
        (COUNT(DISTINCT ?m) AS ?n) WHERE {{ {where}
          OPTIONAL {{ ?doc schema:identifier ?id }} OPTIONAL {{ ?doc schema:name ?name }}
          OPTIONAL {{ ?doc schema:inLanguage ?lang }} OPTIONAL {{ ?doc schema:mentions ?m }} }}
        GROUP BY ?doc ORDER BY ?doc LIMIT {int(limit)} OFFSET {int(offset)}"""))
    return total, [{"iri": r["doc"].value, "identifier": r["ident"].value if r["ident"] else None,
                    "name": r["nm"].value if r["nm"] else None, "language": r["lg"].value if r["lg"] else None,
                    "entity_count": int(r["n"].value)} for r in rows]


def document(store: Store, iri: ox.NamedNode) -> dict[str, Any] | None:
    """One document: metadata, text, languages, translations (both directions)."""
    rows = list(store.query(q("""SELECT ?p ?o WHERE { ?doc ?p ?o .
        FILTER(?p IN (schema:identifier, schema:name, schema:inLanguage, shk:languages, schema:text,
                      schema:encodingFormat, schema:dateModified, schema:translationOfWork, schema:workTranslation)) }"""),
                            substitutions={"doc": iri}))
    is_doc = bool(store.query(q("ASK { ?doc a shk:Document }"), substitutions={"doc": iri}))
    if not rows and not is_doc:
        return None
    out: dict[str, Any] = {"iri": iri.value, "identifier": None, "name": None, "language": None, "languages": [],
                           "text": "", "encoding_format": None, "date_modified": None, "translations": []}
    keys = {"identifier": "identifier", "name": "name", "inLanguage": "language", "text": "text",
            "encodingFormat": "encoding_format", "dateModified": "date_modified"}
    translations: set[str] = set()
    languages: set[str] = set()
    for r in rows:
        p = r["p"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        if p in ("translationOfWork", "workTranslation"):
            translations.add(r["o"].value)
        elif p == "languages":
            languages.add(r["o"].value)
        elif p in keys:
            out[keys[p]] = r["o"].value
    back = store.query(q("SELECT DISTINCT ?o WHERE { { ?o schema:translationOfWork ?doc } UNION "
                         "{ ?o schema:workTranslation ?doc } }"), substitutions={"doc": iri})
    translations.update(r["o"].value for r in back)
    translations.discard(iri.value)
    out["translations"] = sorted(translations)
    out["languages"] = sorted(languages or ({out["language"]} if out["language"] else set()))
    return out


def document_mentions(store: Store, iri: ox.NamedNode, limit: int) -> list[dict[str, Any]]:
    """Every annotation targeting the document: entity, offsets, exact quote (bounded)."""
    rows = store.query(q(f"""SELECT ?ann ?e (SAMPLE(?exact) AS ?x) (SAMPLE(?start) AS ?s0) (SAMPLE(?end) AS ?s1)
        WHERE {{ ?t oa:hasSource ?doc . ?ann oa:hasTarget ?t ; oa:hasBody ?e .
          OPTIONAL {{ ?t oa:hasSelector ?qs . ?qs a oa:TextQuoteSelector ; oa:exact ?exact }}
          OPTIONAL {{ ?t oa:hasSelector ?ps . ?ps a oa:TextPositionSelector ; oa:start ?start .
                     OPTIONAL {{ ?ps oa:end ?end }} FILTER(BOUND(?end)) }} }}
        GROUP BY ?ann ?e ORDER BY ?s0 ?ann LIMIT {int(limit)}"""), substitutions={"doc": iri})
    return [{"entity": r["e"].value, "exact": r["x"].value if r["x"] else "",
             "start": int(r["s0"].value) if r["s0"] else None, "end": int(r["s1"].value) if r["s1"] else None}
            for r in rows]


def document_entities(store: Store, iri: ox.NamedNode, limit: int) -> tuple[int, list[str]]:
    where = "?doc schema:mentions ?e ."
    total = _count(store, where, {"doc": iri}, "?e")
    rows = store.query(q(f"SELECT DISTINCT ?e WHERE {{ {where} }} ORDER BY ?e LIMIT {int(limit)}"),
                       substitutions={"doc": iri})
    return total, [r["e"].value for r in rows]


# --- timeline and map -------------------------------------------------------------------------
def timeline(store: Store, offset: int, limit: int) -> tuple[int, list[dict[str, Any]]]:
    """Events with a start date, oldest first; places as IRIs."""
    where = "?ev a schema:Event ; schema:startDate ?date ."
    total = _count(store, where, {}, "?ev")
    rows = store.query(q(f"""SELECT ?ev (MIN(STR(?date)) AS ?d) (SAMPLE(?end) AS ?de)
        (GROUP_CONCAT(DISTINCT STR(?place); separator=" ") AS ?places)
        WHERE {{ {where} OPTIONAL {{ ?ev schema:endDate ?end }} OPTIONAL {{ ?ev schema:location ?place }} }}
        GROUP BY ?ev ORDER BY ?d ?ev LIMIT {int(limit)} OFFSET {int(offset)}"""))
    return total, [{"iri": r["ev"].value, "date": r["d"].value, "end_date": r["de"].value if r["de"] else None,
                    "places": sorted(p for p in (r["places"].value if r["places"] else "").split(" ") if p)} for r in rows]


def located_points(store: Store, limit: int) -> tuple[int, list[dict[str, Any]]]:
    """Places with coordinates, and libraries at their location's coordinates."""
    return per_version(store, f"points:{int(limit)}", lambda: _located_points(store, limit))


def _located_points(store: Store, limit: int) -> tuple[int, list[dict[str, Any]]]:
    where = """{ ?x a schema:Place ; geo:lat ?lat ; geo:long ?long . BIND("place" AS ?what) }
        UNION { ?x a schema:Library ; schema:location ?loc . ?loc geo:lat ?lat ; geo:long ?long .
                BIND("library" AS ?what) }"""
    total = _count(store, where, {}, "?x")
    rows = store.query(q(f"""SELECT ?x (SAMPLE(?what) AS ?w) (SAMPLE(?lat) AS ?la) (SAMPLE(?long) AS ?lo)
        WHERE {{ {where} }} GROUP BY ?x ORDER BY ?x LIMIT {int(limit)}"""))
    out = []
    for r in rows:
        try:
            lat, lon = float(r["la"].value), float(r["lo"].value)
        except ValueError:
            continue
        out.append({"iri": r["x"].value, "what": r["w"].value, "lat": lat, "long": lon})
    return total, out
