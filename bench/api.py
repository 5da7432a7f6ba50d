"""API hot paths against the engine: entity page (HTML, JSON), search, cross-border for one entity,
each next to the Oxigraph server's DESCRIBE / point lookup of the same IRI, in one run.

    python bench/api.py 1M --rounds 50

Endpoints that answer 404 (not built yet) are skipped and named in the output.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BASE, ROOT, WORK, dataset_path, machine, oxigraph_binary, parse_size, shekara_cmd, start_server, start_shekara, stop, table  # noqa: E402,E501
from generate import generate  # noqa: E402

ENTITY = "id/library/library-3"


def median_ms(client: httpx.Client, method: str, url: str, rounds: int, **kw: object) -> float | None:
    r = client.request(method, url, **kw)  # warm-up
    if r.status_code == 404:
        return None
    r.raise_for_status()
    xs = []
    for _ in range(rounds):
        t = time.perf_counter()
        client.request(method, url, **kw).raise_for_status()
        xs.append(time.perf_counter() - t)
    return statistics.median(xs) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("size", nargs="?", default="1M")
    ap.add_argument("--rounds", type=int, default=30)
    a = ap.parse_args()
    if oxigraph_binary() is None:
        raise SystemExit("the `oxigraph` command is missing: pip install oxigraph")
    n = parse_size(a.size)
    data = dataset_path(n)
    if not data.exists():
        generate(n)
    shk_store, oxi_store = WORK / f"q-shekara-{a.size}", WORK / f"q-oxigraph-{a.size}"
    for d, cmd in ((shk_store, shekara_cmd("load", str(data), "--store", str(shk_store))),
                   (oxi_store, [oxigraph_binary(), "load", "--location", str(oxi_store), "--file", str(data)])):
        if not d.exists():
            subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    proc, url = start_shekara(shk_store)
    oxi = start_server(oxi_store, read_only=True, union_default_graph=True)
    iri = BASE + ENTITY
    try:
        with httpx.Client(timeout=120) as c:
            ref_describe = median_ms(c, "POST", oxi.query_url, a.rounds, content=f"DESCRIBE <{iri}>".encode(),
                                     headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
            ref_lookup = median_ms(c, "POST", oxi.query_url, a.rounds, content=f"SELECT * WHERE {{ <{iri}> ?p ?o }}".encode(),
                                   headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
            cases = [
                ("entity page HTML", "GET", f"{url}/page/{ENTITY[3:]}", {"headers": {"Accept": "text/html"}},
                 ref_describe, "DESCRIBE"),
                ("entity JSON (API)", "GET", f"{url}/api/entities/{ENTITY[3:]}", {}, ref_describe, "DESCRIBE"),
                ("entity JSON-LD (/data)", "GET", f"{url}/data/{ENTITY[3:]}.jsonld", {}, ref_describe, "DESCRIBE"),
                ("search", "GET", f"{url}/api/search", {"params": {"q": "кара"}}, ref_lookup, "point lookup"),
                ("cross-border", "GET", f"{url}/api/crossborder/{ENTITY[3:]}", {}, ref_describe, "DESCRIBE"),
            ]
            rows, skipped = [], []
            for name, method, u, kw, ref, ref_name in cases:
                ms = median_ms(c, method, u, a.rounds, **kw)
                if ms is None:
                    skipped.append(f"{name} ({u} answers 404: not built yet)")
                    continue
                rows.append([name, ms, ref_name, ref, ms / ref])
    finally:
        stop(proc)
        oxi.stop()
    print(f"API on {data.name}, median of {a.rounds}, {time.strftime('%Y-%m-%d')}, {machine()}")
    print(table(["endpoint", "shekara ms", "oxigraph reference", "reference ms", "ratio"], rows))
    for s in skipped:
        print("skipped:", s)


if __name__ == "__main__":
    main()
