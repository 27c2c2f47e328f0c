"""Corpus search: the SQLite index and cache, searching, keyword in context."""
