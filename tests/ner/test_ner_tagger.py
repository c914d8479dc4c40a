"""The shipped NER model on sentences written for these tests, and the ``ner`` pipeline stage."""

from __future__ import annotations

from rasd.doc import make_doc
from rasd.ner.conll import bio_spans
from rasd.ner.features import FeatureExtractor
from rasd.ner.model import default_tagger
from rasd.records import Article
from rasd.stages.ner import ner


def _entities(tokens: list[str]) -> set[tuple[str, str]]:
    tags = default_tagger().tag(tokens)
    assert len(tags) == len(tokens)
    return {(" ".join(tokens[i:j]), t) for i, j, t in bio_spans(tags)}


def test_people_places_and_organisations() -> None:
    toks = ["وقال", "وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "في", "موسكو", "إن",
            "الأمم", "المتحدة", "يجب", "أن", "تتحرك", "."]
    found = _entities(toks)
    assert ("سيرغي لافروف", "PER") in found
    assert ("موسكو", "LOC") in found
    assert ("الأمم المتحدة", "ORG") in found


def test_plain_sentence_has_no_entities() -> None:
    assert _entities(["وارتفعت", "درجات", "الحرارة", "اليوم", "في", "معظم", "المناطق", "."]) == set()


def test_empty_input() -> None:
    assert default_tagger().tag([]) == []
    assert default_tagger().tag_sentences([[], ["في"]]) == [[], ["O"]]


def test_features_are_memoised_per_word() -> None:
    ex = FeatureExtractor({"بيروت": ("1", "2", "3")}, {"بيروت": ("LcapS",)})
    feats = ex.sentence(["في", "بيروت", "."])
    assert "w=بيروت" in feats[1] and "c0=1" in feats[1] and "LcapS" in feats[1]
    assert "+1w=بيروت" in feats[0] and "-1LcapS" in feats[2]
    assert ex.word("بيروت") is ex.word("بيروت")
    assert "sc0=1" in ex.sentence(["وبيروت"])[0]  # the cluster of the form without its proclitic


def test_stage_sets_spans_on_the_original_text() -> None:
    text = "أعلن الرئيس الفرنسي إيمانويل ماكرون من باريس دعمه للحوار.\nوأكد ماكرون أن فرنسا ستساعد لبنان."
    doc = ner(make_doc(Article(doc_id="t", text=text)))
    assert doc.stages[-1] == "ner@1"
    found = {(text[s:e], label) for s, e, label in doc.ner_spans}
    assert ("إيمانويل ماكرون", "PER") in found
    assert ("باريس", "LOC") in found
    assert all(label in ("PER", "ORG", "LOC", "MISC") for _, _, label in doc.ner_spans)
    assert doc.ner_spans == sorted(doc.ner_spans)


def test_stage_leaves_out_a_glued_conjunction() -> None:
    text = "وصل المبعوث الأممي إلى دمشق قادما من بيروت والقاهرة، والتقى ممثلين عن الأمم المتحدة."
    doc = ner(make_doc(Article(doc_id="t", text=text)))
    found = {(text[s:e], label) for s, e, label in doc.ner_spans}
    assert ("القاهرة", "LOC") in found
    assert ("الأمم المتحدة", "ORG") in found
    assert default_tagger().proclitic_length("وليد") == 0  # a name that starts with و keeps it
