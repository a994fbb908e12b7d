"""The Arabic letters and the clitics glued to words, as every part of the analysis reads them."""

# Normalized Arabic letters: arabic.normalize folds every other form (hamza seats, ى، ة, Persian
# letters, presentation forms) onto these. A token starting with anything else is not Arabic.
ARABIC_LETTERS = frozenset("ءابتثجحخدذرزسشصضطظعغفقكلمنهوي")

# One-letter words written glued to the next: a conjunction (و and, ف so), then a preposition
# (ب with, ل for, ك like).
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
ONE_LETTER_CLITICS = CONJUNCTIONS + PREPOSITIONS

# Every run of clitics a word may start with, longest first (وب، فل ... و، ب).
PROCLITICS = tuple(sorted({c + p for c in CONJUNCTIONS for p in PREPOSITIONS} | set(ONE_LETTER_CLITICS),
                          key=lambda clitic: (-len(clitic), clitic)))
