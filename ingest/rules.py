"""Rules for what recurs in this domain's writing, in Kazakh, Russian and English.

Each rule finds candidate mentions on the token stream: library names built around
"кітапхана / библиотека / library" with their namesake ("X атындағы", "им. X", "after X"),
persons written with initials, events and projects introduced by a keyword next to a quoted
title. Linking to the authority file happens later; rules only say what and where.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import kk_cases, morph
from .dates import is_month
from .relations import SPOKE_ON
from .gazetteer import KK_ADJECTIVE_TAILS
from .keys import fold, fold_all, strip_kk_case, token_match
from .language import KAZAKH_LETTERS, KAZAKH_LOWER
from .tokens import Tok, tokenize

# Word stems (folded keys) — a token "is" the word when its key starts with the stem.
LIBRARY_HEAD = ("kitaphan", "bibliotek", "library", "libraries", "rusl", "ounb", "ouonb")
LIBRARY_MOD = (
    "oblis", "oblast", "regional", "region", "kalalik", "gorodsk", "city", "audandik", "raion", "district",
    "memleket", "gosudarstv", "state", "ulttik", "nacional", "national", "ambebap", "universal", "gilimi",
    "naucn", "scientific", "science", "balalar", "detsk", "children", "ortalik", "centraln", "central",
    # (краевая, краевой …, not краеведения: "отдел краеведения Пушкинской библиотеки" is a department's)
    "kopsilik", "publicn", "public", "respublik", "republic", "akademi", "academic", "kraeva", "kraevo", "kraevu",
    "kraevi", "olkelik", "krai",
    "selsk", "rural", "auil", "kalalik", "main", "mass", "youth", "iunosh", "jastar", "the", "of",
    "jasospirim", "podrostk", "teen",  # "балалар мен жасөспірімдер кітапханасы", for children and teenagers
)
NAMESAKE_KK = ("atindagi",)
NAMESAKE_RU = ("im", "imeni")
NAMESAKE_EN = ("after", "named")
EVENT_WORDS = {
    "conference": ("konferenc", "conference"),
    "seminar-council": ("seminar-counc", "seminarkenes", "seminarsoves", "seminarscouncil", "seminarcouncil"),
    "seminar": ("seminar", "workshop", "masterklas", "masterclas", "seberlik",  # мастер-класс, шеберлік сыныбы
                "webinar", "vebinar"),  # вебинар, a seminar online
    "exhibition": ("exhibition", "vistavk", "korme", "fotokorme", "fotovistavk", "exposition", "ekspozic"),
    "telebridge": ("telemost", "telebridge", "beinekopir", "telekopir", "videomost", "videobridge",
                   "bridge", "kopir"),  # also written in two words: "video bridge", "бейне көпір"
    "book exchange": ("knigoobmen",),
    "festival": ("festival", "prazdnik"),  # a library's holiday: праздник «Книжная юрта»
    "marathon": ("marafon", "marathon"),  # a reading marathon: марафон, кітап оқу марафоны
    "forum": ("forum",),
    "meeting": ("vstrec", "meeting", "kezdesu"),
    "ceremony": ("ceremony", "ceremoni"),  # the Kazakh салтанат as whole forms (EVENT_FORMS)
    "competition": ("competition", "contest", "baikau", "viktorin", "quiz"),  # викторина, quiz
    "evening": ("evening",),  # a literary or musical evening; ru/kk forms are whole words (EVENT_FORMS)
    "readings": ("readings",),  # literary readings; ru/kk plural forms are whole words (EVENT_FORMS)
    "presentation": ("prezentaci", "presentation", "tusaukeser"),  # of a book: презентация, тұсаукесер
    "campaign": ("campaign",),  # a library's campaign ("акция «Книжный мост»"): ru/kk forms whole (EVENT_FORMS)
    "concert": ("koncert", "concert", "gala-koncert", "gala-concert"),  # концерт, гала-концерт
    "expedition": ("ekspedic", "expedition"),  # a book expedition: экспедиция, expedition
}
EVENT_CLASS = {"conference": "Conference", "seminar-council": "SeminarCouncil", "seminar": "Seminar",
               "exhibition": "Exhibition", "telebridge": "Telebridge", "book exchange": "BookExchange",
               "festival": "Festival", "forum": "Conference", "meeting": "Meeting", "ceremony": "Ceremony",
               "competition": "Event", "round table": "Meeting", "evening": "Event", "readings": "Event",
               "campaign": "Event", "presentation": "Event", "course": "Event", "quest": "Event",
               "marathon": "Event", "concert": "Event", "expedition": "Event"}
# A round table by its noun, whole words ("стол", not "столица"; "table" only as the event's kind)
ROUND_TABLE = frozenset(fold(w) for w in ("стол", "стола", "столе", "столом", "столу", "table", "үстел", "үстелі",
                                          "үстелде", "үстелге", "үстелдің", "үстелін"))
# Event words matched as whole forms: their stems open other words ("рәсімдеу", to format;
# "конкурсант", "конкурсная"). A round table is one only after "round" (see ``_round_table``).
EVENT_FORMS = {**{fold(w): "ceremony" for w in ("рәсім", "рәсімі", "рәсімінде", "рәсіміне", "рәсімін", "рәсімге",
                                                # not "салтанатты" (solemn, solemnly)
                                                "салтанат", "салтанаты", "салтанатында", "салтанатына")},
               **{fold(w): "competition" for w in ("конкурс", "конкурса", "конкурсе", "конкурсом", "конкурсу")},
               # "вечером" is "in the evening", "кеше" yesterday, "кешен" a complex: whole forms only
               **{fold(w): "evening" for w in ("вечер", "вечера", "вечере", "вечеру", "кеш", "кеші", "кешін",
                                               "кешіне", "кешінде", "кешке")},
               # readings only in the plural: the singular "чтение", "оқу" is reading or study itself
               **{fold(w): "readings" for w in ("чтения", "чтений", "чтениях", "чтениям", "чтениями", "оқулар",
                                                "оқулары", "оқуларға", "оқуларына", "оқуларында", "оқуларын",
                                                "оқуларының", "оқуларда", "оқуларынан")},
               # a training course ("курсы повышения квалификации", "біліктілікті арттыру курсы") and a
               # quest game (a library's "литературный квест"): whole forms, "course" not "courses of"
               **{fold(w): "course" for w in ("course", "курсы", "курсов", "курсах", "курса", "курсқа", "курсын",
                                              "курсына", "курсында")},
               **{fold(w): "quest" for w in ("quest", "квест", "квеста", "квесте", "квесті", "квестке", "квестіне",
                                             "квесть", "библиоквест", "библиоквеста", "библиоквесте")},
               # "акция" is also a share of stock: only as whole forms, and only beside a title
               **{fold(w): "campaign" for w in ("акция", "акцию", "акцией", "акциясы",  # not "акции" (shares)
                                                "акциясына", "акциясында", "акциясының")}}
# "чтения" is also the genitive of "чтение" (reading): without a title beside it, readings only as
# "Чтения", "онлайн-чтения" or after a plural adjective ("Пушкинские чтения", "литературные чтения")
AMBIGUOUS_READINGS = frozenset({fold("чтения")})
_PLURAL_ADJECTIVE = re.compile(r"(?:ые|ие)$")
# "онлайн-чтения", "онлайн-оқулар", "online readings": the kind after an online prefix
ONLINE_PREFIX = tuple(fold(w) for w in ("онлайн", "online"))
PROJECT_WORDS = ("project", "proekt", "joba", "programme", "program", "bagdarlam", "megajob", "megaproject")
WORK_WORDS = {
    "Periodical": ("journal", "jurnal", "almanah", "almanac", "gazet", "newspaper", "vestnik", "bulletin"),
    "Agreement": ("agreement", "soglasen", "dogovor", "kelisim", "protocol", "protokol", "hattam", "memorandum"),
    "Concept": ("concept", "koncepc", "tujirimdam"),
    "Plan": ("plan", "jospar"),
    # дәріс: a lecture given; "presented the paper “…”", "gave a talk “…”"
    "Report": ("report", "doklad", "baiandam", "daris", "paper", "talk", "lecture", "lekci"),
    # books, articles and the like; also the word "author" before a quoted title ("author of «…»")
    "Publication": ("book", "knig", "kitabi", "kitapt", "kitabin", "dictionary", "slovar", "sozdik", "novel", "roman",
                    "sbornik", "jinak", "jinag", "article", "statia", "stati", "statei", "makala", "monograph",
                    "monograf", "anthology", "antolog", "author", "avtor", "poem", "poema", "повест", "novella",
                    "хрестомат", "chrestomath", "энциклопед", "encyclopaed", "encycloped", "collection",
                    "коллекци", "әңгімесі", "эссе", "essay", "ролик", "бейнерол", "видеорол", "көрсеткіш", "указател", "index",
                    "дерекқор", "деректер", "database", "двухтомник", "трёхтомник", "трехтомник", "учебник", "оқулық", "оқулығ", "textbook", "handbook", "сказк",
                    "ертегі", "трилоги", "trilogy", "справочник", "анықтамалық", "анықтамалығ", "стихотворен",
                    "эпопе", "epic", "произведени", "шығарма",
                    "өлең", "story",
                    # a publication, an edition, a scholar's work, a (digital) collection, stories (kk plural:
                    # the singular stem also opens "әңгімеледі", talked)
                    # (only "his stories", "his works": the bare "әңгімелер өткізілді" are talks held,
                    # "еңбек жәрмеңкесі" a labour fair)
                    "басылым", "издани", "edition", "еңбег", "еңбектер", "топтама", "әңгімелері",
                    # a catalogue of a collection, a song on a poet's words
                    "каталог", "catalog", "песн", "song"),
}
# Genre words that end a book's own title ("Қазақ хрестоматиясы", "Киргизская хрестоматия", "Русский
# словарь"): the title names a book by them.
GENRE_LAST = ("хрестомат", "chrestomath", "словар", "сөздіг", "энциклопед", "антолог", "anthology",
              "encyclopedia", "dictionary")
# "spoke on", "talked about": what follows in quotes is the title of the talk
_SPOKE_ON = re.compile(rf"\b{SPOKE_ON}\s+[“\"]?$", re.IGNORECASE)
# "On the theme", "на тему", "тақырыбында": what follows in quotes is the title of a talk or paper.
THEME_WORDS = ("theme", "topic", "tema", "temu", "teme", "temi", "takirib", "takirip")
# Kinds of organisation written beside a quoted name (clubs, societies, publishers, museums …).
ORGANIZATION_WORDS = ("club", "klub", "society", "obsestv", "kogam", "association", "associac", "birlestik",
                      "birlestig", "obedinen", "union", "soiuz", "odak", "odag", "publisher", "publishing",
                      "izdatelstv", "baspa", "editorial", "redakc", "museum", "muzei", "murajai", "korik-murajai", "foundation",
                      "university", "universitet", "house", "school", "skol", "mektep", "mekteb",
                      # an organisation by that very word: "«Бірлік» ұйымы", "организация «…»"
                      "uim", "organizac", "organization", "organisation")
PUBLISHING = fold("publishing")
BOOK_KK = fold("кітап")
# The Kazakh "named" / "called" after a quoted title: "«Ұлы дала» атты жаңа кітап" writes the kind
# a word or two further on, past the modifiers.
NAMED_KK = (fold("атты"), fold("деген"), fold("атымен"))
# "клуб любителей книги «…»", "общество друзей книги": the club is named, not the book beside it
FRIENDS_OF = fold_all(("любител", "друз", "ценител", "почитател"))
# "электронная библиотека «…»", "«…» электрондық кітапханасы": a collection of texts, a work
ELECTRONIC = fold_all(("электрон", "electronic"))
KK_PARTICIPLE = ("gan", "gen", "kan", "ken", "etin", "atin", "itin")
# Endings that make an adjective or a verb of a kind of organisation (қоғамдық, общественный,
# клубный, университетский), not a case of it.
ORG_NOT_ENDINGS = ("dik", "tik", "lik", "en", "ni", "na", "no", "sk", "ed")
# ... while these case endings start the same way: қоғамның, баспаның, клубнан
ORG_CASE_ENDINGS = ("nin", "nan", "nen")

# Heads of other institutions named like libraries, stems as written (folded below): the kind stands
# last in Russian, Kazakh and English alike ("… мемлекеттік университеті", "… state university").
INSTITUTION_HEAD = ("университет", "university", "музе", "мұражай", "қорық-мұражай", "museum", "house-museum",
                    "дом-музе", "доме-музе", "дома-музе", "үй-мұражай", "комплекс", "complex", "кешен",
                    "издательств", "одағ",
                    "автономи", "autonomy", "ассоциаци", "association", "қауымдастығ", "архив", "мұрағат", "archive",
                    "филармони", "philharmoni", "театр", "theatre", "theater", "институт", "institute",
                    "колледж", "college", "академи", "academy", "семинари", "seminary", "корпус", "corps",
                    "центр", "орталығ", "centre", "center")  # a centre only as a cultural one (CENTRE)
INSTITUTION_MOD = LIBRARY_MOD + (
    "мемориальн", "мемориалд", "memorial", "педагог", "pedagog", "техническ", "техникал", "technical",
    "технологическ", "технологиялық", "technolog", "политехническ", "политехникалық", "polytechn",
    "медицин", "medical", "аграрн", "agrar", "музыкальн", "musical", "драматическ", "drama", "историческ",
    "тарих", "histor", "музейн", "краеведческ", "өлкетану", "local", "lore", "литературн", "әдеби", "literary",
    "художественн", "art", "всероссийск", "международн", "халықаралық", "international", "книжн",
    "гуманитарн", "гуманитарл", "humanit", "инновацион", "innovat", "областн", "облыстық", "заповедник",
    "өңірлік", "региональн", "учительск", "мұғалімдер", "teachers", "кадет", "cadet",
    # the first halves of compound adjectives: "историко-краеведческий", "литературно-мемориальный"
    "историко", "литературно", "художественно", "культурно", "этнограф", "ethnograph",
    # national-cultural centres: "казахский национально-культурный центр", "қазақ ұлттық-мәдени орталығы"
    "культурн", "мәдени", "cultural", "ұлттық-мәдени", "национально-культурн", "national-cultural")
# Whom a library serves, after its kind ("библиотека для детей и юношества")
_FOR_THE_YOUNG = re.compile(r"\s+для\s+(?:детей|юношества|молод[её]жи)(?:\s+и\s+(?:юношества|молод[её]жи|подростков))?"
                            r"(?![\w-])")
# Words that open like a modifier but are none: "артисты театра" (art), "article"
_NOT_MODS = ("artist", "articl", "artil")
# A people's adjective inside an institution's name ("казахский национально-культурный центр"): part
# of the name, but not what tells it from others ("Kazakh" would link "the Kazakh National University"
# to "West Kazakhstan University")
ETHNIC_MOD = ("казахск", "қазақ", "kazakh", "русск", "орыс", "russian", "татарск", "татар", "tatar",
              "немецк", "неміс", "german", "украинск", "украин", "ukrainian")
# A centre is an institution only as a people's or a national cultural one ("областной центр" is a
# regional capital, "Шығыс Қазақстанның мәдени орталығы" the region's cultural centre)
CENTRE = ("центр", "орталығ", "centre", "center")
NATIONAL_MOD = ("национальн", "national", "ұлттық")
CULTURE_MOD = ("культурн", "мәдени", "cultural", "ұлттық-мәдени", "национально-культурн", "national-cultural")
# "Literary and Memorial Museum", "историко-краеведческий и литературный музей": two modifiers joined
MOD_AND = fold_all(("and", "и", "және", "мен"))
NAMING_MODIFIERS = ("oblis", "oblast", "regional", "audandik", "raion", "district", "kalalik", "gorodsk", "city",
                    "respublik", "ulttik", "nacional", "national", "ambebap", "universal", "gilimi", "naucn")

# Capitalised words that open a sentence or describe, not name, a library.
NOT_NAMES = {"nasa", "nas", "our", "this", "that", "these", "bul", "osi", "eta", "etoi", "kazakstan",
             "resei", "rosiia", "rosii", "russia", "kazahstan", "kazakhstan", "sekaralas", "frontier",
             "prigranicn", "bolim", "otdel", "department", "ekitaphana", "elektrondik", "electronic",
             "elektronnaia", "joint", "birlesken", "sovmestnaia", "all", "barlik", "vse", "eki", "two", "dvuh"}

_BODY = r"([^«»“”„\"\n]{3,200}(?:\n\n?[^«»“”„\"\n]{1,200})?)"
# Each opening mark with the closers that go with it (Russian „…“ too), checked on the original text:
# the matching view folds all quote marks to one, which would pair a closer with the next opener.
# A “ closes a title, as in „…“ and in pages that close with the wrong mark, except where it opens a
# title nested in a quoted sentence, closed itself and then the sentence: “… his famous “Kazakh
# chrestomathy” was published …”.
_CLOSE_66 = "(?:”|“(?!\\w[^“”\n]*”[^“”\n]*”))"
# A title quoting another inside it: «Библиотечный пояс «Европа – Азия»», «Страницы „Айкапа“»
_NESTED = r"([^«»“”„\"\n]{0,200}(?:«[^«»\n]{1,200}»|„[^„“”«»\n]{1,200}[“”])[^«»“”„\"\n]{0,200})"
_QUOTED = re.compile("|".join([f"«{_NESTED}»", f"«{_BODY}»", f"“{_BODY}{_CLOSE_66}", f"„{_BODY}{_CLOSE_66}",
                               f'"{_BODY}"']))


def _is(tok: Tok, stems: tuple[str, ...]) -> bool:
    # str.startswith takes the tuple itself: one C call instead of a generator per stem (it ran
    # ~0.9 million times for 300 documents; the change made extraction 14 % faster in a profile)
    return tok.key.startswith(stems if isinstance(stems, tuple) else tuple(stems))


@dataclass
class Candidate:
    kind: str
    start: int
    end: int
    method: str
    confidence: float
    cls: str | None = None               # finer ontology class
    label: str | None = None             # name to give a new entity
    namesake: tuple[int, int] | None = None  # char span of the namesake inside a library name
    extra: dict = field(default_factory=dict)


def initials_person(toks: list[Tok], i: int, text: str) -> tuple[int, int] | None:
    """Token range of a person written with initials at ``i`` (both orders), or None."""
    n = len(toks)

    def initial(k: int) -> bool:
        # an initial is written with its full stop: "В Омске" is a preposition and a place
        return k < n and (len(toks[k].text) == 1 and toks[k].text.isupper() or
                          toks[k].text in ("Zh", "Sh", "Ch", "Yu", "Ya", "Kh")) and \
            text[toks[k].end:toks[k].end + 1] == "."

    def surname(k: int) -> bool:
        t = toks[k] if k < n else None
        return bool(t and len(t.text) >= 3 and t.text[0].isupper() and not t.text.isupper() and t.text.isalpha())

    # I. I. Surname  /  I. Surname
    if initial(i):
        k = i
        while initial(k) and k - i < 3:
            k += 1
        if surname(k) or (k < n and len(toks[k].text) >= 3 and toks[k].text[:1].islower() and k > i and
                          toks[k].start - toks[k - 1].end <= 2 and toks[k].text.isalpha() and i + 2 == k):
            return i, k + 1
    # Surname I. I.  (only a space between: "Russia, E." or "России. У" is not a name)
    if surname(i) and initial(i + 1) and toks[i + 1].start - toks[i].end >= 1 and \
            not toks[i].text[-1:].isdigit() and toks[i + 1].start - toks[i].end <= 2 and \
            text[toks[i].end:toks[i + 1].start].strip() == "":
        k = i + 1
        while initial(k) and k - i < 3:
            k += 1
        follows = k < n and toks[k].capitalized and len(toks[k].text) >= 3 and toks[k].start - toks[k - 1].end <= 2
        if k - i >= 2 and not follows:  # "Қостанайдағы Л. Н. Толстой": the initials open the next name
            return i, k
    return None


KK_LOCATIVE = fold_all(kk_cases.ATTRIBUTIVE_LOCATIVE)
# Cases a place word inside a name never takes: "Астанадан ҚР Ұлттық … кітапханасы" is the library
# *from* Astana (ablative); "Павлодарға" (to), "Павлодарды" (whom) likewise.
KK_LOCATIVE_FORMS = tuple(fold(e) for e in kk_cases.LOCATIVE if len(e) > 1)
KK_OUTSIDE_NAMES = tuple(fold(e) for e in kk_cases.ABLATIVE + kk_cases.DATIVE + kk_cases.ACCUSATIVE if len(e) > 1)


# Pronouns that decline as adjectives do: "каждой такой сельской библиотеке" names no library
_RU_DETERMINERS = frozenset(("такой", "такая", "такую", "каждой", "каждая", "каждую", "этой", "эта", "эту", "той",
                             "та", "ту", "нашей", "наша", "нашу", "вашей", "ваша", "вашу", "какой", "какая",
                             "которой", "которая", "одной", "одна", "другой", "другая", "любой", "любая", "всякой",
                             "своей", "своя", "всей", "вся", "самой", "самая"))
# The endings of a Russian adjective that no noun shares ("центром" ends as "каком" does)
_RU_ADJECTIVE_AGREEING = re.compile(r"(?:ая|яя|ой|ей|ий|ый|ое|ее|ую|юю|их|ых|ого|его|ому|ему)$")
_RU_ADJECTIVE_END = re.compile(r"(?:ая|яя|ой|ей|ий|ый|ое|ее|ую|юю|их|ых|им|ым|ими|ыми|ого|его|ому|ему|ом|ем)$")


def _sentence_initial(text: str, pos: int, marks: str = ".!?\n:;—–-•^") -> bool:
    # (walked back over spaces: slicing the text up to ``pos`` cost its length on every call)
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or text[i - 1] in marks


def _one_library(head: Tok, before: Tok) -> bool:
    """A Russian library head names one library, not a group ("в библиотеках", "библиотек",
    "городские библиотеки"): only then does a place's genitive after it belong to its name."""
    return not head.text.lower().endswith(("ах", "ам", "ами", "библиотек")) \
        and not before.text.lower().endswith(("ие", "ые", "их", "ых", "ими", "ыми"))


def library_phrases(text: str, toks: list[Tok], known: frozenset[int] = frozenset(),
                    inflected: frozenset[int] = frozenset(), persons: frozenset[int] = frozenset(),
                    places: frozenset[int] = frozenset(), lang: str | None = None) -> list[Candidate]:
    """Library names: modifiers and place words before the head noun, a namesake before or after.
    ``known``: where names of the authority file start (a sentence may open with one);
    ``inflected``: where such a name is written with a Kazakh case ending; ``persons``: where the
    authority's persons end, ``places``: where its places start."""
    return _institution_phrases(text, toks, "library", known, inflected, lang, persons, places)


def institution_phrases(text: str, toks: list[Tok], known: frozenset[int] = frozenset(),
                        inflected: frozenset[int] = frozenset(), lang: str | None = None,
                        persons: frozenset[int] = frozenset(), places: frozenset[int] = frozenset()) -> list[Candidate]:
    """Names of universities, museums, archives, theatres, publishing houses and the like, written
    as library names are ("Астрахань мемлекеттік университетінің", "Западно-Казахстанского
    университета им. М. Утемисова", "Pavlodar state university after S.Toraigyrov"), and in Russian
    with a person or a region in the genitive after the head ("Мемориальный музей А. С. Пушкина",
    "Государственного архива Оренбургской области")."""
    return _institution_phrases(text, toks, "organization", known, inflected, lang, persons, places)


_KK_ACCUSATIVE = tuple(e for e in kk_cases.ACCUSATIVE if len(e) == 2)
_KK_VERB_NAMES = ("гелді", "келді", "берді", "болды", "тұрды", "қалды")  # Амангелді, Тілеуберді, Жанболды
# A Kazakh place written as where something stands: "Семейдегі" (in Semey), "Петропавлдағы"
KK_WHERE = re.compile(f"({kk_cases.alternatives(kk_cases.ATTRIBUTIVE_LOCATIVE)})$")
_KK_CLAUSE_CASES = tuple(e for e in kk_cases.DATIVE + kk_cases.LOCATIVE + kk_cases.ABLATIVE + kk_cases.ACCUSATIVE
                          if len(e) >= 2)  # "Семинарды облыстық кітапхана өткізді": the seminar, then who
_GENITIVE_SURNAME = ("ova", "eva", "ina", "ogo", "kogo")  # Пушкина, Шукшина, Утемисова, Островского
# Compared as written: folded, the Kazakh "музейінің" (the museum's) merges its "йі" and reads
# like the Russian adjective "музейный".
_NOT_INSTITUTION = ("академик", "архивист", "музейн", "архивн", "университетск",
                    "семинары")  # the seminars ("семинары", Kazakh "семинарында"), not a seminary


def _ethnic(t: Tok) -> bool:
    """A people's adjective (казахский, қазақ, Russian), not the country's name (Қазақстанның)."""
    return _is(t, ETHNIC_MOD) and not t.key.startswith(_COUNTRY_KEYS)


_COUNTRY_KEYS = tuple(fold(w) for w in ("Қазақстан", "Казахстан", "Kazakhstan"))


def _institution_head(t: Tok) -> bool:
    """A head of an institution's name; not the scholar (академик) or an adjective on the stem."""
    return _is(t, INSTITUTION_HEAD) and not t.text.lower().startswith(_NOT_INSTITUTION)


_HOUSE_MUSEUM = tuple(fold(w) for w in ("дом-музе", "доме-музе", "дома-музе", "house-museum"))
# The ontology's class for an institution by its head word
_INSTITUTION_CLASS = ((fold_all(("университет", "university")), "University"),
                      (fold_all(("музе", "мұражай", "museum", "house-museum", "дом-музе", "доме-музе", "дома-музе",
                                 "үй-мұражай", "қорық-мұражай")), "Museum"),
                      (fold_all(("издательств",)), "Publisher"))


def _institution_class(t: Tok) -> str | None:
    return next((cls for stems, cls in _INSTITUTION_CLASS if _is(t, stems)), None)


_KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)")


def _plural_institution(t: Tok, lang: str | None = None) -> bool:
    """"университеттері", "museums", "архивы", "музеев": a group, not one institution. Kazakh
    plurals are read on the written word (the fold merges the doubled letter of "-ттері"), and a
    final -ы/-і is a Kazakh possessive ("университеті", "институты"), a Russian plural only in Russian."""
    stem = next(st for st in INSTITUTION_HEAD if t.key.startswith(st))
    rest = t.key[len(stem):]
    if lang == "kk" or KAZAKH_LOWER.intersection(t.text):
        return bool(_KK_PLURAL.search(t.text.lower()[4:]))
    if rest in ("s", "es", "ies", "ev", "ov", "am", "ami", "ah", "eiam", "eiah"):
        return True
    return lang == "ru" and rest == "i" and not t.key.startswith(("muzei", "akademi", "filarmoni")) \
        and not t.key.endswith("muzei")  # "дом-музей" is one


# "X қаласының", "X ауданының", "X облысының", "X ауылының": the town, district, region or village
# whose library or institution the name goes on to name
# (the possessive and its genitive: not "қаласында", where something took place)
_KK_PLACE_OF = frozenset(fold(w) for w in ("қаласы", "қаласының", "ауданы", "ауданының", "облысы", "облысының",
                                           "ауылы", "ауылының"))


# (the accusative only: given names end like the other cases, "Әбділда" like a locative)
_KK_OBJECT_CASES = tuple(e for e in kk_cases.ACCUSATIVE if len(e) >= 2)


def _kk_case_word(t: Tok) -> bool:
    """A Kazakh word in the accusative, the case of an object ("Көрмені", the exhibition, opening "Көрмені
    Пушкин атындағы … кітапханасы дайындады"): no part of a namesake, which stands in the nominative."""
    return len(t.text) > 4 and bool(KAZAKH_LOWER.intersection(t.text.lower())) \
        and t.text.lower().endswith(_KK_OBJECT_CASES)


def _capitalised_of(toks: list[Tok], text: str, e: int) -> int:
    """The end (exclusive token index) of an English name's "of" part after its head at ``e - 1``:
    capitalised words, joined by "of", "the", "and" ("Museum of Local History", "Association of
    University Libraries of the Republic of Kazakhstan"); ``e`` when none follows, or when the words
    run on past what a name holds: more than three capitalised words in a row ("Museum of Local
    History Anna Ivanova"), a title or a day ("University of Tomsk Professor …", "… Tuesday"). "and"
    joins only words of one name, not a second institution ("… of Kazakhstan and Omsk State University")."""
    k, end, run = e, e, 0
    while k < len(toks) and not any(c in text[toks[k - 1].end:toks[k].start] for c in ".,;:()\n\"«»“”"):
        t = toks[k]
        if toks[k - 1].key == "of" and (r := initials_person(toks, k, text)) is not None:
            return r[1]  # "Museum-Reserve of V. M. Shukshin": the namesake with initials ends it
        if t.key in ("of", "the"):
            k, run = k + 1, 0
            continue
        if t.key == "and":
            rest = list(itertools.takewhile(lambda x: x.capitalized or x.key in ("of", "the"), toks[k + 1:k + 8]))
            if not rest or any(_institution_head(x) or _is(x, LIBRARY_HEAD) for x in rest):
                break  # "Museum of Arts and Crafts" goes on; "… of Tomsk and the Museum" does not
            k, run = k + 1, 0
            continue
        if not t.capitalized or t.text.isupper() and len(t.text) > 1 and k == end:
            break
        if t.key in _NOT_IN_NAMES:
            return end  # "University of Tomsk Professor …": the name ends before the title
        run += 1
        if run > 3:
            return e
        k += 1
        end = k
    return end


# Capitalised words no "of" part of a name holds: titles and roles of people, days and months.
_NOT_IN_NAMES = frozenset(fold(w) for w in (
    "Professor", "Director", "Dr", "Mr", "Mrs", "Ms", "Deputy", "Head", "Chairman", "Rector", "Librarian",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"))


# Lowercase words of a Russian institution's name after its head, in the genitive: adjectives, and the
# nouns such names are made of ("Музей истории …", "Ассоциация университетских библиотек")
_RU_GENITIVE_ADJECTIVE = ("их", "ых", "ого", "его", "ой", "ей")
_RU_NAME_NOUNS = ("истори", "культур", "искусств", "краеведен", "литератур", "народ", "библиотек", "писател",
                  "книг", "учител", "работник", "архив", "музе", "университет", "наук", "город", "сел", "драм")


def _ru_genitive_complement(toks: list[Tok], text: str, e: int) -> int:
    """The end of a Russian institution's genitive complement after its head at ``e - 1``: up to four
    lowercase adjectives or name nouns in the genitive, then a capitalised region or country in the
    genitive ("Республики Казахстан", "Оренбургской области"); ``e`` when none follows."""
    k = e
    while k < len(toks) and k - e < 6 and not text[toks[k - 1].end:toks[k].start].strip():
        w = toks[k].text
        if w == "и" and k > e and k + 1 < len(toks) and toks[k + 1].text.startswith(_RU_NAME_NOUNS) \
                and not _institution_head(toks[k + 1]) and not _is(toks[k + 1], LIBRARY_HEAD):  # not "… и архива"
            k += 1  # "Музея истории и культуры народов Сибири"
            continue
        if not w.isalpha() or not w.islower() or len(w) < 4 or w.endswith(("ла", "ли", "ло", "ет", "ют", "ит")):
            break
        if not (w.endswith(_RU_GENITIVE_ADJECTIVE) or w.startswith(_RU_NAME_NOUNS) and not w.endswith(("ия", "ая"))):
            break
        k += 1
    if k == e:
        return e
    if k < len(toks) and toks[k].capitalized and toks[k - 1].text in ("города", "села", "народов") \
            and not text[toks[k - 1].end:toks[k].start].strip():
        return k + 1  # "Музея истории города Омска", "… культуры народов Сибири"
    if k + 1 < len(toks) and toks[k].capitalized and toks[k + 1].capitalized \
            and toks[k].text.lower().endswith(("ого", "ской", "кого")) \
            and not text[toks[k - 1].end:toks[k].start].strip() and not text[toks[k].end:toks[k + 1].start].strip() \
            and not toks[k].text.lower().startswith(("республик", "федераци")):
        return k + 2  # "Музея истории Павлодарского Прииртышья"
    if k + 1 < len(toks) and toks[k].capitalized and toks[k + 1].capitalized \
            and not text[toks[k - 1].end:toks[k].start].strip() and not text[toks[k].end:toks[k + 1].start].strip() \
            and toks[k].text.lower().startswith(("республик", "федераци")):
        k += 2  # "Республики Казахстан", "Российской Федерации"
    elif k + 1 < len(toks) and toks[k].capitalized and _is(toks[k + 1], _REGION_WORDS) \
            and not text[toks[k - 1].end:toks[k + 1].start].strip(" ").replace(toks[k].text, "").strip():
        k += 2  # "Оренбургской области"
    return k


def _institution_phrases(text: str, toks: list[Tok], kind: str, known: frozenset[int],
                         inflected: frozenset[int] = frozenset(), lang: str | None = None,
                         persons: frozenset[int] = frozenset(), places: frozenset[int] = frozenset()) -> list[Candidate]:
    out: list[Candidate] = []
    library = kind == "library"
    heads, mods = (LIBRARY_HEAD, LIBRARY_MOD) if library else (INSTITUTION_HEAD, INSTITUTION_MOD)

    def is_mod(t: Tok) -> bool:
        return _is(t, mods) and not t.key.startswith(_NOT_MODS)
    for h, tok in enumerate(toks):
        if library and (not _is(tok, LIBRARY_HEAD) or tok.key.startswith("libraryb")
                        or tok.text.lower().startswith(("библиотекар", "кітапханашы", "librarian"))):
            continue  # librarians are people, not a library
        if not library and (not _institution_head(tok) or _plural_institution(tok, lang)):
            continue
        if library and lang == "en" and h + 1 < len(toks) and toks[h + 1].key in _EN_NAME_GOES_ON \
                and text[tok.end:toks[h + 1].start] == " ":
            continue  # "the Irtysh Library Residency", "Library Week": the name goes on, it is no library's
        s = h
        namesake: tuple[int, int] | None = None
        # walk left over modifiers, capitalised place words and "X атындағы"
        while s > 0:
            p = toks[s - 1]
            gap = text[p.end:toks[s].start]
            if any(c in gap for c in ".,;:()«»“”\"\n") and not (gap.strip() in (".",) and len(p.text) <= 2) \
                    or gap.strip() == "-":  # "Семей – Шығыс Қазақстанның …": a dash between clauses
                break
            if p.key in ("the", "of", "a"):
                break  # an article or "of" opens the phrase: "Exhibitions of the Russian State Library"
            if library and lang == "kk" and s == h and p.key.endswith(("kizi", "uli")):
                break  # "Роза Қалиқызы кітапханада еңбек етті": a person's patronymic, then where she worked
            if len(p.text) == 1 and text[p.end:p.end + 1] != ".":
                break  # a preposition opening the sentence ("В Городском … музее"), not an initial
            if p.start in inflected and p.key.endswith(KK_OUTSIDE_NAMES):
                break  # "Астанадан ҚР Ұлттық … кітапханасы": where from, not part of the name
            if not library and p.start in places and KK_WHERE.search(p.text) and toks[s].capitalized:
                break  # "Семейдегі Мұхтар Әуезовтің … үй-мұражайы": the town it stands in, then its name
                # (a library keeps it: "Орынбордағы … облыстық кітапхана" is told from others by its town)
            if p.start in inflected and p.key.endswith(KK_LOCATIVE_FORMS) and toks[s].capitalized:
                break  # "Түменде Түркістан кітапханасы": where, then the name ("Омбыда облыстық кітапхана" is Omsk's)
            if p.end in persons and toks[s].start in places:
                break  # "Мағжан Жұмабаев Омбы … кітапханасына барды": a person, then the name from its town
            if lang == "ru" and s == h and p.capitalized and not p.text.isupper() \
                    and not _RU_ADJECTIVE_END.search(p.text.lower()):
                break  # Russian puts an adjective before the kind ("Актюбинская библиотека"): "в Актобе библиотеки подписали" is no name
            if lang == "ru" and p.start in places and not _RU_ADJECTIVE_END.search(p.text.lower()) \
                    and toks[s].capitalized and _RU_ADJECTIVE_END.search(toks[s].text.lower()):
                break  # "В Омске Омская областная библиотека": where, then the name that opens with its adjective
            if is_mod(p) or p.capitalized or not library and _ethnic(p):
                s -= 1
                continue
            if lang == "ru" and s >= 2 and _RU_ADJECTIVE_AGREEING.search(p.text.lower()) \
                    and p.text.lower() not in _RU_DETERMINERS and toks[s - 2].text.lower() not in _RU_DETERMINERS \
                    and _RU_ADJECTIVE_AGREEING.search(toks[s - 2].text.lower()) \
                    and (is_mod(toks[s - 2]) or toks[s - 2].capitalized) \
                    and not text[toks[s - 2].end:p.start].strip():
                s -= 1  # "Оренбургская областная полиэтническая детская библиотека", "Оренбургского
                # губернаторского историко-краеведческого музея": an adjective of its own
                continue
            if p.key in MOD_AND and s >= 2 and is_mod(toks[s]) and is_mod(toks[s - 2]) \
                    and (not library or lang == "en" and not tok.key.startswith("libraries")
                         or lang == "kk" and "ханалар" not in tok.text.lower()) \
                    and not text[toks[s - 2].end:p.start].strip():
                s -= 2
                continue
            if p.key in NAMESAKE_KK:
                s -= 1
                continue
            if p.key in _KK_PLACE_OF and s >= 2 and toks[s - 2].capitalized \
                    and not text[toks[s - 2].end:p.start].strip():
                s -= 2  # "Рубцовск қаласының орталық қалалық кітапханасы": the town's, as part of the name
                continue
            break
        # "X атындағы" inside: namesake is the run of capitalised tokens before it
        for k in range(s, h):
            if toks[k].key in NAMESAKE_KK:
                a = k
                while a > 0 and (toks[a - 1].capitalized or len(toks[a - 1].text) == 1) and \
                        "\n" not in text[toks[a - 1].end:toks[a].start] and k - a < 4:
                    a -= 1
                if a < k:
                    # "Қостанайдағы Л. Н. Толстой атындағы": the namesake starts at its initials;
                    # without initials it is the one or two words right before "атындағы"
                    initials = [j for j in range(a, k) if len(toks[j].text) == 1 and toks[j].text.isupper()]
                    if initials:
                        a = initials[0]
                    else:
                        a = max(a, k - 2) if k - a >= 2 and text[toks[k - 2].end:toks[k - 1].start] == " " \
                            and not _is(toks[k - 2], LIBRARY_MOD) and not toks[k - 2].key.endswith(KK_LOCATIVE) \
                            and not _kk_case_word(toks[k - 2]) else k - 1
                    namesake = (toks[a].start, toks[k - 1].end)
                    s = min(s, a)
        # trim leading lowercase non-modifiers (articles) and stray words
        while s < h and not (toks[s].capitalized or is_mod(toks[s])):
            s += 1
        # a sentence's first word in a Kazakh case of place or direction opens the clause, not the
        # name: "Семинарға облыстың аудандық кітапханаларының мамандары …"
        if s < h and _sentence_initial(text, toks[s].start) and toks[s].start not in known \
                and toks[s].text.lower().endswith(_KK_CLAUSE_CASES) and KAZAKH_LOWER.intersection(text[toks[s].start:toks[h].end]):
            s += 1
            while s < h and not (toks[s].capitalized or is_mod(toks[s])):
                s += 1
        while s < h and toks[s].key in ("the", "of"):
            s += 1
        # a town in the Kazakh locative before a name says where, not whose ("Уфада Башқұртстан Ұлттық
        # кітапханасы өткізген": in Ufa, the National Library of Bashkortostan)
        if s + 1 < h and toks[s].start in inflected and toks[s].start in places and toks[s + 1].capitalized \
                and toks[s].text.lower().endswith(("да", "де", "та", "те")):
            s += 1
        e = h + 1
        if library and lang == "ru" and (young := _FOR_THE_YOUNG.match(text, tok.end)) is not None:
            while e < len(toks) and toks[e].end <= young.end():
                e += 1  # "областная библиотека для детей и юношества": whom it serves is in its name
        # "им. X", "имени X", "after X", "named after X"
        if e < len(toks) and (toks[e].key in NAMESAKE_RU or toks[e].key in NAMESAKE_EN):
            k = e + 1
            if k < len(toks) and toks[e].key == "named" and toks[k].key == "after":
                k += 1
            r = initials_person(toks, k, text)
            if r is None and k < len(toks) and toks[k].capitalized:
                r = (k, k + 1)
                # two words ("им. Абая Кунанбаева"), unless the second opens a full name with a
                # patronymic: "библиотеки имени Абая Динара Болатовна Кусаинова"
                if k + 1 < len(toks) and toks[k + 1].capitalized and "\n" not in text[toks[k].end:toks[k + 1].start] \
                        and text[toks[k].end:toks[k + 1].start].strip() == "" \
                        and not (k + 2 < len(toks) and toks[k + 2].key.endswith(_PATRONYMIC_END + _KK_PATRONYMIC)) \
                        and not (k + 2 < len(toks) and _is(toks[k + 2], _REGION_WORDS)):  # "им. Абая Атырауской области"
                    r = (k, k + 2)
                    if toks[k + 1].key.endswith(_PATRONYMIC_END) and k + 2 < len(toks) and toks[k + 2].capitalized \
                            and text[toks[k + 1].end:toks[k + 2].start] == " ":
                        r = (k, k + 3)  # "имени Мухтара Омархановича Ауэзова": given name, patronymic, surname
            if r is not None:
                namesake = (toks[r[0]].start, toks[r[1] - 1].end)
                e = r[1]
        elif library and s < h and lang == "ru" and e < len(toks) and toks[e].start in places \
                and toks[e].capitalized and not _RU_ADJECTIVE_END.search(toks[e].text.lower()) \
                and text[toks[h].end:toks[e].start] == " " and _one_library(tok, toks[h - 1]):
            e += 1  # "Центральная городская библиотека Риддера": the town's, in the genitive
        elif library and s < h and lang == "ru" and e + 1 < len(toks) and toks[e].capitalized \
                and not (all(is_mod(t) for t in toks[s:h]) and any(t.key.startswith(("raon", "raion")) for t in toks[s:h])) \
                and toks[e].text.lower().endswith(("ского", "цкого", "ской", "цкой")) and _is(toks[e + 1], _REGION_WORDS) \
                and text[toks[h].end:toks[e].start] == " " and text[toks[e].end:toks[e + 1].start] == " " \
                and _one_library(tok, toks[h - 1]):
            e += 2  # "Центральной библиотекой Бурабайского района": the district's, in the genitive
            # (not after "районная" alone: "(центральная) районная библиотека X района" says no more than
            # "the district library", and read by its level words it would link to another district's)
        elif library and s < h and lang == "en" and e + 1 < len(toks) and toks[e].key == "of" \
                and toks[e + 1].start in places and toks[e + 1].capitalized \
                and not text[toks[h].end:toks[e + 1].start].strip(" of") \
                and not (e + 2 < len(toks) and toks[e + 2].capitalized
                         and not text[toks[e + 1].end:toks[e + 2].start].strip()):  # "of Tomsk State University"
            e += 2  # "the Central City Library of Ridder"
        elif not library and tok.capitalized and e + 1 < len(toks) and toks[e].key == "of" \
                and (name_end := _capitalised_of(toks, text, e)) > e:
            e = name_end  # "the Museum of Local History", "Association of … Libraries"
        elif not library and lang == "ru" and tok.capitalized and (name_end := _ru_genitive_complement(toks, text, e)) > e:
            e = name_end  # "Ассоциация университетских библиотек Республики Казахстан"
        elif not library and e + 3 < len(toks) and toks[e].key == "of" and toks[e + 3].key in NAMESAKE_EN \
                and not (toks[e + 1].capitalized or toks[e + 2].capitalized):
            r = initials_person(toks, e + 4, text)  # "museum of local lore after G.N.Potanin"
            if r is not None:
                namesake = (toks[r[0]].start, toks[r[1] - 1].end)
                e = r[1]
        elif not library and e < len(toks) and not text[toks[h].end:toks[e].start].strip():
            r = initials_person(toks, e, text)  # "Мемориальный музей А. С. Пушкина"
            # only a surname in the genitive after a named head: "ректор университета А. Б. Сидоров"
            # and "Директор музея В. Петрова" name the head's staff, not its namesake
            named_head = tok.capitalized and not _sentence_initial(text, tok.start)  # "Музея Т. Г. Шевченко"
            # a house-museum is its namesake's in any case ("в доме-музее Ф. М. Достоевского"): no staff of it so
            named_head = named_head or tok.key.startswith(_HOUSE_MUSEUM)
            surname = toks[r[1] - 1] if r is not None else None
            # after a named head a surname that does not decline (Шевченко) is its namesake too, unless
            # a verb follows the name ("Архива Н. Н. Иванова вручила": she is its staff)
            then = toks[r[1]] if r is not None and r[1] < len(toks) else None
            # (only a surname that is also a woman's nominative, then a verb in her gender: "Архива Н. Н.
            # Иванова вручила"; "Музей Г. Н. Потанина провёл", "в Музее Ф. М. Достоевского прошла" keep it)
            staff = s == h and then is not None and then.text.islower() and then.text.endswith("ла") \
                and surname is not None and surname.text.endswith(("ова", "ева", "ина", "ына"))
            if r is not None and (s < h or named_head) and not staff \
                    and (surname.key.endswith(_GENITIVE_SURNAME)
                         or named_head and surname.text.endswith(("ко", "их", "ых", "енко", "дзе", "ия", "улы", "ұлы",
                                                                   "кызы", "қызы"))) \
                    and not any(is_role(x) for x in toks[max(0, s - 1):h]):
                namesake = (toks[r[0]].start, toks[r[1] - 1].end)
                e = r[1]
            elif e + 1 < len(toks) and toks[e].capitalized and _is(toks[e + 1], _REGION_WORDS) \
                    and not text[toks[e].end:toks[e + 1].start].strip():
                e += 2  # "архива Оренбургской области"
        # "library" alone, or with only generic modifiers, is not a name; nor is a word that is
        # capitalised only because it opens the sentence ("Обе библиотеки", "Directors of …")
        if not library and _is(tok, CENTRE) and not (any(_is(t, CULTURE_MOD) for t in toks[s:h]) and any(
                _ethnic(t) or _is(t, NATIONAL_MOD) for t in toks[s:h])):
            continue
        distinctive = [t for t in toks[s:e] if not is_mod(t) and not _is(t, heads) and not _ethnic(t)
                       and t.key not in NAMESAKE_KK + NAMESAKE_RU + NAMESAKE_EN and t.key not in MOD_AND]
        if distinctive and distinctive[0] is toks[s] and _sentence_initial(text, toks[s].start) \
                and toks[s].start not in known:
            if len(distinctive) == 1 and namesake is None \
                    and not any(_is(t, NAMING_MODIFIERS) for t in toks[s + 1:h]):
                continue  # "Обе библиотеки"; but "Мамлют аудандық кітапханасы" opening a list item is a name
            if s + 1 < h and len(distinctive) > 1 and toks[s + 1].capitalized \
                    and (namesake is None or namesake[0] > toks[s].start):
                # "Представители Западно-Казахстанского университета": a word opening the sentence
                s += 1
                distinctive = distinctive[1:]
        if not distinctive or all(t.key in NOT_NAMES or t.text.lower().startswith("данн") for t in distinctive):
            # ("данная библиотека" is "this library"; compared as written, for it folds like the name Дана)
            continue
        if library and lang == "kk" and tok.key.startswith("kitaphana") and not tok.key.startswith("kitaphanas") \
                and len(distinctive) == 1 and distinctive[0].key.endswith(_SURNAME_END) and namesake is None:
            continue  # "Жанболатова кітапханаға … сыйға тартты": a person, then "to the library" (a name says "кітапханасы")
        plural = library and tok.key.startswith(("kitaphanalar", "libraries"))  # "библиотеки" is also singular
        if plural and not any(_is(t, NAMING_MODIFIERS) for t in toks[s:h]):
            continue  # "libraries of Central Asia" is a group, not a library
        out.append(Candidate(kind, toks[s].start, toks[e - 1].end,
                             "rule:library-name" if library else "rule:institution-name", 0.8, namesake=namesake,
                             cls=None if library else _institution_class(tok)))
        if namesake is not None:
            out.append(Candidate("person", namesake[0], namesake[1], "rule:namesake", 0.8))
    return out


# What a name that goes on past "Library" names instead ("the Irtysh Library Residency", "Library
# Week"); a headline's verb ("… Library Hosts …") or a post ("Library Director") leaves the library
_EN_NAME_GOES_ON = frozenset(fold(w) for w in (
    "Residency", "Week", "Association", "Assembly", "Foundation", "Fund", "Award", "Awards", "Prize", "Night",
    "Festival", "Forum", "Consortium", "Network", "Council", "Union", "Club", "Programme", "Program", "Project",
    "Marathon", "Fellowship", "Alliance", "Society"))

# "“Caspian Summer”, the joint summer reading programme", "the Irtysh Library Residency, a new
# exchange programme": a name, then a comma and an apposition that ends in its kind
_EN_APPOSITIVE_PROJECT = re.compile(
    r"(?:[\"“](?P<q>[A-Z][^\"”\n]{2,60})[\"”]|\bthe\s+(?P<n>(?:[A-Z][\w-]+\s+){1,4}[A-Z][\w-]+)),\s+"
    r"(?:a|an|the|our|their|its)\s+(?:(?!(?:about|of|for|on|with|in|to|from|by|and|or|the|a|an)\s)[a-z-]+\s+){0,4}"
    # the kind ends the apposition: "…, the programme's partner", "…, the programme coordinator" are others
    r"(?:programme|program|project)(?=\s*[.,;:)]|\s+(?:for|of|that|which|run|launched|started|founded|they|we|in|on|"
    r"with|by|between|since)\b)")


# "the Book Bridge project", "the Steppe Voices programme": capitalised words, then the kind
_EN_NAMED_PROJECT = re.compile(
    r"\b[Tt]he[ \t]+(?P<n>[A-Z][\w'’-]+(?:[ \t]+(?:(?:of|at|the|and|for|on|in)[ \t]+)*[A-Z][\w'’-]+)+)[ \t]+"
    r"(?:project|programme|program)\b")
# Words of a body's or a place's name before "project": "the Ministry of Culture programme", "the US
# Embassy project", "the Pavlodar Region project" name who runs or funds it, not the project
_NOT_PROJECT_WORDS = fold_all(("Ministry", "Foundation", "Fund", "Embassy", "Akimat", "Administration", "Government",
                               "Region", "District", "Oblast", "Krai", "Republic", "Department", "Team", "Council",
                               "Committee", "Agency", "Centre", "Center", "Society", "Union"))


def appositive_projects(text: str, lang: str | None, names: frozenset[int] = frozenset()) -> list[Candidate]:
    """Projects named before an apposition that says what they are, or by capitalised words right
    before the word "project" (English). Not where a word of the name is a people's or a place's
    adjective, an institution's or a body's kind, or a name the authority file knows (``names``: where
    its matches start): "the Russian-Kazakh project", "the Omsk Library project", "the Ministry of
    Culture programme", "the Pavlodar Region project" name no project of their own."""
    if lang != "en":
        return []
    out = []
    for m in _EN_APPOSITIVE_PROJECT.finditer(text):
        group = "q" if m.group("q") else "n"
        out.append(Candidate("project", m.start(group), m.end(group), "rule:project-title", 0.65,
                             label=m.group(group)))
    taken = [(c.start, c.end) for c in out]
    for m in _EN_NAMED_PROJECT.finditer(text):
        a, b = m.span("n")
        words = [t for t in tokenize(m.group("n")) if t.capitalized]
        if any(x < b and a < y for x, y in taken) or any(
                _ethnic(t) or _is(t, LIBRARY_HEAD) or _institution_head(t) or t.key.endswith(("ian", "ish", "sk"))
                or t.key in _NOT_PROJECT_WORDS for t in words) or any(a + t.start in names for t in words):
            continue  # (nor a name of the authority file's inside it: "the Abai Kunanbayev project coordinators")
        out.append(Candidate("project", a, b, "rule:project-title", 0.6, label=m.group("n")))
    return out


def quoted_titles(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of «…» and “…” titles, nested openers allowed."""
    out = []
    for m in _QUOTED.finditer(text):
        body = next(g for g in m.groups() if g is not None)
        out.append((m.start(), m.end(), " ".join(body.split())))
    return out


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n|,")


_QUOTED_LIST = re.compile(r"(?:\s*(?:,|и|and|мен|және|бен|пен)?\s*[«“„\"][^«»“”„\"\n]*[»”“\"])+\s*(?:,|и|and|мен|және|бен|пен)?\s*")


def _apart(text: str, a: int, b: int) -> bool:
    """A sentence end, a line break or a comma lies between ``a`` and ``b`` — unless what lies
    between is only other quoted titles of a list ("the novels «A», «B» and «C»")."""
    between = text[a:b]
    if not _SENTENCE_BREAK.search(between):
        return False
    return not ("," in between and "\n" not in between and not re.search(r"[.!?]\s", between)
                and _QUOTED_LIST.fullmatch(between))


def _near_keyword(free: list[Tok], starts: list[int], start: int, end: int, stems: tuple[str, ...],
                  window: int = 3, taken: Callable[[Tok], bool] = lambda t: False, text: str = "") -> Tok | None:
    """A keyword within ``window`` words of the title among ``free`` (tokens outside any title), in
    its sentence (no full stop or line break between them, where ``text`` is given); words
    ``taken`` says another title owns count for distance but name nothing."""
    i = bisect.bisect_left(starts, start)
    before = [t for t in free[max(0, i - window - 1):i] if t.end <= start][-window:]
    j = bisect.bisect_left(starts, end)
    after = free[j:j + window]
    if text:
        before = [t for t in before if not _apart(text, t.end, start)]
        after = [t for t in after if not _apart(text, end, t.start)]
    for t in reversed(before):
        if not taken(t) and _is(t, stems):
            return t
    for t in after:
        if not taken(t) and _is(t, stems):
            return t
    return None


# A Russian word in the genitive saying whom or what an event gathers ("чтецов", "юных", "поэзии",
# "книги"), not a verb ("читали", "прочла", "исполнит")
_GATHERS = re.compile(r"(?![а-яё]*(?:ли|ла|ло|ть|ет|ут|ют|ат|ят|ит)$)[а-яё-]+(?:ов|ев|ей|ий|ых|их|ии|ой|ого|его|ы|и|а|я)")


def _near_event_form(free: list[Tok], starts: list[int], qs: int, text: str) -> Tok | None:
    """A kind of event written as a whole form (``EVENT_FORMS``) one or two words before the title,
    the words between saying whom or what it gathers: "конкурса чтецов «…»", "вечер поэзии «…»",
    "конкурс юных чтецов «…»" — lowercase words, in its sentence."""
    i = bisect.bisect_left(starts, qs)
    before = [t for t in free[max(0, i - 3):i] if t.end <= qs]
    for k in range(len(before) - 2, -1, -1):
        t, between = before[k], before[k + 1:]
        if _apart(text, t.end, qs) or any(w.capitalized or not _GATHERS.fullmatch(w.text.lower()) for w in between):
            return None  # (a verb between makes the title what was done there: "конкурса читали «…»")
        if fold(t.text) in EVENT_FORMS and EVENT_FORMS[fold(t.text)] not in ("course", "readings") \
                and not any(_org_kind(w) for w in between):
            return t  # ("чтения стихотворения «…»" is the reading of a poem; "вечера литературной
            # гостиной «…»" the club's evening, the title the club's)
    return None


_TWO = frozenset(("двух", "трёх", "трех", "обоих", "обеих"))


def _gathering_before(free: list[Tok], starts: list[int], qs: int, text: str) -> Tok | None:
    """A Russian kind of event up to four lower-case words in the genitive before the title, the
    words saying what it gathers or shows: "встреча читательских клубов двух городов «…»",
    "выставка книжной графики омских художников «…»" (not a presentation: that is of the title)."""
    i = bisect.bisect_left(starts, qs)
    before = [t for t in free[max(0, i - 5):i] if t.end <= qs]
    for k in range(len(before) - 2, -1, -1):
        t, between = before[k], before[k + 1:]
        if _apart(text, t.end, qs) or any(w.capitalized or not (_GATHERS.fullmatch(w.text.lower()) or w.text in _TWO)
                                          for w in between):
            return None
        kind = _event_type(t)
        if kind is not None and kind not in ("course", "readings", "presentation") and not _org_kind(between[-1]):
            return t  # (a body's kind right before the title owns it: "встреча клуба «…»" is the club's)
    return None


def _apposed_event(text: str, free: list[Tok], starts: list[int], qs: int, qe: int) -> Tok | None:
    """English sets an event's title off by commas after its kind and what it is about: "an
    exhibition of books by writers from East Kazakhstan, "Pages from the Foothills", opened", "held an
    online webinar, "Searching Without Borders", for rural librarians". The kind word is the last of
    the clause before the comma, with an article before it, and the title closes the clause."""
    if not re.search(r",\s*$", text[max(0, qs - 3):qs]) or not re.match(r"\s*(?:[,.;:)]|$)", text[qe:qe + 3]):
        return None
    if not re.match(r"[\"“«„]?[A-Z0-9]", text[qs:qs + 2]) \
            or re.match(r"[\s,]*(?:said|says|told|noted|added|wrote|recalled)\b", text[qe:qe + 20], re.IGNORECASE):
        return None  # a title opens as a name does; "…, "This collection is our pride", said X" is a quote
    comma = text.rfind(",", 0, qs)
    clause_start = max(text.rfind(c, 0, comma) for c in ",.;:!?\n") + 1
    sentence_start = max(text.rfind(c, 0, comma) for c in ".!?\n") + 1
    if re.search(r"\b(?:as|speaking|said|says|told|tells)\b", text[sentence_start:comma], re.IGNORECASE):
        return None  # "As Anna Petrova told participants of the seminar, "…"": a quotation
    i = bisect.bisect_left(starts, clause_start)
    words = free[i:bisect.bisect_left(starts, comma)][-10:]  # the kind and what it is of: a few words
    if not words or any(q in text[words[0].start:comma] for q in "\"“”«»"):
        return None
    kinds = [k for k, t in enumerate(words) if _event_type(t) is not None]
    if not kinds:
        return None
    k = kinds[-1]
    # an article (and modifiers) before it: "an online webinar", "a one-day workshop", "the exhibition"
    if not any(w.text.lower() in ("a", "an", "the") for w in words[max(0, k - 4):k]):
        return None
    # what follows the kind in its clause only says what it is of or about, and does not end on a work
    # or a person the title would then name ("a seminar on Auezov's novel, "The Path of Abai"", "a
    # meeting with the writer, "Ivan Sidorov"")
    rest = words[k + 1:]
    if rest and rest[0].text.lower() not in ("of", "on", "about", "for", "devoted", "dedicated", "in", "at", "with"):
        return None
    last = words[-1]
    if rest and (any(_is(last, stems) for stems in WORK_WORDS.values()) or is_role(last)
                 or last.text.lower() in ("writer", "writers", "poet", "poets", "author", "authors", "works")
                 or re.search(r"['’]s?$", text[words[-2].start:words[-2].end] if len(words) > 1 else "")):
        return None
    return words[k]


def _book_of_someone(free: list[Tok], starts: list[int], qs: int, text: str) -> Tok | None:
    """A word for a book before its author's name and the title: "книгу историка Кайрата Сыздыкова
    «…»", "книгу астраханского краеведа Марата Жумагалиева «…»", "the book of the poet Olga Ivanova
    “…”": the book word, then at most two lowercase words and a name of two or three capitalised
    words, nothing else and no punctuation between."""
    i = bisect.bisect_left(starts, qs)
    run = [t for t in free[max(0, i - 6):i] if t.end <= qs]
    k = len(run)
    names = 0
    while k > 0 and run[k - 1].capitalized and names < 3 and not _is(run[k - 1], WORK_WORDS["Publication"]):
        k -= 1
        names += 1
    if names < 2:
        return None
    lower = 0
    while k > 0 and not run[k - 1].capitalized and lower < 3 and not _is(run[k - 1], WORK_WORDS["Publication"]):
        k -= 1
        lower += 1
    if k == 0 or not _is(run[k - 1], WORK_WORDS["Publication"]) or lower > 2:
        return None
    if any(c in text[run[k - 1].end:qs] for c in ".,;:!?()\n"):
        return None
    return run[k - 1]


_RIVER_BEFORE = re.compile(r"(?:\b(?:река|реки|реке|реку|рекой|river|the\s+river)|(?<![^\W\d_])өзен\w*)\s+$", re.IGNORECASE)
_RIVER_AFTER = re.compile(r"^\s+(?:river|өзен\w*)\b(?!\s+(?:port|station|terminal|порт\w*|вокзал\w*))", re.IGNORECASE)


_SETTLEMENT_BEFORE = re.compile(r"(?i)\b(?:село|села|селе|селом|посёлок|поселок|посёлке|поселке|посёлка|поселка|город|города"
                                r"|городе|ауыл|ауылы|ауылында|village\s+of|town\s+of|city\s+of|the\s+village|the\s+town)\s+$")


_ANOTHER_BEFORE = re.compile(r"(?i)\b(?:another|other|every|each|any|a|one\s+more|ещё\s+одн\w+|еще\s+одн\w+|друг(?:ая|ой|ую|ие|их)"
                             r"|кажд\w+|любая|тағы\s+бір|әр)\s+$")


def another_before(text: str, start: int) -> bool:
    """"another", "every", "ещё одна", "тағы бір" right before ``start``: the library named after it is
    not the one a short name of the authority file means ("another Omsk library")."""
    return _ANOTHER_BEFORE.search(text[max(0, start - 16):start]) is not None


def for_the_young_after(text: str, end: int) -> bool:
    """"для детей и юношества" right after ``end``: the library named before it is the region's
    children's one, not the one the authority file's short name means."""
    return _FOR_THE_YOUNG.match(text, end) is not None


# A Russian town's adjective written in lower case, as it is inside a sentence, right before the
# word library: "в омскую библиотеку", "семейской библиотеки", "барнаульские коллеги" (not a library)
TOWN_LIBRARY = "rule:town-library"
_RU_TOWN_LIBRARY = re.compile(r"(?<![\w-])[а-яё]+?(?:ская|ской|скую|ском|ское|ского|скому)\s+"
                              r"библиотек(?:а|и|е|у|ой)(?![\w-])(?!\s*(?:№|для|имени|им\.|при|детск|юношеск))")


def town_libraries(text: str, lang: str | None) -> list[Candidate]:
    """"Омская библиотека" inside a sentence: the one library the document names in that town, if
    there is one (``extract`` links it so or drops it). A town's adjective is no place mention, and
    without a library named in its town it says too little to be one ("омская библиотека" may be
    any of the town's)."""
    if lang != "ru":
        return []
    return [Candidate("library", m.start(), m.end(), TOWN_LIBRARY, 0.6) for m in _RU_TOWN_LIBRARY.finditer(text)
            if not another_before(text, m.start())]


def settlement_before(text: str, start: int) -> bool:
    """A word for a village or a town stands right before ``start``: what follows is the place, even
    where a person bears its name ("в селе Курмангазы", "the village of Kurmangazy")."""
    return _SETTLEMENT_BEFORE.search(text[max(0, start - 20):start]) is not None


def river_named(text: str, start: int, end: int) -> bool:
    """The name at ``start``–``end`` is a river's ("на берегу реки Ишим", "the Ishim river", "Есіл
    өзені"), not the town of the same name."""
    return _RIVER_BEFORE.search(text[max(0, start - 14):start]) is not None or \
        _RIVER_AFTER.match(text[end:end + 24]) is not None


def held_in(text: str) -> bool:
    """``text`` holds a verb of holding (прошли, состоялся, held, took place, өтті)."""
    return any(_is(t, HELD) for t in tokenize(text))


def event_kind(t: Tok) -> str | None:
    """The kind of event a word names, or None (public for the relations of ``extract``)."""
    return _event_type(t)


_DISPLAY = fold_all(("экспозиц", "exposition"))
_ON_DISPLAY = re.compile(r"(?i)(?:\b(?:по|в|во|из)|постоянн\w*|permanent|museum's|музея)\s+$")


def _a_display(text: str, t: Tok) -> bool:
    """An exposition that is a museum's display, not an exhibition: "экскурсия по экспозиции «…»", "в
    экспозиции", "the permanent exposition"."""
    return _is(t, _DISPLAY) and _ON_DISPLAY.search(text[max(0, t.start - 16):t.start]) is not None


_ROOM = re.compile(r"(?i)(?:конференц|выставочн|конференция|көрме)[- ]?зал|конференцзал")


def _event_type(t: Tok) -> str | None:
    """The kind of event a word names (conference, seminar, telebridge …), or None."""
    if t.text.lower() == "салтанатты":  # solemn(ly); folded, it reads as "салтанаты" (its ceremony)
        return None
    if _ROOM.match(t.text):  # a conference hall or an exhibition hall is a room, not an event
        return None
    if t.key in EVENT_FORMS:
        return EVENT_FORMS[t.key]
    if "-" in t.text and t.key.startswith(ONLINE_PREFIX):
        rest = t.key[len(next(p for p in ONLINE_PREFIX if t.key.startswith(p))):]
        if rest in EVENT_FORMS:
            return EVENT_FORMS[rest]
        # "онлайн-конференция", "онлайн-викторинасына": the kinds read by their stems too
        return next((ev for ev, stems in EVENT_WORDS.items() if rest.startswith(stems)), None)
    return next((ev for ev, stems in EVENT_WORDS.items() if _is(t, stems)), None)


def _kk_doing(t: Tok) -> bool:
    """A Kazakh verbal noun ("арттыру", raising; "оқу", reading) or its object in the accusative
    ("біліктілікті", the qualification), in lower case: what an event written after it does."""
    w = t.text.lower()
    return not t.capitalized and bool(KAZAKH_LOWER.intersection(w) or w.endswith("у")) and len(w) > 2 \
        and (w.endswith(("у", "ю")) or len(w) > 5 and w.endswith(_KK_OBJECT_CASES))


def _beside(text: str, free: list[Tok], starts: list[int], start: int, end: int) -> list[Tok]:
    """The words written right after and right before a quoted title, with only spaces between (or a
    colon before it: a programme's "Дөңгелек үстел: «…»", "Round table: “…”")."""
    i = bisect.bisect_left(starts, end)
    # (a year in brackets may stand between: "«Мұсылманшылықтың тұтқасы» (1884) еңбегі")
    out = [free[i]] if i < len(free) and re.fullmatch(r"\s*(?:\(\d{4}\)\s*)?", text[end:free[i].start]) else []
    j = bisect.bisect_left(starts, start) - 1
    if j >= 0 and free[j].end <= start and text[free[j].end:start].strip() in ("", ":"):
        out.append(free[j])
    return out


def _org_ending(t: Tok) -> tuple[str, bool] | None:
    """What follows the stem of a kind of organisation in ``t`` and whether it makes an adjective or
    a verb of it ("қоғамдық", "общественный", "published") rather than a case ("қоғамның"); None
    when ``t`` is no such word."""
    st = next((st for st in ORGANIZATION_WORDS if t.key.startswith(st)), None)
    if st is None:
        return None
    rest = t.key[len(st):]
    if KAZAKH_LOWER.intersection(t.text.lower()):
        # a word in Kazakh letters is no Russian adjective: only -дық/-тық/-лық make one of it (the
        # fold merges the possessive of "мұражайына" into the stem, leaving the dative's "na")
        return rest, rest.startswith(KK_ADJECTIVE_TAILS)
    return rest, rest.startswith(ORG_NOT_ENDINGS) and not rest.startswith(ORG_CASE_ENDINGS)


def _org_kind(t: Tok) -> bool:
    """A kind of organisation: its stem with a short case ending ("клубымен", "общества")."""
    ending = _org_ending(t)
    return ending is not None and len(ending[0]) <= 5 and not ending[1]


def _event_of_theme(free: list[Tok], starts: list[int], theme: Tok) -> Tok | None:
    """The event a theme word belongs to: written just before the theme phrase ("семинар на тему",
    "a seminar on the theme") or just after the Kazakh "тақырыбында" (a modifier such as
    "халықаралық" between)."""
    k = bisect.bisect_left(starts, theme.start)
    before = free[max(0, k - 3):k]
    # a modifier or a participle may stand between: "тақырыбында өткен / ұйымдастырылған семинар"
    after = [t for t in free[k + 1:k + 4] if not _is(t, EVENT_PREFIX) and not _is(t, HELD)
             and not t.key.endswith(KK_PARTICIPLE)][:1]
    return next((t for t in list(reversed(before)) + after if _event_type(t) is not None), None)


def _org_adjective(t: Tok) -> bool:
    """An adjective built on a kind of organisation: қоғамдық, общественный."""
    ending = _org_ending(t)
    return ending is not None and ending[1]


def _keyword_beside(t: Tok, title_start: int, lang: str | None) -> tuple[str, str | None] | None:
    """What a word written right beside a quoted title makes of it: ``(kind, class)``, or None.

    A kind of organisation is written before the name in Russian ("клуб «Краевед»"; after it, a
    genitive belongs to what follows: "книга «…» издательства «Фолиант»") and after it in Kazakh
    ("«Краевед» клубымен"); English has both."""
    ev = _event_type(t)
    if ev is not None:
        return "event", ev
    before = t.end <= title_start
    if _org_kind(t) and (lang is None or lang == "en" or before == (lang == "ru")):
        return "organization", None
    if _is(t, PROJECT_WORDS):
        return "project", "Programme" if _is(t, PROGRAMME_WORDS) else None
    cls = next((cls for cls, stems in WORK_WORDS.items() if _is(t, stems)), None)
    if cls is None and t.key == BOOK_KK:
        cls = "Publication"  # "кітап" itself (its prefix would also open "кітапхана", library)
    return ("work", cls) if cls is not None else None


def _electronic_library(text: str, free: list[Tok], starts: list[int], sides: list[Tok], qs: int,
                        qe: int) -> tuple[int, int] | None:
    """The span of "электронная библиотека" beside a title ("электронной библиотеке «…»", "the
    electronic library “…”", "«…» электрондық кітапханасы"): a digital collection of texts,
    which the project files call a work, not a library."""
    for t in sides:
        k = bisect.bisect_left(starts, t.start)
        if t.end <= qs and _is(t, LIBRARY_HEAD) and k > 0 and _is(free[k - 1], ELECTRONIC) \
                and not text[free[k - 1].end:t.start].strip():
            return free[k - 1].start, t.end
        if t.start >= qe and _is(t, ELECTRONIC) and k + 1 < len(free) and _is(free[k + 1], LIBRARY_HEAD) \
                and not text[t.end:free[k + 1].start].strip():
            return t.start, free[k + 1].end
    return None


def _outside(toks: list[Tok], spans: list[tuple[int, int]]) -> list[Tok]:
    """The tokens not inside any of ``spans`` (sorted, not overlapping: quoted titles), in one pass."""
    out, j = [], 0
    for t in toks:
        while j < len(spans) and spans[j][1] < t.end:
            j += 1
        if not (j < len(spans) and spans[j][0] <= t.start and t.end <= spans[j][1]):
            out.append(t)
    return out


_SPEECH_DASH = re.compile(r"\s*[,.!?…]?\s*[—–-]\s+[a-zа-яёәғқңөұүһі]")
# A quote of any length, a comma, a dash and a verb of saying: "«Книги не знают границ», – сказала X"
_SAID_AFTER = re.compile(r"\s*[,!?…]\s*[—–-]\s+(?:сказал|отметил|подчеркнул|заметил|добавил|говорит|пояснил|"
                         r"призна|said|says|noted|added|деді|айтты|атап)", re.IGNORECASE)


def _direct_speech(text: str, end: int, title: str) -> bool:
    """A quoted sentence followed by a dash and the speaker's verb is what someone said, not a
    title: "«Книги, которые приехали из Барнаула, помогут нашим читателям», — отметила …". A
    short quote before a dash may be a name being defined ("«Встречи на границах» — это проект")."""
    return len(title.split()) >= 6 and bool(_SPEECH_DASH.match(text, end)) \
        or bool(_SAID_AFTER.match(text, end)) and _sentence_initial(text, end - len(title) - 2)


def _one_word_per_name(toks: list[Tok], names: Iterable[tuple[int, int]]) -> list[Tok]:
    """``toks`` with each known name reduced to its first word: "the conference of the Library
    Assembly of Eurasia (LAE) «…»" is as near its title as "the conference of the LAE «…»"."""
    spans = sorted(names)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [m[0] for m in merged]
    out = []
    for t in toks:
        k = bisect.bisect_right(starts, t.start) - 1
        if k >= 0 and merged[k][0] < t.start and t.end <= merged[k][1]:
            continue  # inside a name, after its first word
        out.append(t)
    return out


def book_beside(text: str, toks: list[Tok], start: int, end: int, window: int = 3) -> bool:
    """A word for a book or a poem within ``window`` words of the quoted title at ``start``–``end``,
    in its sentence ("роман «Путь Абая»", "«Абай жолы» романы", "the novel “The Path of Abai”")."""
    starts = [t.start for t in toks]
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, end)
    near = [t for t in toks[max(0, i - window):i] if not _apart(text, t.end, start)] + \
        [t for t in toks[j:j + window] if not _apart(text, end, t.start)]
    return any(_is(t, WORK_WORDS["Publication"]) or _is(t, _BOOK_EVIDENCE) for t in near)


# Words that speak of a book without being its kind: its translations and editions
_BOOK_EVIDENCE = tuple(fold(w) for w in ("аударма", "перевод", "translation", "издани", "басылым", "edition"))


# What joins two titles of one list, quote marks aside: "«A» и «B»", "“A”, “B”", "«A» мен «B»", "«A», а
# также «B»", "«A» («B»)"
TITLES_JOINED = re.compile(r"\s*(?:,|и|and|or|или|мен|бен|пен|және|немесе|,\s*а\s+также)?\s*\(?\s*|\s*\)\s*",
                           re.IGNORECASE)


def _joined_to(text: str, titles: list[tuple[int, int, str]], start: int, end: int, before: bool) -> bool:
    """The titles between a kind word and a title (``start``–``end``) are of one list with it (only
    list words between each and the next): a kind word reaches across such titles, not across others.
    ``before``: the kind word stands before the title (at ``start``), else after it (at ``end``)."""
    between = sorted((a, b) for a, b, _ in titles if start <= a and b <= end)
    if not between:
        return True
    if before:  # "романы «A» и «B»": from each title between to the next, and from the last to the title
        gaps = [(b, a2) for (_, b), (a2, _) in zip(between, between[1:])] + [(between[-1][1], end)]
    else:  # "«A» және «B» басылымдары": from the title to the first between, and on to the next
        gaps = [(start, between[0][0])] + [(b, a2) for (_, b), (a2, _) in zip(between, between[1:])]
    return all(TITLES_JOINED.fullmatch(text, x, y) for x, y in gaps)


def titled_things(text: str, toks: list[Tok], original: str | None = None,
                  lang: str | None = None, names: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Events, projects, works and organisations named by a quoted title beside their keyword.

    A keyword written right beside the title (only spaces between) decides; otherwise one a few
    words away does (organisations excepted: their kind must stand beside the name; a name the
    authority file knows, ``names``, counts as one word). ``original`` is the unnormalised text
    (same length): quote marks are paired on it.
    """
    out: list[Candidate] = []
    titles = quoted_titles(original if original is not None else text)
    free = _one_word_per_name(_outside(toks, [(a, b) for a, b, _ in titles]), names)
    starts = [t.start for t in free]
    beside = {(qs, qe): _beside(text, free, starts, qs, qe) for qs, qe, _ in titles}
    tok_starts = [t.start for t in toks]
    # a word written right beside another title, between the two, is that title's ("the «A» project,
    # «B»"); a word after both of "«A» and «B» projects" is both titles': words right after a title
    # are claimed for the titles after them, words right before one for the titles before it
    after_a_title = {id(t) for (a, b), ts in beside.items() for t in ts if t.start >= b}
    before_a_title = {id(t) for (a, b), ts in beside.items() for t in ts if t.end <= a}
    for qs, qe, title in titles:
        if _direct_speech(text, qe, title):
            continue
        k0, k1 = bisect.bisect_right(tok_starts, qs), bisect.bisect_left(tok_starts, qe)
        if k1 - k0 >= 2 and _is(toks[k1 - 1], WORK_WORDS["Periodical"]) and toks[k0].capitalized:
            # a newspaper or a journal named with its kind last («Киргизская степная газета»,
            # «Библиотечный журнал»): the periodical, whatever word stands beside it
            out.append(Candidate("work", qs + 1, qe - 1, "rule:work-title", 0.6, cls="Periodical", label=title))
            continue
        own = {id(t) for t in beside[(qs, qe)]}

        def claimed(t: Tok, qs: int = qs, qe: int = qe, own: set[int] = own) -> bool:
            # (nor does a keyword reach across another title, but for a list of them: "Көрмеге «A»
            # басылымы және «B» …" — the exhibition is not B's; "романы «A» и «B»" are both novels)
            if id(t) in own:
                return False
            if id(t) in after_a_title and t.end <= qs or id(t) in before_a_title and t.start >= qe:
                return True
            return not (_joined_to(text, titles, t.end, qs, True) if t.end <= qs
                        else _joined_to(text, titles, qe, t.start, False))

        near = functools.partial(_near_keyword, free, starts, qs, qe, taken=claimed, text=text)
        # the word before the title first, except in Kazakh, which writes the kind after it; a
        # capitalised word after a title opens another name ("«…» Meetings at the boundary")
        sides = [t for t in beside[(qs, qe)] if t.end <= qs or not t.capitalized]
        # "«Мұра» қоғамдық бірлестігі": an adjective of a kind of organisation, then the kind
        after = [t for t in sides if t.start >= qe and _org_adjective(t)]
        if after:
            k = bisect.bisect_left(starts, after[0].end)
            if k < len(free) and not text[after[0].end:free[k].start].strip() and _org_kind(free[k]):
                sides = [free[k]] + sides
        elif lang == "kk":
            # "«Әзірет Сұлтан» мемлекеттік тарихи-мәдени қорық-мұражайы": up to three modifiers of an
            # institution, then its kind
            k = bisect.bisect_left(starts, qe)
            j, doing = k, False
            while j < min(k + 3, len(free)) and not _org_kind(free[j]) \
                    and not text[(free[j - 1].end if j > k else qe):free[j].start].strip():
                if _kk_doing(free[j]) or free[j].key == BOOK_KK and j + 1 < len(free) and _kk_doing(free[j + 1]):
                    doing = True  # "«…» біліктілікті арттыру курсы": what the event does, then its kind
                elif not _is(free[j], INSTITUTION_MOD):
                    break
                j += 1
            if k < j < len(free) and not text[free[j - 1].end:free[j].start].strip() \
                    and (_org_kind(free[j]) and not doing or _event_type(free[j]) is not None):
                sides = [free[j]] + sides  # "«Махамбет оқулары» әдеби кеші": a literary evening too
        named = [t for t in sides if t.start >= qe and t.key in NAMED_KK]
        if named:  # "«…» атты жаңа кітап": the first word naming a kind within three of "атты" ("«…»
            # атты Қорған – Петропавл бейнекөпірі"), or five of lower-case words ("«…» атты халықаралық жас
            # оқырмандар байқауы", "… атты халықаралық айтыс және күй фестивалі")
            k = bisect.bisect_left(starts, named[0].end)
            j, kind = next(((j, t) for j, t in enumerate(free[k:k + 5], k + 1)
                            if not re.search(r"[\n,.;:!?]", text[named[0].end:t.start])
                            and (j - k <= 3 or not any(w.capitalized for w in free[k:j - 1]))
                            and _keyword_beside(t, qs, "kk") is not None), (0, None))
            if kind is not None:
                # "«…» атты өлең кеші": a poetry evening, the kind of event the genre word qualifies
                if j < len(free) and text[kind.end:free[j].start] == " " and _event_type(free[j]) is not None:
                    kind = free[j]
                sides = [kind] + [t for t in sides if t is not named[0]]
        if lang == "ru":
            k = bisect.bisect_left(starts, qs)
            club = free[max(0, k - 3):k]  # "клуб любителей книги «…»": kind, friends, of what
            if len(club) == 3 and _org_kind(club[0]) and _is(club[1], FRIENDS_OF) \
                    and "\n" not in text[club[0].start:qs] and not club[1].capitalized:
                sides = [club[0]]
        sides.sort(key=lambda t: (t.end <= qs) == (lang == "kk"))
        found = next(((t, k) for t in sides for k in [_keyword_beside(t, qs, lang)] if k), None)
        if found is None:  # "круглый стол «…»": the table is the kind after "round"
            table = next((t for t in sides if t.end <= qs and _round_table(toks, bisect.bisect_left(tok_starts, t.start))),
                         None)
            k = bisect.bisect_left(tok_starts, qe)
            if lang == "kk" and k + 2 < len(toks) and toks[k].key in NAMED_KK and text[qe:toks[k].start].strip() == "":
                k += 1  # "«…» атты дөңгелек үстел"
            if table is None and lang == "kk" and k + 1 < len(toks) and re.fullmatch(r"\s*(?:атты\s+)?", text[qe:toks[k].start]) \
                    and text[toks[k].end:toks[k + 1].start] == " " and _round_table(toks, k + 1):
                table = toks[k + 1]  # "«Сәкен және Омбы» дөңгелек үстелі": Kazakh writes the kind after
            if table is not None:
                found = (table, ("event", "round table"))
        if found is None:
            shelf = _electronic_library(text, free, starts, sides, qs, qe)
            if shelf is not None:  # the kind words with the title: longer than the project it is named for
                out.append(Candidate("work", min(qs, shelf[0]), max(qe, shelf[1]), "rule:work-title", 0.7,
                                     cls="DigitalCollection", label=title, extra={"electronic_library": True}))
                continue
        if found is not None and found[1][0] == "work" and found[0].end <= qs and lang != "kk":
            # "конкурса эссе «…»", "выставка книг «…»", "contest of essays": what the event gathers,
            # then its title; the event before the genre word is what the title names
            k = bisect.bisect_left(starts, found[0].start)
            prev = free[k - 1] if k > 0 else None
            if prev is not None and text[prev.end:found[0].start] in (" ", " of ") \
                    and _event_type(prev) not in (None, "presentation") and found[0].text.lower() not in ("книги", "book"):
                # (a presentation is of the book its title names, "выставка книги «…»" of one book)
                found = (prev, ("event", _event_type(prev)))
        if found is not None and found[0].key == BOOK_KK and found[0].start >= qe:
            # "«…» кітап көрмесі": a book exhibition, named by the word after "кітап"
            k = bisect.bisect_left(starts, found[0].end)
            nxt = free[k] if k < len(free) and not text[found[0].end:free[k].start].strip() else None
            if nxt is not None and _event_type(nxt) is not None:
                found = (nxt, _keyword_beside(nxt, qs, lang))
        if found is None and _SPOKE_ON.search(text, max(0, qs - 30), qs):
            # "X spoke on “…”": the title of X's talk
            out.append(Candidate("work", qs + 1, qe - 1, "rule:work-title", 0.55, cls="Report", label=title))
            continue
        theme = near(THEME_WORDS, window=2) if found is None else None
        event = _event_of_theme(free, starts, theme) if theme is not None else None
        if event is not None:
            # "семинар на тему «…»", "«…» тақырыбында халықаралық семинар": the event's own title
            found = (event, _keyword_beside(event, qs, None))
        elif theme is not None:
            # "reports on the theme: «…»", "доклад на тему «…» на семинаре": a talk's or a paper's title
            report = near(WORK_WORDS["Report"], window=5)
            out.append(Candidate("work", qs + 1, qe - 1, "rule:work-title", 0.55,
                                 cls="Report" if report is not None else None, label=title))
            continue
        if found is not None and found[1] == ("event", "readings") and found[0].key in AMBIGUOUS_READINGS \
                and not (found[0].capitalized or "-" in found[0].text):
            k = bisect.bisect_left(tok_starts, found[0].start)
            before = toks[k - 1] if k else None
            if before is not None and not (_PLURAL_ADJECTIVE.search(before.text.lower()) or _is(before, HELD)):
                found = None  # "продвижению чтения «Читающая семья»": reading; "прошли чтения «…»" are readings
        if found is None:
            # (a presentation is of the book or collection its title names: only beside the title)
            kw = next((kw for ev, stems in EVENT_WORDS.items() if ev != "presentation"
                       for kw in [near(stems)] if kw is not None), None)
            if kw is None:  # the kinds matched as whole forms: "конкурса чтецов «…»", "вечер поэзии «…»"
                kw = _near_event_form(free, starts, qs, text)
            if kw is None and lang == "ru":
                kw = _gathering_before(free, starts, qs, text)
            if kw is not None:
                found = (kw, _keyword_beside(kw, qs, None))
        if found is None and lang == "en":
            kw = _apposed_event(text, free, starts, qs, qe)
            if kw is not None:  # "a one-day workshop on family reading, "A Book Without a Visa"."
                found = (kw, ("event", _event_type(kw)))
        if found is None:
            kw = near(PROJECT_WORDS, window=2)
            if kw is not None:
                found = (kw, ("project", "Programme" if _is(kw, PROGRAMME_WORDS) else None))
        if found is None and lang == "ru":
            # "программа летнего чтения «Каспийское лето»": the programme, what it is of, its title
            kw = near(PROGRAMME_WORDS, window=3)
            if kw is not None and kw.end <= qs and re.fullmatch(r"(?:\s+[а-яё-]+){1,2}\s*", text[kw.end:qs]):
                found = (kw, ("project", "Programme"))
        if found is None:
            k = bisect.bisect_right(tok_starts, qs)
            # a genre word opening or closing the title: «Dictionary of Russian names», «Қазақ хрестоматиясы»
            inside = [t for t in (toks[k], toks[bisect.bisect_left(tok_starts, qe) - 1])
                      if qs < t.start and t.end < qe] if k < len(toks) else []
            for cls, stems in WORK_WORDS.items():
                kw = near(stems, window=2) or (_book_of_someone(free, starts, qs, text) if cls == "Publication" else None)
                if kw is not None or cls in ("Agreement", "Concept") and inside and inside[0].capitalized \
                        and _is(inside[0], stems) or cls == "Publication" and inside and (
                        inside[0].capitalized and _is(inside[0], stems)
                        or len(inside) == 2 and inside[1] is not inside[0] and _is(inside[1], GENRE_LAST)):
                    found = (kw, ("work", cls))
                    break
        if found is None and title[:1].isupper():
            # a series of readings named with its kind last: «Достоевский оқулары», «Пушкинские чтения»,
            # «Abai Readings» (not a festival: «… настоящий праздник» is as often what someone said)
            k_last = bisect.bisect_left(tok_starts, qe) - 1
            last_word = toks[k_last] if 0 <= k_last < len(toks) and toks[k_last].start > qs + 1 else None
            if last_word is not None and _event_type(last_word) == "readings" and len(title.split()) <= 4 \
                    and title[-1:].isalpha():
                found = (last_word, ("event", _event_type(last_word)))
        if found is not None and found[1] and found[1][0] == "event" and _a_display(text, found[0]):
            found = None  # "экскурсия по экспозиции «Омск литературный»": the display, no event
        if found is None and title[:1].isupper():
            # who wrote it, right before a title that opens as a name does: "He wrote “The Little
            # Humpbacked Horse” while …", "написал «…»" (not "wrote «just some words» on the board")
            kw = near(WROTE, window=1)
            if kw is not None and not _INSCRIBED.match(text, qe):  # not "wrote «Спасибо» on the board"
                found = (kw, ("work", "Publication"))
        if found is None and title[:1].isupper():
            # a list of books, each item its author's name, then the title: "1. Abish Kekilbayev, “The
            # End of the Legend”", "- Мухтар Ауэзов «Путь Абая»"
            line_start = text.rfind("\n", 0, qs) + 1
            item = _LISTED_WORK.fullmatch(text, line_start, qs)
            line_end = text.find("\n", qe)
            line_end = len(text) if line_end < 0 else line_end
            heading_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
            if item is not None and title[-1:] not in ".!?" \
                    and _LISTED_WORK_END.match(text, qe) \
                    and not any(_is(t, INSTITUTION_HEAD) or _is(t, LIBRARY_HEAD)
                                for t in tokenize(item.group("author"))) \
                    and (_BOOK_CUE.search(text[qe:line_end]) or _BOOK_CUE.search(text[heading_start:line_start])
                         or _BOOK_CUE.search(text[:text.find("\n") if "\n" in text else len(text)])):
                year = re.match(r"\s*\((\d{4})\)", text[qe:qe + 10])  # "“Zangezi” (1922)"
                out.append(Candidate("work", qs + 1, qe - 1, LISTED_WORK, 0.6, cls="Publication", label=title,
                                     extra={"authors": [item.span("author")],
                                            **({"year": year.group(1)} if year else {})}))
                continue
            # the other order: the title first, then its author or speaker: "1. «…» – Т. В. Лагутина,
            # заведующая …" (a programme's talks), "- “…” by N. A. Kudryavtseva (Orenburg, 2011)"
            after = _LISTED_AUTHOR_AFTER.match(text, qe)
            if _LIST_ITEM_START.fullmatch(text, line_start, qs) and after is not None \
                    and not any(_is(t, INSTITUTION_HEAD) or _is(t, LIBRARY_HEAD)
                                for t in tokenize(after.group("author"))):
                heading = text[max(0, line_start - 600):line_start].rstrip().rsplit("\n", 1)[-1]
                talks = _TALKS_HEADING.search(heading) is not None and heading.endswith(":")
                out.append(Candidate("work", qs + 1, qe - 1, LISTED_WORK, 0.6, cls="Report" if talks else "Publication",
                                     label=title, extra={"authors": [after.span("author")]}))
                continue
        if found is None:
            continue
        kw, (kind, cls) = found
        if kind == "event":
            s, e = min(qs, kw.start), max(qe, kw.end)
            if kw.end < qs and "," in text[kw.end:qs]:
                s = qs  # set off by commas: the words between say what it is about, and name places of their own
            out.append(Candidate("event", s, e, "rule:event-title", 0.75, cls=EVENT_CLASS[cls], label=title,
                                 extra={"event_type": cls, **({"kind_in_title": True} if qs < kw.start < qe else {})}))
        elif kind == "organization":  # the club «Kraeved», «Мұра» қоғамы: the name and its kind together
            s = kw.start
            k = bisect.bisect_left(starts, kw.start)
            if kw.end <= qs and k > 0 and free[k - 1].key == PUBLISHING and not text[free[k - 1].end:kw.start].strip():
                s = free[k - 1].start  # "the publishing house “Foliant”"
            out.append(Candidate("organization", min(qs, s), max(qe, kw.end), ORG_TITLE, 0.6, label=title))
        elif kind == "project":
            out.append(Candidate("project", qs + 1, qe - 1, "rule:project-title", 0.7, cls=cls, label=title))
        else:
            out.append(Candidate("work", qs + 1, qe - 1, "rule:work-title", 0.6, cls=cls, label=title))
    return out


# A list item up to a book's title: a number or a bullet, its author's name (two to four words,
# capitalised), a comma or a dash
LISTED_WORK = "rule:listed-work"
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LISTED_WORK = re.compile(rf"[ \t]*(?:\d{{1,2}}[.)]|[-–—•*])[ \t]*(?P<author>(?:[{_UPPER}][\w'’.-]*[ \t]+){{1,3}}"
                          rf"[{_UPPER}][\w'’-]+)[ \t]*[,–—-]?[ \t]*")
# A list item up to its title, and after the title a dash or "by" and a name (initials and a surname, or
# two to four capitalised words), then the line's end, a comma (a post), a full stop or brackets
_LIST_ITEM_START = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-–—•*])[ \t]*")
_LISTED_AUTHOR_AFTER = re.compile(rf"[»”\"]?[ \t]*(?:[–—-]|,?[ \t]+by)[ \t]+(?P<author>(?:[{_UPPER}][\w'’.-]*[ \t]*){{1,3}}"
                                  rf"[{_UPPER}][\w'’-]+)(?=[ \t]*(?:$|[,.;(]))", re.MULTILINE)
# the heading over a list of talks: "Баяндамалар:", "Доклады:", "Papers:"
_TALKS_HEADING = re.compile(r"(?i)доклад|баяндама|выступлени|papers?\b|talks?\b|reports?\b")
# after the title: the line's end, a full stop, or the year in brackets (not "JSC", "номинациясы")
_LISTED_WORK_END = re.compile(r"[»”\"]?[ \t]*(?:$|[.;,]|\(\d{4}\))", re.MULTILINE)
# a list of books says so: in the item after its title, in the line over the list, or in the title
_BOOK_CUE = re.compile(r"(?i)\b(?:books?|novel|novella|poem|poetry|story|stories|diary|journal|memoirs?|essays?|"
                       r"epic|reading|collection|verse|книг\w*|роман\w*|повест\w*|поэм\w*|рассказ\w*|стих\w*|"
                       r"сборник\w*|дневник\w*|чтени\w*|кітап\w*|өлең\w*|әңгіме\w*|поэма\w*|жинақ\w*)")

# Kinds of small places written after their name (districts, villages), folded: a capitalised name
# right before one is a place, whether or not the authority file knows it ("Володарский ауданындағы
# Алтынжар ауылында", "Бийского района", "the Shemonaikha district").
PLACE_KIND_AFTER = {"kk": fold_all(("аудан", "ауыл", "кент")), "ru": fold_all(("район",)),
                    "en": fold_all(("district", "village", "settlement"))}
# Whole Kazakh forms of "village" (the stem also opens ауылшаруашылық, agriculture), and ethnonyms
# that make "a Kazakh village" no name.
_KK_VILLAGE = frozenset(fold(w) for w in ("ауыл", "ауылы", "ауылында", "ауылының", "ауылына", "ауылынан",
                                          "ауылын", "ауылдағы"))
_ETHNONYMS = frozenset(fold(w) for w in ("қазақ", "орыс", "kazakh", "russian", "казахский", "русский",
                                         "казахского", "русского", "казахском", "русском", "казахских",
                                         "русских", "german", "tatar", "ukrainian", "немецких", "татарских"))
# A district named after a person ends like a surname; "-ский" ones are adjectives ("Володарский")
_PERSON_DISTRICT = ("ov", "ev", "in", "ova", "eva", "ina", "uli", "kizi", "enko")
_KK_TOWN = (fold("қаласы"), fold("қаласын"), fold("қаласында"), fold("қаласынан"), fold("қаласына"))
KK_PLACE_KIND = dict(zip(PLACE_KIND_AFTER["kk"], ("ауданы", "ауылы", "кенті")))
_RU_VILLAGES = frozenset(fold(w) for w in ("сёлах", "селах", "сёлами", "селами", "посёлках", "поселках", "посёлками",
                                           "деревнях", "станицах"))
_RU_VILLAGE = tuple(fold(w) for w in ("село", "селе", "села", "селом", "посёлок", "посёлке", "посёлка", "поселок",
                                      "поселке", "поселка", "деревня", "деревне", "деревни", "станица", "станице")) \
    + tuple(_RU_VILLAGES)
# Plurals and adjectives on those stems name no one place: "аудандары", "аудандық", "ауылдық", "districts".
_NOT_PLACE_KIND = fold_all(("аудандар", "аудандық", "ауылдар", "ауылдық"))
_PLURAL_PLACE_KIND = frozenset(fold(w) for w in ("районы", "районов", "районах", "районам", "districts", "villages",
                                                 "settlements"))
# A list of names before a plural kind word names one place each: "Петуховского и Звериноголовского
# районов", "Ертіс және Железин аудандарындағы", "Петухово мен Мамлютка қалаларының", "the Mamlyut and
# Kyzylzhar districts". (folded plural stem, class, the singular that labels each)
_PLURAL_KINDS = {
    "ru": ((fold("районов"), "District", "район"), (fold("районах"), "District", "район"),
           (fold("районам"), "District", "район")),
    "kk": ((fold("аудандар"), "District", "ауданы"), (fold("қалалар"), "City", ""), (fold("ауылдар"), "Village", "ауылы")),
    "en": ((fold("districts"), "District", "District"), (fold("towns"), "City", ""), (fold("villages"), "Village", "")),
}
_LIST_AND = fold_all(("и", "және", "мен", "бен", "пен", "and"))
# "the village of Altynzhar": the kind first in English
_EN_KIND_OF = {fold("village"): "Village", fold("town"): "City", fold("settlement"): "Village"}


def marked_places(text: str, toks: list[Tok], lang: str, persons: frozenset[int] = frozenset()) -> list[Candidate]:
    """Districts and villages named before their kind word; the span holds the kind word, so it is
    longer than a city of the same name inside it ("Павлодар ауданы" is the district)."""
    kinds = PLACE_KIND_AFTER.get(lang)
    if not kinds:
        return []
    out = []
    for k, t in enumerate(toks):
        if k == 0 or not _is(t, kinds) or _is(t, _NOT_PLACE_KIND) or t.key in _PLURAL_PLACE_KIND:
            continue
        if lang == "kk" and t.key.startswith("auil") and t.key not in _KK_VILLAGE:
            continue  # ауылшаруашылық: agriculture
        if lang == "kk" and t.key == fold("аудан") and toks[k - 1].text.lower().endswith(kk_cases.LOCATIVE + kk_cases.ABLATIVE):
            continue  # "Славгородта аудан кітапханашыларына": in Slavgorod, for the district's librarians
        if k + 1 < len(toks) and toks[k + 1].capitalized and lang == "en" and not text[t.end:toks[k + 1].start].strip():
            continue  # "the Shemonaikha Central District Library": the district word is part of a name
        if toks[k - 1].key in _ETHNONYMS:
            continue  # "a Kazakh village"
        s = k
        while s > 0 and k - s < 2 and toks[s - 1].capitalized and not toks[s - 1].text.isupper() \
                and text[toks[s - 1].end:toks[s].start] == " ":
            s -= 1
        if s == k:
            continue
        if k - s == 2 and _sentence_initial(text, toks[s].start) and not toks[s + 1].key.endswith(_PERSON_DISTRICT):
            s += 1  # "Зираты Володарский ауданында": the word opening the sentence is no part of it
        if lang == "ru":
            if not toks[k - 1].key.endswith(("ski", "skogo", "skom", "skomu", "ckii", "ckogo")):
                continue  # Russian names its district by one adjective: "Бийского района"
            s = k - 1
            # the label in the nominative, one IRI for "Бийского района" and "Бийском районе"
            adjective = re.sub(r"(ского|ском|скому|ским)$", "ский", toks[s].text)
            adjective = re.sub(r"(цкого|цком|цкому|цким)$", "цкий", adjective)
            out.append(Candidate("place", toks[s].start, t.end, "rule:marked-place", 0.6,
                                 label=f"{adjective} район", cls="District"))
            continue
        if _sentence_initial(text, toks[s].start) and k - s == 1 and lang != "kk":
            continue  # "Districts …" opening a sentence, "Village libraries …"
        name = text[toks[s].start:toks[k - 1].end]
        # the label in the nominative where the kind word carries the case: "Алтынжар ауылы"
        label = f"{name} {KK_PLACE_KIND[next(st for st in kinds if t.key.startswith(st))]}" if lang == "kk" else None
        cls = "Village" if t.key.startswith(("auil", "vilage", "setlem")) else "District"
        out.append(Candidate("place", toks[s].start, t.end, "rule:marked-place", 0.6, label=label, cls=cls))
    out += _listed_places(text, toks, lang, persons)
    if lang == "en":  # "the village of Altynzhar"
        for k, t in enumerate(toks[:-2]):
            of, nxt = toks[k + 1], toks[k + 2]
            if t.key in _EN_KIND_OF and not t.capitalized and of.key == "of" and nxt.capitalized \
                    and not nxt.text.isupper() and text[of.end:nxt.start] == " ":
                out.append(Candidate("place", nxt.start, nxt.end, "rule:marked-place", 0.6, cls=_EN_KIND_OF[t.key]))
    if lang == "kk":  # "(Мамлют қ.)", "Мамлют қаласында": a town marked as one
        for k, t in enumerate(toks[1:], 1):
            p = toks[k - 1]
            if p.capitalized and not p.text.isupper() and text[p.end:t.start] == " " and (
                    t.text == "қ" and text[t.end:t.end + 1] == "." or t.key.startswith(_KK_TOWN)):
                out.append(Candidate("place", p.start, p.end, "rule:marked-place", 0.6, cls="City"))
    if lang == "ru":  # "в селе Сростки", "посёлок Шемонаиха": the kind first, the name as written
        for k, t in enumerate(toks[:-1]):
            nxt = toks[k + 1]
            if _is(t, _RU_VILLAGE) and nxt.capitalized and not nxt.text.isupper() \
                    and text[t.end:nxt.start] == " ":
                out.append(Candidate("place", nxt.start, nxt.end, "rule:marked-place", 0.6, cls="Village"))
                # "в сёлах Казталовка и Жалпактал": the plural kind names the one after "и" too
                if t.key in _RU_VILLAGES and k + 3 < len(toks) and toks[k + 2].key == "i" \
                        and toks[k + 3].capitalized and not toks[k + 3].text.isupper() \
                        and text[nxt.end:toks[k + 3].start] == " и ":
                    out.append(Candidate("place", toks[k + 3].start, toks[k + 3].end, "rule:marked-place", 0.6,
                                         cls="Village"))
    return out


def _listed_places(text: str, toks: list[Tok], lang: str, persons: frozenset[int] = frozenset()) -> list[Candidate]:
    """Each name of a list closed by a plural kind word (see ``_PLURAL_KINDS``): not a people's
    adjective ("the Russian and Kazakh villages"), nor a person the authority file knows (districts
    named after people, "Абай мен Шәкәрім аудандары", are read by ``marked_places`` one by one),
    nor the districts of a town ("Ленинского и Кировского районов Омска")."""
    out: list[Candidate] = []
    kinds = _PLURAL_KINDS.get(lang, ())
    for k, t in enumerate(toks):
        kind = next((x for x in kinds if t.key.startswith(x[0])), None)
        if kind is None or k < 3 or text[toks[k - 1].end:t.start] != " " \
                or lang == "en" and not t.text.lower().endswith("s"):  # the fold writes "districts" like "district"
            continue
        _, cls, singular = kind
        names = [k - 1]
        j = k - 1
        while j >= 2:
            gap = text[toks[j - 1].end:toks[j].start]
            if toks[j - 1].key in _LIST_AND and gap == " " and text[toks[j - 2].end:toks[j - 1].start] in (" ", ", "):
                nxt = j - 2
            elif gap == ", ":
                nxt = j - 1
            else:
                break
            if not toks[nxt].capitalized:
                break  # "… тоқталып, Ертіс және Железин аудандарындағы": the list began after the comma
            j = nxt
            names.append(j)
        if len(names) < 2:
            continue  # one name before a plural is no list ("Курганские районы" are several)
        words = [toks[i] for i in names]
        if not all(w.capitalized and not w.text.isupper() for w in words):
            continue  # (the first may open the sentence: the others are names mid-sentence)
        if any(w.key in _ETHNONYMS or w.start in persons for w in words):
            continue
        after = toks[k + 1] if k + 1 < len(toks) else None
        if lang == "ru" and after is not None and after.capitalized and text[t.end:after.start] == " " and not (
                k + 2 < len(toks) and _is(toks[k + 2], REGION_WORDS)):
            continue  # "районов Омска": a town's districts, not the region's
        if lang == "ru" and not all(w.key.endswith(("skogo", "ckogo", "skih", "ckih")) for w in words):
            continue  # Russian lists districts by adjectives in the genitive: "Петуховского и … районов"
        for w in reversed(words):  # in the order written
            if lang == "ru":
                label = re.sub(r"(ского|ских)$", "ский", w.text)
                label = f"{re.sub(r'(цкого|цких)$', 'цкий', label)} {singular}"
            else:
                label = f"{w.text} {singular}".strip()
            out.append(Candidate("place", w.start, w.end, "rule:marked-place", 0.6, label=label, cls=cls))
    return out


# Government bodies named head first, by what they govern and where: "Ministry of culture of the
# Samara region", "Department of culture, archives and documentation of Aktobe oblast", "Управление
# культуры, архивов и документации ЗКО".
BODY_HEAD = fold_all(("ministry", "department", "committee", "administration", "министерств", "управлени",
                      "департамент", "комитет", "консульств", "посольств", "consulate", "embassy", "акимат",
                      "akimat"))
_BODY_LINK = frozenset(fold(w) for w in ("of", "the", "and", "и", "for", "по"))
_REGION_TAIL = fold_all(("region", "oblast", "krai", "област", "края", "крае"))
# (any case: "поддержан акиматом Костанайской области", "управлением культуры Курганской области")
_RU_BODY = fold_all(("министерств", "управлени", "департамент", "комитет", "консульств", "посольств", "акимат"))
# A Russian remit is nouns in the genitive: "культуры, архивов и документации", "образования"
_RU_REMIT = ("ы", "и", "а", "я", "ов", "ей", "ий")
_GENERAL = fold_all(("генеральн", "general"))
_MISSION = fold_all(("консульств", "посольств", "consulate", "embassy"))
# Kazakh names the body last: "Павлодар облысының мәдениет, тілдерді дамыту және архив ісі
# басқармасы", "ШҚО мәдениет басқармасы", "Алтай Республикасы Мәдениет министрлігі".
KK_BODY_HEAD = fold_all(("басқарма", "министрлі", "комитеті", "департамент", "әкімдігі", "әкімдік", "консулдығ",
                         "елшілі"))
_KK_MISSION = fold_all(("консулдығ", "елшілі"))
_KK_AKIMAT = fold_all(("әкімдігі", "әкімдік"))
# Words a remit never holds: prepositions that open where or with whom, and verbs ("hosted", "поддержало").
_BODY_STOP = frozenset(fold(w) for w in ("in", "at", "on", "to", "with", "from", "by", "is", "are", "was", "were",
                                         "has", "have", "в", "во", "на", "с", "со", "при", "для", "к", "от", "из",
                                         "у", "о", "об", "за"))


def government_bodies(text: str, toks: list[Tok], places: dict[int, int] | None = None) -> list[Candidate]:
    """A capitalised ministry, department or committee, the words of its remit after it (commas
    and "and" between them), ending at the place it serves: a region word ("of the Samara region",
    "Оренбургской области"), an abbreviation (ЗКО, РК) or a place of the authority file
    (``places``: start → end of its matches). Without a place at its end a phrase is no name
    ("the Ministry of Culture is there")."""
    places = places or {}
    out = []
    starts = [x.start for x in toks]
    k = 0
    while k < len(toks):
        t = toks[k]
        # lower case too in Russian: "министерства культуры Астраханской области" (it must end at a place)
        if not ((t.capitalized or t.key.startswith(_RU_BODY)) and not t.text.isupper() and _is(t, BODY_HEAD)) \
                or k + 1 >= len(toks):
            k += 1
            continue
        if t.key.startswith(_MISSION) and _is(toks[k + 1], _GENERAL) and k + 2 < len(toks):
            k += 1  # "the Consulate General of …": the rank is part of the head (t stays its first word)
        first = toks[k + 1]
        if not (first.key == "of" or first.start in places
                or not first.capitalized and first.text.isalpha() and first.key not in _BODY_LINK):
            k += 1
            continue
        end = None
        e = k + 1
        while e < len(toks) and e - k <= 12:
            u, gap = toks[e], text[toks[e - 1].end:toks[e].start]
            if gap.strip() not in ("", ",") or "\n" in gap:
                break
            if u.start in places:
                end = places[u.start]  # "… of Aktobe", "… Российской Федерации"
                j = bisect.bisect_left(starts, end)
                if j < len(toks) and _is(toks[j], _REGION_TAIL) and not text[end:toks[j].start].strip():
                    end = toks[j].end  # "… of Aktobe oblast"
                    j += 1
                if j < len(toks) and (_is(toks[j], LIBRARY_HEAD) or _institution_head(toks[j])):
                    end = None  # "the Department of Rare Books of the Omsk library": a library's department
                break
            if u.text.isupper() and len(u.text) >= 2 and u.text.isalpha():
                end = u.end  # "… документации ЗКО"
                break
            if _is(u, _REGION_TAIL) and toks[e - 1].capitalized:
                end = u.end  # "… of the Samara region"
                break
            if not (u.key in _BODY_LINK or u.text.isalpha()) or u.key in _BODY_STOP or _is(u, LIBRARY_HEAD) \
                    or len(u.key) > 4 and u.key.endswith(("ed", "la", "lo", "li")) or u.key.endswith("l") and len(u.key) > 4 \
                    or re.search("[а-яё]", u.text.lower()) and not u.capitalized and u.key not in _BODY_LINK \
                    and (not u.text.lower().endswith(_RU_REMIT) or u.text.lower().endswith(("ами", "ями"))) \
                    or re.fullmatch("[a-z]+s", u.text) and toks[e - 1].key not in _BODY_LINK and not gap.strip():
                break  # a verb ("приглашает", "supports"), a preposition, a library: the remit is over
            e += 1
        if end is not None:
            start = t.start
            if k > 0 and toks[k - 1].capitalized and toks[k - 1].key.startswith(_GENERAL) \
                    and text[toks[k - 1].end:t.start] == " ":
                start = toks[k - 1].start  # "Генерального консульства …", "the General Consulate …"
            j = bisect.bisect_left(starts, end)
            if t.key.startswith(_MISSION) and j + 1 < len(toks) and toks[j].key in ("v", "in") \
                    and toks[j + 1].start in places and text[end:toks[j].start] == " ":
                end = places[toks[j + 1].start]  # "… Республики Казахстан в Омске"
            out.append(Candidate("organization", start, end, "rule:government-body", 0.6, cls="GovernmentBody"))
            k = bisect.bisect_left(starts, end)
            continue
        k += 1
    return out


def kazakh_government_bodies(text: str, toks: list[Tok], places: dict[int, int] | None = None) -> list[Candidate]:
    """A Kazakh government body: a place (of the authority file, or an abbreviation such as ШҚО),
    the words of its remit (commas and "және" between them), then its kind (басқармасы,
    министрлігі, әкімдігі)."""
    places = places or {}
    ends = {e: s for s, e in places.items()}
    out = []
    for k, t in enumerate(toks):
        if k == 0 or not _is(t, KK_BODY_HEAD):
            continue
        j = k
        start = None
        while j > 0 and k - j < 10:
            p, gap = toks[j - 1], text[toks[j - 1].end:toks[j].start]
            if gap.strip() not in ("", ",") or "\n" in gap:
                break
            if p.end in ends:
                start = ends[p.end]  # "Павлодар облысының …", "Алтай Республикасы …"
                break
            if p.text.isupper() and len(p.text) >= 2 and p.text.isalpha():
                start = p.start  # "ШҚО мәдениет басқармасы"
                break
            governed = toks[j].key.endswith("u")  # "тілдерді дамыту": the object of a remit's verbal noun
            if p.key in ("jane", "men", "ben", "pen"):
                j -= 1  # "және", "мен": and
                continue
            if not p.text.isalpha() or p.key.endswith(KK_PARTICIPLE) or p.key.endswith(KK_LOCATIVE_FORMS) \
                    or p.key.endswith(KK_OUTSIDE_NAMES) and not governed:
                break  # "өткен семинарға …", "қонақтарды …": the clause before the name
            j -= 1
        if start is not None and _is(t, _KK_MISSION) and re.search(r"[дт][аеғ][ғг]?[ыі]$", text[start:start + 40].split()[0]):
            # "Қазақстан Республикасының Омбыдағы Бас консулдығы": the country it represents opens
            # the name, before the town it sits in
            before = text[:start].rstrip()
            country = ends.get(len(before))
            if country is not None and text[country:len(before)].lower().endswith(("ның", "нің", "дың", "дің")):
                start = country
        # an akimat and a mission are named by their place alone ("Қостанай облысы әкімдігі",
        # "Қазақстан Республикасының Ресейдегі Елшілігі"); other bodies by a remit too
        if start is not None and (j < k or _is(t, _KK_AKIMAT + _KK_MISSION)):
            out.append(Candidate("organization", start, t.end, "rule:government-body", 0.6, cls="GovernmentBody"))
    return out


# "“Timur and his team” by Arkady Gaidar": the two capitalised words after a title's "by" are its
# author's name, whatever its ending (English has no NER model here, and "Gaidar" no surname ending)
_BY_AUTHOR = re.compile(r"[”\"»]\s*(?:\(\d{4}\)\s*)?,?\s+by\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+"
                        r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!\s+[A-Z])")


_NOT_A_PERSON_AFTER_BY = frozenset(fold(w) for w in (
    "library", "publishing", "publishers", "press", "opera", "theatre", "theater", "museum", "centre", "center",
    "university", "school", "house", "club", "society", "studio", "agency", "foundation", "fund", "group", "team"))


def authors_by(text: str, lang: str) -> list[Candidate]:
    """The author named by "by" right after a quoted title, in English ("by Omsk Library", "by
    Almaty Publishing" are bodies: their kinds, or a library's or an institution's head, end them)."""
    if lang != "en":
        return []
    out = []
    for m in _BY_AUTHOR.finditer(text):
        words = tokenize(m.group("name"))
        if any(t.key in _NOT_A_PERSON_AFTER_BY or _is(t, LIBRARY_HEAD) or _is(t, INSTITUTION_HEAD) for t in words):
            continue
        out.append(Candidate("person", m.start("name"), m.end("name"), "rule:by-author", 0.6))
    return out


def persons(text: str, toks: list[Tok], places: frozenset[int] = frozenset()) -> list[Candidate]:
    """Persons written with initials; in English with a given name before one initial too ("Lyudmila
    A. Sedykh"), where that word is no place, no post and does not open the sentence."""
    out = []
    i = 0
    while i < len(toks):
        r = initials_person(toks, i, text)
        if r is not None:
            start = r[0]
            if r[1] - r[0] == 2 and start > 0 and _given_before(text, toks[start - 1], toks[start], places):
                start -= 1
            out.append(Candidate("person", toks[start].start, toks[r[1] - 1].end, "rule:initials", 0.8))
            i = r[1]
            continue
        i += 1
    return out


# Capitalised English words before an initial that are no given name: days, titles, honorifics (and
# months, which ``is_month`` reads)
_NOT_GIVEN_EN = frozenset(w.lower() for w in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Madam", "Ambassador", "Consul", "Rector", "Dean", "Akim", "Mayor",
    "Governor", "Minister", "Deputy", "Chairman", "Chairwoman", "Seminar", "Conference", "Forum", "Meeting",
    "Today", "Yesterday", "Tomorrow", "Then", "Later", "Also", "And", "But", "With", "By", "From", "For"))


def _given_before(text: str, given: Tok, initial: Tok, places: frozenset[int]) -> bool:
    return given.text.isascii() and given.text.isalpha() and given.capitalized and not given.text.isupper() \
        and given.text.lower() not in _NOT_GIVEN_EN and not is_month(given.text) \
        and len(given.text) >= 3 and text[given.end:initial.start] == " " and given.start not in places \
        and not _sentence_initial(text, given.start) and not is_role(given) and given.key not in NOT_NAMES \
        and not _is(given, LIBRARY_HEAD) and not _is(given, LIBRARY_MOD)


# Surname endings, written readably and folded below like the other lists (Petrovsky and
# Петровский both fold to "petrovski", Ivanovich to "ivanovic"): compared unfolded, "-sky", "-skaya"
# and "-ich" never matched a text key.
_SURNAME_END = ("ova", "eva", "ov", "ev", "in", "ina", "enko", "ko", "skii", "skaia", "uly", "kyzy", "aeva", "baeva",
                "iova", "ovich", "evich", "ovna", "evna", "skaya", "sky", "chuk",
                # in other cases: "вручили Анне Ивановой", "с Петром Ивановым"
                "ovoi", "evoi", "inoi", "ovim", "evim", "inim", "ovu", "evu")
# Capitalised Russian words that end like a surname without being one: a city in the genitive
# ("Омска", "Курска") and adjectives in a name ("Казахская Советская …") before them.
_NOT_SURNAME_RU = ("ска",)
_PATRONYMIC_END = ("ovich", "evich", "ovna", "evna",  # and their case forms: Александровну, Ивановича
                   "ovicha", "evicha", "ovichu", "evichu", "ovichem", "evichem", "ovnu", "evnu", "ovny", "evny",
                   "ovnoi", "evnoi")
_ADJECTIVE_RU = ("ая", "ое", "ые", "ых", "ого", "ому", "ую", "ой", "ый")
# Nor a noun or a verb before one ("Издательство Московский …", "Состоялся Пушкинский …").
_NOT_FIRST_RU = ("ство", "ние", "тие", "лся", "лась", "лись", "лось", "щая", "щий", "ная")
_VERB_RU = ("ил", "ыл")  # past tense at the start of a sentence: "Выступил Петровский"

_VERB_IL_NAMES = ("михаил", "даниил", "гавриил", "исмаил", "рафаил", "самуил", "израил", "шамил", "рамил", "камил",
                  "жамил", "данил")
# Roles written before a surname: "Профессор Казанцев" names a professor, not Professor K.
ROLE_WORDS = ("director", "professor", "minister", "governor", "president", "akim", "mayor", "librarian", "writer",
              "poet", "academician", "deputy", "head", "chairman", "author", "директор", "профессор", "министр",
              "губернатор", "президент", "аким", "мэр", "академик", "доцент", "депутат", "писател", "поэт",
              "библиотекар", "руководител", "председател", "заместител", "организатор", "лауреат", "автор",
              "заведующ", "ақын", "жазушы", "әкім", "жетекші", "ұйымдастырушы", "басшы",
              # artists and scholars named by their craft: "Күйші Бөкей ордасында …" is the kuishi
              "күйші", "әнші", "композитор", "суретші", "өлкетанушы", "кітапханашы", "журналист",
              "тарихшы", "краевед", "художник", "историк", "библиограф", "composer", "artist", "historian",
              "journalist", "bibliographer")
# Words that open a sentence before a name: "Далее Петровский …", "Бүгін Оспанов …" (whole words).
SENTENCE_OPENERS = ("далее", "также", "кроме", "после", "сегодня", "затем", "then", "also", "today", "бүгін",
                    "тағы",
                    # pronouns opening a sentence before a surname: "Оны Гребенникова ашты" (she opened it)
                    "оны", "оған", "онда", "одан", "олар", "оларды", "оларға", "бұл", "бұны", "мұны", "осы", "сол",
                    "соны", "біз", "сіз", "его", "её", "это", "эту", "этот", "эти", "там", "тогда", "здесь",
                    "теперь", "she", "her", "his", "they", "this", "there",
                    # when, before a surname already named: "Later Suleimenov moved …", "Кейін Уәлиханов …"
                    # (a Russian word the dictionary knows, and never as a name, is no given name either)
                    "later", "earlier", "afterwards", "meanwhile", "yesterday", "recently", "finally",
                    "subsequently", "previously", "now", "next", "кейін", "содан", "сонда", "кеше", "қазір",
                    "ертеңіне", "бұрын")
# Capitalised words after a "name" that make it the name of a place or an institution
# ("Dostoevsky Museum", "Пушкинский Праздник", "Petrovsky Street").
_INSTITUTION_AFTER = ("museum", "library", "street", "prize", "award", "readings", "theatre", "theater", "square",
                      "avenue", "university", "school", "festival", "centre", "center", "музей", "библиотек",
                      "улиц", "преми", "чтени", "театр", "праздник", "университет", "школ", "фестивал",
                      "проспект", "площад", "центр", "мұражай", "кітапхана", "көше")


def _common_russian_word(word: str) -> bool:
    """A Russian word the dictionary knows, and never as a given name ("Позже", "Затем", "Гости"):
    opening a sentence before a surname, it is no given name ("Позже Валиханов писал …")."""
    if not re.fullmatch(r"[А-Яа-яЁё]+", word):
        return False
    analyser = morph.analyser()
    return analyser.word_is_known(word.lower()) and not any("Name" in p.tag for p in analyser.parse(word))


def _name_word(text: str, a: Tok, b: Tok) -> bool:
    """``b`` is a capitalised word written right after ``a``, long enough to be part of a name."""
    return b.capitalized and not b.text.isupper() and len(b.text) >= 4 and text[a.end:b.start] == " "


def is_role(t: Tok) -> bool:
    """A role before a surname: a long role word in any case form (Директора), a short one whole
    (a stem "мэр" or "аким" would also open the names Меруерт and Акимжан)."""
    return any(t.key == r or len(r) >= 6 and t.key.startswith(r) for r in ROLE_WORDS)


def _surname_key(t: Tok) -> str:
    """A surname's key without a Kazakh case ending after its Russian-type ending (Әуезовтің,
    Оспановқа): the ending says nothing of the name."""
    bare = strip_kk_case(t.text)
    return t.key if bare == t.text else fold(bare)


# A Kazakh case ending on a town's name: where, whence, whither, whose ("Омбыда", "Павлодардан")
_KK_PLACE_CASE = re.compile("(?:" + kk_cases.alternatives(kk_cases.GENITIVE, kk_cases.DATIVE[2:], kk_cases.LOCATIVE,
                                                          kk_cases.ABLATIVE, kk_cases.ATTRIBUTIVE_LOCATIVE) + ")$")


# A Russian preposition of place right before a word: "в Сибири", "из Омска", "на Алтае"
_RU_PLACE_PREPOSITION = re.compile(r"(?<![^\W\d_])(?:в|во|на|под)\s+$", re.IGNORECASE)  # (not "от/у/к Алтая
# Аманжолова": Алтай is a given name too, and those prepositions take persons as often)
# A case ending only Kazakh writes (genitive, dative with ғ/қ): "Абайдың", "Пушкиннің", "Абайға"
_KK_OWN_CASE = re.compile(r"(?:[дтн][ыі]ң|[ғқ]а)$")


def kk_noun_opening(text: str, start: int, word: str) -> bool:
    """A word opening its sentence in the Kazakh accusative ("Көрсеткішті Кузьмина құрастырған",
    the index Kuzmina compiled): Kazakh opens a clause with its object so. Only the accusative, and
    not the given names built on "келді", "берді" (Амангелді, Тілеуберді): names end in the other
    cases' sounds too (Ақерке, Мәдина, Гүлдана). A sentence's start only, not a dash's or a colon's
    (a list of winners opens each line with a name)."""
    w = word.lower()
    return len(w) >= 6 and w.endswith(_KK_ACCUSATIVE) and not w.endswith(_KK_VERB_NAMES) \
        and bool(KAZAKH_LETTERS.intersection(w)) and _sentence_initial(text, start, ".!?\n")


def full_names(text: str, toks: list[Tok], known_persons: frozenset[int] = frozenset(),
               places: frozenset[int] = frozenset()) -> list[Candidate]:
    """"Firstname Surname" where the surname has a typical ending (no NER model for kk/en),
    "Firstname Patronymic Surname" as one name, not two overlapping ones, and "Surname Firstname
    Patronymic" (lists of participants) labelled in the usual order."""
    out = []
    i = 0
    while i < len(toks) - 1:
        a, b = toks[i], toks[i + 1]
        i += 1
        if not a.capitalized or a.text.isupper() or len(a.text) < 3 or not _name_word(text, a, b):
            continue
        if not _surname_key(b).endswith(_SURNAME_END + _PATRONYMIC_END):
            continue
        first, second = a.text.lower(), b.text.lower()
        if second.endswith(_NOT_SURNAME_RU) or first.endswith(_NOT_FIRST_RU) or is_role(a) \
                or a.key in SENTENCE_OPENERS or _sentence_initial(text, a.start) and _common_russian_word(a.text):
            continue
        if a.start in places and (_KK_PLACE_CASE.search(a.text) or _RU_PLACE_PREPOSITION.search(
                text[max(0, a.start - 6):a.start])):
            continue  # "Омбыда Белинскийдің …", "прожил в Сибири Пермитин": a place, then the surname, is no given name
        if is_month(a.text) and re.search(r"(?:\d|\b(?:in|on|of|since|until|by|в|с|до|к))\s*$",
                                          text[max(0, a.start - 8):a.start], re.IGNORECASE):
            continue  # "On 2 August Shevchenko left", "2 Августа Шевченко": a date, then the surname
        if b.start in places:
            continue  # "Сахнаға Ресейдің …" (to the stage, of Russia): a place is no surname
        if kk_noun_opening(text, a.start, a.text):
            continue  # "Көрсеткішті Кузьмина құрастырған" (the index, Kuzmina compiled): a noun in a case
        if first.endswith(("ов", "ев", "ова", "ева")) and first not in ("яков", "лев") \
                and (strip_kk_case(b.text) != b.text or _KK_OWN_CASE.search(second)):
            continue  # "Өтепов Құрманғазының «Адай» күйін": a surname alone, then another's name in a case
        if a.key.endswith(_KK_PATRONYMIC) and b.start in known_persons:
            continue  # "Абай Құнанбайұлы Пушкиннің": a patronymic, then another, known person
        if first.endswith(_ADJECTIVE_RU) and second.endswith(_ADJECTIVE_RU + ("ий", "ый")):
            continue  # "Казахская Советская", "Информационный Казахстанский" (not "Николая Петрова")
        if first.endswith(_VERB_RU) and first not in _VERB_IL_NAMES and _sentence_initial(text, a.start) \
                and not KAZAKH_LETTERS.intersection(first):
            continue  # "Выступил Петровский" (not "Шамил Ахметов")
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.capitalized and _is(nxt, _INSTITUTION_AFTER):
            continue  # "the Dostoevsky Museum", "Пушкинский Праздник"
        if _is(a, LIBRARY_MOD) or _is(a, LIBRARY_HEAD) or a.key in NOT_NAMES:
            continue  # "Oblast Pushkin (Library)" is a name of a library, not a person
        # a Kazakh patronymic stands between a given name and a surname of the Russian type:
        # "Мейрам Жұмабайұлы Ахметов" (alone, "Жұмабайұлы" is often the surname itself)
        # (not a person the authority file knows: "Абай Құнанбайұлы Пушкиннің өлеңдерін" is Abai and
        # Pushkin's poems, while "Айгүл Серікқызы Иванованың" is one person in the genitive)
        kk_patronymic = (b.key.endswith(_KK_PATRONYMIC) and i + 1 < len(toks) and _name_word(text, b, toks[i + 1])
                         and _surname_key(toks[i + 1]).endswith(_SURNAME_END) and toks[i + 1].start not in known_persons
                         and not toks[i + 1].key.endswith(_KK_PATRONYMIC))
        patronymic = b.key.endswith(_PATRONYMIC_END) or kk_patronymic
        if (not patronymic and i + 1 < len(toks) and _name_word(text, b, toks[i + 1])
                and toks[i + 1].key.endswith(_SURNAME_END + _PATRONYMIC_END)
                and not (_KK_OWN_CASE.search(toks[i + 1].text) and not _KK_OWN_CASE.search(b.text))):
            continue  # "Выступила Галина Александровна …", "Петрова Нина Ивановна": it starts later (but in
            # "Андрей Колесников Абайдың «…» өлеңін", a name in a Kazakh case after the pair is another person)
        start, end, label = a, b, None
        if patronymic:
            if i + 1 < len(toks) and _name_word(text, b, toks[i + 1]) \
                    and not (i + 2 < len(toks) and _name_word(text, toks[i + 1], toks[i + 2])
                             and not _KK_OWN_CASE.search(toks[i + 2].text)
                             and not (kk_patronymic and toks[i + 2].key.endswith(_KK_PATRONYMIC))):
                end = toks[i + 1]  # "Ivan Ivanovich Petrov", not "Сергей Петрович Сибирский Государственный …"
                # (but "Ильдар Фаритович Юлдашбаев Ғафуридің …", "Ерболат Жұмабекұлы Кенжин Байтұрсынұлы …":
                # another person, in a Kazakh case or by a patronymic surname, after it)
                i += 1
            elif i >= 2 and _name_word(text, toks[i - 2], a) and toks[i - 2].key.endswith(_SURNAME_END) \
                    and toks[i - 2].capitalized and not toks[i - 2].text.isupper():
                start = toks[i - 2]  # "Петрова Нина Ивановна": the surname first, as lists write it
                label = f"{a.text} {b.text} {start.text}"
        if label is None and strip_kk_case(end.text) != end.text:
            label = text[start.start:end.start] + strip_kk_case(end.text)  # "Мұхтар Әуезовтің" is Әуезов
        out.append(Candidate("person", start.start, end.end, "rule:full-name", 0.6, label=label))
        i += 1
    # "Галина Александровна" after "Галина Александровна Кисловская": the same person, so the
    # same name (and entity). Alone, the pair would be keyed by the patronymic as if it were a
    # surname: it is left out rather than made a person of its own.
    full = [tokenize(c.label or text[c.start:c.end]) for c in out]
    kept = []
    for c, words in zip(out, full):
        if len(words) == 2 and words[1].key.endswith(_PATRONYMIC_END):
            whole = next((w for w in full if len(w) == 3 and token_match(w[0].key, words[0].key)
                          and token_match(w[1].key, words[1].key)), None)
            if whole is None:
                continue
            c.label = " ".join(w.text for w in whole)
        kept.append(c)
    return kept


# The lists above are written readably; matching compares them with folded text keys.
LIBRARY_HEAD = fold_all(LIBRARY_HEAD)
LIBRARY_MOD = fold_all(LIBRARY_MOD)
INSTITUTION_HEAD = fold_all(INSTITUTION_HEAD)
INSTITUTION_MOD = fold_all(INSTITUTION_MOD)
_REGION_WORDS = fold_all(("област", "края", "краю", "район"))
NAMING_MODIFIERS = fold_all(NAMING_MODIFIERS)
PROJECT_WORDS = fold_all(PROJECT_WORDS)
ORGANIZATION_WORDS = fold_all(ORGANIZATION_WORDS)
THEME_WORDS = fold_all(THEME_WORDS)
PROGRAMME_WORDS = fold_all(("programme", "program", "программ", "bagdarlam"))
EVENT_WORDS = {k: fold_all(v) for k, v in EVENT_WORDS.items()}
_EVENT_STEMS = tuple(itertools.chain.from_iterable(EVENT_WORDS.values()))


def names_event(key: str) -> bool:
    """Whether a folded word names a kind of event (its stem, or one of the whole forms)."""
    return key in EVENT_FORMS or key.startswith(_EVENT_STEMS)


def event_class_named(key: str) -> str | None:
    """The class of event a folded word names ("konferencii" → Conference), or None."""
    kind = EVENT_FORMS.get(key) or next((k for k, stems in EVENT_WORDS.items() if key.startswith(stems)), None)
    return EVENT_CLASS.get(kind) if kind else None
WORK_WORDS = {k: fold_all(v) for k, v in WORK_WORDS.items()}
WROTE = fold_all(("wrote", "написал", "жазды", "жазған"))  # (not "было написано «…»": an inscription)
_INSCRIBED = re.compile(r"\s*(?:on|onto|на)\s+(?!\d)", re.IGNORECASE)
GENRE_LAST = fold_all(GENRE_LAST)
NOT_NAMES = {fold(w) for w in NOT_NAMES}
_SURNAME_END = fold_all(_SURNAME_END)
ROLE_WORDS = fold_all(ROLE_WORDS)
SENTENCE_OPENERS = frozenset(fold_all(SENTENCE_OPENERS))
_INSTITUTION_AFTER = fold_all(_INSTITUTION_AFTER)
CENTRE = fold_all(CENTRE)
CULTURE_MOD = fold_all(CULTURE_MOD)
ETHNIC_MOD = fold_all(ETHNIC_MOD)
NATIONAL_MOD = fold_all(NATIONAL_MOD)
_PATRONYMIC_END = fold_all(_PATRONYMIC_END)
_KK_PATRONYMIC = fold_all(("ұлы", "қызы", "uly", "kyzy"))


HELD = fold_all(("held", "took", "met", "hosted", "opened", "organized", "otti", "otken", "jinaldi", "otkizildi",
                "otkizdi",  # өткізді: held (the active of өткізілді)
                "uiimdastir", "asildi", "prosel", "proshl", "sostoial", "proved", "provel", "organizov", "otkril",
                "participated", "attended", "uchastvoval", "uchastie", "katisti")) + fold_all((
    # what is going on or still to come: announcements name their events so ("пройдёт", "өтеді")
    "проходил", "проходит", "проходят", "пройдёт", "пройдут", "состоится", "состоятся", "проводит", "проводил",
    "проводится", "проводятся", "проводят", "өтеді", "өтетін", "өтпек", "өткізіледі", "өткізеді", "өткізетін",
    "takes", "organised", "organises", "organizes"))
# A plan, not a happening: "the next meeting will take place …", "очередная конференция пройдёт", "plan to
# hold a video bridge", "планируют провести", "өткізуді жоспарлап отыр", "өтеді деп жоспарлануда"
_NEXT_ONE = re.compile(r"(?i)(?:\bnext|\bupcoming|следующ\w*|очередн\w*|предстоящ\w*|келесі|алдағы)\s+(?:\w+\s+)?$")
_PLAN_VERB = re.compile(r"(?i)\b(?:plan|plans|planned|planning|intends?|intended|agreed)\s+to\s+(?:hold|organi[sz]e|host|"
                        r"run|stage|have)\b|планиру\w*\s+(?:провести|организовать)|намерен\w*\s+(?:провести|"
                        r"организовать)|договорились\s+(?:провести|организовать)|(?:өткізуді|ұйымдастыруды)\s+"
                        r"жоспарла|деп\s+жоспарлан|жоспарлап\s+отыр")
# Verbs that say it took place: then it is no plan, whatever "next" says ("Следующая встреча прошла …")
_HAPPENED = re.compile(r"(?i)\b(?:прош(?:ла|ёл|ел|ли)|состоял\w*|провел\w*|провёл|held|took|hosted|opened|"
                       r"өтті|өткен|өткізді|өткізілді)\b")
EVENT_PREFIX = fold_all(("international", "republican", "regional", "joint", "halikaralik", "respublikalik",
                        "oblistik", "birlesken", "mejdunarodn", "respublikansk", "oblastn", "sovmestn",
                        "opening", "closing", "torjestvenn", "ashilu",
                        "raboc", "working", "jumis"))  # a working meeting: "рабочей встречи", "жұмыс кездесуі"
COMMEMORATIVE = fold_all(("days", "kunderi", "dni", "dnei"))


# Abbreviations written before a name ("им. Абая", "St. Petersburg", "проф. Иванов", and initials:
# "А. С. Пушкин"): their full stop never ends a sentence.
BEFORE_NAMES = frozenset(("им", "ул", "пр", "пос", "st", "dr", "mr", "mrs", "prof", "проф", "акад"))
# Abbreviations written after a number or a name ("2020 г.", "2019 ж.", "Кемеров қ.", "обл."): a
# sentence often ends on them, so their full stop ends one when a capital letter follows ("г. Омска",
# the city of, is written before a name: not after a number).
AFTER_WORDS = frozenset(("қ", "г", "гг", "обл", "ж", "жж", "т", "тт"))
_WORD_BEFORE = re.compile(r"([^\W\d_]+)$")


def _is_abbreviation_dot(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation inside a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 8), dot)
    if m is None:
        return False
    word = m.group(1)
    key = word.lower()
    if key in BEFORE_NAMES or (len(word) == 1 and word.isupper()):
        return True
    if key not in AFTER_WORDS:
        return False
    if key in ("г", "гг") and not re.search(r"\d\s*$", text[max(0, m.start() - 4):m.start()]):
        return True  # "г. Омска"
    nxt = re.match(r"\s*(\S)", text[dot + 1:dot + 4])
    return not (nxt and nxt.group(1).isupper())


def _in_number(text: str, i: int) -> bool:
    """A full stop between digits: a date written 12.05.2010 or a number, not a sentence's end."""
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _clause_break(text: str, start: int, end: int, marks: str = "\n.!?;") -> bool:
    """Whether ``text[start:end]`` holds one of ``marks`` other than an abbreviation's full stop."""
    for i in range(start, end):
        ch = text[i]
        if ch in marks and not (ch == "." and (_is_abbreviation_dot(text, i) or _in_number(text, i))):
            return True
    return False


# A town's or district's centralised library system (ЦБС) is one library body: "Хромтауской районной
# централизованной библиотечной системой", "МУК «Централизованная библиотечная система» г. Орска",
# "Централизованной библиотечной системой города Экибастуза", "Байқоңыр қаласының орталықтандырылған
# кітапханалар жүйесі", "Rudny Centralized Library System". Without its town or district it is
# every town's, and no name.
_RU_SYSTEM_PLACE = r"(?:(?:г\.|города)\s*[А-ЯЁ][а-яё-]+)"
_LIBRARY_SYSTEM = {
    "ru": re.compile(
        r"(?P<lead>(?:[А-ЯЁ][а-яё-]*(?:ой|ая|ую|ый|ий|ого|ому|ым)\s+)?(?:(?:[Мм]ежпоселенческ|[Рр]айонн|[Гг]ородск"
        r"|[Цц]ентральн)\w*\s+)*)(?P<core>[Цц]ентрализованн\w*\s+библиотечн\w*\s+систем\w*)"
        rf"(?P<tail>\s+{_RU_SYSTEM_PLACE})?"
        rf"|(?:МУК|МБУК|МКУК|МАУК|ГУ|КГУ|КГКП)\s+[\"«][Цц]ентрализованн\w*\s+библиотечн\w*\s+систем\w*[\"»]\s+"
        rf"{_RU_SYSTEM_PLACE}"),  # (the rules read a view of the text whose quotes are all ")
    "kk": re.compile(r"(?P<lead>[А-ЯЁӘІҢҒҮҰҚӨҺ][\wәіңғүұқөһ-]*\s+(?:қаласының|ауданының|облысының)\s+)"
                     r"(?P<core>орталықтандырылған\s+кітапханалар\s+жүйесі\w*)"),
    "en": re.compile(r"(?P<lead>(?:[A-Z][a-z-]+\s+)(?:(?:City|District|Municipal|Central)\s+)*)"
                     r"(?P<core>Centrali[sz]ed\s+Library\s+System)(?P<tail>\s+of\s+[A-Z][a-z-]+)?"),
}


def library_systems(text: str, lang: str | None) -> list[Candidate]:
    """Centralised library systems named with their town or district (see ``_LIBRARY_SYSTEM``)."""
    rx = _LIBRARY_SYSTEM.get(lang or "")
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text):
        groups = m.groupdict()
        lead, tail = (groups.get("lead") or "").strip(), (groups.get("tail") or "").strip()
        if groups.get("core") is not None and not (tail or any(w[:1].isupper() for w in lead.split())):
            continue  # "централизованная библиотечная система" of no town
        out.append(Candidate("library", m.start(), m.end(), "rule:library-system", 0.7))
    return out


# The titles of records and notices whose event the header's lines date: minutes, announcements
_RECORD_TITLE = re.compile(r"\s*(?:Протокол|Minutes|Хаттама|Объявление|Анонс|Announcement|Хабарландыру|Приглашение|"
                           r"Invitation|Notice)\b", re.IGNORECASE)
# Labelled lines of a header: the date and the place of what the document records or announces
FIELD_LINE = re.compile(
    r"^[ \t]*(?:(?P<date>(?:Дата|Дата\s+проведения|Дата\s+и\s+время|Date|Date\s+and\s+time|Күні|Өткізілген\s+күні|"
    r"Өтетін\s+күні|Өткізу\s+күні))|(?P<place>(?:Место|Место\s+проведения|Форма\s+проведения|Venue|Place|Location|"
    r"Format|Орны|Өтетін\s+орны|Өткізу\s+орны|Өткізілген\s+орны)))[ \t]*:[ \t]*(?P<value>[^\n]*)",
    re.IGNORECASE | re.MULTILINE)


# Two capitalised names joined by a dash right after a telebridge's word: its ends ("Томск – Караганда")
TWO_ENDS = re.compile(r"\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’]+\s*-\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’]+")


def unquoted_events(text: str, toks: list[Tok]) -> list[Candidate]:
    """Events named only by their kind ("a seminar-council met in Petropavl in 2002").

    They become events only where their sentence also gives a date and a place (checked when
    relations are read); the keyword must stand beside a verb of holding, so "seminars" in a
    list of activities is not an event.
    """
    out: list[Candidate] = []
    lines_held = [t for t in toks if _is(t, HELD)]
    # minutes and forms name their event in the title and date it in a labelled line below
    # ("Протокол рабочей встречи …" / "Дата проведения: 14.11.2025"): no verb of holding needed there
    title_end = text.find("\n") if _RECORD_TITLE.match(text) and any(
        m.group("date") for m in FIELD_LINE.finditer(text[:800])) else -1
    for i, t in enumerate(toks):
        if out and t.start < out[-1].end:
            continue  # what the event before is of: "церемония книгообмена" is one event
        etype = _event_type(t) or _round_table(toks, i)
        if etype == "readings" and t.key in AMBIGUOUS_READINGS and not (t.capitalized or "-" in t.text) \
                and not (i and _PLURAL_ADJECTIVE.search(toks[i - 1].text.lower())):
            continue  # "популяризации чтения": reading, in the genitive; "Пушкинские чтения": readings
        cls = EVENT_CLASS.get(etype or "", "Event")
        if etype is None and _is(t, COMMEMORATIVE) and i + 1 < len(toks) \
                and t.text.lower() not in ("дня", "день", "днём", "дне"):  # "со дня открытия": one day, no Days
            etype, cls = "days", "CommemorativePeriod"
        if etype is None or _a_display(text, t):
            continue
        if i + 1 < len(toks) and text[t.end:toks[i + 1].start] == " " and not toks[i + 1].capitalized \
                and KAZAKH_LOWER.intersection(text[t.start:toks[i + 1].end].lower()) \
                and (_event_type(toks[i + 1]) is not None or i + 2 < len(toks) and _round_table(toks, i + 2) is not None):
            continue  # "тұсаукесер рәсімі", "кездесу кеші": the kind written last names the one event
        if etype == "conference" and i > 1 and toks[i - 1].key == "video" and toks[i - 2].key in _BY_MEANS:
            continue  # "held by video conference": how, not another event
        if etype in ("conference", "exhibition") and i + 1 < len(toks) and toks[i + 1].text.lower() in ("hall", "room", "halls"):
            continue  # "in the conference hall", "exhibition room": a room
        if etype == "course" and not _training(text, t):
            continue  # "of course", "студенты третьего курса", "доллар курсы": no training course
        if etype == "evening" and not _evening_of_a_kind(toks, i):
            continue  # "в 6 часов вечера", "мамыр кешінде", "on the evening of": a time of day
        # a telebridge named by its two ends needs no verb of holding: "на видеомосту Томск – Караганда"
        ends = etype == "telebridge" and TWO_ENDS.match(text, t.end) is not None
        if t.end > title_end and not ends and not any(
                abs(h.start - t.start) < 60 and not _clause_break(text, min(h.end, t.end), max(h.start, t.start))
                for h in lines_held):
            continue  # the verb of holding must be in the same clause ("(Кемеров қ.) өтті" is one)
        around = _around(text, t.start, t.end, 50)
        if (_NEXT_ONE.search(text[max(0, t.start - 30):t.start]) and not _HAPPENED.search(around)) \
                or _PLAN_VERB.search(around):
            continue  # "the next meeting will take place in …", "plan to hold a video bridge": not yet one
        s = i
        while s > 0 and _is(toks[s - 1], EVENT_PREFIX) and text[toks[s - 1].end:toks[s].start] == " ":
            s -= 1
        # a series named by a person's or a town's adjective: "Пушкинские чтения", "Тукаевские чтения"
        if s == i and s > 0 and text[toks[s - 1].end:toks[s].start] == " " \
                and re.fullmatch(r"[А-ЯЁ][а-яё]+[сц]кие", toks[s - 1].text):
            s -= 1
        # English names what an event is for by nouns before it: "the awards ceremony", "a drawing
        # contest", "the signing ceremony" (up to two words)
        k = s
        while k > 0 and s - k < 2 and text[toks[k - 1].end:toks[k].start] == " " \
                and (toks[k - 1].text in _EN_EVENT_MODIFIERS or re.fullmatch(r"[a-z]{3,}ing", toks[k - 1].text)) \
                and toks[k - 1].text not in _EN_NOT_MODIFIERS:
            k -= 1
        s = k
        e = _days_complement(text, toks, i) if etype == "days" else _event_complement(text, toks, i)
        if etype == "round table":
            s = min(s, i - 1)
        if s == i and s > 0 and text[toks[s - 1].end:toks[s].start] == " " and not toks[s - 1].capitalized \
                and _event_type(toks[s - 1]) is not None and KAZAKH_LOWER.intersection(text[toks[s - 1].start:t.end]):
            s -= 1  # "тұсаукесер рәсімі": the presentation's ceremony, one event
        # Kazakh writes what the event does before it: "жеңімпаздарды марапаттау рәсімі" (the
        # ceremony of awarding the winners), a verbal noun and its object
        if s == i and s > 0 and toks[s - 1].key.endswith("u") and not toks[s - 1].capitalized \
                and text[toks[s - 1].end:toks[s].start] == " " and KAZAKH_LOWER.intersection(text[toks[s - 1].start:t.end]):
            s -= 1
            if s > 0 and toks[s - 1].key.endswith(("di", "ti", "ni")) and text[toks[s - 1].end:toks[s].start] == " ":
                s -= 1
            elif s > 1 and toks[s - 1].key == _HAND and text[toks[s - 1].end:toks[s].start] == " ":
                # "келісімге қол қою рәсімі": the signing (putting a hand) of what the dative names,
                # and what that is about ("ынтымақтастық туралы келісімге")
                s -= 1
                if toks[s - 1].key.endswith(_KK_DATIVE) and text[toks[s - 1].end:toks[s].start] == " ":
                    s -= 1
                    if s > 1 and toks[s - 1].key == _ABOUT and text[toks[s - 2].end:toks[s - 1].end].startswith(" "):
                        s -= 2
        start = toks[s].start
        # the kind closing a quoted title is the title's ("«Дағыстан кітабы күндері» өтті"): the whole title
        # names the event, and a place in it is whose, not where (the ru/en titles open with the kind)
        quote = text.rfind('"', 0, start)
        if quote >= 0 and text[toks[e].end:toks[e].end + 1] == '"' and "\n" not in text[quote:start] \
                and text.count('"', 0, quote) % 2 == 0:
            start = quote + 1
        out.append(Candidate("event", start, toks[e].end, "rule:event-keyword", 0.6, cls=cls,
                             extra={"event_type": etype, "needs_date_place": True}))
    return out


def _around(text: str, start: int, end: int, reach: int) -> str:
    """The text ``reach`` characters either side of ``start``–``end``, within its sentence."""
    before = re.split(r"[.!?\n]", text[max(0, start - reach):start])[-1]
    after = re.split(r"[.!?\n]", text[end:end + reach])[0]
    return before + text[start:end] + after


_BY_MEANS = frozenset(fold_all(("by", "via", "through")))
# A course is a training one where its sentence says so: "курсы повышения квалификации", "курсы по …",
# "біліктілікті арттыру курсы", "оқыту курсы", "training/refresher/online/language course"
_TRAINING_BEFORE = re.compile(r"(?i)(?:\b(?:training|refresher|online|language|advanced|short|intensive|summer|"
                              r"professional|development)|арттыру|оқыту|онлайн|обучающ\w*|языков\w*|летн\w*|"
                              r"тілдік|тіл)\s+$")
_TRAINING_AFTER = re.compile(r"(?i)^\s+(?:повышения|по\s|для\s|казахского|русского|английского|on\s|in\s+(?!the\b)|"
                             r"for\s+librar)")


def _training(text: str, t: Tok) -> bool:
    """The course word at ``t`` names a training course (not a year of study, a rate or "of course")."""
    return bool(_TRAINING_BEFORE.search(text[max(0, t.start - 24):t.start])
                or _TRAINING_AFTER.match(text[t.end:t.end + 24])
                or re.match(r"\s*[«“\"]", text[t.end:t.end + 3])
                or re.search(r"[»”\"]\s*$", text[max(0, t.start - 3):t.start]))
# English nouns that say what an event is for ("awards ceremony", "essay contest", "book exhibition");
# and any "-ing" word ("drawing contest", "signing ceremony") unless listed below
_EN_EVENT_MODIFIERS = frozenset((
    "awards", "award", "prize", "essay", "essays", "poetry", "poem", "poems", "book", "books", "photo", "photography",
    "art", "arts", "youth", "children's", "quiz", "film", "music", "history", "literature", "literary", "story",
    "stories", "song", "songs", "craft", "crafts", "picture", "pictures", "graduation", "memorial", "anniversary",
    "jubilee", "folk", "dombra", "chess", "sports", "science", "research", "translation", "translators",
    "librarians", "readers", "writers", "poets", "students", "teachers", "volunteer", "volunteers", "heritage",
    "culture", "cultural", "friendship", "partnership", "cooperation"))
# English words before an event's kind that do not say what it is for
_EN_NOT_MODIFIERS = frozenset((
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my", "of", "in",
    "on", "at", "by", "for", "with", "and", "or", "but", "was", "were", "is", "are", "be", "been", "being", "has",
    "have", "had", "will", "would", "can", "could", "to", "from", "as", "which", "who", "whose", "also", "new",
    "first", "second", "third", "last", "next", "same", "another", "other", "each", "every", "held", "hosted",
    "opened", "organised", "organized", "launched", "started", "closed", "attended", "joined", "during", "after",
    "before", "into", "about", "over", "under", "where", "when", "while", "than", "then", "there", "here", "all",
    "both", "such", "own", "one", "two", "three", "several", "many", "more", "most", "large", "small", "big",
    "recent", "upcoming", "forthcoming", "traditional", "annual", "regular", "special", "joint", "official",
    "solemn", "grand", "festive", "online", "virtual", "bring", "nothing", "something", "evening", "morning",
    "spring", "following", "king", "thing"))
_HAND = fold("қол")
_ABOUT = fold("туралы")
_KK_DATIVE = tuple(fold(e) for e in kk_cases.DATIVE if len(e) == 2)
_ROUND = fold_all(("round", "кругл", "дөңгелек"))
# The kinds an evening that is an event is of, written before it ("литературный вечер", "әдеби кеш",
# "poetry evening", "еске алу кеші") or after it ("вечер памяти", "вечер поэзии", "an evening of poetry")
EVENING_KINDS = fold_all(("literary", "poetry", "musical", "music", "memorial", "creative", "литературн",
                          "поэтическ", "музыкальн", "творческ", "памят", "поэзи", "әдеби", "өлең", "музыкалық",
                          "шығармашылық", "алу", "кездесу"))  # "кездесу кеші": a meeting evening


def _evening_of_a_kind(toks: list[Tok], i: int) -> bool:
    """The evening word at ``i`` names an event: a kind of evening is written beside it."""
    after = toks[i + 2] if i + 2 < len(toks) and toks[i + 1].key == "of" else toks[i + 1] if i + 1 < len(toks) else None
    return i > 0 and _is(toks[i - 1], EVENING_KINDS) or after is not None and _is(after, EVENING_KINDS)


def _round_table(toks: list[Tok], i: int) -> str | None:
    """"круглый стол", "дөңгелек үстел", "round table": a table is an event only after "round"
    (a "книжный стол" is a display of books)."""
    return "round table" if toks[i].key in ROUND_TABLE and i > 0 and toks[i - 1].key.startswith(_ROUND) else None


# Genitives that are surely nouns (of actions, exchanges, people): a verb or a short participle
# never ends so ("церемония подписания", "церемония книгообмена", "встреча читателей")
_RU_NOUN_GENITIVE = ("ния", "тия", "ции", "ций", "обмена", "ей", "ов", "ев")


def _event_complement(text: str, toks: list[Tok], i: int) -> int:
    """The last token of what the event's kind word is "of": "ceremony of signing", "церемония
    книгообмена" (one lower-case genitive after it); ``i`` itself when nothing follows."""
    j = i + 1
    if j < len(toks) and text[toks[i].end:toks[j].start] == " ":
        if toks[j].key == "of" and j + 1 < len(toks) and not toks[j + 1].capitalized \
                and toks[j + 1].key not in ("the", "a", "an") and text[toks[j].end:toks[j + 1].start] == " ":
            return j + 1
        t = toks[j]
        w = t.text.lower()
        if not t.capitalized and len(w) > 4 and re.fullmatch("[а-яё]+", w) and w.endswith(_RU_NOUN_GENITIVE):
            return j
    return i


_RU_GENITIVE_ADJ = re.compile(r"[а-яё-]+(?:" + "|".join(_RU_GENITIVE_ADJECTIVE) + ")")
_RU_GENITIVE_NOUN = re.compile(r"[а-яё]+(?:и|ы|а|я|ов|ев|ей)")


_DAYS_OF_WHAT = frozenset(("Book", "Books", "Culture", "Literature", "Cinema", "Film", "Music", "Science", "Language",
                           "Poetry", "Writing", "Art", "Arts", "Heritage", "History", "Friendship", "Youth"))


def _days_complement(text: str, toks: list[Tok], i: int) -> int:
    """The last token of what Russian "Дни" are of: up to two adjectives and a noun in the
    genitive ("Дни казахстанской книги", "Дни казахской культуры", "Дни культуры"); ``i`` when
    none follows. English and Kazakh name their days with a place (``days_events``) or a title."""
    if toks[i].text == "Days" and i + 2 < len(toks) and toks[i + 1].text == "of":
        # "the Days of the Dagestan Book", "Days of Kazakh Culture": capitalised words after "of (the)"
        # up to the kind of thing the days are of (not on into "… Culture Omsk librarians held")
        k = i + 2 + (toks[i + 2].text == "the")
        while k < len(toks) and k - i <= 6 and toks[k].capitalized and text[toks[k - 1].end:toks[k].start] == " ":
            if toks[k].text in _DAYS_OF_WHAT:
                return k
            k += 1
        return i
    j, k = i + 1, i + 1
    while k < len(toks) and k - j < 2 and text[toks[k - 1].end:toks[k].start] == " " \
            and _RU_GENITIVE_ADJ.fullmatch(toks[k].text.lower()):
        k += 1
    if k < len(toks) and text[toks[k - 1].end:toks[k].start] == " " and not toks[k].capitalized \
            and _RU_GENITIVE_NOUN.fullmatch(toks[k].text) and not _is(toks[k], HELD):
        return k
    return i


# The methods of rules that ``extract`` treats apart when it resolves overlaps.
GENRE_TITLE, YEAR_OF, DAYS_OF, ORG_TITLE = "rule:genre-title", "rule:commemorative-year", "rule:days", "rule:org-title"
REFERENCE = "rule:reference"


# --- documents named without quotes: "the Agreement on cooperation of …", "… Тұжырымдамасы" ----
# A genre noun written with a capital inside a sentence is the head of a document's title in all
# three languages. English and Russian put the head first and its complement after it (of/on …,
# a genitive); Kazakh puts the complement first and the head last.
DECISION_WORDS = fold_all(("decision", "resolution", "resheni", "postanovleni", "sheshim", "kauli"))
TITLE_HEADS = {**{cls: stems for cls, stems in WORK_WORDS.items() if cls not in ("Periodical", "Publication")},
               None: DECISION_WORDS}
TITLE_OPENERS_EN = fold_all(("of", "on", "for", "about", "between", "to", "concerning"))
# Words that end a title where no punctuation does: verbs and clause openers after it.
TITLE_STOP = fold_all((
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "which", "that", "who", "signed", "adopted",
    "approved", "developed", "prepared", "presented", "discussed", "will", "would",
    "был", "была", "было", "были", "будет", "который", "которая", "которое", "которые", "что", "подписан",
    "подписано", "принят", "принята", "принято", "утвержден", "утверждена", "разработан", "разработана"))
# Function words a title does not end on.
TITLE_TAIL = fold_all(("of", "on", "for", "about", "between", "to", "the", "a", "and", "in", "at", "with", "by",
                       "и", "в", "во", "с", "со", "на", "о", "об", "по", "от", "для", "между"))
# Kazakh: words of the clause around a title, never in it ("2015 жылы" = in 2015, "осы" = this).
TITLE_STOP_KK = fold_all(("жылы", "кезде", "кейін", "бері", "соң", "сол", "осы", "бұл", "және", "мен", "бен",
                          "пен", "арқылы", "бойынша"))
KK_LOCATIVE_END = fold_all(kk_cases.LOCATIVE[2:])  # да/де/та/те
MAX_TITLE_WORDS = 24
# A document's date closes its designation ("Решение от 13 марта 2009 года", "the Decision of
# 13 March 2009") unless its topic follows ("Соглашение от … года о сотрудничестве", "… on
# cooperation"); an issuer in the genitive after the date is not part of the name.
DATED = fold_all(("от", "of", "dated"))
YEAR_WORD_RU = fold_all(("года", "г"))
TOPIC_AFTER_DATE = fold_all(("о", "об", "обо", "по", "между", "с", "со", "на", "on", "about", "between", "with",
                             "for", "concerning", "regarding", "to"))


KK_AND = fold_all(("және", "мен", "бен", "пен"))
# "Between": the postposition that ties two names before it into a title ("Омбы мен Павлодар
# кітапханалары арасындағы … Келісім"); "туралы" (about) follows the topic, not its parties.
KK_POSTPOSITIONS = frozenset(fold_all(("арасындағы", "арасында", "арасының")))
KK_GENITIVE = fold_all(kk_cases.GENITIVE)
# People a genitive before a title may belong to: then the names are the subject's, not the title's.
KK_ROLES = fold_all(("директор", "басшы", "өкіл", "қызметкер", "кітапханашы", "меңгеруші", "делегация", "маман"))
# Institutions and places whose names own a title's topic ("Омбы мен Павлодар кітапханаларының …").
KK_OWNERS = fold_all(("кітапхана", "облыс", "аудан", "қала", "өңір", "мемлекет", "ұйым", "мекеме"))


def _kk_outside(toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]`` is a Kazakh word of the clause around a title: a stop word, or a noun in
    the instrumental case ("Үкіметімен" = with the Government), which says who did something with
    the document. An "and" between two names is inside: "Омбы мен Павлодар кітапханалары
    арасындағы … Келісім" (the Agreement between the libraries of Omsk and Pavlodar)."""
    t = toks[k]
    if _kk_names_and(toks, k) and _kk_names_in_title(toks, k + 2):
        return False
    return t.key in TITLE_STOP_KK or (len(t.key) > 5 and t.key.endswith(("men", "ben", "pen")))


def _kk_names_in_title(toks: list[Tok], j: int) -> bool:
    """Whether names ending before ``toks[j]`` belong to a title: they are the parties "between"
    whom it is ("Омбы мен Павлодар облыстық әмбебап ғылыми кітапханалары арасындағы …"), or own
    what it is about ("Омбы мен Павлодар кітапханаларының ынтымақтастығы туралы …") — unless
    that is a person's role, the subject ("… кітапханаларының директорлары Келісімге қол қойды")."""
    for x in toks[j:j + 6]:
        if x.key in KK_AND:
            break  # another pair of names: the postposition is theirs
        if x.key in KK_POSTPOSITIONS:
            return True
    for g in range(j, min(j + 2, len(toks) - 1)):
        if toks[g].key.endswith(KK_GENITIVE):
            return _is(toks[g], KK_OWNERS) and not _is(toks[g + 1], KK_ROLES)
    return False


def _kk_names_and(toks: list[Tok], k: int) -> bool:
    """``toks[k]`` is an "and" between two names ("Омбы мен Павлодар")."""
    return toks[k].key in KK_AND and 0 < k < len(toks) - 1 and toks[k - 1].capitalized \
        and toks[k + 1].capitalized and not toks[k - 1].text.isupper() and not toks[k + 1].text.isupper()


COORDINATORS = fold_all(("and", "и"))
SECOND_DOCUMENT = fold_all(("the", "a", "an", "its", "draft", "проект", "project"))


def _second_document(toks: list[Tok], k: int) -> bool:
    """"and"/"и" opening a second document ("… and the draft Decision …", "… и проект Решения"),
    not joining two names inside one title ("between the Omsk and Pavlodar libraries")."""
    if toks[k].key not in COORDINATORS or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return nxt.key in SECOND_DOCUMENT or (nxt.capitalized and _genre_of(nxt) != "none")


def _kk_subject(toks: list[Tok], k: int) -> bool:
    """A library named in the nominative, not followed by a postposition: the one that signed or
    adopted the document ("Павлодар облыстық кітапханасы Келісімге қол қойды"), not its title."""
    return toks[k].key in KK_LIBRARY_NOMINATIVE and not (k + 1 < len(toks) and toks[k + 1].key.endswith(KK_INSIDE_ENDS))


def _breaks(text: str, a: Tok, b: Tok) -> bool:
    return b.start - a.end > 3 or _clause_break(text, a.end, b.start, ".;:!?\n,()[]")


_OPENERS, _CLOSERS = "«“„\"", "»”“\""


def _balance_quotes(original: str, start: int, end: int) -> tuple[int, int]:
    """Take in the quote mark a title's quoted name lost at either edge ("… project “Meetings at
    the boundaries”", "«Шекарадағы кездесулер» жобасының Тұжырымдамасы"); on the original text,
    where the quote marks are not folded to one."""
    inner = original[start:end]
    last_open = max(inner.rfind(c) for c in _OPENERS)
    last_close = max(inner.rfind(c) for c in "»”")
    if last_open > last_close and end < len(original) and original[end] in _CLOSERS:
        end += 1
    firsts = [inner.find(c) for c in _OPENERS if c in inner]
    first_close = min((inner.find(c) for c in "»”“" if c in inner), default=-1)
    if first_close >= 0 and first_close < min(firsts, default=len(inner)) and start > 0 \
            and original[start - 1] in _OPENERS:
        start -= 1
    return start, end


# Words that begin like a genre noun but are none: Planetarium, Reporter, Докладчик.
HEAD_NOT = fold_all(("planet", "reporter", "докладчик", "planir", "планир"))
KK_LIBRARY_NOMINATIVE = frozenset(fold_all(("кітапханасы", "кітапханалар", "кітапханалары")))
KK_HEAD_STEMS = frozenset(fold_all(("тұжырымдам", "жоспар", "келісім", "баяндам", "хаттам", "шешім")))
# Endings of the word after a library's name when that name is part of a title ("кітапханалары
# базасында", "кітапханалар арасындағы"), not the subject of the sentence.
KK_INSIDE_ENDS = ("da", "de", "ta", "te", "dagi", "degi", "tagi", "tegi", "nin", "din", "tin")


def _drop_open_quote(original: str, start: int, end: int) -> int:
    """End a title before a quote mark it opens and never closes ("the Agreement on “Steppe")."""
    inner = original[start:end]
    last_open = max(inner.rfind(c) for c in "«„“")
    last_close = max(inner.rfind(c) for c in "»”")
    if last_open > last_close and not (inner[last_open] == "“" and "„" in inner[:last_open]):
        return start + len(inner[:last_open].rstrip())
    return end


def _genre_of(t: Tok) -> str | None:
    """The class of the document a genre noun names ("none" if it is no genre noun): the stem with
    an inflectional ending at most (plan, plans, плана, жоспарын), not a longer word built on it."""
    if _is(t, HEAD_NOT):
        return "none"
    for cls, stems in TITLE_HEADS.items():
        for st in stems:
            if t.key.startswith(st) and len(t.key) - len(st) <= (7 if st in KK_HEAD_STEMS else 4):
                return cls  # Kazakh chains endings: Тұжырымдамасына, Жоспарларын, Келісімдерін
    return "none"


def _dated_end(toks: list[Tok], head: int, end: int) -> int:
    """The last token of a title running from ``head`` to ``end``, cut after its date when the
    words after the date are not its topic (:data:`DATED`)."""
    for j in range(head + 1, end):
        if not _year(toks[j]):
            continue
        # "от 13 марта 2009", "of 13 March 2009": the word of dating right before the day and month
        k = j - 1
        while k > head and (toks[k].text.isdigit() and len(toks[k].text) <= 2 or is_month(toks[k].text)):
            k -= 1
        if k <= head or toks[k].key not in DATED:
            continue
        k = j + 1 if toks[j + 1].key in YEAR_WORD_RU else j
        if k < end and toks[k + 1].key not in TOPIC_AFTER_DATE:
            return k
        return end
    return end


def _dated_heading(text: str, toks: list[Tok], head: int) -> int | None:
    """The end of a heading line that is a genre and its date alone ("Решение от 13 марта 2009
    года", "Protocol of 5 May 2006"): a document's designation, though it starts its line."""
    line_start = text.rfind("\n", 0, toks[head].start) + 1
    line_end = text.find("\n", toks[head].end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:toks[head].start].strip():
        return None
    rest = list(itertools.takewhile(lambda t: t.start < line_end, itertools.islice(toks, head + 1, head + 9)))
    if not 3 <= len(rest) <= 6 or rest[0].key not in DATED:
        return None
    last = rest[-1] if rest[-1].key not in YEAR_WORD_RU else rest[-2]
    if not (last.text.isdigit() and len(last.text) == 4):
        return None
    if text[rest[-1].end:line_end].strip(" .\t"):
        return None
    return rest[-1].end


def genre_titles(text: str, toks: list[Tok], lang: str, original: str | None = None) -> list[Candidate]:
    """Works named by an unquoted title around a capitalised genre noun (agreement, conception,
    plan, report, decision), within one clause. A title that runs past ``MAX_TITLE_WORDS``
    without a boundary is not taken: its extent would be a guess."""
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        if not t.capitalized or t.text.isupper() or len(t.text) < 4:
            continue
        cls = _genre_of(t)
        if cls == "none":
            continue
        if lang == "kk":
            s = i
            while s > 0 and i - s < MAX_TITLE_WORDS and not _breaks(text, toks[s - 1], toks[s]) \
                    and not _kk_outside(toks, s - 1) and not _kk_subject(toks, s - 1):
                s -= 1
            if s == i or (s > 0 and not _breaks(text, toks[s - 1], toks[s]) and not _kk_outside(toks, s - 1)
                          and not _kk_subject(toks, s - 1)):
                continue
            if s < i - 1 and _sentence_initial(text, toks[s].start) and toks[s].key.endswith(KK_LOCATIVE_END):
                s += 1  # "Семинарда …" (at the seminar) sets the scene, it does not name the document
            while s < i - 1 and s > 0 and toks[s].capitalized and (
                    _kk_names_and(toks, s - 1) or (s > 3 and _kk_names_and(toks, s - 2) and toks[s - 4].capitalized)):
                # "Асқар мен Айгүл … Келісімге қол қойды": the second of two subjects is one too, with
                # its surname where the first has one ("Асқар Оспанов пен Айгүл Сейітова")
                s += 1
            if all(re.fullmatch(r"[\d-]+", x.text) for x in toks[s:i]):
                continue  # "10.20–12.30 – Баяндамалар:": a programme's hours, then its heading
            start, end = toks[s].start, t.end
        else:
            dated = _dated_heading(text, toks, i)
            if dated is not None:
                out.append(Candidate("work", t.start, dated, GENRE_TITLE, 0.5, cls=cls))
                continue
            if _sentence_initial(text, t.start) or i + 1 >= len(toks) or _breaks(text, t, toks[i + 1]):
                continue
            nxt = toks[i + 1]
            if lang == "en" and nxt.key not in TITLE_OPENERS_EN and nxt.key not in DATED:
                continue
            if lang == "ru" and (nxt.capitalized or nxt.key in TITLE_STOP):
                continue
            e = i + 1
            while (e + 1 < len(toks) and e - i < MAX_TITLE_WORDS and not _breaks(text, toks[e], toks[e + 1])
                   and toks[e + 1].key not in TITLE_STOP and not _second_document(toks, e + 1)):
                e += 1
            if e + 1 < len(toks) and e - i >= MAX_TITLE_WORDS and not _breaks(text, toks[e], toks[e + 1]):
                continue
            e = _dated_end(toks, i, e)
            while e > i + 1 and toks[e].key in TITLE_TAIL:
                e -= 1
            if toks[e].key in TITLE_TAIL:
                continue  # "the Plan of “A” and …": nothing of a title is left
            start, end = t.start, toks[e].end
        source = original if original is not None else text
        start, end = _balance_quotes(source, start, end)
        end = _drop_open_quote(source, start, end)
        words = tokenize(source[start:end])
        if end <= t.end and lang != "kk" or not words or words[-1].key in TITLE_TAIL:
            continue  # nothing of a title is left beside its head
        out.append(Candidate("work", start, end, GENRE_TITLE, 0.5, cls=cls))
    return out


# --- bibliographic references: "Surname I.O. Title // Source. – 2021. – № 2. – С. 34" -----------
# The reference lists of library pages follow one format (GOST 7.1, and the same in other
# languages): an author, the title, two slashes, the journal or book it appeared in, then its
# year, issue and pages. The slashes make the parts certain where no quote marks are written.
_REF_SLASHES = re.compile(r"(?<![:/])//(?!/)")
_UP, _LOW = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ", "a-zа-яёәғқңөұүһі"
_INITIALS = rf"(?:[{_UP}][{_LOW}]?\.\s?){{1,3}}"  # "И. И.", "Zh. A."
_SURNAME = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
# "Иванов И. И.", "Иванов, И. И." (GOST), "И. И. Иванов"
_REF_AUTHOR = re.compile(rf"(?:{_SURNAME},?\s+{_INITIALS}|{_INITIALS}\s?{_SURNAME})")
_REF_AUTHORS_SEP = re.compile(r"\s*,\s*")
_REF_MARKER = re.compile(r"\s*(?:\d{1,3}[.)]\s+|[•\-–—]\s+)?")
# the source ends where the next area of the description starts: its year, issue, pages, or ". – "
_REF_SOURCE_END = re.compile(r"\s*\.\s*(?:[-–—]\s*)?(?:(?:19|20)\d\d|№|[СCТPp]\.\s?\d|Вып|Vol|No)"
                             r"|\s+[-–—]\s+(?:19|20)\d\d|\.\s+[-–—]\s")
# A year of a reference: not a page ("С. 1998–2001"), an issue ("№ 2010") or part of an ISBN.
_REF_YEAR = re.compile(r"(?<![СCТPp]\.\s)(?<![СCТPp]\.)(?<!№\s)(?<!№)(?<!ISBN\s)(?<!\d[-–])\b((?:19|20)\d\d)\b"
                       r"(?![-–]\d)")
_REF_CAPTION = re.compile(r"(?i)(фото|источник|автор фото|source|photo|сурет|дереккөз)\s*:")
_REF_MEDIUM = re.compile(r"\s*\[[^\]]*\]")
# "Омск, 2012", "М.: Либерея, 2004": where and by whom a book was published, not a journal
_REF_IMPRINT = re.compile(r"(^[^\s,.:]+\.?\s*:)|^[^\s,]+,\s*(19|20)\d\d$")
_REF_DETAILS = re.compile(r"(?:19|20)\d\d|№|\b[СCPp]\.\s?\d|\bVol\b|\bNo\b")


def references(text: str, toks: list[Tok]) -> list[Candidate]:
    """The parts of a bibliographic reference line: its authors (persons), its title (a work, whose
    ``extra["authors"]`` are their spans) and its source (a periodical or a book).

    A line is a reference only when the slashes are followed by a year, an issue or pages: "Фото:
    Иван Петров // пресс-служба" is a caption."""
    out: list[Candidate] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        # slashes inside an address ("https://a.org/x//y") are not a reference's
        m = next((m for m in _REF_SLASHES.finditer(line)
                  if not re.search(r"(://|www\.)\S*$", line[:m.start()])), None)
        if m is None or not _REF_DETAILS.search(line, m.end()):
            continue
        head_start = _REF_MARKER.match(line).end()
        if _REF_CAPTION.match(line, head_start):
            continue  # "Фото: … // 2019", "Источник: Казинформ // 12 мая 2019 г."
        authors: list[tuple[int, int]] = []
        while True:
            a = _REF_AUTHOR.match(line, head_start, m.start())
            if a is None:
                break
            authors.append((start + a.start(), start + a.end() - (len(a.group(0)) - len(a.group(0).rstrip()))))
            head_start = a.end()
            sep = _REF_AUTHORS_SEP.match(line, head_start, m.start())
            if sep is None or _REF_AUTHOR.match(line, sep.end(), m.start()) is None:
                break
            head_start = sep.end()
        head = line[head_start:m.start()].split(" / ")[0]  # " / И. И. Иванов": who is responsible
        head = _REF_MEDIUM.split(head)[0]  # "[Текст]", "[Электронный ресурс]": the medium, not the title
        title = head.strip(" \t\u00a0.,:;")
        t0 = start + head_start + (len(head) - len(head.lstrip(" \t\u00a0.,:;")))
        for a0, a1 in authors:
            out.append(Candidate("person", a0, a1, REFERENCE, 0.85))
        rest = line[m.end():]
        e = _REF_SOURCE_END.search(rest)
        source = rest[:e.start()].strip(" \t\u00a0") if e is not None else ""
        periodical = None
        if 1 <= len(source.split()) <= 12 and not _REF_IMPRINT.search(source):
            s0 = start + m.end() + (len(rest) - len(rest.lstrip(" \t\u00a0")))
            periodical = Candidate("work", s0, s0 + len(source), REFERENCE, 0.7, cls="Periodical", label=source)
        if title and (authors or len(title.split()) >= 2):
            extra: dict = {"authors": authors} if authors else {}
            if periodical is not None:
                extra["source"] = (periodical.start, periodical.end)  # the work appeared in it …
            # … in that year: the first year after the source, not one in its title, a page or an ISBN
            # (an imprint, "Омск : Изд-во, 2012", holds the year itself)
            year = _REF_YEAR.search(rest, e.start() if e is not None and periodical is not None else 0)
            if year is not None:
                extra["year"] = year.group(1)
            out.append(Candidate("work", t0, t0 + len(title), REFERENCE, 0.7, cls="Publication", label=title,
                                 extra=extra))
        if periodical is not None:
            out.append(periodical)
    return out


# --- plans named by their period: "2009–2010 жылдарға арналған жоспары", "план на 2011 год" ----
# A plan written in lower case is a document all the same when its period is given: a plan for
# some years is one plan. Kazakh writes the period first (with its owner in the genitive before
# it: "РФ Мәдениет министрлігінің 2002–2005 жылдарға арналған жоспарына"), Russian and English after.
KK_YEARS_FOR = (fold("жылға"), fold("жылдарға"), fold("жылына"))
KK_INTENDED = fold("арналған")
PLAN_FOR = fold_all(("на", "for"))
YEAR_WORDS_RU = fold_all(("год", "годы", "гг", "г", "года"))
EN_DETERMINERS = fold_all(("the", "a", "an", "its", "their", "our", "this", "that"))
EN_PLAN_MODIFIERS = fold_all(("joint", "annual", "work", "working", "action"))
PLANS_PLURAL = fold_all(("plans", "планы", "планов", "планах", "жоспарлар", "жоспарлары"))


def _year(t: Tok) -> bool:
    return len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20")


def _period(t: Tok) -> bool:
    """A year, or two joined by a dash in one token ("2009-2010")."""
    return _year(t) or re.fullmatch(r"(19|20)\d\d[-–](19|20)\d\d", t.text) is not None


def _kk_owner_start(text: str, toks: list[Tok], s: int) -> int:
    """Where an owner in the genitive written before a Kazakh period starts (``s`` if none)."""
    g = s - 1
    if g < 0 or not toks[g].key.endswith(KK_GENITIVE):
        return s
    k = g
    while k > 0 and (toks[k - 1].text.isupper() or toks[k - 1].capitalized
                     and not _sentence_initial(text, toks[k - 1].start)):
        k -= 1
    return k if k < g or toks[g].capitalized else s


def dated_plans(text: str, toks: list[Tok], lang: str) -> list[Candidate]:
    """Plans in lower case named by the years they are for (capitalised heads are
    :func:`genre_titles`' to read). One plan: "plans for 2016" are intentions, not a document."""
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        if t.capitalized or _genre_of(t) != "Plan" or t.key in PLANS_PLURAL:
            continue
        if lang == "kk":
            # "… жылға арналған [жұмыс|іс-шаралар] жоспары": up to two words of what is planned
            n = next((n for n in (1, 2, 3) if i > n and toks[i - n].key == KK_INTENDED), None)
            if n is None or i < n + 2 or not toks[i - n - 1].key.startswith(KK_YEARS_FOR) \
                    or not _period(toks[i - n - 2]) or any(toks[k].capitalized for k in range(i - n + 1, i)):
                continue
            s = i - n - 3 if i >= n + 3 and _year(toks[i - n - 3]) else i - n - 2
            s = _kk_owner_start(text, toks, s)
            if any(_breaks(text, toks[k], toks[k + 1]) for k in range(s, i)):
                continue
            out.append(Candidate("work", toks[s].start, t.end, GENRE_TITLE, 0.5, cls="Plan"))
            continue
        s = i
        if lang == "en":
            while s > 0 and toks[s - 1].key in EN_PLAN_MODIFIERS and not _breaks(text, toks[s - 1], toks[s]):
                s -= 1  # "the joint action plan for 2016"
            if s == 0 or toks[s - 1].key not in EN_DETERMINERS:
                continue  # "we plan for 2015 …" is a verb
        # up to three words of what is planned, in lower case ("план работы библиотеки на …")
        j = i + 1
        while j < len(toks) and j - i <= 3 and not toks[j].capitalized and toks[j].key not in PLAN_FOR \
                and not toks[j].text[:1].isdigit():
            j += 1
        if j + 1 >= len(toks) or toks[j].key not in PLAN_FOR:
            continue
        k = j + 1
        if not _period(toks[k]):
            continue
        if k + 1 < len(toks) and _year(toks[k + 1]) and text[toks[k].end:toks[k + 1].start].strip() in ("-", "–", "—"):
            k += 1
        if lang == "ru":
            if k + 1 >= len(toks) or toks[k + 1].key not in YEAR_WORDS_RU:
                continue
            k += 1
        if any(_breaks(text, toks[m], toks[m + 1]) for m in range(s, k)):
            continue
        out.append(Candidate("work", toks[s].start, toks[k].end, GENRE_TITLE, 0.5, cls="Plan"))
    return out


# --- "the Year of Kazakhstan in Russia" -----------------------------------------------------------
# Countries (and regions) hold years of each other: "Year of Russia in Kazakhstan", "Год Казахстана
# в России", "Қазақстандағы Ресей жылы". The guest and the host are names, capitalised; Kazakh puts
# the host first (locative -дағы) and the word for year last.
YEAR_WORDS = fold_all(("year", "god", "goda", "godu", "godom", "gody"))
YEAR_IN = fold_all(("in", "в", "во"))
KK_YEAR = fold("жылы")
KK_AT = fold_all(kk_cases.ATTRIBUTIVE_LOCATIVE[2:])


def _name_at(toks: list[Tok], i: int, text: str) -> bool:
    """A capitalised word at ``i``, joined to the word before it by a plain space: a country or a
    region as years of countries name them (Russia, Казахстане, Қазақстан)."""
    return (0 < i < len(toks) and toks[i].capitalized and not toks[i].text.isupper()
            and text[toks[i - 1].end:toks[i].start] in (" ", "\u00a0"))


def commemorative_years(text: str, toks: list[Tok], lang: str) -> list[Candidate]:
    """A year one country (or region) holds for another, as an event (a commemorative period)."""
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        if lang == "kk":
            # "Ресейдегі Қазақстан жылы": host in the locative, guest, then the word for year
            if t.key != KK_YEAR or i < 2 or not _name_at(toks, i - 1, text) or text[toks[i - 1].end:t.start] != " ":
                continue
            host = toks[i - 2]
            if not host.capitalized or host.text.isupper() or not host.key.endswith(KK_AT):
                continue
            first = i - 3 if _name_at(toks, i - 2, text) and toks[i - 3].capitalized else i - 2
            out.append(Candidate("event", toks[first].start, t.end, YEAR_OF, 0.7,
                                 cls="CommemorativePeriod", extra={"event_type": "year", "guest_first": False}))
            continue
        if not t.capitalized or t.key not in YEAR_WORDS:
            continue
        j = i + 1
        if lang == "en":
            if j >= len(toks) or toks[j].key != "of" or text[t.end:toks[j].start] != " ":
                continue
            j += 1
        if not _name_at(toks, j, text) or j + 2 >= len(toks) or toks[j + 1].key not in YEAR_IN \
                or text[toks[j].end:toks[j + 1].start] != " " or not _name_at(toks, j + 2, text):
            continue
        host_end = j + 2
        if _name_at(toks, j + 3, text) and not _name_at(toks, j + 4, text):
            host_end = j + 3  # "в Республике Казахстан", "in the Russian Federation": a two-word name
        out.append(Candidate("event", t.start, toks[host_end].end, YEAR_OF, 0.7,
                             cls="CommemorativePeriod", extra={"event_type": "year", "guest_first": True}))
    return out


# --- the opening of a room, a centre, a corner: an event of its own ---------------------------------
# "the opening of the "Russian Book" reading room", "opening of the Corner of Kazakh Literature",
# "торжественное открытие центра удалённого доступа …", "открытии читального зала «…»", "«…» оқу
# залының ашылуы". Only of a place people use: the opening of an exhibition or a festival is that
# event itself. The rules read a view of the text whose quotes are all '"'.
# (not a library or a museum: "the 125th anniversary of the opening of the library" is its founding)
# (and the unveiling of a memorial plaque or a monument: "открытие мемориальной доски", "ескерткіш
# тақтаның ашылуы", "a memorial plaque was unveiled")
_FACILITY_EN = r"(?:reading\s+room|room|hall|cent(?:re|er)|corner|office|branch|club|space|lab(?:oratory)?|plaque|monument)"
_FACILITY_RU = r"(?:зал|центр|уголк|уголок|кабинет|сектор|филиал|пункт|клуб|пространств|лаборатори|доск|памятник)[а-яё]*"
_FACILITY_KK = r"(?:зал|орталығ|бұрыш|кабинет|клуб|тақта|ескерткіш)[\wәіңғүұқөһ]*"
# Not an opening that happened: an anniversary of one, its hours, a plan, a room opened to some readers
_OPENING_NOT_BEFORE = re.compile(r"(?:дня|со\s+дня|годовщин\w*|лети\w*|времени|время|часы|режим\w*|планируем\w*|"
                                 r"предстоящ\w*|anniversary\s+of(?:\s+the)?|time\s+of(?:\s+the)?|hours\s+of|"
                                 r"planned|upcoming|future|жыл(?:дығы)?)\s*$", re.IGNORECASE)
_OPENING_NOT_AFTER = re.compile(r"\s*(?:to\s+(?:children|readers|the\s+public|visitors)|for\s+(?:children|readers)|"
                                r"в\s+выходн|по\s+выходн|on\s+weekends|для\s+(?:детей|читателей))", re.IGNORECASE)
_TITLE_Q = r'"[^"\n]{2,80}"'
_OPENINGS = {
    "en": re.compile(
        r"\b(?:[Oo]pening|[Uu]nveiling)\s+of\s+(?:the\s+|a\s+|our\s+|its\s+)?(?:new\s+)?(?:"
        rf"{_TITLE_Q}\s+(?:[a-z-]+\s+)?{_FACILITY_EN}\b"  # the "Russian Book" reading room
        rf"|(?:[A-Z][\w'’-]*\s+){{0,3}}(?i:{_FACILITY_EN})\b(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+|$)){{1,4}})?"
        rf"|(?:[a-z-]+\s+){{0,2}}{_FACILITY_EN}\b(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+|$)){{1,4}})?"
        rf"(?:\s*{_TITLE_Q})?)"),
    "ru": re.compile(
        r"(?:(?<![\w-])[Тт]оржественн[а-яё]+\s+)?(?<![\w-])[Оо]ткрыти(?:е|я|и|ю|ем)\s+(?:нов[а-яё]+\s+)?"
        rf"(?:[а-яё-]+(?:ого|его|ой|ей)\s+){{0,2}}(?i:{_FACILITY_RU})"
        r"(?:\s+(?:[а-яё-]+(?:ого|его|ой|ей|ых|их|ия|ии|а|ы)\s+){0,3}?(?:[А-ЯЁа-яё-]+(?:а|и|ы|ов|ей|ия|ии|ы))(?![\w-]))?"
        rf"(?:\s*{_TITLE_Q})?"),
    # (the words before the kind are no participle: "Абайға арналған ескерткіш тақта ашылды" opens at the plaque)
    "kk": re.compile(rf"(?<![\wәіңғүұқөһ-])(?:{_TITLE_Q}\s+)?(?:(?![\wәіңғүұқөһ-]*(?:ған|ген|қан|кен)\s)[\wәіңғүұқөһ-]+\s+){{0,2}}?"
                     rf"{_FACILITY_KK}\s+(?:салтанатты\s+түрде\s+)?"
                     r"(?:ашылу(?:ы|ына|ында|ын)?(?:\s+рәсім[\wәіңғүұқөһ]*)?|ашылды)(?![\w-])"),
}


# English tells an opening in the passive too: "a reading room of Kazakh literature was opened in …"
_EN_OPENED = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+)?(?P<what>(?:[a-z-]+\s+){{0,2}}{_FACILITY_EN}"
    r"(?:\s+(?:of|for|to)\s+(?:(?:[A-Z][\w'’-]*|[a-z][\w-]*)\s+)?(?:[A-Z][\w'’-]*|[a-z][\w-]*))?)\s+"
    r"(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:officially\s+|solemnly\s+|ceremonially\s+)?(?:opened|unveiled)\b")


def openings(text: str, lang: str | None) -> list[Candidate]:
    """The opening of a room, a centre or a corner (see ``_OPENINGS``): an event only where its
    sentence, or the report's dateline, gives its date and place, as for an event named by its kind."""
    rx = _OPENINGS.get(lang or "")
    if rx is None:
        return []
    out = []
    if lang == "en":
        for m in _EN_OPENED.finditer(text):
            what = " ".join(m.group("what").split())
            out.append(Candidate("event", m.start("what"), m.end(), "rule:opening", 0.6, cls="Event",
                                 label=f"opening of a {what}",
                                 extra={"event_type": "opening", "needs_date_place": True, "named": f"opening of a {what}"}))
    for m in rx.finditer(text):
        if _OPENING_NOT_BEFORE.search(text[max(0, m.start() - 30):m.start()]) or _OPENING_NOT_AFTER.match(text, m.end()):
            continue
        span = text[m.start():m.end()].rstrip()
        out.append(Candidate("event", m.start(), m.start() + len(span), "rule:opening", 0.6, cls="Event",
                             label=" ".join(span.split()), extra={"event_type": "opening", "needs_date_place": True}))
    return out


# --- "the Days of … in Kuzbass", "Дни казахской литературы в Омске" ---------------------------------
DAYS_HEADS = fold_all(("days", "дни", "дней", "дням", "днях", "днями"))  # "во время Дней культуры …"
REGION_WORDS = fold_all(("област", "region", "oblast", "края", "krai", "район", "district", "облыс"))
MAX_DAYS_WORDS = 14


# A day's name: "World Book and Copyright Day", "International Mother Language Day" (capitalised words,
# "and"/"of" between, then "Day"); "День казахской кухни и ремёсел", "День Республики" (a capitalised
# "День" inside a sentence, then its genitive words or names)
_EN_NAMED_DAY = re.compile(r"\b(?:[A-Z][\w'’-]+\s+(?:(?:and|of|the)\s+)?){1,5}Day\b")
# (mid-sentence, or after a schedule's dash, a hyphen in the matching view: "14 сентября – День
# казахской кухни")
_RU_NAMED_DAY = re.compile(r"(?:(?<=[^\W\d_] )|(?<= [-–—] ))День(?:\s+(?:[а-яё]+|[А-ЯЁ][а-яё]+)(?![\w-])){1,5}")
# not a day's name: "Friday Day Camp", "Next Day Delivery"; "весь День", "в этот День", "Следующий День"
_NOT_DAY_NAME = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "next",
                           "every", "each", "same", "one", "this", "that", "the", "a", "any", "whole"))
_RU_BEFORE_DAY = re.compile(r"(?:весь|этот|тот|следующий|каждый|один|целый|в|на)\s+$", re.IGNORECASE)


# A school by its number: "средней школы № 5", "школы-гимназии № 9", "СОШ № 12", "№9 мектеп-гимназияның",
# "№53 орта мектептің", "school-gymnasium No. 9", "Kulunda secondary school No. 1"
_SCHOOL = {
    "ru": re.compile(r"(?<![\w-])(?:(?:средн|общеобразовательн|основн|специализированн)\w*\s+)?"
                     r"(?:школ\w*|гимнази\w*|лице[йея]\w*|СОШ)(?:-(?:гимнази|лице)\w*)?\s*№\s*\d+"),
    "kk": re.compile(r"№\s*\d+\s+(?:(?:орта|жалпы|жалпы\s+білім\s+беретін|мамандандырылған)\s+)?"
                     r"(?:мектеп|гимназия|лицей)\w*(?:-(?:гимназия|лицей)\w*)?"),
    "en": re.compile(r"(?:\b(?!The\b|A\b)[A-Z][a-z]+\s+)?(?:\b(?:[Ss]econdary|[Hh]igh|[Gg]eneral)\s+)?"
                     r"\b(?:[Ss]chool|[Gg]ymnasium|[Ll]yceum)(?:-(?:[Gg]ymnasium|[Ll]yceum))?\s+No\.?\s*\d+"),
}


def numbered_schools(text: str, lang: str) -> list[Candidate]:
    """A school named by its number is an organisation (pupils of two border towns meet on a
    telebridge); the number and the kind say which, with the town the text gives."""
    pattern = _SCHOOL.get(lang)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        start = m.start()
        if lang == "en" and m.group()[:1].isupper() and _sentence_initial(text, start):
            start += len(m.group().split()[0]) + 1  # "School No. 1 …" opening a sentence: no town word
        words = text[start:m.end()].split()
        if lang == "kk":
            words[-1] = strip_kk_case(words[-1])  # "№9 мектеп-гимназияның" is "№9 мектеп-гимназия"
        out.append(Candidate("organization", start, m.end(), "rule:school", 0.6, label=" ".join(words)))
    return out


def named_days(text: str, lang: str) -> list[Candidate]:
    """A day named as a holiday or a library's occasion ("World Book and Copyright Day", "День
    славянской письменности и культуры"): an event, dated by its sentence as any other."""
    out: list[Candidate] = []
    if lang == "en":
        found = [(m.start(), m.end()) for m in _EN_NAMED_DAY.finditer(text)
                 if (not _sentence_initial(text, m.start()) or len(m.group().split()) > 2)
                 and m.group().split()[0].lower() not in _NOT_DAY_NAME]
    elif lang == "ru":
        found = []
        for m in _RU_NAMED_DAY.finditer(text):
            if _RU_BEFORE_DAY.search(text[max(0, m.start() - 12):m.start()]):
                continue  # "весь День", "в этот День": a day, not a day's name
            # its words: names, or lower-case words in the genitive ("казахской кухни и ремёсел"), up
            # to the first that is neither ("День библиотекари провели …" names nothing)
            end, analyser = m.start() + len("День"), morph.analyser()
            for w in re.finditer(r"\S+", text[end:m.end()]):
                word = w.group()
                if not (word[0].isupper() or word == "и"
                        or len(word) > 2 and any("gent" in p.tag for p in analyser.parse(word))):  # (not "в")
                    break
                end = m.start() + len("День") + w.end()
            found.append((m.start(), end))
    else:
        return out
    for start, end in found:
        words = text[start:end].split()
        while words and words[-1].lower() in ("и", "and", "of", "the"):
            end -= len(words.pop()) + 1
        if len(words) < 2:
            continue
        out.append(Candidate("event", start, end, DAYS_OF, 0.55, cls="CommemorativePeriod",
                             label=" ".join(text[start:end].split()), extra={"event_type": "days"}))
    return out


def days_events(text: str, toks: list[Tok], lang: str) -> list[Candidate]:
    """A capitalised "Days"/"Дни" opening a name that says where ("the Days of UNESCO Programme …
    in Kuzbass", "Дни казахской литературы в Омске") is an event whatever verb there is. The name
    ends with the place after "in"/"в" (one or two capitalised words), within its clause.
    (Kazakh puts "күндері" last, in lower case: ``unquoted_events`` reads it beside a verb.)"""
    out: list[Candidate] = []
    if lang not in ("en", "ru"):
        return out
    for i, t in enumerate(toks):
        if not t.capitalized or t.text.isupper() or t.key not in DAYS_HEADS or i + 1 >= len(toks):
            continue
        if lang == "en" and toks[i + 1].key != "of":
            continue
        if lang == "ru" and not re.search(r"(?:ы|и|ой|ей|ого|его|их|ых|а|я)$", toks[i + 1].text.lower()):
            continue  # "Дни культуры …", "Дней казахской литературы …": of something; not "Дней до …", "Дни в …"
        end = None
        for k in range(i + 1, min(len(toks) - 1, i + MAX_DAYS_WORDS)):
            if _clause_break(text, toks[k - 1].end, toks[k].start, ".;:!?\n(),[]") or toks[k].key in TITLE_STOP \
                    or _is(toks[k], HELD):
                break  # "the Days of culture were held in …": the name ended before its verb
            if toks[k].key in YEAR_IN and toks[k + 1].capitalized \
                    and not _clause_break(text, toks[k].end, toks[k + 1].start, ".;:!?\n(),[]"):
                last = k + 1
                if last + 1 < len(toks) and toks[last + 1].key not in DAYS_HEADS:
                    gap = text[toks[last].end:toks[last + 1].start]
                    if (toks[last + 1].capitalized and (gap == " " or gap == ". " and _is_abbreviation_dot(text, toks[last].end))) \
                            or (gap == " " and _is(toks[last + 1], REGION_WORDS)):
                        last += 1  # "Omsk Region", "St. Petersburg", "Омской области"
                end = toks[last].end
                break
        if end is None:
            continue
        start, end = _balance_quotes(text, t.start, end)
        out.append(Candidate("event", start, end, DAYS_OF, 0.6, cls="CommemorativePeriod",
                             label=" ".join(text[start:end].split()), extra={"event_type": "days"}))
    return out
