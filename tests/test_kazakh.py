"""The Kazakh spaCy language and the stemmer the gazetteer relies on."""
from __future__ import annotations

import pytest
import spacy

from ingest.kazakh import Kazakh, like_num, stem, stem_candidates

# (inflected form, expected stem) — place names, libraries and the words around them.
STEM_PAIRS = [
    ("Омбының", "Омбы"),
    ("Петропавлда", "Петропавл"),
    ("Қостанайдағы", "Қостанай"),
    ("кітапханасында", "кітапхана"),
    ("кітапханасымен", "кітапхана"),
    ("кітапханаларының", "кітапхана"),
    ("Мәскеуден", "Мәскеу"),
    ("Ресейдің", "Ресей"),
    ("Қазақстанның", "Қазақстан"),
    ("облысының", "облыс"),
    ("Алматыда", "Алматы"),
    ("Новосібірге", "Новосібір"),
    ("Барнаулға", "Барнаул"),
    ("ЮНЕСКО-ның", "ЮНЕСКО"),
    ("ТМД-ға", "ТМД"),
    ("Қазақстанда", "Қазақстан"),
    ("Қорғанда", "Қорған"),
    ("облыстарында", "облыс"),
    ("облысына", "облыс"),
    ("кітапханасын", "кітапхана"),
    ("кітапхананы", "кітапхана"),
    ("қаласындағы", "қала"),
    ("Алматының", "Алматы"),
    ("Алматыдағы", "Алматы"),
    ("Семейде", "Семей"),
    ("Өскеменнен", "Өскемен"),
    ("Павлодарда", "Павлодар"),
    ("Орынборға", "Орынбор"),
    ("Атырауда", "Атырау"),
    ("Ертісінде", "Ертіс"),
    ("аудандарының", "аудан"),
    ("орталығы", "орталық"),
    ("министрлігінің", "министрлік"),
    ("университетінің", "университет"),
    ("Астанаға", "Астана"),
    ("Челябіде", "Челябі"),
    ("жобасының", "жоба"),
    ("Алтайдың", "Алтай"),
    ("Кемеровтағы", "Кемеров"),
    ("елге", "ел"),
]


def test_stem_accuracy_on_place_and_library_forms() -> None:
    right = [word for word, expected in STEM_PAIRS if stem(word) == expected]
    wrong = {word: stem(word) for word, expected in STEM_PAIRS if stem(word) != expected}
    assert len(STEM_PAIRS) >= 25
    assert len(right) / len(STEM_PAIRS) >= 0.9, wrong


@pytest.mark.parametrize("word", ["Алматы", "Омбы", "Қазақстан", "Астана", "Татар", "Ресей", "Челябі"])
def test_stem_leaves_bare_names_alone(word: str) -> None:
    assert stem(word) == word


def test_stem_never_leaves_fewer_than_three_letters_for_long_endings() -> None:
    # "Орда": removing -да would leave two letters of a name; "мен" is a whole word.
    assert stem("мен") == "мен"
    assert len(stem("Орда")) >= 3


def test_kuzbass_is_reached_through_the_candidates() -> None:
    # Кузбасс loses one с before an ending: Кузбас-тағы.
    candidates = stem_candidates("Кузбастағы")
    assert "Кузбасс" in candidates or stem("Кузбастағы") == "Кузбасс"
    assert "Кузбас" in candidates


def test_candidates_go_from_the_written_form_down_to_the_stem() -> None:
    candidates = stem_candidates("кітапханаларының")
    assert candidates[0] == "кітапханаларының"
    assert candidates.index("кітапханалары") < candidates.index("кітапхана")
    assert "Қазақстан" in stem_candidates("Қазақстандық")
    assert "Ресей" in stem_candidates("Ресейлік")
    assert stem_candidates("") == []


def test_stem_keeps_the_original_letters_and_case() -> None:
    assert stem("ҚОСТАНАЙДАҒЫ") == "ҚОСТАНАЙ"
    # a Latin i typed for і is understood but kept as written
    assert stem("Ертiсiнде") == "Ертiс"


@pytest.fixture(scope="module")
def nlp() -> Kazakh:
    return Kazakh()


def tokens(nlp: Kazakh, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


def test_spacy_blank_kk_works_once_registered() -> None:
    try:
        nlp = spacy.blank("kk")
    except Exception:  # the entry point is not installed yet in this environment
        spacy.util.registry.languages.register("kk", func=Kazakh)
        nlp = spacy.blank("kk")
    assert nlp.lang == "kk"
    assert isinstance(nlp, Kazakh)


def test_abbreviations_are_single_tokens(nlp: Kazakh) -> None:
    assert tokens(nlp, "Орал қ. мен Семей қ. т.б. қалалар") == [
        "Орал", "қ.", "мен", "Семей", "қ.", "т.б.", "қалалар",
    ]
    assert "б.з.д." in tokens(nlp, "б.з.д. V ғасыр")
    assert tokens(nlp, "2008 ж. өтті") == ["2008", "ж.", "өтті"]


def test_year_glued_to_its_abbreviation_is_split(nlp: Kazakh) -> None:
    assert tokens(nlp, "2008ж. басталды") == ["2008", "ж.", "басталды"]


def test_hyphenated_case_ending_is_its_own_token(nlp: Kazakh) -> None:
    assert tokens(nlp, "ЮНЕСКО-ның бағдарламасы") == ["ЮНЕСКО", "-ның", "бағдарламасы"]
    assert tokens(nlp, "ТМД-ға қатысушы") == ["ТМД", "-ға", "қатысушы"]


def test_ordinals_stay_whole_and_compounds_split(nlp: Kazakh) -> None:
    assert tokens(nlp, "1-ші орын") == ["1-ші", "орын"]
    assert tokens(nlp, "12-бап") == ["12-бап"]
    assert tokens(nlp, "Ресей-Қазақстан жобасы") == ["Ресей", "-", "Қазақстан", "жобасы"]


def test_kazakh_letters_count_as_alphabetic_for_punctuation(nlp: Kazakh) -> None:
    # spaCy's own classes lack қ: the full stop must still come off.
    assert tokens(nlp, "Ол ақпараттық.") == ["Ол", "ақпараттық", "."]


@pytest.mark.parametrize("word", ["бір", "екі", "жиырма", "бірінші", "екінші", "үшінші", "алтыншы", "1-ші", "2008", "1,5"])
def test_like_num_accepts_numbers(word: str) -> None:
    assert like_num(word)


@pytest.mark.parametrize("word", ["кітап", "облыс", "Алматы", "ші"])
def test_like_num_rejects_words(word: str) -> None:
    assert not like_num(word)


def test_lexical_attributes_reach_tokens(nlp: Kazakh) -> None:
    doc = nlp("екі кітапхана және бір мұражай")
    assert [t.like_num for t in doc] == [True, False, False, True, False]
    assert doc[2].is_stop
    assert not doc[1].is_stop


def test_initials_are_cut_off_a_glued_surname(nlp: Kazakh) -> None:
    assert tokens(nlp, "А.С.Пушкин атындағы") == ["А.С.", "Пушкин", "атындағы"]
    assert tokens(nlp, "Ж. Молдағалиев") == ["Ж.", "Молдағалиев"]


def test_year_ranges_split_at_any_dash(nlp: Kazakh) -> None:
    assert tokens(nlp, "2004–2006 жылдары") == ["2004", "–", "2006", "жылдары"]


def test_the_case_tables_agree() -> None:
    """``kk_cases`` (plain tuples for rules and keys) and the stemmer's table list the same endings."""
    from ingest import kazakh, kk_cases

    assert {e for e, _ in kazakh._CASE_ENDINGS} == set(kk_cases.ALL)
