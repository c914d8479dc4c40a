"""The linguistic knowledge of rasd, compiled once per process from the data files in ``resources/``."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rasd.errors import ResourceError
from rasd.matcher import PhraseMatcher
from rasd.resources import load_tsv
from rasd.text import norm


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """What a lexicon alias denotes. ``code`` None means: take the country from context."""

    code: str | None
    sector: str | None
    kind: str  # PER, ORG, GPE, GROUP, MEDIA, CAPITAL, COUNTRY, NATIONALS
    canonical: str


@dataclass(frozen=True, slots=True)
class HeadEntry:
    sector: str
    kind: str  # title, body, modifier


def adjective_forms(adj: str) -> list[str]:
    """Inflected forms of a masculine nationality adjective (روسي → روسية, الروسي, روسيون ...).

    Every word of a multi-word adjective is inflected alike (كوري شمالي → الكورية الشمالية).
    """
    words = norm(adj).split()

    def inflect(word: str, ending: str, definite: bool) -> str:
        stem = word[:-1] if word.endswith("ي") and ending != "ي" else word
        if ending == "ي":
            stem, ending = word, ""
        return ("ال" if definite else "") + stem + ending

    out = []
    if len(words) == 1:
        out.append(words[0] + "ا")  # accusative indefinite: اعتقل 14 إيرانيا
    for ending in ("ي", "ه", "يون", "يين", "يان"):
        for definite in (False, True):
            out.append(" ".join(inflect(w, "ه" if ending == "ه" else ending, definite) if ending != "ه"
                                else ("ال" if definite else "") + w + "ه" for w in words))
    return out


@functools.cache
def countries() -> dict[str, dict[str, list[str]]]:
    """iso3 → role → forms, from countries.tsv."""
    out: dict[str, dict[str, list[str]]] = {}
    for row in load_tsv("countries.tsv"):
        out.setdefault(row["iso3"], {}).setdefault(row["role"], []).append(row["form"])
    return out


@functools.cache
def country_names() -> frozenset[str]:
    """Normalised names and capitals of countries (روسيا، البحرين، فلسطين، عمان)."""
    return frozenset(norm(f) for roles in countries().values() for r in ("name", "capital") for f in roles.get(r, []))


@functools.cache
def nationality_index() -> dict[str, str]:
    """Normalised adjective form (any gender/number, with or without ال) → iso3."""
    idx: dict[str, str] = {}
    names = country_names()
    for iso3, roles in countries().items():
        for adj in roles.get("adj", []):
            for f in adjective_forms(adj):
                if f not in names:  # روسيا is Russia, not the accusative of روسي
                    idx.setdefault(f, iso3)
        for pl in roles.get("adj_pl", []):
            p = norm(pl)
            idx.setdefault(p, iso3)
            idx.setdefault("ال" + p, iso3)
    return idx


@functools.cache
def nationality_matcher() -> PhraseMatcher[str]:
    """Nationality adjectives, multi-word ones included (الكوري الشمالي), → iso3."""
    return PhraseMatcher(list(nationality_index().items()))


@functools.cache
def country_name_index() -> dict[str, str]:
    """Normalised country name or capital → iso3 (names win over capitals)."""
    idx: dict[str, str] = {}
    for role in ("name", "capital"):
        for iso3, roles in countries().items():
            for f in roles.get(role, []):
                idx.setdefault(norm(f), iso3)
    return idx


@functools.cache
def actor_matcher() -> PhraseMatcher[ActorEntry]:
    """Every named actor: actors.tsv, country names and capitals (as governments), generic groups."""
    entries: list[tuple[str, ActorEntry]] = []
    for row in load_tsv("actors.tsv"):
        code = row["code"] or None
        if not row["alias"] or not row["sector"]:
            raise ResourceError(f"actors.tsv: incomplete row for alias {row['alias']!r}")
        entries.append((row["alias"], ActorEntry(code, row["sector"], row["kind"], row["canonical"])))
    for iso3, roles in countries().items():
        for f in roles.get("name", []):
            entries.append((f, ActorEntry(iso3, "GOV", "COUNTRY", iso3)))
        for f in roles.get("capital", []):
            entries.append((f, ActorEntry(iso3, "GOV", "CAPITAL", iso3)))
        for f in roles.get("adj_pl", []):
            entries.append((f, ActorEntry(iso3, "CVL", "NATIONALS", iso3)))
            entries.append(("ال" + f, ActorEntry(iso3, "CVL", "NATIONALS", iso3)))
        for adj in roles.get("adj", []):
            stem = norm(adj)[:-1] if norm(adj).endswith("ي") else norm(adj)
            for pl in (stem + "يون", stem + "يين", norm(adj) + "ا"):  # روسيون، روسيين، روسيا (acc.)
                entries.append((pl, ActorEntry(iso3, "CVL", "NATIONALS", iso3)))
                entries.append(("ال" + pl, ActorEntry(iso3, "CVL", "NATIONALS", iso3)))
    for row in load_tsv("generic_actors.tsv"):
        entries.append((row["alias"], ActorEntry(None, row["sector"], "GROUP", row["alias"])))
    # Earlier sources win for the same phrase: keep the first entry of each normalised alias. Words that are
    # as often ordinary adjectives (مالي "financial") never stand alone for a country.
    seen: set[str] = set(grammar("ambiguous_adj"))
    unique = []
    for phrase, entry in entries:
        key = norm(phrase)
        if key not in seen:
            seen.add(key)
            unique.append((phrase, entry))
    return PhraseMatcher(unique, prefix_ok=_actor_prefix_ok)


def _actor_prefix_ok(entry: ActorEntry, prefix: str) -> bool:
    """A country or capital never takes the article: السورية is the adjective, not سورية; nor do the counted
    people of `indefinite_only` (مقتل سبعة أشخاص; الأشخاص is anyone)."""
    if not prefix.endswith(("ال", "لل")):
        return True
    return entry.kind not in ("COUNTRY", "CAPITAL") and not (
        entry.kind == "GROUP" and norm(entry.canonical) in grammar("indefinite_only"))


@functools.cache
def head_matcher() -> PhraseMatcher[HeadEntry]:
    """Titles, bodies and modifiers that combine with a nationality into an actor."""
    entries = [(r["head"], HeadEntry(r["sector"], r["kind"])) for r in load_tsv("heads.tsv")]
    return PhraseMatcher(entries)


@functools.cache
def possessed_head_matcher() -> PhraseMatcher[HeadEntry]:
    """Bodies with an attached possessive pronoun (قواتها، طائراته، جيشهم): one-word bodies only."""
    entries = [(r["head"], HeadEntry(r["sector"], r["kind"])) for r in load_tsv("heads.tsv")
               if r["kind"] == "body" and " " not in r["head"].strip() and not r["head"].startswith("ال")]
    return PhraseMatcher(entries, enclitics=True)


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """Normalised words of a one-column list file (``form`` column)."""
    return frozenset(norm(r["form"]) for r in load_tsv(name))


@functools.cache
def word_table(name: str, key: str = "form") -> dict[str, dict[str, str]]:
    """Rows of a table keyed by the normalised ``key`` column."""
    return {norm(r[key]): r for r in load_tsv(name)}


@functools.cache
def cue_table() -> dict[str, frozenset[str]]:
    """Normalised cue word → its roles (a word may have several: نفى is a speech cue and a negation)."""
    out: dict[str, set[str]] = {}
    for r in load_tsv("cues.tsv"):
        out.setdefault(norm(r["form"]), set()).add(r["role"])
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def grammar(role: str) -> frozenset[str]:
    """Normalised words of ``grammar.tsv`` with the given role (time, partitive, local_head ...)."""
    return frozenset(norm(r["form"]) for r in load_tsv("grammar.tsv") if r["role"] == role)
