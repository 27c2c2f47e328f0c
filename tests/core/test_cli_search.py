"""`hashiye-cli search`: the JSON contract of DESIGN §6, readable output, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "hashiye.core.cli.main"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120, check=False)


def test_search_json_contract(seeds_copy: Path) -> None:
    out = run("search", "محرومیت‌زدایی", "--corpus", str(seeds_copy), "--json", "--limit", "2")
    assert out.returncode == 0, out.stderr
    assert "\\u06" not in out.stdout, "no ASCII escapes"
    data = json.loads(out.stdout)
    assert set(data) == {"query", "total", "took_ms", "refresh_ms", "hits"}
    assert data["query"] == "محرومیت‌زدایی"
    assert data["total"] == 7 and len(data["hits"]) == 2
    assert isinstance(data["took_ms"], (int, float)) and isinstance(data["refresh_ms"], (int, float))
    for h in data["hits"]:
        assert set(h) == {"id", "start", "end", "exact", "snippet"}
        text = (seeds_copy / f"{h['id']}.txt").read_text("utf-8")
        assert text[h["start"]:h["end"]] == h["exact"]
    assert {h["exact"] for h in data["hits"]} == {"محرومیت زدایی", "محرومیتزدایی"}


def test_search_never_writes_in_the_corpus(seeds_copy: Path) -> None:
    before = sorted(p.name for p in seeds_copy.iterdir())
    assert run("search", "بهزیستی", "--corpus", str(seeds_copy), "--json").returncode == 0
    assert sorted(p.name for p in seeds_copy.iterdir()) == before


def test_search_readable_output(seeds_copy: Path) -> None:
    out = run("search", "قزوین", "--corpus", str(seeds_copy))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("002_4a4f9998171fccb3  ")
    assert "قزوین" in lines[0]
    assert lines[-1].startswith(f"{len(lines) - 1} hits in 1 articles")


def test_no_hits_is_success(seeds_copy: Path) -> None:
    out = run("search", "واژه‌ای‌که‌نیست", "--corpus", str(seeds_copy), "--json")
    assert out.returncode == 0
    assert json.loads(out.stdout)["hits"] == []


def test_errors_and_bad_usage(tmp_path: Path) -> None:
    missing = run("search", "سازمان", "--corpus", str(tmp_path / "nowhere"), "--json")
    assert missing.returncode == 1 and missing.stdout == ""
    assert len(missing.stderr.strip().splitlines()) == 1
    assert run("search", "سازمان", "--limit", "-1", "--corpus", str(tmp_path)).returncode == 2
    assert run("search").returncode == 2
    assert run("search", "", "--corpus", str(tmp_path)).returncode == 2
    assert run("search", '"', "--corpus", str(tmp_path)).returncode == 2


def test_search_and_list_do_not_import_hazm(seeds_copy: Path) -> None:
    code = ("import sys; from hashiye.core.cli.main import main; main(['search', 'خانواده', '--corpus', sys.argv[1], "
            "'--json']); print('HAZM', 'hazm' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, str(seeds_copy)], capture_output=True, text=True, check=False)
    assert "HAZM False" in out.stderr, out.stderr


def test_search_command_loads_neither_parser_nor_store(seeds_copy: Path) -> None:
    """Start-up of `hashiye-cli search` stays small: a heavy module on its path shows here."""
    code = ("import sys; from hashiye.core.cli.main import main; "
            f"main(['search', 'قزوین', '--corpus', {str(seeds_copy)!r}, '--json']); "
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    for _ in range(2):  # the first run builds the index, the second finds it up to date
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["total"] > 0
        loaded = set(out.stderr.split())
        heavy = {"hashiye.core.corpus.parse", "hashiye.core.corpus.boilerplate", "hashiye.core.text.display", "hashiye.core.annotations.store",
                 "hashiye.core.exchange.exporting", "hashiye.core.cli.annotations", "jdatetime", "hazm", "diff_match_patch",
                 "concurrent.futures.process"}
        assert not loaded & heavy, sorted(loaded & heavy)
