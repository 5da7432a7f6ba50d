"""The SHACL shapes: a correct dataset conforms, and each kind of fault is reported where it is.

Validation runs the way `shekara validate` runs it: pyshacl with the ontology as ``ont_graph``,
so subclass typing (shk:NationalLibrary ⊑ shk:Library) is seen without a reasoner. One test goes
through a real pyoxigraph store, because literals coming out of Oxigraph (``"kk"`` as
xsd:string) are what the shapes meet in production.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "ontology" / "shapes.ttl"
ONTOLOGY = ROOT / "ontology" / "shekara.ttl"
DATA = Path(__file__).resolve().parent / "data"
BASE = "http://127.0.0.1:8000/"

SH = Namespace("http://www.w3.org/ns/shacl#")
SHSH = Namespace("https://w3id.org/shekara/shapes#")
SHK = Namespace("https://w3id.org/shekara/ns#")
SDO = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")


@dataclass(frozen=True)
class Result:
    focus: object
    path: object
    shape: object
    component: str
    severity: str
    message: str


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def load(name: str) -> Graph:
    return Graph().parse(DATA / name, format="turtle", publicID=BASE)


def validate(data: Graph, shapes: Graph, ontology: Graph | None) -> tuple[bool, list[Result]]:
    """Run pyshacl; return the top-level results only (not the sh:detail of nested shapes)."""
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology)
    results = []
    for r in report.objects(None, SH.result):
        results.append(Result(
            focus=report.value(r, SH.focusNode),
            path=report.value(r, SH.resultPath),
            shape=report.value(r, SH.sourceShape),
            component=str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
            severity=str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            message=str(report.value(r, SH.resultMessage)),
        ))
    return bool(conforms), results


def test_shapes_are_valid_shacl(shapes: Graph) -> None:
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_every_shape_has_an_english_message(shapes: Graph) -> None:
    named = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.objects(None, SH.property))
    assert len(named) > 30
    for shape in named:
        messages = [m for m in shapes.objects(shape, SH.message) if m.language == "en"]
        assert messages and len(str(messages[0])) > 20, shape


def test_valid_dataset_conforms(shapes: Graph, ontology: Graph) -> None:
    conforms, results = validate(load("shapes_valid.ttl"), shapes, ontology)
    assert conforms, results


def test_valid_dataset_conforms_through_a_pyoxigraph_store(shapes: Graph, ontology: Graph) -> None:
    store = ox.Store()
    store.load(path=str(DATA / "shapes_valid.ttl"), format=ox.RdfFormat.TURTLE, base_iri=BASE,
               to_graph=ox.NamedNode(BASE + "graph/doc/sample.en.txt"))
    nt = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").serialize(
        format=ox.RdfFormat.N_TRIPLES)
    data = Graph().parse(data=nt.decode("utf-8"), format="nt")
    conforms, results = validate(data, shapes, ontology)
    assert conforms, results


def test_subclass_typing_needs_the_ontology(shapes: Graph) -> None:
    """Without the ontology a shk:NationalLibrary is not known to be a shk:Library."""
    conforms, results = validate(load("shapes_valid.ttl"), shapes, None)
    nlrk = URIRef(BASE + "id/library/national-library-of-kazakhstan")
    assert not conforms
    assert any(r.focus == nlrk and r.shape == SHSH.LibraryShape for r in results)


# One row per fault planted in tests/data/broken.ttl:
# (focus node under the base IRI, result path or None, source shape or None, constraint component)
EXPECTED_VIOLATIONS = [
    ("id/person/bad-untagged-label", RDFS.label, SHSH.LabelTaggedShape, "DatatypeConstraintComponent"),
    ("id/person/bad-untagged-label", RDFS.label, SHSH.LabelLanguageShape, "QualifiedMinCountConstraintComponent"),
    ("id/person/bad-label-language", RDFS.label, SHSH.LabelLanguageShape, "QualifiedMinCountConstraintComponent"),
    ("id/place/bad-no-country", None, SHSH.PlaceCountryShape, "OrConstraintComponent"),
    ("id/event/bad-string-date", SDO.startDate, None, "NodeConstraintComponent"),
    ("id/library/bad-located-no-country", None, SHSH.LocatedAgentCountryShape, "OrConstraintComponent"),
    ("id/library/bad-member-literal", SDO.memberOf, None, "NodeKindConstraintComponent"),
    ("id/library/bad-one-way-partner", None, SHSH.PartnershipSymmetryShape, "SPARQLConstraintComponent"),
    ("id/person/bad-no-ontology-class", None, SHSH.PersonShape, "ClassConstraintComponent"),
    ("id/event/bad-no-schema-type", RDF.type, None, "HasValueConstraintComponent"),
    ("id/place/bad-latitude", GEO.lat, None, "MaxInclusiveConstraintComponent"),
    ("id/document/bad-document", SDO.identifier, None, "MaxCountConstraintComponent"),
    ("id/document/bad-document", SDO.inLanguage, None, "PatternConstraintComponent"),
    ("annotation/bad-two-sources#target", OA.hasSource, None, "MaxCountConstraintComponent"),
    ("annotation/broken-positions#position", OA.start, None, "LessThanOrEqualsConstraintComponent"),
    ("annotation/broken-quote#quote", OA.exact, None, "MinCountConstraintComponent"),
    ("annotation/bad-confidence", SHK.confidence, None, "MaxInclusiveConstraintComponent"),
]


@pytest.fixture(scope="module")
def broken(shapes: Graph, ontology: Graph) -> tuple[bool, list[Result]]:
    return validate(load("broken.ttl"), shapes, ontology)


def test_broken_dataset_does_not_conform(broken: tuple[bool, list[Result]]) -> None:
    assert broken[0] is False


@pytest.mark.parametrize(("focus", "path", "shape", "component"), EXPECTED_VIOLATIONS,
                         ids=[f"{row[0]}:{row[3]}" for row in EXPECTED_VIOLATIONS])
def test_each_planted_fault_is_reported(broken: tuple[bool, list[Result]], focus: str, path, shape,
                                        component: str) -> None:
    matches = [
        r for r in broken[1]
        if r.focus == URIRef(BASE + focus) and r.path == path and r.component == component
        and (shape is None or r.shape == shape)
    ]
    assert matches, f"not reported: {focus} {path} {component}"
    assert all(r.severity == "Violation" and r.message for r in matches)


def test_only_planted_faults_are_reported(broken: tuple[bool, list[Result]]) -> None:
    """The valid scaffolding of broken.ttl (countries, Omsk, the project) raises nothing."""
    for r in broken[1]:
        assert not isinstance(r.focus, BNode), r
        assert "/bad-" in str(r.focus) or "/broken-" in str(r.focus), r
    expected = {(BASE + f, p, c) for f, p, _, c in EXPECTED_VIOLATIONS}
    reported = {(str(r.focus), r.path, r.component) for r in broken[1] if r.severity == "Violation"}
    assert reported == expected


def test_duplicate_preferred_label_is_only_a_warning(broken: tuple[bool, list[Result]]) -> None:
    warnings = [r for r in broken[1] if r.severity == "Warning"]
    assert [(str(r.focus), r.path, r.shape) for r in warnings] == [
        (BASE + "id/person/bad-two-preflabels", SKOS.prefLabel, SHSH.PrefLabelUniqueShape)
    ]
