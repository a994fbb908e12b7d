"""Find the dates an Arabic news text mentions, absolute or relative to its publication date."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from pyarabic.number_const import NUMBER_WORDS, UNITS_ORDINAL_WORDS

from arabic import normalize, normalize_with_offsets, original_span

__all__ = ["DateMention", "find_dates", "resolve_relative", "infer_year", "MONTHS", "WEEKDAYS"]

# Announced events ("the talks resume on the 9th") may lie this far after publication.
FUTURE_GRACE = timedelta(days=14)


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets in the original text
    end: int
    value: date
    text: str
    kind: str = "absolute"  # absolute (month name) | numeric | relative | weekday
    flags: tuple = ()  # e.g. "year-inferred", "weekday-contradicts-relative"


# All names in normalized spelling (arabic.normalize: أإآ→ا, ة→ه, ى→ي, no tashkeel).
MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}
WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
# Number words from pyarabic's tables. A day's ordinal: its unit (الثاني ... التاسع, الحادي of 11, 21,
# 31) with عشر or و + tens after it, or العاشر and the tens alone. pyarabic has no word for the first
# (its number2ordinal(1) gives الحادي) nor الواحد of الواحد والعشرين, and writes its tens in the
# nominative (العشرون) where a date has the genitive (في الحادي والعشرين من).
_ORDINALS = {"ال" + normalize(ordinal): NUMBER_WORDS[cardinal]
             for cardinal, ordinal in UNITS_ORDINAL_WORDS.items()}
_UNITS = {word: n for word, n in _ORDINALS.items() if 1 <= n <= 9} | {"الاول": 1, "الواحد": 1}
_TENS = {"ال" + normalize(word): n for word, n in NUMBER_WORDS.items()
         if n in (20, 30) and word.endswith("ين")}
_DAY_TENS = {word: n for word, n in _ORDINALS.items() if n == 10} | _TENS
# Days counted back (قبل ثلاثة أيام): 3 to 10 in the form with ة, which counts a masculine noun.
_NUMBER_WORDS = {normalize(word): n for word, n in NUMBER_WORDS.items()
                 if 3 <= n <= 10 and word.endswith("ة")}
_PAST, _CURRENT, _FUTURE = {"الماضي", "المنصرم", "الفائت", "السابق"}, {"الجاري", "الحالي"}, {"المقبل", "القادم"}


def _alt(words):
    """Regex alternation, longest first, any run of spaces inside a name."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# A word start, allowing one proclitic و ف ب glued to it (وأمس، فالخميس، بالأمس).
_B = r"(?:(?<![^\W_])|(?<=(?<![^\W_])[وفب]))"
_E = r"(?![^\W_])"
_MON = rf"(?:{_alt(MONTHS)}|تشرين\s+(?:اول|ثاني)|كانون\s+(?:اول|ثاني))"
_ORD = rf"(?:(?:{_alt(_UNITS)})(?:\s+عشر|\s+و\s*(?:{_alt(_TENS)}))?|{_alt(_DAY_TENS)})"
_HINT = _alt(_PAST | _CURRENT | _FUTURE)
_YEAR_REL = r"(?:من\s+)?(?:العام|السنه)\s+(?P<yrel>الماضي|المنصرم|الفائت|الجاري|الحالي|المقبل|القادم)"

_ABSOLUTE = re.compile(
    rf"(?<![\d.,/:\-])(?:(?P<day>\d{{1,2}})(?:\s+من)?|{_B}(?P<ord>{_ORD})\s+من)\s+(?:شهر\s+)?"
    rf"(?P<m1>{_MON}){_E}(?:\s*[/\\\-]\s*(?P<m2>{_MON}){_E}|\s*\(\s*(?P<m3>{_MON})\s*\))?"
    rf"(?:\s+(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*م{_E})?"
    rf"|\s+{_YEAR_REL}{_E}|\s+(?P<hint>{_HINT}){_E})?")
_YMD = re.compile(r"(?<![\d/.\-])(?P<y>(?:19|20)\d\d)(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
                  r"(?!\d|[/.\-]\d)")
_DMY = re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<y>(?:19|20)\d\d)"
                  r"(?!\d|[/.\-]\d)")

_TIME = r"(?:(?:منتصف\s+)?(?:ليل|ليله|مساء|صباح|ظهر|ظهيره|عصر|فجر|ضحي)\s+)"
_WD = _alt(WEEKDAYS)
_RELATIVE = re.compile(
    rf"{_B}{_TIME}?(?P<yawm>(?:يوم|نهار)\s+)?"
    rf"(?:(?P<rel>اول\s+(?:من\s+)?امس|امس\s+الاول|(?:ال)?امس|اليوم|بعد\s+غد|غدا|(?:ال)?غد)"
    rf"(?:\s*[،,]?\s*{_TIME}?(?P<wd1>{_WD}))?|(?P<wd2>{_WD})(?:\s+(?P<mod>{_HINT}))?){_E}")
_AGO = re.compile(
    rf"{_B}(?:قبل|منذ)\s+(?P<n>يومين|يوم(?!\s+(?:امس|(?:ال)?غد|{_WD}){_E})|\d{{1,2}}\s+(?:ايام|يوما)"
    rf"|(?:{_alt(_NUMBER_WORDS)})\s+ايام|اسبوعين|اسبوع){_E}(?!\s+من{_E})")

# Words before an ordinal that make it "the second week of May", not "the second of May".
_NOT_A_DAY_BEFORE = {"الاسبوع", "الاسابيع", "النصف", "الثلث", "الربع", "العشر", "العقد", "الشهر",
                     "الفصل", "الجزء", "الدور", "كانون", "تشرين"}
# Outlets and phrases where اليوم is a name or "that day", not the publication day.
_NOT_TODAY_BEFORE = {"روسيا", "المصري", "اخبار", "ذلك", "هذا", "نفس", "ذات"}
# Adjectives that make اليوم "the next day", "national day" ... (a bare definite word after it is
# usually the subject: "أعلن اليوم الجيش").
_FUNCTION = {"الي", "الا", "التي", "الذي", "الذين"}  # إلى، إلا ...: not a definite noun
_NOT_TODAY_AFTER = {"التالي", "السابق", "الاخير", "الموالي", "الوطني", "العالمي", "الدولي", "الذي",
                    "نفسه", "ذاته", "الواحد", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس",
                    "السابع", "الثامن", "التاسع", "العاشر"}


def _prev_word(norm, pos):
    words = re.findall(r"[^\W_]+", norm[max(0, pos - 40):pos])
    return words[-1] if words else ""


def _next_word(norm, pos):
    match = re.match(r"\W*([^\W_]+)", norm[pos:pos + 40])
    return match.group(1) if match else ""


def _ordinal(words: str):
    """Day number of an ordinal like "الحادي والعشرين"; None for a bare "الحادي"."""
    toks = [re.sub(r"^و(?=ال)", "", t) for t in re.findall(r"[^\W_]+", words)]  # والعشرين
    if toks[0] in _DAY_TENS:
        return _DAY_TENS[toks[0]]
    tens = 10 if "عشر" in toks else next((_TENS[t] for t in toks if t in _TENS), 0)
    if toks[0] in ("الحادي", "الواحد") and not tens:
        return None
    return tens + _UNITS[toks[0]]


def _month(name):
    name = re.sub(r"\s+", " ", name)
    return MONTHS.get(name) or MONTHS[name.replace(" ", " ال")]  # "تشرين اول" = "تشرين الاول"


def infer_year(day: int, month: int, published: date | None, hint: str | None = None):
    """The date of day/month nearest before publication (or up to FUTURE_GRACE after it).

    hint: الماضي-like words force the past, الجاري/الحالي the publication year,
    المقبل/القادم the future. None when published is unknown or the day does not exist.
    """
    if published is None:
        return None
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            pass
    if hint in _CURRENT:
        pool = [d for d in candidates if d.year == published.year]
    elif hint in _FUTURE:
        return min((d for d in candidates if d > published), default=None)
    elif hint in _PAST:
        pool = [d for d in candidates if d <= published]
    else:
        pool = [d for d in candidates if d <= published + FUTURE_GRACE]
    return max(pool, default=None)


def _absolute(match, published):
    day = int(match["day"]) if match["day"] else _ordinal(match["ord"])
    month = _month(match["m1"])
    flags = []
    other = match["m2"] or match["m3"]
    if other and _month(other) != month:
        flags.append("month-mismatch")  # the first-named month wins
    if day is None:
        return None, ()
    if match["year"]:
        try:
            return date(int(match["year"]), month, day), tuple(flags)
        except ValueError:
            return None, ()
    if match["yrel"] and published is not None:
        shift = -1 if match["yrel"] in _PAST else 1 if match["yrel"] in _FUTURE else 0
        try:
            return date(published.year + shift, month, day), tuple(flags + ["year-inferred"])
        except ValueError:
            return None, ()
    return infer_year(day, month, published, match["hint"]), tuple(flags + ["year-inferred"])


def _numeric(match):
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _last_weekday(published, weekday, strict=False):
    back = (published.weekday() - weekday) % 7 or (7 if strict else 0)
    return published - timedelta(days=back)


def _next_weekday(published, weekday):
    return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)


_REL_OFFSET = {"اليوم": 0, "امس": -1, "الامس": -1, "غدا": 1, "غد": 1, "الغد": 1}


def _rel_offset(rel):
    rel = re.sub(r"\s+", " ", rel)
    if "اول" in rel:
        return -2  # أول أمس، أول من أمس، أمس الأول
    return 2 if rel.startswith("بعد") else _REL_OFFSET[rel]


def _relative(match, norm, published, tanween):
    """(value, kind, flags) of a relative word or weekday phrase, or None to skip it."""
    rel, weekday = match["rel"], match["wd1"] or match["wd2"]
    nxt, prev = _next_word(norm, match.end()), _prev_word(norm, match.start())
    if rel == "اليوم" and not weekday and (nxt in _NOT_TODAY_AFTER or prev in _NOT_TODAY_BEFORE):
        return None  # اليوم التالي (the next day), روسيا اليوم (RT), ذلك اليوم (that day)
    if rel == "غدا" and not weekday and not tanween and nxt.startswith("ال") and nxt not in _FUNCTION:
        return None  # غدا الوضع: "the situation became"; غداً with tanween is always tomorrow
    if rel in ("غد", "الغد") and match.group(0).startswith(rel):
        return None  # a bare الغد is "the future"; يوم غد / صباح الغد is tomorrow
    if rel and "امس" in rel and nxt == "القريب":
        return None  # بالأمس القريب: "recently"
    if weekday == "الاثنين" and match.group(0).startswith(weekday) and (
            prev in ("كلا", "هذين", "هذان", "بين") or re.fullmatch(r"ال\w+(?:ين|ان)", prev)):
        return None  # "الطرفين الاثنين": the two
    if weekday == "الاحد" and nxt == "عشر":
        return None  # الأحد عشر: eleven
    if published is None:
        return None
    wd = WEEKDAYS.get(weekday)
    if not rel:
        if match["mod"] in _FUTURE:
            return _next_weekday(published, wd), "weekday", ()
        return _last_weekday(published, wd, strict=match["mod"] in _PAST), "weekday", ()
    offset = _rel_offset(rel)
    value = published + timedelta(days=offset)
    if wd is None or value.weekday() == wd:
        return value, "relative", ()
    # The weekday is the more specific word (and survives copy-editing): trust it.
    value = _next_weekday(published, wd) if offset > 0 else _last_weekday(published, wd)
    return value, "weekday", ("weekday-contradicts-relative",)


def _ago(match, published):
    if published is None:
        return None
    n = match["n"]
    days = (1 if n == "يوم" else 2 if n == "يومين" else 7 if n == "اسبوع" else 14 if n == "اسبوعين"
            else int(n.split()[0]) if n[0].isdigit() else _NUMBER_WORDS[n.split()[0]])
    return published - timedelta(days=days)


def _candidates(norm, published, tanween):
    """(start, end, value, kind, flags, weekday, offset) in normalized coordinates."""
    out = []
    for m in _ABSOLUTE.finditer(norm):
        if m["ord"] and _prev_word(norm, m.start()) in _NOT_A_DAY_BEFORE:
            continue
        value, flags = _absolute(m, published)
        if value:
            out.append((m.start(), m.end(), value, "absolute", flags, None, None))
    for regex in (_YMD, _DMY):
        for m in regex.finditer(norm):
            if value := _numeric(m):
                out.append((m.start(), m.end(), value, "numeric", (), None, None))
    for m in _RELATIVE.finditer(norm):
        found = _relative(m, norm, published, tanween(m.start(), m.end()))
        if found:
            wd = WEEKDAYS.get(m["wd1"] or m["wd2"])
            offset = _rel_offset(m["rel"]) if m["rel"] else None
            out.append((m.start(), m.end(), *found, wd, offset))
    for m in _AGO.finditer(norm):
        value = _ago(m, published)
        if value:
            out.append((m.start(), m.end(), value, "relative", (), None, None))
    return out


def _merge(cands, norm, published):
    """Drop overlaps (longest wins); fold "اليوم الاثنين 2 أيار" into one absolute mention."""
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept = []
    for c in cands:
        if kept and c[0] < kept[-1][1]:
            continue
        prev = kept[-1] if kept else None
        if (prev and prev[3] in ("relative", "weekday") and c[3] in ("absolute", "numeric")
                and re.fullmatch(r"[\s،,]*(?:الموافق\s*)?", norm[prev[1]:c[0]])):
            flags = list(c[4])
            if prev[5] is not None and c[2].weekday() != prev[5]:
                flags.append("weekday-contradicts-date")
            if prev[6] is not None and published and c[2] != published + timedelta(days=prev[6]):
                flags.append("relative-contradicts-date")
            kept[-1] = (prev[0], c[1], c[2], c[3], tuple(flags), None, None)
            continue
        kept.append(c)
    return kept


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date the text mentions, in order, with offsets into `text`.

    Year-less and relative dates need `published`; without it they are skipped. Spans that are
    not single days (الأسبوع الماضي، الشهر الماضي، شباط/فبراير without a day) are not reported.
    """
    norm, offsets = normalize_with_offsets(text)

    def tanween(start, end):
        s, e = original_span(offsets, start, end)
        return "\u064b" in text[s:e]

    mentions = []
    for start, end, value, kind, flags, _, _ in _merge(_candidates(norm, published, tanween), norm,
                                                       published):
        s, e = original_span(offsets, start, end)
        mentions.append(DateMention(s, e, value, text[s:e], kind, tuple(flags)))
    return mentions


def resolve_relative(phrase: str, published: date) -> date | None:
    """The date a whole relative phrase ("أمس الإثنين", "الخميس الماضي") means, else None."""
    found = find_dates(phrase.strip(), published)
    if len(found) == 1 and found[0].text == phrase.strip():
        return found[0].value
    return None
