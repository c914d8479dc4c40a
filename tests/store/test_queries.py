"""Tests for the shared queries on SQLite and PostgreSQL: event filters, full-text search, counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from store_docs import ALEPPO, DOUMA, SARAQIB, make_event

from rasd.doc import Doc
from rasd.store import Store
from rasd.store.queries import EventFilter, find_events, search_articles

T1 = "قصفت الطائرات الروسية بلدة سراقب في ريف إدلب وقتل أربعة مدنيين."
T2 = "تظاهر مئات من أهالي دوما احتجاجاً على انقطاع الكهرباء في المدينة."
T3 = "استهدفت فصائل المعارضة المسلحة مواقع للجيش السوري في ريف حلب الشمالي أمس."


@pytest.fixture
def filled(store: Store, make_article: Callable[..., Doc]) -> Store:
    store.write(make_article("t1", T1, source="أ", published="2024-03-01", events=[
        make_event(T1, "قصفت", "ASSAULT", actor=("الطائرات الروسية", "RUS", "MIL"), place=SARAQIB,
                   date="2024-03-01", report_score=0.9)]))
    store.write(make_article("t2", T2, source="ب", published="2024-03-05", events=[
        make_event(T2, "تظاهر", "PROTEST", actor=("أهالي دوما", "SYR", "CVL"), place=DOUMA, date="2024-03-05")]))
    store.write(make_article("t3", T3, source="ب", published="2024-03-09", events=[
        make_event(T3, "استهدفت", "ASSAULT", actor=("فصائل المعارضة المسلحة", "SYR", "REB"),
                   recipient=("للجيش السوري", "SYR", "MIL"), place=ALEPPO, date="2024-03-08", report_score=0.1)]))
    return store


FILTERS: list[tuple[EventFilter, list[str]]] = [
    (EventFilter(), ["t3", "t2", "t1"]),
    (EventFilter(type="ASSAULT"), ["t3", "t1"]),
    (EventFilter(type=("PROTEST", "ASSAULT"), limit=1), ["t3"]),
    (EventFilter(type=("PROTEST", "ASSAULT"), limit=1, offset=1), ["t2"]),
    (EventFilter(actor="SYR"), ["t3", "t2"]),
    (EventFilter(actor="SYR:MIL"), ["t3"]),
    (EventFilter(actor="RUS:MIL"), ["t1"]),
    (EventFilter(admin1="SY-ID"), ["t1"]),
    (EventFilter(date_from=dt.date(2024, 3, 2), date_to=dt.date(2024, 3, 8)), ["t3", "t2"]),
    (EventFilter(source="ب", type="ASSAULT"), ["t3"]),
    (EventFilter(text="الكهرباء"), ["t2"]),
    (EventFilter(text="الطائرات ادلب"), ["t1"]),  # hamza-less إدلب finds إدلب: search is on normalised text
    (EventFilter(text="احتجاجا"), ["t2"]),  # the tanwin of احتجاجاً is folded away
    (EventFilter(text="غير موجود"), []),
    # t3's only report scores under 0.5; t2 (a protest stored with no score) passes
    (EventFilter(min_report_score=0.5), ["t2", "t1"]),
    (EventFilter(min_report_score=0.05, type="ASSAULT"), ["t3", "t1"]),
]


def test_find_events_filters(filled: Store) -> None:
    """Every filter on one filled store (filling it per filter would be slow)."""
    doc_ids = {"RUS": "t1", "SYR:CVL": "t2", "SYR:REB": "t3"}
    with filled.connect() as conn:
        for f, expected in FILTERS:
            got = []
            for e in find_events(conn, f):
                first = e["actors"][0]
                got.append(doc_ids.get(first["code"]) or doc_ids[f"{first['code']}:{first['sector']}"])
            assert got == expected, f


def test_search_articles_normalised(filled: Store) -> None:
    with filled.connect() as conn:
        hits = search_articles(conn, "سراقب")
        none = search_articles(conn, '"')
    assert [h["doc_id"] for h in hits] == ["t1"] and hits[0]["date"] == "2024-03-01" and hits[0]["source"] == "أ"
    assert none == []


def test_counts_start_at_zero(store: Store) -> None:
    assert set(store.counts().values()) == {0}


def test_min_report_score_reads_the_best_report_of_an_event(store: Store, make_article: Callable[..., Doc]) -> None:
    """An event's score is the best of its reports' (the summaries show it); one with none passes the filter."""
    from rasd.store.queries import event_reports

    t1b = T1.replace("وقتل", "ما أدى إلى مقتل")  # another outlet's words for the same strike
    store.write(make_article("a", T1, source="أ", published="2024-03-01", events=[
        make_event(T1, "قصفت", "ASSAULT", actor=("الطائرات الروسية", "RUS", "MIL"), place=SARAQIB,
                   date="2024-03-01")]))  # stored with no score, as before schema 0002
    store.write(make_article("b", t1b, source="ب", published="2024-03-01", events=[
        make_event(t1b, "قصفت", "ASSAULT", actor=("الطائرات الروسية", "RUS", "MIL"), place=SARAQIB,
                   date="2024-03-01", report_score=0.1)]))
    store.write(make_article("c", T2, source="ب", published="2024-03-05", events=[
        make_event(T2, "تظاهر", "PROTEST", actor=("أهالي دوما", "SYR", "CVL"), place=DOUMA, date="2024-03-05")]))
    with store.connect() as conn:
        (strike,) = find_events(conn, EventFilter(type="ASSAULT"))
        assert sorted(r["report_score"] or 0 for r in event_reports(conn, strike["id"])) == [0, 0.1]  # merged
        assert [e["type"] for e in find_events(conn, EventFilter(min_report_score=0.8))] == ["PROTEST"]
        assert {e["type"] for e in find_events(conn, EventFilter(min_report_score=0.05))} == {"ASSAULT", "PROTEST"}
