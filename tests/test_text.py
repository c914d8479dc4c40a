"""Text layer: normalised view with offsets, sentences, tokens and clitics."""

import pytest

from rasd.text import normalize, sentence_spans, stems, strip_enclitic, tokenize


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("أعلنَت", "اعلنت"),  # hamza alef + fatha
        ("إلى", "الي"),  # hamza-below alef, alef maqsura
        ("آلاف", "الاف"),  # madda
        ("المدينةُ", "المدينه"),  # ta marbuta + damma
        ("قـــال", "قال"),  # tatweel
        ("٤٧", "47"),  # Arabic-Indic digits
        ("۱۲", "12"),  # Persian digits
        ("حلب\u200f", "حلب"),  # right-to-left mark
        ("غ\u200cزة", "غزه"),  # zero-width non-joiner
    ],
)
def test_normalize_folds(original: str, folded: str) -> None:
    assert normalize(original).text == folded


@pytest.mark.parametrize(
    "text",
    ["وأكّدَ الوزيرُ أنّ ٣ قتلى سقطوا في إدلـــب", "\u200fقال المتحدث: «لن نتراجع»", "سـيعقد الاجتماع في آذار"],
)
def test_normalize_offsets_point_at_original(text: str) -> None:
    n = normalize(text)
    assert len(n.to_orig) == len(n.text) + 1
    for word in n.text.split():
        i = n.text.index(word)
        s, e = n.span(i, i + len(word))
        # The original slice folds back to exactly the normalised word.
        assert normalize(text[s:e]).text == word


def test_sentences_do_not_split_at_arabic_comma() -> None:
    text = "قال الوزير، في مؤتمر صحفي، إن المحادثات مستمرة. وأضاف أن الوفد سيعود غدا؟ نعم\nسطر جديد"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "قال الوزير، في مؤتمر صحفي، إن المحادثات مستمرة.",
        "وأضاف أن الوفد سيعود غدا؟",
        "نعم",
        "سطر جديد",
    ]


def test_sentences_keep_decimal_numbers() -> None:
    text = "ارتفع المؤشر 3.5 نقطة اليوم. وانخفض غدا."
    assert len(sentence_spans(text)) == 2


def test_tokens_keep_offsets_and_normal_forms() -> None:
    text = "وقصفت الطائراتُ بلدةَ كفرنبل، فقُتل ٣ مدنيين."
    toks = tokenize(text, sentence_spans(text))
    assert [t.text for t in toks][:4] == ["وقصفت", "الطائراتُ", "بلدةَ", "كفرنبل"]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert toks[1].norm == "الطايرات"  # hamza on ya folded, damma dropped
    assert any(t.norm == "3" for t in toks)
    assert "،" in [t.text for t in toks]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والجيش", ["الجيش", "جيش"]),
        ("للجيش", ["الجيش"]),
        ("بموسكو", ["موسكو"]),
        ("وسيعقد", ["سيعقد", "يعقد"]),
        ("فالحكومه", ["الحكومه"]),
    ],
)
def test_stems_split_proclitics(word: str, expected: list[str]) -> None:
    forms = [f for f, _ in stems(word)]
    assert forms[0] == word
    for e in expected:
        assert e in forms


def test_stems_offsets_point_at_the_stem() -> None:
    assert dict(stems("والجيش"))["الجيش"] == 1
    assert dict(stems("بموسكو"))["موسكو"] == 1
    assert dict(stems("للجيش"))["الجيش"] == 1


@pytest.mark.parametrize(("word", "base"), [("تعاونها", "تعاون"), ("حكومتها", "حكومه"), ("بلاده", "بلاد")])
def test_strip_enclitic(word: str, base: str) -> None:
    assert base in list(strip_enclitic(word))


def test_matcher_gap_phrases() -> None:
    from rasd.matcher import PhraseMatcher

    text = "ووقعت مصر والأردن على اتفاق للتعاون. وقعت القذيفة على منزل."
    toks = tokenize(text, sentence_spans(text))
    pm = PhraseMatcher([("وقعت … على اتفاق", "SIGN")])
    found = [text[m.start : m.end] for m in pm.find(toks)]
    assert found == ["وقعت مصر والأردن على اتفاق"]  # the second وقعت has no اتفاق: no match


def test_phrase_matcher_passes_quotation_marks_only_when_asked() -> None:
    from rasd.matcher import PhraseMatcher

    text = 'وحذر الوزير من أي عمل يهدد "وقف إطلاق النار" في الجنوب.'
    toks = tokenize(text, sentence_spans(text))
    entries = [("يهدد وقف إطلاق النار", "NONE")]
    assert [text[m.start : m.end] for m in PhraseMatcher(entries, quotes=True).find(toks)] == \
        ['يهدد "وقف إطلاق النار']
    assert PhraseMatcher(entries).find(toks) == []


def test_token_is_a_frozen_record() -> None:
    import dataclasses

    from rasd.records import Token

    t = Token(0, 3, "أمس", "امس", 0)
    assert t == Token(0, 3, "أمس", "امس", 0, True) and hash(t) == hash(Token(0, 3, "أمس", "امس", 0))
    assert dataclasses.replace(t, norm="x").norm == "x" and t.is_word
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.start = 1  # type: ignore[misc]


def test_tokens_within_is_the_tokens_inside_a_span() -> None:
    from rasd.doc import make_doc
    from rasd.records import Article
    from rasd.syntax import tokens_within

    doc = make_doc(Article(doc_id="x", text="قال الوزير، أمس، إن 47 شخصا قتلوا. ثم غادر."))
    for start in range(0, len(doc.text) + 1, 3):
        for end in range(start, len(doc.text) + 2, 4):
            want = [t for t in doc.tokens if start <= t.start and t.end <= end]
            assert list(tokens_within(doc.tokens, start, end)) == want
