"""Display text: the kept lines of an article, normalised, with an offset map to the source.

Two levels share one builder: the quick level (letters and digits folded, runs of
spaces collapsed: no alignment needed, no hazm) is what the window paints first; the
full level adds hazm's Normalizer line by line and aligns each line with
diff-match-patch. Highlights live in source coordinates, so swapping one level for
the other never moves them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .normalize import (
    ENTITIES,
    MARKUP,
    SPACES,
    DigitStyle,
    fold_digits,
    fold_letters,
    hazm_normalize,
    is_space,
)
from .offsets import MapBuilder, OffsetMap, SpanRuns
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


_SPACE_CHARS = SPACES + "\r\n"  # `is_space`, or a line break inside a joined (hard-wrapped) paragraph
_SPACE_RUN = re.compile(f"[{re.escape(_SPACE_CHARS)}]+")
# Spaces that show other than as they are stored: a run of two or more, or one that is not " ".
_GAP = re.compile(f"[{re.escape(_SPACE_CHARS)}]{{2,}}|[{re.escape(_SPACE_CHARS.replace(' ', ''))}]")


def quick_line(source: str, start: int, end: int, digits: DigitStyle) -> tuple[str, SpanRuns]:
    """Fold one source line, drop markup, collapse spaces; return text and its characters' source spans.

    HTML tags are dropped, entities decoded (one character for the entity's span), and each run
    of spaces becomes one space whose span covers the run; spaces at either end are dropped.
    Text between them is copied as it is (a lone space too), which the map stores as one run.
    """
    parts: list[str] = []
    spans = SpanRuns()
    space = False  # the last character given is a space (a run of spaces goes on into it)

    def gap(a: int, b: int) -> None:
        nonlocal space
        if space:
            spans.set_last_end(b)
        elif spans.length:  # spaces before the first character are dropped
            parts.append(" ")
            spans.append(1, a, b, 0)
            space = True

    def copy(a: int, b: int) -> None:
        nonlocal space
        first = _SPACE_RUN.match(source, a, b)
        if first:  # spaces after a tag or entity go on into a space given before it
            gap(a, first.end())
            a = first.end()
        if a >= b:
            return
        last = b
        while source[last - 1] in _SPACE_CHARS:
            last -= 1
        pos = a
        for m in _GAP.finditer(source, a, last):  # each a whole run, between other characters
            parts.append(source[pos:m.start()])
            spans.append(m.start() - pos, pos, pos + 1, 1)
            parts.append(" ")
            spans.append(1, m.start(), m.end(), 0)
            pos = m.end()
        parts.append(source[pos:last])
        spans.append(last - pos, pos, pos + 1, 1)
        space = False
        if last < b:
            gap(last, b)

    pos = start
    for m in MARKUP.finditer(source, start, end):
        copy(pos, m.start())
        token = m.group()
        if token.startswith("&"):
            ch = ENTITIES.get(token) or chr(min(int(token[2:-1]), 0x10FFFF))
            if is_space(ch) or ch in "\r\n":
                gap(m.start(), m.end())
            else:
                parts.append(ch)
                spans.append(1, m.start(), m.end(), 0)
                space = False
        pos = m.end()
    copy(pos, end)
    if space:  # a space at the end is dropped
        parts.pop()
        spans.drop_last()
    return fold_digits(fold_letters("".join(parts)), digits), spans


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


def hazm_line(text: str, spans: SpanRuns, digits: DigitStyle) -> tuple[str, SpanRuns]:
    """Normalise one quick-level line with hazm, piece by piece, and carry its source spans over."""
    out: list[str] = []
    new = SpanRuns()
    prev = 0
    for a, b in chunks(text):
        if a > prev:  # the space between two pieces stays as it is
            out.append(text[prev:a])
            new.extend(spans, prev, a)
        piece = text[a:b]
        full = fold_digits(hazm_normalize(piece), digits)
        align(piece, full, spans, a, new)
        out.append(full)
        prev = b
    return "".join(out), new


def align(before: str, after: str, spans: SpanRuns, at: int, out: SpanRuns) -> None:
    """Carry the source spans of `before` (those of `spans` from `at` on) to its rewrite `after`, onto `out`.

    Kept characters keep their spans; a replacement of as many characters takes theirs one
    by one, one of another length spans all it replaced; an insertion is empty, at the end
    of the character before it."""
    i = 0
    pending = 0  # characters of `before` deleted and not yet replaced
    for op, chunk in _differ().diff_main(before, after, False):
        n = len(chunk)
        if op == 0:
            out.extend(spans, at + i, at + i + n)
            i += n
            pending = 0
        elif op == -1:
            i += n
            pending = n
        else:
            lo = i - pending
            if pending == n:
                out.extend(spans, at + lo, at + i)
            elif pending:
                out.append(n, spans.start(at + lo), spans.end(at + i - 1), 0)
            else:
                where = spans.end(at + i - 1) if i else (spans.start(at) if before else 0)
                out.append(n, where, where, 0)
            pending = 0


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
        text, spans = quick_line(source, ln.start, ln.end, digits)
        if not text:
            continue
        at = b.length + (1 if paragraphs else 0)
        hidden.extend(Hidden(s, e, r, why, at) for s, e, r, why in pending)
        pending = []
        if normalized and not shown_hidden:
            text, spans = hazm_line(text, spans, digits)
        if paragraphs:
            at = b.last_end(ln.start)
            b.emit("\n", at, ln.start)
        p_start = b.length
        b.emit_mapped(text, spans)
        paragraphs.append(Paragraph("hidden" if shown_hidden else ln.role, p_start, b.length))
    hidden.extend(Hidden(s, e, r, why, b.length) for s, e, r, why in pending)
    return Display(b.text(), b.map, paragraphs, normalized, hidden)


def display_line(text: str, *, digits: DigitStyle = "fa", normalized: bool = False) -> str:
    """One piece of text (a title, a lead, a source) normalised exactly as a display line is."""
    if not normalized and "<" not in text and "&" not in text:  # no markup: `quick_line`'s text without its map
        return fold_digits(fold_letters(_SPACE_RUN.sub(" ", text).strip(" ")), digits)
    out, spans = quick_line(text, 0, len(text), digits)
    if normalized and out:
        out = hazm_line(out, spans, digits)[0]
    return out


def without_headings(display: Display) -> Display:
    """The display minus its leading supertitle/title lines (a reader shows those in its header)."""
    first = next((p for p in display.paragraphs if p.role not in HEADING_ROLES), None)
    if first is None or first.start == 0:
        return display
    k = first.start
    shifted = [Paragraph(p.role, p.start - k, p.end - k) for p in display.paragraphs if p.start >= k]
    hidden = [Hidden(h.start, h.end, h.role, h.reason, max(0, h.at - k)) for h in display.hidden]
    return Display(display.text[k:], display.map.tail(k), shifted,
                   display.normalized, hidden)


def broken_paragraphs(display: Display, longest: int) -> Display:
    """The display with every paragraph longer than `longest` characters broken into lines of at most that.

    A window lays a paragraph out whole, so one paragraph of megabytes (an article stored as one
    line) cannot be shown smoothly. A break replaces the space after a sentence's end, else the
    last space before the limit (a paragraph with no space in `longest` characters stays whole
    from there): the text keeps its length and every character its source span, so the map and
    every position stay as they are. A lead's later lines read as body.
    """
    if all(p.end - p.start <= longest for p in display.paragraphs):
        return display
    text = display.text
    cuts: list[int] = []
    paragraphs: list[Paragraph] = []
    for p in display.paragraphs:
        pos = p.start
        role = p.role
        while p.end - pos > longest:
            limit = pos + longest
            cut = max(text.rfind(". ", pos, limit), text.rfind("؟ ", pos, limit), text.rfind("! ", pos, limit))
            cut = cut + 1 if cut > pos else text.rfind(" ", pos + 1, limit)
            if cut <= pos:
                break
            cuts.append(cut)
            paragraphs.append(Paragraph(role, pos, cut))
            role = "body" if role == "lead" else role
            pos = cut + 1
        paragraphs.append(Paragraph(role, pos, p.end))
    if not cuts:
        return display
    pieces = [text[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(text)])]
    return Display("\n".join(pieces), display.map, paragraphs, display.normalized, display.hidden, display.fields)


def shown_whole(display: Display, longest: int) -> Display:
    """What a window can show of a display: all of it, or (when a paragraph is over `longest`
    characters even after `broken_paragraphs`: a line with no space to break at) the paragraphs
    before that one. Same positions and map for what is shown; `hashiye-cli show` prints it all."""
    too_long = next((p for p in display.paragraphs if p.end - p.start > longest), None)
    if too_long is None:
        return display
    end = max(0, too_long.start - 1)  # without the line break before it
    paragraphs = [p for p in display.paragraphs if p.end <= end]
    hidden = [h for h in display.hidden if h.at <= end]
    return Display(display.text[:end], display.map.head(end), paragraphs, display.normalized, hidden, display.fields)
