"""Every IRI Shekara writes or reads, in one place.

The ontology namespace is fixed (vocabulary must not move with a deployment); entity,
document and graph IRIs are minted under ``SHEKARA_BASE_IRI`` so they dereference on the
service that publishes them.
"""
from __future__ import annotations

from pyoxigraph import NamedNode


class Namespace(str):
    """A string namespace whose attributes and items are :class:`NamedNode` terms."""

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return NamedNode(self + name)

    def __getitem__(self, name: str) -> NamedNode:  # type: ignore[override]
        return NamedNode(self + name)

    def iri(self, name: str) -> str:
        return str(self) + name


SHK = Namespace("https://w3id.org/shekara/ns#")
SDO = Namespace("http://schema.org/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
WD = Namespace("http://www.wikidata.org/entity/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCT = Namespace("http://purl.org/dc/terms/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, str] = {
    "shk": str(SHK), "schema": str(SDO), "wdt": str(WDT), "wd": str(WD), "rdf": str(RDF),
    "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL), "skos": str(SKOS), "oa": str(OA),
    "prov": str(PROV), "dct": str(DCT), "geo": str(GEO), "void": str(VOID), "crm": str(CRM),
}

# Entity kinds: the path segment of minted IRIs, the schema.org type every entity of the kind
# carries (the contract), and the project class.
KINDS: dict[str, tuple[str, str]] = {
    "person": ("Person", "Person"),
    "place": ("Place", "Place"),
    "library": ("Library", "Library"),
    "organization": ("Organization", "Organization"),
    "event": ("Event", "Event"),
    "project": ("Project", "Project"),
    "work": ("CreativeWork", "Work"),
}

# Relations of the contract: (schema/wikidata property written, ontology sub-property).
LOCATION = SDO.location
CONTAINED_IN = SDO.containedInPlace
COUNTRY = WDT.P17
NAMED_AFTER = WDT.P138
START_DATE = SDO.startDate
DATE_PUBLISHED = SDO.datePublished
DATE_CREATED = SDO.dateCreated
IS_PART_OF = SDO.isPartOf
PARTICIPANT = WDT.P710
MEMBER_OF = SDO.memberOf
PARTNER = WDT.P2652
AUTHOR = SDO.author


class Graphs:
    """The named-graph layout of a store minted under one base IRI."""

    def __init__(self, base: str):
        self.base = base if base.endswith("/") else base + "/"

    @property
    def ontology(self) -> NamedNode:
        return NamedNode(self.base + "graph/ontology")

    @property
    def shapes(self) -> NamedNode:
        return NamedNode(self.base + "graph/shapes")

    @property
    def authority(self) -> NamedNode:
        return NamedNode(self.base + "graph/authority")

    @property
    def curation(self) -> NamedNode:
        return NamedNode(self.base + "graph/curation")

    @property
    def decisions(self) -> NamedNode:
        """Curators' decisions (merges, retractions, rejections): written through /api/curation only."""
        return NamedNode(self.base + "graph/decisions")

    @property
    def links(self) -> NamedNode:
        """Cross-document facts derived after an ingest run (translations)."""
        return NamedNode(self.base + "graph/links")

    @property
    def provenance(self) -> NamedNode:
        return NamedNode(self.base + "graph/provenance")

    @property
    def doc_prefix(self) -> str:
        return self.base + "graph/doc/"

    def document(self, name: str) -> NamedNode:
        from urllib.parse import quote

        return NamedNode(self.doc_prefix + quote(name, safe=""))

    def work(self, name: str) -> NamedNode:
        from urllib.parse import quote

        return NamedNode(self.base + "id/document/" + quote(name, safe=""))

    def entity(self, kind: str, slug: str) -> NamedNode:
        return NamedNode(f"{self.base}id/{kind}/{slug}")
