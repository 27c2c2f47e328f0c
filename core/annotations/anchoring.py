"""Anchoring: where is each annotation in the current text? The only place this is decided.

Order (DESIGN §4):
1. the stored TextPositionSelector still holds the quote → `anchored`;
2. the quote occurs exactly elsewhere (several times: the occurrence whose prefix/suffix
   agree best, then the nearest to the old position) → `moved` (`anchored` when the
   annotation had no position at all, e.g. an imported quote-only annotation);
3. the quote's letters occur with other spellings, ZWNJ or spacing (the Persian matching
   key of core.normalize), else approximately (rapidfuzz, score ≥ FUZZY_MIN) → `fuzzy`;
4. else `orphan`: no span, and the store keeps the annotation in its file untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Anchored, Annotation
from ..text.normalize import match_key_indexed, skeleton

FUZZY_MIN = 85.0  # rapidfuzz partial_ratio (0–100) an approximate match must reach
FUZZY_MIN_CHARS = 8  # shorter quotes are only placed by an exact or matching-key hit


@dataclass
class _Skeleton:
    """The source's matching key without word gaps, and each key char's source index."""

    text: str
    where: list[int]


def _skeleton_indexed(text: str) -> _Skeleton:
    key, where = match_key_indexed(text)
    pairs = [(c, w) for c, w in zip(key, where, strict=True) if c != " "]
    return _Skeleton("".join(c for c, _ in pairs), [w for _, w in pairs])


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _occurrences(haystack: str, needle: str) -> list[int]:
    hits: list[int] = []
    at = haystack.find(needle)
    while at >= 0:
        hits.append(at)
        at = haystack.find(needle, at + 1)
    return hits


class Anchorer:
    """Anchors annotations in one source text; reuse it for many annotations of that text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._skel: _Skeleton | None = None

    @property
    def skeleton(self) -> _Skeleton:
        if self._skel is None:
            self._skel = _skeleton_indexed(self.source)
        return self._skel

    def anchor(self, ann: Annotation) -> Anchored:
        """Place one annotation in the source text and say how well it held."""
        src, exact = self.source, ann.exact
        has_pos = 0 <= ann.start < ann.end <= len(src)
        if has_pos and (not exact or src[ann.start:ann.end] == exact):
            return Anchored(ann, "anchored", ann.start, ann.end)
        if not exact:
            return Anchored(ann, "orphan", None, None)
        hits = _occurrences(src, exact)
        if hits:
            at = self._best(ann, hits, lambda h: (h, h + len(exact)))
            return Anchored(ann, "moved" if ann.start >= 0 else "anchored", at, at + len(exact))
        span = self._fuzzy(ann)
        if span is not None:
            return Anchored(ann, "fuzzy", *span)
        return Anchored(ann, "orphan", None, None)

    def _best(self, ann: Annotation, hits: list[int], span_of: Callable[[int], tuple[int, int]]) -> int:
        """The hit whose surroundings agree most with prefix/suffix, then the nearest."""
        if len(hits) == 1:
            return hits[0]
        src = self.source

        def score(hit: int) -> tuple[int, int]:
            s, e = span_of(hit)
            context = _common_suffix(src[max(0, s - len(ann.prefix)):s], ann.prefix) + \
                _common_prefix(src[e:e + len(ann.suffix)], ann.suffix)
            return context, -abs(s - ann.start) if ann.start >= 0 else 0

        return max(hits, key=score)

    def _fuzzy(self, ann: Annotation) -> tuple[int, int] | None:
        sk = self.skeleton
        needle = skeleton(ann.exact)
        if not needle or not sk.text:
            return None
        hits = _occurrences(sk.text, needle)
        if hits:
            n = len(needle)
            pick = self._best(ann, hits, lambda h: self._span(h, h + n))
            return self._span(pick, pick + n)
        if len(needle) < FUZZY_MIN_CHARS:
            return None  # too short to trust an approximate match
        from rapidfuzz import fuzz  # 8 ms to import: only when an annotation's text has moved or changed

        res = fuzz.partial_ratio_alignment(needle, sk.text, score_cutoff=FUZZY_MIN)
        if res is None or res.dest_end <= res.dest_start:
            return None
        return self._span(res.dest_start, res.dest_end)

    def _span(self, k_start: int, k_end: int) -> tuple[int, int]:
        where = self.skeleton.where
        return where[k_start], where[k_end - 1] + 1


def anchor_all(source: str, annotations: Sequence[Annotation]) -> list[Anchored]:
    """Anchor every annotation; placed ones sorted by position, orphans last."""
    anchorer = Anchorer(source)
    placed = [anchorer.anchor(a) for a in annotations]
    return sorted(placed, key=lambda a: (a.start is None, a.start or 0, a.end or 0, a.annotation.id))
