"""Tests of archive.ingest.dates: month names, numeric dates, ordinals, relative words, weekdays."""

from datetime import date

import pytest

from archive.ingest.dates import DateMention, find_dates, infer_year, resolve_relative

TUESDAY = date(2017, 1, 3)  # a publication date just after a new year
MID_YEAR = date(2015, 8, 20)  # a Thursday


def only(text, published=MID_YEAR):
    """The single mention found in text."""
    found = find_dates(text, published)
    assert len(found) == 1, found
    mention = found[0]
    assert text[mention.start:mention.end] == mention.text
    return mention


def values(text, published=MID_YEAR):
    return [m.value for m in find_dates(text, published)]


@pytest.mark.parametrize("month, number", [
    ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7),
    ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
])
def test_levantine_month_names_with_a_year(month, number):
    mention = only(f"وجرى اللقاء في 14 {month} 2014 بحضور الوفدين")
    assert mention.value == date(2014, number, 14)
    assert mention.text == f"14 {month} 2014"
    assert mention.kind == "absolute" and mention.flags == ()


@pytest.mark.parametrize("month, number", [
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("إبريل", 4), ("ابريل", 4), ("مايو", 5),
    ("يونيو", 6), ("يونيه", 6), ("يونية", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8),
    ("سبتمبر", 9), ("أكتوبر", 10), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
])
def test_egyptian_and_gulf_month_names_in_their_spellings(month, number):
    assert values(f"اتفق الطرفان يوم 3 {month} 2013 على الهدنة") == [date(2013, number, 3)]


@pytest.mark.parametrize("spelling", ["اذار", "أذار", "ايار", "اَيّار", "ايلول", "تشرين اول", "كانون ثاني"])
def test_hamza_tashkeel_and_colloquial_month_spellings(spelling):
    assert len(values(f"في 5 {spelling} 2012")) == 1


def test_a_month_pair_with_a_slash_and_no_year_takes_the_publication_year():
    mention = only("وفي 9 سبتمبر/ أيلول، توصل الطرفان إلى اتفاق", published=date(2016, 10, 4))
    assert mention.value == date(2016, 9, 9)
    assert mention.text == "9 سبتمبر/ أيلول"
    assert "year-inferred" in mention.flags


def test_a_month_pair_in_parentheses_with_arabic_indic_digits():
    mention = only("اجتمع الوزيران في ١٣ أيلول (سبتمبر) ٢٠١٦ في جنيف")
    assert mention.value == date(2016, 9, 13)
    assert mention.text == "١٣ أيلول (سبتمبر) ٢٠١٦"


def test_a_month_pair_that_disagrees_is_flagged_and_the_first_month_wins():
    mention = only("في 3 حزيران/يوليو 2015")
    assert mention.value == date(2015, 6, 3) and "month-mismatch" in mention.flags


@pytest.mark.parametrize("text, expected", [
    ("في 2 أيار 2016", date(2016, 5, 2)),
    ("يوم 2 من أيار 2016", date(2016, 5, 2)),
    ("في 7 شهر تموز عام 2011", date(2011, 7, 7)),
    ("بتاريخ 30 نوفمبر سنة 2010م", date(2010, 11, 30)),
    ("في ٢٧ شباط ٢٠١٦", date(2016, 2, 27)),
    ("منذ 10 آذار من العام الماضي", date(2014, 3, 10)),
])
def test_day_month_year_variants(text, expected):
    assert values(text) == [expected]


ORDINALS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]
ORDINALS += [f"{u} عشر" for u in ["الحادي"] + ORDINALS[1:9]]
ORDINALS += ["العشرين"] + [f"{u} والعشرين" for u in ["الحادي"] + ORDINALS[1:9]]
ORDINALS += ["الثلاثين", "الحادي والثلاثين"]


@pytest.mark.parametrize("day, word", list(enumerate(ORDINALS, start=1)))
def test_ordinal_day_words_from_the_first_to_the_thirty_first(day, word):
    mention = only(f"وتنتهي المهلة في {word} من تموز 2015 بحسب الاتفاق")
    assert mention.value == date(2015, 7, day)
    assert mention.text == f"{word} من تموز 2015"


def test_ordinal_words_with_hamza_and_tashkeel_variants():
    assert values("حتى نهاية الثالثَ من أيّار الجاري", date(2016, 5, 2)) == [date(2016, 5, 3)]
    assert values("في الاول من اب", date(2016, 8, 20)) == [date(2016, 8, 1)]
    assert values("في الواحد والعشرين من آذار 2013") == [date(2013, 3, 21)]


@pytest.mark.parametrize("text", ["في الأسبوع الثاني من أيار", "خلال النصف الأول من حزيران",
                                  "في الحادي من أيار", "مارس الجيش ضغوطا على الفصائل"])
def test_phrases_that_are_not_days(text):
    assert find_dates(text, MID_YEAR) == []


@pytest.mark.parametrize("text, expected", [
    ("صدر القرار بتاريخ 2016/5/2 عن المجلس", date(2016, 5, 2)),
    ("صدر القرار بتاريخ 2-5-2016 عن المجلس", date(2016, 5, 2)),
    ("صدر القرار بتاريخ 02.05.2016 عن المجلس", date(2016, 5, 2)),
    ("صدر القرار بتاريخ ٢٠١٦/٥/٢ عن المجلس", date(2016, 5, 2)),
    ("صدر القرار بتاريخ ٢/٥/٢٠١٦ عن المجلس", date(2016, 5, 2)),
])
def test_numeric_dates_year_first_or_day_first(text, expected):
    mention = only(text)
    assert mention.value == expected and mention.kind == "numeric"


@pytest.mark.parametrize("text", ["بتاريخ 31/2/2016", "الرقم 12/5/20161", "النسخة 1.2.2016.4", "القرار 2254",
                                  "نحو 4.8 مليون لاجئ", "لمدة 7 أيام"])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text, MID_YEAR) == []


@pytest.mark.parametrize("text, expected", [
    ("وصل الوفد في 28 كانون الأول", date(2016, 12, 28)),  # last year's December
    ("يلتقي الوفدان في 12 كانون الثاني", date(2017, 1, 12)),  # announced, nine days ahead
    ("كانت الهدنة قد بدأت في 25 يناير", date(2016, 1, 25)),  # over two weeks ahead: last year
    ("تبدأ الجولة في 25 يناير المقبل", date(2017, 1, 25)),
    ("في 30 ديسمبر الماضي", date(2016, 12, 30)),
    ("في 2 كانون الثاني الجاري", date(2017, 1, 2)),
])
def test_a_date_without_a_year_takes_the_nearest_year_across_a_new_years_boundary(text, expected):
    assert values(text, TUESDAY) == [expected]


def test_a_date_without_a_year_from_late_december_reaches_into_january():
    assert values("تعقد الجولة في 5 كانون الثاني", date(2016, 12, 28)) == [date(2017, 1, 5)]


def test_infer_year_rules():
    assert infer_year(29, 2, date(2017, 3, 1)) == date(2016, 2, 29)
    assert infer_year(19, 9, date(2016, 10, 4), "الماضي") == date(2016, 9, 19)
    assert infer_year(5, 5, None) is None


@pytest.mark.parametrize("text, expected", [
    ("قال كيري اليوم إن", TUESDAY),
    ("أعلن اليوم الجيش السوري", TUESDAY),
    ("ما جرى أمس في حلب", date(2017, 1, 2)),
    ("وأكد بالأمس أن", date(2017, 1, 2)),
    ("في مؤتمر أمس الأول", date(2017, 1, 1)),
    ("في مؤتمر أول أمس", date(2017, 1, 1)),
    ("في مؤتمر أول من أمس", date(2017, 1, 1)),
    ("يصل الوفد غدا إلى جنيف", date(2017, 1, 4)),
    ("يصل غداً الوفد", date(2017, 1, 4)),
    ("يصل الوفد يوم غد", date(2017, 1, 4)),
    ("يصل الوفد صباح الغد", date(2017, 1, 4)),
    ("تستأنف بعد غد", date(2017, 1, 5)),
    ("وقع الانفجار قبل يومين", date(2017, 1, 1)),
    ("وقع الانفجار منذ ثلاثة أيام", date(2016, 12, 31)),
    ("وقع الانفجار قبل 3 أيام", date(2016, 12, 31)),
    ("التقيا قبل أسبوع", date(2016, 12, 27)),
])
def test_relative_words_resolve_against_the_publication_date(text, expected):
    mention = only(text, TUESDAY)
    assert mention.value == expected and mention.kind == "relative"


@pytest.mark.parametrize("text", [
    "نقل موقع روسيا اليوم عن مصادر", "وفي اليوم التالي انسحب الوفد", "في ذلك اليوم", "غدا الوضع أكثر تعقيدا",
    "سوريا الغد", "بالأمس القريب كانت حلب آمنة", "قبل يومين من الاجتماع", "الأسبوع الماضي", "الشهر الماضي",
    "اتفق الطرفين الاثنين على", "الأحد عشر كوكبا",
])
def test_words_that_are_not_dates_here(text):
    assert find_dates(text, TUESDAY) == []


@pytest.mark.parametrize("word, expected", [
    ("الاثنين", date(2017, 1, 2)), ("الإثنين", date(2017, 1, 2)), ("الثلاثاء", TUESDAY),
    ("الأربعاء", date(2016, 12, 28)), ("الخميس", date(2016, 12, 29)), ("الجمعة", date(2016, 12, 30)),
    ("الجمعه", date(2016, 12, 30)), ("السبت", date(2016, 12, 31)), ("الأحد", date(2017, 1, 1)),
])
def test_a_weekday_alone_is_the_latest_such_day_on_or_before_publication(word, expected):
    mention = only(f"قال الوزير يوم {word} إن", TUESDAY)
    assert mention.value == expected and mention.kind == "weekday"


@pytest.mark.parametrize("phrase, expected", [
    ("أمس الإثنين", date(2017, 1, 2)),
    ("اليوم الثلاثاء", TUESDAY),
    ("الخميس الماضي", date(2016, 12, 29)),
    ("الثلاثاء الماضي", date(2016, 12, 27)),  # "last Tuesday" on a Tuesday is a week back
    ("مساء الجمعة", date(2016, 12, 30)),
    ("صباح الأحد", date(2017, 1, 1)),
    ("ليل أمس الإثنين", date(2017, 1, 2)),
    ("فجر السبت", date(2016, 12, 31)),
    ("الأحد المقبل", date(2017, 1, 8)),
    ("غداً الأربعاء", date(2017, 1, 4)),
    ("يوم الخميس الماضي", date(2016, 12, 29)),
])
def test_weekday_combinations(phrase, expected):
    mention = only(f"وقال الوزير {phrase}، إن المحادثات مستمرة", TUESDAY)
    assert mention.value == expected and mention.text == phrase and mention.flags == ()


def test_the_two_sides_are_not_monday_but_a_day_named_with_yawm_is():
    assert values("اتفق الطرفين يوم الاثنين على", TUESDAY) == [date(2017, 1, 2)]


@pytest.mark.parametrize("phrase, expected", [
    ("أمس الأحد", date(2017, 1, 1)),  # yesterday was Monday: trust Sunday
    ("اليوم الإثنين", date(2017, 1, 2)),
    ("أمس الجمعة", date(2016, 12, 30)),
])
def test_a_weekday_contradicting_yesterday_or_today_wins_and_is_flagged(phrase, expected):
    mention = only(f"وأعلن {phrase} أن", TUESDAY)
    assert mention.value == expected
    assert "weekday-contradicts-relative" in mention.flags


def test_a_weekday_followed_by_a_date_is_one_mention_with_the_dates_value():
    published = date(2016, 5, 2)
    mention = only("في جنيف، اليوم الاثنين 2 أيار، أنه", published)
    assert (mention.text, mention.value, mention.flags) == ("اليوم الاثنين 2 أيار", published, ("year-inferred",))
    stale = only("اعتبارا من منتصف ليل أمس الجمعة 29 نيسان في مناطق", published)
    assert stale.value == date(2016, 4, 29) and "relative-contradicts-date" in stale.flags
    wrong = only("يوم الأحد 29 نيسان 2016", published)
    assert wrong.value == date(2016, 4, 29) and "weekday-contradicts-date" in wrong.flags


def test_several_mentions_come_in_text_order_with_offsets_into_the_original():
    text = "وقال أمسِ الإثنينِ إن اتفاق 27 شباط الماضي، الموقّع في 2016/2/22، صامد، وسيجتمع غدًا."
    found = find_dates(text, date(2016, 3, 8))
    assert [m.text for m in found] == ["أمسِ الإثنينِ", "27 شباط الماضي", "2016/2/22", "غدًا"]
    assert [m.value for m in found] == [date(2016, 3, 7), date(2016, 2, 27), date(2016, 2, 22), date(2016, 3, 9)]
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(isinstance(m, DateMention) for m in found)


def test_without_a_publication_date_only_dates_with_a_year_are_found():
    found = find_dates("أمس الخميس، في 3 أيار، وفي 4 أيار 2016 و2016/5/5", None)
    assert [m.value for m in found] == [date(2016, 5, 4), date(2016, 5, 5)]


def test_resolve_relative_takes_one_whole_phrase():
    assert resolve_relative("أمس الإثنين", date(2016, 5, 24)) == date(2016, 5, 23)
    assert resolve_relative(" الخميس الماضي ", date(2016, 5, 2)) == date(2016, 4, 28)
    assert resolve_relative("الأسبوع الماضي", date(2016, 5, 2)) is None
    assert resolve_relative("أمس في حلب", date(2016, 5, 2)) is None
