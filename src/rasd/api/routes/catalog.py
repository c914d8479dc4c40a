"""``/api/actors``, ``/api/places`` and ``/api/facets``: who and where, and the values the filters accept."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from rasd.api import record_queries as rq
from rasd.api.deps import ConnDep, FiltersDep, page_body
from rasd.api.schemas import ActorPage, ErrorBody, Facets, PlacePage

router = APIRouter(prefix="/api", responses={400: {"model": ErrorBody}})


@router.get("/actors", response_model=ActorPage, tags=["actors"], summary="Coded actors")
def list_actors(request: Request, conn: ConnDep, f: FiltersDep) -> dict[str, Any]:
    """Actors (``actor`` and ``sector`` filter them) with the number of events and statements of each."""
    total, items = rq.list_actors(conn, f)
    return page_body(request, f, total, items)


@router.get("/places", response_model=PlacePage, tags=["places"], summary="Resolved places")
def list_places(request: Request, conn: ConnDep, f: FiltersDep) -> dict[str, Any]:
    """Places (``admin1`` filters them) with coordinates and the number of events at each."""
    total, items = rq.list_places(conn, f)
    return page_body(request, f, total, items)


@router.get("/facets", response_model=Facets, tags=["meta"], summary="Values the filters accept")
def facets(conn: ConnDep) -> dict[str, Any]:
    """Event types, provinces with events, sources and aggregate metrics in the store."""
    return rq.facets(conn)
