"""A person named in full, then by the surname alone; who wrote a work, by the words around its title;
which day an event was, when its sentence holds other years.

The sentences are written for these tests.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from extraction_support import BASE, extract
from ingest.extract import Extractor, Result
from ingest.vocab import SDO, XSD


def tail(iri: str) -> str:
    return iri.rsplit("/id/", 1)[-1]


def persons(r: Result) -> list[tuple[str, str]]:
    """(surface, IRI tail) of the person mentions, in text order."""
    text = r.document.text
    return [(text[m.start:m.end], tail(m.iri)) for m in sorted(r.mentions, key=lambda m: m.start) if m.kind == "person"]


def authors(r: Result) -> set[tuple[str, str]]:
    """(work title as written, author IRI tail) of the schema:author triples of works mentioned."""
    text = r.document.text
    titles = {m.iri: text[m.start:m.end] for m in r.mentions if m.kind == "work"}
    return {(titles[t.subject.value], tail(t.object.value)) for t in r.triples
            if t.predicate == SDO.author and t.subject.value in titles}


def start_dates(r: Result) -> dict[str, list[str]]:
    """Event IRI tail → its schema:startDate values."""
    out: dict[str, list[str]] = {}
    for t in r.triples:
        if t.predicate == SDO.startDate:
            out.setdefault(tail(t.subject.value), []).append(t.object.value)
    return out


# --- the surname alone -------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, later", [
    ("a.ru.txt", "Чокан Валиханов родился в 1835 году. Позже Валиханов писал очерки о Джунгарии.", "Валиханов"),
    ("a.en.txt", "Olzhas Suleimenov wrote poems. Later Suleimenov moved to Almaty.", "Suleimenov"),
    ("b.en.txt", "Olzhas Suleimenov spoke first. Suleimenov's early poems were read aloud.", "Suleimenov"),
    ("a.kk.txt", "Шоқан Уәлиханов 1835 жылы туған. Уәлихановтың еңбектері көп.", "Уәлихановтың"),
    ("c.ru.txt", "Иван Петров родился в Омске. Позже Петров переехал в Павлодар.", "Петров"),
])
def test_the_surname_alone_is_the_person_named_in_full(extractor: Extractor, name: str, text: str,
                                                       later: str) -> None:
    found = persons(extract(extractor, name, text))
    assert len(found) == 2, found
    (first, iri), (second, same) = found
    assert second == later and same == iri


@pytest.mark.parametrize("text", [
    "Мухтар Ауэзов писал романы. На вечере выступила Мадина Ауэзова.",   # another person, by her given name
    "Мухтар Ауэзов писал романы. Доклад сделал А. Ауэзов.",              # another person, by his initial
    "Мухтар Ауэзов писал романы. Вечер открыла директор Ауэзова.",       # a post before another form of it
])
def test_a_namesake_with_a_name_of_their_own_is_not_the_person(extractor: Extractor, text: str) -> None:
    found = persons(extract(extractor, "namesake.ru.txt", text))
    assert [iri for _, iri in found].count("person/mukhtar-auezov") == 1, found


def test_a_surname_in_a_longer_name_or_shared_by_two_is_nobody(extractor: Extractor) -> None:
    r = extract(extractor, "street.en.txt", "Olzhas Suleimenov spoke. The Suleimenov Street was renamed.")
    assert persons(r) == [("Olzhas Suleimenov", "person/olzhas-suleimenov")]
    r = extract(extractor, "two.en.txt", "Olzhas Suleimenov and Marat Suleimenov spoke. Suleimenov thanked the guests.")
    assert [s for s, _ in persons(r)] == ["Olzhas Suleimenov", "Marat Suleimenov"]


def test_a_word_opening_a_sentence_is_no_given_name(extractor: Extractor) -> None:
    """"Позже", "Later" before a surname made a person "Позже Валиханов" of their own."""
    for name, text in [("o.ru.txt", "Позже Валиханов писал очерки."), ("o.en.txt", "Later Suleimenov moved to Almaty.")]:
        assert not any(" " in s for s, _ in persons(extract(extractor, name, text)))
    # a given name the dictionary also knows as a word is still one
    assert persons(extract(extractor, "v.ru.txt", "Вера Петрова открыла выставку.")) == [
        ("Вера Петрова", "person/petrov-v")]


# --- authors ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, expected", [
    ("whose.en.txt", "The shelves hold books by Georgy Grebenshchikov, whose novel cycle \"The Churaevs\" tells of "
                     "settlers.", {("The Churaevs", "person/georgy-grebenshchikov")}),
    ("verses.ru.txt", "Среди книг был сборник стихов Магжана Жумабаева «Пророк».",
     {("Пророк", "person/magzhan-zhumabayev")}),
    ("compiled.en.txt", "The library sent the anthology \"Irtysh Chronicles\" compiled by Marat Saduakasov.",
     {("Irtysh Chronicles", "person/saduakasov-m")}),
    ("his.ru.txt", "Гости вспомнили писателя Алексея Югова. Его роман «Ратоборцы» вручили делегации.",
     {("Ратоборцы", "person/alexey-yugov")}),
    ("list.ru.txt", "Выставка посвящена Сабиту Муканову. На ней представлены его романы «Степные огни» и «Сырдарья».",
     {("Степные огни", "person/sabit-mukanov"), ("Сырдарья", "person/sabit-mukanov")}),
    ("first.en.txt", "Olzhas Suleimenov spoke. Suleimenov's first collection \"Argamaki\" appeared in 1961.",
     {("Argamaki", "person/olzhas-suleimenov")}),
    # talks: the speaker is the author of the talk's title
    ("spoke.en.txt", "On 5 June 2019 the round table \"Roads\" was held in Uralsk. T. N. Volkova, head of the local "
                     "history department of OOUNB, spoke on \"Pushkin in the Orenburg Governorate\". Marat Zhaksybaev, "
                     "professor at the West Kazakhstan University, presented the paper \"The Yaik Cossacks\".",
     {("Pushkin in the Orenburg Governorate", "person/volkov-t"), ("The Yaik Cossacks", "person/jaksibaev-m")}),
    ("talk-first.ru.txt", "12 мая 2015 года в Костанае прошёл литературный вечер «Певец Горькой линии». С докладом "
                          "«Иван Шухов и Южный Урал» выступила заведующая отделом краеведения ЧОУНБ Е. В. Горбунова.",
     {("Иван Шухов и Южный Урал", "person/gorbunov-e")}),
    ("theme.kk.txt", "Бас библиограф Н. П. Смирнова «Абайдың орыс әдебиетіне көзқарасы» тақырыбында баяндама жасады.",
     {("Абайдың орыс әдебиетіне көзқарасы", "person/smirnov-n")}),
])
def test_who_wrote_a_work(extractor: Extractor, name: str, text: str, expected: set) -> None:
    assert authors(extract(extractor, name, text)) == expected


@pytest.mark.parametrize("text", [
    # "его" is not a woman's, and the person two sentences back is not the one meant
    "Выступила директор Анна Петрова. Она рассказала о его романе «Ратоборцы».",
    "Гости вспомнили писателя Алексея Югова. Прозвучали стихи. Затем показали фильм. Его роман «Ратоборцы» вручили.",
])
def test_a_pronoun_that_cannot_be_the_persons_gives_no_author(extractor: Extractor, text: str) -> None:
    assert authors(extract(extractor, "pronoun.ru.txt", text)) == set()


def test_a_talk_first_needs_its_speaker_right_after_the_verb(extractor: Extractor) -> None:
    """The speaker of "С докладом «Y» выступила …" is in that clause, not the next sentence's person."""
    r = extract(extractor, "talk-next.ru.txt", "С докладом «Иван Шухов и Южный Урал» выступила заведующая отделом. "
                                               "Гостей приветствовала Е. В. Горбунова.")
    assert authors(r) == set()


def test_who_is_named_among_the_speakers_took_part(extractor: Extractor) -> None:
    r = extract(extractor, "speakers.kk.txt", "2020 жылғы 10 тамызда Петропавлда «Абай және Пушкин» конференциясы "
                                              "өтті.\n\nБаяндамашылар қатарында университет профессоры Қ. Ж. Омарова "
                                              "болды.")
    took_part = {tail(t.object.value) for t in r.triples if t.predicate.value.endswith("P710")}
    assert took_part == {"person/omarov-k"}


# --- the day of an event ---------------------------------------------------------------------

def test_a_year_in_the_events_own_title_is_no_date_beside_a_full_one(extractor: Extractor) -> None:
    r = extract(extractor, "title-year.en.txt", "On 5 June 2019 the library hosted the international round table "
                                                "\"Pushkin's Road to the Yaik: 1833–2019\".")
    assert list(start_dates(r).values()) == [["2019-06-05"]]


def test_a_persons_years_date_no_event(extractor: Extractor) -> None:
    r = extract(extractor, "life.ru.txt", "12 мая 2015 года в библиотеке подписали соглашение.\n\nВ тот же день "
                                          "прошёл литературный вечер «Певец Горькой линии», посвящённый творчеству "
                                          "Ивана Петровича Шухова (1906–1977).")
    assert list(start_dates(r).values()) == [["2015-05-12"]]


def test_the_same_day_is_the_last_events_not_a_day_retold(extractor: Extractor) -> None:
    r = extract(extractor, "same-day.en.txt", "On 5 June 2019 the round table \"Roads\" took place in Uralsk. The two "
                                              "libraries signed the agreement \"Common Space\" on 14 October 2010.\n\n"
                                              "On the same day the book exhibition \"Pushkin and the Steppe\" opened "
                                              "in the reading room.")
    dates = start_dates(r)
    assert sorted(dates) == ["event/exhibition-2019-uralsk", "event/round-table-2019-uralsk"]
    assert all(v == ["2019-06-05"] for v in dates.values())
    assert {t.object for t in r.triples if t.predicate == SDO.startDate} == {ox.Literal("2019-06-05", datatype=XSD.date)}


# --- programmes and lists of titles -------------------------------------------------------------

PROGRAMME_KK = (
    "«Шекаралас кітапханалар: ортақ кеңістік» халықаралық семинарының бағдарламасы\n\n"
    "Өтетін күні: 2019 жылғы 26 қыркүйек\n"
    "Өтетін орны: С. Мұқанов атындағы Солтүстік Қазақстан облыстық әмбебап ғылыми кітапханасы, Петропавл қ.\n\n"
    "09.30–10.00 – Қатысушыларды тіркеу. «Көршілес өңірлердің басылымдары» кітап көрмесімен танысу.\n\n"
    "10.20–12.30 – Баяндамалар:\n\n"
    "1. «Бірлескен электрондық кітапхана: 18 жылдың қорытындысы» – Әлия Қайратқызы Бекмағамбетова, ҚР Ұлттық "
    "кітапханасының директор орынбасары (Алматы қ.).\n\n"
    "2. «Өлкетанулық басылымдарды цифрландыру» – Т. В. Лагутина, А. С. Пушкин атындағы Омбы мемлекеттік облыстық "
    "ғылыми кітапханасының библиография бөлімінің меңгерушісі.\n\n"
    "13.30–15.00 – Дөңгелек үстел: «Меморандумның жобасын талқылау».\n")


def test_a_programmes_talks_are_works_of_their_speakers_who_take_part(extractor: Extractor) -> None:
    r = extract(extractor, "programme.kk.txt", PROGRAMME_KK)
    assert authors(r) == {("Бірлескен электрондық кітапхана: 18 жылдың қорытындысы", "person/bekmagambetov-a"),
                          ("Өлкетанулық басылымдарды цифрландыру", "person/lagutin-t")}
    seminar = BASE + "id/event/seminar-2019-petropavl"
    took_part = {tail(t.object.value) for t in r.triples
                 if t.predicate.value.endswith("P710") and t.subject.value == seminar}
    # the speakers (items apart by blank lines, numbered) and the bodies their posts name, not Pushkin
    assert {"person/bekmagambetov-a", "person/lagutin-t", "library/national-library-of-kazakhstan",
            "library/omsk-regional-scientific-library"} <= took_part
    assert "person/alexander-pushkin" not in took_part
    # held in the town of the venue line, not the region inside the library's name
    assert [tail(t.object.value) for t in r.triples
            if t.subject.value == seminar and t.predicate == SDO.location] == ["place/petropavl"]
    # the hours before a heading name no work; "Дөңгелек үстел: «…»" is a round table
    text = r.document.text
    assert not any("12.30" in text[m.start:m.end] for m in r.mentions)
    assert any(m.kind == "event" and "Меморандумның" in text[m.start:m.end] for m in r.mentions)


def test_a_list_of_books_title_first_gives_their_authors(extractor: Extractor) -> None:
    r = extract(extractor, "books.en.txt", "The guests brought the following books:\n"
                                           "- \"The Cossack line: essays of local history\" by N. A. Kudryavtseva "
                                           "(Orenburg, 2011);\n"
                                           "- \"Chronicle of a steppe city\" by Zh. K. Kassymbayev (Aktobe, 2015);\n"
                                           "- \"Steppe Libraries\" – Aktobe Regional Library (2016).\n")
    assert authors(r) == {("The Cossack line: essays of local history", "person/kudravcev-n"),
                          ("Chronicle of a steppe city", "person/kasimbaev-j")}


@pytest.mark.parametrize("name, text", [
    ("headline.ru.txt", "Итоги семинара «Книга без границ»\n\n15 апреля 2019 г. в Кургане состоялся семинар "
                        "библиотекарей России и Казахстана."),
    ("headline.en.txt", "The seminar \"Books without borders\" in Kurgan\n\nOn 15 April 2019 a seminar of librarians of "
                        "Russia and Kazakhstan took place in Kurgan."),
])
def test_the_headlines_titled_event_is_the_bodys_dated_one(extractor: Extractor, name: str, text: str) -> None:
    r = extract(extractor, name, text)
    assert {tail(m.iri) for m in r.mentions if m.kind == "event"} == {"event/seminar-2019-kurgan"}
    assert start_dates(r) == {"event/seminar-2019-kurgan": ["2019-04-15"]}


def test_a_headline_beside_two_dated_events_of_its_kind_stays_its_own(extractor: Extractor) -> None:
    r = extract(extractor, "two.ru.txt", "Итоги семинара «Книга без границ»\n\n15 апреля 2019 г. в Кургане состоялся "
                                         "семинар библиотекарей. 20 мая 2019 г. в Омске прошёл семинар краеведов.")
    events = {tail(m.iri) for m in r.mentions if m.kind == "event"}
    assert {"event/seminar-2019-kurgan", "event/seminar-2019-omsk"} < events and len(events) == 3


@pytest.mark.parametrize("name, text, surface", [
    ("concert.ru.txt", "12 сентября 2018 года в Омске прошёл гала-концерт «Ертіс – река дружбы».",
     "гала-концерт «Ертіс – река дружбы»"),
    ("concert.kk.txt", "2019 жылғы 5 маусымда Оралда концерт өтті.", "концерт"),
    ("day.en.txt", "On 21 February 2017 the library marked International Mother Language Day in Oskemen.",
     "International Mother Language Day"),
    ("day.ru.txt", "14 сентября 2018 года в Омске прошёл День казахской кухни.", "День казахской кухни"),
])
def test_concerts_and_named_days_are_events(extractor: Extractor, name: str, text: str, surface: str) -> None:
    r = extract(extractor, name, text)
    assert [text[m.start:m.end] for m in r.mentions if m.kind == "event"] == [surface]


@pytest.mark.parametrize("name, text", [
    ("day-start.ru.txt", "День выдался солнечным, и читатели пришли в библиотеку."),
    ("day-start.en.txt", "The Day began with a walk around Omsk."),
])
def test_a_day_that_names_no_occasion_is_no_event(extractor: Extractor, name: str, text: str) -> None:
    assert not [m for m in extract(extractor, name, text).mentions if m.kind == "event"]


@pytest.mark.parametrize("name, text, schools", [
    ("schools.kk.txt", "Бейнекөпірге Павлодар қаласындағы №9 мектеп-гимназияның және Барнауылдағы №53 орта мектептің "
                       "оқушылары қатысты.", ["№9 мектеп-гимназияның", "№53 орта мектептің"]),
    ("schools.en.txt", "Pupils of the Kulunda secondary school No. 1 and the school-gymnasium No. 9 of Pavlodar took "
                       "part.", ["Kulunda secondary school No. 1", "school-gymnasium No. 9"]),
    ("schools.ru.txt", "В видеомосте участвовали ученики средней школы № 5 г. Кургана и школы-гимназии № 9 Павлодара.",
     ["средней школы № 5", "школы-гимназии № 9"]),
])
def test_a_school_by_its_number_is_an_organisation(extractor: Extractor, name: str, text: str, schools: list) -> None:
    r = extract(extractor, name, text)
    assert [text[m.start:m.end] for m in r.mentions if m.kind == "organization"] == schools


@pytest.mark.parametrize("name, text, works", [
    # a publication, a scholar's work (a year in brackets between), stories in the Kazakh plural
    ("kinds.kk.txt", "Ол «Мұсылманшылықтың тұтқасы» (1884) еңбегінің тарихын айтты.", ["Мұсылманшылықтың тұтқасы"]),
    ("stories.kk.txt", "Оқушылар «Әке мен бала», «Бай баласы мен жарлы баласы» әңгімелерін сахналады.",
     ["Әке мен бала", "Бай баласы мен жарлы баласы"]),
    # the exhibition before the first title is not the second title's kind
    ("across.kk.txt", "Көрмеге «Абай: библиографиялық көрсеткіш» басылымы және «Ресей мен Қазақстан: ортақ тарих беттері» "
                      "электрондық топтамасы қойылды.",
     ["Абай: библиографиялық көрсеткіш", "Ресей мен Қазақстан: ортақ тарих беттері"]),
    # but a kind before a list of titles is each one's
    ("list.ru.txt", "На выставке представлены романы «Ботагоз» и «Сырдарья».", ["Ботагоз", "Сырдарья"]),
])
def test_quoted_titles_beside_a_kind_of_work(extractor: Extractor, name: str, text: str, works: list) -> None:
    r = extract(extractor, name, text)
    assert [text[m.start:m.end] for m in r.mentions if m.kind == "work"] == works
    assert not [m for m in r.mentions if m.kind == "event"]


def test_the_author_after_a_titles_by_is_a_person(extractor: Extractor) -> None:
    r = extract(extractor, "by.en.txt", "The pupils told about the story \"Timur and his team\" by Arkady Gaidar.")
    assert authors(r) == {("Timur and his team", "person/gaidar-a")}
    r = extract(extractor, "by-library.en.txt", "The report \"Libraries\" by Omsk Regional Library was read.")
    assert persons(r) == []


# --- mends from a review of these rules -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Олжас Сулейменов выступил с речью. На вечере выступил его сын Сулейменов.",   # kin: another person
    "Мухтар Ауэзов писал романы. Гостей приветствовал директор Ауэзов.",          # a post not a writer's
    "Мухтар Ауэзов писал романы. Среди гостей были супруги Ауэзовы.",             # a family
])
def test_kin_posts_and_families_are_not_the_person_named_in_full(extractor: Extractor, text: str) -> None:
    assert [s for s, _ in persons(extract(extractor, "kin.ru.txt", text))] == [text.split(" писал")[0].split(
        " выступил")[0]]


@pytest.mark.parametrize("name, text", [
    ("day-this.ru.txt", "В этот День библиотекари провели экскурсию."),
    ("day-whole.ru.txt", "Читатели провели в библиотеке весь День и уехали вечером."),
    ("day-camp.en.txt", "Pupils of the Friday Day Camp visited the library."),
    ("talks.kk.txt", "«Болашақ» еңбек жәрмеңкесі Павлодарда өтті."),
])
def test_no_event_or_work_of_ordinary_words(extractor: Extractor, name: str, text: str) -> None:
    r = extract(extractor, name, text)
    assert not [m for m in r.mentions if m.kind in ("event", "work")]


def test_a_named_days_words_stop_at_the_first_that_is_not_its_name(extractor: Extractor) -> None:
    text = "В Павлодаре прошёл День казахской кухни и ремёсел."
    r = extract(extractor, "day-full.ru.txt", text)
    assert [text[m.start:m.end] for m in r.mentions if m.kind == "event"] == ["День казахской кухни и ремёсел"]


def test_a_body_after_by_is_no_person(extractor: Extractor) -> None:
    for text in ["The project “Great Steppe” by Kazakh Library was shown.",
                 "- “Steppe Legends” by Almaty Publishing (Almaty, 2011)\n"]:
        assert persons(extract(extractor, "by-body.en.txt", text)) == []


@pytest.mark.parametrize("name, text, expected", [
    # the authority file's author stays the only one, whoever the text named last
    ("known.kk.txt", "Кеш барысында Мұхтар Әуезовтің шығармашылығы туралы кітапханашы Айгүл Серікова айтты. Оның "
                     "«Абай жолы» романы оқылды.", set()),
    # a person named in the possessive is not "his"
    ("possessive.en.txt", "Mukhtar Auezov met Abai's descendants. His novel \"Steppe Notes\" was read.",
     {("Steppe Notes", "person/mukhtar-auezov")}),
    # a title with a maker of its own after it is not the list's author's
    ("own-maker.ru.txt", "Выставка посвящена Ильясу Есенберлину. Его роман «Степные огни» и «Кыз Жибек» (фильм "
                         "Султана Ходжикова) показали зрителям.", {("Степные огни", "person/ilyas-esenberlin")}),
    # the speaker, not the namesake in her library's name
    ("namesake.ru.txt", "С докладом «Краеведческие фонды Прииртышья» выступила заведующая отделом библиотеки имени "
                        "Сабита Муканова Анна Петрова.", {("Краеведческие фонды Прииртышья", "person/petrov-a")}),
    # a list after an authority work shares the authority file's author
    ("after-known.ru.txt", "Выставка посвящена Сабиту Муканову. На ней представлены его романы «Ботагоз» и "
                           "«Сырдарья».", {("Сырдарья", "person/sabit-mukanov")}),
])
def test_authors_the_review_found_wrong(extractor: Extractor, name: str, text: str, expected: set) -> None:
    assert authors(extract(extractor, name, text)) == expected


def test_an_announcement_is_not_the_older_event_its_body_tells_of(extractor: Extractor) -> None:
    r = extract(extractor, "announce.ru.txt", "Семинар «Библиотека и краеведение» пройдёт в Павлодаре\n\nВ прошлом "
                                              "году, 15 апреля 2019 г., в Омске состоялся семинар для библиотекарей.")
    assert len({m.iri for m in r.mentions if m.kind == "event"}) == 2


def test_numbered_schools_of_two_documents_are_two(extractor: Extractor) -> None:
    a = extract(extractor, "school-a.ru.txt", "Ученики средней школы № 5 города Павлодара прочитали стихи.")
    b = extract(extractor, "school-b.ru.txt", "Ученики средней школы № 5 города Омска прочитали стихи.")
    (sa,) = {m.iri for m in a.mentions if m.kind == "organization"}
    (sb,) = {m.iri for m in b.mentions if m.kind == "organization"}
    assert sa != sb
