"""Interface strings of the HTML pages in Kazakh, Russian and English.

The interface language is chosen per request — ``?lang=``, then the ``lang`` cookie, then
``Accept-Language`` — and the same language heads the label fallback chain, so a reader of the
Kazakh interface sees Kazakh names wherever the graph has them.
"""
from __future__ import annotations

from graph_api.labels import parse_accept_language

LANGUAGES = ("kk", "ru", "en")
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
DEFAULT = "en"

STRINGS: dict[str, dict[str, str]] = {
    "site_title": {"kk": "Шекара: шекарадағы кездесулер графы", "ru": "Шекара: граф встреч на границах",
                   "en": "Shekara: a graph of meetings at the boundaries"},
    "tagline": {"kk": "Ресей мен Қазақстан кітапханаларының байланыстары", "ru": "Связи библиотек России и Казахстана",
                "en": "Links between the libraries of Russia and Kazakhstan"},
    "search": {"kk": "Іздеу", "ru": "Поиск", "en": "Search"},
    "search_placeholder": {"kk": "Атауы кез келген жазумен", "ru": "Название на любом письме",
                           "en": "A name in any script"},
    "results_for": {"kk": "Іздеу нәтижелері", "ru": "Результаты поиска", "en": "Search results"},
    "no_results": {"kk": "Ештеңе табылмады.", "ru": "Ничего не найдено.", "en": "Nothing found."},
    "home": {"kk": "Басты бет", "ru": "Главная", "en": "Home"},
    "sparql": {"kk": "SPARQL сұрауы", "ru": "SPARQL-запрос", "en": "SPARQL query"},
    "api_docs": {"kk": "API құжаттамасы", "ru": "Документация API", "en": "API documentation"},
    "graph_holds": {"kk": "Графта не бар", "ru": "Что содержит граф", "en": "What the graph holds"},
    "kind": {"kk": "Түрі", "ru": "Вид", "en": "Kind"},
    "total": {"kk": "Барлығы", "ru": "Всего", "en": "Total"},
    "map": {"kk": "Шекараның екі жағындағы кітапханалар", "ru": "Библиотеки по обе стороны границы",
            "en": "Libraries on both sides of the border"},
    "map_note": {"kk": "Сызықтар — шекара арқылы байланыстар.", "ru": "Линии — связи через границу.",
                 "en": "Lines are links across the border."},
    "no_map": {"kk": "Координаттары бар кітапхана жоқ.", "ru": "Нет библиотек с координатами.",
               "en": "No libraries with coordinates yet."},
    "timeline": {"kk": "Оқиғалар хронологиясы", "ru": "Хронология событий", "en": "Timeline of events"},
    "no_events": {"kk": "Күні белгілі оқиға жоқ.", "ru": "Нет событий с датой.", "en": "No dated events yet."},
    "names": {"kk": "Атаулары", "ru": "Названия", "en": "Names"},
    "language": {"kk": "Тіл", "ru": "Язык", "en": "Language"},
    "preferred": {"kk": "Негізгі", "ru": "Основное", "en": "Preferred"},
    "variant": {"kk": "Нұсқа", "ru": "Вариант", "en": "Variant"},
    "types": {"kk": "Кластары", "ru": "Классы", "en": "Types"},
    "facts": {"kk": "Деректер", "ru": "Сведения", "en": "Facts"},
    "links_out": {"kk": "Сілтемелер", "ru": "Связи", "en": "Links"},
    "links_in": {"kk": "Кері сілтемелер", "ru": "Обратные связи", "en": "Incoming links"},
    "across_border": {"kk": "Шекара арқылы", "ru": "Через границу", "en": "Across the border"},
    "no_across": {"kk": "Шекара арқылы байланыс табылмады.", "ru": "Связей через границу не найдено.",
                  "en": "No links across the border found."},
    "mentions": {"kk": "Аталымдар", "ru": "Упоминания", "en": "Mentions"},
    "documents": {"kk": "Құжаттар", "ru": "Документы", "en": "Documents"},
    "document": {"kk": "Құжат", "ru": "Документ", "en": "Document"},
    "translations": {"kk": "Аудармалары", "ru": "Переводы", "en": "Translations"},
    "entities": {"kk": "Аталған нысандар", "ru": "Упомянутые сущности", "en": "Entities mentioned"},
    "text": {"kk": "Мәтін", "ru": "Текст", "en": "Text"},
    "rdf": {"kk": "RDF деректері", "ru": "Данные RDF", "en": "RDF data"},
    "showing": {"kk": "Көрсетілгені", "ru": "Показаны", "en": "Showing"},
    "of": {"kk": "/", "ru": "из", "en": "of"},
    "next": {"kk": "Келесі", "ru": "Далее", "en": "Next"},
    "previous": {"kk": "Алдыңғы", "ru": "Назад", "en": "Previous"},
    "not_found": {"kk": "Табылмады", "ru": "Не найдено", "en": "Not found"},
    "not_found_text": {"kk": "Мұндай нысан графта жоқ.", "ru": "Такой сущности нет в графе.",
                       "en": "The graph holds no such entity."},
    "interface_language": {"kk": "Интерфейс тілі", "ru": "Язык интерфейса", "en": "Interface language"},
    "via_partnership": {"kk": "серіктестік", "ru": "партнёрство", "en": "partnership"},
    "via_project": {"kk": "ортақ жоба", "ru": "общий проект", "en": "shared project"},
    "via_event": {"kk": "ортақ оқиға", "ru": "общее событие", "en": "shared event"},
    "via_namesake": {"kk": "бір адамның есімі", "ru": "носят одно имя", "en": "namesakes"},
    "via_document": {"kk": "бір құжатта аталған", "ru": "упомянуты в одном документе",
                     "en": "mentioned in one document"},
    "country_RU": {"kk": "Ресей", "ru": "Россия", "en": "Russia"},
    "country_KZ": {"kk": "Қазақстан", "ru": "Казахстан", "en": "Kazakhstan"},
    "country_none": {"kk": "Елі белгісіз", "ru": "Страна не указана", "en": "Country unknown"},
    "kind_person": {"kk": "Тұлғалар", "ru": "Люди", "en": "People"},
    "kind_place": {"kk": "Орындар", "ru": "Места", "en": "Places"},
    "kind_library": {"kk": "Кітапханалар", "ru": "Библиотеки", "en": "Libraries"},
    "kind_organization": {"kk": "Ұйымдар", "ru": "Организации", "en": "Organizations"},
    "kind_event": {"kk": "Оқиғалар", "ru": "События", "en": "Events"},
    "kind_project": {"kk": "Жобалар", "ru": "Проекты", "en": "Projects"},
    "kind_work": {"kk": "Шығармалар", "ru": "Произведения", "en": "Works"},
    "kind_document": {"kk": "Құжаттар", "ru": "Документы", "en": "Documents"},
}

PROPERTY_NAMES: dict[str, dict[str, str]] = {
    "http://schema.org/location": {"kk": "орналасқан жері", "ru": "местонахождение", "en": "location"},
    "http://schema.org/containedInPlace": {"kk": "құрамында", "ru": "входит в", "en": "contained in"},
    "http://www.wikidata.org/prop/direct/P17": {"kk": "ел", "ru": "страна", "en": "country"},
    "http://www.wikidata.org/prop/direct/P138": {"kk": "кімнің атымен аталған", "ru": "назван в честь",
                                                 "en": "named after"},
    "http://www.wikidata.org/prop/direct/P710": {"kk": "қатысушы", "ru": "участник", "en": "participant"},
    "http://schema.org/memberOf": {"kk": "мүшесі", "ru": "член", "en": "member of"},
    "http://www.wikidata.org/prop/direct/P2652": {"kk": "серіктес", "ru": "партнёр", "en": "partner"},
    "http://schema.org/author": {"kk": "авторы", "ru": "автор", "en": "author"},
    "http://schema.org/isPartOf": {"kk": "жарияланған басылым", "ru": "опубликовано в", "en": "published in"},
    "http://schema.org/datePublished": {"kk": "жарияланған жылы", "ru": "дата публикации", "en": "date published"},
    "http://schema.org/dateCreated": {"kk": "қол қойылған күні", "ru": "дата подписания", "en": "date signed"},
    "http://schema.org/mentions": {"kk": "атайды", "ru": "упоминает", "en": "mentions"},
    "http://schema.org/startDate": {"kk": "басталған күні", "ru": "дата начала", "en": "start date"},
    "http://schema.org/endDate": {"kk": "аяқталған күні", "ru": "дата окончания", "en": "end date"},
    "http://schema.org/foundingDate": {"kk": "құрылған күні", "ru": "дата основания", "en": "founding date"},
    "http://schema.org/birthDate": {"kk": "туған күні", "ru": "дата рождения", "en": "birth date"},
    "http://schema.org/deathDate": {"kk": "қайтыс болған күні", "ru": "дата смерти", "en": "death date"},
    "http://www.w3.org/2003/01/geo/wgs84_pos#lat": {"kk": "ендік", "ru": "широта", "en": "latitude"},
    "http://www.w3.org/2003/01/geo/wgs84_pos#long": {"kk": "бойлық", "ru": "долгота", "en": "longitude"},
    "http://schema.org/translationOfWork": {"kk": "аударылған түпнұсқа", "ru": "перевод произведения",
                                            "en": "translation of"},
    "http://schema.org/workTranslation": {"kk": "аудармасы", "ru": "перевод", "en": "translation"},
    "http://www.w3.org/2002/07/owl#sameAs": {"kk": "сол нысан", "ru": "тот же объект", "en": "same as"},
}


def t(key: str, lang: str) -> str:
    """An interface string; the English one when a translation is missing, the key as a last resort."""
    entry = STRINGS.get(key)
    if not entry:
        return key
    return entry.get(lang) or entry.get(DEFAULT) or key


def property_name(iri: str, lang: str) -> str | None:
    entry = PROPERTY_NAMES.get(iri)
    return (entry.get(lang) or entry.get(DEFAULT)) if entry else None


def choose_language(query_lang: str | None, cookie_lang: str | None, accept_language: str | None) -> str:
    """``?lang=`` beats the cookie beats ``Accept-Language``; English when nothing fits."""
    for candidate in (query_lang, cookie_lang):
        if candidate and candidate.lower() in LANGUAGES:
            return candidate.lower()
    for tag in parse_accept_language(accept_language):
        primary = tag.split("-")[0]
        if primary in LANGUAGES:
            return primary
    return DEFAULT
