"""Big answers through ``/sparql`` against the Oxigraph server: time to the first byte, time to the
last, and the peak memory of the service and its query worker, in one run.

    python bench/answers.py 1M --rows 200000 --rounds 3

The same N-Triples CONSTRUCT and a JSON SELECT of that many rows go to ``shekara serve`` started
twice, once sending answers whole (``SHEKARA_QUERY_STREAM_BYTES=0``) and once with the
configured streaming threshold (both with the row cap raised to ``--rows``, so the SELECT is
allowed), and to ``oxigraph serve-read-only --union-default-graph`` on the same data. Each figure is the best of ``--rounds`` requests (a cold first answer would
measure the disk); the ratio is against the Oxigraph server's figure from the same run.
Peak RSS is each process's high-water mark (``VmHWM``) after the requests.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import add_layout_option, dataset, loaded_stores, machine, start_server, start_shekara, stop, table  # noqa: E402


def queries(rows: int) -> dict[str, tuple[str, str]]:
    return {
        "construct (nt)": (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }} LIMIT {rows}", "application/n-triples"),
        "select (json)": (f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {rows}", "application/sparql-results+json"),
    }


def fetch(url: str, query: str, accept: str) -> tuple[float, float, int]:
    """(ms to the first body byte, ms to the last, bytes) of one request."""
    t0 = time.perf_counter()
    first, size = None, 0
    with httpx.stream("POST", url, content=query.encode(), timeout=600,
                      headers={"Content-Type": "application/sparql-query", "Accept": accept,
                               "Accept-Encoding": "identity"}) as r:
        r.raise_for_status()
        for chunk in r.iter_raw():
            if first is None:
                first = time.perf_counter() - t0
            size += len(chunk)
    return (first or 0.0) * 1000, (time.perf_counter() - t0) * 1000, size


def best(url: str, query: str, accept: str, rounds: int) -> tuple[float, float, int]:
    return min((fetch(url, query, accept) for _ in range(rounds)), key=lambda x: x[1])


def peak_mb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) // 1024
    return 0


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (the query workers are started from a thread, so the
    main thread's ``children`` list misses them)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("size", nargs="?", default="1M")
    ap.add_argument("--rows", type=int, default=200_000, help="LIMIT of both queries (their answers must stay within SHEKARA_QUERY_MAX_BYTES)")
    ap.add_argument("--rounds", type=int, default=3, help="requests per query and target; the best counts")
    add_layout_option(ap)
    a = ap.parse_args()
    shk_store, oxi_store = loaded_stores(a.size, a.layout)
    oxi = start_server(oxi_store, read_only=True, union_default_graph=True)
    threshold = os.environ.get("SHEKARA_QUERY_STREAM_BYTES", "262144")
    rows, memory = [], []
    try:
        reference = {name: best(oxi.query_url, q, accept, a.rounds) for name, (q, accept) in queries(a.rows).items()}
        for label, stream in (("whole", "0"), (f"streamed ({threshold} B)", threshold)):
            env = {"SHEKARA_QUERY_STREAM_BYTES": stream, "SHEKARA_QUERY_ROW_LIMIT": str(a.rows)}
            before = {k: os.environ.get(k) for k in env}
            os.environ.update(env)
            try:
                proc, url = start_shekara(shk_store)
            finally:
                for k, v in before.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v
            try:
                for name, (q, accept) in queries(a.rows).items():
                    first, last, size = best(url + "/sparql", q, accept, a.rounds)
                    ofirst, olast, osize = reference[name]
                    if abs(size - osize) > osize // 100:  # (blank node labels differ between the stores)
                        raise SystemExit(f"{name}: shekara sent {size} bytes, the Oxigraph server {osize}")
                    rows.append([name, f"shekara, {label}", first, last, size / 1e6, last / olast])
                memory.append([f"shekara, {label}", peak_mb(proc.pid), max((peak_mb(c) for c in children(proc.pid)), default=0)])
            finally:
                stop(proc)
        for name, (ofirst, olast, osize) in reference.items():
            rows.append([name, "oxigraph", ofirst, olast, osize / 1e6, 1.0])
        memory.append(["oxigraph", peak_mb(oxi.process.pid), 0])
    finally:
        oxi.stop()
    rows.sort(key=lambda r: (r[0], r[1] != "oxigraph"))
    print(f"Big answers on {dataset(a.size).name}, LIMIT {a.rows}, best of {a.rounds}, {a.layout} stores, "
          f"{time.strftime('%Y-%m-%d')}, {machine()}")
    print(table(["query", "target", "first byte ms", "last byte ms", "MB", "last byte ratio"], rows))
    print()
    print(table(["target", "peak RSS MB (service)", "peak RSS MB (largest worker)"], memory))


if __name__ == "__main__":
    main()
