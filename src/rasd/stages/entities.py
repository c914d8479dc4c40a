"""Entity mentions and their actors: lexicon names, title + nationality phrases, persons, coreference.

First version (rule based): named actors come from ``actors.tsv`` and
``countries.tsv``; a head noun or title from ``heads.tsv`` followed by a
nationality adjective or a country (وزارة الدفاع الروسية، الجيش السوري) becomes
an actor with the country's code and the head's sector; unknown person names are
taken from beside a title (قال أناتولي أنطونوف نائب وزير ...) and inherit its code;
a later surname or bare title points back to the person (coreference).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from rasd.doc import Doc
from rasd.lexicon import (
    ActorEntry,
    HeadEntry,
    actor_matcher,
    country_name_index,
    cue_table,
    grammar,
    head_matcher,
    nationality_index,
    nationality_matcher,
    possessed_head_matcher,
    word_set,
)
from rasd.matcher import Match, char_offset
from rasd.memo import Memo
from rasd.records import Actor, Mention, Token
from rasd.resources import load_tsv
from rasd.stages.statements import first_token_from
from rasd.text import QUOTES, norm, stems

VERSION = "entities@1"


_LABEL = {
    "PER": "PER", "ORG": "ORG", "GROUP": "ORG", "MEDIA": "ORG", "GPE": "LOC",
    "COUNTRY": "LOC", "CAPITAL": "LOC", "NATIONALS": "MISC", "HEAD": "ORG",
}


@functools.cache
def _one_word_triggers() -> frozenset[str]:
    """Normalised event triggers of one word (هجوم، قصف): never a name, never a side's noun."""
    return frozenset(norm(r["form"]) for r in load_tsv("triggers.tsv") if " " not in r["form"].strip())


@functools.cache
def _one_word_noun_triggers() -> frozenset[str]:
    """Normalised one-word event nouns (هجوم، تفجير; not the verbs هاجم، قتل)."""
    return frozenset(norm(r["form"]) for r in load_tsv("triggers.tsv")
                     if " " not in r["form"].strip() and r["pos"] == "noun")


@functools.cache
def _lexicon_verbs() -> frozenset[str]:
    """Normalised verbs rasd's lexicons know: the first words of verb triggers, the reporting cues, and verbs of
    coming and going that open news sentences (ووصل وزير الخارجية)."""
    verbs = {norm(r["form"].split()[0]) for r in load_tsv("triggers.tsv") if r["pos"] == "verb" and r["form"].strip()}
    return frozenset(verbs | word_set("cues.tsv") | grammar("motion_verb"))


@functools.cache
def _trigger_openers() -> frozenset[str]:
    """Normalised first words of the verbal-noun triggers of several words (اتصالا هاتفيا، سيارة مفخخة)."""
    firsts = {norm(r["form"].split()[0]) for r in load_tsv("triggers.tsv")
              if " " in r["form"].strip() and r["pos"] == "noun"}
    # not the words that open a head or body phrase of heads.tsv (قوات، حزب): they open names of their own
    # (a body word that heads.tsv does not list, such as لجنة, stays in: it is no part of a person's name)
    return frozenset(f for f in firsts if not head_matcher().starts(f))


@functools.cache
def _not_name_words() -> frozenset[str]:
    """Words that never belong to a person's name: function words, cues, time words, number words."""
    words = set(word_set("function_words.tsv"))
    words |= word_set("cues.tsv")
    words |= {w for w in word_set("months.tsv")}
    words |= set(word_set("numbers.tsv"))  # سبعة عشر سائحا: a count, not a name before the title
    words |= grammar("motion_verb")  # أمس وصل رئيس الوزراء: the verb before a title is no name
    # one-word event triggers (هجوما، قصف): «وزير الخارجية هجوما حادا» holds no name; nor the verbal
    # noun that opens a longer trigger («وزير الخارجية اتصالا هاتفيا»)
    words |= {f for f in _one_word_triggers() if len(f) > 2}
    words |= {f for f in _trigger_openers() if len(f) > 2}
    return frozenset(words)


def name_like(tok: Token) -> bool:
    n = tok.norm
    if not tok.is_word or len(n) < 2 or n[0].isdigit() or n.startswith("ال"):
        return False
    if (len(n) >= 4 and n.endswith("ها")) or (len(n) >= 5 and n.endswith(("هم", "هما"))) \
            or (len(n) >= 6 and n.endswith("ته")):
        return False  # تولاها، قادتهم، وأمهلته: a verb or noun with an attached pronoun, no name
    if n in _not_name_words() or n in nationality_index() or n in country_name_index():
        return False
    if any(f in _not_name_words() for f, off in stems(n) if off):
        return False
    return head_matcher().match_at([tok], 0) is None and actor_matcher().match_at([tok], 0) is None


def _dual_to_singular(tok: Token) -> Token | None:
    """وزيرا/وزيري (dual in construct) → وزير, so titles in the dual are recognised."""
    # A dual in construct never takes the article: وزيرا الخارجية yes, الدولي ("international") no.
    n = tok.norm
    if len(n) > 3 and n[-1] in "اي" and not n.startswith("ال") and \
            any(head_matcher().starts(f) for f, _ in stems(n[:-1])):
        return replace(tok, norm=n[:-1])
    return None


def _nationality_at(tokens: Sequence[Token], k: int, end: int) -> tuple[str, int] | None:
    """(iso3, next index) when token k is a nationality adjective or a country/capital name."""
    if k >= end:
        return None
    nat = nationality_matcher().match_at(tokens, k, end)
    if nat and nat.start == tokens[k].start:
        return nat.payload, nat.j
    m = actor_matcher().match_at(tokens, k, end)
    if m and m.payload.kind in ("COUNTRY", "CAPITAL") and m.i == k:
        return m.payload.code or "", m.j
    return None


def _can_head_construct(tok: Token) -> bool:
    """Whether the word can be the first term of a construct (إضافة), the head of a genitive after it: not with
    the article (الشرطة مواطنا: a subject and an object) and not with the nun of a sound plural or a dual
    (مسلحون جنديا، مدنيين: in construct they drop it, مسلحو، مقاتلي), told by a singular that rasd knows as a
    head or actor (مسلح، مدني، جندي; not طيران، برلمان، تلفزيون, singulars whose nun is their own). Heads of a
    chain must be in construct (قائد سلاح الجو), so a definite subject never runs into the object after it."""
    n = tok.norm
    if n.startswith(_DEFINITE):
        return False
    if len(n) > 4 and n.endswith(("ون", "ين", "ان")):
        stem = n[:-2]
        return not any(head_matcher().starts(f) or actor_matcher().starts(f) for f, _ in stems(stem))
    return True


_DEFINITE = ("ال", "وال", "فال", "بال", "لل", "ولل", "كال")  # the article, after a proclitic


def _is_country_name(tokens: Sequence[Token], k: int, end: int) -> bool:
    if k >= end:
        return False
    m = actor_matcher().match_at(tokens, k, end)
    return m is not None and m.payload.kind in ("COUNTRY", "CAPITAL")


def _attributive(tokens: Sequence[Token], a: int, named: Match[ActorEntry]) -> bool:
    """A generic actor word that qualifies an event noun before it, itself or past one adjective, and agrees
    with it in definiteness (الهجوم المشتبه به، الهجوم الكيماوي المشتبه، هجوم انتحاري، العملية الانتحارية):
    an adjective, not a person. A definite one after an indefinite noun is a genitive (اعتقال المشتبه به)."""
    word = tokens[named.i].norm
    if named.payload.kind != "GROUP" or word not in grammar("attributive"):
        return False
    definite = word.startswith("ال")
    for k in (named.i - 1, named.i - 2):
        if k < a:
            return False
        n = tokens[k].norm
        if definite != n.startswith("ال"):  # an adjective agrees (الهجوم الانتحاري، هجوم انتحاري)
            return False
        bare = n[2:] if definite else n
        if bare in _one_word_noun_triggers() or bare in grammar("event_filler"):
            return True
    return False


def _compose(tokens: Sequence[Token], i: int, end: int) -> tuple[int, ActorEntry, bool, int] | None:
    """A [modifier]* head [filler]{0,2} nationality phrase at i.

    Returns (end index, entry, is_title, start offset in the text) or None.
    """
    hm = head_matcher()
    j = i
    first: int | None = None
    while j < end:
        m = hm.match_at(tokens, j, end)
        if not m or m.payload.kind != "modifier":
            break
        first = m.start if first is None else first
        j = m.j
    modified = j > i
    if j < end and modified:
        nat = _nationality_at(tokens, j, end)
        if nat is not None:  # المبعوث الأمريكي، السفير الروسي: an office of that country
            mod = hm.match_at(tokens, i, end)
            sector = mod.payload.sector if mod else "GOV"
            return nat[1], ActorEntry(nat[0], sector, "PER", ""), True, first or 0
        named = actor_matcher().match_at(tokens, j, end)
        if named and named.payload.code and named.payload.kind not in ("NATIONALS",):
            sector = named.payload.sector if named.payload.kind not in ("COUNTRY", "CAPITAL") else "GOV"
            return named.j, ActorEntry(named.payload.code, sector, "ORG", named.phrase), False, first or 0
    if j >= end:
        return None
    head = hm.match_at(tokens, j, end)
    if head is None:
        single = _dual_to_singular(tokens[j])
        if single is not None and any(hm.starts(f) for f, _ in stems(single.norm)):
            alt = [*tokens[:j], single, *tokens[j + 1 :]]
            head = hm.match_at(alt, j, end)
    if head is None or head.payload.kind == "modifier":
        return None
    first = head.start if first is None else first
    is_title = head.payload.kind == "title"
    sector = head.payload.sector
    k = head.j
    is_title = is_title or modified  # نائب/المتحدث باسم/رئيس ...: a person's office
    # a chain of heads: قائد سلاح الجو، المتحدث باسم وزارة الخارجية، المتحدث الرسمي للجمارك (a genitive by لـ)
    while k < end and (_can_head_construct(tokens[k - 1]) or tokens[k].norm.startswith("لل")):
        named = actor_matcher().match_at(tokens, k, end)
        if named is not None and named.start == tokens[k].start and named.payload.code and \
                named.payload.kind in ("ORG", "GROUP", "MEDIA"):
            # a body of a named group: تلفزيون حزب الله، مقاتلو جبهة النصرة
            return named.j, ActorEntry(named.payload.code, sector, "ORG", named.phrase), is_title, first
        nxt_head = hm.match_at(tokens, k, end)
        if nxt_head is None or nxt_head.start != tokens[k].start or nxt_head.payload.kind == "modifier":
            break
        sector = nxt_head.payload.sector
        k = nxt_head.j
    fillers = 0
    last = tokens[head.j - 1].norm
    definite = last.startswith(_DEFINITE)
    while k <= end:
        nat = _nationality_at(tokens, k, end)
        if nat and (definite if fillers == 0 else tokens[k - 1].norm.startswith("ال")) and \
                _is_country_name(tokens, k, end) and nationality_matcher().match_at(tokens, k, end) is None:
            break  # السفارة الولايات المتحدة، زعماء المجموعة إيران: a definite noun is never the head of a genitive
        if nat:
            code, nk = nat
            return nk, ActorEntry(code, sector, "PER" if is_title else "ORG", ""), is_title, first
        if k < end and tokens[k].norm in QUOTES:  # a name in quotes: صحيفة "ديلي تليغراف" البريطانية
            close = next((x for x in range(k + 1, min(end, k + 7)) if tokens[x].norm in QUOTES), None)
            if close is not None:
                k = close + 1
                continue
        if k < end and tokens[k].is_word and fillers < 2 and tokens[k].norm not in _not_name_words():
            if tokens[k].norm.startswith("ال"):
                other = hm.match_at(tokens, k, end)
                if other is not None and other.start == tokens[k].start and other.payload.kind != "modifier" \
                        and fillers == 0 and not _can_head_construct(tokens[k - 1]):
                    break  # طالب المتظاهرون الحكومة اللبنانية: a second body after a definite one is its object
                k += 1  # an adjective: الطيران الحربي الروسي
                fillers += 1
                continue
            in_construct = _can_head_construct(tokens[k - 1]) and _can_head_construct(tokens[k])
            if _is_country_name(tokens, k + 1, end) and (in_construct or tokens[k].norm.startswith("لل")):
                # a noun in construct (وزير خارجية ألمانيا) or after لـ (المتحدث الرسمي للجمارك السعودية); not
                # الشرطة مواطنا ألمانيا (Verb Subject Object)
                k += 1
                fillers += 1
                continue
        break
    # A bare head (الوزير، المركز، الجيش): no code of its own, kept for coreference.
    return head.j, ActorEntry(None, head.payload.sector, "HEAD", ""), is_title, first


def _name_after(tokens: Sequence[Token], k: int, end: int, limit: int = 3) -> int:
    j = k
    while j < end and j - k < limit and name_like(tokens[j]):
        j += 1
    return j


def _name_before(tokens: Sequence[Token], k: int, start: int, limit: int = 3) -> int:
    j = k
    while j > start and k - j < limit and name_like(tokens[j - 1]):
        j -= 1
    return j


def _mention(doc: Doc, i: int, j: int, entry: ActorEntry, source: str, start: int | None = None) -> Mention:
    toks = doc.tokens
    s = toks[i].start if start is None else start
    e = toks[j - 1].end
    text = doc.text[s:e]
    actor = Actor(text, s, e, entry.code, entry.sector, kind=_LABEL.get(entry.kind, "ORG"),
                  name=entry.canonical or None)
    return Mention(text, s, e, _LABEL.get(entry.kind, "ORG"), actor=actor, source=source)


def find_mentions(doc: Doc) -> list[Mention]:
    """All entity mentions of the document, in text order, with their actors."""
    out: list[Mention] = []
    toks = doc.tokens
    am = actor_matcher()
    memo = _may_start_memo()
    for a, b in doc.sent_token_ranges:
        i = a
        while i < b:
            tok = toks[i]
            may = memo.get(tok.text)
            if may is None:
                may = memo.put(tok.text, _may_start(tok))
            if not may:
                i += 1  # no lexicon phrase, head, possessed body or dual title starts here
                continue
            named = am.match_at(toks, i, b)
            comp = _compose(toks, i, b)
            if comp and (named is None or comp[0] > named.j or
                         (comp[0] == named.j and comp[1].code and named.payload.kind == "NATIONALS")):
                j, entry, is_title, first = comp
                if entry.code is None and named is not None:
                    comp = None
                else:
                    m = _mention(doc, i, j, entry, "title" if is_title else "compose", first)
                    out.append(m)
                    if is_title and entry.code:
                        out.extend(_persons_beside_title(doc, a, i, j, b, m))
                    i = j
                    continue
            if named and _attributive(toks, a, named):
                i = named.j  # الهجوم المشتبه به: "the suspected attack", no suspect
                continue
            if named:
                out.append(_mention(doc, named.i, named.j, named.payload, "lexicon", named.start))
                i = named.j
                continue
            poss = _possessed(toks, i, b)
            if poss is not None:
                out.append(_possessed_mention(doc, toks[i], poss, out))
            i += 1
    out.extend(_second_nationalities(doc, out))
    out.sort(key=lambda m: m.start)
    return _dedupe(out)


def _second_nationalities(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """القوات الهندية والباكستانية، السفارتان الأمريكية والبريطانية: a nationality adjective after و right after a
    mention that ends in one is the same body of that other country."""
    toks, nationality = doc.tokens, nationality_index()
    taken = {m.start for m in mentions}
    out = []
    for m in mentions:
        if m.actor is None or not m.actor.code or m.source not in ("compose", "title"):
            continue
        k = first_token_from(toks, m.end)
        if k is None or toks[k].start in taken or not toks[k].norm.startswith("و"):
            continue
        last = norm(doc.text[m.start : m.end].split()[-1])
        code = nationality.get(toks[k].norm[1:])
        if code is None or nationality.get(last) != m.actor.code or code == m.actor.code:
            continue
        t = toks[k]
        s = t.start + 1  # the و stays out of the span
        actor = replace(m.actor, text=doc.text[s : t.end], start=s, end=t.end, code=code)
        out.append(Mention(doc.text[s : t.end], s, t.end, m.label, actor=actor, source=m.source))
    return out


def _may_start_memo() -> Memo[str, bool]:
    """Memo of token spelling → :func:`_may_start` (a token's normalised form follows from its
    spelling), kept as long as the lexicon matchers it was computed with."""
    return _memo_for((actor_matcher(), head_matcher(), possessed_head_matcher()))


@functools.lru_cache(maxsize=1)
def _memo_for(matchers: tuple[object, ...]) -> Memo[str, bool]:
    return Memo()


def _may_start(tok: Token) -> bool:
    """A cheap first look: could any actor phrase, head or title begin at this token?"""
    if not tok.is_word:
        return False
    return bool(actor_matcher().starts_any(tok) or head_matcher().starts_any(tok)
                or possessed_head_matcher().starts_any(tok) or _dual_to_singular(tok) is not None)


def _possessed(toks: Sequence[Token], i: int, b: int) -> Match[HeadEntry] | None:
    """A body with a possessive pronoun attached (قواتها، طائراته): its match, else None."""
    tok = toks[i]
    if not tok.is_word or tok.norm.startswith("ال"):
        return None
    m = possessed_head_matcher().match_at(toks, i, min(b, i + 1))
    if m is None or any(f == norm(m.phrase) for f, _ in stems(tok.norm)):
        return None  # no match, or the bare word with no pronoun (قوات)
    return m


def _possessed_mention(doc: Doc, tok: Token, match: Match[HeadEntry], before: list[Mention]) -> Mention:
    """The possessor is the last actor named before it in the sentence or the one before (قالت تركيا إن قواتها);
    with «our» (قواتنا) it is whoever speaks, which the events stage reads from the statements: no code here."""
    sent_start = doc.sentences[max(0, tok.sent - 1)].start
    ours = doc.text[match.start : tok.end].endswith("نا")
    owner = None if ours else next((m for m in reversed(before) if m.actor and m.actor.code
                                    and m.start >= sent_start and m.actor.kind in ("LOC", "ORG", "PER")), None)
    code = owner.actor.code if owner and owner.actor else None
    s = match.start
    text = doc.text[s : tok.end]
    actor = Actor(text, s, tok.end, code, match.payload.sector, kind="ORG")
    return Mention(text, s, tok.end, "ORG", actor=actor, source="possessive")


def _persons_beside_title(doc: Doc, a: int, i: int, j: int, b: int, title: Mention) -> list[Mention]:
    """Unknown names right before or right after a title take the title's actor."""
    toks = doc.tokens
    assert title.actor is not None
    found: list[Mention] = []
    after = actor_matcher().match_at(toks, j, b) if j < b else None
    if after and after.payload.kind == "PER":
        return found
    if _tagged(doc):  # a person span of the NER model beside the title comes first
        span = _ner_person_beside(doc, title)
        if span is not None:
            found.append(_person(doc, span[0], span[1], title))
            return found
    if j < b and toks[j].norm in ("،", ","):  # الرئيس الأمريكي، دونالد ترامب،
        k = _name_after(toks, j + 1, b)
        if k - (j + 1) >= 2 and (k >= b or not toks[k].is_word):
            found.append(_person(doc, toks[j + 1].start, toks[k - 1].end, title))
            return found
    k = _name_after(toks, j, b)
    if k - j >= 2 or (k - j == 1 and k < b and toks[k].norm in ("،", ",")):
        s, e = toks[j].start, toks[k - 1].end
        found.append(_person(doc, s, e, title))
        return found
    if i - 1 > a and toks[i - 1].norm in ("،", ","):
        k = _name_before(toks, i - 1, a)
        if i - 1 - k >= 2:
            found.append(_person(doc, toks[k].start, toks[i - 2].end, title))
            return found
    head = norm(title.text.split()[0])
    if head.startswith("ال") and head.endswith(("ين", "ون", "ات")):
        return found  # حوادث قتل وضرب طالت الصحافيين الأفغان: a definite plural title names no one before it
    k = _name_before(toks, i, a)
    if k == a and i > k and (toks[k].norm in _lexicon_verbs()
                             or (toks[k].norm[:1] in "وف" and toks[k].norm[1:] in _lexicon_verbs())):
        k += 1  # وأرسل كوفاتشيفيتش مسؤولين، وصل رئيس الوزراء: a sentence's first word, a verb rasd knows (after و/ف or
        # not), is no name
    if i - k >= 1:
        s, e = toks[k].start, toks[i - 1].end
        found.append(_person(doc, s, e, title))
    return found


def _tagged(doc: Doc) -> bool:
    """True when the NER stage ran on this document."""
    return any(s.startswith("ner@") for s in doc.stages)


def _ner_person_beside(doc: Doc, title: Mention) -> tuple[int, int] | None:
    """A PER span of the NER model right after the title or right before it (a comma may stand between)."""
    for s, e, label in doc.ner_spans:
        if label != "PER":
            continue
        if 0 <= s - title.end <= 2 and not doc.text[title.end : s].strip(" ،,"):
            return s, e
        if 0 <= title.start - e <= 2 and not doc.text[e : title.start].strip(" ،,"):
            return s, e
    return None


def ner_persons(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Persons the NER model found that no lexicon or title rule did: mentions without a code.

    They matter for coreference and for speakers; a later title or surname can give them a code.
    """
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for s, e, label in doc.ner_spans:
        if label != "PER" or any(a < e and s < b for a, b in taken):
            continue
        text = doc.text[s:e]
        out.append(Mention(text, s, e, "PER", actor=Actor(text, s, e, None, None, kind="PER", name=text),
                           source="ner"))
    return out


def _person(doc: Doc, s: int, e: int, title: Mention) -> Mention:
    assert title.actor is not None
    text = doc.text[s:e]
    actor = Actor(text, s, e, title.actor.code, title.actor.sector, kind="PER", name=text)
    return Mention(text, s, e, "PER", actor=actor, source="title-name")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out


def link_coreference(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Surnames of persons named earlier become mentions of the same person; ids link them.

    A person's last name word (أنطونوف for أناتولي أنطونوف) found later in the text,
    with or without proclitics, is a mention of that person. Bare titles
    (نائب وزير الدفاع الروسي) take the id of the last person who bore the same title.
    """
    surnames: dict[str, Mention] = {}
    next_id = 0
    titles: dict[str, int] = {}
    covered = [False] * len(doc.text)
    for m in mentions:
        for c in range(m.start, m.end):
            covered[c] = True
    for m in mentions:
        if m.label == "PER" and m.source in ("title-name", "lexicon", "ner"):
            m.entity_id = next_id
            next_id += 1
            words = m.text.split()
            if words:
                surnames.setdefault(norm(words[-1]), m)
    # Titles: ids of the person beside them.
    for idx, m in enumerate(mentions):
        if m.source == "title":
            near = [p for p in mentions[max(0, idx - 1) : idx + 2] if p.source == "title-name"]
            key = norm(m.text)
            if near and near[0].entity_id is not None:
                titles[key] = near[0].entity_id
                m.entity_id = near[0].entity_id
            elif key in titles:
                m.entity_id = titles[key]
    extra: list[Mention] = []
    for tok in doc.tokens if surnames else ():  # no person named: no surname to find again
        if covered[tok.start] or not tok.is_word:
            continue
        for form, off in stems(tok.norm):
            p = surnames.get(form)
            if p and p.actor and p.start < tok.start:
                s = char_offset(tok, off)
                actor = replace(p.actor, text=doc.text[s : tok.end], start=s, end=tok.end)
                extra.append(Mention(doc.text[s : tok.end], s, tok.end, "PER", actor=actor,
                                     source="coref", entity_id=p.entity_id))
                break
    return sorted(mentions + extra, key=lambda m: m.start)


def link_bodies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A bare definite body noun (المجموعة، المنظمة، الحلف) refers back to the last organisation whose name
    holds it (مجموعة السبع، منظمة حظر الأسلحة الكيميائية، حلف الناتو). An uncoded head it ends or follows
    (رئيس المنظمة، زعماء المجموعة) takes the organisation's code; standing alone, it becomes a mention of it."""
    nouns = grammar("body_anaphor")
    if not mentions or not any(t.norm.lstrip("وفبل") in nouns for t in doc.tokens):
        return mentions
    out = list(mentions)
    for tok in doc.tokens:
        forms = [(f, o) for f, o in stems(tok.norm) if f in nouns] if tok.is_word else []
        if not forms:
            continue
        word, off = forms[0]
        s = char_offset(tok, off)
        cover = next((m for m in mentions if m.start < tok.end and s < m.end), None)
        if cover is not None and cover.actor is not None and cover.actor.code:
            continue  # inside a name already (مجموعة السبع itself)
        bare = word[2:]  # المجموعة → مجموعه: a word of the organisation's name
        prev = next((m for m in reversed(mentions) if m.end <= tok.start and m.actor and m.actor.code
                     and m.label == "ORG" and m.source != "coref"
                     and {f for w in m.text.split() for f, _ in stems(norm(w))} & {bare, word}), None)
        if prev is None or prev.actor is None:
            continue
        head = cover or next((m for m in mentions if m.end <= tok.start and not doc.text[m.end : s].strip()), None)
        if head is not None and head.actor is not None and not head.actor.code and head.source in ("compose", "title"):
            # رئيس المنظمة، زعماء المجموعة: the body's officers, of the body's code
            end = max(head.end, tok.end)
            head.actor = replace(head.actor, code=prev.actor.code, text=doc.text[head.start : end], end=end)
            head.text, head.end = doc.text[head.start : end], end
            continue
        if cover is not None:
            continue
        actor = replace(prev.actor, text=doc.text[s : tok.end], start=s, end=tok.end)
        out.append(Mention(doc.text[s : tok.end], s, tok.end, "ORG", actor=actor, source="coref",
                           entity_id=prev.entity_id))
    return sorted(out, key=lambda m: m.start)


def main_country(doc: Doc) -> str | None:
    """The country most of the article's places are in (ties: the first named)."""
    counts: dict[str, int] = {}
    for p in doc.places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + (2 if p.precision <= 3 else 1)
    return max(counts, key=lambda c: counts[c]) if counts else None


def _recurs(text: str, earlier: str) -> bool:
    """Every content word of ``text`` (longer than 3 letters) is among the forms of ``earlier``'s words."""
    forms = {f for w in earlier.split() for f, _ in stems(norm(w))}
    words = [w for w in text.split() if len(norm(w)) > 3]
    return bool(words) and all({f for f, _ in stems(norm(w))} & forms for w in words)


def fill_local_heads(doc: Doc, mentions: list[Mention]) -> None:
    """A bare state body (الحكومة، الجيش، المعارضة) is the article's own country's.

    An earlier mention with the same head word and a code wins (coreference); otherwise the
    country most of the article's places are in.
    """
    local = grammar("local_head")
    for m in mentions:
        if m.actor is None or m.actor.code or m.source not in ("compose", "title", "lexicon"):
            continue
        forms = {f for f, _ in stems(norm(m.text))}
        if not forms & local:
            continue
        k = first_token_from(doc.tokens, m.end)
        if k is not None and doc.tokens[k].norm in grammar("international"):
            continue  # الأمن الدولي، المجتمع الدولي: international, of no country
        # every content word must recur (التلفزيون الرسمي is not تلفزيون حزب الله)
        prev = next((p for p in reversed(mentions) if p.end <= m.start and p.actor and p.actor.code
                     and p.actor.kind != "LOC" and _recurs(m.text, p.text)), None)
        code = prev.actor.code if prev and prev.actor else doc.main_country
        if code:
            m.actor = replace(m.actor, code=code)
            m.source = m.source if m.source != "compose" else "local"


def fill_members(doc: Doc, mentions: list[Mention]) -> None:
    """مسلحون من تنظيم داعش، انتحاري من حركة الشباب: a generic group with no code followed by من and a coded
    organisation (not a country or place: مسلحون من سوريا says where they come from) belongs to it."""
    by_start = {m.start: m for m in mentions}
    toks = doc.tokens
    for m in mentions:
        if m.actor is None or m.actor.code or m.source != "lexicon":  # a generic group (generic_actors.tsv)
            continue
        k = first_token_from(toks, m.end)  # the first token after the mention
        if k is None or k + 1 >= len(toks) or toks[k].norm != "من":
            continue
        body = by_start.get(toks[k + 1].start)
        if body is not None and body.actor is not None and body.actor.code and body.actor.kind != "LOC":
            m.actor = replace(m.actor, code=body.actor.code)


def follow_places(doc: Doc, mentions: list[Mention]) -> None:
    """عمان is Oman or Amman: a country or capital mention takes the country the places stage read the same
    words as (Amman in a report about Jordan is Jordan's government)."""
    places = {(p.start, p.end): p for p in doc.places}
    for m in mentions:
        if m.actor is None or m.actor.kind != "LOC":
            continue
        p = places.get((m.start, m.end))
        if p is not None and p.country and p.country != m.actor.code and p.feature in ("capital", "city"):
            m.actor = replace(m.actor, code=p.country, name=p.country)


def fill_local_peoples(doc: Doc, mentions: list[Mention]) -> None:
    """مسؤولة كردية، قادة أكراد: a title or group qualified by a people without a state is of the article's
    own country (the Kurds of a report about Afrin are Syria's)."""
    if not doc.main_country:
        return
    local = grammar("local_people")
    for m in mentions:
        if m.actor is None or m.actor.code or m.source not in ("title", "compose"):
            continue
        k = first_token_from(doc.tokens, m.end)
        if k is not None and doc.tokens[k].norm in local and \
                not doc.text[m.end : doc.tokens[k].start].strip():
            t = doc.tokens[k]
            m.actor = replace(m.actor, code=doc.main_country, text=doc.text[m.start : t.end], end=t.end)
            m.text, m.end = doc.text[m.start : t.end], t.end


def fill_local_offices(doc: Doc, mentions: list[Mention]) -> None:
    """محافظ البصرة، شرطة كركوك، رئيس بلدية الخليل: an office or body of no known side in construct with a
    town or province it serves is of that place's country (not a bare head followed by في: الشرطة في البصرة
    says where, not whose). A place the text names as a country is left to the actor lexicon."""
    places = {p.start: p for p in doc.places if p.country and p.feature != "country"}
    toks = doc.tokens
    for m in mentions:
        if m.actor is None or m.actor.code or m.source not in ("title", "compose"):
            continue
        k = first_token_from(toks, m.end)
        if k is None or toks[k - 1].norm.startswith("ال") or doc.text[m.end : toks[k].start].strip():
            continue  # الشرطة البصرة is no construct; a word between says something else
        p = places.get(toks[k].start)
        if p is not None:  # the place is part of the office's name: محافظ البصرة
            m.text, m.end = doc.text[m.start : p.end], p.end
            m.actor = replace(m.actor, code=p.country, text=m.text, end=p.end)


def _listed_country(doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
    """رئيسا تركيا وروسيا: a country name joined by و to another one is a genitive of a dual in construct."""
    return any(x.label == "LOC" and x.start > m.end and doc.text[m.end : x.start].strip() == "و"
               for x in mentions)


def qualified_groups(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """مسلحون حوثيون، المعتقلون الفلسطينيون: a group of no side (generic_actors.tsv) followed right away by a side
    named as an adjective of the same definiteness is one mention, of that side: its code, and its sector when the
    side is an armed group (حوثيون: REB); the two were two participants, the group often the other's foe."""
    out: list[Mention] = []
    skip: set[int] = set()
    for i, m in enumerate(mentions):
        if i in skip:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and m.actor is not None and not m.actor.code and m.source == "lexicon" \
                and nxt.actor is not None and nxt.actor.code and nxt.source == "lexicon" \
                and not doc.text[m.end : nxt.start].strip() and len(nxt.text.split()) == 1 \
                and norm(m.text).startswith("ال") == norm(nxt.text).startswith("ال") \
                and norm(nxt.text).endswith(("ون", "ين", "يون", "يين")):
            sector = nxt.actor.sector if nxt.actor.sector in ("REB", "MIL", "OPP") else m.actor.sector
            text = doc.text[m.start : nxt.end]
            out.append(replace(m, text=text, end=nxt.end,
                               actor=replace(m.actor, text=text, end=nxt.end, code=nxt.actor.code, sector=sector)))
            skip.add(i + 1)
            continue
        out.append(m)
    return out


def country_as_adjective(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """مهندسا تركيا، مسلحا سوريا: after an indefinite noun in the accusative, a country name that is also the
    accusative of its nationality adjective (تركي + ا) is that adjective (not after a verb with its pronoun:
    شنتها سوريا، قصفها، فعلوا; nor after an adverb: اتهمت مرارا روسيا; nor before و and another country: رئيسا
    تركيا وروسيا, two presidents). A group before it (مسلحا) takes the
    country's code; any other noun (مهندسا) becomes a person of that country, a civilian, and the country name
    is no mention of its own."""
    toks = doc.tokens
    nationality = nationality_index()
    by_end = {m.end: m for m in mentions}
    out: list[Mention] = []
    dropped: set[int] = set()
    for m in mentions:
        k = first_token_from(toks, m.start)
        if m.actor is None or m.label != "LOC" or k is None or k == 0 or toks[k].start != m.start \
                or toks[k].end != m.end:
            continue
        word, prev = toks[k].norm, toks[k - 1]
        if doc.text[prev.end - 1 : prev.end] in "أآ":
            continue  # تبدأ ألبانيا: a verb whose last letter is a hamza
        code = nationality.get(word[:-1]) if word.endswith("ا") else None
        if code is None or code != m.actor.code or not prev.is_word or doc.text[prev.end : m.start].strip() \
                or not prev.norm.endswith("ا") or prev.norm.endswith(("ها", "نا", "وا", "ما")) \
                or prev.norm.startswith("ال") or len(prev.norm) < 4 or prev.norm in _lexicon_verbs() \
                or prev.norm in grammar("adverb") or _listed_country(doc, m, mentions) \
                or prev.norm in word_set("function_words.tsv") or prev.norm in cue_table():
            continue
        group = by_end.get(prev.end)
        if group is not None and group.actor is not None and not group.actor.code:
            group.actor = replace(group.actor, code=code, text=doc.text[group.start : m.end], end=m.end)
            group.text, group.end = doc.text[group.start : m.end], m.end
        elif group is None:
            text = doc.text[prev.start : m.end]
            out.append(Mention(text, prev.start, m.end, "PER", Actor(text, prev.start, m.end, code, "CVL", kind="PER"),
                               source="nationality"))
        else:
            continue
        dropped.add(m.start)
    return sorted([m for m in mentions if m.start not in dropped] + out, key=lambda m: m.start)


def entities(doc: Doc) -> Doc:
    """Pipeline stage: find entity mentions and actors, then link coreference."""
    doc.main_country = main_country(doc)
    found = [m for m in find_mentions(doc) if not _seat_of(doc, m)]
    found = sorted(found + ner_persons(doc, found), key=lambda m: m.start)
    doc.mentions = link_bodies(doc, link_coreference(doc, qualified_groups(doc, country_as_adjective(doc, found))))
    fill_local_heads(doc, doc.mentions)
    fill_members(doc, doc.mentions)
    fill_local_peoples(doc, doc.mentions)
    fill_local_offices(doc, doc.mentions)
    follow_places(doc, doc.mentions)
    doc.side_nouns = adjective_mentions(doc)
    doc.stages.append(VERSION)
    return doc


def _seat_of(doc: Doc, m: Mention) -> bool:
    """A place named as where a body is based (معهد الدراسات ومقره الولايات المتحدة، وكالة مقرها لندن): an
    attribute of the body, no actor of its own (it would become the speaker or a participant)."""
    k = first_token_from(doc.tokens, m.start)
    return k is not None and k > 0 and doc.tokens[k].start == m.start and doc.tokens[k - 1].norm in grammar("seat")


def _content_word(tok: Token) -> bool:
    """Not a function word, number or cue (مع، أكثر، قال)."""
    n = tok.norm
    return not n[:1].isdigit() and n not in word_set("function_words.tsv") and n not in cue_table()




def adjective_mentions(doc: Doc) -> list[Mention]:
    """A noun followed by a nationality adjective that agrees with it (الجهود الأوروبية، أهداف إيرانية),
    outside any mention: the noun stands for that side. Not added to ``doc.mentions`` (they are not
    named entities); the events and statements stages use them as candidate participants."""
    index = nationality_index()
    covered = [(x.start, x.end) for x in doc.mentions] + [(p.start, p.end) for p in doc.places]  # عفرين السورية
    toks = doc.tokens
    out = []
    for i in range(1, len(toks)):
        t, noun = toks[i], toks[i - 1]
        iso = index.get(t.norm)
        if iso is None or t.norm in grammar("ambiguous_adj") or not noun.is_word or t.sent != noun.sent:
            continue
        definite = t.norm.startswith("ال")
        if any(s < t.end and noun.start < e for s, e in covered):
            continue
        # the noun agrees in definiteness: الجهود الأوروبية، أهداف إيرانية
        pairs = stems(noun.norm)
        forms = [f for f, _ in pairs]
        chosen = next(((f, off) for f, off in pairs if f.startswith("ال") == definite), None)
        stem = chosen[0] if chosen else None
        if stem is None or len(stem) < 3 or ("ال" + stem if not definite else stem) in grammar("not_a_side") \
                or any(f in _one_word_triggers() or f[2:] in _one_word_triggers() for f in forms) \
                or not _content_word(noun):
            continue  # an event noun (القصف التركي) names its actor through the trigger rules
        # the span leaves a proclitic out, as every mention does (للشعب الفلسطيني: ل + the people), so that
        # prep_of sees the preposition
        start = char_offset(noun, chosen[1]) if chosen else noun.start
        out.append(Mention(doc.text[start : t.end], start, t.end, "ORG",
                           Actor(doc.text[start : t.end], start, t.end, iso, None, kind="ORG"),
                           source="adjective"))
    return out
