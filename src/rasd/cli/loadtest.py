"""`rasd loadtest`: a bounded load test of the events API and the events page on this machine."""

from __future__ import annotations

import json
import sys

import click

_DB_HELP = "Database to serve for the test (SQLite file or postgresql:// URL; default: rasd.db)."


@click.command()
@click.option("--db", metavar="URL", default=None, help=_DB_HELP)
@click.option(
    "--url",
    metavar="URL",
    default=None,
    help="Test a server already running on this machine (http://127.0.0.1:PORT) instead of starting one.",
)
@click.option(
    "--target",
    "targets",
    type=click.Choice(["api", "page"]),
    multiple=True,
    help="What to load: api (/api/events) and/or page (/events). Default: both, one after the other.",
)
@click.option("--requests", type=click.IntRange(1, 1_000_000), default=1000, show_default=True,
              help="Requests per target (measured).")
@click.option("--clients", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="Concurrent clients.")
@click.option("--warmup", type=click.IntRange(0, 100_000), default=20, show_default=True,
              help="Requests per target sent first and not measured.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True, metavar="SECONDS",
              help="A request slower than this counts as an error.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
def loadtest(
    db: str | None,
    url: str | None,
    targets: tuple[str, ...],
    requests: int,
    clients: int,
    warmup: int,
    timeout: float,
    fmt: str,
) -> None:
    """Send a fixed number of requests from concurrent clients to the events API and the events page, then stop;
    print p50/p95/max latency, throughput and errors per target.

    Without --url, `rasd serve --db DB` is started on 127.0.0.1 (a free port) for the run and stopped after it.
    Only this machine is ever targeted: a --url of another host is refused. Exits with status 1 when any request
    failed (an HTTP status other than 200, a timeout, a refused connection).
    """
    from rasd.errors import InputError
    from rasd.web import loadtest as lt

    chosen = targets or ("api", "page")
    if url and db:
        raise InputError("give --db (a server is started) or --url (a running server), not both")
    if url:
        results = lt.run(url, targets=chosen, requests=requests, clients=clients, warmup=warmup, timeout=timeout)
    else:
        from rasd.store import open_store

        open_store(db).close()  # one line, not a server's traceback, when the store cannot be opened
        with lt.serve(db) as base:
            results = lt.run(base, targets=chosen, requests=requests, clients=clients, warmup=warmup, timeout=timeout)
    if fmt == "json":
        click.echo(json.dumps({"clients": clients, "results": [r.summary() for r in results]}, indent=1))
    else:
        click.echo(f"{clients} clients, {requests} requests per target (+{warmup} warm-up)")
        click.echo(lt.table(results))
    if any(r.errors for r in results):
        sys.exit(1)
