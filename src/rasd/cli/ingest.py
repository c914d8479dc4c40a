"""`rasd ingest` and `rasd watch`: store articles from files, archives, URLs and feeds, with progress."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

import click

from rasd.cli.options import check_date
from rasd.errors import InputError

log = logging.getLogger("rasd")

_DB_HELP = "Database: a SQLite file or a postgresql://user@host:port/dbname URL (default: rasd.db)."


class _Bar:
    """A tqdm progress bar on stderr: articles read, articles per second, stored/skipped/failed counts."""

    def __init__(self, enabled: bool) -> None:
        from tqdm import tqdm

        self.bar: Any = tqdm(unit=" art", dynamic_ncols=True, disable=not enabled, file=sys.stderr, mininterval=0.5)
        self.done = 0

    def __call__(self, report: Any, error: str | None) -> None:
        if error:
            self.bar.write(f"rasd: error: {error}", file=sys.stderr)
        n = report.read + report.failed
        self.bar.update(n - self.done)
        self.done = n
        self.bar.set_postfix_str(
            f"stored {report.written}, skipped {report.skipped}, failed {report.failed}", refresh=False
        )

    def close(self) -> None:
        self.bar.close()


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="PATH|URL...")
@click.option("--db", metavar="URL", default=None, help=_DB_HELP)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for every article.")
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show a progress bar (articles/s).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that run the pipeline; this one writes their results in input order, in batches.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Times a write that lost its database connection is run again before the run stops.",
)
@click.option(
    "--retry-wait",
    type=click.FloatRange(min=0.0),
    default=1.0,
    show_default=True,
    metavar="SECONDS",
    help="Wait before the first retry; doubled at each next one.",
)
def ingest(
    targets: tuple[str, ...],
    db: str | None,
    published: str | None,
    progress: bool,
    workers: int,
    retries: int,
    retry_wait: float,
) -> None:
    """Read articles from PATH|URL... and store them with their events, statements and aggregates.

    Each PATH may be a text, JSON or JSONL article file, a TREC-style file (ANT corpus), a
    SaudiNewsNet JSON file, an HTML page, an RSS/Atom feed, a directory, or a tar/zip archive
    (read directly); a URL may be a page or a feed (each item's page is fetched). Every article
    is stored in one transaction; articles already stored are skipped, so the command can be
    re-run, or restarted after a crash, safely. With --workers N the pipeline runs in N processes
    and articles are written in batches (one transaction each), in the order they were read.
    Exits with status 2 when some input failed.

    A read-only database, a full disk, or a database connection still lost after --retries
    retries stops the run with one line naming the database; what was being written is rolled
    back, so running the same command again resumes where it stopped.
    """
    from rasd.store import open_store
    from rasd.store.ingest import ingest as run_ingest

    _check_targets(targets)
    if published:
        check_date(published)
    start = time.perf_counter()
    bar = _Bar(progress)
    with open_store(db, retries=retries, retry_wait=retry_wait) as store:
        try:
            report = run_ingest(store, targets, published=published, progress=bar, workers=workers)
        finally:
            bar.close()
    secs = time.perf_counter() - start
    rate = (report.read / secs) if secs > 0 else 0.0
    click.echo(f"{report.line()} in {secs:.1f} s ({rate:.1f} articles/s)", err=True)
    if report.failed:
        sys.exit(2)


def _check_targets(targets: tuple[str, ...]) -> None:
    from rasd.sources import STDIN, is_url

    for t in targets:
        if not is_url(t) and t != STDIN and not Path(t).exists():
            raise InputError("no such file", t)


def _print_errors(_report: object, error: str | None) -> None:
    if error:
        click.echo(f"rasd: error: {error}", err=True)


def read_feed_list(path: str) -> list[str]:
    """The feed URLs of a FEEDS.txt file: one per line, ``#`` starts a comment."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"cannot read feed list ({e.strerror or e})", path) from e
    feeds = [ln.split("#", 1)[0].strip() for ln in lines]
    feeds = [f for f in feeds if f]
    if not feeds:
        raise InputError("no feed URLs in the file", path)
    return feeds


@click.command()
@click.argument("feeds_file", metavar="FEEDS.txt", type=click.Path(dir_okay=False, path_type=str))
@click.option("--db", metavar="URL", default=None, help=_DB_HELP)
@click.option(
    "--interval",
    type=click.FloatRange(min=1.0),
    default=900.0,
    show_default=True,
    help="Seconds between polls of every feed.",
)
@click.option("--once", is_flag=True, help="Poll every feed once and stop.")
def watch(feeds_file: str, db: str | None, interval: float, once: bool) -> None:
    """Poll the RSS/Atom feeds listed in FEEDS.txt and store new articles, until interrupted.

    FEEDS.txt holds one feed URL (or local feed file) per line; '#' starts a comment. Each poll
    fetches every item's page; items already stored are skipped without running the pipeline.
    """
    from rasd.pipeline import Pipeline
    from rasd.store import open_store
    from rasd.store.ingest import ingest as run_ingest

    feeds = read_feed_list(feeds_file)
    nlp = Pipeline()
    with open_store(db) as store:
        while True:
            for feed in feeds:
                report = run_ingest(store, [feed], pipeline=nlp, progress=_print_errors)
                click.echo(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {feed}: {report.line()}", err=True)
            if once:
                return
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                return
