"""The ``rasd`` command line: a thin layer over functions that return data.

Each command lives in its own module of this package and is registered in
:data:`COMMANDS`; subcommands of ``rasd eval`` and ``rasd train`` are registered
the same way in :data:`EVAL_COMMANDS` and :data:`TRAIN_COMMANDS`.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from rasd.errors import RasdError

log = logging.getLogger("rasd")

# "module:attribute" of every top-level command, in the order --help lists them.
COMMANDS = (
    "rasd.cli.extract:extract",
    "rasd.cli.evaluate:eval_group",
    "rasd.cli.ingest:ingest",
    "rasd.cli.ingest:watch",
    "rasd.cli.query:query",
    "rasd.cli.export:export",
    "rasd.cli.bulletin:bulletin",
    "rasd.cli.serve:serve",
    "rasd.cli.loadtest:loadtest",
    "rasd.cli.geo:geocode_cmd",
    "rasd.cli.geo:gazetteer_group",
    "rasd.cli.ner:ner",
    "rasd.cli.bench:bench",
    "rasd.cli.process:process",
)
EVAL_COMMANDS = (
    "rasd.cli.evaluate:eval_articles",
    "rasd.cli.eval_geo:eval_geo",
    "rasd.cli.eval_geo:eval_dates",
    "rasd.cli.eval_oeda:eval_oeda",
    "rasd.cli.ner:eval_ner",
)
TRAIN_COMMANDS: tuple[str, ...] = ("rasd.cli.ner:train_ner", "rasd.cli.salience:train_salience")


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


def _load(spec: str) -> click.Command:
    module, attr = spec.split(":")
    cmd = getattr(importlib.import_module(module), attr)
    assert isinstance(cmd, click.Command), spec
    return cmd


for _spec in COMMANDS:
    main.add_command(_load(_spec))
_eval = main.commands["eval"]
assert isinstance(_eval, click.Group)
for _spec in EVAL_COMMANDS:
    _eval.add_command(_load(_spec))


@main.group(name="train")
def train_group() -> None:
    """Rebuild the models shipped with rasd from their training data."""


for _spec in TRAIN_COMMANDS:
    train_group.add_command(_load(_spec))
