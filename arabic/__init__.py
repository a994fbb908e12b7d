"""Pure-Python Arabic text analysis (normalize, tokenize, stem) shared by indexing and querying."""

from .normalize import normalize, normalize_with_offsets, original_span
from .tokenize import Token, tokenize
from .stem import FUNCTION_WORDS, STOPWORDS, analyze, index_stems, stem

__all__ = [
    "normalize", "normalize_with_offsets", "original_span", "Token", "tokenize",
    "stem", "index_stems", "analyze", "STOPWORDS", "FUNCTION_WORDS",
]
