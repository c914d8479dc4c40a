"""Opening a store: SQLite (one file, WAL) or PostgreSQL (psycopg 3) engines, schema migrations with Alembic."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from rasd.errors import RasdError
from rasd.store.schema import SCHEMA_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

DEFAULT_DB = "rasd.db"
"""The SQLite file used when no ``--db`` is given."""

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_BUSY_TIMEOUT_MS = 60_000
POOL: dict[str, Any] = {"pool_size": 5, "max_overflow": 40, "pool_timeout": 60}
"""Connection pool of every engine: 5 kept open, up to 45 at once. The web app runs each request in one of
anyio's 40 worker threads with one connection, so a busy server never waits for a connection (with the
former 6 a slow page under 20 clients waited past the pool's timeout and answered 503)."""


class StoreError(RasdError):
    """The database cannot be opened, is of an unknown schema version, or a write failed."""


class StoreUnavailable(StoreError):
    """The database takes no more writes: it is read-only, the disk is full, an I/O error, or the connection was
    lost and did not come back within the retries. An ingestion stops at it (every later write would fail too);
    the write that met it was rolled back, so a re-run resumes where it stopped."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


READ_ONLY, FULL, IO, DISCONNECT, CONFLICT = "read-only", "full", "io", "disconnect", "conflict"
"""What :func:`failure_kind` finds: the database refuses writes, has no space, failed on I/O, dropped the
connection, or aborted a transaction that may simply be run again (serialization failure, deadlock)."""

RETRIED = frozenset({DISCONNECT, CONFLICT})
"""Kinds that a write retries (with backoff) before giving up."""

_PG_STATES = {
    "53100": FULL,  # disk_full
    "25006": READ_ONLY,  # read_only_sql_transaction (a hot standby, default_transaction_read_only)
    "40001": CONFLICT,  # serialization_failure
    "40P01": CONFLICT,  # deadlock_detected
    "57P01": DISCONNECT,  # admin_shutdown: pg_terminate_backend, server stopping
    "57P02": DISCONNECT,  # crash_shutdown
    "57P03": DISCONNECT,  # cannot_connect_now: server starting or in recovery
}


def failure_kind(error: BaseException) -> str | None:
    """What kind of database failure ``error`` (or an exception it was raised from) is, if one rasd handles.

    SQLite errors are told apart by their result code (``SQLITE_READONLY*``, ``SQLITE_FULL``,
    ``SQLITE_IOERR*``, ``SQLITE_CANTOPEN``), PostgreSQL errors by SQLSTATE (53100 disk full, 25006
    read-only transaction, class 08 and 57P01-03 connection lost) or by the driver noticing that
    the connection is gone.

    Returns:
        One of :data:`READ_ONLY`, :data:`FULL`, :data:`IO`, :data:`DISCONNECT`, :data:`CONFLICT`, or None.
    """
    seen: set[int] = set()
    e: BaseException | None = error
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        kind = _kind_of(e)
        if kind is not None:
            return kind
        e = e.__cause__ or e.__context__
    return None


def _kind_of(e: BaseException) -> str | None:
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    if isinstance(e, DBAPIError):
        return _kind_of(e.orig) if e.orig is not None else (DISCONNECT if e.connection_invalidated else None)
    if isinstance(e, sqlite3.Error):
        name = getattr(e, "sqlite_errorname", "") or ""
        if name.startswith("SQLITE_READONLY"):
            return READ_ONLY
        if name == "SQLITE_FULL":
            return FULL
        if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
            return IO
        return None
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return None
    if isinstance(e, psycopg.Error):
        state = e.sqlstate or ""
        if state in _PG_STATES:
            return _PG_STATES[state]
        if state.startswith("08"):  # connection_exception
            return DISCONNECT
        if not state and isinstance(e, psycopg.OperationalError | psycopg.InterfaceError):
            return DISCONNECT  # no answer from the server: "server closed the connection unexpectedly"
    return None


def unavailable(error: BaseException, kind: str, where: str, what: str, retries: int = 0) -> StoreUnavailable:
    """The one-line error for a write of ``what`` to database ``where`` that failed with ``kind``."""
    reason = _first_line(error)
    if kind == READ_ONLY:
        msg = f"database {where} is read-only: {what} was not stored ({reason})"
    elif kind == FULL:
        msg = f"disk full while writing {what} to database {where}: nothing of it was kept; free space and re-run"
    elif kind == IO:
        msg = f"I/O error while writing {what} to database {where} ({reason}): nothing of it was kept"
    else:
        tries = f"gave up after {retries} {'retry' if retries == 1 else 'retries'}"
        msg = (
            f"lost the connection to database {where} while writing {what}; {tries} ({reason}): "
            "nothing of it was kept; re-run to resume"
        )
    return StoreUnavailable(msg, kind)


def describe(engine: Engine) -> str:
    """The database of ``engine`` for messages: the SQLite file, or the URL without its password."""
    if engine.dialect.name == "sqlite":
        return engine.url.database or ":memory:"
    return engine.url.set(drivername=engine.dialect.name).render_as_string(hide_password=True)


def database_url(db: str | None) -> str:
    """The SQLAlchemy URL for ``db``: a URL, or a path to a SQLite file.

    >>> database_url("events.db")
    'sqlite:///events.db'
    >>> database_url("postgresql://postgres@127.0.0.1:5432/test")
    'postgresql+psycopg://postgres@127.0.0.1:5432/test'
    """
    db = db or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{db}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def create_store_engine(db: str | None, *, schema: str | None = None) -> Engine:
    """An engine for ``db`` set up for rasd.

    SQLite: write-ahead log (readers never wait for the writer), ``synchronous=NORMAL`` (a
    killed process never loses a committed transaction), foreign keys on, a busy timeout, and
    transactions begun explicitly so that a write transaction takes the write lock at once
    (``BEGIN IMMEDIATE``). PostgreSQL: ``schema``, when given, is created and put first on the
    search path (tests use a schema of their own in a shared database).

    Args:
        db: A database URL (``sqlite:///file.db``, ``postgresql://user@host/db``) or a file path.
        schema: PostgreSQL only: the schema holding rasd's tables.

    Returns:
        The engine.

    Raises:
        StoreError: The URL is not understood or names an unsupported database.
    """
    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as e:
        raise StoreError(f"not a database URL: {db!r}") from e
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().resolve().parent
            if not folder.is_dir():
                raise StoreError(f"{db}: folder {folder} does not exist")
        if parsed.database in (None, "", ":memory:"):  # one shared connection, else each one is a new empty database
            engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
        else:
            engine = create_engine(url, **POOL)
        _setup_sqlite(engine)
        return engine
    if backend == "postgresql":
        connect_args: dict[str, Any] = {}
        if schema is not None:
            if not _SCHEMA_NAME.match(schema):
                raise StoreError(f"not a schema name: {schema!r}")
            connect_args["options"] = f"-csearch_path={schema}"
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True, **POOL)
        if schema is not None:
            try:
                with engine.begin() as conn:
                    conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
            except SQLAlchemyError as e:
                raise StoreError(f"{_safe(url)}: cannot connect ({_first_line(e)})") from e
        return engine
    raise StoreError(f"unsupported database {backend!r} in {db!r}: use a SQLite file or a postgresql:// URL")


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" below decides when transactions start
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("rasd_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _alembic_config() -> Config:
    from alembic.config import Config  # alembic is imported only to migrate, not on every open

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database (``None`` for an empty database)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    return str(rows[0][0]) if rows else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database's schema up to ``revision`` in one transaction (a no-op when it is there)."""
    from alembic import command

    cfg = _alembic_config()
    with engine.execution_options(rasd_write=True).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Take the schema back to ``revision`` (``base`` drops every rasd table)."""
    from alembic import command

    cfg = _alembic_config()
    with engine.execution_options(rasd_write=True).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def ensure_schema(engine: Engine, db: str | None = None) -> None:
    """Create or upgrade the schema; refuse a database written by a newer rasd.

    Raises:
        StoreError: The database cannot be reached, or its schema revision is unknown to this rasd.
    """
    where = _safe(database_url(db)) if db else "database"
    try:
        rev = current_revision(engine)
        if rev == SCHEMA_REVISION:
            return
        known = {p.stem.split("_", 1)[0] for p in (_MIGRATIONS / "versions").glob("[0-9]*.py")}
        if rev is not None and rev not in known:
            raise StoreError(f"{where}: schema revision {rev!r} is newer than this rasd knows; upgrade rasd")
        upgrade(engine)
    except SQLAlchemyError as e:
        kind = failure_kind(e)
        if kind == READ_ONLY:
            msg = f"database {describe(engine)} is read-only: cannot open it ({_first_line(e)})"
            raise StoreUnavailable(msg, kind) from e
        if kind == FULL:
            raise StoreUnavailable(f"disk full while opening database {describe(engine)}", kind) from e
        raise StoreError(f"{where}: cannot open the store ({_first_line(e)})") from e


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _first_line(e: BaseException) -> str:
    from sqlalchemy.exc import DBAPIError

    if isinstance(e, DBAPIError) and e.orig is not None:  # without SQLAlchemy's "(sqlite3.OperationalError)"
        e = e.orig
    return (str(e).strip().split("\n", 1)[0] or type(e).__name__).strip()
