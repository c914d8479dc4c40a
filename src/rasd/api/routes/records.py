"""``/api/statements`` and ``/api/aggregates``: who said what, and the counts sources report (side by side)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from rasd.api import record_queries as rq
from rasd.api.deps import ConnDep, FiltersDep, check_metric, page_body
from rasd.api.schemas import AggregatePage, ErrorBody, StatementPage
from rasd.store.queries import aggregates_side_by_side

router = APIRouter(prefix="/api", responses={400: {"model": ErrorBody}})

MetricQuery = Annotated[str | None, Query(description="Metric: killed, ceasefire_violations, displaced ...")]


@router.get("/statements", response_model=StatementPage, tags=["statements"], summary="Statements (who said what)")
def list_statements(request: Request, conn: ConnDep, f: FiltersDep) -> dict[str, Any]:
    """Statements; ``actor``/``sector`` filter the speaker, dates the statement's (else the article's) day."""
    total, items = rq.list_statements(conn, f)
    return page_body(request, f, total, items)


@router.get("/aggregates", response_model=AggregatePage, tags=["aggregates"], summary="Counts reported by sources")
def list_aggregates(request: Request, conn: ConnDep, f: FiltersDep, metric: MetricQuery = None) -> dict[str, Any]:
    """One row per reported count; ``actor``/``sector`` filter the reporter, dates the article's day."""
    f = replace(f, metric=check_metric(metric))
    total, items = rq.list_aggregates(conn, f)
    return page_body(request, f, total, items)


@router.get("/aggregates/side-by-side", tags=["aggregates"], summary="Counts grouped by metric, day and province")
def side_by_side(conn: ConnDep, f: FiltersDep, metric: MetricQuery = None) -> dict[str, Any]:
    """Per (metric, day, provinces) every reporter's figure next to the others': never added up."""
    items = aggregates_side_by_side(
        conn, metric=check_metric(metric), admin1=f.admin1, day_from=f.date_from, day_to=f.date_to
    )
    return {"items": items}
