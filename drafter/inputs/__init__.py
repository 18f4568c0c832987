"""The input file: models, loading with line numbers, cross-field checks, schema, starter."""
