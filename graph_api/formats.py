"""Names of the result and RDF formats users can ask for, and their media types.

One table serves the CLI (``--format``), the SPARQL endpoint (``Accept`` and ``?format=``) and
Linked Data (file suffixes), so a format never means two things.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    suffix: str
    results: ox.QueryResultsFormat | None = None
    rdf: ox.RdfFormat | None = None


RESULT_FORMATS: dict[str, Format] = {
    "json": Format("json", "application/sparql-results+json", "srj", results=ox.QueryResultsFormat.JSON),
    "xml": Format("xml", "application/sparql-results+xml", "srx", results=ox.QueryResultsFormat.XML),
    "csv": Format("csv", "text/csv", "csv", results=ox.QueryResultsFormat.CSV),
    "tsv": Format("tsv", "text/tab-separated-values", "tsv", results=ox.QueryResultsFormat.TSV),
}

RDF_FORMATS: dict[str, Format] = {
    "ttl": Format("ttl", "text/turtle", "ttl", rdf=ox.RdfFormat.TURTLE),
    "nt": Format("nt", "application/n-triples", "nt", rdf=ox.RdfFormat.N_TRIPLES),
    "jsonld": Format("jsonld", "application/ld+json", "jsonld", rdf=ox.RdfFormat.JSON_LD),
    "rdfxml": Format("rdfxml", "application/rdf+xml", "rdf", rdf=ox.RdfFormat.RDF_XML),
}

DATASET_FORMATS: dict[str, Format] = {
    "nq": Format("nq", "application/n-quads", "nq", rdf=ox.RdfFormat.N_QUADS),
    "trig": Format("trig", "application/trig", "trig", rdf=ox.RdfFormat.TRIG),
}

LOAD_SUFFIXES: dict[str, ox.RdfFormat] = {
    "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD, "json": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML, "xml": ox.RdfFormat.RDF_XML, "owl": ox.RdfFormat.RDF_XML,
}


def rdf_format_for_path(name: str) -> ox.RdfFormat | None:
    """The RDF syntax of a file name, looking through a trailing ``.gz``."""
    parts = name.lower().split(".")
    if parts and parts[-1] == "gz":
        parts = parts[:-1]
    return LOAD_SUFFIXES.get(parts[-1]) if len(parts) > 1 else None
