"""Places: gazetteer lookup of place names, disambiguated by the words around them and the article's countries."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from rasd.doc import Doc
from rasd.gazetteer import GazEntry, name_index, place_matcher
from rasd.lexicon import nationality_index, word_table
from rasd.records import Place, Token
from rasd.text import stems

VERSION = "places@1"


@functools.cache
def _cue_words() -> dict[str, str]:
    """Words before a name that say what kind of place it is (محافظة → admin1, بلدة → town ...)."""
    return {k: r["kind"] for k, r in word_table("place_cues.tsv").items()}


# Countries whose places win a tie in Arabic news, before population decides.
_REGION = ("SYR", "IRQ", "LBN", "JOR", "PSE", "ISR", "YEM", "EGY", "LBY", "SAU", "TUR", "IRN", "ARE", "QAT",
           "KWT", "BHR", "OMN", "SDN", "TUN", "DZA", "MAR")


def _is_place_name(tok: Token) -> bool:
    index = name_index()
    return any(f in index for f, _ in stems(tok.norm))


def _cue_before(tokens: Sequence[Token], i: int, lo: int) -> str | None:
    """The place cue governing token i: directly before it, or before a list (محافظات حلب ودمشق)."""
    cues = _cue_words()
    k = i - 1
    hops = 0
    while k >= lo and hops < 8:
        n = tokens[k].norm
        for form in (n, n[1:] if n.startswith(("و", "ب", "ف", "ل")) else n):
            if form in cues:
                return cues[form]
        if tokens[k].norm in ("،", ",") or (tokens[k].is_word and tokens[k].norm.startswith("و")) or hops == 0 \
                or _is_place_name(tokens[k]):
            k -= 1
            hops += 1
            continue
        break
    return None


_LOCATIVE = frozenset({"في", "من", "الي", "قرب", "بالقرب", "داخل", "خارج", "نحو", "باتجاه", "عبر", "حتي",
                       "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "محيط", "اطراف"})


def _locative(tokens: Sequence[Token], i: int, start: int) -> bool:
    """A place reading is supported: a preposition or place word before it, or ب/ل attached to it."""
    tok = tokens[i]
    pre = tok.norm[: max(0, len(tok.norm) - len(tok.norm.lstrip("وفبل")))]
    if start > tok.start and "ب" in pre:
        return True
    if i == 0:
        return False
    prev = tokens[i - 1].norm
    prev = prev[1:] if prev.startswith("و") and len(prev) > 2 else prev
    return prev in _LOCATIVE or prev in _cue_words()


def _needs_context(e: GazEntry, name: str) -> bool:
    """Readings that are also common words: GeoNames names, short names, adjectival names (الغربية)."""
    if e.source == "geonames" or (len(name) <= 3 and e.country not in _REGION):
        return True
    return e.feature in ("admin1", "admin2") and name.startswith("ال") and name.endswith("يه")


def choose(cands: Sequence[GazEntry], cue: str | None, doc_countries: set[str]) -> GazEntry:
    """The most likely entry for a name, given the cue word before it and the article's countries."""
    import math

    def score(e: GazEntry) -> float:
        want_admin = cue in ("admin1", "rural") and e.feature == "admin1"
        want_town = cue == "town" and e.feature in ("city", "capital", "town")
        return (
            3.0 * (want_admin or want_town)
            + 2.0 * (e.source in ("extra", "admin", "user"))
            + 0.5 * (e.country in doc_countries)
            + 0.5 * (e.country in _REGION)
            + 0.5 * (e.feature == "capital")
            + math.log10(e.population + 10)
        )

    return max(cands, key=score)


def find_places(doc: Doc) -> list[Place]:
    """Place mentions of the document, resolved to one gazetteer entry each."""
    toks = doc.tokens
    found: list[tuple[int, int, Sequence[GazEntry], str | None]] = []
    doc_countries: set[str] = set()
    matcher = place_matcher()
    for a, b in doc.sent_token_ranges:
        for m in matcher.find(toks, a, b):
            cue = _cue_before(toks, m.i, a)
            ok = cue is not None or _locative(toks, m.i, m.start)
            cands = [e for e in m.payload if ok or not _needs_context(e, m.phrase)]
            if not cands:
                continue
            found.append((m.start, m.end, cands, cue))
            doc_countries.update(e.country for e in cands if e.country and e.feature == "country")
    places: list[Place] = []
    for start, end, cands, cue in found:
        e = choose(cands, cue, doc_countries)
        feature = e.feature
        precision = e.precision
        if cue == "rural" and e.feature in ("admin1", "city", "capital"):
            precision, feature = 2, "region"
        places.append(Place(
            text=doc.text[start:end], start=start, end=end, name=e.name, country=e.country,
            admin1=e.admin1, admin2=e.admin2, lat=e.lat, lon=e.lon, gazetteer_id=e.gid,
            precision=precision, feature=feature,
        ))
    places.extend(_national_territory(doc))
    places.sort(key=lambda p: p.start)
    return places


def _national_territory(doc: Doc) -> list[Place]:
    """'الأراضي السورية' and the like: the country named by a nationality adjective."""
    out = []
    toks = doc.tokens
    for k in range(len(toks) - 1):
        t = toks[k]
        if t.norm.lstrip("وب") in ("الاراضي", "اراضي") or t.norm in ("الاراضي", "بالاراضي", "والاراضي"):
            iso = nationality_index().get(toks[k + 1].norm)
            if iso and toks[k + 1].sent == t.sent:
                s = t.start + (len(t.text) - len(t.text.lstrip("وب")))
                e = toks[k + 1].end
                out.append(Place(text=doc.text[s:e], start=s, end=e, name=iso, country=iso,
                                 gazetteer_id=f"country:{iso}", precision=4, feature="country"))
    return out


def places(doc: Doc) -> Doc:
    """Pipeline stage: find and resolve place names."""
    doc.places = find_places(doc)
    doc.stages.append(VERSION)
    return doc
