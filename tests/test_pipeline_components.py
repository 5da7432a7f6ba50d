"""The spaCy side: our Kazakh language through the entry point, and the registered components."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from ingest.pipeline import CandidateFinder, NatashaPersons, build

ROOT = Path(__file__).resolve().parents[1]
AUTHORITY = ROOT / "data" / "authority"
BASE = "http://127.0.0.1:8000/"


def test_blank_kazakh_through_the_entry_point() -> None:
    from ingest.kazakh import Kazakh

    nlp = spacy.blank("kk")
    assert isinstance(nlp, Kazakh) and nlp.lang == "kk"
    words = [t.text for t in nlp("2002 ж. Орал қ. өтті")]
    assert "қ." in words and "ж." in words


def test_components_are_registered_factories() -> None:
    assert Language.has_factory("shekara_candidates")
    assert Language.has_factory("shekara_natasha")


@pytest.mark.parametrize(("lang", "pipes"), [
    ("kk", ["shekara_candidates", "shekara_kk_ner"]), ("en", ["shekara_candidates"]),
    ("ru", ["shekara_candidates", "shekara_natasha"]),
])
def test_build_gives_a_language_with_the_components(lang: str, pipes: list[str]) -> None:
    nlp = build(lang, AUTHORITY, BASE)
    assert isinstance(nlp, Language) and nlp.lang == lang
    assert nlp.pipe_names == pipes
    assert isinstance(nlp.get_pipe("shekara_candidates"), CandidateFinder)
    if lang == "ru":
        assert isinstance(nlp.get_pipe("shekara_natasha"), NatashaPersons)


def test_natasha_can_be_left_out() -> None:
    assert build("ru", AUTHORITY, BASE, natasha=False).pipe_names == ["shekara_candidates"]


def test_candidates_component_assembled_by_hand() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("shekara_candidates", config={"authority_dir": str(AUTHORITY), "base_iri": BASE})
    doc = nlp("On October 30-31, 2008 the NLRK met colleagues in Kostanai.")
    by_text = {doc.text[c.start:c.end]: c for c in doc._.candidates}
    assert by_text["NLRK"].extra["entry"].iri == BASE + "id/library/national-library-of-kazakhstan"
    assert by_text["Kostanai"].extra["entry"].iri == BASE + "id/place/kostanay"
    assert by_text["Kostanai"].method == "authority-gazetteer"
    assert [(d.value, d.end_value) for d in doc._.dates] == [("2008-10-30", "2008-10-31")]


def test_pipe_keeps_offsets_per_text() -> None:
    nlp = build("kk", AUTHORITY, BASE)
    texts = ["Петропавлда жиын өтті.", "Кеше біз Омбының кітапханасына бардық."]
    docs = list(nlp.pipe(texts))
    assert [{d.text[c.start:c.end] for c in d._.candidates if "entry" in c.extra} for d in docs] == [
        {"Петропавлда"}, {"Омбының"}]
    assert [d._.dates for d in docs][0] == []


def test_natasha_finds_a_russian_full_name() -> None:
    nlp = build("ru", AUTHORITY, BASE)
    doc = nlp("Вчера выступила Галина Александровна Кисловская из Омска.")
    natasha = [c for c in doc._.candidates if c.method == "ner:natasha"]
    assert [doc.text[c.start:c.end] for c in natasha] == ["Галина Александровна Кисловская"]
