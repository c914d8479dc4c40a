"""Scoring against the OEDA Arabic gold standard: ASSAULT and PROTEST detection per sentence, actor codes.

The OEDA set (Open Event Data Alliance, 2018) has two kinds of file:

- ``assault_gsr.csv`` and ``protest_gsr.csv``: one sentence a row with a ``label`` given by annotators,
  ``yes`` (unanimous accept), ``easy no`` (unanimous reject), ``difficult no`` (mostly reject) or
  ``ambiguous`` (too few labels).
- ``assault_spans.json`` and ``protest_spans.json``: sentences with event spans marked by several coders,
  each span with the source and target actor and their CAMEO-style codes (``main`` country or body,
  ``role`` sector).

Detection: a sentence counts as detected when rasd produces an event of the file's type whose status is
among the counted statuses (``asserted`` only by default: the annotators were asked whether the sentence
reports an attack or a protest, and a denied, planned or conditional one is not one). ``yes`` is
positive, ``easy no`` and ``difficult no`` are negative, ``ambiguous`` is left out of the scores (and
reported on its own); ``difficult no`` false positives are reported separately because they are the
near misses annotators disagreed on.

Actor codes: for every span sentence the gold source (and target) is the (code, role) most coders gave,
see :func:`gold_role`. CAMEO codes are translated to rasd's with :data:`CAMEO_CODE` and
:data:`CAMEO_ROLE`; a gold code with no rasd equivalent is not scored. A gold code is right when it is
among the codes of the actors (resp. recipients) of the counted events of that type in the sentence.

Publication date: a sentence id of the Gigaword form (``AAW_ARB_20071231.0003-1``) carries its article's
date, which :func:`published_of` reads, so that dates resolve and an attack dated more than a year
before the article counts as history the sentence recalls (context ``background``), not one it reports.
Ids without a date (the hashed ids of the protest files) run without one.

Every function here is pure; :mod:`rasd.cli.eval_oeda` reads the files and runs the pipeline.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rasd.errors import InputError
from rasd.text import norm

if TYPE_CHECKING:
    from rasd.salience_train import Example, Params
    from rasd.stages.salience import SalienceModel

SalienceMode = Literal["cv", "model", "off"]

TYPES: tuple[str, ...] = ("ASSAULT", "PROTEST")
"""The event types OEDA labels, in report order."""

DETECTION_FILES: Mapping[str, str] = {"ASSAULT": "assault_gsr.csv", "PROTEST": "protest_gsr.csv"}
SPAN_FILES: Mapping[str, str] = {"ASSAULT": "assault_spans.json", "PROTEST": "protest_spans.json"}

POSITIVE = "yes"
NEGATIVE: tuple[str, ...] = ("easy no", "difficult no")
LEFT_OUT = "ambiguous"
LABELS: tuple[str, ...] = (POSITIVE, *NEGATIVE, LEFT_OUT)

DEFAULT_STATUSES: frozenset[str] = frozenset({"asserted"})
"""Event statuses that count as a detection unless the caller says otherwise."""

CAMEO_CODE: Mapping[str, str | None] = {
    # CAMEO country codes that are not the ISO 3166-1 alpha-3 code of the same country.
    "ROM": "ROU",  # Romania
    "ZAR": "COD",  # Democratic Republic of the Congo
    "TMP": "TLS",  # East Timor
    "YUG": "SRB",  # Yugoslavia / Serbia
    "SER": "SRB",
    "BUR": "MMR",  # Burma
    "GZS": "PSE",  # Gaza Strip
    "WST": "PSE",  # West Bank
    "PAL": "PSE",
    # CAMEO bodies without a rasd code: not scored.
    "INT": None,  # unspecified international / multinational
    "KUR": None,  # Kurds (an ethnic group; rasd codes Kurdish groups by country)
    "NON": None,
    "None": None,
    "": None,
}
"""CAMEO ``main`` codes that differ from rasd's actor codes (None: no rasd equivalent, not scored).

Every other code is taken as it is: ISO3 country codes and the bodies rasd shares with CAMEO (IGO, NGO,
IMG, MNC, UNO, EUR).
"""

CAMEO_ROLE: Mapping[str, str | None] = {
    "MED": "JRN",  # CAMEO MED is media; rasd's MED is medical
    "HLH": "MED",  # CAMEO health
    "CRM": None,  # criminals: no rasd sector
    "ELI": "ELI",
    "None": None,
    "": None,
}
"""CAMEO roles that differ from rasd's sectors (None: not scored); every other role is taken as it is."""


# ------------------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Sentence:
    """One labelled sentence of a detection file."""

    id: str
    type: str
    label: str
    text: str
    votes: tuple[int, int] | None = None
    """(accept, reject): how many annotators accepted and rejected the label, when the file says."""


@dataclass(frozen=True, slots=True)
class SpanSentence:
    """One sentence of a span file with the majority gold source and target, as (code, role) pairs.

    ``source`` and ``target`` hold the CAMEO values as annotated (``"None"`` included); None when no coder
    gave a code.
    """

    id: str
    type: str
    text: str
    source: tuple[str, str] | None
    target: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class Found:
    """What the system produced for one sentence: the counted events' actor and recipient codes."""

    detected: bool
    actor_codes: frozenset[str | None] = frozenset()
    recipient_codes: frozenset[str | None] = frozenset()
    actor_sectors: frozenset[str | None] = frozenset()
    recipient_sectors: frozenset[str | None] = frozenset()
    types: tuple[str, ...] = ()
    triggers: frozenset[str] = frozenset()
    """Normalised trigger words of the counted events."""


@dataclass(slots=True)
class Detection:
    """Confusion counts of one event type, with the negatives split by label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    by_label: dict[str, Counter[str]] = field(default_factory=dict)
    """label → Counter of ``detected`` / ``missed`` (every label, ambiguous included)."""
    by_trigger: dict[str, Counter[str]] = field(default_factory=dict)
    """normalised trigger → Counter of the labels of the sentences it detected."""

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0.0 when nothing was detected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0.0 when there is no positive."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def false_positives(self, label: str) -> int:
        """Sentences of a negative ``label`` that were detected."""
        return self.by_label.get(label, Counter())["detected"]

    def total(self, label: str) -> int:
        """Sentences with ``label``."""
        c = self.by_label.get(label, Counter())
        return c["detected"] + c["missed"]


@dataclass(slots=True)
class CodeScore:
    """Accuracy of one actor slot (source or target) on one attribute (code or sector)."""

    scored: int = 0  # gold sentences with a scorable value
    detected: int = 0  # of those, sentences where the system produced a counted event
    correct: int = 0

    @property
    def accuracy(self) -> float:
        """correct / scored: a sentence with no event counts as wrong."""
        return self.correct / self.scored if self.scored else 0.0

    @property
    def accuracy_detected(self) -> float:
        """correct / detected: argument assignment alone, given the event was found."""
        return self.correct / self.detected if self.detected else 0.0


@dataclass(slots=True)
class Error:
    """One sentence the system got wrong, for inspection."""

    kind: str  # "missed" (a yes not detected) or "false alarm" (a no detected)
    type: str
    id: str
    label: str
    text: str
    found: tuple[str, ...] = ()


@dataclass(slots=True)
class OedaReport:
    """Everything ``rasd eval oeda`` prints."""

    statuses: tuple[str, ...]
    detection: dict[str, Detection] = field(default_factory=dict)
    codes: dict[str, dict[str, CodeScore]] = field(default_factory=dict)
    """type → slot ("source code", "source sector", "target code", "target sector") → score."""
    errors: list[Error] = field(default_factory=list)
    salience: dict[str, list[Detection]] = field(default_factory=dict)
    """type → detection when the salience model must also call the sentence a report, one per cross-validation
    seed (one for a model scored as it is; see :func:`evaluate`)."""
    salience_how: str = ""
    """How those figures were made: ``5-fold cross-validation`` or ``the model in <file>``."""
    annotator: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    """type → expected (P, R, F1) of one of the gold's annotators (:func:`annotator_reference`)."""


# ------------------------------------------------------------------------------------------- reading


def read_detection(text: str, event_type: str, name: str = "<csv>") -> list[Sentence]:
    """Rows of a detection CSV (columns ``id``, ``label``, ``text``; others ignored).

    Raises:
        InputError: a column is missing or a label is unknown.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = {"id", "label", "text"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"missing column(s) {', '.join(sorted(missing))}", path=name)
    out = []
    for n, row in enumerate(reader, start=2):
        label = (row["label"] or "").strip()
        if label not in LABELS:
            raise InputError(f"unknown label {label!r}", path=name, line=n)
        out.append(Sentence(id=row["id"], type=event_type, label=label, text=row["text"] or "",
                            votes=_votes(row)))
    return out


def _votes(row: Mapping[str, str | None]) -> tuple[int, int] | None:
    accept, reject = (row.get(k) or "" for k in ("accept", "reject"))
    return (int(accept), int(reject)) if accept.isdigit() and reject.isdigit() else None


def annotator_reference(sentences: Iterable[Sentence]) -> dict[str, tuple[float, float, float]]:
    """Per type, the expected precision, recall and F1 of one of the gold's own annotators, drawn at random
    for each sentence, scored like a system (``yes`` positive, the two ``no`` labels negative): on a sentence
    that ``a`` annotators accepted and ``r`` rejected, the annotator accepts with probability a / (a + r).
    Only sentences with votes count; a type with none is left out.

    The gold's ``yes`` needs every vote, so such an annotator finds every report (recall 1) and accepts a
    ``difficult no`` as often as its dissenters do: that is how far one careful reader agrees with this gold,
    a reference for any system's score on it (it is scored against a gold it is part of, so it is, if anything,
    high).
    """
    counts: dict[str, list[float]] = {}
    for s in sentences:
        if s.label == LEFT_OUT or not s.votes or sum(s.votes) == 0:
            continue
        share = s.votes[0] / sum(s.votes)
        tp_fp_fn = counts.setdefault(s.type, [0.0, 0.0, 0.0])
        if s.label == "yes":
            tp_fp_fn[0] += share
            tp_fp_fn[2] += 1 - share
        else:
            tp_fp_fn[1] += share
    out = {}
    for t, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def gold_role(spans: Sequence[Mapping[str, Any]], slot: str) -> tuple[str, str] | None:
    """The (main, role) pair most coders gave for ``slot`` (``source_role`` or ``target_role``).

    Span records with no code (``{}`` or ``"UNKNOWN"``) do not vote; ties go to the pair seen first.
    """
    votes: Counter[tuple[str, str]] = Counter()
    for sp in spans:
        r = sp.get(slot)
        if not isinstance(r, Mapping) or not r or (r.get("main") is None and r.get("role") is None):
            continue
        votes[(str(r.get("main")), str(r.get("role")))] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def read_spans(text: str, event_type: str, name: str = "<json>") -> list[SpanSentence]:
    """Sentences of a span JSON file (a list of ``{source, text, spans: [...]}``).

    Raises:
        InputError: the file is not a JSON list of objects with ``text`` and ``spans``.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON ({e.msg} at line {e.lineno})", path=name) from e
    if not isinstance(data, list):
        raise InputError("expected a JSON list of sentences", path=name)
    out = []
    for n, rec in enumerate(data, start=1):
        if not isinstance(rec, Mapping) or "text" not in rec or not isinstance(rec.get("spans"), list):
            raise InputError(f"record {n} has no text or spans", path=name)
        spans = [s for s in rec["spans"] if isinstance(s, Mapping)]
        out.append(SpanSentence(
            id=str(rec.get("source") or rec.get("_id") or n), type=event_type, text=str(rec["text"]),
            source=gold_role(spans, "source_role"), target=gold_role(spans, "target_role"),
        ))
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read ({e})", path=str(path)) from e


def load_dir(directory: Path) -> tuple[list[Sentence], list[SpanSentence]]:
    """Read the detection and span files of an OEDA folder (a file that is absent is skipped).

    Raises:
        InputError: none of the files is there, or one cannot be read.
    """
    sentences: list[Sentence] = []
    spans: list[SpanSentence] = []
    for t in TYPES:
        det, sp = directory / DETECTION_FILES[t], directory / SPAN_FILES[t]
        if det.is_file():
            sentences += read_detection(_read(det), t, str(det))
        if sp.is_file():
            spans += read_spans(_read(sp), t, str(sp))
    if not any((directory / f).is_file() for f in (*DETECTION_FILES.values(), *SPAN_FILES.values())):
        raise InputError(f"no OEDA file ({', '.join([*DETECTION_FILES.values(), *SPAN_FILES.values()])})",
                         path=str(directory))
    return sentences, spans


# ------------------------------------------------------------------------------------------- scoring


_ID_DATE = re.compile(r"_(\d{4})(\d{2})(\d{2})\.")


def published_of(sentence_id: str) -> str | None:
    """The article date in a Gigaword-style sentence id (AAW_ARB_20071231.0003-1 → 2007-12-31), else None."""
    m = _ID_DATE.search(sentence_id)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def found_in(events: Iterable[Any], event_type: str, statuses: Iterable[str] = DEFAULT_STATUSES) -> Found:
    """Summarise a sentence's events (``rasd.records.Event`` or anything with the same fields) for one type."""
    statuses = frozenset(statuses)
    evs = [e for e in events if e.type == event_type and e.status in statuses]
    # an attack the sentence refers to (بعد الهجوم، الموقع الذي هاجمته، تورطهم في التفجيرات) is not one it
    # reports: it detects nothing, though its actors still count when the sentence reports one
    reported = [e for e in evs if "background" not in (getattr(e, "context", None) or ())]
    return Found(
        detected=bool(reported),
        actor_codes=frozenset(a.code for e in evs for a in e.actor),
        recipient_codes=frozenset(a.code for e in evs for a in e.recipient),
        actor_sectors=frozenset(a.sector for e in evs for a in e.actor),
        recipient_sectors=frozenset(a.sector for e in evs for a in e.recipient),
        types=tuple(f"{e.type}:{e.status}:{e.trigger}" for e in events),
        triggers=frozenset(norm(e.trigger) for e in evs),
    )


def score_detection(rows: Iterable[tuple[Sentence, Found]]) -> tuple[dict[str, Detection], list[Error]]:
    """Per-type confusion counts of (gold sentence, system result) pairs, and the sentences got wrong."""
    out: dict[str, Detection] = {}
    errors: list[Error] = []
    for s, f in rows:
        d = out.setdefault(s.type, Detection())
        d.by_label.setdefault(s.label, Counter())["detected" if f.detected else "missed"] += 1
        for t in f.triggers:
            d.by_trigger.setdefault(t, Counter())[s.label] += 1
        if s.label == LEFT_OUT:
            continue
        if s.label == POSITIVE:
            if f.detected:
                d.tp += 1
            else:
                d.fn += 1
                errors.append(Error("missed", s.type, s.id, s.label, s.text, f.types))
        elif f.detected:
            d.fp += 1
            errors.append(Error("false alarm", s.type, s.id, s.label, s.text, f.types))
        else:
            d.tn += 1
    return out, errors


def rasd_code(cameo: str) -> str | None:
    """rasd's actor code for a CAMEO ``main`` code (None: no equivalent)."""
    if cameo in CAMEO_CODE:
        return CAMEO_CODE[cameo]
    return cameo if len(cameo) == 3 and cameo.isalpha() and cameo.isupper() else None


def rasd_sector(cameo: str) -> str | None:
    """rasd's sector for a CAMEO ``role`` (None: no equivalent)."""
    if cameo in CAMEO_ROLE:
        return CAMEO_ROLE[cameo]
    return cameo if len(cameo) == 3 and cameo.isalpha() and cameo.isupper() else None


SLOTS: tuple[str, ...] = ("source code", "source sector", "target code", "target sector")


def score_codes(rows: Iterable[tuple[SpanSentence, Found]]) -> dict[str, dict[str, CodeScore]]:
    """Per type and slot, how often the gold code (or sector) is among the system's actor (recipient) ones."""
    out: dict[str, dict[str, CodeScore]] = {}
    for s, f in rows:
        per = out.setdefault(s.type, {slot: CodeScore() for slot in SLOTS})
        for side, gold, codes, sectors in (("source", s.source, f.actor_codes, f.actor_sectors),
                                           ("target", s.target, f.recipient_codes, f.recipient_sectors)):
            if gold is None:
                continue
            for attr, want, have in (("code", rasd_code(gold[0]), codes), ("sector", rasd_sector(gold[1]), sectors)):
                if want is None:
                    continue
                sc = per[f"{side} {attr}"]
                sc.scored += 1
                if f.detected:
                    sc.detected += 1
                    if want in have:
                        sc.correct += 1
    return out


def article_of(s: Sentence) -> str:
    """The article a sentence comes from (``AAW_ARB_20071231.0003-1`` → ``AAW_ARB_20071231.0003``); for ids
    of no such form, its normalised text, so that a text filed under two ids counts once."""
    head, sep, tail = s.id.rpartition("-")
    return head if sep and tail.isdigit() and _ID_DATE.search(s.id) else "text:" + norm(s.text)


def salience_examples(sentences: Iterable[Sentence], events_of: Callable[[str, str], Sequence[Any]],
                      event_type: str, words: bool = True) -> list[tuple[Sentence, Example]]:
    """The labelled sentences of one type (ambiguous ones left out) with their salience features, grouped
    by article for cross-validation."""
    from rasd.salience_train import Example
    from rasd.stages.salience import features

    return [(s, Example(features(s.text, events_of(s.text, s.id), event_type, words), s.label == POSITIVE,
                        article_of(s)))
            for s in sentences if s.type == event_type and s.label != LEFT_OUT]


def salience_detection(sentences: Sequence[Sentence], events_of: Callable[[str, str], Sequence[Any]],
                       statuses: Iterable[str], *, params: Params | None = None, model: SalienceModel | None = None,
                       progress: Callable[[int], None] | None = None) -> dict[str, list[Detection]]:
    """Detection when a sentence counts only if the rules detect it and the salience model calls it a report.

    With ``model``, its types are scored as they are (one detection each). Otherwise every type is scored by
    cross-validation with ``params``, once per seed of ``params.cv_seeds``: each sentence is judged by a
    model trained, threshold included, on the other folds, which hold none of its article's sentences
    (:func:`rasd.salience_train.cross_validated`). Types the model does not know, or with too few reports
    to cross-validate, are left out.
    """
    from rasd.salience_train import Params, can_cross_validate, cross_validated

    params = params or Params()
    out: dict[str, list[Detection]] = {}
    for t in sorted({s.type for s in sentences}):
        if model is not None and t not in model.types:
            continue
        rows = salience_examples(sentences, events_of, t, True if model is None else model.types[t].words)
        examples = [x for _, x in rows]
        if not rows or (model is None and not can_cross_validate(examples, params.folds)):
            continue
        if model is not None:
            runs = [[model.types[t].score(x.features) >= model.types[t].threshold for x in examples]]
        else:
            runs = [cross_validated(examples, params, seed=seed, progress=progress) for seed in params.cv_seeds]
        out[t] = []
        for said in runs:
            pairs = []
            for (s, _), yes in zip(rows, said, strict=True):
                f = found_in(events_of(s.text, s.id), t, statuses)
                pairs.append((s, Found(detected=f.detected and yes, triggers=f.triggers)))
            out[t].append(score_detection(pairs)[0][t])
    return out


def evaluate(sentences: Sequence[Sentence], spans: Sequence[SpanSentence], run: Callable[[str, str], Any],
             statuses: Iterable[str] = DEFAULT_STATUSES,
             progress: Callable[[int], None] | None = None, *, salience: SalienceMode = "off",
             salience_model: SalienceModel | None = None, params: Params | None = None) -> OedaReport:
    """Score ``run`` (text, id → the sentence's events) on OEDA sentences and span sentences.

    A text that appears in both kinds of file is run once (once per article date its ids give).
    ``progress`` is told how many texts were done. ``salience`` adds the detection figures with the
    salience model: ``cv`` trains and scores it by cross-validation on these sentences with ``params``
    (fair on the files it is shipped from), ``model`` scores ``salience_model`` as it is (in-sample, so
    optimistic, on the sentences it was trained on; fair on others), ``off`` leaves it out.
    """
    statuses = frozenset(statuses)
    cache: dict[tuple[str, str | None], list[Any]] = {}

    def events_of(text: str, sid: str) -> list[Any]:
        key = (text, published_of(sid))  # the same text under ids of two dates is run for each date
        if key not in cache:
            cache[key] = list(run(text, sid))
            if progress is not None:
                progress(1)
        return cache[key]

    detection, errors = score_detection((s, found_in(events_of(s.text, s.id), s.type, statuses)) for s in sentences)
    codes = score_codes((s, found_in(events_of(s.text, s.id), s.type, statuses)) for s in spans)
    report = OedaReport(statuses=tuple(sorted(statuses)), detection=detection, codes=codes, errors=errors,
                        annotator=annotator_reference(sentences))
    if salience == "cv":
        from rasd.salience_train import Params

        params = params or Params()
        report.salience = salience_detection(sentences, events_of, statuses, params=params)
        report.salience_how = (f"{params.folds}-fold cross-validation on these sentences, folds by article, "
                               f"mean of {len(params.cv_seeds)} seeds")
    elif salience == "model":
        if salience_model is None:
            raise ValueError("salience='model' needs salience_model")
        report.salience = salience_detection(sentences, events_of, statuses, model=salience_model)
        report.salience_how = ("the model as it is: in-sample, so optimistic, on the sentences it was trained "
                               "on; fair on others")
    elif salience != "off":
        raise ValueError(f"salience must be cv, model or off, not {salience!r}")
    return report


def distinct_texts(sentences: Sequence[Sentence], spans: Sequence[SpanSentence]) -> int:
    """How many pipeline runs :func:`evaluate` will make."""
    return len({(s.text, published_of(s.id)) for s in sentences} | {(s.text, published_of(s.id)) for s in spans})


# ------------------------------------------------------------------------------------------- output


def mean_prf(ds: Sequence[Detection]) -> tuple[float, float, float]:
    """Mean precision, recall and F1 over detections (the seeds of a cross-validation)."""
    n = len(ds)
    return sum(d.precision for d in ds) / n, sum(d.recall for d in ds) / n, sum(d.f1 for d in ds) / n


def trigger_table(d: Detection) -> list[dict[str, Any]]:
    """Per trigger word: the sentences it detected by gold label, most false alarms first.

    A sentence with several triggers counts for each, so the rows do not add up to tp + fp.
    """
    rows = [{"trigger": t, "yes": c[POSITIVE], "no": sum(c[x] for x in NEGATIVE), "difficult_no": c["difficult no"],
             "ambiguous": c[LEFT_OUT]} for t, c in d.by_trigger.items()]
    return sorted(rows, key=lambda r: (-(r["no"] - r["yes"]), -r["no"], r["trigger"]))


def report_to_dict(report: OedaReport, errors: bool = False) -> dict[str, Any]:
    """The report as plain JSON-ready data (sentence lists only with ``errors``)."""
    out: dict[str, Any] = {"statuses": list(report.statuses), "detection": {}, "actor_codes": {}}
    for t, d in report.detection.items():
        out["detection"][t] = {
            "precision": round(d.precision, 4), "recall": round(d.recall, 4), "f1": round(d.f1, 4),
            "tp": d.tp, "fp": d.fp, "fn": d.fn, "tn": d.tn,
            "difficult_no_fp": d.false_positives("difficult no"), "difficult_no": d.total("difficult no"),
            "easy_no_fp": d.false_positives("easy no"), "easy_no": d.total("easy no"),
            "ambiguous_detected": d.false_positives(LEFT_OUT), "ambiguous": d.total(LEFT_OUT),
        }
    out["annotator"] = {t: {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
                        for t, (p, r, f) in report.annotator.items()}
    for t, per in report.codes.items():
        out["actor_codes"][t] = {
            slot: {"scored": sc.scored, "detected": sc.detected, "correct": sc.correct,
                   "accuracy": round(sc.accuracy, 4), "accuracy_detected": round(sc.accuracy_detected, 4)}
            for slot, sc in per.items()
        }
    if report.salience:
        out["salience"] = {"how": report.salience_how, "detection": {
            t: {**{k: round(v, 4) for k, v in zip(("precision", "recall", "f1"), mean_prf(ds), strict=True)},
                "f1_range": [round(min(d.f1 for d in ds), 4), round(max(d.f1 for d in ds), 4)],
                "runs": [{"precision": round(d.precision, 4), "recall": round(d.recall, 4), "f1": round(d.f1, 4),
                          "tp": d.tp, "fp": d.fp, "fn": d.fn, "tn": d.tn,
                          "difficult_no_fp": d.false_positives("difficult no"),
                          "easy_no_fp": d.false_positives("easy no")} for d in ds]}
            for t, ds in report.salience.items()}}
    out["triggers"] = {t: trigger_table(d) for t, d in report.detection.items()}
    if errors:
        out["errors"] = [{"kind": e.kind, "type": e.type, "id": e.id, "label": e.label, "text": e.text,
                          "found": list(e.found)} for e in report.errors]
    return out


def format_report(report: OedaReport, errors: bool = False, triggers: int = 0) -> str:
    """The report as a plain-text table; with ``triggers`` the that many worst trigger words per type (most
    false alarms over hits), with ``errors`` the sentences got wrong."""
    lines = [f"OEDA detection (counted statuses: {', '.join(report.statuses)})",
             f"{'type':<9}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}{'tn':>6}"
             f"{'difficult-no FP':>17}{'easy-no FP':>12}{'ambiguous det.':>16}"]
    for t in (*TYPES, *(x for x in report.detection if x not in TYPES)):
        d = report.detection.get(t)
        if d is None:
            continue
        hard, easy, amb = (f"{d.false_positives(x)}/{d.total(x)}" for x in ("difficult no", "easy no", LEFT_OUT))
        lines.append(f"{t:<9}{d.precision:7.3f}{d.recall:7.3f}{d.f1:7.3f}{d.tp:6d}{d.fp:6d}{d.fn:6d}{d.tn:6d}"
                     f"{hard:>17}{easy:>12}{amb:>16}")
    if report.annotator:
        lines += ["", "For reference: one of the gold's own annotators, scored against it (expected, from the votes)"]
        for t, (p, r, f) in report.annotator.items():
            lines.append(f"{t:<9}{p:7.3f}{r:7.3f}{f:7.3f}")
    if report.salience:
        lines += ["", f"With the salience model ({report.salience_how}): the rules detect, the model calls it a report",
                  f"{'type':<9}{'P':>7}{'R':>7}{'F1':>7}{'F1 range':>15}{'difficult-no FP':>17}{'easy-no FP':>12}"]
        for t, ds in report.salience.items():
            p, r, f1 = mean_prf(ds)
            lo, hi = min(d.f1 for d in ds), max(d.f1 for d in ds)
            hard, easy = (f"{sum(d.false_positives(x) for d in ds) / len(ds):.0f}/{ds[0].total(x)}"
                          for x in ("difficult no", "easy no"))
            lines.append(f"{t:<9}{p:7.3f}{r:7.3f}{f1:7.3f}{f'{lo:.3f}-{hi:.3f}':>15}{hard:>17}{easy:>12}")
    if report.codes:
        lines += ["", "Actor codes (span files; a sentence with no event counts as wrong)",
                  f"{'type':<9}{'slot':<15}{'scored':>8}{'detected':>10}{'correct':>9}{'acc':>7}{'acc|det':>9}"]
        for t in (*TYPES, *(x for x in report.codes if x not in TYPES)):
            for slot, sc in report.codes.get(t, {}).items():
                lines.append(f"{t:<9}{slot:<15}{sc.scored:8d}{sc.detected:10d}{sc.correct:9d}"
                             f"{sc.accuracy:7.3f}{sc.accuracy_detected:9.3f}")
    if triggers:
        for t, d in report.detection.items():
            lines += ["", f"Triggers of {t} (sentences detected: yes / no (difficult no) / ambiguous)"]
            for r in trigger_table(d)[:triggers]:
                lines.append(f"  {r['trigger']:<24}{r['yes']:4d} / {r['no']:4d} ({r['difficult_no']})"
                             f" / {r['ambiguous']}")
    if errors and report.errors:
        lines += ["", "Errors"]
        for e in report.errors:
            lines.append(f"[{e.kind}] {e.type} {e.id} ({e.label}): {e.text}")
            if e.found:
                lines.append(f"    found: {'; '.join(e.found)}")
    return "\n".join(lines)
