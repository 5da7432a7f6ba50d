"""Entity linking: a candidate mention becomes an authority IRI or a new, stable IRI.

Linking compares the distinctive words of a name (what is left after generic words such as
"regional", "библиотека", "атындағы" are removed), folded across scripts and tolerant of
endings. New entities get an IRI from the folded key of their name, so the same text yields
the same IRI on every machine and in every language that spells the name alike.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
import re
from functools import lru_cache

from .authority import Authority, Entry
from .keys import fold, slugify, strip_kk_case, token_match
from .tokens import tokenize

GENERIC = {fold(w) for w in """
the of and a an in on at for to by with after named im imeni atyndagy атындағы имени им
library libraries kitaphana kitaphanasy библиотека кітапхана rusl ounb
regional region oblast oblystyk облыстық областная областной oblastnaia krai kraevaia краевая өлкелік
universal ambebap әмбебап универсальная scientific science gylymi ғылыми научная
state memlekettik мемлекеттік государственная national ulttyk ұлттық национальная
republic respublika республика республикасы republican
main public the city district
""".split()}
SYNONYMS = {fold(w): "kazakhstan" for w in ("RK", "RoK", "РК", "ҚР", "KR", "Kazakhstani", "казахстанская")}
SYNONYMS.update({fold(w): "russia" for w in ("RF", "РФ", "Russian")})
SYNONYMS[fold("kazakhstan")] = "kazakhstan"


GENERIC_STEMS = ("kitaphan", "bibliotek", "librar", "oblis", "oblast", "regional", "ambebap", "universal", "gilim",
                 "naucn", "scientif", "memleket", "gosudarstv", "atindag", "imeni", "respublik",
                 # a library's level says which of a town's libraries, never which town: "Центральная
                 # городская библиотека" is every town's (as "city" and "district" are in English)
                 "gorodsk", "raionn", "centraln", "central", "kalalik", "audandik", "ortalik")
KEEP = {"national", "nacionaln", "ulttik", "akademi", "academic"}


@lru_cache(maxsize=100_000)
def distinctive(name: str) -> tuple[str, ...]:
    """The words of a name that tell it apart (generic library vocabulary removed)."""
    keys: list[str] = []
    for t in tokenize(name):
        for part in t.text.split("-"):
            k = fold(part)
            if len(k) < 2 or k in GENERIC or (k.startswith(GENERIC_STEMS) and k not in KEEP):
                continue
            keys.append(SYNONYMS.get(k, k))
    return tuple(keys)


def _one_edit(a: str, b: str) -> bool:
    """Within one substitution, insertion or deletion (typos such as "Kpstanai")."""
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 6:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def word_match(a: str, b: str) -> bool:
    return token_match(a, b) or _one_edit(a, b)


def name_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of ``a``'s words found in ``b``, less a small penalty for ``b``'s extra words."""
    if not a or not b:
        return 0.0
    hit = sum(1 for x in a if any(word_match(x, y) for y in b))
    extra = sum(1 for y in b if not any(word_match(x, y) for x in a))
    return hit / len(a) - 0.05 * extra


_PLACE_WORDS: dict[tuple[int, str], list[str]] = {}


def place_words(authority: Authority, e: Entry) -> list[str]:
    """Distinctive words of the places an entity lies in: "the library in Moscow" names the RSL."""
    key = (id(authority), e.iri)
    if key not in _PLACE_WORDS:
        words: list[str] = []
        for iri in [e.location, *([e.location] and authority.ancestors(e.location) if e.location else [])]:
            p = authority.get(iri)
            if p is None or p.is_country:
                continue
            for n, _ in p.names:
                words += distinctive(n)
        _PLACE_WORDS[key] = words
    return _PLACE_WORDS[key]


class _KindIndex:
    """The entries of one kind with their names' distinctive words, bucketed for quick lookup.

    A bucket is a word's first or last three letters, so a one-letter typo ("Kpstanai") still
    shares a bucket with the right word.
    """

    def __init__(self, authority: Authority, kind: str):
        self.rows: list[tuple[Entry, list[tuple[str, ...]], list[str]]] = []
        self.buckets: dict[str, set[int]] = {}
        for e in authority.entries.values():
            if e.kind != kind:
                continue
            names = [distinctive(n) for n, _ in e.names]
            own = [y for ws in names for y in ws]
            i = len(self.rows)
            self.rows.append((e, names, own))
            for y in own:
                for b in _buckets(y):
                    self.buckets.setdefault(b, set()).add(i)

    def candidates(self, words: tuple[str, ...]) -> list[tuple[Entry, list[tuple[str, ...]], list[str]]]:
        hit: set[int] = set()
        for w in words:
            for b in _buckets(w):
                hit |= self.buckets.get(b, set())
        return [self.rows[i] for i in sorted(hit)]


def _buckets(word: str) -> tuple[str, str]:
    return ("<" + word[:3], word[-3:] + ">")


_INDEXES: dict[tuple[int, str], _KindIndex] = {}
_LINKED: dict[tuple[int, str, str, float], Entry | None] = {}


def link_by_name(authority: Authority, name: str, kind: str, threshold: float = 0.99) -> Entry | None:
    """The authority entry of ``kind`` a name denotes, or None (memoised per authority)."""
    key = (id(authority), name, kind, threshold)
    if key not in _LINKED:
        if len(_LINKED) > 50_000:
            _LINKED.clear()
        _LINKED[key] = _link_by_name(authority, name, kind, threshold)
    return _LINKED[key]


def link_exactly(authority: Authority, name: str, kind: str) -> Entry | None:
    """The entry of ``kind`` one of whose names has exactly the distinctive words of ``name``.

    For a bare quoted name ("Kraeved"): :func:`link_by_name` lets a short name stand for a longer
    one that contains it, but one word of a club's name says nothing of a museum's other words."""
    words = distinctive(name)
    if not words:
        return None
    for e, names, _ in _index(authority, kind).candidates(words):
        if any(name_similarity(words, ws) >= 1.0 for ws in names):
            return e
    return None


def _index(authority: Authority, kind: str) -> _KindIndex:
    """The bucketed index of one kind of entries (built once per authority)."""
    index = _INDEXES.get((id(authority), kind))
    if index is None:
        index = _INDEXES[(id(authority), kind)] = _KindIndex(authority, kind)
    return index


def _link_by_name(authority: Authority, name: str, kind: str, threshold: float) -> Entry | None:
    words = distinctive(name)
    if not words:
        return None
    rows = _index(authority, kind).candidates(words)
    best: tuple[float, int, Entry, list[str]] | None = None
    for e, names, own in rows:
        score = max((name_similarity(words, ws) for ws in names), default=0.0)
        if score <= 0:
            continue
        if best is None or (score, len(e.names)) > best[:2]:
            best = (score, len(e.names), e, own)
    if best is None:
        return None
    covered = sum(1 for x in words if any(word_match(x, y) for y in best[3]))
    if covered == len(words) and best[0] >= threshold - 0.15:
        return best[2]
    if threshold < 1.0:
        # a place word of the name may be the library's city or region rather than part of its title
        scored = []
        for e, _, own in rows:
            where = place_words(authority, e)
            hit_own = sum(1 for x in words if any(word_match(x, y) for y in own))
            hit_all = sum(1 for x in words if any(word_match(x, y) for y in own + where))
            if hit_all == len(words) and hit_own >= 1:
                scored.append((hit_own, len(e.names), e))
        if scored:
            scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
            if len(scored) == 1 or scored[0][0] > scored[1][0]:
                return scored[0][2]
    if threshold < 1.0 and covered >= 2 and covered >= 0.66 * len(words) \
            and any(word_match(words[0], y) for y in best[3]):
        # one stray word (a second namesake, a typo'd word) does not hide a known library; but the
        # name's first word does ("Мамлют аудандық орталық кітапханасы" is not Shemonaikha's)
        return best[2]
    return None


@lru_cache(maxsize=100_000)
def initials_and_surname(name: str) -> tuple[list[str], str | None]:
    """Initials (or the first letters of given names) and the surname, in either written order."""
    toks = [t for t in tokenize(name)]
    initials = [t.key[:1] for t in toks if len(t.text) <= 2]
    longs = [t for t in toks if len(t.text) > 2]
    if not longs:
        return initials, None
    if initials and toks[0] is longs[0] and len(longs) == 1:
        return initials, longs[0].key  # "Горьковая С.А."
    if not initials:
        if surname_first([t.key for t in longs]):
            return [t.key[:1] for t in longs[1:]], longs[0].key  # "Зубова Ирина Витальевна"
        return [t.key[:1] for t in longs[:-1]], longs[-1].key  # "Umutkan Munalbayeva"
    return initials, longs[-1].key


# A patronymic, folded, in any case: Игоревна, Витальевной, Бакытовну, Ивановича, Ильич; and the
# Kazakh -ұлы / -қызы.
_RU_PATRONYMIC = re.compile(r"(?:(?:ov|ev|ic|ich)n(?:a|oi|u|e)|(?:ov|ev|il|zm|uk|om)ich?(?:a|u|em|e)?)$")
_KK_PATRONYMIC_KEY = re.compile(r"(?:uli|kizi)$")
_RUSSIAN_TYPE_SURNAME = re.compile(r"(?:ov|ev|in|sk|ck)(?:a|oi|u)?$|(?:nai|na|ai)$")


def surname_first(keys: list[str]) -> bool:
    """Whether three folded name words are written surname, given name, patronymic (the order of
    Russian lists and signatures: "Подгорная Светлана Игоревна", "Ахметова Динара Бақытқызы"), not
    given name, patronymic, surname. The last word tells: a patronymic ends the surname-first order."""
    if len(keys) != 3:
        return False
    last, first = keys[2], keys[0]
    if _RU_PATRONYMIC.search(last) and not _RU_PATRONYMIC.search(first):
        return True
    return bool(_KK_PATRONYMIC_KEY.search(last) and _RUSSIAN_TYPE_SURNAME.search(first)
                and not _KK_PATRONYMIC_KEY.search(keys[1]))


def _given_initials(e: Entry) -> set[str]:
    """First letters of the given name as the entity's names write it (full or as an initial)."""
    out: set[str] = set()
    for n, _ in e.names:
        ini, sur = initials_and_surname(n)
        if ini:
            out.add(ini[0])
    return out


# (after a soft sign, which the fold drops: Даль → Даля, Далю, Далем)
_CASE_END = re.compile(r"(aia|uiu|ogo|omu|oi|ii|im|om|ia|iu|em|a|u|e|i)$")


def surname_stem(key: str) -> str:
    """A surname key without gender and case endings: Толстой/Толстого, Пушкин/Пушкина, Муканов/Муканова,
    Даль/Даля."""
    gendered = _sk_gendered(key)
    return gendered if gendered is not None else _CASE_END.sub("", _SURNAME_CASE.sub(r"\1", key))


def _sk_gendered(key: str) -> str | None:
    """A surname key in -ский/-ская with its gender kept and its case dropped, or None for another."""
    if _SK_MASCULINE.search(key):
        return _SK_MASCULINE.sub(r"\1i", key)
    if _SK_FEMININE.search(key):
        return _SK_FEMININE.sub(r"\1aia", key)
    return None


def _without_kk_cases(name: str) -> str:
    """A person's name with any Kazakh case after its surname left off ("Мұхтар Әуезовтің")."""
    return " ".join(strip_kk_case(w) for w in name.split())


def link_person(authority: Authority, name: str) -> Entry | None:
    """A person by surname (endings folded), with initials that do not contradict the authority's names.

    Surnames must be equal once endings are folded: prefix tolerance is too loose for names
    (Kasymzhanova is not Kasym Kaisenov, Горьковая is not Горький).
    """
    initials, surname = initials_and_surname(_without_kk_cases(name))
    if not surname:
        return None
    stem = surname_stem(surname)
    if len(stem) < 3:
        return None
    given = _given_name(name)
    for e in authority.entries.values():
        if e.kind != "person":
            continue
        known = _given_initials(e)
        if initials and known and initials[0] not in known:
            continue
        givens = _given_names(e)
        if given is not None and givens and not any(token_match(given, g) for g in givens):
            continue  # "Мадина Ауэзова" is not Mukhtar Auezov: a given name written in full must be his
        for n, _ in e.names:
            _, s2 = initials_and_surname(n)
            if s2 and surname_stem(s2) == stem:
                return e
    return None


def _given_name(name: str) -> str | None:
    """The folded given name a person's name writes in full before the surname, or None (initials
    only, a surname alone, or a Kazakh name in -ұлы)."""
    toks = [t for t in tokenize(_without_kk_cases(name))]
    longs = [t for t in toks if len(t.text) > 2]
    if len(longs) < 2 or longs[0] is not toks[0]:
        return None
    key = longs[1].key if surname_first([t.key for t in longs]) else longs[0].key
    return next((nominative for case, nominative in _FLEETING_VOWEL if case.match(key)), key)


# Given names whose vowel drops in a case: Лев → Льва, Павел → Павла, Пётр → Петра
_FLEETING_VOWEL = [(re.compile(r"^lv(?:a|u|om|e)$"), "lev"), (re.compile(r"^pavl(?:a|u|om|e)$"), "pavel"),
                   (re.compile(r"^petr(?:a|u|om|e)$"), "petr")]


@lru_cache(maxsize=4096)
def _given_names_of(names: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(g for n, _ in names if (g := _given_name(n)) is not None)


def _given_names(e: Entry) -> frozenset[str]:
    """The given names the entity's names write in full (Мухтар, Mukhtar, Мұхтар)."""
    return _given_names_of(tuple(e.names))


def new_slug(kind: str, name: str) -> str:
    """Stable slug of a new entity: the folded name, readable, plus a short hash of kind and name.

    Built from the folded key, so spellings that fold alike share the slug on every machine.
    """
    key = " ".join(t.key for t in tokenize(name))
    digest = hashlib.sha1(f"{kind}:{key}".encode()).hexdigest()[:8]
    return f"{slugify(key, 60)}-{digest}"


def person_key(name: str) -> str:
    """Persons written "E.I.Ismailov", "Ismailov E. I." and "E. I. Ismailov" get one key (and
    "Мұхтар Әуезовтің" the key of "Мұхтар Әуезов": a Kazakh case is no part of a name)."""
    initials, surname = initials_and_surname(_without_kk_cases(_SOFT_Y.sub("", _INITIAL_YE.sub("", name))))
    if not surname:
        return fold(name)
    gendered = _sk_gendered(surname)
    surname = gendered if gendered is not None else \
        _SOFT_L_CASE.sub("", _FEMININE_ADJECTIVE_CASE.sub("a", _SURNAME_CASE.sub(r"\1", surname)))
    return f"{surname}-{initials[0]}" if initials else surname


# A soft sign before a vowel is written "y" in English and dropped by the Cyrillic fold: "Savelyeva"
# and "Савельева" are one person once the English "y" after a consonant, before a vowel, is left out
# (only the Latin "y": Лукин and Люкин, Алиев and Алеев stay apart).
_SOFT_Y = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])y(?=[aeou])")


# A word-initial Cyrillic "Е" is written "Ye" in English (Yesenova, Yerlan, Yevgeny): the fold of
# "Есенова" has no "y", so the English one leaves it out.
_INITIAL_YE = re.compile(r"\bY(?=e)")


# Russian and Kazakh surnames: masculine/feminine and case forms share one key
# (Пережогин, Пережогина, Пережогиной → perejogin; Диская, Диской → disk).
_SURNAME_CASE = re.compile(r"(ov|ev|in)(a|u|oi|im|om|e|ogo|omu|ai|aia|ii|oi|uiu|i|y)?$")
# Surnames in -ский keep their gender in every case and language: Белинский, Белинского, Belinsky,
# Белинскийдің → "belinski"; Белинская, Белинской, Belinskaya → "belinskaia" (a librarian named
# Белинская is not the critic, nor Александра Петровская her brother Александр Петровский)
_SK_MASCULINE = re.compile(r"(sk|ck)(?:ii|i|y|iy|ogo|omu|im|om)$")
_SK_FEMININE = re.compile(r"(sk|ck)(?:aia|aya|ai|oi|uiu|a)$")
# A feminine surname of the adjective type in another case, as the fold writes it: Подгорной,
# Подгорную → Подгорная ("podgorna"). Only after -н-: a masculine -ой is -той/-ской (Толстой).
_FEMININE_ADJECTIVE_CASE = re.compile(r"(?<=n)(?:oi|uiu|u)$")
# A surname in a soft -ль in another case, as the fold writes it (the soft sign drops): Гоголя,
# Гоголю, Гоголем → Гоголь ("им. Н. В. Гоголя" names Gogol), Даля → Даль.
_SOFT_L_CASE = re.compile(r"(?<=l)(?:ia|iu|em)$")
