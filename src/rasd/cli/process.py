"""`rasd process`: extraction over partitions of the input, locally or as a Dask job, written as Parquet."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import click

from rasd.errors import InputError
from rasd.records import Article


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Directory of the Parquet parts (part-NNNNN.parquet).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool on this machine; dask: a dask.distributed cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler address (tcp://host:8786); without it a LocalCluster is started.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Processes of the local pool or of the LocalCluster.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Articles per partition (and per Parquet part).",
)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for every article.")
def process(
    inputs: tuple[str, ...],
    out_dir: Path,
    engine: str,
    scheduler: str | None,
    workers: int,
    partition_size: int,
    published: str | None,
) -> None:
    """Run extraction over partitions of INPUT... and write one row per article to Parquet files in DIR.

    INPUT is anything `rasd ingest` reads (files, archives, directories, URLs). Both engines run
    the same function on each partition; with --engine dask it runs on a dask.distributed cluster
    (pip install "rasd[dask]"), at --scheduler or on a LocalCluster of --workers processes. Each
    row holds the article and its records as JSON (as `rasd extract --format json` gives them).
    `rasd ingest DIR` then stores the records without running the pipeline again. Unreadable
    inputs are reported on stderr and the exit status is then 2.
    """
    from rasd.cli.ingest import _check_targets
    from rasd.cli.options import check_date
    from rasd.sources import iter_articles

    _check_targets(inputs)
    if published:
        check_date(published)
    if engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise InputError('--engine dask needs dask.distributed: pip install "rasd[dask]"') from None
        if not logging.getLogger("rasd").isEnabledFor(logging.INFO):
            logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO lines only with -v
    failed = 0

    def articles() -> Iterator[Article]:
        nonlocal failed
        for target in inputs:
            for item in iter_articles(target, published=published):
                if isinstance(item, InputError):
                    failed += 1
                    click.echo(f"rasd: error: {item}", err=True)
                else:
                    yield item

    start = time.perf_counter()
    if engine == "dask":
        from rasd.dask_engine import run_dask

        parts = run_dask(articles(), out_dir, scheduler=scheduler, workers=workers, partition_size=partition_size)
    else:
        from rasd.partitions import run_local

        parts = run_local(articles(), out_dir, workers=workers, partition_size=partition_size)
    secs = time.perf_counter() - start
    click.echo(f"{len(parts)} Parquet parts written to {out_dir} in {secs:.1f} s ({failed} inputs failed)", err=True)
    if failed:
        sys.exit(2)
