"""Tests for the write path on SQLite and PostgreSQL: idempotence, transactions, dedup, clustering, aggregates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from store_docs import DOUMA, HARASTA, IDLIB, SARAQIB, actor_at, make_event

from rasd.doc import Doc
from rasd.records import Actor, Aggregate, Statement
from rasd.store import Store, StoreError
from rasd.store import write as write_mod
from rasd.store.queries import aggregates_side_by_side, event_reports, find_events, merge_stats
from rasd.store.schema import articles, event_mentions

STRIKE_A = "قصفت الطائرات الحربية السورية بلدة سراقب في ريف إدلب صباح اليوم ما أدى إلى مقتل خمسة مدنيين."
STRIKE_B = "قتل خمسة مدنيين في غارة جوية شنتها الطائرات السورية على سراقب بريف إدلب الجنوبي."
STRIKE_C = "أفاد ناشطون بأن الطائرات السورية قصفت مدينة دوما في الغوطة الشرقية اليوم وقتل ثلاثة أشخاص."
STRIKE_D = "ذكر مراسلنا أن الطائرات السورية قصفت مدينة حرستا القريبة من دوما يوم أمس."
DENIAL = "نفى الجيش السوري أن تكون طائراته قصفت بلدة سراقب في ريف إدلب."


def _strike_a(mk: Callable[..., Doc], doc_id: str = "a", source: str = "وكالة أ") -> Doc:
    ev = make_event(STRIKE_A, "قصفت", "ASSAULT", actor=("الطائرات الحربية السورية", "SYR", "MIL"), place=SARAQIB,
                    date="2024-03-07", size={"killed": 5})
    return mk(doc_id, STRIKE_A, events=[ev], source=source)


def _strike_b(mk: Callable[..., Doc], published: str = "2024-03-07") -> Doc:
    ev = make_event(STRIKE_B, "غارة", "ASSAULT", actor=("الطائرات السورية", "SYR", "MIL"), place=SARAQIB,
                    date=published)
    return mk("b", STRIKE_B, events=[ev], source="وكالة ب", published=published)


def test_write_stores_article_with_records(store: Store, make_article: Callable[..., Doc]) -> None:
    speaker = actor_at(STRIKE_A, "الطائرات الحربية السورية", "SYR", "MIL")
    st = Statement(speaker=speaker, cue="قصفت", cue_start=0, cue_end=4, kind="indirect", start=0, end=len(STRIKE_A))
    doc = _strike_a(make_article)
    doc.statements = [st]
    result = store.write(doc, origin="test.txt")
    assert result.status == "written" and result.events == 1 and result.merged == 0
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1 and counts["event_mentions"] == 1
    assert counts["statements"] == 1 and counts["sources"] == 1
    with store.connect() as conn:
        (event,) = find_events(conn)
        (report,) = event_reports(conn, event["id"])
    assert event["type"] == "ASSAULT" and event["admin1"] == "SY-ID" and event["date_min"] == "2024-03-07"
    assert event["actors"] == [{"role": "actor", "code": "SYR", "sector": "MIL", "text": "الطائرات الحربية السورية"}]
    assert report["trigger"] == "قصفت" and report["evidence"] == STRIKE_A and report["merge_reason"] is None


def test_write_again_does_nothing(store: Store, make_article: Callable[..., Doc]) -> None:
    first = store.write(_strike_a(make_article))
    before = store.counts()
    again = store.write(_strike_a(make_article, doc_id="another-name"))  # same content, other file name
    assert again.status == "exists" and again.article_id == first.article_id
    assert store.counts() == before


def test_write_failure_leaves_nothing(
    store: Store, make_article: Callable[..., Doc], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk on fire")

    doc = _strike_a(make_article)
    doc.statements = [Statement(None, "قال", 0, 3, "indirect", 0, 10)]
    monkeypatch.setattr(write_mod.Writer, "_add_keys", lambda *a, **k: boom())  # fails after rows were inserted
    with pytest.raises(RuntimeError):
        store.write(doc)
    assert all(v == 0 for v in store.counts().values())
    monkeypatch.undo()
    assert store.write(doc).status == "written"  # ids cached during the failed write were not kept


def test_write_database_error_names_article(store: Store, make_article: Callable[..., Doc]) -> None:
    doc = _strike_a(make_article, doc_id="مقال-7")
    doc.events[0].trigger = None  # type: ignore[assignment]  # the column is NOT NULL: the database refuses
    with pytest.raises(StoreError, match="article 'مقال-7'"):
        store.write(doc)
    assert store.counts()["articles"] == 0


def test_same_event_from_two_outlets_merges(store: Store, make_article: Callable[..., Doc]) -> None:
    store.write(_strike_a(make_article))
    result = store.write(_strike_b(make_article))
    assert result.merged == 1
    with store.connect() as conn:
        (event,) = find_events(conn)
        reports = event_reports(conn, event["id"])
        stats = merge_stats(conn)
    assert event["n_mentions"] == 2 and event["n_articles"] == 2 and event["n_sources"] == 2
    assert reports[0]["merge_reason"] is None
    reason = reports[1]["merge_reason"]
    assert "same type ASSAULT" in reason and "same day" in reason and "SYR:MIL" in reason and "g-saraqib" in reason
    assert (stats.mentions, stats.events, stats.merged_mentions) == (2, 1, 1)


def test_neighbouring_towns_and_next_day_merge(store: Store, make_article: Callable[..., Doc]) -> None:
    c = make_event(STRIKE_C, "قصفت", "ASSAULT", actor=("الطائرات السورية", "SYR", "MIL"), place=DOUMA,
                   date="2024-03-07")
    d = make_event(STRIKE_D, "قصفت", "ASSAULT", actor=("الطائرات السورية", "SYR", "MIL"), place=HARASTA,
                   date="2024-03-06")
    store.write(make_article("c", STRIKE_C, events=[c]))
    assert store.write(make_article("d", STRIKE_D, events=[d])).merged == 1
    with store.connect() as conn:
        (event,) = find_events(conn)
        reason = event_reports(conn, event["id"])[1]["merge_reason"]
    assert (event["date_min"], event["date_max"]) == ("2024-03-06", "2024-03-07")
    assert "1 day apart" in reason and "neighbouring places 4 km apart" in reason


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"place": DOUMA}, "other province"),
        ({"date": "2024-03-12"}, "five days later"),
        ({"type_": "PROTEST"}, "other type"),
        ({"actor": ("الطائرات السورية", "RUS", "MIL")}, "other actor"),
        ({"status": "negated"}, "a denial is not a report of the strike"),
    ],
    ids=["place", "date", "type", "actor", "negated"],
)
def test_different_events_stay_apart(
    store: Store, make_article: Callable[..., Doc], change: dict[str, Any], why: str
) -> None:
    store.write(_strike_a(make_article))
    args: dict[str, Any] = {"actor": ("الطائرات السورية", "SYR", "MIL"), "place": SARAQIB, "date": "2024-03-07"}
    args.update(change)
    text = STRIKE_B if args["place"] is SARAQIB else STRIKE_C
    trigger = "غارة" if text == STRIKE_B else "قصفت"
    type_ = args.pop("type_", "ASSAULT")
    ev = make_event(text, trigger, type_, **args)
    assert store.write(make_article("b", text, events=[ev])).merged == 0, why
    assert store.counts()["events"] == 2


def test_event_ids_are_stable_across_runs(
    open_test_store: Callable[[], Store], make_article: Callable[..., Doc], tmp_path: Any
) -> None:
    store = open_test_store()
    store.write(_strike_a(make_article))
    store.write(_strike_b(make_article))
    with store.connect() as conn:
        ids = [e["id"] for e in find_events(conn)]
    assert ids == [f"ev-{write_mod.content_hash(_strike_a(make_article).article)[:16]}-0"]


WIRE = (
    "قصفت الطائرات الحربية السورية بلدة سراقب في ريف إدلب صباح اليوم ما أدى إلى مقتل خمسة مدنيين بينهم طفلان، "
    "وفق ما أفاد به الدفاع المدني في المحافظة. وقال مسؤول محلي إن الغارات استهدفت سوقا شعبيا ومبنى سكنيا "
    "في وسط البلدة، وإن فرق الإسعاف نقلت عشرات الجرحى إلى المستشفيات القريبة. وتشهد المنطقة تصعيدا عسكريا "
    "منذ أسابيع رغم الاتفاق على خفض التصعيد الذي رعته تركيا وروسيا في العام الماضي."
)


def test_near_duplicate_is_linked_and_counted_once(store: Store, make_article: Callable[..., Doc]) -> None:
    republished = "إدلب (رويترز) - " + WIRE.replace("صباح اليوم", "صباح الخميس")
    events = []
    for text in (WIRE, republished):
        events.append(make_event(text, "قصفت", "ASSAULT", actor=("الطائرات الحربية السورية", "SYR", "MIL"),
                                 place=SARAQIB, date="2024-03-07"))
    first = store.write(make_article("wire", WIRE, events=[events[0]], source="وكالة أ"))
    copy = store.write(make_article("copy", republished, events=[events[1]], source="صحيفة ج"))
    assert copy.duplicate_of == first.article_id
    with store.connect() as conn:
        sim = conn.execute(select(articles.c.similarity).where(articles.c.id == copy.article_id)).scalar_one()
        reason = conn.execute(
            select(event_mentions.c.merge_reason).where(event_mentions.c.article_id == copy.article_id)
        ).scalar_one()
    assert sim >= 0.8
    assert reason.startswith(f"article is a near-duplicate ({sim}) of article {first.article_id}")
    assert store.counts()["duplicates"] == 1 and store.counts()["events"] == 1


def test_different_story_is_not_a_duplicate(store: Store, make_article: Callable[..., Doc]) -> None:
    store.write(make_article("wire", WIRE, events=[]))
    assert store.write(make_article("other", STRIKE_C + " " + STRIKE_D, events=[])).duplicate_of is None


def test_aggregates_from_two_reporters_side_by_side(store: Store, make_article: Callable[..., Doc]) -> None:
    t1 = "أعلنت وزارة الدفاع الروسية رصد 12 خرقا لوقف إطلاق النار في إدلب خلال الساعات الـ24 الماضية."
    t2 = "رصد المرصد السوري 30 خرقا لوقف إطلاق النار في إدلب خلال الساعات الـ24 الماضية."
    a1 = Aggregate("ceasefire_violations", 12, "last_24h", 0, len(t1), ["SY-ID"], Actor("وزارة الدفاع الروسية", 6, 26,
                   "RUS", "MIL"))
    a2 = Aggregate("ceasefire_violations", 30, "last_24h", 0, len(t2), ["SY-ID"], Actor("المرصد السوري", 4, 17, "NGO",
                   "NGO"))
    store.write(make_article("r1", t1, aggregates=[a1], events=[], source="تاس"))
    store.write(make_article("r2", t2, aggregates=[a2], events=[], source="المرصد"))
    with store.connect() as conn:
        (group,) = aggregates_side_by_side(conn, metric="ceasefire_violations", admin1="SY-ID")
    assert group["day"] == "2024-03-07" and group["admin1"] == ["SY-ID"]
    assert [(r["reporter_code"], r["value"]) for r in group["reports"]] == [("RUS", 12), ("NGO", 30)]
    assert "total" not in group and all("sum" not in k for k in group)


def test_record_failure_once(store: Store) -> None:
    store.record_failure("a.txt", None, "file is empty")
    store.record_failure("a.txt", None, "file is empty")
    assert store.counts()["failures"] == 1


def test_denial_never_merges_with_itself(store: Store, make_article: Callable[..., Doc]) -> None:
    ev = make_event(DENIAL, "قصفت", "ASSAULT", actor=("الجيش السوري", "SYR", "MIL"), place=IDLIB,
                    date="2024-03-07", status="negated")
    store.write(make_article("n1", DENIAL, events=[ev]))
    store.write(make_article("n2", DENIAL + " ", events=[ev], source="أخرى"))
    assert store.counts()["events"] == 2


def test_write_batch_keeps_the_good_articles(
    store: Store, make_article: Callable[..., Doc], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = write_mod.Writer._write

    def flaky(self: write_mod.Writer, conn: Any, doc: Doc, *args: Any) -> Any:
        result = original(self, conn, doc, *args)  # rows are written, then the database fails
        if doc.article.doc_id == "bad":
            raise OperationalError("INSERT", {}, RuntimeError("disk full"))
        return result

    docs = [_strike_a(make_article), _strike_b(make_article), make_article("bad", STRIKE_C, events=[])]
    docs.insert(1, docs.pop())  # the bad one in the middle
    monkeypatch.setattr(write_mod.Writer, "_write", flaky)
    results = store.write_batch([(d, "batch.jsonl") for d in docs])
    assert [type(r).__name__ for r in results] == ["WriteResult", "StoreError", "WriteResult"]
    assert "article 'bad' (batch.jsonl): not stored" in str(results[1])
    assert store.counts()["articles"] == 2 and store.counts()["events"] == 1  # the two strikes merged
    monkeypatch.undo()
    again = store.write_batch([(d, "batch.jsonl") for d in docs])
    assert [r.status for r in again if isinstance(r, write_mod.WriteResult)] == ["exists", "written", "exists"]
    assert store.counts()["articles"] == 3
