"""How well a statement search for a place finds what was said about it: results, how many name it, precision of the first ten."""
from ..entities import name_key, readings, tokens_of
from ..finding import find, find_all
from ..params import SearchParams

FIRST = 10


def names_in(text, keys):
    """Whether the text writes any of the name keys (normalized words; a clitic on the first word allowed)."""
    tokens = tokens_of(text)
    for key in keys:
        width = len(key)
        for at in range(len(tokens) - width + 1):
            if any((reading,) + tuple(tokens[at + 1:at + width]) == key for reading in readings(tokens[at])):
                return True
    return False


def measure(query, written_names, load_text):
    """{results, naming, precision, hits}: a statement search for `query`; naming = results whose words write the place.

    `load_text` turns the result hits into statement texts (the database, the caller's concern).
    """
    keys = [name_key(name) for name in written_names if name_key(name)]
    found = find(SearchParams(q=query, type="statements", page=1))
    hits = list(find_all(SearchParams(q=query, type="statements")))
    texts = load_text([hit for chunk in hits for hit in chunk])
    flags = [names_in(text, keys) for text in texts]
    first = flags[:FIRST]
    return {"results": found.count, "naming": sum(flags),
            "precision": (sum(first) / len(first)) if first else 0.0, "hits": [h for chunk in hits for h in chunk]}
