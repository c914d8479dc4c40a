"""GeoJSON export: a FeatureCollection with one Feature per event at its most precise place."""

from __future__ import annotations

import json
from typing import Any, BinaryIO


def feature(e: dict[str, Any]) -> dict[str, Any]:
    """The Feature of one exported event; geometry is null when no place of it has coordinates."""
    from rasd.export.plover import _all, _loc

    reports = e.get("reports", [])
    loc = _loc(reports)
    geom = None
    if loc and loc.get("lat") is not None and loc.get("lon") is not None:
        geom = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
    return {
        "type": "Feature",
        "id": e["id"],
        "geometry": geom,
        "properties": {
            "id": e["id"],
            "type": e["type"],
            "mode": e.get("mode"),
            "status": e.get("status"),
            "date_min": e.get("date_min"),
            "date_max": e.get("date_max"),
            "admin1": (loc or {}).get("admin1") or e.get("admin1"),
            "place": (loc or {}).get("name"),
            "precision": (loc or {}).get("precision"),
            "actors": [a["code"] for a in _all(reports, "actor") if a.get("code")],
            "recipients": [a["code"] for a in _all(reports, "recipient") if a.get("code")],
            "n_reports": e.get("n_mentions"),
            "n_sources": e.get("n_sources"),
            "evidence": e.get("evidence"),
        },
    }


def write(events: list[dict[str, Any]], out: BinaryIO) -> int:
    """Write the FeatureCollection (UTF-8); returns the number of features."""
    fc = {"type": "FeatureCollection", "features": [feature(e) for e in events]}
    out.write(json.dumps(fc, ensure_ascii=False).encode("utf-8"))
    return len(events)
