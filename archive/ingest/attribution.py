"""Attribution: the speaker of each statement, from its cue's subject or what a subject-less cue continues."""

from arabic import normalize, stem

from .cues import cue_at
from .mentions import DOCUMENT_NOUNS, TIME_WORDS, NewSpeaker
from .offices import office_title, role_stems
from .places import phrase_tokens
from .subjects import AUX, GOVERNING, LEAD_WORDS, REPLY, TITLE_OF, definite, free
from .unknown import INSTITUTION_HEADS, anonymous_head, is_feminine_subject, read_subject, stands_for_another


class Tracker:
    """Walks the drafts in order, giving each a speaker and remembering who spoke last."""

    def __init__(self, gazetteer, doc, day=None, mentions=()):
        self.gaz, self.doc, self.day, self.mentions, self.history = gazetteer, doc, day, mentions, []

    def attribute(self, d, subject):
        lo, _ = self.doc.sentence_tokens(d.sentence)
        d.reply = any(self.doc.tokens[x].text in REPLY for x in range(lo, d.k))
        if d.parent is not None:
            d.speaker_key, d.new_speaker, d.role_mention = d.parent.speaker_key, d.parent.new_speaker, d.parent.role_mention
            d.confidence, d.reason = d.parent.confidence, d.parent.reason + "; quote in the same clause"
        elif subject is not None and subject.how == "honorific":
            if not self._honoured(d, subject):
                self._inherit(d, None)
        elif subject is None:
            self._inherit(d, subject)
        elif self._from_mention(d, subject):
            self._reassign_unnamed(d, subject)
        elif (earlier := self._named_before(subject)) is not None:  # وأضاف العطية، after خالد العطية
            d.new_speaker, d.confidence, d.reason = earlier, 0.6, f"named earlier: {subject.role}"
        elif subject.how == "place":  # ودعا موسكو ودمشق إلى: a place after the verb is its object here
            self._inherit(d, None)
        elif subject.how == "unknown" and self._antecedent(d, subject.i, subject.role):
            pass
        else:  # someone is named but not known (قال مسؤول روسي): not the last speaker
            d.confidence, d.reason = 0.2, f"unknown subject: {subject.role or subject.how}"
        self.history.append(d)

    def _from_mention(self, d, m):
        what = m.role or self.doc.body[self.doc.tokens[m.i].start:self.doc.tokens[m.j - 1].end]
        if m.new is not None and m.how.startswith("unknown") and normalize(m.new.name).startswith("ال"):
            earlier = self._recent_new(role_stems(phrase_tokens(m.new.name)), m.i, m.new.kind)
            if earlier is not None:  # قالت مصادر دبلوماسية غربية ... وأضافت المصادر
                d.new_speaker, d.confidence, d.reason = earlier, 0.6, f"named again: {what}"
                return True
            if stands_for_another(m.new.name):
                return self._antecedent(d, m.i, what)  # المصادر: the sources named before
        if m.new is not None:
            read = m.how.startswith("unknown")  # read from the subject slot, not introduced by a role
            d.new_speaker, d.confidence = m.new, (0.45 if m.new.kind == "person" else 0.6) if read else 0.7
            d.reason = f"new {m.new.kind} in the subject: {what}" if read else f"new speaker after a role: {what}"
            return True
        key, conf, how = m.key, {"name": 0.9, "role+name": 0.9, "short": 0.8, "role": 0.75}.get(m.how, 0.7), m.how
        if m.how == "role" and key and len(m.role_stems) == 1:
            earlier = self._recent_new(m.role_stems, m.i)  # الرئيس after رئيس الجمهورية حسن روحاني
            if earlier is not None:
                d.new_speaker, d.confidence, d.reason = earlier, 0.55, f"the holder named earlier: {what}"
                return True
        if m.how == "place":
            key, how = self.gaz.government_of(m.key), "a country speaking for its government"
        elif m.how == "anaphor":  # البيان: any institution; الوزارة: a ministry
            key, conf = self._recent(lambda h: (self.gaz.people.get(h) or {}).get("kind") == "organisation" and (
                m.role_stems <= DOCUMENT_NOUNS or self.gaz.describes(h, m.role_stems))), 0.6
        elif m.unresolved and definite(self.doc.tokens[m.i].text):
            key, conf, how = self._recent(lambda h: self.gaz.describes(h, m.role_stems, self.day)), 0.6, \
                "earlier speaker fitting"
        elif m.unresolved:
            key, conf, how, d.role_mention = m.fallback, 0.5, "the institution of an unnamed spokesman", m
        if key is None and m.unresolved and (definite(self.doc.tokens[m.i].text) or len(m.role_stems) >= 2):
            earlier = self._recent_new(m.role_stems, m.i)  # قال مسؤول روسي ... وأضاف المسؤول
            if earlier is not None:
                d.new_speaker, d.confidence, d.reason = earlier, 0.55, f"earlier speaker fitting: {what}"
                return True
        if key is None and m.unresolved:
            return self._unknown_holder(d, m, what)
        if key is None and (m.how == "anaphor" or m.how.startswith("unknown")):
            return self._antecedent(d, m.i, what)
        if key is None:
            return False
        d.speaker_key, d.confidence, d.reason = key, conf, f"{how}: {what}"
        return True

    def _unknown_holder(self, d, m, what):
        """A role nobody known holds on the day (وزير الخارجية التركي) speaks as itself, unreviewed;
        an unnamed official or source (مسؤول روسي، مصدر دبلوماسي) as an anonymous speaker."""
        end = d.comp.subject[1] if d.comp.subject[1] > m.i else len(self.doc.tokens)
        speaker = self._role_speaker(m, end)
        if speaker is None:
            return False  # a bare وزير or رئيس names no one: the words wait for an editor
        d.new_speaker = speaker
        if speaker.kind == "anonymous":
            d.confidence, d.reason = 0.55, f"unnamed source: {speaker.name if len(m.role_stems) < 2 else what}"
        else:
            d.confidence, d.reason = 0.5, f"a role whose holder on this date is not known: {what}"
        return True

    def _role_speaker(self, m, end=None):
        """The unreviewed speaker an unresolved office or unnamed source stands for, or None."""
        tokens = self.doc.tokens
        role = self.doc.body[tokens[m.i].start:tokens[m.j - 1].end]
        if tokens[m.i].text[:1] in "وفل" and m.clitic:
            role = role[1:]
        if anonymous_head(tokens[m.i].text) and len(m.role_stems) < 2:
            source = read_subject(self.doc, m.i, end or len(tokens))
            return source if source is not None and source.kind == "anonymous" else None  # مصدر مسؤول في ...
        if len(m.role_stems) < 2:
            return None
        construct = m.i + 1 < m.j and definite(tokens[m.i + 1].text)  # وزير الخارجية: one office
        if anonymous_head(tokens[m.i].text) or not (definite(tokens[m.i].text) or construct):
            return NewSpeaker(role, role, "anonymous")
        title = office_title(role_stems([t.text for t in tokens[m.i:m.j]]), self.gaz.offices)
        return NewSpeaker(title or role, role, "role")

    def _antecedent(self, d, i, what):
        """وقالت الوزارة، وأضافت الخارجية، وأضاف المصدر: the institution or source the text named
        before with that noun (وجّهت وزارة الخارجية والمغتربين ...; صرّح مصدر رسمي ...)."""
        tokens = self.doc.tokens
        word = tokens[i].text
        written = word[1:] if word.startswith(("وال", "فال")) else word
        if not written.startswith("ال") or len(written) < 5:
            return False
        bare = written[2:]
        for p in range(i - 1, -1, -1):
            t = tokens[p].text
            start = p if t in (bare, "و" + bare) else p - 1 if t == written and p > 0 and \
                stem(tokens[p - 1].text) in INSTITUTION_HEADS else None
            if start is None:
                continue
            new = read_subject(self.doc, start, len(tokens))
            if new is not None and new.kind in ("organisation", "anonymous"):
                d.new_speaker, d.confidence, d.reason = new, 0.55, f"named before: {what} = {new.name}"
                return True
            return False
        return False

    def _honoured(self, d, subject):
        """وأكد سموه: the person last named with that courtesy title (سمو الشيخ عبدالله ...)."""
        title = TITLE_OF.get(subject.role)
        for m in reversed([m for m in self.mentions if m.j <= subject.i]):
            person = m.new is not None and m.new.kind == "person" or \
                (self.gaz.people.get(m.key) or {}).get("kind", "") == "person"
            if person and any(self.doc.tokens[x].text == title for x in range(max(0, m.i - 3), m.i)):
                d.speaker_key, d.new_speaker = (None, m.new) if m.new is not None else (m.key, None)
                d.confidence, d.reason = 0.6, f"honorific {subject.role}: the person last named with it"
                return True
        return False

    def _named_before(self, subject):
        """An earlier unknown speaker whose family name is the one word of this subject."""
        word = normalize(subject.role or "")
        word = word[1:] if word[:1] in "وف" and len(word) > 4 else word
        for h in reversed(self.history):
            new = h.new_speaker
            if new is not None and new.kind == "person" and len(word) >= 3 and normalize(new.name).split()[-1] == word:
                return new
        return None

    def _recent_new(self, stems, before, kind=None):
        """The unknown person last named before token `before` (as a speaker, or introduced by role
        and name) whose role or name holds these role words: وزير الخارجية وليد المعلم ... وأكد الوزير."""
        named = [(h.k, h.new_speaker) for h in self.history if h.new_speaker is not None]
        named += [(m.i, m.new) for m in self.mentions if m.new is not None and m.i < before]
        fits = []
        for _, new in sorted(named, key=lambda x: x[0], reverse=True):
            held = set(role_stems(phrase_tokens(new.role + " " + new.name)))
            if (kind is None or new.kind == kind) and stems and set(stems) <= held and new not in fits:
                fits.append(new)
        if len(fits) > 1 and len(stems) == 1:  # الرئيس: the one whose title is that word and least else
            return min(fits, key=lambda new: len(role_stems(phrase_tokens(new.role))) or 99)
        return fits[0] if fits else None

    def _recent(self, fits):
        return next((h.speaker_key for h in reversed(self.history) if h.speaker_key and fits(h.speaker_key)), None)

    def _inherit(self, d, subject):
        """وأضاف، مشيرا، كما أكد: the last speaker goes on, if grammatical gender allows."""
        speakers = _distinct([(h.speaker_key, h.new_speaker) for h in self.history if h.speaker_key or h.new_speaker])
        if d.cue.lemma == "interview" and not (self.history and self.history[-1].cue.lemma == "interview"):
            speakers = self._interviewee(d) or speakers  # the first answer: whom the introduction names
        governing = self._governing_subject(d) if d.cue.form == "participle" else []
        if not governing and not any(h.sentence == d.sentence and (h.speaker_key or h.new_speaker) for h in self.history):
            governing = self._sentence_subject(d)  # وكان دي ميستورا قد أبلغ ...، محذراً; رحّب X ...، وقال
        if governing or not speakers:
            speakers = governing  # نفى الجعفري وجود مجاعة، متهماً ...: the verb's subject goes on
        if not speakers:
            d.confidence, d.reason = 0.2, "no speaker found"
            return
        last_run = _run(self.history)
        if (self.doc.paragraph_initial(d.sentence) and d.cue.form != "participle" and len(last_run) == 1
                and last_run[0].reply and len(speakers) > 1 and not self.doc.paragraph_initial(last_run[0].sentence)):
            # a one-line reply (بدوره، ...) inside another's paragraph does not take over the next one;
            # a reply that opens its own paragraph (من جهته، قال ...) does go on
            speakers = speakers[1:]
        spokesman = last_run[0].role_mention if last_run else None
        agree = [s for s in speakers[:3] if self._agrees(d.cue.gender, s, spokesman if s == speakers[0] else None)]
        if not agree:
            d.confidence, d.reason = 0.2, "no earlier speaker agrees with the verb"
            return
        (d.speaker_key, d.new_speaker), d.confidence = agree[0], 0.7 if agree[0] == speakers[0] else 0.55
        d.role_mention = spokesman if agree[0] == speakers[0] else None
        d.reason = "inherit: the last speaker goes on" + (f" ({subject.how})" if subject else "")

    def _governing_subject(self, d):
        """أعلن الجبير استعداد المملكة ...، موضحاً أن: a verb that governed no statement still has a
        subject, and the participle after it goes on with that subject."""
        lo, _ = self.doc.sentence_tokens(d.sentence)
        for k in range(d.k - 1, lo - 1, -1):
            cue = cue_at(self.doc, k)
            if cue is None or cue.form not in ("verb", "imperfect"):
                continue
            if any(h.k == k for h in self.history):
                return []  # it governed a statement: the last speaker is its speaker already
            m = next((m for m in self.mentions if k < m.i <= k + 4 and free(self.doc.tokens, m, k)), None)
            if m is not None and (m.new is not None or m.key in self.gaz.people):
                return [(m.key if m.new is None else None, m.new)]
            return []
        return []

    def _sentence_subject(self, d):
        """The person a sentence opens with as the subject of its first verb (وكان X قد ...، بدوره، رحّب X)."""
        lo, _ = self.doc.sentence_tokens(d.sentence)
        tokens, p = self.doc.tokens, lo
        while p < d.k and (tokens[p].text in REPLY or tokens[p].text in LEAD_WORDS):
            p += 1
        for m in self.mentions:
            if p < m.i <= p + 2 and m.i < d.k and all(tokens[x].text in AUX | TIME_WORDS for x in range(p + 1, m.i)) \
                    and m.clitic not in ("ل", "ب") and (m.new is not None and m.new.kind == "person" or
                                                     (self.gaz.people.get(m.key) or {}).get("kind") == "person"):
                return [(m.key if m.new is None else None, m.new)]
        if p + 1 < d.k and not any(m.i == p + 1 and (m.key or m.new) for m in self.mentions):
            new = read_subject(self.doc, p + 1, d.k)  # وأصدرت وزارة الخارجية الكويتية بياناً ...، مطالبة
            if new is not None and new.kind == "organisation":
                return [(None, new)]
        return self._first_subject(d, lo)

    def _first_subject(self, d, lo):
        """The first person or office the sentence names outside a preposition (علّق المبعوث الدولي
        المحادثات ...، وقال; ورحّب الأمين العام بالقرار، وقال)."""
        tokens = self.doc.tokens
        for m in self.mentions:
            if not (lo <= m.i < d.k) or m.how in ("place", "anaphor") or m.clitic in ("ل", "ب") or \
                    (m.i > lo and tokens[m.i - 1].text in GOVERNING):
                continue
            if m.unresolved:
                speaker = self._recent_new(m.role_stems, m.i) or self._role_speaker(m)
                return [(None, speaker)] if speaker is not None else []
            if m.new is not None or (self.gaz.people.get(m.key) or {}).get("kind") == "person":
                return [(m.key if m.new is None else None, m.new)]
            return []
        return []

    def _interviewee(self, d):
        """The person an interview's introduction names last (a role named again is its holder)."""
        intro = [m for m in self.mentions if m.j <= d.k and m.unresolved]
        if intro and intro[-1].i > max((m.i for m in self.mentions if m.j <= d.k and not m.unresolved), default=-1):
            earlier = self._recent_new(intro[-1].role_stems, intro[-1].i)  # حديث رئيس المجلس المحلي
            if earlier is not None:
                return [(None, earlier)]
        named = [m for m in self.mentions if m.j <= d.k and (m.new is not None or (
            m.key in self.gaz.people and self.gaz.people[m.key].get("kind", "person") == "person"))]
        return [(named[-1].key, named[-1].new)] if named else []

    def _agrees(self, gender, speaker, spokesman=None):
        """Verb and subject agree; for an unnamed spokesman it is the role word that agrees."""
        key, new = speaker
        if gender == "p":  # أكدا، دعوا: a dual or plural verb does not go on with one speaker
            return False
        feminine = self.gaz.feminine(key) if key else bool(new) and is_feminine_subject(new)
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
