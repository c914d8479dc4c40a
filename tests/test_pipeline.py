"""The pipeline contract: stage order is checked when it is built; failures name the stage and the article."""

import pytest

from rasd.errors import PipelineError
from rasd.pipeline import DEFAULT_STAGES, Pipeline, Stage
from rasd.records import Article


def test_pipeline_rejects_stage_before_what_it_needs() -> None:
    events = next(s for s in DEFAULT_STAGES if s.name == "events")
    with pytest.raises(ValueError, match="events"):
        Pipeline([events])


def test_pipeline_failure_names_stage_and_article() -> None:
    def broken(doc):
        raise KeyError("boom")

    nlp = Pipeline([Stage("broken", broken)])
    with pytest.raises(PipelineError, match=r"broken.*a-17"):
        nlp(Article(doc_id="a-17", text="نص قصير."))


def test_pipeline_records_stage_versions(nlp) -> None:
    doc = nlp(Article(doc_id="v", text="قال الوزير إن الاجتماع انتهى."))
    assert [s.split("@")[0] for s in doc.stages] == nlp.names


def test_pipeline_original_text_is_untouched(nlp) -> None:
    text = "قـــالَ الوزيرُ\u200f إنّ ٣ جنود أصيبوا."
    doc = nlp(Article(doc_id="u", text=text))
    assert doc.text == text


def test_pipeline_with_ner_tags_before_entities() -> None:
    from rasd.pipeline import default_stages

    names = [s.name for s in default_stages(with_ner=True)]
    assert names.index("ner") == names.index("entities") - 1
    doc = Pipeline(default_stages(with_ner=True))(
        Article(doc_id="n", text="التقى الرئيس الفرنسي إيمانويل ماكرون نظيره الأمريكي في باريس.")
    )
    assert "ner@1" in doc.stages
    assert any(label == "LOC" and doc.text[s:e] == "باريس" for s, e, label in doc.ner_spans)
