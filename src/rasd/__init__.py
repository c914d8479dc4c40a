"""rasd: Arabic news to structured, sourced event data (PLOVER events, statements, aggregates)."""

import logging

from rasd.doc import Doc
from rasd.errors import InputError, PipelineError, RasdError, ResourceError
from rasd.pipeline import Pipeline, extract
from rasd.records import Actor, Aggregate, Article, Event, Mention, Place, Quantity, Statement, TimeExpr

__all__ = [
    "Actor",
    "Aggregate",
    "Article",
    "Doc",
    "Event",
    "InputError",
    "Mention",
    "Pipeline",
    "PipelineError",
    "Place",
    "Quantity",
    "RasdError",
    "ResourceError",
    "Statement",
    "TimeExpr",
    "extract",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
