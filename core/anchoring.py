"""Anchoring: where is each annotation in the current text? The only place this is decided.

Order (DESIGN §4): the stored position still holds the quote → `anchored`; the quote
occurs exactly elsewhere (best by prefix/suffix agreement, then nearest) → `moved`;
the quote's letters occur with other spellings or spacing (Persian matching key) or
approximately (rapidfuzz, score ≥ FUZZY_MIN) → `fuzzy`; else `orphan`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .annotations import Anchored, Annotation
from .normalize import match_key_indexed

FUZZY_MIN = 85.0


@dataclass
class _Skeleton:
    """The source's matching key without word gaps, and each key char's source index."""

    text: str
    where: list[int]


def _skeleton(text: str) -> _Skeleton:
    key, where = match_key_indexed(text)
    chars = [(c, w) for c, w in zip(key, where, strict=True) if c != " "]
    return _Skeleton("".join(c for c, _ in chars), [w for _, w in chars])


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


class Anchorer:
    """Anchors annotations in one source text; reuse it for many annotations of that text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._skel: _Skeleton | None = None

    @property
    def skeleton(self) -> _Skeleton:
        if self._skel is None:
            self._skel = _skeleton(self.source)
        return self._skel

    def anchor(self, ann: Annotation) -> Anchored:
        src = self.source
        exact = ann.exact
        has_pos = 0 <= ann.start < ann.end <= len(src)
        if has_pos and (src[ann.start:ann.end] == exact or not exact):
            return Anchored(ann, "anchored", ann.start, ann.end)
        if not exact:
            return Anchored(ann, "orphan", None, None)
        found = self._best_exact(ann)
        if found is not None:
            status = "anchored" if not has_pos and ann.start < 0 else "moved"
            return Anchored(ann, status, found, found + len(exact))
        span = self._fuzzy(ann)
        if span is not None:
            return Anchored(ann, "fuzzy", span[0], span[1])
        return Anchored(ann, "orphan", None, None)

    def _best_exact(self, ann: Annotation) -> int | None:
        src, exact = self.source, ann.exact
        best: tuple[tuple[int, int], int] | None = None
        at = src.find(exact)
        while at >= 0:
            context = _common_suffix(src[max(0, at - len(ann.prefix)):at], ann.prefix) + \
                _common_prefix(src[at + len(exact):at + len(exact) + len(ann.suffix)], ann.suffix)
            distance = abs(at - ann.start) if ann.start >= 0 else 0
            score = (context, -distance)
            if best is None or score > best[0]:
                best = (score, at)
            at = src.find(exact, at + 1)
        return best[1] if best else None

    def _fuzzy(self, ann: Annotation) -> tuple[int, int] | None:
        sk = self.skeleton
        needle = _skeleton(ann.exact).text
        if not needle or not sk.text:
            return None
        hits = []
        at = sk.text.find(needle)
        while at >= 0:
            hits.append(at)
            at = sk.text.find(needle, at + 1)
        if hits:
            pick = min(hits, key=lambda h: abs(sk.where[h] - ann.start) if ann.start >= 0 else h)
            return self._span(pick, pick + len(needle))
        if len(needle) < 8:
            return None  # too short to trust an approximate match
        res = fuzz.partial_ratio_alignment(needle, sk.text, score_cutoff=FUZZY_MIN)
        if res is None:
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
