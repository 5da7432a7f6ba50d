"""``/api/curation``: curators correct what extraction got wrong (see :mod:`graph_api.curation`).

Reading the decisions is public, as the decisions graph is; making or undoing one needs the write
token (``Authorization: Bearer …``), like every other write. Each write opens the store
writable for that one update, so the running service and its readers see the corrected data
on their next request.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from graph_api import curation
from graph_api.bootstrap import load_static_graphs
from graph_api.sparql import HttpProblem, _write, check_token
from ingest.vocab import Graphs

router = APIRouter(prefix="/api/curation", tags=["curation"])


class MergeIn(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    source: str = Field(alias="from", description="IRI of the duplicate; its statements move to `into`.")
    into: str = Field(description="IRI of the entity kept (same kind).")
    note: str = Field("", max_length=2000, description="Why: shown with the decision.")


class RetractionIn(BaseModel):
    subject: str = Field(description="IRI of the statement's subject.")
    predicate: str = Field(description="IRI of its property (the finer and coarser properties of the same "
                                       "fact go with it).")
    object: str | None = Field(None, description="IRI of its object …")
    literal: dict[str, str] | None = Field(None, description="… or a literal: value, and language or datatype.")
    note: str = Field("", max_length=2000)


class RejectionIn(BaseModel):
    entity: str = Field(description="IRI of the entity that is not there.")
    document: str | None = Field(None, description="The document (IRI or file name) that does not mention "
                                                   "it; leave out to reject it everywhere.")
    note: str = Field("", max_length=2000)


class DecisionList(BaseModel):
    items: list[dict[str, Any]]


def _authorised(request: Request) -> None:
    try:
        check_token(request)
    except HttpProblem as p:
        raise HTTPException(p.status, detail=p.message, headers=p.headers) from None


def _decide(request: Request, plan: Any) -> dict[str, Any]:
    """Plan a decision on the writable store and apply it there, in one write."""
    _authorised(request)
    settings = request.app.state.settings
    graphs = Graphs(settings.base_iri)

    def action(st: Any) -> dict[str, Any]:
        decision = plan(st, graphs)
        curation.apply(st, graphs, decision)
        return decision.summary()

    try:
        return _write(settings, action)
    except curation.CurationError as e:
        raise HTTPException(e.status, detail=str(e)) from None
    except HttpProblem as p:
        raise HTTPException(p.status, detail=p.message, headers=p.headers) from None


@router.get("", response_model=DecisionList, summary="Every curation decision, oldest first")
def list_decisions(request: Request) -> dict[str, Any]:
    store = request.app.state.stores.get()
    graphs = Graphs(request.app.state.settings.base_iri)
    return {"items": [d.summary() for d in curation.read_decisions(store, graphs)]}


@router.post("/merges", status_code=201, summary="Merge a duplicate entity into another (bearer token)")
def merge(request: Request, body: MergeIn) -> dict[str, Any]:
    return _decide(request, lambda st, graphs: curation.plan_merge(st, graphs, body.source, body.into, body.note))


@router.post("/retractions", status_code=201, summary="Retract a wrong statement (bearer token)")
def retract(request: Request, body: RetractionIn) -> dict[str, Any]:
    def plan(st: Any, graphs: Graphs) -> curation.Decision:
        s, p, o = curation.statement_terms(body.subject, body.predicate, body.object, body.literal)
        return curation.plan_retraction(st, graphs, curation.Properties.read(st, graphs), s, p, o, body.note)
    return _decide(request, plan)


@router.post("/rejections", status_code=201, summary="Reject an entity found in a document, or everywhere "
                                                      "(bearer token)")
def reject(request: Request, body: RejectionIn) -> dict[str, Any]:
    def plan(st: Any, graphs: Graphs) -> curation.Decision:
        doc = body.document
        if doc is not None and not doc.startswith(graphs.base):
            if "://" in doc or "/" in doc:
                raise curation.CurationError(400, f"document: {doc} is not a document of this dataset "
                                                  f"({graphs.base}id/document/NAME, or the file name)")
            doc = graphs.work(doc).value  # a file name
        return curation.plan_rejection(st, graphs, body.entity, doc, body.note)
    return _decide(request, plan)


@router.delete("/{decision_id}", summary="Undo a decision; the documents it touched are read again on the "
                                         "next ingest (bearer token)")
def undo(request: Request, decision_id: str) -> dict[str, Any]:
    _authorised(request)
    settings = request.app.state.settings
    graphs = Graphs(settings.base_iri)
    def action(st: Any) -> tuple[curation.Decision, list[str]]:
        decision, names = curation.undo(st, graphs, decision_id)
        load_static_graphs(st, settings)  # the authority graph, if the decision changed it, at once
        return decision, names

    try:
        decision, names = _write(settings, action)
    except curation.CurationError as e:
        raise HTTPException(e.status, detail=str(e)) from None
    except HttpProblem as p:
        raise HTTPException(p.status, detail=p.message, headers=p.headers) from None
    return {"undone": decision.summary(), "ingest_again": names,
            "message": "run `shekara ingest` to read these documents again" if names else ""}
