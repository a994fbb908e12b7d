"""The Arabic letters and the clitics glued to words, as every part of the analysis reads them."""

from pyarabic import araby

from .normalize import normalize

# Normalized Arabic letters: pyarabic's LETTERS as arabic.normalize folds them (its hamza seats,
# alef forms and ة become ء ا ه), so the 28 letters and ء. A token starting with anything else is
# not Arabic.
ARABIC_LETTERS = frozenset(normalize(letter) for letter in araby.LETTERS)

# One-letter words written glued to the next: a conjunction (و and, ف so), then a preposition
# (ب with, ل for, ك like).
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
ONE_LETTER_CLITICS = CONJUNCTIONS + PREPOSITIONS

# Every run of clitics a word may start with, longest first (وب، فل ... و، ب).
PROCLITICS = tuple(sorted({c + p for c in CONJUNCTIONS for p in PREPOSITIONS} | set(ONE_LETTER_CLITICS),
                          key=lambda clitic: (-len(clitic), clitic)))

# The article, and the clitic runs written before it, longest first: و/ف, then ب or ك (وبالتالي،
# كالعادة). ل + ال is written لل (للأسد is ل + الأسد), so ل never stands before a written ال:
# LAM_ARTICLE_RUNS are the runs that end in that لل.
ARTICLE = "ال"
LAM_ARTICLE = "لل"
ARTICLE_RUNS = tuple(clitic + ARTICLE for clitic in PROCLITICS if not clitic.endswith("ل")) + (ARTICLE,)
LAM_ARTICLE_RUNS = tuple(c + LAM_ARTICLE for c in CONJUNCTIONS) + (LAM_ARTICLE,)
