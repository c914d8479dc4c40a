"""Reads the API, the pages, the bulletin and the exports need beyond :mod:`rasd.store.queries` (one path for all).

Built on the store's tables and on :func:`rasd.store.queries.events_query`; every function takes an open
connection and returns plain JSON-ready data. Functions here that are useful beyond the web app are
candidates to move into :mod:`rasd.store.queries`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Select, and_, distinct, exists, func, select

from rasd.store import queries as sq
from rasd.store.queries import iso_day
from rasd.store.schema import (
    actors,
    articles,
    event_mentions,
    event_participants,
    event_places,
    events,
    places,
    sources,
)

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
"""The 16 PLOVER event types, in the codebook's order."""

STATUSES = ("asserted", "negated", "future", "hypothetical")


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters shared by every listing; a field a listing does not know is ignored by it.

    Attributes:
        type: PLOVER event types (any of them).
        actor: Actor code (``SYR``) or ``CODE:SECTOR``: an event's actor or recipient, a statement's
            speaker, an aggregate's reporter.
        sector: Actor sector (``MIL``) of the same.
        admin1: Province code (ISO 3166-2, ``SY-ID``).
        date_from: On or after this day.
        date_to: On or before this day.
        text: Words that must all occur in the article (normalised full-text search).
        source: Name of the source (news outlet).
        status: Event status; ``None`` for all.
        metric: Aggregate metric.
        min_report_score: Only events whose best report score (salience) is at least this, or that have none.
        limit: Page size.
        offset: Rows skipped first.
    """

    type: tuple[str, ...] = ()
    actor: str | None = None
    sector: str | None = None
    admin1: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None
    source: str | None = None
    status: str | None = "asserted"
    metric: str | None = None
    min_report_score: float | None = None
    limit: int = 50
    offset: int = 0

    def store_filter(self) -> sq.EventFilter:
        """The store's :class:`~rasd.store.queries.EventFilter` for these filters."""
        return sq.EventFilter(
            type=self.type or None,
            actor=self.actor,
            admin1=self.admin1,
            date_from=self.date_from,
            date_to=self.date_to,
            text=self.text,
            status=self.status,
            source=self.source,
            min_report_score=self.min_report_score,
            limit=self.limit,
            offset=self.offset,
        )

    def page(self, limit: int, offset: int = 0) -> Filters:
        """The same filters with another page."""
        return replace(self, limit=limit, offset=offset)


def actor_conds(actor: str | None, sector: str | None) -> list[Any]:
    """Conditions on :data:`actors` for an ``actor`` (``CODE`` or ``CODE:SECTOR``) and a ``sector`` filter."""
    conds: list[Any] = []
    if actor:
        code, _, sec = actor.partition(":")
        conds.append(actors.c.code == code)
        if sec:
            conds.append(actors.c.sector == sec)
    if sector:
        conds.append(actors.c.sector == sector)
    return conds


def evidence_sql(start: Any, end: Any) -> Any:
    """SQL for ``articles.text[start:end]`` (substr counts from 1)."""
    return func.substr(articles.c.text, start + 1, end - start)


# --- events ---------------------------------------------------------------------------------------------------


def event_ids(conn: Connection, f: Filters) -> Select[Any]:
    """The SELECT of the ids of events matching ``f`` (the store's query plus a sector filter)."""
    q = sq.events_query(conn, f.store_filter())
    if f.sector:
        q = q.where(
            exists(
                select(1)
                .select_from(
                    event_mentions.join(
                        event_participants, event_participants.c.mention_id == event_mentions.c.id
                    ).join(actors, actors.c.id == event_participants.c.actor_id)
                )
                .where(event_mentions.c.event_id == events.c.id, actors.c.sector == f.sector)
            )
        )
    return q


def count_events(conn: Connection, f: Filters) -> int:
    """How many events match ``f`` (all pages)."""
    sub = event_ids(conn, f).subquery()
    return int(conn.execute(select(func.count()).select_from(sub)).scalar_one())


def list_events(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """One page of events matching ``f``, newest first, each summarised (see :func:`event_summaries`)."""
    sub = event_ids(conn, f).subquery()
    rows = conn.execute(
        select(events)
        .where(events.c.id.in_(select(sub.c.id)))
        .order_by(events.c.date_max.desc().nulls_last(), events.c.id)
        .limit(f.limit)
        .offset(f.offset)
    ).all()
    return event_summaries(conn, [r._mapping for r in rows])


def event_summaries(conn: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    """Summaries of event rows: actors, places, reports, sources and the first report's evidence.

    Reads every event of the page with a fixed number of queries (no query per event).
    """
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    acts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[str, str, str | None, str | None]] = set()
    for eid, role, code, sector, name, txt in conn.execute(
        select(
            event_mentions.c.event_id,
            event_participants.c.role,
            actors.c.code,
            actors.c.sector,
            actors.c.name,
            event_participants.c.text,
        )
        .select_from(event_participants)
        .join(actors, actors.c.id == event_participants.c.actor_id)
        .join(event_mentions, event_mentions.c.id == event_participants.c.mention_id)
        .where(event_mentions.c.event_id.in_(ids))
        .order_by(event_participants.c.id)
    ):
        key = (eid, role, code or None, sector or None) if code else (eid, role, None, txt)
        if key in seen:
            continue
        seen.add(key)
        acts[eid].append(
            {"role": role, "code": code or None, "sector": sector or None, "name": name or None, "text": txt}
        )
    plcs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for eid, pid, name, admin1, country, lat, lon, prec in conn.execute(
        select(
            event_mentions.c.event_id,
            places.c.id,
            places.c.name,
            places.c.admin1,
            places.c.country,
            places.c.lat,
            places.c.lon,
            func.min(event_places.c.precision),
        )
        .select_from(places)
        .join(event_places, event_places.c.place_id == places.c.id)
        .join(event_mentions, event_mentions.c.id == event_places.c.mention_id)
        .where(event_mentions.c.event_id.in_(ids))
        .group_by(
            event_mentions.c.event_id,
            places.c.id,
            places.c.name,
            places.c.admin1,
            places.c.country,
            places.c.lat,
            places.c.lon,
        )
        .order_by(places.c.id)
    ):
        plcs[eid].append(
            {
                "id": pid,
                "name": name,
                "admin1": admin1,
                "country": country,
                "lat": lat,
                "lon": lon,
                "precision": prec,
            }
        )
    first: dict[str, tuple[Any, ...]] = {}
    for eid, aid, trig, ev_text, start, end in conn.execute(
        select(
            event_mentions.c.event_id,
            event_mentions.c.article_id,
            event_mentions.c.trigger,
            evidence_sql(event_mentions.c.start, event_mentions.c.end),
            event_mentions.c.start,
            event_mentions.c.end,
        )
        .select_from(event_mentions.join(articles, articles.c.id == event_mentions.c.article_id))
        .where(event_mentions.c.id.in_([r["first_mention_id"] for r in rows]))
    ):
        first[eid] = (aid, trig, ev_text, start, end)
    n_sources: dict[str, int] = {}
    score: dict[str, float | None] = {}  # the best report score of its reports (rasd.stages.salience)
    for eid, n, best in conn.execute(
        select(event_mentions.c.event_id, func.count(distinct(articles.c.source_id)),
               func.max(event_mentions.c.report_score))
        .select_from(event_mentions.join(articles, articles.c.id == event_mentions.c.article_id))
        .where(event_mentions.c.event_id.in_(ids))
        .group_by(event_mentions.c.event_id)
    ):
        n_sources[eid], score[eid] = n, best
    out = []
    for r in rows:
        eid = r["id"]
        aid, trig, ev_text, start, end = first.get(eid, (None, None, None, None, None))
        out.append(
            {
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
                "n_sources": int(n_sources.get(eid, 0)),
                "report_score": score.get(eid),
                "actors": acts.get(eid, []),
                "places": plcs.get(eid, []),
                "trigger": trig,
                "evidence": ev_text,
                "article_id": aid,
                "evidence_start": start,
                "evidence_end": end,
            }
        )
    return out


def get_event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """One event with every report of it (article, source, evidence, trigger, merge reason, participants)."""
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        return None
    event = event_summaries(conn, [row._mapping])[0]
    reports = sq.event_reports(conn, event_id)
    details = {m["id"]: m for m in mention_details(conn, event_mentions.c.event_id == event_id)}
    for rep in reports:
        d = details.get(rep["mention_id"], {})
        rep.update({k: d.get(k) for k in ("type", "mode", "status", "trigger_start", "trigger_end", "size", "context",
                                            "report_score")})
        rep.update({k: d.get(k, []) for k in ("actor", "recipient", "location")})
        rep["date_precision"] = d.get("date_precision")
    event["reports"] = reports
    return event


def mention_details(conn: Connection, where: Any) -> list[dict[str, Any]]:
    """Event mentions matching ``where`` with their actors, recipients and places."""
    rows = conn.execute(
        select(
            event_mentions,
            actors.c.code.label("rb_code"),
            actors.c.sector.label("rb_sector"),
            actors.c.name.label("rb_name"),
        )
        .outerjoin(actors, actors.c.id == event_mentions.c.reported_by_id)
        .where(where)
        .order_by(event_mentions.c.article_id, event_mentions.c.idx)
    ).all()
    ids = [r.id for r in rows]
    parts: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    if ids:
        for mid, role, code, sector, name, txt, s, e in conn.execute(
            select(
                event_participants.c.mention_id,
                event_participants.c.role,
                actors.c.code,
                actors.c.sector,
                actors.c.name,
                event_participants.c.text,
                event_participants.c.start,
                event_participants.c.end,
            )
            .join(actors, actors.c.id == event_participants.c.actor_id)
            .where(event_participants.c.mention_id.in_(ids))
            .order_by(event_participants.c.id)
        ):
            parts[mid][role].append(
                {
                    "text": txt,
                    "start": s,
                    "end": e,
                    "code": code or None,
                    "sector": sector or None,
                    "name": name or None,
                }
            )
        for mid, txt, s, e, prec, name, country, admin1, admin2, lat, lon, gid in conn.execute(
            select(
                event_places.c.mention_id,
                event_places.c.text,
                event_places.c.start,
                event_places.c.end,
                event_places.c.precision,
                places.c.name,
                places.c.country,
                places.c.admin1,
                places.c.admin2,
                places.c.lat,
                places.c.lon,
                places.c.gazetteer_id,
            )
            .join(places, places.c.id == event_places.c.place_id)
            .where(event_places.c.mention_id.in_(ids))
            .order_by(event_places.c.id)
        ):
            parts[mid]["location"].append(
                {
                    "text": txt,
                    "start": s,
                    "end": e,
                    "precision": prec,
                    "name": name,
                    "country": country,
                    "admin1": admin1,
                    "admin2": admin2,
                    "lat": lat,
                    "lon": lon,
                    "gazetteer_id": gid,
                }
            )
    out = []
    for r in rows:
        m = r._mapping
        out.append(
            {
                "id": m["id"],
                "event_id": m["event_id"],
                "article_id": m["article_id"],
                "idx": m["idx"],
                "type": m["type"],
                "mode": m["mode"],
                "status": m["status"],
                "trigger": m["trigger"],
                "trigger_start": m["trigger_start"],
                "trigger_end": m["trigger_end"],
                "start": m["start"],
                "end": m["end"],
                "date": iso_day(m["date"]),
                "date_precision": m["date_precision"],
                "size": m["size"] or {},
                "context": m["context"] or [],
                "report_score": m["report_score"],
                "merge_reason": m["merge_reason"],
                "reported_by": (
                    {"code": m["rb_code"] or None, "sector": m["rb_sector"] or None, "name": m["rb_name"] or None}
                    if m["reported_by_id"] is not None
                    else None
                ),
                "actor": parts[m["id"]]["actor"],
                "recipient": parts[m["id"]]["recipient"],
                "location": parts[m["id"]]["location"],
            }
        )
    return out


def daily_counts(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """Events matching ``f`` per day (their first date) and type; undated events are left out."""
    sub = event_ids(conn, f).subquery()
    rows = conn.execute(
        select(events.c.date_min, events.c.type, func.count())
        .where(events.c.id.in_(select(sub.c.id)), events.c.date_min.is_not(None))
        .group_by(events.c.date_min, events.c.type)
        .order_by(events.c.date_min, events.c.type)
    ).all()
    return [{"day": iso_day(d), "type": t, "count": int(n)} for d, t, n in rows]


def map_points(conn: Connection, f: Filters) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one point per place with the number of matching events of each type."""
    sub = event_ids(conn, f).subquery()
    rows = conn.execute(
        select(
            places.c.id,
            places.c.name,
            places.c.admin1,
            places.c.country,
            places.c.lat,
            places.c.lon,
            events.c.type,
            func.count(distinct(events.c.id)),
        )
        .select_from(
            events.join(event_mentions, event_mentions.c.event_id == events.c.id)
            .join(event_places, event_places.c.mention_id == event_mentions.c.id)
            .join(places, places.c.id == event_places.c.place_id)
        )
        .where(events.c.id.in_(select(sub.c.id)), places.c.lat.is_not(None), places.c.lon.is_not(None))
        .group_by(
            places.c.id, places.c.name, places.c.admin1, places.c.country, places.c.lat, places.c.lon, events.c.type
        )
        .order_by(places.c.id, events.c.type)
    ).all()
    feats: dict[int, dict[str, Any]] = {}
    for pid, name, admin1, country, lat, lon, typ, n in rows:
        ft = feats.setdefault(
            pid,
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"place_id": pid, "name": name, "admin1": admin1, "country": country, "by_type": {}},
            },
        )
        ft["properties"]["by_type"][typ] = int(n)
    for ft in feats.values():
        by_type = ft["properties"]["by_type"]
        ft["properties"]["count"] = sum(by_type.values())
        ft["properties"]["main_type"] = max(sorted(by_type), key=lambda t: by_type[t])
    return {"type": "FeatureCollection", "features": list(feats.values())}


# --- exports ------------------------------------------------------------------------------------------------


def export_events(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """Events matching ``f`` (the page ``f`` names) with every report in full, for the export formats.

    Each event is its summary (:func:`event_summaries`) plus ``reports``: every mention with its
    article (doc id, source, URL, title, publication date), evidence, trigger, actors, recipients,
    places, size and context.
    """
    evs = list_events(conn, f)
    if not evs:
        return []
    by_id = {e["id"]: e for e in evs}
    for e in evs:
        e["reports"] = []
    mentions_ = mention_details(conn, event_mentions.c.event_id.in_(list(by_id)))
    art_ids = sorted({m["article_id"] for m in mentions_})
    arts = {
        r[0]: {"doc_id": r[1], "title": r[2], "url": r[3], "published": r[4], "date": iso_day(r[5]), "source": r[6]}
        for r in conn.execute(
            select(
                articles.c.id,
                articles.c.doc_id,
                articles.c.title,
                articles.c.url,
                articles.c.published,
                articles.c.pub_date,
                sources.c.name,
            )
            .outerjoin(sources, sources.c.id == articles.c.source_id)
            .where(articles.c.id.in_(art_ids))
        )
    }
    evid = {
        mid: txt
        for mid, txt in conn.execute(
            select(event_mentions.c.id, evidence_sql(event_mentions.c.start, event_mentions.c.end))
            .select_from(event_mentions.join(articles, articles.c.id == event_mentions.c.article_id))
            .where(event_mentions.c.event_id.in_(list(by_id)))
        )
    }
    for m in mentions_:
        m["article"] = arts.get(m["article_id"], {})
        m["evidence"] = evid.get(m["id"])
        by_id[m["event_id"]]["reports"].append(m)
    return evs


def events_on(conn: Connection, f: Filters, day_from: dt.date, day_to: dt.date) -> list[dict[str, Any]]:
    """Events matching ``f`` whose first date falls in ``[day_from, day_to]`` (bulletin windows), summarised."""
    sub = event_ids(conn, f).subquery()
    rows = conn.execute(
        select(events)
        .where(
            events.c.id.in_(select(sub.c.id)),
            and_(events.c.date_min >= day_from, events.c.date_min <= day_to),
        )
        .order_by(events.c.date_min, events.c.type, events.c.id)
    ).all()
    return event_summaries(conn, [r._mapping for r in rows])


def latest_day(conn: Connection) -> dt.date | None:
    """The latest first date of any event (the bulletin's default day)."""
    return conn.execute(select(func.max(events.c.date_min))).scalar_one()  # type: ignore[no-any-return]
