"""Benchmarks of the pipeline: throughput, time per stage, peak memory, parallel speedup and cost by article length."""

from __future__ import annotations

import itertools
import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rasd.doc import Doc
from rasd.errors import PipelineError
from rasd.pipeline import DEFAULT_STAGES, Pipeline, Stage, StageFunc
from rasd.records import Article
from rasd.sources import iter_articles

LENGTHS: tuple[int, ...] = (1_000, 5_000, 20_000)
"""Article lengths (characters) of :func:`length_scaling`."""


def peak_memory_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB of this process (or of its waited-for children), from ``getrusage``.

    Args:
        who: ``resource.RUSAGE_SELF`` or ``resource.RUSAGE_CHILDREN``.

    Returns:
        ``ru_maxrss`` in megabytes (it is in kilobytes on Linux and in bytes on macOS).
    """
    rss = resource.getrusage(who).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def sample_articles(path: str | Path, n: int) -> list[Article]:
    """Up to ``n`` articles of ``path``, taken in turn from each of its files so that every source is sampled.

    Args:
        path: A file or archive, or a directory of them (as :func:`rasd.sources.iter_articles` reads).
        n: How many articles to take.

    Returns:
        The articles (unreadable inputs are left out).
    """
    p = Path(path)
    files = sorted(c for c in p.iterdir() if c.is_file() and not c.name.startswith(".")) if p.is_dir() else [p]
    streams: list[Iterator[Any]] = [iter_articles(f) for f in files]
    out: list[Article] = []
    while streams and len(out) < n:
        alive = []
        for s in streams:
            item = next((x for x in s if isinstance(x, Article) and x.text.strip()), None)
            if item is not None:
                out.append(item)
                alive.append(s)
                if len(out) >= n:
                    break
        streams = alive
    return out


def _timed(func: StageFunc, name: str, totals: dict[str, float]) -> StageFunc:
    """``func``, adding the seconds each call takes to ``totals[name]``."""

    def run(doc: Doc) -> Doc:
        t = time.perf_counter()
        try:
            return func(doc)
        finally:
            totals[name] += time.perf_counter() - t

    return run


def stage_times(articles: Sequence[Article], stages: Sequence[Stage] = DEFAULT_STAGES) -> dict[str, float]:
    """Milliseconds per article spent in each stage, and in building the document (``make_doc``).

    Each ``Stage.func`` is wrapped in a timer and run through a :class:`Pipeline` of the wrapped stages,
    so the figures are those of the real pipeline. The pipeline is warmed on the first article first.

    Args:
        articles: The articles to run.
        stages: The stages to time.

    Returns:
        ``{"make_doc": ms, <stage name>: ms, ...}`` per article, in pipeline order.
    """
    totals: dict[str, float] = dict.fromkeys(["make_doc", *(s.name for s in stages)], 0.0)
    timed = [Stage(s.name, _timed(s.func, s.name, totals), s.requires, s.assigns) for s in stages]
    nlp = Pipeline(timed)
    if articles:
        _count(articles[:1], nlp)  # resources load on first use: not part of the figures
    for k in totals:
        totals[k] = 0.0
    whole = 0.0
    for a in articles:
        t = time.perf_counter()
        _count((a,), nlp)
        whole += time.perf_counter() - t
    totals["make_doc"] = max(0.0, whole - sum(v for k, v in totals.items() if k != "make_doc"))
    n = max(1, len(articles))
    return {k: 1000 * v / n for k, v in totals.items()}


def ner_speed(articles: Sequence[Article]) -> dict[str, float]:
    """Tokens per second of the ``ner`` pipeline stage (both CRF stages, features included) on one core,
    in CPU time, over ``articles``; the model is loaded and warmed on the first ten
    articles before the clock starts. Two passes: words new to the process (``first_*``), then the same
    text again with the per-word features memoised (``again_*``); ``*_seconds`` are CPU seconds."""
    from rasd.doc import make_doc
    from rasd.stages.ner import ner

    docs = [make_doc(a) for a in articles]
    for d in docs[:10]:  # loads the model
        ner(d)
    tokens = sum(len(d.tokens) for d in docs)
    out: dict[str, float] = {"tokens": tokens}
    for name in ("first", "again"):  # words new to the process, then with their features memoised
        t = time.process_time()
        for d in docs:
            ner(d)
        took = time.process_time() - t
        out[f"{name}_seconds"] = took
        out[f"{name}_tokens_per_s"] = tokens / took if took else 0.0
    return out


def _count(articles: Iterable[Article], nlp: Pipeline) -> tuple[int, int, int]:
    """Run ``nlp`` on each article; the number of articles, of tokens and of articles a stage failed on."""
    docs = tokens = failed = 0
    for a in articles:
        try:
            tokens += len(nlp(a).tokens)
        except PipelineError:
            failed += 1
        docs += 1
    return docs, tokens, failed


def _worker_init(barrier: Any) -> None:
    """Pool initializer: build the pipeline and warm it before the clock starts."""
    from rasd.batch import process_pipeline

    warm = Article(doc_id="warm", text="قال الرئيس الفرنسي إن بلاده ستدعم الحوار.", published="2020-01-01")
    _count([warm], process_pipeline())
    barrier.wait()


def _worker_ready(_: int) -> bool:
    return True


def _worker_share(articles: list[Article]) -> tuple[int, int, int, float]:
    """Run a worker's share of articles: articles, tokens, failures and the worker's peak memory (MB)."""
    from rasd.batch import process_pipeline

    return (*_count(articles, process_pipeline()), peak_memory_mb())


def throughput(articles: Sequence[Article], processes: int = 1) -> dict[str, float]:
    """Articles and tokens per second of full extraction (no database), in one process or in a pool.

    The clock starts when every process has built and warmed its pipeline; with several processes
    the articles are dealt out in small chunks and the wall time of the whole run is measured.

    Args:
        articles: The articles to run.
        processes: Number of processes (1: this process, no pool).

    Returns:
        ``processes``, ``articles``, ``tokens``, ``failed`` (articles a stage raised on), ``seconds``,
        ``articles_per_s``, ``tokens_per_s`` and
        ``peak_mb`` (the largest peak resident memory of one process doing the work).
    """
    if processes <= 1:
        nlp = Pipeline()
        _count(articles[:1], nlp)
        t = time.perf_counter()
        docs, tokens, failed = _count(articles, nlp)
        secs = time.perf_counter() - t
        peak = peak_memory_mb()
    else:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        barrier = ctx.Barrier(processes)
        chunks = [list(articles[i : i + 16]) for i in range(0, len(articles), 16)]
        with ctx.Pool(processes, initializer=_worker_init, initargs=(barrier,)) as pool:
            pool.map(_worker_ready, range(processes), chunksize=1)
            t = time.perf_counter()
            results = pool.map(_worker_share, chunks, chunksize=1)
            secs = time.perf_counter() - t
        docs = sum(r[0] for r in results)
        tokens = sum(r[1] for r in results)
        failed = sum(r[2] for r in results)
        peak = max((r[3] for r in results), default=0.0)
    return {
        "processes": float(processes),
        "articles": float(docs),
        "tokens": float(tokens),
        "failed": float(failed),
        "seconds": secs,
        "articles_per_s": docs / secs if secs > 0 else 0.0,
        "tokens_per_s": tokens / secs if secs > 0 else 0.0,
        "peak_mb": peak,
    }


def sized_texts(articles: Sequence[Article], length: int, count: int) -> list[Article]:
    """``count`` articles of about ``length`` characters, made by joining real texts in turn and cutting them.

    Each text is cut at the last space before ``length`` characters, so no word is split.

    Args:
        articles: Real articles whose texts are joined (in turn, starting at a different one each time).
        length: Characters per article.
        count: Number of articles.

    Returns:
        The articles, ids ``len{length}-{i}``, with the first source article's publication date.
    """
    texts = [a.text.strip() for a in articles if a.text.strip()]
    if not texts:
        return []
    published = articles[0].published
    out = []
    for i in range(count):
        parts: list[str] = []
        size = 0
        for t in itertools.islice(itertools.cycle(texts), i % len(texts), None):
            parts.append(t)
            size += len(t) + 2
            if size >= length:
                break
        text = "\n\n".join(parts)
        if len(text) > length:
            cut = text.rfind(" ", 0, length)
            text = text[: cut if cut > length // 2 else length]
        out.append(Article(doc_id=f"len{length}-{i}", text=text, published=published))
    return out


def length_scaling(
    articles: Sequence[Article], lengths: Sequence[int] = LENGTHS, chars: int = 200_000
) -> dict[int, dict[str, float]]:
    """Articles and characters per second for articles of each length, with the same text volume for each.

    When cost grows linearly with length, characters per second stays about the same across lengths
    (and articles per second falls in proportion to length).

    Args:
        articles: Real articles to build the texts from (see :func:`sized_texts`).
        lengths: Article lengths in characters.
        chars: Characters processed at each length.

    Returns:
        ``{length: {"articles", "failed", "seconds", "articles_per_s", "chars_per_s"}}``.
    """
    nlp = Pipeline()
    if articles:
        _count(articles[:1], nlp)  # warm: resources load on first use
    out: dict[int, dict[str, float]] = {}
    for length in lengths:
        docs = sized_texts(articles, length, max(2, chars // length))
        t = time.perf_counter()
        _, _, failed = _count(docs, nlp)
        secs = time.perf_counter() - t
        total = sum(len(a.text) for a in docs)
        out[length] = {
            "articles": float(len(docs)),
            "failed": float(failed),
            "seconds": secs,
            "articles_per_s": len(docs) / secs if secs > 0 else 0.0,
            "chars_per_s": total / secs if secs > 0 else 0.0,
        }
    return out
