"""Parquet export: one row per event with flat, typed columns (pyarrow)."""

from __future__ import annotations

import datetime as dt
from typing import Any, BinaryIO


def rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The flat rows written to Parquet (also handy for a DataFrame)."""
    from rasd.export.plover import _all, _loc

    out = []
    for e in events:
        reports = e.get("reports", [])
        loc = _loc(reports) or {}
        out.append(
            {
                "id": e["id"],
                "type": e["type"],
                "mode": e.get("mode"),
                "status": e.get("status"),
                "date_min": dt.date.fromisoformat(e["date_min"]) if e.get("date_min") else None,
                "date_max": dt.date.fromisoformat(e["date_max"]) if e.get("date_max") else None,
                "country": loc.get("country") or e.get("country"),
                "admin1": loc.get("admin1") or e.get("admin1"),
                "place": loc.get("name"),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "geo_precision": loc.get("precision"),
                "actors": [f"{a['code']}:{a['sector'] or ''}" for a in _all(reports, "actor") if a.get("code")],
                "recipients": [f"{a['code']}:{a['sector'] or ''}" for a in _all(reports, "recipient") if a.get("code")],
                "killed": max([int((r.get("size") or {}).get("killed", 0)) for r in reports] or [0]),
                "n_reports": int(e.get("n_mentions") or len(reports)),
                "n_sources": int(e.get("n_sources") or 0),
                "sources": sorted({(r.get("article") or {}).get("source") or "" for r in reports} - {""}),
                "doc_ids": [(r.get("article") or {}).get("doc_id") for r in reports],
                "evidence": e.get("evidence"),
            }
        )
    return out


def write(events: list[dict[str, Any]], out: BinaryIO) -> int:
    """Write the events as one Parquet table; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("id", pa.string()),
            ("type", pa.string()),
            ("mode", pa.string()),
            ("status", pa.string()),
            ("date_min", pa.date32()),
            ("date_max", pa.date32()),
            ("country", pa.string()),
            ("admin1", pa.string()),
            ("place", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("geo_precision", pa.int8()),
            ("actors", pa.list_(pa.string())),
            ("recipients", pa.list_(pa.string())),
            ("killed", pa.int32()),
            ("n_reports", pa.int32()),
            ("n_sources", pa.int32()),
            ("sources", pa.list_(pa.string())),
            ("doc_ids", pa.list_(pa.string())),
            ("evidence", pa.string()),
        ]
    )
    table = pa.Table.from_pylist(rows(events), schema=schema)
    pq.write_table(table, out)
    return table.num_rows
