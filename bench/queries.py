"""Query mix on ``/sparql`` of ``shekara serve`` against ``oxigraph serve-read-only --union-default-graph``
on the same data, at 1, 4 and 16 clients, interleaved in slices: medians, throughput and ratios in one run.

    python bench/queries.py 100k --rounds 20
"""
from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (add_layout_option, dataset, loaded_stores, BASE, machine, start_server, start_shekara, stop, table)

P = ("PREFIX schema: <http://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
     "PREFIX wdt: <http://www.wikidata.org/prop/direct/> PREFIX oa: <http://www.w3.org/ns/oa#> ")
LIB = f"<{BASE}id/library/library-3>"
QUERIES: dict[str, str] = {
    "lookup": P + f"SELECT ?p ?o WHERE {{ {LIB} ?p ?o }}",
    "describe": f"DESCRIBE {LIB}",
    "1-hop": P + f"SELECT ?x ?l WHERE {{ {LIB} ?p ?x . ?x rdfs:label ?l FILTER(lang(?l) = 'en') }}",
    "2-hop": P + f"SELECT DISTINCT ?w WHERE {{ ?w schema:mentions ?e . ?e schema:location ?c . {LIB} schema:location ?c }}",
    "cross-border": P + """SELECT ?a ?b WHERE { ?a wdt:P2652 ?b . ?a wdt:P17 ?ca . ?b wdt:P17 ?cb FILTER(?ca != ?cb) } LIMIT 500""",
    "label-search": P + """SELECT ?e ?l WHERE { ?e rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), "кара")) } LIMIT 50""",
    "count-type-country": P + """SELECT ?t ?c (COUNT(?e) AS ?n) WHERE { ?e a ?t ; wdt:P17 ?c } GROUP BY ?t ?c""",
    "timeline": P + """SELECT ?ev ?d ?l WHERE { ?ev a schema:Event ; schema:startDate ?d ; rdfs:label ?l
                       FILTER(lang(?l) = 'ru') } ORDER BY ?d LIMIT 100""",
    "construct": P + f"""CONSTRUCT {{ ?w schema:mentions {LIB} ; schema:inLanguage ?lang }}
                        WHERE {{ ?w schema:mentions {LIB} ; schema:inLanguage ?lang }}""",
}
ACCEPT = {"describe": "application/n-triples", "construct": "application/n-triples"}


def run_clients(sessions: list[httpx.Client], url: str, query: str, accept: str,
                per_client: int) -> tuple[list[float], float]:
    """``per_client`` requests from each session at once; the sessions (one connection each)
    are kept across slices, so no slice pays for new connections."""
    latencies: list[float] = []
    lock = threading.Lock()
    errors: list[str] = []

    def worker(c: httpx.Client) -> None:
        for _ in range(per_client):
            t = time.perf_counter()
            r = c.post(url, content=query.encode(), headers={"Content-Type": "application/sparql-query",
                                                              "Accept": accept})
            dt = time.perf_counter() - t
            if r.status_code != 200:
                errors.append(f"{r.status_code}: {r.text[:200]}")
            with lock:
                latencies.append(dt)

    threads = [threading.Thread(target=worker, args=(c,)) for c in sessions]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    if errors:
        raise SystemExit(f"{url}: {errors[0]}")
    return latencies, len(latencies) / wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("size", nargs="?", default="100k")
    ap.add_argument("--rounds", type=int, default=10, help="requests per client per query and target")
    ap.add_argument("--clients", default="1,4,16")
    ap.add_argument("--slices", type=int, default=8,
                    help="interleaved slices per query and client level (more = less drift between targets)")
    ap.add_argument("--queries", default=",".join(QUERIES),
                    help="comma-separated names from the mix, to time some of them only (default: all)")
    ap.add_argument("--encoding", choices=("gzip", "identity"), default="gzip",
                    help="Accept-Encoding of the clients: gzip (default, what httpx and browsers send; "
                         "shekara compresses answers over 1 kB, the Oxigraph server never does) or "
                         "identity (neither compresses, so both do the same work)")
    add_layout_option(ap)
    a = ap.parse_args()
    names = [n.strip() for n in a.queries.split(",") if n.strip()]
    unknown = [n for n in names if n not in QUERIES]
    if unknown:
        ap.error(f"unknown queries {', '.join(unknown)}; the mix has {', '.join(QUERIES)}")
    shk_store, oxi_store = loaded_stores(a.size, a.layout)
    shk_proc, shk_url = start_shekara(shk_store)
    oxi = start_server(oxi_store, read_only=True, union_default_graph=True)
    targets = {"shekara": shk_url + "/sparql", "oxigraph": oxi.query_url}
    encoding = {"gzip": "gzip, deflate", "identity": "identity"}[a.encoding]
    levels = [int(x) for x in a.clients.split(",")]
    rows = []
    try:
        for name in names:
            q = QUERIES[name]
            accept = ACCEPT.get(name, "application/sparql-results+json")
            for url in targets.values():  # warm-up, and check both agree on the row count
                httpx.post(url, content=q.encode(), headers={"Content-Type": "application/sparql-query", "Accept": accept},
                           timeout=120).raise_for_status()
            for clients in levels:
                res: dict[str, tuple[list[float], float]] = {k: ([], 0.0) for k in targets}
                slices = max(1, min(a.slices, a.rounds))
                sessions = {k: [httpx.Client(timeout=120, headers={"Accept-Encoding": encoding})
                                for _ in range(clients)] for k in targets}
                try:
                    for i in range(slices):  # interleaved slices, alternating which target goes first
                        for k, url in (targets.items() if i % 2 == 0 else reversed(targets.items())):
                            lat, thr = run_clients(sessions[k], url, q, accept, max(1, a.rounds // slices))
                            res[k] = (res[k][0] + lat, res[k][1] + thr / slices)
                finally:
                    for c in (c for cs in sessions.values() for c in cs):
                        c.close()
                ms = {k: statistics.median(v[0]) * 1000 for k, v in res.items()}
                rows.append([name, clients, ms["shekara"], ms["oxigraph"], ms["shekara"] / ms["oxigraph"],
                             res["shekara"][1], res["oxigraph"][1], res["shekara"][1] / res["oxigraph"][1]])
    finally:
        stop(shk_proc)
        oxi.stop()
    print(f"/sparql query mix on {dataset(a.size).name}, {a.rounds} requests per client, {a.layout} stores, "
          f"Accept-Encoding {a.encoding}, {time.strftime('%Y-%m-%d')}, {machine()}")
    print(table(["query", "clients", "shekara ms", "oxigraph ms", "latency ratio", "shekara req/s",
                 "oxigraph req/s", "throughput ratio"], rows))


if __name__ == "__main__":
    main()
