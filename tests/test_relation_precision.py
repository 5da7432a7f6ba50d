"""scripts/relation_precision.py counts the relations between matched entities that the annotations
state, and lists the others; it runs the shared scorer's own matching, so it needs ../shared."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")

B = "http://127.0.0.1:8000/"
SDO = "http://schema.org/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
P710 = "http://www.wikidata.org/prop/direct/P710"


def _dump(path: Path) -> None:
    g = f"<{B}graph/doc/a.en.txt>"
    work, ev, lib, other, person = (f"<{B}id/{x}>" for x in ("doc/a", "event/seminar", "library/omsk",
                                                             "library/pavlodar", "person/ivanov"))
    quads = [
        (work, f"<{SDO}identifier>", '"a.en.txt"'),
        (ev, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{SDO}Event>"),
        (ev, f"<{LABEL}>", '"Steppe seminar"@en'),
        (lib, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{SDO}Library>"),
        (lib, f"<{LABEL}>", '"Omsk Regional Library"@en'),
        (other, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{SDO}Library>"),
        (other, f"<{LABEL}>", '"Pavlodar Regional Library"@en'),
        (person, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{SDO}Person>"),
        (person, f"<{LABEL}>", '"Ivan Ivanov"@en'),
        (ev, f"<{P710}>", lib),       # annotated
        (ev, f"<{P710}>", other),     # not annotated: counts against precision
        (ev, f"<{P710}>", person),    # the person is not annotated at all: left out
    ] + [(work, f"<{SDO}mentions>", x) for x in (ev, lib, other)]
    path.write_text("".join(f"{s} {p} {o} {g} .\n" for s, p, o in quads), encoding="utf-8")


def _gold(folder: Path) -> None:
    folder.mkdir()
    ents = [{"key": "event:steppe-seminar", "type": "Event", "surface": ["Steppe seminar"], "labels": {}},
            {"key": "library:omsk", "type": "Library", "surface": ["Omsk Regional Library"], "labels": {}},
            {"key": "library:pavlodar", "type": "Library", "surface": ["Pavlodar Regional Library"], "labels": {}}]
    rels = [{"s": "library:omsk", "p": "participantIn", "o": "event:steppe-seminar"}]
    (folder / "a.en.json").write_text(json.dumps({"doc": "a.en.txt", "lang": "en", "entities": ents,
                                                  "relations": rels}), encoding="utf-8")


def test_precision_among_matched_entities(tmp_path: Path) -> None:
    _dump(tmp_path / "d.nq")
    _gold(tmp_path / "gold")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "relation_precision.py"), "--dump",
                          str(tmp_path / "d.nq"), "--gold", str(tmp_path / "gold"), "-v"],
                         capture_output=True, text=True, check=True).stdout
    assert "participantIn      1 /     2  precision 0.500" in out
    assert "a.en.txt: library:pavlodar participantIn event:steppe-seminar" in out
    assert "ivanov" not in out
