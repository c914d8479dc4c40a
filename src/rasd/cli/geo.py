"""`rasd geocode` and `rasd gazetteer`: resolve place names, and add a user's gazetteer to rasd's."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from rasd.records import Place


def place_json(p: Place) -> dict[str, Any]:
    """The JSON of one resolved place (offsets left out: a geocoded name has none)."""
    return {"name": p.name, "gazetteer_id": p.gazetteer_id, "lat": p.lat, "lon": p.lon, "country": p.country,
            "admin1": p.admin1, "admin2": p.admin2, "precision": p.precision, "feature": p.feature}


def geocode_json(name: str, context: str | None, level: str | None, limit: int) -> dict[str, Any]:
    """``{"query": name, "places": [...]}`` with the readings best first (empty when unknown)."""
    from rasd.stages.places import geocode

    return {"query": name, "places": [place_json(p) for p in geocode(name, context, level=level, limit=limit)]}


@click.command(name="geocode")
@click.argument("name", required=False)
@click.option("--context", metavar="TEXT", help="Text around the name (its countries and cue words help choose).")
@click.option("--level", type=click.Choice(["admin1", "admin2", "admin3", "town", "country"]),
              help="Prefer units of this level.")
@click.option("--limit", type=click.IntRange(1, 50), default=1, show_default=True, help="Readings per name.")
def geocode_cmd(name: str | None, context: str | None, level: str | None, limit: int) -> None:
    """Resolve a place NAME (Arabic or Latin letters) and print the place(s) as JSON.

    With no NAME, reads one name per line from standard input and writes one
    JSON line per name. Each answer is {"query", "places"}: name, gazetteer_id,
    lat, lon, country (ISO3), admin1 (ISO 3166-2), admin2, precision (1 town,
    2 part of a region, 3 province, 4 country) and feature, best reading
    first; "places" is empty when the name is unknown.
    """
    if name is not None:
        click.echo(json.dumps(geocode_json(name, context, level, limit), ensure_ascii=False, indent=2))
        return
    for line in sys.stdin:
        q = line.strip()
        if q:
            click.echo(json.dumps(geocode_json(q, context, level, limit), ensure_ascii=False))


@click.group(name="gazetteer")
def gazetteer_group() -> None:
    """Manage the user's gazetteer (places added to rasd's own)."""


@gazetteer_group.command(name="import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
def gazetteer_import(source: Path) -> None:
    """Add the places of SOURCE to the user's gazetteer, where matching uses them.

    SOURCE is a CSV file (columns name, alias ('|'-separated), lat, lon,
    country, admin1, admin2, feature, id, population; only name is
    required) or the OpenSyria/OCHA JSON layout (a folder with
    governorates.json, districts.json, subdistricts.json, or one of them).
    The gazetteer lives in $RASD_HOME (default: the platform's user-data
    folder). Importing the same file again changes nothing; the file is
    replaced atomically.
    """
    from rasd.gazetteer import import_gazetteer

    r = import_gazetteer(source)
    click.echo(f"{r.read} places read: {r.added} added, {r.updated} updated; {r.total} in {r.path}")


@gazetteer_group.command(name="info")
def gazetteer_info() -> None:
    """Where the user's gazetteer is and how many places each source gives."""
    from rasd.gazetteer import source_counts, user_file

    click.echo(f"user gazetteer: {user_file()}")
    for src, n in sorted(source_counts().items()):
        click.echo(f"  {src:<10} {n}")
