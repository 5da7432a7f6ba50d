"""The researchers' query library (``queries/*.rq``) against the bundled corpus.

The corpus is ingested once per module into a real embedded store, under a base IRI that is
*not* the default one: a query that hard-codes ``http://127.0.0.1:8000/`` finds nothing and
fails. Every query must parse, carry its header, run, and show facts that the corpus texts
(``data/corpus``) and the authority file (``data/authority``) state — checked fact by fact,
never against a dump of the current output. Where the extraction does not yet deliver a fact
a query is meant to show, the test is a strict ``xfail`` naming the gap, so it turns red (XPASS)
the day the extraction catches up and the marker can go.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from graph_api.queries_api import bind_values, parse_query_file, to_term
from graph_api.settings import ROOT, Settings
from graph_api.store import Store, open_store

QUERIES = ROOT / "queries"
CORPUS = ROOT / "data" / "corpus"
AUTHORITY = ROOT / "data" / "authority"
QUERY_FILES = sorted(QUERIES.glob("*.rq"))
BASE = "http://shekara.test/kb/"  # deliberately not the default base IRI

HEADER_LINE = re.compile(r"^# (title|description|param): (\S.*)$")
PARAM_LINE = re.compile(r"^\?(?P<name>[A-Za-z_]\w*) \((?P<type>iri|literal|lang|year)\) — \S")

Row = dict[str, Any]


# --- fixtures --------------------------------------------------------------------------------
class Corpus:
    """The ingested store with the ingest report and a few ways to ask it."""

    def __init__(self, store: Store, report: Any):
        self.store = store
        self.report = report

    def iri(self, path: str) -> str:
        return BASE + path

    def solutions(self, name: str, **bindings: ox.NamedNode | ox.Literal) -> ox.QuerySolutions:
        text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
        return self.store.query(text, substitutions=bindings or None)

    def rows(self, name: str, **bindings: ox.NamedNode | ox.Literal) -> list[Row]:
        return to_rows(self.solutions(name, **bindings))


def value(term: Any) -> Any:
    """A term as a plain Python value: IRIs and strings as str, numbers as Decimal/int."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.rsplit("#", 1)[-1]
        if dt in ("integer", "int", "long"):
            return int(term.value)
        if dt in ("decimal", "double", "float"):
            return Decimal(term.value)
    return term.value


def to_rows(solutions: ox.QuerySolutions) -> list[Row]:
    names = [v.value for v in solutions.variables]
    return [{n: value(s[n]) for n in names} for s in solutions]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    from graph_api.ingest_runner import ingest_paths

    settings = Settings(store=tmp_path_factory.mktemp("queries-store"), base_iri=BASE)
    store = open_store(settings)
    report = ingest_paths(store, settings, [settings.corpus])
    assert not report.failed, [(o.path.name, o.reason) for o in report.failed]
    try:
        yield Corpus(store, report)
    finally:
        store.close()


@pytest.fixture(scope="module")
def authority() -> ox.Store:
    """The authority file alone, parsed under the same base: what the sources state as facts."""
    st = ox.Store()
    for f in sorted(AUTHORITY.glob("*.ttl")):
        st.load(path=str(f), format=ox.RdfFormat.TURTLE, base_iri=BASE)
    return st


def corpus_files() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if p.is_file() and not p.name.lower().startswith("readme"))


def by(rows: list[Row], **match: Any) -> list[Row]:
    return [r for r in rows if all(r.get(k) == v for k, v in match.items())]


# --- every query: header, syntax, run ----------------------------------------------------------
def test_the_library_has_at_least_fourteen_queries() -> None:
    assert len(QUERY_FILES) >= 14, [p.name for p in QUERY_FILES]


def test_the_readme_lists_every_query_once() -> None:
    readme = (QUERIES / "README.md").read_text(encoding="utf-8")
    for p in QUERY_FILES:
        assert readme.count(f"`{p.name}`") == 1, p.name


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_header_has_title_description_and_well_formed_params(path: Path) -> None:
    header: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        m = HEADER_LINE.match(line)
        assert m, f"{path.name}: header line not in the form '# key: text': {line!r}"
        header.append((m.group(1), m.group(2)))
    keys = [k for k, _ in header]
    assert keys[:2] == ["title", "description"], keys
    assert set(keys[2:]) <= {"param"}, keys
    for _, text in header[2:]:
        assert PARAM_LINE.match(text), f"{path.name}: param line {text!r}"
    stored = parse_query_file(path)  # what the service will read
    assert stored.title == header[0][1] and stored.description == header[1][1]
    assert [p.name for p in stored.parameters] == [PARAM_LINE.match(t).group("name") for _, t in header[2:]]


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_parses_and_names_no_base_iri(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    body = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#"))
    assert "127.0.0.1" not in body and "localhost" not in body
    ox.Store().query(text)  # raises SyntaxError on a malformed query


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_runs_on_the_corpus_and_projects_its_params(corpus: Corpus, path: Path) -> None:
    solutions = corpus.solutions(path.stem)
    assert isinstance(solutions, ox.QuerySolutions)
    names = {v.value for v in solutions.variables}
    rows = to_rows(solutions)
    for p in parse_query_file(path).parameters:
        assert p.name in names, f"{path.name}: parameter ?{p.name} must be projected to be bindable"
    if path.stem != "participants-after-death":  # that one is empty on a correct graph
        assert rows, f"{path.name} returned nothing on the bundled corpus"


# --- parameters restrict the answer -------------------------------------------------------------
PARAM_VALUES: dict[str, tuple[str, str]] = {
    # query: (parameter, value relative to the base IRI, or a literal for non-IRI types)
    "libraries-by-country": ("country", "id/place/kazakhstan"),
    "events-by-year-and-place": ("country", "id/place/kazakhstan"),
    "documents-mentioning-both-countries": ("document", "id/document/kostanay-seminar-2008.en.txt"),
    "project-members": ("project", "id/project/shemonaikha-transborder-cooperation"),
    "libraries-with-location": ("country", "id/place/russia"),
    "mention-sentences": ("entity", "id/library/kostanay-regional-scientific-library"),
    "event-participants": ("participant", "id/library/chelyabinsk-regional-scientific-library"),
    "documents-by-language": ("language", "kk"),
}
PARAM_QUERIES = [p for p in QUERY_FILES if parse_query_file(p).parameters]


def test_every_parameterised_query_has_a_binding_test() -> None:
    assert {p.stem for p in PARAM_QUERIES} == set(PARAM_VALUES)


@pytest.mark.parametrize("path", PARAM_QUERIES, ids=lambda p: p.stem)
def test_binding_the_parameter_restricts_the_answer(corpus: Corpus, path: Path) -> None:
    name, raw = PARAM_VALUES[path.stem]
    declared = {p.name: p for p in parse_query_file(path).parameters}
    ptype = declared[name].type
    term = to_term(BASE + raw if ptype == "iri" else raw, ptype)
    unbound = corpus.rows(path.stem)
    bound = corpus.rows(path.stem, **{name: term})
    assert bound, f"{path.name}: nothing for ?{name} = {term}"
    assert all(r[name] == term.value for r in bound)
    assert len(bound) < len(unbound)
    assert {r[name] for r in unbound} > {term.value}
    # the remote backend binds with a VALUES block instead: same answer
    text = path.read_text(encoding="utf-8")
    via_values = to_rows(corpus.store.query(bind_values(text, {name: term})))
    assert sorted(map(repr, via_values)) == sorted(map(repr, bound))


# --- facts, query by query ----------------------------------------------------------------------
def test_libraries_by_country(corpus: Corpus, authority: ox.Store) -> None:
    rows = corpus.rows("libraries-by-country")
    kz, ru = corpus.iri("id/place/kazakhstan"), corpus.iri("id/place/russia")
    kostanay = by(rows, library=corpus.iri("id/library/kostanay-regional-scientific-library"))
    assert len(kostanay) == 1
    assert kostanay[0]["country"] == kz and kostanay[0]["countryName"] == "Kazakhstan"
    assert kostanay[0]["namesake"] == corpus.iri("id/person/leo-tolstoy")
    assert (kostanay[0]["namesakeName"], kostanay[0]["birth"], kostanay[0]["death"]) == ("Leo Tolstoy", 1828, 1910)
    petropavl = by(rows, library=corpus.iri("id/library/north-kazakhstan-regional-scientific-library"))
    assert [(r["country"], r["namesakeName"], r["birth"], r["death"]) for r in petropavl] == [
        (kz, "Sabit Mukanov", 1900, 1973)]
    kurgan = by(rows, library=corpus.iri("id/library/kurgan-regional-scientific-library"))
    assert [(r["country"], r["namesakeName"], r["birth"], r["death"]) for r in kurgan] == [
        (ru, "Alexey Yugov", 1902, 1979)]
    # every library the authority file places in a country is listed under that country
    expected = {(s["l"].value, s["c"].value) for s in authority.query(
        "SELECT ?l ?c { ?l a <http://schema.org/Library> ; <http://www.wikidata.org/prop/direct/P17> ?c }")}
    assert expected <= {(r["library"], r["country"]) for r in rows}
    # a library without a namesake is still listed, with no namesake
    chel = by(rows, library=corpus.iri("id/library/chelyabinsk-regional-scientific-library"))
    assert [(r["country"], r["namesake"]) for r in chel] == [(ru, None)]


def _pairs(rows: list[Row]) -> dict[frozenset[str], Row]:
    return {frozenset((r["partnerA"], r["partnerB"])): r for r in rows}


def test_cross_border_partners(corpus: Corpus) -> None:
    rows = corpus.rows("cross-border-partners")
    pairs = _pairs(rows)
    assert len(pairs) == len(rows), "each pair must come once"
    lib = lambda slug: corpus.iri(f"id/library/{slug}")  # noqa: E731
    chel_kost = pairs[frozenset((lib("chelyabinsk-regional-scientific-library"),
                                 lib("kostanay-regional-scientific-library")))]
    assert {chel_kost["countryA"], chel_kost["countryB"]} == {"Russia", "Kazakhstan"}
    assert "chelyabinsk-kostanay-agreement.ru.txt" in chel_kost["statedIn"].split()
    assert frozenset((lib("north-kazakhstan-regional-scientific-library"),
                      lib("kurgan-regional-scientific-library"))) in pairs
    assert frozenset((lib("north-kazakhstan-regional-scientific-library"),
                      lib("omsk-regional-scientific-library"))) in pairs
    assert frozenset((lib("russian-state-library"), lib("national-library-of-kazakhstan"))) in pairs
    # partners inside one country are not cross-border
    assert frozenset((lib("national-library-of-kazakhstan"),
                      lib("north-kazakhstan-regional-scientific-library"))) not in pairs
    assert all(r["countryA"] != r["countryB"] for r in rows)


def test_cross_border_partners_petropavl_kurgan_stated_in_its_document(corpus: Corpus) -> None:
    lib = lambda slug: corpus.iri(f"id/library/{slug}")  # noqa: E731
    row = _pairs(corpus.rows("cross-border-partners"))[frozenset((
        lib("north-kazakhstan-regional-scientific-library"), lib("kurgan-regional-scientific-library")))]
    assert "petropavl-kurgan-partnership.ru.txt" in (row["statedIn"] or "").split()


def _year_places(rows: list[Row]) -> set[tuple[int, str]]:
    return {(r["year"], r["place"].rsplit("/", 1)[-1]) for r in rows}


def test_events_by_year_and_place(corpus: Corpus) -> None:
    rows = corpus.rows("events-by-year-and-place")
    yp = _year_places(rows)
    assert (2008, "kostanay") in yp  # the seminar of 30–31 October 2008
    assert (2006, "almaty") in yp  # the seminar-council in Almaty
    kostanay = by(rows, year=2008, place=corpus.iri("id/place/kostanay"))
    assert {r["countryName"] for r in kostanay} == {"Kazakhstan"}
    assert any(r["date"] == "2008-10-30" for r in kostanay)
    assert [r["year"] for r in rows] == sorted(r["year"] for r in rows)


def test_events_by_year_and_place_early_years(corpus: Corpus) -> None:
    yp = _year_places(corpus.rows("events-by-year-and-place"))
    assert {(2002, "uralsk"), (2002, "petropavl"), (2003, "kemerovo")} <= yp


def test_persons_commemorated_on_both_sides(corpus: Corpus) -> None:
    rows = corpus.rows("persons-commemorated-on-both-sides")
    persons = {r["person"].rsplit("/", 1)[-1]: r for r in rows}
    pushkin = persons["alexander-pushkin"]  # Omsk (Russia) and Oskemen (Kazakhstan) libraries
    assert (pushkin["birth"], pushkin["death"]) == (1799, 1837)
    assert "Omsk" in pushkin["inRussia"]
    assert "East Kazakhstan" in pushkin["inKazakhstan"]
    assert pushkin["documents"] >= 1
    # namesakes on one side only are not shared memory
    assert "leo-tolstoy" not in persons  # Kostanay only
    assert "nadezhda-krupskaya" not in persons  # Astrakhan and Orenburg only
    assert "sabit-mukanov" not in persons  # Petropavl only


def test_documents_mentioning_both_countries(corpus: Corpus) -> None:
    rows = corpus.rows("documents-mentioning-both-countries")
    # every text of the bundled corpus is about cross-border work
    assert {r["file"] for r in rows} == set(corpus_files())
    for r in rows:
        assert r["russianEntities"] >= 1 and r["kazakhEntities"] >= 1
    pk = by(rows, file="petropavl-kurgan-partnership.ru.txt")[0]
    assert pk["language"] == "ru" and pk["russianEntities"] >= 2 and pk["kazakhEntities"] >= 2


def test_translated_works(corpus: Corpus) -> None:
    rows = corpus.rows("translated-works")
    pairs = {frozenset(((r["workFile"], r["workLanguage"]), (r["translationFile"], r["translationLanguage"])))
             for r in rows}
    # the corpus README names the translations: the overview in two languages, the Omsk–Semey
    # telebridge in three
    bridge = [(f"omsk-semey-dostoevsky-telebridge.{lang}.txt", lang) for lang in ("en", "kk", "ru")]
    assert pairs == {frozenset((("meetings-overview.en.txt", "en"), ("meetings-overview.kk.txt", "kk"))),
                     frozenset(bridge[:2]), frozenset(bridge[1:]), frozenset((bridge[0], bridge[2]))}
    assert len(rows) == 4


def test_project_members(corpus: Corpus) -> None:
    rows = corpus.rows("project-members")
    meetings = by(rows, project=corpus.iri("id/project/meetings-at-the-boundaries"))
    members = {r["member"].rsplit("/", 1)[-1]: r for r in meetings}
    assert members["kostanay-regional-scientific-library"]["countryName"] == "Kazakhstan"
    assert members["chelyabinsk-regional-scientific-library"]["countryName"] == "Russia"
    for slug in ("kurgan-regional-scientific-library", "troitsk-city-library", "russian-state-library",
                 "national-library-of-kazakhstan", "north-kazakhstan-regional-scientific-library",
                 "omsk-regional-scientific-library"):
        assert members[slug]["memberType"] == "Library", slug
    assert {r["countryName"] for r in meetings} >= {"Russia", "Kazakhstan"}
    shem = {r["member"].rsplit("/", 1)[-1]: r["countryName"] for r in
            by(rows, project=corpus.iri("id/project/shemonaikha-transborder-cooperation"))}
    assert shem["shemonaikha-district-libraries"] == "Kazakhstan"
    assert shem["altai-regional-scientific-library"] == "Russia"
    assert shem["novosibirsk-state-regional-scientific-library"] == "Russia"


def test_places_without_coordinates_on_the_corpus(corpus: Corpus, authority: ox.Store) -> None:
    rows = corpus.rows("places-without-coordinates")
    listed = {r["entity"] for r in rows}
    # the authority file gives coordinates to its places, and a location to its libraries
    for slug in ("place/kostanay", "place/petropavl", "library/kostanay-regional-scientific-library",
                 "library/russian-state-library"):
        assert corpus.iri(f"id/{slug}") not in listed, slug
    for r in rows:
        has = corpus.store.query("ASK { ?e <http://www.w3.org/2003/01/geo/wgs84_pos#lat> ?x }",
                                 substitutions={"e": ox.NamedNode(r["entity"])})
        assert not bool(has), r
        assert r["kind"] in ("Place", "Library", "Event", "Organization")


def test_places_without_coordinates_finds_unmapped_things() -> None:
    """On a tiny graph of our own: what lacks coordinates is listed, what has them is not."""
    st = ox.Store()
    st.load(input=b"""
        @prefix schema: <http://schema.org/> . @prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <id/place/nowhere> a schema:Place ; rdfs:label "Nowhere"@en .
        <id/place/somewhere> a schema:Place ; geo:lat 50.1 ; geo:long 60.2 .
        <id/library/lost> a schema:Library ; schema:location <id/place/nowhere> .
        <id/library/found> a schema:Library ; schema:location <id/place/somewhere> .
        <id/organization/un> a schema:Organization .
        <doc> schema:mentions <id/place/nowhere> .
        """, format=ox.RdfFormat.TURTLE, base_iri=BASE)
    text = (QUERIES / "places-without-coordinates.rq").read_text(encoding="utf-8")
    rows = {r["entity"].removeprefix(BASE): r for r in to_rows(st.query(text))}
    assert set(rows) == {"id/place/nowhere", "id/library/lost"}
    assert rows["id/place/nowhere"]["name"] == "Nowhere" and rows["id/place/nowhere"]["documents"] == 1


def test_mentions_per_language(corpus: Corpus) -> None:
    rows = {r["language"]: r for r in corpus.rows("mentions-per-language")}
    assert set(rows) == {"kk", "ru", "en"}
    total = sum(o.mentions for o in corpus.report.outcomes if o.status == "stored")
    assert sum(r["mentions"] for r in rows.values()) == total
    # kk: 5 Kazakh documents; en: 4 English ones; ru: 4 Russian ones plus the Russian
    # citation lines of the Shemonaikha text
    assert (rows["kk"]["documents"], rows["en"]["documents"], rows["ru"]["documents"]) == (5, 4, 5)


def test_entity_counts_by_type_and_country(corpus: Corpus, authority: ox.Store) -> None:
    rows = corpus.rows("entity-counts-by-type-and-country")
    counts = {(r["type"], r["countryName"]): r for r in rows}
    for country in ("Kazakhstan", "Russia"):
        n = len(list(authority.query(
            "SELECT ?l { ?l a <http://schema.org/Library> ; <http://www.wikidata.org/prop/direct/P17> ?c . "
            f'?c <http://www.w3.org/2000/01/rdf-schema#label> "{country}"@en }}')))
        assert counts[("Library", country)]["entities"] >= n > 0
    assert counts[("Library", "Kazakhstan")]["mentionedInDocuments"] >= 5
    assert all(r["countryName"] is None for r in rows if r["type"] == "Person")
    assert all(0 <= r["mentionedInDocuments"] <= r["entities"] for r in rows)
    works = {r[0].value for r in corpus.store.query(
        "SELECT DISTINCT ?w { ?w a <http://schema.org/CreativeWork> , <https://w3id.org/shekara/ns#Work> }")}
    documents = {r[0].value for r in corpus.store.query(
        "SELECT DISTINCT ?d { ?d a <https://w3id.org/shekara/ns#Document> }")}
    assert works and documents and not works & documents
    assert sum(r["entities"] for r in rows if r["type"] == "CreativeWork") == len(works), \
        "ingested documents must not be counted as cited works"


def test_meetings_timeline(corpus: Corpus) -> None:
    rows = corpus.rows("meetings-timeline")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert rows[0]["kind"] == "Project start" and rows[0]["date"] == "2001"
    seminar = [r for r in rows if r["date"] == "2008-10-30" and "kostanay-seminar-2008.en.txt" in r["reportedIn"]]
    assert seminar and "Kostanay" in seminar[0]["places"]
    assert any(r["date"].startswith("2006") and "Almaty" in (r["places"] or "") for r in rows)
    # the Shemonaikha telebridges belong to another project
    assert not any("shemonaikha" in (r["reportedIn"] or "") and r["kind"] != "Project start" for r in rows)


def test_libraries_with_location(corpus: Corpus, authority: ox.Store) -> None:
    rows = {r["library"].rsplit("/", 1)[-1]: r for r in corpus.rows("libraries-with-location")}
    k = rows["kostanay-regional-scientific-library"]
    assert (k["cityName"], k["regionName"], k["countryName"]) == ("Kostanay", "Kostanay Region", "Kazakhstan")
    (city,) = authority.query(
        "SELECT ?c ?lat ?long { ?c <http://www.w3.org/2003/01/geo/wgs84_pos#lat> ?lat ; "
        "<http://www.w3.org/2003/01/geo/wgs84_pos#long> ?long }",
        substitutions={ox.Variable("c"): ox.NamedNode(corpus.iri("id/place/kostanay"))})
    assert (k["lat"], k["long"]) == (value(city["lat"]), value(city["long"]))
    o = rows["omsk-regional-scientific-library"]
    assert (o["cityName"], o["regionName"], o["countryName"]) == ("Omsk", "Omsk Oblast", "Russia")
    assert rows["north-kazakhstan-regional-scientific-library"]["cityName"] == "Petropavl"
    assert all((r["lat"] is None) == (r["long"] is None) for r in rows.values())
    # everything lies in the band of latitudes and longitudes the two countries span
    assert all(40 <= r["lat"] <= 70 and 20 <= r["long"] <= 100 for r in rows.values() if r["lat"] is not None)


def test_mention_sentences_quote_the_document_text(corpus: Corpus) -> None:
    rows = corpus.rows("mention-sentences")
    texts = {s["f"].value: s["t"].value for s in corpus.store.query(
        "SELECT DISTINCT ?f ?t { ?d a <https://w3id.org/shekara/ns#Document> ; "
        "<http://schema.org/identifier> ?f ; <http://schema.org/text> ?t }")}
    assert set(texts) == set(corpus_files())
    for r in rows:
        text = texts[r["file"]]
        assert text[r["start"]:r["end"]] == r["exact"], r
        assert text[:r["start"]].endswith(r["prefix"] or ""), r
        assert text[r["end"]:].startswith(r["suffix"] or ""), r


def test_mention_sentences_of_the_kostanay_library(corpus: Corpus) -> None:
    rows = corpus.rows("mention-sentences",
                       entity=ox.NamedNode(corpus.iri("id/library/kostanay-regional-scientific-library")))
    files = {r["file"] for r in rows}
    assert {"chelyabinsk-kostanay-agreement.ru.txt", "kostanay-seminar-2008.en.txt",
            "almaty-caravan-sarai-2006.kk.txt", "meetings-overview.kk.txt"} <= files
    assert any("Толст" in r["exact"] for r in rows if r["file"].endswith(".ru.txt"))
    assert any("Kostanay" in r["exact"] for r in rows if r["file"] == "kostanay-seminar-2008.en.txt")
    assert {r["language"] for r in rows} <= {"kk", "ru", "en"}


def test_mention_sentences_kostanay_library_in_the_english_overview(corpus: Corpus) -> None:
    rows = corpus.rows("mention-sentences",
                       entity=ox.NamedNode(corpus.iri("id/library/kostanay-regional-scientific-library")))
    assert "meetings-overview.en.txt" in {r["file"] for r in rows}


def test_event_participants(corpus: Corpus) -> None:
    rows = corpus.rows("event-participants")
    seminar_2008 = [r for r in rows if r["date"] == "2008-10-30"]
    libraries = {r["participant"].rsplit("/", 1)[-1] for r in seminar_2008 if r["participantType"] == "Library"}
    assert {"kostanay-regional-scientific-library", "chelyabinsk-regional-scientific-library",
            "russian-state-library"} <= libraries
    people = " ".join(r["participantName"] for r in seminar_2008 if r["participantType"] == "Person")
    assert "Schwartzman" in people and "Perezhogina" in people
    assert {r["countryName"] for r in seminar_2008 if r["participantType"] == "Library"} >= {"Russia", "Kazakhstan"}


def test_works_and_authors(corpus: Corpus) -> None:
    rows = corpus.rows("works-and-authors")
    # the Shemonaikha text's reference line: Горьковая С. А. Опыт … // Вестник Библиотечной Ассамблеи Евразии. – 2021
    article = next(r for r in rows if r["title"].startswith("Опыт трансграничного сотрудничества"))
    assert article["authorName"].startswith("Горьковая")
    assert article["partOfTitle"] == "Вестник Библиотечной Ассамблеи Евразии" and article["year"] == "2021"
    assert article["citedIn"] == "shemonaikha-barnaul-telebridge.kk.txt"
    # the corner of Kazakh literature: the novel “The Path of Abai” by Mukhtar Auezov
    # (one work of the authority file, whichever language the documents quote it in)
    novel = next(r for r in rows if r["title"] == "The Path of Abai")
    assert novel["authorName"] == "Mukhtar Auezov"
    assert set(novel["citedIn"].split()) == {"kazakh-literature-corner-2016.en.txt"} | {
        f"omsk-semey-dostoevsky-telebridge.{lang}.txt" for lang in ("en", "kk", "ru")}
    assert len(rows) == len({r["work"] for r in rows})  # one row per work


def test_extraction_methods(corpus: Corpus) -> None:
    rows = corpus.rows("extraction-methods")
    total = sum(o.mentions for o in corpus.report.outcomes if o.status == "stored")
    assert sum(r["mentions"] for r in rows) == total
    assert rows[0]["method"] == "authority-gazetteer"  # the gazetteer finds most mentions
    assert rows[0]["documents"] == len(corpus_files())
    for r in rows:
        assert 0 <= r["lowest"] <= r["averageConfidence"] <= r["highest"] <= 1, r


def test_documents_by_language(corpus: Corpus) -> None:
    rows = {r["file"]: r for r in corpus.rows("documents-by-language")}
    assert set(rows) == set(corpus_files())
    for name, r in rows.items():
        assert r["language"] == name.split(".")[-2]  # `{topic}.{lang}.txt`, as the corpus README says
    outcomes = {o.path.name: o for o in corpus.report.outcomes if o.status == "stored"}
    for name, o in outcomes.items():
        assert (rows[name]["mentions"], rows[name]["entities"]) == (o.mentions, o.entities), name
    kk = corpus.rows("documents-by-language", language=ox.Literal("kk"))
    assert {r["file"] for r in kk} == {"almaty-caravan-sarai-2006.kk.txt", "early-stages-2002-2003.kk.md",
                                      "meetings-overview.kk.txt", "shemonaikha-barnaul-telebridge.kk.txt",
                                      "omsk-semey-dostoevsky-telebridge.kk.txt"}


def test_participants_after_death_finds_anachronisms() -> None:
    st = ox.Store()
    st.load(input=b"""
        @prefix schema: <http://schema.org/> . @prefix wdt: <http://www.wikidata.org/prop/direct/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <id/event/e> a schema:Event ; schema:startDate "2008-10-30"^^xsd:date ;
            wdt:P710 <id/person/dead>, <id/person/alive>, <id/person/undated> .
        <id/person/dead> a schema:Person ; schema:deathDate "1910"^^xsd:gYear .
        <id/person/alive> a schema:Person ; schema:deathDate "2020"^^xsd:gYear .
        <id/person/undated> a schema:Person .
        """, format=ox.RdfFormat.TURTLE, base_iri=BASE)
    text = (QUERIES / "participants-after-death.rq").read_text(encoding="utf-8")
    rows = to_rows(st.query(text))
    assert [(r["person"].removeprefix(BASE), r["eventYear"], r["deathYear"]) for r in rows] == [
        ("id/person/dead", 2008, 1910)]


def test_participants_after_death_is_empty_on_the_corpus(corpus: Corpus) -> None:
    assert corpus.rows("participants-after-death") == []
