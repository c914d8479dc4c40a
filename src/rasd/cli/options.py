"""Checks shared by several commands' options."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import TypeVar

import click

from rasd.errors import InputError

F = TypeVar("F", bound=Callable[..., object])


def check_date(value: str, option: str = "--published") -> None:
    """Refuse an option value that is not an ISO date (a datetime is fine: its date part is used).

    Raises:
        InputError: naming the option and the value.
    """
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{option}: not a date (YYYY-MM-DD): {value!r}") from None


def _score(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    """A score between 0 and 1; click's FloatRange lets NaN through."""
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value!r} is not a number between 0 and 1", ctx, param)
    return value


def event_filters(func: F) -> F:
    """The options that choose events, shared by ``rasd query`` and ``rasd export``."""
    options = [
        click.option("--type", "types", multiple=True, metavar="TYPE", help="PLOVER event type (repeat for several)."),
        click.option("--actor", metavar="CODE[:SECTOR]", help="Actor or recipient code, e.g. SYR or SYR:MIL."),
        click.option("--admin1", metavar="CODE", help="Province (ISO 3166-2), e.g. SY-ID."),
        click.option("--since", "date_from", metavar="DATE", help="Events on or after DATE (YYYY-MM-DD)."),
        click.option("--until", "date_to", metavar="DATE", help="Events on or before DATE (YYYY-MM-DD)."),
        click.option("--text", metavar="WORDS", help="Words that must all occur in a report's article."),
        click.option("--source", metavar="NAME", help="Only events reported by this source."),
        click.option("--all-statuses", is_flag=True, help="Also negated, future and hypothetical events."),
        click.option("--min-report-score", "min_report_score", type=click.FloatRange(0.0, 1.0), default=None,
                     callback=_score,
                     metavar="P", help="Only events whose best report score (salience model) is at least P (its "
                     "own thresholds are in resources/salience/salience.json); events with no score pass."),
    ]
    for option in reversed(options):
        func = option(func)
    return func
