"""``shekara serve`` as a user runs it: a real process, real HTTP, its access log.

The access log is written in batches by a thread of its own (graph_api/access_log.py), off the
request path; these tests check that every request still gets its line, in uvicorn's format,
while the server runs and when it stops right after a request (uvicorn ends the process by
raising SIGTERM again, so lines still kept then were once lost).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import build_store, free_port

ROOT = Path(__file__).resolve().parents[1]


def serve(store: Path, port: int, log: Path, **env: str) -> subprocess.Popen:
    environ = {**os.environ, "SHEKARA_BASE_IRI": f"http://127.0.0.1:{port}/", **env}
    out = open(log, "wb")
    return subprocess.Popen([sys.executable, "-m", "graph_api.cli", "serve", "--store", str(store), "--port", str(port)],
                            cwd=ROOT, env=environ, stdout=out, stderr=subprocess.STDOUT)


def wait_ready(proc: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, "shekara serve exited early"
        try:
            if httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    pytest.fail("shekara serve did not answer within 60 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("shekara serve did not stop on SIGTERM")


@pytest.mark.slow
def test_serve_answers_and_logs_every_request(tmp_path):
    port = free_port()
    store = build_store(tmp_path / "store", f"http://127.0.0.1:{port}/")
    log = tmp_path / "serve.log"
    proc = serve(store, port, log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(proc, url)
        with httpx.Client(base_url=url) as c:
            assert c.get("/api/entities", params={"limit": 1}).status_code == 200
            # written while the server runs (within its flush interval), not only at the end
            deadline = time.monotonic() + 10
            while '"GET /api/entities?limit=1 HTTP/1.1" 200' not in log.read_text(errors="replace"):
                assert time.monotonic() < deadline, log.read_text(errors="replace")
                time.sleep(0.05)
            # ... and the lines of the last requests when it stops right after them
            assert c.get("/api/search", params={"q": "pushkin"}).status_code == 200
            assert c.get("/api/search", params={"q": "pushkin"}).status_code == 200  # the fast path
            assert c.get("/sparql", params={"query": "SELEKT"}).status_code == 400
            assert c.get("/no/such/path").status_code == 404
    finally:
        stop(proc)
    text = log.read_text(encoding="utf-8", errors="replace")
    lines = [ln for ln in text.splitlines() if '"GET ' in ln]
    assert sum(bool(re.search(r'"GET /api/search\?q=pushkin HTTP/1\.1" 200', ln)) for ln in lines) == 2, text
    assert any(re.search(r'"GET /sparql\?query=SELEKT HTTP/1\.1" 400', ln) for ln in lines), text
    assert any(re.search(r'"GET /no/such/path HTTP/1\.1" 404', ln) for ln in lines), text
    assert "Finished server process" in text


@pytest.mark.slow
def test_serve_without_access_log(tmp_path):
    port = free_port()
    store = build_store(tmp_path / "store", f"http://127.0.0.1:{port}/")
    log = tmp_path / "serve.log"
    proc = serve(store, port, log, SHEKARA_ACCESS_LOG="false")
    try:
        wait_ready(proc, f"http://127.0.0.1:{port}")
        assert httpx.get(f"http://127.0.0.1:{port}/api/search", params={"q": "pushkin"}).status_code == 200
    finally:
        stop(proc)
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Uvicorn running" in text and '"GET /api/search' not in text
