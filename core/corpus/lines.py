"""The lines of an article file: their spans, hard-wrapped paragraphs joined, and what the
folder says about a line (repeated across its articles, or marked by the user).

Positions are code points of the file as stored (DESIGN §2); `parse` classifies the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import clean, key

Role = str  # supertitle | title | lead | body | boilerplate | date | code | duplicate | blank
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_BREAK = re.compile(r"[\r\n]")
SENTENCE_END = ".!؟?…"


@dataclass
class Line:
    """One line of the source: its span (without the line break) and role."""

    start: int
    end: int
    text: str
    role: Role = "blank"
    reason: str = ""  # why a line is not shown (see `hidden_reason`)


def split_lines(text: str) -> list[Line]:
    """Split source text into lines with code-point spans; CR, LF and CRLF all end a line."""
    lines: list[Line]
    if "\r" not in text:  # the usual file: split at C speed, the same lines as the pattern gives
        parts = text.split("\n")
        if not parts[-1]:
            parts.pop()  # text ending in a line break (or empty): no line after it
        lines = []
        start = 0
        for part in parts:
            end = start + len(part)
            lines.append(Line(start, end, part))
            start = end + 1
        return lines
    lines = []
    for m in _LINE.finditer(text):
        raw = m.group()
        if not raw:
            break
        body = raw.rstrip("\r\n")
        lines.append(Line(m.start(), m.start() + len(body), body))
    return lines


def unwrap(text: str, lines: list[Line]) -> list[Line]:
    """Join hard-wrapped paragraphs (a file broken at a fixed width) into one line each.

    A file is hard-wrapped when at least three of its long lines (60 % of the widest, which
    is at most 200 characters) stop without ending a sentence and go on in the next line,
    and they are most of its long lines. A joined line spans its source lines; its text has
    spaces for the line breaks (same length), so positions stay those of the file.
    """
    filled = [ln for ln in lines if ln.text.strip()]
    if len(filled) < 3:
        return lines
    width = max(len(ln.text.rstrip()) for ln in filled)
    if width > 200:
        return lines

    def goes_on(i: int) -> bool:
        t = lines[i].text.rstrip()
        return (len(t) >= 0.6 * width and not t.endswith(tuple(SENTENCE_END) + (":", "：", "؛"))
                and i + 1 < len(lines) and bool(lines[i + 1].text.strip()))

    long_lines = [i for i, ln in enumerate(lines) if len(ln.text.rstrip()) >= 0.6 * width]
    open_lines = [i for i in long_lines if goes_on(i)]
    if len(open_lines) < 3 or len(open_lines) < 0.6 * len(long_lines):
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while goes_on(j):
            j += 1
        if j == i:
            out.append(lines[i])
        else:
            start, end = lines[i].start, lines[j].end
            out.append(Line(start, end, _BREAK.sub(" ", text[start:end])))
        i = j + 1
    return out


def tidy(text: str) -> str:
    """Metadata form of a line: markup and bullets stripped, letters folded, spaces collapsed."""
    return " ".join(clean(text).split())


@dataclass(frozen=True)
class FolderRules:
    """What the folder says about lines: repeated in many articles, or marked by the user.

    Keys are `boilerplate.key` forms of whole lines. `keep` (marked "not furniture")
    wins over `furniture` (marked furniture, or repeated across the folder's articles).
    """

    furniture: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()
    repeated: frozenset[str] = frozenset()

    def verdict(self, text: str) -> str | None:
        """`keep`, `marked`, `repeated` or None for one line."""
        if not (self.furniture or self.keep or self.repeated):
            return None
        k = key(text)
        if k in self.keep:
            return "keep"
        if k in self.furniture:
            return "marked"
        if k in self.repeated:
            return "repeated"
        return None

    def digest(self) -> str:
        """A short digest of the rules, for cache keys ('' when there are none)."""
        if not (self.furniture or self.keep or self.repeated):
            return ""
        import hashlib

        h = hashlib.sha1()
        for part in (self.furniture, self.keep, self.repeated):
            h.update("\n".join(sorted(part)).encode("utf-8", "surrogatepass") + b"\0\0")
        return h.hexdigest()[:16]


NO_RULES = FolderRules()
