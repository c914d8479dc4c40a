"""The event store: open a SQLite or PostgreSQL database, write processed articles, read them back.

>>> store = open_store("sqlite://")  # in memory; a path or postgresql:// URL in real use
>>> store.counts()["articles"]
0
>>> store.close()
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from rasd.doc import Doc
from rasd.store import queries
from rasd.store.engine import (
    DEFAULT_DB,
    StoreError,
    StoreUnavailable,
    create_store_engine,
    database_url,
    ensure_schema,
)
from rasd.store.write import Writer, WriteResult, content_hash

__all__ = [
    "DEFAULT_DB",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "WriteResult",
    "content_hash",
    "database_url",
    "open_store",
]


class Store:
    """An open store: the engine, the writer and the shared queries (see :mod:`rasd.store.queries`).

    ``retries`` and ``retry_wait`` say how often, and after how long, a write that lost its
    connection is run again (see :class:`rasd.store.write.Writer`).
    """

    def __init__(self, engine: Engine, *, retries: int = 3, retry_wait: float = 1.0) -> None:
        self.engine = engine
        self.writer = Writer(engine, retries=retries, retry_wait=retry_wait)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def has(self, chash: str) -> bool:
        """True when an article with this content hash is stored."""
        return self.writer.has(chash)

    def write(self, doc: Doc, *, origin: str | None = None, chash: str | None = None) -> WriteResult:
        """Store one processed article in one transaction (see :meth:`rasd.store.write.Writer.write`)."""
        return self.writer.write(doc, origin=origin, chash=chash)

    def write_batch(self, items: list[tuple[Doc, str | None]]) -> list[WriteResult | StoreError]:
        """Store several ``(doc, origin)`` in one transaction, a savepoint each (see :meth:`Writer.write_batch`)."""
        return self.writer.write_batch(items)

    def record_failure(self, origin: str, doc_id: str | None, error: str) -> None:
        """Keep the error of an article that could not be read or processed."""
        self.writer.record_failure(origin, doc_id, error)

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, events, event mentions, ...)."""
        with self.engine.connect() as conn:
            return queries.counts(conn)

    def connect(self) -> Any:
        """A read connection for :mod:`rasd.store.queries` (use as a context manager)."""
        return self.engine.connect()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(
    db: str | None = None, *, schema: str | None = None, retries: int = 3, retry_wait: float = 1.0
) -> Store:
    """Open (creating or upgrading its schema when needed) the store at ``db``.

    Args:
        db: A SQLite file path, ``sqlite:///path``, or ``postgresql://user@host:port/dbname``;
            ``None`` means :data:`DEFAULT_DB` in the current folder.
        schema: PostgreSQL only: the schema to hold rasd's tables (created when missing).
        retries: How many times a write that lost its database connection is run again.
        retry_wait: Seconds before the first retry, doubled at each next one.

    Returns:
        The open store; close it with :meth:`Store.close` or use it as a context manager.

    Raises:
        StoreError: The database cannot be reached or was written by a newer rasd.
    """
    engine = create_store_engine(db, schema=schema)
    try:
        ensure_schema(engine, db)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, retries=retries, retry_wait=retry_wait)
