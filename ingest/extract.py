"""One document in, the triples of its named graph out.

reading → language per passage → spaCy pipeline of that language (candidates) → resolution of
overlaps → linking (authority or new stable IRI) → relations → RDF (document, entities,
relations, one Web Annotation per mention). Nothing here touches a store.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import relations as rel
from .authority import Authority, Entry
from .dates import DateMention, day_months, is_month, month_number, with_year
from .keys import fold, slugify, strip_kk_case, token_match
from .tokens import tokenize
from .language import KAZAKH_LOWER, Passage, main_language, passages
from .gazetteer import resolve as resolve_matches
from .linking import (distinctive, initials_and_surname, link_by_name, link_exactly, link_person, name_similarity,
                      new_slug, person_key, surname_stem)
from .geonames import GeoPlace
from .pipeline import build, load_authority, load_geo_places
from .title_keys import concepts, institution_key, key_slug, library_key, library_slug, title_key
from .reading import Document
from . import rules
from . import kk_cases
from . import morph
from .rules import DAYS_OF, GENRE_TITLE, ORG_TITLE, REFERENCE, YEAR_OF, Candidate
from .vocab import (AUTHOR, CONTAINED_IN, COUNTRY, DATE_CREATED, GEO, DATE_PUBLISHED, IS_PART_OF, KINDS, LOCATION, MEMBER_OF, NAMED_AFTER, OA, OWL, PARTICIPANT,
                    PARTNER, PROV, RDF, RDFS, SDO, SHK, SKOS, START_DATE, XSD, Graphs)

CONTAINER_KINDS = ("library", "organization", "event", "project", "work")
TITLE_KINDS = ("event", "project", "work")
SIGNED_KINDS = ("Agreement", "Plan", "Concept")  # documents that are signed or adopted on a day
EVENT_FAMILY = {"seminar-council": "seminar", "seminar": "seminar", "forum": "conference"}


@dataclass
class Mention:
    start: int
    end: int
    kind: str
    iri: str
    method: str
    confidence: float
    lang: str


@dataclass
class NewEntity:
    iri: str
    kind: str
    cls: str | None
    names: list[tuple[str, str]] = field(default_factory=list)
    facts: list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]] = field(default_factory=list)
    region: str | None = None  # a GeoNames town's region, which the text may make more precise


@dataclass
class Result:
    document: Document
    triples: list[ox.Triple]
    language: str
    mentions: list[Mention]
    entities: set[str]
    token_count: int

    @property
    def mention_count(self) -> int:
        return len(self.mentions)

    @property
    def entity_count(self) -> int:
        return len(self.entities)


# The label of an electronic library named for a project, in the nominative of each language
ELECTRONIC_LIBRARY_LABEL = {"en": "electronic library “{}”", "ru": "электронная библиотека «{}»",
                            "kk": "«{}» электрондық кітапханасы"}


# A Kazakh institution's name ends in its head with the possessive (-ы/-і) and then, in a
# sentence, a case ending: "музейінің", "кітапханасымен", "басқармасына".
_KK_HEAD_CASE = re.compile(r"^(.*\w[ыі])(?:ның|нің|на|не|н|нда|нде|нан|нен|мен|ндағы|ндегі)$")


# A Russian adjective of a town's name: its stem, and "ск" when the adjective adds it
# (Хромтау → Хромтауской, Курган → Курганской; Омск → Омской keeps the town's own "ск").
_RU_PLACE_ADJECTIVE = re.compile(r"\b(?P<stem>[А-ЯЁ][а-яё-]+?)(?P<sk>ск)?(?:ая|ой|ую|ий|ый|ого|ому|им|ом|ое|ие|их)\b")


def _kk_name_nominative(name: str) -> str:
    """A Kazakh institution's name as it is named (the head in the nominative): "Ақтөбе облыстық
    тарихи-өлкетану музейінің" is "… музейі", so every case of it is one entity with one label."""
    head, sep, last = name.rstrip().rpartition(" ")
    m = _KK_HEAD_CASE.match(last)
    if not sep or m is None or not KAZAKH_LOWER.intersection(name):
        return name
    return f"{head} {m.group(1)}"


# The head of a Russian government body in any case, and its nominative ("управлением культуры …"
# is "управление культуры …"); the rank before a mission agrees with it ("Генерального консульства").
_RU_BODY_CASES = (
    (re.compile(r"^(генеральн)(?:ого|ому|ым|ом)$", re.I), "ое"),
    (re.compile(r"^(министерств|консульств|посольств)(?:а|у|ом|е)$", re.I), "о"),
    (re.compile(r"^(управлени)(?:я|ю|ем|и)$", re.I), "е"),
    (re.compile(r"^(департамент|комитет|акимат)(?:а|у|ом|е)$", re.I), ""),
)


# A bare event word after a demonstrative or the definite article names an event already told of.
# "the same day", "в тот же день", "сол күні": a sentence dated by the day the text named last
_SAME_DAY = re.compile(r"\b(?:the\s+same\s+day|that\s+same\s+day)\b|(?<![^\W\d_])(?:в\s+)?(?:тот|этот)\s+же\s+день"
                       r"|(?<![^\W\d_])(?:сол|осы)\s+күні"
                       # right after the signing or its ceremony: "После церемонии подписания …",
                       # "After the signing ceremony …", "Салтанатты рәсімнен кейін …"
                       r"|(?<![^\W\d_])после\s+(?:церемонии|подписания)|\bafter\s+the\s+(?:signing|ceremony)"
                       r"|рәсімнен\s+кейін|қол\s+қойылғаннан\s+кейін", re.IGNORECASE)
_ORIGIN_LIST = re.compile(r"(?:^|\s)(?:из|изо|from)\s+(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*(?:\s*,\s*|\s+(?:и|and)\s+))+$",
                          re.IGNORECASE)
# What follows a district's namesake: more names of the list, then the kind ("… және Ғабит Мүсірепов
# аудандарының", "… и Габита Мусрепова районов", "… districts")
_DISTRICT_AFTER = re.compile(r"(?:\s*(?:,|және|мен|и|and)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)*\s+(?:аудан|район|district)",
                             re.IGNORECASE)
# A day of someone's life or of a founding, not of the report's events
_LIFE_OR_FOUNDING = re.compile(r"(?<![^\W\d_])(?:родил|умер|скончал|основан|учрежд|born|died|founded|established|"
                               r"туған|туды|дүниеге|қайтыс|құрылған|құрылды|ашылған)", re.IGNORECASE)
# A year something has gone on since ("2019 жылдан бері", "since 2019", "с 2019 года"): not the year of
# a day named after it ("… 2019 жылдан бері серіктес … Ертеңіне, 17 маусымда")
_SINCE_BEFORE = re.compile(r"(?:(?<![^\W\d_])[Сс]|\b[Ss]ince)\s+$")
_SINCE_AFTER = re.compile(r"\s*(?:жылдан\s+)?(?:бері|бастап)\b|жылдан\s+(?:бері|бастап)")
_ANAPHORA = re.compile(r"(?:\b(?:the|this|that)|(?<![^\W\d_])(?:эта|этой|этом|эту|этого|данн\w*|бұл|осы))\s+(?:\w+\s+)?$",
                       re.IGNORECASE)
_MISSION = re.compile(r"консульств|посольств|консулдығ|елшілі|consulate|embassy", re.I)
_EMBASSY = re.compile(r"посольств|елшілі|embassy", re.I)
_AKIMAT = re.compile(r"акимат|әкімдіг|akimat", re.I)


def _headed_by(name: str, head: re.Pattern[str]) -> bool:
    """The body's own head word is ``head``: the first word, or the second after a rank
    ("Генеральное консульство", "Consulate General" reads its head first), in Russian and English;
    the last in Kazakh. "Управление культуры акимата …" is a department, not the akimat."""
    words = name.split()
    firsts = words[:2] if words and re.match(r"(?i)генеральн|general", words[0]) else words[:1]
    return any(head.match(w) for w in firsts) or bool(words) and bool(head.match(words[-1])) and bool(
        KAZAKH_LOWER.intersection(words[-1]))


def _ru_body_nominative(name: str) -> str:
    """A Russian government body's name with its head (and rank) in the nominative and capitalised,
    as the body is named, so that every case of it is one entity with one label; the remit and
    place stay in the genitive they take."""
    words = name.split(" ")
    changed = False
    # the head, and after the rank ("Генерального") the head too; not the body a head governs
    # ("комитета министерства культуры": the committee of the ministry)
    heads = 2 if words and _RU_BODY_CASES[0][0].match(words[0]) else 1
    for i, w in enumerate(words[:heads]):
        rule = next(((p, end) for p, end in _RU_BODY_CASES if p.match(w)), None)
        if rule is None:
            break
        words[i] = rule[0].match(w).group(1) + rule[1]
        changed = True
    if not changed:
        return name
    out = " ".join(words)
    return out[:1].upper() + out[1:]


# The head of a Russian library's or institution's name in a case, what makes its nominative, and its
# gender, which decides the adjectives before it ("Орского краеведческого музея" is "Орский
# краеведческий музей", "Карагандинской областной библиотеке" "Карагандинская областная библиотека").
_RU_LIBRARY_HEADS = ((re.compile(r"^([Бб]иблиотек)(?:а|и|е|у|ой|ою)$"), "а", "f"),)
_RU_INSTITUTION_HEADS = (
    (re.compile(r"^([Мм]узе)(?:я|ю|ем|е)$"), "й", "m"),
    (re.compile(r"^([Аа]рхив|[Уу]ниверситет|[Ии]нститут|[Тт]еатр|[Кк]олледж|[Кк]орпус)(?:а|у|ом|е)$"), "", "m"),
    (re.compile(r"^([Аа]ссоциаци|[Аа]кадеми|[Фф]илармони|[Сс]еминари)(?:и|ю|ей)$"), "я", "f"),
    (re.compile(r"^([Ии]здательств|[Оо]бществ)(?:а|у|ом|е)$"), "о", "n"),
)
# Adjectives stressed on the ending take -ой in the masculine nominative (областной, городской, краевой)
_END_STRESSED = ("областн", "городск", "краев", "больш", "молод", "окружн", "волостн", "миров", "полев")
_RU_ADJECTIVE_CASE = re.compile(r"^(.*[а-яё])(ого|его|ому|ему|ым|им|ом|ем|ой|ей|ую|юю|ою|ая|яя)$")
_RU_FEMININE_ENDS = ("ой", "ей", "ую", "юю", "ою", "ая", "яя")


def _ru_nominative(name: str, heads: tuple, head_alone: bool) -> str:
    """``name`` with its head (one of ``heads``) and the adjectives before it in the nominative, so
    that every case of a name is one entity with one label; the name as it is when a word before the
    head is no adjective agreeing with it (then it is no proper name), or, unless ``head_alone``,
    when nothing stands before the head ("Библиотеке им. Пушкина")."""
    words = name.split(" ")
    i = next((k for k, w in enumerate(words) if any(p.match(w) for p, _, _ in heads)), None)
    if i is None or i == 0 and not head_alone:
        return name
    pattern, ending, gender = next((p, e, g) for p, e, g in heads if p.match(words[i]))
    out = []
    for w in words[:i]:
        parts = w.split("-")  # "Восточно-Казахстанского": only the last part declines
        m = _RU_ADJECTIVE_CASE.match(parts[-1])
        if m is None:
            return name
        stem, end = m.groups()
        soft = end in ("его", "ему", "им", "ем", "ей", "юю", "яя") and not stem.endswith(("ж", "ш", "ч", "щ", "г", "к", "х"))
        if gender == "f":
            if end not in _RU_FEMININE_ENDS:
                return name
            parts[-1] = stem + ("яя" if soft else "ая")
        elif end in _RU_FEMININE_ENDS:
            return name  # a feminine adjective before a masculine or neuter head: not one name
        elif gender == "n":
            parts[-1] = stem + ("ее" if soft else "ое")
        elif stem.lower().endswith(_END_STRESSED):
            parts[-1] = stem + "ой"  # областного → областной, городского → городской, Большого → Большой
        elif stem.endswith("ь"):
            parts[-1] = stem[:-1] + "ий"  # третьего → третий
        else:
            parts[-1] = stem + ("ий" if soft or stem.endswith(("г", "к", "х", "ж", "ш", "ч", "щ")) else "ый")
        out.append("-".join(parts))
    head = pattern.match(words[i]).group(1) + ending  # type: ignore[union-attr]
    result = " ".join([*out, head, *words[i + 1:]])
    return result[:1].upper() + result[1:]


def _ru_library_nominative(name: str) -> str:
    """A Russian library's name in the nominative ("Карагандинской областной научной библиотеке им.
    Н. В. Гоголя" is "Карагандинская областная научная библиотека им. Н. В. Гоголя")."""
    return _ru_nominative(name, _RU_LIBRARY_HEADS, head_alone=False)


def _ru_institution_nominative(name: str) -> str:
    """A Russian institution's name in the nominative ("Музея Т. Г. Шевченко" is "Музей Т. Г.
    Шевченко", "Государственного архива Оренбургской области" "Государственный архив …")."""
    return _ru_nominative(name, _RU_INSTITUTION_HEADS, head_alone=True)


def _proper_word(name: str) -> bool:
    """The name holds a word of its own, capitalised and not the kind, a level or a modifier
    ("Омский краеведческий музей", "Museum of Fine Arts"; not "Городской краеведческий музей")."""
    return any(t.capitalized and len(t.text) > 2 and not rules._is(t, rules.INSTITUTION_HEAD)
               and not rules._is(t, rules.INSTITUTION_MOD) and t.key not in _NOT_DISTINCTIVE for t in tokenize(name))


# A level word right after a name inside an institution's name: the name is a district's or a town's
# ("Құрманғазы аудандық кітапханасы", "Kurmangazy District Library"), not a namesake
_LEVEL_AFTER = re.compile(r"(?i)\s+(?:аудандық|қалалық|облыстық|районн\w*|городск\w*|областн\w*|district|city|regional)\b")
# A Russian place name in the genitive ("Омска", "Тюмени", "Атырауской области", "Алтайского края")
# (and towns that do not decline, Атырау, Кемерово, or decline as adjectives, Рудного)
_RU_GENITIVE_END = re.compile(r"(?:[^ая]а|я|и|ы|ау|о|ого|ой\s+области|ого\s+края|ого\s+района)$")
# Between a place and the larger one it lies in: nothing, a bracket, a comma, "in" or "of".
_BEFORE_LARGER = re.compile(r"\s*(?:\(|,\s*|\s(?:in|of)\s+(?:the\s+)?)?\s*")
_DISTRICT_WORD = re.compile(r"(?i)\b(?:район|аудан|district)")
_REGION = SHK.iri("Region")
_LARGER_PLACE_TYPES = frozenset({_REGION, SHK.iri("District"), SHK.iri("Country"), SDO.iri("Country")})


_NOT_DISTINCTIVE = frozenset(fold(w) for w in ("the", "of", "a", "and"))
# (not past the line's end, and not a date: "библиотеке Алматы 27 мая")
_CONTINUED = re.compile(r"[ \t\u00a0]*(?:for|для|үшін|No\.?|№|N\s*\d|\d{1,3}(?![\d.:]|[ \t\u00a0]*[^\W\d_]))",
                        re.IGNORECASE)
# plural: "libraries", "кітапханалары", and in Russian after a plural adjective ("Томские
# библиотеки"; "Томской библиотеки" is one library's genitive)
_PLURAL_HEAD = re.compile(r"(?i)(?:libraries|кітапханалар\w*|(?:ие|ые|их|ых)\s+библиотек(?:и|ам|ами|ах)?)$")


def _link_library(authority: Authority, surface: str, context: str = "") -> Entry | None:
    """The authority library a name stands for; a group ("Абай облысының кітапханалары", the
    libraries of the Abai region) only for an entry that is itself a group (the Shemonaikha
    district libraries), never for one library of its place."""
    e = link_by_name(authority, surface, "library")
    if e is not None and _GROUP_HEAD.search(surface.strip()) \
            and not any(_PLURAL_HEAD.search(n.strip()) for n, _ in e.names):
        # a group: the one group entry whose names say what it says ("Шемонаиха … кітапханалары"
        # is the Shemonaikha district libraries, not the town's central library)
        words = distinctive(surface)
        groups = [o for o in authority.entries.values() if o.kind == "library"
                  and any(_PLURAL_HEAD.search(n.strip()) and name_similarity(words, distinctive(n)) >= 0.99
                          for n, _ in o.names)]
        return groups[0] if len(groups) == 1 else None
    sharing = _sharing_the_namesake(authority, e, surface) if e is not None else []
    if sharing:
        # "the Pushkin Library": Omsk's or East Kazakhstan's? The one whose town or region the
        # sentence names ("Pushkin Library of East Kazakhstan"), else neither
        context_keys = [t.key for t in tokenize(context)]
        named = [o for o in [e, *sharing] if _place_named(authority, o, context_keys)]
        return named[0] if len(named) == 1 else None
    return e


def _sharing_the_namesake(authority: Authority, e: Entry, surface: str) -> list[Entry]:
    """The other authority libraries named after the person who is all that ``surface`` says of ``e``."""
    words = set(_distinctive(surface))
    if not words:
        return []
    for person in e.named_after:
        p = authority.get(person)
        if p is None:
            continue
        keys = _name_keys(tuple(p.names))
        if all(any(token_match(w, k) for k in keys) for w in words):  # "имени Пушкина": a case of it
            return [o for o in authority.entries.values()
                    if o.kind == "library" and o.iri != e.iri and person in o.named_after]
    return []


@functools.lru_cache(maxsize=4096)
def _name_keys(names: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """The folded words of all of an entity's names (read once per entity, not per library linked)."""
    return frozenset(t.key for n, _ in names for t in tokenize(n))


def _place_named(authority: Authority, library: Entry, context_keys: list[str]) -> bool:
    """The sentence names the town or a region the library lies in (by a name of it, endings aside)."""
    for iri in [library.location, *authority.ancestors(library.location or "")]:
        place = authority.get(iri)
        if place is None or place.is_country:
            continue
        for name, _ in place.names:
            keys = [t.key for t in tokenize(name)]
            if keys and any(all(i + j < len(context_keys) and token_match(k, context_keys[i + j])
                                for j, k in enumerate(keys)) for i in range(len(context_keys))):
                return True
    return False


# A group of libraries in Kazakh and Russian; the English "the Omsk regional libraries" of these sites'
# translations is as often the one library
_GROUP_HEAD = re.compile(r"(?i)(?:кітапханалар\w*|(?:ие|ые|их|ых)\s+библиотек(?:и|ам|ами|ах)?)$")


def _plural_or_continued(surface: str, after: str) -> bool:
    """A group of libraries, or a library name that goes on past the span ("for the blind", "№ 3"):
    not a short form of one library's name."""
    return bool(_PLURAL_HEAD.search(surface.strip()) or _CONTINUED.match(after))


def _distinctive(name: str, with_modifiers: bool = False) -> list[str]:
    """The folded words of a library's name that are not library words, modifiers (unless asked
    for), namesake markers or articles: what tells it from another library."""
    return [t.key for t in tokenize(name) if t.text[:1].isalpha() and not rules._is(t, rules.LIBRARY_HEAD)
            and (with_modifiers or not rules._is(t, rules.LIBRARY_MOD))
            and t.key not in rules.NAMESAKE_KK + rules.NAMESAKE_RU + rules.NAMESAKE_EN
            and t.key not in _NOT_DISTINCTIVE and len(t.key) > 1]


# A library's or museum's staff, named by their post beside their name: who prepared an exhibition
_STAFF = re.compile(r"\b(?:head|director|librarian|bibliographer|deputy|chief|staff|curator|researcher|заведующ|"
                    r"директор|библиотекар|библиограф|сотрудни|руководител|заместител|хранител|куратор|"
                    r"меңгеруші|кітапханашы|библиографы|қызметкер|басшы|маман)\w*", re.IGNORECASE)


_NAMESAKE_DOT = re.compile(r"(?<![^\W\d_])им\.")


def _staff_beside(text: str, start: int, end: int) -> bool:
    """A post is written right before the name at ``start``–``end`` or right after it past a comma:
    "заведующая отделом Х", "X, head of the local history department"."""
    # ("им." of a library's namesake is no full stop: "директор библиотеки им. Крупской Ирина Лаврентьева")
    before = re.split(r"[.;:!?\n,]", _NAMESAKE_DOT.sub("им ", text[max(0, start - 40):start]))[-1]
    if _HONOURED.search(before):
        return False  # "к 100-летию первого директора … Ивана Петрова": whom it honours, not who made it
    after = re.match(r",\s*(\S+)", text[end:end + 44])  # the first word past the comma: "head", "chief"
    return bool(_STAFF.search(before) or after and _STAFF.match(after.group(1)))


def _spoke_after(text: str, verb: int, end: int, mentions: list):  # noqa: ANN202 — a relations mention
    """The speaker Russian names after the verb, by a post, at the end of the clause: "О фондах
    рассказал её сотрудник Денис Карелин.", "отметила директор библиотеки Анна Петрова," — not
    whom the talk was about ("рассказал о Денисе Карелине") nor someone named on ("… Карелина")."""
    before = text[max(0, verb - 24):verb]
    if re.search(r"[»”\"][\s,–—-]*(?:так\s+)?$|[,–—]\s*$|(?<![^\W\d_])(?:как|так|не)\s+$", before, re.IGNORECASE):
        return None  # whose words a quote or a clause is ("«…», — отметила X", "Как рассказала X, …",
        # "…, отметила X"), or who did not speak ("не рассказала")
    verb_end = verb + len(re.match(r"\S*", text[verb:]).group())
    holders = [h for h in mentions if h.kind in ("library", "organization")]
    for a in mentions:
        if a.kind != "person" or not verb_end <= a.start < end \
                or any(h.start <= a.start and a.end <= h.end for h in holders):
            continue  # (a namesake inside a library's name speaks for no one: "директор библиотеки им. Крупской")
        gap = _NAMESAKE_DOT.sub("им ", text[verb_end:a.start])
        if re.search(r"(?<![^\W\d_])(?:им|имени)\s*$", gap):
            continue  # a library's namesake, its name not read as one: the speaker comes after
        if len(gap.split()) > 6 or re.search(r"[,.;:«»\"“”()]", gap) or _TOPIC_WORDS.search(gap):
            return None
        # the post opens the gap ("её сотрудник", "директор библиотеки"), not an object ("заслуги
        # директора", "вклад библиотекаря"), and it and every word of the name may be nominative
        post = re.match(r"\s*(?:(?:её|его|их|наш\w*)\s+)?(\S+)", gap)
        names = re.findall(r"[А-ЯЁ][а-яё]{2,}", text[a.start:a.end])  # the name's words, not its initials
        if post is None or not _STAFF.match(post.group(1)) or not _can_be_nominative(post.group(1).lower()):
            return None
        if _staff_beside(text, a.start, a.end) and re.match(r"\s*(?:[.;!?\n]|,\s|$)", text[a.end:end + 1]) \
                and all(_can_be_nominative(w) for w in names):
            return a
        return None
    return None


# A speaker's post in a programme's item: the staff words, and who else gives a talk there
_PROGRAMME_POST = re.compile(_STAFF.pattern + r"|\b(?:профессор|professor|доцент|лектор|lecturer|писател|поэт|"
                             r"writer|poet|краевед|историк|historian|журналист|journalist|автор|author|ақын|жазушы|"
                             r"тарихшы|өлкетанушы)\w*", re.IGNORECASE)


# A programme item that opens with a quoted title ("– «Омские адреса …» – …"), and what may stand
# between that title and its speaker's name: a dash, a word for a talk ("– доклад", "– talk by")
_ITEM_TITLE = re.compile(r"[ \t]*(?:[-–—•*]|\d{1,2}[.)])[ \t]*[\"«“][^\"»”\n]{2,200}[\"»”]")
# Where a clause ends: a semicolon, a line's end, a full stop that follows no initial ("Т. В.", "А. С.")
_CLAUSE_END = re.compile(r"[;\n]|(?<!\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])\.")
_TALK_GAP = re.compile(r"[\s,:–—-]*(?:(доклад\w*|выступлени\w*|сообщени\w*|talk|paper|report|баяндама\w*)"
                       r"(?:\s+by)?[\s,:–—-]*)?", re.IGNORECASE)


# Words after a verb of speech that make the name that follows what was spoken of, not who spoke
_TOPIC_WORDS = re.compile(r"(?<![^\W\d_])(?:о|об|обо|про|с|со|для|к|ко|по|на|в|во|у|от|за|of|about|on|with|to)(?![^\W\d_])",
                          re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _can_be_nominative(word: str) -> bool:
    """A Russian word that may stand in the nominative: "Анна", "Денис", "Айгуль" may; "Ивана",
    "Денису", "Анной" may not (whose merits were noted, to whom one spoke)."""
    return any(p.tag.case == "nomn" for p in morph.analyser().parse(word))


# Whom an exhibition honours or draws on, written before a post and a name
_HONOURED = re.compile(r"летию|юбилею|памяти|материалам|архива|архиві|книгам|works\s+of|books\s+of|memory\s+of|"
                       r"anniversary|жылдығына|мерейтойына|естелік", re.IGNORECASE)


# A district by its name: "Аулиекольский район", "Әулиекөл ауданы", "Auliekol District", "Volodarsky
# District" (the Russian adjective's ending and the English -sky left out, so all are one place)
_DISTRICT = re.compile(r"^(?P<stem>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'-]*?)(?:ский|цкий|sky|skiy|skii|ski)?\s+"
                       r"(?:район|ауданы|district)$", re.IGNORECASE)


def _district_slug(name: str) -> str | None:
    """The slug of a district the authority file lacks, the same in every language; None for any
    other place, and for the names many towns give their districts (Ленинский, Кировский …), which
    say nothing of which town's."""
    m = _DISTRICT.match(" ".join(name.split()))
    if m is None or len(m["stem"]) < 4 or fold(m["stem"]).startswith(_TOWN_DISTRICT_NAMES):
        return None
    return f"{slugify(m['stem'].rstrip('ьъ'))}-district"


def _around_date(text: str, dm: DateMention) -> str:
    """The words right around a date, within its sentence: where "родился", "основана", "туған"
    would say it is a birth or a founding (Kazakh puts the verb after the date)."""
    before = re.split(r"[.!?;\n]", text[max(0, dm.start - 30):dm.start])[-1]
    after = re.split(r"[.!?;\n]", text[dm.end:dm.end + 16])[0]
    return before + " " + after


# A day that ends a period is a deadline, not a day something happened: "до 30 мая", "by 30 May"
_DEADLINE_BEFORE = re.compile(r"(?:\bдо|\bпо|\bby|\buntil|\btill)\s+$", re.IGNORECASE)

# What may open a programme's day heading before its day: nothing, or the day of the week
_HEADING_LEAD = re.compile(r"\s*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|"
                           r"среда|четверг|пятница|суббота|воскресенье|дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|"
                           r"сенбі|жексенбі|day\s+\d|день\s+\d|\d-күн)[,.:]?\s*)?", re.IGNORECASE)

# A possessive pronoun and at most two words of a work's kind right before its title
_PRONOUN_BOOK = re.compile(r"(?:^|[\s(])(?P<pronoun>his|her|its|его|её|ее|оның)\s+(?P<kind>(?:[^\W\d_]+\s+){0,2})[«“\"]?$",
                           re.IGNORECASE)
# Kin named before a surname: another person of the family ("его сын Сулейменов", "his son Suleimenov")
_KIN = tuple(fold(w) for w in ("сын", "дочь", "дочер", "внук", "внучк", "брат", "сестр", "жена", "жены", "супруг",
                               "муж", "отец", "отц", "мать", "son", "daughter", "grandson", "granddaughter", "brother",
                               "sister", "wife", "husband", "father", "mother", "ұлы", "қызы", "немере", "інісі",
                               "ағасы", "әйелі"))
_PLURAL_SURNAME = re.compile(r"(?:ов|ев|ин|ын)[ыи]$|(?:ov|ev|in)s$", re.IGNORECASE)
# A headline that announces: the event is still to come ("пройдёт", "состоится", "өтеді", "will be held")
_FUTURE = re.compile(r"пройд[её]т|состоится|состоятся|откроется|начнётся|өтеді|өткізіледі|ашылады|\bwill\b|"
                     r"\bto\s+be\s+held\b|\bupcoming\b|\bannounced\b", re.IGNORECASE)
# a name written in the English possessive: its last two letters and the two after it ("Abai's", "Suleimenov|'s")
_POSSESSIVE_S = re.compile(r"(?:['’]s|..['’]s)(?![^\W\d_])")
# A title's own maker named right after it: "«Кыз Жибек» (фильм Султана Ходжикова)", "“X” by Y"
_OWN_AUTHOR_AFTER = re.compile(r"[»”\"]?\s*(?:\(\s*(?:фильм|film|реж|пьеса|play|book|книга)|,?\s+by\s|\s*\([A-ZА-ЯЁ])",
                               re.IGNORECASE)
_FEMININE_NAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ая|kyzy|қызы|ova|eva|ina|aya)\b", re.IGNORECASE)
_MASCULINE_NAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ий|ой|ұлы|ov|ev|in|iy|sky|uly)\b", re.IGNORECASE)


def _skip_space_back(text: str, at: int) -> int:
    """The position after the last non-space character before ``at`` (``len(text[:at].rstrip())``
    without copying the text)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _pronoun_fits(pronoun: str, name: str) -> bool:
    """A possessive pronoun can stand for a person so named: "his"/"его" not for "Ахметова", "her"/"её"
    not for "Петров"; "оның" and "its" for anyone (Kazakh has no gender)."""
    last = name.split()[-1] if name.split() else name
    p = pronoun.lower()
    if p in ("his", "его"):
        return not _FEMININE_NAME.search(last)
    if p in ("her", "её", "ее"):
        return not _MASCULINE_NAME.search(last) or bool(_FEMININE_NAME.search(last))
    return True


# A sentence that opens by naming who compiled a book: "Составители книги –", "Составитель сборника:",
# "Compilers:", "The book was compiled by", "Құрастырушылары –"
_COMPILERS = re.compile(r"\s*(?:(?:Авторы-)?[Сс]оставител(?:и|ь|ями|ем)(?:\s+(?:книги|сборника|издания|указателя|"
                        r"альманаха|антологии|тома|словаря))?\s*[-–—:]|Compiler(?:s)?\s*[-–—:]|"
                        r"The\s+(?:book|collection|volume|anthology)\s+was\s+compiled\s+by\b|"
                        r"Құрастырушы(?:лар)?(?:ы)?\s*[-–—:])")
# A name given to a library: "присвоено имя (краеведа) X", "was named after X", "X есімі берілді"
_NAME_GIVEN = re.compile(r"(?i:присвоен[оа]?\s+имя)(?:\s+[а-яё]+(?=\s+[А-ЯЁ]))?|(?i:\bwas\s+named\s+after|"
                         r"\bwas\s+given\s+the\s+name\s+of)|(?:есімі|атауы|аты)\s+берілді")
# What else takes a name: a street, a square, a school ("улице, на которой стоит библиотека, присвоено имя")
_NAMED_OTHER = re.compile(r"улиц|площад|сквер|школ|street|square|school|көше|алаң|мектеп", re.IGNORECASE)
# A sentence that opens with the book itself and says when it came out: "Книга выпущена издательством
# «Димур» (Оренбург, 2018)", "Сборник вышел в 2021 году", "The book was published in 2019", "Жинақ 2020
# жылы жарық көрді"
_BOOK_PUBLISHED = re.compile(
    r"\s*(?:Книга|Сборник|Издание|Альманах|Антология|Монография|The\s+(?:book|collection|anthology|volume)|Кітап|Жинақ)"
    r"\s+(?:(?:была|был|было|has\s+been)\s+)?(?:выпущен\w*|вышл?\w*|издан\w*|опубликован\w*|was\s+(?:published|released|printed)|"
    r"(?P<kk>\d{4})\s+жылы\s+(?:жарық\s+көрді|басылып\s+шықты|шықты))"
    # (the year in the verb's own clause, brackets and all: "(Оренбург, 2018)", not "…, а презентация прошла в 2022 году")
    r"(?:«[^»\n]*»|“[^”\n]*”|[^.!?\n,;()«»“”]){0,80}?(?(kk)|(?:\([^()\n,]*,\s*)?(?P<year>(?:1[89]|20)\d\d))")
# What a prize was given for, right before a work's title: "for her essay", "за эссе", "за рисунок"
_PRIZED_FOR = re.compile(r"(?:\bза|\bfor\s+(?:her|his|their))\s+(?:эссе|работу|книгу|рисунок|стихотворение|рассказ|"
                         r"сочинение|essay|book|poem|story|drawing|work|entry|composition)\s*[«“\"„]?$", re.IGNORECASE)

_TOWN_DISTRICT_NAMES = tuple(fold(w) for w in (
    "Ленин", "Киров", "Совет", "Октябр", "Центральн", "Первомай", "Пролетар", "Калинин", "Фрунзен", "Куйбышев",
    "Заводск", "Железнодорож", "Ворошилов", "Дзержин", "Свердлов", "Красноармей", "Индустриаль", "Промышлен",
    "Москов", "Ленинград", "Приморск", "Кузнец", "Орджоникидз", "Central", "Lenin", "Kirov", "Soviet"))

# What comes between a presentation and the title of the book it presents: "презентация книги
# (В. И.) Дорохина «", "presentation of (the) (V. Dorokhin's) book “"; in Kazakh, between the title
# (and a translation in brackets) and the word: "» («…») кітабының " (монографиясының, жинағының …)
_PRESENTED_BOOK = re.compile(r"\s+(?:(?:нов\w+\s+)?(?:книги|романа|сборника|монографии|издания)|of\s+(?:(?:the|a|his|her|their)\s+)?"
                             r"(?:[A-Z][\w.’'-]*\s+){0,3}(?:new\s+)?(?:book|novel|collection|monograph))"
                             r"(?:\s+[А-ЯЁA-Z][\w.’'-]*){0,3}\s*[«“\"„]")
_PRESENTED_KK = re.compile(r"[»”\"]?\s*(?:\([^()\n]{1,160}\)\s*)?(?:жаңа\s+)?(?:кітаб|роман|жинағ|монография|"
                           r"басылым)\w*\s+")
# A month named alone, not followed by a day or a year: "в июне", "in June", "маусымда", "маусым айында"
# (the Kazakh month with no day before it: "17 маусымда" is a day)
_BARE_MONTHS = (
    re.compile(r"(?<![^\W\d_])в\s+(?P<month>(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)е|мае|марте|"
               r"августе)(?![^\W\d_])(?!\s*\d)"),
    re.compile(r"\bin\s+(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
               r"December)\b(?!\s*\d)"),
    re.compile(r"(?<![^\W\d_])(?<!\d )(?<!\d-)(?P<month>қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|"
               r"желтоқсан)(?:\s+айында|да|де|та|те)(?![^\W\d_])"),
)
# An event held by video link or online ("в формате видеосвязи", "by video conference")
_BY_VIDEO = re.compile(r"видеоконференц|видеосвяз|\bvideo[\s-]*(?:link|conference|call)|онлайн|\bonline\b|"
                       r"бейнебайланыс|бейнеконференц", re.IGNORECASE)

# The first person plural of a report's own voice: "мы", "we", "біз", and the Kazakh verbs of taking
# part, holding and going in it ("қатыстық", "өткіздік", "бардық").
_WE = re.compile(r"(?<![\w-])(?:мы|we|біз|қатыстық|өткіздік|ұйымдастырдық|бардық|келдік|ұсындық|аштық|"
                 # or the report's own people: "поездки наших делегаций", "our librarians", "біздің делегация"
                 r"(?:наш\w*|our|біздің)\s+(?:делегаци|сотрудник|специалист|библиотекар|коллектив|команд|delegation|"
                 r"staff|librarian|team|specialist|делегация|қызметкер|кітапханашы|мамандар)\w*)(?![\w-])",
                 re.IGNORECASE)
# "our" right before the event's own name: "наш онлайн-марафон «…»", "our online marathon"
_OUR = re.compile(r"(?<![\w-])(?:наш|наша|наше|наши|нашу|нашего|нашей|нашем|our|біздің)\s+$", re.IGNORECASE)
# what is quoted is someone's words, not the report's voice ("«Мы впервые принимаем гостей», — сказала …")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")
# Held jointly: "вместе с", "совместно с", "совместная", "together with", "jointly", "joint", "бірлесіп"
_JOINTLY = re.compile(r"(?<![\w-])(?:вместе\s+со?|совместн\w+|together\s+with|jointly|joint|in\s+partnership\s+with|"
                      r"бірлесіп|бірлескен|бірге)(?![\w-])", re.IGNORECASE)
_RU_OBLIQUE_FIRST = re.compile(r"^[А-ЯЁ][а-яё-]*(?:ой|ей|ую|юю|ом|ем)\b")
_OBLIQUE_BEFORE = re.compile(r"(?<![\w-])(?:в|во|из|с|со|к|ко|о|об|при|для|у|от|до|на|по|за|of|in|at|from|with|to|by|"
                             r"for)\s+(?:the\s+)?$", re.IGNORECASE)
# A Kazakh library named in a participle's clause, before a noun it describes ("Башқұртстан Ұлттық
# кітапханасы өткізген конференция", the conference the National Library held): not the sentence's actor
_KK_PARTICIPLE_AFTER = re.compile(r"\s+[а-яәіңғүұқөһ]+(?:ған|ген|қан|кен)(?![\w-])")
_KK_OBLIQUE_END = re.compile(r"кітапхана\w*(?:ның|нің|ында|нда|ға|на|нан|мен)$")


def _named_obliquely(text: str, start: int, end: int) -> bool:
    """A library named in a case that does not make it the one acting: after a preposition ("в зале
    Курганской библиотеки", "in the hall of the Kurgan Library"), a Russian name opening in the
    genitive, dative, instrumental or prepositional ("Курганской областной …"), a Kazakh one ending in
    a case ("Қорған кітапханасының", "кітапханасында") or before a participle ("… кітапханасы өткізген")."""
    name = text[start:end]
    return bool(_OBLIQUE_BEFORE.search(text[max(0, start - 12):start]) or _RU_OBLIQUE_FIRST.match(name)
                or _KK_OBLIQUE_END.search(name) or _KK_PARTICIPLE_AFTER.match(text, end))


def _acting_before(orgs: list, sents: list[tuple[int, int]], text: str, at: int):  # noqa: ANN202 — a relations mention
    """The library "библиотека" / "the library" alone at ``at`` speaks of, when not the report's own:
    the last one named as acting (not where something was: "в читальном зале Курганской библиотеки
    открылась выставка; в сентябре библиотека вместе с … провела") in its sentence or the one before.
    None: the report's."""
    k = max(0, bisect.bisect_right([s[0] for s in sents], at) - 2)
    since = sents[k][0] if sents else 0
    return max((o for o in orgs if o.kind == "library" and since <= o.start and o.end <= at
                and not _named_obliquely(text, o.start, o.end)), key=lambda o: o.start, default=None)


_BARE_LIBRARY = re.compile(r"(?<![\w-])(?:библиотека|library|кітапхана)(?![\w-])", re.IGNORECASE)
# A person after "имени" or "named after" is a namesake, also where the name it is part of was not
# recognised ("Уральского федерального университета имени первого Президента России Б. Н. Ельцина")
_NAMESAKE_BEFORE = re.compile(r"(?:(?<![\w-])(?<![Оо]т\s)(?:имени|им\.)|\bnamed\s+after)\s+(?:[\w-]+\s+){0,4}$",
                              re.IGNORECASE)  # (not "от имени оргкомитета", on behalf of)
# Holding something: who held it took part ("кітапхана … әдеби кешін өткізді", "the library hosted")
_HOLDS = re.compile(r"(?<![\w-])(?:провела|провёл|провели|организовала|held|organi[sz]ed|hosted|өткізді|ұйымдастырды|"
                    r"өткізеді|ұйымдастырады)(?![\w-])", re.IGNORECASE)
# The libraries as the subject of holding something: "библиотеки проводят", "the libraries held",
# "кітапханалар … өткізді" (the report's two, when the clause names none)
_LIBRARIES_HOLD = re.compile(r"(?<![\w-])библиотеки(?!\s+(?:города|района|области|села|региона))\s+(?:\w+\s+)?(?:провод|провел|провёл|организ|устраива|открыва|"
                             r"готов|выпуска)\w*|\bthe\s+libraries\s+(?:\w+\s+)?(?:held|hold|organi[sz]ed?|"
                             r"ran|run|opened|hosted)\b|(?<![\w-])кітапханалар\w*\s+(?:\S+\s+){0,4}?(?:өткізді|өткізеді|"
                             r"ұйымдастырды|ұйымдастырады)", re.IGNORECASE)
# Both partners as the subject of a heading over a list of what they will do or did
_PARTNERS_SUBJECT = re.compile(r"(?<![\w-])(?:партн[её]ры|стороны|обе\s+библиотеки|библиотеки-партн[её]ры)(?![\w-])|"
                               r"\bthe\s+(?:two\s+)?(?:partners|libraries|sides)\b|\bboth\s+libraries\b|"
                               r"(?<![\w-])(?:серіктестер|екі\s+кітапхана|тараптар)\w*", re.IGNORECASE)
# A speech's title: the line under it says where and when it was given, the occasion's date and place
_SPEECH_TITLE = re.compile(r"\s*(?:Speech|Address|Remarks|Welcome\s+speech|Выступление|Речь|Приветственное\s+слово|"
                           r"Сөз|Құттықтау\s+сөз\w*)\b(?!\s+(?:the|a|an)\b)", re.IGNORECASE)
_JOINT_ADJECTIVE = re.compile(r"совместн(?:ая|ый|ое|ую|ой|ом|ые|ых|ым)\b|joint\b|бірлескен",
                              re.IGNORECASE)  # right before the event's name
# Kazakh names the partner before the cue, in the instrumental ("Орынбор кітапханасымен бірлесіп")
_KK_WITH = re.compile(r"(?:мен|бен|пен)$")


def _across_border(home, o) -> bool:  # noqa: ANN001 — relations mentions
    """``o`` stands on the other side of the border from ``home`` (both countries known)."""
    return bool(o.country and home.country and o.country != home.country)


def _first_across(home, orgs: list):  # noqa: ANN001, ANN202 — relations mentions
    """The first library a report names across the border from ``home``, or None."""
    return next((o for o in orgs if o.kind == "library" and _across_border(home, o)), None)


def _outside(words: str, at: int, mentions: list) -> str:
    """``words`` (the text from ``at``) with the mentions in it blanked out."""
    out = list(words)
    for m in mentions:
        a, b = max(m.start - at, 0), min(m.end - at, len(out))
        if a < b:
            out[a:b] = " " * (b - a)
    return "".join(out)


# a Kazakh lower-case word right before "кітапхана" makes a compound of it ("мектеп кітапхана …",
# "ауыл кітапхана …"); a date before it does not ("2019 жылы кітапхана …", "15 қазанда кітапхана")
_KK_COMPOUND = re.compile(r"(?<![\w-])(?!жылы\b|жылғы\b)[а-яәіңғүұқөһ]{3,}(?<!да)(?<!де)(?<!та)(?<!те)\s+$")
# The report's own library named by the bare word, as the subject of what it did
_THE_LIBRARY = re.compile(r"(?<![\w-])(?:библиотека|the\s+library|кітапхана)(?=\s+(?:\w+\s+){0,3}?"
                          r"(?:вместе|совместно|провела|организовала|held|organi[sz]ed|hosted|together|бірлесіп|"
                          r"өткізді|ұйымдастырды))"
                          # Kazakh puts the verb last: "кітапхана Ақтөбеде «…» әдеби кешін өткізді"; and
                          # "кітапхана делегациясы … қатысты" (the library's delegation took part)
                          r"|(?<![\w-])кітапхана(?=\s+(?:делегациясы|өкілдері|қызметкерлері)|\s+(?![а-яәіңғүұқөһ]+[ыі]\s)"
                          r"(?:\S+\s+){0,7}?(?:өткізді|ұйымдастырды|өткізеді|ұйымдастырады)(?![\w-]))", re.IGNORECASE)


def _event_family(c: Candidate) -> str:
    """The kind of event a candidate names, as its identity counts it (a forum is a conference)."""
    etype = c.extra.get("event_type", "event")
    return EVENT_FAMILY.get(etype, etype)


def _event_title_key(c: Candidate) -> str | None:
    """The folded title of an event named by its title (its quoted name), or None: a bare
    "seminar" or a title too short to tell two events apart has none."""
    if c.method != "rule:event-title" or not c.label:
        return None
    key = fold(c.label)
    return key if len(key) >= 8 else None


# The keyword of a Days name, in any case ("Дни", "Днях", "Days", "күндерінде"): what is left of the
# name once it is dropped says whose Days they are
_DAYS_WORD = ("dn", "dai", "kunder")


def _event_name_key(c: Candidate, text: str) -> str | None:
    """What tells an event apart from another of its kind, town and year in one document: its
    quoted title, or the complement of a Days name ("казахской культуры" in every case of "Дни").
    None when the mention names only its kind."""
    key = _event_title_key(c)
    if key:
        return key
    if c.method == DAYS_OF or c.extra.get("event_type") == "days":
        words = [fold(w) for w in re.findall(r"\w+", text[c.start:c.end])]
        rest = " ".join(w for w in words if not w.startswith(_DAYS_WORD))
        return rest if len(rest) >= 6 else None
    return None


def _same_name(a: str, b: str) -> bool:
    """One name written in full and shortened ("«Библиотеки приграничья: опыт и перспективы»" and
    "«Библиотеки приграничья»") is one event."""
    return a.startswith(b) or b.startswith(a)


# The folded endings of patronymics: Kazakh -қызы/-ұлы, Russian -овна/-евна/-ична/-ович/-евич/-ич
_PATRONYMIC_KEYS = tuple(fold(w) for w in ("қызы", "кызы", "ұлы", "улы", "овна", "евна", "ична", "инична",
                                            "ович", "евич", "ьич"))


def _clean_label(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split()).strip(" ,;:-–—")


class Extractor:
    """Holds the per-language pipelines and the authority file for a run."""

    def __init__(self, authority_dir: Path, base_iri: str, run_iri: str | None = None, natasha: bool = True):
        self.authority_dir = authority_dir
        self.base_iri = base_iri
        self.graphs = Graphs(base_iri)
        self.run_iri = run_iri
        self.natasha = natasha
        self.authority, self.gazetteer = load_authority(str(authority_dir), base_iri)
        self.geo = load_geo_places(str(authority_dir), base_iri)
        self._nlp: dict[str, object] = {}

    @classmethod
    def load(cls, authority_dir: Path, base_iri: str, run_iri: str | None = None) -> Extractor:
        return cls(authority_dir, base_iri, run_iri)

    def nlp(self, lang: str):  # noqa: ANN201 — spaCy Language
        if lang not in self._nlp:
            self._nlp[lang] = build(lang, self.authority_dir, self.base_iri, natasha=self.natasha)
        return self._nlp[lang]

    # ------------------------------------------------------------------------------------
    def process(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[tuple[Document, Result | Exception]]:
        """Documents in batches; a document that crashes a component fails alone."""
        batch: list[Document] = []
        for d in docs:
            batch.append(d)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: list[Document]) -> Iterator[tuple[Document, Result | Exception]]:
        parts: dict[str, list[tuple[int, Passage]]] = defaultdict(list)
        plan: list[list[Passage] | Exception] = []
        for i, d in enumerate(docs):
            try:
                ps = passages(d.text)
                plan.append(ps)
                for p in ps:
                    parts[p.lang].append((i, p))
            except Exception as e:  # noqa: BLE001
                plan.append(e)
        found: dict[int, list[tuple[Passage, object]]] = defaultdict(list)
        failed: dict[int, Exception] = {}
        for lang, items in parts.items():
            nlp = self.nlp(lang)
            texts = [docs[i].text[p.start:p.end] for i, p in items]
            try:
                for (i, p), sdoc in zip(items, nlp.pipe(texts, batch_size=64)):
                    found[i].append((p, sdoc))
            except Exception:  # noqa: BLE001 — redo one by one to find the culprit
                for i, _ in items:
                    found.pop(i, None)  # what the failed batch already returned is redone below
                for (i, p), t in zip(items, texts):
                    try:
                        found[i].append((p, nlp(t)))
                    except Exception as e:  # noqa: BLE001
                        failed[i] = e
        for i, d in enumerate(docs):
            if isinstance(plan[i], Exception):
                yield d, plan[i]
            elif i in failed:
                yield d, failed[i]
            else:
                try:
                    yield d, self._document(d, plan[i], sorted(found[i], key=lambda x: x[0].start))
                except Exception as e:  # noqa: BLE001
                    yield d, e

    # ------------------------------------------------------------------------------------
    def _document(self, d: Document, ps: list[Passage], analysed: list[tuple[Passage, object]]) -> Result:
        text = d.text
        cands: list[tuple[Candidate, str]] = []
        dates: list[DateMention] = []
        tokens = 0
        for p, sdoc in analysed:
            tokens += len(sdoc)
            for c in sdoc._.candidates or []:
                # every span a candidate carries is in its passage's offsets: all move together
                c.start += p.start
                c.end += p.start
                if c.namesake is not None:
                    c.namesake = (c.namesake[0] + p.start, c.namesake[1] + p.start)
                if c.extra.get("authors"):
                    c.extra["authors"] = [(a + p.start, b + p.start) for a, b in c.extra["authors"]]
                if c.extra.get("source"):
                    c.extra["source"] = (c.extra["source"][0] + p.start, c.extra["source"][1] + p.start)
                cands.append((c, p.lang))
            for dm in sdoc._.dates or []:
                dates.append(DateMention(dm.start + p.start, dm.end + p.start, dm.value, dm.end_value, dm.precision))
        lang = main_language(text, ps)
        state = _DocState(self, d, lang)
        state.resolve(cands)
        state.acronyms()
        state.short_library_names()
        state.subtitles()
        state.surnames()
        state.relations(dates)
        return Result(d, state.triples(ps), lang, state.mentions, {m.iri for m in state.mentions}, tokens)


def _list_heading(text: str, at: int) -> tuple[int, int] | None:
    """The span of the line over the bulleted list whose item holds ``at`` (the first line above
    the items that is no bullet), or None where ``at`` is on no bulleted item or nothing heads it."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    if not rel.BULLET.match(text[start:end if end >= 0 else len(text)]):
        return None
    head_end = start - 1
    while head_end > 0:
        head_start = text.rfind("\n", 0, head_end) + 1
        if not rel.BULLET.match(text[head_start:head_end]):
            return head_start, head_end
        head_end = head_start - 1
    return None


def _partners_heading(text: str, at: int) -> bool:
    """``at`` is on a bulleted item under a heading that makes both partners its subject: "В 2026
    году партнёры планируют:", "Стороны договорились:", "The partners plan to:", "Серіктестер
    жоспарлап отыр:" — each item is theirs together."""
    head = _list_heading(text, at)
    return head is not None and text[head[0]:head[1]].rstrip().endswith(":") \
        and _PARTNERS_SUBJECT.search(text, *head) is not None


def _acting_together(text: str, libs: list) -> bool:  # noqa: ANN001 — relations mentions
    """Two libraries are the joined subject of one verb: "Томская … библиотека и Карагандинская …
    библиотека подвели итоги конкурса", "The Omsk and the Pavlodar libraries held …": they work
    together. Only the two side by side ("X и Y"), the first opening its clause, the verb right after."""
    ordered = sorted(libs, key=lambda o: o.start)
    for a, b in zip(ordered, ordered[1:]):
        if not re.fullmatch(r"\s*(?:и|and|мен|және|а также)\s+(?:the\s+)?", text[a.end:b.start]):
            continue
        opens = re.search(r"(?:^|[.!?\n]|[.!?]\s*[«\"]?)\s*(?:\d{1,2}[^,.\n]{0,40},?\s*|(?:On|В|Бүгін)\s[^,\n]{0,40},?\s*)?$",
                          text[max(0, a.start - 60):a.start])
        # (a verb of one shared undertaking, not "открыли выставки", each its own)
        verb = re.match(r"\s*(?:\([^()]{1,40}\)\s*)?(?:подвели\s+итоги|провели|организовали|проводят|запустили|"
                        r"held|organi[sz]ed|hosted|launched|summed\s+up|ұйымдастырды|өткізді|бірлесіп)\b",
                        text[b.end:b.end + 60])
        if opens and verb:
            return True
    return False


def _acronym(name: str) -> str | None:
    """The initials of a Russian library's name up to its namesake: "Курганская областная
    универсальная научная библиотека им. А. К. Югова" → "КОУНБ", "Северо-Казахстанской ОУНБ" →
    "СКОУНБ" (a word already in capitals keeps all its letters); None for another kind of name."""
    head = re.split(r"\s(?:им\.|имени)\s", name, maxsplit=1)[0]
    words = re.findall(r"[А-ЯЁа-яё]+", head)
    if not words or not re.search(r"библиотек|ОУНБ|ОНБ|ОДБ|ЦБС|ЦГБ", head):
        return None
    return "".join(w if w.isupper() and len(w) > 1 else w[0].upper() for w in words)


class _Spans:
    """Candidates whose spans do not overlap, kept in order, so that "which of them overlap this
    span?" takes a bisection, not a scan (a long document has thousands of candidates)."""

    def __init__(self, items: Iterable[Candidate] = ()):
        self.items: list[Candidate] = sorted(items, key=lambda c: c.start)
        self.starts = [c.start for c in self.items]

    def add(self, c: Candidate) -> None:
        k = bisect.bisect_left(self.starts, c.start)
        self.starts.insert(k, c.start)
        self.items.insert(k, c)

    def overlapping(self, start: int, end: int) -> list[Candidate]:
        # not overlapping each other, the spans end in the order they start: walk back from the
        # last one starting before ``end`` while they still end after ``start``
        out = []
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.items[k].end > start:
            out.append(self.items[k])
            k -= 1
        return out

    def before(self, pos: int) -> Candidate | None:
        """The last span that ends by ``pos``."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and self.items[k].end > pos:
            k -= 1
        return self.items[k] if k >= 0 else None


class _DocState:
    """Mentions, new entities and relation triples of one document while it is built."""

    def __init__(self, ex: Extractor, d: Document, lang: str):
        self.ex = ex
        self.a: Authority = ex.authority
        self.d = d
        self.text = d.text
        self.norm = d.norm()
        self.lang = lang
        self.mentions: list[Mention] = []
        self.new: dict[str, NewEntity] = {}
        self.libraries_named: list[tuple[str, str]] = []  # (name as written, IRI) of the libraries linked so far (longest first)
        self.facts: list[ox.Triple] = []
        self.namesakes: list[tuple[int, int, int, int]] = []  # library span, namesake span
        self.owner_spans: set[tuple[int, int]] = set()  # organisations named inside a programme's name
        self.event_types: dict[str, str] = {}
        self._days_read: list[tuple[int, int, int, int]] | None = None  # days written without a year, read once

    # --- linking ------------------------------------------------------------------------
    def _full_name_of(self, name: str) -> str | None:
        """A person named by given name and patronymic only ("Роза Қалиқызы", "Анна Ивановна"), who
        the document named in full before ("Роза Қалиқызы Жанұзақова"): that person, not a new one
        whose surname would be the patronymic."""
        words = [fold(w) for w in re.findall(r"[^\W\d_]+", name)]
        if len(words) != 2 or not words[1].endswith(_PATRONYMIC_KEYS):
            return None
        for iri, ne in self.new.items():
            if ne.kind == "person" and any(
                    [fold(w) for w in re.findall(r"[^\W\d_]+", label)][:2] == words
                    and len(label.split()) == 3 for label, _ in ne.names):
                return iri
        return None

    def _mint(self, kind: str, slug: str, name: str, lang: str, cls: str | None) -> str:
        iri = self.ex.graphs.entity(kind, slug).value
        ne = self.new.setdefault(iri, NewEntity(iri, kind, cls))
        label = _clean_label(name)
        if label and (label, lang) not in ne.names:
            ne.names.append((label, lang))
        return iri

    def link(self, c: Candidate, lang: str) -> str | None:
        surface = self.text[c.start:c.end]
        if "entry" in c.extra:
            if c.kind == "library":
                self.libraries_named.append((surface, c.extra["entry"].iri))
            return c.extra["entry"].iri
        if c.kind == "person":
            e = link_person(self.a, c.label or surface)
            if e:
                return e.iri
            name = c.label or surface
            full = self._full_name_of(name)
            if full is not None:
                return full
            return self._mint("person", slugify(person_key(name)), name, lang, None)
        if c.kind == "library" and c.method == rules.TOWN_LIBRARY:
            return self._library_of_town(surface[:1].upper() + surface[1:], lang)  # else no mention
        if c.kind == "library":
            another = rules.another_before(self.text, c.start)  # "another Omsk library": not the one known
            e = None if another else _link_library(self.a, surface, self._sentence_text(c.start))
            if e:
                self.libraries_named.append((surface, e.iri))
                return e.iri
            name = _ru_library_nominative(_kk_name_nominative(surface)) if lang == "ru" else _kk_name_nominative(surface)
            # not a group ("Томские библиотеки") nor a name that goes on ("the Tomsk library for
            # the blind", "библиотека № 3")
            group = _plural_or_continued(surface, self.text[c.end:c.end + 8])
            earlier = None if group or another else (self._library_named_before(name) or self._library_of_town(name, lang))
            if earlier is not None:  # "the Tomsk library" after "the Tomsk regional … library after A.S.Pushkin"
                if earlier in self.new:
                    return self._mint("library", earlier.rsplit("/", 1)[-1], name, lang, None)
                return earlier
            slug = (None if group else self._library_slug(name, lang)) or new_slug("library", name)
            iri = self._mint("library", slug, name, lang, None)
            if not group:
                self.libraries_named.append((name, iri))
            return iri
        if c.kind in ("project", "work", "organization"):
            name = c.label or surface
            if c.kind == "organization" and not c.label:
                name = _ru_body_nominative(_kk_name_nominative(name))
                if lang == "ru":
                    name = _ru_institution_nominative(name)
            if c.method == "rule:government-body" and _headed_by(name, _MISSION):
                # a consulate or an embassy is the country it represents in the town it sits in:
                # one IRI in every language ("Генеральное консульство Республики Казахстан в Омске",
                # "Қазақстан Республикасының Омбыдағы Бас консулдығы")
                towns, countries = self._names_in(name, lang)
                if len({t[2] for t in towns}) == 1 and len({t[2] for t in countries}) == 1:
                    kind = "embassy" if _EMBASSY.search(name) else "consulate"
                    slug = f"{kind}-of-{countries[0][2].rsplit('/', 1)[-1]}-in-{towns[0][2].rsplit('/', 1)[-1]}"
                    return self._mint("organization", slug, name, lang, c.cls)
            if c.method == "rule:government-body" and _headed_by(name, _AKIMAT):
                towns, countries = self._names_in(name, lang)  # an akimat is its region's or town's
                if len({t[2] for t in towns}) == 1 and not countries:
                    return self._mint("organization", f"akimat-of-{towns[0][2].rsplit('/', 1)[-1]}", name, lang,
                                      c.cls)
            if c.method == ORG_TITLE or c.kind == "work":  # «Абай» is no short name of «Путь Абая»
                e = link_exactly(self.a, name, c.kind)
            elif c.method == "rule:institution-name" and not _proper_word(name):
                e = None  # "Музей истории", "Городской краеведческий музей": no name to tell which one
            else:
                e = link_by_name(self.a, name, c.kind, threshold=1.0)
            if e:
                return e.iri
            if c.kind == "work" and c.extra.get("electronic_library"):
                # named for a known project ("«Шекарадағы кездесулер» электрондық кітапханасы"): one
                # IRI in every language, from the project's
                names, _ = self._names_in(name, lang)
                if len(names) == 1 and names[0][1] - names[0][0] >= len(name.strip()) - 1:
                    label = ELECTRONIC_LIBRARY_LABEL.get(lang, ELECTRONIC_LIBRARY_LABEL["en"]).format(name.strip())
                    return self._mint("work", names[0][2].rsplit("/", 1)[-1] + "-electronic-library", label,
                                      lang, None)
            if c.kind == "work":
                key = title_key(name, c.cls, *self._names_in(name, lang))
                if key is not None:  # one IRI for the document in every language that names it
                    return self._mint("work", key_slug(key), name, lang, c.cls)
            if c.kind == "organization" and c.method == "rule:institution-name":
                names, countries = self._names_in(name, lang)
                # "Омбы облыстық" names the town, "Омский областной" the region: the region for both;
                # a town's own centre ("Орский казахский культурный центр") stays the town's
                if "regional" in concepts(name):
                    names = [(a, b, self._region_of(iri)) for a, b, iri in names]
                key = institution_key(name, names, countries)
                if key is not None:  # one IRI for the institution in every language that names it
                    return self._mint("organization", key_slug(key), name, lang, c.cls)
            if c.method == "rule:school":
                # "школа № 5" is in every town: one school per document, never one across documents
                return self._mint(c.kind, new_slug(c.kind, f"{name} {self.d.name}"), name, lang, c.cls)
            return self._mint(c.kind, new_slug(c.kind, name), name, lang, c.cls)
        if c.kind == "event":
            return None  # events are named once their date and place are known (see relations)
        if c.kind == "place" and "geo" in c.extra:
            return self._mint_geo(c.extra["geo"])
        if c.kind == "place" and c.cls in ("City", "Village"):  # "the village of Zhanibek": a town GeoNames knows?
            geo = self.ex.geo.named(surface, lang)
            if geo is not None:
                return self._mint_geo(geo)
        if c.kind == "place":
            name = c.label or surface
            return self._mint("place", _district_slug(name) or new_slug("place", name), name, lang, c.cls)
        return None

    def _mint_geo(self, p: GeoPlace) -> str:
        """A GeoNames town: its names in the three languages, coordinates, country and GeoNames IRI,
        so that the same town named in a kk, a ru and an en report is one entity with a point."""
        iri = self.ex.graphs.entity("place", p.slug).value
        if iri not in self.new:
            ne = self.new[iri] = NewEntity(iri, "place", "City", names=p.labels())
            ne.facts += [(GEO.lat, ox.Literal(p.lat, datatype=XSD.decimal)),
                         (GEO.long, ox.Literal(p.long, datatype=XSD.decimal)),
                         (OWL.sameAs, ox.NamedNode(p.iri))]
            country = self.ex.geo.country_iri(p)
            if country:
                ne.facts.append((COUNTRY, ox.NamedNode(country)))
            ne.region = self.ex.geo.region_iri(p)
            if ne.region:
                ne.facts.append((CONTAINED_IN, ox.NamedNode(ne.region)))
        return iri

    def _adjective_places(self, name: str, lang: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The towns and regions a Russian name gives by their adjective ("Хромтауской районной",
        "Орской", "Кемеровской"), where the authority file knows the town: spans and IRIs. A
        place adjective is no mention of the place ("Омские библиотеки" names no town), but it
        says where a library is."""
        if lang != "ru":
            return []
        out = []
        for m in _RU_PLACE_ADJECTIVE.finditer(name):
            if any(a < m.end() and m.start() < b for a, b, _ in taken):
                continue
            stem, sk = m.group("stem"), m.group("sk")
            for town in ([stem + "ск", stem, stem + "о", stem + "ь", stem + "а"] if sk else [stem + "ск"]):
                hit = next((x for x in self.ex.gazetteer.find(town, lang)
                            if x.entry.kind == "place" and x.start == 0 and x.end == len(town)), None)
                if hit is not None:
                    out.append((m.start(), m.end(), hit.entry.iri))
                    break
        return out

    def _seat(self, iri: str) -> str:
        """The town a region is named after, where the authority file puts one in it ("Томская
        область" → Tomsk): a regional library stands there. Else the region itself."""
        if not self._is_region(iri):
            return iri
        region = [fold(w) for w in self.a.get(iri).label("en").split()]  # type: ignore[union-attr]
        for o in self.a.entries.values():
            if o.kind == "place" and SHK.iri("City") in o.types and iri in self.a.ancestors(o.iri) \
                    and [fold(w) for w in o.label("en").split()] == region[:-1]:
                return o.iri
        return iri

    def _library_slug(self, name: str, lang: str) -> str | None:
        """The slug of a library the authority file does not know, from what its name says (its
        place, level and namesake), so that it is one IRI in every language; None where the name
        holds a word the key cannot read."""
        names, countries = self._names_in(name, lang)
        names += self._adjective_places(name, lang, names + countries)
        if "regional" in concepts(name):  # "Қарағанды облыстық" and "Карагандинская областная": the region
            names = [(a, b, self._region_of(iri) if "/id/place/" in iri else iri) for a, b, iri in names]
        key = library_key(name, names, countries)
        return library_slug(key) if key is not None else None

    @functools.cached_property
    def _schedule(self) -> list[tuple[int, int]]:
        """The lines of the document's programme schedule (``relations.programme_items``), read
        once: the dateline, the day headings and who takes part all ask."""
        return rel.programme_items(self.norm)

    @functools.cached_property
    def _text_sentences(self) -> list[tuple[int, int]]:
        """The sentence spans of the text, found once per document (every library linked reads them)."""
        return rel.spans(self.text)

    def _sentence_text(self, pos: int) -> str:
        """The sentence (or line) of the text around ``pos``."""
        return next((self.text[a:b] for a, b in self._text_sentences if a <= pos <= b), "")

    def _region_of(self, iri: str) -> str:
        """The region a town lies in (the town's own IRI where the authority file gives none)."""
        e = self.a.get(iri)
        if e is None or e.kind != "place" or SHK.iri("City") not in e.types:
            return iri
        return next((up for up in self.a.ancestors(iri) if self._is_region(up)), iri)

    def _names_in(self, title: str, lang: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
        """Spans and IRIs of the authority entities a title names, and apart those of the countries
        (a country counts as the word for it: "Russian-Kazakhstani" names none, "Россия – Казахстан" two)."""
        found = [(m.start, m.end, m.entry.iri, m.entry.is_country)
                 for m in resolve_matches(self.ex.gazetteer.find(title, lang))]
        return [f[:3] for f in found if not f[3]], [f[:3] for f in found if f[3]]

    # --- overlap resolution -------------------------------------------------------------
    def resolve(self, cands: list[tuple[Candidate, str]]) -> None:
        def order(x: tuple[Candidate, str]) -> tuple:
            c = x[0]
            # (of two names matched at one span, the longer explains more of the word: "Бишкеке" is
            # Bishkek's, not Бийск's)
            return (-(c.end - c.start), c.method != REFERENCE, "entry" not in c.extra, -c.confidence,
                    -len(c.extra["name"]) if "name" in c.extra else 0, c.start)

        # A reference line's parts are certain (its slashes say where they end): a rule's guess that
        # crosses one's edge gives way ("Гусева Е.Н. Библиотеки" is an author and a title, no
        # library); an authority name crossing it stays, and is the longer.
        refs = sorted((c.start, c.end) for c, _ in cands if c.method == REFERENCE)
        ref_starts = [r[0] for r in refs]

        def crosses_a_reference(c: Candidate) -> bool:
            k = bisect.bisect_left(ref_starts, c.end)  # the parts that start before it ends …
            return any(c.start < e and not (s <= c.start and c.end <= e) for s, e in refs[max(0, k - 4):k])

        cands = [(c, lang) for c, lang in cands
                 if c.method == REFERENCE or "entry" in c.extra or not crosses_a_reference(c)]
        # Unquoted document titles (``rules.genre_titles``) are laid over the others afterwards:
        # they may hold a library, a project or a place, and must not take those mentions away.
        genre = sorted([x for x in cands if x[0].method == GENRE_TITLE], key=order)
        cands = [x for x in cands if x[0].method != GENRE_TITLE]
        named = [c for c, _ in cands if "entry" in c.extra and c.kind == "project"]
        cands = [(c, lang) for c, lang in cands
                 if not (c.kind == "event" and c.label and any(
                     c.start <= n.start and n.end <= c.end and fold(self.text[n.start:n.end]) == fold(c.label)
                     for n in named))]  # a quoted project name beside "seminar" is the project, not an event
        # a rule's library phrase that links to no authority entry gives way to an authority match it
        # overlaps ("Exhibitions of the Russian State Library" is the RSL's department, not a new library);
        # a group ("Абай облысының кітапханалары", the libraries of the Abai region) links to none
        known = [c for c, _ in cands if "entry" in c.extra and c.kind in ("library", "organization")]
        kept = []
        for c, lang in cands:
            if c.kind == "library" and "entry" not in c.extra and c.method != rules.TOWN_LIBRARY:
                e = None if rules.another_before(self.text, c.start) else \
                    _link_library(self.a, self.text[c.start:c.end], self._sentence_text(c.start))
                if e is not None:
                    c.extra["entry"] = e
                elif any(c.start < k.end and k.start < c.end for k in known):
                    continue
            kept.append((c, lang))
        cands = kept
        outer = sorted([x for x in cands if x[0].kind in CONTAINER_KINDS], key=order)
        inner = sorted([x for x in cands if x[0].kind not in CONTAINER_KINDS], key=order)
        taken_spans = _Spans()
        self.containers: list[tuple[Candidate, str]] = []
        owners: list[tuple[Candidate, str]] = []
        for c, lang in outer:
            over = taken_spans.overlapping(c.start, c.end)
            if over:
                if c.kind == "organization" and "entry" in c.extra and any(
                        o.kind == "project" and o.start <= c.start and c.end <= o.end for o in over):
                    owners.append((c, lang))  # "ЮНЕСКО-ның «…» бағдарламасы": the programme names its owner
                continue
            taken_spans.add(c)
            self.containers.append((c, lang))
        taken = [c for c, _ in self.containers]
        # the places in "the Year of Kazakhstan in Russia", "the Days of … in Omsk" are what names
        # them and say where: they stay mentions
        titles = _Spans(c for c in taken if c.kind in TITLE_KINDS and c.method not in (YEAR_OF, DAYS_OF))
        inner_taken = _Spans()
        self.inner: list[tuple[Candidate, str]] = []
        for c, lang in inner:
            if inner_taken.overlapping(c.start, c.end):
                continue
            if any(t.start <= c.start and c.end <= t.end and not (c.kind == "place" and self._outside_quotes(t, c))
                   for t in titles.overlapping(c.start, c.end)):
                continue  # words of a quoted title are not mentions (the towns a telebridge joins, before
                # or after its title, are: "видеомост Астрахань – Атырау «…»")
            if any(not (o.start <= c.start and c.end <= o.end) for o in taken_spans.overlapping(c.start, c.end)):
                continue  # straddles a name's border
            inner_taken.add(c)
            self.inner.append((c, lang))
        # an owner named inside a programme's name, or right before its quoted title ("the UNESCO
        # “Memory of the World” programme"), is mentioned, but takes part in nothing by it
        self.owner_spans = {(c.start, c.end) for c, _ in owners}
        for p in taken:
            o = taken_spans.before(p.start) if p.kind == "project" else None
            if o is not None and o.kind == "organization" and "entry" in o.extra \
                    and not self.text[o.end:p.start].strip(" \u00a0«“\"„"):
                self.owner_spans.add((o.start, o.end))
        for c, lang in self.containers + self.inner + owners:
            if c.kind == "event":
                continue
            iri = self.link(c, lang)
            if iri:
                self.mentions.append(Mention(c.start, c.end, c.kind, iri, c.method, c.confidence, lang))
        self._places_inside_known_holders()
        laid: list[Candidate] = []
        laid_iris: list[tuple[Candidate, str | None]] = []
        for c, lang in genre:
            for o in taken:  # a name cut by the complement's edge belongs to the title (the head is the
                # other edge: last in Kazakh, "Ресей–Қазақстан: «…» жобасының Тұжырымдамасы", first elsewhere)
                if lang == "kk" and o.start < c.start < o.end <= c.end \
                        and not re.search(r"[.!?\n]", self.text[o.start:c.start]):
                    c.start = o.start
                elif lang != "kk" and c.start <= o.start < c.end < o.end \
                        and not re.search(r"[.!?\n]", self.text[c.end:o.end]):
                    c.end = o.end
            if any(c.start < o.end and o.start < c.end and not (c.start <= o.start and o.end <= c.end)
                   and not (o.start <= c.start and c.end <= o.end) for o in taken + laid):
                continue  # straddles a name's border
            if any(o.start <= c.start and c.end <= o.end for o in taken):
                continue  # words inside a name
            if any(o.kind == "work" and c.start <= o.start and o.end <= c.end for o in taken):
                continue  # its quoted title is already the work
            laid.append(c)
            iri = self._same_title(c, laid_iris) or self.link(c, lang)
            laid_iris.append((c, iri))
            if iri:
                self.mentions.append(Mention(c.start, c.end, c.kind, iri, c.method, c.confidence, lang))
        # namesakes inside the names of libraries and other institutions
        for c, lang in self.containers:
            if c.kind in ("library", "organization") and c.namesake:
                lib = self._iri_at(c.start, c.end, c.kind)
                per = self._iri_at(*c.namesake, "person")
                if lib is None or per is None:
                    continue
                if lib in self.new:
                    self.facts.append(ox.Triple(ox.NamedNode(lib), NAMED_AFTER, ox.NamedNode(per)))
            elif c.kind in ("library", "organization"):
                # a person written inside a new institution's name without "named after" is its namesake
                # too: "the Yemelyan Pugachev House-Museum", "the Sarsen Amanzholov East Kazakhstan
                # University", "Museum-Reserve of V. M. Shukshin"
                lib = self._iri_at(c.start, c.end, c.kind)
                inside = {m.iri for m in self.mentions if m.kind == "person" and c.start <= m.start and m.end <= c.end
                          and not _LEVEL_AFTER.match(self.text, m.end)}  # "Құрманғазы аудандық": a district's name
                if lib in self.new and len(inside) == 1:
                    self.facts.append(ox.Triple(ox.NamedNode(lib), NAMED_AFTER, ox.NamedNode(inside.pop())))

    def _outside_quotes(self, title: Candidate, c: Candidate) -> bool:
        """``c`` lies in an event's phrase but outside its quoted title, and the event is a
        telebridge, whose phrase names the towns it joins ("видеомост Омск – Семей «…»", "«…» атты
        Астрахань – Атырау бейнекөпірі", "the Barnaul–Oskemen video bridge")."""
        if title.kind != "event" or title.extra.get("event_type") != "telebridge":
            return False
        before = self.text[title.start:c.start]
        # „…“ closes with “, which opens in English: count it as closing after a „
        opened = before.count("«") - before.count("»") + before.count("„") + (
            -before.count("“") if "„" in before else before.count("“") - before.count("”"))
        return opened <= 0 and before.count('"') % 2 == 0

    def _presented(self, c: Candidate, lang: str) -> str | None:
        """The phrase of a bare "presentation" with the titled book it presents, as written:
        "презентация книги В. Дорохина «…»", "the presentation of V. Dorokhin's book “…”", and in
        Kazakh, the book first, "«…» («…») кітабының тұсаукесері"; None when no title is beside it."""
        text = self.text
        works = [m for m in self.mentions if m.kind == "work"]
        if lang == "kk":
            before = [m for m in works if m.end <= c.start and _PRESENTED_KK.fullmatch(text, m.end, c.start)]
            first = min(before, key=lambda m: m.start, default=None)
            if first is None:
                return None
            start = first.start - 1 if text[first.start - 1:first.start] in "«“\"„" else first.start
            return _clean_label(text[start:c.end])
        after = next((m for m in works if m.start >= c.end and _PRESENTED_BOOK.fullmatch(text, c.end, m.start)), None)
        if after is None:
            return None
        end = after.end + 1 if text[after.end:after.end + 1] in "»”\"" else after.end
        return _clean_label(text[c.start:end])

    def acronyms(self) -> None:
        """A library named in full is then written by its initials: "Курганская областная
        универсальная научная библиотека" or "Курганской ОУНБ" is "КОУНБ", "Томская ОУНБ" is
        "ТОУНБ". Each such word, standing alone and not otherwise read, is a mention of it (the
        authority file lists the usual ones; a report's own are made this way)."""
        taken = sorted((m.start, m.end) for m in self.mentions)
        found: dict[str, str | None] = {}
        for m in self.mentions:
            if m.kind == "library":
                short = _acronym(self.text[m.start:m.end])
                if short and len(short) >= 4:
                    found[short] = m.iri if found.get(short, m.iri) == m.iri else None  # two libraries: neither
        if not found:
            return
        for w in re.finditer(r"(?<![\w-])[А-ЯЁӘҒҚҢӨҰҮҺІ]{4,}(?![\w-])", self.text):
            iri = found.get(w.group())
            k = bisect.bisect_right(taken, (w.start(), len(self.text)))
            if iri and not (k and taken[k - 1][1] > w.start()):
                self.mentions.append(Mention(w.start(), w.end(), "library", iri, "rule:acronym", 0.7, self.lang))

    def short_library_names(self) -> None:
        """A library named in full is then written by its kind words alone: "the Central City Library
        of Rubtsovsk … in the Central City Library", "Центральной городской библиотеке Рубцовска …
        Центральная городская библиотека". Such words (the full name's first words, up to its kind,
        all of them modifiers), standing alone, are a mention of that library, where no other library
        of the document opens with the same words."""
        heads: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for m in self.mentions:
            if m.kind != "library":
                continue
            words = tokenize(self.text[m.start:m.end])
            while words and words[0].key in ("the", "a"):
                words = words[1:]
            k = next((i for i, w in enumerate(words) if rules._is(w, rules.LIBRARY_HEAD)), None)
            if k is None or k < 2 or k == len(words) - 1 and not any(w.capitalized for w in words[:k]) \
                    or not all(rules._is(w, rules.LIBRARY_MOD) for w in words[:k]):
                continue  # at least two modifiers, then the kind, and more after it (the town, a namesake)
            if k == len(words) - 1:
                continue  # the name is its kind words alone: nothing shorter to find
            heads[tuple(w.key for w in words[:k + 1])].add(m.iri)
        if not heads:
            return
        taken = sorted((m.start, m.end) for m in self.mentions)
        toks = tokenize(self.norm)
        for i in range(len(toks)):
            for key, iris in heads.items():
                n = len(key)
                if len(iris) != 1 or i + n > len(toks) or not all(token_match(toks[i + j].key, key[j]) for j in range(n)):
                    continue
                start, end = toks[i].start, toks[i + n - 1].end
                if re.search(r"[.,;:!?\n]", self.norm[start:end]):
                    continue
                k = bisect.bisect_right(taken, (start, len(self.text)))
                if k and taken[k - 1][1] > start or k < len(taken) and taken[k][0] < end:
                    continue  # inside or across a mention: the full name itself, or another one
                nxt = toks[i + n] if i + n < len(toks) else None
                if nxt is not None and nxt.capitalized and not re.search(r"[.,;:!?\n]", self.norm[end:nxt.start]) \
                        or re.match(r"\s+(?:of|им\.|имени|named)\b", self.norm[end:end + 8]):
                    continue  # a longer name goes on: another town's, another namesake's
                if any(m.kind == "place" and (0 <= start - m.end <= 30 and not re.search(r"[.;!?\n]", self.norm[m.end:start])
                                              or 0 <= m.start - end <= 12 and not re.search(r"[.;!?\n]", self.norm[end:m.start]))
                       for m in self.mentions):
                    continue  # "в Семее в Центральной городской библиотеке", "the Central City Library in Semey": that town's
                self.mentions.append(Mention(start, end, "library", next(iter(iris)), "rule:short-name", 0.6, self.lang))
                bisect.insort(taken, (start, end))

    def subtitles(self) -> None:
        """A work named by its title and elsewhere by its title and subtitle ("«Степь без границ»" in
        the headline, "«Степь без границ: Оренбуржье и Актюбинская область …»" in the body) is one
        work: mentions of the title alone take the full one's IRI, and its name as another label."""
        works = [m for m in self.mentions if m.kind == "work"]
        full: dict[str, set[str]] = defaultdict(set)
        for m in works:
            head, colon, _ = self.text[m.start:m.end].partition(":")
            if colon and len(fold(head)) >= 6:
                full[fold(head)].add(m.iri)
        moved: dict[str, str] = {}
        for m in works:
            target = full.get(fold(self.text[m.start:m.end]), set())
            if len(target) == 1 and m.iri not in target and m.iri in self.new:
                moved[m.iri] = m.iri = next(iter(target))
        for old, target in moved.items():
            if not any(m.iri == old for m in self.mentions):
                gone = self.new.pop(old)
                self.new[target].names += [n for n in gone.names if n not in self.new[target].names]

    def surnames(self) -> None:
        """A person named in full is then written by the surname alone: "Olzhas Suleimenov … Suleimenov's
        first collection", "Чокан Валиханов … Валиханова", "Шоқан Уәлиханов … Уәлихановтың". Each
        capitalised word standing alone, not otherwise read, whose surname stem is the one person's of
        this document with it, is a mention of that person. Not after initials or a given name (another
        person's: "Мадина Ауэзова" is not Mukhtar Auezov), nor before a capitalised word (a longer
        name: "Suleimenov Street"), nor where two persons of the document share the stem."""
        stems: dict[str, set[str]] = defaultdict(set)
        surnames: set[str] = set()  # as the full names write them (folded)
        for m in self.mentions:
            if m.kind != "person":
                continue
            entry = self.a.get(m.iri)
            names = [n for n, _ in entry.names] if entry else [n for n, _ in self.new[m.iri].names] \
                if m.iri in self.new else []
            for name in names:
                if len([w for w in name.split() if len(w) > 2]) < 2:
                    continue  # a name of one word is a surname to no one ("Abai")
                _, surname = initials_and_surname(name)
                if surname and surname.endswith(rules._SURNAME_END) and len(stem := surname_stem(surname)) >= 5:
                    stems[stem].add(m.iri)
                    surnames.add(surname)
        if not stems:
            return
        taken = sorted((m.start, m.end) for m in self.mentions)
        toks = tokenize(self.norm)
        for i, t in enumerate(toks):
            if not t.capitalized or t.text.isupper() or len(t.text) < 4:
                continue
            k = bisect.bisect_right(taken, (t.start, len(self.text)))
            if k and taken[k - 1][1] > t.start or k < len(taken) and taken[k][0] < t.end:
                continue
            word = re.sub(r"['’]s$", "", t.text)
            iris = stems.get(surname_stem(fold(strip_kk_case(word))), set())
            if len(iris) != 1:
                continue
            before, after = (toks[i - 1] if i else None), (toks[i + 1] if i + 1 < len(toks) else None)
            gap = self.norm[before.end:t.start] if before is not None else ""
            if before is not None and (gap == " " and before.capitalized and not rules._sentence_initial(
                    self.norm, before.start) or gap in (".", ". ") and before.is_upper_initial):
                continue  # "Мадина Ауэзова", "А. Ауэзов": another person's name
            if after is not None and after.capitalized and self.norm[t.end:after.start] == " ":
                continue  # "Suleimenov Street", "Валиханов Ч."
            if before is not None and gap == " " and (
                    rules.is_role(before) and not (before.key in rel.WRITER_ROLES and fold(word) in surnames)
                    or before.key.startswith(_KIN)):
                continue  # "директор Ауэзов", "его сын Сулейменов": another (but "писатель Ауэзов" is he)
            if _PLURAL_SURNAME.search(word):
                continue  # "супруги Ауэзовы": a family
            end = t.start + len(word)
            self.mentions.append(Mention(t.start, end, "person", next(iter(iris)), "rule:surname", 0.7, self.lang))

    def _library_of_town(self, name: str, lang: str) -> str | None:
        """The one library named elsewhere in this document that stands in the town a short name
        gives and nothing more: "the Barnaul library", "Ust-Kamenogorsk library" after "the Altai
        Krai … Library named after V. Ya. Shishkov" (in Barnaul); None where none or two could be meant."""
        names, _ = self._names_in(name, lang)
        towns = [(a, b, iri) for a, b, iri in names if "/id/place/" in iri] or self._adjective_places(name, lang, [])
        if len(towns) != 1:
            return None
        a, b, town = towns[0]
        if _distinctive(name[:a] + " " + name[b:], with_modifiers=True):
            return None  # "the Barnaul children's library" says more than its town
        fits = set()
        for full, iri in self.libraries_named:
            inside = {p for _, _, p in self._names_in(full, lang)[0]}
            if self._location_of(iri) == town or town in inside:
                fits.add(iri)
        return fits.pop() if len(fits) == 1 else None

    def _library_named_before(self, name: str) -> str | None:
        """The one library named elsewhere in this document (longer names are linked first) by a
        longer name holding every word of ``name`` that is not a library word, its modifiers
        included ("Tomsk" of "the Tomsk library", "Kuzbass" of "the Kuzbass library" beside "the
        Kuzbass regional scientific library after V.D.Fedorov"), or None. Where two libraries
        could be meant, neither is."""
        words = _distinctive(name)
        if not words:
            return None
        # its modifiers too: "детско-юношеской библиотеки" is not the regional library
        mods = _distinctive(name, with_modifiers=True)
        fits = {iri: full for full, iri in self.libraries_named
                if all(any(token_match(w, x) for x in _distinctive(full, with_modifiers=True)) for w in mods)}
        if len(fits) != 1:
            return None  # none, or two it could be ("the Tomsk children's library" and the regional one)
        ((iri, full),) = fits.items()
        # the longer name says more: more words of its own, or more levels ("Володарской
        # библиотеки" after "Володарская центральная районная библиотека")
        return iri if len(_distinctive(full, with_modifiers=True)) > len(mods) else None

    def _host_town(self, holders: list[Mention], nested_places: list[Mention], c: Candidate) -> str | None:
        """The town the authority file puts a library or organisation in, for the place nearest the
        event (of ``nested_places``) that stands inside the name of one the file locates, or None."""
        for m in sorted(nested_places, key=lambda m: abs(m.start - c.start)):
            h = next((h for h in holders if h.start <= m.start and m.end <= h.end), None)
            entry = self.a.get(h.iri) if h else None
            if entry is not None and entry.location:
                return entry.location
        return None

    def _holder_towns(self, holders: list[Mention], span: tuple[int, int], c: Candidate) -> list[str]:
        """The towns the authority file puts the libraries and organisations of ``span`` in, nearest
        to the event first: where "the Abai library" held a telebridge, or the two libraries it joined."""
        inside = [h for h in holders if span[0] <= h.start and h.end <= span[1]
                  and not (c.start <= h.start and h.end <= c.end)
                  and not any(o is not h and o.start <= h.start and h.end <= o.end for o in holders)]
        towns: list[str] = []
        for h in sorted(inside, key=lambda h: abs(h.start - c.start)):
            where = self._location_of(h.iri)
            if where and not self._is_country(where) and where not in towns:
                towns.append(where)
        return towns

    def _places_inside_known_holders(self) -> None:
        """A place written inside a known library's or organisation's name is one of the places the
        authority says it lies in, where one of those bears the name: "Алтай" in "Алтай облыстық
        кітапханасы" (in Barnaul) is the Altai Krai, not the Altai mountains."""
        holders = [(c, c.extra["entry"]) for c, _ in self.containers
                   if c.kind in ("library", "organization") and "entry" in c.extra]
        if not holders:
            return
        for m in self.mentions:
            if m.kind != "place":
                continue
            entry = next((e for c, e in holders if c.start <= m.start and m.end <= c.end), None)
            if entry is None or not entry.location:
                continue
            chain = [entry.location, *self.a.ancestors(entry.location)]
            if m.iri in chain:
                continue
            words = [t.key for t in tokenize(self.text[m.start:m.end])]
            for iri in chain:
                place = self.a.get(iri)
                if place is None or place.is_country:
                    continue
                names = [t.key for n, _ in place.names for t in tokenize(n)]
                if words and all(any(token_match(w, n) for n in names) for w in words):
                    m.iri = iri
                    break

    def _same_title(self, c: Candidate, earlier: list[tuple[Candidate, str | None]]) -> str | None:
        """The IRI of a document this document already named by a longer or shorter form of the
        same title ("… кеңістік қалыптастыру Тұжырымдамасы", later "… Тұжырымдамасын"): same
        genre, and the words of the shorter title are words of the longer one, endings aside."""
        def words_and_names(x: Candidate) -> tuple[list[str], set[str]]:
            """Its words (endings aside), and the numbers and capitalised words after its head:
            what tells two documents of one genre apart."""
            toks = tokenize(self.text[x.start:x.end])
            return ([t.key for t in toks if len(t.key) > 2],
                    {t.key for t in toks[1:] if t.key.isdigit() or t.capitalized})

        def same(a: str, b: str) -> bool:
            n = min(len(a), len(b))
            return a == b or (n >= 5 and a[:max(4, n - 3)] == b[:max(4, n - 3)])

        mine = words_and_names(c)
        for o, iri in earlier:
            if iri is None or o.cls != c.cls:
                continue
            theirs = words_and_names(o)
            (short, n_short), (long_, n_long) = (mine, theirs) if len(mine[0]) <= len(theirs[0]) else (theirs, mine)
            if len(short) < 3 or not all(any(same(a, b) for b in long_) for a in short):
                continue
            digits_short, digits_long = {a for a in n_short if a.isdigit()}, {a for a in n_long if a.isdigit()}
            if all(any(same(a, b) for b in n_long) for a in n_short if not a.isdigit()) and \
                    (not digits_short or not digits_long or digits_short == digits_long):
                return iri  # a year on one side only is a longer way of naming it; two years, two documents
        return None

    def _commemorative_year(self, c: Candidate, lang: str, places: list[Mention], dates: list[DateMention],
                            sentence: tuple[int, int]) -> None:
        """"The Year of Kazakhstan in Russia": one event whichever language names it, identified by
        its guest and its host (the places named inside it), held in the host; its year is the one
        its sentence gives, if any. Without two places inside it names no year of a country."""
        inside = [m for m in places if c.start <= m.start and m.end <= c.end]
        if len(inside) < 2:
            return
        guest, host = (inside[0], inside[1]) if c.extra.get("guest_first", True) else (inside[1], inside[0])
        if guest.iri == host.iri:
            return
        slug = f"year-of-{guest.iri.rsplit('/', 1)[-1]}-in-{host.iri.rsplit('/', 1)[-1]}"
        iri = self._mint("event", slug, _clean_label(self.text[c.start:c.end]), lang, c.cls)
        in_sentence = [dm for dm in dates if sentence[0] <= dm.start and dm.end <= sentence[1]
                       and dm.precision == "year"]
        year = min(in_sentence, key=lambda dm: abs(dm.start - c.start)).value[:4] if in_sentence else None
        self._event_mention(c, lang, iri, year, [host.iri])

    def _mint_events(self, pending: list[tuple[Candidate, str, str | None, str | None, list[str]]]) -> None:
        """Mint the events found, each ``(candidate, language, slug or None, date, places)``.

        A title names one event throughout its report: the headline "Round table “Siberia and
        Kazakhstan” took place in Tomsk" names no date (nor a place the authority file knows), the
        body's "On May 27, 2022 … the round table “Siberia and Kazakhstan”" does. A mention whose
        sentence dates nothing takes the identity of the one dated and placed mention of the same
        kind and title, so the headline, the body and the relations of both meet on one IRI. A
        mention with a date of another year keeps it ("in 2019 the festival … first took place"); two
        dated mentions of one title (a yearly festival of two years) keep their own, and so does
        an undated one then; an exhibition and a round table of one title stay two events."""
        pending = self._apart(pending)
        dated: dict[tuple[str, str], set[str]] = {}  # (kind, folded title) -> slugs of its dated mentions
        bare: dict[str, set[str]] = {}  # kind -> slugs of its dated mentions that name only the kind
        for c, _, slug, _, _ in pending:
            key = _event_title_key(c)
            if slug is not None and key:
                dated.setdefault((_event_family(c), key), set()).add(slug)
            elif slug is not None:
                bare.setdefault(_event_family(c), set()).add(slug)
        headline_end = self._headline_end
        for c, lang, slug, date, chosen in pending:
            name = c.label or self.text[c.start:c.end]
            if slug is None:
                same = dated.get((_event_family(c), _event_title_key(c) or ""), set())
                if not same and (key := _event_title_key(c)):
                    # the title shortened, or written in full with a translation after a dash ("«Шекарасыз
                    # оқимыз» байқауы" and "«Шекарасыз оқимыз – Читаем без границ» атты … байқауы")
                    longer = [slugs for (family, k), slugs in dated.items()
                              if family == _event_family(c) and _same_name(k, key)]
                    same = longer[0] if len(longer) == 1 else set()
                if not same and date is None and c.end <= headline_end and not _FUTURE.search(self.norm[:headline_end]) \
                        and self.text.count(c.label or self.text[c.start:c.end]) <= 1:
                    # the headline's «…» and the body's bare "семинар", dated and placed: the only
                    # event of that kind the report dates is the one its headline names (not an
                    # announcement, "… пройдёт в Павлодаре", nor a title the body names again)
                    same = {slug2 for slug2 in bare.get(_event_family(c), set())
                            if not chosen or any(slug2.endswith("-" + pl.rsplit("/", 1)[-1]) for pl in chosen)}
                if not same and c.extra.get("kind_in_title"):
                    # «Махамбет оқулары» on its own, after "«Махамбет оқулары» әдеби кеші": the title is
                    # the evening's, whatever kind its last word names
                    key = _event_title_key(c) or ""
                    kinds = [slugs for (_, k), slugs in dated.items() if k == key]
                    same = kinds[0] if len(kinds) == 1 else set()
                if date is not None:  # a date of its own: the dated mention of that year only
                    same = {d for d in same if f"-{date[:4]}-" in d}
                if len(same) == 1:
                    slug, chosen = next(iter(same)), []  # the dated mention states the place
                else:
                    slug = new_slug("event", name)
            iri = self._mint("event", slug, name, lang, c.cls)
            if c.extra.get("written"):
                self._mint("event", slug, c.extra["written"], lang, c.cls)
            self._event_mention(c, lang, iri, date, chosen)

    def _apart(self, pending: list[tuple[Candidate, str, str | None, str | None, list[str]]]
               ) -> list[tuple[Candidate, str, str | None, str | None, list[str]]]:
        """Events of one kind, town and year get one slug (``seminar-2024-omsk``), so that reports
        in three languages meet on one IRI. Two of them in one document that have different names
        in one language (the seminars «Библиотеки приграничья» and «Цифровые фонды», the Days of
        Kazakh culture and the Days of the Pavlodar book) are two events: the first named keeps the
        slug, a later one takes its date into it. Mentions that name only their kind, and names in
        different languages (a kk and a ru passage of one document), are not told apart; nor are two
        names on one day, or where either date gives only the year: one event retold under another
        title ("семинар «Шекаралас кітапханалар» … Семинар «Библиотеки приграничья» собрал …")."""
        names: dict[str, list[tuple[str, str, str]]] = {}  # slug -> (language, name key, date) of each event apart
        out = []
        for c, lang, slug, date, chosen in pending:
            key = _event_name_key(c, self.text) if slug is not None and date else None
            if key is not None:
                seen = names.setdefault(slug, [])
                same_lang = [(i, k, d) for i, (lg, k, d) in enumerate(seen) if lg == lang]
                match = next((i for i, k, _ in same_lang if _same_name(k, key)), None)
                if match is None:  # another name on the same day, or a date of a year only: retold
                    match = next((i for i, _, d in same_lang if d == date or len(d) < 7 or len(date) < 7), None)
                if match is None:
                    seen.append((lang, key, date))
                    if same_lang:  # another name of this language holds the slug: a second event
                        slug = f"{slug}-{date[5:]}"
                elif match > 0:
                    slug = f"{slug}-{seen[match][2][5:]}"
            out.append((c, lang, slug, date, chosen))
        return out

    def _event_mention(self, c: Candidate, lang: str, iri: str, date: str | None, places: list[str]) -> None:
        """The mention of event ``iri`` at ``c``, and the facts it states: its date, and the places
        it is held in with their countries (each once, however many mentions state it)."""
        ne = self.new[iri]
        if date and (START_DATE, _date_literal(date)) not in ne.facts:
            ne.facts.append((START_DATE, _date_literal(date)))
        for pl in places:
            if (LOCATION, ox.NamedNode(pl)) not in ne.facts:
                ne.facts.append((LOCATION, ox.NamedNode(pl)))
                country = self.a.country_of(pl)
                if country and (COUNTRY, ox.NamedNode(country)) not in ne.facts:
                    ne.facts.append((COUNTRY, ox.NamedNode(country)))
        self.mentions.append(Mention(c.start, c.end, "event", iri, c.method, c.confidence, lang))

    def _named_places(self, c: Candidate, places: list[Mention], sentence: tuple[int, int]) -> list[str]:
        """Places an event's name gives: inside a "Days of … in Place" name, or a Kazakh place in the
        attributive locative just before its keyword ("Кузбастағы күндері", the Days in Kuzbass)."""
        def held_in(m: Mention) -> bool:  # not a country (they frame), not inside a library's name
            return not self._is_country(m.iri) and not any(
                h.kind in ("library", "organization") and h.start <= m.start and m.end <= h.end
                for h in self.mentions)

        if c.method == DAYS_OF:  # the name ends with its place: the last one in it, if any
            last = [m for m in places if c.start <= m.start and m.end <= c.end][-1:]
            return [m.iri for m in last if held_in(m)]
        if c.extra.get("event_type") == "days":
            # within a few words before the keyword, none of them a genitive: "Павлодардағы Омбы
            # мәдениеті күндері" are held in Pavlodar, but in "Омбыдағы қазақтардың мәдениеті
            # күндері" the place describes the people whose culture it is
            def near(m: Mention) -> bool:
                gap = tokenize(self.norm[m.end:c.start])
                return len(gap) <= 3 and not any(t.key.endswith(rules.KK_GENITIVE) for t in gap)

            before = [m for m in places if sentence[0] <= m.start and m.end <= c.start and near(m)
                      and fold(self.norm[m.start:m.end]).endswith(rules.KK_AT) and held_in(m)]
            return [before[-1].iri] if before else []
        return []

    def _is_programme(self, iri: str) -> bool:
        """A programme funds or frames projects (the federal programme "Culture of Russia")."""
        entry = self.a.get(iri)
        if entry is not None:
            return SHK.iri("Programme") in entry.types
        new = self.new.get(iri)
        return new is not None and new.cls == "Programme"

    def _iri_at(self, start: int, end: int, kind: str) -> str | None:
        for m in self.mentions:
            if m.kind == kind and m.start >= start and m.end <= end:
                return m.iri
        return None

    def country(self, iri: str) -> str | None:
        c = self.a.country_of(iri)
        if c:
            return c
        ne = self.new.get(iri)
        if ne:
            # its own country first, else its location's (a village the text placed is new too)
            own = next((o.value for p, o in ne.facts if p == COUNTRY), None)
            if own:
                return own
            where = next((o.value for p, o in ne.facts if p == LOCATION), None)
            return self.a.country_of(where) or (self.country(where) if where in self.new and where != iri else None) \
                if where else None
        return None

    def _under_dated_heading(self, at: int, dates: list[DateMention]) -> str | None:
        """The date of a bulleted item under a heading that names a year and ends with a colon ("В 2026
        году партнёры планируют:", "In 2026 the partners plan to:"): that year, and the month the item
        names without a year ("– в октябре организовать видеомост …" is October 2026)."""
        text = self.norm
        span = _list_heading(text, at)
        if span is None:
            return None
        head_start, head_end = span
        head = text[head_start:head_end].strip()
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start:end if end >= 0 else len(text)]
        # the heading's own clause, after a sentence before it ("Проект стартовал в 2019 году. Основные
        # мероприятия:" names no year of its items)
        own = head_start + max(head.rfind(". "), head.rfind("! ")) + 1
        years = [dm for dm in dates if own <= dm.start and dm.end <= head_end and dm.precision == "year"]
        if not head.endswith(":") or len(years) != 1 \
                or re.search(r"(?<![\w-])(?:с|со|since|from|начиная|бастап|бері)\s+$", text[own:years[0].start], re.I) \
                or re.match(r"\s*(?:жылдан|года\s+по)", text[years[0].end:years[0].end + 12]):
            return None  # "С 2015 года прошли:", "Since 2018 the partners have held:": a span, not a year
        year = years[0].value[:4]
        month = next((month_number(w) for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 3 and is_month(w)
                      and (not w.isascii() or w[0].isupper())), None)  # (not the verb "may"; "в мае" is May)
        return f"{year}-{month:02d}" if month else year

    def _bare_month(self, own: tuple[int, int], c: Candidate, dates: list[DateMention],
                    fallback: str | None) -> str | None:
        """``YYYY-MM`` of a month the event's own sentence names alone, after "в"/"in" or in the
        Kazakh locative ("в июне", "in June", "маусымда"), outside the event's own name; the year is
        the last one the text names before the sentence, else ``fallback``."""
        sentence = self.norm[own[0]:own[1]]
        for m in (m for pattern in _BARE_MONTHS for m in pattern.finditer(sentence)):
            at = own[0] + m.start()
            if c.start <= at < c.end or (number := month_number(m.group("month"))) is None:
                continue
            year = next((dm.value[:4] for dm in reversed(dates) if dm.end <= own[0]), fallback)
            return f"{year}-{number:02d}" if year else None
        return None

    def _days_without_year(self, dates: list[DateMention]) -> list[tuple[int, int, int, int]]:
        """The days written without a year (``day_months``), read once per document."""
        if self._days_read is None:
            self._days_read = day_months(self.text, dates)
        return self._days_read

    def _year_of(self, month: int, day: int, start: int, dates: list[DateMention]) -> str | None:
        """The ISO date of a day written without its year at ``start``: in the year the text named
        last before it, not the year of a birth or a founding told before ("Поэт родился 12 марта
        1815 года")."""
        return with_year(month, day, [dm for dm in dates if dm.end <= start
                                      and not _LIFE_OR_FOUNDING.search(_around_date(self.text, dm))
                                      and not self._since(dm)])

    def _since(self, dm: DateMention) -> bool:
        """A year something has gone on since ("с 2015 года", "since 2015", "2019 жылдан бері"): not
        the year of a day named after it."""
        return dm.precision == "year" and bool(_SINCE_BEFORE.search(self.text[max(0, dm.start - 8):dm.start])
                                               or _SINCE_AFTER.match(self.text, dm.end)
                                               or _SINCE_AFTER.search(self.text[dm.start:dm.end]))

    def _day_of_the_year_before(self, own: tuple[int, int], at: int, dates: list[DateMention]) -> str | None:
        """The day written without its year in the event's own clause ("Церемония прошла 23 апреля"),
        in the year the text named last before it; None where there is none."""
        days = [d for d in self._days_without_year(dates) if own[0] <= d[0] and d[1] <= own[1]]
        if not days:
            return None
        start, _, month, day = min(days, key=lambda d: abs(d[0] - at))
        return self._year_of(month, day, start, dates)

    def _calendar_lead(self, at: int, dates: list[DateMention], places: list[Mention]
                       ) -> tuple[str, list[Mention]] | None:
        """The day and the towns a calendar's item opens its line with ("5 октября, Омск. В главном
        здании … откроется выставка …", "29 октября, Омск – Павлодар. Видеоконференция …", "12–14
        October, online. …"): the date of an event named after it on that line, and its places. None
        where the line opens otherwise, or the event stands inside the lead itself."""
        line_start = self.norm.rfind("\n", 0, at) + 1
        lead = _CALENDAR_LEAD.match(self.norm, line_start)
        if lead is None or lead.end() > at:
            return None
        a, b = lead.span("date")
        day = next((dm.value for dm in dates if a <= dm.start and dm.end <= b and dm.precision == "day"), None)
        if day is None:
            first = next((d for d in self._days_without_year(dates) if a <= d[0] and d[1] <= b), None)
            # (a span of days begins on its first: "12–14 октября")
            span = re.match(r"(\d{1,2})\s*[-–—]\s*\d{1,2}\s", self.norm[a:b])
            day = self._year_of(first[2], int(span.group(1)) if span else first[3], first[0], dates) \
                if first is not None else None
        if day is None:
            return None
        w0, w1 = lead.span("where")
        return day, [m for m in places if w0 <= m.start and m.end <= w1 and not self._is_country(m.iri)]

    def _day_before(self, at: int, after: int, dates: list[DateMention]) -> tuple[int, str] | None:
        """The last day written without its year between ``after`` and ``at``: where it stands and
        its date, the year supplied as for any such day."""
        days = [d for d in self._days_without_year(dates) if after <= d[0] and d[1] <= at
                and not _DEADLINE_BEFORE.search(self.text[max(0, d[0] - 12):d[0]])]
        if not days:
            return None
        start, _, month, day = days[-1]
        iso = self._year_of(month, day, start, dates)
        return (start, iso) if iso is not None else None

    def _day_heading(self, at: int, dates: list[DateMention]) -> str | None:
        """The day of the programme heading over ``at``: the last line before it that opens with a
        day and says little else ("Wednesday, 1 October. Pushkin Library, conference hall", "2
        октября", "3 қазан, жұма"; not "12 марта делегация посетила …", a sentence). A day without its
        year takes it as any such day does. None where no heading comes first."""
        def heading(start: int, end: int) -> bool:
            line_start = self.text.rfind("\n", 0, start) + 1
            line_end = self.text.find("\n", end)
            rest = self.text[end:line_end if line_end >= 0 else len(self.text)]
            return line_start > 0 and bool(_HEADING_LEAD.fullmatch(self.text[line_start:start])) \
                and len(re.findall(r"[^\W\d_]+", rest)) <= 8

        days = [(start, self._year_of(month, day, start, dates))
                for start, end, month, day in self._days_without_year(dates) if end <= at and heading(start, end)]
        days += [(dm.start, dm.value) for dm in dates
                 if dm.end <= at and dm.precision == "day" and heading(dm.start, dm.end)]
        days = [d for d in days if d[1] is not None]
        return max(days)[1] if days else None

    def _dateline(self, dates: list[DateMention], places: list[Mention]) -> tuple[str, str] | None:
        """The date and place a news report opens with ("2016-11-25 MOSCOW. KAZINFORM –"): a full
        date in its first words and a town (not a country) before the first sentence ends. A
        programme, and a speech, put them on the line under its title ("Ust-Kamenogorsk, 1–3 October
        2025", "Астана, 26 сентября 2025 года" under "Выступление … на открытии …"): there,
        the line must hold nothing else (under a news headline such a line is when the report was
        filed, not when the event was)."""
        found = self._dateline_at(0, dates, places)
        first = self.norm.find("\n")
        if found is None and 0 < first < 300 and (self._schedule or _SPEECH_TITLE.match(self.norm)):
            second = re.search(r"\S", self.norm[first:])
            if second is not None:
                at = first + second.start()
                line_end = self.norm.find("\n", at)
                found = self._dateline_at(at, dates, places, whole_line=line_end if line_end > 0 else len(self.norm))
        return found or self._header_fields(dates, places)

    def _header_fields(self, dates: list[DateMention], places: list[Mention]) -> tuple[str, str] | None:
        """Minutes, announcements and forms give the date and place in labelled lines under the title
        ("Дата проведения: 14.11.2025", "Место проведения: г. Костанай", "Date: …", "Venue: …",
        "Форма проведения: видеоконференция (Екатеринбург – Костанай)"): both, in the first lines."""
        head = self.norm[:800]
        day = place = None
        for m in rules.FIELD_LINE.finditer(head):
            line = m.span("value")
            if m.group("date") and day is None:
                day = next((dm.value for dm in dates if line[0] <= dm.start and dm.end <= line[1]
                            and dm.precision == "day"), None)
            elif m.group("place") and place is None:
                # the town, not the region a library's name holds ("Орны: Солтүстік Қазақстан облыстық
                # … кітапханасы, Петропавл қ.")
                here = [pm for pm in places if line[0] <= pm.start and pm.end <= line[1] and not self._is_country(pm.iri)]
                place = next((pm.iri for pm in here if not self._inside_holder(pm)), here[0].iri if here else None)
        return (day, place) if day and place else None

    @functools.cached_property
    def _headline_end(self) -> int:
        """Where the text's first line (its headline, a programme's title) ends."""
        return self.norm.find("\n") if "\n" in self.norm else len(self.norm)

    def _inside_holder(self, m: Mention) -> bool:
        """``m`` stands inside the name of a library or an organisation."""
        return any(h.start <= m.start and m.end <= h.end and h is not m for h in self.mentions
                   if h.kind in ("library", "organization"))

    def _dateline_at(self, at: int, dates: list[DateMention], places: list[Mention],
                     whole_line: int | None = None) -> tuple[str, str] | None:
        head = self.norm[at:at + 120]
        # the first full stop that is no "г." / "ж." after a year ("25 ноября 2016 г. Москва.")
        stop = next((m.start() for m in re.finditer(r"\. ", head)
                     if not re.search(r"\d\s*(г|гг|ж|жж)$", head[:m.start()])), -1)
        end = at + min([i for i in (stop, head.find(" – "), head.find(" - "), head.find("\n")) if i > 0],
                       default=len(head))
        if whole_line is not None and end < whole_line and self.norm[end:whole_line].strip(" .,;:–—-"):
            return None  # the line goes on: a sentence, not a dateline
        day = next((dm for dm in dates if at <= dm.start < at + 20 and dm.end <= end and dm.precision == "day"), None)
        town = next((m for m in places if at <= m.start and m.end <= end
                     and not self._is_country(m.iri)), None)
        if day is None or town is None:
            return None
        # a dateline is the date and the town side by side ("Павлодар, 25 ноября 2016 г. –"), not a
        # sentence that starts with a date ("12 апреля 2019 года делегация Павлодара посетила …")
        a, b = (day, town) if day.end <= town.start else (town, day)
        gap = self.norm[a.end:b.start]
        if re.sub(r"[^\W\d_]+", "", gap).strip(" \t,.;:–—-") or not all(
                w.lower() in _DATELINE_WORDS for w in re.findall(r"[^\W\d_]+", gap)):
            return None
        return day.value, town.iri

    def _written_as_origin(self, m: Mention) -> bool:
        """A place written as where people come from: "из Омска", "из г. Омска", "from Omsk",
        "Омбыдан", "Нұр-Сұлтан қаласынан" (a name that itself ends so, Түркістан, is none)."""
        before = self.norm[max(0, m.start - 24):m.start].lower()
        if re.search(r"(^|\s)(из|изо|from)\s+(г\.\s*|города\s+|the city of\s+)?$", before):
            return True
        # a list after "из"/"from": "из Кургана, Шадринска, Петропавловска и Костаная"
        if _ORIGIN_LIST.search(self.norm[max(0, m.start - 90):m.start]):
            return True
        if _KK_PLACE_ABLATIVE.match(self.norm, m.end):
            return True
        return self._inflected(m, _KK_ABLATIVE)

    def _gone_to(self, m: Mention) -> bool:
        """A place people went on to after the event ("кешке Өскеменге аттанды"): not where it was."""
        return bool(_KK_GONE_TO.match(self.norm, m.end)) and self._inflected(m, _KK_DATIVE)

    def _inflected(self, m: Mention, ending: re.Pattern[str]) -> bool:
        """The name carries a Kazakh case ``ending`` that is not its own (Омбыда, but not Караганда)."""
        written = self.text[m.start:m.end]
        entry = self.a.get(m.iri)
        return bool(ending.search(written)) and not (
            entry and any(written.lower() == n.lower() for n, _ in entry.names))

    def _written_as_location(self, m: Mention) -> bool:
        """A place written as where something is ("в Омске", "in Omsk", "Омбыда", "Омбы қ."), not as
        where people come from ("из Омска", "Омбыдан") or whose they are ("делегация Павлодара")."""
        before = self.norm[max(0, m.start - 4):m.start].lower()
        return bool(re.search(r"(^|\s)(в|во|in|at)\s$", before) or self._inflected(m, _KK_LOCATIVE)
                    or self._marked_town(m))

    def _marked_town(self, m: Mention) -> bool:
        """A place written as a town or a village ("Кемерово қ.", "г. Курган", "Uralsk city", "the
        village of Zhanibek", "в селе Алтынжар"): where things are held; a region named beside it
        only frames it."""
        return bool(_CITY_AFTER.match(self.norm, m.end)
                    or _CITY_BEFORE.search(self.norm[max(0, m.start - 24):m.start]))

    def _is_country(self, iri: str) -> bool:
        entry = self.a.get(iri)
        return entry is not None and entry.is_country

    def _is_region(self, iri: str) -> bool:
        entry = self.a.get(iri)
        return entry is not None and _REGION in entry.types

    def _locate_new_holders(self) -> None:
        """A new library's or organisation's location: a place named inside its name, its town's
        adjective ("Хромтауской районной … системой"), or a place in brackets right after it
        ("… им. Б. Ручьёва (Магнитогорск)"). Read before events and partnerships: a telebridge's
        ends are the towns of the libraries it joins, and a partnership across the border needs the
        country of each side."""
        for m in self.mentions:
            if m.kind in ("library", "organization") and m.iri in self.new:
                inside = [p.iri for p in self.mentions if p.kind == "place" and m.start <= p.start and p.end <= m.end]
                if not inside and m.kind == "library":  # "Хромтауской районной … системой": by its adjective
                    inside = [iri for _, _, iri in self._adjective_places(self.text[m.start:m.end], self.lang, [])]
                if not inside:
                    # "… им. Б. Ручьёва (Магнитогорск)", or in Russian a place in the genitive right after
                    # it ("… библиотечная система Атырауской области", "библиотека Омска"); not "…
                    # кітапхана Омбыда" (where it held something) nor "Омск посетила"
                    # (and in English a town right after "in": "Toraighyrov University in Pavlodar")
                    # (a town's kind inside the brackets first: "(село Боровское, Костанайская область)")
                    after = re.match(r"\s*(\((?:\s*(?:село|с\.|г\.|город|пос\.|посёлок|поселок|village\s+of|town\s+of|"
                                     r"ауылы|ауыл)\s+)?|in\s+(?:the\s+(?:city|town|village)\s+of\s+)?|of\s+(?=[A-Z]))?",
                                     self.text[m.end:m.end + 40])
                    at = m.end + after.end() if after else -1
                    inside = [p.iri for p in self.mentions if p.kind == "place" and p.start == at
                              and (after.group(1) and (after.group(1).startswith("(") or m.lang == "en")
                                   or self.lang == "ru" and _RU_GENITIVE_END.search(self.text[p.start:p.end]))]
                if not inside and m.lang == "kk":
                    # "Петропавлдағы №17 мектеп-гимназия", "Булаево қаласындағы №1 орта мектеп": the town
                    # written as where it stands, right before the name
                    inside = [p.iri for p in self.mentions if p.kind == "place" and p.end <= m.start
                              and (rules.KK_WHERE.search(self.text[p.start:p.end])
                                   and not self.text[p.end:m.start].strip()
                                   or _KK_TOWN_WHERE.fullmatch(self.text[p.end:m.start]))][-1:]
                else:  # "Акмолинская областная … библиотека (Кокшетау)": the town in brackets says which
                    bracket = re.match(r"\s*\(", self.text[m.end:m.end + 4])
                    town = next((p.iri for p in self.mentions if bracket and p.kind == "place"
                                 and p.start == m.end + bracket.end() and not self._is_region(p.iri)), None)
                    if town is not None and all(map(self._is_region, inside)):
                        inside = [town] + inside
                inside = [p for p in inside if self.country(p)]  # (a village the text placed in a country too)
                # a district its adjective names, where no town says more ("Ленинская районная
                # библиотека Омска" is Omsk's, whatever Leninsky district another sentence names)
                district = self._district_of(m) if m.kind == "library" and all(map(self._is_region, inside)) else None
                # a town before a country: "the Consulate General of Kazakhstan in Omsk" is in Omsk
                inside.sort(key=self._is_country)
                ne = self.new[m.iri]
                if (inside or district) and not any(p == LOCATION for p, _ in ne.facts):
                    where = inside[0] if inside else None
                    if where and "regional" in concepts(self.text[m.start:m.end]):
                        # a regional library (or museum, or university) stands in the town the region is named after
                        where = self._seat(where)
                    for place in dict.fromkeys(p for p in (district, where) if p):
                        ne.facts.append((LOCATION, ox.NamedNode(place)))
                    c = self.country(where) if where else None
                    if c:
                        ne.facts.append((COUNTRY, ox.NamedNode(c)))

    def _district_of(self, m: Mention) -> str | None:
        """The district a new district library is named by, where the text names that district:
        "Володарская центральная районная библиотека" beside "Володарского района", "Курмангазинская
        районная ЦБС" beside "Курмангазинский район" (Russian: the adjective's stem is the district's)."""
        if self.lang != "ru" or "district" not in concepts(self.text[m.start:m.end]):
            return None
        first = re.match(r"([А-ЯЁ][а-яё]+?)(?:ая|ой|ую|ий|ый|ого|ому|ом|ое)\b", self.text[m.start:m.end])
        if first is None or len(first.group(1)) < 4:
            return None
        stem = first.group(1)
        for p in self.mentions:
            if p.kind == "place" and self.text[p.start:p.end].startswith(stem) \
                    and re.search(r"\bрайон", self.text[p.start:p.end + 8]):
                return p.iri
        return None

    def _contain_new_places(self) -> None:
        """A new place written right before a larger one holds in it: "в селе Алтынжар Володарского
        района", "Курмангазинский район Казахстана", "Srostki in Altai Krai", "Аксу (Павлодарская
        область)". Larger: a region, district or country of the authority file, or a new district."""
        places = sorted((m for m in self.mentions if m.kind == "place"), key=lambda m: m.start)
        for p, q in zip(places, places[1:]):
            if p.iri not in self.new or p.iri == q.iri or q.start < p.end:
                continue
            if not _BEFORE_LARGER.fullmatch(self.text[p.end:q.start]):
                continue
            entry = self.a.get(q.iri)
            if entry is not None:
                if not entry.types & _LARGER_PLACE_TYPES:
                    continue
            elif q.iri not in self.new or not _DISTRICT_WORD.search(self.text[q.start:q.end + 10]):
                continue
            ne = self.new[p.iri]
            # the first larger place the text names; a GeoNames town's region does not stop it
            # ("Зайсан, Зайсанский район")
            held = [o.value for pred, o in ne.facts if pred == CONTAINED_IN]
            if q.iri in held or any(h != ne.region for h in held):
                continue
            ne.facts.append((CONTAINED_IN, ox.NamedNode(q.iri)))
            country = self.country(q.iri) if not (entry and entry.is_country) else q.iri
            if country and not any(pred == COUNTRY for pred, _ in ne.facts):
                ne.facts.append((COUNTRY, ox.NamedNode(country)))

    def _sides_countries(self, mentions: list) -> set[str]:
        """The countries of the towns and regions among ``mentions`` (countries themselves aside)."""
        return {m.country for m in mentions if m.kind == "place" and m.country and not self._is_country(m.iri)}

    def _home_named(self, mentions: list, orgs: list) -> bool:
        """A place among ``mentions`` is where the report's first library stands ("Қызылорда мен
        Байқоңыр кітапханалары" in a report of the Kyzylorda library): its libraries are the report's."""
        home = next((o for o in orgs if o.kind == "library"), None)
        where = self._location_of(home.iri) if home is not None else None
        if not where:
            return False
        return any(m.kind == "place" and m.iri == where for m in mentions)  # its town, not its region

    def _one_region(self, mentions: list) -> bool:
        """Every place among ``mentions`` is a region, all of one country: what "the libraries of two
        districts" are in, one side of the border."""
        places = [m for m in mentions if m.kind == "place" and not self._is_country(m.iri)]
        return bool(places) and len({m.country for m in places}) == 1 and all(self._is_region(m.iri) for m in places)

    def _both_sides(self, mentions: list, orgs: list, span: tuple[int, int], text: str) -> tuple | None:
        """The two libraries a sentence on "the libraries of both sides" speaks of (``mentions``: its
        own): where it names towns or regions ("Библиотеки Саратова и Уральска …"), the report's
        libraries that stand there, one on each side, else none; where it names none, the report's
        first library and the first across the border from it. None unless the sentence speaks of both
        sides (``relations.names_both_sides``)."""
        if not rel.names_both_sides(text[span[0]:span[1]], self._sides_countries(mentions), self._one_region(mentions)):
            return None
        libraries = [o for o in orgs if o.kind == "library" and o.country]
        places = {m.iri for m in mentions if m.kind == "place" and not self._is_country(m.iri)}
        if places:
            def there(o) -> bool:  # noqa: ANN001 — a relations mention
                where = self._location_of(o.iri)
                return bool(where) and (where in places or bool(places & set(self.a.ancestors(where))))
            sides = {}
            for o in libraries:
                if there(o):
                    sides.setdefault(o.country, o)
            return tuple(sides.values()) if len(sides) == 2 else None  # type: ignore[return-value]
        home = libraries[0] if libraries else None
        other = _first_across(home, libraries) if home else None
        if home is None or other is None or home.start >= span[0]:
            return None
        return home, other

    @staticmethod
    def _namesake(text: str, m: rel.M, ms: list) -> bool:
        """``m`` is whom a name is after ("университета имени первого Президента России Б. Н. Ельцина"):
        right after "имени"/"named after" and the words of a title, no other person between
        ("университета имени Ахмета Байтурсынова Ерболат Кенжин": Kenzhin is the professor)."""
        before = _NAMESAKE_BEFORE.search(text, max(0, m.start - 60), m.start)
        return before is not None and not any(
            o.kind == "person" and before.start() <= o.start and o.end <= m.start for o in ms)

    @staticmethod
    def _home_takes_part(home: rel.M, events: list, orgs: list, family: dict, text: str,
                         sents: list[tuple[int, int]], take_part: Callable[..., None]) -> None:
        """The report's own library (the first it names) takes part in an event its clause tells in
        its own voice ("мы", "we", "біз қатыстық", "наш онлайн-марафон", "поездки наших делегаций"),
        holds jointly with a library or organisation named beside the cue ("вместе с Омской
        библиотекой проведён семинар", "Орынбор кітапханасымен бірлесіп", "a joint exhibition") when
        no other library is named acting before it, or a telebridge with one other library that did
        not hold it; with "обе библиотеки" / "библиотеки проводят", so does the first library across
        the border. A clause is a sentence's part up to ";", so a list of the year's events gives each
        its own; an event named before the report's library is not one it speaks of. ``take_part``
        is called with the event and any library besides the report's."""
        partner = _first_across(home, orgs)
        for ev in events:
            if ev.start < home.start:
                continue
            sentence = next((s for s in sents if s[0] <= ev.start < s[1]), None)
            if sentence is None:
                continue
            a = text.rfind(";", sentence[0], ev.start) + 1 or sentence[0]
            b = text.find(";", ev.end, sentence[1])
            clause = (a, b if b >= 0 else sentence[1])
            words = text[clause[0]:clause[1]]
            others = {o.iri for o in orgs if o.kind == "library" and o.iri != home.iri
                      and clause[0] <= o.start < clause[1]}
            # held jointly: the word comes before the event's name, in its phrase ("вместе с X проведён
            # семинар", "a joint exhibition"; not "…, and approved a joint plan", "the seminar … of the
            # joint project"), and is the report's ("библиотека вместе с университетом провела", said
            # after another library, is that one's; "Омская библиотека вместе с …" too)
            def of_home(j: re.Match) -> bool:
                """No other library is the subject of the cue ``j``: none named as acting before it in the
                clause ("Омская библиотека совместно с Минкультуры провела"; not "в зале Курганской
                библиотеки открылась совместная выставка"), and "библиотека" alone before it means the
                report's (the last library named as acting)."""
                if any(o.kind == "library" and o.iri != home.iri and clause[0] <= o.start < j.start()
                       and not _named_obliquely(text, o.start, o.end) for o in orgs):
                    return False
                bare = _BARE_LIBRARY.search(_outside(text[clause[0]:j.start()], clause[0], orgs))
                if bare is None:
                    return True
                last = _acting_before(orgs, sents, text, clause[0] + bare.start())
                return last is None or last.iri == home.iri

            def with_a_body(j: re.Match) -> bool:
                """Together with a library or an organisation, named right after the cue ("вместе с
                Омской библиотекой", "together with the RSL") or, in Kazakh, right before it in the
                instrumental: not "школьники вместе с родителями"."""
                if _KK_WITH.search(text[max(0, j.start() - 12):j.start()].rstrip()):
                    return any(0 <= j.start() - o.end <= 2 for o in orgs)
                return any(0 <= o.start - j.end() <= 6 for o in orgs)

            cues = [j for j in _JOINTLY.finditer(text, clause[0], ev.start)
                    if not re.search(r"[,.()]", _outside(text[j.end():ev.start], j.end(), orgs)) and of_home(j)]
            joint_kind = [j for j in cues if _JOINT_ADJECTIVE.match(j.group()) and len(text[j.end():ev.start].split()) <= 3]
            jointly = bool(joint_kind) or any(not _JOINT_ADJECTIVE.match(j.group()) and with_a_body(j) for j in cues)
            # a telebridge with one library: the other end is the report's, unless that library held it
            # ("Омская библиотека провела телемост со школьниками Павлодара")
            bridge = family.get((ev.start, ev.end)) == "telebridge" and len(others) == 1 and not any(
                o.iri in others and o.start < ev.start and not _named_obliquely(text, o.start, o.end) for o in orgs)
            # the voice's own words: "мы", "we", "біз", outside quotations and names ("«Мы впервые
            # принимаем гостей», — сказала директор …"; "«от Абая до наших дней»" is a title's), or
            # "our" right before the event's name
            voice = _WE.search(_QUOTED.sub(lambda m: " " * len(m.group()), _outside(words, clause[0], events + orgs))) \
                or _OUR.search(text[max(0, ev.start - 12):ev.start])
            if voice or (len(others) <= 1 and (jointly or bridge)):
                take_part(ev.iri)
            # "обе библиотеки … проводят", "библиотеки проводят первый видеомост", "both libraries held":
            # the report's library and the first across the border it names, when the clause names
            # no library of its own
            held = _LIBRARIES_HOLD.search(words)
            if held is not None and re.search(r"[а-яё]{3,}[иыа]\s+$", words[:held.start()]) \
                    and not re.search(r"(?:году|затем|также|впервые)\s+$", words[:held.start()]):
                held = None  # "сотрудники библиотеки провели": the library's staff, one library
            partners_plan = _partners_heading(text, ev.start)  # "В 2026 году партнёры планируют: – …"
            if partners_plan and not others:
                take_part(ev.iri)
            # ("совместная выставка", "a joint exhibition" with no other party named: the report's
            # library and its partner across the border)
            if not others and partner is not None and partner.start < ev.start and (
                    rel.names_two_libraries(words) or held is not None or partners_plan or joint_kind):
                take_part(ev.iri, partner.iri)

    def _without_lives_or_imprints(self, dates: list[DateMention]) -> list[DateMention]:
        """``dates`` but a person's years in brackets right after the name ("Ивана Петровича Шухова
        (1906–1977)", "Abai (1845-1904)"): they date a life, not anything the report tells of; and
        a book's imprint ("(Омск: Омскбланкиздат, 2018)"), which dates the book (:func:`_work_year`)."""
        ends = {m.end for m in self.mentions if m.kind == "person"}

        def life(dm: DateMention) -> bool:
            if dm.precision != "year" or dm.end_value is None:
                return False
            at = _skip_space_back(self.norm, dm.start)
            return at > 0 and self.norm[at - 1] == "(" and _skip_space_back(self.norm, at - 1) in ends \
                and self.norm[dm.end:dm.end + 3].lstrip().startswith(")")
        imprints = [m.span() for m in _IMPRINT.finditer(self.norm)]
        return [dm for dm in dates if not life(dm) and not any(a <= dm.start and dm.end <= b for a, b in imprints)]

    def _label_of(self, iri: str) -> str:
        """An entity's name as the authority file or this document's first mention of it gives it
        (the nominative: "Алексей Югов", not "Алексея Югова")."""
        entry = self.a.get(iri)
        if entry is not None:
            return entry.label(self.lang)
        ne = self.new.get(iri)
        return ne.names[0][0] if ne and ne.names else ""

    def _location_of(self, iri: str) -> str | None:
        """Where a library or organisation is: the authority file's, or a new one's as read here."""
        entry = self.a.get(iri)
        if entry is not None:
            return entry.location
        ne = self.new.get(iri)
        return next((str(o.value) for p, o in ne.facts if p == LOCATION), None) if ne else None

    # --- relations ----------------------------------------------------------------------
    def relations(self, dates: list[DateMention]) -> None:
        self._contain_new_places()
        self._locate_new_holders()
        text = self.norm
        dates = self._without_lives_or_imprints(dates)
        sents = rel.spans(text)
        lines = rel.lines(text)
        places = sorted((m for m in self.mentions if m.kind == "place"), key=lambda m: m.start)

        def line_of(pos: int) -> tuple[int, int]:
            return next((l for l in lines if l[0] <= pos <= l[1]), (0, len(text)))

        holders = [m for m in self.mentions if m.kind in ("library", "organization")]

        def nested(m: Mention) -> bool:
            return any(h.start <= m.start and m.end <= h.end and h is not m for h in holders)

        def sent_of(pos: int) -> tuple[int, int]:
            return next((s for s in sents if s[0] <= pos <= s[1]), line_of(pos))

        dateline = self._dateline(dates, places)
        # the year the report speaks from: its dateline's, else the latest it names
        report_year = dateline[0][:4] if dateline else max((dm.value[:4] for dm in dates), default=None)
        title_end = self._headline_end
        programme = bool(self._schedule)  # a schedule: day headings date its items
        blank = re.search(r"\n\s*\n", text)
        lead_end = min(blank.start() if blank else len(text), 1500)
        # events: date and place from the same line, identity from (type, year, place)
        last: tuple[str, str] | None = None  # the date and place of the report's last dated event
        pending: list[tuple[Candidate, str, str | None, str | None, list[str]]] = []
        for c, lang in sorted(self.containers, key=lambda x: x[0].start):
            if c.kind != "event":
                continue
            if c.extra.get("event_type") == "year":
                self._commemorative_year(c, lang, places, dates, sent_of(c.start))
                continue
            line = (line_of(c.start)[0], line_of(c.end)[1])  # a title may run over a line break
            sentence = (sent_of(c.start)[0], sent_of(c.end)[1])
            # the date of the event's own sentence first: a paragraph may go on to other years ("20
            # сентября 2018 года … конференция …, посвящённая … Пушкина. Поэт побывал … в 1833 году")
            own = rel.narrow(text, sentence, c.start, c.end)
            in_sentence = [dm for dm in dates if own[0] <= dm.start and dm.end <= own[1]]
            # a year in the event's own title is no date where its sentence gives one outside it
            # ("On 5 June 2019 … the round table “Pushkin's Road to the Yaik: 1833–2019”")
            in_sentence = [dm for dm in in_sentence if not (c.start <= dm.start and dm.end <= c.end)] or in_sentence
            # (not a span of years from another sentence: "published in 1911–1915" dates a journal's
            # life, not the event)
            in_line = in_sentence or [dm for dm in dates if line[0] <= dm.start and dm.end <= line[1]
                                      and not (dm.precision == "year" and dm.end_value)]
            nearest = min(in_line, key=lambda dm: abs(dm.start - c.start)) if in_line else None
            date = nearest.value if nearest else None
            # a day its own sentence gives without a year comes before a date elsewhere on its line (a
            # paragraph is one line: "14 февраля … провёл онлайн-семинар …; … (в 2024 г. — 7)")
            if not in_sentence and nearest is not None and (day := self._day_of_the_year_before(own, c.start, dates)):
                date, nearest = day, None
            # a month its own sentence names without a year ("Договорились ещё в июне, на семинаре …"):
            # that month of the year last named before it (of the report's, if none)
            own_month = None if in_sentence else self._bare_month(own, c, dates, report_year)
            if own_month is not None:
                date, nearest = own_month, None
            # (not where the event's own clause gives its day or its month)
            lead = None if in_sentence or own_month is not None or self._day_of_the_year_before(own, c.start, dates) \
                else self._calendar_lead(c.start, dates, places)
            if lead is not None:  # a calendar's item: the day and the town its line opens with
                date, nearest = lead[0], None
            same_day_places: list[Mention] = []
            same_day = False
            if not in_sentence and _SAME_DAY.search(text[own[0]:own[1]]):
                # "В тот же день прошла акция …": the day named last, and the places of its sentence
                earlier = [dm for dm in dates if dm.end <= own[0] and dm.precision == "day"]
                if earlier and _LIFE_OR_FOUNDING.search(text[sent_of(earlier[-1].start)[0]:own[0]]):
                    earlier = []  # "родился 10 августа 1845 года … В тот же день …": no day of the report
                    date, nearest = None, None
                # a day the text retold after its event (an agreement signed years before) is not the
                # day meant: the last dated event's is
                if earlier and last is not None and len(last[0]) == 10 and earlier[-1].value[:4] < last[0][:4]:
                    earlier = [dm for dm in earlier if dm.value == last[0]] or earlier
                if earlier:
                    same_day = True
                    date = earlier[-1].value
                    day = sent_of(earlier[-1].start)
                    # a day written without its year after it is the day meant ("14–16 октября 2025 … 16
                    # қазанда … в тот же день")
                    later = self._day_before(own[0], earlier[-1].end, dates)
                    if later is not None:
                        date, day = later[1], sent_of(later[0])
                    same_day_places = [m for m in places if day[0] <= m.start and m.end <= day[1] and not nested(m)
                                       and not self._is_country(m.iri)]
            # A titled event whose own sentence names no date took place within the report's event
            # before it (an exhibition opened at the seminar): its date and place, not a date from
            # another sentence. So does one whose sentence names only a bare year after it, older than
            # that event's: the year dates what the sentence goes on about ("the “Kazakh
            # chrestomathy” of 1879", "archive documents of 1920-1925").
            own_places = [m for m in places if own[0] <= m.start and m.end <= own[1]
                          and not (c.start <= m.start and m.end <= c.end) and not nested(m)]
            within_last = last is not None and c.method == "rule:event-title" and not own_places and not same_day and (
                not in_sentence or nearest is not None and nearest.precision == "year"
                and nearest.start >= c.end and nearest.value[:4] < last[0][:4]) \
                and not (not in_sentence and self._day_of_the_year_before((own[0], c.start), c.start, dates))  # "29 мая … провели …": its own day
            if own_month is not None or lead is not None:
                within_last = False
            if not in_sentence and (planned := self._under_dated_heading(c.start, dates)) is not None:
                date, within_last = planned, False  # "В 2026 году партнёры планируют: – в октябре …"
            if within_last:
                date = None
            # places named inside a library's or organisation's name say where that one is, not the event,
            # and so does one in brackets right after its name ("Президентской библиотеки имени Б. Н.
            # Ельцина (Санкт-Петербург)"); a bare "seminar" is dated and placed by its own sentence only
            psent = own if c.extra.get("needs_date_place") else sentence
            cand_places = [m for m in places if psent[0] <= m.start and m.end <= psent[1] and
                           not (c.start <= m.start and m.end <= c.end) and not nested(m) and not self._gone_to(m)
                           and not (text[max(0, m.start - 2):m.start].rstrip().endswith("(")
                                    and any(0 <= m.start - h.end <= 3 for h in holders))]
            host_town = None
            if not cand_places:  # "the Kostanay library … hosted a seminar": the host's place
                cand_places = [m for m in places if psent[0] <= m.start and m.end <= psent[1] and
                               not (c.start <= m.start and m.end <= c.end) and not self._gone_to(m)]
                # where the authority file puts the host, when its name names a larger place ("the
                # Saratov Regional … Library" is in Saratov, not somewhere in the region)
                host_town = self._host_town(holders, cand_places, c)
            if not cand_places and same_day_places:
                cand_places = same_day_places
            if lead is not None and lead[1] and not own_places:
                # the town the item's line opens with says where, where its own sentence names none
                cand_places, host_town = lead[1], None
            if not cand_places and c.method == DAYS_OF:  # "Дни … в Омске": the place its name gives
                cand_places = [m for m in places if c.start <= m.start and m.end <= c.end][-1:]

            def distance(m: Mention) -> int:
                d = c.start - m.end if m.end <= c.start else m.start - c.end
                if self._written_as_origin(m):
                    return d + 5_000  # "a delegation from Omsk" came from there: any other place first
                if self._marked_town(m):
                    return d - 10_000
                # "в Петропавловске", "Петропавлда", "in Barnaul" say where; "библиотеки Кургана и
                # Омска" only whose: a place written as a location comes before nearer others, unless it
                # follows the event past a comma without a verb of holding ("для коллег, работающих в
                # Петропавловске"; but "…, которые прошли … в Петропавловске")
                if not self._written_as_location(m):
                    return d
                between = text[c.end:m.start]  # (a place before the event keeps its weight)
                if m.start >= c.end and "," in between and not rules.held_in(between.rsplit(",", 1)[-1]):
                    return d
                return d - 1_000

            ranked = sorted(cand_places, key=distance)
            hosts = self._holder_towns(holders, psent, c)
            # every place is where guests came from: the event is where its host library is
            guests_only = bool(ranked and hosts and all(self._written_as_origin(m) for m in ranked))
            if guests_only:
                ranked = []
            not_country = [m.iri for m in ranked if not self._is_country(m.iri)]
            chosen = list(dict.fromkeys(not_country or [m.iri for m in ranked])) or (hosts[:1] if guests_only else [])
            # The place the event's own name gives is where it was held too ("the Days … in Kuzbass
            # (Kemerovo city)", "Кузбастағы күндері (Кемеров қ.)"). A town marked as one still names
            # the event; without one the named place does ("Павлодардағы Омбы мәдениеті күндері"
            # and "Омбы мәдениеті күндері Павлодарда" are one event, in Pavlodar).
            named = self._named_places(c, places, sentence)
            if named and not (ranked and self._marked_town(ranked[0])):
                chosen = named + [p for p in chosen if p not in named]
            if host_town is not None and chosen and chosen[0] in self.a.ancestors(host_town):
                chosen = [host_town] + chosen[1:]
            telebridge = c.extra.get("event_type") == "telebridge"
            # held by video link in two towns: "в формате видеоконференции: участники из Костаная …, а
            # из Троицка …" joins them as a telebridge does
            joined = False
            if telebridge:  # the towns its own phrase joins: "видеомост Астрахань – Атырау «…»"
                ends = list(dict.fromkeys(m.iri for m in places if c.start <= m.start and m.end <= c.end
                                          and not self._is_country(m.iri)))
                if len(ends) == 2:
                    chosen = ends + [p for p in chosen if p not in ends]
            if not telebridge and _BY_VIDEO.search(text[own[0]:own[1]]):
                there = [m for m in places if own[0] <= m.start and m.end <= own[1] and not nested(m)
                         and not (c.start <= m.start and m.end <= c.end)]
                # the towns its participants joined from, where the sentence says no town it was held in
                towns = list(dict.fromkeys(m.iri for m in there if self._written_as_origin(m)
                                           and not self._is_country(m.iri) and not self._is_region(m.iri)))
                # (two towns only, and no library or body of the sentence that held it: its town is where)
                if len(towns) == 2 and not any(self._written_as_location(m) for m in there) \
                        and not any(own[0] <= h.start and h.end <= own[1] for h in holders):
                    chosen, joined = towns[:2] + [p for p in chosen if p not in towns[:2]], True
            if telebridge or not chosen:
                # no place written: where the library or organisation named with it is; a telebridge
                # joins two towns, and the libraries it joins say which when the text names one
                for town in hosts:
                    if town not in chosen and not any(town in self.a.ancestors(p) or p in self.a.ancestors(town)
                                                      for p in chosen):
                        chosen.append(town)
            if telebridge:
                # the ends as towns: "Павлодарской областной библиотекой" names the region, the library
                # that sits in its town says which town
                chosen = list(dict.fromkeys(next((t for t in hosts if p in self.a.ancestors(t)), p) for p in chosen))
            chosen = chosen[:2] if telebridge or joined else chosen[:1]
            if same_day and not chosen and last is not None:
                chosen = [last[1]]  # "… в тот же день на круглом столе": where the report's event is
            place = chosen[0] if chosen else None
            chosen += [p for p in named if p not in chosen]
            family = _event_family(c)
            if c.extra.get("needs_date_place"):
                in_sentence = [dm for dm in dates if own[0] <= dm.start and dm.end <= own[1]]
                if pending and _ANAPHORA.search(text[max(0, c.start - 12):c.start]) \
                        and not any(dm.precision != "year" for dm in in_sentence) \
                        and not self._day_of_the_year_before(own, c.start, dates):  # its own day: another one
                    continue  # "At the end of the meeting …" after the report's event: that one again
                date = min(in_sentence, key=lambda dm: abs(dm.start - c.start)).value if in_sentence else None
                # a news report's event happened when, and unless its sentence names a town, where
                # the report was filed: in its lead paragraph, and unless the sentence moves in time
                if dateline and not date and c.start < lead_end \
                        and not rel.moves_in_time(text[sentence[0]:sentence[1]]):
                    date = dateline[0]
                    town = next((m for m in ranked if m.iri == place), None)
                    if town is None or place not in not_country or not self._written_as_location(town):
                        place, chosen = dateline[1], [dateline[1]]
                if not date:
                    date = self._day_of_the_year_before(own, c.start, dates)
                if not (date and place):
                    continue  # a bare "seminar" is an event only with its date and place
                where = self.a.get(place)
                written = c.extra.get("named") or _clean_label(self.text[c.start:c.end])
                # (an opening named with what it opened is named enough: "открытие Уголка казахской
                # литературы"; "the opening of the reading room" gets its place and year)
                opening = c.extra.get("event_type") == "opening"
                c.label = written if opening and re.search(r"[«“\"]|.\b[A-ZА-ЯЁ]", written) \
                    else f"{written} ({where.label(lang) if where else ''}, {date[:4]})"
                if opening:
                    c.extra["written"] = written  # its name as written, beside the label (an altLabel)
                elif c.extra.get("event_type") == "presentation" and (phrase := self._presented(c, lang)):
                    c.extra["written"] = phrase  # "презентация книги «…»": what it presented names it too
                elif c.extra.get("event_type") == "telebridge" and (two := rules.TWO_ENDS.match(self.norm, c.end)):
                    c.extra["written"] = _clean_label(self.text[c.start:two.end()])  # "видеомост Томск – Караганда"
            if not date and dateline and programme and c.method == "rule:event-title" and c.end <= title_end:
                # the headline's event happened when and where the line under it says ("Programme of
                # the conference «…»" / "Ust-Kamenogorsk, 1–3 October 2025")
                date = dateline[0]
                if not chosen:
                    place, chosen = dateline[1], [dateline[1]]
            if not date and not within_last and not c.extra.get("needs_date_place"):
                date = self._day_of_the_year_before(own, c.start, dates)
            if within_last and last is not None and not rel.moves_in_time(text[sentence[0]:sentence[1]]):
                date, place = last
                chosen = [place]
                # a programme's item is on the day its heading gives, in the place of the event it is part of
                date = (self._day_heading(c.start, dates) if programme else None) or date
            if date and place:
                last = (date, place)
                # a telebridge is named by both its ends, in one order whichever the text names first
                ends = sorted(p.rsplit("/", 1)[-1] for p in chosen[:2]) if telebridge and len(chosen) >= 2 \
                    else [place.rsplit("/", 1)[-1]]
                pending.append((c, lang, f"{slugify(family)}-{date[:4]}-{'-'.join(ends)}", date, chosen))
            else:
                pending.append((c, lang, None, date, chosen))
        self._mint_events(pending)
        self.mentions.sort(key=lambda m: m.start)

        ms = [rel.M(m.start, m.end, m.kind, m.iri, self.country(m.iri)) for m in self.mentions]
        ms = [m for m in ms if (m.start, m.end) not in self.owner_spans]
        events = [m for m in ms if m.kind == "event"]
        # a person named inside a library's name is its namesake, not an agent of the text; nor is one
        # a list of districts is named after ("Мағжан Жұмабаев және Ғабит Мүсірепов аудандарының")
        agents = [m for m in ms if m.kind in ("library", "organization") or (
            m.kind == "person" and not any(o.start <= m.start and m.end <= o.end for o in ms
                                           if o.kind in ("library", "organization"))
            and not _DISTRICT_AFTER.match(text, m.end) and not rel.topic(text, m.start, m.end)
            and not self._namesake(text, m, ms))]
        orgs = [m for m in ms if m.kind in ("library", "organization")]
        projects = [m for m in ms if m.kind == "project"]
        add = self._add
        inside = rel.by_span(sents, ms)  # the mentions of each sentence
        sent_starts = [s[0] for s in sents]
        agent_ids = {id(a) for a in agents}


        def lived_then(person: str, event: str) -> bool:
            """A person of the authority file who died before the event's year took no part in it
            ("Its ruler Zhangir Khan opened the first school" in a report of a conference); an event
            the report does not date is of the report's own time."""
            entry = self.a.get(person)
            died = entry.died if entry else None
            year = next((str(o.value)[:4] for p, o in self.new[event].facts if p == START_DATE), None) \
                if event in self.new else None
            year = year or report_year
            return not (died and year and died[:4] < year)

        works_at = [m for m in ms if m.kind == "work"]

        def book_item(a: rel.M) -> bool:
            """``a`` is the author on a bulleted line of a book, right before its title ("- Мухтар
            Ауэзов «Путь Абая»"), or a person named inside a work's title."""
            if a.kind != "person":
                return False
            if any(w.start <= a.start and a.end <= w.end for w in works_at):
                return True
            line = line_of(a.start)
            return bool(rel.BULLET.match(text[line[0]:line[1]])) and bool(
                re.match(r"\s?[«“„\"]", text[a.end:line[1]]))  # not "- Анна Смирнова: «…»", a speaker's talk

        # An event named after the report's event but dated before it is background ("the seminar
        # continued the programme the telebridge of 2021 began"): the people after it still speak
        # at the report's event, and the background one has only the agents of its own sentence.
        def held(e: rel.M) -> str | None:
            return next((str(o.value) for p, o in self.new[e.iri].facts if p == START_DATE), None) \
                if e.iri in self.new else None

        background: set[int] = set()
        current = None
        for ev in events:
            # named after it and dated earlier, or not dated at all
            if current is not None and ev.iri != current.iri and (b := held(current)) and (
                    not (a := held(ev)) or a[:min(len(a), len(b))] < b[:min(len(a), len(b))]):
                background.add(id(ev))
            else:
                current = ev
        # where in its sentence each background event is named
        background_at = {s: min(ev.start for ev in events if id(ev) in background and s[0] <= ev.start < s[1])
                         for s in sents if any(id(ev) in background and s[0] <= ev.start < s[1] for ev in events)}

        # participants: agents in sentences with a participation cue, after the event, before the next one
        took_part: list[tuple[str, rel.M]] = []  # added once the authors of known works are known
        authors_at: set[tuple[int, int]] = set()
        # A sentence after a background event that names that event's kind and not the report's
        # ("На семинаре выступили …" after "Ранее … прошёл семинар") is about the background one.
        family = {(c.start, c.end): _event_family(c) for c, _ in self.containers if c.kind == "event"}

        @functools.lru_cache(maxsize=None)
        def kinds_in(span: tuple[int, int]) -> frozenset[str]:
            return frozenset(EVENT_FAMILY.get(k, k) for t in tokenize(text[span[0]:span[1]])
                             if (k := rules.event_kind(t)))

        def claimed_by(span: tuple[int, int], main: rel.M) -> rel.M | None:
            """The background event after ``main`` and before ``span`` whose kind ``span`` names."""
            between = [b for b in reversed(events) if id(b) in background and main.start < b.start < span[0]]
            if not between:
                return None  # (most reports have no background event: no need to read the sentence)
            said = kinds_in(span)
            if not said or family.get((main.start, main.end)) in said:
                return None
            return next((b for b in between if family.get((b.start, b.end)) in said), None)

        for i, ev in enumerate(events):
            main = next((e for e in reversed(events[:i]) if id(e) not in background), None)
            stop = next((e.start for e in events[i + 1:] if id(e) not in background), len(text))
            first = max(0, bisect.bisect_right(sent_starts, ev.start) - 1)
            for sentence in sents[first:bisect.bisect_left(sent_starts, stop)]:
                # each part of a sentence kept together after a closing quote is read on its own
                for s in rel.parts(text, sentence):
                    if s[1] < ev.start or s[0] >= stop:
                        continue
                    if id(ev) in background:
                        # its own sentence, and the later ones that name its kind
                        if not sentence[0] <= ev.start < sentence[1] and (
                                main is None or claimed_by(s, main) is not ev):
                            continue
                    elif s[0] > ev.end and claimed_by(s, ev) is not None:
                        continue
                    if s[0] > ev.end and s[0] <= stop < s[1] and text[:s[0]].rstrip().endswith(";"):
                        continue  # a sentence listing events clause by clause ("…; в мае в Кургане, в читальном
                        # зале Курганской библиотеки, открылась выставка …"): that clause is the next one's
                    limit = s[1]
                    floor = s[0]
                    bg = background_at.get(sentence)
                    if id(ev) not in background and bg is not None and s[0] <= bg < s[1] \
                            and not (s[0] <= ev.start <= s[1]):
                        limit = bg  # after a background event's name come that one's agents
                    elif id(ev) in background:
                        speech = rel.first_speech(text[s[0]:s[1]])
                        if speech is not None and s[0] + speech < ev.start:
                            floor = s[0] + speech  # "X said that … began with the exhibition Y": X spoke at the other
                    bodies_only = False
                    inverted = None
                    kind = family.get((ev.start, ev.end))
                    # (of the contest the sentence names, where it names one: "Первое место в конкурсе")
                    contest = kind in ("competition", "festival", "quest") \
                        and (kind in kinds_in(s) or not kinds_in(s))
                    if not (s[0] <= ev.start <= s[1]) and not rel.participation(text[s[0]:s[1]]) \
                            and not (contest and rel.judged_or_won(text[s[0]:s[1]])) \
                            and not rel.passive_speech(text[s[0]:s[1]]) \
                            and not rel.on_the_line(text[s[0]:s[1]]):  # "… were welcomed by X": X spoke
                        speech = rel.first_speech(text[s[0]:s[1]])
                        if speech is None and rel.prepared_or_supported(text[s[0]:s[1]]):
                            bodies_only = True  # who prepared or supported it: the libraries and organisations
                        elif speech is None:
                            continue
                        else:
                            limit = min(limit, s[0] + speech)  # who spoke: the agents before the verb
                            inverted = _spoke_after(text, s[0] + speech, s[1], inside[sentence])
                    for a in inside[sentence]:
                        if bodies_only and a.kind == "person" and not _staff_beside(text, a.start, a.end) \
                                or not (s[0] <= a.start < s[1]):
                            continue  # (who prepared it: a library's staff, not a writer whose books it shows)
                        if id(a) in agent_ids and a.start >= max(ev.start - 400, floor) \
                                and (a.end <= limit or a is inverted) \
                                and (a.kind != "person" or lived_then(a.iri, ev.iri)) and not book_item(a):
                            took_part.append((ev.iri, a))

        # a bulleted roll of organisers or participants under a heading: of the event named last
        # before it (else the first one after), every library, organisation and person listed
        # (the event the heading itself names first: "Организаторы конкурса «Лучший читатель»:"); a
        # line naming a work lists a book and its author ("- Мухтар Ауэзов «Путь Абая»"), no agent
        for head, first_item, end in rel.organiser_rolls(text, rules.names_event):
            # (a heading's word for the event points to the last one of that kind: "Участниками
            # конференции стали …:" after a paragraph recalling a seminar of 2002)
            named = {c for w in rel._words(text[head:first_item]) if (c := rules.event_class_named(w))} - {"Event"}
            ev = next((e for e in events if head <= e.start and e.end <= first_item), None) \
                or next((e for e in reversed(events) if e.end <= head and e.iri in self.new
                         and self.new[e.iri].cls in named), None) \
                or next((e for e in reversed(events) if e.end <= head), None) \
                or next((e for e in events if e.start >= end), None)
            if ev is None:
                continue
            for a in agents:
                if first_item <= a.start and a.end <= end and (a.kind != "person" or lived_then(a.iri, ev.iri)) \
                        and not book_item(a):
                    add(ev.iri, PARTICIPANT, a.iri)

        # a bulleted programme under a heading ("В программе:", "The programme:"): on each item, who
        # speaks is named by a post ("лекция профессора … Серика Абдрахманова", "обзор … проведёт её
        # автор — … Т. В. Скороходова"), with the body a post names before the name (the professor's
        # university); a name without a post is a topic ("стихи Дулатова"). Of the event named in the
        # heading, else the last one before it.
        for head, first_item, end in rel.programme_rolls(text):
            # the heading's event, else the report's own (the first one named before it, not one in passing;
            # in a timed schedule, the one its headline names, not the item of the hour before)
            main = next((e for e in events if head <= e.start and e.end <= first_item), None) \
                or (next((e for e in events if e.end <= self._headline_end), None) if self._schedule else None) \
                or next((e for e in events if e.end <= head and id(e) not in background), None)
            for line in (ln for ln in lines if first_item <= ln[0] and ln[1] <= end):
                # an item that names an event of its own is that one's ("– онлайн-встреча с поэтом X")
                ev = next((e for e in events if line[0] <= e.start and e.end <= line[1]), main)
                if ev is None:
                    continue
                in_line = sorted((a for a in agents if line[0] <= a.start and a.end <= line[1]), key=lambda a: a.start)
                # an item that opens with a talk's quoted title ("– «Сельская библиотека как хранитель
                # памяти» – Name, post"): its words are no post, and a name inside it is its topic
                title = _ITEM_TITLE.match(text, line[0], line[1])
                title_end = title.end() if title else line[0]
                for k, a in enumerate(in_line):
                    if a.kind != "person" or not lived_then(a.iri, ev.iri) or book_item(a) or a.start < title_end:
                        continue
                    since = in_line[k - 1].end if k and in_line[k - 1].kind == "person" else line[0]
                    since = max(since, title_end)
                    posts = list(_PROGRAMME_POST.finditer(text, since, a.start))
                    if posts:
                        post = posts[-1]  # the one nearest the name
                        add(ev.iri, PARTICIPANT, a.iri)
                        for o in in_line[:k]:  # the body the post names: "профессора Костанайского университета"
                            if o.kind in ("organization", "library") and o.start >= post.start():
                                add(ev.iri, PARTICIPANT, o.iri)
                    elif title and (gap := _TALK_GAP.fullmatch(text, title_end, a.start)) and (
                            gap.group(1) or re.match(r",\s+\S", text[a.end:line[1]])
                            and _PROGRAMME_POST.search(_CLAUSE_END.split(text[a.end:line[1]])[0][:120])):
                        # a talk's item with the speaker after it, the post after the name: "– «Омские
                        # адреса …» – Ольга Титова, заведующая отделом …", with the body that post names
                        add(ev.iri, PARTICIPANT, a.iri)
                        upto = next((o.start for o in in_line[k + 1:] if o.kind == "person" and not any(
                            h.start <= o.start and o.end <= h.end for h in in_line if h.kind in ("organization", "library"))),
                            line[1])  # (the next speaker, not a namesake in a library's name)
                        for o in in_line[k + 1:]:
                            if o.kind in ("organization", "library") and o.end <= upto:
                                add(ev.iri, PARTICIPANT, o.iri)

        # a programme's schedule: whoever an item names (a speaker, a moderator, a university they
        # come from) takes part in the event that item names, else in the programme's own event,
        # the one its headline names. Libraries are left out (an item may visit one or name a
        # project's members), and so is whoever did not live then (a topic: "on the book collection
        # of G. N. Potanin", "dedicated to Vasily Shukshin").
        headline = next((e for e in events if e.end <= title_end), None) if self._schedule else None
        for a_line, b_line in self._schedule:
            ev = next((e for e in events if a_line <= e.start < b_line), headline)
            if ev is None:
                continue
            # speakers: a person with a post beside the name, or listed after a label or a dash
            # ("Papers: X, professor …; Y, head …", "… – Marina Pestova"), not a topic ("poems by X")
            speakers = [a for a in agents if a_line <= a.start and a.end <= b_line and a.kind == "person"
                        and lived_then(a.iri, ev.iri) and not book_item(a)
                        and (_staff_beside(text, a.start, a.end)
                             or re.search(r"(?:[:;–—]|\s-)\s*$", text[a_line:a.start]))]
            took_part += [(ev.iri, a) for a in speakers]
            # and the bodies they come from: named in a speaker's own clause after the name
            for a in agents:
                if a.kind == "organization" and a_line <= a.start and a.end <= b_line and any(
                        p.end <= a.start and not re.search(r"[;.]", text[p.end:a.start]) for p in speakers):
                    took_part.append((ev.iri, a))

        # authors: a reference's author, and "X, author of «Y»" / "«Y» кітабының авторы X"
        persons = [m for m in ms if m.kind == "person"]
        for c, _ in self.containers:
            if c.kind != "work" or c.method not in (REFERENCE, rules.LISTED_WORK):
                continue
            w = self._iri_at(c.start, c.end, "work")
            if w is None:
                continue
            for span in c.extra.get("authors", []):
                p = next((m for m in persons if m.start < span[1] and span[0] < m.end), None)
                if p:
                    add(w, AUTHOR, p.iri)
            source = self._iri_at(*c.extra["source"], "work") if c.extra.get("source") else None
            if source:
                add(w, IS_PART_OF, source)  # the article appeared in the journal its reference names
            if c.extra.get("year") and w in self.new and not any(
                    p == DATE_PUBLISHED for p, _ in self.new[w].facts):
                self.new[w].facts.append((DATE_PUBLISHED, _date_literal(c.extra["year"])))
        periodicals = {(c.start, c.end) for c, _ in self.containers if c.cls == "Periodical"}
        works = [m for m in ms if m.kind == "work" and (m.start, m.end) not in periodicals]  # no one writes a journal
        # a work's own year, written right beside its title: "«Черноликие» (1927)", "«Қара беттер»
        # («Черноликие», 1927)", "«Оян, қазақ!», вышедший в 1909 году", "1914 жылы жазылған «Қамар сұлу»"
        for w in works:
            ne = self.new.get(w.iri)
            if ne is None or any(p in (DATE_CREATED, DATE_PUBLISHED) for p, _ in ne.facts):
                continue
            dated = _work_year(text, w.start, w.end)
            if dated is not None:
                ne.facts.append((dated[1], _date_literal(dated[0])))
        by_start = sorted(ms, key=lambda m: m.start)
        starts = [m.start for m in by_start]

        def name_between(a: rel.M, b: rel.M) -> bool:
            k = bisect.bisect_left(starts, a.end)
            return any(o.end <= b.start for o in itertools.takewhile(lambda o: o.start < b.start,
                                                                  itertools.islice(by_start, k, None)))

        # (a namesake inside a library's name is no speaker: "заведующая отделом библиотеки имени Сабита
        # Муканова Анна Петрова")
        nested_persons = {(p.start, p.end) for p in persons if any(h.start <= p.start and p.end <= h.end for h in orgs)}
        for w in works:
            before = re.split(r"[,.;!?\n]", text[max(0, w.start - 40):w.start])[-1]  # "Author of «Y», X"
            for p in persons:
                if p.start < w.end and w.start < p.end:
                    continue  # a person named inside the title is no author by that
                a, b = (p, w) if p.end <= w.start else (w, p)
                gap = text[a.end:b.start]
                # a talk and its speaker, a post between: "X, head of …, spoke on “Y”", "С докладом «Y»
                # выступила заведующая отделом … X" (no other person between them)
                appositive = re.fullmatch(r",[^,.;!?\n]{3,120},\s*(.*)", gap, re.DOTALL) if a is p else None
                if b.start - a.end <= 160 and (p.start, p.end) not in nested_persons and not any(
                        a.end <= o.start and o.end <= b.start and (o.start, o.end) not in nested_persons
                        for o in persons) and (
                        appositive is not None and rel.own_book_phrase(appositive.group(1), False)
                        or a is w and rel.talk_first(text[max(0, w.start - 30):w.start], gap)):
                    add(w.iri, AUTHOR, p.iri)
                    continue
                if b.start - a.end > 80 or name_between(a, b):
                    continue  # far apart, or another name stands between them
                # a writer's book only when nothing follows its title ("… книгу «…» молодых авторов" is others')
                writer = rel.writer_before(text[max(0, p.start - 30):p.start]) \
                    and bool(re.match(r"[»”\"]?\s*(?:[,.;!?)]|$|и\b|and\b|мен\b)", text[w.end:w.end + 8]))
                if a is p and (rel.own_book_phrase(gap, writer)
                               or rel.possessive_author(text[p.start:p.end], gap)
                               or not gap.strip(" «“\"") and self.lang == "ru"
                               and rel.book_before_author(text[max(0, p.start - 60):p.start], text[p.start:p.end])
                               or not gap.strip(" «“\"") and rel.kk_talk_after(text[w.end:w.end + 40])) \
                        or rel.author_phrase(gap, with_by=a is w) or (
                        a is w and not gap.strip(" ,–—-«»“”\"") and rel.author_phrase(before, False)):
                    add(w.iri, AUTHOR, p.iri)  # "…, author of «Y»" / "Author of «Y», X"
        # "his novel «Y»", "Его роман «Y»", "оның «Y» романы": the person the sentence or the one before
        # it named last, where the pronoun can be theirs (not "её" of a man's name, nor "his" of a
        # woman's); titles listed after it are theirs too ("его романы «Ботагоз» и «Сырдарья»")
        # (a work the authority file gives an author to is that author's: "Оның «Абай жолы» романы"
        # after a librarian who spoke of Auezov is still Auezov's)
        authored = {t.subject.value for t in self.facts if t.predicate == AUTHOR} \
            | {w.iri for w in works if (e := self.a.get(w.iri)) is not None and e.authors}
        for w in works:
            if w.iri in authored:
                continue
            window = max(0, w.start - 60)
            m = _PRONOUN_BOOK.search(text[window:w.start])
            if m is None or not all(x in rel.AUTHOR_FILLERS for x in rel._words(m.group("kind"))):
                continue
            at = window + m.start("pronoun")
            k = max(0, bisect.bisect_right(sent_starts, at) - 1)
            since = sents[max(0, k - 1)][0]
            # (not a person named in the possessive: "Auezov met Abai's descendants. His novel …")
            before = [p for p in persons if since <= p.start and p.end <= at
                      and not _POSSESSIVE_S.match(text[p.end - 2:p.end + 2])]
            if before and _pronoun_fits(m.group("pronoun"), self._label_of(before[-1].iri)):
                add(w.iri, AUTHOR, before[-1].iri)
                authored.add(w.iri)
        for a, b in zip(works, works[1:]):
            listed = rules.TITLES_JOINED.fullmatch(text[a.end:b.start].strip("«»“”\""))
            # (not a title with a maker of its own after it: "«Кыз Жибек» (фильм Султана …)")
            if a.iri in authored and b.iri not in authored and listed and not _OWN_AUTHOR_AFTER.match(text, b.end):
                known = self.a.get(a.iri)
                for author in [t.object.value for t in self.facts if t.predicate == AUTHOR and t.subject.value == a.iri] \
                        + (known.authors if known is not None else []):
                    add(b.iri, AUTHOR, author)
                authored.add(b.iri)
        # a prize for a work goes to its author: "First place went to X … for her essay «Y»", "присудило
        # X за эссе «Y»" (the nearest person before it in its sentence, no other between)
        for w in works:
            if not _PRIZED_FOR.search(text[max(0, w.start - 40):w.start]):
                continue
            s = sents[max(0, bisect.bisect_right(sent_starts, w.start) - 1)]
            before = [p for p in persons if s[0] <= p.start and p.end <= w.start and w.start - p.end < 160]
            if before:
                add(w.iri, AUTHOR, before[-1].iri)
        # "Составители книги – A и B", "Compilers: A, B", "Құрастырушылар – A, B": a sentence that opens by
        # naming a book's compilers, the book being the work named last before it
        clauses = [p for s in sents for p in rel.parts(text, s)]  # (a sentence may end after a quote)

        def work_before(at: int) -> rel.M | None:
            """The work named last before ``at``, not far back: what "the book" of a sentence means."""
            return next((w for w in reversed(works) if w.end <= at and at - w.end < 800), None)

        for s in clauses:
            book = work_before(s[0]) if _COMPILERS.match(text, s[0]) else None
            if book is not None:
                for p in persons:
                    if s[0] <= p.start and p.end <= s[1] and (p.start, p.end) not in nested_persons:
                        add(book.iri, AUTHOR, p.iri)
        # "библиотеке было присвоено имя краеведа Николая Мезенцева", "the library was named after X",
        # "кітапханаға Сәбит Мұқановтың есімі берілді": the library its clause names (the report's own
        # where the clause names none) is named after the person the phrase names
        for s in clauses:
            given = _NAME_GIVEN.search(text, s[0], s[1])
            if given is None:
                continue
            if _NAMED_OTHER.search(text[s[0]:given.start()]):
                continue  # a street or a school is given the name, not the library
            libs = [o for o in orgs if o.kind == "library" and s[0] <= o.start < s[1]]
            first_lib = next((o for o in orgs if o.kind == "library"), None)
            lib = libs[0] if libs else (first_lib if first_lib is not None and re.search(
                r"библиотек|library|кітапхана", text[s[0]:given.end()], re.IGNORECASE) else None)
            # the person right after the phrase ("присвоено имя (краеведа) X"), or in Kazakh right before it
            after = [p for p in persons if given.end() <= p.start <= given.end() + 40 and p.start < s[1]
                     and (p.start, p.end) not in nested_persons]
            before = [p for p in persons if given.start() - 40 <= p.end <= given.start() and p.start >= s[0]
                      and (p.start, p.end) not in nested_persons]
            who = after[0] if after else before[-1] if before else None
            if lib is not None and who is not None:
                add(lib.iri, NAMED_AFTER, who.iri)
        # "Книга выпущена издательством «Димур» (Оренбург, 2018)", "The collection was published in 2021",
        # "Жинақ 2020 жылы жарық көрді": the year of the book named last before the sentence
        for s in clauses:
            published = _BOOK_PUBLISHED.match(text, s[0], s[1])
            if published is None:
                continue
            book = work_before(s[0])
            ne = self.new.get(book.iri) if book is not None else None
            if ne is not None and not any(p in (DATE_CREATED, DATE_PUBLISHED) for p, _ in ne.facts):
                ne.facts.append((DATE_PUBLISHED, _date_literal(published.group("year") or published.group("kk"))))
        # the author the authority file gives a work named in the same sentence: a writer whose book
        # is on show took no part ("visitors see … books by Olzhas Suleimenov, among them «Az i Ya»");
        # who made a report or presented a book of their own did
        for w in works:
            known = self.a.get(w.iri)
            if known is None or not known.authors:
                continue
            s = sents[max(0, bisect.bisect_right(sent_starts, w.start) - 1)]
            for p in persons:
                if p.iri in known.authors and s[0] <= p.start < s[1]:
                    authors_at.add((p.start, p.end))
        for ev_iri, a in took_part:
            if (a.start, a.end) not in authors_at:
                add(ev_iri, PARTICIPANT, a.iri)
        # "в сентябре библиотека вместе с … провела Дни …": "the library" on its own, as the subject
        # of a clause that holds an event, is the report's own library
        home_lib = next((o for o in orgs if o.kind == "library"), None)
        if home_lib is not None:
            for ev in events:
                clause = next((s for s in sents if s[0] <= ev.start < s[1]), None)
                if clause is None or home_lib.start >= clause[0] and home_lib.end <= clause[1]:
                    continue
                own_text = _outside(text[clause[0]:clause[1]], clause[0], inside[clause])  # names are not the bare word
                bare = _THE_LIBRARY.search(own_text)
                if bare is not None and bare.group().lower() == "кітапхана" and _KK_COMPOUND.search(own_text[:bare.start()]):
                    bare = None  # "мектеп кітапхана меңгерушілері": a school library's heads, no library acting
                if bare is None or not (rel.participation(own_text) or _HOLDS.search(own_text)) \
                        or home_lib.start >= ev.start:
                    continue
                at = clause[0] + bare.start()
                last = _acting_before(orgs, sents, text, at)
                between = text[min(at, ev.start):max(at, ev.end)]
                if last is not None and last.iri != home_lib.iri or re.search(r",\s+(?:а|но|while|but|ал)\s|;", between) \
                        or re.search(r"(?:ая|ой|ую|ская|ской)\s+$", text[max(0, at - 12):at]):
                    continue  # another library was named last, the event is another clause's, or "омская библиотека"
                add(ev.iri, PARTICIPANT, home_lib.iri)

            def take_part(ev_iri: str, *more: str) -> None:
                for who in (home_lib.iri, *more):
                    add(ev_iri, PARTICIPANT, who)

            self._home_takes_part(home_lib, events, orgs, family, text, sents, take_part)

        # the date a document was signed or adopted: "the agreement was signed on 8 June 2022",
        # "2023 жылы … келісімге қол қойылды" (the nearest date of its own sentence with that verb)
        for w in works:
            ne = self.new.get(w.iri)
            if ne is None or ne.cls not in SIGNED_KINDS or any(p in (DATE_CREATED, DATE_PUBLISHED) for p, _ in ne.facts):
                continue
            own = rel.narrow(text, sent_of(w.start), w.start, w.end)
            verb = rel.signed_at(text, own[0], own[1])
            if verb is None:
                continue
            # the date in the verb's own clause ("подписанного в 2019 году"), not one the sentence
            # opens with for something else; "for 2024–2026" inside the title is its term
            in_own = [dm for dm in dates if own[0] <= dm.start and dm.end <= own[1]
                      and not (w.start <= dm.start and dm.end <= w.end)
                      and "," not in text[min(dm.end, verb):max(dm.start, verb)]]
            if in_own:
                ne.facts.append((DATE_CREATED, _date_literal(min(in_own, key=lambda dm: abs(dm.start - verb)).value)))

        # project membership: listed participants, and sentences naming one project with a cue
        # "Participants of the project:" means the project its section is about: the one the
        # heading names, else the one named most since the previous list (the first of equals),
        # not simply the last one named, which is often a programme that funds it.
        main_project = (Counter(p.iri for p in projects if not self._is_programme(p.iri)).most_common(1)
                        or Counter(p.iri for p in projects).most_common(1))
        lists = rel.participant_lists(text, ms)
        section_start = 0
        for region in lists:
            heading = line_of(region[0])
            named = [p for p in projects if heading[0] <= p.start and p.end <= heading[1]]
            section = Counter(p.iri for p in projects if section_start <= p.start and p.end <= heading[0]
                              and not self._is_programme(p.iri))
            section_start = region[1]
            target = (named[0].iri if named else section.most_common(1)[0][0] if section
                      else main_project[0][0] if main_project else None)
            if target:
                for o in agents:  # (no one who died before the project's time is in it)
                    if region[0] <= o.start and o.end <= region[1] and (o.kind != "person" or lived_then(o.iri, target)):
                        add(o.iri, MEMBER_OF, target)
        # a sentence naming two projects is read clause by clause ("A продолжила работу в проекте «X»,
        # а B работает по программе «Y»": each library is in its own clause's project)
        member_spans: list[tuple[int, int]] = []
        for s in sents:
            if len({p.iri for p in inside[s] if p.kind == "project"}) < 2:
                member_spans.append(s)
                continue
            a = s[0]
            for cut in re.finditer(r",\s+(?:а|но|while|but|ал)\s", text[s[0]:s[1]]):
                member_spans.append((a, s[0] + cut.start()))
                a = s[0] + cut.end()
            member_spans.append((a, s[1]))
        inside_sents, inside = inside, rel.by_span(member_spans, ms)
        for s in member_spans:
            role = rel.project_role(text[s[0]:s[1]])  # "Кураторами программы остаются X и Y"
            if not rel.membership_cue(text[s[0]:s[1]]) and not role:
                continue
            ps = {p.iri for p in inside[s] if p.kind == "project"}
            if not ps and rel._has(text[s[0]:s[1]], rules.PROJECT_WORDS):
                before = [p for p in projects if p.end <= s[0] and s[0] - p.end < 1500]
                ps = {before[-1].iri} if before else set()
            bodies = {o.iri for o in inside[s] if o.kind in ("library", "organization")}
            if len(ps) >= 2 and len(bodies) == 1 and not rel.other_libraries(text[s[0]:s[1]]):
                # one library working in two projects: "в проекте «X» и в программе «Y»"
                (body,) = bodies
                for target in ps:
                    add(body, MEMBER_OF, target)
                continue
            if len(ps) != 1:
                continue
            target = ps.pop()
            # in a project's frame alone, a body that supports the event is no member of the project
            frame_only = not rel._has(text[s[0]:s[1]], rel.MEMBERSHIP_BESIDE_FRAMEWORK)
            for o in inside[s]:
                if o.kind in ("library", "organization") and not (
                        frame_only and getattr(self.new.get(o.iri), "cls", None) == "GovernmentBody"):
                    add(o.iri, MEMBER_OF, target)
                elif o.kind == "person" and role and lived_then(o.iri, target):
                    add(o.iri, MEMBER_OF, target)  # who curates or coordinates it is in it
            if not any(o.kind in ("library", "organization", "person") for o in inside[s]) and any(
                    p.kind == "project" for p in inside[s]) and rel._has(text[s[0]:s[1]], rel.FRAMEWORK_CUES) \
                    and not (rel.other_libraries(text[s[0]:s[1]]) and not self._home_named(inside[s], orgs)):
                # "The work was carried out within the project": no one named, the report's own
                # library did it; "…; the two libraries have been partners": both of them
                home_library = next((o for o in orgs if o.kind == "library"), None)
                if home_library is not None and home_library.start < s[0]:
                    add(home_library.iri, MEMBER_OF, target)
                    clause_end = text.find(".", s[1])  # a sentence split at ";" goes on
                    if rel.names_two_libraries(text[s[0]:clause_end if clause_end > 0 else len(text)]):
                        other = _first_across(home_library, orgs)
                        if other is not None:
                            add(other.iri, MEMBER_OF, target)
        inside = inside_sents
        # "Both libraries joined the project", "библиотеки двух городов … в рамках проекта",
        # "Омбы мен Павлодар кітапханалары … жобасы бойынша серіктес": a sentence naming no library
        # (read on its own, also where it ends after a closing quote) speaks of the report's library and
        # the first one across the border it names
        parted = [p for s in sents for p in rel.parts(text, s)]
        inside_parts = rel.by_span(parted, ms)
        for s in parted:
            if not rel.membership_cue(text[s[0]:s[1]]):
                continue
            ps = {p.iri for p in inside_parts[s] if p.kind == "project"}
            if len(ps) != 1:
                continue
            target = ps.pop()
            if not any(o.kind in ("library", "organization") for o in inside_parts[s]):
                pair = self._both_sides(inside_parts[s], orgs, s, text)
                if pair is not None:
                    for o in pair:
                        add(o.iri, MEMBER_OF, target)

        # partnerships across the border, stated in one sentence with an agreement/cooperation cue
        for s in sents:
            libs = [o for o in inside[s] if o.kind == "library"]
            # two or three libraries and a cue: a bilateral statement; a longer list is a roll of
            # signatories or members, which says nothing about who partners whom
            if not 2 <= len({o.iri for o in libs}) <= 3 or not (
                    rel._has(text[s[0]:s[1]], rel.PARTNERSHIP) or _acting_together(text, libs)
                    or rel.works_together(text[s[0]:s[1]])):
                continue
            for x in libs:
                for y in libs:
                    if x.iri < y.iri and x.country and y.country and x.country != y.country:
                        add(x.iri, PARTNER, y.iri)
                        add(y.iri, PARTNER, x.iri)
        # a document about one library's partners: the first library is the home side
        home = next((o for o in orgs if o.kind == "library"), None)
        if home is not None:
            # "she signed an agreement with the Kurgan library", "organised jointly with the Omsk
            # library": one library and a cue in a sentence name the home library's partner
            for s in sents:
                libs = {o.iri: o for o in inside[s] if o.kind == "library"}
                if len(libs) != 1:
                    continue
                (other,) = libs.values()
                if not (rel._has(text[s[0]:s[1]], rel.AGREEMENT) or rel.jointly(text, other.start, other.end)):
                    continue
                if other.country and home.country and other.country != home.country:
                    add(home.iri, PARTNER, other.iri)
                    add(other.iri, PARTNER, home.iri)
        if home is not None:
            # "Основными партнёрами библиотеки оставались A, B и C": every library across the border the
            # sentence names is a partner of the report's own
            for s in sents:
                at = rel.partners_of_the_library(text[s[0]:s[1]])
                if at is None or home.start >= s[1]:
                    continue
                # the libraries listed right after it, one after another ("A, B и C"), and no others
                pos, listed = s[0] + at, []
                for o in sorted((o for o in inside[s] if o.kind == "library" and o.start >= s[0] + at),
                                key=lambda o: o.start):
                    gap = text[pos:o.start]
                    if not (len(gap) <= 40 if not listed else re.fullmatch(r"\s*(?:,|и|and|мен|және)?\s*", gap)):
                        break
                    listed.append(o)
                    pos = o.end
                for o in listed:
                    if o.iri != home.iri and _across_border(home, o):
                        add(home.iri, PARTNER, o.iri)
                        add(o.iri, PARTNER, home.iri)
        if home is not None:
            # "the two libraries have been partners since 2019": a sentence that says so and names
            # no library speaks of the libraries of the towns it names, else of the home library and
            # the first one across the border the report names
            for s in sents:
                if any(o.kind == "library" for o in inside[s]) or not rel.partners_said(text[s[0]:s[1]]):
                    continue
                pair = self._both_sides(inside[s], orgs, s, text)
                if pair is not None:
                    add(pair[0].iri, PARTNER, pair[1].iri)
                    add(pair[1].iri, PARTNER, pair[0].iri)
            for region in lists:
                if not rel.partners_roll(text, region[0]):
                    continue
                for o in orgs:
                    if o.kind == "library" and region[0] <= o.start <= region[1] and _across_border(home, o):
                        add(home.iri, PARTNER, o.iri)
                        add(o.iri, PARTNER, home.iri)

    def _add(self, s: str, p: ox.NamedNode, o: str) -> None:
        if s == o:
            return
        t = ox.Triple(ox.NamedNode(s), p, ox.NamedNode(o))
        if t not in self.facts:
            self.facts.append(t)

    # --- RDF ----------------------------------------------------------------------------
    def triples(self, ps: list[Passage]) -> list[ox.Triple]:
        g = self.ex.graphs
        d = self.d
        work = g.work(d.name)
        T = ox.Triple
        out: list[ox.Triple] = [
            T(work, RDF.type, SDO.CreativeWork),
            T(work, RDF.type, SHK.Document),
            T(work, SDO.identifier, ox.Literal(d.name)),
            T(work, SDO.name, ox.Literal(d.title or d.name)),
            T(work, RDFS.label, ox.Literal(d.title or d.name, language=self.lang)),
            T(work, SDO.inLanguage, ox.Literal(self.lang)),
            T(work, SDO.text, ox.Literal(d.text)),
            T(work, SHK.contentHash, ox.Literal(d.content_hash)),
            T(work, SDO.encodingFormat, ox.Literal(d.media_type)),
        ]
        for lang in sorted({p.lang for p in ps}):
            out.append(T(work, SHK.languages, ox.Literal(lang)))
        for iri in sorted({m.iri for m in self.mentions}):
            out.append(T(work, SDO.mentions, ox.NamedNode(iri)))
        for ne in self.new.values():
            s = ox.NamedNode(ne.iri)
            schema, own = KINDS[ne.kind]
            out.append(T(s, RDF.type, SDO[schema]))
            out.append(T(s, RDF.type, SHK[ne.cls or own]))
            if ne.cls and ne.cls != own:
                out.append(T(s, RDF.type, SHK[own]))
            seen_lang: set[str] = set()
            for name, lang in ne.names:
                lit = ox.Literal(name, language=lang)
                out.append(T(s, RDFS.label, lit))
                if lang not in seen_lang:
                    out.append(T(s, SKOS.prefLabel, lit))
                    seen_lang.add(lang)
                else:
                    out.append(T(s, SKOS.altLabel, lit))
            for p, o in ne.facts:
                out.append(T(s, p, o))
        out += self.facts
        for n, m in enumerate(self.mentions, 1):
            a = ox.NamedNode(f"{work.value}#mention-{n}")
            tgt = ox.BlankNode()
            q, pos = ox.BlankNode(), ox.BlankNode()
            exact = self.text[m.start:m.end]
            out += [
                T(a, RDF.type, OA.Annotation),
                T(a, OA.motivatedBy, OA.identifying),
                T(a, OA.hasBody, ox.NamedNode(m.iri)),
                T(a, OA.hasTarget, tgt),
                T(tgt, OA.hasSource, work),
                T(tgt, OA.hasSelector, q),
                T(q, RDF.type, OA.TextQuoteSelector),
                T(q, OA.exact, ox.Literal(exact)),
                T(q, OA.prefix, ox.Literal(self.text[max(0, m.start - 32):m.start])),
                T(q, OA.suffix, ox.Literal(self.text[m.end:m.end + 32])),
                T(tgt, OA.hasSelector, pos),
                T(pos, RDF.type, OA.TextPositionSelector),
                T(pos, OA.start, ox.Literal(str(m.start), datatype=XSD.integer)),
                T(pos, OA.end, ox.Literal(str(m.end), datatype=XSD.integer)),
                T(a, SHK.extractionMethod, ox.Literal(m.method)),
                T(a, SHK.confidence, ox.Literal(f"{m.confidence:.2f}", datatype=XSD.decimal)),
                T(a, SHK.language, ox.Literal(m.lang)),
            ]
            if self.ex.run_iri:
                out.append(T(a, PROV.wasGeneratedBy, ox.NamedNode(self.ex.run_iri)))
        return out


# A calendar item's lead: its day (a range too), a comma, where ("Омск", "Омск – Павлодар", "онлайн"),
# a full stop, then what happens: "5 октября, Омск. В главном здании …", "07.10.2021, Павлодар. Семинар …"
_CALENDAR_LEAD = re.compile(r"[ \t]*(?P<date>\d{1,2}(?:[.\d]{3,8}|(?:\s*[-–—]\s*\d{1,2})?\s+[^\W\d_]{3,12}"
                            r"(?:\s+\d{4}(?:\s*(?:г\.|года|жылы|ж\.))?)?)),[ \t]*"
                            r"(?:г\.\s*)?(?P<where>[^\W\d_][^.,;:\n]{1,40}?)\.[ \t]+(?=\S)")
# A Kazakh place followed by the word for its kind, written as where something stands ("Булаево
# қаласындағы"; the place itself so: rules.KK_WHERE)
_KK_TOWN_WHERE = re.compile(r"\s+(?:қаласындағы|ауылындағы|кентіндегі|селосындағы|поселкесіндегі)\s+")
# The only words a dateline may have between its town and its date ("Павлодар қ., 2016 жылғы …").
_DATELINE_WORDS = frozenset(("г", "гг", "ж", "года", "жыл", "жылы", "жылғы", "қ", "қаласы", "city"))
_KK_LOCATIVE = re.compile(f"({kk_cases.alternatives(kk_cases.LOCATIVE)})$")
_KK_DATIVE = re.compile(f"({kk_cases.alternatives(kk_cases.DATIVE)})$")
# Where people went on to, a Kazakh dative before a verb of leaving: "Өскеменге аттанды", "Омбыға қайтты"
_KK_GONE_TO = re.compile(r"\s+(?:аттанды|жол\s+тартты|қайтты|кетті)(?![\wәіңғүұқөһ])")  # (not "аттанған", "қайта")
_KK_ABLATIVE = re.compile(f"({kk_cases.alternatives(kk_cases.ABLATIVE)})$")
_KK_PLACE_ABLATIVE = re.compile(r"\s*(қаласынан|облысынан|ауданынан|ауылынан|өңірінен)")
_CITY_AFTER = re.compile(r"\s*(қ\.|қаласы|қаласында|city|town|village|ауылы)", re.IGNORECASE)
# (a village where something is: "в селе", "в посёлке", "the village of X hosted"; not whose people
# come: "уроженца села", "школы посёлка", "from the village of")
_CITY_BEFORE = re.compile(r"(г\.|город[а-я]*|с\.|пос\.|(?<![а-яё])(?:селе|село|посёлке|поселке)|city of|town of|"
                          r"(?<!from the )(?<!of the )village of)\s*$", re.IGNORECASE)


# An imprint's town and publisher, before its year: "Омск: Омскбланкиздат, " (in "(Омск: Омскбланкиздат, 2018)")
_IMPRINT_BEFORE_YEAR = r"[^\W\d_][^()\n:]{0,30}:\s*[^()\n]{1,60},\s*"
# A year in brackets after a title, a translation of it first ("«Қара беттер» («Черноликие», 1927)"), or
# a participle of publishing or writing after it
_WORK_YEAR_AFTER = re.compile(
    r"[\"»”]?\s*(?:\(\s*(?:[\"«“][^\"»”()\n]{1,80}[\"»”]\s*,\s*|" + _IMPRINT_BEFORE_YEAR + r")?"
    r"(?P<y>1[5-9]\d\d|20\d\d)(?:\s*(?:г\.|ж\.))?\s*\)"
    # (a translation of the title in brackets first; the publisher between: "вышедший в издательстве
    # «ЭКО» в 2021 году", "published by Foliant in 2021")
    r"|(?:\s*\([\"«“][^\"»”()\n]{1,80}[\"»”]\))?,\s*(?P<verb>вышедш\w*|изданн\w*|опубликованн\w*|написанн\w*|published"
    r"|written)(?:\s+(?:в\s+издательстве|by)\s+(?:[\"«“][^\"»”\n]{1,40}[\"»”]|[^\W\d_][\w-]*))?\s+(?:в|in)\s+"
    r"(?P<y2>1[5-9]\d\d|20\d\d)(?![\d-]))")  # (not a decade: "в 1990-х годах")
# A book's imprint in brackets, its town, publisher and year ("(Омск: Омскбланкиздат, 2018)"): the
# year dates the book, not the event that presents it
_IMPRINT = re.compile(r"\(\s*" + _IMPRINT_BEFORE_YEAR + r"(?:1[5-9]\d\d|20\d\d)(?:\s*г\.)?\s*\)")


# "в 2011 году вышел их совместный указатель «…»", "In 2019 the libraries published the collection “…”":
# the year a book came out, in the clause that ends with its title
_CAME_OUT_BEFORE_TITLE = re.compile(
    r"(?:(?<![^\W\d_])[Вв]\s+(?P<year>(?:1[89]|20)\d\d)\s+году\s+(?:вышл?[аои]?|был[аои]?\s+издан[аоы]?|издан[аоы]?|"
    r"опубликован[аоы]?)|\b[Ii]n\s+(?P<en>(?:1[89]|20)\d\d),?\s+(?:[\w-]+\s+){0,3}?(?:published|released|issued))"
    r"[^.!?;«»“”\"\n]{0,60}[«“\"]?$")
# "1914 жылы жазылған «…»": the year of writing or publishing right before the title
_KK_MADE_BEFORE_TITLE = re.compile(rel.KK_MADE_IN_YEAR.pattern + r"\s*[\"«“]?\s*$")


def _work_year(text: str, start: int, end: int) -> tuple[str, ox.NamedNode] | None:
    """The year a work's title is written with, and whether it was made or published then."""
    m = _WORK_YEAR_AFTER.match(text, end)
    if m is not None and m.group("y"):
        return m.group("y"), DATE_PUBLISHED
    if m is not None:
        made = m.group("verb").lower().startswith(("напис", "writ"))
        return m.group("y2"), DATE_CREATED if made else DATE_PUBLISHED
    before = _KK_MADE_BEFORE_TITLE.search(text, max(0, start - 48), start)
    if before is not None:
        made = before.group("verb").startswith(("жазыл", "салын", "түсіріл"))
        return before.group("year"), DATE_CREATED if made else DATE_PUBLISHED
    came_out = _CAME_OUT_BEFORE_TITLE.search(text, max(0, start - 120), start)
    if came_out is not None:
        return came_out.group("year") or came_out.group("en"), DATE_PUBLISHED
    return None


def _date_literal(value: str) -> ox.Literal:
    dt = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value), XSD.string)
    return ox.Literal(value, datatype=dt)
