"""``/api/export``: the events matching the filters in a standard format (PLOVER JSONL, ACLED CSV, GeoJSON, Parquet)."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from rasd.api import queries as q
from rasd.api.deps import ConnDep, ExportFiltersDep
from rasd.api.errors import ApiError
from rasd.api.schemas import ErrorBody
from rasd.export import FORMAT_NAMES, formats

router = APIRouter(prefix="/api", tags=["exports"], responses={400: {"model": ErrorBody}})


@router.get("/export", summary="Events in a standard format, as a file")
def export(
    conn: ConnDep,
    f: ExportFiltersDep,
    format: Annotated[str, Query(description="One of: " + ", ".join(FORMAT_NAMES))] = "plover-jsonl",
) -> Response:
    """The same events as ``/api/events`` with the same filters; ``limit`` defaults to the export maximum."""
    fmts = formats()
    if format not in fmts:
        raise ApiError(400, f"format: {format!r} is not one of {', '.join(FORMAT_NAMES)}")
    fmt = fmts[format]
    buf = io.BytesIO()
    fmt.write(q.export_events(conn, f), buf)
    return Response(
        buf.getvalue(),
        media_type=fmt.media_type,
        headers={"Content-Disposition": f'attachment; filename="rasd-events{fmt.suffix}"'},
    )
