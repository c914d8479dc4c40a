"""Faults of the database under an ingestion: a full disk, a read-only database, a PostgreSQL connection lost
mid-run. Each stops with one line naming the database (or, for a lost connection, is retried first), leaves
nothing half-written, and a re-run ends where an uninterrupted run does, with no duplicates.

A full disk is SQLite's own: ``PRAGMA max_page_count`` caps the file, and the next write past it fails with
SQLITE_FULL, as on a full file system. A read-only database is ``PRAGMA query_only``, which fails every write
with SQLITE_READONLY, as a file without write permission does (the tests run as root, who may write any file).
A lost connection is ``pg_terminate_backend`` of the writer's backend, sent from a second connection while the
writer is inside an article's transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine, create_engine, event, text
from store_corpus import complete_part_of, snapshot, write_articles

from rasd.cli import main
from rasd.pipeline import Pipeline
from rasd.records import Article
from rasd.store import StoreError, StoreUnavailable, open_store
from rasd.store import engine as engine_mod
from rasd.store.engine import failure_kind
from rasd.store.ingest import ingest
from rasd.store.schema import metadata
from rasd.store.write import Writer

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
LOST = re.compile("terminating connection|server closed the connection|connection is lost")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("faults")
    src = folder / "articles.jsonl"
    return src, write_articles(src)


@pytest.fixture(scope="module")
def clean_sqlite(
    corpus: tuple[Path, int], tmp_path_factory: pytest.TempPathFactory, nlp: Pipeline
) -> dict[str, Any]:
    """The snapshot of an uninterrupted run over the corpus."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    with open_store(str(db)) as store:
        report = ingest(store, [str(corpus[0])], pipeline=nlp)
        assert report.written == corpus[1] and report.merged > 0
        return snapshot(store.engine)


@pytest.fixture
def same_pipeline(monkeypatch: pytest.MonkeyPatch, nlp: Pipeline) -> None:
    """`rasd ingest` in these tests uses the session's pipeline instead of building one."""
    monkeypatch.setattr("rasd.store.ingest.Pipeline", lambda: nlp)


def _sqlite_pragma(monkeypatch: pytest.MonkeyPatch, pragma: str) -> None:
    """Every SQLite connection opened from now on runs ``PRAGMA <pragma>`` after rasd's own set-up."""
    original = engine_mod._setup_sqlite

    def setup(engine: Engine) -> None:
        original(engine)

        @event.listens_for(engine, "connect")
        def _fault(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute(f"PRAGMA {pragma}")

    monkeypatch.setattr(engine_mod, "_setup_sqlite", setup)


def _ingest_cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["ingest", *args, "--no-progress"])


def _one_error_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("rasd: error: ")
    return lines[0]


def _sqlite_snapshot(db: Path) -> dict[str, Any]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as con:
            assert con.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        return snapshot(engine)
    finally:
        engine.dispose()


# --- SQLite: a full disk ----------------------------------------------------------------------------------------


def test_full_disk_stops_with_one_line_and_a_rerun_completes(
    corpus: tuple[Path, int], clean_sqlite: dict[str, Any], sqlite_db: str, same_pipeline: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src, total = corpus
    with open_store(sqlite_db) as store, store.connect() as con:
        empty_pages = con.exec_driver_sql("PRAGMA page_count").scalar_one()
    with monkeypatch.context() as m:
        _sqlite_pragma(m, f"max_page_count = {empty_pages + 12}")  # room for a few articles, not for 36
        line = _one_error_line(_ingest_cli(str(src), "--db", sqlite_db))
    assert "disk full while writing article '" in line and f"to database {sqlite_db}" in line
    assert "nothing of it was kept" in line

    partial = _sqlite_snapshot(Path(sqlite_db))  # integrity_check ok
    assert 0 < len(partial["articles"]) < total
    assert complete_part_of(partial, clean_sqlite)  # no article half-written

    result = _ingest_cli(str(src), "--db", sqlite_db)  # the disk has room again: the re-run resumes
    assert result.exit_code == 0, result.output
    assert f"{len(partial['articles'])} already stored" in result.output
    assert _sqlite_snapshot(Path(sqlite_db)) == clean_sqlite
    again = _ingest_cli(str(src), "--db", sqlite_db)
    assert "0 stored" in again.output and _sqlite_snapshot(Path(sqlite_db)) == clean_sqlite


def test_full_disk_in_a_batch_keeps_nothing_of_the_batch(
    sqlite_db: str, nlp: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    towns = ["سراقب", "دوما", "حرستا", "درعا", "حلب", "حمص"]
    docs = [nlp(Article(doc_id=f"b{i}", published="2024-03-07", text=" ".join(
        f"قصفت طائرات حربية بلدة {town} اليوم وقتل {i * 100 + j} مدنيين." for j in range(60))))
        for i, town in enumerate(towns)]  # about 4 kB each: more than the room left
    with open_store(sqlite_db) as store, store.connect() as con:
        store.write(docs[0], origin="first")
        before = snapshot(store.engine)
        pages = con.exec_driver_sql("PRAGMA page_count").scalar_one()
    _sqlite_pragma(monkeypatch, f"max_page_count = {pages + 3}")
    with open_store(sqlite_db) as store:
        with pytest.raises(StoreUnavailable, match=r"disk full while writing a batch of 6 articles") as e:
            store.write_batch([(d, "batch") for d in docs])
        assert e.value.kind == "full"
        assert snapshot(store.engine) == before  # the batch rolled back as a whole, the stored article kept


# --- SQLite: a read-only database -------------------------------------------------------------------------------


def test_read_only_database_stops_with_one_line_and_changes_nothing(
    corpus: tuple[Path, int], clean_sqlite: dict[str, Any], sqlite_db: str, same_pipeline: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src, _total = corpus
    before = _sqlite_snapshot(Path(sqlite_db))
    with monkeypatch.context() as m:
        _sqlite_pragma(m, "query_only = ON")
        line = _one_error_line(_ingest_cli(str(src), "--db", sqlite_db))
    assert line.startswith(f"rasd: error: database {sqlite_db} is read-only: article '")
    assert "was not stored" in line
    assert _sqlite_snapshot(Path(sqlite_db)) == before
    assert _ingest_cli(str(src), "--db", sqlite_db).exit_code == 0  # writable again: the run completes
    assert _sqlite_snapshot(Path(sqlite_db)) == clean_sqlite


def test_read_only_database_refuses_an_api_write_with_503(
    sqlite_db: str, nlp: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from rasd.api import ApiSettings, create_app

    _sqlite_pragma(monkeypatch, "query_only = ON")
    app = create_app(ApiSettings(db=sqlite_db, write_token="tok"))
    app.state.pipeline = lambda: nlp
    with TestClient(app) as client:
        r = client.post("/api/articles", json={"doc_id": "ro", "text": "قصفت طائرات بلدة سراقب اليوم."},
                        headers={"Authorization": "Bearer tok"})
        assert r.status_code == 503 and "is read-only" in r.json()["error"], r.text
        assert client.get("/api/events").status_code == 200  # reading still works


def test_failure_kinds_of_sqlite_errors() -> None:
    import sqlite3

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (x)")
    con.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.OperationalError) as e:
        con.execute("INSERT INTO t VALUES (1)")
    assert failure_kind(e.value) == "read-only"
    with pytest.raises(sqlite3.OperationalError) as e:
        con.execute("SELECT * FROM nowhere")
    assert failure_kind(e.value) is None


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        ("DiskFull", "full"),
        ("ReadOnlySqlTransaction", "read-only"),
        ("AdminShutdown", "disconnect"),
        ("ConnectionFailure", "disconnect"),
        ("SerializationFailure", "conflict"),
        ("DeadlockDetected", "conflict"),
        ("UniqueViolation", None),
        ("UndefinedTable", None),
    ],
)
def test_failure_kinds_of_postgresql_errors(error: str, kind: str | None) -> None:
    import psycopg
    from sqlalchemy.exc import OperationalError

    e = getattr(psycopg.errors, error)("message")
    assert failure_kind(e) == kind
    assert failure_kind(OperationalError("INSERT ...", {}, e)) == kind  # as SQLAlchemy wraps it
    assert failure_kind(psycopg.OperationalError("server closed the connection unexpectedly")) == "disconnect"


def test_conflicts_are_retried_then_fail_only_the_article(sqlite_db: str, nlp: Pipeline,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg
    from sqlalchemy.exc import OperationalError

    doc = nlp(Article(doc_id="c", text="قصفت طائرات حربية بلدة سراقب اليوم.", published="2024-03-07"))
    calls = []

    def conflict(*_a: Any, **_k: Any) -> Any:
        calls.append(1)
        raise OperationalError("INSERT ...", {}, psycopg.errors.SerializationFailure("could not serialize"))

    monkeypatch.setattr(Writer, "_write", conflict)
    with open_store(sqlite_db, retries=2, retry_wait=0.0) as store:
        with pytest.raises(StoreError, match="not stored, aborted 3 times") as e:
            store.write(doc, origin="x")
        assert not isinstance(e.value, StoreUnavailable) and len(calls) == 3


# --- PostgreSQL: the connection lost mid-ingest -----------------------------------------------------------------


def _pg_engine() -> Engine:
    return create_engine("postgresql+psycopg://" + PG_URL.split("://", 1)[1])


def _empty(schema: str) -> None:
    engine = _pg_engine()
    with engine.begin() as conn:
        conn.execute(text(f'DELETE FROM "{schema}".article_search'))
        for table in reversed(metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{schema}"."{table.name}"'))
    engine.dispose()


@pytest.fixture
def terminate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Callable[[int], bool]], list[int]]]:
    """terminate(when): inside an article's transaction, the writer's backend is terminated from a second
    connection on each call of ``Writer._add_keys`` (one per event) for which ``when(call number)`` is true.
    Returns the list of the call numbers that terminated it."""
    admin = _pg_engine()
    original = Writer._add_keys

    def install(when: Callable[[int], bool]) -> list[int]:
        calls, killed = [0], []

        def killing(self: Writer, conn: Any, *args: Any, **kwargs: Any) -> Any:
            calls[0] += 1
            if when(calls[0]):
                pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
                with admin.connect() as c:
                    assert c.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
                killed.append(calls[0])
            return original(self, conn, *args, **kwargs)

        monkeypatch.setattr(Writer, "_add_keys", killing)
        return killed

    yield install
    admin.dispose()


def _pg_snapshot(schema: str) -> dict[str, Any]:
    engine = create_engine(
        "postgresql+psycopg://" + PG_URL.split("://", 1)[1], connect_args={"options": f"-csearch_path={schema}"}
    )
    try:
        return snapshot(engine)
    finally:
        engine.dispose()


def test_lost_connection_is_retried_and_nothing_is_duplicated(
    corpus: tuple[Path, int], pg_schema: str, nlp: Pipeline, terminate: Any, caplog: pytest.LogCaptureFixture
) -> None:
    src, total = corpus
    with open_store(PG_URL, schema=pg_schema) as store:
        assert ingest(store, [str(src)], pipeline=nlp).written == total
    clean = _pg_snapshot(pg_schema)
    _empty(pg_schema)

    assert len(clean["events"]) >= 7  # one call of _add_keys per new event, plus one per retried call
    at = (2, 3, 6, 9)  # twice in a row (one article), then twice more
    killed = terminate(lambda n: n in at)
    with open_store(PG_URL, schema=pg_schema, retries=3, retry_wait=0.01) as store:
        report = ingest(store, [str(src)], pipeline=nlp)
    assert killed == list(at)
    assert (report.written, report.failed) == (total, 0)
    retried = [r.getMessage() for r in caplog.records if r.name == "rasd.store"]
    assert len(retried) == 4 and all(LOST.search(m) and "retry" in m for m in retried), retried
    assert _pg_snapshot(pg_schema) == clean  # every article once, events as in a run that was never cut


def test_lost_connection_gives_up_after_the_retries_then_resume_has_no_duplicates(
    corpus: tuple[Path, int], pg_schema: str, nlp: Pipeline, terminate: Any, same_pipeline: None
) -> None:
    src, total = corpus
    with open_store(PG_URL, schema=pg_schema) as store:
        ingest(store, [str(src)], pipeline=nlp)
    clean = _pg_snapshot(pg_schema)
    _empty(pg_schema)

    killed = terminate(lambda n: n >= 5)  # from the 5th new event on, every transaction loses its connection
    url = f"{PG_URL}?options={quote(f'-csearch_path={pg_schema}')}"  # the CLI in the test's own schema
    line = _one_error_line(_ingest_cli(str(src), "--db", url, "--retries", "2", "--retry-wait", "0.01"))
    assert len(killed) == 3  # the first try and two retries
    assert "lost the connection to database postgresql://postgres@127.0.0.1:5432/test" in line
    assert "gave up after 2 retries" in line and LOST.search(line) and "re-run to resume" in line

    partial = _pg_snapshot(pg_schema)
    assert 0 < len(partial["articles"]) < total and complete_part_of(partial, clean)

    terminate(lambda n: False)
    result = _ingest_cli(str(src), "--db", url)
    assert result.exit_code == 0, result.output
    assert _pg_snapshot(pg_schema) == clean


def test_no_retries_when_configured_so(pg_schema: str, nlp: Pipeline, terminate: Any) -> None:
    text_ = "قصفت الطائرات الحربية السورية بلدة سراقب في ريف إدلب اليوم ما أدى إلى مقتل 3 مدنيين."
    doc = nlp(Article(doc_id="once", text=text_, published="2024-03-07"))
    assert doc.events
    killed = terminate(lambda n: True)
    with open_store(PG_URL, schema=pg_schema, retries=0) as store:
        with pytest.raises(StoreUnavailable, match="gave up after 0 retries") as e:
            store.write(doc, origin="x")
        assert e.value.kind == "disconnect" and isinstance(e.value, StoreError)
        assert killed == [1] and store.counts()["articles"] == 0


def test_unreachable_postgresql_is_one_line(tmp_path: Path) -> None:
    line = _one_error_line(_ingest_cli(str(tmp_path), "--db", "postgresql://postgres@127.0.0.1:1/none"))
    assert "127.0.0.1:1" in line


def test_lost_connection_in_a_batch_runs_the_whole_batch_again(
    corpus: tuple[Path, int], pg_schema: str, nlp: Pipeline, terminate: Any
) -> None:
    import json

    lines = corpus[0].read_text(encoding="utf-8").splitlines()[:6]
    docs = [nlp(Article(**json.loads(line))) for line in lines]
    killed = terminate(lambda n: n == 2)  # inside the batch's transaction, after the first article's savepoint
    with open_store(PG_URL, schema=pg_schema, retries=2, retry_wait=0.01) as store:
        results = store.write_batch([(d, "batch") for d in docs])
        assert killed == [2]
        assert [r.status for r in results] == ["written"] * 6  # type: ignore[union-attr]
        again = store.write_batch([(d, "batch") for d in docs])
        assert [r.status for r in again] == ["exists"] * 6  # type: ignore[union-attr]
        assert store.counts()["articles"] == 6


def test_read_only_postgresql_is_one_clear_error(pg_schema: str, nlp: Pipeline) -> None:
    doc = nlp(Article(doc_id="ro", text="قصفت طائرات حربية بلدة سراقب اليوم.", published="2024-03-07"))
    with open_store(PG_URL, schema=pg_schema, retry_wait=0.01) as store:
        store.engine.dispose()

        @event.listens_for(store.engine, "connect")
        def _read_only(dbapi_conn: Any, _record: Any) -> None:  # as on a hot standby
            with dbapi_conn.cursor() as cur:
                cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            dbapi_conn.commit()

        with pytest.raises(StoreUnavailable, match=r"database postgresql://postgres@127.0.0.1:5432/test is read-only"):
            store.write(doc, origin="x")
        assert store.counts()["articles"] == 0
