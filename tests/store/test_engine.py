"""Tests for opening stores: URLs, SQLite settings, schema versions and migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from rasd.store import StoreError, database_url, open_store
from rasd.store.engine import create_store_engine, current_revision, downgrade, upgrade
from rasd.store.schema import SCHEMA_REVISION


@pytest.mark.parametrize(
    ("db", "url"),
    [
        (None, "sqlite:///rasd.db"),
        ("x/events.db", "sqlite:///x/events.db"),
        ("sqlite:////tmp/a.db", "sqlite:////tmp/a.db"),
        ("postgresql://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"),
        ("postgres://u@h/d", "postgresql+psycopg://u@h/d"),
    ],
)
def test_database_url(db: str | None, url: str) -> None:
    assert database_url(db) == url


def test_sqlite_store_is_wal_with_schema(sqlite_db: str) -> None:
    with open_store(sqlite_db) as store, store.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert current_revision(store.engine) == SCHEMA_REVISION


def test_migrations_down_and_up(tmp_path: Path) -> None:
    engine = create_store_engine(str(tmp_path / "m.db"))
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_REVISION
    downgrade(engine)
    assert current_revision(engine) is None
    with engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert names <= {"alembic_version"}
    upgrade(engine)
    assert current_revision(engine) == SCHEMA_REVISION
    engine.dispose()


def test_report_score_migration_keeps_the_events(tmp_path: Path) -> None:
    """0002 adds event_mentions.report_score: going down to 0001 and up again keeps every mention, scoreless."""
    from store_docs import SARAQIB, make_event

    from rasd.doc import make_doc
    from rasd.records import Article
    from rasd.store.queries import EventFilter, event_reports, find_events

    db = str(tmp_path / "r.db")
    text_ = "قصفت الطائرات بلدة سراقب أمس."
    doc = make_doc(Article(doc_id="r1", text=text_, published="2024-03-01"))
    doc.events = [make_event(text_, "قصفت", "ASSAULT", place=SARAQIB, report_score=0.75)]
    doc.places = list(doc.events[0].location)
    with open_store(db) as store:
        store.write(doc)
        with store.connect() as conn:
            (ev,) = find_events(conn, EventFilter(min_report_score=0.7))
            assert [r["report_score"] for r in event_reports(conn, ev["id"])] == [0.75]
        downgrade(store.engine, "0001")
        upgrade(store.engine)
        with store.connect() as conn:
            (again,) = find_events(conn, EventFilter(min_report_score=0.7))  # no score now: it passes
            assert again["id"] == ev["id"]
            assert [r["report_score"] for r in event_reports(conn, ev["id"])] == [None]


def test_newer_schema_is_refused(sqlite_db: str) -> None:
    with open_store(sqlite_db) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="schema revision '9999' is newer"):
        open_store(sqlite_db)


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("mysql://u@h/d", "unsupported database 'mysql'"),
        ("/no/such/folder/x.db", "folder /no/such/folder does not exist"),
        ("postgresql://postgres@127.0.0.1:1/none", "cannot open the store"),
    ],
)
def test_bad_databases_raise_store_error(db: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(db)


def test_bad_schema_name(pg_problem: str | None) -> None:
    with pytest.raises(StoreError, match="not a schema name"):
        open_store("postgresql://postgres@127.0.0.1:5432/test", schema="x; drop")


def test_postgresql_store_in_own_schema(pg_schema: str) -> None:
    with open_store("postgresql://postgres@127.0.0.1:5432/test", schema=pg_schema) as store:
        assert store.dialect == "postgresql"
        assert current_revision(store.engine) == SCHEMA_REVISION
        with store.connect() as conn:
            assert conn.execute(text("SELECT current_schema()")).scalar() == pg_schema
