"""Load rate: ``shekara load`` against ``oxigraph load`` on the same N-Quads file, interleaved.

    python bench/load.py 100k --repeat 3
    python bench/load.py 1M --repeat 2 --optimize   # and both loads followed by a full compaction
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


def run(cmds: list[list[str]]) -> float:
    t = time.perf_counter()
    for cmd in cmds:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{p.stderr[-2000:]}")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("size", nargs="?", default="100k")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--optimize", action="store_true",
                    help="also time `shekara load --optimize` against `oxigraph load` + `oxigraph optimize`")
    a = ap.parse_args()
    data = dataset(a.size)
    quads = sum(1 for _ in open(data, "rb"))
    ox = oxigraph_binary()

    def contenders(target: Path) -> dict[str, tuple[str, list[list[str]]]]:
        """name -> (the reference it is compared with, the commands it runs)."""
        c = {"shekara load": ("oxigraph load", [shekara_cmd("load", str(data), "--store", str(target))]),
             "oxigraph load": ("oxigraph load", [[ox, "load", "--location", str(target), "--file", str(data)]])}
        if a.optimize:
            c["shekara load --optimize"] = ("oxigraph load + optimize",
                                            [shekara_cmd("load", "--optimize", str(data), "--store", str(target))])
            c["oxigraph load + optimize"] = ("oxigraph load + optimize",
                                             [*c["oxigraph load"][1], [ox, "optimize", "--location", str(target)]])
        return c

    target = WORK / "load-store"
    plan = contenders(target)
    times: dict[str, list[float]] = {name: [] for name in plan}
    for i in range(a.repeat):
        for name, (_, cmds) in plan.items():  # interleaved, fresh directory each time
            shutil.rmtree(target, ignore_errors=True)
            times[name].append(run(cmds))
    shutil.rmtree(target, ignore_errors=True)
    best = {k: min(v) for k, v in times.items()}
    rows = [[k, f"{quads:,}", f"{best[k]:.2f}", f"{quads / best[k]:,.0f}", f"{best[ref] / best[k]:.2f}", ref]
            for k, (ref, _) in plan.items()]
    print(f"load of {data.name} ({quads:,} quads), best of {a.repeat}, {time.strftime('%Y-%m-%d')}, {machine()}")
    print(table(["loader", "quads", "seconds", "quads/s", "rate ratio", "against"], rows))


if __name__ == "__main__":
    main()
