"""A Kazakh ``Language`` for spaCy, and the Kazakh morphology the gazetteer needs.

spaCy 3.8 ships no ``kk`` language (``spacy.blank("kk")`` raises E048), so we define one,
modelled on spaCy's Tatar defaults (a related Turkic language in Cyrillic script).  It is
registered under the ``spacy_languages`` entry point ``kk = "ingest.kazakh:Kazakh"``.

Tokenisation decisions, and why:

* spaCy's character classes lack ғ, қ and ұ, so every affix rule here is rebuilt over an
  alphabet that includes them; otherwise "кітапханалық." would keep its full stop.
* Kazakh attaches case endings to acronyms, numbers and foreign names with a hyphen:
  "ЮНЕСКО-ның", "ТМД-ға".  We cut these into **two** tokens, ``ЮНЕСКО`` and ``-ның``: the
  name then stands alone as a token, so the gazetteer's token patterns match it exactly as
  they match the bare "ЮНЕСКО", and the ending stays visible (one token, not three) for any
  later morphology.  Hyphenated compounds ("Ресей-Қазақстан", "іс-шара") are split like
  spaCy does for other languages (word, hyphen, word), so each part can be matched.
* Ordinals "1-ші", "12-бап" stay one token: the hyphen after a digit introduces a suffix,
  not a new word.
* "2008ж." becomes ``2008`` + ``ж.``, so the year is a number token for the date matcher.
* Initials glued to a surname ("А.С.Пушкин") are cut off it, and a year range
  "2002–2005" is three tokens like "2002-2005".
* Abbreviations "қ." (city), "ж." (year), "т.б." (etc.), "б.з.д." (BC) and the like are one
  token each, so their full stop does not end a sentence.

Morphology: :func:`stem` strips case, possessive and plural endings (Kazakh is agglutinative:
"кітапханаларының" = кітапхана + лар + ы + ның), and :func:`stem_candidates` lists every
intermediate form so that a gazetteer can try them from the longest down.
"""
from __future__ import annotations

import re

from spacy.attrs import LIKE_NUM
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    CURRENCY,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    PUNCT,
    UNITS,
)
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import BaseDefaults, Language
from spacy.symbols import NORM, ORTH
from spacy.util import update_exc

# --------------------------------------------------------------------------------------
# Alphabet
# --------------------------------------------------------------------------------------
KK_LOWER = ALPHA_LOWER + "әғқңөұүһі"
KK_UPPER = ALPHA_UPPER + "ӘҒҚҢӨҰҮҺІ"
KK_ALPHA = ALPHA + "әғқңөұүһіӘҒҚҢӨҰҮҺІ"

VOWELS = frozenset("аәеёиоөуұүыіэюяi")
_NASAL = frozenset("мнң")
_VOICED = frozenset("лруйзжь")  # sonorants and voiced consonants (ь: soft Russian loans)
_VOICELESS = frozenset("кқпстфхцчшщбвгд")  # б в г д pattern with the voiceless ones at word end

# --------------------------------------------------------------------------------------
# Morphology
# --------------------------------------------------------------------------------------
# Each case ending with the sounds it may follow.  "POSS" means: it only follows a
# third-person possessive (-ы/-і/-сы/-сі), which Kazakh marks by an n-initial case form.
_V, _N, _S, _T = "V", "N", "S", "T"  # vowel, nasal, voiced/sonorant, voiceless
_POSS = "POSS"
_CASE_ENDINGS: list[tuple[str, frozenset[str]]] = [
    # attributive locative (-дағы "which is in")
    *[(e, frozenset({_POSS})) for e in ("ндағы", "ндегі")],
    *[(e, frozenset({_V, _N, _S})) for e in ("дағы", "дегі")],
    *[(e, frozenset({_T})) for e in ("тағы", "тегі")],
    # genitive
    *[(e, frozenset({_V, _N})) for e in ("ның", "нің")],
    *[(e, frozenset({_S})) for e in ("дың", "дің")],
    *[(e, frozenset({_T})) for e in ("тың", "тің")],
    # ablative
    *[(e, frozenset({_V, _S})) for e in ("дан", "ден")],
    *[(e, frozenset({_N, _POSS})) for e in ("нан", "нен")],
    *[(e, frozenset({_T})) for e in ("тан", "тен")],
    # instrumental (spelling of loans varies: accept any left context)
    *[(e, frozenset({_V, _N, _S, _T})) for e in ("мен", "бен", "пен")],
    # locative
    *[(e, frozenset({_POSS})) for e in ("нда", "нде")],
    *[(e, frozenset({_V, _N, _S})) for e in ("да", "де")],
    *[(e, frozenset({_T})) for e in ("та", "те")],
    # dative
    *[(e, frozenset({_POSS})) for e in ("на", "не")],
    *[(e, frozenset({_V, _N, _S})) for e in ("ға", "ге")],
    *[(e, frozenset({_T})) for e in ("қа", "ке")],
    # accusative
    *[(e, frozenset({_V})) for e in ("ны", "ні")],
    *[(e, frozenset({_N, _S})) for e in ("ды", "ді")],
    *[(e, frozenset({_T})) for e in ("ты", "ті")],
    ("н", frozenset({_POSS})),
]
_CASE_ENDINGS.sort(key=lambda item: -len(item[0]))

_PLURAL_ENDINGS: list[tuple[str, frozenset[str]]] = [
    *[(e, frozenset({_V, _S})) for e in ("лар", "лер")],
    *[(e, frozenset({_N, _S})) for e in ("дар", "дер")],
    *[(e, frozenset({_T})) for e in ("тар", "тер")],
]
# Possessives, longest first.  First person plural "-ымыз" ("еліміздің" = our country's).
_POSSESSIVES = ("ымыз", "іміз", "сы", "сі", "ы", "і")
# Adjective-forming -лық "of, -ian" ("Ресейлік" Russian, "Қазақстандық" Kazakhstani):
# derivation, not inflection, so :func:`stem` keeps it and only the candidates drop it.
_ADJECTIVAL = ("лық", "лік", "дық", "дік", "тық", "тік")
# A consonant before which a possessive vowel turned it voiced: орталық → орталығы.
_DEVOICE = {"ғ": "қ", "г": "к", "б": "п", "Ғ": "Қ", "Г": "К", "Б": "П"}
#: Fewest letters a stem may keep.
MIN_STEM = 3

# Endings that may follow a hyphen ("ЮНЕСКО-ның"), used by stemming and tokenisation.
_HYPHEN_ENDINGS = sorted(
    {e for e, _ in _CASE_ENDINGS if len(e) > 1}
    | {e for e, _ in _PLURAL_ENDINGS}
    | {p for p in _POSSESSIVES if len(p) > 1},
    key=len,
    reverse=True,
)
_HYPHEN_TAIL = "(?:{e})(?:{e})?".format(e="|".join(_HYPHEN_ENDINGS))
_HYPHEN_TAIL_RE = re.compile(rf"^-(?i:{_HYPHEN_TAIL})$")


def _norm(word: str) -> str:
    """Lower case, with a Latin i typed for і turned into і (same length as ``word``)."""
    return word.lower().replace("i", "і") if re.search(r"[\u0400-\u04ff]", word) else word.lower()


def _sound(ch: str) -> str:
    if ch in VOWELS:
        return _V
    if ch in _NASAL:
        return _N
    if ch in _VOICED:
        return _S
    if ch in _VOICELESS:
        return _T
    return ""


def _is_proper(word: str) -> bool:
    """A capitalised, not all-caps word: a name, whose final -ы/-і is usually its own."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])


def _legal_end(norm: str) -> bool:
    """Can a Kazakh word end like this after a possessive -ы/-і is taken away?

    Roots end in a vowel + consonant or in a sonorant + consonant cluster ("жұрт", "ойт");
    a cluster such as "мб" (Омб-ы) means the -ы belongs to the root.
    """
    if len(norm) < 2 or norm[-1] in VOWELS:
        return False
    return norm[-2] in VOWELS or norm[-2] in "рлйунс"


def _strip_possessive(word: str, norm: str, required: bool) -> int:
    """Length of a third-person possessive at the end of ``word`` (0 if none is stripped).

    ``required``: a case ending that only follows a possessive was just removed, so the
    possessive is certain and only its form must be found.  Otherwise the possessive is a
    guess, which we do not make for proper names ("Алматы" is not "Алмат" + ы).
    """
    for p in _POSSESSIVES:
        if not norm.endswith(p):
            continue
        rest = norm[: -len(p)]
        if len(rest) < MIN_STEM:
            continue
        if p in ("сы", "сі"):
            # -сы follows a vowel; if that vowel is ы/і the word is more likely root-с + ы
            # ("облыс-ы"), which the shorter ending handles.
            if rest[-1] not in VOWELS or rest[-1] in "ыі":
                continue
            return len(p)
        if p in ("ымыз", "іміз"):
            if rest[-1] not in VOWELS:
                return len(p)
            continue
        # bare -ы/-і
        if required:
            if rest[-1] not in VOWELS:
                return len(p)
            continue
        if not _is_proper(word) and _legal_end(rest):
            return len(p)
    return 0


def _strip_ending(
    norm: str, endings: list[tuple[str, frozenset[str]]], proper: bool = False
) -> tuple[int, bool]:
    """Longest ending whose left context fits; (its length, whether it needs a possessive).

    A two-letter stem is allowed for common words ("ел-ге") but not for names ("Орда" is not
    "Ор" + locative).  Names in -стан (Қазақстан, Түркістан) do not end in the ablative -тан.
    """
    for ending, after in endings:
        if not norm.endswith(ending):
            continue
        rest = norm[: -len(ending)]
        short_ok = not proper and len(rest) == 2 and rest[0] in VOWELS and len(ending) >= 2
        if len(rest) < MIN_STEM and not short_ok:
            continue
        if proper and ending in ("тан", "тен") and rest.endswith("с"):
            continue
        if _POSS in after:
            if any(rest.endswith(p) and len(rest) - len(p) >= MIN_STEM for p in _POSSESSIVES):
                return len(ending), True
        if _sound(rest[-1]) in after:
            return len(ending), False
    return 0, False


def _devoice(form: str) -> str:
    if len(form) >= 2 and form[-1] in _DEVOICE and form[-2].lower() in VOWELS:
        return form[:-1] + _DEVOICE[form[-1]]
    return form


def _steps(word: str) -> list[str]:
    """``word`` and each form left after removing one more ending (case, possessive, plural)."""
    forms = [word]
    hyphen = word.rfind("-")
    if hyphen > 0 and _HYPHEN_TAIL_RE.match(word[hyphen:]):
        # "ЮНЕСКО-ның", "ТМД-ға": everything after the hyphen is inflection.
        forms.append(word[:hyphen])
        return forms
    current = word
    n, needs_poss = _strip_ending(_norm(current), _CASE_ENDINGS, _is_proper(word))
    if n:
        current = current[:-n]
        forms.append(current)
    p = _strip_possessive(current, _norm(current), required=needs_poss)
    if p:
        current = current[:-p]
        forms.append(current)
    n, _ = _strip_ending(_norm(current), _PLURAL_ENDINGS, _is_proper(word))
    if n:
        current = current[:-n]
        forms.append(current)
    return forms


def stem(word: str) -> str:
    """The word without its case, possessive and plural endings, keeping the original case.

    Stripping is conservative (each ending only after the sounds it can follow, never below
    three letters, no guessed possessive on proper names), because a wrong cut ("Алмат")
    loses a match while a missed one is caught by :func:`stem_candidates`.
    """
    word = word.strip()
    if not word:
        return word
    forms = _steps(word)
    last = forms[-1]
    if last != word and _possessive_removed_last(forms):
        return _devoice(last)
    return last


def _possessive_removed_last(forms: list[str]) -> bool:
    """Whether the final step removed a possessive -ы/-і (after which ғ/г/б revert to қ/к/п)."""
    if len(forms) < 2:
        return False
    removed = forms[-2][len(forms[-1]):]
    return _norm(removed) in ("ы", "і")


def stem_candidates(word: str) -> list[str]:
    """Forms to try when matching ``word`` against names, longest (most specific) first.

    Besides each successively stripped form this offers the devoiced root (орталығ →
    орталық), a doubled final с lost before an ending in Russian loans (Кузбас-тағы →
    Кузбасс), and the root of a -лық adjective (Қазақстандық → Қазақстан).
    """
    word = word.strip()
    if not word:
        return []
    out: list[str] = []

    def add(form: str) -> None:
        if form and form not in out:
            out.append(form)

    forms = _steps(word)
    for form in forms:
        add(form)
    final = stem(word)
    add(final)
    for form in list(out[1:]):
        add(_devoice(form))
        if _is_proper(form) and _norm(form).endswith("с") and len(form) >= MIN_STEM:
            add(form + form[-1])
    base = _norm(final)
    for suffix in _ADJECTIVAL:
        if base.endswith(suffix) and len(base) - len(suffix) >= MIN_STEM:
            add(final[: -len(suffix)])
            break
    return out


# --------------------------------------------------------------------------------------
# spaCy language
# --------------------------------------------------------------------------------------
_NUM_WORDS = {
    "нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он",
    "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан", "жүз", "мың",
    "миллион", "миллиард", "триллион", "жарты", "ширек",
}
_ORDINAL = re.compile(r"(?:ыншы|інші|ншы|нші|шы|ші)$")
_DIGITS_ORDINAL = re.compile(r"^\d+-?(?:ыншы|інші|ншы|нші|шы|ші|ы|і)$")


def like_num(text: str) -> bool:
    """Digits (with separators), Kazakh number words, their ordinals, and "1-ші"."""
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "").replace("\u00a0", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    low = _norm(text)
    if _DIGITS_ORDINAL.match(low):
        return True
    if low in _NUM_WORDS:
        return True
    root = _ORDINAL.sub("", low)
    if root != low:
        # бірінші → бір, екінші → екі, үшінші → үш, алтыншы → алты
        for candidate in (root, root[:-1], root + "ы", root + "і"):
            if candidate in _NUM_WORDS:
                return True
    return False


STOP_WORDS = set(
    """
    және мен бен пен да де та те мен сен ол біз сіз олар бұл осы сол ана мына әр
    бар жоқ емес еді екен ғана тек әлі енді қазір кейін бойынша туралы үшін арқылы
    дейін бері сияқты секілді немесе не я бірақ алайда себебі өйткені егер сондықтан
    сонымен қатар ретінде арасында ішінде кезінде
    """.split()
)

_ABBREVIATIONS: dict[str, str] = {
    "қ.": "қала",
    "ж.": "жыл",
    "жж.": "жылдар",
    "ғ.": "ғасыр",
    "ғғ.": "ғасырлар",
    "т.б.": "тағы басқа",
    "т.с.с.": "тағы сол сияқты",
    "т.с.": "тағы сол",
    "б.з.д.": "біздің заманымызға дейін",
    "б.з.": "біздің заманымыз",
    "обл.": "облыс",
    "ауд.": "аудан",
    "көш.": "көше",
    "мыс.": "мысалы",
    "бет.": "бет",
    "б.": "бет",
    "млн.": "миллион",
    "млрд.": "миллиард",
    "ҚР": "Қазақстан Республикасы",
    "РФ": "Ресей Федерациясы",
}


def _exceptions() -> dict:
    exc: dict = {}
    for orth, norm in _ABBREVIATIONS.items():
        variants = {orth} if orth.isupper() else {orth, orth[:1].upper() + orth[1:]}
        for variant in variants:
            exc[variant] = [{ORTH: variant, NORM: norm}]
    return update_exc(BASE_EXCEPTIONS, exc)


_QUOTE_CLASS = CONCAT_QUOTES
_SUFFIXES = (
    LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_ICONS
    + ["—", "–"]
    + [
        r"(?<=[0-9])(?:жж|ж|ғғ|ғ)\.",  # 2008ж.  → 2008 | ж.
        r"(?<=[0-9])(?:жж|ж)",  # 2008ж   → 2008 | ж
        r"(?<=[0-9])\+",
        r"(?<=[0-9])(?:{c})".format(c=CURRENCY),
        r"(?<=[0-9])(?:{u})".format(u=UNITS),
        r"(?<=[0-9{al}{e}{p}(?:{q})])\.".format(al=KK_LOWER, e=r"%²\-\+", q=_QUOTE_CLASS, p=PUNCT),
        r"(?<=[{au}][{au}])\.".format(au=KK_UPPER),
    ]
)
_INFIXES = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        r"(?<=[0-9])[+\-\*^](?=[0-9-])",
        r"(?<=[0-9])[–—](?=[0-9])",  # 2002–2005 → 2002 | – | 2005
        # initials run into a surname: "А.С.Пушкин" → А.С. | Пушкин, so the name can match
        r"(?<=[{au}]\.)(?=[{au}][{al}])".format(au=KK_UPPER, al=KK_LOWER),
        r"(?<=[{al}{q}])\.(?=[{au}{q}])".format(al=KK_LOWER, au=KK_UPPER, q=_QUOTE_CLASS),
        r"(?<=[{a}]),(?=[{a}])".format(a=KK_ALPHA),
        # "ЮНЕСКО-ның": a zero-width cut before the hyphen keeps "-ның" as one token.
        r"(?<=[{a}0-9])(?=-{t}$)".format(a=KK_ALPHA, t=f"(?i:{_HYPHEN_TAIL})"),
        # other hyphens between letters separate words: "Ресей-Қазақстан" → Ресей | - | Қазақстан
        r"(?<=[{a}])-(?!{t}$)(?=[{a}])".format(a=KK_ALPHA, t=f"(?i:{_HYPHEN_TAIL})"),
        r"(?<=[{a}])(?:–|—|--|---|——|~)(?=[{a}])".format(a=KK_ALPHA),
        r"(?<=[{a}0-9])[:<>=/](?=[{a}])".format(a=KK_ALPHA),
    ]
)


class KazakhDefaults(BaseDefaults):
    """Tatar-like defaults, with Kazakh letters, abbreviations and number words."""

    tokenizer_exceptions = _exceptions()
    suffixes = _SUFFIXES
    infixes = _INFIXES
    lex_attr_getters = {LIKE_NUM: like_num}
    stop_words = STOP_WORDS
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


class Kazakh(Language):
    """``spacy.blank("kk")`` once the entry point is installed; ``Kazakh()`` always."""

    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh", "KazakhDefaults", "stem", "stem_candidates", "like_num"]
