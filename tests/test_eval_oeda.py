"""OEDA scoring: reading the files, detection counts, gold actor votes, CAMEO mapping, the command."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.errors import InputError
from rasd.eval_oeda import (
    Found,
    OedaReport,
    Sentence,
    SpanSentence,
    annotator_reference,
    evaluate,
    format_report,
    found_in,
    gold_role,
    load_dir,
    published_of,
    rasd_code,
    rasd_sector,
    read_detection,
    read_spans,
    report_to_dict,
    score_codes,
    score_detection,
    trigger_table,
)

CSV = (
    "accept,event_type,id,label,reject,text,total\r\n"
    "3,ASSAULT,a1,yes,0,قصفت الطائرات القرية أمس.,3\r\n"
    "0,ASSAULT,a2,easy no,3,\"زار الوزير القاهرة، والتقى نظيره.\",3\r\n"
    "1,ASSAULT,a3,difficult no,2,تحدث التقرير عن هجوم قديم.,3\r\n"
    "1,ASSAULT,a4,ambiguous,0,هجوم؟,1\r\n"
)


@dataclass
class _Actor:
    code: str | None
    sector: str | None


@dataclass
class _Event:
    type: str
    status: str = "asserted"
    trigger: str = "x"
    actor: list[_Actor] = field(default_factory=list)
    recipient: list[_Actor] = field(default_factory=list)
    context: list[str] = field(default_factory=list)


def test_read_detection_keeps_labels_and_quoted_commas() -> None:
    rows = read_detection(CSV, "ASSAULT")
    assert [r.label for r in rows] == ["yes", "easy no", "difficult no", "ambiguous"]
    assert rows[1].text == "زار الوزير القاهرة، والتقى نظيره."
    assert rows[0].type == "ASSAULT" and rows[0].id == "a1"


def test_one_annotator_of_the_gold_scored_against_it() -> None:
    rows = read_detection(CSV, "ASSAULT")
    assert [r.votes for r in rows] == [(3, 0), (0, 3), (1, 2), (1, 0)]
    # the yes is found (recall 1); the difficult no is accepted one time in three; ambiguous left out
    p, r, f1 = annotator_reference(rows)["ASSAULT"]
    assert (round(p, 3), r, round(f1, 3)) == (0.75, 1.0, 0.857)
    assert annotator_reference(read_detection("id,label,text\nx,yes,نص\n", "PROTEST")) == {}


def test_read_detection_rejects_unknown_label_and_missing_column() -> None:
    with pytest.raises(InputError, match="unknown label"):
        read_detection("id,label,text\nx,maybe,نص\n", "PROTEST", "p.csv")
    with pytest.raises(InputError, match="missing column"):
        read_detection("id,text\nx,نص\n", "PROTEST", "p.csv")


def test_detection_counts_yes_as_positive_and_leaves_ambiguous_out() -> None:
    rows = read_detection(CSV, "ASSAULT")
    found = [Found(True), Found(False), Found(True), Found(True)]
    det, errors = score_detection(zip(rows, found, strict=True))
    d = det["ASSAULT"]
    assert (d.tp, d.fp, d.fn, d.tn) == (1, 1, 0, 1)
    assert d.precision == 0.5 and d.recall == 1.0 and d.f1 == pytest.approx(2 / 3)
    assert d.false_positives("difficult no") == 1 and d.false_positives("easy no") == 0
    assert d.false_positives("ambiguous") == 1 and d.total("ambiguous") == 1
    assert [(e.kind, e.id) for e in errors] == [("false alarm", "a3")]


def test_trigger_table_counts_sentences_per_trigger_word() -> None:
    rows = read_detection(CSV, "ASSAULT")
    found = [Found(True, triggers=frozenset({"قصفت"})), Found(False), Found(True, triggers=frozenset({"هجوم"})),
             Found(True, triggers=frozenset({"هجوم"}))]
    det, _ = score_detection(zip(rows, found, strict=True))
    table = trigger_table(det["ASSAULT"])
    assert table[0] == {"trigger": "هجوم", "yes": 0, "no": 1, "difficult_no": 1, "ambiguous": 1}
    assert table[1]["trigger"] == "قصفت" and table[1]["yes"] == 1
    assert "هجوم" in format_report(OedaReport(statuses=("asserted",), detection=det), triggers=5)


def test_found_in_counts_only_the_type_and_statuses_asked() -> None:
    evs = [_Event("ASSAULT", "negated"), _Event("PROTEST", actor=[_Actor("EGY", "CVL")])]
    assert not found_in(evs, "ASSAULT").detected
    assert found_in([_Event("ASSAULT", trigger="وقصفت")], "ASSAULT").triggers == {"وقصفت"}
    assert found_in(evs, "ASSAULT", {"asserted", "negated"}).detected
    f = found_in(evs, "PROTEST")
    assert f.detected and f.actor_codes == {"EGY"} and f.actor_sectors == {"CVL"}


def test_found_in_detects_no_event_the_sentence_only_refers_to() -> None:
    referred = _Event("ASSAULT", actor=[_Actor("ISR", "MIL")], context=["military", "background"])
    f = found_in([referred], "ASSAULT")
    assert not f.detected and f.actor_codes == {"ISR"}
    assert found_in([referred, _Event("ASSAULT")], "ASSAULT").detected


def test_gold_role_is_the_majority_and_ignores_unknown() -> None:
    spans = [
        {"source_role": {"main": "ISR", "role": "MIL"}, "target_role": "UNKNOWN"},
        {"source_role": {"main": "ISR", "role": "MIL"}, "target_role": {}},
        {"source_role": {"main": "None", "role": "UAF"}, "target_role": {"main": "PSE", "role": "CVL"}},
    ]
    assert gold_role(spans, "source_role") == ("ISR", "MIL")
    assert gold_role(spans, "target_role") == ("PSE", "CVL")
    assert gold_role([{"source_role": {}}], "source_role") is None


def test_cameo_codes_and_roles_map_to_rasd() -> None:
    assert rasd_code("ROM") == "ROU" and rasd_code("IRQ") == "IRQ" and rasd_code("IMG") == "IMG"
    assert rasd_code("None") is None and rasd_code("INT") is None and rasd_code("KUR") is None
    assert rasd_sector("MED") == "JRN" and rasd_sector("HLH") == "MED" and rasd_sector("MIL") == "MIL"
    assert rasd_sector("None") is None and rasd_sector("CRM") is None


def test_score_codes_needs_the_gold_code_among_the_system_actors() -> None:
    s1 = SpanSentence("s1", "ASSAULT", "t1", ("ISR", "MIL"), ("PSE", "None"))
    s2 = SpanSentence("s2", "ASSAULT", "t2", ("None", "UAF"), ("INT", "MIL"))
    s3 = SpanSentence("s3", "ASSAULT", "t3", ("USA", "MIL"), None)
    found = [
        Found(True, frozenset({"ISR"}), frozenset({"SYR"}), frozenset({"MIL"}), frozenset({"CVL"})),
        Found(True, frozenset({"IRQ"}), frozenset(), frozenset({"UAF"}), frozenset({"MIL"})),
        Found(False),
    ]
    per = score_codes(zip([s1, s2, s3], found, strict=True))["ASSAULT"]
    assert (per["source code"].scored, per["source code"].detected, per["source code"].correct) == (2, 1, 1)
    assert per["source code"].accuracy == 0.5 and per["source code"].accuracy_detected == 1.0
    assert (per["source sector"].scored, per["source sector"].correct) == (3, 2)
    assert (per["target code"].scored, per["target code"].correct) == (1, 0)
    assert (per["target sector"].scored, per["target sector"].correct) == (1, 1)


def test_read_spans_votes_per_sentence() -> None:
    data = [{"source": "id1", "text": "نص", "spans": [
        {"source_role": {"main": "USA", "role": "MIL"}, "target_role": {"main": "IRQ", "role": "None"}},
    ]}]
    (s,) = read_spans(json.dumps(data), "ASSAULT")
    assert s.id == "id1" and s.source == ("USA", "MIL") and s.target == ("IRQ", "None")
    with pytest.raises(InputError):
        read_spans("{}", "ASSAULT")


def test_evaluate_runs_each_text_once_and_reports() -> None:
    sents = [Sentence("a", "ASSAULT", "yes", "t"), Sentence("b", "PROTEST", "easy no", "u")]
    spans = [SpanSentence("a", "ASSAULT", "t", ("SYR", "MIL"), None)]
    calls: list[str] = []

    def run(text: str, sid: str) -> list[_Event]:
        calls.append(text)
        return [_Event("ASSAULT", actor=[_Actor("SYR", "MIL")])] if text == "t" else []

    done: list[int] = []
    rep = evaluate(sents, spans, run, progress=done.append)
    assert sorted(calls) == ["t", "u"] and sum(done) == 2
    assert rep.detection["ASSAULT"].tp == 1 and rep.detection["PROTEST"].tn == 1
    assert rep.codes["ASSAULT"]["source code"].correct == 1
    d = report_to_dict(rep, errors=True)
    assert d["detection"]["ASSAULT"]["f1"] == 1.0 and d["errors"] == []
    assert "ASSAULT" in format_report(rep) and "source code" in format_report(rep)


def _write_dir(tmp_path: Path) -> Path:
    (tmp_path / "assault_gsr.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "protest_spans.json").write_text(json.dumps([{"source": "p", "text": "تظاهر آلاف الطلاب في القاهرة.",
                                                             "spans": []}], ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_load_dir_reads_what_is_there(tmp_path: Path) -> None:
    sents, spans = load_dir(_write_dir(tmp_path))
    assert len(sents) == 4 and len(spans) == 1
    with pytest.raises(InputError, match="no OEDA file"):
        load_dir(tmp_path / "missing")


def test_cli_eval_oeda_json_and_missing_dir(tmp_path: Path) -> None:
    cli = CliRunner()
    r = cli.invoke(main, ["eval", "oeda", str(_write_dir(tmp_path)), "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert set(out["detection"]) == {"ASSAULT"} and out["statuses"] == ["asserted"]
    assert out["detection"]["ASSAULT"]["difficult_no"] == 1
    r = cli.invoke(main, ["eval", "oeda", str(tmp_path / "nope")])
    assert r.exit_code == 2 and "no such folder" in r.output


def test_published_of_reads_the_date_of_a_gigaword_id() -> None:
    assert published_of("AAW_ARB_20071231.0003-1") == "2007-12-31"
    assert published_of("e6874d82b9c4d010_36") is None
