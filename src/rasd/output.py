"""Writing documents out: full JSON records with offsets, the gold layout, and a readable summary."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rasd.doc import Doc


def doc_to_json(doc: Doc) -> dict[str, Any]:
    """Every record of the document, with (start, end) offsets into ``text``."""
    return {
        **doc.article.meta(),
        "text": doc.text,
        "stages": list(doc.stages),
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "mentions": [asdict(m) for m in doc.mentions],
        "places": [asdict(p) for p in doc.places],
        "times": [asdict(t) for t in doc.times],
        "quantities": [asdict(q) for q in doc.quantities],
        "statements": [asdict(s) for s in doc.statements],
        "events": [asdict(e) for e in doc.events],
        "aggregates": [asdict(a) for a in doc.aggregates],
    }


def doc_to_gold(doc: Doc) -> dict[str, Any]:
    """The article in the gold annotation layout: input fields plus events, statements, aggregates."""
    text = doc.text
    return {
        **doc.article.meta(),
        "text": text,
        "events": [e.gold(text) for e in doc.events],
        "statements": [s.gold(text) for s in doc.statements],
        "aggregates": [a.gold(text) for a in doc.aggregates],
    }


def _actor(a: Any) -> str:
    if a is None:
        return "?"
    return f"{a.text} [{a.code or '-'} {a.sector or '-'}]"


def doc_to_text(doc: Doc, explain: bool = False) -> str:
    """A summary for a person: one line per record, with the Arabic words behind it.

    With ``explain``, each event, statement and aggregate is followed by its coding trace: the
    lexicon entry and the rules that produced it.
    """
    lines = [f"# {doc.article.doc_id}" + (f" ({doc.article.published})" if doc.article.published else "")]
    if doc.events:
        lines.append(f"\nEvents ({len(doc.events)})")
    for e in doc.events:
        who = ", ".join(_actor(a) for a in e.actor) or "-"
        whom = ", ".join(_actor(a) for a in e.recipient) or "-"
        where = ", ".join(f"{p.text} [{p.admin1 or p.country}]" for p in e.location) or "-"
        extra = f" size={e.size}" if e.size else ""
        if e.report_score is not None:
            extra += f" report={e.report_score:.2f}"
        status = "" if e.status == "asserted" else f" ({e.status})"
        lines.append(f"  {e.type}{'/' + e.mode if e.mode else ''}{status}: {who} -> {whom} | at {where}"
                     f" | on {e.date or 'unknown'}{extra}")
        lines.append(f"      «{e.trigger}» in «{doc.text[e.start:e.end]}»")
        if explain:
            lines.extend(f"      · {t}" for t in e.trace)
    if doc.statements:
        lines.append(f"\nStatements ({len(doc.statements)})")
    for s in doc.statements:
        via = f" via {_actor(s.via)}" if s.via else ""
        lines.append(f"  {_actor(s.speaker)} {s.cue} ({s.kind}){via}: «{doc.text[s.start:s.end][:90]}»")
        if explain:
            lines.extend(f"      · {t}" for t in s.trace)
    if doc.aggregates:
        lines.append(f"\nAggregates ({len(doc.aggregates)})")
    for a in doc.aggregates:
        lines.append(f"  {a.metric} = {a.value} ({a.period}) in {', '.join(a.admin1) or '-'}"
                     f" by {_actor(a.reporter)}: «{doc.text[a.start:a.end]}»")
        if explain:
            lines.extend(f"      · {t}" for t in a.trace)
    if doc.places:
        lines.append("\nPlaces")
        seen = set()
        for p in doc.places:
            key = (p.text, p.admin1, p.country)
            if key not in seen:
                seen.add(key)
                lines.append(f"  {p.text}: {p.name} [{p.country} {p.admin1 or ''}] precision {p.precision}")
    if doc.times:
        lines.append("\nDates")
        for t in doc.times:
            lines.append(f"  {t.text}: {t.date or 'unknown'} ({t.precision})")
    return "\n".join(lines)
