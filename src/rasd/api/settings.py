"""Settings of the web app and JSON API: one frozen object passed to ``create_app``, never a global."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiSettings:
    """What the app serves and how.

    Attributes:
        db: The store: a SQLite file path or a ``postgresql://`` URL (``None``: ``rasd.db`` here).
        schema: PostgreSQL only: the schema holding rasd's tables.
        write_token: The bearer token that write routes (``POST /api/articles``) require. ``None``
            (the default) makes the app read-only: every write is refused with 403.
        max_limit: The largest page size a request may ask for.
        default_limit: The page size when a request names none.
        max_export: The most events one export request returns.
        title: The name shown in page headers.
    """

    db: str | None = None
    schema: str | None = None
    write_token: str | None = None
    max_limit: int = 500
    default_limit: int = 50
    max_export: int = 100_000
    title: str = "rasd"

    @property
    def read_only(self) -> bool:
        """True when no write token is configured."""
        return not self.write_token
