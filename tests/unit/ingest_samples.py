"""The articles written for the extractor's tests (fixtures/extraction/samples.json), and their gazetteer.

Styles the seeds lack: no title line, «» and ASCII quotes, tashkeel, feminine speakers, unknown
speakers introduced by role + name, كيري and كيربي in one text, a role resolved by the publication
date, and an article with no statements. Annotated as docs/extraction-sets.md says.
"""

from archive.ingest.evaluate import SEEDS_DIR, SETS_DIR, load_style, speaker_id
from archive.ingest.extraction import extract, load_curation_gazetteer

_STYLE, _GAZETTEER = load_style(SETS_DIR / "samples.json")
SAMPLES = _STYLE["articles"]
EXTRA_PEOPLE = _STYLE["people"]


def sample_gazetteer():
    """The curation's people and places plus the few people these samples need."""
    return _GAZETTEER


def seed_gazetteer():
    """The seed archive's people and places alone: no Tillerson, no Turkish minister, no Erdogan."""
    return load_curation_gazetteer(SEEDS_DIR / "curation.json")


def said(body, gaz, published="2016-06-01"):
    """[(speaker as the gold writes it, words)] of what the extractor proposes."""
    return [(speaker_id(s), s.text) for s in extract(body, published, gaz).statements]
