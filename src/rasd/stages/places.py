"""Places: gazetteer lookup of place names, disambiguated by the words around them and the article's countries."""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

import regex

from rasd.doc import Doc
from rasd.gazetteer import GazEntry, is_common_word, is_latin, latin_index, latin_keys, name_index, place_matcher
from rasd.lexicon import nationality_index, word_table
from rasd.records import Article, Place, Token
from rasd.text import norm, stems

VERSION = "places@1"


@functools.cache
def _cue_words() -> dict[str, str]:
    """Words before a name that say what kind of place it is (محافظة → admin1, بلدة → town ...)."""
    return {k: r["kind"] for k, r in word_table("place_cues.tsv").items()}


# Countries whose places win a tie in Arabic news, before population decides.
_REGION = ("SYR", "IRQ", "LBN", "JOR", "PSE", "ISR", "YEM", "EGY", "LBY", "SAU", "TUR", "IRN", "ARE", "QAT",
           "KWT", "BHR", "OMN", "SDN", "TUN", "DZA", "MAR")


def _is_place_name(tok: Token, index: Mapping[str, object] | None = None) -> bool:
    if index is None:
        index = name_index()
    return any(f in index for f, _ in stems(tok.norm))


def _cue_before(
    tokens: Sequence[Token], i: int, lo: int, index: Mapping[str, object] | None = None
) -> str | None:
    """The place cue governing token i: directly before it, or before a list (محافظات حلب ودمشق).

    ``index`` is :func:`name_index` when the caller has it (looking it up checks the user's file).
    """
    cues = _cue_words()
    k = i - 1
    hops = 0
    while k >= lo and hops < 8:
        n = tokens[k].norm
        for form in (n, n[1:] if n.startswith(("و", "ب", "ف", "ل")) else n):
            if form in cues:
                return cues[form]
        if tokens[k].norm in ("،", ",") or (tokens[k].is_word and tokens[k].norm.startswith("و")) or hops == 0 \
                or _is_place_name(tokens[k], index):
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
    pre = tok.text[: max(0, start - tok.start)]  # the proclitics before the name (وبترا: و, not وب)
    if "ب" in pre:
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
    if is_common_word(name) and e.source != "country":  # مصر، سوريا are listed only against GeoNames towns
        return True
    return e.feature in ("admin1", "admin2") and name.startswith("ال") and name.endswith("يه")


def _score(e: GazEntry, cue: str | None, doc_countries: set[str]) -> float:
    """How likely a reading is: the cue word before the name, trusted sources, the article's countries,
    the region rasd is built for, capitals, population."""
    want_admin = cue in ("admin1", "rural") and e.feature == "admin1"
    want_town = cue == "town" and e.feature in ("city", "capital", "town", "village")
    return (
        5.0 * (want_admin or want_town)
        + 2.0 * (e.source in ("extra", "admin", "user", "country"))
        + 1.5 * (e.country in doc_countries)
        + 0.5 * (e.country in _REGION)
        + 0.5 * (e.feature == "capital")
        + math.log10(_weight(e) + 10)
    )


SMALL_TOWN = 100_000  # population under which a GeoNames town needs its country named in the article


def _stray_town(e: GazEntry, cands: Sequence[GazEntry], cue: str | None, doc_countries: set[str]) -> bool:
    """A small town known only to GeoNames, in a country the article does not name, with no word such as
    مدينة before it: news names such a town with its country, so the word is an ordinary one (دوري "league"
    for Dori in Burkina Faso, كرة "ball" for Carei in Romania, ألم "pain" for Ulm)."""
    return cue is None and e.population < SMALL_TOWN and e.country not in doc_countries \
        and all(c.source == "geonames" for c in cands)


def _weight(e: GazEntry) -> int:
    """Population used for ranking: a country outweighs a same-named town; admin units count for nothing
    (their population would beat the city they are named after)."""
    if e.feature == "country":
        return 10_000_000
    return 0 if e.feature in ("admin1", "admin2", "admin3") else e.population


def choose(cands: Sequence[GazEntry], cue: str | None, doc_countries: set[str]) -> GazEntry:
    """The most likely entry for a name, given the cue word before it and the article's countries."""
    return max(cands, key=lambda e: _score(e, cue, doc_countries))


def _to_place(e: GazEntry, text: str, start: int, end: int, cue: str | None) -> Place:
    feature, precision = e.feature, e.precision
    if cue == "rural" and e.feature in ("admin1", "city", "capital"):
        precision, feature = 2, "region"
    return Place(text=text, start=start, end=end, name=e.name, country=e.country, admin1=e.admin1,
                 admin2=e.admin2, lat=e.lat, lon=e.lon, gazetteer_id=e.gid, precision=precision, feature=feature)


def _adjective(tok: Token, phrase: str) -> bool:
    """A place name read off a word with ال (السورية، البورصة) that the name itself lacks: a nationality
    adjective or an ordinary word (للبنين is "for the boys", not "for Benin"; الدوري "the league", not Dori)."""
    name = norm(phrase)
    return not name.startswith("ال") and (any(
        tok.norm[off:off + 2] == "ال" and tok.norm[off + 2:] == name.split()[0] for _, off in stems(tok.norm))
        or _with_article(tok.norm, name.split()[0]))


def _with_article(word: str, stem: str) -> bool:
    """The word carries ال before ``stem``, written out or merged into a proclitic ل (للبنين = ل + البنين)."""
    return not stem.startswith("ال") and "ال" + stem in {f for f, _ in stems(word)}


_MEDIA_HEADS = frozenset({"قناه", "صحيفه", "موقع", "وكاله", "شبكه", "جريده", "تلفزيون", "اذاعه"})


def _media_name(toks: Sequence[Token], i: int, j: int) -> bool:
    """A name inside an outlet's title (قناة "روسيا اليوم"، صحيفة "المصري اليوم")."""
    if j >= len(toks) or toks[j].norm != "اليوم":
        return False
    k = i - 1
    while k >= 0 and not toks[k].is_word and toks[k].sent == toks[i].sent:
        k -= 1
    return k >= 0 and toks[k].norm in _MEDIA_HEADS


def find_places(doc: Doc) -> list[Place]:
    """Place mentions of the document, resolved to one gazetteer entry each."""
    toks = doc.tokens
    found: list[tuple[int, int, Sequence[GazEntry], str | None, str]] = []
    doc_countries: set[str] = set()
    matcher = place_matcher()
    index = name_index()
    for a, b in doc.sent_token_ranges:
        for m in matcher.find(toks, a, b):
            cue = _cue_before(toks, m.i, a, index)
            ok = cue is not None or _locative(toks, m.i, m.start)
            cands = [e for e in m.payload if ok or not _needs_context(e, m.phrase)]
            # الأزمة السورية: the adjective; البورصة، الدوري: common nouns
            if not cands or _adjective(toks[m.i], m.phrase) or _media_name(toks, m.i, m.j):
                continue
            found.append((m.start, m.end, cands, cue, m.phrase))
            # عمان (Oman, or Amman in rasd's own tables) votes for neither; مصر beside GeoNames towns still votes
            if not any(e.feature != "country" and e.source in ("extra", "admin", "user") for e in cands):
                doc_countries.update(e.country for e in cands if e.country and e.feature == "country")
    # nationality adjectives name the article's countries too (المحتجون الأردنيون ... في عمان: Amman)
    nationalities = nationality_index()
    doc_countries.update(nationalities[t.norm] for t in toks if t.norm in nationalities)
    places: list[Place] = []
    worded: list[bool] = []  # read off a name that is also an ordinary word or a person's name
    for start, end, cands, cue, phrase in found:
        e = choose(cands, cue, doc_countries)
        if _stray_town(e, cands, cue, doc_countries):
            continue
        places.append(_to_place(e, doc.text[start:end], start, end, cue))
        worded.append(e.source != "country" and is_common_word(phrase))
    # such a place (العمري، صبحان) is read only in an article about its country, or naming none
    named = {p.country for p, w in zip(places, worded, strict=True) if p.country and not w}
    places = [p for p, w in zip(places, worded, strict=True) if not (w and named and p.country not in named)]
    places.extend(_national_territory(doc))
    places.sort(key=lambda p: p.start)
    return places


def _national_territory(doc: Doc) -> list[Place]:
    """'الأراضي السورية' and the like: the country named by a nationality adjective."""
    out: list[Place] = []
    if "اراضي" not in doc.norm.text:  # every token below holds it, and a token's form is in the view
        return out
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


# --- geocoding a name on its own ----------------------------------------------------------------

@functools.cache
def _query_words() -> tuple[dict[str, str], frozenset[str]]:
    """From place_query_words.tsv: level words (form → admin1/admin2/admin3/town) and facility words
    (with and without ال; missions, سفارة and قنصلية, are facilities too)."""
    levels: dict[str, str] = {}
    facility: set[str] = set()
    for k, r in word_table("place_query_words.tsv").items():
        if r["kind"] in ("facility", "road", "mission"):
            facility.update((k, "ال" + k))
        else:
            levels[k] = r["kind"]
    return levels, frozenset(facility)


@functools.cache
def _words_of_kind(kind: str) -> frozenset[str]:
    """Words of one kind of place_query_words.tsv, with and without ال: ``mission`` (سفارة، قنصلية: the state
    such a phrase names is where the place is not), ``road`` (طريق، شارع: a place in its name is where it leads)."""
    return frozenset(f for k, r in word_table("place_query_words.tsv").items() if r["kind"] == kind
                     for f in (k, "ال" + k))


@functools.cache
def _epithets() -> dict[str, tuple[str, ...]]:
    """place_epithets.tsv: a word standing for a country (المملكة) → the states it can mean, usual first."""
    return {k: tuple(r["countries"].split("|")) for k, r in word_table("place_epithets.tsv").items()}


def _mission_states(words: list[str]) -> set[str]:
    """The states an embassy phrase names (سفارة الكويت، السفارة اليمنية، قنصلية المملكة المتحدة), if it is one."""
    if not words or not any(f in _words_of_kind("mission") for f, _ in stems(words[0])):
        return set()
    out: set[str] = set()
    rest = words[1:]
    for n in range(len(rest), 0, -1):
        for i in range(len(rest) - n + 1):
            for e in name_index().get(" ".join(rest[i:i + n]), ()):
                if e.feature == "country" and e.country:
                    out.add(e.country)
    nat = nationality_index()
    out.update(iso for w in rest for f, _ in stems(w) if (iso := nat.get(f)))
    return out


_LATIN_LEVEL = (("governorate", "admin1"), ("province", "admin1"), ("sub-district", "admin3"),
                ("subdistrict", "admin3"), ("nahiya", "admin3"), ("district", "admin2"))
_LEVELS = ("admin1", "admin2", "admin3", "town", "country")


def _strip_query(words: list[str]) -> tuple[list[str], str | None]:
    """Drop an opening level word (بمحافظة، لمنطقة، مدينة): the words left and the level asked for."""
    level = None
    for _ in range(2):
        if len(words) < 2:
            break
        levels = _query_words()[0]
        head = next((f for f, _ in stems(words[0]) if f in levels), None)
        if head is None:
            break
        level = level or levels[head]
        words = words[1:]
    return words, level


def _variants(words: list[str]) -> list[str]:
    """A phrase as written, with its first word's proclitics split off, with and without ال."""
    out: list[str] = []
    for first, _ in stems(words[0]):
        for f in (first, first[2:] if first.startswith("ال") and len(first) > 4 else "ال" + first):
            v = " ".join([f, *words[1:]])
            if v not in out:
                out.append(v)
    return out


def _split_glued(word: str) -> list[str]:
    """A hashtag-style word with a second ال inside split in two (حفرالباطن → حفر الباطن)."""
    i = word.find("ال", 2)
    if i > 1 and len(word) - i >= 4 and word not in name_index():
        return [word[:i], word[i:]]
    return [word]


def _arabic_candidates(query: str, countries: set[str]) -> tuple[list[GazEntry], str | None, bool, bool]:
    """Candidates for an Arabic query: (entries, level asked for, whether only part of the query matched,
    whether they were found by their English spelling).

    Tries the name (proclitics and a level word split off), then its likely English spelling among
    GeoNames' names (in the article's countries or rasd's region), then its longest known part
    (طريق الفحيحيل → الفحيحيل).
    """
    from rasd.gazetteer import arabic_key, transliteration_index

    full = norm(query).split()
    words, level = _strip_query(full)
    index = name_index()
    split = [w for x in words for w in _split_glued(x)]  # hashtags: حفرالباطن → حفر الباطن
    for ws in (full, words, split):  # ريف دمشق is a name, not ريف + دمشق
        cands = [e for v in _variants(ws) for e in index.get(v, ())]
        if cands:
            return list(dict.fromkeys(cands)), level, False, False
    words = split
    facilities = _query_words()[1]
    facility = any(f in facilities for f, _ in stems(words[0]))
    allowed = countries or set(_REGION)
    keys = [k for v in ([] if facility else _variants(words)) if (k := arabic_key(v)) and len(k) >= 3]
    cands = [e for k in keys for e in transliteration_index().get(k, ()) if e.country in allowed]
    if not cands and countries:  # a context naming only other countries must not hide حفر الباطن
        cands = [e for k in keys if len(k) >= 5 for e in transliteration_index().get(k, ())
                 if e.country in _REGION]
    if cands:
        return list(dict.fromkeys(cands)), level, False, True
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = words[i:i + n]
            # right after طريق/سد/مستشفى, or an opening منطقة/قرية, a name that is also a word is a name
            # (طريق الأزرق، منطقة مليح), if rasd lists it
            named = (i > 0 and any(f in facilities for f, _ in stems(words[i - 1]))) or (i == 0 and level is not None)
            if any(f in facilities for f, _ in stems(part[0])) or (
                    len(part) == 1 and (len(part[0]) < 4 or (is_common_word(part[0]) and not named))):
                continue
            common = any(is_common_word(v) for v in _variants(part))  # الروم is a word, so روم is no Rome
            cands += [e for v in _variants(part) for e in index.get(v, ())
                      if (not common or (named and e.source != "geonames"))
                      and not (e.feature == "country" and _with_article(part[0], v.split()[0]))]
            if not cands and n > 1:
                keys = {arabic_key(v) for v in _variants(part)}
                cands += [e for k in keys if k and len(k) >= 4
                          for e in transliteration_index().get(k, ()) if e.country in allowed]
            if cands:  # the first name of a phrase is its head (منطقة مليح رياض ...: Mleih, not Riyadh)
                break
        if cands:
            if facility and not any(f in _words_of_kind("road") for f, _ in stems(words[0])):
                cands = [c for e in cands for c in _capital_for(e)]  # جامعة الكويت is in Kuwait City
            return list(dict.fromkeys(cands)), level, True, False
    return [], level, False, False


@functools.cache
def _capitals() -> dict[str, tuple[GazEntry, ...]]:
    from rasd.gazetteer import entries_where

    out: dict[str, list[GazEntry]] = {}
    for e in entries_where(lambda e: e.feature == "capital" and e.source == "extra"):
        out.setdefault(e.country or "", []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _capital_for(e: GazEntry) -> tuple[GazEntry, ...]:
    """A national institution named after its country (جامعة الكويت، مرفأ لبنان) is in the capital."""
    if e.feature != "country":
        return (e,)
    return _capitals().get(e.country or "", ()) or (e,)


def _level_ok(e: GazEntry, level: str | None) -> bool:
    if level is None:
        return False
    if level == "town":
        return e.feature in ("city", "capital", "town", "village")
    return e.feature == level


def geocode(name: str, context: str | None = None, *, level: str | None = None, limit: int = 5) -> list[Place]:
    """Resolve one place name, best reading first.

    Args:
        name: a place name in Arabic (محافظة حماة، منطقة حارم، بسراقب، #حفر_الباطن) or Latin letters (Hama,
            Harem District). An opening محافظة/منطقة/ناحية/مدينة ... says which level is meant.
        context: text around the name (a sentence, a tweet, an article): its countries and the cue word
            before the name help choose; when the name itself is unknown, the place the context names
            stands in for it, at its own (coarser) precision.
        level: prefer units of this level: ``admin1``, ``admin2``, ``admin3``, ``town`` or ``country``.
        limit: at most this many readings.

    Returns:
        Places (``text`` is the query) ordered by likelihood; empty when nothing fits. A reading found
        from part of the name (طريق الفحيحيل) has precision 2 at best.

    >>> [(p.admin1, p.precision) for p in geocode("محافظة حماة", limit=1)]
    [('SY-HM', 3)]
    """
    if level is not None and level not in _LEVELS:
        raise ValueError(f"level must be one of {', '.join(_LEVELS)}, not {level!r}")
    query = " ".join(_FORMAT.sub("", name).replace("#", " ").replace("_", " ").split())
    if not query:
        return []
    cue, doc_countries, ctx_places = _context_hints(query, context)
    if not is_latin(query):
        key = norm(query)
        key = key[1:] if key not in _epithets() and key[:1] in ("و", "ب") else key
        if states := _epithets().get(key):  # المملكة: the kingdom the context names, else the usual one
            iso = next((c for c in states if c in doc_countries), states[0])
            return [_country_place(query, iso)]
        if named := _mission_states(norm(query).split()):
            others = [p for p in ctx_places if p.country not in named]
            return [_mission_place(query, _context_fallback(query, others))] if others else []
    partial = spelled = False
    bonus: dict[str, float] = {}
    if is_latin(query):
        cands = []
        for i, k in enumerate(latin_keys(query)):
            for e in latin_index().get(k, ()):
                if e not in cands:
                    cands.append(e)
                    bonus[e.gid] = 1.0 - 0.4 * i
        low = query.lower()
        level = level or next((lv for w, lv in _LATIN_LEVEL if w in low), None)
    else:
        cands, qlevel, partial, spelled = _arabic_candidates(query, doc_countries)
        level = level or qlevel
        if partial and cands and all(e.feature == "country" for e in cands) and any(
                f in _words_of_kind("road") for f, _ in stems(norm(query).split()[0])):
            # a road named after a country leads there from another (طريق الكويت in Hafr al-Batin)
            others = [p for p in ctx_places if p.country not in {e.country for e in cands}]
            if others:
                return [_context_fallback(query, others)]
    if level is None and cue in ("admin1", "rural"):
        level = "admin1"
    if level is None and cue == "town":
        level = "town"

    # منطقة asks for a district (Syria); where no district has the name it is a Gulf region (منطقة الجوف)
    region_ok = level == "admin2" and not any(e.feature == "admin2" for e in cands)

    def rank(e: GazEntry) -> float:
        return (10.0 * _level_ok(e, level) + 8.0 * (region_ok and e.feature == "admin1")
                + 0.5 * (e.source == "user") + bonus.get(e.gid, 0.0) + _score(e, None, doc_countries))

    # a small GeoNames town abroad under an Arabic alias (سهيل is not Fuengirola); when the context names
    # places, a small town outside its countries is less likely than a place rasd does not know in them
    allowed = (doc_countries if ctx_places and not spelled else set()) or doc_countries | set(_REGION)
    far = [e for e in cands if e.source == "geonames" and e.country not in allowed and e.population < 100_000]
    cands = [e for e in cands if e not in far]
    qwords = norm(query).split()
    if not is_latin(query) and doc_countries and qwords and any(is_common_word(v) for v in _variants(qwords)):
        # a name that is also a word or a person's name (العمري) is a place of the context's countries
        cands = [e for e in cands if e.country in doc_countries or e.feature == "country"]
    if partial and ctx_places and doc_countries:  # محطة السليمانية in a Saudi tweet is not in Iraq
        cands = [e for e in cands if e.country in doc_countries]
    if "عُ" in name and norm(query) == "عمان":  # vocalised ʿUmān is Oman, not Amman (عَمّان)
        cands = [e for e in cands if e.country == "OMN"] or cands
    ranked = _dedupe(sorted(cands, key=rank, reverse=True))[:limit]
    out = [_to_place(e, query, 0, len(query), cue) for e in ranked]
    if partial:
        for p in out:
            p.precision = max(p.precision, 2)
    if not out and ctx_places and (airport := _main_airport(query, ctx_places)):
        out = [airport]
    if not out and ctx_places:
        out = [_context_fallback(query, ctx_places)]
    return out


_FORMAT = regex.compile(r"\p{Cf}")  # zero-width joiners and marks that tweets carry (السعودية⁠)


def _country_place(query: str, iso: str) -> Place:
    return replace(country_place(iso), text=query, end=len(query))


def country_place(iso: str) -> Place:
    """The country ``iso`` as a place (its representative point), with empty text and offsets for the caller."""
    from rasd.gazetteer import country_points

    lat, lon = country_points().get(iso, (None, None))
    return Place(text="", start=0, end=0, name=iso, country=iso, lat=lat, lon=lon,
                 gazetteer_id=f"country:{iso}", precision=4, feature="country")


def _context_fallback(query: str, ctx_places: list[Place]) -> Place:
    """The place a context names, standing in for an unknown name: the province the context names most
    (in its main country), else the country. Precision 2 at best: the name is somewhere in it."""
    main = Counter(p.country for p in ctx_places if p.country).most_common(1)[0][0]
    provinces = Counter(p.admin1 for p in ctx_places if p.country == main and p.admin1)
    if provinces:
        best = provinces.most_common(1)[0][0]
        p = min((p for p in ctx_places if p.admin1 == best), key=lambda p: -p.precision)
        return Place(text=query, start=0, end=len(query), name=p.name, country=main, admin1=best,
                     lat=p.lat, lon=p.lon, gazetteer_id=p.gazetteer_id, precision=max(2, p.precision),
                     feature="region")
    return _country_place(query, main)


@functools.cache
def _airports() -> dict[str, GazEntry]:
    """Each country's main airport: of the airports rasd lists, the one nearest its capital."""
    from rasd.gazetteer import distance_km, entries_where

    out: dict[str, GazEntry] = {}
    for e in entries_where(lambda e: e.feature == "airport" and e.source == "extra" and e.lat is not None):
        caps = _capitals().get(e.country or "", ())
        if len(caps) != 1 or caps[0].lat is None:
            continue
        cap = caps[0]

        def d(x: GazEntry, cap: GazEntry = cap) -> float:
            return distance_km(x.lat or 0.0, x.lon or 0.0, cap.lat or 0.0, cap.lon or 0.0)

        if e.country not in out or d(e) < d(out[e.country]):
            out[e.country or ""] = e
    return out


def _main_airport(query: str, ctx_places: list[Place]) -> Place | None:
    """'The airport' (المطار، طريق المطار) unnamed: the main airport of the country the context names."""
    words = norm(query).split()
    if not words or words[-1] not in ("المطار", "مطار") or not all(
            any(f in _query_words()[1] for f, _ in stems(w)) for w in words[:-1]):
        return None
    main = Counter(p.country for p in ctx_places if p.country).most_common(1)
    e = _airports().get(main[0][0]) if main else None
    if e is None:
        return None
    out = _to_place(e, query, 0, len(query), None)
    if len(words) > 1:  # a road or a roundabout on the way to it
        out.precision, out.feature = 2, "site"
    return out


def _mission_place(query: str, p: Place) -> Place:
    """An embassy in a country the context names only as a country is in that country's capital."""
    if p.feature != "country":
        return p
    caps = _capitals().get(p.country or "", ())
    if len(caps) != 1:
        return p
    out = _to_place(caps[0], query, 0, len(query), None)
    out.precision, out.feature = 2, "site"
    return out


def _dedupe(ranked: list[GazEntry]) -> list[GazEntry]:
    """Drop a GeoNames reading of a place that a trusted entry of the same kind already gives (within 10 km)."""
    from rasd.gazetteer import distance_km

    out: list[GazEntry] = []
    for e in ranked:
        if e.source == "geonames" and e.lat is not None and any(
            o.source != "geonames" and o.lat is not None and o.precision == 1
            and distance_km(o.lat, o.lon or 0, e.lat, e.lon or 0) < 10 for o in ranked
        ):
            continue
        out.append(e)
    return out


_HASHTAG = regex.compile(r"#([\p{Arabic}_]{3,})")


def _context_hints(query: str, context: str | None) -> tuple[str | None, set[str], list[Place]]:
    """The cue word before the query in ``context``, the countries the context names and its places."""
    if not context:
        return None, set(), []
    from rasd.doc import make_doc

    doc = make_doc(Article(doc_id="context", text=context.replace("_", " ").replace("#", " ")))
    found = find_places(doc)
    from rasd.gazetteer import arabic_key

    for tag in _HASHTAG.findall(context):  # #حفر_الباطن: a hashtag that is a whole name on its own
        words = norm(tag.replace("_", " ")).split()
        while len(words) > 1 and is_common_word(words[-1]):  # #الكويت_الان, #حفرالباطن_عاجل
            words.pop()
        name = " ".join(words)
        if not name or name == norm(query) or is_common_word(name):
            continue
        cands, _, partial, _ = _arabic_candidates(name, set())
        known = any(v in name_index() for v in _variants(words))
        if not known and len(arabic_key(name) or "") < 5:  # a short English-spelling guess: #اخبار is no Khobar
            continue
        if cands and not partial:
            e = choose(cands, None, set())
            if e.country in _REGION and e.precision <= 3:
                found.append(_to_place(e, name, 0, len(name), None))
    qn = norm(query)
    # the query's own mention does not vote for itself, with or without its proclitics (بالسيدة زينب)
    own = {qn, " ".join(_strip_query(qn.split())[0]), *(f for f, _ in stems(qn))}

    def is_own(p: Place) -> bool:
        n = norm(p.text)
        return bool(own & {n, *(f for f, _ in stems(n))})

    doc_countries = {p.country for p in found if p.country and not is_own(p)}
    cue = None
    for a, b in doc.sent_token_ranges:
        for m in place_matcher().find(doc.tokens, a, b):
            if norm(doc.text[m.start:m.end]) == qn:
                cue = _cue_before(doc.tokens, m.i, a)
                break
    return cue, doc_countries, found
