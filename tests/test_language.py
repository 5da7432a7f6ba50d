"""Language per passage: kk / ru / en, including mixed documents."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ingest.language import Passage, detect, main_language, passages

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"

KK = "Павлодар облыстық кітапханасы көршілес елдердің әріптестерімен бірге жаңа жоба бастады."
RU = "Областная библиотека провела встречу с читателями и коллегами из соседних регионов."
EN = "The regional library hosted a meeting with readers and colleagues from neighbouring regions."


def assert_contiguous(text: str, parts: list[Passage]) -> None:
    assert parts, "a non-empty text has at least one passage"
    assert parts[0].start == 0
    assert parts[-1].end == len(text)
    for before, after in zip(parts, parts[1:]):
        assert after.start == before.end
        assert before.lang != after.lang, "adjacent passages of one language must be merged"
    for p in parts:
        assert p.end > p.start
        assert p.lang in ("kk", "ru", "en")


def langs(text: str) -> list[str]:
    parts = passages(text)
    assert_contiguous(text, parts)
    return [p.lang for p in parts]


def lang_at(text: str, needle: str) -> str:
    offset = text.index(needle)
    return next(p.lang for p in passages(text) if p.start <= offset < p.end)


@pytest.mark.parametrize(("text", "expected"), [(KK, "kk"), (RU, "ru"), (EN, "en")])
def test_detect_each_language(text: str, expected: str) -> None:
    assert detect(text) == expected
    assert langs(text) == [expected]
    assert main_language(text) == expected


def test_kazakh_letters_are_a_strong_signal_even_in_short_text() -> None:
    assert detect("Қостанай") == "kk"
    assert detect("Өскемен қаласы") == "kk"


def test_latin_i_inside_cyrillic_words_counts_as_kazakh() -> None:
    # "Кiтапхана" typed with a Latin i: no other Kazakh-only letter in the text.
    assert detect("Кiтапхана ашылды, бiз келдiк") == "kk"


def test_no_cyrillic_means_english_and_no_letters_means_default() -> None:
    assert detect("Kostanay regional library") == "en"
    assert detect("30.10.2008", default="ru") == "ru"
    assert detect("", default="kk") == "kk"
    assert detect("https://www.example.kz/page", default="ru") == "ru"


def test_empty_text_has_no_passages() -> None:
    assert passages("") == []


def test_kazakh_paragraph_with_a_russian_bibliographic_line() -> None:
    text = (
        "Кітапхана қызметкерлері шекаралас аудандардың тарихы туралы мақала жариялады.\n"
        "Петрова А.Б. Краеведческая работа сельских библиотек Восточного Казахстана "
        "//Библиотечный вестник. 2020. №3. С.10-12\n"
        "Бұл жұмыс оқырмандар арасында үлкен қызығушылық тудырды.\n"
    )
    assert langs(text) == ["kk", "ru", "kk"]
    assert lang_at(text, "Петрова") == "ru"  # the initials before the title go with the line
    assert lang_at(text, "//Библиотечный") == "ru"
    assert lang_at(text, "Бұл жұмыс") == "kk"


def test_a_russian_sentence_inside_a_kazakh_line_is_split_at_the_sentence_end() -> None:
    text = (
        "Кітапхана қызметкерлері шекаралас аудандардың тарихы туралы мақала жариялады. "
        "Сотрудничество библиотек приграничных районов успешно продолжается уже много лет. "
        "Бұл жұмыс оқырмандар арасында үлкен қызығушылық тудырды."
    )
    parts = passages(text)
    assert [p.lang for p in parts] == ["kk", "ru", "kk"]
    assert text[parts[1].start:parts[1].end].startswith("Сотрудничество")


def test_russian_title_line_above_english_text() -> None:
    text = "Встречи на границах\n" + EN + "\n" + EN + "\n"
    parts = passages(text)
    assert [p.lang for p in parts] == ["ru", "en"]
    assert parts[0].end == len("Встречи на границах\n")
    assert main_language(text, parts) == "en"


def test_short_lines_inherit_their_neighbours_language() -> None:
    # A lone place name has no Kazakh-only letters, yet belongs to the Kazakh text below it.
    assert langs("Шемонаиха\n\n" + KK + "\n") == ["kk"]
    assert langs("Принято\n" + RU + "\n(Подписи)\n") == ["ru"]
    assert langs("30.10.2008\n" + EN + "\n") == ["en"]
    # a date line between two Kazakh paragraphs
    assert langs(KK + "\n2008\n" + KK) == ["kk"]


def test_urls_are_no_evidence_of_english() -> None:
    text = KK + "\nhttps://www.example.kz/news/42/report.doc\n" + KK + "\n"
    assert langs(text) == ["kk"]


def test_main_language_counts_letters_not_passages() -> None:
    text = "Встречи на границах\n" + EN + "\n"
    assert main_language(text) == "en"
    parts = [Passage(0, 5, "ru"), Passage(5, len(text), "en")]
    assert main_language(text, parts) == "en"


def test_detection_is_safe_from_many_threads() -> None:
    results: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        got = [detect(RU), detect(KK), detect(EN)]
        with lock:
            results.extend(got)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["ru", "kk", "en"] * 8


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.skip(f"no .txt files in {CORPUS}")
    return files


def test_corpus_passages_are_contiguous_and_main_language_matches_file_name() -> None:
    for path in _corpus_files():
        text = path.read_text(encoding="utf-8")
        parts = passages(text)
        assert_contiguous(text, parts)
        expected = path.name.rsplit(".", 2)[-2]
        assert main_language(text, parts) == expected, path.name


def test_corpus_mixed_kazakh_document_has_its_russian_lines() -> None:
    files = {p.name: p for p in _corpus_files()}
    name = "shemonaikha-transborder-cooperation.kk.txt"
    if name not in files:
        pytest.skip(f"{name} not in the corpus")
    text = files[name].read_text(encoding="utf-8")
    assert lang_at(text, "//Вестник") == "ru"
    assert lang_at(text, "ТЕЛЕМОСТ") == "ru"
    assert lang_at(text, "Трансшекаралық") == "kk"
    assert lang_at(text, "Шемонаиха") == "kk"
