"""The Kazakh case endings, by case, in one place (no spaCy: low-level modules read them too).

Rules, keys and relations need to ask "is this word in the genitive / locative / ablative?" of a
Kazakh word; :mod:`ingest.kazakh` pairs the same endings with the sounds they follow to stem
words. A test keeps the two in step.
"""
from __future__ import annotations

GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
DATIVE = ("на", "не", "ға", "ге", "қа", "ке")
ACCUSATIVE = ("ны", "ні", "ды", "ді", "ты", "ті", "н")
LOCATIVE = ("нда", "нде", "да", "де", "та", "те")
ABLATIVE = ("нан", "нен", "дан", "ден", "тан", "тен")
INSTRUMENTAL = ("мен", "бен", "пен")
ATTRIBUTIVE_LOCATIVE = ("ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі")  # "which is in"

ALL = GENITIVE + DATIVE + ACCUSATIVE + LOCATIVE + ABLATIVE + INSTRUMENTAL + ATTRIBUTIVE_LOCATIVE


def alternatives(*cases: tuple[str, ...]) -> str:
    """A regular-expression alternation of the endings of ``cases``, longest first."""
    return "|".join(sorted({e for case in cases for e in case}, key=len, reverse=True))
