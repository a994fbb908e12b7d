"""The one Arabic/Latin text normalizer shared by the index, the query, the extractor and the highlighter."""

import re
import unicodedata

from pyarabic import araby

__all__ = ["normalize", "normalize_with_offsets", "original_span", "HAMZA", "ARABIC_LETTER_RANGES"]

HAMZA = araby.HAMZA

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


# What hides inside scraped words: soft hyphen, Arabic letter mark, zero-width (non-)joiners, bidi marks.
INVISIBLE = "\u00AD\u061C\u200C\u200D\u200E\u200F"

# Deleted everywhere: pyarabic's DIACRITICS (every combining mark of U+0600-06FF: harakat, shadda,
# Quranic marks, the dagger alef), its small waw and yeh, and tatweel; plus what it does not cover:
# the marks of Arabic Extended-A (it looks at U+0600-06FF only; U+08E2 is a sign, not a mark) and
# the invisible characters.
_DELETED = (
    set(araby.DIACRITICS) | set(araby.SMALL) | {araby.TATWEEL}
    | {chr(cp) for cp in range(0x08D3, 0x0900)
       if cp != 0x08E2 and unicodedata.category(chr(cp)) in ("Mn", "Lm")}
    | set(INVISIBLE)
)
# Alef forms -> ا: pyarabic's ALEFAT without ى (a yeh here: its normalize_alef makes كيرى كيرا, apart
# from كيري) and the dagger alef (a mark, deleted), plus the wavy-hamza alefs ٲ ٳ ٵ it lacks.
_ALEFS = "".join(sorted(set(araby.ALEFAT) - {araby.ALEF, araby.ALEF_MAKSURA, araby.SMALL_ALEF}))
_ALEFS += "\u0672\u0673\u0675"
# ؤ ئ -> ء, hamza on alef -> ا (with the alefs): pyarabic's normalize_hamza does neither. Its default
# folds every hamza to ء (إطلاق -> ءطلاق, never meeting اطلاق); its "tasheel" folds ؤ ئ to و ي, which
# makes فئة = فيه and hands the stemmer false suffixes (هيئة -> هييه -> هي). The seat is spelling
# convention (مسؤول/مسئول, شؤون/شئون), so ء it is.
_SEATED_HAMZA = araby.WAW_HAMZA + araby.YEH_HAMZA
# ى and the Persian yeh forms -> ي; ة (pyarabic's normalize_teh) and Persian/Urdu heh forms -> ه.
_YEHS = araby.ALEF_MAKSURA + "\u06CC\u06D0"                        # ى ی ې
_HEHS = araby.TEH_MARBUTA + "\u06C0\u06C1\u06D5\u06BE"             # ة ۀ ہ ە ھ


def _main_map():
    """1:1 and deleting replacements: the core Arabic folding."""
    table = dict.fromkeys(map(ord, _DELETED))
    for src, dst in (
        (_ALEFS, araby.ALEF),
        (_SEATED_HAMZA, HAMZA),
        (_YEHS, araby.YEH),
        (_HEHS, araby.HEH),
        ("\u06A9\u06AA", araby.KAF),                                 # ک ڪ
        ("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789"),
        ("\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9", "0123456789"),
    ):
        for i, ch in enumerate(src):
            table[ord(ch)] = dst if len(dst) == 1 else dst[i]
    return table


_MAIN = _main_map()

# Compatibility forms worth NFKC: Arabic presentation forms and ligatures, Latin ligatures, full width.
# NFKC splits every lam-alef form (pyarabic's LIGUATURES are the four isolated ones: not the final ﻼ).
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
_HAMZA_ABOVE = araby.HAMZA_ABOVE
_HAMZA_COMBO_RE = re.compile("[%s][%s]*%s" % (
    araby.WAW + araby.YEH + araby.ALEF_MAKSURA, "".join(araby.TASHKEEL) + araby.TATWEEL, _HAMZA_ABOVE))
# Word-final يء (or ىء, folded already) is the same word as final ئ: شيء/شئ, مباديء/مبادئ.
_YEH_HAMZA = araby.YEH + HAMZA
_FINAL_YEH_HAMZA_RE = re.compile("%s(?![%s])" % (_YEH_HAMZA, ARABIC_LETTER_RANGES))


def normalize(text: str) -> str:
    """Fold spelling variants: harakat, tatweel, hamza seats, ة/ى, digits, presentation forms, case."""
    if _HAMZA_ABOVE in text:
        text = _HAMZA_COMBO_RE.sub(HAMZA, text)
    text = text.translate(_TABLE if _HIGH_RE.search(text) else _FAST_TABLE)
    if _YEH_HAMZA in text:
        text = _FINAL_YEH_HAMZA_RE.sub(HAMZA, text)
    return text


def normalize_with_offsets(text: str):
    """Return (normalized, offsets): offsets[i] is the index in `text` of normalized char i.

    len(offsets) == len(normalized) + 1 and offsets[-1] == len(text), so a normalized span
    [s, e) maps back with original_span(offsets, s, e). Slower than normalize(); same output.
    """
    if _HAMZA_ABOVE in text:
        chars, offs = _folded_by_character(text)
    else:
        chars, offs = _folded_by_run(text)
    out = "".join(chars)
    if _YEH_HAMZA in out:
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
    offs.append(len(text))
    return out, offs


# Characters the table deletes or writes as several: where a normalized text's offsets shift.
_UNEVEN_RE = re.compile("[%s]" % _ranges(sorted(cp for cp, mapped in _TABLE.items() if not mapped or len(mapped) != 1)))


def _folded_by_run(text):
    """(pieces, offsets) when no combining hamza occurs: the runs between uneven characters map one to one,
    so they are translated whole and their offsets counted, not looked up a character at a time."""
    chars, offs, last = [], [], 0
    for m in _UNEVEN_RE.finditer(text):
        at = m.start()
        if last < at:
            chars.append(text[last:at].translate(_TABLE))
            offs.extend(range(last, at))
        mapped = _TABLE[ord(text[at])]
        if mapped:
            chars.append(mapped)
            offs.extend([at] * len(mapped))
        last = at + 1
    if last < len(text):
        chars.append(text[last:].translate(_TABLE))
        offs.extend(range(last, len(text)))
    return chars, offs


def _folded_by_character(text):
    """(pieces, offsets) a character at a time, a decomposed hamza and the letter before it becoming ء."""
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
    return chars, offs


def original_span(offsets, start: int, end: int):
    """Map a normalized [start, end) span to the original text, trailing diacritics included."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], max(offsets[end], offsets[end - 1] + 1)
