"""The optional Kazakh NER component: the shipped model loads and finds persons in our sentences.

The sentences are written for these tests (invented people, real-looking Kazakh), so they say
nothing about KazNERD's own text; the model must generalise to them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.kazakh import Kazakh
from ingest.kk_ner import METHOD, MODEL_DIR, add_kk_ner, load_model
from ingest.rules import Candidate

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(),
                                reason="trained model missing: run scripts/train_kk_ner.py")

WITH_PERSON = "Кеше кітапханада жазушы Ержан Сейітқалиев оқырмандармен кездесті."
WITHOUT_PERSON = "Кітапхананың оқу залы жөндеуден кейін қайта ашылды."


def _nlp(**config):
    nlp = Kazakh()
    return add_kk_ner(nlp, **config)


def _persons(doc) -> list[Candidate]:
    return [c for c in doc._.candidates or [] if c.method == METHOD]


def test_model_ships_inside_the_package_and_is_small():
    assert MODEL_DIR.parent.name == "models" and MODEL_DIR.parents[1].name == "ingest"
    assert (MODEL_DIR / "README.md").exists(), "the model's README (licence, attribution) must ship with it"
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 15 * 1024 * 1024
    model = load_model()
    assert model.lang == "kk" and "PERSON" in model.get_pipe("ner").labels


def test_finds_a_kazakh_full_name_with_offsets_into_the_text():
    doc = _nlp()(WITH_PERSON)
    found = _persons(doc)
    assert [WITH_PERSON[c.start:c.end] for c in found] == ["Ержан Сейітқалиев"]
    c = found[0]
    assert c.kind == "person" and 0 < c.confidence < 1


def test_inflected_surname_gets_a_stemmed_label():
    text = "Біз ақын Айгүл Жұмабековамен сөйлестік."
    found = _persons(_nlp()(text))
    assert found, "the model should see the name before an instrumental ending"
    c = found[0]
    assert text[c.start:c.end].startswith("Айгүл Жұмабекова")
    assert c.label == "Айгүл Жұмабекова"


def test_sentence_without_persons_adds_nothing():
    doc = _nlp()(WITHOUT_PERSON)
    assert doc._.candidates == []


def test_keeps_existing_candidates_and_skips_names_they_already_cover():
    nlp = _nlp()
    doc = nlp.make_doc(WITH_PERSON)
    start = WITH_PERSON.index("Ержан")
    earlier = Candidate("person", start, start + len("Ержан Сейітқалиев"), "authority-gazetteer", 0.95)
    doc._.candidates = [earlier]
    doc = nlp.get_pipe("shekara_kk_ner")(doc)
    assert doc._.candidates == [earlier]
    # with the overlap filter off, the model's own candidate is added beside it
    loose = _nlp(skip_overlaps=False)
    doc = loose.make_doc(WITH_PERSON)
    doc._.candidates = [earlier]
    doc = loose.get_pipe("shekara_kk_ner")(doc)
    assert [c.method for c in doc._.candidates] == ["authority-gazetteer", METHOD]


def test_single_word_names_are_filtered_by_default():
    text = "Бұл туралы Асқар айтты."
    assert _persons(_nlp()(text)) == []


def test_added_after_the_candidate_finder():
    authority = Path(__file__).resolve().parents[1] / "data" / "authority"
    if not authority.exists():
        pytest.skip(f"no authority data at {authority}")
    import ingest.pipeline  # noqa: F401 — registers shekara_candidates

    nlp = Kazakh()
    nlp.add_pipe("shekara_candidates", config={"authority_dir": str(authority), "base_iri": "http://127.0.0.1:8000/"})
    add_kk_ner(nlp)
    assert nlp.pipe_names.index("shekara_kk_ner") == nlp.pipe_names.index("shekara_candidates") + 1
    # the surname rule knows "-ов/-ев" endings; a surname without one is left to the model
    text = "Кездесуді жазушы Дархан Бейсенбек жүргізді."
    doc = nlp(text)
    assert [text[c.start:c.end] for c in _persons(doc)] == ["Дархан Бейсенбек"]
    # where the rule already found the name, the model adds nothing on top of it
    doc = nlp(WITH_PERSON)
    assert [c.method for c in doc._.candidates] == ["rule:full-name"]


def test_a_craft_opening_the_name_is_left_out():
    """"Күйші Бөкей ордасында": the model reads the craft (a kuishi) and a place as a name."""
    nlp = _nlp()
    text = "Күйші Бөкей ордасында дүниеге келген."
    doc = nlp(text)
    assert [text[c.start:c.end] for c in _persons(doc)] == []
    text = "Ақын Мағжан Жұмабаев туралы айтылды."
    spans = [text[c.start:c.end] for c in _persons(nlp(text))]
    assert all(not s.startswith("Ақын") for s in spans)
