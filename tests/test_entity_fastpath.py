"""The fast entity view (two statement fetches cut up in Python) against the paged SPARQL one.

The entity view has two ways to the same answer: whole-neighbourhood fetches for ordinary
entities, counted and paged queries for hubs with thousands of links. These tests run both on a
real store and require identical answers, pin the mention-selector semantics the faster query
shape must keep, and check that countries asked from a few IRIs' end match the whole-graph ones.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api import api, crossborder, entities
from graph_api.search_index import SearchIndex
from graph_api.settings import Settings
from graph_api.store.embedded import EmbeddedStore

FIXTURE = Path(__file__).parent / "data" / "pages_fixture.trig"
BASE = "http://shekara.test/"

# Edge cases the fixture lacks: a position selector without an end (must give no offsets at all),
# a fact repeated in two graphs (must count once), a blank-node source of a link (not a link).
EXTRA = """
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix schema: <http://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<graph/extra-1> {
  <id/person/edge-case> a schema:Person ; skos:prefLabel "Edge Case"@en ; schema:birthDate "1901" ;
      schema:knows <id/person/sabit-mukanov> .
  <annotation/extra/1> oa:hasBody <id/person/edge-case> ;
      oa:hasTarget [ oa:hasSource <id/document/telebridge.ru.txt> ;
          oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Edge" ] ,
                         [ a oa:TextPositionSelector ; oa:start 5 ] ] .
  [] schema:knows <id/person/edge-case> .
}
<graph/extra-2> { <id/person/edge-case> schema:birthDate "1901" ; schema:knows <id/person/sabit-mukanov> . }
"""


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    st = EmbeddedStore(None, base_iri=BASE)
    st.load(FIXTURE, ox.RdfFormat.TRIG, base_iri=BASE)
    st.raw.load(EXTRA.encode(), format=ox.RdfFormat.TRIG, base_iri=BASE)
    return st


def entity_iris(store: EmbeddedStore) -> list[str]:
    rows = store.query("SELECT DISTINCT ?e WHERE { ?e a ?t FILTER(isIRI(?e) && STRSTARTS(STR(?e), ?p)) }",
                       substitutions={"p": ox.Literal(BASE + "id/")})
    found = sorted(r["e"].value for r in rows if entities.split_iri(BASE, r["e"].value))
    assert len(found) > 20
    return found


def views(store: EmbeddedStore, iri: str, **kw) -> dict:
    view = api.View(store, Settings(base_iri=BASE, page_size=3, max_page_size=50), ["en", "kk", "ru"])
    return api.entity_view(view, ox.NamedNode(iri), **kw)


@pytest.mark.parametrize("kw", [{}, {"out_offset": 1, "in_offset": 2, "mentions_offset": 1, "limit": 2}])
def test_fast_and_paged_views_agree_on_every_entity(store, monkeypatch, kw):
    iris = entity_iris(store)
    fast = {i: views(store, i, **kw) for i in iris}
    monkeypatch.setattr(entities, "NEIGHBOURHOOD_CAP", 0)  # every neighbourhood "too big": paged queries
    assert not entities.neighbourhood(store, ox.NamedNode(iris[0])).complete
    paged = {i: views(store, i, **kw) for i in iris}
    assert fast == paged
    assert any(v["mentions"]["total"] for v in fast.values()) and any(v["incoming"]["total"] for v in fast.values())


def test_edge_cases_of_the_neighbourhood(store):
    v = views(store, BASE + "id/person/edge-case")
    assert v["facts"]["total"] == 1  # stated in two graphs, counted once
    assert [o["target"]["iri"] for o in v["outgoing"]["items"]] == [BASE + "id/person/sabit-mukanov"]
    assert v["incoming"]["total"] == 0  # a blank node is no link, an annotation body no link
    (m,) = v["mentions"]["items"]
    assert m["exact"] == "Edge" and m["start"] is None and m["end"] is None  # start without end: neither
    assert entities.neighbourhood(store, ox.NamedNode(BASE + "id/person/nobody")).exists is False


def test_countries_from_the_iris_end_match_the_whole_graph(store):
    whole = crossborder.compute(store, BASE).countries
    assert whole  # the fixture has things on both sides
    iris = entity_iris(store) + list(crossborder.country_iris(BASE).values())
    assert crossborder.countries_for(store, BASE, iris) == {i: c for i, c in whole.items() if i in set(iris)}


def test_search_tiers_rank_exact_then_prefix_then_substring(store):
    index = SearchIndex.build(store, None, BASE)
    hits = index.search("Петропавл", 20)
    assert hits and hits[0].match == "exact"
    order = {"exact": 0, "prefix": 1, "substring": 2}
    assert [order[h.match] for h in hits] == sorted(order[h.match] for h in hits)
    assert len({h.iri for h in hits}) == len(hits)
    assert index.search("Мұқанов", 5)[0].iri == BASE + "id/person/sabit-mukanov"
