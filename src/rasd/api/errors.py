"""One JSON error shape for every 4xx/5xx of the API: ``{"ok": false, "error", "errors", "status"}``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasd.errors import RasdError


class ApiError(Exception):
    """An error a request caused (or met): its HTTP status and a message that names the problem.

    Args:
        status: The HTTP status (400 bad parameter, 404 not found, 403 refused ...).
        message: One sentence naming the parameter or thing and what is wrong with it.
        errors: One message per problem when there are several.
    """

    def __init__(self, status: int, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or [message]


def error_body(status: int, message: str, errors: list[str] | None = None) -> dict[str, Any]:
    """The JSON body of every error response."""
    return {"ok": False, "error": message, "errors": errors or [message], "status": status}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def _describe(err: dict[str, Any]) -> str:
    loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
    where = ".".join(loc) or "request"
    value = err.get("input")
    shown = f" (got {value!r})" if isinstance(value, str | int | float) and not isinstance(value, bool) else ""
    return f"{where}: {err.get('msg', 'invalid value')}{shown}"


def install_error_handlers(app: FastAPI, render_html: Any = None) -> None:
    """Make every error answer in the one shape (JSON for the API, an HTML page for the web pages).

    Args:
        app: The application.
        render_html: ``render_html(request, status, message) -> Response`` for errors of HTML pages;
            ``None`` answers JSON everywhere.
    """

    def respond(request: Request, status: int, message: str, errors: list[str] | None = None) -> Response:
        if render_html is not None and not _is_api(request):
            return render_html(request, status, message)
        return JSONResponse(error_body(status, message, errors), status_code=status)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.message, exc.errors)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        errors = [_describe(e) for e in exc.errors()]
        return respond(request, 400, errors[0] if len(errors) == 1 else "; ".join(errors), errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"not found: {request.url.path}"
        elif exc.status_code == 405:
            message = f"method {request.method} not allowed on {request.url.path}"
        return respond(request, exc.status_code, message)

    @app.exception_handler(RasdError)
    async def _rasd(request: Request, exc: RasdError) -> Response:
        return respond(request, 503, f"store unavailable: {exc}")

    @app.exception_handler(SQLAlchemyError)
    async def _database(request: Request, exc: SQLAlchemyError) -> Response:
        # the database failed (connection lost, disk full ...): a 503 naming the cause, never the SQL
        orig = getattr(exc, "orig", None)
        reason = (str(orig if orig is not None else exc).strip().split("\n", 1)[0] or type(exc).__name__).strip()
        return respond(request, 503, f"store unavailable: {reason}")
