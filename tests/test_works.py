"""Translations between documents: shared entities across languages link two works, nothing else does."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from ingest.vocab import SDO, SHK, Graphs
from ingest.works import WorkSummary, similarity, translation_links

ROOT = Path(__file__).resolve().parents[1]
BASE = "http://127.0.0.1:8000/"
E = [f"{BASE}id/place/p{i}" for i in range(12)]


def work(name: str, lang: str, entities: list[str], dates: set[str] | None = None) -> WorkSummary:
    return WorkSummary(f"{BASE}id/document/{name}", lang, set(entities), dates or set())


def linked_pairs(triples: list[ox.Triple]) -> set[tuple[str, str]]:
    return {(t.subject.value.rsplit("/", 1)[1], t.object.value.rsplit("/", 1)[1])
            for t in triples if t.predicate == SDO.workTranslation}


def test_same_entities_in_two_languages_are_translations() -> None:
    a, b = work("a.en.txt", "en", E[:8], {"2008"}), work("a.kk.txt", "kk", E[:8], {"2008"})
    triples = translation_links([a, b])
    assert linked_pairs(triples) == {("a.en.txt", "a.kk.txt"), ("a.kk.txt", "a.en.txt")}
    preds = {t.predicate for t in triples}
    assert preds == {SDO.workTranslation, SDO.translationOfWork, SHK.translationOf}


def test_same_language_is_never_a_translation() -> None:
    assert translation_links([work("a.en.txt", "en", E[:8]), work("b.en.txt", "en", E[:8])]) == []


def test_few_shared_entities_are_not_enough() -> None:
    a, b = work("a.en.txt", "en", E[:4]), work("a.ru.txt", "ru", E[:4])
    assert similarity(a, b) == 0.0 and translation_links([a, b]) == []


def test_documents_that_only_talk_about_the_same_project_stay_apart() -> None:
    a = work("a.en.txt", "en", E[:6])  # 5 shared of 12 in all: Jaccard 0.42, below the threshold
    b = work("b.kk.txt", "kk", E[1:6] + [f"{BASE}id/place/other-{i}" for i in range(6)])
    assert similarity(a, b) < 0.5 and translation_links([a, b]) == []


def test_shared_dates_support_but_do_not_decide() -> None:
    a, b = work("a.en.txt", "en", E[:6], {"2002"}), work("a.ru.txt", "ru", E[:6], {"2009"})
    assert 0.5 <= similarity(a, b) < 1.0


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from graph_api.ingest_runner import ingest_paths
    from graph_api.settings import Settings
    from graph_api.store.embedded import EmbeddedStore

    settings = Settings(store=tmp_path_factory.mktemp("works") / "store", base_iri=BASE)
    store = EmbeddedStore(settings.store, base_iri=BASE)
    report = ingest_paths(store, settings, [settings.corpus])
    assert not report.failed, report.failed
    yield store
    store.close()


def test_bundled_overview_in_english_and_kazakh_are_linked(corpus_store) -> None:  # type: ignore[no-untyped-def]
    links = Graphs(BASE).links.value
    pairs = {(q.subject.value.rsplit("/", 1)[1], q.object.value.rsplit("/", 1)[1])
             for q in corpus_store.graph_quads(links) if q.predicate == SDO.workTranslation}
    assert ("meetings-overview.en.txt", "meetings-overview.kk.txt") in pairs
    assert ("meetings-overview.kk.txt", "meetings-overview.en.txt") in pairs
    for a, b in pairs:  # never two documents of one language
        assert a.split(".")[-2] != b.split(".")[-2], (a, b)
