"""Ingest rate: documents/s and tokens/s on the demo corpus replicated ×N through the full
extraction, next to the same texts through the bare spaCy tokenizer; peak RSS too.

    python bench/ingest.py --times 100      # the issue also asks for --times 1000
    python bench/ingest.py --long 50        # one long document against the same text in pieces

``--long N`` joins the demo texts of one language N times into one document and extracts it,
then the same N copies as separate documents: the ratio shows whether extraction stays linear
in a document's length (a rule that compares every title with every other would not).
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
    ap.add_argument("--long", type=int, default=0, metavar="N",
                    help="instead: one document of each language's demo texts joined N times, against N pieces")
    a = ap.parse_args()
    if a.long:
        return long_documents(a.long)
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


def long_documents(n: int) -> None:
    """Seconds for one document of ``n`` copies of a language's demo texts, and for the ``n``
    copies as separate documents (the reference, measured in the same run)."""
    from graph_api.ingest_runner import iter_documents
    from graph_api.settings import get_settings
    from ingest.extract import Extractor
    from ingest.reading import read_bytes

    settings = get_settings()
    extractor = Extractor.load(settings.authority, settings.base_iri, run_iri=settings.base_iri + "id/run/bench")
    by_lang: dict[str, list[str]] = {}
    for d in iter_documents([settings.corpus], settings):
        by_lang.setdefault(d.name.rsplit(".", 2)[-2], []).append(d.text)
    rows = []
    for lang, texts in sorted(by_lang.items()):
        piece = "\n\n".join(texts)
        one = [read_bytes(("\n\n".join([piece] * n)).encode(), f"long.{lang}.txt")]
        pieces = [read_bytes(piece.encode(), f"piece{i}.{lang}.txt") for i in range(n)]
        # warm up first: the first document of a language loads its models and fills lazy caches
        # (~1.5 s for Kazakh), which would otherwise count against whichever side runs first
        list(extractor.process([read_bytes(piece.encode(), f"warmup.{lang}.txt")]))
        times = []
        for docs in (one, pieces):
            t = time.perf_counter()
            for _doc, result in extractor.process(docs, batch_size=settings.ingest_batch_size):
                if isinstance(result, Exception):
                    raise SystemExit(f"{_doc.name}: {result}")
            times.append(time.perf_counter() - t)
        rows.append([lang, len(one[0].text), times[0], times[1], times[0] / times[1]])
    print(f"one long document against the same text in {n} pieces, {time.strftime('%Y-%m-%d')}, {machine()}")
    print(table(["language", "characters", "one document s", "pieces s", "ratio"], rows))


if __name__ == "__main__":
    main()
