"""What was said in the structures agency and newspaper copy uses: cues, spans and layouts, on text written here."""

import pytest

from archive.ingest.extraction import extract
from tests.unit.ingest_samples import said, seed_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return seed_gazetteer()


# ---- the three sentences a new user tried first


def test_a_reply_with_shadda_is_speech(gaz):
    body = "وردّ لافروف بأن «الحديث عن انسحاب روسي من سوريا لا أساس له من الصحة»."
    assert said(body, gaz) == [("sergey-lavrov", "الحديث عن انسحاب روسي من سوريا لا أساس له من الصحة")]


def test_a_role_with_no_known_holder_on_the_day_is_an_unreviewed_role_not_the_former_holder(gaz):
    body = "وقال الوزير الأمريكي للصحفيين في ختام المحادثات: «لن نقبل بأي دور للأسد في مستقبل سوريا»."
    (speaker, words), = said(body, gaz, "2017-04-12")
    assert speaker == "role:وزير الخارجية الأمريكي" and words.startswith("لن نقبل")
    assert said(body, gaz, "2016-04-12")[0][0] == "john-kerry"  # while Kerry held the office


def test_a_minister_of_a_country_the_archive_has_no_holder_for_is_a_role_speaker(gaz):
    body = "اعتبر وزير الخارجية التركي في تصريح لوكالة الأناضول أن «العملية السياسية في جنيف تحتاج إلى دفعة جديدة»."
    assert said(body, gaz) == [("role:وزير الخارجية التركي", "العملية السياسية في جنيف تحتاج إلى دفعة جديدة")]


def test_according_to_a_resolution_inside_the_words_does_not_cut_them(gaz):
    body = "قال لافروف إن الحل يجب أن يكون وفق القرار 2254 الصادر عن مجلس الأمن."
    assert said(body, gaz) == [("sergey-lavrov", "الحل يجب أن يكون وفق القرار 2254 الصادر عن مجلس الأمن")]


def test_according_to_a_source_attributes_the_sentence(gaz):
    body = "تأجل الاجتماع إلى الأسبوع المقبل، بحسب ما أعلنت الخارجية الروسية."
    assert said(body, gaz) == [("russian-foreign-ministry", "تأجل الاجتماع إلى الأسبوع المقبل")]


def test_a_denial_keeps_its_negation(gaz):
    body = "أكد لافروف أن بلاده لن تتدخل بريا، نافياً أن تكون موسكو قد أرسلت قوات خاصة إلى حلب."
    assert said(body, gaz)[1] == ("sergey-lavrov", "نافياً أن تكون موسكو قد أرسلت قوات خاصة إلى حلب")


def test_a_quoted_name_is_not_a_quote(gaz):
    assert said("وأكد لافروف أن «المعلم» سيزور موسكو قريبا.", gaz) == [
        ("sergey-lavrov", "«المعلم» سيزور موسكو قريبا")]


def test_words_on_the_line_after_a_colon(gaz):
    body = "وقال لافروف للصحفيين في موسكو:\nلا يمكن أن نقبل بأي شروط مسبقة من المعارضة.\nوتشهد حلب معارك."
    assert said(body, gaz) == [("sergey-lavrov", "لا يمكن أن نقبل بأي شروط مسبقة من المعارضة")]


def test_a_quote_over_two_paragraphs_is_one_statement(gaz):
    body = ("قال لافروف: «إن الهدنة يجب أن تستمر في كل المناطق.\n\n"
            "«ولن نقبل بأي خرق من أي طرف كان».\n\nوتشهد حلب هدوءا حذرا.")
    (speaker, words), = said(body, gaz)
    assert speaker == "sergey-lavrov" and words.startswith("إن الهدنة") and words.endswith("من أي طرف كان")


def test_every_proposal_says_its_cue_and_rule_and_a_confidence(gaz):
    found = extract("وقالت مصادر دبلوماسية إن الاجتماع المقبل سيعقد في فيينا.", "2016-06-01", gaz).statements
    reason = found[0].reason
    assert reason.startswith("cue «وقالت»") and ("anonymous" in reason or "unnamed source" in reason)
    assert 0 < found[0].confidence < 0.9  # less sure than a named, known speaker


def test_an_attribution_word_inside_the_words_or_naming_a_text_is_not_the_writers(gaz):
    body = "وقال لافروف إن المملكة ستواصل دعم الحل إلى أن يتحقق الانتقال السياسي وفق بيان جنيف الأول."
    assert said(body, gaz) == [("sergey-lavrov", "المملكة ستواصل دعم الحل إلى أن يتحقق الانتقال السياسي وفق بيان جنيف الأول")]


def test_after_a_fronted_subject_an_imperfect_verb_is_followed_by_its_object(gaz):
    body = "وجاء في الرسالة: إن الحكومة السورية تطالب مجلس الأمن بإدانة هذا العدوان."
    assert all(s != "org:مجلس الأمن" for s, _ in said(body, gaz))


def test_a_speech_verb_in_a_relative_clause_reports_nothing(gaz):
    body = "وقال لافروف إن العدوان الذي يكشف زيف ادعاءات واشنطن لن يمر."
    assert said(body, gaz) == [("sergey-lavrov", "العدوان الذي يكشف زيف ادعاءات واشنطن لن يمر")]


def test_a_second_that_clause_with_its_own_quote_is_the_same_statement(gaz):
    body = "وأكّد لافروف أن العملية “تستهدف الإرهابيين حصراً”، وأن روسيا “تحترم وحدة الأراضي السورية”."
    assert said(body, gaz) == [("sergey-lavrov",
                                "العملية “تستهدف الإرهابيين حصراً”، وأن روسيا “تحترم وحدة الأراضي السورية”")]
