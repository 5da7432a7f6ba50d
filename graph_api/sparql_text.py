"""Reading SPARQL text without parsing it: a lexer that knows comments, strings and IRIs.

pyoxigraph parses queries but shows nothing of what it parsed. A few places still need a look
at the text: the remote backend rewrites a few constructs for servers that lack them
(:mod:`graph_api.store.remote`), the query executor wants to know whether a SELECT carries its
own LIMIT (:func:`top_level_limit`), whether a query names its own dataset (FROM / FROM NAMED)
and where its SERVICE clauses send requests (:func:`keyword_offsets`, :func:`read_prologue`,
:func:`service_target`), and the update endpoint which graphs an update names
(:func:`update_iris`). A regular expression over raw text would be fooled by a ``}`` or a
``LIMIT`` inside a comment or a string; these tokens are not.

The lexer is not the parser: ``<`` is both the start of an IRI and the less-than operator, and
only the grammar tells them apart (``FILTER(?o<'>')`` is a comparison with a string, which the
lexer reads as the IRI ``<'>`` followed by a string that runs on). Where that matters for
safety, :mod:`graph_api.query_exec` checks the lexer's reading against pyoxigraph's parser.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import urljoin

_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      | (?P<comment>\#[^\r\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                  |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
      | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
      | (?P<word>[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_\-\u00B7\u00C0-\uFFFF]*(?::[^\s{}()<>"',;]*)?|:[^\s{}()<>"',;]*)
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


@dataclass
class Tok:
    kind: str  # ws, comment, string, iri, var, word or other (one character, digits included)
    text: str
    start: int = field(default=0, compare=False)  # offset in the text

    @property
    def kw(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def tokens(sparql: str) -> list[Tok]:
    return [Tok(m.lastgroup or "other", m.group(), m.start()) for m in _TOKEN.finditer(sparql)]


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


# --- keywords, the prologue and the IRIs a text names -------------------------------------------
def keyword_offsets(sparql: str, keyword: str) -> list[int]:
    """Offsets of ``keyword`` (case-insensitive) where the lexer reads it as a keyword: a word
    token of its own, not inside a comment, string, IRI or prefixed name, nor a language tag
    (``"…"@from``)."""
    kw = keyword.upper()
    out: list[int] = []
    prev: Tok | None = None
    for t in tokens(sparql):
        if t.kw == kw and not (prev is not None and prev.kind == "other" and prev.text == "@"):
            out.append(t.start)
        if t.kind not in ("ws", "comment"):
            prev = t
    return out


def occurrences(sparql: str, keyword: str) -> list[int]:
    """Every offset where the letters of ``keyword`` occur, whatever surrounds them (case-insensitive)."""
    return [m.start() for m in re.finditer(re.escape(keyword), sparql, re.IGNORECASE)]


def renamed(sparql: str, offsets: list[int], length: int) -> str:
    """``sparql`` with the ``length`` characters at each offset changed in their last letter
    (``SERVICE`` → ``SERVICQ``): a keyword so changed no longer parses, while the same letters
    in a string, IRI, comment, variable or prefixed name (renamed everywhere at once) still do."""
    chars = list(sparql)
    for at in offsets:
        last = chars[at + length - 1]
        new = "x" if last.lower() == "q" else "q"
        chars[at + length - 1] = new.upper() if last.isupper() else new
    return "".join(chars)


_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_PN_CHARS_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
                  "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_PREFIX = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL = f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
# The grammar's own terminals (SPARQL 1.1 §19.8), used where the text after a keyword is read exactly.
PNAME = re.compile(f"(?P<prefix>{_PN_PREFIX})?:(?P<local>{_PN_LOCAL})?")
_PNAME_NS = re.compile(f"(?:{_PN_PREFIX})?:")
IRIREF = re.compile(r'<((?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)>')
VAR = re.compile(r"[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+")
_SKIP = re.compile(r"(?:\s+|#[^\r\n]*)*")
_NAME_CHAR = re.compile(f"[{_PN_CHARS}:]")


def unescape_iri(text: str) -> str:
    """An IRIREF's content with its ``\\u``/``\\U`` escapes decoded, as the parser decodes them."""
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _unescape_local(local: str) -> str:
    """A prefixed name's local part as the parser reads it: ``\\`` escapes dropped, ``%xx`` kept."""
    return re.sub(r"\\(.)", r"\1", local)


def is_absolute(iri: str) -> bool:
    """Whether ``iri`` has a scheme: a relative one depends on a base the check cannot be sure of."""
    return _ABSOLUTE.match(iri) is not None


@dataclass
class Prologue:
    """BASE and PREFIX declarations. ``relative`` holds the prefixes declared with a relative
    IRI (resolved here against BASE the way :func:`urllib.parse.urljoin` does, which may differ
    from the parser in corner cases: callers that decide on safety refuse those)."""

    base: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)
    relative: set[str] = field(default_factory=set)

    def declare_base(self, ref: str) -> None:
        self.base = ref if is_absolute(ref) or self.base is None else urljoin(self.base, ref)

    def declare_prefix(self, name: str, ref: str) -> None:
        self.relative.discard(name)
        if not is_absolute(ref):
            self.relative.add(name)
            ref = urljoin(self.base, ref) if self.base else ref
        self.prefixes[name] = ref

    def expand(self, pname: str) -> str | None:
        """The IRI of a prefixed name, or None when its prefix is not declared."""
        m = PNAME.fullmatch(pname)
        if m is None or (m.group("prefix") or "") not in self.prefixes:
            return None
        return self.prefixes[m.group("prefix") or ""] + _unescape_local(m.group("local") or "")


def _keyword_at(text: str, pos: int, keyword: str) -> bool:
    """Whether ``keyword`` (upper case) stands at ``pos`` as a word of its own, in any case."""
    end = pos + len(keyword)
    return text[pos:end].upper() == keyword and not (end < len(text) and _NAME_CHAR.match(text, end))


def read_prologue(query: str) -> Prologue:
    """The declarations at the start of a query, read with the grammar's own terminals.

    A query's prologue comes before anything else, so no expression (where the lexer can
    mistake ``<`` for an IRI) can come before it and hide or fake a declaration."""
    pro = Prologue()
    pos = _SKIP.match(query, 0).end()  # type: ignore[union-attr]
    while True:
        if _keyword_at(query, pos, "BASE"):
            at = _SKIP.match(query, pos + 4).end()  # type: ignore[union-attr]
            m = IRIREF.match(query, at)
            if m is None:
                break
            pro.declare_base(unescape_iri(m.group(1)))
        elif _keyword_at(query, pos, "PREFIX"):
            at = _SKIP.match(query, pos + 6).end()  # type: ignore[union-attr]
            name = _PNAME_NS.match(query, at)
            if name is None:
                break
            at = _SKIP.match(query, name.end()).end()  # type: ignore[union-attr]
            m = IRIREF.match(query, at)
            if m is None:
                break
            pro.declare_prefix(name.group()[:-1], unescape_iri(m.group(1)))
        else:
            break
        pos = _SKIP.match(query, m.end()).end()  # type: ignore[union-attr]
    return pro


class Target(NamedTuple):
    """Where a SERVICE clause sends its request: ``kind`` is ``iri`` (an absolute IRI, as the
    parser reads it), ``var`` (decided while the query runs) or ``unknown`` (a relative IRI, an
    undeclared or relatively declared prefix, or text not read here), with the text read."""

    kind: str
    value: str


def service_target(query: str, offset: int, prologue: Prologue) -> Target:
    """The endpoint of the SERVICE keyword at ``offset``: ``SERVICE SILENT? (iri | pname | var)``,
    read with the grammar's terminals (nothing there can be an expression)."""
    pos = _SKIP.match(query, offset + len("SERVICE")).end()  # type: ignore[union-attr]
    if _keyword_at(query, pos, "SILENT"):
        pos = _SKIP.match(query, pos + len("SILENT")).end()  # type: ignore[union-attr]
    if m := IRIREF.match(query, pos):
        iri = unescape_iri(m.group(1))
        return Target("iri", iri) if is_absolute(iri) else Target("unknown", m.group())
    if m := VAR.match(query, pos):
        return Target("var", m.group())
    if m := PNAME.match(query, pos):
        prefix = m.group("prefix") or ""
        iri = prologue.expand(m.group())
        if iri is None or prefix in prologue.relative:
            return Target("unknown", m.group())
        return Target("iri", iri)
    return Target("unknown", query[pos:pos + 40])


def update_iris(update: str) -> list[str]:
    """Every IRI an update's text names, written out or as a prefixed name, expanded with the
    BASE and PREFIX declarations before it (an update may declare more before each operation).

    Lexical: an IRI the update computes (``IRI(CONCAT(…))``) or binds from the data
    (``GRAPH ?g``) is not here, and the lexer's reading of ``<`` (see the module's docstring)
    can hide a name inside an expression crafted for it."""
    pro = Prologue()
    out: list[str] = []
    sig = [t for t in tokens(update) if t.kind not in ("ws", "comment")]
    i = 0
    while i < len(sig):
        t = sig[i]
        nxt = sig[i + 1] if i + 1 < len(sig) else None
        if t.kw == "BASE" and nxt is not None and nxt.kind == "iri":
            pro.declare_base(unescape_iri(nxt.text[1:-1]))
            i += 2
            continue
        if t.kw == "PREFIX" and nxt is not None and nxt.kind == "word" and nxt.text.endswith(":") \
                and i + 2 < len(sig) and sig[i + 2].kind == "iri":
            pro.declare_prefix(nxt.text[:-1], unescape_iri(sig[i + 2].text[1:-1]))
            i += 3
            continue
        if t.kind == "iri":
            ref = unescape_iri(t.text[1:-1])
            out.append(urljoin(pro.base, ref) if pro.base and not is_absolute(ref) else ref)
        elif t.kind == "word" and ":" in t.text and (m := PNAME.match(t.text)) is not None:
            iri = pro.expand(m.group())
            if iri is not None:
                out.append(iri)
        i += 1
    return out


def clears_every_graph(update: str) -> str | None:
    """``DROP ALL``, ``CLEAR NAMED`` and the like (with or without SILENT), as written, or None."""
    sig = [t for t in tokens(update) if t.kind not in ("ws", "comment")]
    for i, t in enumerate(sig):
        if t.kw in ("DROP", "CLEAR"):
            rest = [x.kw for x in sig[i + 1:i + 3]]
            if rest[:1] == ["SILENT"]:
                rest = rest[1:]
            if rest[:1] in (["ALL"], ["NAMED"]):
                return f"{t.kw} {rest[0]}"
    return None
