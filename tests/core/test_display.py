"""The display text at its two levels, its paragraphs, and the hazm cache on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from hashiye.core.text import display_cache
from hashiye.core.corpus.article import load_article
from hashiye.core.text.display import without_headings
from hashiye.core.text.normalize import count_words, skeleton

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def letters(text: str) -> str:
    """Letters and digits of the matching form: what both display levels must share."""
    return "".join(ch for ch in skeleton(text) if ch.isalnum())


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_both_levels_show_the_same_words(path: Path) -> None:
    art = load_article(path)
    quick, full = art.display(normalized=False), art.display(normalized=True)
    assert not quick.normalized and full.normalized
    assert art.words() == count_words(quick.text), "the figure `list` shows is the quick display's"
    assert abs(count_words(full.text) - art.words()) <= 0.03 * art.words(), "hazm only moves ZWNJ and spaces"
    assert letters(quick.text) == letters(full.text), "hazm changes spacing and punctuation, not letters"
    assert [p.role for p in quick.paragraphs] == [p.role for p in full.paragraphs]


def test_paragraphs_in_reading_order() -> None:
    art = load_article(SEEDS[3])  # 003: supertitle, title, lead, body
    shown = art.display(normalized=False)
    roles = [p.role for p in shown.paragraphs]
    assert roles[:3] == ["supertitle", "title", "lead"] and set(roles[3:]) == {"body"}
    texts = [shown.text[p.start:p.end] for p in shown.paragraphs]
    assert texts[0] == "مدیرکل ستاد فرمان امام(ره) استان:"
    assert shown.text == "\n".join(texts), "paragraphs are separated by one line break"


def test_the_reader_body_without_headings_keeps_the_map() -> None:
    art = load_article(SEEDS[3])
    shown = art.display(normalized=False)
    body = without_headings(shown)
    assert body.paragraphs[0].role == "lead" and body.paragraphs[0].start == 0
    i = body.text.index("سازمان همیاری شهرداری")
    s, e = body.map.to_source(i, i + 10)
    assert art.source_text[s:e] == body.text[i:i + 10] == "سازمان هم" + "ی"
    assert s == art.source_text.index("سازمان همیاری شهرداری")


def test_hazm_display_is_cached_on_disk_and_reused(private_cache: Path, seeds_copy: Path) -> None:
    path = seeds_copy / SEEDS[1].name
    first = load_article(path).display(normalized=True)
    assert list(private_cache.rglob("*.json")), "written to the user cache folder"
    again = load_article(path).display()  # no level asked: the cached hazm level is ready
    assert again.normalized and again.text == first.text and again.map.src_start == first.map.src_start


def test_an_edited_article_is_not_shown_from_a_stale_cache(seeds_copy: Path) -> None:
    path = seeds_copy / SEEDS[1].name
    load_article(path).display(normalized=True)
    path.write_text(path.read_text("utf-8").replace("قادری افزود", "قادری تاکید کرد"), "utf-8")
    shown = load_article(path).display(normalized=True)
    assert "قادری تاکید کرد" in shown.text and "قادری افزود" not in shown.text


def test_a_damaged_cache_file_is_ignored(private_cache: Path, seeds_copy: Path) -> None:
    path = seeds_copy / SEEDS[2].name
    good = load_article(path).display(normalized=True).text
    for f in private_cache.rglob("*.json"):
        f.write_text("{not json", "utf-8")
    assert load_article(path).display(normalized=True).text == good


def test_the_cache_key_follows_the_rules() -> None:
    version = display_cache.rules_version()
    assert len(version) == 16 and version == display_cache.rules_version()


def test_metadata_fields_are_normalised_like_the_text_of_their_level() -> None:
    from hashiye.core.corpus.article import load_article

    art = load_article(SEEDS[0].parent / "003_edc48c3769eb6a48.txt")
    record = art.show_record(art.path.name, 0)
    heading = {p.role: record["text"][p.start:p.end] for p in art.display(normalized=True).paragraphs}
    assert record["title"] == heading["title"]  # hazm level, like `show`'s text («بهره‌گیری»)
    assert "\u200c" in record["title"]
    assert heading["supertitle"].startswith(record["supertitle"])
    quick = art.display(normalized=False)
    listed = art.metadata(art.path.name, 0)
    assert listed.title == next(quick.text[p.start:p.end] for p in quick.paragraphs if p.role == "title")
    assert record["lead"] == next(record["text"][p.start:p.end] for p in art.display(normalized=True).paragraphs
                                  if p.role == "lead")


def test_the_display_cache_follows_the_parser_wherever_its_modules_live() -> None:
    """A change to the parser or the boilerplate rules must make cached displays be built again: the
    modules hashed into the cache's rules version are the real files, not names that no longer exist."""
    names = {p.name for p in display_cache.rule_files()}
    assert {"parse.py", "boilerplate.py", "display.py", "normalize.py", "offsets.py", "jalali.py"} <= names
    assert all(p.is_file() for p in display_cache.rule_files())
