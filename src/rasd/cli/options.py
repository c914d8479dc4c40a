"""Checks shared by several commands' options."""

from __future__ import annotations

import datetime as dt

from rasd.errors import InputError


def check_date(value: str, option: str = "--published") -> None:
    """Refuse an option value that is not an ISO date (a datetime is fine: its date part is used).

    Raises:
        InputError: naming the option and the value.
    """
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{option}: not a date (YYYY-MM-DD): {value!r}") from None
