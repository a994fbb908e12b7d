"""Who is named where: gazetteer names, role phrases resolved through dated positions, and new names."""

import datetime
import re
from functools import lru_cache
from dataclasses import dataclass, field

from arabic import FUNCTION_WORDS, normalize, stem
from arabic.letters import LAM_ARTICLE, ONE_LETTER_CLITICS

from .offices import resolve_counterpart, resolve_office, role_stems
from .places import PhraseIndex, phrase_tokens
from .spelling import keyed_tokens
from .wordlists import word_set


# Head nouns of the offices and functions that news text names people by.
ROLE_HEADS = word_set("""وزير نائب مساعد متحدث ناطق مبعوث مندوب سفير رئيس امين مسءول مستشار
    قائد زعيم ممثل مدير وكيل عضو نظير نظيري مصدر متحدثه ناطقه منسق مفوض رءيسه وزيره
    محلل قيادي ناشط خبير باحث""")
# Whom words were said to (للصحفيين، لوكالة) and on what occasion (في ختام، في مؤتمر): never a role's.
_ADDRESSEES = word_set("""للصحفيين للصحافيين للصحافة للصحفيات للإعلاميين للمراسلين لوكالة لقناة لصحيفة
    لإذاعة للتلفزيون لموقع لشبكة""")
_OCCASIONS = word_set("""ختام مستهل مؤتمر تصريح تصريحات حديث مقابلة لقاء اجتماع كلمة بيان جلسة أعقاب حوار
    رسالة تغريدة اتصال ندوة افتتاح زيارة""")
# A definite anaphor for an institution's voice: "the statement" speaks for whoever issued it.
DOCUMENT_NOUNS = word_set("بيان")
# A definite institution noun (الوزارة، الحكومة) is the institution of that kind that spoke last.
INSTITUTION_NOUNS = frozenset(stem(w) for w in word_set("الوزاره الحكومه الرئاسه الاداره المركز المكتب"))
_LINKS = word_set("باسم الى لدى في ل")  # words that continue a role: المتحدث باسم ...، المبعوث إلى ...
TIME_WORDS = word_set("""اليوم امس مساء صباح الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد
    ليل فجر ظهر لاحقا مجددا ايضا""")
# Words that follow a speaker's name: where and when he spoke (أمام المجلس، عقب الاجتماع).
_AFTER_NAME = word_set("أمام خلال عقب إثر أثناء لدى عبر حول ضمن وسط اليوم أمس مساء صباح")
_ON_BEHALF = word_set("باسمه باسمها باسمهم")
_COUNTERPART_HEADS = frozenset({"نظير", "نظيري"})
_COUNTERPARTS = word_set("نظيره نظيرته نظيريه نظراءه نظرائه نظراءهم نظرائهم")
# A preposition glued to a definite word (للصحفيين، بالقول، كالعادة): never part of a name.
_PREPOSED = re.compile("^(لل|بال|كال|فال|وبال|ولل)")
# إن/أن and their pronoun forms end a name and are never part of one (قال المسؤول إنه، أنهم).
_THAT = word_set("إن أن بأن وأن فإن", ("", "ه", "ها", "هم", "هما", "نا", "ني"))


@dataclass
class NewSpeaker:
    """A speaker the gazetteer does not know: a named person, an office whose holder is unknown on
    the day (role), an institution (organisation) or an unnamed source (anonymous)."""

    name: str
    role: str
    kind: str = "person"  # person, role, organisation, anonymous

    def ident(self):
        return (self.kind, normalize(self.name))


@dataclass
class Mention:
    """A way the text names an actor at tokens [i, j)."""

    i: int
    j: int
    key: str = None
    new: NewSpeaker = None
    how: str = "name"  # name, short, role, role+name, new, anaphor, place, org-prefix
    role: str = ""
    role_stems: frozenset = frozenset()
    fallback: str = None  # the institution behind an unresolved spokesman role
    clitic: str = ""

    @property
    def unresolved(self):
        return self.how == "role" and self.key is None



def _role_goes_on(tokens, k, hi, places_at, link):
    """After باسم/إلى/لدى/في the role goes on with a definite word or a place (إلى سوريا), but
    في before a place is where it was said (نظيره الروسي في جنيف), and في مؤتمر صحفي is no role."""
    if k >= hi or tokens[k].text in FUNCTION_WORDS or tokens[k].text in _OCCASIONS:
        return False
    if link == "في":
        return k not in places_at and (_has_article(tokens[k].text) or (k + 1 < hi and _has_article(tokens[k + 1].text)))
    if link == normalize("إلى"):  # المبعوث إلى سوريا، السفير إلى الأمم المتحدة; not دعا الوزير إلى وقف الدعم
        return k in places_at or _has_article(tokens[k].text)
    return link == "باسم" or k in places_at or _has_article(tokens[k].text) or \
        (k + 1 < hi and _has_article(tokens[k + 1].text))


def _has_article(word):
    return word not in FUNCTION_WORDS and word.startswith(("ال", "وال", "فال", "بال", "لل"))


def _hamza_al(token):
    """ألكسندر، إلهام: أل/إل that begins the word itself, not the article."""
    return token.original.startswith(("أل", "إل"))


@lru_cache(maxsize=100_000)
def is_role_head(word):
    """وزير، المتحدثة، نظيره، الأمين; not plurals, which name no one speaker (المساعدات is aid, not aides)."""
    bare = word[2:] if word.startswith("ال") else word
    return stem(word) in ROLE_HEADS and (bare in ROLE_HEADS or not word.endswith(("ات", "ون", "ين")))


def _role_end(tokens, body, i, hi, names_at, places_at=frozenset()):
    """End of the role phrase that starts at head token i (definite or construct roles only)."""
    j, definite, described = i + 1, _has_article(tokens[i].text), False
    while j < hi:
        if body[tokens[j - 1].end:tokens[j].start].strip() or j in names_at:
            break
        w = tokens[j].text
        if w in _ADDRESSEES:
            break
        if w in _ON_BEHALF:
            j, definite = j + 1, True  # متحدث باسمه: the role is whole
            continue
        if w[:1] in "لب" and not _has_article(w) and len(w) >= 4 and j + 1 < hi and \
                not body[tokens[j].end:tokens[j + 1].start].strip() and (j + 1 in places_at or w.endswith("ه") or (
                    w[:1] == "ل" and (tokens[j + 1].text.startswith("ال") or w[1:] in _BODIES))):  # لقوى التغيير، لحلف
            j += 2  # رئيس المجلس المحلي لمدينة داريا، مدير الدفاع المدني بريف دمشق
            definite = True
            continue
        if j in places_at and not definite and j == i + 1:
            j, definite = j + 1, True  # مندوب سوريا، سفير روسيا: a country's name makes the office definite
            continue
        if w in _LINKS and _role_goes_on(tokens, j + 1, hi, places_at, w):
            j += 1  # باسم البيت، إلى سوريا: the next word belongs to the role too
        elif definite and is_role_head(w) and j + 1 < hi and _has_article(tokens[j + 1].text):
            definite = False  # a second title in apposition: نائب رئيس مجلس الوزراء وزير الخارجية
        elif w.startswith("و") and is_role_head(w[1:]) and j + 1 < hi and _has_article(tokens[j + 1].text):
            definite = False  # two roles of one person: المنسق العام للهيئة ورئيس الوفد
        elif _has_article(w) and not _hamza_al(tokens[j]) and not w.startswith(("بال", "وبال")):
            definite = True  # (بالقرار after a role is with what, not whose)
        elif not definite and not described and j + 1 < hi and _has_article(tokens[j + 1].text) \
                and w not in FUNCTION_WORDS:
            pass  # construct chain: نائب وزير الخارجية، رئيس لجنة الدفاع
        elif not definite and w.endswith(("ي", "يه")) and w not in FUNCTION_WORDS:
            described = True  # indefinite role with its adjectives: مسؤول عسكري روسي (then no construct)
        else:
            break
        j += 1
    return j, definite


def _not_a_first_name(tokens, j, k, hi):
    """تطورات الأوضاع، لوكالة الأنباء، لقوى التغيير: a plural or a preposition's noun opens no name."""
    first = tokens[j].text
    governed = first[:1] == "ل" and (first[1:] in _BODIES | _OUTLETS or first[1:].endswith(("ه", "ي")) and
                                     j + 1 < hi and tokens[j + 1].text.startswith("ال"))
    return (first.endswith("ات") and len(first) >= 5) or governed


# Bodies an office belongs to, after ل (الأمين العام لحلف شمال الأطلسي، المبعوث الخاص لمجلس ...).
_BODIES = word_set("حلف مجلس منظمة هيئة لجنة جامعة اتحاد صندوق برنامج مكتب مفوضية وكالة جيش قوات حزب تيار ائتلاف")
# The first words of outlets a speaker talks to (قال لعنب بلدي، لرويترز): whom, never who.
_OUTLETS = word_set("""عنب رويترز الأناضول سبوتنيك الجزيرة العربية الحياة الشرق أورينت زمان فرانس الميادين
    تاس إنترفاكس سانا إرنا روسيا بي سي الوطن القدس عكاظ""")
_OPENERS = word_set("لكن ولكن أما و ف ثم بينما فيما")
# Courtesy titles before a name or an office (سعادة الدكتور خالد العطية، أعرب سعادة وزير الخارجية).
COURTESY = word_set("سعادة معالي سمو فخامة الدكتور الشيخ السيد السيدة الأمير المهندس اللواء العميد العقيد")


def _name_word(word):
    return len(word) >= 2 and word not in FUNCTION_WORDS and word not in TIME_WORDS and word not in _THAT \
        and not is_role_head(word) and word[0].isalpha() and not word[0].isascii()


def _head(role):
    """The stem of a role's first word (نظيره الروسي -> نظير), or ""."""
    words = phrase_tokens(role)
    return stem(words[0]) if words else ""


def _counterpart_role(role, earlier, offices=(), day=None):
    """The office a counterpart holds: the earlier person's head noun with this one's country
    (أردوغان الرئيس التركي ... نظيره الروسي -> الرئيس الروسي; لافروف ... نظيره السوري -> الوزير السوري)."""
    ref = next((x for x in reversed(earlier) if (x.new is not None and x.new.role) or (x.key and x.how != "place")),
               None)
    if ref is None:
        return role
    held = [o.title for o in offices if o.key == ref.key and o.valid_on(day) and o.title] if ref.new is None else []
    if ref.new is None and not held:
        return role
    office = (held[0] if held else ref.new.role).split()
    if not office or stem(normalize(office[0])) in _COUNTERPART_HEADS:
        return role
    while len(office) > 1 and normalize(office[-1]).startswith("ال") and normalize(office[-1]).endswith("ي"):
        office.pop()  # وزير الخارجية الإيراني -> وزير الخارجية, then this one's country
    return " ".join(office + role.split()[1:])


def _possessed(word):
    """حديثه، موقفها: a noun with a pronoun is no one-word name (الوزير حديثه بالقول)."""
    return word.endswith(("ه", "ها", "هم")) and stem(word) != word and not word.endswith("الله")


def _written_ali(token):
    """The name علي as written (with ي), not the preposition على."""
    return token.text == "علي" and token.original.rstrip("\u064e\u064b\u0651").endswith("ي")


def _name_after(tokens, body, j, hi, is_cue):
    """Tokens [j, k) that read as a person's name right after a role, or None.

    A name is one to three words with no article on the first, none a function, time or
    speech word, ending at punctuation, a function word or the sentence end.
    """
    gap = body[tokens[j - 1].end:tokens[j].start] if j < hi else ""
    if j >= hi or gap.strip(" ،,«“\"") or gap.count("،") + gap.count(",") > 1:  # a comma, a quote mark at most
        return None
    k = j
    while k < hi and k - j < 3:
        w = tokens[k].text
        if _written_ali(tokens[k]) and k + 1 < hi and not body[tokens[k].end:tokens[k + 1].start].strip():
            k += 1  # بن علي يلدريم: the name علي, which normalizes like the preposition على
            continue
        if (w in FUNCTION_WORDS or w in TIME_WORDS or w in _THAT or is_cue(k) or is_role_head(w) or len(w) < 2
                or w in _COUNTERPARTS or (k > j and w in _AFTER_NAME) or "\u064b" in tokens[k].original
                or (w[:1] == "و" and k - j >= 2) or (k > j and (w in _ADDRESSEES or _PREPOSED.match(w)))
                or (k == j and _has_article(w) and not _hamza_al(tokens[k])) or not w[0].isalpha() or w[0].isascii()):
            break
        k += 1
        if k < hi and body[tokens[k - 1].end:tokens[k].start].strip():
            break
    if k == j or _not_a_first_name(tokens, j, k, hi) or (k - j == 1 and _possessed(tokens[j].text)):
        return None
    if k - j == 1 and k < hi and body[tokens[j].end:tokens[k].start].strip()[:1] in "«“\"":
        return None  # هيئة أركان «جيش الإسلام»: a word before a quoted name is part of that name
    if k >= hi:
        return j, k
    punctuated = body[tokens[k - 1].end:tokens[k].start].strip()
    nxt = tokens[k].text
    boundary = punctuated or nxt in FUNCTION_WORDS or nxt in _THAT or is_cue(k) or nxt in TIME_WORDS or nxt in _AFTER_NAME \
        or is_role_head(nxt) \
        or nxt[:1] in "لب" or (nxt[:1] == "و" and k - j >= 2)  # رياض حجاب وأعضاء الوفد
    if not boundary or (k - j == 1 and not punctuated and not is_cue(k)):
        return None
    return j, k


@dataclass
class MentionFinder:
    """Finds every naming of an actor in a tokenized body, against the gazetteer's people."""

    names: PhraseIndex
    offices: list
    day: datetime.date = None
    is_cue: object = field(default=lambda k: False)
    sounds: PhraseIndex = None

    def find(self, tokens, body, place_matches=()):
        matches = self.names.find(tokens, body)
        self.spelled = self._spelled(tokens, body, matches, place_matches)
        # a whole name in another spelling outweighs the part of it written as known (سيرجي لافروف)
        matches = sorted([m for m in matches if not any(s.i <= m.i and m.j <= s.j for s in self.spelled)]
                         + self.spelled, key=lambda m: m.i)
        names_at = {m.i: m for m in matches}
        self._places_at = {m.i for m in place_matches}
        mentions, covered = [], set()
        k = 0
        while k < len(tokens):
            if k in covered or not is_role_head(tokens[k].text):
                k += 1
                continue
            mention = self._role(tokens, body, k, names_at)
            mentions.append(mention)
            covered.update(range(mention.i, mention.j))
            k = mention.j
        for m in matches:  # a name starting inside a mention found before is part of it
            if m.i not in covered:
                mentions.append(Mention(m.i, m.j, m.key, how="org-prefix" if m.weak else "name", clitic=m.prefix))
                covered.update(range(m.i, m.j))
        for m in place_matches:
            if m.i not in covered:
                mentions.append(Mention(m.i, m.j, m.key, how="place", clitic=m.prefix))
                covered.update(range(m.i, m.j))
        for k, t in enumerate(tokens):
            if t.text.startswith("ال") and stem(t.text) in DOCUMENT_NOUNS | INSTITUTION_NOUNS and k not in covered:
                mentions.append(Mention(k, k + 1, how="anaphor", role=t.original, role_stems=frozenset({stem(t.text)})))
        mentions.sort(key=lambda m: m.i)
        self._coordinated_counterparts(tokens, body, mentions)
        self._resolve_counterparts(mentions)
        self._names_before_roles(tokens, body, mentions)
        self._appositions(body, tokens, mentions)
        return mentions

    def _coordinated_counterparts(self, tokens, body, mentions):
        """نظيريه السوري وليد المعلم والإيراني محمد جواد ظريف: a second counterpart after و and a country."""
        taken = {k for m in mentions for k in range(m.i, m.j)}
        for m in list(mentions):
            if m.how not in ("new", "role+name") or not m.role or \
                    _head(m.role) not in _COUNTERPART_HEADS:
                continue
            k = m.j
            if k + 1 < len(tokens) and k not in taken and tokens[k].text.startswith("وال") and \
                    tokens[k].text.endswith("ي") and not body[tokens[k - 1].end:tokens[k].start].strip(" ،,"):
                found = _name_after(tokens, body, k + 1, len(tokens), self.is_cue)
                if found:
                    a, b = found
                    role = f"{tokens[m.i].original} {tokens[k].original[1:]}"  # نظيريه الإيراني
                    mentions.append(Mention(k, b, new=NewSpeaker(body[tokens[a].start:tokens[b - 1].end], role),
                                            how="new", role=role))
        mentions.sort(key=lambda m: m.i)

    def _names_before_roles(self, tokens, body, mentions):
        """لكن هادي البحرة رئيس الائتلاف قال: an unknown name right before an office is its holder."""
        taken = {k for m in mentions for k in range(m.i, m.j)}
        for m in mentions:
            if not m.unresolved or m.i < 2 or _has_article(tokens[m.i].text):
                continue
            a = m.i
            while a > 0 and m.i - a < 5 and a - 1 not in taken and tokens[a - 1].text not in COURTESY \
                    and not body[tokens[a - 1].end:tokens[a].start].strip() \
                    and _name_word(tokens[a - 1].text) and not self.is_cue(a - 1):
                a -= 1
            opening = a == 0 or body[tokens[a - 1].end:tokens[a].start].strip() or tokens[a - 1].text in _OPENERS \
                or tokens[a - 1].text in COURTESY
            if m.i - a >= 2 and opening and not _not_a_first_name(tokens, a, m.i, m.i):
                name = body[tokens[a].start:tokens[m.i - 1].end]
                m.new, m.how, m.i = NewSpeaker(name, m.role), "new", a

    def _appositions(self, body, tokens, mentions):
        """رئيس الوفد الإيراني، مساعد وزير الخارجية حسين أنصاري: an office, a comma, then the same person."""
        for m, nxt in zip(mentions, mentions[1:]):
            if m.unresolved and m.new is None and nxt.how in ("new", "role+name") and \
                    body[tokens[m.j - 1].end:tokens[nxt.i].start].strip() in ("،", ","):
                m.key, m.new, m.how = nxt.key, nxt.new, nxt.how

    def _spelled(self, tokens, body, matches, place_matches):
        """Known people in another transliteration (سيرجي لافروف، دي مستورا), where nothing else matched."""
        if self.sounds is None:
            return []
        exact = [(m.i, m.j) for m in list(matches) + list(place_matches)]

        def longer(s):  # overlaps no exact match, or holds each it overlaps and more
            return all(b <= s.i or s.j <= a or (s.i <= a and b <= s.j and (a, b) != (s.i, s.j)) for a, b in exact)

        return [m for m in self.sounds.find(keyed_tokens(tokens), body) if longer(m)
                and not any(tokens[k].text in FUNCTION_WORDS for k in range(m.i, m.j))]

    def _resolve_counterparts(self, mentions):
        """نظيره الروسي names the office of the person last named before it, in another country."""
        for n, m in enumerate(mentions):
            if m.how == "new" and m.role and _head(m.role) in _COUNTERPART_HEADS:
                m.new.role = _counterpart_role(m.role, mentions[:n], self.offices, self.day)  # نظيره الروسي بوتين
            if m.how != "counterpart":
                continue
            ref = next((x.key for x in reversed(mentions[:n]) if x.key and x.how != "place"), None)
            m.key = resolve_counterpart(m.role_stems, ref, self.offices, self.day) if ref else None

    def _role(self, tokens, body, i, names_at):
        hi = len(tokens)
        end, definite = _role_end(tokens, body, i, hi, names_at, self._places_at)
        words = [t.text for t in tokens[i:end]]
        role_text = body[tokens[i].start:tokens[end - 1].end]
        stems = role_stems(words)
        w = tokens[i].text
        clitic = "ل" if w.startswith(LAM_ARTICLE) else (
            w[0] if w[0] in ONE_LETTER_CLITICS and len(w) > 3 and stem(w) == stem(w[1:]) else "")
        after = end if end < hi and body[tokens[end - 1].end:tokens[end].start].strip() in ("", "،", ",") else -1
        if after in names_at and names_at[after].i == after and not names_at[after].weak:
            name = names_at[after]
            return Mention(i, name.j, name.key, how="role+name", role=role_text, role_stems=frozenset(stems))
        found = _name_after(tokens, body, end, hi, self.is_cue) if definite else None
        if found:
            a, b = found
            new = NewSpeaker(body[tokens[a].start:tokens[b - 1].end], role_text)
            return Mention(i, b, new=new, how="new", role=role_text, role_stems=frozenset(stems))
        if stems and stems[0] == "نظير":
            return Mention(i, end, how="counterpart", role=role_text, role_stems=frozenset(stems[1:]), clitic=clitic)
        # a bare indefinite head (نائب، وزير) names no one office; الوزير, with the article, can
        key = resolve_office(stems, self.offices, self.day) if len(stems) > 1 or _has_article(w) else None
        fallback = next((names_at[k].key for k in range(i + 1, end) if k in names_at), None)
        return Mention(i, end, key, how="role", role=role_text, role_stems=frozenset(stems),
                       fallback=fallback, clitic=clitic)


def new_name_index(mentions):
    """A per-article index of the new speakers' names and family names (كيربي after جون كيربي)."""
    index = PhraseIndex()
    for m in mentions:
        if m.new is not None:
            index.add(m.new.name, m.new.name)
            words = m.new.name.split()
            if len(words) > 1 and len(normalize(words[-1])) >= 3:
                index.add(words[-1], m.new.name)
    return index


def add_new_name_mentions(mentions, tokens, body):
    """Mentions of new speakers by name or family name, after their introduction."""
    news = {m.new.name: m.new for m in mentions if m.new is not None}
    if not news:
        return mentions
    taken = {k for m in mentions for k in range(m.i, m.j)}
    extra = [Mention(x.i, x.j, new=news[x.key], how="new", clitic=x.prefix)
             for x in new_name_index(mentions).find(tokens, body) if x.i not in taken]
    return sorted(mentions + extra, key=lambda m: m.i)
