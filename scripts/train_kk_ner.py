"""Train the small Kazakh NER model shipped in ``ingest/models/kk_ner`` from KazNERD.

Why a model of our own: spaCy has no Kazakh language and no Kazakh NER model exists on PyPI,
while KazNERD (ISSAI, Nazarbayev University; CC BY 4.0) is an openly licensed, hand-annotated
Kazakh corpus.  Only its validation and test splits are available to us, so by default both are
pooled and split 90/10 with a fixed seed (training on one split and testing on the other is
available with ``--split by-file``).

Reproducibility: one seed fixes the shuffle, the split and the weight initialisation; the
IOB2 sentences are tokenised with *our* ``ingest.kazakh.Kazakh`` tokenizer (the one used at run
time), so the model learns on the tokens it will see.  A sentence is first detokenised (no
space before closing punctuation or after an opening quote) so that our tokenizer meets text
that looks like real prose; entity spans are then carried over by character offsets.

Run from the repository root::

    python scripts/train_kk_ner.py                       # ../shared/data/kaznerd, 12 minutes at most
    python scripts/train_kk_ner.py /path/to/kaznerd --minutes 5 --output /tmp/kk_ner

It writes DocBin files to ``--work`` (not shipped), the model to ``--output`` and prints the
per-label precision/recall/F1 on the held-out part as a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import fix_random_seed, minibatch  # noqa: E402

from ingest.kazakh import Kazakh  # noqa: E402

#: KazNERD classes the model learns.  The component only emits PERSON; the others are learnt
#: so that the model can tell a person from a place, an organisation named after a person,
#: a job title or a date next to a name, which makes PERSON itself more precise.
LABELS = ("PERSON", "GPE", "LOCATION", "ORGANISATION", "FACILITY", "EVENT", "DATE", "POSITION", "NORP")
SEED = 20220620
_NO_SPACE_BEFORE = set(".,:;!?)»”]%")
_NO_SPACE_AFTER = set("(«“[")


def read_iob2(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) pairs; a blank line separates sentences."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            if current:
                sentences.append(current)
                current = []
            continue
        current.append((parts[0], parts[1]))
    if current:
        sentences.append(current)
    return sentences


def detokenise(sentence: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Text of a sentence and its entity spans (start, end, label) as character offsets."""
    text = ""
    spans: list[tuple[int, int, str]] = []
    open_span: list | None = None
    prev = ""
    for token, tag in sentence:
        if text and token not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
            text += " "
        start = len(text)
        text += token
        prev = token
        kind, _, label = tag.partition("-")
        if kind == "B" or (kind == "I" and (open_span is None or open_span[2] != label)):
            if open_span:
                spans.append(tuple(open_span))
            open_span = [start, len(text), label]
        elif kind == "I":
            open_span[1] = len(text)
        else:
            if open_span:
                spans.append(tuple(open_span))
            open_span = None
    if open_span:
        spans.append(tuple(open_span))
    return text, [s for s in spans if s[2] in LABELS]


def to_doc(nlp, sentence: list[tuple[str, str]]) -> Doc:
    """A reference Doc tokenised by our tokenizer, entities aligned by character offsets.

    A span whose borders fall inside one of our tokens is widened to whole tokens ("expand"):
    KazNERD and our tokenizer disagree only on a few hyphenated forms, and a name plus its
    case ending is still the name's token.
    """
    text, spans = detokenise(sentence)
    doc = nlp.make_doc(text)
    ents = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and not any(span.start < e.end and e.start < span.end for e in ents):
            ents.append(span)
    doc.set_ents(ents, default="outside")
    return doc


def build_corpus(data: Path, work: Path, split: str) -> tuple[Path, Path]:
    """Convert the IOB2 files to train/dev DocBins in ``work`` and return their paths."""
    nlp = Kazakh()
    valid = read_iob2(data / "IOB2_valid.txt")
    test = read_iob2(data / "IOB2_test.txt")
    if split == "by-file":
        train_s, dev_s = valid, test
    else:
        pooled = valid + test
        random.Random(SEED).shuffle(pooled)
        cut = int(len(pooled) * 0.9)
        train_s, dev_s = pooled[:cut], pooled[cut:]
    work.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, sentences in (("train", train_s), ("dev", dev_s)):
        db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
        for s in sentences:
            db.add(to_doc(nlp, s))
        path = work / f"{name}.spacy"
        db.to_disk(path)
        paths.append(path)
        print(f"{name}: {len(sentences)} sentences → {path}", flush=True)
    return paths[0], paths[1]


def new_pipeline(embed_rows: int):
    """Blank Kazakh + a transition-based NER over a hashed-embedding CNN (no vectors)."""
    nlp = Kazakh()
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": 96,
            "depth": 4,
            "embed_size": embed_rows,
            "window_size": 1,
            "maxout_pieces": 3,
            "subword_features": True,
        },
    }})
    return nlp


def evaluate(nlp, examples: list[Example]) -> dict:
    scores = nlp.evaluate(examples)
    return {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"],
            "per_type": scores["ents_per_type"]}


def train(train_path: Path, dev_path: Path, output: Path, minutes: float, max_epochs: int, embed_rows: int) -> dict:
    fix_random_seed(SEED)
    nlp = new_pipeline(embed_rows)
    train_docs = list(DocBin().from_disk(train_path).get_docs(nlp.vocab))
    dev_docs = list(DocBin().from_disk(dev_path).get_docs(nlp.vocab))
    train_ex = [Example(nlp.make_doc(d.text), d) for d in train_docs]
    dev_ex = [Example(nlp.make_doc(d.text), d) for d in dev_docs]
    optimizer = nlp.initialize(lambda: train_ex[:2000])
    rng = random.Random(SEED)
    deadline = time.monotonic() + minutes * 60
    best_f, best_epoch, history = -1.0, 0, []
    for epoch in range(1, max_epochs + 1):
        rng.shuffle(train_ex)
        losses: dict = {}
        t0 = time.monotonic()
        for batch in minibatch(train_ex, size=64):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        with nlp.use_params(optimizer.averages):
            s = evaluate(nlp, dev_ex)
            print(f"epoch {epoch}: loss {losses.get('ner', 0):.0f}  P {s['p']:.3f} R {s['r']:.3f} "
                  f"F {s['f']:.3f}  PERSON F {s['per_type'].get('PERSON', {}).get('f', 0):.3f}  "
                  f"({time.monotonic() - t0:.0f} s)", flush=True)
            history.append({"epoch": epoch, "f": s["f"]})
            if s["f"] > best_f:
                best_f, best_epoch = s["f"], epoch
                nlp.to_disk(output)
        if time.monotonic() + (time.monotonic() - t0) > deadline:
            break
    best = spacy.load(output)
    final = evaluate(best, [Example(best.make_doc(d.text), d) for d in dev_docs])
    final.update({"best_epoch": best_epoch, "history": history, "train_sentences": len(train_docs),
                  "dev_sentences": len(dev_docs)})
    return final


def write_meta(output: Path, scores: dict) -> None:
    """Name the model, credit KazNERD (CC BY 4.0 requires it) and record its held-out scores."""
    path = output / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.update({
        "name": "kk_ner",
        "version": "0.1.0",
        "description": "Shekara's small Kazakh NER (hashed-embedding CNN, no vectors), trained on KazNERD; "
                       "the shekara_kk_ner component uses its PERSON entities only.",
        "license": "CC BY 4.0",
        "sources": [{"name": "KazNERD", "url": "https://github.com/IS2AI/KazNERD", "license": "CC BY 4.0",
                     "author": "Yeshpanov, Khassanov, Varol (ISSAI, Nazarbayev University), LREC 2022"}],
        "performance": {"ents_p": scores["p"], "ents_r": scores["r"], "ents_f": scores["f"],
                        "ents_per_type": scores["per_type"]},
    })
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")


def markdown(scores: dict) -> str:
    rows = ["| label | P | R | F1 |", "|---|---|---|---|"]
    for label in LABELS:
        s = scores["per_type"].get(label)
        if s:
            rows.append(f"| {label} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} |")
    rows.append(f"| **all** | {scores['p']:.3f} | {scores['r']:.3f} | {scores['f']:.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=REPO.parent / "shared" / "data" / "kaznerd",
                    help="folder with IOB2_valid.txt and IOB2_test.txt")
    ap.add_argument("--output", type=Path, default=REPO / "ingest" / "models" / "kk_ner")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kk_ner_work"), help="DocBin files go here")
    ap.add_argument("--split", choices=("pooled", "by-file"), default="pooled",
                    help="pooled: 90/10 of both splits (default); by-file: train on valid, test on test")
    ap.add_argument("--minutes", type=float, default=12.0, help="stop starting epochs after this budget")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--embed-rows", type=int, default=3000)
    args = ap.parse_args(argv)
    train_path, dev_path = build_corpus(args.data, args.work, args.split)
    # spaCy's to_disk only writes its own files, so the model folder's README survives retraining
    scores = train(train_path, dev_path, args.output, args.minutes, args.epochs, args.embed_rows)
    write_meta(args.output, scores)
    (args.work / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    print(markdown(scores))
    print(f"best epoch {scores['best_epoch']}; train {scores['train_sentences']} / dev {scores['dev_sentences']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
