"""The name authority file, read into memory for matching and linking.

The authority data is Turtle under ``data/authority`` with relative IRIs resolved against the
deployment's base IRI; ingest reads it directly (not through the store) so that extraction
stays a pure function of the text and the authority file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .vocab import GEO, KINDS, RDF, RDFS, SDO, SHK, SKOS, WDT

_SCHEMA_KIND = {SDO.iri(schema): kind for kind, (schema, _) in KINDS.items()}
_KIND_ORDER = ["library", "event", "project", "person", "work", "organization", "place"]


@dataclass
class Entry:
    """One authority entity with every name it is known by."""

    iri: str
    kind: str
    types: set[str] = field(default_factory=set)
    pref: dict[str, str] = field(default_factory=dict)       # lang -> preferred name
    names: list[tuple[str, str]] = field(default_factory=list)  # (name, lang) incl. variants
    country: str | None = None
    location: str | None = None
    contained_in: list[str] = field(default_factory=list)
    named_after: list[str] = field(default_factory=list)
    died: str | None = None  # schema:deathDate as written (a year or a date)
    authors: list[str] = field(default_factory=list)  # schema:author of a work
    lat: float | None = None  # geo:lat and geo:long of a place
    long: float | None = None

    @property
    def point(self) -> tuple[float, float] | None:
        return (self.lat, self.long) if self.lat is not None and self.long is not None else None

    def label(self, lang: str = "en") -> str:
        return self.pref.get(lang) or next(iter(self.pref.values()), None) or self.iri.rsplit("/", 1)[-1]

    @property
    def is_country(self) -> bool:
        return SHK.iri("Country") in self.types or SDO.iri("Country") in self.types


class Authority:
    """Entries by IRI; name matching is the gazetteer's and the linker's job."""

    def __init__(self, entries: dict[str, Entry], base_iri: str):
        self.entries = entries
        self.base_iri = base_iri

    def get(self, iri: str | None) -> Entry | None:
        return self.entries.get(iri) if iri else None

    def country_of(self, iri: str | None, _depth: int = 0) -> str | None:
        """The country of an entity via wdt:P17, its location or its containing places."""
        e = self.get(iri)
        if e is None or _depth > 6:
            return None
        if e.is_country:
            return e.iri
        if e.country:
            return e.country
        for up in [e.location, *e.contained_in]:
            c = self.country_of(up, _depth + 1)
            if c:
                return c
        return None

    def ancestors(self, iri: str) -> list[str]:
        """Containing places, nearest first (for "lies in" reasoning the store does not do)."""
        out: list[str] = []
        todo = [iri]
        while todo:
            e = self.get(todo.pop(0))
            if e is None:
                continue
            for up in e.contained_in:
                if up not in out:
                    out.append(up)
                    todo.append(up)
        return out

    @classmethod
    def load(cls, folder: Path, base_iri: str) -> Authority:
        store = ox.Store()
        for f in sorted(folder.glob("*.ttl")):
            store.load(path=str(f), format=ox.RdfFormat.TURTLE, base_iri=base_iri)
        entries: dict[str, Entry] = {}

        def entry(s: ox.NamedNode) -> Entry | None:
            return entries.get(s.value)

        for q in store.quads_for_pattern(None, RDF.type, None):
            if not isinstance(q.subject, ox.NamedNode):
                continue
            e = entries.get(q.subject.value)
            if e is None:
                e = entries[q.subject.value] = Entry(q.subject.value, "")
            e.types.add(q.object.value)
        for e in list(entries.values()):
            kinds = [k for t in e.types if (k := _SCHEMA_KIND.get(t))]
            if not kinds:
                del entries[e.iri]
                continue
            e.kind = min(kinds, key=_KIND_ORDER.index)
        for q in store.quads_for_pattern(None, None, None):
            e = entry(q.subject) if isinstance(q.subject, ox.NamedNode) else None
            if e is None:
                continue
            p, o = q.predicate, q.object
            if p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel) and isinstance(o, ox.Literal):
                lang = o.language or ""
                if (o.value, lang) not in e.names:
                    e.names.append((o.value, lang))
                if p == SKOS.prefLabel or (p == RDFS.label and lang not in e.pref):
                    e.pref[lang] = o.value
            elif p == WDT.P17:
                e.country = o.value
            elif p == SDO.location:
                e.location = o.value
            elif p == SDO.containedInPlace:
                e.contained_in.append(o.value)
            elif p == WDT.P138:
                e.named_after.append(o.value)
            elif p == SDO.deathDate and isinstance(o, ox.Literal):
                e.died = o.value
            elif p == SDO.author:
                e.authors.append(o.value)
            elif p in (GEO.lat, GEO.long) and isinstance(o, ox.Literal):
                setattr(e, "lat" if p == GEO.lat else "long", float(o.value))
        return cls(entries, base_iri)

