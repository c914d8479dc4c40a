"""`rasd ner`, `rasd eval ner` and `rasd train ner`: tag, score and rebuild the named-entity model."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rasd.ner.model import NerTagger

DEFAULT_TRAIN = Path("../shared/data/ner/anercorp-train.txt")
DEFAULT_WIKIANN = Path("../shared/data/ner/wikiann-ar/ar.tar.gz")
DEFAULT_NEWS = Path("../shared/data/news")


def _tagger(model_dir: Path | None) -> NerTagger:
    """The tagger of ``model_dir``, or the shipped one (loaded once per process)."""
    from rasd.ner.model import NerTagger, default_tagger

    return default_tagger() if model_dir is None else NerTagger(model_dir)


@click.command(name="ner")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write here instead of standard output.")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Model directory written by `rasd train ner --out` (default: the shipped model).")
def ner(file: Path, output: Path | None, model_dir: Path | None) -> None:
    """Tag the tokens of a CoNLL-style FILE and write TOKEN GOLD PREDICTED lines (conlleval input).

    FILE has one `TOKEN TAG` line per token and a blank line between sentences.
    """
    from rasd.ner.conll import read_conll, write_conll

    sents = read_conll(file)
    preds = _tagger(model_dir).tag_sentences([[t for t, _ in s] for s in sents])
    rows = [[(t, g, p) for (t, g), p in zip(s, ps, strict=True)] for s, ps in zip(sents, preds, strict=True)]
    if output is None:
        write_conll(sys.stdout, rows)
    else:
        with output.open("w", encoding="utf-8") as f:
            write_conll(f, rows)


@click.command(name="ner")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--predicted", is_flag=True, help="FILE already holds TOKEN GOLD PREDICTED lines: score them as "
              "they are instead of tagging.")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Model directory written by `rasd train ner --out` (default: the shipped model).")
def eval_ner(file: Path, fmt: str, predicted: bool, model_dir: Path | None) -> None:
    """Tag a CoNLL-style FILE and print entity-level precision, recall and F1 (exact span and type).

    Scores are given per type (PER, ORG, LOC, MISC) and micro-averaged, as conlleval counts them.
    """
    from rasd.ner.conll import read_conll, read_conll_columns
    from rasd.ner.scoring import format_score, score

    if predicted:
        triples = read_conll_columns(file)
        pairs = [([r[1] for r in s], [r[2] for r in s]) for s in triples]
        took, ntok = 0.0, 0
    else:
        sents = read_conll(file)
        tagger = _tagger(model_dir)
        t0 = time.perf_counter()
        preds = tagger.tag_sentences([[t for t, _ in s] for s in sents])
        took = time.perf_counter() - t0
        ntok = sum(len(s) for s in sents)
        pairs = [([g for _, g in s], p) for s, p in zip(sents, preds, strict=True)]
    result = score(pairs)
    if fmt == "json":
        out = result.as_dict()
        out["file"] = str(file)
        if took:
            out["tokens_per_second"] = round(ntok / took)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(format_score(result))
        if took:
            click.echo(f"tagged at {ntok / took:,.0f} tokens/s (wall clock, model loaded beforehand)")


@click.command(name="ner")
@click.option("--train", "train_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_TRAIN, show_default=True, help="ANERcorp training file (TOKEN TAG lines).")
@click.option("--wikiann", "wikiann", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help=f"Relearn the table of WikiANN label shares per word from this ar.tar.gz (e.g. {DEFAULT_WIKIANN}); "
              "without it the shipped table is kept.")
@click.option("--news", "news", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help=f"Relearn the word clusters and label distributions from the raw news here (e.g. {DEFAULT_NEWS}); "
              "without it the shipped tables are kept.")
@click.option("--keep-clusters", "keep_clusters", is_flag=True,
              help="With --news, keep the word clusters of the model directory and relearn only the label "
              "distributions (how the shipped model was built).")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the model here (default: the package's resources/ner, replacing the shipped model).")
@click.option("--net/--no-net", "net", default=False, show_default=True,
              help="Train a network (torch, exported to ONNX) in the place of the second-stage CRF, blended with "
              'the first stage when tagging; needs pip install -e ".[train]" to train, onnxruntime to tag, and word '
              "vectors (--news). Not the shipped model: it scored lower on ANERcorp's test split (see the model card).")
def train_ner(train_file: Path, wikiann: Path | None, news: Path | None, keep_clusters: bool, out: Path | None,
              net: bool) -> None:
    """Rebuild the NER model (python-crfsuite) from ANERcorp, in a few minutes on two cores.

    Progress goes to standard error.
    """
    from rasd.ner.build import train_model
    from rasd.ner.model import MODEL_DIR

    def say(msg: str) -> None:
        click.echo(f"[{time.strftime('%H:%M:%S')}] {msg}", err=True)

    if keep_clusters and news is None:
        raise click.UsageError("--keep-clusters applies only with --news")
    took = train_model(train_file, out or MODEL_DIR, wikiann=wikiann, news=news, net=net,
                       relearn_clusters=not keep_clusters, progress=say)
    say(f"done in {took:.0f} s")
