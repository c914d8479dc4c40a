"""Named entities (PER, ORG, LOC, MISC) by the shipped statistical tagger, as character spans of the text."""

from __future__ import annotations

from rasd.doc import Doc
from rasd.matcher import char_offset
from rasd.ner.conll import bio_spans
from rasd.ner.model import default_tagger

VERSION = "ner@1"


def ner(doc: Doc) -> Doc:
    """Pipeline stage: tag every sentence and set ``doc.ner_spans`` to ``(start, end, label)`` offsets.

    The whole article is one document for the tagger's second stage, so a name
    recognised in one sentence supports the same name in the others. A proclitic
    conjunction or preposition glued to the first word (والأمم المتحدة) is left
    out of the span.
    """
    tagger = default_tagger()
    sents = [doc.sentence_tokens(si) for si in range(len(doc.sentences))]
    tags = tagger.tag_sentences([[t.text for t in toks] for toks in sents], window=None)
    spans: list[tuple[int, int, str]] = []
    for toks, ts in zip(sents, tags, strict=True):
        for i, j, label in bio_spans(ts):
            first = toks[i]
            off = tagger.proclitic_length(first.norm) if first.is_word else 0
            spans.append((char_offset(first, off) if off else first.start, toks[j - 1].end, label))
    doc.ner_spans = spans
    doc.stages.append(VERSION)
    return doc
