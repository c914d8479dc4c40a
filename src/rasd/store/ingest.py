"""Ingestion: read articles from files, archives and URLs, run the pipeline, write each article to the store."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rasd.errors import InputError, PipelineError
from rasd.pipeline import Pipeline
from rasd.records import Article
from rasd.sources import Fetcher, iter_articles
from rasd.store import Store
from rasd.store.engine import StoreError
from rasd.store.write import content_hash


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
) -> IngestReport:
    """Read every article of ``targets`` and store it with its records, one transaction per article.

    An article already stored (same content hash) is skipped before the pipeline runs, so a
    re-run, or a run restarted after a crash, only does the work that is left. An unreadable
    input, a pipeline failure or a refused write is recorded in the ``failures`` table and the
    run goes on.

    Args:
        store: The open store.
        targets: Paths, archives, directories or URLs (see :func:`rasd.sources.iter_articles`).
        pipeline: The pipeline (default: :class:`rasd.pipeline.Pipeline`).
        published: Overrides the publication date of every article.
        fetch: How URLs are fetched.
        progress: Called after each article.

    Returns:
        The counts of the run.
    """
    nlp = pipeline or Pipeline()
    report = IngestReport()
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
    return report


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
