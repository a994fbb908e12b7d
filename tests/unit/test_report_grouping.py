"""Tests of archive.ingest.reports: which statements are one statement reported by several articles."""
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from archive.ingest.reports import WINDOW_DAYS, Report, evaluate, group_reports, load_set, same_words

QUOTE = "المفاوضات المقبلة في أستانا ستركز على تبادل المعتقلين وتثبيت خطوط التماس في ريف حماة الشمالي"
DAY = date(2018, 1, 20)


@pytest.mark.parametrize("a, b", [
    # tashkeel, hamza seats, ة/ه, ى/ي and quote styles are spelling, not words
    (QUOTE, "«المفاوضاتُ المقبلةُ في استانا ستركّز على تبادل المعتقلين وتثبيت خطوط التماس في ريف حماه الشمالى»"),
    # a cue and a trailing clause around the same quote
    (QUOTE, f"وأوضح أن {QUOTE}، لافتا إلى أن موعد الجولة لم يحدد بعد"),
    # one outlet truncates the quote
    (QUOTE, "المفاوضات المقبلة في أستانا ستركز على تبادل المعتقلين"),
    # a conjunction or preposition glued to a word, one word changed
    ("الحكومة مستعدة لإرسال وفد إلى جنيف للمشاركة في المحادثات دون شروط مسبقة",
     "والحكومة مستعدة لإرسال وفدها إلى جنيف للمشاركة بالمحادثات دون أي شروط مسبقة"),
    # سوريا/سورية, أمريكي/أميركي
    ("الانسحاب الأمريكي من شرق سوريا سيترك فراغا أمنيا خطيرا",
     "الانسحاب الأميركي من شرق سورية سيترك فراغاً أمنياً خطيراً"),
])
def test_reports_of_one_statement_meet(a, b):
    assert same_words(a, b) and same_words(b, a)


@pytest.mark.parametrize("a, b", [
    # same subject, a shared phrase of three words: a topic, not a quotation
    ("الحل السياسي في سوريا يمر عبر حوار شامل بين الحكومة والمعارضة دون تدخل خارجي",
     "ندعم الحل السياسي في سوريا ونرفض أي محاولة لفرض شروط على دمشق من الخارج"),
    # the same subject clause, a different claim about it
    ("المراقبون الدوليون في حمص سيبدأون عملهم الأسبوع المقبل بعد وصول الدفعة الأولى منهم",
     "المراقبون الدوليون في حمص تعرضوا لإطلاق نار أثناء جولتهم في حي بابا عمرو"),
    # a negation changes the statement
    ("القوات الروسية ستنسحب من القاعدة الجوية خلال الشهر المقبل",
     "القوات الروسية لن تنسحب من القاعدة الجوية خلال الشهر المقبل"),
    # three words are too few to tell a statement from a slogan
    ("نرفض التدخل الأجنبي", "نرفض التدخل الأجنبي"),
    ("", ""),
])
def test_different_statements_stay_apart(a, b):
    assert not same_words(a, b)


def report(id_, text=QUOTE, speaker="lavrov", day=DAY, **extra):
    return Report(id_, speaker, day, text, **extra)


def test_reports_meet_within_the_window_and_not_beyond():
    late = DAY + timedelta(days=WINDOW_DAYS + 1)
    window = timedelta(days=WINDOW_DAYS)
    groups = group_reports([report(1), report(2, day=DAY + window), report(3, day=late + window)])
    assert groups == [[1, 2]]  # 3 is more than the window after 1 and after 2


def test_iso_days_and_undated_reports():
    assert group_reports([report(1, day="2018-01-20"), report(2, day="2018-01-22")]) == [[1, 2]]
    # an undated report is not matched with a dated one; two undated reports may be one statement
    assert group_reports([report(1), report(2, day=None)]) == []
    assert group_reports([report(1, day=None), report(2, day=None)]) == [[1, 2]]


def test_the_same_words_by_another_speaker_are_another_statement():
    assert group_reports([report(1), report(2, speaker="zakharova"), report(3, speaker="zakharova")]) == [[2, 3]]


def test_grouping_is_transitive_through_the_full_quote():
    first_half = "المفاوضات المقبلة في أستانا ستركز على تبادل المعتقلين"
    second_half = "وتثبيت خطوط التماس في ريف حماة الشمالي بإشراف الدول الضامنة"
    full = f"{first_half} {second_half}"
    assert not same_words(first_half, second_half)
    reports = [report("b", first_half), report("c", second_half, day=DAY + timedelta(days=2)), report("a", full)]
    assert group_reports(reports) == [["a", "b", "c"]]


def test_two_statements_of_one_article_meet_only_through_another_article():
    assert group_reports([report(1, article=7), report(2, article=7)]) == []
    assert group_reports([report(1, article=7), report(2, article=7), report(3, article=8)]) == [[1, 2, 3]]


def test_groups_are_sorted_and_singletons_left_out():
    other = "سنعيد فتح السفارة في دمشق قبل نهاية العام إذا سمحت الظروف الأمنية بذلك"
    reports = [report(5, other, "safadi"), report(4), report(9, other, "safadi"), report(2),
               report(3, "كلام آخر تماما")]
    assert group_reports(reports) == [[2, 4], [5, 9]]


def test_many_reports_are_grouped_quickly():
    import time

    filler = "أعلن المتحدث أن الاجتماع رقم {n} بحث ملف المعابر رقم {m} وآلية تسليم المساعدات إلى المنطقة رقم {k}"
    reports = [report(n, filler.format(n=n, m=n * 7, k=n * 13), speaker=f"s{n % 50}", day=DAY + timedelta(days=n % 400))
               for n in range(20000)]
    started = time.perf_counter()
    group_reports(reports)
    assert time.perf_counter() - started < 20


def test_the_annotated_set_is_grouped_without_wrong_merges():
    entries = load_set()
    groups = {e["group"] for e in entries}
    assert len(entries) >= 45 and sum(1 for g in groups if [e["group"] for e in entries].count(g) >= 2) >= 10
    score = evaluate(entries)
    assert score.precision == 1.0, score.wrong
    assert score.recall >= 0.9, score.missed


def test_the_evaluation_command_prints_the_figures(capsys):
    call_command("evaluate_grouping")
    out = capsys.readouterr().out
    assert "precision 1.00" in out and "recall" in out and "misses" in out


def test_among_compares_only_pairs_holding_one_of_them():
    reports = [report(1), report(2), report(3, "كلام آخر تماما لا يشبه التصريح في شيء على الإطلاق")]
    assert group_reports(reports, among=[3]) == []  # 1 and 2 are not compared with each other
    assert group_reports(reports, among=[1]) == [[1, 2]]


@pytest.mark.parametrize("seed", range(8))
def test_the_pairs_holding_a_focus_report_are_those_of_all_pairs_each_once(seed):
    import random

    from archive.ingest.reports import _pairs

    rng = random.Random(seed)
    bucket = [(i, None if rng.random() < 0.2 else DAY + timedelta(days=rng.randint(0, 20))) for i in range(rng.randint(1, 60))]
    focus = {i for i, _ in bucket if rng.random() < 0.3}
    every = {frozenset(pair) for pair in _pairs(bucket) if focus & set(pair)}
    held = [frozenset(pair) for pair in _pairs(bucket, focus)]
    assert len(held) == len(set(held)) and set(held) == every
