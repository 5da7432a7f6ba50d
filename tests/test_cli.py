"""The ``shekara`` command line, run as users run it (a real process, a real store)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
