"""The bounded memo the stages keep their per-token lookups in."""

from rasd.memo import Memo


def test_memo_empties_itself_when_full() -> None:
    m: Memo[str, int] = Memo(limit=2)
    assert m.put("قال", 1) == 1 and m.put("قتل", 2) == 2
    assert m.put("هجوم", 3) == 3 and dict(m) == {"هجوم": 3}


def test_memo_makes_room_for_a_batch() -> None:
    m: Memo[str, int] = Memo(limit=3)
    m.put("a", 1)
    m.put("b", 2)
    assert not m.make_room(1) and len(m) == 2
    assert m.make_room(2) and len(m) == 0
