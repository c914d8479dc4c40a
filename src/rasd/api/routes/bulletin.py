"""``/api/bulletin``: the daily bulletin's data as JSON (the page and ``rasd bulletin`` render the same data)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query

from rasd import bulletin as b
from rasd.api import queries as q
from rasd.api.deps import ConnDep
from rasd.api.errors import ApiError
from rasd.api.schemas import ErrorBody

router = APIRouter(prefix="/api", tags=["bulletin"], responses={400: {"model": ErrorBody}})


def bulletin_day(conn: Any, date: str | None) -> dt.date:
    """The day asked for, or the latest day with events (today in an empty store).

    Raises:
        ApiError: 400 when ``date`` is not a YYYY-MM-DD date.
    """
    if date:
        try:
            return dt.date.fromisoformat(date)
        except ValueError:
            raise ApiError(400, f"date: not a date (YYYY-MM-DD): {date!r}") from None
    return q.latest_day(conn) or dt.date.today()


@router.get("/bulletin", summary="The daily bulletin of a day")
def bulletin(
    conn: ConnDep,
    date: Annotated[str | None, Query(description="The day (YYYY-MM-DD); default: the latest day with events.")] = None,
) -> dict[str, Any]:
    """Events by type and province on the day, the day before and the 7 days ending on it, counts by
    source side by side, main statements; ``evidence`` maps each number's anchor to its sentences."""
    return b.build(conn, bulletin_day(conn, date))
