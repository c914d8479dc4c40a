"""Tests of rasd.evaluate: the GOLD.md scoring on small hand-made articles."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from rasd.errors import InputError
from rasd.evaluate import (
    LINES,
    EvalReport,
    format_report,
    load_gold_dir,
    report_to_dict,
    score_articles,
)

# A fictional shelling and a statement about it: two sentences.
SENT1 = "قصفت قوات الشمال قرية الزيتون في ريف المدينة صباح الخميس."
SENT2 = "وقال وزير الدفاع إن القصف استهدف مواقع للمسلحين وأسفر عن مقتل خمسة مدنيين."
TEXT = f"{SENT1} {SENT2}"

DEV_DIR = Path(__file__).parents[2] / "shared" / "eval" / "articles-dev"


def ev(
    kind: str = "ASSAULT",
    actors: tuple[str | None, ...] = ("RUS",),
    recipients: tuple[str | None, ...] = ("SYR",),
    places: tuple[tuple[str | None, str | None], ...] = (("SYR", "SY-HM"),),
    date: str | None = "2024-03-07",
    precision: str = "day",
    status: str = "asserted",
    optional: bool | None = False,
) -> dict[str, Any]:
    """An event dict in the gold layout; places are (country, admin1) pairs."""
    out: dict[str, Any] = {
        "type": kind,
        "actor": [{"text": "قوات الشمال", "code": c, "sector": "MIL"} for c in actors],
        "recipient": [{"text": "قرية الزيتون", "code": c, "sector": "CVL"} for c in recipients],
        "location": [{"text": "الزيتون", "country": c, "admin1": a} for c, a in places],
        "date": date,
        "date_precision": precision if date else "unknown",
        "status": status,
        "evidence": "قصفت",
    }
    if optional is not None:
        out["optional"] = optional
    return out


def st(code: str | None = "SYR", evidence: str = SENT2) -> dict[str, Any]:
    """A statement dict in the gold layout."""
    return {
        "speaker": {"text": "وزير الدفاع", "code": code, "sector": "GOV"},
        "cue": "قال",
        "kind": "indirect",
        "via": None,
        "evidence": evidence,
    }


def ag(metric: str = "killed", value: int = 5, admin1: list[str] | None = None) -> dict[str, Any]:
    """An aggregate dict in the gold layout."""
    return {
        "metric": metric,
        "value": value,
        "period": "other",
        "admin1": ["SY-HM"] if admin1 is None else admin1,
        "reporter": {"text": "وزير الدفاع", "code": "SYR", "sector": "GOV"},
        "evidence": "مقتل خمسة مدنيين",
    }


def doc(
    events: list[dict[str, Any]] | None = None,
    statements: list[dict[str, Any]] | None = None,
    aggregates: list[dict[str, Any]] | None = None,
    doc_id: str = "test-1",
    text: str = TEXT,
) -> dict[str, Any]:
    """A document dict in the gold layout."""
    return {
        "doc_id": doc_id,
        "text": text,
        "events": events or [],
        "statements": statements or [],
        "aggregates": aggregates or [],
    }


def score(gold: dict[str, Any], system: dict[str, Any]) -> EvalReport:
    return score_articles([(gold, system)])


def counts(report: EvalReport, line: str) -> tuple[int, int, int]:
    c = report.lines[line]
    return c.tp, c.fp, c.fn


def full_gold() -> dict[str, Any]:
    return doc(
        [ev(), ev("ACCUSE", ("SYR",), ("RUS",), places=(), date=None), ev(status="negated", kind="AID")],
        [st()],
        [ag()],
    )


def test_perfect_match_scores_one_everywhere() -> None:
    gold = full_gold()
    report = score(gold, json.loads(json.dumps(gold)))
    assert list(report.lines) == list(LINES)
    for line in LINES:
        c = report.lines[line]
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0), line
        assert c.fp == c.fn == 0
    assert counts(report, "E1") == (2, 0, 0)
    assert (report.modality.correct, report.modality.total) == (1, 1)
    assert report.modality.accuracy == 1.0


def test_wrong_actor_loses_e2_but_keeps_e1() -> None:
    report = score(doc([ev()]), doc([ev(actors=("TUR",))]))
    assert counts(report, "E1") == (1, 0, 0)
    for line in ("E2", "E3", "E4"):
        assert counts(report, line) == (0, 1, 1)
    art = report.articles[0]
    assert art.missed["E2"] == [("ASSAULT", ("RUS",), ("SYR",))]
    assert art.spurious["E2"] == [("ASSAULT", ("TUR",), ("SYR",))]


def test_actor_codes_are_sets_and_null_codes_are_ignored() -> None:
    gold = doc([ev(actors=("SYR", "RUS"))])
    system = doc([ev(actors=("RUS", None, "SYR", "RUS"))])
    report = score(gold, system)
    assert counts(report, "E2") == (1, 0, 0)


def test_places_use_country_without_admin1_and_drop_empty_places() -> None:
    gold = doc([ev(places=(("SYR", None), (None, None)))])
    assert counts(score(gold, doc([ev(places=(("SYR", None),))])), "E3") == (1, 0, 0)
    assert counts(score(gold, doc([ev(places=(("SYR", "SY-HM"),))])), "E3") == (0, 1, 1)
    assert counts(score(gold, doc([ev(places=())])), "E3") == (0, 1, 1)


def test_optional_events_cost_nothing_either_way() -> None:
    gold = doc([ev(), ev("COERCE", optional=True)])
    without = score(gold, doc([ev()]))
    with_it = score(gold, doc([ev(), ev("COERCE", optional=None)]))
    for report in (without, with_it):
        for line in ("E1", "E2", "E3", "E4"):
            assert counts(report, line) == (1, 0, 0), line


def test_tuple_both_required_and_optional_is_required() -> None:
    # Same type, so E1 has one tuple that is required; the dyads differ at E2.
    gold = doc([ev(actors=("RUS",)), ev(actors=("TUR",), optional=True)])
    report = score(gold, doc([ev(actors=("TUR",))]))
    assert counts(report, "E1") == (1, 0, 0)
    assert counts(report, "E2") == (0, 0, 1)  # the optional match is dropped, the required one missed
    report = score(gold, doc([]))
    assert counts(report, "E1") == (0, 0, 1)
    assert counts(report, "E2") == (0, 0, 1)


def test_non_asserted_events_are_left_out_of_e1_to_e4() -> None:
    gold = doc([ev(), ev("THREATEN", status="future")])
    # The system gives the future event the right status: no FP, modality correct.
    right = score(gold, doc([ev(), ev("THREATEN", status="future")]))
    assert counts(right, "E1") == (1, 0, 0)
    assert (right.modality.correct, right.modality.total) == (1, 1)
    # Leaving it out is also correct.
    omitted = score(gold, doc([ev()]))
    assert counts(omitted, "E1") == (1, 0, 0)
    assert (omitted.modality.correct, omitted.modality.total) == (1, 1)
    # Asserting it is a FP in E1-E4 and a modality error.
    wrong = score(gold, doc([ev(), ev("THREATEN")]))
    assert counts(wrong, "E1") == (1, 1, 0)
    assert (wrong.modality.correct, wrong.modality.total) == (0, 1)
    assert wrong.articles[0].modality_errors[0][1:] == ("future", ("asserted",))
    # A system event with another status never counts in E1-E4, even when gold asserts it.
    hedged = score(gold, doc([ev(status="hypothetical")]))
    assert counts(hedged, "E1") == (0, 0, 1)


def test_modality_ignores_other_status_and_accepts_same_status_next_to_asserted() -> None:
    gold = doc([ev(status="negated")])
    assert score(gold, doc([ev(status="hypothetical")])).modality.correct == 1
    both = score(gold, doc([ev(), ev(status="negated")]))
    assert (both.modality.correct, both.modality.total) == (1, 1)
    # Optional non-asserted gold events are not scored for modality.
    assert score(doc([ev(status="negated", optional=True)]), doc([ev()])).modality.total == 0


def test_e4_date_within_one_day() -> None:
    gold = doc([ev(date="2024-03-07")])
    assert counts(score(gold, doc([ev(date="2024-03-08")])), "E4") == (1, 0, 0)
    assert counts(score(gold, doc([ev(date="2024-03-06")])), "E4") == (1, 0, 0)
    assert counts(score(gold, doc([ev(date="2024-03-09")])), "E4") == (0, 1, 1)
    # Tolerance needs day precision on both sides; equal dates match whatever the precision.
    assert counts(score(gold, doc([ev(date="2024-03-08", precision="month")])), "E4") == (0, 1, 1)
    assert counts(score(gold, doc([ev(date="2024-03-07", precision="week")])), "E4") == (1, 0, 0)
    # Unknown dates match each other.
    assert counts(score(doc([ev(date=None)]), doc([ev(date=None)])), "E4") == (1, 0, 0)
    # The date never matters below E4.
    assert counts(score(gold, doc([ev(date="2024-05-01")])), "E3") == (1, 0, 0)


def test_e4_matching_is_one_to_one() -> None:
    gold = doc([ev(date="2024-03-07")])
    report = score(gold, doc([ev(date="2024-03-06"), ev(date="2024-03-08")]))
    assert counts(report, "E4") == (1, 1, 0)
    # Equal dates are paired first, so the near one is the spurious one.
    report = score(gold, doc([ev(date="2024-03-06"), ev(date="2024-03-07")]))
    assert counts(report, "E4") == (1, 1, 0)
    assert report.articles[0].spurious["E4"][0][-1] == "2024-03-06"
    # The number of matches is the maximum, whatever the order of the events.
    gold = doc([ev(date="2024-03-07"), ev(date="2024-03-08")])
    report = score(gold, doc([ev(date="2024-03-08"), ev(date="2024-03-07")]))
    assert counts(report, "E4") == (2, 0, 0)
    report = score(gold, doc([ev(date="2024-03-09"), ev(date="2024-03-08")]))
    assert counts(report, "E4") == (2, 0, 0)
    # Optional gold tuples absorb what is left after the required ones are matched.
    gold = doc([ev(date="2024-03-07"), ev(date="2024-03-20", optional=True)])
    report = score(gold, doc([ev(date="2024-03-08"), ev(date="2024-03-21")]))
    assert counts(report, "E4") == (1, 0, 0)


def test_statements_match_by_sentence_overlap() -> None:
    gold = doc(statements=[st(evidence=SENT2)])
    # A different evidence string inside the same sentence is the same statement.
    same = score(gold, doc(statements=[st(evidence="إن القصف استهدف مواقع للمسلحين")]))
    assert counts(same, "S") == (1, 0, 0)
    # Evidence starting with the space between sentences goes to the sentence it overlaps.
    spaced = score(gold, doc(statements=[st(evidence=" وقال وزير الدفاع")]))
    assert counts(spaced, "S") == (1, 0, 0)
    # Another sentence or another speaker is another statement.
    other = score(gold, doc(statements=[st(evidence="قصفت قوات الشمال")]))
    assert counts(other, "S") == (0, 1, 1)
    assert other.articles[0].missed["S"] == [(1, "SYR")]
    assert other.articles[0].spurious["S"] == [(0, "SYR")]
    speaker = score(gold, doc(statements=[st(code="RUS")]))
    assert counts(speaker, "S") == (0, 1, 1)
    # A null speaker code is a value of its own.
    assert counts(score(doc(statements=[st(code=None)]), doc(statements=[st(code=None)])), "S") == (1, 0, 0)
    # Two statements of one speaker in one sentence count once.
    twice = score(gold, doc(statements=[st(), st(evidence="وأسفر عن مقتل خمسة مدنيين")]))
    assert counts(twice, "S") == (1, 0, 0)


def test_statement_with_evidence_not_in_text_is_skipped_with_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    gold = doc(statements=[st()])
    with caplog.at_level(logging.WARNING, logger="rasd.evaluate"):
        report = score(gold, doc(statements=[st(evidence="نص غير موجود في المقال")]))
    assert counts(report, "S") == (0, 0, 1)
    assert "evidence not found" in caplog.text
    assert "test-1" in caplog.text


def test_aggregates_with_and_without_admin1() -> None:
    gold = doc(aggregates=[ag(admin1=["SY-HM", "SY-DI"])])
    same = score(gold, doc(aggregates=[ag(admin1=["SY-DI", "SY-HM"])]))
    assert counts(same, "A") == (1, 0, 0)
    assert counts(same, "A+admin1") == (1, 0, 0)
    place = score(gold, doc(aggregates=[ag(admin1=["SY-HM"])]))
    assert counts(place, "A") == (1, 0, 0)
    assert counts(place, "A+admin1") == (0, 1, 1)
    value = score(gold, doc(aggregates=[ag(value=12, admin1=["SY-HM", "SY-DI"])]))
    assert counts(value, "A") == (0, 1, 1)
    assert counts(value, "A+admin1") == (0, 1, 1)
    assert value.articles[0].missed["A+admin1"] == [("killed", 5, ("SY-DI", "SY-HM"))]


def test_duplicate_events_count_once() -> None:
    gold = doc([ev(), ev()])
    report = score(gold, doc([ev(), ev(), ev()]))
    for line in ("E1", "E2", "E3", "E4"):
        assert counts(report, line) == (1, 0, 0), line
    report = score(gold, doc([]))
    assert counts(report, "E4") == (0, 0, 1)


def test_micro_average_over_two_articles() -> None:
    gold1 = doc([ev(), ev("PROTEST", ("SYR",), ())], doc_id="a1")
    gold2 = doc([ev("AID", ("TUR",), ("SYR",))], doc_id="a2")
    sys1 = doc([ev(), ev("PROTEST", ("SYR",), ())], doc_id="a1")  # perfect: tp 2
    sys2 = doc([ev("SANCTION", ("TUR",), ("SYR",)), ev("COERCE")], doc_id="a2")  # fp 2, fn 1
    report = score_articles([(gold1, sys1), (gold2, sys2)])
    assert [a.doc_id for a in report.articles] == ["a1", "a2"]
    assert counts(report, "E1") == (2, 2, 1)
    c = report.lines["E1"]
    assert c.precision == pytest.approx(2 / 4)
    assert c.recall == pytest.approx(2 / 3)
    assert c.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    # Per-article counts are kept and sum to the totals.
    assert report.articles[0].lines["E1"].f1 == 1.0
    assert report.articles[1].lines["E1"].tp == 0


def test_empty_lines_are_zero_and_shown_as_dash() -> None:
    report = score(doc([ev()]), doc([]))
    c = report.lines["A"]
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
    text = format_report(report)
    a_row = next(r for r in text.splitlines() if r.startswith("A "))
    assert a_row.split()[1:4] == ["-", "-", "-"]
    e1_row = next(r for r in text.splitlines() if r.startswith("E1 "))
    assert e1_row.split()[1:4] == ["-", "0.000", "0.000"]
    assert "modality accuracy - (0/0)" in text


def test_format_report_per_article_lists_lost_points() -> None:
    gold = doc([ev()], [st()], [ag()], doc_id="مقال-1")
    system = doc([ev(actors=("TUR",))], [st(code="RUS")], [])
    text = format_report(score(gold, system), per_article=True)
    assert "== مقال-1" in text
    assert "E2 missed: ASSAULT RUS -> SYR" in text
    assert "E2 spurious: ASSAULT TUR -> SYR" in text
    assert "E4 missed: ASSAULT RUS -> SYR @ SY-HM on 2024-03-07" in text
    assert "S missed: sentence 1 speaker SYR: وقال وزير الدفاع" in text
    assert "A missed: killed = 5" in text
    assert "== " not in format_report(score(gold, system))


def test_report_to_dict_is_json_ready() -> None:
    gold = doc([ev(), ev("AID", status="negated")], [st()], [ag()])
    system = doc([ev(date="2024-03-10"), ev("AID")], [], [ag(value=6)])
    data = report_to_dict(score(gold, system))
    round_trip = json.loads(json.dumps(data, ensure_ascii=False))
    assert list(round_trip["lines"]) == list(LINES)
    assert round_trip["lines"]["E4"]["fn"] == 1
    assert round_trip["modality"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    art = round_trip["articles"][0]
    assert art["missed"]["E4"] == [
        {
            "type": "ASSAULT",
            "actors": ["RUS"],
            "recipients": ["SYR"],
            "places": ["SY-HM"],
            "date": "2024-03-07",
        }
    ]
    assert art["missed"]["S"] == [{"sentence": 1, "speaker": "SYR"}]
    assert art["spurious"]["A+admin1"] == [{"metric": "killed", "value": 6, "admin1": ["SY-HM"]}]
    assert art["modality_errors"][0]["gold_status"] == "negated"


def test_load_gold_dir_reads_sorted_and_reports_bad_files(tmp_path: Path) -> None:
    for name in ("b", "a"):
        (tmp_path / f"{name}.json").write_text(
            json.dumps(doc(doc_id=name), ensure_ascii=False), encoding="utf-8"
        )
    (tmp_path / "notes.txt").write_text("ليس ملف ذهب", encoding="utf-8")
    assert [d["doc_id"] for d in load_gold_dir(tmp_path)] == ["a", "b"]

    bad = tmp_path / "c.json"
    bad.write_text('{"doc_id": "c",\n "text": }', encoding="utf-8")
    with pytest.raises(InputError, match=r"c\.json:2: invalid JSON"):
        load_gold_dir(tmp_path)

    bad.write_text(json.dumps({"doc_id": "c"}), encoding="utf-8")
    with pytest.raises(InputError, match=r"c\.json: missing or non-string field 'text'"):
        load_gold_dir(tmp_path)

    bad.write_text(json.dumps([doc()]), encoding="utf-8")
    with pytest.raises(InputError, match="expected a JSON object"):
        load_gold_dir(tmp_path)

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no \*\.json"):
        load_gold_dir(empty)
    with pytest.raises(InputError, match="not a directory"):
        load_gold_dir(tmp_path / "missing")


def test_dev_gold_agrees_with_itself() -> None:
    if not DEV_DIR.is_dir():
        pytest.skip(f"no dev gold at {DEV_DIR}")
    docs = load_gold_dir(DEV_DIR)
    report = score_articles((d, d) for d in docs)
    assert len(report.articles) == len(docs) > 0
    for line in LINES:
        c = report.lines[line]
        assert c.fp == c.fn == 0, line
        assert c.f1 == 1.0, line
    assert report.modality.accuracy == 1.0
