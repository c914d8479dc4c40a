"""`rasd eval`: scores against gold annotations (articles; other subcommands register here)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from rasd.records import Article


@click.group(name="eval")
def eval_group() -> None:
    """Score rasd against gold annotations."""


@click.command(name="articles")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--per-article", is_flag=True, help="Show each article's scores and the tuples missed or spurious.")
@click.option("--published", metavar="DATE", help="Use this publication date for every article (default: "
              "each gold file's own).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--ner", "with_ner", is_flag=True, help="Also run the statistical NER tagger (off by default).")
def eval_articles(directory: Path, per_article: bool, published: str | None, fmt: str, with_ner: bool) -> None:
    """Run the pipeline on every gold file in DIRECTORY and score it (E1-E4, modality, S, A).

    Gold files are JSON in the layout of the gold format (doc_id, text,
    published, events, statements, aggregates); scoring follows that format's
    rules and micro-averages over articles.
    """
    from rasd.evaluate import format_report, load_gold_dir, report_to_dict, score_articles
    from rasd.output import doc_to_gold
    from rasd.pipeline import Pipeline, default_stages

    golds = load_gold_dir(directory)
    nlp = Pipeline(default_stages(with_ner=with_ner))
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


