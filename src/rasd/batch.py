"""Parallel extraction on one machine: the pipeline in a pool of worker processes, results in input order."""

from __future__ import annotations

import functools
import itertools
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from typing import TypeVar

from rasd.doc import Doc
from rasd.errors import PipelineError
from rasd.pipeline import Pipeline
from rasd.records import Article

T = TypeVar("T")
R = TypeVar("R")


class _RemoteCause(Exception):
    """The cause of a pipeline failure in a worker, carried back as its ``repr`` (exceptions may not pickle)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __repr__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class _Failure:
    """A pipeline failure in a worker, in a form that always pickles."""

    stage: str
    doc_id: str
    cause: str

    def error(self) -> PipelineError:
        """The :class:`PipelineError` the pipeline raised in the worker."""
        return PipelineError(self.stage, self.doc_id, _RemoteCause(self.cause))


@functools.cache
def process_pipeline() -> Pipeline:
    """The pipeline of this process, built on first use (once per worker)."""
    return Pipeline()


def _run(article: Article) -> Doc | _Failure:
    """Run the process's pipeline on one article (in a worker)."""
    try:
        return process_pipeline()(article)
    except PipelineError as e:
        return _Failure(e.stage, e.doc_id, repr(e.cause))


def _run_chunk(chunk: list[Article]) -> list[Doc | _Failure]:
    """Run the process's pipeline on a chunk of articles (in a worker)."""
    return [_run(a) for a in chunk]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """``articles`` in lists of ``size`` (the last one shorter)."""
    it = iter(articles)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def warm_pipeline() -> None:
    """Pool initializer: build the pipeline (and load its resources) before the first article arrives."""
    process_pipeline()


def process_articles(
    articles: Iterable[Article], workers: int = 1, *, chunksize: int = 8
) -> Iterator[Doc | PipelineError]:
    """Run the default pipeline on every article, in ``workers`` processes, yielding results in input order.

    Each worker builds its pipeline once. Articles are read lazily from ``articles`` (at most two chunks per
    worker are in flight), so a large archive is never held in memory at once. With
    ``workers <= 1`` the articles are processed in this process, with no pool.

    Args:
        articles: The articles to process.
        workers: Number of worker processes.
        chunksize: Articles sent to a worker at a time.

    Yields:
        For each article, in the order given, its :class:`Doc`, or the :class:`PipelineError` a stage raised.
    """
    if workers <= 1:
        nlp = Pipeline()
        for a in articles:
            try:
                yield nlp(a)
            except PipelineError as e:
                yield e
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=warm_pipeline) as pool:
        for results in bounded_imap(pool, _run_chunk, _chunks(articles, max(1, chunksize)), 2 * workers):
            yield from _unpack(results)


def bounded_imap(pool: Pool, fn: Callable[[T], R], items: Iterable[T], window: int) -> Iterator[R]:
    """``pool.imap(fn, items)`` that reads ``items`` only as results are taken: at most ``window`` items are
    in flight, so a large input is never read ahead into memory (``Pool.imap`` queues all of it at once)."""
    pending: deque[AsyncResult[R]] = deque()
    for item in items:
        pending.append(pool.apply_async(fn, (item,)))
        if len(pending) >= window:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _unpack(results: list[Doc | _Failure]) -> Iterator[Doc | PipelineError]:
    for out in results:
        yield out.error() if isinstance(out, _Failure) else out
