"""The subject of each speech cue: a mention after it or before it, or words read from its slot."""

from arabic import FUNCTION_WORDS, normalize

from .mentions import COURTESY, TIME_WORDS, Mention
from .unknown import read_subject
from .wordlists import word_set

AUX = word_set("كان وكان قد وقد كانت وكانت فقد لقد")
LEAD_WORDS = word_set("من جهته جهتها جانبه جانبها في المقابل و")
_KANA = word_set("كان وكان كانت وكانت")
GOVERNING = word_set("في من إلى الى مع عن على لدى أمام بين ضد نحو عبر حول")
_WHERE = word_set("في وفي من ومن إلى الى لدى أمام داخل")
REPLY = word_set("بدوره بدورها بدورهم جهته جهتها جانبه جانبها المقابل")
_PRONOUN_ENDS = ("ه", "ها", "هم", "هما")
_ADVERBS = word_set("مره اخري كذلك بدوره بدورها هنا حينها خلاله خلالها فيه فيها")
# Honorifics that stand for the last person named (وأضاف معاليه، وأكد سموه).
_HONORIFICS = word_set("معاليه سموه فخامته سيادته دولته سعادته")
TITLE_OF = {normalize(a): normalize(b) for a, b in (("معاليه", "معالي"), ("سموه", "سمو"), ("فخامته", "فخامة"),
                                                   ("سعادته", "سعادة"), ("سيادته", "السيد"), ("دولته", "دولة"))}


def free(tokens, m, k):
    """A subject follows its verb at once or after time words only (قال اليوم وزير ...), and carries
    no ل/ب: لوكالة انترفاكس is whom he told, في لقاء بكين where."""
    return m.clitic not in ("ل", "ب") and all(tokens[x].text in TIME_WORDS | AUX | COURTESY
                                              for x in range(k + 1, m.i))


def subject_before(doc, mentions, lo, k):
    """The mention that ends right before token k (كان لافروف أكد), first of a coordination."""
    tokens = doc.tokens
    pre = [m for m in mentions if lo <= m.i and m.j <= k and m.clitic not in ("ل", "ب")
           and not (m.how == "place" and m.i > 0 and tokens[m.i - 1].text in _WHERE)  # وفي جنيف قال ...
           and all(tokens[x].text in AUX for x in range(m.j, k))
           and not any(doc.gap(x).strip() for x in range(m.j, k + 1))]
    if not pre:
        return None
    m = pre[-1]
    first = [x for x in mentions if x.j == m.i and x.i >= lo and not doc.gap(m.i).strip()]
    return first[-1] if first and tokens[m.i].text.startswith("و") else m


def subject_of(doc, d, mentions):
    """The mention that is the subject of draft d's cue, or None when the cue has none."""
    tokens, k, cue, comp = doc.tokens, d.k, d.cue, d.comp
    lo, _ = doc.sentence_tokens(d.sentence)
    after = [m for m in mentions if k < m.i < max(comp.subject[1], k + 1)]
    if cue.form == "according":
        told = k + 1 < len(tokens) and tokens[k + 1].text == "ما"  # بحسب ما أعلنت الخارجية
        if after and after[0].i <= k + (4 if told else 2):
            return after[0]
        x = k + 2 if k + 1 < len(tokens) and tokens[k + 1].text in ("عن", "ل") else k + 1 + 2 * told
        new = read_subject(doc, x, comp.subject[1]) if x < comp.subject[1] else None
        return Mention(x, x + len(new.name.split()), new=new, how="unknown " + new.kind, role=new.name) if new else None
    if cue.form == "participle" or d.parent is not None:
        return None
    if cue.lemma == normalize("نقل"):
        return next((m for m in after if tokens[m.i - 1].text == "عن"), None)
    if cue.form == "masdar":
        # إعلان الولايات المتحدة: the agent follows; قوله، التأكيد: it is the subject before
        bare = not tokens[k].text.endswith(_PRONOUN_ENDS) and not definite(tokens[k].text)
        found = next((m for m in after if m.i == k + 1), None) if bare else None
        return found or subject_before(doc, mentions, lo, k)
    found = next((m for m in after if m.i <= k + 4 and free(tokens, m, k)), None)
    before = subject_before(doc, mentions, lo, k)
    fronted = cue.form == "imperfect" and k > lo and not doc.gap(k).strip() and tokens[k - 1].text not in FUNCTION_WORDS
    if found or before or fronted:  # الحكومة تطالب مجلس الأمن: the subject came first, what follows is the object
        return found or before
    return _subject_after_kana(doc, lo, k) or _unknown_subject(doc, k, comp.subject[1])


def _subject_after_kana(doc, lo, k):
    """وكانت القيادة العامة للجيش قد أعلنت: the subject stands between كان and قد."""
    tokens = doc.tokens
    if k - lo < 3 or tokens[lo].text not in _KANA or tokens[k - 1].text not in AUX:
        return None
    new = read_subject(doc, lo + 1, k - 1)
    return Mention(lo + 1, k - 1, new=new, how="unknown " + new.kind, role=new.name) if new else None


def _unknown_subject(doc, k, end):
    """ويقول محللون إن، وأشار التقرير إلى: a subject word no gazetteer knows, so not the last speaker.

    Adverbs in the accusative (مجددا، لاحقا) and time words are skipped; a word with a preposition
    clitic (للصحفيين) or a function word is no subject.
    """
    for x in range(k + 1, min(end, k + 3)):
        w = doc.tokens[x].text
        if w in TIME_WORDS or w in AUX or (w.endswith("ا") and len(w) >= 4) or w in _ADVERBS:
            continue
        if w in _HONORIFICS:
            return Mention(x, x + 1, how="honorific", role=w)
        if w in FUNCTION_WORDS or w[:1] in "لب" or w.startswith("لل") or not w[:1].isalpha() or x in doc.quote_at:
            return None
        new = read_subject(doc, x, end, anaphor=True)
        if new is not None:
            return Mention(x, x + len(new.name.split()), new=new, how="unknown " + new.kind, role=new.name)
        return Mention(x, x + 1, how="unknown", role=doc.tokens[x].original)
    return None


def definite(word):
    return word.startswith(("ال", "وال", "فال", "لل"))
