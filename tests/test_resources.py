"""Every data file in rasd/resources: readable, no presentation forms, tatweel or diacritics, no duplicates."""

import re
from pathlib import Path

import pytest

from rasd.resources import RESOURCE_DIR, load_tsv

TSV = sorted(p.name for p in Path(RESOURCE_DIR).glob("*.tsv"))
# Presentation forms (the spaCy عشرة bug), tatweel and harakat must never be in a lexicon.
FORBIDDEN = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\u0640\u064b-\u0652]")


def test_there_are_resource_files() -> None:
    assert {"cues.tsv", "triggers.tsv", "actors.tsv", "countries.tsv", "grammar.tsv", "metrics.tsv"} <= set(TSV)


@pytest.mark.parametrize("name", TSV)
def test_resource_rows_are_clean(name: str) -> None:
    rows = load_tsv(name)
    assert rows, f"{name} has no rows"
    key = next(iter(rows[0]))
    seen = set()
    for i, row in enumerate(rows, start=2):
        for col, value in row.items():
            if col == "note":  # free text for people; may show a vowelled example (قُتل)
                continue
            assert not FORBIDDEN.search(value), f"{name} row {i} column {col}: forbidden character in {value!r}"
        assert row[key], f"{name} row {i}: empty {key}"
        full = tuple(row.values())
        assert full not in seen, f"{name} row {i}: duplicate {full}"
        seen.add(full)


def test_every_stage_lexicon_role_is_known() -> None:
    roles = {r["role"] for r in load_tsv("cues.tsv")}
    assert roles <= {"speech", "transmit", "according", "participle", "anonymous", "negation", "future",
                     "hypothetical", "prevent", "refuse", "wish", "threat", "aim", "condition", "provided", "terms"}
    assert {r["role"] for r in load_tsv("grammar.tsv")} <= {
        "time", "pronominal_prep", "partitive", "subject_pronoun", "local_head", "org_noun", "responsibility",
        "light_verb", "clause_participle", "count_word", "ambiguous_adj", "subset", "approximator", "needs_an",
        "background_prep", "background_head", "verbal_attack", "not_a_side", "receive", "agent_hand",
        "we_verb", "involvement", "verbal_target", "not_charge", "body_anaphor",
        "not_future_prefix", "undergo", "reaction", "ngo_body", "accusation", "local_people", "venue",
        "while_noun", "while_not", "attributive", "gap_stop", "during", "membership", "deal_noun", "naming_head",
        "backed", "causative", "blame", "not_agreed", "support_verb", "pledge", "harm", "locative", "decision",
        "launch_verb", "reply_verb", "owned_by", "other_states", "when", "event_filler", "sharp_words", "group_noun",
        "charge_noun", "owner_body", "making_noun", "title_word",
        "ranks_noun", "monitor", "aid_noun", "says_that", "first_name", "facility", "purpose_noun", "past_t_verb",
        "indefinite_only", "protest_against", "concessive", "time_prep", "result_verb", "disaster", "death_word",
        "head_of", "witness", "seat", "namely", "international", "death_noun", "capital_word", "quantifier",
        "described_by", "arson", "adverb", "planned", "counted_noun", "next_day", "other_day", "site_word",
        "not_future_word", "protest_word", "what_came", "came_verb", "aim_verb", "aim_object", "kind_in_name",
        "work_title", "title_intro", "means_stop", "of_them", "noun_cue", "motion_verb", "own_act_cue",
        "crowd", "escape", "hit_verb", "fire_of", "claim_verb", "member_noun",
        "controlled_thing", "escort", "weapon_noun", "verb_particle", "past_aux", "one_person"}
