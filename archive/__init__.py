"""The archive's domain: sources, articles, people, places and statements."""
