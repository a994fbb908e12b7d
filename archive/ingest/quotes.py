"""Quote marks paired into top-level quotes, and the sentences a body is cut into around them."""

import re
from dataclasses import dataclass

# Quote glyphs by family: a mark closes only an open quote of its own family, so 'x' nests in “...”.
_FAMILY = {"“": "c", "”": "c", "„": "c", "‟": "c", "«": "g", "»": "g", '"': "d", "″": "d",
           "'": "s", "‘": "s", "’": "s"}
_ALWAYS_OPEN, _ALWAYS_CLOSE = "«", "»"
_LETTER = re.compile(r"[^\W_]", re.UNICODE)
TERMINAL = ".!?؟"
_OPEN_CONTEXT = " \t\n:(\u0640-–—،,؛;"  # what may stand before an opening mark (tatweel: بـ“)
_SENTENCE_END = re.compile(r"[.!?؟]+")


@dataclass(frozen=True)
class Quote:
    """A top-level quote: marks at `open` and `close`, trimmed interior [start, end)."""

    open: int
    close: int
    start: int
    end: int


def _is_letter(ch):
    return bool(ch) and bool(_LETTER.match(ch))


def _looks_closing(prev, nxt):
    """Glued to the word before and followed by space, punctuation or the end: الروسية”، النووي” ."""
    return (_is_letter(prev) or prev in TERMINAL or prev in "،,)") and (not nxt or not _is_letter(nxt))


def _looks_opening(prev, nxt):
    return (not prev or prev in _OPEN_CONTEXT) and _is_letter(nxt)


def _marks(text, lo, hi):
    """(position, glyph) of quote marks in text[lo:hi], leaving out apostrophes inside Latin words."""
    out = []
    for k in range(lo, hi):
        ch = text[k]
        if ch not in _FAMILY:
            continue
        prev, nxt = text[k - 1] if k > lo else "", text[k + 1] if k + 1 < hi else ""
        if ch in "'’" and prev.isascii() and nxt.isascii() and prev.isalpha() and nxt.isalpha():
            continue  # Fu'ah, don't
        out.append((k, ch, prev, nxt))
    return out


def _pair_paragraph(text, lo, hi):
    """Pair the marks of one paragraph into top-level (open, close) positions.

    A stack per glyph family allows nesting of other styles. A mark that looks closing while
    nothing of its family is open is a stray (الروسية”، إن) unless text follows it and a closing
    mark comes later: then it is an opener typed with the wrong glyph (النووي” ومن ... عليه”).
    """
    marks = _marks(text, lo, hi)
    stack, pairs = [], []
    for n, (k, ch, prev, nxt) in enumerate(marks):
        fam = _FAMILY[ch]
        open_idx = next((s for s in range(len(stack) - 1, -1, -1) if stack[s][1] == fam), None)
        closes = ch == _ALWAYS_CLOSE or (ch != _ALWAYS_OPEN and not _looks_opening(prev, nxt))
        if open_idx is not None and closes:
            start = stack[open_idx][0]
            del stack[open_idx:]
            if not stack:
                pairs.append((start, k))
            continue
        if ch == _ALWAYS_CLOSE:
            continue
        if _looks_closing(prev, nxt) and ch != _ALWAYS_OPEN:
            later = [m for m in marks[n + 1:] if _FAMILY[m[1]] == fam]
            if not (nxt.isspace() and later and not _looks_opening(later[0][2], later[0][3])):
                continue  # a stray closing mark
        stack.append((k, fam))
    return pairs, (stack[0] if stack else None)


def find_quotes(body):
    """Top-level quotes of the body. A quote runs across a paragraph break only as news copy writes
    it: the paragraph ends with the quote open and the next one opens again with the same mark."""
    quotes, lo, pending = [], 0, None
    for line in body.split("\n"):
        hi = lo + len(line)
        pairs, left_open = _pair_paragraph(body, lo, hi)
        first = lo + len(line) - len(line.lstrip())
        if pending is not None and line.strip() and _FAMILY.get(body[first]) == pending[1]:
            if pairs and pairs[0][0] == first:
                quotes.append(_quote(body, pending[0], pairs.pop(0)[1]))
                pending = None
            elif left_open is not None and left_open[0] == first:
                left_open = (pending[0], pending[1])  # a third paragraph goes on with it
        elif line.strip():
            pending = None
        quotes.extend(_quote(body, a, b) for a, b in pairs)
        if left_open is not None:
            pending = left_open
        lo = hi + 1
    return [q for q in sorted(quotes, key=lambda q: q.open) if q.end > q.start]


def _quote(body, a, b):
    start, end = a + 1, b
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Quote(a, b, start, end)


def sentence_spans(body, quotes):
    """[start, end) of sentences: cut at . ! ? ؟ outside quotes, and at line breaks."""
    inside = _covered(len(body), ((q.open, q.close + 1) for q in quotes))
    cuts = set()
    for m in _SENTENCE_END.finditer(body):
        k = m.start()
        if inside[k] or (body[k] == "." and k and body[k - 1].isdigit() and body[m.end():m.end() + 1].isdigit()):
            continue
        cuts.add(m.end())
    for q in quotes:  # «... انتهى.» ends the sentence after the closing mark
        if body[q.end - 1:q.end] in TERMINAL:
            cuts.add(q.close + 1)
    cuts.update(m.end() for m in re.finditer("\n", body))
    spans, start = [], 0
    for cut in sorted(cuts) + [len(body)]:
        if body[start:cut].strip():
            spans.append((start, cut))
        start = max(start, cut)
    return spans


def _covered(n, ranges):
    flags = [False] * (n + 1)
    for a, b in ranges:
        for k in range(a, min(b, n)):
            flags[k] = True
    return flags
