"""Text model: decoding, Persian normalisation, display text and its offset map, dates, matching."""
