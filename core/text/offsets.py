"""The offset map between display text and source text (DESIGN §2).

Each display character remembers the source span it came from; an inserted character
(a paragraph break, a ZWNJ hazm added) has an empty span at its place. Both columns of
spans are non-decreasing, so the map is monotone and spans map with two binary searches.

The spans are stored as runs, not one pair of ints per character (a 5 MB article would need
about a gigabyte of Python ints): in a run every character has the span of the one before it
(`step` 0: characters that stand for one source span, such as an entity or a collapsed run of
spaces, or that hazm inserted) or the span one code point further (`step` 1: text copied as
it is). A copied article is a few runs; hazm's edits add a few runs each.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import Any, overload


class SpanRuns:
    """Per-character source spans [start, end), stored as runs.

    Run k covers characters `d[k]` up to the next run's start; character i of it has the span
    (s[k] + step[k]·(i − d[k]), e[k] + step[k]·(i − d[k])).
    """

    __slots__ = ("_d", "_s", "_e", "_step", "length")

    def __init__(self) -> None:
        self._d = array("q")
        self._s = array("q")
        self._e = array("q")
        self._step = array("b")
        self.length = 0

    def __len__(self) -> int:
        return self.length

    def runs(self) -> int:
        """How many runs the spans take."""
        return len(self._d)

    # --- appending -------------------------------------------------------------------------
    def append(self, n: int, s: int, e: int, step: int) -> None:
        """Append `n` characters, the first with span (s, e), each next one `step` further."""
        if n <= 0:
            return
        if n == 1:
            step = 0
        if self._d:
            k = len(self._d) - 1
            last_n = self.length - self._d[k]
            last_step = self._step[k]
            if last_n == 1 and (step == 1 or n == 1) and s == self._s[k] + 1 and e == self._e[k] + 1:
                self._step[k] = 1  # one character, then the next code point: a copied run
                self.length += n
                return
            if (step == last_step or n == 1) and s == self._s[k] + last_step * last_n \
                    and e == self._e[k] + last_step * last_n:
                self.length += n
                return
        self._d.append(self.length)
        self._s.append(s)
        self._e.append(e)
        self._step.append(step)
        self.length += n

    def extend(self, other: SpanRuns, lo: int = 0, hi: int | None = None) -> None:
        """Append the spans of `other`'s characters [lo, hi)."""
        hi = other.length if hi is None else hi
        if hi <= lo:
            return
        k = bisect_right(other._d, lo) - 1
        while lo < hi:
            run_end = other._d[k + 1] if k + 1 < len(other._d) else other.length
            step = other._step[k]
            off = lo - other._d[k]
            upto = min(hi, run_end)
            self.append(upto - lo, other._s[k] + step * off, other._e[k] + step * off, step)
            lo = upto
            k += 1

    def set_last_end(self, e: int) -> None:
        """The last character's span now ends at `e` (a run of spaces collapsed into it)."""
        s, _ = self.span(self.length - 1)
        self.drop_last()
        self.append(1, s, e, 0)

    def drop_last(self) -> None:
        """Remove the last character."""
        k = len(self._d) - 1
        self.length -= 1
        if self._d[k] == self.length:
            for col in (self._d, self._s, self._e, self._step):
                col.pop()

    def tail(self, k: int) -> SpanRuns:
        """The spans of the characters from `k` on."""
        out = SpanRuns()
        out.extend(self, k)
        return out

    def head(self, k: int) -> SpanRuns:
        """The spans of the characters before `k`."""
        out = SpanRuns()
        out.extend(self, 0, k)
        return out

    # --- reading ---------------------------------------------------------------------------
    def span(self, i: int) -> tuple[int, int]:
        """The source span of character `i` (0 <= i < len)."""
        k = bisect_right(self._d, i) - 1
        off = (i - self._d[k]) * self._step[k]
        return self._s[k] + off, self._e[k] + off

    def start(self, i: int) -> int:
        k = bisect_right(self._d, i) - 1
        return self._s[k] + (i - self._d[k]) * self._step[k]

    def end(self, i: int) -> int:
        k = bisect_right(self._d, i) - 1
        return self._e[k] + (i - self._d[k]) * self._step[k]

    def iter_column(self, ends: bool) -> Iterator[int]:
        col = self._e if ends else self._s
        for k, d in enumerate(self._d):
            run_end = self._d[k + 1] if k + 1 < len(self._d) else self.length
            base, step = col[k], self._step[k]
            if step:
                yield from range(base, base + run_end - d)
            else:
                for _ in range(run_end - d):
                    yield base

    # --- plain JSON, for caches ------------------------------------------------------------
    def to_json(self) -> dict[str, object]:
        return {"length": self.length, "d": self._d.tolist(), "s": self._s.tolist(), "e": self._e.tolist(),
                "step": self._step.tolist()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SpanRuns:
        """Read `to_json`'s form back (KeyError/TypeError/ValueError on anything else)."""
        out = cls()
        d, s, e, step = (list(map(int, data[k])) for k in ("d", "s", "e", "step"))
        length = int(data["length"])
        if not len(d) == len(s) == len(e) == len(step) or (d and (d[0] != 0 or d[-1] >= length)) \
                or (not d and length) or any(b <= a for a, b in zip(d, d[1:])) or any(x not in (0, 1) for x in step):
            raise ValueError("not a span map")
        out._d, out._s, out._e, out._step = array("q", d), array("q", s), array("q", e), array("b", step)
        out.length = length
        return out


class Column(Sequence[int]):
    """One column of an offset map (every character's source start, or end) as a read-only sequence."""

    def __init__(self, runs: SpanRuns, ends: bool) -> None:
        self._runs = runs
        self._ends = ends

    def __len__(self) -> int:
        return self._runs.length

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._runs.length))]
        if i < 0:
            i += self._runs.length
        if not 0 <= i < self._runs.length:
            raise IndexError("offset map index out of range")
        return self._runs.end(i) if self._ends else self._runs.start(i)

    def __iter__(self) -> Iterator[int]:
        return self._runs.iter_column(self._ends)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]


class OffsetMap:
    """Display ↔ source positions (code points) for one article."""

    def __init__(self, spans: SpanRuns | None = None, source_len: int = 0) -> None:
        self.spans = spans if spans is not None else SpanRuns()
        self.source_len = source_len

    def __len__(self) -> int:
        return self.spans.length

    @property
    def src_start(self) -> Column:
        """Every display character's source start (a sequence; stored as runs)."""
        return Column(self.spans, False)

    @property
    def src_end(self) -> Column:
        """Every display character's source end."""
        return Column(self.spans, True)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a display span [start, end) to the source span it came from."""
        n = self.spans.length
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end <= start:
            pos = self.spans.start(start) if start < n else self.source_len if n == 0 else self.spans.end(n - 1)
            return pos, pos
        first = self.spans.start(start)
        return first, max(first, self.spans.end(end - 1))

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """Map a source span to the display span showing it (empty if all of it is hidden)."""
        d_start = bisect_right(self.src_end, start)
        d_end = bisect_left(self.src_start, end) if end > start else d_start
        return d_start, max(d_start, d_end)

    def tail(self, k: int) -> OffsetMap:
        """The map of the display text from character `k` on."""
        return OffsetMap(self.spans.tail(k), self.source_len)

    def head(self, k: int) -> OffsetMap:
        """The map of the display text before character `k`."""
        return OffsetMap(self.spans.head(k), self.source_len)

    def to_json(self) -> dict[str, object]:
        """Plain JSON form, for caches."""
        return {"runs": self.spans.to_json(), "source_len": self.source_len}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OffsetMap:
        """Read `to_json`'s form back (KeyError/TypeError/ValueError on anything else)."""
        return cls(SpanRuns.from_json(data["runs"]), int(data["source_len"]))


class MapBuilder:
    """Accumulate display text with the source span of each character."""

    def __init__(self, source_len: int) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.map = OffsetMap(source_len=source_len)

    def emit(self, text: str, src_start: int, src_end: int) -> None:
        """Append `text`, every character of it coming from source [src_start, src_end)."""
        self.parts.append(text)
        self.length += len(text)
        self.map.spans.append(len(text), src_start, src_end, 0)

    def emit_copy(self, text: str, src_start: int) -> None:
        """Append `text` copied as it is from the source at `src_start`."""
        self.parts.append(text)
        self.length += len(text)
        self.map.spans.append(len(text), src_start, src_start + 1, 1)

    def emit_mapped(self, text: str, spans: SpanRuns) -> None:
        """Append `text` whose characters carry their own source spans."""
        self.parts.append(text)
        self.length += len(text)
        self.map.spans.extend(spans)

    def last_end(self, default: int) -> int:
        return self.map.spans.end(self.length - 1) if self.length else default

    def text(self) -> str:
        return "".join(self.parts)
