"""Distinct statements: several reports of one statement (a report group) count and show once."""
import numpy as np

from .columns import NO_VALUE


def _unique(values):
    """Sorted distinct values (np.unique imports numpy.ma on its first call: 70 ms of a search)."""
    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def _first_of_each_group(groups):
    """A mask keeping every ungrouped position and the first position of each group, in the order given."""
    grouped = groups != NO_VALUE
    keep = ~grouped
    if grouped.any():
        at = np.flatnonzero(grouped)
        order = np.argsort(groups[at], kind="stable")  # stable: a group's first position comes first
        ordered = groups[at][order]
        first = np.concatenate(([True], ordered[1:] != ordered[:-1]))
        keep[at[order[first]]] = True
    return keep


def distinct_docs(view, docs):
    """`docs` (in ranked order) with each report group represented by its best-ranked report."""
    if not len(docs):
        return docs
    return docs[_first_of_each_group(view.columns.report_group[docs])]


def distinct_count(view, mask):
    """How many distinct statements (and articles) the documents in `mask` are."""
    groups = view.columns.report_group[mask]
    grouped = groups != NO_VALUE
    if not grouped.any():
        return int(mask.sum())
    return int((~grouped).sum()) + len(_unique(groups[grouped]))


def distinct_values(view, values, rows):
    """The facet `values` (non-negative) of documents `rows`, one per value and report group.

    Counting what remains gives each value's distinct statements: clicking the value
    filters to those documents, and the result count collapses the same groups.
    """
    groups = view.columns.report_group[rows]
    grouped = groups != NO_VALUE
    if not grouped.any():
        return values
    pairs = (values[grouped].astype(np.int64) << 32) | groups[grouped]
    return np.concatenate([values[~grouped], (_unique(pairs) >> 32)])
