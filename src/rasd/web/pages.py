"""The HTML pages: events (filters, map, timeline), one event and its reports, one article with highlighted
evidence, the daily bulletin and the API reference; each page reads the same queries as the JSON API."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from rasd import bulletin as bulletin_mod
from rasd.api import queries as q
from rasd.api import record_queries as rq
from rasd.api.deps import ConnDep, FiltersDep
from rasd.api.errors import ApiError
from rasd.api.routes.bulletin import bulletin_day
from rasd.export import FORMAT_NAMES
from rasd.web.highlight import Highlight, highlight, safe_href
from rasd.web.i18n import TYPE_COLOURS, check_lang, province_name, status_name, translator, type_name
from rasd.web.render import timeline

router = APIRouter(include_in_schema=False)

LangQuery = Annotated[str | None, Query(description="Interface language: ar or en.")]


def render(request: Request, template: str, lang: str | None, status: int = 200, **ctx: Any) -> HTMLResponse:
    """Render a page template with the shared context (language, labels, switch link, name helpers)."""
    lang = check_lang(lang)
    other = "en" if lang == "ar" else "ar"
    env = request.app.state.templates
    html = env.get_template(template).render(
        request=request,
        lang=lang,
        t=translator(lang),
        switch_url=_relative(request, lang=other),
        type_name=lambda k: type_name(k, lang),
        province_name=lambda k: province_name(k, lang),
        status_name=lambda k: status_name(k, lang),
        settings=request.app.state.settings,
        **ctx,
    )
    return HTMLResponse(html, status_code=status)


def _relative(request: Request, **params: Any) -> str:
    """The request's path and query with ``params`` set: a link that stays on this server."""
    url = request.url.include_query_params(**params)
    return url.path + ("?" + url.query if url.query else "")


def error_page(request: Request, status: int, message: str) -> Response:
    """The HTML page of an error (same message as the API's JSON error)."""
    return render(
        request, "error.html", request.query_params.get("lang"), status=status, status_code=status, message=message
    )


def _filters_query(request: Request) -> str:
    """The request's filters as a query string: without paging and language (for the map and export links)."""
    return urlencode([(k, v) for k, v in request.query_params.multi_items() if k not in ("offset", "limit", "lang")])


@router.get("/")
def home(lang: LangQuery = None) -> RedirectResponse:
    """The events page."""
    return RedirectResponse(f"/events?lang={check_lang(lang)}", status_code=307)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, conn: ConnDep, f: FiltersDep, lang: LangQuery = None) -> HTMLResponse:
    """Events with filters, a map of where they happened and a timeline of counts per day and type."""
    total = q.count_events(conn, f)
    items = q.list_events(conn, f)
    counts = q.daily_counts(conn, f)
    prev_url = next_url = None
    if f.offset > 0:
        prev_url = _relative(request, offset=max(0, f.offset - f.limit))
    if f.offset + f.limit < total:
        next_url = _relative(request, offset=f.offset + f.limit)
    types_present = sorted({c["type"] for c in counts})
    return render(
        request,
        "events.html",
        lang,
        f=f,
        total=total,
        items=items,
        facets=rq.facets(conn),
        chart=timeline(counts),
        legend=[(tp, TYPE_COLOURS[tp]) for tp in types_present],
        query=_filters_query(request),
        prev_url=prev_url,
        next_url=next_url,
        export_formats=FORMAT_NAMES,
    )


def _report_html(rep: dict[str, Any]) -> Any:
    ev = rep.get("evidence") or ""
    spans = []
    ts, te = rep.get("trigger_start"), rep.get("trigger_end")
    if ts is not None and te is not None:
        spans.append(Highlight(ts - rep["start"], te - rep["start"], "t", "trigger", rep.get("trigger") or ""))
    return highlight(ev, spans)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, request: Request, conn: ConnDep, lang: LangQuery = None) -> HTMLResponse:
    """One event: what, who, where, when, and every report of it with its evidence and merge reason."""
    ev = q.get_event(conn, event_id[:80])
    if ev is None:
        raise ApiError(404, f"no event {event_id!r}")
    for rep in ev["reports"]:
        rep["html"] = _report_html(rep)
    return render(request, "event.html", lang, ev=ev)


def _label_actor(a: dict[str, Any] | None) -> str:
    if not a:
        return "-"
    code = " ".join(x for x in (a.get("code"), a.get("sector")) if x)
    return f"{a.get('text') or ''} [{code}]" if code else (a.get("text") or "-")


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, conn: ConnDep, f: FiltersDep, lang: LangQuery = None) -> HTMLResponse:
    """Stored articles, newest first."""
    total, items = rq.list_articles(conn, f)
    next_url = _relative(request, offset=f.offset + f.limit) if f.offset + f.limit < total else None
    prev_url = _relative(request, offset=max(0, f.offset - f.limit)) if f.offset else None
    return render(
        request,
        "articles.html",
        lang,
        items=items,
        total=total,
        f=f,
        next_url=next_url,
        prev_url=prev_url,
        facets=rq.facets(conn),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: int, request: Request, conn: ConnDep, lang: LangQuery = None) -> HTMLResponse:
    """An article's text right to left with every extracted record highlighted at its offsets."""
    art = rq.get_article(conn, article_id)
    if art is None:
        raise ApiError(404, f"no article {article_id}")
    spans: list[Highlight] = []
    records: list[dict[str, Any]] = []
    for e in art["events"]:
        rid = f"e{e['idx']}"
        label = e["type"] + (f"/{e['mode']}" if e["mode"] else "")
        spans.append(Highlight(e["start"], e["end"], rid, "event", label))
        spans.append(Highlight(e["trigger_start"], e["trigger_end"], rid, "trigger", f"{label}: {e['trigger']}"))
        records.append({"rid": rid, "kind": "event", "label": label, "rec": e})
    for j, s in enumerate(art["statements"]):
        rid = f"s{j}"
        label = f"{_label_actor(s['speaker'])} {s['cue']}"
        spans.append(Highlight(s["start"], s["end"], rid, "statement", label))
        records.append({"rid": rid, "kind": "statement", "label": label, "rec": s})
    for k, a in enumerate(art["aggregates"]):
        rid = f"a{k}"
        label = f"{a['metric']} = {a['value']}"
        spans.append(Highlight(a["start"], a["end"], rid, "aggregate", label))
        records.append({"rid": rid, "kind": "aggregate", "label": label, "rec": a})
    return render(
        request,
        "article.html",
        lang,
        art=art,
        text_html=highlight(art["text"], spans),
        records=records,
        href=safe_href(art["url"]),
        label_actor=_label_actor,
    )


@router.get("/bulletin", response_class=HTMLResponse)
def bulletin_page(
    request: Request,
    conn: ConnDep,
    date: Annotated[str | None, Query(description="The day (YYYY-MM-DD); default: the latest day with events.")] = None,
    lang: LangQuery = None,
) -> HTMLResponse:
    """The daily bulletin of a day, every number linked to its sentences."""
    day = bulletin_day(conn, date)
    b = bulletin_mod.build(conn, day)
    lang = check_lang(lang)
    return render(
        request,
        "bulletin.html",
        lang,
        b=b,
        article_base="/articles/",
        group_title=lambda g: bulletin_mod.group_title(g, b, lang),
    )


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request, lang: LangQuery = None) -> HTMLResponse:
    """The JSON API's reference, rendered from its OpenAPI description (the raw one is /api/openapi.json)."""
    spec = request.app.openapi()
    routes = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            params = [
                {"name": p["name"], "in": p["in"], "description": p.get("description", "")}
                for p in op.get("parameters", [])
            ]
            routes.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                    "tag": (op.get("tags") or [""])[0],
                }
            )
    return render(request, "api.html", lang, routes=routes)
