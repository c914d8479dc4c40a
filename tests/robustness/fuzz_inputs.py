"""Hypothesis strategies for hostile article text, and the invariants every processed document must keep.

Shared by the property tests (a fixed, derandomised run in CI) and the long fuzz run
(``RASD_FUZZ_EXAMPLES=100000``). Nothing here holds state between calls.
"""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

from hypothesis import strategies as st

from rasd.doc import Doc
from rasd.errors import PipelineError
from rasd.records import Actor, Place

# Words and phrases the stages look for, so generated text reaches deep into every stage.
_ARABIC_PIECES = (
    "قال", "وقال", "أعلنت", "وأضاف", "أفاد", "داعيا", "مستعدة", "وزير الخارجية التركي",
    "وزارة الدفاع الروسية", "المرصد السوري لحقوق الإنسان", "الحكومة العراقية", "الرئيس الفرنسي",
    "أنقرة", "بغداد", "دمشق", "إدلب", "حلب", "سراقب", "ريف", "بلدة", "محافظتي", "غزة", "عمّان",
    "مقتل", "بمقتل", "قتلى", "جرحى", "مدنيين", "قصف جوي", "استهدف", "هجوم", "غارة", "اشتباكات",
    "حالة انتهاك", "لنظام وقف إطلاق النار", "خلال الساعات الـ24 الماضية", "أمس", "اليوم", "الخميس",
    "غدا", "الأسبوع الماضي", "في 5 مارس", "5-9 مايو", "آذار", "2024", "عام ١٤٤٥ هـ", "12", "٤٧", "۱۲",
    "3.5", "خمسة", "عشرات", "مئات", "ألف", "إن", "أن", "لن", "لم", "بشأن", "على", "في", "من", "إلى",
    "وأكّدَ الوزيرُ", "إدلـــب", "قـــال", "المدينةُ", "ٱلله", "ـ", "ـــــ", "و", "ال", "لل",
)
_MARKS = (
    "\u064b", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0670", "\u0640",  # harakat, shadda, tatweel
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad",  # zero-width, bidi, BOM
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
    "\u00a0", "\u2009", "\u202f", "\u0300", "\u20e3", "\ufe0f",
)
_PUNCT = (
    "«", "»", "\"", "'", "“", "”", "‘", "’", "(", ")", "[", "]", ":", "،", "؛", "؟", "?", "!", ".", "..", "…",
    "-", "–", "—", "/", "٫", "٬", ",", "%", "٪", "\n", "\n\n", "\t", " ", "  ", "\r",
)
_HTML = (
    "<p>", "</p>", "<div class='x'>", "<b>", "</i>", "<script>alert(1)</script>", "<!--", "-->", "&amp;",
    "&nbsp;", "&#1575;", "<DOC>", "<TEXT>", "</DOC>", "<a href=\"", "<br/>", "<![CDATA[", "]]>", "<",
    ">", "&",
)
_OTHER = ("Ankara", "UN", "ISIS", "Москва", "北京", "שלום", "फ़", "😀", "👨‍👩‍👧", "ﷺ", "ﻻ", "ﷲ", "İ", "ß", "ﬁ")


def _long_token(draw_from: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda s, n: s * n, draw_from, st.integers(min_value=50, max_value=3000))


_PIECE = st.one_of(
    st.sampled_from(_ARABIC_PIECES),
    st.sampled_from(_ARABIC_PIECES),
    st.sampled_from(_MARKS),
    st.sampled_from(_PUNCT),
    st.sampled_from(_PUNCT),
    st.sampled_from(_HTML),
    st.sampled_from(_OTHER),
    st.text(max_size=8),  # any Unicode code point, surrogates excluded
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=12),
    st.text(alphabet=st.characters(categories=("Zs", "Cc", "Cf", "Mn", "Me")), max_size=4),
    _long_token(st.sampled_from(("ا", "ـ", "ق", "\u0651", "9", "٣", ".", " ", "«", "\u200f", "x", "قتل"))),
)

# Real news sentences (the README example and typical wire copy): mutated, they reach events and aggregates.
_SENTENCES = (
    "قال وزير الخارجية التركي اليوم الخميس إن أنقرة مستعدة للحوار مع بغداد بشأن أمن الحدود المشتركة.",
    "وأضاف في مؤتمر صحفي أن بلاده لن تسمح بأي هجمات على أراضيها، داعيا الحكومة العراقية إلى ضبط الحدود.",
    "من جهة أخرى، أفاد المرصد السوري لحقوق الإنسان بمقتل 5 مدنيين في قصف جوي استهدف بلدة سراقب في ريف إدلب أمس.",
    "وأعلنت وزارة الدفاع الروسية أنها رصدت 12 حالة انتهاك لنظام وقف إطلاق النار في محافظتي حلب وإدلب"
    " خلال الساعات الـ24 الماضية.",
    "قال الرئيس الفرنسي: «لن نقبل بهذا الهجوم» وأضاف أن باريس ستدعم الحوار.",
    "شنت طائرات حربية غارات على مدينة غزة يوم السبت 5 مارس 2024، ما أدى إلى مقتل 12 شخصا وإصابة العشرات.",
    "انضمت 3 بلدات جديدة إلى اتفاق المصالحة خلال الأسبوع الماضي، حسبما ذكر مركز المصالحة الروسي.",
    "اعتقلت قوات الأمن العراقية 7 مشتبه بهم في بغداد أمس، بحسب بيان لوزارة الداخلية.",
)


@st.composite
def _mutated_sentences(draw: st.DrawFn) -> str:
    """A few real sentences with pieces inserted, ranges cut out and the end cut off."""
    text = "\n".join(draw(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=4)))
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        i = draw(st.integers(min_value=0, max_value=len(text)))
        if draw(st.booleans()):
            text = text[:i] + draw(_PIECE) + text[i:]
        else:
            text = text[:i] + text[i + draw(st.integers(min_value=1, max_value=12)) :]
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        text = text[: draw(st.integers(min_value=0, max_value=len(text)))]
    return text


article_text: st.SearchStrategy[str] = st.one_of(
    _mutated_sentences(),
    _mutated_sentences(),
    st.lists(_PIECE, max_size=60).map(" ".join),
    st.lists(_PIECE, max_size=60).map("".join),
    st.text(max_size=200),
    st.text(alphabet=st.characters(categories=("Zs", "Cc", "Cf")), max_size=20),  # whitespace, invisible only
)
"""Article text: Arabic phrases the stages react to, marks, quotes, HTML, other scripts, long runs, noise."""

published: st.SearchStrategy[str | None] = st.one_of(
    st.none(),
    st.sampled_from(("2024-03-07", "2018-01-01", "2024-02-29T10:00:00Z", "2023-12-31", "", "x", "2024-13-45")),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(dt.date.isoformat),
)
"""Publication dates: realistic ISO dates (1900-2100), datetimes, and unreadable strings (read as no date).

Years at the ends of the calendar (0001, 9999) are left out: they crash the dates stage, see
``test_extreme_publication_years`` in ``test_properties.py``.
"""


def _check_span(where: str, start: int, end: int, n: int, problems: list[str]) -> None:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
        problems.append(f"{where}: span ({start}, {end}) outside text of length {n}")


def _check_anchored(where: str, value: str, start: int, end: int, text: str, problems: list[str]) -> None:
    _check_span(where, start, end, len(text), problems)
    if text[start:end] != value:
        problems.append(f"{where}: {value!r} != text[{start}:{end}] = {text[start:end]!r}")


def _check_actor(where: str, actor: Actor | None, text: str, problems: list[str]) -> None:
    if actor is not None:
        _check_anchored(where, actor.text, actor.start, actor.end, text, problems)


def _check_place(where: str, place: Place, text: str, problems: list[str]) -> None:
    _check_anchored(where, place.text, place.start, place.end, text, problems)


def violations(doc: Doc) -> list[str]:
    """Every broken offset invariant of a processed document (empty when all hold).

    Checked: sentences and tokens inside the text; mentions, places, times and quantities
    (and their actors) equal to the text at their offsets; events' triggers, statements'
    cues, speakers and content, aggregates' reporters equal to or inside the text; every
    event, statement and aggregate evidence span inside the text.

    Args:
        doc: A document returned by the pipeline.

    Returns:
        One line per violation.
    """
    text = doc.text
    n = len(text)
    p: list[str] = []
    for i, s in enumerate(doc.sentences):
        _check_span(f"sentence {i}", s.start, s.end, n, p)
    for i, t in enumerate(doc.tokens):
        _check_anchored(f"token {i}", t.text, t.start, t.end, text, p)
    for i, m in enumerate(doc.mentions):
        _check_anchored(f"mention {i}", m.text, m.start, m.end, text, p)
        _check_actor(f"mention {i} actor", m.actor, text, p)
    for i, pl in enumerate(doc.places):
        _check_place(f"place {i}", pl, text, p)
    for i, t in enumerate(doc.times):
        _check_anchored(f"time {i}", t.text, t.start, t.end, text, p)
    for i, q in enumerate(doc.quantities):
        _check_anchored(f"quantity {i}", q.text, q.start, q.end, text, p)
    for i, e in enumerate(doc.events):
        _check_span(f"event {i} evidence", e.start, e.end, n, p)
        _check_anchored(f"event {i} trigger", e.trigger, e.trigger_start, e.trigger_end, text, p)
        for a in (*e.actor, *e.recipient):
            _check_actor(f"event {i} actor", a, text, p)
        _check_actor(f"event {i} reported_by", e.reported_by, text, p)
        for pl in e.location:
            _check_place(f"event {i} location", pl, text, p)
    for i, s in enumerate(doc.statements):
        _check_span(f"statement {i} evidence", s.start, s.end, n, p)
        _check_anchored(f"statement {i} cue", s.cue, s.cue_start, s.cue_end, text, p)
        if s.content_start is not None or s.content_end is not None:
            _check_span(f"statement {i} content", s.content_start or 0, s.content_end or 0, n, p)
        _check_actor(f"statement {i} speaker", s.speaker, text, p)
        _check_actor(f"statement {i} via", s.via, text, p)
    for i, a in enumerate(doc.aggregates):
        _check_span(f"aggregate {i} evidence", a.start, a.end, n, p)
        _check_actor(f"aggregate {i} reporter", a.reporter, text, p)
    for i, (s, e, _label) in enumerate(doc.ner_spans):
        _check_span(f"ner span {i}", s, e, n, p)
    return p


KNOWN_CRASHES: frozenset[tuple[str, str, str]] = frozenset()
"""Crashes found and not yet fixed: (stage, exception type, file that raised). Empty today.

A crash found by a long run goes here while it is open, so the property tests set its inputs aside
and go on checking everything else; once fixed, its entry goes and one input of it joins
``test_found_crashes_stay_fixed`` in ``test_properties.py``.
"""


def crash_signature(error: PipelineError) -> tuple[str, str, str]:
    """(stage, exception type, file name of the innermost frame) of a pipeline crash."""
    cause = error.cause
    frames = traceback.extract_tb(cause.__traceback__)
    return error.stage, type(cause).__name__, Path(frames[-1].filename).name if frames else "?"
