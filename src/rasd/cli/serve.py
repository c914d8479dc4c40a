"""`rasd serve`: the web interface and JSON API over a store, with uvicorn."""

from __future__ import annotations

import click

_DB_HELP = "Database: a SQLite file or a postgresql://user@host:port/dbname URL (default: rasd.db)."


@click.command()
@click.option("--db", metavar="URL", default=None, help=_DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--write-token",
    envvar="RASD_WRITE_TOKEN",
    default=None,
    metavar="TOKEN",
    help="Enable POST /api/articles for requests bearing this token (env RASD_WRITE_TOKEN). Default: read-only.",
)
@click.option("--max-limit", type=click.IntRange(1, 100_000), default=500, show_default=True, help="Largest page size.")
def serve(db: str | None, host: str, port: int, write_token: str | None, max_limit: int) -> None:
    """Serve the events page, event, article and bulletin pages and the JSON API (see /api).

    The app is read-only unless a write token is given. It needs no network: every script and
    style is served from this machine.
    """
    import uvicorn

    from rasd.api import ApiSettings, create_app
    from rasd.store import open_store

    open_store(db).close()  # fail here, with one line, when the store cannot be opened
    app = create_app(ApiSettings(db=db, write_token=write_token, max_limit=max_limit))
    click.echo(f"rasd: serving {db or 'rasd.db'} on http://{host}:{port}/ (read-only: {not write_token})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
