"""Load rate: ``shekara load`` against ``oxigraph load`` on the same N-Quads file, interleaved.

    python bench/load.py 100k --repeat 3
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import dataset, ROOT, WORK, machine, oxigraph_binary, shekara_cmd, table  # noqa: E402


def run(cmd: list[str]) -> float:
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{p.stderr[-2000:]}")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("size", nargs="?", default="100k")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    data = dataset(a.size)
    quads = sum(1 for _ in open(data, "rb"))
    times: dict[str, list[float]] = {"shekara load": [], "oxigraph load": []}
    for i in range(a.repeat):
        for name in times:  # interleaved, fresh directory each time
            target = WORK / f"load-{name.split()[0]}"
            shutil.rmtree(target, ignore_errors=True)
            cmd = (shekara_cmd("load", str(data), "--store", str(target)) if name == "shekara load"
                   else [oxigraph_binary(), "load", "--location", str(target), "--file", str(data)])
            times[name].append(run(cmd))
    best = {k: min(v) for k, v in times.items()}
    rows = [[k, f"{quads:,}", f"{best[k]:.2f}", f"{quads / best[k]:,.0f}", f"{best['oxigraph load'] / best[k]:.2f}"]
            for k in times]
    print(f"load of {data.name} ({quads:,} quads), best of {a.repeat}, {time.strftime('%Y-%m-%d')}, {machine()}")
    print(table(["loader", "quads", "seconds", "quads/s", "rate vs oxigraph"], rows))


if __name__ == "__main__":
    main()
