"""Documents that are translations or versions of each other.

Two documents in different languages whose recognised entities and dates overlap strongly
are the same text in two languages (the NLRK page exists in English and in Kazakh). The
measure is the Jaccard overlap of their authority-linked entities, with shared years as
support; the threshold keeps documents that merely talk about the same project apart.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from .vocab import SDO, SHK

THRESHOLD = 0.7  # measured: translations 0.85–0.97, related but different texts up to 0.55
MIN_SHARED = 5


@dataclass
class WorkSummary:
    iri: str
    language: str
    entities: set[str]
    dates: set[str]


def similarity(a: WorkSummary, b: WorkSummary) -> float:
    if not a.entities or not b.entities:
        return 0.0
    inter = len(a.entities & b.entities)
    if inter < MIN_SHARED:
        return 0.0
    j = inter / len(a.entities | b.entities)
    if a.dates and b.dates:
        j = 0.8 * j + 0.2 * (len(a.dates & b.dates) / len(a.dates | b.dates))
    return j


def translation_links(works: list[WorkSummary]) -> list[ox.Triple]:
    """schema:workTranslation / schema:translationOfWork both ways, plus a similarity score."""
    out: list[ox.Triple] = []
    for i, a in enumerate(works):
        for b in works[i + 1:]:
            if a.language == b.language:
                continue
            s = similarity(a, b)
            if s < THRESHOLD:
                continue
            wa, wb = ox.NamedNode(a.iri), ox.NamedNode(b.iri)
            out += [ox.Triple(wa, SDO.workTranslation, wb), ox.Triple(wb, SDO.workTranslation, wa),
                    ox.Triple(wa, SDO.translationOfWork, wb), ox.Triple(wb, SDO.translationOfWork, wa),
                    ox.Triple(wa, SHK.translationOf, wb), ox.Triple(wb, SHK.translationOf, wa)]
    return out
