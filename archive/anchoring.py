"""Where a statement stands in its article body: checking and finding character offsets.

Offsets count Unicode code points of the stored body (Python string indices),
start inclusive, end exclusive. No Django import: used by models, forms and
the fixture builder alike.
"""


class AnchorError(ValueError):
    """A statement cannot be placed in its body; the message says why, for an editor."""


def check_bounds(body, start, end):
    if start is None or end is None:
        raise AnchorError("Both the start and the end offset are needed.")
    if start < 0 or end <= start:
        raise AnchorError(f"Offsets {start}–{end} are not a span: the start must be 0 or more and the end after it.")
    if end > len(body):
        raise AnchorError(
            f"Offsets {start}–{end} fall outside the article body, which has {len(body):,} characters."
        )


def find_nearest(body, text, near=0):
    """The start of the occurrence of `text` in `body` closest to `near`, or None."""
    best = None
    position = body.find(text)
    while position != -1:
        if best is None or abs(position - near) < abs(best - near):
            best = position
        position = body.find(text, position + 1)
    return best


def anchor(body, text, start=None, end=None, *, relocate=False):
    """Return (text, start, end) for a statement, filling whichever part is missing.

    - offsets only: the text is read from the body;
    - text only: the text is looked up in the body (first occurrence);
    - both: they must agree, unless `relocate` is set (the body was corrected
      since the offsets were taken): then the text is looked up nearest to its
      old place, so a correction of the body moves its statements with it.
    """
    text = (text or "").strip()
    has_offsets = start is not None or end is not None
    if has_offsets and not relocate:
        check_bounds(body, start, end)
    if not text:
        check_bounds(body, start, end)
        return body[start:end], start, end
    if has_offsets and not relocate:
        if body[start:end] != text:
            excerpt = body[start:end][:60]
            raise AnchorError(
                f"The body at offsets {start}–{end} reads “{excerpt}”, not the statement's text."
            )
        return text, start, end
    if has_offsets and start is not None and body[start:start + len(text)] == text:
        return text, start, start + len(text)
    position = find_nearest(body, text, near=start or 0)
    if position is None:
        raise AnchorError("The statement's text does not occur in the article body.")
    return text, position, position + len(text)


def overlapping(spans):
    """Pairs of (start, end) spans that overlap, in order of their start."""
    ordered = sorted(spans)
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if b[0] < a[1]]
