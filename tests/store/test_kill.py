"""A SIGKILLed ingestion leaves no half-written article; a restart ends where a clean run does."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine
from store_corpus import complete_part_of, snapshot, write_articles

from rasd.pipeline import Pipeline
from rasd.store import open_store
from rasd.store.ingest import ingest

# Run by the test in a child process: ingestion whose transactions are slowed so that SIGKILL lands inside one.
CHILD = """
import sys, time
from rasd.store import write
original = write.Writer._add_keys
def slow(self, *args, **kwargs):
    time.sleep(0.03)
    return original(self, *args, **kwargs)
write.Writer._add_keys = slow
from rasd.cli import main
main(["ingest", sys.argv[1], "--db", sys.argv[2], "--no-progress"])
"""


def _snapshot(db: Path) -> dict[str, object]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        return snapshot(engine)
    finally:
        engine.dispose()


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def test_sigkill_mid_run_then_restart_equals_clean_run(tmp_path: Path, nlp: Pipeline) -> None:
    src = tmp_path / "articles.jsonl"
    total = write_articles(src)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"

    with open_store(str(clean_db)) as store:
        report = ingest(store, [str(src)], pipeline=nlp)
    assert report.written == total and report.merged > 0  # outlets' reports of one strike merged
    clean = _snapshot(clean_db)

    child = subprocess.Popen([sys.executable, "-c", CHILD, str(src), str(killed_db)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while _count(killed_db) < total // 3 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    partial = _snapshot(killed_db)
    assert 0 < len(partial["articles"]) < total  # type: ignore[arg-type]
    # every stored article is complete: its event mentions are exactly those of the clean run
    assert complete_part_of(partial, clean)

    with open_store(str(killed_db)) as store:
        again = ingest(store, [str(src)], pipeline=nlp)
    assert again.skipped == len(partial["articles"])  # type: ignore[arg-type]
    assert _snapshot(killed_db) == clean

    with open_store(str(killed_db)) as store:  # and a third run does nothing at all
        third = ingest(store, [str(src)], pipeline=nlp)
    assert (third.written, third.skipped) == (0, total)
    assert _snapshot(killed_db) == clean
