"""Analysis: autocoding, agreement between coders, reports."""
