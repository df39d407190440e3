"""Full-text search over a tour: passages, the FTS5 index, ranking, snippets, suggestions."""
