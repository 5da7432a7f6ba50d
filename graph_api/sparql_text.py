"""Reading SPARQL text without parsing it: a lexer that knows comments, strings and IRIs.

pyoxigraph parses queries but shows nothing of what it parsed. Two places still need a look
at the text: the remote backend rewrites a few constructs for servers that lack them
(:mod:`graph_api.store.remote`), and the query executor wants to know whether a SELECT carries
its own LIMIT (:func:`top_level_limit`). A regular expression over raw text would be fooled by
a ``}`` or a ``LIMIT`` inside a comment or a string; these tokens are not.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      | (?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                  |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
      | (?P<word>[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_\-\u00B7\u00C0-\uFFFF]*(?::[^\s{}()<>"',;]*)?|:[^\s{}()<>"',;]*)
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


@dataclass
class Tok:
    kind: str  # ws, comment, string, iri, var, word or other (one character, digits included)
    text: str

    @property
    def kw(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def tokens(sparql: str) -> list[Tok]:
    return [Tok(m.lastgroup or "other", m.group()) for m in _TOKEN.finditer(sparql)]


def _significant(sparql: str) -> list[str]:
    """Tokens without whitespace and comments; runs of digits joined into one number."""
    out: list[str] = []
    digits = False
    for t in tokens(sparql):
        if t.kind in ("ws", "comment"):
            digits = False
            continue
        if t.kind == "other" and t.text.isdigit():
            if digits:
                out[-1] += t.text
            else:
                out.append(t.text)
            digits = True
            continue
        digits = False
        out.append(t.kw or t.text)
    return out


@functools.lru_cache(maxsize=512)
def top_level_limit(query: str) -> int | None:
    """The LIMIT of the outermost query when the text ends in it (``… LIMIT n``, with OFFSET
    before or after), else None.

    Solution modifiers follow the outermost group, so a query that *ends* in LIMIT has it at
    the top level: a subquery's LIMIT sits inside braces, and one followed by VALUES does not
    end the text (None: the caller then counts rows itself). Comments and strings are tokens
    here, so a ``}`` or a ``LIMIT`` inside them changes nothing.
    """
    toks = _significant(query)
    if len(toks) >= 2 and toks[-2] == "OFFSET" and toks[-1].isdigit():
        toks = toks[:-2]
    if len(toks) >= 2 and toks[-2] == "LIMIT" and toks[-1].isdigit():
        return int(toks[-1])
    return None
