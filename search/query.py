"""The query language analysts type: words (ANDed), "phrases", OR, NOT / -word, and word* prefixes.

Parsing never fails: what cannot be read as syntax is read as plain words.
Each node knows how it matches over an index view (search.index_view: word,
phrase, prefix, facet masks, its cache), which stems it highlights and how it
is shown; the engine combines their matches. No Whoosh or Django import.
"""
import re
from dataclasses import dataclass

import numpy as np

from arabic import chain
from .columns import subject_key

QUOTES = "\"“”«»„‟"
_LEXER = re.compile(r'([{q}])(.*?)(?:[{q}]|$)|(\S+)'.format(q=re.escape(QUOTES)))
EMPTY = np.zeros(0, dtype=np.int64)


class Node:
    """What every query node answers; each kind overrides what applies to it."""

    def stats(self, view, scope=None):
        """(docs, frequencies) of the documents the node matches.

        With `scope` (sorted document numbers) only those documents need be right: others may
        be left out, or included when stats for every document were at hand anyway.
        """
        raise NotImplementedError

    def highlight_stems(self):
        """The stems a matching document may hold, to mark in its text."""
        return ()

    def required_stems(self):
        """The stems every match must hold (none for names and prefixes, which widen)."""
        return ()

    def describe(self):
        """The node as the archive understood it, in normalized words."""
        raise NotImplementedError

    def lone_stem(self):
        """The stem of a single plain word, the only kind offered a spelling; else None."""
        return None

    def name_text(self):
        """The text a known name may be read in (a word or a phrase as typed); else None."""
        return None

    def name_links(self):
        """(text as typed, (facet, id)) of each known name the node was read as."""
        return ()

    def naming(self, view, scope=None):
        """Sorted documents whose own words name the node's entities; None when it names none."""
        return None


@dataclass(frozen=True)
class Word(Node):
    stem: str
    original: str

    def stats(self, view, scope=None):
        return view.word(self.stem, scope)

    def highlight_stems(self):
        return (self.stem,)

    required_stems = highlight_stems

    def describe(self):
        return self.stem

    def lone_stem(self):
        return self.stem

    def name_text(self):
        return self.original


@dataclass(frozen=True)
class Phrase(Node):
    stems: tuple
    original: str

    def stats(self, view, scope=None):
        return view.phrase(self.stems, scope)

    def highlight_stems(self):
        return self.stems

    required_stems = highlight_stems

    def describe(self):
        return "“" + " ".join(self.stems) + "”"

    def name_text(self):
        return self.original


@dataclass(frozen=True)
class Prefix(Node):
    stem: str
    original: str

    def stats(self, view, scope=None):
        return view.prefix(self.stem, scope)

    def describe(self):
        return self.stem + "*"


@dataclass(frozen=True)
class Any(Node):
    """Alternatives joined by OR."""

    options: tuple

    @property
    def original(self):
        return ""  # alternatives have no one text as typed

    def stats(self, view, scope=None):
        parts = [option.stats(view, scope) for option in self.options]
        docs = np.concatenate([d for d, _ in parts])
        counts = np.concatenate([c for _, c in parts])
        merged, where = np.unique(docs, return_inverse=True)
        return merged, np.bincount(where, weights=counts).astype(np.int64)

    def highlight_stems(self):
        return tuple(stem for option in self.options for stem in option.highlight_stems())

    def describe(self):
        return "(" + " OR ".join(option.describe() for option in self.options) + ")"

    def name_links(self):
        return tuple(link for option in self.options for link in option.name_links())


@dataclass(frozen=True)
class Named(Node):
    """A name the archive knows (search.entities): any of its entities' names, or a document linked to one.

    `options` are the Word and Phrase nodes of every name; `links` are (facet, database id) pairs
    whose documents also match; `labels` are the entities' names, for describe().
    """

    original: str
    options: tuple
    links: tuple
    labels: tuple

    def stats(self, view, scope=None):
        """Any of its names in the text, or a document linked to it.

        Linked are an article naming it, a statement by that person, said in that place, or whose
        words name it (its subjects: "نظيره الروسي" read as Lavrov). A linked document that never
        writes the name counts as one mention, so it ranks below those that write it.
        """

        def compute():
            merged, frequency = self.written_stats(view, scope)
            linked = self.linked_mask(view)
            linked = np.flatnonzero(linked) if linked is not None else EMPTY
            if not len(linked):
                return merged, frequency
            every, total = sum_by_doc(np.concatenate([merged, linked]),
                                      np.concatenate([frequency, np.zeros(len(linked), dtype=np.int64)]))
            at = np.searchsorted(every, linked)
            total[at] = np.maximum(total[at], 1)
            return every, total

        return view.matched(("n", self.options, self.links), compute, scope)

    def written_stats(self, view, scope=None):
        """(docs, frequencies) of its names written in the text."""
        parts = [option.stats(view, scope) for option in self.options]
        return sum_by_doc(np.concatenate([d for d, _ in parts]) if parts else EMPTY,
                          np.concatenate([c for _, c in parts]) if parts else EMPTY)

    def linked_mask(self, view, facets=True):
        """Documents linked to its entities: by a subject key, and (with `facets`) by facet value; or None."""
        linked = None
        for facet, value_id in self.links:
            masks = [view.facet_mask("subject", subject_key(facet, value_id))]
            if facets:
                masks.append(view.facet_mask(facet, value_id))
            for mask in masks:
                linked = mask if linked is None else linked | mask
        return linked

    def naming(self, view, scope=None):
        """A name written, or a subject link. A statement merely by that person or said in that
        place is not among them: what it says is about something else, so it ranks after those."""

        def compute():
            written = self.written_stats(view, scope)[0]
            subjects = self.linked_mask(view, facets=False)
            found = written if subjects is None else np.union1d(written, np.flatnonzero(subjects))
            return found, np.ones(len(found), dtype=np.int64)

        return view.matched(("nn", self.options, self.links), compute, scope)[0]

    def highlight_stems(self):
        return tuple(stem for option in self.options for stem in option.highlight_stems())

    def describe(self):
        return "⟨" + " | ".join(self.labels) + "⟩"

    def name_links(self):
        return tuple((self.original, link) for link in self.links)


def sum_by_doc(docs, counts):
    """(sorted unique docs, summed counts). Not np.unique: unless asked for counts it imports
    numpy.ma on its first call in a process (about 70 ms), which would land on an analyst's search."""
    if not len(docs):
        return EMPTY, EMPTY
    order = np.argsort(docs, kind="stable")
    docs, counts = docs[order], counts[order].astype(np.int64)
    starts = np.flatnonzero(np.concatenate(([True], docs[1:] != docs[:-1])))
    return docs[starts], np.add.reduceat(counts, starts)


@dataclass(frozen=True)
class Query:
    """What a document must contain (all of `required`) and must not (any of `excluded`)."""

    required: tuple = ()
    excluded: tuple = ()

    @property
    def empty(self):
        return not self.required and not self.excluded


# -- parsing ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    """A node as typed, before OR groups form: `negated` by - or NOT; `quoted` phrases are names only whole."""

    node: Node
    negated: bool = False
    quoted: bool = False

    def name_text(self):
        return self.node.name_text()

    @property
    def loose(self):
        """A bare word or phrase, which may join its neighbours into one name (جون كيري)."""
        return not self.negated and not self.quoted and self.node.name_text() is not None


@dataclass(frozen=True)
class Operator:
    """OR (the terms on either side become alternatives) or NOT (the next term is excluded)."""

    alternatives: bool
    loose = False

    def name_text(self):
        return None


OR, NOT = Operator(True), Operator(False)


def _node(text):
    """One bare query word: a term, a prefix (word*), or a phrase when it holds several words."""
    if text.endswith("*") and len(text) > 1:
        stems = chain.query_words(text.rstrip("*"))
        if len(stems) == 1 and len(stems[0]) >= 2:
            return Prefix(stems[0], text)
    return _phrase(text)


def _phrase(text):
    stems = chain.query_words(text)
    if not stems:
        return None
    return Word(stems[0], text) if len(stems) == 1 else Phrase(tuple(stems), text)


def parse_query(text, names=None):
    """A Query from what the analyst typed; `names` (an entities.EntityMatcher) reads known names as Named."""
    items = []  # Terms in order, with the Operators typed between them
    for match in _LEXER.finditer(text or ""):
        quoted, bare = match.group(2), match.group(3)
        if match.group(1):
            node = _phrase(quoted)
            if node:
                items.append(Term(node, quoted=True))
            continue
        if bare in ("OR", "|"):
            items.append(OR)
            continue
        negated = False
        if bare == "NOT":
            items.append(NOT)
            continue
        if bare.startswith("-") and len(bare) > 1:
            negated, bare = True, bare[1:]
        node = _node(bare)
        if node is None:
            continue
        if items and items[-1] == NOT:
            items.pop()
            negated = True
        items.append(Term(node, negated))
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
        if isinstance(item, Operator):
            pending_or = pending_or or item.alternatives
            continue
        if item.negated:
            excluded.append(item.node)
            continue
        if pending_or and group:
            group.append(item.node)
        else:
            close_group()
            group.append(item.node)
        pending_or = False
    close_group()
    return Query(tuple(required), tuple(excluded))


def terms(query):
    """Every stem a document can match on, for highlighting."""
    return [stem for node in query.required for stem in node.highlight_stems()]


def describe(query):
    """The query as the archive understood it, in normalized words."""
    parts = [node.describe() for node in query.required] + ["-" + node.describe() for node in query.excluded]
    return " ".join(parts)
