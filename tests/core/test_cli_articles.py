"""`hashiye-cli list` and `show`: the JSON contract of DESIGN §6, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hashiye.core.normalize import skeleton

CLI = [sys.executable, "-m", "hashiye.core.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)


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
    codes = {a["id"]: a["news_code"] for a in data["articles"]}
    assert codes["002_4a4f9998171fccb3"] == "9090692"


def test_list_does_not_import_hazm(seeds_copy: Path) -> None:
    code = ("import sys; from hashiye.core.cli import main; main(['list', '--corpus', sys.argv[1], '--json']);"
            "print('HAZM', 'hazm' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, str(seeds_copy)], capture_output=True, text=True)
    assert "HAZM False" in out.stderr


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


def test_unknown_article_is_a_runtime_error(seeds_copy: Path) -> None:
    out = run("show", "no-such-article", "--corpus", str(seeds_copy), "--json")
    assert out.returncode == 1
    assert out.stdout == ""
    assert "no-such-article" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_missing_folder_and_bad_usage(tmp_path: Path) -> None:
    assert run("list", "--corpus", str(tmp_path / "nope")).returncode == 1
    assert run("frobnicate").returncode == 2
    assert run("show").returncode == 2


def test_readable_table_without_json(seeds_copy: Path) -> None:
    out = run("list", "--corpus", str(seeds_copy))
    assert out.returncode == 0
    assert "1399-11-26 14:32" in out.stdout and "پایگاه خبری عصرتوس" in out.stdout


def test_skipped_files_are_listed_with_reasons(seeds_copy: Path) -> None:
    (seeds_copy / "broken.txt").write_bytes(b"\x00\x01binary")
    data = json.loads(run("list", "--corpus", str(seeds_copy), "--json").stdout)
    assert data["skipped"] == [{"file": "broken.txt", "reason": "binary file (contains NUL bytes)"}]
