"""Statements: who said what. Reporting cues, direct and indirect speech, media that relay, and coreference."""

from __future__ import annotations

import bisect
import functools
import operator
from collections.abc import Sequence
from dataclasses import replace

from rasd.doc import Doc
from rasd.lexicon import cue_table, grammar, head_matcher, word_set
from rasd.records import Actor, Mention, Statement, Token
from rasd.text import QUOTES, norm, stems

VERSION = "statements@1"

COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها", "انهم", "لان"})


_SPEECH_ROLES = ("speech", "transmit", "according", "participle", "anonymous")


@functools.cache
def cue_roles() -> dict[str, str]:
    """Normalised cue form → its reporting role (speech, transmit, according, participle, anonymous).

    Words that are only modality cues (لم، سوف) are not here; see :func:`rasd.lexicon.cue_table`.
    """
    out = {}
    for form, roles in cue_table().items():
        role = next((r for r in _SPEECH_ROLES if r in roles), None)
        if role:
            out[form] = role
    return out


_VERB_PREFIXES = frozenset({"", "و", "ف", "وس", "فس", "س", "ول", "فل", "ل"})
_WORD_ROLES = frozenset({"according", "anonymous"})


def cue_role(tok: Token) -> tuple[str, str, int] | None:
    """(role, form, offset of the form in the token) when the token is a cue.

    Verbs may carry و ف س ل before them, never ب or ال (بحث is not ب + حث).
    """
    return word_cue_role(tok.norm)


@functools.lru_cache(maxsize=131_072)
def word_cue_role(word: str) -> tuple[str, str, int] | None:
    roles = cue_roles()
    for form, off in stems(word):
        role = roles.get(form)
        if role and (role in _WORD_ROLES or word[:off] in _VERB_PREFIXES):
            return role, form, off
    return None


def first_name_at(doc: Doc, k: int) -> bool:
    """دان كوتس: a verb of the cue and trigger lexicons that is also a first name (``first_name`` in
    grammar.tsv) is the name only on positive evidence: a name-like word follows that starts no known mention
    and was not met before, and after it comes the end of the sentence, a comma, a title or a verb of saying
    (دان كوتس، مدير ...; دان ريفرز المبعوث الأمريكي قال). ودان مجلس الأمن الهجوم، ودان تورك بشدة القصف
    stay «condemned»."""
    from rasd.stages.entities import name_like

    toks = doc.tokens
    n = toks[k].norm
    if (n[1:] if n[:1] in ("و", "ف") else n) not in grammar("first_name"):
        return False
    if k + 1 >= len(toks) or toks[k + 1].sent != toks[k].sent or not name_like(toks[k + 1]):
        return False
    nxt = toks[k + 1]
    if any(m.start == nxt.start and m.source != "title-name" for m in doc.mentions) or \
            any(t.norm == nxt.norm for t in toks[:k]):
        return False  # مجلس الأمن (an actor rasd knows), تورك (named before): the subject of «condemned»
    if k + 2 >= len(toks) or toks[k + 2].sent != toks[k].sent:
        return True
    after = toks[k + 2]
    return after.norm in ("،", ",") or head_matcher().match_at(toks, k + 2) is not None or \
        (cue_role(after) or ("",))[0] == "speech"


def masculine_past(form: str) -> bool:
    """A masculine past-tense verb (قال، دعا), which cannot have a country (feminine) as its subject."""
    return not form.endswith("ت") and not form.startswith(("ي", "ت"))


@functools.cache
def _anonymous() -> frozenset[str]:
    return frozenset(k for k, roles in cue_table().items() if "anonymous" in roles)


def _first_mention_after(doc: Doc, toks: Sequence[Token], k: int, b: int, window: int = 5,
                         coded: bool = False, glued_ok: bool = False) -> Mention | None:
    """The actor mention that starts within ``window`` tokens after token k, before any that-clause; with
    ``glued_ok`` one with لـ/بـ glued to it right after the cue counts (وفقا لوزارة الدفاع)."""
    if k >= b:
        return None
    limit = toks[min(b, k + window) - 1].end
    for t in toks[k:b]:
        if t.start >= limit:
            break
        if t.norm in COMPLEMENTIZERS or t.norm in QUOTES or t.norm == ":":
            limit = t.start
            break
    for m in sorted([*doc.mentions, *doc.side_nouns], key=lambda x: x.start):
        if m.actor is not None and toks[k].start <= m.start < limit and (m.actor.code or not coded):
            if _after_preposition(toks, toks[k].start, m) or (not glued_ok and _glued_preposition(doc, toks, m)
                                                               and m.start <= toks[k].end + 1):
                continue
            return m
    return None


def _glued_preposition(doc: Doc, toks: Sequence[Token], m: Mention) -> bool:
    """للصحفيين، بالوزير: a mention whose token begins with ل/ب/ك is governed by that preposition."""
    i = bisect.bisect_right(toks, m.start, key=_start_of) - 1  # the token the mention starts in
    t = toks[i] if i >= 0 else None
    if t is None or not (t.start < m.start < t.end):
        return False
    prefix = doc.text[t.start : m.start]
    prefix = prefix[:-2] if prefix.endswith("ال") else prefix  # the article is no preposition (المنظمة)
    return any(c in "لبك" for c in prefix)


_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "خلال", "امام", "لدي", "عبر", "حول"})


def _after_preposition(toks: Sequence[Token], start: int, m: Mention) -> bool:
    """في مؤتمر صحفي: a mention after a preposition (between ``start`` and it) is not the subject of the cue."""
    lo = bisect.bisect_left(toks, start, key=_start_of)  # tokens are in text order, not overlapping
    hi = bisect.bisect_right(toks, m.start, key=_end_of)
    # بالتزام إيران، للحكومة: a definite noun with a glued preposition opens a prepositional phrase too
    return any(t.norm in _PREPOSITIONS or t.norm.startswith(("بال", "لل", "وبال", "ولل")) for t in toks[lo:hi])


_start_of = operator.attrgetter("start")


def first_token_from(toks: Sequence[Token], offset: int) -> int | None:
    """Index of the first token starting at or after ``offset``, or None."""
    k = bisect.bisect_left(toks, offset, key=_start_of)
    return k if k < len(toks) else None
_end_of = operator.attrgetter("end")


def resolve_head(doc: Doc, m: Mention, before: int) -> Actor | None:
    """A bare head or title (المركز، الوزير) → the last earlier mention that contains the same head word."""
    assert m.actor is not None
    if m.actor.code:
        return m.actor
    head = m.text.split()[-1]
    key = {f for f, _ in stems(head) if len(f) > 2}
    for prev in reversed([p for p in doc.mentions if p.end <= before and p.actor and p.actor.code]):
        words = {f for w in prev.text.split() for f, _ in stems(w)}
        if key & words:
            return replace(prev.actor, text=m.text, start=m.start, end=m.end)  # type: ignore[arg-type]
    return None


def _speaker(
    doc: Doc, toks: Sequence[Token], a: int, b: int, k: int, role: str, form: str, last: Actor | None
) -> tuple[Actor | None, Actor | None, str] | None:
    """(speaker, via, rule) of the cue at token k; None when the cue makes no statement here."""
    if role == "transmit":  # نقلت قناة X عن Y
        via_m = _first_mention_after(doc, toks, k + 1, b, window=6, coded=True)
        an = next((j for j in range(k + 1, min(b, k + 14)) if toks[j].norm == "عن"), None)
        src = next((j for j in range(k + 1, min(b - 1, k + 10)) if toks[j].norm == "من"
                    and toks[j + 1].norm in _anonymous()), None) if an is None else None
        if src is not None:  # وعلمت "العربية نت" من مصادر: the sources speak, the medium relays
            t = toks[src + 1]
            return Actor(t.text, t.start, t.end, None, None, kind="ORG"), (via_m.actor if via_m else None), \
                "relay: anonymous sources after من"
        if an is None:  # نقل without عن is a relay only when a medium relays (otherwise: to transport)
            if via_m is None or via_m.actor is None or via_m.actor.sector != "JRN":
                return None
            return via_m.actor, None, "relay verb without عن: the medium, its subject"
        via = via_m.actor if via_m else None
        j = an + 1
        while j < b and toks[j].norm in ("،", ","):
            j += 1
        name = _unknown_name(doc, toks, j, b)
        if name is not None and name.code:  # نقلت الوكالة عن، ناجي مصطفى، المتحدث باسم الجبهة
            return name, via, "relay: the named source after عن, with its title"
        if name is not None:  # the name's title comes after it: the side of the body it names (باسم X)
            nk = next((i for i in range(j, b) if toks[i].start >= name.end), b)
            titled = _first_mention_after(doc, toks, nk, b, window=6, coded=True)
            if titled is not None and titled.actor is not None and \
                    any(t.norm in grammar("title_word") for t in toks[nk:b] if t.end <= titled.start):
                return replace(name, code=titled.actor.code, sector=name.sector or titled.actor.sector), via, \
                    "relay: the named source after عن, with the body of its title after it"
            return name, via, "relay: the named source after عن, of no side rasd can tell"
        sm = _first_mention_after(doc, toks, an + 1, b, window=6)
        return (resolve_head(doc, sm, sm.start) if sm else None), via, \
            "relay: the source after عن, the medium after the verb"
    j = k + 1
    while j < b and toks[j].norm in ("اليوم", "امس", "ايضا", "كذلك", "من", "جهته", "جهتها"):
        j += 1
    if role == "according" and j + 1 < b and toks[j].norm in grammar("what_came") \
            and toks[j + 1].norm in grammar("came_verb"):  # بحسب ما ورد في وكالة الأنباء، وفق ما ذكرته الوزارة
        j += 2
        while j < b and toks[j].norm in ("اليوم", "امس", "في", "عن", "علي", "لسان"):
            j += 1  # بحسب ما ذكرت اليوم وكالة، حسب ما جاء على لسان الوزير
    if role == "speech" and k > a and toks[k - 1].norm in _RELATIVES:
        ante = [x for x in doc.mentions if x.actor and x.end <= toks[k - 1].start and x.start >= toks[a].start]
        if ante and not doc.text[ante[-1].end : toks[k - 1].start].strip(" ،,"):
            resolved = resolve_head(doc, ante[-1], ante[-1].start) or ante[-1].actor
            return resolved, None, "relative clause: the noun before التي/الذي"
    m = _subject_before(doc, toks, a, k) if role == "speech" else None
    rule = "subject before the verb"
    if m is None:
        m = _first_mention_after(doc, toks, j, b, window=3 if role == "speech" else 5, glued_ok=role == "according")
        rule = "subject after the verb" if role == "speech" else "the source after وفق/بحسب"
    if m is not None and m.label == "LOC" and role == "speech" and masculine_past(form):
        m = None  # دعا الولايات المتحدة: the country is the object; the subject is dropped
    name = _unknown_name(doc, toks, j, b) if m is None and role == "speech" else None
    if name is not None:
        return name, None, "unknown name after the verb (code of the last title-only speaker)"
    if m is not None and m.source == "ner" and m.actor is not None and m.actor.code is None:
        if last is not None:  # a name met for the first time: the side last heard from
            person = Actor(m.text, m.start, m.end, last.code, last.sector, kind="PER", name=m.text)
            return person, None, rule + " (a name the NER model found: the last speaker's side)"
        return _titled_person(doc, m.start, m.end), None, rule + " (a name the NER model found: code of the last title)"
    if m is not None:
        resolved = resolve_head(doc, m, m.start)
        if resolved is not None:
            return resolved, None, rule if resolved is m.actor else rule + ", head resolved by coreference"
        ngo = _named_ngo(doc, toks, m, b)
        if ngo is not None:
            return ngo, None, rule + " (an organisation with a name rasd does not know: NGO)"
        owner = _genitive_owner(doc, m)
        if owner is not None and m.actor is not None:  # تلفزيون النظام، مكتب ترودو: the body of its owner
            return replace(m.actor, code=owner.code, sector=m.actor.sector or owner.sector,
                           text=doc.text[m.start : owner.end], end=owner.end), None, rule + " + its owner after it"
        body = _title_of_body(doc, toks, m, b)
        if body is not None and m.actor is not None:  # مدير البرنامج في هيومن رايتس ووتش
            return replace(m.actor, code=body.code, sector=m.actor.sector or body.sector), None, \
                rule + " + the body named after the title (في/ب/لدى)"
        if m.source in ("title", "compose"):
            return last, None, "bare title or body: the last speaker"
        assert m.actor is not None
        return m.actor, None, rule
    if j < b and toks[j].norm in _anonymous():
        t = toks[j]
        near = next((x for x in doc.mentions if x.actor and x.actor.code and t.end <= x.start
                     and sum(1 for u in toks[j + 1 : b] if u.end <= x.start) <= 1
                     and toks[j + 1].norm in ("في", "من", "ب", "داخل")), None) if j + 1 < b else None
        if near is not None and near.actor is not None:  # مصادر في المعارضة: sources of that body
            return replace(near.actor, text=doc.text[t.start : near.end], start=t.start), None, \
                "anonymous source of a named body"
        return Actor(t.text, t.start, t.end, None, None, kind="ORG"), None, "anonymous source"
    body = _body_after(doc, toks, j, b) if role == "speech" else None
    if body is not None:  # قال مدير برنامج اللاجئين في هيومن رايتس ووتش
        t = toks[j]
        return replace(body, text=doc.text[t.start : body.end], start=t.start), None, \
            "an untitled person of the body named after في/لدى"
    plain = _plain_subject(doc, toks, j, b) if role == "speech" and form in grammar("says_that") else None
    if plain is not None:  # وقال اتحاد الكتاب إن: a subject rasd cannot code keeps the statement, code null
        return plain, None, "subject after the verb, before the that-clause (no code)"
    if role == "speech" and j < b and toks[j].norm == "عن":
        return None  # أعلن عن أربع مناطق: impersonal, nobody speaks (CONVENTIONS: pure passives are not statements)
    if role == "speech" and j < b and toks[j].norm in grammar("quantifier"):
        found = _number_of_people(doc, toks, j, b)
        if found is not None:
            return found
    if role == "speech" and last is not None:
        return last, None, "no subject: the last speaker (coreference)"
    return None


def find_statements(doc: Doc) -> list[Statement]:
    """One statement per sentence and speaker, with its cue, kind, medium and date."""
    toks = doc.tokens
    out: list[Statement] = []
    last_speaker: Actor | None = None
    last_by_gender: dict[str, Actor] = {}  # a dropped subject agrees with its verb: وأشار → a man
    last_sent = -3  # the sentence of the last statement
    last_month = False  # whether the last statement was dated by a month only
    for si, (a, b) in enumerate(doc.sent_token_ranges):
        sent = doc.sentences[si]
        for k in range(a, b):
            c = cue_role(toks[k])
            if not c or c[0] not in ("speech", "transmit", "according"):
                continue
            if toks[k].norm in grammar("needs_an") and not any(t.norm == "عن" for t in toks[k + 1 : k + 5]):
                continue  # عبر الحدود: the preposition, not «expressed»
            role, form, off = c
            if role == "speech" and k > a and toks[k - 1].norm in _PREPOSITIONS:
                continue  # على تعهد بتنفيذ ...: a verbal noun after a preposition, not a reporting verb
            if first_name_at(doc, k):
                continue  # دان كوتس: the name, not «condemned»
            if toks[k].norm == "ورد" and k > a and toks[k - 1].norm.lstrip("و") in grammar("what_came"):
                continue  # وفقا لما ورد من تنبيهات: "what came", not «and replied»
            if toks[k].norm == "اكد" and k > a and toks[k - 1].norm in ("لم", "ولم"):
                continue  # لم أكد أصل: "I had barely arrived" (لم takes no past: أكد here is أكاد)
            gender = "f" if form.endswith("ت") else "m" if masculine_past(form) else None
            last = last_by_gender.get(gender, last_speaker) if gender else last_speaker
            found = _speaker(doc, toks, a, b, k, role, form, last)
            if found is None:
                continue
            speaker, via, rule = found
            if speaker is not None and speaker.code is None and speaker.sector in _LOCAL_FORCES and doc.main_country:
                # وقال المسلحون: armed men or officials of no named side are of the article's country
                speaker = replace(speaker, code=doc.main_country)
                rule += " (of the article's country)"
            code = speaker.code if speaker else None
            if any(x.start == sent.start and (x.speaker.code if x.speaker else None) == code for x in out):
                continue  # one statement per sentence and speaker
            cue_start = toks[k].start + off
            content = _content_start(toks, k, b)
            date, month = _sentence_date(doc, sent.start, min(content, toks[min(b, k + 11) - 1].end))
            if date is None and out and not last_month and \
                    ((speaker and out[-1].speaker and out[-1].speaker.code == speaker.code)
                     or toks[k].sent - last_sent <= 2):
                date = out[-1].date  # the same speaker, or the same occasion (two sentences on), says it that day
            last_month = month
            last_sent = toks[k].sent
            out.append(Statement(
                speaker=speaker, cue=doc.text[cue_start : toks[k].end], cue_start=cue_start, cue_end=toks[k].end,
                kind=_kind(toks, k, b), start=sent.start, end=sent.end, content_start=content,
                content_end=sent.end, via=via, date=date,
                trace=[f"cue «{form}» ({role}, cues.tsv)", f"speaker: {rule}"],
            ))
            if speaker is not None and speaker.code:
                last_speaker = speaker
                last_by_gender[gender_of(speaker)] = speaker
    return out


_RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي"})

_BEFORE_CUE = frozenset({"قد", "كان", "وكان", "كانت", "وكانت", "لقد", "بدوره", "بدورها", "بدورهم"})


def _subject_before(doc: Doc, toks: Sequence[Token], a: int, k: int) -> Mention | None:
    """A subject written before its verb: «الاتحاد الأوروبي أعلن», «وكان الوزير X قال», «إيران تصف».

    Only a mention that ends right before the cue (or before قد/كان) and is not governed by a
    preposition counts.
    """
    j = k
    while j > a and (toks[j - 1].norm in _BEFORE_CUE or toks[j - 1].norm in ("،", ",")):
        j -= 1
    if j == a:
        return None
    end = toks[j - 1].end
    cands = [m for m in doc.mentions if m.actor is not None and m.end == end]
    if not cands:
        return None
    m = cands[-1]
    # Walk back over a title + name pair to its start, then refuse a preposition before it.
    first = m
    for prev in reversed([x for x in doc.mentions if x.end <= m.start]):
        if not doc.text[prev.end : first.start].strip(" ،,"):
            first = prev
        else:
            break
    ti = next((i for i in range(a, k) if toks[i].start <= first.start < toks[i].end), None)
    if ti is None:
        return None
    if ti > a and (toks[ti - 1].norm in grammar("group_noun") or first_name_at(doc, ti - 1)):
        ti -= 1  # وكان فصيل فيلق الرحمن أعلن، دان كوتس … قال: the kind of group or a first name before the name
    if ti > a and toks[ti - 1].norm in _PREPOSITIONS | {"لان", "عن"}:
        return None
    openers = ("،", ",", ":", "-", "و", "لكن", "ان", "بان")  # بأن المبعوث الأمريكي قال: the that-clause's subject
    if ti > a and toks[ti - 1].norm not in _BEFORE_CUE and toks[ti - 1].norm not in openers \
            and (ti - a > 1 or toks[ti - 1].is_word):
        return None
    return first if first.actor and first.actor.code else m


def _unknown_name(doc: Doc, toks: Sequence[Token], j: int, b: int) -> Actor | None:
    """A speaker named by an unknown name (ذكر سيغمار غابرييل في ...): two or three name-like words.

    The name takes the code of the last speaker known only by a title (وزير خارجية ألمانيا), the
    usual way news introduces a person: title first, name later.
    """
    from rasd.stages.entities import name_like

    k = j
    while k < b and k - j < 3 and name_like(toks[k]):
        k += 1
    if k - j < 2 or any(m.start < toks[k - 1].end and m.end > toks[j].start for m in doc.mentions):
        return None
    if any(_noun_with_its_complement(toks[x], toks[x + 1]) for x in range(j, min(k, b - 1))):
        return None  # قيامه باختراع، تمنياته بالشفاء: a verbal noun with its pronoun and complement
    if toks[j].norm in grammar("adverb"):
        return None  # وندد بشدة باستمرار الاعتداءات: how he spoke, no name
    s, e = toks[j].start, toks[k - 1].end
    return _titled_person(doc, s, e)


def _number_of_people(doc: Doc, toks: Sequence[Token], j: int, b: int) -> tuple[Actor, None, str] | None:
    """A number of people as the subject (`quantifier`): of a body named after من, its code (قال عدد من
    المسؤولين الأمريكيين: USA); else people rasd cannot code (انتقد كثيرون، أعلن عدد من المواطنين), not the last
    speaker. بعض and عدد count only before من (وأضاف بعض الوقت سيكون كافيا: no subject)."""
    t = toks[j]
    if j + 1 < b and toks[j + 1].norm == "من":
        lo, hi = toks[j + 1].end, toks[min(b, j + 3) - 1].end
        body = next((m for m in doc.mentions[bisect.bisect_left(doc.mentions, lo, key=operator.attrgetter("start")):]
                     if m.start < hi), None)
        if body is not None and body.actor is not None and body.actor.code:
            return replace(body.actor, text=doc.text[t.start : body.end], start=t.start), None, \
                "a number of a body after من: its code"
    elif t.norm in ("بعض", "عدد"):
        return None
    return Actor(t.text, t.start, t.end, None, None, kind="GROUP"), None, "a number of people (كثيرون): no code"


def _noun_with_its_complement(tok: Token, nxt: Token) -> bool:
    """A word with an attached ـه as written (not ـة, which normalises to the same letter, nor ـيه or الله)
    followed by a word with a glued بـ (قيامه باختراع، سموه باهتمام، دعوته بمثابة): a noun with its pronoun and
    its complement, no name (محمد شحاته في بيان، مايكل بالمر stay names)."""
    t = tok.text
    return len(t) >= 4 and t.endswith("ه") and not t.endswith(("يه", "الله")) and \
        nxt.norm.startswith("ب") and len(nxt.norm) >= 4


# A preposition glued to a word as written: للصحفيين، بالوزير، لأحلام، بإيران (not باحثون, ليلى)
_GLUED = ("لل", "بال", "لأ", "لإ", "لآ", "بأ", "بإ", "بآ")


def _plain_subject(doc: Doc, toks: Sequence[Token], j: int, b: int) -> Actor | None:
    """One to four plain words right after a speech verb of ``says_that`` and right before its that-clause
    or colon (قال اتحاد الكتاب إن، رأى كثيرون أن): the subject, though rasd knows no actor by that name.

    None when a word is punctuation, a number, a function word, a preposition (قال في بيان إن، أوضح عقب
    الاجتماع أن: the subject is dropped), a reporting word (قائلا), an adverb in -ا (مرارا) or carries a
    glued preposition (قال للصحفيين إن، لي: the addressee); when the first word is definite or carries a
    pronoun (وكشف المصدر، وقال بعضهم، تصف شعورها), or the last was met before (وقال صالحي): those are left
    to coreference.
    """
    from rasd.stages.entities import name_like

    for e in range(j, min(b, j + 5)):
        n = toks[e].norm
        if n in COMPLEMENTIZERS or n == ":":
            break
        bare = n[1:] if n.startswith("و") and len(n) > 3 else n
        raw = toks[e].text[1:] if n.startswith("و") and len(n) > 3 else toks[e].text
        if not toks[e].is_word or len(n) < 2 or n[0].isdigit() or bare in _PREPOSITIONS \
                or bare in grammar("pronominal_prep") or bare in grammar("time_prep") \
                or n in word_set("function_words.tsv") or word_cue_role(n) or raw.startswith(_GLUED) \
                or bare in ("لي", "بي") or (n.endswith("ا") and len(n) > 3):
            return None
    else:
        return None
    words = toks[j:e]
    # as written: norm makes ة a ه (رابطة is no رابطه "his tie")
    if not words or words[0].norm.startswith(("ال", "وال")) or words[0].text.endswith(("ه", "ها", "هم", "هما", "هن")):
        return None
    if any(m.start < words[-1].end and m.end > words[0].start for m in doc.mentions):
        return None
    if any(t.norm == words[-1].norm for t in toks[: j - 1]):
        return None
    if len(words) == 1 and not words[0].norm.endswith("ون") and name_like(words[0]):
        return None  # وقالت مالمستروم: a surname, most often of the title met before (المفوضة الأوروبية)
    s, end = words[0].start, words[-1].end
    kind = "PER" if all(name_like(t) for t in words) else "ORG"  # وأوضح عبد الرحيم: a person
    return Actor(doc.text[s:end], s, end, None, None, kind=kind, name=doc.text[s:end] if kind == "PER" else None)


def _titled_person(doc: Doc, s: int, e: int) -> Actor:
    """A person of unknown country takes the code of the title set beside the name after a comma
    (خالد يوسف، المتحدث باسم المفوضية), else that of the last speaker known only by a title."""
    appos = _apposition(doc, e)
    if appos is not None:
        return Actor(doc.text[s:e], s, e, appos.code, appos.sector, kind="PER", name=doc.text[s:e])
    titled = [m for m in doc.mentions if m.end <= s and m.source == "title" and m.actor and m.actor.code]
    code, sector = (titled[-1].actor.code, titled[-1].actor.sector) if titled and titled[-1].actor else (None, None)
    return Actor(doc.text[s:e], s, e, code, sector, kind="PER", name=doc.text[s:e])


def _named_ngo(doc: Doc, toks: Sequence[Token], m: Mention, b: int) -> Actor | None:
    """منظمة هيومن رايتس ووتش: an organisation word followed by two or more unknown name words."""
    from rasd.stages.entities import name_like

    if m.actor is None or m.actor.code or norm(m.text) not in grammar("ngo_body"):
        return None
    k = first_token_from(toks, m.end)
    if k is None:
        return None
    j = k
    while j < b and j - k < 4 and name_like(toks[j]):
        j += 1
    if j - k < 2:
        return None
    end = toks[j - 1].end
    return Actor(doc.text[m.start : end], m.start, end, "NGO", "NGO", kind="ORG", name=doc.text[m.start : end])


def _genitive_owner(doc: Doc, m: Mention) -> Actor | None:
    """The coded actor written right after a bare body or title (its owner in a genitive)."""
    if m.actor is None or m.actor.code or m.source not in ("title", "compose"):
        return None
    nxt = next((x for x in doc.mentions if x.start > m.start and x.actor and x.actor.code), None)
    if nxt is None or nxt.actor is None or doc.text[m.end : nxt.start] != " ":
        return None
    return nxt.actor


# Sectors of groups that, unnamed, belong to the article's country (not civilians, media or activists,
# whose statements keep a null code: CONVENTIONS).
_LOCAL_FORCES = frozenset({"UAF", "REB", "MIL", "COP"})

_OF_BODY = frozenset({"في", "ب", "لدي", "داخل"})


def _title_of_body(doc: Doc, toks: Sequence[Token], m: Mention, b: int) -> Actor | None:
    """A bare title followed, before any comma or that-clause, by في/لدى + a coded organisation."""
    if m.actor is None or m.actor.code or m.source not in ("title", "compose"):
        return None
    k = first_token_from(toks, m.end)
    return None if k is None else _body_after(doc, toks, k, b)


def _body_after(doc: Doc, toks: Sequence[Token], k: int, b: int) -> Actor | None:
    """From token k, before any comma or that-clause: في/لدى + a coded organisation (the speaker's body)."""
    for i in range(k, min(b, k + 6)):
        t = toks[i]
        if t.norm in ("،", ",", ":") or t.norm in COMPLEMENTIZERS or t.norm in QUOTES:
            return None
        if t.norm in _OF_BODY and i + 1 < b:
            nxt = next((x for x in doc.mentions if x.start == toks[i + 1].start or
                        (toks[i + 1].start < x.start < toks[i + 1].end)), None)
            if nxt is not None and nxt.actor is not None and nxt.actor.code and nxt.label != "LOC":
                return nxt.actor
            return None
    return None


def _apposition(doc: Doc, end: int) -> Actor | None:
    """The coded actor that follows ``end`` after a comma (a name's title in apposition)."""
    rest = doc.text[end : end + 3]
    if not rest.lstrip(" ").startswith(("،", ",")):
        return None
    after = end + len(rest) - len(rest.lstrip(" ")) + 1
    after += len(doc.text[after : after + 3]) - len(doc.text[after : after + 3].lstrip(" "))
    m = next((x for x in doc.mentions if x.start == after and x.actor and x.actor.code), None)
    return m.actor if m is not None else None


def _kind(toks: Sequence[Token], k: int, b: int) -> str:
    after = toks[k + 1 : b]
    quoted = any(t.norm in QUOTES for t in after)
    that = any(t.norm in COMPLEMENTIZERS for t in after)
    if quoted and that:
        return "mixed"
    return "direct" if quoted else "indirect"


def gender_of(actor: Actor) -> str:
    """'f' for actors a verb or pronoun agrees with in the feminine (countries, الوزارة، الحكومة), else 'm'."""
    if actor.kind == "LOC":
        return "f"
    first = actor.text.split()[0] if actor.text.split() else ""
    return "f" if first.endswith(("ة", "ات")) else "m"


def _content_start(toks: Sequence[Token], k: int, b: int) -> int:
    """Where what was said begins: the first that-clause, quotation mark or colon after the cue."""
    for t in toks[k + 1 : b]:
        if t.norm in COMPLEMENTIZERS or t.norm in QUOTES or t.norm in (":", "ان"):
            return t.start
    return toks[b - 1].end


def _sentence_date(doc: Doc, start: int, end: int) -> tuple[str | None, bool]:
    """When a statement was made: a day, week or month between the sentence's start and ``end`` (قال الرئيس في
    مارس الماضي إن), not a year or a duration (الاتفاق المبرم في 2015، خلال الأيام الماضية: what the speaker
    talks about); and whether it is a month, which the statements after it do not inherit (a month dates one
    statement, not an occasion)."""
    latest = doc.published.isoformat() if doc.published is not None else None
    for t in doc.times:
        if start <= t.start < end and t.date and t.kind != "duration" and t.precision in ("day", "week", "month") and \
                not any(m.start <= t.start < m.end for m in doc.mentions) and (latest is None or t.date <= latest):
            if t.precision == "month" and _of_something_else(doc, start, t.start):
                continue  # قال الرئيس، الذي انتخب في نوفمبر 2020، إن: the month of his election
            return t.date, t.precision == "month"
    return None, False


def _of_something_else(doc: Doc, start: int, end: int) -> bool:
    """A relative pronoun or a word of what is planned (`planned`: المقررة، المرتقبة) stands in [start, end)."""
    lo = bisect.bisect_left(doc.tokens, start, key=operator.attrgetter("start"))
    return any(t.norm.removeprefix("و") in _RELATIVES or t.norm in grammar("planned")
               for t in doc.tokens[lo:] if t.start < end)


def statements(doc: Doc) -> Doc:
    """Pipeline stage: find statements (needs entities and dates)."""
    doc.statements = find_statements(doc)
    doc.stages.append(VERSION)
    return doc
