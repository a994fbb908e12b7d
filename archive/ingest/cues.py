"""Speech cues: the words that introduce what someone said, and what each one governs."""

from dataclasses import dataclass

from arabic import normalize

from .document import index_of
from .quotes import Quote
from .wordlists import word_set

# Governs: a = إن/أن/بأن, q = a quote or a colon, ala/ila/min/an = على/إلى/من/عن + a noun,
# bi = بـ + a noun (طالب بالرحيل), obj = ضرورة/أهمية as object (أكد ضرورة ...); "cont" marks the
# verbs that continue the last speaker (أضاف، تابع، ختم). Columns: past m f dual plural |
# participle m f | imperfect m f | governs. Passives (يُذكر، يُشار) are left out on purpose:
# they are the writer speaking.
_LEXICON = """
قال قالت قالا قالوا | قائلا قائلة | يقول تقول | q a
أكد أكدت أكدا أكدوا | مؤكدا مؤكدة | يؤكد تؤكد | a ala obj q
أضاف أضافت أضافا أضافوا | مضيفا مضيفة | يضيف تضيف | a q cont
تابع تابعت - - | متابعا - | - - | a q cont
استطرد استطردت - - | مستطردا - | - - | a q cont
أردف أردفت - - | مردفا - | - - | a q cont
ختم ختمت - - | - - | - - | a q cont
اختتم اختتمت - - | مختتما مختتمة | - - | a q cont
شدد شددت شددا شددوا | مشددا مشددة | يشدد تشدد | a ala obj
أعلن أعلنت أعلنا أعلنوا | معلنا معلنة | يعلن تعلن | a an
حذر حذرت حذرا حذروا | محذرا محذرة | يحذر تحذر | a min
أشار أشارت أشارا أشاروا | مشيرا مشيرة | يشير تشير | ila
لفت لفتت لفتا لفتوا | لافتا لافتة | يلفت تلفت | ila
نوه نوهت - - | منوها منوهة | - - | ila bi a
اعتبر اعتبرت اعتبرا اعتبروا | معتبرا معتبرة | يعتبر تعتبر | a obj
رأى رأت رأيا رأوا | - - | يرى ترى | a obj
أعرب أعربت أعربا أعربوا | معربا معربة | يعرب تعرب | an
صرح صرحت صرحا صرحوا | مصرحا مصرحة | يصرح تصرح | a bi q
طالب طالبت طالبا طالبوا | مطالبا - | يطالب تطالب | bi a
دعا دعت دعوا - | داعيا داعية | يدعو تدعو | ila a q
ندد نددت نددا نددوا | منددا منددة | يندد تندد | bi
كشف كشفت كشفا كشفوا | كاشفا كاشفة | يكشف تكشف | a an
أوضح أوضحت أوضحا أوضحوا | موضحا موضحة | يوضح توضح | a
نفى نفت نفيا نفوا | نافيا نافية | ينفي تنفي | a
وصف وصفت وصفا وصفوا | واصفا واصفة | يصف تصف | bi
جدد جددت جددا جددوا | مجددا مجددة | يجدد تجدد | a ala obj q
هدد هددت هددا هددوا | مهددا مهددة | يهدد تهدد | bi
حض حضت - - | - - | يحض تحض | ala
حث حثت - - | - - | يحث تحث | ala
طلب طلبت طلبا طلبوا | - - | - - | a q
اتهم اتهمت اتهما اتهموا | متهما متهمة | يتهم تتهم | bi a
أقر أقرت - - | مقرا - | - - | bi a
اعترف اعترفت - - | معترفا معترفة | - - | bi a
تعهد تعهدت تعهدا تعهدوا | متعهدا - | - - | bi a
أشاد أشادت - - | مشيدا مشيدة | - - | bi
ذكر ذكرت ذكرا ذكروا | - - | - - | a
أفاد أفادت - - | - - | - - | a bi
زعم زعمت - - | زاعما - | - - | a
توقع توقعت - - | متوقعا - | يتوقع تتوقع | a
استبعد استبعدت - - | مستبعدا - | - - | a
نقل نقلت - - | - - | - - | a
بينت - - - | مبينا مبينة | - - | a
رد ردت ردا ردوا | - - | يرد ترد | bi q
تساءل تساءلت - - | متسائلا متسائلة | يتساءل تتساءل | q
أجاب أجابت - - | مجيبا مجيبة | - - | bi q
علق علقت علقا علقوا | معلقا معلقة | - - | bi q
نبه نبهت - - | منبها منبهة | ينبه تنبه | ila a
ألمح ألمحت - - | ملمحا ملمحة | يلمح تلمح | ila a
لمح لمحت - - | - - | - - | ila a
جزم جزمت - - | جازما جازمة | - - | bi a
كتب كتبت - - | - - | يكتب تكتب | a q
غرد غردت - - | مغردا مغردة | يغرد تغرد | a q
"""
# بيّن reads بين ("between") without its shadda: only وبيّن/فبيّن are taken as the verb.
_EXTRA_VERBS = {"وبين": "بين", "فبين": "بين"}
# Verbal nouns (قوله "his saying") introduce speech too, but only close to what they govern.
_MASDARS = """
قول قوله قولها قولهم قولهما | q a
تأكيد التأكيد تأكيده تأكيدها | a ala obj
إعلان إعلانه إعلانها | a
تصريح تصريحه تصريحها تصريحات تصريحاته تصريحاتها | q a
دعوة دعوته دعوتها | q ila
مطالبة مطالبته مطالبتها | bi
تحذير تحذيره تحذيرها | a min
"""
# Attribution words: بحسب الخارجية الروسية، فإن ... / ... بحسب مركز التنسيق.
_ACCORDING = "بحسب حسب وبحسب وحسب وفق وفقا ووفقا طبقا نقلا"


@dataclass(frozen=True)
class CueWord:
    """A speech word: its lemma, grammatical form, gender, and what it governs."""

    lemma: str
    form: str  # verb, participle, imperfect, masdar, according
    gender: str  # m, f, p (dual or plural) or "" (unknown)
    governs: frozenset
    continuing: bool = False


def _load_lexicon():
    table = {}

    def put(word, cue, prefixes=("", "و", "ف")):
        if word != "-":
            for p in prefixes:
                table.setdefault(normalize(p + word), cue)

    for line in _LEXICON.strip().splitlines():
        past, part, imperf, gov = (c.split() for c in line.split("|"))
        lemma, governs, cont = normalize(past[0]), frozenset(gov) - {"cont"}, "cont" in gov
        for n, word in enumerate(past):
            put(word, CueWord(lemma, "verb", ("m", "f", "p", "p")[n], governs, cont))
        for n, word in enumerate(part):
            put(word, CueWord(lemma, "participle", "mf"[n], governs, cont), ("", "و"))
        for n, word in enumerate(imperf):
            put(word, CueWord(lemma, "imperfect", "mf"[n], governs, cont))
    for word, lemma in _EXTRA_VERBS.items():
        table[normalize(word)] = CueWord(normalize(lemma), "verb", "m", frozenset({"a"}))
    for line in _MASDARS.strip().splitlines():
        words, gov = (c.split() for c in line.split("|"))
        for word in words:
            put(word, CueWord(normalize(words[0]), "masdar", "", frozenset(gov)), ("", "و", "ب", "ل"))
    for word in _ACCORDING.split():
        table[normalize(word)] = CueWord(normalize(word), "according", "", frozenset({"a"}))
    return table


CUES = _load_lexicon()
# The answer of an interview: no word introduces it, the layout does (a question, then a dash).
INTERVIEW = CueWord("interview", "participle", "", frozenset({"q"}), True)


def cue_at(doc, k):
    """The speech cue at token k, unless it lies inside a quote."""
    if k in doc.quote_at or (k > 0 and doc.tokens[k - 1].text in _RELATIVES):
        return None  # العدوان الذي يكشف زيف ...: a relative clause describes, it does not report
    return CUES.get(doc.tokens[k].text)


_RELATIVES = word_set("الذي التي الذين اللذين اللتين اللواتي")
PRONOUN_ENDINGS = ("", "ه", "ها", "هم", "هما", "نا", "ني", "ي", "كم")


_ANNA = word_set("أن إن", PRONOUN_ENDINGS)
_BI_ANNA, _WA_ANNA = frozenset("ب" + w for w in _ANNA), frozenset(("و" + w) for w in _ANNA) | frozenset("ف" + w for w in _ANNA)
# أن after these is "after/before/must ... to", not "that": بعد أن هدد، يجب أن.
_NOT_THAT = word_set("بعد قبل منذ دون ريثما يجب ينبغي يمكن يريد تريد يستطيع تستطيع لابد بد عليه")
_PREPS = {"علي": "ala", "الي": "ila", "من": "min", "عن": "an"}  # normalized: على -> علي
_PREP_NOT = word_set("هامش صعيد مستوى لسان ذلك حد نحو جانب")  # على هامش، إلى ذلك
_AFTER_AN = word_set("في من ب ل إزاء تجاه حيال")  # أعرب عن أمله في ...
_BI_NOT = word_set("بشأن بعد بين بينما بسبب بدوره بدورها بدلا بلاده بنحو بحسب بالنسبة بالتزامن بعض بكل")
_OBJECTS = word_set("ضرورة أهمية")
_FIRST_PERSON = word_set("نحن أنا إننا إنني لقد")
MASDAR_REACH, VERB_REACH = 4, 24


@dataclass(frozen=True)
class Complement:
    """What a cue introduces: a clause, a quote, or unmarked direct speech, from char `start`."""

    start: int
    kind: str  # clause, quote, direct
    marker: int  # token index that opened it: shared markers mean one statement
    subject: tuple  # token range between the cue and the marker
    quote: Quote = None
    end: int = None  # fixed end (postposed attribution), else computed later


def _after_ba(token):
    """Offset just after a one-letter ب and its diacritics: بوقف -> وقف."""
    k = 1
    while k < len(token.original) and not token.original[k].isalpha():
        k += 1
    return token.start + k


def find_complement(doc, k, cue, hi, is_mention=lambda j: False):
    """The complement of the cue at token k within the sentence ending at token hi, or None."""
    if cue.form == "according":
        return _according(doc, k, hi) if _names_a_source(doc, k, hi, is_mention) else None
    gov, start = cue.governs, doc.tokens[k].start
    limit = min(hi, k + 1 + (MASDAR_REACH if cue.form == "masdar" else VERB_REACH))
    j = k + 1

    def at(n, marker):
        q = doc.quote_opening_before(n) if n < hi else None
        if q is not None and _words_go_on(doc, q, hi):
            return Complement(q.open, "clause", marker, (k + 1, marker))  # أن «المعلم» سيزور ...
        if q is not None:
            return Complement(q.start, "quote", marker, (k + 1, marker), q)
        return Complement(doc.tokens[n].start, "clause", marker, (k + 1, marker)) if n < hi else None

    while j < limit:
        q = doc.quote_opening_before(j)
        if q is not None:
            if doc.is_long(q) or j - k - 1 <= 2:
                return Complement(q.start, "quote", j, (k + 1, j), q)
            while j < limit and doc.quote_at.get(j) is q:
                j += 1
            continue
        t, nxt = doc.tokens[j].text, doc.tokens[j + 1].text if j + 1 < hi else ""
        if ":" in doc.gap(j) and "q" in gov:
            return Complement(doc.tokens[j].start, "direct", j, (k + 1, j))
        if t in _ANNA or t in _BI_ANNA or (t in _WA_ANNA and j > k + 1):
            if doc.tokens[j - 1].text not in _NOT_THAT:
                return at(j + 1, j)
        elif _PREPS.get(t) in gov and nxt not in _PREP_NOT:
            if nxt in _ANNA:
                return at(j + 2, j)
            if t == "عن" and j + 2 < hi and doc.tokens[j + 2].text in _AFTER_AN:
                return at(j + 3, j)
            return at(j + 1, j)
        elif "bi" in gov and t == "ب":
            return at(j + 1, j)
        elif "bi" in gov and t[:1] == "ب" and len(t) >= 4 and t not in _BI_NOT and not is_mention(j):
            return Complement(_after_ba(doc.tokens[j]), "clause", j, (k + 1, j))
        elif "obj" in gov and t in _OBJECTS:
            return at(j, j)
        elif j == k + 1 and "q" in gov and cue.continuing | (cue.lemma == "قال") and \
                (t in _FIRST_PERSON or (t.endswith("نا") and len(t) >= 4)):
            return Complement(doc.tokens[j].start, "direct", j, (k + 1, j))
        elif j > k + 1 and CUES.get(t) is not None and CUES[t].form in ("verb", "imperfect"):
            break  # a new clause with its own speech verb: وقال ...، بعدما صرح ...
        j += 1
    if j >= hi and "q" in gov and hi < len(doc.tokens) and _colon_then_line(doc.gap(hi)):
        return _next_paragraph(doc, k, hi)
    return _postposed(doc, k, hi, start) if cue.form in ("verb", "imperfect") else None


def _colon_then_line(gap):
    """وقال لافروف للصحفيين:⏎ — what he said stands on the next line."""
    return ":" in gap and "\n" in gap[gap.index(":"):]


def _next_paragraph(doc, k, hi):
    """The paragraph after a colon that ends a cue's line: its quote, or the whole line as said."""
    q = doc.quote_opening_before(hi)
    if q is not None:
        return Complement(q.start, "quote", hi, (k + 1, hi), q)
    start = doc.tokens[hi].start
    line_end = doc.body.find("\n", start)
    return Complement(start, "direct", hi, (k + 1, hi), None, len(doc.body) if line_end < 0 else line_end)


def _words_go_on(doc, q, hi):
    """A short quote the clause goes on after (a name, a title, a scare quote) is not what was said."""
    if doc.is_long(q):
        return False
    inside, after = doc.token_range(q.start, q.close + 1)
    return after < hi and doc.sentence_of[after] == doc.sentence_of[inside] and \
        not doc.body[q.close + 1:doc.tokens[after].start].strip(" ،,")


def _postposed(doc, k, hi, start):
    """“...”، قال كيري: a quote just before the cue, with only punctuation or one word between."""
    earlier = [q for q in doc.quotes if q.close < start and doc.sentence_of[k] == _sentence_at(doc, q.start)]
    if earlier:
        q = earlier[-1]
        between = doc.words_in(q.close, start)
        if between <= 1 and doc.is_long(q):
            return Complement(q.start, "quote", k, (k + 1, hi), q)
    return None


def _sentence_at(doc, pos):
    return index_of(doc.sentences, pos)


_LEADING = word_set("وقد فقد لقد قد كما ثم و")
# What بحسب/وفق attribute to when they name a source (بحسب مصادر، وفق ما أعلنت الوزارة), unlike
# وفق القرار 2254 or بحسب الاتفاق inside what was said.
_DOCUMENTS = word_set("بيان البيان")
_ISSUED = word_set("صادر صدر عن أصدرته اصدرته")
_SOURCE_NOUNS = word_set("""مصدر مصادر مسؤول مسؤولين مسؤولون وكالة وكالات صحيفة قناة موقع تصريحات تصريح
    ناشطين ناشطون شهود سكان مراسل مراسلي تقارير تقرير الوكالة البيان المرصد مرصد""")


def _names_a_source(doc, k, hi, is_mention):
    """Whether the attribution word at k is followed by who said it: a name, a source, ما قال."""
    j = k + 1
    if j < hi and doc.tokens[j].text in ("عن", "ل"):  # نقلا عن، وفقا لـ
        j += 1
    if j >= hi:
        return False
    w = doc.tokens[j].text
    if w == "ما":
        return j + 1 < hi and CUES.get(doc.tokens[j + 1].text) is not None
    bare = w[1:] if w[:1] == "ل" and not w.startswith("ال") else w  # وفقا لمصادر
    if bare in _DOCUMENTS:  # بيان صادر عن ...، بيان للخارجية; not بيان جنيف, a text agreed long ago
        nxt = doc.tokens[j + 1].text if j + 1 < hi else ""
        return nxt in _ISSUED or nxt[:1] == "ل" or nxt.startswith("ال")
    return is_mention(j) or w in _SOURCE_NOUNS or bare in _SOURCE_NOUNS or \
        (w.startswith("لل") and "ال" + w[2:] in _SOURCE_NOUNS)


def _according(doc, k, hi):
    """بحسب X، فإن ... (clause after), or ... بحسب X (the sentence before is the statement)."""
    for j in range(k + 1, min(hi, k + 10)):
        if doc.tokens[j].text in _ANNA or doc.tokens[j].text in _WA_ANNA:
            q = doc.quote_opening_before(j + 1) if j + 1 < hi else None
            if q is not None:
                return Complement(q.start, "quote", j, (k + 1, j), q)
            return Complement(doc.tokens[j + 1].start, "clause", j, (k + 1, j)) if j + 1 < hi else None
    lo = doc.sentence_tokens(doc.sentence_of[k])[0]
    while lo < k and doc.tokens[lo].text in _LEADING:
        lo += 1
    if k - lo < 3:
        return None
    end = doc.tokens[k - 1].end
    return Complement(doc.tokens[lo].start, "clause", k, (k + 1, hi), None, end)
