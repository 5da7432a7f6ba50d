"""Server-rendered HTML pages: home, search, entity and document pages.

Jinja2 with autoescaping everywhere: labels and document text come from documents nobody here
wrote, so they are only ever inserted as escaped text. The document page builds its highlighted
text from segments (plain or mention), each escaped by the template — never by splicing markup
into the text. Pages need no JavaScript and load nothing from outside the service.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlencode

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from graph_api import crossborder, curation, entities, i18n
from graph_api.answer_cache import PAGES, answer_key
from graph_api.api import (View, crossborder_view, document_view, entity_view, geo_view, prop_ref, search_index,
                           settings_of, store_of, timeline_view)
from graph_api.entities import entity_iri
from graph_api.linked_data import DOCUMENT_GRAPHS, LAYOUT_GRAPHS, version_time
from graph_api.labels import ALT, LABEL, PREF, Label, language_chain, pick
from ingest.vocab import KINDS

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).parent / "templates"
env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True))
COOKIE = "lang"
PAGE_VARY = "Accept-Language, Cookie"
"""What a page's language depends on besides its URL (``?lang=``): shared caches must key on it."""

# Strings of the pages about the dataset, its graphs and its provenance (beside graph_api.i18n's).
PAGE_STRINGS: dict[str, dict[str, str]] = {
    "kind_run": {"kk": "Жүктеу сеансы", "ru": "Сеанс загрузки", "en": "Ingest run"},
    "kind_software": {"kk": "Бағдарламалық агент", "ru": "Программный агент", "en": "Software agent"},
    "dataset": {"kk": "Деректер жиынтығы", "ru": "Набор данных", "en": "Dataset"},
    "named_graph": {"kk": "Атаулы граф", "ru": "Именованный граф", "en": "Named graph"},
    "named_graphs": {"kk": "Атаулы графтар", "ru": "Именованные графы", "en": "Named graphs"},
    "triples": {"kk": "Үштіктер", "ru": "Триплеты", "en": "Triples"},
    "holds": {"kk": "Не қамтиды", "ru": "Что содержит", "en": "What it holds"},
    "about_graph": {"kk": "Бұл граф туралы", "ru": "Об этом графе", "en": "About this graph"},
    "download": {"kk": "Жүктеп алу", "ru": "Скачать", "en": "Download"},
    "modified": {"kk": "Соңғы өзгеріс", "ru": "Последнее изменение", "en": "Last changed"},
    "version": {"kk": "Нұсқасы", "ru": "Версия", "en": "Version"},
    "void": {"kk": "VoID сипаттамасы", "ru": "Описание VoID", "en": "VoID description"},
    "dump": {"kk": "Бүкіл жиынтық (N-Quads, gzip)", "ru": "Весь набор (N-Quads, gzip)",
             "en": "The whole dataset (N-Quads, gzip)"},
    "empty_graph": {"kk": "Бұл граф әзірге бос.", "ru": "Этот граф пока пуст.", "en": "This graph holds nothing yet."},
    "read_from": {"kk": "Құжаттан алынған", "ru": "Извлечено из документа", "en": "Read from the document"},
    "graph_of_document": {"kk": "Одан алынғаны (атаулы граф)", "ru": "Что из него извлечено (именованный граф)",
                          "en": "What was extracted from it (named graph)"},
    "graph_ontology": {"kk": "Жобаның онтологиясы (ontology/shekara.ttl): кластар мен қасиеттер.",
                       "ru": "Онтология проекта (ontology/shekara.ttl): классы и свойства.",
                       "en": "The project ontology (ontology/shekara.ttl): its classes and properties."},
    "graph_shapes": {"kk": "Деректер тексерілетін SHACL пішіндері (ontology/shapes.ttl).",
                     "ru": "Формы SHACL, по которым проверяются данные (ontology/shapes.ttl).",
                     "en": "The SHACL shapes the data is validated against (ontology/shapes.ttl)."},
    "graph_authority": {"kk": "Атаулардың авторитетті файлы: белгілі кітапханалар, орындар, тұлғалар мен ұйымдар "
                              "және олардың kk, ru, en тілдеріндегі атаулары.",
                        "ru": "Авторитетный файл имён: известные библиотеки, места, люди и организации "
                              "с названиями на kk, ru и en.",
                        "en": "The name authority file: known libraries, places, persons and organisations "
                              "with their names in kk, ru and en."},
    "graph_links": {"kk": "Бірнеше құжаттан шығарылған деректер (қай құжат қайсысының аудармасы), "
                          "әр жүктеуден кейін қайта есептеледі.",
                    "ru": "Факты, выведенные из нескольких документов (какие документы переводят друг друга); "
                          "пересчитываются после каждой загрузки.",
                    "en": "Facts derived across documents (which documents translate which), "
                          "recomputed after every ingest."},
    "graph_provenance": {"kk": "Әр жүктеу сеансына бір әрекет: қашан жүрді, қандай құжаттарды оқыды, "
                               "қандай графтарды жазды.",
                         "ru": "По одной активности на каждый сеанс загрузки: когда он шёл, какие документы "
                               "прочитал, какие графы записал.",
                         "en": "One activity per ingest run: when it ran, which documents it read, "
                               "which graphs it wrote."},
    "graph_curation": {"kk": "Кураторлардың өз толықтырулары (деректер, атаулар), Graph Store Protocol арқылы жазылған.",
                       "ru": "Собственные дополнения кураторов (факты, названия), записанные через Graph Store Protocol.",
                       "en": "Curators' own additions (facts, labels), written with the Graph Store Protocol."},
    "graph_decisions": {"kk": "Кураторлардың шешімдері (біріктіру, кері қайтару, қабылдамау), /api/curation арқылы.",
                        "ru": "Решения кураторов (слияния, отзывы, отклонения), принятые через /api/curation.",
                        "en": "Curators' decisions (merges, retractions, rejections), made through /api/curation."},
    "graph_meta": {"kk": "Деректер жиынтығы нұсқасының жазбасы; қойма оны әр өзгерісте жаңартады.",
                   "ru": "Запись о версии набора данных; хранилище обновляет её при каждом изменении.",
                   "en": "The dataset's version record, written by the store with every change."},
    "graph_doc": {"kk": "Бір құжаттан алынғанның бәрі: нысандар, деректер және әр аталымға бір аннотация.",
                  "ru": "Всё, что извлечено из одного документа: сущности, факты и по аннотации на каждое упоминание.",
                  "en": "Everything extracted from one document: its entities, facts and one annotation per mention."},
    "graph_other": {"kk": "Осы деректер жиынтығының атаулы графы.", "ru": "Именованный граф этого набора данных.",
                    "en": "A named graph of this dataset."},
}


def text(key: str, lang: str) -> str:
    """An interface string: the pages' own (:data:`PAGE_STRINGS`), else :func:`graph_api.i18n.t`."""
    entry = PAGE_STRINGS.get(key)
    if entry:
        return entry.get(lang) or entry[i18n.DEFAULT]
    return i18n.t(key, lang)


# --- request language and rendering -----------------------------------------------------------
def interface_language(request: Request) -> str:
    return i18n.choose_language(request.query_params.get("lang"), request.cookies.get(COOKIE),
                                request.headers.get("accept-language"))


def page_view(request: Request, lang: str) -> View:
    settings = settings_of(request)
    return View(store_of(request), settings, language_chain([lang], settings.languages))


def lang_links(request: Request) -> list[dict[str, str]]:
    """The same page in each interface language (other query parameters kept)."""
    links = []
    for code in i18n.LANGUAGES:
        params = dict(request.query_params)
        params["lang"] = code
        links.append({"code": code, "name": i18n.LANGUAGE_NAMES[code],
                      "href": request.url.path + "?" + urlencode(params)})
    return links


def render(request: Request, template: str, lang: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = env.get_template(template).render(
        lang=lang, t=lambda key: text(key, lang), lang_links=lang_links(request), q=context.pop("q", ""),
        **context)
    return respond(request, html, lang, status)


def respond(request: Request, html: str, lang: str, status: int = 200) -> HTMLResponse:
    """The page, in ``lang``: chosen from ``?lang=``, the cookie or Accept-Language, so caches are
    told (Vary) that the same URL answers differently by the last two."""
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    response.headers["Content-Language"] = lang
    response.headers.add_vary_header(PAGE_VARY)
    return response


def page_query(request: Request, **changes: Any) -> str:
    params = dict(request.query_params)
    params.update({k: str(v) for k, v in changes.items()})
    return request.url.path + "?" + urlencode(params)


# --- the map ----------------------------------------------------------------------------------
MAP_W, MAP_H, MAP_PAD = 720, 420, 40


def map_figure(view: View) -> dict[str, Any] | None:
    """Libraries as dots on an equirectangular projection of their bounding box, partners as lines."""
    collection = geo_view(view, view.settings.max_page_size)
    dots = [f for f in collection["features"] if f["properties"]["kind"] == "library"]
    if not dots:
        return None
    lons = [f["geometry"]["coordinates"][0] for f in dots]
    lats = [f["geometry"]["coordinates"][1] for f in dots]
    lon0, lon1 = min(lons) - 1.0, max(lons) + 1.0
    lat0, lat1 = min(lats) - 1.0, max(lats) + 1.0
    # Equirectangular: x ∝ longitude·cos(mid latitude), y ∝ latitude; keep the aspect, fit the box.
    k = math.cos(math.radians((lat0 + lat1) / 2))
    span_x, span_y = (lon1 - lon0) * k, (lat1 - lat0)
    scale = min((MAP_W - 2 * MAP_PAD) / span_x, (MAP_H - 2 * MAP_PAD) / span_y)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (round(MAP_PAD + (lon - lon0) * k * scale, 1), round(MAP_H - MAP_PAD - (lat - lat0) * scale, 1))

    points: dict[str, tuple[float, float]] = {}
    circles = []
    for f in dots:
        x, y = xy(*f["geometry"]["coordinates"])
        p = f["properties"]
        points[p["iri"]] = (x, y)
        circles.append({"x": x, "y": y, "label": p["label"], "link": p["link"], "country": p["country"] or "none"})
    lines = []
    seen = set()
    for pair in crossborder.get(view.store, view.base).pairs:
        if pair.ru in points and pair.kz in points and (pair.ru, pair.kz) not in seen:
            seen.add((pair.ru, pair.kz))
            vias = sorted({c.via for c in pair.connections})
            (x1, y1), (x2, y2) = points[pair.ru], points[pair.kz]
            lines.append({"x1": x1, "y1": y1, "x2": x2, "y2": y2,
                          "title": " / ".join(i18n.t("via_" + v, view.lang) for v in vias),
                          "strong": "partnership" in vias})
    labels = []
    for code in ("RU", "KZ"):
        mine = [c for c in circles if c["country"] == code]
        if mine:
            cx = sum(c["x"] for c in mine) / len(mine)
            top = min(c["y"] for c in mine)
            labels.append({"x": round(cx, 1), "y": round(max(top - 18, 16), 1), "text": i18n.t("country_" + code, view.lang),
                           "country": code})
    return {"width": MAP_W, "height": MAP_H, "circles": circles, "lines": lines, "labels": labels}


# --- document text ----------------------------------------------------------------------------
def segments(text: str, marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Split ``text`` into plain and mention segments; overlapping or stale offsets are skipped.

    A mention is trusted only when the offsets still select its exact quote (the text may have
    been re-ingested); otherwise the nearest occurrence of the quote is used, if any.
    """
    spans = []
    for m in marks:
        start, end, exact = m.get("start"), m.get("end"), m.get("exact") or ""
        if start is None or end is None or text[start:end] != exact or not exact:
            if not exact:
                continue
            found = text.find(exact, max(0, (start or 0) - 200))
            if found < 0:
                found = text.find(exact)
            if found < 0:
                continue
            start, end = found, found + len(exact)
        spans.append((start, end, m["entity"]))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[dict[str, Any]] = []
    pos = 0
    for start, end, ref in spans:
        if start < pos:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "ref": None})
        out.append({"text": text[start:end], "ref": ref})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "ref": None})
    return out


# --- routes -----------------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    lang = interface_language(request)
    view = page_view(request, lang)
    counts = entities.counts_by_kind(view.store, view.base)
    countries = view.countries
    per_country: dict[str, dict[str, int]] = {k: {"RU": 0, "KZ": 0} for k in counts}
    for iri, code in countries.items():
        parts = entities.split_iri(view.base, iri)
        if parts and parts[0] in per_country:
            per_country[parts[0]][code] += 1
    rows = [{"kind": k, "name": i18n.t("kind_" + k, lang), "total": n, "RU": per_country[k]["RU"],
             "KZ": per_country[k]["KZ"], "link": f"/api/entities?kind={k}" if k in KINDS else "/api/documents"}
            for k, n in counts.items()]
    events = timeline_view(view, 0, view.settings.max_page_size)
    years: dict[str, list[dict[str, Any]]] = {}
    for item in events["items"]:
        years.setdefault(item["year"], []).append(item)
    cross = crossborder.get(view.store, view.base)
    top = crossborder_view(view, cross.pairs, cross.version, 0, 10)
    return render(request, "home.html", lang, rows=rows, figure=map_figure(view), years=years,
                  events_total=events["total"], pairs=top)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=200), type: str | None = Query(None)) -> HTMLResponse:
    lang = interface_language(request)
    settings = settings_of(request)
    results = []
    if q.strip():
        store = store_of(request)
        index = search_index(request, store)
        kind = type if type in KINDS else None
        hits = index.search(q, settings.page_size, kind)
        entries = index.entries([h.iri for h in hits])
        chain = language_chain([lang], settings.languages)
        weights = {3: PREF, 2: LABEL, 1: ALT}
        for h in hits:
            names, country = entries[h.iri]
            shown = pick([Label(t, lg, weights.get(w, LABEL)) for t, lg, w in names], chain, h.iri)
            results.append({"label": shown.text, "matched": h.label, "kind": h.kind,
                            "kind_name": i18n.t("kind_" + h.kind, lang),
                            "link": entities.page_link(settings.base_iri, h.iri), "iri": h.iri,
                            "country": country})
    return render(request, "search.html", lang, q=q, results=results)


@router.get("/page/document/{name}", response_class=HTMLResponse)
def document_page(request: Request, name: str) -> HTMLResponse:
    lang = interface_language(request)
    view = page_view(request, lang)
    iri = entity_iri(view.base, "document", name)
    try:
        if iri is None:
            raise HTTPException(404)
        doc = document_view(view, iri, with_text=True)
    except HTTPException:
        return render(request, "not_found.html", lang, status=404)
    return render(request, "document.html", lang, doc=doc, segments=segments(doc["text"] or "", doc["mentions"]),
                  graph=document_graph(view, iri))


def document_graph(view: View, work: ox.NamedNode) -> dict[str, Any] | None:
    """The named graph that holds what was read from a document (its IRI dereferences to the
    document's page, so the page says which graph it is and where to download it)."""
    name = work.value[len(view.base + "id/document/"):]
    graph = ox.NamedNode(view.base + "graph/" + DOCUMENT_GRAPHS + name)
    size = entities.graph_size(view.store, graph)
    if not size:
        return None
    return {"iri": graph.value, "size": size, "link": entities.page_link(view.base, graph.value),
            "data": entities.graph_data_links(view.base, graph.value)}


# --- the dataset, its named graphs, its provenance -----------------------------------------------
def _raw_rest(request: Request, prefix: str) -> str:
    """The path after ``prefix`` exactly as sent: graph names keep their percent-encoding, as in their IRIs."""
    raw = request.scope.get("raw_path")
    path = raw.decode("latin-1") if raw else request.url.path
    return path[len(prefix):]


def graph_about(name: str) -> str:
    """The key of the sentence that says what a graph holds."""
    if name.startswith(DOCUMENT_GRAPHS):
        return "graph_doc"
    return f"graph_{name}" if name in LAYOUT_GRAPHS else "graph_other"


def graph_rows(view: View, lang: str) -> list[dict[str, Any]]:
    """Every named graph of the dataset under our base, the layout's first, with its size."""
    sizes = entities.graph_sizes(view.store)
    rows = []
    for iri, size in sizes.items():
        name = entities.graph_name(view.base, iri)
        if name is None:
            continue
        rows.append({"iri": iri, "name": name, "shown": unquote(name), "size": size, "link": f"/page/graph/{name}",
                     "about": text(graph_about(name), lang)})
    order = {n: i for i, n in enumerate(LAYOUT_GRAPHS)}
    rows.sort(key=lambda r: (order.get(r["name"], len(order)), r["name"]))
    return rows


@router.get("/page/dataset", response_class=HTMLResponse)
def dataset_page(request: Request) -> HTMLResponse:
    """What ``{base}dataset`` names, for people: its size, its graphs, where to get it whole."""
    lang = interface_language(request)
    view = page_view(request, lang)
    version = view.store.version()
    when = version_time(version)
    graphs = graph_rows(view, lang)
    return render(request, "dataset.html", lang, iri=view.base + "dataset", graphs=graphs,
                  total=sum(g["size"] for g in graphs), version=version,
                  modified=when.isoformat(timespec="seconds").replace("+00:00", "Z") if when else None)


@router.get("/page/graph/{name:path}", response_class=HTMLResponse)
def graph_page(request: Request, name: str) -> HTMLResponse:
    """A named graph for people: what it holds, how big it is, its classes, what is said about
    it (a document's graph: which run wrote it) and its content in every RDF format."""
    lang = interface_language(request)
    view = page_view(request, lang)
    raw = _raw_rest(request, "/page/graph/")
    try:
        graph = ox.NamedNode(view.base + "graph/" + raw)
    except ValueError:
        return render(request, "not_found.html", lang, status=404)
    size = entities.graph_size(view.store, graph) if raw else 0
    if not size and raw not in LAYOUT_GRAPHS:
        return render(request, "not_found.html", lang, status=404)
    classes = entities.graph_classes(view.store, graph)
    nb = entities.neighbourhood(view.store, graph, cap=view.settings.page_size)
    view.load([o.value for _, o in nb.out if isinstance(o, ox.NamedNode)])
    about = [{"property": prop_ref(p, lang),
              "value": view.ref(o.value) if isinstance(o, ox.NamedNode) else None,
              "text": None if isinstance(o, ox.NamedNode) else getattr(o, "value", str(o))} for p, o in nb.out]
    document = None
    if raw.startswith(DOCUMENT_GRAPHS):
        work = entity_iri(view.base, "document", raw[len(DOCUMENT_GRAPHS):])
        document = view.ref(work.value) if work is not None else None
    return render(request, "graph.html", lang, iri=graph.value, name=raw, shown=unquote(raw), size=size,
                  about_text=text(graph_about(raw), lang),
                  classes=[{"iri": c, "label": entities.curie(c), "count": n} for c, n in classes],
                  about=about, document=document, data=entities.graph_data_links(view.base, graph.value))


def _links_nav(request: Request, data: dict, out_offset: int, in_offset: int) -> dict:
    """The next and previous pages of a resource's outgoing and incoming links."""
    return {
        "out_next": page_query(request, out_offset=data["outgoing"]["next_offset"])
        if data["outgoing"]["next_offset"] is not None else None,
        "out_prev": page_query(request, out_offset=max(0, out_offset - data["outgoing"]["limit"])) if out_offset else None,
        "in_next": page_query(request, in_offset=data["incoming"]["next_offset"])
        if data["incoming"]["next_offset"] is not None else None,
        "in_prev": page_query(request, in_offset=max(0, in_offset - data["incoming"]["limit"])) if in_offset else None,
    }


def provenance_page(request: Request, view: View, lang: str, kind: str, slug: str, in_offset: int,
                    out_offset: int) -> HTMLResponse:
    """An ingest run or the software that ran it (``/id/run/…``, ``/id/software/…``): what the
    provenance graph says of it, and what points to it (the graphs and annotations a run made)."""
    iri = entities.provenance_iri(view.base, kind, slug)
    nb = entities.neighbourhood(view.store, iri) if iri is not None else None
    if iri is None or nb is None or not nb.exists:
        return render(request, "not_found.html", lang, status=404)
    data = entity_view(view, iri, out_offset=out_offset, in_offset=in_offset, nb=nb)
    return render(request, "resource.html", lang, e=data, nav=_links_nav(request, data, out_offset, in_offset),
                  kind_name=text("kind_" + kind, lang))


@router.get("/page/{kind}/{slug}", response_class=HTMLResponse)
def entity_page(request: Request, kind: str, slug: str, in_offset: int = Query(0, ge=0),
                out_offset: int = Query(0, ge=0), mentions_offset: int = Query(0, ge=0),
                x_offset: int = Query(0, ge=0)) -> HTMLResponse:
    lang = interface_language(request)
    view = page_view(request, lang)
    if kind in entities.PROVENANCE_KINDS:
        return provenance_page(request, view, lang, kind, slug, in_offset, out_offset)
    moved = curation.moved(view.store, view.base, kind, slug)
    if moved is not None:  # merged by a curator into another entity
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/page/{moved}{query}", status_code=301,  # type: ignore[return-value]
                                headers={"Cache-Control": "no-cache"})  # (a merge can be undone)
    key = answer_key(request.scope["path"], request.query_params.multi_items(), lang, view.base, view.store.version())
    cached = PAGES.get(key)
    if cached is not None:
        return respond(request, cached.body.decode("utf-8"), lang, cached.status)
    response = _entity_page(request, view, lang, kind, slug, in_offset, out_offset, mentions_offset, x_offset)
    PAGES.put(key, bytes(response.body), response.status_code)
    return response


def _entity_page(request: Request, view: View, lang: str, kind: str, slug: str, in_offset: int, out_offset: int,
                 mentions_offset: int, x_offset: int) -> HTMLResponse:
    iri = entity_iri(view.base, kind, slug) if kind in KINDS else None
    nb = entities.neighbourhood(view.store, iri) if iri is not None else None
    if iri is None or nb is None or not nb.exists:
        return render(request, "not_found.html", lang, status=404)
    # The entity's own cross-border pairs, read from its end until the whole-graph result (computed
    # in the background once per version) is ready: the first view after a write stays fast.
    version = view.store.version()
    pairs = crossborder.pairs_for(view.store, view.base, iri.value)
    data = entity_view(view, iri, out_offset=out_offset, in_offset=in_offset, mentions_offset=mentions_offset, nb=nb)
    across = crossborder_view(view, pairs, version, x_offset, view.settings.page_size)
    names = {code: data["labels"].get(code, []) for code in i18n.LANGUAGES}
    others = {code: group for code, group in data["labels"].items() if code not in i18n.LANGUAGES}
    nav = {
        **_links_nav(request, data, out_offset, in_offset),
        "m_next": page_query(request, mentions_offset=data["mentions"]["next_offset"])
        if data["mentions"]["next_offset"] is not None else None,
        "x_next": page_query(request, x_offset=across["next_offset"]) if across["next_offset"] is not None else None,
    }
    return render(request, "entity.html", lang, e=data, names=names, other_names=others, across=across, nav=nav,
                  kind_name=i18n.t("kind_" + kind, lang))


@router.get("/page", include_in_schema=False)
def page_root() -> RedirectResponse:
    return RedirectResponse("/", status_code=307)
