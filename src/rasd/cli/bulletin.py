"""`rasd bulletin`: the daily bulletin of a day from the store, as HTML or Markdown, in Arabic or English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from rasd.errors import InputError

_DB_HELP = "Database: a SQLite file or a postgresql://user@host:port/dbname URL (default: rasd.db)."


@click.command()
@click.option("--date", "day", required=True, metavar="DATE", help="The day (YYYY-MM-DD).")
@click.option("--lang", type=click.Choice(["ar", "en"]), default="ar", show_default=True, help="Language of labels.")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True, help="Output.")
@click.option("--db", metavar="URL", default=None, help=_DB_HELP)
@click.option("-o", "--output", metavar="FILE", default=None, help="Write to FILE instead of standard output.")
def bulletin(day: str, lang: str, fmt: str, db: str | None, output: str | None) -> None:
    """The bulletin of DATE: events by type and province against the day before and the last 7 days,
    counts reported by each source side by side, main statements; every number links to its sentences.
    """
    from rasd import bulletin as b
    from rasd.store import open_store

    try:
        when = dt.date.fromisoformat(day)
    except ValueError:
        raise InputError(f"--date: not a date (YYYY-MM-DD): {day!r}") from None
    with open_store(db) as store, store.connect() as conn:
        data = b.build(conn, when)
    text = b.render_md(data, lang) if fmt == "md" else b.render_html(data, lang)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as e:
            raise InputError(f"cannot write ({e.strerror or e})", output) from e
    else:
        click.echo(text, nl=False)
