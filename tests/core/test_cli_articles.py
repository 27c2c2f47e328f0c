"""`hashiye-cli list` and `show`: the JSON contract of DESIGN §6, exit codes, messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hashiye.core.text.normalize import skeleton

CLI = [sys.executable, "-m", "hashiye.core.cli.main"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, check=False, timeout=120)


def test_list_json_on_the_seeds(seeds_copy: Path) -> None:
    out = run("list", "--corpus", str(seeds_copy), "--json")
    assert out.returncode == 0, out.stderr
    assert "\\u06" not in out.stdout, "no ASCII escapes"
    data = json.loads(out.stdout)
    assert set(data) == {"corpus", "articles", "skipped", "warnings"}
    assert len(data["articles"]) == 5
    fields = {"id", "file", "title", "supertitle", "lead", "source", "news_code", "published",
              "published_jalali", "words", "annotations"}
    for a in data["articles"]:
        assert set(a) == fields
        assert a["file"] == a["id"] + ".txt"
        assert a["news_code"] is None or a["news_code"].isascii() and a["news_code"].isdigit()
    got = {a["id"][:3]: (a["title"], a["supertitle"], a["source"], a["news_code"], a["published"])
           for a in data["articles"]}
    assert set(got) == set(SEED_METADATA)
    for seed, (title, *rest) in SEED_METADATA.items():
        assert got[seed][0].startswith(title) and list(got[seed][1:]) == rest, seed
    assert data["skipped"] == [] and data["warnings"] == []


# Read off the seed files by hand: title (start), supertitle, source, news code, published.
SEED_METADATA = {
    "000": ("سردار زهرایی در این دیدار به همدلی و همکا", None, "پایگاه اطلاع رسانی بسیج سازندگی", "9322216",
            "2021-02-17T12:14:00+03:30"),
    "001": ("برگزاری کمیسیون فرهنگی اجتماعی شورای عال", None, "جهانی پرس", None, "2024-05-06T22:56:00+03:30"),
    "002": ("امضای تفاهم نامه کمیته امداد و امور روست", None, "خبرگزاری بسیج", "9090692",
            "2018-12-17T11:47:00+03:30"),
    "003": ("بهره گیری از توان سازمان همیاری شناسایی ", "مدیرکل ستاد فرمان امام(ره) استان", "پایگاه خبری عصرتوس",
            "1666", "2021-02-14T14:32:00+03:30"),
    "004": ("برگزاری جلسه شورای مشارکتهای مردمی بهزیس", None, "اصفهان شرق", None, "2014-08-29T22:15:00+04:30"),
}


def test_list_does_not_import_hazm(seeds_copy: Path) -> None:
    code = ("import sys; from hashiye.core.cli.main import main; main(['list', '--corpus', sys.argv[1], '--json']);"
            "print('HAZM', 'hazm' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, str(seeds_copy)], capture_output=True, text=True, check=False)
    assert "HAZM False" in out.stderr


def test_show_caches_hazm_so_the_second_show_does_not_load_it(seeds_copy: Path, tmp_path: Path) -> None:
    code = ("import sys; from hashiye.core.cli.main import main; main(['show', sys.argv[1], '--corpus', sys.argv[2],"
            " '--json']); print('HAZM', 'hazm' in sys.modules, file=sys.stderr)")
    env = dict(os.environ, HASHIYE_CACHE_DIR=str(tmp_path / "cache"))
    runs = [subprocess.run([sys.executable, "-c", code, "001_efa6bf155fd70a28", str(seeds_copy)],
                           capture_output=True, text=True, check=False, env=env) for _ in range(2)]
    assert "HAZM True" in runs[0].stderr, "the first show normalises with hazm"
    assert "HAZM False" in runs[1].stderr, "the second show reads the display cache"
    assert runs[0].stdout == runs[1].stdout
    assert list((tmp_path / "cache").rglob("*.json")), "the cache lives in HASHIYE_CACHE_DIR"


def test_show_of_a_very_long_article_gives_the_quick_level_and_says_so(seeds_copy: Path, tmp_path: Path) -> None:
    from hashiye.core.corpus.article import load_article

    # The limit (1,000,000 characters) set low, so a seed article counts as very long.
    code = ("import sys; from hashiye.core.cli import articles; articles.HAZM_MOST = 500;"
            "from hashiye.core.cli.main import main; main(['show', sys.argv[1], '--corpus', sys.argv[2], '--json',"
            " *sys.argv[3:]]); print('HAZM', 'hazm' in sys.modules, file=sys.stderr)")
    env = dict(os.environ, HASHIYE_CACHE_DIR=str(tmp_path / "cache"))

    def show(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", code, "003_edc48c3769eb6a48", str(seeds_copy), *extra],
                              capture_output=True, text=True, check=False, env=env, timeout=120)

    quick = show()
    assert quick.returncode == 0, quick.stderr
    data = json.loads(quick.stdout)
    assert data["normalized"] is False and "HAZM False" in quick.stderr, "hazm is not loaded for it"
    assert "quick level" in quick.stderr and "over 500" in quick.stderr and "--hazm" in quick.stderr
    article = load_article(seeds_copy / "003_edc48c3769eb6a48.txt")
    assert data["text"] == article.display(normalized=False).text, "the quick display, whole"
    assert data["words"] == article.words() and data["title"] == article.fields()["title"]
    whole = show("--hazm")
    assert json.loads(whole.stdout)["normalized"] is True and "HAZM True" in whole.stderr
    assert "quick level" not in whole.stderr
    assert json.loads(whole.stdout)["text"] == article.display(normalized=True).text
    again = show()  # normalised before (cached): shown at hazm's level without loading it
    assert json.loads(again.stdout) == json.loads(whole.stdout) and "HAZM False" in again.stderr


def test_list_import_time_has_no_hazm(seeds_copy: Path) -> None:
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "hashiye.core.cli.main", "list", "--corpus",
                          str(seeds_copy), "--json"], capture_output=True, text=True, check=False)
    assert out.returncode == 0
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}
    assert "hashiye.core.corpus.parse" in imported, "the import log was read"
    assert not {m for m in imported if m.split(".")[0] in ("hazm", "sklearn", "nltk", "PySide6")}


def test_show_json_has_text_and_paragraphs(seeds_copy: Path) -> None:
    out = run("show", "003_edc48c3769eb6a48", "--corpus", str(seeds_copy), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    # Metadata is letter-folded only; the text also has hazm's spacing (ZWNJ) fixes.
    assert skeleton(data["title"]) in skeleton(data["text"])
    assert skeleton(data["paragraphs"][0]) == skeleton(data["lead"])
    assert "محرومیت\u200cزدایی" in data["paragraphs"][0]
    assert "ارسال نظرات" not in data["text"]
    assert all(p in data["text"] for p in data["paragraphs"])
    assert data["normalized"] is True


def test_unknown_article_is_a_runtime_error(seeds_copy: Path) -> None:
    out = run("show", "no-such-article", "--corpus", str(seeds_copy), "--json")
    assert out.returncode == 1
    assert out.stdout == ""
    assert "no-such-article" in out.stderr and "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_missing_folder_and_bad_usage(tmp_path: Path) -> None:
    missing = run("list", "--corpus", str(tmp_path / "nope"), "--json")
    assert missing.returncode == 1 and missing.stdout == "" and "nope" in missing.stderr
    for bad in (["frobnicate"], ["show"], ["list", "--no-such-option"]):
        out = run(*bad)
        assert out.returncode == 2 and out.stdout == "" and out.stderr


def test_readable_table_without_json(seeds_copy: Path) -> None:
    out = run("list", "--corpus", str(seeds_copy))
    assert out.returncode == 0
    assert "1399-11-26 14:32" in out.stdout and "پایگاه خبری عصرتوس" in out.stdout


def test_skipped_files_are_listed_with_reasons(seeds_copy: Path) -> None:
    (seeds_copy / "broken.txt").write_bytes(b"\x00\x01binary")
    data = json.loads(run("list", "--corpus", str(seeds_copy), "--json").stdout)
    assert data["skipped"] == [{"file": "broken.txt", "reason": "binary file (contains NUL bytes)"}]


def test_table_keeps_one_line_per_article_whatever_the_file_names(seeds_copy: Path) -> None:
    """A line break or a terminal escape sequence in a file name (or in a skipped file's name) is
    written as \\xNN: the table keeps one line per article and nothing drives the terminal."""
    first = sorted(seeds_copy.glob("*.txt"))[0]
    (seeds_copy / "line\nbreak.txt").write_bytes(first.read_bytes())
    (seeds_copy / "screen\x1b[2J.txt").write_bytes(first.read_bytes())
    (seeds_copy / "bad\nbinary\x1b[31m.txt").write_bytes(b"\x00\x01binary")
    out = run("list", "--corpus", str(seeds_copy))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 1 + 7, lines  # the header and the seven readable articles
    assert any(line.startswith("line\\x0abreak ") for line in lines)
    assert any(line.startswith("screen\\x1b[2J ") for line in lines)
    assert "\x1b" not in out.stdout + out.stderr
    assert len(out.stderr.splitlines()) == 1 and "bad binary\\x1b[31m.txt" in out.stderr
