"""Matching the authority file's names in text, tolerant of inflection and spelling.

Every name of every authority entry becomes a sequence of folded word keys; a text span
matches when its words match the name's words one by one up to an inflectional ending
(Kazakh suffix chains are longer than Russian endings; English takes only a plural or
possessive "s"). Adjective-forming endings (-ский, -лік, -ian) are refused, so "Ресейлік" is
not Russia. Longest match wins.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from os.path import commonprefix

from . import kk_cases
from .authority import Authority, Entry
from .keys import fold
from .vocab import SHK
from .tokens import Tok, tokenize

MAX_TAIL = {"kk": 9, "ru": 4, "en": 1}
# The Kazakh case endings (folded) a three-letter name may take: short names match no other inflection
_KK_SHORT_TAILS = frozenset(fold(e) for e in kk_cases.GENITIVE + kk_cases.DATIVE + kk_cases.LOCATIVE
                            + kk_cases.ABLATIVE + kk_cases.INSTRUMENTAL + kk_cases.ATTRIBUTIVE_LOCATIVE)
ADJECTIVE_TAILS = ("sk", "lik", "lk", "ian", "ani", "ets", "cki")
# Kazakh adjectives in -тық/-дық/-лық ("облыстық" regional, "Ресейлік" Russian) are never case forms.
KK_ADJECTIVE_TAILS = ("tik", "dik", "lik")
# A region word closing a list of names ("regions", "областей", "облыстары"), and the list's "and".
_REGION_STEMS = ("region", "oblast", "област", "oblis", "krai", "kra")
_VOWELS = frozenset("aeiouy")
_AND = frozenset({"and", "i", "jane", "men", "ben", "pen"})
_RU_PLURAL = frozenset({"oblastei", "oblastiah", "oblastiam", "oblastiami", "oblasti", "kraev", "kraiah", "kraiam",
                        "kraiami", "kra"})  # "области", "края": plural, or a genitive read as one in lists
_KK_PLURAL = ("tar", "lar", "dar", "ter", "ler", "der")
_RU_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ой|ая|ую|их|им|ими|ом|ое|ого|ому)$", re.IGNORECASE)
_REGION_TYPES = frozenset({SHK.iri("Region")})
# Kinds whose names are matched only as a whole quoted title: a book called «Ботагөз» or «Кочевники»
# shares its title with a person or an ordinary word, and only the quotation marks make it the book.
QUOTED_ONLY_KINDS = frozenset({"work"})
_OPEN_QUOTES, _CLOSE_QUOTES = '"«“„', '"»”“'
KIND_PRIORITY = {"library": 0, "organization": 1, "project": 2, "event": 3, "work": 4, "person": 5, "place": 6}


def _plural_region_word(word: Tok, lang: str) -> bool:
    """A plural region word that closes a list ("regions", "областей", "облыстары"); not a
    possessive ("region's") nor a singular ("область", "облыс")."""
    if lang == "en":
        return word.text.endswith("s") and not word.text.endswith(("'s", "’s"))
    if lang == "kk":
        return any(p in word.key[4:] for p in _KK_PLURAL)
    return word.key in _RU_PLURAL


def _quoted(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is the whole of a quoted title (a closing "!", "?" or "." may stay inside)."""
    if not (start and text[start - 1] in _OPEN_QUOTES):
        return False
    if end < len(text) and text[end] in "!?.…":
        end += 1
    return end < len(text) and text[end] in _CLOSE_QUOTES


@dataclass(frozen=True)
class Match:
    start: int          # character offsets
    end: int
    first: int          # token indexes [first, last)
    last: int
    entry: Entry
    name: str
    exact: bool


def _short_ru_case(label: str, word: str, common: int, lang: str) -> bool:
    """A four-letter Russian name whose last vowel the case changes: Азия → Азии, Азию; Чита →
    Читы; Абай → Абая (the fold writes "Абай" "abai" and "Абая" "aba"). Only vowels may follow the
    shared three letters (Азиз is a name, not Asia), and none a name in "-й"/"-и" ("Дела" is not
    Дели). The fold writes "й" and "и" alike, so a capitalised "Дел" would still read as Дели."""
    if lang != "ru" or len(label) != 4 or common != 3:
        return False
    if label[3] == "i":
        # "край" → "крае", "краю", "краем" (the fold writes й as i): a vowel before the й, a case after it
        return len(word) == 3 or label[2] in "aeou" and word[3:] in ("e", "em", "u", "iu", "ia", "a")
    return label[3] == "a" and all(c in _VOWELS for c in word[3:])


# Kazakh voices a name's last к/қ/п before a vowel ending (as folded: k→g, p→b: "Бішкегі") and
# writes a Russian ч as ш (c→s: Кош-Агач, Көшағаш)
_KK_ALTERNATIONS = frozenset({("k", "g"), ("p", "b"), ("c", "s")})


def _first_part_declined(label: str, word: str) -> bool:
    """A Russian hyphenated name declines its first part only: "Ростове-на-Дону" is Ростов-на-Дону,
    "Комсомольске-на-Амуре" Комсомольск-на-Амуре."""
    head, _, rest = label.partition("-")
    w_head, _, w_rest = word.partition("-")
    return bool(rest) and fold(rest) == fold(w_rest) and word_ok(fold(head), fold(w_head), "ru")[0]


def word_ok(label: str, word: str, lang: str) -> tuple[bool, bool]:
    """(matches, exactly) for one folded label word against one folded text word."""
    if label == word:
        return True, True
    if lang == "kk" and len(label) == 3 and word.startswith(label) and word[3:] in _KK_SHORT_TAILS:
        return True, False  # a three-letter name with a bare case ending: "Уфада", "Уфаға", "Уфадан"
    if lang == "exact" or len(label) <= 3 or len(word) < 3:
        return False, False
    common = len(commonprefix([label, word]))
    if common < max(min(len(label), 4), len(label) - 3) and not _short_ru_case(label, word, common, lang):
        return False, False
    label_rest, tail = len(label) - common, word[common:]
    if label_rest > 1 and (not tail or lang == "kk"):
        # a word cut short is no case of a name, and Kazakh endings follow the whole name (changing
        # at most its last consonant): "Шара", "Шараның" are not "Саратов"
        return False, False
    if label_rest > 1 and label.endswith(("sk", "ck")):
        return False, False  # a town in -ск keeps it in every case: "Уралом" is not Уральск
    if label_rest > 3 or len(tail) > MAX_TAIL.get(lang, 4):
        return False, False
    if lang == "en" and (label_rest or tail not in ("", "s")):
        return False, False  # English inflects names only with a plural/possessive s: not "Russian"
    if label_rest == 0 and tail.startswith(ADJECTIVE_TAILS):
        return False, False
    if tail.startswith(("sk", "ck", "nsk", "insk")) or label_rest and word[common - 1:common + 1] in ("sk", "ck"):
        # Российские is an adjective of Россия whatever the stem's last letters, and Киргизская of
        # Кыргызстан though the adjective parts from the name at its own "с"
        return False, False
    if lang == "ru" and label_rest and label[-1] not in _VOWELS:
        return False, False  # a Russian name ending in a consonant keeps it in every case: not "Казахская" for Казань
    if lang == "kk" and label_rest == 1 and tail and label[-1] not in _VOWELS and tail[0] not in _VOWELS \
            and (label[-1], tail[0]) not in _KK_ALTERNATIONS:
        return False, False  # a last consonant changes only to its Kazakh pair: not "Тараптар" for Тараз
    if lang == "kk" and tail.startswith(KK_ADJECTIVE_TAILS):
        return False, False
    if (lang == "kk" and not label_rest and tail[0] in "aeou" and label[-1] not in _VOWELS
            and label[-1] + tail not in _KK_ENDING_CHAINS):
        # after a consonant no Kazakh ending starts with a broad vowel (the dative is -ға/-ке there,
        # the possessive -ы/-і), unless the fold merged the name's last letter with an ending's
        # first ("Өзбекстаннан"): "Бішкекте" is no case of "Бийск"
        return False, False
    if lang == "ru" and "c" in tail[:2]:
        return False, False  # no Russian case ending has ц or ч: "Курганцы", "Оренбуржцы" are people
    return True, False


# Kazakh writes case endings on an abbreviation or a foreign name after a hyphen: ТМД-ға (to the
# CIS), ҚР-да (in the RK), ЮНЕСКО-ның (of UNESCO). The hyphen marks the ending for certain, so even
# a name too short to guess endings for (ТМД, ҚР) is matched there.
KK_CASE_ENDINGS = frozenset(fold(e) for e in kk_cases.ALL + ("а", "е"))  # ("а"/"е": the dative after a vowel)


# Whole Kazakh tails, folded: a case ending, alone or after the plural or a possessive.
_KK_ENDING_CHAINS = frozenset(
    fold(pre) + ending for pre in ("", "лар", "лер", "дар", "дер", "тар", "тер", "ы", "і", "сы", "сі",
                                   "лары", "лері", "дары", "дері", "тары", "тері")
    for ending in KK_CASE_ENDINGS | {""})


def hyphenated_case(label: str, word: str) -> bool:
    """``word`` (as written) is the one-word name ``label`` plus a Kazakh case ending after a hyphen."""
    head, sep, ending = word.rpartition("-")
    return bool(sep) and fold(head) == label and fold(ending) in KK_CASE_ENDINGS


class Gazetteer:
    def __init__(self, authority: Authority):
        self.authority = authority
        # each name as its words' keys, which of them are abbreviations, its entry, the name, its language
        # and its words as written (a hyphenated Russian name is compared part by part)
        self.index: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], Entry, str, str, tuple[str, ...]]]] = {}
        for e in authority.entries.values():
            for name, name_lang in e.names:
                toks = tokenize(name)
                if not toks:
                    continue
                keys = tuple(t.key for t in toks)
                upper = tuple(t.text.isupper() and len(t.text) > 1 for t in toks)
                words = tuple(t.text for t in toks)
                self.index.setdefault(keys[0][:3], []).append((keys, upper, e, name, name_lang, words))

    def find(self, text: str, lang: str, toks: list[Tok] | None = None,
             starts: Iterable[int] | None = None) -> list[Match]:
        """Every name matched in ``text``; with ``starts``, only names beginning at those token
        indexes (a large gazetteer asked only where a name can begin)."""
        toks = toks if toks is not None else tokenize(text)
        found: list[Match] = []
        for i in (range(len(toks)) if starts is None else starts):
            t = toks[i]
            for keys, upper, e, name, name_lang, words in self.index.get(t.key[:3], ()):
                # endings are only guessed for a name in the text's own language (or an untagged one):
                # the Kazakh "Ресей" must not swallow the Russian "Решение"
                inflect = lang if name_lang in ("", lang) else "exact"
                j = i + len(keys)
                if j > len(toks):
                    continue
                all_exact = True
                ok = True
                for k, (lk, up) in enumerate(zip(keys, upper)):
                    tok = toks[i + k]
                    if k and toks[i + k].start - toks[i + k - 1].end > 3:
                        ok = False  # a name does not stretch over punctuation runs
                        break
                    if k and "." in text[toks[i + k - 1].end:toks[i + k].start] and len(toks[i + k - 1].text) > 3:
                        ok = False  # nor over a sentence's end: "Иван Петров. Первое слово …" (initials and
                        break       # "St." do carry a full stop inside a name)
                    if up and not tok.text.split("-")[0].isupper():
                        ok = False  # abbreviations must be written as abbreviations
                        break
                    m, exact = word_ok(lk, tok.key, inflect)
                    if not m and inflect == "kk":
                        m = hyphenated_case(lk, tok.text)
                    if not m and inflect == "ru" and "-" in tok.text:
                        m = _first_part_declined(words[k], tok.text)
                    if not m:
                        ok = False
                        break
                    all_exact &= exact
                if not ok:
                    continue
                if len(keys) == 1 and not toks[i].capitalized:
                    continue  # a lower-case single word is a common noun, not a name
                if e.kind in QUOTED_ONLY_KINDS and not _quoted(text, toks[i].start, toks[j - 1].end):
                    continue
                found.append(Match(toks[i].start, toks[j - 1].end, i, j, e, name, all_exact))
        dashed = self._dashed_places(lang, toks, found)
        if dashed:  # the parts replace a whole word read as one of them ("Омбы–Павлодар" as Omsk in a case)
            split = {m.first for m in dashed}
            found = [m for m in found if not (m.first in split and (m.start, m.end) == (toks[m.first].start,
                                                                                      toks[m.first].end))] + dashed
        return dedupe(self._shared_heads(text, lang, toks, self._listed_regions(text, lang, toks, found)))

    @staticmethod
    def _whole_name(m: Match) -> bool:
        """``m`` matched its word as one hyphenated name ("Баян-Өлгей", "Усть-Каменогорск")."""
        return "-" in m.name

    def _dashed_places(self, lang: str, toks: list[Tok], found: list[Match]) -> list[Match]:
        """Two towns written with a dash between and no spaces ("Омск–Павлодар", "Barnaul–Oskemen",
        the dash read as a hyphen): one word to the tokenizer, each part a place's name on its own.
        Only where every part is one, each another (not "Алма-Ата", "Петропавловск-Камчатский"),
        and the word is no hyphenated name of its own nor part of a longer one; a match of the whole
        word as one of its parts in a case ("Омбы–Павлодар" as Omsk) gives way to them."""
        out: list[Match] = []
        for i, t in enumerate(toks):
            parts = t.text.split("-")
            if len(parts) < 2 or not all(p[:1].isupper() and len(p) >= 3 for p in parts) \
                    or any(m.start <= t.start and t.end <= m.end and ((m.start, m.end) != (t.start, t.end)
                                                                   or self._whole_name(m)) for m in found):
                continue  # (inside a longer name, or the word is one hyphenated name: that one stands)
            pos, hits = t.start, []
            for part in parts:
                key = fold(part)
                hit = next(((e, name, exact) for keys, _, e, name, name_lang, _ in self.index.get(key[:3], ())
                            if len(keys) == 1 and e.kind == "place"
                            for m, exact in [word_ok(keys[0], key, lang if name_lang in ("", lang) else "exact")]
                            if m), None)
                if hit is None:
                    break
                hits.append(Match(pos, pos + len(part), i, i + 1, hit[0], hit[1], hit[2]))
                pos += len(part) + 1
            if len(hits) == len(parts) and len({h.entry.iri for h in hits}) == len(hits):
                out += hits
        return out

    def _shared_heads(self, text: str, lang: str, toks: list[Tok], found: list[Match]) -> list[Match]:
        """A place of two words or more whose first word is paired with another by "and" names a
        second place that shares the rest: "Central and Middle Asia", "Центральной и Средней Азии",
        "Орталық және Орта Азияның" also name Central Asia. The paired word is matched again with
        the shared words after it; it counts only when that whole phrase is one known place."""
        extra: list[Match] = []
        for m in found:
            if m.entry.kind != "place" or m.last - m.first < 2 or m.first < 2:
                continue
            link, t = toks[m.first - 1], toks[m.first - 2]
            if link.key not in _AND or text[link.end:toks[m.first].start] != " " \
                    or text[t.end:link.start] != " " or not t.capitalized or t.text.isupper():
                continue
            rest = text[toks[m.first + 1].start:m.end]
            probe = f"{t.text} {rest}"
            other = next((r for r in self.find(probe, lang) if r.start == 0 and r.end == len(probe)
                          and r.entry.kind == "place" and r.entry.iri != m.entry.iri), None)
            if other is not None:
                extra.append(Match(t.start, t.end, m.first - 2, m.first - 1, other.entry, other.name, False))
        return found + extra

    def _listed_regions(self, text: str, lang: str, toks: list[Tok], found: list[Match]) -> list[Match]:
        """Names listed before a plural region word are regions too: in "the Kurgan, Novosibirsk
        and Chelyabinsk regions", "Курганской, Новосибирской и Челябинской областей" or "Қорған,
        Новосібір облыстары" the region word is written once, after the last name, yet every name
        is a region, not its centre city. Each listed word is matched again with that region word
        after it; where a region answers, it replaces the other matches of that word."""
        extra: list[Match] = []
        for m in found:
            if m.entry.kind != "place" or m.last - m.first < 2 or not m.entry.types & _REGION_TYPES:
                continue
            word = toks[m.last - 1]
            if not word.key.startswith(_REGION_STEMS) or not _plural_region_word(word, lang):
                continue  # "Kurgan, Chelyabinsk region" may be a city and a region
            k = m.first  # the token the list continues before
            while k > 0:
                gap = text[toks[k - 1].end:toks[k].start]
                if gap.strip() == ",":
                    item = k - 1
                elif gap == " " and toks[k - 1].key in _AND and k >= 2 and text[toks[k - 2].end:toks[k - 1].start] in (" ", ", "):
                    item = k - 2
                else:
                    break
                t = toks[item]
                if not t.capitalized or t.text.isupper() or (lang == "ru" and not _RU_ADJECTIVE.search(t.text)):
                    break  # a Russian list of regions is one of adjectives ("Курганской, Омской областей")
                probe = f"{t.text} {word.text}"
                region = next((r for r in self.find(probe, lang) if r.start == 0 and r.end == len(probe)
                               and r.entry.kind == "place" and r.entry.types & _REGION_TYPES), None)
                if region is None:
                    break
                extra.append(Match(t.start, t.end, item, item + 1, region.entry, region.name, False))
                k = item
        if not extra:
            return found
        spans = {(x.start, x.end) for x in extra}
        return [f for f in found if (f.start, f.end) not in spans] + extra


def dedupe(matches: list[Match]) -> list[Match]:
    """One match per span and entity; nested and overlapping matches stay for the caller to layer."""
    best: dict[tuple[int, int, str], Match] = {}
    for m in matches:
        k = (m.start, m.end, m.entry.iri)
        if k not in best or (m.exact and not best[k].exact):
            best[k] = m
    return sorted(best.values(), key=lambda m: (m.start, -m.end))


def resolve(matches: list[Match]) -> list[Match]:
    """Keep the longest non-overlapping matches; on ties prefer exact, then the more specific kind."""
    matches.sort(key=lambda m: (-(m.end - m.start), not m.exact, KIND_PRIORITY.get(m.entry.kind, 9), m.start))
    taken: list[Match] = []
    for m in matches:
        if any(m.start < o.end and o.start < m.end for o in taken):
            continue
        taken.append(m)
    return sorted(taken, key=lambda m: m.start)
