"""PLOVER JSONL export: one PLOVER record per event (id, date, actor, recipient, event, mode, context, event_loc,
text_info, cite_info), validated by ``plover.schema.json`` beside this module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

SCHEMA_PATH = Path(__file__).resolve().parent / "plover.schema.json"
"""The JSON Schema every exported record satisfies."""


def _actor(a: dict[str, Any] | None) -> dict[str, Any] | None:
    if not a:
        return None
    return {"code": a.get("code"), "sector": a.get("sector"), "name": a.get("name"), "text": a.get("text")}


def _first(reports: list[dict[str, Any]], role: str) -> dict[str, Any] | None:
    for r in reports:
        for a in r.get(role, []):
            if a.get("code"):
                return a
    for r in reports:
        if r.get(role):
            return r[role][0]
    return None


def _all(reports: list[dict[str, Any]], role: str) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in reports:
        for a in r.get(role, []):
            key = (a.get("code"), a.get("sector"), a.get("text") if not a.get("code") else None)
            if key not in seen:
                seen.add(key)
                out.append(_actor(a))
    return [a for a in out if a]


def _loc(reports: list[dict[str, Any]]) -> dict[str, Any] | None:
    locs = [p for r in reports for p in r.get("location", [])]
    if not locs:
        return None
    p = min(locs, key=lambda x: (x.get("lat") is None, x.get("precision") or 9))
    return {
        "name": p.get("name"),
        "text": p.get("text"),
        "country": p.get("country"),
        "admin1": p.get("admin1"),
        "admin2": p.get("admin2"),
        "lat": p.get("lat"),
        "lon": p.get("lon"),
        "geonameid": p.get("gazetteer_id"),
        "precision": p.get("precision"),
    }


def record(e: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER record of one exported event (see :func:`rasd.api.queries.export_events`)."""
    reports = e.get("reports", [])
    first = reports[0] if reports else {}
    size: dict[str, int] = {}
    for r in reports:  # the largest figure any report gives; never a sum across reports
        for k, v in (r.get("size") or {}).items():
            size[k] = max(size.get(k, 0), int(v))
    context = sorted({c for r in reports for c in (r.get("context") or [])})
    art = first.get("article", {})
    return {
        "id": e["id"],
        "date": e.get("date_min"),
        "actor": _actor(_first(reports, "actor")),
        "recipient": _actor(_first(reports, "recipient")),
        "event": e["type"],
        "mode": e.get("mode"),
        "context": context,
        "event_loc": _loc(reports),
        "text_info": {
            "language": "ar",
            "sentence": first.get("evidence") or e.get("evidence"),
            "trigger": first.get("trigger"),
            "status": e.get("status"),
            "date_precision": first.get("date_precision") or "unknown",
            "size": size,
            "actors": _all(reports, "actor"),
            "recipients": _all(reports, "recipient"),
            "report_score": e.get("report_score"),
        },
        "cite_info": {
            "source": art.get("source"),
            "url": art.get("url"),
            "title": art.get("title"),
            "doc_id": art.get("doc_id"),
            "pub_date": art.get("date"),
            "n_reports": e.get("n_mentions", len(reports)),
            "n_sources": e.get("n_sources"),
            "reports": [
                {
                    "doc_id": r.get("article", {}).get("doc_id"),
                    "source": r.get("article", {}).get("source"),
                    "url": r.get("article", {}).get("url"),
                    "pub_date": r.get("article", {}).get("date"),
                    "start": r.get("start"),
                    "end": r.get("end"),
                }
                for r in reports
            ],
        },
    }


def write(events: list[dict[str, Any]], out: BinaryIO) -> int:
    """Write one PLOVER JSON record per line (UTF-8, Arabic kept as is); returns the number written."""
    for e in events:
        out.write(json.dumps(record(e), ensure_ascii=False).encode("utf-8") + b"\n")
    return len(events)


def schema() -> dict[str, Any]:
    """The JSON Schema of a record."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
