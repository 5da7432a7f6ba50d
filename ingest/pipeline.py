"""spaCy pipelines, one per language, built from registered components.

``blank(lang)`` (our own Kazakh ``Language`` for kk) plus:
- ``shekara_candidates``: authority gazetteer + domain rules + dates → ``doc._.candidates``;
- ``shekara_natasha`` (ru only): natasha's Russian NER for persons, with names normalised;
- ``shekara_kk_ner`` (kk only): our CNN trained on KazNERD, for Kazakh full names the rules miss.
Components are configured by name, so a pipeline can be assembled and tested part by part.
"""
from __future__ import annotations

import re

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .authority import Authority
from .dates import find_dates
from .reading import matching_view
from .gazetteer import Gazetteer
from .geonames import GeoPlaces
from . import rules
from .rules import Candidate
from .tokens import tokenize

if not Doc.has_extension("candidates"):
    Doc.set_extension("candidates", default=None)
if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=None)


@lru_cache(maxsize=4)
def load_authority(folder: str, base_iri: str) -> tuple[Authority, Gazetteer]:
    authority = Authority.load(Path(folder), base_iri)
    return authority, Gazetteer(authority)


@lru_cache(maxsize=4)
def load_geo_places(folder: str, base_iri: str) -> GeoPlaces:
    """The GeoNames towns beside the authority file at ``folder`` (those it does not know)."""
    return GeoPlaces(load_authority(folder, base_iri)[0])


class CandidateFinder:
    """Finds gazetteer matches, rule candidates and dates in one pass over the tokens."""

    def __init__(self, authority_dir: str, base_iri: str):
        self.authority, self.gazetteer = load_authority(authority_dir, base_iri)
        self.geo = load_geo_places(authority_dir, base_iri)

    def __call__(self, doc: Doc) -> Doc:
        text = matching_view(doc.text)
        lang = doc.lang_
        toks = tokenize(text)
        found: list[Candidate] = []
        matches = [m for m in self._works_in_context(text, toks, self.gazetteer.find(text, lang, toks))
                   if not (m.entry.kind == "place" and rules.river_named(text, m.start, m.end))
                   and not (m.entry.kind == "person" and rules.settlement_before(text, m.start))
                   and not (m.entry.kind == "library" and (rules.another_before(text, m.start)
                                                           or rules.for_the_young_after(text, m.end)))]
        for m in matches:
            found.append(Candidate(m.entry.kind, m.start, m.end, "authority-gazetteer",
                                   0.95 if m.exact else 0.85, extra={"entry": m.entry, "name": m.name}))
        known = frozenset(m.start for m in matches)
        # one-word names written with a Kazakh case ending (the gazetteer matched them inflected)
        inflected = frozenset(m.start for m in matches if lang == "kk" and not m.exact and m.last - m.first == 1)
        persons = frozenset(m.end for m in matches if m.entry.kind == "person")
        places = frozenset(m.start for m in matches if m.entry.kind == "place")
        found += rules.library_phrases(text, toks, known, inflected, persons, places, lang)
        found += rules.institution_phrases(text, toks, known, inflected, lang, persons, places)
        found += rules.titled_things(text, toks, doc.text, lang,
                                     [(m.start, m.end) for m in matches if m.entry.kind in ("library", "organization")])
        found += rules.unquoted_events(text, toks)
        found += rules.openings(text, lang)
        found += rules.appositive_projects(text, lang, known)
        found += rules.library_systems(text, lang)
        found += rules.town_libraries(text, lang)
        found += rules.genre_titles(text, toks, lang, doc.text)
        found += rules.dated_plans(text, toks, lang)
        found += rules.references(text, toks)
        found += rules.commemorative_years(text, toks, lang)
        found += rules.days_events(text, toks, lang)
        found += rules.named_days(text, lang)
        found += rules.numbered_schools(text, lang)
        found += rules.marked_places(text, toks, lang, frozenset(m.start for m in matches if m.entry.kind == "person"))
        found += self.geo.find(text, toks, lang, matches)
        place_spans: dict[int, int] = {}  # the longest place at each start ("Қазақстан Республикасының")
        for m in matches:
            if m.entry.kind == "place" and m.end > place_spans.get(m.start, -1):
                place_spans[m.start] = m.end
        found += rules.government_bodies(text, toks, place_spans)
        if lang == "kk":
            found += rules.kazakh_government_bodies(text, toks, place_spans)
        found += rules.persons(text, toks, places)
        found += rules.authors_by(text, lang)
        found += rules.full_names(text, toks, frozenset(m.start for m in matches if m.entry.kind == "person"), places)
        doc._.candidates = found
        doc._.dates = find_dates(text, lang)
        return doc


    @staticmethod
    def _works_in_context(text: str, toks: list, matches: list) -> list:
        """A known work's quoted title is that work only beside a word for a book or with its author
        named near it: «Кочевники» is also a band and a café, and "выставка «Путь Абая»" an exhibition."""
        authors = [m for m in matches if m.entry.kind == "person"]

        def known_work(m) -> bool:  # noqa: ANN001
            if rules.book_beside(text, toks, m.start - 1, m.end + 1):
                return True
            return any(a.entry.iri in m.entry.authors and abs(a.start - m.start) < 160 for a in authors)

        return [m for m in matches if m.entry.kind != "work" or known_work(m)]


@Language.factory("shekara_candidates", default_config={"authority_dir": "data/authority",
                                                         "base_iri": "http://127.0.0.1:8000/"})
def make_candidates(nlp: Language, name: str, authority_dir: str, base_iri: str) -> CandidateFinder:
    return CandidateFinder(authority_dir, base_iri)


@lru_cache(maxsize=1)
def _natasha():
    from natasha import Doc as NDoc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    return NDoc, Segmenter(), MorphVocab(), NewsMorphTagger(emb), NewsNERTagger(emb)


_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{3}\.\s+[^\W\d_]")  # a word's full stop, not an initial's


class NatashaPersons:
    """natasha's NER adds Russian persons written in full ("Галину Александровну Кисловскую")."""

    def __call__(self, doc: Doc) -> Doc:
        NDoc, segmenter, morph_vocab, morph_tagger, ner_tagger = _natasha()
        nd = NDoc(doc.text)
        nd.segment(segmenter)
        nd.tag_morph(morph_tagger)
        nd.tag_ner(ner_tagger)
        found = list(doc._.candidates or [])
        for span in nd.spans:
            if span.type != "PER" or len(span.tokens) < 2 or _SENTENCE_INSIDE.search(span.text):
                continue  # ("сказала А. С. Байжанова. И. Г. Лапина напомнила": two persons, the initials rule's)
            span.normalize(morph_vocab)
            found.append(Candidate("person", span.start, span.stop, "ner:natasha", 0.7,
                                   label=span.normal or span.text))
        doc._.candidates = found
        return doc


@Language.factory("shekara_natasha")
def make_natasha(nlp: Language, name: str) -> NatashaPersons:
    return NatashaPersons()


def blank(lang: str) -> Language:
    if lang == "kk":
        from .kazakh import Kazakh

        return Kazakh()
    return spacy.blank(lang)


def build(lang: str, authority_dir: Path, base_iri: str, *, natasha: bool = True) -> Language:
    nlp = blank(lang)
    nlp.add_pipe("shekara_candidates", config={"authority_dir": str(authority_dir), "base_iri": base_iri})
    if lang == "ru" and natasha:
        nlp.add_pipe("shekara_natasha")
    if lang == "kk":
        from .kk_ner import add_kk_ner  # persons only; trained on KazNERD (CC BY 4.0), ships in the package

        add_kk_ner(nlp)
    return nlp
