"""Word-level membership flags from rasd's own lexicons (actors, countries, titles, places, cues) for NER features."""

from __future__ import annotations

import functools

from rasd.gazetteer import name_index
from rasd.lexicon import countries, nationality_index, word_set
from rasd.resources import load_tsv
from rasd.stages.statements import cue_roles
from rasd.text import norm


def _add(flags: dict[str, set[str]], phrase: str, tag: str) -> None:
    words = norm(phrase).split()
    if not words:
        return
    if len(words) == 1:
        flags.setdefault(words[0], set()).add(tag + "S")
        return
    flags.setdefault(words[0], set()).add(tag + "B")
    for w in words[1:-1]:
        flags.setdefault(w, set()).add(tag + "I")
    flags.setdefault(words[-1], set()).add(tag + "E")


@functools.cache
def lexicon_flags() -> dict[str, tuple[str, ...]]:
    """Normalised word → flags naming the lexicon and the word's place in a phrase of it.

    Flags are ``L<source><position>`` with source ``per``/``org``/``grp``/``med`` (actors.tsv kinds),
    ``cty`` (country name), ``cap`` (capital), ``nat`` (nationality adjective or plural), ``tit``/``bod``/``mod``
    (heads.tsv kinds), ``gaz`` (gazetteer place) and position S (alone), B, I, E; plus ``Lcue`` (a reporting
    verb), ``Lfn`` (a function word), ``Lmon`` (a month name) and ``Ltrg<TYPE>`` (a word that introduces a name
    of that type: شركة, فريق, جائزة, اللاعب, مدينة; ``ner/triggers.tsv``).
    """
    flags: dict[str, set[str]] = {}
    kinds = {"PER": "per", "ORG": "org", "GROUP": "grp", "MEDIA": "med"}
    for row in load_tsv("actors.tsv"):
        _add(flags, row["alias"], "L" + kinds.get(row["kind"], "org"))
    for roles in countries().values():
        for f in roles.get("name", []):
            _add(flags, f, "Lcty")
        for f in roles.get("capital", []):
            _add(flags, f, "Lcap")
    for f in nationality_index():
        _add(flags, f, "Lnat")
    for row in load_tsv("heads.tsv"):
        _add(flags, row["head"], "L" + {"title": "tit", "body": "bod"}.get(row["kind"], "mod"))
    for name in name_index():
        _add(flags, name, "Lgaz")
    for form in cue_roles():
        flags.setdefault(form, set()).add("Lcue")
    for form in word_set("function_words.tsv"):
        flags.setdefault(form, set()).add("Lfn")
    for form in word_set("months.tsv"):
        flags.setdefault(form, set()).add("Lmon")
    for row in load_tsv("ner/triggers.tsv"):
        flags.setdefault(norm(row["form"]), set()).add("Ltrg" + row["type"])
    return {w: tuple(sorted(f)) for w, f in flags.items()}
