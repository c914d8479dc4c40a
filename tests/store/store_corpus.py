"""A small corpus for the fault tests (three outlets reporting the same strikes, so events merge) and a snapshot of
everything an ingestion stores, to compare an interrupted run with a clean one."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from rasd.store.schema import aggregates, articles, event_mentions, event_places, events, statements

TOWNS = [("سراقب", "إدلب"), ("معرة النعمان", "إدلب"), ("دوما", "الغوطة الشرقية"), ("حرستا", "الغوطة الشرقية"),
         ("خان شيخون", "إدلب"), ("جسر الشغور", "إدلب")]
OUTLETS = [
    ("وكالة الشمال", "قصفت الطائرات الحربية السورية بلدة {town} في ريف {region} {day} ما أدى إلى مقتل {n} مدنيين."),
    ("إذاعة الساحل", "أفادت مصادر محلية بأن الجيش السوري قصف {town} في {region} {day}، وقتل {n} أشخاص."),
    ("صحيفة الوادي", "قال الدفاع المدني إن {n} مدنيين قتلوا في قصف للطائرات السورية على {town} بريف {region} {day}."),
]
DAYS = [("اليوم", "2024-03-07"), ("أمس", "2024-03-08")]
_ARTICLE = re.compile(r"of article (\d+)")


def write_articles(path: Path) -> int:
    """Write the corpus as JSON Lines to ``path``; returns the number of articles (36)."""
    lines = []
    for (town, region) in TOWNS:
        for word, published in DAYS:
            for i, (outlet, template) in enumerate(OUTLETS):
                body = template.format(town=town, region=region, day=word, n=3 + i)
                lines.append(json.dumps({"doc_id": f"{town}-{published}-{i}", "source": outlet,
                                         "published": published, "text": body}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def snapshot(engine: Engine) -> dict[str, Any]:
    """Articles (by content hash), events, event mentions with merge reasons, and record counts of a store."""
    with engine.connect() as con:
        def rows(*cols: Any) -> list[tuple[Any, ...]]:
            return sorted(tuple(r) for r in con.execute(select(*cols)))

        def count(table: Any) -> int:
            return int(con.execute(select(func.count()).select_from(table)).scalar_one())

        ev, em = events.c, event_mentions.c
        hashes = {i: h for i, h in con.execute(select(articles.c.id, articles.c.content_hash))}

        def by_hash(reason: str | None) -> str | None:  # "of article 41": ids differ between runs, hashes do not
            return _ARTICLE.sub(lambda m: f"of article {hashes[int(m[1])][:16]}", reason) if reason else reason

        return {
            "articles": sorted(hashes.values()),
            "events": rows(ev.id, ev.n_mentions, ev.n_articles, ev.date_min, ev.date_max),
            "mentions": sorted((i, e, by_hash(r)) for i, e, r in rows(em.id, em.event_id, em.merge_reason)),
            "statements": count(statements),
            "aggregates": count(aggregates),
            "places": count(event_places),
        }


def complete_part_of(partial: dict[str, Any], clean: dict[str, Any]) -> bool:
    """True when every article of ``partial`` is stored whole: its event mentions are exactly the clean run's."""
    kept = {m[0].rsplit("-", 1)[0] for m in partial["mentions"]}
    return bool(partial["mentions"] == [m for m in clean["mentions"] if m[0].rsplit("-", 1)[0] in kept])
