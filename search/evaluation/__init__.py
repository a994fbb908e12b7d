"""Search-quality evaluation: a judged Arabic test collection and the runner that scores analyses on it."""
