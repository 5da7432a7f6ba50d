"""Dates in kk, ru and en text, and the numbers that are not dates."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.dates import DateMention, find_dates, month_number

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def found(text: str, lang: str | None = None) -> list[tuple[str, str, str | None, str]]:
    """(covered text, value, end_value, precision) of each mention, checking the invariants."""
    mentions = find_dates(text, lang)
    for before, after in zip(mentions, mentions[1:]):
        assert before.end <= after.start, "mentions are sorted and never overlap"
    return [(text[m.start:m.end], m.value, m.end_value, m.precision) for m in mentions]


def one(text: str, lang: str | None = None) -> tuple[str, str, str | None, str]:
    result = found(text, lang)
    assert len(result) == 1, result
    return result[0]


# ---- Kazakh -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "covered", "value", "precision"),
    [
        ("Кітапхана 1996 жылы ашылды.", "1996 жылы", "1996", "year"),
        ("Форум 2019 ж. қазан айында өтті.", "2019 ж. қазан айында", "2019-10", "month"),
        ("Семинар 2010 ж. өткізілді.", "2010 ж.", "2010", "year"),
        ("Бөлім 2005 жылғы наурызда құрылды.", "2005 жылғы наурызда", "2005-03", "month"),
        ("Хаттама 14 қараша 2007 ж. бекітілді.", "14 қараша 2007 ж.", "2007-11-14", "day"),
        ("Жарияланған күні: 3 шілде 2021 ж.", "3 шілде 2021 ж.", "2021-07-03", "day"),
        ("2012 жылғы 5 мамырдағы шарт", "2012 жылғы 5 мамырдағы", "2012-05-05", "day"),
        ("Жоба 2014 жылдан бері жүзеге асырылады.", "2014 жылдан", "2014", "year"),
        ("2016ж. басталды", "2016ж.", "2016", "year"),
        ("кіру күні: 15.09.2020", "15.09.2020", "2020-09-15", "day"),
    ],
)
def test_kazakh_dates(text: str, covered: str, value: str, precision: str) -> None:
    assert one(text, "kk") == (covered, value, None, precision)


def test_kazakh_year_range_with_plural_year_word() -> None:
    assert one("2011–2013 жылдарға арналған жоспар", "kk") == ("2011–2013 жылдарға", "2011", "2013", "year")


def test_kazakh_year_glued_to_a_preceding_word() -> None:
    # an article number run into the date: the date is still found
    assert one("5-бап2010 жылғы 1 ақпандағы келісім", "kk")[1] == "2010-02-01"


def test_kazan_the_city_is_not_october() -> None:
    assert found("2008 жылы Қазан қаласында кездесу болды.", "kk") == [("2008 жылы", "2008", None, "year")]


def test_kazakh_anniversary_counts_are_not_dates() -> None:
    assert found("Мұражайдың 125 жылдығы тойланды.", "kk") == []
    assert found("Тәуелсіздіктің 30 жылдығы", "kk") == []
    assert found("Келушілер саны: 20417", "kk") == []


# ---- Russian ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "covered", "value", "precision"),
    [
        ("Договор был заключён в 2005 году.", "2005 году", "2005", "year"),
        ("Постановление от 21 апреля 2011 года", "21 апреля 2011 года", "2011-04-21", "day"),
        ("С 2017 года проект расширился.", "2017 года", "2017", "year"),
        ("Сборник. – 2018г. – 120 с.", "2018г.", "2018", "year"),
        ("Выставка открылась в сентябре 2012 года.", "сентябре 2012 года", "2012-09", "month"),
        ("Семинар прошёл 5 дек. 2013 г. в Омске.", "5 дек. 2013 г.", "2013-12-05", "day"),
    ],
)
def test_russian_dates(text: str, covered: str, value: str, precision: str) -> None:
    assert one(text, "ru") == (covered, value, None, precision)


def test_russian_month_without_a_year_is_skipped() -> None:
    assert found("В марте прошлого года было подписано соглашение.", "ru") == []
    assert found("Газета. – №4, 9 окт. – С. 2.", "ru") == []


def test_russian_counts_issue_numbers_and_pages_are_not_dates() -> None:
    assert found("Передано 410 томов и 17 дисков, представлены 98 народов.", "ru") == []
    assert found("Вестник. №2. С.14-19", "ru") == []
    assert found("Тираж 2000 экземпляров", "ru") == []


def test_russian_year_range_with_gg() -> None:
    assert one("план на 2006-2008 гг.", "ru") == ("2006-2008 гг.", "2006", "2008", "year")


# ---- English ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "covered", "value", "end_value", "precision"),
    [
        ("In 2004 the portal was opened.", "2004", "2004", None, "year"),
        ("On May 14-15, 2009 a workshop was held.", "May 14-15, 2009", "2009-05-14", "2009-05-15", "day"),
        ("The council met on June 3, 2010 in Omsk.", "June 3, 2010", "2010-06-03", None, "day"),
        ("Signed on November, 7, 1991 in Almaty.", "November, 7, 1991", "1991-11-07", None, "day"),
        ("From 12 Sept 2015 the hall was open.", "12 Sept 2015", "2015-09-12", None, "day"),
        ("in the second week of March, 2004 a unit", "March, 2004", "2004-03", None, "month"),
        ("12.04.2002 – Report", "12.04.2002", "2002-04-12", None, "day"),
        ("posted 2018-06-01 ALMATY", "2018-06-01", "2018-06-01", None, "day"),
        ("the plan for 2004–2007 was approved", "2004–2007", "2004", "2007", "year"),
        ("stages 10.05.2011–12.05.2011 of the meeting", "10.05.2011–12.05.2011", "2011-05-10", "2011-05-12", "day"),
    ],
)
def test_english_dates(text: str, covered: str, value: str, end_value: str | None, precision: str) -> None:
    assert one(text, "en") == (covered, value, end_value, precision)


def test_mistyped_range_keeps_only_its_start() -> None:
    assert one("the plan for 2004-207;", "en") == ("2004-207", "2004", None, "year")


def test_english_counts_and_pages_are_not_dates() -> None:
    assert found("The library received 315 documents and 232 titles.", "en") == []
    assert found("Bulletin, no. 3, pp. 1998-2001", "en") == []
    assert found("We have 2017 visitors online", "en") == []


def test_bare_year_in_a_reference_line() -> None:
    assert found("Smith J. Border libraries // Library Review. 2019. №4. P.12-15", "en") == [
        ("2019", "2019", None, "year")
    ]


def test_years_outside_1700_2100_and_impossible_days_are_rejected() -> None:
    assert found("In 1650 and in 2150 nothing happened.", "en") == []
    assert found("31.02.2010", "ru") == []


def test_slashed_dates_follow_the_language_convention() -> None:
    assert one("04/05/2008", "en")[1] == "2008-04-05"
    assert one("04/05/2008", "ru")[1] == "2008-05-04"


def test_urls_hide_their_numbers() -> None:
    assert found("see https://example.org/news/2020/05/page and 2021 жылы", "kk") == [
        ("2021 жылы", "2021", None, "year")
    ]


def test_mentions_are_sorted_and_longest_wins() -> None:
    text = "Решение от 2 июля 2003 года; в 2004 году; 2005 жылы."
    assert [m[1] for m in found(text)] == ["2003-07-02", "2004", "2005"]
    assert all(isinstance(m, DateMention) for m in find_dates(text))


def test_month_number_knows_all_three_languages() -> None:
    assert month_number("желтоқсанда") == 12
    assert month_number("сәуiрде") == 4  # with a Latin i
    assert month_number("октября") == 10
    assert month_number("мая") == 5
    assert month_number("марте") == 3
    assert month_number("Sept.") == 9
    assert month_number("кітап") is None


def test_development_corpus_dates_of_the_gold_relations() -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"development corpus not found at {corpus}")
    expected = {
        "nlrk-kostanai-seminar-2008.en.txt": "2008-10-30",
        "nlrk-protocol-joining-2006.kk.txt": "2004-01-20",
        "nlrk-unesco-about-the-project.en.txt": "2002-04-12",
    }
    for name, value in expected.items():
        path = corpus / name
        if not path.exists():
            pytest.skip(f"{name} not in {corpus}")
        lang = name.rsplit(".", 2)[-2]
        values = {m.value for m in find_dates(path.read_text(encoding="utf-8"), lang)}
        assert value in values, name


@pytest.mark.parametrize(("text", "covered", "value", "end_value"), [
    ("С 14 по 18 ноября 2022 года в Саратове", "14 по 18 ноября 2022 года", "2022-11-14", "2022-11-18"),
    ("from 14 to 18 November 2022 in Omsk", "14 to 18 November 2022", "2022-11-14", "2022-11-18"),
    ("between 3 and 5 May 2021", "3 and 5 May 2021", "2021-05-03", "2021-05-05"),
    ("2022 жылғы 14-18 қарашада Орал қаласында", "2022 жылғы 14-18 қарашада", "2022-11-14", "2022-11-18"),
])
def test_a_range_of_days_written_with_words_starts_on_its_first_day(text: str, covered: str, value: str,
                                                                    end_value: str) -> None:
    """"с 14 по 18 ноября" began on the 14th: the date is the range's, not its last day's."""
    assert one(text) == (covered, value, end_value, "day")


def test_a_range_over_two_months_starts_on_its_first_day() -> None:
    assert one("Работы принимались с 1 марта по 10 апреля 2025 года.") == (
        "1 марта по 10 апреля 2025 года", "2025-03-01", "2025-04-10", "day")
    assert one("Entries were accepted from 1 March to 10 April 2025.") == (
        "1 March to 10 April 2025", "2025-03-01", "2025-04-10", "day")


def test_a_day_without_its_year_takes_the_year_the_text_gave_last() -> None:
    from ingest.dates import day_months, with_year

    text = "Конкурс прошёл в 1911–1915 годах. Работы принимались до 10 апреля 2025 года. Итоги подвели 23 апреля."
    dated = find_dates(text)
    ((start, end, month, day),) = day_months(text, dated)
    assert text[start:end] == "23 апреля"
    assert with_year(month, day, [d for d in dated if d.end <= start]) == "2025-04-23"
    assert with_year(month, day, [d for d in dated if d.precision == "year"]) is None  # a span of years gives none


def test_ranges_over_two_years_and_written_month_first() -> None:
    assert one("С 20 декабря 2024 по 10 января 2025 года в Омске") == (
        "20 декабря 2024 по 10 января 2025 года", "2024-12-20", "2025-01-10", "day")
    assert one("The festival was held in Omsk from November 14 to 18, 2022.") == (
        "November 14 to 18, 2022", "2022-11-14", "2022-11-18", "day")
    assert one("Журнал издавался с 1911 по 1915 год.") == ("1911 по 1915 год", "1911", "1915", "year")
