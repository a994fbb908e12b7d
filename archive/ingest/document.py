"""The tokenized body the extractor questions: its tokens, quotes, sentences, paragraphs and title."""

import re
from bisect import bisect_left, bisect_right

from arabic import chain

from .quotes import TERMINAL, find_quotes, sentence_spans

_NEWLINE = re.compile("\n")
# Words a quote needs to count as speech on its own; shorter quotes are titles or scare quotes.
LONG_QUOTE = 4


def _title_end(body):
    """End of a title line heading the body (short, no final punctuation, a line of its own), or 0.
    A headline sums up what the body reports (كيري: ...); it is not where anything was said."""
    line = body.split("\n", 1)[0]
    words = len(line.split())
    if "\n" in body and 0 < words <= 15 and line.rstrip()[-1:] not in TERMINAL + "\"”»':":
        return len(line)
    return 0


class Doc:
    """A body with its tokens, quotes and sentences, indexed for the extractor's questions."""

    def __init__(self, body):
        self.body = body
        self.tokens = list(chain.words(body))
        self.quotes = find_quotes(body)
        self.sentences = sentence_spans(body, self.quotes)
        self._starts = starts = [t.start for t in self.tokens]
        self.sentence_of = [index_of(self.sentences, s) for s in starts]
        self.quote_at = {}  # token index -> the quote it lies in
        for q in self.quotes:
            for k in range(bisect_right(starts, q.open), bisect_left(starts, q.close)):
                self.quote_at[k] = q
        self.paragraph_starts = {0} | {m.end() for m in _NEWLINE.finditer(body)}
        self.title_end = _title_end(body)


    def gap(self, k):
        """The text between token k-1 and token k (punctuation, quote marks, spaces)."""
        before = self.tokens[k - 1].end if k > 0 else 0
        return self.body[before:self.tokens[k].start] if k < len(self.tokens) else self.body[before:]

    def sentence_tokens(self, s):
        """Token index range [lo, hi) of sentence s."""
        if not hasattr(self, "_ranges"):
            self._ranges = {}
            for k, v in enumerate(self.sentence_of):
                lo, _ = self._ranges.get(v, (k, k))
                self._ranges[v] = (lo, k + 1)
        return self._ranges.get(s, (0, 0))

    def token_range(self, start, end):
        """Token indexes [i, j) of the tokens that start within [start, end)."""
        return bisect_left(self._starts, start), bisect_left(self._starts, end)

    def words_in(self, start, end):
        """Words within [start, end); a word the span starts inside counts (بسرقة from its س)."""
        count = 0
        for k in range(bisect_left(self._starts, start - 1), bisect_left(self._starts, end)):
            t = self.tokens[k]
            count += start < t.end <= end
        return count

    def is_long(self, quote):
        return self.words_in(quote.start, quote.end) >= LONG_QUOTE

    def quote_opening_before(self, k):
        """The top-level quote whose opening mark stands right before token k, if any."""
        q = self.quote_at.get(k)
        if q is not None and (k == 0 or self.quote_at.get(k - 1) is not q):
            return q
        return None

    def paragraph_initial(self, s):
        """True when sentence s is the first of its paragraph."""
        start = self.sentences[s][0]
        return self.body[max(p for p in self.paragraph_starts if p <= start):start].strip() == ""


def index_of(spans, pos):
    """The span holding pos (spans sorted, apart), or the last one."""
    n = bisect_right(spans, (pos, float("inf"))) - 1
    return n if n >= 0 and spans[n][0] <= pos < spans[n][1] else len(spans) - 1
