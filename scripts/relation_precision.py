"""Relation precision of an export against hand annotations, beside the shared scorer's recall.

The shared scorer (``../shared/eval/score.py``) measures relation *recall* only: a relation the
pipeline invents costs nothing there. This script counts, per relation kind, how many of the
relations a document's graph states between two entities the scorer matched to annotated ones are
annotated too. Relations with an end the annotations lack are left out (their truth is unknown), so
the figure is precision among matched entities, a lower bound where annotators left true relations
out. It reuses the scorer's own reading of the dump and its matching, so both count the same
entities.

    python scripts/relation_precision.py --dump d.nq --gold ../shared/gold [-v]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
# the property each annotated kind is written with, and whether the annotation reads it reversed
KINDS = {"participantIn": ("http://www.wikidata.org/prop/direct/P710", True),
         "location": ("http://schema.org/location", False),
         "namedAfter": ("http://www.wikidata.org/prop/direct/P138", False),
         "memberOf": ("http://schema.org/memberOf", False),
         "partnerOf": ("http://www.wikidata.org/prop/direct/P2652", False),
         "author": ("http://schema.org/author", False)}


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotated(relations: list[dict], kind: str, s: str, o: str) -> bool:
    """Whether the annotations state ``s kind o`` (location stands for locatedIn and heldIn;
    partnership either way round)."""
    have = {(r["s"], r["p"], r["o"]) for r in relations}
    if kind == "location":
        return (s, "locatedIn", o) in have or (s, "heldIn", o) in have
    if kind == "partnerOf":
        return (s, kind, o) in have or (o, kind, s) in have
    return (s, kind, o) in have


def measure(score: ModuleType, dump_path: Path, gold_dir: Path) -> tuple[Counter, Counter, list[str]]:
    dump = score.Dump(dump_path)
    works = dump.works()
    props = {kind: dump.aligned(p) for kind, (p, _) in KINDS.items()}
    good, bad, wrong = Counter(), Counter(), []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        work = works.get(gold["doc"])
        if work is None:
            continue
        key_of = {iri: key for key, iri in score.match(dump.mentioned(work), gold["entities"], typed=True).items()}
        for kind, (_, reversed_) in KINDS.items():
            for p in sorted(props[kind]):
                rows = dump.store.query(f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ <{work}> <{score.SDO}mentions> ?s . "
                                        f"?s <{p}> ?o }} }}")
                for row in rows:
                    s, o = key_of.get(row["s"].value), key_of.get(row["o"].value)
                    if s is None or o is None:
                        continue
                    if reversed_:
                        s, o = o, s
                    if annotated(gold.get("relations", []), kind, s, o):
                        good[kind] += 1
                    else:
                        bad[kind] += 1
                        wrong.append(f"{gold['doc']}: {s} {kind} {o}")
    return good, bad, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dump", required=True, type=Path)
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--scorer", type=Path, default=SCORER, help="the shared scorer whose matching is used")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the relations not annotated")
    a = ap.parse_args(argv)
    good, bad, wrong = measure(load_scorer(a.scorer), a.dump, a.gold)
    for kind in KINDS:
        n = good[kind] + bad[kind]
        if n:
            print(f"{kind:14s} {good[kind]:5d} / {n:5d}  precision {good[kind] / n:.3f}")
    total = sum(good.values()) + sum(bad.values())
    share = f"{sum(good.values()) / total:.3f}" if total else "n/a"
    print(f"{'all':14s} {sum(good.values()):5d} / {total:5d}  precision {share}")
    if a.verbose:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
