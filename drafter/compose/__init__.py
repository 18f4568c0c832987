"""Composition: outline + clauses + inputs -> the document model (directives, narratives)."""
