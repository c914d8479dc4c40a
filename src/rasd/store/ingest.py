"""Ingestion: read articles from files, archives and URLs, run the pipeline, write each article to the store."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rasd.doc import Doc
from rasd.errors import InputError, PipelineError
from rasd.partitions import is_parquet_target, iter_parquet_docs
from rasd.pipeline import Pipeline
from rasd.records import Article
from rasd.sources import Fetcher, iter_articles
from rasd.store import Store
from rasd.store.engine import StoreError, StoreUnavailable
from rasd.store.write import WriteResult, content_hash


@dataclass(slots=True)
class IngestReport:
    """What an ingestion run did, article by article."""

    read: int = 0  # articles read
    written: int = 0  # new articles stored
    skipped: int = 0  # already stored (same content hash): nothing done
    duplicates: int = 0  # new articles linked as near-duplicates of a stored one
    events: int = 0  # event mentions written
    merged: int = 0  # event mentions merged into an existing event
    failed: int = 0  # unreadable inputs and articles the pipeline or the database refused

    def line(self) -> str:
        """A one-line summary for people."""
        return (
            f"{self.read} read, {self.written} stored, {self.skipped} already stored, "
            f"{self.duplicates} near-duplicates, {self.events} event reports ({self.merged} merged), "
            f"{self.failed} failed"
        )


Progress = Callable[[IngestReport, str | None], None]
"""Called after each article with the running report and an error message (or ``None``)."""


def ingest(
    store: Store,
    targets: Iterable[str],
    *,
    pipeline: Callable[[Article], object] | None = None,
    published: str | None = None,
    fetch: Fetcher | None = None,
    progress: Progress | None = None,
    workers: int = 1,
    batch_size: int = 32,
) -> IngestReport:
    """Read every article of ``targets`` and store it with its records, one transaction per article.

    An article already stored (same content hash) is skipped before the pipeline runs, so a
    re-run, or a run restarted after a crash, only does the work that is left. An unreadable
    input, a pipeline failure or a refused write is recorded in the ``failures`` table and the
    run goes on.

    A ``.parquet`` file, or a directory of ``part-*.parquet`` files, written by `rasd process` is
    stored as it is: its records were extracted already (``published`` does not apply to it).

    With ``workers > 1`` extraction runs in that many processes (:func:`rasd.batch.process_articles`)
    and this process writes the results in input order, ``batch_size`` articles per transaction
    (:meth:`Store.write_batch`), so the store ends up as a one-process run would leave it.

    Args:
        store: The open store.
        targets: Paths, archives, directories or URLs (see :func:`rasd.sources.iter_articles`).
        pipeline: The pipeline (default: :class:`rasd.pipeline.Pipeline`).
        published: Overrides the publication date of every article.
        fetch: How URLs are fetched.
        progress: Called after each article.
        workers: Processes that run the pipeline (1: this process, one transaction per article).
        batch_size: Articles per transaction when ``workers > 1``.

    Returns:
        The counts of the run.

    Raises:
        ValueError: ``pipeline`` was given with ``workers > 1`` (workers build the default pipeline).
    """
    if workers > 1 and pipeline is not None:
        raise ValueError("a custom pipeline runs in one process only (workers=1)")
    report = IngestReport()
    nlp: Callable[[Article], object] | None = pipeline
    run: list[str] = []  # consecutive targets that are not Parquet output of `rasd process`

    def flush() -> None:
        nonlocal nlp
        if not run:
            return
        if workers > 1:
            _ingest_parallel(store, run, published, fetch, progress, workers, max(1, batch_size), report)
        else:
            nlp = nlp or Pipeline()
            _ingest_serial(store, run, nlp, published, fetch, progress, report)
        run.clear()

    for target in targets:
        if is_parquet_target(target):
            flush()
            _ingest_parquet(store, target, progress, report)
        else:
            run.append(target)
    flush()
    return report


def _ingest_serial(
    store: Store,
    targets: Iterable[str],
    nlp: Callable[[Article], object],
    published: str | None,
    fetch: Fetcher | None,
    progress: Progress | None,
    report: IngestReport,
) -> None:
    """:func:`ingest` in this process, one transaction per article."""
    for target in targets:
        for item in iter_articles(target, published=published, fetch=fetch):
            error: str | None = None
            if isinstance(item, InputError):
                report.failed += 1
                error = str(item)
                store.record_failure(item.path or target, None, item.message)
            else:
                report.read += 1
                error = _one(store, nlp, item, target, report)
            if progress is not None:
                progress(report, error)


def _ingest_parquet(store: Store, target: str, progress: Progress | None, report: IngestReport) -> None:
    """Store the documents `rasd process` wrote as Parquet, without running the pipeline again."""
    for doc, origin, doc_id in iter_parquet_docs(target):
        report.read += 1
        error: str | None = None
        if isinstance(doc, str):
            report.failed += 1
            error = doc
            store.record_failure(origin, doc_id, doc)
        else:
            error = _one(store, lambda _a, d=doc: d, doc.article, origin, report)
        if progress is not None:
            progress(report, error)


def _one(
    store: Store, nlp: Callable[[Article], object], article: Article, target: str, report: IngestReport
) -> str | None:
    """Process and store one article; returns the error message when it failed."""
    chash = content_hash(article)
    if store.has(chash):
        report.skipped += 1
        return None
    origin = article.url or target
    try:
        doc = nlp(article)
        result = store.write(doc, origin=origin, chash=chash)  # type: ignore[arg-type]
    except StoreUnavailable:
        raise  # every later write would fail too: the run stops (the article was rolled back)
    except (PipelineError, StoreError) as e:
        report.failed += 1
        store.record_failure(origin, article.doc_id, str(e))
        return str(e)
    if result.status == "exists":
        report.skipped += 1
        return None
    report.written += 1
    report.duplicates += result.duplicate_of is not None
    report.events += result.events
    report.merged += result.merged
    return None


@dataclass(slots=True)
class _Pending:
    """An article sent to the workers, waiting for its document."""

    article: Article
    origin: str
    chash: str


def _ingest_parallel(
    store: Store,
    targets: Iterable[str],
    published: str | None,
    fetch: Fetcher | None,
    progress: Progress | None,
    workers: int,
    batch_size: int,
    report: IngestReport,
) -> None:
    """:func:`ingest` with extraction in ``workers`` processes and batched writes, in input order."""
    from rasd.batch import process_articles

    sent: deque[_Pending] = deque()

    def tell(error: str | None) -> None:
        if progress is not None:
            progress(report, error)

    def todo() -> Iterator[Article]:
        for target in targets:
            for item in iter_articles(target, published=published, fetch=fetch):
                if isinstance(item, InputError):
                    report.failed += 1
                    store.record_failure(item.path or target, None, item.message)
                    tell(str(item))
                    continue
                chash = content_hash(item)
                if store.has(chash):
                    report.read += 1
                    report.skipped += 1
                    tell(None)
                    continue
                sent.append(_Pending(item, item.url or target, chash))
                yield item

    batch: list[tuple[Doc, str]] = []
    for out in process_articles(todo(), workers):
        pending = sent.popleft()
        report.read += 1
        if isinstance(out, PipelineError):
            report.failed += 1
            store.record_failure(pending.origin, pending.article.doc_id, str(out))
            tell(str(out))
            continue
        batch.append((out, pending.origin))
        if len(batch) >= batch_size:
            _write_batch(store, batch, report, tell)
            batch = []
    if batch:
        _write_batch(store, batch, report, tell)


def _write_batch(
    store: Store, batch: list[tuple[Doc, str]], report: IngestReport, tell: Callable[[str | None], None]
) -> None:
    """Write one batch of documents in one transaction and count what was done."""
    try:
        results: list[WriteResult | StoreError] = store.write_batch(list(batch))
    except StoreUnavailable:
        raise
    except StoreError as e:
        results = [e] * len(batch)
    for (doc, origin), result in zip(batch, results, strict=True):
        if isinstance(result, StoreError):
            report.failed += 1
            store.record_failure(origin, doc.article.doc_id, str(result))
            tell(str(result))
            continue
        if result.status == "exists":
            report.skipped += 1
        else:
            report.written += 1
            report.duplicates += result.duplicate_of is not None
            report.events += result.events
            report.merged += result.merged
        tell(None)
