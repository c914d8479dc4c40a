"""The CRF compiled into per-word scores tags as crfsuite itself does."""

from __future__ import annotations

import itertools

import numpy as np
import pycrfsuite

from rasd.ner.decode import viterbi
from rasd.ner.model import FIRST_FILE, MODEL_DIR, SECOND_FILE, default_tagger, make_extractor
from rasd.ner.stacking import stack_features

TEXT = [
    ["قال", "وزير", "الخارجية", "الأردني", "أيمن", "الصفدي", "إن", "عمان", "تدعم", "جهود", "الأمم", "المتحدة", "."],
    ["واستقبل", "الصفدي", "في", "مكتبه", "وفدا", "من", "الاتحاد", "الأوروبي", "برئاسة", "جوزيب", "بوريل", "."],
    ["ونشرت", "صحيفة", "«", "الغد", "»", "تقريرا", "عن", "مؤتمر", "بغداد", "للتعاون", "والشراكة", "."],
    ["ماكرون"],
    [],
    ["وأكد", "الصفدي", "أن", "الأردن", "سيواصل", "التنسيق", "مع", "مصر", "والسعودية", "وقطر", "بشأن", "غزة", "."],
]


def _brute_force(scores: np.ndarray, trans: np.ndarray) -> list[int]:
    best, arg = -np.inf, None
    for path in itertools.product(range(scores.shape[1]), repeat=len(scores)):
        s = sum(scores[t, y] for t, y in enumerate(path)) + sum(trans[a, b] for a, b in itertools.pairwise(path))
        if s > best:  # strictly greater: of equal paths the first (lowest labels first) stays
            best, arg = s, list(path)
    return arg or []


def test_viterbi_finds_the_best_path_of_every_sentence_of_a_batch() -> None:
    rng = np.random.default_rng(7)
    trans = rng.normal(size=(3, 3))
    sents = [rng.normal(size=(n, 3)) for n in (4, 1, 0, 5, 2)]
    assert viterbi(sents, trans) == [_brute_force(s, trans) for s in sents]


def test_viterbi_breaks_ties_towards_the_first_label() -> None:
    assert viterbi([np.zeros((3, 4))], np.zeros((4, 4))) == [[0, 0, 0]]
    assert viterbi([], np.zeros((2, 2))) == []


def test_compiled_model_tags_as_crfsuite() -> None:
    """The shipped two-stage model, once through crfsuite and once through the compiled scores, on a text
    with names, quotes, a one-word and an empty sentence."""
    ex = make_extractor(MODEL_DIR)
    first, second = pycrfsuite.Tagger(), pycrfsuite.Tagger()
    first.open(str(MODEL_DIR / FIRST_FILE))
    second.open(str(MODEL_DIR / SECOND_FILE))
    feats = [ex.sentence(s) if s else [] for s in TEXT]
    tags1 = [list(first.tag(x)) if x else [] for x in feats]
    want = []
    for x, more in zip(feats, stack_features(TEXT, tags1, None), strict=True):
        for f, m in zip(x, more, strict=True):
            f.extend(m)
        want.append(list(second.tag(x)) if x else [])
    got = default_tagger().tag_sentences(TEXT, window=None)
    assert got == want
    assert any(t != "O" for s in got for t in s)
