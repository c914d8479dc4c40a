"""`rasd eval oeda`: ASSAULT and PROTEST detection and actor codes on the OEDA Arabic gold sentences."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import cast

import click

DEFAULT_DIR = Path("..") / "shared" / "data" / "events" / "oeda"


@click.command(name="oeda")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_DIR)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--status", "statuses", multiple=True, default=("asserted",), show_default=True,
              type=click.Choice(["asserted", "negated", "future", "hypothetical"]),
              help="Event statuses that count as a detection (repeat the option for several).")
@click.option("--errors", "show_errors", is_flag=True, help="List the sentences missed and the false alarms.")
@click.option("--triggers", "n_triggers", type=int, default=0, metavar="N",
              help="Show the N trigger words with the most false alarms over hits, per type (table format).")
@click.option("--salience", type=click.Choice(["cv", "model", "off"]), default="cv", show_default=True,
              help="Also score detection with the salience model: cv trains and scores it by cross-validation on "
                   "these files (fair on the files the shipped model learned from), model scores the model as it "
                   "is (in-sample, so optimistic, on the sentences it was trained on; fair on others), off leaves "
                   "it out.")
@click.option("--salience-model", "model_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A model file (rasd train salience --out) instead of the shipped one (or RASD_SALIENCE_MODEL): "
                   "scored as it is with --salience model; its training parameters with --salience cv.")
@click.option("--folds", type=click.IntRange(2, 20), default=None,
              help="Folds of the cross-validation (--salience cv; default: the model's, 5).")
def eval_oeda(directory: Path, fmt: str, statuses: tuple[str, ...], show_errors: bool, n_triggers: int,
              salience: str, model_file: Path | None, folds: int | None) -> None:
    """Score ASSAULT/PROTEST detection and actor codes on the OEDA files in DIRECTORY.

    DIRECTORY (default ../shared/data/events/oeda) holds assault_gsr.csv, protest_gsr.csv and the
    *_spans.json files. Every sentence is run through the pipeline on its own, with the publication
    date its id carries (AAW_ARB_20071231...; else none). A sentence is detected when an event of the
    file's type with a counted status comes out, and not as background (an event it only refers to, or
    one dated over a year before the article); gold "yes" is positive, "easy no" and "difficult no"
    negative, "ambiguous" is left out. See docs/triggers.md (Measuring).

    The salience model (rasd.stages.salience) is then scored on top of the rules: a sentence counts
    only if the model also calls it a report. The shipped model was trained on the OEDA files, so on
    them only the cross-validated figures (the default) are fair.
    """
    from rasd.errors import InputError
    from rasd.eval_oeda import (
        SalienceMode,
        distinct_texts,
        evaluate,
        format_report,
        load_dir,
        published_of,
        report_to_dict,
    )
    from rasd.pipeline import Pipeline
    from rasd.records import Article
    from rasd.salience_train import Params
    from rasd.stages.salience import default_model, read_model

    if not directory.is_dir():
        raise InputError("no such folder", path=str(directory))
    sentences, spans = load_dir(directory)
    model = read_model(model_file) if model_file else default_model()
    params = Params.from_json(model.info.get("params", {}))
    if folds is not None:
        params = replace(params, folds=folds)
    nlp = Pipeline()

    def run(text: str, sid: str) -> list[object]:
        return list(nlp(Article(doc_id=sid, text=text, published=published_of(sid))).events)

    with click.progressbar(length=distinct_texts(sentences, spans), label="oeda", file=sys.stderr,
                           show_pos=True) as bar:
        report = evaluate(sentences, spans, run, statuses=statuses, progress=bar.update,
                          salience=cast(SalienceMode, salience), salience_model=model, params=params)
    if salience == "cv":
        report.salience_how += f"; the model in use scores {', '.join(model.types) or 'no type'}"
    if fmt == "json":
        click.echo(json.dumps(report_to_dict(report, errors=show_errors), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, errors=show_errors, triggers=n_triggers))
