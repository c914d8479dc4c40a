"""Standard exports of stored events: PLOVER JSONL, ACLED-style CSV, GeoJSON and Parquet (one module per format).

Every format reads the same rows, :func:`rasd.api.queries.export_events`, so the web app, the API
and ``rasd export`` give the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format: its name, file suffix, media type and writer."""

    name: str
    suffix: str
    media_type: str
    write: Callable[[list[dict[str, Any]], BinaryIO], int]


def formats() -> dict[str, ExportFormat]:
    """Every export format by name (``plover-jsonl``, ``acled-csv``, ``geojson``, ``parquet``)."""
    from rasd.export import acled, geojson, parquet, plover

    return {
        "plover-jsonl": ExportFormat("plover-jsonl", ".jsonl", "application/x-ndjson", plover.write),
        "acled-csv": ExportFormat("acled-csv", ".csv", "text/csv; charset=utf-8", acled.write),
        "geojson": ExportFormat("geojson", ".geojson", "application/geo+json", geojson.write),
        "parquet": ExportFormat("parquet", ".parquet", "application/vnd.apache.parquet", parquet.write),
    }


FORMAT_NAMES = ("plover-jsonl", "acled-csv", "geojson", "parquet")
"""The names :func:`formats` knows, in the order help texts list them."""
