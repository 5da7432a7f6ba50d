"""A synthetic graph shaped like Shekara's, at any size, deterministic for a seed.

Places in Russia and Kazakhstan (regions, cities with coordinates and containment), libraries
located in them and named after persons, persons, events with dates and participants, and one
named graph per document: a work with its language, date and mentions, each mention a Web
Annotation with quote and position selectors — labels in kk, ru and en.

    python bench/generate.py 100k          # → bench/work/synthetic-100k.nq
    python bench/generate.py 1M --seed 7 -o /tmp/x.nq
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BASE, dataset_path, parse_size  # noqa: E402

SDO, RDF, RDFS, SKOS = "http://schema.org/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", \
    "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#"
WDT, OA, GEO, XSD = "http://www.wikidata.org/prop/direct/", "http://www.w3.org/ns/oa#", \
    "http://www.w3.org/2003/01/geo/wgs84_pos#", "http://www.w3.org/2001/XMLSchema#"
SHK = "https://w3id.org/shekara/ns#"
CYR = "абвгдежзиклмнопрстуфхэюяқғүұөәі"
LAT = "abvgdezhziklmnoprstufhaeuuqguuoai"
TRANS = dict(zip(CYR, ["a", "b", "v", "g", "d", "e", "zh", "z", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
                       "f", "kh", "e", "yu", "ya", "q", "gh", "u", "u", "o", "a", "i"]))
SYLLABLES = ["ка", "ра", "ла", "су", "та", "ный", "ай", "ер", "мо", "ко", "бу", "ли", "на", "қа", "өз", "ғұ", "ше", "де"]


def lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@' + lang


def typed(v: str, dt: str) -> str:
    return f'"{v}"^^<{XSD}{dt}>'


class Generator:
    def __init__(self, target: int, seed: int):
        self.r = random.Random(seed)
        self.target = target
        self.n = 0

    def name(self) -> tuple[str, str, str]:
        ru = "".join(self.r.choice(SYLLABLES) for _ in range(self.r.randint(2, 4))).capitalize()
        en = "".join(TRANS.get(c, c) for c in ru.lower()).capitalize()
        kk = ru + ("ы" if self.r.random() < 0.5 else "")
        return kk, ru, en

    def q(self, out, s: str, p: str, o: str, g: str) -> None:
        out.write(f"<{s}> <{p}> {o} <{g}> .\n")
        self.n += 1

    def labelled(self, out, iri: str, kind_type: str, g: str) -> None:
        kk, ru, en = self.name()
        self.q(out, iri, RDF + "type", f"<{SDO}{kind_type}>", g)
        self.q(out, iri, RDFS + "label", lit(kk, "kk"), g)
        self.q(out, iri, RDFS + "label", lit(ru, "ru"), g)
        self.q(out, iri, RDFS + "label", lit(en, "en"), g)
        self.q(out, iri, SKOS + "altLabel", lit(ru.upper(), "ru"), g)

    def run(self, out) -> dict[str, int]:
        r = self.r
        auth = BASE + "graph/authority"
        # entities: ~15 % of the triples, the rest are documents
        scale = max(1, self.target // 100_000)
        counts = {"place": 0, "library": 0, "person": 0, "event": 0, "document": 0}
        countries = {"RU": BASE + "id/place/russia", "KZ": BASE + "id/place/kazakhstan"}
        for code, c in countries.items():
            self.labelled(out, c, "Country", auth)
            self.q(out, c, RDF + "type", f"<{SDO}Place>", auth)
        regions, cities = [], []
        for i in range(20 * scale):
            code = "RU" if i % 2 else "KZ"
            reg = f"{BASE}id/place/region-{i}"
            self.labelled(out, reg, "Place", auth)
            self.q(out, reg, SDO + "containedInPlace", f"<{countries[code]}>", auth)
            self.q(out, reg, WDT + "P17", f"<{countries[code]}>", auth)
            regions.append((reg, code))
        for i in range(150 * scale):
            reg, code = regions[i % len(regions)]
            city = f"{BASE}id/place/city-{i}"
            self.labelled(out, city, "Place", auth)
            self.q(out, city, SDO + "containedInPlace", f"<{reg}>", auth)
            self.q(out, city, WDT + "P17", f"<{countries[code]}>", auth)
            lat, lon = (r.uniform(50, 56), r.uniform(55, 85)) if code == "RU" else (r.uniform(41, 54), r.uniform(50, 85))
            self.q(out, city, GEO + "lat", typed(f"{lat:.4f}", "decimal"), auth)
            self.q(out, city, GEO + "long", typed(f"{lon:.4f}", "decimal"), auth)
            cities.append((city, code))
        counts["place"] = len(regions) + len(cities) + 2
        persons = [f"{BASE}id/person/person-{i}" for i in range(300 * scale)]
        for p in persons:
            self.labelled(out, p, "Person", auth)
        libraries = []
        for i in range(120 * scale):
            lib = f"{BASE}id/library/library-{i}"
            city, code = r.choice(cities)
            self.labelled(out, lib, "Library", auth)
            self.q(out, lib, SDO + "location", f"<{city}>", auth)
            self.q(out, lib, WDT + "P17", f"<{countries[code]}>", auth)
            self.q(out, lib, WDT + "P138", f"<{r.choice(persons)}>", auth)
            libraries.append((lib, code))
        for i, (lib, code) in enumerate(libraries):  # cross-border partnerships, both directions
            other = r.choice([x for x in libraries[max(0, i - 30):i + 30] if x[1] != code] or libraries)
            self.q(out, lib, WDT + "P2652", f"<{other[0]}>", auth)
            self.q(out, other[0], WDT + "P2652", f"<{lib}>", auth)
        events = []
        for i in range(200 * scale):
            ev = f"{BASE}id/event/event-{i}"
            self.labelled(out, ev, "Event", auth)
            self.q(out, ev, SDO + "location", f"<{r.choice(cities)[0]}>", auth)
            y = r.randint(2002, 2024)
            self.q(out, ev, SDO + "startDate", typed(f"{y}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", "date"), auth)
            for part in r.sample(libraries, 2) + [(r.choice(persons), "")]:
                self.q(out, ev, WDT + "P710", f"<{part[0]}>", auth)
            events.append(ev)
        counts.update(library=len(libraries), person=len(persons), event=len(events))
        entities = [c for c, _ in cities] + [x for x, _ in libraries] + persons + events
        d = 0
        while self.n < self.target:
            lang = r.choice(["kk", "ru", "en"])
            name = f"doc-{d:07d}.{lang}.txt"
            g = f"{BASE}graph/doc/{name}"
            w = f"{BASE}id/document/{name}"
            self.q(out, w, RDF + "type", f"<{SDO}CreativeWork>", g)
            self.q(out, w, RDF + "type", f"<{SHK}Document>", g)
            self.q(out, w, SDO + "identifier", f'"{name}"', g)
            self.q(out, w, SDO + "inLanguage", f'"{lang}"', g)
            self.q(out, w, SDO + "datePublished", typed(str(r.randint(2002, 2024)), "gYear"), g)
            pos = 0
            for m in range(r.randint(4, 12)):
                e = r.choice(entities)
                pos += r.randint(20, 400)
                a, t, qs, ps = (f"{w}#m{m}", f"{w}#m{m}-t", f"{w}#m{m}-q", f"{w}#m{m}-p")
                self.q(out, w, SDO + "mentions", f"<{e}>", g)
                self.q(out, a, RDF + "type", f"<{OA}Annotation>", g)
                self.q(out, a, OA + "hasBody", f"<{e}>", g)
                self.q(out, a, OA + "hasTarget", f"<{t}>", g)
                self.q(out, t, OA + "hasSource", f"<{w}>", g)
                self.q(out, t, OA + "hasSelector", f"<{qs}>", g)
                self.q(out, t, OA + "hasSelector", f"<{ps}>", g)
                self.q(out, qs, RDF + "type", f"<{OA}TextQuoteSelector>", g)
                self.q(out, qs, OA + "exact", lit(self.name()[1], lang), g)
                self.q(out, ps, RDF + "type", f"<{OA}TextPositionSelector>", g)
                self.q(out, ps, OA + "start", typed(str(pos), "nonNegativeInteger"), g)
                self.q(out, ps, OA + "end", typed(str(pos + 12), "nonNegativeInteger"), g)
            d += 1
        counts["document"] = d
        return counts


def generate(triples: int, seed: int = 42, output: Path | None = None) -> Path:
    output = output or dataset_path(triples)
    output.parent.mkdir(parents=True, exist_ok=True)
    gen = Generator(triples, seed)
    with open(output, "w", encoding="utf-8", buffering=1 << 20) as out:
        counts = gen.run(out)
    print(f"{output}: {gen.n} quads, " + ", ".join(f"{v} {k}s" for k, v in counts.items()), file=sys.stderr)
    return output


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("size", nargs="?", default="100k", help="triples: 100k, 1M, 5M …")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("-o", "--output", type=Path)
    a = ap.parse_args()
    t = time.perf_counter()
    generate(parse_size(a.size), a.seed, a.output)
    print(f"generated in {time.perf_counter() - t:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
