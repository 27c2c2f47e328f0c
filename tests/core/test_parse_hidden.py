"""Nothing hidden is lost: the clean view says what it hid and why, and the user can overrule it.

Marks ("furniture" / "not furniture") apply to identical lines across the folder, live in
the user data folder (never in the article folder), and positions stay file code points so
highlights work on lines shown again. Lines repeated across the folder's stories are furniture.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hashiye.core.corpus import folder_rules
from hashiye.core.corpus.article import load_article
from hashiye.core.corpus.corpus import scan
from hashiye.core.text.display import build_display
from hashiye.core.corpus.parse import parse
from hashiye.core.search.listing_cache import cached_listing

SLOGAN = "رسانه مستقل شهروندان استان شمالی"


def story(n: int, extra: str = "") -> str:
    return f"""صفحه اصلی
کد خبر: {1000 + n}
۱۲ مهر ۱۴۰۱ - ۰۹:۳۰
گزارش شماره {n} درباره ساخت مدرسه در روستای {n}
مدیرکل آموزش و پرورش استان از ساخت مدرسه شماره {n} در روستاهای دورافتاده استان در سال جاری خبر داد و گفت کار آن آغاز شده است.
به گزارش خبرنگار ما، این مدرسه شماره {n} با کمک خیران ساخته می‌شود و {n} کلاس درس خواهد داشت و تا پایان سال آماده است.
{SLOGAN}
{extra}
انتهای پیام
"""


@pytest.fixture(autouse=True)
def private_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("HASHIYE_DATA_DIR", str(data))
    return data


def folder(tmp_path: Path, texts: list[str]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    for i, text in enumerate(texts):
        (corpus / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    return corpus


def test_every_non_blank_line_is_either_shown_or_listed_as_hidden_with_a_reason() -> None:
    text = story(1)
    d = build_display(text, parse(text), digits="keep")
    hidden = {text[h.start:h.end] for h in d.hidden}
    assert {"صفحه اصلی", "کد خبر: 1001", "۱۲ مهر ۱۴۰۱ - ۰۹:۳۰", "انتهای پیام"} <= hidden
    reasons = {text[h.start:h.end]: h.reason for h in d.hidden}
    assert reasons["کد خبر: 1001"] == "news code" and reasons["۱۲ مهر ۱۴۰۱ - ۰۹:۳۰"] == "date line"
    for line in text.splitlines():
        if line.strip():
            assert line in hidden or line.strip().replace("\u200c", "") in d.text.replace("\u200c", ""), line
    for h in d.hidden:  # each hidden run is placed at a paragraph boundary of the display
        assert h.at == len(d.text) or h.at == 0 or d.text[h.at - 1] == "\n"


def test_a_line_repeated_across_stories_of_the_folder_is_furniture(tmp_path: Path) -> None:
    corpus = folder(tmp_path, [story(n) for n in range(1, 4)])
    art = load_article(corpus / "000.txt")
    shown = art.display(normalized=False)
    assert SLOGAN not in shown.text
    assert any(h.reason == "repeated in folder" for h in shown.hidden)
    assert art.title == "گزارش شماره 1 درباره ساخت مدرسه در روستای 1"
    # two stories are not enough evidence
    lone = folder(tmp_path / "two", [story(n) for n in range(1, 3)])
    assert SLOGAN in load_article(lone / "000.txt").display(normalized=False).text


def test_copies_of_one_story_do_not_hide_their_own_title(tmp_path: Path) -> None:
    corpus = folder(tmp_path, [story(1), story(1), story(1).replace("صفحه اصلی", "خانه")])
    art = load_article(corpus / "002.txt")
    assert art.title == "گزارش شماره 1 درباره ساخت مدرسه در روستای 1"
    assert "گزارش شماره 1" in art.display(digits="keep", normalized=False).text


def test_marks_apply_to_identical_lines_of_the_folder_and_live_outside_it(tmp_path: Path, private_data: Path) -> None:
    corpus = folder(tmp_path, [story(1), story(2)])
    before = sorted(p.name for p in corpus.iterdir())
    folder_rules.mark_line(corpus, "انتهای پیام", False)  # not furniture
    folder_rules.mark_line(corpus, SLOGAN, True)  # furniture
    assert sorted(p.name for p in corpus.iterdir()) == before
    assert list(private_data.rglob("*.json"))
    for name in ("000.txt", "001.txt"):
        art = load_article(corpus / name)
        d = art.display(normalized=False)
        assert "انتهای پیام" in d.text
        assert SLOGAN not in d.text
        assert any(h.reason == "marked furniture" for h in d.hidden)
    folder_rules.mark_line(corpus, "انتهای پیام", None)  # back to the rules
    assert "انتهای پیام" not in load_article(corpus / "000.txt").display(normalized=False).text


def test_a_highlight_on_a_line_shown_again_maps_through_the_display(tmp_path: Path) -> None:
    corpus = folder(tmp_path, [story(1)])
    text = (corpus / "000.txt").read_text(encoding="utf-8")
    start = text.index("کد خبر")
    end = start + len("کد خبر: 1001")
    art = load_article(corpus / "000.txt")
    assert not any(start >= s and end <= e for s, e in zip(art.display(normalized=False).map.src_start,
                                                          art.display(normalized=False).map.src_end))
    folder_rules.mark_line(corpus, "کد خبر: 1001", False)
    art = load_article(corpus / "000.txt")
    assert art.parsed.news_code == "1001"  # the code is still read
    for normalized in (False, True):
        d = art.display(normalized=normalized)
        a, b = d.map.to_display(start, end)
        assert d.text[a:b].startswith("کد خبر") and d.map.to_source(a, b) == (start, end)


def test_a_damaged_marks_file_means_no_marks(tmp_path: Path) -> None:
    corpus = folder(tmp_path, [story(1)])
    path = folder_rules.marks_path(corpus)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    assert "انتهای پیام" not in load_article(corpus / "000.txt").display(normalized=False).text
    folder_rules.mark_line(corpus, "انتهای پیام", False)  # a new mark replaces the damaged file
    assert "انتهای پیام" in load_article(corpus / "000.txt").display(normalized=False).text


def test_list_and_the_cached_listing_follow_the_marks(tmp_path: Path) -> None:
    corpus = folder(tmp_path, [story(1), story(2)])
    title = "گزارش شماره ۱ درباره ساخت مدرسه در روستای ۱"  # metadata digits as in the text
    assert [a.title for a in cached_listing(corpus).articles][0] == title
    folder_rules.mark_line(corpus, "گزارش شماره 1 درباره ساخت مدرسه در روستای 1", True)
    titles = {a.id: a.title for a in scan(corpus).articles}
    assert titles["000"] != title
    assert {a.id: a.title for a in cached_listing(corpus).articles} == titles


def run_cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HASHIYE_DATA_DIR=str(data))
    return subprocess.run([sys.executable, "-m", "hashiye.core.cli.main", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_cli_show_hidden_and_mark(tmp_path: Path, private_data: Path) -> None:
    corpus = folder(tmp_path, [story(1)])
    out = run_cli("show", "000", "--corpus", str(corpus), "--json", "--hidden", data=private_data)
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    text = (corpus / "000.txt").read_text(encoding="utf-8")
    hidden = {h["text"]: h for h in record["hidden"]}
    assert hidden["انتهای پیام"]["reason"] == "article end"
    h = hidden["کد خبر: 1001"]
    assert text[h["start"]:h["end"]] == "کد خبر: 1001"
    assert "hidden" not in json.loads(run_cli("show", "000", "--corpus", str(corpus), "--json",
                                              data=private_data).stdout)
    out = run_cli("mark", "انتهای پیام", "--not-furniture", "--corpus", str(corpus), data=private_data)
    assert out.returncode == 0, out.stderr
    record = json.loads(run_cli("show", "000", "--corpus", str(corpus), "--json", data=private_data).stdout)
    assert record["text"].endswith("انتهای پیام")
    out = run_cli("mark", "x", "--corpus", str(corpus), data=private_data)
    assert out.returncode == 2  # one of --furniture, --not-furniture, --clear is required
