"""Title keys (ingest/title_keys.py): what a document's title says, whichever language says it.
Titles are written for these tests."""
from __future__ import annotations

import pytest

from ingest.title_keys import MIN_PARTS, concepts, institution_key, key_slug, title_key

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
    title = base + " of Omsk"
    omsk = title_key(title, "Report", [(len(base) + 4, len(title), "http://x/id/library/omsk-library")])
    pavlodar = title_key(title, "Report", [(len(base) + 4, len(title), "http://x/id/library/pavlodar-library")])
    assert omsk != pavlodar and omsk is not None


@pytest.mark.parametrize(("a", "b"), [
    ("Plan of joint activities of the frontier libraries for 2012-2014",
     "Plan of joint activities of the frontier libraries for 2015-2017"),
    ("План совместных мероприятий приграничных библиотек на 2012г.",
     "План совместных мероприятий приграничных библиотек на 2013г."),
])
def test_years_written_in_ranges_and_with_letters_count(a: str, b: str) -> None:
    assert title_key(a, "Plan") is not None and title_key(a, "Plan") != title_key(b, "Plan")


def test_one_year_in_any_writing_is_the_same_year() -> None:
    keys = {title_key("План совместных мероприятий приграничных библиотек на 2012 год", "Plan"),
            title_key("шекаралас кітапханалардың 2012-жылға арналған бірлескен іс-шаралар Жоспары", "Plan")}
    assert len(keys) == 1 and None not in keys


@pytest.mark.parametrize("word", ["статей", "Commonwealth", "Алмас", "репортаж", "plant", "асырау", "spaceship",
                                  "проектирование", "Базель", "собрания"])
def test_words_that_only_look_like_a_concept(word: str) -> None:
    """A stem matches words of its own script, with a short ending: the Russian "статей" (articles)
    is not the English "state", "Commonwealth" is not "common", the name "Алмас" is not "алмасу"."""
    assert concepts(word) == set()


def test_a_word_the_lexicon_does_not_know_keeps_the_title_its_own_iri() -> None:
    """"The termination of the exchange" is not "the exchange": the key cannot see the difference,
    so it is not used."""
    assert title_key("Agreement on the exchange of electronic resources between frontier libraries",
                     "Agreement") is not None
    assert title_key("Agreement on the termination of the exchange of electronic resources between frontier "
                     "libraries", "Agreement") is None


def test_a_name_counts_as_its_entity_not_as_its_words() -> None:
    cis = "http://x/id/organization/cis"
    en = "Conception of cooperation of the frontier libraries of the Commonwealth of Independent States"
    ru = "Концепция сотрудничества приграничных библиотек СНГ"
    key_en = title_key(en, "Concept", [(en.index("Commonwealth"), len(en), cis)])
    key_ru = title_key(ru, "Concept", [(ru.index("СНГ"), len(ru), cis)])
    assert key_en is not None and key_en == key_ru


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


def test_countries_inside_a_name_count_as_the_titles_words() -> None:
    """"Ресей-Қазақстан «…» жобасын" has the countries inside the project's name where the English
    title has them outside it."""
    project = "http://x/id/project/steppe-books"
    kk = "Ресей-Қазақстан «Дала кітабы» жобасын іске асыру жөніндегі ынтымақтастық туралы Келісім"
    en = "Agreement on cooperation for implementation of the Russian-Kazakhstan project “Steppe Books”"
    key_kk = title_key(kk, "Agreement", [(0, kk.index("»") + 1, project)])
    # ... and so may the word for project ("… жобасын" inside the name, "project" outside it)
    assert key_kk == title_key(kk, "Agreement", [(0, kk.index("жобасын") + 7, project)])
    key_en = title_key(en, "Agreement", [(en.index("“"), len(en), project)])
    assert key_kk is not None and key_kk == key_en


@pytest.mark.parametrize("title", [
    "Plan of activities for 2012-2014",                    # years come on top of what a title says
    "Протокол № 2 о сотрудничестве приграничных библиотек России и Казахстана",  # a number: which one
    "Протокол от 12.05.2014 о сотрудничестве приграничных библиотек",           # a date
    "Программа развития приграничных библиотек до 2020 года",  # "до" (until) is not "на" (for)
    "Agreement on the exchange of electronic resources from Russia to Kazakhstan",  # a direction
    "Regulation on the federation of frontier libraries of Kazakhstan",           # not the Russian Federation
])
def test_what_the_key_cannot_tell_apart_keeps_its_own_iri(title: str) -> None:
    cls = {"Plan": "Plan", "Прот": "Agreement", "Прог": "Plan", "Agre": "Agreement", "Regu": "Agreement"}[title[:4]]
    assert title_key(title, cls) is None


def test_a_country_named_counts_as_its_country() -> None:
    """"Республики Казахстан", "Republic of Kazakhstan", "Қазақстан Республикасы" are one country
    whatever their words; and the same as the word "Kazakhstani"."""
    kz = "http://x/id/place/kazakhstan"
    ru = "Соглашение о сотрудничестве приграничных библиотек Республики Казахстан"
    en = "Agreement on cooperation of the frontier libraries of the Republic of Kazakhstan"
    en2 = "Agreement on cooperation of the Kazakhstani frontier libraries"
    keys = {title_key(ru, "Agreement", countries=[(ru.index("Республики"), len(ru), kz)]),
            title_key(en, "Agreement", countries=[(en.index("Republic"), len(en), kz)]),
            title_key(en2, "Agreement")}
    assert len(keys) == 1 and None not in keys


def test_the_kazakhs_are_not_kazakhstan() -> None:
    assert concepts("казахов") == set() and concepts("Kazakhstani Казахстанской Қазақстандық") == {"kazakhstan"}
    assert title_key("План развития культуры казахов России", "Plan") is None


@pytest.mark.parametrize(("title", "cls", "has_key"), [
    ("Отчет о деятельности приграничных библиотек за 2014 год", "Report", True),  # "за": for a period
    ("План мероприятий приграничных библиотек к 2020 году", "Plan", False),      # "к": by a date
    ("Plan of activities of the frontier libraries 2012a", "Plan", False),       # not a year
])
def test_period_and_date_words(title: str, cls: str, has_key: bool) -> None:
    assert (title_key(title, cls) is not None) == has_key


def test_a_hyphenated_word_with_one_known_part_is_read_by_its_parts() -> None:
    """"Ресей-Қазақ" is not Russia alone: its second part says Kazakh, so the title is not one with
    "Ресей өңірлік …", and it is the English "Russian-Kazakh" one; an unknown second part gives none."""
    both = title_key("Ресей-Қазақ өңірлік кітапханаларының ынтымақтастығы туралы Келісім", "Agreement")
    alone = title_key("Ресей өңірлік кітапханаларының ынтымақтастығы туралы Келісім", "Agreement")
    assert both is not None and alone is not None and both != alone
    assert both == title_key("Agreement on cooperation of Russian-Kazakh regional libraries", "Agreement")
    assert title_key("Ресей-Тува өңірлік кітапханаларының ынтымақтастығы туралы Келісім", "Agreement") is None


def test_a_year_written_with_its_word() -> None:
    assert title_key("шекаралас кітапханалардың 2012жылға арналған бірлескен іс-шаралар Жоспары", "Plan") == \
        title_key("шекаралас кітапханалардың 2012 жылға арналған бірлескен іс-шаралар Жоспары", "Plan")


PUSHKIN = "http://x/id/person/alexander-pushkin"
KZ = "http://x/id/place/kazakhstan"
TRANS_URALS = "http://x/id/place/trans-urals"


def _spans(title: str, *names: tuple[str, str]) -> list[tuple[int, int, str]]:
    return [(title.index(n), title.index(n) + len(n), iri) for n, iri in names]


@pytest.mark.parametrize(("title", "names"), [
    ("Пушкин и Казахстан", (("Пушкин", PUSHKIN), ("Казахстан", KZ))),
    ("Пушкин және Қазақстан", (("Пушкин", PUSHKIN), ("Қазақстан", KZ))),
    ("Pushkin and Kazakhstan", (("Pushkin", PUSHKIN), ("Kazakhstan", KZ))),
])
def test_a_book_named_by_two_names_alone_has_one_key_in_every_language(title: str, names: tuple) -> None:  # type: ignore[type-arg]
    keys = {title_key(title, "Publication", [s for s in _spans(title, *names) if s[2] != KZ],
                      [s for s in _spans(title, *names) if s[2] == KZ])}
    assert keys == {title_key("Pushkin and Kazakhstan", "Publication", _spans("Pushkin and Kazakhstan", ("Pushkin", PUSHKIN)),
                              _spans("Pushkin and Kazakhstan", ("Kazakhstan", KZ)))}
    assert None not in keys


def test_a_book_title_of_names_and_field_words_has_one_key() -> None:
    ru, kk, en = ("Казахстан и Зауралье: общая история", "Қазақстан және Зауралье: ортақ тарих",
                  "Kazakhstan and the Trans-Urals: A Shared History")
    keys = {title_key(t, "Publication", _spans(t, (region, TRANS_URALS)), _spans(t, (country, KZ)))
            for t, region, country in ((ru, "Зауралье", "Казахстан"), (kk, "Зауралье", "Қазақстан"),
                                       (en, "Trans-Urals", "Kazakhstan"))}
    assert len(keys) == 1 and None not in keys


@pytest.mark.parametrize("title", ["Pushkin", "Kazakhstan and its poets"])
def test_one_name_or_an_unknown_word_gives_a_book_no_key(title: str) -> None:
    names = _spans(title, ("Pushkin", PUSHKIN)) if "Pushkin" in title else []
    lands = _spans(title, ("Kazakhstan", KZ)) if "Kazakhstan" in title else []
    assert title_key(title, "Publication", names, lands) is None


OMSK_REGION = "http://x/id/place/omsk-region"


@pytest.mark.parametrize(("name", "place"), [
    ("Омский областной казахский национально-культурный центр", "Омский областной"),
    ("Омбы облыстық қазақ ұлттық-мәдени орталығы", "Омбы"),
    ("Omsk Regional Kazakh National-Cultural Centre", "Omsk"),
])
def test_an_institution_has_one_key_in_every_language(name: str, place: str) -> None:
    # the caller gives the town and its region one IRI; "regional" is said by the region
    key = institution_key(name, _spans(name, (place, OMSK_REGION)))
    assert key == institution_key("Omsk Regional Kazakh National-Cultural Centre",
                                  _spans("Omsk Regional Kazakh National-Cultural Centre", ("Omsk", OMSK_REGION)))
    assert key is not None and key.startswith("centre:")


@pytest.mark.parametrize("name", [
    "Omsk Centre",  # says too little
    "Omsk Kazakh Cultural Centre of Nomads",  # "nomads" is no word of the lexicon: keep its own name
    "Kazakh Cultural Centre",  # no place: which one?
])
def test_an_institution_that_says_too_little_has_no_key(name: str) -> None:
    names = _spans(name, ("Omsk", OMSK_REGION)) if "Omsk" in name else []
    assert institution_key(name, names) is None


def test_a_library_key_needs_a_place_and_words_it_can_read() -> None:
    from ingest.title_keys import library_key

    omsk = "http://x/id/place/omsk-region"
    name = "Омская областная детская библиотека"
    assert library_key(name, [(0, 6, omsk)]) == "library:=place/omsk-region children"
    assert library_key(name) is None  # no place: "the regional children's library" of where?
    assert library_key("Омская областная библиотека для слепых", [(0, 6, omsk)]) is None  # words it cannot read
    assert library_key("Омский областной музей", [(0, 6, omsk)]) is None  # no library


def test_a_city_centre_is_not_the_regional_one() -> None:
    city = "Omsk City Kazakh Cultural Centre"
    regional = "Omsk Regional Kazakh Cultural Centre"
    a = institution_key(city, _spans(city, ("Omsk", OMSK_REGION)))
    b = institution_key(regional, _spans(regional, ("Omsk", OMSK_REGION)))
    assert a is not None and b is not None and a != b


KARAGANDA_REGION = "http://x/id/place/karaganda-region"


@pytest.mark.parametrize(("name", "place"), [
    ("Карагандинский областной татарский культурный центр", "Карагандинский областной"),
    ("Қарағанды облыстық татар мәдени орталығы", "Қарағанды"),
    ("Karaganda Regional Tatar Cultural Centre", "Karaganda"),
])
def test_a_peoples_centre_has_one_key_in_every_language(name: str, place: str) -> None:
    # the peoples' adjectives are words of the lexicon: "татарский", "татар" and "Tatar" say one thing
    key = institution_key(name, _spans(name, (place, KARAGANDA_REGION)))
    assert key is not None and key == institution_key(
        "Karaganda Regional Tatar Cultural Centre",
        _spans("Karaganda Regional Tatar Cultural Centre", ("Karaganda", KARAGANDA_REGION)))
