"""What a document's title says, in words of no language: one work whatever language names it.

"The Conception of formation of informational-library space on the basis of the frontier
libraries of the states-participants of the CIS", "Концепция формирования
информационно-библиотечного пространства на базе приграничных библиотек государств-участников
СНГ" and "ТМД-ға қатысушы мемлекеттердің шекаралас кітапханалары базасында
ақпараттық-кітапханалық кеңістікті қалыптастыру Тұжырымдамасы" share no word the linker can
compare, yet they say the same things: a conception, of forming, information, library, space,
frontier, participant states, the CIS. A title's *key* is that: its genre (the document class
its head noun names), the concepts of a small lexicon of our field's words in kk, ru and en that
its words stem from, the authority entities named inside it, and its years.

A work gets its IRI from the key when the key says enough (:data:`MIN_PARTS` concepts and names
besides the genre), so the same document gets one IRI in every language and every document,
without a store lookup: extraction stays a function of the text and the authority file. A short
or vague title ("the Agreement on cooperation") keeps the IRI of its own words.

The lexicon is of the subject, not of any one text: words a title about library co-operation
across a border is made of. A word no concept knows changes nothing (the key is over what is
known), so a key is as exact as its lexicon is complete for a title: two titles in one language
that differ in a word the lexicon does not know become one work when the rest agrees. Years
keep documents of different periods apart (a report for 2014 and one for 2015).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .keys import fold, slugify
from .tokens import tokenize

# concept -> stems (any script; folded below). A word belongs to a concept when its folded form
# starts with one of the stems: endings and Kazakh suffix chains fall away by themselves.
CONCEPTS: dict[str, tuple[str, ...]] = {
    # genres: the head of a title, or a document a title speaks of ("Plan … of the Conception …")
    "agreement": ("agreement", "соглашени", "договор", "келісім"),
    "conception": ("conception", "concept", "концепци", "тұжырымдам"),
    "plan": ("plan", "план", "жоспар"),
    "report": ("report", "доклад", "отчет", "отчёт", "баяндам"),
    "protocol": ("protocol", "протокол", "хаттам"),
    "decision": ("decision", "resolution", "решени", "постановлени", "шешім", "қаулы"),
    "programme": ("programme", "program", "программ", "бағдарлам"),
    "convention": ("convention", "конвенци"),
    "memorandum": ("memorandum", "меморандум"),
    "regulation": ("regulation", "statute", "положени", "ереже"),
    # what such documents are about
    "library": ("librar", "библиотек", "кітапхан"),
    "frontier": ("frontier", "border", "boundar", "transborder", "пригранич", "погранич", "трансгранич",
                 "границ", "шекара", "шекарал"),
    "information": ("informat", "информаци", "ақпарат"),
    "space": ("space", "пространств", "кеңістік"),
    "cooperation": ("cooperat", "co-operat", "collaborat", "сотрудничеств", "взаимодействи", "ынтымақ"),
    "formation": ("formation", "forming", "формировани", "қалыптастыр"),
    "implementation": ("implement", "realization", "реализаци", "осуществлени", "выполнени", "асыр"),
    "activity": ("activit", "measure", "мероприяти", "деятельност", "ісшара", "іс-шара"),
    "joint": ("joint", "common", "совместн", "бірлескен", "бірлес"),
    "development": ("develop", "развити", "дамыт", "даму"),
    "participant": ("participant", "участник", "қатысушы"),
    "state": ("state", "государств", "мемлекет"),
    "project": ("project", "проект", "жоба"),
    "electronic": ("electronic", "электрон"),
    "resource": ("resource", "ресурс"),
    "exchange": ("exchange", "обмен", "алмас"),
    "culture": ("cultur", "культур", "мәдени"),
    "literature": ("literatur", "литератур", "әдебиет"),
    "history": ("histor", "истори", "тарих"),
    "catalogue": ("catalog", "каталог"),
    "collection": ("collection", "коллекци", "собрани", "жинақ"),
    "russia": ("russia", "росси", "ресей"),
    "kazakhstan": ("kazakhstan", "казахстан", "қазақстан"),
    "international": ("international", "международн", "халықаралық"),
    "regional": ("regional", "региональн", "областн", "облыстық", "өңірлік"),
}
# Words that begin like a concept's stem but mean something else.
NOT_CONCEPT = tuple(fold(w) for w in ("planet", "plane", "statement", "stated", "reporter", "докладчик"))
GENRE_OF_CLASS = {"Agreement": "agreement", "Concept": "conception", "Plan": "plan", "Report": "report",
                  None: "decision"}
MIN_PARTS = 3  # concepts, names and years besides the genre



def _folded(stem: str) -> list[str]:
    """A stem's folded forms as words starting with it fold: a final "t" before an "s" in the word
    folds with it to "c" (participants → participanc, reports → reporc)."""
    key = fold(stem)
    return [key, key[:-1] + "c"] if key.endswith("t") else [key]


_STEMS: list[tuple[str, str]] = sorted(((k, c) for c, stems in CONCEPTS.items() for s in stems for k in _folded(s)),
                                       key=lambda x: -len(x[0]))


def concepts(text: str) -> set[str]:
    """The lexicon's concepts the words of ``text`` stem from (hyphenated words count per part)."""
    out: set[str] = set()
    for t in tokenize(text):
        for part in [t.text, *t.text.split("-")] if "-" in t.text else [t.text]:
            k = fold(part)
            if len(k) < 3 or k.startswith(NOT_CONCEPT):
                continue
            for stem, concept in _STEMS:
                if k.startswith(stem):
                    out.add(concept)
                    break
    return out


def years(text: str) -> set[str]:
    return {t.text for t in tokenize(text) if len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20")}


def title_key(title: str, cls: str | None, names: Iterable[str] = ()) -> str | None:
    """The key of a document's title of class ``cls`` naming the authority entities ``names``
    (their IRIs), or None when it says too little to tell one document from another."""
    genre = GENRE_OF_CLASS.get(cls)
    if genre is None:
        return None  # periodicals are named by their own title, not by what it says
    parts = concepts(title) - {genre}
    parts |= {"=" + n.rstrip("/").rsplit("/id/", 1)[-1] for n in names}
    parts |= {"y" + y for y in years(title)}
    if len(parts) < MIN_PARTS:
        return None
    return genre + ":" + " ".join(sorted(parts))


def key_slug(key: str) -> str:
    """A readable, stable slug for a title key: genre and concepts, then a hash of the whole key."""
    genre, _, rest = key.partition(":")
    words = [p for p in rest.split() if not p.startswith(("=", "y"))]
    digest = hashlib.sha1(f"work-key:{key}".encode()).hexdigest()[:8]
    return f"{slugify(' '.join([genre, *words]), 60)}-{digest}"
