"""Salience: how likely a sentence reports an attack or a protest as news, rather than mentions one.

The rules of the ``events`` stage find every attack and protest a sentence speaks of, and mark as
background the ones it only refers to (بعد الهجوم، الذي هاجمته، dated years before the article). Between
a report and a mention there is a wide grey zone the rules do not settle: a general statement about
attacks (تكثيف المقاتلين هجماتهم منذ أشهر), a rhetorical question, an attack a speaker talks about. The
OEDA annotators drew that line sentence by sentence, and this stage learns it from them: a logistic model
over what the rules found in the sentence (the trigger words, status, context, participants, tolls,
dates) and the sentence's own words, trained by ``rasd train salience`` on the OEDA detection files.

Every event of a type the model knows gets ``report_score``, the model's probability that its sentence
reports an incident of that type; events of other types keep None. The shipped model knows ASSAULT: its
PROTEST model did not beat the rules on OEDA's 48 protest reports, so ``rasd train salience`` left it out. The
stage removes nothing: a reader who wants reports only keeps the events whose score reaches the model's
threshold (``report_threshold``, chosen by cross-validation when the model was trained and written in
the model file); ``rasd eval oeda`` does exactly that.

The model file (``resources/salience/salience.json``) holds, per type, the threshold and the weight of
each feature name: readable, a few hundred kilobytes, and scored here in plain Python.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from rasd.doc import Doc
from rasd.errors import ResourceError
from rasd.records import Event
from rasd.resources import RESOURCE_DIR
from rasd.text import norm

VERSION = "salience@1"

MODEL_FILE = RESOURCE_DIR / "salience" / "salience.json"

_WORD = regex.compile(r"\w+")


def _bucket(n: int, edges: Sequence[int]) -> str:
    return next((str(e) for e in edges if n <= e), "more")


def features(text: str, events: Iterable[Event], event_type: str, words: bool = True) -> dict[str, float]:
    """The features of one sentence for one event type: what the rules found, and (with ``words``) its words.

    ``text`` is the sentence, ``events`` the events found in it (of every type). Feature names are plain
    strings (``trg=قصف``, ``st=negated``, ``w=الشرطه``, ``b=اطلاق_النار``); every value is 1.
    """
    f: dict[str, float] = {"bias": 1.0}
    events = list(events)
    own = [e for e in events if e.type == event_type]
    if any(e.status == "asserted" and "background" not in e.context for e in own):
        f["det"] = 1.0  # what the rules alone would call a report
    if own:
        f["any"] = 1.0
    for e in own:
        f["st=" + e.status] = 1.0
        f["trg=" + norm(e.trigger)] = 1.0
        f["mode=" + (e.mode or "-")] = 1.0
        for c in e.context:
            f["ctx=" + c] = 1.0
        for slot, there in (("actor", e.actor), ("recip", e.recipient), ("loc", e.location),
                            ("rep", e.reported_by)):
            if there:
                f[slot] = 1.0
        if e.date:
            f["date=" + e.date_precision] = 1.0
        for k in e.size:
            f["size=" + k] = 1.0
    for e in events:
        if e.type != event_type:
            f["oth=" + e.type] = 1.0
    if words:
        ws = _WORD.findall(norm(text))
        f["len=" + _bucket(len(ws), (10, 20, 30, 45, 60))] = 1.0
        for w in ws:
            f["w=" + w] = 1.0
        for a, b in itertools.pairwise(ws):
            f[f"b={a}_{b}"] = 1.0
    return f


@dataclass(frozen=True, slots=True)
class TypeModel:
    """The logistic model of one event type."""

    weights: Mapping[str, float]
    threshold: float
    words: bool = True

    def score(self, feats: Mapping[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@dataclass(frozen=True, slots=True)
class SalienceModel:
    """Per event type, a :class:`TypeModel`; ``info`` says what it was trained on and how it scored."""

    types: Mapping[str, TypeModel]
    info: Mapping[str, Any]
    digest: str = ""
    """The first 12 hex digits of the file's SHA-256 (empty for a model built in memory): which model scored
    a document is written into its ``stages`` (``salience@1:3f2a…``)."""

    def score(self, text: str, events: Sequence[Event], event_type: str) -> float | None:
        """The probability that ``text`` (one sentence with these events) reports an event of this type."""
        m = self.types.get(event_type)
        if m is None:
            return None
        return m.score(features(text, events, event_type, m.words))

    def to_json(self) -> dict[str, Any]:
        return {"version": VERSION, "info": dict(self.info),
                "types": {t: {"threshold": m.threshold, "words": m.words,
                              "weights": dict(sorted(m.weights.items()))} for t, m in self.types.items()}}


def _type_model(name: str, m: Mapping[str, Any]) -> TypeModel:
    weights = {str(k): float(w) for k, w in m["weights"].items()}
    threshold = float(m["threshold"])
    words = m.get("words", True)
    if not all(math.isfinite(w) for w in weights.values()):
        raise ValueError(f"{name}: a weight is not a finite number")
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"{name}: threshold {m['threshold']!r} is not between 0 and 1")
    if not isinstance(words, bool):
        raise ValueError(f"{name}: words must be true or false, not {words!r}")
    return TypeModel(weights, threshold, words)


def read_model(path: Path) -> SalienceModel:
    """Read a model file; a clear error names the file when it is missing or malformed."""
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
        if not str(data.get("version", "")).startswith("salience@"):
            raise ValueError(f"version {data.get('version')!r} is not salience@N")
        types = {str(t): _type_model(str(t), m) for t, m in data["types"].items()}
    except FileNotFoundError:
        raise ResourceError(f"no salience model at {path} (rebuild it with `rasd train salience`)") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ResourceError(f"{path}: not a salience model ({exc})") from None
    return SalienceModel(types, data.get("info", {}), hashlib.sha256(raw).hexdigest()[:12])


MODEL_ENV = "RASD_SALIENCE_MODEL"
"""An environment variable naming another model file (one ``rasd train salience --out`` wrote) for every
pipeline of the process and of its workers."""


@functools.cache
def _model_at(path: str) -> SalienceModel:
    return read_model(Path(path))


def default_model() -> SalienceModel:
    """The model named by ``RASD_SALIENCE_MODEL``, else the shipped one; each file read once per process."""
    return _model_at(os.environ.get(MODEL_ENV) or str(MODEL_FILE))


def salience(doc: Doc, model: SalienceModel | None = None) -> Doc:
    """Give every event of a type the model knows its sentence's ``report_score``."""
    model = model or default_model()
    by_sentence: dict[int, list[Event]] = {}
    for e in doc.events:
        by_sentence.setdefault(e.sentence, []).append(e)
    for i, evs in by_sentence.items():
        if i < 0 or i >= len(doc.sentences):
            continue
        s = doc.sentences[i]
        for t in {e.type for e in evs} & model.types.keys():
            p = round(model.types[t].score(features(doc.text[s.start:s.end], evs, t, model.types[t].words)), 4)
            verdict = "a report" if p >= model.types[t].threshold else "a mention"
            for e in evs:
                if e.type == t:
                    e.report_score = p
                    e.trace.append(f"salience: report score {p:.2f}, {verdict} (threshold "
                                   f"{model.types[t].threshold:.2f}, rasd.stages.salience)")
    doc.stages.append(f"{VERSION}:{model.digest}" if model.digest else VERSION)
    return doc
