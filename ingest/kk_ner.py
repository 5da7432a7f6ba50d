"""Kazakh persons from a statistical NER model trained on KazNERD (optional component).

Why: the rules find persons written with initials ("А. Қ. Құнанбаев") and the gazetteer finds
the people in the authority data, but a Kazakh full name without initials ("Нұрдәулет Ақыш")
is invisible to both.  No Kazakh NER model exists on PyPI, so we ship a small one of our own
(``ingest/models/kk_ner``, trained by ``scripts/train_kk_ner.py`` on KazNERD, CC BY 4.0; see
the README there for attribution and scores).  Places and dates are left to the gazetteer and
the date rules, which know our domain better than a model trained on TV news.

The model runs on its own copy of the text (same tokenizer class as the host pipeline), so
the host ``Doc``'s ``ents`` stay untouched and the component works on any Kazakh pipeline.
Because a greedy spaCy NER gives no probability, precision is kept up by filters instead of a
threshold: at least ``min_tokens`` words, every word capitalised and alphabetic, and nothing
that overlaps a candidate another component already found (the authority and the rules are
more reliable than the model where they speak).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import load_config

from .kazakh import stem
from .keys import strip_kk_case
from .rules import Candidate, is_role, kk_noun_opening
from .tokens import tokenize

#: Where the trained model ships inside the package.
MODEL_DIR = Path(__file__).resolve().parent / "models" / "kk_ner"
METHOD = "ner:kaznerd"

if not Doc.has_extension("candidates"):
    Doc.set_extension("candidates", default=None)


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_DIR)) -> Language:
    """The trained pipeline, loaded once per process (7 MB, well under a second).

    Built from our ``Kazakh`` class rather than ``spacy.load``, so loading does not depend on
    the ``spacy_languages`` entry point being installed (a source checkout on PYTHONPATH works).
    """
    from .kazakh import Kazakh

    folder = Path(path)
    nlp = Kazakh.from_config(load_config(folder / "config.cfg"))
    return nlp.from_disk(folder)


def _is_name_word(text: str) -> bool:
    """A capitalised, alphabetic word that is not all capitals (abbreviations are not names)."""
    core = text.replace("-", "")
    return bool(core) and core.isalpha() and text[:1].isupper() and not (len(core) > 1 and core.isupper())


def person_label(span: Span) -> str:
    """The name without the case ending of its last word ("Лилия Калаустың" → "Лилия Калаус").

    In a Kazakh "Name Surname" only the last word inflects, so only it is stemmed; the
    stemmer keeps proper names whole unless an ending is certain.
    """
    words = [t.text for t in span]
    bare = strip_kk_case(words[-1])  # (a surname's ending the stemmer keeps: "Бианкидің" is Бианки)
    words[-1] = bare if bare != words[-1] else stem(words[-1]) or words[-1]
    return " ".join(words)


GIVEN_NAMES_LIKE_ROLES = frozenset(("әкім", "аким", "ғалым", "галым"))  # also first names: Әкім Тарази


def _is_role(word: str) -> bool:
    """The word names a role or a craft (ақын, күйші, директор), as the rule-based finder reads it."""
    toks = tokenize(word)
    return len(toks) == 1 and word.lower() not in GIVEN_NAMES_LIKE_ROLES and is_role(toks[0])


class KazNerdPersons:
    """Appends ``Candidate("person", …, "ner:kaznerd", confidence)`` for PERSON entities."""

    def __init__(self, model_path: str, confidence: float, min_tokens: int, skip_overlaps: bool):
        self.model_path = model_path
        self.confidence = confidence
        self.min_tokens = min_tokens
        self.skip_overlaps = skip_overlaps

    def persons(self, text: str) -> list[Span]:
        """PERSON spans the model finds in ``text`` that pass the name filters."""
        model = load_model(self.model_path)
        ner_doc = model(text)
        out = []
        for e in ner_doc.ents:
            if e.label_ != "PERSON" or not all(_is_name_word(t.text) for t in e):
                continue
            if _is_role(e[0].text) or len(e) > 2 and kk_noun_opening(text, e[0].idx, e[0].text):
                e = e[1:]  # "Күйші Бөкей …", "Ақын Мағжан": a craft, then the name; "Көрсеткішті Кузьмина
                # Анна Петровна …" (the index, then who compiled it)
            elif len(e) == 2 and kk_noun_opening(text, e[0].idx, e[0].text):
                continue  # "Көрсеткішті Кузьмина құрастырған": a surname alone, which the surname rule reads
            if len(e) >= self.min_tokens:
                out.append(e)
        return out

    def __call__(self, doc: Doc) -> Doc:
        found = list(doc._.candidates or [])
        taken = [(c.start, c.end) for c in found]
        for span in self.persons(doc.text):
            start, end = span.start_char, span.end_char
            if self.skip_overlaps and any(start < e and s < end for s, e in taken):
                continue
            found.append(Candidate("person", start, end, METHOD, self.confidence, label=person_label(span)))
        doc._.candidates = found
        return doc


@Language.factory("shekara_kk_ner", default_config={"model_path": str(MODEL_DIR), "confidence": 0.6,
                                                     "min_tokens": 2, "skip_overlaps": True})
def make_kk_ner(nlp: Language, name: str, model_path: str, confidence: float, min_tokens: int,
                skip_overlaps: bool) -> KazNerdPersons:
    return KazNerdPersons(model_path, confidence, min_tokens, skip_overlaps)


def add_kk_ner(nlp: Language, **config) -> Language:
    """Add ``shekara_kk_ner`` right after ``shekara_candidates`` (or last if that is absent).

    It must follow the candidate finder: that component replaces ``doc._.candidates``, and
    the overlap filter needs its matches.
    """
    where = {"after": "shekara_candidates"} if "shekara_candidates" in nlp.pipe_names else {}
    nlp.add_pipe("shekara_kk_ner", config=config, **where)
    return nlp


__all__ = ["KazNerdPersons", "MODEL_DIR", "METHOD", "add_kk_ner", "load_model", "person_label"]
