"""Document reading: formats, encodings, the exact text offsets point into, and errors."""
from __future__ import annotations

import codecs
import hashlib
import time
import unicodedata
from pathlib import Path

import pytest

from ingest.reading import (
    SUPPORTED_SUFFIXES,
    Document,
    ReadError,
    matching_view,
    read_bytes,
    read_document,
)

DATA = Path(__file__).resolve().parent / "data" / "reading"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

RU = (
    "Курганская областная библиотека им. А. К. Югова и библиотека им. С. Муканова "
    "в Петропавловске заключили договор в 2003 году.\n"
    'Обе библиотеки участвуют в проекте "Встречи на границах", который начался в 2001 году.\n'
)
KK = (
    "Л. Н. Толстой атындағы Қостанай облыстық әмбебап ғылыми кітапханасында 2008 жылы семинар өтті.\n"
    "Әріптестер Омбыдан, Қорғаннан және Челябіден келді; жоба Ұлы Жібек жолымен байланысты.\n"
)


# --------------------------------------------------------------------------- plain text


def test_utf8_text_is_exactly_read_text(tmp_path: Path) -> None:
    path = tmp_path / "omsk.ru.txt"
    path.write_text(RU, encoding="utf-8")
    doc = read_document(path)
    assert doc.text == path.read_text(encoding="utf-8") == RU
    assert doc.name == "omsk.ru.txt"
    assert doc.media_type == "text/plain"
    assert doc.encoding == "utf-8"
    assert doc.title is None
    assert doc.content_hash == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def test_document_is_frozen() -> None:
    doc = read_bytes(RU.encode(), "a.txt")
    with pytest.raises(AttributeError):
        doc.text = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("fixture", "encoding", "expected"),
    [
        ("ru-utf8.txt", "utf-8", RU),
        ("ru-cp1251.txt", "cp1251", RU),
        ("ru-koi8r.txt", "koi8-r", RU),
        ("kk-cp1251.txt", "cp1251", "Жоба 2001 жылы басталды, алдымен Омбы мен Петропавл кітапханалары кірді.\n"),
        ("kk-utf8-bom.txt", "utf-8-sig", KK),
        ("kk-utf16le-bom.txt", "utf-16", KK),
        ("kk-utf16be-bom.txt", "utf-16", KK),
        ("kk-utf16le-nobom.txt", "utf-16-le", KK),
        ("kk-utf16be-nobom.txt", "utf-16-be", KK),
    ],
)
def test_encodings_are_detected(fixture: str, encoding: str, expected: str) -> None:
    doc = read_document(DATA / fixture)
    assert doc.encoding == encoding
    assert doc.text == expected
    assert not doc.text.startswith("\ufeff")


def test_cp1251_and_koi8r_are_told_apart_both_ways() -> None:
    """The same bytes decode in both tables; only the right one gives Russian prose."""
    for codec, wrong in (("cp1251", "koi8_r"), ("koi8_r", "cp1251")):
        data = RU.encode(codec)
        assert data.decode(wrong) != RU  # both tables accept the bytes
        assert read_bytes(data, "ru.txt").text == RU


def test_kazakh_letters_only_survive_in_unicode_encodings() -> None:
    for codec in ("cp1251", "koi8_r"):
        with pytest.raises(UnicodeEncodeError):
            KK.encode(codec)
    for codec in ("utf-8", "utf-16"):
        assert read_bytes(KK.encode(codec), "kk.txt").text == KK


def test_crlf_and_cr_become_newlines_and_offsets_match_read_text(tmp_path: Path) -> None:
    raw = "Орал қ., 2002\r\nПетропавл қ., 2002\rКемерово, 2003\n"
    path = tmp_path / "stages.kk.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = read_document(path)
    assert doc.text == path.read_text(encoding="utf-8")
    assert "\r" not in doc.text
    start = doc.text.index("Петропавл")
    assert doc.text[start : start + len("Петропавл қ.")] == "Петропавл қ."
    assert start == len("Орал қ., 2002\n")
    assert read_document(DATA / "kk-crlf.txt").text == KK


def test_decomposed_input_is_composed_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Қостанай, Ёлка, й")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    doc = read_bytes(decomposed.encode("utf-8"), "nfd.txt")
    assert doc.text == "Қостанай, Ёлка, й"
    assert unicodedata.is_normalized("NFC", doc.text)


def test_other_characters_are_left_alone() -> None:
    text = "«Встречи на границах» – 2002–2005\u00a0гг. “Meetings”\t№ 2\n"
    assert read_bytes(text.encode("utf-8"), "t.txt").text == text


def test_markdown_is_kept_as_source_with_a_title() -> None:
    doc = read_document(DATA / "notes.kk.md")
    assert doc.media_type == "text/markdown"
    assert doc.title == "Шекарадағы кездесулер"
    assert doc.text.startswith("# Шекарадағы кездесулер\n")
    assert "**2001 жылы**" in doc.text
    assert "\r" not in doc.text


# --------------------------------------------------------------------------- HTML


def test_html_keeps_main_text_only() -> None:
    doc = read_document(DATA / "page.en.html")
    assert doc.media_type == "text/html"
    assert doc.title == "Seminar in Kostanay"
    text = doc.text
    for furniture in ("Home", "Projects", "Menu item", "do not keep", "tracking", "color",
                      "weather", "Copyright", "comment"):
        assert furniture not in text, furniture
    blocks = text.split("\n\n")
    assert blocks[0] == "Seminar in Kostanay city"
    assert blocks[1] == "On October 30-31, 2008 the library after L.\u00a0N. Tolstoy hosted a seminar."
    assert blocks[2] == "Guests came from Kurgan, Chelyabinsk and Troitsk.\nSecond line."
    assert "Participants" in blocks
    assert "Russian State Library" in blocks
    assert blocks[-1] == "2008 Kostanay"


def test_html_declared_charset_and_class_furniture() -> None:
    doc = read_document(DATA / "page-cp1251.ru.htm")
    assert doc.encoding == "cp1251"
    assert doc.title == "Встречи на границах"
    assert "Разделы сайта" not in doc.text
    assert doc.text.split("\n\n") == [
        "Проект «Встречи на границах»",
        "В 2003 году библиотека им. С. Муканова заключила договор с Курганской областной библиотекой им. Югова.",
    ]


def test_html_without_title_uses_first_heading() -> None:
    html = "<body><div class='footer'>x</div><h1>Орал</h1><p>Конференция 2002</p></body>"
    doc = read_bytes(html.encode(), "p.htm")
    assert doc.title == "Орал"
    assert doc.text == "Орал\n\nКонференция 2002"


def test_html_with_only_furniture_is_an_error() -> None:
    with pytest.raises(ReadError, match="no text"):
        read_bytes(b"<html><body><nav>Menu</nav><script>x()</script></body></html>", "p.html")


# --------------------------------------------------------------------------- DOCX and PDF


def test_docx_paragraphs_tables_and_title(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Шекарадағы кездесулер", level=1)
    document.add_paragraph("2006 жылы Алматыда семинар-кеңес өтті.")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Орал қ."
    table.rows[0].cells[1].text = "2002"
    document.add_paragraph("Соңы.")
    path = tmp_path / "almaty.kk.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.media_type.endswith("wordprocessingml.document")
    assert doc.title == "Шекарадағы кездесулер"
    assert doc.text == "Шекарадағы кездесулер\n\n2006 жылы Алматыда семинар-кеңес өтті.\n\nОрал қ. 2002\n\nСоңы."


def _tiny_pdf(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF showing ``lines`` in Helvetica (ASCII text only)."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_text_is_extracted(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    path = tmp_path / "kostanay.en.pdf"
    path.write_bytes(_tiny_pdf(["Meetings at the boundaries", "Kostanay, 30.10.2008"]))
    doc = read_document(path)
    assert doc.media_type == "application/pdf"
    assert "Meetings at the boundaries" in doc.text
    assert "Kostanay, 30.10.2008" in doc.text
    assert "\r" not in doc.text


def test_pdf_without_text_is_an_error() -> None:
    pytest.importorskip("pypdf")
    with pytest.raises(ReadError, match="no extractable text"):
        read_bytes(_tiny_pdf([]), "scan.pdf")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf at all\n"),
        ("broken.docx", b"PK\x03\x04 not a real zip archive, just a few bytes"),
        ("plain.docx", "Просто текст, не Word.".encode()),
    ],
)
def test_broken_pdf_and_docx(name: str, data: bytes) -> None:
    with pytest.raises(ReadError) as info:
        read_bytes(data, name)
    message = str(info.value)
    assert name in message and "broken" in message
    assert "\n" not in message


@pytest.mark.parametrize(("module", "name"), [("pypdf", "a.pdf"), ("docx", "a.docx")])
def test_missing_optional_format_library(monkeypatch: pytest.MonkeyPatch, module: str, name: str) -> None:
    import sys

    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    with pytest.raises(ReadError, match=r"install shekara\[formats\]"):
        read_bytes(b"%PDF-1.4 or PK whatever", name)


# --------------------------------------------------------------------------- errors


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_document(tmp_path / "absent.txt")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ReadError, match="directory"):
        read_document(folder)


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n")
    with pytest.raises(ReadError, match="unsupported file type '.png'"):
        read_document(path)
    with pytest.raises(ReadError, match="unsupported"):
        read_bytes(b"text", "noext")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_or_whitespace_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match="empty"):
        read_document(path)


def test_whitespace_only_utf16_is_empty() -> None:
    with pytest.raises(ReadError, match="no text"):
        read_bytes(" \n \n".encode("utf-16"), "blank.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01",
        bytes(range(1, 32)) * 8,
    ],
)
def test_binary_content(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError, match="binary"):
        read_document(path)


def test_undecodable_text() -> None:
    data = bytes(range(0x80, 0x100)) * 4  # no NUL, no controls, no language in any table
    with pytest.raises(ReadError, match="cannot decode"):
        read_bytes(data, "garbage.txt")


def test_broken_utf16_with_bom() -> None:
    with pytest.raises(ReadError, match="cannot decode"):
        read_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "odd.txt")  # lone surrogate


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: no data is written

    def no_reading(self: Path) -> bytes:
        raise AssertionError("the file must not be read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    started = time.perf_counter()
    with pytest.raises(ReadError, match="too large"):
        read_document(path)
    assert time.perf_counter() - started < 1.0


def test_max_bytes_applies_to_bytes_too(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="too large"):
        read_bytes(b"x" * 11, "a.txt", max_bytes=10)
    path = tmp_path / "small.txt"
    path.write_bytes(b"Omsk 2002")
    assert read_document(path, max_bytes=9).text == "Omsk 2002"
    with pytest.raises(ReadError, match="too large"):
        read_document(path, max_bytes=8)


def test_error_messages_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        read_document(tmp_path / "x.txt")
    assert "\n" not in str(info.value)


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}
    assert read_bytes(b"Omsk", "UPPER.TXT").text == "Omsk"


# --------------------------------------------------------------------------- matching view


def test_matching_view_keeps_length_and_fixes_lookalikes() -> None:
    text = "библиотека им. А. С. Пушкинa"  # last letter is Latin a
    view = matching_view(text)
    assert len(view) == len(text)
    assert view == "библиотека им. А. С. Пушкина"
    assert "a" not in view


def test_matching_view_leaves_latin_words_alone() -> None:
    text = "Omsk library after A. S. Pushkin, Kemerovo; Пушкин"
    assert matching_view(text) == text


def test_matching_view_kazakh_lookalikes() -> None:
    text = "Kітапхана жиhаз Əліпби"  # Latin K, h, Ə inside Kazakh words
    view = matching_view(text)
    assert view == "Кітапхана жиһаз Әліпби"
    assert len(view) == len(text)


def test_matching_view_punctuation_and_spaces() -> None:
    text = "«Встречи на границах» — 2002–2005\u00a0гг. “Meetings” ‘x’ Пуш\u00adкин Ресей\u2011Қазақстан 10\u202f000 O’Brien"
    view = matching_view(text)
    assert len(view) == len(text)
    assert view == "\"Встречи на границах\" - 2002-2005 гг. \"Meetings\" 'x' Пуш-кин Ресей-Қазақстан 10 000 O'Brien"


def test_matching_view_offsets_point_into_text() -> None:
    text = "Омская библиотека им. А.\u00a0С.\u00a0Пушкинa и «Встречи на границах»"
    view = matching_view(text)
    start = view.index("А. С. Пушкина")
    assert text[start : start + len("А. С. Пушкина")] == "А.\u00a0С.\u00a0Пушкинa"


def test_document_norm_is_cached_matching_view() -> None:
    doc = read_bytes("Пушкинa «Омск»".encode(), "n.txt")
    assert doc.norm() == "Пушкина \"Омск\""
    assert doc.norm() is doc.norm()
    assert doc == Document(doc.name, doc.text, doc.content_hash, doc.media_type, doc.encoding, doc.title)


# --------------------------------------------------------------------------- the real corpus


def test_every_corpus_file_reads_exactly_like_read_text() -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"shared corpus not found at {corpus}")
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    assert files
    for path in files:
        doc = read_document(path)
        assert doc.text == path.read_text(encoding="utf-8"), path.name
        assert doc.encoding == "utf-8"
        assert len(doc.norm()) == len(doc.text)


def test_bundled_demo_corpus_reads() -> None:
    corpus = Path(__file__).resolve().parents[1] / "data" / "corpus"
    files = sorted(p for p in corpus.glob("*.*") if p.suffix in SUPPORTED_SUFFIXES and p.name != "README.md")
    if not files:
        pytest.skip("no bundled corpus yet")
    for path in files:
        doc = read_document(path)
        assert doc.text == path.read_text(encoding="utf-8"), path.name
