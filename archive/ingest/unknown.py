"""Speakers the gazetteer does not know, read from the subject of a cue: institutions, unnamed sources, names."""

from arabic import FUNCTION_WORDS, normalize, stem

from .cues import cue_at
from .mentions import COURTESY, TIME_WORDS, NewSpeaker, is_role_head
from .wordlists import word_set

# Head nouns of institutions that speak in news copy (الأمم المتحدة في بيان، وزارة الدفاع التركية).
INSTITUTION_HEADS = frozenset(stem(w) for w in word_set("""وزارة الخارجية الدفاع الداخلية الأمم مجلس هيئة
    الحكومة الجيش المرصد منظمة الائتلاف الرئاسة مكتب مركز الكرملين البنتاغون لجنة بعثة وكالة صندوق
    البرلمان مفوضية الاتحاد قيادة جامعة حلف الناتو التحالف حركة جبهة سفارة قنصلية مديرية المفوضية
    المنظمة الهيئة المجلس اللجنة الوكالة السفارة الخارجيه الكونغرس الإليزيه داونينغ المعارضة النظام"""))
# Bodies with a one-word name of their own (البنتاغون، الكرملين): one word names them.
_NAMED_BODIES = word_set("البنتاغون الكرملين الإليزيه الناتو الكونغرس الفاتيكان")
# Heads of sources the text leaves unnamed, singular and plural (مصدر دبلوماسي، مصادر مطلعة، ناشطون).
_ANONYMOUS = frozenset(stem(w) for w in word_set("""مصدر مصادر مسؤول مسؤولون مسؤولين دبلوماسي دبلوماسيون
    ديبلوماسي ديبلوماسيون دبلوماسيين ناشط ناشطون ناشطين محلل محللون مراقب مراقبون خبير خبراء شهود شاهد
    سكان أهالي مقاتل مقاتلون قيادي قياديون عضو أعضاء معارض معارضون موظف موظفون أوساط"""))
# Words that read as a name's but never are one: the subject slot of a cue holds them often.
_NOT_NAMES = word_set("""مراسل مراسلنا مراسلة إنه إنها إنهم أنه أنها أنهم بأنه بأنها بأن إن أن بيان البيان تقرير التقرير
    مجددا أيضا كذلك بدوره بدورها نفسه نفسها الجانب الطرف الطرفان الطرفين الجانبان الجانبين
    الكثير العديد المزيد البعض بعضهم أحد إحدى كلا كلتا""")
_LINKS = word_set("باسم في لدى من عن")  # مصدر في الخارجية، مسؤول من المعارضة، متحدث باسم ...
_PARTICLES = word_set("بن ابن بنت آل أبو عبد")  # خالد بن محمد العطية، محمد بن عبدالرحمن آل ثاني
_FEMININE_END = "ه"


def read_subject(doc, x, end, anaphor=False):
    """The NewSpeaker named by the words from token x (the subject slot after a cue), or None.
    One word names no one new (الحكومة، جيش); with `anaphor` a definite one is returned for the
    caller to find whom it names again (وأضافت المصادر)."""
    while x < end and doc.tokens[x].text in COURTESY:
        x += 1  # سعادة الدكتور خالد العطية: the titles of courtesy are not the name
    words = _phrase(doc, x, end, lambda k: cue_at(doc, k) is not None)
    if not words:
        return None
    head = stem(_bare(doc.tokens[x].text))
    start = doc.tokens[x].start + len(doc.tokens[x].text) - len(_bare(doc.tokens[x].text))
    text = doc.body[start:doc.tokens[x + len(words) - 1].end]
    if len(words) == 1 and not _plural_source(words[0]) and _bare(words[0]) not in _NAMED_BODIES and \
            not (anaphor and words[0].startswith("ال")):
        return None
    if head in INSTITUTION_HEADS:
        return NewSpeaker(text, "", "organisation")
    if head in _ANONYMOUS:
        return NewSpeaker(text, "", "anonymous")
    if _reads_as_name(words):
        return NewSpeaker(text, _title_after(doc, x + len(words), end), "person")
    return None


def stands_for_another(name):
    """One definite common noun (المصادر، الوزارة) names whoever the text named before with it."""
    words = normalize(name).split()
    return len(words) == 1 and words[0].startswith("ال") and _bare(words[0]) not in _NAMED_BODIES


def _plural_source(word):
    """ناشطون، محللون، مصادر: an indefinite plural of sources is a speaker on its own."""
    return not word.startswith("ال") and stem(word) in _ANONYMOUS and word.endswith(("ون", "ين")) or \
        word in _PLURAL_WORDS


_PLURAL_WORDS = word_set("مصادر أوساط خبراء شهود سكان أهالي")


def anonymous_head(word):
    """Whether a role's head names an unnamed source rather than an office (مسؤول روسي، مصدر في الوزارة)."""
    return stem(_bare(word)) in _ANONYMOUS


def _title_after(doc, k, end):
    """The office written after a name (خالد العطية وزير الخارجية، or after a comma), up to punctuation."""
    if k >= len(doc.tokens) or doc.gap(k).strip() not in ("", "،", ",") or not is_role_head(doc.tokens[k].text):
        return ""
    j = k + 1
    while j < end and j < k + 6 and not doc.gap(j).strip() and doc.tokens[j].text.startswith(("ال", "لل")):
        j += 1
    return doc.body[doc.tokens[k].start:doc.tokens[j - 1].end]


def _phrase(doc, x, end, is_cue):
    """Words [x, k) of the subject: up to punctuation, a cue, a time word or a preposition's object."""
    tokens, out = doc.tokens, []
    for k in range(x, min(end, x + 6, len(tokens))):
        w = tokens[k].text
        if k > x and doc.gap(k).strip():
            break
        if w in _LINKS and k > x and k + 1 < end and not doc.gap(k + 1).strip():
            out.append(w)
            continue
        if k > x and is_role_head(w) and not is_role_head(tokens[x].text):
            break  # خالد العطية وزير الخارجية: the office in apposition follows the name
        body_of = k > x and w.startswith(("لل", "وال")) and stem(_bare(tokens[x].text)) in INSTITUTION_HEADS
        if k > x + 1 and any(v.startswith(("ال", "وال")) and v not in _PARTICLES for v in out[1:]) and \
                not w.startswith(("ال", "لل", "وال")) and w not in _LINKS:
            break  # وزارة الخارجية والمغتربين رسالتين: an indefinite word after the name is its verb's object
        if k > x and w.startswith("وال") and not body_of:
            break  # مصدر والتصريح: a second party or clause starts
        if (w in FUNCTION_WORDS or w in TIME_WORDS or is_cue(k) or k in doc.quote_at or not w[:1].isalpha()
                or (k > x and w[:1] in "لب" and not w.startswith("ال") and w not in _PARTICLES and not body_of)
                or w in _NOT_NAMES):
            break
        out.append(w)
    while out and out[-1] in _LINKS:
        out.pop()
    return out


def _bare(word):
    """The word without a one-letter clitic before a source or an institution (لمصادر، والأمم)."""
    rest = word[1:]
    if word[:1] in "وفل" and len(rest) >= 4 and (rest.startswith("ال") or stem(rest) in INSTITUTION_HEADS | _ANONYMOUS):
        return rest
    return word


def _reads_as_name(words):
    """Two to four words of a name: none with the article first, none an ordinary feminine noun."""
    first = words[0]
    conjoined = first[:1] == "و" and len(first) >= 5  # واستقبل: a verb after و, not وليد or وائل
    governed = first[:1] in "لب" and first.endswith(_FEMININE_END)  # لوكالة، لمدينة: whom, not who
    longest = 5 if set(words[1:-1]) & _PARTICLES else 3  # خالد بن محمد العطية، محمد بن عبدالرحمن آل ثاني
    return (2 <= len(words) <= longest and not first.startswith("ال") and not first.endswith(_FEMININE_END)
            and not conjoined and not governed and not any(w.startswith(("لل", "بال", "كال")) for w in words)
            and not any(w[:1] == "و" or (w.startswith("ال") and w not in _PARTICLES) for w in words[1:-1])
            and not words[-1][:1] == "و"
            and all(len(w) >= 2 and w not in FUNCTION_WORDS and w not in _NOT_NAMES and stem(w) not in
                    INSTITUTION_HEADS | _ANONYMOUS for w in words))


def is_feminine_subject(speaker):
    """A new institution or source named by a feminine noun takes feminine verbs (الأمم، المصادر)."""
    if speaker.kind == "person":  # المندوبة الأمريكية سامانثا باور: the title says it
        title = _bare((normalize(speaker.role).split() or [""])[0])
        return title.endswith(_FEMININE_END) and stem(title) != title[:-1] + "ي"
    first = _bare((normalize(speaker.name).split() or [""])[0])
    return first.endswith(_FEMININE_END) or stem(first) in _PLURAL_SOURCES


_PLURAL_SOURCES = frozenset(stem(w) for w in word_set("مصادر أوساط الأمم"))
