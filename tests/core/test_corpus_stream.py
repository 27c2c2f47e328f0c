"""The listing a chunk at a time (what the window shows while a large folder is read) is `scan`, exactly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hashiye.core.corpus import folder_rules
from hashiye.core.corpus.corpus import iter_listing, join_chunks, list_file, scan

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def folder(tmp_path: Path) -> Path:
    out = tmp_path / "folder"
    out.mkdir()
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt")) * 3):
        shutil.copy(seed, out / f"{i:02d}_{seed.name}")
    (out / "empty.txt").write_bytes(b"")
    (out / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (out / "00_seed.annotations.json").write_text("{ not json", "utf-8")
    return out


def as_json(listing) -> str:
    return json.dumps(listing.to_json(), ensure_ascii=False, sort_keys=True)


def test_chunks_joined_are_the_folders_listing_byte_for_byte(tmp_path: Path) -> None:
    corpus = folder(tmp_path)
    whole = scan(corpus)
    assert len(whole.articles) == 15 and len(whole.skipped) == 2
    for size in (1, 4, 100):
        chunks = list(iter_listing(corpus, chunk=size))
        assert len(chunks) == -(-17 // size) and chunks[-1].done == 17
        assert [c.done for c in chunks] == sorted({c.done for c in chunks}), "progress only grows"
        assert all(c.total == 17 for c in chunks)
        assert as_json(join_chunks(corpus, chunks)) == as_json(whole)


def test_one_file_at_a_time_gives_the_same_records_as_the_chunks(tmp_path: Path) -> None:
    corpus = folder(tmp_path)
    rules = folder_rules.for_folder(corpus)
    singles = [list_file(p, rules) for p in sorted(corpus.glob("*.txt"))]
    assert as_json(join_chunks(corpus, singles)) == as_json(scan(corpus))
    assert "binary" in next(s for c in singles for s in c.skipped if s.file == "binary.txt").reason


def test_an_empty_folder_yields_one_empty_chunk(tmp_path: Path) -> None:
    chunks = list(iter_listing(tmp_path))
    assert [(c.articles, c.done, c.total) for c in chunks] == [([], 0, 0)]


def test_provisional_rules_then_the_repeated_lines(tmp_path: Path) -> None:
    corpus = tmp_path / "f"
    corpus.mkdir()
    for i in range(4):  # four different stories sharing one short line of site furniture
        (corpus / f"{i}.txt").write_text(
            f"عنوان خبر شماره {i} درباره موضوعی دیگر\nعضویت در خبرنامه سایت ما\n"
            + f"متن خبر {i} که درباره یک رویداد تازه در شهر {i} است و چند جمله دارد. " * (i + 2) + "\n", "utf-8")
    first = folder_rules.provisional(corpus)
    assert first.repeated == frozenset(), "a folder never opened: nothing counted yet"
    assert folder_rules.for_folder(corpus) is first, "articles opened meanwhile use these rules, without a scan"
    seen: list[tuple[int, int]] = []
    final = folder_rules.rescan(corpus, tick=lambda d, t: seen.append((d, t)))
    assert final.repeated and seen[-1] == (4, 4)
    assert folder_rules.for_folder(corpus) is final
    assert folder_rules.provisional(corpus).repeated == final.repeated, "the counted keys are cached"


def test_repeated_lines_are_not_counted_again_for_an_unchanged_folder(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "f"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"{i}.txt").write_text(
            f"عنوان خبر شماره {i} درباره موضوعی دیگر\nعضویت در خبرنامه سایت ما\n"
            + f"متن خبر {i} که درباره یک رویداد تازه در شهر {i} است و چند جمله دارد. " * (i + 2) + "\n", "utf-8")
    first = folder_rules.repeated_lines(corpus)
    assert first, "the shared line is counted"
    real_count = folder_rules._count
    monkeypatch.setattr(folder_rules, "_count", lambda entries: pytest.fail("counted again"))
    assert folder_rules.repeated_lines(corpus) == first, "an unchanged folder reuses the last count"
    counts: list[int] = []
    monkeypatch.setattr(folder_rules, "_count", lambda entries: counts.append(1) or real_count(entries))
    (corpus / "3.txt").write_text("عنوان دیگر\nمتنی تازه که دیگر آن خط را ندارد و چند کلمه دارد.\n", "utf-8")
    assert folder_rules.repeated_lines(corpus) == first and counts == [1], "a changed file is counted again"
    (corpus / "2.txt").unlink()
    assert folder_rules.repeated_lines(corpus) == frozenset() and counts == [1, 1], "two stories left: not repeated"
    folder_rules.lines_cache_path(corpus).unlink()
    assert folder_rules.repeated_lines(corpus) == frozenset() and counts == [1, 1, 1], "a lost key cache: counted again"
