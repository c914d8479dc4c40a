"""NER features added for names in quotes and for words that introduce a name (شركة, فريق, جائزة ...)."""

from __future__ import annotations

from rasd.ner.features import FeatureExtractor, quote_features
from rasd.ner.lexicon import lexicon_flags
from rasd.text import norm


def test_quote_features_mark_the_quoted_tokens() -> None:
    toks = ["عرضت", "القناة", "برنامج", "«", "حديث", "المساء", "»", "أمس"]
    q = quote_features(toks)
    assert q[4] == ("inq", "q-1") and q[5] == ("inq", "q+1")
    assert q[0] == q[3] == q[6] == q[7] == ()
    # A straight quotation mark opens and then closes.
    q = quote_features(["قال", '"', "كفى", '"', "ثم", "غادر"])
    assert q[2] == ("inq", "q-1", "q+1") and q[4] == () and q[5] == ()
    assert quote_features(["لا", "علامات", "هنا"]) == [(), (), ()]


def test_quote_features_reach_the_crf_features() -> None:
    ex = FeatureExtractor({}, {})
    feats = ex.sentence(["رواية", "«", "الطريق", "»"])
    assert "inq" in feats[2] and "q-1" in feats[2] and "inq" not in feats[0]


def test_trigger_words_are_flagged_by_type() -> None:
    flags = lexicon_flags()
    assert "LtrgORG" in flags[norm("شركة")]
    assert "LtrgORG" in flags[norm("فريق")]
    assert "LtrgMISC" in flags[norm("جائزة")]
    assert "LtrgPER" in flags[norm("اللاعب")]
    assert "LtrgLOC" in flags[norm("مدينة")]


def test_trigger_flags_are_lent_to_the_next_word_also_with_a_proclitic() -> None:
    ex = FeatureExtractor({}, lexicon_flags())
    feats = ex.sentence(["انتقل", "إلى", "فريق", "النجوم", "ثم", "لفريق", "الأمل"])
    assert "-1LtrgORG" in feats[3]
    assert "-1~LtrgORG" in feats[6]  # لفريق: the flag of the form without its proclitic
