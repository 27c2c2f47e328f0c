"""A paragraph of megabytes (an article stored as one line) is shown as lines of a bounded length,
with every position, sentence and source span as before."""

from __future__ import annotations

from hashiye.core.corpus.parse import parse
from hashiye.core.text.display import broken_paragraphs, build_display
from hashiye.core.text.sentences import sentence_spans
from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = ["خبر", "روستا", "می‌شود", "است.", "گزارش؟", "۱۲", "طرح!", "استان", "محرومیت‌زدایی", "«نمونه»"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=300).map(" ".join), min_size=1, max_size=4),
       st.integers(12, 200))
def test_long_paragraphs_break_at_spaces_and_nothing_moves(lines: list[str], longest: int) -> None:
    source = "عنوان یک خبر آزمایشی\n" + "\n".join(lines)
    shown = build_display(source, parse(source))
    broken = broken_paragraphs(shown, longest)
    assert len(broken.text) == len(shown.text) and broken.map is shown.map
    changed = [i for i, (a, b) in enumerate(zip(shown.text, broken.text)) if a != b]
    assert all(shown.text[i] == " " and broken.text[i] == "\n" for i in changed), "only spaces become breaks"
    assert broken.text.split("\n") == [broken.text[p.start:p.end] for p in broken.paragraphs]
    longest_word = max(map(len, WORDS)) + 1
    assert all(p.end - p.start <= longest for p in broken.paragraphs) or longest < longest_word
    starts = {p.start: p.role for p in shown.paragraphs}
    assert [p.role for p in broken.paragraphs if p.start in starts] == [p.role for p in shown.paragraphs]
    for p in broken.paragraphs:
        if p.start not in starts:  # a later line of a broken paragraph: a lead goes on as body
            parent = next(q for q in shown.paragraphs if q.start < p.start <= q.end)
            assert p.role == ("body" if parent.role == "lead" else parent.role)
    words = lambda text: text.split()  # noqa: E731
    assert words(broken.text) == words(shown.text)
    ends = {e for _s, e in sentence_spans(shown.text)}
    cuts_at_sentence_end = [i for i in changed if i in ends]
    assert len(cuts_at_sentence_end) >= len([i for i in changed if shown.text[i - 1] in ".؟!"])


def test_a_five_megabyte_line_becomes_short_lines() -> None:
    line = " ".join(f"جمله شماره {i} درباره طرح محرومیت زدایی در روستاهای استان است." for i in range(60000))
    source = "عنوان یک خبر بسیار بلند\n" + line + "\n"
    shown = build_display(source, parse(source))
    broken = broken_paragraphs(shown, 3000)
    assert max(p.end - p.start for p in broken.paragraphs) <= 3000 and len(broken.paragraphs) > 1000
    assert all(broken.text[p.end - 1] == "." for p in broken.paragraphs[1:-1]), "cut after a sentence's end"
    assert broken_paragraphs(broken, 3000) is broken, "short paragraphs: the same display"


def test_a_line_with_no_space_to_break_at_is_left_out_of_what_a_window_shows() -> None:
    from hashiye.core.text.display import shown_whole

    source = "عنوان خبر\nبند اول خبر است.\n" + "ب" * 5000 + "\nبند آخر.\n"
    shown = build_display(source, parse(source))
    broken = broken_paragraphs(shown, 1000)
    part = shown_whole(broken, 1000)
    assert part.text == "عنوان خبر\nبند اول خبر است." and len(part.map) == len(part.text)
    assert [part.map.to_source(i, i + 1) for i in range(len(part.text))] == \
        [shown.map.to_source(i, i + 1) for i in range(len(part.text))], "what is shown keeps its positions"
    assert shown_whole(broken_paragraphs(build_display("عنوان\nمتن کوتاه.\n", parse("عنوان\nمتن کوتاه.\n")), 1000),
                       1000).text == "عنوان\nمتن کوتاه."
