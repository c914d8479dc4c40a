"""`rasd train salience`: relearn which attacks and protests a sentence reports, from OEDA-style labels."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from rasd.cli.eval_oeda import DEFAULT_DIR


@click.command(name="salience")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_DIR)
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the model file here (default: the package's resources/salience/salience.json, "
              "replacing the shipped model).")
@click.option("--c2", type=click.FloatRange(0.0, min_open=True), default=1.0, show_default=True,
              help="L2 regularisation.")
@click.option("--pos-weight", type=click.IntRange(1, 20), default=3, show_default=True,
              help="How many times a report counts against a non-report.")
def train_salience(directory: Path, out: Path | None, c2: float, pos_weight: int) -> None:
    """Train the salience model on the detection files in DIRECTORY (assault_gsr.csv, protest_gsr.csv).

    Each labelled sentence (yes: a report; easy no, difficult no: not one; ambiguous: left out) runs
    through the pipeline, and a logistic model per type learns from what the rules found and the words.
    A type's model is kept only if, cross-validated, the rules with it beat the rules alone (by 0.01 F1).
    Your own labels work the same way: assault_gsr.csv and/or protest_gsr.csv with the columns id, text
    and label (yes, easy no, difficult no or ambiguous); sentence ids of the form ARTICLE-N keep an article's
    sentences in one fold. Takes one to two minutes on the OEDA files.
    """
    from rasd.errors import InputError
    from rasd.eval_oeda import LEFT_OUT, load_dir, published_of, salience_examples
    from rasd.pipeline import DEFAULT_STAGES, Pipeline
    from rasd.records import Article, Event
    from rasd.salience_train import Params, train_model, write_model
    from rasd.stages.salience import MODEL_FILE

    def say(msg: str) -> None:
        click.echo(f"[{time.strftime('%H:%M:%S')}] {msg}", err=True)

    if not directory.is_dir():
        raise InputError("no such folder", path=str(directory))
    sentences, _ = load_dir(directory)
    sentences = [s for s in sentences if s.label != LEFT_OUT]
    if not sentences:
        raise InputError("no labelled sentence in the detection files", path=str(directory))
    nlp = Pipeline(tuple(s for s in DEFAULT_STAGES if s.name != "salience"))
    cache: dict[tuple[str, str], list[Event]] = {}
    with click.progressbar(sentences, label="pipeline", file=sys.stderr, show_pos=True) as bar:
        for s in bar:
            if (s.text, s.id) not in cache:
                doc = nlp(Article(doc_id=s.id, text=s.text, published=published_of(s.id)))
                cache[(s.text, s.id)] = list(doc.events)
    examples = {t: [x for _, x in salience_examples(sentences, lambda text, sid: cache[(text, sid)], t)]
                for t in sorted({s.type for s in sentences})}
    model, _ = train_model(examples, Params(c2=c2, pos_weight=pos_weight), source=directory.name, progress=say)
    path = out or MODEL_FILE
    write_model(model, path)
    say(f"wrote {path} ({', '.join(model.types) or 'no type beat the rules'})")
