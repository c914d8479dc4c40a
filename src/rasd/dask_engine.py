"""Extraction as a Dask (distributed) job: partitions of articles sent to workers, Parquet parts written in order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rasd.partitions import extract_partition, partitions, write_part
from rasd.records import Article


def run_dask(
    articles: Iterable[Article],
    out_dir: Path,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 200,
) -> list[Path]:
    """Run :func:`rasd.partitions.extract_partition` on Dask workers and write one Parquet part per partition.

    Articles are read here and sent to the cluster a partition at a time, with at most two partitions
    per worker thread in flight; parts are written here, in input order, so the output does not depend
    on which worker finished first.

    Args:
        articles: The articles to process.
        out_dir: Where ``part-NNNNN.parquet`` files are written.
        scheduler: Address of a running Dask scheduler; None starts a ``LocalCluster``.
        workers: Worker processes of the ``LocalCluster`` (ignored with ``scheduler``).
        partition_size: Articles per partition.

    Returns:
        The paths of the parts written.
    """
    from distributed import Client, LocalCluster

    cluster: Any = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        slots = max(1, sum(client.nthreads().values()))
        pending: deque[Any] = deque()
        paths: list[Path] = []
        for chunk in partitions(articles, partition_size):
            pending.append(client.submit(extract_partition, chunk, pure=False))
            if len(pending) >= 2 * slots:
                paths.append(write_part(pending.popleft().result(), out_dir, len(paths)))
        while pending:
            paths.append(write_part(pending.popleft().result(), out_dir, len(paths)))
        return paths
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
