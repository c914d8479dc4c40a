"""The write path: one transaction per article, idempotent by content hash, with dedup and event clustering."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, and_, bindparam, func, insert, or_, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from rasd.doc import Doc, parse_published
from rasd.records import Actor, Article, Event, Place
from rasd.store import cluster as cl
from rasd.store import dedup
from rasd.store.engine import CONFLICT, RETRIED, StoreError, describe, failure_kind, unavailable
from rasd.store.schema import (
    actors,
    aggregates,
    article_bands,
    articles,
    event_keys,
    event_mentions,
    event_participants,
    event_places,
    events,
    failures,
    mentions,
    place_mentions,
    places,
    sources,
    statements,
)
from rasd.text import norm

log = logging.getLogger("rasd.store")
T = TypeVar("T")

MAX_DUP_CANDIDATES = 50
MAX_CLUSTER_CANDIDATES = 500


_DUP_CANDIDATES = (
    select(articles.c.id, articles.c.minhash, articles.c.duplicate_of)
    .where(
        articles.c.id.in_(
            select(article_bands.c.article_id)
            .where(
                or_(
                    *(
                        and_(article_bands.c.band == i, article_bands.c.key == bindparam(f"k{i}"))
                        for i in range(dedup.BANDS)
                    )
                )
            )
            .distinct()
        )
    )
    .order_by(articles.c.id)
    .limit(MAX_DUP_CANDIDATES)
)


def content_hash(article: Article) -> str:
    """The article's identity: SHA-256 of its source, URL, title and text (not of its file name or id)."""
    payload = json.dumps([article.source, article.url, article.title, article.text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What writing one article did."""

    status: str  # written, exists
    article_id: int
    duplicate_of: int | None = None
    events: int = 0
    merged: int = 0  # event mentions that joined an existing event


def _reason(e: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's wrapping."""
    orig = getattr(e, "orig", None)
    return (str(orig if orig is not None else e).strip().split("\n", 1)[0] or type(e).__name__).strip()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _place_key(p: Place) -> str:
    return p.gazetteer_id or f"{p.name}|{p.country or ''}|{p.admin1 or ''}"


GENERIC_SECTORS = frozenset({"CVL"})
"""Sectors too generic to tell two events apart (civilians are the victims of most strikes)."""


def _actor_key(a: Actor) -> str | None:
    """The key actors are compared by in clustering: ``CODE:SECTOR``; None for unknown or generic actors."""
    if not a.code or (a.sector or "") in GENERIC_SECTORS:
        return None
    return f"{a.code}:{a.sector or ''}"


class Writer:
    """Writes processed documents into the store; one instance per process (it caches ids of committed rows).

    Every article is written in one transaction holding the article, all its records and its
    place in event clusters; an error rolls the whole article back.

    A transaction that loses its connection (PostgreSQL restarted, backend terminated, network
    gone) or is aborted by a serialization failure or deadlock is run again, up to ``retries``
    times, waiting ``retry_wait`` seconds and twice as long at each further try; then
    :class:`StoreUnavailable` names the database and what was being written. Running a write
    again never duplicates anything: the article is looked up by its content hash first, so a
    transaction that did commit before the connection dropped is found and reported as stored.
    A read-only database, a full disk or an I/O error raises :class:`StoreUnavailable` at once.

    Args:
        engine: The store's engine.
        retries: How many times a write is run again after a lost connection (0: never).
        retry_wait: Seconds before the first retry; doubled at each next one.
    """

    def __init__(self, engine: Engine, *, retries: int = 3, retry_wait: float = 1.0) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.retries = max(0, retries)
        self.retry_wait = max(0.0, retry_wait)
        self._ids: dict[tuple[str, Any], int] = {}  # committed (table, key) → id

    # --- retries -----------------------------------------------------------------------------------------------

    def _run(self, what: str, attempt: Callable[[], T]) -> T:
        """``attempt()`` (one transaction), run again after a lost connection; database failures as StoreError.

        Raises:
            StoreUnavailable: Read-only database, full disk, I/O error, or still no connection after the retries.
            StoreError: Any other database error (names ``what``).
        """
        tries = 0
        while True:
            try:
                return attempt()
            except SQLAlchemyError as e:
                kind = failure_kind(e)
                if kind in RETRIED and tries < self.retries:
                    wait = self.retry_wait * 2**tries
                    tries += 1
                    log.warning(
                        "database %s: %s while writing %s; retry %d of %d in %.1f s",
                        describe(self.engine), _reason(e), what, tries, self.retries, wait,
                    )
                    time.sleep(wait)
                    continue
                if kind == CONFLICT:  # other writers keep winning: this article fails, the run goes on
                    raise StoreError(f"{what}: not stored, aborted {tries + 1} times ({_reason(e)})") from e
                if kind is not None:
                    raise unavailable(e, kind, describe(self.engine), what, tries) from e
                raise StoreError(f"{what}: not stored ({_reason(e)})") from e

    # --- reading -----------------------------------------------------------------------------------------------

    def has(self, chash: str) -> bool:
        """True when an article with this content hash is stored."""

        def attempt() -> bool:
            with self.engine.connect() as conn:
                return conn.execute(select(articles.c.id).where(articles.c.content_hash == chash)).first() is not None

        return self._run(f"(looking up) article {chash[:12]}", attempt)

    # --- writing -----------------------------------------------------------------------------------------------

    def write(self, doc: Doc, *, origin: str | None = None, chash: str | None = None) -> WriteResult:
        """Store ``doc`` with every record, in one transaction; a stored article is left as it is.

        Args:
            doc: The processed document.
            origin: Where it was read from (file, archive member, URL), kept for error reports.
            chash: Its content hash, when already computed.

        Returns:
            What was done.

        Raises:
            StoreUnavailable: The database takes no writes (read-only, disk full, connection lost after the
                retries); nothing of the article is kept.
            StoreError: The database refused the write (names the article); nothing of it is kept.
        """
        article = doc.article
        chash = chash or content_hash(article)
        normalised = " ".join(doc.norm.text.split())
        sig = dedup.signature_of_normalised(normalised)
        what = f"article {article.doc_id!r} ({origin or '-'})"

        def attempt() -> WriteResult:
            pending: dict[tuple[str, Any], int] = {}
            try:
                with self.engine.execution_options(rasd_write=True).begin() as conn:
                    row = conn.execute(select(articles.c.id).where(articles.c.content_hash == chash)).first()
                    if row is not None:
                        return WriteResult("exists", row[0])
                    result = self._write(conn, doc, chash, sig, normalised, origin, pending)
            except IntegrityError:  # another process stored the same article first
                with self.engine.connect() as conn:
                    row = conn.execute(select(articles.c.id).where(articles.c.content_hash == chash)).first()
                if row is None:
                    raise StoreError(f"{what}: integrity error on write") from None
                return WriteResult("exists", row[0])
            self._ids.update(pending)  # only ids of committed rows are remembered
            return result

        return self._run(what, attempt)

    def write_batch(self, items: Sequence[tuple[Doc, str | None]]) -> list[WriteResult | StoreError]:
        """Store several documents in one transaction, each in a savepoint of its own (for ``--workers``).

        One commit per batch is cheaper than one per article; an article the database refuses is
        rolled back to its savepoint and reported, and the others are kept. A crash loses at most the
        uncommitted batch, which a re-run writes again (articles are still found by content hash).
        A lost connection runs the whole batch again (see :class:`Writer`).

        Args:
            items: ``(doc, origin)`` pairs, written in this order (cluster ids depend on it).

        Returns:
            One result per item: a :class:`WriteResult`, or the :class:`StoreError` that item raised.

        Raises:
            StoreUnavailable: The database takes no writes; nothing of the batch is kept.
            StoreError: The batch as a whole could not be committed; nothing of it is kept.
        """
        prepared = []
        for doc, origin in items:
            normalised = " ".join(doc.norm.text.split())
            prepared.append(
                (doc, origin, content_hash(doc.article), normalised, dedup.signature_of_normalised(normalised))
            )
        first = items[0][0].article.doc_id if items else "-"
        what = f"a batch of {len(items)} articles (from {first!r})"

        def attempt() -> list[WriteResult | StoreError]:
            results: list[WriteResult | StoreError] = []
            committed: dict[tuple[str, Any], int] = {}
            with self.engine.execution_options(rasd_write=True).begin() as conn:
                for doc, origin, chash, normalised, sig in prepared:
                    row = conn.execute(select(articles.c.id).where(articles.c.content_hash == chash)).first()
                    if row is not None:
                        results.append(WriteResult("exists", row[0]))
                        continue
                    local: dict[tuple[str, Any], int] = {}
                    try:
                        with conn.begin_nested():
                            result = self._write(conn, doc, chash, sig, normalised, origin, local)
                    except SQLAlchemyError as e:
                        if failure_kind(e) is not None:  # the whole batch fails (and may be retried)
                            raise
                        results.append(
                            StoreError(f"article {doc.article.doc_id!r} ({origin or '-'}): not stored ({_reason(e)})")
                        )
                        continue
                    committed.update(local)
                    results.append(result)
            self._ids.update(committed)
            return results

        return self._run(what, attempt)

    def record_failure(self, origin: str, doc_id: str | None, error: str) -> None:
        """Keep a failed article's origin and error (once: a re-run does not repeat it)."""

        def attempt() -> None:
            with self.engine.execution_options(rasd_write=True).begin() as conn:
                exists = conn.execute(
                    select(failures.c.id).where(
                        failures.c.origin == origin,
                        failures.c.error == error,
                        failures.c.doc_id.is_(None) if doc_id is None else failures.c.doc_id == doc_id,
                    )
                ).first()
                if exists is None:
                    conn.execute(insert(failures).values(origin=origin, doc_id=doc_id, error=error, at=_now()))

        self._run(f"the failure of {doc_id or origin!r}", attempt)

    def _write(
        self,
        conn: Connection,
        doc: Doc,
        chash: str,
        sig: bytes,
        normalised: str,
        origin: str | None,
        pending: dict[tuple[str, Any], int],
    ) -> WriteResult:
        article = doc.article
        pub = doc.published or parse_published(article.published)
        keys = dedup.band_keys(sig)
        dup_of, sim = self._near_duplicate(conn, sig, keys)
        source_id = self._source(conn, article.source, pending) if article.source else None
        article_id = conn.execute(
            insert(articles).returning(articles.c.id),
            dict(
                content_hash=chash,
                doc_id=article.doc_id,
                source_id=source_id,
                url=article.url,
                published=article.published,
                pub_date=pub,
                title=article.title,
                text=article.text,
                origin=origin,
                stages=list(doc.stages),
                sentences=[[s.start, s.end] for s in doc.sentences],
                minhash=sig,
                duplicate_of=dup_of,
                similarity=sim,
                ingested_at=_now(),
            ),
        ).scalar_one()
        conn.execute(
            insert(article_bands), [{"article_id": article_id, "band": i, "key": k} for i, k in enumerate(keys)]
        )
        self._index_text(conn, article_id, norm(article.title or ""), normalised)

        rows = []
        for m in doc.mentions:
            rows.append(
                {
                    "article_id": article_id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "label": m.label,
                    "actor_id": self._actor(conn, m.actor, pending) if m.actor else None,
                    "found_by": m.source,
                    "entity_id": m.entity_id,
                }
            )
        if rows:
            conn.execute(insert(mentions), rows)
        rows = [
            {
                "article_id": article_id,
                "place_id": self._place(conn, p, pending),
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "precision": p.precision,
            }
            for p in doc.places
        ]
        if rows:
            conn.execute(insert(place_mentions), rows)
        rows = [
            {
                "article_id": article_id,
                "idx": i,
                "speaker_id": self._actor(conn, s.speaker, pending),
                "speaker_text": s.speaker.text if s.speaker else None,
                "cue": s.cue,
                "cue_start": s.cue_start,
                "cue_end": s.cue_end,
                "kind": s.kind,
                "start": s.start,
                "end": s.end,
                "content_start": s.content_start,
                "content_end": s.content_end,
                "via_id": self._actor(conn, s.via, pending),
                "date": parse_published(s.date),
            }
            for i, s in enumerate(doc.statements)
        ]
        if rows:
            conn.execute(insert(statements), rows)
        rows = [
            {
                "article_id": article_id,
                "idx": i,
                "metric": a.metric,
                "value": a.value,
                "period": a.period,
                "admin1": ",".join(sorted(set(a.admin1))),
                "day": pub,
                "reporter_id": self._actor(conn, a.reporter, pending),
                "reporter_text": a.reporter.text if a.reporter else None,
                "start": a.start,
                "end": a.end,
                "raw": a.raw,
            }
            for i, a in enumerate(doc.aggregates)
        ]
        if rows:
            conn.execute(insert(aggregates), rows)

        merged = 0
        for i, ev in enumerate(doc.events):
            merged += self._write_event(conn, article_id, chash, i, ev, pub, dup_of, sim, pending)
        return WriteResult("written", article_id, dup_of, len(doc.events), merged)

    def _index_text(self, conn: Connection, article_id: int, title: str, body: str) -> None:
        if self.dialect == "sqlite":
            conn.execute(
                text("INSERT INTO article_fts(rowid, title, body) VALUES (:id, :title, :body)"),
                {"id": article_id, "title": title, "body": body},
            )
        elif self.dialect == "postgresql":
            conn.execute(
                text(
                    "INSERT INTO article_search(article_id, tsv) VALUES "
                    "(:id, setweight(to_tsvector('simple', :title), 'A') || to_tsvector('simple', :body))"
                ),
                {"id": article_id, "title": title, "body": body},
            )

    # --- near-duplicates ---------------------------------------------------------------------------------------

    def _near_duplicate(self, conn: Connection, sig: bytes, keys: list[str]) -> tuple[int | None, float | None]:
        params = {f"k{i}": k for i, k in enumerate(keys)}
        best: tuple[float, int] | None = None
        for aid, other, dup in conn.execute(_DUP_CANDIDATES, params):
            s = dedup.similarity(sig, other)
            if s >= dedup.THRESHOLD and (best is None or s > best[0]):
                best = (s, dup or aid)  # link to the first copy seen
        return (best[1], round(best[0], 3)) if best else (None, None)

    # --- shared rows (sources, actors, places): get or create ---------------------------------------------------

    def _get_or_create(
        self,
        conn: Connection,
        table: Any,
        key: tuple[str, Any],
        where: Any,
        values: dict[str, Any],
        pending: dict[tuple[str, Any], int],
    ) -> int:
        if key in self._ids:
            return self._ids[key]
        if key in pending:
            return pending[key]
        row = conn.execute(select(table.c.id).where(where)).first()
        ident = row[0] if row else conn.execute(insert(table).returning(table.c.id), values).scalar_one()
        pending[key] = ident
        return ident

    def _source(self, conn: Connection, name: str, pending: dict[tuple[str, Any], int]) -> int:
        return self._get_or_create(conn, sources, ("source", name), sources.c.name == name, {"name": name}, pending)

    def _actor(self, conn: Connection, a: Actor | None, pending: dict[tuple[str, Any], int]) -> int | None:
        if a is None:
            return None
        code, sector, name = a.code or "", a.sector or "", (a.name or (a.text if not a.code else ""))[:300]
        where = and_(actors.c.code == code, actors.c.sector == sector, actors.c.name == name)
        values = {"code": code, "sector": sector, "name": name}
        return self._get_or_create(conn, actors, ("actor", (code, sector, name)), where, values, pending)

    def _place(self, conn: Connection, p: Place, pending: dict[tuple[str, Any], int]) -> int:
        key = _place_key(p)[:300]
        values = {
            "key": key,
            "name": p.name[:300],
            "country": p.country,
            "admin1": p.admin1,
            "admin2": p.admin2,
            "lat": p.lat,
            "lon": p.lon,
            "gazetteer_id": p.gazetteer_id,
            "feature": p.feature,
        }
        return self._get_or_create(conn, places, ("place", key), places.c.key == key, values, pending)

    # --- events and clusters ------------------------------------------------------------------------------------

    def _features(self, ev: Event, pub: dt.date | None) -> cl.Features:
        day = parse_published(ev.date) if ev.date_precision == "day" else None
        from_article = day is None and ev.date is None and pub is not None
        if from_article:
            day = pub
        located = [p for p in ev.location if p.precision <= cl.MAX_PLACE_PRECISION and p.feature != "country"]
        return cl.Features(
            type=ev.type,
            status=ev.status,
            date_min=day,
            date_max=day,
            date_from_article=from_article,
            mode=ev.mode,
            actors={
                f"{role}={k}"
                for role, group in (("actor", ev.actor), ("recipient", ev.recipient))
                for a in group
                if (k := _actor_key(a))
            },
            admin1={p.admin1 for p in located if p.admin1},
            places={
                _place_key(p)[:300]: (p.lat, p.lon) if p.lat is not None and p.lon is not None else None
                for p in located
                if p.precision <= cl.MAX_NEIGHBOUR_PRECISION and p.feature not in ("admin1", "admin2", "region")
            },
            towns={_place_key(p)[:300] for p in located if p.precision == 1 and p.feature not in ("admin1", "admin2")},
        )

    def _write_event(
        self,
        conn: Connection,
        article_id: int,
        chash: str,
        idx: int,
        ev: Event,
        pub: dt.date | None,
        dup_of: int | None,
        sim: float | None,
        pending: dict[tuple[str, Any], int],
    ) -> int:
        feats = self._features(ev, pub)
        mention_id = f"{chash[:16]}-{idx}"
        found = self._find_cluster(conn, feats, near_duplicate=dup_of is not None)
        if found is None:
            event_id, reason = f"ev-{mention_id}", None
            conn.execute(
                insert(events),
                dict(
                    id=event_id,
                    type=ev.type,
                    mode=ev.mode,
                    status=ev.status,
                    date_min=feats.date_min,
                    date_max=feats.date_max,
                    country=next((p.country for p in ev.location if p.country), None),
                    admin1=next((p.admin1 for p in ev.location if p.admin1), None),
                    n_mentions=1,
                    n_articles=1,
                    first_mention_id=mention_id,
                ),
            )
        else:
            event_id, reason, cfeats = found
            if dup_of is not None:
                reason = f"article is a near-duplicate ({sim}) of article {dup_of}; {reason}"
            same_article = conn.execute(
                select(func.count())
                .select_from(event_mentions)
                .where(event_mentions.c.event_id == event_id, event_mentions.c.article_id == article_id)
            ).scalar_one()
            dmin = min(d for d in (cfeats.date_min, feats.date_min) if d is not None)
            dmax = max(d for d in (cfeats.date_max, feats.date_max) if d is not None)
            conn.execute(
                update(events)
                .where(events.c.id == event_id)
                .values(
                    date_min=dmin,
                    date_max=dmax,
                    n_mentions=events.c.n_mentions + 1,
                    n_articles=events.c.n_articles + (0 if same_article else 1),
                )
            )
        conn.execute(
            insert(event_mentions),
            dict(
                id=mention_id,
                article_id=article_id,
                idx=idx,
                event_id=event_id,
                merge_reason=reason,
                type=ev.type,
                mode=ev.mode,
                status=ev.status,
                trigger=ev.trigger,
                trigger_start=ev.trigger_start,
                trigger_end=ev.trigger_end,
                start=ev.start,
                end=ev.end,
                date=parse_published(ev.date),
                date_precision=ev.date_precision,
                cluster_date=feats.date_min,
                size=dict(ev.size) or None,
                context=list(ev.context) or None,
                reported_by_id=self._actor(conn, ev.reported_by, pending),
                report_score=ev.report_score,
            ),
        )
        rows = [
            {
                "mention_id": mention_id,
                "role": role,
                "actor_id": self._actor(conn, a, pending),
                "text": a.text,
                "start": a.start,
                "end": a.end,
            }
            for role, group in (("actor", ev.actor), ("recipient", ev.recipient))
            for a in group
        ]
        if rows:
            conn.execute(insert(event_participants), rows)
        rows = [
            {
                "mention_id": mention_id,
                "place_id": self._place(conn, p, pending),
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "precision": p.precision,
            }
            for p in ev.location
        ]
        if rows:
            conn.execute(insert(event_places), rows)
        if found is None:  # a cluster is compared by its first report's features only: no chaining
            self._add_keys(conn, event_id, feats)
            return 0
        return 1

    def _add_keys(self, conn: Connection, event_id: str, feats: cl.Features) -> None:
        """Store what the new cluster is compared by: its first report's actors, provinces and places."""
        wanted = {("actor", k) for k in feats.actors} | {("admin1", k) for k in feats.admin1}
        wanted |= {("place", k) for k in feats.places} | {("town", k) for k in feats.towns}
        if feats.date_from_article:
            wanted.add(("flag", "date_from_article"))
        if not wanted:
            return
        rows = [{"event_id": event_id, "kind": k, "key": v} for k, v in sorted(wanted)]
        conn.execute(insert(event_keys), rows)

    def _find_cluster(
        self, conn: Connection, feats: cl.Features, *, near_duplicate: bool = False
    ) -> tuple[str, str, cl.Features] | None:
        if feats.status != cl.MERGEABLE_STATUS or feats.date_min is None or not (feats.places or feats.admin1):
            return None
        window = dt.timedelta(days=cl.DATE_WINDOW_DAYS)
        cands = conn.execute(
            select(events.c.id, events.c.date_min, events.c.date_max, events.c.mode)
            .where(
                events.c.type == feats.type,
                events.c.status == feats.status,
                events.c.date_min <= feats.date_min + window,
                events.c.date_max >= feats.date_min - window,
            )
            .order_by(events.c.date_min, events.c.id)
            .limit(MAX_CLUSTER_CANDIDATES)
        ).all()
        if not cands:
            return None
        by_id = {
            eid: cl.Features(type=feats.type, status=feats.status, date_min=dmin, date_max=dmax, mode=mode)
            for eid, dmin, dmax, mode in cands
        }
        key_rows = conn.execute(
            select(event_keys.c.event_id, event_keys.c.kind, event_keys.c.key, places.c.lat, places.c.lon)
            .outerjoin(places, and_(event_keys.c.kind == "place", places.c.key == event_keys.c.key))
            .where(event_keys.c.event_id.in_(list(by_id)))
        ).all()
        for eid, kind, key, lat, lon in key_rows:
            f = by_id[eid]
            if kind == "actor":
                f.actors.add(key)
            elif kind == "admin1":
                f.admin1.add(key)
            elif kind == "town":
                f.towns.add(key)
            elif kind == "place":
                f.places[key] = (lat, lon) if lat is not None and lon is not None else None
            elif kind == "flag" and key == "date_from_article":
                f.date_from_article = True
        best: tuple[int, str, str] | None = None
        for eid, f in by_id.items():
            reason = cl.merge_reason(feats, f, near_duplicate=near_duplicate)
            if reason is not None:
                s = cl.score(feats, f)
                if best is None or s > best[0]:
                    best = (s, eid, reason)
        if best is None:
            return None
        return best[1], best[2], by_id[best[1]]
