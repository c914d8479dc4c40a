"""Fixtures for the store tests: a temporary SQLite file, a private PostgreSQL schema, documents built by hand."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from rasd.doc import Doc, make_doc
from rasd.records import Aggregate, Article, Event, Statement
from rasd.store import Store, open_store
from rasd.store.schema import metadata

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


def _pg_reachable() -> str | None:
    """None when the test server answers, else why not."""
    try:
        engine = create_engine("postgresql+psycopg://" + PG_URL.split("://", 1)[1], connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except (OperationalError, ImportError) as e:
        return str(e).split("\n", 1)[0]
    return None


@pytest.fixture(scope="session")
def pg_problem() -> str | None:
    return _pg_reachable()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store migrated once; each test gets a copy (migrating per test is slow)."""
    path = tmp_path_factory.mktemp("template") / "rasd.db"
    open_store(str(path)).close()
    return path


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> str:
    """The path of a new, empty SQLite store in a temporary folder."""
    path = tmp_path / "rasd.db"
    shutil.copyfile(sqlite_template, path)
    return str(path)


@pytest.fixture(scope="session")
def pg_session_schema(pg_problem: str | None) -> Iterator[str]:
    """A schema of its own in the shared test database, migrated once and dropped at the end."""
    if pg_problem:
        pytest.skip(f"PostgreSQL at {PG_URL} is unreachable: {pg_problem}")
    name = f"rasd_test_{uuid.uuid4().hex[:12]}"
    open_store(PG_URL, schema=name).close()
    yield name
    engine = create_engine("postgresql+psycopg://" + PG_URL.split("://", 1)[1])
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
    engine.dispose()


@pytest.fixture
def pg_schema(pg_session_schema: str) -> str:
    """The session's PostgreSQL schema, emptied for this test."""
    engine = create_engine("postgresql+psycopg://" + PG_URL.split("://", 1)[1])
    with engine.begin() as conn:  # DELETE is faster than TRUNCATE on tables this small
        conn.execute(text(f'DELETE FROM "{pg_session_schema}".article_search'))
        for table in reversed(metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{pg_session_schema}"."{table.name}"'))
    engine.dispose()
    return pg_session_schema


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def open_test_store(backend: str, request: pytest.FixtureRequest) -> Iterator[Callable[[], Store]]:
    """Opens (again and again) one store of the parametrized backend; closes every store opened."""
    opened: list[Store] = []
    if backend == "sqlite":
        db, schema = request.getfixturevalue("sqlite_db"), None
    else:
        db, schema = PG_URL, request.getfixturevalue("pg_schema")

    def _open() -> Store:
        store = open_store(db, schema=schema)
        opened.append(store)
        return store

    yield _open
    for s in opened:
        s.close()


@pytest.fixture
def store(open_test_store: Callable[[], Store]) -> Store:
    """An empty store on SQLite or PostgreSQL (the test runs once for each)."""
    return open_test_store()


# --- documents built by hand: the store is tested without running the pipeline ----------------------------------


@pytest.fixture
def make_article() -> Callable[..., Doc]:
    """make_article(doc_id, text, events=[...], source=..., published=...) → a Doc ready to store."""

    def _make(doc_id: str, text: str, *, events: list[Event] | None = None, source: str | None = "وكالة",
              published: str | None = "2024-03-07", url: str | None = None,
              statements: list[Statement] | None = None, aggregates: list[Aggregate] | None = None) -> Doc:
        doc = make_doc(Article(doc_id=doc_id, text=text, source=source, published=published, url=url,
                               title=text.split("،")[0][:40]))
        doc.events = list(events or [])
        doc.statements = list(statements or [])
        doc.aggregates = list(aggregates or [])
        for ev in doc.events:
            doc.places.extend(ev.location)
        doc.stages = ["handmade@1"]
        return doc

    return _make
