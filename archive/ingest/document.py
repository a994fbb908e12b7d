"""The tokenized body the extractor questions: its tokens, quotes, sentences, paragraphs and title."""

from search.arabic import tokenize

from .quotes import TERMINAL, find_quotes, sentence_spans

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
        self.tokens = list(tokenize(body))
        self.quotes = find_quotes(body)
        self.sentences = sentence_spans(body, self.quotes)
        starts = [t.start for t in self.tokens]
        self.sentence_of = [index_of(self.sentences, s) for s in starts]
        self.quote_at = {}  # token index -> the quote it lies in
        for q in self.quotes:
            for k, t in enumerate(self.tokens):
                if q.open < t.start < q.close:
                    self.quote_at[k] = q
        self.paragraph_starts = {0} | {k + 1 for k, ch in enumerate(body) if ch == "\n"}
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

    def words_in(self, start, end):
        """Words within [start, end); a word the span starts inside counts (بسرقة from its س)."""
        return sum(1 for t in self.tokens if start < t.end and t.start >= start - 1 and t.end <= end)

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
    for n, (a, b) in enumerate(spans):
        if a <= pos < b:
            return n
    return len(spans) - 1
