"""A SIGKILLed ingestion leaves no half-written article; a restart ends where a clean run does."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rasd.pipeline import Pipeline
from rasd.store import open_store
from rasd.store.ingest import ingest

TOWNS = [("سراقب", "إدلب"), ("معرة النعمان", "إدلب"), ("دوما", "الغوطة الشرقية"), ("حرستا", "الغوطة الشرقية"),
         ("خان شيخون", "إدلب"), ("جسر الشغور", "إدلب")]
OUTLETS = [
    ("وكالة الشمال", "قصفت الطائرات الحربية السورية بلدة {town} في ريف {region} {day} ما أدى إلى مقتل {n} مدنيين."),
    ("إذاعة الساحل", "أفادت مصادر محلية بأن الجيش السوري قصف {town} في {region} {day}، وقتل {n} أشخاص."),
    ("صحيفة الوادي", "قال الدفاع المدني إن {n} مدنيين قتلوا في قصف للطائرات السورية على {town} بريف {region} {day}."),
]
DAYS = [("اليوم", "2024-03-07"), ("أمس", "2024-03-08")]

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


def _articles(path: Path) -> int:
    lines = []
    for (town, region) in TOWNS:
        for word, published in DAYS:
            for i, (outlet, template) in enumerate(OUTLETS):
                text = template.format(town=town, region=region, day=word, n=3 + i)
                lines.append(json.dumps({"doc_id": f"{town}-{published}-{i}", "source": outlet,
                                         "published": published, "text": text}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _snapshot(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    try:
        return {
            "articles": sorted(r[0] for r in con.execute("SELECT content_hash FROM articles")),
            "events": sorted(con.execute("SELECT id, n_mentions, n_articles, date_min, date_max FROM events")),
            "mentions": sorted(con.execute("SELECT id, event_id, merge_reason FROM event_mentions")),
            "statements": con.execute("SELECT count(*) FROM statements").fetchone()[0],
            "aggregates": con.execute("SELECT count(*) FROM aggregates").fetchone()[0],
            "places": con.execute("SELECT count(*) FROM event_places").fetchone()[0],
        }
    finally:
        con.close()


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
    total = _articles(src)
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
    kept = {m[0].rsplit("-", 1)[0] for m in partial["mentions"]}  # type: ignore[union-attr]
    clean_of_kept = [m for m in clean["mentions"] if m[0].rsplit("-", 1)[0] in kept]  # type: ignore[union-attr]
    assert partial["mentions"] == clean_of_kept

    with open_store(str(killed_db)) as store:
        again = ingest(store, [str(src)], pipeline=nlp)
    assert again.skipped == len(partial["articles"])  # type: ignore[arg-type]
    assert _snapshot(killed_db) == clean

    with open_store(str(killed_db)) as store:  # and a third run does nothing at all
        third = ingest(store, [str(src)], pipeline=nlp)
    assert (third.written, third.skipped) == (0, total)
    assert _snapshot(killed_db) == clean
