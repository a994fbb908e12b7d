"""Strip site boilerplate from scraped article text, line by line, and split off its title."""

import re
from dataclasses import dataclass, field

from arabic import normalize

__all__ = ["Cleaned", "clean", "derive_title"]


@dataclass
class Cleaned:
    title: str
    body: str
    removed: list[str] = field(default_factory=list)


# ---- line shapes ------------------------------------------------------------------------------

# An article sentence that ends here; "..", "…" are not endings: taglines and teasers trail off.
_SENTENCE_END = re.compile(r"(?<![.…])[.!?؟][\"'”“»)\]]*$")
_PERIOD_END = re.compile(r"(?<![.…])\.[\"'”“»)\]]*$")
_TRAILING_PUNCT = " \t.,،;؛:!?؟…-–—"


def _strip(line: str) -> str:
    """str.strip() plus the invisible marks scrapers leave at line edges."""
    return line.strip().strip("\u200b\u200e\u200f\ufeff").strip()


def _key(line: str) -> str:
    """The line's words, spelling-normalized and without punctuation: what the rules compare."""
    return " ".join(re.findall(r"[^\W_]+", normalize(line)))


def _words(line: str) -> int:
    return len(line.split())


def _is_article(line: str) -> bool:
    """A long sentence: article text that no context rule (blocks, link lists) may drop."""
    n = _words(line)
    return n >= 16 or (n >= 10 and bool(_SENTENCE_END.search(line)))


def _headline_like(line: str) -> bool:
    """Short, no closing period or colon: a headline, subheading or link title."""
    return 2 <= _words(line) <= 15 and len(line) <= 150 and not re.search(r"[.:،,;؛]$", line)


# ---- boilerplate patterns (matched against _key, i.e. normalized: أ→ا, ة→ه, no tashkeel) ------

# "read also" in its spellings (اقرأ/ي أيضًا، إقرأ أيضاً، طالع أيضا ...): the whole line is a link.
_READ_ALSO = re.compile(
    r"^(?:(?:اقرا|اقرءي|طالع|شاهد|تابع|انظر)(?: ي| وا)? (?:ايضا|كذلك|المزيد)"
    r"|للمزيد (?:اقرا|طالع))(?: |$)")
# Section headers of related-article boxes; only on short lines (a header plus maybe one link).
_RELATED = re.compile(
    r"^(?:(?:مقالات|اخبار|مواضيع|موضوعات|مواد|تقارير|قصص|روابط)(?: اخري)?"
    r" (?:ذات صله|ذات علاقه|متعلقه|مرتبطه|مشابهه|مقترحه)"
    r"|ذات صله|قد (?:يهمك|يعجبك)(?: ايضا)?|اخترنا (?:لك|لكم)|الاكثر (?:قراءه|مشاهده|تداولا)"
    r"|المزيد من (?:الاخبار|المقالات))(?: |$)")

# Share / comment / follow widgets: a short line made only of these words (at least one core one).
_SHARE_CORE = set(
    "شارك شاركها شاركه شاركوا شاركي مشاركه انشر تعليق تعليقا تعليقات التعليقات تعليقك تعليقكم علق "
    "يعلق فيسبوك تويتر واتساب واتس تلغرام تيليغرام تلجرام لينكدان ماسنجر تابعونا تابعنا طباعه "
    "اطبع facebook twitter whatsapp telegram linkedin email print share comment comments tweet".split())
_SHARE_FILLER = set(
    "علي عبر في من مع هذا هذه الخبر المقال المقاله الموضوع اضف اضافه اترك جديد جديدا الان فيس بوك "
    "بريد البريد الالكتروني ارسل ارسال لصديق صديق نسخ الرابط كن اول لا توجد اصدقائك و x on via "
    "this".split())

# Donation and subscription appeals (short lines only: "تبرع" is also a past-tense verb).
_APPEAL = re.compile(
    r"^(?:ادعم|ادعمنا|ادعموا|ادعمي)(?: |$)|^(?:تبرع|تبرعوا)(?: الان| لنا| معنا| هنا|$)"
    r"|^اشترك(?:وا|ي)?(?: الان| مجانا| معنا| في (?:نشرتنا|النشره|قناتنا|خدمه)|$)"
    r"|^ساهم(?:وا)? (?:معنا|الان|بدعم|في دعم)|دولار(?:ات)? (?:واحد )?(?:شهريا|في الشهر|كل شهر)"
    r"|(?:يصنع|تصنع) الفرق|للمساهمه|للتبرع|نشرتنا"
    r"|النشره البريديه|القائمه البريديه|بريدك الالكتروني|(?:اضغط|انقر) هنا|بحاجتك"
    r"|بحاجه (?:الي |ل)?دعمك|دعمكم|دعمك(?: |$)")

# Photo captions and credits (matched against normalize(line), which keeps punctuation).
_ICON = re.compile(r"^(?:[a-z-]+ )?icon(?![a-z])\s*", re.I)  # <i class="camera icon"> labels, glued to text
_ICON_EMOJI = re.compile("^[\U0001F4F7\U0001F4F8\U0001F3F7\U0001F5BC\U0001F4C5\u23F0]")
_CAPTION_HEAD = re.compile(
    r"^\(?(?:ال)?صوره(?: ارشيفيه| من الارشيف)?\)?\s*(?:[:\-–—]|$)|^تصوير\s*:"
    r"|^(?:مصدر الصوره|الصوره من|حقوق الصوره)|^(?:photo|image|picture|credit)s?\s*:")
_CAPTION_TAIL = re.compile(
    r"\((?:ارشيف|ارشيفيه|صوره ارشيفيه|ا ?\.? ?ف ?\.? ?ب|رويترز|الاناضول|سانا|انترنت|متداول"
    r"|مواقع التواصل|فيسبوك|تويتر|afp|reuters|ap|epa|getty(?: images)?)\)$")
_SOURCE_HEAD = re.compile(r"^(?:ال)?مصدر\s*:")
_LATIN_CREDIT = re.compile(r"^[^\u0600-\u06ff]*\b(?:getty images|afp|reuters|ap photo|epa|shutterstock)\b"
                           r"[^\u0600-\u06ff]*$")

# Bare agency credits ("وكالات", "(أ ف ب)", "دمشق - سانا"); the leading و is "and".
_AGENCY = re.compile(
    r"(?<!\S)و?(?:وكالات|الوكالات|رويترز|ا ف ب|اف ب|افب|فرانس برس|فرانس بريس|الاناضول|سانا|د ب ا"
    r"|اسوشيتد برس|سبوتنيك|شينخوا|نوفوستي|تاس|reuters|afp|ap|dpa|anadolu)(?!\S)")
_CREDIT_SEP = re.compile(r"[-–—/|،,:+]")
_KICKERS = {"عاجل", "خاص", "حصري", "بالفيديو", "بالصور"}
_META = re.compile(r"^(?:تاريخ النشر|نشر بتاريخ|نشر في|اخر تحديث|تاريخ التحديث|تم النشر)(?: |$)")
_TAGS = re.compile(r"^(?:(?:ال)?كلمات (?:المفتاحيه|الداله|مفتاحيه)|(?:ال)?وسوم|tags)\s*:")
_DATELINE = re.compile(r"^[^\W\d_][\w ]*\s[-–—]\s[\w ]+$")  # "دمشق - عنب بلدي" on its own line
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_LINK_SEP = re.compile(r"\s*[|｜¦»›]\s*")  # section links and breadcrumbs: "ملف | خاص"


def _is_share(key: str) -> bool:
    toks = key.split()
    if not toks or len(toks) > 8:
        return False
    core = False
    for tok in toks:
        if tok.isdigit():  # "التعليقات 3"
            continue
        if tok not in _SHARE_CORE and tok not in _SHARE_FILLER and tok[:1] == "و":
            tok = tok[1:]  # "وتويتر"
        if tok in _SHARE_CORE:
            core = True
        elif tok not in _SHARE_FILLER:
            return False
    return core


def _is_credit(line: str, key: str) -> bool:
    if _words(line) > 7:
        return False
    rest, found = _AGENCY.subn("", key)
    left = rest.split()
    return bool(found) and (not left or (len(left) <= 2 and bool(_CREDIT_SEP.search(line))))


def _is_caption(line: str, norm: str) -> bool:
    if _CAPTION_HEAD.search(norm) and _words(line) <= 30:
        return True
    short = _words(line) <= 15 and not _SENTENCE_END.search(line)
    if short and (_CAPTION_TAIL.search(norm) or _LATIN_CREDIT.search(norm)):
        return True
    return _words(line) <= 8 and bool(_SOURCE_HEAD.search(norm))


def _is_section_link(line: str, in_head: bool, in_tail: bool) -> bool:
    """"X | Y" navigation. At the top "عاجل | headline" is a title, so only breadcrumbs count
    there; after the last paragraph the parts may be longer (related headlines)."""
    parts = [p for p in _LINK_SEP.split(line) if p.strip()]
    if len(parts) < 2 or _PERIOD_END.search(line):
        return False
    sizes = [_words(p) for p in parts]
    if in_head:
        return max(sizes) <= 2
    return (max(sizes) <= 5 and sum(sizes) <= 10) or (in_tail and sum(sizes) <= 20)


def _line_reason(line: str, in_head: bool, in_tail: bool):
    """Why this line alone is boilerplate, or None; context rules come later."""
    if not re.search(r"[^\W_]", line):
        return "symbol"  # ×, |, •, ***
    norm, key = normalize(line), _key(line)
    if _URL.match(line):
        return "link"
    if all(len(tok) == 1 for tok in key.split()):
        return "widget"  # font-size buttons "ع ع ع", "A A A"
    if _ICON.match(line) or _ICON_EMOJI.match(line):
        return "icon"
    match = _READ_ALSO.match(key)
    if match:
        return "read-also-header" if key == match.group(0).strip() else "read-also"
    match = _RELATED.match(key)
    if match and _words(line) <= 12:
        return "related-header" if key == match.group(0).strip() else "related"
    if _is_share(key):
        return "share"
    if _is_caption(line, norm):
        return "caption"
    if _is_credit(line, key):
        return "credit"
    if key in _KICKERS:
        return "label"
    if (_META.match(key) and re.search(r"\d", key) and _words(line) <= 10) or _TAGS.match(norm):
        return "meta"
    if in_head and len(key.split()) <= 4 and _DATELINE.match(line):
        return "dateline"  # above the headline or first paragraph, never the title
    if _is_section_link(line, in_head, in_tail):
        return "section-link"
    if _words(line) <= 12 and not _is_article(line) and _APPEAL.search(key):
        return "appeal"
    return None


# ---- context rules ----------------------------------------------------------------------------

def _caption_keys(lines):
    """Caption texts after icon labels: the same text elsewhere is the image's alt text."""
    keys = set()
    for line in lines:
        rest = _ICON.sub("", line, count=1) if _ICON.match(line) else _ICON_EMOJI.sub("", line)
        if rest != line and _words(rest) >= 2:
            keys.add(_key(rest))
    return keys


def _next_kept(reasons, i):
    return next((j for j in range(i + 1, len(reasons)) if reasons[j] is None), None)


def _title_index(lines, reasons, captions):
    """The first kept line when it reads as a headline and kept text follows it."""
    i = _next_kept(reasons, -1)
    while i is not None and _key(lines[i]) in captions:
        nxt = _next_kept(reasons, i)
        if nxt is None or not _headline_like(lines[nxt]):
            break  # the headline doubles as the image's alt text
        reasons[i] = "caption"  # an alt text above the real headline
        i = nxt
    if i is None or not _headline_like(lines[i]) or _is_article(lines[i]):
        return None
    key = _key(lines[i])
    rest = (j for j in range(i + 1, len(lines)) if reasons[j] is None and _key(lines[j]) != key)
    return i if next(rest, None) is not None else None


def _mark_copies(lines, reasons, keys, reason):
    for i, line in enumerate(lines):
        if reasons[i] is None and _key(line) in keys:
            reasons[i] = reason


def _drop_link_lists(lines, reasons):
    """Headline-like lines under a bare "read also"/"related" header are its links."""
    for i, reason in enumerate(list(reasons)):
        if reason not in ("read-also-header", "related-header"):
            continue
        first_is_link = reason == "read-also-header"
        taken, j = 0, i + 1
        while j < len(lines) and taken < 8:
            if reasons[j] == "title":
                break
            if reasons[j] is None:
                if _is_article(lines[j]) or not _headline_like(lines[j]):
                    break
                nxt = _next_kept(reasons, j)
                if not (first_is_link and taken == 0) and nxt is not None and _is_article(lines[nxt]):
                    break  # a subheading over the next paragraph
                reasons[j], taken = "related-link", taken + 1
            j += 1


def _extend_appeal(lines, reasons, i, step):
    """Take up to 3 short neighbours of an appeal line: its tagline, its button."""
    taken, j = 0, i + step
    while 0 <= j < len(lines) and taken < 3:
        if reasons[j] == "title":
            return
        if reasons[j] is None:
            line = lines[j]
            if _is_article(line) or _PERIOD_END.search(line) or _words(line) > 12:
                return
            nxt = _next_kept(reasons, j)
            if step > 0 and nxt is not None and _is_article(lines[nxt]):
                return  # a subheading over the next paragraph
            reasons[j], taken = "appeal", taken + 1
        j += step


def _drop_appeal_blocks(lines, reasons):
    for i in [i for i, reason in enumerate(reasons) if reason == "appeal"]:
        _extend_appeal(lines, reasons, i, -1)
        _extend_appeal(lines, reasons, i, +1)


# ---- title ------------------------------------------------------------------------------------

_STOP = re.compile(r"[.!?؟](?=[\s\"'”»)]|$)")
_COMMA = re.compile(r"[،,](?=\s)")


def derive_title(text: str, soft: int = 60, hard: int = 120) -> str:
    """A title from the first sentence: up to . ؟ ! (or a comma after `soft` chars), <= `hard`."""
    line = _strip(text.strip().split("\n", 1)[0]) if text.strip() else ""
    cut = len(line)
    stop = next((m.start() for m in _STOP.finditer(line) if m.start() >= 10), None)
    comma = next((m.start() for m in _COMMA.finditer(line) if m.start() >= soft), None)
    for pos in (stop, comma):
        if pos is not None:
            cut = min(cut, pos)
    title = line[:cut]
    if len(title) > hard:
        head = title[:hard + 1]
        title = head.rsplit(None, 1)[0] if " " in head else title[:hard]
    return title.rstrip(_TRAILING_PUNCT)


def clean(raw: str) -> Cleaned:
    """Drop boilerplate lines, take the headline as title, join paragraphs with blank lines."""
    lines = [s for s in (_strip(line) for line in raw.splitlines()) if s]
    last_article = max((i for i, line in enumerate(lines) if _is_article(line)), default=-1)
    reasons = []
    for i, line in enumerate(lines):
        in_head = all(reason is not None for reason in reasons)  # nothing kept above it yet
        reasons.append(_line_reason(line, in_head, i > last_article))
    # Links and appeals first: a "read also" link at the top must not become the title.
    _drop_link_lists(lines, reasons)
    _drop_appeal_blocks(lines, reasons)
    captions = _caption_keys(lines)
    title_at = _title_index(lines, reasons, captions)
    if title_at is not None:
        reasons[title_at] = "title"
        _mark_copies(lines, reasons, {_key(lines[title_at])}, "title-repeat")
    _mark_copies(lines, reasons, captions, "caption")
    kept = [line for line, reason in zip(lines, reasons) if reason is None]
    removed = [line for line, reason in zip(lines, reasons) if reason not in (None, "title")]
    title = lines[title_at] if title_at is not None else derive_title(kept[0] if kept else "")
    return Cleaned(title=title, body="\n\n".join(kept), removed=removed)
