"""``/api/events``: events with filters and paging, one event with every report, map points and per-day counts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from rasd.api import queries as q
from rasd.api.deps import ConnDep, FiltersDep, page_body
from rasd.api.errors import ApiError
from rasd.api.schemas import DailyCounts, ErrorBody, EventDetail, EventPage

router = APIRouter(prefix="/api", tags=["events"], responses={400: {"model": ErrorBody}})


@router.get("/events", response_model=EventPage, summary="Events matching the filters, newest first")
def list_events(request: Request, conn: ConnDep, f: FiltersDep) -> dict[str, Any]:
    """Events (each counted once however many reports it has) with actors, places and the first evidence."""
    return page_body(request, f, q.count_events(conn, f), q.list_events(conn, f))


@router.get(
    "/events/{event_id}",
    response_model=EventDetail,
    responses={404: {"model": ErrorBody}},
    summary="One event with every report of it",
)
def get_event(event_id: str, conn: ConnDep) -> dict[str, Any]:
    """The event and each report: article, source, evidence, trigger, participants and why it was merged."""
    if len(event_id) > 80:
        raise ApiError(400, "event_id: at most 80 characters")
    ev = q.get_event(conn, event_id)
    if ev is None:
        raise ApiError(404, f"no event {event_id!r}")
    return ev


@router.get("/map", summary="Events per place, as GeoJSON points")
def map_points(conn: ConnDep, f: FiltersDep) -> dict[str, Any]:
    """One point per place with the number of matching events of each type (paging does not apply).

    ``reference`` (a foreign member) lists the province seats of the country with the most events,
    as landmarks for a map drawn without tiles.
    """
    from collections import Counter

    from rasd.web.i18n import province_seats

    fc = q.map_points(conn, f)
    by_country = Counter(ft["properties"]["country"] for ft in fc["features"] for _ in range(ft["properties"]["count"]))
    by_country.pop(None, None)
    top = by_country.most_common(1)
    fc["reference"] = province_seats({top[0][0]}) if top else []
    return fc


@router.get("/counts/daily", response_model=DailyCounts, summary="Events per day and type (time series)")
def daily_counts(conn: ConnDep, f: FiltersDep) -> dict[str, Any]:
    """Matching events per day (their first date) and type; paging does not apply."""
    return {"items": q.daily_counts(conn, f)}
