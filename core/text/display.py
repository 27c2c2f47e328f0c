"""Display text: the kept lines of an article, normalised, with an offset map to the source.

Two levels share one builder: the quick level (letters and digits folded, runs of
spaces collapsed: no alignment needed, no hazm) is what the window paints first; the
full level adds hazm's Normalizer line by line and aligns each line with
diff-match-patch. Highlights live in source coordinates, so swapping one level for
the other never moves them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .normalize import (
    ENTITIES,
    MARKUP,
    DigitStyle,
    fold_digits,
    fold_letters,
    hazm_normalize,
    is_space,
)
from .offsets import MapBuilder, OffsetMap
from ..corpus.parse import Parsed


@dataclass(frozen=True)
class Paragraph:
    """A display paragraph: its role (title, lead, body…) and display span."""

    role: str
    start: int
    end: int


@dataclass(frozen=True)
class Hidden:
    """A source line the clean view leaves out: its span in the source, why, and where it would stand.

    `at` is the display position of the paragraph break before which the line would be
    shown (the start of the next shown paragraph, or the end of the text). The span is in
    file code points, like every stored position, so a highlight on a line shown again
    (marked "not furniture") keeps its place.
    """

    start: int
    end: int
    role: str
    reason: str
    at: int


HEADING_ROLES = ("supertitle", "title")
HIDDEN_REASONS = {
    "date": "date line", "code": "news code", "duplicate": "printed twice",
    "boilerplate": "page furniture", "footer": "after the article's end",
}


@dataclass
class Display:
    """Display text, its map to the source, its paragraphs, and the source lines it hides."""

    text: str
    map: OffsetMap
    paragraphs: list[Paragraph]
    normalized: bool
    hidden: list[Hidden] = field(default_factory=list)
    fields: dict[str, str | None] = field(default_factory=dict)  # metadata text at this level (Article)

    def hidden_runs(self) -> list[list[Hidden]]:
        """Hidden lines grouped by the place they would stand (one "n lines hidden" marker each)."""
        runs: list[list[Hidden]] = []
        for h in self.hidden:
            if runs and runs[-1][-1].at == h.at:
                runs[-1].append(h)
            else:
                runs.append([h])
        return runs


def _pieces(source: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The characters of a line as (text, src_start, src_end); HTML tags dropped, entities decoded."""
    out: list[tuple[str, int, int]] = []
    pos = start
    for m in MARKUP.finditer(source, start, end):
        out.extend((source[i], i, i + 1) for i in range(pos, m.start()))
        token = m.group()
        if token.startswith("&"):
            ch = ENTITIES.get(token) or chr(min(int(token[2:-1]), 0x10FFFF))
            out.append((ch, m.start(), m.end()))
        pos = m.end()
    out.extend((source[i], i, i + 1) for i in range(pos, end))
    return out


def quick_line(source: str, start: int, end: int, digits: DigitStyle) -> tuple[str, list[int], list[int]]:
    """Fold one source line, drop markup, collapse spaces; return text and per-char source spans."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for ch, s, e in _pieces(source, start, end):
        if is_space(ch) or ch in "\r\n":  # a line break inside a joined (hard-wrapped) paragraph
            if out and out[-1] == " ":
                ends[-1] = e
                continue
            ch = " "
        out.append(ch)
        starts.append(s)
        ends.append(e)
    while out and out[-1] == " ":
        out.pop(), starts.pop(), ends.pop()
    k = 0
    while k < len(out) and out[k] == " ":
        k += 1
    text = fold_digits(fold_letters("".join(out[k:])), digits)
    return text, starts[k:], ends[k:]


@cache
def _differ() -> Any:
    """The differ `align` uses: made at the first hazm rewrite, off the start-up path."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    # No time limit: a timed diff depends on machine load, and the map must be the same on
    # every run (it is cached, and annotations are drawn through it). Long lines are
    # normalised in pieces of at most CHUNK characters, which keeps each diff small.
    dmp.Diff_Timeout = 0
    return dmp


CHUNK = 2000


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """Spans of `text` in pieces of at most `size` characters, cut at a space (the space left out)."""
    out: list[tuple[int, int]] = []
    pos = 0
    while len(text) - pos > size:
        limit = pos + size
        cut = max(text.rfind(". ", pos, limit), text.rfind("؟ ", pos, limit), text.rfind("! ", pos, limit))
        cut = cut + 1 if cut > pos else text.rfind(" ", pos + 1, limit)
        if cut <= pos:
            out.append((pos, limit))
            pos = limit
            continue
        out.append((pos, cut))
        pos = cut + 1 if text[cut] == " " else cut
    out.append((pos, len(text)))
    return out


def hazm_line(text: str, starts: list[int], ends: list[int], digits: DigitStyle) -> tuple[str, list[int], list[int]]:
    """Normalise one quick-level line with hazm, piece by piece, and carry its source spans over."""
    out: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    prev = 0
    for a, b in chunks(text):
        if a > prev:  # the space between two pieces stays as it is
            out.append(text[prev:a])
            new_s.extend(starts[prev:a])
            new_e.extend(ends[prev:a])
        piece = text[a:b]
        full = fold_digits(hazm_normalize(piece), digits)
        s, e = align(piece, full, starts[a:b], ends[a:b])
        out.append(full)
        new_s.extend(s)
        new_e.extend(e)
        prev = b
    return "".join(out), new_s, new_e


def align(before: str, after: str, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """Carry per-character source spans from `before` to its rewrite `after`."""
    new_s: list[int] = []
    new_e: list[int] = []
    i = 0
    pending = 0  # characters of `before` deleted and not yet replaced
    for op, chunk in _differ().diff_main(before, after, False):
        n = len(chunk)
        if op == 0:
            new_s.extend(starts[i:i + n])
            new_e.extend(ends[i:i + n])
            i += n
            pending = 0
        elif op == -1:
            i += n
            pending = n
        else:
            lo = i - pending
            if pending == n:
                new_s.extend(starts[lo:i])
                new_e.extend(ends[lo:i])
            elif pending:
                new_s.extend([starts[lo]] * n)
                new_e.extend([ends[i - 1]] * n)
            else:
                at = ends[i - 1] if i else (starts[0] if starts else 0)
                new_s.extend([at] * n)
                new_e.extend([at] * n)
            pending = 0
    return new_s, new_e


def build_display(source: str, parsed: Parsed, *, digits: DigitStyle = "fa",
                  normalized: bool = False, show_hidden: bool = False, headings: bool = True) -> Display:
    """Build the display text of an article; `normalized` adds hazm (slow on first use).

    `show_hidden` also shows the lines the clean view hides, as paragraphs of role
    `hidden` (quick level), in their place: the reader's "show hidden lines" view.
    `headings=False` leaves the title and supertitle lines out (a reader shows them in its header).
    """
    b = MapBuilder(len(source))
    paragraphs: list[Paragraph] = []
    pending: list[tuple[int, int, str, str]] = []
    hidden: list[Hidden] = []
    kept = set(map(id, parsed.kept()))
    for ln in parsed.lines:
        shown_hidden = False
        if not headings and ln.role in HEADING_ROLES:
            continue
        if id(ln) not in kept:
            if not ln.text.strip() or ln.role == "blank":
                continue
            if not show_hidden:
                pending.append((ln.start, ln.end, ln.role, ln.reason or HIDDEN_REASONS.get(ln.role, ln.role)))
                continue
            shown_hidden = True
        text, starts, ends = quick_line(source, ln.start, ln.end, digits)
        if not text:
            continue
        at = len(b.chars) + (1 if paragraphs else 0)
        hidden.extend(Hidden(s, e, r, why, at) for s, e, r, why in pending)
        pending = []
        if normalized and not shown_hidden:
            text, starts, ends = hazm_line(text, starts, ends, digits)
        if paragraphs:
            at = b.last_end(ln.start)
            b.emit("\n", at, ln.start)
        p_start = len(b.chars)
        b.emit_mapped(text, starts, ends)
        paragraphs.append(Paragraph("hidden" if shown_hidden else ln.role, p_start, len(b.chars)))
    hidden.extend(Hidden(s, e, r, why, len(b.chars)) for s, e, r, why in pending)
    return Display(b.text(), b.map, paragraphs, normalized, hidden)


def display_line(text: str, *, digits: DigitStyle = "fa", normalized: bool = False) -> str:
    """One piece of text (a title, a lead, a source) normalised exactly as a display line is."""
    out, starts, ends = quick_line(text, 0, len(text), digits)
    if normalized and out:
        out = hazm_line(out, starts, ends, digits)[0]
    return out


def without_headings(display: Display) -> Display:
    """The display minus its leading supertitle/title lines (a reader shows those in its header)."""
    first = next((p for p in display.paragraphs if p.role not in HEADING_ROLES), None)
    if first is None or first.start == 0:
        return display
    k = first.start
    shifted = [Paragraph(p.role, p.start - k, p.end - k) for p in display.paragraphs if p.start >= k]
    m = display.map
    hidden = [Hidden(h.start, h.end, h.role, h.reason, max(0, h.at - k)) for h in display.hidden]
    return Display(display.text[k:], OffsetMap(m.src_start[k:], m.src_end[k:], m.source_len), shifted,
                   display.normalized, hidden)
