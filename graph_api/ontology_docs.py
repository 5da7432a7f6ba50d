"""Human-readable documentation of the Shekara ontology, rendered from the Turtle itself.

The page is generated from ``ontology/shekara.ttl`` at request (or build) time so it can never
drift from the ontology the store serves. It is one self-contained HTML document — inline CSS,
no scripts, fonts or images fetched from elsewhere — so it works offline and behind the same
single port as the rest of the service. Every string that comes from the ontology goes through
Jinja2's autoescaping: labels are data, and data may contain markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

SHK = "https://w3id.org/shekara/ns#"
ONTOLOGY_IRI = URIRef("https://w3id.org/shekara/ns")
SCHEMA = "http://schema.org/"
LANGUAGES: tuple[str, ...] = ("en", "ru", "kk")

# Prefixes used only to print IRIs compactly; the order decides which prefix wins.
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("shk", SHK),
    ("schema", SCHEMA),
    ("wdt", "http://www.wikidata.org/prop/direct/"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("crm", "http://www.cidoc-crm.org/cidoc-crm/"),
    ("rdfs", str(RDFS)),
    ("rdf", str(RDF)),
    ("owl", str(OWL)),
    ("skos", str(SKOS)),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
)

_DOMAIN_INCLUDES = URIRef(SCHEMA + "domainIncludes")
_RANGE_INCLUDES = URIRef(SCHEMA + "rangeIncludes")

# Interface strings of the page, one set per documentation language.
_UI: dict[str, dict[str, str]] = {
    "en": {
        "contents": "Contents", "classes": "Classes", "object_properties": "Object properties",
        "datatype_properties": "Datatype properties", "external": "Contract properties (external)",
        "hierarchy": "Class hierarchy", "iri": "IRI", "labels": "Labels", "comment": "Definition",
        "subclass_of": "Subclass of", "superclass_of": "Has subclasses", "aligned": "Alignments",
        "subproperty_of": "Subproperty of", "subproperties": "Has subproperties",
        "inverse_of": "Inverse of", "domain": "Domain (includes)", "range": "Range (includes)",
        "characteristics": "Characteristics", "version": "Version", "license": "License",
        "created": "Created", "namespace": "Namespace", "language": "Language",
    },
    "ru": {
        "contents": "Содержание", "classes": "Классы", "object_properties": "Объектные свойства",
        "datatype_properties": "Свойства-данные", "external": "Свойства контракта (внешние)",
        "hierarchy": "Иерархия классов", "iri": "IRI", "labels": "Названия", "comment": "Определение",
        "subclass_of": "Надклассы", "superclass_of": "Подклассы", "aligned": "Соответствия",
        "subproperty_of": "Надсвойства", "subproperties": "Подсвойства",
        "inverse_of": "Обратное к", "domain": "Область определения", "range": "Область значений",
        "characteristics": "Характеристики", "version": "Версия", "license": "Лицензия",
        "created": "Создано", "namespace": "Пространство имён", "language": "Язык",
    },
    "kk": {
        "contents": "Мазмұны", "classes": "Кластар", "object_properties": "Объектілік қасиеттер",
        "datatype_properties": "Деректер қасиеттері", "external": "Келісімшарт қасиеттері (сыртқы)",
        "hierarchy": "Кластар иерархиясы", "iri": "IRI", "labels": "Атаулары", "comment": "Анықтамасы",
        "subclass_of": "Жоғарғы класы", "superclass_of": "Ішкі кластары", "aligned": "Сәйкестіктер",
        "subproperty_of": "Жоғарғы қасиеті", "subproperties": "Ішкі қасиеттері",
        "inverse_of": "Кері қасиеті", "domain": "Анықталу облысы", "range": "Мәндер облысы",
        "characteristics": "Сипаттамалары", "version": "Нұсқа", "license": "Лицензия",
        "created": "Жасалған күні", "namespace": "Атаулар кеңістігі", "language": "Тіл",
    },
}

_CHARACTERISTICS: dict[URIRef, str] = {
    OWL.SymmetricProperty: "symmetric",
    OWL.TransitiveProperty: "transitive",
    OWL.FunctionalProperty: "functional",
    OWL.InverseFunctionalProperty: "inverse functional",
}


@dataclass
class Ref:
    """A link to a term: internal terms link to their anchor, external ones to their IRI."""

    iri: str
    text: str
    href: str
    internal: bool


@dataclass
class Term:
    """Everything the page shows about one class or property."""

    iri: str
    anchor: str
    curie: str
    title: str
    labels: dict[str, list[str]]
    comments: list[tuple[str, str]]
    rows: list[tuple[str, list[Ref]]] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)


@dataclass
class TreeNode:
    """One class in the hierarchy outline, with its subclasses."""

    ref: Ref
    children: list["TreeNode"]


def curie(iri: str) -> str:
    """The shortest known prefixed form of ``iri`` (or the IRI itself)."""
    for prefix, ns in _PREFIXES:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def anchor_for(iri: str) -> str:
    """The HTML id of a term: the bare local name for ours, ``ext-…`` for external terms."""
    if iri.startswith(SHK):
        return iri[len(SHK):]
    return "ext-" + curie(iri).replace(":", "-").replace("/", "-").replace("#", "-")


class _Model:
    """Reads the ontology graph into plain objects for the template."""

    def __init__(self, graph: Graph, lang: str):
        self.g = graph
        self.lang = lang
        self.documented: set[str] = set()

    def literal(self, subject: URIRef, predicate: URIRef) -> str:
        """The value in the page language, else English, else any."""
        values = [o for o in self.g.objects(subject, predicate) if isinstance(o, Literal)]
        for wanted in (self.lang, "en", None):
            for value in values:
                if value.language == wanted:
                    return str(value)
        return str(values[0]) if values else ""

    def ref(self, iri: URIRef) -> Ref:
        text = curie(str(iri))
        if str(iri) in self.documented:
            label = self.literal(iri, RDFS.label)
            return Ref(str(iri), label or text, "#" + anchor_for(str(iri)), True)
        return Ref(str(iri), text, str(iri), False)

    def refs(self, iris) -> list[Ref]:
        return [self.ref(i) for i in sorted(set(iris), key=str) if isinstance(i, URIRef)]

    def term(self, iri: URIRef) -> Term:
        labels = {lang: [] for lang in LANGUAGES}
        for value in self.g.objects(iri, RDFS.label):
            if isinstance(value, Literal):
                labels.setdefault(value.language or "", []).append(str(value))
        order = [self.lang] + [lang for lang in LANGUAGES if lang != self.lang]
        comments: list[tuple[str, str]] = []
        by_lang = {
            (c.language or ""): str(c)
            for c in self.g.objects(iri, RDFS.comment) if isinstance(c, Literal)
        }
        for lang in order + sorted(set(by_lang) - set(order)):
            if lang in by_lang:
                comments.append((lang, by_lang[lang]))
        return Term(
            iri=str(iri),
            anchor=anchor_for(str(iri)),
            curie=curie(str(iri)),
            title=self.literal(iri, RDFS.label) or curie(str(iri)),
            labels={k: v for k, v in labels.items() if v},
            comments=comments,
        )

    def ours(self, kind: URIRef) -> list[URIRef]:
        return sorted(
            (s for s in set(self.g.subjects(RDF.type, kind))
             if isinstance(s, URIRef) and str(s).startswith(SHK)),
            key=str,
        )

    def external_properties(self) -> list[URIRef]:
        found = set()
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
            found |= {s for s in self.g.subjects(RDF.type, kind)
                      if isinstance(s, URIRef) and not str(s).startswith(SHK)}
        return sorted(found, key=str)


def _class_terms(m: _Model, classes: list[URIRef], ui: dict[str, str]) -> list[Term]:
    terms = []
    for cls in classes:
        term = m.term(cls)
        supers = list(m.g.objects(cls, RDFS.subClassOf))
        internal = [s for s in supers if str(s) in m.documented]
        external = [s for s in supers if str(s) not in m.documented]
        external += list(m.g.objects(cls, OWL.equivalentClass))
        subs = [s for s in m.g.subjects(RDFS.subClassOf, cls) if str(s) in m.documented]
        for key, values in (("subclass_of", internal), ("aligned", external), ("superclass_of", subs)):
            if values:
                term.rows.append((ui[key], m.refs(values)))
        terms.append(term)
    return terms


def _property_terms(m: _Model, props: list[URIRef], ui: dict[str, str]) -> list[Term]:
    terms = []
    for prop in props:
        term = m.term(prop)
        inverse = set(m.g.objects(prop, OWL.inverseOf)) | set(m.g.subjects(OWL.inverseOf, prop))
        aligned = list(m.g.objects(prop, OWL.equivalentProperty)) + list(m.g.objects(prop, SKOS.closeMatch))
        rows = (
            ("subproperty_of", list(m.g.objects(prop, RDFS.subPropertyOf))),
            ("subproperties", list(m.g.subjects(RDFS.subPropertyOf, prop))),
            ("inverse_of", [i for i in inverse if i != prop]),
            ("aligned", aligned),
            ("domain", list(m.g.objects(prop, _DOMAIN_INCLUDES)) + list(m.g.objects(prop, RDFS.domain))),
            ("range", list(m.g.objects(prop, _RANGE_INCLUDES)) + list(m.g.objects(prop, RDFS.range))),
        )
        for key, values in rows:
            if values:
                term.rows.append((ui[key], m.refs(values)))
        term.characteristics = sorted(
            name for kind, name in _CHARACTERISTICS.items() if (prop, RDF.type, kind) in m.g
        )
        terms.append(term)
    return terms


def _hierarchy(m: _Model, classes: list[URIRef]) -> list[TreeNode]:
    """The subclass tree of our classes; a class with no superclass of ours is a root."""
    ours = set(classes)

    def parents(cls: URIRef) -> list[URIRef]:
        return [p for p in m.g.objects(cls, RDFS.subClassOf) if p in ours and p != cls]

    def build(cls: URIRef, seen: frozenset[URIRef]) -> TreeNode:
        kids = sorted((c for c in classes if cls in parents(c) and c not in seen), key=str)
        return TreeNode(m.ref(cls), [build(k, seen | {k}) for k in kids])

    roots = [c for c in classes if not parents(c)]
    return [build(r, frozenset({r})) for r in roots]


def render_ontology_html(ttl_path: Path, lang: str = "en") -> str:
    """Render the ontology at ``ttl_path`` as one self-contained HTML page in ``lang``.

    ``lang`` (``en``, ``ru`` or ``kk``) picks the interface language, the term titles and which
    definition comes first; all three languages' labels and definitions are always shown.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported documentation language {lang!r}; use one of {LANGUAGES}")
    graph = Graph()
    graph.parse(str(ttl_path), format="turtle")
    m = _Model(graph, lang)
    ui = _UI[lang]

    classes = m.ours(OWL.Class)
    object_props = m.ours(OWL.ObjectProperty)
    datatype_props = [p for p in m.ours(OWL.DatatypeProperty) if p not in set(object_props)]
    external = m.external_properties()
    m.documented = {str(t) for t in classes + object_props + datatype_props + external}

    onto = ONTOLOGY_IRI
    license_iri = graph.value(onto, DCTERMS.license)
    context = {
        "lang": lang,
        "ui": ui,
        "title": m.literal(onto, DCTERMS.title) or "Shekara ontology",
        "description": m.literal(onto, DCTERMS.description),
        "version": m.literal(onto, OWL.versionInfo),
        "created": m.literal(onto, DCTERMS.created),
        "license": str(license_iri) if license_iri else "",
        "namespace": SHK,
        "hierarchy": _hierarchy(m, classes),
        "classes": _class_terms(m, classes, ui),
        "object_properties": _property_terms(m, object_props, ui),
        "datatype_properties": _property_terms(m, datatype_props, ui),
        "external": _property_terms(m, external, ui),
    }
    return _template().render(**context)


def _template():
    # autoescape=True: every value rendered with {{ }} is HTML-escaped, including attributes.
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(_TEMPLATE)


_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d2329;
       background: #fafaf7; line-height: 1.5; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
header { border-bottom: 3px solid #1f6f8b; margin-bottom: 1.5rem; }
h1 { margin: 0 0 .3rem; color: #1f6f8b; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #c9d3d8; padding-bottom: .2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.meta dt { font-weight: 600; }
nav ul { columns: 3 14rem; padding-left: 1.2rem; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.2rem; }
ul.tree li::before { content: "\\2514\\2500 "; color: #8a99a3; }
section.term { background: #fff; border: 1px solid #dde4e8; border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
section.term:target { border-color: #1f6f8b; box-shadow: 0 0 0 2px #1f6f8b33; }
section.term h3 { margin: 0 0 .3rem; }
code, .iri { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
.iri { color: #56656f; word-break: break-all; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .15rem .8rem .15rem 0; }
th { font-weight: 600; white-space: nowrap; }
.lang { display: inline-block; min-width: 1.8rem; font-size: .8em; color: #fff; background: #1f6f8b;
        border-radius: 3px; text-align: center; margin-right: .4rem; }
.chip { display: inline-block; font-size: .8em; border: 1px solid #1f6f8b; color: #1f6f8b; border-radius: 9px;
        padding: 0 .5rem; margin-right: .3rem; }
a { color: #1f6f8b; }
a.external { color: #6b4f9b; }
p.comment { margin: .2rem 0; }
</style>
</head>
<body>
<main>
<header>
<h1>{{ title }}</h1>
<p>{{ description }}</p>
<dl class="meta">
<dt>{{ ui.namespace }}</dt><dd><code>{{ namespace }}</code></dd>
{% if version %}<dt>{{ ui.version }}</dt><dd>{{ version }}</dd>{% endif %}
{% if created %}<dt>{{ ui.created }}</dt><dd>{{ created }}</dd>{% endif %}
{% if license %}<dt>{{ ui.license }}</dt><dd><a class="external" href="{{ license }}">{{ license }}</a></dd>{% endif %}
<dt>{{ ui.language }}</dt><dd>{% for code in ["en", "ru", "kk"] %}{% if code == lang %}<strong>{{ code }}</strong>{% else %}{{ code }}{% endif %}{% if not loop.last %} · {% endif %}{% endfor %}</dd>
</dl>
</header>

<nav>
<h2>{{ ui.contents }}</h2>
{% for heading, terms in [(ui.classes, classes), (ui.object_properties, object_properties), (ui.datatype_properties, datatype_properties), (ui.external, external)] %}
<h3>{{ heading }}</h3>
<ul>
{% for t in terms %}<li><a href="#{{ t.anchor }}">{{ t.curie }}</a></li>
{% endfor %}
</ul>
{% endfor %}
</nav>

<h2 id="hierarchy">{{ ui.hierarchy }}</h2>
{% macro tree(nodes) %}
<ul class="tree">
{% for n in nodes %}<li><a href="{{ n.ref.href }}">{{ n.ref.text }}</a>{% if n.children %}{{ tree(n.children) }}{% endif %}</li>
{% endfor %}
</ul>
{% endmacro %}
{{ tree(hierarchy) }}

{% macro term_section(t) %}
<section class="term" id="{{ t.anchor }}">
<h3>{{ t.title }} <code>{{ t.curie }}</code></h3>
<div class="iri">{{ ui.iri }}: {{ t.iri }}</div>
{% for lang_code, text in t.comments %}<p class="comment"><span class="lang">{{ lang_code or "—" }}</span>{{ text }}</p>
{% endfor %}
<table>
<tr><th>{{ ui.labels }}</th><td>{% for lang_code, values in t.labels.items() %}<span class="lang">{{ lang_code or "—" }}</span>{{ values | join(" / ") }}{% if not loop.last %}<br>{% endif %}{% endfor %}</td></tr>
{% for name, refs in t.rows %}<tr><th>{{ name }}</th><td>{% for r in refs %}<a href="{{ r.href }}"{% if not r.internal %} class="external"{% endif %} title="{{ r.iri }}">{{ r.text }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</td></tr>
{% endfor %}
{% if t.characteristics %}<tr><th>{{ ui.characteristics }}</th><td>{% for c in t.characteristics %}<span class="chip">{{ c }}</span>{% endfor %}</td></tr>{% endif %}
</table>
</section>
{% endmacro %}

<h2 id="classes">{{ ui.classes }}</h2>
{% for t in classes %}{{ term_section(t) }}{% endfor %}

<h2 id="object-properties">{{ ui.object_properties }}</h2>
{% for t in object_properties %}{{ term_section(t) }}{% endfor %}

<h2 id="datatype-properties">{{ ui.datatype_properties }}</h2>
{% for t in datatype_properties %}{{ term_section(t) }}{% endfor %}

<h2 id="external">{{ ui.external }}</h2>
{% for t in external %}{{ term_section(t) }}{% endfor %}
</main>
</body>
</html>
"""
