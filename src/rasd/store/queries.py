"""Every read of the store, shared by the command line, the API and the exports: filters, events, aggregates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, func, literal_column, or_, select, text

from rasd.store.schema import (
    actors,
    aggregates,
    articles,
    event_mentions,
    event_participants,
    event_places,
    events,
    failures,
    places,
    sources,
    statements,
)
from rasd.text import norm

COUNTED_TABLES = {
    "articles": articles,
    "duplicates": None,
    "events": events,
    "event_mentions": event_mentions,
    "statements": statements,
    "aggregates": aggregates,
    "actors": actors,
    "places": places,
    "sources": sources,
    "failures": failures,
}


def counts(conn: Connection) -> dict[str, int]:
    """Number of rows of each main table; ``duplicates`` counts near-duplicate articles."""
    out: dict[str, int] = {}
    for name, table in COUNTED_TABLES.items():
        if table is None:
            q = select(func.count()).select_from(articles).where(articles.c.duplicate_of.is_not(None))
        else:
            q = select(func.count()).select_from(table)
        out[name] = int(conn.execute(q).scalar_one())
    return out


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read. Every field is optional; set fields combine with AND.

    Attributes:
        type: PLOVER event type (``ASSAULT``), any of several when a tuple.
        actor: Actor code (``SYR``) or ``CODE:SECTOR`` (``SYR:MIL``) of an actor or recipient of any report.
        admin1: Province code (``SY-ID``) of any report's place.
        date_from: Events on or after this day.
        date_to: Events on or before this day.
        text: Words that must all occur in one of the event's articles (normalised, full-text search).
        status: Event status (``asserted`` by default; ``None`` for all).
        source: Name of a source that reported the event.
        min_report_score: Only events whose best report score (rasd.stages.salience) is at least this, or
            that have none (types the salience model does not score, reports stored before schema 0002,
            which keep no score: re-ingesting skips articles already stored).
        limit: At most this many events.
        offset: Skip this many events first (paging).
    """

    type: str | tuple[str, ...] | None = None
    actor: str | None = None
    admin1: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None
    status: str | None = "asserted"
    source: str | None = None
    min_report_score: float | None = None
    limit: int = 100
    offset: int = 0


def _search_ids(conn: Connection, words: str) -> Any:
    """A selectable of article ids whose normalised title or text hold all ``words``."""
    terms = [c for c in (t.replace('"', "").replace("\x00", "") for t in norm(words).split()) if c]
    if not terms:
        return None
    if conn.dialect.name == "sqlite":
        query = " ".join(f'"{t}"' for t in terms)
        return (
            text("SELECT rowid FROM article_fts WHERE article_fts MATCH :q")
            .bindparams(q=query)
            .columns(literal_column("rowid"))
        )
    if conn.dialect.name == "postgresql":
        return (
            text("SELECT article_id FROM article_search WHERE tsv @@ plainto_tsquery('simple', :q)")
            .bindparams(q=" ".join(terms))
            .columns(literal_column("article_id"))
        )
    like = [articles.c.text.contains(t) for t in terms]
    return select(articles.c.id).where(and_(*like))


def search_articles(conn: Connection, words: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Articles whose normalised title or text contain all ``words`` (alef, ya, diacritics folded)."""
    ids = _search_ids(conn, words)
    if ids is None:
        return []
    sub = ids.subquery()
    rows = conn.execute(
        select(articles.c.id, articles.c.doc_id, articles.c.title, articles.c.pub_date, sources.c.name)
        .outerjoin(sources, sources.c.id == articles.c.source_id)
        .where(articles.c.id.in_(select(sub.c[0])))
        .order_by(articles.c.pub_date, articles.c.id)
        .limit(limit)
    ).all()
    return [{"id": r[0], "doc_id": r[1], "title": r[2], "date": iso_day(r[3]), "source": r[4]} for r in rows]


def iso_day(d: dt.date | None) -> str | None:
    """``YYYY-MM-DD`` of a day, or None."""
    return d.isoformat() if d else None


def events_query(conn: Connection, f: EventFilter) -> Select[Any]:
    """The SELECT of event ids matching ``f`` (without limit); the base of listing, counting and exports."""
    q = select(events.c.id)
    if f.type:
        types = (f.type,) if isinstance(f.type, str) else tuple(f.type)
        q = q.where(events.c.type.in_(types))
    if f.status:
        q = q.where(events.c.status == f.status)
    if f.date_from:
        q = q.where(events.c.date_max >= f.date_from)
    if f.date_to:
        q = q.where(events.c.date_min <= f.date_to)
    # Each filter on reports is a set-based IN (subquery), which uses the indexes, not a per-event EXISTS.
    if f.actor:
        code, _, sector = f.actor.partition(":")
        cond = [actors.c.code == code] + ([actors.c.sector == sector] if sector else [])
        q = q.where(
            events.c.id.in_(
                select(event_mentions.c.event_id)
                .join(event_participants, event_participants.c.mention_id == event_mentions.c.id)
                .join(actors, actors.c.id == event_participants.c.actor_id)
                .where(*cond)
            )
        )
    if f.admin1:
        q = q.where(
            or_(
                events.c.admin1 == f.admin1,
                events.c.id.in_(
                    select(event_mentions.c.event_id)
                    .join(event_places, event_places.c.mention_id == event_mentions.c.id)
                    .join(places, places.c.id == event_places.c.place_id)
                    .where(places.c.admin1 == f.admin1)
                ),
            )
        )
    if f.source:
        q = q.where(
            events.c.id.in_(
                select(event_mentions.c.event_id)
                .join(articles, articles.c.id == event_mentions.c.article_id)
                .join(sources, sources.c.id == articles.c.source_id)
                .where(sources.c.name == f.source)
            )
        )
    if f.min_report_score is not None:  # the best score of its reports, as the summaries show it
        best = func.max(event_mentions.c.report_score)
        q = q.where(
            events.c.id.in_(
                select(event_mentions.c.event_id)
                .group_by(event_mentions.c.event_id)
                .having(or_(best.is_(None), best >= f.min_report_score))
            )
        )
    if f.text:
        ids = _search_ids(conn, f.text)
        if ids is not None:
            sub = ids.subquery()
            q = q.where(
                events.c.id.in_(
                    select(event_mentions.c.event_id).where(event_mentions.c.article_id.in_(select(sub.c[0])))
                )
            )
    return q


def find_events(conn: Connection, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events (clusters) matching ``f``, newest first, each with its places, actors and number of reports.

    Returns:
        One dict per event: ``id, type, mode, status, date_min, date_max, country, admin1,
        n_mentions, n_articles, n_sources, actors, places, evidence`` (the first report's sentence).
    """
    f = f or EventFilter()
    ids = events_query(conn, f).subquery()
    rows = conn.execute(
        select(events)
        .where(events.c.id.in_(select(ids.c.id)))
        .order_by(events.c.date_max.desc().nulls_last(), events.c.id)
        .limit(f.limit)
        .offset(f.offset)
    ).all()
    return [_event_summary(conn, r._mapping) for r in rows]


def _event_summary(conn: Connection, r: Any) -> dict[str, Any]:
    eid = r["id"]
    acts = conn.execute(
        select(event_participants.c.role, actors.c.code, actors.c.sector, event_participants.c.text)
        .select_from(event_participants)
        .join(actors, actors.c.id == event_participants.c.actor_id)
        .join(event_mentions, event_mentions.c.id == event_participants.c.mention_id)
        .where(event_mentions.c.event_id == eid)
        .order_by(event_participants.c.id)
    ).all()
    plcs = conn.execute(
        select(places.c.name, places.c.admin1, places.c.country)
        .select_from(places)
        .join(event_places, event_places.c.place_id == places.c.id)
        .join(event_mentions, event_mentions.c.id == event_places.c.mention_id)
        .where(event_mentions.c.event_id == eid)
        .distinct()
    ).all()
    first = conn.execute(
        select(articles.c.text, event_mentions.c.start, event_mentions.c.end)
        .select_from(event_mentions)
        .join(articles, articles.c.id == event_mentions.c.article_id)
        .where(event_mentions.c.id == r["first_mention_id"])
    ).first()
    n_sources = conn.execute(
        select(func.count(func.distinct(articles.c.source_id)))
        .select_from(event_mentions.join(articles, articles.c.id == event_mentions.c.article_id))
        .where(event_mentions.c.event_id == eid)
    ).scalar_one()
    seen: set[tuple[str, str | None, str | None]] = set()
    actor_list = []
    for role, code, sector, txt in acts:
        key = (role, code or None, sector or None)
        if key not in seen:
            seen.add(key)
            actor_list.append({"role": role, "code": code or None, "sector": sector or None, "text": txt})
    return {
        "id": eid,
        "type": r["type"],
        "mode": r["mode"],
        "status": r["status"],
        "date_min": iso_day(r["date_min"]),
        "date_max": iso_day(r["date_max"]),
        "country": r["country"],
        "admin1": r["admin1"],
        "n_mentions": r["n_mentions"],
        "n_articles": r["n_articles"],
        "n_sources": int(n_sources),
        "actors": actor_list,
        "places": sorted({(p[0], p[1], p[2]) for p in plcs}, key=str),
        "evidence": first[0][first[1] : first[2]] if first else None,
    }


def event_reports(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    """Every report (event mention) of one event: article, source, evidence and why it was merged."""
    rows = conn.execute(
        select(
            event_mentions.c.id,
            event_mentions.c.merge_reason,
            event_mentions.c.trigger,
            event_mentions.c.start,
            event_mentions.c.end,
            event_mentions.c.date,
            event_mentions.c.cluster_date,
            event_mentions.c.report_score,
            articles.c.id,
            articles.c.doc_id,
            articles.c.title,
            articles.c.text,
            articles.c.duplicate_of,
            sources.c.name,
        )
        .join(articles, articles.c.id == event_mentions.c.article_id)
        .outerjoin(sources, sources.c.id == articles.c.source_id)
        .where(event_mentions.c.event_id == event_id)
        .order_by(articles.c.id, event_mentions.c.idx)
    ).all()
    return [
        {
            "mention_id": r[0],
            "merge_reason": r[1],
            "trigger": r[2],
            "evidence": r[11][r[3] : r[4]],
            "start": r[3],
            "end": r[4],
            "date": iso_day(r[5]),
            "cluster_date": iso_day(r[6]),
            "report_score": r[7],
            "article_id": r[8],
            "doc_id": r[9],
            "title": r[10],
            "duplicate_of": r[12],
            "source": r[13],
        }
        for r in rows
    ]


def aggregates_side_by_side(
    conn: Connection,
    *,
    metric: str | None = None,
    admin1: str | None = None,
    day_from: dt.date | None = None,
    day_to: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Reported counts grouped by (metric, day, province), one entry per reporter: never summed.

    Returns:
        One dict per (metric, day, admin1) with ``reports``: a list of ``{reporter, value, period,
        article_id, evidence}`` in article order.
    """
    q = (
        select(
            aggregates.c.metric,
            aggregates.c.day,
            aggregates.c.admin1,
            aggregates.c.value,
            aggregates.c.period,
            aggregates.c.reporter_text,
            actors.c.code,
            actors.c.sector,
            aggregates.c.article_id,
            aggregates.c.start,
            aggregates.c.end,
            articles.c.text,
        )
        .join(articles, articles.c.id == aggregates.c.article_id)
        .outerjoin(actors, actors.c.id == aggregates.c.reporter_id)
        .order_by(aggregates.c.metric, aggregates.c.day, aggregates.c.admin1, aggregates.c.article_id, aggregates.c.idx)
    )
    if metric:
        q = q.where(aggregates.c.metric == metric)
    if admin1:
        q = q.where(aggregates.c.admin1.contains(admin1))
    if day_from:
        q = q.where(aggregates.c.day >= day_from)
    if day_to:
        q = q.where(aggregates.c.day <= day_to)
    groups: dict[tuple[str, str | None, str], dict[str, Any]] = {}
    for r in conn.execute(q):
        key = (r[0], iso_day(r[1]), r[2])
        g = groups.setdefault(
            key, {"metric": r[0], "day": key[1], "admin1": r[2].split(",") if r[2] else [], "reports": []}
        )
        g["reports"].append(
            {
                "reporter": r[5],
                "reporter_code": r[6] or None,
                "reporter_sector": r[7] or None,
                "value": r[3],
                "period": r[4],
                "article_id": r[8],
                "evidence": r[11][r[9] : r[10]],
            }
        )
    return list(groups.values())


@dataclass(slots=True)
class MergeStats:
    """How event mentions were merged into events."""

    mentions: int = 0
    events: int = 0
    merged_mentions: int = 0  # mentions that joined an existing event
    multi_report_events: int = 0  # events with more than one report
    by_type: dict[str, tuple[int, int]] = field(default_factory=dict)  # type → (mentions, events)


def merge_stats(conn: Connection) -> MergeStats:
    """Counts of mentions, events and merges in the whole store."""
    st = MergeStats()
    for typ, n_m, n_e in conn.execute(
        select(events.c.type, func.sum(events.c.n_mentions), func.count()).group_by(events.c.type)
    ):
        st.by_type[typ] = (int(n_m), int(n_e))
        st.mentions += int(n_m)
        st.events += int(n_e)
    st.merged_mentions = int(
        conn.execute(
            select(func.count()).select_from(event_mentions).where(event_mentions.c.merge_reason.is_not(None))
        ).scalar_one()
    )
    st.multi_report_events = int(
        conn.execute(select(func.count()).select_from(events).where(events.c.n_mentions > 1)).scalar_one()
    )
    return st
