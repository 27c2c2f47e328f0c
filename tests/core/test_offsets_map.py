"""The offset map between display and source text: monotone, inside the source, faithful."""

from __future__ import annotations

from pathlib import Path

import pytest
from hashiye.core.corpus.article import load_article
from hashiye.core.text.display import build_display
from hashiye.core.text.normalize import ENTITIES, MARKUP, skeleton
from hashiye.core.corpus.parse import parse
from hypothesis import given, settings
from hypothesis import strategies as st

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

# Persian and Arabic letters, digits in three scripts, spaces, ZWNJ, NBSP, punctuation, emoji, markup.
ALPHABET = list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةۀ۰۱۲۹٠٣0189 \u200c\u00a0.،؛:!؟«»()") + ["😀", "<b>", "&nbsp;"]
lines = st.lists(st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join), min_size=1, max_size=8)
sources = st.builds(lambda ls, sep: sep.join(["عنوان یک خبر آزمایشی"] + ls), lines, st.sampled_from(["\n", "\r\n", "\n\n"]))


def norm(text: str) -> str:
    """What display and source have in common: markup gone, matching key without gaps."""
    return "".join(ch for ch in skeleton(MARKUP.sub(lambda m: ENTITIES.get(m.group(), " "), text)) if ch.isalnum())


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def check_map(source: str, normalized: bool, spans: list[tuple[int, int]]) -> None:
    shown = build_display(source, parse(source), normalized=normalized)
    m = shown.map
    assert len(m.src_start) == len(shown.text) == len(m.src_end)
    assert all(a <= b for a, b in zip(m.src_start, m.src_start[1:])), "starts monotone"
    assert all(a <= b for a, b in zip(m.src_end, m.src_end[1:])), "ends monotone"
    assert all(0 <= s <= e <= len(source) for s, e in zip(m.src_start, m.src_end))
    for a, b in spans:
        a, b = sorted((min(a, len(shown.text)), min(b, len(shown.text))))
        s, e = m.to_source(a, b)
        assert 0 <= s <= e <= len(source)
        # The display drops lines (boilerplate) and characters but never invents letters.
        assert is_subsequence(norm(shown.text[a:b]), norm(source[s:e]))
        if "\n" not in shown.text[a:b]:
            assert norm(shown.text[a:b]) == norm(source[s:e]), "within a paragraph: the same letters"
        # Characters the display inserted (empty source span) at either end cannot come back.
        while b > a and m.src_start[b - 1] == m.src_end[b - 1]:
            b -= 1
        while a < b and m.src_start[a] == m.src_end[a]:
            a += 1
        if b > a:
            da, db = m.to_display(*m.to_source(a, b))
            assert da <= a and db >= b, "the source span shows at least the display span"


@settings(max_examples=300, deadline=None)
@given(sources, st.lists(st.tuples(st.integers(0, 600), st.integers(0, 600)), max_size=10))
def test_quick_level_map_on_generated_text(source: str, spans: list[tuple[int, int]]) -> None:
    check_map(source, False, spans)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
@settings(max_examples=60, deadline=None)
@given(spans=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 4000)), min_size=1, max_size=20))
def test_hazm_level_map_on_seeds(path: Path, spans: list[tuple[int, int]]) -> None:
    check_map(load_article(path).source_text, True, spans)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_whole_words_map_back_exactly(path: Path) -> None:
    """A display word maps to source text that is the same word once normalised."""
    art = load_article(path)
    shown = art.display(normalized=True)
    pos = 0
    for word in shown.text.split()[::7]:
        i = shown.text.index(word, pos)
        pos = i + len(word)
        s, e = shown.map.to_source(i, pos)
        assert norm(art.source_text[s:e]) == norm(word)
