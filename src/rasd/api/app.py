"""The web app factory: ``create_app(settings)`` builds the FastAPI app (JSON API, pages, static files, headers)."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from rasd.api.errors import install_error_handlers
from rasd.api.settings import ApiSettings

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""Content-Security-Policy of every response: only this server's files, no inline script or style."""

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def leaflet_dir() -> Path:
    """Where the xstatic-leaflet package keeps Leaflet's files."""
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Build the app over the store ``settings.db``: opened when the app starts, closed when it stops.

    Args:
        settings: What to serve; default :class:`ApiSettings` (``rasd.db`` here, read-only).

    Returns:
        The FastAPI application (serve it with uvicorn; test it with ``fastapi.testclient.TestClient``).
    """
    from rasd.api.routes import articles, bulletin, catalog, events, exports, records
    from rasd.web import pages
    from rasd.web.render import STATIC, make_env

    settings = settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from rasd.store import open_store

        app.state.store = open_store(settings.db, schema=settings.schema)
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(
        title="rasd",
        summary="Events, statements and counts from Arabic news, each with its Arabic evidence.",
        description=(
            "Read-only JSON API over a rasd store. Listings take the same filters (type, actor, sector, "
            "admin1, date_from, date_to, text, source, status) and page with limit/offset. Every error has "
            'one shape: {"ok": false, "error": "...", "errors": [...], "status": N}.'
        ),
        version="1",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.templates = make_env()
    app.state.pipeline = functools.cache(_pipeline)

    write_routes: set[str] = set()  # paths of the routes that change the store, filled below

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        refused = _refuse_write(request, settings) if request.url.path in write_routes else None
        response = refused or await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    install_error_handlers(app, render_html=pages.error_page)
    routers = [m.router for m in (events, records, articles, catalog, exports, bulletin, pages)]
    for router in routers:
        app.include_router(router)
    write_routes.update(write_paths(routers))
    app.mount("/static/rasd", StaticFiles(directory=str(STATIC)), name="static")
    app.mount("/static/leaflet", StaticFiles(directory=str(leaflet_dir())), name="leaflet")
    return app


def write_paths(routers: list[APIRouter]) -> set[str]:
    """The paths of the routes of ``routers`` that take another method than GET (they change the store)."""
    return {
        r.path
        for router in routers
        for r in router.routes
        if isinstance(r, APIRoute) and (r.methods or set()) - {"GET", "HEAD", "OPTIONS"}
    }


MAX_BODY = 2_000_000
"""The largest request body (bytes) a write route accepts: an article of up to 1,000,000 characters as JSON."""


def _refuse_write(request: Request, settings: ApiSettings) -> Response | None:
    """The error response for a request to a write route that is refused before its body is read, else None.

    A read-only server (403), a missing or wrong token (401) and a body larger than :data:`MAX_BODY`
    (413) are answered here, so an unauthenticated client can never make the server read a large body.
    """
    from fastapi.responses import JSONResponse

    from rasd.api.deps import require_token
    from rasd.api.errors import ApiError, error_body

    if request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    try:
        require_token(settings, request.headers.get("authorization"))
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            raise ApiError(411, "a write needs a Content-Length header")
        if int(length) > MAX_BODY:
            raise ApiError(413, f"request body of {int(length)} bytes: at most {MAX_BODY} bytes are accepted")
    except ApiError as e:
        return JSONResponse(error_body(e.status, e.message, e.errors), status_code=e.status)
    return None


def _pipeline() -> Any:
    from rasd.pipeline import Pipeline

    return Pipeline()
