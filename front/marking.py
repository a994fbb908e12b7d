"""Split an article body into paragraphs of plain and statement-marked runs, for display.

No Django import: it works on the body string and (start, end, statement) spans.
"""
import re
from dataclasses import dataclass

PARAGRAPH_BREAK = re.compile(r"\n+")


@dataclass(frozen=True)
class Run:
    text: str
    statement: object = None
    first: bool = False  # the run where its statement begins (carries the anchor)
    last: bool = False  # the run where its statement ends (carries the attribution)


def paragraph_ranges(body):
    """(start, end) of each non-blank paragraph; a newline run separates paragraphs."""
    position = 0
    for separator in PARAGRAPH_BREAK.finditer(body):
        if body[position:separator.start()].strip():
            yield position, separator.start()
        position = separator.end()
    if body[position:].strip():
        yield position, len(body)


def mark(body, spans):
    """Paragraphs as lists of Runs; `spans` are (start, end, statement), not overlapping."""
    ordered = sorted(spans, key=lambda span: span[0])
    paragraphs = []
    for p_start, p_end in paragraph_ranges(body):
        runs, cursor = [], p_start
        for start, end, statement in ordered:
            if end <= p_start or start >= p_end:
                continue
            a, b = max(start, p_start), min(end, p_end)
            if a > cursor:
                runs.append(Run(body[cursor:a]))
            runs.append(Run(body[a:b], statement, first=(a == start), last=(b == end)))
            cursor = b
        if cursor < p_end:
            runs.append(Run(body[cursor:p_end]))
        paragraphs.append(runs)
    return paragraphs
