"""Score system output against hand-annotated gold articles (the scoring of GOLD.md).

Both sides are dicts in the gold layout (``text``, ``events``, ``statements``,
``aggregates``). Each article is scored on its own, then the counts are summed
over articles (micro-averaging):

- **E1** the set of event types; **E2** (type, actor codes, recipient codes);
  **E3** E2 plus the places (admin1 codes, or the country where no admin1);
  **E4** E3 plus the date, equal or within one day when both dates have day
  precision. Only asserted events count; optional gold events cost nothing.
- **modality**: for each required gold event that is negated, future or
  hypothetical, the system must leave it out or give it the same status.
- **S** statements as (sentence holding the evidence, speaker code).
- **A** aggregates as (metric, value), and **A+admin1** with the sorted admin1
  codes added.

Everything here is a pure function of its arguments; the command line formats
the :class:`EvalReport` with :func:`format_report` or :func:`report_to_dict`.
Choices GOLD.md leaves open are documented on the functions that make them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.text import sentence_spans

logger = logging.getLogger(__name__)

LINES: tuple[str, ...] = ("E1", "E2", "E3", "E4", "S", "A", "A+admin1")
"""The score lines, in report order."""

EVENT_LINES: tuple[str, ...] = ("E1", "E2", "E3", "E4")
NON_ASSERTED: frozenset[str] = frozenset({"negated", "future", "hypothetical"})
"""Gold statuses scored by the modality line."""

Item = tuple[Any, ...]
"""One compared tuple: its shape depends on the line (see :func:`event_key`)."""

_EXCERPT_CHARS = 70


# ---------------------------------------------------------------- report types


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one score line."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def produced(self) -> int:
        """Number of system tuples that were scored (tp + fp)."""
        return self.tp + self.fp

    @property
    def expected(self) -> int:
        """Number of gold tuples that were scored (tp + fn)."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp), or 0.0 when nothing was produced."""
        return self.tp / self.produced if self.produced else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), or 0.0 when nothing was expected."""
        return self.tp / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, or 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        """Add the counts of ``other`` to these counts in place."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(slots=True)
class Modality:
    """Modality accuracy: gold non-asserted events the system got right, out of all of them."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        """correct / total, or 0.0 when there was nothing to score."""
        return self.correct / self.total if self.total else 0.0

    def add(self, other: Modality) -> None:
        """Add the counts of ``other`` to these counts in place."""
        self.correct += other.correct
        self.total += other.total


@dataclass(slots=True)
class ArticleScore:
    """The scores of one article and the tuples behind the lost points.

    Attributes:
        doc_id: The article's ``doc_id``.
        lines: Counts per score line, in the order of :data:`LINES`.
        missed: Per line, the gold tuples the system did not produce (false negatives).
        spurious: Per line, the system tuples that match no gold tuple (false positives).
        modality: This article's modality counts.
        modality_errors: (E2 tuple, gold status, system statuses) for each modality error.
        excerpts: Start of each sentence named by a missed or spurious statement, by index.
    """

    doc_id: str
    lines: dict[str, Counts]
    missed: dict[str, list[Item]]
    spurious: dict[str, list[Item]]
    modality: Modality = field(default_factory=Modality)
    modality_errors: list[tuple[Item, str, tuple[str, ...]]] = field(default_factory=list)
    excerpts: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class EvalReport:
    """Micro-averaged scores over a set of articles, with the per-article detail.

    Attributes:
        lines: Counts per score line summed over articles, in the order of :data:`LINES`.
        modality: Modality counts summed over articles.
        articles: One :class:`ArticleScore` per scored pair, in input order.
    """

    lines: dict[str, Counts]
    modality: Modality
    articles: list[ArticleScore]


# ---------------------------------------------------------------- tuples


def _codes(entities: Iterable[Mapping[str, Any]] | None) -> tuple[str, ...]:
    """Sorted unique codes of actor/recipient entries; entries without a code are ignored."""
    return tuple(sorted({e["code"] for e in entities or () if e and e.get("code") is not None}))


def _places(locations: Iterable[Mapping[str, Any]] | None) -> tuple[str, ...]:
    """Sorted unique admin1 codes, the country standing in where admin1 is null.

    Places with neither an admin1 nor a country code are dropped. A sorted tuple
    rather than a frozenset keeps reports deterministic; equality is the same.
    """
    codes = {(loc.get("admin1") or loc.get("country")) for loc in locations or () if loc}
    codes.discard(None)
    codes.discard("")
    return tuple(sorted(codes))


def event_key(event: Mapping[str, Any], line: str) -> Item:
    """The tuple an event is compared by on one event line.

    Args:
        event: An event dict in the gold layout.
        line: ``"E1"`` (type,), ``"E2"`` (type, actors, recipients), ``"E3"`` E2 +
            (places,) or ``"E4"`` E3 + (date,); actors, recipients and places are
            sorted tuples of unique codes.

    Returns:
        The tuple for that line.
    """
    kind = event.get("type")
    if line == "E1":
        return (kind,)
    e2 = (kind, _codes(event.get("actor")), _codes(event.get("recipient")))
    if line == "E2":
        return e2
    e3 = (*e2, _places(event.get("location")))
    if line == "E3":
        return e3
    if line == "E4":
        return (*e3, event.get("date"))
    raise ValueError(f"not an event line: {line!r}")


def _status(event: Mapping[str, Any]) -> str:
    """An event's status; a missing status counts as asserted."""
    return event.get("status") or "asserted"


def _is_day(event: Mapping[str, Any]) -> bool:
    return event.get("date_precision") == "day" and _parse_date(event.get("date")) is not None


def _parse_date(value: Any) -> Date | None:
    if not isinstance(value, str):
        return None
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


def _order(value: Any) -> tuple[Any, ...]:
    """A sort key that orders tuples holding None, strings, numbers and nested tuples."""
    if value is None:
        return (0, "")
    if isinstance(value, bool | int | float):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    if isinstance(value, tuple | list):
        return (3, tuple(_order(v) for v in value))
    return (4, repr(value))


def _sorted(items: Iterable[Item]) -> list[Item]:
    return sorted(items, key=_order)


# ---------------------------------------------------------------- matching


def _match_sets(
    system: set[Item], required: set[Item], optional: set[Item]
) -> tuple[Counts, list[Item], list[Item]]:
    """Score a system set against required and optional gold sets.

    A system tuple in ``required`` is a TP; one only in ``optional`` is dropped;
    any other is a FP. Required tuples not produced are FNs; optional ones never are.

    Returns:
        The counts, the missed (FN) tuples and the spurious (FP) tuples, sorted.
    """
    optional = optional - required
    tp = system & required
    missed = required - system
    spurious = system - required - optional
    return Counts(len(tp), len(spurious), len(missed)), _sorted(missed), _sorted(spurious)


def _e4_items(events: Iterable[Mapping[str, Any]]) -> dict[Item, bool]:
    """E4 tuples of ``events`` with a day-precision flag, duplicates merged.

    Two events with the same E4 tuple are one tuple (set semantics); the tuple
    has day precision when any of them has.
    """
    items: dict[Item, bool] = {}
    for ev in events:
        key = event_key(ev, "E4")
        items[key] = items.get(key, False) or _is_day(ev)
    return items


def _near(a: Item, b: Item) -> bool:
    """True when two E4 tuples share their E3 part and their dates are at most one day apart."""
    if a[:-1] != b[:-1]:
        return False
    da, db = _parse_date(a[-1]), _parse_date(b[-1])
    return da is not None and db is not None and abs((da - db).days) <= 1


def _match_one_to_one(system: dict[Item, bool], gold: dict[Item, bool]) -> set[Item]:
    """Match system E4 tuples one-to-one to gold E4 tuples; return the matched system tuples.

    A system tuple may match a gold tuple that is equal to it, or, when both have
    day precision, one with the same E3 part and a date at most one day away.
    Equal tuples are paired first (greedily); augmenting paths then add as many
    near pairs as possible, so the number of matches is the maximum and does not
    depend on the order of the events (gold 7 and 8 March against system 8 and
    9 March is two matches, not one). Matched tuples are removed from both dicts.
    """
    gold_order = _sorted(gold)
    sys_order = _sorted(system)
    links = {
        g: [s for s in sys_order if s == g or (system[s] and gold[g] and _near(g, s))] for g in gold_order
    }
    partner: dict[Item, Item] = {k: k for k in sys_order if k in gold}  # system tuple -> gold tuple

    def augment(g: Item, seen: set[Item]) -> bool:
        for s in links[g]:
            if s in seen:
                continue
            seen.add(s)
            if s not in partner or augment(partner[s], seen):
                partner[s] = g
                return True
        return False

    taken = set(partner.values())
    for g in gold_order:
        if g not in taken:
            augment(g, set())
    for s, g in partner.items():
        del system[s], gold[g]
    return set(partner)


def _match_e4(
    system_events: Sequence[Mapping[str, Any]],
    required_events: Sequence[Mapping[str, Any]],
    optional_events: Sequence[Mapping[str, Any]],
) -> tuple[Counts, list[Item], list[Item]]:
    """Score E4 with a one-to-one matching, since "within one day" is not an equality.

    System tuples are matched to required gold tuples first; those left over are
    matched to optional gold tuples and dropped. A tuple that is both required
    and optional is required.
    """
    system = _e4_items(system_events)
    required = _e4_items(required_events)
    optional = {k: v for k, v in _e4_items(optional_events).items() if k not in required}
    tp = len(_match_one_to_one(system, required))
    _match_one_to_one(system, optional)
    return Counts(tp, len(system), len(required)), _sorted(required), _sorted(system)


# ---------------------------------------------------------------- statements


def sentence_of(text: str, evidence: str, spans: Sequence[tuple[int, int]]) -> int | None:
    """Index of the sentence that holds ``evidence`` in ``text``.

    The evidence is located with ``str.find`` (first occurrence). The sentence
    whose span contains the evidence start wins; when the start falls between
    sentences (leading whitespace), the sentence overlapping the evidence most.

    Args:
        text: The article text.
        evidence: A verbatim substring of ``text``.
        spans: The sentence spans of ``text`` from :func:`rasd.text.sentence_spans`.

    Returns:
        The sentence index, or None when the evidence is empty, not in the text
        or overlaps no sentence.
    """
    if not evidence:
        return None
    start = text.find(evidence)
    if start < 0:
        return None
    end = start + len(evidence)
    for i, (s, e) in enumerate(spans):
        if s <= start < e:
            return i
    best, best_overlap = None, 0
    for i, (s, e) in enumerate(spans):
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _statement_items(
    statements: Iterable[Mapping[str, Any]],
    text: str,
    spans: Sequence[tuple[int, int]],
    doc_id: str,
    side: str,
) -> set[Item]:
    items: set[Item] = set()
    for n, st in enumerate(statements):
        evidence = st.get("evidence") or ""
        idx = sentence_of(text, evidence, spans)
        if idx is None:
            logger.warning(
                "%s: %s statement %d: evidence not found in the text, skipped: %r",
                doc_id, side, n, evidence[:60],
            )
            continue
        speaker = st.get("speaker") or {}
        items.add((idx, speaker.get("code")))
    return items


# ---------------------------------------------------------------- aggregates


def _aggregate_items(aggregates: Iterable[Mapping[str, Any]]) -> tuple[set[Item], set[Item]]:
    """The (metric, value) and (metric, value, sorted admin1) sets of an article."""
    plain: set[Item] = set()
    placed: set[Item] = set()
    for ag in aggregates:
        metric, value = ag.get("metric"), ag.get("value")
        admin1 = tuple(sorted({a for a in ag.get("admin1") or () if a}))
        plain.add((metric, value))
        placed.add((metric, value, admin1))
    return plain, placed


# ---------------------------------------------------------------- scoring


def _list(doc: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    return [x for x in doc.get(key) or () if isinstance(x, Mapping)]


def _score_modality(
    gold_events: Sequence[Mapping[str, Any]], system_events: Sequence[Mapping[str, Any]]
) -> tuple[Modality, list[tuple[Item, str, tuple[str, ...]]]]:
    """Modality accuracy of one article.

    Each required gold event that is negated, future or hypothetical is correct
    when the system has no asserted event with the same E2 tuple, or has one
    with the same E2 tuple and the same status. Gold events with the same E2
    tuple and status are scored once; optional gold events are not scored.
    """
    by_e2: dict[Item, set[str]] = {}
    for ev in system_events:
        by_e2.setdefault(event_key(ev, "E2"), set()).add(_status(ev))
    targets = {
        (event_key(ev, "E2"), _status(ev))
        for ev in gold_events
        if not ev.get("optional") and _status(ev) in NON_ASSERTED
    }
    result = Modality(total=len(targets))
    errors: list[tuple[Item, str, tuple[str, ...]]] = []
    for key, status in sorted(targets, key=_order):
        got = by_e2.get(key, set())
        if "asserted" not in got or status in got:
            result.correct += 1
        else:
            errors.append((key, status, tuple(sorted(got))))
    return result, errors


def score_article(
    gold: Mapping[str, Any], system: Mapping[str, Any], doc_id: str | None = None
) -> ArticleScore:
    """Score one article's system output against its gold annotation.

    Sentences for the S line are cut from the gold text, for the gold and the
    system statements alike; a statement whose evidence is not in the gold text
    is skipped with a warning.

    Args:
        gold: The gold document.
        system: The system document, in the same layout.
        doc_id: Name to report; defaults to the gold (then system) ``doc_id``.

    Returns:
        The article's counts and the tuples it missed or produced wrongly.
    """
    doc_id = doc_id or str(gold.get("doc_id") or system.get("doc_id") or "?")
    lines: dict[str, Counts] = {}
    missed: dict[str, list[Item]] = {}
    spurious: dict[str, list[Item]] = {}

    gold_events, sys_events = _list(gold, "events"), _list(system, "events")
    asserted = [ev for ev in gold_events if _status(ev) == "asserted"]
    required = [ev for ev in asserted if not ev.get("optional")]
    optional = [ev for ev in asserted if ev.get("optional")]
    sys_asserted = [ev for ev in sys_events if _status(ev) == "asserted"]

    for line in EVENT_LINES:
        if line == "E4":
            result = _match_e4(sys_asserted, required, optional)
        else:
            result = _match_sets(
                {event_key(ev, line) for ev in sys_asserted},
                {event_key(ev, line) for ev in required},
                {event_key(ev, line) for ev in optional},
            )
        lines[line], missed[line], spurious[line] = result

    text = gold.get("text") or ""
    spans = sentence_spans(text)
    s_gold = _statement_items(_list(gold, "statements"), text, spans, doc_id, "gold")
    s_sys = _statement_items(_list(system, "statements"), text, spans, doc_id, "system")
    lines["S"], missed["S"], spurious["S"] = _match_sets(s_sys, s_gold, set())

    a_gold, a1_gold = _aggregate_items(_list(gold, "aggregates"))
    a_sys, a1_sys = _aggregate_items(_list(system, "aggregates"))
    lines["A"], missed["A"], spurious["A"] = _match_sets(a_sys, a_gold, set())
    lines["A+admin1"], missed["A+admin1"], spurious["A+admin1"] = _match_sets(a1_sys, a1_gold, set())

    modality, modality_errors = _score_modality(gold_events, sys_events)
    excerpts = {
        idx: _excerpt(text[spans[idx][0]: spans[idx][1]])
        for idx, _ in missed["S"] + spurious["S"]
    }
    return ArticleScore(doc_id, lines, missed, spurious, modality, modality_errors, excerpts)


def score_articles(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> EvalReport:
    """Score (gold, system) document pairs and micro-average over them.

    Args:
        pairs: (gold_doc, system_doc) dicts in the GOLD.md layout, one pair per article.

    Returns:
        The summed counts per line, the modality accuracy and the per-article scores.
    """
    totals = {line: Counts() for line in LINES}
    modality = Modality()
    articles: list[ArticleScore] = []
    for n, (gold, system) in enumerate(pairs):
        score = score_article(gold, system, str(gold.get("doc_id") or system.get("doc_id") or f"#{n}"))
        for line in LINES:
            totals[line].add(score.lines[line])
        modality.add(score.modality)
        articles.append(score)
    return EvalReport(totals, modality, articles)


# ---------------------------------------------------------------- input


def load_gold_dir(path: Path) -> list[dict[str, Any]]:
    """Read every ``*.json`` gold article in a directory, in sorted file-name order.

    Args:
        path: A directory of gold files, one article per file.

    Returns:
        The parsed documents.

    Raises:
        InputError: The directory is missing or holds no ``*.json`` file, or a
            file cannot be read, is not valid JSON, is not a JSON object, or lacks
            a string ``doc_id`` or ``text``.
    """
    path = Path(path)
    if not path.is_dir():
        raise InputError("not a directory", path=str(path))
    files = sorted(path.glob("*.json"))
    if not files:
        raise InputError("no *.json gold files in this directory", path=str(path))
    docs: list[dict[str, Any]] = []
    for file in files:
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", str(file), exc.lineno) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read file: {exc}", path=str(file)) from exc
        if not isinstance(doc, dict):
            raise InputError(f"expected a JSON object, found {type(doc).__name__}", path=str(file))
        for key in ("doc_id", "text"):
            if not isinstance(doc.get(key), str):
                raise InputError(f"missing or non-string field {key!r}", path=str(file))
        docs.append(doc)
    return docs


# ---------------------------------------------------------------- output


def _excerpt(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= _EXCERPT_CHARS else sentence[: _EXCERPT_CHARS - 1] + "…"


def _join(codes: Sequence[str]) -> str:
    return "+".join(codes) if codes else "?"


def describe(line: str, item: Item) -> str:
    """A tuple written readably, e.g. ``ASSAULT RUS -> SYR @ SY-RD on 2018-03-01``.

    Args:
        line: The score line the tuple belongs to.
        item: The tuple.

    Returns:
        One line of text; ``?`` stands for an empty code list or a null value.
    """
    if line in EVENT_LINES:
        out = str(item[0])
        if len(item) >= 3:
            out += f" {_join(item[1])} -> {_join(item[2])}"
        if len(item) >= 4:
            out += f" @ {','.join(item[3]) or '?'}"
        if len(item) >= 5:
            out += f" on {item[4] or '?'}"
        return out
    if line == "S":
        return f"sentence {item[0]} speaker {item[1] or '?'}"  # 0-based, as in the JSON
    if line == "A":
        return f"{item[0]} = {item[1]}"
    if line == "A+admin1":
        return f"{item[0]} = {item[1]} @ {','.join(item[2]) or '?'}"
    return repr(item)


def _item_json(line: str, item: Item) -> dict[str, Any]:
    if line in EVENT_LINES:
        names = ("type", "actors", "recipients", "places", "date")
        return {k: list(v) if isinstance(v, tuple) else v for k, v in zip(names, item, strict=False)}
    if line == "S":
        return {"sentence": item[0], "speaker": item[1]}
    out = {"metric": item[0], "value": item[1]}
    if line == "A+admin1":
        out["admin1"] = list(item[2])
    return out


def _fmt(value: float, defined: bool) -> str:
    return f"{value:.3f}" if defined else "-"


def _counts_cells(c: Counts) -> tuple[str, str, str]:
    return (
        _fmt(c.precision, c.produced > 0),
        _fmt(c.recall, c.expected > 0),
        _fmt(c.f1, c.produced + c.expected > 0),
    )


def format_report(report: EvalReport, per_article: bool = False) -> str:
    """The report as a plain-text table, optionally followed by per-article detail.

    Precision shows ``-`` when nothing was produced, recall when nothing was
    expected, F1 when neither (the values themselves are 0 then).

    Args:
        report: The report from :func:`score_articles`.
        per_article: Also list, per article, each line's F1 and the missed and
            spurious tuples.

    Returns:
        The text, ending with a newline.
    """
    rows = [f"{'line':<9} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"]
    for line in LINES:
        c = report.lines[line]
        p, r, f = _counts_cells(c)
        rows.append(f"{line:<9} {p:>6} {r:>6} {f:>6} {c.tp:>6} {c.fp:>6} {c.fn:>6}")
    m = report.modality
    rows.append(f"modality accuracy {_fmt(m.accuracy, m.total > 0)} ({m.correct}/{m.total})")
    rows.append(f"articles {len(report.articles)}")
    if per_article:
        for art in report.articles:
            rows.append("")
            rows.append(f"== {art.doc_id}")
            rows.append("  " + "  ".join(f"{ln} {_counts_cells(art.lines[ln])[2]}" for ln in LINES))
            if art.modality.total:
                rows.append(f"  modality {art.modality.correct}/{art.modality.total}")
            for line in LINES:
                for label, items in (("missed", art.missed[line]), ("spurious", art.spurious[line])):
                    for item in items:
                        text = describe(line, item)
                        if line == "S" and item[0] in art.excerpts:
                            text += f": {art.excerpts[item[0]]}"
                        rows.append(f"  {line} {label}: {text}")
            for key, status, got in art.modality_errors:
                rows.append(
                    f"  modality wrong: {describe('E2', key)} gold {status}, system {'/'.join(got)}"
                )
    return "\n".join(rows) + "\n"


def _counts_json(c: Counts) -> dict[str, Any]:
    return {
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
        "precision": c.precision,
        "recall": c.recall,
        "f1": c.f1,
    }


def report_to_dict(report: EvalReport) -> dict[str, Any]:
    """The report as JSON-ready dicts, lists, strings and numbers.

    Undefined precision, recall, F1 and accuracy are given as 0.0 (see :class:`Counts`).

    Args:
        report: The report from :func:`score_articles`.

    Returns:
        ``{"lines": {line: counts}, "modality": {...}, "articles": [...]}``; each
        article lists its counts and its missed and spurious tuples as objects.
    """
    return {
        "lines": {line: _counts_json(report.lines[line]) for line in LINES},
        "modality": {
            "correct": report.modality.correct,
            "total": report.modality.total,
            "accuracy": report.modality.accuracy,
        },
        "articles": [
            {
                "doc_id": art.doc_id,
                "lines": {line: _counts_json(art.lines[line]) for line in LINES},
                "modality": {"correct": art.modality.correct, "total": art.modality.total},
                "missed": {line: [_item_json(line, i) for i in art.missed[line]] for line in LINES},
                "spurious": {line: [_item_json(line, i) for i in art.spurious[line]] for line in LINES},
                "modality_errors": [
                    {"event": _item_json("E2", key), "gold_status": status, "system_statuses": list(got)}
                    for key, status, got in art.modality_errors
                ],
            }
            for art in report.articles
        ],
    }
