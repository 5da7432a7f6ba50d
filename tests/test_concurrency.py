"""Serving while ingesting: a reader process queries in a loop while a writer process stores documents.

The design under test (see docs/concurrency.md): one writer process owns the store read-write
and publishes the committed version in ``{store}/shekara-version``; readers hold a read-only
view and reopen a fresh one when that marker moves (``graph_api.store.provider``). Every answer
must come from a committed state: no errors, document counts that never go down, and no
document graph seen half-written (each has its identifier and all its annotations, from one
single write).
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE = "http://example.org/shk/"
ANNOTATIONS = 12

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import pyoxigraph as ox
    from graph_api.store.embedded import EmbeddedStore
    from ingest.vocab import SDO, OA, RDF, Graphs

    store_dir, docs, rewrites, k = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    readers = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    graphs = Graphs("%(base)s")

    def document(i, round_):
        name = f"doc-{i:05d}.txt"
        w = graphs.work(name)
        yield ox.Triple(w, RDF.type, SDO.CreativeWork)
        yield ox.Triple(w, SDO.identifier, ox.Literal(name))
        for a in range(k):
            ann = ox.NamedNode(f"{w.value}#ann-{a}")
            yield ox.Triple(ann, RDF.type, OA.Annotation)
            yield ox.Triple(ann, OA.hasTarget, w)
            yield ox.Triple(ann, SDO.version, ox.Literal(str(round_)))
            # padding so that writes flush and compact while readers read
            yield ox.Triple(ann, SDO.text, ox.Literal(f"{name} annotation {a} round {round_} " + "x" * 400))

    st = EmbeddedStore(store_dir, base_iri="%(base)s")
    # With readers to serve, wait until they have started (a Python start-up can take longer
    # than this whole ingest on a busy machine) and leave them a moment between writes, so
    # that they see many intermediate states, not just the first and the last.
    waited = time.monotonic() + 60
    while len(list(store_dir.parent.glob("ready-*"))) < readers and time.monotonic() < waited:
        time.sleep(0.01)
    pause = 0.002 if readers else 0.0
    for i in range(docs):
        st.replace_graph(graphs.document(f"doc-{i:05d}.txt").value, document(i, 1))
        time.sleep(pause)
    for i in range(rewrites):
        st.replace_graph(graphs.document(f"doc-{i:05d}.txt").value, document(i, 2))
        time.sleep(pause)
    st.close()
    (store_dir / "writer-done").write_text("ok")
    """
) % {"base": BASE}

READER = textwrap.dedent(
    """
    import json, sys, time, traceback
    from pathlib import Path
    from graph_api.settings import Settings
    from graph_api.store.provider import StoreProvider

    store_dir, k = Path(sys.argv[1]), int(sys.argv[2])
    provider = StoreProvider(Settings(store=store_dir, base_iri="%(base)s"))
    PREFIX = "PREFIX schema: <http://schema.org/> PREFIX oa: <http://www.w3.org/ns/oa#> "
    counts, errors, views, iterations = [], [], set(), 0

    def check_once():
        st = provider.get()
        views.add(id(st))
        n = int(next(iter(st.query(PREFIX + "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w schema:identifier ?id }")))["n"].value)
        rows = st.query(PREFIX + '''
            SELECT ?g (COUNT(DISTINCT ?id) AS ?ids) (COUNT(DISTINCT ?a) AS ?anns) (COUNT(DISTINCT ?r) AS ?rounds)
            WHERE { GRAPH ?g { ?w schema:identifier ?id . ?a oa:hasTarget ?w ; schema:version ?r } }
            GROUP BY ?g''')
        graphs = 0
        for r in rows:
            graphs += 1
            if (int(r["ids"].value), int(r["anns"].value), int(r["rounds"].value)) != (1, k, 1):
                errors.append(f"half-written graph {r['g'].value}: ids={r['ids'].value} anns={r['anns'].value} rounds={r['rounds'].value}")
        if graphs != n:
            errors.append(f"{n} documents but {graphs} complete document graphs")
        counts.append(n)

    import os
    (store_dir.parent / f"ready-{os.getpid()}").write_text("ok")
    deadline = time.monotonic() + 120
    while not (store_dir / "CURRENT").exists() or not (store_dir / "shekara-version").exists():
        time.sleep(0.01)
    while time.monotonic() < deadline:
        done = (store_dir / "writer-done").exists()
        try:
            check_once()
        except Exception as e:
            errors.append(f"{type(e).__name__}: {e}")
        iterations += 1
        if done:
            break
    print(json.dumps({"counts": counts, "errors": errors[:20], "error_count": len(errors),
                      "views": len(views), "iterations": iterations}))
    """
) % {"base": BASE}


def _python(code: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("docs,rewrites", [(150, 60)])
def test_reader_sees_only_committed_states_while_a_writer_ingests(tmp_path: Path, docs: int, rewrites: int) -> None:
    store_dir = tmp_path / "store"
    writer = _python(WRITER, store_dir, docs, rewrites, ANNOTATIONS, 2)
    readers = [_python(READER, store_dir, ANNOTATIONS) for _ in range(2)]
    w_out, w_err = writer.communicate(timeout=300)
    assert writer.returncode == 0, w_err
    for reader in readers:
        out, err = reader.communicate(timeout=300)
        assert reader.returncode == 0, err
        report = json.loads(out.strip().splitlines()[-1])
        assert report["error_count"] == 0, report["errors"]
        counts = report["counts"]
        assert counts == sorted(counts), "document count went down: an answer came from an older state"
        assert counts[-1] == docs, "the reader never caught up with the last committed write"
        assert report["views"] > 1, "the reader never reopened a fresher view"
        assert len(set(counts)) > 2, "the reader saw too few intermediate states for the test to mean anything"


OLD_VIEW = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from graph_api.store.embedded import open_read_only
    d = Path(sys.argv[1])
    while not (d / "shekara-version").exists():
        time.sleep(0.01)
    st = open_read_only(d)  # as the service opens its views
    try:
        first = len(st)
        while not (d / "writer-done").exists():
            time.sleep(0.05)
        print(first, sum(1 for _ in st), len(st))
    except RuntimeError as e:
        print("vanished", str(e).replace(chr(10), " "))
    """
)


def test_a_view_held_during_a_long_ingest_stays_a_readable_snapshot(tmp_path: Path) -> None:
    """A view opened before many writes reads its own state to the end — or, when the writer's
    compaction removed a table file the view had not opened yet (``Store.read_only`` does not pin
    them; seen about once in a few runs), says so with RocksDB's IO error: never a wrong count.
    The query workers answer that error from a fresh view (``store.embedded.vanished``)."""
    store_dir = tmp_path / "store"
    writer = _python(WRITER, store_dir, 600, 600, ANNOTATIONS)
    old = _python(OLD_VIEW, store_dir)
    _, w_err = writer.communicate(timeout=300)
    assert writer.returncode == 0, w_err
    out, err = old.communicate(timeout=300)
    assert old.returncode == 0, err
    if out.startswith("vanished"):
        from graph_api.store.embedded import vanished

        assert vanished(RuntimeError(out)), out
        return
    first, scanned, size = map(int, out.split())
    assert first == scanned == size > 0
