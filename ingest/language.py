"""Which language each stretch of a document is written in (kk, ru or en).

Our documents mix languages: a Kazakh page quotes a Russian bibliographic line, an English
page carries a Russian title.  Each passage must go to the spaCy pipeline of its own language,
so language is decided per passage, not per file.

Why not py3langid alone: on short Cyrillic strings it cannot tell Kazakh from Russian (a bare
place name such as "Шемонаиха" comes out Russian), and it knows nothing about our three-way
choice.  So the decision is layered:

1. script is a prior — text with no Cyrillic letters is English (Kazakh and Russian documents
   in this corpus are never written in Latin script);
2. the letters only Kazakh uses (ә ғ қ ң ө ұ ү һ і, and a Latin ``i`` typed inside a Cyrillic
   word, a common keyboard substitute for ``і``) are a strong Kazakh signal — in the development
   corpus every Kazakh sentence has at least 5 % of them and no Russian sentence has any;
3. py3langid, restricted to kk/ru/en, breaks the remaining ties.

Very short lines (a heading, a lone place name, a date) carry little evidence and take the
language of their neighbours unless their script or letters say otherwise.
"""
from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass
from typing import Literal

Lang = Literal["kk", "ru", "en"]
LANGS: tuple[str, ...] = ("kk", "ru", "en")

#: Letters written in Kazakh but not in Russian (both cases).
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KAZAKH_LOWER = frozenset(c for c in KAZAKH_LETTERS if c.islower())  # as written in running text
#: Share of Kazakh-only letters among Cyrillic letters from which we call a text Kazakh
#: without asking the statistical model (Kazakh sentences of the corpus sit at 5 % and more).
KAZAKH_RATIO = 0.03
#: Below this many letters a passage is "short": it inherits its neighbours' language.
SHORT_LETTERS = 20
#: A sentence that disagrees with its line must be this sure to become its own passage.
SPLIT_CONFIDENCE = 0.9

_LATIN_I_IN_CYRILLIC = re.compile(r"(?<=[\u0400-\u04ff])[iI]|[iI](?=[\u0400-\u04ff])")
# URLs and e-mail addresses are Latin whatever the language around them: they are evidence of nothing.
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)
# A sentence ends after . ! ? … (possibly followed by closing quotes/brackets) and whitespace,
# before something that can start a sentence.  Initials ("С.А. Опыт") may split too; the
# resulting short piece simply inherits its neighbours' language.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)\]]*\s+(?=[\"«“(\[\-–—•]?\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


@dataclass(frozen=True)
class Passage:
    """``text[start:end]`` is written in ``lang``."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True)
class _Evidence:
    """What a piece of text says about its own language."""

    letters: int
    cyrillic: int
    latin: int
    kazakh: int  # Kazakh-only letters, counting Latin i inside Cyrillic words


_identifier = None
_identifier_lock = threading.Lock()


def _model():
    """The py3langid identifier restricted to our three languages, loaded once on first use.

    Loading takes a noticeable moment, so it is lazy; the lock keeps concurrent first calls
    (the HTTP service ingests in worker threads) from loading it twice.
    """
    global _identifier
    if _identifier is None:
        with _identifier_lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                ident.set_languages(list(LANGS))
                _identifier = ident
    return _identifier


def _evidence(text: str) -> _Evidence:
    text = _URL.sub(" ", text)
    cyr = lat = kaz = letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if "\u0400" <= ch <= "\u04ff":
            cyr += 1
            if ch in KAZAKH_LETTERS:
                kaz += 1
        elif ch.isascii():
            lat += 1
    kaz += len(_LATIN_I_IN_CYRILLIC.findall(text))
    return _Evidence(letters, cyr, lat, kaz)


def _classify(text: str, ev: _Evidence) -> tuple[str, float]:
    """Language and confidence of ``text`` from its evidence, asking the model only for ties."""
    if ev.letters == 0:
        return "", 0.0
    if ev.cyrillic == 0:
        return "en", 1.0 if ev.latin >= 3 else 0.5
    if ev.cyrillic * 2 < ev.latin:
        # Mostly Latin with some Cyrillic (an English sentence quoting a Russian name).
        lang, conf = _model().classify(_URL.sub(" ", text))
        return lang, float(conf)
    ratio = ev.kazakh / ev.cyrillic
    if ratio >= KAZAKH_RATIO:
        return "kk", 1.0
    by_lang = dict(_model().rank(_URL.sub(" ", text)))
    kk, ru = by_lang.get("kk", 0.0), by_lang.get("ru", 0.0)
    total = (kk + ru) or 1.0
    if ev.kazakh > 0 and ru / total < 0.99:
        # A few Kazakh letters and a model that is not sure it is Russian: Kazakh.
        return "kk", 1.0 - ru / total
    return ("kk", kk / total) if kk > ru else ("ru", ru / total)


def detect(text: str, default: str = "en") -> str:
    """The language of ``text``; ``default`` when it has no letters at all."""
    lang, _ = _classify(text, _evidence(text))
    return lang or default


@dataclass
class _Unit:
    start: int
    end: int
    line: int  # index of the line the unit belongs to
    letters: int
    cyrillic: bool  # has Cyrillic letters (a script signal against English)
    lang: str  # "" while undecided
    strong: bool  # decided by its own evidence


def _sentences(line: str) -> list[tuple[int, int]]:
    """[start, end) spans covering ``line``, cut after sentence ends."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(line)))
    return [s for s in spans if s[1] > s[0]]


def _units(text: str) -> list[_Unit]:
    """Cut text into lines and, where a line's sentences disagree confidently, sentences."""
    units: list[_Unit] = []
    for line_no, m in enumerate(_LINE.finditer(text)):
        line, base = m.group(), m.start()
        line_ev = _evidence(line)
        line_lang, _ = _classify(line, line_ev)
        pieces = _sentences(line) if line_ev.letters >= 2 * SHORT_LETTERS else [(0, len(line))]
        for s, e in pieces:
            if len(pieces) == 1:
                ev, lang = line_ev, line_lang
            else:
                ev = _evidence(line[s:e])
                lang, conf = _classify(line[s:e], ev)
                if lang != line_lang and conf < SPLIT_CONFIDENCE:
                    lang = line_lang  # a doubtful disagreement is not worth a split
            strong = ev.letters >= SHORT_LETTERS or (ev.cyrillic > 0 and ev.kazakh > 0)
            units.append(_Unit(base + s, base + e, line_no, ev.letters, ev.cyrillic > 0,
                               lang if strong else "", strong))
    return units


def _inherit(units: list[_Unit], default: str) -> None:
    """Give short units a language: from their own line first, then from neighbouring lines.

    Inside a line the preceding sentence wins (a fragment cut off by initials belongs to its
    sentence).  Across lines, a short line with letters takes the following line's language
    (headings precede what they title), while a line without letters (blank, a number)
    stays with the text before it.  A short Cyrillic unit never becomes English: its script
    rules English out, and, lacking Kazakh letters, it is Russian.
    """
    strong = [i for i, u in enumerate(units) if u.strong]
    for i, u in enumerate(units):
        if u.strong:
            continue
        k = bisect.bisect_left(strong, i)
        prev = units[strong[k - 1]] if k > 0 else None
        nxt = units[strong[k]] if k < len(strong) else None
        same_line = [n for n in (prev, nxt) if n is not None and n.line == u.line]
        if same_line:
            lang = same_line[0].lang
        elif prev is not None and nxt is not None:
            lang = prev.lang if u.letters == 0 else nxt.lang
        elif prev is not None or nxt is not None:
            lang = (prev or nxt).lang  # type: ignore[union-attr]
        else:
            lang = ""
        if u.cyrillic and lang not in ("kk", "ru"):
            lang = "ru"
        u.lang = lang or default


def passages(text: str) -> list[Passage]:
    """Language passages covering ``text`` exactly: contiguous, no gaps, no overlaps.

    Adjacent units of the same language are merged, so a monolingual document is one passage.
    """
    if not text:
        return []
    units = _units(text)
    default = detect(text)
    _inherit(units, default)
    out: list[Passage] = []
    for u in units:
        if out and out[-1].lang == u.lang:
            out[-1] = Passage(out[-1].start, u.end, u.lang)
        else:
            out.append(Passage(u.start, u.end, u.lang))
    return out


def main_language(text: str, parts: list[Passage] | None = None) -> str:
    """The language covering the most letters (not characters: whitespace and URLs don't vote)."""
    parts = passages(text) if parts is None else parts
    weight: dict[str, int] = {}
    for p in parts:
        weight[p.lang] = weight.get(p.lang, 0) + _evidence(text[p.start:p.end]).letters
    if not weight:
        return detect(text)
    return max(weight, key=lambda lang: (weight[lang], -LANGS.index(lang) if lang in LANGS else -9))
