"""Who is named where: gazetteer names, role phrases resolved through dated positions, and new names."""

import datetime
from dataclasses import dataclass, field

from search.arabic import FUNCTION_WORDS, normalize, stem

from .places import PhraseIndex, phrase_tokens


def _stems(text):
    return frozenset(normalize(w) for w in text.split())


# Head nouns of the offices and functions that news text names people by.
ROLE_HEADS = _stems("""وزير نائب مساعد متحدث ناطق مبعوث مندوب سفير رئيس امين مسءول مستشار
    قائد زعيم ممثل مدير وكيل عضو نظير مصدر متحدثه ناطقه""")
# A definite anaphor for an institution's voice: "the statement" speaks for whoever issued it.
DOCUMENT_NOUNS = _stems("بيان")
# A definite institution noun (الوزارة، الحكومة) is the institution of that kind that spoke last.
INSTITUTION_NOUNS = frozenset(stem(w) for w in _stems("الوزاره الحكومه الرئاسه الاداره المركز المكتب"))
# Spelling variants of role words that the normalizer rightly keeps apart (أميركي/أمريكي).
_VARIANTS = {normalize("اميركي"): normalize("امريكي")}
_PHRASE_VARIANTS = ((("امم", "متحد"), "اممي"),)  # مبعوث الأمم المتحدة = المبعوث الأممي
_LINKS = _stems("باسم الى لدى في ل")  # words that continue a role: المتحدث باسم ...، المبعوث إلى ...
_TIME_WORDS = _stems("""اليوم امس مساء صباح الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد
    ليل فجر ظهر لاحقا مجددا ايضا""")
_ONE_LETTER_CLITICS = "وفبلك"
_ADVERBS = _stems("مره اخري كذلك بدوره بدورها هنا حينها")


@dataclass
class NewSpeaker:
    """Someone the gazetteer does not know, named in the text after a role."""

    name: str
    role: str

    def ident(self):
        return ("new", normalize(self.name))


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


@dataclass
class Office:
    """One dated position, as role words: head noun and the set of content stems."""

    key: str
    head: str
    stems: frozenset
    start: datetime.date = None
    end: datetime.date = None

    def valid_on(self, day):
        return day is None or ((self.start is None or self.start <= day) and (self.end is None or day <= self.end))


def role_stems(words):
    """Content stems of role words, spelling variants folded: المتحدث باسم الخارجية الأميركية."""
    stems = [_VARIANTS.get(stem(w), stem(w)) for w in words if w not in FUNCTION_WORDS]
    for parts, joined in _PHRASE_VARIANTS:
        parts = tuple(normalize(p) for p in parts)
        for n in range(len(stems) - 1):
            if tuple(stems[n:n + 2]) == parts:
                stems[n:n + 2] = [joined, ""]
    return [s for s in stems if s]


def parse_date(value):
    if value in (None, "") or isinstance(value, datetime.date):
        return value or None
    return datetime.date.fromisoformat(str(value)[:10])


def office_of(key, title, start=None, end=None):
    stems = role_stems(phrase_tokens(title))
    return Office(key, stems[0] if stems else "", frozenset(stems), parse_date(start), parse_date(end))


def resolve_office(stems, offices, day):
    """The one person whose office, valid on `day`, the role words describe; None if not exactly one.

    Heads must agree (نائب وزير is not وزير) and every role word must be in the title; titles
    may say more (المبعوث الأممي = المبعوث الأممي الخاص إلى سوريا).
    """
    if not stems:
        return None
    head, words = stems[0], set(stems)
    fits = [o for o in offices if o.head == head and words <= o.stems and o.valid_on(day)]
    exact = {o.key for o in fits if o.stems == words}
    keys = exact or {o.key for o in fits}
    return next(iter(keys)) if len(keys) == 1 else None


def resolve_counterpart(nationality, reference_key, offices, day):
    """نظيره الروسي: the holder of the reference person's office in the other country."""
    mine = [o for o in offices if o.key == reference_key and o.valid_on(day)]
    keys = {o.key for ref in mine for o in offices
            if o.key != reference_key and o.valid_on(day) and o.head == ref.head
            and len(o.stems ^ ref.stems) == 2 and (o.stems - ref.stems) <= set(nationality)}
    return next(iter(keys)) if len(keys) == 1 else None


def _role_goes_on(tokens, k, hi, places_at, link):
    """After باسم/إلى/لدى/في the role goes on with a definite word or a place (إلى سوريا), but
    في before a place is where it was said (نظيره الروسي في جنيف), and في مؤتمر صحفي is no role."""
    if k >= hi or tokens[k].text in FUNCTION_WORDS:
        return False
    if link == "في":
        return k not in places_at and (_has_article(tokens[k].text) or (k + 1 < hi and _has_article(tokens[k + 1].text)))
    return link == "باسم" or k in places_at or _has_article(tokens[k].text) or \
        (k + 1 < hi and _has_article(tokens[k + 1].text))


def _has_article(word):
    return word not in FUNCTION_WORDS and word.startswith(("ال", "وال", "فال", "بال", "لل"))


def _is_role_head(word):
    """وزير، المتحدثة، نظيره; not plurals, which name no one speaker (المساعدات is aid, not aides)."""
    return stem(word) in ROLE_HEADS and not word.endswith(("ات", "ون", "ين"))


def _role_end(tokens, body, i, hi, names_at, places_at=frozenset()):
    """End of the role phrase that starts at head token i (definite or construct roles only)."""
    j, definite = i + 1, _has_article(tokens[i].text)
    while j < hi:
        if body[tokens[j - 1].end:tokens[j].start].strip() or j in names_at:
            break
        w = tokens[j].text
        if w in _LINKS and _role_goes_on(tokens, j + 1, hi, places_at, w):
            j += 1  # باسم البيت، إلى سوريا: the next word belongs to the role too
        elif _has_article(w):
            definite = True
        elif not definite and j + 1 < hi and _has_article(tokens[j + 1].text) and w not in FUNCTION_WORDS:
            pass  # construct chain: نائب وزير الخارجية، رئيس لجنة الدفاع
        elif not definite and w.endswith(("ي", "يه")) and w not in FUNCTION_WORDS:
            pass  # indefinite role with its adjectives: مسؤول عسكري روسي
        else:
            break
        j += 1
    return j, definite


def _name_after(tokens, body, j, hi, is_cue):
    """Tokens [j, k) that read as a person's name right after a role, or None.

    A name is one to three words with no article on the first, none a function, time or
    speech word, ending at punctuation, a function word or the sentence end.
    """
    if j >= hi or body[tokens[j - 1].end:tokens[j].start].strip() not in ("", "،", ","):
        return None
    k = j
    while k < hi and k - j < 3:
        w = tokens[k].text
        if (w in FUNCTION_WORDS or w in _TIME_WORDS or is_cue(k) or _is_role_head(w) or len(w) < 2
                or (k == j and _has_article(w)) or not w[0].isalpha() or w[0].isascii()):
            break
        k += 1
        if k < hi and body[tokens[k - 1].end:tokens[k].start].strip():
            break
    if k == j:
        return None
    if k >= hi:
        return j, k
    punctuated = body[tokens[k - 1].end:tokens[k].start].strip()
    boundary = punctuated or tokens[k].text in FUNCTION_WORDS or is_cue(k) or tokens[k].text in _TIME_WORDS \
        or tokens[k].text[:1] in "لب"
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

    def find(self, tokens, body, place_matches=()):
        matches = self.names.find(tokens, body)
        names_at = {m.i: m for m in matches}
        self._places_at = {m.i for m in place_matches}
        mentions, covered = [], set()
        k = 0
        while k < len(tokens):
            if k in covered or not _is_role_head(tokens[k].text):
                k += 1
                continue
            mention = self._role(tokens, body, k, names_at)
            mentions.append(mention)
            covered.update(range(mention.i, mention.j))
            k = mention.j
        for m in matches:
            if not any(m.i in range(x.i, x.j) for x in mentions):
                mentions.append(Mention(m.i, m.j, m.key, how="org-prefix" if m.weak else "name", clitic=m.prefix))
        for m in place_matches:
            if not any(m.i in range(x.i, x.j) for x in mentions):
                mentions.append(Mention(m.i, m.j, m.key, how="place", clitic=m.prefix))
        for k, t in enumerate(tokens):
            if t.text.startswith("ال") and stem(t.text) in DOCUMENT_NOUNS | INSTITUTION_NOUNS and \
                    not any(x.i <= k < x.j for x in mentions):
                mentions.append(Mention(k, k + 1, how="anaphor", role=t.original, role_stems=frozenset({stem(t.text)})))
        mentions.sort(key=lambda m: m.i)
        self._resolve_counterparts(mentions)
        return mentions

    def _resolve_counterparts(self, mentions):
        """نظيره الروسي names the office of the person last named before it, in another country."""
        for n, m in enumerate(mentions):
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
        clitic = "ل" if w.startswith("لل") else (
            w[0] if w[0] in _ONE_LETTER_CLITICS and len(w) > 3 and stem(w) == stem(w[1:]) else "")
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
        key = resolve_office(stems, self.offices, self.day)
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


# ---- Attribution: the subject of each speech cue, and what a subject-less cue continues.
_AUX = _stems("كان وكان قد وقد كانت وكانت فقد لقد")
_REPLY = _stems("بدوره بدورها بدورهم جهته جهتها جانبه جانبها المقابل")
_PRONOUN_ENDS = ("ه", "ها", "هم", "هما")


def _free(tokens, m, k):
    """A subject follows its verb at once or after time words only (قال اليوم وزير ...), and carries
    no ل/ب: لوكالة انترفاكس is whom he told, في لقاء بكين where."""
    return m.clitic not in ("ل", "ب") and all(tokens[x].text in _TIME_WORDS | _AUX for x in range(k + 1, m.i))


def subject_before(doc, mentions, lo, k):
    """The mention that ends right before token k (كان لافروف أكد), first of a coordination."""
    tokens = doc.tokens
    pre = [m for m in mentions if lo <= m.i and m.j <= k and m.clitic not in ("ل", "ب")
           and all(tokens[x].text in _AUX for x in range(m.j, k))
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
        return after[0] if after and after[0].i <= k + 2 else None
    if cue.form == "participle" or d.parent is not None:
        return None
    if cue.lemma == normalize("نقل"):
        return next((m for m in after if tokens[m.i - 1].text == "عن"), None)
    if cue.form == "masdar":
        # إعلان الولايات المتحدة: the agent follows; قوله، التأكيد: it is the subject before
        bare = not tokens[k].text.endswith(_PRONOUN_ENDS) and not _definite(tokens[k].text)
        found = next((m for m in after if m.i == k + 1), None) if bare else None
        return found or subject_before(doc, mentions, lo, k)
    found = next((m for m in after if m.i <= k + 4 and _free(tokens, m, k)), None)
    return found or subject_before(doc, mentions, lo, k) or _unknown_subject(doc, k, comp.subject[1])


def _unknown_subject(doc, k, end):
    """ويقول محللون إن، وأشار التقرير إلى: a subject word no gazetteer knows, so not the last speaker.

    Adverbs in the accusative (مجددا، لاحقا) and time words are skipped; a word with a preposition
    clitic (للصحفيين) or a function word is no subject.
    """
    for x in range(k + 1, min(end, k + 3)):
        w = doc.tokens[x].text
        if w in _TIME_WORDS or w in _AUX or (w.endswith("ا") and len(w) >= 4) or w in _ADVERBS:
            continue
        if w in FUNCTION_WORDS or w[:1] in "لب" or w.startswith("لل") or not w[:1].isalpha() or x in doc.quote_at:
            return None
        return Mention(x, x + 1, how="unknown", role=doc.tokens[x].original)
    return None


class Tracker:
    """Walks the drafts in order, giving each a speaker and remembering who spoke last."""

    def __init__(self, gazetteer, doc):
        self.gaz, self.doc, self.history = gazetteer, doc, []

    def attribute(self, d, subject):
        lo, _ = self.doc.sentence_tokens(d.sentence)
        d.reply = any(self.doc.tokens[x].text in _REPLY for x in range(lo, d.k))
        if d.parent is not None:
            d.speaker_key, d.new_speaker, d.role_mention = d.parent.speaker_key, d.parent.new_speaker, d.parent.role_mention
            d.confidence, d.reason = d.parent.confidence, d.parent.reason + "; quote in the same clause"
        elif subject is None:
            self._inherit(d, subject)
        elif self._from_mention(d, subject):
            self._reassign_unnamed(d, subject)
        else:  # someone is named but not known (قال مسؤول روسي): not the last speaker
            d.confidence, d.reason = 0.2, f"unknown subject: {subject.role or subject.how}"
        self.history.append(d)

    def _from_mention(self, d, m):
        what = m.role or self.doc.body[self.doc.tokens[m.i].start:self.doc.tokens[m.j - 1].end]
        if m.new is not None:
            d.new_speaker, d.confidence, d.reason = m.new, 0.7, f"new speaker after a role: {what}"
            return True
        key, conf, how = m.key, {"name": 0.9, "role+name": 0.9, "short": 0.8, "role": 0.75}.get(m.how, 0.7), m.how
        if m.how == "place":
            key, how = self.gaz.government_of(m.key), "a country speaking for its government"
        elif m.how == "anaphor":  # البيان: any institution; الوزارة: a ministry
            key, conf = self._recent(lambda h: (self.gaz.people.get(h) or {}).get("kind") == "organisation" and (
                m.role_stems <= DOCUMENT_NOUNS or self.gaz.describes(h, m.role_stems))), 0.6
        elif m.unresolved and _definite(self.doc.tokens[m.i].text):
            key, conf, how = self._recent(lambda h: self.gaz.describes(h, m.role_stems)), 0.6, "earlier speaker fitting"
        elif m.unresolved:
            key, conf, how, d.role_mention = m.fallback, 0.5, "the institution of an unnamed spokesman", m
        if key is None:
            return False
        d.speaker_key, d.confidence, d.reason = key, conf, f"{how}: {what}"
        return True

    def _recent(self, fits):
        return next((h.speaker_key for h in reversed(self.history) if h.speaker_key and fits(h.speaker_key)), None)

    def _inherit(self, d, subject):
        """وأضاف، مشيرا، كما أكد: the last speaker goes on, if grammatical gender allows."""
        speakers = _distinct([(h.speaker_key, h.new_speaker) for h in self.history if h.speaker_key or h.new_speaker])
        if not speakers:
            d.confidence, d.reason = 0.2, "no speaker found"
            return
        last_run = _run(self.history)
        if (self.doc.paragraph_initial(d.sentence) and d.cue.form != "participle" and len(last_run) == 1
                and last_run[0].reply and len(speakers) > 1):
            speakers = speakers[1:]  # a one-line reply (بدوره، ...) does not take over the next paragraph
        spokesman = last_run[0].role_mention if last_run else None
        agree = [s for s in speakers[:3] if self._agrees(d.cue.gender, s, spokesman if s == speakers[0] else None)]
        if not agree:
            d.confidence, d.reason = 0.2, "no earlier speaker agrees with the verb"
            return
        (d.speaker_key, d.new_speaker), d.confidence = agree[0], 0.7 if agree[0] == speakers[0] else 0.55
        d.role_mention = spokesman if agree[0] == speakers[0] else None
        d.reason = "inherit: the last speaker goes on" + (f" ({subject.how})" if subject else "")

    def _agrees(self, gender, speaker, spokesman=None):
        """Verb and subject agree; for an unnamed spokesman it is the role word that agrees."""
        key, new = speaker
        if gender == "p":  # أكدا، دعوا: a dual or plural verb does not go on with one speaker
            return False
        feminine = bool(key) and self.gaz.feminine(key)
        if spokesman is not None:
            feminine = normalize(spokesman.role.split()[0]).endswith("ه")
        return not gender or (gender == "f") == feminine

    def _reassign_unnamed(self, d, subject):
        """قال متحدث باسم الخارجية ... وأضاف مارك تونر: the spokesman is now named."""
        if not (d.cue.continuing and subject.how in ("name", "role+name", "short") and d.speaker_key):
            return
        heads = {s for o in self.gaz.offices if o.key == d.speaker_key for s in o.stems}
        for h in reversed(self.history):
            if h.role_mention is None or (role_stems(phrase_tokens(h.role_mention.role)) or [""])[0] not in heads:
                break
            h.speaker_key, h.confidence = d.speaker_key, 0.7
            h.reason += f"; named later: {subject.role or d.reason}"

    def final(self, drafts):
        """The drafts in text order, none overlapping: of two that overlap the surer one stays."""
        kept = []
        for d in sorted((d for d in drafts if d.end > d.start), key=lambda d: (d.start, -d.end)):
            if kept and d.start < kept[-1].end:
                if d.confidence <= kept[-1].confidence:
                    continue
                kept.pop()
            kept.append(d)
        return kept


def _definite(word):
    return word.startswith(("ال", "وال", "فال"))


def _distinct(pairs):
    out = []
    for p in reversed(pairs):
        if p not in out:
            out.append(p)
    return out


def _run(history):
    """The last statements made by the last speaker, in a row."""
    run = []
    for h in reversed(history):
        if run and (h.speaker_key, h.new_speaker) != (run[0].speaker_key, run[0].new_speaker):
            break
        run.append(h)
    return run
