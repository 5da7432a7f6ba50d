"""HTTP content negotiation (RFC 9110 §12.5.1) over fixed sets of offers.

Peer SPARQL endpoints get this wrong in the same few ways — ignoring q-values, treating
``q=0`` as "a little", letting ``*/*`` beat an explicit type, or answering a CONSTRUCT with a
SPARQL-results type. So the rules live here once, with the offer sets for each kind of answer,
and ``tests/test_conneg.py`` pins them as a table of Accept headers → chosen type.

Rules: every offer gets the q of the *most specific* media range that matches it (exact type >
``type/*`` > ``*/*``); an offer whose best range has ``q=0`` is refused even when a wildcard
would allow it; the highest q wins, ties go to the more specific range, then to the server's
order of preference. No or empty Accept header means "anything" (the first offer).
Media-type parameters other than ``q`` (``charset=…``) do not take part in matching.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float
    order: int

    def specificity(self, media_type: str) -> int:
        """-1 if this range does not match ``media_type``; otherwise 0 (*/*), 1 (type/*) or 2 (exact)."""
        t, _, s = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != t:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == s else -1


@dataclass(frozen=True)
class Offer:
    """A media type we can answer with, and the format name it stands for.

    ``media_type`` is what is matched against Accept; ``canonical`` is what the response's
    Content-Type says (``application/json`` asked → ``application/sparql-results+json`` sent).
    """
    media_type: str
    format: str
    canonical: str


class NotAcceptable(Exception):
    """Nothing in the offer set is acceptable; ``available`` lists what is."""

    def __init__(self, accept: str, available: list[str]):
        self.accept = accept
        self.available = available
        super().__init__(
            f"none of the requested media types ({accept}) can be produced here; "
            f"available: {', '.join(available)} (or use ?format=)")


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an Accept header leniently: malformed ranges are skipped, not fatal."""
    ranges: list[MediaRange] = []
    if not header:
        return ranges
    for order, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mt = fields[0].lower()
        if "/" not in mt:
            if mt == "*":  # some old clients send a bare "*"
                mt = "*/*"
            else:
                continue
        t, _, s = mt.partition("/")
        if not t or not s or (t == "*" and s != "*"):
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
                q = min(max(q, 0.0), 1.0)
        ranges.append(MediaRange(t, s, q, order))
    return ranges


def negotiate(header: str | None, offers: list[Offer]) -> Offer:
    """The best offer for ``header``; raises :class:`NotAcceptable` when none is acceptable."""
    ranges = parse_accept(header)
    if not ranges:
        return offers[0]
    best: tuple[float, int, int] | None = None
    chosen: Offer | None = None
    for pref, offer in enumerate(offers):
        match: MediaRange | None = None
        spec = -1
        for r in ranges:
            sp = r.specificity(offer.media_type)
            # the most specific range decides; among equally specific ones the higher q
            if sp > spec or (sp == spec and match is not None and r.q > match.q):
                match, spec = r, sp
        if match is None or match.q <= 0.0:
            continue
        key = (match.q, spec, -pref)
        if best is None or key > best:
            best, chosen = key, offer
    if chosen is None:
        available = list(dict.fromkeys(o.canonical for o in offers))
        raise NotAcceptable(header or "", available)
    return chosen


def prefers_html(header: str | None) -> bool:
    """True when a browser-like client asks for HTML at least as much as anything else."""
    if not header:
        return False
    try:
        # "other" first: on a tie (e.g. */*) the client did not ask for HTML in particular
        return negotiate(header, [Offer("application/octet-stream", "other", ""),
                                  Offer("text/html", "html", "text/html"),
                                  Offer("application/xhtml+xml", "html", "text/html")]).format == "html"
    except NotAcceptable:
        return False


def _offers(rows: list[tuple[str, str, str]]) -> list[Offer]:
    return [Offer(m, f, c) for m, f, c in rows]


# SELECT / ASK: the SPARQL 1.1 result formats, then the common aliases clients send.
RESULT_OFFERS = _offers([
    ("application/sparql-results+json", "json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "xml", "application/sparql-results+xml"),
    ("text/csv", "csv", "text/csv"),
    ("text/tab-separated-values", "tsv", "text/tab-separated-values"),
    ("application/json", "json", "application/sparql-results+json"),
    ("application/xml", "xml", "application/sparql-results+xml"),
    ("text/xml", "xml", "application/sparql-results+xml"),
])

# CONSTRUCT / DESCRIBE and every RDF document we serve.
RDF_OFFERS = _offers([
    ("text/turtle", "ttl", "text/turtle"),
    ("application/ld+json", "jsonld", "application/ld+json"),
    ("application/n-triples", "nt", "application/n-triples"),
    ("application/rdf+xml", "rdfxml", "application/rdf+xml"),
    ("application/x-turtle", "ttl", "text/turtle"),
    ("application/turtle", "ttl", "text/turtle"),
    ("text/n3", "ttl", "text/turtle"),  # Turtle is valid N3
    ("application/x-json+ld", "jsonld", "application/ld+json"),
    ("text/plain", "nt", "application/n-triples"),  # the old N-Triples type
    ("application/xml", "rdfxml", "application/rdf+xml"),
    ("text/xml", "rdfxml", "application/rdf+xml"),
    ("application/json", "jsonld", "application/ld+json"),
])

HTML_OFFER = Offer("text/html", "html", "text/html")

# ?format= values accepted beside Accept (names of graph_api.formats, plus a few spellings).
FORMAT_ALIASES: dict[str, str] = {
    "json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
    "ttl": "ttl", "turtle": "ttl", "n3": "ttl", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
    "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml", "rdf": "rdfxml", "rdf/xml": "rdfxml",
    "html": "html",
}
