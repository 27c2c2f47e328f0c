"""The listing cache used by `hashiye-cli list` and the window: parallel reading, invalidation."""

from __future__ import annotations

import io
import json
import os
import sqlite3
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hashiye.core.search import index_read, search_index
from hashiye.core.cli.main import main
from hashiye.core.corpus.corpus import scan
from hashiye.core.text.normalize import _build_inverse, match_key_lines
from hashiye.core.search.listing_cache import cached_listing
from hashiye.core.search.search_index import CorpusIndex, index_path

MakeCorpus = Callable[[Path, int], Path]


def dump(index: CorpusIndex) -> tuple[list[tuple[object, ...]], str]:
    """Everything the cache holds about the files, and the listing as `list --json` prints it."""
    rows = index.db.execute("SELECT * FROM files ORDER BY name").fetchall()
    return rows, json.dumps(index.listing().to_json(), ensure_ascii=False, indent=2)


def test_parallel_listing_equals_serial_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      make_corpus: MakeCorpus) -> None:
    corpus = make_corpus(tmp_path / "c", 70)
    monkeypatch.setattr(index_read, "PARALLEL_FROM", 10)
    monkeypatch.setattr(index_read, "CHUNK", 7)  # chunks that do not divide the batches evenly
    pools: list[int] = []
    real_pool = index_read._pool
    monkeypatch.setattr(index_read, "_pool", lambda workers: pools.append(workers) or real_pool(workers))
    with CorpusIndex(corpus, tmp_path / "serial.sqlite") as serial:
        assert serial.update(workers=1) == 72
        serial_dump = dump(serial)
    assert pools == [], "one worker reads in this process"
    with CorpusIndex(corpus, tmp_path / "parallel.sqlite") as parallel:
        assert parallel.update(workers=2) == 72
        parallel_dump = dump(parallel)
    assert pools == [2], "the parallel listing really ran in worker processes"
    assert parallel_dump == serial_dump
    assert parallel_dump[1] == json.dumps(scan(corpus).to_json(), ensure_ascii=False, indent=2)
    listing = json.loads(parallel_dump[1])
    assert {s["file"] for s in listing["skipped"]} == {"binary.txt", "empty.txt"}
    assert any(w["file"] == "0003.txt" for w in listing["warnings"]), "the broken sidecar is reported"


def test_search_after_a_parallel_build_finds_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      make_corpus: MakeCorpus) -> None:
    from hashiye.core.search.search import search

    corpus = make_corpus(tmp_path / "c", 30)
    monkeypatch.setattr(index_read, "PARALLEL_FROM", 5)
    with CorpusIndex(corpus, tmp_path / "a.sqlite") as a, CorpusIndex(corpus, tmp_path / "b.sqlite") as b:
        a.update(metadata=False, workers=1)
        b.update(metadata=False, workers=2)
        for q in ("قزوین", "محرومیت‌زدایی", '"سازمان بهزیستی"'):
            ra, rb = search(a, q), search(b, q)
            assert (ra.total, ra.hits) == (rb.total, rb.hits) and ra.total > 0


def test_listing_follows_mtime_size_and_inode(seeds_copy: Path) -> None:
    path = seeds_copy / "002_4a4f9998171fccb3.txt"
    first = cached_listing(seeds_copy).to_json()
    assert first == scan(seeds_copy).to_json()
    title = next(a["title"] for a in first["articles"] if a["file"] == path.name)
    st = path.stat()
    text = path.read_text("utf-8")
    other = title.translate(str.maketrans("اب", "با"))  # same bytes, other words
    assert other != title and title in text
    # Same size, same mtime, a new file in its place (an editor that writes and renames).
    new = path.with_name("new.tmp")
    new.write_text(text.replace(title, other), "utf-8")
    assert new.stat().st_size == st.st_size
    os.utime(new, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(new, path)
    assert path.stat().st_mtime_ns == st.st_mtime_ns and path.stat().st_ino != st.st_ino
    listing = cached_listing(seeds_copy).to_json()
    assert listing == scan(seeds_copy).to_json()
    assert other in [a["title"] for a in listing["articles"]], "the replaced file was read again"
    # Same inode and size, new mtime.
    path.write_text(text, "utf-8")
    assert path.stat().st_size == st.st_size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert cached_listing(seeds_copy).to_json() == scan(seeds_copy).to_json()


def test_cache_written_by_other_core_code_is_rebuilt(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with CorpusIndex(seeds_copy) as index:
        assert index.update() == 5
        assert index.update() == 0
        index.db.execute("UPDATE files SET record = replace(record, '\"words\": ', '\"words\": 1')")
    monkeypatch.setattr(search_index, "_fingerprint", "another parser")
    with CorpusIndex(seeds_copy) as index:
        assert index.update() == 5, "every file is read again by the new parser"
    assert cached_listing(seeds_copy).to_json() == scan(seeds_copy).to_json()


def test_cli_list_uses_the_cache_and_prints_what_scan_finds(seeds_copy: Path) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["list", "--json", "--corpus", str(seeds_copy)]) == 0
    assert json.loads(out.getvalue()) == scan(seeds_copy).to_json()
    with sqlite3.connect(index_path(seeds_copy)) as db:
        assert db.execute("SELECT count(*) FROM files WHERE record IS NOT NULL").fetchone()[0] == 5


def test_undecodable_file_name_is_skipped_with_its_reason_like_scan_does(seeds_copy: Path) -> None:
    src = seeds_copy / "001_efa6bf155fd70a28.txt"
    odd = seeds_copy / os.fsdecode(b"odd-\xff\xfe.txt")
    try:
        odd.write_bytes(src.read_bytes())
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take undecodable names")
    listing = cached_listing(seeds_copy)
    assert listing.to_json() == scan(seeds_copy).to_json()
    assert odd.name not in [a.file for a in listing.articles]
    assert any("not valid UTF-8" in s.reason for s in listing.skipped)
    assert cached_listing(seeds_copy).to_json() == listing.to_json()


def test_fast_matching_form_equals_the_table() -> None:
    _build_inverse()
    from hashiye.core.text import normalize

    table = normalize._FAST_KEY
    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    assert match_key_lines(every) == every.lower().translate(table)
    for text in ("كتاب‌هاي ۱۲ ٣٤ آب\r\nسازمانـــها", "İSTANBUL Σ", ""):
        assert match_key_lines(text) == text.lower().translate(table)


def test_listing_without_words_then_search_finds_everything(seeds_copy: Path) -> None:
    from hashiye.core.search.search import search_corpus

    assert cached_listing(seeds_copy, words=False).to_json() == scan(seeds_copy).to_json()
    with CorpusIndex(seeds_copy) as index:
        assert index.update(metadata=False) == 5, "words are read when search needs them"
        assert index.update(metadata=True) == 0, "and the list records were kept"
    assert search_corpus(seeds_copy, "قزوین").articles == 1
    assert cached_listing(seeds_copy).to_json() == scan(seeds_copy).to_json()


def test_fast_match_key_equals_the_character_loop() -> None:
    import random

    from hashiye.core.text.normalize import match_key, match_key_indexed

    def loop(text: str) -> str:
        return match_key_indexed(text)[0].strip()

    for c in range(0x10000):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        for text in (ch, "ا" + ch + "ب", " " + ch + " "):
            assert match_key(text) == loop(text), hex(c)
    pool = [*"  \t\n\r\u200c\u200d\u064b\u0640ΣΟΔİabcABCسازمانيكة۱٢3,.؛", "\U0001d400", "\U00010400", "\u2028", "\xa0"]
    rnd = random.Random(17)
    for _ in range(5000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 12)))
        assert match_key(text) == loop(text), repr(text)


def test_cache_is_stale_when_the_parser_changes_not_when_the_cli_does(tmp_path: Path) -> None:
    import shutil

    core = tmp_path / "core"
    shutil.copytree(Path(search_index.__file__).resolve().parents[1], core,
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = search_index.source_digest(core)
    with (core / "cli" / "articles.py").open("a", encoding="utf-8") as f:
        f.write("\n# another way to print\n")
    assert search_index.source_digest(core) == before, "a command-line change keeps the listing cache"
    with (core / "corpus" / "parse.py").open("a", encoding="utf-8") as f:
        f.write("\n# another rule\n")
    assert search_index.source_digest(core) != before, "records written by another parser are not reused"


def test_the_window_knows_when_a_folders_cache_is_current(seeds_copy: Path) -> None:
    """`cache_is_current` decides whether the window lists a large folder from its cache or reads
    it as a new one: no cache, a damaged one, another schema or another parser are not current."""
    from hashiye.core.search.listing_cache import cache_is_current

    assert not cache_is_current(seeds_copy)  # never listed
    cached_listing(seeds_copy, words=False)
    assert cache_is_current(seeds_copy)
    path = index_path(seeds_copy)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={search_index.SCHEMA_VERSION - 1}")
    assert not cache_is_current(seeds_copy)
    cached_listing(seeds_copy, words=False)  # rebuilt by this code
    assert cache_is_current(seeds_copy)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'another parser' WHERE key = 'code'")
    assert not cache_is_current(seeds_copy)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"not a database at all" * 100)
    assert not cache_is_current(seeds_copy)
