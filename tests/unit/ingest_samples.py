"""The articles written for the extractor's tests (fixtures/extraction/samples.json), and their gazetteer.

Styles the seeds lack: no title line, «» and ASCII quotes, tashkeel, feminine speakers, unknown
speakers introduced by role + name, كيري and كيربي in one text, a role resolved by the publication
date, and an article with no statements. Annotated as docs/extraction-sets.md says.
"""

from archive.ingest.evaluate import SETS_DIR, load_style

_STYLE, _GAZETTEER = load_style(SETS_DIR / "samples.json")
SAMPLES = _STYLE["articles"]
EXTRA_PEOPLE = _STYLE["people"]


def sample_gazetteer():
    """The curation's people and places plus the few people these samples need."""
    return _GAZETTEER
