"""Dates written in Kazakh, Russian or English text, as ISO values.

Events and works in the graph get ``schema:startDate``/``datePublished`` as ``xsd:date``,
``xsd:gYearMonth`` or ``xsd:gYear``; this module finds the written date and says how precise
it is, so the RDF layer can pick the datatype from ``precision``.

Patterns of all three languages are always tried: documents mix languages (a Russian
bibliographic line in a Kazakh text), and the month words of kk, ru and en never collide.
``lang`` only settles the one real ambiguity, slashed numeric dates (``04/05/2008`` is
month/day in English, day/month elsewhere).

A bare number is a date only when it is a four-digit year between 1700 and 2100, stands
alone, and is not a page number, an issue number or a count ("315 documents").  Everything
else needs a calendar word next to it (жылы, ж., года, г., a month name).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

MIN_YEAR, MAX_YEAR = 1700, 2100


@dataclass(frozen=True)
class DateMention:
    """``text[start:end]`` states ``value`` (ISO, as precise as written) up to ``end_value``."""

    start: int
    end: int
    value: str
    end_value: str | None
    precision: str  # "year" | "month" | "day"


# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------
_KK_LETTER = "а-яёәғқңөұүһіi"
_KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}


def _kk_month_alt(name: str) -> str:
    body = name[1:].replace("і", "[іi]")
    # "Қазан" with a capital is the city of Kazan; the month is written in lower case.
    first = name[0] if name == "қазан" else f"[{name[0]}{name[0].upper()}]"
    return first + body


# Kazakh month names with any case ending ("қаңтардағы", "ақпанда") and an optional "айы/айында".
_KK_MONTH = r"(?:{})[{l}]*(?:\s+ай[{l}]*)?".format(
    "|".join(_kk_month_alt(n) for n in sorted(_KK_MONTHS, key=len, reverse=True)), l=_KK_LETTER
)
# Russian months in nominative, genitive and prepositional forms, and their abbreviations.
_RU_MONTH = (
    r"(?:январ[ьяе]|феврал[ьяе]|март[аеу]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[аеу]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
    r"|янв\.?|февр?\.?|мар\.?|апр\.?|авг\.?|сент?\.?|окт\.?|нояб?\.?|дек\.?)(?![а-яё])"
)
_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])"
)
_MONTH = f"(?:{_KK_MONTH}|(?i:{_RU_MONTH})|(?i:{_EN_MONTH}))"
_MONTH_WORD = re.compile(_MONTH)


def is_month(word: str) -> bool:
    """Whether ``word`` names a month in one of the three languages, in any case form."""
    return _MONTH_WORD.fullmatch(word) is not None

_RU_PREFIXES = [
    ("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("ма", 5), ("июн", 6), ("июл", 7),
    ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12),
]
_EN_PREFIXES = {m.lower()[:3]: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}


def month_number(word: str) -> int | None:
    """1–12 for a month name in kk, ru or en (any case ending), else None."""
    w = word.lower().replace("i", "і") if re.search(r"[а-яё]", word.lower()) else word.lower()
    for name, number in _KK_MONTHS.items():
        if w.startswith(name):
            return number
    if re.match(r"[а-яё]", w):
        for prefix, number in _RU_PREFIXES:
            if w.startswith(prefix):
                return number
        return None
    return _EN_PREFIXES.get(w[:3])


_YEAR = r"(?:1[7-9]\d\d|20\d\d|2100)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_DASH = r"\s*[-–—]\s*"
# Between the days of a range: a dash, or "с 14 по 18 ноября", "from 14 to 18 November"
_DAY_RANGE = r"(?:\s*[-–—]\s*|\s+(?:по|до|to|until|till|and|и)\s+)"
# The calendar words that make a number a year.
_KK_YEAR_WORD = (
    r"(?:\s*жж?\.|\s*жж?(?![{l}])|\s+жыл(?:дар(?:ы|ға|да|дағы|дан|дың)?|ы|ғы|дан|дың|ға|да|дағы)?(?![{l}]))"
).format(l=_KK_LETTER)
_RU_YEAR_WORD = r"(?:\s*гг?\.|\s*гг?(?![а-яё])|\s+год(?:а|у|ом|ах|ы|ов)?(?![а-яё]))"
_EN_YEAR_WORD = r"(?:\s+year(?![a-z]))"
_YEAR_WORD = f"(?:{_KK_YEAR_WORD}|(?i:{_RU_YEAR_WORD})|{_EN_YEAR_WORD})"

# Context that makes a number a page, an issue or a count, never a date.
_PAGE_BEFORE = re.compile(r"(?:\b(?:[СсPpБб]|[Ss]|pp|стр|бет|Vol|vol|т|№|No|no)\.?\s*|№\s*)$")
_COUNT_AFTER = re.compile(
    r"\s*(?:экз|экземпляр|книг|том|тыс|человек|чел|дана|адам|кітап|мың|copies|books|items|"
    r"titles|documents|people|volumes|readers|visitors|thousand|жылдығ|жылдық|летие|-летие|th\b)",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _y(name: str) -> str:
    return rf"(?<!\d)(?P<{name}>{_YEAR})(?!\d)"


def _d(name: str) -> str:
    return rf"(?<!\d)(?P<{name}>{_DAY})(?!\d)"


# Each pattern: compiled regex and the precision it states.  Group names: y/y2 years,
# m month word, mn month number, d/d2 days, x a mistyped range end.
_PATTERNS: list[tuple[re.Pattern[str], str, bool]] = [
    # 2016-11-25
    (re.compile(rf"{_y('y')}-(?P<mn>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"), "day", False),
    # 30.10.2008, 30-31.10.2008, 20.03.2021 ж.
    (re.compile(rf"{_d('d')}(?:{_DASH}{_d('d2')})?\.(?P<mn>0?[1-9]|1[0-2])\.{_y('y')}{_YEAR_WORD}?"), "day", False),
    # с 20 декабря 2024 по 10 января 2025 года: a range over two years starts on its first day
    (re.compile(rf"{_d('d')}\s+(?P<m>{_MONTH}),?\s+{_y('y')}{_YEAR_WORD}?{_DAY_RANGE}{_d('d2')}\s+(?P<m2>{_MONTH}),?\s+"
                rf"{_y('y2')}{_YEAR_WORD}?"), "day", False),
    # from November 14 to 18, 2022
    (re.compile(rf"(?P<m>(?i:{_EN_MONTH}))\s+{_d('d')}(?:st|nd|rd|th)?{_DAY_RANGE}{_d('d2')}(?:st|nd|rd|th)?,?\s+{_y('y')}"),
     "day", False),
    # с 1 марта по 10 апреля 2025 года, 1 March – 10 April 2025: a range over two months starts on its first day
    (re.compile(rf"{_d('d')}\s+(?P<m>{_MONTH}){_DAY_RANGE}{_d('d2')}\s+(?P<m2>{_MONTH}),?\s+{_y('y')}{_YEAR_WORD}?"),
     "day", False),
    # 26 желтоқсан 2006 ж., 13 марта 2009 года, 30-31 October 2008, с 14 по 18 ноября 2022 года
    (re.compile(rf"{_d('d')}(?:{_DAY_RANGE}{_d('d2')})?\s+(?P<m>{_MONTH}),?\s+{_y('y')}{_YEAR_WORD}?"), "day", False),
    # October 30-31, 2008; April 12, 2002; December, 29, 1983
    (re.compile(rf"(?P<m>(?i:{_EN_MONTH})),?\s+{_d('d')}(?:st|nd|rd|th)?(?:{_DASH}{_d('d2')})?,?\s+{_y('y')}"), "day", False),
    # 2004 жылғы 20 қаңтардағы, 2022 жылғы 14-18 қарашада
    (re.compile(rf"{_y('y')}{_KK_YEAR_WORD}\s+{_d('d')}(?:{_DASH}{_d('d2')})?\s+(?P<m>{_KK_MONTH})"), "day", False),
    # 2003 жылғы ақпан, 2008 жылы қазан айында
    (re.compile(rf"{_y('y')}{_KK_YEAR_WORD}\s+(?P<m>{_KK_MONTH})"), "month", False),
    # ақпан 2022 ж., в октябре 2008 года, February, 2003
    (re.compile(rf"(?P<m>{_MONTH}),?\s+{_y('y')}{_YEAR_WORD}?"), "month", False),
    # с 1911 по 1915 год, from 1911 to 1915: a span of years in words
    (re.compile(rf"{_y('y')}\s+(?:по|до|to|until|till)\s+{_y('y2')}{_YEAR_WORD}?"), "year", False),
    # 2002–2005, 2009–2010 жылдарға, 2002-2005 гг.
    (re.compile(rf"{_y('y')}{_DASH}{_y('y2')}{_YEAR_WORD}?"), "year", True),
    # 2002-205: a mistyped range; only its start is certain
    (re.compile(rf"{_y('y')}[-–—](?P<x>\d{{1,3}})(?!\d)"), "year", True),
    # 2008 жылы, 2008 ж., 2019г., в 2003 году, с 2015 года
    (re.compile(rf"{_y('y')}{_YEAR_WORD}"), "year", False),
    # a bare year: In 2007; 2021. in a reference
    (re.compile(rf"(?<![\w№/.,-]){_y('y')}(?![\w/]|[.,:]\d|[-–]\d)"), "year", True),
]
_SLASH_PATTERN = re.compile(rf"{_d('a')}/{_d('b')}/{_y('y')}")


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _values(m: re.Match[str], precision: str) -> tuple[str, str | None] | None:
    """(value, end_value) of one match, or None when it is not a real calendar date."""
    g = m.groupdict()
    year = int(g["y"])
    month = None
    if precision in ("day", "month"):
        month = int(g["mn"]) if g.get("mn") else month_number(g["m"])
        if month is None:
            return None
    day = int(g["d"]) if precision == "day" else None
    value = _iso(year, month, day)
    if value is None:
        return None
    end_value = None
    if g.get("d2"):
        end_day = int(g["d2"])
        end_month = month_number(g["m2"]) if g.get("m2") else month
        end_year = int(g["y2"]) if g.get("y2") else year
        if end_month is None or (end_year, end_month, end_day) <= (year, month or 0, day or 0):
            return None
        return value, _iso(end_year, end_month, end_day)
        if end_value is None:
            return None
    if g.get("y2"):
        end_year = int(g["y2"])
        if end_year <= year:
            return None
        end_value = _iso(end_year)
    return value, end_value


def _is_count_or_page(text: str, start: int, end: int) -> bool:
    return bool(_PAGE_BEFORE.search(text[max(0, start - 6):start])) or bool(
        _COUNT_AFTER.match(text, end)
    )


def _candidates(text: str, lang: str | None) -> list[DateMention]:
    found: list[DateMention] = []
    for pattern, precision, guarded in _PATTERNS:
        for m in pattern.finditer(text):
            values = _values(m, precision)
            if values is None:
                continue
            start, end = m.start(), m.end()
            if guarded and _is_count_or_page(text, start, end):
                continue
            found.append(DateMention(start, end, values[0], values[1], precision))
    for m in _SLASH_PATTERN.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        month, day = (a, b) if lang == "en" else (b, a)
        value = _iso(int(m["y"]), month, day)
        if value:
            found.append(DateMention(m.start(), m.end(), value, None, "day"))
    return found


def _join_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"30.10.2008–31.10.2008" is one range, not two dates."""
    out: list[DateMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end_value is None
            and mention.end_value is None
            and prev.precision == mention.precision
            and re.fullmatch(r"\s*[–—-]\s*", text[prev.end:mention.start])
            and mention.value > prev.value
        ):
            out[-1] = DateMention(prev.start, mention.end, prev.value, mention.value, prev.precision)
        else:
            out.append(mention)
    return out


def find_dates(text: str, lang: str | None = None) -> list[DateMention]:
    """Every date stated in ``text``, sorted by position, none overlapping another.

    Where patterns overlap the longest match wins ("13 марта 2009 года" over "2009 года").
    Numbers inside URLs are ignored.
    """
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    candidates = [
        c for c in _candidates(text, lang)
        if not any(s < c.end and c.start < e for s, e in urls)
    ]
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[DateMention] = []
    for c in candidates:
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return _join_ranges(text, chosen)


# A day and a month with no year: "23 апреля", "on 6 March", "March 6", "23 сәуірде"
_DAY_MONTH = [
    re.compile(rf"{_d('d')}\s+(?P<m>{_MONTH})"),
    re.compile(rf"(?P<m>(?i:{_EN_MONTH}))\s+{_d('d')}(?:st|nd|rd|th)?(?![\d,]*\s*\d{{4}})"),
]


def day_months(text: str, dated: list[DateMention]) -> list[tuple[int, int, int, int]]:
    """``(start, end, month, day)`` of every day written with its month but no year ("Церемония
    прошла 23 апреля"), outside the dates ``dated`` (``find_dates``) already read. A news report
    leaves the year out where its context gives it; ``with_year`` supplies it."""
    out = []
    for pattern in _DAY_MONTH:
        for m in pattern.finditer(text):
            if any(d.start <= m.start() < d.end or m.start() <= d.start < m.end() for d in dated):
                continue
            month = month_number(m["m"])
            day = int(m["d"])
            if month is not None and _iso(2000, month, day) is not None:
                out.append((m.start(), m.end(), month, day))
    return sorted(out)


def with_year(month: int, day: int, before: list[DateMention]) -> str | None:
    """The ISO date of a day and month whose year the text gave last: the year of the latest date of
    ``before`` written with its day or month, else of the latest single year (a span of years is a
    period, and a bare year often a birth or a founding: "born in 1815 … the ceremony on 6 March"
    after "15 January 2025" is in 2025), or None. A day earlier in the year than that date is in
    the next year ("в декабре 2024 года … 15 января" is January 2025). The caller leaves out the
    dates of births and foundings."""
    for precise in (True, False):
        for d in reversed(before):
            if (d.precision != "year") == precise and not (d.precision == "year" and d.end_value):
                year = int(d.value[:4])
                if precise and int(d.value[5:7]) > month:
                    year += 1
                return _iso(year, month, day)
    return None
