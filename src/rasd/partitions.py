"""Extraction by partitions to Parquet: one function per partition, run by a local pool or by Dask workers."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rasd.doc import Doc, make_doc
from rasd.errors import PipelineError
from rasd.output import doc_to_json
from rasd.records import Actor, Aggregate, Article, Event, Mention, Place, Quantity, Statement, TimeExpr

RECORD_KEYS = ("sentences", "mentions", "places", "times", "quantities", "statements", "events", "aggregates")
"""The keys of :func:`rasd.output.doc_to_json` kept, as JSON, in the ``records`` column."""


def schema() -> Any:
    """The Arrow schema of the Parquet files: one row per article, its records as a JSON string."""
    import pyarrow as pa

    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("source", pa.string()),
            ("url", pa.string()),
            ("published", pa.string()),
            ("title", pa.string()),
            ("text", pa.string()),
            ("stages", pa.list_(pa.string())),
            ("records", pa.string()),  # JSON: {sentences, mentions, places, ...} as doc_to_json gives them
            ("error", pa.string()),  # the pipeline error, when a stage failed (records is then null)
        ]
    )


def extract_partition(articles: list[Article]) -> Any:
    """Run the pipeline on one partition of articles; the rows as a ``pyarrow.Table`` (see :func:`schema`).

    The same function runs in every engine; the pipeline is built once per process.

    Args:
        articles: The partition.

    Returns:
        A table with one row per article, in order.
    """
    import pyarrow as pa

    from rasd.batch import process_pipeline

    nlp = process_pipeline()
    rows: list[dict[str, Any]] = []
    for a in articles:
        row: dict[str, Any] = {**a.meta(), "text": a.text, "stages": None, "records": None, "error": None}
        try:
            out = doc_to_json(nlp(a))
        except PipelineError as e:
            row["error"] = str(e)
        else:
            row["stages"] = out["stages"]
            row["records"] = json.dumps({k: out[k] for k in RECORD_KEYS}, ensure_ascii=False)
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema())


def partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """``articles`` in lists of ``size`` (the last one shorter), read lazily."""
    it = iter(articles)
    while chunk := list(itertools.islice(it, max(1, size))):
        yield chunk


def write_part(table: Any, out_dir: Path, index: int) -> Path:
    """Write one partition's table as ``part-NNNNN.parquet`` in ``out_dir``; its path."""
    import pyarrow.parquet as pq

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"part-{index:05d}.parquet"
    pq.write_table(table, path)
    return path


def read_records(out_dir: Path) -> list[dict[str, Any]]:
    """Every row of the Parquet parts in ``out_dir``, in part order, with ``records`` parsed from JSON."""
    rows: list[dict[str, Any]] = []
    for part in sorted(out_dir.glob("part-*.parquet")):
        rows.extend(read_records_file(part))
    return rows


def is_parquet_target(target: str) -> bool:
    """True for a ``.parquet`` file, or a directory holding ``part-*.parquet`` files (as `rasd process` writes)."""
    p = Path(target)
    if p.is_file():
        return p.suffix.lower() == ".parquet"
    return p.is_dir() and any(p.glob("part-*.parquet"))


def doc_from_row(row: dict[str, Any]) -> Doc:
    """Rebuild the document of one Parquet row (``records`` already parsed): tokens again, records as stored.

    Args:
        row: A row of :func:`read_records` without an error.

    Returns:
        The document, with every record the pipeline found (``main_country`` and NER spans are not kept).
    """
    article = Article(
        doc_id=row["doc_id"],
        text=row["text"],
        source=row.get("source"),
        url=row.get("url"),
        published=row.get("published"),
        title=row.get("title"),
    )
    rec = row["records"]
    doc = make_doc(article)
    doc.stages = list(row.get("stages") or [])
    doc.mentions = [Mention(**{**m, "actor": _actor(m.get("actor"))}) for m in rec["mentions"]]
    doc.places = [Place(**p) for p in rec["places"]]
    doc.times = [TimeExpr(**t) for t in rec["times"]]
    doc.quantities = [Quantity(**q) for q in rec["quantities"]]
    doc.statements = [
        Statement(**{**s, "speaker": _actor(s.get("speaker")), "via": _actor(s.get("via"))}) for s in rec["statements"]
    ]
    doc.events = [
        Event(
            **{
                **e,
                "actor": [_actor(a) for a in e["actor"]],
                "recipient": [_actor(a) for a in e["recipient"]],
                "location": [Place(**p) for p in e["location"]],
                "reported_by": _actor(e.get("reported_by")),
            }
        )
        for e in rec["events"]
    ]
    doc.aggregates = [Aggregate(**{**a, "reporter": _actor(a.get("reporter"))}) for a in rec["aggregates"]]
    return doc


def _actor(value: dict[str, Any] | None) -> Actor | None:
    return Actor(**value) if value is not None else None


def iter_parquet_docs(target: str) -> Iterator[tuple[Doc | str, str, str]]:
    """The documents of a Parquet file or directory of parts, in order.

    Yields:
        ``(doc, origin, doc_id)``, or ``(error message, origin, doc_id)`` for a row whose extraction failed.
    """
    p = Path(target)
    parts = [p] if p.is_file() else sorted(p.glob("part-*.parquet"))
    for part in parts:
        for row in read_records_file(part):
            origin = row.get("url") or str(part)
            if row["error"] is not None or row["records"] is None:
                yield row["error"] or "no records", origin, row["doc_id"]
            else:
                yield doc_from_row(row), origin, row["doc_id"]


def read_records_file(part: Path) -> list[dict[str, Any]]:
    """The rows of one Parquet part, with ``records`` parsed from JSON."""
    import pyarrow.parquet as pq

    rows = pq.read_table(part).to_pylist()
    for row in rows:
        if row["records"] is not None:
            row["records"] = json.loads(row["records"])
    return rows


def run_local(articles: Iterable[Article], out_dir: Path, *, workers: int = 1, partition_size: int = 200) -> list[Path]:
    """The same partitions and Parquet parts as :func:`rasd.dask_engine.run_dask`, computed by a local process pool.

    Args:
        articles: The articles to process.
        out_dir: Where ``part-NNNNN.parquet`` files are written.
        workers: Processes (1: this process).
        partition_size: Articles per partition.

    Returns:
        The paths of the parts written.
    """
    import multiprocessing as mp

    from rasd.batch import bounded_imap, warm_pipeline

    chunks = partitions(articles, partition_size)
    if workers <= 1:
        return [write_part(extract_partition(c), out_dir, i) for i, c in enumerate(chunks)]
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=warm_pipeline) as pool:  # partitions are read as workers free up
        tables = bounded_imap(pool, extract_partition, chunks, 2 * workers)
        return [write_part(t, out_dir, i) for i, t in enumerate(tables)]
