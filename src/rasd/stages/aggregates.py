"""Aggregates: counts that a source reports (tolls, violations, towns), with period, provinces and reporter."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from rasd.doc import Doc
from rasd.lexicon import grammar, nationality_index
from rasd.records import Actor, Aggregate, Place, Quantity, Statement, Token
from rasd.resources import load_tsv
from rasd.text import norm, stems, strip_enclitic

VERSION = "aggregates@1"

_CUMULATIVE = ("ارتفع", "ارتفعت", "بلغ", "بلغت", "وصل", "وصلت", "حصيله", "اجمالي", "الاجمالي", "الاجماليه")
_SINCE_START = ("منذ بدايه", "منذ بدء", "منذ اندلاع", "منذ مطلع")
_LAST_24H = ("24 ساعه", "الساعات ال24", "الساعات 24", "ال24 ساعه", "الساعات الاربع والعشرين", "يوم امس")
# Vague counts this large are not aggregated (عشرات الآلاف and the like).
MAX_VAGUE = 9999


@dataclass(frozen=True, slots=True)
class MetricRule:
    metric: str
    units: frozenset[str]
    context: tuple[frozenset[str], ...]  # every group must have a word in the sentence; () = none needed


@functools.cache
def metric_rules() -> tuple[MetricRule, ...]:
    rules = []
    for r in load_tsv("metrics.tsv"):
        units = frozenset(norm(u) for u in r["unit"].split("|") if u)
        ctx = () if r["context"] in ("", "*") else tuple(
            frozenset(norm(w) for w in group.split("|") if w) for group in r["context"].split("&")
        )
        rules.append(MetricRule(r["metric"], units, ctx))
    return tuple(rules)


@functools.lru_cache(maxsize=131_072)
def _forms(word: str) -> frozenset[str]:
    return frozenset(f for f, _ in stems(word))


@functools.lru_cache(maxsize=16384)
def _unit_forms(word: str) -> frozenset[str]:
    """Forms of a counted noun, with an attached pronoun removed too (أربعة من جنودها → جنود); never the word
    after a conjunction (عشرة وإصابة ثلاثة: إصابة is the next phrase, not what was counted)."""
    out = {f for f, o in stems(word) if not word[:o].startswith(("و", "ف"))}
    for f in list(out):
        out.update(strip_enclitic(f))
    return frozenset(out)


def without_approximators(before: list[Token]) -> list[Token]:
    """The tokens before a count without the approximators that end them (أصيب أكثر من 2700، مقتل نحو 20):
    the word that says what is counted stands before those."""
    approx = grammar("approximator")
    out = list(before)
    while out:
        if out[-1].norm in approx:
            out.pop()
        elif out[-1].norm == "من" and len(out) >= 2 and out[-2].norm in approx:  # أكثر من، أقل من
            del out[-2:]
        else:
            break
    return out


def sentence_words(toks: Sequence[Token]) -> set[str]:
    words: set[str] = set()
    for t in toks:
        words |= _forms(t.norm)
    return words


def counted_nouns(doc: Doc, q: Quantity, toks: Sequence[Token]) -> list[str]:
    """Candidate counted nouns: the quantity's unit, the noun after it, and X in 'عدد X ... N'."""
    units = [q.unit] if q.unit else []
    after = [t for t in toks if t.start >= q.end][:3]
    units += [t.norm for t in after if t.is_word]
    if any(u in nationality_index() or norm(u) in nationality_index() for u in units[:2]):
        units.append(norm("شخصا"))  # 14 إيرانيا، مليون سوري: people of that nationality
    before = [t for t in toks if t.end <= q.start]
    for k in range(len(before) - 1, -1, -1):
        if before[k].norm.lstrip("و") in ("عدد", "حصيله", "اجمالي") and k + 1 < len(before):
            units.append(before[k + 1].norm)
            break
    return units


def metric_for(units: Sequence[str], words: set[str], near: set[str] | None = None, near_only: bool = False
               ) -> str | None:
    """The metric of a number from its counted noun and the words of its sentence.

    ``near`` are the words just before the number (إصابة خمسة، مقتل أربعة): a rule whose context
    they satisfy wins over one that only the rest of the sentence satisfies; ``near_only`` asks for such a rule
    alone.
    """
    forms = frozenset().union(*(_unit_forms(u) for u in units))
    fits = [r for r in metric_rules() if r.units & forms]
    if near:
        for rule in fits:
            if rule.context and all(group & near for group in rule.context):
                return rule.metric
    if near_only:  # only a rule whose context the words next to the number give
        return None
    for rule in fits:
        if all(group & words for group in rule.context):
            return rule.metric
    return None


def _period(sent_norm: str, q_offset: int) -> str | None:
    head = sent_norm[:q_offset]
    if any(w in sent_norm for w in _SINCE_START) or any(f" {w} " in f" {head} " for w in _CUMULATIVE):
        return "cumulative"
    if any(w in sent_norm for w in _LAST_24H):
        return "last_24h"
    if " الاسبوع" in sent_norm:
        return "week"
    return None


def _reporter(statements: Sequence[Statement], start: int, last: Actor | None) -> Actor | None:
    for s in statements:
        if s.start <= start < s.end and s.speaker is not None:
            return s.speaker
    return last


def _speakers_at_sentences(doc: Doc) -> dict[int, Actor]:
    """Sentence start → the speaker :func:`_reporter` finds there (the first statement covering it
    that has a speaker), for every sentence at once instead of a walk over the statements each."""
    starts = [s.start for s in doc.sentences]  # in text order, no two alike
    out: dict[int, Actor] = {}
    for st in doc.statements:
        if st.speaker is None:
            continue
        for k in range(bisect.bisect_left(starts, st.start), bisect.bisect_left(starts, st.end)):
            out.setdefault(starts[k], st.speaker)
    return out


def find_aggregates(doc: Doc) -> list[Aggregate]:
    out: list[Aggregate] = []
    carried: dict[str | None, str] = {}  # reporter code → last period it stated (a bulletin's window)
    main_admin1 = _main_admin1(doc)  # the article's main province (one pass over its places)
    last_reporter: Actor | None = None
    speaker_at = _speakers_at_sentences(doc)
    for si, (a, b) in enumerate(doc.sent_token_ranges):
        toks = doc.tokens[a:b]
        sent = doc.sentences[si]
        words: set[str] | None = None  # the sentence's word forms, once a quantity needs them
        n0, n1 = _norm_span(doc, sent.start, sent.end)
        sent_norm = doc.norm.text[n0:n1]
        reporter = speaker_at.get(sent.start, last_reporter)  # what _reporter() gives, looked up
        if reporter is not None:
            last_reporter = reporter
        prev_end = sent.start
        for q in doc.quantities:
            if not (sent.start <= q.start < sent.end):
                continue
            q_end, prev_end = prev_end, q.end
            if q.vague and q.value > MAX_VAGUE:
                continue
            before = [t for t in toks if t.end <= q.start and t.start >= q_end]
            if before and before[-1].norm in grammar("subset"):
                continue  # بينهم 19 طفلا: a part of a toll already counted
            before = without_approximators(before)  # أكثر من، نحو، ما لا يقل عن: the role word stands before them
            if words is None:
                words = sentence_words(toks)
            units = counted_nouns(doc, q, toks)
            # the word right before the count first (استشهدوا وأصيب أكثر من 2700: wounded), then the two
            last = sentence_words(before[-1:])
            metric = metric_for(units, last, last, near_only=True) if last else None
            if metric is None:
                metric = metric_for(units, words, sentence_words(before[-2:]))
            if metric is None:
                continue
            qn, _ = _norm_span(doc, q.start, q.end)
            code = reporter.code if reporter else None
            period = _period(sent_norm, qn - n0)
            carried_period = period is None and code in carried
            if period is None:
                period = carried.get(code, "other")
            elif period == "last_24h":
                carried[code] = period
            start, end = _evidence(doc, toks, q)
            admin1 = sorted({p.admin1 for p in doc.places  # the number's clause: not «، بينما تقول عمان»
                             if q.end <= p.start < end and p.admin1 and p.precision <= 3})
            scope = "places after the number in its clause"
            national = any(q.end <= p.start < end and p.precision == 4 for p in doc.places)  # في الأردن
            main = main_admin1 if not admin1 and not national and not (words & _NATIONWIDE) else None
            if main is not None and not any(sent.start <= p.start < sent.end and _elsewhere(p, main)
                                            for p in doc.places):
                admin1, scope = [main], "the article's main province (no other place in the sentence)"
            trace = [f"number «{q.text}» with counted noun «{q.unit or '?'}» → {metric} (metrics.tsv)",
                     f"period: {period}" + (" (carried from the source's earlier window)" if carried_period else ""),
                     f"provinces: {scope}",
                     "reporter: the sentence's speaker, else the last speaker"]
            out.append(Aggregate(metric=metric, value=int(q.value), period=period, start=start, end=end,
                                 admin1=admin1, reporter=reporter, raw=q.text if q.vague else None, trace=trace))
            if period == "last_24h":
                carried[code] = period
        if any(w in sent_norm for w in _LAST_24H) and reporter is not None:
            carried[reporter.code] = "last_24h"
    return out


# Words that give a count national scope: no province is implied (في البلاد، في سوريا كلها).
_NATIONWIDE = frozenset({"البلاد", "بالبلاد", "كافه", "انحاء", "الحرب", "النزاع", "الصراع"})


def _elsewhere(place: Place, main: str) -> bool:
    """A place outside the main province: another province, or another country."""
    if place.admin1:
        return place.admin1 != main
    return place.country is not None and place.country != _country_of_admin1().get(main)


@functools.cache
def _country_of_admin1() -> dict[str, str]:
    from rasd.gazetteer import admin_units

    return {u.admin1: u.country for u in admin_units() if u.feature == "admin1" and u.admin1 and u.country}


def _main_admin1(doc: Doc) -> str | None:
    """The province most of the article's places are in, when one clearly dominates."""
    counts: dict[str, int] = {}
    for p in doc.places:
        if p.admin1:
            counts[p.admin1] = counts.get(p.admin1, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] * 2 > sum(counts.values()) else None


def _norm_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Normalised-view offsets of an original span (first characters at or after each end)."""
    import bisect

    m = doc.norm.to_orig
    return bisect.bisect_left(m, start), bisect.bisect_left(m, end)


def _evidence(doc: Doc, toks: Sequence[Token], q: Quantity) -> tuple[int, int]:
    """From the quantity (or 'عدد' before it) to the end of its clause."""
    start = q.start
    for t in toks:
        if t.end <= q.start and t.norm.lstrip("و") == "عدد":
            start = t.start + (1 if t.norm.startswith("و") else 0)
    end = q.end
    for t in toks:
        if t.start < q.end:
            continue
        if t.norm in ("،", ",", ".", "؛", ":"):
            break
        end = t.end
    return start, end


def aggregates(doc: Doc) -> Doc:
    """Pipeline stage: find aggregates (needs quantities, places and statements)."""
    doc.aggregates = find_aggregates(doc)
    doc.stages.append(VERSION)
    return doc
