"""Choosing the one label to show for an entity.

Peer systems show "whichever label came first", which flips between requests and languages.
Here the choice is a fixed chain: the languages the user asked for (``?lang=`` or the
``Accept-Language`` header, by q-value) → the configured order (kk, ru, en) → an untagged
label → the IRI itself. Within one language ``skos:prefLabel`` beats ``rdfs:label`` beats
``skos:altLabel``, and ties are broken alphabetically, so the answer never depends on the
order the store returned rows in.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
NAME = "http://schema.org/name"
LABEL_PREDICATES = (PREF, LABEL, ALT)
_PREDICATE_RANK = {PREF: 0, LABEL: 1, ALT: 2, NAME: 3}


@dataclass(frozen=True)
class Label:
    text: str
    lang: str  # "" when untagged
    predicate: str = LABEL

    @property
    def primary(self) -> str:
        """Primary language subtag ("kk" for "kk-Cyrl"), lower case."""
        return self.lang.split("-")[0].lower()


def parse_accept_language(header: str | None) -> list[str]:
    """Language ranges of an ``Accept-Language`` header, best first; ``q=0`` and ``*`` dropped."""
    if not header:
        return []
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        tag = fields[0].lower()
        if not tag or tag == "*" or len(tag) > 35:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, tag))
    return [tag for _, _, tag in sorted(ranked)]


def language_chain(requested: Sequence[str], configured: Sequence[str]) -> list[str]:
    """Requested languages (with their primary subtags) then the configured ones, no repeats."""
    chain: list[str] = []
    for tag in [*requested, *configured]:
        tag = tag.lower()
        for t in (tag, tag.split("-")[0]):
            if t and t not in chain:
                chain.append(t)
    return chain


def _best(labels: Iterable[Label]) -> Label | None:
    ordered = sorted(labels, key=lambda lb: (_PREDICATE_RANK.get(lb.predicate, 3), lb.text))
    return ordered[0] if ordered else None


def pick(labels: Iterable[Label], chain: Sequence[str], iri: str) -> Label:
    """The label to show: first language of ``chain`` that has one, else untagged, else the IRI."""
    labels = list(labels)
    for lang in chain:
        exact = _best(lb for lb in labels if lb.lang.lower() == lang)
        if exact:
            return exact
        loose = _best(lb for lb in labels if lb.primary == lang)
        if loose:
            return loose
    untagged = _best(lb for lb in labels if not lb.lang)
    if untagged:
        return untagged
    return Label(text=iri, lang="", predicate="")


def by_language(labels: Iterable[Label]) -> dict[str, list[Label]]:
    """All labels grouped by language tag ("" for untagged), each group best first."""
    groups: dict[str, list[Label]] = {}
    for lb in labels:
        groups.setdefault(lb.lang, []).append(lb)
    return {
        lang: sorted(set(group), key=lambda lb: (_PREDICATE_RANK.get(lb.predicate, 3), lb.text))
        for lang, group in sorted(groups.items())
    }
