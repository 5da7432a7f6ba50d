"""SHACL validation of the dataset against ``ontology/shapes.ttl``, reported readably."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph_api.settings import Settings
from graph_api.store import Store
from ingest.vocab import Graphs


@dataclass
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    shape: str


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def text(self) -> str:
        if self.conforms:
            return "conforms: no SHACL violations"
        by_message: dict[str, list[Violation]] = defaultdict(list)
        for v in self.violations:
            by_message[f"{v.message} [{v.path}]"].append(v)
        lines = [f"{len(self.violations)} SHACL violation(s):"]
        for msg, vs in sorted(by_message.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"- {msg}: {len(vs)}")
            for v in vs[:10]:
                lines.append(f"    {v.focus}")
            if len(vs) > 10:
                lines.append(f"    … and {len(vs) - 10} more")
        return "\n".join(lines)


SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def _short(term: object) -> str:
    return "" if term is None else str(term)


def validate_graph(data: rdflib.Graph, settings: Settings) -> ValidationReport:
    import pyshacl

    shapes = rdflib.Graph().parse(settings.ontology / "shapes.ttl", format="turtle")
    ontology = rdflib.Graph().parse(settings.ontology / "shekara.ttl", format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                            allow_warnings=True, advanced=True)
    violations = []
    # only the results attached to the report: pyshacl repeats nested ones under sh:detail
    for r in results.objects(None, SH.result):
        sev = results.value(r, SH.resultSeverity)
        violations.append(Violation(
            focus=_short(results.value(r, SH.focusNode)),
            path=_short(results.value(r, SH.resultPath)),
            message=_short(results.value(r, SH.resultMessage)),
            severity=_short(sev).rsplit("#", 1)[-1],
            shape=_short(results.value(r, SH.sourceShape)),
        ))
    hard = [v for v in violations if v.severity == "Violation"]
    return ValidationReport(conforms=bool(conforms) or not hard, violations=hard)


def validate_store(store: Store, settings: Settings) -> ValidationReport:
    """Validate every graph but the ontology and shapes themselves."""
    graphs = Graphs(settings.base_iri)
    skip = {graphs.ontology.value, graphs.shapes.value}
    keep = [g for g in store.named_graphs() if g not in skip]
    data = rdflib.Graph()
    if keep:
        nt = store.query_serialized("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", ox.RdfFormat.N_TRIPLES,
                                    default_graph=keep)
        data.parse(data=nt.decode("utf-8"), format="nt")
    return validate_graph(data, settings)


def validate_files(files: list[Path], settings: Settings) -> ValidationReport:
    data = rdflib.Graph()
    for f in files:
        try:
            data.parse(f, publicID=settings.base_iri)
        except Exception as e:  # noqa: BLE001 — rdflib's parsers raise many kinds; each is "not RDF we can read"
            raise ValueError(f"{f}: not readable as RDF ({type(e).__name__}: {str(e).strip()[:300]})") from e
    return validate_graph(data, settings)
