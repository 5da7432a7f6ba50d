"""Towns the authority file does not list, recognised by their GeoNames names.

A report names a hero's birthplace ("from Engels"), a writer's prison ("в Берлине"), a district
town ("Зайсанда"): places the authority file has no entry for. ``data/geonames/places.tsv``
(written by ``scripts/geonames_places.py`` from GeoNames, CC BY 4.0) gives ~3700 of them a kk, ru
and en name, a country, coordinates and its GeoNames division, which the authority towns on the
table make one of the authority's regions. A town's name is also a surname, a first name, a word or
part of a longer name far more often than an authority region's is, so a name counts as a place
only where the sentence places something there (:func:`_placed`): after "in", "from", "в", "из",
"под"; with a Kazakh locative ("Зайсанда"), or an ablative before a verb of coming ("Зайсаннан
келді"); in a list or a dash pair with a place of the authority file; or beside a word for a town.
pymorphy3's dictionary must know the word (or the town's Russian name) as a place name; a town
under 150 000 people that it also knows as a person's name ("Чехов", "Михайлов") needs a word for a
town or such a list ("в Чехове" is mostly the writer). Never as a sentence's first word (Kazakh
capitalises "Шара", "Сапар", "Мамыр" there), nor a name shaped like an adjective ("Центральный").
The authority file always wins: a town it knows (by any name, or standing within 3 km of one of
its places) is left out, and a name overlapping any authority match is never read here.
"""
from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from os.path import commonprefix
from pathlib import Path

from . import kk_cases, morph
from .authority import Authority, Entry
from .gazetteer import Gazetteer, Match
from .keys import fold, slugify
from .rules import _LIST_AND as _LIST_WORDS, Candidate, _sentence_initial
from .tokens import Tok, tokenize
from .vocab import SHK

TABLE = Path(__file__).resolve().parent.parent / "data" / "geonames" / "places.tsv"
METHOD = "geonames"
CONFIDENCE = 0.65  # over a rule's guess at the same span ("Энгельс қаласы"): the known town
NEAR_KM = 3.0
PERSON_TOWN_MAX = 150_000  # a town this large is named for itself more often than as a person

# Words after which a capitalised name is where something is, from or goes (folded).
_PLACE_BEFORE = {
    "en": frozenset(fold(w) for w in ("in", "from", "to", "near", "around")),
    "ru": frozenset(fold(w) for w in ("в", "во", "из", "под", "до", "около", "близ", "возле")),
    "kk": frozenset(),
}
# Words for a town after its name: Kazakh with the possessive ("Зайсан қаласы", "қаласында"; not
# "қалалық", "қалаға": a person goes to town), English as whole words; "город" before it.
_KK_TOWN_AFTER = tuple(fold(w) for w in ("қаласы", "ауылы", "кенті"))
_EN_TOWN_AFTER = frozenset(fold(w) for w in ("city", "town", "village"))
_TOWN_BEFORE = frozenset(fold(w) for w in ("город", "города", "городе", "городом", "городу", "city", "town"))
# A Kazakh name + "in" (Зайсанда, Берлинде, Зайсандағы), folded; "from" (Зайсаннан) only before a
# verb of coming: a person is "from" as often ("Жәнібектен хат алды"), and takes the genitive and
# dative as often ("Жәлилдің", "Жәлилге").
_KK_IN = frozenset(fold(e) for e in kk_cases.LOCATIVE + kk_cases.ATTRIBUTIVE_LOCATIVE)
_KK_FROM = frozenset(fold(e) for e in kk_cases.ABLATIVE)
_KK_COMING = tuple(fold(w) for w in ("кел", "орал", "қайт", "жет"))
_ADJECTIVE = re.compile(r"(ый|ий|ой|ая|ое|ые|ие|ее|ья|ье|yy|iy|oy|aya|oye|skiye|skoye)$", re.IGNORECASE)
_RU_ADJECTIVE_FORM = re.compile(r"(ая|ый|ий|ое|ые|ие|ого|ому|ую|ых|ими|ым|[сц]к(ой|ом))$", re.IGNORECASE)
# Kinds written in the plural after a list of names that are not towns: "Мамлют, Қызылжар және Есіл
# аудандары", "Gagarin and Kurchatov streets", "Irtysh and Tobol rivers"
_NOT_TOWNS_PLURAL = tuple(fold(w) for w in (
    "аудандар", "районов", "районах", "районы", "облыстар", "областей", "districts", "regions",
    "көшелер", "улиц", "улицы", "streets", "өзендер", "рек", "реки", "rivers", "теңіздер", "морей", "seas",
    "көлдер", "озёр", "озер", "lakes"))
_VOWELS = frozenset("aeiouy")
# What joins the items of a list of places: marks between them, or words (rules' "и", "and", "мен" …)
_LIST_MARKS = frozenset({",", "–", "—", "-", "/"})


@dataclass(frozen=True)
class GeoPlace:
    geonameid: int
    country: str          # ISO 3166 code
    country_name: str     # GeoNames' English name of the country (the authority file's label of it)
    admin1: str           # GeoNames' code of its first-level division (oblast, krai, republic)
    lat: str
    long: str
    population: int
    en: tuple[str, ...]
    ru: tuple[str, ...]
    kk: tuple[str, ...]

    @property
    def iri(self) -> str:
        return f"https://sws.geonames.org/{self.geonameid}/"

    @property
    def slug(self) -> str:
        """The minted slug: readable, and one per GeoNames place on every machine."""
        return f"{slugify(self.en[0], 60)}-gn{self.geonameid}"

    def labels(self) -> list[tuple[str, str]]:
        """The preferred name in each language (Kazakh writes a Russian town's Russian name)."""
        return [(self.en[0], "en"), (self.ru[0], "ru"), ((self.kk or self.ru)[0], "kk")]

    def label(self, lang: str) -> str:
        return {lg: name for name, lg in self.labels()}.get(lang, self.en[0])


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _read(path: Path) -> list[GeoPlace]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    split = (lambda v: tuple(x for x in v.split("|") if x))  # noqa: E731
    return [GeoPlace(int(r["geonameid"]), r["country"], r["country_name"], r["admin1"], r["lat"], r["long"],
                     int(r["population"]),
                     split(r["en"]), split(r["ru"]), split(r["kk"])) for r in rows]


class GeoPlaces:
    """The GeoNames towns the authority file leaves out, and where a text names one of them."""

    def __init__(self, authority: Authority, path: Path = TABLE):
        known_names, known_points = self._authority_places(authority)
        self.countries = {e.label("en"): e.iri for e in authority.entries.values() if e.is_country}
        self.places: dict[str, GeoPlace] = {}
        entries: dict[str, Entry] = {}
        # which authority region each GeoNames division is, by the authority towns standing on a
        # row of the table: {(country, admin1): Counter(region IRI)}
        votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for p in _read(path) if path.exists() else []:
            if p.country_name not in self.countries:
                continue  # a town is described with its country (wdt:P17): only those of the countries known
            names = [*p.en, *p.ru, *p.kk]
            near = [region for la, lo, region in known_points if _km(float(p.lat), float(p.long), la, lo) < NEAR_KM]
            if p.admin1:
                votes[p.country, p.admin1].update(r for r in near if r)
            if near or any(fold(n) in known_names for n in names):
                continue  # the authority file's own (another name of it, or the same spot)
            key = f"geonames:{p.geonameid}"
            self.places[key] = p
            # a Russian name is matched with Kazakh endings too: Kazakh often writes a town's Russian
            # name ("Зайсанда" beside "Зәйсән")
            entries[key] = Entry(key, "place", names=[(n, "en") for n in p.en] + [(n, "") for n in p.ru]
                                 + [(n, "kk") for n in p.kk])
        # a division is a region where most of the authority towns on it say so (a town the authority
        # file puts in the neighbouring region, at the border, is outvoted)
        self.regions = {code: region for code, c in votes.items()
                        for region, n in c.most_common(1) if 2 * n > sum(c.values())}
        self.gazetteer = Gazetteer(Authority(entries, authority.base_iri))

    @staticmethod
    def _authority_places(authority: Authority) -> tuple[set[str], list[tuple[float, float, str | None]]]:
        """The folded names of the authority's places, and their points with the region each lies in."""
        region_type = SHK.iri("Region")
        names: set[str] = set()
        points: list[tuple[float, float, str | None]] = []
        for e in authority.entries.values():
            if e.kind != "place":
                continue
            names.update(fold(n) for n, _ in e.names)
            if e.point is not None:
                region = next((up for up in authority.ancestors(e.iri)
                               if region_type in getattr(authority.get(up), "types", ())), None)
                points.append((*e.point, region))
        return names, points

    def country_iri(self, place: GeoPlace) -> str | None:
        return self.countries.get(place.country_name)

    def region_iri(self, place: GeoPlace) -> str | None:
        """The authority region a town lies in, where its GeoNames division is one."""
        return self.regions.get((place.country, place.admin1))

    def find(self, text: str, toks: list[Tok], lang: str, authority_matches: list[Match]) -> list[Candidate]:
        """Candidates for the towns named in ``text`` where the sentence places something there."""
        taken = [(m.start, m.end) for m in authority_matches]
        places = {m.first for m in authority_matches if m.entry.kind == "place"} \
            | {m.last - 1 for m in authority_matches if m.entry.kind == "place"}
        # a town's name begins with a capital (and is no abbreviation): only there is it looked up
        starts = [i for i, t in enumerate(toks) if t.capitalized and not t.text.isupper()]
        # (a list vouches for a town by the authority's places in it: two surnames, two first names
        # or two rivers that GeoNames also knows as towns do not make each other towns)
        hits = [m for m in self.gazetteer.find(text, lang, toks, starts)
                if not any(m.start < b and a < m.end for a, b in taken)]
        best: dict[tuple[int, int], GeoPlace] = {}  # one town per span: of namesakes, the largest
        for m in hits:
            p = self.places[m.entry.iri]
            if not _form_ok(toks, m, lang) or not _placed(text, toks, m, lang, places, p):
                continue
            if (m.start, m.end) not in best or _rank(p) > _rank(best[m.start, m.end]):
                best[m.start, m.end] = p
        return [Candidate("place", a, b, METHOD, CONFIDENCE, cls="City", label=p.label(lang), extra={"geo": p})
                for (a, b), p in sorted(best.items())]

    def named(self, name: str, lang: str) -> GeoPlace | None:
        """The town a marked name gives ("the village of Zhanibek", "Зайсан қаласы"): the word for
        a town already says it is one, so no more context is asked; the largest of namesakes."""
        toks = tokenize(name)
        found = [m for m in self.gazetteer.find(name, lang, toks) if m.start == 0 and _form_ok(toks, m, lang)
                 and not any(t.capitalized for t in toks[m.last:])]
        places = [self.places[m.entry.iri] for m in found]
        return max(places, key=_rank) if places else None


def _rank(p: GeoPlace) -> tuple[bool, int]:
    """Of namesakes, a town of the two countries first ("Ақсу" in a report is Pavlodar's, not
    Xinjiang's larger Aksu), then the largest."""
    return p.country in ("KZ", "RU"), p.population


def _gap(text: str, a: Tok, b: Tok) -> str:
    return text[a.end:b.start]


def _form_ok(toks: list[Tok], m: Match, lang: str) -> bool:
    """The words are the name itself: in Kazakh the name exactly, or with a locative ending (an
    ablative too, checked in :func:`_placed`); in Russian the name with a case ending that changes at
    most its last vowel ("Тамбова" is Тамбов's, not Тамбовка's); never a name shaped like an
    adjective, nor a Russian adjective made from a name."""
    if _ADJECTIVE.search(m.name) and m.last - m.first == 1:
        return False
    if m.exact:
        return True
    if m.last - m.first != 1:
        return False
    word, name = toks[m.first].key, fold(m.name)
    if lang == "kk":
        return _kk_tail(word, name) is not None
    if lang == "ru" and _RU_ADJECTIVE_FORM.search(toks[m.first].text):
        return False  # "Володарская центральная библиотека" is no case of Володарск
    common = len(commonprefix([word, name]))
    return common == len(name) or common == len(name) - 1 and name[-1] in _VOWELS


def _kk_tail(word: str, name: str) -> str | None:
    """"in" or "from" where ``word`` is ``name`` with a Kazakh locative or ablative ending, else None
    (the fold writes a doubled letter once: "Зайсаннан" is "zaisanan")."""
    if not word.startswith(name):
        return None
    tail = word[len(name):]
    for t in (tail, name[-1:] + tail):
        if t in _KK_IN:
            return "in"
        if t in _KK_FROM:
            return "from"
    return None


def _ru_reading(word: str) -> tuple[bool, bool]:
    """(a town, a person's name) by pymorphy3's dictionary of Russian: "Тамбова" only a town,
    "Чехове" both, "Надежде" and "Маркса" only a person, "Дружбе" neither."""
    tags = {t for p in morph.analyser().parse(word) for t in ("Geox", "Name", "Surn", "Patr") if t in p.tag}
    return "Geox" in tags, bool(tags & {"Name", "Surn", "Patr"})


def _placed(text: str, toks: list[Tok], m: Match, lang: str, places: set[int], place: GeoPlace) -> bool:
    """The sentence puts something at the town ``m`` names (see the module's docstring); a
    capitalised word right before or after it makes it part of a longer name ("Friedrich Engels",
    "the Berlin Wall"), initials before it a person's ("А. Энгельс")."""
    first, last = toks[m.first], toks[m.last - 1]  # (capitalised: :meth:`GeoPlaces.find` looks only there)
    if len(text[m.start:m.end]) < 4:
        return False
    prev = toks[m.first - 1] if m.first > 0 else None
    nxt = toks[m.last] if m.last < len(toks) else None
    gap = _gap(text, prev, first) if prev is not None else ""
    if prev is not None and (gap == " " and prev.capitalized and not _sentence_initial(text, prev.start)
                             or gap in (". ", ".") and prev.is_upper_initial):
        return False
    if nxt is not None and _gap(text, last, nxt) == " " and nxt.capitalized:
        return False
    if _not_towns_list(toks, m):
        return False
    # "г. Энгельс" (the abbreviation's full stop is no sentence's end), but not "в 1955 г. Анна": a year's
    town_abbreviation = prev is not None and prev.key == "g" and gap == ". " \
        and not re.search(r"\d\s*$", text[:prev.start])
    after_word = prev is not None and gap == " "
    town_word = (nxt is not None and _gap(text, last, nxt) == " "
                 and (nxt.key.startswith(_KK_TOWN_AFTER) if lang == "kk" else nxt.key in _EN_TOWN_AFTER)
                 or after_word and prev.key in _TOWN_BEFORE or town_abbreviation)
    if town_word:
        return True
    if _sentence_initial(text, first.start):
        return False
    if lang == "ru":
        town, person = _ru_reading(toks[m.first].text)
    else:  # the town's Russian names: a town if one is, a person's name only if none is a town's alone
        readings = [_ru_reading(n) for n in place.ru]  # ("Торгай" reads as a name, "Тургай" as a town)
        town = any(t for t, _ in readings)
        person = not any(t and not p for t, p in readings)
    if not town:
        return False  # "в Надежде", "из Маркса", "в Дружбе народов": no town to the dictionary
    if person and place.population < PERSON_TOWN_MAX:
        return _listed(text, toks, m, places)  # "в Чехове" is mostly the writer; "в Иванове" the city
    if lang == "kk" and not m.exact:
        tail = _kk_tail(toks[m.first].key, fold(m.name))
        return tail == "in" or tail == "from" and nxt is not None and nxt.key.startswith(_KK_COMING)
    if after_word and prev.key in _PLACE_BEFORE.get(lang, ()):
        return True
    return _listed(text, toks, m, places)


def _not_towns_list(toks: list[Tok], m: Match) -> bool:
    """``m`` is one of a list of names before a plural kind that is no town's ("Мамлют, Қызылжар
    және Есіл аудандары", "Gagarin and Kurchatov streets", "the Irtysh and Tobol rivers")."""
    for t in toks[m.last:m.last + 5]:
        if t.key.startswith(_NOT_TOWNS_PLURAL):
            return True
        if not (t.capitalized or t.key in _LIST_WORDS):
            return False
    return False


def _listed(text: str, toks: list[Tok], m: Match, places: set[int]) -> bool:
    """``m`` stands in a list or a dash pair with another place: "Saratov, Engels and Atyrau"."""
    def glue(a: Tok, b: Tok) -> bool:
        return _gap(text, a, b).strip() in _LIST_MARKS

    before = m.first - 1
    if before >= 0 and before in places and glue(toks[before], toks[m.first]):
        return True
    if before >= 1 and toks[before].key in _LIST_WORDS and (before - 1) in places:
        return True
    after = m.last
    if after < len(toks) and after in places and glue(toks[m.last - 1], toks[after]):
        return True
    return after + 1 < len(toks) and toks[after].key in _LIST_WORDS and (after + 1) in places

