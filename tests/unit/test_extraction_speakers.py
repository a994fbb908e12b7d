"""Who said it: speakers as agency and newspaper copy names them (unknown people, offices, institutions, sources), on text written here."""

import pytest

from archive.ingest.evaluate import same_speaker
from archive.ingest.extraction import extract
from tests.unit.ingest_samples import said, seed_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return seed_gazetteer()


# ---- the three sentences a new user tried first


@pytest.mark.parametrize("body,speaker", [
    ("وقالت الأمم المتحدة في بيان إن القوافل الإنسانية لم تدخل البلدة منذ أشهر.", "org:الأمم المتحدة"),
    ("وأعلنت وزارة الدفاع التركية أن طائراتها قصفت مواقع للتنظيم.", "org:وزارة الدفاع التركية"),
    ("وقالت مصادر دبلوماسية إن الاجتماع المقبل سيعقد في فيينا.", "anon:مصادر دبلوماسية"),
    ("وأفاد مصدر ديبلوماسي غربي بأن واشنطن تدرس خيارات جديدة.", "anon:مصدر ديبلوماسي غربي"),
    ("وبحسب مصادر مطلعة، فإن الوفد سيصل غدا.", "anon:مصادر مطلعة"),
    ("وقال رجب طيب أردوغان إن بلاده لن تسمح بقيام كيان على حدودها.", "new:رجب طيب أردوغان"),
    ("وأكّد المنسق العام للهيئة ورئيس الوفد حسن عبد العظيم أنّ «المعارضة لن تذهب إلى جنيف بلا ضمانات».",
     "new:حسن عبد العظيم"),
])
def test_unknown_speakers_are_kept_with_their_kind(gaz, body, speaker):
    found = said(body, gaz)
    assert len(found) == 1 and same_speaker(found[0][0], speaker), found


def test_follow_on_cue_goes_to_the_unknown_speaker_in_between_not_to_a_known_one(gaz):
    body = ("قال لافروف إن موسكو تدعم الهدنة.\n\n"
            "من جهته، قال المندوب الروسي لدى الأمم المتحدة فيتالي تشوركين إن مشروع القرار غير متوازن.\n\n"
            "وأضاف أن الغرب يسعى إلى تبرير التصعيد.")
    assert [s for s, _ in said(body, gaz)] == ["sergey-lavrov", "new:فيتالي تشوركين", "new:فيتالي تشوركين"]


def test_an_honorific_goes_on_with_the_last_minister(gaz):
    body = ("وقال وزير الدولة للشؤون الخارجية أنور قرقاش إن الحل في سوريا سياسي.\n\n"
            "وأكد معاليه أن بلاده تدعم جهود المبعوث الأممي.")
    assert [s for s, _ in said(body, gaz)] == ["new:أنور قرقاش", "new:أنور قرقاش"]


def test_a_quote_then_kama_qala_an_unknown_official_is_not_given_to_a_known_one(gaz):
    body = ("قال كيري إن المحادثات مستمرة.\n\n"
            "وتابع مسؤول أمريكي آخر أن واشنطن لن تتراجع عن موقفها.")
    assert same_speaker(said(body, gaz)[1][0], "anon:مسؤول أمريكي آخر")


def test_a_definite_role_goes_on_with_the_unnamed_official_it_names_again(gaz):
    body = "وقال مسؤول روسي إن الهدنة صامدة. وأضاف المسؤول أن الخروقات محدودة."
    assert [s for s, _ in said(body, gaz)] == ["anon:مسؤول روسي", "anon:مسؤول روسي"]


@pytest.mark.parametrize("body,speaker", [
    ("وقال المتحدث باسم الائتلاف أنس العبدة إنهم تمكنوا من التوصل إلى اتفاق.", "new:أنس العبدة"),
    ("وقال رئيس الهيئة رياض حجاب وأعضاء الوفد إن المعارضة موحدة.", "new:رياض حجاب"),
])
def test_a_name_stops_at_that_and_at_a_second_party(gaz, body, speaker):
    assert said(body, gaz)[0][0] == speaker


def test_no_speaker_is_made_of_anna_forms(gaz):
    found = extract("وأضاف المسؤول أنهم تمكنوا من ذلك.", "2016-06-01", gaz)
    assert all("أنهم" not in (s.new_speaker.name if s.new_speaker else "") for s in found.statements)


@pytest.mark.parametrize("body", [
    "وقال دي مستورا: «المفاوضات ستستأنف الأسبوع المقبل في جنيف».",
    "وقال ستيفان ديميستورا: «المفاوضات ستستأنف الأسبوع المقبل في جنيف».",
    "وقال دى ميستورا: «المفاوضات ستستأنف الأسبوع المقبل في جنيف».",
])
def test_transliteration_variants_of_a_known_name(gaz, body):
    assert said(body, gaz)[0][0] == "staffan-de-mistura"


def test_a_variant_of_a_known_name_is_the_known_person_and_reported_as_a_spelling(gaz):
    found = extract("وقال سيرجي لافروف: «لا حل عسكريا للأزمة السورية على الإطلاق».", "2016-06-01", gaz)
    assert [s.speaker_key for s in found.statements] == ["sergey-lavrov"] and found.new_people == []
    assert found.spellings == [("sergey-lavrov", "سيرجي لافروف")]


def test_a_short_word_that_reads_like_a_name_is_not_that_name(gaz):
    assert said("وقال السد إن المياه تكفي.", gaz)[0][0] != "bashar-al-assad"


def test_persian_letters_in_a_known_name(gaz):
    assert said("وقال کیری إن المحادثات مستمرة.", gaz) == [("john-kerry", "المحادثات مستمرة")]


def test_interview_answers_belong_to_the_person_interviewed(gaz):
    body = ("وفي حوار مع الموقع، تحدث رئيس المجلس المحلي أحمد الحسن عن الوضع في المدينة.\n"
            "ما هي أولويات المجلس اليوم؟\n"
            "- أولويتنا تأمين الخبز والماء للأهالي قبل أي شيء آخر.\n"
            "هل تلقيتم دعما من الحكومة المؤقتة؟\n"
            "- لم نتلق أي دعم حتى الآن رغم الوعود الكثيرة.")
    assert said(body, gaz) == [("new:أحمد الحسن", "أولويتنا تأمين الخبز والماء للأهالي قبل أي شيء آخر"),
                               ("new:أحمد الحسن", "لم نتلق أي دعم حتى الآن رغم الوعود الكثيرة")]


@pytest.mark.parametrize("body,speaker", [
    ("وفي أنقرة، قال رئيس الوزراء بن علي يلدريم، في مؤتمر صحفي، إن القوات دخلت المنطقة.", "new:بن علي يلدريم"),
    ("وقال رئيس المجلس المحلي لمدينة داريا فادي أبو خالد لأورينت نت إن الاتفاق فرض عليهم.", "new:فادي أبو خالد"),
    ("وقال مدير الدفاع المدني بريف دمشق خالد أبو أنس إن الفرق عاجزة.", "new:خالد أبو أنس"),
    ("وقالت المندوبة الأمريكية لدى الأمم المتحدة نيكي هيلي أمام المجلس إن روسيا اختارت النظام.", "new:نيكي هيلي"),
    ("أكد سعادة الدكتور خالد بن محمد العطية وزير الخارجية أن التدخل الروسي فاشل.", "new:خالد بن محمد العطية"),
    ("وقال محمد بن عبدالرحمن آل ثاني إن قطر لن تتراجع.", "new:محمد بن عبدالرحمن آل ثاني"),
    ("وقال مصدر ديبلوماسي غربي واكب الجولة لـ«الحياة» إن الضغط الروسي كان حاسما.", "anon:مصدر ديبلوماسي غربي"),
])
def test_names_after_and_before_titles(gaz, body, speaker):
    assert said(body, gaz)[0][0] == speaker


def test_a_role_named_again_is_the_person_it_introduced(gaz):
    body = ("أكد نائب رئيس الوزراء وزير الخارجية والمغتربين وليد المعلم في دمشق أن الوفد سيتوجه إلى جنيف.\n\n"
            "واعتبر وزير الخارجية والمغتربين أن المبعوث تجاوز حدود مهمته.")
    assert said(body, gaz)[1][0] == "new:وليد المعلم"


def test_a_family_name_or_a_definite_source_goes_on_with_whom_it_names(gaz):
    body = ("أكد خالد بن محمد العطية وزير الخارجية أن التدخل الروسي فاشل. وأضاف العطية أن قطر لن تتراجع.\n\n"
            "وقالت مصادر دبلوماسية غربية إن الاتفاق قريب. وأضافت المصادر أن واشنطن تنتظر.")
    assert [s for s, _ in said(body, gaz)] == ["new:خالد بن محمد العطية"] * 2 + ["anon:مصادر دبلوماسية غربية"] * 2


def test_a_woman_named_after_a_feminine_title_goes_on_with_feminine_verbs(gaz):
    body = "قالت المندوبة الأمريكية سامانثا باور إن النظام يجوّع شعبه، وأضافت أن المساعدات لا تكفي."
    assert [s for s, _ in said(body, gaz)] == ["new:سامانثا باور", "new:سامانثا باور"]


def test_a_participle_goes_on_with_the_subject_of_a_verb_that_governed_no_statement(gaz):
    body = "أعلن وزير الخارجية عادل الجبير استعداد المملكة لإرسال قوات، موضحاً أن الرياض طرحت المقترح سابقا."
    assert said(body, gaz) == [("adel-al-jubeir", "الرياض طرحت المقترح سابقا")]


def test_a_courtesy_title_before_an_office_named_earlier_with_its_holder(gaz):
    body = ("أكد خالد بن محمد العطية وزير الخارجية أن التدخل الروسي فاشل.\n\n"
            "وفي سياق متصل، أعرب سعادة وزير الخارجية عن قلق بلاده من استهداف المستشفيات.")
    assert [s for s, _ in said(body, gaz)] == ["new:خالد بن محمد العطية"] * 2


def test_the_bare_title_is_the_holder_whose_title_it_is_most_nearly(gaz):
    body = ("التقى رئيس الجمهورية حسن روحاني رئيس مجلس الوزراء السوري عماد خميس في طهران.\n\n"
            "وقال رئيس مجلس الوزراء السوري عماد خميس إن دمشق لن تنسى مواقف طهران.\n\n"
            "وأضاف الرئيس أن العلاقات استراتيجية.")
    assert [s for s, _ in said(body, gaz)] == ["new:عماد خميس", "new:حسن روحاني"]


def test_a_role_goes_on_through_a_place_it_is_of(gaz):
    body = "وقال رئيس المجلس المحلي لمدينة دوما أبو عمر الخطيب إن المدينة تعيش أسوأ أيامها."
    assert said(body, gaz)[0][0] == "new:أبو عمر الخطيب"


@pytest.mark.parametrize("body,speaker", [
    ("وقال رئيس الوفد الروسي ألكسندر لافرنتييف للصحفيين إن المذكرة خطوة مهمة.", "new:ألكسندر لافرنتييف"),
    ("وقال متحدث باسمه ستيفان دوجاريك إن الوكالات جاهزة.", "new:ستيفان دوجاريك"),
    ("وقال رئيس المجلس المحلي لمدينة داريا «فادي أبو خالد» لأورينت نت إن الاتفاق فرض عليهم.", "new:فادي أبو خالد"),
    ("وقال رئيس مجلس الشورى الإسلامي علي لاريجاني إن العلاقات استراتيجية.", "new:علي لاريجاني"),
])
def test_names_that_begin_like_an_article_a_pronoun_or_a_preposition(gaz, body, speaker):
    assert said(body, gaz)[0][0] == speaker


@pytest.mark.parametrize("body", [
    "التقى وزير الخارجية عادل الجبير تطورات الأوضاع في سوريا. وقال الجبير إن الحل سياسي.",
    "وقال المتحدث لوكالة الأنباء الرسمية إن الحكومة ستتعامل بإيجابية مع القرار.",
])
def test_plurals_and_a_prepositions_noun_open_no_name(gaz, body):
    assert all(not (s or "").startswith("new:") for s, _ in said(body, gaz))


def test_a_headline_names_no_one_new(gaz):
    body = ("خطة المبعوث الدولي تصطدم بشروط الطرفين\n\n"
            "وقال المبعوث الدولي إن الأمم المتحدة ستعمل على وقف العنف.")
    assert said(body, gaz)[0][0] == "staffan-de-mistura"  # المبعوث الدولي = الأممي, de Mistura in 2016


def test_an_office_after_a_name_and_a_comma_is_that_persons(gaz):
    body = ("وقال حسين جابري أنصاري، رئيس الوفد الإيراني، إن الجولة ناجحة.\n\n"
            "وأضاف رئيس الوفد الإيراني أن الآلية الثلاثية ستراقب الالتزام.")
    assert [s for s, _ in said(body, gaz)] == ["new:حسين جابري أنصاري"] * 2


def test_an_indefinite_spokeswoman_is_an_unnamed_source(gaz):
    assert said("وقالت متحدثة باسم المبعوث إن المشاورات مستمرة.", gaz)[0][0] == "anon:متحدثة باسم المبعوث"


def test_a_participle_goes_on_with_its_sentences_verb_not_with_the_last_speaker(gaz):
    body = ("قال لافروف إن الهدنة صامدة.\n\n"
            "في المقابل، نفى المندوب السوري بشار الجعفري وجود مجاعة في مضايا، متهماً المسلحين بسرقة المساعدات.")
    assert said(body, gaz)[1] == ("new:بشار الجعفري", "سرقة المساعدات")


def test_a_countrys_name_makes_an_office_definite(gaz):
    body = "أما مندوب سوريا لدى الأمم المتحدة بشار الجعفري فقال إن الحكومة لن تتخلى عن واجبها."
    assert said(body, gaz)[0][0] == "new:بشار الجعفري"


@pytest.mark.parametrize("body,speaker", [
    ("لكن هادي البحرة رئيس الائتلاف الوطني السوري المعارض قال لرويترز إن أي تجميد للقتال لا معنى له.",
     "new:هادي البحرة"),
    ("وقال رئيس الوفد الإيراني، مساعد وزير الخارجية للشؤون العربية حسين جابري أنصاري، في حديث، إن الاتفاق خطوة أولى.",
     "new:حسين جابري أنصاري"),
    ("وقال المنسق العام لهيئة التنسيق الوطنية لقوى التغيير الديمقراطي، حسن عبد العظيم، في تصريح، إن المؤتمر نجح.",
     "new:حسن عبد العظيم"),
    ("قال رئيس المجلس المحلي لمدينة دوما، «أبو عمر الخطيب»، لعنب بلدي إن المدينة تعيش أسوأ أيامها.",
     "new:أبو عمر الخطيب"),
])
def test_a_name_before_its_office_or_after_it_and_a_comma(gaz, body, speaker):
    assert said(body, gaz)[0][0] == speaker


def test_a_counterpart_holds_the_office_of_the_person_he_is_counterpart_to(gaz):
    body = ("أعلن الرئيس التركي رجب طيب أردوغان أنه اتفق مع نظيره الروسي فلاديمير بوتين على منطقة منزوعة السلاح. "
            "وأضاف الرئيس الروسي أن الدوريات ستراقب المنطقة.")
    assert said(body, gaz)[1][0] == "new:فلاديمير بوتين"  # not رئيس لجنة الدفاع in the Russian senate


def test_the_secretary_general_is_an_office_and_a_bare_deputy_names_no_one(gaz):
    assert said("من جهته، قال الأمين العام للأمم المتحدة إن الوضع خطير.", gaz)[0][0] == \
        "role:الأمين العام للأمم المتحدة"
    body = "أكد نائب رئيس مجلس الوزراء وزير الخارجية وليد المعلم في دمشق أن الوفد سيتوجه إلى جنيف."
    assert said(body, gaz, "2016-06-01")[0][0] != "mark-toner"  # the US deputy spokesman's office is نائب المتحدث


def test_an_honorific_is_the_person_last_named_with_that_title(gaz):
    body = ("وتلقى سمو الشيخ عبدالله بن زايد آل نهيان وزير الخارجية اتصالاً هاتفياً من معالي بوريس جونسون "
            "وزير الخارجية البريطاني. وجدّد سموه التأكيد على موقف دولة الإمارات الداعم للحل.")
    assert said(body, gaz)[0][0] == "new:عبدالله بن زايد آل نهيان"


def test_a_countrys_name_and_its_adjective_are_one_office(gaz):
    body = ("وقال مندوب روسيا الدائم لدى الأمم المتحدة، فيتالي تشوركين، إن المشروع الفرنسي منحاز.\n\n"
            "وتابع المندوب الروسي: «عرضنا نصاً متوازناً».")
    assert [s for s, _ in said(body, gaz)] == ["new:فيتالي تشوركين"] * 2


def test_counterparts_named_together_and_then_by_office(gaz):
    body = ("وقال لافروف في مؤتمر صحفي مشترك مع نظيريه السوري وليد المعلم والإيراني محمد جواد ظريف: "
            "«نرى محاولات واضحة لإفشال العملية السياسية».\n"
            "من جهته، قال المعلم إن الضربة عدوان سافر.\n"
            "وتابع الوزير السوري: «ليس لدينا ما نخفيه».\n"
            "أما ظريف فأكد أن بلاده تدعم الحل السياسي.")
    assert [s for s, _ in said(body, gaz)] == [
        "sergey-lavrov", "new:وليد المعلم", "new:وليد المعلم", "new:محمد جواد ظريف"]


@pytest.mark.parametrize("body,speaker", [
    ("وفي جنيف قال يان إيجلاند رئيس فريق العمل الإنساني إن المنظمة ليست طرفا.", "new:يان إيجلاند"),
    ("وقال الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ إن الحلف يقف مع تركيا.", "new:ينس ستولتنبرغ"),
])
def test_where_he_spoke_and_the_body_an_office_belongs_to_are_not_the_speaker(gaz, body, speaker):
    assert said(body, gaz)[0][0] == speaker


@pytest.mark.parametrize("body,speaker", [
    ("قال فرانسوا دولاتر إن حلب أصبحت غرنيكا جديدة.\n"
     "وكان المبعوث الأممي ستيفان دي ميستورا قد أبلغ أعضاء المجلس أن الأحياء تعرضت لقصف غير مسبوق، "
     "محذراً من أن المدينة قد تُمحى.", "staffan-de-mistura"),
    ("قال حسين جابري أنصاري إن الاتفاق خطوة أولى.\n"
     "بدوره، رحّب المبعوث الأممي ستيفان دي ميستورا بالبيان الختامي، وقال في مؤتمر صحفي إن الأمم المتحدة مستعدة.",
     "staffan-de-mistura"),
])
def test_a_subjectless_cue_goes_on_with_the_subject_its_sentence_opened_with(gaz, body, speaker):
    assert said(body, gaz)[-1][0] == speaker


def test_a_counterpart_holds_the_whole_office_with_his_own_country(gaz):
    body = ("وقال وزير الخارجية الإيراني محمد جواد ظريف إن التعاون الثلاثي ناجح، "
            "بحضور نظيره التركي مولود جاويش أوغلو.\n"
            "من جهته، دعا وزير الخارجية التركي إلى وقف الدعم الخارجي للجماعات المسلحة.")
    assert said(body, gaz)[-1][0] == "new:مولود جاويش أوغلو"


def test_a_second_counterpart_after_a_known_one(gaz):
    body = ("جاء ذلك في مؤتمر صحفي مشترك مع نظيريه الروسي سيرغي لافروف، والإيراني محمد جواد ظريف.\n"
            "أما ظريف فأكد أن بلاده تدعم الحل السياسي.")
    assert said(body, gaz)[0][0] == "new:محمد جواد ظريف"


def test_interview_answers_after_an_introduction_naming_the_role_again(gaz):
    body = ("قال رئيس المجلس المحلي لمدينة دوما أبو عمر الخطيب إن المدينة تعيش أسوأ أيامها.\n"
            "وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الغوطة جحيم على الأرض.\n"
            "وفي ما يلي جزء من حديث رئيس المجلس المحلي:\n"
            "هل هناك مفاوضات لإخراج الجرحى؟\n"
            "- سلّمنا الأمم المتحدة قوائم بأكثر من 700 حالة حرجة.")
    assert said(body, gaz)[-1][0] == "new:أبو عمر الخطيب"


def test_a_possessed_noun_after_a_title_is_no_name(gaz):
    body = "قال وزير الخارجية عادل الجبير إن الحل سياسي. وختم الوزير حديثه بالقول إن الدعم لن يتوقف."
    assert all(s != "new:حديثه" for s, _ in said(body, gaz))


@pytest.mark.parametrize("body,speaker", [
    ("وكانت القيادة العامة للجيش والقوات المسلحة قد أعلنت في بيان أن طائرات التحالف استهدفت الموقع.",
     "org:القيادة العامة للجيش والقوات المسلحة"),
    ("وفي الرياض، صرّح مصدر مسؤول في وزارة الخارجية السعودية بأن المملكة تؤيد العمليات.",
     "anon:مصدر مسؤول في وزارة الخارجية السعودية"),
])
def test_institutions_and_sources_in_the_other_slots_news_copy_puts_them(gaz, body, speaker):
    assert said(body, gaz)[0][0] == speaker


def test_a_participle_after_an_institution_that_issued_a_statement(gaz):
    body = ("قال لافروف إن الحل سياسي.\n"
            "وأصدرت وزارة الخارجية الكويتية بياناً أعربت فيه عن بالغ القلق، مطالبة جميع الأطراف باحترام القانون الدولي.")
    assert [s for s, _ in said(body, gaz)][1:] == ["org:وزارة الخارجية الكويتية"] * 2


@pytest.mark.parametrize("body,speaker", [
    ("وفي واشنطن قال وزير الخارجية الأمريكي إن ما جرى مذبحة، ودعا موسكو ودمشق إلى السماح لمراقبين بدخول الأحياء.",
     "john-kerry"),
    ("ورحّب الأمين العام للأمم المتحدة بالقرار، وقال في بيان إنه يتوقع تطبيقه فوراً.", "role:الأمين العام للأمم المتحدة"),
    ("علّق المبعوث الدولي إلى سورية مساء أمس المحادثات، وقال في مؤتمر صحافي إن الجولة لم تفشل.",
     "staffan-de-mistura"),
    ("بدوره، أجرى وزير الخارجية التركي اتصالاً مع نظيره الأمريكي، أكّد خلاله أن العملية تستهدف الإرهابيين.",
     "role:وزير الخارجية التركي"),
])
def test_the_speaker_a_sentence_named_first_goes_on_after_a_non_speech_verb(gaz, body, speaker):
    assert said(body, gaz)[-1][0] == speaker


def test_a_definite_noun_names_again_the_institution_or_source_named_before(gaz):
    body = ("وجّهت وزارة الخارجية والمغتربين رسالتين إلى الأمين العام.\n\n"
            "وقالت الوزارة في رسالتيها إن العدوان مهّد الطريق للإرهابيين.\n\n"
            "وأضافت الخارجية أن الغارات جاءت بعد أيام من الاتفاق.\n\n"
            "في سياق متصل، صرّح مصدر رسمي في الوزارة بأن سورية تدين العدوان.\n\n"
            "وأضاف المصدر أن ما جرى عمل متعمد.")
    assert [s for s, _ in said(body, gaz)] == ["org:وزارة الخارجية والمغتربين"] * 2 + ["anon:مصدر رسمي في الوزارة"] * 2


@pytest.mark.parametrize("body", ["وقالت الحكومة إن الوضع مستقر.", "وقال جيش إن الوضع مستقر."])
def test_one_common_noun_with_nothing_before_names_no_one(gaz, body):
    assert said(body, gaz)[0][0] is None


def test_a_body_with_a_one_word_name_speaks(gaz):
    assert said("وزعم البنتاغون أن الطيارين أخطأوا الهدف.", gaz)[0][0] == "org:البنتاغون"


def test_the_envoy_of_the_secretary_general_is_the_un_envoy(gaz):
    body = "وأعرب المبعوث الخاص للأمين العام للأمم المتحدة إلى سورية عن أمله في أن يطبق القرار فوراً."
    assert said(body, gaz)[0][0] == "staffan-de-mistura"


@pytest.mark.parametrize("body,speaker", [
    ("وكتب المتحدث باسم هيئة أركان «جيش الإسلام» عبر حسابه في تويتر أن «الغوطة لن تكون داريا ثانية».",
     "role:المتحدث باسم هيئة أركان"),
    ("وغرّد وزير الخارجية عادل الجبير أن المملكة تقف مع الشعب السوري.", "adel-al-jubeir"),
])
def test_written_and_tweeted_words_are_statements(gaz, body, speaker):
    assert same_speaker(said(body, gaz)[0][0], speaker)


def test_the_outlet_spoken_to_is_not_the_speaker(gaz):
    body = ("وفي ما يلي جزء من حديث رئيس المجلس المحلي لعنب بلدي:\n"
            "هل هناك مفاوضات؟\n- لا مفاوضات حتى الآن مع أي طرف.")
    assert all(s != "new:لعنب بلدي" for s, _ in said(body, gaz))
