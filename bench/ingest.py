"""Ingest rate: documents/s and tokens/s on the demo corpus replicated ×N through the full
extraction, next to the same texts through the bare spaCy tokenizer; peak RSS too.

    python bench/ingest.py --times 100      # the issue also asks for --times 1000
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, table  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--times", type=int, default=100)
    a = ap.parse_args()
    import dataclasses

    import spacy

    from graph_api.ingest_runner import iter_documents
    from ingest.extract import Extractor
    from graph_api.settings import get_settings

    settings = get_settings()
    base_docs = list(iter_documents([settings.corpus], settings))
    if not base_docs:
        raise SystemExit(f"no documents in {settings.corpus}")
    docs = [dataclasses.replace(d, name=f"r{i}-{d.name}") if dataclasses.is_dataclass(d) else d
            for i in range(a.times) for d in base_docs]
    extractor = Extractor.load(settings.authority, settings.base_iri, run_iri=settings.base_iri + "id/run/bench")
    t = time.perf_counter()
    tokens = 0
    for _doc, result in extractor.process(docs, batch_size=settings.ingest_batch_size):
        if not isinstance(result, Exception):
            tokens += result.token_count
    full = time.perf_counter() - t
    rss_full = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    nlp = spacy.blank("xx")
    t = time.perf_counter()
    bare_tokens = sum(len(d) for d in nlp.pipe((doc.text for doc in docs), batch_size=64))
    bare = time.perf_counter() - t
    print(f"ingest of {len(base_docs)} documents ×{a.times}, {time.strftime('%Y-%m-%d')}, {machine()}")
    print(table(["pipeline", "documents", "seconds", "docs/s", "tokens/s", "peak RSS MB"], [
        ["full extraction", len(docs), full, len(docs) / full, tokens / full, rss_full],
        ["bare spaCy tokenizer", len(docs), bare, len(docs) / bare, bare_tokens / bare, "-"],
    ]))
    print(f"extraction costs {full / bare:.1f}× the bare tokenizer")


if __name__ == "__main__":
    main()
