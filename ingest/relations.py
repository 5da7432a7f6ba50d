"""Relations between the mentions of one document, from sentence-level cues.

The texts state relations in a few recurring ways: a list after "Participants of the project",
a year-bullet line carrying an event with its date and place, a sentence naming two libraries
and an agreement, a library "named after" a person. Each rule here reads one of those shapes;
all work on mention offsets and folded words, so they serve the three languages alike.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import kk_cases
from .keys import fold, fold_all

_SENT = re.compile(r"(?<=[^\W\d_]{3}[.!?])(?<!тыс\.)(?<!млн\.)(?<!стр\.)(?<!тел\.)(?<![Vv]ol\.)(?<!руб\.)"
                  r"\s+(?=[«“\"A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|\d{1,4}\s)|(?<=[;])\s+|\n+"
                  # a sentence that ends with a year: "… until 15 December 2020. In early 2021 …"
                  r"|(?<=[\s(–-]\d{4}[.])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_])")


# A sentence may also end after a closing quote ("… конференция «Маршрут». Поэт …"). ``spans``
# keeps such sentences together, and relations read across them as the annotations do; a date
# is looked for in the narrower sentence (``narrow``).
_QUOTE_END = re.compile(r"(?<=[»”\")][.!?])\s+(?=[«“\"A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|\d{1,4}\s)")


def narrow(text: str, span: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The part of sentence ``span`` around ``start``–``end`` that no full stop after a closing
    quote divides."""
    a, b = span
    for m in _QUOTE_END.finditer(text, a, b):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


def parts(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` divided where a full stop follows a closing quote: the sentences ``spans`` keeps
    together, each on its own ("… выставка «Голоса степи». Экспозиция подготовлена …")."""
    out, a = [], span[0]
    for m in _QUOTE_END.finditer(text, span[0], span[1]):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, span[1]))
    return out


def spans(text: str) -> list[tuple[int, int]]:
    """Sentence-like spans: lines, split further at sentence ends and semicolons."""
    out, pos = [], 0
    for m in _SENT.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _words(text: str) -> list[str]:
    """The folded keys of the words of ``text``, as the cue lists are folded."""
    return [fold(w) for w in re.findall(r"[^\W_]+", text)]


def _first_word(text: str, stems: tuple[str, ...], start: int = 0, end: int | None = None) -> int | None:
    """Where the first word of ``text[start:end]`` whose folded key opens with one of ``stems``
    starts, or None."""
    for m in re.finditer(r"[^\W_]+", text[start:end]):
        if fold(m.group()).startswith(stems):
            return start + m.start()
    return None


def _has(text: str, stems: tuple[str, ...]) -> bool:
    return _first_word(text, stems) is not None


def first_speech(text: str) -> int | None:
    """Where the first verb of speaking starts in ``text`` (a sentence), or None."""
    return _first_word(text, SPEECH)


_PASSIVE_BY = re.compile(r"\b(?:was|were|been)\s+(?:\w+\s+)?(\w+)\s+by\b", re.IGNORECASE)


def passive_speech(text: str) -> bool:
    """The sentence says who spoke in the passive, the speaker after "by": "the guests were
    welcomed by X", "the round table was opened by X"."""
    return any(fold(m.group(1)).startswith(PASSIVE_SPEECH) for m in _PASSIVE_BY.finditer(text))


PARTICIPATION = ("tookpart", "took", "participat", "spoke", "present", "katis", "ucast", "vistup",
                 "sozsoil", "basinda", "bazasinda", "organiz", "organis", "ustroil", "addressed", "opening",
                 # a delegation, and who represented a body: "the delegation of X was headed by Y",
                 # "the library was represented by Y", "делегацию возглавил", "делегациясы"
                 "delegat", "delegac", "represent",
                 # who joined or connected to it ("к разговору присоединилась X", "X joined by video link",
                 # "подключились библиотеки", "Омбы кітапханасы қосылды")
                 "joined", "connected", "prisoedin", "podkluc", "kosild",
                 # who opened it ("Семинар открыла директор X", "X opened the exhibition")
                 "otkril", "opened",
                 # who judged it: "Жюри возглавила X", "the jury included Y", "қазылар алқасы"
                 "jiuri", "jury", "kazilar",
                 # who held it with whom: "библиотека провела конкурс вместе с …", "совместно с"
                 "provel", "sovmestno", "vmeste",
                 # who moderated or hosted it ("Модератором семинара была X", "Moderator: Y", "жүргізуші")
                 "moderator", "moderated", "jurgizus",
                 # who read a lecture or a report at it ("прочитала лекцию", "прочитал доклад")
                 "procital",
                 # who sent a video address or a greeting to it ("бейнеүндеу жолдады", "видеообращение")
                 "beineundeu", "videobrasen", "videopriv",
                 # who is named among its speakers ("Баяндамашылар қатарында X болды", "Докладчиками
                 # выступили", "Speakers included X")
                 "bandamasi", "dokladcik", "speakers", "spiker",
                 # Kazakh: who organised it, with whom, who performed at it ("ұйымдастырды", "бірлесіп",
                 # "өнер көрсетті"), and who chaired it (not "басқарды", "возглавил": who ran a library)
                 "uimdastir", "birlesip", "korseti", "korsetip", "chaired")
# Who sat on a competition's jury ("В его состав вошли X", "Its other members were Y") and who won
# ("the prize went to X", "лауреатами стали", "жеңімпаз атанды", "жүлдегер"): of a competition only
WINNERS = ("sostav", "members", "prize", "viner", "laureat", "pobedit", "prizer", "jenimpaz", "julde",
           "nagrajd", "avarded")
# The Kazakh "opened" as whole words: "асты…" (under) folds alike ("Семинарды X ашты")
OPENED_KK = frozenset(fold(w) for w in ("ашты", "ашып", "ашқан"))
# Who prepared an event or supported it takes part, when it is a library or an organisation:
# "prepared by X with the support of Y", "подготовлена при поддержке", "… қолдауымен дайындалды"
# (a person there is as often the one whose books the exhibition was prepared from).
PARTICIPATION_BODIES = ("podgotovl", "podgotovil", "daiindal", "daiindad", "podderjk", "koldau")  # English: see
# ``prepared_or_supported``
_EN_BODIES = re.compile(r"\b(?:prepared|organi[sz]ed|supported)\s+by\b|\bwith\s+the\s+support\s+of\b", re.IGNORECASE)
# Who speaks, greets, tells or presents at an event takes part in it; but only who is named before
# the verb (its subject): "X noted that Pushkin visited Orenburg" makes X a participant, not Pushkin.
SPEECH = ("told", "noted", "said", "thanked", "recited", "talked", "greeted", "welcomed", "congratulated",
          "reminded", "report",  # "X made the report …": the speaker before it
          "рассказал", "рассказыва", "представил", "обратил", "отметил", "подчеркнул", "поздравил",
          "напомнил", "приветствовал", "поделил",  # (who shared their experience or a story)
          "сөйле", "баяндама", "баяндады", "әңгімеле", "тоқтал", "таныстыр", "құттықта", "айтты", "айтып", "деді")
# "within the framework of the project": who holds an event in a project's frame takes part in it
FRAMEWORK = ("ramkah", "framework", "within", "аясында", "шеңберінде")
MEMBERSHIP_BESIDE_FRAMEWORK = ("participant", "katisus", "ucastnik", "join", "birig", "birlestir", "vkluc", "member",
                               "serikt", "partner", "sviazivaiut", "joint", "birlesken", "realizu", "zaiavil",
                               # "обе библиотеки участвуют в проекте", "have taken part in", "присоединились к"
                               "ucastv", "prisoedin")
MEMBERSHIP = MEMBERSHIP_BESIDE_FRAMEWORK + FRAMEWORK
PARTNERSHIP = ("agreement", "dogovor", "soglasen", "sotrudnic", "cooperation", "partner", "serikt", "intimaktas",
               "kelisim", "sviazivaiut", "hattam", "protocol", "together", "birlesip", "organized", "joint",
               "birlesken", "sovmestn",
               # a telebridge joins two libraries: the two named with it work together
               "telemost", "telebridge", "videomost", "videobridge", "telekopir", "beinekopir")
# Words that move a sentence away from a report's own day: the future, the past year, every year.
OTHER_TIME = ("will", "next", "upcoming", "every", "last", "previous", "future", "yesterday", "tomorrow",
              "будет", "состоится", "каждый", "прошлом", "прошлого", "вчера", "завтра", "накануне", "келесі",
              "алдағы", "сайын", "кеше", "ертең", "first", "earlier", "впервые", "ранее", "пройдёт", "пройдет",
              "бұрын", "алғаш")  # whole words ("village" is not "will", "кешенде" not "кеше")
OTHER_TIME_STEMS = ("annual", "следующ", "будущ", "ежегодн", "предстоящ", "болашақ")
# Authorship is read from a short phrase: one cue word and at most a few words that only say what
# kind of work it is ("X, author of the famous «Y»", "«Y» романының авторы X", "Y by X").
AUTHOR_CUES = ("author", "authors", "автор", "автора", "автором", "авторы", "написал", "написала", "жазған",
               "by")
AUTHOR_FILLERS = (
    "the", "a", "an", "of", "famous", "known", "well", "book", "novel", "article", "dictionary", "collection",
    "poem", "poems", "story", "essay", "monograph",
    "книги", "книгу", "книга", "статьи", "статью", "романа", "роман", "повести", "повесть", "сборника",
    "сборник", "словаря", "словарь", "очерка", "монографии", "известной", "известного", "известный",
    "знаменитого", "знаменитой", "знаменитый",
    "кітабының", "кітабы", "кітабын", "романының", "романы", "мақаласының", "мақаласы", "жинағының", "жинағы",
    "сөздігінің", "сөздігі", "әйгілі", "белгілі", "атты",
    # which of the person's books: "Suleimenov's first collection", "его новый роман", "novel cycle"
    "first", "new", "latest", "last", "early", "debut", "cycle", "trilogy", "epic",
    "первый", "первая", "первую", "первого", "первой", "новый", "новая", "новую", "нового", "новой",
    "последний", "последнюю", "последнего", "трилогия", "трилогию", "трилогии", "эпопея", "эпопею", "эпопеи",
    "романы", "романов", "поэма", "поэму", "поэмы", "стихотворение", "стихотворения",
    "алғашқы", "жаңа", "соңғы",
    "compiled", "written")  # "“Irtysh Chronicles” compiled by X"
# "X presented his book «Y»", "X рассказал о своей книге «Y»", "X өзінің «Y» кітабын таныстырды":
# a possessive and a word for a book between the person and the title make X its author.
OWN = ("his", "her", "their", "своей", "свою", "своего", "своём", "своем", "своих", "свои", "своя", "свой",
       "өзінің", "өз")
BOOK_WORDS = ("book", "novel", "poem", "poems", "collection", "monograph", "article", "story", "stories", "essay",
              "книг", "роман", "повест", "сборник", "стать", "монограф", "поэм", "очерк", "рассказ", "стихотворен",
              "кітаб", "кітап", "жинағ", "мақала", "поэма", "өлең", "әңгіме", "повесть")
REPORT_WORDS = ("report", "доклад", "баяндам", "lecture", "лекци", "дәріс", "paper", "talk")
NAMED_AS = ("named", "entitled", "titled", "called", "под", "названием", "атты", "деген")
SPOKE = ("vistup", "made", "gave", "delivered", "jasad", "sozsoile")  # выступил, made/gave, жасады
PRESENTED = ("presented", "introduced", "представил", "презентовал", "таныстыр", "ұсын")
WRITER_ROLES = ("writer", "poet", "poetess", "author", "писатель", "писательница", "поэт", "поэтесса", "автор",
                "жазушы", "ақын")
AGREEMENT = ("agreement", "dogovor", "soglasen", "kelisim", "partnership", "partnerstv", "seriktestik")
LIST_HEADS = ("participantsoftheproject", "jobagakatisusilar", "ucastnikiproekta", "jobaseriktesteri",
              "partnersoftheproject", "katisusilar", "participants", "ucastniki")
# A heading that ends by naming the project's partners heads a roll of them, however it opens
# ("Участниками конференции стали библиотеки – партнёры проекта:")
LIST_TAILS = ("participantsoftheproject", "partnersoftheproject", "ucastnikiproekta", "partneriproekta",
              "jobaseriktesteri", "jobagakatisusilar")


@dataclass
class M:
    """The view of a mention that relation rules need."""

    start: int
    end: int
    kind: str
    iri: str
    country: str | None


def in_span(m: M, s: tuple[int, int]) -> bool:
    return s[0] <= m.start and m.end <= s[1]


def by_span(spans_: list[tuple[int, int]], mentions: list[M]) -> dict[tuple[int, int], list[M]]:
    """The mentions inside each span (sentences, lines), found by bisection rather than by testing
    every mention against every sentence: a long report has thousands of both."""
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    out: dict[tuple[int, int], list[M]] = {}
    for s in spans_:
        k = bisect.bisect_left(starts, s[0])
        inside = []
        while k < len(ordered) and ordered[k].start < s[1]:
            if ordered[k].end <= s[1]:
                inside.append(ordered[k])
            k += 1
        out[s] = inside
    return out


def _opens_roll(key: str) -> bool:
    return any(key.startswith(h) or h in key[:40] for h in LIST_HEADS)


def partners_roll(text: str, start: int) -> bool:
    """Whether the project's roll whose heading starts at ``start`` opens by calling them partners
    ("Жоба серіктестері:", "Partners of the project:"), which a report writes of its own library's
    partners; not a roll of an event's participants that ends "… – партнёры проекта:"."""
    end = text.find("\n", start)
    key = fold(text[start:end if end >= 0 else len(text)])
    return _opens_roll(key) and ("serikt" in key[:60] or "partner" in key[:60])


def participant_lists(text: str, mentions: list[M]) -> list[tuple[int, int]]:
    """Regions of text that list a project's participants (a heading line and what follows)."""
    regions = []
    ls = lines(text)
    for i, (a, b) in enumerate(ls):
        key = fold(text[a:b])
        if _opens_roll(key) or text[a:b].rstrip().endswith(":") and key.endswith(LIST_TAILS):
            end = b
            for a2, b2 in ls[i + 1:]:
                seg = text[a2:b2]
                if not seg.strip():
                    continue
                if re.match(r"\s*[\^•\-–]?\s*\d{4}", seg) or not any(in_span(m, (a2, b2)) for m in mentions):
                    break  # a dated bullet or a line that names nobody ends the list
                if any(m.kind == "project" and in_span(m, (a2, b2)) for m in mentions):
                    break  # a line naming a project opens the next section
                end = b2
            regions.append((a, end))
    return regions



# A heading over a bulleted roll of an event's organisers or participants ("Организаторы конкурса:",
# "Байқауды ұйымдастырушы кітапханалар:", "The organisers:"); a project's roll is participant_lists'.
# Minutes head theirs with those present: "ПРИСУТСТВОВАЛИ:", "Attendees:", "Қатысқандар:", "Present:"
ROLL_HEADS = ("organiz", "organis", "uimdastir", "ucastnik", "katisus", "participant",
              "prisuctvoval", "prisuctvus", "atende", "katiskandar")
ROLL_WORDS = ("present",)  # whole words only: "Present:", not "Presented at the exhibition:"
PROJECT_HEADS = ("proekt", "project", "joba")
BULLET = re.compile(r"\s*(?:[•·▪◦*\-–—]|\d{1,2}[.)])\s*\S")


def organiser_rolls(text: str, event_word: Callable[[str], bool] = lambda w: False) -> list[tuple[int, int, int]]:
    """``(heading start, first item start, end)`` of each bulleted roll under a heading that ends
    with a colon and names organisers or participants (not of a project: those are members,
    unless the roll word names an event's: "Участниками конференции стали … партнёры проекта:",
    ``event_word`` telling a folded word naming an event).
    The roll is the bullet lines right after the heading; a line without a bullet ends it."""
    out = []
    ls = lines(text)
    for i, (a, b) in enumerate(ls):
        head = text[a:b].strip()
        if not head.endswith(":") or len(head) > 120:
            continue
        words = _words(head)
        rolls = [k for k, w in enumerate(words) if w.startswith(ROLL_HEADS) or w in ROLL_WORDS]
        if not rolls or any(w.startswith(PROJECT_HEADS) for w in words) \
                and not any(k + 1 < len(words) and event_word(words[k + 1]) for k in rolls):
            continue
        items, first = [], None
        for ln in ls[i + 1:]:
            line = text[ln[0]:ln[1]]
            if BULLET.match(line):
                items.append(ln)
            elif not _ROLL_GROUP.match(line) and (line.strip() or not (items or ln[0] - b < 3)):
                break  # (a roll in groups: "От … библиотеки:", "Приглашённые:", a blank line between)
            if first is None and line.strip():
                first = ln[0]  # the first group's heading is in the roll too: "От Костанайской библиотеки:"
        if items:
            out.append((a, first if first is not None else items[0][0], items[-1][1]))
    return out


def programme_rolls(text: str) -> list[tuple[int, int, int]]:
    """``(heading start, first item start, end)`` of each bulleted list under a heading that ends
    with a colon and calls it a programme ("В программе:", "Программа встречи:", "The programme:",
    "Бағдарламада:"): what the event will hold, item by item, with who speaks."""
    out = []
    ls = lines(text)
    for i, (a, b) in enumerate(ls):
        head = text[a:b].strip()
        if not head.endswith(":") or len(head) > 120 or not _PROGRAMME_HEAD.search(head):
            continue
        items = []
        for ln in ls[i + 1:]:
            if BULLET.match(text[ln[0]:ln[1]]):
                items.append(ln)
            elif text[ln[0]:ln[1]].strip():
                break  # (a blank line between the heading and the items, or between two, keeps it going)
        if items:
            out.append((a, items[0][0], items[-1][1]))
    return out


# (or calls its items the talks given: "Затем прозвучали доклады:", "С докладами выступили:",
# "Papers were read by:", "Баяндама жасағандар:")
_PROGRAMME_HEAD = re.compile(r"(?<![^\W\d_])(?:программ\w*|programme|program|бағдарлама\w*|доклад\w*|papers|talks|"
                             r"speakers|баяндама\w*)(?![^\W\d_])", re.IGNORECASE)


# A group's heading inside a roll of those present ("От Свердловской библиотеки (г. Екатеринбург):",
# "Приглашённые:", "From the Kostanay library:", "Invited:")
_ROLL_GROUP = re.compile(r"[ \t]*(?:От|Со\s+стороны|From|On\s+behalf\s+of|Приглаш\w*|Invited|"
                         r"Шақырылған\w*)\b[^\n]{0,200}:\s*$")


# A programme's item: a line that opens with its time ("10:40 Plenary session. Papers: …",
# "14.00 Круглый стол …", "09:00–10:00 Тіркеу")
# (with a dot only on the hour or its quarters: "02.05" and "14.05" are days of May)
_PROGRAMME_ITEM = re.compile(r"[ \t]*(?:\d{1,2}:\d{2}|(?:[01]?\d|2[0-3])\.(?:00|15|30|45))"
                             r"(?:\s*[–—-]\s*\d{1,2}[:.]\d{2})?\s+\S")
# A programme says so in its title: "Programme of the conference …", "Программа семинара", "бағдарламасы"
_PROGRAMME_TITLE = re.compile(r"\b(?:programme|program|agenda|программа|бағдарлама)", re.IGNORECASE)


def programme_items(text: str) -> list[tuple[int, int]]:
    """The lines of a programme's schedule, each opening with a time: in a document whose title
    calls it a programme, at least two of them (a library's opening hours, a month's news by
    date and a time of day in a report are no schedule of an event)."""
    first = text.split("\n", 1)[0]
    if not _PROGRAMME_TITLE.search(first):
        return []
    items = [(a, b) for a, b in lines(text) if _PROGRAMME_ITEM.match(text, a)]
    return items if len(items) >= 2 else []


# The cue lists above are written readably; matching compares them with folded text keys.
PARTICIPATION = fold_all(PARTICIPATION)
WINNERS = fold_all(WINNERS)
PARTICIPATION_BODIES = fold_all(PARTICIPATION_BODIES)


# "На связь с Барнаулом вышли читатели и сотрудники X", "went on air", "байланысқа шықты": who came
# on the line of a telebridge or an online meeting
_ON_THE_LINE = re.compile(r"\bна\s+связь\b|\bв\s+эфир\b|\bon\s+(?:the\s+)?(?:air|line)\b|\bбайланысқа\b",
                          re.IGNORECASE)


def on_the_line(text: str) -> bool:
    """The sentence says who came on the line (of a telebridge, an online meeting)."""
    return _ON_THE_LINE.search(text) is not None


# "the two libraries have been partners since 2019", "Библиотеки-партнёры сотрудничают с 2016
# года", "екі кітапхананың … серіктес екенін", "the friendship of our libraries"
# (level words may stand between: "обе областные библиотеки", "the two regional libraries"; not "our
# rural libraries", whose partners are others)
_LEVEL_RU = r"(?:областн|краев|городск|центральн|национальн|научн|универсальн|детск|республиканск|ведущ|крупнейш)[а-яё]*"
_LEVEL_KK = r"(?:облыстық|өлкелік|қалалық|орталық|ұлттық|ғылыми|әмбебап|балалар|жетекші|ірі)"
_LEVEL_EN = r"(?:regional|city|central|national|scientific|universal|children's|leading|largest)"
_TWO_LIBRARIES = re.compile(rf"\b(?:две|обе|двух|обеих)\s+(?:{_LEVEL_RU}\s+){{0,2}}библиотек\w*\b"
                            r"(?!\s+(?:города|района|области|села|посёлка|поселка))"  # "обе библиотеки города": one town's
                            rf"|\bнаши[хм]?\s+(?:{_LEVEL_RU}\s+)?библиотек\w*|библиотеки-партн[её]р\w*"
                            rf"|\bекі\s+(?:{_LEVEL_KK}\s+){{0,2}}кітапхана\w*"
                            r"|\bсеріктес\s+кітапхана\w*|\bкітапханаларымыз\w*"
                            rf"|\b(?:the\s+two|both)\s+(?:{_LEVEL_EN}\s+){{0,2}}libraries\b"
                            rf"|\b(?:our|partner)\s+(?:{_LEVEL_EN}\s+)?libraries\b",
                            re.IGNORECASE)
# Another party the libraries work with ("with local schools", "со школами", "мектептермен"): then the
# sentence is not about the two of them ("with each other", "друг с другом", "бір-бірімен" are)
_OTHER_PARTY = re.compile(r"\b(?:[Ww]ith|со|с)\s+(?:(?:local|other|[a-z]+al|[а-яё]+(?:ыми|ими))\s+)?"
                          r"(?:[a-z]{3,}(?<!s)s\b|[а-яё]{3,}(?:ами|ями)\b)"  # "with local schools", "со школами"
                          r"|\b[а-яёәғқңөұүһі]{3,}(?:лар|лер|дар|дер|тар|тер)(?:мен|бен|пен)\b")  # "мектептермен"
_FRIENDSHIP = fold_all(("дружб", "friendship", "достық", "достығ", "cooperat"))


def names_two_libraries(text: str) -> bool:
    """The sentence speaks of the report's two libraries without naming them ("обе библиотеки")."""
    return _TWO_LIBRARIES.search(text) is not None


# The libraries of both sides, by their towns or regions or as "two": "библиотеки двух городов",
# "the libraries of the two cities", "двух учреждений", "Омбы мен Павлодар кітапханалары"
_LIBRARIES_PLURAL = re.compile(r"\b(?:библиотеки|библиотек|libraries|кітапханалары\w*)\b", re.IGNORECASE)
_TWO_SIDES = re.compile(r"\b(?:двух|обоих|соседних)\s+(?:городов|районов|областей|регионов|учреждений)"
                        r"|\b(?:the\s+two|both|neighbouring|neighboring)\s+(?:cities|towns|districts|regions|institutions)\b"
                        r"|\bекі\s+(?:қала|аудан|облыс|өңір|мекеме)\w*", re.IGNORECASE)


def names_both_sides(text: str, countries: set[str], one_region: bool = False) -> bool:
    """The sentence speaks of the libraries of both sides without naming one: "both libraries", "the
    libraries of the two cities", "двух учреждений", or libraries with places of two countries
    ("Омбы мен Павлодар кітапханалары", "the libraries of East Kazakhstan Region and Altai Krai").
    ``countries``: those of the towns and regions the sentence names (countries themselves aside:
    "the libraries of Kazakhstan and Uzbekistan" are libraries in general); ``one_region``: every place
    it names is a region of one country, so the two are in it ("библиотеки двух районов Омской
    области")."""
    if one_region:
        return False
    if names_two_libraries(text) or re.search(r"\b(?:двух|обоих)\s+учреждений|\bboth\s+institutions\b", text, re.I):
        return True
    return _LIBRARIES_PLURAL.search(text) is not None and (_TWO_SIDES.search(text) is not None or len(countries) >= 2)


def other_libraries(text: str) -> bool:
    """The sentence speaks of libraries other than the report's two ("библиотеки двух районов Омской
    области", "the village libraries"): a plural word for libraries that is no "both"/"two libraries"."""
    return _LIBRARIES_PLURAL.search(text) is not None and not names_two_libraries(text)


# Work inside a project: "продолжила работу в международном проекте", "работает по программе",
# "работают вместе в проекте", "works in the project", "have worked together in the … project",
# "жобасы аясында жұмыс істейді", "жобасында бірге жұмыс істейді"
_WORKS_IN = re.compile(r"\bработ\w*\s+(?:вместе\s+|сообща\s+)?(?:в|по)\s+(?:[а-яё-]+\s+){0,2}(?:проект|программ)"
                       r"|\bwork(?:s|ed|ing)?\s+(?:together\s+)?(?:with)?in\s+(?:the\s+)?"
                       r"(?-i:(?:[A-Z\"“][\w”\"-]*|[a-z][\w-]*(?=\s+(?:project|programme|program)\b)|at|of|the|and|on|for)\s+){0,5}"
                       r"(?:project|programme|program)\b"
                       r"|(?:жобасы|бағдарламасы)\s+(?:аясында|бойынша)\s+(?:бірге\s+)?жұмыс"
                       r"|(?:жобасында|бағдарламасында)\s+(?:бірге\s+)?жұмыс", re.IGNORECASE)


# Who runs a project is in it: "Кураторами программы остаются X и Y", "the coordinators of the
# project are X", "жоба үйлестірушісі X", "руководитель проекта X"
_PROJECT_ROLE = re.compile(r"куратор\w*|координатор\w*|\bcurators?\b|\bcoordinators?\b|үйлестіруші\w*|"
                           r"руководител\w*\s+(?:проекта|программы)|\bheads?\s+of\s+the\s+(?:project|programme)\b|"
                           r"(?:жоба|бағдарлама)\w*\s+жетекші\w*", re.IGNORECASE)


def project_role(text: str) -> bool:
    """The sentence names who curates, coordinates or heads a project."""
    return _PROJECT_ROLE.search(text) is not None


# "работают вместе", "have worked together", "бірге жұмыс істейді" (the verb of working, not a title's
# "Читаем вместе"): those named as its subject work together
# (not "вместе со школами", "together with schools", "мектептермен бірге": with others)
_WORK_TOGETHER = re.compile(r"\bработа\w*\s+вместе\b(?!\s+со?\b)|\bwork(?:s|ed|ing)?\s+together\b(?!\s+with\b)"
                            r"|(?<!мен\s)(?<!бен\s)(?<!пен\s)\bбірге\s+жұмыс", re.IGNORECASE)


def works_together(text: str) -> bool:
    return _WORK_TOGETHER.search(text) is not None


def membership_cue(text: str) -> bool:
    """The sentence says someone is in a project: a membership word, "take part" in English, or
    work inside it ("продолжила работу в проекте")."""
    return _has(text, MEMBERSHIP) or re.search(r"\b(?:take|takes|took|taken|taking)\s+part\b", text, re.I) is not None \
        or _WORKS_IN.search(text) is not None


# "Партнёрами библиотеки остаются …", "Среди партнёров библиотеки …", "the library's partners are …",
# "кітапхананың серіктестері": what follows lists the report's own library's partners
_PARTNERS_OF_THE_LIBRARY = re.compile(r"\bпартн[её]р\w*\s+(?:нашей\s+)?библиотеки\b|\bнаши(?:ми)?\s+партн[её]р"
                                      r"|\b(?:the\s+library's|our)\s+(?:\w+\s+)?partners\b"
                                      r"|\bpartners\s+of\s+the\s+library\b|\bкітапхананың\s+(?:\w+\s+)?серіктест",
                                      re.IGNORECASE)


def partners_of_the_library(text: str) -> int | None:
    """Where the list of the partners of the library a report is about begins ("Основными
    партнёрами библиотеки оставались A, B и C"), however many it names; None where the sentence has
    no such list, speaks of former partners, or of another's ("партнёрами библиотеки из Омска стали …",
    "our partners in Omsk")."""
    m = _PARTNERS_OF_THE_LIBRARY.search(text)
    if m is None or re.search(r"бывш|former|прекрат|ended|ceased", text, re.IGNORECASE) \
            or re.match(r"\s+(?:из|в|во|in|from|of|at)\s", text[m.end():]):
        return None
    return m.end()


def partners_said(text: str) -> bool:
    """The sentence says that libraries are partners, in its own words (not in a title it quotes:
    "within the project “Border of Friendship”"), and of no other party ("signed agreements with
    local schools"). Whose libraries, ``names_both_sides`` says."""
    own = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", " ", text)
    return _has(own, PARTNERSHIP + _FRIENDSHIP) and not _OTHER_PARTY.search(own)


# A place won in a competition: "First place went to X", "Второе место занял Y", "бірінші орын"
_PLACE_WON = re.compile(r"\b(?:first|second|third)\s+place\b|\b(?:перв|втор|трет)\w*\s+мест|"
                        r"\b(?:бірінші|екінші|үшінші|І|ІІ|ІІІ)\s+орын", re.IGNORECASE)


# Who was present at it: "На церемонии присутствовал X", "X attended the signing" (not "не
# присутствовал", nor "did not attend" or "attendance")
_PRESENT = re.compile(r"(?<!\bне\s)(?<!\bnot\s)(?<!\bnever\s)(?<!\bwho\s)(?<!\bкоторый\s)(?<!\bкоторая\s)"
                      r"(?<!\bкоторые\s)\b(?:присутствовал[аи]?|attended)\b", re.IGNORECASE)  # (nor who once did)
# Who hosted it, in the past: "The host was the X Library", "X hosted …" (not "will host", "hosting"
# a festival for years, a hostel)
_HOST = re.compile(r"(?<!\bwill\s)\b(?:host|hosted)\b(?!\s+will\b)", re.IGNORECASE)


# The partner of an event is one of its sides: "Партнёр встречи — X", "The partner of the video bridge
# is X", "Кездесудің серіктесі — X" (not a partner in general: "X — давний партнёр библиотеки")
_EVENT_PARTNER = re.compile(r"партн[её]р\w*\s+(?:встреч|мероприят|видеомост|телемост|акци|выставк|конкурс|семинар|"
                            r"фестивал|чтени)\w*|\bpartners?\s+(?:of|for|in)\s+the\s+(?:event|meeting|video|"
                            r"telebridge|exhibition|contest|competition|seminar|festival|readings)|"
                            r"(?:шараның|кездесудің|бейнекөпірдің|телекөпірдің|көрменің|байқаудың)\s+серіктес",
                            re.IGNORECASE)


# Who gave something at it in English: "X gave the first guided tour", "Y delivered a lecture"
_GAVE = re.compile(r"\b(?:gave|delivered|conducted|led|read)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:tour|talk|lecture|presentation|master[- ]?class|workshop|reading|concert|overview|review|speech|"
                   r"report|paper|quiz|greeting|address)s?\b"
                   # who read or recited poems there, or put its exhibition together: "read Jalil's verses in the
                   # original", "put together a book exhibition for the evening", "өлеңдерін оқыды"
                   r"|\b(?:read|recited)\s+(?:[\w'’-]+\s+){0,2}?(?:verses|poems|poetry|excerpts|stories|lines)\b"
                   r"|\b(?:put\s+together|prepared|arranged|compiled)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:exhibition|display)\b"
                   r"|өлең\w*\s+(?:\w+\s+){0,2}оқы(?:ды|п)|дәріс\s+оқы(?:ды|п)|\bsent\s+(?:a|an|the)\s+(?:video\s+)?"
                   r"(?:address|greeting|message)", re.IGNORECASE)


_ATTENDED_BY = re.compile(r"\b(?:was|were)\s+attended\s+by\b", re.IGNORECASE)  # not "attended a university"


def participation(text: str) -> bool:
    """The sentence says someone took part: a participation cue, or the Kazakh "opened"."""
    return _has(text, PARTICIPATION) or any(fold(m.group()) in OPENED_KK for m in re.finditer(r"[^\W_]+", text)) \
        or _REPRESENTED.search(text) is not None or _PRESENT.search(text) is not None \
        or _EVENT_PARTNER.search(text) is not None or _GAVE.search(text) is not None \
        or _HOST.search(text) is not None and not re.search(r"\b(?:will|next)\b", text, re.IGNORECASE) \
        or _ATTENDED_BY.search(text) is not None


def judged_or_won(text: str) -> bool:
    """The sentence names a competition's jury or winners: a place won ("First place went to",
    "Второе место занял", "бірінші орын") or a prize ("Гран-при получила"); for contests only, and
    not a place in a ranking ("первое место в рейтинге")."""
    if re.search(r"рейтинг|rating|ranking|рейтингте", text, re.IGNORECASE):
        return False
    return _PLACE_WON.search(text) is not None or _has(text, WINNERS) or "гран-при" in text.lower()


# Who represented a side or a body took part: "Астраханскую сторону представляла X", "X представлял
# библиотеку", "библиотеку представляла X"; not "экспозиция представляла работы художника"
_REPRESENTED = re.compile(r"сторону\s+представлял\w*|представлял\w*\s+(?:[А-ЯЁ]|\w+(?:ую|юю)\s+сторону|библиотек)"
                          r"|\b[А-ЯЁ][а-яё]+\s+представляли\b"  # "Казахстан представляли …" (not "Экспозиция представляла")
                          r"|(?:библиотеку|университет|музей|организацию|делегацию)\s+(?:\w+\s+){0,6}представлял\w*")


def prepared_or_supported(text: str) -> bool:
    """The sentence says who prepared or supported something, in the passive or by the noun ("prepared
    by", "with the support of", "подготовлена", "при поддержке", "қолдауымен дайындалды"); not "the
    library supports the project", "prepares an exhibition for next year"."""
    return _has(text, PARTICIPATION_BODIES) or _EN_BODIES.search(text) is not None


# What a phrase is about is no one who acts in it. A person right after "о/об/про", "about", "on",
# "dedicated to", "к юбилею", "памяти" (or after a noun of theirs in the case those words ask for:
# "о книжном собрании Г. Н. Потанина", "on the book collection of G. N. Potanin"), and in Kazakh a
# person before "туралы"/"жайлы", or before a noun of theirs and it ("Абайдың өмірі мен шығармашылығы
# туралы"; not "X фотосурет туралы әңгімеледі", X told of a photograph), or before "…ға арналған".
# The nouns of a person's own a talk is about: life, work, legacy, collection … (not "о проекте Анна …")
_RU_NOUNS_OF = (r"(?:[а-яё]+(?:ом|ем|ой|ей|ых|их)\s+)?(?:жизни|творчестве|наследии|собрании|коллекции|библиотеке|"
                r"письмах|дневниках|книгах|трудах|произведениях|стихах|памяти|роли|вкладе|юбилее|деятельности|"
                r"судьбе|пути|экспедиции|годах|семье|открытиях)\s+")
_TOPIC_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:[оО]|[оО]б|[оО]бо|[пП]ро)\s+(?:" + _RU_NOUNS_OF + r")?"
    r"|(?<![\w-])(?:посвящ[её]нн\w*|посвящ\w+)\s+(?:[\w-]+\s+){0,3}?"
    r"|(?<![\w-])(?:юбиле\w*|[\w-]*летию|памяти|творчеству|творчества|жизни|наследи\w+)\s+"
    r"|\b(?:about|dedicated\s+to|devoted\s+to|in\s+memory\s+of|anniversary\s+of|centenary\s+of|"
    r"(?:life|legacy|work|works|heritage|collection|memory|letters|diaries)\s+of)\s+(?:the\s+)?"
    r"|\bon\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?of\s+(?:the\s+)?|\bon\s+)"
    r"(?:[A-ZА-ЯЁ][\w.'’-]*\s+){0,3}?(?:(?:и|and|,)\s+(?:[A-ZА-ЯЁ][\w.'’-]*\s+){0,3}?)?$")
_TOPIC_AFTER = re.compile(r"^[\w'’-]*\s+(?:(?:өмірі|шығармашылығы|мұрасы|еңбектері|шығармалары|кітаптары|өлеңдері|"
                          r"жолы|тағдыры|хаттары|күнделіктері|қоры|кітапханасы|экспедициясы)\s+"
                          r"(?:(?:мен|және)\s+[а-яёәғқңөұүһі-]+\s+)?)?(?:туралы|жайлы)(?![\w-])"
                          r"|^[\w'’-]*\s+арналған(?![\w-])", re.IGNORECASE)


def topic(text: str, start: int, end: int) -> bool:
    """The person at ``text[start:end]`` is what the phrase is about, not someone in it: "говорили о
    Сакене Сейфуллине и Ахмете Байтурсынове", "on the book collection of G. N. Potanin", "Мұстай
    Кәрімге арналған кеш". The words before are read within their clause only."""
    before = re.split(r"[.;:!?()\n–—]", text[max(0, start - 80):start])[-1]
    if re.search(r"\bon\s+behalf\s+of\b", before, re.IGNORECASE):
        return False  # "Speaking on behalf of Kazakhstan, Yerlan Zhumabayev thanked …": the speaker
    return _TOPIC_BEFORE.search(before) is not None or _TOPIC_AFTER.match(text[end:end + 60]) is not None


SPEECH = fold_all(SPEECH)
PASSIVE_SPEECH = SPEECH + fold_all(("opened", "made",  # "was opened by X", "was made by X" too
                                    # "a greeting … was read by its adviser X", "the tour was led by Y"
                                    "read", "delivered", "given", "presented", "led", "conducted", "moderated",
                                    "hosted"))

MEMBERSHIP = fold_all(MEMBERSHIP)
MEMBERSHIP_BESIDE_FRAMEWORK = fold_all(MEMBERSHIP_BESIDE_FRAMEWORK)
FRAMEWORK_CUES = fold_all(FRAMEWORK)
PARTNERSHIP = fold_all(PARTNERSHIP)
AGREEMENT = fold_all(AGREEMENT)
# "organised jointly with the Omsk library", "совместно с …", "… кітапханасымен бірлесіп": one library named
# as the one the report's own library worked with
_WITH_NEXT = re.compile(r"(?:совместно\s+с|вместе\s+с|jointly\s+with|together\s+with)\s+(?:the\s+)?$", re.IGNORECASE)
_KK_JOINTLY = re.compile(r"^\s*бірлесіп", re.IGNORECASE)


def jointly(text: str, start: int, end: int) -> bool:
    """The library at ``start``–``end`` of ``text`` is the one someone worked with: "совместно с
    Курганской библиотекой", "jointly with the Kurgan library", "Қорған кітапханасымен бірлесіп";
    not "дети совместно с родителями посетили Курганскую библиотеку"."""
    return _WITH_NEXT.search(text[max(0, start - 30):start]) is not None or _KK_JOINTLY.match(text[end:end + 12]) is not None
LIST_HEADS = fold_all(LIST_HEADS)
AUTHOR_CUES = frozenset(fold_all(AUTHOR_CUES))
_BY = fold("by")
AUTHOR_FILLERS = frozenset(fold_all(AUTHOR_FILLERS))
OWN = frozenset(fold(w) for w in OWN)
REPORT_WORDS = fold_all(REPORT_WORDS)
SPOKE = fold_all(SPOKE)
NAMED_AS = frozenset(fold(w) for w in NAMED_AS)
PRESENTED = fold_all(PRESENTED)
WRITER_ROLES = frozenset(fold(w) for w in WRITER_ROLES)
BOOK_WORDS = fold_all(BOOK_WORDS)
OTHER_TIME = frozenset(fold(w) for w in OTHER_TIME)
OTHER_TIME_STEMS = fold_all(OTHER_TIME_STEMS)


def writer_before(text: str) -> bool:
    """The word right before a name is a writer's role ("the Aktobe writer Serik Alimov")."""
    words = _words(text)
    return bool(words) and words[-1] in WRITER_ROLES and not re.search(r"[.;!?\n,]\s*$", text)


_SIGNED = fold_all(("signed", "signing", "adopted", "approved", "подписа", "подпис", "утвердил", "утверждён",
                    "утвержден", "принят", "бекіт", "қабылда"))
_KK_SIGNED = re.compile(r"қол\s+қой", re.IGNORECASE)


def signed_at(text: str, start: int, end: int) -> int | None:
    """Where the first verb of signing or adopting ("signed", "подписали", "бекітілді", "қол
    қойылды") in ``text[start:end]`` stands, or None."""
    at = _first_word(text, _SIGNED, start, end)
    if at is not None:
        return at
    m = _KK_SIGNED.search(text, start, end)
    return m.start() if m else None


def own_book_phrase(text: str, writer: bool = False) -> bool:
    """``text`` between a person and the title after it says the person wrote the work, in one
    clause of at most six words: a possessive and a book word ("X presented his book “Y”", "X
    рассказал о своей книге «Y»"); a talk the person gave ("X выступил с докладом «Y»", "X made the
    report “Y”"); or, for a ``writer`` (the role written before the name), a book the person
    presented ("the writer X presented the book “Y”")."""
    if re.search(r"[.;!?\n,]", text):
        return False
    words = _words(text)
    if len(words) > 6 or not words:
        return False
    if _SPOKE_ON.fullmatch(text.strip(" «“\"")):
        return True  # "X spoke on “Y”"
    # the possessive right before the book word: "his book", "своей книге", "өз кітабын"
    if any(a in OWN and b.startswith(BOOK_WORDS) for a, b in zip(words, words[1:])):
        return True
    # the talk right before the title, given with it: "выступил с докладом «…»", "made a report
    # named “…”"
    talk = words
    while len(talk) > 1 and talk[-1] in NAMED_AS:
        talk = talk[:-1]
    if len(talk) <= 4 and talk[-1].startswith(REPORT_WORDS) and (
            len(talk) < 2 or talk[-2] in ("s", "so", "with", "the", "a") or talk[0].startswith(SPOKE)):
        return True
    # a writer presenting a book: the book word right before the title
    return writer and words[-1].startswith(BOOK_WORDS) and any(w.startswith(PRESENTED) for w in words)


_RU_GENITIVE_NAME = re.compile(r"(?:а|я|ой|ей)$")
# "X spoke on “Y”": the verbs that make the quoted title after them X's talk (rules reads them before a title)
SPOKE_ON = r"(?:spoke|talked|lectured|reported)\s+(?:on|about)"
_SPOKE_ON = re.compile(SPOKE_ON, re.IGNORECASE)
# "С докладом «Y» выступила …", "С сообщением «Y» выступил …": the talk named before its speaker
_TALK_FIRST = re.compile(r"(?:^|[\s(])[Сс]\s+(?:доклад\w*|сообщени\w*|лекци\w*|презентаци\w*)\s+[«“\"]?$")
_SPEAKER_AFTER = re.compile(r"^[»”\"]?\s*выступил[аи]?\b[^.;!?\n«»“”\"]{0,100}$")


def talk_first(before: str, between: str) -> bool:
    """A talk named before its speaker: "С докладом «Y» выступила заведующая отделом … X" (``before``:
    the text right before the title, ``between``: from the title's end to the person)."""
    return _TALK_FIRST.search(before) is not None and _SPEAKER_AFTER.match(between) is not None


# What a book is a book of: "сборник стихов", "книга очерков", "том рассказов"
_GENRE_PLURAL = frozenset(("стихов", "стихотворений", "рассказов", "очерков", "статей", "повестей", "поэм", "песен",
                           "произведений", "сочинений", "эссе", "новелл", "сказок", "легенд", "воспоминаний"))
_NOT_TRADE = frozenset(("для", "без", "около", "возле", "вдоль", "среди", "редакцией", "составителя"))


def book_before_author(before: str, name: str) -> bool:
    """The person is named in the genitive between a word for a book and its title: "книгу историка
    Кайрата Сыздыкова «…»", "поэмы Ручьёва «…»", "о книге краеведа Ерлана Сарсембаева «…»" (the
    caller checks that only spaces stand between the name and the title). ``before``: the text
    right before the name; at most two words (the author's trade) stand between the book word and it."""
    words_of_name = name.split()
    if not _RU_GENITIVE_NAME.search(name) or len(words_of_name) > 1 and not words_of_name[0].endswith(".") \
            and not re.search(r"(?:а|я|ы|и)$", words_of_name[0]):
        return False  # "книгу Марине Ивановой «…»": a book given to her (the given name in the dative)
    clause = re.split(r"[.;!?\n,:()«»“”\"]", before)[-1]
    written = re.findall(r"[^\W\d_]+", clause)[-3:]
    words = [fold(w) for w in written]
    for k in range(len(words) - 1, -1, -1):
        if words[k].startswith(BOOK_WORDS):
            # between: the author's trade in the genitive ("историка", "астраханского краеведа"), no
            # preposition or role ("от", "про", "для", "под редакцией", "с иллюстрациями", "в переводе")
            between = [w.lower() for w in written[k + 1:]]
            return len(between) <= 2 and all(w.endswith(("а", "я", "ы", "ого", "его", "ой")) and w not in _NOT_TRADE
                                             or w in _GENRE_PLURAL  # "сборник стихов Магжана Жумабаева «…»"
                                             for w in between)  # (поэтессы, писательницы, известной)
    return False


_KK_TALK_AFTER = re.compile(r"^[»”\"]?\s*(?:(?:атты|деген|тақырыбында|тақырыбына)\s+)?(?:баяндама|дәріс)\w*\s+"
                            r"(?:оқыды|оқып|жасады|жасап)\b", re.IGNORECASE)


def kk_talk_after(after: str) -> bool:
    """A Kazakh talk the person before the title gave: "X «Y» атты дәріс оқыды", "X «Y» баяндама
    жасады" (``after``: the text right after the title)."""
    return _KK_TALK_AFTER.match(after) is not None


def author_phrase(text: str, with_by: bool) -> bool:
    """``text`` (between or before the names) is one authorship cue and a few words of the work's
    kind: no other verb, no sentence break. "by" counts only from the work to the person."""
    if re.search(r"[.;!?\n]", text):
        return False
    words = _words(text)
    cues = [w for w in words if w in AUTHOR_CUES and (with_by or w != _BY)]
    return len(cues) == 1 and len(words) <= 5 and all(w in AUTHOR_FILLERS or w in cues for w in words)


_KK_GENITIVE_NAME = re.compile(f"(?:{kk_cases.alternatives(kk_cases.GENITIVE)})$", re.IGNORECASE)
_POSSESSIVE_EN = re.compile(r"^[’']s\b")


# "1914 жылы жазылған" (written in 1914), "1909 жылы жарық көрген" (published in 1909): a work's year
# before its title; "year" is the year
KK_MADE_IN_YEAR = re.compile(r"(?P<year>1[5-9]\d\d|20\d\d)\s+жылы\s+(?P<verb>жазылған|шыққан|жарық\s+көрген|басылған|"
                             r"басып\s+шығарылған|жарияланған|салынған|түсірілген)")


_WHOSE = re.compile(r"^\s*,\s*(?:whose|чей|чья|чьё|чье|чьи)\b", re.IGNORECASE)


def possessive_author(name: str, gap: str) -> bool:
    """A person named in the possessive right before a title wrote it: the Kazakh genitive
    ("Сәбит Мұқановтың «Ботагөз» романы", ``name`` being the person's mention as written, its
    ending included, and nothing but spaces before the title), the English "'s" and "whose", with
    at most two words of the work's kind ("Pushkin's novel “Eugene Onegin”", "Grebenshchikov, whose
    novel cycle “The Churaevs”", "Мартынов, чей сборник «…»")."""
    gap = gap.rstrip(" «“\"")
    if _KK_GENITIVE_NAME.search(name):
        # (or the year it was written in between: "Торайғыровтың 1914 жылы жазылған «Қамар сұлу» романы")
        return not gap.strip() or bool(KK_MADE_IN_YEAR.fullmatch(gap.strip()))
    if re.search(r"[’']s$", name):  # the mention holds the "'s" ("Pushkin’s")
        rest = gap
    else:
        m = _POSSESSIVE_EN.match(gap) or _WHOSE.match(gap)
        if m is None:
            return False
        rest = gap[m.end():]
    if re.search(r"[.;!?\n,]", rest):
        return False
    words = _words(rest)
    return len(words) <= 2 and all(w in AUTHOR_FILLERS for w in words)


def moves_in_time(text: str) -> bool:
    """Whether a sentence is about another day than its report's: a word of the future, the past
    or repetition (:data:`OTHER_TIME`, whole words; :data:`OTHER_TIME_STEMS`, any ending)."""
    return any(w in OTHER_TIME or w.startswith(OTHER_TIME_STEMS) for w in _words(text))
