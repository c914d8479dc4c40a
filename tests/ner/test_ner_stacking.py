"""Second-stage features: the first model's tags and the same word's tags elsewhere in the document."""

from __future__ import annotations

from rasd.ner.stacking import stack_features, word_key


def test_word_key_strips_clitics_and_article() -> None:
    assert word_key("والقرضاوي") == word_key("القرضاوي") == word_key("قرضاوي")
    assert word_key("وموسكو") == word_key("موسكو") == "موسكو"


def test_document_consistency_features() -> None:
    sents = [["التقى", "شتاينماير", "نظيره"], ["وقال", "شتاينماير", "إن"], ["غادر", "شتاينماير"]]
    first = [["O", "B-PER", "O"], ["O", "O", "O"], ["O", "O"]]
    feats = stack_features(sents, first)
    assert "s1=O" in feats[1][1] and "d=PER" in feats[1][1] and "d=PER|s1=O" in feats[1][1]
    assert "s1-=O" in feats[0][1] and "s1+=O" in feats[0][1]
    assert "s1-=BOS" in feats[0][0] and "s1+=EOS" in feats[2][1]
    # The first sentence's own tag does not count as evidence from elsewhere; the others say O.
    assert "d=O" in feats[0][1]
    # With a window of 0 sentences nothing is seen elsewhere.
    assert not any(f.startswith("d=") for f in stack_features(sents, first, window=0)[1][1])


def test_confidence_features() -> None:
    from rasd.ner.stacking import confidence_bucket

    assert [confidence_bucket(p) for p in (0.95, 0.7, 0.3)] == ["hi", "mid", "lo"]
    feats = stack_features([["زار", "عمان"]], [["O", "B-LOC"]], confidence=[["hi", "lo"]])
    assert "s1c=lo" in feats[0][1] and "s1c=lo|B-LOC" in feats[0][1] and "s1c=hi" in feats[0][0]
