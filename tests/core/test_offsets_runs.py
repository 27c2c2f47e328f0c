"""The offset map stored as runs gives every character the same source span as one pair of ints per
character did (the representation before runs, kept here as the reference), at both display levels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from diff_match_patch import diff_match_patch
from hashiye.core.corpus.parse import parse
from hashiye.core.text import display as shown_module
from hashiye.core.text.display import align, build_display, quick_line, without_headings
from hashiye.core.text.normalize import ENTITIES, MARKUP, fold_digits, fold_letters, is_space
from hashiye.core.text.offsets import OffsetMap, SpanRuns
from hashiye.core.text.original import build_original
from hypothesis import given, settings
from hypothesis import strategies as st

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

# --- the per-character reference: the code before the map was stored as runs ------------------


def ref_quick_line(source: str, start: int, end: int) -> tuple[str, list[int], list[int]]:
    pieces: list[tuple[str, int, int]] = []
    pos = start
    for m in MARKUP.finditer(source, start, end):
        pieces.extend((source[i], i, i + 1) for i in range(pos, m.start()))
        token = m.group()
        if token.startswith("&"):
            pieces.append((ENTITIES.get(token) or chr(min(int(token[2:-1]), 0x10FFFF)), m.start(), m.end()))
        pos = m.end()
    pieces.extend((source[i], i, i + 1) for i in range(pos, end))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for ch, s, e in pieces:
        if is_space(ch) or ch in "\r\n":
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
    return fold_digits(fold_letters("".join(out[k:])), "fa"), starts[k:], ends[k:]


_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0


def ref_align(before: str, after: str, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    new_s: list[int] = []
    new_e: list[int] = []
    i = 0
    pending = 0
    for op, chunk in _dmp.diff_main(before, after, False):
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


def ref_display(source: str, normalized: bool) -> tuple[str, list[int], list[int]]:
    """build_display's text and per-character map, line by line with the reference."""
    parsed = parse(source)
    kept = set(map(id, parsed.kept()))
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for ln in parsed.lines:
        if id(ln) not in kept:
            continue
        line, s, e = ref_quick_line(source, ln.start, ln.end)
        if not line:
            continue
        if normalized:
            line, s, e = ref_hazm_line(line, s, e)
        if text:
            at = ends[-1] if ends else ln.start
            text.append("\n"), starts.append(at), ends.append(ln.start)
        text.extend(line), starts.extend(s), ends.extend(e)
    return "".join(text), starts, ends


def ref_hazm_line(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    out: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    prev = 0
    for a, b in shown_module.chunks(text):
        if a > prev:
            out.append(text[prev:a])
            new_s.extend(starts[prev:a])
            new_e.extend(ends[prev:a])
        piece = text[a:b]
        full = fold_digits(shown_module.hazm_normalize(piece), "fa")
        s, e = ref_align(piece, full, starts[a:b], ends[a:b])
        out.append(full)
        new_s.extend(s)
        new_e.extend(e)
        prev = b
    return "".join(out), new_s, new_e


def columns(spans: SpanRuns) -> tuple[list[int], list[int]]:
    m = OffsetMap(spans)
    return list(m.src_start), list(m.src_end)


# --- generated text: letters, spaces of every kind, line breaks, tags and entities -------------

ALPHABET = list("ابپتثجچحخدسشکگلمنوهیيك۰۱۲٠٣0189 \t\u00a0\u3000\u200c\r\n.،؛:!؟«»") + \
    ["😀", "<b>", "</p>", "&nbsp;", "&amp;", "&#32;", "&#10;", "&#1610;", "&zwnj;", "  ", "<br/>"]
raw = st.lists(st.sampled_from(ALPHABET), max_size=120).map("".join)


@settings(max_examples=400, deadline=None)
@given(raw)
def test_quick_line_spans_equal_the_per_character_ones(source: str) -> None:
    text, spans = quick_line(source, 0, len(source), "fa")
    ref_text, ref_s, ref_e = ref_quick_line(source, 0, len(source))
    assert text == ref_text
    assert columns(spans) == (ref_s, ref_e)
    assert spans.runs() <= len(text) or not text, "runs never outnumber characters"


def edit(text: str, edits: list[tuple[int, int, str]]) -> str:
    """`text` with removals, replacements and insertions at (position, length, new text)."""
    for pos, n, new in sorted(edits, reverse=True):
        pos = min(pos, len(text))
        text = text[:pos] + new + text[pos + n:]
    return text


@settings(max_examples=400, deadline=None)
@given(raw, st.lists(st.tuples(st.integers(0, 120), st.integers(0, 4), st.sampled_from(["", "\u200c", " ", "ی", "..", "«"])),
                     max_size=8),
       st.integers(0, 5))
def test_aligning_a_rewrite_carries_the_same_spans(source: str, edits: list[tuple[int, int, str]], at: int) -> None:
    before, spans = quick_line(source, 0, len(source), "fa")
    # A line that does not start the article: its spans sit behind a few characters of others.
    lead = SpanRuns()
    lead.append(at, 0, 0, 0)
    lead.extend(spans)
    after = edit(before, edits)
    out = SpanRuns()
    align(before, after, lead, at, out)
    ref = ref_align(before, after, *columns(spans))
    assert columns(out) == ref


@settings(max_examples=150, deadline=None)
@given(st.lists(raw, min_size=1, max_size=6).map("\n".join))
def test_quick_display_map_equals_the_per_character_one(body: str) -> None:
    source = "عنوان یک خبر آزمایشی\n" + body
    shown = build_display(source, parse(source), normalized=False)
    ref_text, ref_s, ref_e = ref_display(source, normalized=False)
    assert shown.text == ref_text
    assert (list(shown.map.src_start), list(shown.map.src_end)) == (ref_s, ref_e)


@pytest.mark.parametrize("path", SEEDS[:4], ids=lambda p: p.stem[:3])
def test_hazm_display_map_equals_the_per_character_one(path: Path) -> None:
    source = path.read_text("utf-8")
    shown = build_display(source, parse(source), normalized=True)
    ref_text, ref_s, ref_e = ref_display(source, normalized=True)
    assert shown.text == ref_text
    assert (list(shown.map.src_start), list(shown.map.src_end)) == (ref_s, ref_e)
    body = without_headings(shown)
    k = len(shown.text) - len(body.text)
    assert list(body.map.src_start) == ref_s[k:] and list(body.map.src_end) == ref_e[k:]


def test_a_copied_text_is_one_run_and_survives_the_cache_form() -> None:
    source = "سطر اول\r\nسطر دوم با متن بیشتر\nسطر سوم"
    original = build_original(source)
    assert original.map.spans.runs() <= 5, "three copied lines and two breaks"
    again = OffsetMap.from_json(json.loads(json.dumps(original.map.to_json())))
    assert list(again.src_start) == list(original.map.src_start) and list(again.src_end) == list(original.map.src_end)
    assert again.to_source(3, 9) == original.map.to_source(3, 9)


@pytest.mark.parametrize("bad", [{"runs": {"length": 3, "d": [1], "s": [0], "e": [1], "step": [1]}, "source_len": 3},
                                 {"runs": {"length": 3, "d": [0], "s": [0], "e": [1], "step": [2]}, "source_len": 3},
                                 {"runs": {"length": 3, "d": [0, 0], "s": [0, 1], "e": [1, 2], "step": [1, 1]},
                                  "source_len": 3},
                                 {"start": [0, 1], "end": [1, 2], "source_len": 2}])
def test_a_damaged_or_old_cache_map_is_refused(bad: dict[str, object]) -> None:
    with pytest.raises((KeyError, TypeError, ValueError)):
        OffsetMap.from_json(bad)
