"""Quantities: numbers in digits or words, with their counted noun and the codebook's vague counts.

Reads digits (47, 1,200, 3.5, ٤٧ through the normalised view, الـ24), number words (خمسة وعشرين،
ثلاثمائة، ثلاثة آلاف، 2.5 مليون) and vague counts (عشرات = 12, مئات = 100, آلاف = 1000,
عدة/بضعة/عدد من = 3; عشرات الآلاف = 12000, also vague). Number words live in
``resources/numbers.tsv``.

Not quantities: numbers inside a time expression (عام 2016، 9/9/2016، خلال الـ24 ساعة الماضية),
a bare year after في/منذ or before a definite word or punctuation (انتخابات 2016 الرئاسية),
definite number words used as adjectives (مجموعة السبع), ordinals and
identifiers after الدورة/المرة/القرار/الساعة ..., clock times (10:30) and model names (إف-16).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from rasd.doc import Doc
from rasd.errors import ResourceError
from rasd.lexicon import grammar
from rasd.memo import Memo
from rasd.records import Quantity, TimeExpr
from rasd.resources import load_tsv
from rasd.stages.dates import VERSION as DATES_VERSION
from rasd.stages.dates import find_dates
from rasd.text import NormText, norm, normalize, stems

VERSION = "quantities@1"

_KINDS = ("unit", "ten", "hundred", "scale", "vague", "fraction", "dual")
# A number right after one of these is an ordinal or an identifier (المرة الـ7، القرار 2254).
# Not المركز: "the centre" is more often a reporting body (رصد المركز 47 خرقا) than a rank.
_ORDINAL_HEADS = ("الدورة", "المرة", "الجولة", "النسخة", "الذكرى", "القرار", "المادة", "رقم", "البند",
                  "الفقرة", "الساعة", "الفصل", "الحلقة", "الطبعة", "المرتبة", "الصفحة",
                  "المؤتمر", "القمة", "عام", "العام", "سنة", "عامي",
                  # aircraft and weapon designators written apart (أف 35، سو 24، ميغ 21)
                  "اف", "سو", "ميغ", "ميج", "تي", "بي", "سي", "اس")
# Words that are never the counted noun after a number.
_NOT_UNIT = ("في", "من", "على", "إلى", "عن", "مع", "أو", "ثم", "حتى", "منذ", "خلال", "قد", "لا", "ما",
             "الذي", "التي", "الذين", "و", "كما", "بعد", "قبل", "أن", "إن", "أنه", "بين", "لدى", "عند",
             "نحو", "حوالي", "فقط", "آخرين", "آخرون", "أخرى", "آخر", "هم", "هي", "هو", "وهي", "وهو",
             "تحت", "فوق", "داخل", "خارج", "منها", "منهم", "فيها", "فيهم", "بينها", "بينهم", "عليها", "أي",
             "حين", "فيما", "بينما", "حيث")
# A bare year after these is a date (في 2007، منذ 2011).
_YEAR_HEADS = ("في", "منذ", "حتى", "خلال", "مطلع", "أواخر", "أوائل", "منتصف", "نهاية", "بداية", "صيف", "شتاء",
               "ربيع", "خريف")
# Glued before digits: الـ24, و47, ب3.
_DIGIT_PREFIXES = ("ال", "و", "ب", "ل", "ف", "ك", "وال", "بال", "لل", "فال", "وب", "ول", "وك", "فب")
_ADJECTIVAL = ("واحد", "واحدة", "اثنان", "اثنين", "اثنتان", "اثنتين")  # follow their noun
_PERCENT = (("في", "المئة"), ("في", "المائة"), ("بالمئة",), ("بالمائة",))

_TOKEN = regex.compile(r"\d+(?:[.,٫٬]\d+)*|\p{L}+|\S")


@dataclass(frozen=True, slots=True)
class _Entry:
    value: int | Decimal  # a Decimal for a fraction (نصف = 0.5)
    kind: str  # unit, ten, hundred, scale, vague, fraction
    plural: bool = False  # a scale that alone is a vague count (آلاف)
    dual: bool = False  # a scale that is its own number (ألفين)
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Lexicon:
    entries: dict[str, list[_Entry]]  # first word → entries, longest first
    heads: frozenset[str]
    year_heads: frozenset[str]
    not_unit: frozenset[str]
    prefixes: frozenset[str]
    adjectival: frozenset[str]
    percent: tuple[tuple[str, ...], ...]
    duals: frozenset[str] = frozenset()  # counted nouns in the dual: a count of two by themselves (جنديين)
    of_them: frozenset[str] = frozenset()  # 9 معظمهم من الجنود: a count of people (grammar.tsv of_them)


class _Tok:
    """A token of the normalised view (a plain slotted class: built for every token, so kept cheap)."""

    __slots__ = ("e", "s", "t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self.s = s  # offsets into the normalised view
        self.e = e
        self.t = t


@dataclass(slots=True)
class _Num:
    i: int  # first token of the number
    j: int  # token after it
    s: int  # normalised span
    e: int
    value: Decimal
    vague: bool = False
    adjectival: bool = False


@functools.cache
def _lexicon() -> _Lexicon:
    """Number words from numbers.tsv, indexed by first (normalised) word."""
    entries: dict[str, list[_Entry]] = {}
    duals: set[str] = set()
    for n, row in enumerate(load_tsv("numbers.tsv"), start=2):
        kind = row["kind"]
        if kind not in _KINDS:
            raise ResourceError(f"numbers.tsv: row {n}: unknown kind {kind!r}")
        try:
            value: int | Decimal = Decimal(row["value"]) if kind == "fraction" else int(row["value"])
        except (ValueError, ArithmeticError) as e:
            raise ResourceError(f"numbers.tsv: row {n}: value {row['value']!r} is not a number") from e
        words = tuple(norm(row["form"]).split())
        if not words:
            raise ResourceError(f"numbers.tsv: row {n}: empty form")
        note = row["note"]
        if kind == "dual":
            duals.add(words[0])
            continue
        entry = _Entry(value, kind, note.startswith("plural"), note.startswith("dual"), words)
        entries.setdefault(words[0], []).append(entry)
    for lst in entries.values():
        lst.sort(key=lambda x: -len(x.words))
    return _Lexicon(
        entries=entries,
        heads=frozenset(norm(w) for w in _ORDINAL_HEADS),
        year_heads=frozenset(norm(w) for w in _YEAR_HEADS),
        not_unit=frozenset(norm(w) for w in _NOT_UNIT),
        prefixes=frozenset(_DIGIT_PREFIXES),
        adjectival=frozenset(norm(w) for w in _ADJECTIVAL),
        percent=tuple(tuple(norm(w) for w in p) for p in _PERCENT),
        duals=frozenset(duals),
        of_them=grammar("of_them"),
    )


def _parse_digits(s: str) -> Decimal | None:
    """47 → 47, 1,200 → 1200, 3.5 → 3.5, 3,5 → 3.5, 1.200.000 → 1200000 (Arabic ٫ ٬ too)."""
    s = s.replace("٬", ",").replace("٫", ".")
    if "," in s and "." in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(",", ".")
    elif "," in s or s.count(".") > 1:
        sep = "," if "," in s else "."
        groups = s.split(sep)
        if all(len(g) == 3 for g in groups[1:]):
            s = "".join(groups)
        elif len(groups) == 2:
            s = ".".join(groups)
        else:
            return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _glued(a: _Tok, b: _Tok) -> bool:
    return a.e == b.s


def _spaced(view: str, a: _Tok, b: _Tok) -> bool:
    """Only spaces (no line break) between tokens ``a`` and ``b``."""
    gap = view[a.e : b.s]
    return gap != "" and gap.isspace() and "\n" not in gap


def _is_word(tok: _Tok) -> bool:
    return tok.t[0].isalpha()


def _entries_at(toks: Sequence[_Tok], i: int, view: str, form: str, lex: _Lexicon) -> tuple[_Entry, int] | None:
    """The longest number phrase whose first word is ``form`` (token ``i``); (entry, token count)."""
    for entry in lex.entries.get(form, ()):
        n = len(entry.words)
        if i + n > len(toks):
            continue
        if all(
            toks[i + k].t == entry.words[k] and _spaced(view, toks[i + k - 1], toks[i + k]) for k in range(1, n)
        ):
            return entry, n
    return None


def _lookup_lead(toks: Sequence[_Tok], i: int, view: str, lex: _Lexicon) -> tuple[_Entry, int, int] | None:
    """A number word starting a phrase, proclitics allowed: (entry, token count, offset of the word).

    The span keeps ال (العشرات) but not و/ف/ب/ل; after ب/ل/ف/ك the word must have at least four
    letters (بعده is not ب + عدة, لست is not ل + ست).
    """
    for cand, off in _lead_candidates(toks[i].t):  # lex is the process's _lexicon()
        found = _entries_at(toks, i, view, cand, lex)
        if found:
            return found[0], found[1], off
    return None


@functools.lru_cache(maxsize=131_072)
def _lead_candidates(word: str) -> tuple[tuple[str, int], ...]:
    """The number-word entries a token may start with, and where the word begins (memoised per spelling)."""
    lex = _lexicon()
    endings = _entry_endings()
    if endings is not None and word[-2:] not in endings:
        return ()  # every candidate below is a suffix of the word (or ال + one) of two letters or more
    out = []
    for form, off in stems(word):
        pro = word[:off]
        cands = [form, form[2:]] if form.startswith("ال") and len(form) > 3 else [form]
        for cand in cands:
            if cand in lex.entries and (pro in ("", "و", "ال", "وال", "فال", "بال") or len(cand) >= 4):
                out.append((cand, off))
    return tuple(out)


@functools.cache
def _entry_endings() -> frozenset[str] | None:
    """The last two letters of every number word (None if one is shorter: no quick test then)."""
    keys = _lexicon().entries
    return None if any(len(k) < 2 for k in keys) else frozenset(k[-2:] for k in keys)


def _lookup_next(
    toks: Sequence[_Tok], j: int, view: str, lex: _Lexicon, conj: bool
) -> tuple[_Entry, int] | None:
    """The number word continuing a phrase at token ``j``: after و (glued or not) when ``conj``,
    else directly (a scale: آلاف، الآلاف). Returns (entry, tokens consumed)."""
    if j >= len(toks) or not _spaced(view, toks[j - 1], toks[j]) or not _is_word(toks[j]):
        return None
    word = toks[j].t
    if conj:
        if word == "و" and j + 1 < len(toks) and _spaced(view, toks[j], toks[j + 1]):
            found = _entries_at(toks, j + 1, view, toks[j + 1].t, lex)
            return (found[0], found[1] + 1) if found else None
        if word.startswith("و") and len(word) > 2:  # glued: وعشرين
            return _entries_at(toks, j, view, word[1:], lex)
        return None
    for form in (word, word[2:] if word.startswith("ال") else ""):
        if form:
            found = _entries_at(toks, j, view, form, lex)
            if found:
                return found
    return None


def _parse_words(toks: Sequence[_Tok], i: int, view: str, lex: _Lexicon) -> _Num | None:
    """A number written in words starting at token ``i``."""
    lead = _lookup_lead(toks, i, view, lex)
    if lead is None:
        return None
    entry, n, off = lead
    s = toks[i].s + off
    j = i + n
    definite = toks[i].t[off:] != entry.words[0]  # ال was split off: الدول السبع، العشرات
    if definite and not (entry.kind == "vague" or entry.plural):
        return None  # an adjective (مجموعة السبع), not a count
    if entry.kind == "vague" or (entry.kind == "scale" and entry.plural):
        value = Decimal(entry.value)
        if len(entry.words) == 1:  # عشرات الآلاف، مئات الملايين، بضعة آلاف
            nxt = _lookup_next(toks, j, view, lex, conj=False)
            if nxt and nxt[0].kind == "scale" and nxt[0].plural:
                value *= nxt[0].value
                j += nxt[1]
        return _Num(i, j, s, toks[j - 1].e, value, vague=True)
    total, cur = Decimal(0), Decimal(0)
    last: str | None = None  # kind of the last piece: unit, teen, ten, hundred, scale
    last_scale = Decimal(0)

    def piece(e: _Entry) -> str:
        if e.kind == "fraction":
            return "unit"
        return "teen" if e.kind == "unit" and e.value >= 10 else e.kind

    def take(e: _Entry, conj: bool) -> bool:
        nonlocal total, cur, last, last_scale
        k = piece(e)
        if k == "vague":
            return False
        if k == "scale":
            if e.dual:
                if last is not None:
                    return False
                total, last, last_scale = Decimal(e.value), "scale", Decimal(e.value) / 2
                return True
            if conj or last == "scale":
                return False
            cur = (cur or Decimal(1)) * e.value
            total, cur, last, last_scale = total + cur, Decimal(0), "scale", Decimal(e.value)
            return True
        if last is None:
            cur, last = Decimal(e.value), k
            return True
        if not conj:  # ثلاث مئة
            if last == "unit" and k == "hundred" and e.value == 100:
                cur, last = cur * 100, "hundred"
                return True
            return False
        ok = (
            (last == "scale" and e.value < last_scale)
            or (last == "hundred" and k in ("unit", "teen", "ten"))
            or (last == "unit" and k == "ten")
        )
        if ok:
            cur, last = cur + e.value, k
        return ok

    if not take(entry, conj=False):
        return None
    if entry.kind == "fraction":  # نصف مليون، ربع مليون: a fraction counts only before a scale word
        nxt = _lookup_next(toks, j, view, lex, conj=False)
        if nxt is None or nxt[0].kind != "scale" or nxt[0].plural or nxt[0].dual:
            return None
    adjectival = n == 1 and toks[i].t[off:] in lex.adjectival
    while True:
        nxt = _lookup_next(toks, j, view, lex, conj=False)
        conj = False
        if nxt is None or nxt[0].kind not in ("scale", "hundred"):
            nxt = _lookup_next(toks, j, view, lex, conj=True)
            conj = True
        if nxt is None or not take(nxt[0], conj):
            break
        j += nxt[1]
        adjectival = False
    value = total + cur
    if entry.kind == "fraction":
        value = value.to_integral_value()  # ثلث مليون: a whole number of people
    return _Num(i, j, s, toks[j - 1].e, value, adjectival=adjectival)


def _parse_digits_at(toks: Sequence[_Tok], i: int, view: str, lex: _Lexicon) -> _Num | None:
    """A number in digits at token ``i`` (with a glued الـ and a following scale word)."""
    tok = toks[i]
    value = _parse_digits(tok.t)
    if value is None:
        return None
    s = tok.s
    if i > 0 and _glued(toks[i - 1], tok):
        prev = toks[i - 1]
        if prev.t in (":", "/", "-") or (_is_word(prev) and prev.t not in lex.prefixes):
            return None  # 10:30, 9/9, إف-16, G7
        if prev.t.endswith("ال") and _is_word(prev):
            s = prev.s + len(prev.t) - 2
    if i + 1 < len(toks) and _glued(tok, toks[i + 1]):
        nxt = toks[i + 1]
        if nxt.t in (":", "/") or (nxt.t == "-" and i + 2 < len(toks) and toks[i + 2].t[0].isdigit()):
            return None
        if _is_word(nxt) and nxt.t.isascii():
            return None  # 5G
    j = i + 1
    scale = _lookup_next(toks, j, view, lex, conj=False)
    if scale and scale[0].kind == "scale" and not scale[0].dual:
        value *= scale[0].value
        j += scale[1]
    return _Num(i, j, s, toks[j - 1].e, value)


def _dash_range(toks: Sequence[_Tok], i: int) -> _Num | None:
    """"10-15" (glued, the second larger, no third part): a range valued at its lower end."""
    if i + 2 >= len(toks) or toks[i + 1].t != "-" or not (toks[i].e == toks[i + 1].s == toks[i + 2].s - 1):
        return None
    a, b = _parse_digits(toks[i].t), _parse_digits(toks[i + 2].t) if toks[i + 2].t[0].isdigit() else None
    if a is None or b is None or b <= a or (i > 0 and toks[i - 1].e == toks[i].s):
        return None
    if i + 3 < len(toks) and toks[i + 3].s == toks[i + 2].e and toks[i + 3].t in ("-", "/", ":"):
        return None
    return _Num(i, i + 3, toks[i].s, toks[i + 2].e, a)


def _unit(
    toks: Sequence[_Tok], num: _Num, view: str, lex: _Lexicon, in_time: Callable[[_Tok], bool]
) -> tuple[str | None, int]:
    """The counted noun after the number (after من when it follows), and the token to go on from.

    واحد/اثنان follow their noun (طفل واحد), so theirs is the word before unless من follows.
    A word inside a time expression (المجلس الـ41 يوم الاثنين) is no counted noun.
    """
    j = num.j
    if j < len(toks) and toks[j].t == "%" and "\n" not in view[toks[j - 1].e : toks[j].s]:
        return "%", j + 1
    for words in lex.percent:
        if all(j + k < len(toks) and toks[j + k].t == w for k, w in enumerate(words)):
            return "%", j + len(words)
    k = j
    after_min = k < len(toks) and toks[k].t == "من" and _spaced(view, toks[k - 1], toks[k])
    if after_min:
        k += 1
    if num.adjectival and not after_min:
        prev = toks[num.i - 1] if num.i > 0 else None
        if prev and _is_word(prev) and prev.t not in lex.not_unit and _spaced(view, prev, toks[num.i]):
            return prev.t, j
        return None, j
    if not after_min and k < len(toks) and toks[k].t in lex.of_them and _spaced(view, toks[k - 1], toks[k]):
        # مقتل 9 معظمهم من الجنود: the noun after من; else none (أردوا 21 منهم قتلى: the words after tell)
        if k + 2 < len(toks) and toks[k + 1].t == "من" and _is_word(toks[k + 2]):
            return toks[k + 2].t, j
        return None, j
    if k < len(toks) and _is_word(toks[k]) and _spaced(view, toks[k - 1], toks[k]):
        word = toks[k].t
        if word not in lex.not_unit and not in_time(toks[k]) and not _lookup_lead(toks, k, view, lex):
            return word, j
    return None, j


def _word_before(toks: Sequence[_Tok], num: _Num) -> _Tok | None:
    """The word before the number (past a glued الـ/و)."""
    k = num.i - 1
    if k >= 0 and toks[k].e == toks[num.i].s:
        k -= 1
    return toks[k] if k >= 0 and _is_word(toks[k]) else None


def _after(heads: frozenset[str], prev: _Tok | None) -> bool:
    return prev is not None and any(form in heads for form, _ in stems(prev.t))


def _year_like(toks: Sequence[_Tok], num: _Num, lex: _Lexicon) -> bool:
    """A bare 4-digit year (1900-2100): after في/منذ/حتى ..., or before a definite word,
    a word that is no noun, punctuation or the end."""
    tok = toks[num.i]
    if num.j != num.i + 1 or not tok.t.isdigit() or len(tok.t) != 4 or not 1900 <= int(tok.t) <= 2100:
        return False
    if num.j >= len(toks) or _after(lex.year_heads, _word_before(toks, num)):
        return True
    nxt = toks[num.j]
    return not _is_word(nxt) or nxt.t.startswith(("ال", "وال")) or nxt.t in lex.not_unit


def _as_number(v: Decimal) -> int | float:
    return int(v) if v == v.to_integral_value() else float(v)


_MAY_START: Memo[str, bool] = Memo()


_TWO = frozenset({"اثنين", "اثنان", "اثنتين", "اثنتان"})
_DUAL_ENDINGS = ("ين", "ان")  # every dual ends so (after normalisation): a cheap test before the lookup


_DUAL_PROCLITICS = frozenset({"", "و", "ب", "ل", "وب", "ول"})  # what may stand before a dual (never ال)


def _dual_offset(t: str, lex: _Lexicon) -> int | None:
    """Where the dual noun begins in token ``t`` (past و/ب/ل), or None when ``t`` is none."""
    return next((o for f, o in stems(t) if f in lex.duals and t[:o] in _DUAL_PROCLITICS), None)


def _may_start(t: str) -> bool:
    """Whether a token spelled ``t`` may begin a number: digits, or a word a number phrase starts with."""
    may = t[0].isdigit() or (t[0].isalpha() and bool(_lead_candidates(t)))
    return _MAY_START.put(t, may)


def find_quantities(
    text: str, *, times: Sequence[TimeExpr] | None = None, view_of: NormText | None = None
) -> list[Quantity]:
    """Find the quantities of ``text``.

    Args:
        text: the original article text.
        times: time expressions already found in ``text`` (their numbers are not quantities);
            found with :func:`rasd.stages.dates.find_dates` when not given.
        view_of: the normalised view of ``text`` when the caller has it (the Doc does), to save
            normalising again.

    Returns:
        Quantities in text order. ``start``/``end`` cover the number and its multiplier words
        (not a proclitic و/ب/ل); ``unit`` is the normalised word after the number (after من
        when it follows; the word before for واحد/اثنان, which follow their noun), or ``%``.
        Vague counts have ``vague=True``; a value above 9999 marks a compound such as
        عشرات الآلاف, which aggregates leave out.

    >>> [(q.value, q.unit) for q in find_quantities("قتل 47 مدنيا")]
    [(47, 'مدنيا')]
    """
    nt: NormText = view_of if view_of is not None else normalize(text)
    view = nt.text
    lex = _lexicon()
    if times is None:
        times = find_dates(text, None)
    blocked = [(t.start, t.end) for t in times]
    toks = [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(view)]

    def in_time(tok: _Tok) -> bool:
        s, e = nt.span(tok.s, tok.e)
        return any(s < te and ts < e for ts, te in blocked)

    out: list[Quantity] = []
    may_start = _MAY_START.get
    i = 0
    while i < len(toks):
        tok = toks[i]
        dual = _dual_offset(tok.t, lex) if tok.t.endswith(_DUAL_ENDINGS) else None
        if dual is not None and i + 1 < len(toks) and toks[i + 1].t in _TWO:
            dual = None  # جنديين اثنين: the number word after it counts them
        if dual is not None:  # مقتل جنديين: the noun is its own count of two
            s, e = nt.span(tok.s + dual, tok.e)
            if not any(s < te and ts < e for ts, te in blocked):
                out.append(Quantity(text[s:e], s, e, 2, tok.t[dual:], False))
            i += 1
            continue
        may = may_start(tok.t)
        if may is None:
            may = _may_start(tok.t)
        if not may:  # neither digits nor a word a number phrase may begin with
            i += 1
            continue
        if tok.t[0].isdigit() and (rng := _dash_range(toks, i)) is not None:
            num = rng
        elif tok.t[0].isdigit():
            num = _parse_digits_at(toks, i, view, lex)
        elif _is_word(tok) and _lead_candidates(tok.t):  # most words can start no number
            num = _parse_words(toks, i, view, lex)
        else:
            num = None
        if num is None:
            i += 1
            continue
        unit, nxt = _unit(toks, num, view, lex, in_time)
        s, e = nt.span(num.s, num.e)
        skip = (
            any(s < te and ts < e for ts, te in blocked)
            or _after(lex.heads, _word_before(toks, num))
            or _year_like(toks, num, lex)
        )
        if not skip:
            out.append(Quantity(text[s:e], s, e, _as_number(num.value), unit, num.vague))
        i = max(nxt, num.j)
    return _with_unit_before(_merge_ranges(out, text, nt), toks, nt)


# Between the two ends of a range: "10-15", "بين 10 و15", "من 10 إلى 15".
_RANGE_GAP = regex.compile(r"^[^\S\n]*(?:-|–|و|الي|حتي)[^\S\n]*$")
_RANGE_OPEN = regex.compile(r"(?:^|[^\p{L}])(?:ما[^\S\n]+)?(?:بين|من)[^\S\n]+(?:ال)?$")


def _merge_ranges(qs: list[Quantity], text: str, nt: NormText) -> list[Quantity]:
    """Two numbers joined as a range become one quantity valued at the lower end (ACLED's rule for a
    reported range); its span covers both ends and its unit is the noun after the range."""
    view = nt.text
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and not prev.vague and not q.vague and prev.unit is None:
            gap = view[_view_pos(nt, prev.end):_view_pos(nt, q.start)]
            before = view[max(0, _view_pos(nt, prev.start) - 12):_view_pos(nt, prev.start)]
            dash = gap.strip() in ("-", "–")
            if _RANGE_GAP.match(gap) and (dash or _RANGE_OPEN.search(before)) and q.value > prev.value:
                out[-1] = Quantity(text[prev.start:q.end], prev.start, q.end, prev.value, q.unit, False)
                continue
        out.append(q)
    return out


def _view_pos(nt: NormText, orig: int) -> int:
    """Position in the normalised view of original offset ``orig`` (the first view character at or after it)."""
    return bisect.bisect_left(nt.to_orig, orig)


def _with_unit_before(qs: list[Quantity], toks: Sequence[_Tok], nt: NormText) -> list[Quantity]:
    """A number with no noun after it takes the X of a "عدد X" earlier in its sentence
    (ارتفع عدد البلدات المنضمة ... إلى 760)."""
    out = []
    starts: list[int] | None = None
    for q in qs:
        if q.unit is None and not q.vague:
            k = _view_pos(nt, q.start)
            if starts is None:
                starts = [t.s for t in toks]
            i = bisect.bisect_left(starts, k)  # the first token at or after k (token starts increase)
            for j in range(i - 1, max(-1, i - 14), -1):
                t = toks[j].t
                if t in (".", "!", "؟", "?", "\n", "؛"):
                    break
                if t in ("عدد", "وعدد", "بعدد") and j + 1 < i and toks[j + 1].t[0].isalpha():
                    q = Quantity(q.text, q.start, q.end, q.value, toks[j + 1].t, q.vague)
                    break
        out.append(q)
    return out


def quantities(doc: Doc) -> Doc:
    """Pipeline stage: add the article's quantities to ``doc.quantities`` (kept sorted by start).

    Numbers inside ``doc.times`` (when the dates stage has run) are left out.

    Args:
        doc: the document.

    Returns:
        The same document.
    """
    # When the dates stage ran and found nothing, find_quantities would look again and find nothing
    # either (which spans are time expressions does not depend on the publication date).
    ran = doc.times or DATES_VERSION in doc.stages
    doc.quantities.extend(find_quantities(doc.text, times=doc.times if ran else None, view_of=doc.norm))
    doc.quantities.sort(key=lambda q: (q.start, q.end))
    doc.stages.append(VERSION)
    return doc
