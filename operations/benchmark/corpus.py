"""A deterministic synthetic archive of Arabic diplomacy news (plain dicts, no Django), for benchmarks."""
import random
import re
from datetime import date, timedelta
from itertools import accumulate

# Query material the benchmark draws on: words in most articles, phrases in many, rare words.
COMMON_WORDS = ("الخارجية", "وزير", "المعارضة", "النظام", "الحكومة", "مجلس", "الأمن", "المفاوضات", "اتفاق", "الرئيس")
COMMON_WORD = COMMON_WORDS[0]
PHRASES = {  # phrase -> share of articles given a sentence holding it
    "وقف إطلاق النار": 0.45, "مجلس الأمن الدولي": 0.35, "الأمم المتحدة": 0.3, "المساعدات الإنسانية": 0.3,
    "الحل السياسي": 0.3, "وزير الخارجية": 0.25, "المبعوث الأممي": 0.25, "الأسلحة الكيميائية": 0.2,
    "هيئة التفاوض": 0.2, "المنطقة الآمنة": 0.15, "عودة اللاجئين": 0.2, "اللجنة الدستورية": 0.15,
}
RARE_WORDS = tuple("""
زلزال قمح طحين كوليرا لقاح فيضان جفاف بطاقة أرشيف مخطوطة قطار ميناء مطار بريد قنصلية تأشيرة
جامعة طالب مدرسة كتاب مسرح متحف آثار قلعة جسر سد نفط غاز كهرباء خبز سكر زيت وقود بنزين مازوت
حديقة ملعب فندق مستشفى صيدلية طبيب ممرض مختبر
""".split())
RARE_SHARE = 0.25  # share of articles with one rare-word sentence (each rare word in ~0.5% of articles)

FUNCTION_WORDS = """في من على إلى أن عن مع التي الذي هذه هذا بين كما خلال حول ضد منذ عند لدى حتى أو ثم كان قد لم لا وقد
إن أيضا كل بعض غير دون عبر إذا لكن لأن حيث وهو وهي فيه فيها منها عليه عليها إليه لها له به بها هو هي هم ذلك تلك هناك
الذين وفي ومن وأن كانت يكون تم""".split()
# Content words by descending frequency: n = noun (takes ال, clitics, plural), a = nisba adjective
# (ة, ين), v = verb (و, ف). The first ones land in most articles.
CONTENT = """
وزير:n مجلس:n أمن:n معارضة:n نظام:n حكومة:n مفاوضات:n اتفاق:n رئيس:n سوري:a دولي:a خارجي:a روسي:a
أمريكي:a قال:v أكد:v أعلن:v حل:n سياسي:a وقف:n قوات:n مدينة:n جيش:n دعا:v مبعوث:n أممي:a عملية:n
محادثات:n جولة:n موقف:n تصريح:n بيان:n مصدر:n مسؤول:n دبلوماسي:a عسكري:a هجوم:n قصف:n مناطق:n
منطقة:n مدنيين:n ضحايا:n لاجئين:n مساعدات:n إنساني:a جنيف:n أطراف:n ممثل:n وفد:n لقاء:n اجتماع:n
قمة:n حوار:n أزمة:n صراع:n حرب:n سلام:n تسوية:n مرحلة:n انتقالي:a دستور:n انتخابات:n شعب:n دولة:n
سيادة:n وحدة:n أراضي:n حدود:n تركي:a إيراني:a سعودي:a قطري:a أوروبي:a عربي:a إقليمي:a فصائل:n مسلحة:n
تنظيم:n إرهاب:n إرهابي:a مكافحة:n تحالف:n غارات:n جوي:a طائرات:n صواريخ:n أسلحة:n كيميائي:a تحقيق:n
لجنة:n تقرير:n منظمة:n حقوق:n إنسان:n انتهاكات:n معتقلين:n سجون:n حصار:n معبر:n قافلة:n إغاثة:n
غذاء:n دواء:n مخيم:n نازحين:n عودة:n إعمار:n اقتصاد:n عقوبات:n تمويل:n مؤتمر:n مانحين:n دعم:n
التزام:n تنفيذ:n خطة:n مبادرة:n مقترح:n مشروع:n قرار:n تصويت:n فيتو:n عضو:n سفير:n سفارة:n علاقات:n
تطبيع:n عاصمة:n زيارة:n استقبل:v التقى:v بحث:v ناقش:v أضاف:v أوضح:v أشار:v شدد:v طالب:v رفض:v
نفى:v اتهم:v حذر:v أفاد:v ذكر:v نقل:v وصف:v اعتبر:v أبدى:v جدد:v ثمن:v وجه:v تلقى:v أجرى:v اتصال:n
هاتفي:a رسالة:n مستوى:n رفيع:a جهود:n تهدئة:n تصعيد:n اشتباكات:n خروقات:n هدنة:n مراقبة:n مراقبين:n
ضمانات:n ضامن:n آستانا:n سوتشي:n مسار:n ورقة:n مبادئ:n بند:n نقاط:n تفاهم:n مذكرة:n توقيع:n طرف:n
وساطة:n وسيط:n مصالحة:n تسليم:n انسحاب:n انتشار:n نقطة:n محافظة:n ريف:n شمال:n جنوب:n شرق:n غرب:n
وسط:n أحياء:n سكان:n أهالي:n مواطنين:n عائلات:n أطفال:n نساء:n مستشفيات:n مدارس:n بنية:n تحتية:n
خدمات:n مياه:n طاقة:n أسعار:n ليرة:n مصرف:n مركزي:a تجارة:n صادرات:n واردات:n استثمار:n شركات:n
وكالة:n أنباء:n صحيفة:n مراسل:n قناة:n تلفزيون:n إعلام:n صحفي:a مقابلة:n متحدث:n باسم:x
الجمعة:x السبت:x الأحد:x الإثنين:x الثلاثاء:x الأربعاء:x الخميس:x أمس:x اليوم:x الأسبوع:x الماضي:x
المقبل:x الشهر:x العام:x الجاري:x نحو:x أكثر:x أقل:x جميع:x عدد:x إطار:x ظل:x شأن:x بشأن:x وفق:x
""".split()
SOURCES = [("عنب بلدي", "Enab Baladi"), ("عرب 48", "Arab48"), ("الجزيرة نت", "Al Jazeera Net"),
           ("العربية نت", "Al Arabiya Net"), ("الشرق الأوسط", "Asharq Al-Awsat"), ("القدس العربي", "Al-Quds Al-Arabi"),
           ("بي بي سي عربي", "BBC Arabic"), ("روسيا اليوم", "RT Arabic")]
NAMED = [("جون كيري", "John Kerry", "وزير الخارجية الأمريكي"), ("سيرغي لافروف", "Sergey Lavrov", "وزير الخارجية الروسي"),
         ("ستافان دي ميستورا", "Staffan de Mistura", "المبعوث الأممي إلى سوريا"), ("بشار الأسد", "Bashar al-Assad", "الرئيس السوري"),
         ("عادل الجبير", "Adel al-Jubeir", "وزير الخارجية السعودي"), ("وليد المعلم", "Walid al-Muallem", "وزير الخارجية السوري"),
         ("مولود جاويش أوغلو", "Mevlut Cavusoglu", "وزير الخارجية التركي"), ("محمد جواد ظريف", "Mohammad Javad Zarif", "وزير الخارجية الإيراني"),
         ("غير بيدرسن", "Geir Pedersen", "المبعوث الأممي إلى سوريا"), ("أنطونيو غوتيريش", "Antonio Guterres", "الأمين العام للأمم المتحدة"),
         ("بان كي مون", "Ban Ki-moon", "الأمين العام للأمم المتحدة"), ("فلاديمير بوتين", "Vladimir Putin", "الرئيس الروسي"),
         ("رجب طيب أردوغان", "Recep Tayyip Erdogan", "الرئيس التركي"), ("فيصل المقداد", "Faisal Mekdad", "وزير الخارجية السوري"),
         ("بشار الجعفري", "Bashar al-Jaafari", "مندوب سوريا لدى الأمم المتحدة"), ("نصر الحريري", "Nasr al-Hariri", "رئيس هيئة التفاوض"),
         ("رياض حجاب", "Riyad Hijab", "منسق الهيئة العليا للمفاوضات"), ("الأخضر الإبراهيمي", "Lakhdar Brahimi", "المبعوث الأممي والعربي")]
ORGS = [("الأمم المتحدة", "United Nations"), ("جامعة الدول العربية", "Arab League"), ("الاتحاد الأوروبي", "European Union"),
        ("الائتلاف الوطني السوري", "Syrian National Coalition"), ("هيئة التفاوض السورية", "Syrian Negotiation Commission"),
        ("منظمة حظر الأسلحة الكيميائية", "OPCW"), ("الهلال الأحمر العربي السوري", "Syrian Arab Red Crescent"),
        ("مجلس الأمن", "UN Security Council"), ("الخارجية الروسية", "Russian Foreign Ministry"), ("الخارجية الأمريكية", "US State Department")]
FIRST = [("محمد", "Mohammed"), ("أحمد", "Ahmed"), ("خالد", "Khaled"), ("عمر", "Omar"), ("سامر", "Samer"), ("يوسف", "Youssef"),
         ("حسن", "Hassan"), ("علي", "Ali"), ("مازن", "Mazen"), ("رامي", "Rami"), ("هيثم", "Haytham"), ("فراس", "Firas"),
         ("نادر", "Nader"), ("جورج", "George"), ("ميشيل", "Michel"), ("ريم", "Reem"), ("هند", "Hind"), ("لينا", "Lina"),
         ("سهير", "Suhair"), ("بسمة", "Basma"), ("ماريا", "Maria"), ("أندريه", "Andrei"), ("ديفيد", "David"), ("جيمس", "James")]
LAST = [("الخطيب", "al-Khatib"), ("العبدالله", "al-Abdullah"), ("الحمصي", "al-Homsi"), ("الحلبي", "al-Halabi"), ("النجار", "al-Najjar"),
        ("القاسم", "al-Qasim"), ("الشامي", "al-Shami"), ("العلي", "al-Ali"), ("الصالح", "al-Saleh"), ("المصري", "al-Masri"),
        ("الزعبي", "al-Zoubi"), ("العمر", "al-Omar"), ("حداد", "Haddad"), ("صباغ", "Sabbagh"), ("فيدوروف", "Fedorov"),
        ("سميث", "Smith"), ("مورو", "Moreau"), ("يلماز", "Yilmaz"), ("رضائي", "Rezaei"), ("كوزلوف", "Kozlov")]
ROLES = ["عضو الوفد المفاوض", "المتحدث باسم الخارجية", "نائب وزير الخارجية", "السفير", "الباحث السياسي", "عضو مجلس الشعب",
         "القيادي في المعارضة", "المسؤول الأممي", "المحلل العسكري", "مدير المرصد"]
PLACES = [("دمشق", "Damascus"), ("حلب", "Aleppo"), ("حمص", "Homs"), ("حماة", "Hama"), ("إدلب", "Idlib"), ("اللاذقية", "Latakia"),
          ("طرطوس", "Tartus"), ("دير الزور", "Deir ez-Zor"), ("الرقة", "Raqqa"), ("الحسكة", "Hasakah"), ("القامشلي", "Qamishli"),
          ("درعا", "Daraa"), ("السويداء", "Suwayda"), ("القنيطرة", "Quneitra"), ("دوما", "Douma"), ("داريا", "Daraya"), ("منبج", "Manbij"),
          ("عفرين", "Afrin"), ("جرابلس", "Jarablus"), ("تدمر", "Palmyra"), ("سراقب", "Saraqib"), ("خان شيخون", "Khan Shaykhun"),
          ("الغوطة الشرقية", "Eastern Ghouta"), ("جسر الشغور", "Jisr al-Shughur"), ("مضايا", "Madaya"), ("الزبداني", "Zabadani"),
          ("جنيف", "Geneva"), ("موسكو", "Moscow"), ("واشنطن", "Washington"), ("أستانا", "Astana"), ("أنقرة", "Ankara"), ("طهران", "Tehran"),
          ("الرياض", "Riyadh"), ("بيروت", "Beirut"), ("عمان", "Amman"), ("القاهرة", "Cairo"), ("الدوحة", "Doha"), ("إسطنبول", "Istanbul"),
          ("فيينا", "Vienna"), ("باريس", "Paris"), ("لندن", "London"), ("برلين", "Berlin"), ("نيويورك", "New York"), ("بغداد", "Baghdad"),
          ("روسيا", "Russia"), ("تركيا", "Turkey"), ("إيران", "Iran"), ("لبنان", "Lebanon"), ("الأردن", "Jordan"), ("العراق", "Iraq")]
TOWN_HEADS = [("تل", "Tal"), ("كفر", "Kafr"), ("دير", "Deir"), ("عين", "Ain"), ("خان", "Khan"), ("جسر", "Jisr"), ("رأس", "Ras"),
              ("بيت", "Beit"), ("قصر", "Qasr")]
TOWN_TAILS = [("الزيت", "al-Zeit"), ("النعمان", "al-Numan"), ("الحمرا", "al-Hamra"), ("البيضا", "al-Bayda"), ("الشيخ", "al-Sheikh"),
              ("العرب", "al-Arab"), ("التوت", "al-Tut"), ("الورد", "al-Ward"), ("السلطان", "al-Sultan"), ("الجوز", "al-Jawz"),
              ("الحصن", "al-Husn"), ("النهر", "al-Nahr"), ("الحجر", "al-Hajar"), ("الرمان", "al-Rumman"), ("التين", "al-Tin"),
              ("الغزال", "al-Ghazal"), ("الحديد", "al-Hadid"), ("الملح", "al-Milh"), ("القمر", "al-Qamar"), ("الريح", "al-Rih"),
              ("العين", "al-Ayn"), ("الوادي", "al-Wadi"), ("السبع", "al-Saba")]
OFFSET, EXPONENT = 4, 0.95  # Zipf-Mandelbrot: weight of rank r is 1 / (r + OFFSET) ** EXPONENT
START, END = date(2011, 1, 1), date(2024, 12, 31)
YEAR_WEIGHTS = [4, 8, 9, 8, 9, 12, 10, 9, 7, 6, 5, 4, 4, 5]  # 2011..2024: the war's busy years weigh more


def slugify(latin):
    return re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")


def inflections(word, kind):
    """(form, weight) pairs: how a base word is written with clitics and suffixes."""
    if kind == "x":
        return [(word, 1.0)]
    if kind == "v":
        return [(word, 0.6), ("و" + word, 0.35), ("ف" + word, 0.05)]
    if kind == "a":
        return [("ال" + word, 0.25), ("ال" + word + "ة", 0.25), (word + "ة", 0.1), (word, 0.08), ("ال" + word + "ين", 0.06),
                ("وال" + word, 0.05), ("وال" + word + "ة", 0.06), (word + "ين", 0.05), ("بال" + word + "ة", 0.05), ("لل" + word + "ة", 0.05)]
    plural = word[:-1] + "ات" if word.endswith("ة") else word + "ات"
    lil = ("ل" if word[0] == "ل" else "لل") + word  # ل + ال + لجنة is written للجنة
    return [("ال" + word, 0.4), (word, 0.22), ("وال" + word, 0.1), ("بال" + word, 0.07), (lil, 0.04),
            ("و" + word, 0.05), ("ب" + word, 0.02), ("ال" + plural, 0.06), (plural, 0.04)]


def vocabulary():
    """Written forms and cumulative Zipf-Mandelbrot weights: function words first, then content words."""
    forms, weights = [], []
    bases = [(w, "x") for w in FUNCTION_WORDS] + [tuple(item.split(":")) for item in CONTENT]
    for rank, (word, kind) in enumerate(bases, start=1):
        base_weight = 1.0 / (rank + OFFSET) ** EXPONENT
        for form, share in inflections(word, kind):
            forms.append(form)
            weights.append(base_weight * share)
    return forms, list(accumulate(weights))


class Corpus:
    """Sources, actors and places, then `articles(n)`: the same archive for the same seed."""

    STATEMENTS = (2, 4)  # statements per article (the generated archive loads them as they are)

    def __init__(self, seed=1):
        self.seed = seed
        rng = random.Random(seed)
        self.sources = [{"name": n, "name_en": e, "slug": slugify(e), "url": f"https://{slugify(e)}.example/"} for n, e in SOURCES]
        self.people = self._people(rng)
        self.places = self._places()
        self.forms, self.cum = vocabulary()

    def _people(self, rng):
        people = [{"name": n, "name_en": e, "slug": slugify(e), "kind": "person", "role": r,
                   "aliases": [e, n.split()[-1]]} for n, e, r in NAMED]
        people += [{"name": n, "name_en": e, "slug": slugify(e), "kind": "organisation", "role": "", "aliases": [e]}
                   for n, e in ORGS]
        combos = [(f, l) for f in FIRST for l in LAST]
        rng.shuffle(combos)
        for (first, first_en), (last, last_en) in combos[:150 - len(people)]:
            people.append({"name": f"{first} {last}", "name_en": f"{first_en} {last_en}", "slug": slugify(f"{first_en} {last_en}"),
                           "kind": "person", "role": rng.choice(ROLES), "aliases": [f"{first_en} {last_en}"]})
        return people

    def _places(self):
        places = [{"name": n, "name_en": e, "slug": slugify(e), "kind": "country" if i >= 44 else "city"}
                  for i, (n, e) in enumerate(PLACES)]
        towns = [(f"{h} {t}", f"{he} {te}") for t, te in TOWN_TAILS for h, he in TOWN_HEADS]
        places += [{"name": n, "name_en": e, "slug": slugify(e), "kind": "town"} for n, e in towns[:250 - len(places)]]
        return places

    # -- articles ---------------------------------------------------------------

    def articles(self, count):
        """`count` article dicts, with their people, places and statements."""
        rng = random.Random(self.seed * 1_000_003 + 17)
        actor_cum = list(accumulate(1.0 / (r + 3) ** 0.9 for r in range(len(self.people))))
        place_cum = list(accumulate(1.0 / (r + 2) ** 0.9 for r in range(len(self.places))))
        source_cum = list(accumulate([5, 4, 3, 3, 2, 2, 1, 1]))
        year_cum = list(accumulate(YEAR_WEIGHTS))
        for number in range(1, count + 1):
            yield self._article(rng, number, actor_cum, place_cum, source_cum, year_cum)

    def _unique(self, rng, items, cum, k):
        chosen = {}
        while len(chosen) < k:
            item = rng.choices(items, cum_weights=cum)[0]
            chosen[item["slug"]] = item
        return list(chosen.values())

    def words(self, rng, k):
        return " ".join(rng.choices(self.forms, cum_weights=self.cum, k=k))

    def _article(self, rng, number, actor_cum, place_cum, source_cum, year_cum):
        actors = self._unique(rng, self.people, actor_cum, rng.randint(2, 6))
        places = self._unique(rng, self.places, place_cum, rng.randint(1, 4))
        source = rng.choices(self.sources, cum_weights=source_cum)[0]
        year = 2011 + rng.choices(range(14), cum_weights=year_cum)[0]
        published = min(date(year, 1, 1) + timedelta(days=rng.randrange(365)), END)
        target = int(rng.triangular(215, 395, 225))
        kinds = self._plan(rng, target, rng.randint(*self.STATEMENTS), len(actors), len(places))
        speakers = [a for a in actors if a["kind"] == "person"] or actors
        text, offset, statements, spoken = [], 0, [], 0
        for position, (kind, length) in enumerate(kinds):
            sentence, span = self._sentence(rng, kind, length, actors, places, speakers[spoken % len(speakers)])
            if position and position % 3 == 0:
                text.append("\n\n")
                offset += 2
            elif position:
                text.append(" ")
                offset += 1
            if span is not None:
                start, end, quote, *unknown = span  # a fourth item: a speaker the archive does not know
                statements.append({"speaker": None if unknown else speakers[spoken % len(speakers)]["slug"], "start": offset + start,
                                   "end": offset + end, "text": sentence[start:end], "kind": quote,
                                   "place": rng.choice(places)["slug"] if rng.random() < 0.4 else None, "said_on": published})
                spoken += 1
            text.append(sentence)
            offset += len(sentence)
        title = f"{actors[0]['name'].split()[-1]}: {self.words(rng, rng.randint(4, 8))} في {places[0]['name']}"
        return {"id": number, "title": title, "body": "".join(text), "published": published, "source": source["slug"],
                "url": f"{source['url']}news/{number}", "people": [a["slug"] for a in actors],
                "places": [p["slug"] for p in places], "statements": statements}

    def _plan(self, rng, target, statements, actor_count, place_count):
        """The kind and length of each sentence: speech, phrase, rare, mentions of actors and places, plain."""
        lengths, total = [], 0
        while total < target:
            lengths.append(rng.randint(12, 26))
            total += lengths[-1]
        special = [("speech", None)] * statements
        special += [("phrase", p) for p, share in PHRASES.items() if rng.random() < share]
        if rng.random() < RARE_SHARE:
            special.append(("rare", rng.choice(RARE_WORDS)))
        special += [("actor", i) for i in range(actor_count)] + [("place", i) for i in range(place_count)]
        kinds = [("plain", None)] * max(0, len(lengths) - len(special)) + special[:len(lengths)]
        kinds += special[len(lengths):]
        lengths += [rng.randint(12, 26) for _ in range(len(kinds) - len(lengths))]
        rng.shuffle(kinds)
        return [(kind, length) for kind, length in zip(kinds, lengths)]

    def _sentence(self, rng, kind, length, actors, places, speaker):
        """One sentence, and for speech the (start, end, kind) of its statement within it."""
        what, arg = kind
        if what == "speech":
            if rng.random() < 0.5:
                head = f"وقال {speaker['role']} {speaker['name']}: «" if speaker["role"] else f"وقال {speaker['name']}: «"
                quote = self.words(rng, length)
                return f"{head}{quote}».", (len(head), len(head) + len(quote), "quote")
            sentence = f"وأكد {speaker['name']} أن {self.words(rng, length)}."
            return sentence, (0, len(sentence), "paraphrase")
        half = length // 2
        if what == "phrase":
            middle = arg
        elif what == "rare":
            middle = arg
        elif what == "actor":
            middle = ("والتقى " if rng.random() < 0.3 else "") + actors[arg]["name"]
        elif what == "place":
            name = places[arg]["name"]
            middle = "ب" + name if rng.random() < 0.2 and " " not in name else "في " + name
        else:
            return self.words(rng, length) + ".", None
        return f"{self.words(rng, half)} {middle} {self.words(rng, length - half)}.", None


def sample_text(size_bytes, seed=7):
    """About `size_bytes` of UTF-8 article bodies, as a list of strings (analyzer throughput)."""
    bodies, total = [], 0
    for article in Corpus(seed).articles(10 ** 9):
        bodies.append(article["body"])
        total += len(article["body"].encode("utf-8"))
        if total >= size_bytes:
            return bodies
