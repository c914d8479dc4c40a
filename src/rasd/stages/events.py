"""Events: PLOVER types from verb and verbal-noun triggers, with actor, recipient, place, date, size and status.

First version, rule based. For each trigger of ``triggers.tsv`` in a sentence:
the actor is the subject next to a verb (after it, Arabic's usual order, or
before it), the genitive of a verbal noun, a ``من قبل`` phrase, or the speaker of
the sentence for participles and for nouns governed by the reporting verb; the
recipient is the actor introduced by the trigger's preposition (or the object);
places introduced by في or a place cue give the location; the status comes from
negation, future and conditional cues before the trigger.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rasd.doc import Doc
from rasd.lexicon import (
    actor_matcher,
    countries,
    country_names,
    cue_table,
    grammar,
    head_matcher,
    nationality_index,
    word_table,
)
from rasd.matcher import GAP, MAX_GAP, Match, PhraseMatcher
from rasd.records import Actor, Event, Mention, Place, Quantity, Statement, Token
from rasd.resources import load_tsv
from rasd.stages.aggregates import MAX_VAGUE, counted_nouns, metric_for, sentence_words, without_approximators
from rasd.stages.places import country_place
from rasd.stages.statements import (
    COMPLEMENTIZERS,
    cue_role,
    first_name_at,
    first_token_from,
    gender_of,
    masculine_past,
    word_cue_role,
)
from rasd.syntax import (
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    adjacent,
    clause_bounds,
    coordinated,
    gap_ok,
    group_start,
    mentions_within,
    partitive_before,
    prep_of,
    token_at,
    token_index,
    tokens_between,
    tokens_within,
    victim_gap,
)
from rasd.text import QUOTES, norm, stems, strip_enclitic

VERSION = "events@1"

# Types whose events are words, not deeds: no location unless the act itself took place somewhere.
VERBAL = frozenset({"AGREE", "ACCUSE", "REQUEST", "REJECT", "THREATEN"})
# Types never coded without an actor: words need a speaker, and a meeting someone who meets (محادثات مع طهران
# with nobody named is a topic, not an event).
NEEDS_ACTOR = VERBAL | {"CONSULT"}


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    context: tuple[str, ...]
    pos: str  # verb, noun, part
    prep: str | None  # preposition of the recipient, normalised as syntax.prep_of gives it (علي، الي); "gen" =
    # the genitive is the recipient
    requires: str  # "", "actor", "recipient", "sides" (two-sided fighting), "parties" (an agreement between sides),
    # "blame" (a description that accuses), "weapon" (a missile or shell named just before: صاروخ أطلقه X)


@functools.cache
def trigger_matcher() -> PhraseMatcher[Trigger]:
    entries = []
    for r in load_tsv("triggers.tsv"):
        requires = r.get("requires", "") or ("actor" if r["type"] in NEEDS_ACTOR else "")
        entries.append((r["form"], Trigger(
            r["type"], r["mode"] or None, tuple(c for c in r["context"].split("|") if c), r["pos"],
            (r["prep"] if r["prep"] == "gen" else norm(r["prep"])) or None, requires,
        )))
    forms = {norm(form) for form, _ in entries}
    for form, trig in list(entries):
        # أن تفجيرا انتحاريا استهدف: the indefinite accusative of an attack noun (not of the nouns that, so, are
        # adverbs of purpose or manner: احتجاجا، تضامنا، استعدادا; nor a breach of a truce: خرقا)
        attack = trig.type == "ASSAULT" and "ceasefire" not in trig.context and form != "استهداف"
        acc = _accusative_form(form) if trig.pos == "noun" and attack else None
        if acc is not None and norm(acc) not in forms:
            entries.append((acc, trig))
    return PhraseMatcher(entries, enclitics=True, prefix_ok=_prefix_ok, gap_stops=grammar("gap_stop"), quotes=True)


def _accusative_form(phrase: str) -> str | None:
    """The indefinite accusative of a noun or of a noun and its nisba adjectives: the alif of tanween on each
    word that takes one (تفجير → تفجيرا، قصف جوي → قصفا جويا، غارة جوية → غارة جويا is wrong, so a word in ة ء ى
    ا or ات keeps its form). None when nothing changes, a word is definite, or a later word is no nisba (إطلاق
    نار is a construct: its head takes no tanween)."""
    words = phrase.split()
    if any(w.startswith("ال") or w == GAP for w in words) or not all(w.endswith("ي") for w in words[1:]):
        return None
    out = [w if w.endswith(("ة", "ء", "ى", "ا", "ات")) else w + "ا" for w in words]
    return " ".join(out) if out != words else None


VERB_PROCLITICS = frozenset({"و", "ف", "س", "وس", "فس", "ل", "ول", "فل"})


def _prefix_ok(trig: Trigger, prefix: str) -> bool:
    """Verbs take only و ف س ل before them; nouns take any proclitic."""
    return trig.pos == "noun" or prefix in VERB_PROCLITICS


@functools.cache
def _modality_cues() -> dict[str, str]:
    """Normalised word → its modality role in cues.tsv: negation, future, hypothetical (they reach over the
    clause, see :func:`_status`), or one of :data:`_GOVERNING` (they reach only what they govern)."""
    out = {}
    for form, roles in cue_table().items():
        for role in ("prevent", "negation", "hypothetical", "future", *_GOVERNING):
            if role in roles:
                out[form] = role
                break
    return out


# Cues that govern a verbal noun after them (أحبطت الشرطة هجوما، دعت إلى تنظيم مظاهرات، هددت بشن عملية، من أجل
# استهداف، اتفاق يقضي بانسحاب، رهن بانسحاب), and the status they give it.
_GOVERNING = {"prevent": "negated", "refuse": "negated", "wish": "hypothetical", "threat": "hypothetical",
              "aim": "hypothetical", "condition": "hypothetical", "provided": "hypothetical", "terms": "future"}
_GOVERNED_GAP = frozenset({"الي", "علي", "من", "عن"})  # دعا إلى، حث على، منع من، امتنع عن
_APPOSITION_MARKS = frozenset({"،", ","})  # commas around an apposition, passed by a far governor


@functools.lru_cache(maxsize=65_536)
def _cue_role(n: str) -> str | None:
    """The modality role of a normalised word, as written or after a proclitic: any proclitic for the
    particles (بعدم، ولم), only و ف س ل for the governing verbs (بحث is not ب + حث, لضبط is no verb)."""
    cues = _modality_cues()
    role = cues.get(n)
    if role is not None:
        return role
    for f, o in stems(n):
        if o and f in cues and (cues[f] not in _GOVERNING or n[:o] in VERB_PROCLITICS):
            return cues[f]
    return None


@functools.cache
def _not_future_prefixes() -> tuple[str, ...]:
    return tuple(sorted(grammar("not_future_prefix")))


def _sin_future(word: str) -> bool:
    """The word is سـ + a present verb (ستنسحب، سيوقع), not a noun or name in سي/ست/سن (سيارة، سيطرة)."""
    return word[:1] == "س" and word[1:2] in ("ي", "ت", "ن") and not word.startswith(_not_future_prefixes())


_LONGEST_MENTION = 400  # characters; a mention that overlaps a token starts at most this far before it


def _in_mention(doc: Doc, tok: Token) -> bool:
    return any(tok.start < m.end for m in mentions_within(doc.mentions, tok.start - _LONGEST_MENTION, tok.end))


def _in_time(doc: Doc, tok: Token) -> bool:
    """The token is a time word or part of a time expression (قبل أسبوعين، خلال الأيام الماضية)."""
    return tok.norm in grammar("time") or any(t.start <= tok.start < t.end for t in doc.times)


def _speaker_for(statements: Sequence[Statement], start: int) -> Statement | None:
    for s in statements:
        if s.start <= start < s.end:
            return s
    return None


def _governs(doc: Doc, toks: Sequence[Token], k: int, i: int, prefix: str, role: str, far: bool = False) -> bool:
    """Whether the governing cue at token k takes the verbal noun at token i as its complement: the noun
    comes after the cue, past its subject and object (names), a preposition (إلى، على، من) and at most
    three other words, in the same stretch of words (no punctuation between: دعت فتح الجماهير الفلسطينية
    إلى تنظيم مظاهرات); not when it is joined by و (تفكيك خلية واعتقال خمسة: the arrest happened) or when
    a word that refers to an event stands between (طالبت بالتحقيق في مقتل: the killing happened).

    ``far``: a threat with بـ or a call with إلى whose subject is long, with commas around an apposition
    (هدد وزير …، فلان، باغتيال …؛ دعا الأمين العام، فلان، إلى وقف …): commas may stand between and up to six
    words outside names (see :func:`_far_governor`)."""
    if prefix.startswith("و"):  # governed only when joined to an event noun the cue governs (تجنب عمليات وهجمات)
        first = next((j for j in range(k + 1, i) if trigger_matcher().match_at(toks, j, i) is not None), None)
        if first is None:
            return False
        i, prefix = first, ""
    if role == "provided" and "ب" not in prefix:  # رهن بانسحاب، not رهن الاحتجاز (custody)
        return False
    if role == "terms" and "ب" not in prefix and toks[i - 1].norm != "علي":  # يقضي بانسحاب، ينص على انسحاب
        return False
    words = 0
    for j in range(k + 1, i):
        t = toks[j]
        if far and t.text in _APPOSITION_MARKS:
            continue
        if not t.is_word or t.norm in grammar("background_head") or t.norm[1:] in grammar("background_head"):
            return False
        if _in_mention(doc, t):  # the cue's subject or object, even when a word of its name is a trigger
            continue  # (طالبت منظمة العفو الدولية بالإفراج: العفو is part of a name, no pardon)
        if _stem_in(t.norm, grammar("reply_verb")) or any(
                x.payload.type != "NONE" for x in trigger_matcher().find(toks, j, j + 1)):
            return False  # تستعد للرد على الهجوم: the cue governs the reply, the attack happened
        if t.norm in _GOVERNED_GAP or t.norm in grammar("time") or _in_mention(doc, t):
            continue
        if far and _cue_role(t.norm) is not None:
            return False  # another cue is nearer: it decides
        words += 1
        if words > (6 if far else 3):
            return False
    return True



def _far_governor(doc: Doc, toks: Sequence[Token], lo: int, i: int, prefix: str) -> tuple[str, str, int] | None:
    """A threat or a call farther back than the ten words :func:`_status` looks at, past a long subject with
    an apposition between commas: «هدد وزير الشؤون الاستراتيجية في الحكومة، فلان الفلاني، باغتيال …». Only the
    two constructions whose complement cannot be read otherwise: the threat's بـ, the call's إلى."""
    if "ب" in prefix:
        role = "threat"
    elif i > 0 and toks[i - 1].norm == "الي":
        role = "wish"
    else:
        return None
    for k in range(i - 11, max(lo, i - 30) - 1, -1):
        if not toks[k].is_word and toks[k].text not in _APPOSITION_MARKS:
            return None
        if _cue_role(toks[k].norm) == role and _governs(doc, toks, k, i, prefix, role, far=True):
            return _GOVERNING[role], f"{role}: «{toks[k].text}»", k
    return None


def _past_verb(word: str) -> bool:
    """A rough test that the word after عندما is a verb in the past (قصفت، قتل، نفذ، سقطت، كانت) rather than
    the present or future (تنسحب، يصل، ستنسحب): no يـ, no سـ before a present prefix, and تـ only with the
    feminine past ending (تعرضت). Letters alone cannot tell some forms apart: a masculine past of the تفعّل
    pattern (تعرض) or one in سيـ (سيطر) would read as a present, so those are listed (`past_t_verb`,
    `not_future_prefix` of grammar.tsv); a first person plural (نقصف) reads as a past."""
    if not word or word.startswith("ي"):
        return False
    if _sin_future(word):
        return False
    return not word.startswith("ت") or word.endswith("ت") or _bare_in(word, grammar("past_t_verb"))


def _refused(doc: Doc, toks: Sequence[Token], k: int, i: int) -> bool:
    """The verbal noun at token i is what the refusal at token k refuses to do: only names (its subject), time
    words and عن stand between (رفضت أنقرة إطلاق سراح القس، امتنعت الصين عن توجيه انتقاد)."""
    return all(t.norm == "عن" or t.norm in grammar("time") or _in_mention(doc, t) for t in toks[k + 1 : i])


def _status(doc: Doc, toks: Sequence[Token], lo: int, i: int, tok_form_off: int, a: int,
            noun: bool = False, kind: str = "") -> tuple[str, str, int | None]:
    """The event's status, the cue that decided it, and the index of that cue when it is a governing one.

    Negation governs its own clause (up to four words before the trigger: لم ننخرط بعد في مفاوضات);
    a future or a condition may stand in the clause that introduces this one (من المتوقع أن تفرج ...،
    إذا انسحبت ...), so those are looked for back to the start of the sentence, up to ten words. A
    governing cue (:data:`_GOVERNING`: أحبط، دعا، هدد، من أجل، تقضي، رهن) decides only for a verbal noun
    it governs (:func:`_governs`).
    """
    t = toks[i]
    prefix = t.norm[:tok_form_off]
    if tok_form_off and prefix.endswith("س") and t.norm[tok_form_off:tok_form_off + 1] in "يتن":
        return "future", "سـ on the verb", None
    if _sin_future(t.norm[tok_form_off:]):
        return "future", "سـ on the verb", None  # a trigger written with it (ستوقع … اتفاقية)
    for k in range(i - 1, max(a, i - 10) - 1, -1):
        n = toks[k].norm
        role = _cue_role(n)
        if role is None:
            v = n[1:] if n[:2] in ("وس", "فس") and n not in grammar("not_future_word") else n  # وستشمل
            if _sin_future(v) and len(v) > 3 and k >= i - 4 and k >= lo and not _in_mention(doc, toks[k]):
                return "future", f"«{toks[k].text}»", None
            continue
        if role in _GOVERNING:
            if _bare_in(n, grammar("noun_cue")) and not (k in (lo, a) or n[:1] in ("و", "ف")):
                continue  # قتل طالب جامعي برصاص قناص: طالب the student, not «demanded»
            if not _governs_that(doc, toks, k, i, role) and (k < lo or not noun
                                                             or not _governs(doc, toks, k, i, prefix, role)):
                continue
            if role == "refuse" and (kind in VERBAL or not _refused(doc, toks, k, i)):
                continue  # رفضت الحكومة مطالب المعارضة، رفض التعليق على زيارة: those happened
            if role == "condition" and k > a and _cue_role(toks[k - 1].norm) == "negation":
                return "negated", f"«{toks[k - 1].text} {toks[k].text}»", k  # لم تسمح روسيا لإسرائيل بقصف …
            return _GOVERNING[role], f"{role}: «{toks[k].text}»", k
        nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
        if role == "negation":
            if k < lo or i - k > 4 or nxt.endswith("زال") or nxt in ("سيما", "بد"):
                continue  # another clause's, too far, or لا يزال "still", لا سيما "especially", لا بد "must"
            return "negated", f"«{toks[k].text}»", None
        if _bare_in(n, grammar("when")) and _past_verb(nxt):
            continue  # عندما قصفت الطائرات البلدة: "when" it happened, a fact
        if role == "future" and n.removeprefix("و") in grammar("next_day") and (
                k < lo or any(t.norm in grammar("other_day") for t in toks[k + 1 : i])):
            continue  # يصل الوزير غدا …، بعد أن التقى أمس: tomorrow of another clause, or another day nearer

        return role, f"«{toks[k].text}»", None
    if noun and (far := _far_governor(doc, toks, lo, i, prefix)) is not None:
        return far
    if any(toks[k].norm == "حال" and k > a and toks[k - 1].norm == "في" for k in range(a, i)):
        return "hypothetical", "«في حال»", None
    sentence = doc.sentences[t.sent]
    if doc.text[sentence.start : sentence.end].rstrip("\"'»”)").endswith(("؟", "?")):
        return "hypothetical", "a question asserts nothing", None
    return "asserted", "no cue", None


def _governs_that(doc: Doc, toks: Sequence[Token], k: int, i: int, role: str) -> bool:
    """A condition, aim, wish or threat cue at token k governs the that-clause after it (احتمال أن تشن إسرائيل
    هجوما، خشية أن تقصف الطائرات، يهدف إلى أن تنسحب القوات، دعا الرئيس الفرنسي إلى أن تنسحب إسرائيل، هددت بأن
    تنسحب): أن (so written, not إن) right after the cue or after its إلى, or after a named subject of the cue's
    verb, the trigger at i within four words of it, and no punctuation from the cue to the trigger (خشية أن
    يتكرر الهجوم، اعتقلت الشرطة: the arrest is the main clause's). Not أجل without من (أجّل "postponed")."""
    if role not in ("condition", "aim", "wish", "threat", "terms") \
            or (toks[k].norm == "اجل" and (k == 0 or toks[k - 1].norm != "من")):
        return False
    j = k + 1
    if role in ("wish", "threat") and j < i and _in_mention(doc, toks[j]):  # دعا الرئيس الفرنسي إلى أن
        j = next((x for x in range(j, i) if not _in_mention(doc, toks[x])), i)
    j = j + 1 if j + 1 < i and toks[j].norm == "الي" else j
    return j < i and toks[j].norm in ("ان", "بان") and "إ" not in toks[j].text and i - j <= 4 \
        and all(t.is_word for t in toks[k + 1 : i])


def _cue_subject(st: _Site, k: int) -> Mention | None:
    """The subject of the governing verb at token k (أحبطت الشرطة، طالبت المعارضة): right after it, or
    right before it."""
    toks = st.toks
    after = next((x for x in st.people if x.start >= toks[k].end), None)
    if after is not None and gap_ok(toks, k + 1, after.start):
        return after
    before = [x for x in st.people if x.end <= toks[k].start and x.start >= st.clause_start]
    return before[-1] if before and not st.doc.text[before[-1].end : toks[k].start].strip() else None


def find_events(doc: Doc) -> list[Event]:
    """Every event of the document, one per incident and sentence."""
    toks = doc.tokens
    matcher = trigger_matcher()
    people = _participants(doc)  # once per document, not per trigger
    events: list[Event] = []
    for a, b in doc.sent_token_ranges:
        matches = [m for m in matcher.find(toks, a, b)
                   if m.payload.type != "NONE" and not _names_an_organisation(toks, m) and not first_name_at(doc, m.i)
                   and not _names_a_place(toks, m) and not _counted_noun(doc, m) and not _in_a_title(toks, m, a)]
        sources = _cited_sources(doc, toks, a, b) if matches else set()  # once per sentence
        for m in matches:
            words = m.phrase.split()
            # a phrase with a gap (فرض … عقوبات) matched with nothing in it may be a verbal noun (إلى فرض عقوبات)
            closed = GAP not in words or m.j - m.i == len(words) - words.count(GAP)
            if m.payload.pos == "verb" and closed and m.i > a and m.start == toks[m.i].start \
                    and _governed_past(doc, toks, a, m.i) and masculine_past(norm(words[0])):
                # يدرس فرض عقوبات، تعتزم نشر قوات: a past form right after a governing verb is its verbal noun
                m = replace(m, payload=replace(m.payload, pos="noun"))
            if GAP in m.phrase:  # وقعت … على اتفاق: the participants stand in the gap, after the verb
                m = replace(m, j=m.i + 1, end=toks[m.i].end)
            if m.payload.pos == "verb" and closed:
                if _after_preposition(toks, m):  # في بحث، على رفض: a verbal noun
                    m = replace(m, payload=replace(m.payload, pos="noun"))
                elif masculine_past(norm(m.phrase)) and _decider(doc, toks, m, people) is not None:
                    # قرار البحرين طرد السفير: a verbal noun, its object a genitive (not اعتقلت, طردت: finite)
                    m = replace(m, payload=replace(m.payload, pos="noun", prep=m.payload.prep or "gen"))
            elif m.payload.type == "PROTEST" and _official_protest(doc, m):
                # أعلنت الحكومة الأردنية احتجاجها على القرار: a protest in words by a state body, not in the street
                m = replace(m, payload=replace(m.payload, type="ACCUSE", mode=None, context=(), prep="علي",
                                               requires="actor"))
            elif m.payload.pos == "noun" and _nominative_subject_after(doc, toks, m, b):
                # وخطف مسلحون صحفيا: the form is a past verb too, and a plural in ون after it is its subject
                # (the genitive of the verbal noun would be خطف مسلحين)
                m = replace(m, payload=replace(m.payload, pos="verb", prep=""))
            if _told_before(toks, m, events):
                continue
            ev = _build(doc, m, a, b, people, sources)
            if ev is not None:
                events.append(ev)
    events += _accusations(doc, people, events)
    return _merge(_dedupe(events))


def _governed_past(doc: Doc, toks: Sequence[Token], a: int, i: int) -> bool:
    """A governing verb right before token i, or before a name that is its subject (تدرس واشنطن فرض عقوبات،
    يدرس الاتحاد الأوروبي فرض): the past form at i is then its verbal noun."""
    k = i - 1
    while k > a and k > i - 5 and _in_mention(doc, toks[k]):
        k -= 1
    return _cue_role(toks[k].norm) in _GOVERNING


def _in_a_title(toks: Sequence[Token], m: Match[Trigger], a: int) -> bool:
    """The trigger is inside quotation marks opened right after a word that names a work (`work_title`: فيلما
    "…"، رواية «الحرب والسلم»), or after such a word and a word of titling (`title_intro`: فيلما بعنوان "قتلوا
    أبي أولا"): the title of a film, book or song, not an event. A report or a programme titled with a claim
    (تقريرا بعنوان "مقتل خمسة جنود") keeps it."""
    for k in range(m.i - 1, max(a, m.i - 8) - 1, -1):
        if toks[k].norm in QUOTES:
            w = k - 1
            if w > a and _stem_in(toks[w].norm, grammar("title_intro")):
                w -= 1
            return w >= a and _stem_in(toks[w].norm, grammar("work_title"))
    return False


def _official_protest(doc: Doc, m: Match[Trigger]) -> bool:
    """A word of protest also said in words (`protest_word`: احتجاجها، احتج) whose sentence's speaker, right before
    it, is a government, parliament, court or religious body: a protest in words (ACCUSE)."""
    if not _stem_in(doc.tokens[m.j - 1].norm, grammar("protest_word")):  # the word as written, with its pronoun
        return False
    stmt = next((s for s in doc.statements if s.start <= m.start < s.end and s.cue_start < m.start), None)
    return stmt is not None and stmt.speaker is not None and stmt.speaker.sector in _OFFICIAL


def _counted_noun(doc: Doc, m: Match[Trigger]) -> bool:
    """A verb form that is also a noun rasd knows, right after a count that is no date, is the noun it counts
    (شارك 100 طالب: students, not طالب "demanded"); so is one right before an indefinite nisba (طالب فلسطيني)."""
    if m.payload.pos != "verb" or m.j != m.i + 1:
        return False
    word = norm(m.phrase)
    if word not in grammar("counted_noun") and not head_matcher().starts(word) and not actor_matcher().starts(word):
        return False  # only a form that is also a noun of people (طالب); اللواء 47 هاجم، ثلاثة هاجموا stay verbs
    nxt = doc.tokens[m.j] if m.j < len(doc.tokens) else None
    if nxt is not None and nxt.norm in nationality_index() and nxt.norm.endswith("ي") and not nxt.norm.startswith("ال"):
        return True  # أصيب طالب فلسطيني: a noun with its nisba (the verb's subject would be definite or a name)
    if m.i == 0:
        return False
    prev = doc.tokens[m.i - 1]
    if any(t.start <= prev.start < t.end for t in doc.times):
        return False  # في 2015 طالب الرئيس: a year before the verb
    return any(q.start <= prev.start < q.end for q in doc.quantities)


def _nominative_subject_after(doc: Doc, toks: Sequence[Token], m: Match[Trigger], b: int) -> bool:
    """A one-word verbal noun that is also a masculine past verb (خطف، قصف) and opens its clause (alone or
    after و/ف), followed by a mention whose first word is a sound plural in the nominative (مسلحون،
    متظاهرون): a verbal noun would take the genitive (خطف مسلحين), so it is the verb and that is its subject."""
    if m.j != m.i + 1 or m.j >= b or GAP in m.phrase:
        return False
    word = toks[m.i].norm
    prefix = word[: m.start - toks[m.i].start]
    if prefix not in ("", "و", "ف") or not masculine_past(word[len(prefix):]) or word[len(prefix):].startswith("ال"):
        return False
    if m.i > 0 and toks[m.i - 1].is_word and not prefix:
        return False  # not the clause's first word: a noun (بعد خطف مسلحون …) or a verb in a relative clause
    nxt = toks[m.j]
    return nxt.norm.endswith("ون") and not nxt.norm.startswith("ال") and _in_mention(doc, nxt)


def _decider(doc: Doc, toks: Sequence[Token], m: Match[Trigger], people: Sequence[Mention]) -> Mention | None:
    """«قرار واشنطن بفرض عقوبات، الخطوة المغربية الأخيرة بقطع العلاقات، قرار البحرين طرد السفير»: the owner of a
    `decision` noun right before the event noun (at most one adjective between) decides and does it."""
    if m.i == 0:
        return None
    start = toks[m.i].start
    x = None
    for y in reversed(mentions_within(people, 0, start)):
        if y.end > start:
            continue
        if tokens_between(doc, y.end, start) > 1:
            break  # the ones before end farther away
        if y.actor is not None and y.actor.code:
            x = y
            break
    # نقلت الصين القرار لروسيا بسحب قواتها: Russia is told, not deciding; but in للخطوة المغربية بقطع العلاقات the
    # preposition is the decision noun's own (a side noun: the noun and its adjective)
    if x is None or (prep_of(doc, x) is not None and x.source != "adjective") \
            or not all(_definite(t) for t in tokens_within(toks, x.end, start)):
        return None
    first = token_at(doc, x.start)
    if first is None:
        return None
    decisions = grammar("decision")
    return x if _stem_in(toks[first].norm, decisions) or (first > 0 and _stem_in(toks[first - 1].norm, decisions)) \
        else None


def _after_preposition(toks: Sequence[Token], m: Match[Trigger]) -> bool:
    """The trigger is the object of a preposition standing right before it: a noun, not a finite verb."""
    if m.i == 0 or m.start > toks[m.i].start:  # a proclitic of its own (وبحث) leaves it a verb
        return False
    return _bare_in(toks[m.i - 1].norm, _NOUN_PREPOSITIONS)


# prepositions that take no verb after them (منذ and بين may: منذ بدأت الحرب; and من is also "whoever": محاسبة من قتل)
_NOUN_PREPOSITIONS = frozenset({"في", "الي", "علي", "عن", "مع", "ضد", "حول", "بشان", "خلال", "لدي"})


def _stem_in(word: str, words: frozenset[str]) -> bool:
    """One of the word's forms, with proclitics split off or not, is in ``words`` (بالانتقام → انتقام)."""
    return any(f in words for f, _ in stems(word))


def _bare_in(word: str, words: frozenset[str]) -> bool:
    """The word, or the word after a proclitic و/ف, is in ``words`` (وقامت → قامت)."""
    return word in words or (word[:1] in "وف" and word[1:] in words)


def _definite(tok: Token) -> bool:
    """The word carries the article, after any proclitic (الاجتماع، بالاجتماع، وللاجتماع)."""
    return any(f.startswith("ال") for f, _ in stems(tok.norm))


def _told_before(toks: Sequence[Token], m: Match[Trigger], events: list[Event]) -> bool:
    """A definite meeting noun (المؤتمر، الاجتماع، القمة) after a meeting told with the same noun earlier in the
    article is that meeting again (وألقى الوزير كلمة في المؤتمر), not a new one."""
    if m.payload.type != "CONSULT" or m.payload.pos != "noun" or m.j != m.i + 1:
        return False
    if not _definite(toks[m.i]):
        return False
    noun = norm(m.phrase)
    return any(e.type == "CONSULT" and norm(e.trigger).endswith(noun) for e in events)


def _accusations(doc: Doc, people: list[Mention], found: list[Event]) -> list[Event]:
    """قال الوزير إن إيران تزعزع استقرار المنطقة: a statement about a named side, in words of blame, is an
    ACCUSE of that side by the speaker (CODEBOOK: verbal events), unless the sentence already has one."""
    out = []
    words = grammar("accusation")
    for stmt in doc.statements:
        sp = stmt.speaker
        if sp is None or not sp.code or stmt.content_start is None or stmt.content_start >= stmt.end:
            continue
        if any(e.type == "ACCUSE" and stmt.start <= e.trigger_start < stmt.end for e in found):
            continue
        a, b = doc.sent_token_ranges[doc.sentence_of(stmt.start)]
        toks = [t for t in doc.tokens[a:b] if _in_content(stmt, t.start)]
        hit = next((t for t in toks if _stem_in(t.norm, words)), None)
        if hit is None:
            continue
        named = [x for x in people if _in_content(stmt, x.start) and x.actor and x.actor.code
                 and x.actor.code != sp.code and x.source not in ("local", "compose")]
        # تدخلات إيران: the side right after the word; otherwise the first side named before it
        target = next((x for x in named if x.start >= hit.end and not doc.text[hit.end : x.start].strip(" #_")),
                      None) or \
            next((x for x in named if x.start < hit.start), None)
        if target is None or target.actor is None:
            continue
        si = hit.sent
        out.append(Event(
            type="ACCUSE", trigger=hit.text, trigger_start=hit.start, trigger_end=hit.end,
            start=stmt.start, end=stmt.end, mode=None, context=[], actor=[sp], recipient=[target.actor],
            location=[], date=stmt.date, date_precision="day" if stmt.date else "unknown", size={},
            status="asserted", reported_by=None, sentence=si,
            trace=[f"statement by {sp.text} with a word of blame «{hit.text}» (grammar.tsv accusation)",
                   "actor: the speaker", "recipient: the first other side named before that word",
                   "status: asserted", "date: the statement's date" if stmt.date else "date: none",
                   "location: none (verbal event)"],
        ))
    return out


def _is_denial(stmt: Statement) -> bool:
    """A statement whose cue is a denial (نفى، تنفي): the events it reports did not happen, says the speaker."""
    return "negation" in cue_table().get(norm(stmt.cue).lstrip("وف"), frozenset()) or \
        "negation" in cue_table().get(norm(stmt.cue), frozenset())


def _said_after_denial(toks: Sequence[Token], stmt: Statement, m: Match[Trigger]) -> bool:
    """A verb of saying between the denial's cue and the trigger (ونفى الاتهامات، وقال إن المسلحين هاجموا الحاجز؛
    مشيرا إلى أن مجهولين أطلقوا النار): what follows it is affirmed, not denied."""
    k = first_token_from(toks, stmt.cue_end)
    return k is not None and any((cue_role(t) or ("",))[0] in ("speech", "participle") and not _is_denial_word(t)
                                 for t in toks[k : m.i])


def _is_denial_word(t: Token) -> bool:
    c = cue_role(t)
    return c is not None and "negation" in cue_table().get(c[1], frozenset())


def _claimed(toks: Sequence[Token], lo: int, i: int) -> bool:
    """«بمسؤوليته عن» right before the trigger: a claim of responsibility."""
    return any(f in grammar("responsibility") for k in range(max(lo, i - 3), i) for f, _ in stems(toks[k].norm))


def _speaker_is_subject(toks: Sequence[Token], lo: int, i: int) -> bool:
    """The clause opens with a that + pronoun (إنها، أنه) and only a particle or a time word stands between it and
    the verb (إنه قد قصف، أنها لم تشارك): its subject is the speaker. Not when the pronoun has a predicate of its
    own (طائرات يعتقد أنها روسية شنت غارات: the planes are Russian and launched the raids)."""
    for k in range(max(lo - 1, 0), i):
        if toks[k].norm in grammar("subject_pronoun") and \
                all(t.norm in grammar("verb_particle") or t.norm in grammar("time") or not t.is_word
                    for t in toks[k + 1 : i]):
            return True
    return False


@functools.cache
def _verb_forms() -> frozenset[str]:
    return frozenset(norm(r["form"]) for r in load_tsv("triggers.tsv") if r["pos"] == "verb")


def _first_person(st: _Site) -> bool:
    """We did it: a verb in the first person plural (نرفض beside يرفض in the lexicon; اعتقلنا with no
    subject after it), an event noun with «our» (غاراتنا) or after such a verb (قمنا بشن غارات)."""
    toks, m, doc = st.toks, st.m, st.doc
    phrase = norm(m.phrase.split()[0])
    # «our» or «we» attached: غاراتنا، غارتنا (ة written ت before the pronoun), اعتقلنا
    ours = m.j == m.i + 1 and any(f.endswith("نا") and phrase in strip_enclitic(f) for f, _ in stems(toks[m.i].norm))
    if m.payload.pos == "verb":
        if phrase[:1] == "ن" and "ي" + phrase[1:] in _verb_forms():
            return True
        return ours and not (st.after and tokens_between(doc, m.end, st.after[0].start) == 0)
    if ours:
        return True
    # the noun is what the we-verb takes: right after it, or after one بـ word (قمنا بشن غارات), never past
    # في or عن (نواصل التحقيق في الهجوم: we investigate, the attack is someone else's)
    we = grammar("we_verb")
    for k in range(m.i - 1, max(st.lo, m.i - 5) - 1, -1):
        if toks[k].norm in we or toks[k].norm[1:] in we:
            between = [t for t in toks[k + 1 : m.i] if not _in_time(doc, t)]  # قمنا قبل أسبوعين بغارات
            return not between or (len(between) == 1 and between[0].norm.startswith("ب"))
    return False


def _adjective_actors(toks: Sequence[Token], j: int, b: int, sector: str) -> list[Actor]:
    """Nationality adjectives right after an event noun, with those joined by و."""
    out: list[Actor] = []
    index = nationality_index()
    while j < b:
        n = toks[j].norm
        iso = None if n in grammar("ambiguous_adj") else \
            index.get(n) or (index.get(n[1:]) if out and n.startswith("و") else None)
        if iso is None:
            break
        t = toks[j]
        out.append(Actor(t.text, t.start, t.end, iso, sector, kind="ORG"))
        j += 1
    return out


def _light_verb_subject(st: _Site) -> Mention | None:
    """«هجمات ... شنتها سوريا»: a verb with a pronoun pointing back at the event noun, then its subject."""
    toks = st.toks
    for k in range(st.m.j, min(st.hi, st.m.j + 5)):
        if _bare_in(toks[k].norm, grammar("light_verb")):
            subj = next((x for x in st.people if toks[k].end <= x.start < st.clause_end), None)
            if subj is not None and tokens_between(st.doc, toks[k].end, subj.start) <= 1:
                return subj
            return None
    return None


def _victims(st: _Site, start: int) -> bool:
    """A count of killed or injured stands right before the participant starting at ``start``, or before من and
    it (ثلاثة جنود قتلوا، اثنان من عناصر الشرطة أصيبا، بينهم 43 طفلا), and the words next to the count say so:
    the two before it (مقتل خمسة، بينهم) or the three after the participant (قتلوا، أصيبوا); not a count that
    only the rest of the clause makes a toll (3 مسلحين هاجموا مسجدا وقتلوا خمسة مصلين)."""
    doc, toks = st.doc, st.doc.tokens
    for metric, q in _site_tolls(st):
        if metric not in ("killed", "injured") or q.start >= start or \
                not (q.end > start or tokens_between(doc, q.end, start) <= 1):
            continue
        k = token_index(doc, q.start)
        end = _mention_end(st, start)
        after = next((i for i in range(k, len(toks)) if toks[i].start >= end), len(toks))
        before = sentence_words(toks[max(0, k - 2) : k])
        if before & grammar("subset"):
            return True  # بينهم 43 طفلا: part of the toll just given
        near = before | sentence_words(toks[after : after + 3])
        if metric_for(_units(doc, q, toks[st.lo : st.hi]), near, near) in ("killed", "injured"):
            return True
    return False


def _mention_end(st: _Site, start: int) -> int:
    return next((x.end for x in st.people if x.start == start), start)


def _site_tolls(st: _Site) -> list[tuple[str, Quantity]]:
    """The tolls of the site's clause (:func:`_tolls`), computed once."""
    if st.tolls is None:
        st.tolls = _tolls(st.doc, st.lo, st.hi)
    return st.tolls


def _construct(doc: Doc, end: int) -> bool:
    """The span ending at ``end`` ends in a noun without the article, the head of a construct (إدارة …)."""
    i = token_at(doc, end - 1)
    return i is not None and not _definite(doc.tokens[i])


def _bare_start(doc: Doc, start: int) -> bool:
    """A span starts its token, with no proclitic split off before it (not بالرئيس, للحكومة)."""
    i = token_at(doc, start)
    return i is not None and doc.tokens[i].start == start


def _support_subject(st: _Site) -> Mention | None:
    """«قامت الشرطة باعتقال، بدأ الجيش السوري بسحب قواته، تمكن التنظيم من قتل»: a verbal noun with بـ or after
    a preposition, after a support verb of its clause; the verb's subject (after it, else before it) does the act."""
    doc, toks, m = st.doc, st.toks, st.m
    with_b = "ب" in doc.text[toks[m.i].start : m.start]
    if not with_b and not (m.i > st.lo and toks[m.i - 1].norm in _SUPPORT_PREPS):
        return None
    verbs = grammar("support_verb") | grammar("reply_verb") if with_b else grammar("support_verb")
    k = _verb_before(st, verbs, 12)  # تمكنت الشرطة من اعتقال رجل متهم بتفجير: the verb's act is the first event
    if k is None:
        return None
    after = [x for x in st.people if toks[k].end <= x.start < m.start]
    if after:
        return after[0] if prep_of(doc, after[0]) is None and tokens_between(doc, toks[k].end, after[0].start) <= 1 \
            else None
    before = [x for x in st.before if x.end <= toks[k].start and prep_of(doc, x) is None]
    return group_start(doc, before[-1], st.clause_start) if before and \
        tokens_between(doc, before[-1].end, toks[k].start) <= 1 else None


def _verb_before(st: _Site, verbs: frozenset[str], reach: int) -> int | None:
    """The token of the nearest of ``verbs`` (after و/ف) within ``reach`` words before the trigger in its clause,
    when no other event word stands between them: the trigger is then the first act after the verb."""
    toks, m = st.toks, st.m
    k = next((k for k in range(m.i - 1, max(st.lo, m.i - reach) - 1, -1) if _bare_in(toks[k].norm, verbs)), None)
    if k is None or any(x.payload.type != "NONE" for x in trigger_matcher().find(toks, k + 1, m.i)):
        return None
    return k


def _owner_body_between(st: _Site, x: Mention) -> bool:
    """تلويح إدارة الرئيس الأمريكي بالانسحاب: one word for the body of the genitive's owner (`owner_body`:
    إدارة، حكومة، مكتب) stands between the event noun and the genitive; the owner acts through it."""
    k = st.m.j
    return k < st.hi and st.toks[k].norm in grammar("owner_body") and adjacent(st.doc, st.toks[k].end, x.start)


def _monitor(speaker: Actor) -> bool:
    """A speaker that reports deeds rather than does them: the press, or a rights or monitoring group (`monitor`
    of grammar.tsv: أفاد المرصد السوري ببدء إجلاء الآلاف; not الصليب الأحمر, which evacuates)."""
    return speaker.sector == "JRN" or any(_stem_in(w, grammar("monitor")) for w in norm(speaker.text).split())


def _in_content(stmt: Statement, offset: int) -> bool:
    """The offset is in what the statement says: from its content's start to the end of its sentence."""
    return stmt.content_start is not None and stmt.content_start <= offset < stmt.end


def _launch_subject(st: _Site) -> Mention | None:
    """«شنت تركيا، في 20 يناير، بدعم من فصائل سورية، هجوما على عفرين»: a verbal noun that is the object of a
    launch verb of its clause (`launch_verb`: شن، نفذ، بدأ، خاض، واصل) with its subject right after it; that
    subject does the act, however many adjuncts stand between (a trigger phrase spans four words at most)."""
    doc, toks, m = st.doc, st.toks, st.m
    k = _verb_before(st, grammar("launch_verb"), 15)
    if k is None:
        return None
    after = [x for x in st.people if toks[k].end <= x.start < m.start]
    if not after or prep_of(doc, after[0]) is not None or tokens_between(doc, toks[k].end, after[0].start) > 1:
        return None
    # the noun is the verb's object: between its subject and the noun, past names, times and a parenthesis
    # between commas, at most three words (وحلفاء له من، لدعم الشرعية باليمن); not تشن الولايات المتحدة عملا
    # عسكريا ضد النظام بسبب الهجوم, خاض ضابط تدريبا على التعامل مع هجمات
    lo, hi = after[0].end, m.start
    covered = [(x.start, x.end) for x in (*st.people, *doc.times) if x.end > lo and x.start < hi]
    span = [t for t in toks[token_index(doc, after[0].end - 1) + 1 : m.i] if t.is_word]
    commas = [t.start for t in toks[token_index(doc, after[0].end - 1) + 1 : m.i] if t.text in ("،", ",")]
    loose = [t for t in span if not any(a <= t.start < b for a, b in covered)
             and not (len(commas) > 1 and commas[0] < t.start < commas[-1])]
    return after[0] if len(loose) <= 3 else None


_HISTORY = dt.timedelta(days=365)  # an event dated longer before the article than this is background to it


def _history(doc: Doc, date: str | None, precision: str, st: _Site) -> bool:
    """The event's date, a point in time of the clause (not a span: منذ عام 2015), ends more than a year before
    the article was published (a year date ends on 31 December, a month on its last day)."""
    if date is None or doc.published is None:
        return False
    s, e = st.toks[st.lo].start, st.toks[st.hi - 1].end
    for t in doc.times:
        if t.date == date and s <= t.start < e:
            i = token_at(doc, t.start)
            if t.kind != "date" or (i is not None and i > 0 and doc.tokens[i - 1].norm.removeprefix("و") == "منذ"):
                return False  # منذ عام 2015: the event runs on to now
    last = {"year": date[:4] + "-12-31", "month": date[:7] + "-31"}.get(precision, date)
    return last < (doc.published - _HISTORY).isoformat()


_SUPPORT_PREPS = frozenset({"من", "في", "علي", "الي"})  # تمكن من، نجح في، أقدم على، عمد إلى


def _disaster(st: _Site) -> bool:
    """A death or destruction word (`death_word` of grammar.tsv: قتل، مقتل، لقوا حتفهم، تدمير) whose clause names a
    natural disaster or an accident (`disaster`: الفيضانات، الزلزال، غرق، صعق) and no other attack word:
    deaths and damage no one inflicted."""
    if _blast_of_a_thing(st.toks, st.m):
        return True
    if not _stem_in(norm(st.m.phrase).split()[0], grammar("death_word")):
        return False
    clause = st.toks[st.lo : st.hi]
    if not any(_stem_in(t.norm, grammar("disaster")) for t in clause):
        return False
    if any(_stem_in(t.norm, grammar("arson")) for t in clause):
        return False  # حريق متعمد أضرمه مجهولون: someone set it
    return not any(x.payload.type == "ASSAULT" and x.i != st.m.i and not _blast_of_a_thing(st.toks, x)
                   for x in trigger_matcher().find(st.toks, st.lo, st.hi))


_BLAST = frozenset({"انفجار", "انفجر", "انفجرت"})


def _blast_of_a_thing(toks: Sequence[Token], x: Match[Trigger]) -> bool:
    """An explosion of a heater, a gas cylinder (انفجار مدفأة، انفجرت أسطوانة غاز): a `disaster` noun right after
    the explosion word; an accident, not an attack."""
    return _stem_in(norm(x.phrase), _BLAST) and x.j < len(toks) and _stem_in(toks[x.j].norm, grammar("disaster"))


def _names_a_place(toks: Sequence[Token], m: Match[Trigger]) -> bool:
    """ضاحية دمر، حي تدمر: a verb right after a word that says what kind of place follows (`place_cues.tsv`)
    is the place's name."""
    return m.payload.pos == "verb" and m.i > 0 and \
        any(f in word_table("place_cues.tsv") for f, _ in stems(toks[m.i - 1].norm))


def _names_an_organisation(toks: Sequence[Token], m: Match[Trigger]) -> bool:
    """منظمات الإغاثة، وكالة الإغاثة، رئيس اللقاء الديمقراطي: an event noun after an organisation noun, or after a
    noun of leading without the article (`head_of`: a construct; وانتقد الرئيس الغارات is no name), names a body."""
    if m.payload.pos != "noun" or m.i == 0:
        return False
    prev = toks[m.i - 1].norm
    return any(f in grammar("org_noun") for f, _ in stems(prev)) or _bare_in(prev, grammar("head_of"))


def _codes(actors: list[Actor]) -> set[str | None]:
    return {a.code for a in actors}


def _merge(events: list[Event]) -> list[Event]:
    """One event per incident: same type and status in one sentence, with participants that do not
    disagree (one side empty or equal), is one event told by several triggers (مقتل ... في قصف ... استهدف)."""
    out: list[Event] = []
    for ev in events:
        into = next((prev for prev in reversed(out) if prev.sentence == ev.sentence and _compatible(prev, ev)), None)
        if into is None:
            out.append(ev)
            continue
        # the dead of a word of death are no attacker another trigger took as its subject (لقي الجندي مصرعه في
        # انفجار عبوة: the soldier is before انفجار, but he died)
        dead = _dead(into) | _dead(ev)
        # nor the victim of a passive verb the first trigger found (قتل جندي وأصيب اثنان بانفجار: no attacker)
        passive = _passive_victims(into)
        into.actor = [a for a in into.actor if (a.start, a.end) not in dead or not _weak_actor(into)] or \
            [a for a in ev.actor if ((a.start, a.end) not in dead or not _weak_actor(ev))
             and (a.start, a.end) not in passive]
        into.recipient = into.recipient or ev.recipient
        # the same words never stand on both sides (قصف فصائل المعارضة ... فصائل المعارضة)
        into.recipient = [r for r in into.recipient
                          if not any(r.start < a.end and a.start < r.end for a in into.actor)]
        # the places either trigger names (مقتل … بريف إدلب، قصف … على سراقب: the town and its province)
        into.location = _most_specific(list({(p.start, p.end): p for p in into.location + ev.location}.values()))
        into.mode = into.mode or ev.mode
        background = "background" in into.context and "background" in ev.context
        into.context = [c for c in into.context if c != "background"] or \
            [c for c in ev.context if c != "background"]
        if background:
            into.context.append("background")
        if not into.date:
            into.date, into.date_precision = ev.date, ev.date_precision
        into.size = {**ev.size, **into.size}
        into.reported_by = into.reported_by or ev.reported_by
        into.trace.append(f"merged with «{ev.trigger}» ({ev.type}) in the same sentence")
    return out


def _dead(ev: Event) -> set[tuple[int, int]]:
    """Spans of the recipients of an attack told by a noun of death (مقتل، مصرع، لقي … حتفه): the dead. Not the
    verb قتل, whose object the text may not give (قتل أحد عناصر الشرطة بنيران مسلحين)."""
    if ev.type != "ASSAULT" or not any(_stem_in(w, grammar("death_noun")) for w in norm(ev.trigger).split()):
        return set()
    return {(r.start, r.end) for r in ev.recipient}


def _passive_victims(ev: Event) -> set[tuple[int, int]]:
    """Spans of the recipients the passive-verb rule gave (قتل جندي … بانفجار: the soldier, :func:`_shot_by`)."""
    if not any(t.startswith("recipient: the subject of a passive") for t in ev.trace):
        return set()
    return {(r.start, r.end) for r in ev.recipient}


def _weak_actor(ev: Event) -> bool:
    """The event's actor came from a mention before a verbal noun (a subject just before it), not from a verb
    (مصرع مسلحين هاجموا قاعدة: the attackers, subject of هاجموا, died, and stay its actors)."""
    return any(t.startswith("actor: noun: subject") for t in ev.trace)


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    aa, ba, ar, br = _codes(a.actor), _codes(b.actor), _codes(a.recipient), _codes(b.recipient)
    return not ((aa and ba and aa != ba) or (ar and br and ar != br))


def _participants(doc: Doc) -> list[Mention]:
    """Mentions that can fill an actor slot: coded actors and groups, not bare heads (المركز، الوزير),
    and not a group noun that names a place (بلدة سراقب); plus nouns made a side's by a nationality
    adjective (الجهود الأوروبية، الاتفاق النووي الإيراني)."""
    place_starts = {p.start for p in doc.places}
    out = []
    for x in doc.mentions:
        if not x.actor or (not x.actor.code and x.source in ("compose", "title", "ner")):
            continue  # bare heads and names of unknown side code nothing and would hide the real actor
        if x.source == "possessive" and x.text.endswith("نا"):
            x = _ours(doc, x)  # قواتنا، طائراتنا: the speaker's side
            if x is None:
                continue
        if not x.actor.code and any(0 < s - x.end <= 1 for s in place_starts):
            continue
        out.append(x)
    return sorted(out + doc.side_nouns, key=lambda x: x.start)


def _namely_subject(st: _Site) -> Mention | None:
    """«انتقد قادة الدول الثلاث، وهي فرنسا وإسبانيا والبرتغال، القرار»: the first listed member, whose list is
    the verb's subject (see :func:`_namely_group`)."""
    found = _namely_group(st)
    return found[1] if found else None


def _namely_group(st: _Site) -> tuple[Mention, Mention] | None:
    """A group with no code right after the verb, past adjectives, then a `namely` pronoun and a list: the
    group's mention and the first listed member."""
    doc, toks = st.doc, st.toks
    if st.m.j >= st.hi:
        return None
    x = next(iter(mentions_within(doc.mentions, toks[st.m.j].start, toks[st.m.j].start + 1)), None)
    if x is None or x.actor is None or x.actor.code:
        return None
    k = first_token_from(toks, x.end)
    skipped = 0
    while k is not None and k < st.hi - 1 and skipped < 2 and \
            (toks[k].norm.startswith("ال") or toks[k].text in _APPOSITION_MARKS):
        k, skipped = k + 1, skipped + 1
    if k is None or k >= st.hi - 1 or toks[k].norm not in grammar("namely"):
        return None
    first = next((y for y in st.people if y.start == toks[k + 1].start), None)
    return (x, first) if first is not None else None


def _ours(doc: Doc, x: Mention) -> Mention | None:
    """A body with «our» (طائراتنا; the entities stage leaves it uncoded) in a speaker's words is the speaker's
    side; outside any, nobody's."""
    stmt = next((st for st in doc.statements if st.speaker is not None and st.speaker.code
                 and _in_content(st, x.start)), None)
    if stmt is None or stmt.speaker is None or x.actor is None:
        return None
    return replace(x, actor=replace(x.actor, code=stmt.speaker.code))


# Events a source announces having done itself (أعلنت الوزارة القبض على ...، أعلن الجيش انسحابه).
_ANNOUNCED = frozenset({"SUPPORT", "CONCEDE", "COERCE", "RETREAT", "AID", "MOBILIZE", "SANCTION", "CONSULT"})

_FORCE = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "RETREAT"})
_ARMED = frozenset({"MIL", "REB", "COP", "UAF", "SPY"})  # the sectors that carry out attacks of their own
_BY_ADJECTIVE = "noun + nationality adjective"  # the actor rule of غارة تركية، العقوبات الأمريكية

# Sectors that do not attack, arrest, mobilise or sanction: they are the recipients of such events.
_NEVER_AGENTS = {"ASSAULT": {"CVL", "REF", "JRN", "MED"}, "COERCE": {"CVL", "REF", "JRN", "MED"},
                 "MOBILIZE": {"CVL", "REF", "JRN", "MED"}, "SANCTION": {"CVL", "REF", "JRN", "MED"}}


@dataclass(slots=True)
class _Site:
    """Where a trigger stands: its sentence and clause, the statement around it, the candidates."""

    doc: Doc
    m: Match[Trigger]
    a: int  # sentence token range
    b: int
    lo: int  # clause token range
    hi: int
    stmt: Statement | None
    speaker: Actor | None
    role: tuple[str, str, int] | None
    people: list[Mention]
    before: list[Mention]
    after: list[Mention]
    sources: set[int]  # starts of the sources named after وفق/بحسب: never participants
    places: list[Place]  # the clause's places that read as where (في X، بX)
    receiver: Mention | None = None  # تلقى الرئيس اتصالا: who received the event (:func:`_receiver`)
    tolls: list[tuple[str, Quantity]] | None = None  # the clause's killed/injured/arrested counts, once asked
    accused: Mention | None = None  # اتهام النظام بشن هجوم: the accused genitive (:func:`_accused_genitive`)
    shot: tuple[Mention, Mention | None] | None = None  # قتل X برصاص Y: (victim, shooter) (:func:`_shot_by`)
    survivor: Mention | None = None  # نجا X من هجوم: who escaped the attack (:func:`_survivor`)

    @property
    def trig(self) -> Trigger:
        return self.m.payload

    @property
    def toks(self) -> list[Token]:
        return self.doc.tokens

    @property
    def clause_start(self) -> int:
        return self.toks[self.lo].start

    @property
    def clause_end(self) -> int:
        return self.toks[self.hi - 1].end

    @property
    def is_cue(self) -> bool:
        return self.role is not None and self.role[0] in ("speech", "participle")


def _site(doc: Doc, m: Match[Trigger], a: int, b: int, people: list[Mention], sources: set[int]) -> _Site:
    toks = doc.tokens
    lo, hi = clause_bounds(toks, a, b, m.i)
    stmt = _speaker_for(doc.statements, toks[m.i].start)
    speaker = stmt.speaker if stmt and stmt.speaker and stmt.cue_start <= m.start else None
    role = cue_role(toks[m.i])
    s, e = toks[lo].start, toks[hi - 1].end
    barred = _NEVER_AGENTS.get(m.payload.type, set())
    if toks[m.i].norm.removeprefix("و") in grammar("verbal_attack"):
        barred = barred - {"JRN"}  # هاجم الإعلامي الحكومة: a journalist attacks in words (ACCUSE, _verbal_attack)
    speaker_span = (stmt.speaker.start, stmt.speaker.end) if stmt and stmt.speaker and speaker else None
    is_cue = role is not None and role[0] in ("speech", "participle")
    # The speaker of a statement reports the events in it; they are not its actor (أفاد المرصد بمقتل ...).
    # ``sources``: بحسب المرصد, whom a report is attributed to, takes no part (:func:`_cited_sources`)
    before = [x for x in people if s <= x.start and x.end <= m.start and (x.start, x.end) != speaker_span
              and (not x.actor or x.actor.sector not in barred) and x.start not in sources]
    after = [x for x in people if m.end <= x.start < e and x.start not in sources
             and (not x.actor or x.actor.sector not in barred or m.payload.pos == "part" or is_cue)]
    if m.payload.type in ("ASSAULT", "COERCE") and m.payload.pos == "verb" and barred:
        seen = [x for x in people if m.end <= x.start < e and x.start not in sources]
        if _active_with_object(doc, m, seen, barred) or _nominative_after(doc, m, seen):
            after = seen
    st = _Site(doc, m, a, b, lo, hi, stmt, speaker, role, people, before, after, sources,
               _locations(doc, toks, lo, hi, trigger_end=m.j))
    st.receiver = _receiver(st)  # asked for by the actor, the recipient and the checks of _build
    st.accused = _accused_genitive(st)
    st.shot = _shot_by(st)  # asked for by the actor (_build) and the recipient
    st.survivor = _survivor(st)
    return st


def _active_with_object(doc: Doc, m: Match[Trigger], seen: Sequence[Mention], barred: set[str]) -> bool:
    """رشق متظاهرون قوات الأمن بالحجارة: a barred sector (civilians) right after an attack verb, with an object
    right after it, is the verb's subject (the passive رُشق has no object), so it may attack; not after a plural
    verb, which holds its subject (قتلوا الأطفال والنساء: what follows is its object)."""
    if len(seen) < 2 or seen[0].actor is None or seen[0].actor.sector not in barred:
        return False
    subject, obj = seen[0], seen[1]
    return tokens_between(doc, m.end, subject.start) == 0 and not norm(m.phrase).endswith(("وا", "ون")) \
        and prep_of(doc, subject) is None and prep_of(doc, obj) is None \
        and tokens_between(doc, subject.end, obj.start) == 0 and not _coordinated_start(doc, obj)


def _nominative_after(doc: Doc, m: Match[Trigger], seen: Sequence[Mention]) -> bool:
    """اقتحم مستوطنون باحات المسجد، رشق متظاهرون الشرطة: a sound plural in ون right after a singular verb is
    its subject (the nominative), civilians though they are."""
    if not seen or tokens_between(doc, m.end, seen[0].start) != 0 or prep_of(doc, seen[0]) is not None:
        return False
    first = norm(seen[0].text.split()[0])
    return first.endswith("ون") and not first.startswith("ال") and not norm(m.phrase).endswith(("وا", "ون"))


def _oblique_plural(doc: Doc, x: Mention) -> bool:
    """A group named by a sound masculine plural in ين (مسلحين، الحوثيين، المدنيين): the form of an object or a
    genitive, never of a subject (مسلحون), so not the subject of the verb before it. Not a name (بوتين) nor a
    place (البحرين، فلسطين، الصين)."""
    if x.actor is None or x.actor.kind in ("PER", "LOC") or not x.text.split():
        return False
    first = norm(x.text.split()[0])
    if not first.endswith("ين") or first in country_names():
        return False
    # احتشد آلاف المواطنين، قتل عشرات المسلحين: the genitive of a count, which is the subject
    return not any(0 <= x.start - q.end <= 4 for q in doc.quantities) and not partitive_before(doc, x)


def _coordinated_start(doc: Doc, x: Mention) -> bool:
    """The mention's token begins with the conjunction و before it (والنساء): joined to the one before."""
    i = token_at(doc, x.start)
    return i is not None and doc.tokens[i].start < x.start and doc.text[doc.tokens[i].start] == "و"


def _cited_sources(doc: Doc, toks: Sequence[Token], a: int, b: int) -> set[int]:
    """Starts of the sources named after وفق/بحسب/حسب in the sentence (tokens a..b), right after the cue
    or behind the report they gave (وفق حصيلة للمرصد، بحسب بيان للجيش): the speakers of those statements."""
    out: set[int] = set()
    for k in range(a, b - 1):
        role = cue_role(toks[k])
        if role is not None and role[0] == "according":
            nxt = next(iter(mentions_within(doc.mentions, toks[k].end, toks[k + 1].end + 1)), None)
            if nxt is not None:
                out.add(nxt.start)
    # a sentence holds one statement per speaker: a source behind وفقا ل of a sentence already spoken
    # has no statement of its own, so the cue itself is read too
    lo, hi = toks[a].start, toks[b - 1].end
    out.update(s.speaker.start for s in doc.statements
               if s.speaker is not None and lo <= s.cue_start < hi and _according(s))
    return out


def _according(stmt: Statement) -> bool:
    """A statement cued by وفق/بحسب/حسب: its speaker reports the events, never takes part in them."""
    role = word_cue_role(norm(stmt.cue))
    return role is not None and role[0] == "according"


def _find_actor(st: _Site) -> tuple[list[Actor], Mention | None, str]:
    """The actor(s) of the trigger, the mention they start from, and the rule that chose them."""
    doc, toks, m, trig = st.doc, st.toks, st.m, st.trig
    before, after, speaker = st.before, st.after, st.speaker
    participle = trig.pos == "part" or (st.role is not None and st.role[0] == "participle")
    pick: Mention | None = None
    rule = "none found"
    if participle:
        return ([speaker], None, "participle: the sentence's speaker") if speaker else ([], None, rule)
    if st.is_cue:
        object_country = bool(after) and after[0].label == "LOC" and st.role is not None \
            and masculine_past(st.role[1])
        first = _clause_subject(st)
        if first is not None:
            pick, rule = first, "reporting verb: its subject before it (سوريا تتهم ...)"
        elif (members := _namely_subject(st)) is not None:
            pick, rule = members, "reporting verb: its subject, a group named by the list after وهي"
        elif after and gap_ok(toks, m.j, after[0].start) and prep_of(doc, after[0]) is None and not object_country:
            pick, rule = after[0], "reporting verb: its subject after it"
        elif speaker is not None:
            return [speaker], None, "reporting verb: the sentence's speaker"
    elif speaker is not None and _first_person(st):
        return [speaker], None, "first person plural in the speaker's words (نرفض، قمنا بشن غارات): the speaker"
    elif trig.pos == "verb" and speaker is not None and _speaker_is_subject(toks, m.i - 2, m.i):
        return [speaker], None, "verb after إنه/أنها: the speaker"
    elif trig.pos == "verb" and trig.requires == "weapon" and after and prep_of(doc, after[0]) is None \
            and gap_ok(toks, m.j, after[0].start):
        # صواريخ أطلقتها حركة الجهاد: the pronoun is the weapon's, the verb's subject follows it (not the
        # participant a relative clause would qualify)
        pick, rule = after[0], "verb with the weapon's pronoun (صاروخ أطلقه X): its subject after it"
    elif trig.pos == "verb":
        agent = next((x for x in after if prep_of(doc, x) == "من قبل" and not _backer(doc, x)), None)
        relative, antecedent = _relative_verb(st) if agent is None else (False, None)
        fronted = _clause_subject(st) if agent is None and not relative else None
        if relative:  # القوات التي قصفت مواقع، هجمات انتحارية استهدفت القوات الكينية
            if antecedent is None:
                return [], None, "verb of a relative clause on an event noun: the noun is its subject"
            pick, rule = antecedent, "verb of a relative clause: the participant it qualifies"
        elif fronted is not None:  # أن بلاده ترفض التدخل الإيراني: the object follows the verb
            pick, rule = fronted, "verb: subject right before it, first in its clause (SVO)"
        elif (members := _namely_subject(st)) is not None:
            pick, rule = members, "verb: its subject, a group named by the list after وهي (VSO)"
        elif after and (prep_of(doc, after[0]) is None or partitive_before(doc, after[0])) and \
                gap_ok(toks, m.j, after[0].start, partitive=True) and not _oblique_plural(doc, after[0]):
            pick, rule = after[0], "verb: subject after it (VSO)"  # اعتقلت الشرطة شخصا مطلوبا من قبل القضاء
        elif agent is not None:  # قتل ثلاثة على يد مسلحين، اعتقل خمسة من قبل الشرطة: a passive with its doer
            pick, rule = agent, "passive verb: the doer after من قبل/على يد"
        else:  # not a place the clause is at (حول مستقبل جنوب سوريا، كما تشاورت ...)
            where = {p.start for p in st.places}
            # عناصر من الجيش داهموا، قوة من الشرطة اعتقلت: a part of a side before the verb is its subject
            cands = [x for x in before if (prep_of(doc, x) is None or partitive_before(doc, x))
                     and x.start not in where]
            shared = _shared_subject(st, cands[-1], where) if cands else None
            if shared is not None:  # اعتقل الجيش عشرات المسلحين وقتل آخرين: the army killed, not the gunmen
                pick, rule = shared, "verb joined by و to an earlier verb, past that verb's object: its subject"
            elif cands:
                pick, rule = group_start(doc, cands[-1], st.clause_start), "verb: subject before it (SVO)"
    else:  # verbal noun
        if st.accused is not None:
            return [], None, "noun: the genitive is the accused (اتهام النظام بشن هجوم)"
        if speaker is not None and m.i > st.a and toks[m.i - 1].norm in grammar("subject_pronoun") \
                and m.start == toks[m.i].start and len(norm(m.phrase.split()[0])) == 3 \
                and masculine_past(norm(m.phrase.split()[0])):
            # قال الجيش إنه قصف مواقع: the form is the past verb whose subject the pronoun is, the speaker
            return [speaker], None, "past verb after إنه/أنها (read as its noun): the speaker"
        pushed = _caused_agent(st)
        if pushed is not None:
            return _joined(st, pushed, "noun after a causative verb and its object (دفعت الهجمات الرئيس إلى "
                                       "التهديد): the object")
        host = _during_subject(st)
        if host is not None:
            return _joined(st, host, "a meeting or call the clause took place in (خلال اتصال هاتفي): its subject")
        adjs = _adjective_actors(toks, m.j, st.b, "MIL" if trig.type in _FORCE else "GOV")
        if adjs:  # غارة تركية، الغارات السورية والروسية: the adjectives name the attackers
            return adjs, None, _BY_ADJECTIVE
        back = _light_verb_subject(st)
        if back is not None:
            return [x.actor for x in coordinated(doc, back, st.clause_end) if x.actor], back, \
                "noun + light verb with its pronoun (هجمات شنتها سوريا)"
        # (not after a withdrawal or a deployment: سحب القوات من سوريا names where from, not who)
        by = next((x for x in after if prep_of(doc, x) == "من قبل" and not _backer(doc, x)), None) or \
            next((x for x in after[:1] if prep_of(doc, x) == "من" and tokens_between(doc, m.end, x.start) == 1
                  and trig.type not in ("RETREAT", "MOBILIZE")), None)
        if by is None and trig.type == "PROTEST":  # تظاهرة للطلاب، اعتصام لعمال النفط: the protesters' protest
            # (not an attack's: ضربة للمتشددين، ضربة لرئيسة الوزراء: its لـ brings the target)
            by = next((x for x in after[:1] if prep_of(doc, x) == "ل" and tokens_between(doc, m.end, x.start) == 0),
                      None)
        gen = after[0] if after and (adjacent(doc, m.end, after[0].start) or _owner_body_between(st, after[0])
                                     or (trig.type in _BY_MEMBERS and _part_between(doc, m.end, after[0].start))) \
            and prep_of(doc, after[0]) is None \
            and not (trig.type == "CONSULT" and after[0].actor and after[0].actor.kind == "LOC") else None
        owner = _decider(doc, toks, m, st.people) if by is None and (gen is None or trig.prep == "gen") else None
        if owner is not None:
            return _joined(st, owner, "noun after a decision and its owner (قرار واشنطن بفرض عقوبات): the owner")
        # a من قبل agent or a genitive agent (not the victim of a `gen` noun) beats the support verb's subject
        support = _support_subject(st) if by is None and (gen is None or trig.prep == "gen") else None
        if support is not None:
            return _joined(st, support, "noun after a support verb and بـ or a preposition (قامت الشرطة "
                                        "باعتقال، نجح في طرد): the verb's subject")
        launch = _launch_subject(st) if by is None and gen is None else None
        if launch is not None:
            return _joined(st, launch, _LAUNCHED + " (شنت تركيا، في يناير، هجوما): its subject")
        # after بعد or a noun that refers to it (اتهمت الشرطة الرجل بتدبير تفجير، قصفت إسرائيل غزة بعد الهجوم),
        # the subject before the event noun is the investigator's or the avenger's, not its doer's; but the
        # one who took a town after fighting (سيطر الجيش على المدينة بعد معارك مع …) is a side of it
        blamed = m.i > st.a and _stem_in(toks[m.i - 1].norm, grammar("responsibility"))
        # a noun with a pronoun that points back to the object keeps the subject (قتلت القوات شابا بعد اعتقاله)
        patient = trig.prep == "gen" and _with_pronoun(toks, m)  # اعتقاله (not هجومه: the pronoun is the doer)
        governed = _governed(doc, m) or (trig.requires != "sides" and not blamed and not patient
                                         and _background(toks, m, st.a)) \
            or _witnessed(st)  # شهدت تركيا مظاهرات: Turkey saw them
        claimer = _claimer(st)
        if claimer is not None:  # تبنى تنظيم داعش الهجوم: who claims the attack did it
            return _joined(st, claimer, "noun claimed (تبنى X الهجوم): the claimer")
        accused = _accused_of(st)
        if accused is not None:  # اتهمت حماس السلطة بفرض عقوبات: the accused is the doer (CONVENTIONS)
            return _joined(st, accused, "noun after اتهم X بـ: the accused X")
        near = [x for x in before if prep_of(doc, x) is None and tokens_between(doc, x.end, m.start) <= 2
                and not governed]
        if by is None and (gen is None or trig.prep == "gen") and st.receiver is not None:
            return [], None, "noun received (تلقى ... اتصالا): its subject is the recipient, no من agent"
        if by is not None:
            pick, rule = by, "noun: من قبل/من agent (دعوات من فرنسا)"
        elif gen is not None and trig.prep != "gen":
            pick, rule = gen, "noun: genitive agent"
        elif near:
            pick, rule = group_start(doc, near[-1], st.clause_start), "noun: subject just before"
        elif before and not governed and prep_of(doc, before[-1]) is None:
            pick, rule = group_start(doc, before[-1], st.clause_start), "noun: subject of the light verb before it"
        elif speaker is not None and st.stmt is not None and st.lo <= token_index(doc, st.stmt.cue_start) < m.i \
                and (trig.type in VERBAL or (trig.type in _ANNOUNCED and not _monitor(speaker))
                     or _own_attack(st, speaker)) \
                and not _according(st.stmt):
            return [speaker], None, "noun: what the speaker expresses or announces (أعرب عن، أعلن القبض على)"
        elif speaker is not None and st.stmt is not None and trig.type in VERBAL and not _according(st.stmt) \
                and not before and m.i > st.lo and _stem_in(toks[m.i - 1].norm, grammar("making_noun")) \
                and _in_content(st.stmt, m.start) and not _monitor(speaker) \
                and not any(x.actor and x.actor.code == speaker.code for x in after[:1]):
            # أعلنت السلطات أن لديها أدلة لتوجيه اتهامات لروسيين: charges to be made, in the speaker's own words
            return [speaker], None, "noun: made (توجيه، تقديم) in the speaker's words, no one else before it"
    if pick is None and trig.pos == "noun":
        owner = _possessor(st)
        if owner is not None:  # انتقدت السفارة الولايات المتحدة، قائلة إن غاراتها …
            pick, rule = owner, "noun with a possessive pronoun (غاراتها): the last participant before it of its gender"
    if pick is None:
        return [], None, rule
    return _joined(st, pick, rule)


def _possessor(st: _Site) -> Mention | None:
    """The owner of the pronoun on a plural event noun (غاراتها، هجماتهم، تهديداتها): the last coded participant
    before it in its sentence that agrees with it (:func:`rasd.stages.statements.gender_of`: ها a country or a
    feminine body, ه any other, هم any), not a place the clause is at. Not for a noun whose genitive is its
    victim (اغتياله) nor a singular one."""
    toks, m = st.toks, st.m
    word, last = toks[m.j - 1].norm, norm(m.phrase).split()[-1]
    if m.payload.prep == "gen" or not last.endswith("ات"):
        return None  # اغتياله، يتم قصفها: on a singular act the pronoun is as often whom it was done to
    at = word.rfind(last)
    suffix = word[at + len(last):] if at >= 0 else ""
    if suffix not in ("ها", "ه", "هم", "هما"):
        return None
    where = {p.start for p in st.places}
    sent_start = toks[st.a].start
    for x in reversed(st.people):
        if x.end > m.start or x.start < sent_start:
            continue
        if x.actor is None or not x.actor.code or x.start in where:
            continue
        feminine = gender_of(x.actor) == "f"
        if (suffix == "ها" and feminine) or (suffix == "ه" and not feminine) or suffix in ("هم", "هما"):
            return x
        return None  # the nearest participant does not agree: no guess
    return None


def _backer(doc: Doc, x: Mention) -> bool:
    """The mention after من (قبل) belongs to a participle of backing before it (القوات السورية المدعومة من قبل
    روسيا): it backs a side, it is not the doer of the event."""
    k = token_at(doc, x.start)
    if k is None:
        return False
    k -= 1  # من، or قبل of من قبل
    if k >= 1 and doc.tokens[k].norm == "قبل":
        k -= 1
    return k >= 1 and doc.tokens[k].norm == "من" and doc.tokens[k - 1].norm in grammar("backed")


def _joined(st: _Site, pick: Mention, rule: str) -> tuple[list[Actor], Mention | None, str]:
    """The actors of ``pick`` and of the mentions joined to it by و, the mention, and the rule."""
    group = coordinated(st.doc, pick, st.clause_end)
    if len(group) > 1:
        rule += f" + {len(group) - 1} joined by و"
    return [x.actor for x in group if x.actor], pick, rule


_FIGHTING = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})


def _ready_to_fight(st: _Site) -> bool:
    """Readiness or willingness (مستعد، استعداد) for an act of force named right after it with لـ, past a time
    word or أيضا (مستعدة أيضا لإطلاق صواريخ)."""
    j = st.m.j
    while j < st.b and (st.toks[j].norm in grammar("time") or st.toks[j].norm in ("ايضا", "كذلك")):
        j += 1
    if j >= st.b or not st.toks[j].norm.startswith("ل"):
        return False
    nxt = trigger_matcher().match_at(st.toks, j, st.b)
    return nxt is not None and nxt.payload.type in _FIGHTING


def _blames(st: _Site) -> bool:
    """A word of blame (`accusation`, `blame`) follows the trigger in its sentence (وصف الوزير بأنه كذاب)."""
    words = _blame_words()
    return any(_stem_in(t.norm, words) for t in st.toks[st.m.j : st.b])


def _harm_after(st: _Site) -> bool:
    """Within twelve words after the trigger, before فيما/بينما or a semicolon, a word of harm or retaliation
    (`harm`: تعهد بخطوات انتقامية، أن يجعلوا المدينة كابوسا لتركيا) or «ردا على» an attack (وعد بتحرك قوي ردا
    على الهجوم; not ردا على الانتقادات)."""
    words = grammar("harm")
    toks, j = st.toks, st.m.j
    end = min(st.b, j + 12)
    end = next((k for k in range(j, end) if toks[k].norm.removeprefix("و") in ("فيما", "بينما", "؛", ";")), end)
    for k in range(j, end):
        if _stem_in(toks[k].norm, words):
            return True
        if toks[k].norm in ("ردا", "رد") and k + 2 < len(toks) and toks[k + 1].norm == "علي" and any(
                x.payload.type == "ASSAULT" for x in trigger_matcher().find(toks, k + 2, min(len(toks), k + 4))):
            return True
    return False


@functools.cache
def _blame_words() -> frozenset[str]:
    return grammar("accusation") | grammar("blame")


def _between_them(st: _Site) -> list[Actor]:
    """بينهما (between the two of them) within three words after the trigger: the last two sides with
    different codes named before the trigger in its sentence."""
    toks = st.toks
    if not any(t.norm in ("بينهما", "بينهم") for t in toks[st.m.j : min(st.m.j + 4, st.b)]):
        return []
    seen: dict[str, Actor] = {}
    for x in reversed(st.people):
        if x.end <= toks[st.m.i].start and x.start >= toks[st.a].start and x.actor and x.actor.code \
                and x.actor.code not in seen:
            seen[x.actor.code] = x.actor
            if len(seen) == 2:
                return list(reversed(seen.values()))
    return []


def _caused_agent(st: _Site) -> Mention | None:
    """دفعت الهجمات الرئيس إلى التهديد، أجبرت الضغوط الحكومة على الاستقالة: the object of a causative verb (`causative`)
    right before إلى/على and the verbal noun is who does it."""
    toks, i = st.toks, st.m.i
    if i < 2 or toks[i - 1].norm not in ("الي", "علي"):
        return None
    x = next((x for x in reversed(st.before) if x.end <= toks[i - 1].start), None)
    if x is None or st.doc.text[x.end : toks[i - 1].start].strip():
        return None
    x = group_start(st.doc, x, st.clause_start)
    causes = grammar("causative")
    k = token_at(st.doc, x.start)
    if k is None or not any(_stem_in(toks[j].norm, causes) for j in range(max(st.lo, k - 3), k)):
        return None
    return x


def _during(st: _Site) -> bool:
    """A meeting or call noun after خلال/أثناء/في (بحث الرئيس مع نظيره خلال اتصال هاتفي): the clause's own
    verb says what was done in it; its subject and the party after مع or لـ are the ones who met."""
    return st.trig.type == "CONSULT" and st.m.i > st.lo and st.toks[st.m.i - 1].norm in grammar("during")


def _during_subject(st: _Site) -> Mention | None:
    if not _during(st):
        return None
    return next((x for x in st.before if prep_of(st.doc, x) is None), None)


def _relative_verb(st: _Site) -> tuple[bool, Mention | None]:
    """Whether the verb trigger opens a relative clause, whose subject is the noun before it: after التي/الذي
    (then the participant before the pronoun, if any), or right after an indefinite event noun, alone or with
    one adjective (هجمات انتحارية استهدفت القوات الكينية: the attacks struck, the forces are the object).
    Not when the clause has a subject of its own: a resumptive pronoun on the verb or after it (التي قصفتها
    الطائرات، التي توصلت إليها روسيا وتركيا) or a subject pointing back (الذي قصفت قواته المدينة)."""
    toks, i = st.toks, st.m.i
    if i - 1 < st.a:
        return False, None
    prev = toks[i - 1]
    if prev.norm in RELATIVE_PRONOUNS:
        if (i + 1 < st.b and toks[i + 1].norm in grammar("pronominal_prep")) or _pronoun_on_verb(st):
            return False, None
        if any(x.source == "possessive" for x in st.after[:1]):
            return False, None
        antecedent = next((x for x in reversed(st.people) if x.end <= prev.start
                           and not st.doc.text[x.end : prev.start].strip(" ،,")), None)
        return True, antecedent
    if st.m.start > toks[i].start:  # وقتلت، فاستهدفت: a verb joined to what comes before, not a relative clause
        return False, None
    matcher = trigger_matcher()
    for k in (i - 1, i - 2):
        if k < st.a or not toks[k].is_word:
            return False, None
        noun = matcher.match_at(toks, k, i)
        if noun is not None and noun.payload.pos == "noun" and noun.j in (i, i - 1) and noun.payload.type != "NONE":
            # only an indefinite noun takes a relative clause without a pronoun (بعد الهجوم هاجمت: a new clause)
            # also after a preposition: قتل خمسة في تفجير استهدف الشرطة (the bombing targeted the police); not
            # a noun with a pronoun (باقتحامها وكانت تحاصرها), nor past a word joined by و
            joined = k == i - 2 and toks[i - 1].norm[:1] in ("و", "ف")
            return not (_definite(toks[k]) or noun.end < toks[k].end or joined), None
    return False, None


def _clause_subject(st: _Site) -> Mention | None:
    """A subject written first in its clause, right before the verb (سوريا تتهم إسرائيل)."""
    toks, m = st.toks, st.m
    ends = [x for x in st.people if x.end <= toks[m.i].start and
            st.doc.text[x.end : toks[m.i].start].strip() in ("", "قد")]  # وكان الرئيس قد وصف
    if not ends:
        return None
    first = group_start(st.doc, ends[-1], st.clause_start)
    while True:  # الرئيس الأمريكي دونالد ترامب: a title right before the name is the same subject
        title = next((y for y in st.people if y.source == "title" and st.clause_start <= y.start
                      and y.end <= first.start and not st.doc.text[y.end : first.start].strip()), None)
        if title is None:
            break
        first = title
    opening = st.doc.text[st.toks[st.lo].start : first.start].strip(" و،,:-")
    return first if not opening or opening in ("وكان", "كان", "لكن", "ولكن", "فيما", "بينما") else None


def _find_recipients(st: _Site, actor_m: Mention | None, actors: Sequence[Actor] = ()) -> tuple[list[Actor], str]:
    """Recipient: introduced by the trigger's preposition, or the first other actor after it; a
    reporting verb (تعهد بأن ...، دعا إلى ...) may find it in the clause it introduces."""
    doc, toks, trig = st.doc, st.toks, st.trig
    taken = {c.start for c in coordinated(doc, actor_m, st.clause_end)} if actor_m else set()
    # the actors' own words are never the recipient (هجوم فلسطينيين ... على)
    taken |= {x.start for x in st.people if any(x.start < a.end and a.start < x.end for a in actors)}
    taken |= st.sources
    group = _namely_group(st) if actor_m is not None else None
    # the group the list names is the subject, not the target
    if group is not None and actor_m is not None and group[1].start == actor_m.start:
        taken.add(group[0].start)
    if trig.requires == "sides":  # اشتباكات بين X و Y
        between = next((x for x in st.people if st.m.end <= x.start < st.clause_end and x.start not in taken
                        and prep_of(doc, x) == "بين"), None)
        if between is not None:
            return [x.actor for x in coordinated(doc, between, st.clause_end) if x.actor], "the sides after بين"
    if st.accused is not None and actor_m is None and not actors:
        return [x.actor for x in coordinated(doc, st.accused, st.clause_end) if x.actor], \
            "the genitive of the accusation: the accused"
    receiver = st.receiver
    if receiver is not None and receiver.start not in taken:
        return [x.actor for x in coordinated(doc, receiver, st.clause_end) if x.actor], \
            "the subject of تلقى (تلقى الرئيس اتصالا من ...)"
    if trig.requires == "parties":  # اتفقت روسيا مع الأردن، توصل الطرفان إلى اتفاق بين X وY
        party = next((x for x in st.people if st.m.end <= x.start < st.clause_end and x.start not in taken
                      and prep_of(doc, x) in ("مع", "بين")), None)
        if party is None:
            return [], "no other party after مع/بين"
        return [x.actor for x in coordinated(doc, party, st.clause_end) if x.actor], "the other party after مع/بين"
    if _during(st):
        party = next((x for x in st.before if x.start not in taken and prep_of(doc, x) in ("مع", "ل")), None)
        if party is not None:
            return [x.actor for x in coordinated(doc, party, st.clause_end) if x.actor], \
                "the party after مع/لـ in the clause of the meeting or call"
    shot = st.shot
    if shot is not None and shot[0].start not in taken:
        return [x.actor for x in coordinated(doc, shot[0], st.clause_end) if x.actor], \
            "the subject of a passive verb of killing or wounding before بـ + fire (قتل X برصاص Y): X"
    host = _host(st, taken) if trig.type == "CONSULT" and trig.mode == "visit" else None
    if host is not None:  # وصل رئيس الوزراء إلى طهران في زيارة: Iran hosts the visit
        return [host.actor] if host.actor else [], "the country or capital the visitor arrived in (وصل إلى X في زيارة)"
    undergoer = _undergoer(st, taken) or st.survivor
    if undergoer is not None:
        return [x.actor for x in coordinated(doc, undergoer, st.clause_end) if x.actor], \
            "the subject of تعرض (تعرضت القوات لهجوم)"
    maker = _judged_agent(st, taken) if trig.type in _STANCES else None
    if maker is not None:  # تجاهلت تركيا دعوات من فرنسا لهدنة
        return [x.actor for x in coordinated(doc, maker, st.clause_end) if x.actor], \
            "the doer (من X) of the act judged, named right after it"
    against = _protest_target(st, taken) if trig.type == "PROTEST" else None
    if against is not None:  # تظاهروا أمام مقر النقابة احتجاجا على زيارة الرئيس الأمريكي
        return [x.actor for x in coordinated(doc, against, toks[st.b - 1].end) if x.actor], \
            "what the protest is against (احتجاجا على، للتنديد بـ X)"
    found = _recipient(doc, st.people, trig, st.m, st.clause_end, taken)
    end, rule = st.clause_end, f"after the trigger ({trig.prep or 'object'})"
    if found is None and st.is_cue and st.hi < st.b and toks[st.hi].norm in COMPLEMENTIZERS:
        _, hi2 = clause_bounds(toks, st.a, st.b, st.hi + 1 if st.hi + 1 < st.b else st.hi)
        end, rule = toks[hi2 - 1].end, "in the clause the reporting verb introduces"
        found = _recipient(doc, st.people, trig, st.m, end, taken, skip_subject=True)
    if found is None and trig.type in _STANCES:
        maker = _relative_agent(st, taken)
        if maker is not None:  # دان الوزير القرار الذي أصدرته باريس ولندن
            return [x.actor for x in coordinated(doc, maker, toks[st.b - 1].end) if x.actor], \
                "the doer of the thing judged, in the relative clause after it"
    if found is None and trig.pos == "verb" and not st.is_cue:
        back = _pronoun_object(st, taken)
        if back is not None:  # بلدتين مواليتين للحكومة السورية يحاصرهما مقاتلو المعارضة
            return [x.actor for x in coordinated(doc, back, st.clause_end) if x.actor], \
                "the object pronoun on the verb: the last participant before it"
    if found is None and trig.type == "REJECT" and _denied_charge(st.m.phrase):
        accuser = _accuser_before(st, actors)
        if accuser is not None:  # ونفت دمشق الاتهام: the charge just reported, by whoever made it
            return [accuser], "who made the charge denied, speaking in the two sentences before"
    if found is None and trig.type == "PROTEST":
        asked = _asked_by_protest(st, taken)
        if asked is not None:
            return [x.actor for x in coordinated(doc, asked, toks[st.b - 1].end) if x.actor], \
                "whom the protest demands of (تظاهروا لمطالبة الحكومة بـ ...)"
    if found is None and ((trig.type == "AGREE" and norm(st.m.phrase) in grammar("pledge"))
                          or (trig.type == "AID" and _stem_in(st.toks[st.m.i].norm, grammar("aid_noun")))):
        land = next((p for p in st.places if p.start >= st.m.end and p.precision == 4 and p.country), None)
        if land is not None:  # تعهدت دول الخليج باستثمارات في المغرب: aid or a pledge for a country goes to it
            return [Actor(land.text, land.start, land.end, land.country, "GOV", kind="LOC")], \
                "the country a pledge or aid is for (في X after it)"
    if found is None and trig.type in ("ASSAULT", "COERCE"):
        owner = _owner_of_target(st, taken)
        if owner is not None:
            return [x.actor for x in coordinated(doc, owner, toks[st.b - 1].end) if x.actor], \
                "the side the target belongs to (منشآت تابعة للنظام)"
    land = _facility_land(st, actor_m) if trig.type == "ASSAULT" else None
    if land is not None and (found is None or (found.start > land.start and any(
            _bare_in(t.norm, grammar("concessive")) for t in tokens_within(toks, land.end, found.start)))):
        # دمرت الطائرات مفاعلا في العراق (رغم معارضة واشنطن): the country whose facility was struck; an owner
        # named after the place keeps the strike (مستودعا في سوريا تابعا لحزب الله)
        return [Actor(land.text, land.start, land.end, land.country, None, kind="LOC")], \
            "the country of the facility struck (منشأة في X)"
    if found is None:
        return [], "none found"
    head = group_start(doc, found, st.m.end)
    # على واردات من الاتحاد الأوروبي وكندا: the whole list (not بين X وY, where the actor is often X; not a place
    # the clause is at: أهدافا في سوريا وحزب الله)
    if head is not found and head.start not in taken and prep_of(doc, head) not in ("بين", "في") \
            and head.start not in {p.start for p in st.places}:
        found, rule = head, rule + "; from the first of the list it ends"
    return [x.actor for x in coordinated(doc, found, end) if x.actor], rule


_OBJECT_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")
# Judgements of a thing someone did: its doer is the recipient (رفض القرار الذي اتخذته الحكومة).
_STANCES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})


def _relative_agent(st: _Site, taken: set[int]) -> Mention | None:
    """The trigger's object is a thing with a relative clause whose verb points back at it (الاتفاق الذي
    أعلنته واشنطن وأنقرة): the subject of that verb, a participant with no preposition after it, made the
    thing judged. Without the pronoun the noun is the clause's subject (الهجوم الذي استهدف الجيش)."""
    toks = st.toks
    k = st.hi
    if k >= st.b or toks[k].norm not in RELATIVE_PRONOUNS or k + 1 >= st.b or k - st.m.j > 8:
        return None
    verb = toks[k + 1].norm
    if not (verb.endswith(_OBJECT_PRONOUNS) and len(verb) > 4):
        return None
    _, end = clause_bounds(toks, st.a, st.b, k + 1)
    verb_end = toks[k + 1].end
    return next((x for x in st.people if verb_end <= x.start < toks[end - 1].end and x.start not in taken
                 and prep_of(st.doc, x) is None and tokens_between(st.doc, verb_end, x.start) <= 2), None)


def _pronoun_on_verb(st: _Site) -> bool:
    """The one-word verb trigger carries an object pronoun (استهدفهما، يحاصرها، اختطفوه)."""
    toks, m = st.toks, st.m
    if m.j != m.i + 1:
        return False
    phrase = norm(m.phrase.split()[0])
    return any(f.startswith(phrase) and f[len(phrase):] in _OBJECT_PRONOUNS for f, _ in stems(toks[m.i].norm))


def _pronoun_object(st: _Site, taken: set[int]) -> Mention | None:
    """A verb trigger with an object pronoun (استهدفهما، يحاصرها، اختطفوه) and no object after it: the
    pronoun points back at the last participant before the verb in its sentence that is not its actor."""
    toks, m = st.toks, st.m
    if not _pronoun_on_verb(st):
        return None
    cands = [x for x in st.people if toks[st.a].start <= x.start and x.end <= toks[m.i].start
             and x.start not in taken]
    return cands[-1] if cands else None


def _denied_charge(phrase: str) -> bool:
    """نفى الاتهام، نفت المزاعم: a denial of a charge (`charge_noun` of grammar.tsv) rather than of an event."""
    return any(_stem_in(w, grammar("charge_noun")) for w in norm(phrase).split())


def _accuser_before(st: _Site, actors: Sequence[Actor]) -> Actor | None:
    """The speaker of the last statement in the two sentences before the trigger's, of another side than the
    denier's: who made the charge (قالت الولايات المتحدة إنها كانت تضم مفاعلا. ونفت دمشق الاتهام)."""
    doc = st.doc
    sent = st.toks[st.m.i].sent
    first = doc.sentences[max(0, sent - 2)].start
    here = doc.sentences[sent].start
    own = {x.code for x in actors}
    said = [x for x in doc.statements if first <= x.start < here and x.speaker is not None and x.speaker.code
            and x.speaker.code not in own]
    return said[-1].speaker if said else None


def _asked_by_protest(st: _Site, taken: set[int]) -> Mention | None:
    """«تظاهر الآلاف في بيشاور لمطالبة إسلام أباد بوقف دعمها»: the first event word after a protest word is a
    demand noun with لـ (a purpose); whom it names right after it is the protest's target."""
    doc, toks, m = st.doc, st.toks, st.m
    nxt = next(iter(x for x in trigger_matcher().find(toks, m.j, st.b) if x.payload.type != "NONE"), None)
    if nxt is None or nxt.payload.type != "REQUEST" or nxt.payload.pos != "noun" or \
            norm(doc.text[toks[nxt.i].start : nxt.start]) not in ("ل", "ول", "فل", "لل", "ولل", "فلل"):
        return None
    x = next((x for x in st.people if x.start >= nxt.end), None)
    return x if x is not None and x.start not in taken and adjacent(doc, nxt.end, x.start) else None


def _protest_target(st: _Site, taken: set[int]) -> Mention | None:
    """«تظاهر المئات أمام النقابة احتجاجا على زيارة الرئيس الأمريكي، للتنديد بإعدام الرئيس العراقي»: after a
    `protest_against` word later in the sentence, the first coded participant within six words names what
    the protest is against (not the venue before it), unless it is the victim of an act named first (احتجاجا على
    مقتل فلسطينيين)."""
    doc, toks = st.doc, st.toks
    k = next((k for k in range(st.m.j, st.b) if _bare_in(toks[k].norm, grammar("protest_against"))), None)
    if k is None:
        return None
    x = next((x for x in st.people if toks[k].end <= x.start and x.start not in taken and x.actor
              and x.actor.code and tokens_between(doc, toks[k].end, x.start) <= 6), None)
    if x is None or any(e.payload.prep == "gen" and e.payload.type != "NONE"
                        for e in trigger_matcher().find(toks, k + 1, token_index(doc, x.start))):
        return None  # احتجاجا على مقتل فلسطينيين: the victims of the act protested are not its target
    return x


def _judged_agent(st: _Site, taken: set[int]) -> Mention | None:
    """«تجاهلت تركيا دعوات من فرنسا لهدنة، رفض الدعوة من واشنطن»: a stance whose object, right after it, is an
    event noun with its doer after من: that doer is whom the stance is about."""
    doc, toks, m = st.doc, st.toks, st.m
    k = m.j
    subject = next((x for x in st.people if x.start >= toks[k].start), None) if k < st.hi else None
    if subject is not None and subject.start < toks[k].end:  # VSO: past the subject (تجاهلت تركيا دعوات)
        k = min(first_token_from(toks, subject.end) or st.hi, st.hi)
    if k >= st.hi:
        return None
    obj = trigger_matcher().match_at(toks, k, st.hi)
    # a call, charge, offer or threat, whose من names who made it (not الانسحاب من سوريا, a place left)
    if obj is None or obj.payload.type not in VERBAL or obj.payload.pos != "noun":
        return None
    x = next((x for x in st.people if x.start >= obj.end), None)
    if x is None or x.start in taken or prep_of(doc, x) not in ("من", "من قبل") \
            or tokens_between(doc, obj.end, x.start) > 2:
        return None
    return x


def _owner_of_target(st: _Site, taken: set[int]) -> Mention | None:
    """«قصفت الطائرات مواقع يشتبه بأنها تحتوي منشآت تابعة للنظام»: the side the struck target belongs to
    (`owned_by` + لـ X), later in the sentence but before any other event word."""
    doc, toks, m = st.doc, st.toks, st.m
    owned = grammar("owned_by")
    for k in range(m.j, st.b - 1):
        if _stem_in(toks[k].norm, owned):
            x = next((x for x in st.people if toks[k + 1].start <= x.start < toks[k + 1].end), None)
            return x if x is not None and x.start not in taken and prep_of(doc, x) == "ل" else None
        hit = trigger_matcher().match_at(toks, k)
        if hit is not None and hit.payload.type != "NONE":
            return None
    return None


def _facility_land(st: _Site, actor_m: Mention | None) -> Place | None:
    """«دمر سلاح الجو مفاعلا نوويا في العراق، غارات على ثلاث منشآت في سوريا»: a `facility` struck right
    after the trigger (past على/ضد and a count), in a place named after it in the clause: that place."""
    toks = st.toks
    k = st.m.j
    if actor_m is not None and actor_m.start >= toks[k - 1].end:  # VSO: past the subject
        k = min(first_token_from(toks, actor_m.end) or st.hi, st.hi)
    counts = {q.start for q in st.doc.quantities}
    words = set(norm(st.m.phrase).split())  # شنت … غارات على: the rest of the trigger
    first = k
    while k < st.hi and k - first < 4 and (toks[k].norm in ("علي", "ضد") or toks[k].start in counts
                                           or toks[k].norm.isdigit() or toks[k].norm in words):
        k += 1
    n = toks[k].norm if k < st.hi else ""
    if not n or not (_stem_in(n, grammar("facility")) or (n.endswith("ا") and _stem_in(n[:-1], grammar("facility")))):
        return None  # مفاعلا: the accusative ending
    return next((p for p in st.places if p.start > toks[k].start and p.country
                 and tokens_between(st.doc, toks[k].end, p.start) <= 6), None)


def _build(doc: Doc, m: Match[Trigger], a: int, b: int, people: list[Mention], sources: set[int]) -> Event | None:
    st = _site(doc, m, a, b, people, sources)
    toks, trig, stmt, speaker = st.toks, st.trig, st.stmt, st.speaker
    actors, actor_m, actor_rule = _find_actor(st)
    if st.survivor is not None and actor_m is not None and st.survivor.start == actor_m.start:
        # نجا المحافظ من محاولة اغتيال: the target
        actors, actor_m, actor_rule = [], None, "none (the subject of نجا من escaped the attack: its target)"
    shot = st.shot
    if shot is not None:  # قتل جندي برصاص قناص: the verb is passive, its subject the victim, the sniper the doer
        victim, shooter = shot
        if trig.pos == "verb" and shooter is None:
            actors, actor_m, actor_rule = [], None, "none (passive verb before بـ + an attack: its subject the victim)"
        elif trig.pos == "verb" and shooter is not None:
            actors, actor_m = [x.actor for x in coordinated(doc, shooter, st.clause_end) if x.actor], shooter
            actor_rule = "passive verb before بـ + fire of a side (قتل X برصاص Y): Y"
        elif any(a.start == victim.start for a in actors):
            actors, actor_m, actor_rule = [], None, "none (the subject of the passive verb is the victim)"
    if trig.type == "PROTEST" and not actors:
        crowd = _crowd(st)
        if crowd is not None:  # نزل آلاف الأشخاص إلى الشوارع، تجمع نحو مائة متظاهر: the counted crowd protests
            actors, actor_rule = [crowd], "a counted crowd next to the trigger (crowd of grammar.tsv)"
    recipients, rec_rule = _find_recipients(st, actor_m, actors)
    if trig.type == "ASSAULT" and actor_m is not None and actor_m.end <= m.start and _victims(st, actor_m.start):
        # ثلاثة جنود أميركيين قتلوا بانفجار عبوة: those a toll counts are the victims, not the attackers (nor a
        # side of the fighting: 289 مدنيا قتلوا في المعارك)
        victims, actors, actor_m = actors, [], None
        actor_rule = "none (those before the trigger are counted by a toll of killed or injured: victims)"
        if trig.requires != "sides" and (not recipients or trig.pos == "verb"):
            # سبعة جنود قتلوا عندما اقتحم متشددون …: the counted are the victims, not whoever comes after the verb
            recipients, rec_rule = victims, "counted by a toll of killed or injured before the trigger: the victims"
    elif trig.type == "ASSAULT" and not recipients and trig.requires != "sides":
        s, e = st.toks[st.lo].start, st.toks[st.hi - 1].end
        # also a group with no country (قتل ثمانية من عناصر الشرطة): its sector says who the victims were
        bare = [x for x in mentions_within(doc.mentions, s, e) if x.source == "compose" and x.actor is not None
                and not x.actor.code]
        counted = [x.actor for x in sorted([*st.people, *bare], key=lambda x: x.start)
                   if s <= x.start < e and x.actor is not None and x is not actor_m
                   and x.actor not in actors and _victims(st, x.start)]
        if counted:  # قتل 289 مدنيا في المعارك: the counted dead of the clause
            recipients, rec_rule = counted[:1], "counted by a toll of killed or injured in the clause: the victims"
    if trig.type in _PHYSICAL and trig.pos == "verb" and not recipients and trig.requires != "sides":
        bare = _bare_object(st, actor_m)
        if bare is not None:  # اغتال مسلحون ضابطا في الشرطة، اعتقلت قوات الأمن ناشطا
            recipients, rec_rule = [bare], "the object right after the verb, a member of a side with no code"
    if (trig.type == "ASSAULT" or trig.mode == "arrest") and trig.pos == "noun" and trig.prep == "gen" \
            and not recipients:
        bare = _bare_genitive(st)
        # اغتيال النائب؛ تبنت حركة الشباب اغتيال القاضي (with an actor found elsewhere)
        if bare is not None and not any(a.start == bare.start for a in actors):
            recipients, rec_rule = [bare], "the genitive of the verbal noun, a member of a side with no code"
    # شنت تركيا غارات على مواقع … وتركيا تستعد; سحبت تركيا قواتها: not the actor itself
    named = {(norm(x.text), x.code) for x in actors}
    own = {(x.start, x.end) for x in st.people if x.source == "possessive"} if recipients else set()
    codes = {x.code for x in actors if x.code}
    # تلويح إدارة الرئيس الأمريكي: after a verbal noun, a same-side genitive right after its genitive actor, when
    # that actor ends in a construct noun, is part of the actor's name (not after a verb: اتهم روبيو أوباما has
    # its object right after its subject; not انتقاد الرئيس الأمريكي الكونغرس)
    chained = {r.start for r in recipients for x in actors if trig.pos == "noun" and r.code and r.code == x.code
               and x.end <= r.start and tokens_between(doc, x.end, r.start) == 0 and _bare_start(doc, r.start)
               and _construct(doc, x.end)}
    kept = [r for r in recipients if (norm(r.text), r.code) not in named
            and not ((r.start, r.end) in own and r.code in codes) and r.start not in chained]
    if len(kept) < len(recipients):
        recipients = kept
        rec_rule += "; not the actor itself or its own forces"

    if not actors and trig.type == "SANCTION" and any(w in grammar("membership") for w in norm(m.phrase).split()):
        body = next((x for x in st.after if prep_of(doc, x) == "في" and x.start not in {r.start for r in recipients}
                     and x.actor is not None and x.actor.kind != "LOC"), None)
        if body is not None:  # علقت عضوية سوريا في الجامعة: the body suspends its member
            actors, actor_m, actor_rule = [body.actor], body, "the body a membership is in (عضوية X في Y)"
    pair = _between_them(st) if not actors else []
    if pair:  # قطع العلاقات الدبلوماسية بينهما: the two sides named before
        actors, actor_rule = pair, "بينهما after the trigger: the last two sides named before it"
        recipients = [r for r in recipients if r.code not in {x.code for x in pair}]
    # a denial negates what follows its cue whether or not its speaker could be named (نفى الجيش أن تكون
    # طائراته قصفت البلدة, with no country to code the army)
    denied = stmt is not None and stmt.cue_start <= m.start and _is_denial(stmt) and not st.is_cue \
        and not _said_after_denial(toks, stmt, m)
    if not actors and speaker is not None and _claimed(toks, st.lo, m.i):
        actors, actor_rule = [speaker], "claim of responsibility: the speaker"
    if not actors and speaker is not None and not st.is_cue and denied:
        actors, actor_rule = [speaker], "inside a denial: the speaker (who denies doing it)"

    size = _sizes(_site_tolls(st))
    if shot is not None and trig.type == "ASSAULT":
        size = {**_one_hit(st, shot[0]), **size}  # قتل جندي عراقي برصاص قناص: a toll of one
    kind, mode, context = trig.type, trig.mode, list(trig.context)
    to_act = trig.requires == "parties" and trig.pos == "verb" and _agreed_to_act(st)
    if to_act:  # اتفقت الحكومة مع الحوثيين على تبادل الأسرى: agreeing to do something later (CONVENTIONS), not a deal
        kind, mode = "AGREE", None
        actor_rule += "; agreed to act, not on a deal: AGREE, the party after مع its recipient"
    if kind == "RETREAT" and mode == "withdraw" and _leaves_a_deal(st):
        kind, mode, context = "REJECT", None, []
        actor_rule += "; withdrawing from an agreement is rejecting it (CONVENTIONS)"
    if kind == "AGREE" and norm(m.phrase) in grammar("pledge") and _harm_after(st):
        kind, mode, context = "THREATEN", None, []
        actor_rule += "; a pledge of harm or retaliation is a threat"
    if _verbal_attack(st, actors) and not size:
        kind, mode, context = "ACCUSE", None, []
        actor_rule += "; an official's attack is verbal: ACCUSE"
    elif kind == "ASSAULT" and not size and _sharp(st):
        kind, mode, context = "ACCUSE", None, []  # شن هجوما لاذعا على الحكومة
        actor_rule += "; an attack called sharp or biting is verbal: ACCUSE"
    received = st.receiver is not None
    accused = kind == "ACCUSE" and bool(recipients) and (received or st.accused is not None)
    if kind == "AGREE" and _ready_to_fight(st):
        return None  # غواصات مستعدة لإطلاق صواريخ: readiness to strike is no offer
    if _tally(st):
        return None  # 140 هجوما في العام 2006: many events counted over a period, not one
    if kind == "ASSAULT" and not size and _aims_at_a_goal(st):
        return None  # تستهدف الحكومة عجزا في الموازنة، تستهدف العقوبات قطاع النفط: aiming, not striking
    if trig.requires == "weapon" and not any(_bare_in(t.norm, grammar("weapon_noun"))
                                            for t in toks[max(st.lo, m.i - 4) : m.i]):
        return None  # الحملة التي أطلقها الرئيس: only a missile or a shell launched (صاروخ أطلقه الحوثيون)
    if trig.requires == "blame" and not _blames(st):
        return None  # وصف العلاقات بأنها ممتازة: a description, no accusation
    # اتهام النظام بشن هجوم: the accused is known
    if trig.requires in ("actor", "blame") and not actors and not accused:
        return None
    # the dead and wounded of the clause are an attack's toll and the detained an arrest's (CODEBOOK 2), never
    # a call's or a meeting's (اعتقل عشرات المسلحين وقتل آخرين: the killing has no count of its own)
    size = {k: v for k, v in size.items() if k in _SIZE_OF.get(kind, ())}
    seen_at = _witness_places(st)
    if not actors and not recipients and not size and not (kind == "PROTEST" and seen_at):
        return None  # a trigger word with nobody and no toll is not a codable event (as in PETRARCH)
    if kind == "ASSAULT" and not actors and _disaster(st):
        return None  # لقي عشرة حتفهم في الفيضانات، مقتل ثلاثة غرقا: no one attacked them
    if kind == "ASSAULT" and trig.requires != "sides" and actors:
        allies = [x for x in st.people if st.m.end <= x.start < st.clause_end and prep_of(doc, x) == "مع"
                  and x.actor is not None and x.actor.code and x.actor.code not in _codes(recipients)]
        if allies:  # هاجمت مواقع النظام مع أمريكا وبريطانيا: those it struck with are actors too
            actors = actors + [y.actor for y in coordinated(doc, allies[0], st.clause_end) if y.actor]
            actor_rule += "; allies after مع"
    if trig.requires in ("sides", "parties") and recipients and not to_act:
        # اشتباكات بين X وY، اتفقت X مع Y: both sides act; the dead a toll counts are no side (بينهم 43 طفلا)
        sides = [r for r in recipients if not (kind == "ASSAULT" and _victims(st, r.start))]
        actors, recipients = actors + sides, [r for r in recipients if r not in sides]
        actor_rule += "; two-sided fighting: the other side joins the actors"
    named_target = any(r.start < p.start < r.end for r in recipients for p in doc.places)  # محافظ البصرة
    if kind == "ASSAULT" and not actors and not size and not (recipients and (st.places or named_target)):
        return None  # an attack with no attacker, no toll and no target at a named place is not codable
    if trig.requires == "recipient" and not recipients:
        return None

    locations = _venue_places(doc, toks, st.places, st.lo) if kind in VERBAL else list(st.places) or seen_at
    loc_rule = ("where the words were spoken (في مؤتمر في ...)" if kind in VERBAL else "places in the clause") \
        if locations else "none"
    if locations and kind not in VERBAL and not st.places:
        loc_rule = "the place that witnessed it (شهدت تركيا مظاهرات)"
    if not locations and kind == "CONSULT" and m.payload.pos == "noun":
        named = next((p for p in doc.places if 0 <= p.start - m.end <= 1), None)  # قمة الرياض، مؤتمر ميونخ
        if named is not None:
            locations, loc_rule = [named], "the place that names the meeting"
    locations = _most_specific(locations)
    if mode == "seize" and "territory" in context and not locations and not recipients and _controls_a_thing(st):
        return None  # استعادت الحكومة السيطرة على سعر الصرف، سيطر الجيش على الوضع: control of no place

    at_target = False  # the location is the target's country (see below), not a place the text gives
    if not locations and kind not in VERBAL and kind not in _PLACELESS:
        main = _main_place(doc)
        target = _target_country(recipients) if kind in _PHYSICAL else None
        if main is not None and target in (None, main.country):
            locations, loc_rule = [main], "the article's main place (none in the clause)"
        elif target is not None:  # هاجمت مواقع النظام السوري in an article about Tehran, or about nowhere in particular
            r = recipients[0]
            locations = [replace(country_place(target), text=r.text, start=r.start, end=r.end)]
            loc_rule, at_target = _TARGET_COUNTRY, True
    # a place the text gives (the clause's, the article's main one); not the target's country, which any
    # attack on a state has
    placed = (loc_rule != "none" and not at_target) or (kind in VERBAL and bool(st.places)) \
        or (kind in _PLACELESS and _main_place(doc) is not None)  # in a report about a place, as before
    status, status_rule, cue_k = ("negated", "inside a denial", None) if denied else \
        _status(doc, toks, st.lo, m.i, m.start - toks[m.i].start, a, noun=trig.pos == "noun",
                kind=trig.type)
    # مستقبل البرنامج بعد عام 2030: what has happened is not dated after the article was published
    latest = doc.published.isoformat() if doc.published is not None and status == "asserted" else None
    date, precision = _date(doc, st.clause_start, st.clause_end, near=m.start, latest=latest, trigger=m)
    date_rule = "time expression in the clause" if date else "none"
    if latest is not None and date is None and trig.pos == "verb" \
            and not _past_verb(toks[m.i].norm[m.start - toks[m.i].start:]) \
            and not any(_bare_in(t.norm, grammar("past_aux")) for t in toks[st.lo : m.i]):
        ahead, ahead_precision = _date(doc, st.clause_start, st.clause_end, near=m.start, trigger=m)
        if ahead is not None and ahead > latest:  # يزور الوزير بغداد غدا (not كان يعارضها): still to come
            status, status_rule, cue_k = "future", "a present verb dated after the article", None
            date, precision, date_rule = ahead, ahead_precision, "time expression in the clause"
            latest = None
    referred = _referred_to(st)
    # تلقى اتصالات من ...: calls made, not a kind of call (``received`` above)
    if date is None and not placed and not size and (referred in _KNOWN
                                                     or (_generic_plural(toks, m) and not received
                                                         and not (actors and recipients)
                                                         and _LAUNCHED not in actor_rule)
                                                     or _purpose(doc, m)):
        return None  # بعد الهجوم، تاريخ اغتيال: vague background, neither dated nor placed (CONVENTIONS)
    if date is None and stmt is not None and stmt.date and (kind in VERBAL or kind == "CONSULT" or trig.pos == "part"
                                                            or st.is_cue) \
            and (latest is None or stmt.date <= latest):
        date, precision, date_rule = stmt.date, _precision_of(doc, stmt), "the statement's date"
    if date is None and stmt is not None and speaker is not None and kind not in VERBAL:
        date, precision = _report_window(doc, stmt)
        if date is not None and latest is not None and date > latest:
            date, precision = None, "unknown"
        date_rule = "the window of the source's report" if date else date_rule
    if date is None:  # وأسفر القصف، الجمعة، عن مقتل ...: the sentence's time, outside the trigger's clause
        date, precision = _date(doc, toks[a].start, toks[b - 1].end, near=m.start, latest=latest, trigger=m,
                                apart=True)
        date_rule = "a time expression elsewhere in the sentence" if date else date_rule
    if status == "asserted" and _purpose(doc, m) and _stem_in(toks[m.i].norm, grammar("purpose_noun")) \
            and not any(_bare_in(t.norm, grammar("result_verb")) for t in toks[st.lo : m.i]):  # أفضت إلى: a result
        status, status_rule = "hypothetical", "لـ + a noun of reaching: what is aimed at (للتوصل إلى حل)"
    if kind == "THREATEN" and status in ("future", "hypothetical"):
        status, status_rule = "asserted", f"a threat is made now, whatever it is about ({status_rule})"
    if cue_k is not None and status == "negated" and _cue_role(toks[cue_k].norm) == "refuse" and actors \
            and actor_rule.startswith(_BY_ADJECTIVE):  # the deed's own doer named on it (الهجوم الإسرائيلي)
        refuser = _cue_subject(st, cue_k)
        if refuser is not None and refuser.actor is not None and refuser.actor.code not in {x.code for x in actors}:
            # رفضت تركيا الهجوم الإسرائيلي، ترفض روسيا العقوبات الأمريكية: another's deed, which happened
            status, status_rule, cue_k = "asserted", f"the refused is another's deed ({status_rule})", None
    if cue_k is not None and _cue_role(toks[cue_k].norm) in ("wish", "prevent"):
        # أحبطت الشرطة هجوما، طالبت المعارضة بالإفراج عن ...: who prevents or calls for it does not do it
        # (دعت فتح الفلسطينيين إلى التظاهر: those called on would)
        subject = _cue_subject(st, cue_k)
        if subject is not None and any(x.start == subject.start for x in actors):
            actors = [x for x in actors if x.start != subject.start]
            actor_rule += "; who prevents or calls for it is not its actor"
    if cue_k is not None and not actors and _bare_in(toks[cue_k].norm, grammar("own_act_cue")):
        subject = _cue_subject(st, cue_k)
        if subject is not None and subject.actor is not None:  # تدرس واشنطن فرض عقوبات: Washington would impose
            actors = [x.actor for x in coordinated(doc, subject, st.clause_end) if x.actor]
            actor_rule = "the subject of the verb that weighs its own act (يدرس، تدرس)"
    if status in ("future", "hypothetical") and size:
        # قصفت الطائرات إدلب تمهيدا لهجوم بري، وقتل خمسة مدنيين: what has not happened has no toll, nor the
        # victims of the sentence's toll (a verb keeps its object: هل قتل الجيش خمسة مدنيين؟)
        if trig.pos != "verb":
            recipients = [r for r in recipients if not _victims(st, r.start)]
        size = {}
        rec_rule += "; no toll for what has not happened"
    means = _means(st) if kind == "ASSAULT" and not mode and status == "asserted" else None
    if means is not None:  # مقتل 5 مدنيين في قصف جوي: the killing's mode is the strike's
        mode = means.payload.mode
    # the country of the event's place gives groups without one theirs (not a target's country: gunmen who
    # abduct Chinese engineers are not Chinese)
    country = None if at_target else next((p.country for p in locations if p.country), None) or doc.main_country
    if kind == "PROTEST" and not actors and country and (recipients or locations):
        # الاحتجاجات ضد الحكومة الأردنية: the protest word names its protesters, people of the place's country
        actors = [Actor(doc.text[m.start : m.end], m.start, m.end, None, "CVL", kind="GROUP")]
        actor_rule = "the protesters the protest word names, of the place's country"
    # بلاده مستعدة للحوار مع الولايات المتحدة: in words or a meeting, a possessive with no owner named does not
    # take a country already a participant's (his country is not the US)
    unowned = {x.start for x in st.people if x.source == "possessive" and x.actor and not x.actor.code} \
        if (kind in VERBAL or kind == "CONSULT") and country in {x.code for x in [*actors, *recipients]} else set()
    actors = [x if x.start in unowned else _fill_code(x, country) for x in actors]
    recipients = [x if x.start in unowned else _fill_code(x, country) for x in recipients]
    trace = [
        f"trigger «{m.phrase}» → {kind}{'/' + trig.mode if trig.mode else ''} ({trig.pos}, triggers.tsv)",
        f"actor: {actor_rule}",
        f"recipient: {rec_rule}",
        f"status: {status} ({status_rule})",
        f"date: {date_rule}",
        f"location: {loc_rule}",
    ]
    if means is not None:
        trace.append(f"mode: {mode}, of «{means.phrase}» it happened in (في، إثر، جراء، بـ)")
    if referred is not None and m.i > st.lo and {"killed", "injured"} & set(_size(doc, st.lo, m.i)):
        referred = None  # أصيب أربعة إثر انفجار: a toll reported before the trigger in its clause
    if referred is None and status == "asserted" and _history(doc, date, precision, st):
        referred = "dated more than a year before the article: history it recalls"
    if referred is not None:  # still an event (CONVENTIONS code dated or placed background); marked as such
        context = [*context, "background"]
        trace.append(f"context: background ({referred})")
    return Event(
        type=kind, trigger=doc.text[m.start : m.end], trigger_start=m.start, trigger_end=m.end,
        start=min(st.clause_start, m.start), end=max(st.clause_end, m.end), mode=mode,
        context=context, actor=_unique(actors), recipient=_unique(recipients), location=locations,
        date=date, date_precision=precision, size=size, status=status,
        reported_by=speaker if speaker is not None and not (actors and actors[0] is speaker) else None,
        sentence=toks[m.i].sent, trace=trace,
    )


def _recipient(doc: Doc, people: list[Mention], trig: Trigger, m: Match[Trigger], end: int, taken: set[int],
               skip_subject: bool = False) -> Mention | None:
    where = _locations(doc, doc.tokens, token_index(doc, m.start), token_index(doc, end - 1) + 1)
    located = {p.start for p in where}
    near = [x for x in people if m.end <= x.start < end]
    # a capital inside a place that is where (بريف دمشق: the countryside, not the government)
    inside = {x.start for x in near for p in where if p.start < x.start < p.end}
    # بحماية الشرطة، بغطاء جوي روسي: who escorts or covers the actor is no recipient
    inside |= {x.start for x in near if (k := token_at(doc, x.start)) is not None and k > 0
               and _stem_in(doc.tokens[k - 1].norm, grammar("escort"))}
    cands = [x for x in near if x.start not in taken and x.start not in located and x.start not in inside
             and not _names_a_meeting(doc, m, x) and not (trig.type in VERBAL and _in_ranks(doc, x))]
    if skip_subject and cands and prep_of(doc, cands[0]) is None:
        cands = cands[1:]  # the subject of the introduced clause (بأن روسيا ستواصل ...)
    if trig.prep == "gen":  # the victim right after the noun, past a number or «ما لا يقل عن», or members of it
        return next((x for x in cands if victim_gap(doc, m.end, x.start) or _members_of(doc, m.end, x.start)), None)
    if trig.prep:
        hit = next((x for x in cands if prep_of(doc, x) == trig.prep), None)
        if hit is not None:
            return hit
    return next((x for x in cands if prep_of(doc, x) in (None, "جراء", "ل", "الي", "علي", "ضد", "مع", "ب")
                 or partitive_before(doc, x)), None)


def _in_ranks(doc: Doc, x: Mention) -> bool:
    """في صفوف وحدات حماية المرأة، من صفوف: a side someone fought or fell among, never what a verbal act is aimed
    at."""
    k = token_at(doc, x.start)
    return k is not None and k >= 2 and doc.tokens[k - 1].norm in grammar("ranks_noun") and \
        doc.tokens[k - 2].norm in ("في", "وفي", "من", "ومن", "بين")


def _names_a_meeting(doc: Doc, m: Match[Trigger], x: Mention) -> bool:
    """A place right after a treaty or meeting noun other than the trigger names it (اتفاقية باريس، محادثات
    أستانا): no participant in another event. Parties after it (اتفاق روسيا وتركيا) stay."""
    place = next((p for p in doc.places if p.start == x.start), None) if x.label == "LOC" else None
    if place is None or place.precision >= 4:
        return False  # a country after the noun is a party (اتفاق روسيا وتركيا)
    k = token_at(doc, x.start)
    if k is None or k == 0 or doc.tokens[k - 1].end <= m.end or x.start > doc.tokens[k].start:
        return False
    return any(f in grammar("naming_head") for f, _ in stems(doc.tokens[k - 1].norm))


_ARMED = frozenset({"MIL", "REB", "IMG", "SPY", "COP", "UAF"})
# Bodies that attack only in words: parties, parliaments, the press, NGOs, universities, think tanks.
_SPEAKING = frozenset({"PTY", "LEG", "JRN", "NGO", "EDU", "ELI"})


def _agreed_to_act(st: _Site) -> bool:
    """اتفق … على + what is to be done (على إنشاء آلية، على أنهما سيواصلان، على الشيء ذاته), not على + a deal
    (`deal_noun`: اتفاق، هدنة، صفقة) anywhere in the clause; على هامش ("on the sidelines of") is neither."""
    toks = st.toks
    acts = False
    for k in range(st.m.j, st.hi - 1):
        if toks[k].norm != "علي" or not toks[k + 1].is_word:
            continue
        forms = {f for f, _ in stems(toks[k + 1].norm)}
        if forms & grammar("deal_noun"):
            return False
        acts = acts or not forms & grammar("not_agreed")
    return acts


def _leaves_a_deal(st: _Site) -> bool:
    """A withdrawal from an agreement (`deal_noun`): من + the agreement within six words after the trigger
    (انسحبت الولايات المتحدة من اتفاقية باريس), or منه/منها with an agreement in the five words before the
    trigger and no place between them (إنقاذ الاتفاق النووي على الرغم من انسحاب الولايات المتحدة منه)."""
    toks, m = st.toks, st.m
    for k in range(m.j, min(st.hi, m.j + 6)):
        n = toks[k].norm
        if n == "من" and k + 1 < st.hi and _stem_in(toks[k + 1].norm, grammar("deal_noun")):
            return True
        if n in ("منه", "منها"):
            deal = [j for j in range(max(st.a, m.i - 5), m.i) if _stem_in(toks[j].norm, grammar("deal_noun"))]
            return bool(deal) and not any(toks[deal[-1]].end <= p.start < toks[m.i].start for p in st.doc.places)
    return False


def _verbal_attack(st: _Site, actors: list[Actor]) -> bool:
    """شن الرئيس هجوما على ...، هاجم الوزير ...، هاجم المرشح رغبة منافسه: an attack in words, by a person
    outside the armed forces, by a party, parliament, the press or an NGO where no place is named (هاجم
    عناصر حركة فتح مقرا في نابلس is not), or on a thing only words can attack."""
    doc, m = st.doc, st.m
    if m.payload.type != "ASSAULT" or not actors:
        return False
    first = doc.tokens[m.i].norm
    span = doc.tokens[m.i : m.i + 8] if GAP in m.phrase else doc.tokens[m.i : m.j]  # شن الوزير … هجوما
    words = {w for t in span for w in (t.norm, t.norm[1:])} | {first, first[1:]}
    if not words & grammar("verbal_attack"):
        return False
    after = {w for t in doc.tokens[m.j : min(m.j + 4, st.b)] for f, _ in stems(t.norm)
             for w in (f, *strip_enclitic(f))}
    if after & grammar("verbal_target"):  # هاجم رغبة المرشح، شن هجوما على سياسة الحكومة
        return True
    return all((a.kind == "PER" and a.sector not in _ARMED) or (a.sector in _SPEAKING and not st.places)
               for a in actors)


def _means(st: _Site) -> Match[Trigger] | None:
    """An attack word with a mode after a word of death (`death_word`) without one, right after في، إثر، جراء or
    a glued بـ, within its clause and six words (مقتل خمسة في قصف جوي، قتل برصاص قناص): how it was done. Not past
    a word that ties the dead to another deed (`means_stop`: قتلت الشرطة مسلحا شارك في تفجير)."""
    toks, m = st.toks, st.m
    if not _stem_in(toks[m.i].norm, grammar("death_word")):
        return None
    for x in trigger_matcher().find(toks, m.j, st.hi):
        if x.payload.type != "ASSAULT" or not x.payload.mode or x.i - m.j > 6:
            continue
        if any(_stem_in(t.norm, grammar("means_stop")) for t in toks[m.j : x.i]):
            return None
        prev = toks[x.i - 1].norm if x.i > 0 else ""
        if prev in ("في", "اثر", "جراء", "خلال") or toks[x.i].norm.startswith("ب"):
            return x
    return None


def _aims_at_a_goal(st: _Site) -> bool:
    """A word of targeting (`aim_verb`: استهدف، تستهدف، استهداف) whose object is a figure or a goal
    (`aim_object`: عجزا، خفض، نموا): an aim or a budget, not an attack. The object stands right after it, or
    after its subject (تستهدف الحكومة عجزا); not after another noun, whose genitive it is (استهدفت منشأة
    إنتاج النفط، سوق بيع المواشي: a facility)."""
    toks, m = st.toks, st.m
    if not _stem_in(toks[m.i].norm, grammar("aim_verb")) or m.j >= st.b:
        return False
    if _goal(toks, m.j, st.b):
        return True
    subject = next((x for x in st.people if x.start == toks[m.j].start), None)
    if subject is None:
        return False
    k = first_token_from(toks, subject.end)
    return k is not None and k < st.b and _goal(toks, k, st.b)


_TAFIL = re.compile(r"ت[^اوي]{2}ي[^اوي]|ا[^اوي]{2}ا[^اوي]")


def _goal(toks: Sequence[Token], k: int, hi: int) -> bool:
    """Token k is an `aim_object` or a verbal noun of the forms تفعيل or إفعال that is no trigger (تعميق السوق،
    تحسين الخدمات، إعلاء القيم; not تفجير): what a plan or a programme aims at."""
    if _stem_in(toks[k].norm, grammar("aim_object")):
        return True
    return _TAFIL.fullmatch(toks[k].norm) is not None and not any(
        x.payload.type != "NONE" for x in trigger_matcher().find(toks, k, min(hi, k + 1)))


def _sharp(st: _Site) -> bool:
    """شن الحزب هجوما لاذعا على الحكومة: the trigger phrase's last word (a gap phrase's may be a few words on)
    is an attack word with a `sharp_words` adjective right after it."""
    toks, m = st.toks, st.m
    last = norm(m.phrase).split()[-1]
    k = m.j - 1
    if GAP in m.phrase:  # the trigger was cut to its first word: find the phrase's last one
        ends = frozenset({last})
        k = next((i for i in range(m.i + 1, min(m.i + MAX_GAP + 3, st.hi)) if _stem_in(toks[i].norm, ends)), -1)
    return 0 <= k < st.hi - 1 and _stem_in(toks[k].norm, grammar("verbal_attack")) \
        and _stem_in(toks[k + 1].norm, grammar("sharp_words"))


def _background(toks: Sequence[Token], m: Match[Trigger], a: int) -> bool:
    """An event noun after بعد/غداة/منذ or after a noun that refers to it (تاريخ، منفذي، إدانة), also past a
    word naming the event (`event_filler`: ذكرى فاجعة تفجير، تحقيقه في عملية خطف) and a preposition
    (المسؤولية عن التفجير)."""
    if m.payload.pos != "noun" or m.i <= a:
        return False
    k = m.i - 1
    if k > a and _bare_in(toks[k].norm, grammar("event_filler")):
        k -= 1
    if k > a and toks[k].norm in ("في", "عن", "بشان"):  # تحقيقه في عملية خطف، تحقيقات بشأن اختطاف
        k -= 1
    prev = toks[k].norm
    forms = {prev, prev[1:] if prev[:1] in "وفلب" else prev}  # لتدبير، بتحقيق: a proclitic before the head
    if not _stem_in(prev, grammar("responsibility")):  # تحقيقه في; not أعلن مسؤوليته عن, a claim (_claimed)
        forms |= {f for w in tuple(forms) for f in strip_enclitic(w)}
    return bool(forms & (grammar("background_prep") | grammar("background_head")))


_LAUNCHED = "noun: the object of a launch verb"  # أرسلت تركيا تعزيزات: one act, though a plural noun
_BEFORE = "after a word that places it before the news (بعد، غداة، منفذي)"
_REACTION = "what a reaction is to (استنكرت الهجوم)"
_KNOWN = (_BEFORE, _REACTION)  # a known event: not coded at all when neither dated, placed nor counted


def _referred_to(st: _Site) -> str | None:
    """Why the sentence refers to the event rather than reports it, or None: after a word that places it
    before the news or names its doers (بعد الهجوم، منفذي التفجير), in a relative clause (الموقع الذي هاجمته
    إسرائيل), after a word of involvement (تورطهم في التفجيرات، تقف وراء الهجوم), or as what a reaction
    is to (استنكرت الرئاسة الهجوم)."""
    doc, toks, m = st.doc, st.toks, st.m
    if _background(toks, m, st.a):
        return _BEFORE
    if _reacted_to(doc, m, st.lo):
        return _REACTION
    k = m.i - 1
    while k > st.a and (toks[k].norm in grammar("time") or toks[k].norm in grammar("pronominal_prep")):
        k -= 1
    if k >= st.a and toks[k].norm in RELATIVE_PRONOUNS:
        return "in a relative clause (الموقع الذي هاجمته إسرائيل)"
    near = {w for t in toks[max(st.a, m.i - 3) : m.i] for w in (t.norm, t.norm[1:])}
    if near & grammar("involvement"):
        return "after a word of involvement (تورطهم في، تقف وراء)"
    return None


def _undergoer(st: _Site, taken: set[int]) -> Mention | None:
    """تعرضت القوات الأمريكية لهجوم / القوات تعرضت لقصف: who underwent the event named after لـ."""
    doc, m = st.doc, st.m
    if m.payload.pos != "noun" or "ل" not in doc.text[doc.tokens[m.i].start : m.start]:
        return None
    verb = next((k for k in range(m.i - 1, max(st.lo, m.i - 5) - 1, -1)
                 if {doc.tokens[k].norm, doc.tokens[k].norm[1:]} & grammar("undergo")
                 and doc.tokens[k].norm.lstrip("وف")[:2] in ("تع", "يت", "تت")), None)
    if verb is None:
        return None
    v = doc.tokens[verb]
    after = [x for x in st.people if v.end <= x.start < m.start and x.start not in taken]
    if after:
        return after[0]
    before = [x for x in st.people if x.end <= v.start and x.start >= st.clause_start and x.start not in taken
              and not doc.text[x.end : v.start].strip(" ،,")]
    return before[-1] if before else None


def _shot_by(st: _Site) -> tuple[Mention, Mention | None] | None:
    """قتل جندي إسرائيلي برصاص قناص، أصيب ثلاثة صيادين فلسطينيين بنيران البحرية: a verb of being killed or
    wounded (`hit_verb` of grammar.tsv), its subject right after it, then a firearm's fire (`fire_of`: برصاص،
    بنيران) and the side that fired: (victim, shooter). The victim is the coded one of the subject's words, or a
    noun with a nationality adjective (قتل مواطن سوري برصاص). Found from the verb or from the fire noun."""
    toks, m = st.toks, st.m
    if m.payload.type != "ASSAULT":
        return None
    if m.payload.pos == "verb":
        verb = m.i
    else:
        verb = next((v for v in range(m.i - 1, max(st.lo, m.i - 6) - 1, -1)
                     if toks[v].norm.removeprefix("و") in grammar("hit_verb")), None)
    if verb is None or toks[verb].norm.removeprefix("و") not in grammar("hit_verb"):
        return None
    k = next((j for j in range(verb + 1, min(verb + 10, st.hi)) if toks[j].norm in grammar("fire_of")), None)
    if k is None:
        return None
    if k >= verb + 6:  # قتل جندي وأصيب اثنان آخران بانفجار عبوة: past a second verb of being hit
        second = [j for j in range(verb + 2, k) if toks[j].norm.removeprefix("و") in grammar("hit_verb")]
        if not second or not all(t.is_word for t in toks[verb + 1 : k]) or second[0] + 1 >= st.hi:
            return None
        return _passive_victim(st, verb, second[0], None)  # the victims of the first verb end before the second
    if k == verb + 1 or k + 1 >= st.hi:
        return None
    shooter = next((x for x in st.people if x.start == toks[k + 1].start), None)  # none: بغارة إسرائيلية
    return _passive_victim(st, verb, k, shooter)


def _one_hit(st: _Site, victim: Mention) -> dict[str, int]:
    """The toll a passive verb of killing or wounding gives its victim when that is one person: a singular noun
    for a person (`one_person` of grammar.tsv: جندي، مدني، شاب، طفل) opening the victim's words, indefinite; not
    جنود or مدنيون, whose number the text does not give."""
    first = norm(victim.text.split()[0]) if victim.text.strip() else ""
    if not _bare_in(first, grammar("one_person")):
        return {}
    k = token_index(st.doc, victim.start)
    verb = next((t.norm.removeprefix("و") for t in st.toks[max(st.lo, k - 2) : k]
                 if _bare_in(t.norm, grammar("hit_verb"))), "")
    if verb.startswith(("قتل", "استشهد")):
        return {"killed": 1}
    if verb.startswith(("اصيب", "جرح")):
        return {"injured": 1}
    return {}


def _passive_victim(st: _Site, verb: int, k: int, shooter: Mention | None) -> tuple[Mention, Mention | None] | None:
    """The victim between the passive verb at token ``verb`` and token ``k`` (the fire noun, or a second verb of
    being hit), with the shooter: the coded one of the words there, or a noun with its nationality."""
    doc, toks = st.doc, st.toks
    words = [x for x in st.people if toks[verb].end <= x.start and x.end <= toks[k].start]
    victim = next((x for x in words if x.actor is not None and x.actor.code), words[0] if words else None)
    code = nationality_index().get(toks[k - 1].norm)
    if (victim is None or victim.actor is None or not victim.actor.code) and code is not None and k - 1 > verb + 1:
        # مواطن سوري: a noun and its nationality
        s, e = toks[verb + 1].start, toks[k - 1].end
        victim = Mention(doc.text[s:e], s, e, "PER", Actor(doc.text[s:e], s, e, code, "CVL", kind="PER"),
                         source="nationality")
    if victim is None or (shooter is None and victim.actor is not None and not victim.actor.code):
        return None
    return victim, shooter


def _accused_of(st: _Site) -> Mention | None:
    """اتهمت حماس السلطة بفرض عقوبات، يتهم الجيش المسلحين بتنفيذ الهجوم: the object of a verb of accusing, right
    before بـ + the event noun, is the event's actor; its speaker reports it (CONVENTIONS: actor = the accused)."""
    doc, toks, m = st.doc, st.toks, st.m
    glued = doc.text[toks[m.i].start : m.start]
    if "ب" not in glued.lstrip("وف")[:1]:
        return None
    obj = next((x for x in reversed(st.before) if x.end <= toks[m.i].start), None)
    if obj is None or doc.text[obj.end : toks[m.i].start].strip() or prep_of(doc, obj) is not None:
        return None
    k = token_at(doc, obj.start)
    if k is None:
        return None
    verbs = [j for j in range(max(st.lo, k - 6), k) for x in trigger_matcher().find(toks, j, j + 1)
             if x.payload.type == "ACCUSE" and x.payload.pos == "verb"]
    if not verbs:
        return None
    between = [x for x in st.people if toks[verbs[-1]].end <= x.start and x.end <= obj.start]
    return obj if between else None  # the verb's subject stands between: VSO (اتهمت حماس السلطة)


def _host(st: _Site, taken: set[int]) -> Mention | None:
    """وصل رئيس الوزراء العراقي إلى طهران في زيارة رسمية: the country or capital after إلى of a verb of arrival
    (`motion_verb`: وصل، توجه) before a visit noun is whom the visit is to."""
    doc, toks, m = st.doc, st.toks, st.m
    verb = next((k for k in range(m.i - 1, max(st.lo, m.i - 10) - 1, -1)
                 if _bare_in(toks[k].norm, grammar("motion_verb"))), None)  # وصل، ووصل
    if verb is None:
        return None
    return next((x for x in st.people if toks[verb].end <= x.start < toks[m.i].start and x.start not in taken
                 and prep_of(doc, x) == "الي" and x.actor is not None and x.actor.kind == "LOC"), None)


def _claimer(st: _Site) -> Mention | None:
    """تبنى تنظيم داعش الهجوم، الحركة تتبنى التفجير: the side that claims an attack named right after it (the
    verb's subject, after it or just before it) is its actor."""
    doc, toks, m = st.doc, st.toks, st.m
    if st.trig.type != "ASSAULT":
        return None
    verb = next((k for k in range(m.i - 1, max(st.lo, m.i - 6) - 1, -1)
                 if toks[k].norm.removeprefix("و") in grammar("claim_verb")), None)
    if verb is None:
        return None
    v = toks[verb]
    after = [x for x in st.people if v.end <= x.start and x.end <= m.start]
    if after and gap_ok(toks, verb + 1, after[0].start) and \
            gap_ok(toks, first_token_from(toks, after[-1].end) or m.i, toks[m.i].start):  # تبنت الحركة أمس الهجوم
        return after[0]
    if not after and verb == m.i - 1:
        before = [x for x in st.people if st.clause_start <= x.start and x.end <= v.start
                  and not doc.text[x.end : v.start].strip()]
        return before[-1] if before else None
    return None


def _members_of(doc: Doc, end: int, start: int) -> bool:
    """Between a verbal noun and a side, a count and a word for its members before من (تحييد 12 إرهابيا من حزب
    العمال، اعتقال عناصر من التنظيم): the side's members are the victims."""
    between = tokens_within(doc.tokens, end, start)
    if len(between) < 2 or between[-1].norm != "من" or between[-2].norm not in grammar("member_noun"):
        return False
    return len(between) == 2 or victim_gap(doc, end, between[-2].start)


def _controls_a_thing(st: _Site) -> bool:
    """The word after على of a seizure is a thing that is no place (`controlled_thing` of grammar.tsv: سعر،
    الأسعار، الوضع، الحريق، الأزمة)."""
    toks = st.toks
    k = next((j for j in range(st.m.j, min(st.m.j + 4, st.hi)) if toks[j].norm == "علي"), None)
    return k is not None and k + 1 < st.hi and _bare_in(toks[k + 1].norm, grammar("controlled_thing"))


# Types whose verbal noun's genitive, named through its members, is its doer (انسحاب مقاتلي المعارضة); not an
# evacuation's or an arrest's (إجلاء مقاتلي الحركة: they are evacuated)
_BY_MEMBERS = frozenset({"RETREAT", "ASSAULT", "MOBILIZE", "PROTEST"})


def _part_between(doc: Doc, end: int, start: int) -> bool:
    """Only a word for a part of a side between a verbal noun and the side (انسحاب مقاتلي المعارضة، هجوم عناصر
    التنظيم): the side is the noun's genitive, through its members."""
    between = tokens_within(doc.tokens, end, start)
    return 0 < len(between) <= 2 and all(t.norm in grammar("member_noun") for t in between)


def _survivor(st: _Site) -> Mention | None:
    """نجا المحافظ من محاولة اغتيال بتفجير عبوة، نجت القافلة من هجوم: who escaped the attack named after من is
    its target, not its doer (for the words of its means too, within five words after من, and a verb of a
    relative clause: نجا من سمكة قرش هاجمته; not a verb after و, the survivors' own act). The participant
    right after the `escape` verb, or right before it when من follows the verb."""
    doc, toks, m = st.doc, st.toks, st.m
    if m.payload.type != "ASSAULT" or (m.payload.pos != "noun" and toks[m.i].norm[:1] in "وف"):
        return None  # نجت القوات من كمين وقتلت خمسة: a verb after و is an act of the survivors
    verb = next((v for v in range(m.i - 1, st.lo - 1, -1)
                 if toks[v].norm in grammar("escape") or toks[v].norm[1:] in grammar("escape")), None)
    if verb is None:
        return None
    frm = next((k for k in range(verb + 1, m.i) if toks[k].norm == "من"), None)
    if frm is None or m.i - frm > 5:  # من محاولة اغتيال بتفجير عبوة ناسفة: the words of the attack escaped
        return None
    v = toks[verb]
    after = [x for x in st.people if v.end <= x.start < toks[frm].start]
    if after:
        return after[0]
    if frm != verb + 1:
        return None  # ونجا رابع من الهجوم: a subject after the verb that names no side; the one before is not it
    before = [x for x in st.people if st.clause_start <= x.start and x.end <= v.start
              and not doc.text[x.end : v.start].strip(" ،,")]
    return before[-1] if before else None


def _accused_genitive(st: _Site) -> Mention | None:
    """اتهام النظام بشن هجوم: the genitive of an accusation noun, when a charge follows it, is the accused."""
    if st.trig.type != "ACCUSE" or st.trig.pos != "noun" or not st.after:
        return None
    gen = st.after[0]
    if not adjacent(st.doc, st.m.end, gen.start) or prep_of(st.doc, gen) is not None:
        return None
    return gen if _charge_after(st, gen) else None


def _charge_after(st: _Site, gen: Mention) -> bool:
    """اتهام النظام بشن هجوم: a charge (بـ) follows the genitive and no accused after لـ (اتهام واشنطن لطهران)."""
    doc = st.doc
    if any(prep_of(doc, x) == "ل" for x in st.after if x.start > gen.start):
        return False
    k = token_at(doc, gen.end - 1)
    nxt = doc.tokens[k + 1] if k is not None and k + 1 < st.b else None
    return nxt is not None and nxt.norm.startswith("ب") and len(nxt.norm) >= 3 \
        and nxt.norm not in grammar("not_charge")  # بشن، بارتكاب، بأنها; not بشدة، بسبب، بعد


def _receiver(st: _Site) -> Mention | None:
    """تلقى الرئيس اتصالا من نظيره / الرئيس تلقى دعوة: who received the event the noun names."""
    doc, toks, m = st.doc, st.toks, st.m
    if m.payload.pos != "noun":
        return None
    verb = next((k for k in range(m.i - 1, max(st.lo, m.i - 8) - 1, -1)  # past a time phrase
                 if {toks[k].norm, toks[k].norm[1:]} & grammar("receive")), None)
    if verb is None:
        return None
    v = toks[verb]
    people = [x for x in st.doc.mentions if v.end <= x.start and x.end <= m.start]
    loose = [t for t in toks[verb + 1 : m.i] if not any(x.start <= t.start < x.end for x in people)
             and not _in_time(doc, t)]
    if loose:  # the noun is not what the verb takes (يواجه النظام اتهامات بشن هجوم: not هجوم)
        return None
    between = [x for x in st.people if v.end <= x.start and x.end <= m.start]
    if between:
        return between[0]
    before = [x for x in st.people if x.end <= v.start and x.start >= st.clause_start
              and not doc.text[x.end : v.start].strip(" ،,")]
    return group_start(doc, before[-1], st.clause_start) if before else None


def _reacted_to(doc: Doc, m: Match[Trigger], lo: int) -> bool:
    """استنكرت الرئاسة الهجوم، دان خطف الصحفيين: a definite event noun (or one in construct with a definite
    genitive or a name) after a verb of reacting in its clause is a known event."""
    if m.payload.pos != "noun":
        return False
    words = {w for t in doc.tokens[max(lo, m.i - 6) : m.i] for w in (t.norm, t.norm[1:])}
    if any(f.startswith("ال") for f, _ in stems(doc.tokens[m.i].norm)):
        return bool(words & grammar("reaction"))
    # in construct: only after a verb or noun of judging (not بعد يوم من تهديد الرئيس: a time, the threat dated)
    nxt = doc.tokens[m.j] if m.j < len(doc.tokens) else None
    named = nxt is not None and any(x.start == nxt.start for x in mentions_within(doc.mentions, nxt.start, nxt.end))
    return nxt is not None and m.end == doc.tokens[m.j - 1].end and (nxt.norm.startswith("ال") or named) \
        and bool(words & (grammar("reaction") - grammar("background_prep") - {norm("أعقب"), norm("أعقبت")}))


def _purpose(doc: Doc, m: Match[Trigger]) -> bool:
    """تمهيدا لهجوم، خطة لاغتيال: لـ + an event noun is what is aimed at, unless something underwent it."""
    if m.payload.pos != "noun":
        return False
    tok = doc.tokens[m.i]
    glued = doc.text[tok.start : m.start]
    if "ل" not in glued.lstrip("وف")[:1]:
        return False
    before = {w for t in doc.tokens[max(0, m.i - 4) : m.i] for w in (t.norm, t.norm[1:])}
    return not (before & grammar("undergo"))  # تعرضت القوات الأمريكية لهجوم


def _tally(st: _Site) -> bool:
    """«شهدت أفغانستان 140 هجوما انتحاريا في العام 2006»: an event noun counted by a number of ten or more in a
    clause that spans a year, a month or a stretch of time is a tally of many events (an aggregate), not one. (A
    toll in thousands over such a stretch, الحرب الدائرة منذ سبع سنوات أسقطت نصف مليون قتيل, stays an event, as
    the gold codes it; the count is an aggregate too.)"""
    doc, toks, m = st.doc, st.toks, st.m
    s, e = st.clause_start, st.clause_end
    spans = any(s <= t.start < e and (t.precision in ("year", "month") or t.kind in ("duration", "range"))
                for t in doc.times)
    if m.payload.pos != "noun" or m.i == 0 or not toks[m.i - 1].norm.isdigit() or int(toks[m.i - 1].norm) < 10 \
            or _in_time(doc, toks[m.i - 1]):  # عام 2012 بالسجن: a year, no count
        return False
    return spans


def _generic_plural(toks: Sequence[Token], m: Match[Trigger]) -> bool:
    """تكثيف هجماتهم، التفجيرات: a plural event noun with no number is a kind of event, not one."""
    if m.payload.pos != "noun":
        return False
    forms = {f for f, _ in stems(toks[m.i].norm)}
    forms |= {b for f in list(forms) for b in strip_enclitic(f)}  # هجماتهم
    return any(f.endswith("ات") for f in forms) and not (m.i > 0 and toks[m.i - 1].norm[:1].isdigit())


def _governed(doc: Doc, m: Match[Trigger]) -> bool:
    """True when the trigger is the object of a preposition (عن الاتهامات، بالجهود) or definite (الهجوم: the ل
    of the article counts like لـ): either way not the verbal noun of the subject just before it (أدان الرئيس
    الهجوم: the president condemned the attack). Making the article not count was tried: dev E2 0.625 → 0.616."""
    i = m.i
    tok = doc.tokens[i]
    if m.start > tok.start and any(c in doc.text[tok.start : m.start] for c in "بلك"):
        return True
    return i > 0 and doc.tokens[i - 1].norm.lstrip("و") in PREPOSITIONS and \
        doc.tokens[i - 1].norm.lstrip("و") not in ("بعد", "قبل", "خلال", "اثر", "عقب", "اثناء", "منذ")


# Acts that happen in no one place the article is about: a meeting or call, a deal, sanctions (a report about
# Afrin places its fighting in Afrin, not the sanctions it mentions; joint patrols and truces stay there)
_PLACELESS = frozenset({"CONSULT", "SUPPORT", "SANCTION"})
_TARGET_COUNTRY = "the target's country (none in the clause; the article's main place, if any, is elsewhere)"
_STATE_BODIES = frozenset({"GOV", "MIL", "COP", "SPY"})
# Bodies whose protest is made in words: a government, a parliament, a court, a religious authority
_OFFICIAL = frozenset({"GOV", "LEG", "JUD", "REL"})
_ONE_OF = frozenset({"احد", "احدي", "واحد"})  # أحد عناصر الشرطة: one of (normalised)
# Events that happen where their target is: a strike on «مواقع النظام السوري» took place in Syria.
_PHYSICAL = frozenset({"ASSAULT", "COERCE"})
_PEOPLE = norm("أشخاص")  # the counted noun of a count that names none
_SIZE_OF = {"ASSAULT": frozenset({"killed", "injured"}), "COERCE": frozenset({"arrested"})}  # the tolls each type has


def _precision_of(doc: Doc, stmt: Statement) -> str:
    """The precision of the time expression the statement's date came from (في مارس الماضي: month): the last one
    with that date up to the statement's end, in its sentence or in the earlier statement it took the date from
    (قال الوزير الأسبوع الماضي … وأضاف: a week); a day when none is found."""
    return next((t.precision for t in reversed(doc.times) if t.date == stmt.date and t.kind != "duration"
                 and t.start < stmt.end), "day")


def _with_pronoun(toks: Sequence[Token], m: Match[Trigger]) -> bool:
    """The trigger's last word carries an attached pronoun (اعتقاله، قصفها): without it, it is a trigger word."""
    word = toks[m.j - 1].norm
    return any(trigger_matcher().starts(f) for w, _ in stems(word) for f in strip_enclitic(w))


def _witnessed(st: _Site) -> bool:
    """A verb of witnessing has the event noun as its object (شهدت تركيا مظاهرات، شهد الرئيس توقيع الاتفاق):
    its subject saw the event, a place where it happened or a guest at it, not its doer."""
    return _witness_verb(st) is not None


def _witness_verb(st: _Site) -> int | None:
    """The index of a verb of witnessing whose object is the event noun: between them only its subject (names,
    places, time words and at most four other words), no other object (شهدت الأسواق ارتفاعا بعد هجوم: the
    accusative is the verb's object, the attack comes after بعد), no other event and no punctuation."""
    words = 0
    for k in range(st.m.i - 1, st.lo - 1, -1):
        t = st.toks[k]
        if _stem_in(t.norm, grammar("witness")):
            return k
        if not t.is_word or trigger_matcher().match_at(st.toks, k, st.m.i) is not None:
            return None  # another event or clause stands between (شهدت عمليات عسكرية، مفاوضات)
        if _in_mention(st.doc, t) or _in_time(st.doc, t) or _in_place(st.doc, t) or t.norm in grammar("adverb"):
            continue
        if t.norm in grammar("background_prep") or _accusative_object(t.norm):
            return None
        words += 1
        if words > 4:
            return None
    return None


def _accusative_object(word: str) -> bool:
    """An indefinite word with the accusative alif (ارتفاعا، تحسنا، تراجعا): an object of its own."""
    return len(word) > 3 and word.endswith("ا") and not word.startswith(("ال", "وال"))


def _in_place(doc: Doc, tok: Token) -> bool:
    lo = bisect.bisect_left(doc.places, tok.start - _LONGEST_MENTION, key=operator.attrgetter("start"))
    return any(p.start < tok.end and tok.start < p.end for p in doc.places[lo:] if p.start < tok.end)


def _witness_places(st: _Site) -> list[Place]:
    """The places that witnessed the event noun, named as the witness verb's subject (شهدت تركيا مظاهرات،
    تشهد المدن الأردنية احتجاجات): where it happened."""
    k = _witness_verb(st)
    if k is None:
        return []
    return [p for p in st.doc.places if st.toks[k].end <= p.start < st.m.start]


def _bare_object(st: _Site, actor_m: Mention | None) -> Actor | None:
    """The object of an attack or arrest verb that names a person or group by what they are, with no side's
    code (ضابطا، أحد عناصر الشرطة، ناشطا): right after the verb, or after its subject (VSO), past a count or
    أحد/إحدى. A title followed by في/من and a body is a member of that body (ضابطا في الجيش العراقي: IRQ MIL).
    Such mentions are no participants otherwise (:func:`_participants`): as subjects they would hide the actor."""
    doc, toks, m = st.doc, st.toks, st.m
    if m.payload.prep:  # سيطر على: the object comes with its preposition
        return None
    start = m.end
    if actor_m is not None and actor_m.start >= m.end:
        start = actor_m.end
    k = first_token_from(toks, start)
    partitive = False
    while k is not None and k < st.hi and toks[k].norm in _ONE_OF:
        k, partitive = k + 1, True
    if k is None or k >= st.hi:
        return None
    x = next((y for y in mentions_within(doc.mentions, toks[k].start, toks[st.hi - 1].end)
              if y.actor is not None and victim_gap(doc, toks[k].start, y.start)), None)
    if x is None or x.actor is None or x.actor.code or x.actor.sector is None \
            or (prep_of(doc, x) is not None and not partitive_before(doc, x)):  # ثلاثة من رجال الشرطة
        return None
    # the verb's subject, if it has none before: a definite noun right after it (استهدف الطيران، سيطرت قوات
    # المقاومة) is the subject (VSO); an object only past a subject, after أحد, after a verb whose plural
    # ending holds its subject (يستهدفون رجال الأمن) or with the accusative ending (ضابطا، جنديا)
    first = norm(x.text.split()[0])
    verb = norm(m.phrase.split()[-1])
    if not (actor_m is not None or partitive or verb.endswith(("ون", "وا")) or _accusative(first)):
        return None
    return _member_of_body(st, x)


def _own_attack(st: _Site, speaker: Actor) -> bool:
    """An armed speaker announcing an attack as its own act: the attack noun right after the cue (أعلن الجيش
    الإسرائيلي قصف مواقع، أعلن الحوثيون إطلاق صاروخ). Not a word of death (أعلنت الشرطة مقتل …: the police
    report a killing), not a bombing, nor a body that does not fight."""
    if st.trig.type != "ASSAULT" or speaker.sector not in _ARMED or st.stmt is None:
        return False
    toks, m = st.toks, st.m
    # nor a bombing or a blast the police or the army report (أعلنت الشرطة تفجير سيارة مفخخة، انفجار عبوة)
    if _stem_in(toks[m.i].norm, grammar("death_noun")) or st.trig.mode in ("explosives", "suicide-attack") \
            or "terrorism" in st.trig.context:
        return False
    cue = token_index(st.doc, st.stmt.cue_start)
    between = [t for t in toks[cue + 1 : m.i] if not _in_mention(st.doc, t)]
    return cue < m.i and all(t.norm in grammar("time") for t in between)


def _shared_subject(st: _Site, cand: Mention, where: set[int]) -> Mention | None:
    """A verb joined by و (وقتل، وأصابت) whose nearest participant before it stands after an earlier event verb of
    its clause is that verb's object, and the two verbs share a subject (اعتقل جيش بوروندي عشرات المسلحين وقتل
    آخرين; الشرطة اعتقلت ناشطين وضربت آخرين): the earlier verb's, before it (SVO) or right after it (VSO)."""
    doc, toks, m = st.doc, st.toks, st.m
    if not (m.start > toks[m.i].start and doc.text[toks[m.i].start] in "وف"):
        return None
    k = token_at(doc, cand.start)
    if k is None:
        return None
    matcher = trigger_matcher()
    verb = None
    for i in range(k - 1, st.a - 1, -1):  # the earlier verb may open a clause of its own (وقصف ... واعتقل)
        hit = matcher.match_at(toks, i, st.hi)
        if hit is None or hit.payload.type == "NONE" or hit.end > cand.start:
            continue
        # a bare past of three letters that opens the sentence is a verb too (وقصف الجيش، خطف مسلحون)
        opening = i == st.a and hit.payload.pos == "noun" and len(norm(hit.phrase)) == 3 \
            and toks[i].norm[: len(toks[i].norm) - 3] in ("", "و", "ف")
        if hit.payload.pos == "verb" or opening:
            verb = hit
            break
    if verb is None:
        return None
    people = [x for x in st.people if prep_of(doc, x) is None and x.start not in where and x.actor is not None]
    subject = next((x for x in reversed(people) if toks[st.a].start <= x.start and x.end <= verb.start), None)
    if subject is None:
        subject = next((x for x in people if verb.end <= x.start < cand.start and gap_ok(toks, verb.j, x.start)), None)
    return group_start(doc, subject, toks[st.a].start) if subject is not None else None


def _crowd(st: _Site) -> Actor | None:
    """A count of people that names the crowd of a protest: right after the trigger, past time words and at most
    MAX_GAP others (نزل آلاف الأشخاص إلى الشوارع، تجمع نحو مائة متظاهر، خرج مساء أمس مئات من المتظاهرين), or
    just before it (مليون متظاهر خرجوا، شارك آلاف المواطنين في مسيرة), or anywhere before a protest noun after لـ
    (خرج آلاف الأشخاص في شوارع المدينة للاحتجاج على الغلاء). Its counted noun is a `crowd` word of
    grammar.tsv or a nationality (آلاف الفلسطينيين: PSE); any other crowd takes the country of the event's
    place later (:func:`_fill_code`). The dead and wounded of the clause are no crowd that acts."""
    doc, toks, m = st.doc, st.toks, st.m
    tolls = {q.start for _, q in _site_tolls(st)}
    nationality = nationality_index()
    for q in doc.quantities:
        if q.unit is None or q.start in tolls or not st.clause_start <= q.start < st.clause_end:
            continue
        code = nationality.get(q.unit)
        if code is None and not {q.unit, q.unit.removeprefix("ال")} & grammar("crowd"):
            continue
        k = first_token_from(toks, q.start)
        if k is None:
            continue
        unit = next((u for u in range(k, min(k + 4, st.hi)) if toks[u].norm.removeprefix("و") == q.unit), None)
        if unit is None:
            continue
        if q.start >= m.end:
            between = [t for t in toks[m.j:k] if not _in_time(doc, t)]
            near = len(between) <= MAX_GAP and not any(t.text in ".،,؛:" for t in toks[m.j:k])
        else:  # or anywhere before a purpose (مليون متظاهر خرجوا في شوارع لندن للاحتجاج على الحرب)
            near = toks[unit].end <= m.start and (m.i - unit <= 3 or _purpose(doc, m))
        if near:
            return Actor(doc.text[q.start:toks[unit].end], q.start, toks[unit].end, code, "CVL", kind="GROUP")
    return None


def _bare_genitive(st: _Site) -> Actor | None:
    """The genitive of a verbal noun whose genitive is its victim (prep ``gen``: اغتيال، اختطاف، مقتل) that names
    a person or group by what they are, with no side's code (اغتيال النائب، اختطاف ثلاثة صحفيين، مقتل أحد عناصر
    الشرطة): right after it, past a count or أحد/إحدى (:func:`rasd.syntax.victim_gap`). See :func:`_bare_object`."""
    doc, toks, m = st.doc, st.toks, st.m
    k = first_token_from(toks, m.end)
    while k is not None and k < st.hi and toks[k].norm in _ONE_OF:
        k += 1
    if k is None or k >= st.hi or toks[k].start == m.end:  # glued to the trigger: not a word of its own
        return None
    x = next((y for y in mentions_within(doc.mentions, toks[k].start, toks[st.hi - 1].end)
              if y.actor is not None and victim_gap(doc, toks[k].start, y.start)), None)
    if x is None or x.actor is None or x.actor.code or x.actor.sector is None or x.actor.kind == "LOC" \
            or prep_of(doc, x) is not None:
        return None
    return _member_of_body(st, x)


def _member_of_body(st: _Site, x: Mention) -> Actor | None:
    """A title followed by في/من and a body is a member of that body (ضابطا في الجيش العراقي: IRQ MIL)."""
    doc, toks = st.doc, st.toks
    if x.actor is None:
        return None
    nxt = first_token_from(toks, x.end)
    if nxt is not None and nxt + 1 < st.hi and toks[nxt].norm in ("في", "من"):
        body = next(iter(mentions_within(doc.mentions, toks[nxt + 1].start, toks[nxt + 1].end)), None)
        if body is not None and body.actor is not None and body.actor.sector and body.actor.kind != "LOC":
            return replace(x.actor, code=body.actor.code, sector=body.actor.sector)
    return x.actor


def _accusative(word: str) -> bool:
    """An indefinite noun with the accusative alif, told by a singular rasd knows as a head or generic actor
    (ضابطا، جنديا، ناشطا); not a word whose alif is its own (ميليشيا)."""
    if len(word) < 4 or not word.endswith("ا") or word.startswith("ال"):
        return False
    stem = word[:-1]
    return head_matcher().starts(stem) or actor_matcher().starts(stem)


def _target_country(recipients: Sequence[Actor]) -> str | None:
    """The one country of the event's targets, when they are all bodies of one state (its government, forces,
    police, services: مواقع النظام السوري، قواعد للجيش السوري), most often struck on its land (not always: a
    militia's attack on a foreign base is placed in the base's country). Not people named by their nationality
    (مهندسين صينيين، صحفيا أمريكيا: abroad as often as at home), not IGO, IMG ..., not a group without a code,
    not armed groups, which fight across borders (the PKK, coded TUR, is struck in Iraq)."""
    codes = {r.code for r in recipients}
    if len(codes) != 1 or None in codes or any(r.sector not in _STATE_BODIES for r in recipients):
        return None
    (code,) = codes
    return code if countries().get(code, {}).get("name") else None  # a state, not EUR (the EU's adjective)


def _main_place(doc: Doc) -> Place | None:
    """The place most of the article's places are (the same province), when one clearly dominates."""
    counts: dict[str, list[Place]] = {}
    for p in doc.places:
        if p.admin1 and p.precision <= 3:
            counts.setdefault(p.admin1, []).append(p)
    if not counts:
        return None
    best = max(counts, key=lambda k: len(counts[k]))
    total = sum(len(v) for v in counts.values())
    return counts[best][0] if len(counts[best]) * 2 > total and len(counts[best]) >= 2 else None


def _report_window(doc: Doc, stmt: Statement) -> tuple[str | None, str]:
    """The period of a running report (خلال الساعات الـ24 الماضية) stated earlier by the same source.

    A bulletin gives its window once and then lists what happened in it; an
    undated event the source reports takes the window's first day.
    """
    code = stmt.speaker.code if stmt.speaker else None
    for s in reversed([x for x in doc.statements if x.start <= stmt.start]):
        if s.speaker is None or s.speaker.code != code:
            continue
        for t in doc.times:
            if t.kind == "duration" and s.start <= t.start < s.end and t.date:
                return t.date, t.precision
    return None, "unknown"


def _fill_code(actor: Actor, country: str | None) -> Actor:
    """A group without a country (مسلحون، مدنيين) takes the country of the event's place.

    A person whose country is unknown keeps no code: the place says nothing about who they are.
    """
    if actor.code is None and country and actor.kind != "PER" and not _other_states(actor.text):
        return replace(actor, code=country)
    return actor


def _other_states(text: str) -> bool:
    """دول أخرى، الدول الغربية: states other than the place's own (`other_states` of grammar.tsv)."""
    first = norm(text).split()[0] if text.strip() else ""
    return _bare_in(first, grammar("other_states"))


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[str | None, str | None, str]] = set()
    out = []
    for x in actors:
        key = (x.code, x.sector, x.text)
        if key not in seen:
            seen.add(key)
            out.append(x)
    return out


def _locations(doc: Doc, toks: Sequence[Token], lo: int, hi: int, trigger_end: int | None = None) -> list[Place]:
    s, e = toks[lo].start, toks[hi - 1].end
    out = []
    for p in doc.places:
        if not (s <= p.start < e):
            continue
        ti = token_at(doc, p.start)
        if ti is None:
            continue
        tok = toks[ti]
        pre = doc.text[tok.start : p.start]
        prev = toks[ti - 1].norm if ti > 0 else ""
        first = norm(p.text).split()[0] if p.text.strip() else ""
        locative = (pre.endswith("ب") or prev in grammar("locative") or (prev[:1] == "و" and prev[1:] == "في")
                    or _struck_named_kind(toks, first, ti, trigger_end)
                    or (p.feature == "admin1" and prev.startswith("و")) or _kind_of_place_after_bi(prev)
                    # في منطقة الهرمل، في حي الشجاعية: a word for the kind of place between في and the name
                    or (prev in grammar("kind_in_name") and ti > 1 and toks[ti - 2].norm in grammar("locative"))
                    or _struck_town(p, prev, ti, trigger_end))
        if locative or (out and pre == "و" and p.start - out[-1].end < 4):
            out.append(p)
    return out


def _struck_named_kind(toks: Sequence[Token], first: str, ti: int, trigger_end: int | None) -> bool:
    """The trigger's object is a place whose name starts with the word for its kind (`kind_in_name`: قصفت
    الطائرات مدينة غزة، قطاع غزة): like a cue before a name (مدينة إدلب), that word makes it where the event
    happened. Only within four words after the trigger with no preposition between (not تضامنا مع قطاع غزة،
    انطلقت من قاعدة العديد، متجهة إلى قطاع غزة), and not a direction (جنوب أفريقيا is a country)."""
    if first not in grammar("kind_in_name") or trigger_end is None or not trigger_end <= ti <= trigger_end + 4:
        return False
    return not any(t.norm in PREPOSITIONS or t.norm in grammar("locative") or not t.is_word
                   for t in toks[trigger_end:ti])


def _struck_town(p: Place, prev: str, ti: int, trigger_end: int | None) -> bool:
    """A town or province after the على of the trigger itself (قصف على سراقب، غارات على إدلب: where it
    happened), within three words after the trigger; not a capital (هجوم على طهران: the government, the
    target), nor a town after another noun's على (ردا على الغارات على النبطية، الحصار على غزة)."""
    return prev == "علي" and trigger_end is not None and trigger_end <= ti - 1 <= trigger_end + 3 \
        and p.precision <= 3 and p.feature != "capital"


def _kind_of_place_after_bi(word: str) -> bool:
    """بالعاصمة، بمدينة، بمحافظة (normalised): بـ glued to a word that says what kind of place the name after it
    is, so that the name is where the event happened (بالعاصمة كابول)."""
    if word[:1] != "ب" or len(word) < 4:
        return False
    rest = word[1:]
    if rest.removeprefix("ال") in ("محافظ", "حاكم"):
        return False  # التقى بمحافظ البصرة: the governor, not the province
    return any(f in word_table("place_cues.tsv") or f in grammar("locative") or f in grammar("capital_word")
               for f in (rest, rest.removeprefix("ال")))


def _venue_places(doc: Doc, toks: Sequence[Token], places: list[Place], lo: int) -> list[Place]:
    """Of the clause's places, those of a verbal event: only where it was said (مؤتمر صحفي في دمشق، الجلسة في
    لاهاي), never the places the words are about (CONVENTIONS)."""
    venue = grammar("venue")
    out = []
    for p in places:
        ti = token_at(doc, p.start)
        if ti is not None and any({toks[k].norm, toks[k].norm[1:]} & venue for k in range(max(lo, ti - 8), ti)):
            out.append(p)
    return out


def _most_specific(places: list[Place]) -> list[Place]:
    """A country is dropped when a place inside it is named too (عفرين في سوريا → عفرين)."""
    inner = {p.country for p in places if p.precision < 4}
    return [p for p in places if not (p.precision == 4 and p.country in inner)]


def _date(doc: Doc, s: int, e: int, near: int | None = None, latest: str | None = None,
          trigger: Match[Trigger] | None = None, apart: bool = False) -> tuple[str | None, str]:
    """The time expression in [s, e) (the nearest to ``near`` when given), outside any actor's name and, with
    ``latest`` (an ISO date), not starting after it; with ``trigger``, not a year or month inside a relative
    clause that describes another noun after it (ساماك، الذي أطاحه انقلاب عام 2006: history about that noun;
    a day there, المنطقة التي تسيطر عليها حماس يوم الجمعة, most often dates the event itself), nor one past إذ or
    a participle that describes another noun (`described_by`: الاتفاق الموقع عام 2015); ``apart`` (the time
    stands outside the trigger's clause): no year or month past a relative pronoun either (التي تشهد منذ يونيو)."""
    found = [t for t in doc.times
             if s <= t.start < e and t.date and not any(x.start <= t.start < x.end for x in doc.mentions)
             and (latest is None or t.date <= latest)
             and not (trigger and t.precision in ("year", "month") and _in_later_relative(doc, trigger, t.start))
             and not (trigger and _of_another(doc, trigger, t.start, relatives=apart,
                                              coarse=t.precision in ("year", "month")))]
    if not found:
        return None, "unknown"
    best = found[0] if near is None else min(found, key=lambda t: abs(t.start - near))
    return best.date, best.precision


def _of_another(doc: Doc, m: Match[Trigger], start: int, relatives: bool, coarse: bool) -> bool:
    """Between the trigger and a time after it stands إذ or a participle that describes another noun (more than
    two words after the trigger: الاتفاق الموقع عام 2015 describes the deal; فرض عقوبات … الاتفاق الموقع عام
    2015 does not date the sanctions), or, with ``relatives``, a relative pronoun."""
    cut = grammar("described_by") | (RELATIVE_PRONOUNS if relatives and coarse else frozenset())
    between = tokens_within(doc.tokens, doc.tokens[m.j - 1].end, start)
    for k, t in enumerate(between):
        if k < 2 or not (t.norm in cut or t.norm.removeprefix("و") in cut):
            continue
        if coarse or t.norm not in grammar("site_word") or \
                (k > 0 and _stem_in(between[k - 1].norm, grammar("deal_noun"))):
            return True  # الاتفاق الموقع في 14 يوليو: the deal's day; قرب الموقع يوم الجمعة (the site): the event's
    return False


def _in_later_relative(doc: Doc, m: Match[Trigger], start: int) -> bool:
    """A relative pronoun stands between the trigger and ``start``, more than two words after the trigger: what
    follows it describes another noun (الهجوم الذي وقع أمس is the trigger's own)."""
    toks = doc.tokens
    k = m.j + 2
    while k < len(toks) and toks[k].start < start:
        if toks[k].norm in RELATIVE_PRONOUNS:
            return True
        k += 1
    return False


_SIZE_METRICS = frozenset({"killed", "injured", "arrested"})


def _size(doc: Doc, lo: int, hi: int) -> dict[str, int]:
    """Killed/injured/arrested counts of the clause (tokens lo..hi), read as the aggregates stage reads a
    count: its counted noun and the words around it (مقتل 5 أشخاص is killed; 5 أشخاص تجمعوا is nothing)."""
    return _sizes(_tolls(doc, lo, hi))


def _sizes(tolls: Sequence[tuple[str, Quantity]]) -> dict[str, int]:
    """Metric → the first count given for it."""
    size: dict[str, int] = {}
    for metric, q in tolls:
        size.setdefault(metric, int(q.value))
    return size


def _tolls(doc: Doc, lo: int, hi: int) -> list[tuple[str, Quantity]]:
    """The counts of the clause (tokens lo..hi) that are killed, injured or arrested, with their metric."""
    toks = doc.tokens[lo:hi]
    s, e = toks[0].start, toks[-1].end
    # a vague count is a toll at ACLED's value (مقتل عشرات المدنيين: 12, CODEBOOK 4), not عشرات الآلاف
    qs = [q for q in doc.quantities if s <= q.start < e and not (q.vague and q.value > MAX_VAGUE) and q.unit != "%"]
    if not qs:
        return []
    words = sentence_words(toks)
    out = []
    for q in qs:
        near = sentence_words(without_approximators([t for t in toks if t.end <= q.start])[-2:])
        metric = metric_for(_units(doc, q, toks), words, near)
        if metric is None and (q.unit is None or q.unit[:1] in ("و", "ف")):
            # عن مقتل عشرة. / مقتل عشرة وإصابة ثلاثة: a count of no noun right after a death is of people
            metric = metric_for([_PEOPLE], near, near)
        if metric in _SIZE_METRICS:
            out.append((metric, q))
    return out


def _units(doc: Doc, q: Quantity, toks: Sequence[Token]) -> list[str]:
    """The nouns a count may count: its unit, people for a nationality (خمسة فلسطينيين، 14 إيرانيا), or the
    candidates of :func:`counted_nouns` when it has none."""
    if q.unit is None:
        return counted_nouns(doc, q, toks)
    return [q.unit, _PEOPLE] if q.unit in nationality_index() else [q.unit]


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, sides, places, date, status, clause); a duplicate lends the kept one the mode and
    toll it lacks (داهمت القوات منازل واعتقلت خمسة شبان: the raid is an arrest of five)."""
    out: list[Event] = []
    seen: dict[tuple[object, ...], Event] = {}
    for ev in events:
        key = (ev.type, tuple(sorted(f"{a.code}/{a.sector}" for a in ev.actor)),
               tuple(sorted(f"{r.code}/{r.sector}" for r in ev.recipient)),
               tuple(sorted(str(p.admin1 or p.country) for p in ev.location)), ev.date, ev.status, ev.start)
        kept = seen.get(key)
        if kept is not None:
            if kept.mode is None and ev.mode is not None:
                kept.mode = ev.mode
                kept.trace.append(f"mode {ev.mode} from «{ev.trigger}», the same event in the clause")
            kept.size = {**ev.size, **kept.size}
            continue
        seen[key] = ev
        out.append(ev)
    return out


def events(doc: Doc) -> Doc:
    """Pipeline stage: find events (needs entities, places, dates, quantities and statements)."""
    doc.events = find_events(doc)
    doc.stages.append(VERSION)
    return doc
