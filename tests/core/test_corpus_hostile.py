"""Files a scraper really produces: odd encodings, markup, binary, empty, huge, corrupt sidecars."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hashiye.core.corpus.article import load_article
from hashiye.core.corpus.corpus import scan

ARTICLE = (
    "عنوان خبر درباره مشارکت مردمی\n"
    "به گزارش خبرگزاری آزمایش، این متن برای بررسی خواندن پرونده‌ها نوشته شده است و چند جمله دارد.\n"
    "جمله دوم درباره شركت‌هاي محلي است كه در اين طرح سهم دارند.\n"
)


def listed(folder: Path) -> tuple[dict[str, dict], dict[str, str]]:
    result = scan(folder)
    return {a.id: a.to_json() for a in result.articles}, {s.file: s.reason for s in result.skipped}


def test_windows_1256_with_arabic_letters(tmp_path: Path) -> None:
    arabic = ARTICLE.replace("ی", "ي").replace("ک", "ك")  # what old sites stored
    (tmp_path / "old.txt").write_bytes(arabic.encode("cp1256"))
    art = load_article(tmp_path / "old.txt")
    assert art.encoding == "cp1256"
    assert art.source_text == arabic
    shown = art.display(normalized=False).text
    assert "شرکت‌های محلی" in shown and "ي" not in shown


def test_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    art = load_article(tmp_path / "u16.txt")
    assert art.source_text == ARTICLE
    assert art.title == "عنوان خبر درباره مشارکت مردمی"


def test_utf8_bom_and_crlf_keep_code_points_of_the_file(tmp_path: Path) -> None:
    raw = ARTICLE.replace("\n", "\r\n")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    art = load_article(tmp_path / "bom.txt")
    assert art.source_text == raw, "BOM removed, CRLF kept"
    shown = art.display(normalized=False)
    i = shown.text.index("جمله دوم")
    s, e = shown.map.to_source(i, i + len("جمله دوم"))
    assert (s, e) == (raw.index("جمله دوم"), raw.index("جمله دوم") + len("جمله دوم")), "code points, BOM not counted"
    assert "\r" not in shown.text


def test_html_tags_are_not_shown(tmp_path: Path) -> None:
    html = "<div class=\"title\">عنوان خبر با برچسب</div>\n<p>به گزارش ایسنا، این <b>متن</b> آزمایشی&nbsp;است که جمله‌های زیادی برای خواندن دارد.</p>\n"
    (tmp_path / "html.txt").write_text(html, "utf-8")
    art = load_article(tmp_path / "html.txt")
    shown = art.display(normalized=False)
    assert "<" not in shown.text and "&nbsp;" not in shown.text
    assert art.title == "عنوان خبر با برچسب" and art.parsed.source == "ایسنا"
    i = shown.text.index("متن")
    s, e = shown.map.to_source(i, i + 3)
    assert art.source_text[s:e] == "متن"


def test_html_line_breaks_and_headings_are_markup_too(tmp_path: Path) -> None:
    html = ("<h1>افتتاح مدرسه در روستای باغستان</h1>\n"
            "<p>به گزارش ایرنا، مدرسه‌ای با شش کلاس<br/>در روستای باغستان افتتاح شد و &quot;دانش‌آموزان&quot; "
            "از مهر در آن درس می‌خوانند.</p>\n<br>\n<div class=\"share\"></div>\n")
    (tmp_path / "h.txt").write_text(html, "utf-8")
    art = load_article(tmp_path / "h.txt")
    assert art.title == "افتتاح مدرسه در روستای باغستان"
    shown = art.display(normalized=False)
    assert "<" not in shown.text and "&quot;" not in shown.text and '"دانش‌آموزان"' in shown.text
    assert shown.text.count("\n") == 1, "empty markup-only lines make no paragraphs"
    i = shown.text.index("کلاس")
    s, _ = shown.map.to_source(i, i + 4)
    assert s == html.index("کلاس")
    q = shown.text.index('"')
    assert shown.map.to_source(q, q + 1) == (html.index("&quot;"), html.index("&quot;") + 6)


def test_emoji_positions_are_code_points(tmp_path: Path) -> None:
    text = "عنوان خبر 😀 با شکلک\nبه گزارش ایرنا، 🎉🎉 جمله‌ای که بعد از شکلک‌ها می‌آید و ادامه دارد.\n"
    (tmp_path / "emoji.txt").write_text(text, "utf-8")
    art = load_article(tmp_path / "emoji.txt")
    shown = art.display(normalized=False)
    i = shown.text.index("جمله")
    s, e = shown.map.to_source(i, i + 4)
    assert text[s:e] == "جمله" and s == text.index("جمله")


def test_unreadable_files_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(os.urandom(4096) + b"\x00")
    (tmp_path / "noise.txt").write_bytes(bytes(b for b in os.urandom(8192) if b))
    (tmp_path / "controls.txt").write_bytes(bytes(range(1, 9)) * 200)
    (tmp_path / "boiler.txt").write_text("ارسال نظرات\nIMG_1234\nلینک کوتاه : http://x.ir/?p=1\n", "utf-8")
    (tmp_path / "README.txt").write_text("not an article", "utf-8")
    (tmp_path / "notes.md").write_text(ARTICLE, "utf-8")
    articles, skipped = listed(tmp_path)
    assert set(articles) == {"good"}
    assert set(skipped) == {"empty.txt", "binary.txt", "noise.txt", "controls.txt", "boiler.txt"}
    assert all("binary" in skipped[f] for f in ("binary.txt", "noise.txt", "controls.txt"))
    assert "no article text" in skipped["empty.txt"] and "no article text" in skipped["boiler.txt"]


LIST_ONE = """
import json, re, resource, sys
from pathlib import Path
from hashiye.core.corpus.corpus import scan
listing = scan(Path(sys.argv[1]))
try:  # this process's own peak (ru_maxrss would keep the parent's peak across exec on Linux)
    peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text())[1])
except (OSError, TypeError):
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"words": [a.words for a in listing.articles], "rss_mb": peak_kb / 1024}))
"""


def test_five_megabyte_article_is_listed_within_bounded_memory(tmp_path: Path) -> None:
    """Listed whole (every word counted) without holding more than a few copies of the text.

    Memory, not time: how long it takes depends on the machine's load (bench/README.md has
    the figures: bench/bench_big_article.py)."""
    body = "\n".join(f"پاراگراف شماره {i} درباره طرح محرومیت زدایی در روستاهای استان است." for i in range(70000))
    (tmp_path / "big.txt").write_text("عنوان یک خبر بسیار بلند\n" + body, "utf-8")
    size_mb = (tmp_path / "big.txt").stat().st_size / 1e6
    assert size_mb > 5
    out = subprocess.run([sys.executable, "-c", LIST_ONE, str(tmp_path)], capture_output=True, text=True,
                         timeout=600, env=dict(os.environ, HASHIYE_CACHE_DIR=str(tmp_path / "cache")))
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    assert figures["words"] == [770_005]
    assert figures["rss_mb"] < 400, f"listing one {size_mb:.1f} MB article took {figures['rss_mb']:.0f} MB"


def test_corrupt_sidecar_is_reported_and_left_untouched(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    broken = b'{"type": "AnnotationCollection", "first": {"items": [ {"id": '
    (tmp_path / "a.annotations.json").write_bytes(broken)
    result = scan(tmp_path)
    assert [a.annotations for a in result.articles] == [0]
    assert any("a.annotations.json" in w["message"] for w in result.warnings)
    assert (tmp_path / "a.annotations.json").read_bytes() == broken
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.annotations.json", "a.txt"]
