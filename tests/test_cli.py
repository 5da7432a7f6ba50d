"""The ``shekara`` command line, run as users run it (a real process, a real store)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

ROOT = Path(__file__).resolve().parents[1]


def shekara(*args: str, store: Path, check: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "SHEKARA_STORE": str(store)}
    p = subprocess.run([sys.executable, "-m", "graph_api.cli", *args], capture_output=True, text=True, env=env,
                       cwd=ROOT, timeout=600)
    if check:
        assert p.returncode == 0, p.stderr
    return p


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("store")
    p = shekara("ingest", store=store)
    assert p.returncode == 0, p.stderr
    return store


def test_ingest_reports_each_document(ingested: Path):
    names = sorted(f.name for f in (ROOT / "data" / "corpus").iterdir() if not f.name.lower().startswith("readme"))
    p = shekara("ingest", store=ingested, check=True)
    for n in names:
        assert f"unchanged {n}" in p.stdout


def test_query_count_prints_sparql_json(ingested: Path):
    p = shekara("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json", store=ingested, check=True)
    data = json.loads(p.stdout)
    assert int(data["results"]["bindings"][0]["n"]["value"]) > 1000


@pytest.mark.parametrize("fmt,marker", [("csv", "n\n"), ("tsv", "?n\n"), ("xml", "<sparql")])
def test_query_formats(ingested: Path, fmt: str, marker: str):
    p = shekara("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", fmt, store=ingested, check=True)
    assert marker in p.stdout


def test_query_from_file_and_construct(ingested: Path, tmp_path: Path):
    q = tmp_path / "q.rq"
    q.write_text("CONSTRUCT { ?d <http://schema.org/identifier> ?id } WHERE { ?d <http://schema.org/identifier> ?id }")
    p = shekara("query", f"@{q}", "--format", "nt", store=ingested, check=True)
    g = rdflib.Graph().parse(data=p.stdout, format="nt")
    assert len(g) >= 10


def test_bad_query_is_one_line_error(ingested: Path):
    p = shekara("query", "SELECT WHERE {", store=ingested)
    assert p.returncode == 2
    assert p.stderr.startswith("shekara: error: bad query")
    assert "Traceback" not in p.stderr


def test_wrong_format_for_query_type(ingested: Path):
    p = shekara("query", "ASK { ?s ?p ?o }", "--format", "ttl", store=ingested)
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_export_is_nquads_rdflib_parses(ingested: Path, tmp_path: Path):
    out = tmp_path / "dump.nq"
    shekara("export", "-o", str(out), store=ingested, check=True)
    ds = rdflib.Dataset()
    ds.parse(out, format="nquads")
    assert len(list(ds.graphs())) > 10


def test_export_trig(ingested: Path):
    p = shekara("export", "--format", "trig", store=ingested, check=True)
    assert "GRAPH" in p.stdout or "{" in p.stdout


def test_validate_passes_on_bundled_data(ingested: Path):
    p = shekara("validate", store=ingested)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "conforms" in p.stdout


def test_validate_fails_on_broken_data(tmp_path: Path):
    p = shekara("validate", "--data", str(ROOT / "tests" / "data" / "broken.ttl"), store=tmp_path / "s")
    assert p.returncode == 1
    assert "violation" in p.stdout.lower()


def test_missing_store_is_clear(tmp_path: Path):
    p = shekara("query", "ASK {}", store=tmp_path / "nothing")
    assert p.returncode == 2 and "no store" in p.stderr and "Traceback" not in p.stderr


def test_ingest_missing_path_fails_alone(ingested: Path, tmp_path: Path):
    good = tmp_path / "ok.en.txt"
    good.write_text("The Omsk regional library took part in the project.", encoding="utf-8")
    p = shekara("ingest", str(good), str(tmp_path / "absent.txt"), store=ingested)
    assert p.returncode == 1
    assert "stored    ok.en.txt" in p.stdout
    assert "failed    absent.txt" in p.stdout


AUTHORITY = """@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://127.0.0.1:8000/id/place/zhezkazgan> a <http://schema.org/Place> ;
    rdfs:label "Zhezkazgan"@en , "Жезқазған"@kk , "Жезказган"@ru .
<http://127.0.0.1:8000/id/person/test-person> a <http://schema.org/Person> ; rdfs:label "Abai Testuly"@en .
"""


def test_load_reports_counts_and_leaves_the_search_index_in_step(tmp_path: Path):
    """``shekara load`` as users run it: counts on stderr, data queryable, and the search index
    built for the store's new version before the command returns (from a read-only view, after
    the writer closed)."""
    import gzip

    from graph_api.search_index import SearchIndex

    store = tmp_path / "store"
    (tmp_path / "authority.ttl.gz").write_bytes(gzip.compress(AUTHORITY.encode("utf-8")))
    p = shekara("load", str(tmp_path / "authority.ttl.gz"), "--graph", "http://127.0.0.1:8000/graph/authority",
                store=store)
    assert p.returncode == 0, p.stderr
    assert "loaded 6 quads from authority.ttl.gz" in p.stderr and "6 quads loaded" in p.stderr
    q = shekara("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://127.0.0.1:8000/graph/authority> "
                "{ ?s ?p ?o } }", store=store, check=True)
    assert json.loads(q.stdout)["results"]["bindings"][0]["n"]["value"] == "6"
    version = (store / "shekara-version").read_text().strip()
    index = SearchIndex.open(store / "search.sqlite")
    assert index is not None and index.version == version
    assert [h.iri for h in index.search("жезказган")] == ["http://127.0.0.1:8000/id/place/zhezkazgan"]
    # a second load moves the version, and the index follows
    (tmp_path / "more.nt").write_text('<http://127.0.0.1:8000/id/place/karaganda> '
                                      '<http://www.w3.org/2000/01/rdf-schema#label> "Karaganda"@en .\n',
                                      encoding="utf-8")
    shekara("load", str(tmp_path / "more.nt"), store=store, check=True)
    index = SearchIndex.open(store / "search.sqlite")
    assert index is not None and index.version == (store / "shekara-version").read_text().strip() != version
    assert [h.iri for h in index.search("karaganda")] == ["http://127.0.0.1:8000/id/place/karaganda"]


def test_load_of_a_broken_file_fails_with_the_file_and_line(tmp_path: Path):
    bad = tmp_path / "broken.nt"
    bad.write_text('<http://x/a> <http://x/p> "unterminated .\n', encoding="utf-8")
    p = shekara("load", str(bad), store=tmp_path / "store")
    assert p.returncode == 1 and "broken.nt" in p.stderr and "Traceback" not in p.stderr


def test_load_whose_index_view_cannot_open_still_succeeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The data is committed before the index is built: a read-only view that fails to open
    (another writer came in between) is a warning, not a failed load (found in review)."""
    from typer.testing import CliRunner

    import graph_api.store as store_module
    from graph_api import cli
    from graph_api.store import StoreError

    real_open = store_module.open_store

    def flaky(settings, read_only=False):  # type: ignore[no-untyped-def]
        if read_only:
            raise StoreError("Corruption: a table file went away")
        return real_open(settings, read_only=read_only)

    monkeypatch.setattr(store_module, "open_store", flaky)
    monkeypatch.setenv("SHEKARA_STORE", str(tmp_path / "store"))
    (tmp_path / "a.ttl").write_text(AUTHORITY, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["load", str(tmp_path / "a.ttl")])
    assert result.exit_code == 0, result.output
    assert "6 quads loaded" in result.output and "warning: search index not updated" in result.output
    monkeypatch.setattr(store_module, "open_store", real_open)
    view = real_open(cli._settings(None), read_only=True)
    assert len(list(view.raw.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 6
    view.close()


def test_load_with_optimize_and_optimize_keep_the_data(tmp_path: Path):
    """``load --optimize`` compacts after loading, and ``optimize`` alone does it again: both
    say so, leave the data and its version as they were, and the search index stays in step."""
    from graph_api.search_index import SearchIndex

    store = tmp_path / "store"
    (tmp_path / "a.ttl").write_text(AUTHORITY, encoding="utf-8")
    p = shekara("load", "--optimize", str(tmp_path / "a.ttl"), store=store, check=True)
    assert "6 quads loaded" in p.stderr and "store optimised in" in p.stderr
    dump = shekara("export", store=store, check=True).stdout
    version = (store / "shekara-version").read_text()
    p = shekara("optimize", store=store, check=True)
    assert "store optimised in" in p.stderr
    assert shekara("export", store=store, check=True).stdout == dump
    assert (store / "shekara-version").read_text() == version
    index = SearchIndex.open(store / "search.sqlite")
    assert index is not None and index.version == version
    assert [h.iri for h in index.search("Zhezkazgan")] == ["http://127.0.0.1:8000/id/place/zhezkazgan"]


def test_optimize_without_a_store_is_one_line(tmp_path: Path):
    p = shekara("optimize", store=tmp_path / "nothing")
    assert p.returncode == 2 and "no store at" in p.stderr and "Traceback" not in p.stderr
    assert not (tmp_path / "nothing").exists()


def test_optimize_on_the_remote_backend_names_the_engines_own_tool(tmp_path: Path):
    env = {**os.environ, "SHEKARA_BACKEND": "sparql", "SHEKARA_SPARQL_QUERY_URL": "http://127.0.0.1:9/query"}
    p = subprocess.run([sys.executable, "-m", "graph_api.cli", "optimize"], capture_output=True, text=True,
                       env=env, cwd=ROOT, timeout=120)
    assert p.returncode != 0 and "oxigraph optimize" in p.stderr and "Traceback" not in p.stderr
    # refused before anything is loaded, not after the data went in
    (tmp_path / "a.ttl").write_text(AUTHORITY, encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "graph_api.cli", "load", "--optimize", str(tmp_path / "a.ttl")],
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert p.returncode == 2 and "--optimize is for the embedded store" in p.stderr and "quads loaded" not in p.stderr


def test_a_failed_compaction_after_a_load_keeps_the_load_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """``load --optimize`` whose compaction fails: the quads are committed by then, so the load is
    reported, the search index brought in step, and only the compaction is an error (found in review)."""
    from typer.testing import CliRunner

    from graph_api import cli
    from graph_api.search_index import SearchIndex
    from graph_api.store import StoreError
    from graph_api.store.embedded import EmbeddedStore

    def broken(self):  # type: ignore[no-untyped-def]
        raise StoreError("the disk is full")

    monkeypatch.setattr(EmbeddedStore, "optimize", broken)
    monkeypatch.setenv("SHEKARA_STORE", str(tmp_path / "store"))
    (tmp_path / "a.ttl").write_text(AUTHORITY, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["load", "--optimize", "--store", str(tmp_path / "store"), str(tmp_path / "a.ttl")])
    assert result.exit_code == 1, result.output
    assert "6 quads loaded" in result.output and "the data is loaded, but the store was not optimised" in result.output
    index = SearchIndex.open(tmp_path / "store" / "search.sqlite")
    assert index is not None and [h.iri for h in index.search("Zhezkazgan")] == [
        "http://127.0.0.1:8000/id/place/zhezkazgan"]


def test_export_into_a_missing_directory_is_one_line(ingested: Path, tmp_path: Path):
    p = shekara("export", "-o", str(tmp_path / "no" / "such" / "x.nq"), store=ingested)
    assert p.returncode == 2
    assert "no such directory" in p.stderr and "Traceback" not in p.stderr


def test_export_onto_a_directory_is_one_line(ingested: Path, tmp_path: Path):
    p = shekara("export", "-o", str(tmp_path), store=ingested)
    assert p.returncode == 1
    assert p.stderr.startswith("shekara: error: cannot write") and "Traceback" not in p.stderr


def test_validate_of_unreadable_rdf_is_a_usage_error_not_a_violation(tmp_path: Path):
    bad = tmp_path / "garbage.ttl"
    bad.write_text("this is @not turtle <<<\n", encoding="utf-8")
    p = shekara("validate", "--data", str(bad), store=tmp_path / "unused")
    assert p.returncode == 2  # violations exit 1: a script can tell the two apart
    assert "garbage.ttl" in p.stderr and "not readable as RDF" in p.stderr and "Traceback" not in p.stderr


def test_load_into_a_graph_that_is_no_iri_is_refused_before_loading(tmp_path: Path):
    data = tmp_path / "one.nt"
    data.write_text('<http://example.org/a> <http://example.org/b> "c" .\n', encoding="utf-8")
    p = shekara("load", str(data), "--graph", "not an iri", store=tmp_path / "store")
    assert p.returncode == 2
    assert "absolute IRI" in p.stderr and "Traceback" not in p.stderr
    assert not (tmp_path / "store").exists()  # refused before the store was opened


def test_query_from_a_graph_counts_that_graph_only(ingested: Path):
    p = shekara("query", "SELECT (COUNT(*) AS ?n) FROM <http://nowhere.example/> WHERE { ?s ?p ?o }",
                "--format", "csv", store=ingested, check=True)
    assert p.stdout.split() == ["n", "0"]
