"""Hand-written test articles in styles the seeds lack, with their gold statements and places.

Written for the extractor's evaluation (reported apart from the seeds): no title line, «» and
ASCII quotes, tashkeel, feminine speakers, unknown speakers introduced by role + name, كيري and
كيربي in one text, a role resolved by the publication date, and an article with no statements.
Spans follow the curation's conventions: a direct quote is the words inside the marks; reported
speech is the clause after إن/أن/على/إلى (أن), without the final period.
"""

import json
from pathlib import Path

from archive.ingest.extraction import Gazetteer, gazetteer_dicts_from_curation

CURATION = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "curation.json"

EXTRA_PEOPLE = [
    {"key": "maria-zakharova", "name": "ماريا زاخاروفا", "name_en": "Maria Zakharova", "kind": "person",
     "aliases": ["زاخاروفا", "Zakharova"],
     "positions": [{"title": "المتحدثة الرسمية باسم وزارة الخارجية الروسية", "title_en": "Russian MFA spokeswoman",
                    "start": "2015-08-10", "end": None}]},
    {"key": "mike-pompeo", "name": "مايك بومبيو", "name_en": "Mike Pompeo", "kind": "person",
     "aliases": ["بومبيو", "Pompeo"],
     "positions": [{"title": "وزير الخارجية الأمريكي", "title_en": "US Secretary of State",
                    "start": "2018-04-26", "end": "2021-01-20"}]},
    {"key": "rex-tillerson", "name": "ريكس تيلرسون", "name_en": "Rex Tillerson", "kind": "person",
     "aliases": ["تيلرسون", "Tillerson"],
     "positions": [{"title": "وزير الخارجية الأمريكي", "title_en": "US Secretary of State",
                    "start": "2017-02-01", "end": "2018-03-31"}]},
]


def sample_gazetteer():
    """The curation's people and places plus the few people these samples need."""
    people, places = gazetteer_dicts_from_curation(json.loads(CURATION.read_text(encoding="utf-8")))
    return Gazetteer.from_dicts(people + EXTRA_PEOPLE, places)


def _s(text, speaker, kind, place=None):
    return {"text": text, "speaker": speaker, "kind": kind, "place": place}


SAMPLES = [
    {
        "name": "zakharova",  # no title, «» quotes, tashkeel, a feminine speaker, a new speaker
        "published": "2016-09-22",
        "body": (
            "قالت المتحدثة الرسمية باسم وزارة الخارجية الروسية، ماريا زاخاروفا، في مؤتمر صحفي عقدته في موسكو "
            "اليوم الخميس، إن «الوضع الإنساني بحلب يتطلب تعاوناً دولياً عاجلاً، ولا يحتمل مزيداً من التأجيل».\n\n"
            "وأضافت زاخاروفا أنَّ بلادَها لن تقبلَ بأيِّ تدخُّلٍ عسكريٍّ خارجيٍّ في سوريا خارجَ إطار القانون الدولي.\n\n"
            "وتابعت: «نحن نعمل مع شركائنا في جنيف من أجل حل سياسي شامل. لا بديل عن الحوار».\n\n"
            "ولفتت إلى أن موسكو سلّمت الأمم المتحدة قائمة بالفصائل التي ترفض الهدنة في إدلب وريف حماة.\n\n"
            "من جهته، قال السفير السوري لدى الأمم المتحدة بشار الجعفري إن «الحكومة السورية ملتزمة بالهدنة ما "
            "دامت الفصائل تلتزم بها».\n\n"
            "وأكد الجعفري أن دمشق ستواصل «مكافحة الإرهاب» في كل المناطق.\n\n"
            "وتشهد مدينة حلب منذ أسابيع قصفاً متبادلاً، فيما تعيش الغوطة الشرقية حصاراً خانقاً."
        ),
        "statements": [
            _s("الوضع الإنساني بحلب يتطلب تعاوناً دولياً عاجلاً، ولا يحتمل مزيداً من التأجيل",
               "maria-zakharova", "quote", "moscow"),
            _s("بلادَها لن تقبلَ بأيِّ تدخُّلٍ عسكريٍّ خارجيٍّ في سوريا خارجَ إطار القانون الدولي",
               "maria-zakharova", "paraphrase", "moscow"),
            _s("نحن نعمل مع شركائنا في جنيف من أجل حل سياسي شامل. لا بديل عن الحوار",
               "maria-zakharova", "quote", "moscow"),
            _s("موسكو سلّمت الأمم المتحدة قائمة بالفصائل التي ترفض الهدنة في إدلب وريف حماة",
               "maria-zakharova", "paraphrase", "moscow"),
            _s("الحكومة السورية ملتزمة بالهدنة ما دامت الفصائل تلتزم بها", "new:بشار الجعفري", "quote"),
            _s("دمشق ستواصل «مكافحة الإرهاب» في كل المناطق", "new:بشار الجعفري", "paraphrase"),
        ],
        "places": ["moscow", "aleppo", "syria", "geneva", "idlib", "damascus", "eastern-ghouta"],
    },
    {
        "name": "kerry-kirby",  # a title line, ASCII quotes, كيري and كيربي, a quote before its verb
        "published": "2016-09-28",
        "body": (
            "كيري وكيربي: لا تعاون عسكرياً مع موسكو قبل وقف القصف\n\n"
            "قال المتحدث باسم وزارة الدفاع الأمريكية جون كيربي، للصحفيين في واشنطن، إن الضربات الجوية ضد "
            "تنظيم \"داعش\" في دير الزور ستتواصل دون تنسيق مع الجانب الروسي.\n\n"
            "وأوضح كيربي أن البنتاغون \"لم يتلق أي طلب رسمي\" من موسكو لتبادل المعلومات حول الأهداف.\n\n"
            "في المقابل، أكد وزير الخارجية الأمريكي في مؤتمر صحفي أن واشنطن ستعلق المحادثات الثنائية مع روسيا "
            "إذا استمر قصف حلب.\n\n"
            "\"لن نجلس إلى الطاولة بينما تسقط القنابل على المستشفيات\"، قال كيري.\n\n"
            "وأضاف أن الإدارة الأمريكية تدرس \"خيارات أخرى\"، من دون أن يكشف عنها.\n\n"
            "وكان كيربي قد حذر في وقت سابق من أن أي هجوم على القوات الأمريكية \"سيقابل برد حازم\"."
        ),
        "statements": [
            _s("الضربات الجوية ضد تنظيم \"داعش\" في دير الزور ستتواصل دون تنسيق مع الجانب الروسي",
               "new:جون كيربي", "paraphrase", "washington"),
            _s("البنتاغون \"لم يتلق أي طلب رسمي\" من موسكو لتبادل المعلومات حول الأهداف",
               "new:جون كيربي", "paraphrase", "washington"),
            _s("واشنطن ستعلق المحادثات الثنائية مع روسيا إذا استمر قصف حلب", "john-kerry", "paraphrase"),
            _s("لن نجلس إلى الطاولة بينما تسقط القنابل على المستشفيات", "john-kerry", "quote"),
            _s("الإدارة الأمريكية تدرس \"خيارات أخرى\"", "john-kerry", "paraphrase"),
            _s("أي هجوم على القوات الأمريكية \"سيقابل برد حازم\"", "new:جون كيربي", "paraphrase"),
        ],
        "places": ["moscow", "washington", "deir-ez-zor", "russia", "aleppo"],
    },
    {
        "name": "pompeo-2018",  # a role only, resolved by the date; نظيره; بحسب; ” as an opener
        "published": "2018-05-20",
        "body": (
            "أعلن وزير الخارجية الأمريكي أن بلاده ستواصل دعم مسار جنيف، وذلك خلال اتصال هاتفي أجراه مع "
            "نظيره الروسي سيرغي لافروف.\n\n"
            "وشدد الوزير الأمريكي على ضرورة وقف العمليات العسكرية بالغوطة الشرقية فوراً.\n\n"
            "كما أكد أن الولايات المتحدة لن تشارك في أي عملية إعادة إعمار قبل انطلاق عملية سياسية حقيقية.\n\n"
            "بدوره، قال لافروف:” إن بلاده لن تسمح بتقسيم سوريا تحت أي ذريعة”.\n\n"
            "وبحسب وزارة الخارجية الروسية، فإن الوزيرين اتفقا على مواصلة الاتصالات بشأن الوضع في دير الزور "
            "ودرعا."
        ),
        "statements": [
            _s("بلاده ستواصل دعم مسار جنيف", "mike-pompeo", "paraphrase"),
            _s("ضرورة وقف العمليات العسكرية بالغوطة الشرقية فوراً", "mike-pompeo", "paraphrase"),
            _s("الولايات المتحدة لن تشارك في أي عملية إعادة إعمار قبل انطلاق عملية سياسية حقيقية",
               "mike-pompeo", "paraphrase"),
            _s("إن بلاده لن تسمح بتقسيم سوريا تحت أي ذريعة", "sergey-lavrov", "quote"),
            _s("الوزيرين اتفقا على مواصلة الاتصالات بشأن الوضع في دير الزور ودرعا",
               "russian-foreign-ministry", "paraphrase"),
        ],
        "places": ["geneva", "eastern-ghouta", "united-states", "syria", "deir-ez-zor"],
    },
    {
        "name": "no-speech",  # the writer's voice only: quoted names and titles, passive يذكر/يشار
        "published": "2017-03-02",
        "body": (
            "يذكر أن تنظيم \"داعش\" سيطر على مدينة تدمر عام 2015، ويشار إلى أن \"جيش الإسلام\" انسحب لاحقاً "
            "من الغوطة الشرقية.\n\n"
            "وعرضت قناة \"روسيا اليوم\" تقريراً بعنوان «حلب: المدينة المنسية»، فيما نشرت صحيفة «الشرق الأوسط» "
            "صوراً للدمار.\n\n"
            "وتعد الرقة ومنبج من أكثر المدن تضرراً."
        ),
        "statements": [],
        "places": ["eastern-ghouta", "russia", "aleppo", "manbij"],
    },
    {
        "name": "white-house",  # single quotes, a feminine institution, an unnamed spokesman named later
        "published": "2016-02-15",
        "body": (
            "قالت وزارة الخارجية الأمريكية في بيان، الأحد، إن 'الهجمات على المدارس والمستشفيات في ريف حلب "
            "الشمالي تمثل انتهاكاً صارخاً للقانون الدولي'، مطالبةً موسكو باستخدام نفوذها لوقف القصف.\n\n"
            "وأضافت الوزارة أنها تتابع \"بقلق بالغ\" التقارير عن نزوح آلاف المدنيين نحو الحدود التركية.\n\n"
            "وقال متحدث باسم البيت الأبيض إن الرئيس الأمريكي ناقش الملف مع قادة أوروبيين. وأضاف جوش ايرنست "
            "أن واشنطن لا تزال تعتقد أن الحل العسكري \"مستحيل\".\n\n"
            "وختم قائلاً: لا يمكن لأي طرف أن يحسم هذه الحرب بالقوة.\n\n"
            "وفي موسكو، اعتبر مسؤول روسي أن الاتهامات الأمريكية \"لا أساس لها من الصحة\"."
        ),
        "statements": [
            _s("الهجمات على المدارس والمستشفيات في ريف حلب الشمالي تمثل انتهاكاً صارخاً للقانون الدولي",
               "us-state-department", "quote"),
            _s("استخدام نفوذها لوقف القصف", "us-state-department", "paraphrase"),
            _s("تتابع \"بقلق بالغ\" التقارير عن نزوح آلاف المدنيين نحو الحدود التركية",
               "us-state-department", "paraphrase"),
            _s("الرئيس الأمريكي ناقش الملف مع قادة أوروبيين", "josh-earnest", "paraphrase"),
            _s("واشنطن لا تزال تعتقد أن الحل العسكري \"مستحيل\"", "josh-earnest", "paraphrase"),
            _s("لا يمكن لأي طرف أن يحسم هذه الحرب بالقوة", "josh-earnest", "quote"),
            _s("الاتهامات الأمريكية \"لا أساس لها من الصحة\"", None, "paraphrase", "moscow"),
        ],
        "places": ["aleppo", "moscow", "washington"],
    },
    {
        "name": "agency-wire",  # dateline, name then title in apposition, أما ... فقال, analysts and sources
        "published": "2016-12-20",
        "body": (
            "موسكو - (رويترز): قال سيرغي لافروف، وزير الخارجية الروسي، إن وقف إطلاق النار في حلب «يجب أن "
            "يشمل جميع الأحياء الشرقية دون استثناء».\n\n"
            "أما نظيره الأمريكي جون كيري فقال في اتصال مع الصحفيين إن واشنطن لم تتلق بعد ضمانات كافية.\n\n"
            "ويقول محللون إن الاتفاق قد ينهار خلال أيام إذا لم تتوقف الغارات.\n\n"
            "ونقلت وكالة سبوتنيك عن مصدر دبلوماسي قوله إن جولة جديدة من المحادثات ستعقد في جنيف مطلع العام.\n\n"
            "وأكد دي ميستورا في بيان صدر عن مكتبه أنه مستعد لاستضافة الأطراف في أي وقت، لافتا إلى أن "
            "«الوقت ليس في صالح المدنيين»."
        ),
        "statements": [
            _s("يجب أن يشمل جميع الأحياء الشرقية دون استثناء", "sergey-lavrov", "quote"),
            _s("واشنطن لم تتلق بعد ضمانات كافية", "john-kerry", "paraphrase"),
            _s("الاتفاق قد ينهار خلال أيام إذا لم تتوقف الغارات", None, "paraphrase"),
            _s("جولة جديدة من المحادثات ستعقد في جنيف مطلع العام", None, "paraphrase"),
            _s("مستعد لاستضافة الأطراف في أي وقت", "staffan-de-mistura", "paraphrase"),
            _s("الوقت ليس في صالح المدنيين", "staffan-de-mistura", "quote"),
        ],
        "places": ["moscow", "aleppo", "washington", "geneva"],
    },
    {
        "name": "jubeir-riyadh",  # SVO lead, a colon without quotes, a quote before its verb, plural verb
        "published": "2016-03-14",
        "body": (
            "الجبير يطالب بانتقال سياسي لا مكان فيه للأسد\n\n"
            "وزير الخارجية السعودي عادل الجبير قال، في مؤتمر صحفي بالرياض، إن بلاده ستواصل دعم المعارضة "
            "السورية المعتدلة.\n\n"
            "وأضاف الجبير: لا حل في سوريا مع بقاء الأسد في السلطة.\n\n"
            "“ما يحدث في حلب جريمة حرب مكتملة الأركان”، تابع الوزير السعودي.\n\n"
            "وكان وزراء خارجية دول الخليج قد دعوا في اجتماعهم الأخير إلى فرض عقوبات جديدة على دمشق."
        ),
        "statements": [
            _s("بلاده ستواصل دعم المعارضة السورية المعتدلة", "adel-al-jubeir", "paraphrase"),
            _s("لا حل في سوريا مع بقاء الأسد في السلطة", "adel-al-jubeir", "quote"),
            _s("ما يحدث في حلب جريمة حرب مكتملة الأركان", "adel-al-jubeir", "quote"),
            _s("فرض عقوبات جديدة على دمشق", None, "paraphrase"),
        ],
        "places": ["syria", "aleppo", "damascus"],
    },
]
