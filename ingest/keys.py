"""Cross-script keys: one spelling-independent form for Kazakh, Russian and English names.

Transliteration alone makes Мұқанов, Муканов and Mukanov collide only after folding the
letters that the three orthographies render differently (қ/к/q, ұ/у/u, х/h/kh …). Exonyms
(Омбы/Омск) never collide this way: they come from the authority file.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from . import kk_cases

_KK = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                     "ё": "е", "й": "и", "ы": "и", "ь": "", "ъ": "", "э": "е"})
_FOLDS = [("shch", "s"), ("kh", "h"), ("zh", "j"), ("dj", "j"), ("gh", "g"), ("ts", "c"), ("sh", "s"), ("ch", "c"),
          ("q", "k"), ("y", "i"), ("x", "ks"), ("w", "v")]  # (Джумагалиева and Жұмағалиева: "dzh" and "zh" are one)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"(.)\1+")
_GLIDE = re.compile(r"([aeou])i(?=[aeou])")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The folded ASCII key of a word or name (no separators)."""
    t = unicodedata.normalize("NFKC", text).casefold().translate(_KK)
    t = anyascii(t).lower()
    for a, b in _FOLDS:
        t = t.replace(a, b)
    t = _NON_ALNUM.sub("", t)
    t = _GLIDE.sub(r"\1", t)  # Munalbayeva / Муналбаева: a glide between vowels is spelling
    return _DOUBLE.sub(r"\1", t)


def fold_all(words: tuple[str, ...]) -> tuple[str, ...]:
    """Word lists are written readably; text keys are folded (x→ks, w→v, sh→s, doubled letters
    once), so a list goes through the same fold before it is compared with them.

    A stem ending in "t" also stands in its "-ts" form, which the fold writes "c": "reports"
    folds to "reporc" and "projects" to "projec", which "report" and "project" would not open."""
    out: list[str] = []
    for w in words:
        f = fold(w)
        out.append(f)
        if len(f) >= 5 and f.endswith("t"):
            out.append(fold(w + "s"))
    return tuple(dict.fromkeys(out))


def slugify(text: str, max_len: int = 80) -> str:
    """A readable, stable ASCII slug (the same text gives the same slug on every machine)."""
    t = anyascii(unicodedata.normalize("NFKC", text)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:max_len].rstrip("-") or "x"


def token_match(a: str, b: str) -> bool:
    """Two folded word keys denote the same word up to an inflectional ending.

    Equal keys match; longer words match when they share all but their last three letters
    (and at least four): this absorbs Russian case endings and Kazakh case/possessive
    suffixes without a morphological dictionary.
    """
    if a == b:
        return True
    n = min(len(a), len(b))
    if n < 4:
        return False
    need = max(4, n - 3)
    return a[:need] == b[:need]


# A Kazakh case ending written after a Russian-type surname (Әуезовтің, Оспановқа, Ивановамен, Синицынаға,
# Подгорнаяның, Гогольдің;
# -цын only: Kazakh "Қаласын-да" ends in -ын too),
# read on the written word: folded, Kazakh ы/і would pass for the Russian и ("Қаласында").
_KK_CASE_AFTER_SURNAME = re.compile(
    # (not the dative -на/-не, the locative -нда/-нде or the bare -н, which follow a possessive only
    # and would take "Ивановна" for Иванов in the dative)
    r"(ов|ев|ин|цын|ова|ева|ина|цына|ая|ль|ский|цкий|ской|цкой)(" + kk_cases.alternatives(
        kk_cases.GENITIVE, kk_cases.DATIVE[2:], kk_cases.ACCUSATIVE[:-1], kk_cases.LOCATIVE[2:], kk_cases.ABLATIVE,
        kk_cases.INSTRUMENTAL) + ")$")


# ... and every case ending after a Kazakh patronymic surname ("Байтұрсынұлының", "Байтұрсынұлына",
# "Серікқызымен"): it ends in a vowel, so none of them can be part of a Russian-type name.
_KK_CASE_AFTER_PATRONYMIC = re.compile(r"(ұлы|қызы)(" + kk_cases.alternatives(kk_cases.ALL) + ")$")


# A surname of another kind ending in a vowel, then the genitive, ablative or instrumental: "Бианкидің",
# "Шевченконың", "Дюмадан" (the shorter endings would cut names: "Айда", "Мадина")
_KK_CASE_AFTER_VOWEL = re.compile(r"(?<=\w{3}[аеиоуыэюяі])(" + kk_cases.alternatives(
    kk_cases.GENITIVE, kk_cases.ABLATIVE, kk_cases.INSTRUMENTAL) + ")$")


def strip_kk_case(word: str) -> str:
    """A surname without the Kazakh case ending written after it; other words as they are."""
    out = _KK_CASE_AFTER_PATRONYMIC.sub(r"\1", _KK_CASE_AFTER_SURNAME.sub(r"\1", word))
    return _KK_CASE_AFTER_VOWEL.sub("", out) if out == word else out
