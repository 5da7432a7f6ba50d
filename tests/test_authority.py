"""Checks on the name authority file (data/authority/*.ttl).

The extraction pipeline's gazetteer matches text against these names and the graph is built on
these IRIs, so a broken label, a name shared by two entities or a dangling reference shows up
as wrong links in every ingested document. These tests load the real files into a real
pyoxigraph store (and, independently, into rdflib) and check the rules in data/authority/README.md.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import NamedNode, RdfFormat, Store

ROOT = Path(__file__).resolve().parents[1]
AUTHORITY = ROOT / "data" / "authority"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BASE = "http://127.0.0.1:8000/"
FILES = ["places.ttl", "libraries.ttl", "persons.ttl", "organizations.ttl", "projects.ttl", "works.ttl"]

SDO = "http://schema.org/"
SHK = "https://w3id.org/shekara/ns#"
WDT = "http://www.wikidata.org/prop/direct/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
LANGS = {"kk", "ru", "en"}

# The file each kind lives in, and the classes every entity of the kind carries.
KIND_FILE = {"place": "places.ttl", "library": "libraries.ttl", "person": "persons.ttl",
             "organization": "organizations.ttl", "project": "projects.ttl", "work": "works.ttl"}
KIND_TYPES = {"place": ("Place", "Place"), "library": ("Library", "Library"), "person": ("Person", "Person"),
              "organization": ("Organization", "Organization"), "project": ("Project", "Project"),
              "work": ("CreativeWork", "Work")}

# Documented in data/authority/README.md: entities whose name in one language is not known.
MISSING_LABEL_OK = {
    "library/orenburg-regional-public-library": {"ru"},
    "library/bayan-olgii-central-library": {"ru"},
    "project/counter-movement": {"kk"},
    "project/interaction-with-compatriots-abroad": {"kk"},
    "place/china": {"kk"},
}
# Documented in README.md: namesakes whose life dates are not known.
NO_LIFE_DATES_OK = {"person/g-slanov", "person/aktan-babiuly"}
# Documented in README.md: cities at the edge of a region so large that its centroid lies up to 10° away.
FAR_FROM_REGION_CENTROID_OK = {"place/krasnoyarsk"}
# Documented in README.md: (normalised name, language) pairs that may name two entities.
SHARED_NAME_OK: set[tuple[str, str]] = set()


def iri(path: str) -> str:
    return f"{BASE}id/{path}"


def short(term: str) -> str:
    return term[len(BASE) + 3:] if term.startswith(BASE + "id/") else term


def norm(text: str) -> str:
    """How a gazetteer would compare names: NFC, case-folded, inner whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store()
    for name in FILES:
        s.load(path=str(AUTHORITY / name), format=RdfFormat.TURTLE, base_iri=BASE,
               to_graph=NamedNode(BASE + "graph/authority/" + name))
    return s


def rows(store: Store, query: str) -> list:
    return list(store.query(query, use_default_graph_as_union=True))


@pytest.fixture(scope="module")
def entities(store: Store) -> dict[str, dict]:
    """Every entity IRI (shortened to kind/slug) with its types, file, names and facts."""
    out: dict[str, dict] = {}
    for r in rows(store, f"SELECT ?s ?g WHERE {{ GRAPH ?g {{ ?s <{RDF_TYPE}> ?t }} }}"):
        e = out.setdefault(short(r["s"].value), {"files": set(), "types": set(), "names": defaultdict(list),
                                                 "props": defaultdict(list)})
        e["files"].add(r["g"].value.rsplit("/", 1)[1])
    for r in rows(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"):
        key = short(r["s"].value)
        if key not in out:
            continue
        p, o = r["p"].value, r["o"]
        if p == RDF_TYPE:
            out[key]["types"].add(o.value)
        elif p in (RDFS_LABEL, SKOS + "prefLabel", SKOS + "altLabel"):
            out[key]["names"][p.rsplit("#", 1)[1]].append(o)
        else:
            out[key]["props"][p].append(o)
    return out


def names_index(entities: dict[str, dict]) -> dict[tuple[str, str], set[str]]:
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, e in entities.items():
        for lits in e["names"].values():
            for lit in lits:
                index[(norm(lit.value), lit.language)].add(key)
    return index


def resolve(entities: dict[str, dict], name: str) -> set[str]:
    """Entities carrying `name` (any language, any label property), as a gazetteer would find them."""
    return {key for (n, _), keys in names_index(entities).items() if n == norm(name) for key in keys}


# ------------------------------------------------------------------ parsing

@pytest.mark.parametrize("name", FILES)
def test_file_parses_identically_in_pyoxigraph_and_rdflib(name: str) -> None:
    s = Store()
    s.load(path=str(AUTHORITY / name), format=RdfFormat.TURTLE, base_iri=BASE)
    g = rdflib.Graph()
    g.parse(AUTHORITY / name, format="turtle", publicID=BASE)
    assert len(s) == len(g) > 0
    subjects = {str(x) for x in g.subjects()}
    assert all(x.startswith(BASE + "id/") for x in subjects), "every subject is a relative entity IRI"


def test_breadth(entities: dict[str, dict]) -> None:
    counts = defaultdict(int)
    for key in entities:
        counts[key.split("/")[0]] += 1
    assert counts["place"] >= 30 and counts["library"] >= 30 and counts["person"] >= 15
    assert counts["organization"] >= 20 and counts["project"] >= 8


# ------------------------------------------------------------------ identity and classes

def test_entities_live_in_their_kinds_file_with_both_classes(entities: dict[str, dict]) -> None:
    for key, e in entities.items():
        kind, _, slug = key.partition("/")
        assert kind in KIND_FILE, key
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), f"slug not lowercase-hyphen: {key}"
        assert e["files"] == {KIND_FILE[kind]}, f"{key} defined in {e['files']}"
        sdo, shk = KIND_TYPES[kind]
        assert SDO + sdo in e["types"] and SHK + shk in e["types"], key


def test_place_types(entities: dict[str, dict]) -> None:
    subclasses = {SHK + c for c in ("Country", "Region", "District", "City", "Village", "GeographicRegion")}
    for key, e in entities.items():
        if key.startswith("place/"):
            assert len(e["types"] & subclasses) == 1, f"{key} needs exactly one place subclass"
            assert (SHK + "Country" in e["types"]) == (SDO + "Country" in e["types"]), key


def test_every_reference_points_to_a_defined_entity(store: Store, entities: dict[str, dict]) -> None:
    for r in rows(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isIRI(?o)) }"):
        o = r["o"].value
        if o.startswith(BASE):
            assert short(o) in entities, f"{short(r['s'].value)} {r['p'].value} -> undefined {o}"


# ------------------------------------------------------------------ names

def test_labels_in_three_languages(entities: dict[str, dict]) -> None:
    for key, e in entities.items():
        labels = e["names"]["label"]
        langs = {lit.language for lit in labels}
        missing = LANGS - langs
        assert missing <= MISSING_LABEL_OK.get(key, set()), f"{key} lacks rdfs:label in {missing}"
        assert len(labels) == len(langs), f"{key}: one rdfs:label per language"
        pref = {(lit.value, lit.language) for lit in e["names"]["prefLabel"]}
        assert pref == {(lit.value, lit.language) for lit in labels}, f"{key}: prefLabel must equal rdfs:label"


def test_documented_label_exceptions_are_still_needed(entities: dict[str, dict]) -> None:
    for key, langs in MISSING_LABEL_OK.items():
        have = {lit.language for lit in entities[key]["names"]["label"]}
        assert not (have & langs), f"{key} now has a label in {have & langs}: drop it from the exceptions"


def test_every_name_is_tagged_and_clean(entities: dict[str, dict]) -> None:
    for key, e in entities.items():
        for lits in e["names"].values():
            for lit in lits:
                assert lit.language in LANGS, f"{key}: {lit.value!r} has language {lit.language!r}"
                v = lit.value
                assert v == v.strip() and "  " not in v and "\u00a0" not in v, f"{key}: untidy {v!r}"


def test_no_name_is_listed_twice_for_an_entity(entities: dict[str, dict]) -> None:
    """SKOS keeps prefLabel and altLabel apart; variants differing only in case or spacing are noise
    because names are compared normalised (README.md)."""
    for key, e in entities.items():
        seen: set[tuple[str, str]] = set()
        for lit in e["names"]["prefLabel"] + e["names"]["altLabel"]:
            k = (norm(lit.value), lit.language)
            assert k not in seen, f"{key}: {lit.value!r}@{lit.language} repeats another name"
            seen.add(k)


def test_no_name_is_shared_by_two_entities(entities: dict[str, dict]) -> None:
    clashes = {k: v for k, v in names_index(entities).items() if len(v) > 1 and k not in SHARED_NAME_OK}
    assert not clashes, f"names carried by several entities: {clashes}"


@pytest.mark.parametrize("expected, variants", [
    ("place/petropavl", ["Петропавл", "Петропавловск", "Petropavl", "Petropavlovsk"]),
    ("place/omsk", ["Омбы", "Омск", "Omsk"]),
    ("place/uralsk", ["Орал", "Уральск", "Oral", "Uralsk"]),
    ("place/kostanay", ["Қостанай", "Костанай", "Kostanay", "Kostanai"]),
    ("place/oskemen", ["Өскемен", "Усть-Каменогорск", "Ust-Kamenogorsk", "Oskemen"]),
    ("place/troitsk", ["Troitsk", "Troyitsk", "Троицк"]),
    ("place/kosh-agach", ["Кош-Агач", "Қосағаш", "Kosh-Agach"]),
    ("place/astana", ["Astana", "Nur-Sultan", "Нұр-Сұлтан", "Akmola", "Целиноград"]),
    ("place/kazakhstan", ["Republic of Kazakhstan", "RK", "RoK", "ҚР", "РК", "Республика Казахстан",
                          "Қазақстан Республикасы"]),
    ("place/russia", ["Russian Federation", "RF", "РФ", "Ресей Федерациясы", "Российская Федерация"]),
    ("library/national-library-of-kazakhstan", ["NLRK", "ҚР Ұлттық кітапханасы", "НБ РК"]),
    ("library/national-academic-library-of-kazakhstan", ["ҚР ҰАК", "НАБ РК", "NAL RK"]),
    ("library/russian-state-library", ["RSL", "РГБ", "Ленинка"]),
    ("library/north-kazakhstan-regional-scientific-library", ["СКОУНБ"]),
    ("person/leo-tolstoy", ["Л. Н. Толстой", "Толстой Л. Н.", "L. N. Tolstoy", "Leo Tolstoi", "Лев Толстой",
                            "Л.Н.Толстой"]),
    ("project/meetings-at-the-boundaries", ["Встречи на границах", "Шекарадағы кездесулер",
                                            "Meetings at the boundary", "Встречи на границе",
                                            "Russia – Kazakhstan: Meetings at the boundaries"]),
    ("organization/cis", ["СНГ", "ТМД", "CIS"]),
    ("organization/unesco", ["ЮНЕСКО", "UNESCO"]),
    ("organization/library-assembly-of-eurasia", ["БАЕ"]),
])
def test_variants_resolve_to_one_entity(entities: dict[str, dict], expected: str, variants: list[str]) -> None:
    for v in variants:
        assert resolve(entities, v) == {expected}, f"{v!r} resolves to {resolve(entities, v)}"


def test_regional_adjective_stems_are_not_names(entities: dict[str, dict]) -> None:
    """Inflected or adjectival forms ('Курганской') belong to the matcher's morphology, not to the file."""
    for stem in ("Курганской", "Омской", "Челябинской", "Костанайской", "Восточно-Казахстанской"):
        assert not resolve(entities, stem), stem


# ------------------------------------------------------------------ facts

def one(e: dict, prop: str) -> list:
    return e["props"].get(prop, [])


def test_libraries_have_location_and_country(entities: dict[str, dict]) -> None:
    for key, e in entities.items():
        if key.startswith("library/"):
            locs, countries = one(e, SDO + "location"), one(e, WDT + "P17")
            assert len(locs) == 1 and short(locs[0].value).startswith("place/"), key
            assert len(countries) == 1 and SHK + "Country" in entities[short(countries[0].value)]["types"], key


def test_library_country_agrees_with_its_place(entities: dict[str, dict]) -> None:
    for key, e in entities.items():
        if key.startswith("library/"):
            place = entities[short(one(e, SDO + "location")[0].value)]
            place_country = [short(c.value) for c in one(place, WDT + "P17")]
            assert place_country == [short(one(e, WDT + "P17")[0].value)], key


def test_places_have_country_containment_and_coordinates(entities: dict[str, dict]) -> None:
    for key, e in entities.items():
        if not key.startswith("place/"):
            continue
        types = e["types"]
        if SHK + "Country" not in types and SHK + "GeographicRegion" not in types:
            assert len(one(e, WDT + "P17")) == 1, f"{key} lacks wdt:P17"
            assert one(e, SDO + "containedInPlace"), f"{key} lacks schema:containedInPlace"
            assert one(e, GEO + "lat") and one(e, GEO + "long"), f"{key} lacks coordinates"
        for prop, low, high in ((GEO + "lat", 0.0, 80.0), (GEO + "long", -30.0, 180.0)):
            for lit in one(e, prop):
                assert lit.datatype == NamedNode(XSD + "decimal"), f"{key}: {prop} must be xsd:decimal"
                assert low <= float(lit.value) <= high, f"{key}: implausible {prop} {lit.value}"


def test_containment_reaches_the_stated_country(entities: dict[str, dict]) -> None:
    """City -> region -> country: following schema:containedInPlace must end at the wdt:P17 country."""
    for key, e in entities.items():
        if not key.startswith("place/") or not one(e, WDT + "P17"):
            continue
        country, seen, todo = short(one(e, WDT + "P17")[0].value), set(), [key]
        while todo:
            cur = todo.pop()
            seen.add(cur)
            todo += [short(p.value) for p in one(entities[cur], SDO + "containedInPlace") if short(p.value) not in seen]
        assert country in seen, f"{key} is not contained (transitively) in {country}"


def test_cities_sit_near_their_region(entities: dict[str, dict]) -> None:
    """A cheap guard against swapped or mistyped coordinates: a city lies within ~6° of its region's centroid."""
    for key, e in entities.items():
        if key.startswith("place/") and SHK + "City" in e["types"]:
            parent = entities[short(one(e, SDO + "containedInPlace")[0].value)]
            if SHK + "Region" not in parent["types"]:
                continue
            limit = 10 if key in FAR_FROM_REGION_CENTROID_OK else 6
            for prop in (GEO + "lat", GEO + "long"):
                assert abs(float(one(e, prop)[0].value) - float(one(parent, prop)[0].value)) < limit, key


def test_namesakes_are_persons_with_life_dates(entities: dict[str, dict]) -> None:
    targets = {short(o.value) for e in entities.values() for o in one(e, WDT + "P138")}
    assert targets, "no wdt:P138 at all"
    for t in targets:
        person = entities[t]
        assert SDO + "Person" in person["types"], t
        if t in NO_LIFE_DATES_OK:
            continue
        born, died = one(person, SDO + "birthDate"), one(person, SDO + "deathDate")
        assert len(born) == 1 and len(died) == 1, f"{t} lacks life dates"
        assert born[0].datatype == NamedNode(XSD + "gYear") and int(born[0].value) < int(died[0].value), t


def test_dates_are_years(entities: dict[str, dict]) -> None:
    for key, e in entities.items():
        for prop in ("foundingDate", "startDate", "birthDate", "deathDate", "datePublished"):
            for lit in one(e, SDO + prop):
                assert lit.datatype == NamedNode(XSD + "gYear") and 1000 < int(lit.value) <= 2030, (key, prop)


def test_partnerships_are_written_both_ways(entities: dict[str, dict]) -> None:
    pairs = {(k, short(o.value)) for k, e in entities.items() for o in one(e, WDT + "P2652")}
    assert pairs
    assert all((b, a) in pairs for a, b in pairs), [p for p in pairs if (p[1], p[0]) not in pairs]


def test_meetings_at_the_boundaries_members(entities: dict[str, dict]) -> None:
    members = {k for k, e in entities.items()
               for o in one(e, SDO + "memberOf") if short(o.value) == "project/meetings-at-the-boundaries"}
    founders = {"library/russian-state-library", "library/national-library-of-kazakhstan",
                "library/omsk-regional-scientific-library", "library/north-kazakhstan-regional-scientific-library"}
    assert founders <= members and len(members) >= 15
    start = one(entities["project/meetings-at-the-boundaries"], SDO + "startDate")
    assert [lit.value for lit in start] == ["2001"]


def test_wikidata_links_are_entity_iris(entities: dict[str, dict]) -> None:
    for key, e in entities.items():
        for o in one(e, OWL_SAMEAS):
            assert re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9][0-9]*", o.value), key
    assert one(entities["place/kazakhstan"], OWL_SAMEAS)[0].value.endswith("/Q232")


# ------------------------------------------------------------------ against the development gold

def gold_entities() -> dict[str, dict]:
    gold = SHARED / "gold"
    if not gold.is_dir():
        pytest.skip(f"shared gold annotations not found at {gold}")
    out: dict[str, dict] = {}
    for path in sorted(gold.glob("*.json")):
        for ent in json.loads(path.read_text(encoding="utf-8"))["entities"]:
            out.setdefault(ent["key"], ent)
    return out


def test_gold_places_libraries_and_projects_are_in_the_file(entities: dict[str, dict]) -> None:
    gold = gold_entities()
    wanted = {k.replace(":", "/") for k in gold if k.split(":")[0] in ("place", "library", "project")}
    assert not wanted - set(entities), f"gold keys missing from the authority file: {sorted(wanted - set(entities))}"


def test_gold_namesakes_are_in_the_file(entities: dict[str, dict]) -> None:
    gold = SHARED / "gold"
    gold_entities()
    namesakes = set()
    for path in gold.glob("*.json"):
        for rel in json.loads(path.read_text(encoding="utf-8"))["relations"]:
            if rel["p"] == "namedAfter":
                namesakes.add(rel["o"].replace(":", "/"))
    assert namesakes and not namesakes - set(entities), sorted(namesakes - set(entities))


def test_gold_canonical_labels_are_names_of_the_entity(entities: dict[str, dict]) -> None:
    """The gold's canonical kk/ru/en name of a place or library is one of our names for it (any language)."""
    for key, ent in gold_entities().items():
        ours = key.replace(":", "/")
        if key.split(":")[0] not in ("place", "library") or ours not in entities:
            continue
        for lang, label in ent["labels"].items():
            if label and "(" not in label:
                assert ours in resolve(entities, label), f"{key}: gold {lang} name {label!r} not found"


# ------------------------------------------------------------------ against the project's shapes

def test_conforms_to_the_project_shapes() -> None:
    shapes, ontology = ROOT / "ontology" / "shapes.ttl", ROOT / "ontology" / "shekara.ttl"
    if not shapes.exists():
        pytest.skip("ontology/shapes.ttl not written yet")
    pyshacl = pytest.importorskip("pyshacl")
    data = rdflib.Graph()
    for name in FILES:
        data.parse(AUTHORITY / name, format="turtle", publicID=BASE)
    ont = rdflib.Graph().parse(ontology, format="turtle") if ontology.exists() else None
    conforms, _, report = pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(shapes, format="turtle"),
                                           ont_graph=ont, inference="none", allow_warnings=False)
    assert conforms, report


def test_works_have_an_author_who_lived_to_write_them(entities: dict[str, dict]) -> None:
    works = [k for k in entities if k.startswith("work/")]
    assert len(works) >= 15
    for key in works:
        (author,) = one(entities[key], SDO + "author")
        person = entities[short(author.value)]
        assert SDO + "Person" in person["types"], key
        for published in one(entities[key], SDO + "datePublished"):
            born = int(one(person, SDO + "birthDate")[0].value)
            died = [int(d.value) for d in one(person, SDO + "deathDate")]
            assert born + 10 < int(published.value) <= (died[0] if died else 2030), key
