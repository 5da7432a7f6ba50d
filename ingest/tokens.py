"""Word tokens with character offsets, as the matchers see them.

spaCy's tokenizer keeps "им.С.Муканова" or "Пушкинатындағы" whole; the matchers need the words
inside such glued forms, with offsets into the original text. Each token carries its folded key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .keys import fold

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?(?:-[^\W_]+)*", re.UNICODE)
_GLUED = re.compile(r"^(.{3,}?)(атындағы|атындагы)$", re.IGNORECASE)


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str
    key: str

    @property
    def is_upper_initial(self) -> bool:
        return len(self.text) <= 2 and self.text[:1].isupper()

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    for m in _WORD.finditer(text):
        w, s = m.group(), m.start()
        g = _GLUED.match(w)
        if g:
            a = g.group(1)
            toks.append(Tok(s, s + len(a), a, fold(a)))
            toks.append(Tok(s + len(a), m.end(), g.group(2), fold(g.group(2))))
            continue
        toks.append(Tok(s, m.end(), w, fold(w)))
    return toks
