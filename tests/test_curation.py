"""Curators' corrections: merges, retractions and rejections are recorded, applied to the data at
once, kept through re-ingest, and undone on request.

The end-to-end tests ingest three documents of the bundled corpus into a real embedded store
and drive the real app; the rules of the transform are also checked on small hand-made graphs.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api import curation
from graph_api.settings import ROOT, Settings
from ingest.vocab import OA, RDF, RDFS, SDO, SKOS, Graphs

BASE = "http://testserver/"
TOKEN = "curator-secret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DOCS = ("omsk-semey-dostoevsky-telebridge.en.txt", "omsk-semey-dostoevsky-telebridge.ru.txt",
        "petropavl-kurgan-partnership.ru.txt")
G = Graphs(BASE)


def iri(path: str) -> str:
    return BASE + "id/" + path


def nn(path: str) -> ox.NamedNode:
    return ox.NamedNode(iri(path))


# --- the transform on hand-made graphs ------------------------------------------------------------
def _props() -> curation.Properties:
    p = curation.Properties()
    p.parents = {"https://w3id.org/shekara/ns#locatedIn": {"http://schema.org/location"},
                 "https://w3id.org/shekara/ns#partnerLibrary": {"http://www.wikidata.org/prop/direct/P2652"}}
    p.symmetric = {"https://w3id.org/shekara/ns#partnerLibrary"}
    return p


def _decisions(*items: curation.Decision) -> curation.Decisions:
    return curation.Decisions(list(items), _props())


def test_merge_moves_statements_and_turns_the_duplicates_names_into_variants() -> None:
    dup, keep, other = nn("library/dup"), nn("library/keep"), nn("library/other")
    triples = [ox.Triple(dup, SKOS.prefLabel, ox.Literal("Дубль", language="ru")),
               ox.Triple(dup, RDFS.label, ox.Literal("Дубль", language="ru")),
               ox.Triple(dup, SDO.location, nn("place/omsk")),
               ox.Triple(other, SDO.memberOf, dup),
               ox.Triple(dup, ox.NamedNode("http://www.wikidata.org/prop/direct/P2652"), keep),
               ox.Triple(keep, SKOS.prefLabel, ox.Literal("Оставленная", language="ru")),
               ox.Triple(other, RDFS.label, ox.Literal("Другая", language="ru"))]
    d = curation.Decision(iri="x#1", kind="merge", source=dup.value, target=keep.value)
    out = set(_decisions(d).transform(G, G.doc_prefix + "a.txt", triples)[0])
    assert out == {ox.Triple(keep, SKOS.altLabel, ox.Literal("Дубль", language="ru")),
                   ox.Triple(keep, SKOS.prefLabel, ox.Literal("Оставленная", language="ru")),  # untouched
                   ox.Triple(other, RDFS.label, ox.Literal("Другая", language="ru")),
                   ox.Triple(keep, SDO.location, nn("place/omsk")),
                   ox.Triple(other, SDO.memberOf, keep)}  # the partnership with itself is gone


def test_merges_are_followed_to_the_end_of_a_chain() -> None:
    a, b, c = iri("person/a"), iri("person/b"), iri("person/c")
    ds = _decisions(curation.Decision(iri="x#1", kind="merge", source=a, target=b),
                    curation.Decision(iri="x#2", kind="merge", source=b, target=c))
    assert ds.merges == {a: c, b: c}


def test_retraction_takes_the_whole_family_and_both_directions_of_a_symmetric_property() -> None:
    a, b, c = nn("library/a"), nn("library/b"), nn("library/c")
    p2652 = ox.NamedNode("http://www.wikidata.org/prop/direct/P2652")
    partner = ox.NamedNode("https://w3id.org/shekara/ns#partnerLibrary")
    located = ox.NamedNode("https://w3id.org/shekara/ns#locatedIn")
    triples = [ox.Triple(a, p2652, b), ox.Triple(b, p2652, a), ox.Triple(a, partner, b), ox.Triple(b, partner, a),
               ox.Triple(a, p2652, c), ox.Triple(a, SDO.location, nn("place/x")), ox.Triple(a, located, nn("place/x")),
               ox.Triple(a, SDO.location, nn("place/y"))]
    ds = _decisions(curation.Decision(iri="x#1", kind="retraction", statement=(a, p2652, b)),
                    curation.Decision(iri="x#2", kind="retraction", statement=(a, located, nn("place/x"))))
    out = set(ds.transform(G, G.doc_prefix + "a.txt", triples)[0])
    assert out == {ox.Triple(a, p2652, c), ox.Triple(a, SDO.location, nn("place/y"))}


def test_rejection_removes_the_annotation_its_target_and_selectors_in_that_document_only() -> None:
    e, keep = nn("place/altai"), nn("place/omsk")
    doc = G.work("a.txt")
    triples = []
    for n, body in ((1, e), (2, keep)):
        ann, target, sel = ox.NamedNode(f"{doc.value}#mention-{n}"), ox.BlankNode(), ox.BlankNode()
        triples += [ox.Triple(ann, RDF.type, OA.Annotation), ox.Triple(ann, OA.hasBody, body),
                    ox.Triple(ann, OA.hasTarget, target), ox.Triple(target, OA.hasSource, doc),
                    ox.Triple(target, OA.hasSelector, sel), ox.Triple(sel, OA.exact, ox.Literal(f"m{n}"))]
    triples += [ox.Triple(doc, SDO.mentions, e), ox.Triple(doc, SDO.mentions, keep),
                ox.Triple(e, RDFS.label, ox.Literal("Altai", language="en"))]
    ds = _decisions(curation.Decision(iri="x#1", kind="rejection", entity=e.value, document=doc.value))
    out, changed = ds.transform(G, G.document("a.txt").value, triples)
    assert changed == ["x#1"]
    assert all(e not in (t.subject, t.object) for t in out)
    assert {t.object for t in out if t.predicate == OA.exact} == {ox.Literal("m2")}
    assert len(out) == 7  # the other mention (6 triples) and its document's mentions link
    # another document is left alone
    assert ds.transform(G, G.document("b.txt").value, triples) == (triples, [])


def test_decisions_apply_in_their_order_each_to_the_iris_of_its_time() -> None:
    """A rejection of A made before A was merged into B removes A's mentions, never B's own; a
    retraction of (S p A) made before the merge does not take (S p B) away."""
    a, b, s = nn("person/a"), nn("person/b"), nn("event/s")
    doc = G.work("a.txt")
    triples = [ox.Triple(doc, SDO.mentions, a), ox.Triple(doc, SDO.mentions, b),
               ox.Triple(s, ox.NamedNode("http://www.wikidata.org/prop/direct/P710"), a),
               ox.Triple(s, ox.NamedNode("http://www.wikidata.org/prop/direct/P710"), b)]
    p710 = ox.NamedNode("http://www.wikidata.org/prop/direct/P710")
    ds = _decisions(curation.Decision(iri="x#1", kind="rejection", entity=a.value, document=doc.value),
                    curation.Decision(iri="x#2", kind="merge", source=a.value, target=b.value))
    out, _ = ds.transform(G, G.document("a.txt").value, triples)
    assert set(out) == {ox.Triple(doc, SDO.mentions, b), ox.Triple(s, p710, b)}
    ds = _decisions(curation.Decision(iri="x#1", kind="retraction", statement=(s, p710, a)),
                    curation.Decision(iri="x#2", kind="merge", source=a.value, target=b.value))
    out, _ = ds.transform(G, G.document("a.txt").value, triples)
    assert ox.Triple(s, p710, b) in out


def test_a_cycle_of_merges_leads_nowhere() -> None:
    a, b = iri("place/a"), iri("place/b")
    ds = _decisions(curation.Decision(iri="x#1", kind="merge", source=a, target=b),
                    curation.Decision(iri="x#2", kind="merge", source=b, target=a))
    assert ds.merges == {}


def test_a_name_is_retracted_in_every_label_property() -> None:
    e = nn("place/omsk")
    name = ox.Literal("Omsk", language="en")
    triples = [ox.Triple(e, RDFS.label, name), ox.Triple(e, SKOS.prefLabel, name), ox.Triple(e, SKOS.altLabel, name),
               ox.Triple(e, RDFS.label, ox.Literal("Омск", language="ru"))]
    ds = _decisions(curation.Decision(iri="x#1", kind="retraction", statement=(e, RDFS.label, name)))
    assert ds.transform(G, G.authority.value, triples)[0] == [triples[-1]]


def test_property_families_come_from_the_ontology(tmp_path: Path) -> None:
    from graph_api.bootstrap import load_static_graphs
    from graph_api.store.embedded import EmbeddedStore

    settings = Settings(store=tmp_path / "store", base_iri=BASE)
    with EmbeddedStore(tmp_path / "store", base_iri=BASE) as st:
        load_static_graphs(st, settings)
        props = curation.Properties.read(st, G)
    located = props.family("https://w3id.org/shekara/ns#locatedIn")
    assert "http://schema.org/location" in located
    assert "http://www.wikidata.org/prop/direct/P17" not in located
    assert props.is_symmetric(props.family("https://w3id.org/shekara/ns#partnerLibrary"))
    assert not props.is_symmetric(props.family("http://www.wikidata.org/prop/direct/P710"))


def test_statement_terms_refuse_what_is_not_a_statement() -> None:
    with pytest.raises(curation.CurationError) as e:
        curation.statement_terms("not an iri", "http://schema.org/location", "http://x/", None)
    assert e.value.status == 400
    with pytest.raises(curation.CurationError):
        curation.statement_terms("http://x/a", "http://schema.org/name", "http://x/", {"value": "both"})
    s, p, o = curation.statement_terms("http://x/a", "http://schema.org/name", None, {"value": "Омск", "language": "ru"})
    assert o == ox.Literal("Омск", language="ru")


# --- end to end: ingest, serve, correct -----------------------------------------------------------
@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from graph_api.ingest_runner import ingest_paths
    from graph_api.store import open_store

    work = tmp_path_factory.mktemp("curation")
    corpus = work / "corpus"
    corpus.mkdir()
    for name in DOCS:
        shutil.copy(ROOT / "data" / "corpus" / name, corpus / name)
    s = Settings(store=work / "store", base_iri=BASE, write_token=TOKEN, search_index=work / "search.sqlite",
                 corpus=corpus)
    with open_store(s) as st:
        report = ingest_paths(st, s, [corpus])
    assert not report.failed
    return s


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator:  # type: ignore[type-arg]
    from fastapi.testclient import TestClient

    from graph_api.app import create_app

    with TestClient(create_app(settings)) as c:
        yield c


def ask(client, query: str) -> bool:  # type: ignore[no-untyped-def]
    r = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return r.json()["boolean"]


def reingest(settings: Settings, name: str, extra: str = "") -> None:
    """Ingest one document again (its text changed, so it is extracted anew)."""
    from graph_api.ingest_runner import ingest_paths
    from graph_api.store import open_store

    path = Path(settings.corpus) / name
    if extra:
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    with open_store(settings) as st:
        report = ingest_paths(st, settings, [Path(settings.corpus)])
    assert not report.failed


def in_documents(entity: str) -> str:
    return (f"ASK {{ GRAPH ?g {{ {{ <{entity}> ?p ?o }} UNION {{ ?s ?p <{entity}> }} }} "
            f"FILTER(STRSTARTS(STR(?g), \"{G.doc_prefix}\")) }}")


def test_writes_need_the_token_and_reading_is_public(client) -> None:  # type: ignore[no-untyped-def]
    body = {"from": iri("person/shokan-valikhanov"), "into": iri("person/fyodor-dostoevsky")}
    r = client.post("/api/curation/merges", json=body)
    assert r.status_code == 401 and "WWW-Authenticate" in r.headers
    assert client.post("/api/curation/merges", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.delete("/api/curation/abc").status_code == 401
    assert client.get("/api/curation").status_code == 200


@pytest.mark.parametrize("body,status", [
    ({"from": iri("person/fyodor-dostoevsky"), "into": iri("person/fyodor-dostoevsky")}, 400),
    ({"from": iri("person/fyodor-dostoevsky"), "into": iri("place/omsk")}, 400),
    ({"from": "not an IRI", "into": iri("place/omsk")}, 400),
    ({"from": iri("place/atlantis"), "into": iri("place/omsk")}, 404),
    ({"from": iri("person/a b"), "into": iri("person/fyodor-dostoevsky")}, 400),
    ({"from": BASE + "id/run/x", "into": BASE + "id/run/y"}, 400),
])
def test_a_merge_that_cannot_be_is_refused_with_the_reason(client, body, status) -> None:  # type: ignore[no-untyped-def]
    before = client.get("/api/curation").json()["items"]
    r = client.post("/api/curation/merges", json=body, headers=AUTH)
    assert r.status_code == status and r.json()["detail"]
    assert client.get("/api/curation").json()["items"] == before  # nothing was recorded


def test_merge_rewrites_the_data_redirects_the_old_iri_and_survives_reingest(client, settings) -> None:  # type: ignore[no-untyped-def]
    dup, keep = iri("person/shokan-valikhanov"), iri("person/fyodor-dostoevsky")
    assert ask(client, in_documents(dup))
    r = client.post("/api/curation/merges", json={"from": dup, "into": keep, "note": "test merge"}, headers=AUTH)
    assert r.status_code == 201, r.text
    decision = r.json()
    assert decision["kind"] == "merge" and G.document(DOCS[0]).value in decision["graphs"]
    assert not ask(client, in_documents(dup))
    assert ask(client, f"ASK {{ <{G.work(DOCS[0]).value}> <http://schema.org/mentions> <{keep}> }}")
    assert ask(client, f"ASK {{ <{dup}> <http://www.w3.org/2002/07/owl#sameAs> <{keep}> }}")
    # one preferred name per language stays (the duplicate's names are variants now)
    assert not ask(client, f"ASK {{ <{keep}> <{SKOS.prefLabel.value}> ?a, ?b FILTER(?a != ?b && LANG(?a) = LANG(?b)) }}")
    # the old IRI and its pages lead to the one kept
    for path, where in (("/id/person/shokan-valikhanov", "/id/person/fyodor-dostoevsky"),
                        ("/page/person/shokan-valikhanov", "/page/person/fyodor-dostoevsky"),
                        ("/api/entities/person/shokan-valikhanov", "/api/entities/person/fyodor-dostoevsky")):
        r = client.get(path, follow_redirects=False)
        assert (r.status_code, r.headers["location"]) == (301, where)
    # search finds the kept entity by the duplicate's name
    hits = client.get("/api/search", params={"q": "Валиханов"}).json()
    assert keep in [h["iri"] for h in hits["items"]] and dup not in [h["iri"] for h in hits["items"]]
    # a second merge of the same duplicate is a conflict
    assert client.post("/api/curation/merges", json={"from": dup, "into": keep}, headers=AUTH).status_code == 409
    # ingest writes the documents through the decision
    reingest(settings, DOCS[1], "\nВ 2022 году Чокан Валиханов был упомянут ещё раз.\n")
    assert not ask(client, in_documents(dup))
    assert ask(client, f"ASK {{ <{G.work(DOCS[1]).value}> <http://schema.org/mentions> <{keep}> }}")


def test_retraction_removes_a_statement_both_ways_and_survives_reingest(client, settings) -> None:  # type: ignore[no-untyped-def]
    omsk, semey = iri("library/omsk-regional-scientific-library"), iri("library/semey-abai-library")
    p2652 = "http://www.wikidata.org/prop/direct/P2652"
    either = (f"ASK {{ GRAPH ?g {{ {{ <{omsk}> ?p <{semey}> }} UNION {{ <{semey}> ?p <{omsk}> }} }} "
              f"FILTER(STRSTARTS(STR(?g), \"{G.doc_prefix}\")) }}")
    assert ask(client, either)  # the telebridge documents say the two libraries work together
    r = client.post("/api/curation/retractions", headers=AUTH, json={
        "subject": omsk, "predicate": p2652, "object": semey, "note": "a telebridge is no partnership"})
    assert r.status_code == 201, r.text
    assert not ask(client, either)  # both directions, and the finer partnership properties too
    again = client.post("/api/curation/retractions", headers=AUTH,
                        json={"subject": omsk, "predicate": p2652, "object": semey})
    assert again.status_code == 404  # nothing states it any more
    reingest(settings, DOCS[0], "\nThe Omsk library hosted the readers again in 2022.\n")  # extracted anew
    assert not ask(client, either)


def test_a_wrong_name_is_retracted_from_every_label_property(client) -> None:  # type: ignore[no-untyped-def]
    place = iri("place/omsk-region")
    name = f"<{place}> ?p \"Omsk Region\"@en"
    assert ask(client, f"ASK {{ {name} }}")
    r = client.post("/api/curation/retractions", headers=AUTH, json={
        "subject": place, "predicate": RDFS.label.value, "literal": {"value": "Omsk Region", "language": "en"}})
    assert r.status_code == 201, r.text
    assert r.json()["object"] == {"type": "literal", "value": "Omsk Region", "language": "en"}
    assert not ask(client, f"ASK {{ {name} FILTER(?p IN (<{RDFS.label.value}>, <{SKOS.prefLabel.value}>, "
                           f"<{SKOS.altLabel.value}>)) }}")


def test_rejection_in_one_document_and_undo(client, settings) -> None:  # type: ignore[no-untyped-def]
    entity, doc = iri("place/kazakhstan"), DOCS[2]
    graph = G.document(doc).value
    mentioned = f"ASK {{ GRAPH <{graph}> {{ ?a <{OA.hasBody.value}> <{entity}> }} }}"
    assert ask(client, mentioned)
    others_before = ask(client, f"ASK {{ GRAPH ?g {{ ?a <{OA.hasBody.value}> <{entity}> }} FILTER(?g != <{graph}>) }}")
    r = client.post("/api/curation/rejections", headers=AUTH, json={"entity": entity, "document": doc})
    assert r.status_code == 201, r.text
    assert not ask(client, mentioned)
    assert not ask(client, f"ASK {{ GRAPH <{graph}> {{ ?s ?p <{entity}> }} }}")
    # no selector or target is left without its annotation
    assert not ask(client, f"ASK {{ GRAPH <{graph}> {{ ?t <{OA.hasSelector.value}> ?s "
                           f"FILTER NOT EXISTS {{ ?a <{OA.hasTarget.value}> ?t }} }} }}")
    assert ask(client, f"ASK {{ GRAPH ?g {{ ?a <{OA.hasBody.value}> <{entity}> }} FILTER(?g != <{graph}>) }}") \
        == others_before
    assert client.post("/api/curation/rejections", headers=AUTH,
                       json={"entity": entity, "document": doc}).status_code == 404
    # undo: the decision goes, the document is read again on the next ingest
    decision = r.json()["id"]
    undone = client.delete(f"/api/curation/{decision}", headers=AUTH)
    assert undone.status_code == 200, undone.text
    assert undone.json()["ingest_again"] == [doc]
    assert decision not in [d["id"] for d in client.get("/api/curation").json()["items"]]
    reingest(settings, doc)
    assert ask(client, mentioned)
    assert client.delete(f"/api/curation/{decision}", headers=AUTH).status_code == 404


def test_a_rejection_in_a_document_of_another_dataset_is_refused(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/curation/rejections", headers=AUTH,
                    json={"entity": iri("place/omsk"), "document": "http://elsewhere.org/id/document/a.txt"})
    assert r.status_code == 400 and "not a document of this dataset" in r.json()["detail"]


def test_rejection_everywhere_leaves_nothing_of_the_entity(client) -> None:  # type: ignore[no-untyped-def]
    entity = iri("place/kostanay")
    assert client.get("/api/entities/place/kostanay").status_code == 200
    r = client.post("/api/curation/rejections", headers=AUTH, json={"entity": entity, "note": "not in these texts"})
    assert r.status_code == 201, r.text
    assert G.authority.value in r.json()["graphs"]
    # the decision names it by a literal: no link of the graph leads to it any more
    assert client.get("/api/entities/place/kostanay").status_code == 404
    assert client.get("/id/place/kostanay", follow_redirects=False).status_code == 404


def test_the_decisions_graph_is_written_through_the_api_only(client) -> None:  # type: ignore[no-untyped-def]
    graph = BASE + "graph/decisions"
    r = client.put("/rdf-graph-store", params={"graph": graph}, content=b"",
                   headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 403
    assert client.get("/api/curation").json()["items"]  # still there


def test_undo_of_a_merge_marks_every_document_written_through_it(client, settings) -> None:  # type: ignore[no-untyped-def]
    dup, keep = iri("person/shokan-valikhanov"), iri("person/fyodor-dostoevsky")
    # a document ingested after the merge is written through it, and so is marked by it
    extra = Path(settings.corpus) / "extra.ru.txt"
    extra.write_text("В 2023 году в Омске прошли чтения памяти Чокана Валиханова.\n", encoding="utf-8")
    reingest(settings, "extra.ru.txt")
    assert not ask(client, in_documents(dup))
    merge = next(d for d in client.get("/api/curation").json()["items"] if d["kind"] == "merge")
    assert G.document("extra.ru.txt").value in merge["graphs"]
    undone = client.delete(f"/api/curation/{merge['id']}", headers=AUTH)
    assert undone.status_code == 200, undone.text
    assert set(undone.json()["ingest_again"]) >= {DOCS[0], DOCS[1], "extra.ru.txt"}
    # the authority graph is reloaded at once; the documents on the next ingest
    assert ask(client, f"ASK {{ GRAPH <{G.authority.value}> {{ <{dup}> ?p ?o }} }}")
    assert client.get("/page/person/shokan-valikhanov", follow_redirects=False).status_code == 200
    reingest(settings, "extra.ru.txt")
    assert ask(client, in_documents(dup))
    assert ask(client, f"ASK {{ <{G.work('extra.ru.txt').value}> <http://schema.org/mentions> <{dup}> }}")


def test_decisions_add_no_links_to_entity_pages(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/entities/library/omsk-regional-scientific-library").text
    assert "graph/decisions" not in body


def test_the_corrected_store_still_validates(client, settings) -> None:  # type: ignore[no-untyped-def]
    from graph_api.store import open_store
    from graph_api.validation import validate_store

    with open_store(settings, read_only=True) as st:
        report = validate_store(st, settings)
    assert report.conforms, report.text()[:2000]
