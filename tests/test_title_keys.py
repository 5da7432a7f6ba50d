"""Title keys (ingest/title_keys.py): what a document's title says, whichever language says it.
Titles are written for these tests."""
from __future__ import annotations

import pytest

from ingest.title_keys import MIN_PARTS, concepts, key_slug, title_key

EXCHANGE = {
    "en": "Agreement on the exchange of electronic resources of the frontier libraries",
    "ru": "Соглашение об обмене электронными ресурсами приграничных библиотек",
    "kk": "шекаралас кітапханалардың электрондық ресурстар алмасу туралы Келісімі",
}


def test_one_title_in_three_languages_has_one_set_of_concepts() -> None:
    found = {lang: concepts(t) for lang, t in EXCHANGE.items()}
    assert found["en"] == {"agreement", "exchange", "electronic", "resource", "frontier", "library"}
    assert found["ru"] == found["en"] and found["kk"] == found["en"]
    keys = {title_key(t, "Agreement") for t in EXCHANGE.values()}
    assert len(keys) == 1 and None not in keys


@pytest.mark.parametrize(("text", "expected"), [
    ("reports plans participants", {"report", "plan", "participant"}),  # a final t and an s fold to c
    ("informational-library space", {"information", "library", "space"}),  # hyphenated words per part
    ("Planetarium statement", set()),  # words that only begin like a concept
])
def test_words_stem_from_concepts(text: str, expected: set[str]) -> None:
    assert concepts(text) == expected


def test_a_title_that_says_too_little_has_no_key() -> None:
    assert title_key("Agreement on cooperation", "Agreement") is None
    assert len(concepts("Agreement on cooperation") - {"agreement"}) < MIN_PARTS


def test_periodicals_are_named_by_their_own_title() -> None:
    assert title_key("Bulletin of the frontier libraries of electronic exchange", "Periodical") is None


def test_years_and_names_tell_documents_apart() -> None:
    base = "Report on the exchange of electronic resources"
    assert title_key(base + " in 2014", "Report") != title_key(base + " in 2015", "Report")
    omsk = title_key(base, "Report", ["http://x/id/library/omsk-library"])
    pavlodar = title_key(base, "Report", ["http://x/id/library/pavlodar-library"])
    assert omsk != pavlodar and omsk is not None


def test_the_genre_is_the_class_not_any_genre_word_inside() -> None:
    """"The Plan … of the Conception …" is a plan about a conception, not the conception."""
    plan = title_key("Plan of implementation of the Conception of the electronic library", "Plan")
    conception = title_key("Conception of the electronic library implementation", "Concept")
    assert plan is not None and conception is not None and plan != conception
    assert plan.startswith("plan:") and "conception" in plan


def test_slugs_are_readable_and_stable() -> None:
    key = title_key(EXCHANGE["en"], "Agreement")
    assert key is not None
    slug = key_slug(key)
    assert slug == key_slug(key) and slug.startswith("agreement-electronic-exchange-frontier-library-resource-")
