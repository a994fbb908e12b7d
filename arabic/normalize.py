"""The one Arabic/Latin text normalizer shared by the index, the query, the extractor and the highlighter."""

import re
import unicodedata

__all__ = ["normalize", "normalize_with_offsets", "original_span", "HAMZA", "ARABIC_LETTER_RANGES"]

HAMZA = "\u0621"

# Code point ranges of Arabic-script blocks (letters, marks, digits and punctuation alike).
_ARABIC_BLOCKS = (
    (0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
)


def _ranges(codepoints):
    """Collapse sorted code points into regex class ranges like 'a-z'."""
    out, start, prev = [], None, None
    for cp in codepoints:
        if start is None:
            start = prev = cp
        elif cp == prev + 1:
            prev = cp
        else:
            out.append((start, prev))
            start = prev = cp
    if start is not None:
        out.append((start, prev))
    return "".join(re.escape(chr(a)) if a == b else "%s-%s" % (re.escape(chr(a)), re.escape(chr(b)))
                   for a, b in out)


# Arabic-script letters (tatweel, an Lm, included): the tokenizer's notion of an Arabic word character.
ARABIC_LETTER_RANGES = _ranges(
    cp for lo, hi in _ARABIC_BLOCKS for cp in range(lo, hi + 1)
    if unicodedata.category(chr(cp)).startswith("L")
)


def _main_map():
    """1:1 and deleting replacements: the core Arabic folding."""
    table = {}
    deleted = [range(0x064B, 0x0660), range(0x0610, 0x061B), range(0x06D6, 0x06DD),
               range(0x06DF, 0x06E9), range(0x06EA, 0x06EE), range(0x08D3, 0x0900)]
    for block in deleted:
        for cp in block:
            if cp != 0x08E2 and unicodedata.category(chr(cp)) in ("Mn", "Lm"):
                table[cp] = None
    # superscript (dagger) alef, tatweel, invisible joiners and bidi marks that hide inside words
    for cp in (0x0670, 0x0640, 0x00AD, 0x061C, 0x200C, 0x200D, 0x200E, 0x200F):
        table[cp] = None
    for src, dst in (
        ("\u0622\u0623\u0625\u0671\u0672\u0673\u0675", "\u0627"),  # آ أ إ ٱ and rarer alef forms -> ا
        # ؤ ئ -> ء: the seat is spelling convention (مسؤول/مسئول, شؤون/شئون); folding to و/ي
        # instead would make فئة = فيه and hand the stemmer false suffixes (هيئة -> هييه -> هي).
        ("\u0624\u0626", HAMZA),
        ("\u0649\u06CC\u06D0", "\u064A"),                         # ى ی ې -> ي
        ("\u0629\u06C0\u06C1\u06D5\u06BE", "\u0647"),             # ة ۀ ہ ە ھ -> ه
        ("\u06A9\u06AA", "\u0643"),                               # ک ڪ -> ك
        ("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789"),
        ("\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9", "0123456789"),
    ):
        for i, ch in enumerate(src):
            table[ord(ch)] = dst if len(dst) == 1 else dst[i]
    return table


_MAIN = _main_map()

# Compatibility forms worth NFKC: Arabic presentation forms and ligatures, Latin ligatures, full width.
_COMPAT_RANGES = ((0xFB00, 0xFB4F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0xFF00, 0xFFEF))


def _full_table():
    """_MAIN plus NFKC of compatibility forms and Unicode casefolding, pre-composed per character."""
    table = dict(_MAIN)
    changed = {cp for cp in range(0x10000) if chr(cp) != chr(cp).casefold()}
    changed.update(cp for lo, hi in _COMPAT_RANGES for cp in range(lo, hi + 1))
    for cp in sorted(changed - _MAIN.keys()):
        ch = chr(cp)
        mapped = unicodedata.normalize("NFKC", ch) if cp >= _COMPAT_RANGES[0][0] else ch
        mapped = mapped.casefold().translate(_MAIN)
        if mapped != ch:
            # isolated harakat forms (FE70...) decompose to space + mark: drop them entirely
            table[cp] = mapped if mapped.strip() else None
    return table


_TABLE = _full_table()
# The same table as a list for the code points most text uses: indexing a list is about twice as
# fast as a dict lookup in str.translate. Texts with higher code points use the dict.
_LIST_END = 0x2100
_FAST_TABLE = [_TABLE.get(cp, chr(cp)) for cp in range(_LIST_END)]
_HIGH_RE = re.compile("[\u2100-\U0010FFFF]")

# A decomposed hamza above on waw/yeh/alef maksura (possibly after harakat, canonical order) is ؤ/ئ.
_HAMZA_COMBO_RE = re.compile("[\u0648\u064A\u0649][\u064B-\u0652\u0640]*\u0654")
# Word-final يء (or ىء, folded already) is the same word as final ئ: شيء/شئ, مباديء/مبادئ.
_FINAL_YEH_HAMZA_RE = re.compile("\u064A\u0621(?![%s])" % ARABIC_LETTER_RANGES)


def normalize(text: str) -> str:
    """Fold spelling variants: harakat, tatweel, hamza seats, ة/ى, digits, presentation forms, case."""
    if "\u0654" in text:
        text = _HAMZA_COMBO_RE.sub(HAMZA, text)
    text = text.translate(_TABLE if _HIGH_RE.search(text) else _FAST_TABLE)
    if "\u064A\u0621" in text:
        text = _FINAL_YEH_HAMZA_RE.sub(HAMZA, text)
    return text


def normalize_with_offsets(text: str):
    """Return (normalized, offsets): offsets[i] is the index in `text` of normalized char i.

    len(offsets) == len(normalized) + 1 and offsets[-1] == len(text), so a normalized span
    [s, e) maps back with original_span(offsets, s, e). Slower than normalize(); same output.
    """
    combos = {}
    if "\u0654" in text:
        combos = {m.start(): m.end() for m in _HAMZA_COMBO_RE.finditer(text)}
    chars, offs = [], []
    table, i, n = _TABLE, 0, len(text)
    while i < n:
        if i in combos:
            chars.append(HAMZA)
            offs.append(i)
            i = combos[i]
            continue
        ch = text[i]
        mapped = table.get(ord(ch), ch)
        if mapped:
            chars.append(mapped)
            offs.extend([i] * len(mapped))
        i += 1
    out = "".join(chars)
    if "\u064A\u0621" in out:
        pieces, new_offs, last = [], [], 0
        for m in _FINAL_YEH_HAMZA_RE.finditer(out):
            pieces.append(out[last:m.start()])
            new_offs.extend(offs[last:m.start()])
            pieces.append(HAMZA)
            new_offs.append(offs[m.start()])  # the hamza's span starts at the original yeh
            last = m.end()
        pieces.append(out[last:])
        new_offs.extend(offs[last:])
        out, offs = "".join(pieces), new_offs
    offs.append(n)
    return out, offs


def original_span(offsets, start: int, end: int):
    """Map a normalized [start, end) span to the original text, trailing diacritics included."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], max(offsets[end], offsets[end - 1] + 1)
