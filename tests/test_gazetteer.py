"""The authority gazetteer on its own: inflection, spelling variants, abbreviations, adjectives.

Sentences are written for these tests; each asserts which authority entity a span resolves to,
so a regression in the folding keys or in the ending tolerance shows up as a wrong IRI.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.gazetteer import Gazetteer, resolve, word_ok
from ingest.keys import fold
from ingest.pipeline import load_authority

ROOT = Path(__file__).resolve().parents[1]
AUTHORITY = ROOT / "data" / "authority"
BASE = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_authority(str(AUTHORITY), BASE)[1]


def found(gaz: Gazetteer, text: str, lang: str) -> dict[str, set[str]]:
    """Surface text -> tails of the IRIs matched there (every candidate, before resolution)."""
    out: dict[str, set[str]] = {}
    for m in gaz.find(text, lang):
        out.setdefault(text[m.start:m.end], set()).add(m.entry.iri.removeprefix(BASE + "id/"))
    return out


def resolved(gaz: Gazetteer, text: str, lang: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entry.iri.removeprefix(BASE + "id/")) for m in resolve(gaz.find(text, lang))]


@pytest.mark.parametrize(("sentence", "surface", "iri"), [
    ("Біз Омбының кітапханашыларымен кездестік.", "Омбының", "place/omsk"),
    ("Жиын Петропавлда өтті.", "Петропавлда", "place/petropavl"),
    ("Қостанайдағы әріптестер қонақ күтті.", "Қостанайдағы", "place/kostanay"),
    ("Делегация Оралдан келді.", "Оралдан", "place/uralsk"),
    ("Конференция Уфада өтті.", "Уфада", "place/ufa"),  # a three-letter name with a case ending
    ("Делегация Уфаға барды.", "Уфаға", "place/ufa"),
])
def test_kazakh_case_and_possessive_endings(gazetteer: Gazetteer, sentence: str, surface: str, iri: str) -> None:
    assert iri in found(gazetteer, sentence, "kk").get(surface, set())


def test_russian_cases_of_a_library_name(gazetteer: Gazetteer) -> None:
    text = "Договор подписан с Курганской областной библиотекой им. Югова в прошлом году."
    assert resolved(gazetteer, text, "ru") == [
        ("Курганской областной библиотекой им. Югова", "library/kurgan-regional-scientific-library")]


def test_russian_prepositional_case_of_a_city(gazetteer: Gazetteer) -> None:
    text = "Встречи прошли в Омске и Уральске."
    assert resolved(gazetteer, text, "ru") == [("Омске", "place/omsk"), ("Уральске", "place/uralsk")]


@pytest.mark.parametrize(("text", "lang"), [
    ("The guests reached Kostanai.", "en"), ("The guests reached Kostanay.", "en"),
    ("Гости приехали в Костанай.", "ru"), ("Қонақтар Қостанайға келді.", "kk"),
])
def test_spelling_and_script_variants_are_one_place(gazetteer: Gazetteer, text: str, lang: str) -> None:
    assert [iri for _, iri in resolved(gazetteer, text, lang)] == ["place/kostanay"]


@pytest.mark.parametrize(("text", "lang", "surface", "iri"), [
    ("Experts of the NLRK visited Omsk.", "en", "NLRK", "library/national-library-of-kazakhstan"),
    ("Сотрудники РГБ приехали в Омск.", "ru", "РГБ", "library/russian-state-library"),
])
def test_abbreviations(gazetteer: Gazetteer, text: str, lang: str, surface: str, iri: str) -> None:
    assert (surface, iri) in resolved(gazetteer, text, lang)


def test_abbreviation_must_be_written_in_capitals(gazetteer: Gazetteer) -> None:
    # "ргб" in lower case is not the abbreviation of the Russian State Library
    assert "ргб" not in found(gazetteer, "слово ргб здесь", "ru")


def test_longest_match_wins_over_the_place_inside(gazetteer: Gazetteer) -> None:
    text = "Кеше біз Омбы облыстық ғылыми кітапханасында болдық."
    assert resolved(gazetteer, text, "kk") == [
        ("Омбы облыстық ғылыми кітапханасында", "library/omsk-regional-scientific-library")]
    # the place inside the name is still a candidate, for the caller to layer
    assert "place/omsk" in found(gazetteer, text, "kk")["Омбы"]


def test_kazakh_adjective_is_not_the_country(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Ресейлік әріптестер келді.", "kk") == {}
    assert found(gazetteer, "Қазақстандық әріптестер келді.", "kk") == {}


def test_country_names_themselves_match(gazetteer: Gazetteer) -> None:
    assert resolved(gazetteer, "Ресей мен Қазақстан", "kk") == [("Ресей", "place/russia"),
                                                                ("Қазақстан", "place/kazakhstan")]
    assert resolved(gazetteer, "Libraries of Russia and Kazakhstan.", "en") == [
        ("Russia", "place/russia"), ("Kazakhstan", "place/kazakhstan")]


@pytest.mark.parametrize("word", ["Kazakhstani", "Russian"])
def test_english_adjective_is_not_the_country(gazetteer: Gazetteer, word: str) -> None:
    assert found(gazetteer, f"{word} librarians met.", "en") == {}


def test_russian_adjective_is_not_the_country(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Российские библиотекари приехали.", "ru") == {}


def test_adjective_parting_from_the_name_at_its_s_is_not_the_country(gazetteer: Gazetteer) -> None:
    # "Киргизская" shares "Кыргызс" with "Кыргызстан", then goes on as an adjective, not a case
    assert found(gazetteer, "Киргизская хрестоматия вышла в 1880 году.", "ru") == {}
    assert found(gazetteer, "Узбекская делегация приехала.", "ru") == {}
    assert resolved(gazetteer, "Гости из Кыргызстана и Республики Беларусь.", "ru") == [
        ("Кыргызстана", "place/kyrgyzstan"), ("Республики Беларусь", "place/belarus")]
    assert found(gazetteer, "Киргизы и казахи — соседи.", "ru") == {}  # the people, not the country


@pytest.mark.parametrize(("text", "lang", "surface", "iri"), [
    ("Делегация Томскіде болды.", "kk", "Томскіде", "place/tomsk"),
    ("Семинар прошёл в Томске.", "ru", "Томске", "place/tomsk"),
    ("Библиотеки Томской области", "ru", "Томской области", "place/tomsk-region"),
    ("The seminar took place in Tomsk.", "en", "Tomsk", "place/tomsk"),
    ("Жиын Қарағандыда өтті.", "kk", "Қарағандыда", "place/karaganda"),
    ("Kokshetau librarians came.", "en", "Kokshetau", "place/kokshetau"),
    ("Өзбекстаннан қонақтар келді.", "kk", "Өзбекстаннан", "place/uzbekistan"),
])
def test_places_beyond_the_border_belt(gazetteer: Gazetteer, text: str, lang: str, surface: str, iri: str) -> None:
    assert iri in found(gazetteer, text, lang).get(surface, set())


@pytest.mark.parametrize(("text", "lang", "surface", "iri"), [
    ("Конференция «Поволжье и Казахстан»", "ru", "Поволжье", "place/volga-region"),
    ("краеведы Притоболья", "ru", "Притоболья", "place/tobol-region"),
    ("Ертіс өңірінің тарихы", "kk", "Ертіс өңірінің", "place/irtysh-region"),
    ("документы Тургайской области", "ru", "Тургайской области", "place/turgay-region"),
    ("the archive of the Bukey Horde", "en", "Bukey Horde", "place/bukey-horde"),
    ("a talk on Zhangir Khan", "en", "Zhangir Khan", "person/zhangir-khan"),
    ("переводы Абая на русский язык", "ru", "Абая", "person/abai-kunanbayev"),
    # towns of the border districts, in both countries' spellings
    ("телемост между школьниками Петухово и Мамлютки", "ru", "Мамлютки", "place/mamlyutka"),
    ("Мамлют қаласының оқушылары", "kk", "Мамлют", "place/mamlyutka"),
    ("Хромтау мен Соль-Илецк арасындағы жол", "kk", "Соль-Илецк", "place/sol-iletsk"),
    ("Қандыағашта кітап көрмесі ашылды", "kk", "Қандыағашта", "place/kandyagash"),
    # known works, by their whole quoted title
    ("Оқырмандар «Ботагөз» романын талқылады.", "kk", "Ботагөз", "work/botagoz"),
    ("Вечер был посвящён роману «Кочевники».", "ru", "Кочевники", "work/the-nomads"),
    ("Читатели вспомнили «Капитанскую дочку».", "ru", "Капитанскую дочку", "work/the-captains-daughter"),
    ("They read from “The House of the Dead!” aloud.", "en", "The House of the Dead", "work/the-house-of-the-dead"),
    ("Жас ақындар «Мен – қазақпын» поэмасын оқыды.", "kk", "Мен – қазақпын", "work/i-am-a-kazakh"),
])
def test_regions_figures_and_works_of_the_borderland(gazetteer: Gazetteer, text: str, lang: str, surface: str,
                                               iri: str) -> None:
    assert iri in found(gazetteer, text, lang).get(surface, set())


def test_a_four_letter_name_in_i_keeps_its_other_letters(gazetteer: Gazetteer) -> None:
    # "Абая" is Абай's genitive; "Дела", "Делу" are no case of Дели, which does not decline
    assert found(gazetteer, "Дела у библиотеки идут хорошо. Делу время.", "ru") == {}


@pytest.mark.parametrize("text", [
    "2016 жылғы 20 қазанда кітапхана фойесінде көрме ашылды.",  # қазан is October, not Kazan
    "Кітапхана оқырмандары жиналды.",  # a library is not China (Қытай)
])
def test_common_kazakh_words_are_no_places(gazetteer: Gazetteer, text: str) -> None:
    assert found(gazetteer, text, "kk") == {}


def test_lowercase_single_word_is_a_common_noun(gazetteer: Gazetteer) -> None:
    # "орал" would fold like the city Орал; a lower-case single word is never taken as a name
    assert found(gazetteer, "ол кітапты орал деп атады", "kk") == {}


def test_word_ok_tolerance_depends_on_the_language() -> None:
    assert word_ok(fold("Қостанай"), fold("Қостанайдағы"), "kk") == (True, False)
    assert word_ok(fold("Kostanay"), fold("Kostanai"), "en") == (True, True)
    # four letters of Kazakh suffixes are too many for an English word
    assert word_ok(fold("Omsk"), fold("Omskdagy"), "en") == (False, False)
    assert word_ok(fold("Омск"), fold("Омске"), "ru") == (True, False)


@pytest.mark.parametrize(("name", "word"), [("Оренбург", "Оренбуржцы"), ("Курган", "Курганцы"),
                                          ("Павлодар", "Павлодарцев"), ("Кемерово", "Кемеровчане")])
def test_the_people_of_a_town_are_no_case_of_its_name(name: str, word: str) -> None:
    assert word_ok(fold(name), fold(word), "ru") == (False, False)
    assert word_ok(fold(name), fold(name + "е" if not name.endswith("о") else name), "ru")[0]


@pytest.mark.parametrize(("name", "word"), [("Уральск", "Уралом"), ("Уральск", "Урала"), ("Томск", "Томи")])
def test_a_town_in_sk_keeps_it_in_every_case(name: str, word: str) -> None:
    assert word_ok(fold(name), fold(word), "ru") == (False, False)
    assert word_ok(fold(name), fold(name[:-1] + "ке" if name.endswith("к") else name), "ru")[0]


@pytest.mark.parametrize(("sentence", "surface", "iri"), [
    ("Кездесуге ТМД-ға мүше елдердің өкілдері келді.", "ТМД-ға", "organization/cis"),
    ("Құжат ТМД-ның барлық елдеріне жіберілді.", "ТМД-ның", "organization/cis"),
    ("Бағдарлама ЮНЕСКО-ның қолдауымен өтті.", "ЮНЕСКО-ның", "organization/unesco"),
])
def test_kazakh_case_ending_after_a_hyphen_on_a_short_name(gazetteer: Gazetteer, sentence: str, surface: str,
                                                           iri: str) -> None:
    assert iri in found(gazetteer, sentence, "kk").get(surface, set())


@pytest.mark.parametrize(("sentence", "lang"), [
    ("ТМД-лық ынтымақтастық дамиды.", "kk"),   # an adjective ending, not a case
    ("ТМД-ға мүше елдер.", "ru"),             # Kazakh endings are only read in Kazakh text
    ("ТМДға мүше елдер.", "kk"),              # without the hyphen a three-letter name takes no ending
])
def test_no_hyphenated_case_where_there_is_none(gazetteer: Gazetteer, sentence: str, lang: str) -> None:
    assert not any(s.startswith("ТМД") for s in found(gazetteer, sentence, lang))


@pytest.mark.parametrize(("sentence", "lang", "surface", "iri"), [
    ("Шығыс Қазақстан облыстық кітапханасы көрме ашты.", "kk", "Шығыс Қазақстан", "place/east-kazakhstan-region"),
    ("The North Kazakhstan regional library opened a hall.", "en", "North Kazakhstan", "place/north-kazakhstan-region"),
    ("Батыс Қазақстан кітапханашылары келді.", "kk", "Батыс Қазақстан", "place/west-kazakhstan-region"),
])
def test_a_region_by_its_short_name(gazetteer: Gazetteer, sentence: str, lang: str, surface: str, iri: str) -> None:
    """People name the three Kazakh regions called after a direction without the word "region",
    most often inside a library's name: the region is still a mention there (it says where)."""
    assert iri in found(gazetteer, sentence, lang).get(surface, set())


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Directors from the Astrakhan, Kurgan, Novosibirsk and Chelyabinsk regions came.", "en",
     [("Astrakhan", "place/astrakhan-region"), ("Kurgan", "place/kurgan-region"),
      ("Novosibirsk", "place/novosibirsk-region"), ("Chelyabinsk regions", "place/chelyabinsk-region")]),
    ("Приехали гости из Курганской, Новосибирской и Челябинской областей.", "ru",
     [("Курганской", "place/kurgan-region"), ("Новосибирской", "place/novosibirsk-region"),
      ("Челябинской областей", "place/chelyabinsk-region")]),
    ("Қорған, Новосібір және Челябі облыстарының басшылары келді.", "kk",
     [("Қорған", "place/kurgan-region"), ("Новосібір", "place/novosibirsk-region"),
      ("Челябі облыстарының", "place/chelyabinsk-region")]),
])
def test_names_listed_before_a_plural_region_word_are_regions(gazetteer: Gazetteer, text: str, lang: str,
                                                              expected: list[tuple[str, str]]) -> None:
    """The region word is written once, after the last name of the list; every name is a region."""
    assert resolved(gazetteer, text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a singular region word closes no list: the city before it stays a city
    ("He went to Kurgan, Chelyabinsk region and Omsk.",
     [("Kurgan", "place/kurgan"), ("Chelyabinsk region", "place/chelyabinsk-region"), ("Omsk", "place/omsk")]),
    # no region word at all
    ("Readers of Omsk, Kurgan and Pavlodar met online.",
     [("Omsk", "place/omsk"), ("Kurgan", "place/kurgan"), ("Pavlodar", "place/pavlodar")]),
    # the list ends at a word that is not a name: "Omsk" is not part of it
    ("Omsk hosted guests from the Kurgan and Chelyabinsk regions.",
     [("Omsk", "place/omsk"), ("Kurgan", "place/kurgan-region"), ("Chelyabinsk regions", "place/chelyabinsk-region")]),
])
def test_cities_outside_a_list_of_regions_stay_cities(gazetteer: Gazetteer, text: str,
                                                     expected: list[tuple[str, str]]) -> None:
    assert resolved(gazetteer, text, "en") == expected


@pytest.mark.parametrize(("text", "lang", "surface", "iri"), [
    ("Guests from the Eastern-Kazakhstani regional library came.", "en", "Eastern-Kazakhstani",
     "place/east-kazakhstan-region"),
    ("The North-Kazakhstani library hosted them.", "en", "North-Kazakhstani", "place/north-kazakhstan-region"),
    ("Гости из Западно-Казахстанской библиотеки приехали.", "ru", "Западно-Казахстанской",
     "place/west-kazakhstan-region"),
])
def test_a_region_named_by_its_adjective_inside_a_library_name(gazetteer: Gazetteer, text: str, lang: str,
                                                               surface: str, iri: str) -> None:
    """Library names call the region by an adjective ("Eastern-Kazakhstani regional library",
    "Западно-Казахстанская библиотека"); the region is mentioned all the same."""
    assert iri in found(gazetteer, text, lang).get(surface, set())


def test_the_country_adjective_alone_is_still_not_a_region(gazetteer: Gazetteer) -> None:
    assert "Kazakhstani" not in found(gazetteer, "The Kazakhstani guests came.", "en")


@pytest.mark.parametrize(("text", "lang", "surface", "iri"), [
    ("Он ездил в Курган, Челябинскую область и Омск.", "ru", "Курган", "place/kurgan"),  # singular: no list
    ("Гости из Омска, Новосибирской и Кемеровской областей.", "ru", "Омска", "place/omsk"),  # a noun, not an adjective
    ("He went to Kurgan, Chelyabinsk region's capital.", "en", "Kurgan", "place/kurgan"),  # a possessive
    ("Делегация Қорған, Челябі облыс әкімдігінен келді.", "kk", "Қорған", "place/kurgan"),  # singular
])
def test_a_city_before_a_region_word_that_closes_no_list_stays_a_city(gazetteer: Gazetteer, text: str, lang: str,
                                                                     surface: str, iri: str) -> None:
    assert (surface, iri) in resolved(gazetteer, text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Libraries of Central and Middle Asia met.", "en",
     [("Central", "place/central-asia"), ("Middle Asia", "place/middle-asia")]),
    ("Библиотеки Центральной и Средней Азии встретились.", "ru",
     [("Центральной", "place/central-asia"), ("Средней Азии", "place/middle-asia")]),
    ("Орталық және Орта Азияның кітапханалары кездесті.", "kk",
     [("Орталық", "place/central-asia"), ("Орта Азияның", "place/middle-asia")]),
    # the paired word and the shared words must make one known place: Omsk is Omsk
    ("Guests from Omsk and East Kazakhstan came.", "en",
     [("Omsk", "place/omsk"), ("East Kazakhstan", "place/east-kazakhstan-region")]),
    # an unknown pairing names nothing more
    ("Readers of Western and Middle Asia met.", "en", [("Middle Asia", "place/middle-asia")]),
])
def test_two_places_sharing_their_last_words(gazetteer: Gazetteer, text: str, lang: str,
                                             expected: list[tuple[str, str]]) -> None:
    """"Central and Middle Asia" writes "Asia" once for two regions; both are mentioned."""
    assert resolved(gazetteer, text, lang) == expected


@pytest.mark.parametrize(("text", "surface", "iri"), [
    ("Библиотеки Средней Азии", "Средней Азии", "place/middle-asia"),
    ("по всей Азии", "Азии", "place/asia"),
    ("в Азию", "Азию", "place/asia"),
])
def test_a_short_russian_name_whose_last_vowel_changes(gazetteer: Gazetteer, text: str, surface: str,
                                                       iri: str) -> None:
    """"Азия" becomes "Азии", "Азию": they share three letters only, where longer names share four."""
    assert iri in found(gazetteer, text, "ru").get(surface, set())


def test_a_short_name_followed_by_a_consonant_is_another_word(gazetteer: Gazetteer) -> None:
    assert "Азиз" not in found(gazetteer, "Пришёл Азиз Азиев.", "ru")


def test_a_word_cut_short_is_not_a_case_of_a_name(gazetteer: Gazetteer) -> None:
    """The Kazakh "Шара" (an event) folds to the first letters of "Саратов"; a name is never written
    shorter than itself by more than the one letter a case changes."""
    assert "Шара" not in found(gazetteer, "Шара Ресей мен Қазақстан кітапханаларын біріктірді.", "kk")
    assert "Шараның" not in found(gazetteer, "Шараның мақсаты айтылды.", "kk")
    assert "place/saratov" in found(gazetteer, "Саратовтан қонақтар келді.", "kk").get("Саратовтан", set())


@pytest.mark.parametrize(("text", "lang"), [
    ("Ботагөз кітапханаға келді.", "kk"),  # a woman's name
    ("Кочевники пришли в степь весной.", "ru"),  # the word, not the novel
    ("Война и мир вокруг нас.", "ru"),
    ("«Война и мир вокруг нас» — так назывался доклад.", "ru"),  # a longer title holding the words
])
def test_a_works_title_outside_quotation_marks_is_no_work(gazetteer: Gazetteer, text: str, lang: str) -> None:
    assert not any(m.entry.kind == "work" for m in gazetteer.find(text, lang))


@pytest.mark.parametrize(("name", "word", "ok"), [
    ("Бийск", "Бішкекте", False),     # after a consonant no ending starts with а/е/о/у
    ("Павлодар", "Павлодарға", True),
    ("Бийск", "Бийскте", True),
    ("Атбасар", "Атбасары", True),    # the possessive -ы/-і follows a consonant
    ("Ақтөбе", "Ақтөбеде", True),
])
def test_a_kazakh_ending_after_a_consonant_starts_as_kazakh_endings_do(name: str, word: str, ok: bool) -> None:
    assert word_ok(fold(name), fold(word), "kk")[0] is ok


def test_a_capital_is_not_read_as_a_town_that_shares_its_first_letters(gazetteer: Gazetteer) -> None:
    """The towns added to the authority file must not take other places' names: "Бішкекте" (in
    Bishkek) was read as Biysk once Бийск was listed."""
    assert found(gazetteer, "Келесі кездесу Бішкекте өтеді.", "kk") == {"Бішкекте": {"place/bishkek"}}
    assert found(gazetteer, "Делегация приехала из Куртамыша и Аркалыка.", "ru") == {
        "Куртамыша": {"place/kurtamysh"}, "Аркалыка": {"place/arkalyk"}}


@pytest.mark.parametrize(("name", "word", "ok"), [
    ("Тараз", "Тараптар", False),     # "the parties": з never becomes п
    ("Талғар", "Талғат", False),      # a man's name
    ("Барнаул", "Барнауылдан", True),  # the Kazakh spelling inserts ы
    ("Кош-Агач", "Көшағаш", True),    # a Russian ч written ш
])
def test_a_names_last_consonant_changes_only_as_kazakh_changes_it(name: str, word: str, ok: bool) -> None:
    assert word_ok(fold(name), fold(word), "kk")[0] is ok


@pytest.mark.parametrize(("name", "word", "ok"), [
    ("Казань", "Казахская", False),   # a name ending in a consonant keeps it in every Russian case
    ("Воронеж", "Воронов", False),
    ("Казань", "Казани", True),
    ("Омск", "Омска", True),
    ("Москва", "Москве", True),       # a name ending in a vowel changes it
])
def test_a_russian_name_ending_in_a_consonant_keeps_it(name: str, word: str, ok: bool) -> None:
    assert word_ok(fold(name), fold(word), "ru")[0] is ok


@pytest.mark.parametrize("text", ["В 2024 году в Алтайском крае прошли Дни книги.", "Гости приехали к нам из Алтайского края.",
                                  "Делегация встретилась с Алтайским краем."])
def test_a_krai_in_every_case_is_the_krai(gazetteer: Gazetteer, text: str) -> None:
    """"в Алтайском крае" was missed and "в Красноярском крае" read as the city: "край" is "крае",
    "краю", "краем" in the cases."""
    assert "place/altai-krai" in {iri for hits in found(gazetteer, text, "ru").values() for iri in hits}


def test_a_hyphenated_russian_name_declines_its_first_part(gazetteer: Gazetteer) -> None:
    text = "В 2024 году в Ростове-на-Дону прошла встреча, а делегация из Ростова-на-Дону посетила Уральск."
    hits = found(gazetteer, text, "ru")
    assert "place/rostov-on-don" in hits["Ростове-на-Дону"] and "place/rostov-on-don" in hits["Ростова-на-Дону"]


def test_a_three_letter_name_takes_only_case_endings(gazetteer: Gazetteer) -> None:
    assert "Уфалы" not in found(gazetteer, "Уфалы жігіт келді.", "kk")  # "-лы" makes an adjective, no case


@pytest.mark.parametrize("lang, text, places", [
    ("ru", "Маршрут Омск–Павлодар открыт.", ["place/omsk", "place/pavlodar"]),
    ("kk", "«Көршілер» атты Омбы–Павлодар бейнекөпірі өтті.", ["place/omsk", "place/pavlodar"]),
    ("ru", "Гости приехали из Усть-Каменогорска.", ["place/oskemen"]),  # one hyphenated name stays one
])
def test_two_towns_joined_by_a_dash_without_spaces_are_two_places(extractor, lang: str, text: str,
                                                                  places: list[str]) -> None:
    from extraction_support import extract

    r = extract(extractor, f"dash.{lang}.txt", text + "\n")
    assert [m.iri.rsplit("/id/", 1)[1] for m in sorted(r.mentions, key=lambda m: m.start) if m.kind == "place"] == places
