"""Who said what, where: statements, speakers and places proposed from a cleaned article body."""

# No Django here: the gazetteer (gazetteer.py) is built from plain dicts, so the importer, the
# evaluation and the tests share one extractor.

from dataclasses import dataclass, field

from arabic import FUNCTION_WORDS, normalize

from .attribution import Tracker
from .subjects import subject_before, subject_of
from .cues import INTERVIEW, Complement, cue_at, find_complement
from .document import Doc
from .mentions import MentionFinder, NewSpeaker, add_new_name_mentions
from .gazetteer import Gazetteer, gazetteer_dicts_from_curation, load_curation_gazetteer
from .offices import parse_date
from .places import mentioned_places, place_of_saying

__all__ = ["Gazetteer", "ProposedStatement", "Extraction", "NewSpeaker", "extract",
           "gazetteer_dicts_from_curation", "load_curation_gazetteer"]



@dataclass
class ProposedStatement:
    """One statement as the extractor proposes it; body[start:end] == text."""

    text: str
    start: int
    end: int
    kind: str  # quote or paraphrase
    speaker_key: str = None
    new_speaker: NewSpeaker = None
    place_key: str = None
    confidence: float = 0.0
    reason: str = ""
    people: tuple = ()  # keys of the known people its own words name (نظيره الروسي resolved)
    places: tuple = ()  # keys of the places its own words name


@dataclass
class Extraction:
    """What one body yields: statements in text order, and the keys of the people and places named."""

    statements: list = field(default_factory=list)
    people: list = field(default_factory=list)
    new_people: list = field(default_factory=list)
    places: list = field(default_factory=list)
    spellings: list = field(default_factory=list)  # (key, a spelling of a known name the gazetteer lacks)



def extract(body, published, gazetteer):
    """Statements, speakers and places proposed for one cleaned article body."""
    doc = Doc(body)
    day = parse_date(published)
    mentions, place_matches, finder = _named(doc, day, gazetteer)
    drafts = statement_spans(doc, _drafts(doc, mentions), mentions)
    tracker = Tracker(gazetteer, doc, day, mentions)
    for d in drafts:
        tracker.attribute(d, subject_of(doc, d, mentions))
    final = tracker.final(drafts)
    for d in final:
        if d.speaker_key in gazetteer.shared:  # a shared name no earlier mention resolved names no one
            d.speaker_key, d.confidence = None, 0.2
    # where it was said is told around the cue, never inside what was said
    said = [(a, b) for a, b in _token_ranges(doc, [(d.start, d.end) for d in final] +
                                              [(q.open, q.close + 1) for q in doc.quotes])]
    skip = [(m.i, m.j) for m in mentions if m.role] + said
    out = []
    for d in final:
        lo = doc.sentence_tokens(d.sentence)[0]
        d.place = place_of_saying(doc.tokens, place_matches, lo, max(d.comp.marker, d.k + 1), skip)
        cue = "interview layout" if d.cue.lemma == "interview" else f"cue «{doc.tokens[d.k].original}»"
        out.append(ProposedStatement(body[d.start:d.end], d.start, d.end, d.kind, d.speaker_key, d.new_speaker,
                                     d.place, round(d.confidence, 2), f"{cue}; {d.reason}",
                                     *_named_within(doc, d.start, d.end, mentions, place_matches, gazetteer)))
    _carry_places(out)
    people = list(dict.fromkeys([m.key for m in mentions if m.key and m.how not in ("place",)
                                 and m.key in gazetteer.people] + [s.speaker_key for s in out if s.speaker_key]))
    # only unknown people who speak are proposed: a name after a role that says nothing is less sure
    news = list({s.new_speaker.ident(): s.new_speaker for s in out if s.new_speaker}.values())
    spellings = sorted({(m.key, body[doc.tokens[m.i].start:doc.tokens[m.j - 1].end]) for m in finder.spelled})
    return Extraction(out, people, news, mentioned_places(place_matches), spellings)


def _named(doc, day, gazetteer):
    """(mentions, place matches, finder): who and where the body names, shared names resolved."""
    body = doc.body
    place_matches = gazetteer.place_names.find(doc.tokens, body)
    finder = MentionFinder(gazetteer.names, gazetteer.offices, day, lambda k: cue_at(doc, k) is not None,
                           gazetteer.sounds)
    # a headline names no one new: its words are a summary (خطة المبعوث تصطدم بشروط الطرفين)
    found = [m for m in finder.find(doc.tokens, body, place_matches)
             if m.new is None or doc.tokens[m.i].start >= doc.title_end]
    mentions = add_new_name_mentions(found, doc.tokens, body)
    _resolve_shared(mentions, gazetteer)
    return mentions, place_matches, finder


def named_in(body, published, spans, gazetteer):
    """[(people keys, place keys)] that the words of each [start, end) span of the body name: the
    subjects of statements an editor curated, read as the extractor reads its own."""
    doc = Doc(body)
    mentions, place_matches, _ = _named(doc, parse_date(published), gazetteer)
    return [_named_within(doc, a, b, mentions, place_matches, gazetteer) for a, b in spans]


def _named_within(doc, start, end, mentions, place_matches, gazetteer):
    """(people, places): the keys of the known people and places the words in [start, end) name."""
    i, j = doc.token_range(start, end)
    people = [m.key for m in mentions if i <= m.i < j and m.key in gazetteer.people and m.how != "place"]
    places = [m.key for m in place_matches if i <= m.i < j and not m.weak]
    return tuple(dict.fromkeys(people)), tuple(dict.fromkeys(places))


def _token_ranges(doc, spans):
    """Token index ranges [i, j) of character spans."""
    out = []
    for a, b in spans:
        i, j = doc.token_range(a, b)
        if j > i:
            out.append((i, j))
    return out


def _resolve_shared(mentions, gazetteer):
    """A name several actors share (وزارة الخارجية, a common family name) is the one named last."""
    seen = []
    for m in mentions:
        if m.key in gazetteer.shared:
            owners = gazetteer.shared[m.key]
            m.key = next((k for k in reversed(seen) if k in owners), None)
            m.how = "short"
        elif m.key and m.how == "org-prefix":
            m.how = "short"
        if m.key:
            seen.append(m.key)


@dataclass
class Draft:
    """A statement being built: its cue, complement, span, and then its speaker."""

    k: int
    cue: object
    comp: object
    sentence: int
    start: int = 0
    end: int = 0
    kind: str = "paraphrase"
    speaker_key: str = None
    new_speaker: NewSpeaker = None
    place: str = None
    confidence: float = 0.0
    reason: str = ""
    parent: object = None  # a quote split off a clause keeps the clause's speaker
    role_mention: object = None
    reply: bool = False


def _drafts(doc, mentions):
    """One draft per cue that governs a complement; a complement is claimed by its first cue."""
    mention_starts = {m.i for m in mentions}
    drafts = []
    for s in range(len(doc.sentences)):
        lo, hi = doc.sentence_tokens(s)
        claimed = set()
        for k in range(lo, hi):
            cue = cue_at(doc, k)
            if cue is None or doc.tokens[k].start < doc.title_end or any(d.comp.subject[0] <= k < d.comp.marker for d in drafts[-3:] if d.sentence == s):
                continue
            comp = find_complement(doc, k, cue, hi, lambda j: j in mention_starts)
            if comp is None or comp.marker in claimed or (comp.quote and comp.quote.start in claimed):
                continue
            if cue.form == "according" and comp.end is not None and any(d.sentence == s for d in drafts):
                continue  # قال ... إن ... وفق بيان جنيف: the attribution word is inside what he said
            claimed.update({comp.marker, comp.quote.start if comp.quote else -1})
            drafts.append(Draft(k, cue, comp, s))
    return sorted(drafts + _interview_answers(doc), key=lambda d: d.k)


_ANSWER_MARKS = ("-", "–", "—", "ج:", "ج :", "جواب:")
_QUESTION_MARKS = ("س:", "س :", "سؤال:")


def _interview_answers(doc):
    """Interview layout: a question paragraph, then the answer after a dash (or ج:) is said by the
    person interviewed."""
    out, lines, lo = [], doc.body.split("\n"), 0
    previous = ""
    for line in lines:
        text = line.strip()
        if text.startswith(_ANSWER_MARKS) and (previous.endswith(("؟", "?")) or previous.startswith(_QUESTION_MARKS)):
            first = next((k for k, t in enumerate(doc.tokens) if t.start >= lo and t.end <= lo + len(line)), None)
            if first is not None:
                out.append(Draft(first, INTERVIEW, Complement(doc.tokens[first].start, "direct", first, (first, first),
                                                              None, lo + len(line.rstrip())), doc.sentence_of[first]))
        if text:
            previous = text
        lo += len(line) + 1
    return out


_EDGE = " \t\n.،,;:؛-–—"
_GLYPHS = "“”„‟«»\"″'‘’"
_WA_FUNCTION = frozenset(w for w in FUNCTION_WORDS if w.startswith("و")) | {"و" + w for w in FUNCTION_WORDS}


def statement_spans(doc, drafts, mentions):
    """Give each draft its span: a quote's interior, or the clause up to where the next cue's
    lead-in starts or the sentence ends; a quote that closes a clause as a clause of its own
    (، وإلا “...”) is split off. Drafts left with fewer than two words are dropped."""
    out = []
    for n, d in enumerate(drafts):
        comp = d.comp
        if comp.kind == "quote":
            d.start, d.end, d.kind = comp.quote.start, comp.quote.end, "quote"
            out.append(d)
            continue
        end = comp.end
        if end is None:
            end = doc.sentences[d.sentence][1]
            for later in drafts[n + 1:]:
                if later.sentence == d.sentence and doc.tokens[later.k].start > comp.start:
                    end = min(end, _lead_in(doc, later, mentions, comp.start))
                    break
        d.start, d.end = _trim(doc, _denial_start(doc, d) if d.cue.lemma in _DENIALS else comp.start, end)
        d.kind = "quote" if comp.kind == "direct" else "paraphrase"
        split = _closing_quote(doc, d) if d.kind == "paraphrase" else None
        if split is not None:
            cut, q = split
            d.start, d.end = _trim(doc, d.start, cut)
            out.extend(x for x in (d, Draft(d.k, d.cue, comp, d.sentence, q.start, q.end, "quote", parent=d))
                       if doc.words_in(x.start, x.end) >= 2)
        elif doc.words_in(d.start, d.end) >= 2:
            out.append(d)
    return out


_DENIALS = frozenset({normalize("نفى")})


def _denial_start(doc, d):
    """A denial keeps its negation: the statement starts at نفى/نافيا, not at what was denied."""
    token = doc.tokens[d.k]
    clitic = token.original[:1] in "وف" and token.text[:1] in "وف" and len(token.text) > 3
    return token.start + (1 if clitic else 0)


def _lead_in(doc, d, mentions, floor):
    """Where the clause before cue d stops: at a comma just before it (، مشيرا) or its subject."""
    tokens, lead = doc.tokens, d.k
    pre = subject_before(doc, mentions, doc.sentence_tokens(d.sentence)[0], d.k)
    if pre is not None and d.cue.form in ("verb", "imperfect") and tokens[pre.i].start >= floor:
        lead = pre.i
    for m in range(lead, max(lead - 3, 0), -1):
        gap = doc.gap(m)
        if tokens[m - 1].start < floor:
            break
        for comma in "،,؛;":
            if comma in gap:
                return tokens[m - 1].end + gap.index(comma)
    return tokens[lead].start


def _trim(doc, start, end):
    """Strip spaces, edge punctuation and quote marks whose partner lies outside the span."""
    body, opens = doc.body, {q.open: q.close for q in doc.quotes}
    closes = {q.close: q.open for q in doc.quotes}
    while True:
        before = (start, end)
        while start < end and (body[start] in _EDGE or body[start].isspace()):
            start += 1
        while end > start and (body[end - 1] in _EDGE or body[end - 1].isspace()):
            end -= 1
        if end > start and body[end - 1] in _GLYPHS and closes.get(end - 1, -1) < start:
            end -= 1
        if end > start and body[start] in _GLYPHS and opens.get(start, end) >= end:
            start += 1
        if (start, end) == before:
            return start, end


_AND_THAT = frozenset(normalize(w) for w in "وأن وإن وأنه وأنها وأنّ وإنّ".split())  # ، وأن ...: the same statement


def _closing_quote(doc, d):
    """A long quote that ends the clause and starts a clause of its own: (cut position, quote)."""
    body = doc.body
    for q in doc.quotes:
        if not (d.start < q.open and q.close < d.end + 1 and doc.is_long(q)):
            continue
        if body[q.close + 1:d.end].strip(_EDGE + _GLYPHS):
            continue  # words follow the quote: it is part of the clause ('فرصة ...' بين الأطراف)
        first = next(k for k, t in enumerate(doc.tokens) if t.start >= q.start)
        for m in range(first, max(first - 3, 0), -1):
            gap = doc.gap(m)
            if doc.tokens[m - 1].start <= d.start:
                break
            if ("،" in gap or "," in gap) and doc.tokens[m].text not in _AND_THAT:
                return doc.tokens[m - 1].end + gap.replace(",", "،").index("،"), q
        if doc.tokens[first].text in _WA_FUNCTION:
            return q.open, q
    return None


def _carry_places(statements):
    """A speaker going on without a new place is still where he was (وأضاف، وتابع)."""
    for prev, cur in zip(statements, statements[1:]):
        if cur.place_key is None and prev.speaker_key and cur.speaker_key == prev.speaker_key:
            cur.place_key = prev.place_key
