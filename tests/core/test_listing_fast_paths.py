"""The parser's quick paths give what the slower forms they replace gave (issue 17: the first
listing of a big folder): each is checked against the slow form on generated text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hashiye.core.corpus import boilerplate
from hashiye.core.corpus.article import Article
from hashiye.core.corpus.parse import parse
from hashiye.core.text import normalize
from hashiye.core.text.normalize import (MARKUP, count_words, fold_digits, match_key_lines, strip_markup,
                                         to_latin_digits)

DIGITS = list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")
PIECES = DIGITS + list("ab_-./@: \t،") + ["IMG", ".jpg", "http://", "https://", "www.", "کد", "خبر", "سایت", "ی",
                                          "پ", "©", "@x.ir", "/", " / ", "\u200c"]
lines_of_pieces = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=3000, deadline=None)
@given(lines_of_pieces)
def test_furniture_patterns_answer_alike_on_a_line_and_on_its_latin_digit_form(c: str) -> None:
    # is_boilerplate no longer writes a line's digits in Latin before these patterns: they see a
    # digit only as \d, \w or \S, which digits of every script are alike.
    latin = to_latin_digits(c)
    for find in (boilerplate._IMAGE.match, boilerplate._EMAIL.search, boilerplate._URL.fullmatch,
                 boilerplate._URL.search, boilerplate._EDITOR_CODE.match):
        assert (find(c) is None) == (find(latin) is None), (find, c)
    assert boilerplate.words(boilerplate._URL.sub(" ", c)) == boilerplate.words(boilerplate._URL.sub(" ", latin))
    assert any(ch.isdigit() for ch in c) == any(ch.isdigit() for ch in latin)


@settings(max_examples=2000, deadline=None)
@given(lines_of_pieces, st.sampled_from(["fa", "latin", "keep"]))
def test_digit_folding_with_its_quick_check_equals_the_substitution(text: str, style: str) -> None:
    pattern, table = normalize._DIGITS_TO[style]
    assert fold_digits(text, style) == pattern.sub(lambda m: m.group().translate(table), text)  # type: ignore[arg-type]


MARKUP_PIECES = ["<b>", "</p>", "<br/>", "<", ">", "&nbsp;", "&amp;", "&#1740;", "&", "متن", " ", "\n", "x"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=10).map("".join))
def test_markup_stripping_with_its_quick_check_equals_the_substitution(text: str) -> None:
    assert strip_markup(text) == MARKUP.sub(lambda m: " " if m.group().startswith("<") else m.group(), text)


FOLD_PIECES = list("abcABC سازمانيكىةۀأإآئؤ\u200c\u200d\u064b\u0640\t\r\n\xa0ΣΟİ١۲3\u2028\ufeff") + ["کتاب‌ها"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(FOLD_PIECES), max_size=16).map("".join))
def test_matching_form_with_its_quick_check_equals_the_table(text: str) -> None:
    normalize._build_inverse()
    assert match_key_lines(text) == text.lower().translate(normalize._FAST_KEY)


def page(body: list[str]) -> str:
    return "\n".join(["سرویس اجتماعی", "۲۶ آبان ۱۳۹۶ - ۱۴:۴۵", "کد خبر: ۴۵۱۸۷۹۹",
                      "تیتر آزمایشی برای خبر", "به گزارش ایسنا، " + body[0], *body[1:], "انتهای پیام"]) + "\n"


BODY = st.lists(st.sampled_from(["متن خبر", "<b>پررنگ</b>", "&nbsp;", "&amp;", " ", "۱۲۳", "_", "،", "\u200c",
                                 "\u064b", "ـ", "a<br>b", "بیشتر"]), min_size=1, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(BODY, min_size=1, max_size=5))
def test_word_count_without_markup_equals_the_count_after_stripping_it(body: list[str]) -> None:
    text = page(body)
    parsed = parse(text)
    art = Article("x", Path("x.txt"), text, "utf-8", parsed)
    joined = "\n".join(text[ln.start:ln.end] for ln in parsed.kept())
    assert art.words() == count_words(MARKUP.sub(" ", joined))


def test_every_pattern_of_the_parser_is_compiled_once() -> None:
    # A pattern written inside a function is looked up in re's cache at each call (and a
    # formatted one is built again): the parser's modules keep theirs at module level.
    core = Path(boilerplate.__file__).resolve().parent
    inline = re.compile(r"\bre\.(?:sub|subn|search|match|fullmatch|split|finditer|findall)\(")
    for name in ("parse", "lines", "line_kinds", "sources", "boilerplate"):
        source = (core / f"{name}.py").read_text("utf-8")
        assert not [ln for ln in source.splitlines() if inline.search(ln)], name


YEAR_PIECES = list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ /-:،") + ["1403", "۱۴۰۳", "2024", "٢٠٢٤", " بهمن ", " July ", "جمعه "]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(YEAR_PIECES), max_size=10).map("".join))
def test_a_line_without_a_years_first_digit_has_no_date(line: str) -> None:
    from hashiye.core.corpus import line_kinds
    from hashiye.core.text import jalali

    if line_kinds._YEAR_DIGIT.search(line) is None:
        assert jalali._YEAR.search(line) is None
        assert jalali.find_date.__wrapped__(line) is None  # type: ignore[attr-defined]
    quick = line_kinds.date_kind.__wrapped__(line)  # type: ignore[attr-defined]
    real = line_kinds._YEAR_DIGIT
    try:
        line_kinds._YEAR_DIGIT = re.compile("")  # find_date asked about every line, as before
        assert line_kinds.date_kind.__wrapped__(line) == quick  # type: ignore[attr-defined]
    finally:
        line_kinds._YEAR_DIGIT = real


def _words_of_matching_form(text: str) -> int:
    return len(normalize._WORD.findall(match_key_lines(text)))


def test_word_count_is_that_of_the_matching_form_for_every_character() -> None:
    for c in range(0x10000):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        for text in (ch, "ا" + ch + "ب", " " + ch + " ", "a" + ch):
            assert count_words(text) == _words_of_matching_form(text), hex(c)


WORD_PIECES = list("ab_ سازمانيكة۱٢3,.؛«»-\u200c\u200d\u200b\u064b\u0650\u0640\t\n\r\xa0ΣΟİ\ufeff") + [
    "\U0001d400", "\U00010400", "کتاب‌ها", "&nbsp;"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=16).map("".join))
def test_word_count_with_its_quick_check_equals_that_of_the_matching_form(text: str) -> None:
    assert count_words(text) == _words_of_matching_form(text)


LINE_PIECES = list(" \t\r\n\xa0\u2009\u3000\u200cab") + ["متن", "ي", "٣", "3", "<b>", "</b>", "&nbsp;", "&amp;", "&#32;",
                                                       "<", "&"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=14).map("".join), st.sampled_from(["fa", "latin", "keep"]))
def test_a_metadata_line_without_its_map_is_the_quick_display_lines_text(text: str, digits: str) -> None:
    from hashiye.core.text.display import display_line, quick_line

    assert display_line(text, digits=digits) == quick_line(text, 0, len(text), digits)[0]  # type: ignore[arg-type]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["منبع", ":", "：", " ", "برچسب", "ها", "<b>", "x"]), max_size=10).map("".join))
def test_label_split_with_its_quick_check_equals_the_pattern(text: str) -> None:
    m = boilerplate._LABEL.match(boilerplate.clean(text))
    expected = (boilerplate.match_key(m["label"]), m["value"].strip()) if m else None
    assert boilerplate.label_of.__wrapped__(text) == expected  # type: ignore[attr-defined]


BYTE_PIECES = [bytes([b]) for b in (*range(0x20), 0x7F)] + [chr(c).encode() for c in (0x80, 0x85, 0x9F, 0xA0, 0xAB, 0xBB)] + [
    "متن «نقل» ".encode(), b"abc", "\u200c".encode(), "€".encode()]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(BYTE_PIECES), max_size=12).map(b"".join))
def test_the_byte_check_for_control_characters_agrees_with_the_pattern(data: bytes) -> None:
    from hashiye.core.text import textio

    text = data.decode("utf-8")
    assert textio._may_hold_controls(data) == (textio._CONTROL.search(text) is not None)


RESIDUE_PIECES = list("0123456789۰۱۲۳۴۵ -/|:،") + ["ſ", "K", "İ", "ı", "Mon", "JULY", "sat", " ژوئیه ", " مه ", "شنبه",
                                                "جمعه", "ساعت", "ربیع الاول", "تاریخ انتشار", "ایسنا", "\u0654"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(RESIDUE_PIECES), max_size=10).map("".join))
def test_a_date_lines_residue_with_its_quick_checks_equals_every_pattern_applied(rest: str) -> None:
    from hashiye.core.corpus import line_kinds
    from hashiye.core.text.jalali import FoundDate

    at = FoundDate(None, None, None, (0, 0))  # type: ignore[arg-type]  # no date span: all of `rest` is looked at
    real = line_kinds._LATIN_OR_DIGIT, line_kinds._LETTER
    quick = line_kinds.residue(rest, at)
    try:
        line_kinds._LATIN_OR_DIGIT = line_kinds._LETTER = re.compile("")  # every pattern applied, as before
        assert line_kinds.residue(rest, at) == quick
    finally:
        line_kinds._LATIN_OR_DIGIT, line_kinds._LETTER = real


def test_listing_an_unchanged_folder_loads_no_parser(seeds_copy: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    code = ("import sys; from hashiye.core.cli.main import main; main(['list', '--json', '--corpus', sys.argv[1]]);"
            "print('PARSER', 'hashiye.core.corpus.parse' in sys.modules, file=sys.stderr)")
    env = dict(os.environ, HASHIYE_CACHE_DIR=str(tmp_path / "cache"))
    runs = [subprocess.run([sys.executable, "-c", code, str(seeds_copy)], capture_output=True, text=True, check=True,
                           env=env) for _ in range(2)]
    assert "PARSER True" in runs[0].stderr, "the first listing parses every article"
    assert "PARSER False" in runs[1].stderr, "the second one reads the records from the cache"
    assert runs[0].stdout == runs[1].stdout and '"articles"' in runs[1].stdout
