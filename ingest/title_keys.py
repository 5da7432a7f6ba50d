"""What a document's title says, in words of no language: one work whatever language names it.

"The Conception of formation of informational-library space on the basis of the frontier
libraries of the states-participants of the CIS", "Концепция формирования
информационно-библиотечного пространства на базе приграничных библиотек государств-участников
СНГ" and "ТМД-ға қатысушы мемлекеттердің шекаралас кітапханалары базасында
ақпараттық-кітапханалық кеңістікті қалыптастыру Тұжырымдамасы" share no word the linker can
compare, yet they say the same things: a conception, of forming, information, library, space,
frontier, participant states, the CIS. A title's *key* is that: its genre (the document class
its head noun names), the concepts of a small lexicon of our field's words in kk, ru and en that
its words stem from, the authority entities named inside it, and its years.

A work gets its IRI from the key when the key is the whole title and says enough: every word of
the title is a concept's, a function word, a number or part of a name the authority file knows,
and there are :data:`MIN_PARTS` parts besides the genre. Then the same document gets one IRI in
every language and every document, without a store lookup: extraction stays a function of the
text and the authority file. A title with a word the lexicon does not know ("the Agreement on the
*termination* of …"), and a short or vague one ("the Agreement on cooperation"), keep the IRI of
their own words: two documents must never become one because the key could not see what tells
them apart. Years keep documents of different periods apart (a plan for 2012 and one for
2012–2014).

The lexicon is of the subject, not of any one text: words a title about library co-operation
across a border is made of. A stem matches words of its own script only (the English "state" is
not the Russian "статей") and with an ending of a few letters at most ("Commonwealth" is not
"common").
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from .keys import fold, slugify, strip_kk_case
from .tokens import tokenize

# concept -> stems (any script; folded below). A word belongs to a concept when its folded form
# starts with one of the stems of its own script, with at most a few letters of ending. Kazakh
# stems stop before a final қ/к that turns into ғ/г before an ending (ынтымақтастық, ынтымақтастығы).
CONCEPTS: dict[str, tuple[str, ...]] = {
    # genres: the head of a title, or a document a title speaks of ("Plan … of the Conception …")
    "agreement": ("agreement", "соглашени", "договор", "келісім"),
    "conception": ("conception", "concept", "концепци", "тұжырымдама"),
    "plan": ("plan", "план", "жоспар"),
    "report": ("report", "доклад", "отчет", "отчёт", "баяндама"),
    "protocol": ("protocol", "протокол", "хаттама"),
    "decision": ("decision", "resolution", "решени", "постановлени", "шешім", "қаулы"),
    "programme": ("programme", "program", "программ", "бағдарлама"),
    "convention": ("convention", "конвенци", "конвенция"),
    "memorandum": ("memorandum", "меморандум"),
    "regulation": ("regulation", "statute", "положени", "ереже"),
    # what such documents are about
    "library": ("librar", "библиотек", "библиотечн", "кітапхана"),
    "frontier": ("frontier", "border", "boundar", "transborder", "пригранич", "погранич", "трансгранич",
                 "границ", "шекара", "шекарал"),
    "information": ("informat", "информаци", "ақпарат"),
    "space": ("space", "пространств", "кеңісті"),
    "cooperation": ("cooperat", "co-operat", "collaborat", "сотрудничеств", "взаимодействи", "ынтымақтасты"),
    "formation": ("formation", "forming", "формировани", "қалыптастыр"),
    "implementation": ("implement", "realization", "реализаци", "осуществлени", "выполнени", "асыру", "орындау"),
    "activity": ("activit", "measure", "мероприяти", "деятельност", "іс-шара"),
    "joint": ("joint", "совместн", "бірлескен"),
    "development": ("develop", "развити", "дамыту", "даму"),
    "participant": ("participant", "участник", "қатысушы"),
    "state": ("state", "государств", "мемлекет"),
    "project": ("project", "проект", "жоба"),
    "electronic": ("electronic", "электрон"),
    "resource": ("resource", "ресурс"),
    "exchange": ("exchange", "обмен", "алмасу"),
    "culture": ("cultur", "культур", "мәдени"),
    "literature": ("literatur", "литератур", "әдебиет"),
    "history": ("histor", "истори", "тарих"),
    "catalogue": ("catalog", "каталог"),
    "collection": ("collection", "коллекци", "жинақ", "жинағ"),
    "basis": ("basis", "базас", "негіз"),
    "unified": ("unified", "common", "shared", "единого", "единый", "единое", "единой", "бірыңғай", "общ", "ортақ"),
    # the Russian adjective with the country, as the English "Russian" already starts like "Russia":
    # "Русский культурный центр" and "орыс мәдени орталығы" say what "Russian Cultural Centre" says
    "russia": ("russia", "росси", "ресей", "русск", "орыс"),
    "kazakhstan": ("kazakhstan", "казахстан", "қазақстан"),
    # the Kazakhs are not Kazakhstan ("культура казахов России"); the adjective is a word of its own
    "kazakh": ("kazakh", "казахск", "қазақ"),
    # the other peoples whose centres and societies the libraries work with: "татарский культурный
    # центр", "татар мәдени орталығы" and "Tatar Cultural Centre" say one thing
    "tatar": ("tatar", "татар"),
    "bashkir": ("bashkir", "башкир", "башқұрт"),
    "ukrainian": ("ukrainian", "украин"),
    "german": ("german", "немецк", "неміс"),
    "uzbek": ("uzbek", "узбек", "өзбек"),
    "uyghur": ("uyghur", "uighur", "уйгур", "ұйғыр"),
    "korean": ("korean", "корейск", "корей"),
    "polish": ("polish", "польск", "поляк"),
    "chechen": ("chechen", "чеченск", "шешен"),
    "international": ("international", "международн", "халықаралы"),
    "regional": ("regional", "региональн", "областн", "облыстық", "өңірлік"),
    # what the titles of the libraries' own books and collections are made of
    "region": ("region", "област", "облыс", "өңір"),
    "one": ("one", "один", "одна", "одно", "бір"),
    "two": ("two", "два", "две", "двух", "екі"),
    "index": ("index", "указател", "көрсеткіш"),
    "bibliography": ("bibliograph", "библиограф"),
    "local-history": ("lore", "local", "краевед", "өлкетан"),  # "Local Lore", "Local History Museum"
    "memory": ("memory", "памят", "жады", "жад"),
    "heritage": ("heritage", "наслед", "мұра"),
    "friendship": ("friendship", "дружб", "достық", "достығ"),
    "people": ("people", "народ", "халық", "халқ"),
    # institutions: their kinds and what their names say of them (see ``institution_key``)
    "centre": ("centre", "center", "central", "центр", "орталығ", "орталық"),
    # libraries: the words of their level and kind (see ``library_key``)
    "universal": ("universal", "универсальн", "әмбебап"),
    "scientific": ("scientific", "научн", "ғылыми"),
    "children": ("children", "child", "детск", "детей", "балалар"),
    "youth": ("youth", "юношеск", "юношеств", "молодёжн", "молодежн", "жасөспірім", "жастар"),
    "city": ("city", "город", "қала"),
    "district": ("district", "районн", "аудан"),
    "system": ("system", "систем", "жүйе"),
    "centralized": ("centraliz", "centralis", "централизован", "орталықтандыр"),
    "university": ("universit", "университет"),
    "museum": ("museum", "музе", "мұражай"),
    "theatre": ("theatre", "theater", "театр"),
    "archive": ("archive", "архив", "мұрағат"),
    "national": ("national", "национальн", "ұлттық", "ұлттығ"),
    "pedagogical": ("pedagog", "педагог"),
    "literary": ("literary", "литературн", "әдеби"),
}
# The kinds of institution a name can end in, and the concept that names each
INSTITUTION_KINDS = ("centre", "university", "museum", "theatre", "archive")
# Abbreviations, matched whole.
WHOLE: dict[str, str] = {"rk": "kazakhstan", "рк": "kazakhstan", "қр": "kazakhstan", "rok": "kazakhstan",
                         "rf": "russia", "рф": "russia", "базе": "basis", "базы": "basis", "базой": "basis"}
# Words that begin like a concept's stem but mean something else.
NOT_CONCEPT = tuple(fold(w) for w in ("planet", "plane", "plant", "statement", "stated", "reporter", "репортаж",
                                       "докладчик", "spaceship", "проектир", "commonwealth"))
# Words a title is held together by, in the three languages: they say nothing of what it is about.
FUNCTION_WORDS = frozenset(fold(w) for w in """
    the a an of on in at for and or between about with its their
    year years period
    о об обо в во на по с со для между и или у при за год года году годы годов гг г
    туралы жөніндегі бойынша арасындағы арасында үшін және мен бен пен арналған жылға жылдарға жылы
    жылғы ж іске жүзеге
    named after им имени атындағы
    мук мбук мкук маук гу кгу кгкп
""".split())
COUNTRIES = frozenset({"russia", "kazakhstan"})
GENRE_OF_CLASS = {"Agreement": "agreement", "Concept": "conception", "Plan": "plan", "Report": "report",
                  "Publication": "publication", "DigitalCollection": "collection", None: "decision"}
# Books and collections are keyed by their title too, where it says enough; one made of two names
# or more and function words alone ("Pushkin and Kazakhstan", «Абай және Пушкин») says it by them.
NAMED_GENRES = frozenset({"publication", "collection"})
MIN_PARTS = 3  # concepts and names besides the genre (years come on top)
MAX_ENDING = {"latin": 5, "cyrillic": 9}  # letters after a stem: "implement|ation", "кітапхана|ларының"
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A year as a word of its own, bare or with the abbreviation of "year" ("2012г", "2012ж").
_YEAR_WORD = re.compile(r"(?:19|20)\d\d(?:г|гг|ж|жж|жыл|жылы|жылғы|жылға|жылдарға)?$", re.IGNORECASE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _script(word: str) -> str:
    return "cyrillic" if _CYRILLIC.search(word) else "latin"


def _folded(stem: str) -> list[str]:
    """A stem's folded forms as words starting with it fold: a final "t" before an "s" in the word
    folds with it to "c" (participants → participanc, reports → reporc)."""
    key = fold(stem)
    return [key, key[:-1] + "c"] if key.endswith("t") else [key]


_STEMS: dict[str, list[tuple[str, str]]] = {"latin": [], "cyrillic": []}
for _concept, _stems in CONCEPTS.items():
    for _stem in _stems:
        _STEMS[_script(_stem)] += [(k, _concept) for k in _folded(_stem)]
for _list in _STEMS.values():
    _list.sort(key=lambda x: -len(x[0]))
_WHOLE = {fold(w): c for w, c in WHOLE.items()}


def concept_of(word: str) -> str | None:
    """The concept one word (no hyphen) stems from, or None."""
    k = fold(word)
    if k in _WHOLE:
        return _WHOLE[k]
    if len(k) < 3 or k.startswith(NOT_CONCEPT):
        return None
    script = _script(word)
    for stem, concept in _STEMS[script]:
        if k.startswith(stem) and len(k) - len(stem) <= MAX_ENDING[script]:
            return concept
    return None


def _known(word: str) -> bool:
    """A word the key sees: a concept's, a function word, or a year ("2012", "2012г"). Other numbers
    are not: "Протокол № 2" and "№ 3", a date "12.05.2014", are different documents."""
    if word[0].isdigit():
        return _YEAR_WORD.match(word) is not None
    return fold(word) in FUNCTION_WORDS or concept_of(word) is not None


def _words(text: str) -> list[str]:
    """The words of ``text``; a hyphenated one as its parts ("информационно-библиотечного",
    "Ресей-Қазақстан"), or whole where none of its parts is known and the whole is ("іс-шаралар"):
    "Ресей-Қазақ" is not Russia alone."""
    out: list[str] = []
    for t in tokenize(text):
        parts = [part for part in t.text.split("-") if part]
        if len(parts) > 1 and not any(_known(p) for p in parts) and concept_of(t.text) is not None:
            out.append(t.text)
        else:
            out += parts
    return out


def concepts(text: str) -> set[str]:
    """The lexicon's concepts the words of ``text`` stem from."""
    return {c for w in _words(text) if (c := concept_of(w)) is not None}


def unknown_words(text: str) -> list[str]:
    """Words of ``text`` the key cannot see: neither a concept's, a function word nor a number
    (with its letters: "2012г", "15th")."""
    return [w for w in _words(text) if not _known(w)]


def years(text: str) -> set[str]:
    """Years written in a title, both ends of a range too ("2012-2014", "2012г.", "2012-жылға")."""
    return set(_YEAR.findall(text))


def title_key(title: str, cls: str | None, names: Iterable[tuple[int, int, str]] = (),
              countries: Iterable[tuple[int, int, str]] = ()) -> str | None:
    """The key of a document's title of class ``cls``, or None when the key would not be the whole
    title or would say too little to tell one document from another.

    ``names`` are the spans ``(start, end, IRI)`` in ``title`` of the authority entities it names,
    countries aside. A name counts once, as its entity: its own words are not read ("Commonwealth
    of Independent States" is the CIS, as "СНГ" is), except the countries a project's name is
    written with. ``countries`` are the spans of the countries it names ("Республики Казахстан",
    "Republic of Kazakhstan"): each counts as its country, as the words "Russian-Kazakhstani" do."""
    genre = GENRE_OF_CLASS.get(cls)
    if genre is None:
        return None  # periodicals are named by their own title, not by what it says
    spans, lands = sorted(names), sorted(countries)
    rest, pos = [], 0
    for start, end, _ in sorted(spans + lands):
        rest.append(title[pos:max(pos, start)])
        pos = max(pos, end)
    rest.append(title[pos:])
    words = " ".join(rest)
    if unknown_words(words):
        return None
    parts = concepts(words)
    for _, _, iri in lands:
        tail = iri.rstrip("/").rsplit("/", 1)[-1]
        parts.add(tail if tail in COUNTRIES else "=place/" + tail)
    for a, b, iri in spans:
        parts.add("=" + iri.rstrip("/").rsplit("/id/", 1)[-1])
        if "/id/project/" in iri:
            # "Ресей-Қазақстан «…» жобасы" holds the countries inside the project's name where "the
            # Russian-Kazakhstan project “…”" has them outside it; the word for project goes with it
            parts |= concepts(title[a:b]) & COUNTRIES
            parts.discard("project")
    parts.discard(genre)
    named = len(spans) + len(lands)
    if len(parts) < MIN_PARTS and not (genre in NAMED_GENRES and named >= 2 and named == len(parts)):
        return None  # years come on top: "Plan of activities for 2012-2014" says too little
    parts |= {"y" + y for y in years(title)}
    return genre + ":" + " ".join(sorted(parts))


def institution_key(name: str, names: Iterable[tuple[int, int, str]] = (),
                    countries: Iterable[tuple[int, int, str]] = ()) -> str | None:
    """The key of a new institution's name ("Омский областной казахский национально-культурный
    центр", "Омбы облыстық қазақ ұлттық-мәдени орталығы", "Omsk Regional Kazakh National-Cultural
    Centre"): its kind, the places it names and what the rest says, or None where a word is not
    the lexicon's or the name says too little. ``names`` should give a town and its region one
    IRI (the caller knows which region a town lies in: "Омбы облыстық" and "Омский областной")."""
    names, countries = list(names), list(countries)
    found = [c for c in INSTITUTION_KINDS if c in concepts(name)]
    if len(found) != 1 or not names and not countries:
        return None
    key = title_key(name, "Publication", names, countries)  # the same reading, under another genre
    if key is None:
        return None
    # the kind is the key's head; "regional" is said by the region itself ("Омский областной" is a
    # name of the Omsk region, "Omsk Regional" a town and a word)
    parts = [p for p in key.split(":", 1)[1].split() if p not in (found[0], "regional")]
    if len([p for p in parts if not p.startswith("=")]) < 2:
        return None  # "Omsk State University" says too little: which one?
    return f"{found[0]}:" + " ".join(parts)


# Words a library's name may or may not carry in another language ("Novosibirsk State Regional
# Scientific Library", "Новосибирская областная научная библиотека"): the place, the level and the
# namesake tell the library.
LIBRARY_OPTIONAL = frozenset({"universal", "scientific", "state", "regional", "city", "centre"})
# The namesake of a library: "им. Н. В. Гоголя", "named after N. V. Gogol", "Гоголь атындағы".
_NAMESAKE = (re.compile(r"\b(?:им\.|имени|named after|after)\s+(?P<who>[^,()«»\"]+?)\s*$"),
             re.compile(r"^\s*(?P<who>[^,()«»\"]+?)\s+атындағы\b"))


def library_key(name: str, names: Iterable[tuple[int, int, str]] = (),
                countries: Iterable[tuple[int, int, str]] = ()) -> str | None:
    """The key of a library the authority file does not know, the same in every language:
    "Карагандинской областной универсальной научной библиотеке им. Н. В. Гоголя", "Гоголь атындағы
    Қарағанды облыстық әмбебап ғылыми кітапханасы" and "Karaganda Regional Universal Scientific
    Library named after N. V. Gogol" are one library (its place, its level, its namesake). None
    where a word is not the lexicon's or no place is named. ``names`` should give the region for
    a regional library (the caller knows which region a town lies in)."""
    names = list(names)
    if "library" not in concepts(name) or not any("/id/place/" in iri for _, _, iri in names):
        return None
    spans = sorted(names + list(countries))
    namesake = None
    m = _NAMESAKE[0].search(name) or _NAMESAKE[1].search(name)
    if m is not None and not any(a < m.end("who") and m.start("who") < b for a, b, _ in spans):
        from .linking import initials_and_surname, surname_stem  # a person the authority does not know

        _, surname = initials_and_surname(strip_kk_case(m.group("who")))
        if surname is None:
            return None
        namesake = "=namesake:" + surname_stem(surname)  # initials are often left out ("Гоголь атындағы")
        spans = sorted(spans + [(m.start("who"), m.end("who"), "")])
    rest, pos = [], 0
    for start, end, _ in spans:
        rest.append(name[pos:max(pos, start)])
        pos = max(pos, end)
    rest.append(name[pos:])
    words = " ".join(rest)
    if unknown_words(words):
        return None
    parts = {c for c in concepts(words) if c not in LIBRARY_OPTIONAL} | {
        "=" + iri.rsplit("/id/", 1)[-1] for _, _, iri in names}
    if namesake:
        parts.add(namesake)
    parts.discard("library")
    parts |= {iri.rstrip("/").rsplit("/", 1)[-1] for _, _, iri in countries}
    return "library:" + " ".join(sorted(parts))


def library_slug(key: str) -> str:
    """A readable, stable slug for a library key: its places, its words, its namesake, then a hash."""
    parts = key.split(":", 1)[1].split()
    places = [p.rsplit("/", 1)[-1] for p in parts if p.startswith("=place/")]
    words = [p for p in parts if not p.startswith("=")]
    after = [p.split(":", 1)[-1].rsplit("/", 1)[-1] for p in parts if p.startswith("=") and not p.startswith("=place/")]
    digest = hashlib.sha1(f"library-key:{key}".encode()).hexdigest()[:8]
    return f"{slugify(' '.join([*places, *words, 'library', *after]), 60)}-{digest}"


def key_slug(key: str) -> str:
    """A readable, stable slug for a title key: genre and concepts, then a hash of the whole key."""
    genre, _, rest = key.partition(":")
    words = [p for p in rest.split() if not p.startswith(("=", "y"))]
    digest = hashlib.sha1(f"work-key:{key}".encode()).hexdigest()[:8]
    return f"{slugify(' '.join([genre, *words]), 60)}-{digest}"
