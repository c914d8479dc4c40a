"""`rasd query`: events from the store by type, actor, province, date range and text, as a table or JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from rasd.cli.options import event_filters
from rasd.errors import InputError

_DB_HELP = "Database: a SQLite file or a postgresql://user@host:port/dbname URL (default: rasd.db)."


def _day(option: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option}: not a date (YYYY-MM-DD): {value!r}") from None


def _actors(e: dict[str, Any], role: str) -> str:
    out = []
    for a in e["actors"]:
        if a["role"] == role:
            label = a["code"] or a["text"]
            out.append(f"{label}:{a['sector']}" if a["code"] and a["sector"] else label)
    return ",".join(dict.fromkeys(out)) or "-"


def format_table(rows: list[dict[str, Any]]) -> str:
    """Events as an aligned text table, one line each, with the first report's evidence."""
    head = ("id", "type", "date", "admin1", "actor", "recipient", "reports", "sources", "evidence")
    lines = []
    for e in rows:
        date = e["date_min"] or "?"
        if e["date_max"] and e["date_max"] != e["date_min"]:
            date += f"..{e['date_max'][5:]}"
        evidence = (e["evidence"] or "").replace("\n", " ")
        lines.append(
            (
                e["id"],
                e["type"] + ("/" + e["mode"] if e["mode"] else ""),
                date,
                e["admin1"] or "-",
                _actors(e, "actor"),
                _actors(e, "recipient"),
                str(e["n_mentions"]),
                str(e["n_sources"]),
                evidence[:80] + ("…" if len(evidence) > 80 else ""),
            )
        )
    widths = [max(len(str(r[i])) for r in [head, *lines]) for i in range(len(head) - 1)]
    out = []
    for r in [head, *lines]:
        out.append("  ".join(str(c).ljust(w) for c, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1])
    return "\n".join(out)


def format_aggregates(groups: list[dict[str, Any]]) -> str:
    """Reported counts: one heading per (metric, day, provinces), one line per reporter under it."""
    lines = []
    for g in groups:
        lines.append(f"{g['metric']}  {g['day'] or '?'}  {','.join(g['admin1']) or '-'}")
        for r in g["reports"]:
            who = r["reporter"] or "?"
            code = f" [{r['reporter_code']}]" if r["reporter_code"] else ""
            lines.append(f"    {r['value']:>6}  ({r['period']})  {who}{code}  article {r['article_id']}")
    return "\n".join(lines)


@click.command()
@click.option("--db", metavar="URL", default=None, help=_DB_HELP)
@event_filters
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Skip this many first.")
@click.option("--reports", is_flag=True, help="JSON only: include every report of each event with its merge reason.")
@click.option(
    "--aggregates",
    "metric",
    metavar="METRIC",
    default=None,
    help="Instead of events: the counts of METRIC ('all' for every metric) that sources reported, "
    "by day and province, each reporter side by side (never summed). Uses --admin1, --since, --until.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: one line per event; json: one JSON object per line.",
)
def query(
    db: str | None,
    types: tuple[str, ...],
    actor: str | None,
    admin1: str | None,
    date_from: str | None,
    date_to: str | None,
    text: str | None,
    source: str | None,
    all_statuses: bool,
    min_report_score: float | None,
    limit: int,
    offset: int,
    reports: bool,
    metric: str | None,
    fmt: str,
) -> None:
    """Events in the store (each counted once however many reports it has), newest first.

    Filters combine with AND. Each event shows its number of reports and of distinct sources;
    --format json gives every field, and --reports the reports themselves with why they merged.
    """
    from rasd.store import open_store
    from rasd.store.queries import EventFilter, aggregates_side_by_side, event_reports, find_events

    if metric:
        with open_store(db) as store, store.connect() as conn:
            groups = aggregates_side_by_side(
                conn,
                metric=None if metric == "all" else metric,
                admin1=admin1,
                day_from=_day("--since", date_from),
                day_to=_day("--until", date_to),
            )
        groups = groups[offset : offset + limit]
        if fmt == "json":
            for g in groups:
                click.echo(json.dumps(g, ensure_ascii=False))
        elif groups:
            click.echo(format_aggregates(groups))
        else:
            click.echo("no aggregates match", err=True)
        return

    f = EventFilter(
        type=tuple(t.upper() for t in types) or None,
        actor=actor.upper() if actor else None,
        admin1=admin1,
        date_from=_day("--since", date_from),
        date_to=_day("--until", date_to),
        text=text,
        status=None if all_statuses else "asserted",
        source=source,
        min_report_score=min_report_score,
        limit=limit,
        offset=offset,
    )
    with open_store(db) as store, store.connect() as conn:
        rows = find_events(conn, f)
        if reports:
            for e in rows:
                e["reports"] = event_reports(conn, e["id"])
    if fmt == "json":
        for e in rows:
            click.echo(json.dumps(e, ensure_ascii=False))
    elif rows:
        click.echo(format_table(rows))
    else:
        click.echo("no events match", err=True)
