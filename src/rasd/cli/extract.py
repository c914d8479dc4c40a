"""`rasd extract`: records of each article of a file, as JSON, gold layout or text."""

from __future__ import annotations

import json
import logging
import sys

import click

from rasd.cli.options import check_date
from rasd.errors import InputError

log = logging.getLogger("rasd")


@click.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True, path_type=str))
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) that relative dates resolve "
              "against; overrides the article's own.")
@click.option("--format", "fmt", type=click.Choice(["json", "text", "gold"]), default="json", show_default=True,
              help="json: every record with offsets; text: a summary for a person; gold: the gold annotation layout.")
@click.option("--pretty/--compact", default=None, help="Indent JSON (default: indent for one article, "
              "one line per article for JSONL input).")
@click.option("--ner", "with_ner", is_flag=True, help="Also run the statistical NER tagger (off by default).")
@click.option("--explain", is_flag=True, help="With --format text: show for each record the lexicon entry and the "
              "rules that produced it (JSON output always carries this as 'trace').")
def extract(file: str, published: str | None, fmt: str, pretty: bool | None, with_ner: bool, explain: bool) -> None:
    """Extract events, statements and aggregates from FILE.

    FILE is a plain-text article, a JSON article (doc_id, source, url,
    published, title, text) or a JSONL file of articles (one output line per
    input line); '-' reads standard input. A bad line of a JSONL file is
    reported with its number and the other lines are still processed.
    """
    from rasd.output import doc_to_gold, doc_to_json, doc_to_text
    from rasd.pipeline import Pipeline, default_stages
    from rasd.sources import read_articles

    if published:
        check_date(published)
    nlp = Pipeline(default_stages(with_ner=with_ner))
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
            click.echo(doc_to_text(doc, explain=explain) + ("\n" if many else ""))
        else:
            data = doc_to_gold(doc) if fmt == "gold" else doc_to_json(doc)
            click.echo(json.dumps(data, ensure_ascii=False, indent=indent))
    if failures:
        sys.exit(2)


