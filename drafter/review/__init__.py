"""Review: checks over the document model, each a function Document -> findings."""
