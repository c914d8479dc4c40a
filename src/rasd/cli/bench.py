"""`rasd bench`: speed and memory of the pipeline on a sample of real articles, as figures to read."""

from __future__ import annotations

import os
from pathlib import Path

import click

from rasd.errors import InputError

_REPO_ROOT = Path(__file__).resolve().parents[3]


def default_bench_path() -> Path | None:
    """``../shared/data/news/ant`` next to the repository, when it exists."""
    path = (_REPO_ROOT / ".." / "shared" / "data" / "news" / "ant").resolve()
    return path if path.exists() else None


@click.command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--n", "n", type=click.IntRange(min=1), default=500, show_default=True, help="Articles to sample.")
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=None,
    help="Processes of the parallel run (default: the number of CPUs, at least 2).",
)
@click.option("--lengths/--no-lengths", default=True, show_default=True, help="Also time 1k, 5k and 20k articles.")
def bench(path: Path | None, n: int, processes: int | None, lengths: bool) -> None:
    """Run the pipeline on N articles of PATH and print articles/s, tokens/s, time per stage and peak memory.

    PATH is a file, archive or directory of articles (default: the ANT corpus in
    ../shared/data/news/ant, when it exists). Articles are taken in turn from each file. The run is
    timed in one process and in --processes processes (full extraction, no database), and, with
    --lengths, on articles of about 1, 5 and 20 thousand characters made from the sample's texts, to
    show how cost grows with length; last, the speed of the statistical NER tagger (``--ner``) on the
    first 300 articles of the sample. These are figures to read, not pass/fail checks.
    """
    from rasd import bench as b

    path = path or default_bench_path()
    if path is None:
        raise InputError("no PATH given and ../shared/data/news/ant does not exist")
    procs = processes or max(2, os.cpu_count() or 1)
    articles = b.sample_articles(path, n)
    if not articles:
        raise InputError("no articles found", str(path))
    chars = sum(len(a.text) for a in articles)
    click.echo(f"sample: {len(articles)} articles from {path} ({chars / len(articles):.0f} characters on average)")

    click.echo("\ntime per stage (ms per article, one process)")
    st = b.stage_times(articles)
    total = sum(st.values())
    for name, ms in st.items():
        click.echo(f"  {name:<12} {ms:8.2f} ms  {100 * ms / total if total else 0:5.1f} %")
    click.echo(f"  {'total':<12} {total:8.2f} ms")

    click.echo("\nthroughput (full extraction, no database)")
    one = b.throughput(articles, 1)
    many = b.throughput(articles, procs)
    for r in (one, many):
        click.echo(
            f"  {int(r['processes'])} process{'es' if r['processes'] > 1 else '  '}: "
            f"{r['articles_per_s']:8.1f} articles/s  {r['tokens_per_s']:10.0f} tokens/s  "
            f"{r['seconds']:6.2f} s  peak memory {r['peak_mb']:.0f} MB per process"
            + (f"  ({int(r['failed'])} failed)" if r["failed"] else "")
        )
    if one["articles_per_s"]:
        click.echo(f"  speedup: {many['articles_per_s'] / one['articles_per_s']:.2f}x with {procs} processes")

    if lengths:
        click.echo("\ncost by article length (one process, same text volume each)")
        for length, r in b.length_scaling(articles).items():
            click.echo(
                f"  {length:>6} chars: {r['articles_per_s']:8.1f} articles/s  {r['chars_per_s']:10.0f} chars/s"
                f"  ({int(r['articles'])} articles, {r['seconds']:.2f} s"
                + (f", {int(r['failed'])} failed)" if r["failed"] else ")")
            )
    click.echo(f"\npeak memory of this process: {b.peak_memory_mb():.0f} MB")
    # after the memory figure: the tagger's model and the tagged documents would swell it
    r = b.ner_speed(articles[:300])
    click.echo(f"\nNER tagger (--ner; one core, CPU time, {int(r['tokens'])} tokens): "
               f"{r['first_tokens_per_s']:,.0f} tokens/s on words new to the process, "
               f"{r['again_tokens_per_s']:,.0f} tokens/s once their features are memoised")
