"""The label search index: every name of every entity, findable in any script.

Oxigraph has no full-text search and a ``CONTAINS`` scan over all labels costs ~0.6 s at a million
triples, so names live in a side SQLite file with an FTS5 trigram table (1–2 ms per lookup).
Each label is stored under two *keys*:

- ``key``: a cross-script fold — anyascii transliteration, casefold, then spelling differences
  between transliteration schemes flattened (gh→g, q→k, kh→h, zh→j, y→i, ts→c, sh→s, ch→c,
  doubled letters collapsed), everything but letters and digits dropped. "Мұқанов", "Муканов"
  and "Mukanov" all become ``mukanov``.
- ``stem``: the same fold after stripping a common Kazakh or Russian ending from each word, so
  "Петропавлда" (locative) meets "Петропавл" and "Петропавловске" meets "Петропавловск".

The user's text is folded the same way and matched as a substring (trigram MATCH) against both
keys; ranking is exact key > prefix > substring, then ``skos:prefLabel`` > ``rdfs:label`` >
``skos:altLabel``, then the shorter label. The file records the dataset version it was built from
and is rebuilt (into a temporary file, then renamed) when the store has moved on.
"""
from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import orjson
import pyoxigraph as ox
from anyascii import anyascii

from graph_api.entities import q, split_iri
from graph_api.labels import ALT, LABEL, PREF
from graph_api.store import Store
from ingest.vocab import SDO, WDT

WEIGHTS = {PREF: 3, LABEL: 2, ALT: 1}
SCHEMA_VERSION = "3"  # 2: the names table; 3: its country column
MMAP_BYTES = 1 << 30  # address space, not memory: the pages are the OS's file cache
NAMES_CACHED = 20_000  # entities whose labels a search answer keeps at hand (then the memo starts over)

# Longest first within each list; an ending is stripped only when a stem of ≥ 4 letters remains.
KAZAKH_ENDINGS = sorted("""
    дағы дегі тағы тегі ндағы ндегі ның нің дың дің тың тің нан нен дан ден тан тен
    мен бен пен лар лер дар дер тар тер ға ге қа ке на не ны ні ды ді ты ті да де та те сы сі
""".split(), key=len, reverse=True)
RUSSIAN_ENDINGS = sorted("""
    ского ской ском ским ская ское ские ских скую ого его ому ему ыми ими ой ей ая яя ое ее ые ие ый ий
    ом ем ам ям ах ях ами ями ую юю у ю а я е ы и
""".split(), key=len, reverse=True)
LATIN_ENDINGS = sorted("""
    dagi degi tagi tegi nin din tin nan nen dan den tan ten ga ge ka ke da de ta te
""".split(), key=len, reverse=True)
ENDINGS = KAZAKH_ENDINGS + [e for e in RUSSIAN_ENDINGS if e not in KAZAKH_ENDINGS]
MIN_STEM = 4

_FOLDS = [("gh", "g"), ("kh", "h"), ("zh", "j"), ("ts", "c"), ("sh", "s"), ("ch", "c"), ("q", "k"), ("y", "i")]
_WORD = re.compile(r"\w+", re.UNICODE)
_DOUBLE = re.compile(r"(.)\1+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def fold_word(word: str) -> str:
    """One word to its cross-script key (lowercase ASCII letters and digits)."""
    text = anyascii(unicodedata.normalize("NFC", word)).casefold()
    text = _NOT_ALNUM.sub("", text)
    for a, b in _FOLDS:
        text = text.replace(a, b)
    return _DOUBLE.sub(r"\1", text)


def strip_ending(word: str) -> str:
    """Drop one common inflectional ending (Cyrillic or transliterated Kazakh), keeping ≥ 4 letters."""
    low = word.casefold()
    endings = ENDINGS if re.search(r"[\u0400-\u04ff]", low) else LATIN_ENDINGS
    for ending in endings:
        if low.endswith(ending) and len(low) - len(ending) >= MIN_STEM:
            return word[: len(word) - len(ending)]
    return word


# A name in -ай/-ей/-ий declines on its last vowel in Russian: Абай, Абая, Абаю, Абаем, Абае
# (Сергей, Сергея; Китай, Китае). Its stem keeps too few letters to strip, so a searched word in
# one of those forms is also tried in the nominative.
_SOFT_CASE = re.compile(r"(?<=[аеиоуыэюя])(?:я|ю|ем|е)$")


def soft_nominative(text: str) -> str:
    """``text`` with each word in a soft case ending put back in -й ("Абая Кунанбаева" -> "Абай
    Кунанбаева"): a second reading of a search, never a label's stem."""
    return _WORD.sub(lambda m: _SOFT_CASE.sub("й", m.group()) if len(m.group()) >= 4 else m.group(), text)


def fold(text: str) -> str:
    return "".join(fold_word(w) for w in _WORD.findall(text))


def fold_stem(text: str) -> str:
    return "".join(fold_word(strip_ending(w)) for w in _WORD.findall(text))


@dataclass(frozen=True)
class Hit:
    iri: str
    kind: str
    label: str
    lang: str
    match: str  # "exact" | "prefix" | "substring"
    score: float


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class SearchIndex:
    """An open index; cheap to query from many threads (one connection behind a lock)."""

    def __init__(self, conn: sqlite3.Connection, version: str, path: Path | None):
        self._conn = conn
        self._lock = threading.Lock()
        self._names: dict[str, tuple[list[tuple[str, str, int]], str | None]] = {}
        self.version = version
        self.path = path

    # --- building ---------------------------------------------------------------------------
    @staticmethod
    def _rows(store: Store, base: str):
        # One plain pattern per label property, streamed: the store reads its predicate index, and
        # the filtering, de-duplication (a triple in two graphs comes back twice) and folding happen
        # here. A DISTINCT over a UNION with string filters cost 3.5 s at 5M triples, this 2 s.
        # Names repeat (one name in kk and ru, namesakes), so the folds are memoised for the build.
        prefix = base + "id/"
        fold_ = lru_cache(maxsize=1 << 16)(fold)
        stem_ = lru_cache(maxsize=1 << 16)(fold_stem)
        for prop, weight in sorted(WEIGHTS.items(), key=lambda kv: -kv[1]):
            seen: set[tuple[str, str, str]] = set()
            for r in store.query(f"SELECT ?e ?l WHERE {{ ?e <{prop}> ?l }}"):
                e, lit = r["e"], r["l"]
                if not isinstance(e, ox.NamedNode) or not isinstance(lit, ox.Literal):
                    continue
                iri = e.value
                if not iri.startswith(prefix):
                    continue
                label, lang = lit.value, lit.language or ""
                if (iri, label, lang) in seen:
                    continue
                seen.add((iri, label, lang))
                parts = split_iri(base, iri)
                if not parts or parts[0] == "document":
                    continue
                key = fold_(label)
                if not key:
                    continue
                yield (key, stem_(label) or key, label, lang, iri, parts[0], weight)

    @staticmethod
    def _countries(store: Store, base: str) -> dict[str, str]:
        """The side of the border (RU | KZ) of what has a country itself or is located in a place
        that has one: plain predicate scans, so the build stays cheap at millions of triples. Like
        the entity pages' side, an IRI on both sides has none, nor has a country itself. Unlike the
        pages, containment is followed one step only: a village two steps inside a region whose
        country is stated gets no side from it here."""
        from graph_api.crossborder import country_iris

        code_of = {iri: code for code, iri in country_iris(base).items()}
        sides: dict[str, set[str]] = {}
        for r in store.query(f"SELECT ?e ?c WHERE {{ ?e {WDT.P17} ?c }}"):
            code = code_of.get(r["c"].value) if isinstance(r["c"], ox.NamedNode) else None
            if code and isinstance(r["e"], ox.NamedNode):
                sides.setdefault(r["e"].value, set()).add(code)
        direct = {iri: next(iter(c)) for iri, c in sides.items() if len(c) == 1}
        for prop in (SDO.location, SDO.containedInPlace):
            for r in store.query(f"SELECT ?e ?p WHERE {{ ?e {prop} ?p }}"):
                e, place = r["e"], r["p"]
                if isinstance(e, ox.NamedNode) and isinstance(place, ox.NamedNode):
                    # added to a country stated directly too: a side stated one way and placed the
                    # other way is no side, as on the entity's page
                    code = direct.get(place.value) or code_of.get(place.value)
                    if code:
                        sides.setdefault(e.value, set()).add(code)
        return {iri: next(iter(c)) for iri, c in sides.items() if len(c) == 1 and iri not in code_of}

    @staticmethod
    def _fill(conn: sqlite3.Connection, store: Store, base: str, version: str) -> None:
        conn.executescript("""
            CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE labels (id INTEGER PRIMARY KEY, key TEXT NOT NULL, stem TEXT NOT NULL, label TEXT NOT NULL,
                                 lang TEXT NOT NULL, iri TEXT NOT NULL, kind TEXT NOT NULL, weight INTEGER NOT NULL);
            CREATE VIRTUAL TABLE labels_fts USING fts5(key, stem, content='labels', content_rowid='id',
                                                       tokenize='trigram');
        """)
        conn.executemany("INSERT INTO labels (key, stem, label, lang, iri, kind, weight) VALUES (?,?,?,?,?,?,?)",
                         SearchIndex._rows(store, base))
        conn.executescript("""
            INSERT INTO labels_fts (labels_fts) VALUES ('rebuild');
            CREATE INDEX labels_key ON labels (key);
            CREATE INDEX labels_stem ON labels (stem);
            -- Every name of an entity in one primary-key row, for the labels an answer shows: one
            -- B-tree step per hit instead of an index range plus a table lookup per label.
            CREATE TABLE names (iri TEXT PRIMARY KEY, names TEXT NOT NULL, country TEXT) WITHOUT ROWID;
            INSERT INTO names SELECT iri, json_group_array(json_array(label, lang, weight)), NULL
                              FROM labels GROUP BY iri;
        """)
        conn.executemany("UPDATE names SET country = ? WHERE iri = ?",
                         ((code, iri) for iri, code in SearchIndex._countries(store, base).items()))
        conn.executemany("INSERT INTO meta VALUES (?, ?)",
                         [("version", version), ("base", base), ("schema", SCHEMA_VERSION)])
        conn.commit()

    @classmethod
    def build(cls, store: Store, path: Path | None, base: str | None = None) -> SearchIndex:
        """Build from the store's labels; at ``path`` atomically, or in memory when it is None or unwritable."""
        base = base or getattr(store, "base_iri", None) or "http://127.0.0.1:8000/"
        version = store.version()
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
                os.close(fd)
            except OSError:
                path = None
        if path is None:
            conn = sqlite3.connect(":memory:", check_same_thread=False)
            cls._fill(conn, store, base, version)
            return cls(conn, version, None)
        tmp = Path(tmp_name)
        try:
            tmp.unlink()
            conn = sqlite3.connect(tmp)
            try:
                cls._fill(conn, store, base, version)
            finally:
                conn.close()
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return cls.open(path)  # type: ignore[return-value]

    @classmethod
    def open(cls, path: Path) -> SearchIndex | None:
        """An existing index file, or None when it is missing, unreadable or of another schema."""
        if not path.exists():
            return None
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            # Pages read through a memory map, not a read() each into SQLite's 2 MB cache: on new
            # search texts at 1M triples the median search went from ~356 to ~297 µs. The file is
            # only ever replaced by rename, so a mapped page never changes under a reader.
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            meta = dict(conn.execute("SELECT name, value FROM meta").fetchall())
        except sqlite3.Error:
            return None
        if meta.get("schema") != SCHEMA_VERSION:
            conn.close()
            return None
        return cls(conn, meta.get("version", ""), path)

    @classmethod
    def ensure(cls, store: Store, path: Path | None, base: str | None = None,
               current: SearchIndex | None = None) -> SearchIndex:
        """An index in step with the store: ``current`` if still fresh, the file if fresh, else rebuilt."""
        version = store.version()
        if current is not None and current.version == version:
            return current
        if path is not None:
            existing = cls.open(path)
            if existing is not None and existing.version == version:
                return existing
            if existing is not None:
                existing.close()
        return cls.build(store, path, base)

    def close(self) -> None:
        self._conn.close()

    # --- querying ---------------------------------------------------------------------------
    def search(self, text: str, limit: int = 10, kind: str | None = None) -> list[Hit]:
        """Entities whose names match ``text``, best first, one hit per entity.

        The ranking is one order — (match class, weight, label length, label) over at most
        ``limit * 20 + 50`` rows — but it is read tier by tier: exact keys and key prefixes
        come from the B-tree indexes on ``key``/``stem``, and the trigram table is asked only
        when those did not fill the page. A common name ("кара") matches thousands of labels as
        a substring; sorting them all cost most of a search, while its exact matches alone
        usually fill the page.
        """
        key, stem = fold(text), fold_stem(text)
        if not key:
            return []
        stem = stem or key
        soft = fold_stem(soft_nominative(text)) or stem  # "Абая" is Абай's too
        limit = max(1, int(limit))
        cap = limit * 20 + 50
        kind_sql = " AND l.kind = :kind" if kind else ""
        params = {"k": key, "s": stem, "n": soft, "khi": key + "\uffff", "shi": stem + "\uffff", "kind": kind}
        exact = "(l.key = :k OR l.stem = :s OR l.stem = :n)"
        prefix = "((l.key >= :k AND l.key < :khi) OR (l.stem >= :s AND l.stem < :shi))"
        order = "ORDER BY l.weight DESC, length(l.label), l.label, l.id LIMIT :cap"
        cols = "SELECT l.iri, l.kind, l.label, l.lang, l.weight FROM"
        tiers = [f"{cols} labels l WHERE {exact}{kind_sql} {order}",
                 f"{cols} labels l WHERE {prefix} AND NOT {exact}{kind_sql} {order}"]
        if len(key) >= 3 and len(stem) >= 3:
            # Trigrams need three characters: shorter input has only the exact and prefix tiers.
            # Most texts have no ending to strip (stem == key): one phrase then, not the same one twice.
            params["m"] = " OR ".join(f"{{key stem}} : {_fts_phrase(t)}" for t in dict.fromkeys((key, stem)))
            tiers.append(f"{cols} labels_fts JOIN labels l ON l.id = labels_fts.rowid WHERE labels_fts MATCH :m "
                         f"AND NOT {prefix}{kind_sql} {order}")
        hits: dict[str, Hit] = {}
        names = ("exact", "prefix", "substring")
        with self._lock:
            for m, sql in enumerate(tiers):
                if cap <= 0 or len(hits) >= limit:
                    break
                # Row by row, and the cursor dropped once the page is full: many entities share a
                # name, so a tier often holds far more rows than the page needs.
                for iri, kind_, label, lang, weight in self._conn.execute(sql, {**params, "cap": cap}):
                    cap -= 1
                    if iri in hits:
                        continue
                    score = round((3 - m) * 10 + weight - min(len(label), 200) / 1000, 3)
                    hits[iri] = Hit(iri, kind_, label, lang, names[m], score)
                    if len(hits) >= limit:
                        break
        return list(hits.values())

    def labels(self, iris: list[str]) -> dict[str, list[tuple[str, str, int]]]:
        """Stored (label, lang, weight) of some IRIs, so search answers need no store round trip.

        Remembered per IRI (the index never changes; a new version is a new index): a user
        typing a name asks for the same few entities with every letter."""
        return {i: names for i, (names, _) in self.entries(iris).items()}

    def entries(self, iris: list[str]) -> dict[str, tuple[list[tuple[str, str, int]], str | None]]:
        """The stored labels and the side of the border (RU | KZ, or None) of some IRIs, in one
        pass over the same rows: what a page of search hits shows."""
        out: dict[str, tuple[list[tuple[str, str, int]], str | None]] = {}
        missing = []
        for iri in iris:
            known = self._names.get(iri)
            if known is None:
                missing.append(iri)
            else:
                out[iri] = known
        if missing:
            found: dict[str, tuple[list[tuple[str, str, int]], str | None]] = {i: ([], None) for i in missing}
            marks = ",".join("?" * len(missing))
            with self._lock:
                for iri, names, country in self._conn.execute(
                        f"SELECT iri, names, country FROM names WHERE iri IN ({marks})", missing):
                    found[iri] = ([(label, lang, weight) for label, lang, weight in orjson.loads(names)], country)
                if len(self._names) > NAMES_CACHED:
                    self._names.clear()
                self._names.update(found)
            out.update(found)
        return {i: out[i] for i in iris}

    def size(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM labels").fetchone()[0])


class IndexHolder:
    """Keeps one index per service and swaps it when the store's version changes."""

    def __init__(self, path: Path | None, base: str):
        self.path = path
        self.base = base
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    def current(self, store: Store) -> SearchIndex | None:
        """The index if it is in step with the store, else None (never builds)."""
        index = self._index
        return index if index is not None and index.version == store.version() else None

    def get(self, store: Store) -> SearchIndex:
        current = self._index
        if current is not None and current.version == store.version():
            return current
        with self._lock:
            self._index = SearchIndex.ensure(store, self.path, self.base, self._index)
            return self._index
