"""Shallow syntax over tokens: clauses, prepositions, coordination and distances between mentions.

The rule-based stages (events, statements) read Arabic sentences through these few
questions: where does this clause start and end, which preposition governs this
mention, which mentions are joined by و, what stands between two words.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import operator
from collections.abc import Sequence

from rasd.doc import Doc
from rasd.lexicon import grammar
from rasd.records import Mention, Token
from rasd.stages.statements import COMPLEMENTIZERS, word_cue_role
from rasd.text import stems

PREPOSITIONS = ("في", "من", "الي", "علي", "عن", "مع", "ضد", "حول", "بشان", "خلال", "منذ", "لدي", "عند", "بين")


RELATIVE_PRONOUNS = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي"})
# فيما/بينما ("while") open a clause of their own
CLAUSE_BREAK = frozenset({"؛", ";", ":", "فيما", "بينما"}) | RELATIVE_PRONOUNS | COMPLEMENTIZERS


def breaks_clause(tok: Token) -> bool:
    """A clause starts at ؛ : a that-clause, a relative pronoun (also after و: والتي) or a participial cue
    (مضيفا، مفسرا)."""
    return tok.norm in CLAUSE_BREAK or _breaks_clause(tok.norm)


@functools.lru_cache(maxsize=200_000)
def _breaks_clause(word: str) -> bool:
    """The rest of :func:`breaks_clause`, which depends on the token's normalised form alone (memoised)."""
    if word[:1] in "وف" and word[1:] in CLAUSE_BREAK and word[1:].isalpha():
        return True  # والتي، وأن
    c = word_cue_role(word)
    return (c is not None and c[0] == "participle") or any(f in grammar("clause_participle") for f, _ in stems(word))


# فيما before these is no "while" but a phrase of its own (فيما يبدو "apparently", فيما بعد "later")
_FIMA_PHRASES = frozenset({"يبدو", "بعد", "يتعلق", "يخص", "بينها", "بينهم", "بينهما"})


def _breaks_at(toks: Sequence[Token], k: int) -> bool:
    word = toks[k].norm
    if word in ("فيما", "وفيما") and k + 1 < len(toks) and toks[k + 1].norm in _FIMA_PHRASES:
        return False
    if word in ("في", "وفي") and k + 1 < len(toks) and toks[k + 1].norm in grammar("while_noun"):
        # في وقت أبدت فيه …: "while"; not في وقت لاحق، في وقت واحد (a time)
        return not (k + 2 < len(toks) and toks[k + 2].norm in grammar("while_not"))
    return breaks_clause(toks[k])


def clause_bounds(toks: Sequence[Token], a: int, b: int, i: int) -> tuple[int, int]:
    """Token range of the clause around token i."""
    lo = i
    while lo > a and not _breaks_at(toks, lo - 1):
        lo -= 1
    if lo > a and toks[lo - 1].norm not in CLAUSE_BREAK:
        lo -= 1  # a participle belongs to the clause it opens
    hi = i + 1
    while hi < b and not _breaks_at(toks, hi):
        hi += 1
    return lo, hi


def prep_of(doc: Doc, m: Mention) -> str | None:
    """The preposition right before a mention: a separate word or a proclitic (بـ لـ)."""
    tok_i = token_at(doc, m.start)
    if tok_i is None:
        return None
    tok = doc.tokens[tok_i]
    if m.start > tok.start:  # a proclitic was split off
        pre = doc.text[tok.start : m.start]
        pre_n = "".join(c for c in pre if c not in "و")
        if pre_n.startswith(("ب",)):
            return "ب"
        if pre_n.startswith(("ل",)):
            return "ل"
        if pre_n.startswith("ك"):
            return "ك"
    if tok_i > 0:
        prev = doc.tokens[tok_i - 1].norm
        if prev == "من" and tok_i > 1 and doc.tokens[tok_i - 2].norm in ("كل", "وكل", "لكل", "بكل"):
            return None  # كل من X وY: "both X and Y", no preposition
        for p in PREPOSITIONS:
            if prev == p or prev == "و" + p:
                return p
        if prev in ("قبل",) and tok_i > 1 and doc.tokens[tok_i - 2].norm == "من":
            return "من قبل"
        # على يد / على أيدي / بأيدي X: the doer, as after من قبل
        if (prev in grammar("agent_hand") and tok_i > 1 and doc.tokens[tok_i - 2].norm == "علي") or \
                (prev[:1] == "ب" and prev[1:] in grammar("agent_hand")):
            return "من قبل"
        if prev in ("جراء", "بسبب", "ازاء", "تجاه", "بحق"):
            return "جراء"
    return None


def token_at(doc: Doc, offset: int) -> int | None:
    lo, hi = 0, len(doc.tokens) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = doc.tokens[mid]
        if t.end <= offset:
            lo = mid + 1
        elif t.start > offset:
            hi = mid - 1
        else:
            return mid
    return None


def coordinated(doc: Doc, first: Mention, limit: int) -> list[Mention]:
    """The mention and those joined to it by و (X وY، X والأمريكي Y)."""
    out = [first]
    last = first
    def after(ms: list[Mention]) -> list[Mention]:  # mentions are in text order: start past the first one
        return ms[bisect.bisect_right(ms, first.start, key=_start_of):]

    for m in heapq.merge(after(doc.mentions), after(doc.side_nouns), key=lambda x: x.start):
        if m.start <= last.start or m.actor is None or m.start >= limit:
            continue
        gap = doc.text[last.end : m.start]
        words = gap.split()
        if not gap.strip() and last.source == "title" and m.label == "PER":
            out.append(m)  # apposition: a title and the person's name (وزير الخارجية الروسي سيرغي لافروف)
            last = m
            continue
        if (gap.strip() == "و" or (gap.strip() == "" and doc.text[m.start - 1 : m.start] == "و")
                or (gap.strip() == "" and m.source == "adjective" and m.text.startswith("و"))  # وأخرى فرنسية
                or (doc.text[max(0, m.start - 1) : m.start] == "و" and gap.strip() in ("", "،"))
                or (len(words) == 1 and words[0].startswith("و") and len(words[0]) > 2)):
            out.append(m)
            last = m
            continue
        if m.start > last.end + 1:
            break
    return out


def group_start(doc: Doc, last: Mention, lo: int) -> Mention:
    """The first of the mentions joined by و that end with ``last`` (ترامب وماي اتفقا → ترامب)."""
    first = last
    for m in reversed([x for x in doc.mentions if lo <= x.start and x.end <= last.start and x.actor]):
        if (doc.text[m.end : first.start].strip() in ("و", "") and doc.text[first.start - 1 : first.start] == "و") \
                or doc.text[m.end : first.start].strip() == "و":
            first = m
        else:
            break
    return first


def partitive_before(doc: Doc, x: Mention) -> bool:
    """The mention follows a quantity noun or a count (المئات من القوات التركية، عناصر من الجيش، عشرة من أعضاء
    الجماعة)."""
    i = token_at(doc, x.start)
    if i is None or i < 2 or doc.tokens[i - 1].norm != "من":
        return False
    t = doc.tokens[i - 2]
    return t.norm in grammar("partitive") or t.norm[:1].isdigit() or \
        any(q.start <= t.start < q.end for q in doc.quantities)


def tokens_within(toks: Sequence[Token], start: int, end: int) -> Sequence[Token]:
    """The tokens ``t`` with ``start <= t.start`` and ``t.end <= end``, found by bisection (tokens are in
    text order and do not overlap, so they are one slice; no walk over a long article's tokens)."""
    lo = bisect.bisect_left(toks, start, key=_start_of)
    hi = bisect.bisect_right(toks, end, key=_end_of)
    return toks[lo:hi] if lo < hi else ()


def mentions_within(mentions: Sequence[Mention], start: int, end: int) -> Sequence[Mention]:
    """The mentions starting in [start, end), found by bisection (``mentions`` are in text order)."""
    lo = bisect.bisect_left(mentions, start, key=_start_of)
    hi = bisect.bisect_left(mentions, end, key=_start_of)
    return mentions[lo:hi]


_start_of = operator.attrgetter("start")
_end_of = operator.attrgetter("end")


def victim_gap(doc: Doc, end: int, start: int) -> bool:
    """Only a count stands between an event noun and its victims (مقتل 43 مدنيا، مقتل أكثر من 60 شخصا), or a
    count and the من of a part (مصرع خمسة من عناصرها، مقتل أربعة من الجنود)."""
    between = tokens_within(doc.tokens, end, start)
    counted = [(q.start, q.end) for q in doc.quantities if end <= q.start < start]  # سبعة، ثلاثة آلاف

    def count(t: Token) -> bool:
        return t.norm[:1].isdigit() or t.norm in grammar("count_word") or any(a <= t.start < b for a, b in counted)

    if len(between) >= 2 and between[-1].norm == "من" and count(between[-2]):
        between = between[:-1]
    return len(between) <= 5 and all(count(t) for t in between)


def adjacent(doc: Doc, end: int, start: int) -> bool:
    """Nothing but definite adjectives between two spans (قصف الطيران، القصف الجوي للطيران)."""
    between = tokens_within(doc.tokens, end, start)
    return all(t.norm.startswith("ال") for t in between) and len(between) <= 1


def tokens_between(doc: Doc, start: int, end: int) -> int:
    return len(tokens_within(doc.tokens, start, end))


def token_index(doc: Doc, offset: int) -> int:
    i = token_at(doc, offset)
    return -1 if i is None else i


def gap_ok(toks: Sequence[Token], j: int, start: int, partitive: bool = False) -> bool:
    """Only time words (اليوم، أمس) or a preposition with a pronoun (إليها) between a verb and its subject."""
    k = j
    while k < len(toks) and toks[k].start < start:
        n = toks[k].norm
        if n not in grammar("time") and n not in grammar("pronominal_prep") and \
                not (partitive and n in grammar("partitive")):
            return False
        k += 1
    return True
