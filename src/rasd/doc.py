"""The document: an article's original text, its normalised view, tokens and all records found in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rasd.records import (
    Aggregate,
    Article,
    Event,
    Mention,
    Place,
    Quantity,
    Sentence,
    Statement,
    TimeExpr,
    Token,
)
from rasd.text import NormText, normalize, sentence_spans, tokenize_sentences


@dataclass(slots=True)
class Doc:
    """What flows through the pipeline. ``article.text`` is never modified.

    Stages read the tokens and earlier records and append their own; every
    record's (start, end) points into ``article.text``.
    """

    article: Article
    norm: NormText
    sentences: list[Sentence]
    tokens: list[Token]
    published: dt.date | None = None
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    aggregates: list[Aggregate] = field(default_factory=list)
    sent_token_ranges: list[tuple[int, int]] = field(default_factory=list)
    ner_spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, PER|ORG|LOC|MISC)
    main_country: str | None = None  # the country most of the article's places are in
    # nouns a nationality adjective makes a side's (الجهود الأوروبية): candidate participants, not entities
    side_nouns: list[Mention] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # "name@version" of each stage run

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_tokens(self, si: int) -> list[Token]:
        a, b = self.sent_token_ranges[si]
        return self.tokens[a:b]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character ``offset`` (the nearest one before it otherwise)."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best


def parse_published(value: str | None) -> dt.date | None:
    """The date part of an ISO date or datetime string; None when absent or unreadable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def make_doc(article: Article) -> Doc:
    """Build the document for ``article``: normalised view, sentences and tokens."""
    text = article.text
    spans = sentence_spans(text)
    tokens, ranges = tokenize_sentences(text, spans)
    return Doc(
        article=article,
        norm=normalize(text),
        sentences=[Sentence(s, e) for s, e in spans],
        tokens=tokens,
        published=parse_published(article.published),
        sent_token_ranges=ranges,
    )
