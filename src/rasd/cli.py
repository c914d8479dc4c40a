"""The ``rasd`` command line: a thin layer over functions that return data."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from rasd.errors import InputError, RasdError
from rasd.records import Article

log = logging.getLogger("rasd")


class _OneLineErrors(click.Group):
    """Turns every RasdError into a one-line message and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RasdError as e:
            click.echo(f"rasd: error: {e}", err=True)
            ctx.exit(2)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.version_option(package_name="rasd")
def main(verbose: int) -> None:
    """rasd: Arabic news to structured, sourced event data.

    Reads Arabic news articles and prints PLOVER events, statements (who said
    what) and aggregates (counts a source reports), each with the exact Arabic
    words behind it.
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True, path_type=str))
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) that relative dates resolve "
              "against; overrides the article's own.")
@click.option("--format", "fmt", type=click.Choice(["json", "text", "gold"]), default="json", show_default=True,
              help="json: every record with offsets; text: a summary for a person; gold: the gold annotation layout.")
@click.option("--pretty/--compact", default=None, help="Indent JSON (default: indent for one article, "
              "one line per article for JSONL input).")
def extract(file: str, published: str | None, fmt: str, pretty: bool | None) -> None:
    """Extract events, statements and aggregates from FILE.

    FILE is a plain-text article, a JSON article (doc_id, source, url,
    published, title, text) or a JSONL file of articles (one output line per
    input line); '-' reads standard input. A bad line of a JSONL file is
    reported with its number and the other lines are still processed.
    """
    from rasd.output import doc_to_gold, doc_to_json, doc_to_text
    from rasd.pipeline import Pipeline
    from rasd.sources import read_articles

    if published:
        _check_date(published)
    nlp = Pipeline()
    items = list(read_articles(file, published=published))
    many = len(items) > 1 or file.endswith((".jsonl", ".ndjson"))
    indent = (2 if not many else None) if pretty is None else (2 if pretty else None)
    failures = 0
    for item in items:
        if isinstance(item, InputError):
            click.echo(f"rasd: error: {item}", err=True)
            failures += 1
            continue
        doc = nlp(item)
        log.info("%s: %d events, %d statements, %d aggregates", item.doc_id, len(doc.events),
                 len(doc.statements), len(doc.aggregates))
        if fmt == "text":
            click.echo(doc_to_text(doc) + ("\n" if many else ""))
        else:
            data = doc_to_gold(doc) if fmt == "gold" else doc_to_json(doc)
            click.echo(json.dumps(data, ensure_ascii=False, indent=indent))
    if failures:
        sys.exit(2)


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"--published: not a date (YYYY-MM-DD): {value!r}") from None


@main.group(name="eval")
def eval_group() -> None:
    """Score rasd against gold annotations."""


@eval_group.command(name="articles")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--per-article", is_flag=True, help="Show each article's scores and the tuples missed or spurious.")
@click.option("--published", metavar="DATE", help="Use this publication date for every article (default: "
              "each gold file's own).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_articles(directory: Path, per_article: bool, published: str | None, fmt: str) -> None:
    """Run the pipeline on every gold file in DIRECTORY and score it (E1-E4, modality, S, A).

    Gold files are JSON in the layout of the gold format (doc_id, text,
    published, events, statements, aggregates); scoring follows that format's
    rules and micro-averages over articles.
    """
    from rasd.evaluate import format_report, load_gold_dir, report_to_dict, score_articles
    from rasd.output import doc_to_gold
    from rasd.pipeline import Pipeline

    golds = load_gold_dir(directory)
    nlp = Pipeline()
    pairs = []
    with click.progressbar(golds, label="scoring", file=sys.stderr, show_pos=True) as bar:
        for g in bar:
            art = Article(doc_id=g["doc_id"], text=g["text"], source=g.get("source"), url=g.get("url"),
                          published=published or g.get("published"), title=g.get("title"))
            pairs.append((g, doc_to_gold(nlp(art))))
    report = score_articles(pairs)
    if fmt == "json":
        click.echo(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, per_article=per_article))


if __name__ == "__main__":  # pragma: no cover
    main()
