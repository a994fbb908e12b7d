"""The version of the text analysis; an index built by another version is rebuilt by the writer."""
# Raise it whenever normalization, tokenization, stemming or the schema changes.
ANALYSIS_VERSION = "7"  # 7: the "stamp" column
