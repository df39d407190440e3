"""A content folder to a model: safe YAML, the field schema, cross-file checks, the cache."""
