"""Entity-level NER scores: exact span and type, per type and micro-averaged (as conlleval counts them)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.ner.conll import bio_spans


@dataclass(slots=True)
class Counts:
    """True positives, gold entities and predicted entities of one type (or all)."""

    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        return 100.0 * self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 2), "recall": round(self.recall, 2), "f1": round(self.f1, 2),
                "tp": self.tp, "gold": self.gold, "predicted": self.pred}


@dataclass(slots=True)
class NerScore:
    """Scores of a tagged corpus: ``per_type`` by entity type and ``micro`` over all of them."""

    per_type: dict[str, Counts] = field(default_factory=dict)
    micro: Counts = field(default_factory=Counts)
    tokens: int = 0
    sentences: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "tokens": self.tokens,
            "per_type": {t: c.as_dict() for t, c in sorted(self.per_type.items())},
            "micro": self.micro.as_dict(),
        }


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> NerScore:
    """Score ``(gold tags, predicted tags)`` pairs, one per sentence.

    An entity counts as found only when its first token, last token and type all match.
    """
    out = NerScore()
    for gold, pred in pairs:
        if len(gold) != len(pred):
            raise ValueError(f"gold has {len(gold)} tags, prediction {len(pred)}")
        out.sentences += 1
        out.tokens += len(gold)
        g = set(bio_spans(gold))
        p = set(bio_spans(pred))
        for s in g:
            out.per_type.setdefault(s[2], Counts()).gold += 1
        for s in p:
            out.per_type.setdefault(s[2], Counts()).pred += 1
        for s in g & p:
            out.per_type[s[2]].tp += 1
    for c in out.per_type.values():
        out.micro.tp += c.tp
        out.micro.gold += c.gold
        out.micro.pred += c.pred
    return out


def format_score(s: NerScore) -> str:
    """A plain-text table of the scores."""
    lines = [f"{s.sentences} sentences, {s.tokens} tokens", f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} "
             f"{'gold':>6} {'pred':>6}"]
    rows = [*sorted(s.per_type.items()), ("micro", s.micro)]
    for t, c in rows:
        lines.append(f"{t:<6} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f} {c.gold:6d} {c.pred:6d}")
    return "\n".join(lines)
