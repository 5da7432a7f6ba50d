"""Cross-border links: pairs (a thing in Russia, a thing in Kazakhstan) and why they are linked.

Five kinds of connection, each explained by the triples that make it (the *path*):

- ``project``: both are ``schema:memberOf`` the same project or organization;
- ``event``: both take part in the same event (``wdt:P710``), or one is the event's
  ``schema:location`` (or the event itself) and the other a participant;
- ``partnership``: ``wdt:P2652`` between the two;
- ``namesake``: both are named after the same person (``wdt:P138``);
- ``document``: one document ``schema:mentions`` both.

A thing's country is its ``wdt:P17``, directly or through ``schema:location`` /
``schema:containedInPlace`` chains, or the country itself at the end of such a chain. Things
placed in both countries (and the countries themselves) sit on no side and pair with nothing.

The whole-graph computation is a handful of scans (seconds at a million triples), so it runs once
per dataset version and is cached (the home page and map need it). One entity's pairs do not wait
for it: :func:`around` finds the same pairs from the entity's end — its hubs, their members, those
members' hubs — in a few index lookups, so an entity page after a write costs milliseconds, not
the whole-graph scan.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph_api.entities import q
from graph_api.store import Store

RU, KZ = "RU", "KZ"
SCHEMA = "http://schema.org/"
WDT = "http://www.wikidata.org/prop/direct/"
MEMBER_OF, LOCATION, PARTICIPANT = SCHEMA + "memberOf", SCHEMA + "location", WDT + "P710"
PARTNER, NAMED_AFTER, MENTIONS = WDT + "P2652", WDT + "P138", SCHEMA + "mentions"
VIA_ORDER = ("partnership", "project", "event", "namesake", "document")

Step = tuple[str, str, str]  # (from IRI, property IRI, to IRI): one triple of the store


def country_iris(base: str) -> dict[str, str]:
    """Country code → the IRI the authority file gives the country."""
    return {RU: f"{base}id/place/russia", KZ: f"{base}id/place/kazakhstan"}


@dataclass
class Connection:
    via: str
    through: str | None  # the hub (project, event, person, document); None for a direct link
    path: list[Step]


@dataclass
class Pair:
    ru: str
    kz: str
    connections: list[Connection] = field(default_factory=list)

    def sort_key(self) -> tuple[int, int, str, str]:
        return (-len({c.via for c in self.connections}), -len(self.connections), self.ru, self.kz)


@dataclass
class CrossBorder:
    version: str
    countries: dict[str, str]  # IRI → RU | KZ (only things on exactly one side)
    pairs: list[Pair]
    by_iri: dict[str, list[int]]  # member or hub IRI → indices into pairs

    def for_entity(self, iri: str) -> list[Pair]:
        return [self.pairs[i] for i in self.by_iri.get(iri, [])]


def compute_countries(store: Store, base: str) -> dict[str, str]:
    sides: dict[str, set[str]] = defaultdict(set)
    codes = country_iris(base)
    for code, country in codes.items():
        rows = store.query(q("""SELECT DISTINCT ?x WHERE {
            { ?x (schema:location|schema:containedInPlace)*/wdt:P17 ?country }
            UNION { ?x (schema:location|schema:containedInPlace)+ ?country }
            FILTER(isIRI(?x)) FILTER NOT EXISTS { ?x a schema:Country } }"""),
                           substitutions={"country": ox.NamedNode(country)})
        for r in rows:
            sides[r["x"].value].add(code)
    return {iri: next(iter(s)) for iri, s in sides.items() if len(s) == 1 and iri not in codes.values()}


def _pairs_around_hub(hub: str, via: str, members: dict[str, list[Step]], countries: dict[str, str],
                      out: dict[tuple[str, str], Pair]) -> None:
    """Pair every Russian member of a hub with every Kazakh one; ``members`` maps IRI → steps to it."""
    ru = [m for m in members if countries.get(m) == RU]
    kz = [m for m in members if countries.get(m) == KZ]
    for a in ru:
        for b in kz:
            pair = out.setdefault((a, b), Pair(a, b))
            pair.connections.append(Connection(via, hub, members[a] + members[b]))


def compute(store: Store, base: str) -> CrossBorder:
    """The cross-border pairs of the whole graph (uncached; see :func:`get`)."""
    countries = compute_countries(store, base)
    found: dict[tuple[str, str], Pair] = {}

    hubs: dict[tuple[str, str], dict[str, list[Step]]] = defaultdict(dict)
    for r in store.query(q("SELECT DISTINCT ?a ?p WHERE { ?a schema:memberOf ?p . FILTER(isIRI(?a) && isIRI(?p)) }")):
        a, p = r["a"].value, r["p"].value
        hubs[("project", p)][a] = [(a, MEMBER_OF, p)]
    for r in store.query(q("""SELECT DISTINCT ?e ?prop ?x WHERE { ?e a schema:Event .
            { ?e wdt:P710 ?x BIND(wdt:P710 AS ?prop) } UNION { ?e schema:location ?x BIND(schema:location AS ?prop) }
            FILTER(isIRI(?x)) }""")):
        e, prop, x = r["e"].value, r["prop"].value, r["x"].value
        members = hubs[("event", e)]
        members[e] = []
        if x not in members or prop == PARTICIPANT:
            members[x] = [(e, prop, x)]
    for r in store.query(q("""SELECT DISTINCT ?a ?who WHERE { ?a wdt:P138 ?who . FILTER(isIRI(?who)) }""")):
        a, who = r["a"].value, r["who"].value
        hubs[("namesake", who)][a] = [(a, NAMED_AFTER, who)]
    for r in store.query(q("SELECT DISTINCT ?doc ?x WHERE { ?doc schema:mentions ?x . FILTER(isIRI(?x)) }")):
        doc, x = r["doc"].value, r["x"].value
        hubs[("document", doc)][x] = [(doc, MENTIONS, x)]
    for (via, hub), members in hubs.items():
        _pairs_around_hub(hub, via, members, countries, found)

    for r in store.query(q("SELECT DISTINCT ?a ?b WHERE { ?a wdt:P2652 ?b . FILTER(isIRI(?b)) }")):
        a, b = r["a"].value, r["b"].value
        if countries.get(a) == RU and countries.get(b) == KZ:
            found.setdefault((a, b), Pair(a, b)).connections.append(Connection("partnership", None, [(a, PARTNER, b)]))
        elif countries.get(a) == KZ and countries.get(b) == RU:
            found.setdefault((b, a), Pair(b, a)).connections.append(Connection("partnership", None, [(a, PARTNER, b)]))

    pairs = sorted(found.values(), key=Pair.sort_key)
    by_iri: dict[str, list[int]] = defaultdict(list)
    for i, pair in enumerate(pairs):
        pair.connections.sort(key=connection_key)
        involved = {pair.ru, pair.kz} | {c.through for c in pair.connections if c.through}
        for iri in involved:
            by_iri[iri].append(i)
    return CrossBorder(store.version(), countries, pairs, dict(by_iri))


def connection_key(c: Connection) -> tuple[int, str, list[Step]]:
    """The order of a pair's connections: by kind, then hub, then path (two partnership
    directions share kind and hub)."""
    return (VIA_ORDER.index(c.via), c.through or "", c.path)


# --- one entity's pairs, from its end ---------------------------------------------------------
Hub = tuple[str, str]  # (via, hub IRI)


def _values(iris: list[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in iris)


def _chunks(iris: set[str], size: int = 200) -> list[list[str]]:
    ordered = sorted(iris)
    return [ordered[i:i + size] for i in range(0, len(ordered), size)]


def _add_event_member(members: dict[str, list[Step]], e: str, prop: str, x: str) -> None:
    """The rule :func:`compute` applies to an event's rows: the event itself is a member with an
    empty path; a thing both placing and taking part is reached through ``wdt:P710``."""
    members.setdefault(e, [])
    if x not in members or prop == PARTICIPANT:
        members[x] = [(e, prop, x)]


def _event_rows(store: Store, bound: str, values: str) -> list[Any]:
    """An event's member rows (``?e ?prop ?x``) with ``?e`` or ``?x`` (``bound``) taken from
    ``values``; participants last, so that :func:`_add_event_member` lets them win."""
    rows = store.query(q(f"""SELECT DISTINCT ?e ?prop ?x WHERE {{ VALUES ?{bound} {{ {values} }} ?e a schema:Event .
        {{ ?e wdt:P710 ?x BIND(wdt:P710 AS ?prop) }} UNION {{ ?e schema:location ?x BIND(schema:location AS ?prop) }}
        FILTER(isIRI(?x)) }}"""))
    return sorted(rows, key=lambda r: r["prop"].value == PARTICIPANT)


def hub_members(store: Store, hubs: set[str]) -> dict[Hub, dict[str, list[Step]]]:
    """Every hub these IRIs are (as project, event, namesake or document) with its members and
    the path to each — the same rows :func:`compute` reads, bound at the hub."""
    out: dict[Hub, dict[str, list[Step]]] = defaultdict(dict)
    for chunk in _chunks(hubs):
        v = _values(chunk)
        for r in store.query(q(f"SELECT DISTINCT ?a ?p WHERE {{ VALUES ?p {{ {v} }} ?a schema:memberOf ?p FILTER(isIRI(?a)) }}")):
            a, p = r["a"].value, r["p"].value
            out[("project", p)][a] = [(a, MEMBER_OF, p)]
        for r in _event_rows(store, "e", v):
            _add_event_member(out[("event", r["e"].value)], r["e"].value, r["prop"].value, r["x"].value)
        for r in store.query(q(f"SELECT DISTINCT ?a ?who WHERE {{ VALUES ?who {{ {v} }} ?a wdt:P138 ?who }}")):
            a, who = r["a"].value, r["who"].value
            out[("namesake", who)][a] = [(a, NAMED_AFTER, who)]
        for r in store.query(q(f"SELECT DISTINCT ?doc ?x WHERE {{ VALUES ?doc {{ {v} }} ?doc schema:mentions ?x FILTER(isIRI(?x)) }}")):
            doc, x = r["doc"].value, r["x"].value
            out[("document", doc)][x] = [(doc, MENTIONS, x)]
    return out


def memberships(store: Store, iris: set[str]) -> dict[str, dict[Hub, list[Step]]]:
    """For each IRI, the hubs it is a member of and its path in each — :func:`compute`'s rows,
    bound at the member."""
    out: dict[str, dict[Hub, list[Step]]] = defaultdict(dict)
    for chunk in _chunks(iris):
        v = _values(chunk)
        for r in store.query(q(f"SELECT DISTINCT ?a ?p WHERE {{ VALUES ?a {{ {v} }} ?a schema:memberOf ?p FILTER(isIRI(?p)) }}")):
            a, p = r["a"].value, r["p"].value
            out[a][("project", p)] = [(a, MEMBER_OF, p)]
        events: dict[str, dict[str, list[Step]]] = defaultdict(dict)
        # as a member of an event, and (an event with any member) as a member of its own hub
        rows = _event_rows(store, "x", v) + _event_rows(store, "e", v)
        for r in sorted(rows, key=lambda r: r["prop"].value == PARTICIPANT):
            _add_event_member(events[r["e"].value], r["e"].value, r["prop"].value, r["x"].value)
        wanted = set(chunk)
        for e, members in events.items():
            for x, path in members.items():
                if x in wanted:
                    out[x][("event", e)] = path
        for r in store.query(q(f"SELECT DISTINCT ?a ?who WHERE {{ VALUES ?a {{ {v} }} ?a wdt:P138 ?who FILTER(isIRI(?who)) }}")):
            a, who = r["a"].value, r["who"].value
            out[a][("namesake", who)] = [(a, NAMED_AFTER, who)]
        for r in store.query(q(f"SELECT DISTINCT ?doc ?x WHERE {{ VALUES ?x {{ {v} }} ?doc schema:mentions ?x }}")):
            doc, x = r["doc"].value, r["x"].value
            out[x][("document", doc)] = [(doc, MENTIONS, x)]
    return out


def around(store: Store, base: str, iri: str) -> list[Pair]:
    """The pairs :func:`compute` gives for ``iri`` (``compute(...).for_entity(iri)``: pairs it is
    in, and pairs connected through it as a hub), with all their connections, in the same order —
    read from the entity's end instead of scanning the whole graph.

    A pair (a, b) is connected through the hubs both are members of, so knowing the members of
    the hubs around ``iri`` and those members' own hubs is enough.
    """
    mine = memberships(store, {iri}).get(iri, {})
    hubs = hub_members(store, {iri} | {hub for _, hub in mine})
    seen = {iri} | {m for members in hubs.values() for m in members}
    countries = countries_for(store, base, sorted(seen))
    side = countries.get(iri)
    candidates: set[tuple[str, str]] = set()
    for (via, hub), members in hubs.items():
        ru = [m for m in members if countries.get(m) == RU]
        kz = [m for m in members if countries.get(m) == KZ]
        if hub == iri:  # the entity is this hub: all its cross-border member pairs
            candidates.update((a, b) for a in ru for b in kz)
        elif side == RU and iri in members:
            candidates.update((iri, b) for b in kz)
        elif side == KZ and iri in members:
            candidates.update((a, iri) for a in ru)
    partners: list[tuple[str, str]] = []
    if side:
        for r in store.query(q("SELECT DISTINCT ?a ?b WHERE { { ?x wdt:P2652 ?b BIND(?x AS ?a) } UNION "
                               "{ ?a wdt:P2652 ?x BIND(?x AS ?b) } FILTER(isIRI(?a) && isIRI(?b)) }"),
                             substitutions={"x": ox.NamedNode(iri)}):
            partners.append((r["a"].value, r["b"].value))
    others = {m for pair in candidates for m in pair}
    member_of = memberships(store, others) if others else {}
    for chunk in _chunks(others) if len(others) > 1 else []:  # partnerships inside a hub the entity is
        for r in store.query(q(f"SELECT DISTINCT ?a ?b WHERE {{ VALUES ?a {{ {_values(chunk)} }} ?a wdt:P2652 ?b }}")):
            if r["b"].value in others:
                partners.append((r["a"].value, r["b"].value))
    found: dict[tuple[str, str], Pair] = {}
    for a, b in candidates:
        pair = found.setdefault((a, b), Pair(a, b))
        shared = member_of.get(a, {}).keys() & member_of.get(b, {}).keys()
        for via, hub in shared:
            pair.connections.append(Connection(via, hub, member_of[a][(via, hub)] + member_of[b][(via, hub)]))
    partners = sorted(set(partners))
    unplaced = {x for pair in partners for x in pair if x not in countries}
    if unplaced:  # partners outside every hub around the entity, in one question
        countries.update(countries_for(store, base, sorted(unplaced)))
    for a, b in partners:
        ca, cb = countries.get(a), countries.get(b)
        if ca == RU and cb == KZ and (iri in (a, b) or (a, b) in found):
            found.setdefault((a, b), Pair(a, b)).connections.append(Connection("partnership", None, [(a, PARTNER, b)]))
        elif ca == KZ and cb == RU and (iri in (a, b) or (b, a) in found):
            found.setdefault((b, a), Pair(b, a)).connections.append(Connection("partnership", None, [(a, PARTNER, b)]))
    pairs = [p for p in found.values() if p.connections]
    for pair in pairs:
        pair.connections.sort(key=connection_key)
    return sorted(pairs, key=Pair.sort_key)


def pairs_for(store: Store, base: str, iri: str) -> list[Pair]:
    """One entity's pairs: from the whole-graph result when it is current, else :func:`around`
    (never waits for the whole-graph computation)."""
    cached = peek(store, base)
    return cached.for_entity(iri) if cached is not None else around(store, base, iri)


def countries_for(store: Store, base: str, iris: list[str]) -> dict[str, str]:
    """The side (RU | KZ) of some IRIs, as :func:`compute_countries` gives it, asked from the IRIs' end.

    For answers that need the country of a few dozen IRIs while the whole-graph result is not
    computed yet. Each path pattern gets its own query with the IRIs in a ``VALUES`` block
    inside it: a ``UNION`` of the two paths under one outer ``VALUES`` was evaluated from the
    countries' end (3 s at 1M triples), these take a few milliseconds.
    """
    wanted = sorted({i for i in iris if i})
    codes = country_iris(base)
    by_country = {iri: code for code, iri in codes.items()}
    sides: dict[str, set[str]] = defaultdict(set)
    for start in range(0, len(wanted), 200):
        chunk = [i for i in wanted[start:start + 200] if i not in by_country]
        if not chunk:
            continue
        values = " ".join(str(ox.NamedNode(i)) for i in chunk)
        for path in ("(schema:location|schema:containedInPlace)*/wdt:P17", "(schema:location|schema:containedInPlace)+"):
            for r in store.query(q(f"SELECT DISTINCT ?x ?c WHERE {{ VALUES ?x {{ {values} }} ?x {path} ?c }}")):
                code = by_country.get(r["c"].value) if isinstance(r["c"], ox.NamedNode) else None
                if code:
                    sides[r["x"].value].add(code)
        if sides:
            for r in store.query(q(f"SELECT DISTINCT ?x WHERE {{ VALUES ?x {{ {values} }} ?x a schema:Country }}")):
                sides.pop(r["x"].value, None)
    return {iri: next(iter(s)) for iri, s in sides.items() if len(s) == 1}


_cache: dict[tuple[Any, str], CrossBorder] = {}
_lock = threading.Lock()
_warming: set[tuple[Any, str, str]] = set()
_warm_lock = threading.Lock()


def _key(store: Store, base: str) -> tuple[Any, str]:
    return (getattr(store, "path", None) or id(store), base)


def peek(store: Store, base: str) -> CrossBorder | None:
    """The cached result if it matches the store's version, else None — never computes in the caller.

    A miss starts the computation in a background thread (once per version), so answers that
    only need a few countries (:func:`countries_for`) stay fast while it runs, and the pages that
    need the pairs find them ready.
    """
    version = store.version()
    cached = _cache.get(_key(store, base))
    if cached is not None and cached.version == version:
        return cached
    warm(store, base, version)
    return None


def warm(store: Store, base: str, version: str | None = None) -> None:
    """Compute the current version's result in a daemon thread, unless one is already running.

    At most one at a time: during an ingest the version moves every few seconds, and a queue of
    computations for versions already gone would only take CPU from the readers. The next
    :func:`peek` after it ends starts the one for the then-current version."""
    version = version or store.version()
    token = (*_key(store, base), version)
    with _warm_lock:
        if _warming:
            return
        _warming.add(token)

    def run() -> None:
        try:
            get(store, base)
        except Exception:  # noqa: BLE001 - a failed warm-up only means the next get() computes
            pass
        finally:
            with _warm_lock:
                _warming.discard(token)

    threading.Thread(target=run, name="crossborder-warm", daemon=True).start()


def get(store: Store, base: str) -> CrossBorder:
    """The cached result for the store's current dataset version (computed once per version)."""
    version = store.version()
    key = _key(store, base)
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached.version == version:
            return cached
        result = compute(store, base)
        result.version = version
        _cache[key] = result
        return result
