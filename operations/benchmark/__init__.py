"""Search benchmark: a synthetic archive at a chosen size, and what it costs to index and search it."""
