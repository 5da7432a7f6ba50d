"""The ontology file, the JSON-LD context and the generated HTML documentation.

The ontology is a public artefact (w3id namespace, served in graph/ontology), so these tests
pin what users rely on: it parses in both RDF libraries we ship, every term of ours is labelled
and defined in all three languages, every contract relation has a finer sub-property, and the
documentation page shows every term without letting markup through.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from graph_api.ontology_docs import anchor_for, render_ontology_html

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "shekara.ttl"
CONTEXT = ROOT / "ontology" / "context.jsonld"

SHK = Namespace("https://w3id.org/shekara/ns#")
SDO = Namespace("http://schema.org/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
WD = Namespace("http://www.wikidata.org/entity/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
SCHEMA_DOMAIN = SDO.domainIncludes
LANGS = ("en", "ru", "kk")

# Classes named in docs/graph-model.md.
MODEL_CLASSES = (
    "Person Place Country Region District City Village GeographicRegion Library NationalLibrary "
    "Organization GovernmentBody University Museum Publisher InternationalOrganization Event "
    "Conference Seminar SeminarCouncil Exhibition Telebridge BookExchange Festival Meeting Ceremony "
    "CommemorativePeriod Project Programme Work Document Publication Periodical Agreement Concept "
    "Plan Report DigitalCollection"
).split()

# The relation table of the outside contract (CONTRACT.md).
CONTRACT_RELATIONS = (
    SDO.location, SDO.containedInPlace, WDT.P17, WDT.P138, SDO.startDate,
    SDO.datePublished, WDT.P710, SDO.memberOf, WDT.P2652, SDO.author,
)

# graph-model.md: the classes of each entity kind reach the kind's class.
KIND_MEMBERS = {
    "Place": ["Country", "Region", "District", "City", "Village", "GeographicRegion"],
    "Library": ["NationalLibrary"],
    "Organization": ["GovernmentBody", "University", "Museum", "Publisher", "InternationalOrganization"],
    "Event": ["Conference", "Seminar", "SeminarCouncil", "Exhibition", "Telebridge", "BookExchange",
              "Festival", "Meeting", "Ceremony", "CommemorativePeriod"],
    "Project": ["Programme"],
    "Work": ["Publication", "Periodical", "Agreement", "Concept", "Plan", "Report", "DigitalCollection"],
}


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def our_terms(g: Graph) -> set[URIRef]:
    """Every shk: IRI declared as a class or property."""
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(str(SHK))}


def test_parses_with_rdflib_and_pyoxigraph_alike(g: Graph) -> None:
    store = ox.Store()
    store.load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(g) > 500


def test_ontology_header(g: Graph) -> None:
    onto = URIRef("https://w3id.org/shekara/ns")
    assert (onto, RDF.type, OWL.Ontology) in g
    assert g.value(onto, OWL.versionInfo) is not None
    assert g.value(onto, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert g.value(onto, DCTERMS.created).datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")
    for prop in (DCTERMS.title, DCTERMS.description):
        assert {o.language for o in g.objects(onto, prop)} >= set(LANGS)


def test_every_model_class_is_declared(g: Graph) -> None:
    missing = [c for c in MODEL_CLASSES if (SHK[c], RDF.type, OWL.Class) not in g]
    assert not missing


def test_no_undeclared_shk_iri_is_used(g: Graph) -> None:
    """A typo in a shk: IRI would silently create a new, undocumented term."""
    declared = our_terms(g)
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(SHK))}
    assert used - declared == set()


def test_every_term_of_ours_has_label_and_comment_in_three_languages(g: Graph) -> None:
    problems = []
    for term in sorted(our_terms(g)):
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(term, prop) if isinstance(o, Literal)}
            if not set(LANGS) <= langs:
                problems.append(f"{term} {prop} has {sorted(filter(None, langs))}")
    assert not problems


def test_kazakh_definitions_are_not_russian_copies(g: Graph) -> None:
    for term in our_terms(g):
        by_lang = {o.language: str(o) for o in g.objects(term, RDFS.comment)}
        assert by_lang["kk"] != by_lang["ru"], term


def test_every_contract_relation_is_declared_and_refined(g: Graph) -> None:
    for prop in CONTRACT_RELATIONS:
        kinds = set(g.objects(prop, RDF.type))
        assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"{prop} not declared"
        assert g.value(prop, RDFS.label) is not None, f"{prop} has no label"
        subs = [s for s in g.subjects(RDFS.subPropertyOf, prop) if str(s).startswith(str(SHK))]
        assert subs, f"no shk: sub-property of {prop}"


@pytest.mark.parametrize(
    ("finer", "contract"),
    [
        ("heldIn", SDO.location), ("locatedIn", SDO.location), ("partOfPlace", SDO.containedInPlace),
        ("country", WDT.P17), ("namedAfter", WDT.P138), ("eventDate", SDO.startDate),
        ("participant", WDT.P710), ("projectMember", SDO.memberOf), ("partnerLibrary", WDT.P2652),
        ("writtenBy", SDO.author), ("foundingDate", SDO.foundingDate),
        ("publicationDate", SDO.datePublished),
    ],
)
def test_finer_property_refines_the_contract_property(g: Graph, finer: str, contract: URIRef) -> None:
    assert (SHK[finer], RDFS.subPropertyOf, contract) in g


def test_property_axioms(g: Graph) -> None:
    assert (SHK.partnerLibrary, RDF.type, OWL.SymmetricProperty) in g
    assert (SHK.namesakeOf, OWL.inverseOf, SHK.namedAfter) in g
    assert (SHK.authorOf, OWL.inverseOf, SHK.writtenBy) in g
    assert (SHK.translationOf, OWL.equivalentProperty, SDO.translationOfWork) in g
    # The inverse direction must not be filed under schema:author (that would flip authorship).
    assert (SHK.authorOf, RDFS.subPropertyOf, SDO.author) not in g


def test_object_properties_have_no_hard_domain_or_range(g: Graph) -> None:
    """rdfs:domain/range would make a reasoner retype entities; we state them softly."""
    for prop in g.subjects(RDF.type, OWL.ObjectProperty):
        assert g.value(prop, RDFS.domain) is None, prop
        assert g.value(prop, RDFS.range) is None, prop
    assert set(g.objects(SHK.heldIn, SCHEMA_DOMAIN)) == {SHK.Event}


@pytest.mark.parametrize(
    ("cls", "expected"),
    [
        ("Library", {SDO.Library, WD.Q7075}),
        ("Person", {SDO.Person, WD.Q5, CRM.E21_Person}),
        ("Place", {SDO.Place, CRM.E53_Place}),
        ("Event", {SDO.Event, WD.Q1656682, CRM.E5_Event}),
        ("Country", {SDO.Country, WD.Q6256}),
        ("Organization", {SDO.Organization, CRM.E74_Group}),
        ("Work", {SDO.CreativeWork, CRM.E73_Information_Object}),
        ("Project", {SDO.Project, CRM.E7_Activity}),
    ],
)
def test_class_alignments(g: Graph, cls: str, expected: set[URIRef]) -> None:
    aligned = set(g.objects(SHK[cls], RDFS.subClassOf)) | set(g.objects(SHK[cls], OWL.equivalentClass))
    assert expected <= aligned


def test_property_alignments(g: Graph) -> None:
    assert (SHK.heldIn, RDFS.subPropertyOf, CRM.P7_took_place_at) in g
    assert (SHK.participant, RDFS.subPropertyOf, CRM.P11_had_participant) in g
    assert (SHK.writtenBy, RDFS.subPropertyOf, WDT.P50) in g
    assert (SHK.inAdministrativeUnit, RDFS.subPropertyOf, WDT.P131) in g


def test_class_tree_follows_the_graph_model() -> None:
    store = ox.Store()
    store.load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE)
    for parent, members in KIND_MEMBERS.items():
        for member in members:
            ask = f"ASK {{ <{SHK[member]}> <{RDFS.subClassOf}>+ <{SHK[parent]}> }}"
            assert store.query(ask), f"{member} is not under {parent}"
    # Documents are the sources, not cited works: shapes for works must not apply to them.
    assert not store.query(f"ASK {{ <{SHK.Document}> <{RDFS.subClassOf}>* <{SHK.Work}> }}")


# ---------------------------------------------------------------------------------- context


def test_context_expands_terms_to_the_contract_properties() -> None:
    context = json.loads(CONTEXT.read_text(encoding="utf-8"))
    doc = {
        "@context": context["@context"],
        "id": "http://127.0.0.1:8000/id/library/omsk",
        "type": ["Library", "schema:Library"],
        "label": {"ru": "Омская библиотека", "kk": "Омбы кітапханасы"},
        "location": "http://127.0.0.1:8000/id/place/omsk",
        "country": "http://127.0.0.1:8000/id/place/russia",
        "namedAfter": "http://127.0.0.1:8000/id/person/pushkin",
        "partner": "http://127.0.0.1:8000/id/library/nlrk",
        "memberOf": "http://127.0.0.1:8000/id/project/meetings",
        "foundingDate": "1907-01-01",
        "lat": "54.98",
    }
    data = Graph().parse(data=json.dumps(doc), format="json-ld")
    s = URIRef(doc["id"])
    assert (s, RDF.type, SHK.Library) in data and (s, RDF.type, SDO.Library) in data
    assert (s, RDFS.label, Literal("Омбы кітапханасы", lang="kk")) in data
    for term, prop in (("location", SDO.location), ("country", WDT.P17), ("namedAfter", WDT.P138),
                       ("partner", WDT.P2652), ("memberOf", SDO.memberOf)):
        assert (s, prop, URIRef(doc[term])) in data, term
    assert data.value(s, SDO.foundingDate).datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")
    assert data.value(s, URIRef("http://www.w3.org/2003/01/geo/wgs84_pos#lat")).datatype == \
        URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def test_context_shk_terms_exist_in_the_ontology(g: Graph) -> None:
    context = json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
    declared = our_terms(g)
    for name, value in context.items():
        iri = value["@id"] if isinstance(value, dict) else value
        if isinstance(iri, str) and iri.startswith("shk:"):
            assert SHK[iri[4:]] in declared, name


# ------------------------------------------------------------------------------------- HTML


@pytest.mark.parametrize("lang", LANGS)
def test_html_has_an_anchor_for_every_term(g: Graph, lang: str) -> None:
    html = render_ontology_html(ONTOLOGY, lang)
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    for term in our_terms(g):
        assert f'id="{term[len(str(SHK)):]}"' in html, term
    for prop in CONTRACT_RELATIONS:
        assert f'id="{anchor_for(str(prop))}"' in html, prop


def test_html_shows_all_three_languages_and_alignments() -> None:
    html = render_ontology_html(ONTOLOGY, "kk")
    assert "Кітапхана" in html and "Библиотека" in html and "Library" in html
    assert 'href="http://www.wikidata.org/entity/Q7075"' in html
    assert 'href="#Organization"' in html  # Library's superclass links inside the page


def test_html_is_self_contained() -> None:
    html = render_ontology_html(ONTOLOGY)
    for marker in ("<script", "<link", " src=", "@import", "url("):
        assert marker not in html


def test_html_escapes_labels(tmp_path: Path) -> None:
    copy = tmp_path / "shekara.ttl"
    shutil.copy(ONTOLOGY, copy)
    with copy.open("a", encoding="utf-8") as fh:
        fh.write('\nshk:Library rdfs:label "<script>alert(1)</script>"@ru .\n')
    html = render_ontology_html(copy, "ru")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_rejects_an_unknown_language() -> None:
    with pytest.raises(ValueError):
        render_ontology_html(ONTOLOGY, "de")
