"""One entity's cross-border pairs read from its end (``crossborder.around``) against the
whole-graph computation: the same pairs, the same connections and paths, in the same order.

The entity page and ``/api/crossborder/{kind}/{slug}`` use ``around`` so that the first view
after a write does not wait seconds for the whole-graph scan; these tests hold it to the
whole-graph answer for every entity and hub of three graphs: the two page fixtures and a
synthetic graph from the benchmark generator (dense hubs, partnerships both ways, events that
are both placed and attended).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api import crossborder
from graph_api.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
BASE = "http://shekara.test/"


def shape(pairs: list[crossborder.Pair]) -> list[tuple]:
    return [(p.ru, p.kz, [(c.via, c.through, c.path) for c in p.connections]) for p in pairs]


def fixture_store(name: str) -> EmbeddedStore:
    st = EmbeddedStore(None, base_iri=BASE)
    st.load(DATA / name, ox.RdfFormat.TRIG, base_iri=BASE)
    return st


def synthetic_store(tmp: Path) -> EmbeddedStore:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    path = generate(20_000, seed=7, output=tmp / "synthetic.nq")
    st = EmbeddedStore(None, base_iri=BASE)
    text = path.read_text(encoding="utf-8").replace("http://127.0.0.1:8000/", BASE)
    st.raw.load(text.encode(), format=ox.RdfFormat.N_QUADS)
    return st


def subjects(st: EmbeddedStore) -> list[str]:
    rows = st.query("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s)) }")
    return sorted(r["s"].value for r in rows)


@pytest.mark.parametrize("name", ["pages_fixture.trig", "api_fixture.trig"])
def test_around_equals_the_whole_graph_answer_on_the_fixtures(name):
    st = fixture_store(name)
    whole = crossborder.compute(st, BASE)
    assert whole.pairs, "the fixture must have cross-border pairs for this test to mean anything"
    checked = 0
    for iri in subjects(st):
        assert shape(crossborder.around(st, BASE, iri)) == shape(whole.for_entity(iri)), iri
        checked += bool(whole.for_entity(iri))
    assert checked >= 3


def test_around_equals_the_whole_graph_answer_on_a_synthetic_graph(tmp_path):
    st = synthetic_store(tmp_path)
    whole = crossborder.compute(st, BASE)
    assert len(whole.pairs) > 100
    involved = sorted(whole.by_iri)
    # every hub and member with pairs, plus as many without (events, persons, documents, places)
    quiet = [i for i in subjects(st) if i not in whole.by_iri][: len(involved)]
    kinds = {i.split("/")[4] if i.startswith(BASE + "id/") else "other" for i in involved}
    assert {"library", "event", "person"} <= kinds
    for iri in involved + quiet:
        assert shape(crossborder.around(st, BASE, iri)) == shape(whole.for_entity(iri)), iri


def test_around_sees_a_partnership_in_both_directions_and_a_hub_pair():
    st = EmbeddedStore(None, base_iri=BASE)
    st.raw.load(f"""
        @prefix schema: <http://schema.org/> . @prefix wdt: <http://www.wikidata.org/prop/direct/> .
        <{BASE}graph/t> {{
          <{BASE}id/place/russia> a schema:Country, schema:Place .
          <{BASE}id/place/kazakhstan> a schema:Country, schema:Place .
          <{BASE}id/library/a> a schema:Library ; wdt:P17 <{BASE}id/place/russia> ;
              wdt:P2652 <{BASE}id/library/b> ; schema:memberOf <{BASE}id/project/p> .
          <{BASE}id/library/b> a schema:Library ; wdt:P17 <{BASE}id/place/kazakhstan> ;
              wdt:P2652 <{BASE}id/library/a> ; schema:memberOf <{BASE}id/project/p> .
          <{BASE}id/project/p> a schema:Project .
        }}""".encode(), format=ox.RdfFormat.TRIG)
    whole = crossborder.compute(st, BASE)
    for iri in ("library/a", "library/b", "project/p"):
        got = crossborder.around(st, BASE, BASE + "id/" + iri)
        assert shape(got) == shape(whole.for_entity(BASE + "id/" + iri))
        assert [c.via for c in got[0].connections] == ["partnership", "partnership", "project"]


def test_entity_page_and_api_do_not_wait_for_the_whole_graph(tmp_path, monkeypatch):
    """With the whole-graph computation unavailable (as in the seconds after a write at scale),
    the entity page and the per-entity API still show the entity's pairs."""
    from fastapi.testclient import TestClient

    from conftest import build_store

    from graph_api.app import create_app
    from graph_api.settings import Settings


    def unavailable(*_a, **_k):
        raise RuntimeError("the whole-graph computation must not run in the request")

    monkeypatch.setattr(crossborder, "compute", unavailable)
    store = build_store(tmp_path / "store", BASE, DATA / "pages_fixture.trig")
    with TestClient(create_app(Settings(store=store, base_iri=BASE))) as client:
        html = client.get("/page/library/omsk-pushkin-library", headers={"Accept": "text/html"}).text
        across = html.split('id="across"')[1].split("</section>")[0]
        assert 'href="/page/library/pavlodar-pushkin-library"' in across
        body = client.get("/api/crossborder/library/omsk-pushkin-library").json()
        assert body["total"] >= 1 and body["items"][0]["russia"]["iri"] == BASE + "id/library/omsk-pushkin-library"
