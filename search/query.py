"""The query language analysts type: words (ANDed), "phrases", OR, NOT / -word, and word* prefixes.

Parsing never fails: what cannot be read as syntax is read as plain words.
No Whoosh or Django import: the engine compiles these nodes to its own queries.
"""
import re
from dataclasses import dataclass

from arabic import stem, tokenize

QUOTES = "\"“”«»„‟"
_LEXER = re.compile(r'([{q}])(.*?)(?:[{q}]|$)|(\S+)'.format(q=re.escape(QUOTES)))


@dataclass(frozen=True)
class Word:
    stem: str
    original: str


@dataclass(frozen=True)
class Phrase:
    stems: tuple
    original: str


@dataclass(frozen=True)
class Prefix:
    stem: str
    original: str


@dataclass(frozen=True)
class Any:
    """Alternatives joined by OR."""

    options: tuple


@dataclass(frozen=True)
class Named:
    """A name the archive knows (search.entities): any of its entities' names, or a document linked to one.

    `options` are the Word and Phrase nodes of every name; `links` are (facet, database id) pairs
    whose documents also match; `labels` are the entities' names, for describe().
    """

    original: str
    options: tuple
    links: tuple
    labels: tuple


@dataclass(frozen=True)
class Query:
    """What a document must contain (all of `required`) and must not (any of `excluded`)."""

    required: tuple = ()
    excluded: tuple = ()

    @property
    def empty(self):
        return not self.required and not self.excluded


def _words(text):
    """Query-side stems of the words in `text`."""
    return [stem(token.text) for token in tokenize(text)]


def _node(text):
    """One bare query word: a term, a prefix (word*), or a phrase when it holds several words."""
    if text.endswith("*") and len(text) > 1:
        stems = _words(text.rstrip("*"))
        if len(stems) == 1 and len(stems[0]) >= 2:
            return Prefix(stems[0], text)
    stems = _words(text)
    if not stems:
        return None
    if len(stems) == 1:
        return Word(stems[0], text)
    return Phrase(tuple(stems), text)


def _phrase(text):
    stems = _words(text)
    if not stems:
        return None
    return Word(stems[0], text) if len(stems) == 1 else Phrase(tuple(stems), text)


def parse_query(text, names=None):
    """A Query from what the analyst typed; `names` (an entities.EntityMatcher) reads known names as Named."""
    items = []  # (negated, node) or (negated, node, "quoted") in order, with "OR" / "NOT" markers between
    for match in _LEXER.finditer(text or ""):
        quoted, bare = match.group(2), match.group(3)
        if match.group(1):
            node = _phrase(quoted)
            if node:
                items.append((False, node, "quoted"))
            continue
        if bare in ("OR", "|"):
            items.append("OR")
            continue
        negated = False
        if bare == "NOT":
            items.append("NOT")
            continue
        if bare.startswith("-") and len(bare) > 1:
            negated, bare = True, bare[1:]
        node = _node(bare)
        if node is None:
            continue
        if items and items[-1] == "NOT":
            items.pop()
            negated = True
        items.append((negated, node))
    if names is not None:
        items = names.recognize(items)
    return _combine(items)


def _combine(items):
    required, excluded, group = [], [], []

    def close_group():
        if group:
            required.append(group[0] if len(group) == 1 else Any(tuple(group)))
            group.clear()

    pending_or = False
    for item in items:
        if item in ("OR", "NOT"):
            pending_or = pending_or or item == "OR"
            continue
        negated, node = item[:2]
        if negated:
            excluded.append(node)
            continue
        if pending_or and group:
            group.append(node)
        else:
            close_group()
            group.append(node)
        pending_or = False
    close_group()
    return Query(tuple(required), tuple(excluded))


def terms(query):
    """Every stem a document can match on, for highlighting."""
    found = []

    def walk(node):
        if isinstance(node, Word):
            found.append(node.stem)
        elif isinstance(node, Phrase):
            found.extend(node.stems)
        elif isinstance(node, (Any, Named)):
            for option in node.options:
                walk(option)

    for node in query.required:
        walk(node)
    return found


def describe(query):
    """The query as the archive understood it, in normalized words."""

    def show(node):
        if isinstance(node, Word):
            return node.stem
        if isinstance(node, Phrase):
            return "“" + " ".join(node.stems) + "”"
        if isinstance(node, Prefix):
            return node.stem + "*"
        if isinstance(node, Named):
            return "⟨" + " | ".join(node.labels) + "⟩"
        return "(" + " OR ".join(show(o) for o in node.options) + ")"

    parts = [show(node) for node in query.required] + ["-" + show(node) for node in query.excluded]
    return " ".join(parts)
