"""What every benchmark shares: paths, starting servers, timing and printing tables."""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(os.environ.get("SHEKARA_BENCH_DIR", ROOT / "bench" / "work"))
BASE = "http://127.0.0.1:8000/"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from oxigraph_server import free_port, oxigraph_binary, start_server  # noqa: E402,F401


def dataset_path(triples: int) -> Path:
    return WORK / f"synthetic-{label(triples)}.nq"


def label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n // 1000}k"


def parse_size(text: str) -> int:
    t = text.lower()
    return int(float(t[:-1]) * 1_000_000) if t.endswith("m") else int(float(t[:-1]) * 1000) if t.endswith("k") else int(t)


def dataset(size: str) -> Path:
    """The synthetic N-Quads file of ``size`` ("100k", "1M", "5M"), generated on first use;
    exits with a message when the `oxigraph` command the comparison needs is missing."""
    if oxigraph_binary() is None:
        raise SystemExit("the `oxigraph` command is missing: pip install oxigraph")
    from generate import generate

    n = parse_size(size)
    data = dataset_path(n)
    if not data.exists():
        generate(n)
    return data


LAYOUTS = ("optimized", "as-loaded")


def add_layout_option(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--layout", choices=LAYOUTS, default="optimized",
                    help="optimized (default): both stores fully compacted after loading "
                         "(`shekara load --optimize`, `oxigraph load` + `oxigraph optimize`), so both "
                         "targets read the same file layout; as-loaded: as each loader leaves it")


def loaded_stores(size: str, layout: str = "optimized") -> tuple[Path, Path]:
    """The Shekara and Oxigraph stores holding the ``size`` dataset, loaded once and reused.

    Queries run 20-30 % faster on a compacted store, and each loader leaves its own layout (ours
    adds the small files of its version marker), so the default compares both compacted: a
    ratio then measures the service, not how the files happened to be left."""
    data = dataset(size)
    suffix = "-optimized" if layout == "optimized" else ""
    shk_store, oxi_store = WORK / f"q-shekara-{size}{suffix}", WORK / f"q-oxigraph-{size}{suffix}"
    flag = ["--optimize"] if layout == "optimized" else []
    steps = {shk_store: [shekara_cmd("load", *flag, str(data), "--store", str(shk_store))],
             oxi_store: [[oxigraph_binary(), "load", "--location", str(oxi_store), "--file", str(data)]]}
    if layout == "optimized":
        steps[oxi_store].append([oxigraph_binary(), "optimize", "--location", str(oxi_store)])
    for d, cmds in steps.items():
        done = d.with_name(d.name + ".done")  # all steps ran: a half-built store is built again
        if done.exists() or (layout == "as-loaded" and (d / "CURRENT").exists()):
            continue
        shutil.rmtree(d, ignore_errors=True)
        for cmd in cmds:
            subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        done.touch()
    return shk_store, oxi_store


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def shekara_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "graph_api.cli", *args]


def start_shekara(store: Path, port: int | None = None, timeout: float = 60.0) -> tuple[subprocess.Popen, str]:
    """``shekara serve`` on a free port; returns the process and its base URL once /sparql answers."""
    port = port or free_port()
    env = {**os.environ, "SHEKARA_BASE_IRI": BASE}
    proc = subprocess.Popen(shekara_cmd("serve", "--store", str(store), "--port", str(port)), cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=open(WORK / f"shekara-{port}.log", "wb"))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"shekara serve exited ({proc.returncode}); see {WORK}/shekara-{port}.log")
        try:
            if httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("shekara serve did not answer")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def median_ms(xs: Sequence[float]) -> float:
    return statistics.median(xs) * 1000 if xs else float("nan")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table, so that output pastes straight into RESULTS.md."""
    cells = [[str(h) for h in headers]] + [[f"{c:.2f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    fmt = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([fmt(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(fmt, cells[1:])])
