"""The researchers' query library over HTTP: ``GET /api/queries`` and ``/api/queries/{name}``.

Each ``queries/*.rq`` file starts with a comment header::

    # title: Libraries of each country with their namesakes
    # description: …
    # param: ?country (iri) — the country, e.g. <…/id/place/kazakhstan>

The header is read leniently (``?name`` or ``name``, the type in parentheses optional — default
``literal`` —, any of ``—``, ``–``, ``-``, ``:`` before the description). Parameter values never
enter the query text by concatenation: the embedded backend binds them with pyoxigraph
substitutions; for a remote SPARQL server, which has no such mechanism, they are written as a
``VALUES`` block by :func:`sparql_term`, which accepts only values it can escape completely.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from graph_api.query_exec import query_form
from graph_api.store.base import QuerySyntaxError

PARAM_TYPES = ("iri", "literal", "lang", "year")
XSD = "http://www.w3.org/2001/XMLSchema#"

_HEADER = re.compile(r"^\s*#\s*(title|description|param)\s*:\s*(.*)$", re.IGNORECASE)
_PARAM = re.compile(
    r"^[?$]?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<type>[A-Za-z]+)\))?\s*(?:(?:—|–|--|-|:)\s*)?(?P<text>.*)$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

router = APIRouter()


@dataclass
class Parameter:
    name: str
    type: str = "literal"
    description: str = ""


@dataclass
class StoredQuery:
    name: str
    title: str
    description: str
    parameters: list[Parameter] = field(default_factory=list)
    text: str = ""

    def summary(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "description": self.description,
                "parameters": [p.__dict__ for p in self.parameters]}


def parse_query_file(path: Path) -> StoredQuery:
    """Read one ``.rq`` file's header; missing fields get harmless defaults."""
    text = path.read_text(encoding="utf-8")
    title = ""
    description: list[str] = []
    params: list[Parameter] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break  # the header ends with the first line of SPARQL
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            pm = _PARAM.match(value)
            if pm:
                ptype = (pm.group("type") or "literal").lower()
                params.append(Parameter(pm.group("name"), ptype if ptype in PARAM_TYPES else "literal",
                                        pm.group("text").strip()))
    return StoredQuery(path.stem, title or path.stem.replace("-", " ").replace("_", " "),
                       " ".join(description), params, text)


def list_queries(folder: Path) -> list[StoredQuery]:
    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.glob("*.rq")):
        try:
            out.append(parse_query_file(p))
        except (OSError, UnicodeDecodeError):
            continue
    return out


def find_query(folder: Path, name: str) -> StoredQuery | None:
    name = name[:-3] if name.endswith(".rq") else name
    if not _NAME.match(name):
        return None
    p = folder / f"{name}.rq"
    return parse_query_file(p) if p.is_file() else None


# --- binding values ------------------------------------------------------------------------------
class ParameterError(ValueError):
    """A parameter value that does not fit its declared type."""


_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_YEAR = re.compile(r"^-?\d{4}$")


def to_term(value: str, ptype: str) -> ox.NamedNode | ox.Literal:
    """Turn a request value into an RDF term of the declared type, or refuse it."""
    if ptype == "iri":
        v = value.strip()
        if v.startswith("<") and v.endswith(">"):
            v = v[1:-1]
        if not v or _IRI_FORBIDDEN.search(v) or ":" not in v:
            raise ParameterError(f"not an absolute IRI: {value!r}")
        try:
            return ox.NamedNode(v)
        except ValueError as e:
            raise ParameterError(f"not an absolute IRI: {value!r} ({e})") from e
    if ptype == "lang":
        if not _LANG.match(value):
            raise ParameterError(f"not a language tag: {value!r}")
        return ox.Literal(value.lower())
    if ptype == "year":
        if not _YEAR.match(value.strip()):
            raise ParameterError(f"not a year (four digits): {value!r}")
        return ox.Literal(value.strip(), datatype=ox.NamedNode(XSD + "gYear"))
    return ox.Literal(value)


def escape_string(value: str) -> str:
    """A SPARQL string literal body: every character that could end or bend it is escaped."""
    out = []
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def escape_iri(value: str) -> str:
    """``<iri>`` — refusing what an IRIREF may not hold instead of trying to repair it."""
    if _IRI_FORBIDDEN.search(value):
        raise ParameterError(f"character not allowed in an IRI: {value!r}")
    return f"<{value}>"


def sparql_term(term: ox.NamedNode | ox.Literal) -> str:
    """The SPARQL syntax of a term, strictly escaped (for backends without substitutions)."""
    if isinstance(term, ox.NamedNode):
        return escape_iri(term.value)
    if isinstance(term, ox.Literal):
        body = escape_string(term.value)
        if term.language:
            if not _LANG.match(term.language):
                raise ParameterError(f"bad language tag {term.language!r}")
            return f"{body}@{term.language}"
        if term.datatype.value == XSD + "string":
            return body
        return f"{body}^^{escape_iri(term.datatype.value)}"
    raise ParameterError(f"cannot bind {term!r}")


def _skip_noise(text: str, i: int) -> int:
    """Index after the string, IRI or comment starting at ``i`` (or ``i`` itself)."""
    ch = text[i]
    if ch == "#":
        j = text.find("\n", i)
        return len(text) if j < 0 else j
    if ch == "<":
        j = i + 1
        while j < len(text) and text[j] not in "<>\"{}|^`\\ \t\r\n":
            j += 1
        if j < len(text) and text[j] == ">":
            return j + 1
        return i  # a comparison operator, not an IRI
    if ch in "\"'":
        long = text.startswith(ch * 3, i)
        quote = ch * 3 if long else ch
        j = i + len(quote)
        while j < len(text):
            if text[j] == "\\":
                j += 2
                continue
            if text.startswith(quote, j):
                return j + len(quote)
            j += 1
        return len(text)
    return i


def bind_values(query: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """Bind variables with a ``VALUES`` block at the start of the query's WHERE group.

    The WHERE group is the first top-level ``{`` — or, in a CONSTRUCT with a template, the
    second. Strings, IRIs and comments are skipped while scanning, so braces inside them do not
    count. The values come from :func:`sparql_term` only.
    """
    if not bindings:
        return query
    names = " ".join(f"?{n}" for n in bindings)
    row = " ".join(sparql_term(t) for t in bindings.values())
    block = f" VALUES ({names}) {{ ({row}) }} "
    opens: list[int] = []
    depth = 0
    i = 0
    while i < len(query):
        j = _skip_noise(query, i)
        if j != i:
            i = j
            continue
        if query[i] == "{":
            if depth == 0:
                opens.append(i)
            depth += 1
        elif query[i] == "}":
            depth -= 1
        i += 1
    if not opens:
        raise ParameterError("the query has no WHERE group to bind parameters in")
    head = re.sub(r"#[^\n]*", "", query[:opens[0]])
    is_construct = re.search(r"\bCONSTRUCT\b", head, re.IGNORECASE) is not None
    target = opens[1] if is_construct and len(opens) > 1 else opens[0]
    return query[:target + 1] + block + query[target + 1:]


def bind_request(stored: StoredQuery, values: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """Typed terms for the declared parameters that the request gave; unknown names are refused."""
    declared = {p.name: p for p in stored.parameters}
    unknown = [k for k in values if k not in declared]
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(sorted(unknown))}; "
                             f"this query takes {', '.join(declared) or 'none'}")
    return {k: to_term(v, declared[k].type) for k, v in values.items()}


# --- HTTP ----------------------------------------------------------------------------------------
_RESERVED = {"format"}


@router.get("/api/queries", tags=["queries"], summary="The documented SPARQL queries of queries/")
async def queries_index(request: Request) -> JSONResponse:
    settings = request.app.state.settings
    return JSONResponse([q.summary() for q in list_queries(settings.queries)])


@router.get("/api/queries/{name}", tags=["queries"], operation_id="run_stored_query_get",
            summary="Run one stored query with its parameters bound safely")
@router.post("/api/queries/{name}", tags=["queries"], operation_id="run_stored_query_post",
             summary="Run one stored query with its parameters bound safely (form or JSON body)")
async def run_stored_query(name: str, request: Request) -> Response:
    from graph_api.sparql import execute_for_request

    settings = request.app.state.settings
    stored = find_query(settings.queries, name)
    if stored is None:
        return PlainTextResponse(f"no query named {name!r} in queries/", status_code=404)
    values: dict[str, str] = {k: v for k, v in request.query_params.items() if k not in _RESERVED}
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/x-www-form-urlencoded":
            from graph_api.sparql import read_form

            try:
                form = await read_form(request, settings.max_request_bytes)
            except ValueError as e:
                return PlainTextResponse(str(e), status_code=413)
            values.update({k: v[-1] for k, v in form.items() if k not in _RESERVED})
        elif ctype == "application/json":
            import orjson

            body = await request.body()
            if len(body) > settings.max_request_bytes:
                return PlainTextResponse("request body too large", status_code=413)
            try:
                data = orjson.loads(body or b"{}")
            except orjson.JSONDecodeError as e:
                return PlainTextResponse(f"bad JSON: {e}", status_code=400)
            if not isinstance(data, dict):
                return PlainTextResponse("JSON body must be an object of parameter values", status_code=400)
            values.update({str(k): str(v) for k, v in data.items()})
    try:
        bindings = bind_request(stored, values)
        text, subs = prepare(stored.text, bindings)
    except ParameterError as e:
        return PlainTextResponse(str(e), status_code=400)
    except QuerySyntaxError as e:
        return PlainTextResponse(f"the stored query {name!r} does not parse: {e}", status_code=500)
    return await execute_for_request(request, text, substitutions=subs)


def prepare(text: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> tuple[str, dict[str, Any] | None]:
    """Choose how to bind: pyoxigraph substitutions when the query allows them, else VALUES.

    pyoxigraph substitutes only variables of the top-level projection, so a parameter used
    only inside the WHERE clause (or under an aggregate) is bound by :func:`bind_values`.
    """
    if not bindings:
        query_form(text)
        return text, None
    try:
        query_form(text, bindings)
        return text, bindings
    except QuerySyntaxError:
        query_form(text)  # a real syntax error is raised here
    bound = bind_values(text, bindings)
    query_form(bound)
    return bound, None
