"""Hashiye: a reader and annotator for folders of Persian news articles."""

__version__ = "0.1.0"
