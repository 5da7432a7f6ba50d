"""The ingest runner against a real embedded store: idempotence, replacement, pruning, provenance, CLI.

The bundled corpus is ingested once per module (about two seconds) and then again, which must
change nothing. Smaller cases use documents written here in a temporary folder.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_api.ingest_runner import Report, ingest_paths
from graph_api.settings import Settings
from graph_api.store.embedded import EmbeddedStore
from ingest.vocab import PROV, RDF, SDO, Graphs

ROOT = Path(__file__).resolve().parents[1]
BASE = "http://127.0.0.1:8000/"
G = Graphs(BASE)


def statuses(report: Report) -> dict[str, str]:
    return {o.path.name: o.status for o in report.outcomes}


def ask(store: EmbeddedStore, sparql: str) -> bool:
    return bool(store.query(sparql))


# --- the bundled corpus, twice ------------------------------------------------------------

@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    settings = Settings(store=tmp_path_factory.mktemp("corpus") / "store", base_iri=BASE)
    store = EmbeddedStore(settings.store, base_iri=BASE)
    first = ingest_paths(store, settings, [settings.corpus])
    before = store.statistics()
    second = ingest_paths(store, settings, [settings.corpus])
    after = store.statistics()
    yield store, first, second, before, after
    store.close()


def test_first_run_stores_every_bundled_document(twice) -> None:  # type: ignore[no-untyped-def]
    store, first, *_ = twice
    files = sorted(p.name for p in (ROOT / "data" / "corpus").iterdir()
                   if p.suffix in (".txt", ".md") and not p.name.startswith("README"))
    assert statuses(first) == {f: "stored" for f in files}
    assert all(o.mentions > 0 and o.language in ("kk", "ru", "en") for o in first.outcomes)
    assert {G.document(f).value for f in files} <= set(store.named_graphs())


def test_second_run_changes_nothing(twice) -> None:  # type: ignore[no-untyped-def]
    _, first, second, before, after = twice
    assert set(statuses(second).values()) == {"unchanged"} and len(second.outcomes) == len(first.outcomes)
    prov = G.provenance.value
    assert {g: n for g, n in before.per_graph.items() if g != prov} == \
           {g: n for g, n in after.per_graph.items() if g != prov}
    assert after.per_graph[prov] > before.per_graph[prov]  # only the record of the second run is added


def test_one_prov_activity_per_run(twice) -> None:  # type: ignore[no-untyped-def]
    store, first, second, *_ = twice
    runs = {q.subject.value for q in store.graph_quads(G.provenance.value)
            if q.predicate == RDF.type and q.object == PROV.Activity}
    assert runs == {first.run, second.run}
    run = ox.NamedNode(first.run)
    quads = store.graph_quads(G.provenance.value)
    preds = {q.predicate for q in quads if q.subject == run}
    assert {PROV.startedAtTime, PROV.endedAtTime, PROV.wasAssociatedWith, PROV.used} <= preds
    used = {q.object.value for q in quads if q.subject == run and q.predicate == PROV.used}
    assert G.work("meetings-overview.en.txt").value in used
    # every annotation of the first run points back to it
    assert ask(store, f"ASK {{ ?a <{PROV.wasGeneratedBy.value}> <{first.run}> }}")


# --- small corpora written here -----------------------------------------------------------

ONE = "Readers of the Omsk Regional Scientific Library met colleagues from Kostanai. Speaker: E. I. Ismailov.\n"
ONE_CHANGED = "Readers of the Troitsk City Library met colleagues from Uralsk. Speaker: E. I. Ismailov.\n"
TWO = "Кеше оқырмандар Ж. Молдағалиев атындағы Жаңатас аудандық кітапханасына барды.\n"


@pytest.fixture
def small(tmp_path: Path):  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.en.txt").write_text(ONE, encoding="utf-8")
    (corpus / "two.kk.txt").write_text(TWO, encoding="utf-8")
    settings = Settings(store=tmp_path / "store", base_iri=BASE)
    store = EmbeddedStore(settings.store, base_iri=BASE)
    yield corpus, settings, store
    store.close()


def bodies(store: EmbeddedStore, name: str) -> set[str]:
    return {q.object.value for q in store.graph_quads(G.document(name).value) if q.predicate == SDO.mentions}


def test_changed_file_replaces_its_graph(small) -> None:  # type: ignore[no-untyped-def]
    corpus, settings, store = small
    ingest_paths(store, settings, [corpus])
    assert BASE + "id/library/omsk-regional-scientific-library" in bodies(store, "one.en.txt")
    two_before = store.graph_quads(G.document("two.kk.txt").value)

    (corpus / "one.en.txt").write_text(ONE_CHANGED, encoding="utf-8")
    report = ingest_paths(store, settings, [corpus])
    assert statuses(report) == {"one.en.txt": "stored", "two.kk.txt": "unchanged"}
    now = bodies(store, "one.en.txt")
    assert BASE + "id/library/troitsk-city-library" in now
    assert BASE + "id/library/omsk-regional-scientific-library" not in now
    assert not ask(store, f"ASK {{ GRAPH <{G.document('one.en.txt').value}> {{ ?s ?p ?o . "
                          f"FILTER(CONTAINS(STR(?o), 'Kostanai')) }} }}")
    assert len(store.graph_quads(G.document("two.kk.txt").value)) == len(two_before)


def test_prune_removes_a_deleted_file_and_its_new_entities(small) -> None:  # type: ignore[no-untyped-def]
    corpus, settings, store = small
    ingest_paths(store, settings, [corpus])
    new_library = next(i for i in bodies(store, "two.kk.txt") if "/id/library/" in i)
    authority_person = BASE + "id/person/zhuban-moldagaliev"
    assert ask(store, f"ASK {{ <{new_library}> a ?t }}")
    authority_size = len(store.graph_quads(G.authority.value))

    (corpus / "two.kk.txt").unlink()
    report = ingest_paths(store, settings, [corpus], prune=True)
    assert statuses(report) == {"one.en.txt": "unchanged", "two.kk.txt": "pruned"}
    assert G.document("two.kk.txt").value not in store.named_graphs()
    assert not ask(store, f"ASK {{ <{new_library}> ?p ?o }}")
    assert ask(store, f"ASK {{ <{authority_person}> a ?t }}")
    assert len(store.graph_quads(G.authority.value)) == authority_size


def test_without_prune_a_deleted_file_stays(small) -> None:  # type: ignore[no-untyped-def]
    corpus, settings, store = small
    ingest_paths(store, settings, [corpus])
    (corpus / "two.kk.txt").unlink()
    report = ingest_paths(store, settings, [corpus])
    assert statuses(report) == {"one.en.txt": "unchanged"}
    assert G.document("two.kk.txt").value in store.named_graphs()


def test_a_reader_bug_fails_only_its_file(small, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import graph_api.ingest_runner as runner

    corpus, settings, store = small
    real = runner.read_document

    def flaky(path, **kw):  # type: ignore[no-untyped-def]
        if Path(path).name == "two.kk.txt":
            raise ValueError("parser library bug")
        return real(path, **kw)

    monkeypatch.setattr(runner, "read_document", flaky)
    report = ingest_paths(store, settings, [corpus])
    assert statuses(report) == {"one.en.txt": "stored", "two.kk.txt": "failed"}
    assert "parser library bug" in report.failed[0].reason


# --- the command line ---------------------------------------------------------------------

def cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SHEKARA_STORE": str(store), "SHEKARA_BASE_IRI": BASE}
    return subprocess.run([sys.executable, "-m", "graph_api.cli", "ingest", "--store", str(store), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_cli_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good.en.txt"
    good.write_text(ONE, encoding="utf-8")
    empty = tmp_path / "empty.en.txt"
    empty.write_bytes(b"")

    ok = cli(tmp_path / "store-ok", str(good))
    assert ok.returncode == 0, ok.stderr
    assert "stored" in ok.stdout and "good.en.txt" in ok.stdout

    bad = cli(tmp_path / "store-bad", str(good), str(empty))
    assert bad.returncode == 1, bad.stderr
    assert "failed" in bad.stdout and "empty" in bad.stdout
    assert "1 stored" in bad.stderr and "1 failed" in bad.stderr


def test_two_files_of_one_name_do_not_overwrite_each_other(small) -> None:  # type: ignore[no-untyped-def]
    """Graphs are keyed by file name: a second ``one.en.txt`` from another folder would have
    replaced the first one's graph without a word. It fails instead, and the first is stored."""
    corpus, settings, store = small
    other = corpus.parent / "elsewhere"
    other.mkdir()
    (other / "one.en.txt").write_text(ONE_CHANGED, encoding="utf-8")
    report = ingest_paths(store, settings, [corpus, other, corpus / "one.en.txt"])
    assert [(o.path, o.status) for o in report.outcomes if o.path.name == "one.en.txt"] == [
        (other / "one.en.txt", "failed"), (corpus / "one.en.txt", "stored")]
    assert "same name" in report.failed[0].reason and str(corpus / "one.en.txt") in report.failed[0].reason
    assert BASE + "id/library/omsk-regional-scientific-library" in bodies(store, "one.en.txt")
    assert BASE + "id/library/troitsk-city-library" not in bodies(store, "one.en.txt")
