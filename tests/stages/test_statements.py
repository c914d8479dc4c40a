"""Statements: cues, speakers, direct and indirect speech, relays and coreference."""

import pytest


def test_statement_indirect_with_title_speaker(run) -> None:
    doc = run("قال وزير الخارجية الأردني اليوم الخميس إن بلاده ترفض أي تصعيد.")
    (s,) = doc.statements
    assert (s.cue, s.kind, s.speaker.code, s.speaker.sector) == ("قال", "indirect", "JOR", "GOV")
    assert s.date == "2024-03-07"
    assert doc.text[s.start : s.end] == doc.text  # the evidence is the sentence


def test_statement_direct_quotation(run) -> None:
    doc = run("وأكدت الحكومة العراقية: «لن نسمح بأي اعتداء على أراضينا».")
    (s,) = doc.statements
    assert s.kind == "direct" and s.speaker.code == "IRQ"


def test_statement_pronoun_speaker_points_back(run) -> None:
    text = "قال الرئيس التونسي إن الانتخابات ستجري في موعدها. وأضاف أن الحكومة مستعدة. وشدد على أهمية الحوار."
    doc = run(text)
    assert [s.speaker.code for s in doc.statements] == ["TUN", "TUN", "TUN"]
    assert [s.cue for s in doc.statements] == ["قال", "أضاف", "شدد"]  # as written, without و


def test_statement_relayed_by_a_channel(run) -> None:
    doc = run("ونقلت قناة الجزيرة عن وزير الخارجية القطري قوله إن الوساطة مستمرة.")
    (s,) = doc.statements
    assert s.speaker.code == "QAT" and s.via is not None and s.via.sector == "JRN"


def test_statement_one_per_sentence_and_speaker(run) -> None:
    doc = run("وأكد الوزير الفرنسي أن باريس تدعم الحل، مضيفا أن الحوار هو السبيل، وقال إن الوقت ينفد.")
    assert len(doc.statements) == 1


def test_statement_masculine_verb_takes_no_country_subject(run) -> None:
    text = "وقال الرئيس الألماني إن الاتفاق مهم. ودعا الولايات المتحدة إلى البقاء فيه."
    doc = run(text)
    assert [s.speaker.code for s in doc.statements] == ["DEU", "DEU"]


def test_statement_anonymous_source_has_no_code(run) -> None:
    doc = run("وقال مصدر إن الاجتماع تأجل.")
    (s,) = doc.statements
    assert s.speaker is not None and s.speaker.code is None


def test_statement_bi_is_not_a_cue(run) -> None:
    # بحث is the verb "discussed", not ب + حث "urged".
    doc = run("بحث الوفدان ملف المياه.")
    assert doc.statements == []


def test_statement_subject_before_the_verb(run) -> None:
    doc = run("لكن الاتحاد الأوروبي أعلن رسوما جمركية مضادة.")
    (s,) = doc.statements
    assert s.speaker.code == "EUR"


def test_statement_kana_with_subject_first(run) -> None:
    doc = run("وكان وزير الدفاع الفرنسي قد قال الخميس إن المهمة انتهت.")
    (s,) = doc.statements
    assert s.speaker.code == "FRA"


def test_statement_title_then_name_later(run) -> None:
    text = "أكد وزير خارجية النمسا أن الاتفاق قائم. وذكر ماركوس هوبر في كلمته أن بلاده ملتزمة."
    doc = run(text)
    assert [s.speaker.code for s in doc.statements] == ["AUT", "AUT"]


def test_statement_denial_is_a_statement(run) -> None:
    doc = run("ونفى المتحدث باسم الحكومة العراقية وجود أي اتفاق.")
    (s,) = doc.statements
    assert s.cue == "نفى" and s.speaker.code == "IRQ"


def test_statement_dropped_subject_agrees_with_the_verb(run) -> None:
    text = ("قال الرئيس المصري إن الحوار ضروري. وأكدت الحكومة الليبية أنها مستعدة للحوار. "
            "وأضاف أن القاهرة ستستضيف الاجتماع.")
    doc = run(text)
    assert [s.speaker.code for s in doc.statements] == ["EGY", "LBY", "EGY"]  # وأضاف: masculine → the president


def test_statement_in_a_relative_clause_belongs_to_the_noun_before(run) -> None:
    text = "ورحب الوزير الكويتي بتقارير منظمة الصحة العالمية التي أكدت تراجع الإصابات."
    doc = run(text)
    assert [s.speaker.code for s in doc.statements] == ["KWT", "UNO"]


def _speakers(doc):
    return [(s.cue, s.speaker.code if s.speaker else None) for s in doc.statements]


def test_statement_name_takes_the_code_of_its_title_after_a_comma(run) -> None:
    doc = run("وقال خالد يوسف، المتحدث باسم المفوضية السامية للأمم المتحدة لشؤون اللاجئين، إن العودة غير ممكنة. "
              "وأضاف أن المفوضية لا تشارك فيها.")
    assert _speakers(doc) == [("قال", "UNO"), ("أضاف", "UNO")]


def test_statement_body_named_by_its_owner(run) -> None:
    doc = run("وقال تلفزيون النظام إن الجيش دخل البلدة في ريف حلب.")
    assert _speakers(doc) == [("قال", "SYR")]


def test_statement_person_of_a_body_named_after_fi(run) -> None:
    doc = run("بدوره، قال مدير برنامج الطوارئ في منظمة العفو الدولية إن الوضع خطير.")
    assert _speakers(doc) == [("قال", "NGO")]


def test_statement_addressee_with_glued_preposition_is_not_the_speaker(run) -> None:
    doc = run("وقال وزير الخارجية البريطاني إن الهجوم مدان. وقال للصحفيين إنه ينبغي محاسبة المسؤولين.")
    assert _speakers(doc) == [("قال", "GBR"), ("قال", "GBR")]


def test_statement_abra_as_a_preposition_is_no_cue(run) -> None:
    doc = run("ودخلت القوات التركية عبر الحدود إلى شمال العراق. وعبرت الحكومة العراقية عن قلقها.")
    assert [s.cue for s in doc.statements] == ["عبرت"]


def test_statement_unknown_organisation_name_is_an_ngo(run) -> None:
    doc = run("وقالت منظمة سيف ذا تشيلدرن، الجمعة، إن آلاف الأطفال بحاجة إلى مساعدة.")
    assert _speakers(doc) == [("قالت", "NGO")]


def test_statement_noun_with_nationality_adjective_speaks_for_that_side(run) -> None:
    doc = run("وناشد والد شابة بريطانية الحكومة التدخل لإعادة جثمانها.")
    assert _speakers(doc) == [("ناشد", "GBR")]


def test_statement_relayed_source_named_then_titled(run) -> None:
    doc = run("ونقلت وكالة رويترز عن خالد يوسف، المتحدث باسم وزارة الخارجية السورية، قوله إن الوفد وصل.")
    assert _speakers(doc) == [("نقلت", "SYR")]


def test_statement_according_to_the_observatory_named_bare(run) -> None:
    doc = run("وقتل خمسة مدنيين في قصف على بلدة في ريف درعا، بحسب المرصد.")
    assert _speakers(doc) == [("بحسب", "NGO")]


def test_statement_according_to_what_came_in_a_source(run) -> None:
    # بحسب ما ورد في / ما جاء في بيان: the source after the preposition; ما ورد alone is "what came", no reply
    doc = run("وبحسب ما ورد في وكالة الأنباء الإماراتية، صدر مرسوم جديد. وحسب ما جاء في بيان الجيش اللبناني، "
              "قتل جنديان في عرسال.")
    assert _speakers(doc) == [("حسب", "ARE"), ("حسب", "LBN")]
    assert run("وتعاملت الشرطة مع ما ورد من بلاغات في المدينة.").statements == []
    doc = run("وبحسب ما ذكرت اليوم وكالة الأنباء الأردنية، وصل الوزير إلى عمان. وحسب ما جاء على لسان وزير الخارجية "
              "المصري، فإن المحادثات مستمرة.")
    assert _speakers(doc) == [("حسب", "JOR"), ("حسب", "EGY")]
    # a press office speaks for the body it belongs to
    assert _speakers(run("قال المكتب الإعلامي لحركة حماس إن الطائرات الإسرائيلية قصفت غزة.")) == [("قال", "PSE")]
    assert _speakers(run("ورد وزير الخارجية الأردني على الاتهامات.")) == [("رد", "JOR")]


def test_statement_estimates_and_chants_are_statements(run) -> None:
    doc = run("وقدرت الأمم المتحدة عدد النازحين بنحو ستة آلاف. وردد المتظاهرون الأردنيون هتافات ضد الحكومة.")
    assert _speakers(doc) == [("قدرت", "UNO"), ("ردد", "JOR")]


def test_statement_transport_is_no_relay(run) -> None:
    doc = run("ووصلت أكثر من مئة حافلة لنقل السكان والمقاتلين من البلدتين إلى ريف حلب.")
    assert doc.statements == []


def test_statement_official_of_a_stateless_people_is_of_the_articles_country(run) -> None:
    doc = run("وقصفت القوات التركية مدينة عفرين في ريف حلب. وأكدت مسؤولة كردية كبيرة أن المدينة صامدة.")
    assert _speakers(doc) == [("أكدت", "SYR")]


def test_statement_denial_with_an_object_pronoun(run) -> None:
    doc = run("وقتل 43 مدنيا في عفرين، بحسب المرصد، الأمر الذي نفاه الجيش التركي.")
    assert _speakers(doc) == [("بحسب", "NGO"), ("نفاه", "TUR")]


def test_statement_verbal_noun_after_a_preposition_is_no_cue(run) -> None:
    doc = run("ورفضت الولايات المتحدة التوقيع على تعهد بتنفيذ توصيات الاتفاقية.")
    assert doc.statements == []


def test_statement_impersonal_announcement_has_no_speaker(run) -> None:
    doc = run("وقال وزير الخارجية الروسي إن الهدنة صامدة. وفي أيار أعلن عن أربع مناطق لخفض التوتر.")
    assert _speakers(doc) == [("قال", "RUS")]


def test_statement_the_article_is_no_glued_preposition(run) -> None:
    doc = run("وقالت منظمة الصحة العالمية إن الوباء ينتشر. وقالت وزارة الصحة السورية إن المستشفيات ممتلئة. "
              "وأضافت المنظمة أن اللقاحات وصلت.")
    assert _speakers(doc) == [("قالت", "UNO"), ("قالت", "SYR"), ("أضافت", "UNO")]


def test_statement_relative_clause_after_a_comma(run) -> None:
    doc = run("ورفضت إيران اتهامات وزارة الداخلية البحرينية، التي أعلنت القبض على خلية.")
    assert ("أعلنت", "BHR") in _speakers(doc)


def test_statement_confirmation_with_an_object_pronoun(run) -> None:
    doc = run("وتنفي الوحدات الكردية أي صلة لها بحزب العمال، وهو ما تؤكده الولايات المتحدة.")
    assert ("تؤكده", "USA") in _speakers(doc)


def test_statement_a_medium_learned_from_anonymous_sources(run) -> None:
    doc = run('وعلمت "الشرق الأوسط" من مصادر مطلعة أن المفاوضات متعثرة.')
    assert [(s.cue, s.speaker.text if s.speaker else None, s.speaker.code if s.speaker else None)
            for s in doc.statements] == [("علمت", "مصادر", None)]


def test_statement_no_subject_inside_a_glued_prepositional_phrase(run) -> None:
    doc = run("وأعرب الرئيس الفرنسي عن تفاؤله. وأفادت التقارير بالتزام إيران ببنود الاتفاق.")
    assert "IRN" not in [s.speaker.code for s in doc.statements if s.speaker]


def test_statement_unnamed_armed_men_are_of_the_articles_country(run) -> None:
    doc = run("ودخلت القوات التركية مدينة عفرين في ريف حلب. وقال المسلحون إنهم لم يواجهوا أي مقاومة.")
    assert _speakers(doc) == [("قال", "SYR")]


def test_statement_ruling_out_and_proposing_are_statements(run) -> None:
    doc = run("ولم يستبعد الرئيس الروسي بحث المسألة. والتقى نظيره الفرنسي الذي اقترح توسيع المحادثات.")
    assert _speakers(doc) == [("يستبعد", "RUS"), ("اقترح", "FRA")]


def test_statement_country_after_leaders_is_not_the_speaker(run) -> None:
    # زعماء heads the subject; the country after it is whom they call on, not who speaks
    doc = run("وطالب زعماء المجموعة إيران بالتوقف عن تخصيب اليورانيوم.")
    assert len(doc.statements) == 1
    assert doc.statements[0].speaker is None or doc.statements[0].speaker.code != "IRN"
    assert any(m.text.startswith("زعماء") for m in doc.mentions)


def test_statement_on_the_same_occasion_takes_its_date(run) -> None:
    """A statement with no date of its own, a sentence or two after a dated one, was made the same day; far
    away in the article it was not (as far as the text says)."""
    near = "وقال وزير الخارجية الروسي الثلاثاء إن موسكو تدعم الحوار. وقال نظيره الفرنسي إن باريس ترفض العقوبات."
    filler = " ".join(["وشهدت المنطقة أمطارا غزيرة."] * 3)
    far = near.split(". ")[0] + ". " + filler + " وقال نظيره الفرنسي إن باريس ترفض العقوبات."
    dates = [[s.date for s in run(t).statements] for t in (near, far)]
    assert dates == [["2024-03-05", "2024-03-05"], ["2024-03-05", None]]


def test_statement_is_dated_by_a_day_not_by_a_year_before_its_content(run) -> None:
    # the year belongs to the deal the speaker talks about, not to the day he spoke
    doc = run("وقال وزير الخارجية الإيراني، عن الاتفاق الموقع عام 2015، إن بلاده ملتزمة به.")
    assert [s.date for s in doc.statements] == [None]
    # a month dates its own statement, not the next one on the same occasion
    doc = run("وقال الرئيس في مارس الماضي إن بلاده ستنسحب من الاتفاق. وأضاف الرئيس أن القوات ستعود.")
    assert [s.date for s in doc.statements] == ["2023-03-01", None]


def test_subject_before_the_cue_past_the_kind_of_group(run) -> None:
    # فصيل names the kind of group before its name: the faction is the speaker, not the last one heard
    doc = run("وقال وزير الدفاع الروسي إن الجيش تقدم. وكان فصيل فيلق الرحمن أعلن الخميس عن وقف لإطلاق النار.")
    last = doc.statements[-1]
    assert (last.cue, last.speaker.code, last.speaker.sector) == ("أعلن", "SYR", "REB")


def test_subject_of_a_cue_inside_a_that_clause(run) -> None:
    # بأن المبعوث الياباني قال: the envoy speaks, not the reports nor the speaker before
    doc = run("وقال وزير الخارجية الصيني إن المحادثات مفيدة. وأفادت تقارير بأن المبعوث الياباني، تارو كونو، قال إن "
              "بكين تماطل.")
    last = doc.statements[-1]
    assert (last.cue, last.speaker.code) == ("قال", "JPN")


def test_according_to_a_body_glued_to_its_preposition(run) -> None:
    # وفقا لوزارة الدفاع الفرنسية: the ministry is the source, though لـ is glued to it
    doc = run("وتملك فرنسا عشر طائرات في الأردن، وفقا لوزارة الدفاع الفرنسية، والجنرال المتقاعد جان دوبوا.")
    assert _speakers(doc) == [("وفقا", "FRA")]


def test_condemned_without_hamza_is_a_reporting_verb(run) -> None:
    doc = run("ودان وزير الخارجية المصري الهجوم على السفارة.")
    assert _speakers(doc) == [("دان", "EGY")]


def test_relayed_name_takes_the_side_of_the_title_after_it(run) -> None:
    doc = run("وأعلنت هيئة تحرير الشام موقفها. ونقلت وكالة رويترز عن، أبو ماريا، المتحدث الرسمي باسم الهيئة قوله إنهم "
              "رفضوا الاتفاق.")
    relay = doc.statements[-1]
    assert (relay.speaker.text, relay.speaker.code, relay.via.code) == ("أبو ماريا", "SYR", "GBR")


def test_barely_is_no_confirmation(run) -> None:
    assert run("وقال وزير الخارجية المصري إن الوضع صعب. لم أكد أصل إلى المخيم حتى استقبلني طفل.").statements[-1].cue \
        == "قال"


def test_relayed_name_without_a_title_takes_no_side_from_the_next_name(run) -> None:
    # لقناة الجزيرة is whom he spoke to, not the body his title names
    doc = run("وأعلنت هيئة تحرير الشام موقفها. ونقلت وكالة رويترز عن، أبو ماريا، قوله لقناة الجزيرة إن الهجوم فشل.")
    assert (doc.statements[-1].speaker.text, doc.statements[-1].speaker.code) == ("أبو ماريا", None)


def test_uncoded_subject_after_the_verb_keeps_the_statement(run) -> None:
    # CONVENTIONS: a speaker rasd cannot code keeps the statement with a null code, and is not the last speaker
    doc = run("وقال وزير الخارجية الأردني إن الحدود مفتوحة. وقال اتحاد الكتاب إن الجائزة تأجلت.")
    last = doc.statements[-1]
    assert (last.speaker.text, last.speaker.code, last.speaker.kind) == ("اتحاد الكتاب", None, "ORG")


@pytest.mark.parametrize("second, speaker", [
    ("وقالت رابطة الكتاب إن الجائزة تأجلت.", "رابطة الكتاب"),  # ة is no pronoun
    ("وقال باحثون إن الحدود مفتوحة.", "باحثون"),  # بـ here is no preposition
])
def test_uncoded_subjects_that_look_like_a_pronoun_or_a_preposition(run, second, speaker) -> None:
    doc = run("وقال وزير الخارجية الأردني إن الوضع هادئ. " + second)
    assert (doc.statements[-1].speaker.text, doc.statements[-1].speaker.code) == (speaker, None)


def test_uncoded_subject_names_people_of_no_side(run) -> None:
    doc = run("وقال وزير المالية المصري إن الأسعار سترتفع. ويقول متعاملون إن السوق هادئة.")
    assert [(s.speaker.text, s.speaker.code) for s in doc.statements] == [("وزير المالية المصري", "EGY"),
                                                                           ("متعاملون", None)]


@pytest.mark.parametrize("second", [
    "وقال في بيان إن الحدود مفتوحة.",  # a preposition: the subject is dropped
    "وأكد مرارا أن الحدود مفتوحة.",  # an adverb
    "وقال للصحفيين إن الحدود مفتوحة.",  # the addressee
    "وأضاف قائلا إن الحدود مفتوحة.",  # a participle of saying
    "وكشف المصدر أن الحدود مفتوحة.",  # a definite noun: someone met before
    "وأوضح عقب الاجتماع أن الحدود مفتوحة.",  # a preposition of time
    "وقال بعضهم إن الحدود مفتوحة.",  # a pronoun
    "وقال الصفدي إن الحدود مفتوحة.",  # a surname met before
])
def test_no_uncoded_subject_where_coreference_knows_better(run, second) -> None:
    doc = run("وقال وزير الخارجية الأردني أيمن الصفدي إن الوضع هادئ. " + second)
    assert [s.speaker.code for s in doc.statements] == ["JOR", "JOR"]



def test_imf_named_without_its_adjective(run) -> None:
    doc = run("وقال صندوق النقد إن النمو سيتباطأ العام المقبل.")
    assert _speakers(doc) == [("قال", "IGO")]


def test_a_first_name_spelt_as_a_verb_of_condemning(run) -> None:
    # دان is «condemned» and the first name Dan: before a name and no object, it is the name
    doc = run("دان ريفرز المبعوث الأمريكي قال إن المحادثات مستمرة.")
    assert _speakers(doc) == [("قال", "USA")]
    assert [e.type for e in doc.events if e.type == "ACCUSE"] == []
    doc = run("ودان وزير الخارجية الأردني الهجوم على القافلة.")
    assert _speakers(doc) == [("دان", "JOR")]


@pytest.mark.parametrize("text, code", [
    ("ودان مجلس الأمن الدولي الهجوم على القافلة.", "UNO"),  # an actor rasd knows
    ("وقال المبعوث الأممي هانس غروندبرغ إن الوضع خطير. ودان غروندبرغ بشدة قصف المستشفى.", "UNO"),  # met before
    ("ودان مجلس الوزراء الأردني بشدة الهجوم.", "JOR"),
])
def test_condemned_before_a_subject_that_is_no_first_name(run, text, code) -> None:
    doc = run(text)
    assert (doc.statements[-1].cue, doc.statements[-1].speaker.code) == ("دان", code)
    assert any(e.type == "ACCUSE" and e.trigger == "دان" for e in doc.events)


def test_no_name_of_a_pronoun_or_a_preposition_and_a_number_of_people_is_uncoded(run) -> None:
    # «قيامه باختراع» is no unknown name; كثيرون are people rasd cannot code, not the last speaker
    doc = run("وقال وزير الخارجية الفرنسي إن باريس تدعم الاتفاق. وأدانت الصحيفة قيامه باختراع السلاح.")
    assert all(s.speaker is None or "قيامه" not in s.speaker.text for s in doc.statements)
    doc = run("وقال وزير الخارجية الفرنسي إن باريس تدعم الاتفاق. وانتقد كثيرون الممثلة لموافقتها على الدور.")
    assert [(s.speaker.text, s.speaker.code) for s in doc.statements][1:] == [("كثيرون", None)]


def test_review_cases_of_speakers_and_dates(run) -> None:
    # a number of a coded body is that body; a real name with ـه or بال stays a name
    doc = run("وقال عدد من المسؤولين الأمريكيين إن واشنطن تدرس الأمر.")
    assert [s.speaker.code for s in doc.statements] == ["USA"]
    doc = run("وقال مايكل بالمر إن الحكومة ستدرس الأمر.")
    assert [s.speaker.text for s in doc.statements] == ["مايكل بالمر"]
    # the month of the election in a relative clause does not date the statement
    doc = run("وقال الرئيس الأمريكي، الذي انتخب في نوفمبر 2020، إن بلاده ستنسحب.")
    assert [s.date for s in doc.statements] == [None]


def test_an_adverb_is_no_name_and_an_inherited_week_stays_a_week(run) -> None:
    doc = run("وقال وزير الخارجية الروسي إن موسكو ترفض. وندد بشدة باستمرار الاعتداءات على السفارة.")
    assert all("بشدة" not in (s.speaker.text if s.speaker else "") for s in doc.statements)
    doc = run("وقال وزير الخارجية الأمريكي الأسبوع الماضي إن بلاده ستراقب الوضع. "
              "وأضاف أن بلاده تدين الهجوم على السفارة.")
    assert [(e.type, e.date_precision) for e in doc.events] == [("ACCUSE", "week")]
