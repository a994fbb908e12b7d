"""Dated positions: role words folded into stems, and the one office holder they name on a day."""

import datetime
from dataclasses import dataclass

from arabic import FUNCTION_WORDS, normalize, stem

from .places import phrase_tokens

# Spelling variants of role words that the normalizer rightly keeps apart (أميركي/أمريكي).
_VARIANTS = {normalize("اميركي"): normalize("امريكي"), normalize("دولي"): normalize("اممي")}  # المبعوث الدولي = الأممي
_UN = stem(normalize("الأممي"))
_PHRASE_VARIANTS = (((stem(normalize("الأمم")), stem(normalize("المتحدة"))), _UN),)  # مبعوث الأمم المتحدة = الأممي


@dataclass
class Office:
    """One dated position, as role words: head noun and the set of content stems."""

    key: str
    head: str
    stems: frozenset
    start: datetime.date = None
    end: datetime.date = None
    title: str = ""
    bound: str = ""  # an indefinite noun the head governs (رئيس لجنة): the office is that body's


    def valid_on(self, day):
        return day is None or ((self.start is None or self.start <= day) and (self.end is None or day <= self.end))


def _unglued(word):
    """لهيئة، بريف: the preposition glued to a role's noun is not the noun (the query stemmer keeps it)."""
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]  # للأمين = ل + الأمين
    return word[1:] if word[:1] in "لب" and len(word) > 4 else word


def _country(word):
    """مندوب روسيا = المندوب الروسي: a country's name and its adjective read as one (روسيا، روسي -> روس)."""
    for end in ("يا", "ي", "ا"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[:-len(end)]
    return word


def role_stems(words):
    """Content stems of role words, spelling variants folded: المتحدث باسم الخارجية الأميركية."""
    stems = [_country(_VARIANTS.get(stem(_unglued(w)), stem(_unglued(w)))) for w in words if w not in FUNCTION_WORDS]
    if len(stems) > 2 and stems[1:].count("امين") and "عام" in stems:  # المبعوث الخاص للأمين العام = الأممي
        at = stems.index("امين", 1)
        if stems[at + 1:at + 2] == ["عام"]:
            stems[at:at + 2] = [_country(_UN)]
    for parts, joined in _PHRASE_VARIANTS:
        parts = tuple(normalize(p) for p in parts)
        for n in range(len(stems) - 1):
            if tuple(stems[n:n + 2]) == parts:
                stems[n:n + 2] = [_country(joined), ""]
    return [s for s in stems if s]


def parse_date(value):
    if value in (None, "") or isinstance(value, datetime.date):
        return value or None
    return datetime.date.fromisoformat(str(value)[:10])


def office_of(key, title, start=None, end=None):
    words = phrase_tokens(title)
    stems = role_stems(words)
    second = words[1] if len(words) > 1 else ""
    bound = role_stems([second])[0] if second and not second.startswith("ال") and len(stems) > 1 and \
        not second.endswith(("ي", "يه")) and role_stems([second]) else ""
    return Office(key, stems[0] if stems else "", frozenset(stems), parse_date(start), parse_date(end), title, bound)


def office_title(stems, offices):
    """The one title the archive writes for offices these role words describe (الوزير الأمريكي ->
    وزير الخارجية الأمريكي), whoever held them, or None: unknown holders of one office share a name."""
    if not stems:
        return None
    head, words = stems[0], set(stems)
    titles = {normalize(o.title): o.title for o in offices if o.head == head and words <= o.stems and o.title}
    return next(iter(titles.values())) if len(titles) == 1 else None


def resolve_office(stems, offices, day):
    """The one person whose office, valid on `day`, the role words describe; None if not exactly one.

    Heads must agree (نائب وزير is not وزير) and every role word must be in the title; titles
    may say more (المبعوث الأممي = المبعوث الأممي الخاص إلى سوريا).
    """
    if not stems:
        return None
    head, words = stems[0], set(stems)
    fits = [o for o in offices if o.head == head and words <= o.stems and o.valid_on(day)
            and (not o.bound or o.bound in words)]  # الرئيس الروسي is not رئيس لجنة الدفاع الروسية
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
