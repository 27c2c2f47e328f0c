"""Annotations: the W3C model, anchoring, sidecars, the store, history, conflicts, codes."""
