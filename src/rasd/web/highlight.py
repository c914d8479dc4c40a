"""Evidence highlighting: an article's text as escaped HTML with ``<mark>`` over each record's offsets.

Every slice of the text is escaped on its own and the joined result is wrapped in ``Markup`` once, so
article text can never become markup, whatever it holds (``<script>``, tags, ``javascript:`` URLs).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Highlight:
    """One record to highlight: offsets into the text, its id (``e0``, ``s1``, ``a2``), kind and a short label."""

    start: int
    end: int
    rid: str
    kind: str  # event, trigger, statement, aggregate
    label: str


_PRIORITY = {"trigger": 0, "aggregate": 1, "event": 2, "statement": 3}


def highlight(text: str, spans: list[Highlight]) -> Markup:
    """``text`` as HTML with every span in a ``<mark>``; overlapping spans nest by cutting at every boundary.

    Each piece of text between two boundaries is marked with all records covering it
    (``data-rec="e0 s1"``); its class is the most specific kind (trigger, then aggregate, event,
    statement), and ``title`` lists the records' labels.

    >>> str(highlight("a <b> c", [Highlight(2, 5, "e0", "event", "ASSAULT")]))
    'a <mark class="rec rec-event" data-rec="e0" title="ASSAULT" tabindex="0">&lt;b&gt;</mark> c'
    """
    n = len(text)
    good = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in good), *(s.end for s in good)})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b])
        cover = [s for s in good if s.start <= a and b <= s.end]
        if not cover:
            out.append(str(piece))
            continue
        cover.sort(key=lambda s: (_PRIORITY.get(s.kind, 9), s.end - s.start))
        ids = " ".join(dict.fromkeys(s.rid for s in cover))
        title = " | ".join(dict.fromkeys(s.label for s in cover))
        out.append(
            f'<mark class="rec rec-{escape(cover[0].kind)}" data-rec="{escape(ids)}" title="{escape(title)}" '
            f'tabindex="0">{piece}</mark>'
        )
    return Markup("".join(out))


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL (fit for an ``href``), else ``None``: no ``javascript:`` links."""
    if not url:
        return None
    u = url.strip()
    return u if u.lower().startswith(("http://", "https://")) and not any(c in u for c in "\"'<> \n\t") else None
