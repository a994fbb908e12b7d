"""The version of the text analysis; an index built by another version is rebuilt by the writer."""
# Raise it whenever normalization, tokenization, stemming or the schema changes.
# 7: the "stamp" column. 8: glued words split into their parts (arabic/glued.py).
# 9: a statement's cities are its subjects and place of saying; its subjects and report group.
# 10: ـاة before a pronoun, a plural's final ه, a word's own أل/إل, duals indexed as their singular.
# 11: broken plurals of the news meet their singular (plurals.txt); index readings of verbs' وا and ت,
#     the accusative ا, ك, ني, bare duals, construct plurals; no ك reading before و or ا.
ANALYSIS_VERSION = "11"
