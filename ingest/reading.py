"""Turn a file on disk (or its bytes) into the one text every annotation points into.

Why this module is strict about the text: mentions are stored as character offsets
(``oa:TextPositionSelector``) and checked by the evaluation against what
``Path.read_text(encoding="utf-8")`` returns for a UTF-8 ``.txt`` file. So the only changes
ever made to a decoded text are the ones ``read_text`` itself makes (universal newlines),
removing a byte-order mark and Unicode NFC. Everything a matcher wants to be lenient about
(look-alike Latin letters, typographic quotes and dashes, odd spaces) lives in
:func:`matching_view`, which returns a string of exactly the same length so that offsets
found in it are offsets into the real text.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Document",
    "ReadError",
    "SUPPORTED_SUFFIXES",
    "matching_view",
    "read_bytes",
    "read_document",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(MEDIA_TYPES)

_FORMATS_HINT = "install shekara[formats]"


class ReadError(Exception):
    """A document that cannot be read; ``str()`` is a one-line reason for the user."""


@dataclass(frozen=True)
class Document:
    """One read document: its exact text plus what we know about the file."""

    name: str
    text: str
    content_hash: str
    media_type: str
    encoding: str | None = None
    title: str | None = None
    _norm: str | None = field(default=None, init=False, repr=False, compare=False, hash=False)

    def norm(self) -> str:
        """The :func:`matching_view` of ``text`` (computed once, same length as ``text``)."""
        if self._norm is None:
            object.__setattr__(self, "_norm", matching_view(self.text))
        return self._norm  # type: ignore[return-value]


# --------------------------------------------------------------------------- entry points


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file; every failure is a :class:`ReadError` with a one-line reason.

    The size is checked from ``stat`` before a single byte is read, so a huge file is
    refused at once instead of being loaded into memory.
    """
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    if path.is_dir():
        raise ReadError(f"{path}: is a directory, not a document")
    _check_suffix(name)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"{path}: cannot inspect file ({exc.strerror or exc})") from exc
    _check_size(name, size, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read file ({exc.strerror or exc})") from exc
    return read_bytes(data, name, max_bytes=max_bytes)


def read_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a document given as bytes; ``name`` (a file name) decides the format."""
    name = Path(name).name
    suffix = _check_suffix(name)
    _check_size(name, len(data), max_bytes)
    if not data.strip():
        raise ReadError(f"{name}: empty file")

    encoding: str | None = None
    title: str | None = None
    if suffix in (".txt", ".md"):
        text, encoding = _decode_text(data, name)
        text = _clean(text)
        if suffix == ".md":
            title = _markdown_title(text)
    elif suffix in (".html", ".htm"):
        html, encoding = _decode_html(data, name)
        raw_text, title = _html_main_text(html)
        text = _clean(raw_text)
    elif suffix == ".pdf":
        raw_text, title = _pdf_text(data, name)
        text = _clean(raw_text)
    else:  # .docx
        raw_text, title = _docx_text(data, name)
        text = _clean(raw_text)

    if not text.strip():
        raise ReadError(f"{name}: no text in document (empty or only whitespace)")
    if title is not None:
        title = _clean(title).strip() or None
    return Document(
        name=name,
        text=text,
        content_hash="sha256:" + hashlib.sha256(data).hexdigest(),
        media_type=MEDIA_TYPES[suffix],
        encoding=encoding,
        title=title,
    )


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        known = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ReadError(f"{name}: unsupported file type {suffix or '(none)'!r} (supported: {known})")
    return suffix


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise ReadError(f"{name}: file too large ({size} bytes, limit {max_bytes})")


def _clean(text: str) -> str:
    """The only changes allowed to a decoded text: no BOM, universal newlines, NFC.

    Universal newlines are exactly ``Path.read_text``'s: ``\\r\\n`` and lone ``\\r`` become
    ``\\n``; other line separators (U+2028, U+0085) stay, as they do there.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- plain text decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("cp1251", "koi8_r")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc minus whitespace


def _decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode text bytes: BOM, then UTF-8, then BOM-less UTF-16, then cp1251 / KZ-1048 / koi8-r.

    Kazakh letters (ә ғ қ ң ө ұ ү һ і) do not exist in koi8-r and only і in cp1251. Older
    Kazakh files use KZ-1048 (RK1048), which is cp1251 with 16 byte values moved to Kazakh
    letters; read as cp1251 those come out as Ќ ј Є … and the text looks Cyrillic enough to pass.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise ReadError(f"{name}: cannot decode text marked as {codec} ({exc.reason})") from exc

    has_nul = b"\x00" in data
    if not has_nul:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if _control_ratio(text) <= 0.02:
                return text, "utf-8"
    guess = _guess_utf16(data)
    if guess is not None:
        return guess
    if has_nul:
        raise ReadError(f"{name}: binary content (NUL bytes), not a text file")
    guess = _guess_legacy(data)
    if guess is not None:
        return guess
    ascii_controls = sum(1 for b in data if (b < 0x20 and b not in b"\t\n\r\f\v") or b == 0x7F)
    if ascii_controls / len(data) > 0.02:
        raise ReadError(f"{name}: binary content, not a text file")
    raise ReadError(f"{name}: cannot decode text (not UTF-8, UTF-16, cp1251, KZ-1048 or koi8-r)")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_CHARS.findall(text)) / len(text)


def _expected_char(c: str) -> bool:
    """A character plausible in a kk/ru/en document (used only to judge a guessed decoding)."""
    o = ord(c)
    if c in _ALLOWED_CONTROLS:
        return True
    if o < 0x20 or 0x7F <= o < 0xA0:
        return False
    return (
        o < 0x250  # Latin, Latin-1, Latin Extended
        or 0x400 <= o < 0x530  # Cyrillic (+ supplement: Kazakh letters)
        or 0x2000 <= o < 0x2070  # general punctuation
        or 0x20A0 <= o < 0x20D0  # currency
        or o in (0x2116, 0x2122)  # № ™
    )


def _expected_ratio(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for c in text if _expected_char(c)) / len(text)


def _guess_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: accept the byte order whose text looks like kk/ru/en text."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _expected_ratio(text)
        if score >= 0.95 and (best is None or score > best[0]):
            best = (score, text, codec)
    return (best[1], best[2]) if best else None


# Relative frequencies (per mille) of lowercase Russian letters in running text; used to
# tell cp1251 from koi8-r (and, with the Kazakh letters, from KZ-1048). Wrong guesses give
# mostly capital letters in random order.
_RU_FREQ = {
    "о": 110, "е": 85, "а": 80, "и": 74, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45,
    "л": 44, "к": 35, "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 19, "ь": 17,
    "г": 17, "з": 16, "б": 16, "ч": 14, "й": 12, "х": 10, "ж": 9, "ш": 7, "ю": 6,
    "ц": 5, "щ": 4, "э": 3, "ф": 3, "ъ": 1, "ё": 1, "і": 10,
    # Kazakh letters, for KZ-1048 against cp1251 (whose bytes there hold Ќ ј Є Ў …, which
    # kk/ru/en prose never uses and which get the floor value below)
    "ә": 10, "ғ": 5, "қ": 10, "ң": 5, "ө": 5, "ұ": 5, "ү": 5, "һ": 1,
}


def _cyrillic_plausibility(text: str) -> float:
    """Mean log-frequency of the Cyrillic letters, with capitals penalised.

    Ordinary prose is mostly lowercase and dominated by о е а и н т; a text decoded with
    the wrong single-byte table flips case and scrambles letters, which this punishes.
    """
    letters = [c for c in text if "\u0400" <= c <= "\u04ff"]
    if not letters:
        return float("-inf")
    total = 0.0
    for c in letters:
        freq = _RU_FREQ.get(c.lower(), 0.5)
        total += math.log(freq) - (1.5 if c.isupper() else 0.0)
    return total / len(letters)


def _guess_legacy(data: bytes) -> tuple[str, str] | None:
    """cp1251, KZ-1048 or koi8-r: charset-normalizer proposes, letter frequencies decide.

    KZ-1048 differs from cp1251 only in the 16 bytes that hold Kazakh letters, so it is tried
    wherever cp1251 is; on text without those bytes the two tie and cp1251 (listed first) stays.
    """
    candidates: list[str] = []
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        candidates = list(_LEGACY)
    else:
        for match in from_bytes(data, cp_isolation=list(_LEGACY)):
            codec = codecs.lookup(match.encoding).name
            if codec in ("cp1251", "koi8-r") and codec not in candidates:
                candidates.append(codec)
        if not candidates:
            candidates = list(_LEGACY)
    if "cp1251" in candidates:
        candidates.insert(candidates.index("cp1251") + 1, "kz1048")
    best: tuple[float, str, str] | None = None
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) > 0.02 or _expected_ratio(text) < 0.97:
            continue
        letters = [c for c in text if c.isalpha()]
        if letters and sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / len(letters) < 0.3:
            continue  # high bytes that are not Cyrillic prose
        score = _cyrillic_plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < 1.0:
        return None
    return best[1], best[2]


# --------------------------------------------------------------------------- markdown


_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def _markdown_title(text: str) -> str | None:
    match = _ATX_HEADING.search(text)
    return match.group(1).strip() if match else None


# --------------------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "aside", "iframe", "svg", "form",
    "button", "select", "menu", "object", "embed", "canvas", "head",
)
_DROP_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar")
_FURNITURE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "mainmenu", "topmenu", "submenu", "sidebar",
    "breadcrumb", "breadcrumbs", "footer", "header", "masthead", "cookie", "cookies",
    "share", "social", "pagination", "skip", "toolbar",
})
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
    "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "thead", "tbody",
    "tfoot", "caption", "figure", "figcaption", "address", "header", "footer", "hr",
    "details", "summary", "body", "center",
})
_CELL_TAGS = frozenset({"td", "th"})
_ASCII_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
_BREAK = "\x00"  # paragraph marker while walking; never in a decoded text


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    """HTML bytes → str: BOM, then the declared ``<meta charset>``, then detection."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii", "replace").lower()
            try:
                codec = codecs.lookup(declared).name
                return data.decode(codec), codec
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common: fall back to detection
    return _decode_text(data, name)


def _is_furniture(node) -> bool:  # noqa: ANN001 - selectolax node
    attrs = node.attributes or {}
    if (attrs.get("role") or "").lower() in _DROP_ROLES:
        return True
    if attrs.get("aria-hidden") == "true" or "hidden" in attrs:
        return True
    words: set[str] = set()
    for key in ("id", "class"):
        value = attrs.get(key) or ""
        words.update(w for w in re.split(r"[\s_-]+", value.lower()) if w)
    return bool(words & _FURNITURE_WORDS)


def _html_main_text(html: str) -> tuple[str, str | None]:
    """The page's main text: paragraphs and headings as blank-line separated blocks.

    Menus, navigation, page header/footer, sidebars, scripts and styles are removed;
    a ``<header>`` inside an ``<article>`` or ``<main>`` stays (it holds the title).
    """
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError as exc:  # pragma: no cover - selectolax is a core dependency
        raise ReadError(f"HTML support needs selectolax: {_FORMATS_HINT}") from exc
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(deep=True).strip() if title_node else None

    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for tag in ("header", "footer"):
        for node in tree.css(tag):
            if not _inside(node, ("article", "main")):
                node.decompose()
    root = tree.css_first("main") or tree.body or tree.root
    if root is None:
        return "", title
    # Furniture by class/id/role: checked top-down so a removed parent takes its children.
    for node in list(root.css("*")):
        if node.parent is not None and _is_furniture(node):
            node.decompose()

    parts: list[str] = []
    _walk(root, parts, preformatted=False)
    blocks = []
    for block in "".join(parts).split(_BREAK):
        lines = [_ASCII_SPACE_RUN.sub(" ", line).strip(" ") for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append(text)
    if not title:
        heading = root.css_first("h1")
        title = heading.text(deep=True).strip() if heading else None
    return "\n\n".join(blocks), title


def _inside(node, tags: tuple[str, ...]) -> bool:  # noqa: ANN001
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _walk(node, out: list[str], *, preformatted: bool) -> None:  # noqa: ANN001
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = (child.text_content or "").replace(_BREAK, "")
            # Only ASCII whitespace collapses: a no-break space is part of the text.
            out.append(text if preformatted else _ASCII_SPACE_RUN.sub(" ", text))
        elif tag == "br":
            out.append("\n")
        elif tag in _BLOCK_TAGS:
            out.append(_BREAK)
            _walk(child, out, preformatted=preformatted or tag == "pre")
            out.append(_BREAK)
        elif tag in _CELL_TAGS:
            out.append(" ")
            _walk(child, out, preformatted=preformatted)
            out.append(" ")
        elif tag.startswith("-"):
            continue  # comments, doctype
        else:
            _walk(child, out, preformatted=preformatted)


# --------------------------------------------------------------------------- PDF and DOCX


def _pdf_text(data: bytes, name: str) -> tuple[str, str | None]:
    """Text of every page, pages separated by a blank line (pypdf, optional)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError as exc:
        raise ReadError(f"{name}: reading PDF needs pypdf: {_FORMATS_HINT}") from exc
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(f"{name}: PDF is password-protected")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except ReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError,
            IndexError, RecursionError, NotImplementedError) as exc:
        raise ReadError(f"{name}: broken PDF ({_one_line(exc)})") from exc
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise ReadError(f"{name}: PDF has no extractable text (scanned images?)")
    return text, title if isinstance(title, str) else None


def _docx_text(data: bytes, name: str) -> tuple[str, str | None]:
    """Paragraphs and table rows in document order, blank-line separated (python-docx, optional)."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:
        raise ReadError(f"{name}: reading DOCX needs python-docx: {_FORMATS_HINT}") from exc
    import zipfile

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        title: str | None = (document.core_properties.title or "").strip() or None
        for element in document.element.body.iterchildren():
            local = element.tag.rsplit("}", 1)[-1]
            if local == "p":
                paragraph = Paragraph(element, document)
                text = paragraph.text.strip()
                if not text:
                    continue
                style = (paragraph.style.name if paragraph.style is not None else "") or ""
                if title is None and (style.startswith("Heading") or style == "Title"):
                    title = text
                blocks.append(text)
            elif local == "tbl":
                for row in Table(element, document).rows:
                    cells = [c.text.strip() for c in row.cells]
                    line = " ".join(c for c in cells if c)
                    if line:
                        blocks.append(line)
    except (zipfile.BadZipFile, KeyError, ValueError, AttributeError, OSError) as exc:
        raise ReadError(f"{name}: broken DOCX ({_one_line(exc)})") from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError etc.
        if type(exc).__module__.startswith(("docx", "lxml")):
            raise ReadError(f"{name}: broken DOCX ({_one_line(exc)})") from exc
        raise
    return "\n\n".join(blocks), title


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:200]


# --------------------------------------------------------------------------- matching view

# Latin letters that look like Cyrillic ones. Replaced only inside words that also contain
# Cyrillic letters, where a Latin letter can only be a typing or OCR slip. Lowercase h is
# mapped to Kazakh һ (its exact twin; Kazakh texts often type һ as h), ə to Kazakh ә.
_LOOKALIKES = {
    "a": "а", "A": "А", "b": "в", "B": "В", "c": "с", "C": "С", "e": "е", "E": "Е",
    "h": "һ", "H": "Н", "i": "і", "I": "І", "k": "к", "K": "К", "m": "м", "M": "М",
    "o": "о", "O": "О", "p": "р", "P": "Р", "t": "т", "T": "Т", "x": "х", "X": "Х",
    "y": "у", "Y": "У", "ə": "ә", "Ə": "Ә",
}
_PUNCT = {
    **{c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                       "\u2009\u200a\u202f\u205f\u3000"},
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"},
    **{c: '"' for c in "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033"},
    **{c: "'" for c in "\u2018\u2019\u201b\u02bc"},
}
_PUNCT_TABLE = str.maketrans(_PUNCT)
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
# A whole word (letters only) holding both a mappable Latin letter and a Cyrillic one; the
# look-behind makes the engine try word starts only, so long texts stay fast.
_WORD = re.compile(
    r"(?<![^\W\d_])(?=[^\W\d_]*[" + "".join(_LOOKALIKES) + r"])"
    r"(?=[^\W\d_]*[\u0400-\u052f])[^\W\d_]+"
)


def matching_view(text: str) -> str:
    """A copy of ``text`` for matching, of exactly the same length (offsets carry over).

    Unicode spaces become " ", typographic dashes and the soft hyphen "-", quotes '"',
    apostrophes "'"; Latin look-alikes inside Cyrillic words become their Cyrillic twins
    ("Пушкинa" with a Latin a reads "Пушкина").
    """
    view = text.translate(_PUNCT_TABLE)

    view = _WORD.sub(lambda match: match.group(0).translate(_LOOKALIKE_TABLE), view)
    assert len(view) == len(text)  # every replacement is one code point for one
    return view
