"""Towns the authority file does not list, recognised by their GeoNames names.

A report names a hero's birthplace ("from Engels"), a writer's prison ("в Берлине"), a district
town ("Зайсанда"): places the authority file has no entry for. ``data/geonames/places.tsv``
(written by ``scripts/geonames_places.py`` from GeoNames, CC BY 4.0) gives ~4700 of them a kk, ru
and en name, a country and coordinates. A town's name is also a surname, a word or part of a longer
name far more often than an authority region's is, so a name counts as a place only where the
sentence places something there (:func:`_placed`): after "in", "from", "в", "из", "под"; with a
Kazakh locative or ablative ending ("Зайсанда", "Берлиннен"); in a list or a dash pair with a
place; or beside a word for a town. Never as a sentence's first word (Kazakh capitalises "Шара",
"Сапар", "Мамыр" there), never a name shaped like an adjective ("Центральный"), and a town under
half a million whose name is shaped like a surname ("Чехов", "Потанино") only beside a word for a
town, in a list of places or with a Kazakh locative or ablative ("в Чехове" is mostly the writer). The
authority file always wins: a town it knows (by any name, or standing within 3 km of one of its
places) is left out of this table, and a name overlapping any authority match is never read here.
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

from . import kk_cases
from .authority import Authority, Entry
from .gazetteer import Gazetteer, Match
from .keys import fold, slugify
from .rules import Candidate, _sentence_initial
from .tokens import Tok, tokenize

TABLE = Path(__file__).resolve().parent.parent / "data" / "geonames" / "places.tsv"
METHOD = "geonames"
CONFIDENCE = 0.65  # over a rule's guess at the same span ("Энгельс қаласы"): the known town
NEAR_KM = 3.0
SURNAME_TOWN_MAX = 500_000  # a town this large is named for itself, not as a person is

# Words after which a capitalised name is where something is, from or goes (folded).
_PLACE_BEFORE = {
    "en": frozenset(fold(w) for w in ("in", "from", "to", "near", "around")),
    "ru": frozenset(fold(w) for w in ("в", "во", "из", "под", "до", "около", "близ", "возле")),
    "kk": frozenset(),
}
# Words for a town after its name ("Зайсан қаласы", "город Энгельс" is the kind before).
_TOWN_AFTER = tuple(fold(w) for w in ("қала", "ауыл", "кент", "город", "city", "town", "village"))
_TOWN_BEFORE = frozenset(fold(w) for w in ("город", "города", "городе", "городом", "городу", "city", "town"))
# A Kazakh name + "in"/"from" (Зайсанда, Берлиннен, Астанадан), folded; the genitive and dative
# are left out: a person takes them as often ("Жәлилдің", "Жәлилге").
_KK_WHERE = tuple(sorted({fold(e) for e in kk_cases.LOCATIVE + kk_cases.ABLATIVE + kk_cases.ATTRIBUTIVE_LOCATIVE},
                         key=len, reverse=True))
_ADJECTIVE = re.compile(r"(ый|ий|ой|ая|ое|ые|ие|ее|ья|ье|yy|iy|oy|aya|oye|skiye|skoye)$", re.IGNORECASE)
_RU_ADJECTIVE_FORM = re.compile(r"(ая|ый|ий|ое|ые|ие|ого|ому|ую|ых|ими|ым|[сц]к(ой|ом))$", re.IGNORECASE)
_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ово|ево|ино|ына|ова|ева|ина|ov|ev|in|yn|ovo|evo|ino|ova|eva|ina)$",
                      re.IGNORECASE)
_AREA_PLURAL = tuple(fold(w) for w in ("аудандар", "районов", "районах", "районы", "облыстар", "областей", "districts",
                                         "regions"))
# What joins the items of a list of places: marks between them, or words (folded)
_LIST_MARKS = frozenset({",", "–", "—", "-", "/"})
_LIST_WORDS = frozenset(fold(w) for w in ("и", "and", "мен", "және", "бен", "пен"))


@dataclass(frozen=True)
class GeoPlace:
    geonameid: int
    country: str          # ISO 3166 code
    country_name: str     # GeoNames' English name of the country (the authority file's label of it)
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
    return [GeoPlace(int(r["geonameid"]), r["country"], r["country_name"], r["lat"], r["long"], int(r["population"]),
                     split(r["en"]), split(r["ru"]), split(r["kk"])) for r in rows]


class GeoPlaces:
    """The GeoNames towns the authority file leaves out, and where a text names one of them."""

    def __init__(self, authority: Authority, path: Path = TABLE):
        self.authority = authority
        known_names, known_points = self._authority_places(authority)
        self.countries = {e.label("en"): e.iri for e in authority.entries.values() if e.is_country}
        self.places: dict[str, GeoPlace] = {}
        entries: dict[str, Entry] = {}
        for p in _read(path) if path.exists() else []:
            if p.country_name not in self.countries:
                continue  # a town is described with its country (wdt:P17): only those of the countries known
            names = [*p.en, *p.ru, *p.kk]
            if any(fold(n) in known_names for n in names) or any(
                    _km(float(p.lat), float(p.long), la, lo) < NEAR_KM for la, lo in known_points):
                continue  # the authority file's own (another name of it, or the same spot)
            key = f"geonames:{p.geonameid}"
            self.places[key] = p
            # a Russian name is matched with Kazakh endings too: Kazakh often writes a town's Russian
            # name ("Зайсанда" beside "Зәйсән")
            entries[key] = Entry(key, "place", names=[(n, "en") for n in p.en] + [(n, "") for n in p.ru]
                                 + [(n, "kk") for n in p.kk])
        self.gazetteer = Gazetteer(Authority(entries, authority.base_iri))

    @staticmethod
    def _authority_places(authority: Authority) -> tuple[set[str], list[tuple[float, float]]]:
        names: set[str] = set()
        points: list[tuple[float, float]] = []
        for e in authority.entries.values():
            if e.kind != "place":
                continue
            names.update(fold(n) for n, _ in e.names)
            if e.point is not None:
                points.append(e.point)
        return names, points

    def country_iri(self, place: GeoPlace) -> str | None:
        return self.countries.get(place.country_name)

    def find(self, text: str, toks: list[Tok], lang: str, authority_matches: list[Match]) -> list[Candidate]:
        """Candidates for the towns named in ``text`` where the sentence places something there."""
        taken = [(m.start, m.end) for m in authority_matches]
        places = {m.first for m in authority_matches if m.entry.kind == "place"} \
            | {m.last - 1 for m in authority_matches if m.entry.kind == "place"}
        # a town's name begins with a capital (and is no abbreviation): only there is it looked up
        starts = [i for i, t in enumerate(toks) if t.capitalized and not t.text.isupper()]
        hits = [m for m in self.gazetteer.find(text, lang, toks, starts)
                if not any(m.start < b and a < m.end for a, b in taken)]
        places |= {m.first for m in hits} | {m.last - 1 for m in hits}
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
    """The words are the name itself: in Kazakh the name exactly, or with a locative or ablative
    ending; never a name shaped like an adjective, nor a Russian adjective made from a name."""
    if _ADJECTIVE.search(m.name) and m.last - m.first == 1:
        return False
    if lang == "ru" and not m.exact and _RU_ADJECTIVE_FORM.search(toks[m.last - 1].text) \
            and not _ADJECTIVE.search(m.name):
        return False  # "Володарская центральная библиотека" is no case of Володарск
    if lang != "kk" or m.exact:
        return True
    if m.last - m.first != 1:
        return False
    word, name = toks[m.first].key, fold(m.name)
    return word.startswith(name) and word[len(name):] in _KK_WHERE


def _placed(text: str, toks: list[Tok], m: Match, lang: str, places: set[int], place: GeoPlace) -> bool:
    """The sentence puts something at the town ``m`` names (see the module's docstring); a
    capitalised word right before or after it makes it part of a longer name ("Friedrich Engels",
    "the Berlin Wall"), initials before it a person's ("А. Энгельс")."""
    first, last = toks[m.first], toks[m.last - 1]
    if len(text[m.start:m.end]) < 4 or first.text.isupper() or not first.capitalized:
        return False
    prev = toks[m.first - 1] if m.first > 0 else None
    nxt = toks[m.last] if m.last < len(toks) else None
    gap = _gap(text, prev, first) if prev is not None else ""
    if prev is not None and (gap == " " and prev.capitalized and not _sentence_initial(text, prev.start)
                             or gap in (". ", ".") and prev.is_upper_initial):
        return False
    if nxt is not None and _gap(text, last, nxt) == " " and nxt.capitalized:
        return False
    # "г. Энгельс": the abbreviation's full stop is no sentence's end
    after_word = prev is not None and (gap == " " or gap == ". " and prev.key == "g")
    if _district_list(toks, m):
        return False
    town_word = (nxt is not None and nxt.key.startswith(_TOWN_AFTER) and _gap(text, last, nxt) == " "
                 or after_word and (prev.key in _TOWN_BEFORE or prev.key == "g"))
    if town_word:
        return True
    if _sentence_initial(text, first.start):
        return False
    if _SURNAME.search(m.name) and place.population < SURNAME_TOWN_MAX and not (lang == "kk" and not m.exact):
        return _listed(text, toks, m, places)  # "в Чехове" is mostly the writer; "в Берлине" the city
    if lang == "kk" and not m.exact:
        return True  # "Зайсанда", "Берлиннен" (:func:`_form_ok` read the ending)
    if after_word and prev.key in _PLACE_BEFORE.get(lang, ()):
        return True
    return _listed(text, toks, m, places)


def _district_list(toks: list[Tok], m: Match) -> bool:
    """``m`` is one of a list of districts or regions named before their plural kind word
    ("Мамлют, Қызылжар және Есіл аудандары", "Kyzylzhar and Esil districts"): a district, not the
    town of that name."""
    for t in toks[m.last:m.last + 5]:
        if t.key.startswith(_AREA_PLURAL):
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

