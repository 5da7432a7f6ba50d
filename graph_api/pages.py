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
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from graph_api import crossborder, curation, entities, i18n
from graph_api.answer_cache import PAGES, answer_key
from graph_api.api import (View, crossborder_view, document_view, entity_view, geo_view, search_index,
                           settings_of, store_of, timeline_view)
from graph_api.entities import entity_iri
from graph_api.labels import ALT, LABEL, PREF, Label, language_chain, pick
from ingest.vocab import KINDS

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).parent / "templates"
env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True))
COOKIE = "lang"


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
        lang=lang, t=lambda key: i18n.t(key, lang), lang_links=lang_links(request), q=context.pop("q", ""),
        **context)
    return respond(request, html, lang, status)


def respond(request: Request, html: str, lang: str, status: int = 200) -> HTMLResponse:
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    response.headers["Content-Language"] = lang
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
    return render(request, "document.html", lang, doc=doc, segments=segments(doc["text"] or "", doc["mentions"]))


@router.get("/page/{kind}/{slug}", response_class=HTMLResponse)
def entity_page(request: Request, kind: str, slug: str, in_offset: int = Query(0, ge=0),
                out_offset: int = Query(0, ge=0), mentions_offset: int = Query(0, ge=0),
                x_offset: int = Query(0, ge=0)) -> HTMLResponse:
    lang = interface_language(request)
    view = page_view(request, lang)
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
        "out_next": page_query(request, out_offset=data["outgoing"]["next_offset"])
        if data["outgoing"]["next_offset"] is not None else None,
        "out_prev": page_query(request, out_offset=max(0, out_offset - data["outgoing"]["limit"])) if out_offset else None,
        "in_next": page_query(request, in_offset=data["incoming"]["next_offset"])
        if data["incoming"]["next_offset"] is not None else None,
        "in_prev": page_query(request, in_offset=max(0, in_offset - data["incoming"]["limit"])) if in_offset else None,
        "m_next": page_query(request, mentions_offset=data["mentions"]["next_offset"])
        if data["mentions"]["next_offset"] is not None else None,
        "x_next": page_query(request, x_offset=across["next_offset"]) if across["next_offset"] is not None else None,
    }
    return render(request, "entity.html", lang, e=data, names=names, other_names=others, across=across, nav=nav,
                  kind_name=i18n.t("kind_" + kind, lang))


@router.get("/page", include_in_schema=False)
def page_root() -> RedirectResponse:
    return RedirectResponse("/", status_code=307)
