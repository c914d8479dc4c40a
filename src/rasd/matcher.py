"""Phrase lookup over tokens, clitic-aware: the one matcher every lexicon stage uses."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rasd.records import Token
from rasd.text import QUOTES, norm, normalize, stems, strip_enclitic

T = TypeVar("T")

# In a lexicon phrase, "…" stands for up to MAX_GAP words of any kind (وقعت … على اتفاق).
GAP = "…"
MAX_GAP = 4


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """Tokens ``[i, j)`` matched a phrase; ``start``/``end`` are offsets into the original text
    (``start`` skips a stripped proclitic: in والجيش the match starts at ال)."""

    i: int
    j: int
    start: int
    end: int
    payload: T
    phrase: str


def char_offset(token: Token, norm_offset: int) -> int:
    """Original-text offset of the ``norm_offset``-th character of ``token.norm``."""
    if norm_offset == 0:
        return token.start
    to_orig = _token_map(token.text)
    if norm_offset >= len(to_orig) - 1:
        return token.end
    return token.start + to_orig[norm_offset]


@functools.lru_cache(maxsize=65_536)
def _token_map(text: str) -> tuple[int, ...]:
    return normalize(text).to_orig


class PhraseMatcher(Generic[T]):
    """Find the longest lexicon phrases in a token sequence.

    Phrases are compared on normalised forms. The first word of a phrase may carry
    proclitics in the text (و ف ب ل ك ال س); with ``enclitics`` the last word may
    carry an attached pronoun (تعاونها matches تعاون).
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, T]],
        *,
        enclitics: bool = False,
        prefix_ok: Callable[[T, str], bool] | None = None,
        gap_stops: frozenset[str] = frozenset(),
        quotes: bool = False,
    ) -> None:
        """Index ``(phrase, payload)`` entries.

        Args:
            entries: phrases (any spelling; they are normalised) and what each denotes.
            enclitics: let the last word carry an attached pronoun.
            prefix_ok: ``prefix_ok(payload, proclitics)`` says whether a phrase may follow the
                proclitics split off the first word (verbs take و ف س, never ب or ال).
            gap_stops: normalised words a gap (…) never crosses, besides punctuation.
            quotes: let quotation marks stand between the words of a phrase (يهدد "وقف إطلاق النار"); not
                for names, whose spans would then cross a quotation they are part of.
        """
        # first word → (words, payload, phrase, tokens a match spans at least, has a gap), longest first
        self._index: dict[str, list[tuple[tuple[str, ...], T, str, int, bool]]] = {}
        self.enclitics = enclitics
        self.prefix_ok = prefix_ok
        self.gap_stops = gap_stops
        self.quotes = QUOTES if quotes else frozenset()
        # Memo of token spelling → the forms that start a phrase. It only grows with distinct
        # spellings (bounded), and a matcher is built once per process.
        self._memo: dict[str, tuple[tuple[str, int], ...]] = {}
        for phrase, payload in entries:
            words = tuple(norm(phrase).split())
            if not words:
                continue
            n = len(words) - words.count(GAP)
            self._index.setdefault(words[0], []).append((words, payload, phrase, n, GAP in words))
        for cands in self._index.values():
            cands.sort(key=lambda c: -len(c[0]))

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def _word_ok(self, token: Token, word: str, last: bool) -> bool:
        if token.norm == word:
            return True
        return last and self.enclitics and word in strip_enclitic(token.norm)

    def _forms(self, tok: Token) -> tuple[tuple[str, int], ...]:
        """The forms of a token that start some phrase of this lexicon (memoised per spelling)."""
        key = tok.text if self.enclitics else tok.norm
        hit = self._memo.get(key)
        if hit is None:
            forms = list(stems(tok.norm))
            if self.enclitics and not tok.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة"):
                # A final ة is ta marbuta, never the pronoun ه it folds to (وزارة is not و + زار + ه).
                forms += [(f, 0) for f in strip_enclitic(tok.norm)]
                forms += [(f, o) for s, o in stems(tok.norm)[1:] for f in strip_enclitic(s)]
            hit = tuple(fo for fo in forms if fo[0] in self._index)
            if len(self._memo) < 500_000:
                self._memo[key] = hit
        return hit

    def starts_any(self, tok: Token) -> bool:
        """True when some phrase of this lexicon may begin at ``tok`` (its memoised forms)."""
        return bool(self._forms(tok))

    def starts(self, word: str) -> bool:
        """True when some phrase of this lexicon begins with the normalised ``word``."""
        return word in self._index

    def match_at(self, tokens: Sequence[Token], i: int, end: int | None = None) -> Match[T] | None:
        """The longest phrase starting at token ``i`` (None when there is none)."""
        tok = tokens[i]
        if not tok.is_word:
            return None
        forms = self._forms(tok)
        if not forms:
            return None
        end = len(tokens) if end is None else end
        best: Match[T] | None = None
        longest = 0  # tokens spanned by best
        prefix_ok = self.prefix_ok
        for form, off in forms:
            for words, payload, phrase, n, gap in self._index[form]:
                if off and prefix_ok is not None and not prefix_ok(payload, tok.norm[:off]):
                    continue
                if i + n > end or (best is not None and longest >= n):
                    continue
                if gap:
                    j = self._rest(tokens, i + 1, end, words, 1)
                elif n == 1:
                    j = i + 1
                else:  # every word after the first: the same form, or the last with a pronoun; quotation
                    last = n - 1  # marks between words are passed (يهدد "وقف إطلاق النار")
                    p = i + 1
                    for k in range(1, n):
                        while p < end and tokens[p].text in self.quotes:
                            p += 1
                        t = tokens[p] if p < end else None
                        if t is None or (t.norm != words[k] and not (k == last and self._word_ok(t, words[k], True))):
                            p = -1
                            break
                        p += 1
                    j = p if p > 0 else None
                if j is not None and j - i > longest:
                    best = Match(i, j, char_offset(tok, off), tokens[j - 1].end, payload, phrase)
                    longest = j - i
                    break
        return best

    def _rest(self, tokens: Sequence[Token], j: int, end: int, words: tuple[str, ...], w: int) -> int | None:
        """Match ``words[w:]`` from token j; a GAP word lets up to MAX_GAP tokens pass. Returns the end index."""
        if w == len(words):
            return j
        if words[w] == GAP:
            for skip in range(MAX_GAP + 1):
                if j + skip > end:
                    break
                crossed = tokens[j + skip - 1] if skip else None
                if crossed is not None and ((not crossed.is_word and crossed.norm not in "،,")
                                            or crossed.norm in self.gap_stops):
                    break  # a gap never crosses a full stop, a colon, a quotation mark or a stop word
                got = self._rest(tokens, j + skip, end, words, w + 1)
                if got is not None:
                    return got
            return None
        if j >= end or not self._word_ok(tokens[j], words[w], w == len(words) - 1):
            return None
        return self._rest(tokens, j + 1, end, words, w + 1)

    def find(self, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> list[Match[T]]:
        """Longest non-overlapping matches, left to right, in tokens ``[start, end)``."""
        end = len(tokens) if end is None else end
        out: list[Match[T]] = []
        memo = self._memo
        by_text = self.enclitics
        i = start
        while i < end:
            tok = tokens[i]
            # match_at's own first look, inlined: most tokens start no phrase of the lexicon.
            if tok.is_word and memo.get(tok.text if by_text else tok.norm, True):
                m = self.match_at(tokens, i, end)
                if m:
                    out.append(m)
                    i = m.j
                    continue
            i += 1
        return out
