"""Text layer: Unicode cleanup, an offset-preserving normalised view, sentences, tokens, clitics.

The original text is never modified. :func:`normalize` returns a :class:`NormText`
whose ``text`` is a folded copy (alef forms, ya/alef maqsura, ta marbuta,
diacritics, tatweel, Arabic-Indic and Persian digits, zero-width and bidi marks)
and whose ``to_orig`` maps every character of the copy back to the original.
Folding is one-to-one or deletion, never one-to-many, so a span of the copy
always maps to a span of the original.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from rasd.memo import Memo
from rasd.records import Token

# One character in, at most one character out.
_FOLD: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "گ": "ك",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ",
    "‐": "-", "‑": "-", "–": "-", "—": "-",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _FOLD[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _FOLD[_d] = str(_i)

# Deleted from the view: Arabic diacritics (harakat, shadda, sukun, superscript
# alef, Quranic marks), tatweel, zero-width and bidi controls, BOM, soft hyphen.
_DROP = set(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if chr(c) not in "ۥۦ"]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)


# Quotation marks news uses around direct speech and names.
QUOTES = frozenset("“”\"«»„‟")


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised copy of a text and the map from its characters back to the original."""

    text: str
    to_orig: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised copy to the original text."""
        if end <= start:
            o = self.to_orig[start]
            return o, o
        return self.to_orig[start], self.to_orig[end - 1] + 1


def fold_char(ch: str) -> str:
    """The normalised form of one character ('' when it is dropped)."""
    if ch in _DROP:
        return ""
    return _FOLD.get(ch, ch)


# str.translate tables: one pass in C instead of a Python call per character.
_TABLE = {ord(k): v for k, v in _FOLD.items()} | {ord(c): None for c in _DROP}
_DROP_RE = regex.compile("[" + "".join(regex.escape(c) for c in sorted(_DROP)) + "]")


def normalize(text: str) -> NormText:
    """Fold ``text`` into its normalised view, keeping the offset map.

    >>> n = normalize("أعلنَت")
    >>> n.text, n.span(0, len(n.text))
    ('اعلنت', (0, 6))
    """
    folded = text.translate(_TABLE)
    if len(folded) == len(text):
        return NormText(folded, tuple(range(len(text) + 1)))
    idx: list[int] = []
    prev = 0
    for m in _DROP_RE.finditer(text):  # keep the ranges between dropped characters (C-speed extends)
        idx.extend(range(prev, m.start()))
        prev = m.start() + 1
    idx.extend(range(prev, len(text) + 1))
    return NormText(folded, tuple(idx))


def norm(s: str) -> str:
    """Normalised form of a short string (lexicon entries, lookups)."""
    return " ".join(s.translate(_TABLE).split())


def clean(text: str) -> str:
    """Unicode cleanup applied when reading input: line endings and NUL only.

    Anything that changes Arabic letters is left to the normalised view so that
    offsets into the returned text stay those of what the user sees.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


# Sentences end at . ! ? ؟ (and runs of them), an ellipsis, or a line break.
# The Arabic comma ، and the semicolon ؛ never end a sentence. A full stop
# between digits (3.5) or after a single letter (initials: م. ع.) does not either.
_SENT_END = regex.compile(r"(?:(?<!\d)\.(?!\d)|[!?؟…])+[\"'»”’)\]]*|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; returns (start, end) offsets, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if m.group().startswith(".") and _initial_before(text, m.start()):
            continue
        _push(text, pos, m.end() if m.group()[0] != "\n" else m.start(), spans)
        pos = m.end()
    _push(text, pos, len(text), spans)
    return spans


def _initial_before(text: str, i: int) -> bool:
    """True when the full stop at ``i`` follows a one-letter word (an initial)."""
    return i >= 1 and text[i - 1].isalpha() and (i == 1 or not text[i - 2].isalpha())


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        spans.append((start, end))


# Words (letters, marks and digits glued together), numbers (with separators), or one other character.
_TOKEN = regex.compile(
    r"\d+(?:[.,٫٬]\d+)*|[\p{L}\p{M}\u0640\u200c\u200d]+(?:\d+)?|[^\s\p{L}\p{M}\d]"
)


# Token spelling → (normalised form, is a word), or () when the token folds to nothing.
_TOKEN_FORMS: Memo[str, tuple[str, bool] | tuple[()]] = Memo()


def _token_form(t: str) -> tuple[str, bool] | tuple[()]:
    n = t.translate(_TABLE)  # a token has no spaces: norm() without the split/join
    form: tuple[str, bool] | tuple[()] = () if not n or n.isspace() else (n, n[0].isalnum())
    return _TOKEN_FORMS.put(t, form)


def tokenize(text: str, sentences: list[tuple[int, int]]) -> list[Token]:
    """Tokens of each sentence, with normalised forms and offsets into ``text``."""
    return tokenize_sentences(text, sentences)[0]


def tokenize_sentences(text: str, sentences: list[tuple[int, int]]) -> tuple[list[Token], list[tuple[int, int]]]:
    """:func:`tokenize`, and the range ``[first, last + 1)`` of each sentence's tokens in the list."""
    tokens: list[Token] = []
    ranges: list[tuple[int, int]] = []
    add = tokens.append
    get = _TOKEN_FORMS.get
    for si, (s, e) in enumerate(sentences):
        first = len(tokens)
        for m in _TOKEN.finditer(text, s, e):
            t = m.group()
            form = get(t)
            if form is None:
                form = _token_form(t)
            if form:
                a, b = m.span()
                add(Token(a, b, t, form[0], si, form[1]))
        ranges.append((first, len(tokens)))
    return tokens, ranges


# Proclitic sequences, longest first (normalised). "لل" is ل + ال with the alef dropped.
PROCLITICS: tuple[str, ...] = (
    "وبال", "وكال", "فبال", "فال", "وال", "بال", "كال", "ولل", "فلل",
    "لل", "ال", "وب", "ول", "وك", "فب", "فل", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س",
)
# Not ي: after a noun it is far more often the nisba adjective ending (اجتماعي) than "my".
ENCLITICS: tuple[str, ...] = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك")


@functools.lru_cache(maxsize=262_144)
def stems(word: str, min_len: int = 2) -> tuple[tuple[str, int], ...]:
    """Candidate forms of a normalised word with proclitics split off.

    Returns (form, offset of the form's first letter in ``word``) pairs, the word itself
    first. A prefix ending in ال keeps ال on the form (والجيش → الجيش, جيش); لل gives
    ال+rest starting at the second lam (للجيش → الجيش at offset 1). Forms shorter than
    ``min_len`` are skipped. Results are cached: the same words come back in every article.
    """
    out: list[tuple[str, int]] = [(word, 0)]
    seen = {word}
    for p in PROCLITICS:
        if not word.startswith(p) or len(word) - len(p) < min_len:
            continue
        rest = word[len(p):]
        cands: list[tuple[str, int]] = []
        if p.endswith("لل"):
            cands.append(("ال" + rest, len(p) - 1))  # the second lam is the article's
        elif p.endswith("ال") and len(p) > 2:
            cands.append(("ال" + rest, len(p) - 2))
        cands.append((rest, len(p)))
        for form, off in cands:
            if form not in seen:
                seen.add(form)
                out.append((form, off))
    return tuple(out)


@functools.lru_cache(maxsize=262_144)
def strip_enclitic(word: str, min_len: int = 2) -> tuple[str, ...]:
    """Forms of ``word`` with an attached pronoun removed (تعاونها → تعاون)."""
    out: list[str] = []
    for suffix in ENCLITICS:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_len:
            base = word[: -len(suffix)]
            out.append(base)
            if base.endswith("ت"):  # ta marbuta before a pronoun: حكومتها → حكومه
                out.append(base[:-1] + "ه")
    return tuple(out)
