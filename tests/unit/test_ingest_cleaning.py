"""Tests of archive.ingest.cleaning on scraped-looking texts written for these tests (not the seeds)."""

import subprocess
import sys
from pathlib import Path

import pytest

from archive.ingest.cleaning import Cleaned, clean, derive_title

ROOT = Path(__file__).resolve().parents[2]
RAW_SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

P1 = ("أعلنت وزارة الدفاع الروسية، صباح الأحد، عن هدنة إنسانية لمدة ثلاثة أيام في ريف إدلب الجنوبي، "
      "بحسب بيان نشرته على موقعها الرسمي.")
P2 = "وقال المتحدث باسم الوزارة إن الهدنة تهدف إلى إفساح المجال أمام خروج المدنيين عبر ممرات آمنة محددة."
P3 = "ورحبت الأمم المتحدة بالإعلان، داعية جميع الأطراف إلى احترام الهدنة وتسهيل دخول القوافل الإغاثية."
TITLE = "موسكو تعرض هدنة إنسانية في ريف إدلب"


def article(*middle, head=(TITLE,), tail=()):
    """A scraped text: head lines, P1, the lines under test, P2, P3, tail lines."""
    return "\n".join([*head, P1, *middle, P2, P3, *tail])


def body_of(*paragraphs):
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize("prompt", [
    "شارك هذا المقال", "شارك الخبر عبر فيسبوك", "فيسبوك تويتر واتساب", "Facebook Twitter WhatsApp",
    "التعليقات (0)", "كن أول من يعلق", "علّق", "اترك تعليقاً", "إضافة تعليق", "تابعونا على تلغرام",
])
def test_share_comment_and_follow_prompts_are_removed(prompt):
    cleaned = clean(article(prompt))
    assert cleaned.body == body_of(P1, P2, P3)
    assert cleaned.removed == [prompt]


@pytest.mark.parametrize("line", [
    "إقرأ أيضاً: بوتين وأردوغان يبحثان الوضع في الشمال السوري",
    "اقرأ ايضا: مقتل ثلاثة مدنيين بقصف على ريف حماة",
    "اقرأ أيضًا - دي ميستورا يدعو إلى جولة جديدة من المفاوضات",
    "طالع أيضا: الائتلاف يرفض أي حل يبقي الأسد في السلطة وفق ما أعلن رئيسه في مؤتمر صحفي",
    "شاهد أيضاً: لحظة وصول القافلة الأممية إلى مضايا",
    "اقرأ/ي أيضًا| روسيا: لا بديل عن جنيف",
    "اقرئي أيضا: نساء سوريات في مخيمات اللجوء",
])
def test_read_also_in_any_spelling_is_removed_with_the_rest_of_its_line(line):
    cleaned = clean(article(line))
    assert cleaned.body == body_of(P1, P2, P3)
    assert cleaned.removed == [line]


def test_a_bare_read_also_header_takes_the_link_under_it_but_not_the_next_paragraph():
    cleaned = clean(article("اقرأ أيضاً:", "روسيا تعلن مقتل جنديين في حمص"))
    assert cleaned.body == body_of(P1, P2, P3)
    assert cleaned.removed == ["اقرأ أيضاً:", "روسيا تعلن مقتل جنديين في حمص"]


def test_a_related_articles_box_at_the_end_goes_with_its_headlines():
    tail = ("أخبار ذات صلة", "مقتل قيادي في جبهة النصرة بغارة جوية", "مجلس الأمن يفشل في تبني قرار حول حلب")
    cleaned = clean(article(tail=tail))
    assert cleaned.body == body_of(P1, P2, P3)
    assert cleaned.removed == list(tail)


@pytest.mark.parametrize("header", ["مقالات ذات صلة", "مواضيع متعلقة", "قد يهمك أيضا", "الأكثر قراءة"])
def test_related_section_headers_in_other_wordings_are_removed(header):
    assert clean(article(tail=(header,))).body == body_of(P1, P2, P3)


def test_a_donation_box_inside_the_article_is_removed_and_the_paragraphs_around_it_stay():
    box = ("الصحافة الحرة تحتاجك!", "ادعموا الصحافة المستقلة", "نحن مؤسسة غير ربحية تعتمد على قرائها",
           "تبرّع الآن")
    cleaned = clean(article(*box))
    assert cleaned.body == body_of(P1, P2, P3)
    assert cleaned.removed == list(box)


def test_a_trailing_appeal_block_is_removed_with_its_tagline_and_button():
    tail = ("×", "الخبر الدقيق يكلف كثيرا في زمن الحرب..", "ساهم معنا في بقاء الموقع مستقلا",
            "خمسة دولارات شهريا تبقينا أحياء", "انقر هنا للتبرع")
    cleaned = clean(article(tail=tail))
    assert cleaned.body == body_of(P1, P2, P3)
    assert cleaned.removed == list(tail)


def test_a_newsletter_signup_block_is_removed():
    block = ("اشترك في نشرتنا البريدية", "أدخل بريدك الإلكتروني", "اشترك")
    assert clean(article(*block)).body == body_of(P1, P2, P3)


@pytest.mark.parametrize("caption", [
    "صورة: عناصر من الدفاع المدني في ريف حماة (AFP)",
    "الصورة - قافلة مساعدات أممية على طريق حلب",
    "كيري ولافروف في جنيف (أرشيف)",
    "مقاتلون من المعارضة في ريف حلب الجنوبي (رويترز)",
    "المصدر: Getty Images",
    "Photo: AFP / Louai Beshara",
    "📷 صورة أرشيفية لمدينة إدلب",
    "camera iconمبنى الأمم المتحدة في جنيف",
])
def test_photo_captions_icon_labels_and_credits_are_removed(caption):
    cleaned = clean(article(caption))
    assert cleaned.body == body_of(P1, P2, P3)
    assert cleaned.removed == [caption]


def test_the_alt_text_copy_of_an_icon_caption_is_removed_too():
    cleaned = clean(article(head=(TITLE, "مبنى الأمم المتحدة في جنيف", "photo iconمبنى الأمم المتحدة في جنيف")))
    assert cleaned.title == TITLE
    assert cleaned.body == body_of(P1, P2, P3)


def test_an_image_alt_text_above_the_headline_is_not_taken_for_the_title():
    head = ("مبنى الأمم المتحدة في جنيف", TITLE, "camera iconمبنى الأمم المتحدة في جنيف")
    cleaned = clean(article(head=head))
    assert cleaned.title == TITLE
    assert cleaned.body == body_of(P1, P2, P3)


@pytest.mark.parametrize("junk", ["×", "|", "•", "* * *", "— —", "A A A", "ع ع ع"])
def test_lone_symbols_and_font_size_buttons_are_removed(junk):
    assert clean(article(junk)).body == body_of(P1, P2, P3)


@pytest.mark.parametrize("credit", ["وكالات", "(أ ف ب)", "أ.ف.ب", "رويترز", "دمشق - سانا", "القدس العربي - وكالات",
                                    "الأناضول"])
def test_bare_agency_credit_lines_at_the_end_are_removed(credit):
    cleaned = clean(article(tail=(credit,)))
    assert cleaned.body == body_of(P1, P2, P3)
    assert cleaned.removed == [credit]


@pytest.mark.parametrize("nav", ["تقارير | تحقيقات", "الرئيسية » أخبار » سوريا", "ملف خاص | الهدنة في حلب",
                                 "ملف خاص | كيف انهارت الهدنة في حلب بعد أسبوع واحد من إعلانها"])
def test_section_link_and_breadcrumb_lines_are_removed(nav):
    cleaned = clean(article(tail=(nav,)))
    assert cleaned.body == body_of(P1, P2, P3)


@pytest.mark.parametrize("line", [
    "شارك آلاف السوريين في مظاهرات حاشدة في إدلب أمس للمطالبة بإسقاط النظام ووقف القصف.",
    "تبرع رجل أعمال سوري بمليون دولار لإغاثة النازحين",
    "قالت رويترز",
    "وقالت وكالة رويترز إن المفاوضات ستستأنف الأسبوع المقبل بحضور وفدي النظام والمعارضة.",
    "اشترك الجيشان الروسي والسوري في الهجوم على مواقع المعارضة في ريف اللاذقية.",
    "التعليقات الروسية على القرار",
    "وقال المبعوث الأممي: اقرأ أيضا ما كتبناه في البيان السابق، فالموقف لم يتغير منذ جنيف.",
    "وعرضت الصورة التي التقطها المصور في حلب دمارا واسعا في الأحياء الشرقية.",
])
def test_article_lines_that_resemble_boilerplate_stay(line):
    cleaned = clean(article(line))
    assert cleaned.body == body_of(P1, line, P2, P3)
    assert cleaned.removed == []


def test_in_text_subheadings_stay_even_next_to_boilerplate():
    cleaned = clean(article("شارك هذا المقال", "مواقف دولية"))
    assert cleaned.body == body_of(P1, "مواقف دولية", P2, P3)


def test_the_headline_becomes_the_title_and_its_repeat_is_dropped_whatever_its_spelling():
    repeat = "موسكو تعرِض هدنةً إنسانيّة في ريف ادلب"
    cleaned = clean(article(head=(TITLE, "", repeat)))
    assert cleaned.title == TITLE
    assert cleaned.body == body_of(P1, P2, P3)
    assert cleaned.removed == [repeat]


def test_a_question_headline_is_a_title():
    assert clean(article(head=("هل تصمد هدنة إدلب؟",))).title == "هل تصمد هدنة إدلب؟"


def test_leading_boilerplate_does_not_hide_the_headline():
    cleaned = clean(article(head=("الرئيسية » أخبار", "عاجل", TITLE)))
    assert cleaned.title == TITLE
    assert cleaned.body == body_of(P1, P2, P3)


def test_a_kicker_prefixed_headline_is_a_title_but_a_breadcrumb_above_it_is_not():
    assert clean(article(head=("عاجل | روسيا تستخدم الفيتو",))).title == "عاجل | روسيا تستخدم الفيتو"
    cleaned = clean(article(head=("أخبار | سوريا", TITLE)))
    assert (cleaned.title, cleaned.removed) == (TITLE, ["أخبار | سوريا"])


def test_a_dateline_on_the_first_line_is_not_the_title():
    cleaned = clean(article(head=("دمشق - عنب بلدي",)))
    assert cleaned.title.startswith("أعلنت وزارة الدفاع الروسية")
    assert cleaned.removed == ["دمشق - عنب بلدي"]


def test_tag_lines_are_removed():
    assert clean(article("الكلمات المفتاحية: سوريا، روسيا، إدلب")).body == body_of(P1, P2, P3)


def test_a_short_sentence_just_before_an_appeal_stays():
    cleaned = clean(article("وتستمر المعارك.", "ادعم عنب بلدي"))
    assert cleaned.body == body_of(P1, "وتستمر المعارك.", P2, P3)


def test_a_first_line_ending_with_a_period_is_body_text_not_a_title():
    first = "قتل خمسة مدنيين بقصف على حلب."
    cleaned = clean("\n".join([first, P2]))
    assert cleaned.title == "قتل خمسة مدنيين بقصف على حلب"
    assert cleaned.body == body_of(first, P2)


def test_a_missing_title_is_derived_from_the_first_sentence_up_to_a_late_comma():
    cleaned = clean(article(head=()))
    assert cleaned.title == "أعلنت وزارة الدفاع الروسية، صباح الأحد، عن هدنة إنسانية لمدة ثلاثة أيام في ريف إدلب الجنوبي"
    assert cleaned.body == body_of(P1, P2, P3)


def test_a_derived_title_stops_at_a_question_mark_and_keeps_no_punctuation():
    assert derive_title("هل انتهت المفاوضات؟ يسأل كثيرون بعد انسحاب الوفد.") == "هل انتهت المفاوضات"


def test_a_long_first_sentence_is_cut_at_a_word_boundary_within_120_characters():
    sentence = " ".join(["المفاوضات"] * 30) + "."
    title = derive_title(sentence)
    assert len(title) <= 120
    assert sentence.startswith(title) and sentence[len(title)] == " "


def test_decimal_points_and_abbreviations_do_not_end_the_derived_title():
    title = derive_title("ارتفع عدد اللاجئين إلى 4.8 مليون لاجئ في دول الجوار خلال العام الماضي وحده. ثم")
    assert title == "ارتفع عدد اللاجئين إلى 4.8 مليون لاجئ في دول الجوار خلال العام الماضي وحده"


def test_paragraphs_are_joined_by_one_blank_line_and_characters_inside_lines_are_kept():
    inner = "قال كيري:\u00a0«لن نتخلّى عن الحلّ السياسيّ»، وأضاف أنّ ’الهدنة‘ ما زالت ممكنة رغم الخروقات."
    raw = f"  {TITLE}  \r\n\r\n\r\n\t{P1}   \r\n{inner}\r\n\r\n\u200f{P2}\n\n\n"
    cleaned = clean(raw)
    assert cleaned.body == body_of(P1, inner, P2)
    assert not cleaned.body.endswith("\n")


def test_removed_lists_every_dropped_line_in_order():
    cleaned = clean(article("شارك هذا المقال", tail=("•", "وكالات")))
    assert cleaned.removed == ["شارك هذا المقال", "•", "وكالات"]
    assert isinstance(cleaned, Cleaned)


def test_empty_text_gives_empty_title_and_body():
    assert clean("\n  \n") == Cleaned(title="", body="", removed=[])


@pytest.mark.skipif(not RAW_SEEDS.is_dir(), reason="raw seed texts not available")
def test_the_raw_seeds_clean_to_the_editors_bodies():
    for raw in sorted(RAW_SEEDS.glob("*.txt")):
        expected = (ROOT / "fixtures" / "seeds" / f"{raw.name[:3]}.txt").read_text(encoding="utf-8")
        assert clean(raw.read_text(encoding="utf-8")).body == expected, raw.name


def test_the_cleaning_module_needs_no_django():
    code = "import sys, archive.ingest.cleaning, archive.ingest.dates; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
