"""Aggregates: reported counts with metric, period, provinces and reporter."""


def _aggs(doc):
    return [(a.metric, a.value, a.period, a.admin1) for a in doc.aggregates]


def test_aggregate_violations_with_provinces_and_window(run) -> None:
    text = ("وأعلن المركز الروسي للمصالحة أنه سجل خلال الساعات الـ24 الماضية 15 خرقا لنظام وقف إطلاق النار "
            "في محافظتي إدلب وحماة.")
    doc = run(text)
    assert ("ceasefire_violations", 15, "last_24h", ["SY-HM", "SY-ID"]) in _aggs(doc)
    agg = doc.aggregates[0]
    assert agg.reporter is not None and agg.reporter.code == "RUS"
    assert text[agg.start : agg.end].startswith("15 خرقا")


def test_aggregate_cumulative_total(run) -> None:
    doc = run("وقال المرصد إن عدد القتلى ارتفع إلى ٣٥٠ منذ بداية الحملة.")
    assert [(a.metric, a.value, a.period) for a in doc.aggregates] == [("killed", 350, "cumulative")]


def test_aggregate_number_words_and_vague_counts(run) -> None:
    doc = run("وأفاد الدفاع المدني بسقوط عشرات القتلى وخمسة وعشرين جريحا في القصف.")
    assert ("killed", 12) in [(a.metric, a.value) for a in doc.aggregates]
    assert ("injured", 25) in [(a.metric, a.value) for a in doc.aggregates]


def test_aggregate_very_vague_counts_are_not_aggregated(run) -> None:
    doc = run("ونزح عشرات الآلاف من المدنيين من المنطقة.")
    assert doc.aggregates == []


def test_aggregate_window_carries_to_the_next_sentence_of_the_same_reporter(run) -> None:
    text = ("أعلن مركز المصالحة الروسي أن 4 بلدات انضمت إلى المصالحة خلال الساعات الـ24 الماضية. "
            "ورصد المركز 9 انتهاكات لوقف الأعمال القتالية في محافظة درعا.")
    doc = run(text)
    assert ("ceasefire_violations", 9, "last_24h", ["SY-DR"]) in _aggs(doc)


def test_aggregate_the_word_before_the_number_decides_the_metric(run) -> None:
    doc = run("وأفادت وكالة الأنباء عن مقتل ثلاثة مدنيين وإصابة 14 آخرين في قصف على حي في حمص.")
    got = {(a.metric, a.value) for a in doc.aggregates}
    assert ("killed", 3) in got and ("injured", 14) in got


def test_aggregate_takes_the_articles_province_when_its_sentence_names_none(run) -> None:
    text = "تجدد القصف على بلدات في ريف درعا الشرقي. وقال المرصد إن 9 مدنيين قتلوا أمس."
    doc = run(text)
    assert ("killed", 9, ["SY-DR"]) in [(a.metric, a.value, a.admin1) for a in doc.aggregates]


def test_aggregate_part_of_a_toll_is_not_counted_again(run) -> None:
    doc = run("وقتل 40 مدنيا بينهم 12 طفلا في القصف على البلدة.")
    assert [(a.metric, a.value) for a in doc.aggregates] == [("killed", 40)]


def test_aggregate_role_word_before_an_approximator(run) -> None:
    doc = run("وأسفر الانفجار عن مقتل 30 شخصا وإصابة أكثر من مئتي آخرين.")
    assert [(a.metric, a.value) for a in doc.aggregates] == [("killed", 30), ("injured", 200)]


def test_aggregate_singular_noun_after_thousands_and_noun_with_pronoun(run) -> None:
    doc = run("ونزح نحو 150 ألف مدني من المنطقة. وأعلن الجيش مقتل ثلاثة من جنوده.")
    assert [(a.metric, a.value) for a in doc.aggregates] == [("displaced", 150_000), ("killed", 3)]


def test_aggregate_provinces_come_from_the_numbers_clause(run) -> None:
    doc = run("وهناك نحو 600 ألف لاجئ سوري مسجلين في الأردن، بينما تقول عمان إنها تستضيف عددا أكبر.")
    assert [(a.metric, a.value, a.admin1) for a in doc.aggregates] == [("displaced", 600_000, [])]


def test_aggregate_toll_of_the_war_has_no_province(run) -> None:
    doc = run("وقصفت الطائرات بلدة في ريف إدلب. وأسفرت الحرب عن مقتل نصف مليون شخص. "
              "ونزح الآلاف من ريف إدلب.")
    agg = next(a for a in doc.aggregates if a.value == 500_000)
    assert agg.admin1 == []


def test_aggregate_main_province_when_the_sentence_names_only_its_country(run) -> None:
    doc = run("وقصفت الطائرات مدينة درعا وبلدة بصرى الشام في محافظة درعا. "
              "وتسببت المعارك في سوريا بمقتل 17 عنصرا على الأقل من قوات النظام.")
    agg = next(a for a in doc.aggregates if a.value == 17)
    assert agg.admin1 == ["SY-DR"]


def test_aggregate_nationality_counts_people_and_refuge_is_displacement(run) -> None:
    doc = run("وأعلنت وزارة الداخلية القبض على 14 إيرانيا. ولجأ إلى لبنان نحو مليون سوري. "
              "ونزح ربع مليون من سكان المنطقة.")
    assert [(a.metric, a.value) for a in doc.aggregates] == \
        [("arrested", 14), ("displaced", 1_000_000), ("displaced", 250_000)]


def test_aggregate_metric_of_the_word_right_before_the_count(run) -> None:
    # استشهدوا وأصيب أكثر من 2700: the wounding is the later count's, past «أكثر من»; the dead were read as
    # wounded too (استشهدوا was no word of death), and a time word before a count gives it no other metric
    doc = run("وأفادت وزارة الصحة الفلسطينية بأن 58 فلسطينيا استشهدوا وأصيب أكثر من 2700 آخرين منذ الصباح.")
    assert [(a.metric, a.value) for a in doc.aggregates] == [("killed", 58), ("injured", 2700)]
    doc = run("وقال المرصد إنه قتل مساء الجمعة 16 مدنيا في غارة على المستشفى.")
    assert [(a.metric, a.value) for a in doc.aggregates] == [("killed", 16)]
