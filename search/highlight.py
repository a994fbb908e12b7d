"""Snippets of the original text with the words that matched a query marked.

It walks the same words and readings the index saw (arabic.chain), so a query spelled
الامم marks الأمم with its hamza and tashkeel as written. Everything is
escaped here: the result is safe HTML.
"""
from html import escape

from arabic import chain

DEFAULT_LENGTH = 240


def matched_spans(text, terms):
    """(start, end) of each word of `text` whose index stems meet the query `terms`."""
    if not terms:
        return []
    return chain.reading_spans(text, set(terms))


def _window(text, spans, length):
    """The stretch of `text` of about `length` characters holding the most marked words."""
    if len(text) <= length:
        return 0, len(text)
    if not spans:
        start, end = 0, length
    else:
        best_start, best_count = spans[0][0], 0
        for index, (first, _) in enumerate(spans):
            count = sum(1 for s, e in spans[index:] if e <= first + length)
            if count > best_count:
                best_start, best_count = first, count
        start = max(0, best_start - length // 4)
        end = min(len(text), start + length)
        start = max(0, end - length)
    # Widen to word boundaries so no word is cut in half.
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def snippet_html(text, terms, length=DEFAULT_LENGTH):
    """An escaped excerpt of `text` around its matches, each match in <mark>."""
    spans = matched_spans(text, terms)
    start, end = _window(text, spans, length)
    parts, cursor = [], start
    for a, b in spans:
        if b <= start or a >= end:
            continue
        parts.append(escape(text[cursor:a]))
        parts.append(f"<mark>{escape(text[a:b])}</mark>")
        cursor = b
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(parts).replace("\n", " ") + suffix


def marked_html(text, terms):
    """All of a short `text` (a title), escaped, its matches in <mark>."""
    return snippet_html(text, terms, length=len(text))
