"""The long fuzz run of the whole extraction: N generated articles, every crash and violation counted.

Unlike the property tests, which stop at the first failure, this run goes on after a failure
and groups failures by signature (stage, exception type and the line that raised, or the kind
of violated invariant), keeping the shortest input of each group. Usage::

    python tests/robustness/fuzz_run.py --examples 100000 --seed 0 --out fuzz-report.json

Run several with different ``--seed`` values in parallel to use more cores. The exit status is
1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_inputs import article_text, published, violations

from rasd.errors import PipelineError
from rasd.pipeline import Pipeline
from rasd.records import Article


@dataclass
class Failure:
    """One kind of failure: how often it happened, and the shortest input that caused it."""

    count: int = 0
    text: str = ""
    published: str | None = None
    detail: str = ""


@dataclass
class Tally:
    """What a run saw."""

    inputs: int = 0
    crashes: int = 0
    violations: int = 0
    kinds: dict[str, Failure] = field(default_factory=dict)

    def add(self, signature: str, text: str, date: str | None, detail: str) -> None:
        f = self.kinds.setdefault(signature, Failure(text=text, published=date, detail=detail))
        f.count += 1
        if len(text) < len(f.text):
            f.text, f.published, f.detail = text, date, detail


def _signature(error: BaseException) -> tuple[str, str]:
    """(signature, traceback text) of a crash: stage, exception type, and the innermost rasd frame."""
    cause = error.__cause__ if isinstance(error, PipelineError) and error.__cause__ else error
    frames = [f for f in traceback.extract_tb(cause.__traceback__) if "/rasd/" in f.filename] or list(
        traceback.extract_tb(cause.__traceback__)
    )
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    stage = error.stage if isinstance(error, PipelineError) else "make_doc"
    text = "".join(traceback.format_exception(cause))
    return f"crash {stage} {type(cause).__name__} at {where}", text


def run(examples: int, seed_value: int, every: int = 0) -> Tally:
    """Run the pipeline on ``examples`` generated articles.

    Args:
        examples: How many inputs to generate.
        seed_value: The Hypothesis seed (runs with the same seed see the same inputs).
        every: Print a progress line to stderr every ``every`` inputs (0: never).

    Returns:
        The tally of inputs, crashes and invariant violations.
    """
    nlp = Pipeline()
    tally = Tally()
    t0 = time.monotonic()

    @seed(seed_value)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(text=article_text, date=published)
    def one(text: str, date: str | None) -> None:
        tally.inputs += 1
        if every and tally.inputs % every == 0:
            secs = time.monotonic() - t0
            print(
                f"{tally.inputs} inputs, {tally.crashes} crashes, {tally.violations} violations "
                f"in {secs:.0f} s ({tally.inputs / secs:.1f}/s)",
                file=sys.stderr,
                flush=True,
            )
        try:
            doc = nlp(Article(doc_id="fuzz", text=text, published=date))
        except Exception as e:  # counted, never stops the run
            tally.crashes += 1
            sig, tb = _signature(e)
            tally.add(sig, text, date, tb)
            return
        problems = violations(doc)
        if problems:
            tally.violations += 1
            kind = problems[0].split(":", 1)[0].rstrip("0123456789 ")
            tally.add(f"violation {kind}", text, date, "\n".join(problems))

    one()
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="write the report as JSON here")
    parser.add_argument("--every", type=int, default=0, help="print progress to stderr every N inputs")
    args = parser.parse_args(argv)
    t0 = time.monotonic()
    tally = run(args.examples, args.seed, args.every)
    report: dict[str, Any] = {
        "inputs": tally.inputs,
        "seconds": round(time.monotonic() - t0, 1),
        "crashes": tally.crashes,
        "violations": tally.violations,
        "kinds": {
            k: {"count": f.count, "text": f.text, "published": f.published, "detail": f.detail}
            for k, f in sorted(tally.kinds.items(), key=lambda kv: -kv[1].count)
        },
    }
    out = json.dumps(report, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(out, encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("inputs", "seconds", "crashes", "violations")}))
    for k, f in tally.kinds.items():
        shown = f.text if len(f.text) <= 80 else f"{f.text[:80]}... ({len(f.text)} characters)"
        print(f"{f.count:7d}  {k}  shortest: {shown!r} (published {f.published!r})")
    return 1 if tally.crashes or tally.violations else 0


if __name__ == "__main__":
    sys.exit(main())
