"""A bounded memo for the hot per-token lookups of the pipeline stages."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A cache of values that follow from their key alone (a token's spelling → its normal form), emptied
    when it holds ``limit`` entries so a long run keeps a bounded memory.

    Stages read it with ``memo.get`` (one C call per token, several times cheaper than calling a
    ``functools.lru_cache`` wrapper, which matters at hundreds of tokens per article) and fill it with
    :meth:`put`. Like a ``functools`` cache it holds nothing a result depends on: emptying it only costs
    time.

    >>> m = Memo(limit=2)
    >>> m.put("a", 1), m.put("b", 2), m.put("c", 3), sorted(m)
    (1, 2, 3, ['c'])
    """

    __slots__ = ("limit",)

    def __init__(self, limit: int = 200_000) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: K, value: V) -> V:
        """Store ``value`` under ``key`` (emptying the memo first when it is full) and return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value

    def make_room(self, n: int) -> bool:
        """Empty the memo when ``n`` more entries would not fit; True when it did."""
        if len(self) + n > self.limit:
            self.clear()
            return True
        return False
