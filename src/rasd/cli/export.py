"""`rasd export`: stored events as PLOVER JSONL, ACLED-style CSV, GeoJSON or Parquet, with the query filters."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rasd.cli.options import event_filters
from rasd.errors import InputError
from rasd.export import FORMAT_NAMES

_DB_HELP = "Database: a SQLite file or a postgresql://user@host:port/dbname URL (default: rasd.db)."


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), required=True, help="Export format.")
@click.option("--db", metavar="URL", default=None, help=_DB_HELP)
@event_filters
@click.option("--sector", metavar="SECTOR", help="Actor or recipient sector, e.g. MIL.")
@click.option("--limit", type=click.IntRange(min=1), default=1_000_000, show_default=True, help="At most this many.")
@click.option("-o", "--output", metavar="FILE", default=None, help="Write to FILE (needed for parquet on a terminal).")
def export(
    fmt: str,
    db: str | None,
    types: tuple[str, ...],
    actor: str | None,
    sector: str | None,
    admin1: str | None,
    date_from: str | None,
    date_to: str | None,
    text: str | None,
    source: str | None,
    all_statuses: bool,
    min_report_score: float | None,
    limit: int,
    output: str | None,
) -> None:
    """Write the events matching the filters in FORMAT (the same rows as the API's /api/export).

    acled-csv keeps only the event types ACLED codes (violence, protests, strategic developments),
    through the crosswalk of docs/web.md; the other formats keep every event.
    """
    from rasd.api.deps import parse_filters
    from rasd.api.errors import ApiError
    from rasd.api.queries import export_events
    from rasd.api.settings import ApiSettings
    from rasd.export import formats
    from rasd.store import open_store

    try:
        f = parse_filters(
            ApiSettings(max_limit=limit, max_export=limit),
            type=list(types) or None,
            actor=actor,
            sector=sector,
            admin1=admin1,
            date_from=date_from,
            date_to=date_to,
            text=text,
            source=source,
            status="all" if all_statuses else None,
            min_report_score=min_report_score,
            limit=limit,
        )
    except ApiError as e:
        raise InputError(e.message.replace("date_from", "--since").replace("date_to", "--until")) from None
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise InputError("parquet is binary: give -o FILE or redirect standard output")
    with open_store(db) as store, store.connect() as conn:
        events = export_events(conn, f)
    writer = formats()[fmt]
    if output:
        try:
            with Path(output).open("wb") as out:
                n = writer.write(events, out)
        except OSError as e:
            raise InputError(f"cannot write ({e.strerror or e})", output) from e
    else:
        n = writer.write(events, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    click.echo(f"rasd: {n} {'rows' if fmt == 'acled-csv' else 'events'} written ({fmt})", err=True)
