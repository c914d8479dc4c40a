"""Shared dependencies of the routes: settings, one read connection per request, filter parsing, write token."""

from __future__ import annotations

import datetime as dt
import hmac
import re
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request
from sqlalchemy import Connection

from rasd.api.errors import ApiError
from rasd.api.queries import PLOVER_TYPES, STATUSES, Filters
from rasd.api.settings import ApiSettings

_ACTOR = re.compile(r"^[A-Z]{3}(:[A-Z]{3})?$")
_SECTOR = re.compile(r"^[A-Z]{3}$")
_ADMIN1 = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_METRIC = re.compile(r"^[a-z_]{1,40}(:\w{1,40})?$")
MAX_TEXT = 200
MAX_SOURCE = 200


def get_settings(request: Request) -> ApiSettings:
    """The settings the app was created with."""
    return request.app.state.settings  # type: ignore[no-any-return]


def get_conn(request: Request) -> Iterator[Connection]:
    """One read connection of the app's store for the request, closed after it."""
    with request.app.state.store.connect() as conn:
        yield conn


def _day(name: str, value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"{name}: not a date (YYYY-MM-DD): {value!r}") from None


def parse_filters(
    settings: ApiSettings,
    *,
    type: list[str] | None = None,
    actor: str | None = None,
    sector: str | None = None,
    admin1: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    text: str | None = None,
    source: str | None = None,
    status: str | None = None,
    metric: str | None = None,
    min_report_score: float | str | None = None,
    limit: int | None = None,
    offset: int = 0,
    max_limit: int | None = None,
) -> Filters:
    """Check raw filter values and build :class:`~rasd.api.queries.Filters`.

    Raises:
        ApiError: 400 with every problem named (parameter, value, what is expected).
    """
    errors: list[str] = []
    types: list[str] = []
    for raw in type or []:
        for t in raw.split(","):
            t = t.strip().upper()
            if not t:
                continue
            if t not in PLOVER_TYPES:
                errors.append(f"type: unknown event type {t!r}; expected one of {', '.join(PLOVER_TYPES)}")
            else:
                types.append(t)

    def check(name: str, value: str | None, pattern: re.Pattern[str], expected: str) -> str | None:
        if value is None or value == "":
            return None
        v = value.strip().upper() if name != "metric" else value.strip()
        if not pattern.match(v):
            errors.append(f"{name}: {value!r} is not {expected}")
            return None
        return v

    actor_v = check("actor", actor, _ACTOR, "an actor code (SYR) or CODE:SECTOR (SYR:MIL)")
    sector_v = check("sector", sector, _SECTOR, "a sector code such as MIL, GOV, REB, CVL")
    admin1_v = check("admin1", admin1, _ADMIN1, "a province code (ISO 3166-2) such as SY-ID")
    metric_v = check("metric", metric, _METRIC, "a metric such as killed or ceasefire_violations")
    d_from = d_to = None
    try:
        d_from = _day("date_from", date_from)
    except ApiError as e:
        errors.append(e.message)
    try:
        d_to = _day("date_to", date_to)
    except ApiError as e:
        errors.append(e.message)
    if d_from and d_to and d_from > d_to:
        errors.append(f"date_from ({d_from}) is after date_to ({d_to})")
    for name, value in (("text", text), ("source", source)):
        if value is not None and "\x00" in value:
            errors.append(f"{name}: contains a NUL character")
    if text is not None and len(text) > MAX_TEXT:
        errors.append(f"text: at most {MAX_TEXT} characters (got {len(text)})")
    if source is not None and len(source) > MAX_SOURCE:
        errors.append(f"source: at most {MAX_SOURCE} characters")
    status_v: str | None = "asserted"
    if status:
        s = status.strip().lower()
        if s == "all":
            status_v = None
        elif s in STATUSES:
            status_v = s
        else:
            errors.append(f"status: {status!r} is not one of {', '.join(STATUSES)}, all")
    score_v: float | None = None
    if isinstance(min_report_score, str) and min_report_score.strip() == "":
        min_report_score = None  # the page's "any"
    if min_report_score is not None:
        try:
            score_v = float(min_report_score)
        except ValueError:
            errors.append(f"min_report_score: not a number: {min_report_score!r}")
        else:
            if not 0.0 <= score_v <= 1.0:  # also refuses nan
                errors.append(f"min_report_score: must be between 0 and 1 (got {min_report_score})")
                score_v = None
    top = max_limit or settings.max_limit
    lim = settings.default_limit if limit is None else limit
    if lim < 1 or lim > top:
        errors.append(f"limit: must be between 1 and {top} (got {lim})")
    if offset < 0:
        errors.append(f"offset: must be 0 or more (got {offset})")
    if errors:
        raise ApiError(400, errors[0] if len(errors) == 1 else "; ".join(errors), errors)
    return Filters(
        type=tuple(dict.fromkeys(types)),
        actor=actor_v,
        sector=sector_v,
        admin1=admin1_v,
        date_from=d_from,
        date_to=d_to,
        text=text.strip() or None if text else None,
        source=source.strip() or None if source else None,
        status=status_v,
        metric=metric_v,
        min_report_score=score_v,
        limit=lim,
        offset=offset,
    )


class FilterParams:
    """The dependency that reads and checks a listing's filter parameters.

    Args:
        export: Exports: the page size defaults to, and may reach, the configured export maximum.
    """

    def __init__(self, *, export: bool = False) -> None:
        self.export = export

    def __call__(
        self,
        settings: Annotated[ApiSettings, Depends(get_settings)],
        type: Annotated[
            list[str] | None,
            Query(description="PLOVER event type(s): repeat or separate by commas (ASSAULT,PROTEST)."),
        ] = None,
        actor: Annotated[
            str | None,
            Query(description="Actor code (SYR) or CODE:SECTOR (SYR:MIL): actor, recipient, speaker, reporter."),
        ] = None,
        sector: Annotated[str | None, Query(description="Actor sector (MIL, GOV, REB, CVL ...).")] = None,
        admin1: Annotated[str | None, Query(description="Province, ISO 3166-2 (SY-ID).")] = None,
        date_from: Annotated[str | None, Query(description="On or after this day (YYYY-MM-DD).")] = None,
        date_to: Annotated[str | None, Query(description="On or before this day (YYYY-MM-DD).")] = None,
        text: Annotated[
            str | None, Query(description="Words that must all occur in the article (Arabic, normalised).")
        ] = None,
        source: Annotated[str | None, Query(description="Source (news outlet) name, as /api/facets lists.")] = None,
        status: Annotated[
            str | None, Query(description="Event status: asserted (default), negated, future, hypothetical or all.")
        ] = None,
        min_report_score: Annotated[
            str | None,
            Query(description="Only events whose best report score (salience model) is at least this (0-1), "
                  "or that have none (types it has no model of)."),
        ] = None,
        limit: Annotated[int | None, Query(description="Page size (at most the configured maximum).")] = None,
        offset: Annotated[int, Query(description="Rows to skip (paging).")] = 0,
    ) -> Filters:
        """The checked filters (400 with a message naming each bad parameter)."""
        if self.export and limit is None:
            limit = settings.max_export
        return parse_filters(
            settings,
            type=type,
            actor=actor,
            sector=sector,
            admin1=admin1,
            date_from=date_from,
            date_to=date_to,
            text=text,
            source=source,
            status=status,
            min_report_score=min_report_score,
            limit=limit,
            offset=offset,
            max_limit=settings.max_export if self.export else None,
        )


def check_metric(metric: str | None) -> str | None:
    """A checked aggregate metric (``None`` when not given).

    Raises:
        ApiError: 400 when it is not a metric name.
    """
    if metric is None or metric == "":
        return None
    if not _METRIC.match(metric.strip()):
        raise ApiError(400, f"metric: {metric!r} is not a metric such as killed or ceasefire_violations")
    return metric.strip()


def require_token(
    settings: Annotated[ApiSettings, Depends(get_settings)],
    authorization: Annotated[str | None, Header(description="Bearer <write token>")] = None,
) -> None:
    """Refuse the request unless writes are enabled and it carries the configured bearer token."""
    if settings.read_only:
        raise ApiError(403, "this server is read-only: writes need a write token in its configuration")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), (settings.write_token or "").encode()):
        raise ApiError(401, "a valid write token is needed: send 'Authorization: Bearer <token>'")


def page_body(request: Request, f: Filters, total: int, items: list[Any]) -> dict[str, Any]:
    """The body of every listing: ``total, limit, offset, next`` (path of the next page or null) and ``items``."""
    nxt = None
    if f.offset + f.limit < total:
        url = request.url.include_query_params(offset=f.offset + f.limit, limit=f.limit)
        nxt = f"{url.path}?{url.query}"  # relative: never built from the request's Host header
    return {"total": total, "limit": f.limit, "offset": f.offset, "next": nxt, "items": items}


SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
ConnDep = Annotated[Connection, Depends(get_conn)]
FiltersDep = Annotated[Filters, Depends(FilterParams())]
ExportFiltersDep = Annotated[Filters, Depends(FilterParams(export=True))]
