"""Reads of statements, aggregates, articles, actors and places for the API, pages and bulletin (beyond
:mod:`rasd.store.queries`); events are in :mod:`rasd.api.queries`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, distinct, func, or_, select

from rasd.api.queries import PLOVER_TYPES, Filters, actor_conds, evidence_sql, iso_day, mention_details
from rasd.store import queries as sq
from rasd.store.schema import (
    actors,
    aggregates,
    articles,
    event_mentions,
    event_participants,
    event_places,
    events,
    mentions,
    place_mentions,
    places,
    sources,
    statements,
)


def _actor(m: Any, text_key: str) -> dict[str, Any]:
    """The speaker or reporter of a row: its words and code, sector and name (None where empty)."""
    return {"text": m[text_key], "code": m["code"] or None, "sector": m["sector"] or None, "name": m["name"] or None}


def _text_cond(conn: Connection, column: Any, words: str | None) -> Any:
    """``column`` (an article id) is an article holding all ``words``; None when there are no words."""
    if not words:
        return None
    ids = sq._search_ids(conn, words)
    if ids is None:
        return None
    sub = ids.subquery()
    return column.in_(select(sub.c[0]))


def list_statements(conn: Connection, f: Filters) -> tuple[int, list[dict[str, Any]]]:
    """Statements (who said what) matching ``f``: speaker, cue, kind, date and the sentence.

    Returns:
        The number of matching statements and one page of them.
    """
    speaker = actors.alias("speaker")
    via = actors.alias("via")
    day = func.coalesce(statements.c.date, articles.c.pub_date)
    conds: list[Any] = []
    if f.actor or f.sector:
        code, _, sec = (f.actor or "").partition(":")
        if code:
            conds.append(speaker.c.code == code)
        if sec:
            conds.append(speaker.c.sector == sec)
        if f.sector:
            conds.append(speaker.c.sector == f.sector)
    if f.date_from:
        conds.append(day >= f.date_from)
    if f.date_to:
        conds.append(day <= f.date_to)
    if f.source:
        conds.append(sources.c.name == f.source)
    tc = _text_cond(conn, statements.c.article_id, f.text)
    if tc is not None:
        conds.append(tc)
    base = (
        statements.join(articles, articles.c.id == statements.c.article_id)
        .outerjoin(sources, sources.c.id == articles.c.source_id)
        .outerjoin(speaker, speaker.c.id == statements.c.speaker_id)
        .outerjoin(via, via.c.id == statements.c.via_id)
    )
    total = conn.execute(select(func.count()).select_from(base).where(*conds)).scalar_one()
    rows = conn.execute(
        select(
            statements.c.id,
            statements.c.article_id,
            statements.c.speaker_text,
            speaker.c.code,
            speaker.c.sector,
            speaker.c.name,
            statements.c.cue,
            statements.c.kind,
            day.label("day"),
            statements.c.start,
            statements.c.end,
            statements.c.content_start,
            statements.c.content_end,
            evidence_sql(statements.c.start, statements.c.end).label("evidence"),
            via.c.code.label("via_code"),
            via.c.name.label("via_name"),
            sources.c.name.label("source"),
        )
        .select_from(base)
        .where(*conds)
        .order_by(day.desc().nulls_last(), statements.c.article_id, statements.c.idx)
        .limit(f.limit)
        .offset(f.offset)
    ).all()
    out = []
    for r in rows:
        m = r._mapping
        out.append(
            {
                "id": m["id"],
                "article_id": m["article_id"],
                "speaker": _actor(m, "speaker_text"),
                "cue": m["cue"],
                "kind": m["kind"],
                "date": iso_day(m["day"]) if not isinstance(m["day"], str) else m["day"],
                "start": m["start"],
                "end": m["end"],
                "content_start": m["content_start"],
                "content_end": m["content_end"],
                "evidence": m["evidence"],
                "via": {"code": m["via_code"] or None, "name": m["via_name"] or None} if m["via_code"] else None,
                "source": m["source"],
            }
        )
    return int(total), out


def _admin1_cond(column: Any, code: str) -> Any:
    """``column`` (comma-joined province codes) holds ``code`` exactly."""
    return or_(column == code, column.like(f"{code},%"), column.like(f"%,{code}"), column.like(f"%,{code},%"))


def list_aggregates(conn: Connection, f: Filters) -> tuple[int, list[dict[str, Any]]]:
    """Counts reported by sources (aggregates) matching ``f``, one row per report: never summed.

    Returns:
        The number of matching aggregates and one page of them.
    """
    conds: list[Any] = []
    if f.metric:
        conds.append(aggregates.c.metric == f.metric)
    if f.admin1:
        conds.append(_admin1_cond(aggregates.c.admin1, f.admin1))
    if f.date_from:
        conds.append(aggregates.c.day >= f.date_from)
    if f.date_to:
        conds.append(aggregates.c.day <= f.date_to)
    if f.source:
        conds.append(sources.c.name == f.source)
    conds += actor_conds(f.actor, f.sector)
    tc = _text_cond(conn, aggregates.c.article_id, f.text)
    if tc is not None:
        conds.append(tc)
    base = (
        aggregates.join(articles, articles.c.id == aggregates.c.article_id)
        .outerjoin(sources, sources.c.id == articles.c.source_id)
        .outerjoin(actors, actors.c.id == aggregates.c.reporter_id)
    )
    total = conn.execute(select(func.count()).select_from(base).where(*conds)).scalar_one()
    rows = conn.execute(
        select(
            aggregates,
            actors.c.code,
            actors.c.sector,
            actors.c.name,
            sources.c.name.label("source"),
            evidence_sql(aggregates.c.start, aggregates.c.end).label("evidence"),
        )
        .select_from(base)
        .where(*conds)
        .order_by(aggregates.c.day.desc().nulls_last(), aggregates.c.metric, aggregates.c.article_id, aggregates.c.idx)
        .limit(f.limit)
        .offset(f.offset)
    ).all()
    return int(total), [_aggregate(r._mapping) for r in rows]


def _aggregate(m: Any) -> dict[str, Any]:
    return {
        "id": m["id"],
        "article_id": m["article_id"],
        "metric": m["metric"],
        "value": m["value"],
        "period": m["period"],
        "admin1": m["admin1"].split(",") if m["admin1"] else [],
        "day": iso_day(m["day"]),
        "reporter": _actor(m, "reporter_text"),
        "raw": m["raw"],
        "start": m["start"],
        "end": m["end"],
        "evidence": m["evidence"],
        "source": m["source"],
    }


def list_articles(conn: Connection, f: Filters) -> tuple[int, list[dict[str, Any]]]:
    """Articles matching ``f`` (source, publication date range, text), newest first, with record counts."""
    conds: list[Any] = []
    if f.source:
        conds.append(sources.c.name == f.source)
    if f.date_from:
        conds.append(articles.c.pub_date >= f.date_from)
    if f.date_to:
        conds.append(articles.c.pub_date <= f.date_to)
    tc = _text_cond(conn, articles.c.id, f.text)
    if tc is not None:
        conds.append(tc)
    base = articles.outerjoin(sources, sources.c.id == articles.c.source_id)
    total = conn.execute(select(func.count()).select_from(base).where(*conds)).scalar_one()
    n_ev = select(func.count()).where(event_mentions.c.article_id == articles.c.id).scalar_subquery()
    n_st = select(func.count()).where(statements.c.article_id == articles.c.id).scalar_subquery()
    n_ag = select(func.count()).where(aggregates.c.article_id == articles.c.id).scalar_subquery()
    rows = conn.execute(
        select(
            articles.c.id,
            articles.c.doc_id,
            articles.c.title,
            articles.c.url,
            articles.c.published,
            articles.c.pub_date,
            articles.c.duplicate_of,
            sources.c.name,
            n_ev,
            n_st,
            n_ag,
        )
        .select_from(base)
        .where(*conds)
        .order_by(articles.c.pub_date.desc().nulls_last(), articles.c.id)
        .limit(f.limit)
        .offset(f.offset)
    ).all()
    return int(total), [
        {
            "id": r[0],
            "doc_id": r[1],
            "title": r[2],
            "url": r[3],
            "published": r[4],
            "date": iso_day(r[5]),
            "duplicate_of": r[6],
            "source": r[7],
            "n_events": int(r[8]),
            "n_statements": int(r[9]),
            "n_aggregates": int(r[10]),
        }
        for r in rows
    ]


def get_article(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """One article: its text exactly as stored and every record found in it, with offsets into that text."""
    row = conn.execute(
        select(articles, sources.c.name.label("source"))
        .outerjoin(sources, sources.c.id == articles.c.source_id)
        .where(articles.c.id == article_id)
    ).first()
    if row is None:
        return None
    m = row._mapping
    _, st = list_statements_of_article(conn, article_id)
    ag = [
        _aggregate(r._mapping)
        for r in conn.execute(
            select(
                aggregates,
                actors.c.code,
                actors.c.sector,
                actors.c.name,
                sources.c.name.label("source"),
                evidence_sql(aggregates.c.start, aggregates.c.end).label("evidence"),
            )
            .select_from(
                aggregates.join(articles, articles.c.id == aggregates.c.article_id)
                .outerjoin(sources, sources.c.id == articles.c.source_id)
                .outerjoin(actors, actors.c.id == aggregates.c.reporter_id)
            )
            .where(aggregates.c.article_id == article_id)
            .order_by(aggregates.c.idx)
        )
    ]
    ents = [
        {"text": t, "start": s, "end": e, "label": lab, "code": c or None, "sector": sec or None}
        for t, s, e, lab, c, sec in conn.execute(
            select(mentions.c.text, mentions.c.start, mentions.c.end, mentions.c.label, actors.c.code, actors.c.sector)
            .outerjoin(actors, actors.c.id == mentions.c.actor_id)
            .where(mentions.c.article_id == article_id)
            .order_by(mentions.c.start)
        )
    ]
    plcs = [
        {"text": t, "start": s, "end": e, "precision": p, "name": n, "admin1": a1, "country": c}
        for t, s, e, p, n, a1, c in conn.execute(
            select(
                place_mentions.c.text,
                place_mentions.c.start,
                place_mentions.c.end,
                place_mentions.c.precision,
                places.c.name,
                places.c.admin1,
                places.c.country,
            )
            .join(places, places.c.id == place_mentions.c.place_id)
            .where(place_mentions.c.article_id == article_id)
            .order_by(place_mentions.c.start)
        )
    ]
    return {
        "id": m["id"],
        "doc_id": m["doc_id"],
        "title": m["title"],
        "url": m["url"],
        "published": m["published"],
        "date": iso_day(m["pub_date"]),
        "source": m["source"],
        "duplicate_of": m["duplicate_of"],
        "text": m["text"],
        "sentences": m["sentences"] or [],
        "events": mention_details(conn, event_mentions.c.article_id == article_id),
        "statements": st,
        "aggregates": ag,
        "mentions": ents,
        "places": plcs,
    }


def list_statements_of_article(conn: Connection, article_id: int) -> tuple[int, list[dict[str, Any]]]:
    """Every statement of one article in text order."""
    speaker = actors.alias("speaker")
    rows = conn.execute(
        select(
            statements,
            speaker.c.code,
            speaker.c.sector,
            speaker.c.name,
            evidence_sql(statements.c.start, statements.c.end).label("evidence"),
        )
        .select_from(
            statements.join(articles, articles.c.id == statements.c.article_id).outerjoin(
                speaker, speaker.c.id == statements.c.speaker_id
            )
        )
        .where(statements.c.article_id == article_id)
        .order_by(statements.c.idx)
    ).all()
    out = []
    for r in rows:
        m = r._mapping
        out.append(
            {
                "id": m["id"],
                "article_id": article_id,
                "speaker": _actor(m, "speaker_text"),
                "cue": m["cue"],
                "cue_start": m["cue_start"],
                "cue_end": m["cue_end"],
                "kind": m["kind"],
                "date": iso_day(m["date"]),
                "start": m["start"],
                "end": m["end"],
                "content_start": m["content_start"],
                "content_end": m["content_end"],
                "evidence": m["evidence"],
            }
        )
    return len(out), out


def list_actors(conn: Connection, f: Filters) -> tuple[int, list[dict[str, Any]]]:
    """Coded actors (code, sector, name) with how many events they took part in and statements they made."""
    conds = [actors.c.code != "", *actor_conds(f.actor, f.sector)]
    n_ev = (
        select(func.count(distinct(event_mentions.c.event_id)))
        .select_from(event_participants.join(event_mentions, event_mentions.c.id == event_participants.c.mention_id))
        .where(event_participants.c.actor_id == actors.c.id)
        .scalar_subquery()
    )
    n_st = select(func.count()).where(statements.c.speaker_id == actors.c.id).scalar_subquery()
    total = conn.execute(select(func.count()).select_from(actors).where(*conds)).scalar_one()
    rows = conn.execute(
        select(actors.c.id, actors.c.code, actors.c.sector, actors.c.name, n_ev.label("n_events"), n_st)
        .where(*conds)
        .order_by(n_ev.desc(), actors.c.code, actors.c.sector, actors.c.name)
        .limit(f.limit)
        .offset(f.offset)
    ).all()
    return int(total), [
        {
            "id": r[0],
            "code": r[1],
            "sector": r[2] or None,
            "name": r[3] or None,
            "n_events": int(r[4]),
            "n_statements": int(r[5]),
        }
        for r in rows
    ]


def list_places(conn: Connection, f: Filters) -> tuple[int, list[dict[str, Any]]]:
    """Resolved places with coordinates, province and how many events happened there."""
    conds: list[Any] = []
    if f.admin1:
        conds.append(places.c.admin1 == f.admin1)
    n_ev = (
        select(func.count(distinct(event_mentions.c.event_id)))
        .select_from(event_places.join(event_mentions, event_mentions.c.id == event_places.c.mention_id))
        .where(event_places.c.place_id == places.c.id)
        .scalar_subquery()
    )
    total = conn.execute(select(func.count()).select_from(places).where(*conds)).scalar_one()
    rows = conn.execute(
        select(places, n_ev.label("n_events"))
        .where(*conds)
        .order_by(n_ev.desc(), places.c.name)
        .limit(f.limit)
        .offset(f.offset)
    ).all()
    return int(total), [
        {
            "id": r.id,
            "name": r.name,
            "country": r.country,
            "admin1": r.admin1,
            "admin2": r.admin2,
            "lat": r.lat,
            "lon": r.lon,
            "gazetteer_id": r.gazetteer_id,
            "feature": r.feature,
            "n_events": int(r.n_events),
        }
        for r in rows
    ]


def facets(conn: Connection) -> dict[str, list[str]]:
    """Values offered in the filter menus: provinces with events, sources, metrics."""
    admin1 = sorted(
        {a for (a,) in conn.execute(select(events.c.admin1).where(events.c.admin1.is_not(None)).distinct())}
        | {
            a
            for (a,) in conn.execute(
                select(places.c.admin1)
                .select_from(places.join(event_places, event_places.c.place_id == places.c.id))
                .where(places.c.admin1.is_not(None))
                .distinct()
            )
        }
    )
    return {
        "types": list(PLOVER_TYPES),
        "admin1": admin1,
        "sources": [s for (s,) in conn.execute(select(sources.c.name).order_by(sources.c.name))],
        "metrics": [m for (m,) in conn.execute(select(aggregates.c.metric).distinct().order_by(aggregates.c.metric))],
    }
