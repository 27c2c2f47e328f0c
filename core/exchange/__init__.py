"""Exports and imports: CSV, Markdown, JSON-LD, REFI-QDA, W3C annotations of other tools."""
