"""Start and stop a real Oxigraph server on loopback, for the remote-backend tests and benchmarks.

The remote store must be tested against a real SPARQL 1.1 server, not a mock: the server's
reading of the Protocol (dataset parameters, Graph Store answers, error bodies) is exactly what
can go wrong. The ``oxigraph`` binary comes from the ``oxigraph`` PyPI package.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx


def oxigraph_binary() -> str | None:
    """Path of the ``oxigraph`` command, or None when the PyPI package is not installed."""
    # the virtual environment's own bin first: the test command runs .venv/bin/python without
    # activating the environment, so its scripts are not on PATH
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class OxigraphServer:
    """One running ``oxigraph serve`` process and its endpoints."""

    process: subprocess.Popen
    port: int
    location: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        return self.base + "/update"

    @property
    def gsp_url(self) -> str:
        return self.base + "/store"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_server(location: Path, *, read_only: bool = False, union_default_graph: bool = False,
                 port: int | None = None, timeout: float = 20.0) -> OxigraphServer:
    """Start ``oxigraph serve`` (or ``serve-read-only``) on a free loopback port and wait until it answers."""
    binary = oxigraph_binary()
    if binary is None:
        raise RuntimeError("the `oxigraph` command is not installed (pip install oxigraph)")
    port = port or free_port()
    location.mkdir(parents=True, exist_ok=True)
    cmd = [binary, "serve-read-only" if read_only else "serve", "--location", str(location),
           "--bind", f"127.0.0.1:{port}"]
    if union_default_graph:
        cmd.append("--union-default-graph")
    log = open(location.parent / f"oxigraph-{port}.log", "wb")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    server = OxigraphServer(proc, port, location)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"oxigraph exited with code {proc.returncode}: {' '.join(cmd)}")
        try:
            r = httpx.get(server.query_url, params={"query": "ASK {}"}, timeout=1.0)
            if r.status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    server.stop()
    raise RuntimeError(f"oxigraph did not answer on port {port} within {timeout}s")
