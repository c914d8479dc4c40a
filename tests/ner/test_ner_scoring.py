"""Entity-level scores: exact span and type, per type and micro-averaged."""

from __future__ import annotations

import pytest

from rasd.ner.scoring import format_score, score


def test_exact_span_and_type() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"]
    pred = ["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG", "O"]
    s = score([(gold, pred)])
    assert (s.per_type["PER"].tp, s.per_type["PER"].gold, s.per_type["PER"].pred) == (1, 1, 1)
    assert (s.per_type["LOC"].tp, s.per_type["LOC"].gold, s.per_type["LOC"].pred) == (0, 1, 0)
    assert (s.per_type["ORG"].tp, s.per_type["ORG"].gold, s.per_type["ORG"].pred) == (0, 1, 2)
    assert s.micro.tp == 1 and s.micro.gold == 3 and s.micro.pred == 3
    assert s.micro.precision == pytest.approx(100 / 3)
    assert s.micro.f1 == pytest.approx(100 / 3)
    assert s.tokens == 7 and s.sentences == 1


def test_empty_and_perfect() -> None:
    s = score([(["O", "O"], ["O", "O"])])
    assert s.micro.f1 == 0.0 and s.per_type == {}
    s = score([(["B-MISC"], ["B-MISC"]), (["O", "B-LOC"], ["O", "B-LOC"])])
    assert s.micro.f1 == 100.0
    d = s.as_dict()
    assert d["micro"]["f1"] == 100.0 and set(d["per_type"]) == {"LOC", "MISC"}
    assert "micro" in format_score(s)


def test_length_mismatch() -> None:
    with pytest.raises(ValueError, match="gold has 2 tags"):
        score([(["O", "O"], ["O"])])
